"""The web UI's pages (issue 14 builds them here): Jinja2 templates in ``templates/``, the
app's own assets in ``static/`` (no CDN), every page under the Content-Security-Policy of
``security.py``. For now the front page says what the archive holds and where the API is.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from .. import __version__

__all__ = ["STATIC", "router", "templates"]

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
templates = Jinja2Templates(directory=HERE / "templates")

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def index(request: Request) -> HTMLResponse:
    with request.app.state.archive.open() as store:
        counts = {table: store.count(table) for table in ("articles", "events", "quotes")}
    return templates.TemplateResponse(
        request, "index.html", {"counts": counts, "version": __version__}
    )
