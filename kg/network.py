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
import zlib
from typing import Iterator, NamedTuple

import networkx as nx
import numpy
from rdflib import RDF, RDFS, Dataset, Graph, URIRef

from .formats import by_predicate
from .mentions import Mentions
from .quads import PredicateIndex, Quads
from .terms import Terms
from .vocab import KGO, NIF, PROV, SCHEMA, SEM, notation

KGO, NIF, PROV, SCHEMA, SEM = Terms(KGO), Terms(NIF), Terms(PROV), Terms(SCHEMA), Terms(SEM)
RDF, RDFS = Terms(RDF), Terms(RDFS)

_ROLES = {KGO.agent: "agent", KGO.theme: "theme", KGO.partner: "partner", KGO.target: "target",
          KGO.speaker: "speaker", KGO.addressee: "addressee", KGO.onBehalfOf: "on_behalf_of",
          KGO.reports: "reports", SEM.hasPlace: "place"}


def project(ds: Dataset | Quads | Graph, *, language: str | None = None, mentions: Mentions | None = None) -> nx.MultiDiGraph:
    """Project the RDF graph onto a MultiDiGraph of actors, events, statements and places.

    Parameters
    ----------
    ds : the graph built by :func:`kg.rdf.to_dataset` (or a plain union graph).
    language : preferred label language; default: the language of the articles.
    mentions : the mentions a build keeps apart from its union ``ds`` (:mod:`kg.mentions`).
    """
    return draft(ds, language=language, mentions=mentions).to_networkx()


def draft(ds: Dataset | Quads | Graph, *, language: str | None = None, mentions: Mentions | None = None) -> Draft:
    """The projection of :func:`project` before it is a networkx graph (:meth:`Draft.to_networkx`):
    what a build hands to the worker that draws its views."""
    G, plan = _drafted(_Reader(by_predicate(ds), mentions), language)
    _collapse(G, plan)
    return G


def _drafted(g: _Reader, language: str | None) -> tuple[Draft, list[tuple]]:
    """The projection's draft before the stories are merged (:class:`Draft`), and the plan
    of the merge (:func:`_collapsing`). What it is made from (the reader's names, every
    item's places among its roles' objects) is let go of when it returns, before the merge
    (at 3,000 articles the merge's height 1,107–1,111 → 1,076 MB)."""
    G = Draft()
    statements = g.subjects(RDF.type, KGO.Statement)
    kept = set(statements)
    events = [node for node in g.sorted(g.subjects(RDF.type, SEM.Event)) if node not in kept]
    statements = g.sorted(statements)
    numbers = [*events, *statements]  # the items, in the order their nodes are added
    runs = [(role, *g.runs(numbers, prop)) for prop, role in _ROLES.items()]  # every item's objects at once
    plan = _collapsing(g, numbers, runs)
    gone = {m for _, members, first in plan for m in members if m != first}  # the reports merged away, by name
    for node, attrs in zip(events, _items(g, events, "event", language, gone)):
        G.add_node(g.name(node), attrs)
    quotes = g.anchors(g.values(statements, KGO.quote), NIF.anchorOf)
    direct = g.terms_of(g.values(statements, KGO.direct))
    for k, (node, attrs) in enumerate(zip(statements, _items(g, statements, "statement", language, gone))):
        if g.name(node) not in gone:
            attrs["quote"] = str(quotes[k] or "")
            attrs["direct"] = "true" if str(direct[k]).lower() == "true" else "false"
            speakers = "; ".join(sorted(_label(g, s, language) for s in g.objects(node, KGO.speaker)))
            attrs["label"] = f"{speakers}: {attrs['type']}"
        G.add_node(g.name(node), attrs)
    items = list(G.nodes)  # the nodes so far, in the order added
    for k, item in enumerate(items):
        about = G.nodes[item]
        date = about.date if isinstance(about, Source) else about["date"]
        for role, objects, starts, ends in runs:
            if starts[k] == ends[k]:
                continue
            for target in g.sorted(objects[starts[k]:ends[k]]):
                name = g.name(target)
                if name not in G.nodes:
                    G.add_node(name, _entity(g, target, language))
                G.add_edge(item, name, role, date)
    return G, plan


class Draft:
    """The projection while it is made: the nodes and keyed edges of a networkx
    ``MultiDiGraph`` in plain dicts and tuples, for the few things :func:`project` does to
    them, and the graph itself made at the end (:meth:`to_networkx`), the same nodes and
    edges in the same order as had they been added to it all along.

    Nine in ten of the items are reports merged away into a story (:func:`_collapse`), so
    most nodes and edges made are removed again, and networkx made two dicts for each edge
    (its keys and its data). Here the edges joining two nodes are ``(when joined, key,
    date)`` when they are one, as most are, else ``(when joined, {key: date})``: an edge's
    label is its key. When each pair of nodes was first joined orders the graph's edges
    as networkx would have (a pair is never joined again once one of its nodes is gone).
    A node's attributes are kept as given (a report merged away gives a :class:`Source`),
    and its dicts of edges made with its first edge each way (most nodes have edges one
    way only): at 10,000 articles the projection's height 2,530 → 2,422 MB resident. A
    merged item's ``sources`` are kept compressed until the graph is made (at 3,000
    articles 70 MB of JSON, 11 MB compressed).

    >>> d = Draft(); d.add_node("a", {"kind": "x"}); d.add_node("b", {}); d.add_node("c", {})
    >>> d.add_edge("c", "b", "theme", "2024"); d.add_edge("a", "b", "agent", "2024"); d.add_edge("a", "c", "agent", "")
    >>> d.add_edge("a", "b", "theme", "2024"); d.remove_node("c")
    >>> sorted(d.succ), sorted(d.pred)  # a node's edges each way, once it has one
    (['a'], ['b'])
    >>> G = d.to_networkx()
    >>> list(G.nodes(data=True)), list(G.edges(keys=True, data=True))
    ([('a', {'kind': 'x'}), ('b', {})], [('a', 'b', 'agent', {'label': 'agent', 'date': '2024'}), ('a', 'b', 'theme', {'label': 'theme', 'date': '2024'})])
    """

    def __init__(self) -> None:
        self.nodes: dict[str, dict] = {}  # a node: its attributes
        self.succ: dict[str, dict] = {}   # a node with edges from it: the nodes they go to, and those edges
        self.pred: dict[str, dict] = {}   # a node with edges to it: those they come from, and those edges
        self.sources: dict[str, bytes] = {}  # a merged item: its attribute ``sources``, compressed
        self._joined = 0

    def add_node(self, node: str, attrs) -> None:
        """A new node, or new attributes for one (as networkx: those it had stay first)."""
        found = self.nodes.get(node)
        if found is None:
            self.nodes[node] = attrs
        else:
            found.update(attrs)

    def add_edge(self, u: str, v: str, key: str, date: str) -> None:
        """An edge ``key`` from ``u`` to ``v``, of ``date`` (one they had already: its date replaced)."""
        targets = self.succ.get(u)
        if targets is None:
            targets = self.succ[u] = {}
        pair = targets.get(v)
        if pair is None:
            pair = (self._joined, key, date)
            self._joined += 1
        elif len(pair) == 3 and pair[1] != key:
            pair = (pair[0], {pair[1]: pair[2], key: date})
        elif len(pair) == 3:
            pair = (pair[0], key, date)
        else:
            pair[1][key] = date
        sources = self.pred.get(v)
        if sources is None:
            sources = self.pred[v] = {}
        targets[v] = sources[u] = pair

    def add_sources(self, node: str, sources: list[dict]) -> None:
        """The attribute ``sources`` of ``node`` (JSON), added last to its attributes."""
        self.sources[node] = zlib.compress(json.dumps(sources, ensure_ascii=False).encode("utf-8"), 1)

    def number_of_nodes(self) -> int:
        return len(self.nodes)

    def number_of_edges(self) -> int:
        return sum(len(pair[1]) if len(pair) == 2 else 1 for targets in self.succ.values() for pair in targets.values())

    def has_edge(self, u: str, v: str, key: str) -> bool:
        pair = self.succ.get(u, _NO_EDGES).get(v)
        return pair is not None and (pair[1] == key if len(pair) == 3 else key in pair[1])

    def out_edges(self, node: str) -> list[tuple[str, str, str]]:
        """``(target, key, date)`` of each edge from ``node``, as networkx orders them."""
        return [(v, key, date) for v, pair in self.succ.get(node, _NO_EDGES).items() for key, date in _keyed(pair)]

    def in_edges(self, node: str) -> list[tuple[str, str, str]]:
        """``(source, key, date)`` of each edge to ``node``, as networkx orders them."""
        return [(u, key, date) for u, pair in self.pred.get(node, _NO_EDGES).items() for key, date in _keyed(pair)]

    def remove_node(self, node: str) -> None:
        """``node`` and its edges gone (as networkx removes them: those from it first)."""
        del self.nodes[node]
        self.sources.pop(node, None)
        for v in self.succ.pop(node, _NO_EDGES):
            del self.pred[v][node]
        for u in self.pred.pop(node, _NO_EDGES):
            del self.succ[u][node]

    def to_networkx(self) -> nx.MultiDiGraph:
        """The networkx graph of these nodes and edges, each edge's data its label and date.
        The draft is emptied as the graph is made (networkx copies each node's attributes),
        so the two are not held whole side by side: at 3,000 articles 1,086 → 1,018 MB high."""
        G = nx.MultiDiGraph()
        G.add_nodes_from((node, self._attributes(node)) for node in list(self.nodes))
        self.pred.clear()  # the edges, in succ alone from here
        pairs = sorted((pair, u, v) for u, targets in self.succ.items() for v, pair in targets.items())
        self.succ.clear()
        G.add_edges_from((u, v, key, {"label": key, "date": date})
                         for pair, u, v in pairs for key, date in _keyed(pair))
        return G

    def _attributes(self, node: str) -> dict:
        """The attributes of ``node``, its ``sources`` among them, let go of here."""
        attrs = self.nodes.pop(node)
        sources = self.sources.pop(node, None)
        if sources is not None:
            attrs["sources"] = zlib.decompress(sources).decode("utf-8")
        return attrs


_NO_EDGES: dict = {}  # a node's edges one way when it has none (never added to)


def _keyed(pair: tuple):
    """The ``(key, date)`` of each edge of a pair of nodes (:class:`Draft`)."""
    return (pair[1:],) if len(pair) == 3 else pair[1].items()


class _Reader:
    """The union read by term numbers (:class:`kg.quads.PredicateIndex`): a node's value for a
    property found by bisection in the property's sorted subjects, with no triple made.
    ``value`` and ``objects`` give numbers (None for nothing); ``term`` the term of one;
    ``values`` and ``runs`` the same for many nodes at once.

    >>> from rdflib import Literal
    >>> g = _Reader(by_predicate(Graph().add((URIRef("urn:a"), RDFS.label, Literal("A")))))
    >>> a = g.index.number(URIRef("urn:a"))
    >>> g.term(g.value(a, RDFS.label)), g.term(None), g.terms_of(g.values([a, -1], RDFS.label))
    (rdflib.term.Literal('A'), None, [rdflib.term.Literal('A'), None])
    """

    def __init__(self, index: PredicateIndex, mentions: Mentions | None = None):
        self.index = index
        self.mentions = mentions if mentions is not None and len(mentions) else None  # kept apart from the union
        self.terms = self.index.terms
        self._numbers: dict = {}  # a predicate (this module's own term: found by identity): its number
        self._names: dict = {}    # a node's number: its name, made once (a node is named several times)
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

    def values(self, nodes, p: URIRef) -> numpy.ndarray:
        """``value`` of each of ``nodes`` (numbers, -1 for none) at once: -1 for nothing."""
        return self.index.values(self.predicate(p), numpy.asarray(nodes, dtype=numpy.int64))

    def runs(self, nodes, p: URIRef) -> tuple:
        """``objects`` of each of ``nodes`` at once: the objects, and where each node's start and end."""
        return self.index.runs(self.predicate(p), numpy.asarray(nodes, dtype=numpy.int64))

    def terms_of(self, numbers: numpy.ndarray) -> list:
        """The term of each number, None for -1."""
        terms = self.terms
        return [terms[n] if n >= 0 else None for n in numbers.tolist()]

    def term(self, n: int | None):
        return None if n is None else self.terms[n]

    def anchors(self, nodes: numpy.ndarray, p: URIRef) -> list:
        """The value of ``p`` (``nif:anchorOf``, ``nif:beginIndex`` or ``nif:endIndex``) of
        each mention of ``nodes`` (numbers, -1 for none): a term of the union, or for a
        mention kept apart from it, its text or offset itself; None for none."""
        found = self.terms_of(self.values(nodes, p))
        if self.mentions is not None:
            read = {NIF.anchorOf: self.mentions.text, NIF.beginIndex: self.mentions.begins.__getitem__,
                    NIF.endIndex: self.mentions.ends.__getitem__}[p]
            places = self.mentions.places(nodes)
            for k in numpy.flatnonzero(places >= 0).tolist():
                if found[k] is None:
                    found[k] = read(int(places[k]))
        return found

    def name(self, n: int) -> str:
        """A node's name in the projection: its IRI."""
        found = self._names.get(n)
        if found is None:
            found = self._names[n] = str(self.terms[n])
        return found

    def sorted(self, nodes) -> list:
        """Nodes in the order of their terms, as rdflib sorts terms."""
        return sorted(nodes, key=self.terms.__getitem__)


class Source(NamedTuple):
    """What one source says of an item: a merged item lists one per report, in ``sources``
    (a report merged away is drafted with this alone: 112 bytes, where a dict took 272)."""
    article: str
    article_title: str
    publisher: str
    url: str
    published: str
    factuality: str
    date: str
    end: str
    time_text: str


SOURCE_KEYS = Source._fields


def _collapsing(g: _Reader, items: list[int], runs: list) -> list[tuple]:
    """The story events and statements reported by several of ``items`` (their nodes, then
    their objects in ``runs``, the projection's nodes before the merge), as
    :func:`_collapse` merges them: ``(the story's name, its reports' names, the first
    report's)``, in that order. A report merged into one story is not counted in a later one.

    Told before the nodes are made, so that the reports merged away are made with what
    their story lists of them alone (``SOURCE_KEYS``): nine in ten items at 10,000
    generated articles (568,402 of 633,646). With each node named once and the roles' places
    kept in arrays, the process's height while projecting 10,000 articles went from 5.02 to
    4.46 GB, and the projection took 40.2 and 33.1 s of CPU instead of 47.6 s.
    """
    present = set(map(g.name, items))
    present.update(g.name(n) for _, objects, _, _ in runs for n in set(objects))
    plan = []
    for cls in (KGO.StoryEvent, KGO.StoryStatement):
        for story in g.sorted(g.subjects(RDF.type, cls)):
            members = sorted(name for name in map(g.name, g.objects(story, KGO.reportedAs)) if name in present)
            if len(members) < 2:
                continue
            first = str(g.term(g.value(story, KGO.firstReport)))
            node = g.name(story)
            plan.append((node, members, first if first in present else members[0]))
            present.difference_update(members)
            present.add(node)
    return plan


def _collapse(G: Draft, plan: list[tuple]) -> None:
    """One node per story event or statement reported by several articles (``plan``, from
    :func:`_collapsing`).

    The node takes the first report's attributes, lists what every report says in
    ``sources`` (JSON), and takes over the reports' links; the reports' own nodes go.
    """
    nodes = G.nodes  # each node's attributes: a plan's members are read before any of them goes
    for node, members, first in plan:  # every member but the first is drafted as its Source alone
        others = sorted((m for m in members if m != first), key=lambda m: (nodes[m].published or "9999", m))
        ordered = [first, *others]
        attrs = dict(nodes[first])
        G.add_node(node, attrs)
        G.add_sources(node, [{k: attrs[k] for k in SOURCE_KEYS}, *(nodes[m]._asdict() for m in others)])
        for m in ordered:  # each edge as (its other end, its key, its date)
            for target, key, date in G.out_edges(m):
                if not G.has_edge(node, target, key):
                    G.add_edge(node, target, key, date)
            for source, key, date in G.in_edges(m):
                if source != node and not G.has_edge(source, node, key):
                    G.add_edge(source, node, key, date)
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


def _items(g: _Reader, nodes: list[int], kind: str, language, gone: set = frozenset()) -> Iterator[dict | Source]:
    """The attributes of each of ``nodes`` (events or statements), their properties read a
    column at a time (:meth:`_Reader.values`); of those named in ``gone`` (merged away
    into a story) only what the story lists of them, their :class:`Source`."""
    column, terms = g.values, g.terms_of
    articles = column(nodes, PROV.wasDerivedFrom).tolist()
    types = terms(column(nodes, SEM.eventType))
    kinds = terms(column(nodes, KGO.statementKind))
    time = column(nodes, SEM.hasTime)
    days, begins, ends = (terms(column(time, p)) for p in (SEM.hasTimeStamp, SEM.hasEarliestBeginTimeStamp,
                                                          SEM.hasLatestEndTimeStamp))
    granularities = terms(column(time, KGO.granularity))
    time_texts = g.anchors(column(time, KGO.mention), NIF.anchorOf)
    sentence = column(nodes, KGO.sentence)
    sentences, s_begins = g.anchors(sentence, NIF.anchorOf), g.anchors(sentence, NIF.beginIndex)
    marked = column(nodes, KGO.trigger)
    marked = numpy.where(marked >= 0, marked, column(nodes, KGO.cue))
    mentions = g.anchors(marked, NIF.anchorOf)
    m_begins, m_ends = g.anchors(marked, NIF.beginIndex), g.anchors(marked, NIF.endIndex)
    factualities = terms(column(nodes, KGO.factuality))
    has_sentence, has_mark = (sentence >= 0).tolist(), (marked >= 0).tolist()
    notations: dict = {}  # a concept: its notation (a few concepts, many items)

    def code(concept) -> str:
        found = notations.get(concept)
        if found is None:
            found = notations[concept] = notation(concept) if concept else ""
        return found

    for k, node in enumerate(nodes):
        about = _article(g, articles[k] if articles[k] >= 0 else None)
        day, begin, end = days[k], begins[k], ends[k]
        source = Source(about["article"], about["article_title"], about["publisher"], about["url"],
                        about["published"], code(factualities[k]), str(day or begin or ""),
                        str(end or day or ""), str(time_texts[k] or ""))
        if g.name(node) in gone:
            yield source
            continue
        s_begin = int(s_begins[k]) if has_sentence[k] else 0
        yield {
            "kind": kind,
            "label": _label(g, node, language or about["language"]),
            "type": code(types[k] or kinds[k]),
            "date": source.date,
            "end": source.end,
            "precision": code(granularities[k]),
            "time_text": source.time_text,
            "factuality": source.factuality,
            "direct": "", "quote": "",
            "article": about["article"], "article_title": about["article_title"],
            "publisher": about["publisher"], "url": about["url"], "published": about["published"],
            "sentence": str(sentences[k] or ""),
            "mention": str(mentions[k] or ""),
            "mention_start": int(m_begins[k]) - s_begin if has_mark[k] else 0,
            "mention_end": int(m_ends[k]) - s_begin if has_mark[k] else 0,
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
