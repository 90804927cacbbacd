"""Calendar dates: as users give them (``--since 2006-05``) and as TimeML values name them.

A date option or filter is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` and stands for every day it
covers. A stored date (an event's TimeML value, or the publication date it falls back to) is
a calendar date when it names a year, a month, a day, an ISO week or a quarter; values such as
``XXXX-WXX-7`` (a Sunday of an unknown week), ``PRESENT_REF``, seasons, decades or durations
name no stretch of the calendar, so no date filter returns them (issue 9).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from .errors import E_BAD_DATE, DateError

__all__ = ["DateRange", "calendar_range", "parse_iso_date"]

_ISO_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
_WEEK = re.compile(r"([0-9]{4})-W([0-9]{2})")
_QUARTER = re.compile(r"([0-9]{4})-Q([1-4])")


@dataclass(frozen=True, slots=True)
class DateRange:
    """The first and last day (both included) of a year, month, week, quarter or day."""

    first: date
    last: date

    def contains(self, other: DateRange) -> bool:
        """True when every day of ``other`` lies in this range."""
        return self.first <= other.first and other.last <= self.last


def parse_iso_date(value: str) -> DateRange:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as the days it covers; else DateError [E028]."""
    raw = value.strip()
    match = _ISO_DATE.fullmatch(raw)
    found = _year_month_day(match) if match else None
    if found is None:
        raise DateError(E_BAD_DATE.format(value=value))
    return found


def calendar_range(value: str | None) -> DateRange | None:
    """The days a stored TimeML date value covers, or None when it names no calendar period.

    ``2006-05-21`` (a time after the day, ``2006-05-21T10:00``, counts as its day),
    ``2006-05``, ``2006``, ``2006-W20`` (ISO week) and ``2006-Q2`` are calendar periods.
    """
    if not value:
        return None
    if len(value) > 10 and value[10] == "T":
        value = value[:10]
    match = _ISO_DATE.fullmatch(value)
    if match:
        return _year_month_day(match)
    match = _WEEK.fullmatch(value)
    if match:
        year, week = int(match.group(1)), int(match.group(2))
        try:
            first = date.fromisocalendar(year, week, 1)
        except ValueError:
            return None
        return DateRange(first, first + timedelta(days=6))
    match = _QUARTER.fullmatch(value)
    if match:
        year, quarter = int(match.group(1)), int(match.group(2))
        first_month = 3 * quarter - 2
        return _month_range(year, first_month, first_month + 2)
    return None


def _year_month_day(match: re.Match[str]) -> DateRange | None:
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    if year < 1:
        return None
    if month is None:
        return DateRange(date(year, 1, 1), date(year, 12, 31))
    if not 1 <= month <= 12:
        return None
    if day is None:
        return _month_range(year, month, month)
    try:
        one = date(year, month, day)
    except ValueError:
        return None
    return DateRange(one, one)


def _month_range(year: int, first_month: int, last_month: int) -> DateRange:
    last_day = calendar.monthrange(year, last_month)[1]
    return DateRange(date(year, first_month, 1), date(year, last_month, last_day))
