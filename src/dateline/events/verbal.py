"""Attacks made with words, read as words (issue 10: idioms read literally).

Political news borrows the verbs of violence for speech: "Christie blasted Clinton",
"lawmakers rip Trump", "the senator hammered the nominee", "Trump attacked his wife". The
dictionaries code these verbs as force (18x-20x), as they should when soldiers or rebels
are the ones attacking. CAMEO codes an attack in words as 111 "Criticize or denounce".

Rule ``verbal.verbal_attack``: an event of force whose trigger is one of these verbs
(``VERBAL_ATTACK_LEMMAS``) is criticism when

- its source is no armed actor (no MIL, REB, INS, SEP, UAF, SPY, COP agent) and is a
  person or a civilian body (a politician, party, legislature, government, medium);
- its target is no armed actor and no place: a person, party or body one can criticize;
- and the sentence names no weapon, wound or death (``PHYSICAL_WORDS``): "the man hit his
  neighbour with a bat" stays an assault.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..model import Event, EventActor
from ..tokenspan import expand_span
from .build import recode

__all__ = ["PHYSICAL_WORDS", "VERBAL_ATTACK_LEMMAS", "refine_verbal_attacks"]

# Verbs of violence that news uses for harsh words (lemmas).
VERBAL_ATTACK_LEMMAS = frozenset(
    {
        "attack",
        "bash",
        "blast",
        "batter",
        "hammer",
        "hit",
        "lash",
        "pummel",
        "rip",
        "savage",
        "skewer",
        "slam",
        "torch",
    }
)

# Words that make an attack physical (lemmas, lower case).
PHYSICAL_WORDS = frozenset(
    {
        "airstrike",
        "bat",
        "blow",
        "bomb",
        "bullet",
        "car",
        "club",
        "dead",
        "death",
        "die",
        "explosive",
        "fist",
        "grenade",
        "gun",
        "hospital",
        "injure",
        "injury",
        "kill",
        "knife",
        "missile",
        "pistol",
        "rifle",
        "rocket",
        "shell",
        "shoot",
        "shot",
        "stab",
        "troop",
        "vehicle",
        "weapon",
        "wound",
    }
)

# Agents that use force for a living: their attacks are attacks.
ARMED_OR_POLICE = frozenset({"MIL", "REB", "INS", "SEP", "UAF", "SPY", "COP"})

# Agents of civilian public life, whose "attacks" on a person are words.
CIVILIAN_AGENTS = frozenset(
    {"GOV", "LEG", "ELI", "PTY", "OPP", "MED", "JUD", "BUS", "LAB", "EDU", "NGO", "CVL"}
)

CRITICISM_CODE = "111"
FORCE_ROOTS = frozenset({"18", "19", "20"})


def _agents(code: str) -> set[str]:
    rest = code[3:]
    return {rest[i : i + 3] for i in range(0, len(rest), 3)}


def _civilian(actor: EventActor | None, doc: Doc, person_ok: bool) -> bool:
    """A party whose attacks (or whose being attacked) are words: a civilian body, or a
    person (a PERSON entity, coded with no agent)."""
    if actor is None:
        return False
    agents = _agents(actor.code)
    if agents & ARMED_OR_POLICE:
        return False
    if agents & CIVILIAN_AGENTS:
        return True
    span = expand_span(doc, actor.start, actor.end)
    if span is None or not len(span):
        return False
    root = span.root
    return person_ok and (root.ent_type_ == "PERSON" or root.lower_ in _PERSON_PRONOUNS)


_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "they", "them"})


def _physical(sent: Span) -> bool:
    return any(t.lemma_.lower() in PHYSICAL_WORDS for t in sent)


def verbal_attack(event: Event, verb: Token, doc: Doc) -> bool:
    """Whether ``event`` is an attack in words (see the module's rule)."""
    if event.root not in FORCE_ROOTS or verb.lemma_.lower() not in VERBAL_ATTACK_LEMMAS:
        return False
    if not _civilian(event.source, doc, person_ok=True):
        return False
    if not _civilian(event.target, doc, person_ok=True):
        return False
    return not _physical(verb.sent)


def refine_verbal_attacks(doc: Doc, events: list[Event]) -> None:
    """Recode attacks in words as criticism (rule ``verbal.verbal_attack``).

    Tests: ``test_a_politician_blasting_a_rival_is_criticism``,
    ``test_an_attack_with_a_weapon_or_by_soldiers_stays_force``.
    """
    for event in events:
        span = expand_span(doc, event.trigger.start, event.trigger.end)
        if span is None or not len(span):
            continue
        if verbal_attack(event, span.root, doc):
            recode(event, CRITICISM_CODE, "verbal.verbal_attack")
