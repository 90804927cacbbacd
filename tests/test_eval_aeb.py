"""``dateline eval aeb``: the benchmark's shingle score, and the gate on the developers' split."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from conftest import SHARED
from dateline.eval import get_scorer
from dateline.eval.aeb import score_pages, shingle_match
from dateline.settings import Settings
from gate import check_floors

AEB = SHARED / "ingest" / "aeb"


def test_shingle_match_counts_common_extra_and_missed_word_4grams() -> None:
    assert shingle_match("a b c d e", "a b c d e") == (1.0, 0.0, 0.0)
    tp, fp, fn = shingle_match("a b c d e", "a b c d x")  # one 4-gram shared of three
    assert (tp, fp, fn) == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert shingle_match("", "") == (0.0, 0.0, 0.0)


def test_pages_with_nothing_found_count_against_recall_only() -> None:
    scores = score_pages([(1.0, 0.0, 0.0), (0.0, 0.0, 1.0)])
    assert scores == {"precision": 1.0, "recall": 0.5, "f1": 0.6667}


def test_eval_aeb_scores_a_folder_in_the_benchmark_layout(tmp_path: Path) -> None:
    one = "Rebels and troops agreed to a ceasefire on Monday after weeks of fighting in the north."
    two = "Monitors from the United Nations will watch the front line, the mediators said."
    html = (
        "<html><body><nav>Home | World</nav>"
        f"<article><p>{one}</p><p>{two}</p></article></body></html>"
    )
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "p1.html.gz").write_bytes(gzip.compress(html.encode("utf-8")))
    gold = {"p1": {"articleBody": f"{one}\n\n{two}", "url": "https://example.org/p1"}}
    (tmp_path / "ground-truth.json").write_text(json.dumps(gold), encoding="utf-8")
    scores = get_scorer("aeb")(tmp_path, Settings())
    assert scores["pages"] == 1
    assert scores["f1"] > 0.9
    assert scores["failures"] == []


@pytest.mark.gate
@pytest.mark.gold
def test_aeb_body_f1_stays_above_its_floor(settings: Settings) -> None:
    scores = get_scorer("aeb")(AEB, settings)
    assert set(scores) >= {"pages", "precision", "recall", "f1", "failures"}
    assert scores["pages"] == 91
    assert check_floors("aeb", scores) == []
