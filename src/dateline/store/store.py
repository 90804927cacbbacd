"""The embedded SQLite store: one file, WAL mode, one transaction per article.

An article is its text (its id is the hash of the normalised text, ``make_article_id``),
found at one or more URLs or JSONL record ids (``article_sources``). The same text found
again at another URL adds that URL to the stored article; a changed text at a known URL is
a new article, linked to the one it replaces there (issue 9).

The store answers the archive's queries (issue 13; ``queries.py``): articles, events,
quotations, clusters, timeline and network, each query under a time limit
(``query_time_limit_ms``), on a file opened for writing or, with ``read_only``, read-only.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Literal
from urllib.parse import quote

from ..errors import (
    E_NO_STORE,
    E_QUERY_TIME,
    E_READ_ONLY_OLD,
    QueryError,
    StoreError,
)
from ..model import Article, make_article_id
from ..provenance import CodingRun, coding_run
from ..settings import Settings
from . import queries
from .clusters import cluster_article, recount
from .filters import ArticleQuery, EventQuery, QuoteQuery, TimelineQuery, check_page
from .lookups import Lookups
from .migrations import (
    SCHEMA_VERSION,
    current_version,
    first_day,
    last_day,
    migrate,
    v1_sources,
)
from .queries import Page
from .rows import article_row, insert_article_rows, read_article_json

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
        "clusters",
        "coding_runs",
    }
)
# Rows fetched at a time when a query streams; each batch has the whole time limit.
STREAM_BATCH_ROWS = 500
# SQLite calls the time-limit check every this many virtual-machine steps.
PROGRESS_STEPS = 1000
# The most of the store's file a connection reads through a memory map.
MMAP_BYTES = 1 << 30
# Rows of a page when the query sets no limit.
DEFAULT_PAGE_ITEMS = 50


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
    """An SQLite file holding articles and everything extracted from them.

    ``Store(path)`` opens (and creates, and upgrades) a store for reading and writing;
    ``Store(path, read_only=True)`` opens an existing one read-only (SQLite's ``mode=ro``):
    nothing is written, and a store an older dateline wrote is refused (E046). ``settings``
    (default: ``Settings.from_env()``) give the busy timeout, the time limit of each query
    and the default ``min_confidence`` of event queries.

    The queries take a query object or its fields as keywords, as the HTTP API takes them
    as parameters: ``store.events(actor="IRQ", cameo="04")``,
    ``store.articles(q="Khalilzad")``, ``store.page(EventQuery(limit=10))``.
    """

    def __init__(
        self, path: str | Path, *, read_only: bool = False, settings: Settings | None = None
    ) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.settings = settings or Settings.from_env()
        self.lookups = Lookups()
        # The keys of the coding runs in ``coding_runs`` by their sha256; those added by the
        # transaction under way are forgotten if it rolls back.
        self._run_keys: dict[str, int] = {}
        self._new_runs: list[str] = []
        try:
            self.conn = self._connect()
            self._add_functions()
            if read_only:
                self._check_current()
            else:
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
                migrate(self.conn)
                self._move_v1_articles()
                self._cluster_pending()
        except sqlite3.DatabaseError as e:
            raise StoreError(f"[E042] {self.path}: cannot open the store: {e}") from e

    def _connect(self) -> sqlite3.Connection:
        """The connection: autocommit (transactions are explicit), rows by name, usable from
        the thread that closes it (the web app opens a store per request)."""
        timeout_s = self.settings.busy_timeout_ms / 1000
        if self.read_only:
            uri = f"file:{quote(str(Path(self.path).resolve()))}?mode=ro"
            conn = sqlite3.connect(
                uri, uri=True, isolation_level=None, timeout=timeout_s, check_same_thread=False
            )
        else:
            conn = sqlite3.connect(
                self.path, isolation_level=None, timeout=timeout_s, check_same_thread=False
            )
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys=ON")
        # Pages are read through a memory map (shared by every connection through the OS's
        # cache) rather than copied into each connection's own cache: a query of a large store
        # costs the same on the first connection of a request as on a long-lived one.
        conn.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
        return conn

    def _add_functions(self) -> None:
        functions: list[tuple[str, int, Callable[..., Any]]] = [
            ("dateline_first_day", 1, first_day),
            ("dateline_last_day", 1, last_day),
            ("dateline_iso_week", 1, queries.iso_week),
            ("dateline_distance_km", 4, queries.distance_km),
        ]
        for name, args, function in functions:
            self.conn.create_function(name, args, function, deterministic=True)

    def _check_current(self) -> None:
        """A read-only store must be at this dateline's schema version, with nothing left to
        move or cluster (E046): upgrading it would write."""
        version = current_version(self.conn)
        pending = version == SCHEMA_VERSION and (
            self.conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'v1_articles'"
            ).fetchone()
            or self.conn.execute("SELECT 1 FROM events WHERE cluster IS NULL LIMIT 1").fetchone()
        )
        if version != SCHEMA_VERSION or pending:
            if version > SCHEMA_VERSION:
                migrate(self.conn)  # raises E040: newer than this dateline
            raise StoreError(
                E_READ_ONLY_OLD.format(path=self.path, version=version, current=SCHEMA_VERSION)
            )

    @classmethod
    def existing(
        cls, path: str | Path, *, read_only: bool = False, settings: Settings | None = None
    ) -> Store:
        """Open a store that must exist already (a query never creates one): else E050."""
        if not Path(path).is_file():
            raise StoreError(E_NO_STORE.format(path=path))
        return cls(path, read_only=read_only, settings=settings)

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
            for sha256 in self._new_runs:
                self._run_keys.pop(sha256, None)
            self._new_runs.clear()
            if isinstance(e, sqlite3.Error):
                raise StoreError(f"[E043] {self.path}: cannot store {what}: {e}") from e
            raise
        self.lookups.commit()
        self._new_runs.clear()

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

    def write_article(
        self, article: Article, *, replace: bool = False, run: CodingRun | None = None
    ) -> bool:
        """Store an article with everything extracted from it, in one transaction.

        Returns False when its text is already stored and ``replace`` is not set: then only
        the URL or record id it was found at is added, if new. With ``replace``, what was
        extracted before is replaced. ``run`` is the coding run that coded it (the ingest
        job gives its pipeline's); by default, that of this installation under the store's
        settings.
        """
        return self.write_json(
            article.to_json(),
            article_sources(article),
            ingested_at=article.ingested_at,
            replace=replace,
            run=run or coding_run(self.settings),
        )

    def write_json(
        self,
        doc: Mapping[str, Any],
        sources: list[Source],
        *,
        ingested_at: str | None = None,
        replace: bool = False,
        run: CodingRun | None = None,
        also: str | None = None,
        also_args: tuple[Any, ...] = (),
    ) -> bool:
        """Store an output object (OUTPUT.md) found at ``sources``; see ``write_article``.

        ``run`` is the coding run that made ``doc``, recorded in the same transaction
        (``coding_runs``, once per distinct run); None records none (what coded it is not
        known: the articles a version-1 store kept). ``also`` is a statement run in the same
        transaction (the migration deletes the version-1 row it moved). The article's events
        join their clusters in the same transaction (``clusters.py``); with ``replace``, the
        clusters its old events leave are counted again.
        """
        head = doc["article"]
        article_id = make_article_id(head["text"])
        with self._transaction(head.get("source_path") or article_id):
            key = self._key_of(article_id)
            stored = key is None or replace
            left: list[int] = []
            if key is not None and replace:
                left = [
                    row[0]
                    for row in self.conn.execute(
                        "SELECT DISTINCT cluster FROM events WHERE article = ?"
                        " AND cluster IS NOT NULL",
                        (key,),
                    )
                ]
                for table in ("mentions", "places", "times", "quotes", "events"):
                    self.conn.execute(f"DELETE FROM {table} WHERE article = ?", (key,))
            if stored:
                run_key = self._run_key(run) if run is not None else None
                key = self._put_article_row(key, article_id, doc, ingested_at or _now(), run_key)
                insert_article_rows(self.conn, self.lookups, key, doc)
                assert key is not None  # set by _put_article_row
                cluster_article(self.conn, key)
                recount(self.conn, left)
            if key is not None:
                self._link(key, sources)
            if also:
                self.conn.execute(also, also_args)
        return stored

    def _put_article_row(
        self,
        key: int | None,
        article_id: str,
        doc: Mapping[str, Any],
        ingested_at: str,
        run_key: int | None,
    ) -> int:
        """Insert the ``articles`` row of ``doc`` (``key`` None) or overwrite row ``key``."""
        values = article_row(self.conn, self.lookups, doc)
        values["ingested_at"] = ingested_at
        values["coding_run"] = run_key
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

    def _run_key(self, run: CodingRun) -> int:
        """The key of ``run`` in ``coding_runs``, its row added if new (inside a
        transaction)."""
        sha256 = run.sha256
        key = self._run_keys.get(sha256)
        if key is not None:
            return key
        row = self.conn.execute(
            "SELECT key FROM coding_runs WHERE sha256 = ?", (sha256,)
        ).fetchone()
        if row is None:
            obj = run.to_json()
            cursor = self.conn.execute(
                "INSERT INTO coding_runs (sha256, dateline_version, coder, spacy_model,"
                " spacy_model_version, dictionaries, settings, recorded_by, first_written_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    sha256,
                    run.dateline_version,
                    run.coder,
                    run.spacy_model,
                    run.spacy_model_version,
                    json.dumps(obj["dictionaries"], sort_keys=True),
                    json.dumps(obj["settings"], sort_keys=True),
                    run.recorded_by,
                    _now(),
                ),
            )
            key = int(cursor.lastrowid or 0)
            self._new_runs.append(sha256)
        else:
            key = int(row[0])
        self._run_keys[sha256] = key
        return key

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

    def first_url(self, key: int) -> str | None:
        """The first URL the article of row ``key`` was found at."""
        row = self.conn.execute(
            "SELECT locator FROM article_sources WHERE article = ? AND kind = 'url'"
            " ORDER BY rowid LIMIT 1",
            (key,),
        ).fetchone()
        return str(row[0]) if row else None

    def article_text(self, key: int) -> str:
        """The text of the article of row ``key``."""
        return str(
            self.conn.execute("SELECT text FROM articles WHERE key = ?", (key,)).fetchone()[0]
        )

    def article(self, article_id: str) -> dict[str, Any] | None:
        """The output object (OUTPUT.md) of a stored article, rebuilt from the tables; its
        ``url`` is the first URL the text was found at."""
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        return read_article_json(self.conn, self.lookups, row, self.first_url(row["key"]))

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

    def schema_version(self) -> int:
        """The store's schema version."""
        return current_version(self.conn)

    def count(self, table: str) -> int:
        if table not in TABLES:
            raise ValueError(table)
        return int(self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    # --- queries (issue 13): the HTTP API's routes, for notebooks and the CLI -------------

    def min_confidence(self, value: float | None) -> float:
        """An event query's ``min_confidence``, or the setting's when it gives none."""
        return self.settings.min_confidence if value is None else value

    def events(self, query: EventQuery | None = None, **filters: Any) -> Iterator[dict[str, Any]]:
        """The events matching ``query`` (or the filters given as keywords), each an event
        object with its sentence's text, its article and its cluster; all of them unless
        ``limit`` is set."""
        return queries.events(self, query or EventQuery(**filters))

    def articles(
        self, query: ArticleQuery | None = None, **filters: Any
    ) -> Iterator[dict[str, Any]]:
        """Summaries of the articles matching ``query``: id, title, outlet, url, published,
        dateline, counts of events and quotations, and a snippet for a full-text query."""
        return queries.articles(self, query or ArticleQuery(**filters))

    def quotes(self, query: QuoteQuery | None = None, **filters: Any) -> Iterator[dict[str, Any]]:
        """The quotations matching ``query``, each with its speaker, cue and article."""
        return queries.quotes(self, query or QuoteQuery(**filters))

    def clusters(self, query: EventQuery | None = None, **filters: Any) -> Iterator[dict[str, Any]]:
        """The clusters (the same act reported by several articles) holding an event that
        matches ``query``, each with its counts and events."""
        return queries.clusters(self, query or EventQuery(**filters))

    def timeline(
        self, query: TimelineQuery | None = None, *, interval: str = "month", **filters: Any
    ) -> dict[str, Any]:
        """Matching events per day, week, month or year, with the articles in scope."""
        return queries.timeline(
            self, query or TimelineQuery(interval=interval, events=EventQuery(**filters))
        )

    def quote_speakers(
        self, query: QuoteQuery | None = None, **filters: Any
    ) -> list[dict[str, Any]]:
        """Who is quoted in the matching quotations, the most quoted first."""
        return queries.quote_speakers(self, query or QuoteQuery(**filters))

    def cluster(
        self, cluster_id: int, min_confidence: float | None = None
    ) -> dict[str, Any] | None:
        """One cluster by its id (as ``clusters`` lists it), or None."""
        return queries.cluster(self, cluster_id, min_confidence)

    def places(self, query: EventQuery | None = None, **filters: Any) -> list[dict[str, Any]]:
        """The places of the matching events, with their feature and counts."""
        return queries.places(self, query or EventQuery(**filters))

    def network(self, query: EventQuery | None = None, **filters: Any) -> dict[str, Any]:
        """The actors of the matching events (nodes) and who acts on whom (edges)."""
        return queries.network(self, query or EventQuery(**filters))

    def total(
        self, query: ArticleQuery | EventQuery | QuoteQuery, *, clusters: bool = False
    ) -> int:
        """How many rows (clusters, with ``clusters``) match ``query``, limit and offset aside."""
        if isinstance(query, ArticleQuery):
            return queries.count_articles(self, query)
        if isinstance(query, QuoteQuery):
            return queries.count_quotes(self, query)
        if clusters:
            return queries.count_clusters(self, query)
        return queries.count_events(self, query)

    def page(
        self, query: ArticleQuery | EventQuery | QuoteQuery, *, clusters: bool = False
    ) -> Page:
        """One page of a list, as the API's JSON gives it: ``total``, ``items`` and, for
        articles, ``facets``. A page holds at most 1000 rows (E100); ``limit`` None is 50."""
        if query.limit is None:
            query = type(query)(**{**vars(query), "limit": DEFAULT_PAGE_ITEMS})
        check_page(query)
        if isinstance(query, ArticleQuery):
            return queries.article_page(self, query)
        total = self.total(query, clusters=clusters)
        items: list[dict[str, Any]]
        if isinstance(query, QuoteQuery):
            items = list(queries.quotes(self, query))
        elif clusters:
            items = list(queries.clusters(self, query))
        else:
            items = list(queries.events(self, query))
        return Page(total, items)

    # --- the time limit -------------------------------------------------------------------

    @contextmanager
    def time_limit(self) -> Iterator[None]:
        """Stop any statement of this block that runs longer than ``query_time_limit_ms``
        (QueryError E102)."""
        limit_ms = self.settings.query_time_limit_ms
        if limit_ms > 0:
            deadline = time.monotonic() + limit_ms / 1000
            self.conn.set_progress_handler(lambda: time.monotonic() > deadline, PROGRESS_STEPS)
        try:
            yield
        except sqlite3.OperationalError as e:
            if str(e) == "interrupted":
                raise QueryError(E_QUERY_TIME.format(limit=limit_ms), code="E102") from e
            raise
        finally:
            if limit_ms > 0:
                self.conn.set_progress_handler(None, PROGRESS_STEPS)

    def run(self, sql: str, args: Sequence[Any] = ()) -> list[Any]:
        """All rows of one statement, under the time limit."""
        with self.time_limit():
            return self.conn.execute(sql, args).fetchall()

    def stream(self, sql: str, args: Sequence[Any] = ()) -> Iterator[Any]:
        """The rows of one statement, fetched STREAM_BATCH_ROWS at a time, each batch under
        the time limit: a long result streams in flat memory, a slow one is stopped."""
        with self.time_limit():
            cursor = self.conn.execute(sql, args)
        try:
            while True:
                with self.time_limit():
                    rows = cursor.fetchmany(STREAM_BATCH_ROWS)
                if not rows:
                    return
                yield from rows
        finally:
            cursor.close()

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """One read transaction: every query in the block sees the store as it was when the
        block began (an export's row count and its rows agree while ingests go on)."""
        self.conn.execute("BEGIN")
        try:
            yield
        finally:
            if self.conn.in_transaction:
                self.conn.execute("COMMIT")

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

    def _cluster_pending(self) -> None:
        """Cluster the events an earlier schema version wrote (they have no cluster), one
        article per transaction in the order stored, as an ingest would have: a run cut
        short goes on at the next open."""
        pending = "SELECT DISTINCT article FROM events WHERE cluster IS NULL ORDER BY article"
        for (key,) in self.conn.execute(pending).fetchall():
            with self._transaction(f"the clusters of article {key}"):
                cluster_article(self.conn, key)
