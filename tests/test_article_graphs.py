"""The article graphs of graph.trig and graph.nq written by worker processes (kg.article_graphs)."""
import copy
import errno
import os
import pickle
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import RDF, XSD, Literal, URIRef

from kg import article_graphs
from kg.article_graphs import ArticleGraphFiles, _distinct_by_subject, _nquads_lines, _UnionSplit
from kg.errors import OutputError
from kg.extract.document import extract
from kg.formats import bind_generated_prefixes, by_subject, merged, nquads_graph, nquads_namer, write_graphs
from kg.ingest import read_files
from kg.merge import reconcile_actors
from kg.quads import Quads, Triples
from kg.rdf import STORY, add_story, article_quads, article_triples, to_quads

ROOT = Path(__file__).parent.parent
ARTICLES = sorted(ROOT.glob("tests/articles/dev/*.txt"))[:9]  # three chunks of up to four


@pytest.fixture(scope="module")
def extractions():
    xs = [extract(a) for a in read_files(ARTICLES).articles]
    reconcile_actors(xs)  # as a build does before it makes the article graphs
    return xs


def pickled(extractions):
    """The extractions as a build gives them to the workers: pickled, by article id."""
    return {x.article.id: pickle.dumps(x) for x in extractions}


def test_workers_write_the_bytes_one_process_writes(extractions, tmp_path):
    quads = to_quads(extractions)
    bind_generated_prefixes(quads)
    files = ArticleGraphFiles(quads, pickled(extractions), tmp_path, processes=2)
    whole = merged(quads)
    assert files.write_union(whole)  # the workers write the articles' part of the union
    files.finish()
    (tmp_path / "one").mkdir()
    write_graphs(quads, tmp_path / "one")
    for name in ("graph.trig", "graph.nq", "graph.ttl", "graph.jsonld"):
        assert (tmp_path / name).read_bytes() == (tmp_path / "one" / name).read_bytes(), name
    assert len(files.article_graphs()) == len(ARTICLES)
    assert "_spo" not in whole.store.__dict__  # its own few subjects read with no index of every subject
    assert not (tmp_path / ".parts").exists()


def test_a_time_shared_by_events_and_statements_is_written_once(extractions):
    """Its node's triples are made once, not again for each event or statement of that
    time: a tenth of an article graph's triples were such repeats, made and then dropped,
    by the build and by its workers."""
    for x in extractions:
        times = [t for t in article_triples(x) if "/time/" in t[0]]
        assert times and len(times) == len(set(times)), x.article.id


def test_a_failing_worker_is_an_output_error_naming_the_folder(extractions, tmp_path):
    broken = [copy.deepcopy(x) for x in extractions]
    broken[-1].events = [None]  # the last chunk's worker cannot write this article
    quads = to_quads(extractions)
    files = ArticleGraphFiles(quads, pickled(broken), tmp_path, processes=2)
    with pytest.raises(OutputError, match=f"{tmp_path}: writing the article graphs in worker processes failed"):
        files.finish()
    assert not (tmp_path / ".parts").exists()


def test_stopping_early_ends_the_workers_and_leaves_no_parts(extractions, tmp_path):
    quads = article_quads(sorted(extractions, key=lambda x: x.article.id))
    files = ArticleGraphFiles(quads, pickled(extractions), tmp_path, processes=2, later=(STORY,))
    add_story(quads, extractions)
    bind_generated_prefixes(quads)
    assert files.add_later(quads, {STORY: pickle.dumps(quads.graphs[STORY])})
    workers = [*files._workers.processes, *files._texts_written._workers.processes]
    files.stop()
    for worker in workers:
        worker.join(timeout=10)
        assert not worker.is_alive()
    assert not (tmp_path / ".parts").exists()


def test_the_union_is_not_split_when_two_articles_subjects_interleave():
    quads, a = Quads(), URIRef("https://e.example/article/")
    for article, subjects in (("ab", ["ab#1", "ab/2"]), ("ab-c", ["ab-c/3"])):
        graph = quads.graph(URIRef(f"https://e.example/graph/{article}"))
        for s in subjects:  # "ab-c/3" sorts between "ab#1" and "ab/2"
            graph.add((URIRef(a + s), RDF.type, RDF.Property))
    spaces = {URIRef("https://e.example/graph/ab"): a + "ab", URIRef("https://e.example/graph/ab-c"): a + "ab-c"}
    assert _UnionSplit.of(quads, spaces) is None
    del quads.graphs[URIRef("https://e.example/graph/ab-c")]
    split = _UnionSplit.of(quads, {URIRef("https://e.example/graph/ab"): a + "ab"})
    assert split is not None and split.own == [] and split.runs == [(0, URIRef("https://e.example/graph/ab"))]


@pytest.mark.parametrize("story_text", ["a worker's", "this process's"])
def test_workers_started_before_the_story_write_what_one_process_writes(extractions, tmp_path, story_text):
    quads = article_quads(sorted(extractions, key=lambda x: x.article.id))
    files = ArticleGraphFiles(quads, pickled(extractions), tmp_path, processes=2, later=(STORY,))
    add_story(quads, extractions)
    bind_generated_prefixes(quads)
    given = {STORY: pickle.dumps(quads.graphs[STORY])} if story_text == "a worker's" else None
    assert files.add_later(quads, given)
    assert (files._texts_written is not None) == (given is not None)
    assert bool(files._split.later) == (given is not None)  # the story's own subjects: the worker's to write
    assert files.write_union(merged(quads))
    files.finish()
    (tmp_path / "one").mkdir()
    write_graphs(to_quads(extractions), tmp_path / "one")
    for name in ("graph.trig", "graph.nq", "graph.ttl", "graph.jsonld"):
        assert (tmp_path / name).read_bytes() == (tmp_path / "one" / name).read_bytes(), name


@pytest.mark.parametrize("names", [("graph.trig",), ("graph.nq",), ("graph.ttl",), ("graph.jsonld",),
                                   ("graph.trig", "graph.jsonld"), ("graph.nq", "graph.ttl")])
@pytest.mark.parametrize("story_text", ["a worker's", "this process's"])
def test_workers_asked_for_some_files_write_those_alone_the_same(extractions, tmp_path, names, story_text):
    """The files asked for are the bytes of all of them written at once, and no other is
    written: by the article graphs' workers, the story's, and this process."""
    quads = article_quads(sorted(extractions, key=lambda x: x.article.id))
    files = ArticleGraphFiles(quads, pickled(extractions), tmp_path, processes=2, later=(STORY,), names=names)
    add_story(quads, extractions)
    bind_generated_prefixes(quads)
    given = {STORY: pickle.dumps(quads.graphs[STORY])} if story_text == "a worker's" else None
    assert files.add_later(quads, given)
    union = [name for name in names if name in ("graph.ttl", "graph.jsonld")]
    assert files.write_union(merged(quads)) == bool(union)  # else the build has no union file to write
    files.finish()
    (tmp_path / "all").mkdir()
    write_graphs(to_quads(extractions), tmp_path / "all")
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == sorted(names)
    for name in names:
        assert (tmp_path / name).read_bytes() == (tmp_path / "all" / name).read_bytes(), name


def test_a_story_that_asks_for_new_prefixes_stops_the_workers(extractions, tmp_path):
    quads = article_quads(sorted(extractions, key=lambda x: x.article.id))
    files = ArticleGraphFiles(quads, pickled(extractions), tmp_path, processes=2, later=(STORY,))
    add_story(quads, extractions)
    quads.graph(STORY).add((URIRef("urn:x"), URIRef("http://new.example/ns/p"), URIRef("urn:y")))
    bind_generated_prefixes(quads)  # binds ns1 for the new namespace
    assert not files.add_later(quads)
    assert all(not process.is_alive() for process in files._workers.processes)
    assert not (tmp_path / ".parts").exists()


def test_a_story_that_describes_a_subject_the_workers_write_is_not_split(extractions, tmp_path):
    quads = article_quads(sorted(extractions, key=lambda x: x.article.id))
    files = ArticleGraphFiles(quads, pickled(extractions), tmp_path, processes=2, later=(STORY,))
    add_story(quads, extractions)
    mention = next(s for s, _, _ in quads.graphs[files.article_graphs()[0]] if "#char=" in str(s))
    quads.graph(STORY).add((mention, RDF.type, RDF.Property))
    bind_generated_prefixes(quads)
    assert files.add_later(quads)
    assert not files.write_union(merged(quads))  # the build writes the union's files itself
    files.stop()


@pytest.mark.parametrize("fallback", [None, "add_later", "write_union"])
def test_a_build_whose_workers_give_up_writes_the_same_files(tmp_path, monkeypatch, fallback):
    """With workers or without, and with workers that give up halfway, a build writes the same files."""
    import kg.build

    def gives_up(self, *args):
        if fallback == "add_later":
            self.stop()
        return False
    kg.build.build(ARTICLES[:5], tmp_path / "one", check=False, use_cache=False, jobs=1)
    if fallback:
        monkeypatch.setattr(ArticleGraphFiles, fallback, gives_up)
    kg.build.build(ARTICLES[:5], tmp_path / "two", check=False, use_cache=False, jobs=2)
    for name in ("graph.trig", "graph.nq", "graph.ttl", "graph.jsonld", "timeline.html", "graph.graphml"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name


@pytest.mark.parametrize("refusal", [errno.EXDEV, errno.ENOSYS, None])
def test_parts_are_copied_the_same_where_the_kernel_cannot_copy_them(extractions, tmp_path, monkeypatch,
                                                                     refusal):
    """Where os.copy_file_range refuses (another file system, an old kernel) or is missing
    (not Linux), the parts are read and written instead: the same bytes."""
    import kg.article_graphs

    if refusal is None:
        monkeypatch.delattr(kg.article_graphs.os, "copy_file_range", raising=False)
    else:
        def refuse(*args):
            raise OSError(refusal, os.strerror(refusal))
        monkeypatch.setattr(kg.article_graphs.os, "copy_file_range", refuse)
    quads = to_quads(extractions)
    bind_generated_prefixes(quads)
    files = ArticleGraphFiles(quads, pickled(extractions), tmp_path, processes=2)
    assert files.write_union(merged(quads))
    files.finish()
    (tmp_path / "one").mkdir()
    write_graphs(quads, tmp_path / "one")
    for name in ("graph.trig", "graph.nq", "graph.ttl", "graph.jsonld"):
        assert (tmp_path / name).read_bytes() == (tmp_path / "one" / name).read_bytes(), name


def test_a_full_disk_while_copying_a_part_is_not_hidden(tmp_path, monkeypatch):
    import kg.article_graphs
    from kg.article_graphs import _append

    def full(*args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(kg.article_graphs.os, "copy_file_range", full)
    (tmp_path / "part").write_bytes(b"text")
    with open(tmp_path / "whole", "wb") as whole, pytest.raises(OSError, match="No space"):
        _append(tmp_path / "part", whole)


def test_a_part_read_and_written_keeps_to_its_range(tmp_path, monkeypatch):
    import kg.article_graphs
    from kg.article_graphs import _append

    def across_devices(*args):
        raise OSError(errno.EXDEV, os.strerror(errno.EXDEV))
    monkeypatch.setattr(kg.article_graphs.os, "copy_file_range", across_devices)
    (tmp_path / "part").write_bytes(b"0123456789" * 300_000)  # more than a block read at a time
    with open(tmp_path / "whole", "wb") as whole:
        whole.write(b"<")
        _append(tmp_path / "part", whole, 2, 3)
        _append(tmp_path / "part", whole, 2_999_998)
        _append(tmp_path / "part", whole, 5, 1_500_000)
        whole.write(b">")
    assert (tmp_path / "whole").read_bytes() == b"<234" + b"89" + (b"5678901234" * 150_000) + b">"


_TEXT = st.text(alphabet=st.sampled_from('ab" \\\n@é'), max_size=3)
_OBJECTS = st.one_of(_TEXT.map(Literal), st.tuples(_TEXT, st.sampled_from(["en", "id"])).map(
    lambda t: Literal(t[0], lang=t[1])), st.integers(0, 3).map(lambda n: Literal(n, datatype=XSD.nonNegativeInteger)),
    st.sampled_from(["a", "a/b", "s"]).map(lambda t: URIRef(f"urn:x:{t}")))


def _again(term):
    """An equal term, another object."""
    return URIRef(str(term)) if isinstance(term, URIRef) else Literal(str(term), lang=term.language,
                                                                      datatype=term.datatype)


@settings(derandomize=True, max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["s", "s/1", "t"]), st.sampled_from(["p", "p2"]), _OBJECTS), max_size=14),
       st.lists(st.integers(0, 13), max_size=6))
def test_a_workers_article_index_and_lines_are_those_of_its_graph(triples, repeated):
    """Grouped in one pass, each triple once (some given again, as equal terms that are other
    objects): the index a Triples of them gives, and the N-Quads lines it writes."""
    triples = [(URIRef(f"urn:x:{s}"), URIRef(f"urn:x:{p}"), o) for s, p, o in triples]
    triples += [tuple(map(_again, triples[k])) for k in repeated if k < len(triples)]
    graph = Triples()
    graph.update(triples)
    index = _distinct_by_subject(triples)
    assert index == by_subject(graph)
    assert sum(len(found) for by_p in index.values() for found in by_p.values()) == len(graph)
    iri = URIRef("urn:g")
    assert _nquads_lines(iri, index, nquads_namer()) == "".join(nquads_graph(iri, graph, nquads_namer()))


def test_the_story_text_worker_lets_go_of_the_pickle_once_read(tmp_path, monkeypatch):
    """The worker writing a graph's text from its pickle holds the pickle no longer once it
    is read (196 MB for the story of 10,000 articles): only the caller's name refers to it
    then, and ``sys.getrefcount``'s argument. It writes the N-Quads before it makes the
    index by subject, which the TriG reads: the N-Quads' names are not held beside it."""
    graph = Triples()
    graph.update([(URIRef("urn:s"), RDF.type, URIRef("urn:C")), (URIRef("urn:s"), RDF.value, Literal(1))])
    blob, counts, steps = pickle.dumps(graph), [], []
    read, nquads = article_graphs._BySubject, article_graphs._write_nquads
    monkeypatch.setattr(article_graphs, "_BySubject",
                        lambda triples: counts.append(sys.getrefcount(blob)) or steps.append("index") or read(triples))
    monkeypatch.setattr(article_graphs, "_write_nquads", lambda *given: steps.append("N-Quads") or nquads(*given))
    article_graphs._graph_texts(([], tmp_path, [("urn:g", blob)], None, (".trig", ".nq")))
    assert counts == [2] and steps == ["N-Quads", "index"]
    assert (tmp_path / "graph-0.nq").read_text() == (
        '<urn:s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:C> <urn:g> .\n'
        '<urn:s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#value> "1"^^<http://www.w3.org/2001/XMLSchema#integer> <urn:g> .\n')
