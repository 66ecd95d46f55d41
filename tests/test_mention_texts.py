"""A mention's texts written from the layout all mentions share (kg.mention_texts) are
the texts the general writers of kg.formats make of its triples."""
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import URIRef

from kg.formats import Compactor, by_subject, context, nquads_graph, nquads_namer, subject_parts, trig_namer
from kg.mention_texts import MentionTexts
from kg.quads import Triples
from kg.mentions import mention_triples
from kg.rdf import article_iri
from kg.vocab import PREFIXES

# The build's prefixes, and one that names an article's own IRIs, as a user's could.
PREFIX_LISTS = ([(p, str(n)) for p, n in PREFIXES.items()],
                [("art", article_iri("a").rstrip("a")), *((p, str(n)) for p, n in PREFIXES.items())])

texts = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)
ids = st.text("abcdefghijklmnopqrstuvwxyz0123456789-_.", min_size=1, max_size=20)


@st.composite
def articles(draw):
    """The records of an article's mentions as a build makes them: any spans and texts of
    any article, its IRI one object for them all (a worker names it once an article)."""
    context = article_iri(draw(ids))
    records = []
    for _ in range(draw(st.integers(1, 3))):
        start = draw(st.integers(0, 10 ** 7))
        end = start + draw(st.integers(0, 10 ** 4))
        records.append((URIRef(f"{context}#char={start},{end}"), start, end, draw(texts), context))
    return records


@settings(max_examples=300, deadline=None)
@given(st.lists(articles(), min_size=1, max_size=3), st.sampled_from(PREFIX_LISTS))
def test_a_mentions_texts_are_what_the_general_writers_make_of_its_triples(many, prefixes):
    name, term = trig_namer(prefixes), nquads_namer()
    compactor = Compactor(context()["@context"])
    written = MentionTexts(name, term, compactor)
    for record in (record for article in many for record in article):  # in turn, as a worker writes them
        triples = mention_triples(*record)
        s = triples[0][0]
        index = by_subject(list(triples))
        assert written.turtle(record) == next(subject_parts(index, name))[1:]
        graph = URIRef("urn:kg:graph")
        whole = Triples()
        whole.update(triples)
        lines = [line + "\n" for line in "".join(nquads_graph(graph, whole, term)).split("\n")[:-1]]
        assert sorted(written.nquads(record, f" {term(graph)} .\n")) == lines
        assert written.node(record) == compactor.node(s, index[s])
        assert list(written.node(record)) == list(compactor.node(s, index[s]))  # keys in the same order


def test_what_every_mention_has_alike_is_written_once_and_the_rest_each_time():
    texts = MentionTexts(trig_namer(PREFIX_LISTS[0]), nquads_namer(), Compactor(context()["@context"]))
    fixed = [part for part, where in texts._turtle if where is None]
    assert fixed == ["a nif:OffsetBasedString, nif:String"]
    assert sum(where is None for _, where in texts._nquads) == 2
    assert [key for key, _, where in texts._keys if where is None] == ["@type"]
    # the rest from the record: start, end, text and context, each in its place
    assert [where for _, where in texts._turtle if where is not None] == [3, 1, 2, 4]
    assert sorted(texts._formats) == [1, 2, 3, 4]
