"""Each event's date, place and reporting source, from the article's annotations."""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc

from ..model import Article, Event
from ..places import place_for_event
from ..quotes import reporter_for_event
from ..spanindex import SpanIndex
from ..timex import date_for_event
from .coder import recode

# CAMEO 040 "Consult" held in a country neither party belongs to is 044 "Meet at a 'third'
# location" (CAMEO manual 1.1b3).
CONSULT_CODE = "040"
THIRD_LOCATION_CODE = "044"


def attach_context(
    article: Article, doc: Doc, iso3_to_iso2: Mapping[str, str] | None = None
) -> None:
    """Set ``date``, ``place`` and ``reported_by`` on every event of ``article``.

    ``iso3_to_iso2`` (the gazetteer's country codes) lets a meeting placed in a third
    country take CAMEO's code for that (``third_location``)."""
    # Each event looks only at the times, places and quotations near it (issue 9: scanning
    # them all for every event made a long article's cost grow with its length squared).
    times = SpanIndex(article.times, lambda t: ((t.start, t.start + 1),))
    places = SpanIndex(article.places, lambda p: ((p.start, p.start + 1),))
    quotes = SpanIndex(article.quotes, lambda q: (*q.parts, (q.start, q.end)))
    for event in article.events:
        sentence = event.sentence
        event.date = date_for_event(event, article, doc, times.overlapping)
        near = places.overlapping(sentence.start, sentence.end)
        event.place = place_for_event(event, article, doc, near)
        holding = quotes.covering(event.trigger.start)
        event.reported_by = reporter_for_event(event, article, doc, holding)
        if iso3_to_iso2 is not None:
            third_location(event, iso3_to_iso2)


def third_location(event: Event, iso3_to_iso2: Mapping[str, str]) -> None:
    """ "met with the US ambassador in the Jordanian capital of Amman": a consultation whose
    own clause places it in a country that is neither party's is 044.

    Rule ``context.third_location``. Tests:
    ``test_a_meeting_placed_in_a_third_country_is_cameo_044``,
    ``test_the_seed_traces_coreference_inferred_parties_and_context``.
    """
    place = event.place
    if event.cameo != CONSULT_CODE or place is None or place.source != "clause":
        return
    if event.source is None or event.target is None or not place.country:
        return
    countries = {iso3_to_iso2.get(a.code[:3]) for a in (event.source, event.target)}
    if None in countries or place.country in countries:
        return
    recode(event, THIRD_LOCATION_CODE, "context.third_location")
