"""``dateline timeline``: matching events per period (``GET /api/timeline``)."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

import typer
from rich.table import Table

from ..export.tabular import SERIES_CSV_COLUMNS, csv_chunks, plain_record
from ..store import EventQuery, TimelineQuery
from .common import console
from .filters import Db, build, open_store, with_event_filters


class Interval(StrEnum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


class TimelineFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


@with_event_filters
def timeline_cli(
    query: EventQuery,
    db: Db = None,
    interval: Annotated[Interval, typer.Option(help="The periods counted.")] = Interval.month,
    format: Annotated[
        TimelineFormat, typer.Option("--format", "-f", help="table, csv or json (the API's).")
    ] = TimelineFormat.table,
) -> None:
    """Count the matching events per day, week, month or year, beside the articles in scope."""
    timeline_query = build(TimelineQuery, interval=interval.value, events=query)
    with open_store(db) as (store, _settings):
        timeline = store.timeline(timeline_query)
    if format is TimelineFormat.json:
        sys.stdout.write(json.dumps(timeline, ensure_ascii=False) + "\n")
    elif format is TimelineFormat.csv:
        record = plain_record(SERIES_CSV_COLUMNS)
        for chunk in csv_chunks(timeline["series"], SERIES_CSV_COLUMNS, record):
            sys.stdout.write(chunk.decode("utf-8"))
    else:
        table = Table(title=f"events per {interval.value}")
        for name in ("period", "events", "articles", "articles in scope", "share"):
            table.add_column(name, justify="right")
        for row in timeline["series"]:
            share = "" if row["share"] is None else f"{row['share']:.2f}"
            table.add_row(
                row["period"],
                str(row["count"]),
                str(row["articles"]),
                str(row["articles_in_scope"]),
                share,
            )
        console.print(table)
