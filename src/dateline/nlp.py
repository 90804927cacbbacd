"""Loads the spaCy pipeline once per process and runs it in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import E_MODEL, ModelLoadError


@Language.component("dateline_sentence_hints")
def sentence_hints(doc: Doc) -> Doc:
    """Boundaries the parser is told before it segments: a blank line (a paragraph break)
    always ends a sentence, and a word cut off at a hyphen ("an anti- Gondor parade",
    "pro- and anti-war groups") never does."""
    for tok in doc[:-1]:
        text = tok.text
        if tok.is_space:
            if text.count("\n") > 1:
                doc[tok.i + 1].is_sent_start = True
        elif len(text) > 1 and text[-1] == "-" and text[0].isalpha():
            doc[tok.i + 1].is_sent_start = False
    return doc


@lru_cache(maxsize=4)
def load_nlp(name: str) -> Language:
    """Load the spaCy pipeline ``name`` (the ``spacy_model`` setting), once per process."""
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError, ValueError) as e:
        raise ModelLoadError(E_MODEL.format(name=name, error=e)) from e
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelLoadError(
            E_MODEL.format(name=name, error=f"the pipeline has no {', '.join(sorted(missing))}")
        )
    nlp.add_pipe("dateline_sentence_hints", before="parser")
    return nlp


def parse_texts(nlp: Language, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Run ``nlp.pipe`` over ``texts``, in order."""
    yield from nlp.pipe(texts, batch_size=batch_size)
