"""Attribution cues beyond the verbs of saying (issue 11): attribution as PolNeAR defines it.

News ascribes far more than speech. Each rule below reads one construction on the
dependency parse and gives a :class:`~dateline.quotes.cues.Draft` with its cue, its source
(``None`` when the text names none) and its content:

- ``act_frame``: a speech act or stance with what it is about: "accused Holt of being a
  Democrat", "urged North Korea to resume talks", "called for the ratification of ...",
  "endorsed Clinton" (kind ``indirect``), a belief or intention: "wants to junk the
  exemptions", "expects that output will grow" (``belief``), or evidence: "a poll shows
  Clinton leading", "the study found that ..." (``evidence``);
- ``passive_frame``: "is expected to win", "was criticized for ...", "has been endorsed by
  dozens of papers": the source is the ``by`` phrase, else none (``no-source``);
- ``raising_frame``: "the lack of enthusiasm seems to be a real issue" (``no-source``);
- ``adverb_frame``: "Trump reportedly paid no taxes" (``no-source``);
- ``adjective_frame``: "he was sure that ...", "voters are worried about ..." (``belief``);
- ``noun_frame``: "Trump's claim that ...", "questions about his returns", "calls for an
  inquiry" (the possessor, the ``by`` phrase, or the subject of a light verb "raised
  questions about" is the source; else none).

A cue needs content: a verb with nothing it is about is no attribution. The content is
clipped to the cue's paragraph and kept clear of the dateline, as for reported speech.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from .cues import (
    Draft,
    Paragraphs,
    clip,
    clip_speaker,
    in_idiom,
    speaker_span,
    subject_of,
    trim_tokens,
    without_elaboration,
)
from .lexicon import QuoteLexicon

_CLAUSES = frozenset({"ccomp", "xcomp"})
_OBJECTS = frozenset({"dobj", "oprd", "dative", "attr", "acomp"})
# Entities a prepositional phrase names when it says when or where, not what about.
_SETTING_ENTITIES = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC"})
# Belief verbs whose bare object is what is believed ("wants a wall", "expects a close race");
# the others ("knows the area", "accepts the award") need a clause or an "as" phrase.
_BELIEF_OBJECTS = frozenset(
    {"want", "expect", "anticipate", "wish", "plan", "intend", "seek", "fear", "doubt"}
    | {"suspect", "favor", "favour", "prefer", "dread", "foresee", "envision", "envisage"}
)
_EXPLETIVES = frozenset({"it", "there"})
_NOT_SOURCES = frozenset({"there", "what", "which", "this", "that", "these", "those"})


def find_frames(
    reader: FrameReader, in_quote: Iterable[tuple[int, int]], skip: set[int]
) -> list[Draft]:
    """Every attribution the rules of this module find, outside quotations and the tokens in
    ``skip`` (cues that the verbs of saying took already)."""
    quoted = sorted(in_quote)
    drafts: list[Draft] = []
    for token in reader.doc:
        if token.i in skip or any(s <= token.idx < e for s, e in quoted):
            continue
        draft = reader.read(token)
        if draft is not None and draft.end > draft.start:
            drafts.append(draft)
    return drafts


class FrameReader:
    """Reads one cue token into a Draft (the rules of the module docstring)."""

    def __init__(self, doc: Doc, lexicon: QuoteLexicon, paragraphs: Paragraphs, body: int):
        self.doc = doc
        self.lex = lexicon
        self.paragraphs = paragraphs
        self.body_start = body

    def read(self, token: Token) -> Draft | None:
        lemma = token.lemma_.lower()
        lex = self.lex
        if token.pos_ in ("VERB", "AUX"):
            if in_idiom(token, lex):
                return None
            if _passive(token):
                return self.passive_frame(token) if lemma in lex.passive_cues else None
            if lemma in lex.raising_verbs:
                return self.raising_frame(token)
            if lex.cue_class(lemma) is not None:
                return self.act_frame(token)
            return None
        if token.pos_ == "ADV" and token.lower_ in lex.no_source_adverbs:
            return self.adverb_frame(token)
        if token.pos_ == "ADJ" and lemma in lex.adjective_cues:
            return self.adjective_frame(token)
        if token.pos_ == "NOUN" and lemma in lex.nominal_cues:
            return self.noun_frame(token)
        return None

    # Verbs ---------------------------------------------------------------------------------

    def act_frame(self, verb: Token) -> Draft | None:
        """ "X accused Y of Z", "X wants to Z", "a poll shows Z": the subject and what the verb
        is about."""
        lemma = verb.lemma_.lower()
        kind = self.lex.cue_class(lemma) or "indirect"
        if verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not _has_aux(verb):
            return None  # "Asked whether he would resign, the minister ...": a reduced passive
        subject = subject_of(verb, self.lex)
        if subject is None and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            subject = verb.head  # "a video showing Clinton stumbling", "a statement calling ..."
        if subject is None or subject.lower_ in _EXPLETIVES or subject.dep_ == "expl":
            return None
        if subject.lower_ in _NOT_SOURCES and verb.dep_ != "relcl":
            return None
        clause = _clause(verb)
        if clause is not None and _empty_report(clause, self.lex):
            return None  # "declined to comment", "refused to say": nothing is reported
        if clause is not None:
            tokens = _subtree(clause)
            cue_end = verb
            if clause.dep_ == "xcomp":
                # "urged North Korea to resume talks": the one urged belongs to the content.
                objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
                objects = [c for c in objects if verb.i < c.i < clause.i]
                if objects:
                    tokens = list(self.doc[objects[0].left_edge.i : clause.right_edge.i + 1])
        else:
            complements = self._complements(verb, lemma)
            if not complements:
                return None
            if kind == "evidence" and subject.lemma_.lower() not in self.lex.evidence_nouns:
                return None  # "police found a body": a finding only when evidence finds it
            if kind == "belief" and lemma not in _BELIEF_OBJECTS:
                phrasal = self.lex.phrasal_cues.get(lemma, frozenset())
                if not any(
                    c.dep_ in ("xcomp", "oprd") or (c.dep_ == "prep" and c.lower_ in phrasal)
                    for c in complements
                ):
                    return None  # "learned the trade from her grandfather"
            tokens = [t for c in complements for t in _subtree(c)]
            tokens = list(self.doc[min(t.i for t in tokens) : max(t.i for t in tokens) + 1])
            cue_end = _particle_end(verb)
            first = complements[0]
            if first.dep_ == "prep" and first.i == cue_end.i + 1:
                # "called for the ratification": the preposition is part of the cue.
                cue_end = first
                tokens = [t for t in tokens if t.i > first.i]
        if subject.dep_ != "relcl" and subject.i == verb.head.i and verb.dep_ == "acl":
            speaker = trim_tokens(list(self.doc[subject.left_edge.i : verb.i]))
        else:
            speaker = speaker_span(subject, verb)
        return self._draft(verb, cue_end, speaker, subject, tokens, kind)

    def passive_frame(self, verb: Token) -> Draft | None:
        """ "X is expected to win", "X was criticized for Y", "X has been endorsed by Y"."""
        subject = next((c for c in verb.children if c.dep_ in ("nsubjpass", "csubjpass")), None)
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        clause = _clause(verb)
        parts: list[list[Token]] = []
        if subject is not None and subject.lower_ not in _EXPLETIVES:
            parts.append(_subtree(subject))
        if clause is not None:
            parts.append(_subtree(clause))
        else:
            for child in verb.children:
                if (
                    child.dep_ == "prep"
                    and child.i > verb.i
                    and child.lower_ in ("for", "as", "of")
                ):
                    parts.append(_subtree(child))
                    break
        if not parts:
            return None
        lemma = verb.lemma_.lower()
        kind = self.lex.cue_class(lemma) or "indirect"
        speaker = speaker_span(source, verb) if source is not None else None
        if speaker is None:
            kind = "no-source"
        return self._draft_parts(verb, verb, speaker, source, parts, kind)

    def raising_frame(self, verb: Token) -> Draft | None:
        """ "X seems to be Y", "it appears that Y": what seems so, said by nobody named (or by
        the "to" phrase: "seems to me")."""
        complement = next(
            (c for c in verb.children if c.dep_ in ("xcomp", "acomp", "ccomp", "attr")), None
        )
        if complement is None or complement.i < verb.i:
            return None
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "expl")), None)
        parts: list[list[Token]] = []
        if subject is not None and subject.lower_ not in _EXPLETIVES:
            parts.append(_subtree(subject))
        parts.append(_subtree(complement))
        experiencer = next(
            (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None
        )
        source = (
            next((c for c in experiencer.children if c.dep_ == "pobj"), None)
            if experiencer is not None
            else None
        )
        speaker = speaker_span(source, verb) if source is not None else None
        kind = "belief" if speaker is not None else "no-source"
        return self._draft_parts(verb, verb, speaker, source, parts, kind)

    # Other words -----------------------------------------------------------------------------

    def adverb_frame(self, adverb: Token) -> Draft | None:
        """ "Trump reportedly paid no taxes": the clause the adverb modifies, from nobody named."""
        head = adverb.head
        if head.i == adverb.i or head.pos_ not in ("VERB", "AUX"):
            return None
        tokens = _subtree(head)
        start, end = clip(trim_tokens(tokens), self.paragraphs, adverb.idx, self.body_start)
        if end <= start:
            return None
        cue = (adverb.idx, adverb.idx + len(adverb))
        return Draft(start, end, "no-source", cue, None, cue_token=adverb.i, rank=2)

    def adjective_frame(self, adjective: Token) -> Draft | None:
        """ "he was sure that ...", "voters are worried about the economy"."""
        if adjective.dep_ not in ("acomp", "amod") or adjective.dep_ == "amod":
            return None
        complements = [
            c
            for c in adjective.children
            if c.i > adjective.i
            and (
                c.dep_ in _CLAUSES
                or (c.dep_ == "prep" and c.lower_ in ("about", "of", "that", "over", "with"))
            )
        ]
        if not complements:
            return None
        subject = subject_of(adjective.head, self.lex)
        if subject is None or subject.lower_ in _EXPLETIVES:
            return None
        tokens = [t for c in complements for t in _subtree(c)]
        speaker = speaker_span(subject, adjective.head)
        return self._draft(adjective, adjective, speaker, subject, tokens, "belief")

    def noun_frame(self, noun: Token) -> Draft | None:
        """ "Trump's claim that ...", "questions about his returns", "his plan to cut taxes"."""
        complement = None
        for child in noun.children:
            if child.i < noun.i:
                continue
            if child.dep_ in ("acl", "ccomp") and _is_content_clause(child):
                complement = child
                break
            if child.dep_ == "prep" and child.lower_ in self.lex.nominal_prepositions:
                objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                if objects and objects[0].ent_type_ not in _SETTING_ENTITIES:
                    complement = child
                    break
        if complement is None:
            return None
        tokens = _subtree(complement)
        if complement.dep_ == "prep":
            tokens = tokens[1:]  # the content is what the preposition governs
        source, speaker = self._noun_source(noun)
        kind = self.lex.nominal_cues[noun.lemma_.lower()]
        if speaker is None and kind == "belief":
            return None  # "approved a plan to expand the harbour": an intention of nobody named
        if speaker is None:
            kind = "no-source"
        cue_end = complement if complement.dep_ == "prep" else noun
        return self._draft(noun, cue_end, speaker, source, tokens, kind)

    def _noun_source(self, noun: Token) -> tuple[Token | None, tuple[int, int] | None]:
        """Who a nominal cue belongs to: its possessor, its "by"/"from" phrase, or the subject
        of the light verb it is the object of ("critics raised questions")."""
        for child in noun.children:
            if child.dep_ == "poss" and child.lower_ not in ("its",):
                phrase = [t for t in _subtree(child) if t.dep_ != "case"]
                return child, trim_tokens(phrase)
            if child.dep_ == "prep" and child.lower_ in ("by", "from"):
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    return obj, trim_tokens(_subtree(obj))
        head = noun.head
        if noun.dep_ == "dobj" and head.lemma_.lower() in self.lex.light_verbs:
            subject = subject_of(head, self.lex)
            if subject is not None and subject.lower_ not in _EXPLETIVES:
                return subject, speaker_span(subject, head)
        return None, None

    # Helpers ---------------------------------------------------------------------------------

    def _complements(self, verb: Token, lemma: str) -> list[Token]:
        """The children after ``verb`` that say what it is about: objects, infinitives, and
        the prepositional phrases its cue takes ("call for", "accuse ... of")."""
        phrasal = self.lex.phrasal_cues.get(lemma, frozenset())
        # A verb that is a cue only with its particle or preposition ("put ... at", "point
        # to") says nothing about what else follows it.
        only_phrasal = (
            not any(
                lemma in words
                for words in (self.lex.speech_verbs, self.lex.act_verbs, self.lex.belief_verbs)
            )
            and lemma not in self.lex.evidence_verbs
        )
        if only_phrasal and not any(
            c.dep_ in ("prep", "prt") and c.lower_ in phrasal and c.i > verb.i
            for c in verb.children
        ):
            return []
        out = []
        for child in verb.children:
            if child.i < verb.i:
                continue
            if child.dep_ in _OBJECTS or child.dep_ == "xcomp":
                if child.dep_ == "dobj" and child.lower_ in ("it", "that", "this", "so"):
                    continue
                if child.dep_ in ("dobj", "dative") and lemma in self.lex.addressee_verbs:
                    continue  # "told reporters": who is told, not what
                out.append(child)
            elif child.dep_ == "prep":
                word = child.lower_
                allowed = word in phrasal or (
                    word in self.lex.content_prepositions and word not in ("on", "in", "at", "to")
                )
                objects = [c for c in child.children if not c.is_punct]
                if allowed and objects and objects[0].ent_type_ not in _SETTING_ENTITIES:
                    out.append(child)
            elif child.dep_ == "prt" and child.lower_ in phrasal:
                continue  # "point out", "lash out": part of the cue
        # "accused Holt of ...": the content runs from the first complement to the last.
        return out

    def _draft(
        self,
        cue_start: Token,
        cue_end: Token,
        speaker: tuple[int, int] | None,
        subject: Token | None,
        tokens: list[Token],
        kind: str,
    ) -> Draft | None:
        return self._draft_parts(cue_start, cue_end, speaker, subject, [tokens], kind)

    def _draft_parts(
        self,
        cue_start: Token,
        cue_end: Token,
        speaker: tuple[int, int] | None,
        subject: Token | None,
        parts: list[list[Token]],
        kind: str,
    ) -> Draft | None:
        anchor = cue_start.idx
        paragraph = self.paragraphs.span(anchor)
        spans = []
        for tokens in parts:
            tokens = [t for t in tokens if not (cue_start.i <= t.i <= cue_end.i)]
            if not tokens:
                continue
            tokens = without_elaboration(tokens)
            span = clip(trim_tokens(tokens), self.paragraphs, anchor, self.body_start)
            if span[1] > span[0]:
                spans.append(span)
        if not spans:
            return None
        spans.sort()
        if speaker is not None:
            speaker = clip_speaker(speaker, subject, paragraph)
            if speaker is not None and any(s < speaker[1] and speaker[0] < e for s, e in spans):
                speaker = (subject.idx, subject.idx + len(subject)) if subject is not None else None
        cue = (cue_start.idx, cue_end.idx + len(cue_end))
        if cue_end.i < cue_start.i:
            cue = (cue_start.idx, cue_start.idx + len(cue_start))
        start, end = spans[0][0], spans[-1][1]
        draft = Draft(start, end, kind, cue, speaker, cue_token=cue_start.i, rank=2)
        if len(spans) > 1:
            draft.parts = spans
        return draft


def _has_aux(verb: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in verb.children)


def _clause(verb: Token) -> Token | None:
    """The clause a cue reports: a ccomp after it, else a "to" infinitive after it."""
    after = [c for c in verb.children if c.i > verb.i]
    for dep in ("ccomp", "xcomp"):
        for child in after:
            if child.dep_ == dep and child.pos_ in ("VERB", "AUX"):
                if dep == "xcomp" and not any(c.lower_ == "to" for c in child.children):
                    continue
                return child
    return None


def _empty_report(clause: Token, lexicon: QuoteLexicon) -> bool:
    """ "to comment", "to say": an infinitive of saying with nothing said."""
    if clause.dep_ != "xcomp" or clause.lemma_.lower() not in lexicon.speech_verbs:
        return False
    return not any(c.dep_ not in ("aux", "neg", "punct", "advmod") for c in clause.children)


def _is_content_clause(clause: Token) -> bool:
    """A clause that says what a noun holds ("the claim that he lied", "a plan to cut taxes"),
    not a relative clause ("the claim that he made")."""
    children = list(clause.children)
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in children):
        return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in children)
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in children)


def _particle_end(verb: Token) -> Token:
    """The last word of a phrasal cue ("pointed out", "lashed out")."""
    particles = [c for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1]
    return particles[0] if particles else verb


def _subtree(token: Token) -> list[Token]:
    return list(token.doc[token.left_edge.i : token.right_edge.i + 1])
