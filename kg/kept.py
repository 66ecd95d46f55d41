"""What the build counts once, for questions over the whole archive that would otherwise count
at every asking: each actor's mentions and the languages of its articles, each pair of actors
and what they share, each event type's earliest report, each source's first report and
counts, each event affirmed and denied, and the listings of the named queries cut into pages
(docs/graph-model.md, "Counts kept by the build"). They are written into the story graph
from the extractions the story's worker already holds; the named queries actors, together,
first-reports, reported-by and contradictions read them, and every listing but between asked
a page at a time (``kg query NAME --page N``).

>>> from kg.ingest import parse_article
>>> from kg.extract.document import extract
>>> from kg.quads import Quads
>>> story = Quads().graph(KGR["graph/story"])
>>> add_kept(story, [extract(parse_article("Kim Jong Un met Putin in Moscow on 19 June 2024.", "a.txt"))])
>>> kept = {(s, p): o for s, p, o in story}
>>> pair = KGR["pair/kim-jong-un/vladimir-putin"]
>>> [int(kept[pair, p]) for p in (KGO.sharedEvents, KGO.sharedStatements)]
[1, 0]
>>> int(kept[actor_iri("russia"), KGO.mentionCount])  # Moscow's country, not named
0
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date, timedelta

from rdflib import RDF, RDFS, XSD, URIRef

from . import lexicon
from .gazetteer import load as load_gazetteer
from .measures import measure
from .merge import Merged
from .model import Extraction
from .periods import rank_iri, span_iri, spans_cut
from .terms import actor_iri, article_iri, iri, kgr, literal, place_iri
from .vocab import KGO, KGR, SCHEMA, SEM, concept


#: Items on a page of a listing (:func:`_pages`).
PAGE_SIZE = 100
#: The factualities of the events the named query unconfirmed lists.
DOUBTED = frozenset({"possible", "unconfirmed", "negated"})


def add_kept(graph, extractions: list[Extraction], stories: list[Merged] = ()) -> None:
    """Add to ``graph`` (the story graph) what the build counts once over ``extractions``, whose
    events are merged across articles into ``stories`` (:func:`kg.merge.merge_events`)."""
    _counts(graph, extractions)
    _reports(graph, extractions)
    _contradictions(graph, extractions)
    _pages(graph, extractions, stories, PAGE_SIZE)


def affiliate_entry(x: Extraction, key: str | None):
    """The gazetteer's entry for ``key``, an actor that ``x``'s article graph describes only as
    an affiliation, a principal or a place's country (it is no actor found there); else None."""
    entry = load_gazetteer().entries.get(key) if key and key not in x.actors else None
    return entry if entry is not None and entry.kind == "actor" else None


def _actors_described(x: Extraction) -> dict[str, set[tuple[int, int]]]:
    """Every actor ``x``'s article graph describes, with the spans (start, end) of its mentions
    there: none for an actor known only as an affiliation, a principal or a place's country."""
    described = {key: {(s.start, s.end) for s in actor.mentions} for key, actor in x.actors.items()}
    linked = [a.affiliation for a in x.actors.values()] + [p.part_of for p in x.places.values()] + \
        [s.principal for s in x.statements]
    for key in linked:
        if affiliate_entry(x, key) is not None:
            described.setdefault(key, set())
    return described


def _counts(graph, extractions: list[Extraction]) -> None:
    """What questions over the whole archive would count again at each asking, counted once:
    each actor's mentions (``kgo:mentionCount``) and the languages of its articles
    (``kgo:articleLanguage``), and each pair of actors that share events or statements
    (a ``kgo:ActorPair``). At 10,000 articles the named queries actors and together took
    1.1 s and 11.3 s to count them from the articles' triples, and take 6 and 8 ms to read them.

    A pair shares an event when both are in a role of it, a statement when both speak, are
    addressed or are spoken for in it; an item counts once for a pair, whatever their roles.
    """
    mentions: dict[str, int] = {}
    languages: dict[str, set[str]] = {}
    shared: dict[tuple[str, str], list[int]] = {}  # (first, other) -> [events, statements]
    for x in extractions:
        for key, spans in _actors_described(x).items():
            mentions[key] = mentions.get(key, 0) + len(spans)
            languages.setdefault(key, set()).add(x.article.language)
        items = [({key for _, key in e.roles}, 0) for e in x.events]
        items += [({*s.speakers, *s.addressees, *([s.principal] if s.principal else [])}, 1)
                  for s in x.statements]
        for keys, is_statement in items:
            ordered = sorted(keys)  # the order of their IRIs, which share a prefix
            for i, first in enumerate(ordered):
                for other in ordered[i + 1:]:
                    shared.setdefault((first, other), [0, 0])[is_statement] += 1
    for key in sorted(mentions):
        node = actor_iri(key)
        graph.add((node, KGO.mentionCount, literal(mentions[key], XSD.nonNegativeInteger)))
        for language in sorted(languages[key]):
            graph.add((node, KGO.articleLanguage, literal(language)))
    for (first, other), (events, statements) in sorted(shared.items()):
        pair = kgr(f"pair/{first}/{other}")
        graph.add((pair, RDF.type, KGO.ActorPair))
        graph.add((pair, KGO.pairOf, actor_iri(first)))
        graph.add((pair, KGO.pairOf, actor_iri(other)))
        graph.add((pair, KGO.sharedEvents, literal(events, XSD.nonNegativeInteger)))
        graph.add((pair, KGO.sharedStatements, literal(statements, XSD.nonNegativeInteger)))


def _reports(graph, extractions: list[Extraction]) -> None:
    """Who reported events of each type, counted once: the earliest dated report of each type
    (a ``kgo:EarliestReport``) and, for each source, its first report and how many reports and
    events of the type it has (a ``kgo:ReportingSource``). At 10,000 articles the named queries
    first-reports and reported-by took 16.5 s and 25.5 s to find them among every report, and
    take 3 and 28 ms to read them.

    A report of an event is a statement that reports it, unless it denies it, dated by the
    statement's time (its day, else its earliest begin), or the article the event is read from,
    dated by its publication. The earliest is the first by day, then by the report's IRI, then
    the event's; a source's first report the first by day (undated last), then by IRI. The
    sources are the statements' speakers and the articles' publishers.
    """
    earliest: dict[str, str] = {}  # event type -> "day report event", the least
    sources: dict[tuple[str, str, str], list] = {}  # (type, role, key) -> [first, reports, events]

    def found(kind: str, day, report: URIRef, event: URIRef, keys: list[str], role: str) -> None:
        when = day.isoformat() if day else None
        if when is not None:
            candidate = f"{when} {report} {event}"
            earliest[kind] = min(earliest.get(kind, candidate), candidate)
        for key in keys:
            first = f"{when or '~'} {report}"  # "~" sorts after every day
            record = sources.setdefault((kind, role, key), [first, set(), set()])
            record[0] = min(record[0], first)
            record[1].add(report)
            record[2].add(event)

    for x in extractions:
        article, published, publisher = article_iri(x.article.id), x.article.published, x.article.publisher
        events = {e.id: e for e in x.events}
        for e in x.events:
            found(e.type, published, article, kgr(f"article/{e.id}"), [publisher] if publisher else [], "publisher")
        for st in x.statements:
            day = (st.time.day or st.time.begin) if st.time else None
            for event_id in st.events:
                e = events[event_id]
                if st.says(e.factuality) != "negated":
                    found(e.type, day, kgr(f"article/{st.id}"), kgr(f"article/{event_id}"), st.speakers, "speaker")
    for kind, first in sorted(earliest.items()):
        node = kgr(f"earliest/{kind}")
        _, report_iri, event_iri = first.split(" ")
        graph.add((node, RDF.type, KGO.EarliestReport))
        graph.add((node, SEM.eventType, concept("event", kind)))
        graph.add((node, KGO.report, iri(report_iri)))
        graph.add((node, KGO.reportedEvent, iri(event_iri)))
    for (kind, role, key), (first, reports, events) in sorted(sources.items()):
        if role == "speaker":
            node = kgr(f"source/{kind}/speaker/{key}")
            graph.add((node, KGO.sourceActor, actor_iri(key)))
        else:
            node = kgr(f"source/{kind}/publisher/{hashlib.sha256(key.encode()).hexdigest()[:16]}")
            graph.add((node, SCHEMA.publisher, literal(key)))
        graph.add((node, RDF.type, KGO.ReportingSource))
        graph.add((node, SEM.eventType, concept("event", kind)))
        graph.add((node, KGO.report, iri(first.split(" ")[1])))
        graph.add((node, KGO.reportCount, literal(len(reports), XSD.nonNegativeInteger)))
        graph.add((node, KGO.eventCount, literal(len(events), XSD.nonNegativeInteger)))


def _contradictions(graph, extractions: list[Extraction]) -> None:
    """Each event one statement affirms and another denies, with the two statements (a
    ``kgo:Contradiction``), found once: at 10,000 articles the named query contradictions took
    5.6 s to find its 48 rows among every denial of the archive, and takes 12 ms to read them. A statement affirms an event
    when its claim about it is asserted or reported, denies it when the claim is negated."""
    for x in extractions:
        events = {e.id: e for e in x.events}
        views: dict[str, dict[str, set[str]]] = {}  # event id -> "affirming"/"denying" -> statement ids
        for st in x.statements:
            for event_id in st.events:
                view = st.says(events[event_id].factuality)
                side = "denying" if view == "negated" else "affirming" if view in ("asserted", "reported") else None
                if side:
                    views.setdefault(event_id, {"affirming": set(), "denying": set()})[side].add(st.id)
        for event_id, sides in sorted(views.items()):
            for affirming in sorted(sides["affirming"]):
                for denying in sorted(sides["denying"] - {affirming}):
                    event, yes, no = (kgr(f"article/{i}") for i in (event_id, affirming, denying))
                    node = kgr(f"contradiction/{hashlib.sha256(f'{event} {yes} {no}'.encode()).hexdigest()[:16]}")
                    graph.add((node, RDF.type, KGO.Contradiction))
                    graph.add((node, KGO.reportedEvent, event))
                    graph.add((node, KGO.affirming, yes))
                    graph.add((node, KGO.denying, no))


def _pages(graph, extractions: list[Extraction], stories: list[Merged], page_size: int) -> None:
    """The listings of the archive cut into pages of ``page_size`` items, in their queries'
    order (a ``kgo:Listing`` and its pages, each a ``kgo:Page``): a page of a named query then
    reads its own items (``kg query NAME --page N``) instead of sorting the archive for them.

    One listing each for timeline, events, statements, articles, unconfirmed (the events whose
    own factuality is in doubt), figures (the events with a figure), role-speakers (the
    statements with a speaker that is no person) and disputed (:func:`_disputed`); one for
    each actor for said-by (the statements it speaks in or is spoken for in), for each place
    for events-at (the events there or at a place within it), and for every measure and each
    for figures-by-source (:func:`_figures`). Events and statements are in date order (their
    time's day, else its earliest begin; undated last), then by article, by position in the
    article (an event's trigger, a statement's cue) and by IRI; articles by publication day
    (undated last), then by IRI. Articles' and items' IRIs share their prefix, so their ids
    sort alike.

    >>> from kg.ingest import parse_article
    >>> from kg.extract.document import extract
    >>> from kg.quads import Quads
    >>> story = Quads().graph(KGR["graph/story"])
    >>> x = extract(parse_article("Kim Jong Un met Putin in Moscow on 19 June 2024.", "a.txt"))
    >>> _pages(story, [x], [], page_size=1)
    >>> sorted(str(s).split("/listing/")[1] for s, p, o in story if p == KGO.pageCount and int(o))
    ['articles', 'events', 'events-at/place/moscow', 'timeline']
    """
    events, statements, articles, doubted, figures, by_roles = [], [], [], [], [], []
    said_by: dict[str, list] = {}  # actor key -> its statements' entries
    at: dict[URIRef, list] = {}  # place, or a place it lies within -> its events' entries
    days: dict[URIRef, tuple[date, date]] = {}  # a dated item -> its first and last day
    types, labels = _actor_types(extractions), _labels(graph, extractions)
    part_of = {key: place.part_of for x in extractions for key, place in x.places.items()}  # as the story says
    for x in extractions:
        article = x.article
        published = article.published.isoformat() if article.published else None
        articles.append(((published is None, published or "", article.id), article_iri(article.id)))
        for e in x.events:
            entry = _entry(article.id, e, e.trigger)
            events.append(entry)
            _dated(days, entry[1], e.time)
            if e.factuality in DOUBTED:
                doubted.append(entry)
            if e.quantity is not None:
                figures.append(entry)
            within = {place_iri(key, x) for key in e.places}
            within |= {actor_iri(part_of[key]) for key in e.places if key not in x.actors and part_of.get(key)}
            for place in within:
                at.setdefault(place, []).append(entry)
        for s in x.statements:
            entry = _entry(article.id, s, s.cue)
            statements.append(entry)
            _dated(days, entry[1], s.time)
            if any(kind != "person" for key in s.speakers for kind in types.get(key, ())):
                by_roles.append(entry)
            for key in {*s.speakers, *([s.principal] if s.principal else [])} & types.keys():
                said_by.setdefault(key, []).append(entry)
    timeline = sorted(events + statements, key=lambda pair: pair[0])
    _periods(graph, [(*days[item], item) for _, item in timeline if item in days])
    listings = [("timeline", None, timeline), ("events", None, events),
                ("statements", None, statements), ("articles", None, articles),
                ("unconfirmed", None, doubted), ("figures", None, figures),
                ("role-speakers", None, by_roles), ("disputed", None, _disputed(graph, extractions, stories, labels))]
    listings += [("figures-by-source", concept("measure", counts) if counts else None, items)
                 for counts, items in sorted(_figures(extractions, labels).items())]
    listings += [("said-by", actor_iri(key), items) for key, items in sorted(said_by.items())]
    listings += [("events-at", place, items) for place, items in sorted(at.items())]
    for name, about, items in listings:
        _listing(graph, name, about, sorted(items, key=lambda pair: pair[0]), page_size)


def _dated(days: dict, item: URIRef, time) -> None:
    """Keep in ``days`` the first and last day of ``item``'s ``time`` (its earliest begin, and its
    latest end, else the begin), when it has a begin: the days by which between finds it."""
    if time is not None and time.begin is not None:
        days[item] = (time.begin, time.end or time.begin)


def _periods(graph, dated: list[tuple[date, date, URIRef]]) -> None:
    """What a page of between reads (:mod:`kg.periods`), for the ``dated`` items of the timeline,
    each with its first and last day, in the timeline's order:

    - each one's place n among them (``kgr:listing/timeline/rank/{n} kgo:rankedItem``), and
      how many they are (``kgo:datedItemCount``). A place is a node of its own: a triple about
      an article's item in the story graph would keep the workers from writing the union's
      article subjects (:class:`kg.article_graphs._UnionSplit`);
    - for each day on which some begin, how many begin before it (``kgo:itemsBefore``);
    - for each span of days (:func:`kg.periods.spans_cut`) that an item began before and
      lasts through, its place (``kgo:carriedRank``), and how many (``kgo:carriedCount``).

    >>> from kg.quads import Quads
    >>> story = Quads().graph(KGR["graph/story"])
    >>> a, b = date(2024, 11, 1), date(2024, 11, 4)
    >>> _periods(story, [(a, b, KGR["article/x/event/0-5"]), (b, b, KGR["article/x/event/9-14"])])
    >>> sorted((s[len(KGR):], p.rpartition("#")[2], o[len(KGR):] if p == KGO.rankedItem else int(o))
    ...        for s, p, o in story if p != RDF.type and getattr(o, "datatype", None) != XSD.date)
    ... # doctest: +NORMALIZE_WHITESPACE
    [('listing/timeline', 'datedItemCount', 2),
     ('listing/timeline/days/2024-11-01/2024-11-01', 'itemsBefore', 0),
     ('listing/timeline/days/2024-11-02/2024-11-02', 'carriedCount', 1),
     ('listing/timeline/days/2024-11-02/2024-11-02', 'carriedRank', 0),
     ('listing/timeline/days/2024-11-03/2024-11-04', 'carriedCount', 1),
     ('listing/timeline/days/2024-11-03/2024-11-04', 'carriedRank', 0),
     ('listing/timeline/days/2024-11-04/2024-11-04', 'itemsBefore', 1),
     ('listing/timeline/rank/0', 'rankedItem', 'article/x/event/0-5'),
     ('listing/timeline/rank/1', 'rankedItem', 'article/x/event/9-14')]
    """
    def number(n: int):
        return literal(n, XSD.nonNegativeInteger)

    ranked, carries = KGO.rankedItem, KGO.carriedRank  # a namespace's term costs a call
    triples = [(KGR["listing/timeline"], KGO.datedItemCount, number(len(dated)))]
    carried: dict[tuple[date, date], list] = {}
    before: dict[date, int] = {}
    for n, (first, last, item) in enumerate(dated):
        triples.append((rank_iri(n), ranked, item))
        before.setdefault(first, n)
        if last > first:  # the days it runs into after its first
            place = number(n)
            for span in spans_cut(first + timedelta(days=1), last):
                carried.setdefault(span, []).append(place)
    for span in sorted(carried.keys() | {(day, day) for day in before}):
        node = span_iri(*span)
        triples += [(node, RDF.type, KGO.DaySpan), (node, KGO.firstDay, literal(span[0].isoformat(), XSD.date)),
                    (node, KGO.lastDay, literal(span[1].isoformat(), XSD.date))]
        if span in carried:
            triples.append((node, KGO.carriedCount, number(len(carried[span]))))
            triples += [(node, carries, place) for place in carried[span]]
        if span[0] == span[1] and span[0] in before:
            triples.append((node, KGO.itemsBefore, number(before[span[0]])))
    graph.update(triples)


def _listing(graph, name: str, about: URIRef | None, items: list, page_size: int) -> None:
    """The listing of the named query ``name`` (for ``about``, the actor, place or measure asked
    for, when the query has a parameter) cut into pages of ``page_size`` of its ``items``, each an
    (order, IRI) pair in order."""
    named = "" if about is None else about[len(KGR):] if about.startswith(KGR) else about.rpartition("#")[2]
    listing = kgr(f"listing/{name}/{named}".rstrip("/"))  # listing/said-by/actor/russia, listing/figures-by-source/measure-killed
    pages, item_of = -(-len(items) // page_size), KGO.pageItem  # a namespace's term costs a call
    triples = [(listing, RDF.type, KGO.Listing), (listing, KGO.queryName, literal(name))]
    if about is not None:
        triples.append((listing, KGO.listingFor, about))
    triples += [(listing, KGO.itemCount, literal(len(items), XSD.nonNegativeInteger)),
                (listing, KGO.pageCount, literal(pages, XSD.nonNegativeInteger))]
    for n in range(pages):
        page = iri(f"{listing}/page/{n + 1}")
        triples += [(page, RDF.type, KGO.Page), (page, KGO.pageOf, listing),
                    (page, KGO.pageNumber, literal(n + 1, XSD.integer))]
        triples += [(page, item_of, item) for _, item in items[n * page_size:(n + 1) * page_size]]
    graph.update(triples)


def _disputed(graph, extractions: list[Extraction], stories: list[Merged], labels: dict) -> list:
    """The listing entries of the events a statement denies (its claim about them is negated)
    while a report of the same event affirms them: the event itself or another report of its
    story event (one of ``stories`` with several reports), which a statement claims asserted
    or reported, or its article tells as asserted, or as reported with no statement
    reporting it ("reportedly").

    Who affirms each such event is kept in ``graph`` on its story event, else on the event
    itself: one affirming statement for each speaker and article language (``kgo:affirmedBy``),
    and the speakers' ``labels`` (:func:`_labels`) as the named query disputed shows them
    (``kgo:affirmedByLabels``), which a page reads. At 10,000 articles a story event has
    thousands of reports: a page of disputed took 12 to 17 s to read them all, and 0.10 to
    0.13 s to label the kept statements' speakers."""
    story_of = {item.id: n for n, story in enumerate(stories) if len(story.members) > 1 for _, item in story.members}
    affirmed, denied = set(), []
    affirmers: dict[tuple, set[str]] = {}  # (group, speaker, article language) -> statement ids
    for x in extractions:
        reporting = _reporting(x)
        for e in x.events:
            group, claims = story_of.get(e.id, e.id), {s.says(e.factuality) for s in reporting.get(e.id, ())}
            if claims & {"asserted", "reported"} or e.factuality == "asserted" or \
                    (e.factuality == "reported" and not claims):
                affirmed.add(group)
            if "negated" in claims:
                denied.append((group, _entry(x.article.id, e, e.trigger)))
            for s in reporting.get(e.id, ()):
                if s.says(e.factuality) in ("asserted", "reported"):
                    for key in s.speakers:
                        affirmers.setdefault((group, key, x.article.language), set()).add(s.id)
    disputed = {group for group, _ in denied if group in affirmed}
    nodes = {group: kgr(f"story/event/{stories[group].key}") if isinstance(group, int) else kgr(f"article/{group}")
             for group in disputed}
    kept = {(nodes[group], kgr(f"article/{min(ids)}")) for (group, _, _), ids in affirmers.items() if group in disputed}
    graph.update((node, KGO.affirmedBy, said) for node, said in sorted(kept))
    languages: dict[tuple, set[str]] = {}  # (group, speaker) -> the languages of its affirming articles
    for group, key, language in affirmers:
        if group in disputed:
            languages.setdefault((group, key), set()).add(language)
    tellers: dict[object, list] = {}
    for (group, key), written in languages.items():
        tellers.setdefault(group, []).append((_label(labels.get(key, {}), written, key), str(actor_iri(key))))
    graph.update((nodes[group], KGO.affirmedByLabels, literal("; ".join(label for label, _ in sorted(named))))
                 for group, named in sorted(tellers.items(), key=lambda pair: str(nodes[pair[0]])))
    return [entry for group, entry in denied if group in disputed]


def _reporting(x: Extraction) -> dict[str, list]:
    """Each event of ``x`` that statements report, with those statements."""
    reporting: dict[str, list] = {}
    for s in x.statements:
        for event_id in s.events:
            reporting.setdefault(event_id, []).append(s)
    return reporting


def _figures(extractions: list[Extraction], labels: dict) -> dict[str, list]:
    """The listing entries of the named query figures-by-source, for each measure's notation
    and for every measure (the key ``""``): each figure once, with the first of the events that
    share it (by IRI), ordered as the query orders them: by measure, by the day it was given
    (the earliest day of a statement reporting its event, else the article's publication day;
    undated last), by source (the speakers of the statements that report it, denials left out,
    each by its label in the article's language, else any label: ``labels``, :func:`_labels`;
    else the article's publisher), by article and by event."""
    listings: dict[str, list] = {"": []}
    for x in extractions:
        article, language, reporting = x.article, x.article.language, _reporting(x)
        shared: dict[tuple[int, int], list] = {}  # a figure's span -> its events, in order
        for e in x.events:
            if e.quantity is not None:
                shared.setdefault((e.quantity.span.start, e.quantity.span.end), []).append(e)
        lex = lexicon.load(language)
        for events in shared.values():
            counts = next(filter(None, (measure(e, lex, article.text) for e in events)), None)
            if counts is None:
                continue
            e = min(events, key=lambda e: str(kgr(f"article/{e.id}")))
            days = [s.time.day for s in reporting.get(e.id, ()) if s.time and s.time.day]
            said = min(days) if days else article.published
            tellers = sorted({(_label(labels.get(key, {}), (language,), key), str(actor_iri(key)))
                              for s in reporting.get(e.id, ()) if s.says(e.factuality) != "negated"
                              for key in s.speakers})
            source = "; ".join(label for label, _ in tellers) or article.publisher or None
            order = (counts, said is None, said.isoformat() if said else "", source is not None,
                     source or "", str(article_iri(article.id)), str(kgr(f"article/{e.id}")))
            for key in (counts, ""):
                listings.setdefault(key, []).append((order, kgr(f"article/{e.id}")))
    return listings


def _labels(graph, extractions: list[Extraction]) -> dict[str, dict[str, set[str]]]:
    """Every label of each actor in the graph, by language: the story's (in ``graph``, the
    story graph with its actors' labels written) and those the article graphs give it."""
    labels: dict[str, dict[str, set[str]]] = {}
    actors = str(KGR["actor/"])
    for s, p, o in graph:
        if p == RDFS.label and str(s).startswith(actors):
            labels.setdefault(str(s)[len(actors):], {}).setdefault(o.language or "", set()).add(str(o))
    for x in extractions:
        language = x.article.language
        for key in _actors_described(x):
            actor = x.actors.get(key)
            label = actor.label if actor else affiliate_entry(x, key).label(language)
            if label:
                labels.setdefault(key, {}).setdefault(language, set()).add(label)
    return labels


def _label(labels: dict[str, set[str]], languages: Iterable[str], key: str) -> str:
    """An actor's label as the named queries pick it: the least of its labels in any of
    ``languages`` (or a variant of one, as SPARQL's LANGMATCHES), else the least of any, else
    its IRI.

    >>> _label({"en": {"Blue Republic", "BR"}, "id": {"Republik Biru"}}, ("id", "fr"), "blue")
    'Republik Biru'
    >>> _label({"en-GB": {"BR"}, "id": {"RB"}}, ("en",), "blue"), _label({}, ("en",), "x")
    ('BR', 'https://w3id.org/kg-news/id/actor/x')
    """
    wanted = [language.lower() for language in languages]
    own = [label for tag, found in labels.items() for language in wanted
           if tag.lower() == language or tag.lower().startswith(language + "-") for label in found]
    every = [label for found in labels.values() for label in found]
    return min(own) if own else min(every) if every else str(actor_iri(key))


def _actor_types(extractions: list[Extraction]) -> dict[str, set[str]]:
    """Each actor the article graphs describe, with every type they give it (its own, or its
    gazetteer entry's where it is known only as an affiliation, a principal or a country)."""
    types: dict[str, set[str]] = {}
    for x in extractions:
        for key in _actors_described(x):
            actor = x.actors.get(key)
            types.setdefault(key, set()).add(actor.type if actor else affiliate_entry(x, key).type)
    return types


def _entry(article_id: str, item, anchor) -> tuple[tuple, URIRef]:
    """An event or statement of a listing: its place in the listing's order, and its IRI."""
    day = (item.time.day or item.time.begin) if item.time else None
    order = (day is None, day.isoformat() if day else "", article_id, anchor.start, item.id)
    return order, kgr(f"article/{item.id}")
