"""A reader for BRAT standoff annotation (``.ann`` beside its ``.txt``), all of the format.

BRAT's standoff lines (brat.nlplab.org/standoff.html):

- ``T1<TAB>Type 0 5;10 15<TAB>covered text``: a text-bound span, discontinuous when its
  offsets hold several ``start end`` pairs (the covered text joins the pieces with a space);
- ``E1<TAB>Type:T1 Role:T2 Role2:T3``: an event, its trigger then its arguments (a role may
  carry a number when it repeats: ``Content2``);
- ``R1<TAB>Type Arg1:T1 Arg2:T2``: a relation; ``*<TAB>Equiv T1 T2``: an equivalence;
- ``A1<TAB>Name E1 [value]`` (also ``M1``): an attribute of a span or an event;
- ``N1<TAB>Reference T1 db:id<TAB>text``: a normalisation;
- ``#1<TAB>AnnotatorNotes T1<TAB>note``: a note.

Type and role names are any run of non-space characters: BRAT allows hyphens
(``Attribution-no-source``). A span whose offsets do not cover its own text (an ``.ann`` file
written against a slightly different ``.txt``) is moved to the nearest place where the text
does occur, and counted in ``realigned``; one whose text occurs nowhere keeps its offsets and
is counted in ``misaligned``. A line that is no BRAT line at all stops the reader (E080): the
file is not standoff annotation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import E_BRAT_LINE, EvalError
from .align import realign_spans

Spans = list[tuple[int, int]]

_SPAN = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t(.*))?$")
_EVENT = re.compile(r"^(E\d+)\t(\S+?):(\S+)((?: +\S+:\S+)*) *$")
_RELATION = re.compile(r"^(R\d+)\t(\S+)((?: +\S+:\S+)+) *$")
_EQUIV = re.compile(r"^\*\t(\S+)((?: +\S+)+) *$")
_ATTRIBUTE = re.compile(r"^([AM]\d+)\t(\S+) (\S+)(?: (\S+))? *$")
_NORMALISATION = re.compile(r"^(N\d+)\t(\S+) (\S+) (\S+)(?:\t(.*))?$")
_NOTE = re.compile(r"^(#\d*)\t(\S+) (\S+)(?:\t(.*))?$")


@dataclass(slots=True)
class BratSpan:
    """A text-bound annotation: its type, its pieces and the text it covers."""

    id: str
    type: str
    spans: Spans
    text: str


@dataclass(slots=True)
class BratEvent:
    """An event: its type, the span that triggers it and its (role, id) arguments."""

    id: str
    type: str
    trigger: str
    arguments: list[tuple[str, str]] = field(default_factory=list)

    def role(self, name: str) -> list[str]:
        """The ids filling role ``name`` or a numbered repeat of it (``Content2``)."""
        return [ref for role, ref in self.arguments if role.rstrip("0123456789") == name]


@dataclass(slots=True)
class BratDocument:
    """Everything one ``.ann`` file says, and how well its offsets fitted the text."""

    spans: dict[str, BratSpan] = field(default_factory=dict)
    events: dict[str, BratEvent] = field(default_factory=dict)
    relations: dict[str, tuple[str, list[tuple[str, str]]]] = field(default_factory=dict)
    equivalences: list[list[str]] = field(default_factory=list)
    attributes: dict[str, dict[str, str]] = field(default_factory=dict)  # id -> name: value
    normalisations: dict[str, list[str]] = field(default_factory=dict)  # id -> references
    notes: dict[str, list[str]] = field(default_factory=dict)  # id -> notes
    realigned: int = 0
    misaligned: int = 0


def read_brat_document(path: Path, text: str | None = None) -> BratDocument:
    """Read one ``.ann`` file; ``text`` (default: the ``.txt`` beside it) re-aligns spans."""
    if text is None:
        txt = path.with_suffix(".txt")
        text = txt.read_text(encoding="utf-8") if txt.exists() else None
    document = BratDocument()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        if not _read_line(line.rstrip("\r"), document, text):
            raise EvalError(E_BRAT_LINE.format(path=path, line=n, text=line))
    return document


def _read_line(line: str, document: BratDocument, text: str | None) -> bool:
    """Add one line to ``document``; False when it is no BRAT line."""
    if m := _SPAN.match(line):
        pieces = [(int(a), int(b)) for a, b in (p.split() for p in m.group(3).split(";"))]
        covered = m.group(4) or ""
        if text is not None and covered:
            pieces, moved = realign_spans(text, pieces, covered)
            document.realigned += moved == "moved"
            document.misaligned += moved == "lost"
        document.spans[m.group(1)] = BratSpan(m.group(1), m.group(2), pieces, covered)
    elif m := _EVENT.match(line):
        args = [tuple(a.split(":", 1)) for a in m.group(4).split()]
        event = BratEvent(m.group(1), m.group(2), m.group(3), [(r, i) for r, i in args])
        document.events[m.group(1)] = event
    elif m := _RELATION.match(line):
        args = [tuple(a.split(":", 1)) for a in m.group(3).split()]
        document.relations[m.group(1)] = (m.group(2), [(r, i) for r, i in args])
    elif m := _EQUIV.match(line):
        document.equivalences.append(m.group(2).split())
    elif m := _ATTRIBUTE.match(line):
        document.attributes.setdefault(m.group(3), {})[m.group(2)] = m.group(4) or "true"
    elif m := _NORMALISATION.match(line):
        document.normalisations.setdefault(m.group(3), []).append(m.group(4))
    elif m := _NOTE.match(line):
        document.notes.setdefault(m.group(3), []).append(m.group(4) or "")
    elif line.startswith("#"):
        pass  # a comment line of some BRAT exports
    else:
        return False
    return True
