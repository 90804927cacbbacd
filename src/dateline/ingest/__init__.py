"""Ingest: bytes -> Article (text, title, outlet, dateline, publication date). All input I/O.

``read_input`` reads one article from text or HTML (sniffed); ``read_file`` reads a file
(plain text, HTML, gzip-compressed either, JSON Lines, WARC); ``collect_inputs`` expands
files and folders. A bad input raises ``InputError`` whose message names the input and the reason.
"""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Sequence
from datetime import date as _date
from pathlib import Path

from ..errors import (
    E_BAD_DATE,
    E_EMPTY,
    E_MISSING,
    E_NO_TEXT,
    E_NOT_A_FILE,
    E_TOO_LARGE,
    E_TOO_LONG,
    E_UNREADABLE,
    InputError,
)
from ..model import Article, PublishedDate
from ..settings import Settings
from .decode import GZIP_MAGIC, check_text, decode_bytes, gunzip_limited
from .html import extract_page
from .jsonl import read_jsonl_lines
from .language import detect_language
from .lexicon import DOC_FILE_PREFIXES, DOC_FILE_SUFFIXES, GZIP_SUFFIXES, JSONL_SUFFIXES
from .normalise import compose_maps, normalise_text
from .text import clean_text
from .warc import is_warc_file, read_warc_articles

__all__ = [
    "collect_inputs",
    "holds_many_articles",
    "looks_like_html",
    "parse_user_date",
    "read_file",
    "read_input",
]

_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|\?xml)", re.I | re.S)
_HTML_TAG = re.compile(r"<(?:html|head|body|p|div|br|span|a|article|title|meta|section)\b", re.I)


def looks_like_html(text: str) -> bool:
    """True when text is an HTML page or fragment rather than plain text."""
    head = text[:10_000]
    if _HTML_START.match(head):
        return True
    return len(_HTML_TAG.findall(head)) >= 3


_USER_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ].*)?)?)?")


def parse_user_date(value: str | _date, name: str = "<input>") -> PublishedDate:
    """A date given by the user (``--date``): YYYY, YYYY-MM or YYYY-MM-DD (a time is ignored)."""
    if isinstance(value, _date):
        return PublishedDate(value.isoformat()[:10], "day", "user")
    raw = str(value).strip()
    match = _USER_DATE.fullmatch(raw)
    if match is not None:
        year, month, day = match.groups()
        try:
            _date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            pass
        else:
            if day:
                return PublishedDate(f"{year}-{month}-{day}", "day", "user")
            if month:
                return PublishedDate(f"{year}-{month}", "month", "user")
            return PublishedDate(year, "year", "user")
    raise InputError(name, E_BAD_DATE.format(value=raw))


def read_input(
    data: str | bytes,
    *,
    name: str = "<input>",
    url: str | None = None,
    date: str | _date | None = None,
    settings: Settings | None = None,
) -> Article:
    """Read one article from plain text or HTML (sniffed), as bytes or str.

    Bytes are decoded (BOM, UTF-8, the page's charset, else a guess such as cp1252);
    gzip-compressed bytes are decompressed. The text is normalised (NFC, invisible marks
    out) and its language detected (``Article.language``). Raises InputError for empty,
    binary, too large or text-less input. A ``date`` given here sets ``published`` (source
    "user") and wins over any date found in the page.
    """
    settings = settings or Settings.from_env()
    limit = settings.max_article_bytes
    user_date = parse_user_date(date, name) if date not in (None, "") else None
    if isinstance(data, bytes):
        if len(data) > limit:
            raise InputError(name, E_TOO_LARGE.format(size=len(data), limit=limit))
        if data.startswith(GZIP_MAGIC):
            data = gunzip_limited(data, name, limit)
        raw = decode_bytes(data, name)
    else:
        if len(data) > limit or len(data.encode("utf-8", "surrogatepass")) > limit:
            size = len(data.encode("utf-8", "surrogatepass"))
            raise InputError(name, E_TOO_LARGE.format(size=size, limit=limit))
        if not data.strip():
            raise InputError(name, E_EMPTY)
        raw = check_text(data, name)
    if looks_like_html(raw):
        article = _article_from_html(
            raw, name, url, find_dates=user_date is None, max_html_depth=settings.max_html_depth
        )
    else:
        article = _article_from_text(raw, name, url)
    if not article.text.strip():
        raise InputError(name, E_NO_TEXT)
    if len(article.text) > settings.max_article_chars:
        raise InputError(
            name, E_TOO_LONG.format(chars=len(article.text), limit=settings.max_article_chars)
        )
    article.language = detect_language(article.text, settings)
    if user_date is not None:
        article.published = user_date
    return article


def _article_from_text(raw: str, name: str, url: str | None) -> Article:
    normalised = normalise_text(raw)
    cleaned = clean_text(normalised.text)
    return Article(
        text=cleaned.text,
        url=url,
        outlet=cleaned.outlet,
        title=cleaned.title,
        published=cleaned.published,
        dateline=cleaned.dateline,
        source_path=name,
        # Spans point into the input as read, invisible characters and all.
        offset_map=compose_maps(cleaned.offset_map, normalised.offset_map),
    )


def _article_from_html(
    raw: str, name: str, url: str | None, *, find_dates: bool, max_html_depth: int
) -> Article:
    page = extract_page(raw, url=url, find_dates=find_dates, max_html_depth=max_html_depth)
    return Article(
        text=page.text,
        url=page.url,
        outlet=page.outlet,
        title=page.title,
        published=page.published,
        dateline=page.dateline,
        source_path=name,
    )


def _is_gzip_name(path: Path) -> bool:
    return path.suffix.lower() in GZIP_SUFFIXES


def _inner_suffix(path: Path) -> str:
    """The suffix that says what a file holds: ".jsonl" for both a.jsonl and a.jsonl.gz."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] in GZIP_SUFFIXES:
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def holds_many_articles(path: Path) -> bool:
    """Whether ``read_file`` reads many articles from the file: JSON Lines or WARC."""
    return _inner_suffix(path) in JSONL_SUFFIXES or is_warc_file(path)


def read_file(
    path: Path | str,
    *,
    date: str | _date | None = None,
    url: str | None = None,
    settings: Settings | None = None,
    errors: list[InputError] | None = None,
) -> list[Article]:
    """The articles of one file: text, HTML, ``.gz`` of either, JSON Lines (one per line) or
    WARC (one per response record with text or HTML; ``.warc.gz`` too).

    The size is checked before the file is read (per record in JSON Lines and WARC). A
    missing or unreadable file raises InputError. In JSON Lines and WARC a bad record raises
    too, unless ``errors`` is given: then it is recorded there and the other records are read.
    """
    settings = settings or Settings.from_env()
    path = Path(path)
    name = str(path)
    limit = settings.max_article_bytes
    try:
        if not path.exists():
            raise InputError(name, E_MISSING)
        if path.is_dir():
            raise InputError(name, E_NOT_A_FILE)
        if _inner_suffix(path) in JSONL_SUFFIXES:
            return _read_jsonl_file(path, date=date, url=url, settings=settings, errors=errors)
        if is_warc_file(path):
            return _read_warc_file(path, date=date, settings=settings, errors=errors)
        size = path.stat().st_size
        if size > limit:
            raise InputError(name, E_TOO_LARGE.format(size=size, limit=limit))
        data = path.read_bytes()
        if _is_gzip_name(path) and not data.startswith(GZIP_MAGIC):
            raise InputError(name, E_UNREADABLE.format(error="named .gz but not gzip data"))
    except OSError as e:
        raise InputError(name, E_UNREADABLE.format(error=e.strerror or e)) from e
    article = read_input(data, name=name, url=url, date=date, settings=settings)
    article.source_path = name
    return [article]


def _read_jsonl_file(
    path: Path,
    *,
    date: str | _date | None,
    url: str | None,
    settings: Settings,
    errors: list[InputError] | None,
) -> list[Article]:
    def read_one(body: str, **kwargs: object) -> Article:
        article = read_input(body, settings=settings, **kwargs)  # type: ignore[arg-type]
        article.source_path = str(path)
        return article

    opener = gzip.open if _is_gzip_name(path) else open
    try:
        with opener(path, "rb") as f:
            return list(
                read_jsonl_lines(
                    f,
                    name=str(path),
                    read_input=read_one,
                    max_bytes=settings.max_article_bytes,
                    date=date,
                    url=url,
                    errors=errors,
                )
            )
    except (OSError, EOFError, zlib.error) as e:
        raise InputError(str(path), E_UNREADABLE.format(error=e)) from e


def _read_warc_file(
    path: Path, *, date: str | _date | None, settings: Settings, errors: list[InputError] | None
) -> list[Article]:
    """A WARC file's articles; with ``errors``, a file cut short keeps the records before."""
    articles: list[Article] = []
    try:
        articles.extend(read_warc_articles(path, settings=settings, date=date, errors=errors))
    except InputError as e:
        if errors is None:
            raise
        errors.append(e)
    return articles


def _is_documentation(path: Path) -> bool:
    lower = path.name.lower()
    return lower.startswith(DOC_FILE_PREFIXES) or path.suffix.lower() in DOC_FILE_SUFFIXES


def collect_inputs(paths: Sequence[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Expand files and folders into files, and list the paths that do not exist.

    Folders are walked recursively in sorted order, skipping hidden files and folders and
    documentation (README, LICENSE, ``*.md``); a file named explicitly is always taken.
    Returns (files, [(name, reason)] of the missing paths).
    """
    files: list[Path] = []
    missing: list[tuple[str, str]] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = [
                p
                for p in sorted(path.rglob("*"))
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and not _is_documentation(p)
            ]
        elif path.exists():
            found = [path]
        else:
            missing.append((str(given), E_MISSING))
            continue
        for p in found:
            if p not in seen:
                seen.add(p)
                files.append(p)
    return files, missing
