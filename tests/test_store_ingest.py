"""The store with real articles: examples/ through the real pipeline into a real SQLite file.

What is read back equals what ``dateline extract`` gives; the ingest job checks an article's
identity (its text) before the parse; a version-1 store moves into version 2 in place.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

import dateline
from conftest import EXAMPLES, SEED_DATE, as_extracted
from dateline import Pipeline
from dateline.cli.extract import process_articles, read_paths
from dateline.ingest import read_file
from dateline.jobs import IngestReport, ingest
from dateline.model import Article, make_article_id
from dateline.store import Store
from dateline.store.migrations import SCHEMA_VERSION, current_version, migrate
from fixtures.store.store_v1 import create_v1_store, v1_article_id, write_v1_article


@dataclass
class Examples:
    """examples/ as ``dateline extract`` gives it, and a store that ingested it."""

    extracted: list[Article]
    db: Path
    report: IngestReport


def extract_example(pipeline: Pipeline, path: Path) -> Article:
    """``dateline extract PATH``, with ``--date`` when the file gives no date (as the demo's
    ``ingest --date`` dates only the undated files)."""
    [read] = read_file(path, settings=pipeline.settings)
    date = SEED_DATE if read.published is None else None
    read_articles, failures, _n = read_paths([str(path)], pipeline.settings, date=date)
    [article], _ = process_articles(read_articles, pipeline, failures)
    return article


@pytest.fixture(scope="module")
def examples(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Examples:
    files = sorted(p for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".html"})
    extracted = [extract_example(pipeline, f) for f in files]
    db = tmp_path_factory.mktemp("examples") / "examples.db"
    with Store(db) as store:
        report = ingest([EXAMPLES], store, pipeline, default_date=SEED_DATE)
    return Examples(extracted, db, report)


@pytest.fixture
def parses(pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The articles the pipeline parses and annotates from now on (their texts)."""
    seen: list[str] = []
    annotate = pipeline.annotate

    def counting(article, doc):  # type: ignore[no-untyped-def]
        seen.append(article.text)
        return annotate(article, doc)

    monkeypatch.setattr(pipeline, "annotate", counting)
    # In this process, so that the parses are seen here (the worker process of the limits
    # per document, tests/test_limits.py, would annotate in a child).
    monkeypatch.setattr(
        "dateline.jobs.process_guarded",
        lambda p, articles, on_error=None: p.process(articles, on_error=on_error),
    )
    return seen


def copy_db(examples: Examples, tmp_path: Path) -> Path:
    db = tmp_path / "copy.db"
    with Store(examples.db) as store:
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(examples.db, db)
    return db


def write_jsonl(path: Path, *records: dict[str, str]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_an_ingested_article_reads_back_as_extract_gives_it(examples: Examples) -> None:
    assert examples.report.stored == len(examples.extracted) == 6
    with Store(examples.db) as store:
        for article in examples.extracted:
            stored = store.article(article.id)
            assert stored is not None, article.source_path
            # the very text `dateline extract --format json` prints
            assert json.dumps(stored, ensure_ascii=False, indent=2) == json.dumps(
                article.to_json(), ensure_ascii=False, indent=2
            )
        events = [e for a in examples.extracted for e in a.to_json()["events"]]
        listed = [as_extracted(e) for e in store.events(min_confidence=0)]
        assert sorted(map(json.dumps, listed)) == sorted(map(json.dumps, events))


def test_reingesting_the_same_folder_parses_nothing_and_changes_nothing(
    examples: Examples, pipeline: Pipeline, parses: list[str], tmp_path: Path
) -> None:
    db = copy_db(examples, tmp_path)
    with Store(db) as store:
        before = list(store.conn.iterdump())
        report = ingest([EXAMPLES], store, pipeline, default_date=SEED_DATE)
        assert list(store.conn.iterdump()) == before
    assert parses == []
    assert (report.stored, report.unchanged, report.failures) == (0, 6, [])


def test_a_known_text_at_a_new_url_is_linked_without_parsing(
    examples: Examples, pipeline: Pipeline, parses: list[str], tmp_path: Path
) -> None:
    seed = EXAMPLES / "000_0606c9bc127a92b0.txt"
    mirror = "https://mirror.example/seed"
    records = write_jsonl(
        tmp_path / "mirror.jsonl", {"url": mirror, "text": seed.read_text(encoding="utf-8")}
    )
    db = copy_db(examples, tmp_path)
    with Store(db) as store:
        report = ingest([records], store, pipeline, default_date=SEED_DATE)
        assert (report.stored, report.unchanged) == (0, 1)
        assert store.count("articles") == 6  # was stored a second time, under its URL
        seed_id = next(a.id for a in examples.extracted if a.source_path == str(seed))
        assert [s["locator"] for s in store.sources(seed_id)] == [mirror]
    assert parses == []


def test_a_text_twice_in_one_ingest_is_parsed_once_and_stored_once(
    pipeline: Pipeline, parses: list[str], tmp_path: Path
) -> None:
    text = "Israel and Syria met in Geneva on Monday."
    records = write_jsonl(
        tmp_path / "twice.jsonl",
        {"url": "https://a.example/1", "text": text},
        {"url": "https://b.example/2", "text": text},
    )
    with Store(tmp_path / "d.db") as store:
        report = ingest([records], store, pipeline, default_date=SEED_DATE)
        assert (report.stored, report.unchanged, report.failures) == (1, 1, [])
        assert store.count("articles") == 1
        locators = [s["locator"] for s in store.sources(make_article_id(text))]
        assert locators == ["https://a.example/1", "https://b.example/2"]
    assert parses == [text]


def test_a_changed_text_at_a_known_url_or_record_id_is_ingested_as_a_new_version(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    first = "Israel and Syria met in Geneva on Monday."
    changed = "Israel and Syria met in Geneva on Tuesday."
    db = tmp_path / "d.db"
    for text in (first, changed):
        records = write_jsonl(
            tmp_path / "r.jsonl",
            {"url": "https://a.example/1", "text": text},
            {"id": "wire-7", "text": text + " Talks went on."},
        )
        with Store(db) as store:
            report = ingest([records], store, pipeline, default_date=SEED_DATE)
        assert (report.stored, report.unchanged) == (2, 0)  # was (0, 2) the second time
    with Store(db) as store:
        assert store.count("articles") == 4
        [at_url] = store.sources(make_article_id(changed))
        assert at_url["previous"] == make_article_id(first) and at_url["newest"]
        [by_id] = store.sources(make_article_id(changed + " Talks went on."))
        assert by_id["locator"] == "wire-7"
        assert by_id["previous"] == make_article_id(first + " Talks went on.")


# --- the migration from version 1 ------------------------------------------------------------


def _schema(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    return {
        (row[0], " ".join(row[1].split()))
        for row in conn.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL")
    }


def write_v1_examples(examples: Examples, path: Path) -> list[tuple[str, Article]]:
    """A version-1 store of examples/, as version 1 wrote it: the seed also at a second URL
    (version 1 stored it twice), and a JSONL record keyed by its own id."""
    seed = examples.extracted[0]
    mirrored = replace(seed, url="https://mirror.example/seed")
    record = Article("Israel and Syria met in Geneva on Monday.", source_path="in.jsonl:1")
    rows = [(v1_article_id(a.url, a.text), a) for a in [*examples.extracted, mirrored]]
    rows.append(("wire-7", record))
    conn = create_v1_store(path)
    for i, (v1_id, article) in enumerate(rows):
        write_v1_article(conn, replace(article, ingested_at=f"2026-11-30T10:00:0{i}+00:00"), v1_id)
    conn.close()
    return rows


def test_a_version_1_store_is_carried_over_in_place(examples: Examples, tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    rows = write_v1_examples(examples, path)
    v1 = sqlite3.connect(path)
    docs = {r[0]: json.loads(r[1]) for r in v1.execute("SELECT id, doc FROM articles")}
    v1.close()
    assert len(docs) == 8
    with Store(path) as store:
        assert current_version(store.conn) == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert store.count("articles") == 7  # the seed's two copies are one article
        seed = examples.extracted[0]
        for v1_id, article in rows:
            # each fact as version 1 kept it, under the new id; the seed, found at no URL
            # and then at the mirror's, reads back with the mirror's
            expected = docs[v1_id]
            expected["article"]["id"] = article.id
            if article.text == seed.text:
                expected["article"]["url"] = "https://mirror.example/seed"
            assert store.article(article.id) == expected
        assert [s["locator"] for s in store.sources(seed.id)] == ["https://mirror.example/seed"]
        assert store.sources(make_article_id(rows[-1][1].text)) == [
            {"kind": "record", "locator": "wire-7", "previous": None, "newest": 1}
        ]
        migrated = _schema(store.conn)
    with Store(tmp_path / "fresh.db") as fresh:
        assert migrated == _schema(fresh.conn)


def test_a_migration_cut_short_goes_on_at_the_next_open(examples: Examples, tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    write_v1_examples(examples, path)
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn)  # the schema steps ran, then the process died before moving articles
    assert conn.execute("SELECT COUNT(*) FROM v1_articles").fetchone()[0] == 8
    conn.close()
    with Store(path) as store:
        assert store.count("articles") == 7
        assert (
            store.conn.execute(
                "SELECT name FROM sqlite_master WHERE name = 'v1_articles'"
            ).fetchall()
            == []
        )


# --- kill -9 ----------------------------------------------------------------------------------


def start_ingest(db: Path) -> subprocess.Popen[bytes]:
    """``dateline ingest examples --db DB --date ...`` as a user starts it, parsing one article
    at a time so that its writes fall all through the run."""
    src = str(Path(dateline.__file__).resolve().parents[1])
    env = os.environ | {"DATELINE_BATCH_SIZE": "1", "PYTHONPATH": src}
    argv = ["ingest", str(EXAMPLES), "--db", str(db), "--date", SEED_DATE]
    return subprocess.Popen(
        [sys.executable, "-m", "dateline.cli.main", *argv],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def stored_articles(db: Path) -> int:
    """How many articles a store being written holds (0 before it exists)."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def kill_after_writes(run: subprocess.Popen[bytes], db: Path, stored: int, delay: float) -> bool:
    """Wait until the store holds ``stored`` articles, then ``delay`` seconds more, and kill
    the run; True if it was still running. Kills follow the writes, not the clock, so a fast
    or a slow machine cuts the run at the same points."""
    deadline = time.monotonic() + 300
    while run.poll() is None and stored_articles(db) < stored and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(delay)
    run.send_signal(signal.SIGKILL)
    return run.wait() == -signal.SIGKILL


@pytest.mark.slow
def test_an_ingest_killed_five_times_loses_nothing_and_duplicates_nothing(
    examples: Examples, tmp_path: Path
) -> None:
    # bench/store.py runs the same loop with 100 kills.
    db = tmp_path / "killed.db"
    rng = random.Random(9)
    kills = runs = 0
    while kills < 5 and runs < 15:
        # The k-th kill falls after the k-th article is stored, at a random point of the
        # next one's parse or write (the examples hold six articles, so one is always left).
        run = start_ingest(db)
        kills += kill_after_writes(run, db, kills, rng.uniform(0, 0.4))
        runs += 1
    assert kills == 5
    assert start_ingest(db).wait() == 0
    with Store(db) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.count("articles") == len(examples.extracted)
        for article in examples.extracted:
            assert store.article(article.id) == article.to_json(), article.source_path
