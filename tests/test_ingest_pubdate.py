"""Publication dates from the web (issue 11): no dates from images or assets, none for feeds,
wikis and listings rather than a wrong one."""

from __future__ import annotations

from dateline.ingest.html import extract_page, find_published, undated_page

BODY = (
    "<p>Negotiators from both sides met in the capital for a second round of talks on the "
    "border dispute, officials said, and agreed to meet again next month to settle the "
    "remaining points of the agreement they reached.</p>"
)


def page(head: str = "", body: str = BODY) -> str:
    return (
        f"<html><head><title>Talks</title>{head}</head>"
        f"<body><article>{body}</article></body></html>"
    )


def test_a_date_in_an_image_or_its_caption_is_not_the_publication_date() -> None:
    body = (
        '<figure><img src="/uploads/2016/01/05/delegates.jpg" alt="MAY 20: Delegates arrive '
        'on May 20, 2020 in Geneva"><figcaption>Delegates on May 20, 2020.</figcaption>'
        "</figure>" + BODY
    )
    assert extract_page(page(body=body), url="https://news.example.org/talks").published is None


def test_a_copyright_year_alone_is_no_publication_day() -> None:
    head = '<meta name="copyright" content="&copy; 2016 example.org">'
    assert extract_page(page(head), url="https://news.example.org/talks").published is None


def test_the_metadata_date_is_still_read() -> None:
    head = '<meta property="article:published_time" content="2020-03-02T10:00:00Z">'
    published = extract_page(page(head), url="https://news.example.org/talks").published
    assert published is not None and (published.value, published.source) == ("2020-03-02", "meta")


def test_a_date_line_in_the_body_comes_before_the_wider_search() -> None:
    body = "<p>Published: 3 March 2020</p>" + BODY
    published = extract_page(page(body=body), url="https://news.example.org/talks").published
    assert published is not None and published.value == "2020-03-03"


def test_wiki_feed_and_listing_pages_give_no_date() -> None:
    head = '<meta property="article:published_time" content="2005-07-26T10:00:00Z">'
    for url in (
        "https://wiki.example.org/index.php?title=Talks&diff=591343&oldid=588001",
        "https://example.org/wiki/Border_talks",
        "https://news.example.org/feed/",
        "https://news.example.org/tag/talks/",
        "https://news.example.org/search?q=talks",
    ):
        assert undated_page(url), url
        assert find_published(page(head), url) is None, url


def test_a_link_through_a_feed_proxy_is_an_article() -> None:
    url = "http://feeds.example.com/~r/world/~3/Imon3NQaB8c/border-talks.html"
    assert not undated_page(url)
    head = '<meta property="article:published_time" content="2020-04-02T08:00:00Z">'
    published = find_published(page(head), url)
    assert published is not None and published.value == "2020-04-02"
