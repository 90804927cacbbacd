"""The HTTP API over a real server (uvicorn on a free port of 127.0.0.1) and a real store:
examples/ ingested as ``make demo`` does. The same rows come from the API's JSON, its CSV
twins, the CLI and the Python store."""

from __future__ import annotations

import csv
import hashlib
import http.client
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
import uvicorn
from fastapi import FastAPI
from typer.testing import CliRunner

import dateline
from conftest import SEED, SEED_DATE
from dateline import Settings
from dateline.cli.main import app as cli
from dateline.model import Article
from dateline.store import ArticleQuery, Store, TimelineQuery
from dateline.store import store as store_module
from dateline.web import create_app
from dateline.web.state import Archive

Json = Any


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(
    db: Path, *, read_only: bool = False, settings: Settings | None = None
) -> Iterator[str]:
    """The app on a real uvicorn server in a thread; yields its base URL."""
    app = create_app(db, read_only=read_only, settings=settings or Settings(min_confidence=0))
    with serving_app(app) as url:
        yield url


@contextmanager
def serving_app(app: FastAPI) -> Iterator[str]:
    """``app`` on a real uvicorn server in a thread; yields its base URL."""
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


class Reply:
    def __init__(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.status = status
        self.headers = headers
        self.body = body

    def json(self) -> Json:
        return json.loads(self.body)

    def csv(self) -> list[dict[str, str]]:
        return list(csv.DictReader(io.StringIO(self.body.decode("utf-8"), newline="")))


def call(base: str, path: str, *, method: str = "GET", data: bytes | None = None) -> Reply:
    request = urllib.request.Request(base + path, data=data, method=method)
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return Reply(response.status, dict(response.headers), response.read())
    except urllib.error.HTTPError as e:
        with e:
            return Reply(e.code, dict(e.headers), e.read())


@pytest.fixture(scope="module")
def base(examples_db: Path) -> Iterator[str]:
    with serving(examples_db) as url:
        yield url


@pytest.fixture(scope="module")
def runner(settings: Settings) -> CliRunner:
    return CliRunner(
        env={
            "DATELINE_CACHE_DIR": settings.cache_dir,
            "DATELINE_MIN_CONFIDENCE": "0",
            "COLUMNS": "200",
        }
    )


def cli_lines(runner: CliRunner, *args: str) -> list[Json]:
    result = runner.invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def cli_csv(runner: CliRunner, *args: str) -> list[dict[str, str]]:
    result = runner.invoke(cli, [*args, "--format", "csv"])
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout, newline="")))


# --- the same rows everywhere ------------------------------------------------------------------


def event_key(event: Json) -> str:
    return f"{event['article']['id']}/{event['id']}"


def quote_key(quote: Json) -> str:
    return f"{quote['article']['id']}/{quote['id']}"


def test_articles_found_by_full_text_are_the_same_in_json_csv_cli_and_python(
    base: str, examples_db: Path, runner: CliRunner
) -> None:
    page = call(base, "/api/articles?q=Khalilzad&limit=1000").json()
    api_ids = [a["id"] for a in page["items"]]
    assert api_ids and page["total"] == len(api_ids)
    assert [r["id"] for r in call(base, "/api/articles.csv?q=Khalilzad").csv()] == api_ids
    args = ["search", "Khalilzad", "--db", str(examples_db)]
    assert [a["id"] for a in cli_lines(runner, *args, "--format", "jsonl")] == api_ids
    assert [r["id"] for r in cli_csv(runner, *args)] == api_ids
    with Store(examples_db, read_only=True, settings=Settings(min_confidence=0)) as store:
        assert list(store.articles(q="Khalilzad")) == page["items"]
    assert {f["value"] for f in page["facets"]["outlet"]} >= {"Asharq Al-Awsat"}


def test_events_filtered_by_actor_and_code_are_the_same_in_json_csv_cli_and_python(
    base: str, examples_db: Path, runner: CliRunner
) -> None:
    page = call(base, "/api/events?actor=IRQ&cameo=04&limit=1000").json()
    keys = [event_key(e) for e in page["items"]]
    assert keys and page["total"] == len(keys)
    assert all(e["root"] == "04" for e in page["items"])
    csv_rows = call(base, "/api/events.csv?actor=IRQ&cameo=04").csv()
    assert [f"{r['article_id']}/{r['event_id']}" for r in csv_rows] == keys
    args = ["events", "--db", str(examples_db), "--actor", "IRQ", "--cameo", "04"]
    assert [event_key(e) for e in cli_lines(runner, *args, "--format", "jsonl")] == keys
    assert cli_csv(runner, *args) == csv_rows
    with Store(examples_db, read_only=True, settings=Settings(min_confidence=0)) as store:
        assert list(store.events(actor="IRQ", cameo="04")) == page["items"]


def test_anonymous_quotations_are_the_same_in_json_csv_cli_and_python(
    base: str, examples_db: Path, runner: CliRunner
) -> None:
    page = call(base, "/api/quotes?anonymous=true&limit=1000").json()
    keys = [quote_key(q) for q in page["items"]]
    assert keys and all(q["speaker"]["anonymous"] for q in page["items"])
    csv_rows = call(base, "/api/quotes.csv?anonymous=true").csv()
    assert [f"{r['article_id']}/{r['quote_id']}" for r in csv_rows] == keys
    args = ["search", "--quotes", "--anonymous", "--db", str(examples_db)]
    assert [quote_key(q) for q in cli_lines(runner, *args, "--format", "jsonl")] == keys
    assert cli_csv(runner, *args) == csv_rows
    with Store(examples_db, read_only=True) as store:
        assert list(store.quotes(anonymous=True)) == page["items"]


def test_the_monthly_timeline_is_the_same_in_json_csv_cli_and_python(
    base: str, examples_db: Path, runner: CliRunner
) -> None:
    timeline = call(base, "/api/timeline?interval=month").json()
    assert timeline["interval"] == "month" and timeline["series"]
    as_csv = [
        {k: "" if v is None else str(v) for k, v in row.items()} for row in timeline["series"]
    ]
    assert call(base, "/api/timeline.csv?interval=month").csv() == as_csv
    args = ["timeline", "--db", str(examples_db), "--interval", "month"]
    assert cli_lines(runner, *args, "--format", "json") == [timeline]
    assert cli_csv(runner, *args) == as_csv
    with Store(examples_db, read_only=True, settings=Settings(min_confidence=0)) as store:
        assert store.timeline(interval="month") == timeline
    assert sum(p["count"] for p in timeline["series"]) <= call(base, "/api/events").json()["total"]


def by_period(timeline: Json) -> dict[str, tuple[int, int, int]]:
    return {
        p["period"]: (p["count"], p["articles"], p["articles_in_scope"]) for p in timeline["series"]
    }


def test_the_timeline_takes_the_article_filters_and_counts_its_scope_over_them(
    base: str, examples_db: Path, runner: CliRunner
) -> None:
    every = by_period(call(base, "/api/timeline").json())
    # every example quotes someone: has_quote=false has no event (it gave every period)
    assert every and call(base, "/api/timeline?has_quote=false").json()["series"] == []
    assert by_period(call(base, "/api/timeline?has_quote=true").json()) == every
    anonymous = by_period(call(base, "/api/timeline?anonymous=true").json())
    named = by_period(call(base, "/api/timeline?anonymous=false").json())
    assert anonymous and named and anonymous != every
    for period, counts in every.items():  # the two halves make the whole
        halves = [anonymous.get(period, (0, 0, 0)), named.get(period, (0, 0, 0))]
        assert tuple(map(sum, zip(*halves, strict=True)))[:2] == counts[:2]
        if period in anonymous and period in named:
            assert halves[0][2] + halves[1][2] == counts[2]
    # outlet=: the articles in scope are that outlet's articles published in the period
    [outlet, *_] = [
        f["value"] for f in call(base, "/api/articles?limit=1").json()["facets"]["outlet"]
    ]
    query = urllib.parse.urlencode({"outlet": outlet})
    own = call(base, f"/api/articles?{query}&limit=1000").json()["items"]
    published = Counter(a["published"]["value"][:7] for a in own if a["published"])
    series = call(base, f"/api/timeline?{query}").json()["series"]
    assert series and all(p["articles_in_scope"] == published[p["period"]] for p in series)
    assert all(p["count"] <= every[p["period"]][0] for p in series)
    # the CLI's twin and the Python store give the same
    args = ["timeline", "--db", str(examples_db), "--named", "--format", "json"]
    [from_cli] = cli_lines(runner, *args)
    assert by_period(from_cli) == named
    with Store(examples_db, read_only=True, settings=Settings(min_confidence=0)) as store:
        timeline = TimelineQuery(articles=ArticleQuery(anonymous=False))
        assert by_period(store.timeline(timeline)) == named
    # a timeline has every period: no limit or offset, in the API as in its description
    for path in ("/api/timeline?limit=1", "/api/timeline.csv?offset=1"):
        reply = call(base, path)
        assert (reply.status, reply.json()["error"]["code"]) == (400, "E100")
    paths = call(base, "/openapi.json").json()["paths"]
    for route in ("/api/timeline", "/api/timeline.csv"):
        names = {p["name"] for p in paths[route]["get"]["parameters"]}
        assert {"interval", "actor", "outlet", "place", "has_quote", "anonymous"} <= names
        assert not names & {"limit", "offset"}
    assert runner.invoke(cli, ["timeline", "--db", str(examples_db), "--limit", "1"]).exit_code


def test_the_network_is_the_same_in_json_csv_cli_and_python(
    base: str, examples_db: Path, runner: CliRunner
) -> None:
    network = call(base, "/api/network").json()
    assert network["nodes"] and network["edges"]
    as_csv = [
        {k: "" if v is None else str(v) for k, v in edge.items()} for edge in network["edges"]
    ]
    assert call(base, "/api/network.csv").csv() == as_csv
    db = str(examples_db)
    assert cli_lines(runner, "network", "--db", db, "--format", "json") == [network]
    assert cli_csv(runner, "network", "--db", db) == as_csv
    with Store(examples_db, read_only=True, settings=Settings(min_confidence=0)) as store:
        assert store.network() == network
    codes = {n["code"] for n in network["nodes"]}
    assert all(e["source"] in codes and e["target"] in codes for e in network["edges"])


def test_a_csv_twin_gives_every_page_and_total_counts_before_paging(base: str) -> None:
    everything = call(base, "/api/events?limit=1000").json()
    page = call(base, "/api/events?limit=5&offset=5").json()
    assert page["total"] == everything["total"] > 10
    assert page["items"] == everything["items"][5:10]
    assert len(call(base, "/api/events.csv").csv()) == everything["total"]
    assert len(call(base, "/api/events?limit=0").json()["items"]) == 0


def test_an_article_is_the_extract_object_and_clusters_list_their_events(base: str) -> None:
    [seed] = call(base, "/api/articles?q=Khalilzad%20AND%20Asharq").json()["items"]
    article = call(base, f"/api/articles/{seed['id']}").json()
    assert article["article"]["title"] == seed["title"]
    assert set(article) == {"article", "mentions", "places", "times", "quotes", "events"}
    clusters = call(base, "/api/clusters?actor=IRQ&limit=1000").json()
    assert clusters["total"] == len(clusters["items"]) > 0
    for cluster in clusters["items"]:
        assert cluster["mentions"] == len(cluster["events"])
        assert {e["cluster"]["id"] for e in cluster["events"]} == {cluster["id"]}
    rows = call(base, "/api/clusters.csv?actor=IRQ").csv()
    assert [int(r["cluster_id"]) for r in rows] == [c["id"] for c in clusters["items"]]


# --- exports -----------------------------------------------------------------------------------


def test_a_parquet_export_streams_every_row_with_its_manifest(base: str) -> None:
    reply = call(base, "/api/export?format=parquet&actor=IRQ")
    assert reply.status == 200
    assert reply.headers["content-type"] == "application/vnd.apache.parquet"
    manifest = json.loads(urllib.parse.unquote(reply.headers["x-dateline-manifest"]))
    table = pq.read_table(io.BytesIO(reply.body))
    total = call(base, "/api/events?actor=IRQ").json()["total"]
    assert table.num_rows == manifest["rows"] == total
    assert manifest["query"] == {"actor": "IRQ", "min_confidence": 0.0}
    assert manifest["dateline_version"] == dateline.__version__
    gdelt = call(base, "/api/export?format=gdelt&actor=IRQ")
    header, *lines = gdelt.body.decode("utf-8").splitlines()
    assert len(header.split("\t")) == 61 and len(lines) == total


# --- errors, headers, limits -------------------------------------------------------------------

BAD_REQUESTS = [
    ("/api/events?quad=9", 400, "E100"),
    ("/api/events?quad=x", 400, "E100"),
    ("/api/events?limit=100000", 400, "E100"),
    ("/api/events?near=1,2", 400, "E100"),
    ("/api/events?since=yesterday", 400, "E028"),
    ("/api/events?min_confidence=abc", 400, "E100"),
    ("/api/articles?q=%22unclosed", 400, "E101"),
    ("/api/articles?q=al-Qaeda", 400, "E101"),
    ("/api/quotes?q=title%3A%20x", 400, "E101"),
    ("/api/articles?has_quote=perhaps", 400, "E100"),
    ("/api/timeline?interval=fortnight", 400, "E100"),
    ("/api/export?format=xlsx", 400, "E100"),
    ("/api/articles/0000000000000000", 404, "E103"),
    ("/api/nothing", 404, "E106"),
    ("/nothing", 404, "E106"),
]


# Whole numbers past SQLite's largest integer (2**63 - 1): each overflowed as it was bound, a
# 500 (OverflowError); /api/export sent its 200 and a manifest of 0 rows, then cut the stream.
TOO_BIG = str(2**63)
OVERFLOWS = [
    f"/api/{route}?{name}={TOO_BIG}"
    for route in ("articles", "events", "quotes", "clusters", "network")
    for name in ("limit", "offset")
] + [
    f"/api/{route}.csv?{name}={TOO_BIG}"
    for route in ("articles", "events", "quotes", "clusters", "network")
    for name in ("limit", "offset")
] + [
    f"/api/export?offset={TOO_BIG}",
    f"/api/export?format=parquet&limit={TOO_BIG}",
    f"/api/export/manifest?offset={TOO_BIG}",
    f"/api/events?offset={10**30}",
    f"/api/events?limit=-{TOO_BIG}0",
    "/api/clusters/99999999999999999999999",
    f"/api/clusters/{TOO_BIG}",
]  # fmt: skip
BAD_REQUESTS += [(path, 400, "E100") for path in OVERFLOWS]


@pytest.mark.parametrize(("path", "status", "code"), BAD_REQUESTS)
def test_bad_input_gets_one_json_error_shape_and_a_4xx_status(
    base: str, path: str, status: int, code: str
) -> None:
    reply = call(base, path)
    assert reply.status == status
    error = reply.json()["error"]
    assert set(error) == {"code", "message"}
    assert error["code"] == code and error["message"].startswith(f"[{code}]")
    assert "content-security-policy" in {k.lower() for k in reply.headers}


def test_a_parameter_a_route_does_not_take_is_refused_not_ignored(base: str) -> None:
    paths = call(base, "/openapi.json").json()["paths"]
    routes = [p for p in paths if p.startswith("/api/")]
    assert len(routes) >= 19
    for route in routes:
        path = route.replace("{article_id}", "0c106efbfdb4ccc9").replace("{cluster_id}", "1")
        method = "POST" if route == "/api/extract" else "GET"
        data = b"Officials met in Amman." if method == "POST" else None
        reply = call(base, f"{path}?actr=IRQ", method=method, data=data)
        assert reply.status == 400, route
        message = reply.json()["error"]["message"]
        assert message.startswith(f"[E100] actr='IRQ': {route} takes no")
    # a misspelt filter gave every row; the right one still answers, with what it takes
    reply = call(base, "/api/events?limt=5")
    assert "limit" in reply.json()["error"]["message"].split("it takes: ")[1]
    assert call(base, "/api/events?limit=5").status == 200


def test_the_largest_whole_number_sqlite_holds_is_a_valid_limit_and_offset(base: str) -> None:
    biggest = str(2**63 - 1)
    page = call(base, f"/api/events?offset={biggest}").json()
    assert page["items"] == [] and page["total"] > 0
    assert (
        call(base, f"/api/events.csv?limit={biggest}").csv() == call(base, "/api/events.csv").csv()
    )
    assert call(base, f"/api/quotes?offset={biggest}").json()["items"] == []
    assert call(base, f"/api/network?offset={biggest}").json()["edges"] == []
    export = call(base, f"/api/export?format=jsonl&offset={biggest}")
    assert export.status == 200 and export.body == b""
    assert json.loads(urllib.parse.unquote(export.headers["x-dateline-manifest"]))["rows"] == 0
    missing = call(base, f"/api/clusters/{biggest}")
    assert (missing.status, missing.json()["error"]["code"]) == (404, "E109")
    assert call(base, "/events/99999999999999999999999").status == 404  # the page, too


def test_a_fault_of_dateline_is_a_500_that_does_not_echo_python_s_error(
    examples_db: Path, caplog: pytest.LogCaptureFixture
) -> None:
    app = create_app(examples_db, settings=Settings(min_confidence=0))

    def fail() -> None:
        raise OverflowError("Python int too large to convert to SQLite INTEGER /secret/path")

    app.add_api_route("/api/fail", fail)
    with caplog.at_level("ERROR", logger="dateline.web"), serving_app(app) as url:
        reply = call(url, "/api/fail")
    assert reply.status == 500
    error = reply.json()["error"]
    assert error["code"] == "E500" and error["message"].startswith("[E500]")
    assert "OverflowError" not in error["message"] and "secret" not in error["message"]
    reference = error["message"].split("reference ")[1].split(";")[0]
    [logged] = [r for r in caplog.records if reference in r.getMessage()]
    assert logged.exc_info is not None and "/secret/path" in str(logged.exc_info[1])


def test_a_wrong_method_and_an_empty_or_large_body_are_4xx(base: str) -> None:
    assert call(base, "/api/events", method="POST", data=b"x").json()["error"]["code"] == "E107"
    empty = call(base, "/api/extract", method="POST", data=b"   ")
    assert (empty.status, empty.json()["error"]["code"]) == (400, "E108")
    bad_date = call(base, "/api/extract?date=soon", method="POST", data=b"Some text here.")
    assert (bad_date.status, bad_date.json()["error"]["code"]) == (400, "E028")


def test_an_upload_over_the_limit_is_refused_with_413(examples_db: Path) -> None:
    settings = Settings(max_article_bytes=1000)
    with serving(examples_db, settings=settings) as url:
        reply = call(url, "/api/extract", method="POST", data=b"x" * 5000)
        assert (reply.status, reply.json()["error"]["code"]) == (413, "E104")


def test_a_chunked_upload_over_the_limit_is_refused_with_413_before_the_pipeline(
    examples_db: Path,
) -> None:
    """No Content-Length to refuse it by: the bytes are counted as they come."""
    app = create_app(examples_db, settings=Settings(max_article_bytes=1000))
    held = HeldPipeline()
    held.release.set()
    app.state.archive._pipeline = held

    def upload(url: str, chunks: list[bytes]) -> Reply:
        parts = urllib.parse.urlsplit(url)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        try:
            connection.request("POST", "/api/extract", body=iter(chunks), encode_chunked=True)
            response = connection.getresponse()
            return Reply(response.status, dict(response.headers), response.read())
        finally:
            connection.close()

    with serving_app(app) as url:
        refused = upload(url, [b"Officials met in Amman. " * 10] * 5)  # 1,200 bytes
        assert (refused.status, refused.json()["error"]["code"]) == (413, "E104")
        assert not held.running.is_set()
        taken = upload(url, [b"Officials met ", b"in Amman."])
        assert taken.status == 200 and taken.json()["article"]["text"] == "Officials met in Amman."
        assert held.running.is_set()


class RushedClock:
    """A clock an hour later at each reading: every statement the time limit watches is
    past it at its first check (after PROGRESS_STEPS steps of SQLite's machine)."""

    def __init__(self) -> None:
        self.now = 0.0

    def monotonic(self) -> float:
        self.now += 3600
        return self.now


def test_a_query_over_the_time_limit_is_refused_with_E102_over_http(
    examples_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(min_confidence=0, query_time_limit_ms=1000)
    with serving(examples_db, settings=settings) as url:
        monkeypatch.setattr(store_module, "time", RushedClock())
        # routes whose statements take thousands of steps over examples/: the stream of
        # every event (a .csv twin, an export: refused before the response starts), the
        # network's and the timeline's counts
        for path in ("/api/network", "/api/timeline", "/api/events.csv", "/api/network.csv",
                     "/api/export?format=jsonl", "/api/export?format=parquet"):  # fmt: skip
            reply = call(url, path)
            assert reply.status == 400, (path, reply.body[:200])
            error = reply.json()["error"]
            assert error["code"] == "E102" and "query_time_limit_ms=1000" in error["message"]
            assert "x-dateline-manifest" not in {k.lower() for k in reply.headers}
        monkeypatch.undo()
        assert call(url, "/api/network").status == 200  # the kept connection answers again


def test_every_response_has_the_content_security_policy(base: str) -> None:
    for path in ("/", "/api/events?limit=1", "/openapi.json", "/static/dateline.css"):
        reply = call(base, path)
        assert reply.status == 200, path
        policy = reply.headers["content-security-policy"]
        assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
        assert reply.headers["x-content-type-options"] == "nosniff"


def test_openapi_describes_every_route(base: str) -> None:
    paths = call(base, "/openapi.json").json()["paths"]
    for route in ("articles", "events", "quotes", "clusters", "timeline", "network"):
        assert f"/api/{route}" in paths and f"/api/{route}.csv" in paths
    assert {"/api/articles/{article_id}", "/api/export", "/api/extract"} <= set(paths)
    names = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert {"actor", "cameo", "since", "near", "min_confidence", "limit", "offset"} <= names


# --- extraction: the one pipeline ------------------------------------------------------------


def test_extract_gives_what_dateline_extract_gives(base: str, runner: CliRunner) -> None:
    body = SEED.read_bytes()
    reply = call(base, f"/api/extract?date={SEED_DATE}", method="POST", data=body)
    assert reply.status == 200
    result = runner.invoke(
        cli, ["extract", "-", "--date", SEED_DATE, "--format", "json"], input=body
    )
    assert result.exit_code == 0, result.output
    expected = json.loads(result.stdout)
    got = reply.json()
    for doc in (got, expected):
        doc["article"]["source_path"] = None
    assert got == expected


def test_extract_with_store_stores_it_and_a_read_only_store_refuses(
    examples_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "copy.db"
    shutil.copy(examples_db, db)
    text = b"Syrian officials met Turkish negotiators in Amman on Monday, the agency said."
    with serving(db) as url:
        reply = call(url, "/api/extract?store=true&date=2006-01-17", method="POST", data=text)
        assert reply.status == 200 and reply.headers["x-dateline-stored"] == "new"
        article_id = reply.json()["article"]["id"]
        assert call(url, f"/api/articles/{article_id}").json()["events"] == reply.json()["events"]
        again = call(url, "/api/extract?store=true&date=2006-01-17", method="POST", data=text)
        assert again.headers["x-dateline-stored"] == "known"
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    with serving(db, read_only=True) as url:
        refused = call(url, "/api/extract?store=true", method="POST", data=b"Another text.")
        assert (refused.status, refused.json()["error"]["code"]) == (403, "E105")
        assert call(url, "/api/events?limit=1").status == 200
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


class HeldPipeline:
    """A pipeline that holds each article until released: an extraction under way, for as
    long as a test needs (it hands the article back as read)."""

    def __init__(self) -> None:
        self.running = threading.Event()
        self.release = threading.Event()

    def process(self, articles: list[Article]) -> Iterator[Article]:
        self.running.set()
        assert self.release.wait(60), "never released"
        yield from articles


def test_reads_answer_while_an_extraction_runs(examples_db: Path) -> None:
    app = create_app(examples_db, settings=Settings(min_confidence=0))
    held = HeldPipeline()
    app.state.archive._pipeline = held
    with serving_app(app) as url:
        replies: list[Reply] = []
        upload = threading.Thread(
            target=lambda: replies.append(
                call(url, "/api/extract", method="POST", data=b"Officials met in Amman.")
            )
        )
        upload.start()
        try:
            assert held.running.wait(30), "the extraction did not start"
            # The pipeline's lock was the readers' lock: this GET waited for the upload.
            request = urllib.request.Request(url + "/api/events?limit=1")
            with urllib.request.urlopen(request, timeout=5) as response:
                assert response.status == 200 and json.load(response)["total"] > 0
            assert upload.is_alive()  # the extraction was still running
        finally:
            held.release.set()
            upload.join(30)
        [reply] = replies
        assert reply.status == 200 and reply.json()["article"]["text"] == "Officials met in Amman."


def test_the_app_keeps_its_read_connection_and_sees_what_is_written_since(
    examples_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "copy.db"
    shutil.copy(examples_db, db)
    archive = Archive(db, False, Settings(min_confidence=0))
    with archive.reader() as first:
        total = first.page(ArticleQuery()).total
    with archive.reader() as again:
        assert again is first  # kept open for the next request
    with Store(db) as writer:
        writer.write_article(Article(text="Syrian officials met Turkish envoys in Amman."))
    with archive.reader() as again:
        assert again is first and again.page(ArticleQuery()).total == total + 1
    with serving(db) as url:
        assert call(url, "/api/articles?limit=1").json()["total"] == total + 1
        with Store(db) as writer:
            writer.write_article(Article(text="Jordanian envoys met Iraqi officials in Amman."))
        assert call(url, "/api/articles?limit=1").json()["total"] == total + 2
    with Store(db) as writer:
        writer.conn.execute("CREATE TABLE scratch (x)")  # the schema changed: a new one
    with archive.reader() as other:
        assert other is not first
    with pytest.raises(RuntimeError), archive.reader() as failed:
        raise RuntimeError("the request failed")
    with archive.reader() as after:
        assert after is not failed  # a failed request's connection is closed


# --- dateline serve ----------------------------------------------------------------------------


@pytest.mark.slow
def test_dateline_serve_listens_on_localhost_and_read_only_writes_nothing(
    examples_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "served.db"
    shutil.copy(examples_db, db)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    port = free_port()
    src = str(Path(dateline.__file__).resolve().parents[1])
    process = subprocess.Popen(
        [sys.executable, "-m", "dateline.cli.main", "serve", "--db", str(db), "--port", str(port),
         "--read-only"],
        env=os.environ | {"PYTHONPATH": src},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(lambda: call(base, "/openapi.json").status == 200, process)
        assert call(base, "/api/articles?q=Khalilzad").json()["total"] >= 1
        refused = call(base, "/api/extract?store=true", method="POST", data=b"Some text.")
        assert refused.status == 403
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=30)
    assert f"at http://127.0.0.1:{port}/" in output and "read-only" in output
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def wait_for(ready: Callable[[], bool], process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()[0]
        try:
            if ready():
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError("dateline serve did not answer")
