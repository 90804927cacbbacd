"""The manifest of an export (issue 13): what was asked, what came out, with which versions.

``{"query", "format", "rows", "coding_runs", "dateline_version", "dictionaries", "store",
"exported_at", "citation"}`` (docs/OUTPUT.md): the filters as given (and the
``min_confidence`` in force), the row count, the coding runs of the rows (each run's
dateline version, coder, spaCy model, the sha256 of each dictionary and coding table, the
settings that change what is coded, and how many rows it coded; rows of articles written
before schema 8 are counted under a run ``null``, "unknown: written before schema 8"),
dateline's version and the dictionaries' sha256 of the installation exporting, the store's
file and schema version, the export time (UTC) and how to cite the data.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..provenance import dictionary_hashes

if TYPE_CHECKING:
    from ..store import EventQuery, Store

__all__ = ["UNKNOWN_RUN", "dictionary_hashes", "make_manifest"]

UNKNOWN_RUN = "unknown: written before schema 8"
CITATION = (
    "dateline {version}: event data coded from news articles (CAMEO event and actor codes, "
    "PLOVER types), {rows} events exported {exported_at} from {store} with the query {query}; "
    "the dateline versions and dictionaries' sha256 that coded them are in this manifest's "
    "coding_runs. Codes: Schrodt, P. A. (2012), CAMEO "
    "Conflict and Mediation Event Observations Event and Actor Codebook, version 1.1b3; "
    "Open Event Data Alliance, PLOVER (Political Language Ontology for Verifiable Event "
    "Records)."
)


def make_manifest(
    store: Store,
    query: EventQuery,
    format: str,
    rows: int,
    runs: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The manifest of an export of ``rows`` events matching ``query`` in ``format``;
    ``runs`` are their coding runs (``queries.coding_runs``), asked of the store when None."""
    if runs is None:
        from ..store import queries

        runs = queries.coding_runs(store, query)
    filters = query.filters()
    filters["min_confidence"] = store.min_confidence(query.min_confidence)
    if query.limit is not None:
        filters["limit"] = query.limit
    if query.offset:
        filters["offset"] = query.offset
    exported_at = datetime.now(UTC).isoformat(timespec="seconds")
    store_name = Path(store.path).name
    return {
        "query": filters,
        "format": format,
        "rows": rows,
        "coding_runs": [
            run if run["run"] is not None else {**run, "unknown": UNKNOWN_RUN} for run in runs
        ],
        "dateline_version": __version__,
        "dictionaries": dictionary_hashes(store.settings.dictionaries),
        "store": {"file": store_name, "schema_version": store.schema_version()},
        "exported_at": exported_at,
        "citation": CITATION.format(
            version=__version__,
            rows=rows,
            exported_at=exported_at,
            store=store_name,
            query=json.dumps(filters, ensure_ascii=False, sort_keys=True),
        ),
    }
