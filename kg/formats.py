"""The graph in standard formats: TriG, Turtle, N-Quads and JSON-LD, the same bytes every time.

rdflib keeps named graphs and triples in sets, and Python salts string hashes per process,
so whatever walks them in storage order changes from run to run. Here named graphs are
written in IRI order, N-Quads lines are sorted, JSON-LD nodes, keys and values are sorted,
and a blank node is refused (the graph model mints an IRI for every resource; blank node
labels would differ between runs).

The JSON-LD embeds the context of ``ontology/context.jsonld`` (shipped as ``kg/ontology``):
short terms for our classes and properties, typed values coerced, concepts by name and
resources relative to ``@base``, so it reads ``"speaker": "actor/jane-roe"``.

>>> from rdflib import RDF
>>> g = _example()
>>> print(nquads_text(g), end="")  # doctest: +NORMALIZE_WHITESPACE
<https://w3id.org/kg-news/id/article/a/statement/0-4> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>
  <https://w3id.org/kg-news/ontology#Statement> <https://w3id.org/kg-news/id/graph/article/a> .
<https://w3id.org/kg-news/id/article/a/statement/0-4> <https://w3id.org/kg-news/ontology#speaker>
  <https://w3id.org/kg-news/id/actor/jane-roe> <https://w3id.org/kg-news/id/graph/article/a> .
<https://w3id.org/kg-news/id/article/a/statement/0-4> <https://w3id.org/kg-news/ontology#statementKind>
  <https://w3id.org/kg-news/vocab#kind-claim> <https://w3id.org/kg-news/id/graph/article/a> .
"""
from __future__ import annotations

import json
import logging
import re
from collections import defaultdict
from collections.abc import Mapping
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from functools import lru_cache
from itertools import chain, islice
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

import numpy
import orjson
from rdflib import RDF, BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.plugins.serializers.nt import _quoteLiteral

from .errors import InputError, OutputError
from .quads import Columns, PredicateIndex, Quads, SomeSubjects, TripleIndex, Triples

if TYPE_CHECKING:
    from .mentions import Mentions

CONTEXT = "context.jsonld"


def write_graphs(data: Quads | Dataset, folder: str | Path, whole: Graph | None = None,
                 release: bool = False, names: tuple[str, ...] | None = None) -> list[str]:
    """Write every graph file of ``data`` (or those ``names`` of :data:`WRITERS`) into
    ``folder``; the names written, in order. ``whole`` is ``merged(data)`` when the caller
    has it already. The named graphs are written first, then the union; ``release=True``
    empties ``data`` in between, so a build that is done with its named graphs does not
    hold them and the union's writers at once.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     write_graphs(_example(), tmp)
    ['graph.trig', 'graph.nq', 'graph.ttl', 'graph.jsonld']
    """
    quads = as_quads(data)
    refuse_blank_nodes(quads)
    bind_generated_prefixes(quads)
    whole = merged(quads) if whole is None else whole
    for prefix, namespace in quads.namespaces():
        whole.bind(prefix, namespace, override=True, replace=True)
    folder = Path(folder)
    names = tuple(WRITERS) if names is None else names
    for name, (source, writer) in WRITERS.items():
        if source == "merged" and release:
            quads.graphs.clear()
        if name in names:
            with open(folder / name, "w", encoding="utf-8", newline="") as file:
                file.writelines(writer(quads if source == "dataset" else whole))
    return [name for name in WRITERS if name in names]


def as_quads(data: Quads | Dataset) -> Quads:
    """``data`` as :class:`~kg.quads.Quads` (a Dataset's graphs are copied)."""
    return data if isinstance(data, Quads) else Quads.from_dataset(data)


SUFFIXES = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".nt": "nt",
            ".jsonld": "json-ld", ".json": "json-ld"}


def graph_format(path: Path, error: type[Exception] = InputError) -> str:
    """rdflib's name for the format of the graph file ``path`` (by its suffix); ``error``
    when the suffix is not one of ``SUFFIXES`` or the file is missing.

    >>> graph_format(Path("missing.trig"))
    Traceback (most recent call last):
    ...
    kg.errors.InputError: missing.trig: no such graph file
    """
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise error(f"{path}: unknown graph format; use one of {', '.join(SUFFIXES)}")
    if not path.is_file():
        raise error(f"{path}: no such graph file{_written_instead(path)}")
    return fmt


def _written_instead(path: Path) -> str:
    """For a graph file missing from a build's output folder whose build wrote others
    (``kg build --formats``): which, as the end of the message.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = Path(tmp, "graph.nq").write_text(""); _ = Path(tmp, "build.json").write_text('{"outputs": ["graph.nq"]}')
    ...     _written_instead(Path(tmp, "graph.ttl"))
    '; the build there wrote only graph.nq (kg build --formats)'
    """
    try:
        written = json.loads((path.parent / "build.json").read_text(encoding="utf-8"))["outputs"]
    except (OSError, ValueError, KeyError, TypeError):
        return ""
    others = [name for name in GRAPH_FILES if name in written and (path.parent / name).is_file()]
    if path.name not in GRAPH_FILES or not others:
        return ""
    return f"; the build there wrote only {', '.join(others)} (kg build --formats)"


def unparsable(path: Path, fmt: str, err: Exception) -> str:
    """The message for a graph file that does not parse: the file, its format, the parser's
    words on one line (the first 300 characters)."""
    return f"{path}: cannot parse as {fmt}: {' '.join(str(err).split())[:300]}"


def read_graph(path: str | Path, error: type[Exception] = InputError, **dataset) -> Dataset:
    """A graph file (format by suffix, see ``SUFFIXES``) read into a Dataset; ``error`` (an
    :class:`InputError` by default) names a file that is missing, of an unknown kind, or that
    does not parse. ``dataset`` goes to the Dataset (``default_union=True``).

    >>> read_graph("missing.trig")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: missing.trig: no such graph file
    """
    path = Path(path)
    fmt = graph_format(path, error)
    ds = Dataset(**dataset)
    try:
        with _quiet("rdflib.term"):  # an ill-typed literal is for validation to report, not a traceback
            ds.parse(path, format=fmt)
    except Exception as err:  # rdflib's parsers raise many kinds of error
        raise error(unparsable(path, fmt, err)) from err
    return ds


def read_quads(path: str | Path, error: type[Exception] = InputError) -> Quads:
    """A graph file read by Oxigraph's parser into :class:`~kg.quads.Quads` of rdflib terms,
    its prefixes kept: the same triples as :func:`read_graph`, named and checked the same way,
    twenty times faster (a 1,000-article ``graph.trig`` in about 30 s instead of ten minutes),
    for readers that want triples and not rdflib's engine (``merged(read_quads(path))``).

    >>> from kg.query import _EXAMPLE
    >>> quads = read_quads(_EXAMPLE)
    >>> len(quads) == len(read_graph(_EXAMPLE)) > 0
    True
    >>> read_quads("missing.nq")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: missing.nq: no such graph file
    """
    import pyoxigraph as ox

    path = Path(path)
    fmt = graph_format(path, error)
    quads, terms = Quads(), {ox.DefaultGraph(): DATASET_DEFAULT_GRAPH_ID}

    def term(t):
        found = terms.get(t)
        if found is None:
            found = terms[t] = _rdflib_term(t)
        return found

    try:
        parser = ox.parse(path=str(path), format=ox.RdfFormat.from_extension(path.suffix.lower()[1:]))
        with _quiet("rdflib.term"):  # as in read_graph: an ill-typed literal is for validation
            for s, p, o, g in parser:
                quads.graph(term(g)).add((term(s), term(p), term(o)))
    except (OSError, SyntaxError, ValueError) as err:
        raise error(unparsable(path, fmt, err)) from err
    for prefix, namespace in parser.prefixes.items():
        quads.bind(prefix, namespace)
    return quads


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _rdflib_term(term) -> URIRef | Literal | BNode:
    """An Oxigraph term as rdflib's parsers make it (a plain literal has no datatype)."""
    import pyoxigraph as ox

    if type(term) is ox.NamedNode:
        return URIRef(term.value)
    if type(term) is ox.Literal:
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value, datatype=None if datatype == _XSD_STRING else URIRef(datatype))
    if type(term) is ox.BlankNode:
        return BNode(term.value)
    raise ValueError(f"cannot read {term!r} as an RDF 1.1 term")


@contextmanager
def _quiet(logger: str):
    """Silence a logger's warnings for a while."""
    log = logging.getLogger(logger)
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        yield
    finally:
        log.setLevel(level)


def refuse_blank_nodes(data: Quads | Dataset) -> None:
    """Raise :class:`OutputError` if ``data`` holds a blank node (its label would vary by run).

    >>> ds = Dataset(); _ = ds.add((BNode("b1"), RDF.type, RDF.Property))
    >>> refuse_blank_nodes(ds)
    Traceback (most recent call last):
    ...
    kg.errors.OutputError: blank node _:b1 in the graph: every resource needs an IRI (docs/graph-model.md)
    """
    quads = as_quads(data)
    kinds = set(map(type, chain(quads.terms(), quads.graphs)))  # each term's type, told apart in C
    if any(issubclass(kind, BNode) for kind in kinds):
        blank = next(term for term in chain(quads.terms(), quads.graphs) if isinstance(term, BNode))
        raise OutputError(f"blank node {blank.n3()} in the graph: every resource needs an IRI "
                          "(docs/graph-model.md)")


def bind_generated_prefixes(quads: Quads) -> None:
    """Give unbound namespaces of predicates and classes their ``nsN`` prefixes in IRI order.

    The Turtle writers would otherwise number them in the order they meet the triples.

    >>> q = Quads(); g = q.graph(URIRef("urn:g"))
    >>> g.add((URIRef("urn:x"), URIRef("http://b.example/p"), URIRef("urn:y")))
    >>> g.add((URIRef("urn:x"), URIRef("http://a.example/p"), URIRef("urn:y")))
    >>> bind_generated_prefixes(q)
    >>> sorted((p, str(n)) for p, n in q.namespaces() if p.startswith("ns"))
    [('ns1', 'http://a.example/'), ('ns2', 'http://b.example/')]
    """
    terms = set().union(*(g.terms_at(1) | g.terms_at(2, RDF.type) for g in quads.graphs.values()))
    terms = {term for term in terms if isinstance(term, URIRef)}
    scratch = Graph(bind_namespaces="none")
    for prefix, namespace in quads.namespaces():
        scratch.bind(prefix, namespace)
    known = {prefix for prefix, _ in scratch.namespaces()}
    for term in sorted(terms):
        try:
            scratch.namespace_manager.compute_qname(term, generate=True)
        except (ValueError, KeyError):  # no namespace to split off: written as a full IRI
            pass
    for prefix, namespace in scratch.namespaces():
        if prefix not in known:
            quads.bind(prefix, namespace)


def merged(data: Quads | Graph, release: bool = False, apart: Mentions | None = None) -> Graph:
    """All named graphs of ``data`` as one read-only graph, triples in a fixed order, prefixes
    kept (a plain graph gives the same triples): :meth:`kg.quads.Quads.union`; ``release``:
    ``data``'s graphs let go of while it is made, ``apart`` the mentions kept apart from
    them, when it is a :class:`~kg.quads.Quads`.

    Readers that take "the first" value of a property (``Graph.value``) then get the same
    one in every run.

    >>> g = merged(_example())
    >>> [str(p).rsplit("#")[-1] for p, _ in g.predicate_objects(next(g.subjects()))]
    ['type', 'speaker', 'statementKind']
    """
    if isinstance(data, (Quads, Dataset)):
        return as_quads(data).union(release=release, apart=apart)
    quads = Quads()
    for prefix, namespace in data.namespaces():
        quads.bind(prefix, namespace)
    for triple in data:
        quads.graph(DATASET_DEFAULT_GRAPH_ID).add(triple)
    return quads.union()


def trig(data: Quads | Dataset) -> bytes:
    """``data`` as TriG (:func:`trig_parts`), UTF-8.

    >>> print(trig(_example()).decode().splitlines()[-1])
    }
    """
    return "".join(trig_parts(data)).encode("utf-8")


def trig_parts(data: Quads | Dataset) -> Iterator[str]:
    """``data`` as TriG, piece by piece: the named graphs in IRI order, each written as
    :func:`turtle` writes."""
    quads = as_quads(data)
    prefixes, lines = trig_prefixes(quads)
    yield lines
    name = trig_namer(prefixes)
    for iri in graph_order(quads):
        yield from trig_graph(iri, subject_blocks(by_subject(quads.graphs[iri]), name, indent=IN_GRAPH))


def graph_order(quads: Quads) -> list[URIRef]:
    """The IRIs of the graphs of ``quads`` that hold triples, in the order TriG and N-Quads
    write them (by IRI)."""
    return sorted((iri for iri, triples in quads.graphs.items() if triples), key=str)


IN_GRAPH = "    "  # the indent of a named graph's subjects in TriG


def trig_graph(iri: URIRef, blocks: Iterable[str]) -> Iterator[str]:
    """One graph of a TriG file, piece by piece, from its subjects' ``blocks``
    (:func:`subject_blocks`, indented ``IN_GRAPH``).

    >>> s = URIRef("urn:s")
    >>> blocks = subject_blocks(by_subject([(s, RDF.type, s)]), trig_namer([]), indent=IN_GRAPH)
    >>> print("".join(trig_graph(URIRef("urn:g"), blocks)), end="")
    <BLANKLINE>
    <urn:g> {
        <urn:s> a <urn:s> .
    }
    """
    named = iri != DATASET_DEFAULT_GRAPH_ID
    yield f"\n<{iri}> {{\n" if named else "\n"
    yield from blocks
    if named:
        yield "}\n"


def trig_prefixes(data: Quads | Graph) -> tuple[list[tuple[str, str]], str]:
    """The prefixes a TriG or Turtle file of ``data`` names terms with, and its first lines
    that bind them."""
    prefixes = _prefixes(data)
    return prefixes, _prefix_lines(prefixes)


def turtle(graph: Graph) -> bytes:
    """``graph`` as Turtle (:func:`turtle_parts`), UTF-8.

    >>> b"kgo:speaker" in turtle(merged(_example()))
    True
    """
    return "".join(turtle_parts(graph)).encode("utf-8")


def turtle_parts(graph: Graph) -> Iterator[str]:
    """``graph`` as Turtle, piece by piece: subjects, properties and values sorted; a prefixed
    name wherever the local part is a plain name, else the full IRI.

    rdflib's own writer splits every IRI into a namespace and a name and keeps each namespace
    in a trie it scans linearly: with one mention IRI per span that is quadratic, minutes for
    a few thousand articles. This writer is linear.
    """
    prefixes, lines = trig_prefixes(graph)
    yield lines
    yield "\n"
    yield from subject_blocks(by_subject(graph), trig_namer(prefixes))


_PLAIN_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*")


def _prefixes(graph: Graph) -> list[tuple[str, str]]:
    """The graph's prefixes, longest namespace first (the most specific one wins)."""
    return sorted(((p, str(ns)) for p, ns in graph.namespaces() if p), key=lambda x: (-len(x[1]), x[0]))


def _prefix_lines(prefixes: list[tuple[str, str]]) -> str:
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(prefixes))


def by_subject(triples) -> dict:
    """``{subject: {predicate: [triples]}}``: the union's own index when ``triples`` is one."""
    store = getattr(triples, "store", None)
    if isinstance(store, TripleIndex):
        return store.by_subject()
    index: dict = defaultdict(lambda: defaultdict(list))
    for triple in triples:
        index[triple[0]][triple[1]].append(triple)
    return index


def by_some_subjects(graph, subjects: list) -> Mapping:
    """``{subject: {predicate: [triples]}}`` as :func:`by_subject` gives them, for
    ``subjects`` alone (those with triples), in that order, with no index of every subject
    made: a union's read from its columns when asked for (:class:`kg.quads.SomeSubjects`),
    another graph's asked of it, subject by subject.

    >>> g = merged(_example())
    >>> s = next(g.subjects())
    >>> [str(p).rsplit("#")[-1] for p in by_some_subjects(g, [s])[s]]
    ['type', 'speaker', 'statementKind']
    """
    store = getattr(graph, "store", None)
    columns = store.columns if isinstance(store, TripleIndex) else None
    if columns is not None:
        return SomeSubjects(columns, subjects)
    index: dict = {}
    for s in subjects:
        for t in graph.triples((s, None, None)):
            index.setdefault(s, {}).setdefault(t[1], []).append(t)
    return index


def value_of(graph, subject, predicate):
    """``graph.value(subject, predicate)``: a union's read from its index by predicate
    (:func:`by_predicate`, kept once made), with no index of every subject made, another
    graph's asked of it.

    >>> g = merged(_example())
    >>> s = next(g.subjects())
    >>> value_of(g, s, RDF.type) == g.value(s, RDF.type), value_of(g, RDF.type, RDF.type)
    (True, None)
    """
    store = getattr(graph, "store", None)
    if not (isinstance(store, TripleIndex) and store.columns is not None):
        return graph.value(subject, predicate)
    index = store.by_predicate()
    n, p = index.number(subject), index.predicates.get(predicate)
    found = None if n is None or p is None else index.value(p, n)
    return None if found is None else index.terms[found]


def by_predicate(graph) -> PredicateIndex:
    """Each predicate's subjects and objects as arrays of term numbers: the union's own index
    when ``graph`` is one, else that of ``graph`` merged (:func:`merged`).

    >>> index = by_predicate(_example())
    >>> len(index.pairs[index.predicates[RDF.type]][0])
    1
    """
    store = getattr(graph, "store", None)
    if not (isinstance(store, TripleIndex) and store.columns is not None):
        store = merged(graph).store
    return store.by_predicate()


def with_predicates(graph, wanted: Mapping) -> Iterator[tuple]:
    """The triples of ``graph`` whose predicate is one of ``wanted`` and whose object is one
    of those it maps that predicate to (None: any; :func:`kg.query.triples_read`), by
    subject (from the union's own index when ``graph`` is one, in one pass over it).

    >>> [p.fragment for _, p, _ in with_predicates(merged(_example()), {RDF.type: None})]
    ['type']
    >>> list(with_predicates(merged(_example()), {RDF.type: frozenset({RDF.Statement})}))
    []
    """
    columns = _union_columns(graph)
    if columns is not None:  # the union's numbers read in its order: by subject, then predicate
        yield from columns.with_predicates(wanted)
        return
    for by_predicate in by_subject(graph).values():
        for p, triples in by_predicate.items():
            if p in wanted:
                objects = wanted[p]
                yield from triples if objects is None else (t for t in triples if t[2] in objects)


def _union_columns(graph) -> Columns | None:
    """The triples of ``graph`` as numbers when it is the union (:func:`merged`), else None."""
    store = getattr(graph, "store", None)
    return store.columns if isinstance(store, TripleIndex) else None


def trig_namer(prefixes: list[tuple[str, str]]) -> Callable:
    """A term's Turtle name with ``prefixes`` (:func:`trig_prefixes`), the last
    ``NAMES_KEPT`` or so kept (classes, properties and actors recur; a mention IRI is met
    once or twice)."""
    prefixed = _PrefixedNames(prefixes)
    datatypes = _by_identity(lambda term: _name(term, prefixed, None))  # IRIs: no namer asked again
    return _by_identity(lambda term: _name(term, prefixed, datatypes))  # no cycle: freed once dropped


class _PrefixedNames:
    """An IRI's prefixed name: by the first of ``prefixes`` (longest namespace first) whose
    namespace begins the IRI and leaves a plain name, else None.

    A plain name has no ``/`` or ``#``, so a namespace that ends with one of them can only
    be the IRI up to its last one: one lookup, where trying each prefix in turn took twice
    as long (1.04 against 0.45 µs for each of the story's IRIs at 1,000 articles, which
    are mostly named anew: the namers keep the last 65,536 names). The few namespaces that
    end otherwise are tried first, in order: they are longer than that part when they fit.

    >>> names = _PrefixedNames([("exa", "http://e.x/a"), ("ex", "http://e.x/"), ("ey", "http://e.x/")])
    >>> names("http://e.x/ab"), names("http://e.x/b"), names("http://e.x/b/c"), names("http://e.x/a")
    ('exa:b', 'ex:b', None, 'ex:a')
    """

    def __init__(self, prefixes: list[tuple[str, str]]):
        self.by_namespace: dict[str, str] = {}
        for prefix, namespace in prefixes:
            self.by_namespace.setdefault(namespace, prefix)
        self.odd = [(prefix, namespace) for prefix, namespace in prefixes if not namespace.endswith(("/", "#"))]

    def __call__(self, iri: str) -> str | None:
        for prefix, namespace in self.odd:
            if iri.startswith(namespace) and _PLAIN_NAME.fullmatch(iri, len(namespace)):
                return f"{prefix}:{iri[len(namespace):]}"
        cut = max(iri.rfind("/"), iri.rfind("#")) + 1
        prefix = self.by_namespace.get(iri[:cut])
        if prefix is not None and _PLAIN_NAME.fullmatch(iri, cut):
            return f"{prefix}:{iri[cut:]}"
        return None


NAMES_KEPT = 1 << 16  # 1 << 18 held 0.4 GB more in the workers at 10,000 articles, for no gain in time


def _by_identity(make: Callable[[Any], str]) -> Callable[[Any], str]:
    """``make(term)``, the last ``NAMES_KEPT`` or so kept by the term's identity: the build's
    terms are interned (:class:`kg.quads.TermTable`), and looking one up by value would hash
    it, a Python call for an rdflib Literal. Each kept term is held, so its identity is not
    reused by another meanwhile.

    >>> calls = []
    >>> named = _by_identity(lambda t: calls.append(t) or t.upper())
    >>> word = "troops"
    >>> named(word), named(word), calls
    ('TROOPS', 'TROOPS', ['troops'])
    """
    kept: dict[int, tuple] = {}

    def cached(term) -> str:
        found = kept.get(id(term))
        if found is None:
            if len(kept) >= NAMES_KEPT:
                kept.clear()
            found = kept[id(term)] = (term, make(term))
        return found[1]
    return cached


_TYPE = str(RDF.type)


def subject_blocks(by_subject: dict, name: Callable, indent: str = "", first: bool = True) -> Iterator[str]:
    """One block per subject: ``s p o1, o2 ; p2 o3 .``, everything sorted, blocks apart
    (``first=False``: the first one too, as when it follows others).

    >>> from rdflib import RDFS, Literal
    >>> s = URIRef("urn:s")
    >>> by_subject = {s: {RDFS.label: [(s, RDFS.label, Literal("b")), (s, RDFS.label, Literal("a"))],
    ...                   RDF.type: [(s, RDF.type, URIRef("urn:C"))]}}
    >>> print("".join(subject_blocks(by_subject, lambda t: t.n3())), end="")
    <urn:s> a <urn:C> ;
        <http://www.w3.org/2000/01/rdf-schema#label> "a", "b" .
    """
    for n, (_, head, parts) in enumerate(subject_parts(by_subject, name)):
        yield block(head, parts, indent, "\n" if n or not first else "")


def block(head: str, parts: list[str], indent: str = "", lead: str = "") -> str:
    """A subject's block from its name and its properties' parts (:func:`subject_parts`).

    >>> print(block("<urn:s>", ["a <urn:C>", "<urn:p> 1"], indent="  "), end="")
      <urn:s> a <urn:C> ;
          <urn:p> 1 .
    """
    return f"{lead}{indent}{head} " + f" ;\n{indent}    ".join(parts) + " .\n"


def subject_parts(by_subject: dict, name: Callable) -> Iterator[tuple[Any, str, list[str]]]:
    """Each subject by IRI, with its name and its properties written, ``p o1, o2`` each,
    everything sorted: what :func:`block` makes a block of.

    Most properties have one value, written without a set to sort; each property's name
    and place in the order is found once (they are a few dozen, met millions of times).
    """
    order: dict = {}    # property -> its place in the order
    names: dict = {}    # property -> its name ("a" for rdf:type)
    for s in sorted(by_subject, key=str):
        by_p = by_subject[s]
        for p in by_p:
            if p not in order:
                order[p], names[p] = _type_first(p), "a" if str(p) == _TYPE else name(p)
        yield s, name(s), [names[p] + " " + (name(found[0][2]) if len(found := by_p[p]) == 1
                                              else ", ".join(sorted({name(t[2]) for t in found})))
                           for p in (sorted(by_p, key=order.__getitem__) if len(by_p) > 1 else by_p)]


def _type_first(p: URIRef) -> tuple[bool, str]:
    """Properties by IRI, ``rdf:type`` first (compared as strings: rdflib's ``==`` is a Python call)."""
    iri = str(p)
    return iri != _TYPE, iri


def _name(term, prefixed: _PrefixedNames, name: Callable) -> str:
    if isinstance(term, URIRef):
        iri = str(term)
        return prefixed(iri) or f"<{iri}>"
    if isinstance(term, Literal):
        lexical = term._quote_encode()  # the string in quotes, as Literal(str(term)).n3() writes it
        if term.language:
            return f"{lexical}@{term.language}"
        if term.datatype:
            return f"{lexical}^^{name(term.datatype)}"
        return lexical
    raise OutputError(f"cannot write {term!r} as Turtle")


def nquads_text(data: Quads | Dataset) -> str:
    """``data`` as N-Quads (:func:`nquads_parts`).

    >>> nquads_text(_example()).splitlines()[0].split()[1]
    '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>'
    """
    return "".join(nquads_parts(data))


def nquads_parts(data: Quads | Dataset) -> Iterator[str]:
    """``data`` as N-Quads, a graph at a time: graphs in IRI order (as in TriG), each graph's
    lines sorted (by code point, which is UTF-8 order). Only one graph's lines are held at
    once, so the file can be larger than memory would allow as one sorted whole.

    Terms are written as rdflib's N-Quads writer writes them, the recurring ones once.
    """
    term = nquads_namer()
    quads = as_quads(data)
    for iri in graph_order(quads):
        yield from nquads_graph(iri, quads.graphs[iri], term)


def nquads_graph(iri: URIRef, triples: Triples, term: Callable) -> Iterator[str]:
    """The N-Quads lines of one graph, sorted, ``PIECE`` lines to a piece of text; ``term``
    is :func:`nquads_namer`'s. In pieces: the story's lines at 10,000 articles are half a
    gigabyte of text, held twice more when joined and encoded whole. Each term of the
    graph is named once, by its number, and the triples are sorted as the ranks of their
    terms' names: the order of their lines, since no term's name begins another's but a
    literal's, which a language or a datatype follows, never a space. So no line is made
    before it is written (the story's took 3 GB at 10,000 articles, sorted). The terms to
    name are found by numpy, where a set made of the columns' 18 million numbers as Python
    ints took 300 MB more at 10,000 articles (the story's worker's height 1,841 → 1,542 MB).

    >>> s, g = URIRef("urn:s"), Triples(); g.add((s, RDF.type, s))
    >>> list(nquads_graph(URIRef("urn:g"), g, nquads_namer()))
    ['<urn:s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:s> <urn:g> .\\n']
    """
    graph = f" {term(iri)} .\n" if iri != DATASET_DEFAULT_GRAPH_ID else " .\n"
    columns = [numpy.frombuffer(column, dtype=numpy.int32) for column in
               (triples.subjects, triples.predicates, triples.objects)]
    terms, used = triples.table.terms, numpy.unique(numpy.concatenate(columns))  # the numbers named
    names = [term(terms[n]) for n in used.tolist()]
    by_name = sorted(range(len(names)), key=names.__getitem__)
    names = [names[k] for k in by_name]  # by rank: a list, where a dict by number took 68 more bytes a term
    rank = numpy.empty(len(used), numpy.int32)  # the ranks' columns 12 bytes a triple, not 24
    rank[by_name] = numpy.arange(len(used), dtype=numpy.int32)
    del by_name
    ranks = [rank[numpy.searchsorted(used, column)] for column in columns]
    order = numpy.lexsort(ranks[::-1])  # by subject, then predicate, then object
    for start in range(0, len(order), PIECE):
        piece = order[start:start + PIECE]
        yield "".join([f"{names[s]} {names[p]} {names[o]}{graph}"
                       for s, p, o in zip(*(column[piece].tolist() for column in ranks))])


PIECE = 10_000  # lines of N-Quads to a piece of text (about 1.5 MB)


def ntriples_lines(triples: Iterable[tuple]) -> Iterator[str]:
    """Triples as N-Triples lines, their terms written as :func:`nquads_parts` writes them.

    >>> list(ntriples_lines([(RDF.subject, RDF.value, Literal('a "b"'))]))
    ['<http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> <http://www.w3.org/1999/02/22-rdf-syntax-ns#value> "a \\\\"b\\\\"" .\\n']
    """
    term = nquads_namer()
    for s, p, o in triples:
        yield f"{term(s)} {term(p)} {term(o)} .\n"


def ntriples_of(graph, wanted: Mapping | None = None) -> Iterator[str]:
    """``graph``'s triples as N-Triples (:func:`ntriples_lines`), ``PIECE`` lines to a piece
    of text, only those :func:`with_predicates` gives of ``wanted`` when given. The union's
    are read as numbers and each term is named once a piece: a line then costs no Python
    call (the predicates the figures page reads have 4.5 million at 10,000 articles).

    >>> "".join(ntriples_of(merged(_example()), {RDF.type: None})).split()[1:]
    ['<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>', '<https://w3id.org/kg-news/ontology#Statement>', '.']
    """
    columns = _union_columns(graph) if wanted is not None else None
    if columns is None:
        lines = ntriples_lines(graph if wanted is None else with_predicates(graph, wanted))
        while piece := "".join(islice(lines, PIECE)):
            yield piece
        return
    yield from ntriples_of_numbers(columns.terms, columns.numbers_with_predicates(wanted))


def ntriples_of_numbers(terms: list, blocks: Iterable[tuple[numpy.ndarray, ...]]) -> Iterator[str]:
    """The triples of ``blocks`` (``(subjects, predicates, objects)`` arrays of numbers in
    ``terms``) as N-Triples, ``PIECE`` lines to a piece of text, each term named once a piece.

    >>> numbers = numpy.array([0]), numpy.array([1]), numpy.array([0])
    >>> [piece.split() for piece in ntriples_of_numbers([URIRef("urn:x"), RDF.type], [numbers])]
    [['<urn:x>', '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>', '<urn:x>', '.']]
    """
    term = nquads_namer()
    for block in blocks:
        for start in range(0, len(block[0]), PIECE):
            s, p, o = (column[start:start + PIECE] for column in block)
            used, at = numpy.unique(numpy.concatenate((s, p, o)), return_inverse=True)
            names = [term(terms[n]) for n in used.tolist()]
            a, b, c = at[:len(s)].tolist(), at[len(s):2 * len(s)].tolist(), at[2 * len(s):].tolist()
            yield "".join([f"{names[x]} {names[y]} {names[z]} .\n" for x, y, z in zip(a, b, c)])


def nquads_namer() -> Callable[[Any], str]:
    """A term as N-Quads writes it (rdflib's way), the recurring ones named once."""
    return _by_identity(_nquads_name)


_NOT_IN_IRI = re.compile(r'[<>" {}|\\^`]')  # rdflib's _invalid_uri_chars: found in one search


def _nquads_name(term) -> str:
    """``term`` as rdflib's N-Quads writer writes it: an IRI checked by one search instead
    of rdflib's loop over the characters it refuses (the same refusal when one is there).

    >>> _nquads_name(URIRef("urn:a")), _nquads_name(Literal("x", lang="en"))
    ('<urn:a>', '"x"@en')
    >>> _nquads_name(URIRef("urn:a b"))
    Traceback (most recent call last):
    Exception: "urn:a b" does not look like a valid URI, I cannot serialize this as N3/Turtle. Perhaps you wanted to urlencode it?
    """
    if type(term) is URIRef and not _NOT_IN_IRI.search(term):
        return f"<{term}>"
    return _quoteLiteral(term) if isinstance(term, Literal) else term.n3()


def nquads(data: Quads | Dataset) -> bytes:
    """``data`` as N-Quads (:func:`nquads_parts`), UTF-8.

    >>> nquads(_example()).count(b"\\n")
    3
    """
    return nquads_text(data).encode("utf-8")


def context() -> dict[str, Any]:
    """The JSON-LD context shipped in ``kg/ontology/context.jsonld``.

    >>> context()["@context"]["speaker"]
    {'@id': 'kgo:speaker', '@type': '@id'}
    """
    text = (resources.files("kg") / "ontology" / CONTEXT).read_text(encoding="utf-8")
    return json.loads(text)


def jsonld(graph: Graph, ctx: dict[str, Any] | None = None) -> bytes:
    """``graph`` as JSON-LD (:func:`jsonld_parts`), UTF-8.

    >>> doc = json.loads(jsonld(merged(_example())))
    >>> doc["@graph"]
    [{'@id': 'article/a/statement/0-4', '@type': 'Statement', 'speaker': 'actor/jane-roe', 'statementKind': 'kind-claim'}]
    """
    return "".join(jsonld_parts(graph, ctx)).encode("utf-8")


def jsonld_parts(graph: Graph, ctx: dict[str, Any] | None = None) -> Iterator[str]:
    """``graph`` as compact JSON-LD with the context embedded, piece by piece: nodes by
    ``@id``, keys and values sorted, one node per line (:func:`jsonld_lines`)."""
    ctx = (ctx or context())["@context"]
    yield jsonld_head(ctx)
    yield from jsonld_nodes(by_subject(graph), Compactor(ctx))
    yield JSONLD_TAIL


def jsonld_head(ctx: dict[str, Any]) -> str:
    """A JSON-LD file's text before its first node."""
    return json.dumps({"@context": ctx}, indent=1, ensure_ascii=False)[:-2] + ',\n "@graph": [\n'


JSONLD_TAIL = "\n ]\n}\n"  # a JSON-LD file's text after its last node


def jsonld_nodes(index: dict, compactor: Compactor, first: bool = True) -> Iterator[str]:
    """The node of each subject of ``index`` (:func:`by_subject`), by ``@id``, one per line
    after a comma but the first (``first=False``: the first too, as when it follows others)."""
    return jsonld_lines((compactor.node(s, index[s]) for s in sorted(index, key=str)), first)


def jsonld_lines(nodes: Iterable[dict], first: bool = True) -> Iterator[str]:
    """Each node's text, one per line after a comma but the first (``first=False``: the
    first too, as when it follows others). Written by orjson, with no space after a comma
    or a colon: 0.9 µs a node where the standard library's encoder took 3.8 (a JSON-LD file
    is a call per subject, 400 an article).

    >>> print("".join(jsonld_lines([{"@id": "a", "label": "Kyiv"}, {"@id": "b"}])))
      {"@id":"a","label":"Kyiv"},
      {"@id":"b"}
    """
    dumps = orjson.dumps
    for n, node in enumerate(nodes):
        yield ("  " if n == 0 and first else ",\n  ") + dumps(node).decode()


# Each file and what it is written from; the named graphs' files first (see write_graphs).
WRITERS: dict[str, tuple[str, Callable[[Any], Iterator[str]]]] = {
    "graph.trig": ("dataset", trig_parts),
    "graph.nq": ("dataset", nquads_parts),
    "graph.ttl": ("merged", turtle_parts),
    "graph.jsonld": ("merged", jsonld_parts),
}

#: The graph files a build writes, in the order :func:`write_graphs` writes them, and
#: those of them written from the union (the others hold the named graphs).
GRAPH_FILES = tuple(WRITERS)
UNION_FILES = tuple(name for name, (source, _) in WRITERS.items() if source == "merged")

# What follows @base in an IRI that a relative reference reads back as (Compactor.ref): a
# first segment with no ":" that begins with no "@", no segment "." or "..", then perhaps a
# query or a fragment. Then the JSON-LD prefix delimiters.
_NOT_DOTS = r"(?!\.\.?(?:[/?#]|\Z))"
_RELATIVE = re.compile(rf"(?!@){_NOT_DOTS}[^:/?#]+(?:/{_NOT_DOTS}[^/?#]*)*(?:[?#].*)?", re.DOTALL)
_GEN_DELIMS = (":", "/", "?", "#", "[", "]", "@")
_RESOURCE = object()  # the kind of value of a triple whose object is an IRI (Compactor._rule)
_LANGUAGE = object()  # that of a literal with a language


class Compactor:
    """Short keys and values for triples, by the terms of a JSON-LD context (no blank nodes).

    >>> c = Compactor(context()["@context"])
    >>> s, KGO = URIRef("https://w3id.org/kg-news/id/article/a"), "https://w3id.org/kg-news/ontology#"
    >>> def one(p, o): return c.node(s, {URIRef(p): [(s, URIRef(p), o)]})  # a node of one triple
    >>> one(RDF.type, URIRef(KGO + "Statement"))
    {'@id': 'article/a', '@type': 'Statement'}
    >>> one("http://www.w3.org/2002/07/owl#sameAs", URIRef("http://www.wikidata.org/entity/Q1"))
    {'@id': 'article/a', 'sameAs': 'wd:Q1'}
    >>> one(KGO + "date", Literal("2024-11", datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYearMonth")))
    {'@id': 'article/a', 'date': {'@type': 'xsd:gYearMonth', '@value': '2024-11'}}
    >>> one(KGO + "direct", Literal(True)), one(KGO + "direct", Literal("yes"))  # coerced when it fits
    ({'@id': 'article/a', 'direct': 'true'}, {'@id': 'article/a', 'kgo:direct': 'yes'})
    """

    def __init__(self, ctx: dict[str, Any]):
        self.base = ctx.get("@base")
        self.prefixes = {name: value for name, value in ctx.items()
                         if isinstance(value, str) and not name.startswith("@")
                         and ":" not in name and value.endswith(_GEN_DELIMS)}
        self.names: dict[str, str] = {}  # IRI -> the first term for it
        self.typed: dict[tuple[str, str | None], str] = {}  # (IRI, coercion) -> term
        for name, value in ctx.items():
            if name.startswith("@") or name in self.prefixes:
                continue
            iri, kind = (value, None) if isinstance(value, str) else (value["@id"], value.get("@type"))
            iri = self.expand(iri)
            kind = kind if kind in (None, "@id", "@vocab") else self.expand(kind)
            self.names.setdefault(iri, name)
            self.typed.setdefault((iri, kind), name)
        # Remembered per instance: actors, places and concepts recur in every article.
        self.ref = lru_cache(maxsize=NAMES_KEPT)(self.ref)
        self.symbol = lru_cache(maxsize=NAMES_KEPT)(self.symbol)
        self._rules: dict[tuple, tuple[str, Callable]] = {}  # (property, kind of value) -> _rule

    def expand(self, value: str) -> str:
        """A compact IRI of the context made whole.

        >>> Compactor({"x": "http://x.example/"}).expand("x:a")
        'http://x.example/a'
        """
        prefix, sep, local = value.partition(":")
        return self.prefixes[prefix] + local if sep and prefix in self.prefixes else value

    def compact(self, iri: str) -> str:
        """``prefix:local`` by the longest matching prefix, else the IRI itself.

        >>> Compactor({"x": "http://x.example/", "y": "http://x.example/y/"}).compact("http://x.example/y/a")
        'y:a'
        """
        best = max((ns for ns in self.prefixes.values() if iri.startswith(ns) and len(iri) > len(ns)),
                   key=len, default=None)
        if best is None or iri[len(best):].startswith("//"):
            return str(iri)
        return f"{next(p for p, ns in self.prefixes.items() if ns == best)}:{iri[len(best):]}"

    def symbol(self, iri: str) -> str:
        """A class, concept or property by its term, else compacted (``@type`` and ``@vocab`` values).

        >>> Compactor(context()["@context"]).symbol("https://w3id.org/kg-news/vocab#kind-claim")
        'kind-claim'
        """
        return self.names.get(str(iri)) or self.compact(iri)

    def ref(self, iri: str) -> str:
        """A resource: relative to ``@base`` when that reads back the same, else compacted.

        >>> c = Compactor({"@base": "https://e.example/id/"})
        >>> [c.ref(f"https://e.example/id/{r}") for r in ("actor/x", "a:b", "../x", "")]
        ['actor/x', 'https://e.example/id/a:b', 'https://e.example/id/../x', 'https://e.example/id/']
        """
        iri, base = str(iri), self.base
        if base and iri.startswith(base) and _RELATIVE.fullmatch(iri, len(base)):
            return iri[len(base):]
        return self.compact(iri)

    def rule(self, p: URIRef, o) -> tuple[str, Callable]:
        """The key of the triple ``(_, p, o)`` and the function that makes its value, as
        :meth:`node` finds them (the same for every value of that property and kind).

        >>> key, value = Compactor(context()["@context"]).rule(RDF.type, URIRef("https://w3id.org/kg-news/ontology#Statement"))
        >>> key, value(URIRef("https://w3id.org/kg-news/ontology#Statement"))
        ('@type', 'Statement')
        """
        kind = (_RESOURCE if isinstance(o, URIRef)
                else o._datatype and str(o._datatype) or o._language and _LANGUAGE)
        rule = self._rules.get((p, kind))
        if rule is None:
            rule = self._rules[(p, kind)] = self._rule(str(p), kind)
        return rule

    def _rule(self, p_iri: str, kind) -> tuple[str, Callable]:
        """The key of property ``p_iri`` and how its value is written, for a resource
        (``kind`` is ``_RESOURCE``), a literal of datatype ``kind``, one with a language
        (``_LANGUAGE``) or a plain one (None: its string as it is): the same for every
        triple of that property and kind, so found once."""
        if kind is _RESOURCE:
            if p_iri == _TYPE:
                return "@type", self.symbol
            if (p_iri, "@id") in self.typed:
                return self.typed[(p_iri, "@id")], self.ref
            if (p_iri, "@vocab") in self.typed:
                return self.typed[(p_iri, "@vocab")], self.symbol
            return self.key(p_iri), lambda o: {"@id": self.ref(o)}
        if kind is not None and (p_iri, kind) in self.typed:
            return self.typed[(p_iri, kind)], str
        return self.key(p_iri), str if kind is None else self.literal

    def key(self, p_iri: str) -> str:
        """The key for a property whose value takes no coercion: its plain term, else compacted.

        >>> Compactor(context()["@context"]).key("http://www.w3.org/2000/01/rdf-schema#label")
        'label'
        """
        return self.typed.get((p_iri, None)) or self.compact(p_iri)

    def literal(self, o: Literal) -> Any:
        """A literal as a JSON-LD value: a plain string, or a value object with language or type.

        >>> Compactor({}).literal(Literal("a town", lang="en"))
        {'@language': 'en', '@value': 'a town'}
        """
        if o.language:
            return {"@language": o.language, "@value": str(o)}
        if o.datatype is not None:
            return {"@type": self.symbol(o.datatype), "@value": str(o)}
        return str(o)

    def node(self, s: URIRef, by_predicate: dict) -> dict[str, Any]:
        """The node object of ``s`` from its triples ``{predicate: [triples]}`` (as
        :func:`by_subject` gives them): ``@id``, ``@type``, then the other keys in order,
        values sorted.

        >>> g = merged(_example())
        >>> s = next(g.subjects())
        >>> list(Compactor(context()["@context"]).node(s, by_subject(g)[s]))
        ['@id', '@type', 'speaker', 'statementKind']
        """
        entries: dict[str, list] = {}
        rules = self._rules
        for p, found in by_predicate.items():
            for _, _, o in found:  # millions of triples: no Python call per triple but the value's
                # An IRI told by its exact type first (isinstance on an rdflib term is a Python
                # call for a literal); a literal's datatype, else whether it has a language,
                # read from its slots (the properties are Python calls), compared in C: what
                # rule() does for one triple, here without a call.
                kind = (_RESOURCE if type(o) is URIRef or (type(o) is not Literal and isinstance(o, URIRef))
                        else o._datatype and str(o._datatype) or o._language and _LANGUAGE)
                rule = rules.get((p, kind))
                if rule is None:
                    rule = rules[(p, kind)] = self._rule(str(p), kind)
                key, value = rule
                values = entries.get(key)
                if values is None:
                    entries[key] = [value(o)]
                else:
                    values.append(value(o))
        node: dict[str, Any] = {"@id": self.ref(s)}
        keys = sorted(entries)
        if "@type" in entries and keys[0] != "@type":  # @type first (it mostly sorts first)
            keys.remove("@type")
            keys.insert(0, "@type")
        for key in keys:
            values = entries[key]
            if len(values) == 1:
                node[key] = values[0]
            else:
                values.sort(key=_json_order)
                node[key] = values
        return node


_ESCAPED = re.compile(r'["\\\x00-\x1f]')


def _json_order(value: Any) -> str:
    """A value's JSON text (``json.dumps``, keys sorted), by which a node's values are sorted:
    a string with nothing to escape is put in quotes without calling the encoder.

    >>> sorted(["a!", "a", {"@id": "x"}], key=_json_order) == sorted(["a!", "a", {"@id": "x"}],
    ...     key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    True
    """
    if type(value) is str and not _ESCAPED.search(value):
        return f'"{value}"'
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _example() -> Dataset:
    """A one-statement dataset for the examples."""
    from .vocab import KGO, KGR, KGV, PREFIXES

    ds = Dataset()
    for prefix, namespace in PREFIXES.items():
        ds.bind(prefix, namespace)
    g = ds.graph(KGR["graph/article/a"])
    s = KGR["article/a/statement/0-4"]
    g.add((s, RDF.type, KGO.Statement))
    g.add((s, KGO.speaker, KGR["actor/jane-roe"]))
    g.add((s, KGO.statementKind, KGV["kind-claim"]))
    return ds
