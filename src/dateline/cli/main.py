"""The ``dateline`` command: one module per command, each a thin wrapper over a typed function."""

from __future__ import annotations

import typer

from . import eval as eval_cmd
from . import events, extract, ingest

app = typer.Typer(
    name="dateline",
    help="News articles to event data: who did what to whom, when, where, according to whom.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("extract")(extract.extract_cli)
app.command("ingest")(ingest.ingest_cli)
app.command("events")(events.events_cli)
app.command("eval")(eval_cmd.eval_cli)


if __name__ == "__main__":  # pragma: no cover
    app()
