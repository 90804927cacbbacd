"""``dateline events``: query the store's events as a table, CSV or JSONL."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

import typer

from ..errors import DatelineError
from ..export.tabular import write_events_csv
from ..settings import Settings
from ..store import EventQuery, Store
from .common import check_date_option, console, event_table, fail, make_settings

DATE_FILTER_HELP = (
    "YYYY, YYYY-MM or YYYY-MM-DD. An event is listed when its whole date falls in the range; "
    "a date that is no calendar period (XXXX-WXX-7: a Sunday of an unknown week) never is."
)


class EventsFormat(StrEnum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"


def events_cli(
    db: Annotated[
        str | None,
        typer.Option(
            help="SQLite store written by dateline ingest; it must exist "
            f"(DATELINE_DB; default {Settings().db}).",
            show_default=False,
        ),
    ] = None,
    actor: Annotated[
        str | None, typer.Option(help="Source or target actor code prefix (e.g. IRQ, USAGOV).")
    ] = None,
    cameo: Annotated[str | None, typer.Option(help="CAMEO code prefix (e.g. 04).")] = None,
    since: Annotated[
        str | None, typer.Option(help=f"Events dated on or after this date: {DATE_FILTER_HELP}")
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="Events dated on or before this date (as --since).")
    ] = None,
    format: Annotated[
        EventsFormat,
        typer.Option(
            "--format",
            "-f",
            help="table; csv (one column per field: cameo and cameo_name, source_code and "
            "source_text, ...); jsonl (the event objects of docs/OUTPUT.md).",
        ),
    ] = EventsFormat.table,
    limit: Annotated[int | None, typer.Option(help="At most this many events.")] = None,
) -> None:
    """List the coded events of the store."""
    since = check_date_option(since, "--since")
    until = check_date_option(until, "--until")
    settings = make_settings(db=db)
    query = EventQuery(actor=actor, cameo=cameo, since=since, until=until, limit=limit)
    try:
        with Store.existing(settings.db) as store:
            events = list(store.events(query))
    except DatelineError as e:
        fail(str(e))
        return
    if format is EventsFormat.jsonl:
        for event in events:
            sys.stdout.write(json.dumps(event, ensure_ascii=False) + "\n")
    elif format is EventsFormat.csv:
        write_events_csv(events, sys.stdout)
    else:
        console.print(event_table(events, title=f"{len(events)} events in {settings.db}"))
