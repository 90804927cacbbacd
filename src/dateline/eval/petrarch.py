"""``dateline eval petrarch FILE``: PETRARCH's validation records, coded by dateline.

Each ``<Sentence>`` gives its ``<Text>``, its ``date`` and the expected ``<EventCoding>``
triples (or ``noevents="True"``, or an ``error``). The CoreNLP ``<Parse>`` is ignored:
dateline parses with spaCy. ``<Environment>`` names the dictionaries, looked for next to
the file, in a ``dictionaries`` folder beside its folder, then among the packaged ones;
with no ``<Environment>`` the packaged Phoenix dictionaries are used. ``<Config option
value>`` records switch settings (``require_dyad``, ``new_actor_length``) for the records
after them.

The records are coded by the coder users run: the settings given (defaults unless the
user changed them) with the coding options of the environment the records were written
for. That environment starts from PETRARCH's own defaults (``RequireDyad`` on,
``NewActorLength`` 0: PETRARCH's globals and config reader, "this one defaults to True"),
which differ from dateline's (``require_dyad`` off), and the records' ``<Config>`` options
change it from there: the records that expect an event with no target ("---GOV --- 023")
are those PETRARCH's file coded after switching ``require_dyad`` off. The environment also
matches actor and agent words as written, as PETRARCH does ("PETR does not do stemming",
its dictionary reader), not as TABARI stems: with the validation dictionaries' ``EUROPE
[EEC]``, "European" is no actor for the coder that made the records. ``petrarch_compat`` is not
turned on: the validation dictionaries' codes are not CAMEO's (their header: "most of the
codes are WEIS"), so the coder's CAMEO-only rules (intent and refusal codes, the CAMEO
supplement, plural pattern nouns) stand aside for them by themselves, as they would for any
user dictionary in other codes.

A record passes when the set of (source, target, code) triples coded from it (events not
flagged negated or hypothetical; a missing target is ``---``) equals the expected set; a
record that expects an error (a discarded story or sentence, a dateline) passes when
nothing is coded. Records whose expectation is about PETRARCH's own input parse
(``bad_input_parse``) cannot apply to a coder that parses for itself: they are listed
under ``skipped``, not scored.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from ..actors.match import ActorMatcher
from ..errors import EvalError
from ..events.coder import code_events
from ..events.verbs import load_verb_file, packaged_dictionary_dir
from ..model import Article, PublishedDate
from ..nlp import load_nlp
from ..settings import Settings
from . import prf

__all__ = ["PetrarchRecord", "evaluate", "read_records", "score_records"]

Triple = tuple[str, str, str]

# Expected errors that are about PETRARCH's input (its CoreNLP parse), not the text.
PARSE_ERRORS = frozenset({"bad_input_parse"})
# Packaged dictionaries used when the file names none.
DEFAULT_ENVIRONMENT = {
    "Verbfile": ["CAMEO.2.0.txt"],
    "Actorfile": [
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
    ],
    "Agentfile": ["Phoenix.agents.txt"],
    "Discardfile": ["Phoenix.discards.txt"],
}
_SETTING_OPTIONS = {"require_dyad": bool, "new_actor_length": int}
# PETRARCH's defaults for the options its <Config> records switch (PETRglobals).
_PETRARCH_DEFAULTS: dict[str, Any] = {"require_dyad": True, "new_actor_length": 0}
# What PETRARCH never does, whatever its records switch (dateline's own inference).
_PETRARCH_FIXED: dict[str, Any] = {"infer_actors": False}


@dataclass
class PetrarchRecord:
    """One validation sentence and what it expects."""

    id: str
    category: str
    date: str  # ISO
    text: str
    expected: set[Triple] = field(default_factory=set)
    noevents: bool = False
    error: str | None = None
    options: dict[str, Any] = field(default_factory=dict)


def _iso(value: str) -> str:
    value = value.strip()
    if len(value) == 8 and value.isdigit():
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    return value


def _option_value(kind: type, raw: str) -> Any:
    if kind is bool:
        return raw.strip().lower() in ("true", "1", "yes")
    return kind(raw.strip())


def read_records(path: Path) -> tuple[dict[str, list[str]], list[PetrarchRecord]]:
    """The environment (dictionary names by kind) and the records of a validation file."""
    try:
        tree = etree.parse(str(path), etree.XMLParser(recover=True, remove_comments=True))
    except (OSError, etree.XMLSyntaxError) as e:
        raise EvalError(f"[E040] {path}: cannot read PETRARCH records: {e}") from e
    root = tree.getroot()
    if root is None:
        raise EvalError(f"[E040] {path}: no PETRARCH records")
    env: dict[str, list[str]] = {}
    options: dict[str, Any] = dict(_PETRARCH_DEFAULTS)
    records: list[PetrarchRecord] = []
    seen_ids: dict[str, int] = {}
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in ("Verbfile", "Actorfile", "Agentfile", "Discardfile") and el.text:
            env.setdefault(tag, []).extend(el.text.split())
        elif tag == "Config":
            name = (el.get("option") or "").strip()
            if name in _SETTING_OPTIONS:
                options[name] = _option_value(_SETTING_OPTIONS[name], el.get("value") or "")
        elif tag == "Sentence":
            text = " ".join((el.findtext("Text") or "").split())
            record_id = el.get("id") or f"record-{len(records) + 1}"
            # Ids are not unique in every file (two AGENTS-18 in the dev split): the later
            # ones get "#2", "#3", so that each record is coded and scored on its own.
            seen_ids[record_id] = seen_ids.get(record_id, 0) + 1
            if seen_ids[record_id] > 1:
                record_id = f"{record_id}#{seen_ids[record_id]}"
            record = PetrarchRecord(
                id=record_id,
                category=el.get("category") or "",
                date=_iso(el.get("date") or ""),
                text=text,
                options=dict(options),
            )
            for coding in el.findall("EventCoding"):
                if (coding.get("noevents") or "").strip().lower() == "true":
                    record.noevents = True
                elif coding.get("error"):
                    record.error = coding.get("error")
                elif coding.get("eventcode"):
                    record.expected.add(
                        (
                            (coding.get("sourcecode") or "---").strip(),
                            (coding.get("targetcode") or "---").strip(),
                            (coding.get("eventcode") or "").strip(),
                        )
                    )
            records.append(record)
    return env, records


def _resolve(name: str, base: Path) -> Path:
    for folder in (base, base.parent / "dictionaries", packaged_dictionary_dir()):
        candidate = folder / name
        if candidate.exists():
            return candidate
    raise EvalError(f"[E041] dictionary {name!r} named by the records is not found near {base}")


def _root_triple(triple: Triple) -> Triple:
    source, target, code = triple
    return source[:6], target[:6], code[:2]


def score_records(records: list[PetrarchRecord], coded: dict[str, set[Triple]]) -> dict[str, Any]:
    """The OUTPUT.md keys from the records and the triples coded for each."""
    by_category: dict[str, dict[str, int]] = {}
    failures: list[dict[str, Any]] = []
    skipped: list[str] = []
    passed = 0
    counts = Counter[str]()
    for record in records:
        if record.error in PARSE_ERRORS:
            skipped.append(record.id)
            continue
        found = coded.get(record.id, set())
        expected = set() if (record.noevents or record.error) else record.expected
        ok = found == expected
        cat = by_category.setdefault(record.category, {"records": 0, "passed": 0})
        cat["records"] += 1
        if ok:
            cat["passed"] += 1
            passed += 1
        else:
            failures.append(
                {
                    "id": record.id,
                    "category": record.category,
                    "text": record.text,
                    "expected": "; ".join(sorted(" ".join(t) for t in expected))
                    or (f"error: {record.error}" if record.error else "no events"),
                    "coded": "; ".join(sorted(" ".join(t) for t in found)) or "no events",
                }
            )
        counts["tp"] += len(found & expected)
        counts["found"] += len(found)
        counts["gold"] += len(expected)
        root_found = {_root_triple(t) for t in found}
        root_expected = {_root_triple(t) for t in expected}
        counts["rtp"] += len(root_found & root_expected)
        counts["rfound"] += len(root_found)
        counts["rgold"] += len(root_expected)
    n = sum(c["records"] for c in by_category.values())
    return {
        "records": n,
        "passed": passed,
        "pass_rate": round(passed / n, 4) if n else 0.0,
        "by_category": dict(sorted(by_category.items())),
        "events": prf(counts["tp"], counts["found"], counts["gold"]),
        "events_root": prf(counts["rtp"], counts["rfound"], counts["rgold"]),
        "skipped": skipped,
        "failures": failures,
    }


def load_matcher(env: dict[str, list[str]], base: Path) -> ActorMatcher:
    """The actor matcher for the records' environment."""
    return ActorMatcher.from_files(
        actors=[_resolve(n, base) for n in env.get("Actorfile", [])],
        agents=[_resolve(n, base) for n in env.get("Agentfile", [])],
        discards=[_resolve(n, base) for n in env.get("Discardfile", [])],
        stems=False,  # PETRARCH's matching: words as written
    )


def code_records(
    records: list[PetrarchRecord],
    env: dict[str, list[str]],
    base: Path,
    settings: Settings,
    *,
    matcher: ActorMatcher | None = None,
) -> dict[str, set[Triple]]:
    """Code every record: record id -> the (source, target, code) triples counted."""
    verbs = load_verb_file(_resolve(env["Verbfile"][0], base), settings)
    actors = matcher if matcher is not None else load_matcher(env, base)
    nlp = load_nlp(settings.spacy_model)
    coded: dict[str, set[Triple]] = {}
    docs = nlp.pipe(r.text for r in records)
    for record, doc in zip(records, docs, strict=True):
        local = settings.replace(**record.options, **_PETRARCH_FIXED)
        article = Article(text=record.text, published=PublishedDate(record.date, "day", "user"))
        mentions = actors.find_mentions(article, doc)
        events = code_events(article, doc, mentions, verbs, actors, local)
        coded[record.id] = {
            (e.source.code, e.target.code if e.target else "---", e.cameo)
            for e in events
            if e.source is not None and not e.negated and not e.hypothetical
        }
    return coded


def evaluate(path: Path, settings: Settings) -> dict[str, Any]:
    """Score dateline's coder on a PETRARCH validation file (OUTPUT.md keys + failures)."""
    path = Path(path)
    env, records = read_records(path)
    for kind, names in DEFAULT_ENVIRONMENT.items():
        env.setdefault(kind, names)
    coded = code_records(records, env, path.parent, settings)
    return score_records(records, coded)
