"""PETRARCH's country + agent rule: the dictionary matches of one noun phrase, one code.

An actor and the agents next to it in one noun phrase ("Iraqi insurgents", "the US
ambassador", "the Iraqi foreign minister", "a senior US Army commander"), or an agent
followed by "of"/"from" + actor ("the government of Iraq"), make one mention whose code is
the actor's code with the agents' codes added (``~GOV`` after it, ``NGO~`` before it, never
twice): IRQ + REB -> IRQREB. An agent with no actor gets ``---`` + agent ("police" ->
``---COP``), as PETRARCH writes it. "Former" / "ex-" makes the agents elites (ELI). A
person's own dated role beats the title before the name ("US Ambassador Zalmay Khalilzad"
is USAELI in 2004). Coordinated modifiers and heads share the other conjunct's part of the
code ("US and British forces": USAMIL; "Danish media and government": DNKGOV).

Tests (``tests/test_actors_match.py``): ``test_country_and_agent_merge_into_one_code``,
``test_coordinated_heads_and_modifiers_share_country_and_agent``,
``test_former_office_holders_are_elites``, ``test_agent_of_coordinated_countries_is_shared``,
``test_title_before_a_dictionary_person_keeps_the_persons_dated_role``,
``test_a_country_before_a_titled_dictionary_name_is_one_mention``,
``test_compound_actor_takes_the_agent_on_every_part``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from ..model import Actor
from .codes import add_agents, as_date, dedupe, make_actor
from .dictionaries import ActorRole, split_compound
from .modifiers import AGENT_OF_PREPOSITIONS, COORDINATORS, FORMER_AGENT, FORMER_MARKERS

if TYPE_CHECKING:
    from .match import ActorMatcher


# Tokens that may stand between an actor and its agent in one noun phrase.
_BRIDGE_POS = frozenset({"ADJ", "NOUN", "PROPN", "DET", "NUM"})
_BRIDGE_MAX = 3


@dataclass(frozen=True, slots=True)
class ActorMatch:
    """A dictionary phrase found in the text: tokens ``start:end`` of the doc."""

    start: int
    end: int
    actor: int = -1  # index into ActorMatcher.actors, or -1
    agent: int = -1  # index into ActorMatcher.agents, or -1


def group_code(
    matcher: ActorMatcher, group: list[ActorMatch], when: date | None, former: bool = False
) -> tuple[Actor | None, bool, bool]:
    """(actor, undated, has_actor) for a group of matches forming one noun phrase.

    ``former``: the phrase says "former" / "ex-": its agents become ELI (elites).
    """
    base: Actor | None = None
    undated = False
    unresolved = False
    named_last = False  # the phrase ends with an actor that has a role on the date
    suffixes: list[str] = []
    prefixes: list[str] = []
    names: list[str] = []
    for m in group:
        if m.actor >= 0:
            # With a title between two actors ("Iraqi Prime Minister Nouri al-Maliki"),
            # the last one, the person, is the phrase's actor.
            resolved, was_undated = matcher.resolve(m.actor, when)
            if resolved is not None:
                base, undated = resolved, was_undated
                named_last = m is group[-1]
            else:
                # No role on this date: the rest of the phrase still says something
                # ("British Foreign Secretary Jack Straw" outside Straw's dates: GBRGOV).
                unresolved = True
        else:
            agent = matcher.agents[m.agent]
            (prefixes if agent.prefix else suffixes).append(agent.code)
            names.append(" ".join(agent.phrase.replace("_", " ").split()).lower())
    if former and suffixes:
        suffixes = [FORMER_AGENT]
    if base is not None and base.agents and named_last and len(group) > 1:
        # A person's own dated role beats the title before the name: "US Ambassador
        # Zalmay Khalilzad" is USAELI in 2004, not USAGOV.
        return base, undated, True
    if base is None:
        if not suffixes and not prefixes:
            return None, False, unresolved
        # An agent alone: "---" + agent, as PETRARCH writes it (NGO~ agents need no "---").
        code = "".join(dedupe(prefixes)) or "---"
        code += "".join(dedupe(suffixes))
        return make_actor(code, " ".join(names)), False, False
    if not suffixes and not prefixes:
        return base, undated, True
    parts = [add_agents(part, prefixes, suffixes) for part in split_compound(base.code)]
    code = "/".join(parts)
    actor = make_actor(
        code,
        base.name,
        ActorRole(code, as_date(base.valid_from), as_date(base.valid_until)),
    )
    return actor, undated, True


def phrase_groups(
    matcher: ActorMatcher, matches: list[ActorMatch], doc: Doc
) -> list[list[ActorMatch]]:
    """Matches that form one noun phrase: an actor with the agents around it."""
    groups: list[list[ActorMatch]] = []
    for m in matches:
        if groups and _joins(matcher, groups[-1], m, doc):
            groups[-1].append(m)
        else:
            groups.append([m])
    return groups


def _joins(matcher: ActorMatcher, group: list[ActorMatch], m: ActorMatch, doc: Doc) -> bool:
    last = group[-1]
    if m.actor >= 0 and any(g.actor >= 0 for g in group):
        # Two actors make two mentions, except a title right before a name: "Prime
        # Minister Telemar" (the name's actor takes the title's agent when it has none),
        # and a country before a name of its own that holds a title ("Chinese" +
        # "President Xi Jinping", a dictionary phrase): the person is the phrase's actor.
        if m.start != last.end:
            return False
        return last.agent >= 0 or (len(group) == 1 and _country_of_name(matcher, last, m, doc))
    if doc.has_annotation("SENT_START") and any(
        t.is_sent_start for t in doc[last.start + 1 : m.start + 1]
    ):
        return False
    between = doc[last.end : m.start]
    if len(between) <= _BRIDGE_MAX and all(
        t.pos_ in _BRIDGE_POS or t.tag_ == "POS" for t in between
    ):
        # "Iraqi insurgents", "US Army commander", "the US side"; only when the right
        # part is the head or a modifier of the same phrase.
        return True
    # "the government of Iraq", "insurgents from Iraq": agent + of/from + actor.
    if m.actor >= 0 and all(g.actor < 0 for g in group) and len(between) <= 3:
        root = doc[m.start : m.end].root
        prep = root.head
        return (
            root.dep_ == "pobj"
            and prep.lower_ in AGENT_OF_PREPOSITIONS
            and last.start <= prep.head.i < last.end
        )
    return False


def _country_of_name(
    matcher: ActorMatcher, country: ActorMatch, name: ActorMatch, doc: Doc
) -> bool:
    """Whether ``country`` (a bare country code) modifies ``name``, whose every role is
    of that country ("Chinese President Xi Jinping"; not "the Israel Hamas war")."""
    if doc[country.end - 1].head.i not in range(name.start, name.end):
        return False
    codes = {r.code for r in matcher.actor_entry(country.actor).roles}
    if len(codes) != 1:
        return False
    (code,) = codes
    roles = matcher.actor_entry(name.actor).roles
    return (
        len(code) == 3
        and bool(roles)
        and all(r.code.startswith(code) and len(r.code) > 3 for r in roles)
    )


def share_across_coordination(
    matcher: ActorMatcher,
    groups: list[list[ActorMatch]],
    codes: list[tuple[Actor | None, bool, bool]],
    doc: Doc,
    when: date | None,
) -> None:
    """Coordinated modifiers and heads share the other conjunct's part of the code.

    "US and British forces": the bare "US" takes the agent of "British forces" (USAMIL);
    "Danish media and government": the bare agent takes the country of "Danish media"
    (DNKGOV). Only across "and"/"or"/"," and along the parse's coordination.
    """
    for k in range(len(groups)):
        group = groups[k]
        bare_actor = all(m.actor >= 0 for m in group)
        bare_agent = all(m.agent >= 0 for m in group)
        if bare_actor and k + 1 < len(groups):
            nxt = groups[k + 1]
            agents = [m for m in nxt if m.agent >= 0]
            if agents and any(m.actor >= 0 for m in nxt) and _modifier_of(group, nxt, doc):
                codes[k] = group_code(matcher, group + agents, when, says_former(nxt, doc))
                continue
        if bare_actor and k > 0:
            # "the ambassadors of Arnor, Osgiliath and Gondor": each country takes the
            # agent of the phrase it is coordinated into.
            owner = _agent_of_group(group, groups[:k], doc)
            if owner is not None:
                agents = [m for m in owner if m.agent >= 0]
                codes[k] = group_code(matcher, group + agents, when, says_former(owner, doc))
        elif bare_agent and k > 0:
            prev = groups[k - 1]
            owners = [m for m in prev if m.actor >= 0]
            if owners and len(prev) > 1 and _conjunct_of(group, prev, doc):
                # "the Danish Islamist media and government": the modifiers' agents
                # (Islamist: MUS) are shared too, not the head's (media: MED).
                shared = [m for m in prev[:-1] if m.agent >= 0 and m.start < prev[-1].start]
                codes[k] = group_code(
                    matcher, owners + shared + group, when, says_former(group, doc)
                )


def says_former(group: list[ActorMatch], doc: Doc) -> bool:
    """Whether "former" / "ex-" modifies the phrase (from the word before it to its end)."""
    start = max(0, group[0].start - 1)
    return any(t.lower_ in FORMER_MARKERS for t in doc[start : group[-1].end])


def _agent_of_group(
    group: list[ActorMatch], earlier: list[list[ActorMatch]], doc: Doc
) -> list[ActorMatch] | None:
    """The earlier "agent of X" group whose X this bare actor is coordinated with."""
    token = doc[group[0].start : group[-1].end].root
    steps = 0
    while token.dep_ == "conj" and token.head.i != token.i and steps < 8:
        token = token.head
        steps += 1
    if steps == 0:
        return None
    for g in reversed(earlier):
        if g[0].start <= token.i < g[-1].end:
            if g[0].agent < 0:
                return None
            # Only "agent of/from X": the X of the group hangs on that preposition.
            for m in g:
                if m.actor >= 0:
                    root = doc[m.start : m.end].root
                    if root.dep_ == "pobj" and root.head.lower_ in AGENT_OF_PREPOSITIONS:
                        return g
            return None
    return None


def _only_coordination(tokens: Span) -> bool:
    return 0 < len(tokens) <= 2 and all(t.dep_ == "cc" or t.lower_ in COORDINATORS for t in tokens)


def _modifier_of(group: list[ActorMatch], nxt: list[ActorMatch], doc: Doc) -> bool:
    """``group`` modifies the head of ``nxt`` across a coordination ("US and British forces")."""
    if not _only_coordination(doc[group[-1].end : nxt[0].start]):
        return False
    root = doc[group[0].start : group[-1].end].root
    inside = range(nxt[0].start, nxt[-1].end)
    return root.dep_ in ("nmod", "compound", "amod") and root.head.i in inside


def _conjunct_of(group: list[ActorMatch], prev: list[ActorMatch], doc: Doc) -> bool:
    """``group`` is a bare head coordinated with the head of ``prev`` ("media and government")."""
    if not _only_coordination(doc[prev[-1].end : group[0].start]):
        return False
    root = doc[group[0].start : group[-1].end].root
    if any(c.dep_ in ("det", "poss") for c in root.children):
        return False
    return root.dep_ == "conj" and prev[0].start <= root.head.i < prev[-1].end
