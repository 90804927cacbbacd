"""Calendar arithmetic for anchoring time expressions: weeks, months, seasons, quarters.

Direction words used throughout: ``"past"`` (the latest one on or before the anchor),
``"future"`` (the earliest one on or after it) and ``None`` (the nearest one).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

SEASON_OF_MONTH = {
    12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP",
    6: "SU", 7: "SU", 8: "SU", 9: "FA", 10: "FA", 11: "FA",
}  # fmt: skip
SEASON_ORDER = ("SP", "SU", "FA", "WI")
SEASON_FIRST_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def iso_day(day: date) -> str:
    """``2006-05-21``."""
    return day.isoformat()


def iso_week(day: date) -> str:
    """The ISO week of a day: ``2006-W20``."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def iso_month(year: int, month: int) -> str:
    """``2006-05``."""
    return f"{year:04d}-{month:02d}"


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    """(year, month) moved by ``months`` months."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def add_years_to_day(day: date, years: int) -> date:
    """The same calendar day ``years`` years away (29 February becomes the 28th)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def weekday_near(
    anchor: date, isoweekday: int, direction: str | None, strict: bool = False
) -> date:
    """The weekday (1 = Monday) nearest the anchor in ``direction`` (past by default).

    ``strict`` skips the anchor's own day ("last Sunday" said on a Sunday is a week ago).
    """
    if direction == "future":
        ahead = (isoweekday - anchor.isoweekday()) % 7
        if strict and ahead == 0:
            ahead = 7
        return anchor + timedelta(days=ahead)
    back = (anchor.isoweekday() - isoweekday) % 7
    if strict and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def weekday_in_week(anchor: date, isoweekday: int) -> date:
    """The weekday of the anchor's own ISO week ("this Friday")."""
    return anchor + timedelta(days=isoweekday - anchor.isoweekday())


def year_for_month_day(
    anchor: date, month: int, day: int, direction: str | None, near_days: int = 0
) -> int:
    """The year that puts month/day on the side of the anchor that ``direction`` says; a day
    within ``near_days`` of the anchor in its own year keeps that year whatever the tense."""
    if near_days:
        safe = min(day, calendar.monthrange(anchor.year, month)[1])
        if abs((date(anchor.year, month, safe) - anchor).days) <= near_days:
            return anchor.year
    key = (month, day)
    now = (anchor.month, anchor.day)
    if direction == "past":
        return anchor.year if key <= now else anchor.year - 1
    if direction == "future":
        return anchor.year if key >= now else anchor.year + 1
    # Nearest: within about six months of the anchor.
    candidates = [anchor.year - 1, anchor.year, anchor.year + 1]

    def distance(year: int) -> int:
        safe_day = min(day, calendar.monthrange(year, month)[1])
        return abs((date(year, month, safe_day) - anchor).days)

    return min(candidates, key=distance)


def year_for_month(anchor: date, month: int, direction: str | None) -> int:
    """The year of the month name nearest the anchor in ``direction``."""
    if direction == "past":
        return anchor.year if month <= anchor.month else anchor.year - 1
    if direction == "future":
        return anchor.year if month >= anchor.month else anchor.year + 1
    delta = month - anchor.month
    if delta > 6:
        return anchor.year - 1
    if delta < -6:
        return anchor.year + 1
    return anchor.year


def season_year(day: date) -> tuple[int, str]:
    """The (year, season) a day falls in; winter belongs to the year of its December."""
    season = SEASON_OF_MONTH[day.month]
    year = day.year - 1 if day.month < 3 else day.year
    return year, season


def season_near(anchor: date, season: str, direction: str | None, offset: int = 0) -> str:
    """``2006-SU``: the season nearest the anchor in ``direction``, moved ``offset`` years."""
    year, current = season_year(anchor)
    index, target = SEASON_ORDER.index(current), SEASON_ORDER.index(season)
    if offset:
        # "last summer": the most recent summer that has ended; "next summer" the coming one.
        if offset < 0:
            year = year if target < index else year - 1
        else:
            year = year if target > index else year + 1
        return f"{year}-{season}"
    if direction == "past" and target > index:
        year -= 1
    elif direction == "future" and target < index:
        year += 1
    elif direction not in {"past", "future"}:
        # The nearest: the season whose middle is closest to the anchor.
        def middle(y: int) -> date:
            return date(y, SEASON_FIRST_MONTH[season], 1) + timedelta(days=45)

        year = min((year - 1, year, year + 1), key=lambda y: abs((middle(y) - anchor).days))
    return f"{year}-{season}"


def quarter_of(day: date) -> int:
    """1 to 4."""
    return (day.month - 1) // 3 + 1


def year_for_quarter(anchor: date, quarter: int, direction: str | None) -> int:
    """The year of "the third quarter" said at the anchor."""
    current = quarter_of(anchor)
    if direction == "future":
        # "third-quarter results will be released" said in the fourth quarter: this year's.
        return anchor.year if quarter >= current - 1 else anchor.year + 1
    return anchor.year if quarter <= current else anchor.year - 1


def nth_weekday(year: int, month: int, isoweekday: int, n: int, from_day: int = 1) -> date:
    """The ``n``-th given weekday of a month counted from ``from_day`` (``n`` = 5: the last
    one): Thanksgiving is the fourth Thursday of November, Election Day the first Tuesday
    from 2 November."""
    first = date(year, month, from_day)
    day = first + timedelta(days=(isoweekday - first.isoweekday()) % 7 + 7 * (n - 1))
    while day.month != month:
        day -= timedelta(days=7)
    return day


def holiday_in_year(rule: str, year: int) -> date:
    """The day of a holiday in a year, from its lexicon rule: ``"12-25"`` (a fixed day) or
    ``"11-4-4"`` (month, ISO weekday, n-th; ``@2``: counted from the 2nd; n = 5: the last)."""
    parts, _, start = rule.partition("@")
    numbers = [int(x) for x in parts.split("-")]
    if len(numbers) == 2:
        return date(year, numbers[0], numbers[1])
    month, weekday, n = numbers
    return nth_weekday(year, month, weekday, n, int(start or 1))


def holiday_near(rule: str, anchor: date, direction: str | None, offset: int = 0) -> date:
    """The holiday nearest the anchor in ``direction`` (``offset`` -1: the last one strictly
    before the anchor, +1: the next one strictly after)."""
    days = [holiday_in_year(rule, anchor.year + k) for k in (-1, 0, 1)]
    if offset < 0 or direction == "past":
        return max(d for d in days if (d < anchor if offset else d <= anchor))
    if offset > 0 or direction == "future":
        return min(d for d in days if (d > anchor if offset else d >= anchor))
    return min(days, key=lambda d: abs((d - anchor).days))
