"""The compiled actor matcher: PETRARCH/TABARI dictionaries -> actor mentions with CAMEO codes.

The packaged set is dateline's supplement (``data/dictionaries/dateline.*.txt``: demonyms,
organisations and agent nouns Phoenix lacks, and corrections of Phoenix entries) followed by
the Phoenix files. They are compiled once (``compiled.py``) and stored (``marshal``,
builtins only) in ``settings.cache_path``, keyed by the SHA-256 of the dictionary files, so
a warm start only loads them (``load_actor_matcher``, here).

``ActorMatcher`` finds the dictionary phrases of a text on spaCy tokens, longest match first
scanning left to right, an actor beating an agent on a tie (how words match: ``words.py``);
its matches make mentions (``mentions.py``) and noun phrases' codes (``code_tokens``, here)
by PETRARCH's country + agent rule (``combine.py``); codes are read by ``codes.py``. It also
finds discard and issue phrases.

Dates: an actor's role is the one valid on the article's publication date
(``ActorEntry.role_on``). With no known date the matcher takes the role that ends last
(open-ended first) and marks the mention ``via="dictionary:undated"``.

Compound codes (``FRO/BIL/SAM``) are kept whole in ``Actor.code``; ``split_compound`` gives
the parts (one event per actor). A role coded ``---`` (not an actor at that date) gives a
mention with no actor.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Iterable, Sequence
from datetime import date
from functools import cached_property
from pathlib import Path

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from ..gc_pause import gc_paused
from ..model import Actor, Article, Mention
from ..settings import Settings
from .codes import add_agents, code_country, make_actor
from .combine import ActorMatch, group_code, phrase_groups, says_former
from .compiled import (
    COMPILED_VERSION,
    SUPPLEMENT_PREFIX,
    Compiled,
    actor_from_row,
    compile_dictionaries,
    match_key,
)
from .dictionaries import (
    ActorEntry,
    AgentEntry,
    DiscardEntry,
    IssueEntry,
    read_actor_dictionary,
    read_agent_dictionary,
    read_discard_file,
    read_issue_file,
    split_compound,
)
from .mentions import find_mentions
from .modifiers import AGENT_OF_PREPOSITIONS
from .names import plausible_matches
from .phrases import PhraseHit, PhraseIndex, PhraseText
from .words import (
    MAX_STEM_SUFFIX,
    MIN_STEM,
    acronym_ok,
    plural_matches,
    second_word_forms,
    stem_matches,
    words_match,
)

__all__ = [
    "ActorMatch",
    "ActorMatcher",
    "DiscardText",
    "code_country",
    "default_dictionary_files",
    "load_actor_matcher",
    "split_compound",
]

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
PACKAGED_ACTORS = (
    "dateline.actors.txt",
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)
PACKAGED_AGENTS = ("dateline.agents.txt", "Phoenix.agents.txt")
PACKAGED_DISCARDS = ("Phoenix.discards.txt",)
PACKAGED_ISSUES = ("Phoenix.IssueCoding.txt",)

_KEY_CACHE_MAX = 200_000  # ORTH ids whose matching key is kept
# Dependencies that leave a noun phrase's core (its head, determiners and modifiers).
_OUTSIDE_CORE = frozenset(
    {"appos", "relcl", "acl", "prep", "conj", "cc", "punct", "advcl", "ccomp", "parataxis"}
)


class ActorMatcher:
    """Finds actor mentions in a parsed article and codes noun phrases (CAMEO actor codes)."""

    def __init__(self, compiled: Compiled, *, stems: bool = True) -> None:
        self._c = compiled
        # TABARI stems (a phrase's last word also matches longer forms); PETRARCH matches
        # every word as written ("PETR does not do stemming"), plurals aside.
        self.stems = stems
        self._entries: dict[int, ActorEntry] = {}
        # Quick rejects for the common case, a word that starts no phrase.
        self._pair_firsts = frozenset(k.partition(" ")[0] for k in compiled.pairs)
        heads = {k[:MIN_STEM] for k in compiled.stems}
        heads |= {
            (k + end)[:MIN_STEM] for k in compiled.stems if len(k) < MIN_STEM for end in ("s", "es")
        }
        self._stem_heads = frozenset(heads)
        self._key_cache: dict[int, str] = {}  # ORTH id -> matching key
        self._may_start: dict[str, bool] = {}  # matching key -> may start a phrase
        self._upper_only = frozenset(compiled.upper)
        # Short agent words of dateline's own supplement ("MAN", "MEN") are words, not
        # acronyms: they match in lower case too.
        self._words_any_case = frozenset(
            pid
            for pid, (_keys, _stem, target, _gaps) in enumerate(compiled.phrases)
            if target < 0
            and Path(compiled.agents[-(target + 1)].path).name.startswith(SUPPLEMENT_PREFIX)
        )
        # A phrase's code by its matches' entries, the date and "former" (``_code_core``).
        self._group_codes: dict[tuple[object, ...], tuple[Actor | None, bool, bool]] = {}
        self.agents = compiled.agents
        self.discards = compiled.discards
        self.issues = compiled.issues
        self.problems = compiled.problems

    @property
    def actors(self) -> list[ActorEntry]:
        """Every actor entry (built on demand: matching needs only the ones it finds)."""
        return [self.actor_entry(i) for i in range(len(self._c.actors))]

    def actor_entry(self, index: int) -> ActorEntry:
        """The actor entry ``index`` (``ActorMatch.actor``)."""
        entry = self._entries.get(index)
        if entry is None:
            entry = self._entries[index] = actor_from_row(self._c.actors[index])
        return entry

    # The discard and issue phrase indexes are built on first use (a few milliseconds), so
    # a start that never asks for them does not pay.
    @cached_property
    def _discard_index(self) -> PhraseIndex[DiscardEntry]:
        return PhraseIndex((d.phrase, d.exact, d) for d in self.discards)

    @cached_property
    def _issue_index(self) -> PhraseIndex[IssueEntry]:
        return PhraseIndex((form, True, e) for e in self.issues for form in e.forms)

    # -- construction ----------------------------------------------------------------------

    @classmethod
    def from_files(
        cls,
        actors: Sequence[Path],
        agents: Sequence[Path],
        discards: Sequence[Path] = (),
        issues: Sequence[Path] = (),
        cache_dir: Path | None = None,
        lenient: bool = False,
        stems: bool = True,
    ) -> ActorMatcher:
        """Compile the given dictionary files (or load them from ``cache_dir``).

        ``stems=False``: dictionary words match only as written (and their regular plurals),
        as PETRARCH matches them, instead of as TABARI stems."""
        groups = [list(map(Path, g)) for g in (actors, agents, discards, issues)]
        key = _files_key(groups, lenient)
        return _load_cached(key, groups, cache_dir, lenient, stems)

    # -- matching --------------------------------------------------------------------------

    def match_tokens(
        self, tokens: Sequence[Token] | Doc, keys: list[str] | None = None
    ) -> list[ActorMatch]:
        """Every dictionary phrase in ``tokens`` (consecutive tokens of one doc, or the doc),
        longest first. ``keys``: the tokens' matching keys, when the caller has them."""
        c = self._c
        if keys is None:
            cache = self._key_cache
            keys = [cache.get(t.orth) or match_key(t.text) for t in tokens]
        offset = tokens[0].i if len(tokens) else 0
        out: list[ActorMatch] = []
        i, n = 0, len(tokens)
        may_start = self._may_start
        while i < n:
            start_ok = may_start.get(keys[i])
            if start_ok is None:
                start_ok = may_start[keys[i]] = self._starts_a_phrase(keys[i])
            if not start_ok:
                i += 1
                continue
            best: tuple[int, int] | None = None  # (tokens, phrase id)
            candidates = c.first.get(keys[i], ())
            if "_" in keys[i]:
                candidates = self._joined_candidates(keys[i])
            if i + 1 < n and keys[i] in self._pair_firsts:
                longer: list[int] = []
                for form in second_word_forms(keys[i + 1]):
                    longer.extend(c.pairs.get(f"{keys[i]} {form}", ()))
                if longer:
                    candidates = sorted(
                        {*longer, *candidates},
                        key=lambda p: (-len(c.phrases[p][0]), c.phrases[p][2] < 0, p),
                    )
            for pid in candidates:
                words, stem, _t, gaps = c.phrases[pid]
                if i + len(words) > n:
                    continue
                size = words_match(
                    words, stem and self.stems, gaps, keys, i, tokens, pid in self._words_any_case
                )
                if size:
                    best = (size, pid)
                    break
            if best is None and keys[i].endswith("s"):
                best = self._plural_candidate(keys[i])
            if best is None and keys[i][:MIN_STEM] in self._stem_heads:
                ends = stem_matches if self.stems else plural_matches
                for pid in self._stem_candidates(keys[i]):
                    stem_word = c.phrases[pid][0][0]
                    if acronym_ok(c.phrases[pid][0], tokens[i]) and (
                        stem_word == keys[i] or ends(stem_word, keys[i])
                    ):
                        best = (1, pid)
                        break
            if best is None:
                i += 1
                continue
            size, pid = best
            if size == 1 and tokens[i].pos_ == "PRON":
                i += 1
                continue
            if pid in self._upper_only and not tokens[i].text.isupper():
                i += 1
                continue
            target = c.phrases[pid][2]
            start = offset + i
            if target >= 0:
                out.append(ActorMatch(start, start + size, actor=target))
            else:
                out.append(ActorMatch(start, start + size, agent=-(target + 1)))
            i += size
        return out

    def _starts_a_phrase(self, key: str) -> bool:
        """Whether any phrase may start with the word ``key`` (the matcher's quick reject)."""
        c = self._c
        return (
            key in c.first
            or ("_" in key and bool(self._joined_candidates(key)))
            or key in self._pair_firsts
            or key[:MIN_STEM] in self._stem_heads
            or (key.endswith("s") and self._plural_candidate(key) is not None)
        )

    def _joined_candidates(self, key: str) -> list[int]:
        """Phrases a word joined with underscores may start ("saudi_arabia")."""
        c = self._c
        parts = [p for p in key.split("_") if p]
        if len(parts) < 2:
            return []
        found = {*c.pairs.get(f"{parts[0]} {parts[1]}", ()), *c.first.get(parts[0], ())}
        return sorted(found, key=lambda p: (-len(c.phrases[p][0]), c.phrases[p][2] < 0, p))

    def doc_keys(self, doc: Doc) -> list[str]:
        """The matching key of every token of ``doc``, by the token's ORTH id (cached)."""
        cache = self._key_cache
        if len(cache) > _KEY_CACHE_MAX:
            cache.clear()
            self._may_start.clear()
        strings = doc.vocab.strings
        keys: list[str] = []
        for orth in doc.to_array(ORTH).tolist():
            key = cache.get(orth)
            if key is None:
                key = cache[orth] = match_key(strings[orth])
            keys.append(key)
        return keys

    def _plural_candidate(self, word: str) -> tuple[int, int] | None:
        """A one-word exact phrase whose regular plural ``word`` is ("Iraqis", "Ghanaians")."""
        c = self._c
        for size in (1, 2):
            base = word[:-size]
            for pid in c.first.get(base, ()):
                words = c.phrases[pid][0]
                if len(words) == 1 and plural_matches(words[0], word):
                    return (1, pid)
        return None

    def _stem_candidates(self, word: str) -> Iterable[int]:
        stems = self._c.stems
        if not word.isalpha():
            hit = stems.get(word)
            return hit or ()
        length = len(word)
        found: list[int] = []
        for size in range(length, max(MIN_STEM, length - MAX_STEM_SUFFIX) - 1, -1):
            hit = stems.get(word[:size])
            if hit:
                found.extend(hit)
        # Short stems: the word itself or its plural.
        if length <= MIN_STEM + 1:
            for base in (
                word,
                word[:-1] if word.endswith("s") else "",
                word[:-2] if word.endswith("es") else "",
            ):
                if base and len(base) < MIN_STEM:
                    found.extend(stems.get(base, ()))
        return found

    def resolve(self, entry_index: int, when: date | None) -> tuple[Actor | None, bool]:
        """The Actor of a dictionary entry on ``when``; the flag says a role was chosen undated."""
        entry = self.actor_entry(entry_index)
        role = entry.role_on(when)
        if role is None or role.code.startswith("---"):
            return None, False
        undated = when is None and any(r.dated for r in entry.roles)
        return make_actor(role.code, entry.name, role), undated

    def surname_actor(self, key: str, when: date | None) -> Actor | None:
        """The one dictionary person whose name ends in the word ``key`` (a matching key),
        when that person holds a role on ``when``."""
        found: Actor | None = None
        for index in self._c.surnames.get(key, ()):
            actor, _undated = self.resolve(index, when)
            if actor is None:
                continue
            if found is not None and found.code != actor.code:
                return None
            found = found or actor
        return found

    def find_mentions(self, article: Article, doc: Doc) -> list[Mention]:
        """Every actor mention of the article, with its actor resolved for the article's date
        (``mentions.find_mentions``)."""
        return find_mentions(self, article, doc)

    def code_tokens(self, span: Span, when: date | None) -> Actor | None:
        """The actor code of a noun phrase (a subject's or object's subtree).

        The phrase's core (its head with determiners and modifiers) decides; when the core
        has no actor, an apposition ("the ambassador, Zalmay Khalilzad") and then an
        "of"/"from" phrase ("representatives from the Iraqi insurgency") are tried; a bare
        country there takes the core's agents ("the government of Iraq" -> IRQGOV).
        """
        if len(span) == 0:
            return None
        doc = span.doc
        root = span.root
        core = _core_tokens(span, root)
        core_actor, core_has_actor = self._code_core(core, doc, when)
        if core_has_actor:
            return core_actor
        for child in root.children:
            if child.dep_ == "appos" and span.start <= child.i < span.end:
                appos = doc[child.left_edge.i : child.right_edge.i + 1]
                found = self.code_tokens(appos, when)
                if found is not None and found.country:
                    return found
        for child in root.children:
            if child.dep_ == "prep" and child.lower_ in AGENT_OF_PREPOSITIONS:
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if not objs or not (span.start <= objs[0].i < span.end):
                    continue
                obj = objs[0]
                inner = self.code_tokens(doc[obj.left_edge.i : obj.right_edge.i + 1], when)
                if inner is None:
                    continue
                if core_actor is not None and not inner.agents:
                    merged = "/".join(
                        add_agents(p, [], list(core_actor.agents))
                        for p in split_compound(inner.code)
                    )
                    return make_actor(merged, inner.name)
                return inner
        return core_actor

    def _code_core(
        self, core: list[Token], doc: Doc, when: date | None
    ) -> tuple[Actor | None, bool]:
        if not core:
            return None, False
        matches: list[ActorMatch] = []
        # Cores are usually contiguous; match each contiguous run.
        run: list[Token] = [core[0]]
        for t in core[1:]:
            if t.i == run[-1].i + 1:
                run.append(t)
            else:
                matches += self.match_tokens(run)
                run = [t]
        matches += self.match_tokens(run)
        matches = plausible_matches(matches, doc)
        if not matches:
            return None, False
        groups = phrase_groups(self, matches, doc)
        # The group holding the phrase's head word wins; else the last group with an actor.
        head_i = max(t.i for t in core if t.head.i == t.i or t.head not in core) if core else -1
        chosen = None
        for g in groups:
            if g[0].start <= head_i < g[-1].end:
                chosen = g
        if chosen is None:
            with_actor = [g for g in groups if any(m.actor >= 0 for m in g)]
            chosen = (with_actor or groups)[-1]
        # The same phrases come back in every article ("the government", "Iraqi forces"): the
        # code depends only on the entries matched (in order), the date and "former".
        former = says_former(chosen, doc)
        key = (tuple((m.actor, m.agent) for m in chosen), when, former)
        coded = self._group_codes.get(key)
        if coded is None:
            if len(self._group_codes) > _GROUP_CODES_MAX:
                self._group_codes.clear()
            coded = self._group_codes[key] = group_code(self, chosen, when, former)
        actor, _undated, has_actor = coded
        return actor, has_actor

    # -- discards and issues ---------------------------------------------------------------

    def find_discard(
        self, text: str, *, story: bool = False, when: date | None = None
    ) -> DiscardEntry | None:
        """The discard phrase found in ``text`` (sentence-level ones, or story-level ones).

        The text is read left to right, taking the longest phrase at each place: a story
        phrase ("+CHAMPIONS LEAGUE") hides the sentence phrase inside it ("CHAMPIONS").
        ``when`` (the article's date): a discard phrase that is a bare year ("1988", "2001")
        marks a historical reference, as Phoenix lists the years before its own; it counts
        only for a year before the article's year.
        """
        return _first_discard(self._discard_index.scan(text), story, when)

    def discards_in(self, text: str, when: date | None = None) -> DiscardText:
        """``text`` (a document's) read once for discard phrases, to look them up in its
        sentences and in the whole of it (``find_discard`` on each part reads it again)."""
        return DiscardText(self._discard_index.prepare(text), when)

    def is_discard(self, sentence_text: str, when: date | None = None) -> bool:
        """Whether a sentence-level discard phrase occurs in the sentence (do not code it);
        ``when``: the article's date (see ``find_discard``)."""
        return self.find_discard(sentence_text, when=when) is not None

    def is_story_discard(self, text: str, when: date | None = None) -> bool:
        """Whether a story-level (``+``) discard phrase occurs in the text (skip the story)."""
        return self.find_discard(text, story=True, when=when) is not None

    def find_issues(self, text: str) -> dict[str, int]:
        """Issue codes found in ``text`` with their counts; an exclusion phrase cancels all."""
        counts: dict[str, int] = {}
        for hit in self._issue_index.find(text):
            entry = hit.value
            if entry.exclude:
                return {}
            counts[entry.code] = counts.get(entry.code, 0) + 1
        return counts


class DiscardText:
    """A document's text read once for discard phrases (``ActorMatcher.discards_in``)."""

    def __init__(self, text: PhraseText[DiscardEntry], when: date | None) -> None:
        self._text = text
        self._when = when

    def find(
        self, start: int = 0, end: int | None = None, *, story: bool = False
    ) -> DiscardEntry | None:
        """``ActorMatcher.find_discard`` on ``text[start:end]`` (the whole text by default)."""
        return _first_discard(self._text.scan(start, end), story, self._when)


def _first_discard(
    hits: Iterable[PhraseHit[DiscardEntry]], story: bool, when: date | None
) -> DiscardEntry | None:
    """The first discard of the kind asked for (see ``ActorMatcher.find_discard``)."""
    for hit in hits:
        entry = hit.value
        if entry.story != story:
            continue
        if when is not None and _is_year(entry.phrase) and int(entry.phrase) >= when.year:
            continue
        return entry
    return None


# How many phrase codes ``_code_core`` keeps.
_GROUP_CODES_MAX = 50_000

# ---------------------------------------------------------------------------------------------
# Helpers


def _is_year(phrase: str) -> bool:
    return len(phrase) == 4 and phrase.isdigit()


def _core_tokens(span: Span, root: Token) -> list[Token]:
    """The tokens of ``span`` that ``_in_core`` accepts, in order, found from the root down:
    one step per token, where asking each token climbs to the root (long spans cost the
    square of their depth)."""
    out: list[Token] = []
    stack = [root]
    while stack:
        tok = stack.pop()
        if span.start <= tok.i < span.end:
            out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in _OUTSIDE_CORE)
    out.sort(key=lambda t: t.i)
    return out


def _in_core(token: Token, root: Token) -> bool:
    t = token
    while t.i != root.i:
        if t.dep_ in _OUTSIDE_CORE:
            return False
        if t.head.i == t.i:
            return False
        t = t.head
    return True


# ---------------------------------------------------------------------------------------------
# Loading and caching


def default_dictionary_files(directory: Path | None = None) -> list[list[Path]]:
    """[actors, agents, discards, issues] files: the packaged set (dateline's supplement, then
    Phoenix), or a directory's.

    In a directory, files are sorted into the four kinds by name (``*actors*``, ``*agents*``,
    ``*discards*``, ``*issue*``).
    """
    if directory is None:
        base = DATA_DIR / "dictionaries"
        return [
            [base / n for n in names]
            for names in (PACKAGED_ACTORS, PACKAGED_AGENTS, PACKAGED_DISCARDS, PACKAGED_ISSUES)
        ]
    files = sorted(p for p in Path(directory).iterdir() if p.is_file())
    low = [(p, p.name.lower()) for p in files]
    return [
        [p for p, n in low if "actors" in n],
        [p for p, n in low if "agents" in n],
        [p for p, n in low if "discard" in n],
        [p for p, n in low if "issue" in n],
    ]


def _files_key(groups: list[list[Path]], lenient: bool) -> str:
    h = hashlib.sha256()
    # marshal's format belongs to the Python version: a new Python rebuilds the cache.
    h.update(f"{COMPILED_VERSION}|py{sys.version_info[:2]}|m{marshal.version}".encode())
    h.update(f"|lenient={lenient}".encode())
    for kind, paths in zip(("actors", "agents", "discards", "issues"), groups, strict=True):
        for p in paths:
            h.update(f"|{kind}:{p.name}:".encode())
            h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()


_MEMORY: dict[str, ActorMatcher] = {}


def _load_cached(
    key: str, groups: list[list[Path]], cache_dir: Path | None, lenient: bool, stems: bool = True
) -> ActorMatcher:
    memo = key if stems else f"{key}:words"
    if memo in _MEMORY:
        return _MEMORY[memo]
    other = _MEMORY.get(f"{key}:words" if stems else key)
    if other is not None:  # the same compiled dictionaries, matched the other way
        matcher = _MEMORY[memo] = ActorMatcher(other._c, stems=stems)
        return matcher
    # Some 250,000 objects that live as long as the process: the collector would walk the
    # whole heap again and again while they are made (gc_pause.py).
    with gc_paused():
        matcher = ActorMatcher(_read_or_compile(key, groups, cache_dir, lenient), stems=stems)
    _MEMORY[memo] = matcher
    return matcher


def _read_or_compile(
    key: str, groups: list[list[Path]], cache_dir: Path | None, lenient: bool
) -> Compiled:
    cache_file = Path(cache_dir) / f"actors-{key[:32]}.marshal" if cache_dir else None
    compiled: Compiled | None = None
    if cache_file is not None and cache_file.exists():
        try:
            compiled = Compiled.load(cache_file.read_bytes())
        except (OSError, EOFError, ValueError, TypeError, KeyError, IndexError, AttributeError):
            compiled = None  # a damaged cache is rebuilt
    if compiled is None:
        compiled = _compile_files(groups, lenient)
        if cache_file is not None:
            _write_atomic(cache_file, compiled)
    return compiled


def _compile_files(groups: list[list[Path]], lenient: bool) -> Compiled:
    actor_files, agent_files, discard_files, issue_files = groups
    problems: list[str] = []
    actors: list[ActorEntry] = []
    agents: list[AgentEntry] = []
    discards: list[DiscardEntry] = []
    issues: list[IssueEntry] = []
    for p in actor_files:
        entries, bad = read_actor_dictionary(p, lenient=lenient)
        actors += entries
        problems += [str(b) for b in bad]
    for p in agent_files:
        agent_entries, bad = read_agent_dictionary(p, lenient=lenient)
        agents += agent_entries
        problems += [str(b) for b in bad]
    for p in discard_files:
        discard_entries, bad = read_discard_file(p, lenient=lenient)
        discards += discard_entries
        problems += [str(b) for b in bad]
    for p in issue_files:
        issue_entries, bad = read_issue_file(p, lenient=lenient)
        issues += issue_entries
        problems += [str(b) for b in bad]
    return compile_dictionaries(actors, agents, discards, issues, problems)


def _write_atomic(path: Path, compiled: Compiled) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".actors-", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(compiled.dump())
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the cache holds public data
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache directory only costs the next start a compile


def load_actor_matcher(settings: Settings) -> ActorMatcher:
    """The compiled matcher for the settings' dictionaries, from the cache when it is fresh.

    Uses ``settings.dictionaries`` (a directory) when set, else the packaged supplement + Phoenix
    dictionaries; ``settings.lenient_dictionaries`` skips malformed lines (listed in
    ``ActorMatcher.problems``) instead of raising ``DictionaryError``;
    ``settings.petrarch_compat`` matches dictionary words as written, as PETRARCH does.
    """
    directory = Path(settings.dictionaries) if settings.dictionaries else None
    groups = default_dictionary_files(directory)
    actors, agents, discards, issues = groups
    return ActorMatcher.from_files(
        actors,
        agents,
        discards,
        issues,
        cache_dir=settings.cache_path,
        lenient=settings.lenient_dictionaries,
        stems=not settings.petrarch_compat,
    )
