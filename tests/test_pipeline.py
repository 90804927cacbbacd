"""The pipeline object itself (its stages are tested in their own files)."""

from __future__ import annotations

import gc

from dateline import Pipeline


def test_warm_up_sets_the_loaded_resources_aside_from_the_garbage_collector(
    pipeline: Pipeline,
) -> None:
    # The session fixture has warmed the pipeline up: the model and dictionaries are frozen,
    # so full collections no longer walk them.
    assert gc.get_freeze_count() > 0
    assert pipeline.actors is not None


def test_a_meeting_placed_in_a_third_country_is_cameo_044(pipeline: Pipeline) -> None:
    article = pipeline.extract(
        "Israeli officials met Palestinian negotiators in Cairo on Monday.", date="2012-06-04"
    )
    assert [(e.cameo, e.place.country if e.place else None) for e in article.events] == [
        ("044", "EG")
    ]
    home = pipeline.extract(
        "Israeli officials met Palestinian negotiators in Jerusalem on Monday.", date="2012-06-04"
    )
    assert {e.cameo for e in home.events} == {"040"}
