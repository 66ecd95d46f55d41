"""Extractions to RDF: one named graph per article, plus the merged story graph.

The shape is documented in ``docs/graph-model.md``. IRIs are minted from article ids,
character offsets and normalised names, so the same input gives the same graph.

>>> from kg.ingest import parse_article
>>> from kg.extract.document import extract
>>> quads = to_quads([extract(parse_article("Russian President Vladimir Putin said on June 19, 2024 that Russian troops were ready.", "a.txt"))])
>>> sorted(str(iri).rsplit("/", 2)[-1] for iri, triples in quads.graphs.items() if triples)
['a', 'story']
"""
from __future__ import annotations

import hashlib
import os
import pickle
import re
from datetime import datetime, timezone
from decimal import Decimal
from typing import Iterable

from rdflib import OWL, RDF, RDFS, XSD, Dataset, Literal, URIRef

from . import __version__
from .extract.confidence import confidence
from . import lexicon
from .gazetteer import load as load_gazetteer
from .measures import measure
from .memory import give_back_free_pages
from .merge import Merged, actor_labels, merge_story, reconcile_actors
from .mentions import Mentions, mention_triples
from .parallel import emptied
from .model import Actor, Event, Extraction, Span, Statement, TimeExpr
from .quads import Quads, Triples
from .kept import add_kept, affiliate_entry
from .terms import Terms, actor_iri, article_iri, iri, kgr, literal as _literal, place_iri
from .vocab import KGO, KGR, NIF, PREFIXES, PROV, SCHEMA, SEM, WD, concept

KGO, NIF, PROV, SCHEMA, SEM = Terms(KGO), Terms(NIF), Terms(PROV), Terms(SCHEMA), Terms(SEM)
OWL, RDF, RDFS, XSD = Terms(OWL), Terms(RDF), Terms(RDFS), Terms(XSD)
STORY = KGR["graph/story"]
_CLASS = {"country": KGO.Country, "organization": KGO.Organization, "person": KGO.Person,
          "armed_force": KGO.ArmedForce, "group": KGO.Group, "other": KGO.OtherActor}
_ROLE = {"agent": KGO.agent, "theme": KGO.theme, "partner": KGO.partner, "target": KGO.target}


def to_quads(extractions: list[Extraction]) -> Quads:
    """The whole graph: actor keys reconciled across articles
    (:func:`kg.merge.reconcile_actors` rewrites the extractions' keys in place), a named
    graph per article (:func:`article_quads`) and the story graph (:func:`add_story`)."""
    reconcile_actors(extractions)
    quads = article_quads(sorted(extractions, key=lambda x: x.article.id))
    add_story(quads, extractions)
    return quads


def article_quads(extractions: Iterable[Extraction], mentions: Mentions | None = None) -> Quads:
    """A named graph per article, in the order given (a build's: by article id), from
    extractions whose actor keys are reconciled (:func:`kg.merge.reconcile_actors`). Each
    extraction is let go of once its graph is made, so they may be loaded one at a time.
    Given ``mentions``, the mentions that are the subject of no other triple are kept there
    as records instead of as triples (:func:`article_graph`).

    >>> from kg.ingest import parse_article
    >>> from kg.extract.document import extract
    >>> x = extract(parse_article("Kim Jong Un met Putin in Moscow on 19 June 2024.", "a.txt"))
    >>> apart = Mentions()
    >>> len(article_quads([x], apart)) + 6 * len(apart) == len(article_quads([x]))
    True
    """
    quads = Quads()
    for prefix, ns in PREFIXES.items():
        quads.bind(prefix, ns)
    for x in extractions:
        iri = article_graph_iri(x.article.id)
        graph = quads.graph(iri)
        if mentions is None:
            write_article(graph, x)
        else:
            triples, apart = article_graph(x)
            graph.update(triples)
            mentions.add(iri, apart, quads.table, x.article.text)
        graph.seal()  # complete: no need to tell its new triples from those met before
    return quads


def add_story(quads: Quads, extractions: list[Extraction]) -> None:
    """The story graph, added to the article graphs ``quads`` of ``extractions``: one
    description per actor and place, and the events and statements reported by several
    articles, merged (:func:`kg.merge.merge_story`)."""
    stories = merge_story(extractions)
    _story(quads.graph(STORY), extractions, stories[0])
    _merged(quads.graph(STORY), extractions, stories)


_NOTHING: tuple = ()  # each list the story never reads, in every extraction it holds


def for_story(x: Extraction, shared: dict) -> Extraction:
    """``x`` without what the story (:func:`add_story`) never reads, for one that holds
    every extraction of a build at once (:func:`story_of_pickled`): its events' sentences
    and mentions, its places' mentions, its actors' mentions' texts (their offsets are
    counted), each statement's spans but its cue and the one its words are compared by
    (:func:`kg.merge.merge_statements`), its page furniture, and its lists of times and
    quantities (each event and statement keeps its own). ``tests/test_merge.py`` checks that
    the story is the same.

    What it keeps holds one object for each value the extractions repeat, kept in
    ``shared`` (one dict for them all): actor and place keys, labels, types and rule names,
    the words of triggers and cues, the texts of wire copies, offsets. Unpickled, each
    extraction had its own copy of each. At 3,000 generated articles the story's worker
    held 366 MB with the extractions loaded, 258 MB with their values shared (147 MB
    before: they take half as much), and 559 MB at its height instead of 666.

    >>> from kg.ingest import parse_article
    >>> from kg.extract.document import extract
    >>> text, shared = 'Kim Jong Un met Putin in Moscow on 19 June 2024. "We stand together," Putin said.', {}
    >>> x, y = (for_story(extract(parse_article(text, name)), shared) for name in ("a.txt", "b.txt"))
    >>> x.events[0].sentence, x.statements[0].quote.text, x.statements[0].sentence, x.actors["vladimir-putin"].mentions[0].text
    (None, 'We stand together', None, '')
    >>> x.statements[0].quote.text is y.statements[0].quote.text, x.events[0].label is y.events[0].label
    (True, True)
    """
    def one(value):
        return shared.setdefault(value, value)

    def span(s: Span | None) -> Span | None:
        return s and Span(one(s.start), one(s.end), one(s.text))

    x.article.furniture, x.times, x.quantities = _NOTHING, _NOTHING, _NOTHING
    x.actors = {one(key): actor for key, actor in x.actors.items()}
    for actor in x.actors.values():
        actor.key, actor.label, actor.type = one(actor.key), one(actor.label), one(actor.type)
        actor.wikidata, actor.affiliation = one(actor.wikidata), one(actor.affiliation)
        actor.labels = {one(language): one(label) for language, label in actor.labels.items()}
        actor.mentions = [Span(one(m.start), one(m.end), "") for m in actor.mentions]
    x.places = {one(key): place for key, place in x.places.items()}
    for place in x.places.values():
        place.key, place.label = one(place.key), one(place.label)
        place.labels = {one(language): one(label) for language, label in place.labels.items()}
        place.mentions = _NOTHING
    for e in x.events:
        e.sentence, e.mentions = None, _NOTHING
        e.type, e.label, e.factuality, e.rule = one(e.type), one(e.label), one(e.factuality), one(e.rule)
        e.trigger = span(e.trigger)
        e.roles = [(one(role), one(key)) for role, key in e.roles]
        e.places = [one(key) for key in e.places]
    for s in x.statements:
        if s.quote:  # the words compared are the first of quote, content and sentence
            s.content = s.sentence = None
        elif s.content:
            s.sentence = None
        s.audience = s.speaker_mention = None
        s.kind, s.rule, s.principal = one(s.kind), one(s.rule), one(s.principal)
        s.cue, s.quote, s.content, s.sentence = span(s.cue), span(s.quote), span(s.content), span(s.sentence)
        s.speakers = [one(key) for key in s.speakers]
        s.addressees = [one(key) for key in s.addressees]
    return x


def story_of_pickled(pickled: list[bytes]) -> Triples:
    """The story graph (:func:`add_story`) of extractions given pickled, their actor keys
    reconciled: a worker process's task while a build makes the article graphs. Its
    triples are numbers and terms, small to send back. It comes frozen
    (:meth:`kg.quads.Quads.freeze`: read, never added to), so it is pickled without its
    terms' numbers, which whoever reads it back would make again (137 MB at 10,000 articles).

    >>> import pickle
    >>> from kg.ingest import parse_article
    >>> from kg.extract.document import extract
    >>> xs = [extract(parse_article("Kim Jong Un met Putin in Moscow on 19 June 2024.", name)) for name in ("a.txt", "b.txt")]
    >>> story = story_of_pickled([pickle.dumps(x) for x in xs])
    >>> list(story) == list(to_quads(xs).graphs[STORY])
    True
    """
    shared: dict = {}  # one object for each value the extractions repeat (for_story)
    extractions = [for_story(pickle.loads(blob), shared) for blob in emptied(pickled)]  # each let go of once read
    del shared
    give_back_free_pages()  # the pages the pickles left free in the heap (350 MB at 10,000 articles)
    quads = Quads()
    add_story(quads, extractions)
    del extractions
    quads.freeze()
    give_back_free_pages()  # the extractions' and the terms' numbers': room for the story's triples told apart
    story = quads.graphs[STORY]
    story.seal()
    return story


def pickled_story(pickled: list[bytes]) -> bytes:
    """:func:`story_of_pickled`, pickled: a build's worker makes it, and the build reads it
    and gives the same bytes to the worker that writes its text (:mod:`kg.article_graphs`).

    >>> from kg.ingest import parse_article
    >>> from kg.extract.document import extract
    >>> x = extract(parse_article("Kim Jong Un met Putin in Moscow on 19 June 2024.", "a.txt"))
    >>> list(pickle.loads(pickled_story([pickle.dumps(x)]))) == list(story_of_pickled([pickle.dumps(x)]))
    True
    """
    return pickle.dumps(story_of_pickled(pickled), protocol=pickle.HIGHEST_PROTOCOL)


def article_graph_iri(article_id: str) -> URIRef:
    """``kgr:graph/article/{id}``: the named graph of an article."""
    return kgr(f"graph/article/{article_id}")


def write_article(graph: Triples, x: Extraction) -> None:
    """Add the triples of ``x``'s article graph to ``graph``, in one :meth:`Triples.update`.
    They depend on ``x`` alone, its actor keys once reconciled."""
    graph.update(article_triples(x))


def article_triples(x: Extraction, mentions: list | None = None) -> list[tuple]:
    """The triples of ``x``'s article graph, some perhaps more than once; given a list
    ``mentions``, each mention goes there instead of its triples, as the record its
    triples are made of, ``(IRI, start, end, text, context)`` (:func:`mention_triples`),
    in the order they are first met.

    >>> from kg.ingest import parse_article
    >>> from kg.extract.document import extract
    >>> x = extract(parse_article("Kim Jong Un met Putin in Moscow on 19 June 2024.", "a.txt"))
    >>> mentions = []
    >>> apart = article_triples(x, mentions)
    >>> sorted(apart + [t for m in mentions for t in mention_triples(*m)]) == sorted(article_triples(x))
    True
    """
    return _ArticleWriter(x, mentions).write()


def article_graph(x: Extraction) -> tuple[list[tuple], list[tuple]]:
    """The triples of ``x``'s article graph, and apart from them the records of its mentions
    (:func:`article_triples`) that are the subject of no other triple; those that are (a
    piece of page furniture's, which has a kind) are among the triples.

    >>> from kg.ingest import parse_article
    >>> from kg.extract.document import extract
    >>> x = extract(parse_article("Kim Jong Un met Putin in Moscow on 19 June 2024.", "a.txt"))
    >>> triples, apart = article_graph(x)
    >>> sorted(set(triples + [t for m in apart for t in mention_triples(*m)])) == sorted(set(article_triples(x)))
    True
    """
    mentions: list = []
    triples = article_triples(x, mentions)
    subjects = {t[0] for t in triples}
    apart = []
    for m in mentions:
        if m[0] in subjects:
            triples.extend(mention_triples(*m))
        else:
            apart.append(m)
    return triples, apart


def to_dataset(extractions: list[Extraction]) -> Dataset:
    """:func:`to_quads` as an rdflib Dataset."""
    return to_quads(extractions).dataset()


class _ArticleWriter:
    """The triples of one extraction's named graph, in a list (:meth:`write`)."""

    def __init__(self, x: Extraction, mentions: list | None = None):
        self.x, self.a = x, x.article
        self.apart = mentions  # where each mention's triples go, when not with the others
        self.iri = article_iri(self.a.id)
        self.lang = self.a.language
        self.measured: set[URIRef] = set()
        self.mentions: dict[tuple[int, int], URIRef] = {}  # (start, end) -> the mention written
        self.times: dict[TimeExpr, URIRef] = {}  # a time written -> its node (many events share one)
        self.events = {e.id: e for e in x.events}  # what a statement's claims are about, by id
        self.triples: list[tuple] = []
        # A list's own append: no Python call per triple (2,800 of them in an article).
        self.add = self.triples.append

    def mention(self, span: Span) -> URIRef:
        """The mention of ``span``, written on first use (a span has one text)."""
        start, end = span.start, span.end
        node = self.mentions.get((start, end))
        if node is not None:
            return node
        node = self.mentions[start, end] = iri(f"{self.iri}#char={start},{end}")
        if self.apart is None:
            self.triples.extend(mention_triples(node, start, end, span.text, self.iri))
        else:
            self.apart.append((node, start, end, span.text, self.iri))
        return node

    def reading(self, node, kind: str, rule: str):
        """The rule that read a statement or an event, and how sure it is."""
        if rule:
            self.add((node, KGO.rule, _literal(rule)))
            sure = confidence(kind, rule)
            if sure is not None:
                self.add((node, KGO.confidence, _literal(Decimal(str(sure)), XSD.decimal)))

    def derived(self, node):
        self.add((node, PROV.wasDerivedFrom, self.iri))

    def write(self) -> list[tuple]:
        self.article()
        for actor in self.x.actors.values():
            self.actor(actor)
        for place in self.x.places.values():
            node = kgr(f"place/{place.key}")
            self.add((node, RDF.type, SEM.Place))
            self.add((node, RDFS.label, _literal(place.label, lang=self.lang)))
            for span in place.mentions:
                self.add((node, KGO.mention, self.mention(span)))
            self.derived(node)
            if place.part_of:  # the story says the place is kgo:partOf a country: a place here too
                self.affiliate(place.part_of)
                self.add((actor_iri(place.part_of), RDF.type, SEM.Place))
        for event in self.x.events:
            self.event(event)
        for statement in self.x.statements:
            self.statement(statement)
        return self.triples

    def article(self):
        a, node = self.a, self.iri
        self.add((node, RDF.type, SCHEMA.NewsArticle))
        self.add((node, RDF.type, NIF.Context))
        self.add((node, NIF.isString, Literal(a.text)))
        self.add((node, SCHEMA.inLanguage, _literal(a.language)))
        self.add((node, KGO.sha256, _literal(a.sha256)))
        for prop, value in ((SCHEMA.headline, a.title), (SCHEMA.publisher, a.publisher), (KGO.dateline, a.dateline)):
            if value:
                self.add((node, prop, _literal(value)))
        if a.url:
            self.add((node, SCHEMA.url, URIRef(a.url)))
        if a.published:
            self.add((node, SCHEMA.datePublished, _literal(a.published.isoformat(), XSD.date)))
        fields = {"title": SCHEMA.headline, "publisher": SCHEMA.publisher, "published": SCHEMA.datePublished,
                  "language": SCHEMA.inLanguage, "dateline": KGO.dateline}
        for name in sorted(a.inferred):
            self.add((node, KGO.inferred, fields[name]))
        for piece in a.furniture:
            m = self.mention(piece.span)
            self.add((node, KGO.furniture, m))
            self.add((m, KGO.furnitureKind, _literal(piece.kind)))
        # How many events and statements it gave, for the named query articles to read.
        self.add((node, KGO.eventCount, _literal(len(self.events), XSD.nonNegativeInteger)))
        self.add((node, KGO.statementCount, _literal(len({s.id for s in self.x.statements}), XSD.nonNegativeInteger)))

    def actor(self, actor: Actor):
        node = actor_iri(actor.key)
        self.add((node, RDF.type, SEM.Actor))
        self.add((node, RDF.type, _CLASS[actor.type]))
        self.add((node, KGO.actorType, concept("actor", actor.type)))
        self.add((node, RDFS.label, _literal(actor.label, lang=self.lang)))
        if actor.title:
            self.add((node, KGO.title, _literal(actor.title, lang=self.lang)))
        if actor.affiliation:
            prop = KGO.forceOf if actor.type == "armed_force" else KGO.affiliation
            self.add((node, prop, actor_iri(actor.affiliation)))
            self.affiliate(actor.affiliation)
        for span in actor.mentions:
            self.add((node, KGO.mention, self.mention(span)))
        self.derived(node)

    def affiliate(self, key: str):
        """An actor known here only as an affiliation, a principal or the country of a place: from
        the gazetteer, with no mention."""
        entry = affiliate_entry(self.x, key)
        if entry is None:
            return
        node = actor_iri(key)
        self.add((node, RDF.type, SEM.Actor))
        self.add((node, RDF.type, _CLASS[entry.type]))
        self.add((node, KGO.actorType, concept("actor", entry.type)))
        self.add((node, RDFS.label, _literal(entry.label(self.lang), lang=self.lang)))
        self.derived(node)

    def time(self, t: TimeExpr) -> URIRef:
        """The node of time ``t``, written on first use (the same time, the same triples)."""
        node = self.times.get(t)
        if node is not None:
            return node
        self.times[t] = node = self._time(t)
        return node

    def _time(self, t: TimeExpr) -> URIRef:
        if t.span.end == t.span.start:  # no words of its own: the publication day, or a bound by it
            node = kgr(f"article/{self.a.id}/time/{t.anchor}/{'day' if t.day else 'before'}")
        elif t.anchor in ("statement", "since"):  # on or before the day of the statement whose time is at
            kind = "before" if t.anchor == "statement" else "since"  # the span; from that time to the day told
            node = kgr(f"article/{self.a.id}/time/{t.span.start}-{t.span.end}/{kind}")
        else:
            node = kgr(f"article/{self.a.id}/time/{t.span.start}-{t.span.end}")
            self.add((node, KGO.mention, self.mention(t.span)))
        self.add((node, RDF.type, SEM.Time))
        if t.value:
            self.add((node, KGO.timexValue, _literal(t.value)))
        self.add((node, KGO.granularity, concept("granularity", t.granularity)))
        self.add((node, KGO.anchorType, _literal(t.anchor)))
        self.add((node, KGO.future, _literal(t.future)))
        if t.day:
            self.add((node, SEM.hasTimeStamp, _literal(t.day.isoformat(), XSD.date)))
        written = _written_date(t)
        if written is not None:
            self.add((node, KGO.date, written))
        if t.begin:
            self.add((node, SEM.hasEarliestBeginTimeStamp, _literal(t.begin.isoformat(), XSD.date)))
        if t.end:
            self.add((node, SEM.hasLatestEndTimeStamp, _literal(t.end.isoformat(), XSD.date)))
        if t.anchor_date:
            self.add((node, KGO.anchorDate, _literal(t.anchor_date.isoformat(), XSD.date)))
        if t.warning:
            self.add((node, KGO.warning, _literal(t.warning)))
        self.derived(node)
        return node

    def event(self, e: Event):
        node = kgr(f"article/{e.id}")
        self.add((node, RDF.type, SEM.Event))
        self.add((node, SEM.eventType, concept("event", e.type)))
        self.add((node, RDFS.label, _literal(e.label, lang=self.lang)))
        self.add((node, KGO.factuality, concept("factuality", e.factuality)))
        self.add((node, KGO.trigger, self.mention(e.trigger)))
        self.reading(node, "event", e.rule)
        for span in e.mentions:
            self.add((node, KGO.mention, self.mention(span)))
        self.add((node, KGO.sentence, self.mention(e.sentence)))
        for role, key in e.roles:
            self.add((node, _ROLE[role], actor_iri(key)))
        for key in e.places:
            place = place_iri(key, self.x)
            self.add((node, SEM.hasPlace, place))
            self.add((place, RDF.type, SEM.Place))
        if e.quantity:
            q = e.quantity
            qn = kgr(f"article/{self.a.id}/quantity/{q.span.start}-{q.span.end}")
            self.add((qn, RDF.type, KGO.Quantity))
            self.add((qn, KGO.value, _literal(q.value)))
            if q.upper is not None:
                self.add((qn, KGO.upperValue, _literal(q.upper)))
            self.add((qn, KGO.qualifier, _literal(q.qualifier)))
            self.add((qn, KGO.unit, _literal(q.unit)))
            counts = measure(e, lexicon.load(self.lang), self.a.text)
            if counts and qn not in self.measured:  # a figure shared by events: the first says
                self.measured.add(qn)
                self.add((qn, KGO.measure, concept("measure", counts)))
            self.add((qn, KGO.mention, self.mention(q.span)))
            self.add((node, KGO.quantity, qn))
        if e.time:
            self.add((node, SEM.hasTime, self.time(e.time)))
        self.derived(node)

    def statement(self, s: Statement):
        node = kgr(f"article/{s.id}")
        self.add((node, RDF.type, KGO.Statement))
        self.add((node, KGO.statementKind, concept("kind", s.kind)))
        for key in s.speakers:
            self.add((node, KGO.speaker, actor_iri(key)))
        for key in s.addressees:
            self.add((node, KGO.addressee, actor_iri(key)))
        if s.principal:
            self.add((node, KGO.onBehalfOf, actor_iri(s.principal)))
            self.affiliate(s.principal)  # "a spokesperson for the UN secretary-general": not named
        self.add((node, KGO.direct, _literal(s.direct)))
        self.add((node, KGO.negated, _literal(s.negated)))
        self.reading(node, "statement", s.rule)
        if s.quote:
            q = self.mention(s.quote)
            self.add((q, RDF.type, SCHEMA.Quotation))
            self.add((node, KGO.quote, q))
        if s.content:
            self.add((node, KGO.content, self.mention(s.content)))
        self.add((node, KGO.cue, self.mention(s.cue)))
        self.add((node, KGO.sentence, self.mention(s.sentence)))
        if s.speaker_mention:
            self.add((node, KGO.speakerMention, self.mention(s.speaker_mention)))
        if s.audience:
            self.add((node, KGO.audience, self.mention(s.audience)))
        if s.time:
            self.add((node, SEM.hasTime, self.time(s.time)))
        events = self.events
        for n, event_id in enumerate(s.events, 1):
            event = kgr(f"article/{event_id}")
            self.add((node, KGO.reports, event))
            claim = iri(f"{node}/claim/{n}")
            self.add((claim, RDF.type, KGO.Claim))
            self.add((claim, KGO.about, event))
            self.add((claim, KGO.factuality, concept("factuality", s.says(events[event_id].factuality))))
            self.add((node, KGO.claim, claim))
            self.derived(claim)
        self.derived(node)


def _written_date(t: TimeExpr) -> Literal | None:
    """The date as precisely as the text gives it ("2024-11", "--11-03"), typed by its precision.

    >>> from kg.model import Span
    >>> from datetime import date
    >>> str(_written_date(TimeExpr(Span(0, 0, ""), "2024-10", date(2024, 10, 1), date(2024, 10, 31), "month")))
    '2024-10'
    """
    if t.granularity == "day" and t.day:
        return Literal(t.day.isoformat(), datatype=XSD.date)
    if t.granularity == "month" and re.fullmatch(r"\d{4}-\d{2}", t.value):
        return Literal(t.value, datatype=XSD.gYearMonth)
    if t.granularity == "year" and re.fullmatch(r"\d{4}", t.value):
        return Literal(t.value, datatype=XSD.gYear)
    if re.fullmatch(r"--\d{2}-\d{2}", t.value):
        return Literal(t.value, datatype=XSD.gMonthDay)
    return None


def _story(graph, extractions: list[Extraction], events: list[Merged]) -> None:
    """The merged layer: one description per actor and place, the counts kept for questions
    over the whole archive (:func:`kg.kept.add_kept`), and the build activity."""
    gaz = load_gazetteer()
    actors: dict[str, Actor] = {}
    for x in extractions:
        for key, actor in x.actors.items():
            merged = actors.setdefault(key, actor)
            for lang, label in actor.labels.items():
                merged.labels.setdefault(lang, label)
    # An actor named only as another's affiliation ("the Pentagon" of the United States) is
    # described too, from the gazetteer, so that every actor the graph points at is an actor.
    for actor in list(actors.values()):
        entry = gaz.entries.get(actor.affiliation)
        if actor.affiliation and actor.affiliation not in actors and entry and entry.kind == "actor":
            actors[entry.key] = Actor(entry.key, entry.label("en"), entry.type, wikidata=entry.wikidata,
                                      labels=dict(entry.labels), in_gazetteer=True)
    for key, actor in sorted(actors.items()):
        node = actor_iri(key)
        graph.add((node, RDF.type, SEM.Actor))
        graph.add((node, RDF.type, _CLASS[actor.type]))
        graph.add((node, KGO.actorType, concept("actor", actor.type)))
        entry = gaz.entries.get(key)
        labels = dict(entry.labels) if entry else {}
        labels.update({k: v for k, v in actor.labels.items() if k not in labels})
        for lang, label in sorted(labels.items()):
            graph.add((node, RDFS.label, _literal(label, lang=lang)))
        if actor.wikidata:
            graph.add((node, OWL.sameAs, WD[actor.wikidata]))
    add_kept(graph, extractions, events)
    places = {k: p for x in extractions for k, p in x.places.items()}
    for key, place in sorted(places.items()):
        node = kgr(f"place/{key}")
        graph.add((node, RDF.type, SEM.Place))
        for lang, label in sorted(place.labels.items()):
            graph.add((node, RDFS.label, _literal(label, lang=lang)))
        if place.wikidata:
            graph.add((node, OWL.sameAs, WD[place.wikidata]))
        if place.part_of:
            graph.add((node, KGO.partOf, actor_iri(place.part_of)))
    digest = hashlib.sha256("".join(sorted(x.article.sha256 for x in extractions)).encode()).hexdigest()[:16]
    build = kgr(f"build/{digest}")
    graph.add((build, RDF.type, PROV.Activity))
    graph.add((build, KGO.toolVersion, _literal(__version__)))
    for x in extractions:
        graph.add((build, PROV.used, article_iri(x.article.id)))
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        stamp = datetime.fromtimestamp(int(epoch), tz=timezone.utc).replace(tzinfo=None)
        graph.add((build, PROV.endedAtTime, _literal(stamp.isoformat(), XSD.dateTime)))


def _merged(graph, extractions: list[Extraction], stories: tuple[list[Merged], list[Merged]]) -> None:
    """Events and statements reported by several articles (``stories``: events, statements),
    linked to every report."""
    labels = actor_labels(extractions)
    events, statements = stories
    for kind, found, cls, type_of in (
            ("event", events, KGO.StoryEvent, lambda m: (SEM.eventType, concept("event", m.type))),
            ("statement", statements, KGO.StoryStatement,
             lambda m: (KGO.statementKind, concept("kind", m.type)))):
        for story in sorted((m for m in found if len(m.members) > 1), key=lambda m: m.key):
            node = kgr(f"story/{kind}/{story.key}")
            first_x, first = story.first()
            label = first.label if kind == "event" else f"{labels.get(first.speakers[0], '')}: {first.kind}"
            triples = [(node, RDF.type, cls), (node, *type_of(story)),
                       (node, RDFS.label, _literal(label, lang=first_x.article.language)),
                       (node, KGO.firstReport, kgr(f"article/{first.id}"))]
            for n, ((x, item), why) in enumerate(zip(story.members, story.reasons), 1):
                member, reason = kgr(f"article/{item.id}"), iri(f"{node}/reason/{n}")
                triples += [(node, KGO.reportedAs, member), (node, KGO.mergeReason, reason),
                            (reason, RDF.type, KGO.MergeReason), (reason, KGO.member, member),
                            (reason, KGO.reason, _literal(why))]
            graph.update(triples)  # one call for them all: a story event has thousands of reports
