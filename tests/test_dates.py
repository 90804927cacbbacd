"""Dates as users give them and as TimeML values name them (``dateline.dates``)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.dates import DateRange, calendar_range, parse_iso_date
from dateline.errors import DateError

DAYS = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))


def test_an_iso_date_stands_for_every_day_it_covers() -> None:
    assert parse_iso_date("2006") == DateRange(date(2006, 1, 1), date(2006, 12, 31))
    assert parse_iso_date("2008-02") == DateRange(date(2008, 2, 1), date(2008, 2, 29))
    assert parse_iso_date(" 2006-05-23 ") == DateRange(date(2006, 5, 23), date(2006, 5, 23))


@pytest.mark.parametrize(
    "value",
    ["yesterday", "", "06", "2006-5", "2006-13", "2006-02-30", "23/05/2006", "2006-05-23T10:00",
     "0000", "2006-W20", "XXXX-WXX-7", "２００６"],
)  # fmt: skip
def test_anything_else_is_refused_with_e028(value: str) -> None:
    with pytest.raises(DateError, match=r"\[E028\] the date .* is not an ISO date"):
        parse_iso_date(value)


@given(DAYS)
def test_every_day_year_and_month_reads_back(day: date) -> None:
    assert parse_iso_date(day.isoformat()) == DateRange(day, day)
    month = parse_iso_date(day.isoformat()[:7])
    assert month.contains(DateRange(day, day)) and month.first.day == 1
    assert (month.last + timedelta(days=1)).day == 1 or month.last == date(9999, 12, 31)
    year = parse_iso_date(f"{day.year:04d}")
    assert year.contains(month) and (year.first, year.last) == (
        date(day.year, 1, 1),
        date(day.year, 12, 31),
    )


@given(st.text(max_size=12))
def test_the_parser_accepts_only_the_three_forms(value: str) -> None:
    try:
        found = parse_iso_date(value)
    except DateError:
        return
    assert len(value.strip()) in (4, 7, 10) and found.first <= found.last


@given(DAYS.filter(lambda d: date(1, 1, 8) <= d <= date(9999, 12, 24)))
def test_an_iso_week_covers_seven_days_with_its_day(day: date) -> None:
    year, week, _ = day.isocalendar()
    found = calendar_range(f"{year:04d}-W{week:02d}")
    assert found is not None
    assert found.first <= day <= found.last and (found.last - found.first).days == 6


def test_stored_values_that_name_a_calendar_period() -> None:
    assert calendar_range("2006-05-21") == DateRange(date(2006, 5, 21), date(2006, 5, 21))
    assert calendar_range("2006-05-21T10:30") == DateRange(date(2006, 5, 21), date(2006, 5, 21))
    assert calendar_range("2006-Q2") == DateRange(date(2006, 4, 1), date(2006, 6, 30))
    assert calendar_range("2006-W20") == DateRange(date(2006, 5, 15), date(2006, 5, 21))


@pytest.mark.parametrize(
    "value",
    [None, "", "XXXX-WXX-7", "XXXX-01-16", "PRESENT_REF", "2006-SU", "200X", "P1W", "2006-W54",
     "2006-13", "yesterday"],
)  # fmt: skip
def test_values_that_name_no_calendar_period_have_no_range(value: str | None) -> None:
    assert calendar_range(value) is None
