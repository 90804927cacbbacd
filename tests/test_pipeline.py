"""The pipeline object itself (its stages are tested in their own files)."""

from __future__ import annotations

import gc

from conftest import EXAMPLES
from dateline import Pipeline
from dateline.model import Article


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


def test_process_parses_an_article_over_max_parse_chars_in_pieces_and_keeps_the_order(
    pipeline: Pipeline,
) -> None:
    seed = (EXAMPLES / "000_0606c9bc127a92b0.txt").read_text(encoding="utf-8")
    small = Pipeline(pipeline.settings.replace(max_parse_chars=1500), nlp=pipeline.nlp)
    texts = [seed[:1000], seed * 2, seed[:1000] + " Again."]
    done = list(small.process(Article(text) for text in texts))
    assert [a.text for a in done] == texts
    # The long one's events are those of the seed, twice, at the same places in each copy's
    # body (the second copy's headline, mid-text, is no headline above a dateline).
    long = done[1]
    body = seed.index("Baghdad, Asharq")
    at = [(e.cameo, e.trigger.start) for e in long.events]
    first = [(code, i) for code, i in at if body <= i < len(seed)]
    second = [(code, i - len(seed)) for code, i in at if i >= len(seed) + body]
    assert first and first == second
