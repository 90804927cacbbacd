"""Direct quotations found from their quotation marks, paired paragraph by paragraph.

Straight (``"``) and curly (``“ ”``, ``„``, ``« »``) double marks are paired inside each
paragraph. A paragraph that opens a quotation without closing it continues in the next
paragraph when that one opens with a quotation mark (the newspaper convention), so one
quotation may hold several segments, kept as ``Quote.parts``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = frozenset("“„«")
CLOSING = frozenset("”»")
STRAIGHT = frozenset('"')
# Two apostrophes stand for a double mark in some archives ("''We will win,'' he said").
_MARK = re.compile(r"''|[\"“”„«»]")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_NEWLINE = re.compile(r"\n\s*")


@dataclass(slots=True)
class Segment:
    """The text between one opening mark and its closing mark (or the paragraph end)."""

    open: int  # offset of the opening mark
    close: int | None  # offset of the closing mark; None when the paragraph ends first
    start: int  # content start (after the mark, whitespace trimmed)
    end: int  # content end, exclusive
    paragraph: int

    @property
    def outer_end(self) -> int:
        """The offset just after the closing mark (or the content end when unclosed)."""
        return self.close + 1 if self.close is not None else self.end


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blank-line separated, or line separated if none."""
    splitter = _BLANK_LINE if _BLANK_LINE.search(text) else _NEWLINE
    spans = []
    pos = 0
    for m in splitter.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return [_strip(text, s, e) for s, e in spans if text[s:e].strip()]


def find_segments(text: str, paragraphs: list[tuple[int, int]]) -> list[Segment]:
    """Every quoted segment, in text order."""
    segments: list[Segment] = []
    for p, (p_start, p_end) in enumerate(paragraphs):
        open_at: int | None = None
        for m in _MARK.finditer(text, p_start, p_end):
            mark, at = m.group(), m.start()
            last = m.end() - 1  # the mark's last character ("''" is two)
            if open_at is None:
                if mark in CLOSING:
                    continue  # a stray closing mark
                open_at = last
            elif mark in OPENING and not _closes(text, at):
                # A new quotation opens before the last one closed: end the last one here.
                segments.append(_segment(text, open_at, None, at, p))
                open_at = last
            else:
                segments.append(_segment(text, open_at, last, at, p))
                open_at = None
        if open_at is not None:
            segments.append(_segment(text, open_at, None, p_end, p))
    return [s for s in segments if s.end > s.start]


def chain_segments(
    text: str, segments: list[Segment], paragraphs: list[tuple[int, int]]
) -> list[list[Segment]]:
    """Group segments into quotations: an unclosed one continues in the next paragraph."""
    chains: list[list[Segment]] = []
    for seg in segments:
        if chains:
            last = chains[-1][-1]
            if (
                last.close is None
                and seg.paragraph == last.paragraph + 1
                and seg.open == paragraphs[seg.paragraph][0]
            ):
                chains[-1].append(seg)
                continue
        chains.append([seg])
    return chains


def _closes(text: str, at: int) -> bool:
    """A mis-typed opening mark used as a closing one (followed by space or punctuation)."""
    nxt = text[at + 1 : at + 2]
    return nxt == "" or nxt.isspace() or nxt in ".,;:!?)"


def _segment(text: str, open_at: int, close_at: int | None, end: int, paragraph: int) -> Segment:
    start, end = _strip(text, open_at + 1, end)
    return Segment(open_at, close_at, start, end, paragraph)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
