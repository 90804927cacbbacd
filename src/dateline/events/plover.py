"""PLOVER event type and mode for a CAMEO code (CAMEO2PLOVER-2021, CC BY-SA 4.0).

The table is ``data/plover/cameo2plover.tsv`` (converted by ``tools/convert_data.py`` from
openeventdata/PLOVER's CAMEO2PLOVER-2021.txt, PLOVER manual draft 0.8), plus the one mapping
that file leaves out: root 02 APPEAL -> REQUEST (the PLOVER manual's REQUEST covers both
CAMEO 02 and 10). CAMEO 01 (public statements) has no PLOVER type.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

__all__ = ["PLOVER_05_TO_20", "plover_for", "plover_table"]

# PLOVER 0.5b1 event types that later versions renamed or merged (the gold records of
# PLOVER_GSR_CAMEO use 0.5b1): map them before comparing with dateline's types.
PLOVER_05_TO_20 = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "FIGHT": "ASSAULT",
    "INVESTIGATE": "ACCUSE",
}


@lru_cache(maxsize=1)
def plover_table() -> dict[str, tuple[str, str | None]]:
    """CAMEO code -> (PLOVER type, mode or None), as packaged."""
    path = Path(__file__).resolve().parent.parent / "data" / "plover" / "cameo2plover.tsv"
    table: dict[str, tuple[str, str | None]] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            table.setdefault(row["code"], (row["type"], row["mode"] or None))
    return table


def plover_for(code: str) -> tuple[str | None, str | None]:
    """(type, mode) for a CAMEO code, falling back from the full code to shorter prefixes.

    The mode is taken only from the exact code: a prefix's mode may not hold for its
    sub-codes. ``(None, None)`` when no prefix of the code is mapped (e.g. root 01).
    """
    code = code.strip()
    table = plover_table()
    if code in table:
        return table[code]
    for n in range(len(code) - 1, 1, -1):
        hit = table.get(code[:n])
        if hit:
            return hit[0], None
    return None, None
