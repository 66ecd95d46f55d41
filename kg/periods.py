"""The pages of the named query between: a period's items found by their place in the timeline.

The items of between are the dated events and statements whose days meet a period, in the
timeline's order. Those that begin within the period come one after the other in that order;
those that began before it and run into it do not, and on a busy day of a large archive they
are thousands. So the build keeps, in the story graph (:func:`kg.kept.add_kept`):

- each dated item's place n among the timeline's dated items, from 0 (:func:`rank_iri`,
  ``kgo:rankedItem``), and how many dated items there are (``kgo:datedItemCount`` on the
  timeline's listing);
- for each day on which dated items begin, how many dated items begin before it
  (``kgo:itemsBefore``, on the span of that one day);
- for each item that lasts more than one day, its days after the first cut into the fewest
  aligned spans (:func:`spans_cut`), each span keeping the places of the items it carries
  (``kgo:carriedRank``) and how many they are (``kgo:carriedCount``).

A day lies in exactly one aligned span of each length (:func:`spans_over`), so the items
that run into it from before are the places those two dozen spans carry, each item once.
A page is then three small queries (:func:`run_page`): the counts, the places on the page,
and the rows of the items at those places.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from rdflib import XSD, Literal, URIRef

from .errors import QueryError
from .store import with_values
from .terms import iri, kgr
from .vocab import KGO, KGR

#: Spans are 1, 2, 4 ... 2**LEVELS days long: the longest holds every day a date can name.
LEVELS = 22
_LAST = date.max.toordinal() - 1  # days are numbered from 0, date.min's


def spans_over(day: date) -> list[tuple[date, date]]:
    """The aligned spans that hold ``day``, shortest first, as (first day, last day): one of
    each length (1, 2, 4 ... days) whose first day's number (from 0, ``date.min``'s) is a
    multiple of its length.

    >>> spans = spans_over(date(2024, 11, 12))
    >>> [f"{first}/{last}" for first, last in spans[:4]]
    ['2024-11-12/2024-11-12', '2024-11-11/2024-11-12', '2024-11-11/2024-11-14', '2024-11-11/2024-11-18']
    >>> len(spans), spans[-1][0] == date.min
    (22, True)
    """
    n = day.toordinal() - 1
    spans = []
    for level in range(LEVELS + 1):
        first = (n >> level) << level
        last = first + (1 << level) - 1
        if last <= _LAST:  # the longest spans would run past the last day a date can name
            spans.append((date.fromordinal(first + 1), date.fromordinal(last + 1)))
    return spans


def spans_cut(first: date, last: date) -> list[tuple[date, date]]:
    """The days ``first`` to ``last`` cut into the fewest aligned spans (:func:`spans_over`),
    in order: each of their days lies in exactly one of them.

    >>> [f"{a.day}-{b.day}" for a, b in spans_cut(date(2024, 11, 2), date(2024, 11, 30))]
    ['2-2', '3-10', '11-26', '27-30']
    >>> spans_cut(date(2024, 11, 3), date(2024, 11, 2))
    []
    """
    lo, hi, spans = first.toordinal() - 1, last.toordinal() - 1, []
    while lo <= hi:
        level = 0
        while level < LEVELS and lo % (2 << level) == 0 and lo + (2 << level) - 1 <= hi:
            level += 1
        spans.append((date.fromordinal(lo + 1), date.fromordinal(lo + (1 << level))))
        lo += 1 << level
    return spans


def rank_iri(n: int) -> URIRef:
    """``kgr:listing/timeline/rank/{n}``: the place of the timeline's dated item ``n`` (from 0).

    >>> rank_iri(7)[len(KGR):]
    'listing/timeline/rank/7'
    """
    return iri(f"{_RANKS}{n}")


_RANKS = KGR["listing/timeline/rank/"]


def span_iri(first: date, last: date) -> URIRef:
    """``kgr:listing/timeline/days/{first}/{last}``: a span of days the build keeps.

    >>> span_iri(date(2024, 11, 5), date(2024, 11, 12))[len(KGR):]
    'listing/timeline/days/2024-11-05/2024-11-12'
    """
    return kgr(f"listing/timeline/days/{first.isoformat()}/{last.isoformat()}")


def run_page(store, query, number: int, params: dict[str, str] | None = None
             ) -> tuple[list[str], list[list[str]], int, int]:
    """Page ``number`` of between (``query``) for ``params`` (``from``, ``to``) on ``store``, of
    :data:`kg.kept.PAGE_SIZE` items: its header and rows, and how many items and pages the
    period has. The items that began before the period come first, as in the whole
    query's order, then those that begin within it.

    >>> from kg.query import _EXAMPLE, load_query
    >>> from kg.store import open_store
    >>> store, between = open_store(_EXAMPLE), load_query("between")
    >>> header, rows, items, pages = run_page(store, between, 1, {"from": "2024-11-05", "to": "2024-11-12"})
    >>> [(row[2], row[3]) for row in rows], items, pages
    ([('', '2024-11-10'), ('2024-11-12', '2024-11-12')], 2, 1)
    >>> run_page(store, between, 2, {"from": "2024-11-05", "to": "2024-11-12"})
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: query 'between' has 1 page of 2 items from 2024-11-05 to 2024-11-12; there is no page 2
    """
    from . import kept
    from .query import bind_params, counted, page_query

    size = kept.PAGE_SIZE
    asked = bind_params(query, params)
    first, last = (date.fromisoformat(str(asked[name])) if name in asked else None for name in ("from", "to"))
    dated = _numbers(store, DATED)
    if len(dated) != 1:  # none kept, or several builds' timelines, whose places overlap
        raise QueryError(f"the graph keeps {'no pages' if not dated else f'the places of {len(dated)} builds'} of "
                         "'between' (a graph built before kg kept them, or from several builds): build it again")
    spans = {"span": tuple(span_iri(*span) for span in spans_over(first))} if first else None
    carried = sum(_numbers(store, CARRIED, spans)) if spans else 0
    begin = _before(store, first, dated[0]) if first else 0
    end = dated[0] if last is None or last == date.max else \
        _before(store, date.fromordinal(last.toordinal() + 1), dated[0])
    if first and last and last < first:
        carried, end = 0, begin
    items = carried + max(0, end - begin)
    pages = -(-items // size)
    if number > pages:
        period = " ".join(f"{word} {day}" for word, day in (("from", first), ("to", last)) if day) or "in all"
        raise QueryError(f"query 'between' has {counted(pages, 'page')} of {counted(items, 'item')} {period}; "
                         f"there is no page {number}")
    offset = (number - 1) * size
    ranks = _numbers(store, f"{CARRIED_RANKS} OFFSET {offset} LIMIT {size}", spans) if offset < carried else []
    start = begin + max(0, offset - carried)
    ranks += range(start, min(end, start + size - len(ranks)))
    rows_of = page_query(query)
    filled = with_values(rows_of.text, {"place": tuple(rank_iri(n) for n in ranks)})
    header, rows = store.run(replace(rows_of, params={}, text=filled, _specs={}))
    return header, rows, items, pages


#: How many dated items the timeline has (none in a graph built before kg kept them).
DATED = f"SELECT ?dated WHERE {{ <{KGR['listing/timeline']}> <{KGO.datedItemCount}> ?dated }}"
#: The first day on or after ``?day`` on which dated items begin: how many begin before it.
BEFORE = (f"SELECT ?before WHERE {{ VALUES ?day {{ UNDEF }} ?span <{KGO.itemsBefore}> ?before ; "
          f"<{KGO.firstDay}> ?first . FILTER(?first >= ?day) }} ORDER BY ?before LIMIT 1")
#: How many items the spans ``?span`` carry.
CARRIED = f"SELECT ?carried WHERE {{ VALUES ?span {{ UNDEF }} ?span <{KGO.carriedCount}> ?carried }}"
#: The places of the items the spans ``?span`` carry, in order (an OFFSET and a LIMIT follow).
CARRIED_RANKS = f"SELECT ?rank WHERE {{ VALUES ?span {{ UNDEF }} ?span <{KGO.carriedRank}> ?rank }} ORDER BY ?rank"


def _before(store, day: date, dated: int) -> int:
    """How many dated items begin before ``day``."""
    found = _numbers(store, BEFORE, {"day": Literal(day.isoformat(), datatype=XSD.date)})
    return found[0] if found else dated


def _numbers(store, text: str, values: dict | None = None) -> list[int]:
    """The first column of ``text``'s rows, as numbers, with ``values`` in its slots."""
    return [int(row[0]) for row in store.run(_query(with_values(text, values or {})))[1]]


def page_reads():
    """The queries a page of between runs besides its rows: what a store must hold for it."""
    return [_query(text) for text in (DATED, BEFORE, CARRIED, CARRIED_RANKS)]


def _query(text: str):
    """``text`` as a query of between's pages (named after its rows' file in errors)."""
    from .query import QUERY_DIR, NamedQuery

    return NamedQuery("between (pages)", "", {}, text, QUERY_DIR / "pages" / "between.rq")
