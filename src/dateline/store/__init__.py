"""The embedded SQLite store and the archive's queries."""

from .filters import ArticleQuery, EventQuery, Near, QuoteQuery, TimelineQuery
from .queries import Page
from .store import Store

__all__ = [
    "ArticleQuery",
    "EventQuery",
    "Near",
    "Page",
    "QuoteQuery",
    "Store",
    "TimelineQuery",
]
