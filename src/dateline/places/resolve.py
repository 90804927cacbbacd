"""Toponym resolution: rank the gazetteer's candidates for each name in an article's context.

Every candidate gets a prior (feature class and code: countries, then states and provinces,
then towns by population, with national capitals ahead), a penalty when only an alternate name
matches, and context: the share of the article's other places that lie in the same country
and in the same admin1 area (state, province), plus the dateline's and the actors' countries,
plus hints written beside the name ("Springfield, Ill.", "the Jordanian capital of Amman").
Resolution runs twice: a first pass picks each name's best candidate without the other names,
the second re-ranks with the first pass's picks as context. Every mention of one name in an
article resolves to the same place.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

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


def candidates_for(text: str, gazetteer: Gazetteer) -> tuple[Candidate, ...]:
    """The candidates of a name, trying it without a leading "the"/possessive when needed."""
    # A US state abbreviation as news writes it ("W.Va.", "Ill."): the state, before any town
    # that happens to have the abbreviation among its alternate names.
    if "." in text:
        state = gazetteer.state_of(text)
        if state is not None and f"US.{state}" in gazetteer.us_states:
            return (gazetteer.us_states[f"US.{state}"],)
    found = gazetteer.lookup(text)
    if not found:
        lowered = text.casefold()
        for prefix in lexicon.STRIP_PREFIXES:
            if lowered.startswith(prefix):
                found = gazetteer.lookup(text[len(prefix) :])
                if found:
                    break
    if not found:
        for suffix in ("'s", "’s"):
            if text.endswith(suffix):
                return candidates_for(text[: -len(suffix)], gazetteer)
    # A demonym used as a place ("Turkish troops", "the Russians", in corpora that tag them):
    # its country, beside any town of that name ("Canadian, Texas").
    for word in (text, text[:-1] if text.endswith("s") else ""):
        cc = gazetteer.country_of_demonym(word) if word else None
        country = gazetteer.country(cc) if cc else None
        if country is not None:
            return (country, *found)
    return found


def prior(cand: Candidate) -> float:
    """How likely a name refers to this place before context."""
    code = cand.feature_code
    if code == "ADM1" and cand.country == "US":
        score = lexicon.FEATURE_PRIOR["ADM1_US"]
    elif code in lexicon.FEATURE_PRIOR:
        score = lexicon.FEATURE_PRIOR[code]
    else:
        score = math.log10(cand.population + 10)
        if code == "PPLC":
            score += lexicon.CAPITAL_BONUS
    if cand.quality:
        score -= lexicon.ALTERNATE_NAME_PENALTY
    return score


def _share(votes: Mapping[str, float], key: str, own: float) -> float:
    total = sum(votes.values()) - own
    if total <= 0 or not key:
        return 0.0
    return max(votes.get(key, 0.0) - own, 0.0) / total


def _score(
    cand: Candidate,
    countries: Mapping[str, float],
    admin1s: Mapping[str, float],
    own: Candidate | None,
    weight: float,
    hints: Iterable[Toponym],
) -> float:
    own_country = weight if own is not None and own.country == cand.country else 0.0
    own_admin1 = weight if own is not None and own.admin1 and own.admin1 == cand.admin1 else 0.0
    score = prior(cand)
    score += lexicon.COUNTRY_CONTEXT_WEIGHT * _share(countries, cand.country, own_country)
    if cand.feature_code not in ("PCLI", "CONT"):
        score += lexicon.ADMIN1_CONTEXT_WEIGHT * _share(admin1s, cand.admin1, own_admin1)
    for hint in hints:
        if hint.admin1_hint and cand.admin1 == hint.admin1_hint:
            score += lexicon.HINT_WEIGHT
        if hint.country_hint and cand.country == hint.country_hint:
            score += lexicon.HINT_WEIGHT
    return score


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
    base_countries: dict[str, float] = dict(countries or {})
    base_admin1s: dict[str, float] = dict(admin1s or {})
    groups: dict[str, list[int]] = defaultdict(list)
    for i, toponym in enumerate(toponyms):
        groups[name_key(toponym.text)].append(i)
    cands = {key: candidates_for(toponyms[idx[0]].text, gazetteer) for key, idx in groups.items()}

    # Pass 1: each name alone (with the prior context only).
    picks: dict[str, Candidate | None] = {}
    for key, idx in groups.items():
        hints = [toponyms[i] for i in idx]
        picks[key] = _best(cands[key], base_countries, base_admin1s, None, 0.0, hints)

    # Pass 2: the other names' picks as context (each name votes once per mention).
    countries_ctx = dict(base_countries)
    admin1_ctx = dict(base_admin1s)
    for key, pick in picks.items():
        if pick is None:
            continue
        n = float(len(groups[key]))
        countries_ctx[pick.country] = countries_ctx.get(pick.country, 0.0) + n
        if pick.admin1:
            admin1_ctx[pick.admin1] = admin1_ctx.get(pick.admin1, 0.0) + n
    final: dict[str, Candidate | None] = {}
    for key, idx in groups.items():
        hints = [toponyms[i] for i in idx]
        final[key] = _best(cands[key], countries_ctx, admin1_ctx, picks[key], len(idx), hints)
    return [final[name_key(t.text)] for t in toponyms]


def _best(
    cands: Sequence[Candidate],
    countries: Mapping[str, float],
    admin1s: Mapping[str, float],
    own: Candidate | None,
    weight: float,
    hints: Sequence[Toponym],
) -> Candidate | None:
    best: Candidate | None = None
    best_score = -math.inf
    for cand in cands:
        score = _score(cand, countries, admin1s, own, weight, hints)
        if score > best_score:
            best, best_score = cand, score
    return best


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))
