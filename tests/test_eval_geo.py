"""``dateline eval geo``: the three gold formats, the scores, and the LGL quality gate."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, SHARED
from dateline import Settings
from dateline.errors import EvalError
from dateline.eval import get_scorer
from dateline.eval.geo import evaluate, read_geo_corpus
from gate import check_floors

GEO = FIXTURES / "geo"
LGL = SHARED / "geo" / "lgl" / "lgl.xml"
KEYS = {"toponyms", "resolved", "acc_161km", "median_error_km", "end_to_end", "failures"}


@pytest.mark.parametrize("name", ["lgl_sample.xml", "trnews_sample.xml", "gwn_sample.xml"])
def test_each_gold_format_is_read_with_the_same_toponyms(name: str) -> None:
    articles = read_geo_corpus(GEO / name)
    assert [len(a.toponyms) for a in articles] == [4, 3]
    for article in articles:
        for toponym in article.toponyms:
            assert article.text[toponym.start : toponym.end] == toponym.text
    # The toponym with no gold point is kept for recognition, without a point.
    atlantis = [t for t in articles[0].toponyms if t.text == "Atlantis"]
    assert atlantis and atlantis[0].lat is None


def test_geowebnews_expressions_are_not_toponyms() -> None:
    articles = read_geo_corpus(GEO / "gwn_sample.xml")
    assert all(t.text != "Ali" for a in articles for t in a.toponyms)
    assert all((t.start, t.end) != (0, 3) for a in articles for t in a.toponyms)


def test_scores_have_the_keys_of_the_contract(settings: Settings) -> None:
    scores = get_scorer("geo")(GEO / "lgl_sample.xml", settings)
    assert set(scores) >= KEYS
    assert scores["toponyms"] == 6  # gold toponyms with a point
    assert scores["resolved"] == 6
    assert scores["acc_161km"] == 1.0
    assert set(scores["end_to_end"]) == {"precision", "recall", "f1"}
    assert scores["failures"] == []


def test_end_to_end_can_be_skipped_or_sampled(settings: Settings) -> None:
    skipped = evaluate(GEO / "trnews_sample.xml", settings, end_to_end=False)
    assert skipped["end_to_end"] is None
    sampled = evaluate(GEO / "trnews_sample.xml", settings, end_to_end_limit=1)
    assert sampled["end_to_end_articles"] == 1


def test_a_wrong_resolution_is_listed_as_a_failure(tmp_path: Path, settings: Settings) -> None:
    text = (GEO / "lgl_sample.xml").read_text(encoding="utf-8")
    (tmp_path / "bad.xml").write_text(text.replace("<lat>31.95522</lat>", "<lat>-31.95</lat>"))
    scores = evaluate(tmp_path / "bad.xml", settings, end_to_end=False)
    assert scores["acc_161km"] < 1.0
    (failure,) = scores["failures"]
    assert failure["toponym"] == "Amman" and failure["error_km"] > 161


def test_a_file_that_is_not_geo_xml_is_refused(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "x.xml").write_text("<root><nothing/></root>")
    with pytest.raises(EvalError, match="E061"):
        evaluate(tmp_path / "x.xml", settings)
    (tmp_path / "y.xml").write_text("not xml at all")
    with pytest.raises(EvalError, match="E061"):
        evaluate(tmp_path / "y.xml", settings)


@pytest.mark.gold
def test_lgl_gold_span_resolution_meets_its_floors(settings: Settings) -> None:
    # Gold-span resolution on all of LGL (about a second); end to end (the spaCy pass) on a
    # sample of 20 articles only, to keep the suite fast.
    scores = evaluate(LGL, settings, end_to_end_limit=20)
    assert scores["toponyms"] > 4000
    assert check_floors("geo", scores) == []


def test_a_gold_span_off_its_phrase_is_realigned_and_counted(
    tmp_path: Path, settings: Settings
) -> None:
    text = (GEO / "lgl_sample.xml").read_text(encoding="utf-8")
    drifted = text.replace("<start>36</start><end>46</end>", "<start>38</start><end>48</end>")
    assert drifted != text
    (tmp_path / "drift.xml").write_text(drifted, encoding="utf-8")
    articles = read_geo_corpus(tmp_path / "drift.xml")
    assert articles[0].realigned == 1
    assert all(a.text[t.start : t.end] == t.text for a in articles for t in a.toponyms)
    scores = evaluate(tmp_path / "drift.xml", settings, end_to_end=False)
    assert scores["realigned"] == 1 and scores["acc_161km"] == 1.0


def test_a_toponym_off_its_phrase_is_realigned_and_one_without_offsets_skipped(
    tmp_path: Path,
) -> None:
    path = tmp_path / "shifted.xml"
    path.write_text(
        "<articles><article docid='1'><text>Floods hit Paris and then Lyon.</text><toponyms>"
        # Written against a copy with two more characters in front: "Paris" is at 11.
        "<toponym><start>13</start><end>18</end><gaztag geonameid='1'><lat>48.85</lat>"
        "<lon>2.35</lon></gaztag><phrase>Paris</phrase></toponym>"
        "<toponym><phrase>Lyon</phrase></toponym>"
        "</toponyms></article></articles>",
        encoding="utf-8",
    )
    (article,) = read_geo_corpus(path)
    (paris,) = article.toponyms
    assert (paris.start, paris.end, paris.text) == (11, 16, "Paris")
    assert (article.realigned, article.skipped) == (1, 1)
