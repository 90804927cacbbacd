"""Search pages of two versions of dateline on the bench store, in turns (issue 13).

    .venv/bin/python bench/archive_ab.py --before SRC DB --after SRC DB [--repeat R]

Each side is a process running ``Store.page`` of the searches of ``bench/archive.py`` (and
of searches beside article filters) with the sources at SRC (a checkout's ``src``) on the
store DB (a copy at that version's schema). Each query runs on one side, then on the other
(the first side alternating), so that both meet the same load of a shared machine. Prints
p50 and p95 of the wall clock and of the CPU time of each query on each side, and the
totals (a query stopped by the time limit shows its error).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from archive import SEARCHES, percentile

QUERIES: dict[str, dict[str, Any]] = {name: {"q": q} for name, q in SEARCHES.items()} | {
    "q=secret&anonymous=false&actor=AFG": {"q": "secret", "anonymous": False, "actor": "AFG"},
    "q=helicopter&plover=ASSAULT": {"q": "helicopter", "plover": "ASSAULT"},
}

# What each side's process runs: one page a line of JSON filters read, one line answered.
WORKER = """
import json, sys, time
from dateline import Settings
from dateline.store import ArticleQuery, Store
store = Store(sys.argv[1], read_only=True, settings=Settings.from_env())
for line in sys.stdin:
    t0, c0 = time.perf_counter(), time.process_time()
    try:
        total = store.page(ArticleQuery(**json.loads(line))).total
    except Exception as e:
        total = str(e)[:12]
    wall, cpu = (time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000
    print(json.dumps([wall, cpu, total]), flush=True)
"""


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", nargs=2, type=Path, metavar=("SRC", "DB"), required=True)
    parser.add_argument("--after", nargs=2, type=Path, metavar=("SRC", "DB"), required=True)
    parser.add_argument("--repeat", type=int, default=30, help="runs of each query on each side")
    return parser.parse_args()


class Side:
    def __init__(self, src: Path, db: Path) -> None:
        env = dict(os.environ, PYTHONPATH=str(src))
        self.process = subprocess.Popen(
            [sys.executable, "-c", WORKER, str(db)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )

    def page(self, filters: dict[str, Any]) -> tuple[float, float, object]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps(filters) + "\n")
        self.process.stdin.flush()
        wall, cpu, total = json.loads(self.process.stdout.readline())
        return wall, cpu, total

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait()


def main() -> None:
    args = parse_args()
    sides = {"before": Side(*args.before), "after": Side(*args.after)}
    times: dict[str, dict[str, list[tuple[float, float]]]] = {
        side: {name: [] for name in QUERIES} for side in sides
    }
    totals: dict[tuple[str, str], object] = {}
    for side in sides.values():  # each query once first, untimed
        for filters in QUERIES.values():
            side.page(filters)
    for run in range(args.repeat):
        order = ("before", "after") if run % 2 == 0 else ("after", "before")
        for name, filters in QUERIES.items():
            for side in order:
                wall, cpu, total = sides[side].page(filters)
                times[side][name].append((wall, cpu))
                totals[(side, name)] = total
    for side in sides.values():
        side.close()
    print(f"{args.repeat} runs of each query on each side, in turns")
    print(f"{'':36} {'rows':>7}  wall p50/p95 before -> after    CPU p50/p95 before -> after")
    for name in QUERIES:
        cells = []
        for what in (0, 1):
            before = [t[what] for t in times["before"][name]]
            after = [t[what] for t in times["after"][name]]
            cells.append(
                f"{percentile(before, 50):5.1f}/{percentile(before, 95):5.1f} -> "
                f"{percentile(after, 50):5.1f}/{percentile(after, 95):5.1f}"
            )
        total, before_total = totals[("after", name)], totals[("before", name)]
        other = "" if before_total == total else f"  (before: {before_total})"
        print(f"{name:36} {total!s:>7}  {cells[0]}  {cells[1]}{other}")
    for side in sides:
        wall = [t[0] for name in SEARCHES for t in times[side][name]]
        cpu = [t[1] for name in SEARCHES for t in times[side][name]]
        print(
            f"  the {len(SEARCHES)} searches, {side:6}: wall p50 {percentile(wall, 50):.1f}"
            f" p95 {percentile(wall, 95):.1f} ms; CPU p50 {percentile(cpu, 50):.1f}"
            f" p95 {percentile(cpu, 95):.1f} ms"
        )
    print(f"  (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
