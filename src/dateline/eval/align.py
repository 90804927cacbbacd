"""Gold spans whose offsets miss their own text, moved to the nearest place that holds it.

Gold files are written against one copy of a text and read against another (a byte-order
mark dropped, line ends changed, a character encoded twice): every gold reader checks that
a span's offsets cover the text the span says it covers and, when they do not, moves the
span to the nearest occurrence of that text. The readers count both outcomes, ``moved``
and ``lost`` (the text occurs nowhere: the offsets are kept).
"""

from __future__ import annotations

from typing import Literal

Alignment = Literal["ok", "moved", "lost"]


def nearest_occurrence(text: str, needle: str, near: int) -> int | None:
    """The start of the occurrence of ``needle`` in ``text`` nearest to offset ``near``."""
    if not needle:
        return None
    best: int | None = None
    at = text.find(needle)
    while at != -1:
        if best is None or abs(at - near) < abs(best - near):
            best = at
        if at > near:
            break  # later ones are further away
        at = text.find(needle, at + 1)
    return best


def realign(text: str, start: int, end: int, expected: str) -> tuple[int, int, Alignment]:
    """``(start, end)`` moved to the nearest occurrence of ``expected`` when they miss it."""
    if text[start:end] == expected or not expected:
        return start, end, "ok"
    at = nearest_occurrence(text, expected, start)
    if at is None:
        # Whitespace written differently ("a\r\nb" against "a\nb"): compare without it.
        squeezed = " ".join(expected.split())
        if squeezed != expected and " ".join(text[start:end].split()) == squeezed:
            return start, end, "ok"
        return start, end, "lost"
    return at, at + len(expected), "moved"


def realign_spans(
    text: str, pieces: list[tuple[int, int]], covered: str
) -> tuple[list[tuple[int, int]], Alignment]:
    """The pieces of a (possibly discontinuous) span re-aligned to the text they cover.

    BRAT writes the covered text of a discontinuous span as its pieces joined by a space, so
    each piece's own text is cut from ``covered`` by the pieces' lengths.
    """
    if " ".join(text[s:e] for s, e in pieces) == covered:
        return pieces, "ok"
    lengths = [e - s for s, e in pieces]
    if len(pieces) == 1 or sum(lengths) + len(pieces) - 1 != len(covered):
        if len(pieces) > 1:
            return pieces, "lost"
        start, end, alone = realign(text, pieces[0][0], pieces[0][1], covered)
        return [(start, end)], alone
    out: list[tuple[int, int]] = []
    status: Alignment = "ok"
    at = 0
    for (start, end), length in zip(pieces, lengths, strict=True):
        fragment = covered[at : at + length]
        at += length + 1
        new_start, new_end, piece_status = realign(text, start, end, fragment)
        out.append((new_start, new_end))
        if piece_status == "lost":
            return pieces, "lost"
        if piece_status == "moved":
            status = "moved"
    return out, status
