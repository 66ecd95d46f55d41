"""``kg explain ITEM``: why reports of an event or statement were merged into one.

ITEM is a story event or statement IRI, one of its reports (an article event or statement),
or the end of either IRI (``story/event/0a1b…`` or ``0a1b…``). The answer lists every report
with its article, date, factuality and sentence, and the reason it joined.
"""
from __future__ import annotations

from rdflib import RDF, RDFS, Graph, URIRef

from .errors import InputError
from .vocab import KGO, NIF, PROV, SCHEMA, SEM, notation

STORY_CLASSES = (KGO.StoryEvent, KGO.StoryStatement)


def find(g: Graph, item: str) -> URIRef:
    """The story item that ``item`` names, or the article item itself when it was not merged."""
    candidates = [s for cls in STORY_CLASSES for s in g.subjects(RDF.type, cls)]
    exact = URIRef(item)
    if exact in candidates:
        return exact
    story = next(iter(sorted(g.subjects(KGO.reportedAs, exact))), None)
    if story is not None:
        return story
    if (exact, RDF.type, SEM.Event) in g:
        return exact
    ends = sorted(s for s in candidates if str(s).endswith(item))
    if len(ends) == 1:
        return ends[0]
    if len(ends) > 1:
        raise InputError(f"{item!r} names {len(ends)} merged items; give more of the IRI")
    raise InputError(f"{item!r} is neither a merged event or statement nor a report of one "
                     "(kg query events lists the events with their IRIs)")


def _label(g: Graph, node) -> str:
    """The English label, else any label, else the end of the IRI."""
    labels = sorted((x.language != "en", str(x)) for x in g.objects(node, RDFS.label))
    return labels[0][1] if labels else str(node).rsplit("/", 1)[-1]


def _report(g: Graph, member: URIRef) -> list[str]:
    article = g.value(member, PROV.wasDerivedFrom)
    where = ", ".join(str(x) for x in (g.value(article, SCHEMA.publisher),
                                        g.value(article, SCHEMA.datePublished)) if x)
    time = g.value(member, SEM.hasTime)
    when = ""
    if time is not None:
        begin = g.value(time, SEM.hasEarliestBeginTimeStamp)
        end = g.value(time, SEM.hasLatestEndTimeStamp)
        written = g.value(g.value(time, KGO.mention), NIF.anchorOf)
        when = (f"{begin or '…'} to {end or '…'}" if begin != end else str(begin)) + (
            f" (\u201c{written}\u201d)" if written else "")
    fact = g.value(member, KGO.factuality)
    who = sorted(_label(g, a) for p in (KGO.agent, KGO.theme, KGO.partner, KGO.target, KGO.speaker)
                 for a in g.objects(member, p))
    sentence = " ".join(str(g.value(g.value(member, KGO.sentence), NIF.anchorOf) or "").split())
    lines = [f"{_label(g, article)} [{where}]" if where else _label(g, article),
             f"   date: {when or 'unknown'}" + (f"; factuality: {notation(fact)}" if fact else ""),
             f"   who: {', '.join(who) or '-'}",
             f"   sentence: {sentence[:200]}"]
    return lines


def explain(g: Graph, item: str) -> str:
    """Why the reports of ``item`` were merged (or that it has one report only)."""
    node = find(g, item)
    if not any((node, RDF.type, cls) in g for cls in STORY_CLASSES):
        return "\n".join([f"{node}: reported by one article only; no other report has the same",
                          "type, times that meet and a shared participant (and a second shared",
                          "participant or place when undated).", ""] + _report(g, node))
    kind = g.value(node, SEM.eventType) or g.value(node, KGO.statementKind)
    reasons = {g.value(r, KGO.member): str(g.value(r, KGO.reason))
               for r in g.objects(node, KGO.mergeReason)}
    first = g.value(node, KGO.firstReport)
    members = sorted(reasons, key=lambda m: (m != first, reasons[m] != "first report", str(m)))
    out = [f"{node}", f"{notation(kind)}: {_label(g, node)}",
           f"{len(members)} reports; the first is {first}", ""]
    for n, member in enumerate(members, 1):
        report = _report(g, member)
        out.append(f"{n}. {report[0]}")
        out.extend(report[1:])
        out.append(f"   why: {reasons[member]}")
        out.append(f"   iri: {member}")
    return "\n".join(out)
