"""The embedded SQLite store: one file, WAL mode, one transaction per article."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from ..dates import calendar_range, parse_iso_date
from ..errors import E_NO_STORE, StoreError
from ..model import Article, Event
from .migrations import migrate


@dataclass(frozen=True)
class EventQuery:
    """Filters for ``Store.events``: actor and CAMEO code prefixes, a date range.

    ``since`` and ``until`` are ISO dates (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, else
    DateError [E028]): an event is returned when every day of its date (or of its article's
    publication date when it has none) lies on or after the first day of ``since`` and on or
    before the last day of ``until``. A date that is no calendar period (``XXXX-WXX-7``) is
    never returned by a date filter (``dateline.dates.calendar_range``).
    """

    actor: str | None = None
    cameo: str | None = None
    since: str | None = None
    until: str | None = None
    limit: int | None = None


class Store:
    """An SQLite file holding articles, actor mentions and events."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.row_factory = sqlite3.Row
            migrate(self.conn)
            self.conn.create_function("dateline_first_day", 1, _first_day, deterministic=True)
            self.conn.create_function("dateline_last_day", 1, _last_day, deterministic=True)
        except sqlite3.DatabaseError as e:
            raise StoreError(f"[E042] {self.path}: cannot open the store: {e}") from e

    @classmethod
    def existing(cls, path: str | Path) -> Store:
        """Open a store that must exist already (a query never creates one): else E050."""
        if not Path(path).is_file():
            raise StoreError(E_NO_STORE.format(path=path))
        return cls(path)

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    def has_article(self, article_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def write_article(self, article: Article, *, replace: bool = False) -> bool:
        """Store an article with its mentions and events in one transaction.

        Returns False, and changes nothing, when the article is already stored (same id)
        and ``replace`` is not set.
        """
        if not replace and self.has_article(article.id):
            return False
        doc = article.to_json()
        ingested_at = article.ingested_at or datetime.now(UTC).isoformat(timespec="seconds")
        published = article.published
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.execute("DELETE FROM articles WHERE id = ?", (article.id,))
            self.conn.execute(
                "INSERT INTO articles (id, url, outlet, title, published, published_precision,"
                " published_source, dateline, language, source_path, ingested_at, text, doc)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article.id,
                    article.url,
                    article.outlet,
                    article.title,
                    published.value if published else None,
                    published.precision if published else None,
                    published.source if published else None,
                    article.dateline.name if article.dateline else None,
                    article.language,
                    article.source_path,
                    ingested_at,
                    article.text,
                    json.dumps(doc, ensure_ascii=False),
                ),
            )
            self.conn.executemany(
                'INSERT INTO mentions (article_id, idx, start, "end", text, label, actor_code)'
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        article.id,
                        i,
                        m.start,
                        m.end,
                        m.text,
                        m.label,
                        m.actor.code if m.actor else None,
                    )
                    for i, m in enumerate(article.mentions)
                ],
            )
            self.conn.executemany(
                f"INSERT INTO events ({', '.join(_EVENT_COLUMNS)})"
                f" VALUES ({', '.join('?' for _ in _EVENT_COLUMNS)})",
                [_event_row(article.id, e) for e in article.events],
            )
            self.conn.execute("COMMIT")
        except BaseException as e:
            self.conn.execute("ROLLBACK")
            if isinstance(e, sqlite3.Error):
                raise StoreError(f"[E043] {self.path}: cannot store {article.id}: {e}") from e
            raise
        return True

    def article(self, article_id: str) -> dict[str, Any] | None:
        """The stored OUTPUT.md object of an article."""
        row = self.conn.execute("SELECT doc FROM articles WHERE id = ?", (article_id,)).fetchone()
        return json.loads(row["doc"]) if row else None

    def count(self, table: str) -> int:
        if table not in {"articles", "mentions", "events"}:
            raise ValueError(table)
        return int(self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    def events(self, query: EventQuery | None = None) -> Iterator[dict[str, Any]]:
        """Stored events matching ``query``, each an event object plus its article's header."""
        q = query or EventQuery()
        where, args = [], []
        if q.actor:
            where.append("(e.source_code LIKE ? OR e.target_code LIKE ?)")
            args += [q.actor + "%", q.actor + "%"]
        if q.cameo:
            where.append("e.cameo LIKE ?")
            args.append(q.cameo + "%")
        when = "COALESCE(e.date_value, a.published)"
        # Dates compare as days: NULL (no calendar period) fails both comparisons.
        if q.since:
            where.append(f"dateline_first_day({when}) >= ?")
            args.append(parse_iso_date(q.since).first.isoformat())
        if q.until:
            where.append(f"dateline_last_day({when}) <= ?")
            args.append(parse_iso_date(q.until).last.isoformat())
        sql = (
            "SELECT e.event, a.id AS article_id, a.title, a.outlet, a.url, a.published"
            " FROM events e JOIN articles a ON a.id = e.article_id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY a.ingested_at, a.id, e.sentence_start, e.rowid"
        )
        if q.limit:
            sql += f" LIMIT {int(q.limit)}"
        for row in self.conn.execute(sql, args):
            event = json.loads(row["event"])
            event["article"] = {
                "id": row["article_id"],
                "title": row["title"],
                "outlet": row["outlet"],
                "url": row["url"],
                "published": row["published"],
            }
            yield event


_EVENT_COLUMNS = (
    "article_id",
    "id",
    "sentence_start",
    "sentence_end",
    "trigger_text",
    "trigger_start",
    "trigger_end",
    "source_code",
    "source_text",
    "source_start",
    "source_end",
    "target_code",
    "target_text",
    "target_start",
    "target_end",
    "cameo",
    "root",
    "quad_class",
    "goldstein",
    "plover_type",
    "plover_mode",
    "date_value",
    "date_precision",
    "date_source",
    "place_name",
    "place_country",
    "place_lat",
    "place_lon",
    "reported_by",
    "negated",
    "hypothetical",
    "coder",
    "event",
)


def _event_row(article_id: str, e: Event) -> tuple[Any, ...]:
    src, tgt, d, p = e.source, e.target, e.date, e.place
    return (
        article_id,
        e.id,
        e.sentence.start,
        e.sentence.end,
        e.trigger.text,
        e.trigger.start,
        e.trigger.end,
        src.code if src else None,
        src.text if src else None,
        src.start if src else None,
        src.end if src else None,
        tgt.code if tgt else None,
        tgt.text if tgt else None,
        tgt.start if tgt else None,
        tgt.end if tgt else None,
        e.cameo,
        e.root,
        e.quad_class,
        e.goldstein,
        e.plover_type,
        e.plover_mode,
        d.value if d else None,
        d.precision if d else None,
        d.source if d else None,
        p.name if p else None,
        p.country if p else None,
        p.lat if p else None,
        p.lon if p else None,
        e.reported_by,
        int(e.negated),
        int(e.hypothetical),
        e.coder,
        json.dumps(e.to_json(), ensure_ascii=False),
    )


def _first_day(value: str | None) -> str | None:
    """SQL ``dateline_first_day``: the first day (ISO) of a stored date value, or NULL."""
    found = calendar_range(value)
    return found.first.isoformat() if found else None


def _last_day(value: str | None) -> str | None:
    """SQL ``dateline_last_day``: the last day (ISO) of a stored date value, or NULL."""
    found = calendar_range(value)
    return found.last.isoformat() if found else None
