"""``dateline eval tempeval DIR``: time expressions scored against TimeML gold (TempEval-3).

The gold is a folder of ``.tml`` files (or one file): the document creation time in
``<DCT><TIMEX3 functionInDocument="CREATION_TIME" value=...>`` and inline ``<TIMEX3 tid type
value>`` elements in ``<TEXT>``. The tags are stripped to give the text (gold offsets are
offsets into it), which goes through the pipeline's spaCy pass and ``find_times`` with the
DCT as the publication date.

Scores, as TempEval-3 counts them:

- ``timex``: precision, recall and F1 of the spans, a found expression matching a gold one
  when they overlap (relaxed match; one-to-one, in text order);
- ``timex_strict``: the same with exact spans;
- ``value_accuracy`` and ``type_accuracy``: over the matched pairs, the share with the gold
  value (type);
- ``value_f1``: F1 of the expressions with a relaxed span match and the gold value.

Values are compared in one canonical spelling (issue 11), since gold files write the same
value several ways: week numbers padded ("2000-W7" is "2000-W07"), unspecified trailing
parts dropped ("1968-XX" and "1968-XX-XX" are "1968"), a decade's placeholder dropped
("198X" is "198"). ``value_exact`` gives the F1 with the values compared as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from ..errors import E_TML_EMPTY, E_TML_MISSING, E_TML_NO_TEXT, E_TML_PARSE, EvalError
from ..model import Article, PublishedDate, TimeExpr
from ..nlp import load_nlp
from ..settings import Settings
from ..timex import find_times
from . import prf


@dataclass(slots=True)
class GoldTimex:
    """One gold TIMEX3: its span of the stripped text, type and value."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(slots=True)
class TimeMLDocument:
    """A TimeML file: its name, DCT, the text of ``<TEXT>`` without tags, and its TIMEX3s."""

    name: str
    dct: str | None
    text: str
    timexes: list[GoldTimex] = field(default_factory=list)
    skipped: int = 0  # TIMEX3 elements that mark no text (issue 11: counted, not fatal)


def read_timeml(path: Path) -> TimeMLDocument:
    """Read one ``.tml`` file: the DCT, the tag-free text and the gold TIMEX3 spans."""
    try:
        root = ET.fromstring(path.read_bytes())
    except (ET.ParseError, OSError) as e:
        raise EvalError(E_TML_PARSE.format(path=path, error=e)) from e
    text_element = root.find(".//TEXT")
    if text_element is None:
        raise EvalError(E_TML_NO_TEXT.format(path=path))
    dct = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = _iso_date(timex.get("value", ""))
            break
    pieces: list[str] = []
    length = 0
    timexes: list[GoldTimex] = []
    skipped = 0

    def add(text: str | None) -> None:
        nonlocal length
        if text:
            pieces.append(text)
            length += len(text)

    def walk(element: ET.Element) -> None:
        nonlocal skipped
        start = length
        add(element.text)
        for child in element:
            walk(child)
            add(child.tail)
        if element.tag == "TIMEX3" and length == start:
            skipped += 1  # an empty TIMEX3 marks no text
        elif element.tag == "TIMEX3":
            timexes.append(
                GoldTimex(start, length, "", element.get("type", ""), element.get("value", ""))
            )

    walk(text_element)
    text = "".join(pieces)
    for gold in timexes:
        gold.text = text[gold.start : gold.end]
    timexes.sort(key=lambda t: t.start)
    return TimeMLDocument(path.stem, dct, text, timexes, skipped)


def evaluate(path: Path, settings: Settings) -> dict[str, Any]:
    """Score ``find_times`` on a folder of TimeML files (or one file)."""
    files = _tml_files(path)
    documents = [read_timeml(f) for f in files]
    nlp = load_nlp(settings.spacy_model)
    n_gold = n_found = matched = strict = right_value = right_type = exact_value = 0
    failures: list[dict[str, Any]] = []
    texts = (d.text for d in documents)
    for document, doc in zip(
        documents, nlp.pipe(texts, batch_size=settings.batch_size), strict=True
    ):
        published = PublishedDate(document.dct, "day", "user") if document.dct else None
        article = Article(document.text, published=published)
        found = find_times(article, doc)
        n_gold += len(document.timexes)
        n_found += len(found)
        pairs, missed, spurious = align(document.timexes, found)
        matched += len(pairs)
        for gold, time in pairs:
            strict += gold.start == time.start and gold.end == time.end
            right_type += gold.type == time.type
            exact_value += gold.value == time.value
            if same_value(gold.value, time.value):
                right_value += 1
            else:
                failures.append(_failure(document.name, "wrong value", gold, time))
        failures.extend(_failure(document.name, "missed", gold, None) for gold in missed)
        failures.extend(_failure(document.name, "spurious", None, time) for time in spurious)
    return {
        "docs": len(documents),
        "gold": n_gold,
        "found": n_found,
        "timex": prf(matched, n_found, n_gold),
        "timex_strict": prf(strict, n_found, n_gold),
        "value_accuracy": round(right_value / matched, 4) if matched else 0.0,
        "type_accuracy": round(right_type / matched, 4) if matched else 0.0,
        "value_f1": prf(right_value, n_found, n_gold)["f1"],
        "value": prf(right_value, n_found, n_gold),
        "value_exact": prf(exact_value, n_found, n_gold),
        "skipped": sum(d.skipped for d in documents),
        "failures": failures,
    }


_WEEK = re.compile(r"-W(\d)(?!\d)")
_UNSPECIFIED = re.compile(r"(?:-XX)+$")
_DECADE = re.compile(r"^(\d{3})X$")


def canonical_value(value: str | None) -> str:
    """One spelling of a TimeML value: "2000-W7" -> "2000-W07", "1968-XX" -> "1968",
    "198X" -> "198"."""
    text = (value or "").strip()
    text = _WEEK.sub(r"-W0\1", text)
    text = _UNSPECIFIED.sub("", text) if re.match(r"^\d{4}", text) else text
    return _DECADE.sub(r"\1", text)


def same_value(gold: str | None, found: str | None) -> bool:
    """Whether two TimeML values are the same value, however each is spelled."""
    return canonical_value(gold) == canonical_value(found)


def align(
    gold: list[GoldTimex], found: list[TimeExpr]
) -> tuple[list[tuple[GoldTimex, TimeExpr]], list[GoldTimex], list[TimeExpr]]:
    """Pair gold and found expressions whose spans overlap, one to one, in text order."""
    used: set[int] = set()
    pairs: list[tuple[GoldTimex, TimeExpr]] = []
    missed: list[GoldTimex] = []
    for g in gold:
        best = None
        for i, time in enumerate(found):
            if i in used or not (time.start < g.end and g.start < time.end):
                continue
            overlap = min(g.end, time.end) - max(g.start, time.start)
            if best is None or overlap > best[0]:
                best = (overlap, i)
        if best is None:
            missed.append(g)
        else:
            used.add(best[1])
            pairs.append((g, found[best[1]]))
    spurious = [time for i, time in enumerate(found) if i not in used]
    return pairs, missed, spurious


def _tml_files(path: Path) -> list[Path]:
    if not path.exists():
        raise EvalError(E_TML_MISSING.format(path=path))
    if path.is_file():
        return [path]
    files = sorted(path.glob("*.tml"))
    if not files:
        raise EvalError(E_TML_EMPTY.format(path=path))
    return files


def _iso_date(value: str) -> str | None:
    """``2006-05-23`` from a DCT value (also ``20060523`` and ``2006-05-23T08:00``)."""
    value = value.strip()
    if len(value) >= 8 and value[:8].isdigit():
        return f"{value[:4]}-{value[4:6]}-{value[6:8]}"
    if len(value) >= 10 and value[4] == "-" and value[7] == "-":
        return value[:10]
    return None


def _failure(
    document: str, kind: str, gold: GoldTimex | None, time: TimeExpr | None
) -> dict[str, Any]:
    return {
        "doc": document,
        "kind": kind,
        "start": gold.start if gold else time.start if time else None,
        "gold_text": gold.text if gold else None,
        "gold_value": gold.value if gold else None,
        "found_text": time.text if time else None,
        "found_value": time.value if time else None,
    }
