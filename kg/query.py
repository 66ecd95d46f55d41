"""Named SPARQL queries over a built graph, and their results as plain strings.

Each question is one file ``kg/queries/<name>.rq`` that starts with a header::

    # name: said-by
    # answers: Everything one actor said (or was said on its behalf), in date order.
    # params: actor (actor, required): the actor's IRI, or one of its labels

(``# params: none`` when it takes none; one ``# params:`` line per parameter.) Queries run
over the union of all named graphs. Parameters are bound as RDF terms with ``initBindings``,
never pasted into the query text: a parameter of type ``date`` becomes an ``xsd:date``
literal, any other value an IRI when it looks like one (``https://...``, ``urn:...``, or a
known prefix such as ``kgr:actor/russia``) and a plain literal otherwise. A parameter that a
subquery needs (a subquery sees no variable of the query around it) is written there as
``VALUES ?actor { UNDEF }``, a slot the other engines fill (:func:`kg.store.with_values`).

>>> graph = load_graph(_EXAMPLE)
>>> header, rows = run(load_query("articles"), graph)
>>> print(format_rows(header, rows, "csv"), end="")  # doctest: +ELLIPSIS
article,date,publisher,language,headline,events,statements,url
https://w3id.org/kg-news/id/article/ap-20241105,2024-11-05,AP,en,Ukraine ...,2,1,https://...
https://w3id.org/kg-news/id/article/kompas-20241113,2024-11-13,Kompas,id,AS: ...,2,3,https://...
"""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rdflib import OWL, RDFS, SKOS, XSD, BNode, Dataset, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.term import Identifier

from .errors import QueryError
from .formats import read_graph
from .vocab import PREFIXES

QUERY_DIR = Path(__file__).resolve().parent / "queries"
VOCABULARY = Path(__file__).resolve().parent / "ontology" / "vocab.ttl"
#: The named graph :func:`load_graph` puts the concept schemes in (notations, labels).
VOCABULARY_GRAPH = URIRef("https://w3id.org/kg-news/vocab")
# A small graph in the shape of docs/graph-model.md, for the examples below (a test fixture).
_EXAMPLE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "queries" / "graph.trig"

FORMATS = ("table", "csv", "tsv", "json", "md")
_NAMESPACES = {**PREFIXES, "skos": str(SKOS), "owl": str(OWL), "rdfs": str(RDFS),
               "xsd": str(XSD)}
_HEADER = re.compile(r"#\s*(name|answers|params?):\s*(.*?)\s*$")
_PARAM = re.compile(
    r"(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*\((?P<type>[\w-]+),\s*(?P<need>optional|required)\)"
    r":\s*(?P<meaning>.+)"
)
_IRI = re.compile(r"(?:https?://|urn:)[^\s<>\"{}|\\^`]+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class NamedQuery:
    """One SPARQL query with its header.

    ``params`` maps each parameter's name to its declaration as written after the name,
    e.g. ``"(date, optional): first day to include"``.
    """

    name: str
    answers: str
    params: dict[str, str]
    text: str
    path: Path
    _specs: dict[str, tuple[str, bool]] = field(default_factory=dict, repr=False)
    #: The query that answers one page of this listing (``queries/pages/<name>.rq``), if any.
    pages: NamedQuery | None = field(default=None, repr=False)

    def required(self) -> list[str]:
        """Names of the parameters that must be given.

        >>> load_query("said-by").required()
        ['actor']
        """
        return [name for name, (_, needed) in self._specs.items() if needed]


def triples_read(query: NamedQuery) -> dict[URIRef, frozenset[URIRef] | None] | None:
    """The predicates ``query``'s patterns read (paths and ``EXISTS`` included), each with the
    IRIs it is read with as object when every pattern of it names one (``?actor a sem:Actor``),
    else None (any object); None when a pattern reads any predicate (a variable one): what a
    store needs to hold to answer it. A pattern matches a triple only when the triple's
    object is the IRI it names, so the other triples of that predicate can never be read.

    >>> read = triples_read(load_query("figures-by-source"))
    >>> names = {str(p).rsplit("/", 1)[1] for p in read}
    >>> len(names), sorted(names & {"ontology#quantity", "ontology#factuality", "ontology#anchorOf"})
    (19, ['ontology#factuality', 'ontology#quantity'])
    >>> [str(o).rsplit("#")[1] for o in read[URIRef(_NAMESPACES["kgo"] + "factuality")]]  # the denials alone
    ['factuality-negated']
    >>> def reads(text): return triples_read(NamedQuery("any", "", {}, text, Path("any.rq")))
    >>> reads("SELECT * WHERE { ?s ?p ?o }"), reads("SELECT * WHERE { ?s !rdfs:label ?o }")
    (None, None)
    >>> def end(term): return re.split("[/#]", term)[-1]
    >>> def short(read): return sorted((end(p), o and sorted(map(end, o))) for p, o in read.items())
    >>> short(reads("SELECT * WHERE { ?s a sem:Actor . ?t a ?class }"))  # one pattern reads any object
    [('type', None)]
    >>> short(reads("SELECT * WHERE { ?s a sem:Actor, sem:Event ; rdfs:label 'x' }"))  # a literal: any
    [('label', None), ('type', ['Actor', 'Event'])]
    >>> sorted(reads("SELECT * WHERE { ?s (rdfs:label|^rdfs:seeAlso)/rdfs:comment* kgo:x }").items())  # doctest: +NORMALIZE_WHITESPACE
    [(rdflib.term.URIRef('http://www.w3.org/2000/01/rdf-schema#comment'), None),
     (rdflib.term.URIRef('http://www.w3.org/2000/01/rdf-schema#label'), None),
     (rdflib.term.URIRef('http://www.w3.org/2000/01/rdf-schema#seeAlso'), None)]
    """
    from rdflib.paths import NegatedPath
    from rdflib.paths import Path as PropertyPath
    from rdflib.plugins.sparql.algebra import translateGroupGraphPattern
    from rdflib.plugins.sparql.parserutils import CompValue
    from rdflib.term import Variable

    found: dict[URIRef, frozenset[URIRef] | None] = {}

    def read(p, o) -> bool:  # a pattern's predicate (an IRI, a path of them, or a variable) and object
        if isinstance(p, (Variable, NegatedPath)):  # any predicate, or any but a few
            return False
        if isinstance(p, PropertyPath):  # a step's objects are the next step's subjects: any
            parts = [getattr(p, name) for name in ("arg", "path", "args") if hasattr(p, name)]
            return all(read(x, None) for part in parts for x in (part if isinstance(part, list) else [part]))
        objects = found.get(p, frozenset())
        # An IRI named, or any object: a variable, a blank node, or a literal (whose forms may differ).
        found[p] = objects | {o} if objects is not None and isinstance(o, URIRef) else None
        return True

    def walk(node) -> bool:
        if isinstance(node, CompValue):
            if node.name == "BGP" and not all(read(p, o) for _, p, o in node.triples):
                return False
            if node.name in ("Builtin_EXISTS", "Builtin_NOTEXISTS"):  # left untranslated by the parser
                return walk(translateGroupGraphPattern(node.graph))
            return all(walk(value) for value in node.values())
        if isinstance(node, (list, tuple, set)):
            return all(walk(value) for value in node)
        return True

    return found if walk(prepareQuery(query.text, initNs=_NAMESPACES).algebra) else None


def read_by_all(reads: list) -> dict[URIRef, frozenset[URIRef] | None] | None:
    """What several queries read together, each one's :func:`triples_read` given.

    >>> p, q, a, b = (URIRef(f"urn:{n}") for n in "pqab")
    >>> read_by_all([{p: frozenset({a})}, {p: frozenset({b}), q: None}]) == {p: frozenset({a, b}), q: None}
    True
    >>> read_by_all([{p: None}, {p: frozenset({a})}]), read_by_all([{p: None}, None])
    ({rdflib.term.URIRef('urn:p'): None}, None)
    """
    if None in reads:
        return None
    together: dict = {}
    for read in reads:
        for p, objects in read.items():
            had = together.get(p, frozenset())
            together[p] = None if had is None or objects is None else had | objects
    return together


def _parse(path: Path) -> NamedQuery:
    """Read a ``.rq`` file and its header comment."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise QueryError(f"{path}: cannot read query: {err.strerror or err}") from err
    name, answers = path.stem, ""
    params: dict[str, str] = {}
    specs: dict[str, tuple[str, bool]] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        match = _HEADER.match(line)
        if not match:
            continue
        key, value = match.groups()
        if key == "name":
            name = value
        elif key == "answers":
            answers = value
        elif value.lower() != "none":
            param = _PARAM.fullmatch(value)
            if not param:
                raise QueryError(
                    f"{path}: bad parameter line {value!r}; "
                    "write 'name (type, optional|required): meaning'"
                )
            params[param["name"]] = value[len(param["name"]):].strip()
            specs[param["name"]] = (param["type"], param["need"] == "required")
    return NamedQuery(name, answers, params, text, path, specs)


def named_queries() -> dict[str, NamedQuery]:
    """All shipped queries, by name.

    >>> "timeline" in named_queries()
    True
    """
    queries = {q.name: q for q in (_parse(path) for path in sorted(QUERY_DIR.glob("*.rq")))}
    for path in sorted((QUERY_DIR / "pages").glob("*.rq")):
        queries[path.stem].pages = _parse(path)
    return queries


def load_query(name_or_path: str) -> NamedQuery:
    """A shipped query by name, or the query in a ``.rq`` file.

    >>> load_query("events").params
    {}
    >>> load_query("no-such-query")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: unknown query 'no-such-query'; available: actors, articles, ...
    """
    queries = named_queries()
    if name_or_path in queries:
        return queries[name_or_path]
    path = Path(name_or_path)
    if path.suffix == ".rq" or path.exists():
        if not path.is_file():
            raise QueryError(f"{path}: no such query file")
        return _parse(path)
    raise QueryError(
        f"unknown query {name_or_path!r}; available: {', '.join(sorted(queries))}"
    )


def add_vocabulary(graph: Dataset) -> Dataset:
    """Add the concept schemes (notations, labels) as the graph :data:`VOCABULARY_GRAPH`.

    The queries print concepts by their ``skos:notation``; :func:`load_graph` calls this so
    that they work whether or not the build copied the schemes into its output.
    """
    target = graph.graph(VOCABULARY_GRAPH)
    if len(target) == 0:
        target.parse(VOCABULARY, format="turtle")
    return graph


def load_graph(path: str | Path) -> Dataset:
    """Read a graph file into a union-of-named-graphs dataset, with the vocabulary added.

    The format follows the suffix: ``.trig``, ``.nq``, ``.ttl``, ``.nt``, ``.jsonld``.

    >>> len(load_graph(_EXAMPLE).graph(URIRef("https://w3id.org/kg-news/id/graph/story"))) > 0
    True
    >>> load_graph("missing.trig")
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: missing.trig: no such graph file
    """
    graph = read_graph(path, QueryError, default_union=True)
    return add_vocabulary(graph)


def _term(query: NamedQuery, name: str, value: str) -> Identifier:
    """A parameter value as an RDF term."""
    kind = query._specs[name][0]
    if kind == "page":
        if not value.isdigit() or int(value) < 1:
            raise QueryError(f"parameter {name!r} of query {query.name!r} must be a page number "
                             f"(1, 2, ...), not {value!r}")
        return Literal(int(value), datatype=XSD.integer)
    if kind == "date":
        try:
            if not _DATE.fullmatch(value):
                raise ValueError(value)
            date.fromisoformat(value)
        except ValueError:
            raise QueryError(
                f"parameter {name!r} of query {query.name!r} must be a date (yyyy-mm-dd), "
                f"not {value!r}"
            ) from None
        return Literal(value, datatype=XSD.date)
    prefix, _, rest = value.partition(":")
    if prefix in _NAMESPACES and rest and not rest.startswith("//"):
        value = _NAMESPACES[prefix] + rest
    if _IRI.fullmatch(value):
        return URIRef(value)
    return Literal(value)


def run(
    query: NamedQuery, graph: Dataset, params: dict[str, str] | None = None
) -> tuple[list[str], list[list[str]]]:
    """Run a query; return its variable names and its rows, every value a string.

    Literals give their lexical form, IRIs the full IRI, booleans ``true``/``false``, and an
    unbound value an empty string. An unknown or missing parameter is a
    :class:`~kg.errors.QueryError` that names it.

    >>> graph = load_graph(_EXAMPLE)
    >>> header, rows = run(load_query("said-by"), graph, {"actor": "Rusia"})
    >>> header
    ['statement', 'date', 'speakers', 'kind', 'direct', 'text', 'article']
    >>> rows[0][3:6]
    ['denial', 'false', 'laporan itu']
    >>> run(load_query("said-by"), graph, {"who": "Rusia"})
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: query 'said-by' has no parameter 'who'; its parameters: actor
    """
    bindings = bind_params(query, params)
    try:
        prepared = prepareQuery(query.text, initNs=_NAMESPACES)
    except Exception as err:  # pyparsing's errors and rdflib's own
        raise QueryError(f"{query.path}: bad SPARQL: {err}") from err
    result = graph.query(prepared, initBindings=bindings)
    if result.type == "ASK":
        return ["ask"], [["true" if result.askAnswer else "false"]]
    if result.type != "SELECT":
        raise QueryError(f"{query.path}: only SELECT and ASK queries can be run")
    header = [str(v) for v in result.vars or []]
    rows = [[_text(row[i]) for i in range(len(header))] for row in result]
    return header, rows


def bind_params(query: NamedQuery, params: dict[str, str] | None = None) -> dict[str, Identifier]:
    """``params`` checked against the query's header and parsed into RDF terms: initial
    bindings for :func:`run`, a ``VALUES`` block for the other stores (:mod:`kg.store`).

    >>> bind_params(load_query("between"), {"from": "2024-11-05"})["from"].n3()
    '"2024-11-05"^^<http://www.w3.org/2001/XMLSchema#date>'
    """
    params = dict(params or {})
    for name in params:
        if name not in query._specs:
            known = ", ".join(query._specs) or "none"
            raise QueryError(
                f"query {query.name!r} has no parameter {name!r}; its parameters: {known}"
            )
    for name in query.required():
        if name not in params:
            raise QueryError(
                f"query {query.name!r} needs parameter {name!r} {query.params[name]}"
            )
    return {name: _term(query, name, value) for name, value in params.items()}


def run_on(store, query: NamedQuery | str, params: dict[str, str] | None = None
           ) -> tuple[list[str], list[list[str]]]:
    """Run a query on a store of :mod:`kg.store` (or anything :func:`kg.store.open_store`
    opens: a graph file, an Oxigraph folder, an endpoint URL); the same header and rows as
    :func:`run` gives.

    >>> run_on(_EXAMPLE, "said-by", {"actor": "Rusia"})[1][0][3]
    'denial'
    """
    from .store import open_store

    if isinstance(query, str):
        query = load_query(query)
    return open_store(store).run(query, params)


def page_reads(query: NamedQuery) -> list[NamedQuery]:
    """The queries a page of ``query`` runs (:func:`run_page`): what a store must hold for it.

    >>> [q.name for q in page_reads(load_query("timeline"))]
    ['timeline', 'timeline (pages)']
    """
    if query.name == "between":
        from .periods import page_reads as period_reads

        return [page_query(query), *period_reads()]
    return [page_query(query), listing_counts(query)]


def listing_counts(query: NamedQuery) -> NamedQuery:
    """The query that finds the listing the build kept for ``query`` (:func:`kg.kept.add_kept`):
    each listing it finds, what it is for, and how many items and pages it has. A query with a
    parameter has a listing for each actor, place or measure; the parameter names it by its IRI,
    one of its labels or its notation (any case), as the whole query reads it; left out, it
    asks for the listing of every one.

    >>> run_on(_EXAMPLE, listing_counts(load_query("timeline")))
    (['listing', 'for', 'items', 'pages'], [['https://w3id.org/kg-news/id/listing/timeline', '', '8', '3']])
    >>> run_on(_EXAMPLE, listing_counts(load_query("said-by")), {"actor": "RUSIA"})[1][0][1:]
    ['https://w3id.org/kg-news/id/actor/russia', '1', '1']
    """
    names, kgo = list(query._specs), PREFIXES["kgo"]
    if len(names) > 1:
        raise QueryError(f"query {query.name!r} has more than one parameter: it has no listings")
    asked = names[0] if names else None
    # The names are read from ?named, always bound: from an unbound ?for (the listing of every
    # measure) Oxigraph read every label of the archive (1.1 s at 10,000 articles).
    matched = "!BOUND(?for)" if asked is None else (  # a parameter left out: the listing of every one
        f"IF(BOUND(?{asked}), BOUND(?for) && (?for = ?{asked} || EXISTS {{ ?named <{RDFS.label}>|<{SKOS.altLabel}>|"
        f"<{SKOS.notation}> ?name . FILTER(LCASE(STR(?name)) = LCASE(STR(?{asked}))) }}), !BOUND(?for))")
    text = (f"SELECT ?listing ?for ?items ?pages WHERE {{ {f'VALUES ?{asked} {{ UNDEF }} ' if asked else ''}"
            f"?listing <{kgo}queryName> \"{query.name}\" ; <{kgo}itemCount> ?items ; <{kgo}pageCount> ?pages . "
            f"OPTIONAL {{ ?listing <{kgo}listingFor> ?for }} BIND(COALESCE(?for, <urn:none>) AS ?named) "
            f"FILTER({matched}) }} ORDER BY ?listing")
    return NamedQuery(f"{query.name} (pages)", "", dict(query.params), text, query.path, dict(query._specs))


def run_page(store, query: NamedQuery, number: int, params: dict[str, str] | None = None
             ) -> tuple[list[str], list[list[str]], int, int]:
    """Page ``number`` of the listing ``query`` on ``store`` (a store of :mod:`kg.store`), for
    ``params``: its header and rows, and how many items and pages the listing has. The build
    keeps each listing cut into pages (:func:`kg.kept.add_kept`), so a page is read by its own
    items. The listing is found here, once (:func:`listing_counts`); a page query of a query
    with a parameter is given its IRI (``listing``) instead of finding it again.

    >>> from kg.store import open_store
    >>> header, rows, items, pages = run_page(open_store(_EXAMPLE), load_query("articles"), 1)
    >>> [row[0].rsplit("/", 1)[1] for row in rows], items, pages
    (['ap-20241105', 'kompas-20241113'], 2, 1)
    >>> run_page(open_store(_EXAMPLE), load_query("articles"), 2)
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: query 'articles' has 1 page of 2 items; there is no page 2
    >>> run_page(open_store(_EXAMPLE), load_query("said-by"), 1, {"actor": "nobody"})
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: query 'said-by' has no items for actor 'nobody'; there is no page 1
    """
    pages_of, params = page_query(query), dict(params or {})
    if query.name == "between":  # a period is any two days: its pages are cut at asking
        from .periods import run_page as run_period_page

        return run_period_page(store, query, number, params)
    found = store.run(listing_counts(query), params)[1]
    asked = ", ".join(f"{name} {value!r}" for name, value in params.items())
    if not found:
        if not store.run(_ANY_LISTING)[1]:
            raise QueryError(f"the graph keeps no pages of {query.name!r} (a graph built before kg kept "
                             "them, or from several builds): build it again")
        raise QueryError(f"query {query.name!r} has no items for {asked}; there is no page {number}")
    if len(found) > 1:
        raise QueryError(f"{asked} names {len(found)}: {', '.join(row[1] for row in found)}; ask for one "
                         f"by its IRI (without --page, query {query.name!r} answers for all of them)")
    items, pages = (int(n) for n in found[0][2:])
    if number > pages:
        raise QueryError(f"query {query.name!r} has {counted(pages, 'page')} of "
                         f"{counted(items, 'item')}{f' for {asked}' if asked else ''}; there is no page {number}")
    given = {"listing": found[0][0], "page": str(number)}  # the listing, for a query with a parameter
    header, rows = store.run(pages_of, {name: value for name, value in given.items() if name in pages_of._specs})
    return header, rows, items, pages


#: Whether the graph keeps any listing: what tells a graph built before pages from a listing not there.
_ANY_LISTING = NamedQuery("listings", "", {}, f"SELECT ?listing WHERE {{ ?listing <{PREFIXES['kgo']}queryName> "
                          "?name } LIMIT 1", QUERY_DIR)


def counted(n: int, word: str) -> str:
    """``n`` and ``word``, in the plural unless ``n`` is one.

    >>> counted(1, "item"), counted(0, "page"), counted(6337, "page")
    ('1 item', '0 pages', '6337 pages')
    """
    return f"{n} {word}{'' if n == 1 else 's'}"


def page_query(query: NamedQuery) -> NamedQuery:
    """The query that answers one page of the listing ``query``; a :class:`QueryError` that
    names the paged queries when it has none.

    >>> page_query(load_query("actors"))
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: query 'actors' is not answered a page at a time; these are: articles, between, disputed, events, events-at, figures, figures-by-source, role-speakers, said-by, statements, timeline, unconfirmed
    """
    if query.pages is None:
        paged = ", ".join(name for name, q in sorted(named_queries().items()) if q.pages)
        raise QueryError(f"query {query.name!r} is not answered a page at a time; these are: {paged}")
    return query.pages


def _text(term: Identifier | None) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def format_rows(
    header: list[str], rows: list[list[str]], fmt: str, width: int | None = None
) -> str:
    """Rows as text in one of :data:`FORMATS`.

    ``table``: aligned columns for reading; when they are wider than ``width`` (default: the
    terminal's, from :func:`shutil.get_terminal_size`) the widest columns are narrowed and
    their long cells cut with "…". ``csv`` (``\\n`` line ends) and ``tsv`` (tab, newline,
    carriage return and backslash written ``\\t``, ``\\n``, ``\\r``, ``\\\\``): a header line,
    then one line per row. ``json``: SPARQL 1.1 Query Results JSON, each value a typed term
    (``uri``, ``bnode`` or ``literal``, with its datatype or language when the cell is an
    rdflib term), an empty cell left unbound. ``md``: a Markdown table, pipes escaped.
    A cell is a string (as :func:`run` gives) or an RDF term.

    >>> print(format_rows(["a", "bb"], [["1", "x"], ["22", ""]], "table"), end="")
    a   bb
    --  --
    1   x
    22
    >>> print(format_rows(["name", "text"], [["x", "a long sentence here"]], "table", width=16),
    ...       end="")
    name  text
    ----  ----------
    x     a long se…
    >>> print(format_rows(["a", "b"], [["x|y", ""]], "md"), end="")
    | a | b |
    | --- | --- |
    | x\\|y |  |
    >>> print(format_rows(["a"], [["https://example.org/x"]], "json"), end="")
    {
      "head": {
        "vars": [
          "a"
        ]
      },
      "results": {
        "bindings": [
          {
            "a": {
              "type": "uri",
              "value": "https://example.org/x"
            }
          }
        ]
      }
    }
    """
    if fmt == "json":
        bindings = []
        for row in rows:
            binding = {}
            for name, value in zip(header, row):
                term = _json_term(value)
                if term is not None:
                    binding[name] = term
            bindings.append(binding)
        document = {"head": {"vars": list(header)}, "results": {"bindings": bindings}}
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    cells = [[_cell(v) for v in row] for row in rows]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(cells)
        return out.getvalue()
    if fmt == "tsv":
        return "".join("\t".join(_tsv(v) for v in line) + "\n" for line in [header] + cells)
    if fmt == "md":
        lines = [header, ["---"] * len(header)] + cells
        return "".join(
            "| " + " | ".join(_markdown(v) if i != 1 else v for v in line) + " |\n"
            for i, line in enumerate(lines)
        )
    if fmt == "table":
        return _table(header, cells, width)
    raise QueryError(f"unknown output format {fmt!r}; use one of {', '.join(FORMATS)}")


_ELLIPSIS = "…"
#: A table column is never narrowed below this many characters.
_MIN_WIDTH = 4


def _cell(value) -> str:
    """A cell as a string: an RDF term as :func:`run` writes it, ``None`` as empty."""
    if isinstance(value, Identifier) or value is None:
        return _text(value)
    return str(value)


def _json_term(value) -> dict[str, str] | None:
    """A cell as a SPARQL JSON term; ``None`` for an empty (unbound) cell.

    rdflib terms keep their kind, datatype and language; a string is a ``uri`` when it is
    an IRI, a ``bnode`` when written ``_:id``, and a plain ``literal`` otherwise.
    """
    if value is None:
        return None
    if isinstance(value, URIRef):
        return {"type": "uri", "value": str(value)}
    if isinstance(value, BNode):
        return {"type": "bnode", "value": str(value)}
    if isinstance(value, Literal):
        term = {"type": "literal", "value": str(value)}
        if value.language:
            term["xml:lang"] = value.language
        elif value.datatype is not None:
            term["datatype"] = str(value.datatype)
        return term
    value = str(value)
    if value == "":
        return None
    if _IRI.fullmatch(value):
        return {"type": "uri", "value": value}
    if value.startswith("_:") and len(value) > 2:
        return {"type": "bnode", "value": value[2:]}
    return {"type": "literal", "value": value}


def _tsv(value: str) -> str:
    return (value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
            .replace("\r", "\\r"))


def _markdown(value: str) -> str:
    return " ".join(value.split()).replace("\\", "\\\\").replace("|", "\\|")


def _fit(value: str, width: int) -> str:
    """``value`` cut to ``width`` characters, the last one "…" when anything was cut."""
    if len(value) <= width:
        return value
    return value[: max(width - 1, 0)] + _ELLIPSIS


def _table(header: list[str], rows: list[list[str]], width: int | None) -> str:
    if width is None:
        width = shutil.get_terminal_size().columns
    cells = [list(header)] + [[" ".join(v.split()) for v in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    excess = sum(widths) + 2 * (len(widths) - 1) - width
    while excess > 0:
        widest = max(range(len(widths)), key=lambda i: widths[i])
        if widths[widest] <= _MIN_WIDTH:
            break
        # Narrow the widest column down to the next widest (or by what is still too much).
        others = [w for i, w in enumerate(widths) if i != widest]
        step = min(excess, widths[widest] - max(max(others, default=0), _MIN_WIDTH)) or 1
        widths[widest] -= step
        excess -= step
    lines = [cells[0], ["-" * w for w in widths]] + cells[1:]
    return "".join(
        "  ".join(_fit(v, w).ljust(w) for v, w in zip(line, widths)).rstrip() + "\n"
        for line in lines
    )
