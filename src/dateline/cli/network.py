"""``dateline network``: who acts on whom in the matching events (``GET /api/network``)."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

import typer
from rich.table import Table

from ..export.tabular import EDGE_CSV_COLUMNS, csv_chunks, plain_record
from ..store import EventQuery
from .common import console
from .filters import Db, open_store, with_event_filters


class NetworkFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


@with_event_filters
def network_cli(
    query: EventQuery,
    db: Db = None,
    format: Annotated[
        NetworkFormat,
        typer.Option("--format", "-f", help="table or csv (the edges), json (nodes and edges)."),
    ] = NetworkFormat.table,
) -> None:
    """List the actors of the matching events and who acts on whom."""
    with open_store(db) as (store, _settings):
        network = store.network(query)
    if format is NetworkFormat.json:
        sys.stdout.write(json.dumps(network, ensure_ascii=False) + "\n")
    elif format is NetworkFormat.csv:
        record = plain_record(EDGE_CSV_COLUMNS)
        for chunk in csv_chunks(network["edges"], EDGE_CSV_COLUMNS, record):
            sys.stdout.write(chunk.decode("utf-8"))
    else:
        table = Table(title=f"{len(network['nodes'])} actors, {len(network['edges'])} pairs")
        for name in ("source", "target", "events", "mean Goldstein"):
            table.add_column(name)
        for edge in network["edges"]:
            mean = "" if edge["goldstein_mean"] is None else f"{edge['goldstein_mean']:+.2f}"
            table.add_row(edge["source"], edge["target"], str(edge["events"]), mean)
        console.print(table)
