"""``dateline eval events FILE``: whole articles with every event coded by hand.

The gold is JSON Lines, one article a line (``GUIDELINES.md`` of the events gold):
``{"id", "date", "text_file", "events": [{"sentence", "trigger", "source", "target",
"cameo", "mutual"}]}``, ``text_file`` relative to the JSONL file. Each text is read through
the normal ingest with the article's date and coded by the whole pipeline, so every event
dateline reports counts, including those invented in sentences that hold none.

Compared on both sides, per article:

- left out: events flagged hypothetical or negated, events under the ``min_confidence``
  setting (dateline's side), and root 01 (make public statement), which the guidelines do
  not code;
- a gold event marked ``mutual`` counts both ways (source -> target and target -> source);
- two events are in the same sentence when one sentence holds the other or they share 60%
  of their words (of the longer one), so a sentence split a little differently still
  matches;
- events are matched one to one, per measure, on their key:

  ``root``: source and target cut to 3 characters (country, IGO, NGO or ``---``), the code
  to its 2-digit root; ``code``: the same with the full CAMEO code; ``root_source``: the
  target ignored; ``root_only``: the actors ignored; ``sentences``: the sentences holding
  any event.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import E_EVENTS_GOLD, DatelineError, EvalError
from ..model import Article, Event
from ..settings import Settings
from . import prf

# Two sentences are the same when they share this share of the longer one's words.
SAME_SENTENCE_WORDS = 0.6
NO_ACTOR = "---"
MEASURES = ("root", "code", "root_source", "root_only")

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Coded:
    """One event on either side, reduced to what the scorer compares."""

    sentence: str
    source: str
    target: str
    cameo: str
    trigger: str

    def key(self, measure: str) -> tuple[str, ...]:
        """What must agree for two events to match under ``measure``."""
        root = self.cameo[:2]
        if measure == "root":
            return (self.source, self.target, root)
        if measure == "code":
            return (self.source, self.target, self.cameo)
        if measure == "root_source":
            return (self.source, root)
        return (root,)


def actor3(code: object) -> str:
    """An actor code cut to its first 3 characters (``---`` when there is none)."""
    text = str(code or "").strip()
    return text[:3].upper() if text else NO_ACTOR


def words(sentence: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(sentence)}


def same_sentence(a: str, b: str) -> bool:
    """One holds the other, or they share 60% of the longer one's words."""
    na, nb = " ".join(a.split()), " ".join(b.split())
    if not na or not nb:
        return False
    if na in nb or nb in na:
        return True
    wa, wb = words(na), words(nb)
    longer = max(len(wa), len(wb))
    return bool(longer) and len(wa & wb) / longer >= SAME_SENTENCE_WORDS


def gold_events(record: dict[str, Any]) -> list[Coded]:
    """The gold events of one article that are scored (root 01 out, mutual both ways)."""
    out: list[Coded] = []
    for event in record.get("events") or []:
        cameo = str(event.get("cameo") or "").strip()
        if not cameo or cameo.startswith("01"):
            continue
        sentence = str(event.get("sentence") or "")
        trigger = str(event.get("trigger") or "")
        source, target = actor3(event.get("source")), actor3(event.get("target"))
        out.append(Coded(sentence, source, target, cameo, trigger))
        if event.get("mutual"):
            out.append(Coded(sentence, target, source, cameo, trigger))
    return out


def counted(event: Event, min_confidence: float) -> bool:
    """Whether dateline asserts the event: not flagged, not a statement, confident enough."""
    return (
        not event.negated
        and not event.hypothetical
        and not event.cameo.startswith("01")
        and event.confidence + 1e-9 >= min_confidence
    )


def found_events(article: Article, min_confidence: float) -> list[Coded]:
    """dateline's scored events of one article."""
    out = []
    for event in article.events:
        if not counted(event, min_confidence):
            continue
        sentence = article.text[event.sentence.start : event.sentence.end]
        out.append(
            Coded(
                sentence,
                actor3(event.source.code if event.source else None),
                actor3(event.target.code if event.target else None),
                event.cameo,
                event.trigger.text,
            )
        )
    return out


def match(
    gold: list[Coded], found: list[Coded], key: Callable[[Coded], Any]
) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, found index) with the same key in the same sentence."""
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for g, gold_event in enumerate(gold):
        for f, found_event in enumerate(found):
            if f in used or key(gold_event) != key(found_event):
                continue
            if same_sentence(gold_event.sentence, found_event.sentence):
                pairs.append((g, f))
                used.add(f)
                break
    return pairs


def match_sentences(gold: Iterable[str], found: Iterable[str]) -> tuple[int, int, int]:
    """(matched, found, gold) over the distinct sentences holding any event."""
    gold_s, found_s = list(dict.fromkeys(gold)), list(dict.fromkeys(found))
    used: set[int] = set()
    matched = 0
    for g in gold_s:
        for f, sentence in enumerate(found_s):
            if f not in used and same_sentence(g, sentence):
                used.add(f)
                matched += 1
                break
    return matched, len(found_s), len(gold_s)


def read_gold(path: Path) -> list[dict[str, Any]]:
    """The article records of an events gold file."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise EvalError(E_EVENTS_GOLD.format(path=path, line=0, error=e)) from e
    records = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            raise EvalError(E_EVENTS_GOLD.format(path=path, line=n, error=e)) from e
        if not isinstance(record, dict) or "text_file" not in record:
            raise EvalError(
                E_EVENTS_GOLD.format(path=path, line=n, error="not an article with text_file")
            )
        records.append(record)
    return records


def _describe(event: Coded) -> str:
    return f"{event.source} {event.cameo} {event.target} ({event.trigger})"


def evaluate(path: Path, settings: Settings) -> dict[str, Any]:
    """Score dateline's events on whole hand-coded articles (OUTPUT.md keys + failures)."""
    from ..pipeline import Pipeline

    records = read_gold(Path(path))
    pipeline = Pipeline(settings)
    min_confidence = settings.min_confidence
    totals = {m: [0, 0, 0] for m in (*MEASURES, "sentences")}
    n_gold = n_found = 0
    failures: list[dict[str, Any]] = []
    for record in records:
        text_path = Path(path).parent / str(record["text_file"])
        try:
            raw = text_path.read_bytes()
            article = pipeline.extract(raw, date=record.get("date"), name=str(text_path))
        except (OSError, DatelineError) as e:
            failures.append({"article": record.get("id"), "kind": "error", "event": str(e)})
            article = Article(text="")
        gold = gold_events(record)
        found = found_events(article, min_confidence)
        n_gold += len(gold)
        n_found += len(found)
        for measure in MEASURES:
            pairs = match(gold, found, lambda c, m=measure: c.key(m))  # type: ignore[misc]
            counts = totals[measure]
            counts[0] += len(pairs)
            counts[1] += len(found)
            counts[2] += len(gold)
            if measure == "root":
                hit_g = {g for g, _ in pairs}
                hit_f = {f for _, f in pairs}
                failures += [
                    {
                        "article": record.get("id"),
                        "kind": "missed",
                        "event": _describe(e),
                        "sentence": e.sentence,
                    }
                    for i, e in enumerate(gold)
                    if i not in hit_g
                ]
                failures += [
                    {
                        "article": record.get("id"),
                        "kind": "invented",
                        "event": _describe(e),
                        "sentence": e.sentence,
                    }
                    for i, e in enumerate(found)
                    if i not in hit_f
                ]
        s = match_sentences((e.sentence for e in gold), (e.sentence for e in found))
        for i, value in enumerate(s):
            totals["sentences"][i] += value
    scores: dict[str, Any] = {
        "articles": len(records),
        "gold_events": n_gold,
        "pred_events": n_found,
        "min_confidence": min_confidence,
    }
    for measure, (tp, n_f, n_g) in totals.items():
        scores[measure] = prf(tp, n_f, n_g)
    scores["failures"] = failures
    return scores
