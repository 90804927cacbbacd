"""The spaCy pipeline as dateline loads it."""

from __future__ import annotations

from spacy.language import Language


def test_a_word_cut_at_a_hyphen_does_not_end_a_sentence(nlp: Language) -> None:
    # The bare model splits this sentence after "anti-".
    doc = nlp("Hooligans were seen to break into an anti- Tehran parade on Friday.")
    assert len(list(doc.sents)) == 1
    doc = nlp("Both pro- and anti-war groups marched. The police watched.")
    assert len(list(doc.sents)) == 2
