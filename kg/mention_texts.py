"""A mention's text in each graph file, written from the layout every mention shares.

Half of an article graph's triples are its mentions' (258 mentions of six triples each, in
an article of about 3,300, over the generated corpus). Every mention has the same
properties, each with a value of the same kind (:func:`kg.rdf.mention_triples`), so how
they are ordered, named and keyed is found once, from two sample mentions (and what they
have alike, written once), and each mention's block, lines and node are made from its
triples in their order: not indexed by subject and property, sorted and looked up again,
as any other subject's are. The texts are the same as :mod:`kg.formats` writes for a
mention's triples (``tests/test_mention_texts.py`` holds them to it).

>>> from rdflib import XSD, URIRef
>>> from kg.vocab import NIF
>>> from kg.formats import Compactor, context, nquads_namer, trig_namer
>>> from kg.rdf import mention_triples
>>> texts = MentionTexts(trig_namer([("nif", str(NIF)), ("xsd", str(XSD))]), nquads_namer(),
...                      Compactor(context()["@context"]))
>>> m = mention_triples(URIRef("https://w3id.org/kg-news/id/article/a#char=0,3"), 0, 3, "Kim",
...                     URIRef("https://w3id.org/kg-news/id/article/a"))
>>> head, parts = texts.turtle(m)
>>> print(head, " ;\\n    ".join(parts))
<https://w3id.org/kg-news/id/article/a#char=0,3> a nif:OffsetBasedString, nif:String ;
    nif:anchorOf "Kim" ;
    nif:beginIndex "0"^^xsd:nonNegativeInteger ;
    nif:endIndex "3"^^xsd:nonNegativeInteger ;
    nif:referenceContext <https://w3id.org/kg-news/id/article/a>
>>> texts.node(m)
{'@id': 'article/a#char=0,3', '@type': ['OffsetBasedString', 'String'], 'anchorOf': 'Kim', 'beginIndex': '0', 'endIndex': '3', 'referenceContext': 'article/a'}
>>> print(texts.nquads(m, " <urn:g> .\\n")[4], end="")
<https://w3id.org/kg-news/id/article/a#char=0,3> <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf> "Kim" <urn:g> .
"""
from __future__ import annotations

from typing import Callable

from rdflib import RDF, URIRef

from .formats import Compactor, _json_order, _type_first
from .rdf import mention_triples

# Two mentions alike in nothing but their layout: a value the same in both is every mention's.
_SAMPLES = (mention_triples(URIRef("urn:kg:m1"), 0, 1, "a", URIRef("urn:kg:a1")),
            mention_triples(URIRef("urn:kg:m2"), 2, 4, "b c", URIRef("urn:kg:a2")))


class MentionTexts:
    """A mention's Turtle block (:meth:`turtle`), N-Quads lines (:meth:`nquads`) and
    JSON-LD node (:meth:`node`), by the writers' namers ``name`` (Turtle and TriG),
    ``term`` (N-Quads) and ``compactor`` (JSON-LD), from the mention's triples as
    :func:`kg.rdf.mention_triples` gives them. What every mention has alike (its types)
    is written once."""

    def __init__(self, name: Callable, term: Callable, compactor: Compactor):
        self.name, self.term, self.ref = name, term, compactor.ref
        sample, other = _SAMPLES
        fixed = [a[2] == b[2] for a, b in zip(sample, other)]  # the same value in every mention
        at: dict = {}  # property -> where its triples are among a mention's
        for n, (_, p, _) in enumerate(sample):
            at.setdefault(p, []).append(n)
        # Turtle: the properties in order, rdf:type first ("a"); the part of one whose
        # values are fixed written whole.
        self._turtle = []
        for p in sorted(at, key=_type_first):
            head = "a" if p == RDF.type else name(p)
            if all(fixed[n] for n in at[p]):
                self._turtle.append((_turtle_part(head, [name(sample[n][2]) for n in at[p]]), None))
            else:
                self._turtle.append((head, at[p]))
        # N-Quads: each line's property and value, the value written when it is fixed.
        self._nquads = [(f" {term(p)} {term(o)}", None) if fixed[n] else (f" {term(p)} ", n)
                        for n, (_, p, o) in enumerate(sample)]
        # JSON-LD: each key, what makes its values and where they are, else its fixed value; @type first.
        keys: dict = {}
        for n, (_, p, o) in enumerate(sample):
            key, value = compactor.rule(p, o)
            keys.setdefault(key, (value, []))[1].append(n)
        self._keys = []
        for key in sorted(keys, key=lambda k: (k != "@type", k)):
            value, where = keys[key]
            if all(fixed[n] for n in where):
                self._keys.append((key, _json_value([value(sample[n][2]) for n in where]), None))
            else:
                self._keys.append((key, value, where))

    def turtle(self, triples: tuple) -> tuple[str, list[str]]:
        """The mention's name and its properties written, as :func:`kg.formats.subject_parts`
        gives them."""
        name = self.name
        return name(triples[0][0]), [
            head if at is None else _turtle_part(head, [name(triples[n][2]) for n in at])
            for head, at in self._turtle]

    def nquads(self, triples: tuple, graph: str) -> list[str]:
        """The mention's N-Quads lines, unsorted, each ending with ``graph`` (`` <g> .\\n``)."""
        term = self.term
        subject = term(triples[0][0])
        return [f"{subject}{middle}{graph}" if n is None else f"{subject}{middle}{term(triples[n][2])}{graph}"
                for middle, n in self._nquads]

    def node(self, triples: tuple) -> dict:
        """The mention's JSON-LD node, as :meth:`kg.formats.Compactor.node` makes it."""
        node = {"@id": self.ref(triples[0][0])}
        for key, value, at in self._keys:
            node[key] = value if at is None else _json_value([value(triples[n][2]) for n in at])
        return node


def _turtle_part(head: str, names: list[str]) -> str:
    """A property's part of a Turtle block, ``p o1, o2``, its values' ``names`` sorted."""
    return f"{head} {names[0]}" if len(names) == 1 else f"{head} " + ", ".join(sorted(set(names)))


def _json_value(values: list):
    """A key's value in a JSON-LD node: its one value, else its values sorted."""
    return values[0] if len(values) == 1 else sorted(values, key=_json_order)
