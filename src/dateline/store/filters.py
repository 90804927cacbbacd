"""The filters of the store's queries, one dataclass per kind of row (issue 13).

The field names are the HTTP API's query parameters (docs/OUTPUT.md), the CLI's options and
``dateline.Store``'s keyword arguments, so one query reads the same everywhere. Values are
checked and normalised when a query is made: a bad one raises QueryError [E100] naming the
parameter (a date that is not ISO, DateError [E028] as everywhere), before any SQL runs. The
SQL these filters make is in ``queries.py``; every value reaches SQLite as a bound parameter.
"""

from __future__ import annotations

import math
import re
import sqlite3
import threading
from dataclasses import dataclass, fields, replace
from typing import Any, ClassVar

from ..dates import parse_iso_date
from ..errors import E_BAD_PARAM, E_BAD_SEARCH, QueryError

__all__ = [
    "MAX_PAGE_ITEMS",
    "MAX_WHOLE_NUMBER",
    "ArticleQuery",
    "EventQuery",
    "Near",
    "QuoteQuery",
    "TimelineQuery",
]

# The most rows one page of a JSON list holds; the .csv twins and exports have no limit.
MAX_PAGE_ITEMS = 1000
# The largest whole number a parameter may hold: SQLite's largest integer. A bigger one
# overflowed as it was bound (Python's OverflowError, an E500) rather than being refused.
MAX_WHOLE_NUMBER = 2**63 - 1
# The intervals of a timeline.
INTERVALS = ("day", "week", "month", "year")

_CODE = re.compile(r"[A-Z0-9-]{1,40}")
_CAMEO = re.compile(r"[0-9]{1,4}")
_PLOVER = re.compile(r"[A-Z-]{1,30}")
_COUNTRY = re.compile(r"[A-Z]{2,3}")
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def bad(name: str, value: object, reason: str) -> QueryError:
    """The E100 error of a bad parameter."""
    return QueryError(E_BAD_PARAM.format(name=name, value=value, reason=reason))


def _text(name: str, value: object, limit: int = 1000) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    if len(text) > limit:
        raise bad(name, text[:40] + "...", f"longer than {limit} characters")
    return text


class _SearchSyntax:
    """Checks a full-text query against empty FTS5 indexes of the store's columns
    (schema_v3.sql), so a query SQLite cannot parse is refused (E101) before it runs."""

    COLUMNS: ClassVar[dict[str, str]] = {"articles": "title, text", "quotes": "text"}

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None

    def check(self, name: str, q: str, index: str) -> None:
        with self._lock:
            if self._conn is None:
                self._conn = sqlite3.connect(":memory:", check_same_thread=False)
                for table, columns in self.COLUMNS.items():
                    self._conn.execute(f"CREATE VIRTUAL TABLE {table} USING fts5({columns})")
            try:
                self._conn.execute(f"SELECT rowid FROM {index} WHERE {index} MATCH ?", (q,))
            except sqlite3.Error as e:
                raise QueryError(
                    E_BAD_SEARCH.format(name=name, value=q, error=e), code="E101"
                ) from e


_SEARCH_SYNTAX = _SearchSyntax()


def _search(index: str) -> Any:
    """The normaliser of a full-text query over ``index`` (articles or quotes)."""

    def normalise(name: str, value: object) -> str | None:
        text = _text(name, value)
        if text is not None:
            _SEARCH_SYNTAX.check(name, text, index)
        return text

    return normalise


def _code(name: str, value: object, pattern: re.Pattern[str], what: str) -> str | None:
    text = _text(name, value)
    if text is None:
        return None
    text = text.upper()
    if not pattern.fullmatch(text):
        raise bad(name, value, what)
    return text


def _bool(name: str, value: object) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if not text:
        return None
    raise bad(name, value, "not true or false")


def _int(name: str, value: object, low: int, high: int = MAX_WHOLE_NUMBER) -> int | None:
    if value is None or value == "":
        return None
    try:
        number = int(str(value).strip())
    except ValueError:
        raise bad(name, value, "not a whole number") from None
    if not low <= number <= high:
        raise bad(name, value, f"must be from {low} to {high}")
    return number


def _float(name: str, value: object, low: float, high: float) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(str(value).strip())
    except ValueError:
        raise bad(name, value, "not a number") from None
    if not math.isfinite(number) or not low <= number <= high:
        raise bad(name, value, f"must be from {low:g} to {high:g}")
    return number


def _date(name: str, value: object) -> str | None:
    """An ISO date (YYYY, YYYY-MM or YYYY-MM-DD), else DateError [E028] as every date option."""
    text = _text(name, value)
    if text is None:
        return None
    parse_iso_date(text)
    return text


def _country(name: str, value: object) -> str | None:
    """An ISO 3166 country code: alpha-2 as given, alpha-3 turned into alpha-2."""
    text = _code(name, value, _COUNTRY, "not an ISO 3166 country code (IQ or IRQ)")
    if text is None or len(text) == 2:
        return text
    import pycountry

    found = pycountry.countries.get(alpha_3=text)
    if found is None:
        raise bad(name, value, "no such ISO 3166 alpha-3 country code")
    return str(found.alpha_2)


@dataclass(frozen=True)
class Near:
    """``near=LAT,LON,KM``: places within KM kilometres of a point."""

    lat: float
    lon: float
    km: float

    @classmethod
    def parse(cls, value: object) -> Near | None:
        if value is None or isinstance(value, Near):
            return value
        text = str(value).strip()
        if not text:
            return None
        parts = [p.strip() for p in text.split(",")]
        if len(parts) != 3:
            raise bad("near", value, "give LAT,LON,KM (e.g. 31.95,35.93,50)")
        lat = _float("near", parts[0], -90, 90)
        lon = _float("near", parts[1], -180, 180)
        km = _float("near", parts[2], 0, 20_100)
        assert lat is not None and lon is not None and km is not None  # parts are not empty
        return cls(lat, lon, km)

    def __str__(self) -> str:
        return f"{self.lat:g},{self.lon:g},{self.km:g}"


class _Query:
    """What the queries share: normalising every field, paging, the JSON of the filters."""

    _normalisers: ClassVar[dict[str, Any]] = {}

    def __post_init__(self) -> None:
        for f in fields(self):  # type: ignore[arg-type]
            normalise = self._normalisers.get(f.name)
            if normalise is not None:
                object.__setattr__(self, f.name, normalise(f.name, getattr(self, f.name)))

    def filters(self) -> dict[str, Any]:
        """The filters that are set, as strings and numbers (the manifest's ``query``)."""
        out: dict[str, Any] = {}
        for f in fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            if value is None or f.name in ("limit", "offset"):
                continue
            out[f.name] = str(value) if isinstance(value, Near) else value
        return out


def _limit(name: str, value: object) -> int | None:
    return _int(name, value, 0)


def _offset(name: str, value: object) -> int:
    return _int(name, value, 0) or 0


@dataclass(frozen=True)
class EventQuery(_Query):
    """Filters for events (and their clusters, timeline and network).

    - ``q``: full-text query (FTS5 syntax) over the article's title and text;
    - ``actor``: source or target code prefix; ``source``, ``target``: that side's prefix;
    - ``cameo``: CAMEO code prefix (``04`` is the root); ``plover``: PLOVER type;
      ``quad``: quad class 1-4;
    - ``since``, ``until``: ISO dates; an event is kept when every day of its date (of its
      article's publication date when it has none) lies in the range, so a date that is no
      calendar period (``XXXX-WXX-7``) never is;
    - ``country``: the country of the event's place (ISO alpha-2, or alpha-3);
      ``near``: ``LAT,LON,KM``, its place within KM km of the point;
    - ``outlet``: the article's outlet, as stored;
    - ``min_confidence``: events under it are left out (None: the ``min_confidence`` setting);
    - ``negated``, ``hypothetical``: only events with (true) or without (false) the flag;
    - ``limit`` (None: all), ``offset``.
    """

    q: str | None = None
    actor: str | None = None
    source: str | None = None
    target: str | None = None
    cameo: str | None = None
    plover: str | None = None
    quad: int | None = None
    since: str | None = None
    until: str | None = None
    country: str | None = None
    near: Near | str | None = None
    outlet: str | None = None
    min_confidence: float | None = None
    negated: bool | None = None
    hypothetical: bool | None = None
    limit: int | None = None
    offset: int = 0

    _normalisers: ClassVar[dict[str, Any]] = {
        "q": _search("articles"),
        "actor": lambda n, v: _code(n, v, _CODE, "not an actor code (IRQ, USAGOV, ---GOV)"),
        "source": lambda n, v: _code(n, v, _CODE, "not an actor code (IRQ, USAGOV, ---GOV)"),
        "target": lambda n, v: _code(n, v, _CODE, "not an actor code (IRQ, USAGOV, ---GOV)"),
        "cameo": lambda n, v: _code(n, v, _CAMEO, "not a CAMEO code prefix (04, 046)"),
        "plover": lambda n, v: _code(n, v, _PLOVER, "not a PLOVER type (CONSULT, ASSAULT)"),
        "quad": lambda n, v: _int(n, v, 1, 4),
        "since": _date,
        "until": _date,
        "country": _country,
        "near": lambda n, v: Near.parse(v),
        "outlet": _text,
        "min_confidence": lambda n, v: _float(n, v, 0.0, 1.0),
        "negated": _bool,
        "hypothetical": _bool,
        "limit": _limit,
        "offset": _offset,
    }


@dataclass(frozen=True)
class ArticleQuery(_Query):
    """Filters for articles.

    - ``q``: full-text query (FTS5 syntax: words, "phrases", AND/OR/NOT, prefix*) over the
      titles and texts, quotations included;
    - ``outlet``: as stored; ``since``, ``until``: the publication date, as events';
    - ``actor``: an actor code prefix some mention of the article resolves to;
    - ``place``: a place the article names, by name (case-insensitive) or ISO country code;
    - ``has_quote``: with (true) or without (false) quotations;
    - ``anonymous``: with (true) or without (false) a quotation from an anonymous source;
    - ``cameo``: with an event whose CAMEO code has this prefix (``04``: the root);
      ``plover``: with an event of this PLOVER type (every stored event, whatever its
      confidence, as the facets of the same names count them);
    - ``limit`` (None: all), ``offset``.
    """

    q: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    actor: str | None = None
    place: str | None = None
    has_quote: bool | None = None
    anonymous: bool | None = None
    cameo: str | None = None
    plover: str | None = None
    limit: int | None = None
    offset: int = 0

    _normalisers: ClassVar[dict[str, Any]] = {
        "q": _search("articles"),
        "outlet": _text,
        "since": _date,
        "until": _date,
        "actor": lambda n, v: _code(n, v, _CODE, "not an actor code (IRQ, USAGOV, ---GOV)"),
        "place": lambda n, v: _text(n, v, 200),
        "has_quote": _bool,
        "anonymous": _bool,
        "cameo": lambda n, v: _code(n, v, _CAMEO, "not a CAMEO code prefix (04, 046)"),
        "plover": lambda n, v: _code(n, v, _PLOVER, "not a PLOVER type (CONSULT, ASSAULT)"),
        "limit": _limit,
        "offset": _offset,
    }


@dataclass(frozen=True)
class QuoteQuery(_Query):
    """Filters for quotations.

    - ``q``: full-text query (FTS5 syntax) over the quotations' words;
    - ``speaker``: words of the speaker's phrase (case-insensitive), or the prefix of the
      speaker's actor code;
    - ``anonymous``: anonymous sources only (true) or named ones only (false);
    - ``since``, ``until``: the article's publication date;
    - ``limit`` (None: all), ``offset``.
    """

    q: str | None = None
    speaker: str | None = None
    anonymous: bool | None = None
    since: str | None = None
    until: str | None = None
    limit: int | None = None
    offset: int = 0

    _normalisers: ClassVar[dict[str, Any]] = {
        "q": _search("quotes"),
        "speaker": lambda n, v: _text(n, v, 200),
        "anonymous": _bool,
        "since": _date,
        "until": _date,
        "limit": _limit,
        "offset": _offset,
    }


@dataclass(frozen=True)
class TimelineQuery(_Query):
    """A timeline: ``interval`` (day, week, month, year), the event filters and the article
    filters.

    The events counted are those ``events`` matches in the articles ``articles`` matches;
    the articles in scope of a period are the articles ``articles`` matches published in
    it. The filters both kinds have with one meaning, ``q`` and ``outlet``, filter the
    articles in scope too when given among the event filters (``outlet=AP``: the share of
    AP's articles); given in both, they must be the same. ``limit`` and ``offset`` of either
    are not used: a timeline has every period.
    """

    interval: str = "month"
    events: EventQuery = EventQuery()
    articles: ArticleQuery = ArticleQuery()

    _normalisers: ClassVar[dict[str, Any]] = {
        "interval": lambda n, v: _interval(n, v),
    }

    def __post_init__(self) -> None:
        super().__post_init__()
        shared: dict[str, Any] = {}
        for name in SHARED_ARTICLE_FILTERS:
            of_events, of_articles = getattr(self.events, name), getattr(self.articles, name)
            if of_events is None or of_articles == of_events:
                continue
            if of_articles is not None:
                raise bad(name, of_articles, f"the event filter is {of_events!r}: give it once")
            shared[name] = of_events
        if shared:
            object.__setattr__(self, "articles", replace(self.articles, **shared))

    def filters(self) -> dict[str, Any]:
        return {"interval": self.interval, **self.articles.filters(), **self.events.filters()}


# The filters of an article query that event queries have too, with the same meaning (the
# others of the same name, ``actor``, ``cameo``, ``plover``, ``since`` and ``until``, test
# the event itself rather than its article).
SHARED_ARTICLE_FILTERS = ("q", "outlet")


def _interval(name: str, value: object) -> str:
    text = (_text(name, value) or "month").lower()
    if text not in INTERVALS:
        raise bad(name, value, f"give one of {', '.join(INTERVALS)}")
    return text


def check_page(query: EventQuery | ArticleQuery | QuoteQuery) -> None:
    """A JSON page holds at most MAX_PAGE_ITEMS rows (E100 beyond)."""
    if query.limit is not None and query.limit > MAX_PAGE_ITEMS:
        raise bad(
            "limit",
            query.limit,
            f"a page holds at most {MAX_PAGE_ITEMS} rows; the .csv twin or /api/export gives "
            "them all",
        )
