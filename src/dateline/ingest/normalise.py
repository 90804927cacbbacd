"""Unicode normalisation before parsing: NFC, invisible format characters removed, C1
control characters read as the Windows-1252 punctuation they stood for, offsets kept.

Zero-width joiners, right-to-left marks, soft hyphens and BOMs cut words in two for the
tokenizer and the dictionaries ("Is\u200drael" is no actor), so a text full of them gave no
events (issue 9). They are removed, and the text is composed (NFC: "e" + U+0301 -> "é"), with a
map from every character of the result back to the character of the input it came from.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex

# Every format character (Unicode category Cf: ZWJ, ZWNJ, ZWSP, word joiner, BOM, LRM/RLM/ALM,
# bidi embeddings, overrides and isolates, soft hyphen, invisible operators, tag characters),
# except the prepended concatenation marks: they are Cf but drawn (the Arabic number sign
# U+0600, the end of ayah U+06DD, the Syriac abbreviation mark U+070F, ...).
INVISIBLE_CHARS = regex.compile(
    r"[\p{Cf}--[\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\U000110BD\U000110CD]]+", regex.V1
)
# A character and what may join it under NFC: combining marks (ccc > 0), characters that may
# compose with the one before them (NFC_Quick_Check=Maybe: U+0301, the Hangul vowel jamo,
# U+0DCF after U+0DD9) and characters NFC replaces (NFC_Quick_Check=No: U+2126, U+0F73); or
# one such replaced character alone.
COMPOSING_CLUSTER = regex.compile(
    r"(?s).[\p{^ccc=0}\p{NFC_QC=M}\p{NFC_QC=N}]+|\p{NFC_QC=N}", regex.V1
)


def _c1_table() -> dict[int, str]:
    table = {}
    for code in range(0x80, 0xA0):
        try:
            table[code] = bytes([code]).decode("cp1252")
        except UnicodeDecodeError:
            continue  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: no character in Windows-1252
    return table


# C1 control characters (U+0080-U+009F) are never text: where a page or corpus has them, it was
# Windows-1252 read as Latin-1, and U+0097 was an em dash, U+0093/U+0094 quotation marks
# ("The men \u0097 49-year-old Christopher Marshall ..."). Each is read as the character it
# stood for: one character for one, so offsets do not move.
C1_AS_CP1252 = _c1_table()
_C1 = regex.compile("[" + "".join(chr(code) for code in C1_AS_CP1252) + "]")


@dataclass(slots=True)
class Normalised:
    """A normalised text and, when it differs from the input, where each character came from.

    ``offset_map[i]`` is the offset in the input of character ``i`` of ``text``; None when the
    text is the input unchanged.
    """

    text: str
    offset_map: list[int] | None = None


def normalise_text(raw: str) -> Normalised:
    """The text in NFC without invisible format characters, C1 controls read as Windows-1252,
    with its map back to ``raw``."""
    if _C1.search(raw) is not None:
        inner = normalise_text(raw.translate(C1_AS_CP1252))
        # One character for one: the map into the translated text is the map into ``raw``.
        return Normalised(inner.text, inner.offset_map or list(range(len(raw))))
    if unicodedata.is_normalized("NFC", raw) and INVISIBLE_CHARS.search(raw) is None:
        return Normalised(raw)
    visible, visible_map = _drop_invisible(raw)
    if unicodedata.is_normalized("NFC", visible):
        return Normalised(visible, visible_map)
    composed, composed_map = _compose(visible)
    return Normalised(composed, [visible_map[j] for j in composed_map])


def normalise_line(text: str | None) -> str | None:
    """A short field (a title, an outlet) normalised the same way, without a map."""
    if text is None:
        return None
    return unicodedata.normalize("NFC", INVISIBLE_CHARS.sub("", text.translate(C1_AS_CP1252)))


def compose_maps(outer: list[int] | None, inner: list[int] | None) -> list[int] | None:
    """The map of a text cleaned twice: ``outer`` into the middle text, ``inner`` into the input.

    None stands for "unchanged" on either side.
    """
    if inner is None:
        return outer
    if outer is None:
        return inner
    return [inner[j] for j in outer]


def _drop_invisible(raw: str) -> tuple[str, list[int]]:
    pieces: list[str] = []
    offset_map: list[int] = []
    pos = 0
    for match in INVISIBLE_CHARS.finditer(raw):
        pieces.append(raw[pos : match.start()])
        offset_map.extend(range(pos, match.start()))
        pos = match.end()
    pieces.append(raw[pos:])
    offset_map.extend(range(pos, len(raw)))
    return "".join(pieces), offset_map


def _compose(text: str) -> tuple[str, list[int]]:
    """NFC with a map back: each cluster that composition changes is composed on its own, and
    its characters map into the cluster.

    A cluster is a character and the marks that may join it (``COMPOSING_CLUSTER``); every
    other character is a starter that nothing before it combines with or is reordered across,
    so composing the clusters one by one gives the NFC of the whole text. Should it ever not
    (a Unicode version apart between ``regex`` and ``unicodedata``), the text is left
    uncomposed rather than mismapped.
    """
    pieces: list[str] = []
    offset_map: list[int] = []
    pos = 0
    for match in COMPOSING_CLUSTER.finditer(text):
        cluster = match.group()
        composed = unicodedata.normalize("NFC", cluster)
        if composed == cluster:
            continue
        start, end = match.span()
        pieces.append(text[pos:start])
        offset_map.extend(range(pos, start))
        pieces.append(composed)
        last = end - start - 1
        offset_map.extend(start + min(k, last) for k in range(len(composed)))
        pos = end
    pieces.append(text[pos:])
    offset_map.extend(range(pos, len(text)))
    result = "".join(pieces)
    if result != unicodedata.normalize("NFC", text):
        return text, list(range(len(text)))
    return result, offset_map
