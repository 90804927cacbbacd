"""Coded articles as Arrow tables, and back (issue 15).

One table per kind of thing (``articles``, ``mentions``, ``places``, ``times``, ``quotes``,
``events``) plus ``failures``. A row of a thing's table is the object ``dateline extract
--format json`` gives for it (docs/OUTPUT.md), as an Arrow struct with the same field
names, beside two columns that tie it to its article: ``article_id`` (the hash of the
article's text, the store's id) and ``article_index`` (the article's row in the part's
``articles`` table; the same text twice in one shard is two rows). The schemas are declared
here once, so every part of a dataset has the same columns whatever its articles hold.

``part_objects`` turns a part's tables back into the output objects, which the store
writes through its own API (``batch.load``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import pyarrow as pa

from ..model import Article, make_article_id

__all__ = [
    "FAILURES",
    "SCHEMAS",
    "TABLES",
    "THINGS",
    "article_rows",
    "empty_rows",
    "part_objects",
    "rows_to_tables",
]

_str, _int, _float, _bool = pa.string(), pa.int64(), pa.float64(), pa.bool_()


def _struct(**fields: pa.DataType) -> pa.StructType:
    return pa.struct([pa.field(name, kind) for name, kind in fields.items()])


_SPAN = _struct(text=_str, start=_int, end=_int)
_ACTOR = pa.struct(
    [
        pa.field("code", _str),
        pa.field("name", _str),
        pa.field("country", _str),
        pa.field("agents", pa.list_(_str)),
        pa.field("valid", _struct(**{"from": _str, "until": _str})),
    ]
)
_EVENT_ACTOR = _struct(code=_str, text=_str, start=_int, end=_int)
_KEYS = [pa.field("article_id", _str), pa.field("article_index", _int)]

# The things an article holds, in the order of the output object.
THINGS = ("mentions", "places", "times", "quotes", "events")
FAILURES = "failures"
TABLES = ("articles", *THINGS, FAILURES)

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            *_KEYS,
            pa.field("id", _str),
            pa.field("url", _str),
            pa.field("outlet", _str),
            pa.field("title", _str),
            pa.field("published", _struct(value=_str, precision=_str, source=_str)),
            pa.field(
                "dateline",
                _struct(
                    name=_str,
                    country=_str,
                    start=_int,
                    end=_int,
                    lat=_float,
                    lon=_float,
                    geonameid=_int,
                ),
            ),
            pa.field("language", _str),
            pa.field("source_path", _str),
            pa.field("text", _str),
            pa.field("input_offsets", pa.list_(pa.list_(_int))),
            pa.field("warnings", pa.list_(_str)),
        ]
    ),
    "mentions": pa.schema(
        [
            *_KEYS,
            pa.field("start", _int),
            pa.field("end", _int),
            pa.field("text", _str),
            pa.field("label", _str),
            pa.field("actor", _ACTOR),
            pa.field("via", _str),
            pa.field("inferred", _str),
        ]
    ),
    "places": pa.schema(
        [
            *_KEYS,
            pa.field("start", _int),
            pa.field("end", _int),
            pa.field("text", _str),
            pa.field("name", _str),
            pa.field("country", _str),
            pa.field("admin1", _str),
            pa.field("admin2", _str),
            pa.field("lat", _float),
            pa.field("lon", _float),
            pa.field("geonameid", _int),
            pa.field("feature_class", _str),
            pa.field("feature_code", _str),
            pa.field("area", _bool),
            pa.field("kind", _str),
        ]
    ),
    "times": pa.schema(
        [
            *_KEYS,
            pa.field("start", _int),
            pa.field("end", _int),
            pa.field("text", _str),
            pa.field("value", _str),
            pa.field("precision", _str),
            pa.field("type", _str),
            pa.field("anchor", _str),
        ]
    ),
    "quotes": pa.schema(
        [
            *_KEYS,
            pa.field("id", _str),
            pa.field("start", _int),
            pa.field("end", _int),
            pa.field("text", _str),
            pa.field("kind", _str),
            pa.field(
                "speaker",
                pa.struct(
                    [
                        pa.field("text", _str),
                        pa.field("start", _int),
                        pa.field("end", _int),
                        pa.field("anonymous", _bool),
                        pa.field("description", _str),
                        pa.field("name", _str),
                        pa.field("actor", _ACTOR),
                    ]
                ),
            ),
            pa.field("cue", _SPAN),
            pa.field("parts", pa.list_(_struct(start=_int, end=_int))),
        ]
    ),
    "events": pa.schema(
        [
            *_KEYS,
            pa.field("id", _str),
            pa.field("sentence", _struct(start=_int, end=_int)),
            pa.field("trigger", _SPAN),
            pa.field("source", _EVENT_ACTOR),
            pa.field("target", _EVENT_ACTOR),
            pa.field("cameo", _str),
            pa.field("root", _str),
            pa.field("quad_class", _int),
            pa.field("goldstein", _float),
            pa.field("plover", _struct(type=_str, mode=_str)),
            pa.field(
                "date",
                _struct(value=_str, precision=_str, source=_str, text=_str, start=_int, end=_int),
            ),
            pa.field(
                "place",
                _struct(
                    name=_str,
                    country=_str,
                    lat=_float,
                    lon=_float,
                    geonameid=_int,
                    source=_str,
                    start=_int,
                    end=_int,
                ),
            ),
            pa.field("reported_by", _str),
            pa.field("negated", _bool),
            pa.field("hypothetical", _bool),
            pa.field("coder", _str),
            pa.field("confidence", _float),
            pa.field("pattern", _str),
            pa.field("rules", pa.list_(_str)),
            pa.field("entries", pa.list_(_str)),
        ]
    ),
    # An input, record or article that could not be coded, and why: the run goes on.
    FAILURES: pa.schema([pa.field("name", _str), pa.field("reason", _str)]),
}

# Keys the output object leaves out when they have no value (``model.py``): a null read
# back from a struct column is dropped again, so the object is the one that was written.
_LEFT_OUT_WHEN_EMPTY = frozenset({"agents", "valid", "via", "inferred", "parts"})

Rows = dict[str, list[dict[str, Any]]]


def empty_rows() -> Rows:
    """One empty list of rows per table."""
    return {name: [] for name in TABLES}


def article_rows(article: Article, index: int, rows: Rows) -> None:
    """Add the rows of one coded article (row ``index`` of its part) to ``rows``: plain
    Python values, made while the article's Doc may still be in a memory zone."""
    doc = article.to_json()
    keys = {"article_id": make_article_id(article.text), "article_index": index}
    rows["articles"].append({**keys, **doc["article"]})
    for thing in THINGS:
        rows[thing].extend({**keys, **item} for item in doc[thing])


def rows_to_tables(rows: Rows) -> dict[str, pa.Table]:
    """The Arrow table of each kind of row, with the declared schemas."""
    return {name: pa.Table.from_pylist(rows.get(name, []), schema=SCHEMAS[name]) for name in TABLES}


def _restore(value: Any) -> Any:
    """A value read back from Arrow as the output object holds it: the keys the model
    leaves out when empty are left out again."""
    if isinstance(value, dict):
        return {
            key: _restore(item)
            for key, item in value.items()
            if not (key in _LEFT_OUT_WHEN_EMPTY and not item)
        }
    if isinstance(value, list):
        return [_restore(item) for item in value]
    return value


def part_objects(tables: Mapping[str, pa.Table]) -> Iterator[dict[str, Any]]:
    """The output objects (docs/OUTPUT.md) of a part's articles, in their order."""
    by_article: dict[str, dict[int, list[dict[str, Any]]]] = {}
    for thing in THINGS:
        grouped: dict[int, list[dict[str, Any]]] = {}
        for row in tables[thing].to_pylist():
            index = row.pop("article_index")
            row.pop("article_id")
            grouped.setdefault(index, []).append(_restore(row))
        by_article[thing] = grouped
    for row in tables["articles"].to_pylist():
        index = row.pop("article_index")
        row.pop("article_id")
        head = _restore(row)
        doc: dict[str, Any] = {"article": head}
        for thing in THINGS:
            doc[thing] = by_article[thing].get(index, [])
        yield doc
