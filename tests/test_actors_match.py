"""The compiled actor matcher on real text: the seed article, hand-made sentences, the cache."""

from __future__ import annotations

import marshal
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st
from spacy.language import Language

from conftest import FIXTURES, SEED_DATE
from dateline import Pipeline, Settings
from dateline.actors.match import (
    ActorMatcher,
    code_country,
    default_dictionary_files,
    load_actor_matcher,
)
from dateline.actors.phrases import PhraseIndex
from dateline.errors import DictionaryError
from dateline.model import Article, Mention, PublishedDate

ACTORS = FIXTURES / "actors"


@pytest.fixture(scope="module")
def matcher(pipeline: Pipeline) -> ActorMatcher:
    return pipeline.actors


def _mentions(matcher: ActorMatcher, nlp: Language, text: str, day: str | None) -> list[Mention]:
    article = Article(text=text, published=PublishedDate(day) if day else None)
    return matcher.find_mentions(article, nlp(text))


def _codes(mentions: list[Mention]) -> dict[str, str | None]:
    return {m.text: m.actor.code if m.actor else None for m in mentions}


@pytest.fixture(scope="module")
def seed_mentions(matcher: ActorMatcher, nlp: Language, seed_text: str) -> list[Mention]:
    return _mentions(matcher, nlp, seed_text, SEED_DATE)


def test_seed_actors_get_the_codes_an_analyst_gives_them(seed_mentions: list[Mention]) -> None:
    codes = _codes(seed_mentions)
    assert codes["Iraqi insurgents"] == "IRQREB"
    assert codes["the US government"] == "USAGOV"
    assert codes["the US administration"] == "USAGOV"
    assert codes["Zalmay Khalilzad"] == "USAGOV"
    assert codes["the US ambassador"] == "USAGOV"
    assert codes["the US military"] == "USAMIL"
    assert codes["Iraqi government"] == "IRQGOV"
    assert codes["Iraqi insurgency"] == "IRQREB"


def test_surname_alone_refers_back_to_the_full_name(seed_mentions: list[Mention]) -> None:
    later = [
        m for m in seed_mentions if m.text.endswith("Khalilzad") and m.text != "Zalmay Khalilzad"
    ]
    assert later and later[0].actor is not None and later[0].actor.code == "USAGOV"
    assert later[0].antecedent is not None
    assert seed_mentions[later[0].antecedent].text == "Zalmay Khalilzad"


def test_mention_offsets_point_into_the_article_text(
    seed_mentions: list[Mention], seed_text: str
) -> None:
    assert seed_mentions
    for m in seed_mentions:
        assert seed_text[m.start : m.end] == m.text


def test_khalilzad_is_not_usagov_before_his_appointment(
    matcher: ActorMatcher, nlp: Language, seed_text: str
) -> None:
    codes = _codes(_mentions(matcher, nlp, seed_text, "2004-01-10"))
    assert codes["Zalmay Khalilzad"] == "USAELI"


def test_undated_article_uses_the_latest_role_and_says_so(
    matcher: ActorMatcher, nlp: Language
) -> None:
    mentions = _mentions(matcher, nlp, "Zalmay Khalilzad arrived in Kabul.", None)
    khalilzad = next(m for m in mentions if m.text == "Zalmay Khalilzad")
    assert khalilzad.actor is not None and khalilzad.actor.code == "USAGOV"
    assert khalilzad.via == "dictionary:undated"
    assert khalilzad.actor.valid_from == "2005-06-21"


def test_country_and_agent_merge_into_one_code(matcher: ActorMatcher, nlp: Language) -> None:
    text = "The Iraqi foreign minister met police officers and the government of Jordan."
    codes = _codes(_mentions(matcher, nlp, text, "2010-01-01"))
    assert codes["Iraqi foreign minister"] == "IRQGOV"
    assert codes["police officers"] == "---COP"
    assert codes["government of Jordan"] == "JORGOV"


def test_coordinated_heads_and_modifiers_share_country_and_agent(
    matcher: ActorMatcher, nlp: Language
) -> None:
    codes = _codes(_mentions(matcher, nlp, "Danish media and government warned Israel.", None))
    assert codes["Danish media"] == "DNKMED"
    assert codes["government"] == "DNKGOV"


def test_plural_demonyms_and_possessive_countries(matcher: ActorMatcher, nlp: Language) -> None:
    text = "Montenegro's prime minister refused entry to Ghanaians and Iraqis."
    codes = _codes(_mentions(matcher, nlp, text, "2008-01-01"))
    assert codes["Montenegro's prime minister"] == "MNEGOV"
    assert codes["Ghanaians"] == "GHA"
    assert codes["Iraqis"] == "IRQ"


def test_title_before_an_unknown_name_covers_the_name(matcher: ActorMatcher, nlp: Language) -> None:
    codes = _codes(_mentions(matcher, nlp, "Serbian President Vojislav Kostunica spoke.", None))
    assert codes["Serbian President Vojislav Kostunica"].endswith("GOV")  # type: ignore[union-attr]


def test_abbreviated_titles_of_legislators_and_governors_give_their_role(
    matcher: ActorMatcher, nlp: Language
) -> None:
    text = "Sen. Jane Hale, Rep. Tom Reyes and Gov. Ann Lee spoke."
    codes = _codes(_mentions(matcher, nlp, text, None))
    assert codes["Sen. Jane Hale"] == "---LEG"
    assert codes["Rep. Tom Reyes"] == "---LEG"
    assert codes["Gov. Ann Lee"] == "---GOV"


def test_opposition_to_something_is_a_stance_not_a_group(
    matcher: ActorMatcher, nlp: Language
) -> None:
    text = "Wilson expressed opposition to the law. The opposition to Assad rejected the plan."
    found = [m for m in _mentions(matcher, nlp, text, None) if "opposition" in m.text.lower()]
    assert [m.start for m in found] == [text.index("opposition to Assad")]
    assert found[0].actor is not None and found[0].actor.code == "---OPP"


def test_pronoun_us_is_not_the_united_states(matcher: ActorMatcher, nlp: Language) -> None:
    codes = _codes(_mentions(matcher, nlp, "They met us in Paris before the US vote.", None))
    assert "us" not in codes
    assert codes["the US"] == "USA"


def test_code_tokens_reads_the_source_phrase_of_the_seed(
    matcher: ActorMatcher, nlp: Language
) -> None:
    doc = nlp(
        "Representatives from the Iraqi insurgency met with Zalmay Khalilzad, the US ambassador."
    )
    subject = next(t for t in doc if t.dep_ == "nsubj")
    span = doc[subject.left_edge.i : subject.right_edge.i + 1]
    actor = matcher.code_tokens(span, date(2006, 5, 23))
    assert actor is not None and actor.code == "IRQREB"
    khalilzad = next(t for t in doc if t.text == "Khalilzad")
    obj = doc[khalilzad.left_edge.i : khalilzad.right_edge.i + 1]
    assert "ambassador" in obj.text
    assert matcher.code_tokens(obj, date(2006, 5, 23)).code == "USAGOV"  # type: ignore[union-attr]
    assert matcher.code_tokens(obj, date(2004, 1, 10)).code == "USAELI"  # type: ignore[union-attr]


def test_code_tokens_uses_an_apposition_when_the_head_is_only_an_agent(
    matcher: ActorMatcher, nlp: Language
) -> None:
    doc = nlp("The ambassador, Zalmay Khalilzad, left.")
    span = doc[0:5]  # "The ambassador, Zalmay Khalilzad": head "ambassador", apposition
    assert span.root.text == "ambassador"
    assert matcher.code_tokens(span, date(2006, 5, 23)).code == "USAGOV"  # type: ignore[union-attr]


def test_code_tokens_gives_a_phrase_its_code_for_each_date_and_former_when_asked_again(
    matcher: ActorMatcher, nlp: Language
) -> None:
    doc = nlp("The former Iraqi foreign minister met the Iraqi foreign minister.")
    former, current = doc[1:5], doc[7:10]
    assert former.text == "former Iraqi foreign minister"
    assert current.text == "Iraqi foreign minister"
    when = date(2010, 1, 1)
    for _ in range(2):  # the second time from the matcher's kept codes
        assert matcher.code_tokens(current, when).code == "IRQGOV"  # type: ignore[union-attr]
        assert matcher.code_tokens(former, when).code == "IRQELI"  # type: ignore[union-attr]
        obj = doc[9:10]  # "minister" alone: an agent
        assert matcher.code_tokens(obj, when) is not None


def test_stems_match_longer_words_but_exact_phrases_do_not(tmp_path: Path, nlp: Language) -> None:
    m = ActorMatcher.from_files(
        [ACTORS / "small.actors.txt"], [ACTORS / "small.agents.txt"], cache_dir=tmp_path
    )
    codes = _codes(
        _mentions(m, nlp, "Argentine police and Gondorian troops met Minas Tirith officials.", None)
    )
    assert codes["Argentine police"] == "ARGCOP"
    assert codes.get("Gondorian") is None  # GONDOR_ ends in "_": exact
    assert codes["Minas Tirith"] == "GON"


def test_words_as_written_when_stems_are_off(tmp_path: Path, nlp: Language) -> None:
    # PETRARCH matches dictionary words as written: the stem ARGENTIN names no one in
    # "Argentine police"; a whole word still matches itself and its plural.
    m = ActorMatcher.from_files(
        [ACTORS / "small.actors.txt"],
        [ACTORS / "small.agents.txt"],
        cache_dir=tmp_path,
        stems=False,
    )
    text = "Argentine police and Gondor police met Minas Tirith and Argentin officials."
    codes = _codes(_mentions(m, nlp, text, None))
    assert codes.get("Argentine police") is None
    assert codes["Gondor police"] == "GONCOP"
    assert codes["Minas Tirith"] == "GON"
    assert codes["Argentin"] == "ARG"
    stemmed = ActorMatcher.from_files(
        [ACTORS / "small.actors.txt"], [ACTORS / "small.agents.txt"], cache_dir=tmp_path
    )
    assert stemmed is not m and stemmed.stems and not m.stems
    assert _codes(_mentions(stemmed, nlp, text, None))["Argentine police"] == "ARGCOP"


def test_compound_actor_takes_the_agent_on_every_part(tmp_path: Path, nlp: Language) -> None:
    m = ActorMatcher.from_files(
        [ACTORS / "small.actors.txt"], [ACTORS / "small.agents.txt"], cache_dir=tmp_path
    )
    codes = _codes(_mentions(m, nlp, "The Shire government protested.", None))
    assert codes["The Shire government"] == "FROGOV/BILGOV/SAMGOV"


def test_dated_roles_in_validation_style_dictionary(tmp_path: Path, nlp: Language) -> None:
    m = ActorMatcher.from_files(
        [ACTORS / "small.actors.txt"], [ACTORS / "small.agents.txt"], cache_dir=tmp_path
    )
    assert _codes(_mentions(m, nlp, "Smeagol spoke.", "1997-03-01"))["Smeagol"] == "HOBGOV"
    assert _codes(_mentions(m, nlp, "Smeagol spoke.", "2001-03-01"))["Smeagol"] == "HOBREB"


def test_discards_stop_sentences_and_stories(tmp_path: Path) -> None:
    m = ActorMatcher.from_files(
        [ACTORS / "small.actors.txt"],
        [ACTORS / "small.agents.txt"],
        [ACTORS / "small.discards.txt"],
        cache_dir=tmp_path,
    )
    assert m.is_discard("The baseball players attacked the umpire.")
    assert m.is_discard("Baseballs were thrown.")  # no trailing "_": a stem
    assert not m.is_discard("The army attacked the town.")
    assert m.is_story_discard("Fans of the World Cup rioted.")
    assert not m.is_story_discard("The World Cups rioted.")  # "WORLD CUP_" is exact


def test_packaged_discards_and_issues(matcher: ActorMatcher) -> None:
    assert matcher.is_discard("The basketball team won.")
    assert matcher.find_issues("Teachers and pupils went on strike.") == {
        "TEACHERS": 1,
        "STUDENTS": 1,
        "LABOR_STRIKE": 1,
    }


def test_cache_is_keyed_by_file_contents_and_loads_fast(tmp_path: Path) -> None:
    actors = tmp_path / "mine.actors.txt"
    actors.write_text((ACTORS / "small.actors.txt").read_text(encoding="utf-8"), encoding="utf-8")
    cache = tmp_path / "cache"
    first = ActorMatcher.from_files([actors], [ACTORS / "small.agents.txt"], cache_dir=cache)
    assert len(list(cache.glob("actors-*.marshal"))) == 1
    actors.write_text(actors.read_text(encoding="utf-8") + "\nMORDOR_ [MOR]\n", encoding="utf-8")
    second = ActorMatcher.from_files([actors], [ACTORS / "small.agents.txt"], cache_dir=cache)
    assert second is not first
    assert len(list(cache.glob("actors-*.marshal"))) == 2
    assert any(e.phrase == "MORDOR_" for e in second.actors)


def test_packaged_dictionaries_load_again_from_the_disk_cache(
    settings: Settings, matcher: ActorMatcher
) -> None:
    # bench/coder.py prints the time this takes (goal: under a second).
    from dateline.actors import match

    files = default_dictionary_files()
    key = match._files_key(files, settings.lenient_dictionaries)
    match._MEMORY.pop(key, None)  # force a load from disk
    again = load_actor_matcher(settings)
    assert again is not matcher
    assert len(again.actors) == len(matcher.actors)


def test_space_joined_words_allow_modifiers_between(nlp: Language) -> None:
    dicts = default_dictionary_files()[0][0].parent
    m = ActorMatcher.from_files(
        [dicts / "PETR.Validate.actors.txt"], [dicts / "PETR.Validate.agents.txt"]
    )
    text = "He appealed for peace on Ithilen state-run television."
    codes = _codes(_mentions(m, nlp, text, "2000-01-01"))
    assert codes["Ithilen state-run television"] == "ITHTV"  # "ITHILEN TELEVISION"


def test_settings_dictionaries_folder_and_leniency(tmp_path: Path, nlp: Language) -> None:
    folder = tmp_path / "dicts"
    folder.mkdir()
    for name in ("malformed.actors.txt", "small.agents.txt", "small.discards.txt"):
        (folder / name).write_bytes((ACTORS / name).read_bytes())
    strict = Settings.from_env(dictionaries=str(folder), cache_dir=str(tmp_path / "c"))
    with pytest.raises(DictionaryError):
        load_actor_matcher(strict)
    lenient = strict.replace(lenient_dictionaries=True)
    m = load_actor_matcher(lenient)
    assert len(m.problems) == 1 and "line 6" in m.problems[0]
    assert _codes(_mentions(m, nlp, "Rohan police arrived.", None))["Rohan police"] == "ROHCOP"
    assert m.is_discard("a baseball game")


def test_former_office_holders_are_elites(matcher: ActorMatcher, nlp: Language) -> None:
    text = "A former Iraqi foreign minister met Jordanian police."
    codes = _codes(_mentions(matcher, nlp, text, "2010-01-01"))
    assert codes["Iraqi foreign minister"] == "IRQELI"
    assert codes["Jordanian police"] == "JORCOP"


def test_agent_of_coordinated_countries_is_shared(matcher: ActorMatcher, nlp: Language) -> None:
    text = "The ambassadors of Jordan, Egypt and Syria presented their credentials."
    codes = _codes(_mentions(matcher, nlp, text, "2010-01-01"))
    assert (codes["ambassadors of Jordan"], codes["Egypt"], codes["Syria"]) == (
        "JORGOV",
        "EGYGOV",
        "SYRGOV",
    )


def test_title_before_a_dictionary_person_keeps_the_persons_dated_role(
    matcher: ActorMatcher, nlp: Language
) -> None:
    text = "US Ambassador Zalmay Khalilzad arrived."
    early = _codes(_mentions(matcher, nlp, text, "2004-01-10"))
    late = _codes(_mentions(matcher, nlp, text, "2006-05-23"))
    assert early["US Ambassador Zalmay Khalilzad"] == "USAELI"
    assert late["US Ambassador Zalmay Khalilzad"] == "USAGOV"


def test_a_country_before_a_titled_dictionary_name_is_one_mention(
    matcher: ActorMatcher, nlp: Language
) -> None:
    # Phoenix lists "PRESIDENT_XI_JINPING": the country before it is the same person's.
    codes = _codes(_mentions(matcher, nlp, "Putin met Chinese President Xi Jinping.", "2019-06-01"))
    assert codes["Chinese President Xi Jinping"] == "CHNGOV"
    assert "Chinese" not in codes
    # Two parties side by side stay two.
    codes = _codes(_mentions(matcher, nlp, "The Israel Hamas truce held.", "2019-06-01"))
    assert (codes["Israel"], codes["Hamas"]) == ("ISR", "PSEREBHMS")


def test_stems_take_only_plural_and_demonym_endings(matcher: ActorMatcher, nlp: Language) -> None:
    text = "Gerald Ford met Americans and Germans."
    codes = _codes(_mentions(matcher, nlp, text, "1975-06-01"))
    assert codes["Gerald Ford"] == "USAGOV"  # not the stem "GERA" (a German city)
    assert (codes["Americans"], codes["Germans"]) == ("USA", "DEU")


def test_matcher_works_on_a_hand_built_doc_without_a_parse(matcher: ActorMatcher) -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    words = ["Iraqi", "insurgents", "met", "the", "US", "ambassador", "."]
    doc = Doc(Vocab(), words=words)
    article = Article(text=doc.text, published=PublishedDate(SEED_DATE))
    codes = _codes(matcher.find_mentions(article, doc))
    assert codes["Iraqi insurgents"] == "IRQREB"
    assert codes["the US ambassador"] == "USAGOV"


_VOCAB = ["Iraqi", "insurgents", "the", "US", "us", "ambassador", "of", "Iraq", "and", "former"]
_VOCAB += ["government", "police", "Americans", "Zalmay", "Khalilzad", ",", "'s", "-", "met", "."]


@hyp_settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(_VOCAB), min_size=1, max_size=25))
def test_any_token_sequence_gives_mentions_that_slice_the_text(
    matcher: ActorMatcher, words: list[str]
) -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    doc = Doc(Vocab(), words=words)
    article = Article(text=doc.text, published=PublishedDate(SEED_DATE))
    mentions = matcher.find_mentions(article, doc)
    previous_end = -1
    for m in mentions:
        assert doc.text[m.start : m.end] == m.text
        assert m.start >= previous_end  # dictionary mentions never overlap
        previous_end = m.end


def test_actor_country_is_the_first_iso_code_among_the_first_two(
    matcher: ActorMatcher, nlp: Language
) -> None:
    mentions = _mentions(matcher, nlp, "Serbia rejected the plan.", "2000-01-01")
    serbia = next(m for m in mentions if m.text == "Serbia")
    assert serbia.actor is not None
    assert serbia.actor.code == "SCGSRB" and serbia.actor.country == "SRB"


def test_possessives_the_dictionary_writes_without_apostrophe(
    matcher: ActorMatcher, nlp: Language
) -> None:
    text = "The Democratic People's Republic of Korea and the Kurdistan Workers' Party met."
    codes = _codes(_mentions(matcher, nlp, text, "2010-01-01"))
    assert codes["Democratic People's Republic of Korea"] == "PRK"
    assert codes["Kurdistan Workers' Party"] == "TURREB"


def test_person_outside_their_dates_leaves_the_title_to_speak(
    matcher: ActorMatcher, nlp: Language
) -> None:
    text = "Zalmay Khalilzad met British Foreign Secretary Jack Straw."
    codes = _codes(_mentions(matcher, nlp, text, "2020-01-01"))
    assert codes["Zalmay Khalilzad"] is None  # no role of his holds in 2020
    assert codes["British Foreign Secretary Jack Straw"] == "GBRGOV"


# -- discard and issue phrases (actors/phrases.py) -----------------------------------------


def test_discard_phrases_keep_word_boundaries_hyphens_and_stems() -> None:
    index = PhraseIndex(
        [("SEMI-FINAL", False, "semi"), ("GROUP A", True, "group"), ("BASEBALL", False, "ball")]
    )
    assert index.first("They reached the semi-finals.") == "semi"  # the last word is a stem
    assert index.first("They reached the semi finals.") is None  # the hyphen is part of it
    assert index.first("He leads Group A, again.") == "group"
    assert index.first("He leads Group Alpha.") is None  # exact: ends at a word boundary
    assert index.first("a minibaseball game") is None  # starts at a word boundary
    assert index.first('"Baseball" was banned.') == "ball"
    hits = index.find("Baseball semi-final in GROUP\n A")
    assert [(h.start, h.end, h.value) for h in hits] == [
        (0, 8, "ball"),
        (9, 19, "semi"),
        (23, 31, "group"),
    ]


def test_story_discard_hides_the_sentence_discard_inside_it(tmp_path: Path) -> None:
    path = tmp_path / "x.discards.txt"
    path.write_text("CHAMPION\n+WORLD GOLF CHAMPIONSHIPS\n", encoding="utf-8")
    m = ActorMatcher.from_files([ACTORS / "small.actors.txt"], [], [path], cache_dir=tmp_path)
    text = "Arnor restored the World Golf Championships to Gondor."
    assert m.is_story_discard(text)
    assert not m.is_discard(text)
    assert m.is_discard("The champion attacked the referee.")


def _reference_pattern(phrases: list[tuple[str, bool]]) -> re.Pattern[str]:
    """The discard phrases as the regular expression they stand for (slow, but plain)."""
    parts = [
        r"(?<!\w)"
        + r"\s+".join(re.escape(w) for w in phrase.split())
        + (r"(?!\w)" if exact else "")
        for phrase, exact in phrases
    ]
    return re.compile("|".join(parts), re.IGNORECASE)


_PHRASE_WORDS = st.sampled_from(["war", "cup", "Cup", "semi-final", "a", "ab", "o'neil"])
# Dictionary phrases (text, exact), the words of a text and what separates them.
_PHRASES = st.lists(
    st.tuples(st.lists(_PHRASE_WORDS, min_size=1, max_size=3).map(" ".join), st.booleans()),
    min_size=1,
    max_size=4,
)
_TEXT_WORDS = st.lists(
    st.sampled_from(["war", "wars", "cup", "CUPS", "semi-final", "semi", "-", "final", "a",
                     "abc", "o'neil", ",", "xwar", "cup.", "(war)"]),
    max_size=12,
)  # fmt: skip
_SEPARATORS = st.lists(st.sampled_from([" ", "  ", "\n", ""]), min_size=12, max_size=12)


@hyp_settings(max_examples=150, deadline=None)
@given(_PHRASES, _TEXT_WORDS, _SEPARATORS)
def test_phrase_index_finds_what_the_phrase_regex_finds(
    phrases: list[tuple[str, bool]], words: list[str], seps: list[str]
) -> None:
    text = "".join(w + s for w, s in zip(words, seps, strict=False))
    index = PhraseIndex((p, exact, p) for p, exact in phrases)
    expected = _reference_pattern(phrases).search(text) is not None
    assert (index.first(text) is not None) == expected
    for hit in index.find(text):
        assert 0 <= hit.start < hit.end <= len(text)


@hyp_settings(max_examples=150, deadline=None)
@given(
    _PHRASES,
    _TEXT_WORDS,
    _SEPARATORS,
    st.integers(0, 80),
    st.integers(0, 80),
)
def test_phrase_text_read_once_scans_a_part_as_the_part_alone(
    phrases: list[tuple[str, bool]], words: list[str], seps: list[str], a: int, b: int
) -> None:
    text = "".join(w + s for w, s in zip(words, seps, strict=False))
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    index = PhraseIndex((p, exact, p) for p, exact in phrases)
    prepared = index.prepare(text)
    alone = [(h.start + start, h.end + start, h.value) for h in index.scan(text[start:end])]
    assert [(h.start, h.end, h.value) for h in prepared.scan(start, end)] == alone
    assert [(h.start, h.end, h.value) for h in prepared.scan()] == [
        (h.start, h.end, h.value) for h in index.scan(text)
    ]


def test_phrase_core_found_from_the_root_is_the_core_each_token_climbs_to(
    nlp: Language, seed_text: str
) -> None:
    from dateline.actors.match import _core_tokens, _in_core

    doc = nlp(seed_text)
    spans = [doc[t.left_edge.i : t.right_edge.i + 1] for t in doc if t.pos_ in ("NOUN", "PROPN")]
    spans += list(doc.sents)
    for span in spans:
        root = span.root
        assert [t.i for t in _core_tokens(span, root)] == [t.i for t in span if _in_core(t, root)]


def test_discards_read_once_per_document_find_what_each_sentence_finds(
    matcher: ActorMatcher, nlp: Language, seed_text: str
) -> None:
    text = seed_text + "\nThe champion attacked the referee in 1988. Fans of the World Cup rioted."
    when = date(2006, 5, 23)
    discards = matcher.discards_in(text, when)
    sentences = list(nlp(text).sents)
    for sent in sentences:
        expected = matcher.find_discard(sent.text, when=when)
        assert discards.find(sent.start_char, sent.end_char) == expected
    assert discards.find(sentences[-2].start_char, sentences[-2].end_char) is not None
    assert discards.find(story=True) == matcher.find_discard(text, story=True, when=when)
    assert discards.find(story=True) is not None


# -- dateline's supplement dictionaries ------------------------------------------------------


def test_packaged_set_puts_the_dateline_supplement_first() -> None:
    actors, agents, _discards, _issues = default_dictionary_files()
    assert actors[0].name == "dateline.actors.txt"
    assert agents[0].name == "dateline.agents.txt"
    assert all(p.exists() for p in actors + agents)


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("Serb forces shelled the town.", "Serb forces", "SRBMIL"),
        ("The Kampuchean guerrillas fled.", "Kampuchean guerrillas", "KHMREB"),
        ("Swedish diplomats met them.", "Swedish diplomats", "SWEGOV"),
        ("The PRC demanded an apology.", "PRC", "CHN"),
        ("The OSCE sent observers.", "OSCE", "IGO"),
        ("The EU imposed sanctions.", "EU", "IGOEUREEC"),
        ("The African Union sent troops.", "African Union", "IGOAFR"),
        ("The Iraqi resistance attacked.", "Iraqi resistance", "IRQREB"),
        ("The Syrian opposition walked out.", "Syrian opposition", "SYROPP"),
        ("Palestinian youths threw stones.", "Palestinian youths", "PSECVL"),
        ("UNITA rebels attacked.", "UNITA rebels", "AGOREB"),
        ("The LTTE attacked.", "LTTE", "LKAREB"),
        ("Two American aid groups gave food.", "American aid groups", "USANGODEV"),
        ("Palestinian Islamic Jihad fired rockets.", "Palestinian Islamic Jihad", "PSEREB"),
    ],
)
def test_supplement_covers_common_demonyms_organisations_and_agents(
    matcher: ActorMatcher, nlp: Language, text: str, phrase: str, code: str
) -> None:
    codes = _codes(_mentions(matcher, nlp, text, "2010-06-01"))
    assert [c for t, c in codes.items() if t.endswith(phrase)] == [code]


def test_supplement_keeps_the_dated_roles_of_the_country(
    matcher: ActorMatcher, nlp: Language
) -> None:
    # Serbia's roles: part of Serbia and Montenegro until June 2006, Serbia after.
    assert _codes(_mentions(matcher, nlp, "Serbs protested.", "2000-01-01"))["Serbs"] == "SCGSRB"
    assert _codes(_mentions(matcher, nlp, "Serbs protested.", "2010-01-01"))["Serbs"] == "SRB"


def test_name_with_acronym_in_parenthesis_matches_name_and_acronym(
    tmp_path: Path, nlp: Language
) -> None:
    m = ActorMatcher.from_files([ACTORS / "parenthesis.actors.txt"], [], cache_dir=tmp_path)
    codes = _codes(_mentions(m, nlp, "The Animal Liberation Front struck. The ALF fled.", None))
    assert codes["Animal Liberation Front"] == "INTREB"
    assert codes["ALF"] == "INTREB"
    # The acronym alone only in upper case: some are words ("DAWN").
    assert _codes(_mentions(m, nlp, "Alf spoke.", None)).get("Alf") is None
    assert _codes(_mentions(m, nlp, "The Animal Liberation Front (ALF) struck.", None)) == {
        "Animal Liberation Front (ALF)": "INTREB"
    }
    # One word left without the parenthesis, or an acronym that is not the name's: no.
    assert _codes(_mentions(m, nlp, "Georgia voted.", None)).get("Georgia") is None
    assert _codes(_mentions(m, nlp, "Basque Fatherland and Freedom struck.", None)) == {
        "Basque Fatherland and Freedom": "ESPREB"
    }


def test_supplement_agent_replaces_an_actor_synonym_of_the_same_word(
    tmp_path: Path, nlp: Language
) -> None:
    supplement = tmp_path / "dateline.agents.txt"
    supplement.write_text((ACTORS / "supplement.agents.txt").read_text(encoding="utf-8"))
    youth = [ACTORS / "youth.actors.txt"]
    text = "An Israeli youth marched."
    plain = ActorMatcher.from_files(youth, [ACTORS / "supplement.agents.txt"], cache_dir=tmp_path)
    # The actor entry (a name) wins a tie where it is written as a name; in lower case it
    # is the common word (``mentions.lower_case_name``), never the name.
    named = _codes(_mentions(plain, nlp, "An Israeli Youth marched.", None))
    assert named["Youth"] == "FRAREB"
    assert "FRAREB" not in _codes(_mentions(plain, nlp, text, None)).values()
    m = ActorMatcher.from_files(youth, [supplement], cache_dir=tmp_path)
    assert _codes(_mentions(m, nlp, text, None))["Israeli youth"] == "ISRCVL"


def test_supplement_stop_entries_unmake_phoenix_actor_words(
    matcher: ActorMatcher, nlp: Language
) -> None:
    codes = _codes(_mentions(matcher, nlp, "A male cook and the organization left.", None))
    assert not any(codes.values())
    assert _codes(_mentions(matcher, nlp, "The Iraqi organization met.", None)) == {"Iraqi": "IRQ"}


def test_cache_key_covers_the_supplement_files(tmp_path: Path) -> None:
    from dateline.actors.match import _files_key

    groups = default_dictionary_files()
    copied = [[tmp_path / p.name for p in group] for group in groups]
    for group, new in zip(groups, copied, strict=True):
        for src, dst in zip(group, new, strict=True):
            dst.write_bytes(src.read_bytes())
    before = _files_key(copied, False)
    supplement = tmp_path / "dateline.actors.txt"
    supplement.write_text(supplement.read_text(encoding="utf-8") + "\nGONDOR_ [GON]\n")
    assert _files_key(copied, False) != before


@pytest.mark.parametrize(
    ("code", "country"),
    [
        ("IRQREB", "IRQ"),
        ("SCGSRB", "SRB"),  # Serbia within Serbia and Montenegro
        ("NGOUSAHLH", "USA"),
        ("IMGMUSALQ", None),  # a Muslim militant group, not Mauritius
        ("MUSGOV", "MUS"),  # Mauritius itself
        ("---GOV", None),
        ("IGOUNO", None),
        ("GON/HOB", None),
        ("USA/IRQ", "USA"),
    ],
)
def test_code_country_reads_the_iso_chunk_not_a_religion(code: str, country: str | None) -> None:
    assert code_country(code) == country


def test_supplement_knows_leaders_after_2014_with_their_dates(
    matcher: ActorMatcher, nlp: Language
) -> None:
    text = "Donald Trump met Kim Jong Un."
    assert _codes(_mentions(matcher, nlp, text, "2019-02-27")) == {
        "Donald Trump": "USAGOV",
        "Kim Jong Un": "PRKGOV",
    }
    assert _codes(_mentions(matcher, nlp, text, "2022-06-01"))["Donald Trump"] == "USAELI"


def test_year_discards_are_historical_only_before_the_article_year(matcher: ActorMatcher) -> None:
    sentence = "Both sides violated the ceasefire signed in March 2001."
    assert matcher.is_discard(sentence)  # no date: as Phoenix lists it
    assert matcher.is_discard(sentence, when=date(2006, 5, 23))
    assert not matcher.is_discard(sentence, when=date(2001, 6, 1))
    assert matcher.is_discard("Fans cheered the champions.", when=date(2001, 6, 1))


def test_underscore_joined_words_match_a_dictionary_phrase(
    matcher: ActorMatcher, nlp: Language
) -> None:
    # PETRARCH's records join a name's words with "_": "Saudi_Arabia" is SAUDI ARABIA.
    codes = _codes(_mentions(matcher, nlp, "Saudi_Arabia criticized the decision.", "2010-01-01"))
    assert codes.get("Saudi_Arabia") == "SAU"


def test_a_title_and_a_unique_surname_name_the_dictionary_person(
    matcher: ActorMatcher, nlp: Language
) -> None:
    text = "President Chirac of France met Russian officials."
    assert _codes(_mentions(matcher, nlp, text, "2005-03-01"))["President Chirac"] == "FRAGOV"
    # The title alone, in an article that never names the person's country: no one.
    text = "President Chirac met Russian officials."
    assert _codes(_mentions(matcher, nlp, text, "2005-03-01"))["President Chirac"] == "---GOV"
    # "Mr." + surname: the person, when the article names the person's country.
    text = "French diplomats said Mr. Chirac would travel to Moscow. Chirac left on Monday."
    mentions = _mentions(matcher, nlp, text, "2005-03-01")
    assert [m.actor.code if m.actor else None for m in mentions if m.text == "Chirac"] == [
        "FRAGOV",
        "FRAGOV",
    ]
    # The titled person's phrase: "President Chirac's government".
    text = "Russia welcomed President Chirac's government in France."
    codes = _codes(_mentions(matcher, nlp, text, "2005-03-01"))
    assert codes["President Chirac's government"] == "FRAGOV"
    # Without the country, or with a surname many dictionary persons share, no one.
    alone = _codes(_mentions(matcher, nlp, "Mr. Chirac spoke to reporters.", "2005-03-01"))
    assert alone.get("Chirac") is None
    common = _codes(_mentions(matcher, nlp, "Mr. Khan met Pakistani officials.", "2005-03-01"))
    assert common.get("Khan") is None
    # Two dictionary persons of one surname, even when only one holds a role on the date.
    shared = "Governor Richardson met Australian officials."
    assert _codes(_mentions(matcher, nlp, shared, "2007-03-01"))["Governor Richardson"] == "---GOV"


def test_president_bush_is_the_sitting_president_in_either_presidency(
    matcher: ActorMatcher, nlp: Language
) -> None:
    text = "President Bush spoke in Ohio."
    assert _codes(_mentions(matcher, nlp, text, "2004-06-01"))["President Bush"] == "USAGOV"
    assert _codes(_mentions(matcher, nlp, text, "1990-06-01"))["President Bush"] == "USAGOV"
    assert _codes(_mentions(matcher, nlp, text, "2015-06-01"))["President Bush"] == "USAELI"


def test_code_planted_in_the_actor_cache_is_never_run(tmp_path: Path, nlp: Language) -> None:
    # The cache is marshal data of builtins: a code object planted there is data at most,
    # never called; a file that is not the compiled shape is rebuilt (issue 9).
    from dateline.actors import match

    cache = tmp_path / "cache"
    files = ([ACTORS / "small.actors.txt"], [ACTORS / "small.agents.txt"])
    key = match._files_key([[Path(f) for f in group] for group in (*files, [], [])], False)
    for memo in (key, f"{key}:words"):  # compiled by an earlier test: compile into this cache
        match._MEMORY.pop(memo, None)
    first = ActorMatcher.from_files(*files, cache_dir=cache)
    marker = tmp_path / "pwned"
    code = compile(f"import os; os.mkdir({str(marker)!r})", "<planted>", "exec")
    planted = list(cache.glob("actors-*"))
    assert planted
    payloads = [marshal.dumps(code), marshal.dumps({"version": match.COMPILED_VERSION})]
    for payload in payloads:
        for path in planted:
            path.write_bytes(payload)
        for memo in (key, f"{key}:words"):
            match._MEMORY.pop(memo, None)
        again = ActorMatcher.from_files(*files, cache_dir=cache)
        assert again is not first
        assert not marker.exists()
        text = "Argentine police met Minas Tirith officials."
        assert _codes(_mentions(again, nlp, text, None))["Argentine police"] == "ARGCOP"


def test_a_name_of_the_dictionaries_written_in_lower_case_is_a_common_phrase(
    pipeline: Pipeline,
) -> None:
    text = "The detective said the case raised red flags. Later, Red Flag rebels attacked a base."
    article = pipeline.extract(text, date="2009-04-01")
    coded = {m.text: m.actor.code for m in article.mentions if m.actor is not None}
    assert "red flags" not in coded
    assert any(code.startswith("VEN") for code in coded.values())


def test_a_name_inside_a_street_or_landmark_name_is_no_actor(pipeline: Pipeline) -> None:
    text = (
        "CONCORD, N.H. (AP) - Police searched his home at 180 Clinton St. on Thursday. "
        "Protesters gathered at Lincoln Memorial."
    )
    article = pipeline.extract(text, date="2016-09-20")
    named = {m.text for m in article.mentions if m.actor is not None}
    assert not any("Clinton" in t or "Lincoln" in t for t in named)


def test_the_names_inside_a_quoted_title_of_a_work_are_no_actors(pipeline: Pipeline) -> None:
    text = (
        'LOS ANGELES (AP) - He hosted the special "Graduate Together: America Honors the '
        'Class of 2020." "Iraq is a disaster," Senator Tom Hale said.'
    )
    article = pipeline.extract(text, date="2020-05-20")
    named = {m.text for m in article.mentions if m.actor is not None}
    assert not any("America" in t for t in named)
    assert "Iraq" in named  # a quoted sentence is no title


def test_an_agent_word_that_is_a_surname_is_the_person_not_the_agent(pipeline: Pipeline) -> None:
    text = (
        "KABUL (AP) - American Kevin King was abducted in 2016. Gunmen abducted King outside "
        "the university. Mayor Bill Bishop spoke to the police."
    )
    article = pipeline.extract(text, date="2019-11-19")
    codes = {m.text: m.actor.code for m in article.mentions if m.actor is not None}
    assert codes.get("King", "").startswith("USA")  # not the agent KING (GOV)
    assert not any(code.endswith("CHR") for code in codes.values())  # not BISHOP (CHR)
