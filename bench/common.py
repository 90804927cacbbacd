"""What the benchmarks share: the same articles for every pass, fresh for each."""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from dateline import Pipeline
from dateline.ingest import collect_inputs, read_file
from dateline.model import Article
from dateline.nlp import load_nlp
from dateline.pipeline import with_date

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUTS = [str(ROOT / "examples")]


def load_articles(paths: list[str], date: str) -> list[Article]:
    """The articles of ``paths``; those without a publication date get ``date``."""
    files, _ = collect_inputs(paths)
    articles = [a for f in files for a in read_file(f)]
    for article in articles:
        if article.published is None:
            with_date(article, date)
    return articles


def bare_nlp(pipeline: Pipeline) -> Language:
    """The bare spaCy pass the benchmarks measure dateline against: the model as spaCy ships
    it (its own ``attribute_ruler`` and NER on every sentence), with dateline's sentence hints
    and limit before the parser, as ``pipeline.nlp`` has them."""
    settings = pipeline.settings
    return load_nlp(settings.spacy_model, settings.max_sentence_tokens, stock=True)


def fresh_copies(articles: list[Article]) -> list[Article]:
    """Fresh Article objects (the stages fill them in place)."""
    return [replace(a, mentions=[], places=[], times=[], quotes=[], events=[]) for a in articles]


def parse_args(description: str | None) -> argparse.Namespace:
    """The options every benchmark takes: inputs, passes, date of undated articles."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("paths", nargs="*", default=DEFAULT_INPUTS)
    parser.add_argument("--repeat", type=int, default=5, help="passes over the inputs")
    parser.add_argument("--date", default="2006-05-23", help="date for undated articles")
    return parser.parse_args()


@dataclass
class Passes:
    """The bare spaCy pass and the whole pipeline on the same articles, best of two each
    (wall clock and CPU time of this process)."""

    docs: list[Doc]
    done: list[Article]
    bare_s: float
    full_s: float
    bare_cpu_s: float = 0.0
    full_cpu_s: float = 0.0


def time_passes(pipeline: Pipeline, base: list[Article], articles: list[Article]) -> Passes:
    """Warm both paths, then alternate bare and full passes (bare, full, bare, full) and keep
    each one's best time, so that neither gains from running second on a busy machine."""
    texts = [a.text for a in articles]
    nlp = bare_nlp(pipeline)
    list(nlp.pipe([a.text for a in base[:2]]))
    list(pipeline.process(fresh_copies(base[:2])))
    bare_s = full_s = bare_cpu_s = full_cpu_s = float("inf")
    docs: list[Doc] = []
    done: list[Article] = []
    for _ in range(2):
        t0, c0 = time.perf_counter(), time.process_time()
        docs = list(nlp.pipe(texts, batch_size=pipeline.settings.batch_size))
        bare_s = min(bare_s, time.perf_counter() - t0)
        bare_cpu_s = min(bare_cpu_s, time.process_time() - c0)
        t0, c0 = time.perf_counter(), time.process_time()
        done = list(pipeline.process(fresh_copies(articles)))
        full_s = min(full_s, time.perf_counter() - t0)
        full_cpu_s = min(full_cpu_s, time.process_time() - c0)
    return Passes(docs, done, bare_s, full_s, bare_cpu_s, full_cpu_s)
