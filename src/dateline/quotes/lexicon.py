"""The quotation stage's word lists, read once from ``data/quotes/lexicon.json``."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class QuoteLexicon:
    """Cue verbs, source nouns and anonymity phrases (all lower case)."""

    speech_verbs: frozenset[str]
    quote_only_verbs: frozenset[str]  # cue a quotation next to them, never a clause
    according_to_non_sources: frozenset[str]
    source_nouns: frozenset[str]
    indefinite_determiners: frozenset[str]
    pronouns: frozenset[str]
    anaphor_determiners: frozenset[str]
    anonymity: re.Pattern[str]
    idioms: frozenset[tuple[str, ...]]  # phrases where a speech verb reports nothing
    silencing_heads: frozenset[str]  # "declined to say", "refused to comment"


@lru_cache(maxsize=1)
def load_quote_lexicon() -> QuoteLexicon:
    """The packaged lexicon, compiled once per process."""
    raw = json.loads(
        resources.files("dateline").joinpath("data/quotes/lexicon.json").read_text("utf-8")
    )
    phrases = sorted(raw["anonymity_phrases"], key=len, reverse=True)
    return QuoteLexicon(
        speech_verbs=frozenset(raw["speech_verbs"]),
        quote_only_verbs=frozenset(raw["quote_only_verbs"]),
        according_to_non_sources=frozenset(raw["according_to_non_sources"]),
        source_nouns=frozenset(raw["source_nouns"]),
        indefinite_determiners=frozenset(raw["indefinite_determiners"]),
        pronouns=frozenset(raw["pronouns"]),
        anaphor_determiners=frozenset(raw["anaphor_determiners"]),
        silencing_heads=frozenset(raw["silencing_heads"]),
        idioms=frozenset(tuple(p.split()) for p in raw["idioms"]),
        anonymity=re.compile(
            r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.IGNORECASE
        ),
    )
