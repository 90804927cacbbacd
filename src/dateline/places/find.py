"""The places of an article: toponyms from spaCy's entities and the dateline, resolved together."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span

from ..model import Article, Dateline, Place
from ..spanindex import SpanIndex
from . import lexicon
from .gazetteer import Candidate, Gazetteer
from .resolve import Toponym, resolve_toponyms

# ", Ill." / ", Illinois" / ", N.Y." right after a town name.
_STATE_AFTER = re.compile(r"\s*,\s*((?:[A-Z][a-z]*\.\s?){1,3}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)")
# "the Jordanian capital of " / "the Jordanian capital, " right before a name.
_DEMONYM_BEFORE = re.compile(
    r"\b([A-Z][a-z]+)\s+(?:"
    + "|".join(sorted(lexicon.CAPITAL_NOUNS))
    + r")(?:\s+city)?(?:\s+of|,)\s*$"
)
# "the Iraqi capital" with no name after it.
_DEMONYM_CAPITAL = re.compile(
    r"\b(?:the\s+)?([A-Z][a-z]+)\s+(?:" + "|".join(sorted(lexicon.CAPITAL_NOUNS)) + r")\b"
)
_LOOKBEHIND_CHARS = 40


def add_written_hints(text: str, toponyms: Sequence[Toponym], gazetteer: Gazetteer) -> None:
    """Set the hints that the words around each toponym give (its state, its country)."""
    for toponym in toponyms:
        after = _STATE_AFTER.match(text, toponym.end)
        if after:
            word = after.group(1).strip()
            state = gazetteer.state_of(word)
            if state is not None:
                toponym.admin1_hint = f"US.{state}"
            else:
                # "Baghdad, Iraq": the country named after the comma.
                country = next((c for c in gazetteer.lookup(word) if c.is_country), None)
                if country is not None:
                    toponym.country_hint = country.country
        before = _DEMONYM_BEFORE.search(
            text[max(0, toponym.start - _LOOKBEHIND_CHARS) : toponym.start]
        )
        if before:
            toponym.country_hint = gazetteer.country_of_demonym(before.group(1))


def context_votes(article: Article, gazetteer: Gazetteer) -> dict[str, float]:
    """Country votes from the actors of ``article.mentions`` (ISO2 codes).

    The actors together weigh ``ACTOR_VOTES`` places, shared by how often each country's actors
    are mentioned (a long article full of one country's officials must not outvote its places).
    """
    votes: dict[str, float] = {}
    iso3 = gazetteer.iso3_to_iso2
    actors: dict[str, int] = {}
    for mention in article.mentions:
        actor = mention.actor
        if actor is None:
            continue
        code = (actor.country or actor.code)[:3].upper()
        cc = iso3.get(code)
        if cc:
            actors[cc] = actors.get(cc, 0) + 1
    total = sum(actors.values())
    for cc, n in actors.items():
        votes[cc] = votes.get(cc, 0.0) + lexicon.ACTOR_VOTES * n / total
    return votes


def resolve_dateline(
    article: Article, gazetteer: Gazetteer, votes: dict[str, float] | None = None
) -> Dateline | None:
    """The article's dateline with its country and point (None when there is none)."""
    dateline = article.dateline
    if dateline is None:
        return None
    toponym = Toponym(dateline.start, dateline.end, dateline.name)
    add_written_hints(article.text, [toponym], gazetteer)
    (cand,) = resolve_toponyms([toponym], gazetteer, countries=votes)
    if cand is None:
        return dateline
    return replace(
        dateline,
        country=cand.country or None,
        lat=cand.lat,
        lon=cand.lon,
        geonameid=cand.geonameid,
    )


def find_places(article: Article, doc: Doc, gazetteer: Gazetteer) -> list[Place]:
    """The article's places: its toponyms resolved in context, with offsets into ``article.text``.

    Also resolves ``article.dateline`` in place (country, point, GeoNames id), since the
    dateline's country is context for everything else.
    """
    votes = context_votes(article, gazetteer)
    article.dateline = resolve_dateline(article, gazetteer, votes)
    if article.dateline is not None and article.dateline.country:
        country = article.dateline.country
        votes[country] = votes.get(country, 0.0) + lexicon.DATELINE_VOTES

    toponyms: list[Toponym] = []
    weak: set[int] = set()
    rescued: dict[int, int] = {}
    in_actor: set[int] = set()
    actor_spans = SpanIndex(
        [(m.start, m.end) for m in article.mentions if m.actor is not None], lambda s: (s,)
    )
    for ent in doc.ents:
        if ent.label_ in lexicon.PLACE_LABELS:
            if ent.label_ in lexicon.WEAK_LABELS:
                weak.add(len(toponyms))
        elif ent.label_ in lexicon.MISLABELLED and (position := _place_position(ent)):
            rescued[len(toponyms)] = position
        else:
            continue
        if _names_an_actor(ent, actor_spans.covering(ent.start_char)):
            # "the US ambassador", "Iraqi troops": the name is part of an actor, not a place
            # the article talks about; it still counts as context for the others. (Marked
            # only for an entity that is kept: an "Israeli" before "Cairo" once hid Cairo.)
            in_actor.add(len(toponyms))
        toponyms.append(Toponym(ent.start_char, ent.end_char, ent.text))
    dl = article.dateline
    if dl is not None and not any(t.start < dl.end and dl.start < t.end for t in toponyms):
        toponyms.append(Toponym(dl.start, dl.end, article.text[dl.start : dl.end]))
    add_written_hints(article.text, toponyms, gazetteer)
    resolved = resolve_toponyms(toponyms, gazetteer, countries=votes)

    places: list[Place] = []
    for i, (toponym, cand) in enumerate(zip(toponyms, resolved, strict=True)):
        if cand is None or (i in weak and cand.quality) or i in in_actor:
            continue
        if i in rescued and not _well_known(cand, rescued[i]):
            continue
        places.append(_place(toponym.start, toponym.end, toponym.text, cand))
        if dl is not None and toponym.start < dl.end and dl.start < toponym.end:
            # The dateline read with the whole article agrees with its place in the list.
            article.dateline = replace(
                dl,
                country=cand.country or None,
                lat=cand.lat,
                lon=cand.lon,
                geonameid=cand.geonameid,
            )
    places.extend(_unnamed_capitals(article.text, places, gazetteer))
    places.sort(key=lambda p: (p.start, p.end))
    return places


def _names_an_actor(ent: Span, actor_spans: list[tuple[int, int]]) -> bool:
    """Whether ``ent`` modifies a noun inside a longer actor mention ("the US government")."""
    if ent.root.dep_ not in lexicon.MODIFIER_DEPS:
        return False
    return any(
        start <= ent.start_char and ent.end_char <= end and end - start > len(ent.text)
        for start, end in actor_spans
    )


def _place_position(ent: Span) -> int:
    """How surely a name spaCy did not label a place stands where places stand: 2 after a
    preposition of place ("in Chennai"), 1 after one of motion or as a conjunct of a place
    ("Hyderabad, Chennai and ..."), 0 elsewhere."""
    root = ent.root
    if root.dep_ == "pobj":
        if root.head.lower_ in lexicon.PLACE_PREPOSITIONS:
            return 2
        return 1 if root.head.lower_ in lexicon.MOTION_PREPOSITIONS else 0
    if root.dep_ == "conj" and root.head.ent_type_ in lexicon.PLACE_LABELS:
        return 1
    return 0


def _well_known(cand: Candidate, position: int) -> bool:
    if cand.feature_class == "P":
        return cand.population >= lexicon.RESCUE_MIN_POPULATION[position]
    return cand.feature_code in ("PCLI", "ADM1")


def _unnamed_capitals(text: str, places: Sequence[Place], gazetteer: Gazetteer) -> list[Place]:
    """ "the Iraqi capital" with no name after it -> the country's capital."""
    out = []
    starts = SpanIndex(places, lambda p: ((p.start, p.start + 1),))
    spans = SpanIndex(places, lambda p: ((p.start, p.end),))
    for match in _DEMONYM_CAPITAL.finditer(text):
        cc = gazetteer.country_of_demonym(match.group(1))
        if cc is None:
            continue
        capital = gazetteer.capital(cc)
        if capital is None:
            continue
        # A name right after it ("... capital of Amman", "... capital, Astana") is the place.
        after = text[match.end() : match.end() + 30]
        named = starts.overlapping(match.end(), match.end() + 31)
        if any(match.end() <= p.start <= match.end() + 30 for p in named) and re.match(
            r"(?:\s+city)?(?:\s+of|,)\s", after
        ):
            continue
        overlapping = spans.overlapping(match.start(), match.end())
        if any(p.start < match.end() and match.start() < p.end for p in overlapping):
            continue
        out.append(_place(match.start(), match.end(), match.group(0), capital))
    return out


def _place(start: int, end: int, text: str, cand: Candidate) -> Place:
    return Place(
        start=start,
        end=end,
        text=text,
        name=cand.name,
        country=cand.country or None,
        lat=cand.lat,
        lon=cand.lon,
        geonameid=cand.geonameid,
        feature_class=cand.feature_class,
        feature_code=cand.feature_code,
    )
