"""Attribution cues on the dependency parse: speech verbs with their clause, "according to".

Each cue gives a :class:`Draft`: the cue span, the speaker span (the verb's subject, the
object of "according to") and the reported content (the verb's clausal complement, or the
clause that "according to" modifies), clipped to the cue's paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .lexicon import QuoteLexicon

_SUBJECTS = frozenset({"nsubj", "csubj"})
# A colon close after a cue: "He added: ...", "said in a statement: ...".
_TO_COLON = re.compile(r"[^\n.:;!?\"“”]{0,60}?:[ \t]+")
_RELATIVE = frozenset({"who", "which", "that", "whom"})
# Verbs that share their subject with the verb they hang from ("..., adding that ...").
_SUBJECT_FROM_HEAD = frozenset({"conj", "advcl", "xcomp", "acl"})


@dataclass(slots=True)
class Draft:
    """One attribution before speaker resolution."""

    start: int
    end: int
    kind: str  # direct / indirect / mixed / belief / evidence / no-source
    cue: tuple[int, int] | None
    speaker: tuple[int, int] | None
    parts: list[tuple[int, int]] = field(default_factory=list)
    cue_token: int | None = None  # index of the cue token in the doc
    paragraph_quote: bool = False  # a paragraph quotation with no cue of its own
    introduced_by: tuple[int, int] | None = None  # the subject of the paragraph before it
    # Which rule found it, for choosing between two finds of one content: 0 a quotation,
    # 1 a verb of saying or "according to", 2 the other cues (quotes/frames.py).
    rank: int = 1


class Paragraphs:
    """Looks up the paragraph that holds an offset."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self._starts = [s for s, _ in spans]

    def index(self, offset: int) -> int:
        return max(bisect_right(self._starts, offset) - 1, 0)

    def span(self, offset: int) -> tuple[int, int]:
        if not self.spans:
            return (0, offset + 1)
        return self.spans[self.index(offset)]


def is_speech_verb(token: Token, lexicon: QuoteLexicon, *, quoting: bool = False) -> bool:
    """A verb of saying (by lemma), not used as a noun or adjective, nor in an idiom such
    as "all told" or "needless to say". With ``quoting`` (a verb next to a quotation), the
    verbs that only ever introduce a quotation ("asked", "called") count too."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    if lemma not in lexicon.speech_verbs and not (quoting and lemma in lexicon.quote_only_verbs):
        return False
    return not in_idiom(token, lexicon)


def in_idiom(token: Token, lexicon: QuoteLexicon) -> bool:
    """Whether ``token`` is part of a phrase where a cue reports nothing ("all told")."""
    doc = token.doc
    for idiom in lexicon.idioms:
        if token.lower_ not in idiom:
            continue
        at = token.i - idiom.index(token.lower_)
        if at >= 0 and tuple(t.lower_ for t in doc[at : at + len(idiom)]) == idiom:
            return True
    return False


def subject_of(verb: Token, lexicon: QuoteLexicon | None = None) -> Token | None:
    """The subject of a speech verb, borrowed from its head for conjoined or participial uses
    (from the nearest speech verb above it when the parser coordinated it lower down:
    'X said the delay would help and warned that ...')."""
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.lemma_ == "quote":
        # "X was quoted as saying ...": the passive subject of "quoted" is the speaker.
        quoted = verb.head.head
        return next((c for c in quoted.children if c.dep_ == "nsubjpass"), None)
    if lexicon is not None and verb.dep_ == "conj" and not _own_subject(verb):
        for ancestor in verb.ancestors:
            if is_speech_verb(ancestor, lexicon):
                return subject_of(ancestor)
    seen = 0
    while seen < 4:
        # The nearest subject: a parse that runs across a line break may give two.
        subjects = sorted(
            (c for c in verb.children if c.dep_ in _SUBJECTS or c.dep_ == "nsubjpass"),
            key=lambda c: abs(c.i - verb.i),
        )
        if subjects:
            # "it was said that ...": a passive has no speaker.
            return subjects[0] if subjects[0].dep_ != "nsubjpass" else None
        if verb.dep_ in _SUBJECT_FROM_HEAD and verb.head.i != verb.i:
            verb = verb.head
            seen += 1
            continue
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.i != verb.i:
            # "... published the results by announcing that ...": the subject of the verb the
            # prepositional phrase belongs to.
            verb = verb.head.head
            seen += 1
            continue
        return None
    return None


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children)


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def is_silenced(verb: Token, lexicon: QuoteLexicon) -> bool:
    """A speech verb that reports nothing: negated ("did not say") or under "declined to"."""
    if any(c.dep_ == "neg" for c in verb.lefts):  # "did not say": the negation precedes
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lexicon.silencing_heads


def speaker_span(subject: Token, verb: Token) -> tuple[int, int]:
    """The characters of the speaker phrase: the subject's subtree. The subject of a relative
    clause is its pronoun ("an architect who said ..."), as PolNeAR marks it; the resolver
    reads the phrase it stands for (:func:`relative_antecedent`)."""
    tokens = subject.doc[subject.left_edge.i : subject.right_edge.i + 1]
    return trim_tokens(list(tokens))


def relative_antecedent(doc: Doc, span: tuple[int, int]) -> tuple[int, int] | None:
    """The phrase a relative pronoun speaker stands for: "an architect" for the "who" of "an
    architect who said ..." (the head noun's phrase, before the relative clause)."""
    start, end = span
    chars = doc.char_span(start, end, alignment_mode="expand")
    if chars is None or len(chars) != 1:
        return None
    pronoun = chars[0]
    clause = pronoun.head
    if pronoun.lower_ not in _RELATIVE or clause.dep_ != "relcl" or clause.head.i == clause.i:
        return None
    head = clause.head
    right = clause.left_edge.i - 1  # stop before the relative clause
    return trim_tokens(list(doc[head.left_edge.i : max(right, head.i) + 1]))


def without_elaboration(tokens: list[Token]) -> list[Token]:
    """The content without a comment the writer adds at its end, set off by a comma: a
    relative clause ("a close contest in the state, where 18 votes are at stake") or a
    participle ("his hands were in the air, contradicting the police's claim")."""
    if len(tokens) < 4:
        return tokens
    last = tokens[-1].i
    for k, token in enumerate(tokens[2:-1], start=2):
        if token.text != ",":
            continue
        nxt = tokens[k + 1]
        clause = nxt.head if nxt.dep_ in ("advmod", "nsubj", "nsubjpass", "mark") else nxt
        opens_relative = nxt.tag_ in ("WDT", "WP", "WRB") and clause.dep_ == "relcl"
        participle = nxt.tag_ == "VBG" and nxt.dep_ == "advcl"
        if (opens_relative or participle) and clause.right_edge.i >= last:
            return tokens[:k]
    return tokens


def trim_tokens(tokens: list[Token]) -> tuple[int, int]:
    """(start, end) of ``tokens`` with punctuation and "that" stripped from both ends."""
    i, j = 0, len(tokens)
    while i < j and (tokens[i].is_punct or tokens[i].is_space or _is_that(tokens[i])):
        i += 1
    while j > i and (tokens[j - 1].is_punct or tokens[j - 1].is_space):
        j -= 1
    if i >= j:
        return (tokens[0].idx, tokens[0].idx) if tokens else (0, 0)
    return tokens[i].idx, tokens[j - 1].idx + len(tokens[j - 1])


def _is_that(token: Token) -> bool:
    return (
        token.lower_ == "that"
        and token.dep_ in ("mark", "nsubj", "dobj", "det")
        and (token.dep_ == "mark" or token.i == token.head.left_edge.i)
    )


def _complement(verb: Token, lexicon: QuoteLexicon) -> Token | None:
    """The clause a speech verb reports: its ccomp, nearest first, not itself a report."""
    comps = [
        c
        for c in verb.children
        if c.dep_ == "ccomp" and not (is_speech_verb(c, lexicon) and subject_of(c) is not None)
    ]
    if not comps:
        return _that_clause(verb)
    after = [c for c in comps if c.i > verb.i]
    return after[0] if after else comps[-1]


def _that_clause(verb: Token) -> Token | None:
    """A "that" clause the parser hung lower down: 'said in a statement that ...' (acl of
    "statement"), 'told reporters on Monday that ...'."""
    for token in verb.subtree:
        if token.i <= verb.i or token.dep_ not in ("acl", "relcl", "advcl", "ccomp"):
            continue
        if token.head.i != verb.i and token.head.pos_ in ("VERB", "AUX"):
            continue  # the clause of another verb ("charged ..., alleging that ...")
        if token.i - verb.i > 12:
            return None
        marks = [c for c in token.children if c.dep_ == "mark" and c.lower_ == "that"]
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
        if marks and subjects and marks[0].i < subjects[0].i:
            return token
    return None


def find_drafts(
    doc: Doc,
    lexicon: QuoteLexicon,
    paragraphs: Paragraphs,
    in_quote: list[tuple[int, int]],
    body_start: int,
) -> list[Draft]:
    """Reported speech from the parse: "X said (that) ...", "..., X said", "according to X"."""
    drafts: list[Draft] = []
    quoted = _Intervals(in_quote)
    last = len(doc) - 1
    text = doc.text
    for token in doc:
        according = token.lower_ == "according" and token.i < last
        if according and doc[token.i + 1].lower_ == "to":
            speech = False
        elif token.lemma_.lower() in lexicon.speech_verbs and is_speech_verb(token, lexicon):
            speech = True
        else:
            continue
        if quoted.contains(token.idx):
            continue  # a cue inside a direct quotation is the speaker's, not the article's
        if speech:
            draft = _speech_verb(doc, token, lexicon, paragraphs, body_start, text)
        else:
            draft = _according_to(doc, token, lexicon, paragraphs, body_start)
        if draft is not None:
            drafts.append(draft)
    return drafts


def _speech_verb(
    doc: Doc,
    verb: Token,
    lexicon: QuoteLexicon,
    paragraphs: Paragraphs,
    body_start: int,
    text: str,
) -> Draft | None:
    if is_silenced(verb, lexicon):
        return None
    subject = subject_of(verb, lexicon)
    comp = _complement(verb, lexicon)
    cue = (verb.idx, verb.idx + len(verb))
    # Rule ``speech_verb_kind`` (issue 11): a verb of saying that is also one of cognition
    # ("She believes that the plan will fail", "he thinks ...") ascribes a belief.
    kind = lexicon.cue_class(verb.lemma_.lower()) or "indirect"
    if comp is not None:
        tokens = list(doc[comp.left_edge.i : comp.right_edge.i + 1])
        # A speech verb coordinated inside the clause starts a report of its own.
        nested = [
            t
            for t in tokens
            if t.i > verb.i and t.i != comp.i and t.dep_ == "conj" and is_speech_verb(t, lexicon)
        ]
        if nested:
            cut = nested[0].left_edge.i
            tokens = [t for t in tokens if t.i < cut]
            while tokens and (tokens[-1].dep_ == "cc" or tokens[-1].is_punct):
                tokens.pop()
    elif verb.dep_ == "parataxis" and verb.head.i != verb.i and subject is not None:
        # "The talks will resume, he said." parsed with "said" hanging from "resume".
        head = verb.head
        tokens = [
            t
            for t in doc[head.left_edge.i : head.right_edge.i + 1]
            if not (verb.left_edge.i <= t.i <= verb.right_edge.i)
        ]
        tokens = _contiguous(tokens, head)
    else:
        tokens = []
    speaker = speaker_span(subject, verb) if subject is not None else None
    if subject is None:
        # "..., residents and aid workers said." with the speakers parsed into the clause.
        fallback = _trailing_speaker(doc, verb)
        if fallback is not None:
            speaker, tokens = fallback
    if speaker is not None:
        speaker = clip_speaker(speaker, subject, paragraphs.span(verb.idx))
    if speaker is None and tokens and not _passive(verb):
        # A report with nobody reporting: an imperative or infinitive ("to describe how it
        # felt"), noise far more often than a real attribution. "It was reported that ..."
        # (passive) is kept.
        tokens = []
    if not tokens:
        after_colon = colon_content(text, paragraphs, cue[1]) if speaker is not None else None
        if after_colon is not None:
            # "He added: the plan will fail": the words after the colon.
            return Draft(*after_colon, kind, cue, speaker, cue_token=verb.i)
        # No clause: still a cue for an adjacent quotation ("he said:").
        return Draft(cue[0], cue[0], kind, cue, speaker, cue_token=verb.i)
    start, end = clip(trim_tokens(without_elaboration(tokens)), paragraphs, verb.idx, body_start)
    if speaker is not None and start < speaker[1] and speaker[0] < end:
        speaker = (subject.idx, subject.idx + len(subject)) if subject is not None else None
    return Draft(start, end, kind, cue, speaker, cue_token=verb.i)


_NOMINAL = frozenset({"NOUN", "PROPN", "ADJ", "DET", "CCONJ", "NUM", "PRON", "PART"})
_PHRASE = _NOMINAL | {"ADP"}  # "a senior official in the ministry"


def _trailing_speaker(doc: Doc, verb: Token) -> tuple[tuple[int, int], list[Token]] | None:
    """The speaker and content of '<clause>, <noun phrase> said.' read from the surface when
    the parse gives the verb no subject; the noun phrase may carry a relative clause set off
    by commas ('..., a senior official, who asked not to be identified, told AFP.')."""
    sent = verb.sent
    after = doc[verb.i + 1 : sent.end]
    if any(t.pos_ in ("VERB", "AUX") for t in after):
        return None
    end = verb.i  # the speaker phrase ends before this token
    i = verb.i - 1
    if i >= sent.start and doc[i].text == ",":
        # ", who asked not to be named," between the noun phrase and the verb.
        j = i - 1
        while j >= sent.start and verb.i - j <= 16 and doc[j].text not in ",;.":
            j -= 1
        if j >= sent.start and doc[j].text == "," and doc[j + 1].tag_ in ("WP", "WDT"):
            end, i = i, j - 1
    stop = i + 1  # the noun phrase ends here
    while i >= sent.start and doc[i].pos_ in _PHRASE and stop - i <= 10:
        i -= 1
    if i < sent.start or doc[i].text != "," or i == stop - 1:
        return None
    phrase = doc[i + 1 : end]
    if not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in phrase):
        return None
    speaker = (phrase[0].idx, phrase[-1].idx + len(phrase[-1]))
    return speaker, list(doc[sent.start : i])


def _according_to(
    doc: Doc, token: Token, lexicon: QuoteLexicon, paragraphs: Paragraphs, body_start: int
) -> Draft | None:
    to = doc[token.i + 1]
    objects = [c for c in to.children if c.dep_ == "pobj"]
    if not objects:
        return None
    obj = objects[0]
    if obj.lemma_.lower() in lexicon.according_to_non_sources:
        return None
    speaker = trim_tokens(list(doc[obj.left_edge.i : obj.right_edge.i + 1]))
    cue = (token.idx, to.idx + len(to))
    phrase = (min(token.left_edge.i, token.i), max(token.right_edge.i, obj.right_edge.i))
    head = token.head if token.head.i != token.i else None
    if head is None:
        sent = token.sent
        pool = list(sent)
    else:
        pool = list(doc[head.left_edge.i : head.right_edge.i + 1])
    before = [t for t in pool if t.i < phrase[0]]
    after = [t for t in pool if t.i > phrase[1]]
    # The reported clause is on the side of the phrase that holds the clause's verb.
    tokens = before if head is not None and head.i < phrase[0] else after
    if head is None:
        tokens = before if len(before) >= len(after) else after
    if not tokens:
        return None
    start, end = clip(trim_tokens(tokens), paragraphs, token.idx, body_start)
    interrupted = head is not None and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i < phrase[0] for c in head.children
    )
    if interrupted and before and head is not None and head.i > phrase[1]:
        # "The attack, according to police, killed five people": the clause in two parts.
        first = clip(trim_tokens(before), paragraphs, token.idx, body_start)
        if first[1] > first[0]:
            parts = [first, (start, end)]
            return Draft(first[0], end, "indirect", cue, speaker, parts, cue_token=token.i)
    return Draft(start, end, "indirect", cue, speaker, cue_token=token.i)


def clip_speaker(
    speaker: tuple[int, int], subject: Token | None, paragraph: tuple[int, int]
) -> tuple[int, int] | None:
    """The speaker phrase cut to the cue's paragraph (a parse may run across a headline)."""
    start, end = max(speaker[0], paragraph[0]), min(speaker[1], paragraph[1])
    if end > start:
        return start, end
    if subject is not None and paragraph[0] <= subject.idx < paragraph[1]:
        return subject.idx, subject.idx + len(subject)
    return None


def _contiguous(tokens: list[Token], head: Token) -> list[Token]:
    """The run of consecutive tokens around ``head``."""
    if not tokens:
        return tokens
    by_index = {t.i for t in tokens}
    lo = hi = head.i
    while lo - 1 in by_index:
        lo -= 1
    while hi + 1 in by_index:
        hi += 1
    return [t for t in tokens if lo <= t.i <= hi]


def clip(
    span: tuple[int, int], paragraphs: Paragraphs, anchor: int, body_start: int
) -> tuple[int, int]:
    """Clip a content span to the paragraph that holds the cue, and past the dateline. A
    cue before the dateline's end (a headline or standfirst above the dateline) is in a
    paragraph of its own, which the dateline does not clip."""
    p_start, p_end = paragraphs.span(anchor)
    start = max(span[0], p_start, body_start if anchor >= body_start else 0)
    end = min(span[1], p_end)
    return (start, end) if end > start else (start, start)


class _Intervals:
    """Membership in a sorted list of disjoint [start, end) intervals."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self._starts = [s for s, _ in self.spans]

    def contains(self, offset: int) -> bool:
        k = bisect_right(self._starts, offset) - 1
        return k >= 0 and offset < self.spans[k][1]


def colon_content(text: str, paragraphs: Paragraphs, after: int) -> tuple[int, int] | None:
    """The words after a colon that follows a cue closely ("He added: the plan will fail"),
    when they are not a quotation: (start, end) to the end of the paragraph."""
    m = _TO_COLON.match(text, after)
    if m is None:
        return None
    start = m.end()
    if start >= len(text) or text[start] in "\"“„«'‘":
        return None
    end = rstrip_space(text, start, paragraphs.span(start)[1])
    return (start, end) if end - start >= 3 else None


def rstrip_space(text: str, start: int, end: int) -> int:
    """``end`` moved back over spaces and line ends."""
    while end > start and text[end - 1] in " \t\u00a0\n":
        end -= 1
    return end
