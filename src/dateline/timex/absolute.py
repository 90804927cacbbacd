"""Handlers of the time grammar for absolute dates: ISO and numeric dates, days of a month,
months, years, decades, centuries. Moved unchanged from ``grammar.py`` (issue 11 split).
"""

from __future__ import annotations

import re
from datetime import date

from . import calendar as cal
from .readings import (
    _FULL_DATE,
    _NAMED_AS,
    _NEXT_WORD,
    NEAR_DAYS,
    Context,
    GrammarBase,
    Reading,
    _passage_anchor,
    _valid_day,
    year_value,
)


class AbsoluteDates(GrammarBase):
    """Handlers of the time grammar: absolute dates."""

    def _iso(self, m: re.Match[str], ctx: Context) -> Reading | None:
        try:
            day = date(int(m["y"]), int(m["mo"]), int(m["d"]))
        except ValueError:
            return None
        if m["h"] and int(m["h"]) <= 24:
            return Reading(f"{day.isoformat()}T{m['h']}:{m['mi']}", "TIME")
        return Reading(day.isoformat())

    def _numeric(self, m: re.Match[str], ctx: Context) -> Reading | None:
        """1/16/2006 (month first, as American English writes it, unless the first is over
        12) and 16.01.2006 (day first)."""
        first, second = int(m["a"]), int(m["b"])
        if m["sep"] == "." or first > 12:
            first, second = second, first
        year = int(m["y"])
        if len(m["y"]) == 2:  # the century that puts the year nearest the DCT
            near = ctx.dct.year if ctx.dct else 2000
            year = min((1900 + year, 2000 + year), key=lambda y: abs(y - near))
        try:
            return Reading(date(year, first, second).isoformat())
        except ValueError:
            return None

    def _day_month(self, m: re.Match[str], ctx: Context) -> Reading | None:
        month, day = self.month_number(m["m"]), int(m["d"])
        if not 1 <= day <= 31:
            return None
        if m["y"]:
            try:
                return Reading(date(year_value(m["y"]), month, day).isoformat())
            except ValueError:
                return None
        try:
            date(2000, month, day)
        except ValueError:
            return None
        if ctx.dct is None:
            return Reading(f"XXXX-{month:02d}-{day:02d}")
        direction = ctx.direction(m.start(), m.end())
        # A clause that looks ahead ("will join NATO on March 12") is not told from the time
        # of an earlier passage.
        anchor = (_passage_anchor(ctx, "month") if direction != "future" else None) or ctx.dct
        if m["wd"]:
            # "Saturday, April 25": the year in which that day is a Saturday, nearest the anchor.
            weekday = self.weekday_number(m["wd"])
            years = [
                y
                for y in (anchor.year, anchor.year - 1, anchor.year + 1)
                if _valid_day(y, month, day) and date(y, month, day).isoweekday() == weekday
            ]
            if years:
                return Reading(date(years[0], month, day).isoformat(), relative=True)
        if anchor != ctx.dct:
            direction = None  # a passage about an earlier time: the date nearest to it
        near = 0
        named = _NAMED_AS.match(ctx.text, m.end()) is not None
        if direction in {"past", "future"} and (named or not ctx.on_verb(m.start(), m.end())):
            # "payable Dec. 7", "of record Nov. 22": a date a few weeks either side of the DCT
            # keeps its year whatever the tense of the verb the noun belongs to; so does a
            # date named as something (rule ``date_named_as``: "has set Nov. 10 as the
            # deadline": the tense is that of the setting, not of the date).
            near = NEAR_DAYS
        year = cal.year_for_month_day(anchor, month, day, direction, near_days=near)
        try:
            return Reading(date(year, month, day).isoformat(), relative=True)
        except ValueError:
            return None

    def _week_of(self, m: re.Match[str], ctx: Context) -> Reading | None:
        """Rule ``week_of`` (issue 11): "a hearing the week of March 6" is the ISO week that
        holds the day (resolved as "March 6" alone would be), not the DCT's week and a date."""
        day = self._day_month(m, ctx)
        if day is None or not day.value or not _FULL_DATE.fullmatch(day.value):
            return None
        week = cal.iso_week(date.fromisoformat(day.value))
        return Reading(week, precision="week", relative=day.relative)

    def _prefixed_year(self, m: re.Match[str], ctx: Context) -> Reading | None:
        """Rule ``prefixed_year`` (issue 11): "the post-1959 politics", "pre-1990 levels": a
        year behind "pre-" or "post-" is the year (the prefix says which side of it)."""
        return Reading(m["y"], precision="year")

    def _month_year(self, m: re.Match[str], ctx: Context) -> Reading | None:
        month = self.month_number(m["m"])
        return Reading(cal.iso_month(year_value(m["y"]), month), precision="month")

    def _month(self, m: re.Match[str], ctx: Context) -> Reading | None:
        word = m["m"].lower()
        month = self.month_number(word)
        if (
            word in self.lex.ambiguous_months
            and not (m["rel"] or m["mod"])
            and ctx.previous_word(m.start()) not in self.lex.year_prepositions
        ):
            return None
        if ctx.dct is None:
            return Reading(f"XXXX-{month:02d}", precision="month")
        rel = (m["rel"] or "").lower()
        direction = ctx.direction(m.start(), m.end()) if not rel else None
        passage = _passage_anchor(ctx, "month") if not rel and direction != "future" else None
        year_told = _passage_anchor(ctx, "year") if not rel and direction == "past" else None
        if passage is None and year_told is not None:
            # Rule ``month_of_the_year_told_of`` (issue 11): "In 2011, the team won the
            # title. In October, the coach resigned": a month told in the past in a passage
            # about an earlier year is that year's.
            return Reading(cal.iso_month(year_told.year, month), precision="month", relative=True)
        if passage is not None:
            # "October" in a passage about last year: the October nearest that time (not in
            # a clause that looks ahead: "the summit set for April").
            year = cal.year_for_month(passage, month, None)
            return Reading(cal.iso_month(year, month), precision="month", relative=True)
        if rel in {"last", "past"}:
            year = ctx.dct.year if month < ctx.dct.month else ctx.dct.year - 1
        elif rel in {"next", "coming"}:
            year = ctx.dct.year if month > ctx.dct.month else ctx.dct.year + 1
        elif rel == "this":
            year = ctx.dct.year
        else:
            year = cal.year_for_month(ctx.dct, month, direction)
        return Reading(cal.iso_month(year, month), precision="month", relative=True)

    def _month_of_year(self, m: re.Match[str], ctx: Context) -> Reading | None:
        month = self.month_number(m["m"])
        if ctx.dct is None:
            return Reading(f"XXXX-{month:02d}", precision="month")
        year = ctx.dct.year + self.lex.relative_words[m["rel"].lower()]
        return Reading(cal.iso_month(year, month), precision="month", relative=True)

    def _year(self, m: re.Match[str], ctx: Context) -> Reading | None:
        start = m.start("y")
        if not m["y"][0].isdigit():
            # "nineteen ninety-six" says it is a year by its form; "two thousand" only after
            # "the year" or a word that takes a year ("in two thousand").
            after = _NEXT_WORD.match(ctx.text, m.end())
            if m["y"].lower().startswith("two") and (
                not (m["the_year"] or ctx.previous_word(start) in self.lex.year_prepositions)
                or (after is not None and ctx.is_noun(after.start(1), after.end(1)))
            ):
                return None  # "two thousand years", "more than two thousand people"
            return Reading(str(year_value(m["y"])), precision="year")
        accepted = (
            m["mod"]
            # Rule ``fiscal_year_whole`` (issue 11): "fiscal 1989" is one expression, the year.
            or m["fiscal"]
            or ctx.in_entity(start, m.end("y"))
            or ctx.previous_word(start) in self.lex.year_prepositions
        )
        if not accepted:
            return None
        if not (m["mod"] or m["fiscal"] or m["the_year"]) and ctx.counts_a_noun(start, m.end("y")):
            return None  # rule ``count_before_plural_noun``: "sold 2012 cars"
        return Reading(m["y"], precision="year")

    def _range_end(self, m: re.Match[str], ctx: Context) -> Reading | None:
        first = ctx.text[m.start() - 5 : m.start() - 1]
        if not first.isdigit() or not int(first) < int(m["y"]) <= int(first) + 100:
            return None
        return Reading(m["y"], precision="year")

    def _decade(self, m: re.Match[str], ctx: Context) -> Reading | None:
        if m["c"] and m["d"] == "0" and m["c"] != "20":
            return Reading(m["c"], precision="century")  # "the 1800s": the century
        if m["c"]:
            return Reading(m["c"] + m["d"], precision="decade")
        if m["d2"]:
            if not (m["apostrophe"] or m.group(0).lower().startswith("the")):
                return None  # "80s" alone may be a size or a price; "the 80s" is a decade
            digit = int(m["d2"])
            century = "19"
            if ctx.dct is not None and digit <= (ctx.dct.year % 100) // 10 and ctx.dct.year >= 2000:
                century = "20"
            return Reading(century + str(digit), precision="decade")
        if not m.group(0).lower().startswith("the"):
            return None
        return Reading("19" + str(self.lex.decade_words[m["w"].lower()]), precision="decade")

    def _century(self, m: re.Match[str], ctx: Context) -> Reading | None:
        words = " ".join((m["w"] or "").lower().split())
        n = self.lex.century_ordinals[words] if words else int(m["n"])
        if not 1 <= n <= 22:
            return None
        return Reading(f"{n - 1:02d}", precision="century")
