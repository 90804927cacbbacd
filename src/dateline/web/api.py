"""The HTTP API (issue 13; docs/OUTPUT.md, "The archive"): JSON lists with ``.csv`` twins,
an article, the timeline, the network, clusters, exports and extraction.

Each route is a thin wrapper over ``dateline.Store``'s query of the same name: the filters
are the query objects' fields (``store/filters.py``), so the API, the CLI and the Python
store give the same rows. A JSON list answers one page (``limit``, default 50, at most
1000); its ``.csv`` twin streams every row (``limit``/``offset`` only when given). A route
refuses a query parameter it does not take (E100), so a misspelt filter is never ignored.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterator
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response, StreamingResponse
from fastapi.routing import APIRoute

from ..errors import E_BAD_PARAM, E_EMPTY_BODY, E_NO_ARTICLE, E_NO_CLUSTER, E_READ_ONLY
from ..export import open_export
from ..export.tabular import (
    ARTICLE_CSV_COLUMNS,
    CLUSTER_CSV_COLUMNS,
    EDGE_CSV_COLUMNS,
    EVENT_CSV_COLUMNS,
    PLACE_CSV_COLUMNS,
    QUOTE_CSV_COLUMNS,
    SERIES_CSV_COLUMNS,
    article_record,
    cluster_record,
    csv_chunks,
    event_record,
    plain_record,
    quote_record,
)
from ..store import ArticleQuery, EventQuery, QuoteQuery, Store, TimelineQuery
from ..store.filters import MAX_WHOLE_NUMBER
from .errors import ApiError
from .state import Archive

__all__ = ["router"]


def known_parameters(request: Request) -> None:
    """Refuse a query parameter the route does not take (E100): a misspelt filter
    (``?actr=IRQ``) answered every row as if there were no filter."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    known = _parameter_names(route)
    for name, value in request.query_params.multi_items():
        if name not in known:
            reason = f"{route.path} takes no such parameter; it takes: {', '.join(sorted(known))}"
            if not known:
                reason = f"{route.path} takes no parameter"
            raise ApiError(400, "E100", E_BAD_PARAM.format(name=name, value=value, reason=reason))


# The query parameters of each route (its dependencies' included), by the route's id.
_PARAMETER_NAMES: dict[str, frozenset[str]] = {}


def _parameter_names(route: APIRoute) -> frozenset[str]:
    names = _PARAMETER_NAMES.get(route.unique_id)
    if names is None:
        found: set[str] = set()
        todo = [route.dependant]
        while todo:
            dependant = todo.pop()
            found.update(param.alias for param in dependant.query_params)
            todo.extend(dependant.dependencies)
        names = _PARAMETER_NAMES[route.unique_id] = frozenset(found)
    return names


router = APIRouter(prefix="/api", tags=["api"], dependencies=[Depends(known_parameters)])

CSV = "text/csv; charset=utf-8"


def archive(request: Request) -> Archive:
    state: Archive = request.app.state.archive
    return state


ArchiveDep = Annotated[Archive, Depends(archive)]

# --- the filters, as query parameters -------------------------------------------------------

Q = Annotated[
    str | None,
    Query(description='Full-text query, FTS5 syntax: words, "phrases", AND, OR, NOT, prefix*.'),
]
Since = Annotated[str | None, Query(description="From this date: YYYY, YYYY-MM or YYYY-MM-DD.")]
Until = Annotated[str | None, Query(description="Up to this date: YYYY, YYYY-MM or YYYY-MM-DD.")]
Limit = Annotated[
    int | None, Query(description="Rows of the page (JSON: default 50, at most 1000).")
]
Offset = Annotated[int, Query(description="Rows to skip.")]
Flag = Annotated[bool | None, Query()]
# The article filters the article list and the timeline share.
ArticlePlace = Annotated[
    str | None, Query(description="Articles naming this place (name or ISO country code).")
]
HasQuote = Annotated[bool | None, Query(description="Articles with quotations, or without.")]
Anonymous = Annotated[
    bool | None,
    Query(description="Articles with a quotation from an anonymous source, or without."),
]


def event_filters(
    q: Q = None,
    actor: Annotated[str | None, Query(description="Source or target code prefix (IRQ).")] = None,
    source: Annotated[str | None, Query(description="Source code prefix.")] = None,
    target: Annotated[str | None, Query(description="Target code prefix.")] = None,
    cameo: Annotated[str | None, Query(description="CAMEO code prefix (04, 046).")] = None,
    plover: Annotated[str | None, Query(description="PLOVER type (CONSULT).")] = None,
    quad: Annotated[int | None, Query(description="Quad class, 1-4.")] = None,
    since: Since = None,
    until: Until = None,
    country: Annotated[
        str | None, Query(description="Country of the event's place (IQ or IRQ).")
    ] = None,
    near: Annotated[
        str | None, Query(description="LAT,LON,KM: the event's place within KM km.")
    ] = None,
    outlet: Annotated[str | None, Query(description="The article's outlet.")] = None,
    min_confidence: Annotated[
        float | None, Query(description="Leave out events under it (default: the setting).")
    ] = None,
    negated: Flag = None,
    hypothetical: Flag = None,
) -> EventQuery:
    """The event filters (``EventQuery``), for a route that has no pages."""
    return EventQuery(
        q=q,
        actor=actor,
        source=source,
        target=target,
        cameo=cameo,
        plover=plover,
        quad=quad,
        since=since,
        until=until,
        country=country,
        near=near,
        outlet=outlet,
        min_confidence=min_confidence,
        negated=negated,
        hypothetical=hypothetical,
    )


EventFilters = Annotated[EventQuery, Depends(event_filters)]


def event_query(filters: EventFilters, limit: Limit = None, offset: Offset = 0) -> EventQuery:
    """The event filters and a page of their rows."""
    return dataclasses.replace(filters, limit=limit, offset=offset)


def timeline_article_query(
    place: ArticlePlace = None, has_quote: HasQuote = None, anonymous: Anonymous = None
) -> ArticleQuery:
    """The article filters of a timeline beside its event filters: those the event filters
    lack (``q`` and ``outlet`` are both's; ``TimelineQuery``)."""
    return ArticleQuery(place=place, has_quote=has_quote, anonymous=anonymous)


def article_query(
    q: Q = None,
    outlet: Annotated[str | None, Query(description="The outlet, as stored.")] = None,
    since: Since = None,
    until: Until = None,
    actor: Annotated[str | None, Query(description="An actor code prefix it mentions.")] = None,
    place: ArticlePlace = None,
    has_quote: HasQuote = None,
    anonymous: Anonymous = None,
    cameo: Annotated[
        str | None, Query(description="With an event of this CAMEO code prefix (04).")
    ] = None,
    plover: Annotated[
        str | None, Query(description="With an event of this PLOVER type (CONSULT).")
    ] = None,
    limit: Limit = None,
    offset: Offset = 0,
) -> ArticleQuery:
    """The article filters (``ArticleQuery``)."""
    return ArticleQuery(
        q=q,
        outlet=outlet,
        since=since,
        until=until,
        actor=actor,
        place=place,
        has_quote=has_quote,
        anonymous=anonymous,
        cameo=cameo,
        plover=plover,
        limit=limit,
        offset=offset,
    )


def quote_query(
    q: Annotated[str | None, Query(description="Full-text query over the quotations.")] = None,
    speaker: Annotated[
        str | None, Query(description="Words of the speaker, or its actor code prefix.")
    ] = None,
    anonymous: Annotated[
        bool | None, Query(description="Anonymous sources only, or named.")
    ] = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = None,
    offset: Offset = 0,
) -> QuoteQuery:
    """The quotation filters (``QuoteQuery``)."""
    return QuoteQuery(
        q=q, speaker=speaker, anonymous=anonymous, since=since, until=until, limit=limit,
        offset=offset,
    )  # fmt: skip


Events = Annotated[EventQuery, Depends(event_query)]
TimelineArticles = Annotated[ArticleQuery, Depends(timeline_article_query)]
Articles = Annotated[ArticleQuery, Depends(article_query)]
Quotes = Annotated[QuoteQuery, Depends(quote_query)]
Interval = Annotated[str, Query(description="day, week, month or year.")]

# --- helpers ----------------------------------------------------------------------------------


def _page(
    archive: Archive, query: ArticleQuery | EventQuery | QuoteQuery, **kw: Any
) -> JSONResponse:
    """One page as JSON. Its values are JSON's own types already: FastAPI's encoder, which
    walks every value of a returned dict again, took 6 to 8 ms of a search page of 50
    articles with facets; the response renders the same bytes without it."""
    with archive.reader() as store:
        return JSONResponse(store.page(query, **kw).to_json())


def _csv(
    archive: Archive,
    rows: Callable[[Store], Iterator[dict[str, Any]]],
    columns: tuple[str, ...],
    record: Callable[[dict[str, Any]], dict[str, Any]],
    name: str,
) -> StreamingResponse:
    """Stream every row as CSV; the store stays open until the last row is sent."""
    store = archive.open()
    try:
        first = rows(store)
        chunks = csv_chunks(first, columns, record)
        head = next(chunks)  # a bad query fails here, before the response starts
    except BaseException:
        store.close()
        raise

    def body() -> Iterator[bytes]:
        try:
            yield head
            yield from chunks
        finally:
            store.close()

    return StreamingResponse(
        body(),
        media_type=CSV,
        headers={"content-disposition": f'attachment; filename="{name}.csv"'},
    )


# --- routes -----------------------------------------------------------------------------------


@router.get("/articles", summary="Articles: full-text search and filters, with facets")
def get_articles(archive: ArchiveDep, query: Articles) -> Any:
    return _page(archive, query)


@router.get("/articles.csv", summary="The articles of /api/articles, every page, as CSV")
def get_articles_csv(archive: ArchiveDep, query: Articles) -> StreamingResponse:
    return _csv(
        archive, lambda s: s.articles(query), ARTICLE_CSV_COLUMNS, article_record, "articles"
    )


@router.get("/articles/{article_id}", summary="One article: the `dateline extract` object")
def get_article(archive: ArchiveDep, article_id: str) -> Any:
    with archive.reader() as store:
        found = store.article(article_id)
    if found is None:
        raise ApiError(404, "E103", E_NO_ARTICLE.format(id=article_id))
    return found


@router.get("/events", summary="Events: filters by actor, code, date, place and confidence")
def get_events(archive: ArchiveDep, query: Events) -> Any:
    return _page(archive, query)


@router.get("/events.csv", summary="The events of /api/events, every page, as CSV")
def get_events_csv(archive: ArchiveDep, query: Events) -> StreamingResponse:
    return _csv(archive, lambda s: s.events(query), EVENT_CSV_COLUMNS, event_record, "events")


@router.get("/quotes", summary="Quotations: full-text search, speaker, anonymity")
def get_quotes(archive: ArchiveDep, query: Quotes) -> Any:
    return _page(archive, query)


@router.get("/quotes.csv", summary="The quotations of /api/quotes, every page, as CSV")
def get_quotes_csv(archive: ArchiveDep, query: Quotes) -> StreamingResponse:
    return _csv(archive, lambda s: s.quotes(query), QUOTE_CSV_COLUMNS, quote_record, "quotes")


@router.get("/clusters", summary="The same act reported by several articles, one item each")
def get_clusters(archive: ArchiveDep, query: Events) -> Any:
    return _page(archive, query, clusters=True)


@router.get("/clusters/{cluster_id}", summary="One cluster: the same act and its articles")
def get_cluster(
    archive: ArchiveDep,
    cluster_id: Annotated[
        int, Path(le=MAX_WHOLE_NUMBER, description="The cluster's id, as /api/clusters lists it.")
    ],
) -> Any:
    with archive.reader() as store:
        found = store.cluster(cluster_id)
    if found is None:
        raise ApiError(404, "E109", E_NO_CLUSTER.format(id=cluster_id))
    return found


@router.get("/clusters.csv", summary="The clusters of /api/clusters, every page, as CSV")
def get_clusters_csv(archive: ArchiveDep, query: Events) -> StreamingResponse:
    return _csv(
        archive, lambda s: s.clusters(query), CLUSTER_CSV_COLUMNS, cluster_record, "clusters"
    )


TIMELINE_DESCRIPTION = (
    "The event filters and the article filters: the events counted are those of the "
    "matching articles, and articles_in_scope counts the matching articles published in "
    "the period (q and outlet filter both). Every period is given: no limit or offset."
)


@router.get(
    "/timeline",
    summary="Matching events per period, with the articles in scope",
    description=TIMELINE_DESCRIPTION,
)
def get_timeline(
    archive: ArchiveDep,
    query: EventFilters,
    articles: TimelineArticles,
    interval: Interval = "month",
) -> Any:
    timeline = TimelineQuery(interval=interval, events=query, articles=articles)
    with archive.reader() as store:
        return store.timeline(timeline)


@router.get(
    "/timeline.csv", summary="The periods of /api/timeline as CSV", description=TIMELINE_DESCRIPTION
)
def get_timeline_csv(
    archive: ArchiveDep,
    query: EventFilters,
    articles: TimelineArticles,
    interval: Interval = "month",
) -> StreamingResponse:
    timeline = TimelineQuery(interval=interval, events=query, articles=articles)
    return _csv(
        archive,
        lambda s: iter(s.timeline(timeline)["series"]),
        SERIES_CSV_COLUMNS,
        plain_record(SERIES_CSV_COLUMNS),
        "timeline",
    )


@router.get("/places", summary="The places of the matching events, with their counts")
def get_places(archive: ArchiveDep, query: EventFilters) -> Any:
    with archive.reader() as store:
        return {"items": store.places(query)}


@router.get("/places.csv", summary="The places of /api/places as CSV")
def get_places_csv(archive: ArchiveDep, query: EventFilters) -> StreamingResponse:
    return _csv(
        archive,
        lambda s: iter(s.places(query)),
        PLACE_CSV_COLUMNS,
        plain_record(PLACE_CSV_COLUMNS),
        "places",
    )


@router.get("/network", summary="The actors of the matching events and who acts on whom")
def get_network(archive: ArchiveDep, query: Events) -> Any:
    with archive.reader() as store:
        return store.network(query)


@router.get("/network.csv", summary="The edges of /api/network as CSV")
def get_network_csv(archive: ArchiveDep, query: Events) -> StreamingResponse:
    return _csv(
        archive,
        lambda s: iter(s.network(query)["edges"]),
        EDGE_CSV_COLUMNS,
        plain_record(EDGE_CSV_COLUMNS),
        "network",
    )


@router.get(
    "/export",
    summary="Every matching event in one file, streamed, never capped",
    description="format: csv, jsonl, parquet, gdelt (GDELT 2.0 columns, TSV) or plover "
    "(PLOVER-style JSON lines). The manifest (query, rows, versions, dictionaries, time, "
    "citation) is in the X-Dateline-Manifest header, as URL-encoded JSON.",
    response_class=Response,
)
def get_export(
    archive: ArchiveDep,
    query: Events,
    format: Annotated[str, Query(description="csv, jsonl, parquet, gdelt or plover")] = "csv",
) -> StreamingResponse:
    store = archive.open()
    try:
        export = open_export(store, query, format)
    except BaseException:
        store.close()
        raise

    def body() -> Iterator[bytes]:
        try:
            yield from export.chunks
        finally:
            export.chunks.close()
            store.close()

    name = f"dateline-events{export.format.suffix}"
    manifest = quote(json.dumps(export.manifest, ensure_ascii=False, separators=(",", ":")))
    return StreamingResponse(
        body(),
        media_type=export.format.media_type,
        headers={
            "x-dateline-manifest": manifest,
            "content-disposition": f'attachment; filename="{name}"',
        },
    )


@router.get(
    "/export/manifest",
    summary="The manifest of /api/export with the same query, as a JSON file",
    description="What the X-Dateline-Manifest header of the export holds (query, rows, "
    "versions, dictionaries, time, citation), for a browser that saves the export.",
)
def get_export_manifest(
    archive: ArchiveDep,
    query: Events,
    format: Annotated[str, Query(description="csv, jsonl, parquet, gdelt or plover")] = "csv",
) -> JSONResponse:
    with archive.reader() as store:
        export = open_export(store, query, format)
        export.chunks.close()
    name = f"dateline-events{export.format.suffix}.manifest.json"
    return JSONResponse(
        export.manifest, headers={"content-disposition": f'attachment; filename="{name}"'}
    )


@router.post(
    "/extract",
    summary="Extract one article (text or HTML in the body): the `dateline extract` object",
    description="The same pipeline as `dateline extract`. With store=true the article is "
    "also stored (not on a read-only store). The body may hold at most max_article_bytes.",
)
async def post_extract(
    request: Request,
    archive: ArchiveDep,
    date: Annotated[
        str | None, Query(description="Publication date: YYYY, YYYY-MM or YYYY-MM-DD.")
    ] = None,
    url: Annotated[str | None, Query(description="The article's URL.")] = None,
    store: Annotated[bool, Query(description="Also store the article.")] = False,
) -> JSONResponse:
    if store and archive.read_only:
        raise ApiError(403, "E105", E_READ_ONLY)
    body = b"".join([chunk async for chunk in request.stream()])
    if not body.strip():
        raise ApiError(400, "E108", E_EMPTY_BODY)
    article, stored = await run_in_threadpool(archive.extract, body, date, url, store)
    headers = {"x-dateline-stored": "new" if stored else "known"} if store else {}
    return JSONResponse(article, headers=headers)
