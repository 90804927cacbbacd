"""Rule tracing: every event names the rules and dictionary entries that shaped it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT, SEED_DATE
from dateline import Pipeline
from dateline.model import Article, Event

SOURCES = ROOT / "src" / "dateline"


def extract(pipeline: Pipeline, text: str, date: str = "2006-05-23") -> list[Event]:
    return pipeline.extract(text, date=date).events


def only(events: list[Event], cameo_root: str) -> Event:
    found = [e for e in events if e.root == cameo_root]
    assert len(found) == 1, [(e.cameo, e.rules) for e in events]
    return found[0]


def test_an_event_names_its_candidate_rule_and_how_its_parties_were_found(
    pipeline: Pipeline,
) -> None:
    event = only(extract(pipeline, "Israeli troops attacked Hamas fighters in Gaza."), "19")
    assert event.rules[0] in ("candidates.verb_code", "candidates.verb_pattern")
    assert "source:roles.subject" in event.rules
    assert "target:roles.object" in event.rules
    assert any(e.startswith("verb ATTACK") for e in event.entries)
    assert any(e.startswith(f"source {event.source.code}:") for e in event.entries)  # type: ignore[union-attr]


def test_a_passive_events_source_is_traced_to_its_by_agent(pipeline: Pipeline) -> None:
    events = extract(pipeline, "Hamas fighters were attacked by Israeli troops on Monday.")
    event = only(events, "19")
    assert event.source is not None and event.source.code.startswith("ISR")
    assert "source:roles.passive_agent" in event.rules
    assert "target:roles.passive_patient" in event.rules


def test_negation_and_the_refusal_code_it_gives_are_traced(pipeline: Pipeline) -> None:
    events = extract(pipeline, "Syria refused to recognize the Israeli government.")
    refusal = [e for e in events if e.root == "12"]
    assert refusal, [(e.cameo, e.rules) for e in events]
    assert "modality.refusal_code" in refusal[0].rules


def test_a_modal_is_traced_as_the_flag_it_sets(pipeline: Pipeline) -> None:
    events = extract(pipeline, "If Israel attacks Syria, Iran would respond.")
    flagged = [e for e in events if e.hypothetical]
    assert flagged
    assert all(
        {"modality.conditional", "modality.modal", "modality.irrealis"} & set(e.rules)
        for e in flagged
    )


def test_a_matched_pattern_is_among_the_entries(pipeline: Pipeline) -> None:
    events = extract(pipeline, "Israel and Syria held talks in Geneva on Monday.")
    assert {(e.source.code, e.target.code) for e in events if e.source and e.target} == {
        ("ISR", "SYR"),
        ("SYR", "ISR"),
    }
    for event in events:
        assert "candidates.verb_pattern" in event.rules
        assert "roles.venue_not_party" in event.rules  # Geneva is where, not with whom
        assert event.pattern is not None
        assert f"pattern {' '.join(event.pattern.split())}" in event.entries
    assert sum("candidates.reverse_code" in e.rules for e in events) == 1


def test_the_seed_traces_coreference_inferred_parties_and_context(seed: Article) -> None:
    rules = [set(e.rules) for e in seed.events]
    assert any("source:mention.coreference" in r for r in rules)  # "the group" -> IRQREB
    truce = [e for e in seed.events if e.cameo == "0871"]
    assert truce and all("source:nominal.paragraph_parties" in e.rules for e in truce)
    third = [e for e in seed.events if e.cameo == "044"]
    assert third and all("context.third_location" in e.rules for e in third)
    talks = [e for e in seed.events if "nominal.complete_from_earlier_talks" in e.rules]
    assert talks and all(e.target is not None for e in talks)


def test_every_traced_rule_name_is_written_in_the_coder(pipeline: Pipeline, seed: Article) -> None:
    """A reader finds a rule by searching the source for its name."""
    code = "\n".join(p.read_text() for p in SOURCES.rglob("*.py"))
    written = set(re.findall(r'"([a-z_]+\.[a-z_]+)"', code))
    events = list(seed.events)
    for path in sorted(EXAMPLES.glob("*.html")):
        events += pipeline.extract(path.read_bytes(), date=SEED_DATE).events
    seen = {r.split(":", 1)[1] if ":" in r else r for e in events for r in e.rules}
    seen = {r for r in seen if not r.startswith("mention.")}  # the mention's own ``via``
    assert seen and seen <= written, sorted(seen - written)


@pytest.mark.parametrize("field", ["rules", "entries"])
def test_the_event_json_carries_the_trace(seed: Article, field: str) -> None:
    for event in seed.events:
        out = event.to_json()
        assert out[field] == getattr(event, field)
        assert out[field], (event.cameo, out)


def test_tests_named_in_rule_docstrings_exist() -> None:
    """The rule modules name the tests that show each rule: those tests exist."""
    tests = "\n".join(p.read_text() for p in Path(__file__).parent.glob("test_*.py"))
    defined = set(re.findall(r"^def (test_\w+)", tests, re.MULTILINE))
    named: set[str] = set()
    for path in (SOURCES / "events").glob("*.py"):
        text = re.sub(r"_\n\s*", "_", path.read_text())  # names wrapped across lines
        named |= {n for n in re.findall(r"``(test_[\w*]+)``", text) if "*" not in n}
    assert named and named <= defined, sorted(named - defined)
