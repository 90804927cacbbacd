"""Offline geocoding of place names. STUB."""

from __future__ import annotations

from spacy.tokens import Doc

from .model import Article, Event, EventPlace, Place


class Gazetteer:
    """The offline gazetteer."""


def load_gazetteer() -> Gazetteer:
    return Gazetteer()


def find_places(article: Article, doc: Doc, gazetteer: Gazetteer) -> list[Place]:
    return []


def place_for_event(event: Event, article: Article, doc: Doc) -> EventPlace | None:
    return None
