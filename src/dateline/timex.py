"""Time expressions normalised against the publication date. STUB."""

from __future__ import annotations

from spacy.tokens import Doc

from .model import Article, Event, EventDate, TimeExpr


def find_times(article: Article, doc: Doc) -> list[TimeExpr]:
    return []


def date_for_event(event: Event, article: Article, doc: Doc) -> EventDate | None:
    """The time expression governing the event's clause, else its sentence's, else publication."""
    if article.published:
        p = article.published
        return EventDate(p.value, p.precision, "published")
    return None
