"""The data model: every extracted thing is a span of ``Article.text`` plus what was made of it.

One JSON shape serves the CLI, the HTTP API, the JSONL export and the store
(``docs/OUTPUT.md`` is the contract). Offsets are character offsets into
``Article.text`` (the cleaned text), ``end`` exclusive.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

Precision = Literal[
    "day", "week", "month", "season", "quarter", "year", "decade", "century", "none"
]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of ``Article.text``: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class PublishedDate:
    """The publication date, its precision and where it came from (meta, url, text, user, or
    warc: the crawl date of a WARC record whose page gives none)."""

    value: str
    precision: str = "day"
    source: str = "user"

    def as_date(self) -> date | None:
        """The date itself, or None when the value is not a full day."""
        try:
            return date.fromisoformat(self.value[:10])
        except ValueError:
            return None

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "precision": self.precision, "source": self.source}


@dataclass(frozen=True, slots=True)
class Dateline:
    """The place named at the head of the article ("BAGHDAD (Reuters) -")."""

    name: str
    start: int
    end: int
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "start": self.start,
            "end": self.end,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
        }


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor: a CAMEO code such as ``USAGOV`` and the dictionary entry behind it."""

    code: str
    name: str = ""
    country: str | None = None
    agents: tuple[str, ...] = ()
    valid_from: str | None = None
    valid_until: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "name": self.name, "country": self.country}
        if self.agents:
            out["agents"] = list(self.agents)
        if self.valid_from or self.valid_until:
            out["valid"] = {"from": self.valid_from, "until": self.valid_until}
        return out


@dataclass(slots=True)
class Mention:
    """An actor mention: a span of text and the actor it resolves to (if any)."""

    start: int
    end: int
    text: str
    label: str
    actor: Actor | None = None
    # How the actor was found: "dictionary", "dictionary:surname", "dictionary:undated",
    # "coreference", "agent", "title" (a person named right after a coded title).
    via: str = "dictionary"
    antecedent: int | None = None  # index of the mention this one refers back to
    # How the actor's country was inferred when its words name none ("story country
    # (dateline Nairobi)"); None when the words or an antecedent gave it.
    inferred: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "label": self.label,
            "actor": self.actor.to_json() if self.actor else None,
        }
        if self.via != "dictionary":
            out["via"] = self.via
        if self.inferred:
            out["inferred"] = self.inferred
        return out


@dataclass(slots=True)
class Place:
    """A toponym resolved against the gazetteer."""

    start: int
    end: int
    text: str
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature_class: str | None = None
    feature_code: str | None = None
    # The admin path: first-level division ("Ohio") and second-level one ("Franklin County").
    admin1: str | None = None
    admin2: str | None = None
    # An area (country, state, county) or a point (town): an area's lat/lon is its centre.
    area: bool = False
    # How the text names the place: "name" ("Baghdad"), "demonym" ("Iraqi", "Ohioans"), or
    # "in_name" (inside an organisation's name: "the Ohio Department of Health").
    kind: str = "name"

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
            "feature_class": self.feature_class,
            "feature_code": self.feature_code,
            "area": self.area,
            "kind": self.kind,
        }


@dataclass(slots=True)
class TimeExpr:
    """A time expression normalised to an ISO 8601 / TimeML value."""

    start: int
    end: int
    text: str
    value: str | None
    precision: str = "day"
    type: str = "DATE"  # TimeML: DATE, TIME, DURATION, SET
    anchor: str | None = None  # the date the value was resolved against

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "precision": self.precision,
            "type": self.type,
            "anchor": self.anchor,
        }


@dataclass(slots=True)
class Speaker:
    """Who a quotation is attributed to."""

    text: str
    start: int
    end: int
    anonymous: bool = False
    description: str | None = None
    actor: Actor | None = None
    # The person or organisation the speaker phrase refers to, read through pronouns,
    # appositions and earlier mentions ("he" -> "Zalmay Khalilzad"); None when unnamed.
    name: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "anonymous": self.anonymous,
            "description": self.description,
            "name": self.name,
            "actor": self.actor.to_json() if self.actor else None,
        }


@dataclass(slots=True)
class Quote:
    """A quotation or reported speech: content, cue and speaker."""

    id: str
    start: int
    end: int
    text: str
    # direct / indirect / mixed (reported speech quoting a fragment) / belief (a belief or
    # intention ascribed) / evidence ("a poll shows") / no-source (nobody named: speaker None)
    kind: str
    cue: Span | None = None
    speaker: Speaker | None = None
    # Extra content spans when a quotation is interrupted or runs across paragraphs.
    parts: tuple[tuple[int, int], ...] = ()

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "speaker": self.speaker.to_json() if self.speaker else None,
            "cue": self.cue.to_json() if self.cue else None,
        }
        if self.parts:
            out["parts"] = [{"start": s, "end": e} for s, e in self.parts]
        return out


@dataclass(frozen=True, slots=True)
class EventActor:
    """The source or target of an event: a code and the span it was read from."""

    code: str
    text: str
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True)
class EventDate:
    """An event's date: the time expression that governs it, or the publication date."""

    value: str
    precision: str
    source: str  # "clause", "sentence", "passage" (a neighbouring sentence), "published"
    start: int | None = None
    end: int | None = None
    text: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "precision": self.precision,
            "source": self.source,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


@dataclass(slots=True)
class EventPlace:
    """An event's place: the place phrase on its clause, its sentence's or paragraph's place, or
    the dateline."""

    name: str
    source: str  # "clause", "sentence", "paragraph", "dateline"
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    start: int | None = None
    end: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
            "source": self.source,
            "start": self.start,
            "end": self.end,
        }


@dataclass(slots=True)
class Event:
    """One coded event: who did what to whom, with the spans it was read from."""

    id: str
    sentence: Span
    trigger: Span
    source: EventActor | None
    target: EventActor | None
    cameo: str
    root: str
    quad_class: int | None
    goldstein: float | None
    plover_type: str | None = None
    plover_mode: str | None = None
    date: EventDate | None = None
    place: EventPlace | None = None
    reported_by: str | None = None
    negated: bool = False
    hypothetical: bool = False
    coder: str = "dateline.coder.cameo.v1"
    confidence: float = 1.0
    pattern: str | None = None  # the dictionary pattern that matched, for explanation
    # The coder's rules that shaped the event, in the order they fired ("roles.subject",
    # "modality.negation"; a party's own rules as "source:..." / "target:..."; the event
    # filter's as "filter.no_party_acted_on", the story's country as "source:context..."), and
    # the dictionary entries behind it (the verb's entry, its pattern, the actors' entries).
    rules: list[str] = field(default_factory=list)
    entries: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "sentence": {"start": self.sentence.start, "end": self.sentence.end},
            "trigger": self.trigger.to_json(),
            "source": self.source.to_json() if self.source else None,
            "target": self.target.to_json() if self.target else None,
            "cameo": self.cameo,
            "root": self.root,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover": {"type": self.plover_type, "mode": self.plover_mode},
            "date": self.date.to_json() if self.date else None,
            "place": self.place.to_json() if self.place else None,
            "reported_by": self.reported_by,
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "coder": self.coder,
            "confidence": self.confidence,
            "pattern": self.pattern,
            "rules": list(self.rules),
            "entries": list(self.entries),
        }


def normalise_for_identity(text: str) -> str:
    """The text an article's identity is made of: Unicode NFC, runs of whitespace as one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def make_article_id(text: str) -> str:
    """An article's id: the hash of its normalised text (issue 9: identity is the content).

    The same text at two URLs is one article; a changed text at a known URL is another
    article, which the store links to the one it replaces.
    """
    key = normalise_for_identity(text)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class Article:
    """An article and everything extracted from it."""

    text: str
    id: str = ""
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: PublishedDate | None = None
    dateline: Dateline | None = None
    language: str = "en"
    ingested_at: str | None = None
    source_path: str | None = None
    # offset_map[i] is the offset in the input of character i of ``text`` (plain-text input
    # only; HTML goes through an extractor and keeps no map).
    offset_map: list[int] | None = field(default=None, repr=False)
    mentions: list[Mention] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # What was changed to keep the article within a limit ("[W001] 3 sentence(s) ... cut").
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = make_article_id(self.text)

    def span(self, start: int, end: int) -> Span:
        """A Span of this article's text."""
        return Span(start, end, self.text[start:end])

    def input_offset(self, offset: int) -> int | None:
        """The offset in the original input of a character of ``text`` (None when unknown)."""
        if self.offset_map is None:
            return None
        if offset >= len(self.offset_map):
            return (self.offset_map[-1] + 1) if self.offset_map else 0
        return self.offset_map[offset]

    def input_segments(self) -> list[list[int]] | None:
        """The offset map as runs ``[text_start, input_start, length]`` (None when unknown).

        Character ``text_start + k`` of ``text`` is character ``input_start + k`` of the input
        for ``k < length``: a span of the cleaned text can be shown in the original file.
        """
        if self.offset_map is None:
            return None
        runs: list[list[int]] = []
        for i, j in enumerate(self.offset_map):
            if runs and runs[-1][1] + runs[-1][2] == j and runs[-1][0] + runs[-1][2] == i:
                runs[-1][2] += 1
            else:
                runs.append([i, j, 1])
        return runs

    def header_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "outlet": self.outlet,
            "title": self.title,
            "published": self.published.to_json() if self.published else None,
            "dateline": self.dateline.to_json() if self.dateline else None,
            "language": self.language,
            "source_path": self.source_path,
            "text": self.text,
            "input_offsets": self.input_segments(),
            "warnings": list(self.warnings),
        }

    def to_json(self) -> dict[str, Any]:
        """The object of OUTPUT.md: article, mentions, places, times, quotes, events."""
        return {
            "article": self.header_json(),
            "mentions": [m.to_json() for m in self.mentions],
            "places": [p.to_json() for p in self.places],
            "times": [t.to_json() for t in self.times],
            "quotes": [q.to_json() for q in self.quotes],
            "events": [e.to_json() for e in self.events],
        }
