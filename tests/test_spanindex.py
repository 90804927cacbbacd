"""The span index the stages use on long articles: candidates are complete and in order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dateline.spanindex import SpanIndex

spans = st.tuples(st.integers(0, 3000), st.integers(0, 400)).map(lambda t: (t[0], t[0] + t[1]))
items = st.lists(st.lists(spans, min_size=1, max_size=3), max_size=40)


def _positions(found: list[list[tuple[int, int]]], given: list[list[tuple[int, int]]]) -> list[int]:
    return [next(k for k, item in enumerate(given) if item is f) for f in found]


@given(items, st.integers(0, 3500), st.integers(8, 300))
def test_span_index_candidates_hold_every_item_covering_an_offset_in_order(
    given_items: list[list[tuple[int, int]]], offset: int, block: int
) -> None:
    index = SpanIndex(given_items, lambda item: item, block=block)
    found = index.covering(offset)
    positions = _positions(found, given_items)
    assert positions == sorted(set(positions))
    covering = [k for k, item in enumerate(given_items) if any(s <= offset < e for s, e in item)]
    assert set(covering) <= set(positions)


@given(items, st.integers(0, 3500), st.integers(0, 500), st.integers(8, 300))
def test_span_index_candidates_hold_every_item_overlapping_a_stretch_in_order(
    given_items: list[list[tuple[int, int]]], start: int, length: int, block: int
) -> None:
    end = start + length
    index = SpanIndex(given_items, lambda item: item, block=block)
    positions = _positions(index.overlapping(start, end), given_items)
    assert positions == sorted(set(positions))
    # An empty span counts as its start, as the stages' own tests do.
    overlapping = [
        k
        for k, item in enumerate(given_items)
        if any((s < end and start < e) or (s == e and start <= s < end) for s, e in item)
    ]
    assert set(overlapping) <= set(positions)


def test_span_index_follows_an_item_that_grows() -> None:
    drafts = [[(0, 10)], [(50, 60)]]
    index = SpanIndex(drafts, lambda item: item, block=16)
    assert index.overlapping(500, 510) == []
    index.extend(drafts[0], 0, 600)
    assert index.overlapping(500, 510) == [drafts[0]]
    assert index.covering(55) == [drafts[0], drafts[1]]
