"""Batch mode (issue 15): inputs -> Parquet parts on a real Dask LocalCluster -> the store.

Real parts throughout: the real model in Dask worker processes, Parquet files read back
with pyarrow, a WARC written with warcio, a real SQLite store, and a batch run killed with
SIGKILL as a process group, at points chosen by how many parts it has finished.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import EXAMPLES, SEED, SEED_DATE
from dateline import Pipeline, Settings
from dateline.batch.core import (
    Shard,
    code_shard,
    part_complete,
    part_name,
    part_path,
    part_run,
    pipeline_fingerprint,
    plan_shards,
    read_part,
)
from dateline.batch.dask import MANIFEST, read_manifest, run_batch
from dateline.batch.load import dataset_parts, load_dataset
from dateline.batch.tables import SCHEMAS, THINGS, part_objects
from dateline.errors import BatchError
from dateline.export import open_export
from dateline.ingest import collect_inputs
from dateline.jobs import IngestReport, ingest, read_articles
from dateline.provenance import coding_run
from dateline.store import EventQuery, Store
from warcs import Page, news_page, write_warc

ROOT = Path(__file__).resolve().parent.parent

WARC_PAGES = [
    Page(
        "https://news.example/talks",
        news_page(
            "Talks in Cairo",
            "CAIRO — Israeli officials met Palestinian negotiators in Cairo on Monday, "
            "Egyptian mediators said.",
            "The United Nations envoy urged both sides to resume talks next week.",
            date="2012-06-04",
        ),
    ),
    Page(
        "https://news.example/clashes",
        news_page(
            "Clashes in Kabul",
            "KABUL — Taliban fighters attacked a police post in Kabul on Sunday, the Afghan "
            "interior ministry said.",
            "Afghan police arrested two suspects after the attack.",
            date="2019-03-10",
        ),
    ),
    Page("https://news.example/logo.png", b"\x89PNG\r\n", content_type="image/png"),
]


def _inputs(folder: Path) -> Path:
    """examples/ and a WARC of news pages (and an image, which is no page) in one folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in sorted(EXAMPLES.iterdir()):
        if path.suffix in {".txt", ".html"}:
            shutil.copy(path, folder / path.name)
    write_warc(folder / "news.warc.gz", WARC_PAGES)
    return folder


def _expected(pipeline: Pipeline, folder: Path) -> list[dict[str, Any]]:
    """What ``dateline ingest`` codes from ``folder``: its articles' output objects."""
    files, _ = collect_inputs([folder])
    read = IngestReport()
    articles = read_articles(files, read, settings=pipeline.settings, default_date=SEED_DATE)
    return [a.to_json() for a in pipeline.process(articles)]


def _dataset_objects(out: Path) -> list[dict[str, Any]]:
    return [doc for part in dataset_parts(out) for doc in part_objects(read_part(out, part))]


def _key(doc: dict[str, Any]) -> str:
    return json.dumps(doc, sort_keys=True, ensure_ascii=False)


class Batch:
    """One batch run of ``_inputs`` on a LocalCluster of 2 worker processes."""

    def __init__(self, folder: Path, out: Path, expected: list[dict[str, Any]]) -> None:
        self.folder, self.out, self.expected = folder, out, expected


@pytest.fixture(scope="module")
def batch(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Batch:
    root = tmp_path_factory.mktemp("batch")
    folder = _inputs(root / "in")
    out = root / "out"
    settings = pipeline.settings.replace(shard_files=2)
    report = run_batch([folder], out, settings, workers=2, default_date=SEED_DATE)
    assert not report.failed_shards
    return Batch(folder, out, _expected(pipeline, folder))


def test_batch_on_two_dask_workers_codes_what_ingest_codes(batch: Batch) -> None:
    got = _dataset_objects(batch.out)
    assert len(got) == len(batch.expected) == 8  # 6 examples, 2 pages of the WARC
    assert sorted(map(_key, got)) == sorted(map(_key, batch.expected))
    events = sum(len(doc["events"]) for doc in got)
    assert events == sum(len(doc["events"]) for doc in batch.expected) > 80


def test_the_warc_records_are_read_and_coded_and_the_image_is_a_failure(batch: Batch) -> None:
    got = {doc["article"]["url"]: doc for doc in _dataset_objects(batch.out)}
    talks = got["https://news.example/talks"]
    assert talks["article"]["title"] == "Talks in Cairo"
    assert talks["article"]["published"]["value"] == "2012-06-04"
    assert "04" in {e["root"] for e in talks["events"]}  # met: consult
    failures = pa.concat_tables(
        [pq.read_table(p) for p in sorted((batch.out / "failures").glob("part-*.parquet"))]
    ).to_pylist()
    assert [f["reason"][:6] for f in failures] == ["[E111]"]
    assert "news.warc.gz" in failures[0]["name"]


def test_the_manifest_counts_every_table_and_names_the_versions(batch: Batch) -> None:
    manifest = read_manifest(batch.out)
    assert manifest is not None
    assert manifest["status"] == "complete"
    assert manifest["inputs"] == [str(batch.folder)]
    assert manifest["files"] == 7 and manifest["shards"] == 4  # 6 files by 2, the WARC alone
    assert manifest["counts"]["articles"] == 8
    assert manifest["counts"]["events"] == sum(len(d["events"]) for d in batch.expected)
    assert manifest["counts"]["failures"] == 1
    assert {"dateline", "spacy", "dask", "distributed", "pyarrow"} <= set(manifest["versions"])
    assert manifest["fingerprint"]["default_date"] == SEED_DATE
    assert len({p["part"] for p in manifest["parts"]}) == 4
    assert all(p["coded_now"] for p in manifest["parts"])


def test_every_table_has_its_declared_schema(batch: Batch) -> None:
    for table, schema in SCHEMAS.items():
        for path in (batch.out / table).glob("part-*.parquet"):
            assert pq.read_schema(path).remove_metadata() == schema, (table, path.name)


def test_a_second_run_without_resume_is_refused_and_with_resume_codes_nothing(
    batch: Batch, pipeline: Pipeline
) -> None:
    settings = pipeline.settings.replace(shard_files=2)
    with pytest.raises(BatchError, match=r"\[E120\]"):
        run_batch([batch.folder], batch.out, settings, workers=1, default_date=SEED_DATE)
    with pytest.raises(BatchError, match=r"\[E121\]"):
        run_batch([batch.folder], batch.out, settings, resume=True, default_date="2001")


def _without_store_keys(event: dict[str, Any]) -> dict[str, Any]:
    """An event as listed, but for its article and its cluster's key: keys of one store
    (the order of the writes numbers the clusters)."""
    out = {k: v for k, v in event.items() if k != "article"}
    if out.get("cluster"):
        out["cluster"] = {k: v for k, v in out["cluster"].items() if k != "id"}
    return out


def test_loading_a_dataset_stores_what_ingest_stores_and_loading_twice_adds_nothing(
    batch: Batch, pipeline: Pipeline, tmp_path: Path
) -> None:
    with Store(tmp_path / "ingested.db") as store:
        ingest([batch.folder], store, pipeline, default_date=SEED_DATE)
        ingested = sorted(
            json.dumps(_without_store_keys(e), sort_keys=True) for e in store.events()
        )
    with Store(tmp_path / "loaded.db") as store:
        first = load_dataset(batch.out, store)
        dump = list(store.conn.iterdump())
        second = load_dataset(batch.out, store)
        assert list(store.conn.iterdump()) == dump
        loaded = sorted(json.dumps(_without_store_keys(e), sort_keys=True) for e in store.events())
        for doc in batch.expected:
            stored = store.article(doc["article"]["id"])
            assert stored is not None
            assert stored["events"] == doc["events"]
            assert stored["quotes"] == doc["quotes"]
    assert (first.stored, first.unchanged, first.failures) == (8, 0, [])
    assert (second.stored, second.unchanged, second.events) == (0, 8, 0)
    assert loaded == ingested
    assert first.parts_without_run == 0


def test_load_records_the_coding_run_each_part_records_else_the_loaders(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    (tmp_path / "in").mkdir()
    shutil.copy(SEED, tmp_path / "in" / "a.txt")
    shard = Shard((str(tmp_path / "in" / "a.txt"),))
    coded_by = pipeline.settings.replace(infer_actors=False)  # a run this store never saw
    fingerprint = pipeline_fingerprint(coded_by, SEED_DATE)
    part = code_shard(shard, tmp_path / "out", coded_by, fingerprint).part
    assert part_run(read_part(tmp_path / "out", part)) == coding_run(coded_by)
    with Store(tmp_path / "loaded.db", settings=pipeline.settings) as store:
        report = load_dataset(tmp_path / "out", store)
        runs = store.conn.execute("SELECT settings, recorded_by FROM coding_runs").fetchall()
        [run] = [(json.loads(r[0]), r[1]) for r in runs]
        assert run == (coding_run(coded_by).to_json()["settings"], "coder")
        assert run[0]["infer_actors"] is False
        assert report.parts_without_run == 0
    # a part an older dateline wrote records no run: the loading installation's, marked so
    articles = part_path(tmp_path / "out", "articles", part)
    pq.write_table(pq.read_table(articles).replace_schema_metadata(None), articles)
    with Store(tmp_path / "older.db", settings=pipeline.settings) as store:
        report = load_dataset(tmp_path / "out", store)
        [row] = store.conn.execute("SELECT settings, recorded_by FROM coding_runs").fetchall()
        assert row[1] == "loader" and json.loads(row[0])["infer_actors"] is True
        assert report.parts_without_run == 1 and report.stored == 1
        export = open_export(store, EventQuery(min_confidence=0), "jsonl")
        list(export.chunks)
        [listed] = export.manifest["coding_runs"]
        assert listed["recorded_by"] == "loader" and listed["rows"] == export.manifest["rows"] > 0


def test_load_of_a_folder_with_no_dataset_is_a_coded_error(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store, pytest.raises(BatchError, match=r"\[E123\]"):
        load_dataset(tmp_path, store)


def test_every_field_of_the_output_object_has_a_column(seed: Any) -> None:
    doc = seed.to_json()

    def check(value: Any, kind: pa.DataType, where: str) -> None:
        if isinstance(value, dict):
            assert pa.types.is_struct(kind), where
            names = {kind.field(i).name for i in range(kind.num_fields)}
            assert set(value) <= names, (where, set(value) - names)
            for key, item in value.items():
                check(item, kind.field(key).type, f"{where}.{key}")
        elif isinstance(value, list) and value:
            assert pa.types.is_list(kind), where
            for item in value:
                check(item, kind.value_type, where + "[]")

    def as_struct(schema: pa.Schema) -> pa.StructType:
        return pa.struct(list(schema))

    check(doc["article"], as_struct(SCHEMAS["articles"]), "article")
    for thing in THINGS:
        assert doc[thing], thing
        for item in doc[thing]:
            check(item, as_struct(SCHEMAS[thing]), thing)


def test_a_part_name_changes_with_the_files_and_the_settings(
    settings: Settings, tmp_path: Path
) -> None:
    shutil.copy(SEED, tmp_path / "a.txt")
    shard = Shard((str(tmp_path / "a.txt"),))
    fingerprint = pipeline_fingerprint(settings, SEED_DATE)
    name = part_name(shard, fingerprint)
    assert part_name(shard, pipeline_fingerprint(settings, SEED_DATE)) == name
    assert part_name(shard, pipeline_fingerprint(settings, "2007")) != name
    other = settings.replace(min_confidence=0.5)
    assert part_name(shard, pipeline_fingerprint(other, SEED_DATE)) != name
    faster = settings.replace(batch_size=8, cache_dir=str(tmp_path))
    assert part_name(shard, pipeline_fingerprint(faster, SEED_DATE)) == name
    (tmp_path / "a.txt").write_text("Another text.", encoding="utf-8")
    assert part_name(shard, fingerprint) != name


def test_shards_keep_many_article_files_alone(tmp_path: Path) -> None:
    for name in ("a.txt", "b.html", "c.jsonl", "d.txt", "e.warc.gz", "f.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    files, _ = collect_inputs([tmp_path])
    shards = [[Path(f).name for f in s.files] for s in plan_shards(files, 2)]
    assert shards == [["a.txt", "b.html"], ["c.jsonl"], ["e.warc.gz"], ["d.txt", "f.txt"]]


def test_an_unreadable_file_is_a_failure_row_and_the_shard_goes_on(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    (tmp_path / "in").mkdir()
    shutil.copy(SEED, tmp_path / "in" / "a.txt")
    (tmp_path / "in" / "b.txt").write_bytes(b"")
    shard = Shard((str(tmp_path / "in" / "a.txt"), str(tmp_path / "in" / "b.txt")))
    fingerprint = pipeline_fingerprint(pipeline.settings, SEED_DATE)
    report = code_shard(shard, tmp_path / "out", pipeline.settings, fingerprint)
    assert report.articles == 1 and report.failures == 1
    tables = read_part(tmp_path / "out", report.part)
    [failure] = tables["failures"].to_pylist()
    assert failure["name"].endswith("b.txt") and failure["reason"].startswith("[E020]")
    assert part_complete(tmp_path / "out", report.part)
    # No temporary file is left beside the parts.
    leftovers = [p.name for p in (tmp_path / "out").rglob(".*")]
    assert leftovers == []


# --- killed and resumed -------------------------------------------------------------------


def _finished_parts(out: Path) -> int:
    return len(list((out / "articles").glob("part-*.parquet"))) if out.is_dir() else 0


def _batch_command(folder: Path, out: Path, *, resume: bool) -> list[str]:
    return [
        sys.executable,
        "-m",
        "dateline.cli.main",
        "batch",
        str(folder),
        "--out",
        str(out),
        "--workers",
        "1",
        "--shard-size",
        "1",
        "--date",
        SEED_DATE,
        *(["--resume"] if resume else []),
    ]


def _run_until(command: list[str], out: Path, parts: int, env: dict[str, str]) -> None:
    """Run ``command`` in a process group of its own and kill the whole group (SIGKILL) as
    soon as ``out`` holds ``parts`` finished parts."""
    process = subprocess.Popen(
        command,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 300
    try:
        while _finished_parts(out) < parts:
            assert process.poll() is None, "the batch ended before it was killed"
            assert time.monotonic() < deadline, "the batch made no progress"
            time.sleep(0.02)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@pytest.mark.slow
def test_a_batch_killed_at_any_part_then_resumed_gives_every_row_once(
    batch: Batch, settings: Settings, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    env = {**os.environ, "DATELINE_CACHE_DIR": str(settings.cache_path)}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    # 7 shards of one file (the WARC among them): killed after 1, then after 4 parts.
    for parts in (1, 4):
        _run_until(_batch_command(batch.folder, out, resume=parts > 1), out, parts, env)
        assert (out / MANIFEST).is_file()
        # Every part under its own name is complete: no partial part.
        for name in (out / "articles").glob("part-*.parquet"):
            assert part_complete(out, name.stem.removeprefix("part-"))
    done = subprocess.run(
        _batch_command(batch.folder, out, resume=True),
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 1, done.stderr  # the WARC's image is a failure
    assert "(4 complete already)" in done.stdout or "complete already" in done.stdout
    got = _dataset_objects(out)
    assert sorted(map(_key, got)) == sorted(map(_key, batch.expected))  # none twice or missing
    manifest = read_manifest(out)
    assert manifest is not None and manifest["status"] == "complete"
    assert sum(not p["coded_now"] for p in manifest["parts"]) >= 4
    assert [p.name for p in out.rglob(".*")] == []  # the killed runs' temporary files are gone
