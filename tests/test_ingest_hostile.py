"""The hostile corpus (tests/hostile_corpus.py) through `dateline ingest`: every input ends
in a stored article or a coded error, and the run completes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli.common import EXIT_INPUTS_FAILED
from dateline.cli.main import app
from dateline.settings import Settings
from dateline.store import Store
from hostile_corpus import make_hostile_corpus

_SUMMARY = re.compile(r"(\d+) files, (\d+) articles: (\d+) stored.*?(\d+) failures")
_FAILED = re.compile(r"^failed: (.+?): (\[E\d{3}\].*|.*)$")


def ingest_corpus(settings: Settings, tmp_path: Path, scale: int) -> None:
    corpus = tmp_path / "corpus"
    expected = make_hostile_corpus(corpus, scale=scale)
    db = tmp_path / "hostile.db"
    # A wide console, so that no message is wrapped.
    runner = CliRunner(env={"DATELINE_CACHE_DIR": settings.cache_dir, "COLUMNS": "100000"})
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "--date", "2021-01-01"])

    # The run completes, with its summary, and exits with 1: some inputs failed.
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    summary = _SUMMARY.search(result.output)
    assert summary is not None, result.output
    files, _, _, failure_count = map(int, summary.groups())
    assert files == len(expected)
    failures = [m.groups() for line in result.output.splitlines() if (m := _FAILED.match(line))]
    assert len(failures) == failure_count
    assert failure_count and result.exit_code == EXIT_INPUTS_FAILED
    # Every failure is a coded error, not a crash.
    for name, reason in failures:
        assert reason.startswith("[E"), (name, reason)

    with Store(db) as store:
        stored = {row[0] for row in store.conn.execute("SELECT source_path FROM articles")}
    for file_name, outcome in expected.items():
        path = str(corpus / file_name)
        mine = [
            reason
            for name, reason in failures
            if re.fullmatch(rf"{re.escape(path)}([:@]\d+)?", name)
        ]
        ended = (path in stored) + len(mine)
        assert ended, f"{file_name}: neither stored nor refused"
        if outcome == "stored":
            assert path in stored, (file_name, mine)
        elif outcome.startswith("E"):
            assert path not in stored and any(r.startswith(f"[{outcome}]") for r in mine), (
                file_name,
                mine,
            )


def test_every_hostile_input_ends_stored_or_with_a_coded_error(
    settings: Settings, tmp_path: Path
) -> None:
    ingest_corpus(settings, tmp_path, scale=1)


@pytest.mark.slow
def test_every_hostile_input_five_times_larger_ends_stored_or_with_a_coded_error(
    settings: Settings, tmp_path: Path
) -> None:
    ingest_corpus(settings, tmp_path, scale=5)
