"""Article metadata read from text: title suffixes, outlet, dateline, date lines."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from ..model import Dateline, PublishedDate
from .lexicon import (
    DATE_LABELS,
    MENU_SEPARATORS,
    NOT_PLACE_FIRST_WORDS,
    NOT_PLACES,
    PLACE_CONNECTORS,
    SITE_DESCRIPTOR_WORDS,
    SITE_NAME_WORDS,
)

_UPPER = "A-ZÀ-ÖØ-Þ"
_WORD = rf"[{_UPPER}][\w.'’]*(?:-[\w.'’]+)*"
_CONNECT = "|".join(PLACE_CONNECTORS)
_PLACE = rf"{_WORD}(?:[ ](?:(?:{_CONNECT})[ ])?{_WORD}){{0,3}}"
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DAY_MONTH = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?[ ]{_MONTHS}\.?|{_MONTHS}\.?[ ]\d{{1,2}}(?:st|nd|rd|th)?)"
)
_DASHES = "-–—―"

# "BAGHDAD (Reuters) -", "Baghdad, Asharq Al-Awsat–", "Paris, 5 August (AFP) -",
# "NEW YORK, March 3 (Reuters) -", "WASHINGTON —", "KABUL, Afghanistan (AP) —".
DATELINE_RE = re.compile(
    rf"""
    (?P<place>{_PLACE})
    (?:,[ ]*(?P<second>{_WORD}(?:[ ](?:(?:{_CONNECT})[ ])?{_WORD}){{0,4}}))?
    (?:,?[ ]*(?P<date>{_DAY_MONTH}(?:,?[ ](?P<year>(?:19|20)\d\d))?))?
    (?:[ ]*\((?P<agency>[^()\n]{{2,40}})\))?
    (?:[ ]*[{_DASHES[1:]}]+[ \t]*|[ ]*-+[ \t]+|(?P<tight>-)(?=[{_UPPER}])|[ ]*(?P<colon>:)[ \t]+)
    (?=\S)
    """,
    re.VERBOSE,
)

# A date inside a header line: ISO, numeric day/month/year, or with a month name.
_DATE_IN_LINE = re.compile(
    rf"""
    (?P<iso>(?:19|20)\d\d-\d\d-\d\d)
    | (?P<num>\d{{1,2}}[/.]\d{{1,2}}[/.](?:19|20)\d\d)
    | (?P<words>{_DAY_MONTH},?[ ](?:19|20)\d\d)
    """,
    re.VERBOSE | re.IGNORECASE,
)
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s*[-–—]?\s*(?:(?:19|20)\d\d)?$")
_SEPARATOR = re.compile(rf"\s(?:[{re.escape(MENU_SEPARATORS)}]|::)\s")
_DASH_SEPARATOR = re.compile(rf"\s[{_DASHES}]\s")
_NAME_JOINERS = frozenset({"the", "of", "and", "&", "-", "de", "al", "el", "la", "le"})
_DOMAIN = re.compile(r"\b[\w-]+\.(?:com|org|net|co|info|news|[a-z]{2})\b", re.I)


@dataclass(frozen=True, slots=True)
class DatelineMatch:
    """A dateline found at the head of a paragraph, with what it tells beside the place."""

    dateline: Dateline
    outlet: str | None
    published: PublishedDate | None
    end: int  # offset just after the dateline's dash, where the story starts


def find_dateline(text: str, start: int = 0) -> DatelineMatch | None:
    """The dateline at ``text[start:]`` ("BAGHDAD (Reuters) -"), offsets into ``text``."""
    match = DATELINE_RE.match(text, start)
    if match is None or match.end() - start > 100:
        return None
    place = match.group("place")
    if place.lower().rstrip(".") in NOT_PLACES:
        return None  # "UPDATED: Tue., Nov. 19", "BREAKING - ...": kickers, not places
    if place.split(" ")[0].lower().rstrip(".") in NOT_PLACE_FIRST_WORDS:
        return None  # "President Trump — who ...", "Tuesday — ...": not a place
    if match.group("colon") and not (place.isupper() or match.group("agency")):
        return None  # "Officials:" is not a dateline; "BEIRUT:" is
    if match.group("tight") and not (match.group("second") or match.group("agency")):
        return None  # "Middle-East" is a word; "Cairo, Asharq Al-Awsat-Egyptian ..." a dateline
    second = match.group("second")
    agency = match.group("agency")
    outlet = None
    if agency and not _DATE_IN_LINE.search(agency):
        outlet = agency.strip()
    if second and not (is_region_name(second) or _is_region_abbreviation(second)):
        # "Baghdad, Asharq Al-Awsat–": the outlet writes itself into its datelines.
        outlet = outlet or second.strip()
    published = None
    if match.group("year"):
        published = parse_date_line(match.group("date"))
    name = title_case(place)
    dateline = Dateline(name=name, start=match.start("place"), end=match.end("place"))
    return DatelineMatch(dateline, outlet, published, match.end())


def _is_region_abbreviation(name: str) -> bool:
    """ "NY", "Ill.", "Calif.", "N.Y.": the postal or AP-style short form of a state."""
    name = name.strip()
    return (name.isupper() and len(name) <= 3) or (name.endswith(".") and len(name) <= 6)


def title_case(name: str) -> str:
    """ "NEW YORK" -> "New York"; names already in mixed case are kept."""
    if not name.isupper():
        return name
    words: list[str] = []
    for word in name.split(" "):
        if word.lower() in PLACE_CONNECTORS and words:
            words.append(word.lower())
        else:
            words.append("-".join(p[:1] + p[1:].lower() for p in word.split("-")))
    return " ".join(words)


@lru_cache(maxsize=1)
def _region_names() -> frozenset[str]:
    import pycountry

    names: set[str] = set()
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(value.lower())
    # The subdivisions' names read from pycountry's own data file: its 5,000 subdivision
    # objects, each indexed five ways, took 0.13-0.19 s to make on the first article's
    # dateline (cold start, issue 15), and only their names are needed here.
    subdivisions = pycountry.subdivisions
    with open(subdivisions.filename, encoding="utf-8") as f:
        for entry in json.load(f)[subdivisions.root_key]:
            names.add(entry["name"].lower())
    return frozenset(names)


def is_region_name(name: str) -> bool:
    """True when ``name`` is a country or a first-level region ("Iraq", "Texas", "Gaza")."""
    key = name.strip().lower()
    if key in _region_names():
        return True
    # "Gaza Strip", "Kurdistan Region": the first word names the region.
    first = key.split(" ")[0]
    return len(key.split(" ")) == 2 and first in _region_names()


def split_title(line: str, known_outlet: str | None = None) -> tuple[str, str | None]:
    """Split a title line into the title and the site name after " | " or " - ", if any.

    "US Held Talks | SITE NAME English Archive 2005 -2017" -> ("US Held Talks", "Site Name").
    A dash suffix is taken only when it looks like a site name (capitals, a word such as
    "News" or "Times", a domain, or the outlet already known).
    """
    line = line.strip()
    parts = _SEPARATOR.split(line)
    if len(parts) >= 2 and known_outlet and _same_name(parts[0], known_outlet):
        # "SITE | Title": the site's name comes first.
        return " | ".join(parts[1:]).strip(), clean_site_name(parts[0])
    if len(parts) >= 2:
        site = parts[-1].strip()
        title = parts[0]
        if len(site.split()) <= 8 and title.strip():
            return _strip_dash_site(title.strip(), known_outlet)[0], clean_site_name(site)
    return _strip_dash_site(line, known_outlet)


def _same_name(part: str, outlet: str) -> bool:
    part, outlet = part.strip().casefold(), outlet.strip().casefold()
    return bool(part) and len(part.split()) <= 4 and outlet.startswith(part)


def _strip_dash_site(line: str, known_outlet: str | None) -> tuple[str, str | None]:
    matches = list(_DASH_SEPARATOR.finditer(line))
    if not matches:
        return line, None
    last = matches[-1]
    title, site = line[: last.start()].strip(), line[last.end() :].strip()
    if not title or not site or len(site.split()) > 6:
        return line, None
    words = {w.strip(".,").lower() for w in re.split(r"[\s.]+", site)}
    looks_like_site = (
        (site.isupper() and len(site) > 2)
        or (bool(words & SITE_NAME_WORDS) and _is_name(site))
        # "Ceasefire in Gaza - Al Jazeera": a name after a headline in sentence case.
        or (_is_name(site) and len(site.split()) <= 4 and _is_sentence_case(title))
        or bool(_DOMAIN.search(site))
        or (known_outlet is not None and known_outlet.lower() in site.lower())
    )
    if not looks_like_site:
        return line, None
    return title, clean_site_name(site)


def _is_name(words: str) -> bool:
    """Every word capitalised ("The Daily Star", "BBC News"), short words of names aside."""
    return all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in _NAME_JOINERS for w in words.split()
    )


def _is_sentence_case(text: str) -> bool:
    words = [w for w in text.split() if w[:1].isalpha()]
    capitalised = sum(1 for w in words[1:] if w[:1].isupper())
    return len(words) >= 3 and capitalised <= (len(words) - 1) / 2


def clean_site_name(site: str) -> str | None:
    """The outlet's name from a site-name suffix ("ASHARQ AL-AWSAT English Archive 2005 -2017")."""
    site = _YEAR_RANGE.sub("", site.strip()).strip(" -–—|,:")
    words = site.split()
    while len(words) > 1 and words[-1].lower().strip(".,:") in SITE_DESCRIPTOR_WORDS:
        words.pop()
    name = " ".join(words).strip(" -–—|,:")
    if not name:
        return None
    if name.isupper() and len(name.replace(" ", "")) > 4:
        name = title_case(name)
    return name


def parse_date_line(line: str) -> PublishedDate | None:
    """A full date (day, month, year) in a short header line ("Published: 23 May 2006")."""
    match = _DATE_IN_LINE.search(line)
    if match is None:
        return None
    value = _parse_date(match.group(0))
    if value is None:
        return None
    return PublishedDate(value.date().isoformat(), "day", "text")


def is_date_line(line: str) -> bool:
    """True when a short line is (mostly) a date, perhaps after a label such as "Published"."""
    stripped = line.strip()
    if len(stripped) > 80 or _DATE_IN_LINE.search(stripped) is None:
        return False
    rest = _DATE_IN_LINE.sub(" ", stripped).lower()
    for label in DATE_LABELS:
        rest = rest.replace(label, " ")
    # What is left: weekday names, times, time zones, punctuation.
    return len(re.findall(r"[a-z]{4,}", rest)) <= 3


@lru_cache(maxsize=4096)
def _parse_date(text: str) -> datetime | None:
    import dateparser

    result = dateparser.parse(
        text,
        languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": "DMY"},
    )
    if result is None or not 1900 <= result.year <= datetime.now().year + 1:
        return None
    return result
