"""Events as PLOVER-style JSON objects, one a line (issue 13).

The fields follow the PLOVER gold-standard records (openeventdata/PLOVER,
``PLOVER_GSR_CAMEO``): ``id``, ``date``, ``event`` (the PLOVER type), ``mode``, ``context``,
``source`` and ``target`` (lists of ``{"actorText", "code", "sector"}``), ``eventText``,
``text`` (the sentence), ``language``, ``publication`` (the outlet), ``coder`` and
``dateCoded``; dateline adds what traces each record back: ``url``, ``article`` (its id),
``eventId``, the ``cameo`` code, the ``location`` (GeoNames names), ``negated``,
``hypothetical`` and ``confidence``. Events whose CAMEO code has no PLOVER type (roots 01
and 02 but APPEAL's REQUEST: ``events/plover.py``) are left out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from .. import __version__
from ..store.clusters_lexicon import AGENT_CODES, ORGANISATION_TYPES

__all__ = ["plover_chunks", "plover_record"]


def _actor(actor: dict[str, Any] | None) -> list[dict[str, Any]]:
    if not actor or not actor.get("code"):
        return []
    code: str = actor["code"]
    chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
    start = 2 if chunks[0] in ORGANISATION_TYPES else 1
    sector = next((chunk for chunk in chunks[start:] if chunk in AGENT_CODES), None)
    return [{"actorText": actor.get("text"), "code": code, "sector": sector}]


def plover_record(event: dict[str, Any]) -> dict[str, Any] | None:
    """The PLOVER-style object of one event as the store lists it (None: no PLOVER type)."""
    plover = event.get("plover") or {}
    if not plover.get("type"):
        return None
    article = event.get("article") or {}
    date = event.get("date") or {}
    place = event.get("place")
    return {
        "id": f"{article.get('id')}-{event.get('id')}",
        "date": date.get("value") or article.get("published"),
        "event": plover["type"],
        "mode": plover.get("mode"),
        "context": None,
        "source": _actor(event.get("source")),
        "target": _actor(event.get("target")),
        "eventText": (event.get("trigger") or {}).get("text"),
        "text": (event.get("sentence") or {}).get("text"),
        "language": "en",
        "publication": article.get("outlet"),
        "url": article.get("url"),
        "article": article.get("id"),
        "eventId": event.get("id"),
        "cameo": event.get("cameo"),
        "location": None
        if not place
        else {
            "name": place.get("name"),
            "countryCode": place.get("country"),
            "lat": place.get("lat"),
            "lon": place.get("lon"),
            "geonameid": place.get("geonameid"),
        },
        "negated": bool(event.get("negated")),
        "hypothetical": bool(event.get("hypothetical")),
        "confidence": event.get("confidence"),
        "coder": f"dateline {__version__} ({event.get('coder')})",
        "dateCoded": (article.get("ingested_at") or "")[:10] or None,
    }


def plover_chunks(
    events: Iterable[dict[str, Any]], *, rows_per_chunk: int = 500
) -> Iterator[bytes]:
    """One PLOVER-style object a line, in UTF-8 chunks; events with no PLOVER type skipped."""
    lines: list[str] = []
    for event in events:
        record = plover_record(event)
        if record is None:
            continue
        lines.append(json.dumps(record, ensure_ascii=False) + "\n")
        if len(lines) >= rows_per_chunk:
            yield "".join(lines).encode("utf-8")
            lines = []
    if lines:
        yield "".join(lines).encode("utf-8")
