"""events.verbal: attacks made with words are criticism, not force."""

from __future__ import annotations

from dateline import Pipeline
from dateline.model import Event

STORY = "WASHINGTON (AP) — Senator Jane Hale and Governor Tom Reed met on Monday.\n\n"


def _events(pipeline: Pipeline, text: str) -> list[Event]:
    return pipeline.extract(STORY + text, date="2016-09-20").events


def _codes(events: list[Event], trigger: str) -> set[str]:
    return {e.cameo for e in events if e.trigger.text == trigger}


def test_a_politician_blasting_a_rival_is_criticism(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Hale blasted Reed on Tuesday over the budget.")
    assert _codes(events, "blasted") == {"111"}
    event = next(e for e in events if e.trigger.text == "blasted")
    assert "verbal.verbal_attack" in event.rules
    events = _events(pipeline, "Democratic lawmakers slammed Governor Reed.")
    assert _codes(events, "slammed") == {"111"}


def test_an_attack_with_a_weapon_or_by_soldiers_stays_force(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Soldiers attacked the protesters in the capital.")
    assert all(code.startswith(("18", "19", "20")) for code in _codes(events, "attacked"))
    events = _events(pipeline, "Hale attacked Reed with a knife outside his office.")
    assert "111" not in _codes(events, "attacked")
