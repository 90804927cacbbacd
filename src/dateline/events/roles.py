"""Finding an event's source and target on the parse.

``Roles`` adds to ``PhraseActors`` (the actors of a noun phrase) the verb's roles:

- ``subject``: the source is the subject, climbing through ``xcomp``/``conj``/``advcl`` to
  the clause that has one; the ``by``-agent of a passive; a headline's elided passive
  ("Two soldiers killed in Gaza") and a noun's participle of violence ("two soldiers killed
  in a bombing") have none; object control ("urged Vietnam to push back"); the subject a
  stative passive or a verb conjoined to a passive shares ("forces were engaged in
  fighting", "was indicted by Y and will resign"); a statement speaks for whoever issued
  it ("The PKK issued a declaration demanding ..."); a fronted phrase's last conjunct; a
  dateline is never the subject;
- ``objects``: the target is the first actor among the verb's objects and prepositional
  phrases, breadth first; then a clausal complement's subject; then the clauses it
  governs; then the later words of the verbs governing an infinitive (``_rest_of_chain``);
  an agent without a country is only a fallback, one's own agents ("its troops") none;
- ``between_parties``: "between A and B" gives A->B and B->A;
- ``violence_owners``, ``reporter``, ``acts_together``, ``is_venue``: who carried out violence
  named on a passive verb, the reporter of a clause, acts of two sides, a place that is
  where and not with whom.

Each rule's docstring names the tests that show it (``tests/test_coder.py``,
``tests/test_coder_trace.py``); a party records the rules that found it, outer first
("roles.subject", then "phrase_actors.code_phrase").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ..actors.coref_lexicon import POSSESSIVE_PRONOUNS
from ..model import Mention
from ..places.lexicon import PLACE_LABELS
from .legal import LEGAL_PASSIVE_LEMMAS
from .lexicon import (
    ACCIDENT_NOUNS,
    ADVERBIAL_MARKS,
    ARMED_AGENT_CODES,
    ATTENDING_LEMMAS,
    CLAUSE_DEPS,
    ELIDED_PASSIVE_LEMMAS,
    EXCHANGE_LEMMAS,
    EXCHANGED_NOUNS,
    FORCE_MOVING_LEMMAS,
    JOINT_NOUNS,
    KILLING_LEMMAS,
    OWN_FORCES_PASSIVE_LEMMAS,
    PASSIVE_SUBJECT_DEPS,
    REASON_PREPOSITIONS,
    RECIPROCAL_WORDS,
    SAYING_PREPOSITIONS,
    STATEMENT_NOUNS,
    STATIVE_PASSIVE_LEMMAS,
    SUBJECT_DEPS,
    TIME_PREPOSITIONS,
    TIME_SPAN_NOUNS,
    VENUE_HEADS,
    VENUE_PREPOSITIONS,
    VIOLENCE_CONTEXT_NOUNS,
    VIOLENT_PASSIVE_LEMMAS,
)
from .parties import Party, is_country, traced
from .phrase_actors import PhraseActors
from .syntax import (
    MAX_CLIMB,
    first_conjunct,
    located_in,
    own_phrase,
    quote_between,
    reduced_passive,
)
from .tokens import TokenTable


def _conjunct_agent(verb: Token) -> Token | None:
    """The by-agent's noun of a participle joined to ``verb`` ("shot and killed by an
    officer"), when ``verb`` has none of its own."""
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.tag_ != "VBN" or conj.i < verb.i:
            continue
        for agent in conj.children:
            if agent.dep_ == "agent":
                for obj in agent.children:
                    if obj.dep_ == "pobj":
                        return obj
    return None


class Roles(PhraseActors):
    """Finds the parties of a verb on the parse."""

    def subject(self, verb: Token) -> tuple[list[Party], bool]:
        """The source parties of ``verb`` and whether the verb is passive.

        Rules (each names the branch that found the source): ``roles.subject``
        (``test_coder_codes_subject_verb_object_through_xcomp``), ``roles.governor_subject``
        (``test_coder_conjoined_verb_sharing_the_subject_skips_the_first_verbs_words``),
        ``roles.noun_passive_agent``
        (``test_coder_reads_who_suffered_and_who_did_violence_told_without_an_active_verb``),
        ``roles.passive_conjunct_subject``
        (``test_coder_gives_a_conjoined_active_verb_the_passives_subject``), ``roles.passive_agent``
        (``test_coder_takes_the_by_agent_of_a_passive_as_source``,
        ``test_coder_reads_a_participle_with_a_by_agent_as_passive``),
        ``roles.stative_passive_subject``
        (``test_coder_takes_the_subject_of_a_stative_passive_as_the_actor``),
        ``roles.raised_subject`` (``test_seed_article_core_events``), ``roles.unlabelled_subject``
        (``test_an_unlabelled_subject_head_is_traced``), ``roles.compound_subject`` (no test of its
        own: the parse it mends is rare), ``roles.relative_clause_head`` and
        ``roles.object_control`` (``test_coder_takes_the_object_as_subject_of_an_infinitive``),
        ``roles.statement_issuer`` (``test_coder_codes_a_declaration_for_whoever_issued_it``),
        ``roles.fronted_subject`` (``test_coder_finds_a_subject_misread_inside_a_fronted_phrase``),
        ``roles.relative_pronoun`` (``test_a_clause_set_off_after_a_party_tells_its_act``);
        a quotation stops the climb
        (``test_coder_does_not_take_a_subject_from_outside_a_quotation``).
        """
        if elided_passive(first_conjunct(verb)):
            return [], True  # "Two soldiers killed in Gaza": a headline's passive
        if noun_passive(verb):
            # "Two soldiers killed in a bombing", "a convoy attacked by militants": the noun
            # suffered the act; the by-agent, if any, did it.
            for agent in verb.children:
                if agent.dep_ == "agent":
                    objs = [c for c in agent.children if c.dep_ == "pobj"]
                    if objs:
                        return traced(self.parties(objs[0]), "roles.noun_passive_agent"), True
            return [], True
        if _passive_participle_conjunct(verb):
            # "were captured by police and taken to the county jail": a bare participle
            # shares the passive it is joined to; its by-agent, if any, did both.
            for agent in [*verb.children, *verb.head.children]:
                objs = [c for c in agent.children if c.dep_ == "pobj"]
                if agent.dep_ == "agent" and objs:
                    return traced(self.parties(objs[0]), "roles.passive_agent"), True
            return [], True
        tok: Token | None = verb
        came_from: Token = verb
        climbed: list[str] = []  # how the search left the verb's own clause

        def found_by(parties: list[Party], rule: str) -> list[Party]:
            parties = traced(parties, rule)
            for step in reversed(climbed):
                parties = traced(parties, step)
            return parties

        for _ in range(MAX_CLIMB):
            if tok is None:
                break
            # The children and their labels, read once (each read makes Token objects).
            kids = [(c, c.dep_) for c in tok.children]
            deps = [d for _, d in kids]
            passive = any(d in PASSIVE_SUBJECT_DEPS for d in deps) or "auxpass" in deps
            # A participle with a by-agent is passive even without an auxiliary ("Rebuked
            # by Eriador, Osgiliath ...").
            passive = passive or (tok.tag_ == "VBN" and "agent" in deps)
            # "Asked about the plan, Hale said ...": a participle opening the sentence is
            # passive; the main clause's subject was asked, and asked no one.
            passive = passive or (tok.i == verb.i and fronted_participle(tok, deps))
            if passive:
                raised = [c for c, d in kids if d in PASSIVE_SUBJECT_DEPS]
                if raised and came_from.dep_ == "conj" and came_from.head.i == tok.i:
                    # "X has been indicted by Y and will resign": the conjoined active verb
                    # shares the passive's subject X, not its agent Y.
                    found = self.parties(raised[0], subject=True)
                    return found_by(found, "roles.passive_conjunct_subject"), False
                agents = [c for c, d in kids if d == "agent"]
                for agent in agents:
                    objs = [c for c in agent.children if c.dep_ == "pobj"]
                    if objs:
                        found = found_by(self.parties(objs[0]), "roles.passive_agent")
                        return found, tok.i == verb.i
                shared = _conjunct_agent(tok)
                if shared is not None and not agents:
                    # "Scott was shot and killed by an officer": the by-agent of the last
                    # participle did both.
                    found = found_by(self.parties(shared), "roles.conjunct_passive_agent")
                    if found:
                        return found, tok.i == verb.i
                if raised and tok.lemma_.lower() in (
                    STATIVE_PASSIVE_LEMMAS | OWN_FORCES_PASSIVE_LEMMAS
                ):
                    # "forces were engaged in fighting": the subject acts.
                    found = self.parties(raised[0], subject=True)
                    return found_by(found, "roles.stative_passive_subject"), False
                if tok.i != verb.i and raised:
                    # "X was seen to break into ...": X is the subject of "break".
                    return found_by(self.parties(raised[0]), "roles.raised_subject"), False
                return [], tok.i == verb.i
            subjects = [self._past_dateline(c) for c, d in kids if d in SUBJECT_DEPS]
            # "NAIROBI, Kenya (AP) — The court sentenced": a parse may give the dateline as
            # a second subject; it names where the story was filed, not who acted.
            subjects = [s for s in subjects if s.i not in self.dateline] or subjects
            if subjects:
                # A parse may give two subjects ("Old foes Gondor and Osgiliath"): the first
                # that names an actor.
                for subject in subjects:
                    found = self.parties(subject, subject=True)
                    if found:
                        return found_by(found, "roles.subject"), False
                    if _non_restrictive(subject, tok):
                        # "Iran, which attacked Iraq, ...": the relative pronoun stands for
                        # the noun its clause hangs on, which the clause tells more of ("laws
                        # that harm voters" only says which laws).
                        found = self.parties(tok.head, subject=True)
                        if found:
                            return found_by(found, "roles.relative_pronoun"), False
                # A parse may leave the head of a long subject unlabelled ("Quatar's emir,
                # Sheikh Hamad bin Khalifa al-Thani launched"): a "dep" before the verb.
                for child, dep in kids:
                    if dep == "dep" and child.i < tok.i:
                        found = self.parties(child, subject=True)
                        if found:
                            return found_by(found, "roles.unlabelled_subject"), False
                return [], False
            # A verb read as a noun's head ("Ethiopia act on a resolution": "Ethiopia"
            # parsed as its compound) has that name before it as its subject.
            named = [c for c, d in kids if d == "compound" and c.i < tok.i]
            if named and tok.tag_.startswith("VB"):
                found = self.parties(named[0], subject=True)
                if found:
                    return found_by(found, "roles.compound_subject"), False
            if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
                found = self.parties(tok.head)
                head = tok.head
                if not found and head.lemma_.lower() in STATEMENT_NOUNS and head.dep_ == "dobj":
                    # "The PKK issued a declaration demanding ...": the statement speaks for
                    # whoever issued it.
                    climbed.append("roles.statement_issuer")
                    came_from, tok = head, head.head
                    continue
                return found_by(found, "roles.relative_clause_head"), False
            if tok.dep_ == "xcomp":
                # Object control: "trusted the Israeli courts to decide", "urged Vietnam to
                # push back": the governor's object is the subject of its infinitive.
                # A stretch of time is no controller: "spent months lobbing insults" is
                # the subject's act.
                objects = [
                    c
                    for c in tok.head.children
                    if c.dep_ == "dobj" and c.i < tok.i and not _time_span(c)
                ]
                if objects:
                    found = self.parties(objects[0], subject=True)
                    return found_by(found, "roles.object_control"), False
            if tok.dep_ in ("xcomp", "acomp", "conj", "advcl", "pcomp", "prep", "ccomp"):
                if tok.dep_ in ("conj", "advcl") and quote_between(tok, tok.head):
                    # A quoted clause without a subject does not take one from outside the
                    # quotation ('reiterated that settlements "are illegal, present an
                    # obstacle and threaten ..."').
                    break
                if "roles.governor_subject" not in climbed:
                    climbed.append("roles.governor_subject")
                came_from, tok = tok, tok.head
                continue
            if tok is not None and tok.dep_ == "ROOT":
                return found_by(self._fronted_subject(tok), "roles.fronted_subject"), False
            break
        return [], False

    def _fronted_subject(self, verb: Token) -> list[Party]:
        """ "With the signing of a memorandum, the government and the rebels have agreed
        ...": a parse may read the subject as a conjunct inside the fronted phrase. The
        conjunct that follows that phrase's last comma and ends where the verb's own words
        begin is the subject.

        Rule ``roles.fronted_subject``. Tests:
        ``test_coder_finds_a_subject_misread_inside_a_fronted_phrase``.
        """
        left = [c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i]
        first = min(left) if left else verb.i
        doc = verb.doc
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.i > verb.i or prep.right_edge.i + 1 != first:
                continue
            for tok in prep.subtree:
                if (
                    tok.dep_ in ("conj", "appos")
                    and tok.right_edge.i + 1 == first
                    and tok.left_edge.i > prep.i
                    and doc[tok.left_edge.i - 1].text == ","
                ):
                    found = self.parties(tok, subject=True)
                    if found:
                        return found
        return []

    def _past_dateline(self, subject: Token) -> Token:
        """ "HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper accused ...": a parse
        may make the dateline the subject and the real one its apposition.

        Tests: ``test_coder_takes_the_subject_after_the_dateline``.
        """
        if subject.i not in self.dateline:
            return subject
        for child in subject.children:
            if child.dep_ == "appos" and child.i not in self.dateline:
                return child
        return subject

    def objects(
        self, verb: Token, passive: bool, skip: set[int], *, clauses: bool = True
    ) -> list[Party]:
        """The target parties: the first actor among the verb's objects, breadth first.

        First the verb's own objects and prepositional phrases; failing those, the clauses
        it governs after it (the first actor of the verb phrase, as PETRARCH takes it).

        Rules: ``roles.object`` (``test_coder_codes_subject_verb_object_through_xcomp``),
        ``roles.noun_passive_patient`` and ``roles.elided_passive_patient``
        (``test_coder_reads_who_suffered_and_who_did_violence_told_without_an_active_verb``),
        ``roles.passive_patient`` (``test_coder_takes_the_by_agent_of_a_passive_as_source``),
        ``roles.participle_patient`` (``test_coder_reads_a_participle_with_a_by_agent_as_passive``),
        ``roles.gerund_patient`` (``test_the_patient_of_a_passive_gerund_is_its_clauses_subject``),
        ``roles.clause_subject`` (``test_coder_codes_a_declaration_for_whoever_issued_it``),
        ``roles.uncoded_patient``
        (``test_an_uncoded_passive_subject_is_the_patient_not_a_place_after_it``),
        ``roles.governed_clause_object``
        (``test_coder_flags_acts_asked_for_through_nested_complements``), ``roles.rest_of_chain``
        (``test_coder_target_from_the_rest_of_the_governing_phrase``).
        """
        if passive:
            if noun_passive(verb):
                found = self.parties(verb.head)
                if found:
                    return traced(found, "roles.noun_passive_patient")
            first = first_conjunct(verb)
            if elided_passive(first):
                for c in first.children:
                    if c.dep_ == "nsubj":
                        found = self.parties(c)
                        if found:
                            return traced(found, "roles.elided_passive_patient")
            for child in verb.children:
                # A dateline parsed as the subject names no patient; the real one may be
                # its apposition ("DAYTON, Ohio - Tom Hale was arrested").
                c = self._past_dateline(child)
                if child.dep_ in PASSIVE_SUBJECT_DEPS and c.i not in self.dateline:
                    found = self.parties(c)
                    if found:
                        return traced(found, "roles.passive_patient")
            if (
                verb.dep_ == "conj"
                and verb.tag_ == "VBN"
                and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
            ):
                # "Scott was shot and killed by an officer": the participle shares the
                # passive subject of the verb it is joined to.
                for child in verb.head.children:
                    c = self._past_dateline(child)
                    if child.dep_ in PASSIVE_SUBJECT_DEPS and c.i not in self.dateline:
                        found = self.parties(c)
                        if found:
                            return traced(found, "roles.conjunct_passive_patient")
            if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and _subjectless(verb):
                # "Lee was in jail after being indicted by a grand jury": the passive gerund's
                # patient is the subject of the clause its preposition belongs to.
                for c in verb.head.head.children:
                    if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS and c.i < verb.i:
                        found = self.parties(c)
                        if found:
                            return traced(found, "roles.gerund_patient")
            if verb.dep_ == "advcl" and verb.tag_ == "VBN":
                # "Rebuked by Eriador, Osgiliath is ...": the participle's patient is the
                # subject of the clause it opens.
                for c in verb.head.children:
                    if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS and c.i > verb.i:
                        found = self.parties(c)
                        if found:
                            return traced(found, "roles.participle_patient")
        own = [
            c
            for c in verb.children
            if c.i > verb.i
            and c.dep_ not in SUBJECT_DEPS
            and c.dep_ not in PASSIVE_SUBJECT_DEPS
            and c.dep_ not in ("agent", "aux", "auxpass", "neg", "punct", "cc", "mark", "conj")
            # "resigned because of problems with the mayor", "before the meeting": a reason
            # or a time names no one acted on
            and not (c.dep_ == "prep" and c.lower_ in REASON_PREPOSITIONS | TIME_PREPOSITIONS)
            # "resigned after police arrested his son": a clause of time or reason tells
            # when or why, and its parties are its own
            and not (c.dep_ == "advcl" and _adverbial_mark(c))
        ]
        direct = [c for c in own if c.dep_ not in CLAUSE_DEPS]
        found = self._first_actor(direct, skip, _INNER_CLAUSES)
        if _forces_moved(verb, found):
            # "Turkey has sent thousands of troops": the forces moved are the sender's own,
            # what the act uses, not whom it is done to; a later clause names no one either
            return []
        if found or not clauses:
            return traced(found, "roles.object")
        # A clausal complement's subject ("believes Dagolath can cope").
        for c in own:
            if c.dep_ in ("ccomp", "xcomp"):
                for subj in c.children:
                    if subj.dep_ in SUBJECT_DEPS:
                        found = self.parties(subj)
                        if found:
                            return traced(found, "roles.clause_subject")
        if passive and any(
            c.dep_ in PASSIVE_SUBJECT_DEPS and c.i not in self.dateline for c in verb.children
        ):
            # "He was killed while supporting operations in Helmand": the patient is the
            # passive subject, whom no actor codes; a place in a clause it governs is not it
            # (``roles.uncoded_patient``).
            return []
        found = self._first_actor(own, skip, frozenset())
        if found or passive:
            return traced(found, "roles.governed_clause_object")
        return traced(self._rest_of_chain(verb, skip), "roles.rest_of_chain")

    def _rest_of_chain(self, verb: Token, skip: set[int]) -> list[Party]:
        """ "Arnor is about to restore ties with Gxndor, years after Calenardhon crowds
        burned its embassy": an infinitive's phrase ends the phrase of the verbs that govern
        it ("is about to"), whose later words the parse may hang on them; with no actor in
        its own phrase, the first actor among those is the target, as in PETRARCH's verb
        phrase.

        Rule ``roles.rest_of_chain``. Tests:
        ``test_coder_target_from_the_rest_of_the_governing_phrase``.
        """
        tok = verb
        for _ in range(MAX_CLIMB):
            if tok.dep_ not in ("xcomp", "acomp") or tok.head.i == tok.i:
                return []
            tok = tok.head
            later = [
                c
                for c in tok.children
                if c.i > verb.i and c.dep_ not in ("punct", "cc", "conj", "parataxis")
            ]
            found = self._first_actor(later, skip, frozenset())
            if found:
                return found
        return []

    def _first_actor(
        self, queue: list[Token], skip: set[int], blocked: frozenset[str]
    ) -> list[Party]:
        """The first actor of a breadth-first search through ``queue`` ("representatives from the
        Iraqi insurgency"): an agent without a country ("military aid") only when nothing else is
        found, one's own agents ("withdraw its troops") never; agents met before a place are of that
        place ("killed five policemen in northern Iraq": IRQCOP).

        Rules: ``roles.agents_of_place``
        (``test_coder_gives_agents_met_before_a_place_that_places_country``),
        ``roles.agent_without_country``
        (``test_coder_gives_an_agent_owned_by_its_or_their_the_owners_country``).
        """
        queue = [t for t in queue if t.dep_ not in blocked]
        fallback: list[Party] = []
        while queue:
            tok = queue.pop(0)
            if tok.i in skip:
                continue
            if tok.dep_ == "prep" and tok.lemma_ in SAYING_PREPOSITIONS:
                continue
            mention = self.mentions.at(tok)
            if mention is not None:
                head = tok
                while head.head.i != head.i and self.mentions.at(head.head) is mention:
                    head = head.head
                found = self.parties(head)
                if (
                    found
                    and not all(p.code.startswith("---") for p in found)
                    and not _possessed_agent(mention, head)
                ):
                    if fallback and located_in(head) and all(is_country(p.code) for p in found):
                        # "killed five policemen in northern Iraq": the agents met first
                        # are of the place the act is in (IRQCOP), as "Iraqi policemen".
                        return [
                            a.recoded(p.code + a.code[3:], "roles.agents_of_place", p.entries)
                            for a in fallback
                            if a.code.startswith("---")
                            for p in found
                        ] or found
                    return found
                # An agent without a country ("military aid") is kept only as a fallback;
                # one's own ("withdraw its troops from Lebanon") is the instrument, no target.
                if (
                    not fallback
                    and head.dep_ not in ("amod", "compound")
                    and not _possessed_agent(mention, head)
                ):
                    fallback = found
            queue.extend(c for c in tok.children if c.dep_ not in blocked)
        return traced(fallback, "roles.agent_without_country")


def fronted_participle(verb: Token, deps: Sequence[str]) -> bool:
    """A past participle that opens its sentence before the clause it modifies, with no
    auxiliary or subject of its own ("Asked about the plan, Hale said ...", "Pressed by
    reporters, Hale criticized ..."): passive, with the main clause's subject its patient.

    Rule ``roles.fronted_participle``. Tests:
    ``test_coder_reads_a_fronted_participle_as_passive``.
    """
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBN"
        and verb.i < verb.head.i
        and not any(d in ("aux", "auxpass", "nsubj", "nsubjpass", "mark") for d in deps)
    )


def elided_passive(verb: Token) -> bool:
    """A headline's passive with its auxiliary left out ("Two Israeli soldiers killed in
    Gaza", "US helicopter shot down"): a verb that cannot stand without its object
    (``ELIDED_PASSIVE_LEMMAS``; "shoot" only with "down"), in the past, with a subject, no
    auxiliary and no object or complement.

    Tests: ``test_coder_reads_who_suffered_and_who_did_violence_told_without_an_active_verb``.
    """
    lemma = verb.lemma_.lower()
    if verb.tag_ not in ("VBD", "VBN") or lemma not in ELIDED_PASSIVE_LEMMAS:
        return False
    deps = {c.dep_ for c in verb.children}
    if "nsubj" not in deps or deps & {"aux", "auxpass", "dobj", "ccomp", "xcomp", "attr"}:
        return False
    if any(c.dep_ == "conj" and any(g.dep_ == "dobj" for g in c.children) for c in verb.children):
        return False  # "Police arrested and charged two men": the object is shared
    if lemma == "shoot":
        return any(c.lower_ == "down" for c in verb.children)
    return True


def noun_passive(verb: Token) -> bool:
    """A participle on a noun that tells violence done to it ("two soldiers killed in a
    bombing", headline style; "a convoy attacked by militants"): passive, the noun its
    patient. Only violence, with no object of its own: spaCy also reads a finite verb
    after an unknown name as such a participle ("a newspaper called on Arabs to unite").

    Tests: ``test_coder_reads_who_suffered_and_who_did_violence_told_without_an_active_verb``.
    """
    return (
        reduced_passive(verb)
        and verb.head.pos_ in ("NOUN", "PROPN")
        and not any(c.dep_ in ("dobj", "dative") for c in verb.children)
        and (
            violent_context(verb)
            or (
                verb.lemma_.lower() in VIOLENT_PASSIVE_LEMMAS | ELIDED_PASSIVE_LEMMAS
                and any(c.dep_ == "agent" for c in verb.children)
            )
            # "Area woman sentenced for fraud": what only the police or a court do to
            # someone is never a finite verb without its object (events/legal.py).
            or verb.lemma_.lower() in LEGAL_PASSIVE_LEMMAS
        )
    )


def _possessed_agent(mention: Mention, head: Token) -> bool:
    """An agent given its country by a possessive pronoun ("its troops", coreference)."""
    return mention.via == "coreference" and any(
        c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in head.children
    )


# Clauses inside a phrase that the first search does not enter ("the links leading into X").
_INNER_CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "conj"})


def _passive_participle_conjunct(verb: Token) -> bool:
    """A participle with no auxiliary or subject of its own joined to a passive verb ("were
    captured ... and taken to the county jail"): passive too."""
    head = verb.head
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and head.i != verb.i
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)
        and any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children)
    )


def _adverbial_mark(clause: Token) -> bool:
    """Whether an adverbial clause opens with a conjunction of time or reason ("after police
    arrested his son", "because the council refused")."""
    return any(c.dep_ == "mark" and c.lower_ in ADVERBIAL_MARKS for c in clause.children)


def between_parties(verb: Token, roles: Roles) -> list[Party]:
    """Actors of a "between A and B" phrase on the verb or its passive subject.

    Rule ``roles.between`` ("talks have been held between Iraqi insurgents and the US government").
    Tests: ``test_seed_article_core_events``.
    """
    heads = [verb] + [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS | {"dobj"}]
    for head in heads:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lemma_ == "between":
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        return roles.parties(obj)
    return []


def violent_context(verb: Token) -> bool:
    """ "were shot", "killed in a car bombing": the act is violence, not an accident.

    Tests: ``test_coder_codes_unattributed_violence_with_no_source``.
    """
    if verb.lemma_.lower() in VIOLENT_PASSIVE_LEMMAS:
        return True
    if verb.lemma_.lower() in KILLING_LEMMAS and not any(
        t.lemma_.lower() in ACCIDENT_NOUNS for t in verb.subtree
    ):
        return True  # "was killed March 22", not "was killed in a car crash"
    return any(
        prep.dep_ == "prep"
        and any(
            c.dep_ == "pobj" and c.lemma_.lower() in VIOLENCE_CONTEXT_NOUNS for c in prep.children
        )
        for prep in verb.children
    )


def is_venue(party: Party, doc: Doc, table: TokenTable) -> bool:
    """Whether a party was read from a place named as where something happened ("in
    Havana", "at Camp David").

    Tests: ``test_coder_codes_a_two_sided_act_of_a_compound_subject_between_its_members``,
    ``test_coder_reads_two_actors_the_parser_nested_and_leaves_out_the_venue``.
    """
    for i in table.starting_in(party.start, party.end):
        tok = doc[i]
        while tok.dep_ in ("compound", "amod") and tok.head.i != tok.i:
            tok = tok.head
        if not located_in(tok, VENUE_PREPOSITIONS):
            return False
        # "at Hofstra University", "at the White House": a building or campus
        return tok.ent_type_ in PLACE_LABELS or (
            tok.head.lower_ == "at" and tok.lemma_.lower() in VENUE_HEADS
        )
    return False


def violence_owners(verb: Token, roles: Roles) -> list[Party]:
    """The actor named on the violence a passive verb's phrase tells ("killed in an Israeli
    air strike", "wounded in a Taliban attack", "killed in an attack by militants",
    "wounded in shelling by government forces"): who carried it out. A place named there
    ("killed in a Gaza bombing") is where it happened, not who did it. The phrase may hang
    on a participle joined to the verb ("one was killed and another wounded in shelling by
    ...").

    Rule ``roles.violence_owner``. Tests:
    ``test_coder_reads_who_suffered_and_who_did_violence_told_without_an_active_verb``,
    ``test_coder_reads_the_by_agent_of_the_violence_a_passive_was_suffered_in``.
    """
    verbs = [verb] + [c for c in verb.children if c.dep_ == "conj" and c.tag_ in ("VBN", "VBD")]
    for head in verbs:
        for prep in head.children:
            if prep.dep_ != "prep":
                continue
            for noun in prep.children:
                if noun.dep_ not in ("pobj", "pcomp"):
                    continue
                if (
                    noun.lemma_.lower() not in VIOLENCE_CONTEXT_NOUNS
                    and noun.lower_ not in VIOLENCE_CONTEXT_NOUNS  # "shelling" read as a verb
                ):
                    continue
                found = _owner_of(noun, roles)
                if found:
                    return found
    return []


def _owner_of(noun: Token, roles: Roles) -> list[Party]:
    """Who carried out the violence ``noun`` names: an actor before it ("an Israeli air
    strike", "Hamas's attack"), else its by-phrase ("an attack by militants")."""
    for mod in noun.children:
        if mod.dep_ not in ("amod", "compound", "poss", "nmod") or mod.i > noun.i:
            continue
        if mod.dep_ != "poss" and mod.ent_type_ in PLACE_LABELS:
            continue  # "a Gaza bombing", "the Kabul attack": where, not who
        found = roles.parties(mod)
        if found and not all(p.code.startswith("---") for p in found):
            return found
    for by in noun.children:
        if by.dep_ in ("prep", "agent") and by.lower_ == "by":
            for obj in by.children:
                if obj.dep_ == "pobj":
                    found = roles.parties(obj)
                    if found:
                        return found
    return []


def _time_span(noun: Token) -> bool:
    """ "months", "the whole day", "two years": a noun that measures time."""
    return noun.ent_type_ in ("DATE", "TIME") or noun.lemma_.lower() in TIME_SPAN_NOUNS


# Relative pronouns of a clause that tells more of a noun ("Cruz, who refused ...").
RELATIVE_PRONOUNS = frozenset({"who", "which"})


def _non_restrictive(pronoun: Token, clause: Token) -> bool:
    """Whether ``pronoun`` opens a relative clause set off by a comma ("Iran, which ...")."""
    return (
        clause.dep_ == "relcl"
        and pronoun.lower_ in RELATIVE_PRONOUNS
        and pronoun.i > 0
        and pronoun.nbor(-1).text == ","
    )


def _forces_moved(verb: Token, found: Sequence[Party]) -> bool:
    """Whether ``found`` are only armed forces with no country of their own, moved by a verb
    of moving forces ("sent thousands of troops", "deployed soldiers")."""
    return (
        verb.lemma_.lower() in FORCE_MOVING_LEMMAS
        and bool(found)
        and all(p.code.startswith("---") and p.code[3:6] in ARMED_AGENT_CODES for p in found)
    )


def _subjectless(verb: Token) -> bool:
    return not any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in verb.children)


def acts_together(verb: Token) -> bool:
    """The verb's own phrase says its subjects act together ("their meeting", "each other").

    Rule ``roles.acts_together``. Tests: ``test_a_matched_pattern_is_among_the_entries``,
    ``test_coder_codes_travel_for_an_event_as_the_event``,
    ``test_leaders_attending_a_summit_side_by_side_do_not_visit_each_other``.
    """
    phrase = [t for t in own_phrase(verb) if t.i > verb.i]
    if {t.lower_ for t in phrase} & RECIPROCAL_WORDS:
        return True
    # "at one another"
    if any(t.lower_ == "another" and t.i > 0 and t.nbor(-1).lower_ == "one" for t in phrase):
        return True
    # "attended the summit": a gathering someone else holds; those who attend it side by
    # side do nothing to each other (``roles.attending_not_meeting``).
    if verb.lemma_.lower() in ATTENDING_LEMMAS:
        return False
    # "held talks", "renewed diplomatic ties", "postponed their meeting": a joint activity;
    # "traded threats", "exchanged fire": an exchange.
    exchange = verb.lemma_.lower() in EXCHANGE_LEMMAS
    return any(
        c.dep_ in ("dobj", "nsubjpass")
        and (c.lemma_.lower() in JOINT_NOUNS or (exchange and c.lemma_.lower() in EXCHANGED_NOUNS))
        for c in verb.children
    )


def is_own_subject(target: Party, sources: Sequence[Party]) -> bool:
    """Whether the pattern's target is read from the verb's own subject."""
    return any(target.start <= p.start < target.end for p in sources)


def reporter(verb: Token, roles: Roles) -> list[Party]:
    """The subject of the clause that reports ``verb``'s clause ("X noted that ...").

    Rule ``roles.reporter``. Tests:
    ``test_coder_pattern_making_the_subject_its_target_takes_the_reporter_as_source``.
    """
    tok = first_conjunct(verb)
    if tok.dep_ != "ccomp" or tok.head.i == tok.i:
        return []
    return roles.subject(tok.head)[0]
