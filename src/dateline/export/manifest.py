"""The manifest of an export (issue 13): what was asked, what came out, with which versions.

``{"query", "format", "rows", "dateline_version", "dictionaries", "store", "exported_at",
"citation"}`` (docs/OUTPUT.md): the filters as given (and the ``min_confidence`` in force),
the row count, dateline's version, the sha256 of each dictionary and coding table dateline
codes with now (the packaged ones, or those of the ``dictionaries`` setting), the store's
file and schema version, the export time (UTC) and how to cite the data.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__

if TYPE_CHECKING:
    from ..store import EventQuery, Store

__all__ = ["dictionary_hashes", "make_manifest"]

DATA = Path(__file__).resolve().parent.parent / "data"
# The coding tables beside the dictionaries: CAMEO names and Goldstein scores, dateline's
# verb supplement, the CAMEO-to-PLOVER mapping.
CODING_TABLES = ("cameo/cameo_codes.tsv", "cameo/verb_supplement.tsv", "plover/cameo2plover.tsv")
CITATION = (
    "dateline {version}: event data coded from news articles (CAMEO event and actor codes, "
    "PLOVER types), {rows} events exported {exported_at} from {store} with the query {query}; "
    "the dictionaries' sha256 are in this manifest. Codes: Schrodt, P. A. (2012), CAMEO "
    "Conflict and Mediation Event Observations Event and Actor Codebook, version 1.1b3; "
    "Open Event Data Alliance, PLOVER (Political Language Ontology for Verifiable Event "
    "Records)."
)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


@lru_cache(maxsize=8)
def dictionary_hashes(dictionaries: str = "") -> dict[str, str]:
    """``{name: sha256}`` of the dictionaries (the folder of the ``dictionaries`` setting, else
    the packaged ones) and of the coding tables."""
    folder = Path(dictionaries) if dictionaries else DATA / "dictionaries"
    hashes = {
        f"dictionaries/{path.name}": _sha256(path)
        for path in sorted(folder.iterdir())
        if path.is_file() and path.suffix == ".txt"
    }
    for name in CODING_TABLES:
        hashes[name] = _sha256(DATA / name)
    return hashes


def make_manifest(store: Store, query: EventQuery, format: str, rows: int) -> dict[str, Any]:
    """The manifest of an export of ``rows`` events matching ``query`` in ``format``."""
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
