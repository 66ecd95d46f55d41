"""SHACL Core checked in Python over a graph held in memory: the constraints ``ontology/shapes.ttl``
uses, read from any shapes graph.

pyshacl builds a constraint object again for every node a nested shape (``sh:node``,
``sh:or``) checks, and reads the data through rdflib's context-aware store: a 1,000-article
build spent 220 s of its 255 s there. Here each shape is read once into checks, and each
check runs once on all of a shape's focus nodes together, as term numbers: a property's
triples are two arrays (subjects, objects) read from the graph's columns (:class:`Data`),
a count is a ``Counter`` of them, a test of a value's term runs once per distinct value, and
``sh:node``, ``sh:or``, ``sh:not`` ... take sets of nodes (a class's instances and a shape's
values as :class:`Numbers`, a sorted array): the same results (focus node,
path, value, shape, constraint component) in seconds. ``tests/test_validate.py`` holds them
to pyshacl's on broken graphs.

A shapes graph using a SHACL feature not here (SPARQL constraints, property paths other than
a predicate or ``sh:inversePath``, ``sh:equals`` ...) is refused with a ``ValueError`` naming
the shape and the feature, never checked in part.

>>> from rdflib import Graph
>>> from kg.formats import merged
>>> shapes = Shapes(Graph().parse(format="turtle", data='''
... @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <urn:ex:> .
... ex:S a sh:NodeShape ; sh:targetClass ex:C ;
...     sh:property [ sh:path ex:p ; sh:minCount 1 ; sh:in ( "a" "b" ) ] .'''))
>>> data = Graph().parse(format="turtle", data='''
... @prefix ex: <urn:ex:> . ex:x a ex:C ; ex:p "c" . ex:y a ex:C .''')
>>> [(str(v.focus), v.value, v.component.split("#")[1]) for v in shapes.check(merged(data))]
[('urn:ex:x', rdflib.term.Literal('c'), 'InConstraintComponent'), ('urn:ex:y', None, 'MinCountConstraintComponent')]
"""
from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Set
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from functools import partial
from itertools import compress
from operator import itemgetter, le, lt
from typing import Callable, Iterable, Iterator

import numpy
from rdflib import RDF, RDFS, SH, XSD, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from .formats import by_predicate
from .mentions import mention_triples
from .quads import NO_PAIRS, grouped, number_array, order_key, term_numbers

#: A check of a shape's focus nodes and their values (given the data): for each result, its
#: focus node, its value (None for a count; numbers both) and its constraint component.
Check = Callable[["Values", "Data"], Iterable[tuple]]

# The parameters read, and those that only qualify another (read with it).
_PARAMETERS = {SH.minCount, SH.maxCount, SH.datatype, SH["class"], SH.nodeKind, SH.pattern,
               SH.minLength, SH["in"], SH.hasValue, SH.languageIn, SH.uniqueLang,
               SH.minInclusive, SH.maxInclusive, SH.lessThan, SH.lessThanOrEquals, SH.node,
               SH["or"], SH["and"], SH["not"], SH.qualifiedValueShape, SH.property, SH.closed}
_QUALIFIERS = {SH.path, SH.flags, SH.ignoredProperties, SH.qualifiedMinCount,
               SH.qualifiedMaxCount, SH.message, SH.severity, SH.targetClass,
               SH.targetSubjectsOf, SH.name, SH.description, SH.order, SH.group}
_READ = _PARAMETERS | _QUALIFIERS  # any other sh: property of a shape is refused
# A value's type for the datatypes whose values rdflib reads (pyshacl's test too).
_VALUE_TYPES = {XSD.string: (str, bytes), RDF.langString: (str, bytes), XSD.integer: int,
                XSD.float: float, XSD.decimal: Decimal, XSD.boolean: bool, XSD.date: date,
                XSD.time: time, XSD.dateTime: datetime}
_NUMBERS = (int, float, Decimal)
_NODE_KINDS = {SH.IRI: (URIRef,), SH.BlankNode: (BNode,), SH.Literal: (Literal,),
               SH.BlankNodeOrIRI: (BNode, URIRef), SH.BlankNodeOrLiteral: (BNode, Literal),
               SH.IRIOrLiteral: (URIRef, Literal)}


@dataclass(frozen=True)
class Violation:
    """One result: ``focus`` breaks ``component`` of ``shape`` (``path`` and ``value`` when it has them)."""

    focus: Node
    path: Node | None
    value: Node | None
    shape: Node
    component: URIRef
    severity: URIRef = SH.Violation


class Data:
    """The graph checked, as term numbers: each predicate's triples as two arrays (subjects,
    objects: :func:`kg.formats.by_predicate`), with a second small graph (the ontology) added,
    and the mentions kept apart from the graph (:class:`kg.mentions.Mentions`).

    A term's number is its rank in the graph's terms (:meth:`kg.quads.Quads.union`); the extra
    graph's terms the graph does not have are numbered after them, then the mentions' texts.
    """

    def __init__(self, graph: Graph, extra: Graph | None = None, mentions=None):
        self.index = by_predicate(graph)  # shared with the graph's other readers: never changed here
        self.terms, self.base = self.index.terms, len(self.index.terms)
        self._more: dict = {}  # the extra graph's terms the graph does not have: key: number
        self._extra_terms: list = []
        self._numbers: dict = {}
        self._pairs = dict(self.index.pairs)
        self.predicates = dict(self.index.predicates)  # predicate: its number
        self._add(extra if extra is not None else ())
        if mentions is not None:
            self._add_mentions(mentions)
        self._instances: dict = {}
        self._typed: dict | None = None
        self._subclasses: dict | None = None
        self._masks: list = []  # the last sets of nodes made masks of (members) and their masks

    def _add(self, extra: Iterable[tuple]) -> None:
        """The extra graph's triples the graph does not have, numbered after the graph's own
        (each predicate's arrays copied once, not changed)."""
        added: dict = {}
        for triple in extra:
            s, p, o = numbers = tuple(self.number(t, add=True) for t in triple)
            if (s, o) in added.get(p, ()) or (max(numbers) < self.base and o in self.index.objects(p, s)):
                continue
            added.setdefault(p, {})[s, o] = None
            self.predicates.setdefault(triple[1], p)
        for p, pairs in added.items():
            subjects, objects = self._pairs.get(p, NO_PAIRS)
            self._pairs[p] = (subjects + array("i", (s for s, _ in pairs)), objects + array("i", (o for _, o in pairs)))

    def _add_mentions(self, mentions) -> None:
        """The triples of ``mentions`` (:func:`kg.mentions.mention_triples`), none of which the
        graph has, added a column at a time: their subjects are their numbers in the graph,
        their contexts looked up there once each, and their offsets and texts numbered after
        every other term, once each, without looking for an equal literal in the graph (a
        search of its sorted terms for each: thousands of offsets took longer than the rest;
        no shape compares an offset or a text with a term of the graph, only with values).

        >>> from kg.mentions import Mentions
        >>> from kg.quads import Quads
        >>> quads, mentions = Quads(), Mentions()
        >>> a, m = URIRef("urn:a"), URIRef("urn:a#char=0,3")
        >>> quads.graph(URIRef("urn:g")).add((a, RDFS.seeAlso, m))
        >>> mentions.add(URIRef("urn:g"), [(m, 0, 3, "Kim", a)], quads.table)
        >>> data = Data(quads.union(apart=mentions), mentions=mentions)
        >>> from kg.vocab import NIF
        >>> [data.term(o) for o in data.pairs(NIF.anchorOf)[1]]
        [rdflib.term.Literal('Kim')]
        """
        if not len(mentions):
            return
        first = mention_triples(*next(mentions.records()))  # the predicates, and the types' objects
        number = partial(self.number, add=True)
        subjects = mentions.numbers.copy()
        for k in numpy.flatnonzero(subjects < 0).tolist():  # named by no triple of the graph
            subjects[k] = number(mentions.iri(k))
        begins, ends = (numpy.frombuffer(a, dtype=numpy.int64) for a in (mentions.begins, mentions.ends))
        offsets = numpy.union1d(begins, ends)  # each numbered once, as a new term (an offset's term
        lookup = numpy.zeros(int(offsets[-1]) + 1, dtype=numpy.int64)  # has no cheaper way to be found)
        lookup[offsets] = self._new_terms(Literal(v, datatype=XSD.nonNegativeInteger) for v in offsets.tolist())
        texts: dict[str, int] = {}
        made, numbered = self._extra_terms.append, array("i")
        for text in mentions.texts():  # each text numbered once, as a new term
            found = texts.get(text)
            if found is None:
                found = texts[text] = self.base + len(self._extra_terms)
                made(Literal(text))
            numbered.append(found)
        contexts = numpy.array([number(c) for c in mentions.contexts], dtype=numpy.int64)
        n = len(subjects)
        objects = [numpy.full(n, number(first[0][2])), numpy.full(n, number(first[1][2])),
                   lookup[begins], lookup[ends], numpy.frombuffer(numbered, dtype=numpy.int32),
                   contexts[numpy.frombuffer(mentions.context_of, dtype=numpy.int32)]]
        column = number_array(subjects)
        for (_, p, _), values in zip(first, objects):
            r = number(p)
            self.predicates.setdefault(p, r)
            had = self._pairs.get(r, NO_PAIRS)
            self._pairs[r] = (had[0] + column, had[1] + number_array(values))

    def _new_terms(self, terms: Iterable[Node]) -> list[int]:
        """Number ``terms`` after every other, without looking for them among those numbered."""
        found = []
        for term in terms:
            found.append(self.base + len(self._extra_terms))
            self._extra_terms.append(term)
        return found

    def number(self, term: Node, add: bool = False) -> int | None:
        """The number of ``term``: None when the graph has no such term, unless ``add``."""
        found = self._numbers.get(term)
        if found is None:
            found = self.index.number(term)
            if found is None:
                key = order_key(term)
                found = self._more.get(key)
                if found is None and add:
                    found = self._more[key] = self.base + len(self._extra_terms)
                    self._extra_terms.append(term)
            if found is not None:
                self._numbers[term] = found
        return found

    def term(self, n: int) -> Node:
        return self.terms[n] if n < self.base else self._extra_terms[n - self.base]

    def members(self, nodes: Set) -> numpy.ndarray:
        """A mask over the term numbers, true for those of ``nodes``: which of a predicate's
        subjects are among them is then one numpy step, where testing each in the set took
        a Python call for each of millions. The last few made are kept (a shape's property
        shapes ask for the same nodes).

        >>> from kg.formats import merged
        >>> data = Data(merged(Graph()), Graph().parse(data="<urn:a> <urn:p> <urn:b> .", format="nt"))
        >>> data.members({data.number(URIRef("urn:b"))}).tolist()
        [False, False, True]
        """
        for kept, mask in self._masks:
            if kept is nodes:
                return mask
        mask = numpy.zeros(self.base + len(self._extra_terms), dtype=bool)
        mask[Numbers.of(nodes).numbers] = True
        self._masks = [(nodes, mask), *self._masks[:3]]
        return mask

    def pairs(self, p: URIRef) -> tuple[array, array]:
        """The subjects and objects of the triples of ``p``, in two arrays of the same length."""
        r = self.predicates.get(p)
        return self._pairs.get(r, NO_PAIRS)

    def numbered_pairs(self) -> Iterator[tuple[int, array, array]]:
        """Every predicate's number, subjects and objects."""
        for r, (subjects, objects) in self._pairs.items():
            yield r, subjects, objects

    def subclasses(self, c: URIRef) -> set:
        """``c``'s number and those of every class below it by ``rdfs:subClassOf``."""
        if self._subclasses is None:
            below: dict = {}
            for s, o in zip(*self.pairs(RDFS.subClassOf)):
                below.setdefault(o, set()).add(s)
            self._subclasses = below
        top = self.number(c)
        found, todo = ({top}, [top]) if top is not None else (set(), [])
        while todo:
            for s in self._subclasses.get(todo.pop(), ()):
                if s not in found:
                    found.add(s)
                    todo.append(s)
        return found

    def instances(self, c: URIRef) -> Numbers:
        """The nodes typed ``c`` or a subclass of it."""
        found = self._instances.get(c)
        if found is None:
            if self._typed is None:  # each class's nodes, by number, in an array: as sets, every
                subjects, classes = self.pairs(RDF.type)  # class's took 47 MB at 1,000 articles
                self._typed = {k: nodes for k, (nodes,) in grouped(classes, subjects).items()}
            typed = [term_numbers(self._typed[k]) for k in self.subclasses(c) if k in self._typed]
            found = self._instances[c] = Numbers(distinct_numbers(numpy.concatenate(typed)) if typed else Numbers.NONE)
        return found


class Numbers(Set):
    """A set of term numbers held as one sorted numpy array: 8 bytes a number, where a
    Python set of them took about 80 (a class's instances, a shape's focus nodes: with the
    792,166 mentions of 3,000 articles as a set, the check rose 66 MB). A difference is
    taken in numpy; any other operation of a set works as ``collections.abc.Set`` makes it.

    >>> a = Numbers.of({5, 1, 3}); a - {3}, 3 in a, 4 in a, sorted({2, 3} - a), len(a.difference([1], {5}))
    (Numbers([1, 5]), True, False, [2], 1)
    """

    NONE = numpy.empty(0, dtype=numpy.int64)
    __slots__ = ("numbers",)

    def __init__(self, numbers: numpy.ndarray):
        self.numbers = numbers  # sorted, each once

    @classmethod
    def of(cls, numbers: Iterable[int]) -> Numbers:
        """``numbers`` (none negative) as a :class:`Numbers` (itself when it is one)."""
        if isinstance(numbers, Numbers):
            return numbers
        found = numpy.fromiter(numbers, dtype=numpy.int64)
        return cls(numpy.sort(found) if isinstance(numbers, (set, frozenset)) else distinct_numbers(found))

    _from_iterable = of  # what collections.abc.Set makes its results with

    def __len__(self) -> int:
        return len(self.numbers)

    def __iter__(self) -> Iterator[int]:
        return iter(self.numbers.tolist())

    def __contains__(self, n) -> bool:
        at = int(numpy.searchsorted(self.numbers, n))
        return at < len(self.numbers) and bool(self.numbers[at] == n)

    def __sub__(self, other: Iterable[int]) -> Numbers:
        return Numbers(numpy.setdiff1d(self.numbers, Numbers.of(other).numbers, assume_unique=True))

    def __rsub__(self, other: Iterable[int]) -> Numbers:
        return Numbers.of(other) - self

    def among(self, numbers: array) -> list[bool]:
        """Whether each of ``numbers`` (an array of term numbers) is one of these, in numpy:
        a ``searchsorted`` for each made the check of 1,000 articles 4.68 s of CPU, not 1.77."""
        return numpy.isin(term_numbers(numbers), self.numbers).tolist()

    def difference(self, *others: Iterable[int]) -> Numbers:
        found = self
        for other in others:
            found = found - other
        return found

    def __repr__(self) -> str:
        return f"Numbers({self.numbers.tolist()})"


class Values:
    """A shape's focus nodes and their value nodes, as numbers: ``(focus[i], value[i])`` pairs.
    ``distinct``, when given, is the value nodes once (a shape without a path: the nodes)."""

    def __init__(self, nodes: Set, focus, value, distinct: Set | None = None):
        self.nodes, self.focus, self.value = nodes, focus, value
        self._distinct = distinct

    @property
    def distinct(self) -> Numbers:
        """Every value node, once (found by numpy: a value such as a class or a concept
        recurs thousands of times)."""
        if self._distinct is None:
            self._distinct = Numbers(distinct_numbers(term_numbers(self.value)))
        return self._distinct

    def having(self, values: Set) -> Iterator[tuple[int, int]]:
        """The ``(focus, value)`` pairs whose value is one of ``values`` (told in numpy)."""
        if not values:
            return iter(())
        return compress(zip(self.focus, self.value), Numbers.of(values).among(self.value))


class Shapes:
    """The shapes of a shapes graph, each read into checks once: :meth:`check` a graph."""

    def __init__(self, graph: Graph):
        self.graph = graph
        self._shapes: dict = {}
        for s in graph.subjects(RDF.type, SH.NodeShape):
            if (s, RDF.type, RDFS.Class) in graph:
                raise ValueError(f"shape {s.n3()}: an implicit class target is not supported")
        targeted = set(graph.subjects(SH.targetClass)) | set(graph.subjects(SH.targetSubjectsOf))
        self.targeted = [self.shape(s) for s in sorted(targeted, key=str)]

    def shape(self, node: Node) -> "Shape":
        found = self._shapes.get(node)
        if found is None:
            found = self._shapes[node] = Shape.__new__(Shape)  # a shape may name itself
            found.__init__(node, self)
        return found

    def check(self, graph: Graph, extra: Graph | None = None, mentions=None) -> list[Violation]:
        """Every result of every targeted shape on ``graph`` (best a :func:`kg.formats.merged`
        graph: any other is merged first), with ``extra``'s triples added, and those of the
        ``mentions`` kept apart from it (:class:`kg.mentions.Mentions`, numbered in it)."""
        data = Data(graph, extra, mentions)
        found: list = []
        for shape in self.targeted:
            shape.failures(shape.focus_nodes(data), data, found)
        found.sort(key=lambda result: result[0])  # in the graph's order of focus nodes
        term = data.term
        return [Violation(term(focus), path, None if value is None else term(value), shape, component, severity)
                for focus, path, value, shape, component, severity in found]


class Shape:
    """A node or property shape: its path, its checks and its property shapes."""

    def __init__(self, node: Node, shapes: Shapes):
        g = shapes.graph
        self.node, self.shapes = node, shapes
        for p in set(g.predicates(node)):
            if p.startswith(str(SH)) and p not in _READ:
                raise ValueError(f"shape {node.n3()}: {p.n3()} is not supported")
        self.path = g.value(node, SH.path)
        self.predicate, self.inverse = self._read_path(g)
        self.severity = g.value(node, SH.severity) or SH.Violation
        self.classes = sorted(g.objects(node, SH.targetClass))
        self.subjects_of = sorted(g.objects(node, SH.targetSubjectsOf))
        self.properties = [shapes.shape(p) for p in g.objects(node, SH.property)]
        self.checks: list[Check] = list(self._read_checks(g))
        self.allowed = None  # for a closed shape, the predicates its focus nodes may have
        self._allows: dict = {}
        if g.value(node, SH.closed) == Literal(True):
            ignored = g.value(node, SH.ignoredProperties)
            self.allowed = {s.predicate for s in self.properties if not s.inverse and s.predicate}
            self.allowed |= set(Collection(g, ignored)) if ignored is not None else set()

    def _read_path(self, g: Graph) -> tuple[URIRef | None, bool]:
        if self.path is None or isinstance(self.path, URIRef):
            return self.path, False
        inverse = g.value(self.path, SH.inversePath)
        if isinstance(inverse, URIRef) and len(set(g.predicate_objects(self.path))) == 1:
            return inverse, True
        raise ValueError(f"shape {self.node.n3()}: only a predicate or sh:inversePath of one is supported as sh:path")

    def focus_nodes(self, data: Data) -> Numbers:
        """The numbers of the nodes this shape targets (a class's instances themselves when
        it targets one class)."""
        found = [*map(data.instances, self.classes),
                 *(Numbers(distinct_numbers(term_numbers(data.pairs(p)[0]))) for p in self.subjects_of)]
        return found[0] if len(found) == 1 else Numbers(distinct_numbers(numpy.concatenate([f.numbers for f in found])))

    def values(self, nodes: Set, data: Data) -> Values:
        """The value nodes of ``nodes`` (numbers) by this shape's path: the nodes themselves without one."""
        if self.predicate is None:
            listed = number_array(Numbers.of(nodes).numbers)
            return Values(nodes, listed, listed, nodes)
        subjects, objects = data.pairs(self.predicate)
        member = data.members(nodes)
        return Values(nodes, *(_of(member, objects, subjects) if self.inverse else _of(member, subjects, objects)))

    def failures(self, nodes: Set, data: Data, found: list) -> list[tuple]:
        """``(focus, path, value, shape, component, severity)`` for each result of this shape on
        ``nodes``, its property shapes' included (added to ``found``): focus and value nodes as
        numbers."""
        if not nodes:
            return found
        values = self.values(nodes, data)
        path, node, severity = self.path, self.node, self.severity
        for check in self.checks:
            found.extend((f, path, v, node, c, severity) for f, v, c in check(values, data))
        if self.allowed is not None:
            member = data.members(nodes)
            for r, subjects, objects in data.numbered_pairs():
                p = data.term(r)
                if p not in self.allowed and member[term_numbers(subjects)].any():
                    found.extend((s, p, o, node, SH.ClosedConstraintComponent, severity) for s, o in
                                 compress(zip(subjects, objects), member[term_numbers(subjects)].tolist()))
        if self.properties:
            inner = values.distinct
            for shape in self.properties:
                shape.failures(inner, data, found)
        return found

    def conforming(self, nodes: Set, data: Data) -> Set:
        """The nodes of ``nodes`` that conform to this shape."""
        return nodes - set(map(itemgetter(0), self.failures(nodes, data, [])))

    def _read_checks(self, g: Graph) -> Iterator[Check]:
        """A check for each constraint parameter of this shape, its values read once."""
        node, shapes = self.node, self.shapes

        def each(breaking, component):  # a check of each value node: breaking(values, data) finds those that break it
            def check(values, data):
                return ((f, v, component) for f, v in values.having(breaking(values.distinct, data)))
            return check

        def per_term(test, component):  # a test of each value's term
            return each(lambda vs, d: {v for v in vs if not test(d.term(v))}, component)

        for n in g.objects(node, SH.minCount):
            yield _min_count(int(n))
        for n in g.objects(node, SH.maxCount):
            yield _max_count(int(n))
        for dt in g.objects(node, SH.datatype):
            yield per_term(_datatype(dt), SH.DatatypeConstraintComponent)
        for c in g.objects(node, SH["class"]):
            yield each(lambda vs, d, c=c: vs - d.instances(c), SH.ClassConstraintComponent)
        for kind in g.objects(node, SH.nodeKind):
            yield per_term(lambda v, ks=_NODE_KINDS[kind]: isinstance(v, ks), SH.NodeKindConstraintComponent)
        for pattern in g.objects(node, SH.pattern):
            flags = g.value(node, SH.flags)
            regex = re.compile(str(pattern), _flags(str(flags or "")))
            yield per_term(lambda v, r=regex: not isinstance(v, BNode) and r.search(str(v)) is not None,
                           SH.PatternConstraintComponent)
        for n in g.objects(node, SH.minLength):
            yield per_term(lambda v, n=int(n): not isinstance(v, BNode) and len(str(v)) >= n,
                           SH.MinLengthConstraintComponent)
        for members in g.objects(node, SH["in"]):  # a set: a Literal's hash agrees with its ==
            yield per_term(lambda v, ms=set(Collection(g, members)): v in ms, SH.InConstraintComponent)
        for ranges in g.objects(node, SH.languageIn):
            yield per_term(lambda v, rs=[str(r).lower() for r in Collection(g, ranges)]: _lang_in(v, rs),
                           SH.LanguageInConstraintComponent)
        for x in g.objects(node, SH.hasValue):
            yield _has_value(x)
        if g.value(node, SH.uniqueLang) == Literal(True):
            yield _unique_lang
        for m in g.objects(node, SH.minInclusive):
            yield per_term(lambda v, m=m: _compares(v, m, lambda a, b: a >= b), SH.MinInclusiveConstraintComponent)
        for m in g.objects(node, SH.maxInclusive):
            yield per_term(lambda v, m=m: _compares(v, m, lambda a, b: a <= b), SH.MaxInclusiveConstraintComponent)
        for p in g.objects(node, SH.lessThan):
            yield _pair(p, lt, SH.LessThanConstraintComponent)
        for p in g.objects(node, SH.lessThanOrEquals):
            yield _pair(p, le, SH.LessThanOrEqualsConstraintComponent)
        for other in g.objects(node, SH.node):
            yield each(lambda vs, d, s=shapes.shape(other): vs - s.conforming(vs, d), SH.NodeConstraintComponent)
        for members in g.objects(node, SH["or"]):
            yield each(partial(_fitting_none, [shapes.shape(m) for m in Collection(g, members)]),
                       SH.OrConstraintComponent)
        for members in g.objects(node, SH["and"]):
            yield each(partial(_not_fitting_all, [shapes.shape(m) for m in Collection(g, members)]),
                       SH.AndConstraintComponent)
        for other in g.objects(node, SH["not"]):
            yield each(lambda vs, d, s=shapes.shape(other): s.conforming(vs, d), SH.NotConstraintComponent)
        for other in g.objects(node, SH.qualifiedValueShape):
            least, most = g.value(node, SH.qualifiedMinCount), g.value(node, SH.qualifiedMaxCount)
            yield _qualified(shapes.shape(other), least, most)


def _datatype(dt: URIRef) -> Callable[[Node], bool]:
    """Whether a value is a literal of ``dt`` whose value rdflib could read, as pyshacl tests it.

    >>> test = _datatype(XSD.integer)
    >>> test(Literal(3)), test(Literal("3")), test(Literal("three", datatype=XSD.integer))
    (True, False, False)
    """
    if dt == RDFS.Literal:
        return lambda v: isinstance(v, Literal)
    if dt == RDFS.Datatype:
        return lambda v: isinstance(v, Literal) and v.datatype is not None
    kind = _VALUE_TYPES.get(dt, object)
    plain = XSD.string if dt == XSD.string else RDF.langString if dt == RDF.langString else None

    def test(v: Node) -> bool:
        if not isinstance(v, Literal):
            return False
        if v.datatype is not None:  # both IRIs: compared as text, in C (rdflib's == is Python)
            return str.__eq__(v.datatype, dt) and v.ill_typed is not True and isinstance(v.value, kind)
        if plain is None or (plain is RDF.langString) != bool(v.language):
            return False
        return isinstance(v.value, kind)
    return test


def _lang_in(v: Node, ranges: list[str]) -> bool:
    if not isinstance(v, Literal) or not v.language:
        return False
    tag = v.language.lower()
    return any(r == "*" or tag == r or tag.startswith(r + "-") for r in ranges)


def _compares(v: Node, bound: Literal, test) -> bool:
    """Whether ``test(v, bound)`` holds; a value that cannot be compared breaks the bound."""
    if not isinstance(v, Literal) or isinstance(v.value, str) != isinstance(bound.value, str):
        return False
    try:
        return bool(test(*_comparable(v, bound)))
    except TypeError:
        return False


def _text(node: Node) -> bool:
    return isinstance(node, URIRef) or (isinstance(node, Literal) and isinstance(node.value, str))


def _holds(test, a: Node, b: Node) -> bool:
    if _text(a):
        a, b = str(a), str(b)
    else:
        a, b = _comparable(a, b)
    try:
        return bool(test(a, b))
    except TypeError:
        return False


def _comparable(a: Node, b: Node) -> tuple:
    """Two literals' values when rdflib compares literals so (numbers, or the same kind of
    value), else the literals, compared by rdflib (its comparisons are Python calls that
    compare the terms too: ten times slower).

    >>> _comparable(Literal(3), Literal("4.5", datatype=XSD.decimal))
    (3, Decimal('4.5'))
    """
    x, y = getattr(a, "value", None), getattr(b, "value", None)
    if x is None or y is None or type(x) is bool or type(y) is bool:
        return a, b
    if type(x) is type(y) or (isinstance(x, _NUMBERS) and isinstance(y, _NUMBERS)):
        return x, y
    return a, b


def distinct_numbers(numbers: numpy.ndarray) -> numpy.ndarray:
    """The distinct ``numbers`` (none negative), sorted, as ``numpy.unique`` gives them: marked
    in an array as long as the largest when that is not much longer than ``numbers``, which
    takes a pass over each instead of a sort (a shape's values are millions of term numbers
    out of millions).

    >>> distinct_numbers(numpy.array([5, 1, 5, 0, 1], dtype=numpy.int32)).tolist()
    [0, 1, 5]
    >>> distinct_numbers(numpy.array([], dtype=numpy.int32)).tolist()
    []
    """
    if len(numbers) < 4096 or (largest := int(numbers.max())) > 16 * len(numbers):  # few, or sparse: sorted
        return numpy.unique(numbers)
    seen = numpy.zeros(largest + 1, dtype=bool)
    seen[numbers] = True
    return numpy.flatnonzero(seen)


def _of(member: numpy.ndarray, subjects: array, objects: array) -> tuple[array, array]:
    """The pairs whose subject is a member (:meth:`Data.members`).

    >>> _of(numpy.array([False, True, False, True]), array("i", [1, 2, 3]), array("i", [4, 5, 6]))
    (array('i', [1, 3]), array('i', [4, 6]))
    """
    chosen = member[term_numbers(subjects)]
    if chosen.all():
        return subjects, objects
    return number_array(term_numbers(subjects)[chosen]), number_array(term_numbers(objects)[chosen])


def _min_count(n: int) -> Check:
    def check(values, data):
        focus, counts = _counts(values.focus)
        missing = values.nodes - Numbers(focus[counts >= n])  # sorted, each once
        return ((f, None, SH.MinCountConstraintComponent) for f in missing)
    return check


def _max_count(n: int) -> Check:
    def check(values, data):
        if len(values.focus) <= n:
            return ()
        focus, counts = _counts(values.focus)
        return ((f, None, SH.MaxCountConstraintComponent) for f in focus[counts > n].tolist())
    return check


def _counts(focus: array) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Each focus node of the pairs, once, and how many values it has.

    >>> [a.tolist() for a in _counts(array("i", [7, 3, 7]))]
    [[3, 7], [1, 2]]
    """
    return numpy.unique(term_numbers(focus), return_counts=True)


def _has_value(x: Node) -> Check:
    def check(values, data):
        n = data.number(x)
        having = set(compress(values.focus, map(n.__eq__, values.value))) if n is not None else set()
        return ((f, None, SH.HasValueConstraintComponent) for f in values.nodes - having)
    return check


def _unique_lang(values, data):
    tags = {}
    for v in values.distinct:
        term = data.term(v)
        if isinstance(term, Literal) and term.language:
            tags[v] = term.language.lower()
    counts = Counter((f, tags[v]) for f, v in values.having(set(tags)))
    return [(f, None, SH.UniqueLangConstraintComponent) for (f, _), n in counts.items() if n > 1]


def _pair(other: URIRef, test, component: URIRef) -> Check:
    """sh:lessThan(OrEquals): each value against each of the focus node's values of ``other``
    (``test`` is ``operator.lt`` or ``operator.le``)."""
    def check(values, data):
        member = data.members(values.nodes)
        subjects, objects = _of(member, *data.pairs(other))
        compared, against = term_numbers(subjects), term_numbers(objects)
        terms = distinct_numbers(numpy.concatenate((term_numbers(values.value), against))).tolist()
        plain = [_plain(data.term(v)) for v in terms]
        kinds = {found[0] if found else None for found in plain}
        if len(distinct_numbers(compared)) == len(compared) and len(kinds) == 1 and None not in kinds:
            # One each to compare with, of one kind: each term ranked by its value, and the
            # ranks of every pair compared at once. A tuple and a dict entry for each of the
            # 2.6 million mentions' offsets at 10,000 articles made the check's height (3,850
            # MB; 3,508 MB so).
            ranks = {value: n for n, value in enumerate(sorted({value for _, value in plain}))}
            rank, other_of = (numpy.full(len(member), -1, dtype=numpy.int32) for _ in range(2))
            rank[terms] = [ranks[value] for _, value in plain]
            other_of[compared] = against
            focus, value = term_numbers(values.focus), term_numbers(values.value)
            paired = other_of[focus] >= 0
            focus, value = focus[paired], value[paired]
            broken = numpy.flatnonzero(~test(rank[value], rank[other_of[focus]]))
            return ((f, v, component) for f, v in zip(focus[broken].tolist(), value[broken].tolist()))
        return _pairs_compared(values, data, subjects, objects, test, component)
    return check


def _pairs_compared(values, data, subjects, objects, test, component) -> Iterator[tuple]:
    """sh:lessThan(OrEquals) on terms, each value with each of the focus node's others."""
    compared: dict = {}
    for s, o in zip(subjects, objects):
        compared.setdefault(s, []).append(o)
    for f, v in zip(values.focus, values.value):
        a = data.term(v)
        for o in compared.get(f, ()):
            b = data.term(o)
            if _text(a) != _text(b) or not _holds(test, a, b):
                yield f, v, component


def _plain(term: Node) -> tuple | None:
    """A literal's kind and value when it compares as a plain value: a number (not a
    boolean) or a date, else None.

    >>> _plain(Literal(3)), _plain(Literal(True)), _plain(Literal("3"))
    (('number', 3), None, None)
    """
    value = getattr(term, "value", None)
    kind = type(value)
    if kind in (int, float, Decimal):
        return "number", value
    return (kind, value) if kind is date else None


def _fitting_none(options: list, nodes: Set, data: Data) -> Set:
    """sh:or: the nodes that conform to none of ``options``."""
    for shape in options:
        if not nodes:
            break
        nodes = nodes - shape.conforming(nodes, data)
    return nodes


def _not_fitting_all(parts: list, nodes: Set, data: Data) -> Set:
    """sh:and: the nodes that do not conform to every one of ``parts``."""
    fitting = nodes
    for shape in parts:
        fitting = shape.conforming(fitting, data) if fitting else fitting
    return nodes - fitting


def _qualified(shape: Shape, least, most) -> Check:
    def check(values, data):
        fitting = shape.conforming(values.distinct, data)
        counts = Counter(compress(values.focus, Numbers.of(fitting).among(values.value)))
        for f in values.nodes:
            if least is not None and counts[f] < int(least):
                yield f, None, SH.QualifiedMinCountConstraintComponent
            if most is not None and counts[f] > int(most):
                yield f, None, SH.QualifiedMaxCountConstraintComponent
    return check


def _flags(text: str) -> int:
    return (re.IGNORECASE if "i" in text else 0) | (re.MULTILINE if "m" in text else 0) | \
        (re.DOTALL if "s" in text else 0) | (re.VERBOSE if "x" in text else 0)
