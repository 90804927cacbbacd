"""The data model's own behaviour: ids, JSON shape, the map back to the input."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dateline.model import Article


def test_article_id_is_the_text_stable_over_whitespace_and_composition_whatever_the_url() -> None:
    assert Article("a  b\nc").id == Article("a b c").id
    assert Article("caf\u00e9").id == Article("cafe\u0301").id
    # a changed text at the same URL is another article (issue 9), the same text one
    assert Article("x", url="https://e.org/1").id != Article("y", url="https://e.org/1").id
    assert Article("x", url="https://e.org/1").id == Article("x", url="https://e.org/2").id


@given(st.lists(st.integers(min_value=0, max_value=5), max_size=60))
def test_input_segments_reproduce_the_offset_map(gaps: list[int]) -> None:
    offset_map, pos = [], 0
    for gap in gaps:
        pos += gap
        offset_map.append(pos)
        pos += 1
    article = Article("x" * len(offset_map), offset_map=offset_map)
    rebuilt = [
        start + k for _, start, length in (article.input_segments() or []) for k in range(length)
    ]
    assert rebuilt == offset_map


def test_seed_spans_can_be_shown_in_the_original(seed, seed_text: str) -> None:  # type: ignore[no-untyped-def]
    runs = seed.to_json()["article"]["input_offsets"]
    for t_start, i_start, length in runs:
        assert seed.text[t_start : t_start + length].strip() == (
            seed_text[i_start : i_start + length].strip()
        )
