"""Check a built graph against the SHACL shapes of ``ontology/shapes.ttl``.

:func:`validate` takes an rdflib ``Dataset`` or ``Graph``, or a graph file (the format
follows the suffix), merges its named graphs, adds the ontology and the concept schemes, and
checks the shapes without inference (:mod:`kg.shacl`, which gives pyshacl's results many
times faster). With the ontology added, ``sh:targetClass`` follows ``rdfs:subClassOf`` (a
statement is an event) and scheme membership resolves.

>>> from rdflib import Graph
>>> data = '''
... @prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
... @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
... <https://w3id.org/kg-news/id/article/a/time/0-9> a sem:Time ;
...     sem:hasEarliestBeginTimeStamp "2024-11-05"^^xsd:date ;
...     sem:hasLatestEndTimeStamp "2024-11-03"^^xsd:date .
... '''
>>> report = validate(Graph().parse(data=data, format="turtle"))
>>> report.conforms
False
>>> print("\\n".join(line for line in report.lines if "before" in line))
article/a/time/0-9: sem:hasLatestEndTimeStamp 2024-11-03 is before sem:hasEarliestBeginTimeStamp 2024-11-05
>>> print(report.lines[0])
article/a/time/0-9: no kgo:anchorType
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

from rdflib import OWL, RDF, RDFS, SH, SKOS, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import NamespaceManager
from rdflib.term import Node

from .formats import by_predicate, merged, read_quads
from .mentions import TRIPLES_EACH, mention_triples
from .quads import TripleIndex
from .shacl import Shapes, Violation
from .vocab import KGR, PREFIXES

KGS = Namespace("https://w3id.org/kg-news/shapes#")
ONTOLOGY_DIR = Path(__file__).resolve().parent / "ontology"
SHAPES = ONTOLOGY_DIR / "shapes.ttl"
ONTOLOGY = (ONTOLOGY_DIR / "kg.ttl", ONTOLOGY_DIR / "vocab.ttl")
# One line per result: "{focus}: " and the template of its constraint component. The fields
# are the result's path and value, the shape's parameter of the same name (sh:maxCount ...),
# {fewer}: "no", or "fewer than N" when the shape wants N of them (sh:minCount above one),
# {other}: the focus node's values of the property a value is compared with, and {before} and
# {after}: how to compare, in words (dates and offsets are before or after, numbers less or
# greater).
TEMPLATES = {
    "MinCountConstraintComponent": "{fewer} {path}",
    "MaxCountConstraintComponent": "more than {maxCount} {path}",
    "DatatypeConstraintComponent": "{path} {typed} is not a valid {datatype}",
    "ClassConstraintComponent": "{path} {value} is not a {class}",
    "NodeConstraintComponent": "{path} {value} is not {node}",
    "InConstraintComponent": "{path} {value} is not one of {in}",
    "PatternConstraintComponent": "{path} {value} does not match {pattern}",
    "NodeKindConstraintComponent": "{path} {value} is not an {nodeKind}",
    "HasValueConstraintComponent": "no {path} {hasValue}",
    "LessThanConstraintComponent": "{lessThan} {other} is not {after} {path} {value}",
    "LessThanOrEqualsConstraintComponent": "{lessThanOrEquals} {other} is {before} {path} {value}",
    "ClosedConstraintComponent": "unexpected {path} {value}",
    "UniqueLangConstraintComponent": "more than one {path} in the same language",
    "MinLengthConstraintComponent": "{path} {value} is shorter than {minLength}",
    "LanguageInConstraintComponent": "{path} {value} is not in {languageIn}",
    "MinInclusiveConstraintComponent": "{path} {value} is less than {minInclusive}",
    "MaxInclusiveConstraintComponent": "{path} {value} is greater than {maxInclusive}",
    "QualifiedMinCountConstraintComponent": "fewer than {qualifiedMinCount} {path} of the qualified shape",
    "OrConstraintComponent": "{path} {value} fits none of the shapes of sh:or",
    "AndConstraintComponent": "{path} {value} does not fit every shape of sh:and",
    "NotConstraintComponent": "{path} {value} fits the shape of sh:not",
}
# Shapes with an sh:message say what is wrong in words: "{path} {value} {message}".
MESSAGE = "{path} {value} {message}"
_SHAPE_PARAMETERS = ("minCount", "maxCount", "datatype", "class", "node", "in", "pattern", "nodeKind",
                     "hasValue", "lessThan", "lessThanOrEquals", "minLength", "languageIn",
                     "minInclusive", "maxInclusive", "qualifiedMinCount")


@dataclass(frozen=True)
class Result:
    """One validation result, and :attr:`text`, its one-line form."""

    focus: Node
    path: Node | None
    value: Node | None
    message: str
    severity: URIRef
    shape: Node
    component: URIRef
    text: str


@dataclass
class Report:
    """Whether the graph conforms, every result, and how many quads were checked."""

    conforms: bool
    results: list[Result]
    quads: int = 0

    @property
    def lines(self) -> list[str]:
        """One line per result."""
        return [r.text for r in self.results]

    @property
    def text(self) -> str:
        """The results, one per line (empty when the graph conforms)."""
        return "\n".join(self.lines)

    @property
    def summary(self) -> str:
        """``conforms: N quads, 0 violations``, or how many violations there are."""
        verdict = "conforms" if self.conforms else "does not conform"
        return f"{verdict}: {self.quads} quads, {len(self.results)} violations"


def validate(data: Graph | str | Path, mentions=None) -> Report:
    """Validate a Dataset, a Graph, or a graph file (``.trig``, ``.nq``, ``.ttl``, ``.nt``,
    ``.jsonld``); a build's union with the ``mentions`` kept apart from it
    (:class:`kg.mentions.Mentions`, numbered in it), as if their triples were in it."""
    quads = read_quads(data) if isinstance(data, (str, Path)) else data
    union = data if isinstance(getattr(data, "store", None), TripleIndex) else merged(quads)
    found = _checker().check(union, extra=_ontology(), mentions=mentions)
    results = sorted((_result(v, union, mentions) for v in found), key=lambda r: (_term(r.focus), r.text))
    apart = 0 if mentions is None else TRIPLES_EACH * len(mentions)
    return Report(not any(r.severity == SH.Violation for r in results), results, _count(quads) + apart)


def _count(data) -> int:
    """How many quads ``data`` has (triples for a plain graph)."""
    if isinstance(data, Dataset):
        return sum(1 for _ in data.quads((None, None, None, None)))
    return len(data)


@cache
def _checker() -> Shapes:
    return Shapes(_shapes())


@cache
def _shapes() -> Graph:
    return Graph().parse(SHAPES, format="turtle")


@cache
def _ontology() -> Graph:
    graph = Graph()
    for path in ONTOLOGY:
        graph.parse(path, format="turtle")
    return graph


@cache
def _names() -> NamespaceManager:
    names = NamespaceManager(Graph(), bind_namespaces="none")
    for prefix, ns in {**PREFIXES, "rdf": RDF, "rdfs": RDFS, "owl": OWL, "skos": SKOS,
                       "xsd": XSD, "sh": SH}.items():
        names.bind(prefix, ns, override=True)
    names.bind("kgs", KGS, override=True)
    return names


def _result(found: Violation, data: Graph, mentions=None) -> Result:
    """A result with its line of text (``mentions``: those kept apart from ``data``)."""
    shapes = _shapes()
    own = shapes.value(found.shape, SH.message)
    wrong = _wrong(found.focus, found.path, found.value, found.shape, found.component, shapes, data, mentions)
    text = f"{_term(found.focus)}: {wrong}"
    if found.severity != SH.Violation:
        text = f"{_local(found.severity).lower()}: {text}"
    return Result(found.focus, found.path, found.value, str(own) if own is not None else wrong,
                  found.severity, found.shape, found.component, text)


def _wrong(focus, path, value, shape, component, shapes: Graph, data: Graph, mentions=None) -> str:
    """What is wrong, in the fewest useful words: a result's line after its focus node."""
    fields = {"path": _term(path), "value": "" if value == focus else _term(value),
              "typed": _term(value, typed=True), "message": _local(component)}
    fields.update({name: _parameter(shapes, shape, name) for name in _SHAPE_PARAMETERS})
    fields.update(_comparison(focus, value, shape, shapes, data, mentions))
    fields["fewer"] = "no" if fields["minCount"] in ("", "1") else f"fewer than {fields['minCount']}"
    template = TEMPLATES.get(_local(component), MESSAGE)
    own = shapes.value(shape, SH.message)
    if own is not None:
        template, fields["message"] = MESSAGE, str(own)
    return " ".join(template.format_map(fields).split())


def _comparison(focus, value, shape, shapes: Graph, data: Graph, mentions=None) -> dict[str, str]:
    """For sh:lessThan(OrEquals): the values compared with, and the words to compare them
    (a mention's kept apart from ``data`` read from its record, in ``mentions``)."""
    compared = shapes.value(shape, SH.lessThanOrEquals) or shapes.value(shape, SH.lessThan)
    others = sorted(data.objects(focus, compared)) if compared is not None else []
    record = None if others or compared is None or mentions is None else \
        mentions.record(focus, by_predicate(data).number(focus))
    if record is not None:
        others = sorted(o for _, p, o in mention_triples(*record) if p == compared)
    number = any(isinstance(v, Literal) and isinstance(v.value, (int, float, Decimal))
                 for v in [value, *others])
    return {"other": ", ".join(_term(o) for o in others),
            "before": "less than" if number else "before", "after": "greater than" if number else "after"}


def _parameter(shapes: Graph, shape: Node, name: str) -> str:
    """A parameter of a shape as text: a list joined, a node shape by its label."""
    values = list(shapes.objects(shape, SH[name]))
    if name in ("in", "languageIn") and values:
        return ", ".join(_term(v) for v in Collection(shapes, values[0]))
    if name == "pattern" and values:
        return f"/{values[0]}/"
    if name == "node" and values:
        return " and ".join(str(shapes.value(v, RDFS.label) or _term(v)) for v in values)
    return " and ".join(sorted(_term(v) for v in values))


def _term(node: Node | None, typed: bool = False) -> str:
    """A node as short text: kgr: IRIs as their path, others as a CURIE; literals as written."""
    if node is None:
        return ""
    if isinstance(node, Literal):
        if node.datatype in (None, XSD.string) or node.language:
            text = json.dumps(str(node), ensure_ascii=False)
            return f"{text}@{node.language}" if node.language and typed else text
        lexical = str(node)
        return f"{json.dumps(lexical)}^^{_term(node.datatype)}" if typed else lexical
    if isinstance(node, URIRef):
        if node.startswith(str(KGR)):
            return node[len(str(KGR)):]
        try:
            return _names().curie(node, generate=False)
        except (KeyError, ValueError):
            return f"<{node}>"
    return node.n3()


def _local(iri: Node | None) -> str:
    """The local name of a SHACL term."""
    return "" if iri is None else str(iri).rsplit("#", 1)[-1]
