"""Benchmark: the whole pipeline against the bare spaCy pass, on the same articles, in one run.

    .venv/bin/python bench/pipeline.py [PATH ...] [--repeat N]

Prints docs/s and tokens/s of the bare ``nlp.pipe`` pass and of ``Pipeline.process``, their
ratio, and the share of each stage after the parse (actors, times, places, quotations, coder,
context) measured on the same parsed docs. Default inputs: ``examples/``.
"""

from __future__ import annotations

import time

from common import fresh_copies, load_articles, parse_args, time_passes
from dateline import Pipeline, Settings
from dateline.events.coder import code_events
from dateline.events.context import attach_context
from dateline.places import find_places
from dateline.quotes import find_quotes
from dateline.timex import find_times


def main() -> None:
    args = parse_args(__doc__)

    pipeline = Pipeline(Settings.from_env())
    t0 = time.perf_counter()
    pipeline.warm_up()
    load_s = time.perf_counter() - t0

    base = load_articles(args.paths, args.date)
    articles = base * args.repeat
    passes = time_passes(pipeline, base, articles)
    docs, done, bare_s, full_s = passes.docs, passes.done, passes.bare_s, passes.full_s
    n_tokens = sum(len(d) for d in docs)

    # Stage by stage, on the parsed docs.
    stages: dict[str, float] = dict.fromkeys(
        ("actors", "times", "places", "quotes", "coder", "context"), 0.0
    )
    for article, doc in zip(fresh_copies(articles), docs, strict=True):
        t = time.perf_counter()
        article.mentions = pipeline.actors.find_mentions(article, doc)
        stages["actors"] += time.perf_counter() - t
        t = time.perf_counter()
        article.times = find_times(article, doc)
        stages["times"] += time.perf_counter() - t
        t = time.perf_counter()
        article.places = find_places(article, doc, pipeline.gazetteer)
        stages["places"] += time.perf_counter() - t
        t = time.perf_counter()
        article.quotes = find_quotes(article, doc, article.mentions)
        stages["quotes"] += time.perf_counter() - t
        t = time.perf_counter()
        article.events = code_events(
            article, doc, article.mentions, pipeline.verbs, pipeline.actors, pipeline.settings
        )
        stages["coder"] += time.perf_counter() - t
        t = time.perf_counter()
        attach_context(article, doc, pipeline.gazetteer.iso3_to_iso2)
        stages["context"] += time.perf_counter() - t

    n = len(articles)
    print(f"inputs: {len(base)} articles x {args.repeat} = {n} docs, {n_tokens:,} tokens")
    print(f"resources loaded in {load_s:.2f} s")
    for label, seconds in (("bare nlp.pipe", bare_s), ("Pipeline.process", full_s)):
        print(
            f"{label:18s} {seconds:7.2f} s  {n / seconds:7.1f} docs/s"
            f"  {n_tokens / seconds:8.0f} tok/s"
        )
    n_events = sum(len(a.events) for a in done)
    print(f"ratio full / bare: {full_s / bare_s:.3f}  ({n_events} events)")
    print(
        f"CPU time: bare {passes.bare_cpu_s:.2f} s, full {passes.full_cpu_s:.2f} s;"
        f" docs/s ratio full / bare {passes.bare_cpu_s / passes.full_cpu_s:.3f}"
    )
    for name, seconds in stages.items():
        print(
            f"  stage {name:8s} {seconds:7.3f} s  = {100 * seconds / bare_s:5.1f}% of the bare pass"
        )
    tqp = stages["times"] + stages["places"] + stages["quotes"] + stages["context"]
    print(f"times+places+quotes+context: {100 * tqp / bare_s:.1f}% of the bare pass (goal <= 15%)")
    coder = stages["actors"] + stages["coder"]
    print(f"actors+coder: {100 * coder / bare_s:.1f}% of the bare pass (goal <= 10%)")


if __name__ == "__main__":
    main()
