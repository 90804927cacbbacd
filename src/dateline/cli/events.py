"""``dateline events``: query the store's events as a table, CSV or JSONL."""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from typing import Annotated

import typer

from ..errors import DatelineError
from ..store import EventQuery, Store
from .common import console, event_rows, event_table, fail

CSV_COLUMNS = ["article", "date", "source", "event", "target", "place"]


class EventsFormat(StrEnum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"


def events_cli(
    db: Annotated[str, typer.Option(help="SQLite store.")] = "dateline.db",
    actor: Annotated[
        str | None, typer.Option(help="Source or target actor code prefix (e.g. IRQ, USAGOV).")
    ] = None,
    cameo: Annotated[str | None, typer.Option(help="CAMEO code prefix (e.g. 04).")] = None,
    since: Annotated[str | None, typer.Option(help="Events dated on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Events dated on or before YYYY-MM-DD.")] = None,
    format: Annotated[EventsFormat, typer.Option("--format", "-f")] = EventsFormat.table,
    limit: Annotated[int | None, typer.Option(help="At most this many events.")] = None,
) -> None:
    """List the coded events of the store."""
    query = EventQuery(actor=actor, cameo=cameo, since=since, until=until, limit=limit)
    try:
        with Store(db) as store:
            events = list(store.events(query))
    except DatelineError as e:
        fail(str(e))
        return
    if format is EventsFormat.jsonl:
        for event in events:
            sys.stdout.write(json.dumps(event, ensure_ascii=False) + "\n")
    elif format is EventsFormat.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(CSV_COLUMNS)
        writer.writerows(event_rows(events))
    else:
        console.print(event_table(events, title=f"{len(events)} events in {db}"))
