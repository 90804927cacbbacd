"""``dateline eval KIND PATH``: score dateline against a gold set."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from ..errors import DatelineError
from ..eval import get_scorer
from .common import console, fail, make_settings


class EvalKind(StrEnum):
    petrarch = "petrarch"
    plover = "plover"
    aeb = "aeb"
    pubdate = "pubdate"
    tempeval = "tempeval"
    geo = "geo"
    quotes = "quotes"
    events = "events"


def _flatten(scores: dict[str, Any], prefix: str = "") -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for key, value in scores.items():
        if key == "failures":
            continue
        if isinstance(value, dict):
            rows += _flatten(value, f"{prefix}{key}.")
        else:
            rows.append((prefix + key, f"{value:.4f}" if isinstance(value, float) else str(value)))
    return rows


def eval_cli(
    kind: Annotated[EvalKind, typer.Argument(help="Which gold set format.")],
    path: Annotated[Path, typer.Argument(help="Gold file or folder.")],
    json_out: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    limit: Annotated[
        int | None,
        typer.Option(help="geo: run the end-to-end part (spaCy on every article) on N articles."),
    ] = None,
) -> None:
    """Score dateline against a gold set; without --json, a table with every failure."""
    if not path.exists():
        fail(f"{path}: [E023] no such file or folder")
    settings = make_settings()
    try:
        scorer = get_scorer(kind.value)
        if kind is EvalKind.geo and limit is not None:
            scores = scorer(path, settings, end_to_end_limit=limit)  # type: ignore[call-arg]
        else:
            scores = scorer(path, settings)
    except DatelineError as e:
        fail(str(e))
        return
    if json_out:
        out = {k: v for k, v in scores.items() if k != "failures"}
        out["failures"] = scores.get("failures", [])
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
        return
    failures = scores.get("failures", [])
    if failures:
        table = Table(title=f"{len(failures)} failures", show_lines=True)
        columns = list(dict.fromkeys(k for f in failures for k in f))
        for column in columns:
            table.add_column(column, overflow="fold")
        for failure in failures:
            table.add_row(*(Text(str(failure.get(c, ""))) for c in columns))
        console.print(table)
    summary = Table(title=f"dateline eval {kind.value} {path}")
    summary.add_column("metric")
    summary.add_column("value", justify="right")
    for key, value in _flatten(scores):
        summary.add_row(key, value)
    console.print(summary)
