"""Word lists for ingest: boilerplate lines, site-name words, header labels (data only).

The rules in ``text.py`` and ``metadata.py`` read these; no outlet is named here, only the
shapes that archive pages and wire copy share.
"""

from __future__ import annotations

import re

# Whole lines (case-insensitive, trailing ":" and punctuation ignored) that are navigation or
# page furniture, never article text.
NAV_LINES: frozenset[str] = frozenset(
    {
        "select page",
        "skip to content",
        "skip to main content",
        "skip to navigation",
        "skip to footer",
        "jump to content",
        "toggle navigation",
        "main menu",
        "menu",
        "navigation",
        "search",
        "search for",
        "home",
        "homepage",
        "share",
        "share this",
        "share this article",
        "share this story",
        "share on facebook",
        "share on twitter",
        "tweet",
        "email",
        "print",
        "print this article",
        "comments",
        "leave a comment",
        "leave a reply",
        "related",
        "related articles",
        "related stories",
        "related posts",
        "read more",
        "read next",
        "more stories",
        "more from",
        "most read",
        "most popular",
        "trending",
        "advertisement",
        "advertising",
        "sponsored",
        "sponsored content",
        "subscribe",
        "subscribe now",
        "sign in",
        "sign up",
        "log in",
        "login",
        "register",
        "follow us",
        "like this",
        "like this:",
        "loading",
        "loading...",
        "back to top",
        "scroll to top",
        "top",
        "close",
        "previous",
        "next",
        "previous article",
        "next article",
        "previous post",
        "next post",
        "facebook",
        "twitter",
        "linkedin",
        "whatsapp",
        "pinterest",
        "reddit",
        "telegram",
        "x",
        "accept",
        "accept all",
        "accept cookies",
        "got it",
        "ok",
        "more",
        "tags",
        "topics",
        "categories",
    }
)

# A line that mentions one of these is page furniture when it is short (cookie banners,
# copyright and newsletter lines).
FURNITURE_CUES: tuple[str, ...] = (
    "use cookies",
    "uses cookies",
    "use of cookies",
    "accept cookies",
    "cookie policy",
    "cookies policy",
    "cookie settings",
    "cookie consent",
    "all rights reserved",
    "sign up for our newsletter",
    "subscribe to our newsletter",
    "newsletter sign",
    "javascript is disabled",
    "enable javascript",
    "your browser does not support",
)

# Cues that news prose may also use ("the ministry's privacy policy"): furniture only on a
# line of a few words.
FURNITURE_SHORT_CUES: tuple[str, ...] = (
    "privacy policy",
    "terms of use",
    "terms of service",
    "terms and conditions",
    "click here",
    "read more",
    "contact us",
    "about us",
)

# Separators between the items of a menu line or between a title and a site name.
MENU_SEPARATORS: str = "|·•»›¦"

# Words in the site-name part of a title line ("Title | SITE NAME English Archive 2005 -2017")
# that describe the site rather than name it; stripped to leave the outlet's name.
SITE_DESCRIPTOR_WORDS: frozenset[str] = frozenset(
    {
        "english",
        "archive",
        "archives",
        "online",
        "edition",
        "website",
        "site",
        "official",
        "web",
        "portal",
        "homepage",
        "home",
        "page",
        "latest",
        "breaking",
    }
)

# Words that mark the part after " - " in a title line as a site name ("... - Al Jazeera",
# "... - The New York Times"): a dash suffix is stripped only when it has one of them, is in
# capitals, or names the outlet found elsewhere.
SITE_NAME_WORDS: frozenset[str] = frozenset(
    {
        "news",
        "times",
        "post",
        "daily",
        "herald",
        "journal",
        "tribune",
        "press",
        "gazette",
        "observer",
        "guardian",
        "telegraph",
        "chronicle",
        "independent",
        "mail",
        "express",
        "star",
        "sun",
        "standard",
        "review",
        "monitor",
        "agency",
        "network",
        "tv",
        "radio",
        "online",
        "archive",
        "magazine",
        "weekly",
        "today",
        "report",
        "media",
        "broadcasting",
        "wire",
        "reuters",
        "bbc",
        "cnn",
        "afp",
        "ap",
        "npr",
        "upi",
        "com",
        "org",
        "net",
    }
)

# Labels before a date line in a page header ("Published: 23 May 2006").
DATE_LABELS: tuple[str, ...] = (
    "published on",
    "published",
    "posted on",
    "posted",
    "updated on",
    "last updated",
    "updated",
    "first published",
    "date",
    "dated",
    "on",
)

# Words in capitals before a dash or colon at the head of a paragraph that are kickers, not
# the place of a dateline ("UPDATED: Tue., Nov. 19", "EXCLUSIVE - ...").
NOT_PLACES: frozenset[str] = frozenset(
    {
        "updated",
        "update",
        "last updated",
        "published",
        "posted",
        "breaking",
        "breaking news",
        "exclusive",
        "analysis",
        "opinion",
        "comment",
        "editorial",
        "watch",
        "video",
        "photos",
        "live",
        "listen",
        "note",
        "editor's note",
        "editor’s note",
        "correction",
        "clarification",
        "advertisement",
        "sponsored",
        "related",
        "read more",
        "see also",
        "warning",
        "spoiler",
        "q",
        "a",
    }
)

# First words that show a paragraph opens with a person, a day or a pronoun, not with the
# place of a dateline ("President Trump — who ...", "Tuesday — ...", "The talks – ...").
NOT_PLACE_FIRST_WORDS: frozenset[str] = frozenset(
    {
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "it",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "but",
        "and",
        "so",
        "yet",
        "now",
        "then",
        "here",
        "there",
        "mr",
        "mrs",
        "ms",
        "dr",
        "president",
        "prime",
        "minister",
        "general",
        "gen",
        "senator",
        "sen",
        "rep",
        "governor",
        "gov",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "secretary",
        "chancellor",
        "sheikh",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    }
)

# Lines that credit the author ("By Jane Doe"), dropped from the page header.
BYLINE_PREFIXES: tuple[str, ...] = ("by ", "written by ", "reporting by ", "from ")

# Lowercase words that may sit inside a dateline place name ("Rio de Janeiro", "Dar es Salaam").
PLACE_CONNECTORS: tuple[str, ...] = (
    "de",
    "del",
    "da",
    "do",
    "dos",
    "es",
    "el",
    "al",
    "la",
    "le",
    "of",
    "on",
    "upon",
    "am",
    "an",
    "sur",
)

# Files inside a folder that are documentation, not articles (``collect_inputs`` skips them).
DOC_FILE_PREFIXES: tuple[str, ...] = (
    "readme",
    "license",
    "licence",
    "copying",
    "notice",
    "changelog",
    "authors",
)
DOC_FILE_SUFFIXES: frozenset[str] = frozenset({".md", ".rst"})

# Suffixes read as HTML, as JSON Lines, or as gzip-compressed.
HTML_SUFFIXES: frozenset[str] = frozenset({".html", ".htm", ".xhtml", ".shtml"})
JSONL_SUFFIXES: frozenset[str] = frozenset({".jsonl", ".ndjson"})
GZIP_SUFFIXES: frozenset[str] = frozenset({".gz", ".gzip"})
WARC_SUFFIXES: frozenset[str] = frozenset({".warc", ".arc"})
# The content types of WARC records read as articles (ingest/warc.py).
WARC_TEXT_TYPES: frozenset[str] = frozenset({"text/html", "application/xhtml+xml", "text/plain"})

# Leading bytes of common binary formats (refused at once, whatever the file is called).
BINARY_MAGIC: tuple[bytes, ...] = (
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",  # JPEG
    b"%PDF",
    b"PK\x03\x04",  # zip, docx, xlsx
    b"\x7fELF",
    b"BZh",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"Rar!",
    b"OggS",
    b"ID3",
    b"RIFF",
    b"\x00\x00\x01\x00",  # ico
    b"SQLite format 3",
)

# HTML elements, for flattening pages nested too deep (flatten.py), after the HTML standard:
# void elements never hold anything; raw-text elements hold text, not tags.
HTML_VOID_TAGS: frozenset[str] = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
        "param", "source", "track", "wbr", "basefont", "bgsound", "frame", "command",
    }
)  # fmt: skip
HTML_RAW_TEXT_TAGS: frozenset[str] = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"}
)
# A start tag of one of these closes an open element of the same name (<p>, <li>, <td>...).
HTML_AUTO_CLOSED: frozenset[str] = frozenset(
    {"p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp"}
)
# Block elements: dropping one leaves a line break, so paragraphs do not run together.
HTML_BLOCK_TAGS: frozenset[str] = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog",
        "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
        "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "html", "li", "main", "menu", "nav",
        "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
        "tr", "ul",
    }
)  # fmt: skip

# English function words: a text where they are a large share of the words is English
# (language.py). Words other languages also write often ("a", "en", "de", "die") are left out.
ENGLISH_FUNCTION_WORDS: frozenset[str] = frozenset(
    {
        "the", "of", "and", "to", "that", "was", "for", "with", "said", "from", "is", "in",
        "on", "by", "at", "has", "have", "were", "are", "it", "be", "this", "which", "will",
    }
)  # fmt: skip

# Publication dates (issue 11). Pages whose dates are not an article's publication date:
# feeds, wikis (edit dates), listings of other pages (tags, categories, search, archives).
# A link through a feed proxy ("feeds.example.com/~r/.../story") is an article and keeps it.
UNDATED_PAGE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"/(?:feeds?|rss)(?:/?$|\.xml$|/?\?)",  # the feed itself, not a link through it
        r"^[a-z]+://wiki\.|/wiki/|[?&]title=[^&]*&(?:diff|oldid|action)=",  # wikis and edits
        r"/(?:tag|tags|category|categories|topic|topics|archive|archives)(?:/[^/?#.]+)?"
        r"(?:/page/\d+)?/?(?:[?#]|$)",
        r"/search(?:/|\?|$)",
        r"[?&](?:s|q|search)=",
    )
)
# Parts of a page whose dates are not the article's: images and their captions, links to
# assets (an upload path "/2016/01/photo.jpg" holds the upload date).
ASSET_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE | re.DOTALL)
    for p in (
        r"<img\b[^>]*>",
        r"<source\b[^>]*>",
        r"<figcaption\b.*?</figcaption>",
        r"""(?:src|href|srcset|content|data-[\w-]+)\s*=\s*["'][^"']*"""
        r"""\.(?:jpe?g|png|gif|webp|svg|css|js|mp4|mp3|pdf|ico)(?:\?[^"']*)?["']""",
    )
)
