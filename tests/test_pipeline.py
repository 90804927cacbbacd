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
