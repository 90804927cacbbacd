"""The one pipeline behind every entry point: CLI, Python API, HTTP API and batch mode.

ingest -> nlp -> annotate (actors, times, places, quotations) -> code events -> context.
Stages are pure functions of (article, doc, resources); all I/O is in ingest/ and store/.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date as _date
from functools import cached_property
from typing import ClassVar

from spacy.language import Language
from spacy.tokens import Doc

from .actors.match import ActorMatcher, load_actor_matcher
from .errors import W_SENTENCES_SPLIT
from .events.coder import code_events
from .events.context import attach_context
from .events.verbs import VerbDictionary, load_verb_dictionary
from .gc_pause import gc_paused
from .ingest import parse_user_date, read_input
from .model import Article
from .nlp import SPLIT_KEY, load_nlp, parse_text
from .places import Gazetteer, find_places, load_gazetteer
from .quotes import find_quotes
from .settings import Settings
from .timex import find_times


@dataclass
class Failure:
    """An input that could not be processed, and why (a batch records it and goes on)."""

    name: str
    reason: str


class Pipeline:
    """Loads the model and dictionaries once and turns articles into coded events."""

    _shared: ClassVar[dict[Settings, Pipeline]] = {}

    def __init__(self, settings: Settings | None = None, *, nlp: Language | None = None) -> None:
        self.settings = settings or Settings.from_env()
        self._nlp = nlp

    @classmethod
    def shared(cls, settings: Settings | None = None) -> Pipeline:
        """One Pipeline per settings in this process (the Python API's ``extract`` uses it)."""
        settings = settings or Settings.from_env()
        if settings not in cls._shared:
            cls._shared[settings] = cls(settings)
        return cls._shared[settings]

    # Resources, loaded on first use.
    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_nlp(self.settings.spacy_model, self.settings.max_sentence_tokens)
        return self._nlp

    @cached_property
    def actors(self) -> ActorMatcher:
        return load_actor_matcher(self.settings)

    @cached_property
    def verbs(self) -> VerbDictionary:
        return load_verb_dictionary(self.settings)

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return load_gazetteer()

    def warm_up(self) -> None:
        """Load every resource now rather than on the first article, then set what is loaded
        aside from the cyclic garbage collector (``gc.freeze``). The model and the dictionaries
        live as long as the process, and every full collection would otherwise walk them all
        again: about 0.09 s each (two thirds of it the spaCy model), against 0.015 s once they
        are frozen. Full collections come whenever the objects kept alive grow by a quarter (a
        caller keeping its articles, events and mentions), on whichever stage is running.
        Objects frozen are still freed by reference counting; only cycles among them would stay.

        As ``gc.freeze``'s documentation advises before a fork, the collector is paused while
        they load (``gc_pause``) and nothing is collected before the freeze: a collection there
        found no garbage and cost 0.13 s of every cold start (issue 15).
        """
        with gc_paused():
            _ = self.nlp, self.actors, self.verbs, self.gazetteer
            gc.freeze()

    # The flow.
    def extract(
        self,
        text_or_html: str | bytes,
        *,
        date: str | _date | None = None,
        url: str | None = None,
        name: str | None = None,
    ) -> Article:
        """Read one article from text or HTML and run every stage on it (none when the
        article is not in the model's language)."""
        article = read_input(
            text_or_html, name=name or "<input>", url=url, date=date, settings=self.settings
        )
        if not self.codes(article):
            return article
        return self.annotate(article, self.parse(article.text))

    def parse(self, text: str) -> Doc:
        """The spaCy Doc of ``text``, parsed in pieces when it is longer than
        ``max_parse_chars`` (``nlp.parse_text``)."""
        return parse_text(self.nlp, text, self.settings.max_parse_chars)

    def codes(self, article: Article) -> bool:
        """Whether the article is in the model's language, so parsed and coded (issue 9)."""
        return article.language == self.nlp.lang

    def process(
        self,
        articles: Iterable[Article],
        *,
        on_error: Callable[[Article, Exception], None] | None = None,
    ) -> Iterator[Article]:
        """Run every stage on many articles, parsing them in batches with ``nlp.pipe``.

        Articles in another language than the model's pass through unparsed and uncoded.

        With ``on_error``, an article whose annotation fails is handed to it and skipped
        (a batch records the failure and carries on); without, the error propagates.
        """
        for doc, article in self._parse_all(articles):
            if doc is None:
                yield article  # another language: stored as read, not coded
                continue
            if on_error is None:
                yield self.annotate(article, doc)
                continue
            try:
                yield self.annotate(article, doc)
            except Exception as e:  # one bad article must not stop the batch
                on_error(article, e)

    def _parse_all(self, articles: Iterable[Article]) -> Iterator[tuple[Doc | None, Article]]:
        """(doc, article) in order: articles in batches through ``nlp.pipe``, except those
        longer than ``max_parse_chars``, parsed alone and in pieces (``parse``), and those
        in another language than the model's, not parsed at all (doc None)."""
        limit = self.settings.max_parse_chars
        size = self.settings.batch_size
        batch: list[Article] = []
        for article in articles:
            coded = self.codes(article)
            if coded and (limit <= 0 or len(article.text) <= limit):
                batch.append(article)
                if len(batch) < size:
                    continue
            yield from self.nlp.pipe(((a.text, a) for a in batch), as_tuples=True, batch_size=size)
            batch = []
            if not coded:
                yield None, article
            elif limit > 0 and len(article.text) > limit:
                yield self.parse(article.text), article
        yield from self.nlp.pipe(((a.text, a) for a in batch), as_tuples=True, batch_size=size)

    def annotate(self, article: Article, doc: Doc) -> Article:
        """Run the annotation and coding stages on a parsed article (no I/O)."""
        split = doc.user_data.get(SPLIT_KEY, 0)
        if split:
            article.warnings.append(
                W_SENTENCES_SPLIT.format(n=split, limit=self.settings.max_sentence_tokens)
            )
        article.mentions = self.actors.find_mentions(article, doc)
        article.times = find_times(article, doc)
        article.places = find_places(article, doc, self.gazetteer)
        article.quotes = find_quotes(article, doc, article.mentions)
        article.events = code_events(
            article, doc, article.mentions, self.verbs, self.actors, self.settings
        )
        attach_context(article, doc, self.gazetteer.iso3_to_iso2)
        return article


def with_date(article: Article, date: str | _date | None) -> Article:
    """Set the publication date given by the user (``--date``), which overrides any other.

    ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` keeps its precision (year, month, day); anything
    else raises InputError [E028] (``ingest --date yesterday`` stored "yesterday", issue 9).
    """
    if date is not None:
        article.published = parse_user_date(date, article.source_path or article.id)
    return article
