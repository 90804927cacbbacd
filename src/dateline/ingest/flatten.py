"""Deeply nested HTML flattened before parsing, its text kept.

libxml2 (under lxml, trafilatura and htmldate) stops building the tree at 255 levels of
nesting and drops everything deeper (2,047 with ``huge_tree``), so a page nested that deep
lost its text (issue 9). Tags deeper than ``max_html_depth`` are dropped here instead, with
their text: a block tag dropped leaves a ``<br>`` so paragraphs stay apart. The scan is a loop
over the tags with a stack, no recursion, so no depth is too deep for it.
"""

from __future__ import annotations

import re

from .lexicon import HTML_AUTO_CLOSED, HTML_BLOCK_TAGS, HTML_RAW_TEXT_TAGS, HTML_VOID_TAGS

# A comment, a raw-text element with its content (script, style, ...), a doctype or
# processing instruction, or a start or end tag.
_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<(?P<raw>script|style|textarea|title|xmp|iframe|noembed|noframes|plaintext)\b"
    r"[^>]*>.*?(?:</(?P=raw)\s*>|\Z)"
    r"|<[!?][^>]*>"
    # Attributes are read up to the first ">", quotes or not: a tag cut short there only
    # turns the rest of it into text, and no quote can make the scan go back and forth.
    r"|<(?P<end>/)?(?P<name>[A-Za-z][A-Za-z0-9:-]*)(?P<attrs>[^>]*)>",
    re.S | re.I,
)


def flatten_deep_html(html: str, max_depth: int) -> str:
    """The page with the tags nested deeper than ``max_depth`` dropped (their text kept).

    Depth counts open elements as a browser would keep them, roughly: void tags (``<br>``,
    ``<img>``) and self-closed ones open nothing, and a ``<p>``, ``<li>``, ``<td>`` ... closes
    an open one of its kind. A page within the limit is returned unchanged.
    """
    if html.count("<") <= max_depth:
        return html  # too few tags to nest that deep
    stack: list[tuple[str, bool]] = []  # (tag name, kept)
    edits: list[tuple[int, int, str]] = []
    last_block_end = -1
    for match in _TOKEN.finditer(html):
        name = match.group("name")
        if name is None:
            continue  # comment, raw-text element, doctype: no nesting of their own
        name = name.lower()
        if name in HTML_RAW_TEXT_TAGS or name in HTML_VOID_TAGS:
            continue
        if match.group("end"):
            kept = _close(stack, name)
            if kept is False:
                last_block_end = _drop(edits, match, name, last_block_end)
            continue
        if match.group("attrs").rstrip().endswith("/"):
            continue  # <svg/>, <x />: self-closed
        if name in HTML_AUTO_CLOSED and stack and stack[-1][0] == name:
            stack.pop()  # a new <p> ends the open <p>
        if len(stack) >= max_depth:
            stack.append((name, False))
            last_block_end = _drop(edits, match, name, last_block_end)
        else:
            stack.append((name, True))
    if not edits:
        return html
    pieces: list[str] = []
    pos = 0
    for start, end, replacement in edits:
        pieces.append(html[pos:start])
        pieces.append(replacement)
        pos = end
    pieces.append(html[pos:])
    return "".join(pieces)


def _close(stack: list[tuple[str, bool]], name: str) -> bool | None:
    """Pop the open element ``name`` and those inside it; whether it was kept (None: not open)."""
    for i in range(len(stack) - 1, -1, -1):
        if stack[i][0] == name:
            kept = stack[i][1]
            del stack[i:]
            return kept
    return None


def _drop(edits: list[tuple[int, int, str]], match: re.Match[str], name: str, last: int) -> int:
    """Record the tag's removal: a block tag leaves one ``<br>`` for a run of them.

    ``last`` is where the run of dropped block tags ended so far; the new end is returned.
    """
    start, end = match.span()
    if name not in HTML_BLOCK_TAGS:
        edits.append((start, end, ""))
        return last
    edits.append((start, end, "" if start == last else "<br>"))
    return end
