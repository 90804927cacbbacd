"""Readers for the PETRARCH/TABARI actor, agent, discard and issue dictionaries.

The formats, as PETRARCH2's ``PETRreader`` and the files' own headers describe them:

Comments (every file)
    ``#`` to the end of the line; whole lines starting ``<!``; ``<!-- ... -->`` comments,
    also over several lines. Blank lines are skipped.

Actors (``Phoenix.*.actors.txt``, ``PETR.Validate.actors.txt``)
    An entry starts with its primary phrase, then ``+`` synonym lines; its codes follow on the
    same line or on lines of their own, in brackets::

        ZALMAY_KHALILZAD_
        +KHALILZAD_
            [USAELI 690101-070423]
            [USAGOV 050621-090120]

    Words are joined by ``_`` or spaces. A trailing ``_`` marks a phrase whose last word must
    match exactly; without it the last word is a stem (TABARI: ``ARGENTIN`` matches
    "Argentina", "Argentine"). A code may carry a date restriction: ``D1-D2`` (from D1, until
    the day before D2), ``<D`` (before D), ``>D`` (from D); dates are ``YYMMDD`` (``YY`` up to
    30 is 20YY, else 19YY, as in KEDS/TABARI/PETRARCH) or ``YYYYMMDD``. Several codes may be
    given; which one applies on a date is ``ActorEntry.role_on``. ``A/B/C`` is a compound code
    (one actor standing for several: "the Shire" -> FRO/BIL/SAM).

Agents (``Phoenix.agents.txt``)
    ``PHRASE {PLURAL} [~CODE]``: ``~CODE`` is added after the actor's code ("Iraqi" IRQ +
    "insurgents" ~REB -> IRQREB), ``CODE~`` before it (NGO~ + USA -> NGOUSA). Regular plurals
    are generated unless ``{PLURAL}`` gives the plural, or ``{}`` says there is none.
    ``!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON`` defines a substitution marker, used as
    ``CONGRESS!PERSON! [~LEG]``; substituted phrases get no generated plurals.

Discards (``Phoenix.discards.txt``)
    One phrase a line: a sentence that contains it is not coded; a ``+`` prefix means the whole
    story is not coded. A trailing ``_`` means the phrase must end at a word boundary,
    otherwise its last word is a stem. Matching ignores case.

Issues (``Phoenix.IssueCoding.txt``)
    ``<ISSUE CATEGORY="...">`` sections of ``phrase [CODE]`` lines, where ``n:word`` expands to
    the noun's singular and plural, ``v:word`` to the regular verb forms, and ``a+b`` to
    "a b" and "a-b". ``~phrase`` (sentence) and ``~~phrase`` (story) are exclusion phrases
    that cancel the section's issues.

A malformed line raises :class:`~dateline.errors.DictionaryError` with the file and line
number; with ``lenient=True`` the line is skipped and the error returned among the problems.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from ..errors import DictionaryError

__all__ = [
    "ActorEntry",
    "ActorRole",
    "AgentEntry",
    "DiscardEntry",
    "IssueEntry",
    "format_actor_entry",
    "format_agent_entry",
    "parse_dict_date",
    "read_actor_dictionary",
    "read_agent_dictionary",
    "read_discard_file",
    "read_issue_file",
    "split_compound",
]

Problems = list[DictionaryError]

_CODE = re.compile(r"^[A-Za-z0-9+\-#/.]+$")
_BRACKET = re.compile(r"\[([^\[\]]*)\]")
_MARKER_DEF = re.compile(r"^!([A-Za-z0-9_]+)!\s*=\s*(.+)$")
_MARKER_USE = re.compile(r"!([A-Za-z0-9_]+)!")
_ISSUE_PAIR = re.compile(r"([^\[\]]*)\[([^\[\]]*)\]")
_ISSUE_OPEN = re.compile(r"<ISSUE\b[^>]*CATEGORY\s*=\s*\"([^\"]*)\"", re.IGNORECASE)


# ---------------------------------------------------------------------------------------------
# Lines and comments


def _dictionary_lines(path: Path, *, blanks: bool = False) -> Iterator[tuple[int, str]]:
    """(line number, content) of the non-comment lines, comments removed.

    Blank lines are skipped, or given as ``(number, "")`` with ``blanks`` (a blank line
    closes an actor entry; a comment line does not).
    """
    in_comment = False
    with open(path, encoding="utf-8", errors="replace") as f:
        for number, raw in enumerate(f, start=1):
            line = raw.rstrip("\r\n")
            if in_comment:
                if "-->" in line:
                    in_comment = False
                    line = line[line.find("-->") + 3 :]
                else:
                    continue
            if not line.strip():
                if blanks:
                    yield number, ""
                continue
            while "<!--" in line:
                head, _, tail = line.partition("<!--")
                if "-->" in tail:
                    line = head + tail[tail.find("-->") + 3 :]
                else:
                    line = head
                    in_comment = True
            if line.lstrip().startswith("<!"):
                continue
            if "#" in line:
                line = line[: line.find("#")]
            if line.strip():
                yield number, line


def _fail(problems: Problems | None, path: Path, number: int, reason: str) -> None:
    error = DictionaryError(str(path), number, reason)
    if problems is None:
        raise error
    problems.append(error)


# ---------------------------------------------------------------------------------------------
# Dates


def parse_dict_date(text: str) -> date:
    """A dictionary date: ``YYMMDD`` (YY <= 30 is 20YY, else 19YY) or ``YYYYMMDD``.

    As in PETRARCH, up to seven digits are read as YYMMDD and eight or more as YYYYMMDD
    (extra digits ignored), except that ten digits starting with a stray "19" before a full
    date (``1920030320``, written by the Phoenix country file's generator) keep the last eight.
    """
    digits = text.strip()
    if not digits.isdigit() or len(digits) < 6:
        raise ValueError(f"date {text!r} is not YYMMDD or YYYYMMDD")
    if len(digits) <= 7:
        yy = int(digits[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        return date(year, int(digits[2:4]), int(digits[4:6]))
    if len(digits) == 10 and digits[:2] == "19" and digits[2:4] in ("19", "20"):
        digits = digits[2:]
    return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))


def _format_dict_date(d: date) -> str:
    return f"{d.year:04d}{d.month:02d}{d.day:02d}"


# ---------------------------------------------------------------------------------------------
# Actors


@dataclass(frozen=True, slots=True)
class ActorRole:
    """A code an actor has, optionally only between two dates, both inclusive.

    ``[C D1-D2]`` holds from D1 to D2 inclusive, ``[C <D]`` up to the day before D and
    ``[C >D]`` from D on: the readings under which PETRARCH's DATE validation records are
    right (Sam Gamgee is ORCHOB on 2010-01-12 under ``[ORCHOB 20100109-20100112]``, and
    Gollum's ``[HOBGOV 19950601-19990815]`` meets ``[HOBREB >990816]``). ``end`` is stored
    as the last valid day.
    """

    code: str
    start: date | None = None
    end: date | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def valid_on(self, when: date) -> bool:
        """Whether the role holds on ``when``."""
        if self.start is not None and when < self.start:
            return False
        return not (self.end is not None and when > self.end)

    def to_text(self) -> str:
        """The role as a dictionary writes it: ``[USAGOV 20050621-20090120]``."""
        if self.start and self.end:
            spec = f" {_format_dict_date(self.start)}-{_format_dict_date(self.end)}"
        elif self.end:
            spec = f" <{_format_dict_date(self.end + timedelta(days=1))}"
        elif self.start:
            spec = f" >{_format_dict_date(self.start)}"
        else:
            spec = ""
        return f"[{self.code}{spec}]"


def split_compound(code: str) -> list[str]:
    """The actors of a compound code: ``"FRO/BIL/SAM"`` -> ``["FRO", "BIL", "SAM"]``."""
    return [part for part in code.split("/") if part]


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One actor: its primary phrase, its synonyms and its (possibly date-limited) codes.

    Phrases are kept as written (``ZALMAY_KHALILZAD_``): ``_`` joins words and a trailing
    ``_`` makes the last word exact rather than a stem.
    """

    phrase: str
    synonyms: tuple[str, ...] = ()
    roles: tuple[ActorRole, ...] = ()
    line: int = 0
    path: str = ""

    @property
    def phrases(self) -> tuple[str, ...]:
        return (self.phrase, *self.synonyms)

    @property
    def name(self) -> str:
        """A readable name: ``"ZALMAY KHALILZAD"``."""
        return " ".join(self.phrase.replace("_", " ").split())

    def role_on(self, when: date | None) -> ActorRole | None:
        """The role that applies on ``when``.

        Among the roles valid on the date, a dated role beats an undated (default) one and,
        among dated roles, the one that began last (the most recent office: Khalilzad is
        USAGOV, not USAELI, in 2006); ties keep the file's order. With no date, the role that
        ends last (open-ended first), then the one that began last.
        """
        if not self.roles:
            return None
        if when is not None:
            valid = [r for r in self.roles if r.valid_on(when)]
            if not valid:
                return None
            return min(
                enumerate(valid),
                key=lambda ir: (not ir[1].dated, -_ordinal(ir[1].start), ir[0]),
            )[1]
        return min(
            enumerate(self.roles),
            key=lambda ir: (-_ordinal(ir[1].end, open_value=10**7), -_ordinal(ir[1].start), ir[0]),
        )[1]


def _ordinal(d: date | None, open_value: int = 0) -> int:
    return d.toordinal() if d is not None else open_value


def _parse_role(spec: str) -> ActorRole:
    """``"USAGOV 050621-090120"`` -> ActorRole; raises ValueError when malformed."""
    spec = spec.strip()
    if not spec:
        raise ValueError("empty code []")
    code, _, dates = spec.partition(" ")
    code = code.upper()
    if not _CODE.match(code):
        raise ValueError(f"bad code {code!r}")
    dates = "".join(dates.split())
    if not dates:
        return ActorRole(code)
    if dates[0] == "<":
        return ActorRole(code, end=parse_dict_date(dates[1:]) - timedelta(days=1))
    if dates[0] == ">":
        return ActorRole(code, start=parse_dict_date(dates[1:]))
    first, dash, second = dates.partition("-")
    if not dash:  # a bare date: the role holds from then on ("[USAGOV 19820101]")
        return ActorRole(code, start=parse_dict_date(first))
    # A reversed range is kept as written: it is never valid, as in PETRARCH.
    return ActorRole(code, start=parse_dict_date(first), end=parse_dict_date(second))


def _split_codes(text: str) -> tuple[str, list[str]]:
    """Split ``"NAME [A] [B 0101-0202] trailing note"`` into the phrase and the codes.

    The phrase is what stands before the first bracket; text after the last bracket is a
    note (the International file has some without ``#``).
    """
    if "[" not in text:
        return text, []
    phrase = text[: text.find("[")]
    return phrase, _BRACKET.findall(text[text.find("[") :])


def read_actor_dictionary(
    path: str | Path, *, lenient: bool = False
) -> tuple[list[ActorEntry], Problems]:
    """Read an actor dictionary: the entries and (with ``lenient``) the lines skipped.

    An entry with no code that is followed directly (no blank line) by another primary
    phrase shares that entry's codes: CountryInfo writes a person's alternative names so
    ("LEONID_BREZHNEV_" / "LEONID_ILYICH_BREZHNEV" / ... / the codes); after a blank line a
    primary phrase always starts a new entry. An entry left with no code at all is kept with
    no roles (PETRARCH knows the phrase but codes nothing).
    """
    path = Path(path)
    path_text = str(path)
    problems: Problems | None = [] if lenient else None
    entries: list[ActorEntry] = []
    current: _OpenEntry | None = None
    gap = False  # a blank line since the last line of the current entry

    def close() -> None:
        nonlocal current
        if current is not None:
            entries.append(current.freeze(path_text))
            current = None

    for number, line in _dictionary_lines(path, blanks=True):
        text = line.strip()
        if not text:
            gap = True
            continue
        after_gap, gap = gap, False
        if text.count("[") != text.count("]"):
            _fail(problems, path, number, "unbalanced [ ]")
            continue
        phrase, specs = _split_codes(text)
        phrase = " ".join(phrase.split())
        try:
            roles = [_parse_role(s) for s in specs]
        except ValueError as e:
            _fail(problems, path, number, str(e))
            continue
        if not phrase:  # a code line of the current entry
            if current is None:
                _fail(problems, path, number, "code before any actor")
                continue
            current.roles.extend(roles)
            current.coded = True
        elif phrase.startswith("+"):
            synonym = phrase[1:].strip()
            if current is None:
                _fail(problems, path, number, "synonym before any actor")
                continue
            if not _valid_phrase(synonym):
                _fail(problems, path, number, f"bad synonym {synonym!r}")
                continue
            current.synonyms.append(synonym)
            current.roles.extend(roles)
            current.coded = current.coded or bool(roles)
        else:
            if not _valid_phrase(phrase):
                _fail(problems, path, number, f"bad actor phrase {phrase!r}")
                continue
            if current is not None and not current.coded and not after_gap:
                current.synonyms.append(phrase)  # an alternative name, see the docstring
                current.roles.extend(roles)
                current.coded = bool(roles)
                continue
            close()
            current = _OpenEntry(phrase, [], list(roles), number, bool(roles))
    close()
    return entries, problems or []


@dataclass(slots=True)
class _OpenEntry:
    phrase: str
    synonyms: list[str]
    roles: list[ActorRole]
    line: int
    coded: bool

    def freeze(self, path: str) -> ActorEntry:
        return ActorEntry(self.phrase, tuple(self.synonyms), tuple(self.roles), self.line, path)


def _valid_phrase(phrase: str) -> bool:
    return bool(phrase) and not any(c in phrase for c in "[]{}") and bool(phrase.strip("_ +"))


def format_actor_entry(entry: ActorEntry) -> str:
    """The entry in dictionary format (``read_actor_dictionary`` reads it back)."""
    lines = [entry.phrase, *(f"+{s}" for s in entry.synonyms)]
    lines += [f"\t{role.to_text()}" for role in entry.roles]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Agents


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """An agent phrase and its code; ``prefix`` agents go before the actor code (NGO~)."""

    phrase: str
    code: str
    prefix: bool = False
    # None: generate the regular plural; "": no plural; else the plural as written.
    plural: str | None = None
    line: int = 0
    path: str = ""
    # The phrases after marker substitution and plural formation (set by the reader).
    forms: tuple[str, ...] = field(default=(), compare=False)

    @property
    def code_text(self) -> str:
        return f"{self.code}~" if self.prefix else f"~{self.code}"


def make_plural(phrase: str) -> str:
    """The regular plural of a phrase's last word (PETRARCH's rule, with vowel + Y -> YS)."""
    head, sep, last = phrase.rstrip("_ ").rpartition("_" if "_" in phrase else " ")
    if not last:
        return phrase
    upper = last.upper()
    if upper.endswith("Y") and len(upper) > 1 and upper[-2] not in "AEIOU":
        plural = last[:-1] + "IES"
    elif upper.endswith(("S", "X", "Z", "CH", "SH")):
        plural = last + "ES"
    else:
        plural = last + "S"
    return f"{head}{sep}{plural}"


def read_agent_dictionary(
    path: str | Path, *, lenient: bool = False
) -> tuple[list[AgentEntry], Problems]:
    """Read an agent dictionary; substitution markers and plurals are expanded in ``forms``."""
    path = Path(path)
    problems: Problems | None = [] if lenient else None
    markers: dict[str, list[str]] = {}
    entries: list[AgentEntry] = []
    for number, line in _dictionary_lines(path):
        text = line.strip()
        m = _MARKER_DEF.match(text)
        if m:
            markers[m[1].upper()] = [w.strip() for w in m[2].split(",") if w.strip()]
            continue
        codes = _BRACKET.findall(text)
        if len(codes) != 1 or text.count("[") != 1 or text.count("]") != 1:
            _fail(problems, path, number, "an agent needs exactly one [code]")
            continue
        spec = "".join(codes[0].split()).upper()
        if spec.startswith("~") and _CODE.match(spec[1:]):
            code, prefix = spec[1:], False
        elif spec.endswith("~") and _CODE.match(spec[:-1]):
            code, prefix = spec[:-1], True
        else:
            _fail(problems, path, number, f"agent code {spec!r} needs ~ before or after it")
            continue
        phrase_part = _BRACKET.sub(" ", text)
        plural: str | None = None
        if "{" in phrase_part or "}" in phrase_part:
            if phrase_part.count("{") != 1 or phrase_part.count("}") != 1:
                _fail(problems, path, number, "unbalanced { }")
                continue
            before, _, rest = phrase_part.partition("{")
            plural_text, _, after = rest.partition("}")
            if after.strip():
                _fail(problems, path, number, "text after the {plural}")
                continue
            plural = " ".join(plural_text.split())
            phrase_part = before
        phrase = " ".join(phrase_part.split())
        if not _valid_phrase(phrase):
            _fail(problems, path, number, f"bad agent phrase {phrase!r}")
            continue
        try:
            forms = _agent_forms(phrase, plural, markers)
        except KeyError as e:
            _fail(problems, path, number, f"substitution marker !{e.args[0]}! is not defined")
            continue
        entries.append(
            AgentEntry(phrase, code, prefix, plural, number, str(path), forms=tuple(forms))
        )
    return entries, problems or []


def _agent_forms(phrase: str, plural: str | None, markers: dict[str, list[str]]) -> list[str]:
    if _MARKER_USE.search(phrase):
        forms = [phrase]
        while any(_MARKER_USE.search(f) for f in forms):
            expanded = []
            for f in forms:
                m = _MARKER_USE.search(f)
                if not m:
                    expanded.append(f)
                    continue
                subs = markers[m[1].upper()]
                expanded += [f[: m.start()] + s + f[m.end() :] for s in subs]
            forms = expanded
        return forms
    if plural is None:
        return [phrase, make_plural(phrase)]
    return [phrase, plural] if plural else [phrase]


def format_agent_entry(entry: AgentEntry) -> str:
    """The entry in dictionary format (``read_agent_dictionary`` reads it back)."""
    plural = "" if entry.plural is None else f" {{{entry.plural}}}"
    return f"{entry.phrase}{plural} [{entry.code_text}]\n"


# ---------------------------------------------------------------------------------------------
# Discards


@dataclass(frozen=True, slots=True)
class DiscardEntry:
    """A phrase whose presence stops coding of the sentence (or, with ``story``, the story)."""

    phrase: str
    story: bool = False
    exact: bool = False  # True: the phrase ends at a word boundary (trailing "_")
    line: int = 0

    @property
    def words(self) -> list[str]:
        return self.phrase.replace("_", " ").split()


def read_discard_file(
    path: str | Path, *, lenient: bool = False
) -> tuple[list[DiscardEntry], Problems]:
    """Read a discard list."""
    path = Path(path)
    problems: Problems | None = [] if lenient else None
    entries: list[DiscardEntry] = []
    for number, line in _dictionary_lines(path):
        text = line.strip()
        story = text.startswith("+")
        if story:
            text = text[1:].strip()
        exact = text.endswith("_")
        phrase = " ".join(text.replace("_", " ").split()).upper()
        if not phrase or any(c in phrase for c in "[]{}"):
            _fail(problems, path, number, f"bad discard phrase {text!r}")
            continue
        entries.append(DiscardEntry(phrase, story, exact, number))
    return entries, problems or []


# ---------------------------------------------------------------------------------------------
# Issues


@dataclass(frozen=True, slots=True)
class IssueEntry:
    """An issue phrase (all its expanded forms) and its code; or an exclusion phrase.

    ``exclude`` is 0 for a coding phrase, 1 for ``~`` (cancels the section's issues in the
    sentence) and 2 for ``~~`` (in the story); exclusion phrases have no code.
    """

    forms: tuple[str, ...]
    code: str
    category: str
    exclude: int = 0
    line: int = 0


def _issue_forms(target: str) -> list[str]:
    forms = [target]
    changed = True
    while changed:
        changed = False
        out: list[str] = []
        for form in forms:
            if "+" in form:
                out += [form.replace("+", " ", 1), form.replace("+", "-", 1)]
                changed = True
                continue
            low = form.upper()
            if "N:" in low:
                i = low.index("N:")
                word, sep, rest = form[i + 2 :].partition(" ")
                base = form[:i] + word + sep + rest
                out += [base, form[:i] + make_plural(word) + sep + rest]
                changed = True
                continue
            if "V:" in low:
                i = low.index("V:")
                word, sep, rest = form[i + 2 :].partition(" ")
                stem = word[:-1] if word.upper().endswith("E") else word
                variants = [word, word + "S", stem + "ED", stem + "ING"]
                out += [form[:i] + v + sep + rest for v in variants]
                changed = True
                continue
            out.append(form)
        forms = out
    return [" ".join(f.upper().split()) for f in forms]


def read_issue_file(
    path: str | Path, *, lenient: bool = False
) -> tuple[list[IssueEntry], Problems]:
    """Read an issue-coding file."""
    path = Path(path)
    problems: Problems | None = [] if lenient else None
    entries: list[IssueEntry] = []
    category = ""
    for number, line in _dictionary_lines(path):
        text = line.strip()
        m = _ISSUE_OPEN.match(text)
        if m:
            category = m[1]
            continue
        if text.upper().startswith("</ISSUE"):
            category = ""
            continue
        if text.startswith("~"):
            level = 2 if text.startswith("~~") else 1
            target = text[level:].strip()
            if not target:
                _fail(problems, path, number, "empty exclusion phrase")
                continue
            entries.append(IssueEntry(tuple(_issue_forms(target)), "", category, level, number))
            continue
        if "[" not in text:  # a phrase with no code is skipped, as PETRARCH does
            continue
        if text.count("[") != text.count("]"):
            _fail(problems, path, number, "unbalanced [ ]")
            continue
        # Usually one "phrase [CODE]"; a few lines hold two run together.
        for target, code in _ISSUE_PAIR.findall(text):
            target, code = target.strip(), code.strip().upper()
            if not target:
                continue  # a repeated code ("aqim [X] [X]")
            if not code:
                _fail(problems, path, number, "empty issue code")
                continue
            entries.append(IssueEntry(tuple(_issue_forms(target)), code, category, 0, number))
    return entries, problems or []
