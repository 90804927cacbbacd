"""The filters the query commands share, as options named like the API's parameters.

``--actor IRQ --cameo 04`` here is ``?actor=IRQ&cameo=04`` there and
``store.events(actor="IRQ", cameo="04")`` in Python: each command builds the same query
object (``store/filters.py``), so all three give the same rows. A bad value exits with 2
and the query's error ([E100], [E101] or [E028]).
"""

from __future__ import annotations

import inspect
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import Annotated, Any, TypeVar, get_type_hints

import typer

from ..errors import DatelineError
from ..export.tabular import csv_chunks
from ..settings import Settings
from ..store import EventQuery, Store
from .common import check_date_option, fail, make_settings

__all__ = [
    "ListFormat",
    "build",
    "event_options",
    "open_store",
    "with_event_filters",
    "write_rows",
]

T = TypeVar("T")

DATE_HELP = (
    "YYYY, YYYY-MM or YYYY-MM-DD. An event is listed when its whole date falls in the range; "
    "a date that is no calendar period (XXXX-WXX-7: a Sunday of an unknown week) never is."
)
DB_HELP = (
    f"SQLite store written by dateline ingest; it must exist (DATELINE_DB; default "
    f"{Settings().db})."
)

Db = Annotated[str | None, typer.Option(help=DB_HELP, show_default=False)]
Q = Annotated[
    str | None,
    typer.Option(
        "--q",
        help='Full-text query over the articles (FTS5: words, "phrases", AND, OR, NOT, prefix*).',
    ),
]
Actor = Annotated[
    str | None, typer.Option(help="Source or target actor code prefix (e.g. IRQ, USAGOV).")
]
Source = Annotated[str | None, typer.Option(help="Source actor code prefix.")]
Target = Annotated[str | None, typer.Option(help="Target actor code prefix.")]
Cameo = Annotated[str | None, typer.Option(help="CAMEO code prefix (e.g. 04).")]
Plover = Annotated[str | None, typer.Option(help="PLOVER event type (e.g. CONSULT).")]
Quad = Annotated[int | None, typer.Option(help="Quad class, 1-4.")]
Since = Annotated[str | None, typer.Option(help=f"Events dated on or after this date: {DATE_HELP}")]
Until = Annotated[
    str | None, typer.Option(help="Events dated on or before this date (as --since).")
]
Country = Annotated[str | None, typer.Option(help="Country of the event's place (ISO: IQ or IRQ).")]
Near = Annotated[str | None, typer.Option(help="LAT,LON,KM: the event's place within KM km.")]
Outlet = Annotated[str | None, typer.Option(help="The article's outlet, as stored.")]
MinConfidence = Annotated[
    float | None,
    typer.Option(
        help="Leave out events under this confidence (default: the min_confidence setting)."
    ),
]
Negated = Annotated[
    bool | None, typer.Option("--negated/--not-negated", help="Only negated events, or none.")
]
Hypothetical = Annotated[
    bool | None,
    typer.Option("--hypothetical/--not-hypothetical", help="Only hypothetical events, or none."),
]
Limit = Annotated[int | None, typer.Option(help="At most this many rows.")]
Offset = Annotated[int, typer.Option(help="Skip this many rows first.")]


class ListFormat(StrEnum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"


Format = Annotated[
    ListFormat,
    typer.Option(
        "--format",
        "-f",
        help="table; csv (the API's .csv twin: one column per field); jsonl (the API's items, "
        "one a line).",
    ),
]


def build(make: Callable[..., T], **values: Any) -> T:
    """A query object from the options; a bad value exits with 2 and its error."""
    try:
        return make(**values)
    except DatelineError as e:
        fail(str(e))
        raise  # unreachable


def event_options(
    q: str | None,
    actor: str | None,
    source: str | None,
    target: str | None,
    cameo: str | None,
    plover: str | None,
    quad: int | None,
    since: str | None,
    until: str | None,
    country: str | None,
    near: str | None,
    outlet: str | None,
    min_confidence: float | None,
    negated: bool | None,
    hypothetical: bool | None,
    limit: int | None,
    offset: int,
) -> EventQuery:
    """The EventQuery of the shared event options."""
    since = check_date_option(since, "--since")
    until = check_date_option(until, "--until")
    return build(
        EventQuery,
        q=q,
        actor=actor,
        source=source,
        target=target,
        cameo=cameo,
        plover=plover,
        quad=quad,
        since=since,
        until=until,
        country=country,
        near=near,
        outlet=outlet,
        min_confidence=min_confidence,
        negated=negated,
        hypothetical=hypothetical,
        limit=limit,
        offset=offset,
    )


# The event filters every event command takes, with their defaults.
EVENT_OPTIONS: dict[str, tuple[Any, Any]] = {
    "q": (Q, None),
    "actor": (Actor, None),
    "source": (Source, None),
    "target": (Target, None),
    "cameo": (Cameo, None),
    "plover": (Plover, None),
    "quad": (Quad, None),
    "since": (Since, None),
    "until": (Until, None),
    "country": (Country, None),
    "near": (Near, None),
    "outlet": (Outlet, None),
    "min_confidence": (MinConfidence, None),
    "negated": (Negated, None),
    "hypothetical": (Hypothetical, None),
    "limit": (Limit, None),
    "offset": (Offset, 0),
}


def with_event_filters(command: Callable[..., None], *, paging: bool = True) -> Callable[..., None]:
    """Give a command the event filters as options (after its own); it gets them as one
    ``query`` (an EventQuery), built and checked before it runs. Without ``paging`` it has
    no ``--limit`` and ``--offset`` (a command that gives every row, such as the timeline)."""
    chosen = {
        name: option
        for name, option in EVENT_OPTIONS.items()
        if paging or name not in ("limit", "offset")
    }
    own = [
        p
        for p in inspect.signature(command, eval_str=True).parameters.values()
        if p.name != "query"
    ]
    hints = get_type_hints(command, include_extras=True)
    options = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=kind)
        for name, (kind, default) in chosen.items()
    ]

    def run(**values: Any) -> None:
        filters = {name: values.pop(name, default) for name, (_, default) in EVENT_OPTIONS.items()}
        command(query=event_options(**filters), **values)

    run.__name__ = command.__name__
    run.__doc__ = command.__doc__
    run.__signature__ = inspect.Signature([*own, *options])  # type: ignore[attr-defined]
    run.__annotations__ = {
        **{name: hint for name, hint in hints.items() if name not in ("query", "return")},
        **{name: kind for name, (kind, _) in chosen.items()},
    }
    return run


@contextmanager
def open_store(db: str | None) -> Iterator[tuple[Store, Settings]]:
    """The existing store of ``--db`` (or DATELINE_DB; one an older dateline wrote is
    upgraded). Errors of the store or of the query exit with 2."""
    settings = make_settings(db=db)
    try:
        with Store.existing(settings.db, settings=settings) as store:
            yield store, settings
    except DatelineError as e:
        fail(str(e))


def write_rows(
    rows: Iterable[dict[str, Any]],
    format: ListFormat,
    columns: tuple[str, ...],
    record: Callable[[dict[str, Any]], dict[str, Any]],
    table: Callable[[list[dict[str, Any]]], None],
) -> None:
    """Rows as CSV or JSON Lines on standard output (streamed), or a Rich table."""
    if format is ListFormat.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif format is ListFormat.csv:
        for chunk in csv_chunks(rows, columns, record):
            sys.stdout.write(chunk.decode("utf-8"))
    else:
        table(list(rows))
