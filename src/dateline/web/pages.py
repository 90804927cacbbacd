"""The web UI's pages (issue 14): Jinja2 templates in ``templates/`` (autoescaped), the app's
own assets in ``static/`` (no CDN), every page under the Content-Security-Policy of
``security.py``.

Each page reads the store through the same queries as the HTTP API (``dateline.Store``'s
methods with the query objects of ``store/filters.py``), takes its filters from the URL (so
every view has a permalink) and links to the API's JSON and CSV twins of its rows. A bad
filter answers the page again with the message and status 400, not a JSON error.

- ``/``: full-text search over the articles and quotations, facets with counts, snippets;
- ``/articles/{id}``: the reader, every annotation highlighted (``reader.py``);
- ``/events``: the event table, the chart over time, the map and the actor network;
- ``/events/{cluster id}``: one act, its sentence, its articles and outlets, its quotation;
- ``/quotes``: quotations by speaker, anonymous sources with their descriptions.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from .. import __version__
from ..errors import DateError, QueryError
from ..store import ArticleQuery, EventQuery, QuoteQuery, TimelineQuery
from ..store.filters import INTERVALS
from .charts import lay_out_chart, lay_out_network
from .maps import View, lay_out_map
from .reader import highlight

__all__ = ["STATIC", "router", "templates"]

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
templates = Jinja2Templates(directory=HERE / "templates")
# Jinja2Templates autoescapes .html templates; say it for every template, whatever its name.
templates.env.autoescape = True

router = APIRouter(include_in_schema=False)

# Rows of a page of the UI's lists.
PAGE_ROWS = 25
# The facets of the search page: (facet, filter parameter, heading), in the order shown.
FACETS = (
    ("outlet", "outlet", "Outlet"),
    ("actor", "actor", "Actor (country or group)"),
    ("root", "cameo", "CAMEO root"),
    ("plover", "plover", "PLOVER type"),
    ("place", "place", "Country named"),
    ("has_quote", "has_quote", "Has a quotation"),
    ("anonymous", "anonymous", "Anonymous source"),
)
CAMEO_ROOTS = {
    "01": "make public statement", "02": "appeal", "03": "express intent to cooperate",
    "04": "consult", "05": "engage in diplomatic cooperation",
    "06": "engage in material cooperation", "07": "provide aid", "08": "yield",
    "09": "investigate", "10": "demand", "11": "disapprove", "12": "reject",
    "13": "threaten", "14": "protest", "15": "exhibit force posture",
    "16": "reduce relations", "17": "coerce", "18": "assault", "19": "fight",
    "20": "use unconventional mass violence",
}  # fmt: skip


# --- helpers for the templates ----------------------------------------------------------------


def params_of(query: Any, *, keep_paging: bool = False) -> dict[str, str]:
    """The URL parameters of a query object's set filters."""
    out: dict[str, str] = {}
    for f in dataclasses.fields(query):
        value = getattr(query, f.name)
        if value is None or (f.name in ("limit", "offset") and not keep_paging):
            continue
        if f.name == "offset" and not value:
            continue
        out[f.name] = str(value).lower() if isinstance(value, bool) else str(value)
    return out


def url(path: str, params: dict[str, Any] | None = None, **changes: Any) -> str:
    """``path`` with ``params`` as its query string, ``changes`` applied (None removes)."""
    merged = {**(params or {}), **changes}
    kept = {k: v for k, v in merged.items() if v is not None and v != ""}
    return path + ("?" + urlencode(kept) if kept else "")


def marked_snippet(snippet: str | None) -> Markup:
    """A search snippet, escaped, with the matched words (between ``**``) in ``<mark>``."""
    if not snippet:
        return Markup("")
    out = Markup()
    for i, part in enumerate(snippet.split("**")):
        out += Markup("<mark>{}</mark>").format(part) if i % 2 else escape(part)
    return out


templates.env.globals.update(url=url, version=__version__, cameo_roots=CAMEO_ROOTS)
templates.env.filters["snippet"] = marked_snippet


def _query(kind: type[Any], request: Request, **defaults: Any) -> Any:
    """The query object of ``kind`` from the page's URL parameters (its own fields only)."""
    names = {f.name for f in dataclasses.fields(kind)}
    given = {k: v for k, v in request.query_params.items() if k in names and v != ""}
    return kind(**{**defaults, **given})


def _page(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    return templates.TemplateResponse(
        request, name, {"request": request, **context}, status_code=status
    )


def _bad_filter(request: Request, name: str, error: Exception, **context: Any) -> HTMLResponse:
    return _page(request, name, {"error": str(error), **context}, status=400)


def _offset(request: Request) -> int:
    value = request.query_params.get("offset", "0")
    return int(value) if value.isdigit() else 0


# --- pages ------------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def index(request: Request) -> HTMLResponse:
    """Search: full-text over articles and quotations, facets, date range, snippets."""
    archive = request.app.state.archive
    try:
        query = _query(ArticleQuery, request, limit=PAGE_ROWS, offset=_offset(request))
    except (QueryError, DateError) as e:
        return _bad_filter(request, "index.html", e, params={}, facets=FACETS)
    params = params_of(query)
    with archive.reader() as store:
        counts = None
        if not params:  # the front page says what the archive holds
            counts = {table: store.count(table) for table in ("articles", "events", "quotes")}
        page = store.page(query).to_json()
    return _page(
        request,
        "index.html",
        {
            "query": query,
            "params": params,
            "counts": counts,
            "page": page,
            "facets": FACETS,
            "rows": PAGE_ROWS,
        },
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> HTMLResponse:
    """The reader: the text with every annotation highlighted, and the side panel."""
    with request.app.state.archive.reader() as store:
        found = store.article(article_id)
    if found is None:
        return _page(request, "missing.html", {"what": f"article {article_id}"}, status=404)
    quotes = {q["id"]: q for q in found["quotes"]}
    return _page(
        request,
        "article.html",
        {"doc": found, "text": highlight(found), "quotes_by_id": quotes},
    )


def _event_context(request: Request) -> dict[str, Any]:
    query = _query(EventQuery, request, limit=PAGE_ROWS, offset=_offset(request))
    interval = request.query_params.get("interval") or "month"
    timeline_query = TimelineQuery(interval=interval, events=query)
    scale = "raw" if request.query_params.get("scale") == "raw" else "share"
    view = View.parse(request.query_params.get("map"))
    return {
        "query": query,
        "timeline_query": timeline_query,
        "scale": scale,
        "view": view,
        "params": params_of(query),
        "ui": {
            k: v
            for k, v in (("interval", interval), ("scale", scale), ("map", str(view)))
            if v not in ("month", "share", str(View()))
        },
    }


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request) -> HTMLResponse:
    """The event table with the API's filters, the chart, the map and the network."""
    try:
        context = _event_context(request)
    except (QueryError, DateError) as e:
        return _bad_filter(request, "events.html", e, params={}, ui={}, intervals=INTERVALS)
    query: EventQuery = context["query"]
    errors: dict[str, str] = {}

    def panel(name: str, read: Callable[[], Any], empty: Any) -> Any:
        """One panel's rows; a query over the time limit (E102) empties that panel only,
        and the page says so."""
        try:
            return read()
        except QueryError as e:
            errors[name] = str(e)
            return empty

    with request.app.state.archive.reader() as store:
        page = panel("table", lambda: store.page(query).to_json(), {"total": None, "items": []})
        timeline = panel(
            "chart",
            lambda: store.timeline(context["timeline_query"]),
            {"interval": context["timeline_query"].interval, "series": []},
        )
        places = panel("map", lambda: store.places(query), [])
        network = panel("network", lambda: store.network(query), {"nodes": [], "edges": []})
    return _page(
        request,
        "events.html",
        {
            **context,
            "page": page,
            "errors": errors,
            "rows": PAGE_ROWS,
            "intervals": INTERVALS,
            "timeline": timeline,
            "chart": lay_out_chart(timeline),
            "map": lay_out_map(places, context["view"]),
            "places": places,
            "network": lay_out_network(network),
        },
    )


@router.get("/events/{cluster_id}", response_class=HTMLResponse)
def event_page(request: Request, cluster_id: int) -> HTMLResponse:
    """One act: its sentence, its cluster's articles and outlets, the quotation reporting it."""
    with request.app.state.archive.reader() as store:
        found = store.cluster(cluster_id)
        reports: dict[str, dict[str, Any]] = {}
        if found is not None:
            for event in found["events"]:
                if event["reported_by"]:
                    doc = store.article(event["article"]["id"])
                    for quote in doc["quotes"] if doc else []:
                        if quote["id"] == event["reported_by"]:
                            reports[f"{event['article']['id']}/{event['id']}"] = quote
    if found is None:
        return _page(request, "missing.html", {"what": f"event {cluster_id}"}, status=404)
    outlets = sorted({e["article"]["outlet"] or "(no outlet)" for e in found["events"]})
    articles = {e["article"]["id"]: e["article"] for e in found["events"]}
    return _page(
        request,
        "event.html",
        {
            "cluster": found,
            "first": found["events"][0] if found["events"] else None,
            "reports": reports,
            "outlets": outlets,
            "articles": list(articles.values()),
        },
    )


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(request: Request) -> HTMLResponse:
    """Quotations by speaker; anonymous sources with their descriptions."""
    try:
        query = _query(QuoteQuery, request, limit=PAGE_ROWS, offset=_offset(request))
    except (QueryError, DateError) as e:
        return _bad_filter(request, "quotes.html", e, params={})
    errors: dict[str, str] = {}
    with request.app.state.archive.reader() as store:
        try:
            page = store.page(query).to_json()
        except QueryError as e:  # over the time limit (E102): say so, keep the page
            errors["list"], page = str(e), {"total": None, "items": []}
        try:
            speakers = store.quote_speakers(dataclasses.replace(query, limit=None, offset=0))
        except QueryError as e:
            errors["speakers"], speakers = str(e), []
    return _page(
        request,
        "quotes.html",
        {
            "query": query,
            "errors": errors,
            "params": params_of(query),
            "page": page,
            "speakers": speakers,
            "rows": PAGE_ROWS,
        },
    )
