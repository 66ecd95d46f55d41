"""Where a graph is kept, and the named queries answered there: three backends, same rows.

- :class:`RdflibStore`: a graph file read into memory with rdflib (the default);
- :class:`OxigraphStore`: an embedded Oxigraph store in a folder (``pyoxigraph``), loaded in
  bulk from N-Quads by :func:`build_oxigraph` (``kg build --store DIR``);
- :class:`RemoteStore`: a SPARQL 1.1 endpoint over HTTP (query by POST
  ``application/sparql-query``, results as SPARQL JSON); :func:`push` replaces its named graphs
  through the Graph Store Protocol (``kg push``).

Each answers ``store.run(query, params)`` with the header and rows of :func:`kg.query.run`:
every value a string (lexical forms, ``true``/``false``, empty when unbound). rdflib binds
parameters with ``initBindings``; the other two get the query rewritten with a
``VALUES ?param { term }`` block in the query's own ``VALUES ?param { UNDEF }``, else at the
start of its outermost group (:func:`with_values`), the term written in N-Triples from the
parsed parameter (:func:`kg.query.bind_params`), never the user's text.
A remote endpoint must answer over the union of its named graphs (Oxigraph: ``serve
--union-default-graph``; GraphDB and Virtuoso do by default, Fuseki with ``unionDefaultGraph``).

>>> from kg.query import _EXAMPLE, load_query
>>> store = open_store(_EXAMPLE)
>>> header, rows = store.run(load_query("said-by"), {"actor": "Rusia"})
>>> rows[0][3:6]
['denial', 'false', 'laporan itu']
>>> values_block({"actor": Literal('say "hi"\\n', lang="en")})
'VALUES ?actor { "say \\\\"hi\\\\"\\\\n"@en }'
"""
from __future__ import annotations

import base64
import json
import netrc
import os
import re
import shutil
import urllib.error
import urllib.parse
import urllib.request
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from itertools import islice
from pathlib import Path
from typing import Any

from rdflib import Dataset, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Identifier

from .errors import QueryError, StoreError
from .formats import graph_format, unparsable
from .staging import remove_abandoned

#: Environment variables holding the credentials for a remote endpoint (HTTP Basic).
USER_VARIABLE, PASSWORD_VARIABLE = "KG_SPARQL_USER", "KG_SPARQL_PASSWORD"
TIMEOUT = 60.0


class Store(ABC):
    """A graph that answers named queries. Subclasses implement :meth:`run` and :meth:`dataset`."""

    @abstractmethod
    def run(self, query, params: dict[str, str] | None = None) -> tuple[list[str], list[list[str]]]:
        """The header and rows of ``query`` (a :class:`kg.query.NamedQuery`) with ``params``."""

    @abstractmethod
    def dataset(self) -> Dataset:
        """The whole graph, read into an rdflib Dataset."""

    def query(self, name: str, **params: str) -> list[dict[str, str]]:
        """Run a named query (or a ``.rq`` file); its rows as dicts, column name to string.

        >>> from kg.query import _EXAMPLE
        >>> open_store(_EXAMPLE).query("said-by", actor="Rusia")[0]["kind"]
        'denial'
        """
        from .query import load_query

        header, rows = self.run(load_query(name), params)
        return [dict(zip(header, row)) for row in rows]

    def to_networkx(self):
        """The graph projected onto networkx (see :func:`kg.network.project`).

        >>> from kg.query import _EXAMPLE
        >>> open_store(_EXAMPLE).to_networkx().number_of_nodes() > 0
        True
        """
        from .formats import merged
        from .network import project

        return project(merged(self.dataset()))


class RdflibStore(Store):
    """A graph file (``.trig``, ``.nq``, ``.ttl``, ``.jsonld``) read into memory, vocabulary added."""

    def __init__(self, path: str | Path):
        from .query import load_graph

        self.path = Path(path)
        self.graph = load_graph(path)

    def run(self, query, params=None):
        from .query import run

        return run(query, self.graph, params)

    def dataset(self) -> Dataset:
        return self.graph

    def __repr__(self) -> str:
        return f"RdflibStore({str(self.path)!r})"


class OxigraphStore(Store):
    """An Oxigraph store on disk, opened read-only (several readers may share it)."""

    def __init__(self, path: str | Path):
        import pyoxigraph as ox

        self.path = Path(path)
        if not self.path.is_dir():
            raise StoreError(f"{self.path}: no such Oxigraph store (build one with kg build --store)")
        try:
            self.store = ox.Store.read_only(str(self.path))
        except OSError as err:
            raise StoreError(f"{self.path}: cannot open the Oxigraph store: {err}") from err
        self.union = not _has_default_graph(self.store)  # a store built before kg filled it

    def run(self, query, params=None):
        from .query import _NAMESPACES, bind_params

        text = with_values(query.text, bind_params(query, params))
        try:
            result = self.store.query(text, prefixes=_NAMESPACES, use_default_graph_as_union=self.union)
        except SyntaxError as err:
            raise QueryError(f"{query.path}: bad SPARQL: {err}") from err
        return _oxigraph_rows(result, query)

    def dataset(self) -> Dataset:
        import pyoxigraph as ox

        ds = Dataset()
        ds.parse(data=self.store.dump(format=ox.RdfFormat.N_QUADS), format="nquads")
        ds.remove_graph(ds.default_graph)  # the union filled in by fill_default_graph
        return ds

    def __repr__(self) -> str:
        return f"OxigraphStore({str(self.path)!r})"


class MemoryStore(OxigraphStore):
    """An Oxigraph store in memory, loaded with the vocabulary and a graph file, or (:meth:`of`)
    a graph held in memory: what a build uses to answer its own queries (the figures page)
    at Oxigraph's speed.

    N-Quads or TriG keep their named graphs and get their union in the default graph
    (:func:`fill_default_graph`); Turtle or N-Triples (the union a build writes as
    ``graph.ttl``) go straight into the default graph, which takes half the memory and time.
    Given ``wanted``, only the triples a query may read are kept: those whose predicate is
    one of ``wanted``, with one of the objects it maps that predicate to, when not None
    (:func:`kg.query.triples_read` tells which): ``kg query`` on a file.
    """

    def __init__(self, path: str | Path, wanted: Mapping[URIRef, frozenset | None] | None = None):
        import pyoxigraph as ox

        self.path, self.store, self.union = Path(path), ox.Store(), False
        name = graph_format(self.path, StoreError)
        fmt = ox.RdfFormat.from_extension(self.path.suffix.lower()[1:])
        try:
            if wanted is None:
                self.store.bulk_load(path=str(self.path), format=fmt)
            else:
                self.store.bulk_extend(filter(_kept(wanted), ox.parse(path=str(self.path), format=fmt)))
        except (OSError, SyntaxError, ValueError) as err:
            raise StoreError(unparsable(self.path, name, err)) from err
        if fmt.supports_datasets:
            fill_default_graph(self.store)
        self._add_vocabulary()

    @classmethod
    def of(cls, graph, wanted: Mapping[URIRef, frozenset | None] | None = None) -> MemoryStore:
        """A store of an rdflib ``graph``'s triples, in its default graph: only those a query
        may read when ``wanted`` is given, as above. A build answers its figures page from
        the same lines, written to a file while it holds the union and loaded once it has let
        the union go: at 10,000 articles, reading ``graph.ttl`` back without its text anchors
        took 4.7 min.

        >>> from kg.query import load_query, triples_read
        >>> from kg.reference import load_graph, _EXAMPLE
        >>> graph = load_graph(_EXAMPLE)
        >>> small = MemoryStore.of(graph, triples_read(load_query("figures-by-source")))
        >>> small.run(load_query("figures-by-source")) == MemoryStore.of(graph).run(load_query("figures-by-source"))
        True
        """
        import pyoxigraph as ox

        from .formats import ntriples_of

        self = cls.__new__(cls)
        self.path, self.store, self.union = None, ox.Store(), False
        pieces = ntriples_of(graph, wanted)
        while chunk := "".join(islice(pieces, 10)):  # a part at a time: the whole text is gigabytes
            self.store.bulk_load(input=chunk, format=ox.RdfFormat.N_TRIPLES)
        self._add_vocabulary()
        return self

    def _add_vocabulary(self) -> None:
        """The vocabulary in its own graph and in the default graph (which queries read)."""
        import pyoxigraph as ox

        from .query import VOCABULARY, VOCABULARY_GRAPH

        self.store.bulk_load(path=str(VOCABULARY), format=ox.RdfFormat.TURTLE,
                             to_graph=ox.NamedNode(str(VOCABULARY_GRAPH)))
        self.store.bulk_load(path=str(VOCABULARY), format=ox.RdfFormat.TURTLE)

    def __repr__(self) -> str:
        return f"MemoryStore({str(self.path) if self.path else '<in memory>'!r})"


def _kept(wanted: Mapping[URIRef, frozenset | None]) -> Callable:
    """Whether a parsed quad is one of those ``wanted`` (see :class:`MemoryStore`).

    >>> import pyoxigraph as ox
    >>> from rdflib import RDF, RDFS
    >>> kept = _kept({RDF.type: frozenset({RDF.Statement}), RDFS.label: None})
    >>> def quad(p, o): return ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode(str(p)), o)
    >>> [kept(quad(RDF.type, ox.NamedNode(str(RDF.Statement)))), kept(quad(RDF.type, ox.NamedNode("urn:C"))),
    ...  kept(quad(RDFS.label, ox.Literal("x"))), kept(quad(RDFS.comment, ox.Literal("x")))]
    [True, False, True, False]
    """
    import pyoxigraph as ox

    named = {ox.NamedNode(str(p)): None if objects is None else {ox.NamedNode(str(o)) for o in objects}
             for p, objects in wanted.items()}
    nothing: set = set()

    def kept(quad) -> bool:
        objects = named.get(quad.predicate, nothing)
        return objects is None or quad.object in objects
    return kept


def _oxigraph_rows(result, query) -> tuple[list[str], list[list[str]]]:
    import pyoxigraph as ox

    if isinstance(result, ox.QueryBoolean):
        return ["ask"], [["true" if bool(result) else "false"]]
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError(f"{query.path}: only SELECT and ASK queries can be run")
    header = [v.value for v in result.variables]

    def text(term) -> str:
        if term is None:
            return ""
        if isinstance(term, ox.BlankNode):
            return f"_:{term.value}"
        return term.value

    return header, [[text(solution[v]) for v in header] for solution in result]


class RemoteStore(Store):
    """A SPARQL 1.1 endpoint. ``data_endpoint`` is its Graph Store Protocol URL (default: ``endpoint``).

    Credentials come from ``KG_SPARQL_USER``/``KG_SPARQL_PASSWORD`` or ``~/.netrc``.
    """

    def __init__(self, endpoint: str, data_endpoint: str | None = None, timeout: float = TIMEOUT):
        self.endpoint = endpoint
        self.data_endpoint = data_endpoint or endpoint
        self.timeout = timeout

    def run(self, query, params=None):
        from .query import _NAMESPACES, bind_params

        text = with_values(query.text, bind_params(query, params))
        declared = {m.lower() for m in re.findall(r"(?im)^\s*PREFIX\s+([\w.-]*):", text)}
        prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in _NAMESPACES.items()
                           if p.lower() not in declared)
        body = _request(self.endpoint, "POST", (prologue + text).encode("utf-8"),
                        {"Content-Type": "application/sparql-query; charset=utf-8",
                         "Accept": "application/sparql-results+json"}, self.timeout)
        try:
            doc = json.loads(body)
        except ValueError as err:
            raise StoreError(f"{safe_url(self.endpoint)}: the answer is not SPARQL JSON results") from err
        if "boolean" in doc:
            return ["ask"], [["true" if doc["boolean"] else "false"]]
        header = list(doc["head"]["vars"])

        def text_of(cell: dict | None) -> str:
            if not cell:
                return ""
            return f"_:{cell['value']}" if cell.get("type") == "bnode" else cell["value"]

        return header, [[text_of(b.get(v)) for v in header] for b in doc["results"]["bindings"]]

    def dataset(self) -> Dataset:
        body = _request(self.endpoint, "POST",
                        b"CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
                        {"Content-Type": "application/sparql-query; charset=utf-8",
                         "Accept": "application/n-triples"}, self.timeout)
        ds = Dataset()
        ds.parse(data=body.decode("utf-8"), format="nt")
        return ds

    def __repr__(self) -> str:
        return f"RemoteStore({safe_url(self.endpoint)!r})"


def open_store(target: Any, **options) -> Store:
    """A :class:`Store` for ``target``: a store (returned as is), an ``http(s)://`` SPARQL
    endpoint, a folder holding an Oxigraph store, or a graph file.

    >>> from kg.query import _EXAMPLE
    >>> open_store(_EXAMPLE)  # doctest: +ELLIPSIS
    RdflibStore('.../graph.trig')
    >>> open_store("http://localhost:7878/query")
    RemoteStore('http://localhost:7878/query')
    >>> open_store("missing.trig")
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: missing.trig: no such graph file
    """
    if isinstance(target, Store):
        return target
    if isinstance(target, str) and re.match(r"https?://", target, re.I):
        return RemoteStore(target, **options)
    if Path(target).is_dir():
        return OxigraphStore(target)
    return RdflibStore(target)


# --- parameters as VALUES blocks ---------------------------------------------------------------

_IRI_REFUSED = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def ntriples(term: Identifier) -> str:
    """An IRI or a literal in its N-Triples form (every quote, backslash and control escaped).

    >>> ntriples(URIRef("https://example.org/a"))
    '<https://example.org/a>'
    >>> ntriples(Literal("2024-11-05", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date")))
    '"2024-11-05"^^<http://www.w3.org/2001/XMLSchema#date>'
    >>> ntriples(Literal('a"} DROP ALL\\x01'))
    '"a\\\\"} DROP ALL\\\\u0001"'
    >>> ntriples(URIRef("urn:x> } DROP ALL"))
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: cannot bind 'urn:x> } DROP ALL' as an IRI
    """
    if isinstance(term, URIRef):
        if _IRI_REFUSED.search(str(term)):
            raise QueryError(f"cannot bind {str(term)!r} as an IRI")
        return f"<{term}>"
    if isinstance(term, Literal):
        out = []
        for ch in str(term):
            if ch in '"\\':
                out.append("\\" + ch)
            elif ch in "\n\r\t":
                out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t"}[ch])
            elif ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 or ch in "\u2028\u2029":
                out.append(f"\\u{ord(ch):04X}")
            else:
                out.append(ch)
        text = '"' + "".join(out) + '"'
        if term.language:
            if not re.fullmatch(r"[A-Za-z]+(-[A-Za-z0-9]+)*", term.language):
                raise QueryError(f"cannot bind the language tag {term.language!r}")
            return f"{text}@{term.language}"
        if term.datatype:
            return f"{text}^^{ntriples(URIRef(term.datatype))}"
        return text
    raise QueryError(f"cannot bind {term!r}: only IRIs and literals")


def values_block(bindings: dict[str, Identifier | tuple[Identifier, ...]]) -> str:
    """``VALUES ?a ?b { (t1 t2) }`` binding each variable to its term (empty without bindings);
    a single variable may be bound to several terms, one solution each.

    >>> values_block({"x": URIRef("urn:a"), "y": Literal("b")})
    'VALUES (?x ?y) { (<urn:a> "b") }'
    >>> values_block({"x": (Literal(1), Literal(2))})
    'VALUES ?x { "1"^^<http://www.w3.org/2001/XMLSchema#integer> "2"^^<http://www.w3.org/2001/XMLSchema#integer> }'
    """
    for name in bindings:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"bad parameter name {name!r}")
    if not bindings:
        return ""
    if len(bindings) == 1:
        (name, term), = bindings.items()
        terms = term if isinstance(term, tuple) else (term,)
        return f"VALUES ?{name} {{ {' '.join(ntriples(t) for t in terms)} }}"
    names = " ".join(f"?{n}" for n in bindings)
    return f"VALUES ({names}) {{ ({' '.join(ntriples(t) for t in bindings.values())}) }}"


# IRIs, strings (long and short), comments, and the tokens that matter for finding the group.
_TOKEN = re.compile(
    r'(?P<skip><[^<>"{}|^`\\\x00-\x20]*>|"""(?:[^"\\]|\\.|"(?!""))*"""|'
    r"'''(?:[^'\\]|\\.|'(?!''))*'''|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|#[^\n]*)"
    r"|(?P<slot>VALUES\s+\?(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*\{\s*UNDEF\s*\})|(?P<open>\{)",
    re.IGNORECASE | re.DOTALL,
)


def with_values(text: str, bindings: dict[str, Identifier | tuple[Identifier, ...]]) -> str:
    """``text`` with its parameters bound: each in the query's own ``VALUES ?name { UNDEF }``
    when it has one (a slot, written where a subquery needs the parameter: a subquery sees
    no variable of the query around it), the others in a VALUES block opening the
    outermost group (the ``WHERE`` clause), bound for every pattern and filter of that
    group, as rdflib's ``initBindings``.

    >>> with_values("PREFIX a: <urn:a#> SELECT * WHERE { ?s ?p ?o }", {"o": Literal("{")})
    'PREFIX a: <urn:a#> SELECT * WHERE { VALUES ?o { "{" }\\n ?s ?p ?o }'
    >>> with_values("ASK # a { comment\\n{ ?s ?p ?o }", {"o": URIRef("urn:x")})
    'ASK # a { comment\\n{ VALUES ?o { <urn:x> }\\n ?s ?p ?o }'
    >>> with_values("SELECT ?s { { SELECT ?s { VALUES ?o { UNDEF } ?s ?p ?o } } }", {"o": URIRef("urn:x")})
    'SELECT ?s { { SELECT ?s { VALUES ?o { <urn:x> } ?s ?p ?o } } }'
    """
    slots = {m["name"] for m in _TOKEN.finditer(text) if m["slot"] is not None} & bindings.keys()
    text = _TOKEN.sub(lambda m: values_block({m["name"]: bindings[m["name"]]}) if m["name"] in slots
                      else m.group(), text)
    block = values_block({name: term for name, term in bindings.items() if name not in slots})
    if not block:
        return text
    for match in _TOKEN.finditer(text):
        if match["open"] is not None:  # the first brace outside IRIs, strings and comments
            at = match.end()
            return f"{text[:at]} {block}\n{text[at:]}"
    raise QueryError("cannot find the query's WHERE clause to bind its parameters")


# --- building an Oxigraph store -----------------------------------------------------------------


def fill_default_graph(store) -> None:
    """Put the union of an Oxigraph store's named graphs in its default graph, each triple once.

    Every article graph repeats the description of the actors it mentions; over Oxigraph's
    union default graph (``use_default_graph_as_union``) a pattern matches each copy, so a join
    on labels grows with the square of the articles that mention an actor (100 articles:
    96 s for ``actors``; 0.8 s over the filled default graph). Queries run over this graph;
    named graphs are still there for ``GRAPH`` patterns.

    The triples are streamed a named graph at a time into the bulk loader. A SPARQL
    ``INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }`` holds every solution in memory
    first: on 10,000 articles (28.5M quads) it grew past 24 GB and was killed.
    """
    import pyoxigraph as ox

    store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object)
                      for graph in list(store.named_graphs())
                      for q in store.quads_for_pattern(None, None, None, graph))


def _has_default_graph(store) -> bool:
    import pyoxigraph as ox

    return next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None


def build_oxigraph(folder: str | Path, nquads: str | Path | bytes, union: str | Path | None = None) -> int:
    """Load N-Quads (a file or bytes) and the vocabulary into a new Oxigraph store at ``folder``.

    The default graph gets the union of the named graphs (:func:`fill_default_graph`); when
    the caller has that union as a Turtle file already (a build's ``graph.ttl``, written from
    the same quads as its ``graph.nq``), ``union`` names it and the bulk loader reads it
    instead: at 1,000 articles on disk 41 s against 150 s for streaming the named graphs.

    The store is built in a folder beside it (``.NAME-building-PID``) and swapped in only when
    complete, so a failed load leaves the previous store as it was; the next build removes such
    a folder left by a process that was killed. Returns the number of quads.
    """
    import pyoxigraph as ox

    from .query import VOCABULARY, VOCABULARY_GRAPH

    folder = Path(folder)
    building = f".{folder.name}-building-"  # then the process number (kg.staging)
    staging = folder.with_name(f"{building}{os.getpid()}")
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        remove_abandoned(folder.parent, building)
        if folder.exists():  # else a killed swap may have left the only copy there
            remove_abandoned(folder.parent, f".{folder.name}-old-")
        staging.mkdir()
    except OSError as err:
        raise StoreError(f"{folder}: cannot write: {err.strerror or err}") from err
    old = None
    try:
        store = ox.Store(str(staging))
        if isinstance(nquads, bytes):
            store.bulk_load(nquads, format=ox.RdfFormat.N_QUADS)
        else:
            store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
        vocabulary = ox.NamedNode(str(VOCABULARY_GRAPH))
        if not store.contains_named_graph(vocabulary) or not next(
                iter(store.quads_for_pattern(None, None, None, vocabulary)), None):
            store.bulk_load(path=str(VOCABULARY), format=ox.RdfFormat.TURTLE, to_graph=vocabulary)
        count = len(store)
        if union is None:
            fill_default_graph(store)
        else:
            store.bulk_load(path=str(union), format=ox.RdfFormat.TURTLE)
            store.bulk_load(path=str(VOCABULARY), format=ox.RdfFormat.TURTLE)
        store.optimize()  # compacted: lookups read fewer files (queries 1.8x faster at 1,000 articles, 6% at 10,000)
        store.flush()
        del store  # closes it
        if folder.exists():
            old = folder.with_name(f".{folder.name}-old-{os.getpid()}")
            folder.replace(old)
        staging.replace(folder)
    except (OSError, SyntaxError, ValueError) as err:
        if old is not None and not folder.exists():
            old.replace(folder)
        raise StoreError(f"{folder}: cannot build the Oxigraph store: {err}") from err
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    return count


#: Beside a build's ``graph.ttl``: the Oxigraph store ``kg build --store`` loaded from it, and
#: the file's size and time then, so that ``kg query`` answers from the store while it is current.
STORE_NOTE = ".store.json"


def note_store(graph: str | Path, store: str | Path) -> None:
    """Record beside ``graph`` that ``store`` holds it as it is now (:func:`noted_store`)."""
    graph, store = Path(graph), Path(store)
    st = graph.stat()
    note = graph.parent / STORE_NOTE
    part = note.with_name(f"{note.name}.{os.getpid()}")
    part.write_text(json.dumps({"store": str(store.resolve()), "graph": graph.name, "size": st.st_size,
                                "mtime_ns": st.st_mtime_ns}))
    part.replace(note)


def noted_store(graph: str | Path) -> Path | None:
    """The store a build loaded from ``graph`` when the file is still as it was then and the
    store is still there; else None (a later build without ``--store`` wrote a new file).

    >>> noted_store("no/such/graph.ttl") is None
    True
    """
    graph = Path(graph)
    try:
        note = json.loads((graph.parent / STORE_NOTE).read_text())
        st = graph.stat()
    except (OSError, ValueError):
        return None
    if not isinstance(note, dict) or (note.get("graph"), note.get("size"), note.get("mtime_ns")) != (
            graph.name, st.st_size, st.st_mtime_ns):
        return None
    store = Path(str(note.get("store", "")))
    return store if note.get("store") and store.is_dir() else None


# --- HTTP ---------------------------------------------------------------------------------------


def safe_url(url: str) -> str:
    """``url`` without any user name or password in it.

    >>> safe_url("https://me:secret@example.org:8080/sparql?x=1")
    'https://example.org:8080/sparql?x=1'
    """
    parts = urllib.parse.urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urllib.parse.urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


def credentials(url: str) -> tuple[str, str] | None:
    """The user and password for ``url``: from the environment, else from ``~/.netrc``."""
    user, password = os.environ.get(USER_VARIABLE), os.environ.get(PASSWORD_VARIABLE)
    if user or password:
        return user or "", password or ""
    parts = urllib.parse.urlsplit(url)
    if parts.username or parts.password:
        return urllib.parse.unquote(parts.username or ""), urllib.parse.unquote(parts.password or "")
    path = Path(os.environ.get("NETRC") or Path.home() / ".netrc")
    if not path.is_file():
        return None
    try:
        found = netrc.netrc(str(path)).authenticators(parts.hostname or "")
    except (netrc.NetrcParseError, OSError) as err:
        line = getattr(err, "lineno", None)
        raise StoreError(f"{path}: cannot read" + (f" (line {line})" if line else "")) from None
    return (found[0], found[2] or "") if found else None


def _scrub(message: str, secrets: tuple[str, ...]) -> str:
    for secret in secrets:
        if secret:
            message = message.replace(secret, "***")
    return message


def _request(url: str, method: str, data: bytes | None, headers: dict[str, str],
             timeout: float = TIMEOUT) -> bytes:
    """Send one request; the answer's body. Any failure is a :class:`StoreError` naming the URL
    (never the credentials)."""
    login = credentials(url)
    secrets: tuple[str, ...] = ()
    headers = dict(headers)
    if login:
        token = base64.b64encode(f"{login[0]}:{login[1]}".encode("utf-8")).decode("ascii")
        headers["Authorization"] = f"Basic {token}"
        secrets = (login[1], token)
    shown = safe_url(url)
    parts = urllib.parse.urlsplit(url)
    bare = urllib.parse.urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))
    request = urllib.request.Request(bare, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read()
    except urllib.error.HTTPError as err:
        detail = " ".join(err.read(2000).decode("utf-8", "replace").split())[:300]
        hint = " (check KG_SPARQL_USER/KG_SPARQL_PASSWORD or ~/.netrc)" if err.code in (401, 403) else ""
        message = f"{method} {shown}: the server answered {err.code} {err.reason}{hint}"
        raise StoreError(_scrub(message + (f": {detail}" if detail else ""), secrets)) from None
    except (urllib.error.URLError, OSError, ValueError) as err:
        reason = getattr(err, "reason", err)
        message = f"cannot reach the SPARQL endpoint {shown}: {reason}"
        raise StoreError(_scrub(message, secrets)) from None


def push(ds: Dataset, data_endpoint: str, timeout: float = TIMEOUT) -> list[tuple[str, int]]:
    """Replace each named graph of ``ds`` at a Graph Store Protocol endpoint (HTTP PUT of
    N-Triples to ``data_endpoint?graph=IRI``; triples outside a named graph go to ``?default``).

    A PUT replaces the graph, so pushing again never duplicates and an interrupted push can
    simply be run again. Returns (graph IRI, triples) for each graph sent.
    """
    from .formats import refuse_blank_nodes

    refuse_blank_nodes(ds)
    sent = []
    graphs = sorted((g for g in ds.graphs() if len(g)), key=lambda g: str(g.identifier))
    for graph in graphs:
        lines = sorted({line for line in graph.serialize(format="nt").split("\n") if line.strip()})
        body = "".join(line + "\n" for line in lines).encode("utf-8")
        if graph.identifier == DATASET_DEFAULT_GRAPH_ID:
            target, name = "default", "(default graph)"
        else:
            target, name = "graph=" + urllib.parse.quote(str(graph.identifier), safe=""), str(graph.identifier)
        separator = "&" if urllib.parse.urlsplit(data_endpoint).query else "?"
        _request(f"{data_endpoint}{separator}{target}", "PUT", body,
                 {"Content-Type": "application/n-triples; charset=utf-8"}, timeout)
        sent.append((name, len(lines)))
    return sent


__all__ = ["Store", "RdflibStore", "OxigraphStore", "RemoteStore", "open_store", "build_oxigraph",
           "push", "ntriples", "values_block", "with_values", "safe_url", "credentials"]
