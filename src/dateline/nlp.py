"""Loads the spaCy pipeline once per process and runs it in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import E_MODEL, ModelLoadError


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
    return nlp


def parse_texts(nlp: Language, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Run ``nlp.pipe`` over ``texts``, in order."""
    yield from nlp.pipe(texts, batch_size=batch_size)
