"""``dateline clusters``: the same act reported by several articles (``GET /api/clusters``,
every page), with the event filters."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text

from ..export.tabular import CLUSTER_CSV_COLUMNS, cluster_record
from ..store import EventQuery
from .common import console, describe_code
from .filters import Db, Format, ListFormat, open_store, with_event_filters, write_rows


def cluster_table(clusters: list[dict[str, Any]], title: str) -> Table:
    table = Table(title=title)
    for name in ("id", "date", "source", "event", "target", "place", "articles", "outlets",
                 "mentions"):  # fmt: skip
        table.add_column(name, overflow="fold")
    for c in clusters:
        place = c.get("place") or {}
        table.add_row(
            *(
                Text(str(cell))
                for cell in (
                    c["id"],
                    c.get("date") or "",
                    c.get("source") or "---",
                    describe_code(c["cameo"]) if c.get("cameo") else c["root"],
                    c.get("target") or "---",
                    ", ".join(filter(None, (place.get("name"), place.get("country")))),
                    c["articles"],
                    c["outlets"],
                    c["mentions"],
                )
            )
        )
    return table


@with_event_filters
def clusters_cli(query: EventQuery, db: Db = None, format: Format = ListFormat.table) -> None:
    """List the clusters: events of several articles that report the same act."""
    with open_store(db) as (store, settings):
        write_rows(
            store.clusters(query),
            format,
            CLUSTER_CSV_COLUMNS,
            cluster_record,
            lambda rows: console.print(
                cluster_table(rows, f"{len(rows)} clusters in {settings.db}")
            ),
        )
