"""``dateline extract PATH|-``: one article (or a folder of them) to JSON, JSONL or a table."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.text import Text
from rich.tree import Tree

from ..errors import E_JSON_MANY, DatelineError, InputError
from ..ingest import collect_inputs, read_file, read_input
from ..model import Article
from ..pipeline import Failure, Pipeline
from ..places import Gazetteer, explain_places
from ..settings import Settings
from ..worker import process_guarded
from .common import (
    check_date_option,
    console,
    describe_code,
    err_console,
    event_table,
    exit_for_failures,
    fail,
    make_settings,
)

EXTRACT_HELP = (
    "Extract actors, quotations, times, places and coded events from articles.\n\n"
    "--format json writes one object for one article (the shape of docs/OUTPUT.md); inputs "
    "that hold more than one article (several files, a folder, a JSON Lines file of several "
    "records) are refused with it: use --format jsonl, one such object a line. --format table "
    "prints each article's events."
)


class ExtractFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


def read_paths(
    paths: list[str],
    settings: Settings,
    *,
    date: str | None = None,
    url: str | None = None,
) -> tuple[list[Article], list[Failure], int]:
    """Read every article of ``paths`` ("-" is standard input): articles, failures, inputs."""
    articles: list[Article] = []
    failures: list[Failure] = []
    if paths == ["-"]:
        data = sys.stdin.buffer.read()
        try:
            articles.append(read_input(data, name="<stdin>", url=url, date=date, settings=settings))
        except InputError as e:
            failures.append(Failure(e.path, e.reason))
        return articles, failures, 1
    files, missing = collect_inputs(paths)
    failures += [Failure(name, reason) for name, reason in missing]
    for path in files:
        errors: list[InputError] = []
        try:
            articles += read_file(path, date=date, url=url, settings=settings, errors=errors)
        except InputError as e:
            errors.append(e)
        failures += [Failure(e.path, e.reason) for e in errors]
    return articles, failures, len(files) + len(missing)


def process_articles(
    articles: list[Article], pipeline: Pipeline, failures: list[Failure]
) -> tuple[list[Article], list[Failure]]:
    """Run the pipeline on ``articles``; an article that fails is added to ``failures``."""

    def record(article: Article, error: Exception) -> None:
        failures.append(Failure(article.source_path or article.id, str(error)))

    # The limits per document apply as in ingest: each article in a worker process.
    done = list(process_guarded(pipeline, articles, on_error=record))
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


def places_tree(article: Article, gazetteer: Gazetteer) -> Tree:
    """Each place of the article with its candidates, best first: the chosen one marked,
    each with its score and the evidence terms behind it (prior, context, hints)."""
    resolutions = explain_places(article, gazetteer)
    tree = Tree(Text(f"places: {len(resolutions)}", style="bold"))
    for resolution in resolutions:
        toponym, chosen = resolution.toponym, resolution.chosen
        label = Text.assemble(
            (f'"{toponym.text}"', "bold"),
            f" [{toponym.start}:{toponym.end}] -> ",
            (f"{chosen.name} ({chosen.country} {chosen.feature_code})", "cyan")
            if chosen
            else ("no place", "red"),
        )
        node = tree.add(label)
        for cand, score, evidence in resolution.candidates:
            mark = "* " if chosen is not None and cand.id == chosen.id else "  "
            terms = ", ".join(f"{k} {v:+g}" for k, v in evidence.items())
            node.add(
                Text(
                    f"{mark}{cand.name} ({cand.country} {cand.feature_code}, "
                    f"{cand.lat:.2f},{cand.lon:.2f}) score {score:.2f}: {terms}"
                )
            )
    return tree


def extract_cli(
    paths: Annotated[list[str], typer.Argument(help="Files or folders, or - for standard input.")],
    date: Annotated[
        str | None,
        typer.Option(
            help="Publication date, YYYY, YYYY-MM or YYYY-MM-DD (overrides any in the article)."
        ),
    ] = None,
    url: Annotated[str | None, typer.Option(help="The article's URL.")] = None,
    format: Annotated[ExtractFormat, typer.Option("--format", "-f")] = ExtractFormat.json,
    spacy_model: Annotated[
        str | None, typer.Option(help="spaCy pipeline to load (DATELINE_SPACY_MODEL).")
    ] = None,
    min_confidence: Annotated[
        float | None,
        typer.Option(
            help="Only events of at least this confidence. JSON and JSONL give every event "
            "with its confidence unless this is given; the table shows those at the "
            f"min_confidence setting ({Settings().min_confidence}) or above.",
            show_default=False,
        ),
    ] = None,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="Print each event with the rules and dictionary entries behind it, and "
            "each place with its candidates, their scores and the evidence behind them "
            "(instead of --format's output).",
        ),
    ] = False,
) -> None:
    """Extract actors, quotations, times, places and coded events from articles."""
    date = check_date_option(date, "--date")
    settings = make_settings(spacy_model=spacy_model)
    articles, failures, inputs = read_paths(paths, settings, date=date, url=url)
    if format is ExtractFormat.json and max(inputs, len(articles)) > 1:
        many = f"{inputs} files" if inputs > 1 else f"{len(articles)} articles"
        fail(E_JSON_MANY.format(count=many))
    pipeline = Pipeline(settings)
    try:
        articles, failures = process_articles(articles, pipeline, failures)
    except DatelineError as e:
        fail(str(e))
        return
    for failure in failures:
        err_console.print(f"[red]error[/red]: {failure.name}: {failure.reason}", highlight=False)
    floor = min_confidence
    if floor is None and format is ExtractFormat.table:
        floor = settings.min_confidence
    if floor:
        for article in articles:
            article.events = [e for e in article.events if e.confidence + 1e-9 >= floor]
    if explain:
        for article in articles:
            head = article.title or article.source_path or article.id
            console.print(explain_tree(head, article.to_json()["events"]))
            console.print(places_tree(article, pipeline.gazetteer))
    elif format is ExtractFormat.json:
        for article in articles:  # one at most
            sys.stdout.write(json.dumps(article.to_json(), ensure_ascii=False, indent=2) + "\n")
    elif format is ExtractFormat.jsonl:
        for article in articles:
            sys.stdout.write(json.dumps(article.to_json(), ensure_ascii=False) + "\n")
    else:
        for article in articles:
            head = article.title or article.source_path or article.id
            events = article.to_json()["events"]
            console.print(event_table(events, title=head, show_article=False))
    exit_for_failures(len(failures))
