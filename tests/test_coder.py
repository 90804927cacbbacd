"""The CAMEO coder on real spaCy parses, with PETRARCH's validation dictionaries."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import SEED, SEED_DATE
from dateline import Settings
from dateline.actors.coref import resolve_coreference
from dateline.actors.match import ActorMatcher
from dateline.events.coder import CODER_ID, code_events
from dateline.events.verbs import (
    VerbDictionary,
    load_verb_file,
    packaged_dictionary_dir,
    read_verb_text,
)
from dateline.model import Actor, Article, Event, Mention, PublishedDate, Quote, Speaker
from dateline.nlp import load_nlp

DICTS = packaged_dictionary_dir()
Coder = Callable[..., list[Event]]


@pytest.fixture(scope="module")
def validate_verbs(settings: Settings) -> VerbDictionary:
    return load_verb_file(DICTS / "PETR.Validate.verbs.txt", settings)


@pytest.fixture(scope="module")
def validate_actors() -> ActorMatcher:
    return ActorMatcher.from_files(
        actors=[DICTS / "PETR.Validate.actors.txt"],
        agents=[DICTS / "PETR.Validate.agents.txt"],
        discards=[DICTS / "PETR.Validate.discards.txt"],
    )


@pytest.fixture(scope="module")
def code(
    settings: Settings, validate_verbs: VerbDictionary, validate_actors: ActorMatcher
) -> Coder:
    nlp = load_nlp(settings.spacy_model)

    def run(text: str, date: str = "1995-01-01", **overrides: object) -> list[Event]:
        doc = nlp(text)
        article = Article(text=text, published=PublishedDate(date))
        mentions = validate_actors.find_mentions(article, doc)
        local = settings.replace(**overrides) if overrides else settings
        return code_events(article, doc, mentions, validate_verbs, validate_actors, local)

    return run


def triples(events: list[Event], *, counted: bool = True) -> set[tuple[str, str, str]]:
    return {
        (e.source.code if e.source else "", e.target.code if e.target else "---", e.cameo)
        for e in events
        if not counted or not (e.negated or e.hypothetical)
    }


def test_coder_codes_subject_verb_object_through_xcomp(code: Coder) -> None:
    events = code("Arnor is about to restore full diplomatic ties with Gondor.")
    assert triples(events) == {("ARN", "GON", "064")}


def test_coder_event_fields_point_into_the_text(code: Coder) -> None:
    text = "Arnor is about to restore full diplomatic ties with Gondor."
    (event,) = code(text)
    assert event.id == "e1" and event.coder == CODER_ID
    assert text[event.trigger.start : event.trigger.end] == "restore"
    assert event.source is not None and event.target is not None
    assert text[event.source.start : event.source.end] == "Arnor"
    assert text[event.target.start : event.target.end] == "Gondor"
    assert event.sentence.start == 0 and event.sentence.end == len(text)
    assert event.pattern and "DIPLOMATIC" in event.pattern
    assert event.root == "06"


def test_coder_splits_compound_source_into_one_event_per_actor(code: Coder) -> None:
    events = code(
        "Fornost and Gondor welcomed a resumption of formal diplomatic ties with Osgiliath."
    )
    assert triples(events) == {("FOR", "OSG", "041"), ("GON", "OSG", "041")}


def test_coder_shares_an_agent_over_coordinated_countries(code: Coder) -> None:
    events = code(
        "The ambassadors of Arnor, Osgiliath and Gondor presented their credentials "
        "to Ithilen's president on Wednesday."
    )
    assert triples(events) == {
        ("ARNGOV", "ITHGOV", "032"),
        ("OSGGOV", "ITHGOV", "032"),
        ("GONGOV", "ITHGOV", "032"),
    }


def test_coder_takes_the_by_agent_of_a_passive_as_source(code: Coder) -> None:
    events = code("Eriador was opposed by Osgiliath in the peace process.")
    assert ("OSG", "ERI", "112") in triples(events)


def test_coder_negative_pattern_takes_its_own_code_not_a_flag(code: Coder) -> None:
    events = code("Bree Prime Minister Romendacil didn't clash over the efforts of Eriadori.")
    assert triples(events) == {("BREGOV", "ERI", "904")}


def test_coder_flags_negation_and_hypotheticals(code: Coder) -> None:
    negated = code("Ethiopia did not break relations with Libya.")
    assert negated and all(e.negated for e in negated)
    hypothetical = code("Ethiopia could break relations with Libya.")
    assert hypothetical and all(e.hypothetical for e in hypothetical)
    assert triples(negated) == set() and triples(hypothetical) == set()


def test_coder_codes_the_reported_clause_not_the_saying(code: Coder) -> None:
    events = code("Gondor said that Ethiopia broke relations with Libya.")
    assert triples(events) == {("ETH", "LBY", "1717")}
    assert all(e.trigger.text != "said" for e in events)


def test_coder_require_dyad_drops_events_without_target(code: Coder) -> None:
    text = "Arnor is about to restore full diplomatic ties."
    assert any(e.target is None for e in code(text))
    assert code(text, require_dyad=True) == []


def test_coder_keeps_one_event_per_source_target_code(code: Coder) -> None:
    events = code("Ethiopia broke relations with Libya and broke relations with Libya.")
    assert len(events) == len({(e.source, e.target, e.cameo) for e in events}) or len(
        triples(events)
    ) == len(events)


def test_coder_drops_discarded_sentences(code: Coder) -> None:
    text = "Arnor is about to restore baseball competition with Gondor."
    assert code(text) == []


def test_coref_resolves_we_in_a_quotation_to_its_speaker(settings: Settings) -> None:
    nlp = load_nlp(settings.spacy_model)
    text = 'The rebels said: "We met the envoy."'
    doc = nlp(text)
    start = text.index("We")
    rebels = Actor("IRQREB")
    quote = Quote(
        id="q1",
        start=start,
        end=len(text) - 2,
        text=text[start:-2],
        kind="direct",
        speaker=Speaker("The rebels", 0, 10, actor=rebels),
    )
    article = Article(text=text, quotes=[quote])
    mentions = [Mention(0, 10, "The rebels", "ACTOR", rebels)]
    new = resolve_coreference(article, doc, mentions)
    assert [(m.text, m.actor.code if m.actor else None) for m in new] == [("We", "IRQREB")]


def test_coref_does_not_cross_a_paragraph_break(settings: Settings) -> None:
    nlp = load_nlp(settings.spacy_model)
    text = "The Iraqi government met envoys.\n\nThe ministry said nothing."
    doc = nlp(text)
    mentions = [Mention(0, 20, "The Iraqi government", "ACTOR", Actor("IRQGOV"))]
    assert resolve_coreference(Article(text=text), doc, mentions) == []
    same = "The Iraqi government met envoys. The ministry said nothing."
    mentions = [Mention(0, 20, "The Iraqi government", "ACTOR", Actor("IRQGOV"))]
    found = resolve_coreference(Article(text=same), nlp(same), mentions)
    assert [m.actor.code for m in found if m.actor] == ["IRQGOV"]


def test_seed_article_core_events(settings: Settings) -> None:
    from dateline import Pipeline

    article = Pipeline(settings).extract(
        SEED.read_text(encoding="utf-8"), date=SEED_DATE, name=str(SEED)
    )
    # Counted as users get them: not flagged, at the default min_confidence (issue 10).
    counted = [
        e
        for e in article.events
        if not (e.negated or e.hypothetical) and e.confidence >= settings.min_confidence
    ]

    def has(root: str, source: str, target: str | None) -> bool:
        return any(
            e.root == root
            and e.source is not None
            and e.source.code.startswith(source)
            and (target is None or (e.target is not None and e.target.code.startswith(target)))
            for e in counted
        )

    assert has("04", "IRQ", "USA")  # events 1, 2: talks, the meeting with the ambassador
    assert has("04", "IRQ", "USAMIL")  # event 6: meetings with the US military
    assert has("16", "IRQ", "USA")  # event 7: the talks suspended (with the US, said earlier)
    assert has("12", "IRQ", "IRQGOV")  # event 8: "we do not recognize this government"
    assert has("19", "IRQ", None)  # event 9: "the Iraqi resistance resumed its activities"
    # event 5: "presented a draft memorandum of understanding" (03x/04x)
    assert any(e.trigger.text == "presented" and e.root in ("03", "04") for e in counted)
    # event 4: "a week of enforced calm on 6 February", between the parties of the meetings
    truce = [e for e in counted if e.cameo == "0871"]
    assert has("08", "IRQREB", "USAGOV") and truce
    assert {e.date.value for e in truce if e.date} == {"2006-02-06"}
    # "We wanted the talks to be held ... directly": a sentence with no event
    wanted = article.text.index("We wanted the talks")
    assert not [e for e in counted if e.sentence.start <= wanted < e.sentence.end]
    for event in article.events:
        assert article.text[event.trigger.start : event.trigger.end] == event.trigger.text


@pytest.fixture(scope="module")
def cameo_code(settings: Settings) -> Coder:
    """The packaged CAMEO and Phoenix dictionaries, as the pipeline uses them."""
    from dateline import Pipeline

    pipeline = Pipeline(settings)

    def run(text: str, date: str = "2000-06-01", **overrides: object) -> list[Event]:
        doc = pipeline.nlp(text)
        article = Article(text=text, published=PublishedDate(date))
        mentions = pipeline.actors.find_mentions(article, doc)
        local = settings.replace(**overrides) if overrides else settings
        return code_events(article, doc, mentions, pipeline.verbs, pipeline.actors, local)

    return run


def test_coder_codes_an_announced_threat_as_cameo_13(cameo_code: Coder) -> None:
    events = cameo_code("Palestinian leaders said they would boycott all contact with Israel.")
    counted = [e for e in events if not (e.negated or e.hypothetical)]
    assert counted and all(e.root == "13" for e in counted)
    assert {e.source.code[:3] for e in counted if e.source} == {"PSE"}
    exact = cameo_code(
        "Palestinian leaders said they would boycott all contact with Israel.",
        petrarch_compat=True,
    )
    assert all(e.root == "16" for e in exact)


def test_coder_codes_a_refused_cooperation_as_a_rejection(cameo_code: Coder) -> None:
    events = cameo_code("The Iraqi insurgents do not recognize the Iraqi government.")
    assert [(e.root, e.negated) for e in events] == [("12", False)]


def test_coder_codes_an_agreement_to_act_as_intent_to_cooperate(cameo_code: Coder) -> None:
    events = cameo_code("Turkey and Greece have agreed to tell the truth about missing people.")
    assert {(e.source.code[:3], e.cameo) for e in events if e.source} == {
        ("TUR", "030"),
        ("GRC", "030"),
    }
    # The act agreed to, when coded, says what was agreed: its CAMEO intent code.
    shared = cameo_code("Turkey and Greece have agreed to share information on missing people.")
    assert {(e.source.code[:3], e.cameo) for e in shared if e.source} == {
        ("TUR", "031"),
        ("GRC", "031"),
    }


def test_coder_does_not_code_an_aim(cameo_code: Coder) -> None:
    events = cameo_code("The Iraqi insurgents had aimed at reaching an agreement with the US army.")
    assert not [e for e in events if not (e.negated or e.hypothetical)]


def test_coder_flags_an_act_done_for_a_purpose(cameo_code: Coder, nlp) -> None:  # type: ignore[no-untyped-def]
    from dateline.events.modality import purpose_clause

    # The act a purpose clause names is the aim, not something that happened.
    events = cameo_code("Iraqi troops were sent to the border to attack the Kurdish rebels.")
    aims = [e for e in events if e.trigger.text == "attack"]
    assert aims and all(e.hypothetical and "modality.purpose_clause" in e.rules for e in aims)
    for text, aim in (
        ("The Syrian ministers came to Amman to meet the Jordanian king.", "meet"),
        ("The army launched an offensive to retake Mosul.", "retake"),
        ("The council is reviewing candidates to fill the seat.", "fill"),
    ):
        assert [t.text for t in nlp(text) if purpose_clause(t)] == [aim], text
    # The purpose of an announced act is announced with it, and coded as the act is.
    announced = nlp("The army will attack the city to free the hostages.")
    assert not [t for t in announced if purpose_clause(t)]
    # A verb of intent's complement, even parsed as a clause of purpose, is the intent.
    sworn = nlp("The rebels have sworn to fight the government.")
    assert not [t for t in sworn if purpose_clause(t)]


def test_a_demand_with_its_price_is_an_ultimatum(cameo_code: Coder) -> None:
    events = cameo_code(
        "The Kenyan government demanded that the rebels surrender their weapons or face "
        "military action."
    )
    demanded = [e for e in events if e.trigger.text == "demanded"]
    assert [e.cameo for e in demanded] == ["139"]
    assert "modality.demand_ultimatum" in demanded[0].rules
    # A demand with no price stays a demand.
    plain = cameo_code("Russia demanded that Ukraine withdraw its troops.")
    assert [e.cameo for e in plain if e.trigger.text == "demanded"] == ["100"]


def test_an_act_on_no_object_is_negated(cameo_code: Coder) -> None:
    # "made no arrests": no arrest; "seeks no conflict": no refusal either.
    for text in (
        "Kenyan police made no arrests in Nairobi on Monday.",
        "Turkey said it seeks no conflict with Russia.",
    ):
        events = cameo_code(text)
        assert not [e for e in events if not e.negated and e.root in ("17", "03", "12")], text
    sought = [e for e in cameo_code("Turkey said it seeks no conflict with Russia.")]
    assert all("modality.no_object" in e.rules for e in sought if e.trigger.text == "seeks")


def test_local_officers_are_government_agents(settings: Settings) -> None:
    from dateline import Pipeline

    article = Pipeline(settings).extract(
        "WINDER, Ga. - Barrow County commissioners voted Monday to dismiss the county "
        "tax assessors.",
        date="2009-03-20",
    )
    dismissed = [e for e in article.events if e.trigger.text == "dismiss"]
    coded = [(e.source.code, e.cameo, e.target.code) for e in dismissed if e.source and e.target]
    assert coded == [("USAGOV", "172", "USAGOV")]


def test_insults_lobbed_at_one_another_over_months_are_mutual_criticism(
    cameo_code: Coder,
) -> None:
    # "spent months lobbing": a stretch of time controls no one; "at one another": each
    # side's act on the other; "lob" insults: hurled (CAMEO 111).
    events = cameo_code(
        "Iraqi Prime Minister Nouri al-Maliki and the Kurdish leader Massoud Barzani spent "
        "months lobbing insults at one another."
    )
    lobbed = {
        (e.source.code[:3], e.cameo, e.target.code[:3]) for e in events if e.source and e.target
    }
    assert ("IRQ", "111", "IRQ") in lobbed
    assert all("target:roles.acts_together" in e.rules for e in events if e.root == "11")


def test_an_opinion_expressed_is_a_statement_and_a_feeling_keeps_its_code(
    cameo_code: Coder,
) -> None:
    opinions = cameo_code("The Iraqi minister expressed opinions about Iran and Syria.")
    assert opinions and all(e.root == "01" for e in opinions if e.trigger.text == "expressed")
    concern = cameo_code("The Iraqi minister expressed concern about Iran.")
    assert [e.cameo for e in concern if e.trigger.text == "expressed"] == ["012"]


def test_breaking_up_a_fight_is_no_attack(cameo_code: Coder) -> None:
    stopped = cameo_code("Iraqi police broke up a fight between Kurdish and Arab protesters.")
    assert not [e for e in stopped if e.trigger.text == "broke" and e.root in ("18", "19")]
    broken = cameo_code("Turkish troops broke the Kurdish militia in Afrin.")
    assert [e.root for e in broken if e.trigger.text == "broke"] == ["19"]


def test_a_scheduled_court_appearance_is_no_threat(cameo_code: Coder) -> None:
    # A timetable threatens no one: a scheduled coercive act is no event (it is not done
    # yet); a scheduled meeting is still the intent to meet.
    scheduled = cameo_code("Iraqi police are scheduled to arrest the Kurdish rebels.")
    assert not [e for e in scheduled if e.root in ("13", "17")]
    due = cameo_code("Russia's president is due to meet Turkey's president in Moscow.")
    assert "036" in {e.cameo for e in due if e.trigger.text == "meet"}
    vowed = cameo_code("Iraqi police vowed to arrest the Kurdish rebels.")
    assert [e.root for e in vowed if e.trigger.text == "arrest"] == ["13"]


def test_a_lockdown_falls_on_the_sources_people(cameo_code: Coder) -> None:
    # A restriction that names no one, or only a place of the source's own country, falls
    # on that country's people; a party named keeps its place.
    ordered = cameo_code("The Indian government ordered a lockdown in Mumbai.")
    coded = {(e.source.code, e.cameo, e.target.code) for e in ordered if e.source and e.target}
    assert ("INDGOV", "172", "INDCVL") in coded
    assert all("target:nominal.own_population" in e.rules for e in ordered if e.root == "17")
    curfew = cameo_code("Kenyan police imposed a curfew on the protesters.")
    assert [e.target.text for e in curfew if e.target and e.root == "17"] == ["the protesters"]


def test_coder_token_table_gives_the_candidate_verbs_and_words_of_each_sentence(
    nlp,  # type: ignore[no-untyped-def]
) -> None:
    from dateline.events.coder import _is_candidate, _sentence_words, _TokenTable

    doc = nlp(
        "The rebels were reported to have attacked two villages. Officials said talks "
        "between the governments would resume, and the ministers have been meeting."
    )
    table = _TokenTable(doc)
    for sent in doc.sents:
        expected = [t.i for t in sent if _is_candidate(t)]
        assert table.candidates(sent.start, sent.end) == expected
        for exact in (True, False):
            assert table.words(sent.start, sent.end, exact) == _sentence_words(sent, exact)
    assert "VILLAGE" in table.words(0, len(doc), exact=False)


def test_coder_pattern_index_keeps_exactly_the_patterns_a_sentence_may_match(
    pipeline,  # type: ignore[no-untyped-def]
    nlp,  # type: ignore[no-untyped-def]
) -> None:
    from dateline.events.coder import _PatternIndex, _sentence_words

    doc = nlp(
        "The ministers held talks with the rebels on a ceasefire and agreed to meet again. "
        "Troops fired rockets across the border into villages held by the insurgents."
    )
    lists = [ps for ps in pipeline.verbs.patterns.values() if len(ps) > 1]
    assert any(len(ps) >= 50 for ps in lists)
    for sent in doc.sents:
        for exact in (True, False):
            words = _sentence_words(sent, exact)
            for patterns in lists:
                expected = [
                    p
                    for p in patterns
                    if p.required <= words and all(alt & words for alt in p.required_any)
                ]
                kept = _PatternIndex(patterns).possible(words)
                assert all(p in kept for p in expected)
                # In the list's order, and only patterns of the list.
                assert kept == [p for p in patterns if p in kept]


def test_verb_dictionary_keeps_derived_data_but_never_pickles_it(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    import pickle

    verbs = pipeline.verbs
    made: list[int] = []
    first = verbs.derived(("test", 1), lambda n: made.append(n) or [n], 1)
    assert verbs.derived(("test", 1), lambda n: made.append(n) or [n], 2) is first
    assert made == [1]
    copy = pickle.loads(pickle.dumps(verbs))
    assert "_derived" not in copy.__dict__
    assert copy.forms.keys() == verbs.forms.keys()


def test_coder_reads_span_texts_and_token_starts_from_the_document(
    nlp,  # type: ignore[no-untyped-def]
) -> None:
    from dateline.events.coder import _span_text, _TokenTable

    doc = nlp("Gondor  accused Mordor of shelling\n\nthe border town. Talks resumed.")
    table = _TokenTable(doc)
    for sent in doc.sents:
        assert _span_text(sent) == sent.text
        for a in range(sent.start_char, sent.end_char + 1, 3):
            for b in range(a, sent.end_char + 2, 5):
                expected = [t.i for t in doc if a <= t.idx < b]
                assert list(table.starting_in(a, b)) == expected
    assert _span_text(doc[1:4]) == doc[1:4].text


def test_coder_knows_which_pattern_lists_can_name_a_source(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    from dateline.events.coder import _names_a_source

    lists = list(pipeline.verbs.patterns.values())
    marked = [ps for ps in lists if any("$" in p.text.split("#")[0] for p in ps)]
    assert marked and all(_names_a_source(ps) for ps in marked)
    marked_ids = {id(ps) for ps in marked}
    unmarked = [ps for ps in lists if ps and id(ps) not in marked_ids]
    assert unmarked and not any(_names_a_source(ps) for ps in unmarked)
    assert not _names_a_source([])


def test_coder_codes_a_dated_nominal_event_whose_phrase_names_the_parties(
    cameo_code: Coder,
) -> None:
    events = cameo_code("After talks between Israel and Syria on Monday, the minister flew home.")
    assert {(e.source.code, e.target.code, e.cameo) for e in events if e.source and e.target} == {
        ("ISR", "SYR", "046"),
        ("SYR", "ISR", "046"),
    }
    assert {e.trigger.text for e in events} == {"talks"}
    truce = cameo_code("Fighting resumed despite a truce between Ethiopia and Eritrea in March.")
    assert {(e.source.code, e.cameo) for e in truce if e.source} == {
        ("ETH", "0871"),
        ("ERI", "0871"),
    }
    owned = cameo_code("Shops reopened after Russia's talks with Georgia on Monday.")
    assert [(e.source.code, e.target.code, e.cameo) for e in owned if e.source and e.target] == [
        ("RUS", "GEO", "046")
    ]


def test_coder_leaves_a_nominal_event_without_its_own_date_or_parties_or_under_a_verb(
    cameo_code: Coder,
) -> None:
    # A standing state, not an event: no date of its own.
    assert not [
        e
        for e in cameo_code("Fighting went on despite a truce between Ethiopia and Eritrea.")
        if e.cameo == "0871"
    ]
    # Talks looked forward to have not happened yet.
    ahead = cameo_code("Officials arrived ahead of talks between Israel and Syria on Monday.")
    assert ahead and all(e.hypothetical for e in ahead if e.trigger.text == "talks")
    # No parties in the noun's phrase: nobody to code.
    assert not cameo_code("The minister flew home after the talks on Monday.")
    # The verb carries the noun: a collapse is no declaration of a truce.
    assert not [
        e
        for e in cameo_code("The truce between Ethiopia and Eritrea collapsed on Monday.")
        if e.cameo == "0871"
    ]


def test_coder_gives_a_dated_truce_without_parties_those_of_its_paragraph(
    cameo_code: Coder,
) -> None:
    text = (
        "Israeli officials held talks with Palestinian leaders on 3 March. "
        "Two rounds took place before three days of calm on 9 March.\n\n"
        "A period of calm on 2 April surprised the markets."
    )
    events = cameo_code(text, "2007-04-10")
    truces = [e for e in events if e.cameo == "0871"]
    # The first lull lies between the parties of the talks, both ways, read from the first
    # sentence's words and marked as inferred; the second, in another paragraph, has none.
    assert {(e.source.code, e.target.code) for e in truces if e.source and e.target} == {
        ("ISRGOV", "PSE"),
        ("PSE", "ISRGOV"),
    }
    assert all(e.trigger.text == "calm" and e.confidence < 1 for e in truces)
    assert all(text[e.source.start : e.source.end] == e.source.text for e in truces if e.source)
    assert all(e.trigger.start < text.index("\n") for e in truces)
    # No stretch of time or no date of its own: no truce.
    for undated in (
        "Israeli officials met Palestinian leaders. Both sides then called for calm on Monday.",
        "Israeli officials met Palestinian leaders. A week of calm followed.",
    ):
        assert not [e for e in cameo_code(undated) if e.cameo == "0871"]


def test_coder_gives_an_agent_owned_by_its_or_their_the_owners_country(
    cameo_code: Coder,
) -> None:
    def sources(text: str) -> set[str]:
        return {e.source.code for e in cameo_code(text) if e.source}

    assert sources("Israel said its troops shelled two villages in Lebanon.") == {"ISRMIL"}
    assert sources("Putin said his army shelled two villages in Georgia.") == {"RUSMIL"}
    assert "PSECOP" in sources("Palestinian leaders said their police detained two settlers.")
    # One's own troops are what is moved, not whom the act is aimed at.
    events = cameo_code("Syria said it would withdraw its troops from Lebanon.")
    assert {e.target.code for e in events if e.target} == {"LBN"}
    # Never across a paragraph break, and a group's own men are not its country's forces.
    assert "ISRMIL" not in sources(
        "Israel protested.\n\nIts troops shelled two villages in Lebanon."
    )
    # The clause's own subject owns its forces, however near another country stands; one's
    # own forces are never the target. (The invasion, told in a clause set off by commas, is
    # an act of its own: roles.relative_pronoun.)
    events = cameo_code("Israel, which invaded Lebanon in 1982, withdrew its troops in 2000.")
    withdrew = [e for e in events if e.trigger.text == "withdrew"]
    assert [(e.source.code if e.source else None, e.target) for e in withdrew] == [("ISR", None)]
    invaded = [e for e in events if e.trigger.text == "invaded"]
    assert [(e.source.code, e.target.code) for e in invaded if e.source and e.target] == [
        ("ISR", "LBN")
    ]
    # A group's own fighters are the group (coref.group_member), not its country's forces.
    owned = cameo_code("The Taliban said its fighters shelled two villages in Ghazni.")
    assert {e.source.code for e in owned if e.source} == {"AFGREB"}


def test_coder_reads_who_suffered_and_who_did_violence_told_without_an_active_verb(
    cameo_code: Coder,
) -> None:
    def dyads(text: str) -> set[tuple[str | None, str | None]]:
        return {
            (e.source.code if e.source else None, e.target.code if e.target else None)
            for e in cameo_code(text)
            if e.root in ("18", "19", "20")
        }

    # A headline's participle: the noun suffered the act; the by-agent did it.
    assert dyads("Two Israeli soldiers killed in Gaza bombing.") == {(None, "ISRMIL")}
    # A headline's passive with its auxiliary left out.
    assert dyads("Two Israeli soldiers killed in bombing in Gaza.") == {(None, "ISRMIL")}
    assert dyads("US helicopter shot down and destroyed over Helmand.") == {(None, "USA")}
    assert dyads("Israeli troops killed two militants in Lebanon.") == {("ISRMIL", "LBNUAF")}
    assert dyads("A UN convoy attacked by Taliban militants near Kabul.") == {
        ("AFGREBUAF", "IGOUNO")
    }
    # The violence names who carried it out.
    assert dyads("Three policemen were wounded in a Taliban attack in Kandahar.") == {
        ("AFGREB", "---COP")
    }
    assert dyads("Two soldiers died in a Hamas rocket attack.") == {("PSEREBHMS", "---MIL")}
    # A death with no violence named is no event; a participle with an object of its own
    # is not read as passive ("a newspaper called on Arabs").
    assert not cameo_code("The former Iraqi president died in hospital on Friday.")
    called = cameo_code("An official Syrian newspaper called Thursday on Arabs to unite.")
    assert all(e.source and e.source.code.startswith("SYR") for e in called)


def test_coder_reads_the_by_agent_of_the_violence_a_passive_was_suffered_in(
    cameo_code: Coder,
) -> None:
    def sources(text: str) -> set[str | None]:
        return {e.source.code if e.source else None for e in cameo_code(text) if e.root == "19"}

    assert sources("Three Afghan policemen were killed in an attack by Taliban militants.") == {
        "AFGREBUAF"
    }
    # The phrase hangs on the participle joined to the verb; "shelling" read as a verb.
    text = "One Turkish soldier was killed and another wounded in shelling by Syrian forces."
    assert sources(text) == {"SYRMIL"}
    # No by-phrase on the violence: no one named.
    assert sources("Three Afghan policemen were killed in an attack on Sunday.") == {None}


def test_coder_reads_a_fronted_participle_as_passive(cameo_code: Coder) -> None:
    # Hale was asked; she asked no one about Reed's remarks.
    asked = cameo_code("Asked about Governor Tom Reed's remarks, Senator Jane Hale said no more.")
    assert not [e for e in asked if e.trigger.text == "Asked"]
    # The main clause's own act is coded as before.
    pressed = cameo_code("Pressed by reporters, Senator Jane Hale criticized Governor Tom Reed.")
    assert any(e.trigger.text == "criticized" and e.root == "11" for e in pressed)


def test_coder_codes_talks_that_are_the_subject_between_their_parties(
    cameo_code: Coder,
) -> None:
    def dyads(text: str) -> set[tuple[str, str, str]]:
        return {
            (e.source.code, e.target.code, e.cameo)
            for e in cameo_code(text)
            if e.source and e.target
        }

    assert dyads("US-China trade talks resumed on Monday.") == {
        ("USA", "CHN", "046"),
        ("CHN", "USA", "046"),
    }
    # The place the talks resumed in is no party.
    assert {(s, t) for s, t, _ in dyads("Talks between Iran and Syria resumed in Vienna.")} == {
        ("IRN", "SYR"),
        ("SYR", "IRN"),
    }
    # A war is no talks, and its parties do not do what the war does.
    assert not dyads("The Israel Hamas war went on.")
    assert not cameo_code("The Israel Hamas war went on.")


def test_coder_reads_two_actors_the_parser_nested_and_leaves_out_the_venue(
    cameo_code: Coder,
) -> None:
    # The parser hangs "Colombia's government and FARC" on "rebels"; "in Havana" is where.
    events = cameo_code("Colombia's government and FARC rebels signed a peace agreement in Havana.")
    assert {(e.source.code, e.target.code) for e in events if e.source and e.target} == {
        ("COLGOV", "COLREB"),
        ("COLREB", "COLGOV"),
    }
    # A party named with "with" stays the target.
    events = cameo_code("Israel and Jordan signed an agreement with Egypt in Cairo.")
    assert {(e.source.code, e.target.code) for e in events if e.source and e.target} == {
        ("ISR", "EGY"),
        ("EGY", "ISR"),
        ("JOR", "EGY"),
        ("EGY", "JOR"),
    }


def test_coder_gives_agents_met_before_a_place_that_places_country(cameo_code: Coder) -> None:
    events = cameo_code("Gunmen killed five policemen at a checkpoint in northern Iraq.")
    assert {e.target.code for e in events if e.target} == {"IRQCOP"}
    events = cameo_code("Police arrested two journalists in Cairo on Monday.")
    assert {e.target.code for e in events if e.target} == {"EGYMED"}
    # "joint" exercises are held with each other.
    events = cameo_code("The United States and South Korea will hold joint military exercises.")
    assert {(e.source.code, e.target.code) for e in events if e.source and e.target} == {
        ("USA", "KOR"),
        ("KOR", "USA"),
    }


def test_coder_codes_a_two_sided_act_of_a_compound_subject_between_its_members(
    cameo_code: Coder,
) -> None:
    def dyads(text: str) -> set[tuple[str, str]]:
        return {(e.source.code, e.target.code) for e in cameo_code(text) if e.source and e.target}

    both = {("ISR", "SYR"), ("SYR", "ISR")}
    assert dyads("Israel and Syria met in Geneva on Monday.") == both
    assert dyads("Israel and Syria clashed along the border.") == both
    assert dyads("Israel and Syria exchanged fire along the border.") == both
    # Acting together on someone else, or where one-sided, stays so.
    assert {t for _, t in dyads("Israel and Egypt attacked targets in Lebanon.")} == {"LBN"}
    assert not dyads("Israel and Syria protested on Monday.") & both
    # A campus or building after "at" is where too.
    signed = dyads("Israel and Syria signed an agreement at Columbia University.")
    assert signed and all(t in ("ISR", "SYR") for _, t in signed)


def test_coder_reads_approving_a_nomination_as_an_endorsement(cameo_code: Coder) -> None:
    events = cameo_code("The Senate approved the nomination of a Mississippi judge.")
    assert [e.cameo for e in events if e.trigger.text == "approved"] == ["051"]


def test_coder_reads_drawing_a_weapon_on_someone_and_pulling_troops_out(
    cameo_code: Coder,
) -> None:
    events = cameo_code("Iraqi police said a gunman pulled a gun on two Iraqi soldiers.")
    assert "180" in {e.cameo for e in events if e.trigger.text == "pulled"}
    events = cameo_code("Russia pulled its troops out of Syria.")
    assert [e.cameo for e in events if e.trigger.text == "pulled"] == ["0874"]


def test_a_proposal_with_let_is_no_event(cameo_code: Coder) -> None:
    proposed = cameo_code("Let Israel and Syria meet in Geneva.")
    assert proposed and all(e.hypothetical for e in proposed)
    assert "modality.hortative" in proposed[0].rules
    allowed = cameo_code("Syria let Israel meet its envoy in Geneva.")
    assert not any("modality.hortative" in e.rules for e in allowed)


def test_coder_reads_moderating_a_debate_as_no_repression(cameo_code: Coder) -> None:
    assert not [e for e in cameo_code("Lester Holt of NBC will moderate the first debate.")]
    events = cameo_code("Chinese police moderated the protesters in Tibet.")
    assert [e.cameo for e in events] == ["170"]


def test_coder_reads_datelines_supplements_for_deals_and_aid_workers(cameo_code: Coder) -> None:
    events = cameo_code("Iran signed a deal with Russia on Monday.")
    assert {(e.source.code, e.target.code, e.cameo) for e in events if e.source and e.target} >= {
        ("IRN", "RUS", "057")
    }
    events = cameo_code("Militants kidnapped three aid workers in Somalia.")
    assert {e.target.code for e in events if e.target} == {"SOMNGODEV"}


def test_coder_codes_an_eager_act_as_an_intent(cameo_code: Coder) -> None:
    events = cameo_code("Syria has been eager to withdraw its forces from Lebanon.", "2005-01-01")
    assert {e.root for e in events if not (e.negated or e.hypothetical)} == {"03"}


def test_coder_does_not_count_what_a_question_asks(cameo_code: Coder) -> None:
    asked = cameo_code("Will China invade Taiwan next year?")
    assert asked and all(e.hypothetical for e in asked)
    told = cameo_code("China invaded Taiwan on Monday.")
    assert told and not any(e.hypothetical for e in told)


def test_a_question_mark_after_a_full_stop_is_no_question(cameo_code: Coder) -> None:
    # A closing quotation mark lost to a wrong encoding: "called the law “illegal.?"
    told = cameo_code("China criticized Japan and called its plan \u201cillegal.?")
    assert [(e.root, e.hypothetical) for e in told if e.trigger.text == "criticized"] == [
        ("11", False)
    ]
    asked = cameo_code("Did China criticize Japan again?")
    assert asked and all(e.hypothetical for e in asked)


def test_coder_codes_an_announced_clause_and_arms_sent_not_the_announcing(
    cameo_code: Coder,
) -> None:
    events = cameo_code("Germany will send tanks to Ukraine, Scholz announced.", "2023-01-25")
    assert {(e.source.code, e.target.code if e.target else None, e.cameo) for e in events} == {
        ("DEU", "UKR", "033")
    }
    events = cameo_code("Iran delivered drones to Russia last year.", "2023-01-25")
    assert {e.cameo for e in events} == {"072"}


def test_coder_prefers_the_object_a_pattern_names_to_the_verbs_particle(
    cameo_code: Coder,
) -> None:
    # CAMEO.2.0's BREAK block: "- * OFF [130]" and "- * RELATIONS [161]".
    events = cameo_code("Venezuela broke off diplomatic relations with Colombia.")
    assert {e.cameo for e in events} == {"161"}


def test_coder_codes_halted_talks_as_halted_negotiations(cameo_code: Coder) -> None:
    for text in (
        "Hamas suspended talks with Fatah on Monday.",
        "Hamas broke off negotiations with Fatah on Monday.",
    ):
        assert {e.cameo for e in cameo_code(text)} == {"164"}
    # "broke off" from an alliance halts no talks.
    assert "164" not in {e.cameo for e in cameo_code("The rebels broke off from the alliance.")}


def test_coder_does_not_count_a_past_wish_that_no_one_is_said_to_voice(
    cameo_code: Coder,
) -> None:
    def counted(text: str) -> set[str]:
        return {e.cameo for e in cameo_code(text) if not (e.negated or e.hypothetical)}

    # A wish in the simple past, said by no one: what was wished then.
    assert "036" not in counted("We wanted the talks with Israel to be held in Cairo.")
    # Said to be wanted, or wanted now: an expressed intent (CAMEO 036).
    assert "036" in counted("The minister said Syria wanted talks with Israel.")
    assert "036" in counted("Syria wanted talks with Israel, the minister said.")
    assert "036" in counted("Syria wants talks with Israel.")


def test_coder_conjoined_verb_sharing_the_subject_skips_the_first_verbs_words(
    cameo_code: Coder,
) -> None:
    # "- GOVERNMENT * &TREATY [0344]" is the government reaching a treaty; the "government"
    # of the first verb's object is not before "reached" in its clause.
    events = cameo_code(
        "Iran answered the letter of the new government and reached an agreement with Iraq."
    )
    assert [(e.source.code, e.target.code, e.cameo) for e in events if e.source and e.target] == [
        ("IRN", "IRQ", "032")
    ]


def test_coder_codes_what_was_informed_not_the_informing(cameo_code: Coder) -> None:
    reported = cameo_code("Russia informed Georgia that it would withdraw its troops.")
    assert reported and {e.trigger.text for e in reported} == {"withdraw"}
    assert not cameo_code("The rebels informed the government of this in a letter on Sunday.")


def test_coder_codes_a_reported_obligation_as_a_demand(cameo_code: Coder) -> None:
    events = cameo_code("Russia said on Tuesday that Sudan must return the helicopter.")
    demands = [e for e in events if e.trigger.text == "said"]
    assert [(e.source.code, e.target.code, e.cameo) for e in demands if e.source and e.target] == [
        ("RUS", "SDN", "100")
    ]
    assert not [
        e
        for e in cameo_code("Russia said Sudan must return it.", petrarch_compat=True)
        if e.trigger.text == "said"
    ]


def test_coder_codes_a_rejection_the_dictionary_leaves_uncoded(cameo_code: Coder) -> None:
    events = cameo_code("Serbia on Thursday flatly rejected an Australian ultimatum.")
    assert [(e.target.code, e.cameo) for e in events if e.target] == [("AUS", "120")]
    assert not cameo_code("Serbia flatly rejected an Australian ultimatum.", petrarch_compat=True)


def test_coder_codes_a_refused_act_as_its_rejection(cameo_code: Coder) -> None:
    events = cameo_code("Pakistan refused to meet Indian officials.")
    assert [(e.source.code, e.cameo) for e in events if e.source] == [("PAK", "125")]


def test_coder_reads_a_list_whose_second_item_is_parsed_as_an_apposition(code: Coder) -> None:
    events = code(
        "Mordor, the Shire, Fornost and Bree welcomed a resumption of formal diplomatic ties "
        "with Osgiliath.",
        petrarch_compat=True,
    )
    assert {e.source.code for e in events if e.source} == {"MOR", "FRO", "BIL", "SAM", "FOR", "BRE"}


def test_coder_codes_an_announced_obligation_as_a_demand(cameo_code: Coder) -> None:
    events = cameo_code("Russian officials announced that Sudan must return the helicopter.")
    assert ("SDN", "100") in {(e.target.code, e.cameo) for e in events if e.target}


def test_coder_keeps_the_codes_of_a_dictionary_that_is_not_cameo(
    code: Coder, validate_verbs: VerbDictionary
) -> None:
    # The validation dictionary's codes are WEIS-like: CAMEO's intent rules stand aside.
    assert not validate_verbs.cameo_codes
    events = code("Arnor will adopt a set of resolutions with Gondor.")
    assert {e.cameo for e in events} == {"081"}


def test_a_pattern_preposition_does_not_match_an_infinitive_marker(cameo_code: Coder) -> None:
    events = cameo_code("The Nicaraguan government ordered the Russian embassy to close.")
    assert "100" in {e.cameo for e in events if e.trigger.text == "ordered"}


def test_coder_codes_an_appeal_and_not_the_act_appealed_for(cameo_code: Coder) -> None:
    events = cameo_code("The US urged Vietnam to push back against China.")
    counted = {
        (e.source.code, e.target.code if e.target else None, e.cameo)
        for e in events
        if e.source and not (e.negated or e.hypothetical)
    }
    assert counted == {("USA", "VNM", "020")}


def test_coder_takes_the_subject_after_the_dateline(settings: Settings) -> None:
    from dateline import Pipeline

    text = (
        "HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper on Wednesday accused China "
        "of using coercion against smaller Asian nations."
    )
    article = Pipeline(settings).extract(text, date="2019-11-20")
    accused = [e for e in article.events if e.trigger.text == "accused"]
    assert accused and all(e.source and e.source.code.startswith("USA") for e in accused)
    # A dateline the parser hangs on the subject is cut from the source's phrase: the
    # source is the party, the event stands.
    hung = Pipeline(settings).extract(
        "WASHINGTON - Donald Trump attacked Hillary Clinton on Friday.", date="2016-09-20"
    )
    attacked = [e for e in hung.events if e.trigger.text == "attacked"]
    assert [(e.source.text, e.confidence) for e in attacked if e.source] == [("Donald Trump", 1.0)]


def test_coder_reads_a_participle_with_a_by_agent_as_passive(cameo_code: Coder) -> None:
    events = cameo_code("Criticized by Russia, Ukraine is being drawn into new talks.")
    criticized = [e for e in events if e.trigger.text == "Criticized"]
    assert [(e.source.code, e.target.code) for e in criticized if e.source and e.target] == [
        ("RUS", "UKR")
    ]


def test_coder_codes_a_spokesperson_as_the_actor_spoken_for(cameo_code: Coder) -> None:
    events = cameo_code("A spokesperson for the British Foreign Office criticized Iran.")
    assert [(e.source.code, e.cameo) for e in events if e.source] == [("GBRGOV", "111")]


def test_coref_does_not_resolve_he_to_an_organisation(settings: Settings) -> None:
    nlp = load_nlp(settings.spacy_model)
    text = "Vietnam's coast guard got a ship. He said it was old."
    mentions = [Mention(0, 21, "Vietnam's coast guard", "ACTOR", Actor("VNMMIL"))]
    found = resolve_coreference(Article(text=text), nlp(text), mentions)
    assert "He" not in [m.text for m in found]
    person = "The Vietnamese defense minister got a ship. He said it was old."
    mentions = [Mention(0, 32, "The Vietnamese defense minister", "ACTOR", Actor("VNMMIL"))]
    found = resolve_coreference(Article(text=person), nlp(person), mentions)
    assert [m.actor.code for m in found if m.text == "He" and m.actor] == ["VNMMIL"]


def test_coder_flags_an_inability_as_negated_not_as_a_refusal(cameo_code: Coder) -> None:
    for text in (
        "The Iraqi police are not able to end the violence.",
        "The Iraqi police are unable to end the violence.",
    ):
        events = cameo_code(text)
        assert events and all(e.negated and e.root == "08" for e in events)


def test_coder_codes_a_reiterated_demand_on_the_clause_subject(cameo_code: Coder) -> None:
    events = cameo_code("The UN reiterated its demand that Israel ease restrictions on workers.")
    counted = {(e.target.code, e.cameo) for e in events if e.target and not e.hypothetical}
    assert counted == {("ISR", "100")}


def test_coder_codes_an_announcement_with_unless_as_a_threat(cameo_code: Coder) -> None:
    events = cameo_code(
        "Nigeria announced that it will withdraw its peacekeeping force from Chad unless "
        "a ceasefire is arranged."
    )
    withdraw = [e for e in events if e.trigger.text == "withdraw"]
    assert withdraw and all(e.root == "13" for e in withdraw)


def test_coder_codes_a_declaration_for_whoever_issued_it(cameo_code: Coder) -> None:
    events = cameo_code(
        "The Iraqi rebels issued a declaration demanding that the Turkish government "
        "provide information on the safety of its leader."
    )
    demanding = [e for e in events if e.trigger.text == "demanding"]
    assert [
        (e.source.code, e.target.code, e.cameo) for e in demanding if e.source and e.target
    ] == [("IRQREB", "TURGOV", "100")]


def test_coder_takes_the_object_as_subject_of_an_infinitive(cameo_code: Coder) -> None:
    events = cameo_code(
        "Erekat said it was the latest move by the US to try to force the Palestinians to "
        "capitulate and give up their claims to an independent state."
    )
    give = [e for e in events if e.trigger.text == "give"]
    assert give and all(e.source and e.source.code.startswith("PSE") for e in give)


def test_coder_does_not_take_a_subject_from_outside_a_quotation(cameo_code: Coder) -> None:
    events = cameo_code(
        "A spokesperson for the British Foreign Office reiterated the UK's position that "
        'settlements "are illegal under international law, present an obstacle to peace and '
        'threaten the viability of a two-state solution".'
    )
    assert not [e for e in events if e.trigger.text == "threaten"]


def test_coder_shares_negation_across_verbs_joined_by_and(cameo_code: Coder) -> None:
    events = cameo_code("Iraq did not attack Iran and did meet its leaders.")
    assert [e.negated for e in events if e.trigger.text == "attack"] == [True]
    shared = cameo_code("The Chinese government would not sit on its hands and watch the police.")
    assert all(e.negated for e in shared if e.trigger.text == "watch")


def test_coder_codes_a_light_verb_by_its_event_noun(cameo_code: Coder) -> None:
    for text, code in (
        ("Seven opposition parties in Nepal have organized a general strike.", "143"),
        ("Iraqi workers went on strike.", "143"),
        # the lemmatiser reads "staged" as "stag": the light verb by its regular form
        ("Iraqi workers staged a walkout on Monday.", "143"),
    ):
        assert code in {e.cameo for e in cameo_code(text)}


def test_coder_codes_an_act_done_in_protest_as_a_protest(cameo_code: Coder) -> None:
    events = cameo_code("Palestinians shunned work on Monday to protest at Israeli settlements.")
    assert {e.root for e in events if e.trigger.text == "shunned"} == {"14"}


def test_coder_codes_a_meeting_held_to_complain_as_a_complaint(cameo_code: Coder) -> None:
    events = cameo_code(
        "Nigeria's foreign minister summoned Niger's ambassador to complain of inaction."
    )
    assert {e.cameo for e in events if e.trigger.text == "summoned"} == {"111"}


def test_coder_keeps_a_request_to_complain_a_request(cameo_code: Coder) -> None:
    events = cameo_code("Nigeria's foreign minister urged Niger's ambassador to complain.")
    assert all(e.root != "11" for e in events if e.trigger.text == "urged")


def test_coder_codes_a_sworn_attack_as_a_threat(cameo_code: Coder) -> None:
    events = cameo_code("Ethnic Albanians have sworn to fight until they gain control of villages.")
    assert {e.root for e in events if e.trigger.text == "fight"} == {"13"}


def test_coder_flags_acts_asked_for_through_nested_complements(cameo_code: Coder) -> None:
    events = cameo_code(
        "Greece demanded that its partners refuse to recognize the Republic of Macedonia."
    )
    assert all(e.hypothetical for e in events if e.trigger.text == "recognize")


def test_coder_keeps_a_reported_act_after_was_told(cameo_code: Coder) -> None:
    events = cameo_code("Israeli soldiers attacked Palestinian detainees, a court was told today.")
    assert [e.hypothetical for e in events if e.trigger.text == "attacked"] == [False]


def test_coder_takes_people_of_a_place_as_its_actor(cameo_code: Coder) -> None:
    events = cameo_code("Residents of Gaza attacked Israeli soldiers.")
    assert [(e.source.code[:3], e.target.code) for e in events if e.source and e.target] == [
        ("PSE", "ISRMIL")
    ]
    assert not cameo_code("The formation of the Iraqi government will lead to talks with Iran.")


def test_coder_codes_taking_part_by_the_event_taken_part_in(cameo_code: Coder) -> None:
    events = cameo_code(
        "Iraqi insurgents took part in a series of meetings with the US ambassador."
    )
    assert {(e.root, e.target.code[:3]) for e in events if e.target} == {("04", "USA")}


def test_coder_keeps_an_act_of_a_clause_dated_in_the_past_and_traces_it(
    cameo_code: Coder,
) -> None:
    # Phoenix's "WEEKS AGO" and bare years mark a past reference: an act the article
    # asserts is kept (the guidelines code it), its clause traced; the main event is not.
    events = cameo_code(
        "Libya said it will release the British ambassador, whom it detained in 1988."
    )
    traced = {e.trigger.text: "coder.past_clause" in e.rules for e in events}
    assert traced == {"release": False, "detained": True}


def test_coder_keeps_an_event_dated_weeks_ago_with_its_date(cameo_code: Coder) -> None:
    events = cameo_code("Libya released the British ambassador two weeks ago.")
    assert [e.trigger.text for e in events] == ["released"]
    assert "coder.past_clause" in events[0].rules


def test_coder_codes_an_armed_group_resuming_its_activities_as_force(cameo_code: Coder) -> None:
    events = cameo_code("Iraqi rebels resumed their activities against US forces.")
    assert {(e.cameo, e.source.code[:3]) for e in events if e.source} == {("190", "IRQ")}


def test_coder_leaves_a_government_resuming_its_activities_uncoded(cameo_code: Coder) -> None:
    assert cameo_code("The Iraqi government resumed its activities.") == []


def test_coder_codes_a_resumed_military_act_as_that_act(cameo_code: Coder) -> None:
    events = cameo_code("Hezbollah guerrillas resumed the fighting with Israel.")
    assert {e.root for e in events} == {"19"}


def test_coder_codes_a_presented_draft_agreement_as_negotiation(cameo_code: Coder) -> None:
    events = cameo_code("Iraq presented a draft agreement to Iran.")
    assert {(e.cameo, e.target.code if e.target else None) for e in events} == {("046", "IRN")}


def test_coder_codes_an_announced_suspension_as_reduced_relations(cameo_code: Coder) -> None:
    events = cameo_code("Italy announced a suspension of air links with Serbia on Wednesday.")
    assert {e.root for e in events} == {"16"}
    assert all(e.target is not None and "SRB" in e.target.code for e in events)


def test_coder_codes_the_content_of_an_issued_declaration(cameo_code: Coder) -> None:
    events = cameo_code(
        "Kurdish rebels issued a declaration demanding that the Turkish government resign."
    )
    assert "issued" not in {e.trigger.text for e in events}
    assert any(e.trigger.text == "demanding" and e.root == "10" for e in events)


def test_coder_codes_a_dismissed_appeal_as_a_rejection(cameo_code: Coder) -> None:
    events = cameo_code("Ivorian rebels dismissed an appeal from the Ivorian government.")
    assert {e.root for e in events if e.trigger.text == "dismissed"} == {"12"}


def test_coder_codes_people_blocking_streets_as_a_protest(cameo_code: Coder) -> None:
    events = cameo_code("Kenyan students blocked streets in Nairobi on Monday.")
    assert {e.cameo for e in events if e.trigger.text == "blocked"} == {"144"}


def test_coder_codes_arms_sent_to_a_party_as_military_aid(cameo_code: Coder) -> None:
    events = cameo_code("The United States continued to send arms to Pakistan last year.")
    assert {(e.cameo, e.target.code if e.target else None) for e in events} == {("072", "PAK")}


def test_coder_keeps_troops_sent_to_a_country_a_deployment(cameo_code: Coder) -> None:
    events = cameo_code("Russia sent troops to Georgia.")
    assert all(e.cameo != "072" for e in events)


def test_coder_codes_eased_restrictions_as_yielding(cameo_code: Coder) -> None:
    events = cameo_code("Serbia eased emergency measures in Montenegro on Wednesday.")
    assert {e.cameo for e in events} == {"081"}


def test_coder_does_not_carry_a_synonyms_bare_preposition_pattern(cameo_code: Coder) -> None:
    # CAMEO.2.0: "- * (WITH) [130] # BREAK" is "break with"; "beat ... with" is an assault.
    events = cameo_code(
        "Israeli soldiers beat up Palestinian detainees with the knowledge of senior officers."
    )
    assert {e.root for e in events if e.trigger.text == "beat"} == {"18"} or {
        e.root for e in events if e.trigger.text == "beat"
    } == {"19"}


def test_coder_codes_a_lawsuit_as_a_complaint(cameo_code: Coder) -> None:
    events = cameo_code("A Saudi businessman is suing the United States for damages.")
    assert {e.cameo for e in events} == {"115"}


def test_coder_keeps_a_conjoined_clauses_words_out_of_the_next_verbs_pattern(
    cameo_code: Coder,
) -> None:
    # "- &MILITARY * [150] # REMAIN" needs the troops in "remained"'s own clause.
    events = cameo_code("Russia said its troops withdrew and the country remained united.")
    assert "remained" not in {e.trigger.text for e in events}


def test_coder_does_not_carry_another_verbs_idiom_to_its_synonyms(cameo_code: Coder) -> None:
    # "- * PART [030] # TAKE" in the APPREHEND block is "take part", not "capture part".
    events = cameo_code("Burmese troops have captured part of a Karen guerrilla stronghold.")
    assert all(e.root != "03" for e in events)


def test_coder_reads_an_inflected_comment_verb_as_the_blocks_verb(cameo_code: Coder) -> None:
    # "- * AGAINST [141] # RALLIED" is RALLY's: mobilizing reservists stays CAMEO 15.
    events = cameo_code("Britain mobilized army reservists for a possible war against Iraq.")
    assert {e.root for e in events if e.trigger.text == "mobilized"} == {"15"}


def test_coder_gives_a_promise_about_ones_own_country_no_target(cameo_code: Coder) -> None:
    events = cameo_code("Serbian President Vojislav Kostunica promised to democratize Serbia.")
    assert [(e.root, e.target) for e in events if e.trigger.text == "promised"] == [("03", None)]


def test_coder_pattern_making_the_subject_its_target_takes_the_reporter_as_source(
    code: Coder,
) -> None:
    # "- NOTED + *" on REGRET: the regretting party is the target of the one who noted it.
    events = code("The Arnor government noted on Monday that Mordor regretted the decision.")
    assert triples(events) == {("ARNGOV", "MOR", "115")}


def test_coder_codes_one_actor_per_noun_phrase_in_a_misparsed_list(code: Coder) -> None:
    # "the wicked Arnor cruel Gondor" is one noun phrase: its first actor speaks for it.
    events = code(
        "Fornost and the wicked Arnor cruel Gondor welcomed a resumption of formal "
        "diplomatic ties with Mordor."
    )
    assert triples(events) == {("FOR", "MOR", "041"), ("ARN", "MOR", "041")}


def test_coder_non_actor_conjunct_does_not_block_the_actor_conjunct(code: Coder) -> None:
    events = code(
        "The dogs and the wicked cruel Gondor welcomed a resumption of formal diplomatic "
        "ties with Mordor."
    )
    assert triples(events) == {("GON", "MOR", "041")}


def test_coder_shares_listed_places_over_listed_agents(code: Coder) -> None:
    events = code("Diplomats and soldiers from Fornost and Gondor condemned Mordor.")
    assert triples(events) == {
        ("FORGOV", "MOR", "122"),
        ("GONGOV", "MOR", "122"),
        ("FORMIL", "MOR", "122"),
        ("GONMIL", "MOR", "122"),
    }


def test_coder_shares_one_place_over_listed_agents(code: Coder) -> None:
    events = code("Diplomats and soldiers from Fornost condemned Mordor.")
    assert triples(events) == {("FORGOV", "MOR", "122"), ("FORMIL", "MOR", "122")}


def test_coder_pattern_reads_into_a_participle_modifying_a_noun(code: Coder) -> None:
    # "assurances ... conveyed from Mordor": the participle is part of the noun phrase, so
    # "- * ASSURANCES_ON &TIETYPES FROM [913]" matches.
    events = code("Fornost welcomed assurances on economic issues conveyed from Mordor.")
    assert triples(events) == {("FOR", "MOR", "913")}


def test_coder_gives_a_trailing_place_to_the_listed_item_next_to_it(code: Coder) -> None:
    # "Rohan's farmers and shepherds from Mordor": the parse hangs "from Mordor" on
    # "farmers", which has its own country; the shepherds are Mordor's.
    events = code("Rohan's farmers and shepherds from Mordor condemned Gondor.")
    assert triples(events) == {("ROH", "GON", "122"), ("MOR", "GON", "122")}


def test_coder_shares_a_compound_heads_modifiers_with_the_next_agent(code: Coder) -> None:
    # "Danish Islamist" modifies both "media" and "government".
    events = code("The Danish Islamist media and government condemned Mordor.")
    assert triples(events) == {("DNKMUSMED", "MOR", "122"), ("DNKMUSGOV", "MOR", "122")}


def test_coder_pattern_with_only_a_pre_verb_target_does_not_take_the_reporter(
    settings: Settings, validate_actors: ActorMatcher
) -> None:
    # "- + * ROCKET": the subject is the target and the source unknown; the one who reports
    # it ("Mordor said") is not the source.
    verbs = read_verb_text("--- THWART [---] ---\nTHWART\n- + * ROCKET [193]\n")
    text = "Mordor said on Monday that Gondor thwarted a rocket attack."
    doc = load_nlp(settings.spacy_model)(text)
    article = Article(text=text, published=PublishedDate("1995-01-01"))
    mentions = validate_actors.find_mentions(article, doc)
    assert triples(code_events(article, doc, mentions, verbs, validate_actors, settings)) == set()


def test_coder_target_from_the_rest_of_the_governing_phrase(code: Coder) -> None:
    # "is about to restore ... , three years after Mordor crowds burned ...": the clause
    # hangs on "is"; with no actor in "restore"'s own phrase, the first actor after it in
    # the phrase of "is about to" is the target, as in PETRARCH's verb phrase.
    events = code(
        "Fornost is about to restore full diplomatic ties with Qwerty, three years after "
        "Mordor crowds burned down its embassy."
    )
    assert triples(events) == {("FOR", "MOR", "064")}


def test_coder_prefers_the_pattern_nearest_the_verb_among_equals(cameo_code: Coder) -> None:
    # "- * FIRE [193]" and "- * BORDER [050]" (another verb's "reopened the border") are
    # equally specific: the fire launched is what was done, not the border nearby.
    events = cameo_code(
        "Syrian troops launched mortar fire against militia positions near the border."
    )
    assert {e.root for e in events if e.trigger.text == "launched"} == {"19"}
    events = cameo_code("Turkey closed its border with Iraq because of fighting in the north.")
    assert {e.cameo for e in events if e.trigger.text == "closed"} == {"172"}


def test_coder_takes_the_subject_of_a_stative_passive_as_the_actor(cameo_code: Coder) -> None:
    # "were engaged in", "is committed to": no by-agent, the subject is who acts.
    events = cameo_code("Sudanese troops were engaged in heavy fighting with rebels in Darfur.")
    assert {(e.source.code if e.source else None, e.root) for e in events} == {("SDNMIL", "19")}
    events = cameo_code("The minister said Thailand is committed to opening up its markets.")
    assert {(e.source.code if e.source else None, e.cameo) for e in events} == {("THA", "030")}


def test_coder_codes_violating_a_law_as_defiance(cameo_code: Coder) -> None:
    events = cameo_code("Kenyan police violated a court ban on detentions in Nairobi.")
    assert {e.cameo for e in events if e.trigger.text == "violated"} == {"128"}


def test_coder_codes_reneging_as_a_rejection(cameo_code: Coder) -> None:
    events = cameo_code("The Kenyan government has reneged on its pledge to Uganda.")
    assert {e.root for e in events if e.trigger.text == "reneged"} == {"12"}


def test_coder_keeps_an_act_whose_date_phrase_qualifies_a_noun(cameo_code: Coder) -> None:
    # "in the 1980s" dates the arms sales, not the order; "in 1988" dates the attack.
    events = cameo_code(
        "A Kenyan judge ordered Ugandan officials to appear in a trial of arms sales in the 1980s."
    )
    assert {e.trigger.text for e in events} == {"ordered"}
    assert all("coder.past_clause" not in e.rules for e in events)
    attacked = cameo_code("Kenyan troops attacked Ugandan rebels in 1988.")
    assert [e.rules.count("coder.past_clause") for e in attacked] == [1]


def test_coder_codes_travel_for_an_event_as_the_event(cameo_code: Coder) -> None:
    # The place gone to says where, not with whom.
    events = cameo_code("Iranian and French negotiators returned to Vienna for talks.")
    assert triples(events) == {("IRN", "FRA", "046"), ("FRA", "IRN", "046")}
    events = cameo_code("Thousands of Kenyans were converging on Nairobi for a rally.")
    assert triples(events) == {("KEN", "---", "141")}


def test_coder_takes_the_speaker_without_a_country_as_they(cameo_code: Coder) -> None:
    # "X said they ...": the pronoun is the speaker, even an agent with no country.
    events = cameo_code("Militants said they attempted to assassinate the Kenyan president.")
    assert {(e.source.text if e.source else None, e.root) for e in events} == {("they", "18")}


def test_coder_uses_datelines_verb_patterns(cameo_code: Coder) -> None:
    # dateline.verbs.txt: "upgraded ties" (050), "received observers" (0862), "handed over
    # medicine" (073), which CAMEO.2.0 lacks.
    events = cameo_code("Kenya and Uganda have upgraded their diplomatic ties.")
    assert triples(events) == {("KEN", "UGA", "050"), ("UGA", "KEN", "050")}
    events = cameo_code("The Kenyan president received a team of observers from the UN.")
    assert {e.cameo for e in events} == {"0862"}
    events = cameo_code("Japanese doctors handed over medicine to Kenyan hospitals.")
    assert {e.cameo for e in events} == {"073"}


def test_coder_codes_speeding_up_a_withdrawal_of_forces_as_the_withdrawal(
    cameo_code: Coder,
) -> None:
    events = cameo_code("Russia has speeded up the withdrawal of its forces from Georgia.")
    assert {e.cameo for e in events} == {"0874"}


def test_coder_codes_police_preventing_a_demonstration_as_coercion(cameo_code: Coder) -> None:
    events = cameo_code("Kenyan police prevented a protest by opposition supporters in Nairobi.")
    assert {e.root for e in events if e.trigger.text == "prevented"} == {"17"}


def test_coder_gives_a_conjoined_active_verb_the_passives_subject(cameo_code: Coder) -> None:
    # "X was questioned by Y and will resign": X resigns, not Y.
    events = cameo_code("Kenya's finance minister was questioned by police and will resign.")
    assert {
        (e.source.code if e.source else None) for e in events if e.trigger.text == "resign"
    } == {"KENGOV"}


def test_coder_places_an_agent_by_where_it_is_based(cameo_code: Coder) -> None:
    events = cameo_code("A rebel group based in Sudan attacked Chadian troops.")
    assert {(e.source.code if e.source else None) for e in events} == {"SDNREB"}


def test_coder_knows_the_european_community(cameo_code: Coder) -> None:
    events = cameo_code("The European Community imposed sanctions on Serbia.")
    assert {(e.source.code if e.source else None) for e in events} == {"IGOEUREEC"}


def test_coder_stops_a_subject_phrase_at_its_verb(cameo_code: Coder) -> None:
    # The parse hangs "the scene of ..." on "Serbia" across "eased": the source is "Serbia"
    # and the place of the easing ("in Kosovo") is not hidden inside it.
    events = cameo_code(
        "Serbia eased emergency measures on Wednesday in Kosovo province, the scene of ethnic"
        " violence last March, as authorities in Croatia cracked down on Serbian nationalists."
    )
    eased = [e for e in events if e.trigger.text == "eased"]
    assert [e.source.text for e in eased if e.source] == ["Serbia"]
    assert all(e.target is None or not e.target.code.startswith("HRV") for e in eased)


def test_coder_codes_algerias_islamic_salvation_front_as_algerian(cameo_code: Coder) -> None:
    events = cameo_code("The Islamic Salvation Front attacked Algerian soldiers.")
    assert {(e.source.code[:3] if e.source else None) for e in events} == {"DZA"}


def test_coder_codes_demobilized_forces_as_their_sides_demobilization(cameo_code: Coder) -> None:
    events = cameo_code("Thousands of Ugandan rebels have been demobilized since the peace deal.")
    assert {(e.source.code if e.source else None, e.cameo) for e in events} == {("UGAREB", "0873")}


def test_coder_codes_violence_by_protesters_during_a_demonstration_as_riot(
    cameo_code: Coder,
) -> None:
    events = cameo_code("Kenyan students threw stones at Ugandan police during a demonstration.")
    assert {e.cameo for e in events if e.trigger.text == "threw"} == {"145"}
    # The police's violence there stays the police's own act.
    events = cameo_code("Kenyan police shot Ugandan students during a demonstration.")
    assert {e.root for e in events if e.trigger.text == "shot"} != {"14"}


def test_coder_codes_withdrawing_inspectors_as_cameo_1662(cameo_code: Coder) -> None:
    events = cameo_code("The United Nations withdrew its weapons inspectors from Iraq.")
    assert {e.cameo for e in events if e.trigger.text == "withdrew"} == {"1662"}


def test_coder_dates_only_the_clause_that_names_a_past_war(cameo_code: Coder) -> None:
    # "during World War Two" dates the killings, not today's demand.
    events = cameo_code(
        "Poland demanded an apology from Germany for soldiers who killed civilians during"
        " World War Two."
    )
    traced = {e.trigger.text for e in events if "coder.past_clause" in e.rules}
    assert "demanded" in {e.trigger.text for e in events} and "demanded" not in traced


def test_coder_finds_a_subject_misread_inside_a_fronted_phrase(cameo_code: Coder) -> None:
    # The parse hangs "the Kenyan government and the rebels" on "Cessation of Hostilities".
    events = cameo_code(
        "With the signing of a Memorandum of Understanding (MOU) on Cessation of Hostilities,"
        " the Kenyan government and the rebels have agreed to release prisoners."
    )
    assert "KENGOV" in {e.source.code for e in events if e.source}


def test_coder_codes_unattributed_violence_with_no_source(cameo_code: Coder) -> None:
    events = cameo_code("Three Kenyan civilians were killed in a bomb attack in Nairobi.")
    assert [(e.source, e.target.code if e.target else None) for e in events] == [(None, "KENCVL")]
    assert events[0].root in ("18", "19", "20")
    # Other passives without an agent stay uncoded: nobody named did it; and an accident is
    # no act of violence.
    assert not cameo_code("Three Kenyan officials were invited to the talks.")
    assert not cameo_code("Two Kenyan soldiers were killed in a helicopter crash.")


def test_coder_codes_an_order_to_coerce_as_the_coercion(cameo_code: Coder) -> None:
    events = cameo_code(
        "The Kenyan government ordered the opposition newspaper to suspend publication."
    )
    assert {(e.source.code if e.source else None, e.cameo) for e in events} == {("KENGOV", "1721")}
    # An order of something else stays a demand.
    events = cameo_code("The Kenyan government ordered Uganda to pay compensation.")
    assert {e.root for e in events if e.trigger.text == "ordered"} == {"10"}


def test_coder_flags_a_denied_act_negated_not_refused(cameo_code: Coder) -> None:
    for text in (
        "Syria denied that it arms the rebels in Lebanon.",
        "Syria denied arming the rebels in Lebanon.",
        "Syria denied reports that it had attacked Lebanon.",
        "Syria dismissed reports that it had attacked Lebanon.",
    ):
        events = cameo_code(text)
        assert events, text
        assert all(e.negated and e.root not in ("12",) for e in events), text
    # The act itself, undenied, is coded; "did not deny" denies nothing.
    assert any(not e.negated for e in cameo_code("Syria attacked Lebanon."))
    undenied = cameo_code("Syria did not deny that it had attacked Lebanon.")
    assert [(e.cameo, e.negated) for e in undenied] == [("190", False)]


def test_coder_codes_recalling_an_ambassador_but_not_recalling_that(cameo_code: Coder) -> None:
    events = cameo_code("Canada recalled its ambassador from Venezuela.")
    assert {(e.source.code, e.cameo) for e in events if e.source} == {("CAN", "161")}
    # "recalled that ...": remembering, a verb of saying; the clause is what is coded.
    said = cameo_code("The minister recalled that Canada had expelled Venezuelan diplomats.")
    assert not [e for e in said if e.trigger.text == "recalled"]


def test_coder_codes_a_threat_by_the_act_threatened(cameo_code: Coder) -> None:
    attack = cameo_code("Armenia threatened to attack Azerbaijan.")
    assert {(e.source.code, e.cameo) for e in attack if e.source} == {("ARM", "138")}
    sanctions = cameo_code("Canada threatened to impose sanctions on Venezuela.")
    assert {(e.source.code, e.cameo) for e in sanctions if e.source} == {("CAN", "1312")}
    # A threat of an act CAMEO names no threat for stays a threat, unspecified.
    bare = cameo_code("Armenia threatened Azerbaijan.")
    assert {e.cameo for e in bare} == {"130"}


def test_coder_codes_a_named_threat_and_a_recalled_envoy(cameo_code: Coder) -> None:
    force = cameo_code("Armenia threatened military action against Azerbaijan.")
    assert {(e.source.code, e.cameo) for e in force if e.source} == {("ARM", "138")}
    sanctions = cameo_code("Canada threatened sanctions against Venezuela.")
    assert {(e.source.code, e.cameo) for e in sanctions if e.source} == {("CAN", "1312")}
    envoy = cameo_code("Canada recalled its envoy to Venezuela.")
    assert {(e.source.code, e.cameo) for e in envoy if e.source} == {("CAN", "161")}


def test_coder_codes_a_claim_of_responsibility_but_not_a_claim_that(cameo_code: Coder) -> None:
    events = cameo_code("The Tamil Tigers claimed responsibility for the attack on the navy.")
    assert {e.cameo for e in events if e.trigger.text == "claimed"} == {"015"}
    # "claimed that ...": a verb of saying; the clause is what is coded, not the claim.
    said = cameo_code("Sri Lanka claimed that the Tamil Tigers had attacked India.")
    assert not [e for e in said if e.trigger.text == "claimed"]


def test_coder_does_not_count_the_act_of_a_vetoed_proposal(cameo_code: Coder) -> None:
    events = cameo_code("China vetoed a draft resolution condemning Myanmar.")
    counted = {e.cameo for e in events if not (e.negated or e.hypothetical)}
    assert "111" not in counted and "129" in counted
    adopted = cameo_code("The Security Council adopted a resolution condemning Myanmar.")
    assert "111" in {e.cameo for e in adopted if not (e.negated or e.hypothetical)}


def test_coder_codes_expelling_inspectors_and_peacekeepers_as_166(cameo_code: Coder) -> None:
    inspectors = cameo_code("Syria expelled the IAEA inspectors.")
    assert {e.cameo for e in inspectors if e.source and e.source.code == "SYR"} == {"1662"}
    threat = cameo_code("Syria threatened to expel the UN peacekeepers.")
    assert {e.cameo for e in threat if e.source and e.source.code == "SYR"} == {"136"}


def test_coder_takes_the_doc_text_from_the_article_only_when_the_doc_is_it_parsed(nlp) -> None:  # type: ignore[no-untyped-def]
    from dateline.events import coder

    doc = nlp("The harbour board said on Friday that the ferries would sail again.")
    # Same length, another last token: not the text this doc was parsed from.
    coder._register_text(doc, doc.text[:-1] + "!")
    assert doc not in coder._DOC_TEXTS
    coder._register_text(doc, doc.text)
    assert coder._DOC_TEXTS[doc] == doc.text


def test_coder_codes_encouraging_a_party_to_act_as_an_appeal(cameo_code: Coder) -> None:
    events = cameo_code("Turkey encouraged Greece to reopen the border crossings.")
    assert {
        (e.source.code[:3], e.cameo, e.target.code[:3]) for e in events if e.source and e.target
    } >= {("TUR", "020", "GRC")}
    praise = cameo_code("Turkey was encouraged by the progress of the talks.")
    assert all(e.cameo != "020" for e in praise)


def test_coder_codes_a_scheduled_meeting_as_an_intent_to_meet(cameo_code: Coder) -> None:
    events = cameo_code("Turkey and Russia are due to meet in Moscow on Thursday.")
    assert {(e.source.code[:3], e.cameo) for e in events if e.source} >= {("TUR", "036")}
    scheduled = cameo_code("Turkey is scheduled to meet Greece in Athens on Friday.")
    assert all(e.cameo != "040" for e in scheduled)


def test_coder_codes_an_act_told_in_an_after_clause(cameo_code: Coder) -> None:
    events = cameo_code(
        "Turkey and Russia traded threats after Turkish forces shot down two Syrian warplanes."
    )
    assert ("TUR", "190", "SYR") in {
        (e.source.code[:3], e.cameo, e.target.code[:3]) for e in events if e.source and e.target
    }


def test_coder_codes_traded_threats_as_threats_each_way(cameo_code: Coder) -> None:
    events = cameo_code("Turkey and Russia traded threats over air space on Monday.")
    assert {
        (e.source.code[:3], e.cameo, e.target.code[:3]) for e in events if e.source and e.target
    } >= {("TUR", "130", "RUS"), ("RUS", "130", "TUR")}


def test_a_noun_of_force_with_its_actor_is_an_event(cameo_code: Coder) -> None:
    events = cameo_code("Russia's annexation of Crimea renewed fears along the eastern flank.")
    assert ("RUS", "192", "UKR") in {
        (e.source.code[:3], e.cameo, e.target.code[:3]) for e in events if e.source and e.target
    }
    annexation = next(e for e in events if e.trigger.text == "annexation")
    assert "noun_acts.actor_noun" in annexation.rules


def test_a_noun_of_force_without_an_actor_is_background(cameo_code: Coder) -> None:
    events = cameo_code("The 2003 invasion changed Iraq, and the strike by teachers went on.")
    assert not [e for e in events if e.trigger.text in ("invasion", "strike")]


def test_coder_codes_firing_an_official_as_a_sanction(cameo_code: Coder) -> None:
    fired = cameo_code("The Iraqi prime minister fired the police chief on Monday.")
    assert {e.cameo for e in fired if e.trigger.text == "fired"} == {"172"}
    rockets = cameo_code("Hamas militants fired rockets at Israel on Monday.")
    assert all(e.cameo != "172" for e in rockets)
    appeal = cameo_code("Rebels dismissed an appeal from President Laurent Gbagbo.")
    assert all(e.cameo != "172" for e in appeal)


def test_coder_reads_a_noun_accused_of_a_crime_as_the_one_accused(cameo_code: Coder) -> None:
    events = cameo_code("Jurors acquitted two Iraqi men accused of smuggling weapons.")
    accused = [e for e in events if e.trigger.text == "accused"]
    assert all(e.source is None or not e.source.code.startswith("IRQ") for e in accused)


def test_leaders_attending_a_summit_side_by_side_do_not_visit_each_other(
    cameo_code: Coder,
) -> None:
    # "attended the summit": guests of a gathering someone else holds (roles.acts_together).
    events = cameo_code(
        "Iraqi Prime Minister Haider al-Abadi and Turkish President Recep Tayyip Erdogan "
        "attended the NATO summit in Brussels on Monday."
    )
    pairs = {(e.source.code[:3], e.target.code[:3]) for e in events if e.source and e.target}
    assert ("IRQ", "TUR") not in pairs and ("TUR", "IRQ") not in pairs
    talks = cameo_code(
        "Iraqi Prime Minister Haider al-Abadi and Turkish President Recep Tayyip Erdogan "
        "held talks in Brussels on Monday."
    )
    assert {("IRQ", "046", "TUR"), ("TUR", "046", "IRQ")} <= {
        (e.source.code[:3], e.cameo, e.target.code[:3]) for e in talks if e.source and e.target
    }


def test_news_verbs_of_criticism_and_jeering_are_criticism(cameo_code: Coder) -> None:
    # dateline.verbs.txt: SKEWER, PAN (DENOUNCE), BOO, HECKLE (JEER), "take aim at" (TAKE).
    for text in (
        "The Iraqi foreign minister skewered the Iranian government over the talks.",
        "Protesters booed the Iraqi prime minister in Baghdad.",
        "The Iraqi foreign minister took aim at Iran.",
    ):
        assert "111" in {e.cameo for e in cameo_code(text)}, text
    taken = cameo_code("Iraqi police took the suspect into custody.")
    assert "111" not in {e.cameo for e in taken}


def test_blocking_a_resolution_is_a_veto_and_blocking_people_is_not(cameo_code: Coder) -> None:
    # dateline.verbs.txt: BLOCK with &SOLUTION or &PROPOSAL is 129, as CAMEO.2.0 codes VETO.
    vetoed = cameo_code("Russia blocked a UN resolution on Syria.")
    assert [(e.source.code, e.cameo) for e in vetoed if e.source] == [("RUS", "129")]
    talks = cameo_code("Iraq blocked any discussion of a Kurdish army.")
    assert {e.cameo for e in talks} == {"125"}
    police = cameo_code("Iraqi police blocked the protesters in Baghdad.")
    assert {e.root for e in police} == {"17"}


def test_a_visit_or_hosting_by_two_parties_is_not_between_them(cameo_code: Coder) -> None:
    # 042/043/045 have a direction (lexicon.DIRECTED_CODES): "A and B hosted" names no
    # visit of one to the other, and with no one else named the act is done to no one.
    events = cameo_code("Jordan and Egypt hosted the gathering on Monday.")
    pairs = {(e.source.code[:3], e.target.code[:3]) for e in events if e.source and e.target}
    assert ("JOR", "EGY") not in pairs and ("EGY", "JOR") not in pairs
    assert all(e.confidence < 0.3 for e in events if e.target is None)
    attended = cameo_code("Iraqi and Turkish ministers attended the meeting on Monday.")
    assert all(
        e.confidence < 0.3 for e in attended if e.cameo in ("042", "043") and e.target is None
    )


def test_an_act_told_only_as_an_allegation_is_not_asserted(cameo_code: Coder) -> None:
    # modality.alleged: the content of an allegation, a claim or a rumour.
    for text in (
        "The outrage centred on allegations that Iraqi police beat the protesters.",
        "Rumours that the Syrian army shelled the town spread quickly.",
    ):
        acts = [e for e in cameo_code(text) if e.root in ("18", "19")]
        assert acts and all(e.hypothetical for e in acts), text
        assert all("modality.alleged" in e.rules for e in acts)
    # the same act told plainly is asserted
    told = cameo_code("Iraqi police beat the protesters in Baghdad on Monday.")
    assert [e for e in told if e.root == "18" and not e.hypothetical]


def test_a_question_asked_is_no_request_nor_its_act(cameo_code: Coder) -> None:
    # filter.question_not_a_request and modality.asked_about: an indirect question.
    asked = cameo_code("The Iraqi minister asked Iranian officials how the talks could resume.")
    assert not [e for e in asked if e.trigger.text == "asked" and e.confidence >= 0.3]
    about = cameo_code("The Iraqi minister asked whether Turkish troops had shelled the village.")
    shelled = [e for e in about if e.trigger.text == "shelled"]
    assert shelled and all(e.hypothetical for e in shelled)
    # asking someone to act is a request
    request = cameo_code("The Iraqi minister asked Iran to release the prisoners.")
    assert [e for e in request if e.trigger.text == "asked" and e.root == "02"]


def test_the_patient_of_a_passive_gerund_is_its_clauses_subject(cameo_code: Coder) -> None:
    # roles.gerund_patient: "after being indicted by", the subject of the clause before it.
    events = cameo_code(
        "The former Iraqi minister was in jail after being indicted by an Iraqi court."
    )
    indicted = [e for e in events if e.trigger.text == "indicted"]
    assert [(e.source.code, e.root, e.target.code[:3], e.confidence) for e in indicted] == [
        ("IRQJUD", "17", "IRQ", 1.0)
    ]
    assert "target:roles.gerund_patient" in indicted[0].rules


def test_a_passive_gerund_after_a_coded_act_is_coded_too(cameo_code: Coder) -> None:
    # candidates.own_clause: "after being accused by Iran" is Iran's act on the minister.
    events = cameo_code("The Iraqi minister resigned after being accused by Iran of spying.")
    accused = [e for e in events if e.trigger.text == "accused"]
    assert [(e.source.code[:3], e.root, e.target.code[:3]) for e in accused] == [
        ("IRN", "11", "IRQ")
    ]
    assert "candidates.own_clause" in accused[0].rules


def test_charges_faced_are_charges_brought_by_the_police(settings: Settings) -> None:
    # legal.facing_charges: FACE CHARGE is [:112]; with no one named, the police charge.
    from dateline import Pipeline

    article = Pipeline(settings).extract(
        "DAYTON, Ohio - Two former county commissioners face charges of fraud, and a third faces "
        "two counts of theft.",
        date="2011-05-02",
    )
    faced = {
        (e.source.code, e.cameo, e.target.code[:3]) for e in article.events if e.source and e.target
    }
    assert ("USACOP", "173", "USA") in faced
    assert all("source:legal.facing_charges" in e.rules for e in article.events if e.cameo == "173")
    assert {e.trigger.text for e in article.events if e.cameo == "173"} <= {"face", "faces"}
    # A party named as bringing them keeps CAMEO.2.0's accusation.
    named = Pipeline(settings).extract("Iraq faces charges from Iran.", date="2011-05-02")
    assert {(e.source.code, e.cameo) for e in named.events if e.source} == {("IRN", "112")}


def test_a_person_released_on_bail_or_from_jail_is_released_by_the_court_or_police(
    settings: Settings,
) -> None:
    # legal.implied_agent and legal.release: "on bond" (a court), "from jail" (the police).
    from dateline import Pipeline

    article = Pipeline(settings).extract(
        "DAYTON, Ohio - Former county commissioner Tom Hale was released on bond Tuesday. "
        "His brother Tim Hale was released from jail on Monday.",
        date="2011-05-02",
    )
    released = {(e.source.code, e.cameo) for e in article.events if e.source}
    assert {("USAJUD", "0841"), ("USACOP", "0841")} <= released
    hostages = Pipeline(settings).extract("The hostages were released on Monday.")
    assert not [e for e in hostages.events if e.source and e.source.code.endswith(("COP", "JUD"))]


def test_the_patient_of_a_passive_after_a_dateline_parsed_as_its_subject(
    settings: Settings,
) -> None:
    # roles.passive_patient through Roles._past_dateline: "DAYTON, Ohio - Tom Hale" is
    # parsed with the dateline as the passive subject and the patient as its apposition.
    from dateline import Pipeline

    article = Pipeline(settings).extract(
        "DAYTON, Ohio - Tom Hale was arrested on Monday.", date="2011-05-02"
    )
    assert [
        (e.source.code, e.cameo, e.target.text) for e in article.events if e.source and e.target
    ] == [("USACOP", "173", "Tom Hale")]


def test_a_reason_names_no_one_acted_on(cameo_code: Coder) -> None:
    # roles.Roles.objects leaves out "because of" and "due to" phrases.
    events = cameo_code("The Iraqi minister resigned due to pressure from Iran.")
    assert not [e for e in events if e.target and e.target.code.startswith("IRN")]
    left = cameo_code("Syrian troops will leave the zone before the Russian-Turkish meeting.")
    assert not [e for e in left if e.target and e.target.code[:3] in ("RUS", "TUR")]
    struck = cameo_code("Israeli jets struck Gaza because of rocket fire from Hamas.")
    assert ("ISR", "PSE") in {
        (e.source.code[:3], e.target.code[:3]) for e in struck if e.source and e.target
    }


def test_a_clause_set_off_after_a_party_tells_its_act(cameo_code: Coder) -> None:
    # roles.relative_pronoun: "Iran, which attacked Iraq, ..." codes Iran's attack; a
    # restrictive clause ("the laws that harm voters") only says which one.
    events = cameo_code("Iran, which attacked Iraq on Monday, left the talks.")
    attacked = [e for e in events if e.trigger.text == "attacked"]
    assert [(e.source.code[:3], e.root, e.target.code[:3]) for e in attacked] == [
        ("IRN", "19", "IRQ")
    ]
    assert "source:roles.relative_pronoun" in attacked[0].rules
    restrictive = cameo_code("Iraqi officials criticized the Iranian militias that attacked Iraq.")
    assert not [e for e in restrictive if "source:roles.relative_pronoun" in e.rules]


def test_forces_sent_are_the_senders_own_not_a_target(cameo_code: Coder) -> None:
    # roles.Roles.objects (_forces_moved): "sent thousands of troops" names no one acted on;
    # "sent troops to Iraq" does.
    sent = cameo_code("Turkey has sent thousands of troops in the past weeks.")
    assert not [e for e in sent if e.target is not None and e.trigger.text == "sent"]
    to_iraq = cameo_code("The United States sent troops to Iraq.")
    assert {(e.source.code, e.target.code) for e in to_iraq if e.source and e.target} == {
        ("USA", "IRQ")
    }


def test_an_uncoded_passive_subject_is_the_patient_not_a_place_after_it(
    cameo_code: Coder,
) -> None:
    # The passive subject is whom the act is done to even when no actor codes it: a place
    # in a clause the verb governs is not taken for it.
    events = cameo_code(
        "He was killed on Monday while supporting combat operations in Helmand province "
        "of southwestern Afghanistan."
    )
    assert all(e.target is None for e in events if e.trigger.text == "killed")


def test_the_venue_of_a_meeting_is_not_whom_they_meet(cameo_code: Coder) -> None:
    # roles.venue_not_party: "at Hofstra University", "in Geneva" are where, not whom.
    events = cameo_code("The Pakistani prime minister met in Geneva on Monday.")
    met = [e for e in events if e.trigger.text == "met"]
    assert met and all(e.target is None for e in met)
    assert all("roles.venue_not_party" in e.rules for e in met)
    events = cameo_code("The Pakistani prime minister met the Indian foreign minister in Geneva.")
    assert any(e.target is not None and e.target.code == "INDGOV" for e in events)


def test_an_act_marked_allegedly_is_not_asserted(cameo_code: Coder) -> None:
    # modality.alleged_adverb: what someone alleges; "reportedly" keeps a reported act.
    events = cameo_code("Iraqi soldiers allegedly attacked Kurdish protesters in Kirkuk.")
    attacked = [e for e in events if e.trigger.text == "attacked"]
    assert attacked and all(e.hypothetical for e in attacked)
    assert "modality.alleged_adverb" in attacked[0].rules
    events = cameo_code("Iraqi soldiers allegedly tried to attack Kurdish protesters.")
    assert all(e.hypothetical for e in events if e.trigger.text == "attack")
    events = cameo_code("Iraqi soldiers reportedly attacked Kurdish protesters in Kirkuk.")
    assert any(not e.hypothetical for e in events if e.trigger.text == "attacked")


def test_a_clause_of_time_or_reason_keeps_its_parties(cameo_code: Coder) -> None:
    # roles.object: "after police arrested his son" tells when; the police are not whom the
    # mayor resigned to. A threat's condition still names whom it threatens.
    events = cameo_code("The Iraqi interior minister resigned after police arrested his son.")
    resigned = [e for e in events if e.trigger.text == "resigned"]
    assert all(e.target is None for e in resigned)
    assert any(e.trigger.text == "arrested" for e in events)
    events = cameo_code("Russia threatened to stop talks if the United States deploys missiles.")
    assert any(e.root == "13" and e.target is not None and e.target.code == "USA" for e in events)


def test_an_intent_towards_a_person_of_ones_own_country_keeps_its_target(
    cameo_code: Coder,
) -> None:
    # refine.own_intent: a promise about one's own country names no other party; a person
    # or a body of that country is one.
    events = cameo_code("The Iraqi prime minister promised the Iraqi parliament a new budget.")
    promised = [e for e in events if e.trigger.text == "promised"]
    assert any(e.target is not None and e.target.code.startswith("IRQ") for e in promised)
    events = cameo_code("The Iraqi prime minister promised to rebuild Iraq.")
    assert all(e.target is None for e in events if e.trigger.text == "promised")


def test_a_participle_joined_to_a_passive_is_passive_too(cameo_code: Coder) -> None:
    # roles.passive_agent for "taken": the men suffered both acts; the police did them.
    events = cameo_code("Two Iraqi men were captured by police and taken to the county jail.")
    taken = [e for e in events if e.trigger.text in ("captured", "taken")]
    assert taken and all(e.source is not None and e.source.code.endswith("COP") for e in taken)
    assert all(e.target is not None and e.target.code.startswith("IRQ") for e in taken)


def test_an_announcement_on_an_aspectual_verb_is_the_acts(cameo_code: Coder) -> None:
    # modality.intent_code through "keep": a vow to keep shelling is a threat, not shelling.
    events = cameo_code("Turkey vowed to keep shelling Syrian government troops.")
    assert {e.root for e in events if e.trigger.text == "shelling"} == {"13"}
    events = cameo_code("Turkey kept shelling Syrian government troops.")
    assert {e.root for e in events if e.trigger.text == "shelling"} == {"19"}
