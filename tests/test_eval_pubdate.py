"""``dateline eval pubdate``: day accuracy on htmldate's MediaCloud gold, with a pinned floor."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from conftest import SHARED
from dateline.eval import get_scorer
from dateline.settings import Settings
from gate import check_floors

HTMLDATE = SHARED / "ingest" / "htmldate"

PAGE = """<html><head><title>Talks</title>{meta}</head><body><article>
<p>Negotiators from both sides met in the capital for a second round of talks on the border
dispute, officials said, and agreed to meet again next month to settle the remaining points.</p>
</article></body></html>"""


def test_eval_pubdate_reads_nan_gold_dates_as_missing(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    meta = '<meta property="article:published_time" content="2020-03-02T10:00:00Z">'
    for name, page in (("1.html", PAGE.format(meta=meta)), ("2.html", PAGE.format(meta=""))):
        (tmp_path / "pages" / f"{name}.gz").write_bytes(gzip.compress(page.encode("utf-8")))
    gold = (
        '{"https://example.org/a": {"file": "1.html", "date": "2020-03-02"},\n'
        ' "https://example.org/2020/01/05/b": {"file": "2.html", "date": NaN}}'
    )
    (tmp_path / "eval_mediacloud_2020.json").write_text(gold, encoding="utf-8")
    scores = get_scorer("pubdate")(tmp_path, Settings())
    assert {k: scores[k] for k in ("pages", "with_gold_date", "found", "accuracy")} == {
        "pages": 2,
        "with_gold_date": 1,
        "found": 1,
        "accuracy": 1.0,
    }
    assert scores["by_source"] == {"meta": 1, "url": 1}
    json.dumps(scores)  # the CLI prints it as JSON


@pytest.mark.gate
@pytest.mark.gold
def test_pubdate_day_accuracy_stays_above_its_floor(settings: Settings) -> None:
    scores = get_scorer("pubdate")(HTMLDATE, settings)
    assert scores["pages"] == 100 and scores["with_gold_date"] == 96
    assert check_floors("pubdate", scores) == []
