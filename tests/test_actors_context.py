"""actors.context: the country a story makes plain, for agents that name none."""

from __future__ import annotations

from dateline import Pipeline
from dateline.model import Article, Event


def _dyads(article: Article) -> set[tuple[str | None, str, str | None]]:
    return {
        (e.source.code if e.source else None, e.cameo[:2], e.target.code if e.target else None)
        for e in article.events
    }


def _by_trigger(article: Article, word: str) -> Event:
    return next(e for e in article.events if e.trigger.text == word)


def test_a_dateline_gives_its_country_to_agents_with_none(pipeline: Pipeline) -> None:
    article = pipeline.extract(
        "NAIROBI, Kenya (AP) — The court sentenced the former minister to ten years in "
        "prison on Monday. Police arrested two men in the capital.",
        date="2020-03-02",
    )
    arrest = _by_trigger(article, "arrested")
    assert arrest.source is not None and arrest.source.code == "KENCOP"
    assert arrest.target is not None and arrest.target.code == "KENCVL"
    assert "source:context.story_country" in arrest.rules
    police = next(m for m in article.mentions if m.text == "Police")
    assert police.inferred is not None and "dateline Nairobi" in police.inferred
    sentence = _by_trigger(article, "sentenced")
    assert sentence.source is not None and sentence.source.code == "KENJUD"


def test_the_places_and_actors_of_a_story_give_its_country(pipeline: Pipeline) -> None:
    text = (
        "Two men were charged after a break-in in Springfield, Illinois, on Sunday.\n\n"
        "Police in Springfield said officers detained the men near Chicago. The Illinois "
        "State Police are investigating."
    )
    article = pipeline.extract(text, date="2009-03-20")
    detained = _by_trigger(article, "detained")
    assert detained.source is not None and detained.source.code.startswith("USA")


def test_no_country_is_guessed_when_the_story_has_none(pipeline: Pipeline) -> None:
    article = pipeline.extract("Police arrested two men on Sunday.", date="2009-03-20")
    arrest = _by_trigger(article, "arrested")
    assert arrest.source is not None and arrest.source.code == "---COP"


def test_the_party_acted_on_gives_no_country_to_its_actor(pipeline: Pipeline) -> None:
    # Soldiers attacked by Hamas are not Palestinian because Hamas is.
    article = pipeline.extract("Two soldiers died in a Hamas rocket attack.", date="2009-03-20")
    assert all(e.target is None or e.target.code == "---MIL" for e in article.events)


def test_the_mentions_show_the_story_country_and_how_it_was_found(pipeline: Pipeline) -> None:
    article = pipeline.extract(
        "WASHINGTON (Reuters) - Senator Jane Hale criticized the governor on Monday.",
        date="2016-09-20",
    )
    hale = next(m for m in article.mentions if m.text.startswith("Senator"))
    assert hale.actor is not None and hale.actor.code == "USALEG"
    assert hale.inferred is not None and "dateline" in hale.inferred
    assert hale.to_json()["inferred"] == hale.inferred
    assert ("USALEG", "11", "USAGOV") in _dyads(article)


def test_a_surname_the_parser_left_untagged_is_the_named_person(pipeline: Pipeline) -> None:
    article = pipeline.extract(
        "WASHINGTON (AP) — Mayor Tom Reed spoke on Monday. Reed accused the council of "
        "hiding the report.",
        date="2016-09-20",
    )
    accused = _by_trigger(article, "accused")
    assert accused.source is not None and accused.source.text == "Reed"
    assert accused.source.code == "USAGOV"


def test_people_and_organisations_missing_from_the_dictionaries_take_the_story_country(
    pipeline: Pipeline,
) -> None:
    article = pipeline.extract(
        "CONCORD, N.H. (AP) — Kevin Guay sued the Department of Environmental Services on "
        "Friday. Guay said the state had no right to dig.",
        date="2009-03-28",
    )
    sued = _by_trigger(article, "sued")
    assert sued.source is not None and sued.source.code == "USA"
    assert sued.target is not None and sued.target.code == "USAGOV"
    guay = [m for m in article.mentions if m.text == "Guay"]
    assert guay and all(m.actor is not None and m.actor.code == "USA" for m in guay)


def test_two_agents_of_one_country_are_two_parties(pipeline: Pipeline) -> None:
    article = pipeline.extract(
        "WASHINGTON (AP) — The mayor met with the governor on Monday.", date="2016-09-20"
    )
    assert ("USAGOV", "04", "USAGOV") in _dyads(article)
    alone = pipeline.extract("WASHINGTON (AP) — Iraq attacked Iraq.", date="2016-09-20")
    assert not [e for e in alone.events if e.root == "19"]


def test_people_of_private_life_acted_on_are_civilians_of_the_story(pipeline: Pipeline) -> None:
    article = pipeline.extract(
        "NAIROBI, Kenya (AP) — Police arrested the driver on Monday. A judge barred the "
        "developer from the site.",
        date="2020-03-02",
    )
    assert ("KENCOP", "17", "KENCVL") in _dyads(article)
    assert any(d[2] == "KENBUS" for d in _dyads(article))


def test_a_person_named_after_a_coded_title_is_what_the_title_says(pipeline: Pipeline) -> None:
    text = (
        "HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper on Wednesday accused China "
        "of intimidation. Esper met several top government officials."
    )
    article = pipeline.extract(text, date="2019-11-20")
    codes = {m.text: m.actor.code for m in article.mentions if m.actor is not None}
    assert codes["Mark Esper"].startswith("USA")
    assert codes["Esper"].startswith("USA")


def test_they_and_them_refer_to_a_plural_agent_the_story_gives_a_country(
    pipeline: Pipeline,
) -> None:
    text = (
        "HONG KONG (Reuters) - Police have laid siege to a university, pinning 800 students "
        "inside, and threatened to use live ammunition on them."
    )
    article = pipeline.extract(text, date="2019-11-19")
    them = [m for m in article.mentions if m.text == "them"]
    assert them and them[0].actor is not None and them[0].actor.code == "HKGEDU"


def test_she_refers_to_a_titled_person_the_story_gives_a_country(pipeline: Pipeline) -> None:
    text = "WASHINGTON (AP) — Senator Jane Hale spoke on Monday. She criticized the police."
    article = pipeline.extract(text, date="2016-09-20")
    she = [m for m in article.mentions if m.text == "She"]
    assert she and she[0].actor is not None and she[0].actor.code == "USALEG"
    assert ("USALEG", "11", "USACOP") in _dyads(article)


def test_a_titled_full_name_codes_the_same_name_and_its_surname_anywhere(
    pipeline: Pipeline,
) -> None:
    text = (
        "Chris Christie Calls Hillary Clinton A Disgrace.\n\n"
        "New Jersey Gov. Chris Christie described Hillary Clinton as a disgrace on "
        "Wednesday. Christie blasted Clinton."
    )
    article = pipeline.extract(text, date="2016-09-23")
    codes = {(m.start, m.text): m.actor.code for m in article.mentions if m.actor is not None}
    assert codes[(0, "Chris Christie")] == "USAGOV"  # the headline's name
    # The surname alone, which the recogniser reads as an organisation.
    assert [c for (_, t), c in codes.items() if t == "Christie"] == ["USAGOV"]
    assert ("USAGOV", "11", "USAELI") in _dyads(article)


def test_another_first_name_with_a_known_surname_is_another_person(pipeline: Pipeline) -> None:
    text = (
        "HOUSTON (AP) — Sen. Ted Cruz spoke on Monday. Cruz thanked voters. Trump retweeted a "
        "photo of Heidi Cruz."
    )
    article = pipeline.extract(text, date="2016-09-23")
    heidi = [m for m in article.mentions if m.text == "Heidi Cruz"]
    assert heidi and heidi[0].actor is not None and heidi[0].actor.code == "USA"


def test_the_datelines_outlet_is_never_what_it_refers_to(pipeline: Pipeline) -> None:
    text = "GENEVA (Reuters) — The money it needs will come from donors, officials said."
    article = pipeline.extract(text, date="2016-09-23")
    assert not [m for m in article.mentions if m.text == "it" and m.actor is not None]
    text = "PARIS, Ill. (AP) — Police officers said they should be paid more."
    article = pipeline.extract(text, date="2016-09-23")
    they = [m for m in article.mentions if m.text == "they"]
    assert they and they[0].actor is not None and they[0].actor.code == "USACOP"


def test_a_groups_own_people_are_the_group(pipeline: Pipeline) -> None:
    text = (
        "KABUL (Reuters) — The Taliban swapped two hostages for three of its commanders. "
        "Israel said its troops fired."
    )
    article = pipeline.extract(text, date="2019-11-19")
    codes = {m.text: m.actor.code for m in article.mentions if m.actor is not None}
    assert codes["its commanders"] == codes["Taliban"] == "AFGREB"
    assert codes["its troops"] == "ISRMIL"


def test_a_plural_agent_before_a_name_is_no_title(pipeline: Pipeline) -> None:
    text = "CHARLESTON, W.Va. (AP) - Witnesses told police Jones got upset and retrieved a gun."
    article = pipeline.extract(text, date="2009-04-01")
    codes = {m.text: m.actor.code for m in article.mentions if m.actor is not None}
    assert codes.get("Jones") == "USA"  # a person of the story's country, not the police
    assert codes.get("police") == "USACOP"


def test_a_surname_refers_back_to_a_coded_full_name_without_a_story_country(
    pipeline: Pipeline,
) -> None:
    text = (
        "Two hostages were released on Tuesday. American Kevin King and Australian Timothy "
        "Weeks were handed over. King and Weeks were abducted by gunmen in 2016."
    )
    article = pipeline.extract(text, date="2019-11-19")
    kings = [m for m in article.mentions if m.text == "King"]
    assert kings and all(m.actor is not None and m.actor.code == "USA" for m in kings)


def test_a_town_named_like_a_foreign_capital_takes_the_geocoded_country(
    pipeline: Pipeline,
) -> None:
    text = (
        "City backs tree project\n\n"
        "The City of Paris will plant trees along Main Street in Paris, Illinois, this "
        "spring.\n\nThe governor praised the mayor of Paris on Monday."
    )
    article = pipeline.extract(text, date="2020-03-01")
    praised = _by_trigger(article, "praised")
    assert praised.target is not None and praised.target.code == "USAGOV"
    assert "target:context.place_name_country" in praised.rules or all(
        m.actor is None or not m.actor.code.startswith("FRA") for m in article.mentions
    )
    towns = [m for m in article.mentions if m.inferred and "the town Paris" in m.inferred]
    assert towns and all(m.actor is not None and m.actor.code.startswith("USA") for m in towns)
    # The same words in a story about France keep their country.
    french = pipeline.extract(
        "PARIS (Reuters) - The mayor of Paris praised the French government on Monday.",
        date="2020-03-01",
    )
    assert any(e.source is not None and e.source.code.startswith("FRA") for e in french.events)


def test_an_agent_acted_on_by_coordinated_countries_is_of_the_one_country_left(
    pipeline: Pipeline,
) -> None:
    article = pipeline.extract(
        "Mass atrocities continue in the Darfur region of Sudan as China and Russia "
        "support the government.",
        date="2016-09-20",
    )
    support = [e for e in article.events if e.trigger.text == "support"]
    assert {e.source.code for e in support if e.source} == {"CHN", "RUS"}
    assert all(e.target is not None and e.target.code == "SDNGOV" for e in support)
    assert all("target:context.sentence_country" in e.rules for e in support)
    # One source of the country named: the agent acted on is not guessed to be of it.
    alone = pipeline.extract(
        "Two soldiers died in a Hamas rocket attack on Monday.", date="2016-09-20"
    )
    assert all(e.target is None or e.target.code == "---MIL" for e in alone.events)


def test_a_name_in_apposition_to_a_person_is_a_person(pipeline: Pipeline) -> None:
    # The recogniser reads both names as organisations; the apposition says they are people.
    article = pipeline.extract(
        "WASHINGTON - Donald Trump complimented the moderator, Lester Holt of NBC News.\n\n"
        "Keith Lamont Scott, 43, was killed by police.",
        date="2016-09-20",
    )
    holt = next(m for m in article.mentions if m.text == "Lester Holt")
    assert holt.label == "PERSON" and holt.actor is not None and holt.actor.code == "USA"
    killed = _by_trigger(article, "killed")
    assert killed.target is not None and killed.target.code == "USA"
    assert killed.root == "18"  # force on a person outside war (violence.assault)
    # An organisation beside an organisation's noun stays one.
    network = pipeline.extract(
        "WASHINGTON - The network, Fox News, criticized the White House.", date="2016-09-20"
    )
    assert all(m.label != "PERSON" for m in network.mentions if m.text == "Fox News")
