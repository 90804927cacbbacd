"""The language of an article: py3langid's model (shipped inside its package) on a sample.

dateline codes English: the spaCy model, the dictionaries and the time grammar are English. A
text in another language is stored with its language and not coded (issue 9: Arabic, Spanish
and French texts were labelled ``en``, parsed with the English model and gave nothing, without
a word). A wrong "not English" loses an article's events, a wrong "English" only costs a parse,
so every doubt is settled as English:

- a text shorter than ``language_min_chars`` is too short to tell;
- a text dense with English function words is English without asking the model (this also
  spares the model's 1.4 s load on an English-only run);
- otherwise the model must name another language with ``language_min_probability``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from ..settings import Settings
from .lexicon import ENGLISH_FUNCTION_WORDS

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

ENGLISH = "en"
# py3langid's label for text with no language in it (digits, symbols, markup).
NO_LANGUAGE = "zxx"
# Share of the sample's words that are English function words above which the text is English.
# Measured on 1,057 English news texts of 200+ characters (first 2,000 characters): median
# 0.27, 99.5% at 0.15 or more; eight non-English texts of the same sets: at most 0.08.
ENGLISH_FUNCTION_WORD_SHARE = 0.15
_WORD = regex.compile(r"[\p{L}\p{M}]+")


def detect_language(text: str, settings: Settings | None = None) -> str:
    """The ISO 639-1 code of the text's language ("en" when short or not clearly another).

    py3langid names a few languages with no two-letter code by their ISO 639-3 code ("ary").
    """
    settings = settings or Settings.from_env()
    if not settings.detect_language:
        return ENGLISH
    sample = text[: settings.language_sample_chars]
    if len(sample.strip()) < settings.language_min_chars or reads_as_english(sample):
        return ENGLISH
    language, probability = _identifier().classify(sample)
    if language in (ENGLISH, NO_LANGUAGE) or probability < settings.language_min_probability:
        return ENGLISH
    return str(language)


def reads_as_english(sample: str) -> bool:
    """True when English function words ("the", "of", "said") are a large share of the words."""
    words = _WORD.findall(sample.lower())
    if not words:
        return False
    found = sum(1 for word in words if word in ENGLISH_FUNCTION_WORDS)
    return found >= ENGLISH_FUNCTION_WORD_SHARE * len(words)


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    # The model ships inside the package (a numpy archive, no pickle); loaded once, 1.4 s.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
