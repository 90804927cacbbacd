"""The embedded SQLite store: one file, WAL mode, one transaction per article.

An article is its text (its id is the hash of the normalised text, ``make_article_id``),
found at one or more URLs or JSONL record ids (``article_sources``). The same text found
again at another URL adds that URL to the stored article; a changed text at a known URL is
a new article, linked to the one it replaces there (issue 9).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from ..dates import calendar_range, parse_iso_date
from ..errors import E_NO_STORE, StoreError
from ..model import Article, make_article_id
from .lookups import Lookups
from .migrations import migrate, v1_sources
from .rows import article_row, event_json, insert_article_rows, read_article_json

SourceKind = Literal["url", "record"]
Source = tuple[SourceKind, str]

# Tables ``count`` answers for.
TABLES = frozenset(
    {
        "articles",
        "article_sources",
        "mentions",
        "places",
        "times",
        "quotes",
        "events",
        "actors",
        "locations",
        "patterns",
    }
)


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


def article_sources(article: Article) -> list[Source]:
    """Where an article was found: its URL, and the id its JSONL record gave it (an id that
    is not the hash of its text)."""
    sources: list[Source] = []
    if article.url:
        sources.append(("url", article.url))
    if article.id and article.id != make_article_id(article.text):
        sources.append(("record", article.id))
    return sources


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """An SQLite file holding articles and everything extracted from them."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.lookups = Lookups()
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.row_factory = sqlite3.Row
            migrate(self.conn)
            self.conn.create_function("dateline_first_day", 1, _first_day, deterministic=True)
            self.conn.create_function("dateline_last_day", 1, _last_day, deterministic=True)
            self._move_v1_articles()
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

    @contextmanager
    def _transaction(self, what: str) -> Iterator[None]:
        """One write transaction; a failure rolls it back and leaves the store as it was."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            yield
            self.conn.execute("COMMIT")
        except BaseException as e:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            self.lookups.rollback()
            if isinstance(e, sqlite3.Error):
                raise StoreError(f"[E043] {self.path}: cannot store {what}: {e}") from e
            raise
        self.lookups.commit()

    def _key_of(self, article_id: str) -> int | None:
        row = self.conn.execute("SELECT key FROM articles WHERE id = ?", (article_id,)).fetchone()
        return int(row[0]) if row else None

    def has_article(self, article_id: str) -> bool:
        """Whether an article with this id (the hash of its normalised text) is stored."""
        return self._key_of(article_id) is not None

    def link_if_stored(self, article: Article) -> bool:
        """If the article's text is stored, record any URL or record id of ``article`` it was
        not yet known by, and return True; return False, changing nothing, otherwise.

        The check the ingest job makes before parsing: the same text is never parsed twice.
        """
        key = self._key_of(make_article_id(article.text))
        if key is None:
            return False
        sources = article_sources(article)
        if any(not self._has_source(key, s) for s in sources):
            with self._transaction(article.source_path or article.id):
                self._link(key, sources)
        return True

    def write_article(self, article: Article, *, replace: bool = False) -> bool:
        """Store an article with everything extracted from it, in one transaction.

        Returns False when its text is already stored and ``replace`` is not set: then only
        the URL or record id it was found at is added, if new. With ``replace``, what was
        extracted before is replaced.
        """
        return self.write_json(
            article.to_json(),
            article_sources(article),
            ingested_at=article.ingested_at,
            replace=replace,
        )

    def write_json(
        self,
        doc: Mapping[str, Any],
        sources: list[Source],
        *,
        ingested_at: str | None = None,
        replace: bool = False,
        also: str | None = None,
        also_args: tuple[Any, ...] = (),
    ) -> bool:
        """Store an output object (OUTPUT.md) found at ``sources``; see ``write_article``.

        ``also`` is a statement run in the same transaction (the migration deletes the
        version-1 row it moved).
        """
        head = doc["article"]
        article_id = make_article_id(head["text"])
        with self._transaction(head.get("source_path") or article_id):
            key = self._key_of(article_id)
            stored = key is None or replace
            if key is not None and replace:
                for table in ("mentions", "places", "times", "quotes", "events"):
                    self.conn.execute(f"DELETE FROM {table} WHERE article = ?", (key,))
            if stored:
                key = self._put_article_row(key, article_id, doc, ingested_at or _now())
                insert_article_rows(self.conn, self.lookups, key, doc)
            if key is not None:
                self._link(key, sources)
            if also:
                self.conn.execute(also, also_args)
        return stored

    def _put_article_row(
        self, key: int | None, article_id: str, doc: Mapping[str, Any], ingested_at: str
    ) -> int:
        """Insert the ``articles`` row of ``doc`` (``key`` None) or overwrite row ``key``."""
        values = article_row(self.conn, self.lookups, doc)
        values["ingested_at"] = ingested_at
        if key is not None:
            self.conn.execute(
                f"UPDATE articles SET {', '.join(f'{c} = ?' for c in values)} WHERE key = ?",
                (*values.values(), key),
            )
            return key
        values["id"] = article_id
        cursor = self.conn.execute(
            f"INSERT INTO articles ({', '.join(values)}) VALUES ({', '.join('?' for _ in values)})",
            tuple(values.values()),
        )
        return int(cursor.lastrowid or 0)

    def _has_source(self, key: int, source: Source) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM article_sources WHERE kind = ? AND locator = ? AND article = ?",
            (*source, key),
        ).fetchone()
        return row is not None

    def _link(self, key: int, sources: list[Source]) -> None:
        """Record that article ``key`` was found at ``sources`` (inside a transaction): a
        source that held another text becomes this article's, linked to that one."""
        for kind, locator in sources:
            if self._has_source(key, (kind, locator)):
                continue  # found there before: nothing changes, even if a newer text followed
            row = self.conn.execute(
                "SELECT article FROM article_sources WHERE kind = ? AND locator = ? AND newest = 1",
                (kind, locator),
            ).fetchone()
            previous = int(row[0]) if row else None
            if previous is not None:
                self.conn.execute(
                    "UPDATE article_sources SET newest = 0"
                    " WHERE kind = ? AND locator = ? AND article = ?",
                    (kind, locator, previous),
                )
            self.conn.execute(
                "INSERT INTO article_sources (kind, locator, article, previous, newest, seen_at)"
                " VALUES (?, ?, ?, ?, 1, ?)",
                (kind, locator, key, previous, _now()),
            )

    def _first_url(self, key: int) -> str | None:
        row = self.conn.execute(
            "SELECT locator FROM article_sources WHERE article = ? AND kind = 'url'"
            " ORDER BY rowid LIMIT 1",
            (key,),
        ).fetchone()
        return str(row[0]) if row else None

    def article(self, article_id: str) -> dict[str, Any] | None:
        """The output object (OUTPUT.md) of a stored article, rebuilt from the tables; its
        ``url`` is the first URL the text was found at."""
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        return read_article_json(self.conn, self.lookups, row, self._first_url(row["key"]))

    def sources(self, article_id: str) -> list[dict[str, Any]]:
        """Where a stored article was found, in order: ``kind`` (url or record), ``locator``,
        ``previous`` (the id of the article found there before it) and ``newest``."""
        return [
            dict(row)
            for row in self.conn.execute(
                "SELECT s.kind, s.locator, p.id AS previous, s.newest = 1 AS newest"
                " FROM article_sources s JOIN articles a ON a.key = s.article"
                " LEFT JOIN articles p ON p.key = s.previous"
                " WHERE a.id = ? ORDER BY s.rowid",
                (article_id,),
            )
        ]

    def count(self, table: str) -> int:
        if table not in TABLES:
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
            "SELECT e.*, a.id AS article_id, a.title AS article_title,"
            " a.outlet AS article_outlet, a.published AS article_published"
            " FROM events e JOIN articles a ON a.key = e.article"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY a.ingested_at, a.key, e.sentence_start, e.idx"
        )
        if q.limit:
            sql += f" LIMIT {int(q.limit)}"
        current: tuple[int, str, str | None] | None = None
        for row in self.conn.execute(sql, args):
            if current is None or current[0] != row["article"]:
                (text,) = self.conn.execute(
                    "SELECT text FROM articles WHERE key = ?", (row["article"],)
                ).fetchone()
                current = (row["article"], text, self._first_url(row["article"]))
            event = event_json(self.conn, self.lookups, row, current[1])
            event["article"] = {
                "id": row["article_id"],
                "title": row["article_title"],
                "outlet": row["article_outlet"],
                "url": current[2],
                "published": row["article_published"],
            }
            yield event

    def _move_v1_articles(self) -> None:
        """Move the articles a version-1 store kept as JSON into the tables, one per
        transaction (a move cut short goes on at the next open), then drop what is left of
        version 1 and give its space back."""
        stash = self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'v1_articles'"
        ).fetchone()
        if stash is None:
            return
        order = "SELECT rowid FROM v1_articles ORDER BY ingested_at, rowid"
        for (rowid,) in self.conn.execute(order).fetchall():
            row = self.conn.execute(
                "SELECT id, ingested_at, doc FROM v1_articles WHERE rowid = ?", (rowid,)
            ).fetchone()
            doc, sources = v1_sources(row["id"], row["doc"])
            self.write_json(
                doc,
                sources,
                ingested_at=row["ingested_at"],
                also="DELETE FROM v1_articles WHERE rowid = ?",
                also_args=(rowid,),
            )
        self.conn.execute("DROP TABLE v1_articles")
        self.conn.execute("VACUUM")


def _first_day(value: str | None) -> str | None:
    """SQL ``dateline_first_day``: the first day (ISO) of a stored date value, or NULL."""
    found = calendar_range(value)
    return found.first.isoformat() if found else None


def _last_day(value: str | None) -> str | None:
    """SQL ``dateline_last_day``: the last day (ISO) of a stored date value, or NULL."""
    found = calendar_range(value)
    return found.last.isoformat() if found else None
