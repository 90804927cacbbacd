"""The CAMEO verb-pattern dictionary. STUB."""

from __future__ import annotations

from ..settings import Settings


class VerbDictionary:
    """Verb synsets and patterns."""


def load_verb_dictionary(settings: Settings) -> VerbDictionary:
    return VerbDictionary()
