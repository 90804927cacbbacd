"""The readings of the time grammar and what its handlers share (issue 11 split).

``Reading`` is what a rule makes of a match (a TimeML value, type and precision); ``Context``
what a handler may ask about the text around it; ``GrammarBase`` the lexicon and the helpers
every family of handlers uses (numbers, units, the day a relative expression counts from);
the functions below do the calendar arithmetic. Moved unchanged from ``grammar.py``, which
was over the 800-line limit.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from . import calendar as cal
from .lexicon import TimeLexicon


@dataclass(frozen=True, slots=True)
class Reading:
    """What a time expression means: a TimeML value, its type and precision."""

    value: str | None
    type: str = "DATE"
    precision: str = "day"
    relative: bool = False  # resolved against the DCT (or a date mentioned before)
    clock: bool = False  # a bare clock time ("10 a.m."), to be joined with a day beside it


@dataclass
class Context:
    """What a handler may ask about the text around a match."""

    text: str
    dct: date | None
    direction: Callable[[int, int], str | None] = lambda start, end: None
    in_entity: Callable[[int, int], bool] = lambda start, end: False
    is_noun: Callable[[int, int], bool] = lambda start, end: True
    # Whether the expression belongs to a verb rather than a noun ("payable Dec. 7").
    on_verb: Callable[[int, int], bool] = lambda start, end: True
    # Whether a figure counts the plural noun after it ("1999 ballots"; ``counts.py``).
    counts_a_noun: Callable[[int, int], bool] = lambda start, end: False
    narrative: date | None = None  # the last date mentioned before the match
    narrative_precision: str = "day"  # "day", "month" or "year": how much of it is known
    # The time a passage tells of (issue 11): the last date written out in full (not
    # resolved against the DCT) in the same paragraph, when it lies before the DCT.
    passage: date | None = None
    # "day", "month", "year" (a year that opens its sentence) or "year_in_passing" (one
    # that does not, which anchors nothing).
    passage_precision: str = "day"
    # The last quarter, half, month or day mentioned ("the quarter", "a year earlier").
    period: str | None = None

    def previous_word(self, start: int) -> str:
        """The word just before ``start`` (lower case, '' at the start)."""
        match = _PREVIOUS_WORD.search(self.text, max(0, start - 40), start)
        return match.group(1).lower() if match else ""


_PREVIOUS_WORD = re.compile(r"([\w']+)[^\w]*$")

Handler = Callable[[re.Match[str], Context], Reading | None]


@dataclass(frozen=True)
class Pattern:
    """One rule of the grammar: a compiled expression and the handler that reads a match."""

    name: str
    regex: re.Pattern[str]
    handler: Handler
    priority: int = 0  # breaks ties between matches of the same length
    narrative: bool = False  # the value depends on the dates mentioned before it


@dataclass
class Match:
    """A match of a pattern that the handler accepted."""

    start: int
    end: int
    reading: Reading
    pattern: Pattern
    found: re.Match[str] = field(repr=False)


class GrammarBase:
    """The lexicon and the helpers shared by the handlers (``absolute``, ``relative``,
    ``durations``); ``TimeGrammar`` builds the patterns that call them."""

    lex: TimeLexicon
    _month_day_before: re.Pattern[str]
    _shared_nights: re.Pattern[str]

    def month_number(self, word: str) -> int:
        return self.lex.months[word.lower().rstrip(".")]

    def weekday_number(self, word: str) -> int:
        return self.lex.weekdays[word.lower().rstrip(".")]

    def number_value(self, word: str) -> float | None:
        """The number a word or figure stands for; None for vague ones ("several")."""
        text = " ".join(word.lower().split()).replace(",", "")
        if re.fullmatch(r"\d+(?:\.\d+)?", text):
            return float(text)
        if re.fullmatch(r"\d+ 1/2", text):  # "2 1/2 years"
            return float(text.split()[0]) + 0.5
        if text in self.lex.numbers:
            return float(self.lex.numbers[text])
        parts = re.split(r"[-\s]+", text)
        if all(p in self.lex.numbers for p in parts):
            return float(sum(self.lex.numbers[p] for p in parts))
        return None

    def unit_code(self, word: str) -> tuple[str, bool]:
        """The ISO 8601 letter(s) of a unit and whether it is a clock unit (needs the T)."""
        w = word.lower()
        if w not in self.lex.units:
            w = w[:-1] if w.endswith("s") else w
        return self.lex.units[w], w in self.lex.time_units

    def duration_value(self, amount: float | None, unit_word: str) -> str:
        """The TimeML value of a duration: "three years" P3Y, "5 1/2 hours" PT5H30M.

        Rule ``decades_in_years`` (issue 11): a counted decade or century is written in years,
        as ISO 8601 has no unit for either ("two decades" P20Y, "a century" P100Y); an
        uncounted one keeps its unit ("decades" PXDE), which says more than PXY."""
        code, is_clock = self.unit_code(unit_word)
        if amount is not None and code in {"DE", "CE"}:
            amount, code = amount * (10 if code == "DE" else 100), "Y"
        if amount is not None and code in {"2W", "Q"}:
            amount, code = (amount * 2, "W") if code == "2W" else (amount * 3, "M")
        elif code in {"2W", "Q"}:
            code = "W" if code == "2W" else "M"
        if amount is None:
            figure = "X"
        elif amount == int(amount):
            figure = str(int(amount))
        elif code in {"Y", "H"} or (code == "M" and is_clock):
            # "2 1/2 years" P2Y6M, "5 1/2 hours" PT5H30M, "a minute and a half" PT1M30S
            whole, part = divmod(
                round(amount * (12 if code == "Y" else 60)), 12 if code == "Y" else 60
            )
            smaller = {"Y": "M", "H": "M", "M": "S"}[code]
            figure = (f"{whole}{code}" if whole else "") + f"{part}"
            code = smaller
        elif code == "D" and not is_clock:
            figure, code, is_clock = str(round(amount * 24)), "H", True
        else:
            figure = str(amount)
        return ("PT" if is_clock else "P") + figure + code

    @staticmethod
    def _anchor_day(ctx: Context, narrative: bool, unit_word: str = "day") -> date | None:
        """The date a relative expression counts from: the DCT, or the date mentioned last.

        The date mentioned last serves only when it is as precise as the unit counted ("two
        years later" can follow "in 1995", "the next day" needs a day).
        """
        if not narrative or ctx.narrative is None:
            return ctx.dct
        needed = _UNIT_PRECISION.get(unit_word.lower().rstrip("s"), "day")
        if _PRECISION_RANK[ctx.narrative_precision] >= _PRECISION_RANK[needed]:
            return ctx.narrative
        return ctx.dct


_PRECISION_RANK = {"year": 1, "month": 2, "day": 3}
_QUARTER = re.compile(r"\d{4}-Q[1-4]")
_QUARTER_OR_HALF = re.compile(r"(?P<year>\d{4})-(?P<part>Q[1-4]|H[12])")
_FULL_DATE = re.compile(r"\d{4}-\d\d-\d\d")
# "current account", "current year" (a time expression of its own): no PRESENT_REF.
_NOT_AFTER_PRESENT = frozenset(
    {"account", "accounts", "affairs", "events", "year", "quarter", "month", "week", "period"}
    | {"fiscal", "season", "term", "session", "decade", "century", "days", "weeks", "months"}
    | {"years", "quarters", "times"}
)
NEAR_DAYS = 60
# Before a noun these name a kind of thing ("a quarterly dividend", "the annual meeting"),
# not how often something happens ("daily flights" keeps its SET reading).
_KIND_ADJECTIVES = frozenset({"quarterly", "annual", "semiannual", "biannual"})
# A year as broadcast transcripts spell it: "nineteen ninety-six", "two thousand (and) one".
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60}
_TENS |= {"seventy": 70, "eighty": 80, "ninety": 90}
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_UNITS |= {"eight": 8, "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14}
_TEENS |= {"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_UNIT_WORDS = "|".join(_UNITS)
_SPOKEN_YEAR = (
    rf"(?:nineteen|eighteen)[\s-]+(?:(?:{'|'.join(_TENS)})(?:[\s-]+(?:{_UNIT_WORDS}))?"
    rf"|{'|'.join(sorted(_TEENS, key=len, reverse=True))}|hundred)(?![\w-])"
    rf"|two\s+thousand(?:\s+(?:and\s+)?(?:{_UNIT_WORDS}|ten))?(?![\w-])"
)


def year_value(text: str) -> int:
    """The year a match of the year rule stands for: "1996" or "nineteen ninety-six"."""
    if text[:1].isdigit():
        return int(text)
    words = re.split(r"[\s-]+", text.lower())
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        return 2000 + (_UNITS.get(rest[0], 0) or _TEENS.get(rest[0], 0) if rest else 0)
    century = 100 * _TEENS[words[0]]
    if words[1] == "hundred":
        return century
    if words[1] in _TEENS:
        return century + _TEENS[words[1]]
    return century + _TENS[words[1]] + (_UNITS[words[2]] if len(words) > 2 else 0)


_PROSPECTS = re.compile(r"\s+(?:looks?|is|seems?|remains?|holds?)\b")
_ENDED = re.compile(r"\s+(?:ended|ending)\b")
# A capitalised word just before, on the same line, with no punctuation between ("VOA Today").
_NAME_BEFORE = re.compile(r"\b[A-Z][\w&]*[ \t]+$")
_ADVERB_AFTER = re.compile(r"\s+(?:than|on|in|at)\b", re.IGNORECASE)
_NAMED_AS = re.compile(
    r"\s+as\s+(?:the|a|an|its|their)\s+(?:new\s+|final\s+|record\s+|closing\s+)?"
    r"(?:deadline|date|day|cutoff|cut-off|target|start|end|expiration)\b",
    re.IGNORECASE,
)
_AGE_AFTER = re.compile(r"[\s-]+olds?\b", re.IGNORECASE)
_AGE_BEFORE = frozenset({"aged", "age", "turned", "turns", "turning", "turn"})
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")

_UNIT_PRECISION = {"year": "year", "decade": "year", "century": "year", "month": "month"}
_UNIT_PRECISION |= {"quarter": "month"}
# The precision of a reading that counts from a day of the story the text does not give
# ("the next day" after "in 2011"): dropped once the text is read through.
UNTOLD = "untold"


def _untold(ctx: Context, unit_word: str) -> bool:
    """Whether no date mentioned before is precise enough for a unit counted from it."""
    if ctx.narrative is None:
        return True
    needed = _UNIT_PRECISION.get(unit_word.lower().rstrip("s"), "day")
    return _PRECISION_RANK[ctx.narrative_precision] < _PRECISION_RANK[needed]


def _valid_day(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _passage_anchor(ctx: Context, needed: str = "year") -> date | None:
    """The time of the passage (see ``Context.passage``) when it is known to ``needed``
    precision and lies well before the DCT (more than a week, or in an earlier year)."""
    if ctx.passage is None or ctx.dct is None:
        return None
    if _PRECISION_RANK.get(ctx.passage_precision, 0) < _PRECISION_RANK[needed]:
        return None
    if needed == "day":
        return ctx.passage if (ctx.dct - ctx.passage).days > 7 else None
    if ctx.passage.year < ctx.dct.year:
        return ctx.passage
    return None


def _is_rate(ctx: Context, start: int, rate_words: frozenset[str]) -> bool:
    """Whether the text before ``start`` ends with an amount ("$4.75", "20 cents")."""
    before = ctx.text[max(0, start - 24) : start].rstrip()
    if not before:
        return False
    last = before.split()[-1].lower()
    return bool(re.search(r"\d", last)) or last in rate_words


def _shift(anchor: date, unit_word: str, offset: int) -> Reading:
    """The calendar unit containing ``anchor``, moved ``offset`` units ("last week").

    Beyond the calendar (before year 1 or after 9999) only the direction is kept.
    """
    try:
        reading = _shift_unit(anchor, unit_word, offset)
    except (OverflowError, ValueError):
        reading = None
    if reading is None or (reading.value or "").startswith("-"):
        return Reading("PAST_REF" if offset < 0 else "FUTURE_REF", precision="none")
    return reading


def _shift_unit(anchor: date, unit_word: str, offset: int) -> Reading:
    unit = unit_word.rstrip("s") if unit_word not in {"weekends"} else "weekend"
    if unit in {"day", "night"}:
        return Reading((anchor + timedelta(days=offset)).isoformat(), relative=True)
    if unit in {"week", "fortnight"}:
        days = 7 * offset * (2 if unit == "fortnight" else 1)
        return Reading(cal.iso_week(anchor + timedelta(days=days)), precision="week", relative=True)
    if unit == "weekend":
        week = cal.iso_week(anchor + timedelta(days=7 * offset))
        return Reading(f"{week}-WE", precision="week", relative=True)
    if unit == "month":
        year, month = cal.add_months(anchor.year, anchor.month, offset)
        return Reading(cal.iso_month(year, month), precision="month", relative=True)
    if unit == "quarter":
        year, month = cal.add_months(anchor.year, anchor.month, 3 * offset)
        quarter = (month - 1) // 3 + 1
        return Reading(f"{year}-Q{quarter}", precision="quarter", relative=True)
    if unit == "decade":
        return Reading(str(anchor.year // 10 + offset), precision="decade", relative=True)
    if unit in {"century", "centurie", "centuries"}:
        return Reading(f"{anchor.year // 100 + offset:02d}", precision="century", relative=True)
    return Reading(str(anchor.year + offset), precision="year", relative=True)


@lru_cache(maxsize=4096)
def parse_with_dateparser(text: str, dct: date | None) -> tuple[str, str] | None:
    """(value, precision) of an absolute date string by dateparser, or None (cached)."""
    base = datetime.combine(dct, datetime.min.time()) if dct else datetime(2000, 1, 1)
    parser = _dateparser(base)
    data = parser.get_date_data(text)
    if data.date_obj is None:
        return None
    found = data.date_obj.date()
    period = data.period or "day"
    if period == "year":
        return str(found.year), "year"
    if period == "month":
        return cal.iso_month(found.year, found.month), "month"
    return found.isoformat(), "day"


@lru_cache(maxsize=64)
def _dateparser(base: datetime) -> Any:
    """A dateparser parser anchored at ``base`` (imported late: only candidates need it)."""
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": "past",
            "REQUIRE_PARTS": [],
            "STRICT_PARSING": False,
        },
    )
