"""The main job: read inputs, run the pipeline, write the store; failures recorded, not fatal."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date as _date
from itertools import chain
from pathlib import Path

from .errors import E_SAME_TEXT_FAILED, DatelineError, InputError, StoreError
from .ingest import collect_inputs, read_file
from .model import Article, make_article_id
from .pipeline import Failure, Pipeline, with_date
from .provenance import coding_run
from .settings import Settings
from .store import Store
from .worker import process_guarded


@dataclass
class IngestReport:
    """What an ingest did: counts, and every failure with its reason."""

    files: int = 0
    articles: int = 0
    stored: int = 0
    unchanged: int = 0
    events: int = 0
    not_coded_language: int = 0  # stored, but in a language the model does not code
    failures: list[Failure] = field(default_factory=list)
    # Articles stored with a warning (a limit changed how they were read), and the warning.
    warnings: list[Failure] = field(default_factory=list)


def read_articles(
    files: Sequence[Path],
    report: IngestReport,
    *,
    settings: Settings | None = None,
    default_date: str | _date | None = None,
    on_file: Callable[[Path], None] | None = None,
) -> Iterator[Article]:
    """Articles from ``files``; unreadable files and JSONL records go to ``report.failures``."""
    for path in files:
        errors: list[InputError] = []
        try:
            articles = read_file(path, settings=settings, errors=errors)
        except InputError as e:
            report.failures.append(Failure(str(path), e.reason))
            articles = []
        except (OSError, DatelineError) as e:
            report.failures.append(Failure(str(path), str(e)))
            articles = []
        report.failures.extend(Failure(e.path, e.reason) for e in errors)
        for article in articles:
            if article.published is None:
                with_date(article, default_date)
            yield article
        if on_file:
            on_file(path)


def ingest(
    paths: Sequence[str | Path],
    store: Store,
    pipeline: Pipeline,
    *,
    default_date: str | _date | None = None,
    replace: bool = False,
    on_start: Callable[[int], None] | None = None,
    on_file: Callable[[Path], None] | None = None,
    warm_up: bool = False,
) -> IngestReport:
    """Ingest files and folders into ``store``: one transaction per article.

    ``default_date`` is the publication date of articles that give none of their own.
    An article whose text is already stored is not parsed again, unless ``replace`` is set:
    the URL or record id it was found at is added to the stored one.
    ``on_start`` gets the number of files found, ``on_file`` each file once it is read.
    With ``warm_up``, ``pipeline.warm_up()`` runs before the first parse; the model is not
    loaded at all when every text is stored already.
    """
    files, missing = collect_inputs(paths)
    if on_start:
        on_start(len(files))
    report = IngestReport(files=len(files))
    report.failures.extend(Failure(name, reason) for name, reason in missing)

    def record(article: Article, error: Exception) -> None:
        report.failures.append(Failure(article.source_path or article.id, f"{error}"))

    articles = read_articles(
        files, report, settings=pipeline.settings, default_date=default_date, on_file=on_file
    )

    # Identity is checked before the parse (issue 9): a text already stored is not parsed
    # again, only the URL it was found at is recorded; a text met twice in this run is
    # parsed once, and its second copy linked once the first is stored.
    parsing: set[str] = set()
    again: list[Article] = []

    def new_only() -> Iterator[Article]:
        for article in articles:
            report.articles += 1
            if not replace and store.link_if_stored(article):
                report.unchanged += 1
                continue
            text_id = make_article_id(article.text)
            if text_id in parsing:
                again.append(article)
                continue
            parsing.add(text_id)
            yield article

    # Each article in a worker process with the limits per document (issue 9); the model
    # is loaded only when some text needs parsing.
    to_parse = new_only()
    first = next(to_parse, None)
    if first is not None and warm_up:
        pipeline.warm_up()
    parsed = process_guarded(pipeline, chain([first], to_parse), on_error=record) if first else ()
    run = coding_run(pipeline.settings)  # each article points to what coded it (schema 8)
    for article in parsed:
        try:
            if store.write_article(article, replace=replace, run=run):
                report.stored += 1
                report.events += len(article.events)
                report.not_coded_language += not pipeline.codes(article)
                name = article.source_path or article.id
                report.warnings.extend(Failure(name, w) for w in article.warnings)
            else:
                report.unchanged += 1
        except DatelineError as e:
            record(article, e)
    for article in again:
        try:
            if store.link_if_stored(article):
                report.unchanged += 1
            else:
                record(article, StoreError(E_SAME_TEXT_FAILED))
        except DatelineError as e:
            record(article, e)
    return report
