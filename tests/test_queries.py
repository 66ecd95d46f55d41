"""The named queries give exactly the expected rows on a small hand-written graph.

The graph is ``tests/fixtures/queries/graph.trig`` (the shape of docs/graph-model.md); the
expected output of each case is ``tests/fixtures/queries/<case>.csv``.
"""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from rdflib import Namespace

from kg.errors import QueryError
from kg.store import MemoryStore
from kg.query import (
    _NAMESPACES, VOCABULARY, VOCABULARY_GRAPH, format_rows, load_graph, load_query, named_queries, run,
)
from sparql_joins import loose_joins

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "queries"
GRAPH_FILE = FIXTURES / "graph.trig"
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")

# (case, query, params): the expected rows are in FIXTURES/<case>.csv.
_WITH_PARAMS = ("said-by", "events-at", "reported-by")
CASES = [(name, name, {}) for name in sorted(named_queries()) if name not in _WITH_PARAMS] + [
    ("said-by", "said-by", {"actor": "Rusia"}),
    ("said-by--iri", "said-by", {"actor": "https://w3id.org/kg-news/id/actor/matthew-miller"}),
    ("said-by--on-behalf", "said-by", {"actor": "kgr:actor/us-department-of-state"}),
    ("between--november", "between", {"from": "2024-11-05", "to": "2024-11-30"}),
    ("between--until-june", "between", {"to": "2024-06-01"}),
    ("events-at", "events-at", {"place": "Rusia"}),  # and within it: Kursk
    ("events-at--iri", "events-at", {"place": "kgr:place/kursk"}),
    ("together--actor", "together", {"actor": "North Korea"}),  # a label in another language
    ("reported-by", "reported-by", {"type": "deployment"}),  # the denial is left out
    ("reported-by--iri", "reported-by", {"type": "kgv:event-attack"}),
    ("figures-by-source--iri", "figures-by-source", {"measure": "kgv:measure-troops-sent"}),
]


@pytest.fixture(scope="module")
def graph():
    return load_graph(GRAPH_FILE)


def _expected(case: str) -> tuple[list[str], list[list[str]]]:
    with open(FIXTURES / f"{case}.csv", encoding="utf-8", newline="") as f:
        header, *rows = list(csv.reader(f))
    return header, rows


@pytest.mark.parametrize(("case", "name", "params"), CASES, ids=[c[0] for c in CASES])
def test_query_gives_expected_rows(graph, case, name, params):
    assert run(load_query(name), graph, params) == _expected(case)


def test_figures_of_another_measure_are_left_out(graph):
    header, rows = run(load_query("figures-by-source"), graph, {"measure": "killed"})
    assert header[0] == "counts" and rows == []


def test_the_hand_written_graph_has_the_shapes_a_build_checks():
    """The queries are tested on a graph of the build's shape: it passes the build's own
    check (ontology/shapes.ttl), so that a query cannot lean on what no build writes."""
    from kg.validate import validate
    report = validate(GRAPH_FILE)
    assert report.conforms, report.text


def test_every_query_has_a_case():
    assert set(named_queries()) <= {name for _, name, _ in CASES}


@pytest.mark.parametrize(
    ("name", "columns"),
    [("actors", "actor,label,type,wikidata,mentions"),
     ("statements", "statement,date,speaker,speaker_label,kind,direct,quote,content,article"),
     ("events", "event,date,begin_day,end,precision,type,label,factuality,place,actors,article"),
     ("timeline", "item,kind,date,end,type,label,who,article")],
)
def test_required_columns(graph, name, columns):
    assert run(load_query(name), graph)[0] == columns.split(",")


QUERY_FILES = sorted((Path(__file__).parent.parent / "kg" / "queries").glob("*.rq"))


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_query_file_has_header(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == f"# name: {path.stem}"
    assert re.fullmatch(r"# answers: \S.*", lines[1])
    assert lines[2].startswith("# params: ")
    assert load_query(path.stem).path == path


@pytest.mark.parametrize("value", ['"} ; DROP ALL', "x\" } } DROP ALL ; SELECT * {", "<urn:x> }",
                                   "http://example.org/} DROP ALL"])
def test_parameter_is_only_a_value(graph, value):
    size = len(graph)
    assert run(load_query("said-by"), graph, {"actor": value})[1] == []
    assert len(graph) == size


INJECTIONS = ['"', "'", '"\'', "{", "}", "{ }", "} UNION {", '"} UNION { ?s ?p ?o', "'} UNION {",
              '"; DROP ALL', "\"; DROP ALL ; SELECT * WHERE { ?s ?p ?o", "x\" } } DROP ALL ; #",
              "<urn:x> }", "http://example.org/} UNION {", "kgr:actor/russia> } UNION { <urn:x"]


@pytest.mark.parametrize("value", INJECTIONS)
@pytest.mark.parametrize(("name", "param"),
                         [("events-at", "place"), ("together", "actor"), ("reported-by", "type")])
def test_new_parameters_are_only_values(graph, name, param, value):
    """Quotes, braces and SPARQL in a parameter match nothing: no rows, no error, and the
    query text and the graph unchanged."""
    query = load_query(name)
    text, size = query.text, len(graph)
    header, rows = run(query, graph, {param: value})
    assert rows == []
    assert header == _expected(f"{name}--actor" if name == "together" else name)[0]
    assert query.text == text == load_query(name).text
    assert len(graph) == size


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [("said-by", {}, "query 'said-by' needs parameter 'actor'"),
     ("said-by", {"actor": "Rusia", "who": "x"}, "has no parameter 'who'; its parameters: actor"),
     ("events", {"from": "2024-01-01"}, "has no parameter 'from'; its parameters: none"),
     ("between", {"from": "12/11/2024"}, "parameter 'from' of query 'between' must be a date"),
     ("between", {"to": "2024-02-30"}, "parameter 'to' of query 'between' must be a date")],
)
def test_bad_parameters(graph, name, params, message):
    with pytest.raises(QueryError, match=re.escape(message)):
        run(load_query(name), graph, params)


def test_unknown_query_lists_available_names():
    with pytest.raises(QueryError) as err:
        load_query("timelines")
    assert "unknown query 'timelines'" in str(err.value)
    assert ", ".join(sorted(named_queries())) in str(err.value)


def test_query_from_a_file(tmp_path):
    path = tmp_path / "count.rq"
    path.write_text("# name: count\n# answers: How many statements.\n# params: none\n"
                    "SELECT (COUNT(?s) AS ?n) WHERE { ?s a kgo:Statement }\n")
    query = load_query(str(path))
    assert (query.name, query.answers, query.params) == ("count", "How many statements.", {})
    assert run(query, load_graph(GRAPH_FILE)) == (["n"], [["4"]])


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such graph file"), ("<a> <b> .", "cannot parse as trig")],
)
def test_unreadable_graph_names_the_file(tmp_path, content, message):
    path = tmp_path / "graph.trig"
    if content is not None:
        path.write_text(content)
    with pytest.raises(QueryError, match=re.escape(f"{path}: {message}")):
        load_graph(path)


def test_formats():
    header, rows = ["a", "b"], [["1", 'say "hi", then go'], ["22", ""]]
    assert format_rows(header, rows, "csv") == 'a,b\n1,"say ""hi"", then go"\n22,\n'
    assert format_rows(header, rows, "table", width=80).splitlines() == [
        "a   b", "--  -----------------", '1   say "hi", then go', "22"]
    with pytest.raises(QueryError, match="unknown output format 'xml'"):
        format_rows(header, rows, "xml")


def test_table_cuts_long_cells_to_the_width():
    header, rows = ["id", "text"], [["1", "word " * 30], ["2", "short"]]
    lines = format_rows(header, rows, "table", width=30).splitlines()
    assert max(len(line) for line in lines) <= 30
    assert lines[2].endswith("…") and lines[2].startswith("1   word word")
    assert lines[3] == "2   short"
    assert "…" not in format_rows(header, rows, "table", width=500)


def test_table_width_defaults_to_the_terminal(monkeypatch):
    monkeypatch.setenv("COLUMNS", "20")
    lines = format_rows(["x"], [["y" * 50]], "table").splitlines()
    assert lines[2] == "y" * 19 + "…"


def test_tsv_escapes_tabs_and_newlines():
    text = format_rows(["a", "b"], [["x\ty", "line\nnext\\"], ["", "z"]], "tsv")
    assert text == "a\tb\nx\\ty\tline\\nnext\\\\\n\tz\n"


def test_markdown_table_escapes_pipes():
    text = format_rows(["a", "b|c"], [["x | y", "two\nlines"], ["", "back\\"]], "md")
    assert text.splitlines() == ["| a | b\\|c |", "| --- | --- |", "| x \\| y | two lines |",
                                 "|  | back\\\\ |"]


def test_json_is_sparql_results_with_typed_terms():
    from rdflib import XSD, BNode, Literal, URIRef
    header = ["s", "n", "label", "none", "blank"]
    rows = [["https://w3id.org/kg-news/id/actor/russia", "3", "Rusia", "", "_:b1"],
            [URIRef("urn:x"), Literal(3), Literal("Rusia", lang="id"), None, BNode("b2")]]
    document = json.loads(format_rows(header, rows, "json"))
    assert document["head"] == {"vars": header}
    first, second = document["results"]["bindings"]
    assert first == {"s": {"type": "uri", "value": "https://w3id.org/kg-news/id/actor/russia"},
                     "n": {"type": "literal", "value": "3"},
                     "label": {"type": "literal", "value": "Rusia"},
                     "blank": {"type": "bnode", "value": "b1"}}
    assert second == {"s": {"type": "uri", "value": "urn:x"},
                      "n": {"type": "literal", "value": "3", "datatype": str(XSD.integer)},
                      "label": {"type": "literal", "value": "Rusia", "xml:lang": "id"},
                      "blank": {"type": "bnode", "value": "b2"}}
    assert json.loads(format_rows(["a"], [], "json")) == {"head": {"vars": ["a"]},
                                                         "results": {"bindings": []}}


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json", "md"])
def test_cli_formats_and_output_file(tmp_path, capsys, fmt):
    from kg.cli import main
    args = ["query", "statements", "--graph", str(GRAPH_FILE), "--format", fmt]
    assert main(args) == 0
    shown = capsys.readouterr().out
    out = tmp_path / "sub" / f"rows.{fmt}"
    out.parent.mkdir()
    assert main([*args, "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    written = out.read_text(encoding="utf-8")
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no temporary file left
    header, rows = _expected("statements")
    if fmt == "table":
        assert "…" not in written  # a file is never cut to the terminal
        assert all(row[0] in written for row in rows)
    else:
        assert written == shown == format_rows(header, rows, fmt)
    if fmt == "json":
        bindings = json.loads(written)["results"]["bindings"]
        assert bindings[0]["statement"]["type"] == "uri" and len(bindings) == len(rows)
    if fmt == "csv":
        assert list(csv.reader(written.splitlines())) == [header] + rows


def test_cli_output_replaces_a_file_whole(tmp_path):
    from kg.cli import main
    out = tmp_path / "rows.csv"
    out.write_text("old\n" * 1000)
    assert main(["query", "articles", "--graph", str(GRAPH_FILE), "--format", "csv",
                 "--output", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == format_rows(*_expected("articles"), "csv")
    assert main(["query", "articles", "--graph", str(GRAPH_FILE), "-o",
                 str(tmp_path / "missing" / "dir" / "x.csv")]) == 0


def test_fixture_mentions_match_the_text(graph):
    """Every span in the fixture is the exact text at its offsets, and its IRI says so."""
    for mention, _, anchor in graph.triples((None, NIF.anchorOf, None)):
        text = str(graph.value(graph.value(mention, NIF.referenceContext), NIF.isString))
        begin = int(graph.value(mention, NIF.beginIndex))
        end = int(graph.value(mention, NIF.endIndex))
        assert text[begin:end] == str(anchor)
        assert str(mention).endswith(f"#char={begin},{end}")


def test_same_rows_in_oxigraph(graph):
    """The queries are plain SPARQL 1.1: Oxigraph gives the same rows as rdflib."""
    ox = pytest.importorskip("pyoxigraph")
    store = ox.Store()
    store.load(path=str(GRAPH_FILE), format=ox.RdfFormat.TRIG)
    store.load(path=str(VOCABULARY), format=ox.RdfFormat.TURTLE,
               to_graph=ox.NamedNode(str(VOCABULARY_GRAPH)))
    for name, query in named_queries().items():
        if query.params:
            continue  # Oxigraph binds parameters only in the projection
        result = store.query(query.text, use_default_graph_as_union=True)
        header = [v.value for v in result.variables]
        rows = [["" if s[v] is None else s[v].value for v in header] for s in result]
        assert (header, rows) == run(query, graph), name


# Joins on a variable that may be unbound, allowed because their left side is one row per
# event type (or per first report): the loop they make is short (in first-reports, the
# labels of each first report's speakers in its article's language).
SHORT_LOOPS = {
    "first-reports": ["OPTIONAL filters on ?written_in, which may be unbound"],
}


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_optionals_join_on_bound_variables(name):
    """No OPTIONAL joins or filters on a variable an earlier OPTIONAL may leave unbound: in
    Oxigraph that compares every row with every row (``tests/sparql_joins.py``)."""
    assert loose_joins(named_queries()[name].text, _NAMESPACES) == SHORT_LOOPS.get(name, [])


WRITTEN_DATE = re.compile(r"(\d{4}-\d{2}-\d{2}|\d{4}-\d{2}|\d{4}|--\d{2}-\d{2})?")


@pytest.mark.parametrize(("case", "name", "params"), CASES, ids=[c[0] for c in CASES])
def test_date_cells_are_only_as_precise_as_the_text(graph, case, name, params):
    """A date cell is a day, a month, a year or a yearless day, or empty: never a month's
    first day standing in for the month."""
    header, rows = run(load_query(name), graph, params)
    for column in header:
        if column in ("date", "end") or column.endswith("_date"):
            i = header.index(column)
            assert all(WRITTEN_DATE.fullmatch(row[i]) for row in rows), (name, column)
    if name in ("events", "timeline"):
        treaty = next(row for row in rows if row[0].endswith("/event/23-29"))
        assert treaty[header.index("date")] == "2024-06"


def test_a_denial_is_disputed_by_another_report_of_its_story_event():
    """``disputed`` sets each denial beside the other reports of its story event, in any
    article; an event read only inside its denial is not disputed by it (``disputes.trig``).
    rdflib and Oxigraph give the same rows."""
    path = FIXTURES / "disputes.trig"
    header, rows = run(load_query("disputed"), load_graph(path))
    found = [{k: v for k, v in zip(header, row) if k in ("event", "affirmed_by", "denied_by")} for row in rows]
    base = "https://w3id.org/kg-news/id/article/"
    assert found == [
        {"event": base + "b/event/1", "affirmed_by": "National Intelligence Service", "denied_by": "Kremlin"},
        {"event": base + "d/event/1", "affirmed_by": "", "denied_by": "North Korea"},  # "reportedly" in article c
    ]
    assert MemoryStore(path).run(load_query("disputed")) == (header, rows)
