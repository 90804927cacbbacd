"""Toponym resolution: rank the gazetteer's candidates for each name in an article's context.

Every candidate gets a prior (feature class and code: countries, then states and provinces,
then towns by population, with national capitals ahead), a penalty when only an alternate name
matches, and context: the share of the article's other places that lie in the same country
and in the same admin1 area (state, province), plus the dateline's and the actors' countries,
plus hints written beside the name ("Springfield, Ill.", "the Jordanian capital of Amman").
Resolution runs in rounds: a first pass picks each name's best candidate without the other
names, the next ones re-rank with the picks of the round before as context, adding how near a
candidate lies to the other names' towns (a local story's places lie close together). Every
mention of one name in an article resolves to the same place. ``explain_toponyms`` gives, for
each name, every candidate with its score and the evidence behind it (issue 12).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from . import lexicon
from .gazetteer import Candidate, Gazetteer, name_key


@dataclass(slots=True)
class Toponym:
    """A place name to resolve, with what its surroundings say about it."""

    start: int
    end: int
    text: str
    admin1_hint: str | None = None  # "US.IL" ("Springfield, Ill.")
    country_hint: str | None = None  # "JO" ("the Jordanian capital of Amman")
    # The kind of place the words around say: "ADM1" ("in New York state", "Ohio's
    # governor"), "ADM2" ("Clarke and Oconee counties"), "P" ("New York City"), "PCLI"
    # ("Mexico's president").
    kind_hint: str | None = None
    demonym: bool = False  # a nationality word ("Iraqi", "Ohioans"): its country or division


def demonym_candidates(
    text: str, gazetteer: Gazetteer, *, derived: bool = True
) -> tuple[Candidate, ...]:
    """The country or division a nationality word names ("Iraqis" -> Iraq, "Ohioans" -> Ohio);
    with ``derived``, also one formed by rule (``derived_demonym_candidates``)."""
    for word in (text, text[:-1] if text.endswith("s") else ""):
        if not word:
            continue
        cc = gazetteer.country_of_demonym(word)
        country = gazetteer.country(cc) if cc else None
        if country is not None:
            return (country,)
    division = gazetteer.division_of_demonym(text)
    if division is not None:
        return (division,)
    return derived_demonym_candidates(text, gazetteer) if derived else ()


def derived_demonym_candidates(text: str, gazetteer: Gazetteer) -> tuple[Candidate, ...]:
    """The first-level division or continent an adjective of place is formed from when no
    list has it (rule ``derived demonym``): "Dagestani" -> Dagestan, "Abkhaz" -> Abkhazia,
    "Ossetians" -> Ossetia, "African" -> Africa, "European" -> Europe. Countries' demonyms
    are listed in full, so none is derived ("Roman" is not Romania's); nor a town's alone.
    When the stem names such an area, all its places are candidates."""
    word = text[:-1] if text.endswith("s") and len(text) > 4 else text
    if len(word) < 4 or not word[:1].isupper() or " " in word.strip():
        return ()
    stems = []
    if word.endswith("i"):
        stems.append(word[:-1])  # Dagestani, Punjabi
    if word.endswith("n"):
        stems.append(word[:-1])  # Ossetian, African, Asian
    if word.endswith("an"):
        stems.append(word[:-2])  # European, Tibetan
    if word[-1] not in "aeiouy":
        stems.append(word + "ia")  # Abkhaz
    for stem in stems:
        if len(stem) < 3:
            continue
        found = gazetteer.lookup(stem) or gazetteer.division_by_stem(stem)
        if any(c.feature_code in lexicon.DERIVED_DEMONYM_CODES and not c.quality for c in found):
            # Every place of the name, as context decides between them ("Gazans": the Gaza
            # of the Gaza Strip, not the Mozambican province).
            return found
    return ()


def candidates_for(text: str, gazetteer: Gazetteer) -> tuple[Candidate, ...]:
    """The candidates of a name, trying it without a leading "the"/possessive when needed,
    and as a nationality word ("Turkish", "Ohioans", "Dagestani")."""
    # A US state abbreviation as news writes it ("W.Va.", "Ill."): the state, before any town
    # that happens to have the abbreviation among its alternate names.
    if "." in text:
        state = gazetteer.state_of(text)
        if state is not None and f"US.{state}" in gazetteer.us_states:
            return (gazetteer.us_states[f"US.{state}"],)
        province = gazetteer.admin1(lexicon.PROVINCE_ABBREVIATIONS.get(text.replace(" ", ""), ""))
        if province is not None:
            return (province,)
    found = gazetteer.lookup(text)
    if not found:
        lowered = text.casefold()
        for prefix in lexicon.STRIP_PREFIXES:
            if lowered.startswith(prefix):
                found = gazetteer.lookup(text[len(prefix) :])
                if found:
                    break
    if not found:
        found = _variant_candidates(text, gazetteer)
    if not found:
        for suffix in ("'s", "’s"):
            if text.endswith(suffix):
                return candidates_for(text[: -len(suffix)], gazetteer)
    # Case decides an acronym: "EU" or "UN" is no town spelled "Eu" (the gazetteer's own
    # acronyms, "US" and "UK", are country aliases and stay, and so does a large city named by
    # its initials: "NYC", "LA", "HK"; not a code such as "DAC" for Dhaka).
    if len(text) <= lexicon.ACRONYM_MAX_CHARS and text.isupper() and text.isalpha():
        found = tuple(
            c
            for c in found
            if c.is_area
            or (
                c.population >= lexicon.ACRONYM_CITY_MIN_POPULATION
                and "".join(w[:1] for w in name_key(c.name).split(" ")) == text.casefold()
            )
        )
    # A demonym used as a place ("Turkish troops", "the Russians", "Ohioans", in corpora that
    # tag them): its country or division, beside any town of that name ("Canadian, Texas").
    # An adjective derived by rule only when nothing else has the name.
    demonym = demonym_candidates(text, gazetteer, derived=not found)
    if demonym:
        return (*demonym, *found)
    return found


def _variant_candidates(text: str, gazetteer: Gazetteer) -> tuple[Candidate, ...]:
    """Candidates of a spelling variant: "Mt. Pleasant" -> "Mount Pleasant", "W. Columbia" ->
    "West Columbia", "Tewksbury Twp." -> "Tewksbury Township" or else "Tewksbury",
    "Platte Co." -> "Platte County",
    "Dagestan" -> "Dagestan, Respublika" (the gazetteer keeps one spelling of each name)."""
    key = name_key(text)
    words = key.split(" ")
    variants = []
    if len(words) > 1 and words[0] in lexicon.ABBREVIATED_WORDS:
        variants.append(" ".join([lexicon.ABBREVIATED_WORDS[words[0]], *words[1:]]))
    # The word written out first ("Tewksbury Twp." -> "Tewksbury Township", a place of its
    # own), then the name without it ("Madison Twp." -> "Madison").
    if len(words) > 1 and words[-1] in lexicon.ABBREVIATED_LAST_WORDS:
        variants.append(" ".join([*words[:-1], lexicon.ABBREVIATED_LAST_WORDS[words[-1]]]))
    if len(words) > 1 and words[-1] in lexicon.MUNICIPALITY_SUFFIXES:
        variants.append(" ".join(words[:-1]))
    for variant in variants:
        found = gazetteer.lookup(variant)
        if found:
            return found
    # A division named without its generic word, which GeoNames writes in its own language
    # and often after a comma ("Dagestan" -> "Dagestan, Respublika").
    return gazetteer.division_by_stem(key)


def prior(cand: Candidate) -> float:
    """How likely a name refers to this place before context."""
    code = cand.feature_code
    if code in ("ADM1", "ADM2") and cand.country == "US":
        score = lexicon.FEATURE_PRIOR[f"{code}_US"]
    elif code in lexicon.FEATURE_PRIOR:
        score = lexicon.FEATURE_PRIOR[code]
    else:
        score = math.log10(cand.population + 10)
        # Fame: a town known in many languages (Washington, D.C.) over a namesake of its size.
        score += lexicon.FAME_WEIGHT * math.log10(cand.alternates + 1)
        if code == "PPLC":
            score += lexicon.CAPITAL_BONUS
    if cand.quality:
        score -= lexicon.ALTERNATE_NAME_PENALTY
    return score


def kind_of(cand: Candidate) -> str:
    """The kind a written hint names: "PCLI", "ADM1", "ADM2" or "P" (towns)."""
    return "P" if cand.feature_class == "P" else cand.feature_code


def _share(votes: Mapping[str, float], total: float, key: str, own_key: str, own: float) -> float:
    """The share of the context votes for ``key``, leaving out the name's own votes."""
    total -= own
    if total <= 0 or not key:
        return 0.0
    mine = votes.get(key, 0.0) - (own if key == own_key else 0.0)
    return max(mine, 0.0) / total


class _Others:
    """For each name, the values that the article's other names have (counted once, so a
    lookup costs O(1) however many names the article has)."""

    __slots__ = ("_counts", "_own")

    def __init__(self, per_name: Mapping[str, set[Any]]) -> None:
        self._own = per_name
        self._counts: Counter[Any] = Counter()
        for values in per_name.values():
            self._counts.update(values)

    def has(self, key: str, value: Any) -> bool:
        own = self._own.get(key, ())
        return self._counts[value] - (1 if value in own else 0) > 0


@dataclass(slots=True)
class _Context:
    """What the other names of the article say: votes by country and admin1, and support."""

    countries: dict[str, float]
    admin1s: dict[str, float]
    # Per name: the ids of the other names' candidates, the towns' admin2 ids among them, and
    # the admin1 areas named in the article (a state or province named outright).
    other_ids: _Others
    other_admin2s: _Others
    named_admin1s: _Others
    countries_total: float = 0.0
    admin1s_total: float = 0.0
    # Per name: the points of the other names' picks that are towns or counties (areas as
    # large as a state say nothing about nearness).
    near: dict[str, list[tuple[float, float]]] = field(default_factory=dict)

    def count_votes(self) -> None:
        self.countries_total = sum(self.countries.values())

        self.admin1s_total = sum(self.admin1s.values())


def _score(
    cand: Candidate,
    key: str,
    context: _Context,
    own: Candidate | None,
    weight: float,
    hints: Iterable[Toponym],
    namesake_areas: frozenset[str] = frozenset(),
    evidence: dict[str, float] | None = None,
    own_town_population: int = -1,
    namesake_support: Mapping[str, float] | None = None,
) -> float:
    """The candidate's score: its prior plus the evidence of the article (see the module).

    With ``evidence``, each term that counted is written there by name."""
    terms: dict[str, float] = {"prior": prior(cand)}
    own_country = own.country if own is not None else ""
    own_admin1 = own.admin1 if own is not None else ""
    country_share = _share(
        context.countries, context.countries_total, cand.country, own_country, weight
    )
    terms["country context"] = lexicon.COUNTRY_CONTEXT_WEIGHT * country_share
    # A national capital's fame speaks for it unless the article's own geography supports a
    # namesake abroad (Dublin, Ohio in a story of Ohio places; London, Ontario beside Sarnia):
    # its bonus shrinks by that support. A story that only names Washington or New York
    # supports no Moscow, Idaho.
    if cand.feature_code == "PPLC" and namesake_support:
        terms["capital abroad"] = -lexicon.CAPITAL_BONUS * namesake_support.get(cand.country, 0.0)
    if cand.feature_code not in ("PCLI", "CONT"):
        weight_a1 = (
            lexicon.ADMIN1_CONTEXT_WEIGHT
            if cand.country == "US"
            else lexicon.ADMIN1_CONTEXT_WEIGHT_ELSEWHERE
        )
        terms["division context"] = weight_a1 * _share(
            context.admin1s,
            context.admin1s_total,
            cand.admin1,
            own_admin1,
            weight if own_admin1 else 0.0,
        )
        if (
            cand.admin1
            and cand.feature_code != "ADM1"
            and context.named_admin1s.has(key, cand.admin1)
        ):
            terms["division named"] = lexicon.NAMED_ADMIN1_WEIGHT
    # A town in a county the article names, a county holding a town it names.
    if cand.admin2 and (
        (cand.feature_code != "ADM2" and context.other_ids.has(key, cand.admin2))
        or (cand.feature_code == "ADM2" and context.other_admin2s.has(key, cand.id))
    ):
        terms["county named"] = lexicon.CONTAINMENT_WEIGHT
    # Near the article's other towns (the nearest one; none for a country or a state).
    if cand.feature_code not in ("PCLI", "CONT", "ADM1"):
        points = context.near.get(key)
        if points:
            nearest = min(distance_km(cand.lat, cand.lon, lat, lon) for lat, lon in points)
            if nearest < lexicon.NEAR_KM:
                terms["near other places"] = lexicon.NEAR_WEIGHT * (1 - nearest / lexicon.NEAR_KM)
    hinted = False
    for hint in hints:
        if hint.admin1_hint and cand.admin1 == hint.admin1_hint:
            terms["written division"] = lexicon.HINT_WEIGHT
            hinted = True
        if hint.country_hint and cand.country == hint.country_hint:
            terms["written country"] = lexicon.HINT_WEIGHT
            hinted = True
        if hint.kind_hint and kind_of(cand) == hint.kind_hint:
            terms["written kind"] = lexicon.KIND_HINT_WEIGHT
    # A town named like a country or a state ("China, Texas", "Kansas, Illinois") is that town
    # only when the text says so.
    # A national capital is as well known as any state of its name (Washington).
    if cand.feature_class == "P" and cand.feature_code != "PPLC" and namesake_areas and not hinted:
        terms["namesake of an area"] = -lexicon.AREA_NAMESAKE_PENALTY
    # So is a county that has the name of a state or country ("Ohio" for Ohio County, Indiana,
    # in a story of Indiana counties that compares Illinois and Ohio).
    if (
        cand.feature_code == "ADM2"
        and cand.quality
        and namesake_areas
        and not hinted
        and not any(h.kind_hint == "ADM2" for h in hints)
    ):
        terms["namesake of an area"] = -lexicon.AREA_NAMESAKE_PENALTY
    # A town that has the name only as an alternate (often a former name: "Maryville" for
    # Beeville, Texas) comes after a larger-or-equal town that bears it as its own name.
    if cand.feature_class == "P" and cand.quality and cand.population <= own_town_population:
        terms["another town's own name"] = -lexicon.OTHER_TOWNS_NAME_PENALTY
    if (
        cand.feature_code == "ADM2"
        and cand.quality
        and not any(h.kind_hint == "ADM2" for h in hints)
    ):
        terms["county without 'County'"] = -lexicon.BARE_COUNTY_PENALTY
    if evidence is not None:
        evidence.update({k: round(v, 3) for k, v in terms.items() if v})
    return sum(terms.values())


def resolve_toponyms(
    toponyms: Sequence[Toponym],
    gazetteer: Gazetteer,
    *,
    countries: Mapping[str, float] | None = None,
    admin1s: Mapping[str, float] | None = None,
) -> list[Candidate | None]:
    """The best candidate for each toponym (None when the gazetteer has no such name).

    ``countries`` and ``admin1s`` are prior context votes (ISO2 codes; "US.IL" admin1 codes),
    such as the dateline's country or the countries of the article's actors.
    """
    picks, _ = _resolve(toponyms, gazetteer, countries, admin1s, explain=False)
    return picks


@dataclass(slots=True)
class Resolution:
    """Why a toponym resolved as it did: every candidate, best first, with its evidence."""

    toponym: Toponym
    chosen: Candidate | None
    candidates: list[tuple[Candidate, float, dict[str, float]]]

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.toponym.text,
            "start": self.toponym.start,
            "end": self.toponym.end,
            "chosen": self.chosen.geonameid if self.chosen else None,
            "candidates": [
                {
                    "name": c.name,
                    "country": c.country,
                    "admin1": c.admin1,
                    "feature_code": c.feature_code,
                    "geonameid": c.geonameid,
                    "lat": c.lat,
                    "lon": c.lon,
                    "score": round(score, 3),
                    "evidence": evidence,
                }
                for c, score, evidence in self.candidates
            ],
        }


def explain_toponyms(
    toponyms: Sequence[Toponym],
    gazetteer: Gazetteer,
    *,
    countries: Mapping[str, float] | None = None,
    admin1s: Mapping[str, float] | None = None,
    limit: int = 5,
) -> list[Resolution]:
    """``resolve_toponyms`` with its reasons: per toponym, the ``limit`` best candidates with
    their scores and the evidence terms of the last round (prior, context, hints, nearness)."""
    picks, explained = _resolve(toponyms, gazetteer, countries, admin1s, explain=True)
    out = []
    for toponym, pick in zip(toponyms, picks, strict=True):
        ranked = sorted(explained.get(name_key(toponym.text), []), key=lambda r: -r[1])
        out.append(Resolution(toponym, pick, ranked[:limit]))
    return out


_Explained = dict[str, list[tuple[Candidate, float, dict[str, float]]]]


def _resolve(
    toponyms: Sequence[Toponym],
    gazetteer: Gazetteer,
    countries: Mapping[str, float] | None,
    admin1s: Mapping[str, float] | None,
    *,
    explain: bool,
) -> tuple[list[Candidate | None], _Explained]:
    groups: dict[str, list[int]] = defaultdict(list)
    for i, toponym in enumerate(toponyms):
        groups[name_key(toponym.text)].append(i)
    cands = {}
    for key, idx in groups.items():
        first = toponyms[idx[0]]
        if all(toponyms[i].demonym for i in idx):
            cands[key] = demonym_candidates(first.text, gazetteer)
        else:
            cands[key] = candidates_for(first.text, gazetteer)
    hints = {key: [toponyms[i] for i in idx] for key, idx in groups.items()}
    namesakes = {key: _namesake_areas(found) for key, found in cands.items()}
    own_towns = {key: _own_name_population(found) for key, found in cands.items()}

    ids = {key: {c.id for c in found} for key, found in cands.items()}
    admin2s = {key: {c.admin2 for c in found if c.admin2} for key, found in cands.items()}
    named = {
        key: {c.admin1 for c in found if c.feature_code == "ADM1"} for key, found in cands.items()
    }
    context = _Context(
        countries=dict(countries or {}),
        admin1s=dict(admin1s or {}),
        other_ids=_Others(ids),
        other_admin2s=_Others(admin2s),
        named_admin1s=_Others(named),
    )

    context.count_votes()
    explained: _Explained = {}
    # Pass 1: each name with the prior context and the other names' candidates only.
    picks = {
        key: _best(
            cands[key], key, context, None, 0.0, hints[key], namesakes[key], own_towns[key], None
        )
        for key in groups
    }
    # Then, twice: the other names' picks as context (each name votes once per mention),
    # containment among the picks only, and nearness to the other names' towns.
    for round_ in range(lexicon.CONTEXT_ROUNDS):
        chosen = {k: p for k, p in picks.items() if p is not None}
        voted = _Context(
            dict(countries or {}),
            dict(admin1s or {}),
            _Others({k: {p.id} for k, p in chosen.items()}),
            _Others({k: {p.admin2} for k, p in chosen.items() if p.admin2}),
            _Others({k: {p.admin1} for k, p in chosen.items() if p.feature_code == "ADM1"}),
        )
        for key, pick in picks.items():
            if pick is None:
                continue
            n = float(len(groups[key]))
            voted.countries[pick.country] = voted.countries.get(pick.country, 0.0) + n
            if pick.admin1:
                voted.admin1s[pick.admin1] = voted.admin1s.get(pick.admin1, 0.0) + n
        local = [(k, (p.lat, p.lon)) for k, p in chosen.items() if _is_local(p)]
        for key in groups:
            voted.near[key] = [point for k, point in local if k != key]
        voted.count_votes()
        last = explain and round_ == lexicon.CONTEXT_ROUNDS - 1
        picks = {
            key: _best(
                cands[key],
                key,
                voted,
                picks[key],
                len(groups[key]),
                hints[key],
                namesakes[key],
                own_towns[key],
                explained.setdefault(key, []) if last else None,
            )
            for key in groups
        }
    return [picks[name_key(t.text)] for t in toponyms], explained


def _is_local(cand: Candidate) -> bool:
    """A town or a county: a place small enough that being near it says something."""
    return cand.feature_class == "P" or cand.feature_code == "ADM2"


def _own_name_population(found: Sequence[Candidate]) -> int:
    """The population of the largest town that bears the name as its own name (-1: none)."""
    return max(
        (c.population for c in found if c.feature_class == "P" and c.quality == 0), default=-1
    )


def _namesake_areas(found: Sequence[Candidate]) -> frozenset[str]:
    """The countries and states among a name's candidates that bear it as their own name."""
    return frozenset(
        c.feature_code
        for c in found
        if c.quality == 0
        and (
            c.feature_code == "PCLI"
            or (c.feature_code == "ADM1" and c.country in lexicon.NAMESAKE_DIVISION_COUNTRIES)
        )
    )


def _best(
    cands: Sequence[Candidate],
    key: str,
    context: _Context,
    own: Candidate | None,
    weight: float,
    hints: Sequence[Toponym],
    namesakes: frozenset[str],
    own_town_population: int,
    explained: list[tuple[Candidate, float, dict[str, float]]] | None,
) -> Candidate | None:
    support = (
        _namesake_support(cands, key, context, own, weight)
        if any(c.feature_code == "PPLC" for c in cands)
        else None
    )
    best: Candidate | None = None
    best_score = -math.inf
    for cand in cands:
        if _lacks_its_country(cand, context, own, weight, hints):
            if explained is not None:
                explained.append((cand, -math.inf, {"no context in its country": 1.0}))
            continue
        evidence: dict[str, float] | None = {} if explained is not None else None
        score = _score(
            cand,
            key,
            context,
            own,
            weight,
            hints,
            namesakes,
            evidence,
            own_town_population,
            support,
        )
        if explained is not None and evidence is not None:
            explained.append((cand, score, evidence))
        if score > best_score:
            best, best_score = cand, score
    return best


def _lacks_its_country(
    cand: Candidate,
    context: _Context,
    own: Candidate | None,
    weight: float,
    hints: Sequence[Toponym],
) -> bool:
    """A place GeoNames does not list (a US post-office town, a district or landmark of a
    city) whose country neither the article's context nor the words beside it name (rule
    ``unlisted place needs its country``): "Fighting in Darfur" is no hamlet of Minnesota
    when nothing else in the story is American, "Tunbridge, Vt." is the Vermont village.
    The name's own votes do not count."""
    if cand.has_geonames_id:
        return False
    for hint in hints:
        if hint.country_hint == cand.country or (hint.admin1_hint or "").startswith(
            f"{cand.country}."
        ):
            return False
    share = _share(
        context.countries,
        context.countries_total,
        cand.country,
        own.country if own is not None else "",
        weight,
    )
    return share <= lexicon.UNLISTED_PLACE_MIN_COUNTRY_SHARE


def _namesake_support(
    cands: Sequence[Candidate], key: str, context: _Context, own: Candidate | None, weight: float
) -> dict[str, float]:
    """For each capital's country, how much the article's own geography supports a town of
    the same name in another country (0 to 1): the share of the context in that town's
    division (leaving the name's own votes out), or its nearness to the other towns named.
    Only towns of ``CAPITAL_NAMESAKE_MIN_POPULATION`` people or more count."""
    own_admin1 = own.admin1 if own is not None else ""
    points = context.near.get(key) or []
    best: dict[str, float] = {}
    for cand in cands:
        if (
            cand.feature_class != "P"
            or cand.feature_code == "PPLC"
            or not cand.admin1
            or cand.population < lexicon.CAPITAL_NAMESAKE_MIN_POPULATION
        ):
            continue
        support = _share(
            context.admin1s,
            context.admin1s_total,
            cand.admin1,
            own_admin1,
            weight if own_admin1 else 0.0,
        )
        if points:
            nearest = min(distance_km(cand.lat, cand.lon, lat, lon) for lat, lon in points)
            support = max(support, 1 - nearest / lexicon.NEAR_KM)
        best[cand.country] = max(best.get(cand.country, 0.0), support)
    capitals = {c.country for c in cands if c.feature_code == "PPLC"}
    return {
        cc: max((v for other, v in best.items() if other != cc), default=0.0) for cc in capitals
    }


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))
