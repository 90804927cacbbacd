"""The web app: one FastAPI app serving the HTTP API and the UI's pages (issue 13).

``create_app(db)`` makes it; ``dateline serve`` runs it with uvicorn. Its parts:
``api.py`` (the routes under ``/api``), ``pages.py`` with ``templates/`` and ``static/``
(the UI), ``errors.py`` (the one JSON error shape), ``security.py`` (the
Content-Security-Policy on every response, the body size limit) and ``state.py`` (the store
and the pipeline). ``/openapi.json`` describes every route; the interactive docs pages are
off, as they load scripts from a CDN.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..settings import Settings
from . import api, pages
from .errors import install_error_handlers
from .security import LimitBody, SecurityHeaders
from .state import Archive

__all__ = ["create_app"]

DESCRIPTION = (
    "The archive of a dateline store: articles, quotations and coded events, searched and "
    "filtered; clusters of the same act; timeline and actor network; complete exports; and "
    "extraction of new articles with the pipeline of `dateline extract`. Errors are "
    '`{"error": {"code": "E…", "message": "…"}}` with a 4xx status.'
)


def create_app(
    db: str | Path, *, read_only: bool = False, settings: Settings | None = None
) -> FastAPI:
    """The app serving the store ``db`` (it must exist: E050). With ``read_only`` the file
    is opened read-only and ``POST /api/extract?store=true`` is refused (E105)."""
    settings = settings or Settings.from_env()
    archive = Archive(Path(db), read_only, settings)
    archive.check()
    app = FastAPI(
        title="dateline",
        version=__version__,
        description=DESCRIPTION,
        openapi_url="/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.archive = archive
    install_error_handlers(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=pages.STATIC), name="static")
    # Outermost last: the headers go on every response, errors of the limit included.
    app.add_middleware(LimitBody, max_bytes=settings.max_article_bytes)
    app.add_middleware(SecurityHeaders)
    return app
