"""Finding spans by position without scanning them all: a long article has thousands.

>>> from kg.model import Span
>>> times = ByStart([Span(30, 40, ""), Span(5, 9, ""), Span(12, 20, "")], lambda s: s)
>>> [s.start for s in times.within(0, 15)]
[5, 12]
>>> inside = Cover([(5, 9, "a"), (12, 20, "b"), (0, 30, "c")])
>>> [pos in inside for pos in (4, 5, 9, 19, 30)]
[True, True, True, True, False]
>>> inside.at(13)
['c', 'b']
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate
from typing import Callable, Generic, Iterable, TypeVar

T = TypeVar("T")


class ByStart(Generic[T]):
    """Items (times, statements...) looked up by where their span starts."""

    def __init__(self, items: Iterable[T], span: Callable[[T], object]):
        self.items = list(items)
        starts = [span(item).start for item in self.items]
        self._order = sorted(range(len(starts)), key=starts.__getitem__)
        self._starts = [starts[i] for i in self._order]

    def within(self, start: int, end: int) -> list[T]:
        """The items whose span starts in ``[start, end)``, in their original order."""
        hits = self._order[bisect_left(self._starts, start):bisect_left(self._starts, end)]
        return [self.items[i] for i in sorted(hits)]


class Cover(Generic[T]):
    """Half-open intervals ``[start, end)``, each with a value: which hold a position?"""

    def __init__(self, intervals: Iterable[tuple[int, int, T]]):
        self._intervals = sorted(intervals, key=lambda i: i[0])  # stable: equal starts keep their order
        self._starts = [s for s, _, _ in self._intervals]
        self._reach = list(accumulate((e for _, e, _ in self._intervals), max))  # the furthest end so far
        self._longest = max((e - s for s, e, _ in self._intervals), default=0)

    def __contains__(self, pos: int) -> bool:
        i = bisect_right(self._starts, pos) - 1
        return i >= 0 and self._reach[i] > pos

    def at(self, pos: int) -> list[T]:
        """The values of the intervals holding ``pos``, by start (then as given)."""
        first = bisect_left(self._starts, pos - self._longest)
        return [v for s, e, v in self._intervals[first:bisect_right(self._starts, pos)] if s <= pos < e]
