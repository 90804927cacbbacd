"""``dateline export --format F -o FILE``: every matching event in one file, beside its
manifest ``FILE.manifest.json`` (the rows of ``GET /api/export``)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import DatelineError
from ..export import write_export
from ..store import EventQuery
from .common import console, fail
from .filters import Db, open_store, with_event_filters


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"
    gdelt = "gdelt"
    plover = "plover"


EXPORT_HELP = (
    "Export every matching event to FILE, and its manifest to FILE.manifest.json.\n\n"
    "Formats: csv (one column per field), jsonl (the API's event objects), parquet (typed "
    "columns), gdelt (a TSV of GDELT 2.0's 61 event columns, in GDELT's order, filled where "
    "dateline has the field) and plover (PLOVER-style JSON lines; events with no PLOVER type "
    "are left out). Nothing is capped: the rows stream from the store to the file. The "
    "manifest gives the query, the row count, the coding runs of the rows (the version of "
    "dateline, the model and each dictionary's sha256 that coded them, and their rows), the "
    "export time and how to cite the data."
)


@with_event_filters
def export_cli(
    query: EventQuery,
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="The file's format.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The file to write.")],
    db: Db = None,
) -> None:
    """Export every matching event to FILE, and its manifest to FILE.manifest.json."""
    with open_store(db) as (store, _settings):
        try:
            manifest = write_export(store, query, format.value, output)
        except OSError as e:
            fail(f"{output}: cannot write the export: {e}")
            return
        except DatelineError:
            raise
    console.print(
        f"{manifest['rows']} events -> {output} ({format.value}), "
        f"manifest -> {output}.manifest.json",
        highlight=False,
    )
