"""Scorers behind ``dateline eval KIND PATH``.

Each scorer module has ``evaluate(path: Path, settings: Settings) -> dict``: the keys that
OUTPUT.md names for its kind, plus ``"failures"``, a list of flat dicts (one per failing
record, expected against found) that the CLI prints as a table without ``--json``.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..settings import Settings

# kind -> module under dateline.eval that defines evaluate().
SCORERS: dict[str, str] = {
    "aeb": "aeb",
    "pubdate": "pubdate",
    "petrarch": "petrarch",
    "plover": "plover",
    "tempeval": "tempeval",
    "geo": "geo",
    "quotes": "quotes",
    "events": "events",
}

Scorer = Callable[[Path, Settings], dict[str, Any]]


def get_scorer(kind: str) -> Scorer:
    """The ``evaluate`` function for ``kind``."""
    module = importlib.import_module(f"{__name__}.{SCORERS[kind]}")
    scorer: Scorer = module.evaluate
    return scorer


def load_json_object(gold_path: Path, message: str) -> dict[str, Any]:
    """A gold file holding one JSON object; ``message`` (with {path} and {error}) if not."""
    from ..errors import EvalError

    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise EvalError(message.format(path=gold_path, error=e)) from e
    if not isinstance(gold, dict):
        raise EvalError(message.format(path=gold_path, error="not a JSON object"))
    return gold


def prf(tp: int, n_found: int, n_gold: int) -> dict[str, float]:
    """Precision, recall and F1 from counts (0.0 where undefined)."""
    p = tp / n_found if n_found else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
