"""``dateline eval aeb DIR``: body-text extraction on the article-extraction-benchmark.

DIR holds ``ground-truth.json`` ({id: {"articleBody", "url"}}) and ``html/<id>.html.gz``.
The score is the benchmark's own (scrapinghub/article-extraction-benchmark, evaluate.py):
per page, counts of word 4-gram shingles in common (tp), extra (fp) and missed (fn),
normalised to sum to one so that long pages weigh no more than short ones; precision and
recall are averaged over the pages where they are defined, and F1 is taken from the two
averages. Only ingest runs (no spaCy), so the whole split takes seconds.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from statistics import mean
from typing import Any

from ..errors import E_AEB_GOLD, InputError
from ..ingest import read_file
from ..settings import Settings
from . import load_json_object

SHINGLE_SIZE = 4
# Pages scoring under this F1 are listed as failures.
FAILURE_F1 = 0.8
_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """Counts of the word n-grams of ``text`` (a text shorter than n gives one short gram)."""
    tokens = _TOKEN.findall(text or "")
    grams = (tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))
    return Counter(g for g in grams if g)


def shingle_match(gold: str, found: str) -> tuple[float, float, float]:
    """(tp, fp, fn) over shingles, normalised to sum to 1 (all 0 when both texts are empty)."""
    want, got = shingles(gold), shingles(found)
    tp = sum((want & got).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    total = tp + fp + fn
    if not total:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def page_precision(tp: float, fp: float, fn: float) -> float:
    """One page's precision (1.0 when nothing is extra and nothing missed)."""
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def page_recall(tp: float, fp: float, fn: float) -> float:
    """One page's recall (1.0 when nothing is extra and nothing missed)."""
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def score_pages(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    """Macro precision, recall and F1 over pages, as the benchmark computes them."""
    precisions = [page_precision(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [page_recall(*c) for c in counts if c[0] + c[2] > 0]
    p = mean(precisions) if precisions else 0.0
    r = mean(recalls) if recalls else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def load_ground_truth(path: Path) -> dict[str, dict[str, Any]]:
    """The benchmark's ``ground-truth.json`` in folder ``path``."""
    return load_json_object(path / "ground-truth.json", E_AEB_GOLD)


def evaluate(path: Path, settings: Settings) -> dict[str, Any]:
    """Body precision, recall and F1 of dateline's ingest on the benchmark in ``path``."""
    path = Path(path)
    gold = load_ground_truth(path)
    counts: list[tuple[float, float, float]] = []
    failures: list[dict[str, Any]] = []
    for page_id, record in sorted(gold.items()):
        html_path = path / "html" / f"{page_id}.html.gz"
        error = ""
        try:
            found = read_file(html_path, url=record.get("url"), settings=settings)[0].text
        except InputError as e:
            found, error = "", e.reason
        count = shingle_match(record.get("articleBody", ""), found)
        counts.append(count)
        one = score_pages([count])
        if one["f1"] < FAILURE_F1 or error:
            failures.append({"id": page_id[:16], "url": record.get("url"), **one, "error": error})
    return {"pages": len(counts), **score_pages(counts), "failures": failures}
