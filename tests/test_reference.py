"""The ontology reference page (kg/reference.py): complete, with examples, offline, escaped."""
import html
import re
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, URIRef

from kg.extract.document import extract
from kg.formats import merged
from kg.ingest import read_article
from kg.rdf import to_dataset
from kg.reference import (MAIN_CLASSES, PROPERTY_TYPES, SHOWN, load_prefixes, render_reference, turtle_of,
                          write_reference)
from kg.vocab import KGO, KGR, NIF, SCHEMA, SEM

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "queries" / "graph.trig"
SEED = ROOT / "data" / "articles" / "000_dcb0d9e068cde2f2.txt"
ONTOLOGY = Graph()
for _name in ("kg.ttl", "vocab.ttl"):
    ONTOLOGY.parse(ROOT / "ontology" / _name)
HOSTILE = "</pre><script>alert(1)</script>"


def _terms(*types):
    return sorted({s for t in types for s in ONTOLOGY.subjects(RDF.type, t)
                   if isinstance(s, URIRef)}, key=str)


CLASSES = _terms(OWL.Class, RDFS.Class)
PROPERTIES = _terms(*PROPERTY_TYPES)
SCHEMES = _terms(SKOS.ConceptScheme)
CONCEPTS = sorted(ONTOLOGY.subjects(SKOS.inScheme, None), key=str)


def _curie(iri):
    text = str(iri)
    for prefix, ns in sorted(load_prefixes().items(), key=lambda kv: -len(kv[1])):
        if text.startswith(ns):
            return f"{prefix}:{text[len(ns):]}"
    return text


def _id(iri):
    return "t-" + re.sub(r"[^A-Za-z0-9_-]+", "-", _curie(iri)).strip("-")


def _labels(iri, prop):
    return {o.language: str(o) for o in ONTOLOGY.objects(iri, prop) if isinstance(o, Literal)}


def _entry(page, element_id):
    """The HTML of the entry (a section, or a concept's table row) with this id."""
    key = re.escape(element_id)
    match = (re.search(rf'<section class="[^"]*" id="{key}">.*?</section>', page, re.S)
             or re.search(rf'<tr>(?:(?!</tr>).)*?id="{key}".*?</tr>', page, re.S))
    assert match, f"no entry with id {element_id}"
    return match.group(0)


def _examples(page):
    """Example name -> the Turtle shown for it (unescaped)."""
    found = re.findall(r'<section class="example" id="example-([\w-]+)">.*?<pre class="turtle">'
                       r"(.*?)</pre>", page, re.S)
    return {name: html.unescape(text) for name, text in found}


@pytest.fixture(scope="module")
def page():
    return render_reference(Dataset().parse(FIXTURE, format="trig"))


@pytest.fixture(scope="module")
def seed_dataset():
    return to_dataset([extract(read_article(SEED))])


def test_the_ontology_defines_classes_properties_and_schemes():
    assert len(CLASSES) > 20 and len(PROPERTIES) > 60 and len(SCHEMES) == 7
    assert KGO.Statement in CLASSES and SEM.Time in CLASSES and KGO.linkCheckedIn in PROPERTIES


@pytest.mark.parametrize("term", CLASSES + PROPERTIES, ids=_curie)
def test_every_class_and_property_appears_with_both_labels(page, term):
    labels = _labels(term, RDFS.label)
    assert {"en", "id"} <= set(labels), f"{_curie(term)} lacks a label in the ontology"
    entry = _entry(page, _id(term))
    assert f"<code>{html.escape(_curie(term))}</code>" in entry
    for language in ("en", "id"):
        assert html.escape(labels[language]) in entry
        assert html.escape(_labels(term, RDFS.comment)[language]) in entry


@pytest.mark.parametrize("term", SCHEMES + CONCEPTS, ids=_curie)
def test_every_scheme_and_concept_appears_with_both_labels(page, term):
    entry = _entry(page, _id(term))
    for language in ("en", "id"):
        assert html.escape(_labels(term, SKOS.prefLabel)[language]) in entry


def test_cameo_matches_are_shown(page):
    row = _entry(page, _id(URIRef("https://w3id.org/kg-news/vocab#event-deployment")))
    assert "cameo:154" in row and "Mobilize or increase armed forces" in row
    assert re.search(r"close</span> <code>cameo:154</code>", row)


def test_property_facts_are_shown(page):
    entry = _entry(page, _id(KGO.speaker))
    for text in ("<dt>domain</dt>", "kgo:Statement", "<dt>range</dt>", "sem:Actor",
                 "<dt>sub-property of</dt>", "sem:hasActor", "prov:wasAssociatedWith"):
        assert text in entry


@pytest.mark.parametrize("build", ["fixture", "seed"])
def test_examples_are_present_for_the_main_classes(page, seed_dataset, build):
    shown = _examples(page if build == "fixture" else render_reference(seed_dataset))
    expected = {name for name, _ in MAIN_CLASSES}
    assert set(shown) == expected
    for name in expected:
        assert re.search(r"^    a \w+:\w+", shown[name], re.M), name


def test_examples_are_valid_turtle_with_the_instance_triples(page):
    graph = Dataset().parse(FIXTURE, format="trig")
    union = Graph()
    for s, p, o, _ in graph.quads((None, None, None, None)):
        union.add((s, p, o))
    for name, turtle in _examples(page).items():
        parsed = Graph().parse(data=turtle, format="turtle")
        (subject,) = set(parsed.subjects())
        assert set(parsed) == set(union.triples((subject, None, None))), name


def test_no_reference_to_another_host(page, seed_dataset):
    for text in (page, render_reference(seed_dataset), render_reference()):
        targets = re.findall(r"""\b(?:src|href|action|srcset|poster|data)\s*=\s*["']?([^"'\s>]*)""",
                             text, re.I)
        assert targets and all(t.startswith("#") for t in targets)
        assert "<link" not in text and "@import" not in text and "url(" not in text
        assert "<script" not in text.lower() and "<img" not in text.lower()
        assert "default-src 'none'" in text


def test_article_text_in_an_example_is_escaped():
    graph = Graph()
    article = KGR["article/x"]
    graph.add((article, RDF.type, SCHEMA.NewsArticle))
    graph.add((article, RDF.type, NIF.Context))
    graph.add((article, SCHEMA.headline, Literal(HOSTILE)))
    graph.add((article, NIF.isString, Literal(f"He said {HOSTILE} & left.")))
    actor = KGR["actor/x"]
    graph.add((actor, RDF.type, SEM.Actor))
    graph.add((actor, RDFS.label, Literal(HOSTILE, lang="en")))
    page = render_reference(graph)
    assert HOSTILE not in page and "<script" not in page
    assert html.escape(HOSTILE) in page
    shown = _examples(page)
    assert HOSTILE in shown["article"] and HOSTILE in shown["actor"]
    parsed = Graph().parse(data=shown["article"], format="turtle")
    assert parsed.value(article, SCHEMA.headline) == Literal(HOSTILE)


def test_long_text_is_shortened_and_stays_turtle(seed_dataset):
    shown = _examples(render_reference(seed_dataset))["article"]
    (text,) = Graph().parse(data=shown, format="turtle").objects(None, NIF.isString)
    assert str(text).endswith(" […]") and len(text) < 400


def test_examples_read_a_union_with_no_index_of_every_subject(seed_dataset):
    """A built graph's union gives the examples a plain graph of the same triples gives, read
    from its columns: no index of every subject is made for the few it shows."""
    union, plain = merged(seed_dataset), Graph()
    for triple in union:
        plain.add(triple)
    assert render_reference(union) == render_reference(plain)
    assert "_spo" not in union.store.__dict__


def test_without_a_graph_there_are_no_examples():
    page = render_reference()
    assert not _examples(page) and "no examples" in page


def test_the_page_is_the_same_bytes_every_time(seed_dataset):
    assert render_reference(seed_dataset) == render_reference(seed_dataset)


def test_every_link_in_the_page_has_a_target(page):
    ids = set(re.findall(r'\bid="([^"]+)"', page))
    assert {t[1:] for t in re.findall(r'href="(#[^"]*)"', page)} <= ids


def test_write_reference_takes_the_build_dataset_or_a_file(tmp_path, seed_dataset):
    from_dataset = write_reference(tmp_path / "a" / "ontology.html", seed_dataset)
    from_file = write_reference(tmp_path / "b.html", FIXTURE)
    assert from_dataset.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert set(_examples(from_file.read_text(encoding="utf-8"))) == {n for n, _ in MAIN_CLASSES}


def test_datatypes_are_written_as_turtle(page):
    turtle = _examples(page)["time"]
    assert re.search(r'"\d{4}-\d{2}-\d{2}"\^\^xsd:date', turtle)
    assert XSD.date not in {URIRef(u) for u in re.findall(r"<([^>]+)>", turtle)}


def test_an_example_shows_a_few_values_of_a_property_and_stays_turtle():
    """An actor of a large archive has thousands of mentions: the example shows ``SHOWN`` of
    each property's values, says how many it left out, and still parses."""
    subject, g = URIRef("https://w3id.org/kg-news/id/actor/ru"), Graph()
    for n in range(SHOWN + 5):
        g.add((subject, RDFS.seeAlso, URIRef(f"https://example.org/{n}")))
        g.add((subject, RDFS.comment, Literal(f"note {n}")))
    text = turtle_of(g, subject, load_prefixes())
    assert text.count("… and 5 more") == 2
    shown = Graph().parse(data=text, format="turtle")
    assert len(shown) == 2 * SHOWN and set(shown.predicates()) == {RDFS.seeAlso, RDFS.comment}
