"""The CAMEO verb-pattern dictionary: loaded once, cached on disk, with dateline's supplement.

The entries are in ``verb_entries.py``, the ``.verbs`` format's reader in ``verb_reader.py``;
their public names are importable from here.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import DictionaryError
from ..gc_pause import gc_paused
from ..settings import Settings
from .verb_cache import VERB_CACHE_VERSION, verbs_from_plain, verbs_to_plain, write_cache_file
from .verb_entries import (
    COMPLEX_CODE,
    NULL_CODE,
    Element,
    Pattern,
    Transformation,
    VerbDictionary,
    VerbEntry,
    entry_name,
    verb_forms,
)
from .verb_reader import read_verb_dictionary, read_verb_text, read_with_supplement

__all__ = [
    "COMPLEX_CODE",
    "NULL_CODE",
    "Element",
    "Pattern",
    "Transformation",
    "VerbDictionary",
    "VerbEntry",
    "entry_name",
    "load_verb_dictionary",
    "load_verb_file",
    "read_verb_dictionary",
    "read_verb_text",
    "supplement_codes",
    "verb_forms",
    "verbs_from_plain",
    "verbs_to_plain",
    "write_cache_file",
]

# Kept importable from here (callers and tests name it so).
_read_with_supplement = read_with_supplement

# Bump when the compiled shape changes, so stale caches are not read.
READER_VERSION = VERB_CACHE_VERSION
DEFAULT_VERB_FILE = "CAMEO.2.0.txt"
# dateline's own verb patterns, in the same format, read after a CAMEO dictionary's own
# lines (its blocks extend the dictionary's blocks of the same name; its synsets are the
# dictionary's): see the file's header.
SUPPLEMENT_VERB_FILE = "dateline.verbs.txt"


# ---------------------------------------------------------------- loading and caching


def packaged_dictionary_dir() -> Path:
    """Where the packaged PETRARCH dictionaries live (``dateline/data/dictionaries``)."""
    return Path(str(resources.files("dateline") / "data" / "dictionaries"))


def verb_file(settings: Settings) -> Path:
    """The verb dictionary the settings name: ``dictionaries``/CAMEO.2.0.txt or the packaged one."""
    base = Path(settings.dictionaries) if settings.dictionaries else packaged_dictionary_dir()
    return base / DEFAULT_VERB_FILE


def load_verb_file(
    path: str | Path, settings: Settings, supplement: str | Path | None = None
) -> VerbDictionary:
    """Read ``path`` (and after it ``supplement``, a file in the same format whose blocks
    extend ``path``'s) through the on-disk cache (keyed by the files' hashes)."""
    path = Path(path)
    data = b""
    for name in (path, supplement):
        if name is None:
            continue
        try:
            data += Path(name).read_bytes()
        except OSError as e:
            raise DictionaryError(str(name), 0, f"cannot read the verb dictionary: {e}") from e
    lenient = settings.lenient_dictionaries
    key = hashlib.sha256(data + READER_VERSION.encode() + bytes([lenient])).hexdigest()[:20]
    extra = str(supplement) if supplement is not None else None
    return _load_cached(str(path), key, str(settings.cache_path), lenient, extra)


@lru_cache(maxsize=8)
def _load_cached(
    path: str, key: str, cache_dir: str, lenient: bool, supplement: str | None = None
) -> VerbDictionary:
    # JSON, not pickle: the cache directory may be writable by others, and unpickling a file
    # runs whatever code it names (issue 9). A cache that does not read back is rebuilt.
    cache = Path(cache_dir) / f"verbs-{key}.json"
    if cache.exists():
        try:
            # Objects that live as long as the process: no collection while they are made.
            with gc_paused():
                return verbs_from_plain(json.loads(cache.read_bytes()))
        except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):
            pass  # a stale, broken or foreign cache is rebuilt below
    if supplement is None:
        verbs = read_verb_dictionary(path, lenient=lenient)
    else:
        verbs = read_with_supplement(Path(path), Path(supplement), lenient)
    write_cache_file(cache, json.dumps(verbs_to_plain(verbs), separators=(",", ":")).encode())
    return verbs


def load_verb_dictionary(settings: Settings) -> VerbDictionary:
    """The CAMEO verb dictionary of ``settings``, compiled once and cached on disk; with
    dateline's own patterns (``dateline.verbs.txt`` beside it, as the packaged dictionaries
    have it) unless coding exactly as PETRARCH or the dictionary's codes are not CAMEO's."""
    path = verb_file(settings)
    supplement = path.parent / SUPPLEMENT_VERB_FILE
    if settings.petrarch_compat or not supplement.is_file():
        return load_verb_file(path, settings)
    verbs = load_verb_file(path, settings, supplement)
    return verbs if verbs.cameo_codes else load_verb_file(path, settings)


@lru_cache(maxsize=1)
def supplement_codes() -> dict[str, str]:
    """dateline's CAMEO codes for verbs the verb dictionary leaves uncoded, by lemma
    (``data/cameo/verb_supplement.tsv``; each line cites its CAMEO category)."""
    path = Path(str(resources.files("dateline") / "data" / "cameo" / "verb_supplement.tsv"))
    codes: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        fields = line.split("\t")
        if number == 0 or len(fields) < 2 or not fields[0].strip():
            continue
        codes[fields[0].strip().lower()] = fields[1].strip()
    return codes
