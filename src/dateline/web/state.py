"""What the web app holds: the store's path, how to open it, and the one Pipeline."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..pipeline import Pipeline
from ..settings import Settings
from ..store import Store

__all__ = ["Archive"]


@dataclass
class Archive:
    """The archive a web app serves: a store file, opened read-only for every query (and
    only opened for writing by ``POST /api/extract?store=true`` when the app may write)."""

    db: Path
    read_only: bool
    settings: Settings
    _pipeline: Pipeline | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def check(self) -> None:
        """Open the store once as the app starts: it must exist (E050); a writable one is
        brought to this dateline's schema, a read-only one must be at it already (E046)."""
        Store.existing(self.db, read_only=self.read_only, settings=self.settings).close()

    def open(self) -> Store:
        """A connection for one request's queries (read-only: queries never write)."""
        return Store(self.db, read_only=True, settings=self.settings)

    def extract(
        self, body: bytes, date: str | None, url: str | None, store: bool
    ) -> tuple[dict[str, Any], bool]:
        """Run the pipeline on one uploaded article, as ``dateline extract`` does (one at a
        time: the pipeline is not shared between threads); with ``store``, store it too.
        Returns the output object and whether it was newly stored."""
        from ..ingest import read_input

        article = read_input(body, name="<upload>", url=url, date=date, settings=self.settings)
        with self._lock:
            if self._pipeline is None:
                self._pipeline = Pipeline(self.settings)
            [article] = list(self._pipeline.process([article]))
        stored = False
        if store:
            with Store(self.db, settings=self.settings) as writer:
                stored = writer.write_article(article)
        return article.to_json(), stored
