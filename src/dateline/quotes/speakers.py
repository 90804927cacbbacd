"""Speakers resolved across the article: one source introduced once, then "the source", "he".

Convention (the BRAT gold's: one Source span serves several attributions):

- an attribution with a speaker phrase of its own ("The source admitted", "He also revealed")
  keeps that phrase as its span; the anonymity flag, description and actor come from the
  source it refers to, so every quotation of one source carries the same description/actor;
- a quotation with no speech verb of its own gets the span that introduced its source:
  the subject of the sentence just before it (the paragraph before, for a quotation that
  opens its paragraph) when that subject names a person or a source ("James Lokiru, the
  county's livestock director, described ..."), else the source quoted most recently; either
  way the span is the source's latest full phrase, not a pronoun or "the source".

Resolution is deliberately simple and precise: a pronoun takes the source quoted last; a
definite description takes the last source with the same head noun, else (for nouns such as
"source" or "official") the last anonymous source; a named person matches an earlier
mention of the same surname.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ..model import Actor, Mention, Speaker
from .lexicon import QuoteLexicon

_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
_PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})


@dataclass(slots=True)
class SourceEntity:
    """One source of the article and the phrases that name it."""

    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # start, end, form
    heads: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    anonymous: bool = False
    description: str | None = None
    fallback_description: str | None = None
    actor: Actor | None = None
    personal: bool = False  # a person (named, a source noun, or "he"/"she")
    name: str | None = None  # the person or organisation named, however it is referred to

    def introduction(self) -> tuple[int, int]:
        """The latest full phrase naming this source (else its latest phrase)."""
        for start, end, form in reversed(self.mentions):
            if form == "full":
                return start, end
        start, end, _ = self.mentions[-1]
        return start, end


@dataclass(slots=True)
class SpeakerPhrase:
    """What a speaker phrase says about its source."""

    form: str  # pronoun / anaphor / full
    head: str
    names: set[str]
    anonymous: bool
    definite: bool
    name: str | None = None  # "Abu Omar" for "A spokesman for the rebels, Abu Omar"
    # A proper noun the entity recogniser left untagged ("Hale" said): a surname to look up.
    proper: str | None = None


def describe_phrase(
    doc: Doc, start: int, end: int, lexicon: QuoteLexicon, ents: list[Span] | None = None
) -> SpeakerPhrase:
    """Classify the speaker phrase at ``start:end`` of the doc's text (``ents``: the doc's
    entities, when the caller has them already; ``Doc.ents`` is rebuilt on every access)."""
    span = doc.char_span(start, end, alignment_mode="expand") if end > start else None
    if span is None or len(span) == 0:
        return SpeakerPhrase("full", "", set(), False, False)
    ents = list(doc.ents) if ents is None else ents
    # The entities are in text order: those that start in the phrase are one slice.
    first_ent = bisect_left(ents, span.start, key=_ent_start)
    inside = ents[first_ent : bisect_left(ents, span.end, lo=first_ent, key=_ent_start)]
    root = span.root
    head = root.lemma_.lower()
    first = span[0].lower_
    # A named speaker is one whose head noun is a person's name ("Ali Hassan, a lawyer"),
    # not a phrase that merely names someone ("a source close to Ali Hassan").
    # ... or whose head noun has the name in apposition ("A spokesman for the rebels, Abu Omar").
    own = [
        e
        for e in inside
        if e.label_ in _NAMED
        and (e.start <= root.i < e.end or (e.root.dep_ == "appos" and e.root.head == root))
    ]
    names = {e[-1].lower_ for e in own if e.label_ == "PERSON"}
    # The name the phrase gives its speaker: its head, or the name in apposition to it.
    full_name = next((e.text for e in own if e.label_ == "PERSON"), None) or next(
        (e.text for e in own), None
    )
    named = any(e.label_ in _NAMED for e in inside)
    if len(span) == 1 and (first in lexicon.pronouns or span[0].pos_ == "PRON"):
        form = "pronoun"
    elif (
        first in lexicon.anaphor_determiners
        and len(span) <= 4
        and not named
        and not any(t.is_punct for t in span)
    ):
        form = "anaphor"
    else:
        form = "full"
    definite = first in lexicon.anaphor_determiners
    anonymous = not names and form != "pronoun" and _anonymous(span, head, lexicon)
    proper = None
    if not inside and len(span) <= 2 and root.tag_ == "NNP" and all(t.is_title for t in span):
        proper = root.lower_
    return SpeakerPhrase(form, head, names, anonymous, definite, full_name, proper)


def _ent_start(ent: Span) -> int:
    return ent.start


def _personal(phrase: SpeakerPhrase, lexicon: QuoteLexicon) -> bool:
    if phrase.form == "pronoun":
        return phrase.head in _PERSONAL_PRONOUNS
    return bool(phrase.names) or phrase.head in lexicon.source_nouns


def _anonymous(span: Span, head: str, lexicon: QuoteLexicon) -> bool:
    if lexicon.anonymity.search(span.text):
        return True
    if head not in lexicon.source_nouns:
        return False
    first = span[0].lower_
    if first in lexicon.indefinite_determiners:
        return True  # "a senior official", "a member of an insurgent group"
    # A bare plural: "officials said", "Western diplomats said", "sources close to ...".
    return span.root.tag_ in ("NNS", "NNPS") and first not in lexicon.anaphor_determiners


class SpeakerResolver:
    """Links speaker phrases, in text order, to the sources of the article."""

    def __init__(self, text: str, doc: Doc, mentions: list[Mention], lexicon: QuoteLexicon) -> None:
        self.text = text  # the article's text (Doc.text is rebuilt from tokens on every call)
        self.doc = doc
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.lexicon = lexicon
        self.ents = list(doc.ents)
        # Indexes for long articles (issue 9): the sources by id, most recently used last,
        # and by the phrases that named them; the mentions' starts; the mentions with a
        # country by their agent code.
        self._recent: dict[int, SourceEntity] = {}
        self._by_span: dict[tuple[int, int], SourceEntity] = {}
        self._starts = [m.start for m in self.mentions]
        self._by_agent: dict[str, list[int]] | None = None

    @property
    def entities(self) -> list[SourceEntity]:
        """The sources found so far, the most recently used last."""
        return list(self._recent.values())

    def _use(self, entity: SourceEntity) -> None:
        self._recent.pop(id(entity), None)
        self._recent[id(entity)] = entity

    def add(self, start: int, end: int, *, only_sources: bool = False) -> SourceEntity | None:
        """Resolve the speaker phrase at ``start:end`` and record it. With ``only_sources``,
        a phrase that names no person or source ("The drought") is ignored (None)."""
        known = self._by_span.get((start, end))
        if known is not None:
            self._use(known)
            return known
        phrase = describe_phrase(self.doc, start, end, self.lexicon, self.ents)
        if only_sources and not (
            phrase.names or phrase.form == "pronoun" or phrase.head in self.lexicon.source_nouns
        ):
            return None
        entity = self._find(phrase)
        if entity is None and phrase.definite and phrase.form != "pronoun":
            entity = self._described_before(phrase.head, start)
        if entity is None:
            entity = SourceEntity()
        self._use(entity)
        entity.mentions.append((start, end, phrase.form))
        self._by_span.setdefault((start, end), entity)
        entity.personal = entity.personal or _personal(phrase, self.lexicon)
        if phrase.form != "pronoun" and phrase.head:
            entity.heads.add(phrase.head)
        entity.names |= phrase.names
        if entity.name is None and phrase.name is not None:
            entity.name = phrase.name
        text = self.text[start:end]
        if phrase.anonymous:
            entity.anonymous = True
            if entity.description is None:
                entity.description = text
        if phrase.form == "full" and entity.fallback_description is None:
            entity.fallback_description = text
        if entity.actor is None and phrase.form != "pronoun":
            entity.actor = self._actor(start, end)
        if phrase.form == "pronoun" and entity.name is None and not entity.anonymous:
            # An anonymous source stays unnamed: "he" said by "a member of an insurgent
            # group" is no one the article named before.
            self._name_from_earlier_mention(entity, start, phrase.head)
        surname = phrase.proper or (next(iter(phrase.names)) if len(phrase.names) == 1 else None)
        if surname is not None and (entity.name is None or " " not in entity.name):
            self._full_name_before(entity, surname, start)
        return entity

    def _full_name_before(self, entity: SourceEntity, surname: str, start: int) -> None:
        """Rule ``surname_takes_full_name`` (issue 11): a surname alone ("Karzai said",
        "Hale said") names the person the text named in full before it ("President Hamid
        Karzai met ..."): its full name, and its actor when the surname gave none. The first
        full name with that surname is the one the article is about: a relative named later
        ("his wife, Heidi Cruz") is named in full again where she speaks."""
        named = self._person_before(
            start, lambda ent: ent[-1].lower_ == surname and _full_name(ent), first=True
        )
        if named is None:
            return
        entity.name = named.text
        entity.names.add(surname)
        if entity.actor is None:
            entity.actor = self._actor_of_name(named)

    def _described_before(self, head: str, start: int) -> SourceEntity | None:
        """Rule ``description_takes_apposition`` (issue 11): a definite description no
        source explains ("The envoy said ...") refers to the person the text described so
        in apposition before it ("Zalmay Khalilzad, the U.S. envoy, met ..."; "the U.S.
        envoy, Zalmay Khalilzad"): that person's source when quoted already, else a new one
        with the name and the actor of the name."""
        named = self._person_before(start, lambda ent: _in_apposition(ent, head))
        if named is None:
            return None
        surname = named[-1].lower_
        for entity in reversed(self._recent.values()):
            if surname in entity.names:
                return entity
        entity = SourceEntity(names={surname}, personal=True, name=named.text)
        entity.actor = self._actor_of_name(named)
        return entity

    def _actor_of_name(self, named: Span) -> Actor | None:
        """The actor of a mention inside the name, else of the mention holding it
        ("President Hamid Karzai" for "Hamid Karzai")."""
        actor = self._actor(named.start_char, named.end_char)
        k = bisect_left(self._starts, named.start_char + 1)
        while actor is None and k > 0 and self.mentions[k - 1].end >= named.end_char:
            actor = self.mentions[k - 1].actor
            k -= 1
        return actor

    def _person_before(
        self, start: int, fits: Callable[[Span], bool], *, first: bool = False
    ) -> Span | None:
        """The last (or ``first``) PERSON entity before ``start`` that ``fits``."""
        before = self.ents[: bisect_left(self.ents, start, key=lambda ent: ent.end_char)]
        for ent in before if first else reversed(before):
            if ent.label_ == "PERSON" and ent.end_char <= start and fits(ent):
                return ent
        return None

    def _name_from_earlier_mention(self, entity: SourceEntity, start: int, pronoun: str) -> None:
        """A pronoun speaker no earlier source explains ("He said ...") refers to the person
        (or, for "it" and "they", the organisation) the text named last before it."""
        labels = ("PERSON",) if pronoun in _PERSONAL_PRONOUNS else ("ORG", "NORP", "GPE")
        earlier = [e for e in self.ents if e.end_char <= start and e.label_ in labels]
        if not earlier:
            return
        named = earlier[-1]
        entity.name = named.text
        if named.label_ == "PERSON":
            entity.names.add(named[-1].lower_)
        if entity.actor is None:
            entity.actor = self._actor(named.start_char, named.end_char)

    def current(self) -> SourceEntity | None:
        """The source quoted most recently."""
        return next(reversed(self._recent.values()), None)

    def speaker(self, entity: SourceEntity, span: tuple[int, int]) -> Speaker:
        """The Speaker of an attribution whose phrase is ``span`` and source ``entity``."""
        start, end = span
        description = None
        if entity.anonymous:
            description = entity.description or entity.fallback_description
        return Speaker(
            text=self.text[start:end],
            start=start,
            end=end,
            anonymous=entity.anonymous,
            description=description,
            actor=entity.actor,
            name=entity.name,
        )

    def _find(self, phrase: SpeakerPhrase) -> SourceEntity | None:
        values = self._recent.values()
        if phrase.form == "pronoun":
            last = next(reversed(values), None)
            if phrase.head in _PERSONAL_PRONOUNS:
                # "he" and "she" skip the reports and institutions quoted since ("according
                # to estimates by a bank") for the last person quoted.
                return next((e for e in reversed(values) if e.personal), last)
            return last
        if phrase.names or phrase.proper is not None:
            surnames = phrase.names or {phrase.proper or ""}
            for entity in reversed(values):
                if entity.names & surnames:
                    return entity
            return None
        if not phrase.definite:
            return None  # "a spokesman", "officials": a new source
        for entity in reversed(values):
            if phrase.head in entity.heads:
                return entity
        if phrase.head in self.lexicon.source_nouns:
            for entity in reversed(values):
                if entity.anonymous:
                    return entity
        return None

    def _actor(self, start: int, end: int) -> Actor | None:
        """The actor of a mention inside the phrase, its country completed from context."""
        mentions = self.mentions
        actor = None
        # The mentions are in order of their starts: the first inside the phrase.
        k = bisect_left(self._starts, start)
        while k < len(mentions) and mentions[k].start <= end:
            m = mentions[k]
            if m.actor and m.end <= end:
                actor = m.actor
                break
            k += 1
        if actor is None:
            return None
        agent = _agent_only(actor)
        if agent is not None:
            # An agent alone ("an insurgent group" -> REB or ---REB): the same agent named
            # earlier with a country ("Iraqi insurgents" -> IRQREB) gives the country.
            earlier = self._with_agent(agent)
            k = bisect_left(earlier, start, key=lambda i: mentions[i].start)
            if k > 0:
                m = mentions[earlier[k - 1]]
                assert m.actor is not None and m.actor.country is not None
                code = m.actor.code
                return Actor(code[:6], actor.name or m.actor.name, m.actor.country, (agent,))
        return actor

    def _with_agent(self, agent: str) -> list[int]:
        """The positions in ``mentions`` of the mentions with a country whose code names
        ``agent`` after it (``IRQREB`` for ``REB``), in order."""
        if self._by_agent is None:
            self._by_agent = {}
            for k, m in enumerate(self.mentions):
                if m.actor is None or m.actor.country is None or len(m.actor.code) < 6:
                    continue
                self._by_agent.setdefault(m.actor.code[3:6], []).append(k)
        return self._by_agent.get(agent, [])


def _full_name(ent: Span) -> bool:
    """Whether an entity is a name in full: two words or more, each capitalised or an
    initial ("Hamid Karzai", "Loretta E. Lynch"; not "pro-Clinton")."""
    return len(ent) > 1 and all(t.text[:1].isupper() for t in ent)


def _in_apposition(ent: Span, head: str) -> bool:
    """Whether a noun with lemma ``head`` stands in apposition to the name ``ent``, either
    way round ("Zalmay Khalilzad, the U.S. envoy"; "the U.S. envoy, Zalmay Khalilzad")."""
    root = ent.root
    if root.dep_ == "appos" and root.head.lemma_.lower() == head:
        return True
    return any(t.dep_ == "appos" and t.lemma_.lower() == head for t in root.children)


def _agent_only(actor: Actor) -> str | None:
    """The agent code of an actor with no country ("REB", "---REB"), else None."""
    if actor.country is not None:
        return None
    if len(actor.code) == 3 and actor.code.isalpha():
        return actor.code
    if len(actor.code) == 6 and actor.code.startswith("---"):
        return actor.code[3:]
    return None
