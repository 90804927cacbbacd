"""Tables of distinct values that many rows refer to by key: actors, locations, patterns.

An actor such as ``USAGOV`` ("the US ambassador") is named by dozens of mentions in an
article and thousands in a store; each row keeps the key of one ``actors`` row instead of
the code, name, country and agents again (issue 9: the store holds each fact once).
"""

from __future__ import annotations

import sqlite3
from typing import Any

Values = tuple[Any, ...]


class Lookup:
    """One lookup table: ``key_for`` finds or adds a row, ``values_of`` reads one back.

    Both directions are cached. A key added inside a transaction is only trusted once that
    transaction commits (``commit``); ``rollback`` forgets it.
    """

    def __init__(self, table: str, columns: tuple[str, ...]) -> None:
        self.table = table
        self.columns = columns
        self._keys: dict[Values, int] = {}
        self._values: dict[int, Values] = {}
        self._pending: dict[Values, int] = {}
        # "IS" compares NULLs as equal, which "=" (and a UNIQUE constraint) does not.
        match = " AND ".join(f"{c} IS ?" for c in columns)
        self._select = f"SELECT key FROM {table} WHERE {match} LIMIT 1"
        self._insert = (
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
        )
        self._read = f"SELECT {', '.join(columns)} FROM {table} WHERE key = ?"

    def key_for(self, conn: sqlite3.Connection, values: Values) -> int:
        """The key of the row holding ``values``, added if there is none (in a transaction)."""
        key = self._keys.get(values)
        if key is None:
            key = self._pending.get(values)
        if key is not None:
            return key
        row = conn.execute(self._select, values).fetchone()
        if row is not None:
            key = int(row[0])
            self._keys[values] = key  # a row found was committed before this transaction
            return key
        cursor = conn.execute(self._insert, values)
        key = int(cursor.lastrowid or 0)
        self._pending[values] = key
        return key

    def values_of(self, conn: sqlite3.Connection, key: int) -> Values:
        """The values of the row ``key``."""
        values = self._values.get(key)
        if values is None:
            row = conn.execute(self._read, (key,)).fetchone()
            values = tuple(row)
            self._values[key] = values
        return values

    def commit(self) -> None:
        self._keys.update(self._pending)
        self._pending.clear()

    def rollback(self) -> None:
        self._pending.clear()


class Lookups:
    """The store's lookup tables, one object per open store."""

    def __init__(self) -> None:
        self.actors = Lookup(
            "actors", ("code", "name", "country", "agents", "valid_from", "valid_until")
        )
        self.locations = Lookup(
            "locations",
            (
                "name",
                "country",
                "lat",
                "lon",
                "geonameid",
                "feature_class",
                "feature_code",
                "admin1",
                "admin2",
                "area",
            ),
        )
        self.patterns = Lookup("patterns", ("pattern",))
        self.all = (self.actors, self.locations, self.patterns)

    def commit(self) -> None:
        for lookup in self.all:
            lookup.commit()

    def rollback(self) -> None:
        for lookup in self.all:
            lookup.rollback()
