"""The graph as a build makes it: named graphs of triples in plain Python, and a fast read-only view.

An rdflib ``Dataset`` costs about 25 µs per triple added (its Memory store keeps three
indexes per graph and dispatches an event per triple) and as much again to read each one
back; a build of 100 generated articles adds 300,000 triples, so the build spent more time
in the store than in extraction. Here a named graph is an insertion-ordered set of triples
(:class:`Triples`), kept as numbers of terms (:class:`TermTable`), and the union that the
views and the reference page read is an rdflib :class:`~rdflib.Graph` over
:class:`TripleIndex`, a store built once from the triples sorted (:class:`Columns`),
indexed by subject (:class:`SubjectIndex`), predicate and object, that answers
``graph.value``, ``graph.objects``, ``graph.triples`` and SPARQL like any other. Triples are
made as tuples only when read. ``Quads.dataset()`` gives an rdflib Dataset for those who
want one.

>>> from rdflib import RDF, URIRef
>>> q = Quads()
>>> q.graph(URIRef("urn:g")).add((URIRef("urn:s"), RDF.type, URIRef("urn:C")))
>>> q.graph(URIRef("urn:h")).add((URIRef("urn:s"), RDF.type, URIRef("urn:C")))
>>> len(q), len(q.union())
(2, 1)
>>> q.union().value(URIRef("urn:s"), RDF.type)
rdflib.term.URIRef('urn:C')
"""
from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from functools import cached_property
from itertools import repeat
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

import numpy
from rdflib import RDF, Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import _NAMESPACE_PREFIXES_CORE, NamespaceManager
from rdflib.paths import Path
from rdflib.store import Store

if TYPE_CHECKING:
    from .mentions import Mentions


class TermTable:
    """Terms numbered in the order first met, each once (:meth:`Triples.update` numbers
    them): equal terms are then one object, and the many dict and set lookups of the
    writers end on identity instead of rdflib's ``__eq__`` (a Python call). A mention kept
    apart from the graphs leaves None in :attr:`terms` (:meth:`kg.mentions.Mentions.add`).

    >>> g = Triples(); g.update([(URIRef("urn:a"), RDF.type, URIRef("urn:b")), (URIRef("urn:b"), RDF.type, URIRef("urn:a"))])
    >>> [str(t) for t in g.table.terms], g.table.numbers[URIRef("urn:b")]
    (['urn:a', 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type', 'urn:b'], 2)
    """

    def __init__(self) -> None:
        self.numbers: dict | None = {}  # None once the graphs are frozen (Quads.freeze)
        self.terms: list = []

    def number(self, term) -> int | None:
        """The number of ``term``, None when the table has none; found by a scan of the terms
        once their numbers are let go (:meth:`Quads.freeze`).

        >>> table = TermTable(); table.terms.append(RDF.type); table.numbers[RDF.type] = 0
        >>> table.number(RDF.type), table.number(RDF.first)
        (0, None)
        """
        if self.numbers is not None:
            return self.numbers.get(term)
        try:
            return self.terms.index(term)
        except ValueError:
            return None

    def __getstate__(self) -> dict:
        """Pickled with its IRIs as plain strings, which pickle writes and reads as they are: a
        URIRef is pickled as a call of its class, which checks its characters again when it
        is read (the story of 3,000 articles, 0.45 million IRIs, read in 1.14 s, now 0.67).
        Its numbers are made again when it is read, unless it is frozen.

        >>> import pickle; from rdflib import Literal
        >>> table = TermTable(); table.terms[:] = [RDF.type, Literal(3)]; table.numbers = {RDF.type: 0, Literal(3): 1}
        >>> back = pickle.loads(pickle.dumps(table))
        >>> back.terms == table.terms, type(back.terms[0]), back.numbers == table.numbers
        (True, <class 'rdflib.term.URIRef'>, True)
        """
        return {"frozen": self.numbers is None, "terms": [str(t) if type(t) is URIRef else t for t in self.terms]}

    def __setstate__(self, state: dict) -> None:
        made = str.__new__  # no term is a plain string: each one read is an IRI
        self.terms = [made(URIRef, t) if type(t) is str else t for t in state["terms"]]
        self.numbers = None if state["frozen"] else {t: n for n, t in enumerate(self.terms)}


class Triples:
    """One named graph: its triples in the order they were added, each once, kept as three
    arrays of term numbers (``table``, shared by the graphs of a :class:`Quads`) and made
    again as tuples when read.

    A triple takes 12 bytes, where a tuple as a dict key took about 110 (3 GB at 10,000
    articles). The triples are added as they come, a triple met before too, and told apart
    when they are next read (or the graph is sealed), by numpy (:func:`_first_places`): a
    set of the triples added, which told a new one from one met before, took 127 MB for
    the story of 3,000 articles (1.8 million triples), and took longer.

    >>> g = Triples()
    >>> g.add((URIRef("urn:s"), RDF.type, URIRef("urn:C"))); g.add((URIRef("urn:s"), RDF.type, URIRef("urn:C")))
    >>> len(g), [str(o) for _, _, o in g], (URIRef("urn:s"), RDF.type, URIRef("urn:C")) in g
    (1, ['urn:C'], True)
    """

    def __init__(self, table: TermTable | None = None):
        self.table = TermTable() if table is None else table
        self._columns = (array("i"), array("i"), array("i"))  # subjects, predicates, objects
        self._distinct = 0  # how many of the first triples are known to be there once each
        self._seen: set | None = None  # the triples as keys, made when a triple is looked up

    @property
    def subjects(self) -> array:
        return self._told_apart()[0]

    @property
    def predicates(self) -> array:
        return self._told_apart()[1]

    @property
    def objects(self) -> array:
        return self._told_apart()[2]

    def add(self, triple: tuple) -> None:
        self.update((triple,))

    def update(self, triples: Iterable[tuple]) -> None:
        """Add ``triples`` in order, each once: a loop of its own, so that an article's 2,800
        triples cost no Python call each.

        >>> g = Triples(); g.update([(URIRef("urn:s"), RDF.type, URIRef("urn:C"))] * 2); len(g)
        1
        """
        numbers, terms = self.table.numbers, self.table.terms  # looked up here first: a call costs more
        if numbers is None:
            raise ValueError("the graphs are frozen (Quads.freeze): no triple can be added")
        get, new = numbers.get, terms.append
        self._seen = None
        subjects, predicates, objects = (column.append for column in self._columns)
        last = s = None  # the last subject and its number: a subject's triples mostly come together
        for a, b, c in triples:
            if a is not last:
                s = get(a)
                if s is None:  # a term met for the first time is numbered: the next number
                    s = numbers[a] = len(terms)
                    new(a)
                last = a
            p = get(b)  # after a is numbered: the same new term may stand twice in a triple
            if p is None:
                p = numbers[b] = len(terms)
                new(b)
            o = get(c)
            if o is None:
                o = numbers[c] = len(terms)
                new(c)
            subjects(s)
            predicates(p)
            objects(o)

    def update_from(self, other: "Triples") -> None:
        """Add the triples of ``other``, a graph numbered by a table of its own, as
        :meth:`update` adds them: into an empty graph, each of ``other``'s terms is looked up
        once and its number columns are renumbered by numpy (a story of millions of triples
        and a few hundred thousand terms, unpickled from a worker: its terms are equal to
        this table's but not the same objects, so each lookup calls rdflib's ``__eq__``).

        The terms are numbered in the same order as :meth:`update` numbers them, when
        ``other``'s table holds its terms in the order its triples first name them and
        nothing else (a graph with a table of its own); otherwise it is added by :meth:`update`.

        >>> mine, theirs = Triples(), Triples()
        >>> mine.add((URIRef("urn:a"), RDF.type, URIRef("urn:C")))
        >>> theirs.update([(URIRef("urn:b"), RDF.type, URIRef("urn:a")), (URIRef("urn:b"), RDF.value, URIRef("urn:D"))])
        >>> story = Triples(mine.table); story.update_from(theirs)
        >>> [str(t).rsplit("#")[-1] for t in mine.table.terms], list(story) == list(theirs)
        (['urn:a', 'type', 'urn:C', 'urn:b', 'value', 'urn:D'], True)
        """
        if len(self) or not _numbered_as_met(other):
            self.update(other)
            return
        numbers, terms = self.table.numbers, self.table.terms
        if numbers is None:
            raise ValueError("the graphs are frozen (Quads.freeze): no triple can be added")
        renumbered = array("i")
        for term in other.table.terms:
            n = numbers.get(term)
            if n is None:
                n = numbers[term] = len(terms)
                terms.append(term)
            renumbered.append(n)
        mapping = term_numbers(renumbered)
        self._columns = tuple(number_array(mapping[term_numbers(column)]) for column in other._told_apart())
        self._distinct, self._seen = len(self._columns[0]), None  # other's are distinct

    def seal(self) -> None:
        """Tell the triples added apart now, and let go of the keys made to look one up:
        for a graph complete, read later."""
        self._told_apart()
        self._seen = None

    def _told_apart(self) -> tuple[array, array, array]:
        """The columns, each triple in them once, in the place it was first added."""
        n = len(self._columns[0])
        if self._distinct < n:
            first = _first_places([term_numbers(column) for column in self._columns])
            if len(first) < n:
                self._columns = tuple(number_array(term_numbers(column)[first]) for column in self._columns)
            self._distinct = len(self._columns[0])
        return self._columns

    def _keys(self) -> set:
        self._seen = {(s << 64) | (p << 32) | o for s, p, o in zip(*self._told_apart())}
        return self._seen

    def __getstate__(self) -> dict:
        self._told_apart()
        return {**self.__dict__, "_seen": None}

    def terms_at(self, position: int, predicate=None) -> set:
        """The terms in ``position`` (0, 1, 2: subject, predicate, object) of the triples, or
        of those whose predicate is ``predicate``; read from the numbers, no triple made.

        >>> g = Triples(); g.add((URIRef("urn:s"), RDF.type, URIRef("urn:C")))
        >>> g.terms_at(1), g.terms_at(2, RDF.type), g.terms_at(0, URIRef("urn:p"))
        ({rdflib.term.URIRef('http://www.w3.org/1999/02/22-rdf-syntax-ns#type')}, {rdflib.term.URIRef('urn:C')}, set())
        """
        column = (self.subjects, self.predicates, self.objects)[position]
        if predicate is None:
            numbers = set(column)
        else:
            p = self.table.number(predicate)
            numbers = set() if p is None else set(
                term_numbers(column)[term_numbers(self.predicates) == p].tolist())  # compared by numpy
        terms = self.table.terms
        return {terms[n] for n in numbers}

    def __len__(self) -> int:
        return len(self._told_apart()[0])

    def __iter__(self) -> Iterator[tuple]:
        term = self.table.terms.__getitem__
        return zip(*(map(term, column) for column in self._told_apart()))

    def __contains__(self, triple) -> bool:
        s, p, o = (self.table.number(term) for term in triple)
        if s is None or p is None or o is None:
            return False
        return ((s << 64) | (p << 32) | o) in (self._seen if self._seen is not None else self._keys())


def _first_places(columns: list[numpy.ndarray]) -> numpy.ndarray:
    """The places, ascending, where the triples numbered in ``columns`` (subjects,
    predicates, objects) are met for the first time: a stable sort of them as 64-bit keys
    when their numbers fit (equal keys for equal triples alone: the keys' order, the sign
    bit's too, matters not), else of the three columns (``lexsort``), and each first of
    its kind in the sorted order.

    >>> columns = [numpy.array(c, numpy.int32) for c in ([1, 1, 2, 1, 2], [0, 0, 0, 0, 0], [5, 5, 5, 6, 5])]
    >>> _first_places(columns).tolist(), _first_places([c.astype(numpy.int64) << 40 for c in columns]).tolist()
    ([0, 2, 3], [0, 2, 3])
    """
    n = len(columns[0])
    widths = [int(column.max()).bit_length() if n else 0 for column in columns]
    first = numpy.ones(n, bool)
    if sum(widths) <= 64:
        keys = columns[0].astype(numpy.int64)
        for column, width in zip(columns[1:], widths[1:]):
            keys <<= width
            keys |= column
        order = numpy.argsort(keys, kind="stable")
        keys = keys[order]
        numpy.not_equal(keys[1:], keys[:-1], out=first[1:])
    else:
        order = numpy.lexsort(columns[::-1])  # stable too
        first[1:] = False
        for column in columns:
            ordered = column[order]
            first[1:] |= ordered[1:] != ordered[:-1]
    places = order[first]
    places.sort()
    return places


def _numbered_as_met(graph: Triples) -> bool:
    """Whether ``graph``'s table holds its terms, and only those, in the order its triples
    first name them (subject, predicate, object): each number first met is one more than
    the largest met before it.

    >>> g = Triples(); g.update([(URIRef("urn:a"), RDF.type, URIRef("urn:b"))]); _numbered_as_met(g)
    True
    >>> g.table.terms.append(URIRef("urn:c")); _numbered_as_met(g)
    False
    """
    met = numpy.stack([term_numbers(column) for column in (graph.subjects, graph.predicates, graph.objects)],
                      axis=1).ravel()
    if not len(met):
        return not graph.table.terms
    largest = numpy.maximum.accumulate(met)
    return bool(met[0] == 0 and (met[1:] <= largest[:-1] + 1).all() and largest[-1] == len(graph.table.terms) - 1)


class Quads:
    """Named graphs of triples, with the prefixes to write them with."""

    def __init__(self) -> None:
        self.graphs: dict[URIRef, Triples] = {}
        self._table = TermTable()
        self._prefixes: dict[str, URIRef] = dict(_NAMESPACE_PREFIXES_CORE)  # rdf, rdfs, owl, xsd...

    def graph(self, iri: URIRef) -> Triples:
        """The named graph ``iri``, made empty on first use."""
        if iri not in self.graphs:
            self.graphs[iri] = Triples(self._table)
        return self.graphs[iri]

    def bind(self, prefix: str, namespace: str) -> None:
        self._prefixes[prefix] = URIRef(namespace)

    def namespaces(self) -> Iterator[tuple[str, URIRef]]:
        """``(prefix, namespace)`` pairs, as :meth:`rdflib.Graph.namespaces` gives them."""
        return iter(list(self._prefixes.items()))

    def __len__(self) -> int:
        return sum(len(triples) for triples in self.graphs.values())

    def freeze(self) -> None:
        """No triple is added from now on: the terms' numbers are let go of (a dict of every
        term, about 0.3 GB at 10,000 articles), the graphs read as before.

        >>> q = Quads(); q.graph(URIRef("urn:g")).add((URIRef("urn:s"), RDF.type, URIRef("urn:C"))); q.freeze()
        >>> (URIRef("urn:s"), RDF.type, URIRef("urn:C")) in q.graphs[URIRef("urn:g")]
        True
        >>> q.graph(URIRef("urn:g")).add((URIRef("urn:s"), RDF.type, URIRef("urn:D")))
        Traceback (most recent call last):
        ValueError: the graphs are frozen (Quads.freeze): no triple can be added
        """
        self._table.numbers = None

    def let_go(self) -> None:
        """Drop every graph and every term, keep the prefixes: for one done with the graphs
        once their union is made (:meth:`union`), which keeps what it needs of them. At
        10,000 articles the story's triples and the list of terms, about 110 MB.

        >>> q = Quads(); q.graph(URIRef("urn:g")).add((URIRef("urn:s"), RDF.type, URIRef("urn:C")))
        >>> union = q.union(); q.let_go()
        >>> len(q), list(q.terms()), len(union), "rdf" in dict(q.namespaces())
        (0, [], 1, True)
        """
        self.graphs.clear()
        self._table = TermTable()

    def terms(self) -> Iterator:
        """Every term of every triple, each once."""
        return iter(self._table.terms)

    @property
    def table(self) -> TermTable:
        """The terms of every graph, numbered: each graph's triples are numbers in it."""
        return self._table

    def union(self, release: bool = False, apart: Mentions | None = None) -> Graph:
        """Every triple once, in a fixed order (by N-Triples form), prefixes kept: read-only.

        Readers that take "the first" value of a property then get the same one every run.
        ``release``: the graphs are let go of (:meth:`let_go`) while the union is made, each
        graph's column of numbers once read, for one done with them (the build: 36 million
        triples at 10,000 articles, 12 bytes each, held beside the union's sort before).
        ``apart``: the mentions kept apart from the graphs (:class:`kg.mentions.Mentions`),
        whose IRIs the table let go of (None in :attr:`TermTable.terms`): they are ranked by
        the IRIs their records make, told their numbers in the union, and give the terms the
        union keeps (their IRIs made when read: :class:`kg.mentions.UnionTerms`).

        >>> q = Quads(); q.graph(URIRef("urn:g")).add((URIRef("urn:b"), RDF.type, URIRef("urn:a")))
        >>> [str(t) for t in q.union().store.columns.terms]
        ['http://www.w3.org/1999/02/22-rdf-syntax-ns#type', 'urn:a', 'urn:b']
        """
        # Each term ranked once by its N-Triples form (equal forms share a rank); the
        # graphs' triples then as ranks, a column at a time, sorted by subject, predicate and
        # object in C, each once (_sorted_once): the union's Columns. A loop over the triples
        # in Python took three times as long.
        terms = self._table.terms
        n3 = [None if term is None else order_key(term) for term in terms]  # None: a mention's, kept apart
        if apart is not None:
            apart.order_keys(n3)
        rank, by_rank, last = array("i", bytes(4 * len(terms))), [], None
        for n in sorted(range(len(terms)), key=n3.__getitem__):
            if n3[n] != last:
                by_rank.append(terms[n])
                last = n3[n]
            rank[n] = len(by_rank) - 1
        del n3, terms
        ranks = term_numbers(rank)
        if apart is not None:
            by_rank = apart.renumber(ranks, by_rank)
        parts = [[g.subjects, g.predicates, g.objects] for g in self.graphs.values()]
        if release:
            self.let_go()  # the graphs' columns now held by parts alone

        def column(k: int) -> numpy.ndarray:
            """The ranks of every graph's column ``k``, one after the other; with ``release``,
            each graph's let go of once read."""
            found = numpy.empty(sum(len(part[k]) for part in parts), dtype=numpy.int32)
            at = 0
            for part in parts:
                numbers = term_numbers(part[k])
                found[at:at + len(numbers)] = ranks[numbers]
                at += len(numbers)
                if release:
                    del numbers
                    part[k] = None
            return found

        subjects, predicates, objects = _sorted_once(column, len(by_rank))
        return TripleIndex(Columns(by_rank, subjects, predicates, objects), self._prefixes).graph()

    def dataset(self) -> Dataset:
        """The same graphs in an rdflib Dataset (slow for large graphs: see the module)."""
        ds = Dataset()
        ds.namespace_manager = NamespaceManager(ds, bind_namespaces="core")
        for prefix, namespace in self._prefixes.items():
            ds.bind(prefix, namespace)
        for iri, triples in self.graphs.items():
            graph = ds.graph(iri)
            graph.addN((s, p, o, graph) for s, p, o in triples)
        return ds

    @classmethod
    def from_dataset(cls, ds: Dataset) -> "Quads":
        """The graphs of an rdflib Dataset (its default graph under ``DATASET_DEFAULT_GRAPH_ID``).

        >>> from rdflib import RDF
        >>> ds = Dataset(); _ = ds.graph(URIRef("urn:g")).add((URIRef("urn:s"), RDF.type, URIRef("urn:C")))
        >>> [str(g) for g in Quads.from_dataset(ds).graphs]
        ['urn:g']
        """
        quads = cls()
        for prefix, namespace in ds.namespaces():
            quads.bind(prefix, namespace)
        for s, p, o, g in ds.quads((None, None, None, None)):
            quads.graph(g if g is not None else DATASET_DEFAULT_GRAPH_ID).add((s, p, o))
        return quads


_NO_CONTEXTS: tuple = ()


def term_numbers(column: array) -> numpy.ndarray:
    """An array of term numbers read by numpy in place, not copied (read-only)."""
    return numpy.frombuffer(column, dtype=numpy.int32)


KEYS_AT_ONCE = 1 << 20  # the union's sort keys made, told apart and read this many at a time


def _sorted_once(column: Callable[[int], numpy.ndarray], n: int, word: int = 64,
                 chunk: int = KEYS_AT_ONCE) -> tuple[array, array, array]:
    """Triples of numbers below ``n`` sorted by subject, predicate and object, each once, as
    three arrays of 32-bit numbers: ``column(k)`` makes their subjects (0), predicates (1)
    or objects (2), each asked for once, when it is needed. Each triple is one 64-bit key
    when it fits (subject and object numbers, the predicate's place among the predicates),
    sorted by numpy in C: about twice as fast as sorting the three columns together
    (``lexsort``: 0.33 s against 0.64 s for the union of 1,000 articles shuffled), which is
    what is done when a key does not fit in ``word`` bits. The keys are made, told apart and
    read ``chunk`` at a time, in place, into the arrays given back: at most 20 bytes a triple
    at once (the keys' 8, the column read and the one it came from), where making each
    column whole took 20 and reading them back 24, the three arrays given back copied.

    >>> triples = [numpy.array(c, dtype=numpy.int32) for c in ([2, 1, 2, 1], [0, 3, 0, 0], [1, 0, 1, 2])]
    >>> [c.tolist() for c in _sorted_once(triples.__getitem__, 4)], [c.tolist() for c in _sorted_once(triples.__getitem__, 4, word=4)]
    ([[1, 1, 2], [0, 3, 0], [2, 0, 1]], [[1, 1, 2], [0, 3, 0], [2, 0, 1]])
    """
    p = column(1)
    used = numpy.zeros(n, dtype=bool)
    used[p] = True
    predicates = numpy.flatnonzero(used).astype(numpy.int32)
    term_bits, predicate_bits = max(1, (n - 1).bit_length()), max(1, (len(predicates) - 1).bit_length())
    if 2 * term_bits + predicate_bits > word:
        s, o = column(0), column(2)
        order = numpy.lexsort((o, p, s))
        s, p, o = s[order], p[order], o[order]
        del order
        new = numpy.ones(len(s), dtype=bool)  # unlike the triple before it
        new[1:] = (s[1:] != s[:-1]) | (p[1:] != p[:-1]) | (o[1:] != o[:-1])
        return number_array(s[new]), number_array(p[new]), number_array(o[new])
    place = numpy.zeros(n, dtype=numpy.uint64)
    place[predicates] = numpy.arange(len(predicates), dtype=numpy.uint64)
    shift_o, shift_s = numpy.uint64(term_bits), numpy.uint64(term_bits + predicate_bits)
    keys = place[p]  # the predicate's place, then the subject above it and the object below
    del p, place
    keys <<= shift_o
    for k, shift in ((0, shift_s), (2, numpy.uint64(0))):
        numbers = column(k)  # term numbers are not negative
        for a in range(0, len(keys), chunk):
            keys[a:a + chunk] |= numbers[a:a + chunk].astype(numpy.uint64) << shift
        del numbers
    keys.sort()
    keys = keys[:_kept_once(keys, chunk)]
    m = len(keys)
    subjects, objects = array("i", [0]) * m, array("i", [0]) * m
    places = numpy.empty(m, dtype=numpy.int16 if len(predicates) <= 1 << 15 else numpy.int32)
    into_s, into_o = numpy.frombuffer(subjects, dtype=numpy.int32), numpy.frombuffer(objects, dtype=numpy.int32)
    of_o, of_p = numpy.uint64((1 << term_bits) - 1), numpy.uint64((1 << predicate_bits) - 1)
    for a in range(0, m, chunk):
        run = keys[a:a + chunk]
        into_o[a:a + chunk] = run & of_o
        places[a:a + chunk] = (run >> shift_o) & of_p
        into_s[a:a + chunk] = run >> shift_s
    del keys, into_s, into_o
    found = array("i", [0]) * m
    into_p = numpy.frombuffer(found, dtype=numpy.int32)
    for a in range(0, m, chunk):
        into_p[a:a + chunk] = predicates[places[a:a + chunk]]
    del into_p
    return subjects, found, objects


def _kept_once(keys: numpy.ndarray, chunk: int = KEYS_AT_ONCE) -> int:
    """Each of the sorted ``keys`` once, moved to the front in place, ``chunk`` at a time: how
    many there are. (A chunk's distinct keys never reach past its end, nor the key before
    the next chunk unless none was left out.)

    >>> keys = numpy.array([1, 1, 2, 3, 3, 3, 4], dtype=numpy.uint64)
    >>> n = _kept_once(keys, chunk=2); keys[:n].tolist()
    [1, 2, 3, 4]
    """
    if not len(keys):
        return 0
    kept = 1  # the first key is never a repeat
    for a in range(1, len(keys), chunk):
        b = min(a + chunk, len(keys))
        found = keys[a:b][keys[a:b] != keys[a - 1:b - 1]]
        keys[kept:kept + len(found)] = found
        kept += len(found)
    return kept


def grouped(keys: array, *columns: array) -> dict[int, tuple[array, ...]]:
    """Each key's values in ``columns`` (arrays as long as ``keys``), in their order: sorted
    stably by key and cut where the key changes, in numpy (no Python step per value). The
    keys (term numbers, not negative) are counted and coded as small numbers first, so
    that numpy sorts them by radix, in one pass, and each column is reordered in turn: on
    28 million triples by predicate, 1.1 s and 607 MB at the most instead of 4.5 s and
    840 MB (a stable sort of the term numbers themselves, every column reordered at once).

    >>> grouped(array("i", [7, 5, 7]), array("i", [1, 2, 3]))
    {5: (array('i', [2]),), 7: (array('i', [1, 3]),)}
    >>> grouped(array("i"), array("i"))
    {}
    """
    keys = term_numbers(keys)
    counts = numpy.bincount(keys)
    numbers = numpy.flatnonzero(counts)
    code = numpy.zeros(len(counts), dtype=numpy.int16 if len(numbers) <= 1 << 15 else numpy.int32)
    code[numbers] = numpy.arange(len(numbers), dtype=code.dtype)
    order = numpy.argsort(code[keys], kind="stable")  # by radix: the codes are 16-bit
    del code
    cuts = numpy.cumsum(counts[numbers]).tolist()
    found: dict[int, list[array]] = {k: [] for k in numbers.tolist()}
    for column in columns:
        ordered = term_numbers(column)[order]
        for parts, a, b in zip(found.values(), [0, *cuts[:-1]], cuts):
            parts.append(number_array(ordered[a:b]))
        del ordered
    return {k: tuple(parts) for k, parts in found.items()}


def _run_starts(numbers: numpy.ndarray) -> numpy.ndarray:
    """Where each run of equal term numbers starts.

    >>> _run_starts(numpy.array([4, 4, 2, 4], dtype=numpy.int32)).tolist()
    [0, 2, 3]
    """
    return numpy.flatnonzero(numpy.diff(numbers, prepend=-1))


def number_array(column: numpy.ndarray) -> array:
    """A numpy array of term numbers as an ``array("i")``: single numbers read from it are
    Python ints, 30 times faster than numpy's to read one at a time (bisection).

    >>> number_array(numpy.array([4, 2], dtype=numpy.int32))
    array('i', [4, 2])
    """
    return array("i", column.astype(numpy.int32, copy=False).tobytes())


def _index(triples: list[tuple], first: int, second: int) -> dict:
    """Triples by two of their positions: ``index[t[first]][t[second]]`` lists them in order
    (lists, smaller than dicts: each triple is there once).

    >>> _index([("s", "p", "o")], 1, 2)
    {'p': {'o': [('s', 'p', 'o')]}}
    """
    index: dict = {}
    for triple in triples:
        index.setdefault(triple[first], {}).setdefault(triple[second], []).append(triple)
    return index


def order_key(term) -> str:
    """What the union orders its terms by: their N-Triples form.

    >>> from rdflib import Literal
    >>> order_key(URIRef("urn:a")), order_key(Literal("a", lang="en"))
    ('<urn:a>', '"a"@en')
    """
    return f"<{term}>" if type(term) is URIRef else term.n3()


def rank_of(terms: Sequence, term) -> int | None:
    """The number of ``term`` among the union's ``terms`` (:meth:`Quads.union`: ranked by
    :func:`order_key`), None when they do not have it: found by bisection, with no index.

    >>> from rdflib import Literal
    >>> terms = sorted([URIRef("urn:b"), Literal("a"), URIRef("urn:a")], key=order_key)
    >>> rank_of(terms, URIRef("urn:b")), rank_of(terms, Literal("a")), rank_of(terms, URIRef("urn:c"))
    (2, 0, None)
    """
    key = order_key(term)
    k = bisect_left(terms, key, key=order_key)
    return k if k < len(terms) and order_key(terms[k]) == key else None


class Columns(Sequence):
    """Triples kept as three arrays of term numbers, each triple made when read: 12 bytes a
    triple where a tuple takes 64 and the list's slot 8 (the union is 28 million triples at
    10,000 articles, and letting its tuples go took the build 44 s of CPU).

    >>> c = Columns(["s", "p", "o"], array("i", [0, 0]), array("i", [1, 1]), array("i", [2, 0]))
    >>> len(c), c[1], c[0:2], list(c) == c[:]
    (2, ('s', 'p', 's'), [('s', 'p', 'o'), ('s', 'p', 's')], True)
    """

    def __init__(self, terms: list, subjects: array, predicates: array, objects: array):
        self.terms, self.subjects, self.predicates, self.objects = terms, subjects, predicates, objects

    def __len__(self) -> int:
        return len(self.subjects)

    def __getitem__(self, k):
        if isinstance(k, slice):
            term = self.terms.__getitem__
            return list(zip(map(term, self.subjects[k]), map(term, self.predicates[k]), map(term, self.objects[k])))
        return self.terms[self.subjects[k]], self.terms[self.predicates[k]], self.terms[self.objects[k]]

    def __iter__(self) -> Iterator[tuple]:
        term = self.terms.__getitem__
        return zip(map(term, self.subjects), map(term, self.predicates), map(term, self.objects))

    def with_predicates(self, wanted: Mapping) -> Iterator[tuple]:
        """The triples whose predicate is one of ``wanted`` and whose object is one of the
        objects it maps that predicate to (None: any), in order, only those made.

        >>> c = Columns(["s", "p", "o"], array("i", [0, 0, 0]), array("i", [1, 2, 1]), array("i", [2, 0, 0]))
        >>> list(c.with_predicates({"p": None})), list(c.with_predicates({"p": frozenset({"s"})}))
        ([('s', 'p', 'o'), ('s', 'p', 's')], [('s', 'p', 's')])
        """
        term = self.terms.__getitem__
        for s, p, o in self.numbers_with_predicates(wanted):
            yield from zip(map(term, s.tolist()), map(term, p.tolist()), map(term, o.tolist()))

    def numbers_with_predicates(self, wanted: Mapping) -> Iterator[tuple]:
        """The term numbers of the triples :meth:`with_predicates` gives, in order, as
        ``(subjects, predicates, objects)`` numpy arrays of up to ``BLOCK`` triples each.

        >>> c = Columns(["s", "p", "o"], array("i", [0, 0]), array("i", [1, 2]), array("i", [2, 0]))
        >>> [[column.tolist() for column in block] for block in c.numbers_with_predicates({"p": None})]
        [[[0], [1], [2]]]
        """
        terms, p, o = self.terms, term_numbers(self.predicates), term_numbers(self.objects)
        present = numpy.flatnonzero(numpy.bincount(p)).tolist() if len(p) else []  # a few, among millions
        read = [(r, wanted[terms[r]]) for r in present if terms[r] in wanted]
        kept = numpy.isin(p, [r for r, objects in read if objects is None])
        for r, objects in read:
            if objects is not None:  # only some objects: those of its triples (a few classes) looked up
                rows = p == r
                named = [n for n in numpy.unique(o[rows]).tolist() if terms[n] in objects]
                kept |= rows & numpy.isin(o, named)
        at = numpy.flatnonzero(kept)
        s = term_numbers(self.subjects)
        for start in range(0, len(at), BLOCK):  # a block at a time: a list of numbers takes 36 bytes each
            block = at[start:start + BLOCK]
            yield s[block], p[block], o[block]


class SubjectIndex(Mapping):
    """``{subject: {predicate: [triples]}}`` over one list of triples grouped by subject, each
    subject's dict made when asked for.

    A dict of dicts of lists held for every subject took about 550 bytes a subject, 200 MB
    at 1,000 articles (most subjects are mentions: five properties, one value each). This
    holds each subject's place in the list, under 100 bytes, and the dicts of the subjects
    read last (readers ask several properties of a subject in a row) and of the subjects
    with many triples (actors, places). Triples given apart from the others of their
    subject are moved next to the first, in the order given.

    >>> index = SubjectIndex([("s", "p", "o1"), ("t", "p", "o"), ("s", "q", "o2"), ("s", "p", "o3")])
    >>> index["s"], list(index)
    ({'p': [('s', 'p', 'o1'), ('s', 'p', 'o3')], 'q': [('s', 'q', 'o2')]}, ['s', 't'])
    >>> index.triples("s"), index.with_predicate("s", "p"), index.with_predicate("u", "p")
    ([('s', 'p', 'o1'), ('s', 'p', 'o3'), ('s', 'q', 'o2')], [('s', 'p', 'o1'), ('s', 'p', 'o3')], [])
    """

    def __init__(self, triples: list[tuple]):
        spans = _spans(triples)
        if spans is None:  # not grouped by subject (the union is)
            triples = _grouped(triples)
            spans = _spans(triples)
        self.list, (self._at, self._starts) = triples, spans
        self._large: dict = {}   # the dicts of subjects with many triples, kept once made
        self._recent: dict = {}  # the dicts made last, up to RECENT of them

    def __getitem__(self, s) -> dict:
        found = self._recent.get(s)
        if found is not None:
            return found
        k = self._at[s]
        start, stop = self._starts[k], self._starts[k + 1]
        if stop - start > LARGE:
            found = self._large.get(s)
            if found is None:
                found = self._large[s] = _by_predicate(self.list, start, stop)
            return found
        if len(self._recent) >= RECENT:
            self._recent.clear()
        found = self._recent[s] = _by_predicate(self.list, start, stop)
        return found

    def get(self, s, default=None):
        return self[s] if s in self._at else default

    def __iter__(self):
        return iter(self._at)

    def __len__(self) -> int:
        return len(self._at)

    def __contains__(self, s) -> bool:
        return s in self._at

    def triples(self, s) -> list[tuple]:
        """The triples of ``s``, by predicate as in ``index[s]`` (empty when there are none)."""
        return [t for found in self[s].values() for t in found] if s in self._at else []

    def with_predicate(self, s, p) -> list[tuple]:
        """``index[s][p]``, or empty."""
        by_p = self._recent.get(s)
        if by_p is None:
            if s not in self._at:
                return _NONE
            by_p = self[s]
        return by_p.get(p, _NONE)

    def by_object(self, p) -> dict:
        """``{object: [triples]}`` for the predicate ``p``, in the order of the list."""
        found: dict = {}
        kind = type(p)
        if isinstance(self.list, Columns):  # by number: only the triples found are made
            columns = self.list
            numbers = {r for r, q in enumerate(columns.terms) if q is p or (str.__eq__(q, p) and type(q) is kind)}
            terms, subjects, objects = columns.terms, columns.subjects, columns.objects
            for n in (n for n, r in enumerate(columns.predicates) if r in numbers):
                o = terms[objects[n]]
                found.setdefault(o, []).append((terms[subjects[n]], terms[columns.predicates[n]], o))
            return found
        for t in self.list:  # compared as strings: rdflib's == is a Python call
            q = t[1]
            if q is p or (str.__eq__(q, p) and type(q) is kind):
                found.setdefault(t[2], []).append(t)
        return found


class PredicateIndex:
    """Each predicate's triples as two arrays of term numbers, subjects and objects, in the
    order of the columns (so each array of subjects is sorted), grouped by numpy: what reads a
    few properties of every subject (the shapes check, the projection) reads them so, without
    a triple made as a tuple or a dict per subject, at 8 bytes a triple.

    >>> from rdflib import RDFS, Literal
    >>> g = Quads(); g.graph(URIRef("urn:g")).update([(URIRef("urn:a"), RDFS.label, Literal("A")),
    ...     (URIRef("urn:a"), RDFS.label, Literal("B")), (URIRef("urn:b"), RDFS.label, Literal("C"))])
    >>> index = PredicateIndex(g.union().store.by_subject().list)
    >>> a, label = index.number(URIRef("urn:a")), index.predicates[RDFS.label]
    >>> [str(index.terms[o]) for o in index.objects(label, a)], str(index.terms[index.value(label, a)])
    (['A', 'B'], 'A')
    """

    def __init__(self, columns: Columns):
        self.terms = columns.terms
        #: each predicate's number: its subjects and objects
        self.pairs: dict[int, tuple[array, array]] = grouped(columns.predicates, columns.subjects, columns.objects)
        #: each predicate: its number
        self.predicates: dict = {self.terms[r]: r for r in self.pairs}

    def number(self, term) -> int | None:
        """The number of ``term``, None when the columns do not have it (:func:`rank_of`)."""
        return rank_of(self.terms, term)

    def value(self, p: int | None, s: int):
        """The first object of ``s`` for the predicate numbered ``p`` (None when there is none),
        as ``Graph.value`` gives it."""
        subjects, objects = self.pairs.get(p, NO_PAIRS)
        k = bisect_left(subjects, s)
        return objects[k] if k < len(subjects) and subjects[k] == s else None

    def objects(self, p: int | None, s: int) -> array:
        """Every object of ``s`` for the predicate numbered ``p``, in order."""
        subjects, objects = self.pairs.get(p, NO_PAIRS)
        k = bisect_left(subjects, s)
        return objects[k:bisect_right(subjects, s, k)]

    def values(self, p: int | None, nodes: numpy.ndarray) -> numpy.ndarray:
        """:meth:`value` of each of ``nodes`` at once, by numpy: -1 where there is none (and
        for the node -1, so that lookups chain).

        >>> from rdflib import RDFS, Literal
        >>> g = Quads(); g.graph(URIRef("urn:g")).add((URIRef("urn:b"), RDFS.label, Literal("B")))
        >>> index = PredicateIndex(g.union().store.by_subject().list)
        >>> b = index.number(URIRef("urn:b"))
        >>> found = index.values(index.predicates[RDFS.label], numpy.array([b, -1, b]))
        >>> [str(index.terms[n]) if n >= 0 else None for n in found.tolist()]
        ['B', None, 'B']
        """
        subjects, objects = self.pairs.get(p, NO_PAIRS)
        if not subjects:
            return numpy.full(len(nodes), -1)
        s = term_numbers(subjects)
        k = numpy.minimum(numpy.searchsorted(s, nodes), len(s) - 1)
        return numpy.where(s[k] == nodes, term_numbers(objects)[k], -1)

    def outlines(self) -> tuple[numpy.ndarray, numpy.ndarray]:
        """How many predicates and how many triples each term (by number) has as a subject,
        counted by numpy over each predicate's sorted subjects.

        >>> from rdflib import RDFS, Literal
        >>> g = Quads(); g.graph(URIRef("urn:g")).update([(URIRef("urn:a"), RDFS.label, Literal("A")),
        ...     (URIRef("urn:a"), RDFS.label, Literal("B")), (URIRef("urn:a"), RDFS.comment, Literal("C"))])
        >>> index = PredicateIndex(g.union().store.by_subject().list)
        >>> predicates, triples = index.outlines()
        >>> a = index.number(URIRef("urn:a")); int(predicates[a]), int(triples[a]), int(triples.sum())
        (2, 3, 3)
        """
        predicates = numpy.zeros(len(self.terms), dtype=numpy.int64)
        triples = numpy.zeros(len(self.terms), dtype=numpy.int64)
        for subjects, _ in self.pairs.values():
            s = term_numbers(subjects)
            starts = _run_starts(s)
            predicates[s[starts]] += 1
            triples[s[starts]] += numpy.diff(starts, append=len(s))
        return predicates, triples

    def runs(self, p: int | None, nodes: numpy.ndarray) -> tuple[array, array, array]:
        """Where each of ``nodes``'s objects for the predicate numbered ``p`` start and end in
        the predicate's objects (given first): :meth:`objects` for many at once. The places
        are arrays, not lists: 8 bytes each, where a list's Python int took 36 (370 MB for
        the projection's nine roles at 10,000 articles)."""
        subjects, objects = self.pairs.get(p, NO_PAIRS)
        s = term_numbers(subjects)
        return (objects, array("q", numpy.searchsorted(s, nodes).astype(numpy.int64).tobytes()),
                array("q", numpy.searchsorted(s, nodes, "right").astype(numpy.int64).tobytes()))

    def subjects(self, p: int | None, o: int | None) -> list:
        """The subjects with the object ``o`` for the predicate numbered ``p``, in order
        (found by numpy: a large graph has millions of typed subjects)."""
        subjects, objects = self.pairs.get(p, NO_PAIRS)
        return term_numbers(subjects)[term_numbers(objects) == o].tolist() if o is not None else []


NO_PAIRS = (array("i"), array("i"))  # a predicate no triple has: its subjects and objects (never changed)


def _by_predicate(triples: list[tuple] | Columns, start: int, stop: int) -> dict:
    if isinstance(triples, Columns):  # made from the numbers, one subject's: no slice of triples first
        term = triples.terms.__getitem__
        run = zip(repeat(term(triples.subjects[start])), map(term, triples.predicates[start:stop]),
                  map(term, triples.objects[start:stop]))
    else:
        run = triples[start:stop]
    by_p: dict = {}
    for t in run:
        found = by_p.get(t[1])
        if found is None:
            by_p[t[1]] = [t]
        else:
            found.append(t)
    return by_p


class SomeSubjects(Mapping):
    """A few ``subjects`` of the triples ``columns`` (grouped by subject, as the union's are:
    :meth:`Quads.union`), ``{subject: {predicate: [triples]}}`` as :class:`SubjectIndex`
    gives them, in the order given, each one's dict made when asked for and not kept.

    Where each subject's triples are is found by bisection in the subjects' column, for
    these subjects alone: a :class:`SubjectIndex` holds a place for every subject of the
    union, and the build writes a few dozen of them itself (88 of 1.4 million subjects at
    3,000 articles, whose index took 92 MB and 1.1 s). A subject the columns do not have
    is left out.

    >>> from rdflib import RDFS, Literal
    >>> g = Quads(); g.graph(URIRef("urn:g")).update([(URIRef("urn:a"), RDFS.label, Literal("A")),
    ...     (URIRef("urn:b"), RDFS.label, Literal("B")), (URIRef("urn:b"), RDFS.comment, Literal("C"))])
    >>> some = SomeSubjects(g.union().store.columns, [URIRef("urn:b"), URIRef("urn:x")])
    >>> list(some) == [URIRef("urn:b")], some[URIRef("urn:b")] == g.union().store.by_subject()[URIRef("urn:b")]
    (True, True)
    """

    def __init__(self, columns: Columns, subjects: Iterable):
        self._columns = columns
        found = [(s, n) for s in subjects if (n := rank_of(columns.terms, s)) is not None]
        numbers = numpy.array([n for _, n in found], dtype=numpy.int64)
        column = term_numbers(columns.subjects)
        starts = numpy.searchsorted(column, numbers).tolist()
        stops = numpy.searchsorted(column, numbers, "right").tolist()
        self._runs = {s: (start, stop) for (s, _), start, stop in zip(found, starts, stops) if start < stop}

    def __getitem__(self, subject) -> dict:
        start, stop = self._runs[subject]
        return _by_predicate(self._columns, start, stop)

    def __iter__(self):
        return iter(self._runs)

    def __len__(self) -> int:
        return len(self._runs)


BLOCK = 1 << 16  # triples made at a time from numbers read by numpy
LARGE = 16    # a subject with more triples keeps its dict once made (read by predicate often)
RECENT = 256  # how many other subjects' dicts are kept, the last made
_NONE: list = []  # what with_predicate gives for nothing (never changed)


def _spans(triples: list[tuple]) -> tuple[dict, array] | None:
    """Each subject's number and where its triples start (then where the last ends), or None
    when a subject's triples are not all together."""
    if isinstance(triples, Columns):  # read by number, no triple made
        return _column_spans(triples)
    keys, term = (t[0] for t in triples), _same
    at: dict = {}
    starts = array("q")
    last = _NOTHING
    for n, key in enumerate(keys):
        if key is not last and key != last:
            s = term(key)
            if s in at:
                return None
            at[s] = len(starts)
            starts.append(n)
            last = key
    starts.append(len(triples))
    return at, starts


def _column_spans(columns: Columns) -> tuple[dict, array] | None:
    """:func:`_spans` of columns: where the subject number changes, found by numpy.

    >>> _column_spans(Columns(["s", "t"], array("i", [0, 0, 1]), array("i", [0, 0, 0]), array("i", [1, 0, 0])))
    ({'s': 0, 't': 1}, array('q', [0, 2, 3]))
    """
    subjects = term_numbers(columns.subjects)
    starts = _run_starts(subjects)
    term = columns.terms.__getitem__
    at = {term(s): k for k, s in enumerate(subjects[starts].tolist())}
    if len(at) < len(starts):  # a subject's triples apart
        return None
    return at, array("q", [*starts.tolist(), len(subjects)])


def _same(term):
    return term


_NOTHING = object()


def _grouped(triples: list[tuple]) -> list[tuple]:
    """``triples`` with each subject's next to the first, in the order given."""
    by_s: dict = {}
    for t in triples:
        by_s.setdefault(t[0], []).append(t)
    return [t for found in by_s.values() for t in found]


class TripleIndex(Store):
    """A read-only rdflib store over a fixed list of triples, indexed three ways.

    Built in one pass at a few µs per triple; triples come back in the order given.

    >>> from rdflib import RDFS, Literal
    >>> g = TripleIndex([(URIRef("urn:a"), RDFS.label, Literal("A")), (URIRef("urn:b"), RDFS.label, Literal("B"))]).graph()
    >>> sorted(str(s) for s in g.subjects(RDFS.label, None)), len(g)
    (['urn:a', 'urn:b'], 2)
    >>> g.add((URIRef("urn:c"), RDFS.label, Literal("C")))
    Traceback (most recent call last):
    ...
    TypeError: TripleIndex is read-only: build a new one
    """

    context_aware = False
    formula_aware = False
    transaction_aware = False
    graph_aware = False

    def __init__(self, triples: Iterable[tuple], prefixes: dict[str, URIRef] | None = None):
        super().__init__()
        self._triples = triples if isinstance(triples, Columns) else list(triples)
        self._namespace = dict(prefixes or {})
        self._prefix = {ns: prefix for prefix, ns in self._namespace.items()}
        # {predicate: {object: [triples]}}, a predicate's entry made when first asked for
        # (_by_object): the views ask for a few, and the whole index at 10,000 articles is gigabytes.
        self._pos: dict = {}

    # Each index is made on first use (most readers go by subject only).
    @cached_property
    def _spo(self) -> SubjectIndex:
        return SubjectIndex(self._triples)

    def _by_object(self, p) -> dict:
        """``{object: [triples]}`` for the predicate ``p``, in the order of the subject index.

        >>> TripleIndex([("s", "p", "o"), ("t", "p", "o"), ("s", "q", "o")])._by_object("p")
        {'o': [('s', 'p', 'o'), ('t', 'p', 'o')]}
        """
        found = self._pos.get(p)
        if found is None:
            found = self._pos[p] = self._spo.by_object(p)
        return found

    @cached_property
    def _osp(self) -> dict:
        return _index(self._triples, 2, 0)

    def by_subject(self) -> SubjectIndex:
        """``{subject: {predicate: [triples]}}``, in the order given (the subject index).

        >>> TripleIndex([("s", "p", "o")]).by_subject()["s"]
        {'p': [('s', 'p', 'o')]}
        """
        return self._spo

    @cached_property
    def _pso(self) -> PredicateIndex:
        triples = self._triples
        if not isinstance(triples, Columns):
            raise TypeError("a predicate index is made from columns: kg.formats.merged(graph)")
        return PredicateIndex(triples)

    def by_predicate(self) -> PredicateIndex:
        """Each predicate's subjects and objects as arrays of term numbers (held as columns only)."""
        return self._pso

    @cached_property
    def columns(self) -> Columns | None:
        """The triples as numbers, grouped by subject (the union's: :meth:`Quads.union`), else
        None. Read without the subject index, which those that read by predicate or in
        order (the shapes check, the projection, the figures' triples) do not need: it is
        a dict of every subject, about 300 MB at 10,000 articles.

        >>> TripleIndex([("s", "p", "o")]).columns is None, Quads().union().store.columns is not None
        (True, True)
        """
        triples = self._triples
        if not isinstance(triples, Columns):
            return None
        subjects = term_numbers(triples.subjects)
        return triples if bool((subjects[1:] >= subjects[:-1]).all()) else None

    def graph(self) -> Graph:
        """An rdflib Graph reading this store, with its prefixes."""
        return IndexedGraph(store=self, bind_namespaces="none")

    def triples(self, pattern, context=None):
        for triple in self._match(*pattern):
            yield triple, _NO_CONTEXTS

    def _match(self, s, p, o) -> Iterator[tuple]:
        if s is not None:
            if p is not None:
                found = self._spo.with_predicate(s, p)
                return iter(found) if o is None else (t for t in found if t[2] == o)
            if o is not None:
                return iter(self._osp.get(o, {}).get(s, ()))
            return iter(self._spo.triples(s))
        if p is not None:
            by_o = self._by_object(p)
            if o is not None:
                return iter(by_o.get(o, ()))
            return (t for found in by_o.values() for t in found)
        if o is not None:
            return (t for found in self._osp.get(o, {}).values() for t in found)
        return iter(self._triples)

    def __len__(self, context=None) -> int:
        return len(self._triples)

    def contexts(self, triple=None):
        return iter(())

    def close(self, commit_pending_transaction=False) -> None:
        """Let go of the triples and the indexes (``graph.close()``): the store is empty
        after. The build closes the union when done with it, so that the indexes' triples
        are freed as their lists go, not found by the cycle collector among everything else
        (1.4 million tuples at 1,000 articles).

        >>> g = TripleIndex([("s", "p", "o")]).graph(); g.value("s", "p")
        'o'
        >>> g.close(); len(g), g.value("s", "p")
        (0, None)
        """
        self._triples, self._pos = [], {}
        for index in ("_spo", "_osp", "_pso"):  # made on first use
            self.__dict__.pop(index, None)

    def add(self, triple, context=None, quoted=False):
        raise TypeError("TripleIndex is read-only: build a new one")

    def addN(self, quads):
        raise TypeError("TripleIndex is read-only: build a new one")

    def remove(self, triple, context=None):
        raise TypeError("TripleIndex is read-only: build a new one")

    def bind(self, prefix, namespace, override=True):
        if override or prefix not in self._namespace:
            self._prefix.pop(self._namespace.get(prefix), None)
            self._namespace[prefix] = URIRef(namespace)
            self._prefix[URIRef(namespace)] = prefix

    def namespace(self, prefix):
        return self._namespace.get(prefix)

    def prefix(self, namespace):
        return self._prefix.get(URIRef(namespace))

    def namespaces(self):
        return iter(list(self._namespace.items()))


class IndexedGraph(Graph):
    """An rdflib Graph over a :class:`TripleIndex` that reads the index directly for the calls
    the views and the reference page make by the million (``triples``, ``value``,
    ``objects``, ``predicate_objects``, and so ``subjects`` and ``in``): rdflib's own pass each
    triple through three generators. The answers, and their order, are the same.

    >>> from rdflib import RDFS, Literal
    >>> g = TripleIndex([(URIRef("urn:a"), RDFS.label, Literal("A")), (URIRef("urn:a"), RDFS.label, Literal("B"))]).graph()
    >>> g.value(URIRef("urn:a"), RDFS.label), list(g.objects(URIRef("urn:a"), RDFS.label))
    (rdflib.term.Literal('A'), [rdflib.term.Literal('A'), rdflib.term.Literal('B')])
    """

    def triples(self, triple):
        s, p, o = triple
        if isinstance(p, Path):
            yield from super().triples(triple)
        else:
            yield from self.store._match(s, p, o)

    def value(self, subject=None, predicate=RDF.value, object=None, default=None, any=True):
        if subject is not None and predicate is not None and object is None and any:
            found = self.store._spo.with_predicate(subject, predicate)
            return found[0][2] if found else default
        return super().value(subject, predicate, object, default, any)

    def objects(self, subject=None, predicate=None, unique=False):
        if subject is not None and predicate is not None and not unique:
            return (t[2] for t in self.store._spo.with_predicate(subject, predicate))
        return super().objects(subject, predicate, unique)

    def predicate_objects(self, subject=None, unique=False):
        if subject is not None and not unique:
            return ((t[1], t[2]) for t in self.store._spo.triples(subject))
        return super().predicate_objects(subject, unique)
