"""The ``dateline`` command: one module per command, each a thin wrapper over a typed function."""

from __future__ import annotations

from typing import Annotated

import typer

from .. import __version__
from . import (
    batch,
    clusters,
    events,
    export,
    extract,
    ingest,
    load,
    network,
    search,
    serve,
    timeline,
)
from . import eval as eval_cmd
from .common import EXIT_STATUS_HELP, EXIT_STATUS_QUERY_HELP

app = typer.Typer(
    name="dateline",
    help="News articles to event data: who did what to whom, when, where, according to whom.",
    epilog=EXIT_STATUS_HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"dateline {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_print_version,
            is_eager=True,
            help="Print dateline's version and exit.",
        ),
    ] = False,
) -> None:
    """News articles to event data: who did what to whom, when, where, according to whom."""


app.command("extract", help=extract.EXTRACT_HELP, epilog=EXIT_STATUS_HELP)(extract.extract_cli)
app.command("ingest", help=ingest.INGEST_HELP, epilog=EXIT_STATUS_HELP)(ingest.ingest_cli)
app.command("batch", help=batch.BATCH_HELP, epilog=EXIT_STATUS_HELP)(batch.batch_cli)
app.command("load", epilog=EXIT_STATUS_HELP)(load.load_cli)
app.command("events", epilog=EXIT_STATUS_QUERY_HELP)(events.events_cli)
app.command("search", help=search.SEARCH_HELP, epilog=EXIT_STATUS_QUERY_HELP)(search.search_cli)
app.command("clusters", epilog=EXIT_STATUS_QUERY_HELP)(clusters.clusters_cli)
app.command("timeline", epilog=EXIT_STATUS_QUERY_HELP)(timeline.timeline_cli)
app.command("network", epilog=EXIT_STATUS_QUERY_HELP)(network.network_cli)
app.command("export", help=export.EXPORT_HELP, epilog=EXIT_STATUS_QUERY_HELP)(export.export_cli)
app.command("serve", help=serve.SERVE_HELP, epilog=EXIT_STATUS_QUERY_HELP)(serve.serve_cli)
app.command("eval", epilog=EXIT_STATUS_QUERY_HELP)(eval_cmd.eval_cli)


if __name__ == "__main__":  # pragma: no cover
    app()
