"""The time-expression grammar: patterns over the text, each with the rule that gives its value.

Every pattern is a regular expression built once from the word lists of ``lexicon.json`` and
paired with a handler that turns a match into a TimeML reading (value, type, precision). The
handlers do the anchoring arithmetic against the document creation time (DCT) and ask the
caller for the tense of the clause where the direction matters ("on Sunday" said in the past
is the last Sunday, said in the future the next one). Spans follow the TimeML convention: no
leading preposition ("on Sunday" is marked "Sunday"), determiners and modifiers kept ("the
past two years", "earlier this year").

The handlers live by family in ``absolute.py``, ``relative.py`` and ``durations.py``; the
readings, the context and the calendar arithmetic they share in ``readings.py``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .absolute import AbsoluteDates
from .durations import DurationsAndSets
from .lexicon import TimeLexicon, load_time_lexicon
from .readings import (
    _SPOKEN_YEAR,
    UNTOLD,
    Context,
    Handler,
    Match,
    Pattern,
    Reading,
    parse_with_dateparser,
    year_value,
)
from .relative import RelativeDates

__all__ = [
    "UNTOLD",
    "Context",
    "Match",
    "Pattern",
    "Reading",
    "TimeGrammar",
    "load_time_grammar",
    "parse_with_dateparser",
    "year_value",
]


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


class TimeGrammar(AbsoluteDates, RelativeDates, DurationsAndSets):
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


@lru_cache(maxsize=1)
def load_time_grammar() -> TimeGrammar:
    """The compiled grammar (built once per process)."""
    return TimeGrammar(load_time_lexicon())
