"""Provenance in the graph: every fact traces to its article and spans, says which rule read it
and how sure that rule is, and the build says what it used."""
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, XSD, Literal

from kg.extract.document import extract
from kg.ingest import read_article
from kg.formats import merged as union
from kg.rdf import to_dataset
from kg.vocab import KGO, NIF, PROV, SCHEMA, SEM

SEED = Path(__file__).parent.parent / "data" / "articles" / "000_dcb0d9e068cde2f2.txt"


@pytest.fixture(scope="module")
def ds():
    """All the named graphs of the seed's build as one graph."""
    return union(to_dataset([extract(read_article(SEED))]))


def test_statements_and_events_say_which_rule_read_them_and_how_sure(ds):
    nodes = set(ds.subjects(RDF.type, KGO.Statement)) | set(ds.subjects(RDF.type, SEM.Event))
    assert len(nodes) > 20
    for node in nodes:
        assert ds.value(node, KGO.rule) is not None, node
        sure = ds.value(node, KGO.confidence).toPython()
        assert isinstance(sure, Decimal) and 0 < sure < 1, node


def test_every_instance_comes_from_its_article_and_its_spans(ds):
    [article] = ds.subjects(RDF.type, SCHEMA.NewsArticle)
    for cls in (KGO.Statement, SEM.Event, KGO.Quantity):
        for node in ds.subjects(RDF.type, cls):
            if cls != KGO.Quantity:
                assert (node, PROV.wasDerivedFrom, article) in ds, node
            spans = list(ds.objects(node, KGO.mention)) + list(ds.objects(node, KGO.trigger)) + \
                list(ds.objects(node, KGO.cue))
            assert spans, node
            for span in spans:
                begin, end = (ds.value(span, NIF.beginIndex).toPython(), ds.value(span, NIF.endIndex).toPython())
                text = str(ds.value(article, NIF.isString))
                assert text[begin:end] == str(ds.value(span, NIF.anchorOf)), span


def test_the_build_names_its_tool_and_what_it_used(ds):
    [build] = [b for b in ds.subjects(RDF.type, PROV.Activity) if (b, KGO.toolVersion, None) in ds]
    [used] = ds.objects(build, PROV.used)
    assert len(str(ds.value(used, KGO.sha256))) == 64


def test_the_press_told_is_an_audience_span_not_an_actor():
    """'told reporters': the statement points at the span of its audience; no actor is made of
    the press, and the graph still conforms to its shapes."""
    from kg.ingest import parse_article
    from kg.validate import validate
    text = "Jane Roe told reporters on Monday that the troops had been sent to Kursk."
    graphs = to_dataset([extract(parse_article(f"---\npublished: 2024-11-12\nlanguage: en\n---\n{text}\n", "a.txt"))])
    g = union(graphs)
    [statement] = g.subjects(RDF.type, KGO.Statement)
    [span] = g.objects(statement, KGO.audience)
    assert str(g.value(span, NIF.anchorOf)) == "reporters"
    assert text[g.value(span, NIF.beginIndex).toPython():g.value(span, NIF.endIndex).toPython()] == "reporters"
    assert list(g.objects(statement, KGO.addressee)) == []
    assert "reporters" not in {str(label) for actor in g.subjects(RDF.type, SEM.Actor) for label in g.objects(actor, RDFS.label)}
    assert validate(graphs).conforms


def test_what_the_outlet_could_not_verify_is_dated_by_the_page():
    """The publisher's doubt has no time in the text: its day is the publication day, a node of
    its own beside the 'on or before publication' bound of the events."""
    from kg.ingest import parse_article
    from kg.validate import validate
    text = "Kyiv said North Korean troops had been killed in Kursk. The claims could not be independently verified."
    head = "---\npublished: 2024-12-23\nlanguage: en\npublisher: Example Daily\n---\n"
    graphs = to_dataset([extract(parse_article(head + text, "a.txt"))])
    g = union(graphs)
    [doubt] = [s for s in g.subjects(RDF.type, KGO.Statement) if (s, KGO.negated, None) in g
               and g.value(s, KGO.negated).toPython()]
    [speaker] = g.objects(doubt, KGO.speaker)
    assert str(g.value(speaker, RDFS.label)) == "Example Daily"
    time = g.value(doubt, SEM.hasTime)
    assert str(time).endswith("/time/publication/day")
    assert g.value(time, SEM.hasTimeStamp) == Literal("2024-12-23", datatype=XSD.date)
    assert validate(graphs).conforms
