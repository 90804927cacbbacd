"""Mention assembly: an article's actor mentions from the matcher's phrases and spaCy's names.

Dictionary matches, merged into country + agent phrases (``combine.py``), come first; a
title and the name it heads make one mention ("President Vojislav Kostunica"); a person
named again by surname alone is the same actor ("ambassador Khalilzad" after "Zalmay
Khalilzad"); a title or address before a surname only one dictionary person bears, in an
article that names that person's country, is that person ("President Mugabe", "Mr.
Mugabe"). Named entities (PERSON, ORG, NORP, GPE) that no dictionary phrase covers are added
with no actor, for the quotation and coreference stages.

Tests (``tests/test_actors_match.py``): ``test_surname_alone_refers_back_to_the_full_name``,
``test_title_before_an_unknown_name_covers_the_name``,
``test_a_title_and_a_unique_surname_name_the_dictionary_person``,
``test_person_outside_their_dates_leaves_the_title_to_speak``.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from ..model import Actor, Article, Mention
from .combine import (
    group_code,
    phrase_groups,
    says_former,
    share_across_coordination,
)
from .compiled import match_key
from .modifiers import HONORIFICS
from .names import is_plural_word, plausible_matches

if TYPE_CHECKING:
    from .match import ActorMatcher


_NER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def find_mentions(matcher: ActorMatcher, article: Article, doc: Doc) -> list[Mention]:
    """Every actor mention of the article, with its actor resolved for the article's date.

    Dictionary matches (merged into country + agent phrases) come first; named entities
    (PERSON, ORG, NORP, GPE) that no dictionary phrase covers are added with no actor, so
    that quotation and coreference stages can use them. Sorted by position.
    """
    when = article.published.as_date() if article.published else None
    # The doc itself, not list(doc): tokens are made only where a phrase may start.
    matches = matcher.match_tokens(doc, matcher.doc_keys(doc))
    matches = plausible_matches(matches, doc)
    mentions: list[Mention] = []
    covered: set[int] = set()
    ents = doc.ents  # each access builds the spans anew
    ents_by_span = {(e.start, e.end): e.label_ for e in ents}
    matched = {i for m in matches for i in range(m.start, m.end)}
    persons = {
        e.start: e
        for e in ents
        if e.label_ == "PERSON" and not matched.intersection(range(e.start, e.end))
    }
    surnames: dict[str, int] = {}
    groups = phrase_groups(matcher, matches, doc)
    codes = [group_code(matcher, g, when, says_former(g, doc)) for g in groups]
    countries = {a.country for a, _u, _h in codes if a is not None and a.country}
    share_across_coordination(matcher, groups, codes, doc, when)
    for group, (actor, undated, has_actor) in zip(groups, codes, strict=True):
        start, end = group[0].start, group[-1].end
        # A title heads the name after it ("Officer Jane Doe"); a plural agent word
        # does not ("told police Jones got upset": the police, then Jones).
        title = doc[end - 1]
        titled = group[-1].agent >= 0 and not is_plural_word(title)
        name = persons.get(end) if titled else None
        if name is not None and not covered.intersection(range(name.start, name.end)):
            end = name.end  # a title and the name it heads: "President Vojislav Kostunica"
        span = doc[start:end]
        label = ents_by_span.get((start, end)) or ("ACTOR" if has_actor else "AGENT")
        via = "dictionary" if has_actor else "agent"
        if undated:
            via = "dictionary:undated"
        antecedent = None
        if name is not None and not has_actor:
            # "ambassador Khalilzad" after "Zalmay Khalilzad": the person's actor.
            antecedent = surnames.get(match_key(doc[end - 1].text))
            if antecedent is not None:
                actor, via = mentions[antecedent].actor, "dictionary:surname"
            elif len(name) == 1:
                # "President Mugabe": a title and a surname only one person of the
                # dictionary bears on the article's date.
                person = _titled_person(matcher, match_key(name.text), when, countries)
                if person is not None:
                    actor, via = person, "dictionary:surname"
        elif name is None and not has_actor:
            # "President Mugabe's government": the titled person owns the phrase.
            for m in group[:-1]:
                inner = persons.get(m.end)
                if m.agent >= 0 and inner is not None and len(inner) == 1:
                    person = _titled_person(matcher, match_key(inner.text), when, countries)
                    if person is not None:
                        actor, via = person, "dictionary:surname"
                    break
        if actor is not None and (label == "PERSON" or name is not None) and end - start > 1:
            surnames[match_key(doc[end - 1].text)] = len(mentions)
        mentions.append(
            Mention(
                span.start_char,
                span.end_char,
                span.text,
                label,
                actor,
                via=via,
                antecedent=antecedent,
            )
        )
        covered.update(range(start, end))
    # A person named again by surname ("ambassador Khalilzad" after "Zalmay Khalilzad")
    # is the same actor: link it to the last full-name mention before it.
    for ent in ents:
        if ent.label_ not in _NER_LABELS or covered.intersection(range(ent.start, ent.end)):
            continue
        antecedent = surnames.get(match_key(ent.text)) if ent.label_ == "PERSON" else None
        if antecedent is not None and mentions[antecedent].start < ent.start_char:
            mentions.append(
                Mention(
                    ent.start_char,
                    ent.end_char,
                    ent.text,
                    ent.label_,
                    mentions[antecedent].actor,
                    via="dictionary:surname",
                    antecedent=antecedent,
                )
            )
        else:
            person = _addressed_person(matcher, ent, doc, when, countries)
            mention = Mention(ent.start_char, ent.end_char, ent.text, ent.label_, person)
            if person is not None:
                # Later mentions of the surname alone refer to this one.
                surnames[match_key(ent.text)] = len(mentions)
                mention.via = "dictionary:surname"
            mentions.append(mention)
    order = sorted(range(len(mentions)), key=lambda i: (mentions[i].start, -mentions[i].end))
    new_index = {old: new for new, old in enumerate(order)}
    result = [mentions[i] for i in order]
    for mention in result:
        if mention.antecedent is not None:
            mention.antecedent = new_index[mention.antecedent]
    return result


def _addressed_person(
    matcher: ActorMatcher, ent: Span, doc: Doc, when: date | None, countries: set[str]
) -> Actor | None:
    """ "Mr. Mugabe": a one-word PERSON after a title of address is the one dictionary
    person of that surname, when the article names that person's country elsewhere."""
    if ent.label_ != "PERSON" or len(ent) != 1 or ent.start == 0:
        return None
    if match_key(doc[ent.start - 1].text) not in HONORIFICS:
        return None
    return _titled_person(matcher, match_key(ent.text), when, countries)


def _titled_person(
    matcher: ActorMatcher, key: str, when: date | None, countries: set[str]
) -> Actor | None:
    """The dictionary person of a titled surname, when the article names that person's
    country (a unique surname of the dictionary may still be someone else's: "Governor
    Richardson" in news of a US state is not Australia's Dennis Richardson)."""
    person = matcher.surname_actor(key, when)
    if person is None or (person.country is not None and person.country not in countries):
        return None
    return person
