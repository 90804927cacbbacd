"""JSON Lines: one article per line, with ``text`` or ``html`` and optional metadata."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..errors import E_BAD_RECORD, E_EMPTY, E_TOO_LARGE, InputError
from ..model import Article

# The fields a record may carry, and the names they may go by.
TEXT_FIELDS = ("text", "body", "content")
HTML_FIELDS = ("html", "raw_html")
DATE_FIELDS = ("date", "published", "publish_date", "pubdate")

ReadInput = Callable[..., Article]


def first_field(record: dict[str, Any], names: Iterable[str]) -> Any:
    """The value of the first of ``names`` that the record has (and is not empty)."""
    for key in names:
        value = record.get(key)
        if value not in (None, ""):
            return value
    return None


def read_jsonl_lines(
    lines: Iterable[bytes],
    *,
    name: str,
    read_input: ReadInput,
    max_bytes: int,
    date: Any = None,
    url: str | None = None,
    errors: list[InputError] | None = None,
) -> Iterator[Article]:
    """Articles from JSON Lines; a bad line raises, or is recorded in ``errors`` and skipped.

    A record's own ``date`` and ``url`` win over the ones given for the whole file. A file
    with no record at all (blank lines only) raises InputError: it is empty.
    """
    found = False
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        found = True
        where = f"{name}:{number}"
        try:
            yield _read_record(raw, where, read_input, max_bytes, date, url)
        except InputError as e:
            if errors is None:
                raise
            errors.append(e)
    if not found:
        raise InputError(name, E_EMPTY)


def _read_record(
    raw: bytes, where: str, read_input: ReadInput, max_bytes: int, date: Any, url: str | None
) -> Article:
    if len(raw) > max_bytes:
        # Same rule as for a file: refuse an article over the size setting.
        raise InputError(where, E_TOO_LARGE.format(size=len(raw), limit=max_bytes))
    try:
        record = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise InputError(where, E_BAD_RECORD.format(error=f"not JSON ({e})")) from e
    if not isinstance(record, dict):
        raise InputError(where, E_BAD_RECORD.format(error="not a JSON object"))
    body = first_field(record, HTML_FIELDS) or first_field(record, TEXT_FIELDS)
    if not isinstance(body, str):
        raise InputError(where, E_BAD_RECORD.format(error="no 'text' or 'html' field"))
    record_url = record.get("url") or url
    if record_url is not None and not isinstance(record_url, str):
        raise InputError(where, E_BAD_RECORD.format(error="'url' is not a string"))
    record_date = first_field(record, DATE_FIELDS) or date
    article = read_input(body, name=where, url=record_url, date=record_date)
    if record.get("title"):
        article.title = str(record["title"])
    if record.get("outlet"):
        article.outlet = str(record["outlet"])
    if record.get("id"):
        article.id = str(record["id"])
    return article
