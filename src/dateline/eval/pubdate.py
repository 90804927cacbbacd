"""``dateline eval pubdate DIR``: publication dates on htmldate's MediaCloud gold.

DIR holds ``eval_mediacloud_2020.json`` ({url: {"file", "date"}}; a bare ``NaN`` date means
no gold date) and ``pages/<file>.gz``. Each page goes through ingest with its URL, as a user
would give it; the date found is compared with the gold at day level. No spaCy runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import E_PUBDATE_GOLD, InputError
from ..ingest import read_file
from ..settings import Settings
from . import load_json_object

GOLD_FILE = "eval_mediacloud_2020.json"


def load_gold(path: Path) -> dict[str, dict[str, Any]]:
    """The gold file in folder ``path`` (Python's json reads its bare NaN dates)."""
    return load_json_object(path / GOLD_FILE, E_PUBDATE_GOLD)


def evaluate(path: Path, settings: Settings) -> dict[str, Any]:
    """Day accuracy of the publication date over the pages that have a gold date."""
    path = Path(path)
    gold = load_gold(path)
    with_gold = found = correct = 0
    sources: dict[str, int] = {}
    failures: list[dict[str, Any]] = []
    for url, record in sorted(gold.items()):
        want = record.get("date")
        has_gold = isinstance(want, str) and len(want) >= 10
        page = path / "pages" / f"{record['file']}.gz"
        error = ""
        got: str | None = None
        source: str | None = None
        try:
            published = read_file(page, url=url, settings=settings)[0].published
        except InputError as e:
            published, error = None, e.reason
        if published is not None:
            got, source = published.value, published.source
            sources[source] = sources.get(source, 0) + 1
        if not has_gold:
            continue
        with_gold += 1
        found += got is not None
        if got is not None and got[:10] == str(want)[:10]:
            correct += 1
        else:
            failures.append(
                {
                    "file": record["file"],
                    "url": url,
                    "gold": want,
                    "found": got,
                    "source": source,
                    "error": error,
                }
            )
    return {
        "pages": len(gold),
        "with_gold_date": with_gold,
        "found": found,
        "correct": correct,
        "accuracy": round(correct / with_gold, 4) if with_gold else 0.0,
        "by_source": sources,
        "failures": failures,
    }
