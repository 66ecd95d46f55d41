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

from .formats import merged
from .quads import Quads
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
    g = merged(ds) if isinstance(ds, (Dataset, Quads)) else ds
    G = nx.MultiDiGraph()
    for node in sorted(g.subjects(RDF.type, SEM.Event)):
        if (node, RDF.type, KGO.Statement) in g:
            continue
        G.add_node(str(node), **_item(g, node, "event", language))
    for node in sorted(g.subjects(RDF.type, KGO.Statement)):
        attrs = _item(g, node, "statement", language)
        quote = g.value(node, KGO.quote)
        attrs["quote"] = str(g.value(quote, NIF.anchorOf) or "") if quote else ""
        attrs["direct"] = "true" if str(g.value(node, KGO.direct)).lower() == "true" else "false"
        speakers = "; ".join(sorted(_label(g, s, language) for s in g.objects(node, KGO.speaker)))
        attrs["label"] = f"{speakers}: {attrs['type']}"
        G.add_node(str(node), **attrs)
    for item in list(G.nodes):
        node, date = URIRef(item), G.nodes[item]["date"]  # once an item, not once a role
        for prop, role in _ROLES.items():
            for target in sorted(g.objects(node, prop)):
                name = str(target)
                if name not in G:
                    G.add_node(name, **_entity(g, target, language))
                G.add_edge(item, name, key=role, label=role, date=date)
    _collapse(G, g)
    return G


# What one source says of an item (a merged item lists one per report, in ``sources``).
SOURCE_KEYS = ("article", "article_title", "publisher", "url", "published", "factuality", "date",
               "end", "time_text")


def _collapse(G: nx.MultiDiGraph, g: Graph) -> None:
    """One node per story event or statement reported by several articles.

    The node takes the first report's attributes, lists what every report says in
    ``sources`` (JSON), and takes over the reports' links; the reports' own nodes go.
    """
    for cls in (KGO.StoryEvent, KGO.StoryStatement):
        for story in sorted(g.subjects(RDF.type, cls)):
            members = sorted(str(m) for m in g.objects(story, KGO.reportedAs) if str(m) in G)
            if len(members) < 2:
                continue
            first = str(g.value(story, KGO.firstReport))
            first = first if first in G else members[0]
            ordered = sorted(members, key=lambda m: (m != first, G.nodes[m]["published"] or "9999", m))
            node = str(story)
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


def _label(g: Graph, node, language: str | None) -> str:
    labels = {lit.language: str(lit) for lit in g.objects(node, RDFS.label)}
    for lang in (language, "en", None):
        if lang in labels:
            return labels[lang]
    return next(iter(sorted(labels.values())), str(node).rsplit("/", 1)[-1])


def _entity(g: Graph, node, language) -> dict:
    is_actor = (node, RDF.type, SEM.Actor) in g
    kind_type = notation(g.value(node, KGO.actorType)) if g.value(node, KGO.actorType) else "place"
    blank = dict.fromkeys(("date", "end", "precision", "time_text", "factuality", "direct", "quote",
                           "article", "article_title", "publisher", "url", "published", "sentence",
                           "mention"), "")
    return {**blank, "kind": "actor" if is_actor else "place", "label": _label(g, node, language),
            "type": kind_type, "mention_start": 0, "mention_end": 0}


def _item(g: Graph, node, kind: str, language) -> dict:
    article = g.value(node, PROV.wasDerivedFrom)
    lang = language or (str(g.value(article, SCHEMA.inLanguage)) if article else None)
    type_node = g.value(node, SEM.eventType) or g.value(node, KGO.statementKind)
    time = g.value(node, SEM.hasTime)
    day = g.value(time, SEM.hasTimeStamp) if time else None
    begin = g.value(time, SEM.hasEarliestBeginTimeStamp) if time else None
    end = g.value(time, SEM.hasLatestEndTimeStamp) if time else None
    sentence = g.value(node, KGO.sentence)
    marked = g.value(node, KGO.trigger) or g.value(node, KGO.cue)
    s_begin = int(g.value(sentence, NIF.beginIndex)) if sentence else 0
    factuality = g.value(node, KGO.factuality)
    return {
        "kind": kind,
        "label": _label(g, node, lang),
        "type": notation(type_node) if type_node else "",
        "date": str(day or begin or ""),
        "end": str(end or day or ""),
        "precision": notation(g.value(time, KGO.granularity)) if time and g.value(time, KGO.granularity) else "",
        "time_text": str(g.value(g.value(time, KGO.mention), NIF.anchorOf) or "") if time else "",
        "factuality": notation(factuality) if factuality else "",
        "direct": "", "quote": "",
        "article": str(article or ""),
        "article_title": str(g.value(article, SCHEMA.headline) or "") if article else "",
        "publisher": str(g.value(article, SCHEMA.publisher) or "") if article else "",
        "url": str(g.value(article, SCHEMA.url) or "") if article else "",
        "published": str(g.value(article, SCHEMA.datePublished) or "") if article else "",
        "sentence": str(g.value(sentence, NIF.anchorOf) or "") if sentence else "",
        "mention": str(g.value(marked, NIF.anchorOf) or "") if marked else "",
        "mention_start": int(g.value(marked, NIF.beginIndex)) - s_begin if marked else 0,
        "mention_end": int(g.value(marked, NIF.endIndex)) - s_begin if marked else 0,
    }
