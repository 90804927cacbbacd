"""What the benchmarks share: the same articles for every pass, fresh for each."""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Doc

from dateline import Pipeline
from dateline.ingest import collect_inputs, read_file
from dateline.model import Article
from dateline.pipeline import with_date

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUTS = [str(ROOT / "examples")]


def load_articles(paths: list[str], date: str) -> list[Article]:
    """The articles of ``paths``; those without a publication date get ``date``."""
    files, _ = collect_inputs(paths)
    articles = [a for f in files for a in read_file(f)]
    for article in articles:
        if article.published is None:
            with_date(article, date)
    return articles


def fresh_copies(articles: list[Article]) -> list[Article]:
    """Fresh Article objects (the stages fill them in place)."""
    return [replace(a, mentions=[], places=[], times=[], quotes=[], events=[]) for a in articles]


def parse_args(description: str | None) -> argparse.Namespace:
    """The options every benchmark takes: inputs, passes, date of undated articles."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("paths", nargs="*", default=DEFAULT_INPUTS)
    parser.add_argument("--repeat", type=int, default=5, help="passes over the inputs")
    parser.add_argument("--date", default="2006-05-23", help="date for undated articles")
    return parser.parse_args()


@dataclass
class Passes:
    """The bare spaCy pass and the whole pipeline on the same articles, best of two each."""

    docs: list[Doc]
    done: list[Article]
    bare_s: float
    full_s: float


def time_passes(pipeline: Pipeline, base: list[Article], articles: list[Article]) -> Passes:
    """Warm both paths, then alternate bare and full passes (bare, full, bare, full) and keep
    each one's best time, so that neither gains from running second on a busy machine."""
    texts = [a.text for a in articles]
    nlp = pipeline.nlp
    list(nlp.pipe([a.text for a in base[:2]]))
    list(pipeline.process(fresh_copies(base[:2])))
    bare_s = full_s = float("inf")
    docs: list[Doc] = []
    done: list[Article] = []
    for _ in range(2):
        t0 = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=pipeline.settings.batch_size))
        bare_s = min(bare_s, time.perf_counter() - t0)
        t0 = time.perf_counter()
        done = list(pipeline.process(fresh_copies(articles)))
        full_s = min(full_s, time.perf_counter() - t0)
    return Passes(docs, done, bare_s, full_s)
