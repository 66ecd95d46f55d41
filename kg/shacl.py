"""SHACL Core checked in Python over a graph held in memory: the constraints ``ontology/shapes.ttl``
uses, read from any shapes graph.

pyshacl builds a constraint object again for every node a nested shape (``sh:node``,
``sh:or``) checks, and reads the data through rdflib's context-aware store: a 1,000-article
build spent 220 s of its 255 s there. Here each shape is read once into checks, and the data
is read through a subject index (:meth:`kg.quads.TripleIndex.by_subject`): the same results
(focus node, path, value, shape, constraint component) in seconds. ``tests/test_validate.py``
holds them to pyshacl's on broken graphs.

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
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Callable, Iterable, Iterator

from rdflib import RDF, RDFS, SH, XSD, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from .quads import Columns

#: A check of a focus node's values (given the data): for each value that breaks it, the value
#: (None for a count) and the constraint component.
Check = Callable[[Node, list, "Data"], Iterable[tuple]]

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
_NOTHING: dict = {}
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
    """The graph checked, read by its subject index (a graph over a :class:`kg.quads.TripleIndex`,
    as :func:`kg.formats.merged` gives), and a second small graph (the ontology)."""

    def __init__(self, graph: Graph, extra: Graph | None = None):
        self.index = graph.store.by_subject()
        self.extra: dict = {}
        for s, p, o in extra if extra is not None else ():
            self.extra.setdefault(s, {}).setdefault(p, []).append(o)
        listed = self.index.list
        numbers = set(listed.predicates) if isinstance(listed, Columns) else None
        self._predicates = ({listed.terms[n]: listed.terms[n] for n in numbers} if numbers is not None
                            else {t[1]: t[1] for t in listed})
        self._own: dict = {}
        self._inverse: dict = {}
        self._instances: dict = {}
        self._subclasses: dict | None = None

    def about(self, s: Node) -> tuple[dict, dict]:
        """What the graph says of ``s``: its triples by predicate, and the extra graph's objects."""
        return self.index.get(s) or _NOTHING, self.extra.get(s) or _NOTHING

    def values(self, s: Node, p: URIRef, about: tuple[dict, dict] | None = None) -> list:
        """The objects of ``s`` for ``p``, each once (from ``about``, when given, instead of the index)."""
        by_p, more = self.about(s) if about is None else about
        own = self._own.get(p)  # the graph's own object for p: looked up by identity, not rdflib's ==
        if own is None:
            own = self._own[p] = self._predicates.get(p, p)
        found = [t[2] for t in by_p.get(own, ())]
        if more and p in more:
            return list(dict.fromkeys(found + more[p]))
        return found

    def predicates(self, s: Node) -> dict:
        """``{predicate: [objects]}`` of ``s``."""
        by_p, more = self.about(s)
        found = {p: [t[2] for t in ts] for p, ts in by_p.items()}
        for p, objects in more.items():
            found[p] = list(dict.fromkeys(found.get(p, []) + objects))
        return found

    def subjects(self, p: URIRef, o: Node) -> list:
        """The subjects with ``o`` for ``p``."""
        by_object = self._inverse.get(p)
        if by_object is None:
            by_object = {k: [t[0] for t in ts] for k, ts in self.index.by_object(p).items()}
            for s, by_p in self.extra.items():
                for k in by_p.get(p, ()):
                    by_object.setdefault(k, []).append(s)
            self._inverse[p] = by_object
        return list(dict.fromkeys(by_object.get(o, ())))

    def subclasses(self, c: URIRef) -> set:
        """``c`` and every class below it by ``rdfs:subClassOf``."""
        if self._subclasses is None:
            below: dict = {}
            for k in self._objects_of(RDFS.subClassOf):
                for s in self.subjects(RDFS.subClassOf, k):
                    below.setdefault(k, set()).add(s)
            self._subclasses = below
        found, todo = {c}, [c]
        while todo:
            for s in self._subclasses.get(todo.pop(), ()):
                if s not in found:
                    found.add(s)
                    todo.append(s)
        return found

    def instances(self, c: URIRef) -> set:
        """The nodes typed ``c`` or a subclass of it."""
        found = self._instances.get(c)
        if found is None:
            found = self._instances[c] = {s for k in self.subclasses(c) for s in self.subjects(RDF.type, k)}
        return found

    def subjects_of(self, p: URIRef) -> set:
        """The nodes with a value for ``p``."""
        return {s for k in self._objects_of(p) for s in self.subjects(p, k)}

    def _objects_of(self, p: URIRef) -> list:
        self.subjects(p, None)  # makes the index of p
        return list(self._inverse[p])


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

    def check(self, graph: Graph, extra: Graph | None = None) -> list[Violation]:
        """Every result of every targeted shape on ``graph`` (a :func:`kg.formats.merged` graph),
        with ``extra``'s triples added."""
        data = Data(graph, extra)
        shapes: dict = {}  # focus node: its shapes
        for shape in self.targeted:
            for focus in shape.focus_nodes(data):
                shapes.setdefault(focus, []).append(shape)
        found: list[Violation] = []
        # In the graph's order, each node's shapes one after the other: its triples are read once.
        for focus in [s for s in data.index if s in shapes] + [s for s in shapes if s not in data.index]:
            for shape in shapes[focus]:
                shape.results(focus, data, found)
        return found


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

    def focus_nodes(self, data: Data) -> set:
        found: set = set()
        for c in self.classes:
            found |= data.instances(c)
        for p in self.subjects_of:
            found |= data.subjects_of(p)
        return found

    def value_nodes(self, focus: Node, data: Data, about: tuple | None = None) -> list:
        if self.predicate is None:
            return [focus]
        if self.inverse:
            return data.subjects(self.predicate, focus)
        return data.values(focus, self.predicate, about)

    def results(self, focus: Node, data: Data, found: list | None = None) -> list[Violation]:
        """The results of this shape on ``focus``, its property shapes' included (added to ``found``)."""
        found = [] if found is None else found
        self._results(focus, self.value_nodes(focus, data), data, found)
        return found

    def _results(self, focus: Node, values: list, data: Data, found: list) -> None:
        for check in self.checks:
            for value, component in check(focus, values, data):
                found.append(Violation(focus, self.path, value, self.node, component, self.severity))
        if self.allowed is not None:
            for p, objects in data.predicates(focus).items():
                allowed = self._allows.get(p)  # by the graph's own objects: by identity
                if allowed is None:
                    allowed = self._allows[p] = p in self.allowed
                if not allowed:
                    found.extend(Violation(focus, p, o, self.node, SH.ClosedConstraintComponent, self.severity)
                                 for o in objects)
        if self.properties:
            for value in values:
                about = data.about(value)  # read once for all the property shapes
                for shape in self.properties:
                    shape._results(value, shape.value_nodes(value, data, about), data, found)

    def conforms(self, focus: Node, data: Data) -> bool:
        return not self.results(focus, data)

    def _read_checks(self, g: Graph) -> Iterator[Check]:
        """A check for each constraint parameter of this shape, its values read once."""
        node, shapes = self.node, self.shapes

        def each(test, component):  # a check of each value on its own
            def check(focus, values, data):
                return [(v, component) for v in values if not test(v, data)]
            return check

        def count(test, component):  # a check of the values together
            def check(focus, values, data):
                return [(None, component)] if not test(values, data) else []
            return check

        for n in g.objects(node, SH.minCount):
            yield count(lambda vs, d, n=int(n): len(vs) >= n, SH.MinCountConstraintComponent)
        for n in g.objects(node, SH.maxCount):
            yield count(lambda vs, d, n=int(n): len(vs) <= n, SH.MaxCountConstraintComponent)
        for dt in g.objects(node, SH.datatype):
            yield each(lambda v, d, test=_datatype(dt): test(v), SH.DatatypeConstraintComponent)
        for c in g.objects(node, SH["class"]):
            yield each(lambda v, d, c=c: v in d.instances(c), SH.ClassConstraintComponent)
        for kind in g.objects(node, SH.nodeKind):
            yield each(lambda v, d, ks=_NODE_KINDS[kind]: isinstance(v, ks), SH.NodeKindConstraintComponent)
        for pattern in g.objects(node, SH.pattern):
            flags = g.value(node, SH.flags)
            regex = re.compile(str(pattern), _flags(str(flags or "")))
            yield each(lambda v, d, r=regex: not isinstance(v, BNode) and r.search(str(v)) is not None,
                       SH.PatternConstraintComponent)
        for n in g.objects(node, SH.minLength):
            yield each(lambda v, d, n=int(n): not isinstance(v, BNode) and len(str(v)) >= n,
                       SH.MinLengthConstraintComponent)
        for members in g.objects(node, SH["in"]):  # a set: a Literal's hash agrees with its ==
            yield each(lambda v, d, ms=set(Collection(g, members)): v in ms, SH.InConstraintComponent)
        for ranges in g.objects(node, SH.languageIn):
            yield each(lambda v, d, rs=[str(r).lower() for r in Collection(g, ranges)]: _lang_in(v, rs),
                       SH.LanguageInConstraintComponent)
        for x in g.objects(node, SH.hasValue):
            yield count(lambda vs, d, x=x: x in vs, SH.HasValueConstraintComponent)
        if g.value(node, SH.uniqueLang) == Literal(True):
            yield _unique_lang
        for m in g.objects(node, SH.minInclusive):
            yield each(lambda v, d, m=m: _compares(v, m, lambda a, b: a >= b), SH.MinInclusiveConstraintComponent)
        for m in g.objects(node, SH.maxInclusive):
            yield each(lambda v, d, m=m: _compares(v, m, lambda a, b: a <= b), SH.MaxInclusiveConstraintComponent)
        for p in g.objects(node, SH.lessThan):
            yield _pair(p, lambda a, b: a < b, SH.LessThanConstraintComponent)
        for p in g.objects(node, SH.lessThanOrEquals):
            yield _pair(p, lambda a, b: a <= b, SH.LessThanOrEqualsConstraintComponent)
        for other in g.objects(node, SH.node):
            yield each(lambda v, d, s=shapes.shape(other): s.conforms(v, d), SH.NodeConstraintComponent)
        for members in g.objects(node, SH["or"]):
            options = [shapes.shape(m) for m in Collection(g, members)]
            yield each(lambda v, d, ss=options: any(s.conforms(v, d) for s in ss), SH.OrConstraintComponent)
        for members in g.objects(node, SH["and"]):
            parts = [shapes.shape(m) for m in Collection(g, members)]
            yield each(lambda v, d, ss=parts: all(s.conforms(v, d) for s in ss), SH.AndConstraintComponent)
        for other in g.objects(node, SH["not"]):
            yield each(lambda v, d, s=shapes.shape(other): not s.conforms(v, d), SH.NotConstraintComponent)
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


def _unique_lang(focus, values, data):
    seen: dict = {}
    for v in values:
        if isinstance(v, Literal) and v.language:
            tag = v.language.lower()
            seen[tag] = seen.get(tag, 0) + 1
    return [(None, SH.UniqueLangConstraintComponent) for n in seen.values() if n > 1]


def _pair(other: URIRef, test, component: URIRef) -> Check:
    """sh:lessThan(OrEquals): each value against each of the focus node's values of ``other``."""
    def check(focus, values, data):
        compared = data.values(focus, other)
        for v in values:
            for o in compared:
                if _text(v) != _text(o) or not _holds(test, v, o):
                    yield v, component
    return check


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


def _qualified(shape: Shape, least, most) -> Check:
    def check(focus, values, data):
        n = sum(1 for v in values if shape.conforms(v, data))
        if least is not None and n < int(least):
            yield None, SH.QualifiedMinCountConstraintComponent
        if most is not None and n > int(most):
            yield None, SH.QualifiedMaxCountConstraintComponent
    return check


def _flags(text: str) -> int:
    return (re.IGNORECASE if "i" in text else 0) | (re.MULTILINE if "m" in text else 0) | \
        (re.DOTALL if "s" in text else 0) | (re.VERBOSE if "x" in text else 0)
