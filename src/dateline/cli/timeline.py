"""``dateline timeline``: matching events per period (``GET /api/timeline``)."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

import typer
from rich.table import Table

from ..export.tabular import SERIES_CSV_COLUMNS, csv_chunks, plain_record
from ..store import ArticleQuery, EventQuery, TimelineQuery
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


def count_per_period(
    query: EventQuery,
    db: Db = None,
    interval: Annotated[Interval, typer.Option(help="The periods counted.")] = Interval.month,
    format: Annotated[
        TimelineFormat, typer.Option("--format", "-f", help="table, csv or json (the API's).")
    ] = TimelineFormat.table,
    place: Annotated[
        str | None,
        typer.Option(
            help="Only the events of the articles naming this place (name, or ISO country "
            "code), and only those articles in scope."
        ),
    ] = None,
    has_quote: Annotated[
        bool | None,
        typer.Option(
            "--has-quote/--no-quote", help="Articles with quotations, or without (as --place)."
        ),
    ] = None,
    anonymous: Annotated[
        bool | None,
        typer.Option(
            "--anonymous/--named",
            help="Articles with a quotation from an anonymous source, or without (as --place).",
        ),
    ] = None,
) -> None:
    """Count the matching events per day, week, month or year, beside the articles in scope."""
    # The article filters (--place, --has-quote, --anonymous; --q and --outlet filter events
    # and articles alike) narrow the events to those of the matching articles, and the
    # articles in scope to the matching articles published in each period (TimelineQuery).
    articles = build(ArticleQuery, place=place, has_quote=has_quote, anonymous=anonymous)
    timeline_query = build(TimelineQuery, interval=interval.value, events=query, articles=articles)
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


# Every period, always: no --limit or --offset (GET /api/timeline has none either).
timeline_cli = with_event_filters(count_per_period, paging=False)
