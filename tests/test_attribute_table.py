"""The model's attribute rules run as a table give the same tokens as spaCy's ruler."""

from __future__ import annotations

from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language

from conftest import EXAMPLES
from dateline import Settings
from dateline.attribute_table import compile_attribute_table
from dateline.nlp import load_nlp

# Contractions, colloquial forms and white space: the ruler's multi-token, regular-expression
# and dependency patterns ("ai n't", "gon na", "y' all", "nothin'", "there is", "did").
_ODD_FORMS = (
    "I ain't gonna do it, y'all. Let's go! C'mon, it's gotta be nothin'. There is a cat. "
    "Do you have it? I did, and they've said so.  \n\n  \"We're here,\" she said.\n"
)


def test_the_attribute_table_replaces_the_models_ruler(nlp: Language) -> None:
    assert "dateline_attribute_table" in nlp.pipe_names
    assert "attribute_ruler" not in nlp.pipe_names


def test_the_attribute_table_gives_the_tokens_the_ruler_gives(nlp: Language) -> None:
    settings = Settings()
    stock = load_nlp(settings.spacy_model, settings.max_sentence_tokens, stock=True)
    assert "attribute_ruler" in stock.pipe_names
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    texts.append(_ODD_FORMS)
    columns = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
    for ours, theirs in zip(nlp.pipe(texts), stock.pipe(texts), strict=True):
        assert (ours.to_array(columns) == theirs.to_array(columns)).all()
        assert [str(t.morph) for t in ours] == [str(t.morph) for t in theirs]
        assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]


def test_a_pattern_the_table_cannot_read_keeps_the_ruler() -> None:
    settings = Settings()
    stock = load_nlp(settings.spacy_model, settings.max_sentence_tokens, stock=True)
    ruler = stock.get_pipe("attribute_ruler")
    assert compile_attribute_table(ruler) is not None
    blank = Language()
    odd = blank.add_pipe("attribute_ruler")
    odd.add([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"})  # an operator: not read
    assert compile_attribute_table(odd) is None
