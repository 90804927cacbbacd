"""How a dictionary phrase's words match the text's (the matcher's word core).

Words compare by their matching key (``compiled.match_key``: lower case, dots dropped). A
phrase without a trailing ``_`` ends in a TABARI stem: its last word also matches words it
begins, when the stem has ``MIN_STEM``+ letters and the rest is a plural, demonym or
country-name ending (``modifiers.STEM_SUFFIXES``: "AMERICA" matches "Americans", "GERA" not
"Gerald"); shorter stems match themselves and their plurals. An exact last word still
matches its regular plural ("IRAQI_" -> "Iraqis"). Phrases of ``MAX_ACRONYM`` letters or
fewer ("US", "UN") match only upper-case text. Words joined by a space in the dictionary
may have a few modifiers between them in the text ("Ithilen state-run television").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from .modifiers import STEM_SUFFIXES

MIN_STEM = 4  # letters a stem needs before it matches longer words


MAX_STEM_SUFFIX = 4  # letters a stem may be followed by


MAX_ACRONYM = 3  # phrases this short must match upper-case text


# What may stand between the space-joined words of a phrase ("Ithilen state-run television").
_GAP_MAX = 3


_GAP_POS = frozenset({"ADJ", "NOUN", "PROPN", "ADV", "NUM", "PUNCT"})


def words_match(
    words: tuple[str, ...],
    stem: bool,
    gaps: tuple[int, ...],
    keys: list[str],
    i: int,
    tokens: Sequence[Token] | Doc,
    any_case: bool = False,
) -> int:
    """The number of tokens the phrase covers from ``i``, or 0 when it does not match
    (``any_case``: a short phrase that is a word, not an acronym)."""
    if (
        not any_case
        and len(words) == 1
        and len(words[0]) <= MAX_ACRONYM
        and not acronym_ok(words, tokens[i])
    ):
        return 0
    last = len(words) - 1
    n = len(keys)
    j = i
    k = 0
    while k <= last:
        word = words[k]
        if k and k in gaps:
            # Up to _GAP_MAX modifiers may stand between space-joined words.
            limit = min(n, j + _GAP_MAX + 1)
            while (
                j < limit
                and not _word_ok(word, keys[j], k == last, stem)
                and not _joined_words(words, k, keys[j])
            ):
                if not _gap_ok(tokens[j]):
                    return 0
                j += 1
            if j >= limit:
                return 0
        elif j >= n:
            return 0
        joined = _joined_words(words, k, keys[j])
        if joined:
            k += joined
        elif _word_ok(word, keys[j], k == last, stem):
            k += 1
        else:
            return 0
        j += 1
    return j - i


def _joined_words(words: tuple[str, ...], k: int, text: str) -> int:
    """How many of the phrase's words from ``k`` one text word joins with underscores
    ("Dol_Amroth" for DOL AMROTH: the text convention of PETRARCH's records), else 0."""
    if "_" not in text:
        return 0
    parts = [p for p in text.split("_") if p]
    size = len(parts)
    return size if size > 1 and tuple(parts) == words[k : k + size] else 0


def second_word_forms(word: str) -> list[str]:
    """The dictionary words a text word may stand for as a phrase's second word: itself, its
    singular, and (when it may be a stem's longer form) its prefixes."""
    if "_" in word:  # "Dol_Amroth": its first word
        return [word.partition("_")[0]]
    forms = [word]
    if word.endswith("s"):
        forms.append(word[:-1])
        if word.endswith("es"):
            forms.append(word[:-2])
    if word.isalpha():
        forms += [word[:k] for k in range(max(MIN_STEM, len(word) - MAX_STEM_SUFFIX), len(word))]
    return forms


def _word_ok(word: str, text: str, is_last: bool, stem: bool) -> bool:
    if text == word:
        return True
    if not is_last:
        return False
    return stem_matches(word, text) if stem else plural_matches(word, text)


def _gap_ok(token: Token) -> bool:
    if token.pos_ == "PUNCT":
        return token.text == "-"
    if token.pos_ in _GAP_POS:
        return True
    # Any part of a hyphenated modifier ("state-run").
    doc = token.doc
    before = doc[token.i - 1].text if token.i > 0 else ""
    after = doc[token.i + 1].text if token.i + 1 < len(doc) else ""
    return "-" in (before, after)


def plural_matches(word: str, text: str) -> bool:
    """Whether ``text`` is the regular plural of an exact dictionary word of 4+ letters."""
    if len(word) < MIN_STEM or not word.isalpha():
        return False
    return text == word + "s" or (text == word + "es" and word[-1] in "sxzh")


def stem_matches(stem: str, word: str) -> bool:
    if not word.startswith(stem):
        return False
    rest = len(word) - len(stem)
    if len(stem) >= MIN_STEM:
        return rest <= MAX_STEM_SUFFIX and word[len(stem) :] in STEM_SUFFIXES
    return word[len(stem) :] in ("s", "es")


def acronym_ok(words: tuple[str, ...], token: Token) -> bool:
    if len(words) != 1 or len(words[0]) > MAX_ACRONYM:
        return True
    text = token.text
    return text.isupper() or not any(c.isalpha() for c in text)
