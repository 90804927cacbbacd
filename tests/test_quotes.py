"""Quotations and reported speech: cues, content, speakers across the article (issue 4)."""

from __future__ import annotations

import time

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from conftest import SEED
from dateline.ingest import read_input
from dateline.model import Actor, Article, Event, Mention, Quote, Span
from dateline.nlp import load_nlp
from dateline.quotes import find_quotes, reporter_for_event
from dateline.settings import Settings


@pytest.fixture(scope="module")
def parser(settings: Settings) -> Language:
    # The same cached model the Pipeline uses, without loading the other stages' resources.
    return load_nlp(settings.spacy_model)


def quotes_of(parser: Language, text: str, mentions: list[Mention] | None = None) -> list[Quote]:
    article = Article(text=text)
    article.quotes = find_quotes(article, parser(text), mentions or [])
    return article.quotes


@pytest.fixture(scope="module")
def seed_quotes(parser: Language, settings: Settings) -> tuple[Article, list[Quote]]:
    article = read_input(SEED.read_bytes(), name=str(SEED), settings=settings)
    article.quotes = find_quotes(article, parser(article.text), [])
    return article, article.quotes


def test_seed_has_eleven_attributions_all_to_one_anonymous_source(seed_quotes) -> None:
    _, quotes = seed_quotes
    assert len(quotes) == 11
    assert [q.kind for q in quotes].count("direct") == 6
    assert all(q.speaker is not None and q.speaker.anonymous for q in quotes)
    descriptions = {q.speaker.description for q in quotes if q.speaker}
    assert descriptions == {"a member of an insurgent group"}
    # An anonymous source is named by no one: "He" in its account is not the person the
    # article named before it (General George Casey).
    assert {q.speaker.name for q in quotes if q.speaker} == {None}


def test_seed_paragraph_quotations_take_the_introducing_span(seed_quotes) -> None:
    _, quotes = seed_quotes
    paragraph = [q for q in quotes if q.cue and q.cue.text == "“"]
    assert len(paragraph) == 5
    assert {q.speaker.text for q in paragraph if q.speaker} == {
        "The Source, which spoke to Asharq Al-Awsat on the condition of anonymity"
    }


def test_seed_admitted_report_quoting_a_fragment_is_mixed(seed_quotes) -> None:
    _, quotes = seed_quotes
    (admitted,) = [q for q in quotes if q.cue and q.cue.text == "admitted"]
    assert admitted.kind == "mixed"
    assert admitted.text.startswith("the meetings were held through an intermediary")
    assert admitted.text.endswith("good relations with the US administration.")
    assert admitted.speaker is not None and admitted.speaker.text == "The source"


def test_seed_cues_and_local_speakers(seed_quotes) -> None:
    article, quotes = seed_quotes
    cues = [(q.cue.text, q.speaker.text) for q in quotes if q.cue and q.speaker]
    assert ("according to", "a member of an insurgent group") in cues
    assert ("cautioned", "The source") in cues
    assert ("revealed", "He") in cues
    for q in quotes:
        assert article.text[q.start : q.end] == q.text
        assert q.cue is not None and article.text[q.cue.start : q.cue.end] == q.cue.text


def test_quote_ids_follow_text_order(seed_quotes) -> None:
    _, quotes = seed_quotes
    assert [q.id for q in quotes] == [f"q{n}" for n in range(1, len(quotes) + 1)]
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)


def test_straight_quotes_with_the_speaker_after_and_before(parser: Language) -> None:
    text = (
        'Tunis, 4 May - "We will not accept these terms," Foreign Minister Leila Ben Salah '
        "said on Sunday.\n\n"
        'Opposition leader Karim Ayari said: "The government has failed the country."\n'
    )
    first, second = quotes_of(parser, text)
    assert (first.kind, first.cue and first.cue.text) == ("direct", "said")
    assert first.text == "We will not accept these terms,"
    assert first.speaker is not None and "Leila Ben Salah" in first.speaker.text
    assert second.text == "The government has failed the country."
    assert second.speaker is not None and second.speaker.text == "Opposition leader Karim Ayari"
    assert not first.speaker.anonymous


def test_an_unclosed_paragraph_quotation_continues_in_the_next_one(parser: Language) -> None:
    text = (
        "Maria Lopez, the union's president, spoke to reporters after the meeting.\n\n"
        "“We have asked for a fair wage for three years. Nobody listened.\n\n"
        "“Now the workers have decided for themselves.”\n"
    )
    (quote,) = quotes_of(parser, text)
    assert len(quote.parts) == 2
    assert text[quote.parts[0][0] : quote.parts[0][1]].startswith("We have asked")
    assert text[quote.parts[1][0] : quote.parts[1][1]].endswith("for themselves.")
    assert quote.cue is not None and quote.cue.text == "“"
    assert quote.speaker is not None and quote.speaker.text.startswith("Maria Lopez")


def test_an_interrupted_quotation_is_one_quote_in_two_parts(parser: Language) -> None:
    text = '"We will rebuild the bridge," the mayor said, "and we will do it before winter."'
    (quote,) = quotes_of(parser, text)
    assert quote.kind == "direct" and len(quote.parts) == 2
    assert quote.speaker is not None and quote.speaker.text == "the mayor"


def test_reported_speech_with_that_and_with_the_verb_last(parser: Language) -> None:
    text = (
        "The army confirmed that two soldiers were wounded in the attack.\n\n"
        "The convoy was travelling to the border, a police spokesman said.\n"
    )
    confirmed, said = quotes_of(parser, text)
    assert confirmed.kind == "indirect"
    assert confirmed.text == "two soldiers were wounded in the attack"
    assert confirmed.speaker is not None and confirmed.speaker.text == "The army"
    assert said.text == "The convoy was travelling to the border"
    assert said.speaker is not None and said.speaker.text == "a police spokesman"


def test_a_standfirst_above_the_dateline_keeps_its_attribution(
    parser: Language, settings: Settings
) -> None:
    text = (
        "Gulf states weigh a joint naval force.\n\n"
        "The bloc will patrol the strait itself, its ministers said.\n\n"
        "MUSCAT - Gulf foreign ministers met on Tuesday, officials said.\n"
    )
    article = read_input(text, name="<standfirst>", settings=settings)
    assert article.dateline is not None and article.dateline.name == "Muscat"
    quotes = find_quotes(article, parser(article.text), [])
    assert [q.text for q in quotes] == [
        "The bloc will patrol the strait itself",
        "Gulf foreign ministers met on Tuesday",
    ]


def test_anonymous_sources_are_flagged_and_described(parser: Language) -> None:
    text = (
        "The talks could resume next week, according to two diplomats familiar with the "
        "negotiations.\n\n"
        "Officials said the ceasefire was holding in most areas.\n"
    )
    according, officials = quotes_of(parser, text)
    assert according.cue is not None and according.cue.text == "according to"
    assert according.speaker is not None and according.speaker.anonymous
    assert according.speaker.description == "two diplomats familiar with the negotiations"
    assert officials.speaker is not None and officials.speaker.anonymous


def test_a_later_reference_shares_the_first_description(parser: Language) -> None:
    text = (
        "A senior official, who spoke on condition of anonymity, said the plan was dead.\n\n"
        "The official added that new talks were unlikely before the summer.\n\n"
        "He said the president had not been told.\n"
    )
    quotes = quotes_of(parser, text)
    assert len(quotes) == 3
    assert all(q.speaker is not None and q.speaker.anonymous for q in quotes)
    assert {q.speaker.description for q in quotes if q.speaker} == {
        "A senior official, who spoke on condition of anonymity"
    }
    assert [q.speaker.text for q in quotes if q.speaker][1:] == ["The official", "He"]


def test_according_to_a_plan_is_not_an_attribution(parser: Language) -> None:
    text = "The troops will leave in three stages, according to the plan agreed in May."
    assert quotes_of(parser, text) == []


def test_a_cue_inside_a_quotation_gives_no_attribution(parser: Language) -> None:
    text = '"They told us that the road was safe, and we believed them," the driver said.'
    (quote,) = quotes_of(parser, text)
    assert quote.kind == "direct"
    assert quote.speaker is not None and quote.speaker.text == "the driver"


def test_scare_quotes_are_not_quotations(parser: Language) -> None:
    text = 'The so-called "peace plan" was published on Monday by the ministry.'
    assert quotes_of(parser, text) == []


def test_speaker_actor_takes_its_country_from_an_earlier_mention(parser: Language) -> None:
    text = (
        "Iraqi insurgents held talks with the government, according to a member of an "
        "insurgent group."
    )
    start = text.index("Iraqi insurgents")
    group = text.index("an insurgent group")
    mentions = [
        Mention(start, start + 16, "Iraqi insurgents", "NORP", Actor("IRQREB", "", "IRQ")),
        Mention(group, group + 18, "an insurgent group", "ORG", Actor("REB")),
    ]
    (quote,) = quotes_of(parser, text, mentions)
    assert quote.speaker is not None and quote.speaker.actor is not None
    assert quote.speaker.actor.code == "IRQREB"


def test_reporter_for_event_is_the_quote_holding_the_trigger(parser: Language) -> None:
    text = "The source revealed that rebels met the ambassador in Amman."
    article = Article(text=text)
    article.quotes = find_quotes(article, parser(text), [])
    at = text.index("met")
    event = Event(
        "e1", Span(0, len(text)), Span(at, at + 3, "met"), None, None, "044", "04", 1, 2.5
    )
    assert reporter_for_event(event, article, parser(text)) == "q1"
    outside = text.index("revealed")
    event.trigger = Span(outside, outside + 8, "revealed")
    assert reporter_for_event(event, article, parser(text)) is None


def test_quotes_serialise_to_the_output_shape(seed_quotes) -> None:
    _, quotes = seed_quotes
    out = quotes[0].to_json()
    assert {"id", "start", "end", "kind", "speaker", "cue"} <= set(out)
    assert set(out["speaker"]) >= {"text", "start", "end", "anonymous", "description", "actor"}


def test_an_empty_article_has_no_quotes(parser: Language) -> None:
    assert quotes_of(parser, " ") == []


def test_finding_quotes_costs_a_few_milliseconds(parser: Language, settings: Settings) -> None:
    article = read_input(SEED.read_bytes(), name=str(SEED), settings=settings)
    doc = parser(article.text)
    find_quotes(article, doc, [])  # lexicon loaded once
    runs = 20
    began = time.perf_counter()
    for _ in range(runs):
        find_quotes(article, doc, [])
    assert (time.perf_counter() - began) / runs < 0.02


def test_a_placeholder_country_is_completed_too(parser: Language) -> None:
    text = "Iraqi insurgents met US officials, according to a member of an insurgent group."
    start = text.index("Iraqi insurgents")
    group = text.index("insurgent group")
    mentions = [
        Mention(start, start + 16, "Iraqi insurgents", "NORP", Actor("IRQREB", "", "IRQ")),
        Mention(group, group + 15, "insurgent group", "AGENT", Actor("---REB", "", None, ("REB",))),
    ]
    (quote,) = quotes_of(parser, text, mentions)
    assert quote.speaker is not None and quote.speaker.actor is not None
    assert (quote.speaker.actor.code, quote.speaker.actor.country) == ("IRQREB", "IRQ")


def test_seed_speakers_carry_the_insurgents_actor_through_the_pipeline(seed: Article) -> None:
    assert len(seed.quotes) == 11
    codes = {q.speaker.actor.code for q in seed.quotes if q.speaker and q.speaker.actor}
    assert codes == {"IRQREB"}


def test_according_to_inside_the_clause_gives_a_two_part_content(parser: Language) -> None:
    text = "The attack, according to police, killed five people near the market."
    (quote,) = quotes_of(parser, text)
    assert [text[s:e] for s, e in quote.parts] == [
        "The attack",
        "killed five people near the market",
    ]
    assert quote.speaker is not None and quote.speaker.text == "police"


def test_verbs_that_only_introduce_quotations_cue_them(parser: Language) -> None:
    text = '"Is this what democracy looks like?" asked one protester.'
    (quote,) = quotes_of(parser, text)
    assert quote.cue is not None and quote.cue.text == "asked"
    assert quote.speaker is not None and quote.speaker.text == "one protester"
    assert quotes_of(parser, "Asked whether he would resign, the minister smiled.") == []


def test_a_named_spokesman_is_not_anonymous(parser: Language) -> None:
    text = "A spokesman for the rebels, Abu Omar, told Al Jazeera the group would not disarm."
    (quote,) = quotes_of(parser, text)
    assert quote.speaker is not None and not quote.speaker.anonymous


def test_negated_speech_is_still_an_attribution(parser: Language) -> None:
    # PolNeAR annotates what a source did not say or declined to address (issue 11).
    (quote,) = quotes_of(parser, "The ministry did not say how many troops would be sent.")
    assert quote.text == "how many troops would be sent"
    assert quote.speaker is not None and quote.speaker.text == "The ministry"


def test_a_speaker_never_runs_into_the_headline(parser: Language) -> None:
    text = (
        "Former Mayor Charged With Fraud\n\nProsecutors on Monday charged the former mayor, "
        "alleging that he steered city contracts to his relatives."
    )
    (quote,) = quotes_of(parser, text)
    assert quote.speaker is not None and quote.speaker.text.startswith("Prosecutors")


_PIECES = [
    "The minister said",
    " that the talks failed",
    ", officials said.",
    ' "We will win,"',
    " he said",
    "“It is over.",
    "”",
    '"',
    "\n\n",
    " according to",
    " a senior source",
    ".",
    " He added:",
    "",
]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14))
@example(pieces=["The minister said", " according to", '"', '"', "."])
def test_any_mix_of_marks_and_cues_gives_valid_spans(parser: Language, pieces: list[str]) -> None:
    text = "".join(pieces)
    quotes = quotes_of(parser, text)
    assert [q.id for q in quotes] == [f"q{n}" for n in range(1, len(quotes) + 1)]
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text) and q.text == text[q.start : q.end]
        for start, end in q.parts:
            assert q.start <= start < end <= q.end
        if q.speaker is not None:
            assert 0 <= q.speaker.start < q.speaker.end <= len(text)
        assert q.cue is not None and q.cue.text == text[q.cue.start : q.cue.end]


def test_a_quotation_without_cue_takes_the_subject_before_it(parser: Language) -> None:
    text = (
        "Officials said the water was falling.\n\n"
        "Giovanni Russo, 72, stood in front of what was left of his kitchen. "
        '"I was born in this house and I will die in this house. Nobody will move me."'
    )
    quotes = quotes_of(parser, text)
    assert quotes[-1].kind == "direct" and quotes[-1].cue is not None
    assert quotes[-1].cue.text == '"'
    assert quotes[-1].speaker is not None and quotes[-1].speaker.text == "Giovanni Russo, 72"


def test_a_long_speaker_phrase_after_the_quotation_is_found(parser: Language) -> None:
    text = (
        "More:\n“We need more providers with better landers,” Steve Clarke, deputy associate "
        "administrator for exploration in NASA’s Science Mission Directorate, said on a call."
    )
    (quote,) = quotes_of(parser, text)
    assert quote.cue is not None and quote.cue.text == "said"
    assert quote.speaker is not None and quote.speaker.text.startswith("Steve Clarke")


def test_a_report_with_nobody_reporting_is_dropped(parser: Language) -> None:
    assert quotes_of(parser, "Try to describe how it felt when the team lost.") == []


def test_quoted_as_saying_takes_the_passive_subject(parser: Language) -> None:
    text = "Senator Karen Holt was quoted as saying she looked forward to the debate."
    (quote,) = quotes_of(parser, text)
    assert quote.text == "she looked forward to the debate"
    assert quote.speaker is not None and quote.speaker.text == "Senator Karen Holt"


def test_a_speaker_with_a_relative_clause_before_the_verb_is_read_from_the_surface(
    parser: Language,
) -> None:
    text = (
        "The ministry has drawn up a plan to sell the national airline to a Gulf investor, "
        "a senior official in the ministry, who asked not to be identified, told reporters."
    )
    (quote,) = quotes_of(parser, text)
    assert quote.text.endswith("to a Gulf investor")
    assert quote.speaker is not None and quote.speaker.anonymous
    assert quote.speaker.text == "a senior official in the ministry, who asked not to be identified"


def test_he_skips_a_report_for_the_last_person_quoted(parser: Language) -> None:
    text = (
        "A senior official said the ministry had hired a law firm. According to estimates by "
        "a bank, the sale could raise two billion dollars.\n\n"
        "He warned that the deal could still collapse."
    )
    quotes = quotes_of(parser, text)
    assert quotes[-1].speaker is not None and quotes[-1].speaker.text == "He"
    assert quotes[-1].speaker.description == "A senior official"


def mention_of(text: str, words: str, code: str, country: str | None) -> Mention:
    start = text.index(words)
    return Mention(start, start + len(words), words, "PERSON", Actor(code, words, country))


def test_a_surname_after_a_full_name_takes_its_name_and_actor(parser: Language) -> None:
    # surname_takes_full_name
    text = "Senator Jane Hale said the bill was dead. Hale said she would vote against it."
    mentions = [mention_of(text, "Senator Jane Hale", "USALEG", "USA")]
    first, second = quotes_of(parser, text, mentions)
    assert second.speaker is not None and second.speaker.text == "Hale"
    assert (second.speaker.name, second.speaker.actor) == ("Jane Hale", first.speaker.actor)
    text = "President Hamid Karzai met the ministers in Kabul. Karzai said the talks had failed."
    mentions = [mention_of(text, "President Hamid Karzai", "AFGGOV", "AFG")]
    (quote,) = quotes_of(parser, text, mentions)
    assert quote.speaker is not None and quote.speaker.name == "Hamid Karzai"
    assert quote.speaker.actor is not None and quote.speaker.actor.code == "AFGGOV"


@pytest.mark.parametrize(
    "opening",
    [
        "Zalmay Khalilzad, the U.S. envoy, met the insurgents in Amman.",
        "The U.S. envoy, Zalmay Khalilzad, met the insurgents in Amman.",
        "Zalmay Khalilzad, the U.S. envoy, said the talks were useful.",
    ],
)
def test_a_definite_description_takes_the_name_in_apposition(
    parser: Language, opening: str
) -> None:
    # description_takes_apposition
    text = opening + " The envoy said the meetings would go on."
    mentions = [mention_of(text, "Zalmay Khalilzad", "USAGOV", "USA")]
    quote = quotes_of(parser, text, mentions)[-1]
    assert quote.speaker is not None and quote.speaker.text == "The envoy"
    assert quote.speaker.name == "Zalmay Khalilzad"
    assert quote.speaker.actor is not None and quote.speaker.actor.code == "USAGOV"


def test_a_description_with_no_apposition_names_nobody(parser: Language) -> None:
    # description_takes_apposition
    text = "Zalmay Khalilzad met the insurgents in Amman. The envoy said the talks would go on."
    (quote,) = quotes_of(parser, text)
    assert quote.speaker is not None and quote.speaker.name is None


def test_a_belief_told_with_a_verb_of_saying_is_a_belief(parser: Language) -> None:
    # speech_verb_kind
    (quote,) = quotes_of(parser, "She believes that the plan will fail.")
    assert (quote.kind, quote.text) == ("belief", "the plan will fail")
    (quote,) = quotes_of(parser, "He thinks the talks will collapse.")
    assert quote.kind == "belief"
    (quote,) = quotes_of(parser, "He said the talks will collapse.")
    assert quote.kind == "indirect"
