"""Loads the spaCy pipeline once per process and runs it in batches.

Two limits keep the cost of a text linear and its memory bounded (issue 9):

- ``dateline_sentence_limit`` (before the parser) ends a stretch of more than
  ``max_sentence_tokens`` tokens with no sentence-final punctuation, so the parser and the
  stages after it never see a sentence longer than that (200,000 characters with no full
  stop were one "sentence"). The number of cuts is kept in ``doc.user_data[SPLIT_KEY]``.
- ``parse_text`` parses a text longer than ``max_parse_chars`` in pieces cut at paragraph
  breaks and joins them into one Doc: the tagger's and parser's working memory grows with the
  length of the text they are given (about 17 KB a token: 3.1 GB for a 990,000-character
  article parsed whole).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.attrs import NORM, ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from .attribute_table import use_attribute_table
from .errors import E_MODEL, ModelLoadError
from .settings import Settings

# Titles of rank and office written short before a name that spaCy's English tokenizer
# splits from their full stop ("Cpl", "."), where the parser may then end a sentence.
TITLE_ABBREVIATIONS = (
    "Atty.",
    "Brig.",
    "Capt.",
    "Cmdr.",
    "Col.",
    "Cpl.",
    "Cpt.",
    "Det.",
    "Insp.",
    "Lt.",
    "Maj.",
    "Pfc.",
    "Pvt.",
    "Reps.",
    "Sens.",
    "Sgt.",
    "Spc.",
    "Supt.",
)

# ``doc.user_data`` key: how many over-long sentences ``dateline_sentence_limit`` cut.
SPLIT_KEY = "dateline_sentences_split"
_DEFAULTS = Settings()
# Characters of a token after which the parser nearly always ends a sentence.
_FINAL_PUNCTUATION = frozenset(".!?…")
# Tokens after which an over-long stretch is best cut (a clause ends there).
_SOFT_BREAKS = frozenset({",", ";", ":", "-", "–", "—", "―", "--"})


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


class SentenceLimit:
    """Cuts a stretch of more than ``max_tokens`` tokens without sentence-final punctuation
    (``.``, ``!``, ``?``, ``…``) or a paragraph break, before the parser segments the text.

    The cut falls after the stretch's last clause break (a comma, semicolon, colon or dash)
    in the second half of the stretch, else where the limit is reached; never on a token
    the sentence hints keep inside a sentence. ``max_tokens`` 0 cuts nothing.
    """

    def __init__(self, max_tokens: int) -> None:
        self.max_tokens = max_tokens

    def __call__(self, doc: Doc) -> Doc:
        limit = self.max_tokens
        if limit <= 0 or len(doc) <= limit:
            return doc
        cuts = 0
        start = 0  # first token of the stretch
        soft = -1  # the token after the stretch's last clause break
        for tok in doc:
            i = tok.i
            if i > start and tok.is_sent_start:  # a paragraph break (sentence hints)
                start, soft = i, -1
            elif i - start >= limit:
                cut = _cut_point(doc, soft if soft > start + limit // 2 else i)
                if cut is not None:
                    doc[cut].is_sent_start = True
                    cuts += 1
                    start = cut
                soft = -1
            text = tok.text
            if text[0] in _FINAL_PUNCTUATION and all(c in _FINAL_PUNCTUATION for c in text):
                start, soft = i + 1, -1
            elif text in _SOFT_BREAKS:
                soft = i + 1
        if cuts:
            doc.user_data[SPLIT_KEY] = doc.user_data.get(SPLIT_KEY, 0) + cuts
        return doc


def _cut_point(doc: Doc, i: int) -> int | None:
    """The first token from ``i`` on that may start a sentence: not white space, and not
    held inside its sentence by the hints (``is_sent_start`` False)."""
    for j in range(i, min(len(doc), i + 8)):
        tok = doc[j]
        if not tok.is_space and tok.is_sent_start is not False:
            return j
    return None


@Language.factory(
    "dateline_sentence_limit",
    default_config={"max_tokens": _DEFAULTS.max_sentence_tokens},
)
def make_sentence_limit(nlp: Language, name: str, max_tokens: int) -> SentenceLimit:
    """The ``dateline_sentence_limit`` component (see ``SentenceLimit``)."""
    return SentenceLimit(max_tokens)


@lru_cache(maxsize=4)
def load_nlp(
    name: str,
    max_sentence_tokens: int = _DEFAULTS.max_sentence_tokens,
    *,
    stock: bool = False,
) -> Language:
    """Load the spaCy pipeline ``name`` (the ``spacy_model`` setting), once per process, with
    dateline's two components before the parser (sentence hints, then the sentence limit),
    and the model's ``attribute_ruler`` run as a table (``attribute_table``: the same tokens,
    faster). ``stock`` keeps the model's own ruler (the benchmarks' bare pass)."""
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError, ValueError) as e:
        raise ModelLoadError(E_MODEL.format(name=name, error=e)) from e
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelLoadError(
            E_MODEL.format(name=name, error=f"the pipeline has no {', '.join(sorted(missing))}")
        )
    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, Tokenizer):
        for title in TITLE_ABBREVIATIONS:
            # "Cpl. Anthony Williams": one token, as spaCy has "Gov." and "Sen.", so that
            # the parser does not end a sentence at its full stop.
            tokenizer.add_special_case(title, [{ORTH: title}])
        # The horizontal bar some outlets end a dateline with ("WASHINGTON ― Donald Trump's
        # ..."): the model has not seen it and tags it a verb, so that the sentence has no
        # parse; it is read as the em dash it stands for.
        tokenizer.add_special_case("\u2015", [{ORTH: "\u2015", NORM: "\u2014"}])
    nlp.add_pipe("dateline_sentence_hints", before="parser")
    nlp.add_pipe(
        "dateline_sentence_limit", before="parser", config={"max_tokens": max_sentence_tokens}
    )
    if not stock:
        use_attribute_table(nlp)
    return nlp


def split_text(text: str, max_chars: int) -> list[str]:
    """``text`` in pieces of about ``max_chars`` characters at most, whose concatenation is
    ``text``: each cut follows the last blank line in the second half of a piece, else the
    last line break, else the last sentence end (". "), else the last space (a cut also takes
    the white space after it), else falls at ``max_chars``."""
    if max_chars <= 0 or len(text) <= max_chars:
        return [text]
    pieces: list[str] = []
    start, n = 0, len(text)
    while n - start > max_chars:
        end = start + max_chars
        low = start + max_chars // 2
        cut = -1
        for mark in ("\n\n", "\n", ". ", " "):
            k = text.rfind(mark, low, end)
            if k >= 0:
                cut = k + len(mark)
                break
        if cut < 0:
            cut = end
        else:
            while cut < n and text[cut].isspace():
                cut += 1
        pieces.append(text[start:cut])
        start = cut
    if start < n:
        pieces.append(text[start:])
    return pieces


def parse_text(nlp: Language, text: str, max_chars: int = _DEFAULTS.max_parse_chars) -> Doc:
    """Parse ``text`` with ``nlp``: whole when it has at most ``max_chars`` characters (or
    ``max_chars`` is 0), else in pieces (``split_text``) joined into one Doc whose text is
    ``text``. Each piece starts a sentence; ``doc.user_data`` keeps only ``SPLIT_KEY``."""
    pieces = split_text(text, max_chars)
    if len(pieces) == 1:
        return nlp(text)
    docs: list[Doc] = []
    cuts = 0
    for doc in nlp.pipe(pieces, batch_size=1):
        cuts += doc.user_data.get(SPLIT_KEY, 0)
        doc.tensor = doc.tensor[:0]  # the token vectors are not used after parsing
        docs.append(doc)
    # spaCy's stub lacks ``exclude`` (Doc.from_docs has taken it since 3.3).
    joined = Doc.from_docs(  # type: ignore[call-arg]
        docs, ensure_whitespace=False, exclude=["user_data", "tensor"]
    )
    if cuts:
        joined.user_data[SPLIT_KEY] = cuts
    return joined


def parse_texts(nlp: Language, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Run ``nlp.pipe`` over ``texts``, in order."""
    yield from nlp.pipe(texts, batch_size=batch_size)
