"""Benchmark of the archive (issue 13): search and filter times, and a streamed export, on a
store of many synthetic articles.

    .venv/bin/python bench/archive.py [--articles N] [--db PATH] [--repeat R] [--seed S]
                                      [--no-http] [--no-export | --export-only]

1. Builds a store of N articles (default 100,000), or reuses the one at --db when it holds
   them: the articles of examples/ as ``dateline extract`` gives them, copied with their
   people, places, actor countries, outlets and dates varied (bench/synthetic.py), each
   written with the store's writer in a transaction of its own, as an ingest writes it
   (full-text indexes and clusters included). Prints the time and the store's size.
2. Times full-text searches and event filters as the API's JSON pages run them
   (``Store.page``: the page of 50, its total and, for articles, the facets), and
   quotation filters by speaker, R times each, in the store and over HTTP (uvicorn on
   127.0.0.1), and prints p50 and p95 of each query and of each kind: the goal is a p95
   under 100 ms for searches and event filters.
3. Streams exports (JSONL, then Parquet) of every event and of one PLOVER type to a file and
   prints the process's heap (RssAnon) every 100,000 rows: flat memory means it does not
   grow with the rows (the heap after 1 M rows over that after 100,000 is printed).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from common import DEFAULT_INPUTS, load_articles
from dateline import Pipeline, Settings
from dateline.export import FORMATS
from dateline.store import ArticleQuery, EventQuery, QuoteQuery, Store
from synthetic import FIRST_NAMES, LAST_NAMES, cities, vary

Json = dict[str, Any]

DATE = "2006-05-23"

SEARCHES = {
    "a name": "Karimi",
    "a full name": '"Hassan Karimi"',
    "a place": "Kabul",
    "a word": "helicopter",
    "a phrase": '"secret talks"',
    "a prefix": "negotiat*",
    "AND/NOT": "insurgents AND Amman NOT Baghdad",
    "a title word": "title: protests",
}
FILTERS: dict[str, dict[str, Any]] = {
    "actor": {"actor": "SYR"},
    "actor and code": {"actor": "IRQ", "cameo": "04"},
    "source and target": {"source": "USA", "target": "AFG"},
    "a root": {"cameo": "19"},
    "a month": {"since": "2008-03", "until": "2008-03"},
    "actor in a year": {"actor": "TUR", "since": "2010", "until": "2010"},
    "country": {"country": "JO"},
    "near a point": {"near": "33.34,44.40,200"},
    "PLOVER type": {"plover": "ASSAULT"},
    "quad class": {"quad": 4},
    "confidence": {"min_confidence": 0.9, "actor": "IRN"},
    "full text": {"q": "Kabul"},
}
QUOTE_FILTERS: dict[str, dict[str, Any]] = {
    "a speaker": {"speaker": "Karimi"},
    "a speaker, named": {"speaker": "Karimi", "anonymous": False},
    "a speaker and words": {"speaker": "Karimi", "q": "said"},
    "a speaker's code": {"speaker": "USA"},
}


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "archive.db")
    parser.add_argument("--repeat", type=int, default=20, help="runs of each query")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--no-http", action="store_true", help="time the store only")
    parser.add_argument("--no-export", action="store_true", help="time the queries only")
    parser.add_argument("--export-only", action="store_true", help="time the exports only")
    return parser.parse_args()


def rss_mb() -> tuple[float, float]:
    """The resident memory of this process now (MB): all of it, and the anonymous part alone
    (``RssAnon``: the heap; the rest is mostly the store's file mapped by ``mmap_size``, pages
    of the OS's cache that grow with what is read, not with what is held)."""
    fields = {}
    with open("/proc/self/status") as f:
        for line in f:
            name, _, value = line.partition(":")
            fields[name] = value
    kb = {name: int(fields[name].split()[0]) for name in ("VmRSS", "RssAnon")}
    return kb["VmRSS"] / 1e3, kb["RssAnon"] / 1e3


def build(db: Path, n: int, seed: int) -> None:
    if db.exists():
        with Store(db) as store:
            if store.count("articles") >= n:
                print(f"store: {db} holds {store.count('articles'):,} articles (reused)")
                return
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
    pipeline = Pipeline(Settings.from_env())
    base = [a.to_json() for a in pipeline.process(load_articles(DEFAULT_INPUTS, DATE))]
    rng = random.Random(seed)
    t0 = time.perf_counter()
    with Store(db) as store:
        # A synthetic store that can be made again: no fsync, a large page cache.
        store.conn.execute("PRAGMA synchronous=OFF")
        store.conn.execute("PRAGMA cache_size=-262144")
        for i in range(n):
            store.write_json(vary(base[i % len(base)], i, rng), [])
            if (i + 1) % 10_000 == 0:
                rate = (i + 1) / (time.perf_counter() - t0)
                print(f"  {i + 1:,} articles written ({rate:,.0f}/s)", flush=True)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        events = store.count("events")
    elapsed = time.perf_counter() - t0
    size = db.stat().st_size
    print(
        f"store: {n:,} articles, {events:,} events written in {elapsed:,.0f} s "
        f"({n / elapsed:,.0f} articles/s); {size / 1e6:,.0f} MB ({size / n / 1e3:.1f} KB/article)"
    )


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def time_calls(calls: dict[str, Callable[[], int]], repeat: int) -> dict[str, list[float]]:
    """Each call ``repeat`` times, in turns (so that no query gains from running alone).
    Prints the wall-clock p50/p95 and, as ``cpu``, those of the CPU time this process spent
    (on a machine shared with other work, the wall clock also counts the time it waited)."""
    times: dict[str, list[float]] = {name: [] for name in calls}
    cpu: dict[str, list[float]] = {name: [] for name in calls}
    totals: dict[str, int] = {}
    for _ in range(repeat):
        for name, call in calls.items():
            t0, c0 = time.perf_counter(), time.process_time()
            totals[name] = call()
            times[name].append((time.perf_counter() - t0) * 1000)
            cpu[name].append((time.process_time() - c0) * 1000)
    for name, values in times.items():
        print(
            f"  {name:<22} {totals[name]:>9,} rows  p50 {percentile(values, 50):7.1f} ms"
            f"  p95 {percentile(values, 95):7.1f} ms   cpu p50 {percentile(cpu[name], 50):6.1f}"
            f"  p95 {percentile(cpu[name], 95):6.1f} ms"
        )
    everything = [v for values in times.values() for v in values]
    all_cpu = [v for values in cpu.values() for v in values]
    print(
        f"  {'all':<22} {'':>14}  p50 {percentile(everything, 50):7.1f} ms"
        f"  p95 {percentile(everything, 95):7.1f} ms   cpu p50 {percentile(all_cpu, 50):6.1f}"
        f"  p95 {percentile(all_cpu, 95):6.1f} ms"
    )
    print(f"  (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    return times


def serve(db: Path) -> str:
    import uvicorn

    from dateline.web import create_app

    app = create_app(db, read_only=True, settings=Settings.from_env())
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}"


def http_total(url: str) -> int:
    with urllib.request.urlopen(url, timeout=60) as response:
        return int(json.load(response)["total"])


def time_queries(db: Path, repeat: int, http: bool) -> None:
    settings = Settings.from_env()
    store = Store(db, read_only=True, settings=settings)
    searches = {
        name: (lambda q=q: store.page(ArticleQuery(q=q)).total) for name, q in SEARCHES.items()
    }
    filters = {name: (lambda f=f: store.page(EventQuery(**f)).total) for name, f in FILTERS.items()}
    quotes = {
        name: (lambda f=f: store.page(QuoteQuery(**f)).total) for name, f in QUOTE_FILTERS.items()
    }
    print(f"full-text search (Store.page: 50 articles, total, facets), {repeat} runs each:")
    time_calls(searches, repeat)
    print(f"event filters (Store.page: 50 events, total), {repeat} runs each:")
    time_calls(filters, repeat)
    print(f"quotation filters (Store.page: 50 quotations, total), {repeat} runs each:")
    time_calls(quotes, repeat)
    store.close()
    if not http:
        return
    base = serve(db)
    print(f"over HTTP ({base}), {repeat} runs each:")
    calls = {
        f"articles: {name}": (
            lambda q=q: http_total(f"{base}/api/articles?{urllib.parse.urlencode({'q': q})}")
        )
        for name, q in SEARCHES.items()
    }
    calls |= {
        f"events: {name}": (
            lambda f=f: http_total(f"{base}/api/events?{urllib.parse.urlencode(f)}")
        )
        for name, f in FILTERS.items()
    }
    calls |= {
        f"quotes: {name}": (
            lambda f=f: http_total(f"{base}/api/quotes?{urllib.parse.urlencode(f)}")
        )
        for name, f in QUOTE_FILTERS.items()
    }
    time_calls(calls, repeat)


# The exports timed: every event (1.25 M on the bench store), and one PLOVER type (100,001),
# whose rows an index finds out of the table's order.
EXPORTS: dict[str, dict[str, Any]] = {"every event": {}, "one PLOVER type": {"plover": "ASSAULT"}}


def time_export(db: Path) -> None:
    """Each format's writer on the events of each of EXPORTS, as ``open_export`` streams them
    (counting the events read, to print the memory every 100,000 rows). Flat memory: the
    heap (RssAnon) after 1 M rows is that after 100,000."""
    settings = Settings.from_env()
    for name in ("jsonl", "parquet"):
        for what, filters in EXPORTS.items():
            with Store(db, read_only=True, settings=settings) as store:
                query = EventQuery(**filters)
                rows = store.total(query)
                out = Path(tempfile.gettempdir()) / f"archive-export.{name}"
                read = 0

                def events(store: Store = store, query: EventQuery = query) -> Iterator[Json]:
                    nonlocal read
                    for event in store.events(query):
                        read += 1
                        yield event

                print(f"export {name}, {what}: {rows:,} events; heap MB every 100,000 rows:")
                marks: dict[int, float] = {}
                peak = 0.0
                written = 0
                t0 = time.perf_counter()
                with store.snapshot(), out.open("wb") as f:
                    for chunk in FORMATS[name].chunks(events()):
                        f.write(chunk)
                        written += len(chunk)
                        heap = rss_mb()[1]
                        peak = max(peak, heap)
                        if read // 100_000 * 100_000 not in marks:
                            marks[read // 100_000 * 100_000] = heap
                elapsed = time.perf_counter() - t0
                rss, heap = rss_mb()
                print("  " + "  ".join(f"{k // 1000}k:{v:.0f}" for k, v in marks.items()))
                ratio = ""
                if 100_000 in marks and read >= 1_000_000:
                    ratio = f"; heap at the end / at 100k rows {heap / marks[100_000]:.2f}"
                print(
                    f"  {read:,} rows, {written / 1e6:,.0f} MB in {elapsed:,.0f} s "
                    f"({read / elapsed:,.0f} rows/s); heap peak {peak:,.0f} MB, "
                    f"end {heap:,.0f} MB (resident with the mapped file {rss:,.0f} MB){ratio}"
                )


def main() -> None:
    args = parse_args()
    names = len(FIRST_NAMES) * len(LAST_NAMES)
    print(f"places varied among {len(cities())} cities, people among {names:,} names")
    build(args.db, args.articles, args.seed)
    if not args.export_only:
        time_queries(args.db, args.repeat, not args.no_http)
    if not args.no_export:
        time_export(args.db)


if __name__ == "__main__":
    main()
