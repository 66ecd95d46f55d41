"""A mention's text in each graph file, written from the layout every mention shares.

Half of an article graph's triples are its mentions' (258 mentions of six triples each, in
an article of about 3,300, over the generated corpus). Every mention has the same
properties, each with a value of the same kind (:func:`kg.rdf.mention_triples`), so how
they are ordered, named and keyed is found once, from two sample mentions, and what they
have alike is written once. A mention is then written from what it is made of, its
record ``(IRI, start, end, text, context)`` (the arguments of
:func:`~kg.rdf.mention_triples`): its offsets and text put in their places as they are,
without making its triples' terms and naming each of them, and its context named once
for all the mentions of an article. The texts are the same as :mod:`kg.formats` writes
for a mention's triples (``tests/test_mention_texts.py`` holds them to it).

>>> from rdflib import XSD, URIRef
>>> from kg.vocab import NIF
>>> from kg.formats import Compactor, context, nquads_namer, trig_namer
>>> texts = MentionTexts(trig_namer([("nif", str(NIF)), ("xsd", str(XSD))]), nquads_namer(),
...                      Compactor(context()["@context"]))
>>> m = (URIRef("https://w3id.org/kg-news/id/article/a#char=0,3"), 0, 3, "Kim",
...      URIRef("https://w3id.org/kg-news/id/article/a"))
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

from typing import Any, Callable

from rdflib import RDF, Literal, URIRef
from rdflib.plugins.serializers.nt import _quote_encode as _nquads_quote

from .formats import Compactor, _json_order, _type_first
from .mentions import mention_triples

# Two mentions alike in nothing but their layout: a value the same in both is every
# mention's; any other is one of the record's parts (1: start, 2: end, 3: text, 4: context).
_SAMPLES = ((URIRef("urn:kg:m1"), 11, 22, "a b", URIRef("urn:kg:a1")),
            (URIRef("urn:kg:m2"), 33, 44, "c", URIRef("urn:kg:a2")))
_CONTEXT = 4  # the part of a record every mention of an article has alike


class MentionTexts:
    """A mention's Turtle block (:meth:`turtle`), N-Quads lines (:meth:`nquads`) and
    JSON-LD node (:meth:`node`), by the writers' namers ``name`` (Turtle and TriG),
    ``term`` (N-Quads) and ``compactor`` (JSON-LD), from the mention's record
    ``(IRI, start, end, text, context)``. What every mention has alike (its types) is
    written once, its context once an article."""

    def __init__(self, name: Callable, term: Callable, compactor: Compactor):
        self.name, self.term, self.ref = name, term, compactor.ref
        samples = [mention_triples(*record) for record in _SAMPLES]
        sample = samples[0]
        # Where each triple's object comes from: None (the same in every mention), else
        # the part of the record it is made of.
        part = [_part_of([triples[n][2] for triples in samples]) for n in range(len(sample))]
        # How a part is written in each format, found from the first sample's terms.
        self._formats = {part[n]: _Written(name, term, compactor, p, o)
                         for n, (_, p, o) in enumerate(sample) if part[n] is not None}
        if sorted(self._formats) != list(range(1, len(_SAMPLES[0]))):
            raise ValueError("a mention's triples are not made of every part of its record, each once")
        # Each format's writers of the parts between the IRI and the context, in order.
        self._writes = [[self._formats[n].write[k] for n in range(1, _CONTEXT)] for k in range(3)]
        at: dict = {}  # property -> where its triples are among a mention's
        for n, (_, p, _) in enumerate(sample):
            at.setdefault(p, []).append(n)
        # Turtle: the properties in order, rdf:type first ("a"), each as its written head
        # and the part of the record its one value is made of; a fixed one written whole.
        self._turtle: list[tuple[str, int | None]] = []
        for p in sorted(at, key=_type_first):
            head = "a" if p == RDF.type else name(p)
            if all(part[n] is None for n in at[p]):
                self._turtle.append((_turtle_part(head, [name(sample[n][2]) for n in at[p]]), None))
            else:
                self._turtle.append((f"{head} ", _one(part, at[p], p)))
        # N-Quads: each line's property and value, the value written when it is fixed.
        self._nquads = [(f" {term(p)} {term(o)}", None) if part[n] is None else (f" {term(p)} ", part[n])
                        for n, (_, p, o) in enumerate(sample)]
        # JSON-LD: each key, and its fixed value or the part of the record it is made of; @type first.
        keys: dict = {}
        for n, (_, p, o) in enumerate(sample):
            keys.setdefault(compactor.rule(p, o)[0], []).append(n)
        self._keys: list[tuple[str, Any, int | None]] = []
        for key in sorted(keys, key=lambda k: (k != "@type", k)):
            where = keys[key]
            if all(part[n] is None for n in where):
                rule = compactor.rule(sample[where[0]][1], sample[where[0]][2])[1]
                self._keys.append((key, _json_value([rule(sample[n][2]) for n in where]), None))
            else:
                self._keys.append((key, None, _one(part, where, key)))
        self._context: Any = None  # the last context, and its part written in each format
        self._context_texts: tuple = ()

    def turtle(self, record: tuple) -> tuple[str, list[str]]:
        """The mention's name and its properties written, as :func:`kg.formats.subject_parts`
        gives them."""
        values = self._values(record, 0)
        return values[0], [head if n is None else head + values[n] for head, n in self._turtle]

    def nquads(self, record: tuple, graph: str) -> list[str]:
        """The mention's N-Quads lines, unsorted, each ending with ``graph`` (`` <g> .\\n``)."""
        values = self._values(record, 1)
        subject = values[0]
        return [f"{subject}{middle}{graph}" if n is None else f"{subject}{middle}{values[n]}{graph}"
                for middle, n in self._nquads]

    def node(self, record: tuple) -> dict:
        """The mention's JSON-LD node, as :meth:`kg.formats.Compactor.node` makes it."""
        values = self._values(record, 2)
        node = {"@id": values[0]}
        for key, value, n in self._keys:
            node[key] = value if n is None else values[n]
        return node

    def _values(self, record: tuple, k: int) -> list:
        """The parts of ``record`` written in format ``k`` (0 Turtle, 1 N-Quads, 2 JSON-LD),
        its IRI (0) too."""
        if record[_CONTEXT] is not self._context:  # a new article: its context named once
            self._new_context(record)
        iri, subject = record[0], self._subjects[k]
        start, end, text = self._writes[k]
        return [subject(iri) if subject else self._iri_names[k] + iri[self._cut:] + self._ends[k],
                start(record[1]), end(record[2]), text(record[3]), self._context_texts[k]]

    def _new_context(self, record: tuple) -> None:
        """The context of ``record`` named in each format, once for all the mentions of its
        article, and how their IRIs (the context's own and a fragment, ``#char=0,3``) are
        named: as the context is, with the fragment put in before a closing ``>``, when
        the first mention is named so (then the namers are not asked again). It holds for
        every mention of the article when it holds for one: a namer names such an IRI
        otherwise only when a prefix names it, and a prefixed name's local part can hold
        no ``=`` or ``,``, nor begin with a digit."""
        context = self._context = record[_CONTEXT]
        self._context_texts = self._formats[_CONTEXT].all(context)
        iri, whole = str(record[0]), str(context)
        fragment = iri[len(whole):] if iri.startswith(whole + "#") else None
        self._cut = len(whole)
        self._subjects, self._iri_names, self._ends = [], [], []
        for write in (self.name, self.term, self.ref):
            named = write(context)
            head, end = (named[:-1], ">") if named.endswith(">") else (named, "")
            fast = fragment is not None and write(record[0]) == head + fragment + end
            self._subjects.append(None if fast else write)
            self._iri_names.append(head)
            self._ends.append(end)


class _Written:
    """How one part of a mention's record is written as the object of property ``p`` in
    each format, ``write = (turtle, nquads, json)``, found from the term ``o`` a sample
    made of it: an IRI by the namers, a literal from its lexical form (the part as a
    string) quoted as the writers quote it, then what follows the quotes (a datatype)."""

    def __init__(self, name: Callable, term: Callable, compactor: Compactor, p, o):
        if isinstance(o, URIRef):
            rule = compactor.rule(p, o)[1]
            self.write = (name, term, rule)
            return
        lexical = str(o)
        turtle_tail = name(o)[len(Literal._quote_encode(lexical)):]  # rdflib's quoting, as kg.formats' namer
        nquads_tail = term(o)[len(_nquads_quote(lexical)):]
        value = compactor.rule(p, o)[1](o)
        if value == lexical:
            json = str
        elif isinstance(value, dict) and value.get("@value") == lexical:
            json = lambda text: {**value, "@value": text}  # noqa: E731
        else:
            raise ValueError(f"a mention's {p} is written in JSON-LD as {value!r}: not from its lexical form")
        if type(o.toPython()) is int:  # digits: nothing to quote but the quotes
            self.write = (lambda v: f'"{v}"{turtle_tail}', lambda v: f'"{v}"{nquads_tail}', lambda v: json(str(v)))
        else:
            self.write = (lambda v: Literal._quote_encode(str(v)) + turtle_tail,
                          lambda v: _nquads_quote(str(v)) + nquads_tail, lambda v: json(str(v)))

    def all(self, value) -> tuple:
        """``value`` written in each format."""
        return tuple(write(value) for write in self.write)


def _part_of(objects: list) -> int | None:
    """The part of the samples' records that each of ``objects`` (one a sample) was made of
    (1 to 4), or None when they are all the same: a value every mention has."""
    if all(o == objects[0] for o in objects):
        return None
    for n in range(1, len(_SAMPLES[0])):
        if all(o == record[n] if isinstance(o, URIRef) else isinstance(o, Literal) and str(o) == str(record[n])
               for o, record in zip(objects, _SAMPLES)):
            return n
    raise ValueError(f"a mention's value {objects[0]!r} is made of none of its record's parts")


def _one(part: list, where: list[int], name) -> int:
    """The part of the record the one value of a property (at ``where``) is made of."""
    if len(where) != 1:
        raise ValueError(f"a mention's {name} has several values, not all fixed: not written from its layout")
    return part[where[0]]


def _turtle_part(head: str, names: list[str]) -> str:
    """A property's part of a Turtle block, ``p o1, o2``, its values' ``names`` sorted."""
    return f"{head} {names[0]}" if len(names) == 1 else f"{head} " + ", ".join(sorted(set(names)))


def _json_value(values: list):
    """A key's value in a JSON-LD node: its one value, else its values sorted."""
    return values[0] if len(values) == 1 else sorted(values, key=_json_order)
