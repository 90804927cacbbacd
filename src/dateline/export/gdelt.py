"""Events in GDELT 2.0's event table columns, as tab-separated values (issue 13).

The first row names GDELT 2.0's 61 event columns in GDELT's order (the GDELT Event Codebook
V2.0); each event fills those dateline has, the others stay empty:

- ``GLOBALEVENTID``: a stable number made of the article id (its first 12 hex digits) and the
  event's number in it (``e12`` is 12): the same text gives the same ids in every store;
- ``SQLDATE``, ``MonthYear``, ``Year``, ``FractionDate``: the first day of the event's date
  (of its article's publication date when it has none); empty when it names no calendar day;
- ``Actor1Code``/``Actor2Code`` and their ``Name`` (the words of the text), ``CountryCode``
  (the code's country, ISO 3166 alpha-3 as GDELT), ``KnownGroupCode`` (an organisation's
  code: ``UNO`` of ``IGOUNO``) and ``Type1Code``-``Type3Code`` (its agents);
- ``EventCode``, ``EventBaseCode`` (3 digits), ``EventRootCode``, ``QuadClass``,
  ``GoldsteinScale``;
- ``NumMentions``, ``NumSources``, ``NumArticles``: the event's cluster's mentions, outlets
  and articles (``store/clusters.py``: the same act across wordings, where GDELT counts
  exact matches);
- ``ActionGeo_*``: the event's place: ``Type`` 1 for a country, 3 for a place in the United
  States, 4 elsewhere; ``FullName`` "place, country"; ``CountryCode`` ISO 3166 alpha-2
  (GDELT writes FIPS 10-4 codes here, which dateline does not have); ``FeatureID`` the
  GeoNames id (GDELT uses GNS ids);
- ``DATEADDED``: when the article was stored (YYYYMMDDHHMMSS, UTC); ``SOURCEURL`` its URL.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from typing import Any

from ..dates import calendar_range
from ..store.clusters_lexicon import AGENT_CODES, ORGANISATION_TYPES

__all__ = ["GDELT_COLUMNS", "gdelt_chunks", "gdelt_row"]

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(
        f"Actor{n}{field}"
        for n in (1, 2)
        for field in (
            "Code",
            "Name",
            "CountryCode",
            "KnownGroupCode",
            "EthnicCode",
            "Religion1Code",
            "Religion2Code",
            "Type1Code",
            "Type2Code",
            "Type3Code",
        )
    ),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(
        f"{who}Geo_{field}"
        for who in ("Actor1", "Actor2", "Action")
        for field in (
            "Type",
            "FullName",
            "CountryCode",
            "ADM1Code",
            "ADM2Code",
            "Lat",
            "Long",
            "FeatureID",
        )
    ),
    "DATEADDED",
    "SOURCEURL",
)

# GDELT's ActionGeo_Type values.
GEO_COUNTRY, GEO_US_CITY, GEO_WORLD_CITY = 1, 3, 4
_EVENT_NUMBER = re.compile(r"[a-z]*([0-9]{1,4})")


def global_event_id(article_id: str, event_id: str, position: int) -> int:
    """A stable GLOBALEVENTID: the article id's first 12 hex digits, then 4 digits of the
    event's number (its position in the export when its id holds none)."""
    match = _EVENT_NUMBER.fullmatch(event_id or "")
    number = int(match.group(1)) if match else position % 10_000
    try:
        head = int(article_id[:12], 16)
    except ValueError:
        head = 0
    return head * 10_000 + number


def _actor_fields(actor: dict[str, Any] | None) -> list[Any]:
    """Code, Name, CountryCode, KnownGroupCode, Ethnic, Religion1, Religion2, Type1-3."""
    if not actor or not actor.get("code"):
        return [""] * 10
    code: str = actor["code"]
    chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
    country = group = ""
    rest = chunks[1:]
    if chunks[0] in ORGANISATION_TYPES and len(chunks) > 1:
        group, rest = chunks[1], chunks[2:]
    elif chunks[0].isalpha():
        country = chunks[0]
    agents = [chunk for chunk in rest if chunk in AGENT_CODES][:3]
    agents += [""] * (3 - len(agents))
    return [code, actor.get("text") or "", country, group, "", "", "", *agents]


@lru_cache(maxsize=512)
def _country_name(alpha_2: str) -> str | None:
    import pycountry

    found = pycountry.countries.get(alpha_2=alpha_2)
    return str(found.name) if found else None


def _geo_fields(place: dict[str, Any] | None) -> list[Any]:
    """Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID."""
    if not place:
        return [""] * 8
    country = place.get("country") or ""
    country_name = _country_name(country) if country else None
    name = place.get("name") or ""
    if country_name and name.casefold() == country_name.casefold():
        kind, full = GEO_COUNTRY, name
    else:
        kind = GEO_US_CITY if country == "US" else GEO_WORLD_CITY
        full = f"{name}, {country_name}" if country_name else name
    return [
        kind,
        full,
        country,
        "",
        "",
        _blank(place.get("lat")),
        _blank(place.get("lon")),
        _blank(place.get("geonameid")),
    ]


def _blank(value: Any) -> Any:
    return "" if value is None else value


def _date_fields(event: dict[str, Any]) -> list[Any]:
    """SQLDATE, MonthYear, Year, FractionDate of the first day of the event's date."""
    value = (event.get("date") or {}).get("value") or (event.get("article") or {}).get("published")
    found = calendar_range(value)
    if found is None:
        return ["", "", "", ""]
    day: date = found.first
    days_in_year = 366 if date(day.year, 12, 31).timetuple().tm_yday == 366 else 365
    fraction = day.year + (day.timetuple().tm_yday - 1) / days_in_year
    return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.year, f"{fraction:.4f}"]


def _date_added(ingested_at: str | None) -> str:
    """YYYYMMDDHHMMSS of an ISO timestamp (``2026-12-07T06:15:06+00:00``)."""
    if not ingested_at:
        return ""
    digits = re.sub(r"[^0-9]", "", ingested_at[:19])
    return digits if len(digits) == 14 else ""


def gdelt_row(event: dict[str, Any], position: int = 0) -> list[Any]:
    """The 61 GDELT 2.0 fields of one event object as the store lists it."""
    article = event.get("article") or {}
    cluster = event.get("cluster") or {}
    cameo = event.get("cameo") or ""
    row = [
        global_event_id(article.get("id") or "", event.get("id") or "", position),
        *_date_fields(event),
        *_actor_fields(event.get("source")),
        *_actor_fields(event.get("target")),
        "",  # IsRootEvent
        cameo,
        cameo[:3],
        event.get("root") or "",
        _blank(event.get("quad_class")),
        _blank(event.get("goldstein")),
        _blank(cluster.get("mentions")),
        _blank(cluster.get("outlets")),
        _blank(cluster.get("articles")),
        "",  # AvgTone
        *[""] * 16,  # Actor1Geo_*, Actor2Geo_*
        *_geo_fields(event.get("place")),
        _date_added(article.get("ingested_at")),
        article.get("url") or "",
    ]
    return row


def _tsv_line(fields: Iterable[Any]) -> str:
    # GDELT files have no quoting: tabs and line breaks inside a field become spaces.
    return "\t".join(re.sub(r"[\t\r\n]+", " ", str(f)) for f in fields) + "\n"


def gdelt_chunks(events: Iterable[dict[str, Any]], *, rows_per_chunk: int = 500) -> Iterator[bytes]:
    """The TSV: a header of GDELT_COLUMNS, then one line per event, in UTF-8 chunks."""
    lines = [_tsv_line(GDELT_COLUMNS)]
    for position, event in enumerate(events, start=1):
        lines.append(_tsv_line(gdelt_row(event, position)))
        if len(lines) >= rows_per_chunk:
            yield "".join(lines).encode("utf-8")
            lines = []
    yield "".join(lines).encode("utf-8")
