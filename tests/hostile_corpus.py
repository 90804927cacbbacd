"""A corpus of hostile inputs for ``dateline ingest``, generated (nothing big is committed).

``make_hostile_corpus(folder)`` writes every input and returns what each must end in: a
stored article ("stored"), a coded error ("E0xx"), or either ("any": the input is fair to
store or to refuse, as long as it is one of the two). Sizes are moderate by default, so that
the suite runs it in a minute; ``scale`` multiplies the big ones (``scale=10`` gives the
200,000-character text without punctuation of issue 9).

Run it as a script to write the corpus somewhere: ``python tests/hostile_corpus.py DIR``.
"""

from __future__ import annotations

import gzip
import json
import random
import sys
from pathlib import Path

SEED = 9  # issue 9
SENTENCE = (
    "The foreign minister said on Monday that talks with the rebels would resume in Geneva "
    "next week, and the United Nations envoy welcomed the decision. "
)
ARABIC = "قال وزير الخارجية يوم الاثنين إن المحادثات مع المتمردين ستستأنف في جنيف الأسبوع المقبل. "
CHINESE = "外交部长星期一表示，与叛军的会谈将于下周在日内瓦恢复，联合国特使对此表示欢迎。"
WORDS = [
    "talks",
    "rebels",
    "minister",
    "geneva",
    "envoy",
    "week",
    "monday",
    "decision",
    "united",
    "nations",
    "said",
    "would",
]


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count))


def _html(body: str, title: str = "Talks to resume") -> str:
    return f"<!DOCTYPE html><html><head><title>{title}</title></head><body>{body}</body></html>"


def make_hostile_corpus(folder: Path, *, scale: int = 1) -> dict[str, str]:
    """Write the hostile inputs into ``folder``; return {file name: expected outcome}.

    Every text is told apart by its file name, so that no input is "already stored" as
    another's duplicate.
    """
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    expected: dict[str, str] = {}

    def put(name: str, data: bytes | str, outcome: str) -> None:
        path = folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        expected[name] = outcome

    def story(name: str, times: int = 3) -> str:
        return SENTENCE * times + f"The file is {name}."

    # Size and shape.
    put("huge_single_line.txt", story("huge_single_line", 40 * scale), "stored")
    put("no_punctuation.txt", _words(rng, 2_000 * scale), "stored")
    put("one_long_word.txt", "a" * (50_000 * scale), "any")
    put(
        "many_short_lines.txt", "\n".join(rng.choice(WORDS) for _ in range(1_000 * scale)), "stored"
    )
    put("over_char_limit.txt", story("over_char_limit", 8_000), "E026")  # 1.2 M characters
    # Bytes that are not text, and text in the wrong encoding.
    put("binary_garbage.txt", rng.randbytes(20_000), "E021")
    put("png_named_txt.txt", b"\x89PNG\r\n\x1a\n" + rng.randbytes(2_000), "E021")
    put("nul_bytes.txt", (SENTENCE[:40] + "\x00") * 200, "E021")
    put("control_chars.txt", "".join(chr(rng.randrange(1, 9)) for _ in range(5_000)), "E021")
    put("utf16_le_bom.txt", b"\xff\xfe" + story("utf16_le_bom").encode("utf-16-le"), "stored")
    put("utf16_be_no_bom.txt", story("utf16_be_no_bom").encode("utf-16-be"), "stored")
    put("utf32_bom.txt", story("utf32_bom").encode("utf-32"), "stored")
    legacy = _html(f"<p>“{story('cp1252_as_utf8')}” — Genève</p>")
    legacy = legacy.replace("<head>", '<head><meta charset="utf-8">')
    put("cp1252_as_utf8.html", legacy.encode("cp1252"), "stored")
    put(
        "shift_jis.txt",
        ("日本の外務大臣は月曜日、会談を再開すると述べた。" * 20).encode("shift_jis"),
        "any",
    )
    mixed = story("mixed_encodings").encode() + "Genève".encode("cp1252") + SENTENCE.encode()
    put("mixed_encodings.txt", mixed, "stored")
    broken = story("invalid_utf8").encode() + b"\xc0\xaf\xed\xa0\x80\xf8\x88" + SENTENCE.encode()
    put("invalid_utf8.txt", broken, "stored")
    # Empty and nearly empty.
    put("empty.txt", b"", "E020")
    put("whitespace.txt", " \n\t\r\n  \n", "E020")
    put("bom_only.txt", b"\xef\xbb\xbf", "E020")
    put("invisible_only.txt", "\u200d\u200f\u200b\ufeff" * 100, "any")
    # Invisible marks, right-to-left text, several languages at once.
    put("zw_rtl_spam.txt", "".join(c + "\u200d\u200f" for c in story("zw_rtl_spam")), "stored")
    put("bidi_overrides.txt", "\u202e" + story("bidi_overrides") + "\u202c\u2066\u2069", "stored")
    put("mixed_language.txt", (SENTENCE + ARABIC + CHINESE + "\n\n") * 5, "stored")
    put("arabic_only.txt", ARABIC * 10, "stored")
    # HTML.
    deep = "<div>" * 5_000 + f"<p>{story('deep_html')}</p>" + "</div>" * 5_000
    put("deep_html.html", _html(deep), "stored")
    put("html_tag_bomb.html", _html("<span>" * 50_000 * scale + f"<p>{story('bomb')}</p>"), "any")
    many = "<p><b>a</b></p>" * 2_000 * scale + f"<p>{story('html_many_elements')}</p>"
    put("html_many_elements.html", _html(many), "any")
    put("html_script_only.html", _html("<script>" + "var x = 1;" * 500 + "</script>"), "E024")
    put(
        "html_unclosed_comment.html", _html(f"<p>{story('comment')}</p><!-- {SENTENCE * 50}"), "any"
    )
    spam = "&amp;&#x200d;&#0;&bogus;" * 500 * scale
    put("html_entity_spam.html", _html(f"<p>{spam}{story('entity_spam')}</p>"), "any")
    # gzip.
    put("gzip_bomb.txt.gz", gzip.compress(b" " * (20_000_000 * scale), 9), "E022")
    varied = gzip.compress(_words(rng, 5_000).encode())
    put("truncated.txt.gz", varied[: len(varied) // 2], "E025")
    put("not_gzip.txt.gz", story("not_gzip"), "E025")
    put("gzip_of_binary.txt.gz", gzip.compress(rng.randbytes(5_000)), "E021")
    # JSON Lines: each bad record gets its own error, the good ones are stored.
    records = [
        json.dumps({"text": story("jsonl record 1"), "url": "http://example.com/jsonl/1"}),
        "{not json",
        json.dumps([1, 2, 3]),
        json.dumps({"title": "no body"}),
        json.dumps({"text": 42}),
        json.dumps({"html": _html(f"<p>{SENTENCE}</p>"), "date": "not a date"}),
        json.dumps({"text": "\u200d" * 50}),
        "\x00\x01\x02",
        json.dumps({"text": story("jsonl record 9"), "date": "2020-02-30"}),
    ]
    put("malformed.jsonl", "\n".join(records) + "\n{truncated", "any")
    put("json_array.jsonl", json.dumps([{"text": SENTENCE}]), "E027")
    put("jsonl_bomb.jsonl.gz", gzip.compress(b"\n" * (1_000_000 * scale)), "any")
    # Archives.
    put("fake.warc", _html(f"<p>{SENTENCE}</p>"), "E110")
    put("fake.warc.gz", gzip.compress(b"WARC/1.0\r\nthis is not a record\r\n\r\n" * 3), "any")
    put("empty.warc", b"", "E020")
    warc = _warc(folder / "real.warc.gz", "real")
    expected["real.warc.gz"] = "stored"
    cut = _warc(folder / "truncated.warc.gz", "truncated")
    put("truncated.warc.gz", cut[: len(cut) - 100], "any")
    assert warc
    return expected


def _warc(path: Path, tag: str) -> bytes:
    """A real WARC with two news pages (written with warcio, as in tests/warcs.py)."""
    from warcs import Page, news_page, write_warc

    pages = [
        Page(f"http://example.com/{tag}/{n}", news_page(f"Talks {n}", SENTENCE, f"{tag} page {n}."))
        for n in (1, 2)
    ]
    return write_warc(path, pages).read_bytes()


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus")
    sys.path.insert(0, str(Path(__file__).parent))
    outcomes = make_hostile_corpus(target)
    for name, outcome in sorted(outcomes.items()):
        print(f"{outcome:7} {target / name}")


# --- hostile articles for the web UI (issue 14) ------------------------------------------------

# What every payload would do if it ran: set a global and the page's title.
PWNED = "PWNED"
PAYLOADS = [
    f"<script>window.__pwned = 1; document.title = '{PWNED}'</script>",
    f"<img src=x onerror=\"window.__pwned = 2; document.title = '{PWNED}'\">",
    f"<a href=\"javascript:window.__pwned = 3; document.title = '{PWNED}'\">read more</a>",
    f"<svg onload=\"window.__pwned = 4; document.title = '{PWNED}'\"><circle r=9></circle></svg>",
    "<style>body { display: none !important } * { background: url(javascript:alert(5)) }</style>",
    '"><script>window.__pwned = 6</script><p title="',
    '</textarea><iframe srcdoc="<script>parent.__pwned = 7</script>"></iframe>',
    "{{ 7 * 7 }} {% raw %} ${window.__pwned = 8} <!-- -->",
    '<body onload="window.__pwned = 9"><math><mtext><table><mglyph><style>'
    "<img src=x onerror=window.__pwned=10>",
]


def make_hostile_web_corpus(folder: Path) -> Path:
    """Write a JSONL file of articles whose titles, URLs, outlets and texts carry script,
    event handlers, javascript: URLs, SVG and CSS; each text also carries a coded event, a
    quotation and places, so the payloads show on every page of the UI. Returns the file."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for i, payload in enumerate(PAYLOADS):
        text = (
            f"Baghdad, {payload} The foreign minister of Iraq met with the United States "
            f"ambassador {payload} in Amman on Monday. "
            f'"{payload} The talks will resume in Geneva," the minister said. '
            f"{payload} Iraqi insurgents attacked a police station in Baghdad, a police "
            f"source {payload} said on condition of anonymity. Case {i}."
        )
        lines.append(
            json.dumps(
                {
                    "title": f"Hostile {i} {payload}",
                    "url": f"javascript:window.__pwned={100 + i}//{i}",
                    "outlet": f"Outlet {payload}",
                    "date": "2020-03-0" + str(1 + i % 9),
                    "text": text,
                }
            )
        )
    path = folder / "hostile_web.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
