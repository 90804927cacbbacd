"""Violence as news tells it: attacks made with words, and assault that is not war (issue 10).

Attacks made with words, read as words (idioms read literally).

Political news borrows the verbs of violence for speech: "Christie blasted Clinton",
"lawmakers rip Trump", "the senator hammered the nominee", "Trump attacked his wife". The
dictionaries code these verbs as force (18x-20x), as they should when soldiers or rebels
are the ones attacking. CAMEO codes an attack in words as 111 "Criticize or denounce".

Rule ``violence.verbal_attack``: an event of force whose trigger is one of these verbs
(``VERBAL_ATTACK_LEMMAS``) is criticism when

- its source is no armed actor (no MIL, REB, INS, SEP, UAF, SPY, COP agent) and is a
  person or a civilian body (a politician, party, legislature, government, medium);
- its target is no armed actor and no place: a person, party or body one can criticize;
- and the sentence names no weapon, wound or death (``PHYSICAL_WORDS``): "the man hit his
  neighbour with a bat" stays an assault.

Assault is not war. CAMEO's root 19 "Fight" is conventional military force, acts of war;
root 18 "Assault" is violence outside it: "Kill by physical assault" (1823), "Use
unconventional violence" (180). A police officer shooting a man, or a man stabbing his
neighbour, is assault.

Rule ``violence.assault``: an event of force (19x) whose target is a person or civilians
(a PERSON entity, or an agent of civilian life; no armed actor, no country, no place),
whose source is no armed actor (police may be the source, or no one named), in a sentence
that names no act of war (``WAR_WORDS``), is assault: 1823 when the verb kills
(``KILLING_LEMMAS``), else 180.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..model import Event, EventActor
from ..tokenspan import expand_span
from .build import recode
from .parties import agents_of

__all__ = ["PHYSICAL_WORDS", "VERBAL_ATTACK_LEMMAS", "WAR_WORDS", "assault_code", "refine_violence"]

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
        "sailor",
        "sergeant",
        "sgt",
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

# Words of war: a sentence with one of these tells military force (lemmas).
WAR_WORDS = frozenset(
    {
        "airstrike",
        "army",
        "artillery",
        "battle",
        "bomb",
        "bombing",
        "combat",
        "corporal",
        "cpl",
        "drone",
        "insurgent",
        "marine",
        "militant",
        "military",
        "missile",
        "offensive",
        "rebel",
        "rocket",
        "sailor",
        "sergeant",
        "sgt",
        "shell",
        "shelling",
        "soldier",
        "strike",
        "troop",
        "war",
    }
)
KILLING_LEMMAS = frozenset({"kill", "murder", "slay", "execute", "assassinate"})
ARMED_AGENTS = frozenset({"MIL", "REB", "INS", "SEP", "UAF", "SPY"})
KILLING_CODE = "1823"
ASSAULT_CODE = "180"

CRITICISM_CODE = "111"
FORCE_ROOTS = frozenset({"18", "19", "20"})


def _civilian(actor: EventActor | None, doc: Doc, person_ok: bool) -> bool:
    """A party whose attacks (or whose being attacked) are words: a civilian body, or a
    person (a PERSON entity, coded with no agent)."""
    if actor is None:
        return False
    agents = agents_of(actor.code)
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


def assault_code(event: Event, verb: Token, doc: Doc) -> str | None:
    """The code of assault (1823, 180) when ``event`` is force on a person outside war."""
    if event.root != "19":
        return None
    target = event.target
    if target is None or agents_of(target.code) & ARMED_AGENTS:
        return None
    if not _civilian(target, doc, person_ok=True) or "COP" in agents_of(target.code):
        return None
    if event.source is not None and agents_of(event.source.code) & ARMED_AGENTS:
        return None
    if event.source is not None and not (
        agents_of(event.source.code) & (CIVILIAN_AGENTS | {"COP", "CRM"})
        or _civilian(event.source, doc, person_ok=True)
    ):
        return None  # a country or an organisation with no agent may be at war
    if any(t.lemma_.lower().rstrip(".") in WAR_WORDS for t in verb.sent):
        return None
    return KILLING_CODE if verb.lemma_.lower() in KILLING_LEMMAS else ASSAULT_CODE


def refine_violence(doc: Doc, events: list[Event]) -> None:
    """Recode attacks in words as criticism (rule ``violence.verbal_attack``) and force on
    a person outside war as assault (rule ``violence.assault``).

    Tests: ``test_a_politician_blasting_a_rival_is_criticism``,
    ``test_an_attack_with_a_weapon_or_by_soldiers_stays_force``,
    ``test_a_police_officer_killing_a_man_is_assault_not_war``.
    """
    for event in events:
        span = expand_span(doc, event.trigger.start, event.trigger.end)
        if span is None or not len(span):
            continue
        if verbal_attack(event, span.root, doc):
            recode(event, CRITICISM_CODE, "violence.verbal_attack")
            continue
        code = assault_code(event, span.root, doc)
        if code is not None:
            recode(event, code, "violence.assault")
