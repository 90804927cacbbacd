"""The coded actors of a sentence: the mention index the coder reads them from, and parties.

A party is an actor as an event holds it: a CAMEO code and the characters it was read from.
The rule families (``roles``, ``phrase_actors``, ``nominal`` ...) find parties; this module
only says what one is and how compound codes are shared out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..model import EventActor, Mention
from ..tokenspan import token_bounds


@dataclass(frozen=True, slots=True)
class Party:
    """A coded actor in a sentence: its code and the characters it was read from.

    ``rules`` (the rules that found it) and ``entries`` (the actor dictionary entries behind
    its code) explain it (``Event.rules``, ``Event.entries``); they are not part of its
    identity: two parties with the same code and span are the same party."""

    code: str
    start: int
    end: int
    text: str
    rules: tuple[str, ...] = field(default=(), compare=False)
    entries: tuple[str, ...] = field(default=(), compare=False)

    def event_actor(self) -> EventActor:
        """The party as an event's source or target."""
        return EventActor(self.code, self.text, self.start, self.end)

    def traced(self, rule: str) -> Party:
        """The same party, found by ``rule`` (which asked the rules it already names: the
        outer rule comes first, "roles.subject" before "phrase_actors.code_phrase")."""
        if rule in self.rules:
            return self
        return Party(self.code, self.start, self.end, self.text, (rule, *self.rules), self.entries)

    def recoded(self, code: str, rule: str, entries: tuple[str, ...] = ()) -> Party:
        """The party with another code, which ``rule`` then gave it (from ``entries``)."""
        more = tuple(e for e in entries if e not in self.entries)
        rules = (*self.rules, rule)
        return Party(code, self.start, self.end, self.text, rules, self.entries + more)


def traced(parties: Iterable[Party], rule: str) -> list[Party]:
    """``parties``, each found by ``rule`` too."""
    return [p.traced(rule) for p in parties]


class MentionIndex:
    """Token index -> the actor mention covering it, for one document."""

    def __init__(
        self, doc: Doc, mentions: Sequence[Mention], skip: frozenset[int] = frozenset()
    ) -> None:
        self.by_token: dict[int, Mention] = {}
        self.agents: set[int] = set()
        bounds = token_bounds(doc)
        for mention in mentions:
            # A span's token indices are read as a range (each Token object costs).
            if mention.actor is None or not mention.actor.code:
                if mention.via == "agent":
                    agent = bounds.tokens(mention.start, mention.end)
                    if agent is not None:
                        self.agents.update(agent)
                continue
            tokens = bounds.tokens(mention.start, mention.end)
            if tokens is None:
                continue
            if skip and not skip.isdisjoint(tokens):
                continue  # the dateline ("HANOI, Vietnam (AP) —") names no actor
            for i in tokens:
                old = self.by_token.get(i)
                # The longest mention wins a token ("Iraqi insurgents" over "Iraqi"); a
                # resolved description beats the bare agent it was ("the insurgents").
                if old is None or mention_rank(old) < mention_rank(mention):
                    self.by_token[i] = mention

    def at(self, tok: Token) -> Mention | None:
        """The mention covering ``tok``, if any."""
        return self.by_token.get(tok.i)

    def agent_at(self, tok: Token) -> bool:
        """Whether an agent word without an actor ("officials") covers the token."""
        return tok.i in self.agents

    def any_in(self, span: Span) -> bool:
        """Whether any token of ``span`` is covered by a mention."""
        return any(i in self.by_token for i in range(span.start, span.end))


def mention_rank(mention: Mention) -> tuple[int, bool]:
    """How strongly a mention claims its tokens: its length, then a resolved actor."""
    agent_only = mention.actor is None or mention.actor.code.startswith("---")
    return mention.end - mention.start, not agent_only


def party_of(mention: Mention) -> Party:
    """The party a resolved mention names (a mention not read from the dictionary, such as
    one resolved by coreference, says how: ``mention.coreference``)."""
    assert mention.actor is not None  # MentionIndex keeps only resolved mentions
    rules = () if mention.via == "dictionary" else (f"mention.{mention.via}",)
    entries = (mention.actor.name,) if mention.actor.name else ()
    return Party(mention.actor.code, mention.start, mention.end, mention.text, rules, entries)


# Three-letter CAMEO codes that are sectors, not countries.
# The country part of an agent's code when no country is known ("---COP").
NO_COUNTRY = "---"
NOT_COUNTRIES = frozenset({"IGO", "NGO", "MNC", "IMG", "UIS", "REB", "INS", "MOD", "RAD"})


def is_country(code: str) -> bool:
    """A bare three-letter code (a country, or a sector such as IGO: see NOT_COUNTRIES)."""
    return len(code) == 3 and code.isalpha() and code.isupper()


def agents_of(code: str) -> set[str]:
    """The three-letter agent codes after an actor code's country ("USAGOVMIL" -> GOV, MIL)."""
    rest = code[3:]
    return {rest[i : i + 3] for i in range(0, len(rest), 3)}


def all_countries(code: str) -> bool:
    """A country code, or a compound code of countries ("FRO/BIL/SAM")."""
    return all(is_country(part) for part in code.split("/"))


def agent_suffix(code: str, countries: list[Party]) -> str | None:
    """The agent part of ``code`` when it can be shared out over ``countries``."""
    if code.startswith("---") and len(code) > 3:
        return code[3:]
    for country in countries:
        if code.startswith(country.code):
            return code[3:]
    return None


def split_parties(parties: Iterable[Party]) -> list[Party]:
    """Compound codes ("FRO/BIL/SAM") as one party per actor."""
    out: list[Party] = []
    for party in parties:
        if "/" not in party.code:
            if party.code and party not in out:
                out.append(party)
            continue
        for code in party.code.split("/"):
            if code:
                p = party.recoded(code, "parties.split_compound")
                if p not in out:
                    out.append(p)
    return out


def one_party(source: Party, target: Party) -> bool:
    """Whether two parties of an act are one: the same code, and a country itself, or one
    phrase, or the same words. Agents of one country are many ("the mayor met the
    governor" is USAGOV with USAGOV, two people)."""
    if source.code != target.code:
        return False
    if len(source.code) <= 3:
        return True
    overlap = source.start < target.end and target.start < source.end
    return overlap or source.text.lower() == target.text.lower()
