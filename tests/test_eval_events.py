"""Quality gate: dateline's events on whole articles coded by hand (developers' split)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import EXAMPLES, SHARED
from dateline import Settings
from dateline.eval.events import Coded, evaluate, gold_events, match, same_sentence
from gate import check_floors

DEV = SHARED / "events" / "dev.jsonl"


@pytest.fixture(scope="module")
def scores(settings: Settings) -> dict:  # type: ignore[type-arg]
    return evaluate(DEV, settings)


@pytest.mark.gold
def test_events_scores_have_the_output_md_keys(scores: dict) -> None:  # type: ignore[type-arg]
    for key in ("articles", "gold_events", "pred_events"):
        assert key in scores
    for key in ("root", "code", "root_source", "root_only", "sentences"):
        assert set(scores[key]) == {"precision", "recall", "f1"}
    assert scores["articles"] == 50


@pytest.mark.gold
def test_events_dev_split_meets_its_floors(scores: dict) -> None:  # type: ignore[type-arg]
    assert check_floors("events", scores) == []


def test_sentences_match_when_one_holds_the_other_or_most_words_are_shared() -> None:
    assert same_sentence("Police arrested him.", "Police arrested him. He ran.")
    assert same_sentence(
        "The army shelled the town on Monday, officials said",
        "The army shelled the town on Monday, local officials said.",
    )
    assert not same_sentence("The army shelled the town.", "Talks resumed in Geneva on Friday.")
    assert not same_sentence("", "Talks resumed.")


def test_a_mutual_gold_event_counts_both_ways_and_root_01_is_left_out() -> None:
    record = {
        "events": [
            {"sentence": "A met B.", "source": "USAGOV", "target": "RUSGOV", "cameo": "040",
             "mutual": True, "trigger": "met"},
            {"sentence": "A said so.", "source": "USAGOV", "target": None, "cameo": "010",
             "mutual": False, "trigger": "said"},
        ]
    }  # fmt: skip
    gold = gold_events(record)
    assert [(g.source, g.target) for g in gold] == [("USA", "RUS"), ("RUS", "USA")]


def test_events_match_one_to_one_on_the_measure_key() -> None:
    gold = [Coded("Police arrested two men.", "USA", "USA", "173", "arrested")] * 2
    found = [Coded("Police arrested two men.", "USA", "USA", "1731", "arrested")]
    assert match(gold, found, lambda c: c.key("root")) == [(0, 0)]
    assert match(gold, found, lambda c: c.key("code")) == []


def test_eval_events_scores_an_article_of_the_examples(tmp_path: Path, settings: Settings) -> None:
    text = (EXAMPLES / "000_0606c9bc127a92b0.txt").read_text(encoding="utf-8")
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "seed.txt").write_text(text, encoding="utf-8")
    record = {"id": "seed", "date": "2006-05-23", "text_file": "texts/seed.txt", "events": []}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    scores = evaluate(gold, settings)
    assert scores["articles"] == 1 and scores["gold_events"] == 0
    # Every event dateline asserts in an article coded as holding none is invented.
    assert scores["root"]["precision"] == 0.0
    assert all(f["kind"] == "invented" for f in scores["failures"])
