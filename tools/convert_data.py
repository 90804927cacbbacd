"""Convert the shared source data into dateline's package data (rerunnable).

    python tools/convert_data.py [--shared ../shared/data]

Writes, under ``src/dateline/data/``:

- ``dictionaries/``: the PETRARCH2 dictionaries (Phoenix.*, CAMEO.2.0.txt, PETR.Validate.*)
  and their LICENSE, copied byte for byte except for the defects listed in ``DICTIONARY_FIXES``;
- ``cameo/cameo_codes.tsv``: code, root, name, goldstein, quad_class, from GDELT's
  CAMEO.eventcodes.txt and CAMEO.goldsteinscale.txt, with the two defects the cameo README
  names fixed (044's mis-encoded quotes; 1056 and 106 run together on one line);
- ``plover/cameo2plover.tsv``: code, type, mode, context, source, from CAMEO2PLOVER-2021.txt
  (CC BY-SA 4.0), plus the one mapping the table leaves out (root 02 APPEAL -> REQUEST).

Sources, licences and fixes are recorded in ``src/dateline/data/LICENSES.md``.
"""

from __future__ import annotations

import argparse
import csv
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "dateline" / "data"
DEFAULT_SHARED = ROOT.parent / "shared" / "data"

# (file, bad text, good text, why): defects of the upstream dictionaries that would make a
# strict reader fail; each is recorded in LICENSES.md.
DICTIONARY_FIXES: list[tuple[str, str, str, str]] = [
    (
        "Phoenix.agents.txt",
        "DEPARMENT_OF_ENVIRONMENT [~ENV}",
        "DEPARMENT_OF_ENVIRONMENT [~ENV]",
        "closing brace instead of bracket",
    ),
    (
        "Phoenix.agents.txt",
        "\nISLAMIC_EXTREMIST\n",
        "\n# ISLAMIC_EXTREMIST  # dateline: no code upstream; PETRARCH skips the line too\n",
        "agent without a code (PETRARCH warns and skips it)",
    ),
    (
        "Phoenix.Countries.actors.txt",
        "+FAEROYENE]_ ",
        "+FAEROYENE_ ",
        "stray ] in a synonym",
    ),
    (
        "Phoenix.International.actors.txt",
        "\nSource: MNC.MLH.actors\n",
        "\n# Source: MNC.MLH.actors\n",
        "a provenance note written as an entry",
    ),
]

# GDELT's quad classes by CAMEO root (CAMEO.eventcodes.txt headings 1-4).
QUAD_BY_ROOT = {
    f"{r:02d}": (1 if r <= 5 else 2 if r <= 9 else 3 if r <= 14 else 4) for r in range(1, 21)
}

# The two defects of CAMEO.eventcodes.txt named in its README.
FIXED_NAMES = {"044": "Meet at a 'third' location"}
RUN_TOGETHER = re.compile(r"^(?P<desc>.*?)(?P<code>\d{3,4}):\[[-0-9.]+\]\s*(?P<desc2>.+)$")

# Mappings CAMEO2PLOVER-2021 leaves out. PLOVER's REQUEST covers CAMEO 02 APPEAL as well as
# 10 DEMAND (PLOVER manual, REQUEST); CAMEO 01 (public statements) has no PLOVER type.
PLOVER_SUPPLEMENT = [("02", "REQUEST", "", "", "dateline: PLOVER manual, REQUEST covers CAMEO 02")]


def convert_dictionaries(shared: Path) -> list[str]:
    src = shared / "petrarch2" / "dictionaries"
    out = DATA / "dictionaries"
    out.mkdir(parents=True, exist_ok=True)
    done = []
    for path in sorted(src.iterdir()):
        if not path.is_file():
            continue
        text = path.read_bytes().decode("utf-8")
        for name, bad, good, _why in DICTIONARY_FIXES:
            if name == path.name and bad in text:
                text = text.replace(bad, good)
        (out / path.name).write_bytes(text.encode("utf-8"))
        done.append(path.name)
    shutil.copyfile(shared / "petrarch2" / "LICENSE", out / "LICENSE")
    return done


def convert_cameo(shared: Path) -> int:
    src = shared / "cameo"
    goldstein: dict[str, float] = {}
    with open(src / "CAMEO.goldsteinscale.txt", encoding="utf-8", newline="") as f:
        for row in csv.reader(f, delimiter="\t"):
            if len(row) >= 2 and row[0].strip().isdigit():
                goldstein[row[0].strip()] = float(row[1])
    names: dict[str, str] = {}
    raw = (src / "CAMEO.eventcodes.txt").read_bytes().decode("utf-8", errors="replace")
    for line in raw.splitlines():
        if "\t" not in line:
            continue
        code, _, desc = line.partition("\t")
        code = code.strip()
        if not code.isdigit() or len(code) == 1:  # header and quad-class headings
            continue
        desc = desc.strip()
        m = RUN_TOGETHER.match(desc)
        if m:
            names[code] = m["desc"].strip()
            names[m["code"]] = m["desc2"].strip()
            continue
        names[code] = FIXED_NAMES.get(code, desc)
    out = DATA / "cameo"
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "cameo_codes.tsv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["code", "root", "name", "goldstein", "quad_class"])
        for code in sorted(names, key=lambda c: (c[:2], c)):
            g = goldstein.get(code)
            w.writerow(
                [code, code[:2], names[code], "" if g is None else g, QUAD_BY_ROOT[code[:2]]]
            )
    missing = sorted(set(goldstein) - set(names))
    if missing:
        print(f"codes with a Goldstein score but no name: {missing}", file=sys.stderr)
    return len(names)


PLOVER_LINE = re.compile(r"^(?P<code>\d{2,4}):\s*(?P<rest>[^#]*?)\s*(?:#\s*(?P<comment>.*))?$")


def convert_plover(shared: Path) -> int:
    rows: list[tuple[str, str, str, str, str]] = []
    seen: set[str] = set()
    text = (shared / "plover" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        m = PLOVER_LINE.match(line.strip())
        if not m:
            continue
        code = m["code"]
        parts = [p.strip() for p in m["rest"].split(",")]
        kind = parts[0]
        mode = parts[1] if len(parts) > 1 else ""
        context = ",".join(parts[2:]).strip() if len(parts) > 2 else ""
        context = ";".join(c.strip() for c in context.split(";") if c.strip())
        if code in seen:  # a few codes are listed twice (175); the first wins
            continue
        seen.add(code)
        rows.append((code, kind, mode, context, "CAMEO2PLOVER-2021"))
    for row in PLOVER_SUPPLEMENT:
        if row[0] not in seen:
            rows.append(row)
    out = DATA / "plover"
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "cameo2plover.tsv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["code", "type", "mode", "context", "source"])
        w.writerows(rows)
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    args = parser.parse_args(argv)
    files = convert_dictionaries(args.shared)
    n_cameo = convert_cameo(args.shared)
    n_plover = convert_plover(args.shared)
    print(f"dictionaries: {len(files)} files; cameo: {n_cameo} codes; plover: {n_plover} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
