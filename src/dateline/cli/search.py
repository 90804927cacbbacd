"""``dateline search [QUERY]``: full-text search of the articles (``GET /api/articles``,
every page), or of the quotations with ``--quotes`` (``GET /api/quotes``)."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from ..export.tabular import (
    ARTICLE_CSV_COLUMNS,
    QUOTE_CSV_COLUMNS,
    article_record,
    quote_record,
)
from ..store import ArticleQuery, QuoteQuery
from .common import check_date_option, console, fail
from .filters import Db, Format, Limit, ListFormat, Offset, build, open_store, write_rows

SEARCH_HELP = (
    "Search the articles (or, with --quotes, the quotations) of the store.\n\n"
    'QUERY is SQLite FTS5 syntax, as the API\'s q: words, "a phrase", AND, OR, NOT, prefix* '
    'and parentheses; words with hyphens or dots go in double quotes ("al-Qaeda"). Articles '
    "come most relevant first (title words weigh three times), quotations in the order "
    "stored. Without QUERY every article (or quotation) matching the filters is listed."
)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _article_table(rows: list[dict[str, Any]]) -> None:
    table = Table(title=_count(len(rows), "article"))
    table.add_column("id", no_wrap=True)
    for name in ("published", "outlet", "title", "events", "quotes", "snippet"):
        table.add_column(name, overflow="fold")
    for a in rows:
        table.add_row(
            *(
                Text(str(cell))
                for cell in (
                    a["id"],
                    (a.get("published") or {}).get("value") or "",
                    a.get("outlet") or "",
                    a.get("title") or "",
                    a["events"],
                    a["quotes"],
                    a.get("snippet") or "",
                )
            )
        )
    console.print(table)


def _quote_table(rows: list[dict[str, Any]]) -> None:
    table = Table(title=_count(len(rows), "quotation"))
    for name in ("article", "speaker", "kind", "quotation"):
        table.add_column(name, overflow="fold")
    for q in rows:
        speaker = q.get("speaker") or {}
        who = speaker.get("text") or ""
        if speaker.get("anonymous"):
            who += " [anonymous]"
        table.add_row(
            Text((q.get("article") or {}).get("title") or ""),
            Text(who),
            q["kind"],
            Text(q["text"]),
        )
    console.print(table)


def search_cli(
    query: Annotated[str | None, typer.Argument(help="Full-text query (FTS5 syntax).")] = None,
    db: Db = None,
    quotes: Annotated[
        bool, typer.Option("--quotes", help="Search the quotations, not the articles.")
    ] = False,
    outlet: Annotated[str | None, typer.Option(help="Articles of this outlet.")] = None,
    since: Annotated[
        str | None, typer.Option(help="Published on or after: YYYY, YYYY-MM or YYYY-MM-DD.")
    ] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before (as --since).")] = None,
    actor: Annotated[
        str | None, typer.Option(help="Articles mentioning an actor with this code prefix.")
    ] = None,
    place: Annotated[
        str | None, typer.Option(help="Articles naming this place (name, or ISO country code).")
    ] = None,
    has_quote: Annotated[
        bool | None,
        typer.Option("--has-quote/--no-quote", help="Articles with quotations, or without."),
    ] = None,
    anonymous: Annotated[
        bool | None,
        typer.Option(
            "--anonymous/--named",
            help="Articles with a quotation from an anonymous source (or without); with "
            "--quotes, quotations of anonymous (or named) sources.",
        ),
    ] = None,
    speaker: Annotated[
        str | None,
        typer.Option(help="With --quotes: words of the speaker, or its actor code prefix."),
    ] = None,
    limit: Limit = None,
    offset: Offset = 0,
    format: Format = ListFormat.table,
) -> None:
    """Search the articles (or, with --quotes, the quotations) of the store."""
    since = check_date_option(since, "--since")
    until = check_date_option(until, "--until")
    if quotes:
        article_filters = {"outlet": outlet, "actor": actor, "place": place, "has_quote": has_quote}
        given = [f"--{name.replace('_', '-')}" for name, v in article_filters.items() if v]
        if given:
            fail(f"{', '.join(given)}: filters of articles, not of quotations (--quotes)")
        quote_query = build(
            QuoteQuery,
            q=query,
            speaker=speaker,
            anonymous=anonymous,
            since=since,
            until=until,
            limit=limit,
            offset=offset,
        )
        with open_store(db) as (store, _settings):
            write_rows(
                store.quotes(quote_query), format, QUOTE_CSV_COLUMNS, quote_record, _quote_table
            )
        return
    if speaker:
        fail("--speaker: a filter of quotations: add --quotes")
    article_query = build(
        ArticleQuery,
        q=query,
        outlet=outlet,
        since=since,
        until=until,
        actor=actor,
        place=place,
        has_quote=has_quote,
        anonymous=anonymous,
        limit=limit,
        offset=offset,
    )
    with open_store(db) as (store, _settings):
        write_rows(
            store.articles(article_query),
            format,
            ARTICLE_CSV_COLUMNS,
            article_record,
            _article_table,
        )
