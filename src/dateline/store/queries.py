"""The store's queries: articles, events, quotations, clusters, timeline and network (issue 13).

Each function takes an open ``Store`` and a query of ``filters.py`` and returns rows as the
HTTP API gives them (docs/OUTPUT.md); ``Store``'s methods of the same names call them, and so
do the CLI and the web app. Filters become SQL with bound parameters only; each statement
runs under the store's time limit (``Store.run`` and ``Store.stream``).

Rows come in a fixed order, so a page, the ``.csv`` twin and the CLI list the same rows:
events by article (in the order stored) and their order in it; articles by relevance when
there is a full-text query (bm25, titles weighing three times the text), else in the order
stored; quotations and clusters in the order stored.
"""

from __future__ import annotations

import json
import math
from collections import Counter, OrderedDict
from collections.abc import Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from ..dates import parse_iso_date
from .clusters import NO_ACTOR
from .filters import (
    MAX_WHOLE_NUMBER,
    SHARED_ARTICLE_FILTERS,
    ArticleQuery,
    EventQuery,
    Near,
    QuoteQuery,
    TimelineQuery,
)
from .rows import QUOTE_FTS_SHIFT, _quote_json, actor_json, event_json

if TYPE_CHECKING:
    import sqlite3

    from .store import Store

Json = dict[str, Any]
Where = tuple[list[str], list[Any]]

# Facets of an article search: how many articles of the result have each value (the most
# frequent FACET_VALUES values of each).
FACET_VALUES = 20
# Over this many matches, the facets count the first FACET_SAMPLE_ARTICLES in the list's
# order (the most relevant for a full-text query), and the page says so (``facets_sample``):
# counting every match of a 100,000-article result took 0.7 to 3 s on the bench store, and
# 1,000 matches about 0.3 s, over the 300 ms a search page may take (bench/webui.py).
FACET_SAMPLE_ARTICLES = 500
# The characters of an actor code that ``article_actors`` holds, and the digits of a CAMEO
# code that ``article_roots`` holds (schema_v4.sql): an article filter no longer than them
# reads those tables, a longer one the mentions or events.
ACTOR_PREFIX_CHARS = 3
ROOT_DIGITS = 2
# Title words weigh this much more than text words in the relevance of an article.
TITLE_WEIGHT = 3.0
# Words around the first match in an article's snippet; the match is set in ** **.
SNIPPET_TOKENS = 16
# Articles whose summaries and snippets are read in one query each.
SNIPPET_BATCH = 50
EARTH_RADIUS_KM = 6371.0088


@dataclass
class Page:
    """One page of a list: ``total`` rows match (before limit and offset), ``items`` are the
    rows of this page, ``facets`` (articles only) count values over all matching rows."""

    total: int
    items: list[Json]
    facets: dict[str, list[Json]] | None = field(default=None)
    facets_sample: int | None = field(default=None)

    def to_json(self) -> Json:
        out: Json = {"total": self.total, "items": self.items}
        if self.facets is not None:
            out["facets"] = self.facets
        if self.facets_sample is not None:
            out["facets_sample"] = self.facets_sample
        return out


def _paging(limit: int | None, offset: int) -> tuple[str, list[Any]]:
    if limit is None and not offset:
        return "", []
    return " LIMIT ? OFFSET ?", [-1 if limit is None else limit, offset]


def _glob(prefix: str) -> str:
    # Codes are checked to hold only A-Z, 0-9 and "-" (filters.py): no GLOB wildcard.
    return prefix + "*"


# --- events ------------------------------------------------------------------------------------


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float | None:
    """SQL ``dateline_distance_km``: the great-circle distance (haversine) in kilometres."""
    if None in (lat1, lon1, lat2, lon2):
        return None
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _near(near: Near) -> Where:
    """Locations within ``near.km`` of the point: a bounding box the index can use first."""
    dlat = near.km / 111.0
    where = ["lat BETWEEN ? AND ?"]
    args: list[Any] = [near.lat - dlat, near.lat + dlat]
    cos = math.cos(math.radians(near.lat))
    if cos > 0.01:
        dlon = near.km / (111.0 * cos)
        if near.lon - dlon >= -180 and near.lon + dlon <= 180:
            where.append("lon BETWEEN ? AND ?")
            args += [near.lon - dlon, near.lon + dlon]
    where.append("dateline_distance_km(lat, lon, ?, ?) <= ?")
    args += [near.lat, near.lon, near.km]
    return where, args


@dataclass(frozen=True)
class Matching:
    """The events a query matches, as disjoint branches of WHERE terms over ``events e``
    (the rows of all branches together, each row once).

    ``actor`` (source or target) is two branches, the events whose source matches and those
    whose target matches but not their source: each branch can then be answered from one
    index (``events_source``, ``events_target``), where an OR of the two needs every row.
    """

    branches: tuple[Where, ...]

    def sql(
        self, columns: str, joins: str = "", column_args: Sequence[Any] = ()
    ) -> tuple[str, list[Any]]:
        """``SELECT columns FROM events e joins WHERE ...`` of every branch, joined by UNION
        ALL; the column arguments come before each branch's."""
        parts: list[str] = []
        args: list[Any] = []
        for where, where_args in self.branches:
            parts.append(f"SELECT {columns} FROM events e{joins}{_sql_where(where)}")
            args += [*column_args, *where_args]
        return " UNION ALL ".join(parts), args

    def rows(self, columns: str) -> tuple[str, list[Any]]:
        """``SELECT columns FROM events e`` of the matching events, found by their keys first
        (the filters' covering indexes hold them), then read by primary key. Asked for a
        column no such index holds (place, goldstein, cluster), SQLite chose an index and
        read the row of every entry of its range instead: ``actor=IRQ&cameo=04`` read every
        event of root 04 to keep 12,058 (4 s on the bench store, 0.4 s this way)."""
        keys, args = self.sql("e.article AS article, e.id AS id")
        return (
            f"SELECT {columns} FROM ({keys}) k"
            " JOIN events e ON e.article = k.article AND e.id = k.id",
            args,
        )

    def also(self, term: str, *args: Any) -> Matching:
        """The same events that also meet ``term``."""
        return Matching(tuple(([*w, term], [*a, *args]) for w, a in self.branches))


def matching(query: EventQuery, min_confidence: float) -> Matching:
    """The events ``query`` matches."""
    where: list[str] = []
    args: list[Any] = []
    if query.q:
        where.append("e.article IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        args.append(query.q)
    if query.source:
        where.append("e.source_code GLOB ?")
        args.append(_glob(query.source))
    if query.target:
        where.append("e.target_code GLOB ?")
        args.append(_glob(query.target))
    if query.cameo:
        where.append("e.cameo GLOB ?")
        args.append(_glob(query.cameo))
    if query.plover:
        where.append("e.plover_type = ?")
        args.append(query.plover)
    if query.quad is not None:
        where.append("e.quad_class = ?")
        args.append(query.quad)
    # Dates compare as days: NULL (no calendar period) fails both comparisons. A date's first
    # day is never after its last, so each bound also bounds the other column: the index on
    # (first_day, last_day) is then read over the range alone.
    if query.since:
        first = parse_iso_date(query.since).first.isoformat()
        where += ["e.first_day >= ?", "e.last_day >= ?"]
        args += [first, first]
    if query.until:
        last = parse_iso_date(query.until).last.isoformat()
        where += ["e.last_day <= ?", "e.first_day <= ?"]
        args += [last, last]
    if query.country:
        where.append("e.place IN (SELECT key FROM locations WHERE country = ?)")
        args.append(query.country)
    if isinstance(query.near, Near):
        terms, near_args = _near(query.near)
        where.append(f"e.place IN (SELECT key FROM locations WHERE {' AND '.join(terms)})")
        args += near_args
    if query.outlet:
        where.append("e.article IN (SELECT key FROM articles WHERE outlet = ?)")
        args.append(query.outlet)
    if min_confidence > 0:
        where.append("e.confidence >= ?")
        args.append(min_confidence)
    for flag in ("negated", "hypothetical"):
        value = getattr(query, flag)
        if value is not None:
            where.append(f"e.{flag} = ?")
            args.append(int(value))
    if not query.actor:
        return Matching(((where, args),))
    actor = _glob(query.actor)
    return Matching(
        (
            (["e.source_code GLOB ?", *where], [actor, *args]),
            (
                [
                    "e.target_code GLOB ?",
                    "(e.source_code IS NULL OR NOT e.source_code GLOB ?)",
                    *where,
                ],
                [actor, actor, *args],
            ),
        )
    )


def _sql_where(where: list[str]) -> str:
    return " WHERE " + " AND ".join(where) if where else ""


def _cluster_counts(min_confidence: float) -> tuple[str, list[Any]]:
    """The SQL of a cluster's counts ``c``: the stored ones, or with min_confidence set, those
    of its events at or above it."""
    if min_confidence <= 0:
        return "c.articles, c.outlets, c.mentions", []
    sub = (
        "(SELECT {what} FROM events x JOIN articles xa ON xa.key = x.article"
        " WHERE x.cluster = c.key AND x.confidence >= ?)"
    )
    return (
        ", ".join(
            [
                sub.format(what="COUNT(DISTINCT x.article)") + " AS articles",
                sub.format(
                    what="COUNT(DISTINCT xa.outlet)"
                    " + COUNT(DISTINCT CASE WHEN xa.outlet IS NULL THEN xa.key END)"
                )
                + " AS outlets",
                sub.format(what="COUNT(*)") + " AS mentions",
            ]
        ),
        [min_confidence] * 3,
    )


EVENT_JOINS = " JOIN articles a ON a.key = e.article LEFT JOIN clusters c ON c.key = e.cluster"


def _event_columns(min_confidence: float) -> str:
    """The columns of an event item: the event's, its article's header, and its cluster's
    stored counts (counts at a ``min_confidence`` are read once a cluster: ``_ClusterCounts``)."""
    counts = ", c.articles, c.outlets, c.mentions" if min_confidence <= 0 else ""
    return (
        "e.*, a.id AS article_id, a.title AS article_title, a.outlet AS article_outlet,"
        " a.published AS article_published, a.ingested_at AS article_ingested_at" + counts
    )


# The clusters whose counts at a min_confidence an event listing keeps, the most recently
# used: a listing of every event kept each cluster's, and an export of the 1.25 M events of
# the bench store grew by 10 MB every 100,000 rows (bench/archive.py).
CLUSTER_COUNTS_KEPT = 10_000


class _ClusterCounts:
    """A cluster's counts as an event listing shows them: stored, or, with ``min_confidence``
    set, those of its events at or above it, read once per cluster while it is among the
    CLUSTER_COUNTS_KEPT last used (a correlated subquery on each row read a cluster of n
    events n times)."""

    def __init__(self, store: Store, min_confidence: float) -> None:
        self.store = store
        self.min_confidence = min_confidence
        self.sql, self.args = _cluster_counts(min_confidence)
        self.seen: OrderedDict[int, tuple[int, int, int]] = OrderedDict()

    def of(self, row: sqlite3.Row) -> tuple[int, int, int]:
        if self.min_confidence <= 0:
            return row["articles"], row["outlets"], row["mentions"]
        key = row["cluster"]
        if key in self.seen:
            self.seen.move_to_end(key)
            return self.seen[key]
        sql = f"SELECT {self.sql} FROM clusters c WHERE c.key = ?"
        [found] = self.store.run(sql, [*self.args, key])
        counts = (found["articles"], found["outlets"], found["mentions"])
        self.seen[key] = counts
        if len(self.seen) > CLUSTER_COUNTS_KEPT:
            self.seen.popitem(last=False)
        return counts


class _ArticleTexts:
    """The text and first URL of the article a run of rows belongs to (read once a run)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.key: int | None = None
        self.text = ""
        self.url: str | None = None

    def of(self, key: int) -> tuple[str, str | None]:
        if key != self.key:
            self.key = key
            self.text = self.store.article_text(key)
            self.url = self.store.first_url(key)
        return self.text, self.url


def event_item(
    store: Store, row: sqlite3.Row, texts: _ArticleTexts, clusters: _ClusterCounts
) -> Json:
    """An event as the API lists it: the event object, its sentence's text, its article and
    its cluster."""
    text, url = texts.of(row["article"])
    event = event_json(store.conn, store.lookups, row, text)
    event["sentence"]["text"] = text[row["sentence_start"] : row["sentence_end"]]
    event["article"] = {
        "id": row["article_id"],
        "title": row["article_title"],
        "outlet": row["article_outlet"],
        "url": url,
        "published": row["article_published"],
        "ingested_at": row["article_ingested_at"],
    }
    if row["cluster"] is None:
        event["cluster"] = None
    else:
        articles, outlets, mentions = clusters.of(row)
        event["cluster"] = {
            "id": row["cluster"],
            "articles": articles,
            "outlets": outlets,
            "mentions": mentions,
        }
    return event


def events(
    store: Store, query: EventQuery, *, only: Matching | None = None
) -> Generator[Json, None, None]:
    """The events matching ``query`` (or ``only``), ``limit``/``offset`` applied: a page is
    found from the indexes first, then its rows are read; without a limit every row
    streams in order."""
    min_confidence = store.min_confidence(query.min_confidence)
    found = only or matching(query, min_confidence)
    columns = _event_columns(min_confidence)
    texts, clusters = _ArticleTexts(store), _ClusterCounts(store, min_confidence)
    every = query.limit is None and not query.offset
    if every and only is None and not _indexed(query):
        sql, args = found.sql(columns, EVENT_JOINS)
        for row in store.stream(sql + " ORDER BY article, idx", args):
            yield event_item(store, row, texts, clusters)
        return
    keys, args = found.sql("e.article AS article, e.idx AS idx, e.id AS id")
    paging, paging_args = _paging(query.limit, query.offset)
    one = f"SELECT {columns} FROM events e{EVENT_JOINS} WHERE e.article = ? AND e.id = ?"
    ordered = keys + " ORDER BY article, idx" + paging
    found_keys = store.stream(ordered, args) if every else store.run(ordered, [*args, *paging_args])
    for key in found_keys:
        [row] = store.run(one, [key["article"], key["id"]])
        yield event_item(store, row, texts, clusters)


# The filters an index answers: the events they match are listed by their keys first (sorted
# in the list's order, narrow rows), then read one by one. Whole rows found through such an
# index were sorted before the first came out: an export of 100,001 events of one PLOVER type
# passed the time limit of its first batch (E102) on the bench store. A list with none of
# them reads the table in its order (article, id) and sorts only each article's events.
INDEXED_FILTERS = (
    "q",
    "actor",
    "source",
    "target",
    "cameo",
    "plover",
    "quad",
    "since",
    "until",
    "country",
    "near",
    "outlet",
)


def _indexed(query: EventQuery) -> bool:
    return any(getattr(query, name) not in (None, "") for name in INDEXED_FILTERS)


def _event_rows(query: EventQuery, min_confidence: float, columns: str) -> tuple[str, list[Any]]:
    """``SELECT columns`` of the events ``query`` matches: found by their keys first when an
    index answers a filter (``Matching.rows``), else read from the table in its order (every
    key and then every row by its key took longer than the table: the places of all 1.25 M
    events of the bench store in 0.8 s from the table, past the time limit by their keys)."""
    found = matching(query, min_confidence)
    return found.rows(columns) if _indexed(query) else found.sql(columns)


def count_events(store: Store, query: EventQuery, *, only: Matching | None = None) -> int:
    found = only or matching(query, store.min_confidence(query.min_confidence))
    sql, args = found.sql("1")
    return int(store.run(f"SELECT COUNT(*) FROM ({sql})", args)[0][0])


def coding_runs(store: Store, query: EventQuery, *, only: Matching | None = None) -> list[Json]:
    """The coding runs of the articles of the events ``query`` (or ``only``) matches,
    ``limit``/``offset`` applied as ``events`` applies them: ``[{"run": key or None,
    "rows": N, ...the run's row}]``, the most rows first. Counted by one grouped query (an
    export's rows are never held); the run None holds the events of articles written before
    schema 8, which recorded none."""
    found = only or matching(query, store.min_confidence(query.min_confidence))
    keys, args = found.sql("e.article AS article, e.idx AS idx")
    if query.limit is not None or query.offset:
        paging, paging_args = _paging(query.limit, query.offset)
        keys, args = keys + " ORDER BY article, idx" + paging, [*args, *paging_args]
    grouped = store.run(
        "SELECT r.key AS run, n.rows AS rows, r.dateline_version, r.coder, r.spacy_model,"
        " r.spacy_model_version, r.dictionaries, r.settings, r.recorded_by"
        " FROM (SELECT a.coding_run AS run, COUNT(*) AS rows"
        f" FROM ({keys}) k JOIN articles a ON a.key = k.article GROUP BY a.coding_run) n"
        " LEFT JOIN coding_runs r ON r.key = n.run ORDER BY n.rows DESC, n.run",
        args,
    )
    runs: list[Json] = []
    for row in grouped:
        if row["run"] is None:
            runs.append({"run": None, "rows": row["rows"]})
            continue
        runs.append(
            {
                "run": row["run"],
                "rows": row["rows"],
                "dateline_version": row["dateline_version"],
                "coder": row["coder"],
                "spacy_model": {"name": row["spacy_model"], "version": row["spacy_model_version"]},
                "dictionaries": json.loads(row["dictionaries"]),
                "settings": json.loads(row["settings"]),
                "recorded_by": row["recorded_by"],
            }
        )
    return runs


# --- articles ----------------------------------------------------------------------------------


def article_where(query: ArticleQuery, key: str = "a.key") -> Where:
    """The WHERE terms of an article query over ``articles a`` (but for ``q``); ``key`` is
    the article's key in them (``a.key``, or the full-text index's rowid when no term reads
    another column of ``articles``: ``_needs_article_row``).

    With a full-text query, a term on the key is written ``+key IN (...)``: the unary +
    keeps SQLite from handing the list to FTS5 as rowid constraints, which FTS5 answers by
    setting the whole query up again for each key: ``q=secret&anonymous=false&actor=AFG``
    (8,603 AFG articles) ran past the 1 s time limit on the bench store, and is answered in
    10 ms by one pass over the matches."""
    where: list[str] = []
    args: list[Any] = []
    unindexed = "+" + key
    if query.q:
        key = unindexed
    if query.outlet:
        where.append("a.outlet = ?")
        args.append(query.outlet)
    if query.since:
        where.append("a.published_first_day >= ?")
        args.append(parse_iso_date(query.since).first.isoformat())
    if query.until:
        where.append("a.published_last_day <= ?")
        args.append(parse_iso_date(query.until).last.isoformat())
    if query.actor and len(query.actor) <= ACTOR_PREFIX_CHARS:
        where.append(f"{key} IN (SELECT article FROM article_actors WHERE prefix GLOB ?)")
        args.append(_glob(query.actor))
    elif query.actor:
        where.append(
            f"{key} IN (SELECT m.article FROM mentions m"
            " WHERE m.actor IN (SELECT key FROM actors WHERE code GLOB ?))"
        )
        args.append(_glob(query.actor))
    if query.place:
        column = "country" if _is_country(query.place) else "name"
        where.append(
            f"{key} IN (SELECT p.article FROM places p WHERE p.location IN"
            f" (SELECT key FROM locations WHERE {column} = ? COLLATE NOCASE))"
        )
        args.append(query.place)
    if query.has_quote is not None:
        # A subquery of one indexed column and no WHERE is answered from the index itself
        # (``quotes_article``), without running a correlated EXISTS for each match: 12 of
        # the 30 ms the 33,333 matches of ``insurg*`` took to test on the bench store. Not
        # an index's constraint either without a full-text query: driven by the quotations'
        # articles, ``has_quote=true&outlet=Gulf Wire`` took 330 rather than 51 ms.
        negated = "" if query.has_quote else "NOT "
        where.append(f"{unindexed} {negated}IN (SELECT article FROM quotes)")
    if query.anonymous is not None:
        exists = "EXISTS" if query.anonymous else "NOT EXISTS"
        where.append(
            f"{exists} (SELECT 1 FROM quotes q WHERE q.article = {key} AND q.speaker_anonymous = 1)"
        )
    if query.cameo and len(query.cameo) <= ROOT_DIGITS:
        where.append(f"{key} IN (SELECT article FROM article_roots WHERE prefix GLOB ?)")
        args.append(_glob(query.cameo))
    elif query.cameo:
        where.append(f"{key} IN (SELECT e.article FROM events e WHERE e.cameo GLOB ?)")
        args.append(_glob(query.cameo))
    if query.plover:
        where.append(f"{key} IN (SELECT article FROM article_plovers WHERE plover = ?)")
        args.append(query.plover)
    return where, args


def _is_country(place: str) -> bool:
    """``place=IQ`` is a country code, ``place=Amman`` a place name."""
    return len(place) == 2 and place.isalpha() and place.isupper()


# The relevance of a match: bm25, titles weighing TITLE_WEIGHT (lower is more relevant).
RELEVANCE = f"bm25(articles_fts, {TITLE_WEIGHT}, 1.0)"


def _article_keys(query: ArticleQuery, *, scored: bool = False) -> tuple[str, list[Any], str]:
    """The keys of the matching articles (``SELECT ... AS key``, and with ``scored`` and a
    full-text query their relevance ``AS score``), its arguments, and the ORDER BY of the
    list: by relevance with a full-text query, else in the order stored."""
    if not query.q:
        where, args = article_where(query)
        return "SELECT a.key AS key FROM articles a" + _sql_where(where), args, " ORDER BY key"
    if _needs_article_row(query):
        where, args = article_where(query)
        join = " JOIN articles a ON a.key = articles_fts.rowid"
    else:
        where, args = article_where(query, "articles_fts.rowid")
        join = ""
    score = f", {RELEVANCE} AS score" if scored else ""
    return (
        f"SELECT articles_fts.rowid AS key{score} FROM articles_fts"
        + join
        + _sql_where(["articles_fts MATCH ?", *where]),
        [query.q, *args],
        f" ORDER BY {RELEVANCE}, key",
    )


def _needs_article_row(query: ArticleQuery) -> bool:
    """Whether a term of the query reads a column of ``articles`` (the others test only the
    article's key). A full-text search joins ``articles`` only then: reading the rows of the
    matches (whose texts fill the table's pages) doubled ``insurg*`` with ``has_quote``."""
    return bool(query.outlet or query.since or query.until)


# The summaries of a batch of articles, in one statement (one a key, and another for each
# first URL, took 3 to 5 ms of a search page on the bench store).
_ARTICLE_SUMMARIES = (
    "SELECT a.key, a.id, a.title, a.outlet, a.published, a.published_precision,"
    " a.published_source, l.name AS dateline_name, l.country AS dateline_country,"
    " (SELECT COUNT(*) FROM events e WHERE e.article = a.key AND e.confidence >= ?)"
    " AS n_events,"
    " (SELECT COUNT(*) FROM quotes q WHERE q.article = a.key) AS n_quotes,"
    " (SELECT s.locator FROM article_sources s WHERE s.article = a.key AND s.kind = 'url'"
    " ORDER BY s.rowid LIMIT 1) AS url"
    " FROM articles a LEFT JOIN locations l ON l.key = a.dateline"
    " WHERE a.key IN (SELECT value FROM json_each(?))"
)


def articles(
    store: Store, query: ArticleQuery, *, keys_in_order: list[int] | None = None
) -> Iterator[Json]:
    """Summaries of the articles matching ``query`` (``limit``/``offset`` applied): the keys
    in order first (or ``keys_in_order``, when the caller has read them), then each summary,
    and the snippets of each batch in one query."""
    keys, args, order = _article_keys(query)
    paging, paging_args = _paging(query.limit, query.offset)
    found: Iterable[tuple[int]] = (
        [(key,) for key in keys_in_order]
        if keys_in_order is not None
        else store.stream(keys + order + paging, [*args, *paging_args])
    )
    min_confidence = store.min_confidence(None)
    batch: list[int] = []

    def summaries() -> Iterator[Json]:
        snippets = _snippets(store, query.q, batch) if query.q else {}
        rows = {
            row["key"]: row
            for row in store.run(_ARTICLE_SUMMARIES, [min_confidence, json.dumps(batch)])
        }
        for key in batch:
            yield article_summary(rows[key], snippets.get(key))
        batch.clear()

    for (key,) in found:
        batch.append(key)
        if len(batch) == SNIPPET_BATCH:
            yield from summaries()
    yield from summaries()


def _snippets(store: Store, q: str | None, keys: list[int]) -> dict[int, str]:
    """The snippet of each of ``keys`` for the full-text query ``q``.

    One pass over the matches between the least and greatest key, each tested against
    ``keys`` (``+rowid``: not a constraint FTS5 is given): given ``rowid IN (...)``, FTS5
    sets the query up again for each key, and a prefix query (``negotiat*``) merges every
    word it covers each time (50 keys: 0.22 s of CPU on the bench store, one pass 5 ms)."""
    if not keys:
        return {}
    marks = ", ".join("?" for _ in keys)
    return {
        row[0]: row[1]
        for row in store.run(
            f"SELECT rowid, snippet(articles_fts, 1, '**', '**', '…', {SNIPPET_TOKENS})"
            " FROM articles_fts WHERE articles_fts MATCH ? AND rowid BETWEEN ? AND ?"
            f" AND +rowid IN ({marks})",
            [q, min(keys), max(keys), *keys],
        )
    }


def article_summary(row: sqlite3.Row, snippet: str | None) -> Json:
    published = None
    if row["published"] is not None:
        published = {
            "value": row["published"],
            "precision": row["published_precision"],
            "source": row["published_source"],
        }
    dateline = None
    if row["dateline_name"] is not None:
        dateline = {"name": row["dateline_name"], "country": row["dateline_country"]}
    out: Json = {
        "id": row["id"],
        "title": row["title"],
        "outlet": row["outlet"],
        "url": row["url"],
        "published": published,
        "dateline": dateline,
        "events": row["n_events"],
        "quotes": row["n_quotes"],
    }
    if snippet is not None:
        out["snippet"] = snippet
    return out


def count_articles(store: Store, query: ArticleQuery) -> int:
    keys, args, _ = _article_keys(query)
    return int(store.run(f"SELECT COUNT(*) FROM ({keys})", args)[0][0])


def first_article_keys(store: Store, query: ArticleQuery) -> list[int]:
    """The keys of the first FACET_SAMPLE_ARTICLES matches, in the list's order."""
    keys, args, order = _article_keys(query)
    return [row[0] for row in store.run(keys + order + " LIMIT ?", [*args, FACET_SAMPLE_ARTICLES])]


def _first_keys_and_total(store: Store, query: ArticleQuery) -> tuple[list[int], int]:
    """The keys of the first FACET_SAMPLE_ARTICLES matches in the list's order, and how many
    match in all.

    A full-text search beside article filters reads both in one statement (the count as a
    window over the ranked matches): ranking visits every match that passes the filters
    anyway, and a count of its own built the filters' key lists and visited the matches again
    (``q=helicopter&plover=ASSAULT`` on the bench store: 68 + 28 ms of CPU in two
    statements, 87 in one; ``q=secret&actor=AFG`` 13 + 10 -> 17). Alone, a search is ranked
    by itself and counted only past FACET_SAMPLE_ARTICLES matches: FTS5 counts the matches
    of its index without ranking them (``negotiat*``: 57 + 6 ms in two, 86 in one)."""
    if query.q and article_where(query)[0]:
        scored, args, _ = _article_keys(query, scored=True)
        rows = store.run(
            f"SELECT key, COUNT(*) OVER () FROM ({scored}) ORDER BY score, key LIMIT ?",
            [*args, FACET_SAMPLE_ARTICLES],
        )
        return [row[0] for row in rows], rows[0][1] if rows else 0
    first = first_article_keys(store, query)
    if len(first) < FACET_SAMPLE_ARTICLES:
        return first, len(first)
    return first, count_articles(store, query)


def article_page(store: Store, query: ArticleQuery) -> Page:
    """One page of an article search, as ``Store.page`` gives it: the first
    FACET_SAMPLE_ARTICLES matches are read once, in order; they give the page's rows (when
    the page lies among them), the facets' scope, and the total when there are fewer."""
    first, total = _first_keys_and_total(store, query)
    facets, sample = article_facets(store, query, total, first)
    end = query.offset + (query.limit if query.limit is not None else total)
    on_page = first[query.offset : end] if end <= len(first) or total == len(first) else None
    items = list(articles(store, query, keys_in_order=on_page))
    return Page(total, items, facets, sample)


def article_facets(
    store: Store, query: ArticleQuery, total: int | None = None, first: list[int] | None = None
) -> tuple[dict[str, list[Json]], int | None]:
    """How many matching articles have each value of each facet (the FACET_VALUES most
    frequent of each): ``outlet``, publication ``year`` and dateline ``country``; the actor
    codes they mention (``actor``: the code's first three characters, the prefix ``actor=``
    filters on), the CAMEO roots (``root``, filter ``cameo=``) and PLOVER types (``plover``)
    of their events, the countries of the places they name (``place``), and whether they
    hold a quotation (``has_quote``) and an anonymous source's (``anonymous``).

    Over FACET_SAMPLE_ARTICLES matches, the facets count the first FACET_SAMPLE_ARTICLES in
    the list's order (the most relevant for a full-text query): the second value returned
    is then how many they counted, else None (every match counted). ``total`` and ``first``
    (``first_article_keys``): when the caller has them."""
    if first is None:
        first = first_article_keys(store, query)
    if total is None:
        total = len(first) if len(first) < FACET_SAMPLE_ARTICLES else count_articles(store, query)
    scope = "IN (SELECT value FROM json_each(?))"
    scope_args: list[Any] = [json.dumps(first)]
    counted = len(first)
    outlets: Counter[str | None] = Counter()
    years: Counter[str | None] = Counter()
    countries: Counter[str | None] = Counter()
    # The dateline's country in the same statement: read a place at a time through the
    # lookups (empty in a store opened for one request), 420 places took 5 ms of a page.
    for row in store.stream(
        "SELECT a.outlet, substr(a.published, 1, 4),"
        " (SELECT l.country FROM locations l WHERE l.key = a.dateline)"
        f" FROM articles a WHERE a.key {scope}",
        scope_args,
    ):
        outlets[row[0]] += 1
        years[row[1]] += 1
        countries[row[2]] += 1
    facets = {
        "outlet": _top(outlets),
        "year": _top(years),
        "country": _top(countries),
    }

    def grouped(column: str, table: str) -> list[Json]:
        sql = (
            f"SELECT x.{column} AS value, COUNT(*) AS n FROM {table} x"
            f" WHERE x.article {scope} GROUP BY value"
        )
        return _top(Counter({row[0]: row[1] for row in store.run(sql, scope_args)}))

    # Each article's actor prefixes, CAMEO roots, PLOVER types and the countries of the places
    # it names, held once each (schema_v4.sql, schema_v5.sql): read from an index on the
    # article, so an article counts once a value. COUNT(DISTINCT) over every mention (about
    # 80 an article) took 30 ms of a search page on the bench store; over every event (for
    # roots and types) and place (joined to its location) 8 to 11 ms each, these 2 to 3.
    facets["actor"] = grouped("prefix", "article_actors")
    facets["root"] = grouped("prefix", "article_roots")
    facets["plover"] = grouped("plover", "article_plovers")
    facets["place"] = grouped("country", "article_countries")
    # Both quotation facets in one pass over the articles' quotations.
    [(quoted, anonymous)] = store.run(
        "SELECT COUNT(DISTINCT x.article),"
        " COUNT(DISTINCT CASE WHEN x.speaker_anonymous = 1 THEN x.article END)"
        f" FROM quotes x WHERE x.article {scope}",
        scope_args,
    )
    for name, with_it in (("has_quote", quoted), ("anonymous", anonymous)):
        facets[name] = [
            {"value": True, "count": with_it},
            {"value": False, "count": counted - with_it},
        ]
    return facets, counted if total > FACET_SAMPLE_ARTICLES else None


def _top(counts: Counter[Any]) -> list[Json]:
    """The FACET_VALUES most frequent values, the most frequent first, then by value."""
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0] is None, item[0] or ""))
    return [{"value": value, "count": n} for value, n in ranked[:FACET_VALUES]]


# --- quotations --------------------------------------------------------------------------------


# The shortest ``speaker=`` that the trigram index of the speakers' words answers (three
# characters: one trigram); a shorter one is compared with every distinct phrase.
SPEAKER_TRIGRAM_CHARS = 3


def _speaker_keys(speaker: str) -> tuple[str, list[Any]]:
    """``SELECT article, idx, id`` of the quotations ``speaker=`` finds (store/filters.py):
    those whose speaker phrase or anonymous source's description hold its words (LIKE,
    case-insensitive), read from the distinct words of ``speaker_words`` (schema_v6.sql),
    and those whose speaker's actor code begins with it. Each quotation once (UNION).

    The words are found through their trigrams first when ``speaker`` has at least
    SPEAKER_TRIGRAM_CHARS characters: the index folds case as LIKE does and more (every
    word LIKE finds, it finds), and LIKE then checks each one it found."""
    like = "%" + speaker.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    words = "SELECT key FROM speaker_words WHERE words LIKE ? ESCAPE '\\'"
    args: list[Any] = [like]
    if len(speaker) >= SPEAKER_TRIGRAM_CHARS:
        words = (
            "SELECT w.key FROM speaker_words_fts"
            " CROSS JOIN speaker_words w ON w.key = speaker_words_fts.rowid"
            " WHERE speaker_words_fts MATCH ? AND w.words LIKE ? ESCAPE '\\'"
        )
        args = ['"' + speaker.replace('"', '""') + '"', like]
    code = speaker.upper()
    return (
        f"SELECT article, idx, id FROM quote_speaker_words WHERE words IN ({words})"
        " UNION SELECT article, idx, id FROM quotes"
        " WHERE speaker_actor IN (SELECT key FROM actors WHERE code GLOB ?)",
        [*args, _glob(code) if code.replace("-", "").isalnum() else ""],
    )


def _speaker_rowids(speaker: str, rowid: str) -> str:
    """The term that a quotation's full-text ``rowid`` is one of the speaker's (tested on each
    match: the unary + keeps FTS5 from being handed the keys as rowid constraints)."""
    keys = _speaker_keys(speaker)[0]
    return f"+{rowid} IN (SELECT (article << {QUOTE_FTS_SHIFT}) + idx FROM ({keys}))"


def _quote_keys(query: QuoteQuery) -> tuple[str, list[Any]]:
    """``SELECT article, idx, id`` of the quotations a query without full-text search finds:
    a speaker's straight from their keys when no other filter reads the quotation's row."""
    if query.speaker and query.anonymous is None and not (query.since or query.until):
        return _speaker_keys(query.speaker)
    from_sql, (where, args) = _quote_terms(query, article_row=False)
    return (
        "SELECT q.article AS article, q.idx AS idx, q.id AS id" + from_sql + _sql_where(where),
        args,
    )


def _quote_terms(query: QuoteQuery, *, article_row: bool = True) -> tuple[str, Where]:
    """The FROM and WHERE of a quotation query; ``article_row`` False leaves out the join to
    the article when no filter reads it (a count: every quotation has its article)."""
    where: list[str] = []
    args: list[Any] = []
    article_row = article_row or bool(query.since or query.until)
    join = " JOIN articles a ON a.key = q.article" if article_row else ""
    if query.q:
        from_sql = (
            " FROM quotes_fts"
            f" JOIN quotes q ON q.article = (quotes_fts.rowid >> {QUOTE_FTS_SHIFT})"
            f" AND q.idx = (quotes_fts.rowid & {(1 << QUOTE_FTS_SHIFT) - 1})" + join
        )
        where.append("quotes_fts MATCH ?")
        args.append(query.q)
        if query.speaker:
            where.append(_speaker_rowids(query.speaker, "quotes_fts.rowid"))
            args += _speaker_keys(query.speaker)[1]
    elif query.speaker:
        # The speaker's quotations first, each then read by its key (CROSS JOIN keeps that
        # order): left to choose, SQLite read every quotation and tested it against them.
        keys, args = _speaker_keys(query.speaker)
        from_sql = (
            f" FROM ({keys}) k CROSS JOIN quotes q ON q.article = k.article AND q.id = k.id" + join
        )
    else:
        from_sql = " FROM quotes q" + join
    if query.anonymous is not None:
        where.append("q.speaker_anonymous = ?")
        args.append(int(query.anonymous))
    if query.since:
        where.append("a.published_first_day >= ?")
        args.append(parse_iso_date(query.since).first.isoformat())
    if query.until:
        where.append("a.published_last_day <= ?")
        args.append(parse_iso_date(query.until).last.isoformat())
    return from_sql, (where, args)


def quotes(store: Store, query: QuoteQuery) -> Iterator[Json]:
    """The quotations matching ``query`` (``limit``/``offset`` applied), streamed."""
    paging, paging_args = _paging(query.limit, query.offset)
    columns = (
        "q.*, a.id AS article_id, a.title AS article_title,"
        " a.outlet AS article_outlet, a.published AS article_published"
    )
    if query.speaker and not query.q:
        # The page's keys first, in order, then their rows: sorting the rows themselves read
        # the quotation and article of every match before the first 50 came out.
        keys, args = _quote_keys(query)
        sql = (
            f"SELECT {columns} FROM ({keys} ORDER BY article, idx{paging}) p"
            " CROSS JOIN quotes q ON q.article = p.article AND q.id = p.id"
            " JOIN articles a ON a.key = q.article ORDER BY p.article, p.idx"
        )
    else:
        # A quotation's full-text rowid is (article << 20) + idx (schema_v3.sql): in its
        # order, FTS5 gives the matches in the list's order, and a page stops at its last row
        # (sorting the 33,333 matches of ``q=said`` first took 0.3 s on the bench store).
        from_sql, (where, args) = _quote_terms(query)
        order = " ORDER BY quotes_fts.rowid" if query.q else " ORDER BY q.article, q.idx"
        sql = f"SELECT {columns}" + from_sql + _sql_where(where) + order + paging
    texts = _ArticleTexts(store)
    for row in store.stream(sql, [*args, *paging_args]):
        text, url = texts.of(row["article"])
        quote = _quote_json(store.conn, store.lookups, row, text)
        quote["article"] = {
            "id": row["article_id"],
            "title": row["article_title"],
            "outlet": row["article_outlet"],
            "url": url,
            "published": row["article_published"],
        }
        yield quote


def quote_speakers(store: Store, query: QuoteQuery, top: int = FACET_VALUES) -> list[Json]:
    """Who is quoted in the matching quotations, the most quoted first: ``speaker`` (the
    speaker's words), ``anonymous``, ``description`` (an anonymous source's), ``code`` (the
    speaker's actor code) and ``quotes``; at most ``top`` of them."""
    from_sql, (where, args) = _quote_terms(query)
    words = (
        "COALESCE(q.speaker_text,"
        " substr(a.text, q.speaker_start + 1, q.speaker_end - q.speaker_start))"
    )
    rows = store.run(
        f"SELECT {words} AS speaker, q.speaker_anonymous AS anonymous,"
        " MAX(q.speaker_description) AS description,"
        " MAX(q.speaker_actor) AS actor, COUNT(*) AS n"
        + from_sql
        + _sql_where(["q.speaker_start IS NOT NULL", *where])
        + " GROUP BY speaker, anonymous ORDER BY n DESC, speaker LIMIT ?",
        [*args, top],
    )
    codes = {
        row["actor"]: (actor_json(store.conn, store.lookups, row["actor"]) or {}).get("code")
        for row in rows
        if row["actor"] is not None
    }
    return [
        {
            "speaker": row["speaker"],
            "anonymous": bool(row["anonymous"]),
            "description": row["description"],
            "code": codes.get(row["actor"]),
            "quotes": row["n"],
        }
        for row in rows
    ]


def count_quotes(store: Store, query: QuoteQuery) -> int:
    """How many quotations match: a full-text query alone (or beside ``speaker``) counts its
    index's rows (each is a quotation's, kept in step by triggers: 33,333 matches of
    ``said`` in 5 rather than 200 ms on the bench store), a speaker alone its quotations'
    keys, and no count reads the articles unless a filter does (counting the 333,333
    anonymous quotations read an article for each, past the 1 s time limit)."""
    if query.q and query.anonymous is None and not (query.since or query.until):
        sql, args = "SELECT COUNT(*) FROM quotes_fts WHERE quotes_fts MATCH ?", [query.q]
        if query.speaker:
            sql += " AND " + _speaker_rowids(query.speaker, "rowid")
            args += _speaker_keys(query.speaker)[1]
        return int(store.run(sql, args)[0][0])
    if query.speaker and not query.q:
        keys, args = _quote_keys(query)
        return int(store.run(f"SELECT COUNT(*) FROM ({keys})", args)[0][0])
    from_sql, (where, args) = _quote_terms(query, article_row=False)
    return int(store.run("SELECT COUNT(*)" + from_sql + _sql_where(where), args)[0][0])


# --- clusters ----------------------------------------------------------------------------------


def clusters(store: Store, query: EventQuery) -> Iterator[Json]:
    """The clusters holding an event that matches ``query``, each with its events at or above
    min_confidence (``limit``/``offset`` count clusters)."""
    min_confidence = store.min_confidence(query.min_confidence)
    found, args = _event_rows(query, min_confidence, "e.cluster AS cluster")
    counts, count_args = _cluster_counts(min_confidence)
    paging, paging_args = _paging(query.limit, query.offset)
    keys = store.run(
        f"SELECT DISTINCT cluster FROM ({found}) ORDER BY cluster" + paging,
        [*args, *paging_args],
    )
    one = (
        "SELECT c.key, c.source, c.target, c.root, c.country, c.negated, c.hypothetical,"
        f" c.date, c.first_day, c.last_day, {counts} FROM clusters c WHERE c.key = ?"
    )
    every = EventQuery(min_confidence=min_confidence)
    for (key,) in keys:
        [row] = store.run(one, [*count_args, key])
        members = matching(every, min_confidence).also("e.cluster = ?", key)
        yield cluster_item(row, list(events(store, every, only=members)))


def cluster_item(row: sqlite3.Row, members: list[Json]) -> Json:
    codes = Counter(e["cameo"] for e in members)
    cameo = min(codes, key=lambda code: (-codes[code], code)) if codes else None
    place = next((e["place"] for e in members if e.get("place")), None)
    return {
        "id": row["key"],
        "source": None if row["source"] == NO_ACTOR else row["source"],
        "target": None if row["target"] == NO_ACTOR else row["target"],
        "cameo": cameo,
        "root": row["root"],
        "date": row["date"],
        "country": row["country"],
        "place": place,
        "negated": bool(row["negated"]),
        "hypothetical": bool(row["hypothetical"]),
        "articles": row["articles"],
        "outlets": row["outlets"],
        "mentions": row["mentions"],
        "events": members,
    }


def cluster(store: Store, key: int, min_confidence: float | None = None) -> Json | None:
    """One cluster by its id, as ``clusters`` lists it (its events at or above
    min_confidence), or None when there is no such cluster (a key SQLite cannot hold
    names none: binding it would overflow)."""
    if not -MAX_WHOLE_NUMBER - 1 <= key <= MAX_WHOLE_NUMBER:
        return None
    floor = store.min_confidence(min_confidence)
    counts, count_args = _cluster_counts(floor)
    found = store.run(
        "SELECT c.key, c.source, c.target, c.root, c.country, c.negated, c.hypothetical,"
        f" c.date, c.first_day, c.last_day, {counts} FROM clusters c WHERE c.key = ?",
        [*count_args, key],
    )
    if not found:
        return None
    every = EventQuery(min_confidence=floor)
    members = matching(every, floor).also("e.cluster = ?", key)
    return cluster_item(found[0], list(events(store, every, only=members)))


def count_clusters(store: Store, query: EventQuery) -> int:
    found, args = _event_rows(
        query, store.min_confidence(query.min_confidence), "e.cluster AS cluster"
    )
    return int(store.run(f"SELECT COUNT(DISTINCT cluster) FROM ({found})", args)[0][0])


# --- timeline and network ----------------------------------------------------------------------


def iso_week(day: str | None) -> str | None:
    """SQL ``dateline_iso_week``: the ISO week (``2006-W20``) of an ISO day."""
    if day is None:
        return None
    from datetime import date

    year, week, _ = date.fromisoformat(day).isocalendar()
    return f"{year}-W{week:02d}"


def _period(interval: str, first: str, last: str) -> str:
    """The SQL of the period (of ``interval``) that holds every day from ``first`` to
    ``last``, NULL when they fall in two."""
    if interval == "day":
        return f"CASE WHEN {first} = {last} THEN {first} END"
    if interval == "week":
        return (
            f"CASE WHEN dateline_iso_week({first}) = dateline_iso_week({last})"
            f" THEN dateline_iso_week({first}) END"
        )
    width = 7 if interval == "month" else 4
    return (
        f"CASE WHEN substr({first}, 1, {width}) = substr({last}, 1, {width})"
        f" THEN substr({first}, 1, {width}) END"
    )


def timeline(store: Store, query: TimelineQuery) -> Json:
    """Events per period of their date, with the articles published in the period.

    ``count``: the matching events (of the matching articles) whose date lies in the period
    (an event whose date spans two periods, such as a year in a monthly timeline, is in
    none); ``articles``: the articles reporting them; ``articles_in_scope``: the articles
    the article filters match (all, with none) published in the period; ``share``: articles
    / articles_in_scope (None when none were published then; above 1 only when articles
    report events of periods before their own).
    """
    min_confidence = store.min_confidence(query.events.min_confidence)
    found = matching(query.events, min_confidence)
    # The article filters the event filters do not apply already (q and outlet are both's).
    applied: dict[str, Any] = {
        name: None
        for name in SHARED_ARTICLE_FILTERS
        if getattr(query.articles, name) == getattr(query.events, name)
    }
    own = replace(query.articles, **applied)
    if own.filters():
        keys, keys_args, _ = _article_keys(own)
        found = found.also(f"e.article IN ({keys})", *keys_args)
    found_sql, args = found.sql(
        "e.first_day AS first_day, e.last_day AS last_day, e.article AS article"
    )
    period = _period(query.interval, "first_day", "last_day")
    rows = store.run(
        f"SELECT {period} AS period, COUNT(*) AS n, COUNT(DISTINCT article) AS arts"
        f" FROM ({found_sql}) WHERE first_day IS NOT NULL"
        " GROUP BY period HAVING period IS NOT NULL ORDER BY period",
        args,
    )
    published = _period(query.interval, "a.published_first_day", "a.published_last_day")
    in_scope_sql = ""  # every article of the period
    in_scope_args: list[Any] = []
    if query.articles.filters():
        keys, in_scope_args, _ = _article_keys(query.articles)
        in_scope_sql = f" AND a.key IN ({keys})"
    scope = {
        row[0]: row[1]
        for row in store.run(
            f"SELECT {published} AS period, COUNT(*) FROM articles a"
            f" WHERE a.published_first_day IS NOT NULL{in_scope_sql} GROUP BY period",
            in_scope_args,
        )
    }
    series = []
    for row in rows:
        in_scope = scope.get(row["period"], 0)
        series.append(
            {
                "period": row["period"],
                "count": row["n"],
                "articles": row["arts"],
                "articles_in_scope": in_scope,
                "share": round(row["arts"] / in_scope, 4) if in_scope else None,
            }
        )
    return {"interval": query.interval, "series": series}


def _feature(column: str) -> str:
    """The SQL of a location's ``column``, else that of another row of the same GeoNames
    id that has it (an event's place is stored without its feature; the article's places
    that name it carry one); a place with no GeoNames id (a post-office town) by its name
    and point (the index on geonameid and name finds it)."""
    return (
        f"COALESCE(l.{column}, (SELECT o.{column} FROM locations o"
        f" WHERE o.geonameid = l.geonameid AND o.{column} IS NOT NULL LIMIT 1),"
        f" (SELECT o.{column} FROM locations o WHERE l.geonameid IS NULL"
        f" AND o.geonameid IS NULL AND o.name = l.name AND o.lat = l.lat AND o.lon = l.lon"
        f" AND o.{column} IS NOT NULL LIMIT 1))"
    )


def places(store: Store, query: EventQuery) -> list[Json]:
    """The places of the matching events, one item a place: its name, country, point,
    GeoNames id and feature (``area`` true for a country or region, whose point is only its
    centre; None when the store does not know), with how many matching events and articles
    it holds, the most events first."""
    found, args = _event_rows(
        query, store.min_confidence(query.min_confidence), "e.place AS place, e.article AS article"
    )
    rows = store.run(
        f"WITH m AS ({found}) SELECT l.name, l.country, l.lat, l.lon, l.geonameid,"
        f" {_feature('feature_class')} AS feature_class,"
        f" {_feature('feature_code')} AS feature_code, {_feature('area')} AS area,"
        " COUNT(*) AS events,"
        " COUNT(DISTINCT m.article) AS articles FROM m JOIN locations l ON l.key = m.place"
        " GROUP BY m.place ORDER BY events DESC, l.name, m.place",
        args,
    )
    return [
        {
            "name": row["name"],
            "country": row["country"],
            "lat": row["lat"],
            "lon": row["lon"],
            "geonameid": row["geonameid"],
            "feature_class": row["feature_class"],
            "feature_code": row["feature_code"],
            "area": None if row["area"] is None else bool(row["area"]),
            "events": row["events"],
            "articles": row["articles"],
        }
        for row in rows
    ]


def network(store: Store, query: EventQuery) -> Json:
    """The actors of the matching events and who acts on whom: ``nodes`` (code, name, events
    it is a party to), ``edges`` (source, target, events, mean Goldstein score), the most
    frequent first; ``limit`` and ``offset`` page the edges."""
    found, args = _event_rows(
        query,
        store.min_confidence(query.min_confidence),
        "e.source_code AS source, e.target_code AS target, e.goldstein AS goldstein",
    )
    paging, paging_args = _paging(query.limit, query.offset)
    edges = [
        {
            "source": row[0],
            "target": row[1],
            "events": row[2],
            "goldstein_mean": None if row[3] is None else round(row[3], 3),
        }
        for row in store.run(
            f"WITH m AS ({found}) SELECT source, target, COUNT(*) AS n, AVG(goldstein) FROM m"
            " WHERE source IS NOT NULL AND target IS NOT NULL"
            " GROUP BY source, target ORDER BY n DESC, source, target" + paging,
            [*args, *paging_args],
        )
    ]
    counted = store.run(
        f"WITH m AS ({found}) SELECT code, COUNT(*) AS n FROM"
        " (SELECT source AS code FROM m WHERE source IS NOT NULL"
        " UNION ALL SELECT target FROM m WHERE target IS NOT NULL)"
        " GROUP BY code ORDER BY n DESC, code",
        args,
    )
    names = _actor_names(store, [row["code"] for row in counted])
    nodes = [
        {"code": row["code"], "name": names.get(row["code"]), "events": row["n"]} for row in counted
    ]
    return {"nodes": nodes, "edges": edges}


def _actor_names(store: Store, codes: list[str]) -> dict[str, str]:
    """The dictionary name of each code (of its first ``actors`` row)."""
    names: dict[str, str] = {}
    for start in range(0, len(codes), 500):
        chunk = codes[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        for row in store.run(
            f"SELECT code, key FROM actors WHERE code IN ({marks}) ORDER BY key", chunk
        ):
            if row["code"] not in names:
                actor = actor_json(store.conn, store.lookups, row["key"])
                if actor is not None:
                    names[row["code"]] = actor["name"]
    return names
