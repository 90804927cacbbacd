"""The coding run: what coded an article (issue 13, "exports without versions").

A run is dateline's version, the coder's id, the spaCy model (name and version), the
sha256 of each dictionary file and coding table, and the settings that change what is coded.
The store records, with each article it writes, the run that coded it (``coding_runs``, one
row per distinct run, schema_v8.sql), and an export's manifest lists the runs of its rows:
a store ingested with other dictionaries, or by an older dateline, exports with the
provenance of its rows, not that of the installation exporting them.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from .settings import Settings

__all__ = ["CODING_SETTINGS", "CodingRun", "coding_run", "dictionary_hashes"]

DATA = Path(__file__).resolve().parent / "data"
# The coding tables beside the dictionaries: CAMEO names and Goldstein scores, dateline's
# verb supplement, the CAMEO-to-PLOVER mapping.
CODING_TABLES = ("cameo/cameo_codes.tsv", "cameo/verb_supplement.tsv", "plover/cameo2plover.tsv")
# The settings that change what is read, parsed or coded from a text. Left out: the limits
# that refuse or stop a document (max_article_bytes, max_article_chars, doc_timeout_s,
# max_rss_mb: an article they stop is not stored), speed and places (batch_size, n_process,
# cache_dir, db, busy_timeout_ms, query_time_limit_ms, shard_files), min_confidence (a
# filter of what is listed: every event is stored), and ``dictionaries`` (a path on one
# machine: the run holds the sha256 of the files it names instead); ``spacy_model`` is the
# run's model.
CODING_SETTINGS = (
    "max_html_depth",
    "detect_language",
    "language_min_chars",
    "language_min_probability",
    "language_sample_chars",
    "max_sentence_tokens",
    "max_parse_chars",
    "require_dyad",
    "new_actor_length",
    "petrarch_compat",
    "lenient_dictionaries",
    "infer_actors",
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


def model_version(name: str) -> str | None:
    """The version of the spaCy model ``name``: its package's, else its folder's
    ``meta.json``'s; None when neither gives one."""
    try:
        return version(name)
    except (PackageNotFoundError, ValueError):
        pass
    meta = Path(name) / "meta.json"
    try:
        found = json.loads(meta.read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError):
        return None
    return str(found) if found else None


@dataclass(frozen=True)
class CodingRun:
    """What coded an article. ``recorded_by`` is ``"coder"`` when the run is that of the
    installation that coded it, ``"loader"`` when a batch part recorded none and the run is
    that of the installation that loaded it into the store (``dateline load``)."""

    dateline_version: str
    coder: str
    spacy_model: str
    spacy_model_version: str | None
    dictionaries: tuple[tuple[str, str], ...]
    settings: tuple[tuple[str, Any], ...]
    recorded_by: str = "coder"

    def to_json(self) -> dict[str, Any]:
        """The run as the manifest lists it (and as a batch part records it)."""
        return {
            "dateline_version": self.dateline_version,
            "coder": self.coder,
            "spacy_model": {"name": self.spacy_model, "version": self.spacy_model_version},
            "dictionaries": dict(self.dictionaries),
            "settings": dict(self.settings),
            "recorded_by": self.recorded_by,
        }

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> CodingRun:
        """The run ``to_json`` gave."""
        model = obj["spacy_model"]
        return cls(
            dateline_version=str(obj["dateline_version"]),
            coder=str(obj["coder"]),
            spacy_model=str(model["name"]),
            spacy_model_version=model.get("version"),
            dictionaries=tuple(sorted(obj["dictionaries"].items())),
            settings=tuple(sorted(obj["settings"].items())),
            recorded_by=str(obj.get("recorded_by", "coder")),
        )

    @cached_property
    def sha256(self) -> str:
        """The run's identity: the sha256 of its canonical JSON (one store row per run);
        computed once per run, not per article written."""
        text = json.dumps(self.to_json(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


@lru_cache(maxsize=8)
def coding_run(settings: Settings) -> CodingRun:
    """The run of this installation under ``settings`` (computed once per process)."""
    from . import __version__
    from .events.build import CODER_ID

    return CodingRun(
        dateline_version=__version__,
        coder=CODER_ID,
        spacy_model=settings.spacy_model,
        spacy_model_version=model_version(settings.spacy_model),
        dictionaries=tuple(sorted(dictionary_hashes(settings.dictionaries).items())),
        settings=tuple((name, getattr(settings, name)) for name in sorted(CODING_SETTINGS)),
    )
