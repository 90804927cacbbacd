"""Small WARC files for the tests, written with warcio (and an ARC file by hand)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


@dataclass
class Page:
    """One record to write: a response (with an HTTP status) or a resource (status None)."""

    uri: str
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: str | None = "200 OK"
    headers: list[tuple[str, str]] = field(default_factory=list)
    date: str | None = None  # WARC-Date, e.g. "2021-03-04T05:06:07Z"


def news_page(title: str, *paragraphs: str, date: str | None = None) -> bytes:
    """An HTML news page with a title, paragraphs and, if given, a publication date."""
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>{meta}</head>"
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    ).encode()


def write_warc(path: Path, pages: Sequence[Page], *, gzip: bool = True, info: bool = True) -> Path:
    """A WARC file holding a warcinfo record (if ``info``), then one record per page."""
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=gzip)
        if info:
            writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for page in pages:
            warc_headers = {"WARC-Date": page.date} if page.date else None
            if page.status is None:
                record = writer.create_warc_record(
                    page.uri,
                    "resource",
                    payload=io.BytesIO(page.body),
                    length=len(page.body),  # else warcio spools to a file it never closes
                    warc_content_type=page.content_type,
                    warc_headers_dict=warc_headers,
                )
            else:
                http = StatusAndHeaders(
                    page.status,
                    [("Content-Type", page.content_type), *page.headers],
                    protocol="HTTP/1.1",
                )
                record = writer.create_warc_record(
                    page.uri,
                    "response",
                    payload=io.BytesIO(page.body),
                    length=len(page.body),  # else warcio spools to a file it never closes
                    http_headers=http,
                    warc_headers_dict=warc_headers,
                )
            writer.write_record(record)
    return path


def write_arc(path: Path, uri: str, html: bytes, *, date: str = "20240102030405") -> Path:
    """An ARC (version 1) file with one HTTP response: FastWARC does not read ARC, warcio does."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + html
    desc = b"1 0 tests\nURL IP-address Archive-date Content-type Archive-length\n"
    data = b"filedesc://%s 0.0.0.0 %s text/plain %d\n" % (
        path.name.encode(),
        date.encode(),
        len(desc),
    )
    data += desc + b"\n"
    data += b"%s 192.0.2.1 %s text/html %d\n" % (uri.encode(), date.encode(), len(http))
    data += http + b"\n"
    path.write_bytes(data)
    return path


def write_lf_warc(path: Path, uri: str, html: bytes) -> Path:
    """A WARC record whose header lines end in a bare LF: warcio reads it, FastWARC does not."""
    block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + html
    head = (
        "WARC/1.0\nWARC-Type: response\n"
        f"WARC-Target-URI: {uri}\nWARC-Date: 2024-01-01T00:00:00Z\n"
        "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\n"
        f"Content-Type: application/http; msgtype=response\nContent-Length: {len(block)}\n\n"
    )
    path.write_bytes(head.encode() + block + b"\r\n\r\n")
    return path
