"""Rule tracing: every event names the rules and dictionary entries that shaped it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT, SEED_DATE
from dateline import Pipeline, Settings
from dateline.actors.match import ActorMatcher
from dateline.events.coder import code_events
from dateline.events.verbs import load_verb_file, packaged_dictionary_dir
from dateline.model import Article, Event, PublishedDate

SOURCES = ROOT / "src" / "dateline"
DICTS = packaged_dictionary_dir()


@pytest.fixture(scope="module")
def validate_code(pipeline: Pipeline, settings: Settings):  # type: ignore[no-untyped-def]
    """PETRARCH's validation dictionaries (their patterns name sources and compounds)."""
    verbs = load_verb_file(DICTS / "PETR.Validate.verbs.txt", settings)
    actors = ActorMatcher.from_files(
        actors=[DICTS / "PETR.Validate.actors.txt"],
        agents=[DICTS / "PETR.Validate.agents.txt"],
        discards=[DICTS / "PETR.Validate.discards.txt"],
    )

    def run(text: str, **overrides: object) -> list[Event]:
        doc = pipeline.nlp(text)
        article = Article(text=text, published=PublishedDate("1995-01-01"))
        mentions = actors.find_mentions(article, doc)
        local = settings.replace(**overrides) if overrides else settings
        return code_events(article, doc, mentions, verbs, actors, local)

    return run


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


def test_a_source_a_pattern_marks_is_traced_to_the_pattern(validate_code) -> None:  # type: ignore[no-untyped-def]
    # "- DESPITE $ * [123]": the pattern names the source.
    (event,) = validate_code("Despite the protests, Arnor criticized Gondor.")
    assert (event.source.code, event.target.code, event.cameo) == ("ARN", "GON", "123")  # type: ignore[union-attr]
    assert "source:patterns.marked_source" in event.rules


def test_a_compound_subject_acting_on_each_other_is_traced_to_the_pattern(validate_code) -> None:  # type: ignore[no-untyped-def]
    # "- % * [030:030]": the members of a compound subject agree with each other.
    events = validate_code("Arnor and Gondor agreed.")
    assert {(e.source.code, e.target.code) for e in events if e.source and e.target} == {
        ("ARN", "GON"),
        ("GON", "ARN"),
    }
    assert all(
        "target:patterns.compound_each_other" in e.rules
        or "source:patterns.compound_each_other" in e.rules
        for e in events
    )


def test_a_new_actor_of_a_few_words_is_traced(validate_code) -> None:  # type: ignore[no-untyped-def]
    events = validate_code("The angry farmers attacked Arnor.", new_actor_length=4)
    assert [e.source.code for e in events if e.source] == ['"THE ANGRY FARMERS"']
    assert "source:phrase_actors.new_actor" in events[0].rules


def test_an_announcement_with_unless_is_traced_as_an_ultimatum(pipeline: Pipeline) -> None:
    events = extract(pipeline, "Israel will withdraw its troops from Gaza unless Hamas stops.")
    threats = [e for e in events if e.root == "13"]
    assert threats and all("modality.ultimatum" in e.rules for e in threats)


def test_nominal_talks_name_their_parties_by_and_with(pipeline: Pipeline) -> None:
    events = extract(pipeline, "The ceasefire held after talks by Israel with Syria on Monday.")
    talks = [e for e in events if "nominal.nominal_events" in e.rules]
    assert [(e.source.code, e.target.code) for e in talks if e.source and e.target] == [
        ("ISR", "SYR")
    ]
    assert {"source:nominal.by_party", "target:nominal.with_party"} <= set(talks[0].rules)


def test_travel_for_talks_takes_the_party_met_as_target(pipeline: Pipeline) -> None:
    events = extract(
        pipeline, "The Israeli foreign minister returned to Geneva for talks with Syria."
    )
    event = only(events, "04")
    assert event.target is not None and event.target.code == "SYR"
    assert {"nominal.travel_purpose", "target:nominal.travel_party"} <= set(event.rules)


def test_an_unlabelled_subject_head_is_traced(pipeline: Pipeline) -> None:
    events = extract(
        pipeline, "Qatar's emir, Sheikh Hamad bin Khalifa al-Thani launched an attack on Syria."
    )
    event = only(events, "19")
    assert event.source is not None and event.source.code.startswith("QAT")
    assert "source:roles.unlabelled_subject" in event.rules


def test_an_agent_completed_by_a_modifier_is_traced(pipeline: Pipeline) -> None:
    # "the Gush Etzion settlement bloc": the settlers' agent (---CVL) takes Israel from
    # the place that modifies it.
    events = extract(pipeline, "Netanyahu visited the Gush Etzion settlement bloc on Tuesday.")
    (visit,) = [e for e in events if e.cameo == "042"]
    assert visit.target is not None and visit.target.code == "ISRCVL"
    assert "target:phrase_actors.enrich" in visit.rules


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


def test_the_store_keeps_each_events_trace(seed: Article, tmp_path: Path) -> None:
    from dateline.store import Store

    with Store(tmp_path / "trace.db") as store:
        store.write_article(seed)
        stored = {e["id"]: e for e in store.events(min_confidence=0)}
    for event in seed.events:
        assert stored[event.id]["rules"] == event.rules
        assert stored[event.id]["entries"] == event.entries


@pytest.mark.parametrize("field", ["rules", "entries"])
def test_the_event_json_carries_the_trace(seed: Article, field: str) -> None:
    for event in seed.events:
        out = event.to_json()
        assert out[field] == getattr(event, field)
        assert out[field], (event.cameo, out)


def test_tests_named_in_rule_docstrings_exist() -> None:
    """The rule modules (events/, actors/) name the tests that show each rule: those exist."""
    tests = "\n".join(p.read_text() for p in Path(__file__).parent.glob("test_*.py"))
    defined = set(re.findall(r"^def (test_\w+)", tests, re.MULTILINE))
    named: set[str] = set()
    for path in [*(SOURCES / "events").glob("*.py"), *(SOURCES / "actors").glob("*.py")]:
        text = re.sub(r"_\n\s*", "_", path.read_text())  # names wrapped across lines
        named |= {n for n in re.findall(r"``(test_[\w*]+)``", text) if "*" not in n}
    assert named and named <= defined, sorted(named - defined)
