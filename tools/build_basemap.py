"""Build the web UI's offline basemap, ``src/dateline/web/static/world.svg`` (issue 14).

Its input is ``countries-110m.json`` of the npm package world-atlas 2.0.2 (ISC licence;
TopoJSON made from Natural Earth's 1:110m Admin 0 countries, public domain):

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python tools/build_basemap.py package/countries-110m.json src/dateline/web/static/world.svg

The SVG is in plain longitude/latitude (x = lon, y = -lat, viewBox -180 -90 360 180): the
map of ``web/maps.py`` zooms by changing its own viewBox, with no projection code in the
browser. One ``<path>`` a country, coordinates rounded to 0.01 degree.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """The arcs of a quantised TopoJSON topology, as absolute longitude/latitude points."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    """One ring from its arc indexes (``~i`` is arc ``i`` reversed); shared ends once."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def path_data(arcs: list[list[tuple[float, float]]], geometry: dict[str, Any]) -> str:
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    parts = []
    for polygon in polygons:
        for indexes in polygon:
            points = ring(arcs, indexes)
            coords = " ".join(f"{lon:.2f},{-lat:.2f}" for lon, lat in points)
            parts.append(f"M{coords}Z")
    return "".join(parts)


def build(topojson: Path) -> str:
    topology = json.loads(topojson.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    paths = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        name = geometry.get("properties", {}).get("name", "")
        paths.append(
            f"<path d={quoteattr(path_data(arcs, geometry))}><title>{escape(name)}</title></path>"
        )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="-180 -90 360 180" '
        'preserveAspectRatio="none">\n'
        "<!-- Natural Earth 1:110m countries (public domain) via world-atlas 2.0.2 (ISC); "
        "built by tools/build_basemap.py -->\n"
        '<g fill="#e4e7ea" stroke="#9aa3ab" stroke-width="0.15" stroke-linejoin="round">\n'
        + "\n".join(paths)
        + "\n</g>\n</svg>\n"
    )


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    Path(argv[2]).write_text(build(Path(argv[1])), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
