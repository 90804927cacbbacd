"""``dateline events``: the store's events, with the API's event filters, as a table, CSV or
JSONL (the rows of ``GET /api/events``, every page)."""

from __future__ import annotations

from ..export.tabular import EVENT_CSV_COLUMNS, event_record
from ..store import EventQuery
from .common import console, event_table
from .filters import Db, Format, ListFormat, open_store, with_event_filters, write_rows


@with_event_filters
def events_cli(query: EventQuery, db: Db = None, format: Format = ListFormat.table) -> None:
    """List the coded events of the store."""
    with open_store(db) as (store, settings):
        write_rows(
            store.events(query),
            format,
            EVENT_CSV_COLUMNS,
            event_record,
            lambda rows: console.print(
                event_table(rows, title=f"{len(rows)} events in {settings.db}")
            ),
        )
