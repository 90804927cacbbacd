"""The compiled actor dictionaries: phrases as word keys, the word index, the stored form.

The dictionaries (``dictionaries.py`` reads them) are compiled once into a word index
(first two words -> phrases, one-word phrases and stems by word; longest phrase first) and
stored (``marshal``, builtins only) by ``match.py``'s loader in ``settings.cache_path``,
keyed by the SHA-256 of the dictionary files. dateline's supplement comes first because
the first entry of a phrase wins; its ``PHRASE [---]`` entries say a phrase names no actor.
A phrase ending in a parenthesis ("LIBERATION_TIGERS_OF_TAMIL_EELAM_(LTTE)_") is also
indexed without it and, in upper case, as its acronym; a word ending in "s" before the head
may be a possessive the dictionary left out ("Kurdistan Workers' Party").
"""

from __future__ import annotations

import marshal
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from spacy.tokenizer import Tokenizer

from .dictionaries import (
    ActorEntry,
    ActorRole,
    AgentEntry,
    DiscardEntry,
    IssueEntry,
)
from .modifiers import SURNAME_ARTICLES, SURNAME_MAX_ENTRIES

# Bump when the compiled format or the matching rules change: old cache files are ignored.
COMPILED_VERSION = "dateline.actors.v11"


# dateline's own supplement (additions and corrections, MIT): its files come first, since
# the first entry of a phrase wins, and its agents are indexed before any actor phrase, so
# that a supplement agent replaces a Phoenix actor synonym of the same phrase.
SUPPLEMENT_PREFIX = "dateline."


# "NAME_(ACRONYM)_": a phrase that ends in a parenthesis.
_TRAILING_PARENTHESIS = re.compile(r"^\+?(.+?)_?\(([^()]+)\)_?$")


def match_key(text: str) -> str:
    """The matching key of a word: lower case, curly apostrophe straightened, dots dropped."""
    low = text.lower().replace("’", "'")
    stripped = low.replace(".", "")
    return stripped or low


# An actor entry as stored: (phrase, synonyms, ((code, start, end), ...), line, path), dates as
# proleptic ordinals (0: open). Plain tuples load several times faster than dataclasses.
ActorRow = tuple[str, tuple[str, ...], tuple[tuple[str, int, int], ...], int, str]


def _actor_row(entry: ActorEntry) -> ActorRow:
    roles = tuple(
        (r.code, r.start.toordinal() if r.start else 0, r.end.toordinal() if r.end else 0)
        for r in entry.roles
    )
    return (entry.phrase, entry.synonyms, roles, entry.line, entry.path)


def actor_from_row(row: ActorRow) -> ActorEntry:
    """The actor entry a stored row holds."""
    phrase, synonyms, roles, line, path = row
    return ActorEntry(
        phrase,
        tuple(synonyms),
        tuple(
            ActorRole(
                code,
                date.fromordinal(start) if start else None,
                date.fromordinal(end) if end else None,
            )
            for code, start, end in roles
        ),
        line,
        path,
    )


# A compiled phrase: (word keys, last word is a stem, target, positions after a gap); target
# >= 0 is an actor index, target < 0 the agent index -(target + 1).
Phrase = tuple[tuple[str, ...], bool, int, tuple[int, ...]]


@dataclass(slots=True)
class Compiled:
    """The compiled dictionaries: the entries and the word indexes."""

    version: str
    actors: list[ActorRow]
    agents: list[AgentEntry]
    discards: list[DiscardEntry]
    issues: list[IssueEntry]
    phrases: list[Phrase]
    first: dict[str, list[int]]  # word -> one-word phrases, and phrases with a gap after it
    pairs: dict[str, list[int]]  # "first second" -> phrases of two words or more
    stems: dict[str, list[int]]  # stem -> one-word stem phrases
    problems: list[str]
    upper: list[int]  # phrases that match only upper-case text (acronyms from "(ALF)")
    surnames: dict[str, list[int]]  # a name's last word -> the few actors of that name

    def dump(self) -> bytes:
        """Serialise with ``marshal`` (builtins only: fast to load, no code execution)."""
        data = {
            "version": self.version,
            "actors": self.actors,
            "agents": [
                (a.phrase, a.code, a.prefix, a.plural, a.line, a.path, a.forms) for a in self.agents
            ],
            "discards": [(d.phrase, d.story, d.exact, d.line) for d in self.discards],
            "issues": [(i.forms, i.code, i.category, i.exclude, i.line) for i in self.issues],
            "phrases": self.phrases,
            "first": self.first,
            "pairs": self.pairs,
            "stems": self.stems,
            "problems": self.problems,
            "upper": self.upper,
            "surnames": self.surnames,
        }
        return marshal.dumps(data)

    @classmethod
    def load(cls, blob: bytes) -> Compiled | None:
        data = marshal.loads(blob)
        if not isinstance(data, dict) or data.get("version") != COMPILED_VERSION:
            return None
        return cls(
            version=data["version"],
            actors=data["actors"],
            agents=[
                AgentEntry(p, c, pre, pl, ln, path, forms=tuple(forms))
                for p, c, pre, pl, ln, path, forms in data["agents"]
            ],
            discards=[DiscardEntry(*row) for row in data["discards"]],
            issues=[IssueEntry(*row) for row in data["issues"]],
            phrases=data["phrases"],
            first=data["first"],
            pairs=data["pairs"],
            stems=data["stems"],
            problems=data["problems"],
            upper=data["upper"],
            surnames=data["surnames"],
        )


def _tokenizer() -> Tokenizer:
    import spacy

    return spacy.blank("en").tokenizer


def _phrase_keys(
    tokenizer: Tokenizer, phrase: str
) -> tuple[tuple[str, ...], bool, tuple[int, ...]]:
    """The word keys of a dictionary phrase, whether its last word is a stem, and the word
    positions that may follow a gap (words joined by a space, not ``_``: PETRARCH's "words
    can occur between" connector)."""
    stem = not phrase.rstrip().endswith("_")
    keys: list[str] = []
    gaps: list[int] = []
    for n, piece in enumerate(phrase.strip().split()):
        words = [
            sys.intern(k)
            for k in (
                match_key(t.text) for t in tokenizer(" ".join(piece.replace("_", " ").split()))
            )
            if k.strip() and k != "."
        ]
        if n > 0 and words and keys:
            gaps.append(len(keys))
        keys += words
    return tuple(keys), stem, tuple(gaps)


def _possessive_variants(keys: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The phrase with an apostrophe the dictionary left out: a word ending in "s" before
    the head may be a possessive ("SUDAN_PEOPLES_LIBERATION_MOVEMENT" is written "Sudan
    People's Liberation Movement", "KURDISTAN_WORKERS_PARTY" "Kurdistan Workers' Party")."""
    out: list[tuple[str, ...]] = []
    for n, word in enumerate(keys[:-1]):
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss") and word.isalpha():
            head, tail = keys[:n], keys[n + 1 :]
            out.append((*head, sys.intern(word[:-1]), "'s", *tail))
            out.append((*head, word, "'", *tail))
    return out


def _is_stop_entry(entry: ActorEntry) -> bool:
    """A supplement entry coded ``[---]`` with no dates: its phrases are not actors."""
    return (
        Path(entry.path).name.startswith(SUPPLEMENT_PREFIX)
        and bool(entry.roles)
        and all(r.code == "---" and not r.dated for r in entry.roles)
    )


def _parenthesis_variants(phrase: str) -> list[tuple[str, bool]]:
    """Other ways news text writes a phrase that ends in a parenthesis.

    Phoenix writes many group names with their acronym, "LIBERATION_TIGERS_OF_TAMIL_EELAM_
    (LTTE)_", which text seldom repeats whole: the name without the parenthesis (when it
    keeps two words or more, so "GEORGIA_(COUNTRY)" does not claim "Georgia") and the
    acronym alone (when it has 3+ letters drawn, in order, from the initials of the name
    and starts with the first: "ALF" of "ANIMAL_LIBERATION_FRONT") are matched too; the
    acronym only in upper case (the flag), since some are words ("DAWN", "EMETIC").
    """
    m = _TRAILING_PARENTHESIS.match(phrase.strip())
    if m is None:
        return []
    name, inside = m.group(1).strip("_ "), m.group(2).strip("_ ")
    words = [w for w in re.split(r"[_\s-]+", name) if w]
    out: list[tuple[str, bool]] = []
    if len(words) >= 2:
        out.append((name + "_", False))
    initials = "".join(w[0] for w in words if w[0].isalnum()).upper()
    acronym = inside.upper()
    if len(acronym) >= 3 and acronym.isalpha() and initials[:1] == acronym[:1]:
        rest = iter(initials)
        if all(c in rest for c in acronym):  # a subsequence of the initials
            out.append((acronym + "_", True))
    return out


def compile_dictionaries(
    actors: list[ActorEntry],
    agents: list[AgentEntry],
    discards: list[DiscardEntry],
    issues: list[IssueEntry],
    problems: list[str],
) -> Compiled:
    """The word index of the entries (the first entry of a phrase wins, as in PETRARCH)."""
    tokenizer = _tokenizer()
    phrases: list[Phrase] = []
    seen: dict[tuple[tuple[str, ...], bool], int] = {}
    upper: list[int] = []

    def store(keys: tuple[str, ...], stem: bool, target: int, gaps: tuple[int, ...]) -> None:
        if (keys, stem) in seen:  # the first entry of a phrase wins, as in PETRARCH
            return
        seen[(keys, stem)] = len(phrases)
        phrases.append((keys, stem, target, gaps))

    def add(phrase: str, target: int) -> None:
        keys, stem, gaps = _phrase_keys(tokenizer, phrase)
        if not keys:
            return
        stem = stem and keys[-1].isalpha()
        store(keys, stem, target, gaps)
        if not gaps:
            for variant in _possessive_variants(keys):
                store(variant, stem, target, ())

    def add_agent(j: int, agent: AgentEntry) -> None:
        for form in agent.forms or (agent.phrase,):
            # Agent forms are whole words: plurals are listed, so no stems.
            add(form.rstrip("_ ") + "_", -(j + 1))

    supplement = [Path(a.path).name.startswith(SUPPLEMENT_PREFIX) for a in agents]
    for j, agent in enumerate(agents):
        if supplement[j]:
            add_agent(j, agent)
    for i, entry in enumerate(actors):
        if _is_stop_entry(entry):
            # The supplement's "PHRASE [---]": the phrase names no actor, whatever a later
            # file says ("MALE_", Male in Phoenix's Maldives entry, is mostly "a male").
            for phrase in entry.phrases:
                keys, stem, _gaps = _phrase_keys(tokenizer, phrase)
                seen.setdefault((keys, stem and bool(keys) and keys[-1].isalpha()), -1)
            continue
        for phrase in entry.phrases:
            add(phrase, i)
            for variant, upper_only in _parenthesis_variants(phrase):
                if upper_only:
                    keys, _stem, _gaps = _phrase_keys(tokenizer, variant)
                    if keys and (keys, False) not in seen:
                        upper.append(len(phrases))
                        store(keys, False, i, ())
                else:
                    add(variant, i)
    actor_rows = [_actor_row(e) for e in actors]
    for j, agent in enumerate(agents):
        if not supplement[j]:
            add_agent(j, agent)
    first: dict[str, list[int]] = {}
    pairs: dict[str, list[int]] = {}
    stems: dict[str, list[int]] = {}
    for pid, (keys, stem, _target, gaps) in enumerate(phrases):
        if len(keys) == 1 and stem:
            stems.setdefault(keys[0], []).append(pid)
        elif len(keys) >= 2 and 1 not in gaps:
            # Longer phrases are found by their first two words: "the" alone starts thousands.
            pairs.setdefault(f"{keys[0]} {keys[1]}", []).append(pid)
        else:
            first.setdefault(keys[0], []).append(pid)
    for index in (first, pairs, stems):
        for pids in index.values():
            pids.sort(key=lambda p: (-len(phrases[p][0]), phrases[p][2] < 0, p))
    return Compiled(
        COMPILED_VERSION,
        actor_rows,
        agents,
        discards,
        issues,
        phrases,
        first,
        pairs,
        stems,
        problems,
        upper,
        _surname_index(actors),
    )


def _surname_index(actors: list[ActorEntry]) -> dict[str, list[int]]:
    """The last word of each name-like entry (two words or more, every role a country or
    organisation with an agent: persons, and some organisations) -> the entries ending in
    it, kept only when they all name one person (the same name listed again): a surname two
    people of the dictionary bear names neither, whatever their dates."""
    index: dict[str, set[int]] = {}
    for i, entry in enumerate(actors):
        if _is_stop_entry(entry) or not entry.roles or any(len(r.code) < 6 for r in entry.roles):
            continue
        for phrase in entry.phrases:
            words = [w for w in re.split(r"[_ ]+", phrase.strip("+_ ")) if w]
            if len(words) < 2:
                continue
            last = match_key(words[-1])
            forms = {last}
            for article in SURNAME_ARTICLES:
                if last.startswith(article):
                    forms.add(last[len(article) :])
            for form in forms:
                if len(form) >= 3 and form.isalpha():
                    index.setdefault(form, set()).add(i)

    def person(i: int) -> str:
        return re.sub(r"[^A-Z]", "", actors[i].phrase.upper())

    return {
        k: sorted(v)
        for k, v in index.items()
        if len(v) <= SURNAME_MAX_ENTRIES and len({person(i) for i in v}) == 1
    }
