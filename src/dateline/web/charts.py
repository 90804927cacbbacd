"""The events view's chart and actor network, laid out for the templates' SVG (issue 14).

The numbers come from the store's ``timeline`` and ``network`` queries, the same that
``/api/timeline`` and ``/api/network`` answer; this module only places them. Each bar of the
chart carries the period's count, articles, articles in scope and share, so the page shows
(and a test reads) the API's figures.
"""

from __future__ import annotations

import math
from typing import Any

__all__ = ["CHART", "NETWORK", "lay_out_chart", "lay_out_network"]

# Sizes of the SVG drawings, in their own units (they scale with the page).
CHART = {"width": 720, "height": 220, "left": 48, "bottom": 28, "top": 12}
NETWORK = {"width": 720, "height": 420, "nodes": 24}


def lay_out_chart(timeline: dict[str, Any]) -> dict[str, Any]:
    """Bars of the timeline: one a period, its height in both scales (``share``: the
    articles reporting the period's events over the articles published in it, the
    normalised view; ``raw``: the count of events)."""
    series = timeline["series"]
    width = CHART["width"] - CHART["left"]
    plot = CHART["height"] - CHART["bottom"] - CHART["top"]
    top_count = max((p["count"] for p in series), default=0) or 1
    top_share = max((p["share"] or 0 for p in series), default=0) or 1
    step = width / max(1, len(series))
    bars = []
    for i, period in enumerate(series):
        share = period["share"] or 0
        bars.append(
            {
                **period,
                "x": round(CHART["left"] + i * step + step * 0.1, 2),
                "width": round(max(1.0, step * 0.8), 2),
                "raw_height": round(plot * period["count"] / top_count, 2),
                "share_height": round(plot * share / top_share, 2),
            }
        )
    labels = [bars[0], bars[-1]] if len(bars) > 1 else bars
    return {
        **CHART,
        "plot": plot,
        "base": CHART["top"] + plot,
        "bars": bars,
        "labels": labels,
        "top_count": top_count,
        "top_share": top_share,
    }


def lay_out_network(network: dict[str, Any]) -> dict[str, Any]:
    """The most active actors on a circle, and the edges between them (width: events;
    colour: the sign of the mean Goldstein score)."""
    nodes = network["nodes"][: NETWORK["nodes"]]
    cx, cy = NETWORK["width"] / 2, NETWORK["height"] / 2
    radius = min(cx, cy) - 48
    top = max((n["events"] for n in nodes), default=1) or 1
    placed: dict[str, dict[str, Any]] = {}
    for i, node in enumerate(nodes):
        angle = 2 * math.pi * i / max(1, len(nodes)) - math.pi / 2
        placed[node["code"]] = {
            **node,
            "x": round(cx + radius * math.cos(angle), 1),
            "y": round(cy + radius * math.sin(angle), 1),
            "r": round(5 + 13 * math.sqrt(node["events"] / top), 1),
            "anchor": "start" if math.cos(angle) >= 0 else "end",
            "dx": 1 if math.cos(angle) >= 0 else -1,
        }
    top_edge = max((e["events"] for e in network["edges"]), default=1) or 1
    edges = []
    for edge in network["edges"]:
        a, b = placed.get(edge["source"]), placed.get(edge["target"])
        if a is None or b is None or a is b:
            continue
        mean = edge["goldstein_mean"]
        tone = "neutral" if mean is None or mean == 0 else ("coop" if mean > 0 else "conflict")
        edges.append(
            {
                **edge,
                "x1": a["x"], "y1": a["y"], "x2": b["x"], "y2": b["y"],
                "width": round(1 + 5 * edge["events"] / top_edge, 1),
                "tone": tone,
            }
        )  # fmt: skip
    return {**NETWORK, "nodes": list(placed.values()), "edges": edges}
