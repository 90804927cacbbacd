"""``dateline serve``: the HTTP API and the UI over one store, with uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer

from ..errors import DatelineError
from .common import console, fail, make_settings
from .filters import Db

SERVE_HELP = (
    "Serve the store: the HTTP API under /api (described at /openapi.json) and the web UI.\n\n"
    "Listens on 127.0.0.1 unless --host says otherwise. With --read-only the store file is "
    "opened read-only (and POST /api/extract?store=true is refused). Every query has the "
    "time limit query_time_limit_ms; an upload at most max_article_bytes."
)


def serve_cli(
    db: Db = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on (0.0.0.0: every interface).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    read_only: Annotated[
        bool, typer.Option("--read-only", help="Open the store read-only: nothing is written.")
    ] = False,
) -> None:
    """Serve the store: the HTTP API under /api (described at /openapi.json) and the web UI."""
    import uvicorn

    from ..web import create_app

    settings = make_settings(db=db)
    try:
        app = create_app(settings.db, read_only=read_only, settings=settings)
    except DatelineError as e:
        fail(str(e))
        return
    mode = "read-only" if read_only else "read-write"
    console.print(
        f"dateline serves {settings.db} ({mode}) at http://{host}:{port}/ "
        f"(API: http://{host}:{port}/openapi.json)",
        highlight=False,
    )
    uvicorn.run(app, host=host, port=port, log_level="info")
