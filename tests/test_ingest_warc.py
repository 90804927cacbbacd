"""WARC input: one article per HTML or text response; coded errors for the rest."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from dateline import Pipeline
from dateline.errors import InputError
from dateline.ingest import read_file
from dateline.ingest.warc import iter_warc_records, read_warc_articles
from dateline.jobs import ingest
from dateline.settings import Settings
from dateline.store import Store
from warcs import Page, news_page, write_arc, write_lf_warc, write_warc

TALKS = news_page(
    "Talks with rebels to resume in Geneva",
    "GENEVA (Reuters) - The foreign minister said on Monday that talks with the rebels would "
    "resume in Geneva next week, officials said.",
    "Iraq accused Iran of supporting militants in Basra, and the United States condemned the "
    "attack on its embassy in Baghdad.",
    date="2021-03-01",
)
UNDATED = news_page(
    "Ministers meet in Cairo",
    "Egypt hosted talks between Israeli and Palestinian negotiators in Cairo, where the two "
    "sides agreed to meet again after the holiday, a spokesman said.",
    "The United Nations envoy welcomed the agreement and urged both sides to keep the truce.",
)


def pages() -> list[Page]:
    return [
        Page("https://news.example.com/world/talks", TALKS, date="2021-03-04T05:06:07Z"),
        Page("https://news.example.com/world/cairo", UNDATED, date="2021-03-05T00:00:00Z"),
        Page("https://news.example.com/logo.png", b"\x89PNG\r\n\x1a\n\0\0", "image/png"),
        Page("https://news.example.com/old", b"<html>Moved</html>", status="301 Moved Permanently"),
        Page(
            "https://news.example.com/brief.txt", b"A plain text brief. " * 20, "text/plain", None
        ),
    ]


@pytest.mark.parametrize("compressed", [True, False])
def test_a_warc_gives_one_article_per_text_or_html_record(
    settings: Settings, tmp_path: Path, compressed: bool
) -> None:
    path = write_warc(
        tmp_path / ("news.warc.gz" if compressed else "news.warc"), pages(), gzip=compressed
    )
    errors: list[InputError] = []
    articles = read_file(path, settings=settings, errors=errors)
    assert [a.url for a in articles] == [
        "https://news.example.com/world/talks",
        "https://news.example.com/world/cairo",
        "https://news.example.com/brief.txt",
    ]
    talks, cairo, brief = articles
    assert talks.title == "Talks with rebels to resume in Geneva"
    assert "talks with the rebels would resume in Geneva" in talks.text
    # The page's own date wins; a page without one takes the WARC-Date as a hint.
    assert talks.published is not None and talks.published.value == "2021-03-01"
    assert cairo.published is not None
    assert (cairo.published.value, cairo.published.source) == ("2021-03-05", "warc")
    assert brief.text.startswith("A plain text brief.")
    assert all(a.source_path == str(path) for a in articles)
    assert len({a.id for a in articles}) == 3


def test_records_that_are_not_pages_get_coded_errors_naming_the_file(
    settings: Settings, tmp_path: Path
) -> None:
    path = write_warc(tmp_path / "news.warc.gz", pages())
    errors: list[InputError] = []
    read_file(path, settings=settings, errors=errors)
    messages = [str(e) for e in errors]
    assert len(messages) == 2
    assert messages[0].startswith(f"{path}@") and "[E111]" in messages[0]
    assert "https://news.example.com/logo.png holds image/png" in messages[0]
    assert "[E112]" in messages[1] and "HTTP 301" in messages[1]
    with pytest.raises(InputError, match=r"\[E111\]"):
        read_file(path, settings=settings)  # without an error list, the first one raises


def test_a_file_named_warc_that_is_not_one_gets_a_clear_error(
    settings: Settings, tmp_path: Path
) -> None:
    fake = tmp_path / "fake.warc"
    fake.write_bytes(TALKS)
    with pytest.raises(InputError) as info:
        read_file(fake, settings=settings)
    message = str(info.value)
    assert message.startswith(f"{fake}: [E110] not a readable WARC file")
    assert "no article text could be extracted" not in message
    garbage = tmp_path / "garbage.warc.gz"
    garbage.write_bytes(gzip.compress(b"\x00\x01\x02 not a warc at all" * 50))
    with pytest.raises(InputError, match=r"\[E110\]"):
        read_file(garbage, settings=settings)
    empty = tmp_path / "empty.warc"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match=r"\[E020\]"):
        read_file(empty, settings=settings)


def test_a_warc_with_no_response_record_says_so(settings: Settings, tmp_path: Path) -> None:
    path = write_warc(tmp_path / "info-only.warc.gz", [])
    with pytest.raises(InputError, match=r"\[E114\] the WARC file holds no response"):
        read_file(path, settings=settings)


@pytest.mark.parametrize("compressed", [True, False])
def test_a_truncated_warc_keeps_the_records_before_and_says_it_is_cut_short(
    settings: Settings, tmp_path: Path, compressed: bool
) -> None:
    whole = write_warc(tmp_path / "whole.warc", pages()[:2], gzip=compressed).read_bytes()
    cut = tmp_path / ("cut.warc.gz" if compressed else "cut.warc")
    cut.write_bytes(whole[: len(whole) - 200])
    errors: list[InputError] = []
    articles = read_file(cut, settings=settings, errors=errors)
    assert [a.url for a in articles] == ["https://news.example.com/world/talks"]
    assert len(errors) == 1 and errors[0].path == str(cut)
    assert "[E113] the WARC file is cut short or damaged" in errors[0].reason


def test_warcio_reads_what_fastwarc_cannot(settings: Settings, tmp_path: Path) -> None:
    arc = write_arc(tmp_path / "old.arc", "http://example.com/a", TALKS)
    (article,) = read_file(arc, settings=settings)
    assert article.url == "http://example.com/a" and "Geneva" in article.text
    lf = write_lf_warc(tmp_path / "lf.warc", "http://example.com/lf", UNDATED)
    (article,) = read_file(lf, settings=settings)
    assert article.url == "http://example.com/lf" and "Cairo" in article.text
    assert article.published is not None and article.published.source == "warc"


def test_encoded_bodies_are_decoded(settings: Settings, tmp_path: Path) -> None:
    chunks = [TALKS[:100], TALKS[100:]]
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in chunks) + b"0\r\n\r\n"
    path = write_warc(
        tmp_path / "encoded.warc.gz",
        [
            Page(
                "http://example.com/gz",
                gzip.compress(UNDATED),
                headers=[("Content-Encoding", "gzip")],
            ),
            Page("http://example.com/ch", chunked, headers=[("Transfer-Encoding", "chunked")]),
        ],
    )
    first, second = read_file(path, settings=settings)
    assert "Cairo" in first.text and "Geneva" in second.text


def test_a_record_over_the_size_limit_is_skipped_with_its_reason(
    settings: Settings, tmp_path: Path
) -> None:
    big = news_page("Big", "Talks in Geneva resumed on Monday, officials said. " * 400)
    path = write_warc(tmp_path / "big.warc.gz", [Page("http://example.com/big", big), *pages()[:1]])
    errors: list[InputError] = []
    small = settings.replace(max_article_bytes=10_000)
    articles = read_file(path, settings=small, errors=errors)
    assert [a.url for a in articles] == ["https://news.example.com/world/talks"]
    assert len(errors) == 1 and "[E022]" in errors[0].reason


def test_a_warc_not_named_warc_is_read_as_one(settings: Settings, tmp_path: Path) -> None:
    path = write_warc(tmp_path / "crawl.bin", pages()[:1], gzip=False)
    (article,) = read_file(path, settings=settings)
    assert article.url == "https://news.example.com/world/talks"
    gz = write_warc(tmp_path / "crawl.gz", pages()[:1])
    (article,) = read_file(gz, settings=settings)
    assert article.url == "https://news.example.com/world/talks"


def test_the_record_reader_streams_plain_records_for_batch_mode(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "news.warc.gz", pages())
    records = list(iter_warc_records(path, max_bytes=1_000_000))
    assert [r.content_type for r in records] == [
        "text/html",
        "text/html",
        "image/png",
        "text/html",
        "text/plain",
    ]
    assert [r.status for r in records] == [200, 200, 200, 301, None]
    assert records[0].charset == "utf-8" and records[0].payload == TALKS
    assert records[0].date == "2021-03-04T05:06:07Z"


def test_ingest_stores_and_codes_the_pages_of_a_warc(pipeline: Pipeline, tmp_path: Path) -> None:
    path = write_warc(tmp_path / "news.warc.gz", pages())
    with Store(tmp_path / "warc.db") as store:
        report = ingest([path], store, pipeline)
        assert report.stored == 3 and len(report.failures) == 2
        assert report.events > 0
        ids = [row[0] for row in store.conn.execute("SELECT id FROM articles")]
        stored = {a["article"]["url"]: a for a in map(store.article, ids) if a}
    assert sorted(stored) == [
        "https://news.example.com/brief.txt",
        "https://news.example.com/world/cairo",
        "https://news.example.com/world/talks",
    ]
    assert stored["https://news.example.com/world/talks"]["events"]
    assert list(read_warc_articles(path, settings=pipeline.settings, errors=[]))


def test_warcio_takes_over_after_the_records_fastwarc_read_and_keeps_their_errors(
    settings: Settings, tmp_path: Path
) -> None:
    big = news_page("Big", "Talks in Geneva resumed on Monday, officials said. " * 400)
    path = write_warc(tmp_path / "mixed.warc", [Page("http://example.com/big", big)], gzip=False)
    tail = write_lf_warc(tmp_path / "tail.warc", "http://example.com/lf", UNDATED).read_bytes()
    path.write_bytes(path.read_bytes() + tail)
    errors: list[InputError] = []
    articles = read_file(path, settings=settings.replace(max_article_bytes=10_000), errors=errors)
    assert [a.url for a in articles] == ["http://example.com/lf"]
    assert len(errors) == 1 and "[E022]" in errors[0].reason
