"""Events as CSV: one column per field, a code and its text never share a cell (issue 9)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

from ..events.cameo import cameo_info

__all__ = ["EVENT_CSV_COLUMNS", "event_record", "write_events_csv"]

# The columns of ``dateline events --format csv``, in order.
EVENT_CSV_COLUMNS: tuple[str, ...] = (
    "article_id",
    "article_title",
    "event_id",
    "date",
    "date_precision",
    "source_code",
    "source_text",
    "cameo",
    "cameo_name",
    "target_code",
    "target_text",
    "place_name",
    "place_country",
    "place_lat",
    "place_lon",
    "root",
    "quad_class",
    "goldstein",
    "plover_type",
    "plover_mode",
    "negated",
    "hypothetical",
    "confidence",
    "reported_by",
    "article_url",
)


def event_record(event: dict[str, Any]) -> dict[str, Any]:
    """The CSV row of one stored event object (``Store.events``); empty cells for nulls."""
    article = event.get("article") or {}
    date = event.get("date") or {}
    source = event.get("source") or {}
    target = event.get("target") or {}
    place = event.get("place") or {}
    plover = event.get("plover") or {}
    info = cameo_info(event.get("cameo") or "")
    record = {
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
        "negated": _flag(event.get("negated")),
        "hypothetical": _flag(event.get("hypothetical")),
        "confidence": event.get("confidence"),
        "reported_by": event.get("reported_by"),
        "article_url": article.get("url"),
    }
    return {column: "" if value is None else value for column, value in record.items()}


def write_events_csv(events: Iterable[dict[str, Any]], stream: TextIO) -> int:
    """Write a header and one row per event to ``stream``; returns the number of rows."""
    writer = csv.DictWriter(stream, fieldnames=EVENT_CSV_COLUMNS)
    writer.writeheader()
    rows = 0
    for event in events:
        writer.writerow(event_record(event))
        rows += 1
    return rows


def _flag(value: Any) -> str:
    return "true" if value else "false"
