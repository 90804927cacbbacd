"""The events view's map: the places of the matching events, clustered, precision-aware
(issue 14).

The places come from the store's ``places`` query (``/api/places``). The map is SVG in plain
longitude/latitude (x = lon, y = -lat) over the offline basemap ``static/world.svg`` (Natural
Earth via world-atlas, built by ``tools/build_basemap.py``); a view is a centre and a zoom
level (``map=LON,LAT,ZOOM`` in the URL, so a zoomed map has a permalink). Markers closer than
CLUSTER_PX on screen merge into one cluster showing its count; a cluster links to the view
zoomed on it. Precision is kept apart: a point (a city) is a filled dot, an area (a country or
region, whose point is only its centre) a dashed ring, and the two never merge.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from ..store.filters import bad

__all__ = ["MAP", "View", "lay_out_map"]

MAP = {"width": 720, "height": 360}
# Markers closer than this on screen (in the drawing's units) are one cluster.
CLUSTER_PX = 28
MAX_ZOOM = 8


@dataclass(frozen=True)
class View:
    """What the map shows: its centre and zoom (0: the world; each level halves the span)."""

    lon: float = 0.0
    lat: float = 0.0
    zoom: int = 0

    @classmethod
    def parse(cls, value: str | None) -> View:
        """``LON,LAT,ZOOM`` (E100 when it is not)."""
        if not value or not value.strip():
            return cls()
        parts = value.split(",")
        try:
            lon, lat, zoom = float(parts[0]), float(parts[1]), int(parts[2])
        except (ValueError, IndexError):
            raise bad("map", value, "give LON,LAT,ZOOM (e.g. 44.4,33.3,3)") from None
        if len(parts) != 3 or not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise bad("map", value, "give LON,LAT,ZOOM with LON in -180..180, LAT in -90..90")
        return cls(lon, lat, max(0, min(MAX_ZOOM, zoom))).clamped()

    @property
    def span(self) -> tuple[float, float]:
        return 360 / 2**self.zoom, 180 / 2**self.zoom

    def clamped(self) -> View:
        """The same view moved inside the world."""
        width, height = self.span
        lon = min(180 - width / 2, max(-180 + width / 2, self.lon))
        lat = min(90 - height / 2, max(-90 + height / 2, self.lat))
        return View(round(lon, 4), round(lat, 4), self.zoom)

    def zoomed(self, lon: float, lat: float, by: int = 2) -> View:
        return View(lon, lat, min(MAX_ZOOM, self.zoom + by)).clamped()

    def __str__(self) -> str:
        return f"{self.lon:g},{self.lat:g},{self.zoom}"


def precision(place: dict[str, Any]) -> str:
    """``area`` for a country or region (GeoNames class A, or flagged area), else ``point``."""
    if place.get("area") or place.get("feature_class") == "A":
        return "area"
    return "point"


def lay_out_map(places: list[dict[str, Any]], view: View) -> dict[str, Any]:
    """The markers of ``places`` in ``view``: clusters of nearby places of one precision,
    each with its count of events, its places and the view that zooms on it."""
    width, height = view.span
    west, north = view.lon - width / 2, view.lat + height / 2
    per_px = width / MAP["width"]
    cells: dict[tuple[str, int, int], list[dict[str, Any]]] = {}
    outside = 0
    for place in places:
        if place["lat"] is None or place["lon"] is None:
            continue
        x, y = place["lon"], -place["lat"]
        if not (west <= x <= west + width and -north <= y <= -north + height):
            outside += place["events"]
            continue
        cell = CLUSTER_PX * per_px
        key = (precision(place), math.floor(x / cell), math.floor(y / cell))
        cells.setdefault(key, []).append(place)
    markers = []
    for (kind, _, _), members in sorted(cells.items(), key=lambda item: item[0]):
        events = sum(p["events"] for p in members)
        lon = sum(p["lon"] * p["events"] for p in members) / events
        lat = sum(p["lat"] * p["events"] for p in members) / events
        radius_px = 5 + 3 * math.log2(events) if kind == "point" else 9 + 3 * math.log2(events)
        markers.append(
            {
                "precision": kind,
                "x": round(lon, 4),
                "y": round(-lat, 4),
                "r": round(radius_px * per_px, 4),
                "font": round(11 * per_px, 4),
                "events": events,
                "places": sorted(members, key=lambda p: -p["events"]),
                "zoom": str(view.zoomed(lon, lat)),
                "single": len(members) == 1,
            }
        )
    # Drawn in this order: areas under points, the biggest first, so none hides another.
    markers.sort(key=lambda m: (m["precision"] == "point", -m["events"]))
    return {
        **MAP,
        "view": view,
        "box": f"{west:g} {-north:g} {width:g} {height:g}",
        "stroke": round(1.2 * per_px, 4),
        "markers": markers,
        "outside": outside,
        "out": str(View(view.lon, view.lat, max(0, view.zoom - 2)).clamped()),
        "world": str(View()),
    }
