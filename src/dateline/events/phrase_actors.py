"""The actors of a noun phrase: one party per conjunct, as PETRARCH reads a phrase.

``PhraseActors.parties(head)`` answers for the noun phrase headed by ``head``. Its rules:

- ``_coordinated_modifier``: "Colombia's government and FARC rebels signed": a parse that
  hangs the first actor on the second's head still gives both
  (``test_coder_reads_two_actors_the_parser_nested_and_leaves_out_the_venue``);
- ``_listed`` / ``_one_per_phrase``: list items parsed as appositions are items ("Evil
  Mordor, the awful Fornost, and Gondor"), and one noun phrase names one actor, its first
  ("the evil B awful C");
- ``_agents_in_places`` / ``_shared_countries``: agents listed before a phrase of places
  are those agents of each place ("lawmakers and officials in A and B"; "Senior Hungarian
  and Romanian officials"); an agent over coordinated countries is shared out ("the
  ambassadors of A, B and C");
- ``_place_after``: "Ithilen's sheep and goats of Gondor": the "of" phrase belongs to the
  item just before it;
- ``_agentive``: a subject must be able to act ("the formation of the government" is not the
  government acting);
- ``_spoken_for``: "a spokesperson for the Foreign Office" speaks as the office;
- ``_enrich``: a bare country or agent completed from the phrase's modifiers ("Gondor's
  government", "demonstrators in Baghdad");
- ``_code_phrase``: the actor matcher's code for the whole phrase ("Soldiers from Gondor");
- ``_party_of``: the phrase's own code, else the nearest actor to its head, breadth first
  ("representatives from the Iraqi insurgency", "ties with Gondor"), else ``_new_actor``
  (PETRARCH's ``new_actor_length``).

The answers are kept for the document: every verb of a sentence asks about the same phrases.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Token

from ..actors.match import ActorMatcher
from .build import doc_text, span_text
from .lexicon import (
    AGENTIVE_EVENT_NOUNS,
    COLLECTIVE_NOUNS,
    JOINT_NOUNS,
    PLACING_PARTICIPLES,
    SPOKES_NOUNS,
)
from .parties import (
    NOT_COUNTRIES,
    MentionIndex,
    Party,
    agent_suffix,
    all_countries,
    is_country,
    mention_rank,
    party_of,
    split_parties,
    traced,
)
from .syntax import coordinated_heads, unseparated
from .tokens import TokenTable


class PhraseActors:
    """Finds the actors of noun phrases on the parse (see the module's rules)."""

    def __init__(
        self,
        mentions: MentionIndex,
        actors: ActorMatcher,
        when: date | None,
        new_actor_length: int,
    ) -> None:
        self.mentions = mentions
        self.actors = actors
        self.when = when
        self.new_actor_length = new_actor_length
        self.dateline: frozenset[int] = frozenset()  # tokens of the article's dateline
        self._parties: dict[tuple[int, bool, frozenset[int]], list[Party]] = {}
        self._table: TokenTable | None = None

    def token_table(self, doc: Doc) -> TokenTable:
        """The document's token table, read when first asked for."""
        if self._table is None:
            self._table = TokenTable(doc)
        return self._table

    def parties(
        self, head: Token, *, exclude: set[int] | None = None, subject: bool = False
    ) -> list[Party]:
        """The actors of the noun phrase headed by ``head``, one per conjunct.

        An agent over coordinated countries is shared out: "the ambassadors of A, B and C"
        gives AGOV, BGOV and CGOV; "lawmakers and officials in A and B" four actors.
        The answer is kept for the document: the same phrase is asked about by every verb.
        """
        key = (head.i, subject, frozenset(exclude) if exclude else frozenset())
        cached = self._parties.get(key)
        if cached is None:
            cached = self._parties[key] = self._find_parties(head, exclude, subject)
        return list(cached)

    def _find_parties(self, head: Token, exclude: set[int] | None, subject: bool) -> list[Party]:
        misparsed = self._coordinated_modifier(head)
        if misparsed:
            return split_parties(traced(misparsed, "phrase_actors.coordinated_modifier"))
        out: list[Party] = []
        conjuncts = self._listed(coordinated_heads(head))
        split = self._agents_in_places(conjuncts)
        if split is not None:
            conjuncts, countries = split
            shared_by = "phrase_actors.agents_in_places"
        else:
            countries = self._shared_countries(conjuncts)
            shared_by = "phrase_actors.shared_countries"
        for conj in conjuncts:
            party = self._place_after(conj, conjuncts)
            if party is None:
                if subject and not self._agentive(conj):
                    continue
                party = self._party_of(conj, exclude or set())
            if party is None:
                continue
            suffix = agent_suffix(party.code, countries)
            if countries and suffix is not None:
                for country in countries:
                    shared = party.recoded(country.code + suffix, shared_by, country.entries)
                    if shared not in out:
                        out.append(shared)
            elif party not in out:
                out.append(party)
        return split_parties(out)

    def _coordinated_modifier(self, head: Token) -> list[Party]:
        """ "Colombia's government and FARC rebels signed": the parser may hang the first
        of two coordinated actors on the second's head as a modifier, with the "and" and
        the second's first word under it. Both actors, then.

        Rule ``phrase_actors.coordinated_modifier``. Tests:
        ``test_coder_reads_two_actors_the_parser_nested_and_leaves_out_the_venue``.
        """
        head_mention = self.mentions.at(head)
        if head_mention is None or head_mention.actor is None:
            return []
        for mod in head.children:
            if mod.i > head.i or mod.dep_ not in ("nmod", "compound", "amod", "poss"):
                continue
            if not any(c.dep_ == "cc" and c.lower_ == "and" for c in mod.children):
                continue
            first = self.mentions.at(mod)
            if first is None or first is head_mention or first.actor is None:
                continue
            if any(c.dep_ == "conj" and self.mentions.at(c) is head_mention for c in mod.children):
                return [party_of(first), party_of(head_mention)]
        return []

    def _place_after(self, conj: Token, conjuncts: list[Token]) -> Party | None:
        """ "Ithilen's sheep and goats of Gondor": the parse may hang the "of" phrase on the
        first item, which has its own actor before it; the phrase belongs to the item just
        before it, an item without an actor of its own (people of a place act as it).

        Rule ``phrase_actors.place_after``. Tests:
        ``test_coder_gives_a_trailing_place_to_the_listed_item_next_to_it``.
        """
        first = conjuncts[0]
        if conj.i == first.i or conj.i < first.i or self.mentions.at(conj) is not None:
            return None
        if conj.tag_ not in ("NNS", "NNPS") or conj.lemma_.lower() in JOINT_NOUNS:
            return None
        if not any(
            self.mentions.at(t) is not None
            for c in first.children
            if c.i < first.i
            for t in c.subtree
        ):
            return None
        for prep in first.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "from", "in") or prep.i < conj.i:
                continue
            if any(conj.i < c.i < prep.i for c in conjuncts):
                continue  # another item stands nearer the phrase
            for obj in prep.children:
                mention = self.mentions.at(obj) if obj.dep_ == "pobj" else None
                if mention is not None and mention.actor is not None:
                    return party_of(mention).traced("phrase_actors.place_after")
        return None

    def _agentive(self, head: Token) -> bool:
        """Whether a subject's head can act: a name, a pronoun, an actor or agent word, or a
        group ("representatives of", "a group of"); "the formation of the government" is
        not the government acting.

        Tests: ``test_coder_takes_people_of_a_place_as_its_actor``,
        ``test_coder_non_actor_conjunct_does_not_block_the_actor_conjunct``.
        """
        if head.pos_ in ("PROPN", "PRON") or self.new_actor_length > 0:
            return True
        if head.lemma_.lower() in COLLECTIVE_NOUNS | AGENTIVE_EVENT_NOUNS:
            return True
        for tok in [head, *(c for c in head.children if c.i < head.i)]:
            for t in tok.subtree if tok.i != head.i else (head,):
                if self.mentions.at(t) is not None or self.mentions.agent_at(t):
                    return True
        # People of a place act as it ("goats of Gondor", "residents of Gaza"): a plural
        # head with an actor in its of/from/in phrase; not a joint activity ("talks of").
        if head.tag_ == "NNS" and head.lemma_.lower() not in JOINT_NOUNS:
            for prep in head.children:
                if (
                    prep.dep_ == "prep"
                    and prep.lower_ in ("of", "from", "in")
                    and any(self.mentions.at(o) is not None for o in prep.children)
                ):
                    return True
        return False

    def _listed(self, conjuncts: list[Token]) -> list[Token]:
        """Add list items parsed as appositions: a country "in apposition" to another
        country is the next item of a list ("Evil Mordor, the awful Fornost, and Gondor").

        Tests: ``test_coder_reads_a_list_whose_second_item_is_parsed_as_an_apposition``.
        """
        out = list(conjuncts)
        run_on: list[Token] = []
        for tok in conjuncts:
            appositions = [c for c in tok.children if c.dep_ == "appos"]
            run_on.extend(c for c in appositions if unseparated(c))
            mention = self.mentions.at(tok)
            if mention is None or mention.actor is None or not all_countries(mention.actor.code):
                continue
            for child in appositions:
                other = self.mentions.at(child)
                if (
                    other is not None
                    and not unseparated(child)
                    and other.actor is not None
                    and all_countries(other.actor.code)
                    and other.actor.code != mention.actor.code
                ):
                    # "Mordor, the Shire, Fornost and Bree": the rest of the list hangs on
                    # the apposition.
                    out.extend(item for item in coordinated_heads(child) if item not in out)
        return self._one_per_phrase(out + [t for t in run_on if t not in out])

    def _one_per_phrase(self, items: list[Token]) -> list[Token]:
        """One actor per noun phrase, as PETRARCH reads one: an item the parse makes a
        conjunct or an apposition though it runs on from the item before it with no comma
        or "and" ("A and the evil B awful C": "awful" and "C" parsed as items) belongs to
        that item's phrase, and names its actor only when the phrase names none yet ("the
        lions and the awful C").

        Tests: ``test_coder_codes_one_actor_per_noun_phrase_in_a_misparsed_list``.
        """
        if len(items) == 1:
            return list(items)  # a single item is a phrase of its own
        phrases: list[tuple[int, Token]] = []  # (first token of the phrase, its head)
        owner: dict[int, int] = {}  # token index -> its phrase in ``phrases``
        for tok in sorted(items, key=lambda t: t.i):
            k = owner.get(tok.left_edge.i - 1) if unseparated(tok) else None
            if k is None:
                owner[tok.i] = len(phrases)
                phrases.append((tok.left_edge.i, tok))
                continue
            owner[tok.i] = k
            start, _ = phrases[k]
            before = tok.doc[start : tok.left_edge.i]
            if self.mentions.at(tok) is not None and not self.mentions.any_in(before):
                phrases[k] = (start, tok)
        return [head for _, head in phrases]

    def _agents_in_places(self, conjuncts: list[Token]) -> tuple[list[Token], list[Party]] | None:
        """ "Lawmakers and officials in A and B": agents listed before an in/of/from phrase
        naming countries are those agents of each country, also when the parse hangs the
        phrase on the first agent only, or "B" on the list of agents instead of on "A".

        Rule ``phrase_actors.agents_in_places``. Tests:
        ``test_coder_shares_listed_places_over_listed_agents``,
        ``test_coder_shares_one_place_over_listed_agents``.
        """
        if len(conjuncts) < 2:
            return None  # agents and places are two items at least
        for conj in conjuncts:
            for prep in conj.children:
                if prep.dep_ != "prep" or prep.lower_ not in ("of", "in", "from"):
                    continue
                agents = [c for c in conjuncts if c.i < prep.i]
                rest = [c for c in conjuncts if c.i > prep.i]
                if len(agents) + len(rest) < 2 or not all(self._agent_only(a) for a in agents):
                    continue
                places = [
                    c for o in prep.children if o.dep_ == "pobj" for c in coordinated_heads(o)
                ]
                countries = [self.mentions.at(c) for c in places + rest]
                if all(m is not None and m.actor and is_country(m.actor.code) for m in countries):
                    return agents, [party_of(m) for m in countries if m is not None]
        return None

    def _agent_only(self, tok: Token) -> bool:
        """An agent word with no country ("officials")."""
        mention = self.mentions.at(tok)
        return (
            mention is not None
            and mention.actor is not None
            and mention.actor.code.startswith("---")
        )

    def _shared_countries(self, conjuncts: list[Token]) -> list[Party]:
        """Bare countries coordinated in an of/in/from phrase of the last conjunct, or in its
        modifiers ("Senior Hungarian and Romanian officials").

        Rule ``phrase_actors.shared_countries``. Tests:
        ``test_coder_shares_an_agent_over_coordinated_countries``.
        """
        for mod in conjuncts[-1].children:
            if mod.dep_ not in ("amod", "compound", "nmod") or mod.i > conjuncts[-1].i:
                continue
            found = []
            for c in coordinated_heads(mod):
                mention = self.mentions.at(c)
                if mention is not None and mention.actor is not None:
                    found.append(party_of(mention))
            codes = {p.code[:3] for p in found}
            if len(codes) >= 2 and all(is_country(p.code[:3]) for p in found):
                return [p.recoded(p.code[:3], "phrase_actors.shared_countries") for p in found]
        for prep in conjuncts[-1].children:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "in", "from"):
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                found = []
                for c in coordinated_heads(obj):
                    mention = self.mentions.at(c)
                    if mention is None or mention.actor is None:
                        continue
                    party = party_of(mention)
                    if not is_country(party.code) and is_country(party.code[:3]):
                        # "ambassadors of Arnor" matched whole: its country is Arnor's.
                        party = Party(
                            party.code[:3],
                            c.idx,
                            c.idx + len(c.text),
                            c.text,
                            party.rules,
                            party.entries,
                        )
                    found.append(party)
                if len(found) >= 2 and all(is_country(p.code) for p in found):
                    return found
        return []

    def _party_of(self, head: Token, exclude: set[int]) -> Party | None:
        """The actor of one conjunct: the actor spoken for, else the phrase's own code ("Soldiers
        from Gondor"), else a description coreference resolved ("the insurgents"), else the nearest
        actor to its head ("representatives from the Iraqi insurgency"), else a new actor.

        Rules: ``phrase_actors.code_phrase``, ``phrase_actors.head_mention``
        (``test_coref_resolves_we_in_a_quotation_to_its_speaker``), ``phrase_actors.nearest_actor``
        (``test_coder_takes_the_object_as_subject_of_an_infinitive``).
        """
        spoken_for = self._spoken_for(head)
        if spoken_for is not None:
            return spoken_for.traced("phrase_actors.spoken_for")
        coded = self._code_phrase(head)
        if coded is not None:
            coded = self._enrich(head, coded)
        mention = self.mentions.at(head)
        if mention is not None and (
            coded is None or (coded.code.startswith("---") and mention_rank(mention)[1])
        ):
            # A description resolved by coreference ("the insurgents") beats its bare agent.
            coded = self._enrich(head, party_of(mention).traced("phrase_actors.head_mention"))
        if coded is not None:
            return coded
        # Breadth first through the phrase: the nearest actor to its head
        # ("representatives from the Iraqi insurgency", "ties with Gondor").
        queue = [c for c in head.children if c.dep_ not in ("conj", "cc", "relcl", "acl")]
        while queue:
            tok = queue.pop(0)
            if tok.i in exclude:
                continue
            mention = self.mentions.at(tok)
            if mention is not None:
                return self._enrich(tok, party_of(mention).traced("phrase_actors.nearest_actor"))
            queue.extend(c for c in tok.children if c.dep_ not in ("relcl", "acl", "conj"))
        return self._new_actor(head)

    def _spoken_for(self, head: Token) -> Party | None:
        """ "A spokesperson for the British Foreign Office": the actor spoken for.

        Rule ``phrase_actors.spoken_for``. Tests:
        ``test_coder_codes_a_spokesperson_as_the_actor_spoken_for``.
        """
        if head.lemma_.lower() not in SPOKES_NOUNS:
            return None
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("for", "of"):
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                party = self._code_phrase(obj)
                mention = self.mentions.at(obj)
                if party is None and mention is not None:
                    party = party_of(mention)
                if party is not None and not party.code.startswith("---"):
                    return self._enrich(obj, party)
        return None

    def _enrich(self, head: Token, party: Party) -> Party:
        """Complete a bare country or an agent without a country from the phrase's own
        modifiers: "Gondor's government" (---GOV + GON), "Bree Prime Minister Romendacil"
        (BRE beside BREGOV).

        Rules: ``phrase_actors.enrich`` (``test_an_agent_completed_by_a_modifier_is_traced``),
        ``phrase_actors.enrich_from_place`` (``test_coder_places_an_agent_by_where_it_is_based``).
        """
        if not (is_country(party.code) or party.code.startswith("---")):
            return party
        # The head's own modifiers, then those of its apposition ("Salaheddine Sidhoum,
        # Algeria's leading human rights activist").
        heads = [head, *(c for c in head.children if c.dep_ == "appos")]
        modifiers = [
            c
            for h in heads
            for c in h.children
            if c.i < h.i and c.dep_ in ("compound", "poss", "amod", "nmod", "npadvmod")
        ]
        for mod in modifiers:
            for tok in mod.subtree:
                mention = self.mentions.at(tok)
                if mention is None or mention.actor is None:
                    continue
                code = mention.actor.code
                entries = (mention.actor.name,) if mention.actor.name else ()
                if party.code.startswith("---") and is_country(code):
                    return party.recoded(code + party.code[3:], "phrase_actors.enrich", entries)
                if is_country(party.code) and code.startswith(party.code) and code != party.code:
                    return party.recoded(code, "phrase_actors.enrich", entries)
        if party.code.startswith("---"):
            # "Demonstrators in Baghdad", "a newspaper based in Beirut": the agent's country
            # from its place or origin.
            preps = [
                p
                for c in head.children
                if c.dep_ == "acl" and c.lemma_.lower() in PLACING_PARTICIPLES
                for p in c.children
                if p.lower_ == "in"
            ]
            for prep in [*head.children, *preps]:
                if prep.dep_ != "prep" or prep.lower_ not in ("in", "of", "from"):
                    continue
                for obj in prep.children:
                    mention = self.mentions.at(obj) if obj.dep_ == "pobj" else None
                    if mention is not None and mention.actor is not None:
                        country = mention.actor.code[:3]
                        if is_country(country) and country not in NOT_COUNTRIES:
                            code = country + party.code[3:]
                            entries = (mention.actor.name,) if mention.actor.name else ()
                            return party.recoded(code, "phrase_actors.enrich_from_place", entries)
        return party

    def _code_phrase(self, head: Token) -> Party | None:
        """The actor matcher's code for the phrase of ``head`` without its conjuncts:
        country + agent ("Soldiers from Gondor"), appositions, "of"/"from" phrases.

        Rule ``phrase_actors.code_phrase``. Tests:
        ``test_coder_stops_a_subject_phrase_at_its_verb``.
        """
        code_tokens = getattr(self.actors, "code_tokens", None)
        if code_tokens is None or head.pos_ not in ("NOUN", "PROPN", "ADJ"):
            return None
        end = head.right_edge.i + 1
        for child in head.children:
            if child.dep_ in ("cc", "conj") and child.i > head.i:
                end = min(end, child.i)
                while end > head.i + 1 and head.doc[end - 1].dep_ == "punct":
                    end -= 1
                break
        for child in head.children:
            if child.dep_ in ("relcl", "acl") and child.i > head.i:
                end = min(end, child.left_edge.i)
        # A parse may hang an apposition on the subject across its verb ("Serbia eased
        # measures in Montenegro, the scene of ..."): the phrase stops at its head's verb.
        governor = head.head
        if governor.i != head.i and head.i < governor.i < end:
            end = governor.i
        # A dateline the parser hung on the subject ("BRUSSELS - European leaders") is
        # where the story was filed, not part of the party.
        start = head.left_edge.i
        while start < head.i and start in self.dateline:
            start += 1
        span = head.doc[start : max(end, head.i + 1)]
        actor = code_tokens(span, self.when)
        if actor is None or not actor.code:
            return None
        return Party(
            actor.code,
            span.start_char,
            span.end_char,
            span_text(span),
            ("phrase_actors.code_phrase",),
            (actor.name,) if actor.name else (),
        )

    def _new_actor(self, head: Token) -> Party | None:
        """PETRARCH's ``new_actor_length``: an uncoded noun phrase of a few words.

        Rule ``phrase_actors.new_actor``. Tests: ``test_a_new_actor_of_a_few_words_is_traced``.
        """
        if self.new_actor_length <= 0 or head.pos_ not in ("NOUN", "PROPN"):
            return None
        toks = [t for t in head.subtree if t.dep_ not in ("punct",)]
        if not toks or len(toks) > self.new_actor_length:
            return None
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        text = doc_text(head.doc)[start:end]
        return Party(f'"{text.upper()}"', start, end, text, ("phrase_actors.new_actor",))
