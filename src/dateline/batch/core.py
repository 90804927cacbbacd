"""The batch core (issue 15): a shard of input files -> one part of each Parquet table.

A shard is a list of input files: one JSON Lines or WARC file (many articles) alone, or up
to ``shard_files`` files of one article each. ``code_shard`` reads its records, codes them
with the process's one ``Pipeline`` (loaded once per process, never pickled), each article
in the forked worker with the limits per document (``worker.process_guarded``), and writes
the rows to the part's tables as they come, a row group at a time, so a shard of any size
passes through flat memory.

A part is named from a hash of its shard (each file's name and bytes), dateline's version,
the model and every setting that changes what is coded (``pipeline_fingerprint``). Its
tables are written under temporary names and renamed when all are written, the
``articles`` table last: a part whose ``articles`` file exists is complete, and a run
killed at any point leaves no partial part under a part's name.

Each part's ``articles`` file records the coding run of the worker that coded it (its
dateline version, coder, model, dictionaries' sha256 and settings; ``provenance.py``) in the
Parquet schema's metadata under ``dateline.coding_run``: ``dateline load`` records it with
the part's articles (``part_run``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from datetime import date as _date
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .. import __version__
from ..ingest import holds_many_articles
from ..jobs import IngestReport, read_articles
from ..model import Article
from ..pipeline import Pipeline
from ..provenance import CodingRun, coding_run
from ..settings import Settings
from ..worker import process_guarded, rss_mb
from .tables import FAILURES, SCHEMAS, TABLES, Rows, article_rows, empty_rows, rows_to_tables

__all__ = [
    "PartReport",
    "Shard",
    "code_shard",
    "part_complete",
    "part_path",
    "part_run",
    "pipeline_fingerprint",
    "plan_shards",
    "shared_pipeline",
]

PART_SUFFIX = ".parquet"
# The key of the coding run in the metadata of a part's ``articles`` schema.
RUN_METADATA = b"dateline.coding_run"
# Settings that change how fast or where dateline works, not what it codes: a part coded
# under other values of these is the same part.
_NOT_CODING = frozenset({"db", "cache_dir", "n_process", "batch_size", "shard_files"})
_DATA = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class Shard:
    """Input files coded together into one part."""

    files: tuple[str, ...]


@dataclass
class PartReport:
    """What coding one shard gave: its part, counts, failures; ``skipped`` when the part
    was complete already (``--resume``)."""

    part: str
    files: tuple[str, ...]
    articles: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    failures: int = 0
    skipped: bool = False
    seconds: float = 0.0
    worker_pid: int = 0
    worker_rss_mb: int = 0


def plan_shards(files: Sequence[Path], shard_files: int) -> list[Shard]:
    """Shards of ``files`` in order: a JSON Lines or WARC file alone, the others in groups of
    at most ``shard_files``."""
    shards: list[Shard] = []
    group: list[str] = []
    for path in files:
        if holds_many_articles(path):
            shards.append(Shard((str(path),)))
            continue
        group.append(str(path))
        if len(group) >= max(1, shard_files):
            shards.append(Shard(tuple(group)))
            group = []
    if group:
        shards.append(Shard(tuple(group)))
    return shards


@lru_cache(maxsize=4)
def _data_digest(dictionaries: str) -> str:
    """The sha256 of the packaged data (dictionaries, tables, gazetteer) and of the folder
    of the ``dictionaries`` setting, if any."""
    digest = hashlib.sha256()
    folders = [_DATA] + ([Path(dictionaries)] if dictionaries else [])
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(str(path.relative_to(folder)).encode() + b"\0")
            with path.open("rb") as f:
                for block in iter(lambda: f.read(1 << 20), b""):
                    digest.update(block)
    return digest.hexdigest()


def _model_version(name: str) -> str:
    from spacy.util import get_package_version

    return get_package_version(name) or name


def pipeline_fingerprint(settings: Settings, default_date: str | _date | None) -> dict[str, Any]:
    """What a part's name depends on besides its files: dateline's version, the model and
    its version, the data's sha256, every setting that changes what is coded, the date of
    undated articles."""
    coding = {
        f.name: getattr(settings, f.name) for f in fields(settings) if f.name not in _NOT_CODING
    }
    return {
        "dateline": __version__,
        "spacy_model": settings.spacy_model,
        "spacy_model_version": _model_version(settings.spacy_model),
        "data_sha256": _data_digest(settings.dictionaries),
        "settings": coding,
        "default_date": str(default_date) if default_date else None,
    }


def part_name(shard: Shard, fingerprint: dict[str, Any]) -> str:
    """The part's name: 16 hex digits of the sha256 of the fingerprint and each file's name
    and bytes."""
    digest = hashlib.sha256(json.dumps(fingerprint, sort_keys=True).encode())
    for name in shard.files:
        digest.update(b"\0" + name.encode("utf-8", "surrogateescape") + b"\0")
        try:
            with open(name, "rb") as f:
                for block in iter(lambda: f.read(1 << 20), b""):
                    digest.update(block)
        except OSError as e:  # a file gone since it was listed: its reading fails later
            digest.update(f"unreadable: {e}".encode())
    return digest.hexdigest()[:16]


def part_path(out: Path, table: str, part: str) -> Path:
    """Where the part ``part`` of ``table`` lives: ``OUT/table/part-<hash>.parquet``."""
    return out / table / f"part-{part}{PART_SUFFIX}"


def part_complete(out: Path, part: str) -> bool:
    """Whether every table of ``part`` is written (the ``articles`` file is renamed last)."""
    return all(part_path(out, table, part).is_file() for table in TABLES)


def part_rows(out: Path, part: str) -> dict[str, int]:
    """The row count of each table of a complete part (read from the files' footers)."""
    return {
        table: pq.ParquetFile(part_path(out, table, part)).metadata.num_rows for table in TABLES
    }


_SHARED: dict[Settings, Pipeline] = {}


def shared_pipeline(settings: Settings) -> Pipeline:
    """This process's one Pipeline for ``settings``, loaded and warmed on first use: a Dask
    worker loads the model and dictionaries once, and nothing of them is ever pickled."""
    pipeline = _SHARED.get(settings)
    if pipeline is None:
        pipeline = Pipeline(settings)
        pipeline.warm_up()
        _SHARED[settings] = pipeline
    return pipeline


class _PartWriter:
    """The tables of one part, written a row group at a time under temporary names."""

    def __init__(self, out: Path, part: str, row_group_articles: int, run: CodingRun) -> None:
        self.out, self.part = out, part
        self.row_group_articles = max(1, row_group_articles)
        token = f".tmp-{os.getpid()}-{time.monotonic_ns()}"
        self.temp = {t: part_path(out, t, part).with_name(f".part-{part}{token}") for t in TABLES}
        for path in self.temp.values():
            path.parent.mkdir(parents=True, exist_ok=True)
        schemas = dict(SCHEMAS)
        schemas["articles"] = SCHEMAS["articles"].with_metadata(
            {RUN_METADATA: json.dumps(run.to_json(), sort_keys=True).encode("utf-8")}
        )
        self.writers = {t: pq.ParquetWriter(self.temp[t], schemas[t]) for t in TABLES}
        self.rows: Rows = empty_rows()
        self.counts = dict.fromkeys(TABLES, 0)
        self.pending = 0

    def add(self, article: Article, index: int) -> None:
        article_rows(article, index, self.rows)
        self.pending += 1
        if self.pending >= self.row_group_articles:
            self.flush()

    def fail(self, name: str, reason: str) -> None:
        self.rows[FAILURES].append({"name": name, "reason": reason})

    def flush(self) -> None:
        for table, rows_table in rows_to_tables(self.rows).items():
            if rows_table.num_rows:
                self.writers[table].write_table(rows_table)
                self.counts[table] += rows_table.num_rows
        self.rows = empty_rows()
        self.pending = 0

    def commit(self) -> dict[str, int]:
        """Close the files and rename them to the part's names, ``articles`` last."""
        self.flush()
        for writer in self.writers.values():
            writer.close()
        for table in sorted(TABLES, key=lambda t: t == "articles"):
            os.replace(self.temp[table], part_path(self.out, table, self.part))
        return self.counts

    def abort(self) -> None:
        for writer in self.writers.values():
            with contextlib.suppress(Exception):
                writer.close()
        for path in self.temp.values():
            path.unlink(missing_ok=True)


def code_shard(
    shard: Shard,
    out: Path | str,
    settings: Settings,
    fingerprint: dict[str, Any],
    *,
    resume: bool = False,
    row_group_articles: int = 1000,
) -> PartReport:
    """Code the articles of ``shard`` into its part of each table under ``out`` (see the
    module's docstring). With ``resume``, a part that is complete already is not coded
    again. An unreadable file or record, and an article over a limit or whose stages fail,
    is a row of the ``failures`` table with its reason; the shard goes on."""
    out = Path(out)
    started = time.perf_counter()
    default_date = fingerprint.get("default_date")
    part = part_name(shard, fingerprint)
    report = PartReport(part, shard.files, worker_pid=os.getpid())
    if resume and part_complete(out, part):
        report.rows = part_rows(out, part)
        report.articles = report.rows["articles"]
        report.failures = report.rows[FAILURES]
        report.skipped = True
        return report
    pipeline = shared_pipeline(settings)
    writer = _PartWriter(out, part, row_group_articles, coding_run(settings))
    try:
        read = IngestReport()
        articles = read_articles(
            [Path(f) for f in shard.files], read, settings=settings, default_date=default_date
        )

        def record(article: Article, error: Exception) -> None:
            writer.fail(article.source_path or article.id, str(error))

        for index, article in enumerate(process_guarded(pipeline, articles, on_error=record)):
            writer.add(article, index)
        for failure in read.failures:
            writer.fail(failure.name, failure.reason)
        report.rows = writer.commit()
    except BaseException:
        writer.abort()
        raise
    report.articles = report.rows["articles"]
    report.failures = report.rows[FAILURES]
    report.seconds = time.perf_counter() - started
    report.worker_rss_mb = rss_mb(os.getpid())
    return report


def read_part(out: Path | str, part: str) -> dict[str, pa.Table]:
    """The tables of a complete part."""
    return {table: pq.read_table(part_path(Path(out), table, part)) for table in TABLES}


def part_run(tables: dict[str, pa.Table]) -> CodingRun | None:
    """The coding run a part's ``articles`` file records, None when it records none (a part
    an older dateline wrote)."""
    metadata = tables["articles"].schema.metadata or {}
    raw = metadata.get(RUN_METADATA)
    if raw is None:
        return None
    return CodingRun.from_json(json.loads(raw))
