"""Code refinement: CAMEO's codes for what a verb's object or purpose says was done, and
which of two coded verbs of a clause carries the act.

On the verb's object (``acts_on``): "dismissed an appeal" is a rejection (120),
"people blocked streets" an obstruction (144), "eased emergency measures" an easing (081),
"suspended the talks" a halt to negotiations (164), "continued to send arms to Pakistan"
military aid (072), "the resistance resumed its activities" armed operations (190). On the
verb's complement or purpose: "agreed to", "offered to" commit (030); "in protest of"
protests (14x); "threw stones during demonstrations" is violent protest (145);
"summoned the ambassador to complain" a complaint.

Reported obligations (``code_obligation``): "Russia said Sudan must return the helicopter"
is a demand (10) or, with "should", an appeal (02), of the speaker on the clause's subject.

Between verbs of one clause (the ``yield_*`` rules and ``order_takes_ordered_act``): a verb
of intent coded only by its block default gives way to the coded act it governs ("decided
to suspend the talks"); a bare statement to its coded clause ("Germany will send tanks,
Scholz announced"); issuing a statement to the statement's content; an order takes the code
of the coercive act ordered ("ordered the newspaper to suspend publication": 17x).

Each rule's docstring names the tests that show it (``tests/test_coder.py``,
``tests/test_coder_trace.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Sequence

from spacy.tokens import Span, Token

from ..model import Event
from ..model import Span as TextSpan
from .build import add_event, add_rule, recode
from .cameo import root_of
from .lexicon import (
    APPEAL_CODE,
    ARMED_ACTIVITY_CODE,
    ARMED_ACTIVITY_NOUNS,
    ARMED_AGENTS,
    ARMS_NOUNS,
    COMMITMENT_CODE,
    COMMITMENT_LEMMAS,
    COMMITMENT_PREPOSITIONS,
    COMPLAINT_WORDS,
    DISMISSAL_CODE,
    DISMISSAL_LEMMAS,
    EASING_CODE,
    EASING_LEMMAS,
    ENCOURAGING_LEMMAS,
    HALT_NEGOTIATIONS_CODE,
    HALTING_LEMMAS,
    MILITARY_AID_CODE,
    NEGOTIATION_NOUNS,
    OBLIGATION_CODES,
    OBSTRUCTING_LEMMAS,
    OBSTRUCTION_CODE,
    OFFICE_NOUNS,
    ORDERED_ACT_ROOTS,
    ORDERING_LEMMAS,
    PASSAGE_NOUNS,
    PHRASAL_HALTING_LEMMAS,
    PROTEST_EVENT_NOUNS,
    PROTEST_TIME_PREPOSITIONS,
    PROTEST_WORDS,
    REJECTED_NOUNS,
    REJECTING_LEMMAS,
    REJECTION_CODE,
    REQUEST_NOUN_CODES,
    RESTRICTION_NOUNS,
    RESUMPTION_LEMMAS,
    STATE_FORCE_AGENTS,
    STATEMENT_NOUNS,
    SUBJECT_DEPS,
    TRANSFER_LEMMAS,
)
from .modality import request_noun
from .modality_lexicon import (
    HYPOTHETICAL_MODALS,
    INTENT_GOVERNORS,
    REFUSAL_GOVERNORS,
)
from .parties import Party, one_party, traced
from .roles import Roles
from .syntax import clausal_complement, direct_objects, infinitive_to


def to_complain(verb: Token) -> bool:
    """ "summoned the ambassador to complain of ...": the act's purpose is a complaint.

    Rule ``refine.to_complain``. Tests:
    ``test_coder_codes_a_meeting_held_to_complain_as_a_complaint``,
    ``test_coder_keeps_a_request_to_complain_a_request``.
    """
    return any(
        child.dep_ in ("advcl", "xcomp")
        and child.lemma_.lower() in COMPLAINT_WORDS
        and any(infinitive_to(c) for c in child.children)
        for child in verb.children
    )


def in_protest(verb: Token) -> bool:
    """ "shunned work to protest at ...", "in protest of ...": the act is a protest.

    Rule ``refine.in_protest``. Tests: ``test_coder_codes_an_act_done_in_protest_as_a_protest``.
    """
    for child in verb.children:
        if (
            child.dep_ == "advcl"
            and child.lemma_.lower() in PROTEST_WORDS
            and any(infinitive_to(c) for c in child.children)
        ):
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ == "in"
            and any(c.dep_ == "pobj" and c.lemma_.lower() in PROTEST_WORDS for c in child.children)
        ):
            return True
    return False


def during_protest(verb: Token) -> bool:
    """ "threw stones during demonstrations": the act is done at a protest.

    Rule ``refine.during_protest``. Tests:
    ``test_coder_codes_violence_by_protesters_during_a_demonstration_as_riot``.
    """
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in PROTEST_TIME_PREPOSITIONS
        and any(c.dep_ == "pobj" and c.lemma_.lower() in PROTEST_EVENT_NOUNS for c in prep.children)
        for prep in verb.children
    )


def acts_on(verb: Token, lemmas: Container[str], nouns: Container[str]) -> bool:
    """Whether the verb is one of ``lemmas`` and one of its direct objects one of ``nouns``
    ("dismissed an appeal", "blocked the roads", "eased restrictions")."""
    return verb.lemma_.lower() in lemmas and any(
        n.lemma_.lower() in nouns for n in direct_objects(verb)
    )


def rejection_code(verb: Token) -> str | None:
    """ "dismissed an appeal": CAMEO 120 (see REJECTING_LEMMAS).

    Rule ``refine.rejection_code``. Tests: ``test_coder_codes_a_dismissed_appeal_as_a_rejection``.
    """
    return REJECTION_CODE if acts_on(verb, REJECTING_LEMMAS, REJECTED_NOUNS) else None


def obstruction_code(verb: Token, sources: Sequence[Party]) -> str | None:
    """ "people blocked streets": CAMEO 144 (see OBSTRUCTING_LEMMAS).

    Rule ``refine.obstruction_code``. Tests:
    ``test_coder_codes_people_blocking_streets_as_a_protest``.
    """
    if not acts_on(verb, OBSTRUCTING_LEMMAS, PASSAGE_NOUNS):
        return None
    if any(any(a in p.code[3:] for a in STATE_FORCE_AGENTS) for p in sources):
        return None
    return OBSTRUCTION_CODE


def easing_code(verb: Token) -> str | None:
    """ "eased emergency measures": CAMEO 081 (see EASING_LEMMAS).

    Rule ``refine.easing_code``. Tests: ``test_coder_codes_eased_restrictions_as_yielding``.
    """
    return EASING_CODE if acts_on(verb, EASING_LEMMAS, RESTRICTION_NOUNS) else None


def halted_talks_code(verb: Token) -> str | None:
    """ "suspended the talks", "broke off negotiations": CAMEO 164 (see HALTING_LEMMAS).

    Rule ``refine.halted_talks_code``. Tests:
    ``test_coder_codes_halted_talks_as_halted_negotiations``.
    """
    lemma = verb.lemma_.lower()
    if lemma in PHRASAL_HALTING_LEMMAS and not any(
        c.dep_ == "prt" and c.lower_ == "off" for c in verb.children
    ):
        return None
    if acts_on(verb, HALTING_LEMMAS | PHRASAL_HALTING_LEMMAS, NEGOTIATION_NOUNS):
        return HALT_NEGOTIATIONS_CODE
    return None


def arms_transfer_code(verb: Token, roles: Roles) -> str | None:
    """ "continued to send arms to Pakistan": CAMEO 072 (see TRANSFER_LEMMAS).

    Rule ``refine.arms_transfer_code``. Tests:
    ``test_coder_codes_arms_sent_to_a_party_as_military_aid``,
    ``test_coder_keeps_troops_sent_to_a_country_a_deployment``.
    """
    if not acts_on(verb, TRANSFER_LEMMAS, ARMS_NOUNS):
        return None
    for prep in verb.children:
        if prep.dep_ == "dative" or (prep.dep_ == "prep" and prep.lower_ == "to"):
            heads = (
                [prep] if prep.dep_ == "dative" else [c for c in prep.children if c.dep_ == "pobj"]
            )
            if any(roles.parties(h) for h in heads):
                return MILITARY_AID_CODE
    return None


def armed_activity_code(verb: Token, sources: Sequence[Party]) -> str | None:
    """ "the resistance resumed its activities": an armed actor's operations are armed
    operations (CAMEO 190; see ARMED_ACTIVITY_NOUNS).

    Rule ``refine.armed_activity_code``. Tests:
    ``test_coder_codes_an_armed_group_resuming_its_activities_as_force``,
    ``test_coder_leaves_a_government_resuming_its_activities_uncoded``.
    """
    if verb.lemma_.lower() not in RESUMPTION_LEMMAS or not sources:
        return None
    if not all(any(a in p.code[3:] for a in ARMED_AGENTS) for p in sources):
        return None
    if any(n.lemma_.lower() in ARMED_ACTIVITY_NOUNS for n in direct_objects(verb)):
        return ARMED_ACTIVITY_CODE
    return None


def dismissal_code(verb: Token, roles: Roles) -> str | None:
    """ "The mayor fired the police chief", "commissioners voted to dismiss the assessors":
    removing a person from office is an administrative sanction (CAMEO manual 1.1b3, 172),
    not force (the dictionary's FIRE) nor a rejection (its DISMISS, right for "dismissed
    the lawsuit"). The object must be a party: "fired rockets" names none.

    Rule ``refine.dismissal``. Tests: ``test_coder_codes_firing_an_official_as_a_sanction``.
    """
    if verb.lemma_.lower() not in DISMISSAL_LEMMAS:
        return None
    for obj in verb.children:
        if obj.dep_ != "dobj" or obj.pos_ not in ("NOUN", "PROPN"):
            continue
        # The object's own head names the person ("the police chief"), not a phrase on it
        # ("dismissed an appeal from the president").
        mention = roles.mentions.at(obj)
        if (mention is not None and mention.actor is not None) or (
            obj.lemma_.lower() in OFFICE_NOUNS
        ):
            return DISMISSAL_CODE  # "the police chief", "the agency's director"
    return None


def encouragement_appeal(verb: Token) -> str | None:
    """ "OPM has encouraged agencies to use flexible schedules": encouraging a party to act
    asks it to act, an appeal (CAMEO manual 1.1b3, 020 "Make an appeal or request"), where
    CAMEO.2.0's ENCOURAGE block codes praise (051, "encouraged by the progress").

    Rule ``refine.encouragement_appeal``. Tests:
    ``test_coder_codes_encouraging_a_party_to_act_as_an_appeal``.
    """
    if verb.lemma_.lower() not in ENCOURAGING_LEMMAS:
        return None
    if not any(c.dep_ == "dobj" for c in verb.children):
        return None
    for clause in verb.children:
        if clause.dep_ in ("xcomp", "ccomp") and any(infinitive_to(t) for t in clause.children):
            return APPEAL_CODE
    return None


def commitment_code(
    verb: Token, code: str | None, reverse: str | None
) -> tuple[str | None, str | None]:
    """(code, reverse) for a verb coded only by its dictionary default: verbs of
    commitment with a complement express intent to cooperate (CAMEO 1.1b3, 030).

    Rule ``refine.commitment_code`` ("agreed to share intelligence"). Tests:
    ``test_coder_codes_an_agreement_to_act_as_intent_to_cooperate``.
    """
    lemma = verb.lemma_.lower()
    if (
        lemma in COMMITMENT_LEMMAS
        and clausal_complement(verb, COMMITMENT_PREPOSITIONS)
        and (code is None or root_of(code) not in ("03", "12", "13"))
    ):
        return COMMITMENT_CODE, None
    return code, reverse


def _obligations(verb: Token) -> Iterable[tuple[Token, str]]:
    """The clauses a verb of saying reports as obligations, with their codes: "said Sudan
    must return" (a modal), "reiterated its demand that Israel ease" (a request noun)."""
    noun = request_noun(verb)
    for child in verb.children:
        if child.dep_ == "ccomp":
            modal = next(
                (
                    c.lower_
                    for c in child.children
                    if c.dep_ == "aux" and c.lower_ in OBLIGATION_CODES
                ),
                None,
            )
            if modal is not None:
                yield child, OBLIGATION_CODES[modal]
            elif noun is not None and child.i > noun.i:
                # The parse may hang the noun's clause on the verb ("its demand today that
                # Israel ease").
                yield child, REQUEST_NOUN_CODES[noun.lemma_.lower()]
        elif child.dep_ == "dobj" and child.lemma_.lower() in REQUEST_NOUN_CODES:
            for clause in child.children:
                if clause.dep_ in ("acl", "ccomp") and clause.i > child.i:
                    yield clause, REQUEST_NOUN_CODES[child.lemma_.lower()]
                    break


def code_obligation(verb: Token, sent: Span, roles: Roles) -> list[Event]:
    """A verb of saying whose reported clause puts an obligation on another actor ("Russia
    said Sudan must return the helicopter"): a demand (10) or, with "should", an appeal
    (02) of the speaker on the clause's subject (CAMEO manual 1.1b3, 02 and 10).

    Rules ``refine.code_obligation``, ``refine.obligation_subject``. Tests:
    ``test_coder_codes_a_reported_obligation_as_a_demand``,
    ``test_coder_codes_an_announced_obligation_as_a_demand``,
    ``test_coder_codes_a_reiterated_demand_on_the_clause_subject``.
    """
    events: list[Event] = []
    seen: set[tuple[str, str | None, str]] = set()
    for clause, code in _obligations(verb):
        subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
        if not subjects:
            continue
        targets = traced(roles.parties(subjects[0]), "refine.obligation_subject")
        sources = roles.subject(verb)[0] if targets else []
        trigger = TextSpan(verb.idx, verb.idx + len(verb.text), verb.text)
        why = ["refine.code_obligation"]
        for source in sources:
            for target in targets:
                if not one_party(source, target):
                    # "the mayor said the council should wait": two agents of one country
                    add_event(events, seen, sent, trigger, source, target, code, None, why)
    negated = any(c.dep_ == "neg" for c in verb.children)
    hypothetical = any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_MODALS for c in verb.children)
    for event in events:
        event.negated, event.hypothetical = negated, hypothetical
        if negated:
            add_rule(event, "modality.negation")
        if hypothetical:
            add_rule(event, "modality.modal")
    return events


def yield_bare_intent(sent: Span, by_verb: dict[int, list[Event]]) -> None:
    """A verb of intent coded only by its block default ("decided to suspend the talks":
    03x, no pattern) gives way to the coded verb it governs, which says what was done.

    Rule ``refine.yield_bare_intent`` (on the act that stays). Tests:
    ``test_coder_codes_a_threat_by_the_act_threatened``,
    ``test_coder_codes_a_refused_act_as_its_rejection``, ``test_seed_article_core_events``.
    """
    for i in list(by_verb):
        verb = sent.doc[i]
        if verb.dep_ != "xcomp" or verb.head.i not in by_verb:
            continue
        governor = by_verb[verb.head.i]
        if not governor:
            continue  # an aim ("strive to end") stays uncoded and governs its clause
        if verb.i not in by_verb or all(e.root == "01" for e in by_verb[verb.i]):
            continue  # a statement says less than the intent
        bare = all(e.pattern is None for e in governor)
        intent = verb.head.lemma_.lower() in INTENT_GOVERNORS
        if verb.head.lemma_.lower() in REFUSAL_GOVERNORS:
            # "refused to deploy": the refused act carries a 12x code, when CAMEO has one.
            intent = not all(e.negated for e in by_verb[verb.i])
        # Threats keep their own codes (CAMEO 13): "threatened to deliver blows"; a bare
        # threat gives way to the threatened act when that act names the threat ("threatened
        # to attack": 138, "threatened to impose sanctions": 1312, CAMEO manual 1.1b3).
        threat = any(e.root == "13" for e in governor) and not all(
            e.root == "13" and not e.negated and not e.hypothetical for e in by_verb[verb.i]
        )
        if bare and not threat and (intent or all(e.root == "03" for e in governor)):
            del by_verb[verb.head.i]
            for event in by_verb[verb.i]:
                add_rule(event, "refine.yield_bare_intent")


def yield_statement_to_clause(sent: Span, by_verb: dict[int, list[Event]]) -> None:
    """ "Germany will send tanks to Ukraine, Scholz announced": a bare statement (01, its
    block's own code, no pattern) whose reported clause is coded with an act says only that
    the act was announced; the clause is the event, as with "said".

    Rule ``refine.yield_statement_to_clause`` (on the clause's act). Tests:
    ``test_coder_codes_an_announced_clause_and_arms_sent_not_the_announcing``.
    """
    for i in list(by_verb):
        found = by_verb[i]
        if not found or not all(e.root == "01" and e.pattern is None for e in found):
            continue
        verb = sent.doc[i]
        clauses = [c.i for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
        if any(any(e.root != "01" for e in by_verb.get(c, ())) for c in clauses):
            del by_verb[i]
            for c in clauses:
                for event in by_verb.get(c, ()):
                    add_rule(event, "refine.yield_statement_to_clause")


def yield_to_statement_content(sent: Span, by_verb: dict[int, list[Event]]) -> None:
    """ "issued a declaration demanding that ...": issuing a statement is only the vehicle;
    when the statement's own clause is coded, that clause says what was done (PETRARCH
    codes the content of a statement, not the saying of it).

    Rule ``refine.yield_to_statement_content`` (on the content's act). Tests:
    ``test_coder_codes_the_content_of_an_issued_declaration``,
    ``test_coder_does_not_count_the_act_of_a_vetoed_proposal``.
    """
    for i in list(by_verb):
        verb = sent.doc[i]
        for obj in verb.children:
            if obj.dep_ != "dobj" or obj.lemma_.lower() not in STATEMENT_NOUNS:
                continue
            # A content flagged as not done ("vetoed a resolution condemning ...") says
            # nothing that was done: the verb keeps its own event.
            contents = [c.i for c in obj.children if c.dep_ == "acl"]
            if any(
                any(not (e.negated or e.hypothetical) for e in by_verb.get(c, ())) for c in contents
            ):
                del by_verb[i]
                for c in contents:
                    for event in by_verb.get(c, ()):
                        add_rule(event, "refine.yield_to_statement_content")
                break


def order_takes_ordered_act(sent: Span, by_verb: dict[int, list[Event]]) -> None:
    """ "The government ordered the newspaper to suspend publication": an order coded only
    by its verb's default (10, demand) takes the code of the coercive act it orders (17x);
    the orderer stays the source and the party ordered the target (see ORDERING_LEMMAS).

    Rule ``refine.order_takes_ordered_act``. Tests:
    ``test_coder_codes_an_order_to_coerce_as_the_coercion``.
    """
    for i in list(by_verb):
        verb = sent.doc[i]
        if verb.dep_ != "xcomp" or verb.head.lemma_.lower() not in ORDERING_LEMMAS:
            continue
        governor, act = by_verb.get(verb.head.i), by_verb[i]
        if not governor or not act or any(e.pattern is not None for e in governor):
            continue
        codes = {e.cameo for e in act if not e.negated and not e.hypothetical}
        codes = codes or {e.cameo for e in act}
        if len(codes) != 1:
            continue
        code = codes.pop()
        if root_of(code) not in ORDERED_ACT_ROOTS:
            continue
        for event in governor:
            recode(event, code, "refine.order_takes_ordered_act")


def own_intent(
    code: str | None,
    sources: Sequence[Party],
    targets: Sequence[Party],
    is_country: Callable[[Party], bool] = lambda party: True,
) -> bool:
    """An intent (CAMEO 03, "express intent to cooperate") about the source's own country
    ("Kostunica promised to democratize Serbia", "Hungarian and Romanian officials agreed
    their countries should cooperate"): CAMEO's target of an intent is the party it is
    expressed to, and a promise about one's own country names no other party. A person or
    body of that country is another party ("the prosecutor offered to have her confess"):
    ``is_country`` tells a target named as the country itself.

    Rule ``refine.own_intent``. Tests:
    ``test_coder_gives_a_promise_about_ones_own_country_no_target``,
    ``test_an_intent_towards_a_person_of_ones_own_country_keeps_its_target``.
    """
    if not code or not code.startswith("03") or not targets:
        return False
    own = {p.code[:3] for p in sources}
    return all(t.code[:3] in own and is_country(t) for t in targets)
