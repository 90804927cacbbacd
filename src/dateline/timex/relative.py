"""Handlers of the time grammar for relative dates: weekdays, "yesterday", "the day before",
"last week", "two years ago", seasons, quarters, holidays. Moved unchanged from
``grammar.py`` (issue 11 split).
"""

from __future__ import annotations

import re
from datetime import timedelta

from . import calendar as cal
from .readings import (
    _ADVERB_AFTER,
    _ENDED,
    _NAME_BEFORE,
    _NEXT_WORD,
    _NOT_AFTER_PRESENT,
    _PRECISION_RANK,
    _QUARTER,
    _QUARTER_OR_HALF,
    _UNIT_PRECISION,
    UNTOLD,
    Context,
    GrammarBase,
    Reading,
    _passage_anchor,
    _shift,
    _untold,
    year_value,
)


class RelativeDates(GrammarBase):
    """Handlers of the time grammar: relative dates."""

    def _weekday(self, m: re.Match[str], ctx: Context) -> Reading | None:
        isoweekday = self.weekday_number(m["wd"])
        # Rule ``part_of_day_first`` (issue 11): "mid-afternoon Friday" is Friday afternoon.
        pod_word = m["pod"] or m["pod0"]
        pod = self.lex.parts_of_day[pod_word.lower()] if pod_word else None
        shared = None if pod else self._shared_nights.match(ctx.text, m.end())
        if shared is not None:
            pod = self.lex.parts_of_day[shared["pod"].lower()]
        if (m["every"] or shared is not None) and pod:
            # Rule ``weekday_nights`` (issue 11): "on Tuesday nights" is every Tuesday night;
            # so is "Monday" in "on Monday and Tuesday nights".
            return Reading(f"XXXX-WXX-{isoweekday}T{pod}", "SET", "none")
        if ctx.dct is None:
            return Reading(f"XXXX-WXX-{isoweekday}", precision="none")
        if m["anc"]:
            # Rule ``weekday_before_the_day`` (issue 11): "the previous Friday", "the following
            # Monday" lean on the day the passage tells of (the last day mentioned), else on
            # the DCT: the weekday strictly before or after it.
            known = ctx.narrative is not None and ctx.narrative_precision == "day"
            anchor = ctx.narrative if known and ctx.narrative is not None else ctx.dct
            side = "future" if m["anc"].lower() == "following" else "past"
            day = cal.weekday_near(anchor, isoweekday, side, strict=True)
            if pod:
                return Reading(f"{day.isoformat()}T{pod}", "TIME", "day", relative=True)
            return Reading(day.isoformat(), relative=True)
        rel = (m["rel"] or "").lower()
        passage = _passage_anchor(ctx, "day") if not rel else None
        if passage is not None:
            # "On Saturday" in a passage about a day weeks before the DCT: the Saturday
            # nearest that day (later, when the clause looks ahead).
            direction = ctx.direction(m.start(), m.end())
            day = cal.weekday_near(passage, isoweekday, "future")
            if direction not in {"future", "conditional"}:
                earlier = cal.weekday_near(passage, isoweekday, "past")
                day = day if (day - passage) < (passage - earlier) else earlier
            if pod:
                return Reading(f"{day.isoformat()}T{pod}", "TIME", "day", relative=True)
            return Reading(day.isoformat(), relative=True)
        if rel in {"last", "past"}:
            day = cal.weekday_near(ctx.dct, isoweekday, "past", strict=True)
        elif rel in {"next", "coming"}:
            day = cal.weekday_near(ctx.dct, isoweekday, "future", strict=True)
        elif rel == "this":
            day = cal.weekday_in_week(ctx.dct, isoweekday)
        else:
            direction = ctx.direction(m.start(), m.end())
            ahead = direction in {"future", "present"}
            day = cal.weekday_near(ctx.dct, isoweekday, "future" if ahead else "past")
            possessive = ctx.text.startswith(("'s", "’s"), m.end())
            if direction == "conditional" or (possessive and direction == "present"):
                # "said it would vote on Friday", "Monday's announcement is due": the nearest
                # one (with no tense at all, "Thursday's closing price" is the last one)
                earlier = cal.weekday_near(ctx.dct, isoweekday, "past")
                later = cal.weekday_near(ctx.dct, isoweekday, "future")
                day = later if (later - ctx.dct) < (ctx.dct - earlier) else earlier
        if pod:
            return Reading(f"{day.isoformat()}T{pod}", "TIME", "day", relative=True)
        return Reading(day.isoformat(), relative=True)

    def _weekdays_set(self, m: re.Match[str], ctx: Context) -> Reading | None:
        return Reading(f"XXXX-WXX-{self.weekday_number(m['wd'])}", "SET", "none")

    def _relative_day(self, m: re.Match[str], ctx: Context) -> Reading | None:
        word = m["rd"].lower()
        if m["rd"] == "Today" and _NAME_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start()):
            return None  # "USA Today", "This is VOA Today": part of a name (title_case_name)
        if ctx.dct is None:
            return Reading(None, precision="none")
        day = ctx.dct + timedelta(days=self.lex.relative_days[word])
        pod_word = m["pod"] or m["pod0"]  # "mid-afternoon yesterday" (part_of_day_first)
        pod = pod_word.lower() if pod_word else ("night" if word == "tonight" else None)
        if pod:
            return Reading(f"{day.isoformat()}T{self.lex.parts_of_day[pod]}", "TIME", relative=True)
        return Reading(day.isoformat(), relative=True)

    def _unit_before(self, m: re.Match[str], ctx: Context) -> Reading | None:
        """Rule ``unit_before_the_day_told_of`` (issue 11): "The day before, rebels had fled",
        "he had arrived the week before": the unit next to the time the passage tells of
        (the last date mentioned, known at least to the unit). With no such date there is
        no reading: the DCT is not what "the day before" counts from."""
        unit = m["unit"].lower()
        needed = _UNIT_PRECISION.get(unit, "day")
        known = ctx.narrative is not None and (
            _PRECISION_RANK[ctx.narrative_precision] >= _PRECISION_RANK[needed]
        )
        if not known or ctx.narrative is None:
            return Reading(None, precision="none")  # dropped once the text is read through
        return _shift(ctx.narrative, unit, -1 if m["dir"].lower() == "before" else 1)

    def _day_before(self, m: re.Match[str], ctx: Context) -> Reading | None:
        if ctx.dct is None:
            return Reading(None, precision="none")
        days = -2 if m["rd"].lower() == "yesterday" else 2
        return Reading((ctx.dct + timedelta(days=days)).isoformat(), relative=True)

    def _day_of_a_stretch(self, m: re.Match[str], ctx: Context) -> Reading | None:
        """Rule ``day_of_a_stretch`` (issue 11): "It is the second day of the offensive",
        "today is the eighth day of the strike": a day counted in an event, told in the
        present, is the DCT. Told in the past it leans on when the event began, which the
        text rarely says: no reading."""
        if ctx.dct is None or ctx.direction(m.start(), m.end()) != "present":
            return None
        return Reading(ctx.dct.isoformat(), relative=True)

    def _this_pod(self, m: re.Match[str], ctx: Context) -> Reading | None:
        if ctx.dct is None:
            return Reading(None, "TIME", precision="none")
        pod = self.lex.parts_of_day[m["pod"].lower()]
        day = ctx.dct - timedelta(days=1) if m["rel"].lower() == "last" else ctx.dct
        return Reading(f"{day.isoformat()}T{pod}", "TIME", relative=True)

    def _relative_unit(self, m: re.Match[str], ctx: Context) -> Reading | None:
        rel = m["rel"].lower()
        unit_word = m["unit"].lower()
        if m["unit"].istitle() and m["rel"].istitle():
            # Rule ``title_case_name`` (issue 11): ABC's "This Week", "Next Year in Jerusalem":
            # a time phrase written with capitals inside a sentence is a title.
            return None
        if unit_word.endswith("s") and unit_word not in self.lex.seasons:
            return None  # "the past years" is vague: left to the duration rule
        rel = " ".join(rel.split())
        offset = self.lex.relative_words[rel]
        if unit_word in self.lex.seasons:
            season = self.lex.seasons[unit_word]
            if ctx.dct is None:
                return Reading(f"XXXX-{season}", precision="season")
            if rel == "this":  # the one of this year (winter: till May, the one just gone)
                year = ctx.dct.year - (1 if season == "WI" and ctx.dct.month < 6 else 0)
                return Reading(f"{year}-{season}", precision="season", relative=True)
            value = cal.season_near(ctx.dct, season, ctx.direction(m.start(), m.end()), offset)
            return Reading(value, precision="season", relative=True)
        before = ctx.previous_word(m.start())
        spans_time = rel in {"past", "last"} or (
            rel in {"next", "coming"} and before in self.lex.stretch_prepositions
        )
        if m["the"] and spans_time and unit_word not in {"weekend", "day"}:
            # "over the past year", "in the next month": a stretch of time, not a date.
            return Reading(self.duration_value(1, unit_word), "DURATION", "none")
        narrative = rel in {"following", "previous", "that", "the same"} or unit_word == "day"
        # "the current year" is the DCT's, whatever date was mentioned last
        narrative = narrative or (bool(m["the"]) and rel not in {"current", "this"})
        if (
            rel in {"that", "the same", "that same"}
            and unit_word == "day"
            and ctx.narrative is not None
            and ctx.narrative_precision == "month"
        ):
            # Rule ``that_day_of_a_month`` (issue 11): "in March 1998 ... That day, the army
            # withdrew": a day of the month told of, which one unknown (not the DCT).
            return Reading(f"{ctx.narrative:%Y-%m}-XX", relative=True)
        if m["the"] and rel in {"next", "following", "previous"} and _untold(ctx, unit_word):
            # Rule ``next_unit_needs_its_day`` (issue 11): "In 2011, the army took the town.
            # The next day, rebels fled": the day after a day the text does not give (none,
            # or none known to the day) is no reading, as for ``unit_before_the_day_told_of``;
            # the DCT is not what it counts from.
            return Reading(None, precision=UNTOLD)
        anchor = self._anchor_day(ctx, narrative, unit_word)
        if anchor is None:
            return Reading(None, precision="none")
        return _shift(anchor, unit_word, offset)

    def _ago(self, m: re.Match[str], ctx: Context) -> Reading | None:
        amount = self.number_value(m["num"])
        direction = m["dir"].lower()
        if (
            direction in {"earlier", "later"}
            and _ADVERB_AFTER.match(ctx.text, m.end())
            and ctx.previous_word(m.start()) != "from"
        ):
            # "a week later than planned", "two hours earlier in the day": the adverb leans on
            # what follows. Rule ``from_a_year_earlier`` (issue 11): after "from" the phrase is
            # the point compared with ("loss narrowed from a year earlier on higher revenue").
            return None
        sign = -1 if direction in {"ago", "earlier"} else 1
        if amount is None:
            return Reading("PAST_REF" if sign < 0 else "FUTURE_REF", precision="none")
        unit_word = m["unit"].lower()
        code, is_clock = self.unit_code(unit_word)
        narrative = direction == "later" or (direction == "earlier" and code in {"D", "W", "2W"})
        anchor = self._anchor_day(ctx, narrative, unit_word)
        if anchor is None:
            return Reading(None, precision="none")
        if is_clock:
            return Reading(anchor.isoformat(), relative=True)
        step = round(amount) * sign
        if code == "DE":
            # Rule ``decade_ago_year`` (issue 11): "a decade ago" counts ten years back to a
            # year ("in 1999, a decade ago" is 1989), not to the decade of the 1980s.
            return _shift(anchor, "year", 10 * step)
        return _shift(anchor, unit_word, step)

    def _season(self, m: re.Match[str], ctx: Context) -> Reading | None:
        season = self.lex.seasons[m["s"].lower()]
        if m["y"]:
            return Reading(f"{year_value(m['y'])}-{season}", precision="season")
        previous = ctx.previous_word(m.start("s"))
        if not (m["mod"] or m["the"] or previous in self.lex.season_prepositions):
            return None
        if m["s"].lower() == "fall" and not ctx.is_noun(m.start("s"), m.end("s")):
            return None
        if ctx.dct is None:
            return Reading(f"XXXX-{season}", precision="season")
        value = cal.season_near(ctx.dct, season, ctx.direction(m.start(), m.end()))
        return Reading(value, precision="season", relative=True)

    def _quarter(self, m: re.Match[str], ctx: Context) -> Reading | None:
        order = m["ord"].lower()
        part = m["part"].lower()
        number = 4 if order == "final" else self.lex.ordinals[order]
        if part == "half" and order in {"final", "last"}:
            number = 2  # "the last half of 1989": the second half
        if part == "half":
            if number > 2:
                return None
            label, quarter_for_year = f"H{number}", 2 * number - 1
        else:
            label, quarter_for_year = f"Q{number}", number
        if m["y"] or m["y0"]:
            return Reading(f"{m['y'] or m['y0']}-{label}", precision="quarter")
        if ctx.dct is None:
            return Reading(f"XXXX-{label}", precision="quarter")
        if m["ry"]:  # "next year's first quarter"
            year = ctx.dct.year + self.lex.relative_words[m["ry"].lower()]
            return Reading(f"{year}-{label}", precision="quarter", relative=True)
        if m["theyear"]:
            year = ctx.dct.year
        elif m["rel"]:
            year = ctx.dct.year + self.lex.relative_words[m["rel"].lower()]
        else:
            direction = ctx.direction(m.start(), m.end())
            year = cal.year_for_quarter(ctx.dct, quarter_for_year, direction)
        if m["ago"]:  # "the year-earlier third quarter"
            year = (ctx.dct.year if m["theyear"] or m["rel"] else year) - 1
        return Reading(f"{year}-{label}", precision="quarter", relative=True)

    def _two_quarters(self, m: re.Match[str], ctx: Context) -> Reading | None:
        """Rule ``two_quarters_half`` (issue 11): "the first two quarters of 1990" is the first
        half of the year (1990-H1), "the last two quarters" the second."""
        label = "H1" if m["ord"].lower() == "first" else "H2"
        if m["y"]:
            return Reading(f"{m['y']}-{label}", precision="quarter")
        if ctx.dct is None:
            return Reading(f"XXXX-{label}", precision="quarter")
        if m["rel"]:
            year = ctx.dct.year + self.lex.relative_words[m["rel"].lower()]
        else:
            direction = ctx.direction(m.start(), m.end())
            year = cal.year_for_quarter(ctx.dct, 1 if label == "H1" else 3, direction)
        return Reading(f"{year}-{label}", precision="quarter", relative=True)

    def _year_period(self, m: re.Match[str], ctx: Context) -> Reading | None:
        """Rule ``year_period`` (issue 11): "net rose to $3 million in the 1989 period from $2
        million in the 1988 period": the quarter (or half) the story is about, in that year;
        the year alone when no quarter has been named."""
        period = _QUARTER_OR_HALF.fullmatch(ctx.period or "")
        if period is None:
            return Reading(m["y"], precision="year")
        return Reading(f"{m['y']}-{period['part']}", precision="quarter", relative=True)

    def _period_a_year_back(self, m: re.Match[str], ctx: Context) -> Reading | None:
        """Rule ``period_a_year_back`` (issue 11): "for the quarter a year ago", "the
        corresponding period last year", "last year's quarter": the quarter the story is
        about, a year earlier; with no quarter named, the quarter just ended, a year back."""
        period = _QUARTER_OR_HALF.fullmatch(ctx.period or "")
        if period is not None:
            year = int(period["year"]) - 1
            return Reading(f"{year}-{period['part']}", precision="quarter", relative=True)
        if ctx.dct is None:
            return Reading(None, precision="none")
        return _shift(ctx.dct, "quarter", -5)

    def _weekend(self, m: re.Match[str], ctx: Context) -> Reading | None:
        if not m["the"] or m.group(0).lower().endswith("s"):
            return None
        if ctx.dct is None:
            return Reading("XXXX-WXX-WE", precision="week")
        direction = ctx.direction(m.start(), m.end())
        in_weekend = ctx.dct.isoweekday() >= 6
        if direction == "future" or direction == "present":
            day = ctx.dct + timedelta(days=1 if ctx.dct.isoweekday() == 7 else 0)
        else:
            day = ctx.dct if in_weekend else ctx.dct - timedelta(days=7)
        return Reading(f"{cal.iso_week(day)}-WE", precision="week", relative=True)

    def _year_earlier(self, m: re.Match[str], ctx: Context) -> Reading | None:
        if ctx.dct is None:
            return Reading(None, precision="none")
        if m["end"]:
            return Reading(str(ctx.dct.year), precision="year", relative=True)
        return Reading(str(ctx.dct.year - 1), precision="year", relative=True)

    def _holiday(self, m: re.Match[str], ctx: Context) -> Reading | None:
        """ "Christmas", "last Thanksgiving", "Election Day": the one the tense points at (a
        holiday on a weekday of a month, like Thanksgiving, is computed for each year)."""
        rule = self.lex.holidays[" ".join(m["h"].split())]
        if ctx.dct is None:
            if rule.count("-") == 1:
                return Reading(f"XXXX-{rule}")
            return Reading(None, precision="none")
        offset = self.lex.relative_words[m["rel"].lower()] if m["rel"] else 0
        direction = ctx.direction(m.start(), m.end())
        if m["rel"] and m["rel"].lower() == "this":
            day = cal.holiday_in_year(rule, ctx.dct.year)
        else:
            day = cal.holiday_near(rule, ctx.dct, direction, offset)
        return Reading(day.isoformat(), relative=True)

    def _latest_period(self, m: re.Match[str], ctx: Context) -> Reading | None:
        """ "the latest quarter" of an earnings report: the quarter the story is about, else
        the one just ended."""
        if ctx.dct is None:
            return Reading("XXXX-QX" if not ctx.period else ctx.period, precision="quarter")
        ended = _shift(ctx.dct, "quarter", -1)
        if _QUARTER.fullmatch(ctx.period or "") and (ctx.period or "") <= (ended.value or ""):
            return Reading(ctx.period, precision="quarter", relative=True)
        return ended  # a quarter named before that has not ended is not "the latest" one

    def _present_adjective(self, m: re.Match[str], ctx: Context) -> Reading | None:
        """ "current market conditions", "a recent filing": the present, the recent past."""
        after = _NEXT_WORD.match(ctx.text, m.end())
        if after is None or after.group(1).lower() in _NOT_AFTER_PRESENT:
            return None
        if not ctx.is_noun(after.start(1), after.end(1)):
            return None
        # Rule ``then_current`` (issue 11): "the then current price" was current then: past.
        value = "PRESENT_REF" if m["w"] == "current" and not m["then"] else "PAST_REF"
        return Reading(value, precision="none")

    def _the_unit(self, m: re.Match[str], ctx: Context) -> Reading | None:
        if m["unit"].lower() == "year" and not m["mod"] and _ENDED.match(ctx.text, m.end()):
            # "revenue for the year ended March 31": a fiscal year, the stretch of a year
            # (the date that ends it is an expression of its own).
            return Reading("P1Y", "DURATION", "none")
        if m["full"] and ctx.dct is not None and not m["mod"]:
            # "earnings for the full year": the whole of the current year (quarter ...)
            return _shift(ctx.dct, m["unit"].lower(), 0)
        if m["unit"].lower() == "quarter" and not m["mod"] and _QUARTER.fullmatch(ctx.period or ""):
            # "the quarter" after "third-quarter profit": the quarter the passage is about.
            return Reading(ctx.period, precision="quarter", relative=True)
        if ctx.dct is None or not (m["mod"] or ctx.in_entity(m.start(), m.end())):
            return None
        past = ctx.direction(m.start(), m.end()) == "past"
        if m["unit"].lower() == "quarter" and not m["mod"] and past:
            # "Profit rose in the quarter" in an earnings report: the quarter just ended.
            return _shift(ctx.dct, "quarter", -1)
        return _shift(ctx.dct, m["unit"].lower(), 0)
