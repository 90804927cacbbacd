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
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
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
        found = _variant_candidates(text, gazetteer)
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


def _variant_candidates(text: str, gazetteer: Gazetteer) -> tuple[Candidate, ...]:
    """Candidates of a spelling variant: "Mt. Pleasant" -> "Mount Pleasant", "Readington
    Township" -> "Readington" (the gazetteer keeps one spelling of each name)."""
    key = name_key(text)
    words = key.split(" ")
    variants = []
    if len(words) > 1 and words[0] in lexicon.ABBREVIATED_WORDS:
        variants.append(" ".join([lexicon.ABBREVIATED_WORDS[words[0]], *words[1:]]))
    if len(words) > 1 and words[-1] in lexicon.MUNICIPALITY_SUFFIXES:
        variants.append(" ".join(words[:-1]))
    for variant in variants:
        found = gazetteer.lookup(variant)
        if found:
            return found
    return ()


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
) -> float:
    score = prior(cand)
    own_country = own.country if own is not None else ""
    own_admin1 = own.admin1 if own is not None else ""
    score += lexicon.COUNTRY_CONTEXT_WEIGHT * _share(
        context.countries, context.countries_total, cand.country, own_country, weight
    )
    if cand.feature_code not in ("PCLI", "CONT"):
        weight_a1 = (
            lexicon.ADMIN1_CONTEXT_WEIGHT
            if cand.country == "US"
            else lexicon.ADMIN1_CONTEXT_WEIGHT_ELSEWHERE
        )
        score += weight_a1 * _share(
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
            score += lexicon.NAMED_ADMIN1_WEIGHT
    # A town in a county the article names, a county holding a town it names.
    if cand.admin2 and (
        (cand.feature_code != "ADM2" and context.other_ids.has(key, cand.admin2))
        or (cand.feature_code == "ADM2" and context.other_admin2s.has(key, cand.id))
    ):
        score += lexicon.CONTAINMENT_WEIGHT
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
    groups: dict[str, list[int]] = defaultdict(list)
    for i, toponym in enumerate(toponyms):
        groups[name_key(toponym.text)].append(i)
    cands = {key: candidates_for(toponyms[idx[0]].text, gazetteer) for key, idx in groups.items()}
    hints = {key: [toponyms[i] for i in idx] for key, idx in groups.items()}

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
    # Pass 1: each name with the prior context and the other names' candidates only.
    picks = {key: _best(cands[key], key, context, None, 0.0, hints[key]) for key in groups}
    # Then, twice: the other names' picks as context (each name votes once per mention), and
    # containment among the picks only.
    for _ in range(lexicon.CONTEXT_ROUNDS):
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
        voted.count_votes()
        picks = {
            key: _best(cands[key], key, voted, picks[key], len(groups[key]), hints[key])
            for key in groups
        }
    return [picks[name_key(t.text)] for t in toponyms]


def _best(
    cands: Sequence[Candidate],
    key: str,
    context: _Context,
    own: Candidate | None,
    weight: float,
    hints: Sequence[Toponym],
) -> Candidate | None:
    best: Candidate | None = None
    best_score = -math.inf
    for cand in cands:
        score = _score(cand, key, context, own, weight, hints)
        if score > best_score:
            best, best_score = cand, score
    return best


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))
