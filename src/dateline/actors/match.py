"""The compiled actor matcher. STUB."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Article, Mention
from ..settings import Settings


class ActorMatcher:
    """Finds actor mentions in a parsed article."""

    def find_mentions(self, article: Article, doc: Doc) -> list[Mention]:
        return []


def load_actor_matcher(settings: Settings) -> ActorMatcher:
    """Load the compiled matcher from the cache, compiling the dictionaries when needed."""
    return ActorMatcher()
