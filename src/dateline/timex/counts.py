"""Figures that count a noun, not years: "counted 1999 ballots", "The 2000 protesters".

A four-figure number such as 1999 is a year by its form, and spaCy's entity recogniser
calls it a DATE before almost any noun. Before a plural common noun it counts that noun
(rule ``count_before_plural_noun``, issue 11) when

- nothing that takes a year stands before it: no determiner, possessive, adjective or time
  preposition ("counted 1999 ballots", "sold 2012 cars", "with 2000 troops"), or
- a determiner stands before it and the noun names people or countable things that a year
  rarely dates ("The 2000 protesters"), whereas "the 1992 protests", "its 1989 sales" and
  "below 1990 levels" keep their year.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicon import TimeLexicon

# Tags of a word after which a four-figure number modifies the noun as a year would:
# determiners, possessives, adjectives, ordinals and other numbers.
_MODIFIER_TAGS = frozenset({"DT", "PDT", "PRP$", "POS", "JJ", "JJR", "JJS", "CD", "NNP", "WP$"})


def counts_a_plural_noun(doc: Doc, start: int, end: int, lexicon: TimeLexicon) -> bool:
    """Whether the figure at ``start:end`` counts the plural noun right after it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1 or span.end >= len(doc):
        return False
    figure, noun = span[0], doc[span.end]
    if not _plural_common_noun(noun) or figure.head.i != noun.i:
        return False
    if figure.is_sent_start or figure.i == 0:
        # "2000 troops were sent" counts; a headline's "2012 elections" keeps its year.
        return noun.lemma_.lower() in lexicon.counted_nouns
    before = doc[figure.i - 1]
    word = before.lower_
    if word in lexicon.year_prepositions or before.tag_ in _MODIFIER_TAGS:
        # "the 2000 protesters" counts; "the 1992 protests", "in 2000 protesters marched" not.
        return before.tag_ in {"DT", "PDT"} and noun.lemma_.lower() in lexicon.counted_nouns
    return True


def _plural_common_noun(token: Token) -> bool:
    return token.tag_ == "NNS"
