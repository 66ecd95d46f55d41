"""The triples a query can reach, followed from where it starts: what a store must hold to
answer it, and often far less than every triple of the predicates it reads.

The figures page reads ``prov:wasDerivedFrom`` and ``rdfs:label``, but only those of its
figures' events, their statements and tellers: a fifth of the triples of its predicates at
1,000 generated articles. A :class:`Footprint` keeps the union's triples of some predicates
as numbers (the columns of :class:`kg.quads.Columns`), and each step keeps those of a
predicate whose subject (:meth:`Footprint.from_`) or object (:meth:`Footprint.to`) is among
terms found before, and gives the terms at their other end.

>>> from rdflib import Graph, URIRef
>>> from kg.formats import merged
>>> ex = lambda name: URIRef("http://e.x/" + name)
>>> g = Graph()
>>> for s, p, o in map(str.split, ["a knows b", "b knows c", "c knows d", "b name n", "d name m"]):
...     _ = g.add(tuple(map(ex, (s, p, o))))
>>> found = Footprint(merged(g), {ex("knows"): None, ex("name"): None})
>>> friends = found.from_(found.subjects(ex("name")), ex("knows"))  # the named ones' friends
>>> found.names(friends), found.names(found.from_(friends, ex("name")))
(['http://e.x/c'], [])
>>> [line.split()[::2] for line in "".join(found.ntriples()).splitlines()], len(found)
([['<http://e.x/b>', '<http://e.x/c>']], 1)
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Iterator

import numpy
from rdflib import Graph, URIRef

from .formats import _union_columns, merged, ntriples_of_numbers


class Footprint:
    """The union's triples of the predicates ``wanted`` maps (each to the objects it is read
    with, or None: any; :func:`kg.query.triples_read`), none of them kept yet. Terms go in
    and out of the steps as their numbers in the union (sorted numpy arrays), never as
    rdflib terms, which would take a dict of the union's terms (5 million at 10,000
    articles) to number again.
    """

    def __init__(self, union: Graph, wanted: Mapping[URIRef, frozenset | None]):
        columns = _union_columns(union)
        if columns is None:  # not the union: its triples numbered in one
            columns = _union_columns(merged(union))
        self.terms = columns.terms
        blocks = list(columns.numbers_with_predicates(wanted))
        self.s, self.p, self.o = (numpy.concatenate([block[k] for block in blocks]) if blocks
                                  else numpy.zeros(0, dtype=numpy.int32) for k in range(3))
        self.kept = numpy.zeros(len(self.s), dtype=bool)
        self._numbers = {self.terms[n]: n for n in numpy.unique(self.p).tolist()}

    def _of(self, predicate: URIRef) -> numpy.ndarray:
        """Where the triples of ``predicate`` are (all False when it has none)."""
        return self.p == self._numbers.get(predicate, -1)

    def subjects(self, predicate: URIRef) -> numpy.ndarray:
        """The subjects of ``predicate``'s triples, none of them kept."""
        return numpy.unique(self.s[self._of(predicate)])

    def keep(self, predicate: URIRef) -> tuple[numpy.ndarray, numpy.ndarray]:
        """Keep every triple of ``predicate``; give their subjects and objects."""
        rows = self._of(predicate)
        self.kept |= rows
        return numpy.unique(self.s[rows]), numpy.unique(self.o[rows])

    def from_(self, subjects: numpy.ndarray, *predicates: URIRef, to: numpy.ndarray | None = None) -> numpy.ndarray:
        """Keep the triples of ``predicates`` from one of ``subjects`` (to one of ``to``, when
        given); give their objects."""
        return self._follow(self.s, subjects, self.o, to, predicates)

    def to(self, objects: numpy.ndarray, *predicates: URIRef, from_: numpy.ndarray | None = None) -> numpy.ndarray:
        """Keep the triples of ``predicates`` to one of ``objects`` (from one of ``from_``,
        when given); give their subjects."""
        return self._follow(self.o, objects, self.s, from_, predicates)

    def _follow(self, near, terms, far, among, predicates) -> numpy.ndarray:
        rows = numpy.isin(self.p, [self._numbers[p] for p in predicates if p in self._numbers])
        rows &= numpy.isin(near, terms)
        if among is not None:
            rows &= numpy.isin(far, among)
        self.kept |= rows
        return numpy.unique(far[rows])

    def names(self, numbers: numpy.ndarray) -> list[str]:
        """The terms of ``numbers`` as text, sorted: to read a step's result."""
        return sorted(str(self.terms[n]) for n in numbers.tolist())

    def __len__(self) -> int:
        """The triples kept."""
        return int(self.kept.sum())

    def ntriples(self) -> Iterator[str]:
        """The triples kept, in the union's order, as N-Triples (pieces of text)."""
        at = numpy.flatnonzero(self.kept)
        return ntriples_of_numbers(self.terms, [(self.s[at], self.p[at], self.o[at])])
