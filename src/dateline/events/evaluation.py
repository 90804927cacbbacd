"""Criticism and praise voiced as an evaluation of someone (issue 10).

Politics is reported as much in words about people as in acts: "Harris called Wilson's
record 'extremely problematic'", "McConnell called Wilson an outstanding nominee",
"Feinstein said Wilson has demonstrated hostility to voting rights". CAMEO codes these as
111 "Criticize or denounce" and 051 "Praise or endorse" (the codebook's examples are of
this kind), though no verb of the dictionary says so: the evaluation is in the words said
about the party. Two constructions, each a named rule:

- ``naming``: a verb of naming ("call", "describe ... as", "label", "brand", "dub") with an
  actor (or an actor's thing: "Wilson's record") as its object and an evaluative
  complement ("a disgrace", "an outstanding nominee");
- ``reported_evaluation``: a verb of saying whose reported clause predicates something of
  an actor with a copula or a verb of a trait shown or lacked ("said Wilson was unfit for
  the bench", "said the governor is a disgrace", "said Wilson has demonstrated hostility to
  voting rights"); a clause that tells what the actor did ("said Gondor thwarted a rocket
  attack") says nothing of the actor, however grim its words.

- ``quoted_evaluation``: inside a quotation whose speaker is an actor, a clause that
  predicates something of another actor with a copula ("'She's a disgrace,' he said",
  "'Donald Trump is a disgusting fraud,' Moore said"): the quotation's speaker says it.

The valence of the complement or clause is VADER's compound score (``vaderSentiment``, its
lexicon shipped in the package): at or under ``-NEGATIVE`` criticism, at or over
``POSITIVE`` praise, else nothing. The source is the verb's subject; both parties must be
actors, and differ.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from spacy.attrs import LEMMA
from spacy.tokens import Doc, Span, Token

from ..model import Article, Event, EventActor, Mention, Quote, Speaker
from ..model import Span as TextSpan
from ..tokenspan import TokenBounds, token_bounds
from .build import CODER_ID
from .cameo import cameo_info, root_of
from .evaluation_lexicon import (
    COPULAS,
    CRITICISM_CODE,
    NAMING_LEMMAS,
    NAMING_PREPOSITIONS,
    PERSONAL_PRONOUNS,
    PRAISE_CODE,
    REPORTING_LEMMAS,
    SELF_PRONOUNS,
    TRAIT_VERBS,
)
from .plover import plover_for
from .syntax import small_clause

__all__ = [
    "NAMING_THRESHOLD",
    "REPORTED_THRESHOLD",
    "add_evaluations",
    "evaluative_events",
    "valence",
]

# How strong a valence must be to count: a naming ("called it X") says what it means; a
# reported clause says much else besides, so it needs more.
NAMING_THRESHOLD = 0.3
# The longest quotation read as what a verb of naming calls someone (tokens).
MAX_QUOTED_NAME = 12
REPORTED_THRESHOLD = 0.45


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    """VADER's analyzer, built once (it reads its lexicon file from the package)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def valence(text: str) -> float:
    """VADER's compound valence of ``text``, from -1 (most negative) to 1."""
    return float(_analyzer().polarity_scores(text)["compound"])


class _ActorIndex:
    """Token index -> the coded actor mention covering it (the longest)."""

    def __init__(
        self, doc: Doc, mentions: Sequence[Mention], skip: tuple[int, int] | None = None
    ) -> None:
        self.at: dict[int, Mention] = {}
        bounds = token_bounds(doc)
        for mention in mentions:
            if mention.actor is None or not mention.actor.code:
                continue
            if skip is not None and mention.start < skip[1] and skip[0] < mention.end:
                continue  # the dateline names where the story was filed, no party
            tokens = bounds.tokens(mention.start, mention.end)
            if tokens is None:
                continue
            for i in tokens:
                old = self.at.get(i)
                if old is None or old.end - old.start < mention.end - mention.start:
                    self.at[i] = mention

    def party(self, head: Token) -> Mention | None:
        """The actor of a noun phrase: its head's, else its possessor's ("Wilson's record")."""
        found = self.at.get(head.i)
        if found is not None:
            return found
        for child in head.children:
            if child.dep_ == "poss":
                return self.at.get(child.i)
        return None


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    return None


def _subject_party(verb: Token, index: _ActorIndex) -> Mention | None:
    """The party of the verb's subject. A dateline the parser took for a second subject
    ("WASHINGTON (AP) — Reed described ...") names none, so the next subject is read."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            # "WASHINGTON (AP) — Senator X, ...": the real subject may be the dateline's
            # apposition
            for head in (child, *(a for a in child.children if a.dep_ == "appos")):
                party = index.party(head)
                if party is not None:
                    return party
    if verb.dep_ in ("relcl", "acl") and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children
    ):
        # "McConnell, R-Ky., called Wilson ..." parsed as a clause on "McConnell"
        return index.party(verb.head)
    return None


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _text(tokens: Sequence[Token]) -> str:
    return " ".join(t.text for t in tokens)


def _naming(verb: Token, index: _ActorIndex) -> tuple[Mention, list[Token]] | None:
    """(the party named, the complement's tokens) of "called Y Z" / "described Y as Z"."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        # "Cruz called Trump a liar" parsed with two complements: the first, a party, is
        # the one named.
        complements = [c for c in verb.children if c.dep_ == "oprd"]
        named = index.party(complements[0]) if complements else None
        if named is not None and len(complements) >= 2:
            return named, list(complements[1].subtree)
        if named is not None:
            # "called Wilson's record “extremely problematic”" parsed as one complement:
            # the party is its head's or possessor's, and what it is called follows the head;
            # "called Wilson “an outstanding nominee,”" with the quotation hung elsewhere.
            head = complements[0]
            after = [t for t in head.subtree if t.i > head.i]
            return named, after or _quoted_after(head)
        return _small_clause_naming(verb, index)
    party = index.party(objects[0])
    if party is None:
        return None
    complement: list[Token] = []
    for child in [*verb.children, *objects[0].children]:
        if child.dep_ in ("oprd", "attr", "acomp", "xcomp", "npadvmod") and child.i > objects[0].i:
            complement = list(child.subtree)
        elif child.dep_ == "amod" and child.head.i == objects[0].i and child.i > objects[0].i:
            # "called the plan 'deeply troubling'": the parser hangs a complement after
            # the object on the object, as if it were an adjective of it
            complement = [t for t in child.subtree if not t.is_punct]
        elif child.dep_ == "prep" and child.lower_ in NAMING_PREPOSITIONS:
            complement = [t for c in child.children for t in c.subtree]
        if complement:
            break
    return (party, complement) if complement else None


def _quoted_after(head: Token) -> list[Token]:
    """The quotation that opens right after ``head``'s phrase ("called Wilson “an outstanding
    nominee,”"), when the parser hung it elsewhere: its words, or none."""
    doc = head.doc
    start = head.right_edge.i + 1
    if start >= len(doc) or not doc[start].is_quote:
        return []
    words: list[Token] = []
    for tok in doc[start + 1 : start + 1 + MAX_QUOTED_NAME]:
        if tok.is_quote:
            return words
        words.append(tok)
    return []


def _small_clause_naming(verb: Token, index: _ActorIndex) -> tuple[Mention, list[Token]] | None:
    """ "considers the governor unfit": the parser's verbless clause (an adjective or noun
    with a subject) holds the party named and what it is named."""
    for clause in verb.children:
        subject = small_clause(clause)
        if subject is not None:
            party = index.party(subject)
            if party is None:
                return None
            inside = {t.i for t in subject.subtree}
            return party, [t for t in clause.subtree if t.i not in inside]
    return None


def _reported(
    verb: Token, index: _ActorIndex, coded: set[int]
) -> tuple[Mention, list[Token]] | None:
    """(the party spoken of, the rest of the clause) of "said Y has failed the voters"."""
    for clause in verb.children:
        if clause.dep_ != "ccomp":
            continue
        if _acts(clause, clause.subtree, coded):
            return None  # the clause's own event is what was reported
        if not _predicates(clause):
            continue
        subject = _subject(clause)
        if subject is None:
            continue
        party = index.party(subject)
        if party is None:
            continue
        inside = _party_words(subject, index)
        return party, [t for t in clause.subtree if t.i not in inside]
    return None


def _party_words(subject: Token, index: _ActorIndex) -> set[int]:
    """The tokens of a subject that name its party, left out of what is said of it: the
    whole phrase when its head is the actor ("Wilson" in "Wilson is unfit"), only the
    possessor when the party owns the head ("Wilson's" in "Wilson's troubling record is
    ...", whose "troubling record" is said of Wilson)."""
    if subject.i in index.at:
        return {t.i for t in subject.subtree}
    return {t.i for c in subject.children if c.dep_ == "poss" for t in c.subtree}


def _predicates(verb: Token) -> bool:
    """Whether ``verb`` predicates a quality of its subject: a copula ("is a disgrace") or a
    verb of a trait shown or lacked ("has demonstrated hostility", "poses a threat")."""
    lemma = verb.lemma_.lower()
    return lemma in COPULAS or (lemma in TRAIT_VERBS and verb.pos_ == "VERB")


def _acts(head: Token, clause: Iterable[Token], coded: set[int]) -> bool:
    """Whether the clause holds an act the coder coded: "said Gondor thwarted an attack" is
    that act, reported. A verb of a trait is no act, whatever its dictionary entry
    ("demonstrated great courage" is no protest)."""
    trait = head.lemma_.lower() in TRAIT_VERBS
    return any(t.i in coded and not (trait and t.i == head.i) for t in clause)


def _self_reference(target: Mention, source: Mention) -> bool:
    """ "Moore said she resigned", "the mayor said we ...": a pronoun for the speaker or
    the speaker's side, or "it", which names a thing more often than a party."""
    word = target.text.lower()
    if word in SELF_PRONOUNS:
        return True
    return word in PERSONAL_PRONOUNS and _same_actor(target, source)


def _same_actor(target: Mention, source: Mention) -> bool:
    """One actor: the same named entry when both have one ("she" for Clinton is not Trump,
    though both are USAELI), else the same code."""
    assert target.actor is not None and source.actor is not None
    if target.actor.name and source.actor.name:
        return target.actor.name == source.actor.name
    return target.actor.code == source.actor.code


def _event(
    sent: Span, verb: Token, source: Mention, target: Mention, code: str, rule: str, coder: str
) -> Event:
    info = cameo_info(code)
    plover_type, plover_mode = plover_for(code)
    assert source.actor is not None and target.actor is not None
    return Event(
        id="",
        sentence=TextSpan(sent.start_char, sent.end_char, sent.text),
        trigger=TextSpan(verb.idx, verb.idx + len(verb.text), verb.text),
        source=EventActor(source.actor.code, source.text, source.start, source.end),
        target=EventActor(target.actor.code, target.text, target.start, target.end),
        cameo=code,
        root=info.root if info else root_of(code),
        quad_class=info.quad_class if info else None,
        goldstein=info.goldstein if info else None,
        plover_type=plover_type,
        plover_mode=plover_mode,
        coder=coder,
        rules=[rule],
    )


def evaluative_events(
    doc: Doc,
    mentions: Sequence[Mention],
    events: Sequence[Event],
    coder: str,
    dateline: tuple[int, int] | None = None,
    quotes: Sequence[Quote] = (),
) -> list[Event]:
    """The criticism and praise that evaluative statements voice, beside ``events``
    (``dateline``: the characters of the article's dateline, which names no party;
    ``quotes``: the article's quotations, whose speakers voice what they hold)."""
    verbs = _candidate_verbs(doc)
    spoken = [q for q in quotes if q.kind != "indirect" and q.speaker is not None]
    if not verbs and not spoken:
        return []
    index = _ActorIndex(doc, mentions, dateline)
    bounds = token_bounds(doc)
    coded = {
        i
        for e in events
        for tokens in [bounds.tokens(e.trigger.start, e.trigger.end)]
        if tokens is not None
        for i in tokens
    }
    taken = {(e.trigger.start, e.root) for e in events}
    # a naming verb's dictionary events give way to its evaluation (``add_evaluations``),
    # so they do not block it: "called him a liar" is criticism by this rule, whatever the
    # dictionary coded at "called"
    added: set[tuple[int, str]] = set()
    out: list[Event] = []
    for verb in verbs:
        lemma = verb.lemma_.lower()
        if verb.pos_ not in ("VERB", "AUX") or _negated(verb):
            continue
        if lemma in NAMING_LEMMAS:
            found, threshold, rule = _naming(verb, index), NAMING_THRESHOLD, "evaluation.naming"
        elif lemma in REPORTING_LEMMAS:
            found, threshold, rule = (
                _reported(verb, index, coded),
                REPORTED_THRESHOLD,
                "evaluation.reported_evaluation",
            )
        else:
            continue
        if found is None:
            continue
        target, words = found
        source = _subject_party(verb, index)
        if source is None or source is target or source.actor is None or target.actor is None:
            continue
        if source.start < target.end and target.start < source.end:
            continue
        if _self_reference(target, source):
            continue
        score = valence(_text(words))
        code = (
            CRITICISM_CODE if score <= -threshold else PRAISE_CODE if score >= threshold else None
        )
        blocked = added if rule == "evaluation.naming" else taken
        if code is None or (verb.idx, code[:2]) in blocked:
            continue
        out.append(_event(verb.sent, verb, source, target, code, rule, coder))
        taken.add((verb.idx, code[:2]))
        added.add((verb.idx, code[:2]))
    for quote in spoken:
        out.extend(_quoted(doc, quote, index, coded, taken, coder))
    return out


def _quoted(
    doc: Doc,
    quote: Quote,
    index: _ActorIndex,
    coded: set[int],
    taken: set[tuple[int, str]],
    coder: str,
) -> list[Event]:
    """Rule ``evaluation.quoted_evaluation``: what a quotation's speaker says another actor
    is ("'She's a disgrace,' he said"). The clause must be the speaker's own assertion: not
    negated, not a question or a condition, and not an act the coder coded already.

    Tests: ``test_a_speaker_calling_someone_a_disgrace_in_a_quotation_is_criticism``,
    ``test_a_quoted_clause_about_the_speaker_or_a_neutral_one_is_no_evaluation``.
    """
    speaker = quote.speaker
    assert speaker is not None
    bounds = token_bounds(doc)
    source = _speaker_party(speaker, index, bounds)
    if source is None or source.actor is None:
        return []
    out: list[Event] = []
    for start, end in (
        (*quote.parts, (quote.start, quote.end)) if quote.parts else ((quote.start, quote.end),)
    ):
        tokens = bounds.tokens(start, end)
        if tokens is None:
            continue
        for i in tokens:
            verb = doc[i]
            if not _predicates(verb) or _negated(verb) or not _asserted(verb):
                continue
            if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in REPORTING_LEMMAS:
                continue  # "'X is a fraud,' said Y": the saying verb's rule reads it
            subject = _subject(verb)
            target = index.party(subject) if subject is not None else None
            if target is None or target.actor is None or _self_reference(target, source):
                continue
            if speaker.start < target.end and target.start < speaker.end:
                continue
            clause = list(verb.subtree)
            if _acts(verb, clause, coded):
                continue  # the clause's own act is what was quoted
            inside = _party_words(subject, index) if subject is not None else set()
            score = valence(_text([t for t in clause if t.i not in inside]))
            code = (
                CRITICISM_CODE
                if score <= -REPORTED_THRESHOLD
                else PRAISE_CODE
                if score >= REPORTED_THRESHOLD
                else None
            )
            if code is None or (verb.idx, code[:2]) in taken:
                continue
            out.append(
                _event(verb.sent, verb, source, target, code, "evaluation.quoted_evaluation", coder)
            )
            taken.add((verb.idx, code[:2]))
    return out


def _speaker_party(speaker: Speaker, index: _ActorIndex, bounds: TokenBounds) -> Mention | None:
    """The speaker as a party: its own actor, else the actor mention under its words (a
    person the dictionaries lack, coded from the story by ``infer_named_actors``)."""
    if speaker.actor is not None and speaker.actor.code:
        return Mention(
            start=speaker.start,
            end=speaker.end,
            text=speaker.text,
            label="SPEAKER",
            actor=speaker.actor,
            via="speaker",
        )
    tokens = bounds.tokens(speaker.start, speaker.end)
    for i in reversed(tokens or ()):
        found = index.at.get(i)
        if found is not None:
            return found
    return None


def _asserted(verb: Token) -> bool:
    """A clause the speaker asserts: not a question ("Is he fit?"), not a condition ("if
    she is a fraud"), not another's thought ("I don't know whether he is ...")."""
    if any(c.dep_ == "mark" for c in verb.children):
        return False
    return not any(t.text == "?" for t in verb.subtree)


def _candidate_verbs(doc: Doc) -> list[Token]:
    """The tokens whose lemma is a verb of naming or saying, found on the doc's lemma array:
    reading every token as an object cost most of the evaluations' time (issue 10's bench)."""
    if len(doc) == 0:
        return []
    lemmas = doc.to_array(LEMMA).tolist()
    strings = doc.vocab.strings
    wanted = set()
    for lemma in set(lemmas):
        hit = _EVALUATION_LEMMAS.get(lemma)
        if hit is None:
            if len(_EVALUATION_LEMMAS) > _EVALUATION_LEMMAS_MAX:
                _EVALUATION_LEMMAS.clear()
            word = strings[lemma].lower()
            hit = _EVALUATION_LEMMAS[lemma] = word in NAMING_LEMMAS or word in REPORTING_LEMMAS
        if hit:
            wanted.add(lemma)
    return [doc[i] for i, lemma in enumerate(lemmas) if lemma in wanted]


# Lemma hash -> whether it is a verb of naming or saying (``_candidate_verbs``); the hash of
# a string is the same in every document.
_EVALUATION_LEMMAS: dict[int, bool] = {}
_EVALUATION_LEMMAS_MAX = 200_000


def add_evaluations(
    article: Article, doc: Doc, mentions: Sequence[Mention], events: list[Event]
) -> None:
    """Add the evaluations of ``evaluative_events`` to ``events``; a naming verb's own
    dictionary code ("called" as a telephone call, 041) gives way to its evaluation.

    Tests: ``test_naming_someone_as_something_bad_is_criticism``.
    """
    dateline = (article.dateline.start, article.dateline.end) if article.dateline else None
    found = evaluative_events(doc, mentions, events, CODER_ID, dateline, article.quotes)
    if not found:
        return
    named = {e.trigger.start for e in found if "evaluation.naming" in e.rules}
    events[:] = [e for e in events if e.trigger.start not in named]
    events.extend(found)
    events.sort(key=lambda e: (e.sentence.start, e.trigger.start))
