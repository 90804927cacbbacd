"""Ingest: plain text, HTML, JSON Lines and gz into Articles with title, outlet and dateline."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from conftest import EXAMPLES, FIXTURES, SEED
from dateline.errors import InputError
from dateline.ingest import collect_inputs, looks_like_html, read_file, read_input
from dateline.ingest.metadata import _region_names, find_dateline, is_region_name, split_title
from dateline.ingest.text import clean_text, is_furniture_line
from dateline.settings import Settings

INGEST = FIXTURES / "ingest"


def assert_map_points_back(raw: str, text: str, offset_map: list[int]) -> None:
    assert len(offset_map) == len(text)
    for i, char in enumerate(text):
        if not char.isspace():
            assert raw[offset_map[i]] == char, (i, char)


def test_seed_gives_the_outlet_title_and_dateline_of_expected(settings: Settings) -> None:
    article = read_file(SEED, settings=settings)[0]
    assert article.outlet == "Asharq Al-Awsat"
    assert article.title == "US Held Secret Talks with Iraqi Insurgents"
    assert article.dateline is not None
    assert article.dateline.name == "Baghdad"
    assert (article.dateline.start, article.dateline.end) == (0, 7)
    assert article.text.startswith("Baghdad, Asharq Al-Awsat– Talks have been held between")
    for furniture in ("Select Page", "Middle-east Arab News Opinion", "English Archive"):
        assert furniture not in article.text
    assert article.text.rstrip().endswith("create a council and unified leadership.")
    assert article.source_path == str(SEED)


def test_seed_offset_map_points_every_character_back_to_the_input(settings: Settings) -> None:
    raw = SEED.read_text(encoding="utf-8")
    article = read_input(raw, settings=settings)
    assert article.offset_map is not None
    assert_map_points_back(raw, article.text, article.offset_map)
    assert article.input_offset(0) == raw.index("Baghdad, Asharq")


def test_text_keeps_curly_quotes_and_paragraph_breaks_of_crlf_input(settings: Settings) -> None:
    raw_bytes = (INGEST / "crlf_curly.txt").read_bytes()
    article = read_input(raw_bytes, settings=settings)
    assert article.text == (
        "ROME — Italy’s economy minister resigned on Friday after a dispute over the budget, "
        "his office said.\n\n“I cannot sign this,” he told reporters."
    )
    assert article.title == "Minister resigns over budget"
    assert article.outlet == "Daily Example"
    assert article.offset_map is not None
    assert_map_points_back(raw_bytes.decode("utf-8"), article.text, article.offset_map)


@pytest.mark.parametrize(
    ("fixture", "place", "outlet", "title"),
    [
        (
            "wire_reuters.txt",
            "New York",
            "Reuters",
            "Rebels seize border town after week of fighting",
        ),
        ("agency_afp.txt", "Paris", "AFP", "France recalls ambassador over spying row"),
        ("capital_dash.txt", "Washington", None, "Senate rejects arms sale to Gulf states"),
        ("city_reuters.txt", "Baghdad", "Reuters", None),
        ("city_country_ap.txt", "Kabul", "AP", "Taliban attack checkpoint in eastern Afghanistan"),
        # A headline and a standfirst kept in the text before the dateline.
        ("headline_standfirst.txt", "Muscat", None, None),
        # A headline run into the dateline's line: the capitals after its full stop.
        ("headline_run_in.txt", "Springvale", None, None),
        # A standfirst before the dateline, an outlet written against its hyphen.
        (
            "archive_tight_hyphen.txt",
            "Cairo",
            "The Example Daily",
            "Egypt and Sudan sign water accord",
        ),
    ],
)
def test_dateline_styles_give_place_outlet_and_title(
    settings: Settings, fixture: str, place: str, outlet: str | None, title: str | None
) -> None:
    article = read_file(INGEST / fixture, settings=settings)[0]
    assert article.dateline is not None
    assert article.dateline.name == place
    span = article.text[article.dateline.start : article.dateline.end]
    assert span.lower() == place.lower()
    assert article.outlet == outlet
    assert article.title == title


def test_menu_share_cookie_and_copyright_lines_are_dropped(settings: Settings) -> None:
    article = read_file(INGEST / "wire_reuters.txt", settings=settings)[0]
    assert article.text.startswith("NEW YORK, March 3 (Reuters) - Rebel fighters")
    for furniture in ("Home |", "Skip to content", "Share this", "cookies", "©", "By Jane Doe"):
        assert furniture not in article.text
    assert article.text.endswith("urged both sides to protect civilians.")


def test_a_date_line_in_the_header_gives_the_publication_date(settings: Settings) -> None:
    article = read_file(INGEST / "capital_dash.txt", settings=settings)[0]
    assert article.published is not None
    assert article.published.to_json() == {
        "value": "2017-06-12",
        "precision": "day",
        "source": "text",
    }
    assert "Published" not in article.text


def test_standfirst_and_table_rows_are_kept_and_the_header_date_read(settings: Settings) -> None:
    article = read_file(INGEST / "archive_tight_hyphen.txt", settings=settings)[0]
    assert article.text.startswith("Officials from both countries described the deal")
    assert "| Egypt | 55.5 |" in article.text
    assert "Share this" not in article.text and "Home" not in article.text
    assert article.published is not None
    assert (article.published.value, article.published.source) == ("2006-05-23", "text")


def test_the_users_date_wins_over_any_date_in_the_input(settings: Settings) -> None:
    article = read_file(INGEST / "page.html", date="2006-05-23", settings=settings)[0]
    assert article.published is not None
    assert article.published.to_json() == {
        "value": "2006-05-23",
        "precision": "day",
        "source": "user",
    }


@pytest.mark.parametrize(
    ("line", "title", "site"),
    [
        (
            "US Held Secret Talks with Iraqi Insurgents"
            " | ASHARQ AL-AWSAT English Archive 2005 -2017",
            "US Held Secret Talks with Iraqi Insurgents",
            "Asharq Al-Awsat",
        ),
        ("Obama visits Baghdad - BBC News", "Obama visits Baghdad", "BBC News"),
        ("Rebels take town - The Example Times", "Rebels take town", "The Example Times"),
        ("Talks in Geneva - a first step", "Talks in Geneva - a first step", None),
        ("Talks resume in Geneva - report", "Talks resume in Geneva - report", None),
        ("Ceasefire in Gaza - Al Jazeera", "Ceasefire in Gaza", "Al Jazeera"),
        ("Strikes resume - thedailystar.net", "Strikes resume", "thedailystar.net"),
        ("Ceasefire holds", "Ceasefire holds", None),
    ],
)
def test_title_line_suffix_is_cut_and_names_the_site(
    line: str, title: str, site: str | None
) -> None:
    assert split_title(line) == (title, site)


@pytest.mark.parametrize(
    "line",
    [
        "Select Page",
        "Skip to content",
        "Home | News | Sport | Business",
        "Home > World > Middle East",
        "Share this:",
        "We use cookies to give you the best experience on our website.",
        "© 2019 Example Media. All rights reserved.",
    ],
)
def test_furniture_lines_are_recognised(line: str) -> None:
    assert is_furniture_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "The minister said the talks would resume next week.",
        "Talks have been held between Iraqi insurgents and the US government.",
        "Cookies, the minister said, were handed out to the troops at the border on Friday.",
        "Lawmakers said the agency's privacy policy broke the law, and called for an inquiry.",
    ],
)
def test_prose_lines_are_kept(line: str) -> None:
    assert not is_furniture_line(line)


@pytest.mark.parametrize(
    ("text", "place", "outlet"),
    [
        ("New York, NY – With content engagement rising, the company said", "New York", None),
        ("Dekalb, Ill. — Mike Glass threw for three touchdowns on Tuesday", "Dekalb", None),
        ("CLEVELAND, Ohio – The band will reunite next year, its manager said", "Cleveland", None),
        ("BERLIN -- The European Space Agency said on Monday that", "Berlin", None),
        (
            "London, Asharq Al-Awsat-Iraqi officials said on Monday that",
            "London",
            "Asharq Al-Awsat",
        ),
        ("ST. LOUIS (AP) — Police said on Sunday that two men were held", "St. Louis", "AP"),
    ],
)
def test_datelines_with_states_agencies_and_outlets(
    text: str, place: str, outlet: str | None
) -> None:
    match = find_dateline(text)
    assert match is not None
    assert (match.dateline.name, match.outlet) == (place, outlet)


def test_region_names_are_every_country_and_subdivision_pycountry_names() -> None:
    # _region_names reads pycountry's data file rather than its objects (cold start, issue 15).
    import pycountry

    countries = {
        value.lower()
        for country in pycountry.countries
        for value in (getattr(country, a, None) for a in ("name", "common_name", "official_name"))
        if value
    }
    subdivisions = {s.name.lower() for s in pycountry.subdivisions}
    assert _region_names() == countries | subdivisions
    assert is_region_name("Texas") and is_region_name("Gaza Strip")


def test_a_site_name_before_the_title_is_recognised() -> None:
    assert split_title("Example Wire | Rebels take the town", "Example Wire") == (
        "Rebels take the town",
        "Example Wire",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Obama Visits Iraq - BBC News",
        "Officials said the talks - held in secret - had ended.",
        "Middle-east Arab News Opinion | Asharq Al-awsat",
        "The President met the Prime Minister on Tuesday.",
        "Middle-East peace talks - a new start for the region and its people",
        "UPDATED: Tue., Nov. 19, 2019 at 10:02 a.m. local time, the statement said",
        "EXCLUSIVE - Rebels say they will attend the talks in Geneva next week",
        "President Trump — who met the emir on Monday — said the talks had gone well and more",
        "Tuesday — the day the talks were due to resume — passed without a meeting of any kind",
    ],
)
def test_prose_and_title_lines_are_not_datelines(text: str) -> None:
    match = find_dateline(text)
    assert match is None or len(text[match.end :].split()) < 6


def test_a_short_first_sentence_is_prose_not_a_title(settings: Settings) -> None:
    raw = "Iraq votes today.\n\nPolling stations opened at seven across the country.\n"
    article = read_input(raw, settings=settings)
    assert article.text.startswith("Iraq votes today.")
    assert article.title is None


def test_a_text_without_header_is_kept_whole(settings: Settings) -> None:
    raw = "The army said on Monday that it had retaken the town.\nFighting went on elsewhere.\n"
    article = read_input(raw, settings=settings)
    assert article.text == raw.strip()
    assert article.title is None and article.dateline is None


@hypothesis_settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "",
                "Select Page",
                "Home | News | Sport",
                "Headline about talks | SITE NAME Archive",
                "BAGHDAD (Reuters) - Police arrested two men on Sunday, officials said.",
                "  “We will not negotiate,” the minister said.  ",
                "Share this:",
                "Short line",
                "\t",
            ]
        ),
        min_size=1,
        max_size=12,
    ),
    st.sampled_from(["\n", "\r\n", "\r"]),
)
def test_offset_map_holds_for_any_arrangement_of_lines(lines: list[str], newline: str) -> None:
    raw = newline.join(lines)
    cleaned = clean_text(raw)
    assert_map_points_back(raw, cleaned.text, cleaned.offset_map)
    if cleaned.dateline is not None:
        assert cleaned.text[cleaned.dateline.start : cleaned.dateline.end] == "BAGHDAD"


def test_html_gives_body_title_outlet_canonical_url_meta_date_and_dateline(
    settings: Settings,
) -> None:
    article = read_file(INGEST / "page.html", settings=settings)[0]
    assert article.title == "Ceasefire agreed in northern district"
    assert article.url == "https://news.example.com/world/ceasefire-agreed-northern-district"
    assert article.text.startswith("GENEVA (Reuters) - Government forces and rebel groups")
    assert "Home" not in article.text and "All rights reserved" not in article.text
    assert article.dateline is not None and article.dateline.name == "Geneva"
    assert article.outlet == "Reuters"  # the wire named in the dateline wrote the story
    assert article.published is not None
    assert article.published.to_json() == {
        "value": "2021-04-14",
        "precision": "day",
        "source": "meta",
    }
    assert article.offset_map is None


def test_html_without_date_metadata_takes_the_date_in_its_url(settings: Settings) -> None:
    html = (INGEST / "page.html").read_text(encoding="utf-8")
    html = html.replace(
        '<meta property="article:published_time" content="2021-04-14T09:30:00Z">', ""
    )
    html = html.replace("https://news.example.com/world/", "https://news.example.com/2019/11/20/")
    article = read_input(
        html, url="https://news.example.com/2019/11/20/ceasefire", settings=settings
    )
    assert article.published is not None
    assert (article.published.value, article.published.source) == ("2019-11-20", "url")


def test_html_is_sniffed_from_str_and_bytes_and_plain_text_is_not() -> None:
    html = (INGEST / "page.html").read_text(encoding="utf-8")
    assert looks_like_html(html)
    assert looks_like_html("<p>One.</p><p>Two.</p><div>three</div>")
    assert not looks_like_html(SEED.read_text(encoding="utf-8"))
    assert not looks_like_html("Prices rose 3% as x < y and y > z, the bank said.")


def test_jsonl_gives_one_article_per_line_with_its_metadata(settings: Settings) -> None:
    first, second = read_file(INGEST / "articles.jsonl", settings=settings)
    assert first.id == "a1" and first.url == "https://example.org/a1"
    assert first.outlet == "Example Wire"
    assert first.published is not None and first.published.value == "2020-06-02"
    assert first.dateline is not None and first.dateline.name == "Cairo"
    assert second.title == "Dam talks resume"
    assert second.text.startswith("ADDIS ABABA — Ethiopia, Egypt and Sudan resumed talks")
    assert second.dateline is not None and second.dateline.name == "Addis Ababa"
    assert {first.source_path, second.source_path} == {str(INGEST / "articles.jsonl")}


def test_jsonl_bad_records_are_listed_and_the_good_ones_read(
    settings: Settings, tmp_path: Path
) -> None:
    path = tmp_path / "mixed.jsonl"
    good = {"text": "LONDON (Reuters) - Britain expelled two diplomats on Monday, officials said."}
    path.write_text(
        "\n".join([json.dumps(good), "{not json", json.dumps({"title": "no body"}), ""]),
        encoding="utf-8",
    )
    errors: list[InputError] = []
    articles = read_file(path, settings=settings, errors=errors)
    assert len(articles) == 1
    assert [e.path for e in errors] == [f"{path}:2", f"{path}:3"]
    assert "[E027]" in str(errors[0])
    with pytest.raises(InputError, match=r"mixed\.jsonl:2: \[E027\]"):
        read_file(path, settings=settings)


def test_gzip_compressed_text_html_and_jsonl_are_read(settings: Settings, tmp_path: Path) -> None:
    for fixture in ("city_reuters.txt", "page.html", "articles.jsonl"):
        data = (INGEST / fixture).read_bytes()
        path = tmp_path / f"{fixture}.gz"
        path.write_bytes(gzip.compress(data))
        plain = read_file(INGEST / fixture, settings=settings)
        packed = read_file(path, settings=settings)
        assert [a.text for a in packed] == [a.text for a in plain]


def test_collect_inputs_expands_folders_skips_hidden_and_docs_and_lists_missing(
    tmp_path: Path,
) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "page.bin").write_bytes(b"\x00")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.txt").write_text("x", encoding="utf-8")
    (tmp_path / "README.md").write_text("x", encoding="utf-8")
    (tmp_path / "LICENSE-aeb").write_text("x", encoding="utf-8")
    explicit = tmp_path / "README.md"
    files, missing = collect_inputs([tmp_path, tmp_path / "nope.txt", explicit])
    assert files == [
        tmp_path / "a.txt",
        tmp_path / "b" / "two.html",
        tmp_path / "page.bin",
        explicit,
    ]
    assert missing == [(str(tmp_path / "nope.txt"), "[E023] no such file or folder")]


def test_every_example_is_read_as_an_article_with_text_and_title(settings: Settings) -> None:
    files, missing = collect_inputs([EXAMPLES])
    assert not missing
    assert len(files) == 6
    for path in files:
        (article,) = read_file(path, settings=settings)
        assert len(article.text) > 500, path
        assert article.title, path
        assert article.outlet, path
    seed = read_file(EXAMPLES / SEED.name, settings=settings)[0]
    assert seed.outlet == "Asharq Al-Awsat"
