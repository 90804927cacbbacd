"""``dateline load DIR --db FILE``: a batch dataset into the store, through the Store API.

Each complete part's tables are turned back into the output objects (``tables``) and
written with ``Store.write_json``, one transaction per article, as ``dateline ingest``
writes them: a text stored already is not written again (only a URL or record id it was
not known by is added), so loading a dataset twice, or two datasets holding the same
article, adds nothing. Parts load in the order of the manifest when there is one.

Each article points to the coding run its part records (``core.part_run``: the worker that
coded it). A part an older dateline wrote records none: its articles then point to the run
of the installation loading them, marked ``recorded_by: "loader"``, which an export's
manifest shows as such.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import pyarrow as pa

from ..errors import E_BAD_PART, E_NO_DATASET, BatchError, DatelineError
from ..model import Article
from ..pipeline import Failure
from ..provenance import coding_run
from ..store import Store
from ..store.store import article_sources
from .core import PART_SUFFIX, part_complete, part_run, read_part
from .dask import read_manifest
from .tables import FAILURES, part_objects

__all__ = ["LoadReport", "dataset_parts", "load_dataset"]


@dataclass
class LoadReport:
    """What a load did: parts read, articles stored or known already, events stored, and
    the articles that could not be stored."""

    parts: int = 0
    articles: int = 0
    stored: int = 0
    unchanged: int = 0
    events: int = 0
    batch_failures: int = 0  # rows of the dataset's failures table (not loaded)
    # Parts that record no coding run (an older dateline's): their articles point to the
    # loading installation's run, marked recorded_by "loader".
    parts_without_run: int = 0
    failures: list[Failure] = field(default_factory=list)


def dataset_parts(out: Path | str) -> list[str]:
    """The complete parts of the dataset in ``out``: in the manifest's order, then any
    other complete part in name order. Raises BatchError [E123] when there is none."""
    out = Path(out)
    found = sorted(
        path.name[len("part-") : -len(PART_SUFFIX)]
        for path in (out / "articles").glob(f"part-*{PART_SUFFIX}")
    )
    manifest = read_manifest(out) or {}
    listed = [p["part"] for p in manifest.get("parts", [])]
    ordered = [p for p in listed if p in found] + [p for p in found if p not in listed]
    parts = [p for p in dict.fromkeys(ordered) if part_complete(out, p)]
    if not parts:
        raise BatchError(E_NO_DATASET.format(path=out))
    return parts


def load_dataset(
    out: Path | str,
    store: Store,
    *,
    on_start: Callable[[int], None] | None = None,
    on_part: Callable[[str], None] | None = None,
) -> LoadReport:
    """Merge the dataset in ``out`` into ``store`` (see the module's docstring)."""
    parts = dataset_parts(out)
    if on_start:
        on_start(len(parts))
    report = LoadReport()
    for part in parts:
        try:
            tables = read_part(out, part)
            docs = list(part_objects(tables))
            run = part_run(tables)
        except (OSError, pa.ArrowException, KeyError, ValueError, TypeError) as e:
            report.failures.append(Failure(part, E_BAD_PART.format(path=part, error=e)))
            continue
        report.parts += 1
        if run is None:
            report.parts_without_run += 1
            run = replace(coding_run(store.settings), recorded_by="loader")
        report.batch_failures += tables[FAILURES].num_rows
        for doc in docs:
            report.articles += 1
            head = doc["article"]
            found_at = Article(text=head["text"], id=head.get("id") or "", url=head.get("url"))
            try:
                if store.write_json(doc, article_sources(found_at), run=run):
                    report.stored += 1
                    report.events += len(doc["events"])
                else:
                    report.unchanged += 1
            except DatelineError as e:
                report.failures.append(Failure(head.get("source_path") or head["id"], str(e)))
        if on_part:
            on_part(part)
    return report
