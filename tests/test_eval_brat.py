"""The BRAT reader takes all of BRAT standoff and mends what it can of a gold file."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.errors import EvalError
from dateline.eval.align import nearest_occurrence, realign, realign_spans
from dateline.eval.brat import read_brat_document
from dateline.eval.quotes import read_attributions

TEXT = "The clip has faced ridicule online, the mayor said. Critics called it a stunt.\n"


def write(tmp_path: Path, ann: str, text: str = TEXT) -> Path:
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    path = tmp_path / "a.ann"
    path.write_text(ann, encoding="utf-8")
    return path


def test_reader_takes_hyphenated_types_and_numbered_roles(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "T1\tContent 0 8\tThe clip\nT2\tCue 9 27\thas faced ridicule\n"
        "T3\tAttribution-no-source 9 27\thas faced ridicule\n"
        "E1\tAttribution-no-source:T3 Content:T1 Cue:T2\n"
        "T4\tContent 52 59\tCritics\nT5\tContent 67 77\tit a stunt\n"
        "T6\tCue 60 66\tcalled\nT7\tAttribution 60 66\tcalled\n"
        "E2\tAttribution:T7 Cue:T6 Content:T4 Content2:T5\n",
    )
    gold = read_attributions(path)
    first, second = gold.attributions
    assert first.type == "Attribution-no-source" and first.source is None
    assert second.content == [(52, 59), (67, 77)]
    assert gold.skipped == []


def test_reader_keeps_notes_attributes_relations_and_normalisations(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "T1\tContent 0 8\tThe clip\nT2\tCue 46 50\tsaid\nT3\tSource 36 45\tthe mayor\n"
        "T4\tAttribution 46 50\tsaid\nE1\tAttribution:T4 Content:T1 Cue:T2 Source:T3\n"
        "A1\tFactuality E1 Uncertain\nA2\tNegated E1\nM3\tOld T1\n"
        "#1\tAnnotatorNotes E1\tcheck the cue\nR1\tCoref Arg1:T3 Arg2:T1\n"
        "*\tEquiv T1 T3\nN1\tReference T3 Wikidata:Q30185\tthe mayor\n",
    )
    document = read_brat_document(path)
    assert document.attributes["E1"] == {"Factuality": "Uncertain", "Negated": "true"}
    assert document.relations["R1"] == ("Coref", [("Arg1", "T3"), ("Arg2", "T1")])
    assert document.equivalences == [["T1", "T3"]]
    assert document.normalisations["T3"] == ["Wikidata:Q30185"]
    (att,) = read_attributions(path).attributions
    assert att.notes == ["check the cue"] and att.attributes["Factuality"] == "Uncertain"


def test_attribution_missing_a_part_is_skipped_and_counted(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "T1\tContent 0 8\tThe clip\nT2\tCue 46 50\tsaid\nT3\tAttribution 46 50\tsaid\n"
        "E1\tAttribution:T3 Content:T1 Cue:T2\nE2\tAttribution-no-source:T3 \n"
        "E3\tAttribution:T3 Content:T9 Cue:T2\n",
    )
    gold = read_attributions(path)
    assert [a.id for a in gold.attributions] == ["E1"]
    assert [e for e, _ in gold.skipped] == ["E2", "E3"]
    assert "no Content and no Cue" in gold.skipped[0][1]
    assert "[E081]" in gold.skipped[1][1]


def test_span_off_its_text_is_moved_to_the_nearest_occurrence(tmp_path: Path) -> None:
    # Offsets written against a copy with a two-character header: every span is 2 late.
    path = write(
        tmp_path,
        "T1\tContent 2 10\tThe clip\nT2\tCue 48 52\tsaid\nT3\tAttribution 48 52\tsaid\n"
        "T4\tSource 38 47\tthe mayor\nT5\tContent 54 61;69 79\tCritics it a stunt\n"
        "E1\tAttribution:T3 Content:T1 Cue:T2 Source:T4\n"
        "T6\tCue 62 68\tcalled\nE2\tAttribution:T3 Content:T5 Cue:T6\n"
        "T7\tDiscuss 0 4\tnowhere in the text\n",
    )
    gold = read_attributions(path)
    assert gold.realigned == 6 and gold.misaligned == 1
    first, second = gold.attributions
    assert first.content == [(0, 8)] and first.cue == [(46, 50)] and first.source == [(36, 45)]
    assert second.content == [(52, 59), (67, 77)]


def test_a_line_that_is_no_brat_stops_the_reader(tmp_path: Path) -> None:
    path = write(tmp_path, "T1\tContent 0 8\tThe clip\nnot brat at all\n")
    with pytest.raises(EvalError, match=r"\[E080\].*line 2"):
        read_brat_document(path)


def test_realign_prefers_the_occurrence_nearest_the_offsets() -> None:
    text = "said it. He said it. She said it."
    assert realign(text, 24, 28, "said") == (25, 29, "moved")
    assert realign(text, 3, 7, "said") == (0, 4, "moved")
    assert realign(text, 0, 4, "said") == (0, 4, "ok")
    assert realign(text, 0, 4, "told") == (0, 4, "lost")


@given(
    st.text(alphabet="ab ", min_size=1, max_size=40),
    st.integers(0, 40),
    st.integers(0, 6),
)
def test_a_realigned_span_always_covers_its_text(text: str, start: int, shift: int) -> None:
    start = min(start, len(text) - 1)
    end = min(len(text), start + 3)
    needle = text[start:end]
    moved = realign(text, max(0, start - shift), max(0, start - shift) + len(needle), needle)
    assert text[moved[0] : moved[1]] == needle
    assert nearest_occurrence(text, needle, start) is not None
    pieces, status = realign_spans(text, [(start, end)], needle)
    assert status == "ok" and pieces == [(start, end)]
