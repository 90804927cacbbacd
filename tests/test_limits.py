"""Limits per document in ingest (issue 9): an article over its time or memory limit, or
whose worker dies, is a failure with its reason, and the next article is stored."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from spacy.tokens import Doc

from conftest import EXAMPLES
from dateline import Pipeline
from dateline.cli.extract import process_articles, read_paths
from dateline.jobs import IngestReport, ingest
from dateline.model import Article
from dateline.store import Store
from dateline.worker import limits_enforced, rss_mb

SEED = EXAMPLES / "000_0606c9bc127a92b0.txt"
SHORT = "Israeli officials met Palestinian negotiators in Cairo on Monday.\n"


def _ingest(pipeline: Pipeline, folder: Path, db: Path) -> tuple[IngestReport, Store]:
    store = Store(db)
    return ingest([folder], store, pipeline, default_date="2012-06-04"), store


def _long_text(chars: int) -> str:
    seed = SEED.read_text(encoding="utf-8")
    return (seed * (chars // len(seed) + 1))[:chars]


def test_an_article_over_doc_timeout_s_fails_with_its_reason_and_the_next_is_stored(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    # 200,000 characters take 10 s or more on any machine; the short article well under 2 s.
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a-long.txt").write_text(_long_text(200_000), encoding="utf-8")
    (tmp_path / "in" / "b-short.txt").write_text(SHORT, encoding="utf-8")
    limited = Pipeline(pipeline.settings.replace(doc_timeout_s=2.0), nlp=pipeline.nlp)
    report, store = _ingest(limited, tmp_path / "in", tmp_path / "t.db")
    with store:
        assert [f.name for f in report.failures] == [str(tmp_path / "in" / "a-long.txt")]
        assert report.failures[0].reason.startswith("[E034]")
        assert "doc_timeout_s=2" in report.failures[0].reason
        assert report.stored == 1
        assert store.count("articles") == 1


class _KilledPipeline(Pipeline):
    """A pipeline whose process is killed on one article, as the system's out-of-memory
    killer kills it."""

    def parse(self, text: str) -> Doc:
        if "CRASH" in text:
            os.kill(os.getpid(), signal.SIGKILL)
        return super().parse(text)


def test_an_article_whose_worker_dies_fails_with_its_reason_and_the_next_is_stored(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a-crash.txt").write_text("CRASH " + SHORT, encoding="utf-8")
    (tmp_path / "in" / "b-short.txt").write_text(SHORT, encoding="utf-8")
    crashing = _KilledPipeline(pipeline.settings, nlp=pipeline.nlp)
    report, store = _ingest(crashing, tmp_path / "in", tmp_path / "t.db")
    with store:
        assert len(report.failures) == 1
        assert report.failures[0].name.endswith("a-crash.txt")
        assert report.failures[0].reason.startswith("[E036]")
        assert "SIGKILL" in report.failures[0].reason
        assert report.stored == 1


class _FailingPipeline(Pipeline):
    def parse(self, text: str) -> Doc:
        if "FAIL" in text:
            raise ValueError("the stage failed on this text")
        return super().parse(text)


def test_a_stage_error_in_the_worker_is_recorded_with_its_own_message(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a-fail.txt").write_text("FAIL " + SHORT, encoding="utf-8")
    (tmp_path / "in" / "b-short.txt").write_text(SHORT, encoding="utf-8")
    failing = _FailingPipeline(pipeline.settings, nlp=pipeline.nlp)
    report, store = _ingest(failing, tmp_path / "in", tmp_path / "t.db")
    store.close()
    assert [f.reason for f in report.failures] == ["the stage failed on this text"]
    assert report.stored == 1


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="the memory guard reads /proc")
def test_an_article_over_max_rss_mb_fails_with_its_reason_and_the_next_is_stored(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    # Parsed whole, 300,000 characters take a gigabyte more than the loaded model.
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a-long.txt").write_text(_long_text(300_000), encoding="utf-8")
    (tmp_path / "in" / "b-short.txt").write_text(SHORT, encoding="utf-8")
    limit = rss_mb(os.getpid()) + 300
    settings = pipeline.settings.replace(max_rss_mb=limit, max_parse_chars=0, doc_timeout_s=0)
    limited = Pipeline(settings, nlp=pipeline.nlp)
    report, store = _ingest(limited, tmp_path / "in", tmp_path / "t.db")
    with store:
        assert len(report.failures) == 1
        assert report.failures[0].name.endswith("a-long.txt")
        assert report.failures[0].reason.startswith("[E035]")
        assert f"max_rss_mb={limit:,}" in report.failures[0].reason
        assert report.stored == 1


def test_ingest_counts_the_articles_whose_sentences_were_cut(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    (tmp_path / "in").mkdir()
    words = ("the rebels met the envoy in the capital and talks went on " * 60).strip()
    (tmp_path / "in" / "flat.txt").write_text(words, encoding="utf-8")
    report, store = _ingest(pipeline, tmp_path / "in", tmp_path / "t.db")
    store.close()
    assert report.stored == 1 and not report.failures
    assert [w.reason[:6] for w in report.warnings] == ["[W001]"]


def test_without_limits_articles_are_processed_in_the_calling_process(
    pipeline: Pipeline,
) -> None:
    free = Pipeline(pipeline.settings.replace(doc_timeout_s=0, max_rss_mb=0), nlp=pipeline.nlp)
    assert not limits_enforced(free)
    assert limits_enforced(pipeline)
    assert [a.text for a in free.process([Article(SHORT)])] == [SHORT]


def test_extract_applies_the_limits_per_document_too(pipeline: Pipeline, tmp_path: Path) -> None:
    (tmp_path / "a-crash.txt").write_text("CRASH " + SHORT, encoding="utf-8")
    (tmp_path / "b-short.txt").write_text(SHORT, encoding="utf-8")
    killed = _KilledPipeline(pipeline.settings, nlp=pipeline.nlp)
    read, failures, _n = read_paths([str(tmp_path)], killed.settings)
    articles, failures = process_articles(read, killed, failures)
    assert [a.text for a in articles] == [SHORT.strip()]
    assert [f.reason[:6] for f in failures] == ["[E036]"]
