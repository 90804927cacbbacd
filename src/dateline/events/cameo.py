"""CAMEO event codes: names, roots, Goldstein scores and quad classes.

The table is GDELT's (``data/cameo/cameo_codes.tsv``, converted by ``tools/convert_data.py``
from CAMEO.eventcodes.txt and CAMEO.goldsteinscale.txt). Quad classes follow GDELT, not
Phoenix: 1 verbal cooperation (roots 01-05), 2 material cooperation (06-09), 3 verbal
conflict (10-14), 4 material conflict (15-20).

Dictionaries may carry codes that are not CAMEO (PETRARCH's validation dictionaries use test
codes such as ``345`` or ``174K``): ``cameo_info`` still answers for them, with the root taken
from the first two characters, the quad class from the root when it is 01-20, and Goldstein
``None``. A numeric code missing from the table (CAMEO.2.0.txt's 1213 and 176) takes its
nearest parent's name and Goldstein score.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["CameoCode", "cameo_info", "cameo_table", "quad_class_of", "root_of"]

_QUAD_RANGES = ((1, 5, 1), (6, 9, 2), (10, 14, 3), (15, 20, 4))


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO code: its root, name, Goldstein score and GDELT quad class."""

    code: str
    root: str
    name: str
    goldstein: float | None
    quad_class: int | None


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoCode]:
    """Every CAMEO code of the packaged table, by code."""
    path = Path(__file__).resolve().parent.parent / "data" / "cameo" / "cameo_codes.tsv"
    table: dict[str, CameoCode] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            g = row["goldstein"]
            table[row["code"]] = CameoCode(
                code=row["code"],
                root=row["root"],
                name=row["name"],
                goldstein=float(g) if g else None,
                quad_class=int(row["quad_class"]) if row["quad_class"] else None,
            )
    return table


def root_of(code: str) -> str:
    """The two-character root of an event code (``"0871"`` -> ``"08"``)."""
    return code.strip()[:2]


def quad_class_of(code: str) -> int | None:
    """GDELT's quad class (1-4) from the root, or None when the root is not 01-20."""
    root = root_of(code)
    if len(root) != 2 or not root.isdigit():
        return None
    r = int(root)
    for low, high, quad in _QUAD_RANGES:
        if low <= r <= high:
            return quad
    return None


def cameo_info(code: str) -> CameoCode | None:
    """The table entry of ``code``; for a code outside the table, what its root tells.

    Returns None only for an empty code or the null code ``---``.
    """
    code = code.strip()
    if not code or code.startswith("-"):
        return None
    table = cameo_table()
    if code in table:
        return table[code]
    root = root_of(code)
    # A numeric code the table lacks (CAMEO.2.0.txt uses 1213 and 176) takes its nearest
    # parent's name and score; test codes with letters (174K) or unknown roots (345) do not.
    parent = None
    if code.isdigit():
        parent = next(
            (table[code[:n]] for n in range(len(code) - 1, 1, -1) if code[:n] in table), None
        )
    known_root = table.get(root)
    return CameoCode(
        code=code,
        root=root,
        name=parent.name if parent else (known_root.name if known_root else ""),
        goldstein=parent.goldstein if parent else None,
        quad_class=quad_class_of(code),
    )
