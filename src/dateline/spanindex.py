"""Items found by the stretch of text they cover, so that a stage asking "which quotations
hold this offset?" for every event of an article does not scan them all (issue 9: a
990,000-character article spent minutes in such scans, quadratic in its length).

A lookup gives *candidates*: every item that can qualify, in the order the items were given
(callers keep their own test and their tie-breaks, so results do not change).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from typing import Generic, TypeVar

__all__ = ["SpanIndex"]

T = TypeVar("T")
# Characters per bucket: a sentence or a quotation spans a few.
BLOCK_CHARS = 256


class SpanIndex(Generic[T]):
    """``items`` indexed by the character spans ``spans(item)`` gives (``start``, ``end``
    exclusive; an empty span counts as covering its start for ``overlapping``)."""

    def __init__(
        self,
        items: Sequence[T],
        spans: Callable[[T], Iterable[tuple[int, int]]],
        block: int = BLOCK_CHARS,
    ) -> None:
        self._items = list(items)
        self._block = block
        self._buckets: dict[int, list[int]] = {}
        self._position: dict[int, int] = {}  # id(item) -> its index, for ``extend``
        for k, item in enumerate(self._items):
            self._position.setdefault(id(item), k)
            for start, end in spans(item):
                self._add(k, start, end)

    def _add(self, k: int, start: int, end: int) -> None:
        block = self._block
        for bucket in range(start // block, max(start, end - 1) // block + 1):
            ks = self._buckets.setdefault(bucket, [])
            if not ks or ks[-1] < k:
                ks.append(k)
            else:
                i = bisect_left(ks, k)
                if i == len(ks) or ks[i] != k:
                    ks.insert(i, k)

    def extend(self, item: T, start: int, end: int) -> None:
        """Record that ``item`` (one of the items) now also covers ``start:end``."""
        self._add(self._position[id(item)], start, end)

    def covering(self, offset: int) -> list[T]:
        """Candidates for the items whose spans hold ``offset``."""
        return [self._items[k] for k in self._buckets.get(offset // self._block, ())]

    def overlapping(self, start: int, end: int) -> list[T]:
        """Candidates for the items whose spans overlap ``start:end``."""
        block = self._block
        first, last = start // block, max(start, end - 1) // block
        if first == last:
            return self.covering(start)
        ks: set[int] = set()
        for bucket in range(first, last + 1):
            ks.update(self._buckets.get(bucket, ()))
        return [self._items[k] for k in sorted(ks)]
