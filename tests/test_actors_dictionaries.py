"""The PETRARCH/TABARI dictionary readers: real packaged files, small fixtures, round trips."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from dateline import Pipeline
from dateline.actors.dictionaries import (
    ActorEntry,
    ActorRole,
    AgentEntry,
    format_actor_entry,
    format_agent_entry,
    parse_dict_date,
    read_actor_dictionary,
    read_agent_dictionary,
    read_discard_file,
    read_issue_file,
    split_compound,
)
from dateline.actors.match import DATA_DIR
from dateline.errors import DictionaryError

DICTS = DATA_DIR / "dictionaries"
ACTORS = FIXTURES / "actors"


@pytest.fixture(scope="module")
def countries() -> dict[str, ActorEntry]:
    entries, problems = read_actor_dictionary(DICTS / "Phoenix.Countries.actors.txt")
    assert problems == []
    return {e.phrase: e for e in entries}


def test_khalilzad_is_usagov_only_inside_his_roles_dates(countries: dict[str, ActorEntry]) -> None:
    khalilzad = countries["ZALMAY_KHALILZAD_"]
    assert khalilzad.role_on(date(2006, 5, 23)).code == "USAGOV"  # type: ignore[union-attr]
    assert khalilzad.role_on(date(2004, 1, 10)).code == "USAELI"  # type: ignore[union-attr]


def test_without_a_date_the_role_that_ends_last_is_used(countries: dict[str, ActorEntry]) -> None:
    assert countries["ZALMAY_KHALILZAD_"].role_on(None).code == "USAGOV"  # type: ignore[union-attr]
    iraq = countries["IRAQ_"]
    assert iraq.role_on(None).code == "IRQ"  # type: ignore[union-attr]
    assert iraq.role_on(date(2004, 6, 1)).code == "IRQOCC"  # type: ignore[union-attr]


def test_uncoded_alternative_names_share_the_next_entrys_codes(
    countries: dict[str, ActorEntry],
) -> None:
    brezhnev = countries["LEONID_BREZHNEV_"]
    assert "SECRETARY_BREZHNEV" in brezhnev.synonyms
    assert brezhnev.role_on(date(1975, 1, 1)).code == "RUSGOV"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "name",
    [
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
        "PETR.Validate.actors.txt",
    ],
)
def test_packaged_actor_dictionaries_read_strictly(name: str) -> None:
    entries, problems = read_actor_dictionary(DICTS / name)
    assert entries and problems == []
    assert all(e.line > 0 and e.path.endswith(name) for e in entries)


def test_validation_dictionary_date_restrictions_with_spaces() -> None:
    entries, _ = read_actor_dictionary(DICTS / "PETR.Validate.actors.txt")
    gollum = next(e for e in entries if e.phrase == "GOLLUM")
    assert [r.code for r in gollum.roles] == ["HOB", "HOBGOV", "HOBREB"]
    assert gollum.roles[0] == ActorRole("HOB", end=date(1995, 5, 31))  # "< 950601"
    assert gollum.role_on(date(1995, 6, 1)).code == "HOBGOV"  # type: ignore[union-attr]
    assert gollum.role_on(date(1999, 8, 15)).code == "HOBGOV"  # type: ignore[union-attr]
    assert gollum.role_on(date(1999, 8, 16)).code == "HOBREB"  # type: ignore[union-attr]
    sam = next(e for e in entries if e.phrase == "SAM_GAMGEE")
    # A narrower, later role overrides an enclosing one; a dated role beats the default.
    assert sam.role_on(date(2010, 1, 10)).code == "ORCHOB"  # type: ignore[union-attr]
    assert sam.role_on(date(2010, 1, 12)).code == "ORCHOB"  # type: ignore[union-attr]
    assert sam.role_on(date(2011, 1, 10)).code == "HOBMIL"  # type: ignore[union-attr]


def test_compound_codes_split_into_their_actors() -> None:
    entries, _ = read_actor_dictionary(DICTS / "PETR.Validate.actors.txt")
    shire = next(e for e in entries if e.phrase == "THE_SHIRE")
    assert split_compound(shire.roles[0].code) == ["FRO", "BIL", "SAM"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("050621", date(2005, 6, 21)),
        ("690101", date(1969, 1, 1)),
        ("300101", date(2030, 1, 1)),
        ("19180101", date(1918, 1, 1)),
        ("1920030320", date(2003, 3, 20)),
    ],
)
def test_dictionary_dates_follow_tabari_century_rule(text: str, expected: date) -> None:
    assert parse_dict_date(text) == expected


def test_malformed_line_raises_with_file_and_line_number() -> None:
    with pytest.raises(DictionaryError) as info:
        read_actor_dictionary(ACTORS / "malformed.actors.txt")
    assert info.value.line == 6
    assert "malformed.actors.txt" in str(info.value) and "[E012]" in str(info.value)


def test_lenient_reading_skips_the_bad_line_and_keeps_the_rest() -> None:
    entries, problems = read_actor_dictionary(ACTORS / "malformed.actors.txt", lenient=True)
    assert [p.line for p in problems] == [6]
    assert [e.phrase for e in entries] == ["GONDOR_", "MORDOR", "ROHAN"]


def test_agents_expand_markers_and_plurals() -> None:
    agents, problems = read_agent_dictionary(ACTORS / "small.agents.txt")
    assert problems == []
    by_phrase = {a.phrase: a for a in agents}
    assert by_phrase["POLICE"].forms == ("POLICE",)  # {} means no plural
    assert "FOREIGN_MINISTERS" in by_phrase["FOREIGN_MINISTER"].forms
    assert "CONGRESSWOMEN" in by_phrase["CONGRESS!PERSON!"].forms
    ngo = by_phrase["HUMAN_RIGHTS_GROUP"]
    assert ngo.prefix and ngo.code == "NGO"


def test_packaged_agents_read_strictly_with_regular_plurals() -> None:
    agents, problems = read_agent_dictionary(DICTS / "Phoenix.agents.txt")
    assert problems == []
    insurgent = next(a for a in agents if a.phrase == "INSURGENT")
    assert insurgent.code == "REB" and "INSURGENTS" in insurgent.forms
    assert any("FOREIGN_MINISTER" in a.forms for a in agents)


def test_agent_without_a_code_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.agents.txt"
    path.write_text("SOLDIER [~MIL]\nGENERAL\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as info:
        read_agent_dictionary(path)
    assert info.value.line == 2
    agents, problems = read_agent_dictionary(path, lenient=True)
    assert [a.phrase for a in agents] == ["SOLDIER"] and len(problems) == 1


def test_discards_distinguish_story_and_sentence_level() -> None:
    entries, _ = read_discard_file(ACTORS / "small.discards.txt")
    assert [(e.phrase, e.story, e.exact) for e in entries] == [
        ("BASEBALL", False, False),
        ("WORLD CUP", True, True),
    ]
    packaged, problems = read_discard_file(DICTS / "Phoenix.discards.txt")
    assert len(packaged) > 400 and problems == []


def test_issues_expand_noun_verb_and_hyphen_forms() -> None:
    issues, problems = read_issue_file(DICTS / "Phoenix.IssueCoding.txt")
    assert problems == []
    forms = {f: i for i in issues for f in i.forms}
    assert forms["KINDERGARTENS"].code == "EARLY_CHILDHOOD_EDUCATION"
    assert forms["PRE-K"].code == forms["PRE K"].code
    assert any(i.exclude == 1 for i in issues)


# -- round trips ----------------------------------------------------------------------------

_word = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ'.-", min_size=1, max_size=8).filter(
    lambda w: w.strip(".-'") != ""
)
_phrase = st.builds(
    lambda words, exact: "_".join(words) + ("_" if exact else ""),
    st.lists(_word, min_size=1, max_size=4),
    st.booleans(),
)
_code = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=3, max_size=9)
_day = st.dates(min_value=date(1601, 1, 1), max_value=date(2099, 12, 31))


@st.composite
def _roles(draw: st.DrawFn) -> ActorRole:
    code = draw(st.one_of(_code, st.builds(lambda a, b: f"{a}/{b}", _code, _code)))
    kind = draw(st.sampled_from(["none", "before", "after", "range"]))
    if kind == "none":
        return ActorRole(code)
    first, second = sorted([draw(_day), draw(_day)])
    if kind == "before":
        return ActorRole(code, end=first)
    if kind == "after":
        return ActorRole(code, start=first)
    return ActorRole(code, start=first, end=second)


_actor = st.builds(
    lambda phrase, synonyms, roles: ActorEntry(phrase, tuple(synonyms), tuple(roles)),
    _phrase,
    st.lists(_phrase, max_size=3),
    st.lists(_roles(), min_size=1, max_size=3),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_actor, min_size=1, max_size=4))
def test_actor_entries_round_trip_through_the_dictionary_format(
    tmp_path_factory: pytest.TempPathFactory, entries: list[ActorEntry]
) -> None:
    path = tmp_path_factory.mktemp("rt") / "gen.actors.txt"
    path.write_text("\n".join(format_actor_entry(e) for e in entries), encoding="utf-8")
    back, problems = read_actor_dictionary(path)
    assert problems == []
    assert [(e.phrase, e.synonyms, e.roles) for e in back] == [
        (e.phrase, e.synonyms, e.roles) for e in entries
    ]


_agent = st.builds(
    lambda phrase, code, prefix, plural: AgentEntry(phrase.rstrip("_"), code, prefix, plural),
    _phrase,
    _code,
    st.booleans(),
    st.one_of(st.none(), st.just(""), _phrase.map(lambda p: p.rstrip("_"))),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_agent, min_size=1, max_size=5))
def test_agent_entries_round_trip_through_the_dictionary_format(
    tmp_path_factory: pytest.TempPathFactory, entries: list[AgentEntry]
) -> None:
    path = tmp_path_factory.mktemp("rt") / "gen.agents.txt"
    path.write_text("".join(format_agent_entry(e) for e in entries), encoding="utf-8")
    back, problems = read_agent_dictionary(path)
    assert problems == []
    assert [(a.phrase, a.code, a.prefix, a.plural) for a in back] == [
        (a.phrase, a.code, a.prefix, a.plural) for a in entries
    ]


def test_american_departments_by_their_short_names_are_the_us_government(
    pipeline: Pipeline,
) -> None:
    for name, code in (
        ("The State Department", "USAGOV"),
        ("The Justice Department", "USAGOV"),
        ("The Department of Homeland Security", "USAGOV"),
        ("The Centers for Disease Control and Prevention", "USAGOVHLH"),
    ):
        article = pipeline.extract(f"{name} criticized Iran on Monday.", date="2020-03-01")
        assert article.mentions[0].actor is not None, name
        assert article.mentions[0].actor.code == code, name
    # A department named the same in other countries is left to the story's country.
    kerala = pipeline.extract("The Kerala Education Department criticized Iran.", date="2020-03-01")
    assert all(not (m.actor and m.actor.code.startswith("USA")) for m in kerala.mentions)
