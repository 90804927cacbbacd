"""Acts of the police and the courts, as news reports them (issue 10).

Local and national news report arrests, charges, indictments and verdicts mostly in the
passive with no one named as doing them ("Patricia Moore was arrested at her home", "Jones
was charged with brandishing a firearm", "a Henderson County woman was sentenced to 99
years"). Only one kind of public actor does each of these acts, so the act is coded with
that actor as its source, of the story's country when the story makes it plain
(``actors.context``): an analyst codes USACOP -> USACVL for a local paper's arrest.

Rules, each named in the events they shape:

- ``implied_agent``: a passive of an arresting or judicial verb with no agent ("was
  arrested", "were indicted") has the police or a court as its source (``IMPLIED_AGENTS``);
  the source's span is empty, at the verb, since no words name it;
- ``legal_charge``: "charged with" a crime is a legal charge, CAMEO 173 ("Arrest, detain,
  or charge with legal action"), not an accusation (112, CAMEO.2.0's BLAME block);
- ``facing_charges``: charges a subject faces ("the defendants face charges of fraud"),
  with no one named as bringing them, are the police's legal charge (173);
- ``release``: a person released from custody or on bail ("was released on bond") with no
  one named is released by the police or a court, CAMEO 0841 "Return, release person(s)";
- ``police_questioning``: the police or a court questioning someone ("detectives questioned
  two men") investigate a crime, CAMEO 091, where anyone else questioning something
  criticizes it (111, ``verb_supplement.tsv``);
- ``verdict``: a court's sentence or verdict ("sentenced to", "convicted of", "found
  guilty") is CAMEO 116 "Find guilty or liable (legally)", the code the project's coding
  guidelines give a court's decision on a person (CAMEO.2.0 puts SENTENCE in a 172 block).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Event
from ..tokenspan import expand_span
from .build import add_rule, recode
from .legal_lexicon import (
    BAIL_NOUNS,
    CHARGE_CODE,
    CHARGE_LEMMAS,
    CHARGE_NOUNS,
    CHARGE_PREPOSITIONS,
    CHARGING_AGENT,
    CUSTODY_LEMMAS,
    CUSTODY_PLACES,
    CUSTODY_PREPOSITIONS,
    FACING_LEMMAS,
    GUILTY_WORDS,
    IMPLIED_AGENTS,
    INVESTIGATING_AGENTS,
    QUESTIONING_CODE,
    QUESTIONING_LEMMAS,
    RELEASE_CODE,
    RELEASE_LEMMAS,
    VERDICT_CODE,
    VERDICT_LEMMAS,
)

__all__ = [
    "LEGAL_PASSIVE_LEMMAS",
    "facing_charges",
    "implied_agent",
    "legal_code",
    "refine_legal_codes",
]

# Verbs of the police and courts that never stand without their object: a participle of
# one on a noun is passive ("Area woman sentenced for fraud").
LEGAL_PASSIVE_LEMMAS = frozenset(
    {"arrest", "detain", "indict", "sentence", "convict", "jail", "accuse", "charge", "suspect"}
)


def implied_agent(verb: Token) -> str | None:
    """The agent code (COP, JUD) a passive with no agent implies, or None: an arrest or a
    court's act, someone taken to detention ("was taken to the county jail") or released
    from it ("was released on bond")."""
    lemma = verb.lemma_.lower()
    if lemma in CUSTODY_LEMMAS and _to_detention(verb):
        return "COP"
    if lemma in RELEASE_LEMMAS:
        return _released_by(verb)
    return IMPLIED_AGENTS.get(lemma)


def _released_by(verb: Token) -> str | None:
    """Who releases someone from custody ("was released from jail": the police) or on bail
    ("was released on bond", "on his own recognizance": a court); None for a release of
    anything else ("the hostages were released": by whoever held them)."""
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        nouns = {o.lemma_.lower() for o in prep.children if o.dep_ == "pobj"}
        if prep.lower_ == "from" and nouns & CUSTODY_PLACES:
            return "COP"
        if prep.lower_ == "on" and nouns & BAIL_NOUNS:
            return "JUD"
    return None


def facing_charges(verb: Token) -> str | None:
    """The agent code of whoever brings the charges a subject faces ("the defendants face
    charges of fraud", "faces two counts of murder"), or None (rule ``legal.facing_charges``:
    the verb dictionary codes FACE CHARGE [:112], an act of someone the sentence does not
    name on the subject)."""
    if verb.lemma_.lower() not in FACING_LEMMAS:
        return None
    if any(c.dep_ == "dobj" and c.lemma_.lower() in CHARGE_NOUNS for c in verb.children):
        return CHARGING_AGENT
    return None


def _to_detention(verb: Token) -> bool:
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in CUSTODY_PREPOSITIONS
        and any(
            obj.dep_ == "pobj" and obj.lemma_.lower() in CUSTODY_PLACES for obj in prep.children
        )
        for prep in verb.children
    )


def _charged_with(verb: Token) -> bool:
    return verb.lemma_.lower() in CHARGE_LEMMAS and any(
        c.dep_ == "prep" and c.lower_ in CHARGE_PREPOSITIONS for c in verb.children
    )


def _verdict(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in VERDICT_LEMMAS:
        return True
    # "found the defendant guilty", "was found guilty"
    return lemma == "find" and any(
        t.lower_ in GUILTY_WORDS for c in verb.children for t in c.subtree
    )


def legal_code(event: Event, verb: Token) -> tuple[str, str] | None:
    """(code, rule) when an act of the police or courts takes another code, else None."""
    if _verdict(verb) and event.cameo != VERDICT_CODE:
        return VERDICT_CODE, "legal.verdict"
    if _charged_with(verb) and event.cameo != CHARGE_CODE:
        return CHARGE_CODE, "legal.legal_charge"
    implied = event.source is not None and not event.source.text
    if implied and facing_charges(verb) and event.cameo != CHARGE_CODE:
        return CHARGE_CODE, "legal.legal_charge"  # charges faced, brought by the police
    if implied and verb.lemma_.lower() in RELEASE_LEMMAS and event.cameo != RELEASE_CODE:
        return RELEASE_CODE, "legal.release"  # a person released from custody or on bail
    source = event.source.code if event.source else ""
    if (
        verb.lemma_.lower() in QUESTIONING_LEMMAS
        and source[3:6] in INVESTIGATING_AGENTS
        and event.cameo != QUESTIONING_CODE
    ):
        return QUESTIONING_CODE, "legal.police_questioning"
    return None


def refine_legal_codes(doc: Doc, events: list[Event]) -> None:
    """Acts of the police and courts take their CAMEO codes (``legal_code``).

    Tests: ``test_a_sentence_is_a_courts_verdict``,
    ``test_charged_with_a_crime_is_a_legal_charge_not_an_accusation``.
    """
    for event in events:
        span = expand_span(doc, event.trigger.start, event.trigger.end)
        if span is None or not len(span):
            continue
        found = legal_code(event, span.root)
        if found is not None:
            recode(event, found[0])
            add_rule(event, found[1])
