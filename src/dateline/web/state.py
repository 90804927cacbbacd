"""What the web app holds: the store's path, how to open it, and the one Pipeline."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..pipeline import Pipeline
from ..settings import Settings
from ..store import Store

__all__ = ["Archive"]

# Read-only connections kept open between requests (one is in use by one request at a time;
# more requests at once open more, and those past this number are closed after use).
READERS_KEPT = 8


@dataclass
class Archive:
    """The archive a web app serves: a store file, opened read-only for every query (and
    only opened for writing by ``POST /api/extract?store=true`` when the app may write)."""

    db: Path
    read_only: bool
    settings: Settings
    _pipeline: Pipeline | None = field(default=None, repr=False)
    # Two locks: ``_lock`` guards the kept read connections only (held for a list operation),
    # ``_pipeline_lock`` the pipeline (held for a whole extraction). One lock for both made
    # every read wait for an upload: a GET took 8.7 s beside a 116 KB POST /api/extract.
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _pipeline_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _readers: list[tuple[Store, int]] = field(default_factory=list, repr=False)

    def check(self) -> None:
        """Open the store once as the app starts: it must exist (E050); a writable one is
        brought to this dateline's schema, a read-only one must be at it already (E046)."""
        Store.existing(self.db, read_only=self.read_only, settings=self.settings).close()

    def open(self) -> Store:
        """A connection of its own, for a response that streams (read-only: queries never
        write); the caller closes it."""
        return Store(self.db, read_only=True, settings=self.settings)

    @contextmanager
    def reader(self) -> Iterator[Store]:
        """A read-only store for one request's queries, kept open for the next request.

        Opening a connection for each request cost a search page 7 to 20 ms on the
        100,000-article bench store (the schema parsed, every statement prepared again,
        FTS5 set up). A kept connection sees every write committed since (WAL, no
        transaction left open between requests); one whose schema changed (the file was
        upgraded) is closed, and a new one opened, which checks the version again (E046).
        """
        store: Store | None = None
        with self._lock:
            if self._readers:
                store, cookie = self._readers.pop()
        if store is not None and _schema_cookie(store) != cookie:
            store.close()
            store = None
        if store is None:
            store = self.open()
        try:
            yield store
        except BaseException:
            store.close()  # a failed request's connection is not handed on
            raise
        if store.conn.in_transaction:
            store.conn.execute("ROLLBACK")
        with self._lock:
            if len(self._readers) < READERS_KEPT:
                self._readers.append((store, _schema_cookie(store)))
                return
        store.close()

    def extract(
        self, body: bytes, date: str | None, url: str | None, store: bool
    ) -> tuple[dict[str, Any], bool]:
        """Run the pipeline on one uploaded article, as ``dateline extract`` does (one at a
        time: the pipeline is not shared between threads; reads never wait for it); with
        ``store``, store it too. Returns the output object and whether it was newly stored."""
        from ..ingest import read_input

        article = read_input(body, name="<upload>", url=url, date=date, settings=self.settings)
        with self._pipeline_lock:
            if self._pipeline is None:
                self._pipeline = Pipeline(self.settings)
            [article] = list(self._pipeline.process([article]))
        stored = False
        if store:
            with Store(self.db, settings=self.settings) as writer:
                stored = writer.write_article(article)
        return article.to_json(), stored


def _schema_cookie(store: Store) -> int:
    """The file's schema version counter (it changes whenever the schema does)."""
    return int(store.conn.execute("PRAGMA schema_version").fetchone()[0])
