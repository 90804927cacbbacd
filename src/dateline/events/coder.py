"""The CAMEO coder on spaCy dependency parses (``dateline.coder.cameo.v1``).

PETRARCH's rules, read off the dependency parse instead of a constituency tree, with
CAMEO's own coding rules on top (unless ``settings.petrarch_compat``, or the verb
dictionary's codes are not CAMEO's: the validation set's WEIS-like codes). This module is
the per-article flow; each family of rules is its own module:

- ``candidates``: the verbs of a sentence found in the verb dictionary, and the flow that
  codes one verb (``code_sentence``, ``code_verb``);
- ``patterns``: the verb's block patterns matched on the words around it;
- ``roles`` and ``phrase_actors``: the source and target (subject, objects, passives,
  compounds, "between A and B", the actors of a noun phrase);
- ``modality``: negation, modals, conditionals, aims, wishes, denials, questions, and
  CAMEO's intent and refusal codes;
- ``nominal``: events carried by a noun (event nouns, light verbs, talks, dated truces);
  ``noun_acts``: acts of force told by a noun whose phrase names the actor ("Russia's
  annexation of Crimea");
- ``refine``: codes from what the verb's object or purpose says, reported obligations,
  and which of two coded verbs of a clause carries the act;
- ``legal``: acts of the police and courts (implied agents of agentless passives, legal
  charges, verdicts); ``evaluation``: criticism and praise voiced as an evaluation (also
  in a quotation, by its speaker); ``violence``: attacks made with words ("blasted her
  rival") are criticism, and force on a person outside war is assault (18x), not war;
  ``joined``: verbs joined by "and" that tell one act ("shot and killed") are one event;
- ``actors.context``: the story's country for agents and people with none;
- ``filter``: whether a candidate is an event at all, as its ``confidence``;
- ``context`` (after coding, in the pipeline): each event's date, place and reporting
  source; a meeting in a third country (044).

Here, per article: coreference is resolved, the dateline ("HANOI, Vietnam (AP) —") names
no actor, a question asserts no event, Phoenix's discard phrases drop a sentence (a past
detail only its own clause: ``_past_clause``) or the story, and "the talks" takes its other
party from talks coded earlier (``nominal.complete_from_earlier_talks``).

Every event records the rules that shaped it (``Event.rules``: "roles.subject",
"modality.negation", a party's own as "source:..." / "target:...") and the dictionary
entries behind it (``Event.entries``); ``dateline extract --explain`` prints them.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from ..actors.context import assign_story_country, infer_named_actors
from ..actors.coref import resolve_coreference
from ..actors.match import ActorMatcher, DiscardText
from ..model import Article, Event, Mention
from ..settings import Settings
from ..tokenspan import dateline_tokens, expand_span
from . import build
from .build import (
    CODER_ID,
    INFERRED_PARTIES_CONFIDENCE,
    add_rule,
    recode,
    register_text,
    span_text,
)
from .candidates import cameo_rules, code_sentence
from .evaluation import add_evaluations
from .filter import weigh_events
from .joined import merge_joined_verbs
from .legal import refine_legal_codes
from .lexicon import PERIOD_DISCARD_PHRASES, TIME_DISCARD_WORDS
from .modality import is_question
from .nominal import complete_from_earlier_talks, nominal_events
from .noun_acts import noun_acts
from .parties import MentionIndex
from .patterns import PatternIndex, names_a_source, sentence_words
from .roles import Roles
from .syntax import own_phrase
from .tokens import TokenTable, is_candidate
from .verbs import VerbDictionary
from .violence import refine_violence

__all__ = ["CODER_ID", "INFERRED_PARTIES_CONFIDENCE", "code_events", "code_sentence", "recode"]

# Names tests and callers import from here, kept importable after the split into modules.
_DOC_TEXTS = build._DOC_TEXTS
_TokenTable = TokenTable
_PatternIndex = PatternIndex
_sentence_words = sentence_words
_names_a_source = names_a_source
_is_candidate = is_candidate
_register_text = register_text
_span_text = span_text


def _article_date(article: Article) -> date | None:
    return article.published.as_date() if article.published else None


def code_events(
    article: Article,
    doc: Doc,
    mentions: list[Mention],
    verbs: VerbDictionary,
    actors: ActorMatcher,
    settings: Settings,
) -> list[Event]:
    """Code the events of every sentence; ids ``e1``, ``e2``, ... in text order.

    Tests: ``test_seed_article_core_events``, ``test_coder_drops_discarded_sentences``,
    ``test_the_seed_traces_coreference_inferred_parties_and_context``.
    """
    when = _article_date(article)
    register_text(doc, article.text)
    towns: dict[str, tuple[str, str]] = {}
    if getattr(settings, "infer_actors", False) and not settings.petrarch_compat:
        towns = infer_named_actors(article, doc, mentions)
    resolve_coreference(article, doc, mentions)
    dateline = dateline_tokens(article, doc)
    index = MentionIndex(doc, mentions, dateline)
    new_actor_length = getattr(settings, "new_actor_length", 0)
    roles = Roles(index, actors, when, new_actor_length)
    roles.dateline = dateline
    events: list[Event] = []
    discards: DiscardText | None = None  # the text read once, when first needed
    cameo = cameo_rules(settings, verbs)
    for sent in doc.sents:
        # Only sentences with an actor can carry an event (unless new actors are allowed),
        # but for a truce between the parties of the paragraph (``nominal_events``).
        named = bool(new_actor_length) or index.any_in(sent)
        if not named and not (cameo and events):
            continue
        found = code_sentence(sent, article, index, verbs, roles, settings) if named else []
        if cameo:
            found.extend(nominal_events(sent, roles, settings, found, events))
            found.extend(noun_acts(sent, roles, found))
            if found and is_question(sent):
                # "Will China invade Taiwan?": a question asserts no event.
                for event in found:
                    event.hypothetical = True
                    add_rule(event, "modality.is_question")
        # Discards are looked up only where there is something to discard (they are costly).
        if not found:
            continue
        if discards is None:
            # The doc is the article's text parsed: its sentences' offsets are the text's.
            discards = actors.discards_in(article.text, when)
        discard = discards.find(sent.start_char, sent.end_char)
        if discard is None:
            events.extend(found)
        elif cameo_rules(settings, verbs) and _is_time_discard(discard.phrase):
            # A past date is no reason to drop an act the article asserts ("was convicted
            # in 2004", "whom it detained in 1988"): the act is kept, and the date its own
            # clause gives is its date (``events/dates``). PETRARCH drops the sentence.
            for event in found:
                if _past_clause(doc, event, actors, when):
                    add_rule(event, "coder.past_clause")
            events.extend(found)
    if events:
        assert discards is not None  # read for the sentences that gave the events
        if discards.find(story=True) is not None:
            return []
    events.sort(key=lambda e: (e.sentence.start, e.trigger.start))
    if not settings.petrarch_compat:
        complete_from_earlier_talks(doc, events)
        # Issue 10: acts of the police and courts, criticism and praise voiced as an
        # evaluation, the story's country for agents with none, and the event filter.
        refine_legal_codes(doc, events)
        refine_violence(doc, events)
        # After the legal and violence codes: "arrested and charged" tell one act only once
        # the charge is read as the legal act it is (173).
        merge_joined_verbs(doc, events)
        add_evaluations(article, doc, mentions, events)
        assign_story_country(article, doc, mentions, events, towns)
        weigh_events(article, doc, events)
    for number, event in enumerate(events, start=1):
        event.id = f"e{number}"
    return events


def _is_time_discard(phrase: str) -> bool:
    """A discard phrase that dates a reference to the past ("1988", "WEEKS AGO", "WORLD WAR
    II").

    Tests: ``test_coder_keeps_an_event_dated_weeks_ago_with_its_date``,
    ``test_coder_keeps_an_act_of_a_clause_dated_in_the_past_and_traces_it``.
    """
    words = phrase.split()
    return bool(words) and (
        phrase.isdigit()
        or words[-1] in TIME_DISCARD_WORDS
        or any(period in phrase for period in PERIOD_DISCARD_PHRASES)
    )


def _past_clause(doc: Doc, event: Event, actors: ActorMatcher, when: date | None) -> bool:
    """Whether the event's own clause holds a discard phrase.

    Phoenix's time discards ("1988", "weeks ago") mark a historical reference. PETRARCH drops
    the whole sentence. The project's coding guidelines code every act the article asserts
    as having happened, in the past too: an act in a clause so dated is kept, traced with
    this rule, and dated by its clause; a past detail in a relative or adverbial clause
    ("will release the minister, whom they took hostage two weeks ago") does not date the
    main event.

    Rule ``coder.past_clause`` (on the events of a dated clause). Tests:
    ``test_coder_keeps_an_act_of_a_clause_dated_in_the_past_and_traces_it``,
    ``test_coder_dates_only_the_clause_that_names_a_past_war``,
    ``test_coder_keeps_an_act_whose_date_phrase_qualifies_a_noun``.
    """
    span = expand_span(doc, event.trigger.start, event.trigger.end)
    if span is None:
        return True
    # A date in a noun's own prepositional phrase ("an investigation of arms sales in the
    # 1990s") dates that noun, not the act ("ordered X to appear for questioning in ...").
    phrase = own_phrase(span[0])
    inside_noun = {
        t.i
        for p in phrase
        if p.dep_ == "prep" and p.head.pos_ in ("NOUN", "PROPN")
        for t in p.subtree
    }
    words = " ".join(t.text for t in phrase if t.i not in inside_noun)
    return actors.find_discard(words, when=when) is not None
