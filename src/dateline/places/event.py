"""Each event's place: the phrase on its clause, else its sentence's place, else its paragraph's
place, else the dateline (issue 12: events placed where they happened; ``place.source`` says
which)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ..model import Article, Event, EventPlace, Place
from . import lexicon

_VERB_POS = frozenset({"VERB", "AUX"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod"})
# Links from a place name up to its preposition ("in [the capital of] Amman", "in Baghdad, Iraq").
_NOMINAL_LINKS = frozenset({"pobj", "appos", "conj", "npadvmod"})
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "parataxis", "conj"})


def _trigger_token(event: Event, doc: Doc) -> Token | None:
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span.root


def _clause_attachment(place_token: Token, verb: Token) -> tuple[int, int] | None:
    """How a place hangs from ``verb``: (0 on the verb itself, 1 on one of its nouns; steps).

    The place must be the object of a preposition of place ("in", "at", "near", "outside" ...),
    directly or through "of" ("in the capital of Amman") or an apposition; a name used as a
    modifier ("the US ambassador") is no place of the event. The path up must not cross into
    another clause (another verb's complement, conjunct, relative or adverbial clause). A phrase
    on the verb ("met ... in Amman") beats one on a noun of the clause ("the ambassador in
    Iraq"). None when the place is not in the verb's clause. (spaCy makes a new Token object
    per access: compare indices, not identity.)
    """
    if place_token.dep_ in _MODIFIER_DEPS:
        return None
    steps = 0
    prep_head: Token | None = None
    token = place_token
    while token.head.i != token.i:
        if prep_head is None:
            if token.dep_ == "prep":
                if token.lower_ in lexicon.PLACE_PREPOSITIONS:
                    prep_head = token.head
                elif token.lower_ not in lexicon.LINKING_PREPOSITIONS:
                    return None
            elif token.dep_ not in _NOMINAL_LINKS:
                return None
        if token.dep_ in _CLAUSE_DEPS and token.pos_ in _VERB_POS:
            return None
        token = token.head
        steps += 1
        if token.i == verb.i:
            if prep_head is None:
                return None
            return (0 if prep_head.i == verb.i else 1, steps)
    return None


def _event_place(place: Place, source: str) -> EventPlace:
    return EventPlace(
        name=place.name,
        source=source,
        country=place.country,
        lat=place.lat,
        lon=place.lon,
        geonameid=place.geonameid,
        start=place.start,
        end=place.end,
    )


def place_for_event(
    event: Event, article: Article, doc: Doc, places: Sequence[Place] | None = None
) -> EventPlace | None:
    """Where ``event`` happened, and which rule said so ("clause", "sentence", "dateline").

    ``places``: the article's places to consider, in their order (default: all; a caller
    with many events passes those that may be in the event's sentence)."""
    dateline = article.dateline
    # The dateline's own words are not a place in the sentence they open.
    sentence = [
        p
        for p in (article.places if places is None else places)
        if event.sentence.start <= p.start < event.sentence.end
        and not (dateline is not None and p.start < dateline.end and dateline.start < p.end)
    ]
    verb = _trigger_token(event, doc)
    if verb is not None and sentence:
        best: tuple[tuple[int, int, int], Place] | None = None
        for place in sentence:
            span = doc.char_span(place.start, place.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            attachment = _clause_attachment(span.root, verb)
            if attachment is None:
                continue
            # On the verb first; then the most specific place (a town over a country); then
            # the nearest.
            rank = (attachment[0], _specificity(place), attachment[1])
            if best is None or rank < best[0]:
                best = (rank, place)
        if best is not None:
            return _event_place(best[1], "clause")
    # The most specific place of the sentence (a town over a region over a country), leaving
    # out names used as modifiers ("the US ambassador", "Iraqi Kurdistan's"), nationality
    # words and names inside organisations' names: they say who, not where.
    located = [p for p in sentence if _says_where(p) and not _is_modifier(p, doc)]
    if located:
        ranked = sorted(located, key=lambda p: (_specificity(p), p.start))
        return _event_place(ranked[0], "sentence")
    # Then the paragraph's: the place named last before the event in its paragraph, else the
    # first after it (a paragraph about one place names it once).
    start, end = _paragraph(article.text, event.sentence.start)
    in_paragraph = [
        p
        for p in article.places
        if start <= p.start < end
        and _says_where(p)
        and not (dateline is not None and p.start < dateline.end and dateline.start < p.end)
        and not _is_modifier(p, doc)
    ]
    if in_paragraph:
        before = [p for p in in_paragraph if p.start < event.sentence.start]
        chosen = before[-1] if before else in_paragraph[0]
        return _event_place(chosen, "paragraph")
    if dateline is not None and dateline.lat is not None:
        return EventPlace(
            name=dateline.name,
            source="dateline",
            country=dateline.country,
            lat=dateline.lat,
            lon=dateline.lon,
            geonameid=dateline.geonameid,
            start=dateline.start,
            end=dateline.end,
        )
    return None


def _says_where(place: Place) -> bool:
    return place.kind == "name"


def _paragraph(text: str, offset: int) -> tuple[int, int]:
    """The character range of the paragraph holding ``offset`` (paragraphs end at a blank line)."""
    start = text.rfind("\n\n", 0, offset)
    end = text.find("\n\n", offset)
    return (0 if start < 0 else start + 2, len(text) if end < 0 else end)


def _is_modifier(place: Place, doc: Doc) -> bool:
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.dep_ in _MODIFIER_DEPS


def _specificity(place: Place) -> int:
    # A town, a district of a town, a square or a building ("S").
    if place.feature_class in ("P", "S"):
        return 0
    if place.feature_code in ("ADM2", "ADM1"):
        return 1
    return 2
