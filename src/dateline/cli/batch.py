"""``dateline batch INPUT... --out DIR``: inputs into a Parquet dataset, on Dask (issue 15)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..errors import DatelineError
from ..settings import Settings
from .common import check_date_option, console, err_console, exit_for_failures, fail, make_settings

BATCH_HELP = (
    "Code files and folders into a Parquet dataset, on Dask: a LocalCluster of --workers "
    "processes, or the cluster of --scheduler.\n\n"
    "Reads what ingest reads (text, HTML, JSON Lines, WARC, gzip). DIR gets one folder per "
    "table (articles, events, mentions, quotes, places, times, failures), one part per "
    "shard of the inputs, named from a hash of the shard, dateline's version and the "
    "settings, and DIR/_manifest.json (inputs, counts, versions, times). A JSON Lines or "
    "WARC file is a shard of its own; other files are coded --shard-size at a time.\n\n"
    "--resume goes on with a dataset, skipping the parts that are complete (a killed run "
    "leaves no partial part). `dateline load DIR --db FILE` merges the dataset into a store."
)


def batch_cli(
    inputs: Annotated[
        list[str], typer.Argument(help="Files and folders (text, HTML, JSON Lines, WARC, .gz).")
    ],
    out: Annotated[str, typer.Option(help="Folder of the Parquet dataset.")],
    workers: Annotated[
        int, typer.Option(help="Worker processes of the LocalCluster (0: one per core).")
    ] = 0,
    scheduler: Annotated[
        str | None,
        typer.Option(help="Address of a running Dask scheduler (tcp://host:8786) to use."),
    ] = None,
    resume: Annotated[
        bool, typer.Option(help="Go on with the dataset in --out: complete parts are kept.")
    ] = False,
    shard_size: Annotated[
        int | None,
        typer.Option(
            help=f"Files of one article each per shard (DATELINE_SHARD_FILES; default "
            f"{Settings().shard_files}).",
            show_default=False,
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            help="Publication date of articles that give none: YYYY, YYYY-MM or YYYY-MM-DD."
        ),
    ] = None,
    spacy_model: Annotated[
        str | None, typer.Option(help="spaCy pipeline to load (DATELINE_SPACY_MODEL).")
    ] = None,
) -> None:
    """Code files and folders into a Parquet dataset, on Dask."""
    from ..batch.dask import run_batch  # Dask loads only for this command

    date = check_date_option(date, "--date")
    if shard_size is not None and shard_size < 1:
        fail("--shard-size: give 1 or more files per shard")
    if workers < 0:
        fail("--workers: give 0 (one per core) or more")
    settings = make_settings(spacy_model=spacy_model, shard_files=shard_size)
    try:
        with Progress(
            TextColumn("batch"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err_console,
            transient=True,
        ) as progress:
            task = progress.add_task("shards", total=None)
            report = run_batch(
                inputs,
                out,
                settings,
                workers=workers,
                scheduler=scheduler,
                resume=resume,
                default_date=date,
                on_start=lambda total: progress.update(task, total=total),
                on_part=lambda _p: progress.advance(task),
            )
    except DatelineError as e:
        fail(str(e))
        return
    kept = f" ({report.skipped} complete already)" if report.skipped else ""
    console.print(
        f"{report.files} files, {report.shards} shards{kept}: {report.total('articles')} "
        f"articles, {report.total('events')} events, {report.failures} failures "
        f"in {report.seconds:.1f} s -> {out}",
        highlight=False,
    )
    for missing in report.missing:
        err_console.print(
            f"[red]failed[/red]: {missing['name']}: {missing['reason']}", highlight=False
        )
    if report.total("failures"):
        err_console.print(
            f"[red]failed[/red]: {report.total('failures')} inputs or articles: their names "
            f"and reasons are in {out}/failures/",
            highlight=False,
        )
    for shard in report.failed_shards:
        err_console.print(
            f"[red]failed[/red]: shard {', '.join(shard['files'])}: {shard['reason']} "
            "(--resume codes it again)",
            highlight=False,
        )
    exit_for_failures(report.failures)
