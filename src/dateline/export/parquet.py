"""Events as a Parquet file, written a row group at a time so it streams (issue 13).

The columns are the events' CSV columns (``tabular.EVENT_COLUMNS``) with their types: text as
strings, counts as 64-bit integers, scores and coordinates as doubles, flags as booleans,
a missing value as null. Each row group is handed on as soon as it is written, and the
footer last, so a file of any size passes through flat memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .tabular import EVENT_COLUMNS, event_values

__all__ = ["EVENT_SCHEMA", "parquet_chunks"]

# Rows in each row group of the file.
ROW_GROUP_ROWS = 10_000

_TYPES = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
EVENT_SCHEMA = pa.schema([(name, _TYPES[kind]) for name, kind in EVENT_COLUMNS])


class _Chunks:
    """A write-only file for pyarrow that keeps what is written until ``take``."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.position = 0
        self.closed = False

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        self.parts.append(chunk)
        self.position += len(chunk)
        return len(chunk)

    def flush(self) -> None:
        pass

    def tell(self) -> int:
        return self.position

    def close(self) -> None:
        self.closed = True

    def take(self) -> bytes:
        out = b"".join(self.parts)
        self.parts = []
        return out


def _table(rows: list[dict[str, Any]]) -> pa.Table:
    columns = {name: [row[name] for row in rows] for name, _ in EVENT_COLUMNS}
    return pa.table(columns, schema=EVENT_SCHEMA)


def parquet_chunks(
    events: Iterable[dict[str, Any]], *, row_group_rows: int = ROW_GROUP_ROWS
) -> Iterator[bytes]:
    """The Parquet file of ``events``: each row group's bytes as it is written, then the
    footer (a file with no event holds the schema and no row)."""
    sink = _Chunks()
    writer = pq.ParquetWriter(sink, EVENT_SCHEMA)
    try:
        rows: list[dict[str, Any]] = []
        for event in events:
            rows.append(event_values(event))
            if len(rows) >= row_group_rows:
                writer.write_table(_table(rows))
                rows = []
                yield sink.take()
        if rows:
            writer.write_table(_table(rows))
    finally:
        writer.close()
    yield sink.take()
