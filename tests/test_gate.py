"""The floors themselves: a lowered floor always carries its reason."""

from __future__ import annotations

import json

from gate import BASELINES


def test_every_lowered_floor_has_a_reason() -> None:
    for path in BASELINES.glob("*.json"):
        for change in json.loads(path.read_text())["history"]:
            if change["from"] is not None and change["to"] < change["from"]:
                assert change["reason"] and change["reason"] != "raised", (path.name, change)
