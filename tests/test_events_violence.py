"""events.violence: attacks made with words are criticism; assault on a person is not war."""

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
    assert "violence.verbal_attack" in event.rules
    events = _events(pipeline, "Democratic lawmakers slammed Governor Reed.")
    assert _codes(events, "slammed") == {"111"}


def test_an_attack_with_a_weapon_or_by_soldiers_stays_force(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Soldiers attacked the protesters in the capital.")
    assert all(code.startswith(("18", "19", "20")) for code in _codes(events, "attacked"))
    events = _events(pipeline, "Hale attacked Reed with a knife outside his office.")
    assert "111" not in _codes(events, "attacked")


def test_a_police_officer_killing_a_man_is_assault_not_war(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Keith Scott was shot and killed by a police officer on Friday.")
    acts = [e for e in events if e.trigger.text in ("shot", "killed")]
    assert [(e.source.code if e.source else None, e.cameo, e.trigger.text) for e in acts] == [
        ("USACOP", "1823", "killed")
    ]
    assert {"violence.assault", "joined.one_act"} <= set(acts[0].rules)
    events = _events(pipeline, "Turkish troops killed Syrian soldiers near the border.")
    assert _codes(events, "killed") == {"190"}
    events = _events(pipeline, "An airstrike killed three civilians in the village.")
    assert not any(code.startswith("18") for code in _codes(events, "killed"))


def test_arrested_and_charged_share_their_object(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Police arrested and charged two men on Monday.")
    arrested = next(e for e in events if e.trigger.text == "arrested")
    assert arrested.target is not None and arrested.target.text == "two men"
    assert "joined.shared_object" in arrested.rules


def test_joined_verbs_on_different_objects_are_two_acts(pipeline: Pipeline) -> None:
    # One act told with two verbs is one event (above); two verbs, each with its own
    # object, are two acts with the same parties.
    events = pipeline.extract(
        "Turkish forces shot down two Syrian planes in Idlib and struck a military airport "
        "in Aleppo province.",
        date="2020-03-02",
    ).events
    acts = [(e.source.code, e.cameo, e.trigger.text) for e in events if e.source]
    assert ("TURMIL", "190", "shot") in acts and ("TURMIL", "190", "struck") in acts


def test_a_pronoun_opening_a_paragraph_refers_to_the_paragraph_before(
    pipeline: Pipeline,
) -> None:
    events = pipeline.extract(
        "Turkey stepped up its intervention in Syria last week.\n\n"
        "On Sunday it shot down two Syrian planes in Idlib.\n",
        date="2020-03-02",
    ).events
    shot = [e for e in events if e.trigger.text == "shot"]
    assert [(e.source.code, e.source.text) for e in shot if e.source] == [("TUR", "it")]
    assert "source:mention.coreference" in shot[0].rules
