"""``dateline extract PATH|-``: one article (or a folder of them) to JSON, JSONL or a table."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.text import Text
from rich.tree import Tree

from ..errors import DatelineError, InputError
from ..ingest import collect_inputs, read_file, read_input
from ..model import Article
from ..pipeline import Failure, Pipeline
from .common import console, describe_code, err_console, event_table, fail, make_settings


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

    done = list(pipeline.process(articles, on_error=record))
    return done, failures


def _party(actor: dict[str, Any] | None) -> Text:
    if not actor:
        return Text("---")
    return Text.assemble((actor["code"], "bold"), f' "{actor["text"]}"')


def explain_tree(title: str, events: list[dict[str, Any]]) -> Tree:
    """Each event (an event object) with its code, actors, and the rules and dictionary
    entries behind it: the event's own rules, then how its source and its target were
    found (outer rule first), then the entries."""
    tree = Tree(Text(f"{title}: {len(events)} events", style="bold"))
    for event in events:
        flags = [f for f in ("negated", "hypothetical") if event.get(f)]
        label = Text.assemble(
            (event["id"], "bold"),
            "  ",
            (describe_code(event["cameo"]), "cyan"),
            f" [{', '.join(flags)}]" if flags else "",
            "  ",
            _party(event.get("source")),
            " -> ",
            _party(event.get("target")),
            f'  trigger "{event["trigger"]["text"]}"',
        )
        if event.get("confidence", 1.0) != 1.0:
            label.append(f"  confidence {event['confidence']}")
        node = tree.add(label)
        rules = event.get("rules") or []
        own = [r for r in rules if ":" not in r]
        node.add(Text("rules: " + (", ".join(own) or "-")))
        for role in ("source", "target"):
            chain = [r.split(":", 1)[1] for r in rules if r.startswith(f"{role}:")]
            if chain:
                node.add(Text(f"{role}: " + " > ".join(chain)))
        entries = event.get("entries") or []
        if entries:
            dictionary = node.add(Text("dictionary:"))
            for entry in entries:
                dictionary.add(Text(entry))
    return tree


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
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="Print each event with the rules and dictionary entries behind it "
            "(instead of --format's output).",
        ),
    ] = False,
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
    if explain:
        for article in articles:
            head = article.title or article.source_path or article.id
            console.print(explain_tree(head, article.to_json()["events"]))
    elif format is ExtractFormat.json:
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
