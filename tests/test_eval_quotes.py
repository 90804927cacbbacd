"""``dateline eval quotes``: BRAT reading, span matching and the quality gate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import FIXTURES, SHARED
from dateline.cli.main import app
from dateline.errors import EvalError
from dateline.eval.quotes import evaluate, overlap_ratio, read_brat
from dateline.settings import Settings
from gate import check_floors

SEED_GOLD = SHARED / "quotes" / "seed"
POLNEAR = SHARED / "quotes" / "polnear-dev"
OWN_GOLD = FIXTURES / "quotes"
# A story of dateline's own under a header of navigation lines: one source introduced once
# and quoted in two later paragraphs (the seed article's shape).
NAVIGATION = OWN_GOLD / "22_navigation.txt"


@pytest.fixture(scope="module")
def fixture_scores(settings: Settings) -> dict[str, Any]:
    """dateline's own fixtures, scored once."""
    return evaluate(OWN_GOLD, settings)


@pytest.fixture(scope="module")
def seed_scores(settings: Settings) -> dict[str, Any]:
    """The developers' seed gold, scored once."""
    return evaluate(SEED_GOLD, settings)


def test_read_brat_links_one_source_to_several_attributions() -> None:
    gold = read_brat(NAVIGATION.with_suffix(".ann"))
    assert len(gold) == 4
    introduced = (218, 254)  # "a mediator who attended the meetings"
    assert sum(1 for g in gold if g.source == [introduced]) == 3
    first = gold[0]
    assert first.cue == [(255, 259)] and first.content == [(162, 216)]


def test_read_brat_keeps_every_part_of_a_discontinuous_span(tmp_path: Path) -> None:
    ann = tmp_path / "a.ann"
    ann.write_text(
        "T1\tContent 0 5;10 15\thello world\nT2\tCue 6 9\tsaid\n"
        "T3\tAttribution 6 9\tsaid\nE1\tAttribution:T3 Content:T1 Cue:T2\n",
        encoding="utf-8",
    )
    (att,) = read_brat(ann)
    assert att.content == [(0, 5), (10, 15)] and att.source is None


def test_read_brat_names_the_file_and_line_of_a_malformed_line(tmp_path: Path) -> None:
    ann = tmp_path / "bad.ann"
    ann.write_text("T1\tContent 0 5\thello\nthis is not brat\n", encoding="utf-8")
    with pytest.raises(EvalError, match=r"\[E080\].*bad.ann, line 2"):
        read_brat(ann)


def test_eval_quotes_refuses_a_folder_without_gold(tmp_path: Path, settings: Settings) -> None:
    with pytest.raises(EvalError, match=r"\[E083\]"):
        evaluate(tmp_path, settings)


def test_overlap_is_measured_against_the_longer_span() -> None:
    assert overlap_ratio([(0, 100)], [(0, 50)]) == 0.5
    assert overlap_ratio([(0, 10), (20, 30)], [(0, 30)]) == pytest.approx(20 / 30)
    assert overlap_ratio([(0, 10)], [(10, 20)]) == 0.0


def test_scores_map_cleaned_offsets_back_to_the_input(settings: Settings) -> None:
    scores = evaluate(NAVIGATION, settings)
    # The cleaned text drops the navigation lines; without the offset map nothing would match.
    assert scores["matched"] == scores["gold"] == 4
    assert scores["speaker_accuracy"] == 1.0


@pytest.mark.gold
def test_seed_scores_map_cleaned_offsets_back_to_the_input(seed_scores: dict[str, Any]) -> None:
    assert seed_scores["matched"] == seed_scores["gold"] == 11
    assert seed_scores["speaker_accuracy"] == 1.0


def test_eval_quotes_reports_the_keys_of_output_md(fixture_scores: dict[str, Any]) -> None:
    assert set(fixture_scores["quotes"]) == {"precision", "recall", "f1"}
    assert {"speaker_accuracy", "failures"} <= set(fixture_scores)


@pytest.mark.gate
def test_quotation_scores_on_the_fixtures_stay_above_their_floors(
    fixture_scores: dict[str, Any],
) -> None:
    assert check_floors("quotes", fixture_scores, split="fixtures") == []


@pytest.mark.gate
@pytest.mark.gold
def test_quotation_scores_on_the_seed_gold_stay_above_their_floors(
    seed_scores: dict[str, Any],
) -> None:
    assert check_floors("quotes", seed_scores, split="seed") == []


def test_cli_eval_quotes_prints_the_scores_as_json(settings: Settings) -> None:
    runner = CliRunner(env={"DATELINE_CACHE_DIR": settings.cache_dir, "COLUMNS": "200"})
    result = runner.invoke(app, ["eval", "quotes", str(NAVIGATION), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["quotes"]["f1"] == 1.0 and out["speaker_accuracy"] == 1.0


def test_cli_eval_quotes_lists_failures_in_a_table(settings: Settings, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text('"We will stay," the mayor said.\n', encoding="utf-8")
    (tmp_path / "a.ann").write_text(
        "T1\tContent 1 14\tWe will stay,\nT2\tCue 26 30\tsaid\nT3\tAttribution 26 30\tsaid\n"
        'T4\tSource 16 25\tthe mayor\nT5\tContent 0 3\t"We\n'
        "E1\tAttribution:T3 Content:T1 Cue:T2 Source:T4\n"
        "E2\tAttribution:T3 Content:T5 Cue:T2\n",
        encoding="utf-8",
    )
    runner = CliRunner(env={"DATELINE_CACHE_DIR": settings.cache_dir, "COLUMNS": "200"})
    result = runner.invoke(app, ["eval", "quotes", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "missed" in result.stdout and "speaker_accuracy" in result.stdout


@pytest.mark.gate
@pytest.mark.gold
@pytest.mark.slow
def test_attribution_scores_on_polnear_dev_stay_above_their_floors(settings: Settings) -> None:
    # PolNeAR's dev compartment, every attribution annotated (issue 11); its README: measure.
    scores = evaluate(POLNEAR, settings)
    assert scores["files"] == 84 and scores["skipped"] == 1
    assert check_floors("quotes", scores, split="polnear") == []
