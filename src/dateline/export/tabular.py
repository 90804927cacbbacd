"""Rows of the store as flat records: CSV (``dateline events --format csv``, the API's
``.csv`` twins, ``dateline export --format csv``) and the columns of Parquet.

One column per field: a code and its text never share a cell (issue 9). An event's columns
are typed (``EVENT_COLUMNS``) so Parquet keeps numbers and flags as such; CSV writes a flag
as ``true``/``false`` and a missing value as an empty cell.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO

from ..events.cameo import cameo_info

__all__ = [
    "ARTICLE_CSV_COLUMNS",
    "CLUSTER_CSV_COLUMNS",
    "EDGE_CSV_COLUMNS",
    "EVENT_COLUMNS",
    "EVENT_CSV_COLUMNS",
    "PLACE_CSV_COLUMNS",
    "QUOTE_CSV_COLUMNS",
    "SERIES_CSV_COLUMNS",
    "article_record",
    "cluster_record",
    "csv_chunks",
    "event_record",
    "event_values",
    "quote_record",
    "write_events_csv",
]

# The columns of an event, in order, with their types ("str", "int", "float", "bool"): the
# 25 of ``dateline events --format csv`` before issue 13, then the article's outlet and dates,
# the sentence and the cluster.
EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("article_id", "str"),
    ("article_title", "str"),
    ("event_id", "str"),
    ("date", "str"),
    ("date_precision", "str"),
    ("source_code", "str"),
    ("source_text", "str"),
    ("cameo", "str"),
    ("cameo_name", "str"),
    ("target_code", "str"),
    ("target_text", "str"),
    ("place_name", "str"),
    ("place_country", "str"),
    ("place_lat", "float"),
    ("place_lon", "float"),
    ("root", "str"),
    ("quad_class", "int"),
    ("goldstein", "float"),
    ("plover_type", "str"),
    ("plover_mode", "str"),
    ("negated", "bool"),
    ("hypothetical", "bool"),
    ("confidence", "float"),
    ("reported_by", "str"),
    ("article_url", "str"),
    ("article_outlet", "str"),
    ("article_published", "str"),
    ("sentence_text", "str"),
    ("trigger_text", "str"),
    ("cluster_id", "int"),
    ("cluster_articles", "int"),
    ("cluster_outlets", "int"),
    ("cluster_mentions", "int"),
)
EVENT_CSV_COLUMNS: tuple[str, ...] = tuple(name for name, _ in EVENT_COLUMNS)


def event_values(event: dict[str, Any]) -> dict[str, Any]:
    """The typed column values of one event object as the store lists it (None: missing)."""
    article = event.get("article") or {}
    date = event.get("date") or {}
    source = event.get("source") or {}
    target = event.get("target") or {}
    place = event.get("place") or {}
    plover = event.get("plover") or {}
    cluster = event.get("cluster") or {}
    info = cameo_info(event.get("cameo") or "")
    return {
        "article_id": article.get("id"),
        "article_title": article.get("title"),
        "event_id": event.get("id"),
        "date": date.get("value"),
        "date_precision": date.get("precision"),
        "source_code": source.get("code"),
        "source_text": source.get("text"),
        "cameo": event.get("cameo"),
        "cameo_name": info.name if info else None,
        "target_code": target.get("code"),
        "target_text": target.get("text"),
        "place_name": place.get("name"),
        "place_country": place.get("country"),
        "place_lat": place.get("lat"),
        "place_lon": place.get("lon"),
        "root": event.get("root"),
        "quad_class": event.get("quad_class"),
        "goldstein": event.get("goldstein"),
        "plover_type": plover.get("type"),
        "plover_mode": plover.get("mode"),
        "negated": bool(event.get("negated")),
        "hypothetical": bool(event.get("hypothetical")),
        "confidence": event.get("confidence"),
        "reported_by": event.get("reported_by"),
        "article_url": article.get("url"),
        "article_outlet": article.get("outlet"),
        "article_published": article.get("published"),
        "sentence_text": (event.get("sentence") or {}).get("text"),
        "trigger_text": (event.get("trigger") or {}).get("text"),
        "cluster_id": cluster.get("id"),
        "cluster_articles": cluster.get("articles"),
        "cluster_outlets": cluster.get("outlets"),
        "cluster_mentions": cluster.get("mentions"),
    }


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def event_record(event: dict[str, Any]) -> dict[str, Any]:
    """The CSV row of one event object: empty cells for nulls, flags as true/false."""
    return {column: _cell(value) for column, value in event_values(event).items()}


ARTICLE_CSV_COLUMNS = (
    "id",
    "title",
    "outlet",
    "url",
    "published",
    "published_precision",
    "dateline_name",
    "dateline_country",
    "events",
    "quotes",
    "snippet",
)


def article_record(article: dict[str, Any]) -> dict[str, Any]:
    """The CSV row of an article summary (``/api/articles``)."""
    published = article.get("published") or {}
    dateline = article.get("dateline") or {}
    values = {
        "id": article["id"],
        "title": article.get("title"),
        "outlet": article.get("outlet"),
        "url": article.get("url"),
        "published": published.get("value"),
        "published_precision": published.get("precision"),
        "dateline_name": dateline.get("name"),
        "dateline_country": dateline.get("country"),
        "events": article.get("events"),
        "quotes": article.get("quotes"),
        "snippet": article.get("snippet"),
    }
    return {column: _cell(value) for column, value in values.items()}


QUOTE_CSV_COLUMNS = (
    "article_id",
    "article_title",
    "article_outlet",
    "article_published",
    "quote_id",
    "kind",
    "text",
    "start",
    "end",
    "speaker_text",
    "speaker_anonymous",
    "speaker_description",
    "speaker_code",
    "cue_text",
    "article_url",
)


def quote_record(quote: dict[str, Any]) -> dict[str, Any]:
    """The CSV row of a quotation (``/api/quotes``)."""
    article = quote.get("article") or {}
    speaker = quote.get("speaker") or {}
    cue = quote.get("cue") or {}
    values = {
        "article_id": article.get("id"),
        "article_title": article.get("title"),
        "article_outlet": article.get("outlet"),
        "article_published": article.get("published"),
        "quote_id": quote["id"],
        "kind": quote.get("kind"),
        "text": quote.get("text"),
        "start": quote.get("start"),
        "end": quote.get("end"),
        "speaker_text": speaker.get("text"),
        "speaker_anonymous": speaker.get("anonymous"),
        "speaker_description": speaker.get("description"),
        "speaker_code": (speaker.get("actor") or {}).get("code"),
        "cue_text": cue.get("text"),
        "article_url": article.get("url"),
    }
    return {column: _cell(value) for column, value in values.items()}


CLUSTER_CSV_COLUMNS = (
    "cluster_id",
    "source",
    "target",
    "cameo",
    "root",
    "date",
    "country",
    "place_name",
    "negated",
    "hypothetical",
    "articles",
    "outlets",
    "mentions",
    "article_ids",
    "event_ids",
)


def cluster_record(cluster: dict[str, Any]) -> dict[str, Any]:
    """The CSV row of a cluster (``/api/clusters``): its events' ids joined by spaces."""
    events = cluster.get("events") or []
    values = {
        "cluster_id": cluster["id"],
        "source": cluster.get("source"),
        "target": cluster.get("target"),
        "cameo": cluster.get("cameo"),
        "root": cluster.get("root"),
        "date": cluster.get("date"),
        "country": cluster.get("country"),
        "place_name": (cluster.get("place") or {}).get("name"),
        "negated": cluster.get("negated"),
        "hypothetical": cluster.get("hypothetical"),
        "articles": cluster.get("articles"),
        "outlets": cluster.get("outlets"),
        "mentions": cluster.get("mentions"),
        "article_ids": " ".join(dict.fromkeys(e["article"]["id"] for e in events)),
        "event_ids": " ".join(f"{e['article']['id']}/{e['id']}" for e in events),
    }
    return {column: _cell(value) for column, value in values.items()}


SERIES_CSV_COLUMNS = ("period", "count", "articles", "articles_in_scope", "share")
EDGE_CSV_COLUMNS = ("source", "target", "events", "goldstein_mean")
PLACE_CSV_COLUMNS = (
    "name", "country", "lat", "lon", "geonameid", "feature_class", "feature_code", "area",
    "events", "articles",
)  # fmt: skip


def plain_record(columns: tuple[str, ...]) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """The CSV row of an object whose fields are the columns (a timeline period, an edge)."""

    def record(row: dict[str, Any]) -> dict[str, Any]:
        return {column: _cell(row.get(column)) for column in columns}

    return record


def csv_chunks(
    rows: Iterable[dict[str, Any]],
    columns: tuple[str, ...],
    record: Callable[[dict[str, Any]], dict[str, Any]],
    *,
    rows_per_chunk: int = 500,
) -> Iterator[bytes]:
    """A CSV file (header, then one line per row) as UTF-8 chunks of ``rows_per_chunk`` rows."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    pending = 0
    for row in rows:
        writer.writerow(record(row))
        pending += 1
        if pending == rows_per_chunk:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
            pending = 0
    yield buffer.getvalue().encode("utf-8")


def write_events_csv(events: Iterable[dict[str, Any]], stream: TextIO) -> int:
    """Write a header and one row per event to ``stream``; returns the number of rows."""
    writer = csv.DictWriter(stream, fieldnames=EVENT_CSV_COLUMNS)
    writer.writeheader()
    rows = 0
    for event in events:
        writer.writerow(event_record(event))
        rows += 1
    return rows
