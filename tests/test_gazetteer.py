"""Entity links in the gazetteer: only checked Wikidata IDs, each saying where it was checked.

The checked list is kept here, on purpose apart from the file that holds the links: a new
owl:sameAs in kg/gazetteer/gazetteer.ttl fails these tests until its ID is checked by hand
and added below (and to the list it was checked against).
"""
import re
from pathlib import Path

import pytest
from rdflib import OWL, RDFS, Graph, Literal, URIRef

from kg.gazetteer import load
from kg.vocab import KGO, WD

GAZETTEER = Path(__file__).resolve().parent.parent / "kg" / "gazetteer" / "gazetteer.ttl"
TEXT = GAZETTEER.read_text(encoding="utf-8")
GRAPH = Graph().parse(data=TEXT, format="turtle")
CHECKED_IN = Literal("shared/DESIGN.md, Entity linking, checked list")

# The checked IDs (shared/DESIGN.md, "Entity linking"), by gazetteer key.
CHECKED = {
    "united-states": "Q30",
    "north-korea": "Q423",
    "russia": "Q159",
    "ukraine": "Q212",
    "south-korea": "Q884",
    "united-nations": "Q1065",
    "nato": "Q7184",
    "us-state-department": "Q789915",
    "us-defense-department": "Q11209",
    "vladimir-putin": "Q7747",
    "volodymyr-zelenskyy": "Q3874799",
    "kim-jong-un": "Q56226",
    "antonio-guterres": "Q311440",
    "mark-rutte": "Q57792",
    "kyiv": "Q1899",
}


def _key(iri) -> str:
    return str(iri).rstrip("/").rsplit("/", 1)[-1]


def _is_wikidata(term) -> bool:
    return "wikidata.org" in str(term).lower()


LINKED = sorted({s for s, _ in GRAPH.subject_objects(OWL.sameAs)}, key=str)


def test_the_linked_ids_are_the_checked_list():
    linked = {_key(s): _key(o) for s, o in GRAPH.subject_objects(OWL.sameAs)}
    assert linked == CHECKED
    assert sorted(linked.values()) == sorted(CHECKED.values())  # no ID on two entries


@pytest.mark.parametrize("entry", LINKED, ids=_key)
def test_every_linked_entry_has_one_link_to_a_wikidata_entity(entry):
    (target,) = GRAPH.objects(entry, OWL.sameAs)
    assert target == WD[CHECKED[_key(entry)]]


@pytest.mark.parametrize("entry", LINKED, ids=_key)
def test_every_linked_entry_says_where_it_was_checked(entry):
    assert set(GRAPH.objects(entry, KGO.linkCheckedIn)) == {CHECKED_IN}


def test_no_check_note_without_a_link():
    assert set(GRAPH.subjects(KGO.linkCheckedIn, None)) == set(LINKED)


def test_no_other_wikidata_iri_anywhere_in_the_data():
    checked = {WD[qid] for qid in CHECKED.values()}
    for s, p, o in GRAPH:
        assert not _is_wikidata(s) and not _is_wikidata(p), (s, p, o)
        if _is_wikidata(o):
            assert p == OWL.sameAs and isinstance(o, URIRef) and o in checked, (s, p, o)
        if isinstance(o, Literal) and o.datatype is not None:
            assert not _is_wikidata(o.datatype)


def test_no_other_wikidata_iri_anywhere_in_the_text():
    """Comments included: only the wd: prefix line names Wikidata, and only checked IDs follow wd:."""
    full = re.findall(r"<[^>]*wikidata\.org[^>]*>", TEXT, re.I)
    assert full == [f"<{WD}>"]
    assert set(re.findall(r"\bwd:(Q\d+)", TEXT)) == set(CHECKED.values())
    assert not re.findall(r"\bwd:(?!Q\d+\b|Q\.\.\.)\S+", TEXT)
    assert not re.findall(r"\b[QP]\d{2,}\b", re.sub(r"\bwd:Q\d+\b", "", TEXT))


def test_the_loaded_gazetteer_carries_the_same_links():
    entries = load().entries
    assert {k: e.wikidata for k, e in entries.items() if e.wikidata} == CHECKED


def test_the_check_property_is_defined_in_the_ontology():
    ontology = Graph().parse(Path(__file__).resolve().parent.parent / "ontology" / "kg.ttl")
    assert (KGO.linkCheckedIn, None, None) in ontology
    for prop in (RDFS.label, RDFS.comment):
        assert {o.language for o in ontology.objects(KGO.linkCheckedIn, prop)} >= {"en", "id"}
