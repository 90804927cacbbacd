"""The quotation stage's word lists, read once from ``data/quotes/lexicon.json``."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
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
    # Cues beyond the verbs of saying (issue 11, quotes/frames.py).
    act_verbs: frozenset[str] = frozenset()  # speech acts and stances: accuse, urge, endorse
    belief_verbs: frozenset[str] = frozenset()  # cognition and intent: believe, want, plan
    evidence_verbs: frozenset[str] = frozenset()  # show, find, reveal
    evidence_nouns: frozenset[str] = frozenset()  # poll, study, report: sources of evidence
    adjective_cues: frozenset[str] = frozenset()  # "is sure that", "was worried about"
    no_source_adverbs: frozenset[str] = frozenset()  # reportedly, allegedly
    raising_verbs: frozenset[str] = frozenset()  # "X seems to be Y"
    light_verbs: frozenset[str] = frozenset()  # "raised questions about": the noun is the cue
    phrasal_cues: dict[str, frozenset[str]] = field(default_factory=dict)  # call -> for, on
    content_prepositions: frozenset[str] = frozenset()
    nominal_cues: dict[str, str] = field(default_factory=dict)  # claim -> its kind
    nominal_prepositions: frozenset[str] = frozenset()
    passive_cues: frozenset[str] = frozenset()  # "is expected to", "was criticized for"
    addressee_verbs: frozenset[str] = frozenset()  # "told reporters": the object is addressed
    colon_labels: frozenset[str] = frozenset()  # "UPDATE:", "Photo:": labels, not speakers

    def cue_class(self, lemma: str) -> str | None:
        """The kind a verb cue gives ("indirect", "belief", "evidence"), else None."""
        if lemma in self.speech_verbs or lemma in self.act_verbs or lemma in self.phrasal_cues:
            return "indirect" if lemma not in self.belief_verbs else "belief"
        if lemma in self.belief_verbs:
            return "belief"
        if lemma in self.evidence_verbs:
            return "evidence"
        return None


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
        act_verbs=frozenset(raw["act_verbs"]),
        belief_verbs=frozenset(raw["belief_verbs"]),
        evidence_verbs=frozenset(raw["evidence_verbs"]),
        evidence_nouns=frozenset(raw["evidence_nouns"]),
        adjective_cues=frozenset(raw["adjective_cues"]),
        no_source_adverbs=frozenset(raw["no_source_adverbs"]),
        raising_verbs=frozenset(raw["raising_verbs"]),
        light_verbs=frozenset(raw["light_verbs"]),
        phrasal_cues={k: frozenset(v) for k, v in raw["phrasal_cues"].items()},
        content_prepositions=frozenset(raw["content_prepositions"]),
        nominal_cues=dict(raw["nominal_cues"]),
        nominal_prepositions=frozenset(raw["nominal_prepositions"]),
        colon_labels=frozenset(raw["colon_labels"]),
        addressee_verbs=frozenset(raw["addressee_verbs"]),
        passive_cues=frozenset(raw["passive_cue_extra"])
        | frozenset(raw["speech_verbs"])
        | frozenset(raw["belief_verbs"]) - frozenset(raw["not_passive_cues"]),
        anonymity=re.compile(
            r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.IGNORECASE
        ),
    )
