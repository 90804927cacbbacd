"""HTML pages: body, title, site name and URL through trafilatura; the date through htmldate."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from ..model import Dateline, PublishedDate
from ..settings import Settings
from .flatten import flatten_deep_html
from .lexicon import ASSET_PATTERNS, UNDATED_PAGE_PATTERNS
from .metadata import find_dateline, is_date_line, parse_date_line, split_title
from .normalise import normalise_line, normalise_text

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# trafilatura and htmldate are imported where they are used: together they take a third of a
# second to import, which plain-text input (and a cold ``dateline extract``) need not pay.

DEFAULT_MAX_HTML_DEPTH = Settings.max_html_depth
# Lines at the top of the extracted body searched for a printed date when the page has none.
DATE_LINE_SEARCH_LINES = 5


@dataclass(slots=True)
class Page:
    """What an HTML page gives: the body text and its metadata."""

    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: PublishedDate | None = None
    dateline: Dateline | None = None


# C0 control characters other than tab, line feed and carriage return: not allowed in XML.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def extract_page(
    html: str,
    *,
    url: str | None = None,
    find_dates: bool = True,
    max_html_depth: int = DEFAULT_MAX_HTML_DEPTH,
) -> Page:
    """Extract the article of an HTML page (broken HTML gives what can be had).

    The body, title, site name and canonical URL come from trafilatura; the publication
    date from the page's metadata via htmldate (``original_date``), else the URL, else a
    date line at the top of the body, else htmldate's extensive search of the page without
    its images and asset links. The text is "" when nothing is found. A page nested deeper
    than ``max_html_depth`` is flattened first (``flatten_deep_html``).
    """
    import trafilatura

    html = flatten_deep_html(html, max_html_depth)
    # Control characters are no text, and lxml refuses them in the text it builds when
    # htmldate and trafilatura move nodes ("\x08<script>"): they are dropped first.
    html = _CONTROL_CHARS.sub("", html)
    # htmldate parses the page itself: its parser keeps elements that trafilatura's drops.
    published = find_published(html, url) if find_dates else None
    tree = trafilatura.load_html(html)
    if tree is None:
        return Page(text="", url=url, published=published)
    doc = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=True
    )
    text = (getattr(doc, "text", None) or "").strip()
    if not text:
        # Too little for trafilatura's rules (a stub or a broken page): keep the plain text.
        text = (trafilatura.html2txt(html) or "").strip()
    # Invisible marks out and NFC, as for plain text (HTML keeps no offset map).
    text = normalise_text(text).text.strip()
    page = Page(text=text, url=url or getattr(doc, "url", None))
    sitename = normalise_line(getattr(doc, "sitename", None))
    title = normalise_line(getattr(doc, "title", None))
    if title:
        page.title, site_from_title = split_title(title, sitename)
        page.outlet = sitename or site_from_title
        page.text = drop_title_line(text, page.title)
    else:
        page.outlet = sitename
    text = page.text
    match = find_dateline(text) if text else None
    if match is not None:
        page.dateline = match.dateline
        page.outlet = match.outlet or page.outlet
        published = published or match.published
    if published is None and find_dates:
        published = find_date_in_text(text) or find_published_anywhere(html, url)
    page.published = published
    return page


def drop_title_line(text: str, title: str | None) -> str:
    """The text without a first line that repeats the title (the page's <h1>)."""
    first, _, rest = text.partition("\n")
    if title and rest and _squash(first) == _squash(title):
        return rest.lstrip("\n")
    return text


def _squash(line: str) -> str:
    return " ".join(line.split()).casefold().strip(" .:")


def find_published(html: str | HtmlElement, url: str | None) -> PublishedDate | None:
    """The publication date in the page's metadata (source "meta") or its URL ("url").

    A feed, a wiki or a listing page (``undated_page``) has none: its dates are of other
    pages or of edits, and no date is better than a wrong one (issue 11).
    """
    import htmldate

    if undated_page(url):
        return None
    found = htmldate.find_date(html, url=url, original_date=True, extensive_search=False)
    url_date = date_in_url(url)
    if found:
        return PublishedDate(found, "day", "url" if found == url_date else "meta")
    if url_date:
        return PublishedDate(url_date, "day", "url")
    return None


def find_published_anywhere(html: str, url: str | None) -> PublishedDate | None:
    """htmldate's extensive search over the page's text, for a page whose metadata, URL and
    body name no date: images, their captions and links to assets are taken out first (the
    date an image was uploaded or taken is not the article's), and a bare year (htmldate's
    last resort, a copyright line) is no publication day."""
    import htmldate

    if undated_page(url) or not isinstance(html, str):
        return None
    cleaned = html
    for pattern in ASSET_PATTERNS:
        cleaned = pattern.sub(" ", cleaned)
    found = htmldate.find_date(cleaned, url=url, original_date=True, extensive_search=True)
    if not found or found.endswith("-01-01"):
        return None
    return PublishedDate(found, "day", "meta")


def undated_page(url: str | None) -> bool:
    """A feed, a wiki or a listing page, by its URL (the fragment after "#" aside)."""
    if not url:
        return False
    address = url.split("#", 1)[0]
    return any(p.search(address) for p in UNDATED_PAGE_PATTERNS)


def date_in_url(url: str | None) -> str | None:
    """A Y-M-D date written in a URL ("/2020/07/09/"), via htmldate's URL rule."""
    if not url:
        return None
    from htmldate.extractors import extract_url_date
    from htmldate.utils import Extractor

    options = Extractor(
        extensive=False,
        max=datetime.now(),
        min=datetime(1995, 1, 1),
        original=True,
        format="%Y-%m-%d",
    )
    return extract_url_date(url, options)


def find_date_in_text(text: str) -> PublishedDate | None:
    """A date line ("Published: 23 May 2006") among the first lines of the body."""
    for line in text.split("\n")[:DATE_LINE_SEARCH_LINES]:
        if is_date_line(line):
            found = parse_date_line(line)
            if found is not None:
                return found
    return None
