"""What the benchmarks share: the same articles for every pass, fresh for each."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

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
