"""``dateline load DIR --db FILE``: a batch dataset into the store (issue 15)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import DatelineError
from ..settings import Settings
from .common import console, err_console, exit_for_failures, fail, make_settings


def load_cli(
    dataset: Annotated[str, typer.Argument(help="The --out folder of `dateline batch`.")],
    db: Annotated[
        str | None,
        typer.Option(
            help=f"SQLite store, created if missing (DATELINE_DB; default {Settings().db}).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Merge a `dateline batch` dataset into the store, one transaction per article; an
    article stored already is not written again, so loading twice adds nothing."""
    from ..batch.load import load_dataset
    from ..store import Store

    settings = make_settings(db=db)
    try:
        with Store(settings.db) as store:
            report = load_dataset(dataset, store)
    except DatelineError as e:
        fail(str(e))
        return
    console.print(
        f"{report.parts} parts, {report.articles} articles: {report.stored} stored, "
        f"{report.unchanged} already stored, {report.events} events, "
        f"{len(report.failures)} failures -> {Path(settings.db)}",
        highlight=False,
    )
    for failure in report.failures:
        err_console.print(f"[red]failed[/red]: {failure.name}: {failure.reason}", highlight=False)
    exit_for_failures(len(report.failures))
