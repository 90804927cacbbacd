"""Quality gate: dateline's coder on the PLOVER gold records (developers' split)."""

from __future__ import annotations

import pytest

from conftest import SHARED
from dateline import Settings
from dateline.eval.plover import actor_country, countries, evaluate, mapped_type
from gate import check_floors

DEV = SHARED / "plover" / "PLOVER_GSR_CAMEO.dev.json"


@pytest.fixture(scope="module")
def scores(settings: Settings) -> dict:  # type: ignore[type-arg]
    return evaluate(DEV, settings)


@pytest.mark.gold
def test_plover_scores_have_the_output_md_keys(scores: dict) -> None:  # type: ignore[type-arg]
    for key in ("records", "event_type_accuracy", "source_actor", "target_actor"):
        assert key in scores
    assert scores["records"] == 164


@pytest.mark.gold
def test_plover_dev_split_meets_its_floors(scores: dict) -> None:  # type: ignore[type-arg]
    assert check_floors("plover", scores) == []


def test_old_plover_types_are_mapped_and_countries_cut_to_three_letters() -> None:
    assert mapped_type("DEMAND") == "REQUEST" and mapped_type("FIGHT") == "ASSAULT"
    assert mapped_type("AGREE") == "AGREE"
    assert countries([{"code": "USA", "sector": "GOV"}, {"code": "IGOUNO"}]) == {"USA", "IGO"}
    assert countries(None) == set()


def test_an_actor_code_is_read_at_its_country() -> None:
    assert actor_country("IRQREB") == "IRQ"
    assert actor_country("SCGSRB") == "SRB"  # Serbia within Serbia and Montenegro
    assert actor_country("IGOUNO") == "IGO"
    assert actor_country("---GOV") == "---"
