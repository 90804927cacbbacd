"""The web UI's pages without a browser: the reader's highlighting (Hypothesis), escaping,
the Content-Security-Policy, and every page's answer on the examples store."""

from __future__ import annotations

import html
import re
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.store import ArticleQuery
from dateline.web.maps import View, lay_out_map
from dateline.web.reader import KINDS, highlight
from test_web import call, serving

MARK = re.compile(r'<mark class="hl hl-(\w+)"(?: id="[^"]*")? data-kind="(\w+)" data-start="(\d+)"')


def article_with(text: str, spans: list[tuple[str, int, int]]) -> dict[str, Any]:
    """An article object whose mentions, places and times are the given spans."""
    doc: dict[str, Any] = {"article": {"text": text}, "mentions": [], "places": [], "times": []}
    doc.update(events=[], quotes=[])
    for kind, start, end in spans:
        if kind == "actor":
            doc["mentions"].append({"start": start, "end": end, "actor": {"code": "IRQ"}})
        elif kind == "place":
            doc["places"].append({"start": start, "end": end, "name": "X", "country": "IQ"})
        else:
            doc["times"].append({"start": start, "end": end, "value": "2006", "precision": "y"})
    return doc


@st.composite
def texts_and_spans(draw: st.DrawFn) -> tuple[str, list[tuple[str, int, int]]]:
    text = draw(st.text(alphabet=st.sampled_from("ab <>&\"'\n/script"), max_size=60))
    spans = []
    for _ in range(draw(st.integers(0, 8))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        spans.append((draw(st.sampled_from(["actor", "place", "time"])), start, end))
    return text, spans


@given(texts_and_spans())
def test_highlighting_keeps_the_text_and_escapes_it_whatever_the_spans(
    case: tuple[str, list[tuple[str, int, int]]],
) -> None:
    text, spans = case
    markup = str(highlight(article_with(text, spans)))
    # Only the highlighter's own tags: every < of the text is escaped.
    assert re.sub(r"</?mark[^>]*>", "", markup).count("<") == 0
    assert html.unescape(re.sub(r"</?mark[^>]*>", "", markup)) == text
    assert markup.count("<mark") == markup.count("</mark>")
    for kind, same, _ in MARK.findall(markup):
        assert kind == same and kind in KINDS


def test_crossing_spans_are_cut_and_each_piece_carries_its_own_offsets() -> None:
    text = "the Iraqi government in Baghdad"
    markup = str(highlight(article_with(text, [("actor", 4, 20), ("place", 10, 31)])))
    pieces = re.findall(r'data-kind="(\w+)" data-start="(\d+)" data-end="(\d+)"', markup)
    assert pieces == [("actor", "4", "20"), ("place", "10", "20"), ("place", "20", "31")]
    assert markup.count('id="place-1"') == 1


def test_a_map_view_parses_clamps_and_refuses_nonsense() -> None:
    assert str(View.parse("44.4,33.3,3")) == "44.4,33.3,3"
    assert View.parse("179,89,2").lat <= 90 - 45 / 2
    with pytest.raises(Exception, match="E100"):
        View.parse("east,north,1")
    places = [
        {"lat": 33.3, "lon": 44.4, "events": 3, "area": False, "name": "Baghdad"},
        {"lat": 33.0, "lon": 44.0, "events": 2, "area": True, "name": "Iraq"},
        {"lat": 33.31, "lon": 44.41, "events": 1, "area": False, "name": "Sadr City"},
    ]
    laid = lay_out_map(places, View())
    kinds = [(m["precision"], m["events"]) for m in laid["markers"]]
    assert kinds == [("area", 2), ("point", 4)]  # areas drawn first; points never merged in


@pytest.fixture(scope="module")
def base(examples_db: Path) -> Iterator[str]:
    with serving(examples_db) as url:
        yield url


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/?q=Khalilzad",
        "/?actor=IRQ&cameo=04&has_quote=true",
        "/articles/0c106efbfdb4ccc9",
        "/events",
        "/events?actor=IRQ&cameo=04&scale=raw&interval=week&map=44,33,3",
        "/events/1",
        "/quotes?anonymous=true",
    ],
)
def test_every_page_answers_under_the_csp_with_no_inline_script(base: str, path: str) -> None:
    reply = call(base, path)
    assert reply.status == 200
    policy = reply.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    page = reply.body.decode("utf-8")
    assert re.findall(r"<script(?![^>]*\bsrc=)", page) == []
    assert re.findall(r"\son[a-z]+=", page) == []


@pytest.mark.parametrize(
    "path",
    [
        "/?q=Khalilzad&outlet=Asharq%20Al-Awsat&has_quote=true&anonymous=true&offset=0",
        "/events?actor=IRQ&cameo=04&min_confidence=0.5&negated=false&outlet=AP&interval=week",
        "/events?near=33.3,44.4,50&country=IQ&scale=raw&map=44,33,3&offset=25",
        "/quotes?q=talks&speaker=source&anonymous=true&since=2006",
    ],
)
def test_every_api_link_and_form_of_a_page_answers(base: str, path: str) -> None:
    """The API refuses a parameter a route does not take: the pages' links must send none."""
    page = call(base, path).body.decode("utf-8")
    links = [html.unescape(h) for h in re.findall(r'href="(/api/[^"]*)"', page)]
    assert links
    forms = re.findall(r'<form class="export" action="(/api/[^"]*)"(.*?)</form>', page, re.S)
    for form, inputs in forms:
        hidden = re.findall(r'<input type="hidden" name="([^"]*)" value="([^"]*)">', inputs)
        query = "&".join(f"{n}={urllib.parse.quote(html.unescape(v))}" for n, v in hidden)
        links.append(f"{form}?{query}&format=jsonl")
    for link in links:
        reply = call(base, link)
        assert reply.status in (200, 404), (link, reply.body[:300])  # 404: no such article
        if reply.status == 404:
            assert reply.json()["error"]["code"] in ("E103", "E109"), link


@pytest.mark.parametrize(
    "path", ["/?since=yesterday", "/events?quad=9", "/events?map=1,2", "/quotes?anonymous=maybe"]
)
def test_a_bad_filter_answers_the_page_with_its_message(base: str, path: str) -> None:
    reply = call(base, path)
    assert reply.status == 400
    page = reply.body.decode("utf-8")
    assert 'role="alert"' in page and "[E" in page


def test_an_unknown_article_or_event_is_a_404_page(base: str) -> None:
    assert call(base, "/articles/nope").status == 404
    assert call(base, "/events/999999").status == 404
    assert call(base, "/api/clusters/999999").json()["error"]["code"] == "E109"


FACET_FILTERS = {
    "outlet": "outlet", "actor": "actor", "root": "cameo", "plover": "plover",
    "place": "place", "has_quote": "has_quote", "anonymous": "anonymous",
}  # fmt: skip


def test_each_facet_count_is_the_total_of_its_filter(examples_db: Path) -> None:
    from dateline.store import Store

    with Store(examples_db, read_only=True) as store:
        page = store.page(ArticleQuery())
        assert page.facets is not None and page.facets_sample is None
        for facet, param in FACET_FILTERS.items():
            for item in page.facets[facet]:
                if item["value"] is None:
                    continue
                value = (
                    str(item["value"]).lower() if isinstance(item["value"], bool) else item["value"]
                )
                assert store.total(ArticleQuery(**{param: value})) == item["count"], (facet, item)


def test_facets_over_more_matches_than_the_sample_count_the_first_and_say_so(
    examples_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dateline.store import Store, queries

    monkeypatch.setattr(queries, "FACET_SAMPLE_ARTICLES", 2)
    with Store(examples_db, read_only=True) as store:
        page = store.page(ArticleQuery(limit=3))
        assert page.total == 6 and len(page.items) == 3
        assert page.facets_sample == 2
        assert sum(f["count"] for f in page.facets["outlet"]) == 2
        assert page.to_json()["facets_sample"] == 2
        first_two = [a["id"] for a in store.articles(limit=2)]
        assert [a["id"] for a in page.items][:2] == first_two


def test_a_panel_over_the_time_limit_says_so_and_the_page_still_answers(
    base: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dateline.errors import E_QUERY_TIME, QueryError
    from dateline.store import Store

    def too_slow(*_args: Any, **_kwargs: Any) -> Any:
        raise QueryError(E_QUERY_TIME.format(limit=1000), code="E102")

    monkeypatch.setattr(Store, "network", too_slow)
    monkeypatch.setattr(Store, "quote_speakers", too_slow)
    events = call(base, "/events")
    assert events.status == 200
    page = events.body.decode("utf-8")
    assert page.count('role="alert"') == 1 and "The network: [E102]" in page
    assert 'class="marker' in page and 'class="bar"' in page
    quotes = call(base, "/quotes").body.decode("utf-8")
    assert "The speakers: [E102]" in quotes and 'class="quote-item"' in quotes
