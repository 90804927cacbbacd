"""Modality: whether a coded act was done, and CAMEO's codes for acts announced or refused.

An event is flagged ``negated`` or ``hypothetical`` (the evaluations leave such events out)
unless the matched pattern names the word ("- NOT * [112]"):

- ``flags``: a negation on the verb or a verb it shares its auxiliaries with ("would not sit
  and watch"), a modal ("would", "could"), a conditional ("if"); a governor of inability
  ("unable to end", "are not able to end");
- ``irrealis``: an aim ("an agreement to ensure troops withdrew", "in order to end the
  war"), a wish or a request ("wanted the talks to be held", "demanded that its partners
  refuse"), a verb of purpose ("aimed at reaching");
- ``past_wish``: "We wanted the talks to be held directly" (what was wished then);
- ``denied``: "denied that it supports", "denied reports that it attacked", "vetoed a
  resolution condemning Syria";
- ``is_question``: "Will China invade Taiwan?" asserts no event.

CAMEO's own codes for modality (manual 1.1b3, categories 03, 12, 13), in ``intent_codes``:
an announced act ("will meet", "plans to withdraw") takes its intent code (03x/13x), a
refused one ("did not", "refused to") its rejection code (12x), an announced act with
"unless" is an ultimatum (13); an inability ("unable to") is neither.

Each rule's docstring names the tests that show it (``tests/test_coder.py``,
``tests/test_coder_trace.py``); its name, as ``Event.rules`` records it, is written where
it fires.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from .cameo import root_of
from .lexicon import (
    PURPOSE_LEMMAS,
    REQUEST_NOUN_CODES,
    SAYING_LEMMAS,
    SAYING_PREPOSITIONS,
)
from .modality_lexicon import (
    ALLEGED_CONTENT_NOUNS,
    ALLEGING_ADVERBS,
    ASPECTUAL_VERBS,
    BLOCKING_LEMMAS,
    CLAIM_DENYING_LEMMAS,
    CONDITIONAL_MARKERS,
    CONSEQUENCE_VERBS,
    DEMAND_ULTIMATUM_CODE,
    DENIAL_GOVERNORS,
    DENIED_CLAIM_NOUNS,
    FUTURE_AUXILIARIES,
    HYPOTHETICAL_MODALS,
    INTENT_CODES,
    INTENT_GOVERNORS,
    NEGATION_WORDS,
    NEGATIVE_GOVERNORS,
    PAST_WISH_LEMMAS,
    PROPOSAL_NOUNS,
    QUESTION_LEMMAS,
    QUESTION_MARKERS,
    REFUSAL_CODES,
    REFUSAL_GOVERNORS,
    REPORTING_REQUESTS,
    REQUEST_GOVERNORS,
    SCHEDULE_GOVERNORS,
    ULTIMATUM_CODE,
    ULTIMATUM_MARKERS,
    WH_TAGS,
    WISH_GOVERNORS,
)
from .syntax import MAX_CLIMB, first_conjunct, infinitive_to


def _no_determiner(noun: Token) -> bool:
    return any(d.dep_ == "det" and d.lower_ == "no" for d in noun.children)


def _is_hypothetical_marker(child: Token, word: str, named: set[str]) -> bool:
    if child.dep_ == "aux" and child.lower_ in HYPOTHETICAL_MODALS:
        return word not in named
    return child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKERS


def flags(verb: Token, named: set[str]) -> tuple[bool, bool]:
    """(negated, hypothetical) for ``verb``, ignoring words the matched pattern names."""
    negated, hypothetical, _rules = traced_flags(verb, named)
    return negated, hypothetical


def traced_flags(verb: Token, named: set[str]) -> tuple[bool, bool, list[str]]:
    """``flags``, and the rules that set them (``modality.negation`` ...).

    Rules: ``modality.negation`` (``test_coder_flags_negation_and_hypotheticals``),
    ``modality.modal`` (``test_coder_flags_negation_and_hypotheticals``), ``modality.conditional``
    (``test_a_modal_is_traced_as_the_flag_it_sets``), ``modality.negative_governor``
    (``test_coder_flags_an_inability_as_negated_not_as_a_refusal``), ``modality.irrealis``
    (``test_coder_does_not_code_an_aim``), ``modality.no_object``
    (``test_an_act_on_no_object_is_negated``), ``modality.purpose_clause``
    (``test_coder_flags_an_act_done_for_a_purpose``), ``modality.past_wish``
    (``test_coder_does_not_count_a_past_wish_that_no_one_is_said_to_voice``),
    ``modality.alleged`` (``test_an_act_told_only_as_an_allegation_is_not_asserted``),
    ``modality.asked_about`` (``test_a_question_asked_is_no_request_nor_its_act``).
    """
    negated = hypothetical = False
    rules: list[str] = []
    tok: Token | None = _sharing_conjunct(verb)
    for step in range(3):
        if tok is None:
            break
        for c in tok.children:
            word = c.text.upper()
            if c.dep_ == "neg" and word not in named and not (named & NEGATION_WORDS):
                negated = True
                rules.append("modality.negation")
            elif _is_hypothetical_marker(c, word, named):
                hypothetical = True
                rules.append("modality.modal" if c.dep_ == "aux" else "modality.conditional")
            # "made no arrests", "seeks no conflict": the act is denied by its own object
            # (rule ``modality.no_object``), unless the pattern names the "no" ("a vote of
            # no confidence"); a governor's ("had no choice but to attack") is not.
            denied_object = c.dep_ == "dobj" and "NO" not in named and _no_determiner(c)
            if step == 0 and denied_object and not negated:
                negated = True
                rules.append("modality.no_object")
        # An xcomp inherits its governor's flags ("did not agree to meet", "are not able to
        # end", through the adjective), and "unable to end" is a negation.
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in NEGATIVE_GOVERNORS:
            negated = True
            rules.append("modality.negative_governor")
        tok = tok.head if tok.dep_ in ("xcomp", "acomp") and tok.head.i != tok.i else None
    if not hypothetical:
        # The clause's own kind, the first of ``_HYPOTHETICAL_CLAUSES`` that applies.
        rule = next((name for name, applies in _HYPOTHETICAL_CLAUSES if applies(verb)), None)
        if rule is not None:
            hypothetical = True
            rules.append(rule)
    return negated, hypothetical, list(dict.fromkeys(rules))


def hortative(verb: Token) -> bool:
    """The complement of an imperative "let" ("Let the United States and Iran negotiate a
    deal", "Let Hillary and I sit there and just debate"): a proposal, not an event.

    Rule ``modality.hortative``. Tests: ``test_a_proposal_with_let_is_no_event``.
    """
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    head = first.head
    return (
        first.dep_ in ("ccomp", "xcomp")
        and head.lemma_.lower() == "let"
        and head.tag_ == "VB"
        and not any(c.dep_ in ("nsubj", "aux") for c in head.children)
    )


def past_wish(verb: Token) -> bool:
    """A wish in the simple past that no one is said to voice ("We wanted the talks to be
    held directly"): what was wished then, not an intent expressed (``PAST_WISH_LEMMAS``).
    Reported speech keeps it: "said it wanted talks", "wanted talks, he said".

    Rule ``modality.past_wish``. Tests:
    ``test_coder_does_not_count_a_past_wish_that_no_one_is_said_to_voice``.
    """
    if verb.tag_ != "VBD" or verb.lemma_.lower() not in PAST_WISH_LEMMAS:
        return False
    if verb.dep_ in ("ccomp", "xcomp", "conj") and verb.head.lemma_.lower() in SAYING_LEMMAS:
        return False
    return not any(
        (c.dep_ in ("parataxis", "ccomp", "advcl") and c.lemma_.lower() in SAYING_LEMMAS)
        or (c.dep_ == "prep" and c.lemma_.lower() in SAYING_PREPOSITIONS)  # "according to"
        for c in verb.children
    )


def _sharing_conjunct(verb: Token) -> Token:
    """The verb whose auxiliaries and negation ``verb`` shares: the first of verbs joined
    by "and"/"or" when the later one has none of its own ("would not sit and watch").

    Tests: ``test_coder_shares_negation_across_verbs_joined_by_and``.
    """
    if verb.dep_ != "conj" or any(
        c.dep_ in ("aux", "auxpass", "neg", "nsubj", "nsubjpass") for c in verb.children
    ):
        return verb
    head = verb.head
    joined = [c for c in head.children if c.dep_ == "cc" and head.i < c.i < verb.i]
    if head.pos_ in ("VERB", "AUX") and joined and joined[-1].lower_ in ("and", "or", "nor"):
        return head
    return verb


def unable(verb: Token) -> bool:
    """ "unable to end", "not able to end": an inability, not a refusal (no 12x code).

    Tests: ``test_coder_flags_an_inability_as_negated_not_as_a_refusal``.
    """
    first = first_conjunct(verb)
    head = first.head
    if first.dep_ != "xcomp":
        return False
    if head.lemma_.lower() in NEGATIVE_GOVERNORS:
        return True
    # "are not able to": the negation sits on the verb the adjective complements.
    return (
        head.dep_ == "acomp"
        and head.pos_ == "ADJ"
        and head.lemma_.lower() not in INTENT_GOVERNORS
        and any(c.dep_ == "neg" for c in (*head.children, *head.head.children))
    )


# A noun whose clause says the act, and the verbs that deny it through the noun: "denied
# reports that it had attacked", "vetoed a resolution condemning Syria".
_DENIED_BY_OBJECT = (
    (DENIED_CLAIM_NOUNS, CLAIM_DENYING_LEMMAS),
    (PROPOSAL_NOUNS, BLOCKING_LEMMAS),
)


def denied(verb: Token) -> bool:
    """ "denied that it supports", "denied supporting", "denied reports that it attacked":
    the act is denied by the speaker, so it is not an event (flagged negated).

    Rule ``modality.denied``. Tests: ``test_coder_flags_a_denied_act_negated_not_refused``,
    ``test_coder_does_not_count_the_act_of_a_vetoed_proposal``.
    """
    first = first_conjunct(verb)
    head = first.head
    if head.i == first.i:
        return False
    governor: Token | None = None
    if first.dep_ in ("ccomp", "xcomp") and head.lemma_.lower() in DENIAL_GOVERNORS:
        governor = head
    elif (
        first.dep_ == "acl"
        and head.dep_ in ("dobj", "nsubjpass")
        and head.head.i != head.i
        and any(
            head.lemma_.lower() in nouns and head.head.lemma_.lower() in verbs
            for nouns, verbs in _DENIED_BY_OBJECT
        )
    ):
        governor = head.head
    # "did not deny that ...": no denial.
    return governor is not None and not any(c.dep_ == "neg" for c in governor.children)


def _by_prefix(table: dict[str, str], code: str) -> str | None:
    for n in (3, 2):
        if code[:n] in table:
            return table[code[:n]]
    return None


def _announced(verb: Token) -> bool:
    """ "will meet", "would boycott", "plans to withdraw", "is willing to talk", "would keep
    hitting" (through an aspectual verb).

    Tests: ``test_coder_codes_an_announced_threat_as_cameo_13``,
    ``test_coder_codes_an_eager_act_as_an_intent``, ``test_coder_codes_a_sworn_attack_as_a_threat``.
    """
    verb = first_conjunct(verb)
    # "would keep hitting", "vowed to continue shelling": an aspectual verb carries the
    # announcement for the act it keeps up or begins.
    while verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ASPECTUAL_VERBS:
        verb = first_conjunct(verb.head)
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in verb.children):
        return True
    head = verb.head
    # An infinitive parsed as an adverbial clause is still the complement ("have sworn to
    # fight", advcl).
    infinitive = verb.dep_ == "xcomp" or (
        verb.dep_ == "advcl" and any(infinitive_to(c) for c in verb.children)
    )
    return infinitive and head.lemma_.lower() in INTENT_GOVERNORS


def _scheduled(verb: Token) -> bool:
    """The verb is the infinitive of a timetable ("is scheduled to appear", "are due to
    meet") rather than of someone's announced will.

    Rule ``modality.scheduled_not_threat``. Tests:
    ``test_a_scheduled_court_appearance_is_no_threat``.
    """
    verb = first_conjunct(verb)
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in SCHEDULE_GOVERNORS


def intent_codes(
    verb: Token, code: str | None, reverse: str | None, negated: bool
) -> tuple[str | None, str | None, bool, str | None]:
    """CAMEO's codes for announced and refused acts (manual 1.1b3, categories 03, 12, 13):
    (code, reverse, negated, the rule that changed them or None).

    Rules: ``modality.intent_code`` (``test_coder_codes_an_announced_threat_as_cameo_13``,
    ``test_coder_codes_an_eager_act_as_an_intent``), ``modality.refusal_code``
    (``test_coder_codes_a_refused_cooperation_as_a_rejection``,
    ``test_coder_codes_a_refused_act_as_its_rejection``), ``modality.ultimatum``
    (``test_coder_codes_an_announcement_with_unless_as_a_threat``,
    ``test_an_announcement_with_unless_is_traced_as_an_ultimatum``).
    """
    if code is None or not code.isdigit():
        return code, reverse, negated, None
    if negated:
        refusal = _by_prefix(REFUSAL_CODES, code)
        # "seeks no conflict" denies the object, and refuses nothing.
        own_object = any(c.dep_ == "dobj" and _no_determiner(c) for c in verb.children)
        if refusal is not None and not own_object:
            return refusal, None, False, "modality.refusal_code"
        return code, reverse, negated, None
    if root_of(code) == "10" and demand_ultimatum(verb):
        return DEMAND_ULTIMATUM_CODE, None, negated, "modality.demand_ultimatum"
    if _announced(verb):
        intent = _by_prefix(INTENT_CODES, code)
        if intent is not None and root_of(intent) == "13" and _scheduled(verb):
            # "is scheduled to appear in court", "is set to be sentenced": a timetable
            # threatens no one; the act is not done yet, so there is no event.
            return None, None, negated, "modality.scheduled_not_threat"
        if intent is not None:
            rule = "modality.intent_code"
            if _ultimatum(verb) and root_of(intent) != "13":
                # "will withdraw its force unless ...": a conditional announcement is a
                # threat (CAMEO manual 1.1b3, 13 "Threaten", ultimatums).
                intent, rule = ULTIMATUM_CODE, "modality.ultimatum"
            return intent, None, negated, rule
    return code, reverse, negated, None


def demand_ultimatum(verb: Token) -> bool:
    """A demand that names the price of refusing it: "demanded that Syrian forces withdraw
    by the end of the month, or face being driven back", "told them to leave or else".

    Rule ``modality.demand_ultimatum`` (CAMEO 139 "Give ultimatum"). Tests:
    ``test_a_demand_with_its_price_is_an_ultimatum``.
    """

    def has_or(tok: Token) -> bool:
        return any(c.dep_ == "cc" and c.lower_ == "or" for c in tok.children)

    for clause in (verb, *(c for c in verb.children if c.dep_ in ("ccomp", "xcomp"))):
        for conj in clause.children:
            if conj.dep_ != "conj" or conj.i < clause.i:
                continue
            if (has_or(clause) or has_or(conj)) and (
                conj.lemma_.lower() in CONSEQUENCE_VERBS
                or any(c.lower_ == "else" for c in conj.children)
            ):
                return True
    return False


def _ultimatum(verb: Token) -> bool:
    """An announced act with an "unless" clause.

    Rule ``modality.ultimatum`` ("will withdraw its force unless a ceasefire is arranged"). Tests:
    ``test_an_announcement_with_unless_is_traced_as_an_ultimatum``.
    """
    first = first_conjunct(verb)
    return any(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in ULTIMATUM_MARKERS for m in c.children)
        for c in (*verb.children, *first.children)
    )


def irrealis(verb: Token) -> bool:
    """Inside an infinitive that complements a noun or states a purpose ("an agreement to
    ensure troops withdrew", "in order to end the war"), or a wish ("wanted the talks to
    be held"): an aim, not an event.

    Rule ``modality.irrealis``. Tests: ``test_coder_does_not_code_an_aim``,
    ``test_coder_flags_acts_asked_for_through_nested_complements``,
    ``test_coder_codes_an_appeal_and_not_the_act_appealed_for``,
    ``test_coder_keeps_a_reported_act_after_was_told``.
    """
    first = first_conjunct(verb)
    # A complement of a wish or a request, directly or through complements ("demanded that
    # its partners refuse to recognize X": the recognition is asked for too).
    link = first
    for _ in range(MAX_CLIMB):
        if link.dep_ not in ("xcomp", "ccomp") or link.head.i == link.i:
            break
        governor = link.head.lemma_.lower()
        if governor in WISH_GOVERNORS:
            return True
        # "told them to leave" asks; "was told that soldiers beat detainees" reports.
        if governor in REQUEST_GOVERNORS and (
            link.dep_ == "xcomp" or governor not in REPORTING_REQUESTS
        ):
            return True
        link = first_conjunct(link.head)
    if first.dep_ == "acl" and first.head.lemma_.lower() in REQUEST_NOUN_CODES:
        return True  # "its demand that Israel ease restrictions"
    if first.dep_ == "ccomp":
        noun = request_noun(first.head)
        if noun is not None and noun.i < first.i:
            return True
    if _purpose_of(first):
        return True
    tok = verb
    while tok.head.i != tok.i:
        tok = tok.head
        if tok.dep_ in ("acl", "advcl") and any(
            c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children
        ):
            return True
    return False


def purpose_clause(verb: Token) -> bool:
    """An infinitive that states what an act was for ("Marines came to honor him", "the
    council is reviewing candidates to fill the seat", "troops were sent to stop the
    rebels"): the aim is not asserted as done, unless the act it is for is announced. An
    infinitive that a verb of intent governs and the parser took for an adverbial clause
    ("have sworn to fight") is an announced act instead (``_announced``).

    Rule ``modality.purpose_clause``. Tests: ``test_coder_flags_an_act_done_for_a_purpose``.
    """
    if verb.dep_ not in ("advcl", "acl") or verb.head.i == verb.i:
        return False
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        return False
    head = verb.head
    # An announced act's purpose is part of what is announced ("will host them to celebrate
    # the feast"), coded as the announcement is (``intent_codes``).
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in head.children):
        return False
    return head.lemma_.lower() not in INTENT_GOVERNORS


def alleged(verb: Token) -> bool:
    """An act told only as what an allegation, a claim or a rumour says ("allegations that
    Allen abused her", "rumours that the army shelled the town"): the article reports the
    allegation, not the act. The clause is the noun's content ("that" as its marker), not
    a relative clause ("the claims that he made").

    Rule ``modality.alleged``. Tests: ``test_an_act_told_only_as_an_allegation_is_not_asserted``.
    """
    first = first_conjunct(verb)
    head = first.head
    return (
        first.dep_ == "acl"
        and head.i < first.i
        and head.lemma_.lower() in ALLEGED_CONTENT_NOUNS
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in first.children)
    )


def alleged_by_adverb(verb: Token) -> bool:
    """An act the text marks as alleged ("Moore allegedly tried to push her way into the
    mayor's home", "indicted for allegedly giving her a lethal dose", "after he allegedly
    brandished a pistol"): what someone alleges, not what the article asserts. "Reportedly"
    is not among them: a reported act is coded (GUIDELINES: reported acts count).

    Rule ``modality.alleged_adverb``. Tests:
    ``test_an_act_marked_allegedly_is_not_asserted``.
    """
    tok = first_conjunct(verb)
    for _ in range(MAX_CLIMB):
        if any(c.dep_ == "advmod" and c.lower_ in ALLEGING_ADVERBS for c in tok.children):
            return True
        if tok.dep_ != "xcomp" or tok.head.i == tok.i:
            return False
        tok = first_conjunct(tok.head)
    return False


def indirect_question(clause: Token) -> bool:
    """Whether the clause headed by ``clause`` is an indirect question: it opens with
    "whether", "if" or a wh-word ("how anyone could", "why Iraq attacked")."""
    first = min(clause.subtree, key=lambda t: t.i)
    return first.lower_ in QUESTION_MARKERS or first.tag_ in WH_TAGS


def asked_about(verb: Token) -> bool:
    """An act in an indirect question ("asked whether the army had shelled the town",
    "wondered why Iraq attacked"): asked about, not asserted.

    Rule ``modality.asked_about``. Tests: ``test_a_question_asked_is_no_request_nor_its_act``.
    """
    first = first_conjunct(verb)
    return (
        first.dep_ == "ccomp"
        and first.head.lemma_.lower() in QUESTION_LEMMAS
        and indirect_question(first)
    )


def _purpose_of(verb: Token) -> bool:
    """The complement of a verb of purpose ("aimed at reaching", "strive to end").

    Tests: ``test_coder_does_not_code_an_aim``.
    """
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        head = head.head
    elif verb.dep_ != "xcomp":
        return False
    return head.i < verb.i and head.lemma_.lower() in PURPOSE_LEMMAS


def request_noun(verb: Token) -> Token | None:
    """The verb's object when it is a noun of request ("reiterated its demand").

    Tests: ``test_coder_codes_a_reiterated_demand_on_the_clause_subject``.
    """
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in REQUEST_NOUN_CODES:
            return child
    return None


def refused(verb: Token) -> bool:
    """ "refused to deploy", "declined to meet": the act is refused (CAMEO 12).

    Rule ``modality.refused``. Tests: ``test_coder_codes_a_refused_act_as_its_rejection``.
    """
    first = first_conjunct(verb)
    return first.dep_ == "xcomp" and first.head.lemma_.lower() in REFUSAL_GOVERNORS


def is_question(sent: Span) -> bool:
    """Whether the sentence ends with a question mark (closing quotes and brackets aside).
    A "?" straight after a full stop ("illegitimate.?") is a closing quotation mark lost to
    a wrong encoding, not a question.

    Rule ``modality.is_question`` ("Will China invade Taiwan?"). Tests:
    ``test_coder_does_not_count_what_a_question_asks``,
    ``test_a_question_mark_after_a_full_stop_is_no_question``.
    """
    for tok in reversed(sent):
        if tok.is_space or tok.is_quote or tok.is_right_punct:
            continue
        if tok.text != "?":
            return False
        before = tok.nbor(-1) if tok.i > sent.start else None
        return before is None or before.whitespace_ != "" or before.text not in (".", "!")
    return False


# Clauses that assert no act, in the order they are tried (``traced_flags``): an
# exhortation, a purpose, an unreal or wished act, an allegation's content, a question.
_HYPOTHETICAL_CLAUSES: tuple[tuple[str, Callable[[Token], bool]], ...] = (
    ("modality.hortative", hortative),
    ("modality.purpose_clause", lambda verb: purpose_clause(first_conjunct(verb))),
    ("modality.irrealis", irrealis),
    ("modality.past_wish", past_wish),
    ("modality.alleged", alleged),
    ("modality.alleged_adverb", alleged_by_adverb),
    ("modality.asked_about", asked_about),
)
