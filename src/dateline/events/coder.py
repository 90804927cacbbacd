"""The CAMEO coder on dependency parses. STUB."""

from __future__ import annotations

from spacy.tokens import Doc

from ..actors.match import ActorMatcher
from ..model import Article, Event, Mention
from ..settings import Settings
from .verbs import VerbDictionary


def code_events(
    article: Article,
    doc: Doc,
    mentions: list[Mention],
    verbs: VerbDictionary,
    actors: ActorMatcher,
    settings: Settings,
) -> list[Event]:
    """Code the events of every sentence."""
    return []
