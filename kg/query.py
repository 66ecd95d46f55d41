"""Named SPARQL queries over a built graph, and their results as plain strings.

Each question is one file ``kg/queries/<name>.rq`` that starts with a header::

    # name: said-by
    # answers: Everything one actor said (or was said on its behalf), in date order.
    # params: actor (actor, required): the actor's IRI, or one of its labels

(``# params: none`` when it takes none; one ``# params:`` line per parameter.) Queries run
over the union of all named graphs. Parameters are bound as RDF terms with ``initBindings``,
never pasted into the query text: a parameter of type ``date`` becomes an ``xsd:date``
literal, any other value an IRI when it looks like one (``https://...``, ``urn:...``, or a
known prefix such as ``kgr:actor/russia``) and a plain literal otherwise.

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

FORMATS = ("table", "csv", "json")
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

    def required(self) -> list[str]:
        """Names of the parameters that must be given.

        >>> load_query("said-by").required()
        ['actor']
        """
        return [name for name, (_, needed) in self._specs.items() if needed]


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
    queries = (_parse(path) for path in sorted(QUERY_DIR.glob("*.rq")))
    return {q.name: q for q in queries}


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
    bindings = {name: _term(query, name, value) for name, value in params.items()}
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


def _text(term: Identifier | None) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def format_rows(header: list[str], rows: list[list[str]], fmt: str) -> str:
    """Rows as an aligned ``table``, ``csv`` (``\\n`` line ends) or ``json`` (objects).

    >>> print(format_rows(["a", "bb"], [["1", "x"], ["22", ""]], "table"), end="")
    a   bb
    --  --
    1   x
    22
    >>> format_rows(["a"], [["1"]], "json")
    '[\\n  {\\n    "a": "1"\\n  }\\n]\\n'
    """
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        return out.getvalue()
    if fmt == "json":
        objects = [dict(zip(header, row)) for row in rows]
        return json.dumps(objects, ensure_ascii=False, indent=2) + "\n"
    if fmt == "table":
        cells = [header] + [[" ".join(v.split()) for v in row] for row in rows]
        widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
        lines = [cells[0], ["-" * w for w in widths]] + cells[1:]
        return "".join(
            "  ".join(v.ljust(w) for v, w in zip(line, widths)).rstrip() + "\n"
            for line in lines
        )
    raise QueryError(f"unknown output format {fmt!r}; use one of {', '.join(FORMATS)}")
