"""Deep HTML: pages nested past the parser's 255 levels keep their text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from conftest import EXAMPLES
from dateline.ingest import read_file, read_input
from dateline.ingest.flatten import flatten_deep_html
from dateline.settings import Settings

STORY = (
    "<p>The foreign minister said on Monday that talks with the rebels would resume in "
    "Geneva next week, according to officials.</p>"
    "<p>A second paragraph says who will attend the talks and what is on the table.</p>"
)


def deep_page(levels: int, tag: str = "div") -> str:
    return (
        "<html><head><title>Talks to resume in Geneva</title></head><body>"
        + f"<{tag} class='x'>" * levels
        + STORY
        + f"</{tag}>" * levels
        + "</body></html>"
    )


@pytest.mark.parametrize("levels", [300, 5000])
@pytest.mark.parametrize("tag", ["div", "span"])
def test_a_page_nested_deeper_than_the_parser_allows_keeps_its_text(
    settings: Settings, levels: int, tag: str
) -> None:
    article = read_input(deep_page(levels, tag), settings=settings)
    assert "talks with the rebels would resume in Geneva next week" in article.text
    assert "A second paragraph says who will attend" in article.text
    assert article.title == "Talks to resume in Geneva"


def test_a_deep_page_read_from_a_file_is_stored_not_refused(
    settings: Settings, tmp_path: Path
) -> None:
    path = tmp_path / "deep.html"
    path.write_text(deep_page(1000), encoding="utf-8")
    (article,) = read_file(path, settings=settings)
    assert "Geneva" in article.text


def test_pages_within_the_depth_limit_are_left_as_they_are() -> None:
    for path in sorted(EXAMPLES.glob("*.html")):
        html = path.read_text(encoding="utf-8", errors="replace")
        assert flatten_deep_html(html, 200) is html
    assert flatten_deep_html(deep_page(150), 200) == deep_page(150)


def test_flattening_drops_only_the_tags_past_the_limit() -> None:
    flat = flatten_deep_html(deep_page(300), 200)
    assert len(re.findall(r"<div", flat)) == 200 - 2  # html and body hold the rest
    assert flat.count("</div>") == 198
    assert "talks with the rebels" in flat


def test_tags_inside_scripts_comments_and_void_tags_do_not_count_as_nesting() -> None:
    html = (
        "<html><body><script>var s = '" + "<div>" * 500 + "';</script>"
        "<!-- "
        + "<section>" * 500
        + " -->"
        + "<br><img src=x>" * 500
        + "<p>Text.</p></body></html>"
    )
    assert flatten_deep_html(html, 200) is html


def test_unclosed_paragraphs_close_each_other_as_in_a_browser() -> None:
    html = "<html><body>" + "<p>One more line of text." * 1000 + "</body></html>"
    assert flatten_deep_html(html, 200) is html


_TAGS = st.sampled_from(["div", "span", "p", "li", "b", "section", "td"])


@hypothesis_settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["open", "close", "word"]), _TAGS, st.integers(0, 99)),
        max_size=400,
    ),
    st.integers(1, 30),
)
def test_flattening_keeps_every_word_in_order(
    steps: list[tuple[str, str, int]], max_depth: int
) -> None:
    parts: list[str] = []
    words: list[str] = []
    for kind, tag, n in steps:
        if kind == "open":
            parts.append(f"<{tag}>")
        elif kind == "close":
            parts.append(f"</{tag}>")
        else:
            words.append(f"w{n}")
            parts.append(f" w{n} ")
    html = "".join(parts)
    flat = flatten_deep_html(html, max_depth)
    assert re.findall(r"w\d+", re.sub(r"<[^>]*>", " ", flat)) == words
