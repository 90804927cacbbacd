"""Quality gate: dateline's coder on PETRARCH's validation records (developers' split)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SHARED
from dateline import Settings
from dateline.eval.petrarch import evaluate, read_records, score_records
from gate import check_floors

DEV = SHARED / "petrarch2" / "validation" / "PETR.UnitTest.dev.xml"


@pytest.fixture(scope="module")
def scores(settings: Settings) -> dict:  # type: ignore[type-arg]
    return evaluate(DEV, settings)


@pytest.mark.gold
def test_petrarch_scores_have_the_output_md_keys(scores: dict) -> None:  # type: ignore[type-arg]
    for key in ("records", "passed", "pass_rate", "by_category", "events", "events_root"):
        assert key in scores
    assert set(scores["events"]) == {"precision", "recall", "f1"}
    assert all(set(c) == {"records", "passed"} for c in scores["by_category"].values())
    assert scores["records"] == sum(c["records"] for c in scores["by_category"].values())


@pytest.mark.gold
def test_petrarch_dev_split_meets_its_floors(scores: dict) -> None:  # type: ignore[type-arg]
    assert check_floors("petrarch", scores) == []


@pytest.mark.gold
def test_failures_show_expected_against_coded(scores: dict) -> None:  # type: ignore[type-arg]
    for failure in scores["failures"]:
        assert {"id", "category", "text", "expected", "coded"} <= set(failure)


def test_records_start_from_petrarchs_defaults_and_config_records_switch_them(
    tmp_path: Path,
) -> None:
    xml = tmp_path / "records.xml"
    xml.write_text(
        "<Validation><Sentences>"
        '<Sentence date="19950101" id="A" category="X"><EventCoding noevents="True"/>'
        "<Text>one</Text></Sentence>"
        '<Config option="require_dyad" value="False"></Config>'
        '<Sentence date="19950102" id="B" category="X">'
        '<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"/>'
        "<Text>two</Text></Sentence></Sentences></Validation>",
        encoding="utf-8",
    )
    env, records = read_records(xml)
    assert env == {}
    # PETRARCH requires a dyad unless told otherwise; dateline's own default does not.
    assert records[0].options == {"require_dyad": True, "new_actor_length": 0}
    assert records[1].options == {"require_dyad": False, "new_actor_length": 0}
    assert records[1].date == "1995-01-02"
    result = score_records(records, {"A": set(), "B": {("ARN", "GON", "064")}})
    assert result["passed"] == 2 and result["events"]["f1"] == 1.0


def test_records_with_the_same_id_are_scored_on_their_own(tmp_path: Path) -> None:
    xml = tmp_path / "records.xml"
    xml.write_text(
        "<Validation><Sentences>"
        '<Sentence date="19950101" id="A" category="X"><EventCoding noevents="True"/>'
        "<Text>one</Text></Sentence>"
        '<Sentence date="19950101" id="A" category="X">'
        '<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"/>'
        "<Text>two</Text></Sentence></Sentences></Validation>",
        encoding="utf-8",
    )
    _, records = read_records(xml)
    assert [r.id for r in records] == ["A", "A#2"]
    result = score_records(records, {"A": set(), "A#2": {("ARN", "GON", "064")}})
    assert result["passed"] == 2
