"""The spaCy pipeline as dateline loads it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from conftest import EXAMPLES
from dateline import Pipeline, Settings
from dateline.nlp import SPLIT_KEY, SentenceLimit, parse_text, split_text


def test_a_word_cut_at_a_hyphen_does_not_end_a_sentence(nlp: Language) -> None:
    # The bare model splits this sentence after "anti-".
    doc = nlp("Hooligans were seen to break into an anti- Tehran parade on Friday.")
    assert len(list(doc.sents)) == 1
    doc = nlp("Both pro- and anti-war groups marched. The police watched.")
    assert len(list(doc.sents)) == 2


def test_a_title_of_rank_written_short_does_not_end_a_sentence(nlp: Language) -> None:
    for title in ("Cpl.", "Cmdr.", "Atty.", "Lt. Col."):
        doc = nlp(f"Another Marine, {title} Anthony Williams, was killed the same day.")
        assert len(list(doc.sents)) == 1, title


def test_a_blank_line_always_ends_a_sentence(nlp: Language) -> None:
    # The bare model runs on across the paragraph break after a closing quotation mark.
    text = (
        "The spokesman said the talks went through a broker “a man whom we trust.”\n\n"
        "By joining the talks, the rebels had aimed\nat a deal, the spokesman said."
    )
    sents = [s.text.strip() for s in nlp(text).sents]
    assert sents[0].endswith("trust.”")
    assert sents[1].startswith("By joining")
    assert len(sents) == 2  # a line broken by hand ends none


def test_a_stretch_with_no_full_stop_is_cut_into_sentences_before_the_parser(
    nlp: Language,
) -> None:
    # 200,000 characters with no punctuation were one "sentence" of 33,000 tokens (issue 9).
    words = ("the rebels met the envoy in the capital and talks went on " * 60).split()
    doc = nlp(" ".join(words))
    limit = Settings().max_sentence_tokens
    assert len(doc) > 2 * limit
    assert max(len(s) for s in doc.sents) <= limit
    assert doc.user_data[SPLIT_KEY] >= 2


def test_sentences_that_end_with_full_stops_are_not_cut(nlp: Language) -> None:
    text = (EXAMPLES / "000_0606c9bc127a92b0.txt").read_text(encoding="utf-8")
    assert SPLIT_KEY not in nlp(text).user_data


def test_the_sentence_limit_cuts_after_a_clause_break_when_there_is_one() -> None:
    limit = SentenceLimit(10)
    doc = Doc(
        Vocab(), words=["a", "b", "c", "d", "e", "f", ",", "g", "h", "i", "j", "k", "l", "m", "n"]
    )
    limit(doc)
    assert doc[7].is_sent_start  # after the comma, not at the tenth token
    assert doc.user_data[SPLIT_KEY] == 1


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("ab .\n"), max_size=400),
    st.integers(min_value=1, max_value=120),
)
def test_split_text_gives_pieces_that_join_to_the_text_and_keep_near_the_limit(
    text: str, max_chars: int
) -> None:
    pieces = split_text(text, max_chars)
    assert "".join(pieces) == text
    assert all(pieces) or pieces == [""]
    for piece in pieces[:-1]:
        # A cut takes the white space after it; the rest is at most the limit.
        assert len(piece.rstrip()) <= max_chars


def test_a_text_over_max_parse_chars_is_parsed_in_pieces_into_one_doc(nlp: Language) -> None:
    seed = (EXAMPLES / "000_0606c9bc127a92b0.txt").read_text(encoding="utf-8")
    text = seed * 3
    whole = nlp(text)
    pieces = parse_text(nlp, text, max_chars=2000)
    assert pieces.text == text
    assert [t.idx for t in pieces] == [t.idx for t in whole]
    assert pieces.has_annotation("DEP") and pieces.has_annotation("ENT_IOB")
    # The pieces are cut at paragraph breaks, which end sentences anyway.
    assert len(list(pieces.sents)) == len(list(whole.sents))


def test_an_article_with_cut_sentences_says_so_in_its_warnings(pipeline: Pipeline) -> None:
    words = ("the rebels met the envoy in the capital and talks went on " * 60).split()
    article = pipeline.extract(" ".join(words), date="2006-05-23")
    assert len(article.warnings) == 1
    assert article.warnings[0].startswith("[W001]")
    assert article.to_json()["article"]["warnings"] == article.warnings


def test_a_dateline_ending_in_a_horizontal_bar_leaves_its_sentence_parsed(
    pipeline: Pipeline,
) -> None:
    # U+2015, which some outlets end a dateline with, is read as the em dash it stands for.
    article = pipeline.extract(
        "WASHINGTON \u2015 Donald Trump's obsession is an insult to all African-Americans, "
        "top black lawmakers said Friday.",
        date="2016-09-16",
    )
    assert any(e.root == "11" for e in article.events)
