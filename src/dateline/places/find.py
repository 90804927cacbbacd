"""The places of an article: toponyms from spaCy's entities and the dateline, resolved together."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span

from ..model import Article, Dateline, Place
from ..spanindex import SpanIndex
from . import lexicon
from .gazetteer import Candidate, Gazetteer, name_key
from .resolve import (
    Resolution,
    Toponym,
    candidates_for,
    demonym_candidates,
    explain_toponyms,
    kind_of,
    resolve_toponyms,
)

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
# "Clarke and Oconee counties", "Douglas, Sarpy and Cass counties": the names of a
# coordination ending in a kind word, then the kind word.
_COORDINATED = re.compile(
    r"(?:\s*(?:,|,?\s+and|,?\s+or|&)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})*\s+([a-z]+)\b"
)
# What joins the names of a list: ", ", " and ", ", and ", " or ", " & ".
_LIST_JOINER = re.compile(r"\s*(?:,|,?\s+and|,?\s+or|&)\s+")
_POSSESSIVE_NOUN = re.compile(r"(?:'s|’s)\s+([a-z]+)(?:\s+([a-z]+))?")


def kind_from_words(text: str, start: int, end: int) -> str | None:
    """The kind of place the words around a name say (issue 12), or None.

    "in New York state", "the state of New York", "upstate New York", "Ohio's governor":
    ADM1; "Clarke and Oconee counties": ADM2; "Mexico's president": PCLI; "New York city": P.
    """
    before = text[max(0, start - _LOOKBEHIND_CHARS) : start].lower()
    if before.endswith(lexicon.STATE_WORDS_BEFORE):
        return "ADM1"
    after = _COORDINATED.match(text, end)
    if after:
        word = after.group(1)
        if word in lexicon.COUNTY_WORDS_AFTER:
            return "ADM2"
        if after.start(1) - end < 2 or text[end : after.start(1)].strip() == "":
            if word in lexicon.STATE_WORDS_AFTER:
                return "ADM1"
            if word in lexicon.CITY_WORDS_AFTER:
                return "P"
    possessive = _POSSESSIVE_NOUN.match(text, end)
    if possessive:
        # "Ohio's governor", "Mexico's new president": the noun or the word after it.
        for noun in possessive.groups():
            if noun in lexicon.STATE_NOUNS_AFTER_POSSESSIVE:
                return "ADM1"
            if noun in lexicon.COUNTRY_NOUNS_AFTER_POSSESSIVE:
                return "PCLI"
    return None


def add_written_hints(text: str, toponyms: Sequence[Toponym], gazetteer: Gazetteer) -> None:
    """Set the hints that the words around each toponym give (its state, its country, the
    kind of place it is)."""
    for toponym in toponyms:
        toponym.kind_hint = kind_from_words(text, toponym.start, toponym.end)
        after = _STATE_AFTER.match(text, toponym.end)
        if after:
            _add_containment_hint(toponym, after.group(1).strip(), gazetteer)
        before = _DEMONYM_BEFORE.search(
            text[max(0, toponym.start - _LOOKBEHIND_CHARS) : toponym.start]
        )
        if before:
            toponym.country_hint = gazetteer.country_of_demonym(before.group(1))
    add_list_hints(text, toponyms, gazetteer)


def add_list_hints(text: str, toponyms: Sequence[Toponym], gazetteer: Gazetteer) -> None:
    """Names listed together are places of one kind (rule ``list kind``): in "Missouri, New
    York, North Carolina and Virginia" New York is the state; in "volunteers from Crockett,
    Palestine and Houston" Houston is the town, not the county. A list of at least
    ``LIST_MIN_NAMES`` names joined by commas, "and", "or" or "&" whose names all bear one
    kind of place (country, state or province, county, town) as their own name, and only that
    one kind in common, gives that kind to each name the words around did not already type."""
    ordered = sorted(toponyms, key=lambda t: t.start)
    run: list[Toponym] = []
    for toponym in [*ordered, None]:
        if (
            toponym is not None
            and run
            and _LIST_JOINER.fullmatch(text[run[-1].end : toponym.start])
        ):
            run.append(toponym)
            continue
        if len({name_key(t.text) for t in run}) >= lexicon.LIST_MIN_NAMES:
            common: set[str] | None = None
            for member in run:
                found = candidates_for(member.text, gazetteer)
                kinds = {kind_of(c) for c in found if not c.quality}
                common = kinds if common is None else common & kinds
            if common is not None and len(common) == 1:
                (kind,) = common
                for member in run:
                    if member.kind_hint is None:
                        member.kind_hint = kind
        run = [toponym] if toponym is not None else []


def _add_containment_hint(toponym: Toponym, word: str, gazetteer: Gazetteer) -> None:
    """The place named after the comma holds the toponym (rule ``written containment``):
    a US state, spelt out or abbreviated ("Springfield, Ill."), a Canadian province
    abbreviated ("London, Ont."), any other first-level division by its own name ("Toronto,
    Ontario", "Perth, Scotland") or a country ("Baghdad, Iraq")."""
    state = gazetteer.state_of(word)
    if state is not None:
        toponym.admin1_hint = f"US.{state}"
        return
    province = lexicon.PROVINCE_ABBREVIATIONS.get(word.replace(" ", ""))
    if province is not None:
        toponym.admin1_hint = province
        return
    found = gazetteer.lookup(word)
    country = next((c for c in found if c.is_country), None)
    if country is not None:
        toponym.country_hint = country.country
        return
    division = next((c for c in found if c.feature_code == "ADM1" and c.quality == 0), None)
    if division is not None:
        toponym.admin1_hint = division.admin1


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


_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:[^@/]*@)?([^/:?#\s]+)", re.IGNORECASE)


def outlet_country(address: str | None, gazetteer: Gazetteer) -> str | None:
    """The country of an outlet's web address by its country-code domain (rule ``outlet
    country``): "http://www.lfpress.ca/news" and "independent.ie" -> CA and IE; None for a
    generic domain (".com", ".org") or one sites take for its letters (".tv", ".io")."""
    if not address:
        return None
    host = _HOST.match(address.strip())
    if host is None or "." not in host.group(1):
        return None
    tld = host.group(1).rstrip(".").rsplit(".", 1)[-1].lower()
    if len(tld) != 2 or not tld.isalpha() or tld in lexicon.GENERIC_COUNTRY_DOMAINS:
        return None
    cc = lexicon.COUNTRY_DOMAIN_CODES.get(tld, tld.upper())
    return cc if gazetteer.country(cc) is not None else None


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


def article_votes(article: Article, gazetteer: Gazetteer) -> dict[str, float]:
    """The country votes an article gives before its places: its actors, its outlet's
    country domain and its dateline's country (when the dateline is resolved)."""
    votes = context_votes(article, gazetteer)
    outlet_cc = outlet_country(article.url, gazetteer) or outlet_country(article.outlet, gazetteer)
    if outlet_cc is not None:
        votes[outlet_cc] = votes.get(outlet_cc, 0.0) + lexicon.OUTLET_COUNTRY_VOTES
    if article.dateline is not None and article.dateline.country:
        country = article.dateline.country
        votes[country] = votes.get(country, 0.0) + lexicon.DATELINE_VOTES
    return votes


def explain_places(article: Article, gazetteer: Gazetteer, limit: int = 5) -> list[Resolution]:
    """Why each of ``article.places`` resolved as it did (issue 12): its names resolved
    together again, with the words around them and the article's votes, each with its
    ``limit`` best candidates, their scores and the evidence behind them. (The names
    ``find_places`` read and did not list, such as a name inside an actor, are left out of
    this context, so a score may differ a little from the one that chose.)"""
    toponyms = [
        Toponym(p.start, p.end, p.text, demonym=p.kind == "demonym") for p in article.places
    ]
    add_written_hints(article.text, toponyms, gazetteer)
    votes = article_votes(article, gazetteer)
    return explain_toponyms(toponyms, gazetteer, countries=votes, limit=limit)


def find_places(article: Article, doc: Doc, gazetteer: Gazetteer) -> list[Place]:
    """The article's places: its toponyms resolved in context, with offsets into ``article.text``.

    Also resolves ``article.dateline`` in place (country, point, GeoNames id), since the
    dateline's country is context for everything else.
    """
    votes = context_votes(article, gazetteer)
    outlet_cc = outlet_country(article.url, gazetteer) or outlet_country(article.outlet, gazetteer)
    if outlet_cc is not None:
        votes[outlet_cc] = votes.get(outlet_cc, 0.0) + lexicon.OUTLET_COUNTRY_VOTES
    article.dateline = resolve_dateline(article, gazetteer, votes)
    if article.dateline is not None and article.dateline.country:
        country = article.dateline.country
        votes[country] = votes.get(country, 0.0) + lexicon.DATELINE_VOTES

    toponyms: list[Toponym] = []
    kinds: list[str] = []
    weak: set[int] = set()
    rescued: dict[int, int] = {}
    person: set[int] = set()
    in_actor: set[int] = set()
    actor_spans = SpanIndex(
        [(m.start, m.end) for m in article.mentions if m.actor is not None], lambda s: (s,)
    )

    def add(start: int, end: int, text: str, kind: str, ent: Span | None) -> int:
        if ent is not None and _names_an_actor(ent, actor_spans.covering(ent.start_char)):
            # "the US ambassador", "Iraqi troops": the name is part of an actor, not a place
            # the article talks about; it still counts as context for the others. (Marked
            # only for an entity that is kept: an "Israeli" before "Cairo" once hid Cairo.)
            in_actor.add(len(toponyms))
        toponyms.append(Toponym(start, end, text, demonym=kind == "demonym"))
        kinds.append(kind)
        return len(toponyms) - 1

    for ent in doc.ents:
        if ent.label_ in lexicon.PLACE_LABELS:
            i = add(ent.start_char, ent.end_char, ent.text, "name", ent)
            if ent.label_ in lexicon.WEAK_LABELS:
                weak.add(i)
        elif ent.label_ in lexicon.DEMONYM_LABELS:
            if demonym_candidates(ent.text, gazetteer):
                add(ent.start_char, ent.end_char, ent.text, "demonym", ent)
        elif ent.label_ in lexicon.AREA_MISLABELLED and _names_an_area(ent.text, gazetteer):
            # "Texas" or "Laurel County" labelled ORG: a state, a country or a county by name.
            add(ent.start_char, ent.end_char, ent.text, "name", ent)
        elif ent.label_ in lexicon.MISLABELLED:
            # Where places stand ("in Chennai"), or anywhere when it is a town of the
            # article's own division (decided below, once the article's places are known).
            position = _place_position(ent)
            rescued[add(ent.start_char, ent.end_char, ent.text, "name", ent)] = position
            if ent.label_ == "PERSON":
                person.add(len(toponyms) - 1)
        if ent.label_ in lexicon.HOLDER_LABELS and ent.label_ not in lexicon.PLACE_LABELS:
            for start, end in _names_inside(ent, gazetteer):
                add(start, end, article.text[start:end], "in_name", None)
    dl = article.dateline
    if dl is not None and not any(t.start < dl.end and dl.start < t.end for t in toponyms):
        toponyms.append(Toponym(dl.start, dl.end, article.text[dl.start : dl.end]))
        kinds.append("name")
    add_written_hints(article.text, toponyms, gazetteer)
    resolved = resolve_toponyms(toponyms, gazetteer, countries=votes)

    local_admin1s = {
        cand.admin1
        for i, cand in enumerate(resolved)
        if cand is not None
        and cand.admin1
        and kinds[i] == "name"
        and i not in in_actor
        and i not in rescued
    }
    if dl is not None and article.dateline is not None and article.dateline.country:
        local_admin1s.update(c.admin1 for c in resolved if c is not None and c.admin1)
    places: list[Place] = []
    for i, (toponym, cand) in enumerate(zip(toponyms, resolved, strict=True)):
        if cand is None or (i in weak and cand.quality) or i in in_actor:
            continue
        if i in rescued and not (
            (rescued[i] and _well_known(cand, rescued[i]))
            or _local_town(cand, local_admin1s, i in person)
        ):
            continue
        if kinds[i] == "in_name" and not _known_here(cand, local_admin1s):
            continue
        places.append(_place(toponym.start, toponym.end, toponym.text, cand, gazetteer, kinds[i]))
        if dl is not None and toponym.start < dl.end and dl.start < toponym.end:
            # The dateline read with the whole article agrees with its place in the list.
            article.dateline = replace(
                dl,
                country=cand.country or None,
                lat=cand.lat,
                lon=cand.lon,
                geonameid=cand.geonameid,
            )
    # "the Iraqi capital": the capital, not the demonym inside it.
    named = [p for p in places if p.kind != "demonym"]
    capitals = _unnamed_capitals(article.text, named, gazetteer)
    places = [
        p for p in places if not any(c.start < p.end and p.start < c.end for c in capitals)
    ] + capitals
    places.sort(key=lambda p: (p.start, p.end))
    return places


def _names_an_area(text: str, gazetteer: Gazetteer) -> bool:
    """Whether ``text`` is the own name of a country, of a US state or Canadian province, or
    of a county that says it is one ("Laurel County"): names that are seldom anything else
    (a division elsewhere may be named like a person: "Nelson", "Nadia")."""
    key = name_key(text)
    for c in gazetteer.lookup(text):
        if c.quality:
            continue
        if c.feature_code == "PCLI":
            return True
        if c.feature_code == "ADM1" and c.country in lexicon.NAMESAKE_DIVISION_COUNTRIES:
            return True
        if c.feature_code == "ADM2" and key.endswith(lexicon.DIVISION_WORDS):
            return True
    return False


def _names_inside(ent: Span, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Place names inside another name: at its head ("the Ohio Department of Health",
    "Dublin City Council") and after its "of" ("University of Cincinnati"), the longest
    capitalised run of words the gazetteer knows (or a demonym: "the Georgian Interior
    Ministry"). Character offsets."""
    tokens = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
    if len(tokens) < 2:
        return []
    starts = [0] + [k + 1 for k, t in enumerate(tokens[:-1]) if t.lower_ == "of"]
    # The entity's own text, read once (``doc.text`` joins the whole document each time).
    ent_text, offset = ent.text, ent.start_char
    found = []
    for first in starts:
        for n in range(min(lexicon.EMBEDDED_MAX_TOKENS, len(tokens) - first), 0, -1):
            words = tokens[first : first + n]
            if n == len(tokens) or not all(w.text[:1].isupper() for w in words):
                continue
            start, end = words[0].idx, words[-1].idx + len(words[-1].text)
            text = ent_text[start - offset : end - offset]
            if name_key(text) in lexicon.NOT_EMBEDDED_PLACES:
                continue
            after = tokens[first + n].lower_ if first + n < len(tokens) else ""
            if demonym_candidates(text, gazetteer) or _names_an_area(text, gazetteer):
                found.append((start, end))
                break
            # A town at the head needs an organisation's word after it ("Ripley Police");
            # after "of" it stands as a place ("University of Cincinnati").
            if gazetteer.lookup(text) and (first > 0 or after in lexicon.ORGANISATION_HEAD_WORDS):
                found.append((start, end))
                break
    return found


def _local_town(cand: Candidate, local_admin1s: set[str], person: bool) -> bool:
    """A name the model did not label a place ("Gainesville" labelled PERSON in a Georgia
    paper) is a town of the article's own division, and a real one."""
    needed = lexicon.LOCAL_PERSON_MIN_POPULATION if person else lexicon.LOCAL_ORG_MIN_POPULATION
    return (
        cand.feature_class == "P"
        and cand.quality == 0
        and cand.admin1 in local_admin1s
        and cand.population >= needed
    )


def _known_here(cand: Candidate, local_admin1s: set[str]) -> bool:
    """A place named inside another name is kept when it is an area, a big town, or a town in
    a division the article's own places lie in (a local paper's "Watertown Police")."""
    if cand.is_area:
        return cand.quality == 0
    if cand.population >= lexicon.EMBEDDED_MIN_POPULATION:
        return True
    return cand.admin1 in local_admin1s and cand.population >= lexicon.EMBEDDED_MIN_LOCAL_POPULATION


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
        out.append(_place(match.start(), match.end(), match.group(0), capital, gazetteer))
    return out


def _place(
    start: int,
    end: int,
    text: str,
    cand: Candidate,
    gazetteer: Gazetteer | None = None,
    kind: str = "name",
) -> Place:
    admin1, admin2 = gazetteer.admin_path(cand) if gazetteer is not None else (None, None)
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
        admin1=admin1,
        admin2=admin2,
        area=cand.is_area,
        kind=kind,
    )
