"""Each event's date, place and reporting source, from the article's annotations."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Article
from ..places import place_for_event
from ..quotes import reporter_for_event
from ..timex import date_for_event


def attach_context(article: Article, doc: Doc) -> None:
    """Set ``date``, ``place`` and ``reported_by`` on every event of ``article``."""
    for event in article.events:
        event.date = date_for_event(event, article, doc)
        event.place = place_for_event(event, article, doc)
        event.reported_by = reporter_for_event(event, article, doc)
