"""Schema versions of the store and the steps between them.

Version 1 is ``schema.sql``. A later version appends a step ``(n, "SQL ...")`` to
``MIGRATIONS``; ``migrate()`` runs, in one transaction each, the steps above the version
recorded in ``schema_version``.
"""

from __future__ import annotations

import sqlite3
from importlib.resources import files

from ..errors import StoreError

SCHEMA_VERSION = 1

# (version reached, SQL script). Version 1 creates the tables of schema.sql.
MIGRATIONS: list[tuple[int, str]] = [
    (1, files("dateline.store").joinpath("schema.sql").read_text(encoding="utf-8")),
]


def current_version(conn: sqlite3.Connection) -> int:
    """The schema version of an open store (0 for an empty file)."""
    conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the store to ``SCHEMA_VERSION``; returns the version reached."""
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
            conn.execute("BEGIN")
            for statement in _statements(script):
                conn.execute(statement)
            conn.execute("INSERT INTO schema_version (version) VALUES (?)", (target,))
            conn.execute("COMMIT")
        except sqlite3.Error as e:
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
