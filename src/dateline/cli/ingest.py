"""``dateline ingest PATH...``: files and folders into the SQLite store, with a summary."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..errors import DatelineError
from ..ingest.jsonl import DATE_FIELDS, HTML_FIELDS, TEXT_FIELDS
from ..ingest.lexicon import GZIP_SUFFIXES, HTML_SUFFIXES, JSONL_SUFFIXES
from ..jobs import ingest
from ..pipeline import Pipeline
from ..settings import Settings
from ..store import Store
from .common import (
    check_date_option,
    console,
    err_console,
    exit_for_failures,
    fail,
    make_settings,
)


def _names(names: tuple[str, ...] | frozenset[str], *, quote: bool = False) -> str:
    """``a, b or c``: tuples in their own order (the readers' preference), sets sorted."""
    ordered = list(names) if isinstance(names, tuple) else sorted(names)
    if quote:
        ordered = [f'"{name}"' for name in ordered]
    return ", ".join(ordered[:-1]) + f" or {ordered[-1]}" if len(ordered) > 1 else ordered[0]


# Built from the readers' own tables, so the help says what they read. Paragraphs are one
# line each: the help printer wraps them.
INGEST_HELP = (
    "Ingest articles into the store (created if missing), one transaction per article.\n\n"
    "Reads files and folders (a folder's files, except hidden ones, READMEs and licences): "
    f"plain text, HTML ({_names(HTML_SUFFIXES)}, or sniffed from the content), JSON Lines "
    f"({_names(JSONL_SUFFIXES)}), and any of them compressed with gzip "
    f"({_names(GZIP_SUFFIXES)}).\n\n"
    "JSON Lines: one article per line, a JSON object with the article as HTML in "
    f"{_names(HTML_FIELDS, quote=True)} or as plain text in {_names(TEXT_FIELDS, quote=True)} "
    '(HTML when a record has both); optional fields: "url", "title", "outlet", "id", and '
    f"the publication date in {_names(DATE_FIELDS, quote=True)} (a record's own date and url "
    "win over --date).\n\n"
    "An article already stored is left as it is unless --replace is given."
)


def ingest_cli(
    paths: Annotated[
        list[str], typer.Argument(help="Files and folders (text, HTML, JSON Lines, .gz).")
    ],
    db: Annotated[
        str | None,
        typer.Option(
            help=f"SQLite store, created if missing (DATELINE_DB; default {Settings().db}).",
            show_default=False,
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            help="Publication date of articles that give none: YYYY, YYYY-MM or YYYY-MM-DD."
        ),
    ] = None,
    replace: Annotated[bool, typer.Option(help="Re-code articles already in the store.")] = False,
    spacy_model: Annotated[
        str | None, typer.Option(help="spaCy pipeline to load (DATELINE_SPACY_MODEL).")
    ] = None,
) -> None:
    """Ingest articles into the store (created if missing), one transaction per article."""
    date = check_date_option(date, "--date")
    settings = make_settings(spacy_model=spacy_model, db=db)
    try:
        pipeline = Pipeline(settings)
        with (
            Store(settings.db) as store,
            Progress(
                TextColumn("ingest"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=err_console,
                transient=True,
            ) as progress,
        ):
            task = progress.add_task("files", total=None)
            report = ingest(
                paths,
                store,
                pipeline,
                default_date=date,
                replace=replace,
                on_start=lambda total: progress.update(task, total=total),
                on_file=lambda _p: progress.advance(task),
                warm_up=True,
            )
    except DatelineError as e:
        fail(str(e))
        return
    not_coded = (
        f" ({report.not_coded_language} not coded: language)" if report.not_coded_language else ""
    )
    console.print(
        f"{report.files} files, {report.articles} articles: {report.stored} stored{not_coded}, "
        f"{report.unchanged} already stored, {report.events} events, "
        f"{len(report.failures)} failures"
        + (f", {len(report.warnings)} warnings" if report.warnings else "")
        + f" -> {Path(settings.db)}",
        highlight=False,
    )
    for warning in report.warnings:
        err_console.print(
            f"[yellow]warning[/yellow]: {warning.name}: {warning.reason}", highlight=False
        )
    for failure in report.failures:
        err_console.print(f"[red]failed[/red]: {failure.name}: {failure.reason}", highlight=False)
    exit_for_failures(len(report.failures))
