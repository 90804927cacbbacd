"""The floors themselves, checked split by split, and the skip rule of the gold tests."""

from __future__ import annotations

import json

import pytest

from conftest import GOLD_MISSING, ROOT
from gate import BASELINES, check_floors, load_baseline


def test_every_lowered_floor_has_a_reason() -> None:
    for path in BASELINES.glob("*.json"):
        for change in json.loads(path.read_text())["history"]:
            if change["from"] is not None and change["to"] < change["from"]:
                assert change["reason"] and change["reason"] != "raised", (path.name, change)


def test_a_split_is_checked_against_its_own_floors_only() -> None:
    floors = load_baseline("tempeval")["floors"]
    perfect = {"timex": {"f1": 1.0}, "value_f1": 1.0, "value_accuracy": 1.0}
    assert any(metric.startswith("seed.") for metric in floors)
    assert check_floors("tempeval", perfect, split="fixtures") == []
    poor = {"timex": {"f1": 0.0}, "value_f1": 1.0, "value_accuracy": 1.0}
    assert check_floors("tempeval", poor, split="fixtures") == [
        "tempeval fixtures.timex.f1: 0.0000 < floor 0.9900"
    ]
    assert check_floors("tempeval", perfect, split="nowhere") == [
        "tempeval: no floor pinned for the 'nowhere' split"
    ]


GOLD_TEST = """
import pytest

@pytest.mark.gold
def test_scores_a_gold_split():
    pass

def test_uses_the_repository_only():
    pass
"""


def _run_beside_no_gold(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, require: str
) -> pytest.RunResult:
    """Run a gold and a plain test under the project's conftest, with no ../shared beside."""
    pytester.makeconftest((ROOT / "tests" / "conftest.py").read_text(encoding="utf-8"))
    pytester.makeini("[pytest]\nmarkers =\n    gold: reads the gold splits\n")
    pytester.makepyfile(test_gold=GOLD_TEST)
    monkeypatch.setenv("DATELINE_REQUIRE_GOLD", require)
    return pytester.runpytest_subprocess("-ra", "-p", "no:cacheprovider")


def test_gold_test_skips_with_one_reason_without_the_gold_splits(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = _run_beside_no_gold(pytester, monkeypatch, require="")
    result.assert_outcomes(passed=1, skipped=1)
    result.stdout.fnmatch_lines([f"SKIPPED * {GOLD_MISSING}"])


def test_gold_test_fails_without_the_gold_splits_when_ci_requires_them(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = _run_beside_no_gold(pytester, monkeypatch, require="1")
    result.assert_outcomes(passed=1, errors=1)  # failed in set-up: the run exits non-zero
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines([f"*DATELINE_REQUIRE_GOLD=1 but {GOLD_MISSING}*"])
