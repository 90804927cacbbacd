"""``TokenBounds`` finds the same tokens as ``Doc.char_span(..., "expand")``."""

from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.tokenspan import TokenBounds, expand_span

_NLP = spacy.blank("en")

_TEXTS = st.text(alphabet=st.sampled_from(list("ab .,'\n\t-")), max_size=40)


@settings(max_examples=300, deadline=None)
@given(text=_TEXTS, a=st.integers(0, 45), b=st.integers(0, 45))
def test_token_bounds_match_spacys_expanded_char_span(text: str, a: int, b: int) -> None:
    a, b = sorted((min(a, len(text)), min(b, len(text))))
    doc = _NLP(text)
    theirs = doc.char_span(a, b, alignment_mode="expand")
    ours = TokenBounds(doc).span(a, b)
    if theirs is None:
        assert ours is None or len(ours) == 0
    else:
        assert ours is not None
        assert (ours.start, ours.end) == (theirs.start, theirs.end)


def test_expand_span_covers_a_partly_selected_word_and_skips_spaces_between() -> None:
    doc = _NLP("The council  met on Monday.")
    span = expand_span(doc, 6, 14)  # "ncil  m": parts of two words and the spaces between
    assert span is not None and span.text == "council  met"


def test_expand_span_answers_for_the_doc_it_is_given_not_the_last_one() -> None:
    first, second = _NLP("one two three"), _NLP("four five")
    assert expand_span(first, 4, 7).text == "two"  # type: ignore[union-attr]
    assert expand_span(second, 0, 4).text == "four"  # type: ignore[union-attr]
    assert expand_span(first, 8, 13).text == "three"  # type: ignore[union-attr]
