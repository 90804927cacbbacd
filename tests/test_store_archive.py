"""The archive's store (issue 13): full-text search, filters, clusters, the time limit,
read-only opening and the migration from version 2, on real SQLite files."""

from __future__ import annotations

import dataclasses
import hashlib
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dateline
from conftest import SEED, SEED_DATE
from dateline import Pipeline, Settings
from dateline.errors import DateError, QueryError, StoreError
from dateline.export import open_export
from dateline.export.manifest import UNKNOWN_RUN
from dateline.jobs import ingest
from dateline.model import (
    Actor,
    Article,
    Event,
    EventActor,
    EventDate,
    EventPlace,
    Mention,
    PublishedDate,
    Span,
)
from dateline.provenance import coding_run
from dateline.store import ArticleQuery, EventQuery, QuoteQuery, Store, TimelineQuery, queries
from dateline.store.clusters import actor_level
from dateline.store.lookups import Lookups
from dateline.store.migrations import SCHEMA_VERSION, current_version, migrate
from dateline.store.rows import read_article_json
from test_store import make_article, make_full_article

FIXTURES = Path(__file__).resolve().parent / "fixtures"
V2_DUMP = FIXTURES / "store" / "store_v2.sql"
V4_DUMP = FIXTURES / "store" / "store_v4.sql"
V5_DUMP = FIXTURES / "store" / "store_v5.sql"
V6_DUMP = FIXTURES / "store" / "store_v6.sql"
V7_DUMP = FIXTURES / "store" / "store_v7.sql"

AMMAN = EventPlace("Amman", "clause", "JO", 31.95522, 35.94503, 250441)
BAGHDAD = EventPlace("Baghdad", "clause", "IQ", 33.34058, 44.40088, 98182)


def talks(
    text: str,
    *,
    day: str | None = "2006-01-16",
    place: EventPlace | None = AMMAN,
    source: str = "IRQREB",
    target: str | None = "USAGOV",
    cameo: str = "044",
    outlet: str | None = "Gulf Wire",
    **event: object,
) -> Article:
    """An article of one event: ``source`` meets ``target`` on ``day`` at ``place``."""
    article = Article(
        text=text, outlet=outlet, published=PublishedDate("2006-01-18", "day", "user")
    )
    article.events = [
        Event(
            id="e1",
            sentence=Span(0, len(text)),
            trigger=Span(0, 4, text[0:4]),
            source=EventActor(source, text[0:4], 0, 4),
            target=EventActor(target, text[0:4], 0, 4) if target else None,
            cameo=cameo,
            root=cameo[:2],
            quad_class=1,
            goldstein=1.0,
            plover_type="CONSULT",
            date=EventDate(day, "day", "clause") if day else None,
            place=place,
            **event,  # type: ignore[arg-type]
        )
    ]
    return article


def cluster_of(store: Store, article: Article) -> dict:  # type: ignore[type-arg]
    [event] = [e for e in store.events() if e["article"]["id"] == article.id]
    return event["cluster"]


# --- full-text search --------------------------------------------------------------------------


def test_articles_are_found_by_the_words_of_their_title_and_text(tmp_path: Path) -> None:
    text = "Zalmay Khalilzad met the envoys in Amman, a quarter of an hour before noon."
    with Store(tmp_path / "d.db") as store:
        store.write_article(make_article(text, title="Secret talks in Jordan"))
        store.write_article(make_article("Protesters marched in Baghdad on Friday."))

        def found(q: str) -> list[str | None]:
            return [a["title"] for a in store.articles(q=q)]

        assert found("Khalilzad") == ["Secret talks in Jordan"]
        assert found("jordan") == ["Secret talks in Jordan"]  # a title word, any case
        assert found('"quarter of an hour"') == ["Secret talks in Jordan"]
        assert found("Khalil*") == ["Secret talks in Jordan"]
        assert found("Amman NOT Khalilzad") == []
        assert sorted(map(str, found("marched OR envoys"))) == ["None", "Secret talks in Jordan"]
        assert found("title: talks") == ["Secret talks in Jordan"]
        [hit] = store.articles(q="noon")
        assert "**noon**" in hit["snippet"]


def test_each_hit_of_a_page_has_the_snippet_fts5_makes_for_it_alone(tmp_path: Path) -> None:
    with Store(tmp_path / "d.db") as store:
        for i in range(60):  # more than a batch of snippets (50)
            words = "negotiators negotiated" if i % 3 else "talks were held"
            store.write_article(make_article(f"Report {i}: the {words} in Amman on day {i}."))
        for q in ("negotiat*", "Amman NOT talks", "negotiat* OR held"):
            hits = list(store.articles(q=q))
            assert hits
            for hit in hits:
                [(alone,)] = store.conn.execute(
                    "SELECT snippet(articles_fts, 1, '**', '**', '…', 16) FROM articles_fts"
                    " JOIN articles a ON a.key = articles_fts.rowid"
                    " WHERE articles_fts MATCH ? AND a.id = ?",
                    (q, hit["id"]),
                ).fetchall()
                assert hit["snippet"] == alone


def test_quotations_are_found_by_their_own_words(tmp_path: Path) -> None:
    text = "The Source said: we will never talk to them again, whatever happens next."
    article = make_full_article(text)  # q1 is text[10:], q2 "joined parts" held apart
    with Store(tmp_path / "d.db") as store:
        store.write_article(article)
        assert [q["id"] for q in store.quotes(q="whatever")] == ["q1"]
        assert [q["id"] for q in store.quotes(q="joined")] == ["q2"]
        assert [q["id"] for q in store.quotes(q="Source")] == []  # outside both quotations
        [q1] = store.quotes(q="happens")
        assert q1["article"]["id"] == article.id
        assert q1["speaker"]["anonymous"] is True


def test_a_full_text_query_that_is_not_fts5_syntax_is_refused_with_E101(tmp_path: Path) -> None:
    with Store(tmp_path / "d.db") as store:
        store.write_article(make_article())
        for q in ('"unclosed', "AND", "nosuchcolumn: word", "al-Qaeda"):
            with pytest.raises(QueryError, match=r"\[E101\]") as error:
                list(store.articles(q=q))
            assert error.value.code == "E101"
        assert list(store.articles(q='"al-Qaeda"')) == []


@settings(max_examples=60, deadline=None)
@given(q=st.text(max_size=40))
def test_any_full_text_query_either_answers_or_is_refused_with_a_code(
    tmp_path_factory: pytest.TempPathFactory, q: str
) -> None:
    path = tmp_path_factory.mktemp("q") / "d.db"
    with Store(path) as store:
        store.write_article(make_full_article("Iraqi insurgents met the US ambassador today."))
        for rows in (
            lambda: list(store.articles(q=q)),
            lambda: list(store.quotes(q=q)),
            lambda: list(store.events(q=q)),
        ):
            try:
                rows()
            except QueryError as e:
                assert e.code == "E101"


def test_replacing_an_article_keeps_both_search_indexes_in_step(tmp_path: Path) -> None:
    text = "The Source said: we will never talk to them again, whatever happens next."
    with Store(tmp_path / "d.db") as store:
        store.write_article(make_full_article(text, title="Old headline"))
        changed = make_full_article(text, title="New headline")
        changed.quotes = changed.quotes[:1]
        assert store.write_article(changed, replace=True) is True
        assert [a["title"] for a in store.articles(q="headline")] == ["New headline"]
        assert list(store.articles(q="Old")) == []
        assert [q["id"] for q in store.quotes(q="whatever")] == ["q1"]
        assert list(store.quotes(q="joined")) == []
        for table in ("articles_fts", "quotes_fts"):
            store.conn.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")


# --- filters and the time limit -------------------------------------------------------------


def test_events_are_filtered_by_every_filter_of_the_api(tmp_path: Path) -> None:
    articles = {
        "amman": talks("Talks in Amman went well."),
        "baghdad": talks(
            "Troops fought in Baghdad.",
            place=BAGHDAD,
            source="USAMIL",
            target="IRQREB",
            cameo="190",
            outlet="Levant Daily",
        ),
        "planned": talks("They will meet soon.", hypothetical=True, confidence=0.4),
    }
    articles["baghdad"].events[0].quad_class = 4
    articles["baghdad"].events[0].plover_type = "FIGHT"
    with Store(tmp_path / "d.db", settings=Settings(min_confidence=0.5)) as store:
        for article in articles.values():
            store.write_article(article)

        def texts(**filters: object) -> set[str]:
            return {e["sentence"]["text"] for e in store.events(EventQuery(**filters))}  # type: ignore[arg-type]

        amman, baghdad, planned = (a.text for a in articles.values())
        assert texts() == {amman, baghdad}  # the setting's min_confidence leaves one out
        assert texts(min_confidence=0) == {amman, baghdad, planned}
        assert texts(min_confidence=0, hypothetical=True) == {planned}
        assert texts(actor="irq") == {amman, baghdad}
        assert texts(source="USA") == {baghdad}
        assert texts(target="USAGOV") == {amman}
        assert texts(cameo="19") == {baghdad}
        assert texts(plover="fight", quad=4) == {baghdad}
        assert texts(country="IQ") == texts(country="IRQ") == {baghdad}
        assert texts(near="31.95,35.93,10") == {amman}
        assert texts(near="31.95,35.93,1000") == {amman, baghdad}
        assert texts(outlet="Levant Daily") == {baghdad}
        assert texts(q="Troops") == {baghdad}
        assert texts(since="2006-01-16", until="2006-01") == {amman, baghdad}
        assert store.total(EventQuery(min_confidence=0)) == 3
        page = store.page(EventQuery(limit=1, offset=1))
        assert (page.total, [e["sentence"]["text"] for e in page.items]) == (2, [baghdad])


def test_a_whole_filtered_list_has_the_events_of_its_pages_in_their_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dateline.store import queries

    monkeypatch.setattr(queries, "CLUSTER_COUNTS_KEPT", 2)  # clusters read again once dropped
    with Store(tmp_path / "d.db", settings=Settings(min_confidence=0.5)) as store:
        for i in range(12):
            article = talks(
                f"Report {i}: talks in Amman.",
                cameo=("044", "190", "043")[i % 3],
                source=("IRQREB", "USAMIL")[i % 2],
                day=f"2006-01-{10 + i % 4:02d}",
            )
            article.events.append(dataclasses.replace(article.events[0], id="e2", cameo="042"))
            store.write_article(article)
        for filters in ({}, {"actor": "IRQ"}, {"cameo": "04"}, {"since": "2006-01-11"}):
            whole = list(store.events(EventQuery(**filters)))  # type: ignore[arg-type]
            pages = [
                event
                for offset in range(0, 30, 4)
                for event in store.events(EventQuery(**filters, limit=4, offset=offset))  # type: ignore[arg-type]
            ]
            assert whole == pages
            assert len(whole) == store.total(EventQuery(**filters))  # type: ignore[arg-type]
            assert [e["cluster"] for e in whole] == [
                store.events(EventQuery(**filters, limit=1, offset=i)).__next__()["cluster"]  # type: ignore[arg-type]
                for i in range(len(whole))
            ]


@pytest.mark.parametrize(
    ("filters", "name"),
    [
        ({"quad": "5"}, "quad"),
        ({"cameo": "zz"}, "cameo"),
        ({"actor": "IRQ REB"}, "actor"),
        ({"near": "31,35"}, "near"),
        ({"near": "91,35,10"}, "near"),
        ({"min_confidence": "2"}, "min_confidence"),
        ({"country": "XXX"}, "country"),
        ({"hypothetical": "maybe"}, "hypothetical"),
        ({"limit": "-1"}, "limit"),
        ({"limit": str(2**63)}, "limit"),
        ({"offset": 2**63}, "offset"),
        ({"quad": str(2**64)}, "quad"),
    ],
)
def test_a_bad_filter_is_refused_with_E100_naming_it(filters: dict[str, str], name: str) -> None:
    with pytest.raises(QueryError, match=rf"\[E100\] {name}="):
        EventQuery(**filters)  # type: ignore[arg-type]


def test_whole_numbers_stop_at_the_largest_sqlite_holds(tmp_path: Path) -> None:
    biggest = 2**63 - 1
    with Store(tmp_path / "d.db") as store:
        store.write_article(talks("Talks in Amman went well."))
        [event] = store.events()
        assert list(store.events(EventQuery(limit=biggest))) == [event]
        assert list(store.events(EventQuery(offset=biggest))) == []
        assert list(store.articles(ArticleQuery(offset=biggest))) == []
        assert list(store.quotes(QuoteQuery(limit=biggest, offset=biggest))) == []
        assert store.network(EventQuery(offset=biggest))["edges"] == []
        # a cluster id no SQLite integer holds names no cluster (binding it overflowed)
        assert store.cluster(event["cluster"]["id"]) is not None
        for key in (biggest, biggest + 1, 10**30, -(2**63) - 1):
            assert store.cluster(key) is None


def test_a_bad_date_filter_is_E028_as_everywhere() -> None:
    with pytest.raises(DateError, match=r"\[E028\]"):
        ArticleQuery(since="last week")


def test_a_page_holds_at_most_a_thousand_rows(tmp_path: Path) -> None:
    with Store(tmp_path / "d.db") as store:
        assert store.page(EventQuery()).total == 0
        with pytest.raises(QueryError, match=r"\[E100\] limit=1001"):
            store.page(EventQuery(limit=1001))


def test_articles_are_filtered_by_outlet_actor_place_and_quotations(tmp_path: Path) -> None:
    quoted = make_full_article("The Source said: we will never talk to them again, at all.")
    plain = talks("Talks in Amman went well.", outlet="Levant Daily")
    with Store(tmp_path / "d.db") as store:
        store.write_article(quoted)
        store.write_article(plain)

        def ids(**filters: object) -> list[str]:
            return [a["id"] for a in store.articles(ArticleQuery(**filters))]  # type: ignore[arg-type]

        assert ids() == [quoted.id, plain.id]
        assert ids(outlet="Levant Daily") == [plain.id]
        assert ids(actor="USAGOV") == [quoted.id]
        assert ids(place="amman") == ids(place="JO") == [quoted.id]
        assert ids(has_quote=True) == ids(anonymous=True) == [quoted.id]
        assert ids(has_quote=False) == [plain.id]
        assert ids(since="2006-01-18", until="2006-01-18") == [plain.id]
        # With a full-text query, alone and beside a filter that reads the article's row.
        words = "talk OR Talks"
        assert ids(q=words, actor="USAGOV") == [quoted.id]
        assert ids(q=words, place="JO") == ids(q=words, anonymous=True) == [quoted.id]
        assert ids(q=words, has_quote=False) == [plain.id]
        assert ids(q=words, has_quote=True, outlet="Levant Daily") == []
        assert ids(q=words, has_quote=False, until="2006-01-18") == [plain.id]
        page = store.page(ArticleQuery())
        assert page.facets is not None
        assert {f["value"]: f["count"] for f in page.facets["outlet"]} == {
            "Asharq Al-Awsat": 1,
            "Levant Daily": 1,
        }
        assert page.facets["year"] == [{"value": "2006", "count": 2}]
        # The dateline's country (none for the plain article), and the quotation facets.
        assert page.facets["country"] == [
            {"value": "IQ", "count": 1},
            {"value": None, "count": 1},
        ]
        one_of_two = [{"value": True, "count": 1}, {"value": False, "count": 1}]
        assert page.facets["has_quote"] == page.facets["anonymous"] == one_of_two


def test_a_search_beside_article_filters_reads_the_full_text_index_in_one_pass(
    tmp_path: Path,
) -> None:
    """``q=secret&anonymous=false&actor=AFG`` ran past the time limit on the bench store:
    the actor's articles reached FTS5 as rowid constraints, and FTS5 set the search up again
    for each. Every filter beside ``q`` gives the rows of both, in the search's order, from
    one pass over the matches (no rowid constraint in the plan)."""

    def mentioning(article: Article, code: str) -> Article:
        article.mentions = [
            Mention(0, 4, article.text[0:4], "GPE", Actor(code, "AFGHANISTAN", "AFG"))
        ]
        return article

    quoted = make_full_article("The Source said: we will never talk secretly to them, at all.")
    articles = [
        quoted,
        mentioning(
            talks("Secret talks in Amman went well.", source="AFGGOV", outlet="Levant Daily"),
            "AFGGOV",
        ),
        mentioning(
            talks("Secret talks, secret places: Amman again.", source="AFGREB", cameo="0871"),
            "AFGREB",
        ),
        mentioning(talks("Troops fought in Kabul.", source="AFGMIL", cameo="190"), "AFGMIL"),
    ]
    with Store(tmp_path / "d.db") as store:
        for article in articles:
            store.write_article(article)
        filters: list[dict[str, object]] = [
            {"actor": "AFG"},
            {"actor": "AFGREB"},
            {"anonymous": False, "actor": "AFG"},
            {"anonymous": True},
            {"has_quote": False},
            {"place": "JO"},
            {"place": "amman"},
            {"cameo": "04"},
            {"cameo": "0871"},
            {"plover": "CONSULT"},
            {"outlet": "Levant Daily", "actor": "AFG"},
            {"since": "2006-01-18", "actor": "AFG", "cameo": "08"},
        ]
        found = 0
        for q in ("secret*", "talk* OR Kabul"):
            searched = [a["id"] for a in store.articles(q=q)]
            assert len(searched) >= 2
            for f in filters:
                query = ArticleQuery(q=q, **f)  # type: ignore[arg-type]
                alone = {a["id"] for a in store.articles(ArticleQuery(**f))}  # type: ignore[arg-type]
                both = [a["id"] for a in store.articles(query)]
                assert alone and both == [i for i in searched if i in alone], (q, f)
                found += bool(both)
                assert store.page(query).total == len(both)
                keys, args, order = queries._article_keys(query)
                plan = " ".join(
                    row[3] for row in store.conn.execute("EXPLAIN QUERY PLAN " + keys + order, args)
                )
                assert "VIRTUAL TABLE INDEX 0:M" in plan and "INDEX 0:=" not in plan, (f, plan)
        assert found >= len(filters)
        assert [a["id"] for a in store.articles(q="secret*", anonymous=False, actor="AFG")] == [
            articles[2].id,
            articles[1].id,
        ]


def test_quotations_are_filtered_by_speaker_and_anonymity(tmp_path: Path) -> None:
    article = make_full_article("The Source said: we will never talk to them again, at all.")
    with Store(tmp_path / "d.db") as store:
        store.write_article(article)
        assert [q["id"] for q in store.quotes(anonymous=True)] == ["q1"]
        assert [q["id"] for q in store.quotes(speaker="the s")] == ["q1"]
        assert [q["id"] for q in store.quotes(speaker="member of a")] == ["q1"]  # description
        assert [q["id"] for q in store.quotes(speaker="USA")] == ["q1"]  # the actor's code
        assert store.total(QuoteQuery(anonymous=False)) == 0


def test_quotations_found_by_their_words_come_in_the_stored_order_with_their_count(
    tmp_path: Path,
) -> None:
    texts = [
        "The Source said: we will never talk to them again, at all.",
        "A Minister said: we talk to everyone, and we will talk again.",
        "The Envoy said: nobody will talk, whatever they say to us.",
    ]
    with Store(tmp_path / "d.db") as store:
        for text in reversed(texts):  # stored in the other order than written
            store.write_article(make_full_article(text))
        every = [(q["article"]["id"], q["id"]) for q in store.quotes()]
        for filters in ({}, {"anonymous": True}, {"anonymous": False}, {"since": "2000"}):
            for words in ("talk", "never OR whatever", "will NOT nobody", "parts"):
                query = QuoteQuery(q=words, **filters)  # type: ignore[arg-type]
                found = [(q["article"]["id"], q["id"]) for q in store.quotes(query)]
                assert found == [k for k in every if k in set(found)], (words, filters)
                assert store.total(query) == len(found)
                page = store.page(dataclasses.replace(query, limit=2, offset=1))
                assert [(q["article"]["id"], q["id"]) for q in page.items] == found[1:3]
                assert page.total == len(found)
        assert store.total(QuoteQuery(q="talk")) == 3
        assert store.total(QuoteQuery(anonymous=True)) == 3


def test_a_query_running_over_the_time_limit_is_stopped_with_E102(tmp_path: Path) -> None:
    slow = (
        "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ?)"
        " SELECT COUNT(*) FROM n"
    )
    with Store(tmp_path / "d.db", settings=Settings(query_time_limit_ms=50)) as store:
        assert store.run(slow, [10])[0][0] == 10
        with pytest.raises(QueryError, match=r"\[E102\] .*query_time_limit_ms=50") as error:
            store.run(slow, [10**9])
        assert error.value.code == "E102"
        assert store.run(slow, [10])[0][0] == 10  # the store answers again


def test_timeline_counts_events_per_period_with_the_articles_in_scope(tmp_path: Path) -> None:
    with Store(tmp_path / "d.db") as store:
        store.write_article(talks("Talks in Amman went well.", day="2006-01-16"))
        store.write_article(talks("More talks in Amman.", day="2006-01-30"))
        store.write_article(talks("Talks that year.", day=None))  # the publication date
        store.write_article(make_article("No event here.", events=[]))
        # periods with events only; the article without one counts in its own month's scope
        assert store.timeline(interval="month") == {
            "interval": "month",
            "series": [
                {
                    "period": "2006-01",
                    "count": 3,
                    "articles": 3,
                    "articles_in_scope": 3,
                    "share": 1.0,
                }
            ],
        }
        weeks = store.timeline(interval="week")["series"]
        assert [(p["period"], p["count"]) for p in weeks] == [("2006-W03", 2), ("2006-W05", 1)]


def test_timeline_article_filters_narrow_its_events_and_its_articles_in_scope(
    tmp_path: Path,
) -> None:
    in_january = PublishedDate("2006-01-10", "day", "user")
    with Store(tmp_path / "d.db") as store:
        store.write_article(talks("Talks in Amman went well.", day="2006-01-16", outlet="AP"))
        store.write_article(talks("More talks in Amman.", day="2006-01-20", outlet="Gulf Wire"))
        # two events of January reported in May, with an anonymous source's quotation
        store.write_article(make_full_article("The Source said: we will never talk again."))
        store.write_article(Article(text="No event in it.", outlet="AP", published=in_january))

        def january(**filters: Any) -> tuple[int, int, int, float | None]:
            timeline = TimelineQuery(
                events=EventQuery(**filters.pop("events", {})), articles=ArticleQuery(**filters)
            )
            found = [p for p in store.timeline(timeline)["series"] if p["period"] == "2006-01"]
            if not found:
                return 0, 0, 0, None
            [p] = found
            return p["count"], p["articles"], p["articles_in_scope"], p["share"]

        assert january() == (4, 3, 3, 1.0)
        # outlet and q filter the articles in scope as well as the events: the share is AP's
        # articles reporting the events over AP's articles (it was over every article: 1/3)
        assert january(events={"outlet": "AP"}) == january(outlet="AP") == (1, 1, 2, 0.5)
        assert january(events={"q": "Amman"}) == january(q="Amman") == (2, 2, 2, 1.0)
        # the article filters the events lack
        assert january(has_quote=False) == (2, 2, 3, 0.6667)
        assert january(has_quote=True) == january(anonymous=True) == (2, 1, 0, None)
        assert january(place="JO") == (2, 1, 0, None)
        assert january(has_quote=False, events={"outlet": "AP"}) == (1, 1, 2, 0.5)
        assert store.timeline(interval="month", outlet="AP")["series"][0]["share"] == 0.5
    with pytest.raises(QueryError, match=r"\[E100\] outlet='BBC'"):
        TimelineQuery(events=EventQuery(outlet="AP"), articles=ArticleQuery(outlet="BBC"))


def test_a_place_without_a_geonames_id_keeps_its_feature_in_the_places_list(
    tmp_path: Path,
) -> None:
    """A post-office town of the gazetteer has no GeoNames id: the event's place finds its
    feature on the article's place by name and point."""
    from dateline.model import Place

    town = EventPlace("Lanexa", "clause", "US", 37.41, -76.9, None)
    article = talks("Talks in Lanexa went well.", place=town)
    article.places = [
        Place(9, 15, "Lanexa", "Lanexa", "US", 37.41, -76.9, None, "P", "PPL", "Virginia")
    ]
    with Store(tmp_path / "d.db") as store:
        store.write_article(article)
        [place] = store.places()
    assert (place["name"], place["geonameid"], place["feature_class"]) == ("Lanexa", None, "P")
    assert place["area"] is False


def test_the_network_counts_events_between_actors(tmp_path: Path) -> None:
    with Store(tmp_path / "d.db") as store:
        store.write_article(talks("Talks in Amman went well."))
        store.write_article(talks("More talks in Amman."))
        store.write_article(talks("Troops fought.", source="USAMIL", target=None, cameo="190"))
        network = store.network()
        assert network["edges"] == [
            {"source": "IRQREB", "target": "USAGOV", "events": 2, "goldstein_mean": 1.0}
        ]
        assert [(n["code"], n["events"]) for n in network["nodes"]] == [
            ("IRQREB", 2),
            ("USAGOV", 2),
            ("USAMIL", 1),
        ]


# --- clusters ----------------------------------------------------------------------------------


def test_actor_codes_are_compared_at_country_and_agent_level() -> None:
    assert actor_level("IRQREB") == actor_level("IRQREBMIL") == actor_level("IRQOCCREB")
    assert actor_level("IRQREB") != actor_level("IRQGOV")
    assert actor_level("IGOUNO") != actor_level("IGOEUREEC")
    assert actor_level(None) == "---"


def test_events_within_a_day_of_the_same_act_and_country_are_one_cluster(
    tmp_path: Path,
) -> None:
    first = talks("Talks in Amman went well.", day="2006-01-16")
    same = [
        talks("Insurgents met the envoy.", day="2006-01-17", outlet="Levant Daily"),
        talks("Rebels talked to the US.", day="2006-01-15", source="IRQOCCREB", cameo="040"),
    ]
    apart = [
        talks("Two days later.", day="2006-01-18"),
        talks("Elsewhere.", place=BAGHDAD),
        talks("Another root.", cameo="190"),
        talks("Other way round.", source="USAGOV", target="IRQREB"),
        talks("Planned.", hypothetical=True),
        talks("No date.", day="XXXX-WXX-1"),
    ]
    with Store(tmp_path / "d.db") as store:
        for article in [first, *same, *apart]:
            store.write_article(article)
        cluster = cluster_of(store, first)
        assert cluster == {"id": cluster["id"], "articles": 3, "outlets": 2, "mentions": 3}
        assert all(cluster_of(store, a)["id"] == cluster["id"] for a in same)
        assert len({cluster_of(store, a)["id"] for a in apart} | {cluster["id"]}) == 7
        [item] = [c for c in store.clusters() if c["id"] == cluster["id"]]
        assert (item["source"], item["target"], item["cameo"], item["date"]) == (
            "IRQREB",
            "USAGOV",
            "044",
            "2006-01-16",
        )
        assert [e["sentence"]["text"] for e in item["events"]] == [
            first.text,
            *(a.text for a in same),
        ]


def test_the_seeds_talks_reported_in_other_words_are_one_cluster_apart_from_others(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    """tests/fixtures/clusters: two outlets report the talks of 16 January 2006 in Amman in
    their own words; another meeting in Amman that day and the parties' second meeting are
    other acts."""
    with Store(tmp_path / "d.db", settings=Settings(min_confidence=0)) as store:
        report = ingest(
            [SEED, FIXTURES / "clusters" / "talks.jsonl"], store, pipeline, default_date=SEED_DATE
        )
        assert report.failures == []
        events = list(store.events())

        def meeting(url_part: str, day: str) -> dict:  # type: ignore[type-arg]
            [event] = [
                e
                for e in events
                if url_part in (e["article"]["url"] or "")
                and e["root"] == "04"
                and e["date"]["value"] == day
            ]
            return event

        gulf = meeting("gulf-wire.example/2006/01/18", "2006-01-16")
        levant = meeting("levant-daily.example/news/khalilzad", "2006-01-16")
        syria = meeting("levant-daily.example/news/syria", "2006-01-16")
        second = meeting("gulf-wire.example/2006/02/08", "2006-02-06")
        assert gulf["cluster"]["id"] == levant["cluster"]["id"]
        assert gulf["source"]["text"] != levant["source"]["text"]  # other words
        assert gulf["cluster"]["articles"] >= 2 and gulf["cluster"]["outlets"] >= 2
        assert len({e["cluster"]["id"] for e in (gulf, syria, second)}) == 3
        [cluster] = [c for c in store.clusters() if c["id"] == gulf["cluster"]["id"]]
        assert (cluster["source"], cluster["target"], cluster["date"]) == (
            "IRQREB",
            "USAGOV",
            "2006-01-16",
        )
        outlets = {e["article"]["outlet"] for e in cluster["events"]}
        assert {"Gulf Wire", "Levant Daily"} <= outlets


def test_a_cluster_is_counted_again_when_an_article_is_coded_again(tmp_path: Path) -> None:
    first = talks("Talks in Amman went well.")
    second = talks("Insurgents met the envoy.", outlet="Levant Daily")
    with Store(tmp_path / "d.db") as store:
        store.write_article(first)
        store.write_article(second)
        assert cluster_of(store, first)["articles"] == 2
        recoded = talks(second.text, outlet="Levant Daily", cameo="190")
        store.write_article(recoded, replace=True)
        assert cluster_of(store, first)["articles"] == 1
        assert cluster_of(store, recoded)["articles"] == 1
        assert store.count("clusters") == 2


def test_cluster_counts_follow_min_confidence(tmp_path: Path) -> None:
    with Store(tmp_path / "d.db", settings=Settings(min_confidence=0.5)) as store:
        store.write_article(talks("Talks in Amman went well."))
        store.write_article(talks("Maybe talks.", outlet="Levant Daily", confidence=0.2))
        [cluster] = store.clusters()
        assert (cluster["articles"], cluster["mentions"], len(cluster["events"])) == (1, 1, 1)
        [cluster] = store.clusters(min_confidence=0)
        assert (cluster["articles"], cluster["mentions"], len(cluster["events"])) == (2, 2, 2)


# --- read-only and the migration from version 2 ----------------------------------------------


def _load_dump(path: Path, dump: Path) -> None:
    """The store a SQL dump holds in a new file (its full-text indexes as written)."""
    conn = sqlite3.connect(path)
    conn.executescript(dump.read_text(encoding="utf-8"))
    conn.close()


def load_v2_store(path: Path) -> None:
    _load_dump(path, V2_DUMP)


def _articles_before_upgrade(path: Path, version: int) -> dict[str, dict]:  # type: ignore[type-arg]
    """The article objects of an older store, by id, read as its own version wrote them."""
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    assert current_version(conn) == version
    before = {
        row["id"]: read_article_json(conn, Lookups(), row, None)
        for row in conn.execute("SELECT * FROM articles")
    }
    conn.close()
    return before


def _assert_articles_kept(store: Store, before: dict[str, dict]) -> None:  # type: ignore[type-arg]
    """Every article reads back from the upgraded store as its own version wrote it (its
    store key aside)."""
    for article_id, doc in before.items():
        stored = store.article(article_id)
        assert stored is not None
        assert stored | {"article": None} == doc | {"article": None}


def _assert_upgraded_soundly(store: Store) -> None:
    assert current_version(store.conn) == SCHEMA_VERSION == 8
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_read_only_store_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "d.db"
    with Store(path) as store:
        store.write_article(make_article())
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with Store(path, read_only=True) as store:
        assert [e["id"] for e in store.events()] == ["e1"]
        with pytest.raises(StoreError, match=r"\[E043\].*readonly"):
            store.write_article(make_article("Another text, another article."))
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_store_of_an_older_version_is_not_upgraded_read_only(tmp_path: Path) -> None:
    path = tmp_path / "v2.db"
    load_v2_store(path)
    with pytest.raises(StoreError, match=r"\[E046\] .*version 2 .*without --read-only"):
        Store(path, read_only=True)
    with Store(path):
        pass
    Store(path, read_only=True).close()


def _schema(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    return {
        (row[0], " ".join(row[1].split()))
        for row in conn.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL")
    }


def test_a_version_2_store_is_upgraded_in_place(tmp_path: Path) -> None:
    path = tmp_path / "v2.db"
    load_v2_store(path)
    before = _articles_before_upgrade(path, 2)
    with Store(path) as store:
        _assert_upgraded_soundly(store)
        for article_id, doc in before.items():
            stored = store.article(article_id)
            assert stored is not None
            assert stored | {"article": None} == doc | {"article": None}
            assert stored["article"] | {"url": None} == doc["article"] | {"url": None}
        [seed] = store.articles(q="Khalilzad")
        assert seed["title"] == "US Held Secret Talks with Iraqi Insurgents"
        assert list(store.quotes(q="insurgents"))
        assert (
            store.conn.execute("SELECT COUNT(*) FROM events WHERE cluster IS NULL").fetchone()[0]
            == 0
        )
        assert store.count("clusters") > 0
        # the day columns hold what a fresh write gives
        days = store.conn.execute(
            "SELECT COUNT(*) FROM events WHERE first_day IS NOT NULL"
        ).fetchone()[0]
        assert days > 0
        migrated = _schema(store.conn)
        dump = list(store.conn.iterdump())
    with Store(tmp_path / "fresh.db") as fresh:
        assert migrated == _schema(fresh.conn)
        for doc in before.values():
            fresh.write_json(doc, [])
        fresh_days = fresh.conn.execute(
            "SELECT id, first_day, last_day, cluster IS NOT NULL FROM events ORDER BY article, idx"
        ).fetchall()
        fresh_prefixes = article_prefixes(fresh.conn)
    with Store(path) as store:
        assert list(store.conn.iterdump()) == dump  # opening again changes nothing
        assert (
            store.conn.execute(
                "SELECT id, first_day, last_day, cluster IS NOT NULL FROM events"
                " ORDER BY article, idx"
            ).fetchall()
            == fresh_days
        )
        assert article_prefixes(store.conn) == fresh_prefixes  # versions 4 and 5's, filled
        assert all(fresh_prefixes.values())


ARTICLE_VALUES = {
    "actor": ("article_actors", "prefix"),  # schema version 4
    "root": ("article_roots", "prefix"),
    "plover": ("article_plovers", "plover"),  # schema version 5
    "place": ("article_countries", "country"),
}


def article_prefixes(conn: sqlite3.Connection) -> dict[str, set[tuple[str, str]]]:
    """Each article's actor prefixes, CAMEO roots (schema version 4), PLOVER types and the
    countries of the places it names (version 5) as the store holds them, by article id."""
    return {
        kind: {
            tuple(row)
            for row in conn.execute(
                f"SELECT a.id, x.{column} FROM {table} x JOIN articles a ON a.key = x.article"
            )
        }
        for kind, (table, column) in ARTICLE_VALUES.items()
    }


def derived_prefixes(conn: sqlite3.Connection) -> dict[str, set[tuple[str, str]]]:
    """What ``article_prefixes`` must hold, read from the mentions, events and places."""
    return {
        kind: {tuple(row) for row in conn.execute(sql)}
        for kind, sql in {
            "actor": "SELECT a.id, substr(ac.code, 1, 3) FROM mentions m"
            " JOIN actors ac ON ac.key = m.actor JOIN articles a ON a.key = m.article",
            "root": "SELECT a.id, substr(e.cameo, 1, 2) FROM events e"
            " JOIN articles a ON a.key = e.article",
            "plover": "SELECT a.id, e.plover_type FROM events e"
            " JOIN articles a ON a.key = e.article WHERE e.plover_type IS NOT NULL",
            "place": "SELECT a.id, l.country FROM places p JOIN locations l ON l.key = p.location"
            " JOIN articles a ON a.key = p.article WHERE l.country IS NOT NULL",
        }.items()
    }


def load_v4_store(path: Path) -> None:
    _load_dump(path, V4_DUMP)


def test_a_version_4_store_is_upgraded_in_place(tmp_path: Path) -> None:
    path = tmp_path / "v4.db"
    load_v4_store(path)
    before = _articles_before_upgrade(path, 4)
    with Store(path) as store:
        _assert_upgraded_soundly(store)
        for index in ("articles_fts", "quotes_fts"):
            store.conn.execute(f"INSERT INTO {index}({index}) VALUES ('integrity-check')")
        _assert_articles_kept(store, before)
        held = article_prefixes(store.conn)
        assert held == derived_prefixes(store.conn) and held["plover"] and held["place"]
        page = store.page(ArticleQuery(q="Afghanistan OR insurgents"))
        assert page.total == 2 and page.facets is not None
        migrated = _schema(store.conn)
        dump = list(store.conn.iterdump())
    with Store(tmp_path / "fresh.db") as fresh:
        assert migrated == _schema(fresh.conn)
        for doc in before.values():
            fresh.write_json(doc, [])
        fresh_page = fresh.page(ArticleQuery(q="Afghanistan OR insurgents"))
        assert article_prefixes(fresh.conn) == held
    # The facets of version 5's tables count what the events and places of the two give.
    assert fresh_page.facets == page.facets
    assert {f["value"]: f["count"] for f in page.facets["plover"]} == dict(
        Counter(p for _, p in held["plover"])
    )
    assert {f["value"]: f["count"] for f in page.facets["place"]} == dict(
        Counter(c for _, c in held["place"])
    )
    with Store(path) as store:
        assert list(store.conn.iterdump()) == dump  # opening again changes nothing


def test_the_articles_prefixes_follow_their_mentions_events_and_places(tmp_path: Path) -> None:
    with Store(tmp_path / "d.db") as store:
        first = talks("Talks in Amman went well.", source="IRQREB", target="USAGOV", cameo="044")
        store.write_article(first)
        store.write_article(talks("Troops fought in Baghdad.", source="USAMIL", cameo="190"))
        quoted = make_full_article("The Source said: we will never talk to them again, at all.")
        store.write_article(quoted)

        def held() -> dict[str, set[tuple[str, str]]]:
            return article_prefixes(store.conn)

        def derived() -> dict[str, set[tuple[str, str]]]:
            return derived_prefixes(store.conn)

        assert held() == derived()
        assert (first.id, "04") in held()["root"] and (quoted.id, "USA") in held()["actor"]
        first.events[0].cameo, first.events[0].root = "051", "05"
        store.write_article(first, replace=True)  # coded again: 04 leaves, 05 comes
        assert held() == derived()
        assert (first.id, "04") not in held()["root"] and (first.id, "05") in held()["root"]
        assert (quoted.id, "CONSULT") in held()["plover"] and (quoted.id, "JO") in held()["place"]
        # Rows changed in place: the quotation's article's events and its place elsewhere.
        key = store.conn.execute("SELECT key FROM articles WHERE id = ?", (quoted.id,)).fetchone()[
            0
        ]
        store.conn.execute("UPDATE events SET plover_type = 'PROTEST' WHERE article = ?", (key,))
        store.conn.execute(
            "UPDATE places SET location = (SELECT key FROM locations WHERE country = 'IQ')"
            " WHERE article = ?",
            (key,),
        )
        assert held() == derived()
        assert (quoted.id, "CONSULT") not in held()["plover"] and (quoted.id, "IQ") in held()[
            "place"
        ]
        for gone in (first, quoted):
            store.conn.execute("DELETE FROM articles WHERE id = ?", (gone.id,))
            assert held() == derived()
            assert not {row for rows in held().values() for row in rows if row[0] == gone.id}
        assert [a["id"] for a in store.articles(cameo="19", actor="USA")] == [
            a["id"] for a in store.articles(cameo="190", actor="USAMIL")
        ]


def test_clustering_cut_short_by_a_crash_goes_on_at_the_next_open(tmp_path: Path) -> None:
    path = tmp_path / "v2.db"
    load_v2_store(path)
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn)  # the script ran, then the process died before clustering
    pending = conn.execute("SELECT COUNT(*) FROM events WHERE cluster IS NULL").fetchone()[0]
    assert pending > 0
    conn.close()
    with Store(path) as store:
        assert (
            store.conn.execute("SELECT COUNT(*) FROM events WHERE cluster IS NULL").fetchone()[0]
            == 0
        )


def test_a_version_2_store_reads_with_the_same_events_once_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "v2.db"
    load_v2_store(path)
    with Store(path) as store:
        listed = list(store.events())
    assert len(listed) == 31
    assert all(e["cluster"]["mentions"] >= 1 for e in listed)


# --- the speakers' words (schema version 6) ----------------------------------------------------

# The speaker filter as it was before version 6 (and as store/filters.py documents it): the
# words of the speaker's phrase (read from the article's text when not stored) or of an
# anonymous source's description, case-insensitive (LIKE), or the prefix of the speaker's
# actor code.
SPEAKER_BEFORE_V6 = (
    "SELECT a.id, q.id FROM quotes q JOIN articles a ON a.key = q.article"
    " WHERE COALESCE(q.speaker_text,"
    " substr(a.text, q.speaker_start + 1, q.speaker_end - q.speaker_start)) LIKE ? ESCAPE '\\'"
    " OR q.speaker_description LIKE ? ESCAPE '\\'"
    " OR q.speaker_actor IN (SELECT key FROM actors WHERE code GLOB ?)"
    " ORDER BY q.article, q.idx"
)
SPEAKERS = [
    "the s",
    "SOURCE",
    "he",
    "a member",
    "Mujahid",
    "taliban",
    "US",
    "usagov",
    "AFG",
    "Donald Trump",
    "%",
    "_",
    "\\",
    "50%",
    "x_y",
    "it",
    "of",
    "nobody at all",
    'the "source"',
    "ÉMIR",
    "afghan TALIBAN",
]


def speaker_before_v6(conn: sqlite3.Connection, speaker: str) -> list[tuple[str, str]]:
    words = "%" + speaker.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    code = speaker.upper()
    glob = code + "*" if code.replace("-", "").isalnum() else ""
    return [tuple(row) for row in conn.execute(SPEAKER_BEFORE_V6, (words, words, glob))]


def speaker_words(conn: sqlite3.Connection) -> set[tuple[str, str, str]]:
    """Which quotation has which speaker words (version 6's tables), by article and quote id."""
    return {
        tuple(row)
        for row in conn.execute(
            "SELECT a.id, x.id, w.words FROM quote_speaker_words x"
            " JOIN speaker_words w ON w.key = x.words JOIN articles a ON a.key = x.article"
        )
    }


def derived_speaker_words(conn: sqlite3.Connection) -> set[tuple[str, str, str]]:
    """What ``speaker_words`` must hold: each quotation's phrase and description."""
    return {
        tuple(row)
        for row in conn.execute(
            "SELECT a.id, q.id, COALESCE(q.speaker_text,"
            " substr(a.text, q.speaker_start + 1, q.speaker_end - q.speaker_start))"
            " AS words FROM quotes q JOIN articles a ON a.key = q.article WHERE words IS NOT NULL"
            " UNION SELECT a.id, q.id, q.speaker_description FROM quotes q"
            " JOIN articles a ON a.key = q.article WHERE q.speaker_description IS NOT NULL"
        )
    }


def assert_speaker_filter_as_before(store: Store, words: str = "talk OR Taliban OR will") -> None:
    """``speaker=`` finds what it found before version 6, alone, beside the other filters and
    beside a full-text query (``words``), in lists, pages and counts."""

    def found(**filters: object) -> list[tuple[str, str]]:
        query = QuoteQuery(**filters)  # type: ignore[arg-type]
        keys = [(q["article"]["id"], q["id"]) for q in store.quotes(query)]
        assert store.total(query) == len(keys)
        page = store.page(dataclasses.replace(query, limit=2, offset=1))
        assert [(q["article"]["id"], q["id"]) for q in page.items] == keys[1:3]
        return keys

    anonymous = set(found(anonymous=True))
    matching = set(found(q=words))
    assert matching
    for speaker in SPEAKERS:
        before = speaker_before_v6(store.conn, speaker)
        assert found(speaker=speaker) == before, speaker
        assert found(speaker=speaker, anonymous=True) == [k for k in before if k in anonymous]
        assert found(speaker=speaker, since="2000") == before
        with_words = found(speaker=speaker, q=words)
        assert sorted(with_words) == sorted(k for k in before if k in matching)


def load_v5_store(path: Path) -> None:
    _load_dump(path, V5_DUMP)


def test_a_version_5_store_is_upgraded_in_place(tmp_path: Path) -> None:
    path = tmp_path / "v5.db"
    load_v5_store(path)
    before = _articles_before_upgrade(path, 5)
    conn = sqlite3.connect(path)
    found_before = {s: speaker_before_v6(conn, s) for s in SPEAKERS}
    conn.close()
    assert found_before["the s"] and found_before["US"] and found_before["a member"]
    with Store(path) as store:
        _assert_upgraded_soundly(store)
        _assert_articles_kept(store, before)
        held = speaker_words(store.conn)
        # 22 phrases and 11 descriptions, one of them the words of its own phrase
        assert held == derived_speaker_words(store.conn) and len(held) == 32
        assert_speaker_filter_as_before(store)
        assert {s: speaker_before_v6(store.conn, s) for s in SPEAKERS} == found_before
        speakers = store.quote_speakers(QuoteQuery(speaker="the"))
        migrated = _schema(store.conn)
        dump = list(store.conn.iterdump())
    with Store(tmp_path / "fresh.db") as fresh:
        assert migrated == _schema(fresh.conn)
        for doc in before.values():
            fresh.write_json(doc, [])
        assert speaker_words(fresh.conn) == held
        assert fresh.quote_speakers(QuoteQuery(speaker="the")) == speakers
    with Store(path) as store:
        assert list(store.conn.iterdump()) == dump  # opening again changes nothing


def test_the_speakers_words_follow_their_quotations(tmp_path: Path) -> None:
    with Store(tmp_path / "d.db") as store:
        quoted = make_full_article("The Source said: we will never talk to them again, at all.")
        other = make_full_article("Our Source said: we will talk to them again, all of them.")
        store.write_article(quoted)
        store.write_article(other)
        assert speaker_words(store.conn) == derived_speaker_words(store.conn)
        assert (quoted.id, "q1", "The S") in speaker_words(store.conn)
        assert_speaker_filter_as_before(store)
        # Coded again with another speaker phrase and description: the old words leave.
        assert quoted.quotes[0].speaker is not None
        quoted.quotes[0].speaker = dataclasses.replace(
            quoted.quotes[0].speaker, start=6, end=10, text=quoted.text[6:10], description="an aide"
        )
        store.write_article(quoted, replace=True)
        held = speaker_words(store.conn)
        assert held == derived_speaker_words(store.conn)
        assert (quoted.id, "q1", "urce") in held and (quoted.id, "q1", "The S") not in held
        assert [q["id"] for q in store.quotes(speaker="aide")] == ["q1"]
        assert [q["article"]["id"] for q in store.quotes(speaker="the s")] == []
        assert_speaker_filter_as_before(store)
        # A row changed in place, then an article deleted.
        store.conn.execute(
            "UPDATE quotes SET speaker_text = 'Mr Smith', speaker_description = NULL"
            " WHERE article = (SELECT key FROM articles WHERE id = ?) AND id = 'q1'",
            (other.id,),
        )
        assert speaker_words(store.conn) == derived_speaker_words(store.conn)
        assert [q["article"]["id"] for q in store.quotes(speaker="smith")] == [other.id]
        store.conn.execute("DELETE FROM articles WHERE id = ?", (quoted.id,))
        assert speaker_words(store.conn) == derived_speaker_words(store.conn)
        assert_speaker_filter_as_before(store)


# --- version 7: prefix indexes of the articles' full-text index -------------------------------

# Full-text queries whose answers version 7 keeps: a prefix of every indexed length (2 to 8
# characters) and longer ones, prefixes in a phrase, beside other terms, in a column filter
# and in NEAR, a word and a phrase; some match both example articles, some one, some none.
PREFIX_SEARCHES = [
    "a*",
    "Af*",
    "in*",
    "ins*",
    "insu*",
    "insur*",
    "insurg*",
    "insurge*",
    "insurgen*",
    "insurgent*",
    "Khalil*",
    "negotiat*",
    "se* talks",
    '"Iraqi insur*"',
    "Taliban OR neg*",
    "insurg* AND Amman NOT Baghdad",
    "title: tal*",
    "NEAR(talks insurg*, 5)",
    "helicopter",
    '"secret talks"',
]


def ranked_matches(conn: sqlite3.Connection, q: str) -> list[tuple[object, ...]]:
    """Every match of ``q`` in the list's order, with its bm25, snippet and highlight, as
    FTS5 gives them."""
    return [
        tuple(row)
        for row in conn.execute(
            f"SELECT rowid, {queries.RELEVANCE}, snippet(articles_fts, 1, '**', '**', '…', 16),"
            " highlight(articles_fts, 0, '[', ']') FROM articles_fts"
            f" WHERE articles_fts MATCH ? ORDER BY {queries.RELEVANCE}, rowid",
            (q,),
        )
    ]


def prefix_lengths(conn: sqlite3.Connection) -> str:
    [(sql,)] = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'")
    return str(sql).split("prefix=")[1].split("'")[1] if "prefix=" in sql else ""


def load_v6_store(path: Path) -> None:
    _load_dump(path, V6_DUMP)


def test_a_version_6_store_is_upgraded_in_place_with_prefix_indexes(tmp_path: Path) -> None:
    path = tmp_path / "v6.db"
    load_v6_store(path)
    before = _articles_before_upgrade(path, 6)
    conn = sqlite3.connect(path)
    assert prefix_lengths(conn) == ""
    matched = {q: ranked_matches(conn, q) for q in PREFIX_SEARCHES}
    sources = conn.execute(
        "SELECT a.id, s.kind, s.locator FROM article_sources s JOIN articles a ON a.key = s.article"
    ).fetchall()
    conn.close()
    assert len(matched["a*"]) == 2 and len(matched["insurg*"]) == 1 and not matched["negotiat*"]
    with Store(path) as store:
        _assert_upgraded_soundly(store)
        # FTS5's own check reads every prefix index against the words indexed
        store.conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        assert prefix_lengths(store.conn) == "2 3 4 5 6 7 8"
        _assert_articles_kept(store, before)
        assert {q: ranked_matches(store.conn, q) for q in PREFIX_SEARCHES} == matched
        pages = {q: store.page(ArticleQuery(q=q)).to_json() for q in PREFIX_SEARCHES}
        assert pages["se* talks"]["items"][0]["snippet"].count("**") >= 2
        migrated = _schema(store.conn)
        dump = list(store.conn.iterdump())
    with Store(tmp_path / "fresh.db") as fresh:
        assert migrated == _schema(fresh.conn)
        for article_id, doc in before.items():
            fresh.write_json(doc, [(kind, at) for i, kind, at in sources if i == article_id])
        assert {q: fresh.page(ArticleQuery(q=q)).to_json() for q in PREFIX_SEARCHES} == pages
    with Store(path) as store:
        assert list(store.conn.iterdump()) == dump  # opening again changes nothing


def test_the_prefix_indexes_follow_articles_written_replaced_and_deleted(tmp_path: Path) -> None:
    with Store(tmp_path / "d.db") as store:
        first = make_article("Negotiators negotiated a truce in Amman.", title="Negotiations")
        second = make_article("Insurgents attacked a convoy.", title="Kandahar convoy")
        store.write_article(first)
        store.write_article(second)

        def found(q: str) -> list[str]:
            return sorted(a["id"] for a in store.articles(q=q))

        assert found("ne*") == found("negotiat*") == found("title: negotiation*") == [first.id]
        assert found("in*") == sorted([first.id, second.id])
        assert found("Kand*") == found("insurge*") == [second.id]
        second.title = "Herat convoy"
        store.write_article(second, replace=True)
        assert found("Kand*") == [] and found("title: Her*") == found("insurge*") == [second.id]
        store.conn.execute("DELETE FROM articles WHERE id = ?", (first.id,))
        assert found("ne*") == found("negotiat*") == found("title: ne*") == []
        assert found("in*") == [second.id]
        store.conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")


# --- the migration from version 7: the coding run of each article -----------------------------


def load_v7_store(path: Path) -> None:
    _load_dump(path, V7_DUMP)


def test_a_version_7_store_is_upgraded_in_place_its_articles_pointing_to_no_run(
    tmp_path: Path,
) -> None:
    path = tmp_path / "v7.db"
    load_v7_store(path)
    before = _articles_before_upgrade(path, 7)
    with Store(path, settings=Settings(min_confidence=0)) as store:
        _assert_upgraded_soundly(store)
        _assert_articles_kept(store, before)
        assert store.count("coding_runs") == 0
        runs = store.conn.execute("SELECT DISTINCT coding_run FROM articles").fetchall()
        assert [tuple(r) for r in runs] == [(None,)]
        export = open_export(store, EventQuery(), "jsonl")
        rows = len(list(export.chunks))
        assert rows and export.manifest["coding_runs"] == [
            {"run": None, "rows": export.manifest["rows"], "unknown": UNKNOWN_RUN}
        ]
        assert UNKNOWN_RUN == "unknown: written before schema 8"
        migrated = _schema(store.conn)
        dump = list(store.conn.iterdump())
    with Store(tmp_path / "fresh.db") as fresh:
        assert migrated == _schema(fresh.conn)
    with Store(path) as store:
        assert list(store.conn.iterdump()) == dump  # opening again changes nothing
        # an article written now points to this installation's run; the old ones to none
        store.write_article(make_article("Syrian officials met Turkish envoys in Amman."))
        export = open_export(store, EventQuery(min_confidence=0), "csv")
        list(export.chunks)
        counts = {r["run"]: r["rows"] for r in export.manifest["coding_runs"]}
        assert counts[None] == sum(len(doc["events"]) for doc in before.values())
        [new] = [r for r in export.manifest["coding_runs"] if r["run"] is not None]
        assert new["rows"] == 1 and new["dateline_version"] == dateline.__version__


def test_each_distinct_run_is_one_row_and_a_rewrite_points_to_its_own_run(
    tmp_path: Path,
) -> None:
    with Store(tmp_path / "d.db") as store:
        mine = coding_run(store.settings)
        older = dataclasses.replace(mine, dateline_version="0.0.9")
        first = make_article("Iraqi insurgents met the US ambassador.")
        store.write_article(first, run=older)
        store.write_article(make_article("Syrian officials met Turkish envoys in Amman."))
        store.write_article(make_article("Jordanian envoys met Iraqi officials in Amman."))
        assert store.count("coding_runs") == 2
        store.write_article(first, replace=True)  # coded again, by this installation
        runs = store.conn.execute(
            "SELECT r.dateline_version, COUNT(*) FROM articles a JOIN coding_runs r"
            " ON r.key = a.coding_run GROUP BY r.key"
        ).fetchall()
        assert [tuple(r) for r in runs] == [(dateline.__version__, 3)]
        # a run first met in a transaction that fails is not kept, nor remembered
        bad = make_article("Turkish envoys met Syrian officials.")
        bad.events = bad.events * 2  # two events with the same id break the primary key
        with pytest.raises(StoreError):
            store.write_article(bad, run=dataclasses.replace(mine, coder="x.v2"))
        assert store.count("coding_runs") == 2
        store.write_article(
            make_article("Envoys met in Amman again."), run=dataclasses.replace(mine, coder="x.v2")
        )
        assert store.count("coding_runs") == 3
        assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
