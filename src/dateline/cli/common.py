"""What the commands share: the console, settings from options, error exits, event tables."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from typing import Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..dates import parse_iso_date
from ..errors import DatelineError
from ..settings import Settings

# Exit status of every command (issue 9: it was the number of failed inputs, capped at 100,
# which made 2 failures look like a usage error).
EXIT_OK = 0
EXIT_INPUTS_FAILED = 1
EXIT_USAGE = 2
EXIT_STATUS_HELP = (
    "Exit status: 0 all went well; 1 some inputs failed (each is listed on standard error with "
    "its reason, and the summary counts them; the others were processed); 2 nothing was done: "
    "a wrong option or argument, a missing store, a setting or model that cannot be loaded."
)
EXIT_STATUS_QUERY_HELP = (
    "Exit status: 0 done; 2 nothing was done: a wrong option or argument, a missing store or "
    "gold file, a setting or model that cannot be loaded."
)

# Piped output (make demo, files) is not cut at 80 columns: tables stay readable.
_PIPED_WIDTH = None if sys.stdout.isatty() or os.environ.get("COLUMNS") else 160
console = Console(width=_PIPED_WIDTH)
err_console = Console(stderr=True)


def make_settings(**overrides: Any) -> Settings:
    """Settings from the environment, then the command's options; a bad value exits with 2."""
    try:
        return Settings.from_env(**overrides)
    except DatelineError as e:
        fail(str(e))
        raise  # unreachable


def fail(message: str, code: int = EXIT_USAGE) -> None:
    """Print one error line and exit (with 2, nothing done, unless told otherwise)."""
    err_console.print(f"[red]error[/red]: {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def exit_for_failures(failures: int) -> None:
    """Exit with 1 when some inputs failed (they were listed already)."""
    if failures:
        raise typer.Exit(EXIT_INPUTS_FAILED)


def check_date_option(value: str | None, option: str) -> str | None:
    """The value of a date option, checked: YYYY, YYYY-MM or YYYY-MM-DD, else exit 2 [E028]."""
    if value is None:
        return None
    try:
        parse_iso_date(value)
    except DatelineError as e:
        fail(f"{option}: {e}")
    return value.strip()


def describe_code(code: str) -> str:
    """``044 Meet at a 'third' location`` when the code is known, else the code."""
    from ..events.cameo import cameo_info

    info = cameo_info(code)
    return f"{code} {info.name}" if info and info.name else code


def _place(event: dict[str, Any]) -> str:
    place = event.get("place")
    if not place:
        return ""
    return f"{place['name']}" + (f", {place['country']}" if place.get("country") else "")


def _actor(actor: dict[str, Any] | None) -> str:
    if not actor:
        return "---"
    return f"{actor['code']} ({actor['text']})"


def event_rows(events: Iterable[dict[str, Any]]) -> list[list[str]]:
    """Rows of article, date, source, event, target, place for event objects."""
    rows = []
    for event in events:
        article = event.get("article") or {}
        date = event.get("date") or {}
        flags = [f for f in ("negated", "hypothetical") if event.get(f)]
        what = describe_code(event["cameo"]) + (f" [{', '.join(flags)}]" if flags else "")
        rows.append(
            [
                article.get("title") or article.get("id") or "",
                date.get("value") or "",
                _actor(event.get("source")),
                what,
                _actor(event.get("target")),
                _place(event),
            ]
        )
    return rows


def event_table(
    events: Iterable[dict[str, Any]], title: str | None = None, *, show_article: bool = True
) -> Table:
    """A Rich table of events (without the article column for one article's events)."""
    table = Table(title=title, show_lines=False, expand=False)
    columns = ["article", "date", "source", "event", "target", "place"]
    first = 0 if show_article else 1
    for name in columns[first:]:
        table.add_column(name, overflow="fold")
    for row in event_rows(events):
        # Cells are text, not Rich markup: "[hypothetical]" must show as written.
        table.add_row(*(Text(cell) for cell in row[first:]))
    return table
