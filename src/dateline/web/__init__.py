"""The web app: the HTTP API and the UI over one store (``dateline serve``)."""

from .app import create_app

__all__ = ["create_app"]
