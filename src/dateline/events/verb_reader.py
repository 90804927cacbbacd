"""The reader of PETRARCH/TABARI ``.verbs`` files (the CAMEO verb-pattern dictionary).

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

import re
from dataclasses import replace
from pathlib import Path

from ..errors import DictionaryError
from .cameo import cameo_table
from .verb_entries import (
    COMPLEX_CODE,
    NULL_CODE,
    Element,
    Pattern,
    Transformation,
    VerbDictionary,
    VerbEntry,
    entry_name,
    required_any,
    required_words,
    verb_forms,
)

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


def _plurals(word: str) -> list[str]:
    if word.endswith("S") and not word.endswith("SS"):
        return []  # already plural (DOLLARS)
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return [word[:-1] + "IES"]
    if word.endswith(("SS", "SH", "CH", "X", "Z")):
        return [word + "ES"]
    return [word + "S"]


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
            required=frozenset(required_words(before) | required_words(after)),
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
                replace(p, required_any=required_any(p.before + p.after, index)) for p in patterns
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


def read_with_supplement(path: Path, supplement: Path, lenient: bool) -> VerbDictionary:
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
