"""Bad input: each gets one clear line naming the file and the reason, or is decoded."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from dateline.errors import InputError
from dateline.ingest import read_file, read_input
from dateline.ingest.decode import decode_bytes
from dateline.settings import Settings


def refusal(path: Path, settings: Settings) -> str:
    with pytest.raises(InputError) as info:
        read_file(path, settings=settings)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(str(path) + ": [E0")
    assert info.value.path == str(path)
    return message


def test_an_empty_file_is_refused_as_empty(settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert "[E020] the file is empty" in refusal(path, settings)
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b" \n\r\n\t\n")
    assert "[E020]" in refusal(blank, settings)


def test_a_binary_file_is_refused_as_binary(settings: Settings, tmp_path: Path) -> None:
    png = tmp_path / "picture.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(4096))
    assert "[E021] the file looks binary" in refusal(png, settings)
    noise = tmp_path / "noise.txt"  # no known header, but NUL bytes and control characters
    noise.write_bytes(bytes(range(256)) * 16)
    assert "[E021]" in refusal(noise, settings)


def test_cp1252_text_is_decoded_with_its_curly_quotes_and_accents(
    settings: Settings, tmp_path: Path
) -> None:
    text = (
        "PARIS (AFP) – The minister said “we will not negotiate” with the rebels, "
        "after talks in Genève and Zürich failed on Monday — officials said.\n"
    )
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode("cp1252"))
    (article,) = read_file(path, settings=settings)
    assert article.text == text.strip()
    assert article.dateline is not None and article.dateline.name == "Paris"


def test_latin1_text_is_decoded_with_its_accented_letters(
    settings: Settings, tmp_path: Path
) -> None:
    text = (
        "Le président a déclaré à Genève que les négociations reprendront "
        "après la trêve, a annoncé son porte-parole à la presse étrangère.\n"
    )
    path = tmp_path / "latin1.txt"
    path.write_bytes(text.encode("latin-1"))
    (article,) = read_file(path, settings=settings)
    assert article.text == text.strip()


def test_html_in_a_declared_legacy_charset_is_decoded(settings: Settings, tmp_path: Path) -> None:
    body = "“Our forces will withdraw from the town,” the général said in Sanaa on Monday. " * 3
    html = (
        '<html><head><meta charset="windows-1252"><title>Withdrawal</title></head>'
        f"<body><article><p>{body}</p><p>{body}</p></article></body></html>"
    )
    path = tmp_path / "legacy.html"
    path.write_bytes(html.encode("cp1252"))
    (article,) = read_file(path, settings=settings)
    assert "“Our forces will withdraw from the town,” the général said" in article.text


def test_broken_html_still_gives_its_text(settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text(
        "<html><head><title>Clashes in the north</title><body><div><p>"
        "MOSUL, Iraq (AP) — Gunmen attacked a checkpoint on Sunday, killing three soldiers, "
        "police said.<p>The attack came a day after a bombing in the city's market "
        "<b>wounded a dozen people<div><span>and damaged shops",
        encoding="utf-8",
    )
    (article,) = read_file(path, settings=settings)
    assert "Gunmen attacked a checkpoint on Sunday" in article.text
    assert "wounded a dozen people" in article.text
    assert article.dateline is not None and article.dateline.name == "Mosul"


def test_html_without_any_text_is_refused(settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "shell.html"
    path.write_text("<html><head><script>var x = 1;</script></head><body></body></html>")
    assert "[E024] no article text could be extracted" in refusal(path, settings)


def test_a_50_mb_file_is_refused_by_size_before_it_is_read(
    settings: Settings, tmp_path: Path
) -> None:
    assert Settings().max_article_bytes == 10_000_000
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:  # sparse: 50 MB on the file system's word, nothing on disk
        f.truncate(50_000_000)
    message = refusal(path, settings)
    assert "[E022] the file is 50,000,000 bytes, over max_article_bytes=10,000,000" in message


def test_the_size_limit_is_a_setting(tmp_path: Path) -> None:
    path = tmp_path / "small.txt"
    path.write_text("WASHINGTON — The Senate voted on Tuesday to end the shutdown, aides said.")
    tight = Settings(max_article_bytes=20)
    assert "max_article_bytes=20" in refusal(path, tight)
    with pytest.raises(InputError, match=r"<input>: \[E022\]"):
        read_input(path.read_bytes(), settings=tight)


def test_a_gzip_file_that_inflates_past_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"Talks resumed on Monday. " * 100_000))
    message = refusal(path, Settings(max_article_bytes=100_000))
    assert "[E022]" in message and "decompressed" in message


def test_a_file_named_gz_that_is_not_gzip_is_refused(settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "fake.html.gz"
    path.write_text("<p>not compressed</p>")
    assert "[E025]" in refusal(path, settings)


def test_a_missing_path_is_refused_as_missing(settings: Settings, tmp_path: Path) -> None:
    assert "[E023] no such file or folder" in refusal(tmp_path / "nope.txt", settings)


def test_a_folder_given_as_a_file_is_refused(settings: Settings, tmp_path: Path) -> None:
    assert "[E029]" in refusal(tmp_path, settings)


def test_a_malformed_user_date_is_refused(settings: Settings) -> None:
    with pytest.raises(InputError, match=r"\[E028\]"):
        read_input("Some text of an article.", date="23/05/2006", settings=settings)
    article = read_input("Some text of an article.", date="2006-05", settings=settings)
    assert article.published is not None
    assert (article.published.value, article.published.precision) == ("2006-05", "month")


ASCII_WORDS = [
    "the",
    "minister",
    "said",
    "talks",
    "would",
    "resume",
    "next",
    "week",
    "in",
    "officials",
    "told",
    "reporters",
]
WESTERN_WORDS = [
    "Genève",
    "Zürich",
    "café",
    "naïve",
    "“quoted”",
    "‘single’",
    "–",
    "—",
    "…",
    "€",
    "Besançon",
    "São",
]


@hypothesis_settings(max_examples=80, deadline=None)
@given(
    st.lists(st.sampled_from(ASCII_WORDS), min_size=10, max_size=60),
    st.lists(st.sampled_from(WESTERN_WORDS), min_size=1, max_size=3),
)
def test_western_text_in_cp1252_always_decodes_exactly(
    ascii_words: list[str], extra: list[str]
) -> None:
    text = " ".join(ascii_words[:5] + extra + ascii_words[5:])
    assert decode_bytes(text.encode("cp1252")) == text


def test_cyrillic_in_cp1251_is_not_read_as_cp1252() -> None:
    text = "Президент России заявил, что переговоры будут продолжены в Женеве на следующей неделе."
    assert decode_bytes(text.encode("cp1251")) == text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_decoded_not_refused_as_binary(
    settings: Settings, tmp_path: Path, encoding: str
) -> None:
    for text in (
        "CAIRO (AP) — Egypt hosted talks between the two sides on Monday, officials said.\n",
        "قال وزير الخارجية يوم الاثنين إن المحادثات ستستأنف في جنيف الأسبوع المقبل، 2024.\n",
    ):
        path = tmp_path / "utf16.txt"
        path.write_bytes(text.encode(encoding))
        (article,) = read_file(path, settings=settings)
        assert article.text == text.strip()


def test_a_jsonl_file_of_blank_lines_is_refused_as_empty(
    settings: Settings, tmp_path: Path
) -> None:
    # Found by the hostile corpus: a million blank lines gave no article and no error.
    for name, data in (
        ("blank.jsonl", b"\n\n  \n"),
        ("blank.jsonl.gz", gzip.compress(b"\n" * 10_000)),
    ):
        path = tmp_path / name
        path.write_bytes(data)
        errors: list[InputError] = []
        assert "[E020] the file is empty" in refusal(path, settings)
        with pytest.raises(InputError, match=r"\[E020\]"):
            read_file(path, settings=settings, errors=errors)


def test_a_control_character_in_a_page_is_no_crash() -> None:
    # Found by test_fuzz_readers: lxml refused the tail text htmldate moved ("\x08" before
    # a script element); control characters are dropped before the page is parsed.
    with pytest.raises(InputError, match=r"\[E024\]"):
        read_input("<!DOCTYPE html><html><body>\x08<script></script>")
    article = read_input(
        "<html><body><p>\x08Talks were held in Amman\x0b between the two sides on Monday, "
        "officials said.</p></body></html>"
    )
    assert "Talks were held in Amman" in article.text and "\x08" not in article.text
