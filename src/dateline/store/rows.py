"""The output object of an article (OUTPUT.md) as table rows, and back again.

``insert_article_rows`` writes the mentions, places, times, quotations and events of one
article object; ``read_article_json`` and ``event_json`` rebuild the objects from the rows,
equal to what ``dateline extract --format json`` gives. Every field has one home:

- a span's text is the article's text at ``[start, end)``, so a ``text`` column is NULL
  unless the span says otherwise (the rule ``own_text``);
- an actor, a gazetteer entry and a dictionary pattern are rows of a lookup table
  (``lookups.py``), referred to by key;
- the days a date covers (``first_day``, ``last_day``) are derived from it here, as
  ``dates.calendar_range`` reads it, for the date filters' indexes (schema version 3).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from typing import Any

from ..dates import calendar_range
from .lookups import Lookups

Json = dict[str, Any]

# A quotation's row in ``quotes_fts`` packs its article's key and its order (schema_v3.sql).
QUOTE_FTS_SHIFT = 20


def quote_fts_rowid(article_key: int, idx: int) -> int:
    """The ``quotes_fts`` rowid of the quotation ``idx`` of article ``article_key``."""
    return (article_key << QUOTE_FTS_SHIFT) + idx


def days(value: str | None) -> tuple[str | None, str | None]:
    """The first and last day (ISO) a stored date value covers; (None, None) when it names no
    calendar period (``XXXX-WXX-7``) or is None."""
    found = calendar_range(value)
    return (found.first.isoformat(), found.last.isoformat()) if found else (None, None)


def own_text(text: str, start: int | None, end: int | None, value: str | None) -> str | None:
    """What a span's ``text`` column holds: NULL when the span's text is the article's own
    text at its offsets (the rule everywhere today), the span's text otherwise."""
    if start is not None and end is not None and value == text[start:end]:
        return None
    return value


def span_text(text: str, start: int | None, end: int | None, stored: str | None) -> str | None:
    """The inverse of ``own_text``."""
    if stored is None and start is not None and end is not None:
        return text[start:end]
    return stored


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


# --- writing ---------------------------------------------------------------------------------


def actor_key(conn: sqlite3.Connection, lookups: Lookups, actor: Mapping[str, Any] | None) -> Any:
    """The ``actors`` key of an actor object (None for none)."""
    if actor is None:
        return None
    valid = actor.get("valid") or {}
    agents = actor.get("agents")
    return lookups.actors.key_for(
        conn,
        (
            actor["code"],
            actor["name"],
            actor.get("country"),
            _compact(agents) if agents else None,
            valid.get("from"),
            valid.get("until"),
        ),
    )


def location_key(
    conn: sqlite3.Connection, lookups: Lookups, place: Mapping[str, Any], *, feature: bool
) -> int:
    """The ``locations`` key of a place, event place or dateline object."""
    return lookups.locations.key_for(
        conn,
        (
            place["name"],
            place.get("country"),
            place.get("lat"),
            place.get("lon"),
            place.get("geonameid"),
            place.get("feature_class") if feature else None,
            place.get("feature_code") if feature else None,
            place.get("admin1") if feature else None,
            place.get("admin2") if feature else None,
            int(place["area"]) if feature and place.get("area") is not None else None,
        ),
    )


def article_row(
    conn: sqlite3.Connection, lookups: Lookups, doc: Mapping[str, Any]
) -> dict[str, Any]:
    """The ``articles`` columns of an article object, but for ``key``, ``id`` and
    ``ingested_at``, which the store sets."""
    head = doc["article"]
    published = head.get("published")
    dateline = head.get("dateline")
    offsets = head.get("input_offsets")
    first_day, last_day = days(published["value"] if published else None)
    return {
        "outlet": head.get("outlet"),
        "title": head.get("title"),
        "published": published["value"] if published else None,
        "published_precision": published["precision"] if published else None,
        "published_source": published["source"] if published else None,
        "dateline": location_key(conn, lookups, dateline, feature=False) if dateline else None,
        "dateline_start": dateline["start"] if dateline else None,
        "dateline_end": dateline["end"] if dateline else None,
        "language": head.get("language"),
        "source_path": head.get("source_path"),
        "text": head["text"],
        "input_offsets": _compact(offsets) if offsets is not None else None,
        "warnings": json.dumps(head["warnings"], ensure_ascii=False)
        if head.get("warnings")
        else None,
        "published_first_day": first_day,
        "published_last_day": last_day,
    }


def insert_article_rows(
    conn: sqlite3.Connection, lookups: Lookups, key: int, doc: Mapping[str, Any]
) -> None:
    """Write the mentions, places, times, quotations and events of an article object."""
    text: str = doc["article"]["text"]
    published = (doc["article"].get("published") or {}).get("value")
    conn.executemany(
        'INSERT INTO mentions (article, idx, start, "end", text, label, actor, via, inferred)'
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                key,
                i,
                m["start"],
                m["end"],
                own_text(text, m["start"], m["end"], m["text"]),
                m["label"],
                actor_key(conn, lookups, m.get("actor")),
                m.get("via"),
                m.get("inferred"),
            )
            for i, m in enumerate(doc["mentions"])
        ],
    )
    conn.executemany(
        'INSERT INTO places (article, idx, start, "end", text, location, kind)'
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                key,
                i,
                p["start"],
                p["end"],
                own_text(text, p["start"], p["end"], p["text"]),
                location_key(conn, lookups, p, feature=True),
                p.get("kind"),
            )
            for i, p in enumerate(doc["places"])
        ],
    )
    conn.executemany(
        'INSERT INTO times (article, idx, start, "end", text, value, precision, type, anchor)'
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                key,
                i,
                t["start"],
                t["end"],
                own_text(text, t["start"], t["end"], t["text"]),
                t["value"],
                t["precision"],
                t["type"],
                t["anchor"],
            )
            for i, t in enumerate(doc["times"])
        ],
    )
    conn.executemany(
        f"INSERT INTO quotes ({', '.join(QUOTE_COLUMNS)})"
        f" VALUES ({', '.join('?' for _ in QUOTE_COLUMNS)})",
        [_quote_row(conn, lookups, key, i, q, text) for i, q in enumerate(doc["quotes"])],
    )
    conn.executemany(
        f"INSERT INTO events ({', '.join(EVENT_COLUMNS)})"
        f" VALUES ({', '.join('?' for _ in EVENT_COLUMNS)})",
        [
            _event_row(conn, lookups, key, i, e, text, published)
            for i, e in enumerate(doc["events"])
        ],
    )


QUOTE_COLUMNS = (
    "article",
    "id",
    "idx",
    "start",
    '"end"',
    "text",
    "kind",
    "cue_start",
    "cue_end",
    "cue_text",
    "speaker_start",
    "speaker_end",
    "speaker_text",
    "speaker_anonymous",
    "speaker_description",
    "speaker_actor",
    "parts",
    "speaker_name",
)


def _quote_row(
    conn: sqlite3.Connection, lookups: Lookups, key: int, i: int, q: Mapping[str, Any], text: str
) -> tuple[Any, ...]:
    cue, speaker, parts = q.get("cue"), q.get("speaker"), q.get("parts")
    return (
        key,
        q["id"],
        i,
        q["start"],
        q["end"],
        own_text(text, q["start"], q["end"], q["text"]),
        q["kind"],
        cue["start"] if cue else None,
        cue["end"] if cue else None,
        own_text(text, cue["start"], cue["end"], cue["text"]) if cue else None,
        speaker["start"] if speaker else None,
        speaker["end"] if speaker else None,
        own_text(text, speaker["start"], speaker["end"], speaker["text"]) if speaker else None,
        int(speaker["anonymous"]) if speaker else None,
        speaker.get("description") if speaker else None,
        actor_key(conn, lookups, speaker.get("actor")) if speaker else None,
        _compact([[p["start"], p["end"]] for p in parts]) if parts else None,
        speaker.get("name") if speaker else None,
    )


EVENT_COLUMNS = (
    "article",
    "id",
    "idx",
    "sentence_start",
    "sentence_end",
    "trigger_start",
    "trigger_end",
    "trigger_text",
    "source_code",
    "source_start",
    "source_end",
    "source_text",
    "target_code",
    "target_start",
    "target_end",
    "target_text",
    "cameo",
    "root",
    "quad_class",
    "goldstein",
    "plover_type",
    "plover_mode",
    "date_value",
    "date_precision",
    "date_source",
    "date_start",
    "date_end",
    "date_text",
    "place",
    "place_source",
    "place_start",
    "place_end",
    "reported_by",
    "negated",
    "hypothetical",
    "coder",
    "confidence",
    "pattern",
    "rules",
    "entries",
    "first_day",
    "last_day",
)


def _event_row(
    conn: sqlite3.Connection,
    lookups: Lookups,
    key: int,
    i: int,
    e: Mapping[str, Any],
    text: str,
    published: str | None,
) -> tuple[Any, ...]:
    trigger, src, tgt = e["trigger"], e.get("source"), e.get("target")
    date, place, plover = e.get("date"), e.get("place"), e.get("plover") or {}
    pattern = e.get("pattern")
    return (
        key,
        e["id"],
        i,
        e["sentence"]["start"],
        e["sentence"]["end"],
        trigger["start"],
        trigger["end"],
        own_text(text, trigger["start"], trigger["end"], trigger["text"]),
        *_actor_columns(src, text),
        *_actor_columns(tgt, text),
        e["cameo"],
        e["root"],
        e.get("quad_class"),
        e.get("goldstein"),
        plover.get("type"),
        plover.get("mode"),
        date["value"] if date else None,
        date["precision"] if date else None,
        date["source"] if date else None,
        date.get("start") if date else None,
        date.get("end") if date else None,
        own_text(text, date.get("start"), date.get("end"), date.get("text")) if date else None,
        location_key(conn, lookups, place, feature=False) if place else None,
        place["source"] if place else None,
        place.get("start") if place else None,
        place.get("end") if place else None,
        e.get("reported_by"),
        int(e["negated"]),
        int(e["hypothetical"]),
        e["coder"],
        e["confidence"],
        lookups.patterns.key_for(conn, (pattern,)) if pattern is not None else None,
        json.dumps(e["rules"], ensure_ascii=False) if e.get("rules") else None,
        json.dumps(e["entries"], ensure_ascii=False) if e.get("entries") else None,
        # An event with no date of its own is dated by its article's publication.
        *days(date["value"] if date else published),
    )


def _actor_columns(actor: Mapping[str, Any] | None, text: str) -> tuple[Any, ...]:
    if actor is None:
        return (None, None, None, None)
    return (
        actor["code"],
        actor["start"],
        actor["end"],
        own_text(text, actor["start"], actor["end"], actor["text"]),
    )


# --- reading ---------------------------------------------------------------------------------


def actor_json(conn: sqlite3.Connection, lookups: Lookups, key: int | None) -> Json | None:
    """The actor object of an ``actors`` key (as ``model.Actor.to_json``)."""
    if key is None:
        return None
    code, name, country, agents, valid_from, valid_until = lookups.actors.values_of(conn, key)
    out: Json = {"code": code, "name": name, "country": country}
    if agents:
        out["agents"] = json.loads(agents)
    if valid_from or valid_until:
        out["valid"] = {"from": valid_from, "until": valid_until}
    return out


def _location(conn: sqlite3.Connection, lookups: Lookups, key: int) -> Json:
    values = lookups.locations.values_of(conn, key)
    return dict(zip(lookups.locations.columns, values, strict=True))


def read_article_json(
    conn: sqlite3.Connection, lookups: Lookups, row: sqlite3.Row, url: str | None
) -> Json:
    """The output object of the article in ``row`` (an ``articles`` row), found at ``url``."""
    key, text = row["key"], row["text"]
    return {
        "article": header_json(conn, lookups, row, url),
        "mentions": [
            _mention_json(conn, lookups, m, text)
            for m in conn.execute("SELECT * FROM mentions WHERE article = ? ORDER BY idx", (key,))
        ],
        "places": [
            _place_json(conn, lookups, p, text)
            for p in conn.execute("SELECT * FROM places WHERE article = ? ORDER BY idx", (key,))
        ],
        "times": [
            _time_json(t, text)
            for t in conn.execute("SELECT * FROM times WHERE article = ? ORDER BY idx", (key,))
        ],
        "quotes": [
            _quote_json(conn, lookups, q, text)
            for q in conn.execute("SELECT * FROM quotes WHERE article = ? ORDER BY idx", (key,))
        ],
        "events": [
            event_json(conn, lookups, e, text)
            for e in conn.execute("SELECT * FROM events WHERE article = ? ORDER BY idx", (key,))
        ],
    }


def header_json(
    conn: sqlite3.Connection, lookups: Lookups, row: sqlite3.Row, url: str | None
) -> Json:
    """The ``article`` object of an ``articles`` row (as ``model.Article.header_json``)."""
    published = None
    if row["published"] is not None:
        published = {
            "value": row["published"],
            "precision": row["published_precision"],
            "source": row["published_source"],
        }
    dateline = None
    if row["dateline"] is not None:
        where = _location(conn, lookups, row["dateline"])
        dateline = {
            "name": where["name"],
            "country": where["country"],
            "start": row["dateline_start"],
            "end": row["dateline_end"],
            "lat": where["lat"],
            "lon": where["lon"],
            "geonameid": where["geonameid"],
        }
    offsets = row["input_offsets"]
    return {
        "id": row["id"],
        "url": url,
        "outlet": row["outlet"],
        "title": row["title"],
        "published": published,
        "dateline": dateline,
        "language": row["language"],
        "source_path": row["source_path"],
        "text": row["text"],
        "input_offsets": json.loads(offsets) if offsets is not None else None,
        "warnings": json.loads(row["warnings"]) if row["warnings"] is not None else [],
    }


def _mention_json(conn: sqlite3.Connection, lookups: Lookups, m: sqlite3.Row, text: str) -> Json:
    out: Json = {
        "start": m["start"],
        "end": m["end"],
        "text": span_text(text, m["start"], m["end"], m["text"]),
        "label": m["label"],
        "actor": actor_json(conn, lookups, m["actor"]),
    }
    if m["via"] is not None:
        out["via"] = m["via"]
    if m["inferred"] is not None:
        out["inferred"] = m["inferred"]
    return out


def _place_json(conn: sqlite3.Connection, lookups: Lookups, p: sqlite3.Row, text: str) -> Json:
    where = _location(conn, lookups, p["location"])
    return {
        "start": p["start"],
        "end": p["end"],
        "text": span_text(text, p["start"], p["end"], p["text"]),
        "name": where["name"],
        "country": where["country"],
        "admin1": where["admin1"],
        "admin2": where["admin2"],
        "lat": where["lat"],
        "lon": where["lon"],
        "geonameid": where["geonameid"],
        "feature_class": where["feature_class"],
        "feature_code": where["feature_code"],
        "area": bool(where["area"]) if where["area"] is not None else None,
        "kind": p["kind"],
    }


def _time_json(t: sqlite3.Row, text: str) -> Json:
    return {
        "start": t["start"],
        "end": t["end"],
        "text": span_text(text, t["start"], t["end"], t["text"]),
        "value": t["value"],
        "precision": t["precision"],
        "type": t["type"],
        "anchor": t["anchor"],
    }


def _quote_json(conn: sqlite3.Connection, lookups: Lookups, q: sqlite3.Row, text: str) -> Json:
    speaker = cue = None
    if q["speaker_start"] is not None:
        speaker = {
            "text": span_text(text, q["speaker_start"], q["speaker_end"], q["speaker_text"]),
            "start": q["speaker_start"],
            "end": q["speaker_end"],
            "anonymous": bool(q["speaker_anonymous"]),
            "description": q["speaker_description"],
            # (A version-2 file, read before its upgrade, has no names.)
            "name": q["speaker_name"] if q.keys().count("speaker_name") else None,
            "actor": actor_json(conn, lookups, q["speaker_actor"]),
        }
    if q["cue_start"] is not None:
        cue = {
            "text": span_text(text, q["cue_start"], q["cue_end"], q["cue_text"]),
            "start": q["cue_start"],
            "end": q["cue_end"],
        }
    out: Json = {
        "id": q["id"],
        "start": q["start"],
        "end": q["end"],
        "text": span_text(text, q["start"], q["end"], q["text"]),
        "kind": q["kind"],
        "speaker": speaker,
        "cue": cue,
    }
    if q["parts"] is not None:
        out["parts"] = [{"start": s, "end": e} for s, e in json.loads(q["parts"])]
    return out


def event_json(conn: sqlite3.Connection, lookups: Lookups, e: sqlite3.Row, text: str) -> Json:
    """The event object of an ``events`` row (as ``model.Event.to_json``)."""
    date = place = None
    if e["date_value"] is not None:
        date = {
            "value": e["date_value"],
            "precision": e["date_precision"],
            "source": e["date_source"],
            "text": span_text(text, e["date_start"], e["date_end"], e["date_text"]),
            "start": e["date_start"],
            "end": e["date_end"],
        }
    if e["place"] is not None:
        where = _location(conn, lookups, e["place"])
        place = {
            "name": where["name"],
            "country": where["country"],
            "lat": where["lat"],
            "lon": where["lon"],
            "geonameid": where["geonameid"],
            "source": e["place_source"],
            "start": e["place_start"],
            "end": e["place_end"],
        }
    pattern = e["pattern"]
    return {
        "id": e["id"],
        "sentence": {"start": e["sentence_start"], "end": e["sentence_end"]},
        "trigger": {
            "text": span_text(text, e["trigger_start"], e["trigger_end"], e["trigger_text"]),
            "start": e["trigger_start"],
            "end": e["trigger_end"],
        },
        "source": _event_actor_json(e, "source", text),
        "target": _event_actor_json(e, "target", text),
        "cameo": e["cameo"],
        "root": e["root"],
        "quad_class": e["quad_class"],
        "goldstein": e["goldstein"],
        "plover": {"type": e["plover_type"], "mode": e["plover_mode"]},
        "date": date,
        "place": place,
        "reported_by": e["reported_by"],
        "negated": bool(e["negated"]),
        "hypothetical": bool(e["hypothetical"]),
        "coder": e["coder"],
        "confidence": e["confidence"],
        "pattern": lookups.patterns.values_of(conn, pattern)[0] if pattern is not None else None,
        "rules": json.loads(e["rules"]) if e["rules"] is not None else [],
        # (A version-2 file, read before its upgrade, has no entries.)
        "entries": json.loads(e["entries"]) if e.keys().count("entries") and e["entries"] else [],
    }


def _event_actor_json(e: sqlite3.Row, role: str, text: str) -> Json | None:
    if e[f"{role}_code"] is None:
        return None
    start, end = e[f"{role}_start"], e[f"{role}_end"]
    return {
        "code": e[f"{role}_code"],
        "text": span_text(text, start, end, e[f"{role}_text"]),
        "start": start,
        "end": end,
    }
