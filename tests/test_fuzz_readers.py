"""Fuzz targets (Hypothesis), one per reader: text, HTML, JSON Lines, gzip, WARC, the
dictionary formats and the date normalisers.

The property is the same for all: whatever the bytes, the reader returns or raises a
``DatelineError`` subclass (a coded error), never anything else, and each input ends within
the deadline. The example counts keep each target to a few seconds; a longer hunt:
``DATELINE_FUZZ_EXAMPLES=2000 pytest tests/test_fuzz_readers.py``.
"""

from __future__ import annotations

import gzip
import json
import os
import zlib
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from dateline.actors.dictionaries import (
    read_actor_dictionary,
    read_agent_dictionary,
    read_discard_file,
    read_issue_file,
)
from dateline.errors import DatelineError, InputError
from dateline.events.verbs import read_verb_text
from dateline.ingest import parse_user_date, read_file, read_input
from dateline.ingest.language import detect_language
from dateline.ingest.metadata import is_date_line, parse_date_line
from dateline.settings import Settings
from dateline.timex.grammar import parse_with_dateparser
from warcs import Page, news_page, write_warc

# Every input must finish within this (generous on a loaded two-core machine).
DEADLINE = timedelta(seconds=10)
FUZZ = hypothesis_settings(
    max_examples=int(os.environ.get("DATELINE_FUZZ_EXAMPLES", "40")),
    deadline=DEADLINE,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory, settings: Settings) -> Path:
    # Load the lazily loaded parts once, so that no example pays for them under the deadline.
    detect_language("El ministro anunció el lunes que las conversaciones se reanudarán. " * 5)
    read_input("<html><body><p>Warm up the HTML extractor.</p></body></html>", settings=settings)
    return tmp_path_factory.mktemp("fuzz")


def coded_or_read(call: object) -> None:
    """Run ``call``; a DatelineError is a coded refusal, anything else fails the test."""
    try:
        call()  # type: ignore[operator]
    except DatelineError as e:
        assert str(e)


_TEXT_PIECES = st.sampled_from(
    [
        "The minister said talks would resume. ",
        "BAGHDAD (Reuters) - ",
        "Published: 23 May 2006\n",
        "Home | News | World\n",
        "\n\n",
        "\u200d",
        "\u202e",
        "\ufeff",
        "\x00",
        "\ufffd",
        "e\u0301",
        "قال الوزير ",
        "<p>",
        "&amp;",
    ]
)
TEXTS = st.one_of(st.text(), st.lists(st.one_of(_TEXT_PIECES, st.text(max_size=8))).map("".join))


@FUZZ
@given(TEXTS)
def test_fuzz_text_reader(fuzz_dir: Path, settings: Settings, text: str) -> None:
    coded_or_read(lambda: read_input(text, settings=settings))


@FUZZ
@given(st.binary(max_size=4096))
def test_fuzz_bytes_reader(fuzz_dir: Path, settings: Settings, data: bytes) -> None:
    coded_or_read(lambda: read_input(data, settings=settings))


_HTML_PIECES = st.sampled_from(
    [
        "<html>",
        "<head>",
        "<title>",
        "</title>",
        "<body>",
        "<div>",
        "</div>",
        "<p>",
        "</p>",
        "<article>",
        "<script>",
        "</script>",
        "<style>",
        "<!--",
        "-->",
        "<![CDATA[",
        "<br/>",
        "<meta charset='utf-16'>",
        '<meta property="article:published_time" content="2019-02-30">',
        "<a href='http://x/2020/13/45/'>",
        "&#x200d;",
        "&#0;",
        "&bogus;",
        "<svg><text>",
        "<table><tr><td>",
        "</",
        "<",
        ">",
        "'",
        '"',
        "The minister said on Monday that talks with the rebels would resume. ",
    ]
)
HTML = st.lists(st.one_of(_HTML_PIECES, st.text(max_size=10)), max_size=80).map(
    lambda parts: "<!DOCTYPE html><html><body>" + "".join(parts)
)


@FUZZ
@given(HTML, st.integers(1, 300))
def test_fuzz_html_reader(fuzz_dir: Path, settings: Settings, html: str, depth: int) -> None:
    coded_or_read(lambda: read_input(html, settings=settings.replace(max_html_depth=depth)))


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=8,
)
_FIELDS = st.sampled_from(
    ["text", "html", "body", "content", "raw_html", "url", "date", "published", "title", "id"]
)
_RECORDS = st.dictionaries(_FIELDS, st.one_of(_JSON_VALUES, TEXTS, HTML), max_size=5)
_LINES = st.lists(
    st.one_of(_RECORDS.map(lambda r: json.dumps(r).encode()), st.binary(max_size=40)),
    max_size=8,
)


@FUZZ
@given(_LINES, st.booleans())
def test_fuzz_jsonl_reader(
    fuzz_dir: Path, settings: Settings, lines: list[bytes], compressed: bool
) -> None:
    data = b"\n".join(lines)
    path = fuzz_dir / ("records.jsonl.gz" if compressed else "records.jsonl")
    path.write_bytes(gzip.compress(data) if compressed else data)
    errors: list[InputError] = []
    coded_or_read(lambda: read_file(path, settings=settings, errors=errors))
    coded_or_read(lambda: read_file(path, settings=settings))


@FUZZ
@given(st.binary(max_size=2000), st.integers(0, 4000), st.integers(0, 255), st.booleans())
def test_fuzz_gzip_reader(
    fuzz_dir: Path, settings: Settings, content: bytes, cut: int, flip: int, as_file: bool
) -> None:
    packed = bytearray(gzip.compress(content))
    if cut < len(packed):
        packed[cut] ^= flip  # a damaged byte
    data = bytes(packed[: max(2, cut)]) if cut % 3 == 0 else bytes(packed)
    if as_file:
        path = fuzz_dir / "page.txt.gz"
        path.write_bytes(data)
        coded_or_read(lambda: read_file(path, settings=settings))
    else:
        coded_or_read(lambda: read_input(data, settings=settings))


@pytest.fixture(scope="module")
def warc_bytes(fuzz_dir: Path) -> dict[bool, bytes]:
    page = news_page("Talks", "The minister said on Monday that talks would resume. " * 3)
    pages = [
        Page("http://example.com/a", page, date="2021-03-04T05:06:07Z"),
        Page("http://example.com/b.png", b"\x89PNG\r\n\x1a\n", "image/png"),
        Page(
            "http://example.com/c", zlib.compress(page), headers=[("Content-Encoding", "deflate")]
        ),
        Page("http://example.com/d.txt", b"Plain text. " * 30, "text/plain", None),
    ]
    return {
        compressed: write_warc(
            fuzz_dir / f"base{compressed}.warc", pages, gzip=compressed
        ).read_bytes()
        for compressed in (True, False)
    }


@FUZZ
@given(
    st.booleans(),
    st.lists(
        st.tuples(
            st.sampled_from(["cut", "flip", "insert"]), st.integers(0, 5000), st.binary(max_size=8)
        ),
        min_size=1,
        max_size=4,
    ),
)
def test_fuzz_warc_reader(
    fuzz_dir: Path,
    settings: Settings,
    warc_bytes: dict[bool, bytes],
    compressed: bool,
    edits: list[tuple[str, int, bytes]],
) -> None:
    data = bytearray(warc_bytes[compressed])
    for kind, at, noise in edits:
        at %= len(data) + 1
        if kind == "cut":
            del data[at:]
        elif kind == "flip" and at < len(data):
            data[at] ^= (noise[:1] or b"\xff")[0] or 0xFF
        else:
            data[at:at] = noise
    path = fuzz_dir / "fuzzed.warc.gz"
    path.write_bytes(bytes(data))
    errors: list[InputError] = []
    coded_or_read(lambda: read_file(path, settings=settings, errors=errors))
    assert all(isinstance(e, InputError) and e.reason.startswith("[E") for e in errors)


_DICT_PIECES = st.sampled_from(
    [
        "_",
        " ",
        "\t",
        "\n",
        "+",
        "[",
        "]",
        "<",
        ">",
        "-",
        "~",
        "!",
        "=",
        ",",
        "{",
        "}",
        "#",
        "<!--",
        "-->",
        "USA",
        "GOV",
        "UNITED_STATES_",
        "950601",
        "20001231",
        "!PERSON!",
        '<ISSUE CATEGORY="',
        "</ISSUE>",
        "+US_\n",
        " [USAGOV 19950601 - 19990815]\n",
        "POLICE {} [~COP]\n",
    ]
)
DICTIONARY_TEXT = st.lists(st.one_of(_DICT_PIECES, st.text(max_size=4)), max_size=60).map("".join)
_DICTIONARY_READERS = {
    "actors": read_actor_dictionary,
    "agents": read_agent_dictionary,
    "discards": read_discard_file,
    "issues": read_issue_file,
}


@FUZZ
@given(DICTIONARY_TEXT, st.sampled_from(sorted(_DICTIONARY_READERS)), st.booleans())
def test_fuzz_dictionary_readers(fuzz_dir: Path, text: str, kind: str, lenient: bool) -> None:
    path = fuzz_dir / f"fuzz.{kind}.txt"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    coded_or_read(lambda: _DICTIONARY_READERS[kind](path, lenient=lenient))


_VERB_PIECES = st.sampled_from(
    [
        "---  ",
        "  [---]  ---\n",
        "- ",
        "* ",
        "[010]",
        "[0874]",
        "[-]",
        "#",
        "%",
        "+",
        "$",
        "^",
        "&FOOD",
        "{",
        "}",
        "(",
        ")",
        "<",
        ">",
        "~",
        "=",
        "|",
        "@",
        "\n",
        " ",
        "SAY",
        "MEET",
        "+WITH",
        "<!--",
        "-->",
        "TRANSFORMATIONS:",
        "a (b c) = d",
        "&PREPOSIT1_\n+AGAINST\n",
    ]
)
VERB_TEXT = st.lists(st.one_of(_VERB_PIECES, st.text(max_size=4)), max_size=60).map("".join)


@FUZZ
@given(VERB_TEXT, st.booleans())
def test_fuzz_verb_dictionary_reader(text: str, lenient: bool) -> None:
    coded_or_read(lambda: read_verb_text(text, lenient=lenient))


_DATE_PIECES = st.sampled_from(
    ["2006", "-", "05", "23", "T", " ", "/", ".", "May", "Sept.", "31", "02", "30", "0000", "9999",
     "+", "Published:", "Monday", ",", "1st", "th", "Z", ":", "12", "2006-13-45", "yesterday"]
)  # fmt: skip
DATE_TEXT = st.one_of(st.text(max_size=40), st.lists(_DATE_PIECES, max_size=10).map("".join))


@FUZZ
@given(DATE_TEXT, st.dates() | st.none())
def test_fuzz_date_normalisers(text: str, anchor: date | None) -> None:
    coded_or_read(lambda: parse_user_date(text))
    assert isinstance(is_date_line(text), bool)
    found = parse_date_line(text)
    assert found is None or found.as_date() is not None
    value = parse_with_dateparser(text, anchor)
    assert value is None or value[1] in {"day", "month", "year"}


def test_a_jsonl_record_whose_url_is_not_a_string_gets_a_coded_error(
    fuzz_dir: Path, settings: Settings
) -> None:
    # Found by test_fuzz_jsonl_reader: {"url": true} crashed the article id with AttributeError.
    path = fuzz_dir / "bad-url.jsonl"
    path.write_text('{"text": "Talks resumed.", "url": true}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"\[E027\] bad JSON Lines record: 'url' is not"):
        read_file(path, settings=settings)
