"""``dateline eval plover FILE``: PLOVER gold-standard records, coded by dateline.

Each record has a ``text``, an ``event`` type (PLOVER 0.5b1; mapped with
``PLOVER_05_TO_20`` before comparing) and ``source`` / ``target`` actors with country codes.
dateline codes the text with the packaged dictionaries; of its events (not negated, not
hypothetical) the one whose trigger is among the record's event words is taken, else the
first. Its PLOVER type is compared with the gold type (``event_type_accuracy``); the source
and target countries (the first three characters of the actor codes) of the events of that
type are compared with the gold countries, pooled over records (precision, recall, F1);
an actor's country is read from its code as the actor matcher reads it (``actor_country``).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from ..actors.match import code_country, load_actor_matcher
from ..errors import EvalError
from ..events.coder import code_events
from ..events.plover import PLOVER_05_TO_20
from ..events.verbs import load_verb_dictionary
from ..model import Article, Event, PublishedDate
from ..nlp import load_nlp
from ..settings import Settings
from . import prf
from .events import counted

__all__ = ["actor_country", "countries", "evaluate", "pick_event", "read_records"]


def read_records(path: Path) -> list[dict[str, Any]]:
    """The event records of a PLOVER gold file (the DOCUMENT record left out)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise EvalError(f"[E042] {path}: cannot read PLOVER records: {e}") from e
    if not isinstance(data, list):
        raise EvalError(f"[E042] {path}: expected a JSON list of PLOVER records")
    return [r for r in data if isinstance(r, dict) and r.get("event") not in (None, "DOCUMENT")]


def mapped_type(event_type: str | None) -> str | None:
    """A PLOVER type in today's names (0.5b1 DEMAND -> REQUEST, ...)."""
    if event_type is None:
        return None
    return PLOVER_05_TO_20.get(event_type.upper(), event_type.upper())


def countries(actors: object) -> set[str]:
    """The country codes of a gold ``source`` / ``target`` field."""
    if not isinstance(actors, list):
        return set()
    return {str(a["code"])[:3].upper() for a in actors if isinstance(a, dict) and a.get("code")}


def actor_country(code: str) -> str:
    """The country of an actor code, as the actor matcher reads it (``SCGSRB`` -> SRB,
    ``IMGMUSALQ`` -> IMG: MUS there is Muslim, not Mauritius), else its first chunk."""
    return code_country(code) or code[:3]


def pick_event(events: list[Event], event_text: str) -> Event | None:
    """The event whose trigger is among the record's event words, else the first."""
    words = {w.lower() for w in event_text.split()}
    for event in events:
        if event.trigger.text.lower() in words:
            return event
    return events[0] if events else None


def evaluate(path: Path, settings: Settings) -> dict[str, Any]:
    """Score dateline on PLOVER gold records (OUTPUT.md keys + failures)."""
    records = read_records(Path(path))
    nlp = load_nlp(settings.spacy_model)
    actors = load_actor_matcher(settings)
    verbs = load_verb_dictionary(settings)
    right = 0
    counts = Counter[str]()
    failures: list[dict[str, Any]] = []
    docs = nlp.pipe(str(r.get("text") or "") for r in records)
    for record, doc in zip(records, docs, strict=True):
        date = str(record.get("date") or "")[:10] or None
        article = Article(
            text=doc.text, published=PublishedDate(date, "day", "user") if date else None
        )
        mentions = actors.find_mentions(article, doc)
        events = [
            e
            for e in code_events(article, doc, mentions, verbs, actors, settings)
            if counted(e, settings.min_confidence) and e.plover_type
        ]
        chosen = pick_event(events, str(record.get("eventText") or ""))
        gold_type = mapped_type(str(record.get("event")))
        found_type = mapped_type(chosen.plover_type) if chosen else None
        same_type = [e for e in events if chosen and e.plover_type == chosen.plover_type]
        # Agents without a country ("---GOV") say nothing about the country.
        found_src = {actor_country(e.source.code) for e in same_type if e.source} - {"---"}
        found_tgt = {actor_country(e.target.code) for e in same_type if e.target} - {"---"}
        gold_src, gold_tgt = countries(record.get("source")), countries(record.get("target"))
        for key, found, gold in (("s", found_src, gold_src), ("t", found_tgt, gold_tgt)):
            counts[f"{key}tp"] += len(found & gold)
            counts[f"{key}found"] += len(found)
            counts[f"{key}gold"] += len(gold)
        ok = found_type == gold_type
        right += ok
        if not (ok and found_src == gold_src and found_tgt == gold_tgt):
            failures.append(
                {
                    "id": record.get("id"),
                    "category": gold_type,
                    "text": record.get("text"),
                    "expected": f"{gold_type} {sorted(gold_src)} -> {sorted(gold_tgt)}",
                    "coded": (
                        f"{found_type} {sorted(found_src)} -> {sorted(found_tgt)}"
                        f" ({chosen.cameo} {chosen.trigger.text})"
                        if chosen
                        else "no events"
                    ),
                }
            )
    n = len(records)
    return {
        "records": n,
        "event_type_accuracy": round(right / n, 4) if n else 0.0,
        "source_actor": prf(counts["stp"], counts["sfound"], counts["sgold"]),
        "target_actor": prf(counts["ttp"], counts["tfound"], counts["tgold"]),
        "failures": failures,
    }
