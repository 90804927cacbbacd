"""WARC input (``.warc``, ``.warc.gz``): one article per HTTP response holding text or HTML.

FastWARC reads the file; where it cannot (an ARC file, a record it refuses), warcio reads on
from the record FastWARC stopped at. ``iter_warc_records`` yields the response and resource
records as plain data (batch mode reuses it); ``read_warc_articles`` turns them into
Articles: the target URI is the article's URL, and the WARC-Date its date when the page gives
none of its own. A record that is not text or HTML, or not a successful response, is reported
with its own coded error and skipped; a file that is not a WARC, or is cut short, with one
naming the file.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date as _date
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import (
    E_BAD_WARC,
    E_EMPTY,
    E_TOO_LARGE,
    E_WARC_NO_RECORDS,
    E_WARC_NOT_TEXT,
    E_WARC_STATUS,
    E_WARC_TRUNCATED,
    InputError,
)
from ..model import Article, PublishedDate
from ..settings import Settings
from .decode import GZIP_MAGIC
from .lexicon import WARC_SUFFIXES, WARC_TEXT_TYPES

WARC_MAGIC = (b"WARC/", b"filedesc://")  # a WARC record, or an ARC file's first record
_DECODE_ERRORS = (OSError, EOFError, ValueError, zlib.error)
# The end of a gzip-compressed WARC is checked over at most this many bytes after the start
# of its last page record.
_GZIP_TAIL_CHECK_BYTES = 64 * 1024 * 1024
_GZIP_CHUNK_BYTES = 1024 * 1024


@dataclass(frozen=True, slots=True)
class WarcDocument:
    """A response or resource record of a WARC file: where it is, what it is, its payload."""

    name: str  # "path@offset", the record's place for messages
    uri: str | None
    date: str | None  # the WARC-Date, "2024-05-01T12:00:00Z"
    content_type: str | None  # the MIME type, lower case, without parameters
    charset: str | None
    status: int | None  # the HTTP status; None for a resource record
    payload: bytes  # the body, transfer and content encodings undone


def is_warc_file(path: Path) -> bool:
    """True for a ``.warc``/``.arc`` name (``.gz`` or not), or a file that starts as a WARC."""
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes and suffixes[-1] in (".gz", ".gzip"):
        suffixes = suffixes[:-1]
    return bool(suffixes and suffixes[-1] in WARC_SUFFIXES) or starts_as_archive(path)


def starts_as_archive(path: Path) -> bool:
    """True when the file (gzip-compressed or not) opens with a WARC or ARC record header."""
    try:
        with path.open("rb") as f:
            head = f.read(64)
            if head.startswith(GZIP_MAGIC):
                f.seek(0)
                with gzip.GzipFile(fileobj=f) as inner:
                    head = inner.read(16)
    except (*_DECODE_ERRORS, gzip.BadGzipFile):
        return False
    return head.startswith(WARC_MAGIC)


def iter_warc_records(
    path: Path | str, *, max_bytes: int, errors: list[InputError] | None = None
) -> Iterator[WarcDocument]:
    """The response and resource records of a WARC file, in order.

    A record over ``max_bytes`` raises InputError, or is recorded in ``errors`` and skipped.
    A file that is not a WARC, or is cut short, raises InputError naming it (the records
    before the damage have been yielded).
    """
    path = Path(path)
    name = str(path)
    if path.stat().st_size == 0:
        raise InputError(name, E_EMPTY)
    skipped: list[InputError] = []
    done = _Count()  # records read to the end by FastWARC, yielded or skipped
    found = 0
    try:
        for record in _fastwarc_records(path, max_bytes, skipped, done):
            _hand_over(skipped, errors)
            found += 1
            yield record
    except _FastWarcFailed as failure:
        _hand_over(skipped, errors)
        if not starts_as_archive(path):
            # warcio would read any line of five words as an ARC header.
            raise InputError(name, E_BAD_WARC.format(error=failure.reason)) from failure
        # FastWARC stopped at a record it cannot read: warcio reads on from there.
        try:
            for number, record in enumerate(_warcio_records(path, max_bytes, skipped)):
                if number < done.value:
                    skipped.clear()  # FastWARC had this one
                    continue
                _hand_over(skipped, errors)
                found += 1
                yield record
        except _FastWarcFailed as again:
            raise InputError(name, E_BAD_WARC.format(error=again.reason)) from failure
    found += len(skipped)
    _hand_over(skipped, errors)
    _check_gzip_end(path, done.last_offset)
    if found == 0 and done.value == 0:
        raise InputError(name, E_WARC_NO_RECORDS)


@dataclass(slots=True)
class _Count:
    value: int = 0
    last_offset: int = 0  # where the last record read starts in the file


def _hand_over(skipped: list[InputError], errors: list[InputError] | None) -> None:
    """Move the records skipped so far into ``errors``, or raise the first when there is none."""
    if skipped and errors is None:
        raise skipped[0]
    if errors is not None:
        errors.extend(skipped)
    skipped.clear()


def article_from_record(
    record: WarcDocument, *, settings: Settings, date: str | _date | None = None
) -> Article:
    """The article of a response record holding text or HTML (InputError otherwise).

    The record's URI is the article's URL. The page's own date wins; else the WARC-Date
    (source "warc"), else ``date``.
    """
    from . import read_input

    where = record.name
    uri = record.uri or "?"
    if record.status is not None and not 200 <= record.status < 300:
        raise InputError(where, E_WARC_STATUS.format(uri=uri, status=record.status))
    if record.content_type is not None and record.content_type not in WARC_TEXT_TYPES:
        raise InputError(where, E_WARC_NOT_TEXT.format(uri=uri, content_type=record.content_type))
    body: str | bytes = record.payload
    if record.charset:
        try:
            body = record.payload.decode(record.charset)
        except (LookupError, UnicodeDecodeError):
            body = record.payload  # a wrong or unknown charset: let the decoder guess
    article = read_input(body, name=where, url=record.uri, settings=settings)
    if article.published is None and record.date:
        article.published = PublishedDate(record.date[:10], "day", "warc")
    if article.published is None and date:
        from . import parse_user_date

        article.published = parse_user_date(date, where)
    return article


def read_warc_articles(
    path: Path | str,
    *,
    settings: Settings,
    date: str | _date | None = None,
    errors: list[InputError] | None = None,
) -> Iterator[Article]:
    """The articles of a WARC file; a bad record raises, or is recorded in ``errors``."""
    for record in iter_warc_records(path, max_bytes=settings.max_article_bytes, errors=errors):
        try:
            article = article_from_record(record, settings=settings, date=date)
        except InputError as e:
            if errors is None:
                raise
            errors.append(e)
            continue
        article.source_path = str(path)
        yield article


class _FastWarcFailed(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _fastwarc_records(
    path: Path, max_bytes: int, skipped: list[InputError], done: _Count
) -> Iterator[WarcDocument]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    types = WarcRecordType.response | WarcRecordType.resource
    with path.open("rb") as f:
        records = ArchiveIterator(
            f, record_types=types, parse_http=True, auto_decode="none", fsspec_args=False
        )
        while True:
            try:
                record = next(records)
            except StopIteration:
                return
            except _DECODE_ERRORS as e:
                raise _FastWarcFailed(str(e) or type(e).__name__) from e
            done.last_offset = record.stream_pos
            name = f"{path}@{record.stream_pos}"
            headers = record.headers
            uri = headers.get("WARC-Target-URI")
            if not (headers.get("Content-Length") or "").strip().isdigit():
                raise _truncated(path, record.stream_pos, f"the record of {uri} has no length")
            length = record.content_length
            if length > max_bytes:
                skipped.append(InputError(name, E_TOO_LARGE.format(size=length, limit=max_bytes)))
                done.value += 1
                continue
            try:
                raw = record.reader.read()
            except _DECODE_ERRORS as e:
                raise _FastWarcFailed(str(e) or type(e).__name__) from e
            if len(raw) < length:
                detail = f"the record of {uri} has {len(raw):,} of its {length:,} bytes"
                raise _truncated(path, record.stream_pos, detail)
            if record.is_http:
                http = record.http_headers
                content_type = record.http_content_type
                charset = record.http_charset
                status = http.status_code
                transfer = http.get("Transfer-Encoding")
                encoding = http.get("Content-Encoding")
            else:
                content_type, charset = _split_content_type(headers.get("Content-Type"))
                status, transfer, encoding = None, None, None
            try:
                payload = _decode_payload(raw, transfer, encoding, name, max_bytes)
            except InputError as e:
                skipped.append(e)
                done.value += 1
                continue
            done.value += 1
            yield WarcDocument(
                name=name,
                uri=uri,
                date=headers.get("WARC-Date"),
                content_type=content_type.lower() if content_type else None,
                charset=charset,
                status=status,
                payload=payload,
            )


def _warcio_records(
    path: Path, max_bytes: int, skipped: list[InputError]
) -> Iterator[WarcDocument]:
    from warcio.archiveiterator import ArchiveIterator

    try:
        with path.open("rb") as f:
            records = ArchiveIterator(f, arc2warc=True)
            for record in records:
                if record.rec_type not in ("response", "resource"):
                    continue
                yield _warcio_document(path, records, record, max_bytes, skipped)
    except Exception as e:  # warcio raises its own ArchiveLoadFailed, and bare errors
        if isinstance(e, InputError):
            raise
        raise _FastWarcFailed(str(e) or type(e).__name__) from e


def _warcio_document(
    path: Path, records: Any, record: Any, max_bytes: int, skipped: list[InputError]
) -> WarcDocument:
    headers = record.rec_headers
    name = f"{path}@{records.offset}"
    http = record.http_headers
    if http is not None:
        content_type, charset = _split_content_type(http.get_header("Content-Type"))
        status = int(http.get_statuscode() or 0) or None
    else:
        content_type, charset = _split_content_type(headers.get_header("Content-Type"))
        status = None
    payload = _read_limited(record.content_stream(), max_bytes)
    if len(payload) > max_bytes:
        skipped.append(InputError(name, E_TOO_LARGE.format(size=len(payload), limit=max_bytes)))
        payload = b""
    return WarcDocument(
        name=name,
        uri=headers.get_header("WARC-Target-URI"),
        date=headers.get_header("WARC-Date"),
        content_type=content_type,
        charset=charset,
        status=status,
        payload=payload,
    )


def _truncated(path: Path, offset: int, detail: str) -> InputError:
    return InputError(str(path), E_WARC_TRUNCATED.format(offset=offset, detail=detail))


def _check_gzip_end(path: Path, offset: int) -> None:
    """Raise InputError when the gzip members from ``offset`` on do not all end: FastWARC and
    warcio stop without a word at a member cut short, so the last records would be lost."""
    with path.open("rb") as f:
        if f.read(2) != GZIP_MAGIC:
            return
        f.seek(offset)
        data = f.read(_GZIP_TAIL_CHECK_BYTES)
        if f.read(1):
            return  # a long tail (many small records after the last page): not checked
    while data:
        member = zlib.decompressobj(wbits=31)
        rest = data
        try:
            while rest and not member.eof:
                member.decompress(rest, _GZIP_CHUNK_BYTES)
                rest = member.unconsumed_tail
        except zlib.error as e:
            raise _truncated(path, offset, f"bad gzip data: {e}") from e
        if not member.eof:
            raise _truncated(path, offset, "its last gzip member is cut short")
        offset += len(data) - len(member.unused_data)
        data = member.unused_data


def _split_content_type(value: str | None) -> tuple[str | None, str | None]:
    """("text/html", "utf-8") from "text/html; charset=UTF-8"."""
    if not value:
        return None, None
    mime, *params = (part.strip() for part in value.split(";"))
    charset = None
    for param in params:
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset":
            charset = val.strip().strip("\"'").lower() or None
    return (mime.lower() or None), charset


def _decode_payload(
    raw: bytes, transfer: str | None, encoding: str | None, name: str, limit: int
) -> bytes:
    """The body with chunked transfer and gzip/deflate/br content encoding undone (warcio's
    readers, as its ``content_stream``)."""
    chunked = (transfer or "").strip().lower() == "chunked"
    encoding = (encoding or "").strip().lower() or None
    if not chunked and encoding is None:
        return raw
    from warcio.bufferedreaders import BufferedReader, ChunkedDataReader

    if encoding not in BufferedReader.get_supported_decompressors():
        encoding = None
    stream: Any
    if chunked:
        stream = ChunkedDataReader(io.BytesIO(raw), decomp_type=encoding)
    elif encoding:
        stream = BufferedReader(io.BytesIO(raw), decomp_type=encoding)
    else:
        return raw
    try:
        body = _read_limited(stream, limit)
    except Exception as e:  # a decoder's own error on a damaged body
        raise InputError(name, E_BAD_WARC.format(error=f"cannot decode the body: {e}")) from e
    if len(body) > limit:
        raise InputError(name, E_TOO_LARGE.format(size=len(body), limit=limit) + " (decoded)")
    return body


def _read_limited(stream: BinaryIO, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of the stream (one more than allowed says it is too long)."""
    return stream.read(limit + 1)
