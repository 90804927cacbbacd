"""The verb dictionary's disk cache in a form that cannot run code (issue 9).

The compiled dictionary is written as JSON (lists, strings, numbers), not pickled: the cache
directory may be writable by others, and unpickling a file runs whatever code it names. Each
dataclass is a list of its fields in order; what several places share (the verb entries of
several forms, the word sets of the patterns' prefilters) is written once and named by its
position. Files are written under unique temporary names and renamed into place.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Any

from ..errors import DictionaryError
from .verb_entries import Element, Pattern, Transformation, VerbDictionary, VerbEntry

__all__ = ["VERB_CACHE_VERSION", "verbs_from_plain", "verbs_to_plain", "write_cache_file"]

# Bump when the cached shape changes, so stale caches are not read.
VERB_CACHE_VERSION = "verbs.v11"


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
        "version": VERB_CACHE_VERSION,
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
    if not isinstance(data, dict) or data.get("version") != VERB_CACHE_VERSION:
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
