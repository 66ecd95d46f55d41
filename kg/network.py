"""The networkx projection of the graph: actors, statements, events and places.

Typed nodes and labelled edges carrying dates, used by the HTML views and the GraphML
export. Attributes are plain strings (or ints), so GraphML can hold them; the list is in
``docs/graph-model.md``.

>>> from kg.ingest import parse_article
>>> from kg.extract.document import extract
>>> from kg.rdf import to_dataset
>>> G = project(to_dataset([extract(parse_article("Russian President Vladimir Putin said on June 19, 2024 that Russian troops were ready.", "a.txt"))]))
>>> sorted({d["kind"] for _, d in G.nodes(data=True)})
['actor', 'statement']
>>> [(d["label"], d["date"]) for _, d in G.nodes(data=True) if d["kind"] == "statement"]
[('Vladimir Putin: claim', '2024-06-19')]
"""
from __future__ import annotations

import json

import networkx as nx
from rdflib import RDF, RDFS, Dataset, Graph, URIRef

from .formats import by_predicate
from .quads import PredicateIndex, Quads
from .terms import Terms
from .vocab import KGO, NIF, PROV, SCHEMA, SEM, notation

KGO, NIF, PROV, SCHEMA, SEM = Terms(KGO), Terms(NIF), Terms(PROV), Terms(SCHEMA), Terms(SEM)
RDF, RDFS = Terms(RDF), Terms(RDFS)

_ROLES = {KGO.agent: "agent", KGO.theme: "theme", KGO.partner: "partner", KGO.target: "target",
          KGO.speaker: "speaker", KGO.addressee: "addressee", KGO.onBehalfOf: "on_behalf_of",
          KGO.reports: "reports", SEM.hasPlace: "place"}


def project(ds: Dataset | Quads | Graph, *, language: str | None = None) -> nx.MultiDiGraph:
    """Project the RDF graph onto a MultiDiGraph of actors, events, statements and places.

    Parameters
    ----------
    ds : the graph built by :func:`kg.rdf.to_dataset` (or a plain union graph).
    language : preferred label language; default: the language of the articles.
    """
    g = _Reader(by_predicate(ds))
    G = nx.MultiDiGraph()
    statements = g.subjects(RDF.type, KGO.Statement)
    kept = set(statements)
    for node in g.sorted(g.subjects(RDF.type, SEM.Event)):
        if node in kept:
            continue
        G.add_node(g.name(node), **_item(g, node, "event", language))
    for node in g.sorted(statements):
        attrs = _item(g, node, "statement", language)
        quote = g.value(node, KGO.quote)
        attrs["quote"] = str(g.term(g.value(quote, NIF.anchorOf)) or "") if quote is not None else ""
        attrs["direct"] = "true" if str(g.term(g.value(node, KGO.direct))).lower() == "true" else "false"
        speakers = "; ".join(sorted(_label(g, s, language) for s in g.objects(node, KGO.speaker)))
        attrs["label"] = f"{speakers}: {attrs['type']}"
        G.add_node(g.name(node), **attrs)
    for item in list(G.nodes):
        node, date = g.number(item), G.nodes[item]["date"]  # once an item, not once a role
        for prop, role in _ROLES.items():
            for target in g.sorted(g.objects(node, prop)):
                name = g.name(target)
                if name not in G:
                    G.add_node(name, **_entity(g, target, language))
                G.add_edge(item, name, key=role, label=role, date=date)
    _collapse(G, g)
    return G


class _Reader:
    """The union read by term numbers (:class:`kg.quads.PredicateIndex`): a node's value for a
    property found by bisection in the property's sorted subjects, with no triple made.
    ``value`` and ``objects`` give numbers (None for nothing); ``term`` the term of one.

    >>> from rdflib import Literal
    >>> g = _Reader(by_predicate(Graph().add((URIRef("urn:a"), RDFS.label, Literal("A")))))
    >>> g.term(g.value(g.number("urn:a"), RDFS.label)), g.term(None)
    (rdflib.term.Literal('A'), None)
    """

    def __init__(self, index: PredicateIndex):
        self.index = index
        self.terms = self.index.terms
        self._names: dict = {}  # an item's name: its number
        self._numbers: dict = {}  # a predicate (this module's own term: found by identity): its number
        self.articles: dict = {}  # an article's number: what it says of itself (:func:`_article`)

    def predicate(self, p: URIRef) -> int | None:
        """The number of the predicate ``p``."""
        found = self._numbers.get(p, self)
        if found is self:
            found = self._numbers[p] = self.index.predicates.get(p)
        return found

    def value(self, node: int | None, p: URIRef) -> int | None:
        return None if node is None else self.index.value(self.predicate(p), node)

    def objects(self, node: int | None, p: URIRef):
        return () if node is None else self.index.objects(self.predicate(p), node)

    def subjects(self, p: URIRef, o: URIRef) -> list:
        return self.index.subjects(self.predicate(p), self.index.number(o))

    def term(self, n: int | None):
        return None if n is None else self.terms[n]

    def name(self, n: int) -> str:
        """A node's name in the projection: its IRI."""
        name = str(self.terms[n])
        self._names[name] = n
        return name

    def number(self, name: str) -> int | None:
        """The number of the node named ``name`` (an IRI)."""
        found = self._names.get(name)
        return found if found is not None else self.index.number(URIRef(name))

    def sorted(self, nodes) -> list:
        """Nodes in the order of their terms, as rdflib sorts terms."""
        return sorted(nodes, key=self.terms.__getitem__)


# What one source says of an item (a merged item lists one per report, in ``sources``).
SOURCE_KEYS = ("article", "article_title", "publisher", "url", "published", "factuality", "date",
               "end", "time_text")


def _collapse(G: nx.MultiDiGraph, g: _Reader) -> None:
    """One node per story event or statement reported by several articles.

    The node takes the first report's attributes, lists what every report says in
    ``sources`` (JSON), and takes over the reports' links; the reports' own nodes go.
    """
    for cls in (KGO.StoryEvent, KGO.StoryStatement):
        for story in g.sorted(g.subjects(RDF.type, cls)):
            members = sorted(name for name in map(g.name, g.objects(story, KGO.reportedAs)) if name in G)
            if len(members) < 2:
                continue
            first = str(g.term(g.value(story, KGO.firstReport)))
            first = first if first in G else members[0]
            ordered = sorted(members, key=lambda m: (m != first, G.nodes[m]["published"] or "9999", m))
            node = g.name(story)
            attrs = dict(G.nodes[first])
            attrs["sources"] = json.dumps([{k: G.nodes[m][k] for k in SOURCE_KEYS} for m in ordered],
                                          ensure_ascii=False)
            G.add_node(node, **attrs)
            for m in ordered:
                for _, target, key, data in list(G.out_edges(m, keys=True, data=True)):
                    if not G.has_edge(node, target, key):
                        G.add_edge(node, target, key=key, **data)
                for source, _, key, data in list(G.in_edges(m, keys=True, data=True)):
                    if source != node and not G.has_edge(source, node, key):
                        G.add_edge(source, node, key=key, **data)
                G.remove_node(m)


def _label(g: _Reader, node: int, language: str | None) -> str:
    labels = {lit.language: str(lit) for lit in map(g.term, g.objects(node, RDFS.label))}
    for lang in (language, "en", None):
        if lang in labels:
            return labels[lang]
    return next(iter(sorted(labels.values())), str(g.term(node)).rsplit("/", 1)[-1])


def _entity(g: _Reader, node: int, language) -> dict:
    is_actor = _typed(g, node, SEM.Actor)
    actor_type = g.term(g.value(node, KGO.actorType))
    kind_type = notation(actor_type) if actor_type else "place"
    blank = dict.fromkeys(("date", "end", "precision", "time_text", "factuality", "direct", "quote",
                           "article", "article_title", "publisher", "url", "published", "sentence",
                           "mention"), "")
    return {**blank, "kind": "actor" if is_actor else "place", "label": _label(g, node, language),
            "type": kind_type, "mention_start": 0, "mention_end": 0}


def _typed(g: _Reader, node: int, cls: URIRef) -> bool:
    return g.index.number(cls) in g.objects(node, RDF.type)


def _item(g: _Reader, node: int, kind: str, language) -> dict:
    value, term = g.value, g.term
    article = value(node, PROV.wasDerivedFrom)
    about = _article(g, article)
    lang = language or about["language"]
    type_node = term(value(node, SEM.eventType)) or term(value(node, KGO.statementKind))
    time = value(node, SEM.hasTime)
    day, begin, end = (term(value(time, p)) for p in (SEM.hasTimeStamp, SEM.hasEarliestBeginTimeStamp,
                                                       SEM.hasLatestEndTimeStamp))
    sentence = value(node, KGO.sentence)
    marked = value(node, KGO.trigger)
    marked = marked if marked is not None else value(node, KGO.cue)
    s_begin = int(term(value(sentence, NIF.beginIndex))) if sentence is not None else 0
    factuality = term(value(node, KGO.factuality))
    granularity = term(value(time, KGO.granularity))
    return {
        "kind": kind,
        "label": _label(g, node, lang),
        "type": notation(type_node) if type_node else "",
        "date": str(day or begin or ""),
        "end": str(end or day or ""),
        "precision": notation(granularity) if granularity else "",
        "time_text": str(term(value(value(time, KGO.mention), NIF.anchorOf)) or "") if time is not None else "",
        "factuality": notation(factuality) if factuality else "",
        "direct": "", "quote": "",
        "article": about["article"], "article_title": about["article_title"],
        "publisher": about["publisher"], "url": about["url"], "published": about["published"],
        "sentence": str(term(value(sentence, NIF.anchorOf)) or ""),
        "mention": str(term(value(marked, NIF.anchorOf)) or ""),
        "mention_start": int(term(value(marked, NIF.beginIndex))) - s_begin if marked is not None else 0,
        "mention_end": int(term(value(marked, NIF.endIndex))) - s_begin if marked is not None else 0,
    }


def _article(g: _Reader, article: int | None) -> dict:
    """What an item's article says of itself (its items share it: read once an article)."""
    found = g.articles.get(article)
    if found is None:
        value, term = g.value, g.term
        found = g.articles[article] = {
            "language": str(term(value(article, SCHEMA.inLanguage))) if article is not None else None,
            "article": str(term(article) or ""),
            "article_title": str(term(value(article, SCHEMA.headline)) or ""),
            "publisher": str(term(value(article, SCHEMA.publisher)) or ""),
            "url": str(term(value(article, SCHEMA.url)) or ""),
            "published": str(term(value(article, SCHEMA.datePublished)) or ""),
        }
    return found
