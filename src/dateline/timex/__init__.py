"""Time expressions normalised against the publication date, and the date of each event.

``find_times`` marks every time expression of an article (TimeML TIMEX3 spans: dates, times,
durations, sets) and gives it an ISO 8601 / TimeML value resolved against the publication
date (the document creation time, DCT). The grammar (``grammar.py``) finds the expressions;
spaCy's DATE/TIME entities confirm the ambiguous ones (a bare "1994", "the year") and bring
the rare forms the grammar lacks, which dateparser reads. The anchoring rules are dateline's:
the tense of the clause decides between the last and the next Sunday (issue 4).

``date_for_event`` gives an event the time expression that governs its clause, else one of
its sentence, else the publication date, and says which.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from ..model import Article, Event, EventDate, TimeExpr
from ..spanindex import SpanIndex
from . import calendar
from .anchors import days_next_to_events
from .counts import counts_a_plural_noun
from .grammar import load_time_grammar
from .readings import UNTOLD, Context, Match, Reading, parse_with_dateparser
from .tense import direction_of, hangs_off_a_verb, tense_of

__all__ = ["date_for_event", "direction_of", "find_times", "tense_of"]

# What may stand between a clock time and its day: "10 a.m. Monday", "Sunday at noon", and
# (rule ``clock_aside_day``, issue 11) a clock time given again in another zone, "10:35 a.m.
# (0735 GMT) Friday" (two expressions then, the clock time dated by the day).
_JOIN_CLOCK = re.compile(
    r"\s*(?:\((?:[^()\n]{0,24}\d[^()\n]{0,24})\)\s*)?(?:,|on|at)?\s*", re.IGNORECASE
)
# An entity worth giving to dateparser: a month name, a four-digit year or a numeric date.
_DATEPARSER_CANDIDATE = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|\b\d{4}\b|\d[/.]\d",
    re.IGNORECASE,
)
_NUMBER_ONLY = re.compile(r"[\d\s.,:;|/-]+")
# Entities whose words are names, not times, even when they hold a time word.
_NAME_LABELS = frozenset({"ORG", "EVENT", "WORK_OF_ART", "FAC", "PRODUCT", "LAW", "PERSON"})
# Figures that are time words by themselves: years, decades, clock times, numeric dates.
# (Other figures, "16 January", "three years", sit beside a month or unit word.)
_DIGIT_TRIGGER = re.compile(
    r"(?<!\d)(?:1[5-9]|20)\d\d(?:s|'s)?$|(?<!\d)'?\d0'?s$|\d[:/.-]\d|^\d{1,2}(?:am|pm)$"
    r"|^['’]\d\d$",
    re.IGNORECASE,
)
_DATES_IN_NAMES = frozenset({"holiday", "day_month", "month_day", "month_year", "iso", "numeric"})
_SENTENCE_END = re.compile(r"[.!?]\s")
# A part of a year that "a year earlier" keeps: a quarter, a half, a season or a month.
_PERIOD_OF_YEAR = re.compile(r"\d{4}-(?P<part>Q[1-4]|H[12]|SP|SU|FA|WI|[01]\d)")
# A comparison with an earlier period: "from a year earlier", "$2 million a year ago".
_COMPARISON = re.compile(
    r"(?:\b(?:from|than|compared|with|versus|vs\.|over|against)|[\d%]|cents?|share)"
    r"[^.;]{0,25}$",
    re.IGNORECASE,
)
# After "a year earlier" at the head of a sentence, the figures it compares: "A year
# earlier, net income was $2.1 million".
_FIGURES_AFTER = re.compile(r",[^.;]{0,60}?(?:\$|%|\bcents?\b|\ba share\b)")
# "the year-earlier quarter", "the year-ago period": the expression names its period.
_NAMES_A_PERIOD = re.compile(r"\b(?:quarter|period)$", re.IGNORECASE)
_NAMES_A_QUARTER = re.compile(r"\bquarter$", re.IGNORECASE)
_QUARTER_OR_HALF = re.compile(r"\d{4}-(?:Q[1-4]|H[12])")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_FULL_DAY = re.compile(r"\d{4}-\d\d-\d\d")
# Rule ``quantity_modifier``: the bounds that stand before a counted stretch, inside its extent.
_QUANTITY_MODIFIER = re.compile(
    r"(?<![\w-])(?:nearly|almost|(?:no\s+)?more\s+than|"
    r"(?:no\s+)?less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to)\s+$",
    re.IGNORECASE,
)
_COUNTED = re.compile(r"PT?\d")
_AGO_END = re.compile(r"\bago$", re.IGNORECASE)
_OR_SO = re.compile(r"\s+or\s+so\b", re.IGNORECASE)
_DAY_BEFORE = re.compile(r"\bthe\s+day\s+(?P<dir>before|after)\s+$", re.IGNORECASE)
# After the first day of a range: "and 25", "-25", "to 25" (not "and 25 people", "-25%").
_RANGE_END_DAY = re.compile(
    r"(?:\s*[-–]\s*|\s+(?:and|to|through)\s+)(?P<d>[0-3]?\d)(?![\d,.]\d|\s*(?:%|percent))"
    r"(?=\s*(?:[,.;:)]|$|(?:in|at|on|and|when|before|after|that|the)\b))",
    re.IGNORECASE,
)
_LONE_MONTH = re.compile(
    r"(?:the\s+)?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?",
    re.IGNORECASE,
)
_ARTICLE_BEFORE = re.compile(r"(?:^|\W)(?:the|a|an)\s+$", re.IGNORECASE)
_PARTIAL_DATE = re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d\d))?")
_PRECISION_RANK = {"day": 3, "week": 3, "month": 2, "season": 2, "quarter": 2, "year": 1}
_PRECISION_RANK |= {"decade": 1, "century": 1}
# "In 2011, ...": a year that opens its sentence frames the passage.
_YEAR_FRAME = re.compile(r"(?:^|[.!?]\S*\s+|\n\s*)In\s+$")
# Rule ``short_year_of``: a part of a year ("2012-SU", "2013-03", "2013-05-03") and a year
# written with two figures after it, "of" or a comma between.
_PART_OF_A_YEAR = re.compile(r"\d{4}(?P<part>-(?:SP|SU|FA|WI|Q[1-4]|H[12]|[01]\d(?:-[0-3]\d)?))")
_SHORT_YEAR = re.compile(r"['’]\d\d")
_OF_BETWEEN = re.compile(r"(?:\s+of)?,?\s+")
_NEED_A_DAY_TOLD_OF = frozenset({"unit_before"})
# How many tokens on each side of a time word the patterns look at.
_WINDOW_TOKENS = 6
# A date used for an event: a calendar value, not a duration, a set or a vague reference.
_CALENDAR_VALUE = re.compile(r"^(?:\d{2,4}|XXXX)")


def find_times(article: Article, doc: Doc, *, whole_text: bool = False) -> list[TimeExpr]:
    """Every time expression of the article, normalised against its publication date.

    The patterns run only around time words unless ``whole_text`` (a check for tests: the
    result must be the same).
    """
    text = article.text
    dct, dct_precision, anchor = _document_date(article)
    entities = [
        (ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ in {"DATE", "TIME"}
    ]
    entity_starts = [s for s, _ in entities]
    names = [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ in _NAME_LABELS]
    name_starts = [s for s, _ in names]

    def in_name(start: int, end: int) -> bool:
        i = bisect_right(name_starts, start)  # entities do not overlap: only one can hold it
        return i > 0 and names[i - 1][1] >= end

    def in_entity(start: int, end: int) -> bool:
        i = bisect_left(entity_starts, end)
        return any(s < end and start < e for s, e in entities[max(0, i - 3) : i])

    def direction(start: int, end: int) -> str | None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        return direction_of(span.root, set(range(span.start, span.end)))

    def on_verb(start: int, end: int) -> bool:
        span = doc.char_span(start, end, alignment_mode="expand")
        return span is None or not len(span) or hangs_off_a_verb(span.root)

    def is_noun(start: int, end: int) -> bool:
        span = doc.char_span(start, end, alignment_mode="expand")
        return span is None or any(t.pos_ in {"NOUN", "PROPN"} for t in span)

    ctx = Context(text, dct, direction, in_entity, is_noun, on_verb=on_verb)
    grammar = load_time_grammar()
    ctx.counts_a_noun = lambda start, end: counts_a_plural_noun(doc, start, end, grammar.lex)
    found: list[Match] = []
    windows = [(0, len(text))] if whole_text else _windows(doc, grammar.trigger_words)
    for window_start, window_end in windows:
        for pattern in grammar.patterns:
            for m in pattern.regex.finditer(text, window_start, window_end):
                if in_name(m.start(), m.end()) and pattern.name not in _DATES_IN_NAMES:
                    # "the Summer Olympics", "the Sunday Times": part of a name (a holiday is
                    # a name that is a date, and a calendar date stays a date inside a name:
                    # "Thanksgiving Day", "the Aug. 7 Embassy bombings")
                    continue
                try:
                    reading = pattern.handler(m, ctx)
                except (ValueError, OverflowError):
                    continue  # a date outside the calendar (year 10000): no reading
                if reading is not None:
                    found.append(Match(m.start(), m.end(), reading, pattern, m))
    chosen = _without_overlaps(found)
    _resolve_in_order(chosen, ctx)
    # Expressions that count from a day of the story and found none ("the day before" with
    # no date before it) are no reading (rule ``unit_before_the_day_told_of``).
    chosen = [
        m
        for m in chosen
        if m.reading.value
        or (m.pattern.name not in _NEED_A_DAY_TOLD_OF and m.reading.precision != UNTOLD)
    ]
    if dct is not None and dct_precision != "day":
        _unresolve_finer_than(chosen, dct_precision, Context(text, None, direction))
    times = _join_clock_times(chosen, text)
    times = _join_short_years(times, text)
    times = _day_before_a_date(times, text)
    times.extend(days_next_to_events(doc, text, times))
    times = _with_quantity_modifiers(times, text)
    times.extend(_second_days_of_ranges(times, text))
    times.extend(_entities_the_grammar_missed(doc, times, dct))
    times.sort(key=lambda t: t[0])
    return [
        TimeExpr(
            start,
            end,
            text[start:end],
            reading.value,
            reading.precision,
            reading.type,
            anchor if reading.relative and dct else None,
        )
        for start, end, reading in times
    ]


def date_for_event(
    event: Event,
    article: Article,
    doc: Doc,
    times_in: Callable[[int, int], Sequence[TimeExpr]] | None = None,
) -> EventDate | None:
    """The time expression governing the event's clause, else its sentence's, else its
    passage's (the sentence before it, else the one after, in the same paragraph: "On Monday
    troops entered the town. They arrested 20 people."), else the publication date.

    ``times_in(start, end)``: the article's time expressions that may lie between two
    offsets, in their order (default: all of them; a caller with many events passes an
    index's lookup, so that each event looks only at the times near it)."""
    sentence = event.sentence
    in_sentence = [
        t
        for t in (times_in or _all_times(article))(sentence.start, sentence.end)
        if sentence.start <= t.start
        and t.end <= sentence.end
        and t.type in {"DATE", "TIME"}
        and t.value
        and _CALENDAR_VALUE.match(t.value)
    ]
    if in_sentence:
        trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        governed = []
        if trigger is not None and len(trigger):
            for time in in_sentence:
                distance = _distance_below(doc, time, trigger.root)
                if distance is not None:
                    governed.append((distance, abs(time.start - event.trigger.start), time))
        if governed:
            return _event_date(min(governed, key=lambda g: (g[0], g[1]))[2], "clause")
        nearest = min(in_sentence, key=lambda t: abs(t.start - event.trigger.start))
        return _event_date(nearest, "sentence")
    passage = _passage_date(event, article, doc, times_in or _all_times(article))
    if passage is not None:
        return _event_date(passage, "passage")
    if article.published:
        published = article.published
        return EventDate(published.value, published.precision, "published")
    return None


# Steps of find_times -----------------------------------------------------------------------


def _document_date(article: Article) -> tuple[date | None, str, str | None]:
    """The DCT: (a date to count from, how much of it is known, the value as published).

    A publication date known to the month or the year ("2006-05", "2006") anchors only the
    expressions that are no finer than it ("last year", "this month").
    """
    published = article.published
    if published is None:
        return None, "none", None
    day = published.as_date()
    if day is not None and published.precision == "day":
        return day, "day", day.isoformat()
    found = _PARTIAL_DATE.match(published.value)
    if found is None:
        return None, "none", None
    year, month = int(found["y"]), found["m"]
    if month and 1 <= int(month) <= 12:
        return date(year, int(month), 15), "month", f"{year:04d}-{int(month):02d}"
    return date(year, 7, 1), "year", f"{year:04d}"


def _unresolve_finer_than(chosen: list[Match], precision: str, unanchored: Context) -> None:
    """Give back the unresolved value to expressions finer than a coarse DCT ("yesterday")."""
    limit = _PRECISION_RANK[precision]
    for match in chosen:
        reading = match.reading
        rank = (
            _PRECISION_RANK["day"]
            if reading.type == "TIME"
            else _PRECISION_RANK.get(reading.precision, 0)
        )
        if reading.relative and rank > limit:
            try:
                again = match.pattern.handler(match.found, unanchored)
            except (ValueError, OverflowError):
                again = None
            match.reading = again or Reading(None, reading.type, reading.precision)


def _windows(doc: Doc, trigger_words: frozenset[str]) -> list[tuple[int, int]]:
    """Stretches of text around the tokens that can be part of a time expression.

    Running the patterns only there keeps the grammar's cost small beside the spaCy pass
    (a time expression never reaches further than a few tokens from its time word).
    """
    windows: list[tuple[int, int]] = []
    last = len(doc) - 1
    for token in doc:
        if token.is_alpha:
            if token.lower_ not in trigger_words:
                continue
        elif token.lower_ not in trigger_words and not _DIGIT_TRIGGER.search(token.text):
            short_year = token.i > 0 and doc[token.i - 1].text in ("'", "’")
            if not (short_year and len(token.text) == 2 and token.text.isdigit()):
                continue
        first = doc[max(0, token.i - _WINDOW_TOKENS)]
        end_token = doc[min(last, token.i + _WINDOW_TOKENS)]
        start, end = first.idx, end_token.idx + len(end_token.text)
        if windows and start <= windows[-1][1] + 1:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def _without_overlaps(found: list[Match]) -> list[Match]:
    """The longest matches that do not overlap (ties: the pattern's priority, then the first)."""
    found.sort(key=lambda m: (-(m.end - m.start), -m.pattern.priority, m.start))
    starts: list[int] = []  # the chosen spans, kept sorted (they never overlap)
    ends: list[int] = []
    chosen: list[Match] = []
    for match in found:
        i = bisect_left(starts, match.end)  # chosen spans starting before this one ends
        if i and ends[i - 1] > match.start:
            continue
        starts.insert(i, match.start)
        ends.insert(i, match.end)
        chosen.append(match)
    chosen.sort(key=lambda m: m.start)
    return chosen


def _resolve_in_order(chosen: list[Match], ctx: Context) -> None:
    """Re-read the matches that lean on an earlier date in text order: "the next day" on the
    date mentioned last; "Saturday", "October" or "Nov. 3" on the time of their passage (the
    last date written out in full in the paragraph, when it lies before the DCT); "a year
    earlier" (in a comparison) and "the quarter" on the quarter the story is about."""
    narrative: tuple[date, str] | None = None
    passage: tuple[date, str, int] | None = None  # (day, precision, where it was written)
    period: Match | None = None  # the last quarter, half, season, month or day mentioned
    previous: Match | None = None
    for match in chosen:
        if match.pattern.narrative:
            ctx.narrative, ctx.narrative_precision = narrative or (None, "day")
            if passage is not None and _near_sentence(ctx.text, passage[2], match.start):
                ctx.passage, ctx.passage_precision = passage[0], passage[1]
            else:
                ctx.passage, ctx.passage_precision = None, "day"
            ctx.period = period.reading.value if period is not None else None
            reading = match.pattern.handler(match.found, ctx)
            if reading is not None:
                match.reading = reading
        names_period = _NAMES_A_PERIOD.search(match.found.group(0)) is not None
        same_sentence = previous is not None and not _SENTENCE_END.search(
            ctx.text, previous.end, match.start
        )
        if previous is not None and same_sentence:
            _same_period(match, previous, ctx.dct, ctx.text)
        elif period is not None and (
            names_period
            or _COMPARISON.search(ctx.text, max(0, match.start - 40), match.start)
            or _FIGURES_AFTER.match(ctx.text, match.end)
        ):
            # "profit rose to $3 million from $2 million a year earlier", "A year earlier, net
            # income was $2 million", "in the year-earlier quarter" in a story about a
            # quarter: the same quarter of the year before.
            _same_period(match, period, ctx.dct, ctx.text)
        if (
            match.pattern.name == "year_earlier"
            and names_period
            and match.reading.precision == "year"
            and ctx.dct is not None
            and not (
                same_sentence
                and previous is not None
                and previous.reading.type == "DURATION"
                and not _NAMES_A_QUARTER.search(match.found.group(0))
            )
        ):
            # "the year-ago quarter" (or "period") with no quarter named before: the quarter
            # just ended, a year earlier (the quarter an earnings report of the DCT is about);
            # "for the nine months ... the year-earlier period" is those months, left a year.
            year, month = calendar.add_months(ctx.dct.year, ctx.dct.month, -3 - 12)
            match.reading = Reading(
                f"{year}-Q{(month - 1) // 3 + 1}", "DATE", "quarter", relative=True
            )
        value = match.reading.value
        if match.reading.type == "DATE" and value:
            narrative = _as_narrative(value) or narrative
            written = _as_narrative(value)
            if (
                written is not None
                and not match.reading.relative
                and ctx.on_verb(match.start, match.end)
                and not _names_a_thing(ctx.text, match.start)
            ):
                # A date that dates a verb sets the time of its passage; one that names a
                # thing ("the Dec. 21, 1988, bombing") does not. A year alone sets it only
                # when it opens its sentence ("In 2011, the team won"; rule
                # ``month_of_the_year_told_of``), not in passing ("shootings dating to 1994").
                precision = written[1]
                if precision == "year" and not _YEAR_FRAME.search(
                    ctx.text, max(0, match.start - 12), match.start
                ):
                    precision = "year_in_passing"
                passage = (written[0], precision, match.end)
            if (
                _QUARTER_OR_HALF.fullmatch(value)
                and match.pattern.name in {"quarter", "two_quarters"}
                and _reported(match, ctx)
            ):
                # Rule ``reported_period`` (issue 11): a quarter still ahead and told of ahead
                # ("expects losses through the third quarter of 1990") is a forecast, not the
                # period the story reports.
                period = match
        previous = match
    ctx.narrative, ctx.narrative_precision = None, "day"
    ctx.passage, ctx.period = None, None


def _reported(match: Match, ctx: Context) -> bool:
    """Whether a quarter or half may be the period a story reports: one that has ended by
    the DCT, or one told of in the past (a fiscal quarter); not one still ahead in a clause
    that looks ahead."""
    value = match.reading.value or ""
    if ctx.dct is None:
        return True
    part = value[5:]
    months = 3 * int(part[1]) if part[0] == "Q" else 6 * int(part[1])
    year, month = calendar.add_months(int(value[:4]), 1, months)
    if date(year, month, 1) <= ctx.dct:
        return True
    return ctx.direction(match.start, match.end) != "future"


def _names_a_thing(text: str, start: int) -> bool:
    """Rule ``date_after_article`` (issue 11): a date right after "the" or "a" modifies the
    noun that follows it ("the Dec. 21, 1988, bombing of Pan Am Flight 103"), whatever the
    parser makes of it, so it does not set the time of its passage."""
    return _ARTICLE_BEFORE.search(text, max(0, start - 5), start) is not None


def _near_sentence(text: str, start: int, end: int) -> bool:
    """Whether ``start`` is in the sentence of ``end`` or the one before it."""
    return (
        start <= end
        and len(_SENTENCE_END.findall(text, start, end)) <= 1
        and (_same_paragraph(text, start, end))
    )


def _same_paragraph(text: str, start: int, end: int) -> bool:
    """Whether nothing between ``start`` and ``end`` ends a paragraph (a blank line)."""
    return start <= end and _PARAGRAPH_BREAK.search(text, start, end) is None


def _same_period(match: Match, previous: Match, dct: date | None, text: str) -> None:
    """ "Third-quarter profit rose from a year earlier": the same quarter (half, season,
    month or day) of the year before."""
    reading, before = match.reading, previous.reading
    if match.pattern.name not in {"ago", "year_earlier"} or reading.precision != "year":
        return
    value = before.value or ""
    period = _PERIOD_OF_YEAR.fullmatch(value)
    if dct is not None and reading.value and reading.value.isdigit() and period:
        if dct.year - int(reading.value) > 1 and not _COMPARISON.search(
            text, max(0, match.start - 40), match.start
        ):
            # Rule ``far_ago_keeps_its_year`` (issue 11): "the rallies of early December,
            # the biggest since the revolution 41 years ago" is not a comparison of two
            # Decembers; only "a year earlier", or a comparison, takes the period before.
            return
        year = int(value[:4]) - (dct.year - int(reading.value))
        match.reading = Reading(f"{year}{value[4:]}", "DATE", before.precision, True)


def _as_narrative(value: str) -> tuple[date, str] | None:
    """A calendar value as (its first day, "day" / "month" / "year"), else None."""
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return date.fromisoformat(value), "day"
    if re.fullmatch(r"\d{4}-\d\d", value):
        return date(int(value[:4]), int(value[5:]), 1), "month"
    if re.fullmatch(r"\d{4}", value) and int(value) > 0:
        return date(int(value), 1, 1), "year"
    return None


def _join_clock_times(chosen: list[Match], text: str) -> list[tuple[int, int, Reading]]:
    """Join a clock time with the day beside it ("10 a.m. Monday", "Sunday at noon")."""
    out: list[tuple[int, int, Reading]] = []
    i = 0
    while i < len(chosen):
        match = chosen[i]
        if i + 1 < len(chosen):
            other = chosen[i + 1]
            between = text[match.end : other.start]
            pair = (match.reading, other.reading)
            if _JOIN_CLOCK.fullmatch(between) and sum(r.clock for r in pair) == 1:
                clock, day = pair if match.reading.clock else pair[::-1]
                day_value = day.value or ""
                if re.fullmatch(r"(?:\d{4}|XXXX)-\d\d-\d\d(?:T[A-Z]{2})?", day_value):
                    clock_part = (clock.value or "").split("T", 1)[-1]
                    joined = Reading(
                        f"{day_value[:10]}T{clock_part}", "TIME", "day", relative=day.relative
                    )
                    if "(" in between:
                        # "10:35 a.m. (0735 GMT) Friday": the aside parts them, so two
                        # expressions, the clock time on the day's date.
                        clock_match = match if match.reading.clock else other
                        day_match = other if match.reading.clock else match
                        out.append((clock_match.start, clock_match.end, joined))
                        out.append((day_match.start, day_match.end, day_match.reading))
                        out.sort(key=lambda t: t[0])
                    else:
                        out.append((match.start, other.end, joined))
                    i += 2
                    continue
        out.append((match.start, match.end, match.reading))
        i += 1
    return out


def _join_short_years(
    times: list[tuple[int, int, Reading]], text: str
) -> list[tuple[int, int, Reading]]:
    """Rule ``short_year_of`` (issue 11): "the summer of '08", "March '09", "May 3, '98": a
    part of a year followed by a year written with two figures is one expression, in that
    year (the short year is read as the short-year rule reads it)."""
    out: list[tuple[int, int, Reading]] = []
    i = 0
    while i < len(times):
        start, end, reading = times[i]
        if i + 1 < len(times):
            next_start, next_end, year = times[i + 1]
            part = _PART_OF_A_YEAR.fullmatch(reading.value or "")
            if (
                reading.type == "DATE"
                and part is not None
                and _SHORT_YEAR.fullmatch(text, next_start, next_end)
                and _OF_BETWEEN.fullmatch(text, end, next_start)
                and (year.value or "").isdigit()
            ):
                value = f"{year.value}{part['part']}"
                out.append((start, next_end, Reading(value, "DATE", reading.precision)))
                i += 2
                continue
        out.append((start, end, reading))
        i += 1
    return out


def _day_before_a_date(
    times: list[tuple[int, int, Reading]], text: str
) -> list[tuple[int, int, Reading]]:
    """Rule ``day_before_date`` (issue 11): "the day before last Tuesday's hearing", "the
    day after Christmas": one expression, the day next to the date it leans on (as "the day
    before yesterday" is), once that date is resolved."""
    out = []
    for start, end, reading in times:
        found = _DAY_BEFORE.search(text, max(0, start - 30), start)
        value = reading.value or ""
        if found is not None and reading.type == "DATE" and _FULL_DAY.fullmatch(value):
            step = -1 if found["dir"].lower() == "before" else 1
            day = date.fromisoformat(value) + timedelta(days=step)
            out.append((found.start(), end, Reading(day.isoformat(), "DATE", "day", True)))
        else:
            out.append((start, end, reading))
    return out


def _with_quantity_modifiers(
    times: list[tuple[int, int, Reading]], text: str
) -> list[tuple[int, int, Reading]]:
    """Rule ``quantity_modifier`` (issue 11): a bound on a counted stretch is part of the
    expression, as TimeML marks it (its ``mod``: MORE_THAN, LESS_THAN, EQUAL_OR_MORE ...):
    "nearly two years", "more than four hours ago", "at least 30 days", "up to 180 days";
    so is a trailing "or so" ("the next two years or so"). The value stays the stretch's.
    Left out: "over" and "under", as often the preposition ("spread over two years"), and
    the approximators "about", "around", "some", which the TBAQ corpora mark inside the
    expression and outside it about equally."""
    out: list[tuple[int, int, Reading]] = []
    for start, end, reading in times:
        value = reading.value or ""
        counted = reading.type == "DURATION" and _COUNTED.match(value) is not None
        ago = reading.type == "DATE" and _AGO_END.search(text, start, end) is not None
        before = None
        if counted or ago:
            before = _QUANTITY_MODIFIER.search(text, max(0, start - 30), start)
        previous_end = out[-1][1] if out else 0
        if before is not None and before.start() >= previous_end:
            start = before.start()
        if counted:
            after = _OR_SO.match(text, end)
            if after is not None:
                end = after.end()
        out.append((start, end, reading))
    return out


def _second_days_of_ranges(
    times: list[tuple[int, int, Reading]], text: str
) -> list[tuple[int, int, Reading]]:
    """Rule ``range_second_day`` (issue 11): "on April 24 and 25", "March 3-5": the second
    day of a range written with one month is a date of its own, in the first day's month
    and year."""
    out = []
    starts = {start for start, _, _ in times}
    for _, end, reading in times:
        value = reading.value or ""
        if reading.type != "DATE" or not _FULL_DAY.fullmatch(value) or not text[end - 1].isdigit():
            continue
        found = _RANGE_END_DAY.match(text, end)
        if found is None or found.start("d") in starts:
            continue
        first = date.fromisoformat(value)
        second = int(found["d"])
        if not first.day < second <= 31:
            continue
        try:
            day = first.replace(day=second)
        except ValueError:
            continue
        out.append(
            (found.start("d"), found.end("d"), Reading(day.isoformat(), "DATE", "day", True))
        )
    return out


def _entities_the_grammar_missed(
    doc: Doc, times: list[tuple[int, int, Reading]], dct: date | None
) -> list[tuple[int, int, Reading]]:
    """DATE entities that no rule matched, read by dateparser when they look like dates."""
    out = []
    found = SpanIndex(times, lambda t: ((t[0], t[1]),))
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        start, end = ent.start_char, ent.end_char
        if any(s < end and start < e for s, e, _ in found.overlapping(start, end)):
            continue
        if not _DATEPARSER_CANDIDATE.search(ent.text) or _NUMBER_ONLY.fullmatch(ent.text):
            continue  # a bare figure the year rule did not take is a count, not a year
        if _LONE_MONTH.fullmatch(ent.text):
            # Rule ``lone_month_judged`` (issue 11): the month rule has judged a month name on
            # its own ("the annual March for Life" is a name); the entity does not revive it.
            continue
        parsed = parse_with_dateparser(ent.text, dct)
        if parsed is None:
            continue
        value, precision = parsed
        out.append((start, end, Reading(value, "DATE", precision, relative=dct is not None)))
    return out


# Steps of date_for_event -------------------------------------------------------------------


def _all_times(article: Article) -> Callable[[int, int], Sequence[TimeExpr]]:
    return lambda start, end: article.times


def _passage_date(
    event: Event,
    article: Article,
    doc: Doc,
    times_in: Callable[[int, int], Sequence[TimeExpr]],
) -> TimeExpr | None:
    """The date of the sentence next to the event's (before it first) in its paragraph."""
    span = doc.char_span(event.sentence.start, event.sentence.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    sentence = span[0].sent
    neighbours = []
    if sentence.start > 0:
        neighbours.append(doc[sentence.start - 1].sent)
    if sentence.end < len(doc):
        neighbours.append(doc[sentence.end].sent)
    for other in neighbours:
        lo = min(other.start_char, sentence.start_char)
        hi = max(other.end_char, sentence.end_char)
        if _PARAGRAPH_BREAK.search(article.text[lo:hi].rstrip()):
            continue  # another paragraph: another passage
        dates = [
            t
            for t in times_in(other.start_char, other.end_char)
            if other.start_char <= t.start
            and t.end <= other.end_char
            and t.type in {"DATE", "TIME"}
            and t.value
            and _CALENDAR_VALUE.match(t.value)
        ]
        if dates:
            # The one nearest the event's sentence.
            return max(dates, key=lambda t: t.start) if other.start < sentence.start else dates[0]
    return None


def _distance_below(doc: Doc, time: TimeExpr, trigger: Token) -> int | None:
    """How many arcs lead up from the time expression to the trigger (None: not below it)."""
    span = doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    token, steps = span.root, 0
    while steps < 12:
        if token.i == trigger.i:
            return steps
        if token.head.i == token.i:
            return None
        token, steps = token.head, steps + 1
    return None


def _event_date(time: TimeExpr, source: str) -> EventDate:
    value = time.value or ""
    if time.type == "TIME":
        value = value[:10]
    return EventDate(value, time.precision, source, time.start, time.end, time.text)
