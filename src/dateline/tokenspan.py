"""Character offsets to the tokens that cover them, as ``Doc.char_span(..., "expand")`` finds
them, without its cost per call.

Every stored span (an actor mention, a trigger, a place) is kept as character offsets, and the
coder asks for the tokens under thousands of them in one article. ``Doc.char_span`` makes a
Token object for each token it passes; ``TokenBounds`` reads the doc's token offsets once and
answers by bisection. The answers are the same (``tests/test_tokenspan.py`` compares them
over random texts and offsets).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Span

from .model import Article

# Dashes that end a dateline ("BAGHDAD (Reuters) -", "HANOI, Vietnam (AP) —"), and how many
# tokens after its place a dateline may run before its dash ("(AP) —").
DATELINE_DASHES = frozenset({"-", "--", "\u2013", "\u2014", "\u2015"})
DATELINE_MAX_TOKENS = 12

__all__ = ["DATELINE_DASHES", "TokenBounds", "dateline_tokens", "expand_span", "token_bounds"]


class TokenBounds:
    """A doc's token offsets (first character, end), read once from its arrays."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        if len(doc):
            table = doc.to_array([IDX, LENGTH]).tolist()
            self._starts = [start for start, _ in table]
            self._ends = [start + length for start, length in table]
            # The text's length without Doc.text, which joins every token.
            self._length = self._ends[-1] + len(doc[-1].whitespace_)
        else:
            self._starts, self._ends, self._length = [], [], 0

    def tokens(self, start: int, end: int) -> range | None:
        """The tokens that ``start:end`` touches: from the first that ends after ``start``
        to the last that begins before ``end``; ``None`` where ``Doc.char_span`` gives none."""
        if start < 0 or end < start or end > self._length:
            return None
        first = bisect_right(self._ends, start)
        last = bisect_left(self._starts, end)
        if last < first:
            return None
        return range(first, last)

    def span(self, start: int, end: int) -> Span | None:
        """``doc.char_span(start, end, alignment_mode="expand")``."""
        found = self.tokens(start, end)
        return None if found is None else self.doc[found.start : found.stop]


def token_bounds(doc: Doc) -> TokenBounds:
    """The ``TokenBounds`` of ``doc``, kept for the last doc asked about (the pipeline codes
    one document at a time; the slot holds the doc, so its id is not reused meanwhile)."""
    global _LAST
    if _LAST is None or _LAST.doc is not doc or len(_LAST._starts) != len(doc):
        _LAST = TokenBounds(doc)
    return _LAST


def expand_span(doc: Doc, start: int, end: int) -> Span | None:
    """``doc.char_span(start, end, alignment_mode="expand")``, answered from the doc's
    ``token_bounds``."""
    return token_bounds(doc).span(start, end)


_LAST: TokenBounds | None = None


def dateline_tokens(article: Article, doc: Doc) -> frozenset[int]:
    """The tokens of the article's dateline ("HANOI, Vietnam (AP) —"), from its place up
    to the dash that ends it, when the dateline opens a sentence: they name where the story
    was filed, never a party (the coder's roles) nor an antecedent (coreference).

    Tests: ``test_coder_takes_the_subject_after_the_dateline``,
    ``test_the_datelines_outlet_is_never_what_it_refers_to``.
    """
    if article.dateline is None:
        return frozenset()
    span = expand_span(doc, article.dateline.start, article.dateline.end)
    if span is None or span.start != span.sent.start:
        return frozenset()
    limit = min(span.sent.end, span.end + DATELINE_MAX_TOKENS)
    for tok in doc[span.end : limit]:
        if tok.text in DATELINE_DASHES:
            return frozenset(range(span.start, tok.i + 1))
    return frozenset()
