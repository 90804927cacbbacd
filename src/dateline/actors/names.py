"""Dictionary matches that are not the name or agent they spell (issue 10).

PETRARCH matched its dictionaries on upper-cased text; the words of a name can stand for
something else in running text, and the case, the quotation marks and the parser's names
tell which. Each rule drops a match before the phrase is coded, in the mentions
(``mentions.find_mentions``) and in the coder's noun phrases (``ActorMatcher.code_tokens``):

- ``mentions.lower_case_name``: a name of the actor dictionaries written all in lower case
  ("raised red flags" is not Venezuela's Red Flag);
- ``mentions.in_a_place_name``: a name before a word for a street or landmark ("180
  Clinton St.", "Lincoln Memorial");
- ``mentions.title_of_a_work``: the names inside a quoted title ("Graduate Together: America
  Honors the Class of 2020");
- ``mentions.surname_not_agent``: an agent's word that is a person's surname ("Kevin King",
  "Mayor Bill Bishop");
- ``mentions.stance_not_group``: "opposition" or "resistance" before "to" or "against"
  with no article is the stance, not a group ("expressed opposition to the law").
"""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.tokens import Doc, Token

from .combine import ActorMatch
from .modifiers import PLACE_NAME_WORDS, TITLE_MAX_WORDS, TITLE_SMALL_WORDS

# Agent words that also name a stance ("opposition to the law").
STANCE_NOUNS = frozenset({"opposition", "resistance"})

__all__ = ["is_plural_word", "plausible_matches"]


def is_plural_word(word: Token) -> bool:
    """A plural noun ("officials", "police"): it heads no name after it as a title does
    ("told police Jones got upset": the police, then Jones; "Officer Jane Doe")."""
    return word.tag_ in ("NNS", "NNPS") or word.lower_ == "police"


def plausible_matches(matches: list[ActorMatch], doc: Doc) -> list[ActorMatch]:
    """``matches`` without those the rules of this module drop."""
    if not matches:
        return matches
    found = _DocNames.of(doc)
    return [
        m
        for m in matches
        if not _lower_case_name(m, doc)
        and not _in_a_place_name(m, doc)
        and not _stance_not_group(m, doc)
        and not any(a <= m.start and m.end <= b for a, b in found.titles)
        and not (
            m.agent >= 0 and m.actor < 0 and found.surnames.intersection(range(m.start, m.end))
        )
    ]


class _DocNames:
    """A doc's quoted titles and surname tokens, found once (kept for the last doc asked
    about: the pipeline codes one document at a time)."""

    _last: _DocNames | None = None

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.length = len(doc)
        self.titles = _quoted_titles(doc)
        self.surnames = _surname_tokens(doc)

    @classmethod
    def of(cls, doc: Doc) -> _DocNames:
        last = cls._last
        if last is None or last.doc is not doc or last.length != len(doc):
            last = cls._last = cls(doc)
        return last


def _lower_case_name(match: ActorMatch, doc: Doc) -> bool:
    """ "The case raised red flags": a phrase of the actor dictionaries (a name: "RED FLAG",
    a Venezuelan group) written all in lower case, with no digit, is a common phrase, not
    the name (rule ``mentions.lower_case_name``; PETRARCH's upper-cased input could not
    tell). The agent dictionaries' common nouns ("police", "rebels") are not affected."""
    if match.actor < 0 or match.agent >= 0:
        return False
    return not any(
        ch.isupper() or ch.isdigit() for tok in doc[match.start : match.end] for ch in tok.text
    )


def _in_a_place_name(match: ActorMatch, doc: Doc) -> bool:
    """ "Police searched his home at 180 Clinton St.", "a rally at Lincoln Memorial": a name
    of the actor dictionaries followed by a word for a street, building or landmark
    (``PLACE_NAME_WORDS``) is part of that place's name (rule ``mentions.in_a_place_name``)."""
    if match.actor < 0 or match.agent >= 0 or match.end >= len(doc):
        return False
    after = doc[match.end]
    return after.is_title and after.lower_.rstrip(".") in PLACE_NAME_WORDS


def _stance_not_group(match: ActorMatch, doc: Doc) -> bool:
    """ "Expressed opposition to enforcement of the law", "resistance to the plan": the
    agents' "opposition" and "resistance" before "to" or "against", with no article before
    them, name a stance, not a group (rule ``mentions.stance_not_group``); "the opposition"
    stays the opposition."""
    if match.agent < 0 or match.actor >= 0 or match.end >= len(doc):
        return False
    if doc[match.end - 1].lower_ not in STANCE_NOUNS or doc[match.end].lower_ not in (
        "to",
        "against",
    ):
        return False
    return match.start == 0 or doc[match.start - 1].pos_ != "DET"


def _surname_tokens(doc: Doc) -> set[int]:
    """The tokens that are a person's surname, not an agent's word: "Kevin King", "Mayor Bill
    Bishop" (the last word of a PERSON name after a given name), and "King" alone once "Kevin
    King" was named (rule ``mentions.surname_not_agent``: the agents' "king" and "bishop"
    made a kidnapped American a government official and a mayor a cleric)."""
    out: set[int] = set()
    first: dict[str, int] = {}  # surname -> the token after its first full name
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        if len(ent) > 1 and ent[-1].pos_ == "PROPN" and ent[-2].pos_ == "PROPN":
            out.add(ent[-1].i)
            first.setdefault(ent[-1].text, ent.end)
    if first:
        # The surname alone later, tagged a proper noun, whatever the parser's entity (it may
        # see none: "King and Weeks were abducted").
        strings = doc.vocab.strings
        wanted = {strings.add(name): name for name in first}
        for i, orth in enumerate(doc.to_array(ORTH).tolist()):
            name = wanted.get(orth)
            if name is not None and i >= first[name] and doc[i].pos_ == "PROPN":
                out.add(i)
    return out


def _quoted_titles(doc: Doc) -> list[tuple[int, int]]:
    """The token ranges of quoted titles of works: "the TV special 'Graduate Together: America
    Honors the High School Class of 2020'", the memoir "Apropos of Nothing". A short
    quotation whose words are capitalised (but for ``TITLE_SMALL_WORDS``) names a book, show
    or report; the actors its words name do not act (rule ``mentions.title_of_a_work``)."""
    out: list[tuple[int, int]] = []
    if not len(doc):
        return out
    # The quotation marks, found on the doc's array (a Token for each word cost more).
    strings = doc.vocab.strings
    marks = {strings.add(mark): mark for mark in _QUOTE_MARKS}
    orths = doc.to_array(ORTH).tolist()
    opened: int | None = None
    for i, orth in enumerate(orths):
        mark = marks.get(orth)
        if mark is None:
            continue
        if opened is None or mark == "“":
            opened = i
            continue
        start, opened = opened, None
        if i - start > TITLE_MAX_WORDS * 3:
            continue  # a quotation, not a title: its words need not be read
        inside = doc[start + 1 : i]
        words = [t for t in inside if t.is_alpha and t.lower_ not in TITLE_SMALL_WORDS]
        if not 2 <= len(words) <= TITLE_MAX_WORDS:
            continue
        if all(t.is_title or t.is_upper for t in words):
            out.append((inside.start, inside.end))
    return out


_QUOTE_MARKS = frozenset({'"', "“", "”"})
