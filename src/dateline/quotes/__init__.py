"""Quotations and reported speech with their speakers (issue 4).

``find_quotes`` finds attributions of six kinds (``Quote.kind``): ``direct``, ``indirect``
and ``mixed``, from the marks and verbs below; ``belief`` (a verb of cognition or intent:
"she believes that ..."), ``evidence`` ("a poll shows ...") and ``no-source`` ("is expected
to", "reportedly"), from the frames of ``quotes/frames.py``. They are found as

- direct quotations, from their quotation marks (straight or curly, across sentences; a
  paragraph that opens a quotation without closing it continues in the next one, each
  paragraph's stretch kept in ``Quote.parts``), with the speech verb before or after them,
  or, for a paragraph quotation with no verb of its own, the opening mark as cue and the
  source quoted most recently as speaker;
- reported speech from the dependency parse: a speech verb (``data/quotes/lexicon.json``)
  and its clausal complement ("X revealed that ...", "..., the source said"), or the clause
  that "according to X" modifies;
- mixed quotations: reported speech whose clause holds a quoted fragment.

Speakers are resolved across the article (see :mod:`dateline.quotes.speakers`). Cues inside
a direct quotation are the quoted speaker's words and give no attribution of their own.
Everything runs on the one parse of the article: no extra spaCy pass.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ..model import Article, Event, Mention, Quote
from ..spanindex import SpanIndex
from .cues import (
    Draft,
    Paragraphs,
    clip_speaker,
    find_drafts,
    is_speech_verb,
    relative_antecedent,
    speaker_span,
    subject_of,
)
from .frames import FrameReader, find_frames
from .lexicon import QuoteLexicon, load_quote_lexicon
from .marks import Segment, chain_segments, find_segments, split_paragraphs
from .punctuation import find_punctuation_drafts
from .speakers import SpeakerResolver
from .univocal import keep_outermost

__all__ = ["find_quotes", "reporter_for_event"]

_WORD = re.compile(r"\w")
_DASHES = frozenset({"-", "–", "—", "--", "―"})
_THAT = re.compile(r"\bthat\b", re.IGNORECASE)
# A dateline header ends at the first dash or closing parenthesis after the place name:
# "Baghdad, Agency– ", "BAGHDAD (Reuters) - ", "WASHINGTON — ".
_HEADER_END = re.compile(r"[^\n]{0,60}?(?:\s[-–—]+\s*|[–—]+\s*|\)\s*[-–—:]?\s*)")
# A quotation with no cue and not opening its paragraph counts only from this many words
# (shorter ones are titles, names and scare quotes).
MIN_FREE_QUOTE_WORDS = 8
# A quoted phrase of at most this many words inside the running words of its sentence is a
# fragment (scare quotes, a quoted word of a report), never a quotation of its own.
MAX_FRAGMENT_WORDS = 3
# How far (in tokens) a speech verb may follow or precede a quotation it introduces.
CUE_WINDOW_TOKENS = 30


def find_quotes(article: Article, doc: Doc, mentions: list[Mention]) -> list[Quote]:
    """Quotations and reported speech of ``article``, in text order, ids ``q1``, ``q2``, ..."""
    text = article.text
    if not text.strip():
        return []
    lexicon = load_quote_lexicon()
    paragraph_spans = split_paragraphs(text)
    paragraphs = Paragraphs(paragraph_spans)
    segments = find_segments(text, paragraph_spans)
    chains = chain_segments(text, segments, paragraph_spans)
    quoted = [(s.open, s.outer_end) for s in segments]
    body_start = _body_start(article)
    drafts = find_drafts(doc, lexicon, paragraphs, quoted, body_start)
    reader = FrameReader(doc, lexicon, paragraphs, body_start)
    spoken = {d.cue_token for d in drafts if d.cue_token is not None}
    drafts += find_frames(reader, quoted, spoken)
    drafts += find_punctuation_drafts(text, doc, paragraphs, lexicon, body_start)
    found = _attach_quotations(text, doc, chains, drafts, lexicon, paragraphs, reader, body_start)
    found = keep_outermost([d for d in found if d.end > d.start], text)
    found.sort(key=lambda d: (d.start, d.end))
    return _with_speakers(article, doc, found, mentions, lexicon)


def reporter_for_event(
    event: Event, article: Article, doc: Doc, quotes: Sequence[Quote] | None = None
) -> str | None:
    """The id of the innermost quotation whose content holds the event's trigger.

    ``quotes``: the article's quotations to consider, in their order (default: all; a
    caller with many events passes those that may hold the trigger)."""
    at = event.trigger.start
    best: tuple[int, str] | None = None
    for quote in article.quotes if quotes is None else quotes:
        pieces = quote.parts or ((quote.start, quote.end),)
        if any(start <= at < end for start, end in pieces):
            size = quote.end - quote.start
            if best is None or size < best[0]:
                best = (size, quote.id)
    return best[1] if best else None


def _attach_quotations(
    text: str,
    doc: Doc,
    chains: list[list[Segment]],
    drafts: list[Draft],
    lexicon: QuoteLexicon,
    paragraphs: Paragraphs,
    reader: FrameReader | None = None,
    body_start: int = 0,
) -> list[Draft]:
    """Give every quotation its cue: a clause that holds it, a verb after or before it. A verb
    of saying left with neither clause nor quotation is read by ``reader`` for what else it
    is about ("mentioned the remarks")."""
    quoted = [(s.open, s.outer_end) for chain in chains for s in chain]
    quote_starts = sorted(start for start, _ in quoted)
    used: set[int] = set()  # ids of drafts that became a direct quotation's cue
    # Drafts by their span and by their cue's token, for long articles (issue 9).
    holders = SpanIndex(drafts, lambda d: ((d.start, d.end),))
    by_cue: dict[int, Draft] = {}
    for draft in drafts:
        if draft.cue_token is not None:
            by_cue.setdefault(draft.cue_token, draft)
    out: list[Draft] = []
    skip_next = False
    for k, chain in enumerate(chains):
        if skip_next:
            skip_next = False
            continue
        first, last = chain[0], chain[-1]
        lo, hi = first.open, last.outer_end
        holder = _holding_clause(holders.overlapping(lo, hi), lo, hi, used)
        quote = None
        if holder is not None:
            outside = _WORD.search(
                _THAT.sub("", text[holder.start : lo] + " " + text[hi : holder.end])
            )
            cue_first = holder.cue is not None and holder.cue[1] <= holder.start
            if outside and holder.start < lo and cue_first:
                # Reported speech that quotes a fragment: one mixed attribution (a belief or
                # evidence keeps its kind).
                if holder.kind == "indirect":
                    holder.kind = "mixed"
                holder.end = max(holder.end, last.end)
                holders.extend(holder, holder.start, holder.end)
                if len(chain) > 1:
                    rest = [(s.start, s.end) for s in chain[1:]]
                    holder.parts = [(holder.start, first.end), *rest]
                continue
            if not outside or not cue_first:
                # Words beside the quotation when the cue follows it ('Tunis - "...,"
                # X said') are a header or an introduction, not reported speech.
                used.add(id(holder))
                speaker = holder.speaker
                if speaker is None and holder.cue_token is not None and holder.cue is not None:
                    verb_token = doc[holder.cue_token]
                    subject = _inverted_subject(verb_token) if verb_token.idx > lo else None
                    if subject is not None:
                        speaker = speaker_span(subject, verb_token)
                quote = _direct(chain, holder.cue, speaker, holder.cue_token)
        verb = None
        if quote is None and _is_fragment(doc, text, chain, lexicon):
            continue  # a scare quote, or a quoted phrase inside a clause nobody is said to say
        if quote is None:
            verb = _verb_after(doc, last, lexicon) or _verb_before(doc, first, lexicon)
            if verb is not None:
                cue_draft = by_cue.get(verb.i)
                if cue_draft is not None:
                    used.add(id(cue_draft))
                subject = subject_of(verb, lexicon)
                if subject is None and verb.idx > last.open:
                    subject = _inverted_subject(verb)
                speaker = speaker_span(subject, verb) if subject is not None else None
                if speaker is not None:
                    speaker = clip_speaker(speaker, subject, paragraphs.span(verb.idx))
                quote = _direct(chain, (verb.idx, verb.idx + len(verb)), speaker, verb.i)
        if quote is not None:
            if verb is None and quote.cue_token is not None:
                verb = doc[quote.cue_token]
            # '“We will win,” he said, “and they know it.”': one quotation in two parts.
            if verb is not None and k + 1 < len(chains) and verb.idx > last.open:
                nxt = chains[k + 1]
                if _continues(doc, last, nxt, verb, lexicon):
                    quote.parts = [
                        *(quote.parts or [(quote.start, quote.end)]),
                        *((s.start, s.end) for s in nxt),
                    ]
                    quote.end = nxt[-1].end
                    skip_next = True
            if verb is not None:
                _extend_to_clause(doc, quote, verb, max(body_start, paragraphs.span(lo)[0]))
            out.append(quote)
            continue
        words = sum(len(text[s.start : s.end].split()) for s in chain)
        opens_paragraph = _opens_paragraph(text, first)
        if opens_paragraph or words >= MIN_FREE_QUOTE_WORDS:
            quote = _direct(chain, (first.open, first.open + 1), None, None)
            quote.paragraph_quote = True
            if opens_paragraph and first.paragraph > 0:
                quote.introduced_by = _paragraph_subject(
                    doc, paragraphs.spans[first.paragraph - 1], quote_starts
                )
            elif not opens_paragraph:
                # 'Giovanni Russo stood in his kitchen. "I was born in this house ..."'
                p_start = paragraphs.spans[first.paragraph][0]
                quote.introduced_by = _paragraph_subject(doc, (p_start, first.open), quote_starts)
            out.append(quote)
    direct_cues = sorted(q.cue[0] for q in out if q.kind == "direct" and q.cue is not None)
    for draft in drafts:
        if id(draft) in used:
            continue
        if draft.end <= draft.start:
            if reader is not None and draft.cue_token is not None:
                again = reader.act_frame(doc[draft.cue_token])
                if again is not None and again.end > again.start:
                    again.rank = 1
                    out.append(again)
            continue
        k = bisect_left(direct_cues, draft.start)
        if draft.kind == "indirect" and k < len(direct_cues) and direct_cues[k] < draft.end:
            # '"...," he told settlers, according to a statement': the clause is a quotation
            # already attributed with its own cue; the outer report adds no new content.
            continue
        out.append(draft)
    return out


def _extend_to_clause(doc: Doc, quote: Draft, verb: Token, floor: int) -> None:
    """A quotation that is only part of the clause it reports ('With thousands of systems,
    “there is no single point of failure,” he said'; '“Budget reforms” would pay for it, he
    said'): the content runs over the rest of that clause (the clause the quotation's words
    belong to, below the cue), and the attribution is mixed."""
    pieces = quote.parts or [(quote.start, quote.end)]
    spans = [doc.char_span(s, e, alignment_mode="expand") for s, e in pieces]
    inside = {t.i for span in spans if span is not None for t in span}
    if not inside:
        return
    first = doc[min(inside)]
    root = first
    while root.head.i in inside and root.head.i != root.i:
        root = root.head
    host = root
    while host.head.i != verb.i and host.head.i != host.i and not host.is_sent_start:
        if verb.i in {a.i for a in host.head.ancestors} or host.head.i == verb.i:
            host = host.head
            continue
        return  # the quotation is not below its cue: nothing to extend over
    if host.head.i != verb.i:
        return
    subtree = list(host.subtree)
    lo_i, hi_i = min(inside), max(inside)
    # A header set off by a dash ('Tunis, 4 May - "..."') is not part of the clause.
    dashes = [t.i for t in subtree if t.text in _DASHES]
    before = [d for d in dashes if d < lo_i]
    after = [d for d in dashes if d > hi_i]
    outside = [
        t
        for t in subtree
        if t.i not in inside
        and not (t.is_punct or t.is_space or t.dep_ in ("mark", "cc"))
        and t.idx >= floor
        and not (before and t.i < before[-1])
        and not (after and t.i > after[0])
    ]
    if not outside:
        return
    start = min(quote.start, outside[0].idx)
    end = max(quote.end, outside[-1].idx + len(outside[-1]))
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or any("\n" in t.text for t in span):
        return
    quote.start, quote.end, quote.kind = start, end, "mixed"
    if quote.parts:
        quote.parts = [(start, pieces[0][1]), *pieces[1:-1], (pieces[-1][0], end)]


def _is_fragment(doc: Doc, text: str, chain: list[Segment], lexicon: QuoteLexicon) -> bool:
    """A short quoted phrase set in the running words of its sentence ('Trump's statement was
    "true."', 'called the senator a "nasty guy"'), not a quotation on its own: it has no cue
    of its own and nobody is said to say it."""
    words = sum(len(text[s.start : s.end].split()) for s in chain)
    if len(chain) > 1 or words > MAX_FRAGMENT_WORDS:
        return False
    span = doc.char_span(chain[0].open, chain[0].open + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    before = doc[span.start - 1]
    if before.is_punct or before.is_space or "\n" in before.text or before.is_sent_end:
        return False
    if span[0].is_sent_start:
        return False
    return not is_speech_verb(before, lexicon, quoting=True)


def _direct(
    chain: list[Segment],
    cue: tuple[int, int] | None,
    speaker: tuple[int, int] | None,
    cue_token: int | None,
) -> Draft:
    parts = [(s.start, s.end) for s in chain] if len(chain) > 1 else []
    return Draft(chain[0].start, chain[-1].end, "direct", cue, speaker, parts, cue_token, rank=0)


def _holding_clause(drafts: list[Draft], lo: int, hi: int, used: set[int]) -> Draft | None:
    """The reported clause that overlaps the quotation ``lo:hi`` (the nearest one; the
    first of ``drafts`` on a tie)."""
    best = None
    for draft in drafts:
        if id(draft) in used or draft.end <= draft.start:
            continue
        overlaps = draft.start < hi and lo < draft.end
        if overlaps and (best is None or abs(draft.start - lo) < abs(best.start - lo)):
            best = draft
    return best


def _verb_after(doc: Doc, seg: Segment, lexicon: QuoteLexicon) -> Token | None:
    """A speech verb right after the closing mark: '“...,” he said' / ',” said the minister'."""
    if seg.close is None:
        return None
    span = doc.char_span(seg.close, seg.close + 1, alignment_mode="expand")
    if span is None:
        return None
    i = span.end
    window = doc[i : min(i + CUE_WINDOW_TOKENS, len(doc))]
    for token in window:
        if "\n" in token.text or token.text in ("“", "„", "«"):
            return None
        if is_speech_verb(token, lexicon, quoting=True):
            subject = subject_of(token, lexicon)
            allowed = set()
            if subject is not None:
                allowed = set(range(subject.left_edge.i, subject.right_edge.i + 1))
            between = doc[i : token.i]
            if all(t.is_punct or t.i in allowed or t.pos_ == "ADV" for t in between):
                return token
            return None
        if token.is_sent_end and token.is_punct and token.text in ".!?":
            return None
    return None


def _verb_before(doc: Doc, seg: Segment, lexicon: QuoteLexicon) -> Token | None:
    """A speech verb right before the opening mark: 'he said: “...”', 'told reporters, “...'."""
    span = doc.char_span(seg.open, seg.open + 1, alignment_mode="expand")
    if span is None:
        return None
    i = span.start - 1
    while i >= 0 and (doc[i].is_punct or doc[i].is_space or doc[i].lower_ == "that"):
        if "\n" in doc[i].text or doc[i].text in ("”", "»", '"'):
            return None
        i -= 1
    if i < 0:
        return None
    token = doc[i]
    for _ in range(3):
        if is_speech_verb(token, lexicon, quoting=True):
            if seg.open - token.idx >= 80:
                return None
            if token.lemma_.lower() in lexicon.quote_only_verbs and subject_of(token) is None:
                return None  # 'the so-called "peace plan"'
            return token
        if token.head.i == token.i or token.head.i > i:
            return None
        token = token.head
    return None


def _inverted_subject(verb: Token) -> Token | None:
    """The speaker after a verb that follows its quotation ('?" asked one protester'), which
    the parser may read as the verb's object."""
    for child in verb.rights:
        if child.dep_ in ("dobj", "attr", "npadvmod", "dative", "oprd", "nsubj"):
            return child if child.pos_ in ("NOUN", "PROPN", "PRON") else None
        if not child.is_punct:
            return None
    return None


def _continues(
    doc: Doc, seg: Segment, nxt: list[Segment], verb: Token, lexicon: QuoteLexicon
) -> bool:
    """Whether the quotation ``nxt`` goes on with the words of ``seg`` across its cue clause
    ('“We will win,” he said, “and they know it.”'): same paragraph, nothing between the two
    but the cue clause, and no cue of its own."""
    if seg.close is None or nxt[0].paragraph != seg.paragraph:
        return False
    between = doc.char_span(seg.close + 1, nxt[0].open, alignment_mode="expand")
    if between is None:
        return False
    clause = {t.i for t in verb.subtree} | {verb.i}
    if not all(t.is_punct or t.is_space or t.i in clause for t in between):
        return False
    return _verb_after(doc, nxt[-1], lexicon) is None


def _paragraph_subject(
    doc: Doc, paragraph: tuple[int, int], quote_starts: list[int]
) -> tuple[int, int] | None:
    """The subject of the last sentence of a paragraph with no quotation marks (none of the
    sorted ``quote_starts`` in it): the person a following paragraph quotation is likely to
    be from ('James Lokiru described ...')."""
    start, end = paragraph
    k = bisect_left(quote_starts, start)
    if k < len(quote_starts) and quote_starts[k] < end:
        return None
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return None
    roots = [t for t in span if t.dep_ == "ROOT"]
    if not roots:
        return None
    subject = next((c for c in roots[-1].children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.dep_ == "nsubjpass":
        return None
    return clip_speaker(speaker_span(subject, roots[-1]), subject, paragraph)


def _opens_paragraph(text: str, seg: Segment) -> bool:
    before = text[: seg.open].rstrip(" \t'")  # "''" opens on its second apostrophe
    return not before or before.endswith("\n")


def _body_start(article: Article) -> int:
    """Where the body starts after a dateline header ("BAGHDAD (Reuters) - ")."""
    if article.dateline is None:
        return 0
    end = article.dateline.end
    m = _HEADER_END.match(article.text, end)
    return m.end() if m else end


def _with_speakers(
    article: Article,
    doc: Doc,
    drafts: list[Draft],
    mentions: list[Mention],
    lexicon: QuoteLexicon,
) -> list[Quote]:
    """Resolve speakers in text order and build the Quote objects."""
    resolver = SpeakerResolver(article.text, doc, mentions, lexicon)

    def order(d: Draft) -> int:
        return d.speaker[0] if d.speaker else d.start

    resolved = {}
    for draft in sorted(drafts, key=order):
        if draft.speaker is not None and draft.speaker[0] >= draft.speaker[1]:
            draft.speaker = None  # a cue with nothing after it ("according to" + a mark)
        if draft.speaker is not None:
            # "an architect who said ...": the pronoun is the speaker, the phrase it stands
            # for says who that is.
            phrase = relative_antecedent(doc, draft.speaker) or draft.speaker
            entity = resolver.add(*phrase)
            if entity is not None:
                resolved[id(draft)] = (entity, draft.speaker)
        elif draft.paragraph_quote:
            current = None
            if draft.introduced_by is not None:
                current = resolver.add(*draft.introduced_by, only_sources=True)
            current = current or resolver.current()
            if current is not None:
                resolved[id(draft)] = (current, current.introduction())
    quotes = []
    for n, draft in enumerate(drafts, start=1):
        speaker = None
        if id(draft) in resolved:
            entity, span = resolved[id(draft)]
            speaker = resolver.speaker(entity, span)
        elif draft.kind not in ("direct", "no-source"):
            draft.kind = "no-source"  # "it was reported that ...": nobody named reports it
        cue = article.span(*draft.cue) if draft.cue else None
        quotes.append(
            Quote(
                id=f"q{n}",
                start=draft.start,
                end=draft.end,
                text=article.text[draft.start : draft.end],
                kind=draft.kind,
                cue=cue,
                speaker=speaker,
                parts=tuple(draft.parts),
            )
        )
    return quotes
