"""A document's tokens as plain lists, for the questions the coder asks of every token.

Asked of each token of a sentence (is it a candidate verb, its words for the patterns'
prefilter, the tokens of an event noun) through ``Token`` objects, these would cost more
than their answers: the table reads the doc's arrays once.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Container

from spacy.attrs import IDX, LEMMA, ORTH, POS, TAG
from spacy.strings import StringStore
from spacy.symbols import AUX as AUX_POS
from spacy.symbols import VERB as VERB_POS
from spacy.tokens import Doc, Token

from .syntax import joint_form


def is_candidate(tok: Token) -> bool:
    """A token that may be an event's verb: a verb, or a token tagged as one (not an
    auxiliary)."""
    return tok.pos_ == "VERB" or (tok.tag_.startswith("VB") and tok.pos_ != "AUX")


class TokenTable:
    """A doc's tokens as plain lists, read once from its arrays: what the coder asks of
    every token of a sentence (is it a candidate verb, its words for the patterns' prefilter)
    without making a Token object for each, which costs more than the answer."""

    def __init__(self, doc: Doc) -> None:
        self._doc = doc
        self._strings = doc.vocab.strings
        self._array = doc.to_array([POS, TAG, ORTH, LEMMA])
        self._candidates: list[int] | None = None
        self._with_lemma: dict[int, list[int]] = {}  # id(forms) -> the doc's tokens
        self._upper: list[str] | None = None  # each token's text in upper case
        self._plurals: list[int] = []  # the plural nouns (NNS, NNPS)
        self._plural_lemmas: list[str] = []  # their lemmas in upper case
        self._starts: list[int] | None = None  # each token's first character

    def starting_in(self, start: int, end: int) -> range:
        """The tokens whose first character lies in ``start:end``."""
        if self._starts is None:
            doc = self._doc
            self._starts = doc.to_array(IDX).tolist() if len(doc) else []
        return range(bisect_left(self._starts, start), bisect_left(self._starts, end))

    def candidates(self, start: int, end: int) -> list[int]:
        """The tokens of ``start:end`` that ``is_candidate`` accepts."""
        if self._candidates is None:
            pos, tags = self._array[:, 0], self._array[:, 1]
            verbal = pos == VERB_POS
            for tag in set(tags.tolist()):
                if self._strings[tag].startswith("VB"):
                    verbal |= (tags == tag) & (pos != AUX_POS)
            self._candidates = verbal.nonzero()[0].tolist()
        return _between(self._candidates, start, end)

    def with_lemma(self, start: int, end: int, forms: Container[str]) -> list[int]:
        """The tokens of ``start:end`` whose ``joint_noun`` is among ``forms``."""
        found = self._with_lemma.get(id(forms))
        if found is None:
            lemmas = self._array[:, 3]
            wanted = lemmas != lemmas  # no token yet (an array of False, one per token)
            unique = set(lemmas.tolist())
            joint = _string_forms(_JOINT_FORMS, self._strings, unique, joint_form)
            for lemma in unique:
                if joint[lemma] in forms:
                    wanted |= lemmas == lemma
            found = self._with_lemma[id(forms)] = wanted.nonzero()[0].tolist()
        return _between(found, start, end)

    def words(self, start: int, end: int, exact: bool) -> frozenset[str]:
        """``patterns.sentence_words`` of the tokens ``start:end``."""
        if self._upper is None:
            strings = self._strings
            orths, tags, lemmas = self._array[:, 2], self._array[:, 1], self._array[:, 3]
            orth_ids = orths.tolist()
            upper = _string_forms(_UPPER, strings, set(orth_ids), str.upper)
            self._upper = list(map(upper.__getitem__, orth_ids))
            plural = (tags == strings["NNS"]) | (tags == strings["NNPS"])
            self._plurals = plural.nonzero()[0].tolist()
            lemma_ids = lemmas.tolist()
            self._plural_lemmas = [strings[lemma_ids[i]].upper() for i in self._plurals]
        if exact:
            return frozenset(self._upper[start:end])
        lo, hi = bisect_left(self._plurals, start), bisect_left(self._plurals, end)
        return frozenset(self._upper[start:end] + self._plural_lemmas[lo:hi])


# A string's form by its hash (the same in every document and vocabulary), kept across
# documents: most of a document's words were seen in documents before it.
_UPPER: dict[int, str] = {}


_JOINT_FORMS: dict[int, str] = {}


_STRING_MAP_MAX = 200_000


def _string_forms(
    cache: dict[int, str], strings: StringStore, keys: set[int], form: Callable[[str], str]
) -> dict[int, str]:
    """``cache`` (string hash -> ``form`` of the string), with the strings of ``keys``."""
    if len(cache) > _STRING_MAP_MAX:
        cache.clear()
    for key in keys.difference(cache):
        cache[key] = form(strings[key])
    return cache


def _between(indices: list[int], start: int, end: int) -> list[int]:
    """The sorted ``indices`` within ``start:end``."""
    return indices[bisect_left(indices, start) : bisect_left(indices, end)]
