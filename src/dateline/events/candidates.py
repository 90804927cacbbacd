"""Candidates: each verb of the verb dictionary gives events, coded by the rule families.

``code_sentence`` walks a sentence's candidate verbs (``tokens.TokenTable``). A verb found in
the verb dictionary (by form or lemma; a multi-word verb's other words beside it) is a
candidate; verbs of saying are skipped so that the reported clause is coded, not the
saying, unless their object names an act ("claimed responsibility for the attack") or
their clause an obligation (``refine.code_obligation``); a verb of purpose ("aimed at
reaching") is an aim, not an event. ``code_verb`` then codes one verb:

1. roles: its source (``roles.Roles.subject``; talks as subject name their parties);
2. the code: the most specific matching pattern (``patterns``), an event taken part in or
   travelled to (``nominal``), else the verb's own or its block's code, refined by what its
   object, complement or purpose says (``refine``; ``nominal.light_verb_code``);
3. roles again (``verb_parties.parties_of``): a pattern's ``$``/``+`` parties, else the
   verb's objects (``roles.Roles.objects``), two-sided acts between a compound subject's
   members, "between A and B", the patient of a verb like "died";
4. modality: negated and hypothetical flags, CAMEO's intent and refusal codes
   (``modality``);
5. one event per (source, target, code), a ``[x:y]`` code giving both directions.

Between the verbs of a sentence, the ``refine.yield_*`` rules choose which carries the act,
and a clause governed by a coded verb ("to help", "after crowds burned") is not coded again.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..model import Article, Event
from ..model import Span as TextSpan
from ..settings import Settings
from .build import add_event, add_rule, event_key
from .lexicon import (
    CLAUSE_ONLY_SAYING_LEMMAS,
    COMPLAINT_CODE,
    COMPLAINT_ROOTS,
    CONFLICT_NOUNS,
    LAWSUIT_CODE,
    LAWSUIT_LEMMAS,
    OBJECT_CODED_SAYING_LEMMAS,
    OBLIGATION_CUES,
    OWN_CLAUSE_MARKS,
    PROTEST_CODE,
    PURPOSE_LEMMAS,
    SAYING_LEMMAS,
    SAYING_PREPOSITIONS,
    STATE_FORCE_AGENTS,
    VIOLENT_PROTEST_CODE,
)
from .modality import denied, intent_codes, refused, traced_flags, unable
from .nominal import (
    draft_code,
    joint_subject_parties,
    light_verb_code,
    participation_code,
    travel_purpose,
)
from .parties import (
    MentionIndex,
    Party,
    traced,
)
from .patterns import (
    PatternMatch,
    PatternMatcher,
    names_a_source,
    pattern_words,
    verb_patterns,
)
from .refine import (
    armed_activity_code,
    arms_transfer_code,
    code_obligation,
    commitment_code,
    dismissal_code,
    during_protest,
    easing_code,
    encouragement_appeal,
    halted_talks_code,
    in_protest,
    obstruction_code,
    order_takes_ordered_act,
    rejection_code,
    to_complain,
    yield_bare_intent,
    yield_statement_to_clause,
    yield_to_statement_content,
)
from .roles import (
    Roles,
    between_parties,
)
from .syntax import (
    MAX_CLIMB,
    clausal_complement,
)
from .verb_parties import Coding, parties_of, same_party
from .verbs import (
    NULL_CODE,
    VerbDictionary,
    VerbEntry,
    entry_name,
    supplement_codes,
)


def _is_saying(verb: Token, entry: VerbEntry | None) -> bool:
    """A verb of saying: the clause it reports is the event, not the saying (issue 3); "recalled"
    says only with a clause ("recalled its ambassador" is an act, "recalled that" is not); a verb
    inside "according to" is no event.

    Tests: ``test_coder_codes_the_reported_clause_not_the_saying``,
    ``test_coder_codes_recalling_an_ambassador_but_not_recalling_that``.
    """
    lemma = verb.lemma_.lower()
    if lemma in SAYING_LEMMAS:
        if lemma in CLAUSE_ONLY_SAYING_LEMMAS:
            # "recalled its ambassador" (an act) against "recalled that ..." (saying).
            return not any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children)
        return True
    # "according to": the verb "accord" heads a prepositional cue.
    return lemma in SAYING_PREPOSITIONS and verb.dep_ in ("prep", "advcl")


def _object_act(verb: Token) -> bool:
    """ "claimed responsibility for the attack": a verb of saying with a direct object and no
    clause of its own, whose object may name an act.

    Rule ``candidates.saying_object_pattern``. Tests:
    ``test_coder_codes_a_claim_of_responsibility_but_not_a_claim_that``.
    """
    if verb.lemma_.lower() not in OBJECT_CODED_SAYING_LEMMAS or verb.dep_ == "parataxis":
        return False
    deps = {c.dep_ for c in verb.children}
    return "dobj" in deps and not deps & {"ccomp", "xcomp", "parataxis"}


def _multiword_ok(entry: VerbEntry, verb: Token) -> bool:
    """A multi-word verb's other words are next to the verb or among its particles."""
    doc = verb.doc
    near: set[str] | None = None  # the particles' words, read when first needed
    for k, word in enumerate(entry.after, start=1):
        j = verb.i + k
        if j < len(doc) and doc[j].text.upper() == word:
            continue
        if near is None:
            near = {
                c.text.upper() for c in verb.children if c.dep_ in ("prt", "prep", "advmod", "dobj")
            }
        if word not in near:
            return False
    for k, word in enumerate(reversed(entry.before), start=1):
        j = verb.i - k
        if not (j >= 0 and doc[j].text.upper() == word):
            return False
    return True


def _entry_for(verbs: VerbDictionary, verb: Token, by_lemma: bool = True) -> VerbEntry | None:
    """The verb's dictionary entry, by its form (the forms the dictionary lists or
    generates) or, with ``by_lemma``, by its lemma ("departes" is no form of DEPART)."""
    entries = verbs.lookup(verb.text, verb.lemma_) if by_lemma else verbs.lookup(verb.text)
    if not entries:
        return None
    multi = [e for e in entries if e.is_multiword and _multiword_ok(e, verb)]
    if multi:
        return max(multi, key=lambda e: len(e.before) + len(e.after))
    single = [e for e in entries if not e.is_multiword]
    return single[0] if single else None


def code_sentence(
    sent: Span,
    article: Article,
    mentions: MentionIndex,
    verbs: VerbDictionary,
    roles: Roles,
    settings: Settings,
) -> list[Event]:
    """The events of one sentence (ids are set by ``code_events``).

    Tests: ``test_coder_codes_subject_verb_object_through_xcomp``,
    ``test_coder_codes_the_reported_clause_not_the_saying``,
    ``test_coder_keeps_one_event_per_source_target_code``, ``test_coder_does_not_code_an_aim``.
    """
    by_verb: dict[int, list[Event]] = {}
    words: frozenset[str] | None = None  # the sentence's words, for the patterns' prefilter
    table = roles.token_table(sent.doc)
    for i in table.candidates(sent.start, sent.end):
        verb = sent.doc[i]
        entry = _entry_for(verbs, verb, by_lemma=cameo_rules(settings, verbs))
        if _is_saying(verb, entry):
            if entry is not None and cameo_rules(settings, verbs) and _object_act(verb):
                if words is None:
                    words = table.words(sent.start, sent.end, False)
                found = code_verb(
                    verb, entry, sent, mentions, verbs, roles, settings, words, patterns_only=True
                )
                if found:
                    by_verb[verb.i] = found
                    continue
            if cameo_rules(settings, verbs):
                demands = code_obligation(verb, sent, roles)
                if demands:
                    by_verb[verb.i] = demands
            continue
        if (
            not settings.petrarch_compat
            and verb.lemma_.lower() in PURPOSE_LEMMAS
            and clausal_complement(verb, frozenset())
        ):
            # "had aimed at reaching an agreement": an aim, not an event, whatever the
            # words of the aim match; like a coded verb, it governs its own clauses.
            by_verb[verb.i] = []
            continue
        if cameo_rules(settings, verbs) and verb.lemma_.lower() in OBLIGATION_CUES:
            demands = code_obligation(verb, sent, roles)
            if demands:
                by_verb[verb.i] = demands
                continue
        if entry is None and cameo_rules(settings, verbs):
            entry = _supplement_entry(verb)
        if entry is None:
            continue
        if words is None:
            words = table.words(sent.start, sent.end, not cameo_rules(settings, verbs))
        found = code_verb(verb, entry, sent, mentions, verbs, roles, settings, words)
        if found:
            by_verb[verb.i] = found
    events: list[Event] = []
    seen: set[tuple[str, str | None, str, str]] = set()
    yield_bare_intent(sent, by_verb)
    yield_to_statement_content(sent, by_verb)
    yield_statement_to_clause(sent, by_verb)
    order_takes_ordered_act(sent, by_verb)
    for i, found in sorted(by_verb.items()):
        if _governed_by_coded(sent.doc[i], by_verb, cameo_rules(settings, verbs)):
            continue
        head = sent.doc[i].head  # the coded verb, or the preposition of a gerund on it
        own = cameo_rules(settings, verbs) and _own_clause(sent.doc[i])
        own = own and (head.i in by_verb or (head.dep_ == "prep" and head.head.i in by_verb))
        for event in found:
            if own:
                add_rule(event, "candidates.own_clause")
            # The same act told twice is one event; two verbs are two acts ("shot down
            # two planes and struck an airport").
            key = (*event_key(event), sent.doc[i].lemma_.lower())
            if key not in seen:
                seen.add(key)
                events.append(event)
    # An event without a target adds nothing beside the same event with one.
    with_target = {(e.source.code, e.cameo) for e in events if e.source and e.target}
    return [
        e
        for e in events
        if e.target is not None or (e.source and (e.source.code, e.cameo) not in with_target)
    ]


def cameo_rules(settings: Settings, verbs: VerbDictionary) -> bool:
    """Whether CAMEO's own coding rules rewrite the dictionary's codes: not when coding
    exactly as PETRARCH, nor for a dictionary whose codes are not CAMEO's."""
    return not settings.petrarch_compat and verbs.cameo_codes


def _supplement_entry(verb: Token) -> VerbEntry | None:
    """An entry for a verb the dictionary lacks but dateline's CAMEO supplement codes.

    Rule ``candidates.supplement_verb`` ("demobilized"). Tests:
    ``test_coder_codes_demobilized_forces_as_their_sides_demobilization``,
    ``test_coder_codes_an_appeal_and_not_the_act_appealed_for``.
    """
    code = supplement_codes().get(verb.lemma_.lower())
    if code is None:
        return None
    return VerbEntry(verb=verb.lemma_.upper(), block="", code=code)


def _governed_by_coded(
    verb: Token, by_verb: dict[int, list[Event]], separate_clauses: bool = False
) -> bool:
    """A verb of a subordinate clause ("to help", "after crowds burned") whose governing
    verb is coded: PETRARCH codes the main verb phrase and not what it governs.

    With CAMEO's rules (``separate_clauses``), a clause of time or cause with a subject of
    its own tells an act of its own ("traded threats after Turkish forces shot down two
    Syrian warplanes"): it is coded too (rule ``candidates.own_clause``).

    Tests: ``test_coder_target_from_the_rest_of_the_governing_phrase``,
    ``test_coder_codes_subject_verb_object_through_xcomp``,
    ``test_coder_codes_an_act_told_in_an_after_clause``.
    """
    tok = verb
    for _ in range(MAX_CLIMB):
        if tok.dep_ not in ("xcomp", "advcl", "acomp", "pcomp", "prep") or tok.head.i == tok.i:
            return False
        if separate_clauses and _own_clause(tok):
            return False
        came_from = tok
        tok = tok.head
        if tok.i in by_verb:
            return True
        # "Arnor is about to restore ..., after crowds burned ...": the clause hangs on "is",
        # whose complement chain (about -> restore) carries the event.
        if came_from.dep_ == "advcl" and _chain_coded(tok, by_verb):
            return True
    return False


def _own_clause(verb: Token) -> bool:
    """An adverbial clause of time or cause with its own subject ("after Turkish forces shot
    down ...", "because rebels attacked ..."), or a passive gerund after such a preposition,
    which someone else did to the subject ("resigned after being accused by Iran")."""
    kids = [(c.dep_, c.lower_) for c in verb.children]
    if verb.dep_ == "pcomp" and verb.head.lower_ in OWN_CLAUSE_MARKS:
        return any(d == "auxpass" for d, _ in kids)
    if verb.dep_ != "advcl":
        return False
    return any(d in ("nsubj", "nsubjpass") for d, _ in kids) and any(
        d == "mark" and w in OWN_CLAUSE_MARKS for d, w in kids
    )


def _chain_coded(tok: Token, by_verb: dict[int, list[Event]]) -> bool:
    """Whether a verb reached through ``tok``'s xcomp/acomp chain is coded."""
    for _ in range(MAX_CLIMB):
        nxt = [c for c in tok.children if c.dep_ in ("xcomp", "acomp")]
        if not nxt:
            return False
        tok = nxt[0]
        if tok.i in by_verb:
            return True
    return False


def code_verb(
    verb: Token,
    entry: VerbEntry,
    sent: Span,
    mentions: MentionIndex,
    verbs: VerbDictionary,
    roles: Roles,
    settings: Settings,
    words: frozenset[str] | None = None,
    *,
    patterns_only: bool = False,
) -> list[Event]:
    """The events of one verb of the dictionary (``words``: its sentence's words);
    ``patterns_only``: only a matching pattern codes it, not the block's own code.

    Tests: ``test_coder_codes_subject_verb_object_through_xcomp``,
    ``test_coder_event_fields_point_into_the_text``,
    ``test_an_event_names_its_candidate_rule_and_how_its_parties_were_found``.
    """
    cameo = cameo_rules(settings, verbs)
    sources, passive = roles.subject(verb)
    joint = joint_subject_parties(verb, roles) if cameo else []
    if joint:
        joint = traced(joint, "nominal.joint_subject_parties")
        sources = joint
    elif cameo and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in CONFLICT_NOUNS for c in verb.children
    ):
        # "The Israel-Hamas war went on": the parties of a war do not do what the war does.
        sources = []
    if (
        not sources
        and not passive
        and not names_a_source(verbs.patterns_for(entry))
        and len(between_parties(verb, roles)) < 2
    ):
        # Nothing can give the act a source, so its patterns need not be matched (a passive
        # verb goes on: what was done to its subject may be an event without a source).
        return []
    # Pattern nouns match their plurals only in a CAMEO dictionary read by dateline's rules:
    # CAMEO.2.0 lists plurals unevenly ("MEETING" but not "MEETINGS"); a dictionary in
    # other codes (PETRARCH's validation set) is read strictly, as its format says.
    exact = not cameo
    matcher = PatternMatcher(verb, verbs, mentions, passive, exact, words)
    patterns, index = verb_patterns(verbs, entry, exact)
    match = matcher.best(patterns, entry_name(entry), index)
    coding = _code_of(verb, entry, match, sources, roles, cameo, patterns_only)
    if coding is None:
        return []
    found = parties_of(verb, sent, coding, sources, passive, joint, roles, cameo)
    if found is None:
        return []
    sources, targets, unknown_source = found
    match = coding.match
    named = pattern_words(match.pattern if match else None, verbs)
    negated, hypothetical, flag_rules = traced_flags(verb, named)
    coding.rules.extend(flag_rules)
    code, reverse = coding.code, coding.reverse
    if denied(verb):
        negated = True  # a denied act is no event, and no refusal either
        coding.rules.append("modality.denied")
    elif cameo and not hypothetical and not unable(verb):
        was_refused = refused(verb)
        code, reverse, negated, rule = intent_codes(verb, code, reverse, negated or was_refused)
        if was_refused:
            coding.rules.append("modality.refused")
        if rule is not None:
            coding.rules.append(rule)
    trigger = TextSpan(verb.idx, verb.idx + len(verb.text), verb.text)
    events: list[Event] = []
    seen: set[tuple[str, str | None, str]] = set()
    slots: list[Party | None] = list(targets) if targets else [None]
    pattern = coding.pattern
    why = (coding.rules, coding.entries)
    why_back = ([*coding.rules, "candidates.reverse_code"], coding.entries)
    if unknown_source:
        for victim in targets:
            add_event(events, seen, sent, trigger, None, victim, code, pattern, *why)
    for source in sources:
        for target in slots:
            if target is not None and same_party(source, target, settings):
                continue
            if settings.require_dyad and target is None:
                continue
            if code not in (None, NULL_CODE):
                add_event(events, seen, sent, trigger, source, target, code, pattern, *why)
            if reverse not in (None, NULL_CODE) and target is not None:
                add_event(events, seen, sent, trigger, target, source, reverse, pattern, *why_back)
    for event in events:
        event.negated, event.hypothetical = negated, hypothetical
    return events


def _code_of(
    verb: Token,
    entry: VerbEntry,
    match: PatternMatch | None,
    sources: list[Party],
    roles: Roles,
    cameo: bool,
    patterns_only: bool,
) -> Coding | None:
    """The code of a verb (None: no event): an event taken part in or gone to, the matched
    pattern's, else the verb's own (or its block's), refined by what the verb's object,
    complement or purpose says (``cameo``: CAMEO's own rules apply).

    Rules: ``candidates.verb_pattern``
    (``test_coder_prefers_the_pattern_nearest_the_verb_among_equals``; a null pattern:
    ``test_coder_negative_pattern_takes_its_own_code_not_a_flag``), ``candidates.verb_code``
    (``test_coder_keeps_one_event_per_source_target_code``), ``candidates.saying_object_pattern``
    (``test_coder_codes_a_claim_of_responsibility_but_not_a_claim_that``),
    ``nominal.participation_code`` (``test_coder_codes_taking_part_by_the_event_taken_part_in``),
    ``nominal.travel_purpose`` (``test_coder_codes_travel_for_an_event_as_the_event``).
    """
    participation = participation_code(verb) if cameo else None
    travel = travel_purpose(verb) if cameo else None
    taken_part = participation is not None
    if participation is None and travel is not None:
        participation = travel[0]
    if patterns_only and (match is None or participation is not None):
        return None
    # So does a verb of saying's object name the act ("claimed responsibility for shooting
    # down the helicopter, which crashed in Logar": the place of another clause is no
    # target).
    coding = Coding(None, None, None, match, patterns_only, travel, participation)
    verb_entry = f"verb {entry_name(entry)}" + (f" in block {entry.block}" if entry.block else "")
    coding.entries.append(f"{verb_entry} [{entry.code or NULL_CODE}]")
    if participation is not None:
        # The event taken part in says what was done, whatever "take part" patterns say.
        rule = "nominal.participation_code" if taken_part else "nominal.travel_purpose"
        coding.recode(participation, None, rule)
        coding.match = None
    elif match is not None:
        if match.pattern.is_null:
            return None
        rule = "candidates.saying_object_pattern" if patterns_only else "candidates.verb_pattern"
        coding.recode(match.pattern.code, match.pattern.reverse, rule)
        coding.pattern = match.pattern.text
        coding.entries.append("pattern " + " ".join(match.pattern.text.split()))
    else:
        rule = "candidates.verb_code" if entry.block else "candidates.supplement_verb"
        coding.recode(entry.code, entry.reverse, rule)
        if cameo:
            _refine_default(verb, coding, sources)
    if cameo:
        _refine_by_object(verb, coding, roles)
        _refine_by_purpose(verb, coding, sources)
    return None if coding.uncoded else coding


def _refine_default(verb: Token, coding: Coding, sources: list[Party]) -> None:
    """CAMEO's codes for a verb coded only by its dictionary default: the supplement's
    code, a commitment, a light verb's event noun, what the object says.

    Rules: ``candidates.supplement_code``
    (``test_coder_codes_a_rejection_the_dictionary_leaves_uncoded``,
    ``test_coder_codes_reneging_as_a_rejection``), ``refine.commitment_code``
    (``test_coder_codes_an_agreement_to_act_as_intent_to_cooperate``), ``nominal.light_verb_code``
    (``test_coder_codes_a_light_verb_by_its_event_noun``), ``refine.rejection_code``
    (``test_coder_codes_a_dismissed_appeal_as_a_rejection``), ``refine.obstruction_code``
    (``test_coder_codes_people_blocking_streets_as_a_protest``), ``nominal.draft_code``
    (``test_coder_codes_a_presented_draft_agreement_as_negotiation``),
    ``refine.armed_activity_code``
    (``test_coder_codes_an_armed_group_resuming_its_activities_as_force``).
    """
    lemma = verb.lemma_.lower()
    if coding.uncoded:
        supplement = supplement_codes().get(lemma)
        if supplement is not None:
            coding.recode(supplement, coding.reverse, "candidates.supplement_code")
            coding.entries.append(f"verb supplement {lemma} [{supplement}]")
    committed = commitment_code(verb, coding.code, coding.reverse)
    if committed != (coding.code, coding.reverse):
        coding.recode(*committed, "refine.commitment_code")
    noun_code = light_verb_code(verb)
    if noun_code is not None:
        coding.recode(noun_code, None, "nominal.light_verb_code")
    object_code, rule = rejection_code(verb), "refine.rejection_code"
    if object_code is None:
        object_code, rule = obstruction_code(verb, sources), "refine.obstruction_code"
    if object_code is None:
        object_code, rule = encouragement_appeal(verb), "refine.encouragement_appeal"
    if object_code is not None:
        coding.recode(object_code, None, rule)
    if coding.uncoded:
        object_code, rule = draft_code(verb), "nominal.draft_code"
        if object_code is None:
            object_code, rule = armed_activity_code(verb, sources), "refine.armed_activity_code"
        if object_code is not None:
            coding.recode(object_code, None, rule)
            coding.own_objects = True


def _refine_by_object(verb: Token, coding: Coding, roles: Roles) -> None:
    """What the verb does to its object says the act, whatever the pattern: "eased
    restrictions" (081), "sent arms to" (072), "suspended the talks" (164), a lawsuit.

    Rules: ``refine.easing_code`` (``test_coder_codes_eased_restrictions_as_yielding``),
    ``refine.arms_transfer_code`` (``test_coder_codes_arms_sent_to_a_party_as_military_aid``),
    ``refine.halted_talks_code`` (``test_coder_codes_halted_talks_as_halted_negotiations``),
    ``refine.lawsuit`` (``test_coder_codes_a_lawsuit_as_a_complaint``).
    """
    object_code, rule = easing_code(verb), "refine.easing_code"
    if object_code is None:
        object_code, rule = arms_transfer_code(verb, roles), "refine.arms_transfer_code"
    if object_code is None:
        object_code, rule = halted_talks_code(verb), "refine.halted_talks_code"
    if object_code is None:
        object_code, rule = dismissal_code(verb, roles), "refine.dismissal"
    if verb.lemma_.lower() in LAWSUIT_LEMMAS:
        object_code, rule = LAWSUIT_CODE, "refine.lawsuit"
    if object_code is not None:
        coding.recode(object_code, None, rule)
        coding.pattern = None
        if coding.match is not None and coding.match.target is None:
            coding.match = None  # the pattern's words are not what was done


def _refine_by_purpose(verb: Token, coding: Coding, sources: list[Party]) -> None:
    """An act done in protest (14x), violence during a protest (145), a summons to
    complain (the complaint's code).

    Rules: ``refine.in_protest`` (``test_coder_codes_an_act_done_in_protest_as_a_protest``),
    ``refine.during_protest``
    (``test_coder_codes_violence_by_protesters_during_a_demonstration_as_riot``),
    ``refine.to_complain`` (``test_coder_codes_a_meeting_held_to_complain_as_a_complaint``).
    """
    code = coding.code
    if code and code[:2].isdigit() and in_protest(verb):
        root = code[:2]
        if root in ("18", "19", "20"):
            coding.recode(VIOLENT_PROTEST_CODE, None, "refine.in_protest")
        elif root != "14":
            coding.recode(PROTEST_CODE, None, "refine.in_protest")
    elif (
        code
        and code[:2] in ("18", "19", "20")
        and during_protest(verb)
        and not any(any(a in p.code[3:] for a in STATE_FORCE_AGENTS) for p in sources)
    ):
        coding.recode(VIOLENT_PROTEST_CODE, None, "refine.during_protest")
    code = coding.code
    if code and code[:2] in COMPLAINT_ROOTS and to_complain(verb):
        coding.recode(COMPLAINT_CODE, None, "refine.to_complain")
