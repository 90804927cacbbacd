"""Events as CSV: one column per field, empty cells for what an event lacks."""

from __future__ import annotations

import csv
import io

from dateline.export.tabular import EVENT_CSV_COLUMNS, event_record, write_events_csv


def test_a_one_sided_event_has_empty_target_cells_and_its_code_apart_from_its_name() -> None:
    event = {
        "id": "e3",
        "cameo": "042",
        "root": "04",
        "source": {"code": "USAMIL", "text": "a senior US Army commander", "start": 0, "end": 1},
        "target": None,
        "date": {"value": "2006-05-23", "precision": "day", "source": "published"},
        "place": None,
        "plover": {"type": "CONSULT", "mode": "visit"},
        "negated": False,
        "hypothetical": True,
        "article": {"id": "a1", "title": "Talks", "url": None},
    }
    record = event_record(event)
    assert list(record) == list(EVENT_CSV_COLUMNS)
    assert (record["cameo"], record["cameo_name"]) == ("042", "Make a visit")
    assert (record["source_code"], record["source_text"]) == (
        "USAMIL",
        "a senior US Army commander",
    )
    assert record["target_code"] == record["target_text"] == record["place_name"] == ""
    assert (record["negated"], record["hypothetical"]) == ("false", "true")


def test_csv_has_a_header_and_one_row_per_event_and_quotes_commas() -> None:
    event = {"cameo": "046", "source": {"code": "IRQREB", "text": "insurgents, rebels"}}
    out = io.StringIO()
    assert write_events_csv([event, event], out) == 2
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0] == list(EVENT_CSV_COLUMNS)
    assert (
        len(rows) == 3 and rows[1][EVENT_CSV_COLUMNS.index("source_text")] == "insurgents, rebels"
    )
