"""Quotations and reported speech with their speakers. STUB."""

from __future__ import annotations

from spacy.tokens import Doc

from .model import Article, Event, Mention, Quote


def find_quotes(article: Article, doc: Doc, mentions: list[Mention]) -> list[Quote]:
    return []


def reporter_for_event(event: Event, article: Article, doc: Doc) -> str | None:
    return None
