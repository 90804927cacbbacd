"""Handlers of the time grammar for durations, clock times, short years, references ("now",
"recently") and sets ("every week"). Moved unchanged from ``grammar.py`` (issue 11 split).
"""

from __future__ import annotations

import re

from .readings import (
    _AGE_AFTER,
    _AGE_BEFORE,
    _KIND_ADJECTIVES,
    _NEXT_WORD,
    _PROSPECTS,
    Context,
    GrammarBase,
    Reading,
    _is_rate,
)


class DurationsAndSets(GrammarBase):
    """Handlers of the time grammar: durations, times of day, references, sets."""

    def _duration(self, m: re.Match[str], ctx: Context) -> Reading | None:
        if m.groupdict().get("old") or _AGE_AFTER.match(ctx.text, m.end()):
            return None  # "a 35-year-old", "35 years old": an age, not a time expression
        if ctx.previous_word(m.start()) in _AGE_BEFORE:
            # Rule ``age_after_aged`` (issue 11): "aged 10 years", "turned 65 years": an age.
            return None
        number_word = m["num"].lower()
        unit_word = m["unit"].lower()
        amount = self.number_value(number_word)
        # The unit group holds the word without its plural "s" ("quarter" of "two quarters").
        singular = not ctx.text.startswith("s", m.end("unit"))
        if number_word in {"a", "an", "one"} and unit_word in {"second", "sec", "min", "quarter"}:
            return None  # "a second round", "a quarter of the vote"
        if number_word in {"a", "an"} and _is_rate(ctx, m.start(), self.lex.rate_words):
            return None  # "$4.75 an hour", "20 cents a day": a rate, not a duration
        if unit_word.startswith("quarter") and singular:
            return None
        if m["unit"][0].isupper() and number_word[0].isdigit():
            return None  # "80 Day Obsession": a title, not a duration
        if amount is not None and m.groupdict().get("half"):
            amount += 0.5
        if m.groupdict().get("low"):
            # Rule ``count_range`` (issue 11): "two to three weeks", "12 to 18 months", "5-10
            # years": one expression, a count of the unit not known exactly.
            low = self.number_value(m["low"].lower())
            if low is None or amount is None or not 0 < low < amount:
                return None
            amount = None
        if m.group(0).lower() == "one day" and ctx.previous_word(
            m.start()
        ) in self.lex.future_auxiliaries | self.lex.future_modals | self.lex.conditional_modals | {
            "to"
        }:
            # Rule ``one_day_ahead`` (issue 11): "Islam will one day be the largest religion",
            # "hopes to one day fly": some day ahead, not a stretch of a day.
            return Reading("FUTURE_REF", precision="none")
        return Reading(self.duration_value(amount, unit_word), "DURATION", "none")

    def _bare_units(self, m: re.Match[str], ctx: Context) -> Reading | None:
        lex = self.lex
        allowed = lex.bare_unit_prepositions_with_the if m["the"] else lex.bare_unit_prepositions
        previous = ctx.previous_word(m.start())
        confirmed = (
            not m["the"]
            and m["unit"].islower()
            and ctx.in_entity(m.start(), m.end())
            and not previous.isdigit()
            and previous.rstrip("s") not in self.lex.units  # "14-hour days"
        )
        if not confirmed and previous not in allowed:
            return None
        if not confirmed and ctx.text.startswith(" of", m.end()):
            return None
        return Reading(self.duration_value(None, m["unit"]), "DURATION", "none")

    def _clock(self, m: re.Match[str], ctx: Context) -> Reading | None:
        hour, minute = int(m["h"]), int(m["mi"] or 0)
        if not 1 <= hour <= 12:
            return None
        afternoon = m["ap"].lower().startswith("p")
        hour = (hour % 12) + (12 if afternoon else 0)
        reading = self._clock_reading(hour, minute, ctx)
        if m["sec"]:
            reading = Reading(f"{reading.value}:{m['sec']}", "TIME", relative=True, clock=True)
        return reading

    def _clock24(self, m: re.Match[str], ctx: Context) -> Reading | None:
        hour, minute = int(m["h"]), int(m["mi"])
        seconds = m["sec"] is not None  # "10:30:15": a clock time by its form alone
        if hour > 24 or not (seconds or ctx.in_entity(m.start(), m.end())):
            return None
        reading = self._clock_reading(hour, minute, ctx)
        if seconds:
            reading = Reading(f"{reading.value}:{m['sec']}", "TIME", relative=True, clock=True)
        return reading

    def _clock_zone(self, m: re.Match[str], ctx: Context) -> Reading | None:
        """Rule ``clock_in_a_zone`` (issue 11): "0600 GMT", four figures and a time zone, is
        a clock time by its form, as wire copy writes it (a year is never followed by a
        zone)."""
        return self._clock_reading(int(m["h"]), int(m["mi"]), ctx)

    def _short_year(self, m: re.Match[str], ctx: Context) -> Reading | None:
        """ "'98" after a word that takes a year ("in", "since", "of"): the year in the century
        that puts it nearest the DCT, not after it."""
        previous = ctx.previous_word(m.start())
        after_a_date = previous.rstrip(".") in self.lex.months or (
            # "May 3, '10" (rule ``short_year_of`` joins them)
            previous.isdigit()
            and self._month_day_before.search(ctx.text, max(0, m.start() - 20), m.start())
        )
        if previous not in self.lex.year_prepositions | {"of", "class"} and not after_a_date:
            return None
        two = int(m["yy"])
        now = ctx.dct.year if ctx.dct else 2000
        year = (now // 100) * 100 + two
        if year > now:
            year -= 100
        return Reading(str(year), precision="year")

    def _named_time(self, m: re.Match[str], ctx: Context) -> Reading | None:
        """ "at noon", "at midday", "midnight": the clock time, on the day beside it.

        Rule ``high_noon`` (issue 11): "high noon" is a figure of speech (and a film's
        title), not a time of day."""
        if m["t"].lower() == "noon" and ctx.previous_word(m.start()) == "high":
            return None
        hour, minute = (int(x) for x in self.lex.named_times[m["t"].lower()].split(":"))
        return self._clock_reading(hour, minute, ctx)

    @staticmethod
    def _clock_reading(hour: int, minute: int, ctx: Context) -> Reading:
        day = ctx.dct.isoformat() if ctx.dct else "XXXX-XX-XX"
        return Reading(f"{day}T{hour:02d}:{minute:02d}", "TIME", relative=True, clock=True)

    def _reference(self, m: re.Match[str], ctx: Context) -> Reading | None:
        phrase = " ".join(m["r"].lower().split())
        if (
            phrase in self.lex.ambiguous_references
            and not ctx.in_entity(m.start(), m.end())
            and ctx.previous_word(m.start()) != "in"  # "in the past"
        ):
            return None
        if phrase == "the future" and (
            ctx.text.startswith(" of ", m.end())
            or (
                _PROSPECTS.match(ctx.text, m.end())
                and ctx.previous_word(m.start()) not in {"in", "into", "for"}
            )
        ):
            return None  # "the future of our peoples", "the future looks bleak": prospects
        return Reading(self.lex.references[phrase], precision="none")

    def _every(self, m: re.Match[str], ctx: Context) -> Reading | None:
        if m["wd"]:
            return Reading(f"XXXX-WXX-{self.weekday_number(m['wd'])}", "SET", "none")
        if m["m"]:
            return Reading(f"XXXX-{self.month_number(m['m']):02d}", "SET", "none")
        if m["pod"]:
            return Reading(f"XXXX-XX-XXT{self.lex.parts_of_day[m['pod'].lower()]}", "SET", "none")
        amount = self.number_value(m["num"]) if m["num"] else 1.0
        if m["other"]:
            amount = (amount or 1.0) * 2
        return Reading(self.duration_value(amount, m["unit"]), "SET", "none")

    def _set_word(self, m: re.Match[str], ctx: Context) -> Reading | None:
        word = " ".join(m["w"].split())
        after = _NEXT_WORD.match(ctx.text, m.end())
        if word in _KIND_ADJECTIVES and after is not None:
            following = after.group(1)
            if following.lower() not in {"and", "or", "basis"} and ctx.is_noun(
                after.start(1), after.end(1)
            ):
                return None  # "a quarterly dividend", "the annual report": a kind, not a time
        return Reading(self.lex.sets[word], "SET", "none")

    def _frequency(self, m: re.Match[str], ctx: Context) -> Reading | None:
        return Reading(self.duration_value(1, m["unit"]), "SET", "none")
