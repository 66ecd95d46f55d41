"""Mentions kept apart from a build's graph: their records instead of their triples.

Half of an article graph's triples are its mentions' six (:func:`mention_triples`), each
with a text of its own. When worker processes write the graph files
(:mod:`kg.article_graphs`), they write each mention from its record, so the build's own
graph need not hold them: :func:`kg.rdf.article_quads` keeps here the record
``(IRI, start, end, text, context)`` of each mention that is the subject of no other
triple, and the readers of the union that need them (the shapes check, the projection,
the examples of ``ontology.html``) read them here, by the mentions' numbers in the union
(:meth:`Mentions.renumber`). Their IRIs are not held either, in the graphs' term table or
in the union: each one is made from its record when read (:meth:`Mentions.iri`,
:class:`UnionTerms`), as its article's IRI and its offsets (``#char=0,3``).

>>> from rdflib import URIRef
>>> from kg.quads import Quads
>>> quads, mentions = Quads(), Mentions()
>>> a, m = URIRef("urn:a"), URIRef("urn:a#char=0,3")
>>> quads.graph(URIRef("urn:g")).add((a, URIRef("urn:says"), m))
>>> mentions.add(URIRef("urn:g"), [(m, 0, 3, "Kim", a)], quads.table, article="Kim met Putin.")
>>> len(mentions), [str(o) for _, _, o in mentions.triples()][2:5], mentions.text(0)
(1, ['0', '3', 'Kim'], 'Kim')
"""
from __future__ import annotations

from array import array
from collections.abc import Sequence
from typing import Iterable, Iterator

import numpy
from rdflib import RDF, XSD, URIRef

from .terms import Terms, literal
from .vocab import NIF

NIF_, RDF_, XSD_ = Terms(NIF), Terms(RDF), Terms(XSD)
TRIPLES_EACH = 6  # a mention's triples (mention_triples)


def mention_triples(iri: URIRef, start: int, end: int, text: str, context: URIRef) -> tuple:
    """The triples of the mention ``iri``: the characters ``start`` to ``end`` of the
    article ``context``, which read ``text``.

    >>> [p.fragment for _, p, _ in mention_triples(URIRef("urn:m"), 0, 3, "Kim", URIRef("urn:a"))]
    ['type', 'type', 'beginIndex', 'endIndex', 'anchorOf', 'referenceContext']
    """
    return ((iri, RDF_.type, NIF_.String), (iri, RDF_.type, NIF_.OffsetBasedString),
            (iri, NIF_.beginIndex, literal(start, XSD_.nonNegativeInteger)),
            (iri, NIF_.endIndex, literal(end, XSD_.nonNegativeInteger)),
            (iri, NIF_.anchorOf, literal(text)), (iri, NIF_.referenceContext, context))


class Mentions:
    """The records of mentions kept apart from the graphs of a :class:`~kg.quads.Quads`, by
    graph, in columns: the IRIs, the offsets in two arrays, the texts, and each one's
    context (an article) as a number among the contexts. A text that reads what its
    article's text reads at its offsets is cut from that when asked for (:meth:`text`),
    not kept: two and a half million of them at 10,000 articles."""

    def __init__(self) -> None:
        self._odd: dict[int, URIRef] = {}    # an IRI not made of its context and offsets, by place
        self._bounds: dict | None = None     # bounds(), once found
        self.begins, self.ends = array("q"), array("q")
        self._texts: list[str | None] = []   # None: the article's text at the offsets
        self.contexts: list[URIRef] = []     # the articles, in the order first met
        self._prefixes: list[str] = []       # each one's mentions' IRIs begin so: "{context}#char="
        self._articles: list[str | None] = []  # the text of each, when given
        self.context_of = array("i")         # each mention's context, by its place in contexts
        self.graphs: dict[URIRef, tuple[int, int]] = {}  # a graph: where its mentions begin and end
        self._table = array("i")             # each IRI's number in the graphs' term table, -1: none
        self._numbers: numpy.ndarray | None = None  # each IRI's number in the union, -1: none
        self._places: numpy.ndarray | None = None   # a union number: its mention's place, -1: none

    def __len__(self) -> int:
        return len(self.begins)

    def add(self, graph: URIRef, records: Iterable[tuple], table, article: str | None = None) -> None:
        """Keep the mentions ``records`` of ``graph``, ``(IRI, start, end, text, context)``,
        each with its IRI's number in ``table`` (:class:`kg.quads.TermTable`), where a
        triple of the graph names it (as most do: an actor's mention, an event's sentence);
        ``article``: the text of the graph's article, the records' context, when known.

        The table lets go of those IRIs (None in its terms, none in its numbers): a
        mention is named in its own graph alone, and its IRI is made again from its record
        when read (:meth:`iri`), so that two and a half million IRIs at 10,000 articles are
        freed as each article's graph is added, their memory taken by the next one's."""
        self._bounds = None
        first, numbers, terms, contexts = len(self), table.numbers, table.terms, {}
        for iri, start, end, text, context in records:
            k = contexts.get(context)
            if k is None:
                k = contexts[context] = len(self.contexts)
                self.contexts.append(context)
                self._prefixes.append(f"{context}#char=")
                self._articles.append(article)
            if not str.__eq__(iri, f"{self._prefixes[k]}{start},{end}"):  # (an IRI is never equal to a str)
                self._odd[len(self)] = iri
            self.begins.append(start)
            self.ends.append(end)
            self._texts.append(None if article is not None and article[start:end] == text else text)
            self.context_of.append(k)
            n = numbers.pop(iri, None)
            if n is None:
                n = -1
            else:
                terms[n] = None
            self._table.append(n)
        self.graphs[graph] = (first, len(self))

    def iri(self, k: int) -> URIRef:
        """The IRI of the mention at place ``k``: its context's, and its offsets as a
        fragment (``#char=0,3``), made when asked for, not kept (two and a half million
        IRIs at 10,000 articles, 165 bytes each)."""
        return _IRI(URIRef, self._iri_text(k))

    def _iri_text(self, k: int) -> str:
        """The IRI of the mention at place ``k``, as a string."""
        if k in self._odd:
            return str(self._odd[k])
        return f"{self._prefixes[self.context_of[k]]}{self.begins[k]},{self.ends[k]}"

    def _iri_texts(self, first: int = 0, last: int | None = None) -> Iterator[str]:
        """The IRIs of the mentions from place ``first`` to ``last``, as strings: a loop
        of its own, without a call for each (millions of them).

        >>> from kg.quads import Quads
        >>> m = Mentions(); a = URIRef("urn:a")
        >>> m.add(URIRef("urn:g"), [(URIRef("urn:a#char=0,3"), 0, 3, "Kim", a), (URIRef("urn:b"), 4, 7, "met", a)], Quads().table)
        >>> list(m._iri_texts()) == [m._iri_text(0), m._iri_text(1)] == ["urn:a#char=0,3", "urn:b"]
        True
        """
        prefixes, odd = self._prefixes, self._odd
        last = len(self) if last is None else last
        for k, c, b, e in zip(range(first, last), self.context_of[first:last], self.begins[first:last],
                              self.ends[first:last]):
            yield f"{prefixes[c]}{b},{e}" if k not in odd else str(odd[k])

    def text(self, k: int) -> str:
        """The text of the mention at place ``k``."""
        text = self._texts[k]
        return self._articles[self.context_of[k]][self.begins[k]:self.ends[k]] if text is None else text

    def texts(self) -> Iterator[str]:
        """The text of each mention, in order."""
        return map(self.text, range(len(self)))

    def records(self, first: int = 0, last: int | None = None) -> Iterator[tuple]:
        """The records of the mentions from place ``first`` to ``last``."""
        contexts = self.contexts
        for k in range(first, len(self) if last is None else last):
            yield self.iri(k), self.begins[k], self.ends[k], self.text(k), contexts[self.context_of[k]]

    def triples(self) -> Iterator[tuple]:
        """Every mention's triples (:func:`mention_triples`)."""
        for record in self.records():
            yield from mention_triples(*record)

    def put_back(self, quads) -> None:
        """Add every mention's triples to its graph in ``quads``, and keep none here: their
        IRIs given back to its table first (:meth:`add`)."""
        table = quads.table
        for k, n in enumerate(self._table):
            if n >= 0:
                table.terms[n] = iri = self.iri(k)
                table.numbers[iri] = n
        for graph, (first, last) in self.graphs.items():
            quads.graph(graph).update(t for record in self.records(first, last) for t in mention_triples(*record))
        self.__init__()

    def bounds(self) -> dict[URIRef, tuple[str, str]]:
        """Each graph's first and last mention IRI, as strings in their order (found once)."""
        if self._bounds is None:
            self._bounds = {}
            for graph, (first, last) in self.graphs.items():
                if first < last:
                    iris = list(self._iri_texts(first, last))
                    self._bounds[graph] = (min(iris), max(iris))
        return self._bounds

    def smallest(self) -> URIRef | None:
        """The smallest IRI of the mentions, by their strings (None: there are none).

        >>> from kg.quads import Quads
        >>> m = Mentions(); m.add(URIRef("urn:g"), [(URIRef("urn:a#char=10,13"), 10, 13, "Kim", URIRef("urn:a")),
        ...     (URIRef("urn:a#char=0,3"), 0, 3, "Kim", URIRef("urn:a"))], Quads().table)
        >>> m.smallest()
        rdflib.term.URIRef('urn:a#char=0,3')
        """
        firsts = [first for first, _ in self.bounds().values()]
        return URIRef(min(firsts)) if firsts else None

    def order_keys(self, keys: list) -> None:
        """Write into ``keys``, the order key of each number of the term table
        (:func:`kg.quads.order_key`), the keys of the mentions' IRIs it let go of (:meth:`add`)."""
        for n, text in zip(self._table, self._iri_texts()):
            if n >= 0:
                keys[n] = f"<{text}>"

    def renumber(self, ranks: numpy.ndarray, terms: list) -> Sequence:
        """Take each mention's number in the union, given ``ranks``, the union's number of
        each number of the term table (:meth:`kg.quads.Quads.union`), and its ``terms``: the
        terms the union keeps, the mentions' IRIs let go of, made when read (:class:`UnionTerms`)."""
        table = numpy.frombuffer(self._table, dtype=numpy.int32).astype(numpy.int64)
        named = table >= 0
        self._numbers = numpy.full(len(table), -1, dtype=numpy.int64)
        self._numbers[named] = ranks[table[named]]
        self._places = None
        places = numpy.full(len(terms), -1, dtype=numpy.int32)
        # Each mention's term is None already (add), and the first of equal ones the union
        # keeps: a graph added later that names one too numbers it after.
        places[self._numbers[named]] = numpy.flatnonzero(named)
        return UnionTerms(terms, self, array("i", places.tobytes()))

    @property
    def numbers(self) -> numpy.ndarray:
        """Each mention's number in the union (-1: its IRI is in no triple there), once
        :meth:`renumber` is told them."""
        if self._numbers is None:
            raise ValueError("the mentions' numbers in the union are not known: renumber them first")
        return self._numbers

    def record(self, iri: URIRef, number: int | None) -> tuple | None:
        """The record of ``iri``, numbered ``number`` in the union (None: not there), when
        it is a mention kept here, else None."""
        if not len(self) or not isinstance(iri, URIRef):
            return None
        if number is not None:
            place = int(self.places(numpy.array([number]))[0])
        else:  # named by no triple of the union: looked for one by one (no build names none)
            place = next((k for k in range(len(self)) if self.iri(k) == iri), -1)
        return next(self.records(place, place + 1)) if place >= 0 else None

    def places(self, numbers: numpy.ndarray) -> numpy.ndarray:
        """The place here of the mention numbered each of ``numbers`` in the union, -1 for
        a number that is no mention's (or is -1)."""
        if self._places is None:
            known = self.numbers[self.numbers >= 0]
            self._places = numpy.full(int(known.max()) + 2 if len(known) else 1, -1, dtype=numpy.int64)
            self._places[known] = numpy.flatnonzero(self.numbers >= 0)
        numbers = numpy.asarray(numbers, dtype=numpy.int64)
        inside = (numbers >= 0) & (numbers < len(self._places) - 1)
        return numpy.where(inside, self._places[numpy.where(inside, numbers, len(self._places) - 1)], -1)


_IRI = str.__new__  # an IRI made of parts already checked: URIRef's own checks skipped


class UnionTerms(Sequence):
    """The terms of a union (:meth:`kg.quads.Quads.union`) whose mentions are kept apart:
    each mention's IRI made when read from its record (:meth:`Mentions.iri`), the others
    held in a list (None at the mentions' places). Half the union's terms are mentions' IRIs.

    >>> from kg.quads import Quads
    >>> quads, mentions = Quads(), Mentions()
    >>> a, m = URIRef("urn:a"), URIRef("urn:a#char=0,3")
    >>> quads.graph(URIRef("urn:g")).add((a, URIRef("urn:says"), m))
    >>> mentions.add(URIRef("urn:g"), [(m, 0, 3, "Kim", a)], quads.table)
    >>> terms = quads.union(apart=mentions).store.columns.terms
    >>> [str(t) for t in terms], terms._terms
    (['urn:a#char=0,3', 'urn:a', 'urn:says'], [None, rdflib.term.URIRef('urn:a'), rdflib.term.URIRef('urn:says')])
    """

    def __init__(self, terms: list, mentions: Mentions, places: array):
        self._terms, self._iri, self._places = terms, mentions.iri, places

    def __len__(self) -> int:
        return len(self._terms)

    def __getitem__(self, n):
        term = self._terms[n]
        if term is None:
            return self._iri(self._places[n])
        if type(term) is list:  # n is a slice
            return [self[k] for k in range(*n.indices(len(self._terms)))]
        return term

    def __iter__(self) -> Iterator:
        iri, places = self._iri, self._places
        for n, term in enumerate(self._terms):
            yield iri(places[n]) if term is None else term
