"""Benchmark of the web UI's pages (issue 14): search and article pages over HTTP, on the
archive bench's store of synthetic articles.

    .venv/bin/python bench/webui.py [--db PATH] [--repeat R]

The store is the one ``bench/archive.py`` builds (default 100,000 articles at its default
path; build it first). The app runs on uvicorn on 127.0.0.1 as ``dateline serve`` runs it;
each page is fetched R times and p50/p95 are printed (the goal: under 300 ms). Nothing is
cached between requests but by SQLite's page cache.
"""

from __future__ import annotations

import argparse
import os
import socket
import sqlite3
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import uvicorn

from dateline import Settings
from dateline.web import create_app

GOAL_MS = 300


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "archive.db")
    parser.add_argument("--repeat", type=int, default=10, help="fetches of each page")
    return parser.parse_args()


def serve(db: Path) -> str:
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


def fetch_ms(url: str) -> tuple[float, float]:
    """The wall-clock time of a fetch, and the CPU time this process (server and client)
    spent on it (on a shared machine the wall clock also counts the time it waited)."""
    start, cpu = time.perf_counter(), time.process_time()
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            response.read()
    except urllib.error.HTTPError as e:  # a query over the time limit (E102) is a 400
        FAILED[url] = FAILED.get(url, 0) + 1
        e.read()
    return (time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000


# Fetches answered with an error status, by URL.
FAILED: dict[str, int] = {}


def percentile(values: list[float], p: float) -> float:
    ranked = sorted(values)
    return ranked[min(len(ranked) - 1, round(p / 100 * (len(ranked) - 1)))]


def main() -> None:
    args = parse_args()
    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    articles = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    ids = [
        row[0]
        for row in conn.execute("SELECT id FROM articles ORDER BY random() LIMIT ?", (args.repeat,))
    ]
    conn.close()
    base = serve(args.db)
    pages = {
        "search: front page (all articles, facets)": ["/"] * args.repeat,
        "search: q=Khalilzad": ["/?q=Khalilzad"] * args.repeat,
        "search: q=talks AND ambassador": [
            "/?" + urllib.parse.urlencode({"q": "talks AND ambassador"})
        ]
        * args.repeat,
        "search: q=insurg* + has_quote": ["/?q=insurg*&has_quote=true"] * args.repeat,
        "search: actor=IRQ&cameo=04": ["/?actor=IRQ&cameo=04"] * args.repeat,
        "article page (random)": [f"/articles/{i}" for i in ids],
        # Not a goal of issue 14, timed to follow them: the table, chart, map and network.
        "events: all (table, chart, map, network)": ["/events"] * args.repeat,
        "events: actor=IRQ&cameo=04": ["/events?actor=IRQ&cameo=04"] * args.repeat,
    }
    print(
        f"{articles:,} articles in {args.db}; {args.repeat} fetches a page; goal p95 < {GOAL_MS} ms"
    )
    for name, paths in pages.items():
        fetch_ms(base + paths[0])  # warm the page cache once
        fetched = [fetch_ms(base + path) for path in paths]
        times = [wall for wall, _ in fetched]
        cpu = [spent for _, spent in fetched]
        p50, p95 = percentile(times, 50), percentile(times, 95)
        flag = "ok" if p95 < GOAL_MS else "OVER"
        failed = sum(FAILED.get(base + path, 0) for path in set(paths))
        print(
            f"  {name:45} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   {flag}"
            f"   cpu p50 {percentile(cpu, 50):6.1f}  p95 {percentile(cpu, 95):6.1f} ms"
            + (f"   {failed} answered 4xx (E102)" if failed else "")
        )
    print(f"  (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
