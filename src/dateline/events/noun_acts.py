"""Acts of force told by a noun whose phrase names who did it (issue 10).

"Russia's annexation of Crimea renewed fears", "backed by Turkish shelling and drone
strikes", "a coalition implicated in the bombing of schools": news names acts of force by
their nouns as often as by verbs. A noun alone is background ("the 2003 invasion": no
event); a noun whose own phrase names the actor is an act that actor did.

Rule ``noun_acts.actor_noun``: a noun of ``FORCE_NOUN_CODES`` (or an "air", "drone" or
"missile" strike) is an event when its phrase names its actor: a possessor ("Russia's
annexation"), a nationality or actor word before it ("Turkish shelling", "the Syrian
government offensive"; a place name there says where: "the Gaza bombing") or a "by"
phrase ("the shelling of Afrin by Turkish forces"). The target is the party its "of", "on"
or "against" phrase names ("of Crimea"), if any. A noun that is the object or subject of a
verb the coder coded is that verb's ("launched an offensive"), not an event of its own.
Tests: ``test_a_noun_of_force_with_its_actor_is_an_event``,
``test_a_noun_of_force_without_an_actor_is_background``.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import ClassVar

from spacy.attrs import LEMMA
from spacy.tokens import Doc, Span, Token

from ..model import Event
from ..model import Span as TextSpan
from .build import add_event, event_key
from .parties import Party, traced
from .roles import Roles

__all__ = ["FORCE_NOUN_CODES", "noun_acts"]

# Nouns of force and seizure and their CAMEO codes (manual 1.1b3): 192 "Occupy territory",
# 194 "Fight with artillery and tanks", 195 "Employ aerial weapons", 190 "Use conventional
# military force", 0874 "Retreat or surrender militarily", 191 "Impose blockade".
FORCE_NOUN_CODES = {
    "annexation": "192",
    "invasion": "192",
    "occupation": "192",
    "shelling": "194",
    "bombardment": "194",
    "bombing": "195",
    "airstrike": "195",
    "offensive": "190",
    "incursion": "190",
    "retreat": "0874",
    "blockade": "191",
    "siege": "191",
}
# "strike" is an act of force only as an air, drone or missile strike (a strike is also a
# walkout).
STRIKE_KINDS = frozenset({"air", "drone", "missile", "rocket"})
STRIKE_CODE = "195"
TARGET_PREPOSITIONS = frozenset({"of", "on", "against"})
# A place name before the noun says where it was, not who did it ("the Gaza bombing").
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _code(noun: Token) -> str | None:
    lemma = noun.lemma_.lower()
    if lemma == "strike":
        kinds = {c.lower_ for c in noun.children if c.dep_ in ("compound", "amod")}
        return STRIKE_CODE if kinds & STRIKE_KINDS else None
    return FORCE_NOUN_CODES.get(lemma)


def _actors(noun: Token, roles: Roles) -> list[Party]:
    """The actor named in the noun's own phrase: possessor, modifier before it, "by"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return traced(roles.parties(child), "noun_acts.possessor")
    for child in noun.children:
        if child.dep_ in ("amod", "compound", "nmod") and child.i < noun.i:
            if child.ent_type_ in PLACE_LABELS:
                continue  # "the Gaza bombing": where, not who
            found = roles.parties(child)
            if found:
                return traced(found, "noun_acts.modifier")
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return traced(roles.parties(obj), "noun_acts.by_party")
    return []


def _targets(noun: Token, roles: Roles) -> list[Party]:
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in TARGET_PREPOSITIONS:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    found = roles.parties(obj)
                    if found:
                        return traced(found, "noun_acts.object_of")
    return []


class _Positions:
    """The token indices of a doc whose lemma is a noun of force, found on its lemma array
    once (reading every token as an object cost most of this rule's time); kept for the
    last doc asked about, as the coder codes one document at a time."""

    doc: ClassVar[Doc | None] = None
    length: ClassVar[int] = -1
    found: ClassVar[list[int]] = []


def _force_noun_positions(doc: Doc) -> list[int]:
    if _Positions.doc is doc and _Positions.length == len(doc):
        return _Positions.found
    lemmas = doc.to_array(LEMMA).tolist() if len(doc) else []
    strings = doc.vocab.strings
    wanted = set()
    for lemma in set(lemmas):
        word = strings[lemma].lower()
        if word in FORCE_NOUN_CODES or word == "strike":
            wanted.add(lemma)
    _Positions.doc, _Positions.length = doc, len(doc)
    _Positions.found = [i for i, lemma in enumerate(lemmas) if lemma in wanted]
    return _Positions.found


def noun_acts(sent: Span, roles: Roles, found: list[Event]) -> list[Event]:
    """The acts of force told by nouns of ``sent`` whose phrase names their actor."""
    positions = _force_noun_positions(sent.doc)
    first = bisect_left(positions, sent.start)
    last = bisect_left(positions, sent.end)
    if first == last:
        return []
    coded = {e.trigger.start for e in found}
    seen = {event_key(e) for e in found}
    events: list[Event] = []
    for i in positions[first:last]:
        noun = sent.doc[i]
        if noun.pos_ != "NOUN":
            continue
        code = _code(noun)
        if code is None:
            continue
        if noun.dep_ in ("dobj", "nsubj", "nsubjpass") and noun.head.idx in coded:
            continue  # "launched an offensive": the verb's event
        sources = _actors(noun, roles)
        if not sources:
            continue  # "the 2003 invasion": background, no act of anyone
        targets: list[Party | None] = [*_targets(noun, roles)] or [None]
        trigger = TextSpan(noun.idx, noun.idx + len(noun.text), noun.text)
        for source in sources:
            for target in targets:
                if target is not None and target.code == source.code:
                    continue
                add_event(
                    events,
                    seen,
                    sent,
                    trigger,
                    source,
                    target,
                    code,
                    None,
                    ["noun_acts.actor_noun"],
                    [f"event noun {noun.lemma_.lower()} [{code}]"],
                )
    return events
