"""``dateline extract PATH|-``: one article (or a folder of them) to JSON, JSONL or a table."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

import typer

from ..errors import DatelineError, InputError
from ..ingest import collect_inputs, read_file, read_input
from ..model import Article
from ..pipeline import Failure, Pipeline
from ..worker import process_guarded
from .common import console, err_console, event_table, fail, make_settings


class ExtractFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


def extract_paths(
    paths: list[str],
    pipeline: Pipeline,
    *,
    date: str | None = None,
    url: str | None = None,
) -> tuple[list[Article], list[Failure]]:
    """Read and process every article of ``paths`` ("-" is standard input)."""
    articles: list[Article] = []
    failures: list[Failure] = []
    if paths == ["-"]:
        data = sys.stdin.buffer.read()
        try:
            articles.append(
                read_input(data, name="<stdin>", url=url, date=date, settings=pipeline.settings)
            )
        except InputError as e:
            failures.append(Failure(e.path, e.reason))
    else:
        files, missing = collect_inputs(paths)
        failures += [Failure(name, reason) for name, reason in missing]
        for path in files:
            errors: list[InputError] = []
            try:
                articles += read_file(
                    path, date=date, url=url, settings=pipeline.settings, errors=errors
                )
            except InputError as e:
                errors.append(e)
            failures += [Failure(e.path, e.reason) for e in errors]

    def record(article: Article, error: Exception) -> None:
        failures.append(Failure(article.source_path or article.id, str(error)))

    # The limits per document apply as in ingest: each article in a worker process.
    done = list(process_guarded(pipeline, articles, on_error=record))
    return done, failures


def extract_cli(
    paths: Annotated[list[str], typer.Argument(help="Files or folders, or - for standard input.")],
    date: Annotated[
        str | None,
        typer.Option(help="Publication date YYYY-MM-DD (overrides any found in the article)."),
    ] = None,
    url: Annotated[str | None, typer.Option(help="The article's URL.")] = None,
    format: Annotated[ExtractFormat, typer.Option("--format", "-f")] = ExtractFormat.json,
    spacy_model: Annotated[
        str | None, typer.Option(help="spaCy pipeline to load (DATELINE_SPACY_MODEL).")
    ] = None,
) -> None:
    """Extract actors, quotations, times, places and coded events from articles."""
    settings = make_settings(spacy_model=spacy_model)
    try:
        articles, failures = extract_paths(paths, Pipeline(settings), date=date, url=url)
    except DatelineError as e:
        fail(str(e))
        return
    for failure in failures:
        err_console.print(f"[red]error[/red]: {failure.name}: {failure.reason}", highlight=False)
    if format is ExtractFormat.json:
        objs = [a.to_json() for a in articles]
        if len(objs) == 1:
            sys.stdout.write(json.dumps(objs[0], ensure_ascii=False, indent=2) + "\n")
        elif objs:
            sys.stdout.write(json.dumps(objs, ensure_ascii=False, indent=2) + "\n")
    elif format is ExtractFormat.jsonl:
        for article in articles:
            sys.stdout.write(json.dumps(article.to_json(), ensure_ascii=False) + "\n")
    else:
        for article in articles:
            head = article.title or article.source_path or article.id
            events = article.to_json()["events"]
            console.print(event_table(events, title=head, show_article=False))
    if failures:
        raise typer.Exit(min(len(failures), 100))
