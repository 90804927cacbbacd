"""Benchmark: the cold start of ``dateline extract`` on one article (issue 15: at most 3 s).

    .venv/bin/python bench/coldstart.py [--runs 7] [PATH]

Runs, in fresh processes and in turn (so that a busy moment falls on all of them alike):

- ``import spacy``: the floor every entry point pays;
- ``spacy.load``: the bare model as spaCy ships it (``import spacy; spacy.load(name)``);
- ``dateline extract``: the command on one article (``examples/000_...txt`` by default),
  its JSON thrown away (/dev/null).

The commands run with Python's bytecode cache on (``PYTHONDONTWRITEBYTECODE`` is dropped
from their environment; the untimed first run writes it), as an installed package has it:
without it every start compiles dateline's ~120 modules again (about 0.5 s of CPU).

Prints for each the median, lowest and highest over the runs of the wall clock and of the
CPU time (user + system of the process and its children: on a shared machine the CPU time
is the steadier figure), the load average before and after, and the ratio of the command
to the bare ``spacy.load`` (medians of the same runs).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from dateline import Settings

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ARTICLE = ROOT / "examples" / "000_0606c9bc127a92b0.txt"


def commands(article: Path, model: str) -> dict[str, list[str]]:
    """The commands timed, by name."""
    python = sys.executable
    dateline = str(Path(python).with_name("dateline"))
    return {
        "import spacy": [python, "-c", "import spacy"],
        "spacy.load": [python, "-c", f"import spacy; spacy.load({model!r})"],
        "dateline extract": [dateline, "extract", str(article)],
    }


def run_once(argv: list[str]) -> tuple[float, float]:
    """Wall clock and CPU time (user + system, with children) of one run of ``argv``."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    stderr = proc.stderr.read() if proc.stderr else b""
    if proc.returncode != 0:
        sys.exit(f"{argv[0]} failed ({proc.returncode}): {stderr.decode(errors='replace')}")
    return wall, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", type=Path, default=DEFAULT_ARTICLE)
    parser.add_argument("--runs", type=int, default=7, help="runs of each command")
    args = parser.parse_args()
    model = Settings.from_env().spacy_model
    todo = commands(args.article, model)
    load_before = os.getloadavg()
    for argv in todo.values():  # once untimed: the files in the page cache
        run_once(argv)
    walls: dict[str, list[float]] = {name: [] for name in todo}
    cpus: dict[str, list[float]] = {name: [] for name in todo}
    for _ in range(args.runs):
        for name, argv in todo.items():
            wall, cpu = run_once(argv)
            walls[name].append(wall)
            cpus[name].append(cpu)
    load_after = os.getloadavg()
    print(f"cold start, {args.runs} runs each, {os.cpu_count()} CPUs, article {args.article.name}")
    print(f"load average before {_load(load_before)}, after {_load(load_after)}")
    print(f"{'':18} {'wall median':>11} {'(min-max)':>13} {'CPU median':>11} {'(min-max)':>13}")
    for name in todo:
        w, c = walls[name], cpus[name]
        print(
            f"{name:18} {statistics.median(w):10.2f}s {min(w):5.2f}-{max(w):5.2f}s "
            f"{statistics.median(c):10.2f}s {min(c):5.2f}-{max(c):5.2f}s"
        )
    # Each run's ratio to the spacy.load run beside it, then their median: a busy moment
    # weighs on both runs of a pair.
    ratio_wall = _median_ratio(walls["dateline extract"], walls["spacy.load"])
    ratio_cpu = _median_ratio(cpus["dateline extract"], cpus["spacy.load"])
    print(
        "dateline extract / spacy.load, median of the pairs: "
        f"wall {ratio_wall:.2f}x, CPU {ratio_cpu:.2f}x"
    )


def _median_ratio(a: list[float], b: list[float]) -> float:
    return statistics.median(x / y for x, y in zip(a, b, strict=True))


def _load(avg: tuple[float, float, float]) -> str:
    return " ".join(f"{x:.2f}" for x in avg)


if __name__ == "__main__":
    main()
