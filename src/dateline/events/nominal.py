"""Events carried by a noun: event nouns, light verbs, talks, truces.

- ``nominal_events``: a noun alone says the event ("after talks between Israel and Syria
  on Monday"): in a prepositional phrase, naming its parties, with a date of its own; a
  dated truce naming no party takes the parties of its paragraph's last event, at
  ``INFERRED_PARTIES_CONFIDENCE``;
- ``light_verb_code``: a light verb takes its event noun's code ("organized a general
  strike": 143, "went on strike");
- ``participation_code``: "took part in a series of meetings", "participated in the talks";
- ``travel_purpose``: going somewhere "for talks" or "for a rally" is that event;
- ``draft_code``: "presented a draft memorandum of understanding" (046);
- ``joint_subject_parties``: talks as a verb's subject name their parties ("US-China trade
  talks resumed");
- ``complete_from_earlier_talks``: "the talks" takes its other party from talks coded
  earlier in the article.

Each rule's docstring names the tests that show it (``tests/test_coder.py``,
``tests/test_coder_trace.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from ..model import Event
from ..model import Span as TextSpan
from ..settings import Settings
from .build import INFERRED_PARTIES_CONFIDENCE, add_event, add_rule, doc_text, event_key
from .lexicon import (
    DRAFT_CODE,
    DRAFT_NOUNS,
    DRAFT_VERBS,
    DRAFT_WORDS,
    EVENT_NOUN_CODES,
    JOINT_NOUNS,
    LIGHT_VERBS,
    NOMINAL_DATE_PREPOSITIONS,
    NOMINAL_EVENT_CODES,
    NOMINAL_FORWARD_PREPOSITIONS,
    PARTICIPATION_NOUN_CODES,
    PERIOD_NOUNS,
    PERIOD_TRUCE_NOUNS,
    POPULATION_AGENT,
    QUANTITY_NOUNS,
    TALK_NOUNS,
    TRAVEL_LEMMAS,
    TRAVEL_PURPOSE_CODES,
    TRUCE_CODE,
)
from .parties import Party, party_of, traced
from .roles import Roles
from .syntax import direct_objects, joint_noun


def joint_subject_parties(verb: Token, roles: Roles) -> list[Party]:
    """The parties of talks that are the verb's subject ("US-China trade talks resumed",
    "Russian-Ukrainian talks collapsed", "talks between Iran and the EU resumed"): two or
    more, else none. Not of a war or a dispute: "the Israel-Hamas war went on" is no
    journey of either side.

    Rule ``nominal.joint_subject_parties``. Tests:
    ``test_coder_codes_talks_that_are_the_subject_between_their_parties``.
    """
    for subj in verb.children:
        if subj.dep_ not in ("nsubj", "nsubjpass") or joint_noun(subj) not in TALK_NOUNS:
            continue
        for prep in subj.children:
            if prep.dep_ == "prep" and prep.lower_ == "between":
                for obj in prep.children:
                    pair = roles.parties(obj) if obj.dep_ == "pobj" else []
                    if len({p.code for p in pair}) >= 2:
                        return pair
        found: dict[str, Party] = {}
        for tok in subj.doc[subj.left_edge.i : subj.i]:
            mention = roles.mentions.at(tok)
            if mention is None or mention.actor is None or mention.actor.code.startswith("---"):
                continue
            party = party_of(mention)
            found.setdefault(party.code, party)
        return list(found.values()) if len(found) >= 2 else []
    return []


def participation_code(verb: Token) -> str | None:
    """ "took part in a series of meetings", "participated in the talks": the code of the
    event taken part in.

    Rule ``nominal.participation_code``. Tests:
    ``test_coder_codes_taking_part_by_the_event_taken_part_in``.
    """
    lemma = verb.lemma_.lower()
    heads = [verb]
    if lemma == "take":
        parts = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "part"]
        if not parts:
            return None
        heads.extend(parts)
    elif lemma != "participate":
        return None
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for noun in prep.children:
                if noun.dep_ != "pobj":
                    continue
                code = PARTICIPATION_NOUN_CODES.get(_counted(noun).lemma_.lower())
                if code is not None:
                    return code
    return None


def _counted(noun: Token) -> Token:
    """What a quantity noun counts ("a series of meetings" -> meetings); any other noun is
    itself."""
    if noun.lemma_.lower() in QUANTITY_NOUNS:
        for of in noun.children:
            if of.dep_ == "prep" and of.lower_ == "of":
                for obj in of.children:
                    if obj.dep_ == "pobj":
                        return obj
    return noun


def travel_purpose(verb: Token) -> tuple[str, Token] | None:
    """ "return to Geneva for talks", "converging for a rally": the code of the event gone
    to, and its noun (see TRAVEL_LEMMAS).

    Rules ``nominal.travel_purpose``, ``nominal.travel_party``. Tests:
    ``test_coder_codes_travel_for_an_event_as_the_event``,
    ``test_travel_for_talks_takes_the_party_met_as_target``.
    """
    if verb.lemma_.lower() not in TRAVEL_LEMMAS:
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "for":
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj":
                continue
            noun = _counted(noun)  # "for a round of talks"
            code = TRAVEL_PURPOSE_CODES.get(noun.lemma_.lower())
            if code is not None:
                return code, noun
    return None


def light_verb(verb: Token) -> bool:
    """Whether ``verb`` is a light verb, by its lemma or, where the lemmatiser went wrong
    ("staged" -> "stag"), by its regular past or present forms ("-d", "-ed", "-s")."""
    if verb.lemma_.lower() in LIGHT_VERBS:
        return True
    word = verb.lower_
    stems = {word[:-1], word[:-2]} if word.endswith(("ed", "es", "s", "d")) else set()
    return bool(stems & LIGHT_VERBS)


def light_verb_code(verb: Token) -> str | None:
    """The code of the event noun a light verb takes ("organized a general strike": 143).

    Rule ``nominal.light_verb_code``. Tests: ``test_coder_codes_a_light_verb_by_its_event_noun``,
    ``test_coder_codes_a_resumed_military_act_as_that_act``.
    """
    if not light_verb(verb):
        return None
    for child in verb.children:
        nouns = [child] if child.dep_ == "dobj" else []
        if child.dep_ == "prep" and child.lower_ == "on":
            nouns = [c for c in child.children if c.dep_ == "pobj"]  # "went on strike"
        for noun in nouns:
            lemma = noun.lemma_.lower()
            mods = [
                c.lower_ for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i
            ]
            for mod in reversed(mods):
                found = EVENT_NOUN_CODES.get(f"{mod} {lemma}")
                if found is not None:
                    return found
            if lemma in EVENT_NOUN_CODES:
                return EVENT_NOUN_CODES[lemma]
    return None


def draft_code(verb: Token) -> str | None:
    """ "presented a draft memorandum of understanding": CAMEO 046 (see DRAFT_VERBS).

    Rule ``nominal.draft_code``. Tests:
    ``test_coder_codes_a_presented_draft_agreement_as_negotiation``.
    """
    if verb.lemma_.lower() not in DRAFT_VERBS:
        return None
    for noun in direct_objects(verb):
        lemma = noun.lemma_.lower()
        mods = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound", "nmod")}
        if lemma in DRAFT_NOUNS and mods & DRAFT_WORDS:
            return DRAFT_CODE
        if lemma in DRAFT_WORDS:  # "a draft of the treaty"
            for of in noun.children:
                if (
                    of.dep_ == "prep"
                    and of.lower_ == "of"
                    and any(c.lemma_.lower() in DRAFT_NOUNS for c in of.children)
                ):
                    return DRAFT_CODE
    return None


def nominal_events(
    sent: Span,
    roles: Roles,
    settings: Settings,
    found: list[Event],
    earlier: Sequence[Event] = (),
) -> list[Event]:
    """Events said by a noun alone ("after talks between Israel and Syria on Monday"), see
    ``NOMINAL_EVENT_CODES``. Precise by construction: the noun stands in a prepositional
    phrase (an argument of a verb is the verb's to code: "held talks", "the truce
    collapsed"), its own phrase names the parties ("between A and B"; "A's truce with B",
    "talks by A with B"), and it has a date of its own ("on 6 February"): a noun without
    one may name a standing state ("to oversee a ceasefire between A and B"), not an event.

    A dated truce that names no party ("three before a week of enforced calm on 6
    February") is between the two parties of the last event coded in its paragraph
    (``earlier``: the article's events so far), both ways, at a lower confidence; with no
    such event in the paragraph it is not coded: a truce is never guessed across a topic.

    Rules: ``nominal.nominal_events``, ``nominal.possessor``, ``nominal.between``,
    ``nominal.by_party``, ``nominal.with_party``, ``nominal.forward_preposition``,
    ``nominal.paragraph_parties``. Tests:
    ``test_coder_codes_a_dated_nominal_event_whose_phrase_names_the_parties``,
    ``test_coder_leaves_a_nominal_event_without_its_own_date_or_parties_or_under_a_verb``,
    ``test_coder_gives_a_dated_truce_without_parties_those_of_its_paragraph``,
    ``test_nominal_talks_name_their_parties_by_and_with``.
    """
    seen = {event_key(e) for e in found}
    events: list[Event] = []
    doc = sent.doc
    table = roles.token_table(doc)
    nouns = table.with_lemma(sent.start, sent.end, NOMINAL_EVENT_CODES)
    lulls = table.with_lemma(sent.start, sent.end, PERIOD_TRUCE_NOUNS)
    for i in sorted({*nouns, *lulls}):
        noun = doc[i]
        if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ != "pobj":
            continue
        period = _period_of(noun)
        if noun.lemma_.lower() in PERIOD_TRUCE_NOUNS:
            if period is None:
                continue  # "called for calm": no stretch of time, no truce
            code = TRUCE_CODE
        else:
            code = NOMINAL_EVENT_CODES[joint_noun(noun)]
        if not (_own_date(noun) or (period is not None and _dated_period(period, noun))):
            continue
        sources: list[Party] = []
        targets: list[Party] = []
        for child in noun.children:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if child.dep_ == "poss":
                sources = traced(roles.parties(child), "nominal.possessor")
            elif child.dep_ == "prep" and objects:
                word = child.lower_
                if word == "between":
                    pair = roles.parties(objects[0])
                    if len(pair) >= 2:
                        sources = targets = traced(pair, "nominal.between")
                elif word == "by":
                    sources = traced(roles.parties(objects[0]), "nominal.by_party")
                elif word in ("with", "from"):
                    targets = traced(roles.parties(objects[0]), "nominal.with_party")
        inferred = False
        if not sources and not targets and code == TRUCE_CODE:
            sources = targets = _paragraph_parties(noun, [*earlier, *found])
            inferred = True
        if not sources or not targets:
            continue
        trigger = TextSpan(noun.idx, noun.idx + len(noun.text), noun.text)
        prep = (period if period is not None else noun).head  # "after talks", "ahead of"
        ahead = prep.lower_ == "of" and prep.head.lower_ == "ahead"
        forward = ahead or prep.lower_ in NOMINAL_FORWARD_PREPOSITIONS
        start = len(events)
        why = ["nominal.nominal_events"] + (["nominal.forward_preposition"] if forward else [])
        behind = [f"event noun {joint_noun(noun)} [{code}]"]
        for source in sources:
            for target in targets:
                if target.code != source.code:
                    add_event(events, seen, sent, trigger, source, target, code, None, why, behind)
        for event in events[start:]:
            event.hypothetical = forward
            if inferred:
                event.confidence = INFERRED_PARTIES_CONFIDENCE
                event.pattern = "truce noun; parties of the paragraph's last event"
    return events


def _period_of(noun: Token) -> Token | None:
    """The stretch of time a noun fills ("a week of enforced calm" -> week)."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in PERIOD_NOUNS:
        return prep.head
    return None


def _dated_period(period: Token, noun: Token) -> bool:
    """Whether a date hangs on the stretch of time, or follows its phrase at once ("three
    days of calm on 9 March", whichever word the parser hangs the date on)."""
    if _own_date(period):
        return True
    after = noun.right_edge.i + 1
    if after + 1 >= len(noun.doc):
        return False
    return _date_phrase(noun.doc[after])


def _paragraph_parties(noun: Token, earlier: Sequence[Event]) -> list[Party]:
    """The source and target of the last event with both, coded before ``noun`` in its
    paragraph (no line break between), not negated or hypothetical; else none.

    Rule ``nominal.paragraph_parties``. Tests:
    ``test_coder_gives_a_dated_truce_without_parties_those_of_its_paragraph``.
    """
    text = doc_text(noun.doc)
    for event in sorted(earlier, key=lambda e: e.trigger.start, reverse=True):
        if event.trigger.start >= noun.idx:
            continue
        if "\n" in text[event.trigger.end : noun.idx]:
            return []  # another paragraph: perhaps another story
        if event.source is None or event.target is None or event.negated or event.hypothetical:
            continue
        if event.source.code == event.target.code:
            continue
        return [
            Party(a.code, a.start, a.end, a.text, ("nominal.paragraph_parties",))
            for a in (event.source, event.target)
        ]
    return []


def _own_date(noun: Token) -> bool:
    """Whether a date hangs on the noun itself ("talks on Monday", "a truce in March").

    Tests: ``test_coder_leaves_a_nominal_event_without_its_own_date_or_parties_or_under_a_verb``.
    """
    for child in noun.children:
        if child.dep_ == "npadvmod" and child.ent_type_ == "DATE":
            return True
        if _date_phrase(child):
            return True
    return False


def _date_phrase(prep: Token) -> bool:
    """ "on 6 February", "in March": a prepositional phrase naming a date."""
    return (
        prep.dep_ == "prep"
        and prep.lower_ in NOMINAL_DATE_PREPOSITIONS
        and any(o.dep_ == "pobj" and o.ent_type_ == "DATE" for o in prep.children)
    )


def complete_from_earlier_talks(doc: Doc, events: list[Event]) -> None:
    """ "We decided to suspend the talks": a definite joint activity ("the talks", "the
    meetings") refers back to one coded earlier in the article; its other party is the
    target of an event that has none.

    Rule ``nominal.complete_from_earlier_talks``. Tests: ``test_seed_article_core_events``,
    ``test_the_seed_traces_coreference_inferred_parties_and_context``.
    """
    for k, event in enumerate(events):
        if event.target is not None or event.source is None:
            continue
        span = doc.char_span(event.trigger.start, event.trigger.end)
        if span is None:
            continue
        nouns = {
            c.lemma_.lower()
            for c in span.root.children
            if c.dep_ in ("dobj", "nsubjpass")
            and c.lemma_.lower() in JOINT_NOUNS
            and any(d.dep_ == "det" and d.lower_ in ("the", "these", "those") for d in c.children)
        }
        if not nouns:
            continue
        source = event.source.code
        for earlier in reversed(events[:k]):
            if earlier.source is None or earlier.target is None:
                continue
            if source not in (earlier.source.code, earlier.target.code):
                continue
            if nouns & _activity_nouns(doc, earlier):
                other = earlier.target if earlier.source.code == source else earlier.source
                event.target = other
                add_rule(event, "nominal.complete_from_earlier_talks")
                break


def _activity_nouns(doc: Doc, event: Event) -> set[str]:
    """The joint-activity nouns an event's verb takes ("Talks have been held")."""
    span = doc.char_span(event.trigger.start, event.trigger.end)
    if span is None:
        return set()
    return {
        joint_noun(t)
        for c in span.root.children
        if c.dep_ in ("dobj", "nsubjpass")
        for t in c.subtree
        if joint_noun(t) in JOINT_NOUNS
    }


def own_population(verb: Token, sources: Sequence[Party], targets: list[Party]) -> list[Party]:
    """ "Bihar announced a fresh lockdown", "the governor imposed a curfew in the capital": a
    restriction (CAMEO 172x) that names no one, or only places of the source's own country
    (where it holds), falls on the people of that country, coded as its civilians and read
    from the restriction's own noun. Other targets are kept.

    Rule ``nominal.own_population``. Tests: ``test_a_lockdown_falls_on_the_sources_people``.
    """
    own = {s.code[:3] for s in sources}
    if any(len(t.code) != 3 or t.code not in own for t in targets):
        return targets
    nouns = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not nouns:
        return targets
    noun = nouns[0]
    out: list[Party] = []
    for source in sources:
        country = source.code[:3]
        if len(country) != 3 or not country.isalpha() or country in ("IGO", "NGO"):
            continue
        party = Party(
            country + POPULATION_AGENT,
            noun.idx,
            noun.idx + len(noun.text),
            noun.text,
            ("nominal.own_population",),
        )
        if party not in out:
            out.append(party)
    return out or targets
