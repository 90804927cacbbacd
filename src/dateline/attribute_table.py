"""The model's attribute rules applied by table lookup (issue 15: faster than the bare pass).

spaCy's English pipelines end their parse with an ``attribute_ruler``: 179 token patterns in
``en_core_web_sm`` that map a fine tag to its coarse POS and morphology, and set a few lemmas
and POS by word, tag and dependency ("'s"/VBZ -> be, AUX). spaCy runs them with its general
``Matcher``, which tries every pattern at every token: 12-15% of the whole spaCy pass on news
articles, more than the tagger and the parser together.

``AttributeTable`` gives exactly the same tokens: it reads the loaded ruler's own patterns,
attributes and indices, answers a token's single-token patterns from a table keyed by the
token's values of the attributes they test (tag, lower case, dependency, is-space: a few
thousand keys on news), tries multi-token patterns only where their first token matches, and
writes the attributes with spaCy's own ``set_token_attrs``, in the ruler's order (a later
pattern wins). ``compile_attribute_table`` returns None when the ruler holds a pattern it
cannot read exactly (an operator, an attribute it does not test); the stock ruler then stays.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

__all__ = ["AttributeTable", "compile_attribute_table", "use_attribute_table"]

# The token attributes a pattern may test, read as the Matcher reads them.
_GETTERS: dict[str, Callable[[Token], Any]] = {
    "TAG": lambda t: t.tag_,
    "LOWER": lambda t: t.lower_,
    "ORTH": lambda t: t.orth_,
    "TEXT": lambda t: t.orth_,
    "NORM": lambda t: t.norm_,
    "DEP": lambda t: t.dep_,
    "POS": lambda t: t.pos_,
    "IS_SPACE": lambda t: t.is_space,
    "IS_PUNCT": lambda t: t.is_punct,
    "IS_ALPHA": lambda t: t.is_alpha,
    "IS_DIGIT": lambda t: t.is_digit,
}
# Keys of the table grow with the vocabulary: start again past this many (flat memory).
_MAX_KEYS = 200_000

Predicate = Callable[[Any], bool]


def _predicate(value: Any) -> Predicate | None:
    """A test of one attribute's value as the Matcher makes it, or None when ``value`` uses a
    form this table does not read (the stock ruler is then kept)."""
    if isinstance(value, bool | str):
        return lambda v, value=value: v == value  # type: ignore[misc]
    if not isinstance(value, dict) or len(value) != 1:
        return None
    ((op, arg),) = value.items()
    if op == "IN" and isinstance(arg, list):
        allowed = frozenset(arg)
        return lambda v: v in allowed
    if op == "NOT_IN" and isinstance(arg, list):
        barred = frozenset(arg)
        return lambda v: v not in barred
    if op == "REGEX" and isinstance(arg, str):
        pattern = re.compile(arg)
        return lambda v: isinstance(v, str) and pattern.search(v) is not None
    return None


class _TokenPattern:
    """One token of a pattern: tests of attribute values, each (attribute, predicate)."""

    def __init__(self, tests: list[tuple[str, Predicate]]) -> None:
        self.tests = tests
        # Filled by AttributeTable: each test as (attribute number, predicate number).
        self.slots: list[tuple[int, int]] = []

    def holds(self, classes: Sequence[tuple[bool, ...]]) -> bool:
        """Whether a token whose attribute values fall in ``classes`` matches."""
        return all(classes[a][p] for a, p in self.slots)


def _read_token(spec: dict[str, Any]) -> _TokenPattern | None:
    tests: list[tuple[str, Predicate]] = []
    for name, value in spec.items():
        test = _predicate(value)
        if name not in _GETTERS or test is None:
            return None
        tests.append((name, test))
    return _TokenPattern(tests)


Entry = tuple[tuple[int, ...], dict[int, Any], tuple[int, ...]]


class AttributeTable:
    """The ``attribute_ruler`` component's effect, by table (see the module docstring).

    A token's key is its values of the attributes the patterns test. A key seen before is
    answered from ``_table``. A new key is first reduced to its class: for each attribute,
    which of the patterns' tests on it the value passes (the class of a word is computed
    once); keys of one class match the same patterns, so the patterns are tried once per
    class (a few hundred on news), not once per word.
    """

    def __init__(
        self,
        attrs: Sequence[dict[int, Any]],
        singles: list[tuple[int, _TokenPattern]],
        multis: list[tuple[int, list[_TokenPattern], int]],
    ) -> None:
        self.attrs = list(attrs)
        self.singles = singles  # (rule number, pattern)
        self.multis = multis  # (rule number, tokens, index of the token written)
        patterns = [p for _, p in singles] + [p for _, tokens, _ in multis for p in tokens]
        self.names = sorted({name for p in patterns for name, _ in p.tests})
        self._getters = [_GETTERS[name] for name in self.names]
        self._predicates: list[list[Predicate]] = [[] for _ in self.names]
        for p in patterns:
            for name, test in p.tests:
                a = self.names.index(name)
                p.slots.append((a, len(self._predicates[a])))
                self._predicates[a].append(test)
        self._classes: list[dict[Any, tuple[bool, ...]]] = [{} for _ in self.names]
        self._by_class: dict[tuple[tuple[bool, ...], ...], Entry] = {}
        self._table: dict[tuple[Any, ...], Entry] = {}

    def __call__(self, doc: Doc) -> Doc:
        getters = self._getters
        table = self._table
        plans: list[Entry] = []
        for token in doc:
            key = tuple(get(token) for get in getters)
            entry = table.get(key)
            if entry is None:
                entry = self._entry(key)
            plans.append(entry)
        rules_at = self._multi_matches(doc, plans)
        for token, (rules, merged, _) in zip(doc, plans, strict=True):
            extra = rules_at.get(token.i)
            if extra:
                merged = {}
                for rule in sorted({*rules, *extra}):
                    merged.update(self.attrs[rule])
            if merged:
                set_token_attrs(token, merged)
        return doc

    def _multi_matches(self, doc: Doc, plans: list[Entry]) -> dict[int, list[int]]:
        """Token -> rules of the multi-token patterns that match and write it."""
        rules_at: dict[int, list[int]] = {}
        for i, (_, _, firsts) in enumerate(plans):
            for m in firsts:
                rule, tokens, index = self.multis[m]
                if i + len(tokens) > len(doc):
                    continue
                if all(
                    p.holds(self._key_classes(self._key(doc[i + j])))
                    for j, p in enumerate(tokens[1:], 1)
                ):
                    rules_at.setdefault(i + index, []).append(rule)
        return rules_at

    def _key(self, token: Token) -> tuple[Any, ...]:
        return tuple(get(token) for get in self._getters)

    def _key_classes(self, key: tuple[Any, ...]) -> tuple[tuple[bool, ...], ...]:
        classes = []
        for a, value in enumerate(key):
            known = self._classes[a]
            found = known.get(value)
            if found is None:
                found = tuple(test(value) for test in self._predicates[a])
                if len(known) >= _MAX_KEYS:
                    known.clear()
                known[value] = found
            classes.append(found)
        return tuple(classes)

    def _entry(self, key: tuple[Any, ...]) -> Entry:
        classes = self._key_classes(key)
        entry = self._by_class.get(classes)
        if entry is None:
            rules = tuple(sorted(rule for rule, p in self.singles if p.holds(classes)))
            merged: dict[int, Any] = {}
            for rule in rules:
                merged.update(self.attrs[rule])
            firsts = tuple(
                m for m, (_, tokens, _) in enumerate(self.multis) if tokens[0].holds(classes)
            )
            entry = (rules, merged, firsts)
            self._by_class[classes] = entry
        if len(self._table) >= _MAX_KEYS:
            self._table.clear()
        self._table[key] = entry
        return entry


def compile_attribute_table(ruler: AttributeRuler) -> AttributeTable | None:
    """The table of ``ruler``'s patterns, or None when one cannot be read exactly."""
    singles: list[tuple[int, _TokenPattern]] = []
    multis: list[tuple[int, list[_TokenPattern], int]] = []
    specs: list[Any] = list(ruler.patterns)  # in rule order, as the ruler numbers them
    if len(ruler.attrs) != len(specs) or len(ruler.indices) != len(specs):
        return None
    for rule, spec in enumerate(specs):
        for alternative in spec["patterns"]:
            tokens = [_read_token(t) for t in alternative]
            if not tokens or any(t is None for t in tokens):
                return None
            read = [t for t in tokens if t is not None]
            index: int = ruler.indices[rule]
            index = index + len(read) if index < 0 else index
            if not 0 <= index < len(read):
                return None
            if len(read) == 1:
                singles.append((rule, read[0]))
            else:
                multis.append((rule, read, index))
    return AttributeTable(ruler.attrs, singles, multis)


def use_attribute_table(nlp: Language) -> bool:
    """Put an ``AttributeTable`` in the place of ``nlp``'s ``attribute_ruler``; False (and
    ``nlp`` unchanged) when it has none or one the table cannot read exactly."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler):
        return False
    table = compile_attribute_table(ruler)
    if table is None:
        return False
    nlp.add_pipe("dateline_attribute_table", after="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
    return True


@Language.factory("dateline_attribute_table")
def make_attribute_table(nlp: Language, name: str) -> AttributeTable:
    """The ``dateline_attribute_table`` component: the table of ``nlp``'s ``attribute_ruler``
    (added beside it by ``use_attribute_table``, which then removes the ruler)."""
    ruler = nlp.get_pipe("attribute_ruler")
    table = compile_attribute_table(ruler) if isinstance(ruler, AttributeRuler) else None
    if table is None:
        raise ValueError("the pipeline's attribute_ruler cannot be read as a table")
    return table
