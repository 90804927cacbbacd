"""The time-expression grammar: patterns over the text, each with the rule that gives its value.

Every pattern is a regular expression built once from the word lists of ``lexicon.json`` and
paired with a handler that turns a match into a TimeML reading (value, type, precision). The
handlers do the anchoring arithmetic against the document creation time (DCT) and ask the
caller for the tense of the clause where the direction matters ("on Sunday" said in the past
is the last Sunday, said in the future the next one). Spans follow the TimeML convention: no
leading preposition ("on Sunday" is marked "Sunday"), determiners and modifiers kept ("the
past two years", "earlier this year").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from . import calendar as cal
from .lexicon import TimeLexicon, load_time_lexicon


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


def _alternation(words: list[str] | set[str] | frozenset[str]) -> str:
    """Words as a regex alternation, longest first, with flexible inner whitespace."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _title_forms(words: list[str], dotted: bool) -> str:
    """Case-sensitive alternation of Title and UPPER forms, abbreviations with an optional dot."""
    forms: set[str] = set()
    for word in words:
        for form in (word.title(), word.upper()):
            forms.add(re.escape(form) + (r"\.?" if dotted else ""))
    ordered = sorted(forms, key=len, reverse=True)
    return "(?-i:" + "|".join(ordered) + ")"


_L = r"(?<![\w-])(?<!\d[,.])"  # left edge of a word (not inside "15,000")
_R = r"(?![\w])"  # right edge (abbreviations may end in a dot)


class TimeGrammar:
    """The compiled patterns of the time grammar and their handlers."""

    def __init__(self, lexicon: TimeLexicon) -> None:
        self.lex = lexicon
        full_months = [m for m in lexicon.months if len(m) > 4 or m in {"may", "june", "july"}]
        abbreviations = [m for m in lexicon.months if m not in full_months]
        full_days = [d for d in lexicon.weekdays if d.endswith("day")]
        short_days = [d for d in lexicon.weekdays if not d.endswith("day")]
        self.month_any = (
            "(?:" + _title_forms(full_months, False) + "|" + _title_forms(abbreviations, True) + ")"
        )
        self.month_full = _title_forms(full_months, False)
        self.weekday = (
            "(?:"
            + _title_forms(full_days, False)
            + "|(?-i:"
            + "|".join(re.escape(d.title()) + r"\." for d in short_days)
            + "))"
        )
        tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
        units_1_9 = "one|two|three|four|five|six|seven|eight|nine"
        number_words = _alternation(list(lexicon.numbers))
        figures = r"\d{1,3}(?:,\d{3})+|\d+(?:\s+1/2|\.\d+)?"
        self.number = rf"(?:{figures}|(?:{tens})[-\s](?:{units_1_9})|{number_words})"
        self.vague = _alternation(list(lexicon.vague_numbers))
        unit_words = sorted(set(lexicon.units), key=len, reverse=True)
        self.unit = "(?:" + "|".join(unit_words) + ")"
        self.season = _alternation(list(lexicon.seasons))
        self.pod = _alternation(list(lexicon.parts_of_day))
        self.modifier = _alternation(list(lexicon.position_modifiers))
        self._month_day_before = re.compile(rf"{self.month_any}\s+\d{{1,2}},?\s+$", re.IGNORECASE)
        self._shared_nights = re.compile(
            rf"\s+(?:and|or)\s+{self.weekday}\s+(?P<pod>{self.pod})s\b", re.IGNORECASE
        )
        self.patterns = self._build()
        self.trigger_words = self._trigger_words()

    # Building --------------------------------------------------------------------------

    def _trigger_words(self) -> frozenset[str]:
        """Lower-case tokens at least one of which every time expression holds (besides digits).

        ``find_times`` runs the patterns only on the stretches of text around these tokens.
        """
        lex = self.lex
        words: set[str] = set()
        for unit in lex.units:
            words.update({unit, unit + "s", unit + "es"})
        words.update({"centuries", "weekend", "weekends", "half", "a.m.", "p.m.", "am", "pm"})
        words.update({"ago", "year-earlier", "year-ago", "year-end", "tonight", "overnight"})
        words.update({"current", "recent", "period", "nineteen", "eighteen", "thousand"})
        words.update({"gmt", "utc"})  # "0600 GMT" (clock_in_a_zone)
        for table in (lex.months, lex.weekdays):
            for word in table:
                words.update({word, word + ".", word + "s"})
        for phrases in (
            lex.seasons,
            lex.parts_of_day,
            lex.relative_days,
            lex.references,
            lex.sets,
            lex.named_times,
            lex.decade_words,
            lex.holidays,
        ):
            for phrase in phrases:
                words.update(phrase.lower().replace("'s", "").split())
        return frozenset(words - lex.not_triggers)

    def _compile(self, body: str) -> re.Pattern[str]:
        left = "" if body.startswith("(?<=") else _L
        return re.compile(left + body + _R, re.IGNORECASE)

    def _build(self) -> list[Pattern]:
        month_any, month_full, weekday = self.month_any, self.month_full, self.weekday
        num, vague, unit = self.number, self.vague, self.unit
        mod = self.modifier
        ordinal_day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
        year = rf"(?P<y>(?:1[5-9]|20)\d\d|{_SPOKEN_YEAR})"
        rel = rf"(?P<rel>{_alternation(list(self.lex.relative_words))})"
        units_rel = rf"(?P<unit>{unit}s?|weekend|{self.season})"
        lex = self.lex
        specs: list[tuple[str, str, Handler, int, bool]] = [
            (
                "iso",
                r"(?P<y>(?:1[5-9]|20)\d\d)-(?P<mo>[01]\d)-(?P<d>[0-3]\d)"
                r"(?:T(?P<h>[0-2]\d):(?P<mi>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d|\+)?)?",
                self._iso,
                5,
                False,
            ),
            (
                "numeric",
                r"(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/.]\d)",
                self._numeric,
                4,
                False,
            ),
            (
                "day_month",
                rf"(?:(?P<wd>{weekday}),?\s+)?(?:the\s+)?{ordinal_day}(?:\s+of)?\s+(?P<m>{month_any})"
                rf"(?:,?\s+{year})?",
                self._day_month,
                3,
                True,
            ),
            (
                "month_day",
                rf"(?:(?P<wd>{weekday}),?\s+)?(?P<m>{month_any})\s+{ordinal_day}(?!\d)(?!\s*%)"
                rf"(?:,?\s+{year})?",
                self._day_month,
                3,
                True,
            ),
            (
                "week_of",  # "the week of March 6": the week that holds the day (issue 11)
                rf"the\s+week\s+of\s+(?:(?P<wd>{weekday}),?\s+)?(?P<m>{month_any})\s+{ordinal_day}"
                rf"(?!\d)(?:,?\s+{year})?",
                self._week_of,
                4,
                True,
            ),
            (
                "prefixed_year",  # "the post-1959 politics", "pre-1990 levels": the year
                r"(?:pre|post)-(?P<y>(?:1[5-9]|20)\d\d)(?![\d%]|s)",
                self._prefixed_year,
                1,
                False,
            ),
            (
                "month_year",
                rf"(?:(?P<mod>{mod})[-\s]*)?(?P<m>{month_any}),?\s+(?:of\s+)?{year}(?!\d|,\d)",
                self._month_year,
                3,
                False,
            ),
            (
                "month_of_year",  # "June last year", "January this year"
                rf"(?P<m>{month_full})\s+(?:of\s+)?(?P<rel>last|this|next)\s+year",
                self._month_of_year,
                3,
                False,
            ),
            (
                "month",
                rf"(?:(?P<rel>last|next|this|coming|past)\s+|(?P<mod>{mod})[-\s]*)?(?P<m>{month_full})",
                self._month,
                1,
                True,
            ),
            (
                "weekday",
                rf"(?:(?P<rel>last|next|this|coming|past)\s+|(?P<mod>early|late)\s+|"
                r"the\s+(?P<anc>previous|preceding|following)\s+|"
                rf"(?:early|late|mid(?!night))[-\s]?(?P<pod0>{self.pod})\s+)?(?P<wd>{weekday})"
                rf"(?:\s+(?P<pod>{self.pod})(?P<every>s)?)?",
                self._weekday,
                2,
                True,
            ),
            ("weekdays", rf"(?<=on\s)(?P<wd>{weekday})s", self._weekdays_set, 2, False),
            (
                "relative_day",
                rf"(?:(?P<mod>early|late)\s+|(?:early|late|mid(?!night))[-\s]?(?P<pod0>{self.pod})\s+)?"
                rf"(?P<rd>{_alternation(list(lex.relative_days))})(?:\s+(?P<pod>{self.pod}))?",
                self._relative_day,
                2,
                False,
            ),
            (
                "unit_before",  # "The day before, rebels had fled" (issue 11)
                r"the\s+(?P<unit>day|night|week|month|year)\s+(?P<dir>before|after)"
                r"(?=\s*(?:[,.;:)]|$))",
                self._unit_before,
                3,
                True,
            ),
            (
                "day_before",
                r"the\s+day\s+(?P<dir>before|after)\s+(?P<rd>yesterday|tomorrow)",
                self._day_before,
                3,
                False,
            ),
            (
                "day_of_a_stretch",  # "today is the eighth day of the strike" (issue 11)
                rf"the\s+(?P<ord>{_alternation(list(lex.century_ordinals))}|\d{{1,3}}(?:st|nd|rd|th))"
                r"\s+day(?=\s+of\s)",
                self._day_of_a_stretch,
                2,
                False,
            ),
            ("this_pod", rf"(?P<rel>this|last)\s+(?P<pod>{self.pod})", self._this_pod, 2, False),
            (
                "relative_unit",
                rf"(?:(?P<mod>{mod})\s+)?(?:(?P<the>the)\s+)?{rel}\s+(?:fiscal\s+)?{units_rel}",
                self._relative_unit,
                2,
                True,
            ),
            (
                "ago",
                rf"(?P<num>{num}|{vague})\s+(?P<unit>{unit})s?\s+(?:or\s+so\s+)?"
                # "ago" stays a date before any word ("two years ago in its ruling"); "earlier"
                # and "later" before "than", "on", "in", "at" are adverbs of their own (the
                # handler keeps them after "from": rule ``from_a_year_earlier``).
                r"(?P<dir>ago|earlier|later|from\s+now|hence)",
                self._ago,
                4,
                True,
            ),
            (
                "duration",
                rf"(?:(?P<the>the)\s+)?(?:(?P<rel>past|last|next|coming|first|previous|final|"
                rf"following|initial|remaining)\s+)?"
                rf"(?:(?P<low>{num})(?:\s*[-–]\s*|\s+(?:to|or)\s+))?(?P<num>{num}|{vague})\s+"
                rf"(?:(?:{_alternation(list(lex.duration_adjectives))})\s+)?"
                rf"(?P<unit>{unit})s?(?P<half>\s+and\s+a\s+half)?",
                self._duration,
                1,
                False,
            ),
            (
                "hyphen_duration",
                rf"(?P<num>\d+|{num})-(?P<unit>{unit})(?P<old>-olds?)?",
                self._duration,
                1,
                False,
            ),
            (
                "bare_units",
                r"(?:(?P<the>the)\s+)?(?P<unit>years|months|weeks|days|decades|hours|minutes|"
                r"centuries)(?!\s+(?:ago|to|later|earlier))",
                self._bare_units,
                0,
                False,
            ),
            (
                "year",
                rf"(?<![$#£€\d,.])(?:(?P<mod>{mod})[-\s]*)?(?P<the_year>the\s+year\s+)?(?P<fiscal>fiscal\s+)?{year}(?![\d%]|s|\s*percent|,\d|\.\d|-\d(?!\d{{3}}(?!\d)))",
                self._year,
                1,
                False,
            ),
            (
                "range_end",  # the second year of "1990-1995" (the first is a "year")
                r"(?<=\d\d\d\d[-–])(?P<y>(?:1[5-9]|20)\d\d)(?![\d%]|s)",
                self._range_end,
                1,
                False,
            ),
            (
                "decade",
                rf"(?:the\s+)?(?:(?P<mod>{mod})[-\s]*)?(?:(?P<c>1[5-9]|20)(?P<d>\d)0'?s|"
                rf"(?P<apostrophe>')?(?P<d2>\d)0'?s|(?P<w>{_alternation(list(lex.decade_words))}))",
                self._decade,
                2,
                False,
            ),
            (
                "century",
                r"(?:the\s+)?(?:(?P<mod>early|late|mid)[-\s]*)?"
                rf"(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<w>{_alternation(list(lex.century_ordinals))}))"
                r"[-\s]century",
                self._century,
                2,
                False,
            ),
            (
                "season",
                rf"(?:(?P<mod>{mod})[-\s]*)?(?:(?P<the>the)\s+)?(?P<s>{self.season})"
                rf"(?:(?:\s+of)?,?\s+{year})?",
                self._season,
                1,
                False,
            ),
            (
                "quarter",
                r"(?:the\s+)?(?:(?P<ago>year-(?:earlier|ago))\s+)?(?:(?P<y0>(?:19|20)\d\d)\s+)?"
                r"(?:(?P<ry>last|next|this)\s+year['’]s\s+)?(?:(?:fiscal|calendar)[-\s]+)?"
                r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|"
                r"4th|final|last(?=[-\s]half\s+of\s+(?:\d{4}|(?:last|this|next)\s+year|the\s+year)))[-\s](?P<part>quarter|half)(?:\s+of\s+(?:(?P<y>\d{4})|"
                r"(?P<rel>last|this|next)\s+year|(?P<theyear>the\s+year)))?",
                self._quarter,
                2,
                False,
            ),
            (
                "two_quarters",  # "the first two quarters of 1990": a half (issue 11)
                r"(?:the\s+)?(?P<ord>first|last|final|second)\s+two\s+quarters"
                r"(?:\s+of\s+(?:(?P<y>\d{4})|(?P<rel>last|this|next)\s+year))?",
                self._two_quarters,
                2,
                False,
            ),
            (
                "year_period",  # "the 1988 quarter", "the 1989 period" of an earnings story
                r"the\s+(?P<y>(?:19|20)\d\d)\s+(?:period|quarter)",
                self._year_period,
                2,
                True,
            ),
            (
                "period_a_year_back",  # "the quarter a year ago", "last year's period"
                r"(?:the\s+(?:(?:same|comparable|corresponding|year-ago|year-earlier)\s+)?"
                r"(?:quarter|period)\s+(?:(?:a|one)\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year)"
                r"|last\s+year['’]s\s+(?:(?:same|comparable|corresponding)\s+)?(?:quarter|period))",
                self._period_a_year_back,
                3,
                True,
            ),
            (
                "clock",
                r"(?P<h>[0-2]?\d)(?:[:.](?P<mi>[0-5]\d)(?::(?P<sec>[0-5]\d))?)?\s*"
                r"(?P<ap>a\.m\.|p\.m\.|a\.m|p\.m|am|pm)"
                r"(?:\s+(?P<tz>(?-i:[A-Z]{2,4}T|GMT|UTC)))?",
                self._clock,
                2,
                False,
            ),
            (
                "clock24",
                r"(?P<h>[0-2]?\d):(?P<mi>[0-5]\d)(?::(?P<sec>[0-5]\d)(?:\.\d+)?)?(?![\d:])",
                self._clock24,
                1,
                False,
            ),
            (
                "clock_zone",  # "at 0600 GMT" (issue 11); "(0735 GMT)" beside a clock is an aside
                r"(?<![(\d])(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s+(?P<tz>(?-i:GMT|UTC))",
                self._clock_zone,
                2,
                False,
            ),
            (
                "short_year",  # "in '98", "the class of '04": a year written with two figures
                r"(?<=\s)['’](?P<yy>\d\d)(?![\d'’s])",
                self._short_year,
                1,
                False,
            ),
            (
                "named_time",
                rf"(?P<t>{_alternation(list(lex.named_times))})",
                self._named_time,
                1,
                False,
            ),
            (
                "reference",
                rf"(?P<r>{_alternation(list(lex.references))})",
                self._reference,
                1,
                False,
            ),
            (
                "every",
                rf"(?:every|each)\s+(?:(?P<other>other)\s+)?(?:(?P<num>{num})\s+)?"
                rf"(?:(?P<wd>{weekday})|(?P<unit>{unit})s?|(?P<pod>{self.pod})|(?P<m>{month_full}))",
                self._every,
                2,
                False,
            ),
            ("set_word", rf"(?-i:(?P<w>{_alternation(list(lex.sets))}))", self._set_word, 1, False),
            (
                "frequency",
                rf"(?P<f>{_alternation(list(lex.frequencies))}|{num}\s+times)\s+(?:a|an|per|every|each)"
                rf"\s+(?P<unit>{unit})",
                self._frequency,
                3,
                False,
            ),
            (
                "weekend",
                r"(?:(?P<the>the)\s+)?weekends?(?=\s|[.,;:!?)])",
                self._weekend,
                0,
                False,
            ),
            (
                "year_earlier",
                r"(?:the\s+)?(?:year-(?:earlier|ago)(?:\s+(?:period|quarter|month|level|figure|"
                r"results))?|(?P<end>year-end))",
                self._year_earlier,
                2,
                False,
            ),
            (
                "holiday",
                rf"(?:(?P<rel>last|next|this)\s+)?(?P<h>(?-i:{_alternation(list(lex.holidays))}))",
                self._holiday,
                2,
                False,
            ),
            (
                "latest_period",
                r"the\s+(?:latest|most\s+recent)\s+(?:quarter|period)",
                self._latest_period,
                3,
                True,
            ),
            (
                "present_adjective",
                r"(?-i:(?P<then>then[-\s]+)?(?P<w>current|recent))(?=\s+[a-z])",
                self._present_adjective,
                0,
                False,
            ),
            (
                "the_unit",
                rf"(?:(?P<mod>{mod})\s+)?the\s+(?P<full>full\s+)?(?:fiscal\s+)?"
                r"(?P<unit>year|month|week|quarter)(?!-)",
                self._the_unit,
                0,
                True,
            ),
        ]
        return [
            Pattern(name, self._compile(body), handler, priority, narrative)
            for name, body, handler, priority, narrative in specs
        ]

    # Helpers ---------------------------------------------------------------------------

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

    # Handlers: absolute dates -----------------------------------------------------------

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

    # Handlers: relative dates -----------------------------------------------------------

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

    # Handlers: durations, times of day, references, sets --------------------------------

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


@lru_cache(maxsize=1)
def load_time_grammar() -> TimeGrammar:
    """The compiled grammar (built once per process)."""
    return TimeGrammar(load_time_lexicon())
