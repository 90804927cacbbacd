"""The entity recogniser only on the sentences that can hold a name, a number or a date
(issue 15: faster than the bare pass).

The NER is the dearest part of the small English model (about 40% of the spaCy pass: it has
its own token-to-vector layer). Every entity dateline reads is a name (a capitalised word), a
number (digits, "two", "third") or a date or time ("yesterday", "last week"). A sentence with
none of these gives the NER nothing to find, and ``needs_entities`` sees that from the words
alone. ``SelectiveNer`` runs the model's own NER on runs of consecutive sentences that need
it, each with ``CONTEXT_TOKENS`` tokens of the text around it (the NER's word vectors read
four tokens either side), and writes their entities back into the article's Doc, every other
token outside any entity, as the NER marks what it does not take.

A sentence's first word is capitalised by position; it counts as a name only when it is not
a common word of the language (spaCy's stop words: "The", "He", "But").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from .timex.lexicon import load_time_lexicon

__all__ = ["CONTEXT_TOKENS", "SelectiveNer", "needs_entities", "time_words", "use_selective_ner"]

# Tokens of the text before and after a run of sentences given to the NER with it: the
# NER's convolutional word vectors see four tokens either side, its transitions two or three.
CONTEXT_TOKENS = 8
# Characters that make a token a number, an amount or a share.
_NUMBER_MARKS = frozenset("0123456789$€£¥%")


@lru_cache(maxsize=1)
def time_words() -> frozenset[str]:
    """Words of dates, times and durations, from the time expression lexicon (lower case):
    months, weekdays, numbers and ordinals, units, seasons, parts of the day, references
    ("yesterday"), holidays."""
    lex = load_time_lexicon()
    groups: Iterable[Iterable[str]] = (
        lex.months,
        lex.weekdays,
        lex.numbers,
        lex.vague_numbers,
        lex.ordinals,
        lex.units,
        lex.time_units,
        lex.seasons,
        lex.parts_of_day,
        lex.named_times,
        lex.decade_words,
        lex.references,
        lex.sets,
        lex.frequencies,
        lex.relative_days,
        lex.relative_words,
        lex.holidays,
        lex.century_ordinals,
    )
    return frozenset(
        word.lower() for group in groups for phrase in group for word in phrase.split()
    )


def needs_entities(sent: Span, words: frozenset[str]) -> bool:
    """Whether ``sent`` may hold an entity: a capitalised word (the first word only when it is
    no stop word), a token with a digit or a currency or per cent sign, a word spaCy reads as
    a number, or a word of ``words`` (``time_words``)."""
    first = True
    for token in sent:
        if token.is_space:
            continue
        text = token.text
        if token.like_num or any(c in _NUMBER_MARKS for c in text):
            return True
        if token.is_punct:
            continue
        if any(c.isupper() for c in text) and not (first and token.is_stop):
            return True
        if token.lower_ in words:
            return True
        first = False
    return False


def entity_runs(doc: Doc, words: frozenset[str]) -> list[tuple[int, int]]:
    """The token ranges [start, end) of ``doc`` to give the NER: runs of consecutive
    sentences that need it (``needs_entities``), two runs closer than twice
    ``CONTEXT_TOKENS`` joined."""
    runs: list[tuple[int, int]] = []
    for sent in doc.sents:
        if not needs_entities(sent, words):
            continue
        if runs and sent.start - runs[-1][1] < 2 * CONTEXT_TOKENS:
            runs[-1] = (runs[-1][0], sent.end)
        else:
            runs.append((sent.start, sent.end))
    return runs


class SelectiveNer:
    """The pipeline's NER run only on the sentences that need it (see the module docstring)."""

    def __init__(self, ner: Any, words: frozenset[str]) -> None:
        self.ner = ner
        self.words = words

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            pieces: list[tuple[int, int, int, int]] = []  # doc, window start, core start, end
            windows: list[Doc] = []
            for n, doc in enumerate(batch):
                for start, end in entity_runs(doc, self.words):
                    left = max(0, start - CONTEXT_TOKENS)
                    right = min(len(doc), end + CONTEXT_TOKENS)
                    pieces.append((n, left, start, end))
                    windows.append(doc[left:right].as_doc())
            found: list[list[Span]] = [[] for _ in batch]
            for (n, left, start, end), window in zip(
                pieces, self.ner.pipe(windows, batch_size=batch_size), strict=True
            ):
                doc = batch[n]
                for ent in window.ents:
                    if start <= left + ent.start < end:
                        found[n].append(
                            Span(doc, left + ent.start, left + ent.end, label=ent.label)
                        )
            for doc, ents in zip(batch, found, strict=True):
                doc.set_ents(ents, default="outside")
            yield from batch


@Language.factory("dateline_selective_ner")
def make_selective_ner(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The ``dateline_selective_ner`` component: ``nlp``'s ``ner`` on the sentences that
    need it (added beside it by ``use_selective_ner``, which then sets the ``ner`` aside)."""
    return SelectiveNer(nlp.get_pipe("ner"), time_words())


def use_selective_ner(nlp: Language) -> bool:
    """Run ``nlp``'s NER through ``SelectiveNer``; False (``nlp`` unchanged) without one."""
    if "ner" not in nlp.pipe_names:
        return False
    nlp.add_pipe("dateline_selective_ner", after="ner")
    nlp.disable_pipe("ner")
    return True
