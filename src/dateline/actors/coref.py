"""Pronouns and definite descriptions resolved to an actor mentioned earlier (issue 3).

The simple, precise version:

- "we", "us", "our" inside a quotation refer to the quotation's speaker when the speaker
  has an actor; "the source" (and other descriptions of a speaker) to a speaker whose
  description it repeats;
- "its", "their", "his" and "her" before an agent with no country ("said its troops") give
  the agent the country of the pronoun's antecedent (a country or organisation; for
  "their", a plural actor too; for "his" and "her", a person) when that is a country or a
  state body: ISR + "its troops" -> ISRMIL; a
  group's ("the Taliban ... its commanders") are left as they were;
- "he", "she", "they", "it" and definite descriptions ("the ministry", "the country",
  "the group", "the insurgents") take the nearest earlier actor mention that fits (a person
  for "he", a government for "the ministry", a bare country for "the country", a rebel or
  insurgent for "the group"), looking back at most ``WINDOW_SENTENCES`` sentences and never
  across a paragraph break: a new paragraph is a possible topic change, and no guess is
  better than a wrong one.

Resolved mentions are appended to the article's mentions with ``via="coreference"`` and
``antecedent`` set to the index of the mention they refer back to.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token

from ..model import Actor, Article, Mention, Quote
from ..spanindex import SpanIndex
from ..tokenspan import dateline_tokens, expand_span
from .coref_lexicon import (
    DESCRIPTION_AGENTS,
    FIRST_PERSON_PLURAL,
    NON_PERSON_LABELS,
    ORGANISATION_HEADS,
    PERSON_AGENTS,
    PERSON_POSSESSIVES,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    POSSESSIVE_PRONOUNS,
    SPEAKER_DESCRIPTIONS,
    STATE_AGENTS,
    THING_PRONOUNS,
)

__all__ = ["WINDOW_SENTENCES", "resolve_coreference"]

# How many sentences back an antecedent may be.
WINDOW_SENTENCES = 3

# The words that may refer back: pronouns (by their lower case) and descriptions' heads
# (by their lemma).
_PRONOUNS = FIRST_PERSON_PLURAL | THING_PRONOUNS | PERSON_PRONOUNS | PLURAL_PRONOUNS
_DESCRIPTION_HEADS = SPEAKER_DESCRIPTIONS | frozenset(DESCRIPTION_AGENTS)


def _paragraph_starts(text: str) -> list[int]:
    starts = [0]
    i = text.find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = text.find("\n", i + 1)
    return starts


def _paragraph_of(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _agents(code: str) -> str:
    """The part of an actor code after its country (``IRQREB`` -> ``REB``)."""
    return code[3:] if len(code) > 3 else ""


def _fits(code: str, wanted: frozenset[str] | None, bare_country: bool) -> bool:
    if bare_country:
        return len(code) == 3 and code.isalpha()
    if wanted is None:
        return True
    agents = _agents(code)
    return any(agents[i : i + 3] in wanted for i in range(0, len(agents), 3))


def resolve_coreference(article: Article, doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Add mentions for the pronouns and descriptions that refer to an earlier actor.

    Returns the new mentions (also appended to ``mentions``).
    """
    # Antecedents are actors with a country or organisation; an agent without one
    # ("---REB" for "the insurgents") is what a description resolves, not an antecedent.
    # The dateline's place and outlet ("GENEVA (Reuters) —") are never what a pronoun
    # refers back to ("it needs" is not Reuters).
    dateline = dateline_tokens(article, doc)
    if dateline:
        dateline_end = doc[max(dateline)].idx + 1
    else:
        dateline_end = article.dateline.end if article.dateline is not None else 0
    resolved = sorted(
        (
            m
            for m in mentions
            if m.actor is not None and _has_owner(m.actor.code) and m.start >= dateline_end
        ),
        key=lambda m: m.start,
    )
    # The speaker of "X said they would ..." is an antecedent even without a country
    # ("Militants said they attempted ..."): the parse, not distance, links the two.
    speakers = sorted(
        (m for m in mentions if m.actor is not None and m.actor.code and m.start >= dateline_end),
        key=lambda m: m.start,
    )
    if not speakers and not article.quotes:
        return []
    covered = {i for m in resolved for i in range(m.start, m.end)}
    paragraphs = _paragraph_starts(article.text)
    sent_starts = [s.start_char for s in doc.sents]
    new: list[Mention] = []
    plural: list[Mention] | None = None  # the plural antecedents, found when first needed
    persons: list[Mention] | None = None  # the antecedents that can be a person

    root_of = _Roots(doc)
    positions = _Positions(mentions)
    # Indexes for long articles (issue 9): the quotations by the text they cover, the
    # speakers by theirs, and how far the antecedents reach (the latest end so far).
    quote_index = SpanIndex(article.quotes, lambda q: (*q.parts, (q.start, q.end)))
    speaker_index = SpanIndex(speakers, lambda m: ((m.start, m.end),))
    reach: list[int] = []
    described: _AnonymousSpeakers | None = None  # for "the source", made when first needed
    for m in resolved:
        reach.append(max(m.end, reach[-1]) if reach else m.end)

    def sentence_index(offset: int) -> int:
        return _paragraph_of(sent_starts, offset)

    for tok in _referring_words(doc):
        if tok.idx in covered:
            continue
        word = tok.lower_
        antecedent: Mention | None = None
        span_start, span_end = tok.idx, tok.idx + len(tok.text)
        pronoun = word in THING_PRONOUNS or word in PERSON_PRONOUNS or word in PLURAL_PRONOUNS
        reporter = _reporter(speaker_index, doc, tok) if pronoun else None
        if word in FIRST_PERSON_PLURAL:
            antecedent = _speaker_mention(quote_index.covering(tok.idx), tok)
        elif reporter is not None:
            antecedent = reporter
        elif word in THING_PRONOUNS and tok.dep_ not in ("expl",):
            antecedent = _nearest(
                resolved, tok, paragraphs, sentence_index, None, bare_country=True
            )
            antecedent = _subject_first(antecedent, resolved, tok, root_of, sent_starts, None, True)
        elif word in PERSON_PRONOUNS or word in PLURAL_PRONOUNS:
            wanted = PERSON_AGENTS if word in PERSON_PRONOUNS else None
            pool = resolved
            if word in PERSON_PRONOUNS:
                # "he" refers to a person, not to "Vietnam's coast guard".
                if persons is None:
                    persons = sorted(
                        [m for m in resolved if not _is_organisation(root_of(m))]
                        + _people_without_country(speakers, root_of),
                        key=lambda m: m.start,
                    )
                pool = persons
            if word in PLURAL_PRONOUNS:
                # "they" refers to a plural phrase ("the Americans"), not to a singular one;
                # a plural agent with no country yet is one too ("police pinned 800 students
                # inside and threatened to use live ammunition on them"): it takes the story's
                # country later, with the pronoun (rule ``coref.plural_agent``).
                if plural is None:
                    plural = sorted(
                        (
                            m
                            for m in speakers
                            if m.actor is not None
                            and (_has_owner(m.actor.code) or m.via == "agent")
                            and _is_plural(root_of(m))
                        ),
                        key=lambda m: m.start,
                    )
                pool = plural
            antecedent = _nearest(pool, tok, paragraphs, sentence_index, wanted, bare_country=False)
        elif (
            tok.pos_ == "NOUN"
            and tok.dep_ != "compound"
            and (
                tok.lemma_.lower() in SPEAKER_DESCRIPTIONS
                or tok.lemma_.lower() in DESCRIPTION_AGENTS
            )
            and _is_definite(tok)
        ):
            head = tok.lemma_.lower()
            if head in SPEAKER_DESCRIPTIONS:
                if described is None:
                    described = _AnonymousSpeakers(article.quotes)
                antecedent = described.last_before(tok.idx)
            elif head in DESCRIPTION_AGENTS:
                wanted, bare = DESCRIPTION_AGENTS[head]
                antecedent = _nearest(resolved, tok, paragraphs, sentence_index, wanted, bare)
                if antecedent is None:
                    antecedent = _same_head(root_of, resolved, tok, sent_starts, reach)
            if antecedent is not None:
                span_start = min(t.idx for t in tok.subtree if t.i <= tok.i)
        if antecedent is None or antecedent.actor is None:
            continue
        mention = Mention(
            start=span_start,
            end=span_end,
            text=article.text[span_start:span_end],
            label="COREF",
            actor=antecedent.actor,
            via="coreference",
            antecedent=positions.of(antecedent),
        )
        new.append(mention)
    owned = _possessed_agents(
        article.text, mentions, resolved, root_of, paragraphs, sentence_index, positions
    )
    mentions.extend(new)
    mentions.extend(owned)
    return new + owned


def _possessed_agents(
    text: str,
    mentions: list[Mention],
    resolved: list[Mention],
    root_of: _Roots,
    paragraphs: list[int],
    sentence_index: object,
    positions: _Positions,
) -> list[Mention]:
    """ "Israel said its troops fired": an agent with no country ("---MIL") owned by "its"
    or "their" takes the country of the pronoun's antecedent (``_nearest``: same paragraph,
    within the window), as "Israeli troops" would; owned by a group ("the Taliban ... its
    commanders"), it is the group."""
    out: list[Mention] = []
    owners: list[Mention] | None = None
    theirs: list[Mention] | None = None  # owners and plural antecedents, for "their"
    persons: list[Mention] | None = None
    for mention in mentions:
        actor = mention.actor
        if mention.via != "agent" or actor is None or not actor.code.startswith("---"):
            continue
        root = root_of(mention)
        if root is None:
            continue
        poss = [c for c in root.children if c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS]
        if not poss:
            continue
        pronoun = poss[0]
        if owners is None:  # countries and organisations: never a person for "its"
            owners = [m for m in resolved if _is_organisation(root_of(m))]
        pool = owners
        if pronoun.lower_ in PERSON_POSSESSIVES:
            if persons is None:
                persons = [m for m in resolved if not _is_organisation(root_of(m))]
            pool = persons
        elif pronoun.lower_ == "their":
            if theirs is None:
                plural = [m for m in resolved if _is_plural(root_of(m))]
                theirs = sorted({id(m): m for m in (*owners, *plural)}.values(), key=_start)
            pool = theirs
        antecedent = _clause_subject(pool, pronoun) or _nearest(
            pool, pronoun, paragraphs, sentence_index, None, bare_country=False
        )
        if antecedent is None or antecedent.actor is None:
            continue
        country = antecedent.actor.country or ""
        if not (len(country) == 3 and country.isalpha() and country.isupper()):
            continue
        owner = antecedent.actor.code
        if not owner.startswith(country):
            continue
        if all(owner[i : i + 3] in STATE_AGENTS for i in range(3, len(owner), 3)):
            owned = Actor(country + actor.code[3:], actor.name, country, actor.agents)
        else:
            # "the Taliban ... three of its commanders": a group's own people are the group
            # (rule ``coref.group_member``), not the country's military.
            owned = antecedent.actor
        start = min(pronoun.idx, mention.start)
        out.append(
            Mention(
                start=start,
                end=mention.end,
                text=text[start : mention.end],
                label="COREF",
                actor=owned,
                via="coreference",
                antecedent=positions.of(antecedent),
            )
        )
    return out


def _referring_words(doc: Doc) -> list[Token]:
    """The tokens that may refer back (a pronoun, a description's head), found on the doc's
    arrays: reading every token as an object costs more than the rest of the resolution."""
    if len(doc) == 0:
        return []
    table = doc.to_array([LOWER, LEMMA])
    strings = doc.vocab.strings
    lowers, lemmas = table[:, 0], table[:, 1]
    # Each lemma's answer is kept by its hash (the same in every document).
    heads = _HEAD_LEMMAS
    if len(heads) > _HEAD_LEMMAS_MAX:
        heads.clear()
    lemma_ids = lemmas.tolist()
    wanted = set()
    for lemma in set(lemma_ids):
        head = heads.get(lemma)
        if head is None:
            head = heads[lemma] = strings[lemma].lower() in _DESCRIPTION_HEADS
        if head:
            wanted.add(lemma)
    pronouns = {strings[word] for word in _PRONOUNS}
    return [
        doc[i]
        for i, (lower, lemma) in enumerate(zip(lowers.tolist(), lemma_ids, strict=True))
        if lower in pronouns or lemma in wanted
    ]


# Lemma hash -> whether the lemma heads a description (``_referring_words``).
_HEAD_LEMMAS: dict[int, bool] = {}
_HEAD_LEMMAS_MAX = 200_000


class _Positions:
    """A mention's index in ``mentions`` (the first one equal to it), for ``antecedent``;
    the index is made when first asked for."""

    def __init__(self, mentions: list[Mention]) -> None:
        self._mentions = mentions
        self._index: dict[tuple[object, ...], int] | None = None

    def of(self, mention: Mention) -> int | None:
        if self._index is None:
            self._index = {}
            for k, m in enumerate(self._mentions):
                self._index.setdefault(_mention_key(m), k)
        return self._index.get(_mention_key(mention))


def _mention_key(mention: Mention) -> tuple[object, ...]:
    """What makes two mentions equal (their fields)."""
    m = mention
    return (m.start, m.end, m.text, m.label, m.actor, m.via, m.antecedent)


def _has_owner(code: str) -> bool:
    return bool(code) and not code.startswith("---")


class _Roots:
    """The head token of each mention's span, found once per document (the same mentions
    are asked about for every pronoun)."""

    def __init__(self, doc: Doc) -> None:
        self._doc = doc
        self._roots: dict[tuple[int, int], Token | None] = {}

    def __call__(self, mention: Mention) -> Token | None:
        key = (mention.start, mention.end)
        if key not in self._roots:
            span = expand_span(self._doc, mention.start, mention.end)
            self._roots[key] = span.root if span is not None and len(span) > 0 else None
        return self._roots[key]


def _clause_subject(pool: list[Mention], pronoun: Token) -> Mention | None:
    """The subject of the clause a possessive stands in, when it is in ``pool`` (sorted by
    start): "Israel, which invaded Lebanon, withdrew its troops" (Israel, not the nearer
    Lebanon)."""
    verb = pronoun.head
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return None
    lo, hi = subjects[0].left_edge.idx, subjects[0].idx + len(subjects[0].text)
    # ``pool`` is sorted by start: the first mention from ``lo`` on.
    for k in range(bisect_left(pool, lo, key=_start), len(pool)):
        mention = pool[k]
        if mention.start >= hi:
            break
        if mention.end <= pronoun.idx:
            return mention
    return None


def _people_without_country(mentions: list[Mention], root_of: _Roots) -> list[Mention]:
    """People named with a title the dictionaries lack, whose country is not known yet
    ("Senator Jane Hale", ``---LEG``): "she" may refer back to them, and takes the story's
    country with them later (rule ``coref.titled_person``)."""
    out = []
    for m in mentions:
        if m.actor is None or _has_owner(m.actor.code):
            continue
        root = root_of(m)
        if root is not None and root.ent_type_ == "PERSON":
            out.append(m)
    return out


def _is_plural(root: Token | None) -> bool:
    if root is None:
        return False
    # "Palestinian leaders" matched as "Palestinian": the noun it modifies decides.
    tok = root
    for _ in range(3):
        if tok.dep_ not in ("amod", "compound", "nmod") or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok.tag_ in ("NNS", "NNPS")


def _is_organisation(root: Token | None) -> bool:
    if root is None:
        return False
    return root.lemma_.lower() in ORGANISATION_HEADS or root.ent_type_ in NON_PERSON_LABELS


def _reporter(resolved: SpanIndex[Mention], doc: Doc, tok: Token) -> Mention | None:
    """ "X said it/they/he would ...": the pronoun subject of a clause reported by X is X."""
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = tok.head
    if clause.dep_ != "ccomp":
        return None
    speaker = [c for c in clause.head.children if c.dep_ == "nsubj"]
    if not speaker:
        return None
    lo, hi = speaker[0].left_edge.i, speaker[0].i
    # Only a mention overlapping the subject's characters can have its root there.
    first, last = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
    for m in resolved.overlapping(first, last):
        if m.end <= first or m.start >= last:
            continue
        span = expand_span(doc, m.start, m.end)
        if span is not None and lo <= span.root.i <= hi:
            return m
    return None


def _is_definite(tok: Token) -> bool:
    dets = [c for c in tok.children if c.dep_ == "det"]
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
    return bool(dets) and dets[0].lower_ in ("the", "this", "that", "these") and not mods


def _subject_first(
    antecedent: Mention | None,
    pool: list[Mention],
    pronoun: Token,
    root_of: _Roots,
    sent_starts: list[int],
    wanted: frozenset[str] | None,
    bare_country: bool,
) -> Mention | None:
    """A subject "it" whose nearest antecedent is in an earlier sentence refers to that
    sentence's subject when it fits: "Turkey stepped up its intervention in Syria. It shot
    down two planes" (Turkey, not the nearer Syria). Not for "he" and "she": with no gender
    known, the subject of "Trump attacked Clinton. She ..." is the wrong one.

    Rule ``coref.subject_first``. Tests:
    ``test_a_pronoun_opening_a_paragraph_refers_to_the_paragraph_before``.
    """
    if antecedent is None or pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return antecedent
    here = _paragraph_of(sent_starts, pronoun.idx)
    there = _paragraph_of(sent_starts, antecedent.start)
    if there == here:
        return antecedent
    # ``pool`` is sorted by start: the mentions of the antecedent's sentence before it.
    for k in range(bisect_left(pool, sent_starts[there], key=_start), len(pool)):
        m = pool[k]
        if m.start >= antecedent.start:
            break
        root = root_of(m)
        if (
            root is not None
            and root.dep_ in ("nsubj", "nsubjpass")
            and root.head.dep_ == "ROOT"
            and m.actor is not None
            and _fits(m.actor.code, wanted, bare_country)
        ):
            return m
    return antecedent


def _nearest(
    resolved: list[Mention],
    tok: Token,
    paragraphs: list[int],
    sentence_index: object,
    wanted: frozenset[str] | None,
    bare_country: bool,
) -> Mention | None:
    assert callable(sentence_index)
    here_par = _paragraph_of(paragraphs, tok.idx)
    here_sent = sentence_index(tok.idx)
    # A subject pronoun in the first sentence of its paragraph may refer to the sentence
    # before (news paragraphs are often one sentence: "Turkey stepped up its intervention."
    # / "On Sunday it shot down two planes."); elsewhere, and for a possessive ("its
    # troops") or a description ("the ministry"), to its own paragraph only (rule
    # ``coref.previous_paragraph``).
    opens_paragraph = (
        tok.pos_ == "PRON"
        and tok.dep_ in ("nsubj", "nsubjpass")
        and here_sent == sentence_index(paragraphs[here_par])
    )
    # ``resolved`` is sorted by start: walk back from the pronoun, nearest first, and stop
    # at the paragraph break (past the sentence before, for a paragraph's first sentence)
    # or the end of the window.
    for k in range(bisect_left(resolved, tok.idx, key=_start) - 1, -1, -1):
        m = resolved[k]
        if m.end > tok.idx:
            continue
        if _paragraph_of(paragraphs, m.start) != here_par and not (
            opens_paragraph and sentence_index(m.start) == here_sent - 1
        ):
            break
        if here_sent - sentence_index(m.start) > WINDOW_SENTENCES:
            break
        assert m.actor is not None
        if _fits(m.actor.code, wanted, bare_country):
            return m
    return None


def _start(mention: Mention) -> int:
    return mention.start


def _same_head(
    root_of: _Roots, resolved: list[Mention], tok: Token, sent_starts: list[int], reach: list[int]
) -> Mention | None:
    """Across a paragraph break only with evidence: the antecedent has the same head noun
    ("the insurgents" after "Iraqi insurgents", "this government" after "the new Iraqi
    government"), within twice the window, and before any antecedent that ends after the
    word (``reach[k]``: the latest end of ``resolved[: k + 1]``)."""
    first = _paragraph_of(sent_starts, tok.idx) - 2 * WINDOW_SENTENCES
    k = bisect_left(resolved, sent_starts[first], key=_start) if first > 0 else 0
    if k > 0 and reach[k - 1] > tok.idx:
        return None  # an antecedent before the window ends after the word
    best: Mention | None = None
    for m in resolved[k:]:
        if m.end > tok.idx:
            break
        root = root_of(m)
        if root is not None and root.lemma_.lower() == tok.lemma_.lower():
            best = m
    return best


def _quote_at(quotes: list[Quote], offset: int) -> Quote | None:
    """The first of ``quotes`` that holds ``offset``."""
    for quote in quotes:
        parts = quote.parts or ((quote.start, quote.end),)
        if any(s <= offset < e for s, e in parts) or quote.start <= offset < quote.end:
            return quote
    return None


def _speaker_mention(quotes: list[Quote], tok: Token) -> Mention | None:
    """The speaker of the first of ``quotes`` (the article's, or those near ``tok``) that
    holds ``tok``, as a mention, when it has an actor."""
    quote = _quote_at(quotes, tok.idx)
    speaker = getattr(quote, "speaker", None)
    if speaker is None or speaker.actor is None:
        return None
    return Mention(speaker.start, speaker.end, speaker.text, "SPEAKER", speaker.actor)


class _AnonymousSpeakers:
    """ "the source": the speaker of the last quotation (in the article's order) whose
    speaker is anonymous, has an actor and starts at or before the word."""

    def __init__(self, quotes: list[Quote]) -> None:
        found = [
            (q.speaker.start, k)
            for k, q in enumerate(quotes)
            if q.speaker is not None and q.speaker.actor is not None and q.speaker.anonymous
        ]
        found.sort()
        self._quotes = quotes
        self._starts = [start for start, _ in found]
        # The latest quotation among those whose speaker starts at or before each start.
        self._latest: list[int] = []
        for _, k in found:
            self._latest.append(max(k, self._latest[-1]) if self._latest else k)

    def last_before(self, offset: int) -> Mention | None:
        n = bisect_right(self._starts, offset)
        if n == 0:
            return None
        speaker = self._quotes[self._latest[n - 1]].speaker
        assert speaker is not None and speaker.actor is not None
        return Mention(speaker.start, speaker.end, speaker.text, "SPEAKER", speaker.actor)
