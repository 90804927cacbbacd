"""Benchmark and check of the store: bytes per article, re-ingest time, a kill -9 loop.

    .venv/bin/python bench/store.py [PATH ...] [--kills N] [--seed S] [--copies K]

1. Size and re-ingest: ingests PATH (default: examples/) into a fresh store twice and prints
   each ingest's time (the second finds every text stored and parses nothing) and the store's
   bytes per article (the file after a checkpoint, divided by the articles) beside the text's.
2. Kill loop (issue 9): writes K plain-text copies of each article (a numbered first line
   makes each text its own), then starts ``dateline ingest`` on them and kills it with
   SIGKILL at a random time (seeded), N times, restarting it each time; a last run goes to
   the end. It then checks ``PRAGMA integrity_check``, that every input is stored once
   (nothing lost, nothing duplicated), and that every article reads back as an ingest
   that was never killed stores it.

Each ``dateline ingest`` run is the real command (``dateline.cli.main.app``) in a process
forked from this one once the model and dictionaries are loaded, so a run starts at once
and the kills land while it reads, parses and writes, not while it loads the model; each
run parses one article at a time (``DATELINE_BATCH_SIZE=1``), so writes fall all through
the run rather than in one burst at the end.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from common import DEFAULT_INPUTS
from dateline import Pipeline, Settings
from dateline.cli.main import app
from dateline.ingest import collect_inputs, read_file
from dateline.jobs import ingest
from dateline.model import make_article_id
from dateline.store import Store

DATE = "2006-05-23"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", default=DEFAULT_INPUTS)
    parser.add_argument("--date", default=DATE, help="date for undated articles")
    parser.add_argument("--kills", type=int, default=100, help="kills in the loop (0: none)")
    parser.add_argument("--seed", type=int, default=9, help="seed of the kill times")
    parser.add_argument("--copies", type=int, default=20, help="copies of each article killed")
    parser.add_argument(
        "--window-s", type=float, default=1.5, help="a kill comes up to this long after a start"
    )
    return parser.parse_args()


def store_bytes(db: Path) -> int:
    """The store's size once its write-ahead log is checkpointed into the file."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return db.stat().st_size


def measure_size(pipeline: Pipeline, paths: list[str], date: str, work: Path) -> None:
    db = work / "size.db"
    times = []
    for _ in range(2):
        t0 = time.perf_counter()
        with Store(db) as store:
            report = ingest(paths, store, pipeline, default_date=date)
        times.append(time.perf_counter() - t0)
        if report.failures:
            print(f"  {len(report.failures)} failures, e.g. {report.failures[0]}")
    with Store(db) as store:
        articles = store.count("articles")
        text_bytes = store.conn.execute(
            "SELECT COALESCE(SUM(LENGTH(CAST(text AS BLOB))), 0) FROM articles"
        ).fetchone()[0]
    size = store_bytes(db)
    Store(work / "empty.db").close()
    empty = store_bytes(work / "empty.db")
    n = max(articles, 1)
    per, beyond, text_per = size / n, (size - empty) / n, text_bytes / n
    print(f"store: {articles} articles from {', '.join(paths)}")
    print(f"  first ingest {times[0]:.2f} s, second ingest {times[1]:.2f} s (parses nothing)")
    print(
        f"  {size:,} bytes: {per:,.0f} bytes of store per article ({beyond:,.0f} beyond the "
        f"empty store's {empty:,}), {text_per:,.0f} bytes of text per article "
        f"(store/text {per / max(text_per, 1):.1f}x)"
    )


# --- the kill loop ---------------------------------------------------------------------------


def write_copies(pipeline: Pipeline, paths: list[str], date: str, copies: int, out: Path) -> None:
    """K plain-text copies of each article of ``paths``, each text made its own by its number."""
    files, _ = collect_inputs(paths)
    articles = [a for f in files for a in read_file(f, settings=pipeline.settings)]
    out.mkdir()
    for i, article in enumerate(articles):
        for k in range(copies):
            body = f"{article.title or ''}\n\n{article.text}\n\nDispatch {k + 1} ends here.\n"
            (out / f"{i:03d}-{k:02d}.txt").write_text(body, encoding="utf-8")
    written, _ = collect_inputs([out])
    texts = {make_article_id(a.text) for f in written for a in read_file(f)}
    if len(texts) != len(articles) * copies:
        raise SystemExit(f"the copies in {out} are not all different texts")


def start_ingest(folder: Path, db: Path, date: str) -> int:
    """``dateline ingest FOLDER --db DB --date DATE`` in a forked process; returns its pid."""
    pid = os.fork()
    if pid:
        return pid
    code = 1
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        app(["ingest", str(folder), "--db", str(db), "--date", date], standalone_mode=False)
        code = 0
    finally:
        os._exit(code)


@dataclass
class KillLoop:
    kills: int = 0
    finished: int = 0
    integrity: str = ""
    inputs: int = 0
    stored: int = 0
    lost: int = 0
    extra: int = 0
    differing: int = 0


def kill_loop(
    folder: Path, db: Path, date: str, kills: int, seed: int, window_s: float
) -> KillLoop:
    """Start, kill -9 at a random time, restart, ``kills`` times; then a run to the end."""
    rng = random.Random(seed)
    result = KillLoop()
    while result.kills < kills and result.kills + result.finished < 20 * kills:
        pid = start_ingest(folder, db, date)
        time.sleep(rng.uniform(0, window_s))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
            result.kills += 1
        else:
            result.finished += 1
    os.waitpid(start_ingest(folder, db, date), 0)
    return result


def check(result: KillLoop, pipeline: Pipeline, folder: Path, db: Path, date: str) -> None:
    """Integrity, every input stored once, and each article as an uninterrupted ingest has it."""
    files, _ = collect_inputs([folder])
    expected = {make_article_id(a.text) for f in files for a in read_file(f)}
    reference = db.with_name("reference.db")
    with Store(reference) as store:
        ingest([folder], store, pipeline, default_date=date)
    with Store(db) as store, Store(reference) as ref:
        result.integrity = store.conn.execute("PRAGMA integrity_check").fetchone()[0]
        stored = [r[0] for r in store.conn.execute("SELECT id FROM articles")]
        result.inputs, result.stored = len(expected), len(stored)
        result.lost = len(expected - set(stored))
        result.extra = len(stored) - len(set(stored) & expected)
        result.differing = sum(store.article(i) != ref.article(i) for i in expected)


def main() -> None:
    args = parse_args()
    # Every run, here and in the forked ingests, parses one article at a time.
    os.environ["DATELINE_BATCH_SIZE"] = "1"
    pipeline = Pipeline(Settings.from_env())
    pipeline.warm_up()
    with tempfile.TemporaryDirectory(prefix="dateline-bench-store-") as tmp:
        work = Path(tmp)
        measure_size(pipeline, args.paths, args.date, work)
        if args.kills <= 0:
            return
        folder, db = work / "inputs", work / "killed.db"
        write_copies(pipeline, args.paths, args.date, args.copies, folder)
        t0 = time.perf_counter()
        result = kill_loop(folder, db, args.date, args.kills, args.seed, args.window_s)
        check(result, pipeline, folder, db, args.date)
        ok = (
            result.integrity == "ok"
            and result.lost == result.extra == result.differing == 0
            and result.stored == result.inputs
        )
        print(
            f"kill -9 loop (seed {args.seed}, {time.perf_counter() - t0:.0f} s): "
            f"{result.kills} kills, {result.finished} runs ended before their kill; "
            f"integrity_check {result.integrity}; {result.stored} of {result.inputs} inputs "
            f"stored once, {result.lost} lost, {result.extra} extra, {result.differing} unlike "
            f"an uninterrupted ingest: {'OK' if ok else 'FAILED'}"
        )


if __name__ == "__main__":
    main()
