"""Event clusters: the events of several articles that report the same act (issue 13).

GDELT counts an event's articles, sources and mentions only when the events match exactly;
dateline puts two events in one cluster when they are the same act, whatever the wording:

- the same source and target at country and agent level (``same_parties``: the code's
  country, or its organisation, and its first agent: ``IRQREB`` of ``IRQREBMIL`` and of
  ``IRQOCCREB``, ``IGOUNO`` of ``IGOUNOMIL``; no target is ``---``);
- the same CAMEO root, and the same ``negated`` and ``hypothetical`` flags (a planned meeting
  is not the meeting);
- places in the same country (or no place for both);
- dates within a day (``within_a_day``): a day-precise date falls on the cluster's first day
  or the day before or after it; a coarser date (a month, an ISO week) covers the same days.
  An event with no calendar date (``XXXX-WXX-7``) is a cluster of its own.

An event joins the nearest matching cluster in days, the oldest on a tie, else starts one;
events are clustered as they are stored, in order, so a cluster's first event fixes its
date. Its counts are kept in the ``clusters`` row: ``mentions`` (events), ``articles`` and
``outlets`` (an article with no outlet counts as one of its own).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import date, timedelta

from .clusters_lexicon import AGENT_CODES, ORGANISATION_TYPES

__all__ = ["NO_ACTOR", "actor_level", "cluster_article", "recount"]

NO_ACTOR = "---"
# "Dates within a day" of the cluster's first.
CLUSTER_WINDOW_DAYS = 1


def actor_level(code: str | None) -> str:
    """An actor code at country and agent level (rule ``same_parties``): its first chunk (its
    first two for an organisation, IGOUNO) and the first later chunk that is an agent."""
    if not code:
        return NO_ACTOR
    chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
    head = 2 if chunks[0] in ORGANISATION_TYPES and len(chunks) > 1 else 1
    agent = next((chunk for chunk in chunks[head:] if chunk in AGENT_CODES), "")
    return "".join(chunks[:head]) + agent


_UNCLUSTERED = """
SELECT e.id, e.source_code, e.target_code, e.root, e.negated, e.hypothetical,
       COALESCE(e.date_value, a.published) AS date, e.first_day, e.last_day,
       l.country AS country
FROM events e
JOIN articles a ON a.key = e.article
LEFT JOIN locations l ON l.key = e.place
WHERE e.article = ? AND e.cluster IS NULL
ORDER BY e.idx
"""

_SAME_ACT = (
    "root = ? AND source = ? AND target = ? AND country IS ? AND negated = ? AND hypothetical = ?"
)
_NEAREST_DAY = (
    f"SELECT key FROM clusters WHERE {_SAME_ACT}"
    " AND first_day BETWEEN ? AND ? AND first_day = last_day"
    " ORDER BY abs(julianday(first_day) - julianday(?)), key LIMIT 1"
)
_SAME_PERIOD = (
    f"SELECT key FROM clusters WHERE {_SAME_ACT} AND first_day = ? AND last_day = ?"
    " ORDER BY key LIMIT 1"
)


def cluster_article(conn: sqlite3.Connection, article_key: int) -> set[int]:
    """Put each event of an article that has no cluster yet into one, inside the caller's
    transaction, and recount the clusters it touched; returns their keys."""
    touched: set[int] = set()
    for row in conn.execute(_UNCLUSTERED, (article_key,)).fetchall():
        act = (
            row["root"],
            actor_level(row["source_code"]),
            actor_level(row["target_code"]),
            row["country"],
            row["negated"],
            row["hypothetical"],
        )
        key = _matching_cluster(conn, act, row["first_day"], row["last_day"])
        if key is None:
            dated = row["first_day"] is not None
            cursor = conn.execute(
                "INSERT INTO clusters (root, source, target, country, negated, hypothetical,"
                " date, first_day, last_day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*act, row["date"] if dated else None, row["first_day"], row["last_day"]),
            )
            key = int(cursor.lastrowid or 0)
        conn.execute(
            "UPDATE events SET cluster = ? WHERE article = ? AND id = ?",
            (key, article_key, row["id"]),
        )
        touched.add(key)
    recount(conn, touched)
    return touched


def _matching_cluster(
    conn: sqlite3.Connection, act: tuple[object, ...], first: str | None, last: str | None
) -> int | None:
    """The cluster an event of this act and these days joins (rule ``within_a_day``)."""
    if first is None or last is None:
        return None
    if first == last:
        day = date.fromisoformat(first)
        window = timedelta(days=CLUSTER_WINDOW_DAYS)
        row = conn.execute(
            _NEAREST_DAY,
            (*act, (day - window).isoformat(), (day + window).isoformat(), first),
        ).fetchone()
    else:
        row = conn.execute(_SAME_PERIOD, (*act, first, last)).fetchone()
    return int(row[0]) if row else None


_RECOUNT = """
UPDATE clusters SET
    mentions = (SELECT COUNT(*) FROM events WHERE cluster = clusters.key),
    articles = (SELECT COUNT(DISTINCT article) FROM events WHERE cluster = clusters.key),
    outlets = (
        SELECT COUNT(DISTINCT a.outlet)
             + COUNT(DISTINCT CASE WHEN a.outlet IS NULL THEN a.key END)
        FROM events e JOIN articles a ON a.key = e.article
        WHERE e.cluster = clusters.key)
WHERE key = ?
"""


def recount(conn: sqlite3.Connection, keys: Iterable[int]) -> None:
    """Count the mentions, articles and outlets of these clusters again; a cluster left with
    no event (its article was coded again) is removed."""
    for key in sorted(set(keys)):
        conn.execute(_RECOUNT, (key,))
        conn.execute("DELETE FROM clusters WHERE key = ? AND mentions = 0", (key,))
