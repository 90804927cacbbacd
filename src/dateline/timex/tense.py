"""The tense and direction of the clause a time expression belongs to (issue 4, issue 11).

Whether "Sunday" is the last or the next one, and whether an expression dates a verb rather
than names a thing, depend on the clause around it: its tense, a deadline or a schedule,
a participle told in the tense of its main verb. Moved from ``timex/__init__.py``
unchanged (that module was over the 800-line limit).
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import load_time_lexicon


def direction_of(token: Token, inside: set[int] | None = None) -> str | None:
    """Which way from the anchor a date lies, by its context first, then its clause's tense:

    - a deadline or the end of a stretch looks ahead ("until Tuesday", "extended the offer
      to Nov. 20", "postponed to Monday", "effective Feb. 1"), whatever the tense of the
      clause, except "through" in the past ("had broken even this year through August");
    - else the tense of the clause (:func:`tense_of`).
    """
    lex = load_time_lexicon()
    head = token.head
    if head.i != token.i and head.lower_ in lex.clock_words and head.head.pos_ == "ADP":
        # Rule ``clock_then_day`` (issue 11): in "until 9 a.m. Tuesday" the day hangs off the
        # clock time, and the clock time off the preposition that governs both.
        head = head.head
    tense = tense_of(token, inside)
    if head.pos_ == "ADP" and head.i != token.i:
        if head.lower_ == "through" and tense == "past" and _told_in_the_past(token, inside):
            return "past"  # "had barely broken even this year through August"
        if head.lower_ == "through" and _ran_until_now(token, inside, lex.deadline_verbs):
            return "past"  # "the fund has fallen 2.08% this year through Oct. 19"
        if head.lower_ in lex.deadline_prepositions:
            # "Until Thursday, they had not called him a suspect": a past perfect looks back.
            return "past" if _past_perfect(head.head) else "future"
        if head.lower_ == "to" and head.head.lemma_.lower() in lex.deadline_verbs:
            return "future"
    if (
        head.lower_ == "for"
        and head.i != token.i
        and head.head.pos_ == "NOUN"
        and tense == "past"
        and token.lower_.rstrip(".") in lex.weekdays
    ):
        # Rule ``thing_for_a_day`` (issue 11): "announced a strike for Saturday", "called a
        # meeting for Monday": a thing set for a day, told in the past, may lie either side
        # of the DCT: the nearest such day.
        return "conditional"
    if head.lower_ == "effective" and head.i != token.i:
        return "future"  # "a new office of the chairman, effective Feb. 1"
    if tense in {"past", "present"} and _schedules_a_thing(token, inside, lex.schedule_verbs):
        return "future"  # "planned a rally on Saturday", "has scheduled a talk Thursday"
    if tense == "past" and _scheduled_thing(token, inside, lex.scheduled_participles):
        return "future"  # "is expected to dominate a summit set for April"
    return tense


def _past_perfect(verb: Token) -> bool:
    """Whether a verb is in the past perfect ("had called")."""
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in {"had", "'d"} for c in verb.children
    )


def _verb_of(token: Token, inside: set[int] | None = None) -> Token | None:
    """The verb a token belongs to (None when there is none within a few arcs)."""
    inside = inside or set()
    verb = token
    for _ in range(8):
        if verb.pos_ in {"VERB", "AUX"} and verb.i not in inside:
            return verb
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _finite(verb: Token | None) -> bool:
    """Whether a verb is finite or has an auxiliary (not a bare participle: "shares
    tendered through Nov. 17")."""
    return verb is not None and (
        verb.tag_ in {"VBD", "VBZ", "VBP"}
        or any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
    )


def _told_in_the_past(token: Token, inside: set[int] | None = None) -> bool:
    """Whether a token's verb is a finite simple past or past perfect ("had broken even";
    not a bare participle, "shares tendered", nor a present perfect, "has extended")."""
    verb = _verb_of(token, inside)
    if verb is None or not _finite(verb):
        return False
    return not any(c.dep_ == "aux" and c.lower_ in {"has", "have"} for c in verb.children)


def _ran_until_now(token: Token, inside: set[int] | None, deadline_verbs: frozenset[str]) -> bool:
    """Rule ``through_in_present_perfect`` (issue 11): whether a token's verb is a present
    perfect that tells of a stretch run up to the date ("the fund has fallen 2.08% this year
    through Oct. 19"), not one that moves a deadline ("has extended the offer through
    Nov. 17", which looks ahead)."""
    verb = _verb_of(token, inside)
    if verb is None or verb.tag_ != "VBN" or verb.lemma_.lower() in deadline_verbs:
        return False
    return any(c.dep_ == "aux" and c.lower_ in {"has", "have"} for c in verb.children)


def _schedules_a_thing(token: Token, inside: set[int] | None, verbs: frozenset[str]) -> bool:
    """Whether the verb a token belongs to is a finite verb of scheduling with an object
    ("planned a rally", "has scheduled a news conference"; not "a service planned for
    Saturday" nor "planned to pay", where the time may be that of the planning)."""
    verb = _verb_of(token, inside)
    if verb is None:
        return False
    # "planned a rally", or the passive "the accession was planned for early March"
    has_object = any(c.dep_ in {"dobj", "auxpass"} for c in verb.children)
    return verb.lemma_.lower() in verbs and _finite(verb) and has_object


def _scheduled_thing(token: Token, inside: set[int] | None, participles: frozenset[str]) -> bool:
    """Rule ``scheduled_participle`` (issue 11): whether a date hangs off a participle that
    schedules a noun ("a summit set for April", "talks scheduled for Monday") in a clause
    that is not told in the past. The bare participle reads as a past tense, but the thing
    it schedules lies ahead of a present or future telling; in a past one ("a service
    planned for Saturday was cancelled") the date keeps the past reading."""
    verb = _verb_of(token, inside)
    if verb is None or verb.dep_ != "acl" or verb.tag_ != "VBN" or _finite(verb):
        return False
    if verb.lemma_.lower() not in participles:
        return False
    return tense_of(verb.head, inside) in {"present", "future", "conditional"}


def hangs_off_a_verb(token: Token) -> bool:
    """Whether a date belongs to a verb (directly or through "on", "in", "at" ...) rather
    than to a noun or an adjective ("payable Dec. 7", "stock of record Nov. 22")."""
    head = token.head
    if head.pos_ == "ADP" and head.i != token.i:
        head = head.head
    return head.pos_ in {"VERB", "AUX"} or head.i == token.i


def tense_of(token: Token, inside: set[int] | None = None) -> str | None:
    """The tense of the clause a token sits in: "past", "future", "present", "conditional"
    (would, could) or None.

    Climbs from the token to the verb that governs it (skipping the tokens ``inside`` the time
    expression itself) and reads its tag and auxiliaries.
    """
    inside = inside or set()
    lex = load_time_lexicon()
    verb = token
    for _ in range(8):
        if verb.pos_ in {"VERB", "AUX"} and verb.i not in inside:
            break
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    else:
        return None
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if (
        verb.tag_ == "VBG"
        and not auxiliaries
        and verb.dep_ in {"advcl", "conj"}
        and verb.head.i != verb.i
        and verb.head.pos_ in {"VERB", "AUX"}
    ):
        # Rule ``participle_takes_main_tense`` (issue 11): a participle clause has no tense
        # of its own; "has fluctuated, rising to $42 in June from $29 in March" is told in
        # the tense of the verb it hangs off, when that one is past or future (a present
        # one, "are convertible ..., representing a premium over Thursday's price", says
        # nothing of the participle's time).
        main = tense_of(verb.head)
        if main in {"past", "future"}:
            return main
    words = {a.lower_ for a in auxiliaries}
    if words & lex.future_auxiliaries:
        return "future"
    if any(a.tag_ == "VBD" for a in auxiliaries) or verb.tag_ == "VBD":
        return "past"
    if any(a.lemma_ == "have" for a in auxiliaries):
        return "past"
    if verb.tag_ == "VBN" and not auxiliaries:
        return "past"
    if words & lex.future_modals:
        return "future"
    if words & lex.conditional_modals:
        return "conditional"  # "said it would vote on Friday": the nearest Friday
    if verb.tag_ == "VB" and "to" in words:
        head = verb.head
        if any(c.lower_ == "had" for t in (head, head.head) for c in t.children):
            # "the offer had been due to expire Friday": a plan overtaken, told from a past
            # time; the day is the one nearest the DCT, either side, as after "would".
            return "conditional"
        if head.lemma_ in lex.plan_verbs or head.lower_ in lex.plan_verbs:
            return "future"
        if head.lemma_ == "be" and head.tag_ in {"VBZ", "VBP"}:
            return "future"  # "is to resume trading Tuesday"
        if head.lemma_ == "be" and head.tag_ == "VBD":
            # Rule ``was_to`` (issue 11): "the talks were to resume on Saturday", a future
            # told from the past: the nearest Saturday, as after "would".
            return "conditional"
        return None
    if verb.tag_ == "VBP" and not auxiliaries and _singular_subject(verb):
        # Rule ``unmarked_past`` (issue 11): "Weakness in tech stocks hurt the index on
        # Friday": a base form after a singular subject is a past tense the tagger took for
        # a present one (hurt, cut, set, put, hit: the same in both).
        return "past"
    if verb.tag_ in {"VBZ", "VBP"} or any(a.tag_ in {"VBZ", "VBP"} for a in auxiliaries):
        return "present"
    return None


def _singular_subject(verb: Token) -> bool:
    """Whether a verb's subject is one singular noun ("weakness", "the company"; not "Smith
    and Jones"), in a clause that is no condition ("if the firm mail an offer by Nov. 22")."""
    if any(c.dep_ == "mark" for c in verb.children):
        return False
    return any(
        c.dep_ == "nsubj"
        and c.tag_ in {"NN", "NNP"}
        and not any(g.dep_ in {"conj", "cc"} for g in c.children)
        for c in verb.children
    )
