"""The word lists of the time grammar, read once from ``dateline/data/time/lexicon.json``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class TimeLexicon:
    """Month, weekday, number, unit, season and reference words with their TimeML values."""

    months: dict[str, int]
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    numbers: dict[str, float]
    vague_numbers: tuple[str, ...]
    ordinals: dict[str, int]
    units: dict[str, str]
    time_units: frozenset[str]
    seasons: dict[str, str]
    season_first_month: dict[str, int]
    parts_of_day: dict[str, str]
    named_times: dict[str, str]
    decade_words: dict[str, int]
    references: dict[str, str]
    ambiguous_references: frozenset[str]
    sets: dict[str, str]
    frequencies: dict[str, str]
    relative_days: dict[str, int]
    relative_words: dict[str, int]
    position_modifiers: dict[str, str]
    year_prepositions: frozenset[str]
    counted_nouns: frozenset[str]
    holidays: dict[str, str]
    rate_words: frozenset[str]
    century_ordinals: dict[str, int]
    future_auxiliaries: frozenset[str]
    future_modals: frozenset[str]
    conditional_modals: frozenset[str]
    plan_verbs: frozenset[str]
    duration_adjectives: tuple[str, ...]
    stretch_prepositions: frozenset[str]
    bare_unit_prepositions: frozenset[str]
    bare_unit_prepositions_with_the: frozenset[str]
    season_prepositions: frozenset[str]
    not_triggers: frozenset[str]
    deadline_prepositions: frozenset[str] = frozenset()  # "until Tuesday": ahead
    deadline_verbs: frozenset[str] = frozenset()  # "postponed to Monday": ahead
    schedule_verbs: frozenset[str] = frozenset()  # "planned a rally Saturday": ahead
    # "a summit set for April": a noun's participle that schedules it looks ahead (issue 11)
    scheduled_participles: frozenset[str] = frozenset()
    clock_words: frozenset[str] = frozenset()  # "until 9 a.m. Tuesday": a clock's head word


@lru_cache(maxsize=1)
def load_time_lexicon() -> TimeLexicon:
    """The packaged time lexicon (cached for the process)."""
    source = resources.files("dateline").joinpath("data/time/lexicon.json")
    raw: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
    return TimeLexicon(
        months=raw["months"],
        ambiguous_months=frozenset(raw["ambiguous_months"]),
        weekdays=raw["weekdays"],
        numbers=raw["numbers"],
        vague_numbers=tuple(raw["vague_numbers"]),
        ordinals=raw["ordinals"],
        units=raw["units"],
        time_units=frozenset(raw["time_units"]),
        seasons=raw["seasons"],
        season_first_month=raw["season_first_month"],
        parts_of_day=raw["parts_of_day"],
        named_times=raw["named_times"],
        decade_words=raw["decade_words"],
        references=raw["references"],
        ambiguous_references=frozenset(raw["ambiguous_references"]),
        sets=raw["sets"],
        frequencies=raw["frequencies"],
        relative_days=raw["relative_days"],
        relative_words=raw["relative_words"],
        position_modifiers=raw["position_modifiers"],
        year_prepositions=frozenset(raw["year_prepositions"]),
        counted_nouns=frozenset(raw["counted_nouns"]),
        holidays=raw["holidays"],
        rate_words=frozenset(raw["rate_words"]),
        century_ordinals=raw["century_ordinals"],
        future_auxiliaries=frozenset(raw["tense"]["future_auxiliaries"]),
        future_modals=frozenset(raw["tense"]["future_modals"]),
        conditional_modals=frozenset(raw["tense"]["conditional_modals"]),
        plan_verbs=frozenset(raw["tense"]["plan_verbs"]),
        duration_adjectives=tuple(raw["duration_adjectives"]),
        stretch_prepositions=frozenset(raw["stretch_prepositions"]),
        bare_unit_prepositions=frozenset(raw["bare_unit_prepositions"]),
        bare_unit_prepositions_with_the=frozenset(raw["bare_unit_prepositions_with_the"]),
        season_prepositions=frozenset(raw["season_prepositions"]),
        not_triggers=frozenset(raw["not_triggers"]),
        deadline_prepositions=frozenset(raw["deadline_prepositions"]),
        deadline_verbs=frozenset(raw["deadline_verbs"]),
        schedule_verbs=frozenset(raw["schedule_verbs"]),
        scheduled_participles=frozenset(raw["scheduled_participles"]),
        clock_words=frozenset(raw["clock_words"]),
    )
