"""The spaCy pipeline as dateline loads it."""

from __future__ import annotations

from spacy.language import Language


def test_a_word_cut_at_a_hyphen_does_not_end_a_sentence(nlp: Language) -> None:
    # The bare model splits this sentence after "anti-".
    doc = nlp("Hooligans were seen to break into an anti- Tehran parade on Friday.")
    assert len(list(doc.sents)) == 1
    doc = nlp("Both pro- and anti-war groups marched. The police watched.")
    assert len(list(doc.sents)) == 2


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
