"""The mentions a build keeps apart from its graph (kg.mentions), read as if they were in it."""
import copy
from pathlib import Path

import pytest
from rdflib import URIRef

from kg.extract.document import extract
from kg.formats import by_predicate, merged
from kg.ingest import read_files
from kg.quads import order_key
from kg.mentions import TRIPLES_EACH, Mentions, mention_triples
from kg.merge import reconcile_actors
from kg.network import project
from kg.rdf import add_story, article_quads
from kg.reference import render_reference
from kg.validate import validate

ROOT = Path(__file__).parent.parent
ARTICLES = sorted(ROOT.glob("tests/articles/dev/*.txt"))[:6]


@pytest.fixture(scope="module")
def extractions():
    xs = [extract(a) for a in read_files(ARTICLES).articles]
    reconcile_actors(xs)
    return sorted(xs, key=lambda x: x.article.id)


def built(extractions, apart: bool):
    """The union of the article graphs and the story, as a build makes it: with its mentions
    kept apart (and those), or in it."""
    mentions = Mentions() if apart else None
    quads = article_quads(extractions, mentions)
    add_story(quads, extractions)
    quads.freeze()
    return merged(quads, apart=mentions), mentions


def test_the_mentions_apart_and_the_rest_are_the_whole_graph(extractions):
    mentions = Mentions()
    apart = article_quads(extractions, mentions)
    whole = article_quads(extractions)
    assert len(mentions) > 100 and len(apart) + TRIPLES_EACH * len(mentions) == len(whole)
    assert set(apart.graphs) == set(whole.graphs) == set(mentions.graphs)
    graph = next(iter(whole.graphs))
    first, last = mentions.graphs[graph]
    records = list(mentions.records(first, last))
    theirs = {t for r in records for t in mention_triples(*r)}
    assert theirs <= set(whole.graphs[graph])
    # The table let go of their IRIs: the other triples name them None until they are put back.
    iris = {r[0] for r in records}
    assert {tuple(None if term in iris else term for term in t) for t in set(whole.graphs[graph]) - theirs} \
        == set(apart.graphs[graph])
    assert None not in apart.table.numbers and sum(t is None for t in apart.table.terms) > 100
    assert mentions.bounds()[graph] == (min(str(r[0]) for r in records), max(str(r[0]) for r in records))
    mentions.put_back(apart)
    assert len(mentions) == 0 and all(set(apart.graphs[g]) == set(whole.graphs[g]) for g in whole.graphs)


def test_a_mention_kept_apart_has_its_number_in_the_union(extractions):
    union, mentions = built(extractions, apart=True)
    index = by_predicate(union)
    picked = list(range(0, len(mentions), 97))
    assert [index.number(mentions.iri(k)) for k in picked] == mentions.numbers[picked].tolist()
    assert mentions.places(mentions.numbers[picked]).tolist() == picked
    assert mentions.places([-1, index.number(next(iter(mentions.contexts)))]).tolist() == [-1, -1]  # an article


def test_the_check_reads_the_mentions_apart_as_if_they_were_in_the_graph(extractions):
    union, mentions = built(extractions, apart=True)
    whole, _ = built(extractions, apart=False)
    apart, together = validate(union, mentions), validate(whole)
    assert apart.conforms and together.conforms and apart.quads == together.quads


def test_a_broken_mention_apart_is_found_as_in_the_graph(extractions):
    """A mention that ends where it begins, and one of no article: the same results as
    when their triples are in the graph (the check does look at what is kept apart)."""
    broken = copy.deepcopy(extractions)
    for x in broken:
        for actor in x.actors.values():
            if actor.mentions:
                span = actor.mentions[0]
                actor.mentions[0] = type(span)(span.start, span.start, "")
                break
    union, mentions = built(broken, apart=True)
    mentions.contexts[0] = URIRef("https://w3id.org/kg-news/id/actor/nobody")  # an article no more
    whole = merged_with_triples(union, mentions)
    apart, together = validate(union, mentions), validate(whole)
    assert not apart.conforms and apart.lines == together.lines
    assert any("nif:endIndex" in line for line in apart.lines)
    assert any("nif:referenceContext" in line for line in apart.lines)


def merged_with_triples(union, mentions):
    """``union`` with the mentions' triples put in it."""
    from rdflib import Graph
    g = Graph()
    for triple in union:
        g.add(triple)
    for triple in mentions.triples():
        g.add(triple)
    return merged(g)


def test_the_projection_reads_the_mentions_apart(extractions):
    union, mentions = built(extractions, apart=True)
    whole, _ = built(extractions, apart=False)
    G, H = project(union, mentions=mentions), project(whole)
    assert list(G.nodes(data=True)) == list(H.nodes(data=True))
    assert list(G.edges(keys=True, data=True)) == list(H.edges(keys=True, data=True))
    assert any(data.get("sentence") and data.get("mention") for _, data in G.nodes(data=True))


@pytest.mark.parametrize("furniture", [True, False])
def test_the_examples_read_the_mentions_apart(extractions, furniture):
    """The same page: with page furniture the mention shown is one in the graph (it has a
    kind), without any it is one kept apart, and every mention's text is noted."""
    xs = copy.deepcopy(extractions)
    for x in xs:
        if not furniture:
            x.article.furniture = []
    assert any(x.article.furniture for x in xs) == furniture
    union, mentions = built(xs, apart=True)
    whole, _ = built(xs, apart=False)
    page = render_reference(union, mentions=mentions)
    assert page == render_reference(whole)
    assert ('id="example-mention"' in page) and page.count("# &quot;") > 10


def test_a_build_keeping_them_apart_writes_what_one_process_writes(tmp_path):
    """With workers the build keeps the mentions apart; alone it holds their triples: the
    same files, the same counts in build.json."""
    import kg.build

    kept = []
    real = Mentions.renumber
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Mentions, "renumber", lambda self, ranks, terms: kept.append(len(self)) or real(self, ranks, terms))
        kg.build.build(ARTICLES[:4], tmp_path / "two", use_cache=False, jobs=2)
    kg.build.build(ARTICLES[:4], tmp_path / "one", use_cache=False, jobs=1)
    assert kept and kept[0] > 100  # they were apart
    for name in ("build.json", "ontology.html", "timeline.html", "graph.graphml", "graph.ttl"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name


def test_a_text_is_cut_from_its_article_unless_it_reads_otherwise():
    from kg.quads import Quads

    quads, mentions = Quads(), Mentions()
    a = URIRef("urn:a")
    records = [(URIRef("urn:a#char=0,3"), 0, 3, "Kim", a), (URIRef("urn:a#char=8,13"), 8, 13, "PUTIN", a)]
    mentions.add(URIRef("urn:g"), records, quads.table, article="Kim met Putin.")
    assert mentions._texts == [None, "PUTIN"]  # the first is the article's, the second is not
    assert list(mentions.texts()) == ["Kim", "PUTIN"] and list(mentions.records()) == records


def test_a_mentions_iri_is_made_from_its_record_unless_it_reads_otherwise():
    from kg.quads import Quads

    quads, mentions = Quads(), Mentions()
    a, odd = URIRef("urn:a"), URIRef("urn:other#m1")
    records = [(URIRef("urn:a#char=0,3"), 0, 3, "Kim", a), (odd, 8, 13, "Putin", a)]
    mentions.add(URIRef("urn:g"), records, quads.table)
    assert mentions._odd == {1: odd}  # the first is made again when read, the second kept
    assert [mentions.iri(k) for k in range(2)] == [r[0] for r in records]
    assert all(type(mentions.iri(k)) is URIRef for k in range(2))


def test_the_unions_terms_read_the_same_with_the_mentions_apart(extractions):
    """The union keeps no mention's IRI (None in its list), and reads each one made from
    its record: the same terms in the same order as the union of the whole graphs."""
    union, mentions = built(extractions, apart=True)
    whole, _ = built(extractions, apart=False)
    terms = union.store.columns.terms
    assert sum(t is None for t in terms._terms) == int((mentions.numbers >= 0).sum()) > 100
    kept = list(terms)
    assert None not in kept and kept == sorted(kept, key=order_key) and len(set(kept)) == len(kept)
    assert set(kept) <= set(whole.store.columns.terms)
    assert terms[5:9] == kept[5:9] and terms[-1] == kept[-1]
