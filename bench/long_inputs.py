"""Build the long inputs of issue 9: a ~990,000-character article and 200,000 characters
without punctuation, from the articles in ``examples/`` (varied, fixed seed).

    .venv/bin/python bench/long_inputs.py OUTDIR [--chars N] [--flat-chars N]

Writes ``OUTDIR/long-article.txt`` (paragraphs of the examples' articles, shuffled, with
names and numbers varied so that no paragraph repeats word for word) and
``OUTDIR/no-punctuation.txt`` (their words, punctuation and line breaks removed).
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from dateline.ingest import collect_inputs, read_file

ROOT = Path(__file__).resolve().parent.parent
SEED = 9  # issue 9
LONG_CHARS = 990_000
FLAT_CHARS = 200_000
# Names swapped in to vary the repeated paragraphs (each is in the actor dictionaries).
_NAMES = ("Iraqi", "Syrian", "Jordanian", "Egyptian", "Turkish", "Iranian", "Saudi", "Afghan")
_NAME = re.compile(r"\b(?:" + "|".join(_NAMES) + r")\b")
_NUMBER = re.compile(r"\b\d{1,2}\b")


def example_paragraphs() -> list[str]:
    """The paragraphs of every article in ``examples/`` (the seed and the five pages)."""
    files, _ = collect_inputs([str(ROOT / "examples")])
    paragraphs: list[str] = []
    for path in files:
        for article in read_file(path):
            paragraphs += [p.strip() for p in article.text.split("\n\n") if p.strip()]
    return paragraphs


def vary(paragraph: str, rng: random.Random) -> str:
    """The paragraph with its nationality words and small numbers swapped at random."""
    paragraph = _NAME.sub(lambda _m: rng.choice(_NAMES), paragraph)
    return _NUMBER.sub(lambda _m: str(rng.randint(1, 28)), paragraph)


def long_article(chars: int = LONG_CHARS, seed: int = SEED) -> str:
    """An article of just under ``chars`` characters made of varied example paragraphs."""
    rng = random.Random(seed)
    paragraphs = example_paragraphs()
    out: list[str] = []
    size = 0
    while True:
        rng.shuffle(paragraphs)
        for paragraph in paragraphs:
            text = vary(paragraph, rng)
            if size + len(text) + 2 > chars:
                return "\n\n".join(out) + "\n"
            out.append(text)
            size += len(text) + 2


def flat_text(chars: int = FLAT_CHARS, seed: int = SEED) -> str:
    """``chars`` characters of the examples' words with no punctuation and no line break."""
    rng = random.Random(seed)
    words = re.findall(r"[A-Za-z]+", " ".join(example_paragraphs()))
    out: list[str] = []
    size = 0
    while size < chars:
        word = rng.choice(words)
        out.append(word)
        size += len(word) + 1
    return " ".join(out)[:chars]


def write_inputs(outdir: Path, chars: int = LONG_CHARS, flat_chars: int = FLAT_CHARS) -> None:
    """Write both inputs into ``outdir``."""
    outdir.mkdir(parents=True, exist_ok=True)
    (outdir / "long-article.txt").write_text(long_article(chars), encoding="utf-8")
    (outdir / "no-punctuation.txt").write_text(flat_text(flat_chars), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--chars", type=int, default=LONG_CHARS)
    parser.add_argument("--flat-chars", type=int, default=FLAT_CHARS)
    args = parser.parse_args()
    write_inputs(args.outdir, args.chars, args.flat_chars)
    for path in sorted(args.outdir.glob("*.txt")):
        print(f"{path}: {len(path.read_text(encoding='utf-8')):,} characters")


if __name__ == "__main__":
    main()
