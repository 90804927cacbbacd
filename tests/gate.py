"""Quality gates: evaluation scores checked against floors pinned in ``tests/baselines/``.

Each ``tests/baselines/<kind>.json`` holds ``{"floors": {"metric.path": value}, "history":
[...]}``. A floor is raised freely; lowering one takes an explicit flag and a reason::

    python tests/gate.py set KIND METRIC VALUE [--lower --reason "why"]

and the change is recorded in the file's history (trafilatura's eval_gate.py does the same).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

BASELINES = Path(__file__).resolve().parent / "baselines"


def read_metric(scores: dict[str, Any], path: str) -> float:
    """The value at a dotted path such as ``events.f1``."""
    value: Any = scores
    for part in path.split("."):
        value = value[part]
    return float(value)


def load_baseline(kind: str) -> dict[str, Any]:
    path = BASELINES / f"{kind}.json"
    if not path.exists():
        return {"floors": {}, "history": []}
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def check_floors(kind: str, scores: dict[str, Any], *, split: str | None = None) -> list[str]:
    """The metrics of ``scores`` that fall under their pinned floor, as readable lines.

    With ``split`` (``"seed"``, ``"fixtures"``), ``scores`` are that split's alone and only
    the floors named ``<split>.<metric>`` are checked: a gate on dateline's own fixtures runs
    in a bare clone, the one on the developers' gold only beside it.
    """
    floors = load_baseline(kind)["floors"]
    if split is not None:
        floors = {m: f for m, f in floors.items() if m.startswith(f"{split}.")}
        if not floors:
            return [f"{kind}: no floor pinned for the {split!r} split"]
    below = []
    for metric, floor in floors.items():
        got = read_metric(scores, metric.removeprefix(f"{split}.") if split else metric)
        if got + 1e-9 < floor:
            below.append(f"{kind} {metric}: {got:.4f} < floor {floor:.4f}")
    return below


def set_floor(kind: str, metric: str, value: float, *, lower: bool, reason: str | None) -> None:
    """Pin ``metric`` of ``kind`` at ``value``; lowering needs ``lower`` and a reason."""
    baseline = load_baseline(kind)
    old = baseline["floors"].get(metric)
    if old is not None and value < old and not (lower and reason):
        raise SystemExit(
            f"Lowering {kind} {metric} from {old} to {value} needs --lower and --reason."
        )
    baseline["floors"][metric] = value
    baseline["history"].append(
        {
            "metric": metric,
            "from": old,
            "to": value,
            "reason": reason or "raised",
            "at": datetime.now(UTC).date().isoformat(),
        }
    )
    BASELINES.mkdir(exist_ok=True)
    (BASELINES / f"{kind}.json").write_text(json.dumps(baseline, indent=2) + "\n", "utf-8")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("set", help="pin a floor")
    s.add_argument("kind")
    s.add_argument("metric")
    s.add_argument("value", type=float)
    s.add_argument("--lower", action="store_true", help="allow a lower floor than today's")
    s.add_argument("--reason", help="why the floor changes (required with --lower)")
    args = parser.parse_args(argv)
    set_floor(args.kind, args.metric, args.value, lower=args.lower, reason=args.reason)


if __name__ == "__main__":
    main(sys.argv[1:])
