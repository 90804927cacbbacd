"""Verb patterns matched on the parse: which pattern of a verb's block holds around it.

PETRARCH's patterns (``- WORDS * WORDS [code]``, see ``verbs.py``) are matched on the words
around one verb: the words before it in its sentence (its own clause's, for a conjoined
verb with a subject of its own), and the words of its own phrase after it (a passive
subject counts as an object). The most specific matching pattern wins; among equally
specific ones (unless matching exactly as PETRARCH) the one written for the verb, then
the one whose words lie nearest the verb.

Tests (``tests/test_coder.py``): ``test_coder_pattern_index_keeps_exactly_the_patterns_a_
sentence_may_match``, ``test_coder_knows_which_pattern_lists_can_name_a_source``,
``test_coder_prefers_the_pattern_nearest_the_verb_among_equals``,
``test_coder_prefers_the_object_a_pattern_names_to_the_verbs_particle``,
``test_a_pattern_preposition_does_not_match_an_infinitive_marker``,
``test_coder_does_not_carry_a_synonyms_bare_preposition_pattern``,
``test_coder_keeps_a_conjoined_clauses_words_out_of_the_next_verbs_pattern``,
``test_coder_pattern_reads_into_a_participle_modifying_a_noun``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Span, Token

from .lexicon import PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS
from .parties import MentionIndex, Party, party_of
from .syntax import first_conjunct, infinitive_to, own_phrase
from .verbs import NULL_CODE, Element, Pattern, VerbDictionary, VerbEntry, entry_name


@dataclass(slots=True)
class PatternMatch:
    """A pattern that holds around a verb, with the parties its ``$``, ``+`` and ``%`` name."""

    pattern: Pattern
    source: Party | None = None
    target: Party | None = None
    compound: Party | None = None


def sentence_words(sent: Span, exact: bool) -> frozenset[str]:
    """The upper-case words of a sentence (and, unless ``exact``, plurals' singulars)."""
    words: set[str] = set()
    for tok in sent:
        words.add(tok.text.upper())
        if not exact and tok.tag_ in _PLURAL_TAGS:
            words.add(tok.lemma_.upper())  # ``_form``
    return frozenset(words)


class PatternMatcher:
    """Matches a block's patterns on the words around one verb."""

    def __init__(
        self,
        verb: Token,
        verbs: VerbDictionary,
        mentions: MentionIndex,
        passive: bool,
        exact: bool = True,
        words: frozenset[str] | None = None,
    ) -> None:
        self.verbs = verbs
        self.exact = exact
        self.mentions = mentions
        self.verb = verb
        self.passive = passive
        # Every word a pattern could reach lies in the verb's sentence: a pattern naming a
        # word that is not there cannot match (computed once per sentence).
        self.words = words if words is not None else sentence_words(verb.sent, exact)
        self._reach = 0

    @cached_property
    def particles(self) -> frozenset[str]:
        """The verb's particles, as pattern words ("OFF" of "broke off")."""
        return frozenset(c.text.upper() for c in self.verb.children if c.dep_ == "prt")

    @cached_property
    def before(self) -> list[Token]:
        """The words before the verb a pattern may name: its sentence's, from the start of the
        verb's own clause ("troops withdrew and the country remained united": not "troops ...
        withdrew" for "remained").

        Tests: ``test_coder_keeps_a_conjoined_clauses_words_out_of_the_next_verbs_pattern``,
        ``test_coder_conjoined_verb_sharing_the_subject_skips_the_first_verbs_words``.
        """
        sent = self.verb.sent
        verb = self.verb
        # A verb conjoined to another with a subject of its own heads a clause of its own
        # ("troops withdrew and the country remained united"): PETRARCH matches the words
        # before the verb within the verb's own clause (its VP's S node), so the first
        # clause's words do not reach the second verb's pattern.
        if verb.dep_ == "conj" and any(
            c.dep_ in SUBJECT_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children
        ):
            return list(sent.doc[verb.left_edge.i : verb.i])
        if verb.dep_ == "conj" and verb.head.i < verb.i and not self.exact:
            # A conjoined verb sharing the first one's subject ("was expected to reply to
            # the memorandum of the government and reach an agreement"): the words before
            # it are the shared ones, not the first verb's own phrase.
            first = first_conjunct(verb)
            return list(sent[: first.i - sent.start])
        return list(sent[: verb.i - sent.start])

    @cached_property
    def after(self) -> list[Token]:
        """The words after the verb a pattern may name: its own phrase, participles on its nouns
        included ("assurances sent from Bree"), and a passive's subject.

        Tests: ``test_coder_pattern_reads_into_a_participle_modifying_a_noun``.
        """
        verb = self.verb
        after = [t for t in own_phrase(verb, self.exact, participles=True) if t.i > verb.i]
        if self.passive:
            subj = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
            if subj:
                after = list(subj[0].subtree) + after
        return after

    def best(
        self, patterns: Iterable[Pattern], verb_name: str = "", index: PatternIndex | None = None
    ) -> PatternMatch | None:
        """The most specific matching pattern. Among equally specific ones (unless
        matching exactly as PETRARCH), the one written for this verb, then the one whose
        words lie nearest the verb: "launched rocket fire against camps near the border"
        is the fire launched ("- * FIRE"), not "- * BORDER" (another verb's "reopened the
        border"), and "closed its borders because of fighting" the borders closed.
        ``index``: ``patterns`` indexed by word, to try only those the sentence may match.

        Tests: ``test_coder_prefers_the_pattern_nearest_the_verb_among_equals``,
        ``test_coder_prefers_the_object_a_pattern_names_to_the_verbs_particle``.
        """
        best: PatternMatch | None = None
        best_score: tuple[int, int, int, int] = (-1, 0, 0, 0)
        words = self.words
        disjoint = words.isdisjoint
        for pattern in index.possible(words) if index is not None else patterns:
            if not pattern.required <= words:
                continue
            if pattern.required_any and any(map(disjoint, pattern.required_any)):
                continue
            self._reach = 0
            found = self.match(pattern)
            if found is None:
                continue
            score = (pattern.n_literals * 2 + (1 if pattern.verb_joined_before else 0), 0, 0, 0)
            if not self.exact:
                own = bool(verb_name) and pattern.verb == verb_name
                # A pattern naming only the verb's particle ("- * OFF") says less than one
                # naming what is acted on: "broke off diplomatic relations" is "- * RELATIONS".
                particle = bool(pattern.required) and pattern.required <= self.particles
                score = (score[0], int(own), int(not particle), -self._reach)
            if score > best_score:
                best, best_score = found, score
        return best

    def match(self, pattern: Pattern) -> PatternMatch | None:
        """The pattern's match around the verb; ``_reach`` is then how far from the verb
        its first elements were found (tokens, before and after counted together)."""
        marks: dict[str, Party] = {}
        # Before the verb: match the elements backwards from the verb, so that the element
        # nearest the verb is found first ("INDICATED WOULD *").
        if pattern.before:
            rev = list(reversed(pattern.before))
            toks = list(reversed(self.before))
            # joined flags describe the link to the element on the left; reversed, an
            # element is "joined" to the one on its right when that one carries the flag.
            joined_right = [False] * len(rev)
            joined_right[0] = pattern.verb_joined_before
            for k in range(1, len(rev)):
                joined_right[k] = rev[k - 1].joined
            if not self._seq(rev, joined_right, toks, 0, marks, reverse=True, top=True):
                return None
        if pattern.after:
            joined = [e.joined for e in pattern.after]
            joined[0] = pattern.verb_joined_after
            after = list(pattern.after)
            if not self._seq(after, joined, self.after, 0, marks, reverse=False, top=True):
                return None
        return PatternMatch(
            pattern, marks.get("source"), marks.get("target"), marks.get("compound")
        )

    def _seq(
        self,
        elements: list[Element],
        joined: list[bool],
        toks: list[Token],
        pos: int,
        marks: dict[str, Party],
        *,
        reverse: bool,
        top: bool = False,
    ) -> bool:
        if not elements:
            return True
        element, rest, rest_joined = elements[0], elements[1:], joined[1:]
        starts = [pos] if joined[0] else range(pos, len(toks))
        for start in starts:
            for end, mark in self._element(element, toks, start, reverse, last=not rest):
                saved = dict(marks)
                if mark is not None:
                    marks[element.kind] = mark
                if self._seq(rest, rest_joined, toks, end, marks, reverse=reverse):
                    if top:
                        self._reach += start
                    return True
                marks.clear()
                marks.update(saved)
        return False

    def _words_at(self, words: Sequence[str], toks: list[Token], i: int, reverse: bool) -> int:
        """End position when ``words`` (in text order) are at ``i`` of ``toks``, else -1."""
        seq = list(reversed(words)) if reverse else list(words)
        if i + len(seq) > len(toks):
            return -1
        for k, word in enumerate(seq):
            if not _word_is(toks[i + k], word, self.exact):
                return -1
        return i + len(seq)

    def _element(
        self, element: Element, toks: list[Token], i: int, reverse: bool, last: bool = False
    ) -> Iterable[tuple[int, Party | None]]:
        """Where one pattern element matches at ``toks[i]``: (end, party it marks); a pattern's
        preposition is never an infinitive's "to" ("ordered X to suspend").

        Tests: ``test_a_pattern_preposition_does_not_match_an_infinitive_marker``.
        """
        if i >= len(toks):
            return
        kind = element.kind
        if kind == "word":
            if _word_is(toks[i], element.value, self.exact):
                # A pattern ending in a preposition ("- * TO", "head to") names the
                # preposition, not an infinitive's "to" ("ordered X to suspend").
                if last and not reverse and not self.exact and infinitive_to(toks[i]):
                    return
                yield i + 1, None
        elif kind == "phrase":
            end = self._words_at(element.words, toks, i, reverse)
            if end >= 0:
                yield end, None
        elif kind == "synset":
            word = toks[i].text.upper()
            if reverse:
                phrases = self.verbs.synset_ending(element.value, word)
            else:
                phrases = self.verbs.synset_starting(element.value, word)
            for phrase in phrases:
                end = self._words_at(phrase, toks, i, reverse)
                if end >= 0:
                    yield end, None
        elif kind == "prep":
            tok = toks[i]
            if tok.text.upper() not in element.value.split("/"):
                return
            if not self.exact and infinitive_to(tok):
                return  # "(TO ...)" is a prepositional phrase, not an infinitive
            if element.inner:
                inside = [t for t in tok.subtree if t.i > tok.i]
                if reverse:
                    inside = list(reversed(inside))
                joined = [e.joined for e in element.inner]
                if not self._seq(list(element.inner), joined, inside, 0, {}, reverse=reverse):
                    return
            yield i + 1 + sum(1 for t in tok.subtree if t.i > tok.i), None
        elif kind in ("source", "target", "compound"):
            mention = self.mentions.at(toks[i])
            if mention is None:
                return
            end = i + 1
            while end < len(toks) and self.mentions.at(toks[end]) is mention:
                end += 1
            yield end, party_of(mention)
        elif kind == "skip":
            # ^ skips one noun phrase: up to the end of the noun it starts.
            end = i + 1
            while end < len(toks) and toks[end - 1].pos_ not in ("NOUN", "PROPN", "PRON"):
                end += 1
            yield end, None


class PatternIndex:
    """A pattern list's patterns by a word each needs (one of its required words, or each
    word of its smallest set of alternatives), so that a sentence is matched only against
    the patterns whose word it has.

    Tests: ``test_coder_pattern_index_keeps_exactly_the_patterns_a_sentence_may_match``.
    """

    def __init__(self, patterns: Sequence[Pattern]) -> None:
        self.patterns = patterns
        self.always: list[int] = []  # the patterns that need no word
        by_word: dict[str, list[int]] = {}
        for k, pattern in enumerate(patterns):
            if pattern.required:
                # The longest word: short ones ("TO", "THE") are in most sentences.
                keys: Iterable[str] = [max(sorted(pattern.required), key=len)]
            elif pattern.required_any:
                smallest: frozenset[str] = min(pattern.required_any, key=len)
                keys = smallest
            else:
                self.always.append(k)
                continue
            for word in keys:
                by_word.setdefault(word, []).append(k)
        self.by_word = by_word
        self.keys = frozenset(by_word)

    def possible(self, words: frozenset[str]) -> list[Pattern]:
        """The patterns, in order, whose indexing word is among ``words``."""
        found = set(self.always)
        for word in self.keys.intersection(words):
            found.update(self.by_word[word])
        patterns = self.patterns
        return [patterns[k] for k in sorted(found)]


# Shorter pattern lists are checked one by one: indexing them saves less than it costs.
_INDEXED_PATTERNS = 8


_PLURAL_TAGS = ("NNS", "NNPS")


def _form(tok: Token, exact: bool) -> str:
    """The word a pattern word is compared with: a plural noun also as its singular."""
    if not exact and tok.tag_ in _PLURAL_TAGS:
        return tok.lemma_.upper()
    return tok.text.upper()


def _word_is(tok: Token, word: str, exact: bool = True) -> bool:
    # PETRARCH matches pattern words as written (the dictionaries spell out the forms they
    # mean); by default dateline also lets a pattern noun match its regular plural
    # ("- * MEETING" on "held two meetings").
    return tok.text.upper() == word or (not exact and _form(tok, exact) == word)


# Whether a pattern list has a pattern that marks a source ($), per list: the value holds
# the list, so its id cannot be reused while the answer lives.
_NAMES_A_SOURCE: dict[int, tuple[list[Pattern], bool]] = {}


def names_a_source(patterns: list[Pattern]) -> bool:
    """Whether any of the patterns marks a source (``$``): only then may a verb with no
    subject still get one from its pattern.

    Tests: ``test_coder_knows_which_pattern_lists_can_name_a_source``.
    """
    if not patterns:
        return False
    cached = _NAMES_A_SOURCE.get(id(patterns))
    if cached is not None and cached[0] is patterns:
        return cached[1]
    if len(_NAMES_A_SOURCE) > 20_000:
        _NAMES_A_SOURCE.clear()

    def marks(elements: Iterable[Element]) -> bool:
        return any(e.kind == "source" or marks(e.inner) for e in elements)

    found = any(marks(p.before) or marks(p.after) for p in patterns)
    _NAMES_A_SOURCE[id(patterns)] = (patterns, found)
    return found


def pattern_words(pattern: Pattern | None, verbs: VerbDictionary) -> set[str]:
    """Every word a pattern names (a negation or modal it names is no flag: ``- NOT *``)."""
    if pattern is None:
        return set()
    words: set[str] = set()

    def add(elements: Iterable[Element]) -> None:
        for e in elements:
            if e.kind == "word":
                words.add(e.value)
            elif e.kind == "phrase":
                words.update(e.words)
            elif e.kind == "synset":
                for phrase in verbs.synset(e.value):
                    words.update(phrase)
            elif e.kind == "prep":
                words.update(e.value.split("/"))
                add(e.inner)

    add(pattern.before)
    add(pattern.after)
    return words


def names_reporting_words(pattern: Pattern) -> bool:
    """Whether a pattern names words before its pre-verb target ("- NOTED + *"), not only
    the target ("- + * ROCKET": the subject is the target, the source is unknown).

    Tests: ``test_coder_pattern_making_the_subject_its_target_takes_the_reporter_as_source``,
    ``test_coder_pattern_with_only_a_pre_verb_target_does_not_take_the_reporter``.
    """
    kinds = [e.kind for e in pattern.before]
    return "target" in kinds and any(
        k not in ("target", "source", "compound") for k in kinds[: kinds.index("target")]
    )


def verb_patterns(
    verbs: VerbDictionary, entry: VerbEntry, exact: bool
) -> tuple[list[Pattern], PatternIndex | None]:
    """The patterns a verb is matched against (its share of its block's, unless matching
    exactly as PETRARCH) and their word index (for longer lists: indexing a short one saves
    less than it costs), made once per dictionary and verb and kept with the dictionary."""

    return verbs.derived((verb_patterns, exact, entry), _make_verb_patterns, verbs, entry, exact)


def _make_verb_patterns(
    verbs: VerbDictionary, entry: VerbEntry, exact: bool
) -> tuple[list[Pattern], PatternIndex | None]:
    patterns = verbs.patterns_for(entry)
    if not exact:
        patterns = _patterns_of_verb(patterns, entry, verbs.block_codes.get(entry.block))
    index = PatternIndex(patterns) if len(patterns) >= _INDEXED_PATTERNS else None
    return patterns, index


def _patterns_of_verb(
    patterns: list[Pattern], entry: VerbEntry, block_code: str | None = None
) -> list[Pattern]:
    """The patterns of a block that ``entry``'s verb uses: a pattern of prepositions alone
    written for another verb of the block does not carry over. CAMEO.2.0 names in each
    pattern's comment the verb it was written for, and a verb with a bare preposition is a
    unit of its own ("- * (WITH) [130] # BREAK" is "break with", not "beat up detainees
    with the knowledge of officers"); patterns with words of their own stay shared.

    Tests: ``test_coder_does_not_carry_a_synonyms_bare_preposition_pattern``,
    ``test_coder_reads_an_inflected_comment_verb_as_the_blocks_verb``.
    """
    name = entry_name(entry)
    return [
        p
        for p in patterns
        if not p.verb
        or p.verb in (name, entry.verb)
        or not (_prepositions_only(p) or _idiom_of(p, block_code))
    ]


def _idiom_of(pattern: Pattern, block_code: str | None) -> bool:
    """A pattern written for another verb of the block that moves the verb out of the
    block's CAMEO category is that verb's idiom ("- * PART [030] # TAKE" in the APPREHEND
    block is "take part", not "capture part"): CAMEO's verb patterns refine a verb's own
    category, and an idiom's code does not carry over to its synonyms. A block without a
    code of its own (``[---]``: a mixed list) has no category to leave.

    Tests: ``test_coder_does_not_carry_another_verbs_idiom_to_its_synonyms``.
    """
    own = block_code
    code = pattern.code
    if not own or own == NULL_CODE or not code or code == NULL_CODE:
        return False
    return code[:2] != own[:2]


def _prepositions_only(pattern: Pattern) -> bool:
    elements = (*pattern.before, *pattern.after)
    return bool(elements) and all(e.kind == "prep" and not e.inner for e in elements)
