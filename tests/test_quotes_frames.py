"""Attribution as PolNeAR defines it (issue 11): cues of every kind, sources named or not."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dateline.model import Article, Quote
from dateline.nlp import load_nlp
from dateline.quotes import find_quotes
from dateline.settings import Settings


@pytest.fixture(scope="module")
def parser(settings: Settings) -> Language:
    return load_nlp(settings.spacy_model)


def quotes_of(parser: Language, text: str) -> list[Quote]:
    article = Article(text=text)
    return find_quotes(article, parser(text), [])


def only(parser: Language, text: str) -> Quote:
    (quote,) = quotes_of(parser, text)
    return quote


def speaker(quote: Quote) -> str | None:
    return quote.speaker.text if quote.speaker else None


def test_a_speech_act_reports_what_it_is_about(parser: Language) -> None:
    quote = only(parser, "The senator accused the governor of hiding the audit.")
    assert (quote.kind, speaker(quote), quote.cue and quote.cue.text) == (
        "indirect",
        "The senator",
        "accused",
    )
    assert "hiding the audit" in quote.text


def test_an_urged_party_belongs_to_the_content(parser: Language) -> None:
    quote = only(parser, "The envoy urged both sides to return to the talks.")
    assert quote.text == "both sides to return to the talks"


def test_a_phrasal_cue_keeps_its_preposition(parser: Language) -> None:
    quote = only(parser, "The union called for a national strike.")
    assert quote.cue is not None and quote.cue.text == "called for"
    assert quote.text == "a national strike"


def test_beliefs_and_intentions_are_attributions(parser: Language) -> None:
    quote = only(parser, "The mayor wants to raise the city's sales tax.")
    assert (quote.kind, speaker(quote), quote.text) == (
        "belief",
        "The mayor",
        "to raise the city's sales tax",
    )


def test_evidence_names_its_source(parser: Language) -> None:
    quote = only(parser, "A new survey shows the incumbent trailing by six points.")
    assert (quote.kind, speaker(quote)) == ("evidence", "A new survey")
    assert quote.text == "the incumbent trailing by six points"


def test_a_finding_needs_evidence_or_a_clause(parser: Language) -> None:
    assert quotes_of(parser, "Police found a car near the river.") == []


def test_passive_cue_without_agent_has_no_source(parser: Language) -> None:
    quote = only(parser, "The bill is expected to pass the chamber next week.")
    assert (quote.kind, quote.speaker) == ("no-source", None)
    assert quote.text.startswith("The bill") and "to pass the chamber" in quote.text


def test_passive_cue_with_agent_names_it(parser: Language) -> None:
    quote = only(parser, "The governor has been endorsed by three newspapers.")
    assert (speaker(quote), quote.text) == ("three newspapers", "The governor")


def test_reportedly_gives_no_source(parser: Language) -> None:
    quote = only(parser, "The minister reportedly resigned on Friday.")
    assert (quote.kind, quote.speaker, quote.cue and quote.cue.text) == (
        "no-source",
        None,
        "reportedly",
    )


def test_a_nominal_cue_takes_its_possessor(parser: Language) -> None:
    quote = only(parser, "The senator's claim that the vote was rigged drew criticism.")
    assert (speaker(quote), quote.text) == ("The senator", "the vote was rigged")


def test_a_light_verb_lends_its_subject_to_the_noun(parser: Language) -> None:
    quote = only(parser, "Critics raised questions about the contract.")
    assert (speaker(quote), quote.text) == ("Critics", "the contract")


def test_a_transcript_line_is_attributed_to_its_speaker(parser: Language) -> None:
    quote = only(parser, "HOLT: We will not back down from this fight.")
    assert (speaker(quote), quote.cue and quote.cue.text) == ("HOLT", ":")
    assert quote.text == "We will not back down from this fight."


def test_a_dash_and_a_name_attribute_the_line_before(parser: Language) -> None:
    quote = only(parser, "“We will rebuild every school in this valley.” ― Maria Lopez\n")
    assert (quote.kind, speaker(quote)) == ("direct", "Maria Lopez")


def test_a_verb_of_saying_before_a_colon_reports_what_follows(parser: Language) -> None:
    quote = only(parser, "The minister added: the plan will fail without funding.")
    assert quote.text == "the plan will fail without funding"


def test_the_outermost_report_wins(parser: Language) -> None:
    quote = only(parser, "The governor said he believes the deal will hold.")
    assert quote.text == "he believes the deal will hold"


def test_a_relative_pronoun_speaks_for_its_antecedent(parser: Language) -> None:
    quote = only(parser, "The clerk, who said the files were lost, resigned on Monday.")
    assert speaker(quote) == "who"
    assert quote.text == "the files were lost"


def test_pronoun_speakers_carry_the_name_they_refer_to(parser: Language) -> None:
    text = (
        "Ambassador Zalmay Khalilzad met the delegation on Monday. "
        "He said the talks would continue."
    )
    quote = only(parser, text)
    assert quote.speaker is not None and quote.speaker.text == "He"
    assert quote.speaker.name == "Zalmay Khalilzad"


def test_an_apposition_names_the_speaker(parser: Language) -> None:
    quote = only(parser, "A spokesman for the rebels, Abu Omar, said the group would not disarm.")
    assert quote.speaker is not None and quote.speaker.name == "Abu Omar"


def test_two_apostrophes_are_a_quotation_mark(parser: Language) -> None:
    quote = only(parser, "''We cannot afford this,'' the treasurer said.")
    assert (quote.kind, quote.text, speaker(quote)) == (
        "direct",
        "We cannot afford this,",
        "the treasurer",
    )


def test_a_quotation_inside_its_clause_is_mixed(parser: Language) -> None:
    text = "With three weeks left, “nothing is settled,” the organiser said."
    quote = only(parser, text)
    assert quote.kind == "mixed" and quote.text.startswith("With three weeks left")


def test_a_short_quoted_phrase_in_running_words_is_no_quotation(parser: Language) -> None:
    assert quotes_of(parser, "The new “reform” was published on Monday.") == []


def test_who_is_told_is_not_what_is_said(parser: Language) -> None:
    assert quotes_of(parser, "The mayor told reporters after the meeting.") == []


def test_an_intention_of_nobody_named_is_no_attribution(parser: Language) -> None:
    assert quotes_of(parser, "The council approved a plan to expand the harbour.") == []


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The rebels appealed for calm after the attack.", "appealed for", "calm"),
        (
            "The government offered to mediate between the two sides.",
            "offered",
            "to mediate between the two sides",
        ),
        ("Russia vetoed a resolution on the war.", "vetoed", "a resolution on the war"),
    ],
)
def test_appeals_offers_and_vetoes_are_speech_acts(
    parser: Language, text: str, cue: str, content: str
) -> None:
    quote = only(parser, text)
    assert (quote.kind, quote.cue and quote.cue.text, quote.text) == ("indirect", cue, content)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ('The minister: "We will not back down."', "The minister"),
        (
            'A senior official in the ministry: "The talks are over."',
            "A senior official in the ministry",
        ),
    ],
)
def test_a_description_and_a_colon_attribute_the_line(
    parser: Language, text: str, source: str
) -> None:
    # colon_after_description
    quote = only(parser, text)
    assert (speaker(quote), quote.cue and quote.cue.text, quote.kind) == (source, ":", "direct")


def test_a_label_and_a_colon_are_no_attribution(parser: Language) -> None:
    # colon_after_description
    assert quotes_of(parser, 'The bottom line: "We will not back down."') == []
    assert quotes_of(parser, "The result: the plan failed.") == []
