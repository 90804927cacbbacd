"""The embedded SQLite store."""

from .store import EventQuery, Store

__all__ = ["EventQuery", "Store"]
