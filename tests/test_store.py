"""The SQLite store: a real file, one transaction per article, idempotent ingest."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.errors import DateError, StoreError
from dateline.model import Article, Event, EventActor, EventDate, Mention, PublishedDate, Span
from dateline.store import EventQuery, Store
from dateline.store.migrations import SCHEMA_VERSION, current_version


def make_article(text: str = "Iraqi insurgents met the US ambassador.", **kw: object) -> Article:
    article = Article(text=text, published=PublishedDate("2006-05-23", "day", "user"))
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
@given(text=st.text(min_size=40, max_size=200), title=st.none() | st.text(max_size=50))
def test_an_article_reads_back_as_written(
    tmp_path_factory: pytest.TempPathFactory, text: str, title: str | None
) -> None:
    path = tmp_path_factory.mktemp("h") / "d.db"
    article = make_article(text, title=title)
    with Store(path) as store:
        store.write_article(article)
        assert store.article(article.id) == article.to_json()
