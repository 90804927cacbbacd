"""The parties of a coded verb: who did the act and to whom (``parties_of``), from what the
rules chose for the verb (``Coding``): a pattern's marked parties, the verb's objects, the
members of a compound subject for acts of two sides, "between A and B", the patient of a
verb like "died", an agent the act implies ("was arrested": the police).

Split from ``candidates.py``, which walks a sentence's verbs and codes each; this module
answers the second question of ``code_verb``, once the code is known.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..settings import Settings
from .legal import facing_charges, implied_agent
from .lexicon import (
    DIRECTED_CODES,
    MEETING_CODES,
    MUTUAL_ROOTS,
    PARTY_PRONOUNS,
    PATIENT_SUBJECT_LEMMAS,
    RESTRICTION_ROOT_CODE,
    STATE_AGENTS,
    SUBJECT_DEPS,
    UNATTRIBUTED_ROOTS,
)
from .nominal import own_population
from .parties import NO_COUNTRY, Party, agents_of, one_party, split_parties, traced
from .patterns import PatternMatch, names_reporting_words
from .refine import own_intent
from .roles import (
    Roles,
    acts_together,
    between_parties,
    elided_passive,
    is_own_subject,
    is_venue,
    reporter,
    violence_owners,
    violent_context,
)
from .syntax import first_conjunct, joined_with_own
from .tokens import TokenTable
from .verbs import NULL_CODE


@dataclass(slots=True)
class Coding:
    """What the rules chose for one verb: its codes, the pattern behind them, and why."""

    code: str | None
    reverse: str | None
    pattern: str | None  # the text of the pattern that gave the code
    match: PatternMatch | None
    # The object names the act: its target is among the verb's own objects, not in the
    # clauses it governs ("presented a draft ... aimed at a solution to the Iraqi crisis").
    own_objects: bool
    travel: tuple[str, Token] | None  # an event gone to ("for talks"), and its noun
    participation: str | None  # the code of an event taken part in or gone to
    rules: list[str] = field(default_factory=list)
    entries: list[str] = field(default_factory=list)

    def recode(self, code: str | None, reverse: str | None, rule: str) -> None:
        """Another code, given by ``rule``."""
        self.code, self.reverse = code, reverse
        if rule not in self.rules:
            self.rules.append(rule)

    @property
    def uncoded(self) -> bool:
        return self.code in (None, NULL_CODE) and self.reverse in (None, NULL_CODE)


def parties_of(
    verb: Token,
    sent: Span,
    coding: Coding,
    sources: list[Party],
    passive: bool,
    joint: list[Party],
    roles: Roles,
    cameo: bool,
) -> tuple[list[Party], list[Party], bool] | None:
    """(sources, targets, whether the source is unknown) of a coded verb (None: no event):
    a pattern's ``$`` and ``+``, the verb's objects, the members of a compound subject for
    acts of two sides, "between A and B", the patient of a verb like "died".

    Rules: ``patterns.marked_source`` (``test_a_source_a_pattern_marks_is_traced_to_the_pattern``),
    ``roles.reporter`` and ``patterns.marked_target``
    (``test_coder_pattern_making_the_subject_its_target_takes_the_reporter_as_source``),
    ``nominal.travel_party`` (``test_travel_for_talks_takes_the_party_met_as_target``),
    ``roles.acts_together`` and ``roles.venue_not_party``
    (``test_a_matched_pattern_is_among_the_entries``,
    ``test_coder_reads_two_actors_the_parser_nested_and_leaves_out_the_venue``),
    ``refine.own_intent`` (``test_coder_gives_a_promise_about_ones_own_country_no_target``),
    ``roles.two_sided_act``
    (``test_coder_codes_a_two_sided_act_of_a_compound_subject_between_its_members``),
    ``patterns.compound_each_other``
    (``test_a_compound_subject_acting_on_each_other_is_traced_to_the_pattern``), ``roles.between``
    (``test_seed_article_core_events``), ``roles.patient_subject`` and ``roles.violence_owner``
    (``test_coder_reads_who_suffered_and_who_did_violence_told_without_an_active_verb``),
    ``roles.unknown_source`` (``test_coder_codes_unattributed_violence_with_no_source``).
    """
    match, code, reverse = coding.match, coding.code, coding.reverse
    if (
        match is not None
        and match.source is not None
        and not elided_passive(first_conjunct(verb))  # the subject suffered the act
    ):
        sources = traced(split_parties([match.source]), "patterns.marked_source")
    elif (
        match is not None
        and match.target is not None
        and names_reporting_words(match.pattern)
        and is_own_subject(match.target, sources)
    ):
        # "X noted that Y regretted ..." with "- NOTED + *": the pattern names the reporting
        # words and makes the verb's own subject its target, so the act is the reporter's,
        # about that subject.
        sources = traced(reporter(verb, roles), "roles.reporter")
    table = roles.token_table(sent.doc)
    skip = {
        i for p in sources for i in table.starting_in(p.start, p.end) if sent.start <= i < sent.end
    }
    if not sources and not passive and len(between_parties(verb, roles)) < 2:
        return None  # no source, and no "between A and B" to give one: the objects can wait
    travel = coding.travel
    if match is not None and match.target is not None:
        targets = traced(split_parties([match.target]), "patterns.marked_target")
    elif travel is not None and coding.participation == travel[0]:
        # The party met is named with the event ("for talks with Gondor"); else the
        # members of a compound subject meet each other.
        targets = [
            p.traced("nominal.travel_party")
            for prep in travel[1].children
            if prep.dep_ == "prep" and prep.lower_ == "with"
            for o in prep.children
            if o.dep_ == "pobj"
            for p in roles.parties(o)
        ]
        if not targets and len(sources) > 1 and not travel[0].startswith("14"):
            targets = traced(sources, "roles.acts_together")
    else:
        together = len(sources) > 1 and acts_together(verb)
        targets = roles.objects(verb, passive, skip, clauses=not (together or coding.own_objects))
        if cameo and own_intent(
            code, sources, targets, lambda p: names_a_country(p, sent.doc, table)
        ):
            targets = []
            coding.rules.append("refine.own_intent")
        if together and targets and all(is_venue(p, sent.doc, table) for p in targets):
            # "A and B signed an agreement in Havana": where, not with whom ("... with C
            # in Havana": C).
            venue = {i for p in targets for i in table.starting_in(p.start, p.end)}
            targets = roles.objects(verb, passive, skip | venue, clauses=False)
            if any(is_venue(p, sent.doc, table) for p in targets):
                targets = []
            coding.rules.append("roles.venue_not_party")
        elif (
            cameo
            and code is not None
            and code.startswith(MEETING_CODES)
            and targets
            and all(is_venue(p, sent.doc, table) for p in targets)
        ):
            # "Trump and Clinton meet for the first debate at Hofstra University", "the
            # minister met in Geneva": where they meet, not whom.
            targets = []
            coding.rules.append("roles.venue_not_party")
        if together and not targets:
            # "Gondor and Osgiliath have delayed their meeting": the members of a compound
            # subject act on each other.
            targets = traced(sources, "roles.acts_together")
    if joint:
        # "US-China trade talks resumed": the parties of the talks, each way (a place the
        # verb names, "resumed in Vienna", is where, not a party).
        targets = list(joint)
    elif (
        cameo
        and len({p.code for p in sources}) > 1
        and not any(joined_with_own(c) for c in verb.children if c.dep_ in SUBJECT_DEPS)
        and (
            reverse == code != NULL_CODE  # a two-sided act, not a converse one (042:043)
            or (
                code is not None
                and code[:2] in MUTUAL_ROOTS
                and code[:3] not in DIRECTED_CODES
                and not any(c.dep_ in ("dobj", "dative") for c in verb.children)
            )
        )
    ):
        # "Israel and Syria met in Geneva", "Hamas and Fatah clashed in Gaza", "India and
        # Pakistan exchanged fire": an act of two sides with no one else named is between
        # the members of the compound subject; the place is where.
        if targets and all(is_venue(p, sent.doc, table) for p in targets):
            targets = []
            coding.rules.append("roles.venue_not_party")
        if not targets:
            targets = traced(sources, "roles.two_sided_act")
    if match is not None and match.compound is not None and len(sources) > 1 and not targets:
        # "- % * [030:030]": the members of a compound subject act on each other.
        targets = traced(sources, "patterns.compound_each_other")
    if not sources:
        pair = between_parties(verb, roles)
        if len(pair) >= 2:
            sources = targets = traced(pair, "roles.between")
    if match is None and sources and verb.lemma_.lower() in PATIENT_SUBJECT_LEMMAS and cameo:
        # "Two soldiers died in a Hamas rocket attack": the subject suffered the violence
        # (as CAMEO.2.0's own DIE patterns write it, "[:190]"); whoever carried it out is
        # named on it, or no one is.
        if not violent_context(verb):
            return None
        targets = traced(sources, "roles.patient_subject")
        sources = traced(violence_owners(verb, roles), "roles.violence_owner")
        passive = True
    unknown_source = False
    if cameo and sources and not targets and coding.code in (None, NULL_CODE):
        charger = facing_charges(verb)
        if charger is not None:
            # "The four defendants face charges" ([:112], the subject charged): by the police.
            targets = [
                Party(NO_COUNTRY + charger, verb.idx, verb.idx, "", ("legal.facing_charges",))
            ]
    implied = implied_agent(verb) if passive and targets and cameo else None
    if not sources and implied is not None:
        # "Patricia Moore was arrested at her home": only the police arrest (events/legal.py).
        sources = [Party(NO_COUNTRY + implied, verb.idx, verb.idx, "", ("legal.implied_agent",))]
    if not sources:
        if not (
            passive
            and targets
            and cameo
            and code
            and code[:2] in UNATTRIBUTED_ROOTS
            and violent_context(verb)
        ):
            return None
        # "Three civilians were killed in a car bombing": violence done to someone by no
        # one named is still the event (its source unknown), as news coders record it;
        # "killed in an Israeli air strike" names who did it in the violence's own phrase.
        sources = traced(violence_owners(verb, roles), "roles.violence_owner")
        unknown_source = not sources
        if unknown_source:
            coding.rules.append("roles.unknown_source")
    restriction = code and code.startswith(RESTRICTION_ROOT_CODE)
    if cameo and restriction and "nominal.light_verb_code" in coding.rules:
        targets = own_population(verb, sources, targets)
    return sources, targets, unknown_source


def same_party(source: Party, target: Party, settings: Settings) -> bool:
    """Whether an act's source and target are one party, which no act is between.

    PETRARCH reads one code as one party. Agents of one country are many, though: "the
    mayor met the governor" is USAGOV with USAGOV, two people. So with dateline's own
    rules the two are one party only when they are one phrase, say the same words, or are
    a country itself (issue 10).

    Tests: ``test_two_agents_of_one_country_are_two_parties``.
    """
    if settings.petrarch_compat or settings.require_dyad:
        return source.code == target.code
    return one_party(source, target)


def names_a_country(party: Party, doc: Doc, table: TokenTable) -> bool:
    """Whether a party is named as its country or its people ("Serbia", "their countries",
    "Romanian refugees"), not as a person ("her", "Fairfield") or a body of its state ("the
    prosecutor", "the council"): those are parties of their own (``refine.own_intent``)."""
    if any(agent in STATE_AGENTS for agent in agents_of(party.code)):
        return False
    tokens = [doc[i] for i in table.starting_in(party.start, party.end)]
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    return not any(t.ent_type_ == "PERSON" or t.lower_ in PARTY_PRONOUNS for t in heads)
