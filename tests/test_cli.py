"""The CLI through its runner, on real files, the real model and a real SQLite file."""

from __future__ import annotations

import csv
import io
import json
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

import dateline
from conftest import EXAMPLES, ROOT, SEED, SEED_DATE
from dateline import Settings
from dateline.cli.main import app
from dateline.store import Store


@pytest.fixture(scope="module")
def runner(settings: Settings) -> CliRunner:
    return CliRunner(env={"DATELINE_CACHE_DIR": settings.cache_dir, "COLUMNS": "200"})


def run_json(runner: CliRunner, *args: str) -> dict:  # type: ignore[type-arg]
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def seed_json(runner: CliRunner) -> dict:  # type: ignore[type-arg]
    return run_json(runner, "extract", str(SEED), "--date", SEED_DATE, "--format", "json")


def test_extract_gives_the_seed_header_without_navigation_lines(seed_json: dict) -> None:  # type: ignore[type-arg]
    article = seed_json["article"]
    assert article["outlet"] == "Asharq Al-Awsat"
    assert article["title"] == "US Held Secret Talks with Iraqi Insurgents"
    assert article["dateline"]["name"] == "Baghdad"
    assert article["published"] == {"value": SEED_DATE, "precision": "day", "source": "user"}
    text = article["text"]
    assert text.startswith("Baghdad, Asharq Al-Awsat– Talks have been held")
    assert "Select Page" not in text and "Opinion |" not in text


def test_extract_codes_khalilzad_usagov_in_2006(seed_json: dict) -> None:  # type: ignore[type-arg]
    codes = {
        m["actor"]["code"] for m in seed_json["mentions"] if "Khalilzad" in m["text"] and m["actor"]
    }
    assert "USAGOV" in codes


def test_extract_codes_the_core_events_of_the_seed(seed_json: dict) -> None:  # type: ignore[type-arg]
    text = seed_json["article"]["text"]
    events = seed_json["events"]
    for event in events:  # every span points at its text
        for part in ("trigger", "source", "target"):
            span = event[part]
            if span:
                assert text[span["start"] : span["end"]] == span["text"]
    dyads = {
        (
            e["root"],
            (e["source"] or {}).get("code", "")[:3],
            (e["target"] or {}).get("code", "")[:3],
        )
        for e in events
        if not e["negated"] and not e["hypothetical"]
    }
    assert ("04", "IRQ", "USA") in dyads  # talks, meetings (events 1, 2, 3, 6)
    assert ("16", "IRQ", "USA") in dyads  # suspended the talks (event 7)


def test_extract_explain_shows_each_events_rules_and_dictionary_entries(
    runner: CliRunner,
    seed_json: dict,  # type: ignore[type-arg]
) -> None:
    result = runner.invoke(app, ["extract", str(SEED), "--date", SEED_DATE, "--explain"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    events = seed_json["events"]
    assert f"{len(events)} events" in out
    for event in events:
        assert f"{event['id']}  {event['cameo']} " in out  # each event, with its code
        assert all(entry in out for entry in event["entries"])
    assert "source: roles.subject" in out and "target: roles.object" in out
    assert "context.third_location" in out  # the 044 of event 3
    assert "verb MEET_WITH in block MEET_PEOPLE [040]" in out
    assert not out.lstrip().startswith("{")  # the explanation, not the JSON


def test_extract_does_not_use_a_role_outside_its_dates(runner: CliRunner) -> None:
    data = run_json(runner, "extract", str(SEED), "--date", "2004-01-10", "--format", "json")
    codes = {
        m["actor"]["code"] for m in data["mentions"] if "Khalilzad" in m["text"] and m["actor"]
    }
    assert "USAGOV" not in codes


def test_extract_reads_standard_input_as_jsonl(runner: CliRunner) -> None:
    result = runner.invoke(
        app,
        ["extract", "-", "--date", "2020-03-02", "--format", "jsonl"],
        input="BAGHDAD (Reuters) - Iraqi police arrested two men on Sunday.\n",
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    assert json.loads(lines[0])["article"]["published"]["value"] == "2020-03-02"


def test_extract_names_the_missing_setting_when_the_model_is_missing(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["extract", str(SEED)], env={"DATELINE_SPACY_MODEL": "no_such_model_xx"}
    )
    assert result.exit_code != 0
    assert "spacy_model" in result.output and "DATELINE_SPACY_MODEL" in result.output


def test_extract_of_a_missing_file_says_so(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert "nope.txt" in result.output


def test_ingest_stores_good_files_lists_failures_and_exits_with_1(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(
        "WASHINGTON — The United States accused Iran of supporting militants in Iraq.\n",
        encoding="utf-8",
    )
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    db = tmp_path / "d.db"
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--date", "2008-01-01"])
    assert result.exit_code == 1, result.output
    assert "empty.txt" in result.output and "binary.bin" in result.output
    with Store(db) as store:
        assert store.count("articles") == 1
        events_before = store.count("events")
    # Ingesting again changes nothing; a failed file touches nothing stored.
    again = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert again.exit_code == 1
    with Store(db) as store:
        assert store.count("articles") == 1
        assert store.count("events") == events_before


def test_demo_flow_ingests_the_examples_and_lists_their_events(
    runner: CliRunner, tmp_path: Path
) -> None:
    db = tmp_path / "demo.db"
    result = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(db), "--date", SEED_DATE])
    assert result.exit_code == 0, result.output
    table = runner.invoke(app, ["events", "--db", str(db), "--format", "table"])
    assert table.exit_code == 0
    assert "US Held Secret Talks" in table.stdout
    csv_out = runner.invoke(app, ["events", "--db", str(db), "--format", "csv", "--actor", "IRQ"])
    assert csv_out.stdout.splitlines()[0].startswith("article_id,article_title,event_id,date,")
    jsonl = runner.invoke(app, ["events", "--db", str(db), "--format", "jsonl", "--cameo", "04"])
    rows = [json.loads(line) for line in jsonl.stdout.splitlines()]
    assert rows and all(r["cameo"].startswith("04") for r in rows)


def test_event_table_shows_flags_as_written() -> None:
    from rich.console import Console

    from dateline.cli.common import event_table

    event = {
        "cameo": "0874",
        "negated": False,
        "hypothetical": True,
        "source": {"code": "USAMIL", "text": "[US] troops"},
        "target": None,
        "date": None,
        "place": None,
    }
    console = Console(width=200, record=True)
    console.print(event_table([event]))
    text = console.export_text()
    assert "[hypothetical]" in text and "[US] troops" in text


# Issue 9: version, exit status, help, CSV columns, dates, missing stores, JSON of one article.

UNDATED = "WASHINGTON — The United States accused Iran on Sunday of supporting militants in Iraq.\n"


@pytest.fixture(scope="module")
def demo_db(runner: CliRunner, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The examples ingested as ``make demo`` does, plus one undated article."""
    folder = tmp_path_factory.mktemp("undated")
    (folder / "undated.txt").write_text(UNDATED, encoding="utf-8")
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    result = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(db), "--date", SEED_DATE])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def test_version_prints_the_package_version(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"dateline {dateline.__version__}\n"


def test_package_version_is_the_one_the_build_reads() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" in pyproject["project"]["dynamic"]
    attr = pyproject["tool"]["setuptools"]["dynamic"]["version"]["attr"]
    assert attr == "dateline.__version__"


def test_help_states_what_each_exit_status_means(runner: CliRunner) -> None:
    for args in ([], ["ingest"], ["extract"]):
        out = " ".join(runner.invoke(app, [*args, "--help"]).stdout.split())
        assert "Exit status: 0" in out, args
        assert "1 some inputs failed" in out and "2 nothing was done" in out, args


def test_ingest_exits_1_however_many_inputs_fail(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_bytes(b"")
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "d.db")])
    assert result.exit_code == 1, result.output
    assert "3 failures" in result.stdout


def test_ingest_help_names_the_jsonl_fields_and_gzip(runner: CliRunner) -> None:
    out = " ".join(runner.invoke(app, ["ingest", "--help"]).stdout.split())
    for field in ("text", "html", "url", "title", "outlet", "id", "date", "published"):
        assert f'"{field}"' in out, field
    assert ".jsonl" in out and ".gz" in out and "JSON Lines" in out


def test_events_csv_gives_codes_and_texts_their_own_columns(
    runner: CliRunner, demo_db: Path
) -> None:
    result = runner.invoke(app, ["events", "--db", str(demo_db), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows
    for column in ("cameo", "cameo_name", "source_code", "source_text", "target_code"):
        assert column in rows[0], column
    talks = next(r for r in rows if r["cameo"] == "046" and r["source_code"] == "IRQREB")
    assert talks["cameo_name"] == "Engage in negotiation"
    assert talks["source_text"] == "Iraqi insurgents"
    assert talks["target_code"] == "USAGOV" and talks["place_country"] == "IQ"


def test_events_date_filters_refuse_what_is_not_an_iso_date(
    runner: CliRunner, demo_db: Path
) -> None:
    for option, value in (("--since", "yesterday"), ("--until", "2006-13"), ("--since", "06")):
        result = runner.invoke(app, ["events", "--db", str(demo_db), option, value])
        assert result.exit_code == 2, (option, value, result.output)
        assert f"{option}: [E028]" in result.output and repr(value) in result.output


def test_events_date_filters_leave_out_dates_that_are_not_calendar_dates(
    runner: CliRunner, demo_db: Path
) -> None:
    def dates(*args: str) -> list[str]:
        result = runner.invoke(app, ["events", "--db", str(demo_db), "-f", "jsonl", *args])
        assert result.exit_code == 0, result.output
        return [json.loads(line)["date"]["value"] for line in result.stdout.splitlines()]

    assert "XXXX-WXX-7" in dates()  # "on Sunday" in an undated article
    assert dates("--since", "2030-01-01") == []
    assert "XXXX-WXX-7" not in dates("--until", "2030")
    in_2006 = dates("--since", "2006", "--until", "2006")
    assert in_2006 and all(value.startswith("2006") for value in in_2006)
    may = dates("--since", "2006-05", "--until", "2006-05-31")
    assert may and all(value.startswith("2006-05") for value in may)


def test_ingest_and_extract_refuse_a_date_that_is_not_an_iso_date(
    runner: CliRunner, tmp_path: Path
) -> None:
    db = tmp_path / "d.db"
    result = runner.invoke(app, ["ingest", str(SEED), "--db", str(db), "--date", "yesterday"])
    assert result.exit_code == 2, result.output
    assert "--date: [E028]" in result.output
    assert not db.exists()
    result = runner.invoke(app, ["extract", str(SEED), "--date", "23/05/2006"])
    assert result.exit_code == 2, result.output
    assert "--date: [E028]" in result.output and result.stdout == ""


def test_ingest_date_keeps_its_precision(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "undated.txt"
    article.write_text(UNDATED, encoding="utf-8")
    db = tmp_path / "d.db"
    result = runner.invoke(app, ["ingest", str(article), "--db", str(db), "--date", "2006-05"])
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        (row,) = store.conn.execute("SELECT published, published_precision FROM articles")
    assert tuple(row) == ("2006-05", "month")


def test_events_on_a_missing_store_is_an_error_and_creates_nothing(
    runner: CliRunner, tmp_path: Path
) -> None:
    typo = tmp_path / "typo.db"
    result = runner.invoke(app, ["events", "--db", str(typo)])
    assert result.exit_code == 2, result.output
    assert "[E050]" in result.output and "typo.db" in result.output
    assert not typo.exists()


def test_events_reads_the_store_named_by_dateline_db(
    runner: CliRunner, demo_db: Path, tmp_path: Path
) -> None:
    result = runner.invoke(app, ["events", "-f", "jsonl"], env={"DATELINE_DB": str(demo_db)})
    assert result.exit_code == 0, result.output
    assert result.stdout.strip()


def test_extract_json_is_one_object_and_several_articles_point_at_jsonl(
    runner: CliRunner,
) -> None:
    two = [str(EXAMPLES / "chron-esper-vietnam-coast-guard.html"), str(SEED)]
    result = runner.invoke(app, ["extract", *two, "--format", "json"])
    assert result.exit_code == 2, result.output
    assert "[E051]" in result.output and "--format jsonl" in result.output
    assert result.stdout == ""
    lines = runner.invoke(app, ["extract", *two, "--format", "jsonl"]).stdout.splitlines()
    assert len(lines) == 2


def test_extract_explain_shows_each_places_candidates_scores_and_evidence(
    runner: CliRunner,
) -> None:
    result = runner.invoke(app, ["extract", str(SEED), "--date", SEED_DATE, "--explain"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    places = out[out.index("places: ") :]
    assert '"Amman"' in places and "-> Amman (JO PPLC)" in places
    assert "* Amman (JO PPLC" in places  # the chosen candidate, marked
    assert "prior +" in places and "written country +8" in places  # the evidence terms
    assert '"the Green Zone"' in places and "Green Zone (IQ PPLX)" in places


# --- export and clusters: the API's rows on the command line -----------------------------------


def event_keys(events: list[dict]) -> list[str]:  # type: ignore[type-arg]
    return [f"{e['article']['id']}/{e['id']}" for e in events]


def test_export_writes_every_matching_event_beside_its_manifest(
    runner: CliRunner, demo_db: Path, tmp_path: Path
) -> None:
    with Store(demo_db, read_only=True) as store:
        expected = list(store.events(actor="IRQ"))
        every = list(store.events())
    assert expected and len(expected) < len(every)
    out = tmp_path / "events.csv"
    args = ["export", "--db", str(demo_db), "--actor", "IRQ"]
    result = runner.invoke(app, [*args, "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"{len(expected)} events -> " in result.stdout and "manifest -> " in result.stdout
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    assert [f"{r['article_id']}/{r['event_id']}" for r in rows] == event_keys(expected)
    manifest = json.loads((tmp_path / "events.csv.manifest.json").read_text(encoding="utf-8"))
    assert {"query", "rows", "dateline_version", "dictionaries", "exported_at", "citation"} <= set(
        manifest
    )
    assert manifest["rows"] == len(expected) and manifest["query"]["actor"] == "IRQ"
    assert manifest["dateline_version"] == dateline.__version__
    # JSON lines are the API's event objects; limit and offset apply when given
    page = tmp_path / "page.jsonl"
    paged = ["--format", "jsonl", "-o", str(page), "--limit", "2", "--offset", "1"]
    assert runner.invoke(app, [*args, *paged]).exit_code == 0
    lines = [json.loads(line) for line in page.read_text(encoding="utf-8").splitlines()]
    assert event_keys(lines) == event_keys(expected[1:3])
    # Parquet reads back with every row; GDELT has its 61 columns; PLOVER the typed events
    import pyarrow.parquet as pq

    parquet = tmp_path / "all.parquet"
    assert runner.invoke(app, [*args[:3], "--format", "parquet", "-o", str(parquet)]).exit_code == 0
    assert pq.read_table(parquet).num_rows == len(every)
    gdelt = tmp_path / "events.tsv"
    assert runner.invoke(app, [*args, "--format", "gdelt", "-o", str(gdelt)]).exit_code == 0
    header, *tsv = gdelt.read_text(encoding="utf-8").splitlines()
    assert len(header.split("\t")) == 61 and len(tsv) == len(expected)
    plover = tmp_path / "plover.jsonl"
    assert runner.invoke(app, [*args, "--format", "plover", "-o", str(plover)]).exit_code == 0
    typed = [e for e in expected if e["plover"] and e["plover"]["type"]]
    assert len(plover.read_text(encoding="utf-8").splitlines()) == len(typed)


def test_export_misuse_exits_2_and_leaves_no_file(
    runner: CliRunner, demo_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "events.csv"
    base = ["export", "--db", str(demo_db), "-o", str(out)]
    wrong_format = runner.invoke(app, [*base, "--format", "xlsx"])
    assert wrong_format.exit_code == 2
    too_far = runner.invoke(app, [*base, "--format", "csv", "--offset", str(2**63)])
    assert too_far.exit_code == 2 and "[E100] offset=" in too_far.output
    bad_filter = runner.invoke(app, [*base, "--format", "csv", "--cameo", "zz"])
    assert bad_filter.exit_code == 2 and "[E100] cameo=" in bad_filter.output
    assert list(tmp_path.iterdir()) == []
    nowhere = tmp_path / "missing" / "events.csv"
    unwritable = runner.invoke(
        app, ["export", "--db", str(demo_db), "--format", "csv", "-o", str(nowhere)]
    )
    assert unwritable.exit_code == 2 and "cannot write the export" in unwritable.output
    assert not (tmp_path / "missing").exists()


def test_clusters_lists_the_stores_clusters_as_jsonl_csv_and_a_table(
    runner: CliRunner, demo_db: Path
) -> None:
    with Store(demo_db, read_only=True) as store:
        expected = list(store.clusters(actor="IRQ"))
    assert len(expected) >= 2
    args = ["clusters", "--db", str(demo_db), "--actor", "IRQ"]
    result = runner.invoke(app, [*args, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert [json.loads(line) for line in result.stdout.splitlines()] == expected
    for cluster in expected:
        assert cluster["mentions"] == len(cluster["events"])
    as_csv = runner.invoke(app, [*args, "--format", "csv"])
    assert as_csv.exit_code == 0, as_csv.output
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout, newline="")))
    assert [int(r["cluster_id"]) for r in rows] == [c["id"] for c in expected]
    paged = runner.invoke(app, [*args, "--format", "jsonl", "--limit", "1", "--offset", "1"])
    assert [json.loads(line)["id"] for line in paged.stdout.splitlines()] == [expected[1]["id"]]
    table = runner.invoke(app, args)
    assert table.exit_code == 0, table.output
    assert f"{len(expected)} clusters in" in table.stdout
    assert str(expected[0]["id"]) in table.stdout
    bad = runner.invoke(app, [*args, "--quad", "9"])
    assert bad.exit_code == 2 and "[E100] quad=" in bad.output
