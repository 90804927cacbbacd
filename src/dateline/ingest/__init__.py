"""Ingest: bytes -> Article (text, title, outlet, dateline, publication date). All input I/O."""

from __future__ import annotations

from datetime import date as _date

from ..model import Article, PublishedDate
from ..settings import Settings


def read_input(
    data: str | bytes,
    *,
    name: str = "<input>",
    url: str | None = None,
    date: str | _date | None = None,
    settings: Settings | None = None,
) -> Article:
    """Read one article from text or HTML (sniffed). STUB: plain text only."""
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    published = None
    if date is not None:
        value = date.isoformat() if isinstance(date, _date) else str(date)
        published = PublishedDate(value, "day", "user")
    return Article(text=text, url=url, published=published, source_path=name)
