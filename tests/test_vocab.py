"""The ontology, the concept schemes, and the generated kg/vocab.py agree with each other."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import RDFS, SKOS, Graph, Literal, URIRef

from conftest import load_script
from kg.vocab import CONCEPTS, KGO, KGV, SCHEMES, concept, notation

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = Graph().parse(ROOT / "ontology" / "kg.ttl")
VOCAB = Graph().parse(ROOT / "ontology" / "vocab.ttl")


def _defined(graph: Graph, ns: object) -> list[URIRef]:
    return sorted(
        {s for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(str(ns))},
        key=str,
    )


KGO_TERMS = _defined(ONTOLOGY, KGO)
SCHEME_IRIS = sorted(SCHEMES.values(), key=str)
CONCEPT_IRIS = sorted((c for codes in CONCEPTS.values() for c in codes.values()), key=str)


def _languages(graph: Graph, subject: URIRef, prop: URIRef) -> set[str]:
    return {o.language for o in graph.objects(subject, prop) if isinstance(o, Literal)}


def _local(iri: URIRef) -> str:
    return re.split("[#/]", str(iri))[-1]


def test_generated_module_matches_the_turtle_files():
    gen = load_script("gen-vocab")
    committed = (ROOT / "kg" / "vocab.py").read_text(encoding="utf-8")
    assert gen.render() == committed, "kg/vocab.py is stale: run scripts/gen-vocab.py"


@pytest.mark.parametrize("term", KGO_TERMS, ids=_local)
def test_ontology_term_has_label_and_definition_in_both_languages(term):
    assert _languages(ONTOLOGY, term, RDFS.label) >= {"en", "id"}
    assert _languages(ONTOLOGY, term, RDFS.comment) >= {"en", "id"}
    assert _local(term) in KGO


@pytest.mark.parametrize("term", SCHEME_IRIS + CONCEPT_IRIS, ids=_local)
def test_concept_has_labels_and_definition(term):
    assert _languages(VOCAB, term, SKOS.prefLabel) >= {"en", "id"}
    assert "en" in _languages(VOCAB, term, SKOS.definition)


@pytest.mark.parametrize("term", CONCEPT_IRIS, ids=_local)
def test_concept_iri_is_scheme_prefix_and_notation(term):
    (code,) = VOCAB.objects(term, SKOS.notation)
    (scheme,) = VOCAB.objects(term, SKOS.inScheme)
    prefix = next(p for p, iri in SCHEMES.items() if iri == scheme)
    assert str(term) == f"{KGV}{prefix}-{str(code).replace('_', '-')}"
    assert concept(prefix, str(code)) == term and notation(term) == str(code)


def test_every_concept_in_the_turtle_is_in_the_module():
    in_turtle = {s for s in VOCAB.subjects(SKOS.inScheme, None)}
    assert in_turtle == set(CONCEPT_IRIS)


@pytest.mark.parametrize("path", ["kg.ttl", "vocab.ttl"])
def test_turtle_uses_only_defined_terms(path):
    """A typo such as ``kgo:forceof`` in a Turtle file would mint a term nobody defines."""
    graph = Graph().parse(ROOT / "ontology" / path)
    used = {t for triple in graph for t in triple if isinstance(t, URIRef)}
    for term in used:
        if str(term).startswith(str(KGO)):
            assert _local(term) in KGO, term
        elif str(term).startswith(str(KGV)):
            assert _local(term) in KGV, term


def test_every_term_named_in_the_graph_model_is_defined():
    doc = (ROOT / "docs" / "graph-model.md").read_text(encoding="utf-8")
    for name in set(re.findall(r"\bkgo:([A-Za-z][A-Za-z0-9]*)", doc)):
        assert name in KGO, f"kgo:{name}"
    for name in set(re.findall(r"\bkgv:([A-Za-z][A-Za-z0-9-]*)", doc)):
        assert name in KGV, f"kgv:{name}"


@pytest.mark.parametrize(
    "lookup",
    [lambda: KGO.Statment, lambda: KGO["statement"], lambda: KGV["event-deploy"],
     lambda: KGV.EventTypes],
)
def test_misspelt_term_raises(lookup):
    with pytest.raises(AttributeError):
        lookup()


@pytest.mark.parametrize(
    ("scheme", "code", "message"),
    [("event", "invasion", "no concept 'invasion' in kgv:EventType; known: arms_transfer, attack,"),
     ("events", "combat", "no concept scheme 'events'; known: actor,"),
     ("actor", "armed-force", "known: armed_force,")],
)
def test_unknown_concept_is_a_value_error(scheme, code, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        concept(scheme, code)
