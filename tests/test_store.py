"""The SQLite store: a real file, one transaction per article, idempotent ingest."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import as_extracted
from dateline.errors import DateError, StoreError
from dateline.model import (
    Actor,
    Article,
    Dateline,
    Event,
    EventActor,
    EventDate,
    EventPlace,
    Mention,
    Place,
    PublishedDate,
    Quote,
    Span,
    Speaker,
    TimeExpr,
)
from dateline.store import EventQuery, Store
from dateline.store.migrations import SCHEMA_VERSION, current_version

TEXT = "Iraqi insurgents met the US ambassador."


def make_article(text: str = TEXT, url: str | None = None, **kw: object) -> Article:
    article = Article(text=text, url=url, published=PublishedDate("2006-05-23", "day", "user"))
    article.mentions = [Mention(0, 16, text[0:16], "ACTOR")]
    article.events = [
        Event(
            id="e1",
            sentence=Span(0, len(text)),
            trigger=Span(17, 20, "met"),
            source=EventActor("IRQREB", "Iraqi insurgents", 0, 16),
            target=EventActor("USAGOV", "the US ambassador", 21, 38),
            cameo="040",
            root="04",
            quad_class=1,
            goldstein=1.0,
            date=EventDate("2006-01-16", "day", "sentence"),
        )
    ]
    for key, value in kw.items():
        setattr(article, key, value)
    return article


def make_full_article(text: str, **kw: object) -> Article:
    """An article with every kind of annotation, each field set (spans within ``text``)."""
    n = len(text)
    gov = Actor("USAGOV", "UNITED STATES", "USA", ("GOV",), "2005-01-01", None)
    header: dict[str, object] = {
        "outlet": "Asharq Al-Awsat",
        "title": "Talks",
        "dateline": Dateline(text[:5], 0, 5, "IQ", 33.34, 44.4, 98182),
        "offset_map": [i + 3 for i in range(n)],
    }
    article = make_article(text, **(header | kw))
    article.mentions = [
        Mention(0, 5, text[0:5], "GPE", gov),
        Mention(6, 9, text[6:9], "PERSON", gov, via="coreference"),
        Mention(10, 12, "not the text", "NORP", None),
    ]
    article.places = [Place(0, 5, text[0:5], "Amman", "JO", 31.96, 35.95, 250441, "P")]
    article.times = [TimeExpr(6, 9, text[6:9], "2006-01-16", "day", "DATE", "2006-05-23")]
    article.quotes = [
        Quote(
            "q1",
            10,
            n,
            text[10:],
            "direct",
            cue=Span(6, 9, text[6:9]),
            speaker=Speaker(text[0:5], 0, 5, True, "a member of a group", gov),
            parts=((12, 14),),
        ),
        Quote("q2", 0, 3, "joined parts", "mixed"),
    ]
    article.events.append(
        Event(
            id="e2",
            sentence=Span(0, n),
            trigger=Span(6, 9, text[6:9]),
            source=EventActor("USAGOV", "someone else", 0, 5),
            target=None,
            cameo="0871",
            root="08",
            quad_class=2,
            goldstein=9.5,
            plover_type="CONSULT",
            plover_mode="third-party",
            date=EventDate("2006-01-16", "day", "clause", 6, 9, text[6:9]),
            place=EventPlace("Amman", "dateline", "JO", 31.96, 35.95, 250441, 0, 5),
            reported_by="q1",
            negated=True,
            hypothetical=True,
            confidence=0.5,
            pattern="- * TALKS  [046]",
        )
    )
    return article


def test_store_is_versioned_and_in_wal_mode(tmp_path: Path) -> None:
    with Store(tmp_path / "d.db") as store:
        assert current_version(store.conn) == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_writing_the_same_article_twice_stores_it_once(tmp_path: Path) -> None:
    with Store(tmp_path / "d.db") as store:
        assert store.write_article(make_article()) is True
        assert store.write_article(make_article()) is False
        assert store.count("articles") == 1
        assert store.count("events") == 1
    # reopening migrates nothing and keeps the data
    with Store(tmp_path / "d.db") as store:
        assert store.count("events") == 1


def test_failed_write_leaves_stored_articles_untouched(tmp_path: Path) -> None:
    with Store(tmp_path / "d.db") as store:
        store.write_article(make_article())
        bad = make_article("Another article entirely.")
        bad.events = bad.events * 2  # two events with the same id break the primary key
        with pytest.raises(StoreError):
            store.write_article(bad)
        assert store.count("articles") == 1
        assert store.count("events") == 1
        assert not store.has_article(bad.id)


def test_events_are_filtered_by_actor_code_and_date(tmp_path: Path) -> None:
    with Store(tmp_path / "d.db") as store:
        store.write_article(make_article())
        assert len(list(store.events(EventQuery(actor="IRQ")))) == 1
        assert len(list(store.events(EventQuery(actor="USAGOV")))) == 1
        assert len(list(store.events(EventQuery(actor="SYR")))) == 0
        assert len(list(store.events(EventQuery(cameo="04")))) == 1
        assert len(list(store.events(EventQuery(cameo="19")))) == 0
        assert len(list(store.events(EventQuery(since="2006-01-01", until="2006-01")))) == 1
        assert len(list(store.events(EventQuery(since="2006-02-01")))) == 0


def test_date_filters_compare_days_and_leave_out_dates_off_the_calendar(tmp_path: Path) -> None:
    article = make_article()
    values = {
        "day": "2006-05-21",
        "month": "2006-05",
        "year": "2006",
        "week": "2006-W20",  # 15-21 May 2006
        "weekday": "XXXX-WXX-7",  # a Sunday of an unknown week
        "now": "PRESENT_REF",
    }
    article.events = [
        dataclasses.replace(article.events[0], id=name, date=EventDate(value, "day", "sentence"))
        for name, value in values.items()
    ]
    with Store(tmp_path / "d.db") as store:
        store.write_article(article)

        def ids(since: str | None = None, until: str | None = None) -> set[str]:
            query = EventQuery(since=since, until=until)
            return {event["id"] for event in store.events(query)}

        assert ids() == set(values)
        assert ids(since="2030-01-01") == set()
        assert ids(until="2030") == {"day", "month", "year", "week"}
        assert ids(since="2006", until="2006") == {"day", "month", "year", "week"}
        assert ids(since="2006-05", until="2006-05-31") == {"day", "month", "week"}
        assert ids(since="2006-05-16") == {"day"}
        assert ids(until="2006-05-20") == set()
        with pytest.raises(DateError, match=r"\[E028\].*'yesterday'"):
            ids(since="yesterday")


def test_an_event_without_a_date_is_filtered_by_its_publication_date(tmp_path: Path) -> None:
    article = make_article()
    article.events[0].date = None
    with Store(tmp_path / "d.db") as store:
        store.write_article(article)
        assert len(list(store.events(EventQuery(since="2006-05-23", until="2006-05")))) == 1
        assert len(list(store.events(EventQuery(since="2006-05-24")))) == 0


def test_a_store_that_must_exist_is_not_created(tmp_path: Path) -> None:
    typo = tmp_path / "typo.db"
    with pytest.raises(StoreError, match=r"\[E050\] .*typo\.db"):
        Store.existing(typo)
    assert not typo.exists()
    Store(tmp_path / "d.db").close()
    with Store.existing(tmp_path / "d.db") as store:
        assert store.count("events") == 0


def test_a_file_that_is_not_sqlite_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "not.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match=r"not\.db"):
        Store(path)


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "d.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_version VALUES (?)", (SCHEMA_VERSION + 1,))
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="E040"):
        Store(path)


@settings(max_examples=25, deadline=None)
@given(
    text=st.text(st.characters(exclude_categories=("Cs",)), min_size=40, max_size=200),
    title=st.none() | st.text(max_size=50),
    url=st.none() | st.text(min_size=1, max_size=30),
)
def test_an_article_reads_back_as_written(
    tmp_path_factory: pytest.TempPathFactory, text: str, title: str | None, url: str | None
) -> None:
    path = tmp_path_factory.mktemp("h") / "d.db"
    article = make_full_article(text, title=title, url=url)
    with Store(path) as store:
        store.write_article(article)
        assert store.article(article.id) == article.to_json()
        assert [e["id"] for e in store.events()] == ["e1", "e2"]
        assert as_extracted(list(store.events())[1]) == article.to_json()["events"][1]


def test_a_changed_text_at_a_known_url_is_a_new_version_linked_to_the_old(
    tmp_path: Path,
) -> None:
    url = "https://example.org/talks"
    first = make_article(url=url)
    changed = make_article(TEXT.replace("met", "met again"), url=url)
    with Store(tmp_path / "d.db") as store:
        assert store.write_article(first) is True
        assert store.write_article(changed) is True  # was "already stored", and lost
        assert store.count("articles") == 2
        assert store.article(first.id) == first.to_json()
        assert store.article(changed.id) == changed.to_json()
        assert store.sources(changed.id) == [
            {"kind": "url", "locator": url, "previous": first.id, "newest": 1}
        ]
        assert store.sources(first.id) == [
            {"kind": "url", "locator": url, "previous": None, "newest": 0}
        ]
        # the old text found there again adds nothing
        assert store.write_article(make_article(url=url)) is False
        assert store.count("articles") == 2 and store.count("article_sources") == 2


def test_a_changed_text_under_a_known_record_id_is_a_new_version(tmp_path: Path) -> None:
    first = make_article(id="record-7")
    changed = make_article(TEXT + " They talked.", id="record-7")
    with Store(tmp_path / "d.db") as store:
        assert store.write_article(first) is True
        assert store.write_article(changed) is True
        assert store.count("articles") == 2
        for article in (first, changed):
            stored = store.article(Article(article.text).id)
            assert stored is not None and stored["article"]["text"] == article.text
        [source] = store.sources(Article(changed.text).id)
        assert source["locator"] == "record-7" and source["previous"] == Article(first.text).id


def test_the_same_text_at_two_urls_is_one_article_with_both_urls(tmp_path: Path) -> None:
    one = make_article(url="https://a.example/1")
    two = make_article(url="https://b.example/2")
    with Store(tmp_path / "d.db") as store:
        assert store.write_article(one) is True
        assert store.write_article(two) is False  # was stored a second time
        assert store.count("articles") == 1
        assert store.count("events") == 1
        assert [s["locator"] for s in store.sources(one.id)] == [one.url, two.url]
        # the article reads back with the first URL it was found at
        assert store.article(one.id) == one.to_json()


def test_the_same_text_differently_spaced_or_composed_is_the_same_article() -> None:
    composed = "Caf\u00e9 talks were held in Amman on Monday."
    decomposed = "Cafe\u0301 talks  were held\nin Amman on Monday.  "
    assert Article(composed).id == Article(decomposed).id
    assert Article(composed).id != Article(composed.replace("Monday", "Tuesday")).id
    assert Article(composed, url="https://a.example").id == Article(composed).id


def test_the_store_keeps_the_text_once_and_each_actor_once(tmp_path: Path) -> None:
    # Version 1 kept the whole output object as JSON beside the columns: the text twice,
    # and every mention's actor name once per mention.
    text = "Zalmay Khalilzad met the envoys in Amman, a quarter of an hour before noon. " * 5
    article = make_article(text)
    actor = Actor("USAGOV", "ZALMAY_KHALILZAD_UNIQUE_NAME", "USA")
    article.mentions = [Mention(i, i + 16, text[i : i + 16], "PERSON", actor) for i in (0, 77)]
    path = tmp_path / "d.db"
    with Store(path) as store:
        store.write_article(article)
    data = path.read_bytes()
    assert data.count(text.encode()) == 1
    assert data.count(b"ZALMAY_KHALILZAD_UNIQUE_NAME") == 1


def test_a_text_already_stored_is_linked_without_writing_it_again(tmp_path: Path) -> None:
    with Store(tmp_path / "d.db") as store:
        assert store.link_if_stored(make_article(url="https://a.example")) is False
        store.write_article(make_article(url="https://a.example"))
        assert store.link_if_stored(make_article(url="https://b.example")) is True
        assert store.link_if_stored(make_article()) is True
        assert [s["locator"] for s in store.sources(make_article().id)] == [
            "https://a.example",
            "https://b.example",
        ]
