"""The CAMEO verb-pattern dictionary (PETRARCH/TABARI ``.verbs`` format): reader and cache.

The format (PETRARCH2 ``docs/source/dictionaries.rst`` and the header comments of
``CAMEO.2.0.txt``):

- comments: ``# ...``, ``; ...`` (legacy KEDS/TABARI) and ``<!-- ... -->`` (may span lines);
- synsets: a line ``&NAME`` then lines ``+WORD`` or ``+TWO WORDS`` (``_`` = space); regular
  plurals are generated unless the phrase or the label ends in ``_``; a member may itself be
  a synset (``+&OTHER``);
- verb blocks: ``--- NAME [code] ---`` opens a block whose code is the default of its verbs;
  verb lines ``VERB {IRREGULAR FORMS} [code]`` (regular forms are generated), multi-word
  verbs with ``+`` on the verb word (``+CALL_OFF``: verb CALL then OFF; ``KLM_+RST``: verb
  RST after KLM), ``{}`` for "no other forms";
- patterns ``- WORDS * WORDS [code]`` on the block's verbs: ``*`` is the verb, ``_`` joins
  words that must be consecutive, ``&SYN`` a synset, ``{A B}`` a phrase, ``(PREP OBJ)`` a
  prepositional phrase, ``$`` the source, ``+`` the target, ``%`` a compound actor, ``^``
  a skipped noun phrase; ``[x:y]`` is a pair of events (source->target x, target->source y),
  ``[:y]`` only the reverse one, ``[---]`` a negative (null) pattern that blocks coding;
- ``######## TRANSFORMATIONS ####`` then ``~ a (a b ATTACK) SAY = a b 015`` lines.

Codes that are not CAMEO (the validation dictionaries use ``345``, ``174K``) are carried as
given.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar, cast

from ..errors import DictionaryError
from ..settings import Settings
from .cameo import cameo_table

__all__ = [
    "Element",
    "Pattern",
    "Transformation",
    "VerbDictionary",
    "VerbEntry",
    "load_verb_dictionary",
    "load_verb_file",
    "read_verb_dictionary",
    "supplement_codes",
    "verb_forms",
]

# Bump when the compiled shape changes, so stale caches are not read.
READER_VERSION = "verbs.v11"
_T = TypeVar("_T")
NULL_CODE = "---"
# TABARI's "complex event" marker ("- * FXLL DIPLOMATIC [+++]"): it flags a sentence for a
# human coder and is no event code; PETRARCH does not implement complex events, so a
# pattern with it does not match and a verb with it is not coded by itself.
COMPLEX_CODE = "+++"
DEFAULT_VERB_FILE = "CAMEO.2.0.txt"
# dateline's own verb patterns, in the same format, read after a CAMEO dictionary's own
# lines (its blocks extend the dictionary's blocks of the same name; its synsets are the
# dictionary's): see the file's header.
SUPPLEMENT_VERB_FILE = "dateline.verbs.txt"

# '#' and ';' open a comment at the start of a line or after a blank ("[###]" is a code).
_COMMENT_HASH = re.compile(r"(?:^|(?<=[\s}\]]))[#;].*$")
# A pattern line's trailing comment naming the verb it was written for ("# SET_UP").
_PATTERN_VERB = re.compile(r"\]\s*#\s*(?P<verb>\+?[A-Z][A-Z'\-]*(?:_[A-Z'\-]+)*)\b")
_HTML_COMMENT = re.compile(r"<!--.*?-->")
# The first [code] counts; anything after it (stray dashes, a second code) is ignored.
_BLOCK = re.compile(r"^-{3}\s*(?P<name>[^\[\]]*?)\s*(?:\[(?P<code>[^\]]*)\].*)?$")
_CODE = re.compile(r"\[(?P<code>[^\[\]]*)\]\s*$")
_FORMS = re.compile(r"\{(?P<forms>[^{}]*)\}")
_CODE_TEXT = re.compile(r"^[^\s\[\]:{}()]+$")
_TRANSFORM_HEADER = re.compile(r"^#+\s*TRANSFORMATIONS", re.IGNORECASE)


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


def _required_words(elements: tuple[Element, ...]) -> set[str]:
    words: set[str] = set()
    for e in elements:
        if e.kind == "word":
            words.add(e.value)
        elif e.kind == "phrase":
            words.update(e.words)
    return words


def _required_any(
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
            out.extend(_required_any(e.inner, index))
            out.extend(frozenset({w}) for w in _required_words(e.inner))
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


# ---------------------------------------------------------------- word forms


def _plurals(word: str) -> list[str]:
    if word.endswith("S") and not word.endswith("SS"):
        return []  # already plural (DOLLARS)
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return [word[:-1] + "IES"]
    if word.endswith(("SS", "SH", "CH", "X", "Z")):
        return [word + "ES"]
    return [word + "S"]


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


# ---------------------------------------------------------------- the reader


class _Reader:
    def __init__(self, path: str, lenient: bool) -> None:
        self.path = path
        self.lenient = lenient
        self.result = VerbDictionary(path=path)
        self.raw_synsets: dict[str, list[tuple[str, bool]]] = {}  # label -> (member, plural?)
        self.synset_lines: dict[str, int] = {}

    def fail(self, line: int, reason: str) -> None:
        error = DictionaryError(self.path, line, reason)
        if not self.lenient:
            raise error
        self.result.problems.append(error)

    def read(self, text: str) -> VerbDictionary:
        self.feed(text)
        return self.finish()

    def finish(self) -> VerbDictionary:
        """Expand the synsets and index the patterns of everything fed."""
        self.expand_synsets()
        self.keep_pattern_verbs()
        self.result.cameo_codes = _uses_cameo_codes(self.result)
        return self.result

    def feed(self, text: str) -> None:
        """Read one file's lines (a file starts outside any block or section)."""
        mode = "none"  # none | synset | block | transform
        synset = ""
        block = ""
        block_code: str | None = None
        block_reverse: str | None = None
        in_comment = False
        for number, raw in enumerate(text.splitlines(), start=1):
            line = raw
            if in_comment:
                if "-->" not in line:
                    continue
                line = line.split("-->", 1)[1]
                in_comment = False
            line = _HTML_COMMENT.sub(" ", line)
            if "<!--" in line:
                line, in_comment = line.split("<!--", 1)[0], True
            if mode != "transform" and _TRANSFORM_HEADER.match(line.strip()):
                mode = "transform"
                continue
            stripped = _COMMENT_HASH.sub("", line.strip()).strip()
            if not stripped:
                # Only a blank line ends a synset; a comment line inside it does not.
                if mode == "synset" and not line.strip():
                    mode = "none"
                continue
            if mode == "transform":
                self.read_transformation(stripped, number)
                continue
            if stripped.startswith("---"):
                m = _BLOCK.match(stripped)
                if not m or not m.group("name"):
                    self.fail(number, f"malformed verb block header {stripped!r}")
                    mode = "none"
                    continue
                block = m.group("name").strip()
                code_text = (m.group("code") or NULL_CODE).strip()
                codes = self.parse_code(code_text, number)
                block_code = codes[0] if codes else None
                block_reverse = codes[1] if codes else None
                self.result.block_codes[block] = block_code
                self.result.patterns.setdefault(block, [])
                mode = "block"
                continue
            if stripped.startswith("&"):
                label = stripped.split()[0]
                if len(stripped.split()) > 1 or len(label) < 2:
                    self.fail(number, f"malformed synset label {stripped!r}")
                    mode = "none"
                    continue
                # "&AUXVERB1_" is used as "&AUXVERB1": the "_" only says "no plurals".
                synset = label
                self.raw_synsets.setdefault(synset.rstrip("_"), [])
                self.synset_lines[synset.rstrip("_")] = number
                mode = "synset"
                continue
            if mode == "synset" and stripped.startswith("+"):
                member = stripped[1:].strip()
                if not member:
                    self.fail(number, "empty synset member")
                    continue
                plural = not member.endswith("_") and not synset.endswith("_")
                self.raw_synsets[synset.rstrip("_")].append((member.rstrip("_"), plural))
                continue
            if stripped.startswith("-"):
                if mode != "block":
                    self.fail(number, "pattern outside a verb block")
                    continue
                pattern = self.parse_pattern(stripped[1:].strip(), number)
                if pattern is not None:
                    named = _PATTERN_VERB.search(line)
                    if named:
                        pattern = replace(pattern, verb=named.group("verb").lstrip("+"))
                    self.result.patterns[block].append(pattern)
                continue
            if mode == "block":
                self.read_verb(stripped, block, (block_code, block_reverse), number)
                continue
            if mode == "synset":
                # A verb line right after a synset without a blank line: the block goes on.
                self.fail(
                    number, f"line {stripped!r} inside synset {synset} (members start with '+')"
                )
                continue
            self.fail(number, f"line {stripped!r} outside a verb block or synset")

    # -- pieces

    def parse_code(self, text: str, number: int) -> tuple[str | None, str | None] | None:
        text = text.strip()
        if ":" in text:
            forward, _, reverse = text.partition(":")
        else:
            forward, reverse = text, ""
        forward, reverse = forward.strip(), reverse.strip()
        for part in (forward, reverse):
            if part and not _CODE_TEXT.match(part):
                self.fail(number, f"malformed code [{text}]")
                return None
        if not forward and not reverse:
            self.fail(number, "empty code []")
            return None
        if forward == COMPLEX_CODE:
            forward = NULL_CODE
        return (forward or None), (reverse or None)

    def read_verb(
        self, text: str, block: str, block_codes: tuple[str | None, str | None], number: int
    ) -> None:
        code, reverse = block_codes
        m = _CODE.search(text)
        if m:
            codes = self.parse_code(m.group("code"), number)
            if codes is None:
                return
            code, reverse = codes
            text = text[: m.start()].strip()
        forms: list[str] | None = None
        fm = _FORMS.search(text)
        if fm:
            forms = [f.lstrip("+") for f in fm.group("forms").split()]
            text = (text[: fm.start()] + text[fm.end() :]).strip()
        if any(c in text for c in "[]{}()") or not text:
            self.fail(number, f"malformed verb line {text!r}")
            return
        # Old TABARI style writes multi-word verbs with blanks ("LASH OUT").
        words = re.split(r"[_\s]+", text)
        words = [w for w in words if w]
        if text.startswith("+") or any(w.startswith("+") for w in words):
            idx = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
        else:
            idx = 0
        words = [w.lstrip("+") for w in words]
        if not words or not all(re.match(r"^[A-Z0-9'.\-]+$", w) for w in words):
            self.fail(number, f"malformed verb {text!r}")
            return
        verb = words[idx]
        entry = VerbEntry(
            verb=verb,
            block=block,
            code=code,
            reverse=reverse,
            before=tuple(words[:idx]),
            after=tuple(words[idx + 1 :]),
            line=number,
        )
        if forms is None:
            all_forms = verb_forms(verb)
        elif not forms:
            all_forms = [verb]  # "{}": this form only
        else:
            all_forms = [*verb_forms(verb), *(_verb_word(f, idx) for f in forms)]
        for form in dict.fromkeys(all_forms):
            self.result.forms.setdefault(form, []).append(entry)

    def parse_pattern(self, text: str, number: int) -> Pattern | None:
        m = _CODE.search(text)
        if not m:
            self.fail(number, f"pattern {text!r} has no [code]")
            return None
        if m.group("code").strip() == COMPLEX_CODE:
            return None
        codes = self.parse_code(m.group("code"), number)
        if codes is None:
            return None
        body = text[: m.start()].strip()
        try:
            tokens = _tokenize(body)
        except ValueError as e:
            self.fail(number, f"pattern {text!r}: {e}")
            return None
        star = [i for i, t in enumerate(tokens) if t[0] in ("*", "**")]
        if len(star) != 1:
            self.fail(number, f"pattern {text!r} needs exactly one '*' for the verb")
            return None
        i = star[0]
        try:
            before = tuple(_elements(tokens[:i]))
            after = tuple(_elements(tokens[i + 1 :]))
        except ValueError as e:
            self.fail(number, f"pattern {text!r}: {e}")
            return None
        # ``WORD_*``: the joined flag is carried by the verb token itself.
        joined_before = tokens[i][1]
        joined_after = bool(after) and after[0].joined
        return Pattern(
            text=f"- {text}",
            before=before,
            after=after,
            code=codes[0],
            reverse=codes[1],
            line=number,
            verb_joined_before=joined_before,
            verb_joined_after=joined_after,
            required=frozenset(_required_words(before) | _required_words(after)),
        )

    def keep_pattern_verbs(self) -> None:
        """Keep a pattern's comment verb only when it is a verb of the pattern's block
        (a comment may also hold a coder's initials or a note)."""
        members: dict[str, set[str]] = {}
        for entries in self.result.forms.values():
            for entry in entries:
                members.setdefault(entry.block, set()).add(entry_name(entry))
        for block, patterns in self.result.patterns.items():
            verbs = members.get(block, set())
            self.result.patterns[block] = [
                p if not p.verb or p.verb in verbs else replace(p, verb=self.named(p.verb, block))
                for p in patterns
            ]

    def named(self, word: str, block: str) -> str:
        """The block's verb a comment names by an inflected form ("# RALLIED" is RALLY),
        else "" (the comment names no verb of the block)."""
        for entry in self.result.forms.get(word, ()):
            if entry.block == block and not entry.is_multiword:
                return entry_name(entry)
        return ""

    def read_transformation(self, text: str, number: int) -> None:
        if not text.startswith("~") or "=" not in text:
            self.fail(number, f"malformed transformation {text!r}")
            return
        lhs, _, rhs = text[1:].partition("=")
        self.result.transformations.append(Transformation(text, lhs.strip(), rhs.strip(), number))

    def expand_synsets(self) -> None:
        done: dict[str, tuple[tuple[str, ...], ...]] = {}

        def expand(label: str, seen: frozenset[str]) -> tuple[tuple[str, ...], ...]:
            if label in done:
                return done[label]
            phrases: list[tuple[str, ...]] = []
            for member, plural in self.raw_synsets.get(label, []):
                if member.startswith("&"):
                    member = member.upper().rstrip("_")
                    if member in seen or member not in self.raw_synsets:
                        self.fail(
                            self.synset_lines.get(label, 0),
                            f"synset {member} undefined or recursive in {label}",
                        )
                        continue
                    phrases.extend(expand(member, seen | {member}))
                    continue
                words = tuple(w for w in re.split(r"[\s_]+", member.upper()) if w)
                if not words:
                    continue
                phrases.append(words)
                if plural:
                    for p in _plurals(words[-1]):
                        phrases.append((*words[:-1], p))
            done[label] = tuple(dict.fromkeys(phrases))
            return done[label]

        for label in self.raw_synsets:
            expand(label, frozenset({label}))
        self.result.synsets = done
        index: dict[str, dict[str, list[tuple[str, ...]]]] = {}
        for label, phrases in done.items():
            for phrase in phrases:
                index.setdefault(label, {}).setdefault(phrase[0], []).append(phrase)
                index.setdefault(label + "$", {}).setdefault(phrase[-1], []).append(phrase)
        self.result.synset_index = {
            label: {w: tuple(p) for w, p in by_word.items()} for label, by_word in index.items()
        }
        for block, patterns in self.result.patterns.items():
            self.result.patterns[block] = [
                replace(p, required_any=_required_any(p.before + p.after, index)) for p in patterns
            ]


# Share of a dictionary's codes that must be CAMEO codes for it to count as a CAMEO
# dictionary (CAMEO.2.0 has 4 stray codes in 243; the validation set a third not CAMEO).
_CAMEO_SHARE = 0.9


def _uses_cameo_codes(verbs: VerbDictionary) -> bool:
    codes: set[str] = set()
    for patterns in verbs.patterns.values():
        for pattern in patterns:
            codes.update(c for c in (pattern.code, pattern.reverse) if c and c != NULL_CODE)
    for entries in verbs.forms.values():
        for entry in entries:
            codes.update(c for c in (entry.code, entry.reverse) if c and c != NULL_CODE)
    if not codes:
        return True
    table = cameo_table()
    return sum(1 for c in codes if c in table) >= _CAMEO_SHARE * len(codes)


def _verb_word(form: str, idx: int) -> str:
    """The verb word of an irregular form: the one marked ``+`` ("WIRE_+TAPPED"), else
    the one at the verb's position."""
    words = [w for w in form.split("_") if w]
    marked = [w for w in words if w.startswith("+")]
    if marked:
        return marked[0].lstrip("+")
    word = words[idx] if idx < len(words) else words[0]
    return word.lstrip("+")


# A token of a pattern body: (text, joined-to-previous).
_Token = tuple[str, bool]


def _tokenize(body: str) -> list[_Token]:
    """Split a pattern body into tokens, keeping (...) and {...} groups whole."""
    tokens: list[_Token] = []
    i, n = 0, len(body)
    joined = False
    while i < n:
        c = body[i]
        if c.isspace():
            joined = False
            i += 1
            continue
        if c == "_":
            joined = True
            i += 1
            continue
        if c == "*":
            j = i + 2 if body.startswith("**", i) else i + 1
            tokens.append((body[i:j], joined))
            joined = body.startswith("_", j)
            i = j + 1 if joined else j
            continue
        if c in "({":
            close = ")" if c == "(" else "}"
            depth, j = 0, i
            while j < n:
                if body[j] == c:
                    depth += 1
                elif body[j] == close:
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            if j >= n:
                raise ValueError(f"unbalanced {c!r}")
            tokens.append((body[i : j + 1], joined))
            joined = False
            i = j + 1
            continue
        if c in ")}":
            raise ValueError(f"unbalanced {c!r}")
        j = i
        while j < n and not body[j].isspace() and body[j] not in "_({*":
            j += 1
        tokens.append((body[i:j], joined))
        joined = False
        i = j
    return tokens


def _elements(tokens: list[_Token]) -> list[Element]:
    out: list[Element] = []
    for text, joined in tokens:
        if text.startswith("("):
            inner = text[1:-1].strip()
            parts = _tokenize(inner)
            if not parts:
                raise ValueError("empty (...)")
            prep = parts[0][0].upper()
            if prep.startswith(("(", "{", "&", "$", "+", "%", "^", "*")):
                raise ValueError(f"(...) must start with a preposition, not {prep!r}")
            # ``BY/WITH``: alternatives are kept in the value, split on '/'.
            out.append(Element("prep", prep, inner=tuple(_elements(parts[1:])), joined=joined))
        elif text.startswith("{"):
            words = tuple(w.upper() for w in re.split(r"[\s_]+", text[1:-1]) if w)
            if not words:
                raise ValueError("empty {...}")
            out.append(Element("phrase", words=words, joined=joined))
        elif text.startswith("&"):
            out.append(Element("synset", text.upper().rstrip("_"), joined=joined))
        elif text == "$":
            out.append(Element("source", joined=joined))
        elif text == "+":
            out.append(Element("target", joined=joined))
        elif text == "%":
            out.append(Element("compound", joined=joined))
        elif text == "^":
            out.append(Element("skip", joined=joined))
        elif text in ("*", "**"):
            raise ValueError("more than one '*'")
        else:
            if any(c in text for c in "[]"):
                raise ValueError(f"unexpected {text!r}")
            out.append(Element("word", text.upper(), joined=joined))
    return out


def read_verb_dictionary(path: str | Path, *, lenient: bool = False) -> VerbDictionary:
    """Read a PETRARCH ``.verbs`` file; a malformed line raises ``DictionaryError``.

    With ``lenient=True`` malformed lines are skipped and kept in ``problems``.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as e:
        raise DictionaryError(str(path), 0, f"cannot read the file: {e}") from e
    return read_verb_text(text, str(path), lenient=lenient)


def read_verb_text(text: str, name: str = "<verbs>", *, lenient: bool = False) -> VerbDictionary:
    """Read verb-dictionary text (see ``read_verb_dictionary``)."""
    return _Reader(name, lenient).read(text)


# ---------------------------------------------------------------- loading and caching


def packaged_dictionary_dir() -> Path:
    """Where the packaged PETRARCH dictionaries live (``dateline/data/dictionaries``)."""
    return Path(str(resources.files("dateline") / "data" / "dictionaries"))


def verb_file(settings: Settings) -> Path:
    """The verb dictionary the settings name: ``dictionaries``/CAMEO.2.0.txt or the packaged one."""
    base = Path(settings.dictionaries) if settings.dictionaries else packaged_dictionary_dir()
    return base / DEFAULT_VERB_FILE


def load_verb_file(
    path: str | Path, settings: Settings, supplement: str | Path | None = None
) -> VerbDictionary:
    """Read ``path`` (and after it ``supplement``, a file in the same format whose blocks
    extend ``path``'s) through the on-disk cache (keyed by the files' hashes)."""
    path = Path(path)
    data = b""
    for name in (path, supplement):
        if name is None:
            continue
        try:
            data += Path(name).read_bytes()
        except OSError as e:
            raise DictionaryError(str(name), 0, f"cannot read the verb dictionary: {e}") from e
    lenient = settings.lenient_dictionaries
    key = hashlib.sha256(data + READER_VERSION.encode() + bytes([lenient])).hexdigest()[:20]
    extra = str(supplement) if supplement is not None else None
    return _load_cached(str(path), key, str(settings.cache_path), lenient, extra)


@lru_cache(maxsize=8)
def _load_cached(
    path: str, key: str, cache_dir: str, lenient: bool, supplement: str | None = None
) -> VerbDictionary:
    # JSON, not pickle: the cache directory may be writable by others, and unpickling a file
    # runs whatever code it names (issue 9). A cache that does not read back is rebuilt.
    cache = Path(cache_dir) / f"verbs-{key}.json"
    if cache.exists():
        try:
            return verbs_from_plain(json.loads(cache.read_bytes()))
        except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):
            pass  # a stale, broken or foreign cache is rebuilt below
    if supplement is None:
        verbs = read_verb_dictionary(path, lenient=lenient)
    else:
        verbs = _read_with_supplement(Path(path), Path(supplement), lenient)
    write_cache_file(cache, json.dumps(verbs_to_plain(verbs), separators=(",", ":")).encode())
    return verbs


def write_cache_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically: into a new temporary file of a unique name
    beside it, then renamed over it (``os.replace``), so that readers and concurrent writers
    never see a partial file and no name is reused (a fixed ``.tmp`` name let two writers
    clobber each other, and followed a symlink planted there). A cache directory that cannot
    be written only costs the next start its compile time."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the cache holds public data
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


# The cache's plain form (JSON: lists, strings, numbers): each dataclass is a list of its
# fields in order, and what several places share (the verb entries of several forms, the
# word sets of the patterns' prefilters) is written once and named by its position.


def verbs_to_plain(verbs: VerbDictionary) -> dict[str, Any]:
    """``verbs`` as plain JSON data (``verbs_from_plain`` reads it back)."""
    entries: list[VerbEntry] = []
    position: dict[int, int] = {}
    forms: dict[str, list[int]] = {}
    for form, found in verbs.forms.items():
        for entry in found:
            if id(entry) not in position:
                position[id(entry)] = len(entries)
                entries.append(entry)
        forms[form] = [position[id(entry)] for entry in found]
    word_sets: dict[frozenset[str], int] = {}
    for patterns in verbs.patterns.values():
        for pattern in patterns:
            for words in (pattern.required, *pattern.required_any):
                word_sets.setdefault(words, len(word_sets))
    return {
        "version": READER_VERSION,
        "path": verbs.path,
        "entries": [
            [e.verb, e.block, e.code, e.reverse, list(e.before), list(e.after), e.line]
            for e in entries
        ],
        "forms": forms,
        "word_sets": [sorted(words) for words in word_sets],
        "patterns": {
            b: [_pattern_to_plain(p, word_sets) for p in ps] for b, ps in verbs.patterns.items()
        },
        "block_codes": verbs.block_codes,
        "synsets": verbs.synsets,
        "synset_index": verbs.synset_index,
        "transformations": [[t.text, t.lhs, t.rhs, t.line] for t in verbs.transformations],
        "problems": [[p.path, p.line, p.reason] for p in verbs.problems],
        "cameo_codes": verbs.cameo_codes,
    }


def verbs_from_plain(data: dict[str, Any]) -> VerbDictionary:
    """The VerbDictionary of ``verbs_to_plain``'s data; raises ValueError (or KeyError,
    TypeError, IndexError) when the data is not of this version's shape."""
    if not isinstance(data, dict) or data.get("version") != READER_VERSION:
        raise ValueError("not a verb cache of this version")
    entries = [
        VerbEntry(
            _text(verb),
            _text(block),
            _code(code),
            _code(reverse),
            _words(before),
            _words(after),
            _number(line),
        )
        for verb, block, code, reverse, before, after, line in data["entries"]
    ]
    word_sets = [frozenset(_words(words)) for words in data["word_sets"]]
    return VerbDictionary(
        path=_text(data["path"]),
        forms={_text(f): [entries[_number(k)] for k in ks] for f, ks in data["forms"].items()},
        patterns={
            _text(b): [_pattern_from_plain(p, word_sets) for p in ps]
            for b, ps in data["patterns"].items()
        },
        block_codes={_text(b): _code(c) for b, c in data["block_codes"].items()},
        synsets={_text(label): _phrases(ps) for label, ps in data["synsets"].items()},
        synset_index={
            _text(label): {_text(w): _phrases(ps) for w, ps in by_word.items()}
            for label, by_word in data["synset_index"].items()
        },
        transformations=[
            Transformation(_text(t), _text(lhs), _text(rhs), _number(n))
            for t, lhs, rhs, n in data["transformations"]
        ],
        problems=[
            DictionaryError(_text(path), _number(n), _text(reason))
            for path, n, reason in data["problems"]
        ],
        cameo_codes=bool(data["cameo_codes"]),
    )


def _pattern_to_plain(p: Pattern, word_sets: dict[frozenset[str], int]) -> list[Any]:
    return [
        p.text,
        [_element_to_plain(e) for e in p.before],
        [_element_to_plain(e) for e in p.after],
        p.code,
        p.reverse,
        p.line,
        p.verb_joined_before,
        p.verb_joined_after,
        word_sets[p.required],
        [word_sets[words] for words in p.required_any],
        p.verb,
    ]


def _pattern_from_plain(plain: list[Any], word_sets: list[frozenset[str]]) -> Pattern:
    text, before, after, code, reverse, line, joined_before, joined_after = plain[:8]
    required, required_any, verb = plain[8:]
    return Pattern(
        text=_text(text),
        before=tuple(_element_from_plain(e) for e in before),
        after=tuple(_element_from_plain(e) for e in after),
        code=_code(code),
        reverse=_code(reverse),
        line=_number(line),
        verb_joined_before=bool(joined_before),
        verb_joined_after=bool(joined_after),
        required=word_sets[_number(required)],
        required_any=tuple(word_sets[_number(k)] for k in required_any),
        verb=_text(verb),
    )


def _element_to_plain(e: Element) -> list[Any]:
    return [e.kind, e.value, list(e.words), [_element_to_plain(i) for i in e.inner], e.joined]


def _element_from_plain(plain: list[Any]) -> Element:
    kind, value, words, inner, joined = plain
    return Element(
        _text(kind),
        _text(value),
        _words(words),
        tuple(_element_from_plain(i) for i in inner),
        bool(joined),
    )


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, not {type(value).__name__}")
    return value


def _code(value: Any) -> str | None:
    return None if value is None else _text(value)


def _number(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"expected an integer, not {type(value).__name__}")
    return value


def _words(values: Any) -> tuple[str, ...]:
    return tuple(_text(v) for v in values)


def _phrases(values: Any) -> tuple[tuple[str, ...], ...]:
    return tuple(_words(v) for v in values)


def _read_with_supplement(path: Path, supplement: Path, lenient: bool) -> VerbDictionary:
    """``path`` read with ``supplement``'s lines after its own: a block header of the
    supplement reopens the dictionary's block of that name (with the same code), so its
    patterns join that block's and may use the dictionary's synsets. Problems are
    reported with the file and line they are on."""
    texts: list[str] = []
    for file in (path, supplement):
        try:
            texts.append(file.read_text(encoding="utf-8", errors="replace"))
        except OSError as e:
            raise DictionaryError(str(file), 0, f"cannot read the file: {e}") from e
    main, extra = texts
    reader = _Reader(str(path), lenient)
    reader.feed(main)
    codes = reader.result.block_codes
    for number, line in enumerate(extra.splitlines(), start=1):
        m = _BLOCK.match(line.strip()) if line.startswith("---") else None
        if m is None or not m.group("name"):
            continue
        name = m.group("name").strip()
        code = (m.group("code") or NULL_CODE).strip()
        if name in codes and (codes[name] or NULL_CODE) != code.split(":")[0]:
            raise DictionaryError(
                str(supplement),
                number,
                f"block {name} reopened with [{code}], but {path.name} codes it "
                f"[{codes[name] or NULL_CODE}]",
            )
    reader.path = str(supplement)  # problems name the supplement and its own lines
    reader.feed(extra)
    return reader.finish()


def load_verb_dictionary(settings: Settings) -> VerbDictionary:
    """The CAMEO verb dictionary of ``settings``, compiled once and cached on disk; with
    dateline's own patterns (``dateline.verbs.txt`` beside it, as the packaged dictionaries
    have it) unless coding exactly as PETRARCH or the dictionary's codes are not CAMEO's."""
    path = verb_file(settings)
    supplement = path.parent / SUPPLEMENT_VERB_FILE
    if settings.petrarch_compat or not supplement.is_file():
        return load_verb_file(path, settings)
    verbs = load_verb_file(path, settings, supplement)
    return verbs if verbs.cameo_codes else load_verb_file(path, settings)


@lru_cache(maxsize=1)
def supplement_codes() -> dict[str, str]:
    """dateline's CAMEO codes for verbs the verb dictionary leaves uncoded, by lemma
    (``data/cameo/verb_supplement.tsv``; each line cites its CAMEO category)."""
    path = Path(str(resources.files("dateline") / "data" / "cameo" / "verb_supplement.tsv"))
    codes: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        fields = line.split("\t")
        if number == 0 or len(fields) < 2 or not fields[0].strip():
            continue
        codes[fields[0].strip().lower()] = fields[1].strip()
    return codes
