"""Schema versions of the store and the steps between them.

Each step is a frozen SQL script, ``schema_v<n>.sql``, run in one transaction; a new store
runs them all from version 1. Version 2 (issue 9) holds each fact once: it sets version
1's articles aside in ``v1_articles``, whose whole output JSON (``doc``) the store then
moves into the version-2 tables with its own writer, one article per transaction
(``Store._move_v1_articles``), so a move cut short goes on at the next open. Version 3
(issue 13) adds full-text search, the days each date covers and event clusters; the store
clusters the events an earlier version wrote once the script has run, one article per
transaction (``Store._cluster_pending``). Version 4 adds each article's actor prefixes and
CAMEO roots (the article filters and facets of a search), kept by triggers; version 5 their
PLOVER types and the countries of the places they name, the same way; version 6 the words of
each quotation's speaker, once each (the ``speaker=`` filter of quotations); version 7 makes
the articles' full-text index again with prefix indexes (a prefix query's words are not
merged at each statement); version 8 the coding run that wrote each article (``coding_runs``;
the articles written before it point to none). A later step adds a script
``schema_v9.sql`` and a line to ``MIGRATIONS``; never edit a released one.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from importlib.resources import files
from typing import Any, Literal

from ..dates import calendar_range
from ..errors import StoreError

SCHEMA_VERSION = 8


def _script(name: str) -> str:
    return files("dateline.store").joinpath(name).read_text(encoding="utf-8")


# (version reached, SQL script).
MIGRATIONS: list[tuple[int, str]] = [
    (1, _script("schema_v1.sql")),
    (2, _script("schema_v2.sql")),
    (3, _script("schema_v3.sql")),
    (4, _script("schema_v4.sql")),
    (5, _script("schema_v5.sql")),
    (6, _script("schema_v6.sql")),
    (7, _script("schema_v7.sql")),
    (8, _script("schema_v8.sql")),
]


def first_day(value: str | None) -> str | None:
    """SQL ``dateline_first_day``: the first day (ISO) of a stored date value, or NULL."""
    found = calendar_range(value)
    return found.first.isoformat() if found else None


def last_day(value: str | None) -> str | None:
    """SQL ``dateline_last_day``: the last day (ISO) of a stored date value, or NULL."""
    found = calendar_range(value)
    return found.last.isoformat() if found else None


def add_date_functions(conn: sqlite3.Connection) -> None:
    """Register the SQL functions the scripts call (schema_v3.sql fills day columns)."""
    conn.create_function("dateline_first_day", 1, first_day, deterministic=True)
    conn.create_function("dateline_last_day", 1, last_day, deterministic=True)


def current_version(conn: sqlite3.Connection) -> int:
    """The schema version of an open store (0 for an empty file); reads only, so it also
    answers on a connection opened read-only."""
    table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if table is None:
        return 0
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the store to ``SCHEMA_VERSION``; returns the version reached.

    Each step takes the write lock first and reads the version again under it, so two
    processes opening an old store at once run each step once.
    """
    add_date_functions(conn)
    version = current_version(conn)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"[E040] The store has schema version {version}, newer than this dateline "
            f"({SCHEMA_VERSION}): upgrade dateline."
        )
    for target, script in MIGRATIONS:
        if target <= version:
            continue
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            if current_version(conn) < target:
                for statement in _statements(script):
                    conn.execute(statement)
                conn.execute("INSERT INTO schema_version (version) VALUES (?)", (target,))
            conn.execute("COMMIT")
        except sqlite3.Error as e:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StoreError(f"[E041] Migration to schema version {target} failed: {e}") from e
        version = target
    return version


def _statements(script: str) -> list[str]:
    """Split a script into statements (sqlite3.complete_statement keeps quoted ';' intact)."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--") and not buf:
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out


def _v1_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def v1_sources(
    v1_id: str, v1_doc: str
) -> tuple[dict[str, Any], list[tuple[Literal["url", "record"], str]]]:
    """A version-1 article's output object, and where it was found: its URL, and its JSONL
    record id when its version-1 id was neither of the hashes version 1 made (of the URL,
    else of the whitespace-normalised text)."""
    doc: dict[str, Any] = json.loads(v1_doc)
    head = doc["article"]
    url, text = head.get("url"), head["text"]
    made = _v1_hash(url.strip()) if url else _v1_hash(" ".join(text.split()))
    sources: list[tuple[Literal["url", "record"], str]] = []
    if url:
        sources.append(("url", url))
    if v1_id != made:
        sources.append(("record", v1_id))
    return doc, sources
