"""events.legal: acts of the police and the courts as news reports them."""

from __future__ import annotations

from dateline import Pipeline
from dateline.model import Event


def _events(pipeline: Pipeline, text: str) -> list[Event]:
    return pipeline.extract(text, date="2009-03-27").events


def _one(events: list[Event], trigger: str) -> Event:
    return next(e for e in events if e.trigger.text == trigger)


STORY = (
    "SPRINGFIELD, Ill. — A Springfield man was arrested at his home on Wednesday.\n\n"
    "He was charged with criminal trespass, the Illinois State Police said.\n\n"
    "A Decatur woman was sentenced to 12 years in prison on Monday.\n\n"
    "Two brothers were indicted by a Sangamon County grand jury in March."
)


def test_an_agentless_passive_arrest_has_the_police_as_its_source(pipeline: Pipeline) -> None:
    arrest = _one(_events(pipeline, STORY), "arrested")
    assert arrest.source is not None and arrest.source.code == "USACOP"
    assert arrest.source.text == "" and arrest.source.start == arrest.trigger.start
    assert arrest.target is not None and arrest.target.code.startswith("USA")
    assert arrest.cameo == "173"


def test_a_sentence_is_a_courts_verdict(pipeline: Pipeline) -> None:
    sentence = _one(_events(pipeline, STORY), "sentenced")
    assert sentence.source is not None and sentence.source.code == "USAJUD"
    assert sentence.cameo == "116" and "legal.verdict" in sentence.rules


def test_a_named_agent_is_kept(pipeline: Pipeline) -> None:
    indicted = _one(_events(pipeline, STORY), "indicted")
    assert indicted.source is not None and indicted.source.text.endswith("grand jury")


def test_charged_with_a_crime_is_a_legal_charge_not_an_accusation(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Police charged the driver with reckless homicide on Friday.")
    assert _one(events, "charged").cameo == "173"
    events = _events(pipeline, "Iran charged that Israel had attacked its ships.")
    assert all(e.cameo != "173" for e in events)


def test_taken_to_jail_is_detention_by_the_police(pipeline: Pipeline) -> None:
    text = "HAMILTON, Ohio (AP) — Patricia Moore was taken to the Butler County Jail on Monday."
    taken = _one(_events(pipeline, text), "taken")
    assert taken.cameo == "173" and taken.source is not None and taken.source.code == "USACOP"
    assert taken.target is not None and taken.target.text == "Patricia Moore"  # not the dateline
    took = _one(
        _events(pipeline, "HAMILTON, Ohio (AP) — Deputies took Moore into custody."), "took"
    )
    assert took.cameo == "173"
    park = _events(pipeline, "HAMILTON, Ohio (AP) — The mayor took reporters to the new park.")
    assert all(e.cameo != "173" for e in park)


def test_an_agentless_passive_of_any_other_verb_implies_no_one(pipeline: Pipeline) -> None:
    events = _events(pipeline, "SPRINGFIELD, Ill. — The man was praised for his courage.")
    assert all(e.source is not None and e.source.text for e in events)


def test_the_police_questioning_someone_investigate_others_questioning_criticize(
    pipeline: Pipeline,
) -> None:
    text = (
        "WASHINGTON (AP) — Detectives questioned two men on Friday. Democrats questioned "
        "the Republican nominee."
    )
    events = pipeline.extract(text, date="2016-09-20").events
    codes = {(e.source.code if e.source else None, e.cameo) for e in events}
    assert ("USACOP", "091") in codes and ("USAPTY", "111") in codes


def test_a_headline_passive_of_the_police_or_courts_is_read(pipeline: Pipeline) -> None:
    text = "SPRINGFIELD, Ill. — Police are investigating.\n\nArea woman sentenced for fraud."
    sentenced = _one(_events(pipeline, text), "sentenced")
    assert sentenced.source is not None and sentenced.source.code == "USAJUD"
    assert sentenced.target is not None and sentenced.target.text == "Area woman"


def test_a_killing_in_the_passive_is_violence_unless_an_accident_is_named(
    pipeline: Pipeline,
) -> None:
    killed = _events(pipeline, "A Marine was killed in Afghanistan on Monday.")
    assert [e.root for e in killed] == ["19"]
    crash = _events(pipeline, "A Marine was killed in a car crash in Texas on Monday.")
    assert not [e for e in crash if e.root == "19"]
