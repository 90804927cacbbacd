"""The event filter: whether a coded candidate is an event at all, as a confidence (issue 10).

The coder proposes an event wherever a dictionary verb or noun has an actor near it. Real
news is mostly sentences that hold none, so each candidate is weighed by what supports it:
how its parties were found, whether they are the verb's own arguments, how specific the
dictionary pattern is, and whether its actors are public ones. Each rule below is named
for the construction it handles; a rule that applies multiplies the event's confidence by
its factor and is recorded in ``Event.rules``. Nothing is deleted: users choose with
``min_confidence`` (whose default is chosen on the developers' data, see the README).

A factor of 0 says the candidate is no event whatever else supports it (a dateline or a
market as its actor).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from ..model import Article, Event, EventActor, Mention, Place
from ..spanindex import SpanIndex
from ..tokenspan import expand_span
from .filter_lexicon import (
    ABSTRACT_NOUNS,
    AGREEING_LEMMAS,
    ARGUMENT_DEPS,
    ARMED_AGENTS,
    ARMED_FORCE_ROOTS,
    CHAIN_DEPS,
    COMMITTING_MODALS,
    DELIBERATION_LEMMAS,
    DISPLAY_LEMMAS,
    DISPLAY_ROOTS,
    FORCE_ROOTS,
    GENERIC_VERBS,
    KICKER_NOUNS,
    MEMBER_BODIES,
    MOTION_LEMMAS,
    NAMING_LEMMAS,
    NO_TARGET_ROOTS,
    NON_ACTOR_HEADS,
    PARTY_ENTITY_LABELS,
    PARTY_PLACE_CODES,
    PHRASE_DEPS,
    PLACE_ENTITY_LABELS,
    PLACE_NOT_PARTY_CLASSES,
    PRIVATE_ACT_ROOTS,
    PRIVATE_SECTORS,
    REQUEST_QUESTION_LEMMAS,
    SELF_PRONOUNS,
    SENSE_CHANGING_PARTICLES,
    STRIVING_LEMMAS,
    THOUGHT_LEMMAS,
)
from .lexicon import DIRECTED_CODES
from .modality import indirect_question
from .syntax import joined_with_own, small_clause

__all__ = ["RULES", "FilterRule", "weigh_events"]

# How far up a verb's chain of clauses its arguments are looked for ("vowed to keep
# hitting": hitting -> keep -> vowed), and how far up a noun phrase a party may be named
# ("ties with Gondor's government" -> ties).
_CHAIN_STEPS = 4
_PHRASE_STEPS = 8


@dataclass(frozen=True, slots=True)
class Candidate:
    """An event with the tokens it was read from."""

    event: Event
    article: Article
    trigger: Token
    source: Token | None
    target: Token | None
    around: Around | None = None


@dataclass(frozen=True, slots=True)
class Around:
    """What the rules look up around an event, indexed once per article (a scan of the whole
    article for each event grew with its length squared)."""

    actor_mentions: SpanIndex[Mention]
    places: SpanIndex[Place]
    # The (trigger offset, source code) of the article's events that have a target.
    targeted: frozenset[tuple[int, str]]
    # The named entities that can name a party (PARTY_ENTITY_LABELS), by their characters.
    party_names: SpanIndex[tuple[int, int]] | None = None


@dataclass(frozen=True, slots=True)
class FilterRule:
    """A named rule: ``applies(candidate)`` multiplies the confidence by ``factor``."""

    name: str
    factor: float
    applies: Callable[[Candidate], bool]
    doc: str


def _head(doc: Doc, start: int, end: int) -> Token | None:
    span = expand_span(doc, start, end)
    return span.root if span is not None and len(span) else None


def _actor_head(doc: Doc, actor: EventActor | None) -> Token | None:
    return _head(doc, actor.start, actor.end) if actor is not None else None


def _phrase_head(tok: Token) -> Token:
    """The head of the noun phrase ``tok`` belongs to ("B" in "A and B" -> "A")."""
    for _ in range(6):
        if (
            tok.dep_ in PHRASE_DEPS
            and tok.head.i != tok.i
            and tok.head.pos_
            in (
                "NOUN",
                "PROPN",
                "PRON",
            )
        ):
            tok = tok.head
        else:
            break
    return tok


def _verb_chain(verb: Token) -> list[Token]:
    """The verb and the verbs it hands its arguments to or takes them from (and the
    verbs joined to it, which share them: "shot and killed by an officer")."""
    chain = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    tok = verb
    for _ in range(_CHAIN_STEPS):
        if tok.dep_ not in CHAIN_DEPS or tok.head.i == tok.i:
            break
        tok = tok.head
        chain.append(tok)
    return chain


def is_argument(party: Token, verb: Token) -> bool:
    """Whether a party's phrase is an argument of the verb or of its chain of clauses:
    subject, object, a preposition's object on the verb, a possessor of an event noun, the
    noun a relative clause hangs on ("Turkey, which has backed rebels"), or a party named
    inside one of these ("restore ties with Gondor", "condemned an attack by Osgiliath
    soldiers"), through noun phrases and prepositions but never through another clause."""
    chain = _verb_chain(verb)
    ids = {t.i for t in chain}
    tok = _phrase_head(party)
    for _ in range(_PHRASE_STEPS):
        if tok.i in ids:
            return True
        if tok.head.i in ids and tok.dep_ in ARGUMENT_DEPS | {"prep", "pobj"}:
            return True
        # The subject of a reported clause is what was said of ("said Wilson has failed").
        if (
            tok.dep_ in ("nsubj", "nsubjpass")
            and tok.head.dep_ == "ccomp"
            and tok.head.head.i in ids
        ):
            return True
        # A relative or participle clause's noun acts in it ("Turkey, which has backed").
        if any(t.dep_ in ("relcl", "acl") and t.head.i == tok.i for t in chain):
            return True
        if tok.dep_ not in PHRASE_DEPS | {"pobj", "prep", "poss"} or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _sector(code: str | None) -> str:
    return code[3:6] if code and len(code) >= 6 else ""


def _private(actor: EventActor | None) -> bool:
    return actor is not None and _sector(actor.code) in PRIVATE_SECTORS


def _non_actor(tok: Token | None) -> bool:
    return tok is not None and _phrase_head(tok).lemma_.lower() in NON_ACTOR_HEADS


def _in_dateline(candidate: Candidate, actor: EventActor | None) -> bool:
    dateline = candidate.article.dateline
    return (
        actor is not None
        and dateline is not None
        and actor.start < dateline.end + 1
        and actor.end > dateline.start
    )


def _no_target(c: Candidate) -> bool:
    return (
        c.event.target is None
        and c.event.root not in NO_TARGET_ROOTS
        and not (
            c.source is not None and _conjoined(c.source) and c.event.cameo not in DIRECTED_CODES
        )
        and not _armed_force(c.event)
        and not _conjunct_of_targeted(c)
    )


def _conjunct_of_targeted(c: Candidate) -> bool:
    """A verb joined to another that acts on a party, with the same source: "we met with the
    US ambassador and presented a draft" presents it to the ambassador."""
    source = c.event.source
    if source is None or c.trigger.dep_ != "conj":
        return False
    head = c.trigger.head  # or the verb it governs: "continued to meet with X and presented"
    verbs = [head, *(t for t in head.children if t.dep_ == "xcomp")]
    targeted = c.around.targeted if c.around else frozenset()
    return any((v.idx, source.code) in targeted for v in verbs)


def _armed_force(event: Event) -> bool:
    source = event.source
    if event.root not in ARMED_FORCE_ROOTS or source is None:
        return False
    return any(source.code[i : i + 3] in ARMED_AGENTS for i in range(3, len(source.code), 3))


def _no_other_party(c: Candidate) -> bool:
    """A target-less act in a sentence that names no one but its source: no actor mention,
    and no name of a person, group or place the coder could have missed as the target."""
    if not _no_target(c):
        return False
    sent = c.trigger.sent
    source = c.event.source
    lo, hi = (source.start, source.end) if source is not None else (-1, -1)

    def other(start: int, end: int) -> bool:
        return end <= lo or start >= hi  # not within the source's own words

    mentions = (
        c.around.actor_mentions.overlapping(sent.start_char, sent.end_char) if c.around else []
    )
    for mention in mentions:
        inside = sent.start_char <= mention.start < sent.end_char
        if inside and other(mention.start, mention.end):
            return False
    if c.around is not None and c.around.party_names is not None:
        names = c.around.party_names.overlapping(sent.start_char, sent.end_char)
        return not any(sent.start_char <= a < sent.end_char and other(a, b) for a, b in names)
    return not any(
        ent.label_ in PARTY_ENTITY_LABELS and other(ent.start_char, ent.end_char)
        for ent in sent.ents
    )


def _place_party(c: Candidate) -> bool:
    """A party that is only the name of a town, street, region or landmark, in an act that
    is not force ("discussed Athens", "cordoned off Clinton St."): such places do not act and
    are not acted on as a party; a country, a capital (for its government) and a state or
    province (for theirs) are, and force is done to places ("shelled Aleppo")."""
    if c.event.root in ARMED_FORCE_ROOTS:
        return False
    return _only_a_place(c, c.event.source) or _only_a_place(c, c.event.target)


def _only_a_place(c: Candidate, actor: EventActor | None) -> bool:
    if actor is None:
        return False
    head = _head(c.trigger.doc, actor.start, actor.end)
    if head is None or head.ent_type_ not in PLACE_ENTITY_LABELS:
        return False  # a person's name spelled as a town's ("Allen") is no place here
    for place in c.around.places.covering(actor.start) if c.around else []:
        if place.kind != "name" or not (place.start <= actor.start < place.end):
            continue
        if actor.end > place.end + 1:  # more than the place's name ("Athens police")
            return False
        code = place.feature_code or ""
        return place.feature_class in PLACE_NOT_PARTY_CLASSES and code not in PARTY_PLACE_CODES
    return False


def _motion_to_no_state(c: Candidate) -> bool:
    """ "Deputies arrived at her home", "people were traveling to Dallas", "the governor
    came to the ceremony, standing among the mourners": going somewhere is a visit (04) only
    to a state: its capital or country, its government or an organisation of states ("will
    go to Moscow to evaluate these developments with Putin"). To a town, a home or private
    people it is no event."""
    if c.event.root != "04" or c.trigger.lemma_.lower() not in MOTION_LEMMAS:
        return False
    target = c.event.target
    return target is None or _private(target) or _only_a_place(c, target)


def _conjoined(head: Token) -> bool:
    """A party of several joined ("the United States and Jordan agreed", "Hungarian and
    Romanian officials met"): they act on each other, so the act needs no target. A party
    joined with its own people or parts ("he and his wife") is one side
    (``syntax.joined_with_own``)."""
    if joined_with_own(head):
        return False
    if head.dep_ == "conj" or any(t.dep_ == "conj" for t in head.children):
        return True
    return any(
        m.dep_ in ("amod", "compound", "nmod") and any(t.dep_ == "conj" for t in m.children)
        for m in head.children
    )


def _no_source(c: Candidate) -> bool:
    return c.event.source is None


def _dateline_actor(c: Candidate) -> bool:
    return _in_dateline(c, c.event.source) or _in_dateline(c, c.event.target)


def _market_actor(c: Candidate) -> bool:
    return _non_actor(c.source) or _non_actor(c.target)


def _inferred_parties(c: Candidate) -> bool:
    """Parties read from the events around it (a dated truce that names none): their
    confidence says so already, and they are no argument of the trigger by design."""
    return c.event.confidence < 1.0


def _source_not_argument(c: Candidate) -> bool:
    if "evaluation.quoted_evaluation" in c.event.rules:
        return False  # the quotation's speaker, by design no argument of the copula
    return (
        c.source is not None and not _inferred_parties(c) and not is_argument(c.source, c.trigger)
    )


def _target_not_argument(c: Candidate) -> bool:
    if "target:roles.gerund_patient" in c.event.rules:
        return False  # "after being indicted": the clause's subject, by design
    return (
        c.target is not None and not _inferred_parties(c) and not is_argument(c.target, c.trigger)
    )


def _generic_verb(c: Candidate) -> bool:
    if any(r.startswith("evaluation.") for r in c.event.rules):
        return False  # "is a disgrace": the evaluation, not the verb, is the act
    if "nominal.light_verb_code" in c.event.rules:
        return False  # "traded threats": the event noun's code, not the verb's bare one
    return c.event.pattern is None and c.trigger.lemma_.lower() in GENERIC_VERBS


def _particle_verb(c: Candidate) -> bool:
    """ "Protests broke out", "reach out to voters", "weighed in": the verb has a particle
    that neither its dictionary entry ("+CARRY_OUT", "+TAKE_OVER") nor its matched pattern
    names, so the dictionary's verb is not the one in the text. "Up" and "down" are left
    out: they mostly finish the verb's own act ("beat up", "speeded up", "shot down")."""
    if c.trigger.pos_ != "VERB" or any(r.startswith("evaluation.") for r in c.event.rules):
        return False
    particles = {
        t.text.upper()
        for t in c.trigger.children
        if (t.dep_ == "prt" or t.tag_ == "RP")
        and t.i > c.trigger.i
        and t.lower_ in SENSE_CHANGING_PARTICLES
    }
    if not particles:
        return False
    named: set[str] = set()
    for entry in c.event.entries:
        if entry.startswith(("verb ", "pattern ")):
            named.update(entry.replace("_", " ").replace("{", " ").replace("}", " ").split())
    if c.event.pattern:
        named.update(c.event.pattern.replace("_", " ").split())
    return not particles & named


def _naming(c: Candidate) -> bool:
    """ "Called the race a toss-up": a naming verb with a complement, coded by its
    dictionary block as something else (a call, a statement)."""
    verb = c.trigger
    if verb.lemma_.lower() not in NAMING_LEMMAS or any(
        r.startswith("evaluation.") for r in c.event.rules
    ):
        return False
    if any(
        c.dep_ in ("prep", "prt") and c.lower_ in ("on", "for", "off", "up") for c in verb.children
    ):
        return False  # "called on Gondor to ...", "called for talks": an appeal
    return any(
        child.dep_ in ("oprd", "acomp")
        or (child.dep_ == "prep" and child.lower_ == "as")
        or (child.dep_ == "dobj" and any(g.dep_ in ("oprd", "appos") for g in child.children))
        or (child.dep_ == "npadvmod" and child.i > verb.i and child.pos_ == "NOUN")
        or small_clause(child) is not None
        for child in verb.children
    )


def _kicker_label(c: Candidate) -> bool:
    """ "Hong Kong protests: 800 students under siege", "Brexit talks: ...": a plural event
    noun before a colon labels what follows (a kicker); the parser read it as a verb. What
    follows the colon is the content, whatever the parser hangs on the word."""
    verb = c.trigger
    doc = verb.doc
    return (
        verb.i + 1 < len(doc)
        and doc[verb.i + 1].text == ":"
        and verb.tag_ == "VBZ"
        and verb.lower_ in KICKER_NOUNS
    )


def _striving(c: Candidate) -> bool:
    """ "The United Nations struggles to raise the money", "fought to keep the plant open":
    a verb of fighting with an infinitive tells an effort, not force."""
    verb = c.trigger
    source = c.event.source
    if source is not None and any(a in source.code[3:] for a in ARMED_AGENTS):
        return False  # "troops fought to retake the city": force all the same
    return (
        c.event.root in FORCE_ROOTS
        and verb.lemma_.lower() in STRIVING_LEMMAS
        and any(
            child.dep_ == "xcomp"
            and any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children)
            for child in verb.children
        )
    )


def _thought(c: Candidate) -> bool:
    """ "She suspected Crutcher was drunk", "he hopes the court strikes down the law": a
    verb of thought with a clause of its own tells a thought, not an act; so does a verb of
    deliberation with an act for its complement ("would consider naming Lee")."""
    verb = c.trigger
    word = verb.lower_
    thought = (
        verb.lemma_.lower() in THOUGHT_LEMMAS
        or word in THOUGHT_LEMMAS
        or (word.endswith("s") and word[:-1] in THOUGHT_LEMMAS)  # "hopes", lemmatised "hop"
    )
    if thought and any(child.dep_ == "ccomp" for child in verb.children):
        return True
    # "would consider naming Lee", "is weighing sending troops": the act thought about, at
    # the verb of deliberation or at the act itself.
    if verb.lemma_.lower() in DELIBERATION_LEMMAS and any(
        child.dep_ in ("xcomp", "ccomp") for child in verb.children
    ):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in DELIBERATION_LEMMAS


def _question(c: Candidate) -> bool:
    """ "She asked detectives how anyone could critique the interviews": a question."""
    verb = c.trigger
    return verb.lemma_.lower() in REQUEST_QUESTION_LEMMAS and any(
        child.dep_ == "ccomp" and indirect_question(child) for child in verb.children
    )


def _display_with_object(c: Candidate) -> bool:
    """ "Demonstrated great courage", "rallied supporters": a verb of protest or of a show
    of force with a direct object shows or gathers something; it protests nothing."""
    verb = c.trigger
    return (
        c.event.root in DISPLAY_ROOTS
        and verb.lemma_.lower() in DISPLAY_LEMMAS
        and any(child.dep_ == "dobj" for child in verb.children)
    )


def _abstract_object(c: Candidate) -> bool:
    """ "Hurting Democrats' standing", "damaged his chances", "killed the bill": force done
    to a thing that is no body nor place (its direct object) is a metaphor, whoever owns it."""
    if c.event.root not in FORCE_ROOTS:
        return False
    for child in c.trigger.children:
        if child.dep_ in ("dobj", "nsubjpass") and child.lemma_.lower() in ABSTRACT_NOUNS:
            return True
        # "hurting Democrats' standing": the parser may read the thing owned as a verb
        # ("standing" a clause of its own, its owner the object or that clause's subject)
        if child.dep_ in ("dobj", "ccomp") and any(
            t.dep_ == "case" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in ABSTRACT_NOUNS
            for t in child.subtree
        ):
            return True
    return False


def _agreed_view(c: Candidate) -> bool:
    """ "Burkett agreed with Oswalt that making a child testify is not the ideal outcome":
    agreeing that something is so shares a view; it commits to nothing. An agreement on
    what shall be done says so with a modal ("agreed that their countries should
    cooperate") or an infinitive ("agreed to cooperate"), and stays."""
    if c.trigger.lemma_.lower() not in AGREEING_LEMMAS:
        return False
    clauses = [t for t in c.trigger.children if t.dep_ == "ccomp"]
    return (
        bool(clauses)
        and not any(
            t.dep_ == "xcomp" or (t.dep_ == "prep" and t.lower_ in ("on", "to"))
            for t in c.trigger.children
        )
        and not any(
            a.dep_ == "aux" and a.lower_ in COMMITTING_MODALS for t in clauses for a in t.children
        )
    )


def _no_country(c: Candidate) -> bool:
    return any(a is not None and a.code.startswith("---") for a in (c.event.source, c.event.target))


def _same_party(c: Candidate) -> bool:
    """ "We need to support our first responders", "he said he backed the idea of a woman
    succeeding him": a pronoun target that names the source again; or the subject of the
    verb's clause, of the source's own code ("warned that the Chinese government will not
    sit on its hands"); or the body the source's members belong to ("officers are leaving
    the police force")."""
    source, target = c.event.source, c.event.target
    if source is None or target is None or c.target is None or source.code != target.code:
        return False
    if (
        c.target.lemma_.lower() in MEMBER_BODIES
        and c.source is not None
        and c.source.lemma_.lower() not in MEMBER_BODIES
        # members are people: an organisation acting on agencies acts on other bodies ("the
        # Office of Personnel Management encouraged agencies to ...")
        and c.source.ent_type_ not in ("ORG", "GPE", "NORP", "FAC")
    ):
        return True
    if "target:roles.clause_subject" in c.event.rules or (
        "target:refine.obligation_subject" in c.event.rules
        and c.target.lower_ in ("they", "we", "he", "she", "it")
    ):
        # "China's ambassador warned that the Chinese government will not sit on its hands":
        # what the source's own side will do, not a party it acts on.
        return True
    word = c.target.lower_
    if word not in SELF_PRONOUNS:
        return False
    if c.target.dep_ == "poss":
        return True  # "our", "his": the possessor of what is acted on, not the party
    return c.source is not None and c.source.lower_ in SELF_PRONOUNS


def _private_parties(c: Candidate) -> bool:
    if c.event.root in PRIVATE_ACT_ROOTS:
        return False
    source, target = c.event.source, c.event.target
    return _private(source) and (target is None or _private(target))


RULES: tuple[FilterRule, ...] = (
    FilterRule(
        "filter.naming_not_an_act",
        0.0,
        _naming,
        "A verb of naming with a complement names something ('called the race a toss-up'); "
        "it calls no one up and states nothing coded (events/evaluation.py codes praise and "
        "criticism).",
    ),
    FilterRule(
        "filter.kicker_label",
        0.0,
        _kicker_label,
        "A plural noun before a colon labels the text after it, and the parser read it as a "
        "verb: 'Hong Kong protests: 800 students under siege'.",
    ),
    FilterRule(
        "filter.striving_not_force",
        0.0,
        _striving,
        "A verb of fighting with an infinitive tells an effort, not force: 'the United "
        "Nations struggles to raise the money', 'workers fought to keep the plant open'.",
    ),
    FilterRule(
        "filter.thought_not_an_act",
        0.0,
        _thought,
        "A verb of thought or feeling with a clause tells what someone thinks, not an act: "
        "'she suspected Crutcher was drunk', 'he hopes the court strikes down the law', "
        "'would consider naming Lee'.",
    ),
    FilterRule(
        "filter.question_not_a_request",
        0.0,
        _question,
        "Asking a question is no request: 'she asked detectives how anyone could critique "
        "the interviews' (an indirect question: 'whether', 'if' or a wh-word).",
    ),
    FilterRule(
        "filter.particle_not_in_dictionary",
        0.0,
        _particle_verb,
        "A verb with a particle that its dictionary entry and pattern do not name is another "
        "verb: 'protests broke out' is not BREAK (destroy), 'reach out to voters' not REACH, "
        "'weighed in' not WEIGH; '+STEP_UP' and BREAK's '- * OFF' name theirs.",
    ),
    FilterRule(
        "filter.motion_not_a_visit",
        0.0,
        _motion_to_no_state,
        "Going somewhere is a visit only to a state (its capital or country, its government, "
        "an organisation of states): 'deputies arrived at her home', 'people were traveling "
        "to Dallas', 'came to the ceremony' are no events.",
    ),
    FilterRule(
        "filter.abstract_object",
        0.0,
        _abstract_object,
        "Force done to a thing that is no body nor place is a metaphor: 'hurting Democrats' "
        "standing', 'damaged his chances', 'killed the bill' (ABSTRACT_NOUNS).",
    ),
    FilterRule(
        "filter.agreed_view",
        0.0,
        _agreed_view,
        "Agreeing that something is so shares a view and commits to nothing: 'agreed that "
        "problems with the assessors had gone on long enough'; 'agreed that their countries "
        "should cooperate' (a modal) and 'agreed to cooperate' stay.",
    ),
    FilterRule(
        "filter.display_with_object",
        0.0,
        _display_with_object,
        "A verb of protest or of a show of force with a direct object means something else: "
        "'demonstrated great courage', 'rallied supporters', 'marched the prisoners'.",
    ),
    FilterRule(
        "filter.dateline_actor",
        0.0,
        _dateline_actor,
        "A dateline names where the story was filed, not an actor ('NAIROBI, Kenya (AP) — "
        "The court sentenced ...': Nairobi sentenced no one).",
    ),
    FilterRule(
        "filter.market_actor",
        0.0,
        _market_actor,
        "Markets, prices, weather, sport, figures and works of the media are not actors "
        "('stocks fought back', 'the TV special he hosted').",
    ),
    FilterRule(
        "filter.same_party",
        0.0,
        _same_party,
        "The target is a pronoun that names the source again ('we need to support our first "
        "responders': 'our' is whose responders, not a party acted on), or the body the "
        "source's members belong to ('officers are leaving the police force').",
    ),
    FilterRule(
        "filter.no_party_acted_on",
        0.25,
        _no_target,
        "The act names no party it is done to ('the foundation is funding the planting'); "
        "protest and force posture need none, nor force by armed actors ('the resistance "
        "resumed its operations'), nor parties joined in the source, who act on each other "
        "('the United States and Jordan agreed').",
    ),
    FilterRule(
        "filter.no_other_party",
        0.5,
        _no_other_party,
        "As no_party_acted_on, and the sentence names no one else at all: no actor, person, "
        "group or place that could be the target the coder missed ('Social media can help').",
    ),
    FilterRule(
        "filter.place_not_a_party",
        0.25,
        _place_party,
        "A party that is only the name of a town, street, region or landmark in an act that "
        "is not force ('the council discussed Athens'); countries, capitals, states and "
        "provinces act for their governments.",
    ),
    FilterRule(
        "filter.no_source",
        0.6,
        _no_source,
        "No one is named as doing the act (a passive with no agent).",
    ),
    FilterRule(
        "filter.generic_verb_bare_code",
        0.4,
        _generic_verb,
        "A verb of general sense ('take', 'give', 'go', 'lead', 'serve') coded with its "
        "block's own code, no pattern naming what it acts on ('took a beating').",
    ),
    FilterRule(
        "filter.source_not_an_argument",
        0.6,
        _source_not_argument,
        "The source is not the verb's subject, nor the subject of a clause the verb belongs "
        "to: it was found elsewhere in the sentence.",
    ),
    FilterRule(
        "filter.target_not_an_argument",
        0.5,
        _target_not_argument,
        "The target is not the verb's object, nor a preposition's object on it: it was found "
        "elsewhere in the sentence ('... as the nation faces a reckoning over racism in the "
        "wake of the killing of George Floyd and other African Americans').",
    ),
    FilterRule(
        "filter.actor_without_country",
        0.8,
        _no_country,
        "An agent whose country neither its words nor the story give (---GOV).",
    ),
    FilterRule(
        "filter.private_parties",
        0.5,
        _private_parties,
        "Private parties only (people, business, schools, clinics, faiths) in an act of "
        "words or cooperation: no public actor takes part ('a professor urged students').",
    ),
)


def _candidate(event: Event, article: Article, doc: Doc) -> Candidate | None:
    trigger = _head(doc, event.trigger.start, event.trigger.end)
    if trigger is None:
        return None
    source, target = _actor_head(doc, event.source), _actor_head(doc, event.target)
    return Candidate(event, article, trigger, source, target)


def weigh_events(
    article: Article, doc: Doc, events: Iterable[Event], rules: tuple[FilterRule, ...] = RULES
) -> None:
    """Set each event's confidence from the rules that apply to it, and record them."""
    candidates = [c for e in events if (c := _candidate(e, article, doc)) is not None]
    around = Around(
        SpanIndex(
            [m for m in article.mentions if m.actor is not None], lambda m: ((m.start, m.end),)
        ),
        SpanIndex(article.places, lambda p: ((p.start, p.end),)),
        frozenset(
            (c.trigger.idx, c.event.source.code)
            for c in candidates
            if c.event.target is not None and c.event.source is not None
        ),
        SpanIndex(
            [(e.start_char, e.end_char) for e in doc.ents if e.label_ in PARTY_ENTITY_LABELS],
            lambda span: (span,),
        ),
    )
    for candidate in candidates:
        candidate = replace(candidate, around=around)
        event = candidate.event
        confidence = event.confidence
        for rule in rules:
            if rule.applies(candidate):
                confidence *= rule.factor
                event.rules.append(rule.name)
        event.confidence = round(confidence, 3)
