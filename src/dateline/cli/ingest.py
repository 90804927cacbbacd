"""``dateline ingest PATH...``: files and folders into the SQLite store, with a summary."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..errors import DatelineError
from ..jobs import ingest
from ..pipeline import Pipeline
from ..store import Store
from .common import console, err_console, fail, make_settings


def ingest_cli(
    paths: Annotated[list[str], typer.Argument(help="Files and folders (text, HTML, JSONL).")],
    db: Annotated[str, typer.Option(help="SQLite store (DATELINE_DB).")] = "dateline.db",
    date: Annotated[
        str | None,
        typer.Option(help="Publication date YYYY-MM-DD for articles that give none."),
    ] = None,
    replace: Annotated[bool, typer.Option(help="Re-code articles already in the store.")] = False,
    spacy_model: Annotated[
        str | None, typer.Option(help="spaCy pipeline to load (DATELINE_SPACY_MODEL).")
    ] = None,
) -> None:
    """Ingest articles into the store; exits with the number of failures."""
    settings = make_settings(spacy_model=spacy_model, db=db)
    try:
        pipeline = Pipeline(settings)
        pipeline.warm_up()
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
            )
    except DatelineError as e:
        fail(str(e))
        return
    console.print(
        f"{report.files} files, {report.articles} articles: {report.stored} stored, "
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
    if report.failures:
        raise typer.Exit(min(len(report.failures), 100))
