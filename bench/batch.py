"""Benchmark of batch mode (issue 15), in one run:

    .venv/bin/python bench/batch.py [--articles N] [--workers 1 2] [--soak N --every K]

1. A corpus of N varied articles (``build_corpus``): examples/, and, when it lies beside the
   clone, the texts of ../shared/data (measuring only: nothing of it is shipped or kept).
2. The bare ``nlp.pipe`` pass (the model as spaCy ships it, ``common.bare_nlp``),
   ``Pipeline.process`` and the path batch mode takes (each article in the forked worker with
   the limits, ``process_guarded``) on the same articles, taking turns chunk by chunk over
   ``--rounds`` rounds: docs/s and the ratios, wall clock and CPU time, median of the rounds.
3. ``dateline batch`` (``run_batch``) on a Dask LocalCluster of 1 and of 2 workers, the
   wall time, docs/s and their ratio, and the peak RSS of each worker (the Dask worker
   process with the forked child that parses, sampled every 0.2 s).
4. With ``--soak N``: N articles through one long-lived coding worker, printing its RSS
   every ``--every`` articles (flat memory: ``nlp.memory_zone`` around each article).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import shutil
import statistics
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psutil

from common import ROOT, bare_nlp, fresh_copies
from dateline import Pipeline, Settings
from dateline.batch.dask import run_batch
from dateline.ingest import read_file
from dateline.model import Article
from dateline.worker import process_guarded

SHARED = ROOT.parent / "shared" / "data"
DATE = "2016-09-12"


def _source_texts() -> list[str]:
    """Article texts: examples/, then the shared data's news texts when present."""
    paths = [p for p in sorted((ROOT / "examples").iterdir()) if p.suffix in {".txt", ".html"}]
    if SHARED.is_dir():
        paths += sorted((SHARED / "events" / "texts").glob("*.txt"))
        paths += sorted((SHARED / "quotes" / "polnear-dev").glob("*.txt"))
    texts = []
    for path in paths:
        try:
            texts += [a.text for a in read_file(path)]
        except Exception:
            continue
    return [t for t in texts if len(t.split()) >= 150]


def build_corpus(folder: Path, n_articles: int, per_file: int, seed: int = 15) -> list[str]:
    """``n_articles`` varied articles as JSON Lines files of ``per_file`` records in
    ``folder``: the source texts in turn, each copy after the first with its paragraphs
    shuffled and one left out, so no two texts are the same."""
    rng = random.Random(seed)
    sources = _source_texts()
    texts: list[str] = []
    for i in range(n_articles):
        text = sources[i % len(sources)]
        if i >= len(sources):
            paragraphs = [p for p in text.split("\n\n") if p.strip()]
            rng.shuffle(paragraphs)
            if len(paragraphs) > 2:
                paragraphs.pop(rng.randrange(len(paragraphs)))
            text = "\n\n".join(paragraphs)
        texts.append(text)
    folder.mkdir(parents=True, exist_ok=True)
    for start in range(0, n_articles, per_file):
        lines = [
            json.dumps({"id": f"a{i}", "text": t, "date": DATE})
            for i, t in enumerate(texts[start : start + per_file], start)
        ]
        with gzip.open(folder / f"corpus-{start // per_file:04d}.jsonl.gz", "wt") as f:
            f.write("\n".join(lines) + "\n")
    return texts


class RssSampler:
    """Samples the RSS of every descendant of this process every ``interval_s``: the peak
    of each Dask worker with the forked children below it."""

    def __init__(self, interval_s: float = 0.2) -> None:
        self.interval_s = interval_s
        self.peaks: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.wait(self.interval_s):
            try:
                # LocalCluster: this process -> nannies -> workers -> forked coding children.
                workers = [w for nanny in me.children() for w in nanny.children()]
            except psutil.Error:
                continue
            for worker in workers:
                try:
                    group = [worker, *worker.children(recursive=True)]
                    rss = sum(p.memory_info().rss for p in group) // (1024 * 1024)
                except psutil.Error:
                    continue
                self.peaks[worker.pid] = max(self.peaks.get(worker.pid, 0), rss)


def in_process(pipeline: Pipeline, articles: list[Article], rounds: int) -> None:
    """Bare parse, Pipeline.process and process_guarded on the same articles.

    On a machine shared with other jobs a whole pass of one path, then of the next, meets
    other loads: the three paths take turns on chunks of ``_CHUNK`` articles instead (each
    chunk in another order), and each round's ratio is the ratio of its totals. Prints the
    wall clock and this process's CPU time (the forked path's children are counted too),
    per round and their median."""
    nlp = bare_nlp(pipeline)
    list(nlp.pipe([a.text for a in articles[:4]]))
    list(pipeline.process(fresh_copies(articles[:4])))
    size = pipeline.settings.batch_size
    paths = {
        "bare nlp.pipe": lambda chunk: list(nlp.pipe([a.text for a in chunk], batch_size=size)),
        "Pipeline.process": lambda chunk: list(pipeline.process(fresh_copies(chunk))),
        "process_guarded": lambda chunk: list(process_guarded(pipeline, fresh_copies(chunk))),
    }
    names = list(paths)
    per_round: list[dict[str, tuple[float, float]]] = []
    for r in range(rounds):
        wall = dict.fromkeys(names, 0.0)
        cpu = dict.fromkeys(names, 0.0)
        for c, start in enumerate(range(0, len(articles), _CHUNK)):
            chunk = articles[start : start + _CHUNK]
            turn = (c + r) % len(names)
            for name in names[turn:] + names[:turn]:
                t0, c0 = time.perf_counter(), _cpu_s()
                paths[name](chunk)
                wall[name] += time.perf_counter() - t0
                cpu[name] += _cpu_s() - c0
        per_round.append({name: (wall[name], cpu[name]) for name in names})
    n = len(articles)
    words = sum(len(a.text.split()) for a in articles)
    print(f"in one process: {n} articles, {words / n:.0f} words each on average, {rounds} rounds")
    for name in names:
        w = statistics.median(t[name][0] for t in per_round)
        c = statistics.median(t[name][1] for t in per_round)
        print(f"  {name:18s} {w:7.2f} s {n / w:6.2f} docs/s   CPU {c:7.2f} s {n / c:6.2f} docs/s")
    bare = names[0]
    for name in names[1:]:
        walls = [t[bare][0] / t[name][0] for t in per_round]
        cpus = [t[bare][1] / t[name][1] for t in per_round]
        print(
            f"  docs/s ratio {name} / bare: wall {statistics.median(walls):.3f}"
            f" ({', '.join(f'{x:.3f}' for x in walls)}), CPU {statistics.median(cpus):.3f}"
            f" ({', '.join(f'{x:.3f}' for x in cpus)})"
        )


# Articles each path codes in turn (in_process).
_CHUNK = 16


def _cpu_s() -> float:
    """CPU time of this process and of its children that have ended (the forked workers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def on_dask(settings: Settings, corpus: Path, n: int, workers: list[int]) -> None:
    """``run_batch`` on LocalClusters of each size in ``workers``; docs/s and their ratio."""
    rates: dict[int, float] = {}
    for count in workers:
        out = Path(tempfile.mkdtemp(prefix=f"dateline-bench-{count}w-"))
        shutil.rmtree(out)
        with RssSampler() as sampler:
            t0 = time.perf_counter()
            report = run_batch([corpus], out, settings, workers=count)
            wall = time.perf_counter() - t0
        coded = report.total("articles")
        rates[count] = coded / wall
        peaks = ", ".join(f"{mb} MB" for mb in sorted(sampler.peaks.values(), reverse=True)[:count])
        print(
            f"dask {count} worker(s): {coded} articles, {report.total('events')} events in "
            f"{wall:.1f} s wall = {coded / wall:.2f} docs/s; peak RSS per worker (with its "
            f"child): {peaks}"
        )
        shutil.rmtree(out)
    if len(rates) == 2:
        one, two = (rates[c] for c in sorted(rates))
        print(f"dask {max(rates)} / {min(rates)} workers docs/s ratio: {two / one:.2f}")


def soak(pipeline: Pipeline, articles: list[Article], total: int, every: int) -> None:
    """``total`` articles through one process_guarded worker (one shard), RSS every ``every``."""

    def stream() -> Iterator[Article]:
        for i in range(total):
            yield fresh_copies([articles[i % len(articles)]])[0]

    me = psutil.Process()
    print(f"soak: {total} articles, RSS of the coding child and of this process")
    t0 = time.perf_counter()
    for done, _article in enumerate(process_guarded(pipeline, stream()), 1):
        if done % every == 0:
            children = me.children()
            child = sum(c.memory_info().rss for c in children) // (1024 * 1024)
            parent = me.memory_info().rss // (1024 * 1024)
            rate = done / (time.perf_counter() - t0)
            print(f"  {done:7d} articles  child {child:5d} MB  parent {parent:5d} MB  {rate:.2f}/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=400, help="corpus size")
    parser.add_argument("--per-file", type=int, default=25, help="articles per JSONL shard")
    parser.add_argument("--in-process", type=int, default=120, help="articles timed in-process")
    parser.add_argument("--rounds", type=int, default=3, help="in-process rounds (median)")
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    parser.add_argument("--soak", type=int, default=0, help="articles of the soak (0: none)")
    parser.add_argument("--every", type=int, default=5000, help="soak: print RSS every N")
    args = parser.parse_args()

    settings = Settings.from_env()
    with tempfile.TemporaryDirectory(prefix="dateline-corpus-") as tmp:
        corpus = Path(tmp) / "corpus"
        texts = build_corpus(corpus, args.articles, args.per_file)
        print(f"corpus: {len(texts)} articles in {len(list(corpus.iterdir()))} JSONL files")
        pipeline = Pipeline(settings)
        pipeline.warm_up()
        articles = [a for f in sorted(corpus.iterdir()) for a in read_file(f)]
        if args.in_process:
            in_process(pipeline, articles[: args.in_process], args.rounds)
        if args.workers:
            on_dask(settings, corpus, len(texts), args.workers)
        if args.soak:
            soak(pipeline, articles, args.soak, args.every)


if __name__ == "__main__":
    main()
