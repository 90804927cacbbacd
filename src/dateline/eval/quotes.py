"""``dateline eval quotes DIR``: attributions scored against BRAT gold (PolNeAR style).

The gold is a folder of ``.txt`` + ``.ann`` pairs (or one ``.txt`` with its ``.ann``):
``Source`` / ``Cue`` / ``Content`` spans and ``Attribution`` links, offsets in code points
of the ``.txt`` as given. dateline reads each ``.txt`` through the normal ingest (which may
drop navigation lines), so every predicted span is mapped back to input offsets with the
article's offset map before it is compared.

Scores:

- ``quotes``: precision, recall and F1 of attributions, a predicted quotation matching a
  gold one when their content spans overlap by at least half of the longer of the two
  (characters; multi-part spans counted part by part); one-to-one, best overlap first;
- ``speaker_accuracy``: over matched quotations, the share whose speaker is right: the
  predicted speaker span overlaps the gold ``Source`` span of that attribution, or, when
  the gold attribution has no ``Source``, dateline gives no speaker either;
- ``cue_accuracy``: over matched quotations, the share whose cue span overlaps the gold cue.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import (
    E_BRAT_EMPTY,
    E_BRAT_LINK,
    E_BRAT_MISSING,
    DatelineError,
    EvalError,
)
from ..model import Article, Quote
from ..settings import Settings
from . import prf
from .brat import read_brat_document

# A match needs the content spans to overlap by this share of the longer one.
MIN_OVERLAP = 0.5

Spans = list[tuple[int, int]]
# The event types of an attribution (PolNeAR: one with no named source has its own type).
ATTRIBUTION_TYPES = frozenset({"Attribution", "Attribution-no-source"})


@dataclass(slots=True)
class GoldAttribution:
    """One gold attribution: content, cue and (when the text names one) source spans."""

    content: Spans
    cue: Spans = field(default_factory=list)
    source: Spans | None = None
    id: str = ""
    type: str = "Attribution"
    attributes: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class GoldAttributions:
    """The attributions of one ``.ann`` file and what the reader had to leave or mend."""

    attributions: list[GoldAttribution]
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (event id, reason)
    realigned: int = 0
    misaligned: int = 0


def read_brat(path: Path) -> list[GoldAttribution]:
    """The attributions of one BRAT ``.ann`` file."""
    return read_attributions(path).attributions


def read_attributions(path: Path, text: str | None = None) -> GoldAttributions:
    """The attributions of one ``.ann`` file; one that lacks its content or cue, or links a
    span the file does not define, is skipped and listed with the reason, not fatal."""
    document = read_brat_document(path, text)
    gold = GoldAttributions([], realigned=document.realigned, misaligned=document.misaligned)
    for event in document.events.values():
        if event.type not in ATTRIBUTION_TYPES:
            continue
        refs = {role: event.role(role) for role in ("Content", "Cue", "Source")}
        unknown = [r for ids in refs.values() for r in ids if r not in document.spans]
        if unknown:
            reason = E_BRAT_LINK.format(path=path, event=event.id, ref=unknown[0])
            gold.skipped.append((event.id, reason))
            continue
        missing = [role for role in ("Content", "Cue") if not refs[role]]
        if missing:
            gold.skipped.append((event.id, f"no {' and no '.join(missing)} span"))
            continue

        def pieces(ids: list[str]) -> Spans:
            return sorted(p for i in ids for p in document.spans[i].spans)

        gold.attributions.append(
            GoldAttribution(
                content=pieces(refs["Content"]),
                cue=pieces(refs["Cue"]),
                source=pieces(refs["Source"]) if refs["Source"] else None,
                id=event.id,
                type=event.type,
                attributes=document.attributes.get(event.id, {}),
                notes=document.notes.get(event.id, []),
            )
        )
    return gold


def evaluate(path: Path, settings: Settings) -> dict[str, Any]:
    """Score dateline's quotations on the BRAT files under ``path``."""
    from ..ingest import read_input
    from ..pipeline import Pipeline
    from ..quotes import find_quotes

    files = _gold_files(path)
    pipeline = Pipeline(settings)
    n_gold = n_found = n_matched = n_speaker = n_cue = n_realigned = n_misaligned = 0
    failures: list[dict[str, Any]] = []
    skipped: list[dict[str, str]] = []
    gold_kinds: dict[str, dict[str, int]] = {}
    found_kinds: dict[str, dict[str, int]] = {}
    for txt, ann in files:
        raw = txt.read_bytes()
        read = read_attributions(ann, raw.decode("utf-8", errors="replace"))
        gold = read.attributions
        n_realigned += read.realigned
        n_misaligned += read.misaligned
        skipped.extend({"file": ann.name, "gold": e, "reason": r} for e, r in read.skipped)
        try:
            article = read_input(raw, name=str(txt), settings=settings)
        except DatelineError as e:
            failures.append({"file": txt.name, "kind": "error", "reason": str(e)})
            n_gold += len(gold)
            continue
        doc = pipeline.nlp(article.text)
        try:
            mentions = pipeline.actors.find_mentions(article, doc)
        except DatelineError as e:
            # Speakers are still found without actor codes; say why they have none.
            failures.append({"file": txt.name, "kind": "no actors", "reason": str(e)})
            mentions = []
        quotes = find_quotes(article, doc, mentions)
        source_text = raw.decode("utf-8", errors="replace")
        mapper = _OffsetMapper(article, source_text)
        found = [(q, mapper.spans(_content(q))) for q in quotes]
        pairs = _match(gold, [spans for _, spans in found])
        n_gold += len(gold)
        n_found += len(found)
        n_matched += len(pairs)
        matched_gold = {g for g, _ in pairs}
        matched_found = {f for _, f in pairs}
        for g, att in enumerate(gold):
            tally = gold_kinds.setdefault(gold_kind(att, source_text), {"gold": 0, "matched": 0})
            tally["gold"] += 1
            tally["matched"] += g in matched_gold
        for f, (quote, _) in enumerate(found):
            tally = found_kinds.setdefault(quote.kind, {"found": 0, "matched": 0})
            tally["found"] += 1
            tally["matched"] += f in matched_found
        for g, f in pairs:
            quote = found[f][0]
            speaker_ok, cue_ok = (
                _speaker_ok(gold[g], quote, mapper),
                _cue_ok(gold[g], quote, mapper),
            )
            n_speaker += speaker_ok
            n_cue += cue_ok
            if not speaker_ok:
                failures.append(
                    {
                        "file": txt.name,
                        "kind": "wrong speaker",
                        "gold": gold[g].id,
                        "quote": quote.id,
                        "expected": _texts(source_text, gold[g].source) or "(none)",
                        "found": quote.speaker.text if quote.speaker else "(none)",
                    }
                )
        for g, att in enumerate(gold):
            if g not in matched_gold:
                failures.append(
                    {
                        "file": txt.name,
                        "kind": "missed",
                        "gold": att.id,
                        "expected": _clip(_texts(source_text, att.content)),
                        "found": "",
                    }
                )
        for f, (quote, _) in enumerate(found):
            if f not in matched_found:
                failures.append(
                    {
                        "file": txt.name,
                        "kind": "spurious",
                        "quote": quote.id,
                        "cue": quote.cue.text if quote.cue else "",
                        "expected": "",
                        "found": _clip(quote.text),
                    }
                )
    return {
        "files": len(files),
        "gold": n_gold,
        "found": n_found,
        "matched": n_matched,
        "quotes": prf(n_matched, n_found, n_gold),
        "speaker_accuracy": round(n_speaker / n_matched, 4) if n_matched else 0.0,
        "cue_accuracy": round(n_cue / n_matched, 4) if n_matched else 0.0,
        "gold_by_kind": dict(sorted(gold_kinds.items())),
        "found_by_kind": dict(sorted(found_kinds.items())),
        "skipped": len(skipped),
        "realigned": n_realigned,
        "misaligned": n_misaligned,
        "failures": failures + [{"kind": "skipped", **s} for s in skipped],
    }


_QUOTE_MARKS = '"“”„«»'


def gold_kind(att: GoldAttribution, text: str) -> str:
    """A rough class of a gold attribution, for the breakdown of recall: ``no-source`` (no
    Source span), ``direct`` (content wholly inside quotation marks) or ``indirect``."""
    if att.source is None:
        return "no-source"
    first, last = att.content[0][0], att.content[-1][1]
    inside = text[first:last].strip()
    before = text[max(0, first - 1) : first]
    opens = inside[:1] in _QUOTE_MARKS or before in _QUOTE_MARKS
    closes = inside[-1:] in _QUOTE_MARKS or inside[-2:-1] in _QUOTE_MARKS
    return "direct" if opens and closes else "indirect"


def _gold_files(path: Path) -> list[tuple[Path, Path]]:
    if not path.exists():
        raise EvalError(E_BRAT_MISSING.format(path=path))
    txts = [path] if path.is_file() else sorted(path.glob("*.txt"))
    pairs = [(t, t.with_suffix(".ann")) for t in txts if t.with_suffix(".ann").exists()]
    if not pairs:
        raise EvalError(E_BRAT_EMPTY.format(path=path))
    return pairs


class _OffsetMapper:
    """Maps offsets of ``article.text`` back to offsets of the input text."""

    def __init__(self, article: Article, source_text: str) -> None:
        self.article = article
        self.shift = 0
        if article.offset_map is None and article.text != source_text:
            at = source_text.find(article.text)
            self.shift = max(at, 0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        if self.article.offset_map is None:
            return start + self.shift, end + self.shift
        first = self.article.input_offset(start)
        last = self.article.input_offset(end - 1) if end > start else first
        if first is None or last is None:
            return start, end
        return first, (last + 1 if end > start else first)

    def spans(self, spans: Spans) -> Spans:
        return [self.span(s, e) for s, e in spans]


def _content(quote: Quote) -> Spans:
    return list(quote.parts) if quote.parts else [(quote.start, quote.end)]


def _length(spans: Spans) -> int:
    return sum(e - s for s, e in spans)


def _intersection(a: Spans, b: Spans) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def overlap_ratio(gold: Spans, found: Spans) -> float:
    """Characters in common over the length of the longer of the two spans."""
    longer = max(_length(gold), _length(found))
    return _intersection(gold, found) / longer if longer else 0.0


def _match(gold: list[GoldAttribution], found: list[Spans]) -> list[tuple[int, int]]:
    """One-to-one matches with overlap >= MIN_OVERLAP, best overlap first."""
    candidates = []
    for g, att in enumerate(gold):
        for f, spans in enumerate(found):
            ratio = overlap_ratio(att.content, spans)
            if ratio >= MIN_OVERLAP:
                candidates.append((ratio, g, f))
    pairs = []
    taken_g: set[int] = set()
    taken_f: set[int] = set()
    for _, g, f in sorted(candidates, reverse=True):
        if g not in taken_g and f not in taken_f:
            pairs.append((g, f))
            taken_g.add(g)
            taken_f.add(f)
    return pairs


def _speaker_ok(gold: GoldAttribution, quote: Quote, mapper: _OffsetMapper) -> bool:
    if gold.source is None:
        return quote.speaker is None
    if quote.speaker is None:
        return False
    found = [mapper.span(quote.speaker.start, quote.speaker.end)]
    return _intersection(gold.source, found) > 0


def _cue_ok(gold: GoldAttribution, quote: Quote, mapper: _OffsetMapper) -> bool:
    if quote.cue is None:
        return not gold.cue
    return _intersection(gold.cue, [mapper.span(quote.cue.start, quote.cue.end)]) > 0


def _texts(text: str, spans: Spans | None) -> str:
    return " … ".join(text[s:e] for s, e in spans or [])


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
