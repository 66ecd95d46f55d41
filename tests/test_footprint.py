"""The triples a query can reach (kg.footprint), and the figures page's (its store at a
build): the page asked of them gives the rows it gives asked of the whole union."""
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Graph, URIRef

from kg.build import build
from kg.footprint import Footprint
from kg.formats import merged
from kg.query import load_graph, load_query, triples_read
from kg.store import MemoryStore
from kg.views.figures import figure_triples
from test_kept_counts import TESTS

FIGURES = load_query("figures-by-source")


@pytest.fixture(scope="module")
def union(tmp_path_factory):
    """The union of a build of every dev article (152, both languages): among them a range,
    denials of figured events, tellers with labels in both languages, merged stories."""
    out = tmp_path_factory.mktemp("footprint") / "out"
    build([TESTS / "articles" / "dev"], out, use_cache=False, jobs=1)
    return merged(load_graph(out / "graph.trig"))


def _figure_rows(found: Footprint, folder):
    """The page's query on a store of the triples ``found`` keeps, loaded as a build loads
    them (:func:`kg.views.figures.write_figures_of`)."""
    triples = folder / "figures.nt"
    triples.write_text("".join(found.ntriples()), encoding="utf-8")
    return MemoryStore(triples).run(FIGURES)


def test_the_figures_page_asked_of_its_triples_gives_what_the_whole_union_gives(union, tmp_path):
    found = figure_triples(union)
    header, rows = _figure_rows(found, tmp_path)
    assert (header, rows) == MemoryStore.of(union).run(FIGURES)
    assert len(rows) > 100 and any(row[header.index("upper")] for row in rows)
    every = Footprint(union, triples_read(FIGURES)).s  # every triple of the predicates the query reads
    assert len(found) < len(every) / 2


def test_every_kind_of_triple_the_figures_page_keeps_changes_its_rows_when_left_out(union, tmp_path):
    """So that the test above would see a step left out: on these articles each one matters."""
    found = figure_triples(union)
    whole, kept = _figure_rows(found, tmp_path), found.kept.copy()
    kinds = {found.terms[n]: n for n in set(found.p[kept].tolist())}
    assert len(kinds) == 18
    for predicate, number in sorted(kinds.items()):
        found.kept = kept & (found.p != number)
        assert _figure_rows(found, tmp_path) != whole, f"{predicate} left out, the same rows"


_TERMS = st.sampled_from("abcdef")
_PREDICATES = st.sampled_from("pqr")


@given(st.lists(st.tuples(_TERMS, _PREDICATES, _TERMS), max_size=30),
       st.lists(st.tuples(st.booleans(), st.lists(_PREDICATES, min_size=1, max_size=2),
                          st.booleans()), max_size=4),
       _PREDICATES)
def test_each_step_keeps_and_gives_what_following_the_triples_by_hand_does(triples, steps, start):
    ex = lambda name: URIRef("urn:" + name)  # noqa: E731
    graph = Graph()
    for triple in triples:
        graph.add(tuple(map(ex, triple)))
    found = Footprint(merged(graph), {ex(p): None for p in "pqr"})
    now, by_hand = found.subjects(ex(start)), {s for s, p, o in triples if p == start}
    assert found.names(now) == sorted(map(str, map(ex, by_hand))) and len(found) == 0
    kept = set()
    for forward, predicates, among_start in steps:  # each step from the terms the one before gave
        among, among_by_hand = None, None  # else only to (or from) the subjects of ``start``
        if among_start:
            among, among_by_hand = found.subjects(ex(start)), {s for s, p, o in triples if p == start}
        rows = set()
        for s, p, o in triples:
            near, far = (s, o) if forward else (o, s)
            if p in predicates and near in by_hand and (among_by_hand is None or far in among_by_hand):
                rows.add((s, p, o))
        follow = found.from_ if forward else found.to
        now = follow(now, *map(ex, predicates), **{("to" if forward else "from_"): among})
        by_hand = {o if forward else s for s, p, o in rows}
        kept |= rows
        assert found.names(now) == sorted(map(str, map(ex, by_hand)))
    assert len(found) == len(kept)
    written = {tuple(term.strip("<>")[4:] for term in line.split()[:3])
               for line in "".join(found.ntriples()).splitlines()}
    assert written == kept
