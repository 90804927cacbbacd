"""Plain text: page furniture dropped by general rules, title and outlet read, offsets kept.

An archived page saved as text starts with a header (site name, menus, the headline with a
" | SITE NAME" suffix, byline, date) and may end with a footer (share buttons, cookie and
copyright lines). The article text starts at the first paragraph or dateline; the header's
last headline-like line is the title. ``offset_map`` maps every character of the cleaned text
back to the input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Dateline, PublishedDate
from .lexicon import (
    BYLINE_PREFIXES,
    FURNITURE_CUES,
    FURNITURE_SHORT_CUES,
    MENU_SEPARATORS,
    NAV_LINES,
)
from .metadata import DatelineMatch, find_dateline, is_date_line, parse_date_line, split_title

# How far down the header may run before the text is taken to have none.
MAX_HEADER_LINES = 25
# Lines of at most this many words are checked against the weaker furniture cues.
SHORT_LINE_WORDS = 8
# Paragraphs that may open with the dateline: a headline and a standfirst may come first.
DATELINE_PARAGRAPHS = 3
# How far into a paragraph a headline run into the story's first line may reach.
HEADLINE_CHARS = 200
_SENTENCE_THEN_CAPITALS = re.compile(r"[.!?]\s+(?=[A-Z]{3})")
_LINE = re.compile(r"[^\r\n]*")
_MENU_SPLIT = re.compile(rf"\s*(?:[{re.escape(MENU_SEPARATORS)}]|\s>\s|::)\s*")
_NORMALISE = re.compile(r"^[\s\-–—•*·>#]+|[\s:.!…\-–—]+$")
_SENTENCE_END = tuple('.!?"”’)…')


@dataclass(slots=True)
class CleanText:
    """The cleaned text of a plain-text article and what its header told."""

    text: str
    offset_map: list[int]
    title: str | None = None
    outlet: str | None = None
    dateline: Dateline | None = None
    published: PublishedDate | None = None
    dropped: list[str] = field(default_factory=list)


def split_lines(raw: str) -> list[tuple[int, int]]:
    """(start, end) of every line of ``raw``, without its line break (\\n, \\r\\n or \\r)."""
    lines = []
    pos = 0
    n = len(raw)
    while pos <= n:
        match = _LINE.match(raw, pos)
        assert match is not None  # the pattern matches the empty string
        lines.append((pos, match.end()))
        pos = match.end()
        if pos >= n:
            break
        pos += 2 if raw.startswith("\r\n", pos) else 1
    return lines


def _normalise(line: str) -> str:
    return _NORMALISE.sub("", line).lower()


def is_menu_line(line: str) -> bool:
    """ "Home | News | Sport", "Home > World > Middle East": items too short to be prose."""
    stripped = line.strip()
    if stripped.startswith("|") and stripped.endswith("|"):
        return False  # a table row, not a menu
    parts = [p for p in _MENU_SPLIT.split(stripped) if p]
    if len(parts) < 2 or any(p.rstrip().endswith((".", "?", "!")) for p in parts):
        return False
    lengths = [len(p.split()) for p in parts]
    if len(parts) >= 3:
        return max(lengths) <= 4
    return sum(lengths) <= 4


def is_furniture_line(line: str) -> bool:
    """Navigation, menus, share buttons, cookie, copyright and newsletter lines."""
    key = _normalise(line)
    if not key:
        return False
    if key in NAV_LINES or is_menu_line(line):
        return True
    words = len(key.split())
    if words <= 30 and any(cue in key for cue in FURNITURE_CUES):
        return True
    if words <= SHORT_LINE_WORDS and any(cue in key for cue in FURNITURE_SHORT_CUES):
        return True
    return key.startswith("©") or key.startswith("(c) ")


def is_byline(line: str) -> bool:
    """ "By Jane Doe", "By Jane Doe and John Roe, Staff Writers"."""
    key = line.strip().lower()
    if not key.startswith(BYLINE_PREFIXES) or len(key.split()) > 8:
        return False
    return not key.rstrip().endswith((".", "?", "!")) or len(key.split()) <= 4


def is_paragraph(line: str) -> bool:
    """A line of running prose (the body starts at the first one)."""
    stripped = line.strip()
    words = len(stripped.split())
    if words >= 30 or (words >= 6 and stripped.endswith(_SENTENCE_END)):
        return True
    # A short sentence ("Iraq votes today.") is prose too: headlines do not end in a full stop.
    return words >= 3 and stripped.endswith(".") and not stripped.endswith("..")


def clean_text(raw: str) -> CleanText:
    """Drop the header and furniture of a plain-text article; read its title and outlet."""
    lines = split_lines(raw)
    body_start: int | None = None
    title_lines: list[int] = []
    published: PublishedDate | None = None
    seen = 0
    for i, (start, end) in enumerate(lines):
        line = raw[start:end].strip()
        if not line:
            continue
        seen += 1
        if seen > MAX_HEADER_LINES:
            break
        if is_furniture_line(line) or is_byline(line):
            continue
        if is_date_line(line):
            published = published or parse_date_line(line)
            continue
        if is_paragraph(line) or _opens_with_dateline(line):
            body_start = i
            break
        title_lines.append(i)
    if body_start is None:
        # No prose found near the top: the whole text is the article, without a title.
        body_start, title_lines = 0, []

    kept: list[int] = []
    dropped: list[str] = []
    for i in range(body_start, len(lines)):
        start, end = lines[i]
        line = raw[start:end].strip()
        if not line:
            continue
        if is_furniture_line(line):
            dropped.append(line)
            continue
        kept.append(i)

    text, offset_map = _assemble(raw, lines, kept)
    result = CleanText(text, offset_map, published=published, dropped=dropped)
    dateline_match = find_dateline_near_start(text)
    if dateline_match is not None:
        result.dateline = dateline_match.dateline
        result.outlet = dateline_match.outlet
        result.published = result.published or dateline_match.published
    if title_lines:
        chosen = _choose_title_line(raw, lines, title_lines)
        title, site = split_title(raw[slice(*lines[chosen])], result.outlet)
        result.title = title or None
        result.outlet = result.outlet or site
        if result.outlet is None:
            result.outlet = _site_from_header(raw, lines, title_lines)
    return result


def find_dateline_near_start(text: str) -> DatelineMatch | None:
    """The dateline opening one of the first paragraphs: the story's first, after a
    headline and a standfirst when the text keeps them ("E.U. leaders weigh plans ...",
    "After Brexit, the bloc aims ...", "BRUSSELS - European leaders gathered ...")."""
    start = 0
    for _ in range(DATELINE_PARAGRAPHS):
        match = find_dateline(text, start) or _dateline_after_headline(text, start)
        if match is not None:
            return match
        start = text.find("\n", start)
        if start < 0:
            return None
        start = len(text) - len(text[start:].lstrip())
    return None


def _dateline_after_headline(text: str, start: int) -> DatelineMatch | None:
    """A dateline in capitals after a headline run into the same line ("Madison will dump
    assessors . DANIELSVILLE - Madison County commissioners voted ..."), in the paragraph's
    first ``HEADLINE_CHARS`` characters."""
    end = text.find("\n", start)
    line = text[start : end if end >= 0 else len(text)][:HEADLINE_CHARS]
    for found in _SENTENCE_THEN_CAPITALS.finditer(line):
        match = find_dateline(text, start + found.end())
        if match is not None and text[match.dateline.start : match.dateline.end].isupper():
            return match
    return None


def _choose_title_line(raw: str, lines: list[tuple[int, int]], candidates: list[int]) -> int:
    """The headline among the header's lines: the last page-title line ("Title | Site"),
    else the last line of three words or more, else the last line."""
    with_site = [i for i in candidates if split_title(raw[slice(*lines[i])])[1]]
    if with_site:
        return with_site[-1]
    long_lines = [i for i in candidates if len(raw[slice(*lines[i])].split()) >= 3]
    return (long_lines or candidates)[-1]


def _opens_with_dateline(line: str) -> bool:
    # "Obama Visits Iraq - BBC News" is a title line: a dateline is followed by the story.
    match = find_dateline(line)
    return match is not None and len(line[match.end :].split()) >= 6


def _site_from_header(raw: str, lines: list[tuple[int, int]], header: list[int]) -> str | None:
    for i in header:
        _, site = split_title(raw[slice(*lines[i])])
        if site and len(site.split()) <= 4:
            return site
    return None


def _assemble(raw: str, lines: list[tuple[int, int]], kept: list[int]) -> tuple[str, list[int]]:
    """Join the kept lines (stripped) with the input's paragraph breaks; map every char back."""
    pieces: list[str] = []
    offset_map: list[int] = []
    previous: int | None = None
    for i in kept:
        start, end = lines[i]
        line = raw[start:end]
        lead = len(line) - len(line.lstrip())
        content = line.strip()
        if previous is not None:
            separator = "\n" if i == previous + 1 else "\n\n"
            newline_at = lines[previous][1]  # the line break after the previous kept line
            pieces.append(separator)
            offset_map.extend([newline_at] * len(separator))
        pieces.append(content)
        offset_map.extend(range(start + lead, start + lead + len(content)))
        previous = i
    return "".join(pieces), offset_map
