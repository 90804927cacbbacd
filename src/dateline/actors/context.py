"""The country a story makes plain, given to agents that name none of their own (issue 10).

"The court", "police", "the registrar", "Senator Jane Hale": an agent word gives a role
(``---JUD``, ``---COP``, ``---LEG``) but no country. An analyst codes the country the story
makes plain: police in a local US paper are USACOP, a court in a story datelined Nairobi is
KENJUD. The order of precedence, first that applies:

1. the mention's own words: a dictionary actor ("Kenyan police" -> KENCOP), a title before
   a dictionary name ("Chinese President Xi Jinping" -> CHNGOV); the actor matcher;
2. its owner or antecedent: "its troops" after Israel, "the ministry" after an Iraqi
   ministry (``actors.coref``);
3. the story's country (``story_country``): the dateline's country, else the country that
   holds a clear majority of the article's places and named actors;
4. when the story has no such country, the only country named in the agent's own sentence
   (``sentence_country``);
5. ``---`` when nothing does.

Steps 3 and 4 are this module. A mention coded so keeps its agents and says how its
country was found (``Mention.inferred``), and events read from it carry a lower confidence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

import pycountry
from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from ..model import Actor, Article, Event, EventActor, Mention
from ..tokenspan import expand_span
from .context_lexicon import ORGANISATION_NOUNS, ORGANISATION_WORDS
from .match import code_country
from .modifiers import PLACE_NAME_WORDS
from .names import is_plural_word

__all__ = [
    "STORY_SHARE",
    "assign_story_country",
    "infer_named_actors",
    "iso3",
    "place_name_countries",
    "sentence_country",
    "story_country",
]

# The story's country needs this share of the evidence, and two pieces of it at least in
# an article of several sentences, three in a text of one or two (a single sentence seldom
# makes a story's country plain).
STORY_SHARE = 0.5
STORY_MIN_VOTES = 2
SHORT_TEXT_MIN_VOTES = 3
SHORT_TEXT_SENTENCES = 2
# Entity labels a surname named again may carry when the recogniser misreads it ("Christie"
# as an organisation, "Holt" as a place).
SURNAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})

# How a town's mention recoded by its geocoded country says so (``place_name_countries``).
TOWN_INFERRED = "the town "

# A dateline counts as this many pieces of evidence (it is where the reporter is).
DATELINE_VOTES = 3

_ISO3: dict[str, str] = {c.alpha_2: c.alpha_3 for c in pycountry.countries}


def iso3(iso2: str | None) -> str | None:
    """The ISO 3166 alpha-3 code of an alpha-2 code (``KE`` -> ``KEN``)."""
    return _ISO3.get(iso2.upper()) if iso2 else None


def _mention_country(mention: Mention) -> str | None:
    if mention.actor is None or not mention.actor.code or mention.inferred:
        return None
    if mention.via == "coreference":
        return None  # a pronoun repeats its antecedent's vote
    return code_country(mention.actor.code)


def story_country(
    article: Article, mentions: Sequence[Mention], sentences: int = SHORT_TEXT_SENTENCES + 1
) -> tuple[str | None, str]:
    """The country the story makes plain (ISO3) and why, or (None, why not).

    The dateline's country wins outright; else the places and the actors named with a
    country vote, and a country holding at least ``STORY_SHARE`` of the votes (three at least)
    is the story's.
    """
    if article.dateline is not None and article.dateline.country:
        country = iso3(article.dateline.country)
        if country:
            return country, f"dateline {article.dateline.name}"
    votes: Counter[str] = Counter()
    for place in article.places:
        country = iso3(place.country)
        if country:
            votes[country] += 1
    for mention in mentions:
        country = _mention_country(mention)
        if country:
            votes[country] += 1
    total = sum(votes.values())
    if not total:
        return None, "no places or actors with a country"
    country, n = votes.most_common(1)[0]
    needed = STORY_MIN_VOTES if sentences > SHORT_TEXT_SENTENCES else SHORT_TEXT_MIN_VOTES
    if n >= needed and n / total >= STORY_SHARE:
        return country, f"{n} of {total} places and actors"
    return None, f"no country holds {STORY_SHARE:.0%} of {total} places and actors"


def sentence_country(
    doc: Doc,
    start: int,
    end: int,
    mentions: Sequence[Mention],
    other: EventActor | None = None,
    others: frozenset[str] = frozenset(),
) -> str | None:
    """The only country named by actors in the sentence of ``start:end``, if there is one
    and it is not the country of the event's other party (``other``): who is acted on is
    seldom of the actor's own country ("Two soldiers died in a Hamas rocket attack").

    ``others`` are the countries of the parties coordinated with ``other`` in the same act
    ("as China and Russia support the government", for Russia's act): they are on the
    other side too, so they neither are the agent's country nor stop the one country left
    ("Mass atrocities continue in the Darfur region of Sudan as China and Russia support
    the government": SDNGOV). Rule ``context.sentence_country``.
    """
    span = expand_span(doc, start, end)
    if span is None:
        return None
    sent = span.sent
    countries = {
        c
        for m in mentions
        if sent.start_char <= m.start < sent.end_char
        for c in [_mention_country(m)]
        if c
    }
    if other is not None and code_country(other.code) in countries - others:
        return None
    countries -= others
    return countries.pop() if len(countries) == 1 else None


def assign_story_country(
    article: Article,
    doc: Doc,
    mentions: list[Mention],
    events: Sequence[Event] = (),
    towns: dict[str, tuple[str, str]] | None = None,
) -> None:
    """Give agents with no country (``---XXX``) the story's country, else their sentence's,
    in the mentions and in the events read from them.

    It runs once the events are coded: the coder's own rules read an agent with no country
    as one to share out over the countries named with it ("lawmakers and officials in A
    and B"), which a country given here first would hide. An actor whose country came
    from a town's name (``towns``, from ``place_name_countries``) takes the town's.
    """
    agents = [
        m
        for m in mentions
        if m.actor is not None and m.actor.code.startswith("---") and not m.inferred
    ]
    country, why = story_country(article, mentions, _sentences(doc))
    story = f"story country ({why})"
    for mention in agents:
        assert mention.actor is not None
        if country is not None:
            code = country + mention.actor.code[3:]
            mention.actor = replace(mention.actor, code=code, country=country)
            mention.inferred = story
    towns = towns or {}
    for event in events:
        for role in ("source", "target"):
            actor: EventActor | None = getattr(event, role)
            town = _town_in(actor.text, actor.code, towns) if actor and towns else None
            if actor is not None and town is not None:
                old, new = towns[town]
                actor = replace(actor, code=new + actor.code[len(old) :])
                setattr(event, role, actor)
                event.rules.append(f"{role}:context.place_name_country")
            if actor is None or not actor.code.startswith("---"):
                continue
            found, rule = country, "context.story_country"
            if found is None:
                other = event.target if role == "source" else event.source
                found = sentence_country(
                    doc, actor.start, actor.end, mentions, other, _same_side(events, event, role)
                )
                rule = "context.sentence_country"
            if found is None:
                continue
            setattr(event, role, replace(actor, code=found + actor.code[3:]))
            event.rules.append(f"{role}:{rule}")


def _same_side(events: Sequence[Event], event: Event, role: str) -> frozenset[str]:
    """The countries of the other side of ``event``'s act when the act has coordinated
    parties there (one event per party, on the same trigger)."""
    side = "target" if role == "source" else "source"
    found = set()
    for e in events:
        party: EventActor | None = getattr(e, side)
        if e.trigger.start == event.trigger.start and party is not None:
            found.add(code_country(party.code))
    countries = {c for c in found if c}
    return frozenset(countries) if len(countries) > 1 else frozenset()


def place_name_countries(article: Article, mentions: list[Mention]) -> dict[str, tuple[str, str]]:
    """A town's name the dictionaries read as a country takes the country the geocoder placed
    it in: "Paris" in a story about Paris, Illinois is USA, not FRA; "the mayor of Paris"
    there is USAGOV. Returns each such name with the dictionaries' country and the town's.

    The geocoder weighs the whole article's geography (its dateline, its other places, the
    states named beside a town), which the actor dictionaries cannot: they code a name the
    same in every story. A name is recoded only when the dictionaries give it a bare country
    and the geocoder resolved it to a populated place (a point, not a country or a state) of
    another country; then, one sense a story, every mention whose country came from that
    name ("the mayor of Paris") takes the town's. The mention says so in ``inferred``.

    Rule ``context.place_name_country``. Tests:
    ``test_a_town_named_like_a_foreign_capital_takes_the_geocoded_country``.
    """
    towns = {(p.start, p.end): p for p in article.places if not p.area and p.country}
    recoded: dict[str, tuple[str, str]] = {}
    for mention in mentions:
        actor, place = mention.actor, towns.get((mention.start, mention.end))
        if actor is None or place is None or mention.via != "dictionary":
            continue
        country = iso3(place.country)
        if country and country != actor.code and code_country(actor.code) == actor.code:
            recoded.setdefault(mention.text, (actor.code, country))
    for mention in mentions:
        town = _town_in(mention.text, mention.actor.code, recoded) if mention.actor else None
        if town is None or mention.actor is None:
            continue
        old, new = recoded[town]
        mention.actor = replace(mention.actor, code=new + mention.actor.code[len(old) :])
        mention.actor = replace(mention.actor, country=new)
        mention.inferred = f"{TOWN_INFERRED}{town}, geocoded in {new}"
    return recoded


def _town_in(text: str, code: str, towns: dict[str, tuple[str, str]]) -> str | None:
    """The recoded town a phrase names, when the phrase's country is the one its name gave."""
    for name, (old, _new) in towns.items():
        if code_country(code) == old and re.search(rf"\b{re.escape(name)}\b", text):
            return name
    return None


def _sentences(doc: Doc) -> int:
    return sum(1 for _ in doc.sents) if doc.has_annotation("SENT_START") else 1


def _organisation_agent(text: str) -> str | None:
    """The agent code an organisation's name gives by its last kind word, if any."""
    found = None
    for word in text.lower().replace(".", " ").replace(",", " ").split():
        found = ORGANISATION_WORDS.get(word, found)
    return found


def infer_named_actors(
    article: Article, doc: Doc, mentions: list[Mention]
) -> dict[str, tuple[str, str]]:
    """Code the people and organisations the dictionaries lack, before the coder runs.

    A person named in the story (a PERSON entity with no actor) is of the story's country
    (code: the country alone, as GDELT codes a person it knows no role of); named again
    by surname alone it is the same actor. An organisation (ORG) whose name says its kind
    ("Department", "Police", "Court", "University", "LLC") is that agent of the story's
    country. Nothing is coded when the story has no country (``story_country``), nor in
    the dateline. Returns the towns ``place_name_countries`` recoded.
    """
    towns = place_name_countries(article, mentions)
    _people_by_apposition(doc, mentions)
    _titled_people(article.text, doc, mentions)
    country, why = story_country(article, mentions, _sentences(doc))
    dateline = article.dateline
    surnames: dict[str, Mention] = {}
    person_ends = {e.end_char: e for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
    _same_full_name(mentions, person_ends)
    if country is None:
        # No country to give the uncoded; a coded person's surname still refers back.
        for mention in mentions:
            name = person_ends.get(mention.end) if mention.actor is not None else None
            if name is not None and name.start_char >= mention.start:
                surnames.setdefault(name[-1].text, mention)
        for mention in mentions:
            if mention.actor is None:
                _surname_of_earlier(mention, surnames)
        _add_untagged_surnames(doc, mentions, surnames)
        return towns
    for mention in mentions:
        if mention.actor is not None:
            # "Mayor Tom Reed": a coded mention ending in a full name gives its surname.
            name = person_ends.get(mention.end)
            if name is not None and name.start_char >= mention.start:
                surnames.setdefault(name[-1].text, mention)
            continue
        if dateline is not None and mention.start < dateline.end and dateline.start < mention.end:
            continue
        if _surname_of_earlier(mention, surnames):
            continue
        if mention.label == "PERSON":
            words = mention.text.split()
            if words and words[-1].lower().rstrip(".") in PLACE_NAME_WORDS:
                continue  # "Clinton St.": a place named after a person
            earlier = surnames.get(words[-1]) if words else None
            if earlier is not None and len(words) > 1 and not earlier.text.endswith(mention.text):
                earlier = None  # "Heidi Cruz" after "Ted Cruz": another of the family
            if earlier is not None and earlier.actor is not None:
                mention.actor, mention.inferred = earlier.actor, earlier.inferred
                continue
            mention.actor = _make_inferred(country, "", mention.text)
            mention.inferred = f"person of the story's country ({why})"
            if len(words) > 1:
                surnames[words[-1]] = mention
        elif mention.label == "ORG":
            agent = _organisation_agent(mention.text)
            if agent is None:
                continue
            mention.actor = _make_inferred(country, agent, mention.text)
            mention.inferred = f"organisation of the story's country ({why})"
    _add_untagged_surnames(doc, mentions, surnames)
    return towns


def _same_full_name(mentions: list[Mention], person_ends: dict[int, Span]) -> None:
    """ "Chris Christie Calls Clinton 'A Disgrace'" in a headline, then "New Jersey Gov. Chris
    Christie described ...": a full name the story gives a role anywhere is that person
    wherever it is named uncoded (rule ``context.same_full_name``)."""
    named: dict[str, Mention] = {}
    for mention in mentions:
        if mention.actor is None or not mention.actor.agents or mention.inferred:
            continue
        name = person_ends.get(mention.end)
        if name is None or name.start_char < mention.start:
            continue
        if "," in mention.text[: name.start_char - mention.start]:
            continue  # "Cruz's wife, Heidi Cruz": the role is another's
        named.setdefault(name.text, mention)
    if not named:
        return
    for mention in mentions:
        if mention.actor is None and mention.label == "PERSON":
            earlier = named.get(mention.text.strip())
            if earlier is not None:
                mention.actor, mention.via = earlier.actor, "title"


def _surname_of_earlier(mention: Mention, surnames: dict[str, Mention]) -> bool:
    """An uncoded one-word mention spelled as the surname of a person coded earlier is that
    person, whatever label the entity recogniser gave it ("New Jersey Gov. Chris Christie
    ... Christie blasted Clinton", where "Christie" was read as an organisation). Rule
    ``context.surname_of_earlier``; whether it was coded is returned."""
    if mention.label not in SURNAME_LABELS or " " in mention.text.strip():
        return False
    earlier = surnames.get(mention.text.strip())
    if earlier is None or earlier.actor is None or earlier.start >= mention.start:
        return False
    mention.actor, mention.inferred = earlier.actor, earlier.inferred
    mention.via = "dictionary:surname"
    return True


def _people_by_apposition(doc: Doc, mentions: list[Mention]) -> None:
    """A name the recogniser took for an organisation is a person's when the text says so by
    apposition: "the moderator, Lester Holt", "Keith Lamont Scott, 43," (an age). The name
    has two or three capitalised words and no word of an organisation's kind ("Department",
    "Inc"), and the noun beside it is a common noun that is not an organisation's either.

    Rule ``context.person_by_apposition``. Tests:
    ``test_a_name_in_apposition_to_a_person_is_a_person``.
    """
    for mention in mentions:
        if mention.label != "ORG" or mention.actor is not None:
            continue
        words = mention.text.split()
        if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w.isalpha() for w in words):
            continue
        if _organisation_agent(mention.text) is not None:
            continue
        span = expand_span(doc, mention.start, mention.end)
        if span is None or not len(span):
            continue
        head = span.root
        beside = [c for c in head.children if c.dep_ == "appos"]
        if head.dep_ == "appos":
            beside.append(head.head)
        if any(_person_beside(tok) for tok in beside):
            mention.label = "PERSON"
            # The entity too, for the rules that read the parse ("a person acted on").
            doc.ents = [
                Span(doc, e.start, e.end, label="PERSON") if e.start_char == span.start_char else e
                for e in doc.ents
            ]


def _person_beside(tok: Token) -> bool:
    """An age ("43") or a singular common noun that names no organisation ("the moderator")."""
    if tok.like_num:
        return tok.text.isdigit() and 0 < int(tok.text) < 120
    word = tok.lemma_.lower()
    return (
        tok.pos_ == "NOUN"
        and tok.tag_ == "NN"
        and word not in ORGANISATION_WORDS
        and word not in ORGANISATION_NOUNS
    )


def _titled_people(text: str, doc: Doc, mentions: list[Mention]) -> None:
    """ "U.S. Defense Secretary Mark Esper": a person the dictionaries lack, named right after
    a coded title, is what the title says (rule ``context.titled_person``); named again by
    surname alone, the same. The matcher joins a title and the name after it only when the
    title ends in an agent ("Senator"); a title the actor dictionaries list whole ("Defense
    Secretary") stood apart, and the name took the story's country (Esper, in a story
    datelined Hanoi, was Vietnamese)."""
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    for title, person in pairwise(ordered):
        if person.label != "PERSON" or person.actor is not None or title.actor is None:
            continue
        if title.label == "PERSON" or title.via == "coreference" or title.inferred:
            continue
        if title.end > person.start or text[title.end : person.start].strip():
            continue
        words = expand_span(doc, title.start, title.end)
        if words is None or not len(words) or is_plural_word(words[-1]):
            continue  # "told police Jones got upset": the police, then Jones
        person.actor = title.actor
        person.via = "title"


def _add_untagged_surnames(doc: Doc, mentions: list[Mention], surnames: dict[str, Mention]) -> None:
    """A surname named again where the parser saw no name ("Reed refused to resign" after
    "Mayor Tom Reed"): a proper noun, outside every mention, spelled as the last word of an
    earlier full name, is that person."""
    if not surnames:
        return
    covered = [(m.start, m.end) for m in mentions]
    covered.sort()
    starts = [a for a, _ in covered]
    added: list[Mention] = []
    # The surnames' tokens, found on the doc's array (a Token for each word cost more).
    strings = doc.vocab.strings
    wanted = {strings.add(name) for name in surnames}
    orths = doc.to_array(ORTH).tolist() if len(doc) else []
    for i in (i for i, orth in enumerate(orths) if orth in wanted):
        tok = doc[i]
        earlier = surnames.get(tok.text)
        if earlier is None or tok.pos_ != "PROPN" or tok.idx < earlier.end:
            continue
        k = bisect_right(starts, tok.idx) - 1
        if k >= 0 and covered[k][1] > tok.idx:
            continue  # inside a mention already
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN":
            continue  # part of another name ("Reed Hastings")
        added.append(
            Mention(
                tok.idx,
                tok.idx + len(tok.text),
                tok.text,
                "PERSON",
                earlier.actor,
                via="dictionary:surname",
                antecedent=mentions.index(earlier),
                inferred=earlier.inferred,
            )
        )
    if added:
        mentions.extend(added)
        mentions.sort(key=lambda m: (m.start, -m.end))


def _make_inferred(country: str, agent: str, name: str) -> Actor:
    return Actor(code=country + agent, name=name, country=country, agents=(agent,) if agent else ())
