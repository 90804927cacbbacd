"""The verb dictionary's entries: verbs, their blocks and patterns, synsets (no I/O).

``verb_reader.py`` reads them from a ``.verbs`` file; ``verbs.py`` loads and caches them.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from ..errors import DictionaryError

_T = TypeVar("_T")


NULL_CODE = "---"


# TABARI's "complex event" marker ("- * FXLL DIPLOMATIC [+++]"): it flags a sentence for a
# human coder and is no event code; PETRARCH does not implement complex events, so a
# pattern with it does not match and a verb with it is not coded by itself.
COMPLEX_CODE = "+++"


@dataclass(frozen=True, slots=True)
class Element:
    """One element of a pattern.

    ``kind`` is ``word`` (``value`` one word), ``synset`` (``value`` its label),
    ``phrase`` (``words``: ``{A B}``), ``prep`` (``value`` the preposition, ``inner`` the
    elements of its object), ``source`` ($), ``target`` (+), ``compound`` (%) or ``skip``
    (^). ``joined`` says it must follow the previous element at once (``_``).
    """

    kind: str
    value: str = ""
    words: tuple[str, ...] = ()
    inner: tuple[Element, ...] = ()
    joined: bool = False


@dataclass(frozen=True, slots=True)
class Pattern:
    """A verb pattern: the elements before and after the verb, and its codes."""

    text: str
    before: tuple[Element, ...]
    after: tuple[Element, ...]
    code: str | None  # source -> target; None when only the reverse is coded
    reverse: str | None = None  # target -> source (``[x:y]``)
    line: int = 0
    verb_joined_before: bool = False  # ``WORD_*``: the verb follows the last "before" element
    verb_joined_after: bool = False  # ``*_WORD``
    # Words that must all occur near the verb for the pattern to match (a quick prefilter),
    # and sets of which one word must occur (a synset's first words, a preposition's forms).
    required: frozenset[str] = frozenset()
    required_any: tuple[frozenset[str], ...] = ()
    # The verb of its block the pattern was written for, when its comment names one
    # ("- * (WITH) [130]  # BREAK"): CAMEO.2.0 merged per-verb pattern lists into synset
    # blocks and kept each pattern's verb in that comment. Empty: written for the block.
    verb: str = ""

    @property
    def is_null(self) -> bool:
        """A negative pattern (``[---]``): it matches and blocks coding."""
        return self.code in (None, NULL_CODE) and self.reverse in (None, NULL_CODE)

    @property
    def n_literals(self) -> int:
        """How many words, synsets, phrases and prepositions the pattern asks for."""
        return _count_literals(self.before) + _count_literals(self.after)


def required_words(elements: tuple[Element, ...]) -> set[str]:
    words: set[str] = set()
    for e in elements:
        if e.kind == "word":
            words.add(e.value)
        elif e.kind == "phrase":
            words.update(e.words)
    return words


def required_any(
    elements: tuple[Element, ...], index: dict[str, dict[str, list[tuple[str, ...]]]]
) -> tuple[frozenset[str], ...]:
    out: list[frozenset[str]] = []
    for e in elements:
        if e.kind == "synset":
            # Matched forwards by first word, backwards by last: either must be there.
            words = set(index.get(e.value, {})) | set(index.get(e.value + "$", {}))
            out.append(frozenset(words))
        elif e.kind == "prep":
            out.append(frozenset(e.value.split("/")))
            out.extend(required_any(e.inner, index))
            out.extend(frozenset({w}) for w in required_words(e.inner))
    return tuple(out)


def _count_literals(elements: tuple[Element, ...]) -> int:
    n = 0
    for e in elements:
        if e.kind in ("word", "synset"):
            n += 1
        elif e.kind == "phrase":
            n += len(e.words)
        elif e.kind == "prep":
            n += 1 + _count_literals(e.inner)
    return n


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """A primary verb of a block: its base word, multi-word context, code and block."""

    verb: str
    block: str
    code: str | None  # the verb's own code, else the block's; "---" or None: no event alone
    reverse: str | None = None
    before: tuple[str, ...] = ()  # words of a multi-word verb before the verb word
    after: tuple[str, ...] = ()  # words after it ("+CALL_OFF" -> ("OFF",))
    line: int = 0

    @property
    def is_multiword(self) -> bool:
        return bool(self.before or self.after)


def entry_name(entry: VerbEntry) -> str:
    """The verb as the dictionary writes it, multi-word verbs joined ("SET_UP")."""
    return "_".join((*entry.before, entry.verb, *entry.after))


@dataclass(frozen=True, slots=True)
class Transformation:
    """A transformation line (``~ a (a b ATTACK) SAY = a b 015``), kept as parsed text."""

    text: str
    lhs: str
    rhs: str
    line: int


@dataclass
class VerbDictionary:
    """Verb synsets and patterns, indexed by verb form."""

    path: str = ""
    # Upper-case form (base, generated and irregular forms) -> entries using it.
    forms: dict[str, list[VerbEntry]] = field(default_factory=dict)
    # Block name -> its patterns.
    patterns: dict[str, list[Pattern]] = field(default_factory=dict)
    block_codes: dict[str, str | None] = field(default_factory=dict)
    # Synset label (with the &) -> its phrases, each a tuple of upper-case words.
    synsets: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    # Synset label -> first word -> its phrases that start with it (for fast matching).
    synset_index: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = field(default_factory=dict)
    transformations: list[Transformation] = field(default_factory=list)
    problems: list[DictionaryError] = field(default_factory=list)
    # Whether the dictionary codes events in CAMEO (nearly all its codes are CAMEO codes):
    # CAMEO's own coding rules (intent, refusal, the supplement) apply only then; a
    # dictionary with other codes (the validation set's WEIS-like test codes) keeps them.
    cameo_codes: bool = True

    def lookup(self, *words: str) -> list[VerbEntry]:
        """Entries for the first of ``words`` (a form, a lemma; any case) that is a verb."""
        for word in words:
            found = self.forms.get(word.upper())
            if found:
                return found
        return []

    def patterns_for(self, entry: VerbEntry) -> list[Pattern]:
        """The patterns of the block ``entry`` belongs to."""
        return self.patterns.get(entry.block, [])

    def derived(self, key: Hashable, make: Callable[..., _T], *args: Any) -> _T:
        """What a caller derives from this dictionary (the coder's share of a block's
        patterns for one verb, their word index): ``make(*args)`` on first use, kept with
        the dictionary for its lifetime; never written to the cache file or pickled."""
        memo: dict[Hashable, Any] | None = self.__dict__.get("_derived")
        if memo is None:
            memo = self.__dict__["_derived"] = {}
        if key in memo:
            return cast(_T, memo[key])
        value = memo[key] = make(*args)
        return value

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state.pop("_derived", None)
        return state

    def synset(self, label: str) -> tuple[tuple[str, ...], ...]:
        """The phrases of a synset (empty when undefined)."""
        return self.synsets.get(label, ())

    def synset_starting(self, label: str, word: str) -> tuple[tuple[str, ...], ...]:
        """The phrases of a synset whose first word is ``word`` (upper case)."""
        return self.synset_index.get(label, {}).get(word, ())

    def synset_ending(self, label: str, word: str) -> tuple[tuple[str, ...], ...]:
        """The phrases of a synset whose last word is ``word`` (for matching backwards)."""
        return self.synset_index.get(label + "$", {}).get(word, ())

    def __len__(self) -> int:
        return len(self.forms)


def verb_forms(verb: str) -> list[str]:
    """The regular forms of an English verb (upper case): base, -s, -ed, -ing."""
    forms = [verb]
    if verb.endswith("Y") and len(verb) > 1 and verb[-2] not in "AEIOU":
        forms += [verb[:-1] + "IES", verb[:-1] + "IED", verb + "ING"]
    elif verb.endswith("E"):
        forms += [verb + "S", verb + "D", verb[:-1] + "ING"]
    else:
        s = verb + "ES" if verb.endswith(("SS", "SH", "CH", "X", "Z", "O")) else verb + "S"
        forms += [s, verb + "ED", verb + "ING"]
    return forms
