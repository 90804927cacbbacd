"""The article reader's text: every annotation highlighted in its own element (issue 14).

``highlight(article)`` turns the ``dateline extract`` object of an article into markup: the
text, escaped, with one ``<mark>`` a highlighted span carrying ``data-kind`` (actor, event,
place, time, quote, speaker), ``data-start`` and ``data-end`` (its offsets in the text, as
docs/OUTPUT.md says) and a title saying what it is. Spans nest (an actor inside a quotation);
a span that crosses another is cut where the other ends, each piece carrying its own offsets
and the annotation's ``data-ref``. The first piece of each annotation has the ``id`` the side
panel links to, so a click scrolls to it without script.

Every piece of text and every attribute goes through ``markupsafe`` escaping: the article's
text is never markup, whatever it holds.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field, replace
from typing import Any

from markupsafe import Markup, escape

__all__ = ["KINDS", "Annotation", "annotations_of", "highlight"]

# The kinds, outermost first when two spans are the same (a quotation holds its actors).
KINDS = ("quote", "speaker", "event", "actor", "place", "time")


@dataclass(frozen=True)
class Annotation:
    """One highlighted span: its kind, offsets, what it says, and the id it is linked by."""

    kind: str
    start: int
    end: int
    label: str
    ref: str


@dataclass
class _Node:
    note: Annotation
    children: list[_Node] = field(default_factory=list)


def _code(actor: dict[str, Any] | None) -> str:
    return str(actor.get("code") or "") if actor else ""


def annotations_of(article: dict[str, Any]) -> list[Annotation]:
    """The spans of an article object to highlight: mentions with an actor, event triggers,
    places, times, quotations (each part of a mixed one) and speakers."""
    notes: list[Annotation] = []
    for i, m in enumerate(article.get("mentions", []), 1):
        if m.get("actor"):
            label = f"actor {_code(m['actor'])}: {m['actor'].get('name') or ''}".strip(": ")
            notes.append(Annotation("actor", m["start"], m["end"], label, f"actor-{i}"))
    for e in article.get("events", []):
        trigger = e.get("trigger") or {}
        if trigger.get("start") is None:
            continue
        who = f"{_code(e.get('source')) or '---'} → {_code(e.get('target')) or '---'}"
        label = f"event {e['cameo']} ({(e.get('plover') or {}).get('type') or '-'}): {who}"
        notes.append(
            Annotation("event", trigger["start"], trigger["end"], label, f"event-{e['id']}")
        )
    for i, p in enumerate(article.get("places", []), 1):
        label = f"place: {p.get('name')}, {p.get('country') or '?'}"
        notes.append(Annotation("place", p["start"], p["end"], label, f"place-{i}"))
    for i, t in enumerate(article.get("times", []), 1):
        label = f"time: {t.get('value')} ({t.get('precision')})"
        notes.append(Annotation("time", t["start"], t["end"], label, f"time-{i}"))
    for q in article.get("quotes", []):
        parts = q.get("parts") or [{"start": q["start"], "end": q["end"]}]
        for part in parts:
            label = f"quotation {q['id']} ({q.get('kind')})"
            notes.append(Annotation("quote", part["start"], part["end"], label, f"quote-{q['id']}"))
        speaker = q.get("speaker")
        if speaker and speaker.get("start") is not None:
            who = "anonymous source" if speaker.get("anonymous") else "speaker"
            label = f"{who} of {q['id']}: {_code(speaker.get('actor')) or speaker.get('text')}"
            notes.append(
                Annotation("speaker", speaker["start"], speaker["end"], label, f"speaker-{q['id']}")
            )
    return notes


def _nest(notes: list[Annotation], length: int) -> list[_Node]:
    """The spans as a tree: each inside the one it lies in; one crossing the span it starts
    in is cut at that span's end and its rest placed after it."""
    heap: list[tuple[int, int, int, int, Annotation]] = []
    for seq, note in enumerate(notes):
        start, end = max(0, note.start), min(length, note.end)
        if start < end:
            item = replace(note, start=start, end=end)
            heapq.heappush(heap, (start, -end, KINDS.index(note.kind), seq, item))
    roots: list[_Node] = []
    stack: list[_Node] = []
    seq = len(notes)
    while heap:
        _, _, order, _, note = heapq.heappop(heap)
        while stack and stack[-1].note.end <= note.start:
            stack.pop()
        if stack and note.end > stack[-1].note.end:
            cut = stack[-1].note.end
            seq += 1
            heapq.heappush(heap, (cut, -note.end, order, seq, replace(note, start=cut)))
            note = replace(note, end=cut)
        node = _Node(note)
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots


def _render(text: str, nodes: list[_Node], start: int, end: int, seen: set[str]) -> Markup:
    out = Markup()
    at = start
    for node in nodes:
        note = node.note
        out += escape(text[at : note.start])
        anchor = Markup("")
        if note.ref not in seen:
            seen.add(note.ref)
            anchor = Markup(' id="{}"').format(note.ref)
        out += Markup(
            '<mark class="hl hl-{kind}"{anchor} data-kind="{kind}" data-start="{start}" '
            'data-end="{end}" data-ref="{ref}" title="{label}">'
        ).format(
            kind=note.kind, anchor=anchor, start=note.start, end=note.end, ref=note.ref,
            label=note.label,
        )  # fmt: skip
        out += _render(text, node.children, note.start, note.end, seen)
        out += Markup("</mark>")
        at = note.end
    return out + escape(text[at:end])


def highlight(article: dict[str, Any]) -> Markup:
    """The article's text as markup with every annotation highlighted."""
    text: str = article["article"]["text"]
    roots = _nest(annotations_of(article), len(text))
    return _render(text, roots, 0, len(text), set())
