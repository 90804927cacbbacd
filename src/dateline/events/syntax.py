"""Parse-tree helpers the coder's rule families share (no rule of their own).

Questions asked of spaCy's dependency parse: the first of coordinated verbs, a verb's own
phrase without the clauses it governs, an infinitive's "to", the conjuncts of a noun
phrase. spaCy makes a new ``Token`` object on every access: tokens are compared by ``.i``.
"""

from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Token

from .lexicon import JOINT_NOUNS, OTHER_SIDE_NOUNS, PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS

# How far up the tree a verb without a subject looks for one (xcomp of acomp of ...).
MAX_CLIMB = 5


# Clauses of their own inside a verb's subtree: a pattern describes the verb's phrase, so
# its words are not looked for there ("aimed at an agreement to ensure troops withdrew").
OWN_CLAUSES = frozenset({"advcl", "relcl", "acl", "parataxis", "conj"})


def own_phrase(verb: Token, reported: bool = True, *, participles: bool = False) -> list[Token]:
    """The verb's phrase without the clauses of their own it governs; with ``reported``
    False, also without a finite complement clause ("demanding that the government provide
    information on ...": another act, with its own words)."""
    out: list[Token] = []
    stack = [verb]
    while stack:
        tok = stack.pop()
        out.append(tok)
        for child in tok.children:
            if (
                child.dep_ in OWN_CLAUSES
                and child.pos_ in ("VERB", "AUX")
                and not (participles and reduced_passive(child))
            ):
                continue
            if not reported and child.dep_ == "ccomp" and finite_clause(child):
                continue
            stack.append(child)
    return sorted(out, key=lambda t: t.i)


def reduced_passive(tok: Token) -> bool:
    """A past participle modifying a noun ("assurances sent from Bree"): part of the noun
    phrase, not a clause of its own."""
    return (
        tok.dep_ == "acl" and tok.tag_ == "VBN" and not any(c.dep_ == "aux" for c in tok.children)
    )


def quote_between(a: Token, b: Token) -> bool:
    """Whether a quotation mark stands between two tokens."""
    lo, hi = sorted((a.i, b.i))
    return any(t.is_quote for t in a.doc[lo + 1 : hi])


def finite_clause(verb: Token) -> bool:
    """A clause with its own subject that is not an infinitive ("that the government
    provide ..."; not "the talks to be held")."""
    subject = any(c.dep_ in SUBJECT_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children)
    return subject and not any(infinitive_to(c) for c in verb.children)


def infinitive_to(tok: Token) -> bool:
    """An infinitive's "to" ("agreed to meet"), not the preposition ("went to Gaza")."""
    return tok.tag_ == "TO" and tok.dep_ == "aux"


def coordinated_heads(tok: Token) -> list[Token]:
    """``tok`` and the heads of the phrases coordinated with it ("A, B and C")."""
    out = [tok]
    for child in tok.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "NUM"):
            out.extend(coordinated_heads(child))
    return out


def unseparated(tok: Token) -> bool:
    """Whether the phrase of ``tok`` follows the word before it with no comma or "and"."""
    i = tok.left_edge.i - 1
    return i >= 0 and tok.doc[i].pos_ not in ("PUNCT", "CCONJ")


def located_in(tok: Token, prepositions: Container[str] = ("in",)) -> bool:
    """A place named as where something is or happens ("in northern Iraq", "at Camp
    David")."""
    return tok.dep_ == "pobj" and tok.head.lower_ in prepositions


def first_conjunct(verb: Token) -> Token:
    """The first of coordinated verbs ("expected to reply ... and reach"): it holds the
    auxiliaries and the governor they share."""
    while verb.dep_ == "conj" and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    return verb


def clausal_complement(verb: Token, preps: frozenset[str]) -> bool:
    """Whether ``verb`` governs a clause ("to share", "that they should", "at reaching")
    or, through one of ``preps``, a noun ("agreed on a pact")."""
    for c in verb.children:
        if c.dep_ in ("xcomp", "ccomp") and c.i > verb.i:
            return True
        if c.dep_ == "prep" and c.i > verb.i:
            objects = [g.dep_ for g in c.children]
            if "pcomp" in objects or (c.lower_ in preps and "pobj" in objects):
                return True
    return False


def direct_objects(verb: Token) -> list[Token]:
    """The verb's direct objects."""
    return [c for c in verb.children if c.dep_ == "dobj"]


def joint_noun(tok: Token) -> str:
    """The singular of a noun, also when the tagger took it for a name ("Talks")."""
    return joint_form(tok.lemma_)


def joint_form(lemma: str) -> str:
    """``joint_noun`` of a token with this lemma."""
    lemma = lemma.lower()
    if lemma not in JOINT_NOUNS and lemma.endswith("s"):
        return lemma[:-1]
    return lemma


def small_clause(child: Token) -> Token | None:
    """The subject of a clause the parser made with no verb, an adjective or noun with a
    subject of its own ("considers [all settlement activity illegal]"): the naming's object,
    the rest its complement. None when ``child`` is no such clause."""
    if child.dep_ != "ccomp" or child.pos_ not in ("ADJ", "NOUN"):
        return None
    return next((g for g in child.children if g.dep_ == "nsubj"), None)


def joined_with_own(head: Token) -> bool:
    """A party joined with its own people or parts ("he and his wife", "the office and its
    governing board", "the nominee and his aides"): one side, with nothing done between
    them, unless the noun says it is the other side ("Pakistan and its rival India",
    ``OTHER_SIDE_NOUNS``).

    Rule ``syntax.joined_with_own``. Tests:
    ``test_a_party_joined_with_its_own_people_is_one_side``.
    """
    for conjunct in head.conjuncts:
        if conjunct.i < head.i:
            continue
        words = [
            conjunct,
            *(c for c in conjunct.children if c.dep_ in ("amod", "compound", "appos")),
        ]
        if any(w.lemma_.lower() in OTHER_SIDE_NOUNS for w in words):
            continue
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in conjunct.children):
            return True
    return False
