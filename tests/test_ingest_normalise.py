"""Text normalisation before parsing: NFC, invisible format characters out, offsets kept."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from conftest import EXAMPLES, SEED_DATE
from dateline import Pipeline
from dateline.ingest import read_input
from dateline.ingest.normalise import C1_AS_CP1252, INVISIBLE_CHARS, normalise_text
from dateline.settings import Settings

SEED_FILE = EXAMPLES / "000_0606c9bc127a92b0.txt"
ZWJ, ZWNJ, ZWSP, WJ = "\u200d", "\u200c", "\u200b", "\u2060"
RLM, LRM, BOM, SHY = "\u200f", "\u200e", "\ufeff", "\xad"
RLE, PDF, RLI, PDI = "\u202b", "\u202c", "\u2067", "\u2069"


def sprinkle(text: str) -> str:
    """Invisible marks inside words and around them, as copied from web pages and chat apps."""
    marks = [ZWJ, RLM, ZWNJ, SHY, ZWSP, LRM, RLE + PDF, RLI + PDI]
    out: list[str] = [BOM]
    for i, char in enumerate(text):
        out.append(char)
        if i % 5 == 2:
            out.append(marks[i % len(marks)])
    return "".join(out)


def visible(text: str) -> str:
    return INVISIBLE_CHARS.sub("", text.translate(C1_AS_CP1252))


def test_invisible_marks_in_the_seed_give_the_same_events_as_the_clean_text(
    pipeline: Pipeline,
) -> None:
    clean = SEED_FILE.read_text(encoding="utf-8")
    dirty = sprinkle(clean)
    expected = pipeline.extract(clean, date=SEED_DATE)
    article = pipeline.extract(dirty, date=SEED_DATE)
    assert article.text == expected.text
    assert len(expected.events) >= 4
    assert [(e.cameo, e.trigger.text) for e in article.events] == [
        (e.cameo, e.trigger.text) for e in expected.events
    ]


def test_an_events_spans_map_back_to_their_characters_in_the_original_input(
    pipeline: Pipeline,
) -> None:
    dirty = sprinkle(SEED_FILE.read_text(encoding="utf-8"))
    article = pipeline.extract(dirty, date=SEED_DATE)
    assert article.events and article.offset_map is not None
    for event in article.events:
        for span in (event.trigger, event.source, event.target):
            if span is None:
                continue
            start = article.input_offset(span.start)
            last = article.input_offset(span.end - 1)
            assert start is not None and last is not None
            assert visible(dirty[start : last + 1]) == span.text
    runs = article.input_segments()
    assert runs is not None and len(runs) > 1  # the map is kept in the article's JSON


def test_decomposed_accents_are_composed_and_map_to_the_letter_they_came_from(
    settings: Settings,
) -> None:
    raw = (
        "The Pre\u0301sident of Cote d\u2019Ivoire met the Se\u0301ne\u0301gal envoy "
        "in Gene\u0300ve."
    )
    article = read_input(raw, settings=settings)
    assert article.text == unicodedata.normalize("NFC", raw)
    assert "Président" in article.text and "Sénégal" in article.text
    i = article.text.index("é")
    start = article.input_offset(i)
    assert start is not None
    assert raw[start : start + 2] == "e\u0301"
    after = article.input_offset(i + 1)
    assert after is not None and raw[after] == "s"


def test_invisible_marks_are_removed_from_html_text_and_title(settings: Settings) -> None:
    body = f"The Is{ZWJ}raeli army with{RLM}drew from the town on Monday, officials said. " * 4
    html = (
        f"<html><head><title>With{ZWSP}drawal</title></head><body><article>"
        f"<p>{body}</p><p>Talks&zwj; resume&#x200F; next week in Cairo, the envoy said.</p>"
        "</article></body></html>"
    )
    article = read_input(html, settings=settings)
    assert INVISIBLE_CHARS.search(article.text) is None
    assert "Israeli army withdrew" in article.text
    assert "Talks resume next week" in article.text
    assert article.title == "Withdrawal"


def test_text_that_needs_no_normalising_keeps_no_extra_map() -> None:
    assert normalise_text("Plain ASCII news text.").offset_map is None
    assert normalise_text("Déjà vu in Zürich — “quoted”.").offset_map is None


def test_drawn_format_characters_are_kept() -> None:
    # The Arabic number sign is category Cf but is drawn: it is text, not an invisible mark.
    assert normalise_text("\u0600\u0661\u0662 km").text == "\u0600\u0661\u0662 km"


_MARKS = st.sampled_from([ZWJ, ZWNJ, ZWSP, RLM, LRM, BOM, SHY, RLE, PDF, RLI, PDI, WJ])
_LETTERS = st.sampled_from([*"abcde XYZ.,\n", "é", "ü", "Ω", "\u2126", "\u212b"])
_COMBINING = st.sampled_from(["\u0301", "\u0300", "\u0308", "\u0323", "\u0327", "\u093c"])


@hypothesis_settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_LETTERS, _MARKS, _COMBINING, st.characters()), max_size=60))
def test_normalising_gives_nfc_without_invisible_marks_and_a_map_into_the_input(
    chars: list[str],
) -> None:
    raw = "".join(chars)
    result = normalise_text(raw)
    assert result.text == unicodedata.normalize("NFC", visible(raw))
    offsets = result.offset_map if result.offset_map is not None else list(range(len(raw)))
    assert len(offsets) == len(result.text)
    assert all(0 <= j < len(raw) for j in offsets)
    assert offsets == sorted(offsets)


@hypothesis_settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(list("Talks in Cairo.\n")), _MARKS), max_size=80))
def test_every_character_kept_maps_to_itself_in_the_input(chars: list[str]) -> None:
    raw = "".join(chars)
    result = normalise_text(raw)
    offsets = result.offset_map if result.offset_map is not None else list(range(len(raw)))
    assert [raw[j] for j in offsets] == list(result.text)


def test_c1_controls_are_read_as_the_windows_1252_punctuation_they_stood_for() -> None:
    # Windows-1252 read as Latin-1: U+0097 was an em dash, U+0093/U+0094 quotation marks.
    raw = "The men \x97 49-year-old \x93Bo\x94 Cockerell \x97 were captured."
    result = normalise_text(raw)
    assert result.text == (
        "The men \u2014 49-year-old \u201cBo\u201d Cockerell \u2014 were captured."
    )
    assert result.offset_map == list(range(len(raw)))
    assert normalise_text("kept \x81 as it is").text == "kept \x81 as it is"
