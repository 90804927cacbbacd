"""Time expressions normalised against the publication date, and each event's date (issue 4)."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from conftest import FIXTURES, SEED_DATE
from dateline import Settings
from dateline.eval.tempeval import read_timeml
from dateline.model import Article, Event, PublishedDate, Span, TimeExpr
from dateline.nlp import load_nlp
from dateline.timex import date_for_event, find_times
from dateline.timex.calendar import weekday_near, year_for_month_day


@pytest.fixture(scope="module")
def nlp(settings: Settings) -> Language:
    return load_nlp(settings.spacy_model)


def times_of(nlp: Language, text: str, published: str | None = SEED_DATE) -> list[TimeExpr]:
    article = Article(text, published=PublishedDate(published) if published else None)
    return find_times(article, nlp(text))


def values_of(nlp: Language, text: str, published: str | None = SEED_DATE) -> dict[str, str]:
    """The value of each time expression found in ``text``, by its words."""
    return {t.text: t.value for t in times_of(nlp, text, published)}


def only(nlp: Language, text: str, published: str | None = SEED_DATE) -> TimeExpr:
    found = times_of(nlp, text, published)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    return found[0]


def test_seed_times_resolve_against_the_document_date(nlp: Language, seed_text: str) -> None:
    found = {t.text: t for t in times_of(nlp, seed_text)}
    assert found["16 January"].value == "2006-01-16"
    assert found["6 February"].value == "2006-02-06"
    assert found["Sunday"].value == "2006-05-21"
    assert found["earlier this year"].value == "2006"
    assert (found["a week"].value, found["a week"].type) == ("P1W", "DURATION")
    assert found["Sunday"].anchor == SEED_DATE


def test_every_span_points_at_its_text_without_the_preposition(
    nlp: Language, seed_text: str
) -> None:
    found = times_of(nlp, seed_text)
    assert all(seed_text[t.start : t.end] == t.text for t in found)
    assert not any(t.text.lower().startswith(("on ", "in ")) for t in found)


@pytest.mark.parametrize(
    ("sentence", "text", "value", "kind"),
    [
        ("They met yesterday.", "yesterday", "2006-05-22", "DATE"),
        ("He will arrive tomorrow.", "tomorrow", "2006-05-24", "DATE"),
        ("The talks ended last week.", "last week", "2006-W20", "DATE"),
        ("Prices rose this month.", "this month", "2006-05", "DATE"),
        ("The economy shrank last year.", "last year", "2005", "DATE"),
        ("He was elected three years ago.", "three years ago", "2003", "DATE"),
        ("She left two weeks ago.", "two weeks ago", "2006-W19", "DATE"),
        ("The army withdrew in March.", "March", "2006-03", "DATE"),
        ("The army withdrew in December.", "December", "2005-12", "DATE"),
        ("The vote will be held in December.", "December", "2006-12", "DATE"),
        ("The law was passed in 2004.", "2004", "2004", "DATE"),
        ("The 1994 genocide killed 800,000 people.", "1994", "1994", "DATE"),
        ("Prices soared in the 1990s.", "the 1990s", "199", "DATE"),
        ("Cities grew in the late 1800s.", "the late 1800s", "18", "DATE"),
        ("The rebels attacked on January 16, 2005.", "January 16, 2005", "2005-01-16", "DATE"),
        ("Rebels attacked on 3 June.", "3 June", "2005-06-03", "DATE"),
        ("It rained heavily last summer.", "last summer", "2005-SU", "DATE"),
        ("Profit fell in the first quarter.", "the first quarter", "2006-Q1", "DATE"),
        ("They met on Sunday morning.", "Sunday morning", "2006-05-21TMO", "TIME"),
        ("The curfew lasted seven months.", "seven months", "P7M", "DURATION"),
        ("He was jailed for three years.", "three years", "P3Y", "DURATION"),
        ("Jobs fell over the past two years.", "the past two years", "P2Y", "DURATION"),
        ("The council meets every Sunday.", "every Sunday", "XXXX-WXX-7", "SET"),
        ("The ministry publishes a weekly report.", "weekly", "P1W", "SET"),
        ("The vote is at 3:30 p.m. Thursday.", "3:30 p.m. Thursday", "2006-05-25T15:30", "TIME"),
        ("He is now in hospital.", "now", "PRESENT_REF", "DATE"),
    ],
)
def test_expression_is_normalised_to_its_timeml_value(
    nlp: Language, sentence: str, text: str, value: str, kind: str
) -> None:
    found = only(nlp, sentence)
    assert (found.text, found.value, found.type) == (text, value, kind)


def test_scanning_only_around_time_words_loses_nothing(nlp: Language) -> None:
    for path in sorted((FIXTURES / "time").glob("*.tml")):
        document = read_timeml(path)
        article = Article(document.text, published=PublishedDate(document.dct or SEED_DATE))
        doc = nlp(document.text)
        assert find_times(article, doc) == find_times(article, doc, whole_text=True), path.name


def test_weekday_follows_the_tense_of_its_clause(nlp: Language) -> None:
    # 2006-05-23 is a Tuesday.
    assert only(nlp, "The rebels attacked on Sunday.").value == "2006-05-21"
    assert only(nlp, "The rebels will meet on Sunday.").value == "2006-05-28"
    assert only(nlp, "The rebels attacked last Tuesday.").value == "2006-05-16"
    reported = only(nlp, "The company said it would announce results on Friday.")
    assert reported.value == "2006-05-26"


def test_earlier_this_year_is_the_year_of_the_document(nlp: Language) -> None:
    found = only(nlp, "Representatives met the ambassador earlier this year in Amman.")
    assert (found.value, found.precision) == ("2006", "year")


def test_range_gives_both_ends(nlp: Language) -> None:
    found = times_of(nlp, "Between 2004 and 2006, exports doubled.")
    assert [t.value for t in found] == ["2004", "2006"]
    assert [t.value for t in times_of(nlp, "The war lasted from 1990-1995.")] == ["1990", "1995"]
    found = times_of(nlp, "The rains fell from May to July.", "2006-09-01")
    assert [(t.text, t.value) for t in found] == [("May", "2006-05"), ("July", "2006-07")]


def test_without_a_publication_date_relative_values_stay_unresolved(nlp: Language) -> None:
    found = {t.text: t for t in times_of(nlp, "On 16 January, a day before yesterday.", None)}
    assert found["16 January"].value == "XXXX-01-16"
    assert found["16 January"].anchor is None
    absolute = only(nlp, "The law was passed in 2004.", None)
    assert (absolute.value, absolute.anchor) == ("2004", None)


def test_publication_date_known_to_the_year_anchors_only_years(nlp: Language) -> None:
    text = "Last year the rebels attacked on 16 January and again yesterday."
    article = Article(text, published=PublishedDate("2006", "year"))
    found = {t.text: t for t in find_times(article, nlp(text))}
    assert (found["Last year"].value, found["Last year"].anchor) == ("2005", "2006")
    assert (found["16 January"].value, found["16 January"].anchor) == ("XXXX-01-16", None)
    assert found["yesterday"].value is None


def test_may_as_a_verb_is_not_a_month(nlp: Language) -> None:
    assert times_of(nlp, "May I say the talks were useful.") == []
    assert only(nlp, "The talks began in May.").value == "2006-05"


def test_later_counts_from_the_date_mentioned_before(nlp: Language) -> None:
    text = "In 1995 the rebels took the capital. Two years later, they lost it."
    assert [t.value for t in times_of(nlp, text)] == ["1995", "1997"]
    text = "On March 3, 2001 the army attacked; the next day the rebels fled."
    assert [t.value for t in times_of(nlp, text)] == ["2001-03-03", "2001-03-04"]


def test_counts_beyond_the_calendar_keep_only_their_direction(nlp: Language) -> None:
    found = times_of(nlp, "Humans arrived 15,000 years ago; 9,000,000 days ago it was cold.")
    assert [t.value for t in found] == ["PAST_REF", "PAST_REF"]


def test_a_year_earlier_keeps_the_period_of_its_sentence(nlp: Language) -> None:
    text = "Third-quarter profit rose 23% from a year earlier. He left a year ago."
    assert [t.value for t in times_of(nlp, text, "1989-10-27")] == ["1989-Q3", "1988-Q3", "1988"]


def test_numeric_dates_read_month_first_unless_dotted(nlp: Language) -> None:
    found = times_of(nlp, "Filed on 1/16/2006, 16.01.2006 and 31/12/99.", "2006-05-23")
    assert [t.value for t in found] == ["2006-01-16", "2006-01-16", "1999-12-31"]


def test_this_season_and_that_year(nlp: Language) -> None:
    found = times_of(nlp, "This fall, schools open. In 1995 rebels took it. That year, war ended.")
    assert [t.value for t in found] == ["2006-FA", "1995", "1995"]


def test_rates_and_names_are_not_time_expressions(nlp: Language) -> None:
    assert times_of(nlp, "They spent $3 million a year on ads and paid $4.75 an hour.") == []
    assert times_of(nlp, "The Summer Olympics open in Sydney.") == []


# Event dates ------------------------------------------------------------------------------


def event_at(article: Article, trigger: str, sentence_of: str) -> Event:
    text = article.text
    s_start = text.index(sentence_of)
    t_start = text.index(trigger, s_start)
    return Event(
        id="e1",
        sentence=article.span(s_start, s_start + len(sentence_of)),
        trigger=Span(t_start, t_start + len(trigger), trigger),
        source=None,
        target=None,
        cameo="040",
        root="04",
        quad_class=1,
        goldstein=1.0,
    )


def parsed(nlp: Language, text: str) -> tuple[Article, Doc]:
    article = Article(text, published=PublishedDate(SEED_DATE))
    doc = nlp(text)
    article.times = find_times(article, doc)
    return article, doc


def test_event_takes_the_time_in_its_own_clause(nlp: Language) -> None:
    text = "The minister resigned on Monday and the president left Paris on Friday."
    article, doc = parsed(nlp, text)
    left = date_for_event(event_at(article, "left", text), article, doc)
    resigned = date_for_event(event_at(article, "resigned", text), article, doc)
    assert left is not None and resigned is not None
    assert (left.value, left.source, left.text) == ("2006-05-19", "clause", "Friday")
    assert (resigned.value, resigned.source) == ("2006-05-22", "clause")


def test_seed_suspension_is_dated_by_its_sentence(nlp: Language, seed_text: str) -> None:
    article, doc = parsed(nlp, seed_text)
    sentence = "This is why we decided to suspend the talks and we informed the Americans"
    full = seed_text[seed_text.index(sentence) : seed_text.index("Sunday.") + len("Sunday.")]
    informed = date_for_event(event_at(article, "informed", full), article, doc)
    suspend = date_for_event(event_at(article, "suspend", full), article, doc)
    assert informed is not None and suspend is not None
    assert (informed.value, informed.source) == ("2006-05-21", "clause")
    assert suspend.value == "2006-05-21"
    assert (informed.start, informed.end) == (
        seed_text.index("Sunday."),
        seed_text.index("Sunday.") + 6,
    )


def test_event_without_a_date_takes_the_publication_date(nlp: Language) -> None:
    text = "The ceasefire lasted a week. Rebels attacked the convoy."
    article, doc = parsed(nlp, text)
    for trigger, sentence in (("lasted", "The ceasefire lasted a week."), ("attacked", text[29:])):
        found = date_for_event(event_at(article, trigger, sentence), article, doc)
        assert found is not None
        assert (found.value, found.source, found.start) == (SEED_DATE, "published", None)


def test_event_has_no_date_without_text_or_publication_date(nlp: Language) -> None:
    text = "Rebels attacked the convoy."
    article = Article(text)
    doc = nlp(text)
    article.times = find_times(article, doc)
    assert date_for_event(event_at(article, "attacked", text), article, doc) is None


_WORDS = [
    "on", "Sunday", "May", "16", "January", "2006", "the", "past", "two", "years", "ago",
    "last", "week", "every", "at", "10", "a.m.", "morning", "said", "will", "meet", "in",
    "1990s", "summer", "of", "next", "day", "quarter", "first", "weekly", ",", ".", "-",
    "yesterday", "tomorrow", "now", "15,000", "hours", "half", "century", "21st", "12/03/2005",
]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(st.sampled_from(_WORDS), max_size=25),
    published=st.one_of(st.none(), st.dates(date(1, 1, 8), date(9999, 12, 24))),
)
def test_any_text_gives_spans_of_the_text_and_never_fails(
    nlp: Language, words: list[str], published: date | None
) -> None:
    text = " ".join(words)
    found = times_of(nlp, text, published.isoformat() if published else None)
    for time in found:
        assert text[time.start : time.end] == time.text
        assert time.type in {"DATE", "TIME", "DURATION", "SET"}
    assert all(a.end <= b.start for a, b in pairwise(found))


# Calendar rules ---------------------------------------------------------------------------


@given(st.dates(date(1900, 1, 1), date(2100, 12, 31)), st.integers(1, 7))
def test_past_weekday_is_the_last_one_on_or_before_the_anchor(anchor: date, weekday: int) -> None:
    found = weekday_near(anchor, weekday, "past")
    assert found.isoweekday() == weekday
    assert anchor - timedelta(days=6) <= found <= anchor
    ahead = weekday_near(anchor, weekday, "future")
    assert ahead.isoweekday() == weekday
    assert anchor <= ahead <= anchor + timedelta(days=6)


@given(st.dates(date(1900, 2, 1), date(2100, 11, 30)), st.integers(1, 12), st.integers(1, 28))
def test_day_without_year_in_the_past_is_never_after_the_anchor(
    anchor: date, month: int, day: int
) -> None:
    year = year_for_month_day(anchor, month, day, "past")
    assert date(year, month, day) <= anchor < date(year + 1, month, day)


def test_seed_events_take_the_dates_of_their_sentences(seed: Article) -> None:
    """Through the whole pipeline: the suspension is dated the Sunday before (EXPECTED.md)."""
    text = seed.text
    by_sentence: dict[str, list[str]] = {}
    for event in seed.events:
        assert event.date is not None
        sentence = text[event.sentence.start : event.sentence.end]
        by_sentence.setdefault(sentence, []).append(event.date.value)
    suspension = [v for s, values in by_sentence.items() if "on Sunday" in s for v in values]
    assert suspension and set(suspension) == {"2006-05-21"}
    meetings = [v for s, values in by_sentence.items() if "16 January" in s for v in values]
    assert set(meetings) <= {"2006-01-16"}
    assert {t.value for t in seed.times} >= {"2006-01-16", "2006-02-06", "2006-05-21", "2006"}


def test_an_event_without_a_date_takes_its_passages(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kenyan police arrested twenty protesters in Nairobi on 3 March. The Kenyan government "
        "condemned the protesters.\n\nUgandan troops attacked rebels near Gulu."
    )
    article = pipeline.extract(text, date="2006-05-23")
    dates = {e.trigger.text: e.date for e in article.events if e.date is not None}
    assert (dates["condemned"].value, dates["condemned"].source) == ("2006-03-03", "passage")
    # The next paragraph is another passage: the publication date.
    assert dates["attacked"].source == "published"


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The blast came at 10:31:15 local time.", "10:31:15", "2006-05-23T10:31:15"),
        ("He called at 9:05:30 p.m.", "9:05:30 p.m.", "2006-05-23T21:05:30"),
        ("She graduated in '98 and left.", "'98", "1998"),
    ],
)
def test_numeric_forms_are_recognised(nlp: Language, sentence: str, text: str, value: str) -> None:
    found = only(nlp, sentence)
    assert (found.text, found.value) == (text, value)


@pytest.mark.parametrize(
    "sentence",
    ["A 35-year-old man was arrested.", "The suspect is 35 years old.", "A quarterly dividend."],
)
def test_ages_and_kinds_are_not_time_expressions(nlp: Language, sentence: str) -> None:
    article = Article(sentence, published=PublishedDate(SEED_DATE))
    assert find_times(article, nlp(sentence)) == []


def test_a_weekday_in_a_passage_about_an_earlier_time_takes_its_time(nlp: Language) -> None:
    text = "The fighting began on Feb. 20, 1998, in the north. On Sunday the rebels took the town."
    article = Article(text, published=PublishedDate("1998-03-22"))
    values = {t.text: t.value for t in find_times(article, nlp(text))}
    assert values["Sunday"] == "1998-02-22"


def test_a_deadline_looks_ahead_whatever_the_tense(nlp: Language) -> None:
    text = "The company extended its offer to Nov. 20. The talks were postponed until Tuesday."
    article = Article(text, published=PublishedDate("1989-11-02"))
    values = {t.text: t.value for t in find_times(article, nlp(text))}
    assert values["Nov. 20"] == "1989-11-20" and values["Tuesday"] == "1989-11-07"


def test_a_weekday_with_its_date_takes_the_year_that_fits(nlp: Language) -> None:
    text = "The race was held on Saturday, April 25."
    article = Article(text, published=PublishedDate("1998-04-24"))
    (found,) = find_times(article, nlp(text))
    assert found.value == "1998-04-25"


def test_the_quarter_of_an_earnings_story(nlp: Language) -> None:
    text = (
        "Third-quarter profit rose 23% to $5 million from $4 million a year earlier. "
        "Sales in the latest quarter rose 8%."
    )
    article = Article(text, published=PublishedDate("1989-10-27"))
    values = [t.value for t in find_times(article, nlp(text))]
    assert values == ["1989-Q3", "1988-Q3", "1989-Q3"]


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The plant closed in nineteen ninety-six.", "nineteen ninety-six", "1996"),
        (
            "Prices rose in January nineteen ninety-seven.",
            "January nineteen ninety-seven",
            "1997-01",
        ),
        (
            "It froze in the winter of nineteen ninety-four.",
            "the winter of nineteen ninety-four",
            "1994-WI",
        ),
        ("Computers may fail in the year two thousand.", "the year two thousand", "2000"),
    ],
)
def test_years_spelled_out_as_spoken(nlp: Language, sentence: str, text: str, value: str) -> None:
    found = only(nlp, sentence, "1998-02-27")
    assert (found.text, found.value) == (text, value)


def test_two_thousand_before_a_noun_is_a_count(nlp: Language) -> None:
    found = times_of(nlp, "Two thousand people marched for more than two thousand years.")
    assert all(t.value != "2000" for t in found), [(t.text, t.value) for t in found]


def test_ago_stays_a_date_before_a_preposition(nlp: Language) -> None:
    found = only(nlp, "The court ruled two years ago in a case on housing.", "1998-04-24")
    assert (found.text, found.value) == ("two years ago", "1996")


def test_holidays_on_a_weekday_of_a_month_are_computed_for_their_year(nlp: Language) -> None:
    text = "He left on Thanksgiving Day. Last Thanksgiving he was in Cuba."
    values = [(t.text, t.value) for t in times_of(nlp, text, "2000-01-06")]
    assert values == [("Thanksgiving Day", "1999-11-25"), ("Last Thanksgiving", "1999-11-25")]
    voters = only(nlp, "Voters went to the polls on Election Day.", "1998-11-05")
    assert voters.value == "1998-11-03"


def test_the_year_ago_quarter_is_the_quarter_of_the_story_a_year_before(nlp: Language) -> None:
    text = (
        "Acme said third-quarter net income rose 9% to $4 million. "
        "In the year-earlier quarter, the company lost money. "
        "A year earlier, sales were $20 million, or 40 cents a share."
    )
    values = [t.value for t in times_of(nlp, text, "1989-10-27")]
    assert values == ["1989-Q3", "1988-Q3", "1988-Q3"]


def test_the_year_ago_quarter_with_no_quarter_named_is_the_last_one_a_year_back(
    nlp: Language,
) -> None:
    found = only(nlp, "In the year-ago quarter, the firm earned $1 million.", "1989-11-02")
    assert found.value == "1988-Q3"


def test_a_quarter_with_its_year_named_before_it(nlp: Language) -> None:
    text = "Profit fell in the year-ago third quarter; it should rise in next year's first quarter."
    values = [(t.text, t.value) for t in times_of(nlp, text, "1989-10-27")]
    assert values == [
        ("the year-ago third quarter", "1988-Q3"),
        ("next year's first quarter", "1990-Q1"),
    ]


def test_a_thing_scheduled_in_the_past_lies_ahead(nlp: Language) -> None:
    # 2000-01-07 is a Friday.
    assert only(nlp, "Exiles planned a large rally on Saturday.", "2000-01-07").value == (
        "2000-01-08"
    )
    found = only(nlp, "A service planned for Saturday was canceled.", "2000-01-07")
    assert found.value == "2000-01-01"


def test_until_with_a_past_perfect_looks_back(nlp: Language) -> None:
    found = only(nlp, "Until Thursday, the police had not named him a suspect.", "1999-05-07")
    assert found.value == "1999-05-06"


def test_a_calendar_date_inside_a_name_is_still_a_date(nlp: Language) -> None:
    text = "There were no cancellations after the Aug. 7 Embassy bombings in Nairobi."
    assert [t.value for t in times_of(nlp, text, "1998-09-07")] == ["1998-08-07"]


def test_the_year_ended_on_a_date_is_a_stretch_of_a_year(nlp: Language) -> None:
    text = "Revenue was $76 million for the year ended March 31."
    values = [(t.text, t.value, t.type) for t in times_of(nlp, text, "1989-11-01")]
    assert values[0] == ("the year", "P1Y", "DURATION")


def test_the_latest_quarter_has_ended(nlp: Language) -> None:
    text = (
        "The insurer expects a fourth-quarter charge. Its earnings fell 59% in the latest quarter."
    )
    values = [t.value for t in times_of(nlp, text, "1989-11-02")]
    assert values == ["1989-Q4", "1989-Q3"]


def test_a_clause_that_looks_ahead_is_not_told_from_an_earlier_passage(nlp: Language) -> None:
    text = "Poland, invited to join NATO in July 1997, will join the alliance on March 12."
    values = [t.value for t in times_of(nlp, text, "1999-02-27")]
    assert values == ["1997-07", "1999-03-12"]


def test_a_passive_of_scheduling_looks_ahead(nlp: Language) -> None:
    assert only(nlp, "The accession was planned for early March.", "1999-02-10").value == (
        "1999-03"
    )


def test_a_plan_overtaken_takes_the_nearest_day(nlp: Language) -> None:
    # 1989-10-30 is a Monday; the offer had been due to end on the Friday just gone.
    text = "The offer, since extended, had been scheduled to expire at midnight Friday."
    assert only(nlp, text, "1989-10-30").value == "1989-10-27T24:00"
    text = "The offer had been set to expire Nov. 6."
    assert only(nlp, text, "1989-11-02").value == "1989-11-06"


def test_is_to_looks_ahead(nlp: Language) -> None:
    assert only(nlp, "The stock is to resume trading in Paris Tuesday.", "1989-10-27").value == (
        "1989-10-31"
    )


def test_a_weekday_possessive_with_no_tense_is_the_last_one(nlp: Language) -> None:
    # 1989-10-30 is a Monday: "Thursday's closing price" is that of the Thursday just gone.
    text = "A 24% premium over Thursday's closing price."
    assert only(nlp, text, "1989-10-30").value == "1989-10-26"


def test_the_future_as_prospects_is_not_a_time(nlp: Language) -> None:
    text = "Trade matters for the future of our peoples, and the future looks grim."
    assert times_of(nlp, text) == []
    assert only(nlp, "Strikes may go on well into the future.").value == "FUTURE_REF"


def test_the_current_year_is_the_year_of_the_document(nlp: Language) -> None:
    text = "Sales fell in 1988 and are expected to grow in the current year."
    values = [t.value for t in times_of(nlp, text, "1989-10-26")]
    assert values == ["1988", "1989"]


def test_now_that_is_the_present(nlp: Language) -> None:
    found = only(nlp, "Aqaba is its only port now that the blockade has tightened.")
    assert (found.text, found.value) == ("now", "PRESENT_REF")


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("He served 2 1/2 years in prison.", "2 1/2 years", "P2Y6M"),
        ("The siege lasted 5 1/2 hours.", "5 1/2 hours", "PT5H30M"),
        ("The clip runs a minute and a half.", "a minute and a half", "PT1M30S"),
    ],
)
def test_fractions_of_a_unit_are_written_in_the_smaller_unit(
    nlp: Language, sentence: str, text: str, value: str
) -> None:
    found = only(nlp, sentence)
    assert (found.text, found.value, found.type) == (text, value, "DURATION")


def test_a_month_of_last_or_this_year(nlp: Language) -> None:
    text = "Talks began in June last year and resumed in January this year."
    values = [(t.text, t.value) for t in times_of(nlp, text, "1998-02-19")]
    assert values == [("June last year", "1997-06"), ("January this year", "1998-01")]


def test_or_so_before_ago(nlp: Language) -> None:
    assert only(nlp, "He left a week or so ago.").text == "a week or so ago"


def test_through_in_a_past_clause_looks_back(nlp: Language) -> None:
    text = "Through Oct. 19, the funds had returned 0.85%."
    assert only(nlp, text, "1989-10-27").value == "1989-10-19"
    text = "The bank will buy the shares tendered through Nov. 17."
    assert only(nlp, text, "1989-10-27").value == "1989-11-17"


def test_effective_dates_lie_ahead(nlp: Language) -> None:
    text = "The bank created an office of the chairman, effective Feb. 1."
    assert only(nlp, text, "1989-10-26").value == "1990-02-01"


def test_the_full_year_is_the_year_of_the_document(nlp: Language) -> None:
    assert only(nlp, "Analysts expect a loss for the full year.", "1989-10-26").value == "1989"


# Issue 11: anchors of past narrative and numeric forms (rules named in timex/).


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        # week_of
        ("They will meet the week of June 20, an aide said.", "the week of June 20", "2011-W25"),
        # prefixed_year
        ("The post-1990 settlement has held.", "post-1990", "1990"),
        ("Output is back to pre-1985 levels.", "pre-1985", "1985"),
        # named times
        ("The spokeswoman spoke at midday.", "midday", "2011-06-09T12:00"),
        # decades_in_years, decade_ago_year
        ("The settlement has held for two decades.", "two decades", "P20Y"),
        ("A decade ago the region was at war.", "A decade ago", "2001"),
        ("The bridge stood for a century.", "a century", "P100Y"),
        # clock_then_day: the deadline preposition reaches through the clock time
        ("Delegates were given until 5 p.m. Monday to file.", "5 p.m. Monday", "2011-06-13T17:00"),
        # scheduled_participle
        (
            "The accord is expected to dominate a summit set for Lisbon in September.",
            "September",
            "2011-09",
        ),
        # day_before_date
        (
            "The day before last Friday's vote, the opposition held a rally.",
            "The day before last Friday",
            "2011-06-02",
        ),
    ],
)
def test_constructions_of_issue_11_take_their_values(
    nlp: Language, sentence: str, text: str, value: str
) -> None:
    found = only(nlp, sentence, "2011-06-09")
    assert (found.text, found.value) == (text, value)


def test_a_date_after_the_names_a_thing_and_sets_no_passage(nlp: Language) -> None:
    text = (
        "Two men were convicted in the July 14, 2003, attack on the embassy. They were freed "
        "after the government agreed in April to release them."
    )
    values = values_of(nlp, text, "2011-06-09")
    assert values["April"] == "2011-04"


def test_many_years_ago_after_a_month_keeps_its_year(nlp: Language) -> None:
    text = "The protests of early December were the largest since the uprising 20 years ago."
    values = values_of(nlp, text, "2011-06-09")
    assert values == {"early December": "2010-12", "20 years ago": "1991"}


def test_a_clock_time_and_its_day_across_an_aside_are_two_expressions(nlp: Language) -> None:
    text = "The first blast struck at 9:40 a.m. (0740 GMT) Tuesday."
    found = [(t.text, t.value) for t in times_of(nlp, text, "2011-06-09")]
    assert found == [("9:40 a.m.", "2011-06-07T09:40"), ("Tuesday", "2011-06-07")]


def test_the_second_day_of_a_range_is_a_date(nlp: Language) -> None:
    text = "Observers will meet on July 5 and 6 in Bern. Talks ran March 3-5."
    found = [(t.text, t.value) for t in times_of(nlp, text, "2011-06-09")]
    assert ("6", "2011-07-06") in found and ("5", "2011-03-05") in found
    assert [t.text for t in times_of(nlp, "On June 5 and 6 people died.", "2011-06-09")] == [
        "June 5"
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Marchers gathered at the annual March for Peace on the lakefront.",
        "For the delegates, high noon has come.",
    ],
)
def test_names_and_figures_of_speech_are_not_times(nlp: Language, sentence: str) -> None:
    assert times_of(nlp, sentence, "2011-06-09") == []


def test_through_in_a_present_perfect_stretch_looks_back(nlp: Language) -> None:
    text = "The fund has fallen 2.08% this year through Oct. 19, analysts say."
    assert values_of(nlp, text, "1989-10-27")["Oct. 19"] == "1989-10-19"
    text = "The company has extended its offer through Nov. 17."
    assert only(nlp, text, "1989-10-27").value == "1989-11-17"


def test_that_day_of_a_month_told_of_is_a_day_of_that_month(nlp: Language) -> None:
    text = "The rebels took the town in March 1998. That same day, the army withdrew."
    values = values_of(nlp, text, "1999-02-06")
    assert values["That same day"] == "1998-03-XX"
    text = "The rebels took the town on March 3, 1998. That same day, the army withdrew."
    values = values_of(nlp, text, "1999-02-06")
    assert values["That same day"] == "1998-03-03"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # period_a_year_back, from_a_year_earlier, year_period (the story's quarter)
        (
            "Third-quarter profit fell from the corresponding period last year and rose from "
            "last year's quarter. Its loss narrowed from a year earlier on lower costs.",
            {
                "Third-quarter": "2011-Q3",
                "the corresponding period last year": "2010-Q3",
                "last year's quarter": "2010-Q3",
                "a year earlier": "2010-Q3",
            },
        ),
        (
            "Third-quarter net was $2 million in the 2011 period against $3 million in the 2010 "
            "period. For the quarter a year ago, it earned 40 cents a share.",
            {
                "Third-quarter": "2011-Q3",
                "the 2011 period": "2011-Q3",
                "the 2010 period": "2010-Q3",
                "the quarter a year ago": "2010-Q3",
            },
        ),
        # reported_period: a quarter ahead in a clause that looks ahead is a forecast
        (
            "Harlow expects losses through the second quarter of 2012. In the year-ago period, "
            "Harlow had a gain.",
            {"the second quarter of 2012": "2012-Q2", "the year-ago period": "2010-Q3"},
        ),
        # plural quarters are durations; two quarters make a half (two_quarters_half)
        (
            "Sales fell in the past two quarters and will rise in the next three quarters. "
            "They fell in the first two quarters of 2011 and rose in the last half of 2010.",
            {
                "the past two quarters": "P6M",
                "the next three quarters": "P9M",
                "the first two quarters of 2011": "2011-H1",
                "the last half of 2010": "2010-H2",
            },
        ),
    ],
)
def test_periods_of_an_earnings_story(nlp: Language, text: str, expected: dict[str, str]) -> None:
    assert values_of(nlp, text, "2011-10-27") == expected


def test_later_and_earlier_before_than_lean_on_what_follows(nlp: Language) -> None:
    found = only(nlp, "He came back two hours later than planned.", "2011-10-27")
    assert (found.text, found.value) == ("two hours", "PT2H")
    assert [t.text for t in times_of(nlp, "It quit the last half of the '80s.", "2011-10-27")] == [
        "the '80s"
    ]


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        # unmarked_past: a base form after a singular subject tells the past
        ("Weakness in chip stocks hurt the index on Friday.", "Friday", "2011-10-28"),
        # then_current
        ("Holders may buy at the then current market price.", "then current", "PAST_REF"),
        # part_of_day_first
        ("Trading halted at mid-afternoon yesterday.", "mid-afternoon yesterday", "2011-10-30TAF"),
        ("Rebels attacked mid-morning Tuesday.", "mid-morning Tuesday", "2011-10-25TMO"),
        ("The ceasefire ended at midnight Friday.", "midnight Friday", "2011-10-28T24:00"),
        # durations counted in trading days; references to the time ahead
        ("Volume fell for eight trading days.", "eight trading days", "P8D"),
        ("Analysts expect gains in the near term.", "the near term", "FUTURE_REF"),
        ("The bank will sell bonds at a later date.", "a later date", "FUTURE_REF"),
        ("It will sell more stock in the weeks ahead.", "the weeks ahead", "FUTURE_REF"),
        # one_day_ahead
        ("Islam will one day be the largest religion here.", "one day", "FUTURE_REF"),
        ("He had been in the job one day.", "one day", "P1D"),
    ],
)
def test_past_forms_parts_of_day_and_references(
    nlp: Language, sentence: str, text: str, value: str
) -> None:
    found = only(nlp, sentence, "2011-10-31")
    assert (found.text, found.value) == (text, value)


@pytest.mark.parametrize(
    "sentence",
    [
        'The chairman spoke on ABC\'s "This Week" about the sale.',
        "He told USA Today that the sale would go ahead.",
        "This is VOA Today.",
        "The firm changed from a fiscal year to a calendar year.",
    ],
)
def test_titles_in_capitals_are_not_times(nlp: Language, sentence: str) -> None:
    assert times_of(nlp, sentence, "2011-10-31") == []


def test_a_coordinated_subject_or_a_condition_keeps_the_present(nlp: Language) -> None:
    text = "If Smith and Jones mail an offer by Nov. 22, the firm will pay them."
    assert only(nlp, text, "2011-11-01").value == "2011-11-22"
    assert [t.text for t in times_of(nlp, "It was sunny on Monday. Today it rains.")] == [
        "Monday",
        "Today",
    ]


def test_a_fiscal_year_is_read_as_the_year(nlp: Language) -> None:
    text = "Sales in the current fiscal year will top fiscal 1989 sales."
    assert values_of(nlp, text, "1989-11-02") == {
        "the current fiscal year": "1989",
        "fiscal 1989": "1989",  # fiscal_year_whole
    }
    found = times_of(nlp, "In the fiscal year ended Jan. 31, it earned $2 million.", "1989-11-02")
    assert (found[0].text, found[0].value) == ("the fiscal year", "P1Y")


def test_a_participle_clause_is_told_in_the_tense_of_its_verb(nlp: Language) -> None:
    # participle_takes_main_tense: "climbing ... in December" hangs off "have swung".
    text = "Shares have swung widely, climbing to $40 in May from $31 in December."
    values = values_of(nlp, text, "2011-06-09")
    assert values == {"May": "2011-05", "December": "2010-12"}
    # A present verb says nothing of the participle's time: the nearest Thursday.
    text = "The notes are convertible at $25, representing a premium over Thursday's price."
    assert only(nlp, text, "2011-06-13").value == "2011-06-09"


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The strike lasted nearly three weeks.", "nearly three weeks", "P3W"),
        ("The vote was held more than six years ago.", "more than six years ago", "2005"),
        ("Suspects may be held for up to 90 days.", "up to 90 days", "P90D"),
        ("The valley has been dry for at least the past 14 months.", None, "P14M"),
        ("The mission will stay for the next three years or so.", None, "P3Y"),
        # count_range
        ("Repairs will take two to three weeks.", "two to three weeks", "PXW"),
        ("He faces 5-10 years in prison.", "5-10 years", "PXY"),
        # an approximator and a preposition stay outside
        ("The siege lasted about five days.", "five days", "P5D"),
        ("Payments are spread over two years.", "two years", "P2Y"),
    ],
)
def test_a_bound_on_a_stretch_is_part_of_its_expression(
    nlp: Language, sentence: str, text: str | None, value: str
) -> None:
    # quantity_modifier
    found = only(nlp, sentence, "2011-06-09")
    expected = text or sentence[sentence.index(" for ") + 5 : -1]
    assert (found.text, found.value) == (expected, value)


def test_a_weekday_before_or_after_the_day_told_of(nlp: Language) -> None:
    # weekday_before_the_day: strictly before or after the last day mentioned, else the DCT.
    text = "The rebels entered the town on March 3, 2010. The army returned the following Monday."
    values = values_of(nlp, text, "2011-06-09")
    assert values["the following Monday"] == "2010-03-08"
    text = "The index lost 4% on Tuesday and 6% from the previous Friday."
    values = values_of(nlp, text, "2011-06-09")
    assert values == {"Tuesday": "2011-06-07", "the previous Friday": "2011-06-03"}


def test_a_day_counted_in_an_event_told_in_the_present_is_the_dct(nlp: Language) -> None:
    # day_of_a_stretch
    found = only(nlp, "It is the second day of an offensive by government forces.", "2011-06-09")
    assert (found.text, found.value) == ("the second day", "2011-06-09")
    assert times_of(nlp, "It was the third day of the siege.", "2011-06-09") == []


def test_the_day_before_counts_from_the_day_told_of(nlp: Language) -> None:
    # unit_before_the_day_told_of
    text = "Troops entered the city on June 3, 2011. The day before, rebels had fled."
    values = values_of(nlp, text, "2013-03-15")
    assert values["The day before"] == "2011-06-02"
    text = "Revenue fell to $300 million last year, down from $450 million the year before."
    values = values_of(nlp, text, "2013-03-15")
    assert values == {"last year": "2012", "the year before": "2011"}
    # With no date told of, the DCT is not what it counts from: no expression.
    assert times_of(nlp, "He had arrived the day before.", "2013-03-15") == []


def test_a_month_told_in_the_past_takes_the_year_that_opens_its_passage(nlp: Language) -> None:
    # month_of_the_year_told_of
    text = "In 2011, the team won the title. In October, the coach resigned."
    values = values_of(nlp, text, "2013-03-15")
    assert values == {"2011": "2011", "October": "2011-10"}
    # A year in passing frames nothing: the last October.
    text = "Police linked shootings dating to 2009. In January, a bomb killed a guard."
    values = values_of(nlp, text, "2013-03-15")
    assert values["January"] == "2013-01"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # short_year_of
        ("Prices peaked in the summer of '08.", ("the summer of '08", "2008-SU")),
        ("The plant closed in March '09.", ("March '09", "2009-03")),
        ("It reopened on May 3, '10.", ("May 3, '10", "2010-05-03")),
        # clock_in_a_zone
        ("Trading ends at 2100 GMT.", ("2100 GMT", "2013-03-13T21:00")),
    ],
)
def test_numeric_forms_of_wire_copy(
    nlp: Language, sentence: str, expected: tuple[str, str]
) -> None:
    found = only(nlp, sentence, "2013-03-13")
    assert (found.text, found.value) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The victim, aged 10 years, was hurt.",  # age_after_aged
        "She turned 65 years on the day of the count.",
        "Two 20-year-olds were detained.",  # the plural of an age
    ],
)
def test_ages_are_not_stretches_of_time(nlp: Language, sentence: str) -> None:
    assert [t.text for t in times_of(nlp, sentence, "2013-03-13") if t.type == "DURATION"] == []


def test_a_future_told_from_the_past_is_the_nearest_day(nlp: Language) -> None:
    # was_to
    found = only(nlp, "Officials said the talks were to resume on Saturday.", "2013-03-13")
    assert found.value == "2013-03-16"
    # thing_for_a_day
    found = only(nlp, "The union announced a strike for Saturday.", "2013-03-13")
    assert found.value == "2013-03-16"
    found = only(nlp, "The union held a strike on Saturday.", "2013-03-13")
    assert found.value == "2013-03-09"


def test_weekday_nights_are_every_such_night(nlp: Language) -> None:
    # weekday_nights
    found = [
        (t.text, t.type, t.value)
        for t in times_of(nlp, "The show airs on Monday and Tuesday nights.", "2013-03-13")
    ]
    assert found == [
        ("Monday", "SET", "XXXX-WXX-1TNI"),
        ("Tuesday nights", "SET", "XXXX-WXX-2TNI"),
    ]
    assert only(nlp, "He left Tuesday night.", "2013-03-13").value == "2013-03-12TNI"


def test_a_date_named_as_a_deadline_keeps_the_year_near_the_dct(nlp: Language) -> None:
    # date_named_as: the tense is that of the setting, not of the date.
    text = "The board has set Nov. 10 as the deadline for bids."
    assert only(nlp, text, "2011-11-02").value == "2011-11-10"
    assert only(nlp, "He was born Nov. 10 as the youngest of five.", "2011-11-02").value == (
        "2010-11-10"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials counted 1999 ballots in the district.",
        "The company sold 2012 cars in the spring.",
        "The 2000 protesters marched on the capital.",
        "He said 2000 troops would leave.",
    ],
)
def test_a_four_figure_count_of_a_plural_noun_is_no_year(nlp: Language, sentence: str) -> None:
    # count_before_plural_noun
    assert all(t.value not in {"1999", "2000", "2012"} for t in times_of(nlp, sentence))


def test_a_year_before_a_plural_noun_of_events_keeps_its_year(nlp: Language) -> None:
    # count_before_plural_noun
    text = "The 2000 elections were close, and the 1992 protests were larger."
    assert values_of(nlp, text) == {"2000": "2000", "1992": "1992"}
    assert values_of(nlp, "In 2000 protesters marched on the capital.") == {"2000": "2000"}


def test_the_next_day_after_a_year_alone_is_no_day(nlp: Language) -> None:
    # next_unit_needs_its_day
    text = "In 2011, the army took the town. The next day, rebels fled."
    assert values_of(nlp, text, "2013-03-15") == {"2011": "2011"}
    assert times_of(nlp, "The following day, rebels fled.", "2013-03-15") == []
    text = "Troops entered the city on June 3, 2011. The next day, rebels fled."
    assert values_of(nlp, text, "2013-03-15")["The next day"] == "2011-06-04"
    text = "In March 2011, the army took the town. The following month, rebels fled."
    assert values_of(nlp, text, "2013-03-15")["The following month"] == "2011-04"


def test_the_day_next_to_an_event_the_article_dated(nlp: Language) -> None:
    # day_next_to_a_dated_event
    text = "The parliament voted on June 4, 2012. The day before the vote, the president resigned."
    assert values_of(nlp, text)["The day before"] == "2012-06-03"
    text = "Parliament held a vote on March 3, 2006. The day after the vote, protesters gathered."
    assert values_of(nlp, text)["The day after"] == "2006-03-04"
    # Nothing dated the vote: no expression, whatever the publication date.
    text = "Voters went to the polls on March 3. The day after the vote, protesters gathered."
    assert "The day after" not in values_of(nlp, text)
    assert times_of(nlp, "In her first term, the president vetoed the budget twice.") == []
