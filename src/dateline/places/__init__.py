"""Offline geocoding: the places of an article, its dateline's place and each event's place.

``load_gazetteer()`` opens the packaged GeoNames index once; ``find_places`` resolves the
article's toponyms (spaCy GPE/LOC/FAC entities and the dateline) in the article's context;
``place_for_event`` attaches a place to an event (issue 4); ``explain_places`` says why each
place resolved as it did (``dateline extract --explain``).
"""

from __future__ import annotations

from .event import place_for_event
from .find import explain_places, find_places, resolve_dateline
from .gazetteer import Candidate, Gazetteer, load_gazetteer, name_key
from .resolve import Resolution, Toponym, distance_km, explain_toponyms, resolve_toponyms

__all__ = [
    "Candidate",
    "Gazetteer",
    "Resolution",
    "Toponym",
    "distance_km",
    "explain_places",
    "explain_toponyms",
    "find_places",
    "load_gazetteer",
    "name_key",
    "place_for_event",
    "resolve_dateline",
    "resolve_toponyms",
]
