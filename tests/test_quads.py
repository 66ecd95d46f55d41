"""The union's subject index (``kg.quads.SubjectIndex``) answers as a dict of dicts of lists
built the plain way would, whatever the order of the triples, however many a subject has
(its dict kept or made again), and with predicates equal but not the same object."""
from __future__ import annotations

import pickle
from array import array

import numpy
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Literal, URIRef

from kg import quads
from kg.formats import by_some_subjects, with_predicates
from kg.quads import Quads, SomeSubjects, SubjectIndex, TripleIndex, Triples

SUBJECTS = [URIRef(f"urn:s{n}") for n in range(40)]
OBJECTS = [URIRef(f"urn:o{n}") for n in range(5)]


def _predicate(n: int) -> URIRef:
    return URIRef(f"urn:p{n}")  # a new object each time: equal predicates are not the same object


triples = st.lists(st.tuples(st.sampled_from(SUBJECTS), st.integers(0, 3).map(_predicate),
                             st.sampled_from(OBJECTS)), max_size=300)


def _plain(given_triples: list[tuple]) -> dict:
    index: dict = {}
    for t in given_triples:
        index.setdefault(t[0], {}).setdefault(t[1], []).append(t)
    return index


@settings(max_examples=60, deadline=None)
@given(triples, st.sampled_from([1, 3, 16]), st.sampled_from([1, 4, 256]))
def test_the_subject_index_answers_as_a_plain_index(given_triples, large, recent):
    plain = _plain(given_triples)
    old = quads.LARGE, quads.RECENT
    quads.LARGE, quads.RECENT = large, recent  # subjects' dicts kept, or made again often
    try:
        index = SubjectIndex(given_triples)
        assert list(index) == list(plain) and len(index) == len(plain)
        for _ in range(2):  # the second time from what was kept
            for s, by_p in plain.items():
                assert index[s] == by_p and s in index
                assert index.triples(s) == [t for found in by_p.values() for t in found]
                for n in range(4):
                    assert index.with_predicate(s, _predicate(n)) == by_p.get(_predicate(n), [])
        assert index.get(URIRef("urn:nobody")) is None and index.triples(URIRef("urn:nobody")) == []
        for n in range(4):
            by_object: dict = {}
            for found in plain.values():
                for t in found.get(_predicate(n), ()):
                    by_object.setdefault(t[2], []).append(t)
            assert index.by_object(_predicate(n)) == by_object
    finally:
        quads.LARGE, quads.RECENT = old


def test_the_union_keeps_no_dict_per_subject():
    """What makes the index small: at most RECENT dicts of small subjects are held at once."""
    many = [(URIRef(f"urn:s{n}"), _predicate(n % 3), OBJECTS[0]) for n in range(3 * quads.RECENT)]
    graph = TripleIndex(many).graph()
    for s, _, _ in many:
        assert graph.value(s, _predicate(int(str(s)[5:]) % 3)) == OBJECTS[0]
    index = graph.store.by_subject()
    assert len(index._recent) <= quads.RECENT and not index._large


terms = st.sampled_from([URIRef("urn:a"), URIRef("urn:b"), URIRef("urn:c"),
                         Literal("a"), Literal("a", lang="en"), Literal(1), Literal("1")])
quad_lists = st.lists(st.tuples(st.sampled_from(["urn:g1", "urn:g2"]), st.sampled_from(SUBJECTS[:4]),
                                st.integers(0, 2).map(_predicate), terms), max_size=120)


@settings(max_examples=80, deadline=None)
@given(quad_lists, st.integers(0, 120))
def test_a_graph_is_an_ordered_set_of_triples(given_quads, sealed_after):
    """Each triple once, in the order first added, sealed or not; the union every triple once,
    sorted by the N-Triples forms of subject, predicate and object."""
    q, plain = Quads(), {}
    for n, (g, s, p, o) in enumerate(given_quads):
        if n == sealed_after:
            for triples in q.graphs.values():
                triples.seal()
        q.graph(URIRef(g)).add((s, p, o))
        plain.setdefault(g, {})[(s, p, o)] = None
    assert {str(g): list(t) for g, t in q.graphs.items()} == {g: list(t) for g, t in plain.items()}
    assert all(len(q.graphs[URIRef(g)]) == len(t) and all(x in q.graphs[URIRef(g)] for x in t)
               for g, t in plain.items())
    union = sorted({t for found in plain.values() for t in found}, key=lambda t: tuple(x.n3() for x in t))
    graph = q.union()
    assert list(graph) == union
    index, by_subject = graph.store.by_subject(), _plain(union)  # read from the numbers
    assert list(index) == list(by_subject) and all(index[s] == by_p for s, by_p in by_subject.items())
    for n in range(3):
        by_object: dict = {}
        for t in union:
            if t[1] == _predicate(n):
                by_object.setdefault(t[2], []).append(t)
        assert index.by_object(_predicate(n)) == by_object
    # Read from the numbers, in the union's order: one predicate's triples, and another's with some objects.
    wanted = {_predicate(0): None, _predicate(2): frozenset({URIRef("urn:b"), Literal("a")})}
    expected = [t for t in union if t[1] in wanted and (wanted[t[1]] is None or t[2] in wanted[t[1]])]
    assert list(with_predicates(graph, wanted)) == expected
    block, quads.BLOCK = quads.BLOCK, 2  # made a few at a time
    try:
        assert list(with_predicates(graph, wanted)) == expected
    finally:
        quads.BLOCK = block


FEW = [URIRef(f"urn:t{n}") for n in range(5)]  # subject, predicate and object drawn alike


@given(st.lists(st.tuples(st.sampled_from(FEW), st.sampled_from(FEW), st.sampled_from(FEW)), max_size=60),
       st.integers(1, 7), st.sampled_from(["nothing", "len", "in", "list", "columns", "pickle", "seal"]))
def test_triples_added_in_batches_number_each_term_once(given_triples, batch, read):
    """``Triples.update`` numbers a new term once, even when it stands twice in a triple;
    the graph read between batches (``read``) holds each triple added so far once, in
    the order first added, and goes on so."""
    g = Triples()
    for start in range(0, len(given_triples), batch):
        g.update(given_triples[start:start + batch])
        so_far = list(dict.fromkeys(given_triples[:start + batch]))
        if read == "len":
            assert len(g) == len(so_far)
        elif read == "in":
            assert all(t in g for t in so_far) and (URIRef("urn:none"), FEW[0], FEW[0]) not in g
        elif read == "list":
            assert list(g) == so_far
        elif read == "columns":
            terms = g.table.terms
            assert list(zip(*([terms[n] for n in column] for column in (g.subjects, g.predicates, g.objects)))) == so_far
        elif read == "pickle":
            g = pickle.loads(pickle.dumps(g))
            assert g._seen is None and list(g) == so_far
        elif read == "seal":
            g.seal()
    assert list(g) == list(dict.fromkeys(given_triples))
    assert len(g.table.terms) == len(set(g.table.terms))
    assert all(g.table.numbers[t] == n for n, t in enumerate(g.table.terms))


@settings(max_examples=60, deadline=None)
@given(quad_lists, st.lists(st.sampled_from(SUBJECTS[:6] + [OBJECTS[0], URIRef("urn:p1")]), unique=True))
def test_some_subjects_of_the_union_answer_as_its_subject_index(given_quads, asked):
    """A few subjects read from the union's columns give each subject's triples as the
    union's index of every subject does, in the order asked; those it does not describe
    (an object, a predicate, a term it does not have) are left out."""
    q = Quads()
    for g, s, p, o in given_quads:
        q.graph(URIRef(g)).add((s, p, o))
    union = q.union()
    some, index = SomeSubjects(union.store.columns, asked), union.store.by_subject()
    assert list(some) == [s for s in asked if s in index]
    assert len(some) == len(list(some))
    assert all(some[s] == index[s] for s in some)
    assert dict(by_some_subjects(union, asked)) == dict(some)


@settings(max_examples=80, deadline=None)
@given(quad_lists)
def test_the_predicate_index_answers_as_the_union_graph(given_quads):
    """Each predicate's arrays of numbers give the values, objects and subjects the union graph
    gives (``value`` the first object, as ``Graph.value``), and every term a number of its own."""
    q = Quads()
    for g, s, p, o in given_quads:
        q.graph(URIRef(g)).add((s, p, o))
    union = q.union()
    index = union.store.by_predicate()
    assert sum(len(subjects) for subjects, _ in index.pairs.values()) == len(union)
    for n, term in enumerate(index.terms):
        assert index.number(term) == n
    assert index.number(URIRef("urn:nowhere")) is None
    term = index.terms.__getitem__
    for p in {t[1] for t in union}:
        r = index.predicates[p]
        for s in SUBJECTS[:5]:
            n = index.number(s)
            if n is None:
                continue
            expected = union.value(s, p)
            assert (index.value(r, n) is None) == (expected is None)
            assert expected is None or term(index.value(r, n)) == expected
            assert [term(o) for o in index.objects(r, n)] == list(union.objects(s, p))
        for o in {t[2] for t in union}:
            assert [term(s) for s in index.subjects(r, index.number(o))] == list(union.subjects(p, o))
        # Many nodes at once (numpy), each as one at a time; -1 (no node) has nothing.
        nodes = numpy.array([-1, *range(len(index.terms))])
        assert index.values(r, nodes).tolist() == [-1] + [
            -1 if index.value(r, n) is None else index.value(r, n) for n in range(len(index.terms))]
        objects, starts, ends = index.runs(r, nodes)
        assert [list(objects[a:b]) for a, b in zip(starts, ends)] == [[]] + [
            list(index.objects(r, n)) for n in range(len(index.terms))]
    absent = index.values(None, numpy.array([0, -1])).tolist(), [list(a) for a in index.runs(None, numpy.array([0]))[1:]]
    assert absent == ([-1, -1], [[0], [0]])


@settings(max_examples=60, deadline=None)
@given(quad_lists)
def test_the_predicate_index_outlines_each_subject_as_counted_one_by_one(given_quads):
    """How many predicates and triples each subject of the union has (what ``ontology.html``
    weighs its examples by), counted by numpy over the predicates' arrays, as counted plainly."""
    q = Quads()
    for g, s, p, o in given_quads:
        q.graph(URIRef(g)).add((s, p, o))
    union = q.union()
    index = union.store.by_predicate()
    predicates, triples = index.outlines()
    plain = _plain(list(union))
    for n, term in enumerate(index.terms):
        by_p = plain.get(term, {})
        assert (predicates[n], triples[n]) == (len(by_p), sum(map(len, by_p.values())))


_TERMS = st.sampled_from([f"urn:x:{name}" for name in "abcdef"]).map(URIRef)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_TERMS, _TERMS, _TERMS), max_size=12), st.lists(st.tuples(_TERMS, _TERMS, _TERMS), max_size=12),
       st.booleans(), st.booleans(), st.booleans())
def test_a_graph_added_from_its_own_table_is_numbered_as_update_numbers_it(known, theirs, shared, pickled, filled):
    """The terms get the numbers, and the graph the triples, that :meth:`Triples.update` gives:
    from another table read in one pass (pickled, as a worker's story is), from a table
    shared with another graph (``shared``) or into a graph not empty (``filled``) by update."""
    import pickle

    def table_and(graph_of):
        mine = Triples()
        mine.update(known)
        target = Triples(mine.table)
        if filled:
            target.update(known[:1])
        graph_of(target)
        return list(mine.table.terms), list(target), len(target)

    source = Triples()
    if shared:
        other = [(URIRef("urn:y:1"), URIRef("urn:y:2"), URIRef("urn:y:3")), *theirs[::-1]]
        Triples(source.table).update(other)  # another graph numbers its terms first, some of theirs too
    source.update(theirs)
    given_graph = pickle.loads(pickle.dumps(source)) if pickled else source
    assert table_and(lambda t: t.update_from(given_graph)) == table_and(lambda t: t.update(list(source)))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 3), st.integers(0, 9)), max_size=80),
       st.sampled_from([0, 16, 18, 40]))
def test_each_triple_is_kept_where_it_is_first_met(numbers, shift):
    """``_first_places`` finds where each distinct triple is first met, by 64-bit keys
    (numbers shifted by 0 or 16 bits; by 18, up to 64 bits a key, the sign bit too) or by
    the three columns (40: no key fits)."""
    columns = [numpy.array([t[k] for t in numbers], numpy.int64) << shift for k in range(3)]
    first: dict = {}
    for n, t in enumerate(numbers):
        first.setdefault(t, n)
    assert quads._first_places(columns).tolist() == sorted(first.values())


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9), st.integers(0, 9)), max_size=80),
       st.sampled_from([10, 11, 1000]), st.sampled_from([numpy.int32, numpy.int64]), st.sampled_from([1, 3, 1 << 20]))
def test_the_union_sorts_triples_once_each_by_keys_as_by_columns(numbers, n, dtype, chunk):
    """``_sorted_once`` gives the distinct triples in order, as arrays of 32-bit numbers,
    asking for each column once, whether it sorts 64-bit keys (made, told apart and read
    ``chunk`` at a time) or (keys that do not fit) the three columns together, and leaves
    the columns it is given as they were."""
    columns = [numpy.array([t[k] for t in numbers], dtype=dtype) for k in range(3)]
    for word in (64, 12):  # 12 bits: three numbers below 1000 do not fit, and below 10 do not either
        asked = []
        column = lambda k: asked.append(k) or columns[k]  # noqa: E731
        made = quads._sorted_once(column, n, word, chunk)
        assert list(zip(*(c.tolist() for c in made))) == sorted(set(numbers))
        assert all(isinstance(c, array) and c.typecode == "i" for c in made)
        assert sorted(asked) == [0, 1, 2]
        assert [c.tolist() for c in columns] == [[t[k] for t in numbers] for k in range(3)]


@settings(max_examples=60, deadline=None)
@given(quad_lists)
def test_a_union_made_letting_the_graphs_go_is_the_same_union(given_quads):
    """``union(release=True)`` gives the union ``union()`` gives, and leaves the graphs let
    go of, as :meth:`Quads.let_go` does."""
    def made():
        q = Quads()
        q.bind("ex", "urn:ex:")
        for g, s, p, o in given_quads:
            q.graph(URIRef(g)).add((s, p, o))
        return q
    kept, released = made(), made()
    union = released.union(release=True)
    assert list(union) == list(kept.union())
    assert len(released) == 0 and not list(released.terms()) and dict(union.namespaces())["ex"] == URIRef("urn:ex:")


def test_reading_the_union_by_predicate_or_in_order_makes_no_subject_index():
    """The shapes check, the projection and the figures' triples read the union by predicate
    or in order: the subject index (a dict of every subject, about 300 MB at 10,000 articles) is
    made only for those that read by subject, after them in a build."""
    from kg.extract.document import extract
    from kg.formats import by_predicate, by_subject, merged
    from kg.ingest import parse_article
    from kg.network import project
    from kg.rdf import to_quads
    from kg.validate import validate
    from kg.views.figures import figure_triples

    texts = ["Ukraine's defence minister said on Monday that 11,000 North Korean soldiers had reached Kursk.",
             "Menteri Pertahanan Ukraina mengatakan, Senin, 11.000 tentara Korea Utara telah tiba di Kursk."]
    union = merged(to_quads([extract(parse_article(f"---\npublished: 2024-11-12\n---\n{text}\n", f"{n}.txt"))
                             for n, text in enumerate(texts)]))
    assert len(figure_triples(union)) and by_predicate(union).pairs and validate(union).conforms
    assert project(union).number_of_nodes()
    assert "_spo" not in vars(union.store)
    assert by_subject(union) and "_spo" in vars(union.store)
