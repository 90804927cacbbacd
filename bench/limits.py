"""Benchmark: the long inputs of issue 9 through ``ingest``, with the limits per document.

    .venv/bin/python bench/limits.py [--skip-unlimited]

Builds the inputs of ``bench/long_inputs.py`` (from ``examples/``, fixed seed) and ingests each
alone, in a fresh process, into a fresh store:

- ``long-990k``: the 990,000-character article with the default limits (stored, or refused
  with E034 once it passes ``doc_timeout_s``);
- ``long-990k-unlimited``: the same with no time limit, to see what it costs whole;
- ``long-200k``: its first 200,000 characters (the cost per character of the two should be
  about the same: the ratio printed last);
- ``flat-200k``: 200,000 characters with no punctuation (sentences cut: warning W001).

Prints for each the seconds spent on the article after the model is loaded (wall clock, and
CPU of the ingest process and its workers: on a shared machine the CPU time is the steadier
figure), the peak resident memory of the ingest process and of its worker, and the outcome.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from dateline import Pipeline, Settings
from dateline.jobs import ingest
from dateline.store import Store
from long_inputs import long_article, write_inputs

CASES = {
    "long-990k": ("long-article.txt", {}),
    "long-990k-unlimited": ("long-article.txt", {"doc_timeout_s": 0}),
    "long-200k": ("long-200k.txt", {}),
    "flat-200k": ("no-punctuation.txt", {}),
}


def run_case(name: str, folder: Path) -> dict[str, Any]:
    """Ingest one input in this process; the figures as a dict."""
    file, overrides = CASES[name]
    settings = Settings.from_env(**overrides)
    pipeline = Pipeline(settings)
    pipeline.warm_up()
    src = folder / name
    src.mkdir()
    (src / file).write_bytes((folder / file).read_bytes())
    t0, cpu0 = time.perf_counter(), _cpu_s(resource.RUSAGE_SELF)
    with Store(folder / f"{name}.db") as store:
        report = ingest([src], store, pipeline, default_date="2006-05-23")
    seconds = time.perf_counter() - t0
    cpu_s = _cpu_s(resource.RUSAGE_SELF) - cpu0 + _cpu_s(resource.RUSAGE_CHILDREN)
    outcome = (
        f"stored, {report.events} events"
        if report.stored
        else "; ".join(f.reason[:6] for f in report.failures)
    )
    if report.warnings:
        outcome += " (" + "; ".join(w.reason[:6] for w in report.warnings) + ")"
    return {
        "case": name,
        "chars": len((folder / file).read_text(encoding="utf-8")),
        "seconds": round(seconds, 1),
        "cpu_s": round(cpu_s, 1),
        "parent_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024,
        "outcome": outcome,
    }


def _cpu_s(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--skip-unlimited", action="store_true")
    parser.add_argument("--case", help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        print(json.dumps(run_case(args.case, args.folder)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_inputs(folder)
        (folder / "long-200k.txt").write_text(long_article()[:200_000], encoding="utf-8")
        results: list[dict[str, Any]] = []
        for name in CASES:
            if args.skip_unlimited and name.endswith("unlimited"):
                continue
            out = subprocess.run(
                [sys.executable, __file__, "--case", name, "--folder", str(folder)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            row = json.loads(out.strip().splitlines()[-1])
            results.append(row)
            print(
                f"{row['case']:20s} {row['chars']:>9,} chars {row['seconds']:6.1f} s "
                f"(CPU {row['cpu_s']:6.1f} s)  "
                f"peak RSS: ingest {row['parent_mb']:5,} MB, worker {row['worker_mb']:5,} MB"
                f"  {row['outcome']}",
                flush=True,
            )
    by_case = {row["case"]: row for row in results}
    whole, part = by_case.get("long-990k-unlimited"), by_case.get("long-200k")
    if whole and part:
        per_char = [r["cpu_s"] / r["chars"] for r in (whole, part)]
        ratio = per_char[0] / per_char[1]
        print(f"CPU seconds per character, 990k : 200k = {ratio:.2f} (1.0 = linear)")


if __name__ == "__main__":
    main()
