"""``dateline batch``: the batch core over every shard, on Dask (issue 15).

A LocalCluster of ``workers`` processes (one thread each) by default, or the scheduler at
``scheduler`` (``tcp://host:8786``, a real cluster). Each worker loads the pipeline once,
when it starts (``LoadPipeline``, a worker plugin that carries only the settings); each task
codes one shard (``core.code_shard``) and returns its counts. A shard whose task fails
(its worker died more than Dask's allowed times) is listed in the manifest's ``failures``
and the run goes on; ``--resume`` codes it again.

``DIR/_manifest.json`` is written when the run starts (``"status": "running"``, the inputs,
the fingerprint) and again when it ends (every part with its files and row counts, the
totals, versions and times), each time under a temporary name, then renamed.
"""

from __future__ import annotations

import json
import os
import platform
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from datetime import date as _date
from pathlib import Path
from typing import Any

from distributed import WorkerPlugin

from .. import __version__
from ..errors import E_BATCH_NOT_EMPTY, E_BATCH_OTHER_RUN, E_BATCH_SCHEDULER, BatchError
from ..ingest import collect_inputs
from ..settings import Settings
from .core import PartReport, code_shard, pipeline_fingerprint, plan_shards, shared_pipeline
from .tables import TABLES

__all__ = ["MANIFEST", "BatchReport", "LoadPipeline", "read_manifest", "run_batch"]

MANIFEST = "_manifest.json"


@dataclass
class BatchReport:
    """What a batch run did: its parts (coded now or complete already), the shards whose
    task failed, the totals."""

    out: str
    files: int = 0
    shards: int = 0
    parts: list[PartReport] = field(default_factory=list)
    failed_shards: list[dict[str, Any]] = field(default_factory=list)
    missing: list[dict[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    def total(self, table: str) -> int:
        """Rows of ``table`` over every part."""
        return sum(p.rows.get(table, 0) for p in self.parts)

    @property
    def skipped(self) -> int:
        return sum(p.skipped for p in self.parts)

    @property
    def failures(self) -> int:
        """Failed records and articles, failed shards and missing inputs."""
        return self.total("failures") + len(self.failed_shards) + len(self.missing)


class LoadPipeline(WorkerPlugin):
    """A Dask worker plugin that loads the pipeline when the worker starts, so the first
    task does not wait for it. It carries only the settings: the model and dictionaries
    are loaded in the worker, never pickled."""

    name = "dateline-load-pipeline"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def setup(self, worker: Any) -> None:
        shared_pipeline(self.settings)


def read_manifest(out: Path | str) -> dict[str, Any] | None:
    """The manifest of the dataset in ``out`` (None when there is none)."""
    path = Path(out) / MANIFEST
    if not path.is_file():
        return None
    result: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return result


def _write_manifest(out: Path, manifest: dict[str, Any]) -> None:
    path = out / MANIFEST
    temp = path.with_name(f".{MANIFEST}.tmp-{os.getpid()}")
    temp.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(temp, path)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _versions() -> dict[str, str]:
    import dask
    import distributed
    import pyarrow
    import spacy

    return {
        "dateline": __version__,
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "dask": dask.__version__,
        "distributed": distributed.__version__,
        "pyarrow": pyarrow.__version__,
    }


def _check_out(out: Path, fingerprint: dict[str, Any], resume: bool) -> None:
    """Refuse a folder holding another dataset: without ``resume`` any dataset, with it one
    coded under another fingerprint (version, model, data, settings, date)."""
    manifest = read_manifest(out)
    holds_parts = any((out / table).is_dir() for table in TABLES)
    if not resume and (manifest is not None or holds_parts):
        raise BatchError(E_BATCH_NOT_EMPTY.format(path=out))
    if resume and manifest is not None and manifest.get("fingerprint") != fingerprint:
        raise BatchError(E_BATCH_OTHER_RUN.format(path=out))


def _remove_temporary_files(out: Path) -> None:
    """Remove the temporary files a killed run left (parts and manifest being written)."""
    for folder in [out, *(out / table for table in TABLES)]:
        if folder.is_dir():
            for path in folder.glob(".*.tmp-*"):
                path.unlink(missing_ok=True)


def _client(workers: int, scheduler: str | None) -> Any:
    """A Dask client of a new LocalCluster (``workers`` processes, one thread each), or of
    the scheduler at ``scheduler``."""
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, timeout="10s")
        except (OSError, TimeoutError) as e:
            raise BatchError(E_BATCH_SCHEDULER.format(address=scheduler, error=e)) from e
    cluster = LocalCluster(
        n_workers=max(1, workers),
        threads_per_worker=1,
        processes=True,
        # A free port for the scheduler's HTTP server (None still asks for 8787, and warns
        # when another cluster holds it).
        dashboard_address=":0",
        # The limits per document guard each article's memory (worker.py); the nanny's own
        # memory limit would only kill a worker mid-shard.
        memory_limit=0,
    )
    return Client(cluster)


def run_batch(
    paths: Sequence[str | Path],
    out: str | Path,
    settings: Settings,
    *,
    workers: int = 0,
    scheduler: str | None = None,
    resume: bool = False,
    default_date: str | _date | None = None,
    on_start: Callable[[int], None] | None = None,
    on_part: Callable[[PartReport], None] | None = None,
) -> BatchReport:
    """Code ``paths`` (files and folders) into the Parquet dataset ``out`` on Dask; see the
    module's docstring. ``workers`` 0 is one per core. ``on_start`` gets the number of
    shards, ``on_part`` each part once it is written or found complete."""
    started, started_at = time.perf_counter(), _now()
    out = Path(out)
    fingerprint = pipeline_fingerprint(settings, default_date)
    _check_out(out, fingerprint, resume)
    files, missing = collect_inputs(paths)
    shards = plan_shards(files, settings.shard_files)
    report = BatchReport(str(out), files=len(files), shards=len(shards))
    report.missing = [{"name": name, "reason": reason} for name, reason in missing]
    if on_start:
        on_start(len(shards))
    out.mkdir(parents=True, exist_ok=True)
    _remove_temporary_files(out)
    manifest: dict[str, Any] = {
        "status": "running",
        "inputs": [str(p) for p in paths],
        "files": len(files),
        "shards": len(shards),
        "fingerprint": fingerprint,
        "versions": _versions(),
        "started_at": started_at,
    }
    _write_manifest(out, manifest)

    n_workers = workers or os.cpu_count() or 1
    client = _client(n_workers, scheduler)
    try:
        from distributed import as_completed

        client.register_plugin(LoadPipeline(settings))
        futures = {
            client.submit(
                code_shard,
                shard,
                str(out),
                settings,
                fingerprint,
                resume=resume,
                key=f"dateline-shard-{i}",
                pure=False,
            ): shard
            for i, shard in enumerate(shards)
        }
        for future in as_completed(futures):
            shard = futures[future]
            try:
                part: PartReport = future.result()
            except Exception as e:  # the shard's worker died too often: listed, run goes on
                report.failed_shards.append(
                    {"files": list(shard.files), "reason": f"{type(e).__name__}: {e}"}
                )
                continue
            report.parts.append(part)
            if on_part:
                on_part(part)
    finally:
        cluster = getattr(client, "cluster", None)
        client.close()
        if cluster is not None and not scheduler:
            cluster.close()

    report.seconds = time.perf_counter() - started
    order = {shard.files: i for i, shard in enumerate(shards)}
    report.parts.sort(key=lambda p: order.get(p.files, 0))
    manifest.update(
        {
            "status": "complete" if not report.failed_shards else "incomplete",
            "workers": n_workers if not scheduler else None,
            "scheduler": scheduler,
            "parts": [
                {
                    "part": p.part,
                    "files": list(p.files),
                    "rows": p.rows,
                    "coded_now": not p.skipped,
                    "seconds": round(p.seconds, 3),
                }
                for p in report.parts
            ],
            "counts": {table: report.total(table) for table in TABLES},
            "failed_shards": report.failed_shards,
            "missing": report.missing,
            "finished_at": _now(),
            "seconds": round(report.seconds, 3),
        }
    )
    _write_manifest(out, manifest)
    return report


def report_json(report: BatchReport) -> dict[str, Any]:
    """The report as plain data."""
    return asdict(report)
