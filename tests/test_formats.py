"""The graph files: each format reads back as the dataset the build made (rdflib and
pyoxigraph), the JSON-LD speaks the terms of ontology/context.jsonld, and a build is
byte-for-byte reproducible, with SOURCE_DATE_EPOCH too.

The seed is built twice in this process (without and with SOURCE_DATE_EPOCH; the first keeps
the dataset it made) and twice more, the same way, in child processes with other hash seeds,
since rdflib's set order changes with the hash seed.
"""
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import OWL, RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

import kg.build
from kg.build import OUTPUTS, build
from kg.formats import context, merged
from kg.rdf import to_quads
from kg.vocab import CONCEPTS, KGO, PROV

ROOT = Path(__file__).parent.parent
SEED = ROOT / "data" / "articles"
EPOCH = "1731369600"  # 2024-11-12T00:00:00Z
STAMP = Literal("2024-11-12T00:00:00", datatype=XSD.dateTime)
OX_FORMATS = {"graph.trig": ox.RdfFormat.TRIG, "graph.nq": ox.RdfFormat.N_QUADS,
              "graph.ttl": ox.RdfFormat.TURTLE, "graph.jsonld": ox.RdfFormat.JSON_LD}
RDFLIB_FORMATS = {"graph.trig": "trig", "graph.nq": "nquads", "graph.ttl": "turtle", "graph.jsonld": "json-ld"}
# Child builds: (folder, SOURCE_DATE_EPOCH or None), each with a hash seed unlike this process's.
CHILDREN = (("child", None), ("epoch-child", EPOCH))
HASH_SEEDS = [s for s in ("1", "2", "3") if s != os.environ.get("PYTHONHASHSEED")]


def _child_build(out: Path, hash_seed: str, epoch: str | None) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env["PYTHONHASHSEED"] = hash_seed
    if epoch:
        env["SOURCE_DATE_EPOCH"] = epoch
    return subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(SEED), "-o", str(out)], cwd=ROOT,
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The folders of every build, by name; "here" also keeps the dataset it was written from."""
    base = tmp_path_factory.mktemp("builds")
    children = {name: _child_build(base / name, seed, epoch) for (name, epoch), seed in zip(CHILDREN, HASH_SEEDS)}
    made = []

    def kept(quads, **options):
        made.append(quads.dataset())  # a copy: the build lets go of its graphs as the union is made
        return merged(quads, **options)

    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("SOURCE_DATE_EPOCH", raising=False)
        mp.chdir(ROOT)
        mp.setattr(kg.build, "merged", kept)  # given the whole graph, to make its union
        build([SEED], base / "here")
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        build([SEED], base / "epoch")
    for name, proc in children.items():
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, f"build {name}: {err}"
    folders = {name: base / name for name in ("here", "epoch", *children)}
    folders["dataset"] = made[0]
    return folders


@pytest.fixture(scope="module")
def ds(builds) -> Dataset:
    return builds["dataset"]


@pytest.fixture(scope="module")
def out(builds) -> Path:
    return builds["here"]


def _named(ds: Dataset) -> dict:
    return {g.identifier: g for g in ds.graphs() if len(g)}


def _parse_rdflib(path: Path):
    fmt = RDFLIB_FORMATS[path.name]
    if fmt in ("trig", "nquads"):
        parsed = Dataset()
        parsed.parse(path, format=fmt)
        return parsed
    return Graph().parse(path, format=fmt)


# --- each format reads back as the dataset ---------------------------------------------------

@pytest.mark.parametrize("name", ["graph.trig", "graph.nq"])
def test_quad_formats_read_back_graph_by_graph(out, ds, name):
    parsed = _named(_parse_rdflib(out / name))
    built = _named(ds)
    assert set(parsed) == set(built) and len(built) == 2
    for iri, graph in built.items():
        assert isomorphic(parsed[iri], graph), iri


@pytest.mark.parametrize("name", ["graph.ttl", "graph.jsonld"])
def test_triple_formats_read_back_as_the_union(out, ds, name):
    parsed = _parse_rdflib(out / name)
    assert len(parsed) > 1000 and isomorphic(parsed, merged(ds))


def _rdflib_term(t) -> tuple:
    if isinstance(t, Literal):
        datatype = RDF.langString if t.language else (t.datatype or XSD.string)
        return ("literal", str(t), t.language, str(datatype))
    return ("iri", str(t))


def _ox_term(t) -> tuple:
    if isinstance(t, ox.Literal):
        return ("literal", t.value, t.language, t.datatype.value)
    assert isinstance(t, ox.NamedNode), t  # no blank nodes
    return ("iri", t.value)


def _ox_graph(q) -> str | None:
    return None if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value


@pytest.mark.parametrize("name", sorted(OX_FORMATS))
def test_pyoxigraph_reads_every_format(out, ds, name):
    quads = list(ox.parse(path=out / name, format=OX_FORMATS[name]))
    if name in ("graph.trig", "graph.nq"):
        expected = {(*map(_rdflib_term, (s, p, o)), str(g.identifier)) for g in _named(ds).values() for s, p, o in g}
        got = {(*map(_ox_term, (q.subject, q.predicate, q.object)), _ox_graph(q)) for q in quads}
    else:
        expected = {tuple(map(_rdflib_term, t)) for t in merged(ds)}
        got = {tuple(map(_ox_term, (q.subject, q.predicate, q.object))) for q in quads}
        assert {_ox_graph(q) for q in quads} == {None}
    assert len(quads) == len(expected)
    assert {t for row in got for t in row[:3]} == {t for row in expected for t in row[:3]}
    assert got == expected


@pytest.mark.parametrize("name", ["graph.trig", "graph.nq", "graph.ttl", "graph.jsonld"])
def test_read_quads_gives_what_rdflib_reads(out, name):
    """Oxigraph's parser, terms made as rdflib makes them: the same quads, term for term."""
    from kg.formats import read_graph, read_quads

    def graph_name(g):
        return str(getattr(g, "identifier", g))

    quads = read_quads(out / name)
    got = {(s, p, o, str(g)) for g, triples in quads.graphs.items() for s, p, o in triples}
    expected = {(s, p, o, graph_name(g)) for s, p, o, g in read_graph(out / name).quads((None, None, None, None))}
    assert len(got) > 1000 and got == expected
    assert {type(t) for row in got for t in row[:3]} == {type(t) for row in expected for t in row[:3]}
    if name in ("graph.trig", "graph.ttl"):  # the prefixes a file declares are kept
        assert dict(quads.namespaces())["kgo"] == URIRef(str(KGO))


def test_read_quads_names_the_file_and_the_problem(tmp_path):
    from kg.errors import InputError
    from kg.formats import read_quads

    (tmp_path / "bad.nq").write_text("<urn:a> <urn:b> not n-quads .\n")
    with pytest.raises(InputError, match=r"bad\.nq: cannot parse as nquads"):
        read_quads(tmp_path / "bad.nq")
    with pytest.raises(InputError, match=r"graph\.txt: unknown graph format"):
        read_quads(tmp_path / "graph.txt")


# --- JSON-LD terms ------------------------------------------------------------------------

def _nodes(out: Path) -> list[dict]:
    return json.loads((out / "graph.jsonld").read_text(encoding="utf-8"))["@graph"]


def test_jsonld_embeds_the_shipped_context(out):
    doc = json.loads((out / "graph.jsonld").read_text(encoding="utf-8"))
    assert doc["@context"] == context()["@context"] == json.loads(
        (ROOT / "ontology" / "context.jsonld").read_text(encoding="utf-8"))["@context"]


def test_jsonld_uses_short_terms(out):
    nodes = _nodes(out)
    statement = next(n for n in nodes if n.get("@type") == "Statement" and "speaker" in n)
    assert statement["@id"].startswith("article/") and statement["statementKind"].startswith("kind-")
    assert all(s.startswith("actor/") for s in _many(statement["speaker"]))
    event = next(n for n in nodes if n.get("@type") == "Event")
    assert event["eventType"].startswith("event-") and event["factuality"].startswith("factuality-")
    mention = next(n for n in nodes if "beginIndex" in n)
    assert mention["beginIndex"].isdigit() and mention["referenceContext"].startswith("article/")
    actor = next(n for n in nodes if "sameAs" in n)
    assert _many(actor["sameAs"])[0].startswith("wd:Q")
    assert {"label", "mention", "wasDerivedFrom", "hasTime", "direct"} <= {k for n in nodes for k in n}


def test_every_jsonld_key_is_a_term(out):
    terms = set(context()["@context"])
    keys = {k for n in _nodes(out) for k in n if not k.startswith("@")}
    assert keys <= terms, keys - terms
    types = {t for n in _nodes(out) for t in _many(n.get("@type", []))}
    assert types <= terms, types - terms


def _many(value) -> list:
    return value if isinstance(value, list) else [value]


# --- the context file ---------------------------------------------------------------------

def _context_terms() -> dict[str, tuple[str, str | None]]:
    """Term -> (expanded IRI, coercion), from the shipped context."""
    ctx = context()["@context"]
    prefixes = {k: v for k, v in ctx.items() if isinstance(v, str) and v.endswith(("#", "/"))}

    def expand(value):
        prefix, _, local = value.partition(":")
        return prefixes[prefix] + local if prefix in prefixes else value

    terms = {}
    for name, value in ctx.items():
        if name.startswith("@") or name in prefixes:
            continue
        iri, kind = (value, None) if isinstance(value, str) else (value["@id"], value.get("@type"))
        terms[name] = (expand(iri), kind if kind in (None, "@id", "@vocab") else expand(kind))
    return terms


def test_context_has_unique_terms():
    def no_duplicates(pairs):
        keys = [k for k, _ in pairs]
        assert len(keys) == len(set(keys)), [k for k in keys if keys.count(k) > 1]
        return dict(pairs)
    json.loads((ROOT / "ontology" / "context.jsonld").read_text(encoding="utf-8"), object_pairs_hook=no_duplicates)


def test_context_covers_the_ontology_and_the_concepts():
    onto = Graph().parse(ROOT / "ontology" / "kg.ttl")
    by_iri = {}
    for name, (iri, kind) in _context_terms().items():
        by_iri.setdefault(iri, (name, kind))
    missing = []
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty):
        for term in onto.subjects(RDF.type, kind):
            if str(term).startswith(str(KGO._NS)) and str(term) not in by_iri:
                missing.append(str(term))
    concepts = [str(iri) for codes in CONCEPTS.values() for iri in codes.values()]
    missing += [iri for iri in concepts if iri not in by_iri]
    assert not missing, f"add these to ontology/context.jsonld: {sorted(missing)}"


def test_context_coercions_follow_the_ontology():
    onto = Graph().parse(ROOT / "ontology" / "kg.ttl")
    wrong = []
    for name, (iri, kind) in _context_terms().items():
        term = URIRef(iri)
        if (term, RDF.type, OWL.ObjectProperty) in onto and kind not in ("@id", "@vocab"):
            wrong.append(name)
        rng = onto.value(term, RDFS.range)
        if (term, RDF.type, OWL.DatatypeProperty) in onto and rng is not None and str(rng).startswith(str(XSD)):
            if kind != (None if rng == XSD.string else str(rng)):
                wrong.append(name)
    assert not wrong, f"coercion in ontology/context.jsonld disagrees with ontology/kg.ttl: {wrong}"


def test_context_names_every_predicate_and_class_of_the_seed(ds):
    iris = {iri for iri, _ in _context_terms().values()}
    used = {str(p) for _, p, _, _ in ds.quads((None, None, None, None))} - {str(RDF.type)}
    used |= {str(o) for _, _, o, _ in ds.quads((None, RDF.type, None, None))}
    assert used <= iris, used - iris


# --- reproducible builds ------------------------------------------------------------------

def test_builds_are_byte_identical(builds):
    for name in OUTPUTS:
        assert (builds["here"] / name).read_bytes() == (builds["child"] / name).read_bytes(), name


def test_source_date_epoch_is_recorded_and_reproducible(builds):
    for name in OUTPUTS:
        assert (builds["epoch"] / name).read_bytes() == (builds["epoch-child"] / name).read_bytes(), name
    stamped = Graph().parse(builds["epoch"] / "graph.ttl")
    assert list(stamped.objects(None, PROV.endedAtTime)) == [STAMP]
    build_node = next(n for n in _nodes(builds["epoch"]) if n.get("@type") == "Activity")
    assert build_node["endedAtTime"] == "2024-11-12T00:00:00"
    assert not list(Graph().parse(builds["here"] / "graph.ttl").objects(None, PROV.endedAtTime))


def test_build_json_names_inputs_relative_to_the_working_folder(out):
    report = json.loads((out / "build.json").read_text(encoding="utf-8"))
    assert report["read"] == ["data/articles/000_dcb0d9e068cde2f2.txt"]
    assert report["outputs"] == list(OUTPUTS)


def test_nquads_are_sorted_lines_a_graph_at_a_time(out):
    lines = (out / "graph.nq").read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "" and all(l.endswith(" .") for l in lines[:-1])
    graphs = [line.rsplit(" ", 2)[-2] for line in lines[:-1]]
    order = list(dict.fromkeys(graphs))
    assert len(order) > 1 and order == sorted(order, key=lambda g: g.strip("<>"))
    assert graphs == sorted(graphs, key=order.index)  # each graph's lines together
    for g in order:
        mine = [line for line in lines[:-1] if line.endswith(f" {g} .")]
        assert mine == sorted(mine)


def test_released_graphs_are_written_the_same_and_let_go(tmp_path):
    from kg.extract.document import extract
    from kg.formats import write_graphs
    from kg.ingest import read_article

    x = extract(read_article(sorted(SEED.glob("*.txt"))[0]))
    written = {}
    for name, release in (("kept", False), ("released", True)):
        quads = to_quads([x])
        (tmp_path / name).mkdir()
        write_graphs(quads, tmp_path / name, release=release)
        written[name] = len(quads), {f: (tmp_path / name / f).read_bytes() for f in os.listdir(tmp_path / name)}
    (kept, files), (left, same) = written["kept"], written["released"]
    assert kept > 500 and left == 0
    assert sorted(files) == ["graph.jsonld", "graph.nq", "graph.trig", "graph.ttl"] and same == files


def test_the_union_answers_as_rdflib_would(ds):
    """The union's shortcuts past rdflib's generators (``kg.quads.IndexedGraph``) give what
    rdflib's own methods give on the same store, in the same order."""
    union = merged(ds)
    subjects = sorted(set(union.subjects()))
    assert len(subjects) > 100
    for s in subjects:
        assert list(union.predicate_objects(s)) == list(Graph.predicate_objects(union, s))
        for p in set(union.predicates(s)):
            assert list(union.objects(s, p)) == list(Graph.objects(union, s, p))
            assert union.value(s, p) == Graph.value(union, s, p)
            assert list(union.triples((s, p, None))) == list(Graph.triples(union, (s, p, None)))


_TEXT = st.text(alphabet=st.sampled_from('ab" \\\n@^<>é'), max_size=4)
_OBJECTS = st.one_of(_TEXT.map(Literal), st.tuples(_TEXT, st.sampled_from(["en", "en-gb", "id"])).map(
    lambda t: Literal(t[0], lang=t[1])), _TEXT.map(lambda t: Literal(t, datatype=XSD.string)),
    st.sampled_from(["a", "a/b", "a#", "ab"]).map(lambda t: URIRef(f"urn:x:{t}")))


@settings(derandomize=True, max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["s", "s/1", "s1", "t"]), st.sampled_from(["p", "p2"]), _OBJECTS),
                max_size=12))
def test_a_graphs_nquads_are_its_triples_lines_sorted(triples):
    """The lines are sorted by the ranks of their terms' names, never made all at once: the
    same order as the lines themselves, with literals that begin one another."""
    from kg.formats import PIECE, nquads_graph, nquads_namer
    from kg.quads import Triples

    graph, name = Triples(), nquads_namer()
    graph.update((URIRef(f"urn:x:{s}"), URIRef(f"urn:x:{p}"), o) for s, p, o in triples)
    lines = "".join(nquads_graph(URIRef("urn:g"), graph, name)).splitlines(keepends=True)
    expected = sorted({f"{name(s)} {name(p)} {name(o)} <urn:g> .\n" for s, p, o in graph})
    assert lines == expected and len(lines) == len(graph) <= PIECE


_IRI_TEXT = st.text(alphabet=st.sampled_from("ab1/#:._-é"), max_size=8)


@settings(derandomize=True, max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["ex", "ey", "a1", "ns1"]), _IRI_TEXT), max_size=6), _IRI_TEXT,
       st.integers(0, 6))
def test_turtle_names_take_the_first_prefix_that_leaves_a_plain_name(bound, local, k):
    """As trying each prefix in turn, longest namespace first (the rule the lookup by the
    IRI's last "/" or "#" must keep): namespaces that end in "/", "#" or anything else,
    several for one IRI, or two prefixes for one namespace."""
    from kg.formats import trig_namer

    prefixes = sorted({(p, "http://e.x/" + ns) for p, ns in bound}, key=lambda x: (-len(x[1]), x[0]))
    iri = (prefixes[k][1] if k < len(prefixes) else "http://e.x/") + local  # mostly in a namespace
    plain = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*")
    expected = next((f"{p}:{iri[len(ns):]}" for p, ns in prefixes
                     if iri.startswith(ns) and plain.fullmatch(iri[len(ns):])), f"<{iri}>")
    assert trig_namer(prefixes)(URIRef(iri)) == expected


@settings(derandomize=True, max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from('ab/:<>" {}|\\^`é\n'), max_size=6))
def test_nquads_names_iris_as_rdflib_does_or_refuses_them_as_it_does(local):
    from kg.formats import nquads_namer

    iri = URIRef("urn:x:" + local)
    try:
        expected = iri.n3()
    except Exception as refusal:  # rdflib refuses with a bare Exception
        with pytest.raises(Exception, match=re.escape(str(refusal))):
            nquads_namer()(iri)
    else:
        assert nquads_namer()(iri) == expected


@settings(derandomize=True, max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["g", "h"]), st.sampled_from(["s", "s/1", "t"]),
                          st.sampled_from(["p", "p2", "q"]), _OBJECTS), max_size=20),
       st.dictionaries(st.sampled_from(["p", "p2", "q", "r"]),
                       st.none() | st.frozensets(st.sampled_from(["a", "a/b", "ab", "s"]))))
def test_the_unions_ntriples_are_its_triples_lines_with_those_predicates(quads, wanted):
    """Read from the union's numbers, each term named once a piece: the same lines, in the
    same order, as naming each triple's terms in turn; of the triples wanted, those of
    the predicates wanted with any object, or with one of the objects given."""
    from kg.formats import merged, ntriples_lines, ntriples_of, with_predicates
    from kg.quads import Quads

    data = Quads()
    for g, s, p, o in quads:
        data.graph(URIRef(f"urn:x:{g}")).add((URIRef(f"urn:x:{s}"), URIRef(f"urn:x:{p}"), o))
    union = merged(data)
    predicates = {URIRef(f"urn:x:{p}"): None if objects is None else frozenset(URIRef(f"urn:x:{o}") for o in objects)
                  for p, objects in wanted.items()}
    expected = "".join(ntriples_lines(with_predicates(union, predicates)))
    assert "".join(ntriples_of(union, predicates)) == expected
    assert expected.count("\n") == sum(1 for _, p, o in union if p in predicates
                                       and (predicates[p] is None or o in predicates[p]))


@settings(derandomize=True, max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["a", "b:c", ".", "..", "", "@", "é", "?q", "#f", "/", "\n"]), max_size=5))
def test_jsonld_refers_relative_to_base_only_where_that_reads_back_the_same(pieces):
    """The rule spelled out: after @base, a path (up to a query or a fragment) whose first
    segment is not empty, has no ":" and begins with no "@", and no segment of it "." or "..";
    else the IRI compacted."""
    from kg.formats import Compactor

    base = "https://e.example/id/"
    compactor = Compactor({"@base": base, "ex": "https://e.example/"})
    rel = "".join(pieces)
    path = re.match(r"[^?#]*", rel).group()
    first, segments = path.partition("/")[0], path.split("/")
    relative = first and ":" not in first and not rel.startswith("@") and not {".", ".."} & set(segments)
    assert compactor.ref(URIRef(base + rel)) == (rel if relative else compactor.compact(base + rel))
