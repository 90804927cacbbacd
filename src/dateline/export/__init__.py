"""Exports of the store's events, never capped, each with its manifest (issue 13).

``open_export`` counts the rows by their coding runs and streams them in one read snapshot
of the store, so the manifest's row count and runs are the file's even while an ingest goes
on; the HTTP API streams the
chunks (``GET /api/export``) and ``write_export`` writes them to a file beside its manifest
(``dateline export``). Formats: ``csv``, ``jsonl`` (the API's event objects), ``parquet``,
``gdelt`` (GDELT 2.0 event columns, TSV) and ``plover`` (PLOVER-style JSON lines).
"""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .gdelt import gdelt_chunks
from .manifest import make_manifest
from .plover import plover_chunks
from .tabular import EVENT_CSV_COLUMNS, csv_chunks, event_record

if TYPE_CHECKING:
    from ..store import EventQuery, Store

__all__ = ["FORMATS", "Export", "ExportFormat", "open_export", "write_export"]

Chunks = Callable[[Iterable[dict[str, Any]]], Iterator[bytes]]


def jsonl_chunks(events: Iterable[dict[str, Any]], *, rows_per_chunk: int = 500) -> Iterator[bytes]:
    """One event object (as the API lists it) a line, in UTF-8 chunks."""
    lines: list[str] = []
    for event in events:
        lines.append(json.dumps(event, ensure_ascii=False) + "\n")
        if len(lines) >= rows_per_chunk:
            yield "".join(lines).encode("utf-8")
            lines = []
    if lines:
        yield "".join(lines).encode("utf-8")


def parquet_chunks(events: Iterable[dict[str, Any]]) -> Iterator[bytes]:
    """``parquet.parquet_chunks``, imported when a Parquet file is written: pyarrow takes
    some 50 ms to import, which every command paid (cold start, issue 15)."""
    from .parquet import parquet_chunks as chunks

    return chunks(events)


@dataclass(frozen=True)
class ExportFormat:
    """An export format: its media type, file suffix, writer, and the events it leaves out
    (an SQL condition on ``events e``, None: none)."""

    name: str
    media_type: str
    suffix: str
    chunks: Chunks
    only: str | None = None


FORMATS: dict[str, ExportFormat] = {
    "csv": ExportFormat(
        "csv",
        "text/csv; charset=utf-8",
        ".csv",
        lambda events: csv_chunks(events, EVENT_CSV_COLUMNS, event_record),
    ),
    "jsonl": ExportFormat("jsonl", "application/x-ndjson", ".jsonl", jsonl_chunks),
    "parquet": ExportFormat(
        "parquet", "application/vnd.apache.parquet", ".parquet", parquet_chunks
    ),
    "gdelt": ExportFormat(
        "gdelt", "text/tab-separated-values; charset=utf-8", ".tsv", gdelt_chunks
    ),
    "plover": ExportFormat(
        "plover", "application/x-ndjson", ".jsonl", plover_chunks, "e.plover_type IS NOT NULL"
    ),
}


def export_format(name: str) -> ExportFormat:
    """The format called ``name``, else QueryError [E100]."""
    found = FORMATS.get((name or "").strip().lower())
    if found is None:
        from ..store.filters import bad

        raise bad("format", name, f"give one of {', '.join(FORMATS)}")
    return found


@dataclass
class Export:
    """An export under way: its format, its manifest (with the row count) and its bytes."""

    format: ExportFormat
    manifest: dict[str, Any]
    chunks: Generator[bytes, None, None]


def open_export(store: Store, query: EventQuery, format: str) -> Export:
    """Count the events of ``query`` and stream them in ``format``, in one read snapshot that
    ends when the chunks are exhausted or closed. ``limit``/``offset`` apply when set; by
    default every matching event is exported."""
    from ..store import queries

    fmt = export_format(format)
    found = queries.matching(query, store.min_confidence(query.min_confidence))
    if fmt.only:
        found = found.also(fmt.only)
    store.conn.execute("BEGIN")
    try:
        # The rows' coding runs, counted in one grouped query: their counts add up to the
        # export's rows (limit and offset applied), so no other count is made.
        runs = queries.coding_runs(store, query, only=found)
        rows = sum(run["rows"] for run in runs)
        manifest = make_manifest(store, query, fmt.name, rows, runs)
        # The rows' statement runs here, not at the first chunk: a query that fails then
        # fails before an HTTP response has sent its status and manifest (a 200 cut short).
        events = queries.events(store, query, only=found)
        first = next(events, None)
    except BaseException:
        store.conn.execute("COMMIT")
        raise

    def chunks() -> Generator[bytes, None, None]:
        try:
            started = [] if first is None else [first]
            yield from fmt.chunks(itertools.chain(started, events))
        finally:
            events.close()
            if store.conn.in_transaction:
                store.conn.execute("COMMIT")

    return Export(fmt, manifest, chunks())


def write_export(store: Store, query: EventQuery, format: str, path: str | Path) -> dict[str, Any]:
    """Write the export to ``path`` and its manifest to ``path.manifest.json``; returns the
    manifest. The file is written under a temporary name and renamed when complete, so a
    failed export leaves no partial file."""
    target = Path(path)
    export = open_export(store, query, format)
    partial = target.with_name(target.name + ".part")
    try:
        with partial.open("wb") as f:
            for chunk in export.chunks:
                f.write(chunk)
        os.replace(partial, target)
    finally:
        export.chunks.close()
        partial.unlink(missing_ok=True)
    manifest_path = target.with_name(target.name + ".manifest.json")
    manifest_path.write_text(
        json.dumps(export.manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return export.manifest
