"""dateline: news articles to event data, every field traceable to the text."""

from __future__ import annotations

from datetime import date as _date

from .errors import DatelineError, InputError
from .model import Article, Event, Mention, Place, Quote, TimeExpr
from .pipeline import Pipeline
from .settings import Settings
from .store import ArticleQuery, EventQuery, QuoteQuery, Store

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticleQuery",
    "DatelineError",
    "Event",
    "EventQuery",
    "InputError",
    "Mention",
    "Pipeline",
    "Place",
    "Quote",
    "QuoteQuery",
    "Settings",
    "Store",
    "TimeExpr",
    "__version__",
    "extract",
]


def extract(
    text_or_html: str | bytes,
    *,
    date: str | _date | None = None,
    url: str | None = None,
    settings: Settings | None = None,
) -> Article:
    """Extract one article (plain text or HTML, sniffed) and code its events."""
    return Pipeline.shared(settings).extract(text_or_html, date=date, url=url)
