"""A readable reference of the ontology: one self-contained HTML page made from the Turtle.

The page lists the classes and properties of ``ontology/kg.ttl`` (labels and definitions in
each language, domain, range, super-classes and super-properties), the concept schemes of
``ontology/vocab.ttl`` with their concepts and CAMEO matches, and, given a built graph, one
example instance of each main class shown as Turtle. It loads nothing: no script, no remote
style or image; every text is escaped; IRIs are shown as text and links stay in the page.

>>> page = render_reference(load_graph(_EXAMPLE))
>>> "kgo:Statement" in page and 'id="example-statement"' in page
True
>>> re.findall(r'(?:src|href)="([^#"][^"]*)"', page)
[]
"""
from __future__ import annotations

import html
import re
from importlib import resources
from pathlib import Path
from typing import Iterable

import numpy
from rdflib import OWL, RDF, RDFS, SKOS, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS
from rdflib.term import Node

from .formats import by_predicate, by_some_subjects, merged, read_quads, value_of
from .mentions import Mentions, mention_triples
from .views.page import atomic_write
from .vocab import PREFIXES

VANN_URI = URIRef("http://purl.org/vocab/vann/preferredNamespaceUri")
NIF_ANCHOR = URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf")
_MENTION = URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#OffsetBasedString")
KGR_BASE = "https://w3id.org/kg-news/id/"
SHOWN = 8  # an example shows this many values of a property, and says how many it left out
ONTOLOGY_FILES = ("kg.ttl", "vocab.ttl")
# A small graph in the shape of docs/graph-model.md, for the examples below (a test fixture).
_EXAMPLE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "queries" / "graph.trig"

#: The main classes: one example instance of each is shown, in this order.
MAIN_CLASSES = (
    ("article", "schema:NewsArticle"), ("mention", "nif:OffsetBasedString"),
    ("actor", "sem:Actor"), ("statement", "kgo:Statement"), ("claim", "kgo:Claim"),
    ("event", "sem:Event"), ("time", "sem:Time"), ("place", "sem:Place"),
    ("quantity", "kgo:Quantity"),
)
CLASS_TYPES = (OWL.Class, RDFS.Class)
PROPERTY_TYPES = {
    OWL.ObjectProperty: "object property", OWL.DatatypeProperty: "datatype property",
    OWL.AnnotationProperty: "annotation property", RDF.Property: "property",
}
CHARACTERISTICS = {
    OWL.FunctionalProperty: "functional", OWL.InverseFunctionalProperty: "inverse functional",
    OWL.TransitiveProperty: "transitive", OWL.SymmetricProperty: "symmetric",
}
MATCHES = {SKOS.exactMatch: "exact", SKOS.closeMatch: "close", SKOS.broadMatch: "broad",
           SKOS.narrowMatch: "narrow", SKOS.relatedMatch: "related"}
ONTOLOGY_FIELDS = (
    ("IRI", None), ("version", OWL.versionInfo), ("version IRI", OWL.versionIRI),
    ("license", DCTERMS.license), ("creator", DCTERMS.creator), ("created", DCTERMS.created),
    ("modified", DCTERMS.modified), ("imports", OWL.imports), ("reuses", DCTERMS.references),
)
FIRST = [RDF.type, RDFS.label, SKOS.prefLabel, SKOS.altLabel]  # predicates listed first
LONG_TEXT = 280     # longer literals are shortened in the examples
ANCHOR_TEXT = 60    # longest mention text quoted in an example's comments


def load_ontology() -> Graph:
    """The ontology and its concept schemes (``kg/ontology/*.ttl``) in one graph.

    >>> (URIRef("https://w3id.org/kg-news/ontology#Statement"), RDF.type, OWL.Class) in load_ontology()
    True
    """
    graph = Graph()
    for name in ONTOLOGY_FILES:
        graph.parse(data=_ontology_text(name), format="turtle")
    return graph


def _ontology_text(name: str) -> str:
    return (resources.files("kg") / "ontology" / name).read_text(encoding="utf-8")


def load_prefixes() -> dict[str, str]:
    """The prefixes of the graph model and every one the ontology files declare, by prefix.

    >>> load_prefixes()["sem"]
    'http://semanticweb.cs.vu.nl/2009/11/sem/'
    """
    found: dict[str, str] = dict(PREFIXES)
    for name in ONTOLOGY_FILES:
        for prefix, iri in re.findall(r"@prefix\s+([\w-]*):\s*<([^>]*)>", _ontology_text(name)):
            found.setdefault(prefix, iri)
    return dict(sorted(found.items()))


def load_graph(source: Graph | str | Path) -> Graph:
    """A built graph as one graph: the union of a dataset's named graphs, or a file's.

    >>> len(load_graph(_EXAMPLE)) > 0
    True
    """
    if not isinstance(source, Graph):
        return merged(read_quads(source))
    return merged(source) if isinstance(source, Dataset) else source


# --- names and text -------------------------------------------------------------------------

_LOCAL = re.compile(r"[A-Za-z_][\w.-]*(?<!\.)|\d[\w-]*")


def curie(iri: Node, prefixes: dict[str, str]) -> str:
    """``prefix:local`` for an IRI under a known namespace, else ``<iri>``.

    >>> curie(URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/Event"), load_prefixes())
    'sem:Event'
    >>> curie(URIRef("https://example.org/a/b#c"), load_prefixes())
    '<https://example.org/a/b#c>'
    """
    text = str(iri)
    for prefix, ns in sorted(prefixes.items(), key=lambda kv: -len(kv[1])):
        rest = text[len(ns):]
        if text.startswith(ns) and (rest == "" or _LOCAL.fullmatch(rest)):
            return f"{prefix}:{rest}"
    return f"<{text}>"


def languages(graph: Graph) -> list[str]:
    """The language tags of the labels, English first.

    >>> languages(load_ontology())
    ['en', 'id']
    """
    tags = {o.language for o in graph.objects(None, RDFS.label) if isinstance(o, Literal)}
    tags |= {o.language for o in graph.objects(None, SKOS.prefLabel) if isinstance(o, Literal)}
    return sorted((t for t in tags if t), key=lambda t: (t != "en", t))


def text_in(graph: Graph, subject: Node, prop: URIRef, language: str) -> str:
    """The value of ``prop`` in ``language`` (several joined by " / "), or ``""``.

    >>> text_in(load_ontology(), URIRef("https://w3id.org/kg-news/ontology#Claim"), RDFS.label, "en")
    'Claim'
    """
    values = sorted(str(o) for o in graph.objects(subject, prop)
                    if isinstance(o, Literal) and o.language == language)
    return " / ".join(values)


def esc(text: object) -> str:
    """HTML-escaped text.

    >>> esc('<script>"x"</script>')
    '&lt;script&gt;&quot;x&quot;&lt;/script&gt;'
    """
    return html.escape(str(text), quote=True)


def anchor(iri: Node, prefixes: dict[str, str]) -> str:
    """The in-page id of a term's entry.

    >>> anchor(URIRef("https://w3id.org/kg-news/ontology#Statement"), load_prefixes())
    't-kgo-Statement'
    """
    return "t-" + re.sub(r"[^A-Za-z0-9_-]+", "-", curie(iri, prefixes)).strip("-")


# --- the page as HTML pieces -------------------------------------------------------------------


class Page:
    """What every section needs: the ontology, its prefixes and languages, the listed terms.

    >>> page = Page(load_ontology())
    >>> page.curie(page.classes[0]), page.languages
    ('kgo:ActorPair', ['en', 'id'])
    """

    def __init__(self, ontology: Graph):
        self.g = ontology
        self.prefixes = load_prefixes()
        self.languages = languages(ontology)
        self.own = sorted({str(o) for o in ontology.objects(None, VANN_URI)})
        self.classes = self._typed(CLASS_TYPES)
        self.properties = self._typed(PROPERTY_TYPES)
        self.schemes = self._typed((SKOS.ConceptScheme,))
        self.listed = set(self.classes) | set(self.properties) | set(self.schemes)

    def _typed(self, types: Iterable[URIRef]) -> list[URIRef]:
        found = {s for t in types for s in self.g.subjects(RDF.type, t) if isinstance(s, URIRef)}
        return sorted(found, key=lambda s: (not self.is_own(s), self.curie(s)))

    def curie(self, iri: Node) -> str:
        return curie(iri, self.prefixes)

    def is_own(self, iri: Node) -> bool:
        """Whether a term is defined here: its namespace is one of our preferred namespaces."""
        return any(str(iri).startswith(ns) for ns in self.own)

    def split(self, terms: list[URIRef]) -> tuple[list[URIRef], list[URIRef]]:
        """Our terms, and the reused ones."""
        return [t for t in terms if self.is_own(t)], [t for t in terms if not self.is_own(t)]

    def ref(self, node: Node) -> str:
        """A term as a link to its entry when the page has one, else as code.

        >>> Page(load_ontology()).ref(URIRef("http://www.w3.org/ns/prov#wasAttributedTo"))
        '<code>prov:wasAttributedTo</code>'
        """
        if isinstance(node, Literal):
            return esc(node)
        if isinstance(node, BNode):
            return self.anonymous(node)
        name = f"<code>{esc(self.curie(node))}</code>"
        if node in self.listed:
            return f'<a href="#{anchor(node, self.prefixes)}">{name}</a>'
        return name

    def anonymous(self, node: BNode) -> str:
        """An inverse property as ``^p``; any other unnamed node as "(anonymous)"."""
        inverse = self.g.value(node, OWL.inverseOf)
        return "^" + self.ref(inverse) if inverse is not None else "(anonymous)"

    def refs(self, nodes: Iterable[Node]) -> str:
        """Terms, sorted, joined by commas."""
        items = sorted(set(nodes), key=lambda n: (isinstance(n, BNode), self.curie(n)))
        return ", ".join(self.ref(n) for n in items)

    def texts(self, subject: URIRef, label: URIRef, comment: URIRef) -> str:
        """A table of the label and the definition in each language."""
        rows = "".join(
            f'<tr><th lang="{esc(lang)}">{esc(lang)}</th>'
            f'<td class="label" lang="{esc(lang)}">{esc(text_in(self.g, subject, label, lang))}</td>'
            f'<td lang="{esc(lang)}">{esc(text_in(self.g, subject, comment, lang))}</td></tr>'
            for lang in self.languages)
        return f'<table class="texts">{rows}</table>'

    def facts(self, rows: list[tuple[str, str]]) -> str:
        """A definition list of the rows that have a value (values are HTML already)."""
        items = "".join(f"<dt>{esc(name)}</dt><dd>{value}</dd>" for name, value in rows if value)
        return f"<dl>{items}</dl>" if items else ""

    def entry(self, iri: URIRef, kind: str, rows: list[tuple[str, str]]) -> str:
        """One term's entry: name, IRI, labels and definitions, facts."""
        return (f'<section class="term" id="{anchor(iri, self.prefixes)}">'
                f'<h4><code>{esc(self.curie(iri))}</code> <span class="kind">{esc(kind)}</span></h4>'
                f'<p class="iri">{esc(iri)}</p>'
                + self.texts(iri, RDFS.label, RDFS.comment) + self.facts(rows) + "</section>")


def class_entry(page: Page, cls: URIRef, examples: dict[URIRef, str]) -> str:
    """The entry of one class, with a link to its example when it has one.

    >>> html = class_entry(Page(load_ontology()), URIRef(PREFIXES["kgo"] + "Claim"), {})
    >>> '<dt>subclass of</dt><dd><code>prov:Entity</code>, <code>schema:Claim</code></dd>' in html
    True
    """
    g = page.g
    example = examples.get(cls, "")
    rows = [
        ("subclass of", page.refs(g.objects(cls, RDFS.subClassOf))),
        ("subclasses", page.refs(g.subjects(RDFS.subClassOf, cls))),
        ("domain of", page.refs(g.subjects(RDFS.domain, cls))),
        ("range of", page.refs(g.subjects(RDFS.range, cls))),
        ("defined by", page.refs(g.objects(cls, RDFS.isDefinedBy))),
        ("see also", page.refs(g.objects(cls, RDFS.seeAlso))),
        ("example", example and f'<a href="#example-{esc(example)}">{esc(example)}</a>'),
    ]
    return page.entry(cls, "class", rows)


def property_entry(page: Page, prop: URIRef) -> str:
    """The entry of one property.

    >>> html = property_entry(Page(load_ontology()), URIRef(PREFIXES["kgo"] + "about"))
    >>> "<dt>characteristics</dt><dd>functional</dd>" in html
    True
    """
    g = page.g
    types = set(g.objects(prop, RDF.type))
    kind = next((name for t, name in PROPERTY_TYPES.items() if t in types), "property")
    rows = [
        ("characteristics", ", ".join(n for t, n in CHARACTERISTICS.items() if t in types)),
        ("domain", page.refs(g.objects(prop, RDFS.domain))),
        ("range", page.refs(g.objects(prop, RDFS.range))),
        ("sub-property of", page.refs(g.objects(prop, RDFS.subPropertyOf))),
        ("sub-properties", page.refs(g.subjects(RDFS.subPropertyOf, prop))),
        ("inverse of", page.refs(g.objects(prop, OWL.inverseOf))),
        ("property chain", chain(page, prop)),
        ("defined by", page.refs(g.objects(prop, RDFS.isDefinedBy))),
        ("see also", page.refs(g.objects(prop, RDFS.seeAlso))),
    ]
    return page.entry(prop, kind, rows)


def chain(page: Page, prop: URIRef) -> str:
    """A property chain as a path (``^a / b``), or ``""``.

    >>> re.sub("<[^>]+>", "", chain(Page(load_ontology()), URIRef(PREFIXES["kgo"] + "claimedBy")))
    '^kgo:claim / kgo:speaker'
    """
    paths = [" / ".join(page.ref(step) for step in Collection(page.g, head))
             for head in page.g.objects(prop, OWL.propertyChainAxiom)]
    return "; ".join(sorted(paths))


def scheme_entry(page: Page, scheme: URIRef) -> str:
    """One concept scheme and the table of its concepts.

    >>> html = scheme_entry(Page(load_ontology()), URIRef(PREFIXES["kgv"] + "Granularity"))
    >>> html.count("<tr><td><code>"), "sem:TimeType" in html
    (8, True)
    """
    g = page.g
    concepts = sorted(g.subjects(SKOS.inScheme, scheme),
                      key=lambda c: str(g.value(c, SKOS.notation) or c))
    kinds = {t for c in concepts for t in g.objects(c, RDF.type)} - {SKOS.Concept}
    see_also = any(g.value(c, RDFS.seeAlso) is not None for c in concepts)
    head = "".join(f"<th>label ({esc(lang)})</th>" for lang in page.languages)
    head += "".join(f"<th>definition ({esc(lang)})</th>" for lang in page.languages)
    head += "<th>CAMEO and other matches</th>" + ("<th>see also</th>" if see_also else "")
    body = "".join(concept_row(page, c, see_also) for c in concepts)
    return (f'<section class="scheme" id="{anchor(scheme, page.prefixes)}">'
            f'<h3><code>{esc(page.curie(scheme))}</code> <span class="kind">concept scheme</span></h3>'
            f'<p class="iri">{esc(scheme)}</p>'
            + page.texts(scheme, SKOS.prefLabel, SKOS.definition)
            + page.facts([("concepts are also", page.refs(kinds))])
            + f'<table class="concepts"><thead><tr><th>notation</th><th>concept</th>{head}</tr>'
              f"</thead><tbody>{body}</tbody></table></section>")


def concept_row(page: Page, concept: URIRef, see_also: bool = True) -> str:
    """One concept as a table row: notation, IRI, labels, definitions, matches, see also.

    >>> row = concept_row(Page(load_ontology()), URIRef(PREFIXES["kgv"] + "actor-person"))
    >>> row.startswith("<tr><td><code>person</code></td>") and "kgo:Person" in row
    True
    """
    g = page.g
    cells = [f"<td><code>{esc(g.value(concept, SKOS.notation) or '')}</code></td>",
             f'<td id="{anchor(concept, page.prefixes)}"><code>{esc(page.curie(concept))}</code></td>']
    cells += [f'<td lang="{esc(lang)}">{esc(text_in(g, concept, SKOS.prefLabel, lang))}</td>'
              for lang in page.languages]
    cells += [f'<td lang="{esc(lang)}">{esc(text_in(g, concept, SKOS.definition, lang))}</td>'
              for lang in page.languages]
    cells.append(f"<td>{matches(page, concept)}</td>")
    if see_also:
        cells.append(f"<td>{page.refs(g.objects(concept, RDFS.seeAlso))}</td>")
    return "<tr>" + "".join(cells) + "</tr>"


def matches(page: Page, concept: URIRef) -> str:
    """The SKOS mappings of a concept, strongest first, each with the target's label.

    >>> re.sub("<[^>]+>", "", matches(Page(load_ontology()), URIRef(PREFIXES["kgv"] + "event-treaty")))
    'close cameo:057 Sign formal agreement'
    """
    items = []
    for prop, name in MATCHES.items():
        for target in sorted(page.g.objects(concept, prop), key=str):
            label = text_in(page.g, target, RDFS.label, "en")
            items.append(f'<li><span class="match">{esc(name)}</span> '
                         f"<code>{esc(page.curie(target))}</code> {esc(label)}</li>")
    return f'<ul class="matches">{"".join(items)}</ul>' if items else ""


def ontology_header(page: Page, onto: URIRef) -> str:
    """The metadata of one ontology: labels, description, IRI, version, license, creator, dates.

    >>> "<dt>creator</dt><dd>kg contributors</dd>" in ontology_header(
    ...     Page(load_ontology()), URIRef("https://w3id.org/kg-news/ontology"))
    True
    """
    g = page.g
    rows = [(name, esc(onto) if prop is None else
             ", ".join(esc(o) for o in sorted(g.objects(onto, prop), key=str)))
            for name, prop in ONTOLOGY_FIELDS]
    return (f'<section class="ontology"><h3>{esc(text_in(g, onto, RDFS.label, "en"))}</h3>'
            + page.texts(onto, RDFS.label, RDFS.comment) + page.facts(rows) + "</section>")


def namespaces(page: Page) -> str:
    """The table of prefixes and their namespace IRIs, shown as text.

    >>> "<td><code>sem:</code></td>" in namespaces(Page(load_ontology()))
    True
    """
    rows = "".join(f"<tr><td><code>{esc(p)}:</code></td><td>{esc(ns)}</td></tr>"
                   for p, ns in page.prefixes.items())
    return f'<table class="namespaces"><tr><th>prefix</th><th>IRI</th></tr>{rows}</table>'


# --- examples ------------------------------------------------------------------------------------


def pick_examples(graph: Graph, prefixes: dict[str, str], mentions: Mentions | None = None) -> list[tuple[str, URIRef, URIRef]]:
    """``(name, class, instance)`` for each main class the graph has an instance of, the
    ``mentions`` a build keeps apart from it (:mod:`kg.mentions`) counted as the graph's.

    The instance is the richest one (most distinct properties, then most triples, then the
    smallest IRI), preferring one that is of no other main class.

    >>> found = pick_examples(load_graph(_EXAMPLE), load_prefixes())
    >>> [name for name, _, _ in found]
    ['article', 'mention', 'actor', 'statement', 'claim', 'event', 'time', 'place', 'quantity']
    >>> str(found[0][2])
    'https://w3id.org/kg-news/id/article/ap-20241105'
    """
    classes = {name: _expand(c, prefixes) for name, c in MAIN_CLASSES}
    # Weighed a class at a time by numpy: a large build has millions of mentions to weigh.
    index = by_predicate(graph)
    predicates, triples = index.outlines()
    typed, term = index.predicates.get(RDF.type), index.terms.__getitem__
    members = {cls: numpy.array([n for n in index.subjects(typed, index.number(cls)) if isinstance(term(n), URIRef)],
                                dtype=numpy.int64) for cls in classes.values()}
    found = []
    for name, cls in classes.items():
        instances = members[cls]
        apart = _apart_examples(mentions) if cls == _MENTION else None  # (key, IRI) of the best of them
        if not len(instances):
            if apart is not None:
                found.append((name, cls, apart[1]))
            continue
        elsewhere = numpy.isin(instances, numpy.concatenate([m for c, m in members.items() if c != cls]))
        # Of no other main class first, then more properties, then more triples, then the smallest IRI.
        key = numpy.stack([elsewhere, -predicates[instances], -triples[instances]], axis=1)
        best = key[numpy.lexsort(key.T[::-1])[0]]
        tied = min(map(term, instances[(key == best).all(axis=1)].tolist()), key=str)
        if apart is not None and (apart[0], str(apart[1])) < (tuple(best.tolist()), str(tied)):
            tied = apart[1]
        found.append((name, cls, tied))
    return found


def _apart_examples(mentions: Mentions | None) -> tuple[tuple, URIRef] | None:
    """The key of the mentions kept apart (:func:`pick_examples`: of no other class, five
    properties, six triples) and the smallest IRI of them; None when there are none."""
    if mentions is None or not len(mentions):
        return None
    triples = mention_triples(*next(mentions.records()))
    return (0, -len({p for _, p, _ in triples}), -len(triples)), mentions.smallest()


def _apart(graph: Graph, mentions: Mentions | None, node: Node) -> tuple | None:
    """The record of ``node`` when it is a mention kept apart from ``graph``, else None."""
    if mentions is None or not isinstance(node, URIRef):
        return None
    return mentions.record(node, by_predicate(graph).number(node))


def _expand(name: str, prefixes: dict[str, str]) -> URIRef:
    prefix, local = name.split(":", 1)
    return URIRef(prefixes[prefix] + local)


def turtle_of(graph: Graph, subject: URIRef, prefixes: dict[str, str], mentions: Mentions | None = None) -> str:
    """The triples of one subject as Turtle, each mention followed by its text as a comment
    (``mentions``: those a build keeps apart from ``graph``, :mod:`kg.mentions`).

    >>> time = URIRef(KGR_BASE + "article/ap-20241105/time/54-66")
    >>> print(turtle_of(load_graph(_EXAMPLE), time, load_prefixes()))
    @base <https://w3id.org/kg-news/id/> .
    @prefix kgo: <https://w3id.org/kg-news/ontology#> .
    @prefix kgv: <https://w3id.org/kg-news/vocab#> .
    @prefix prov: <http://www.w3.org/ns/prov#> .
    @prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
    @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
    <BLANKLINE>
    <article/ap-20241105/time/54-66>
        a sem:Time ;
        kgo:anchorType "none" ;
        kgo:date "2024-06"^^xsd:gYearMonth ;
        kgo:future false ;
        kgo:granularity kgv:granularity-month ;
        kgo:mention <article/ap-20241105#char=54,66> ; # "in June 2024"
        kgo:timexValue "2024-06" ;
        prov:wasDerivedFrom <article/ap-20241105> ;
        sem:hasEarliestBeginTimeStamp "2024-06-01"^^xsd:date ;
        sem:hasLatestEndTimeStamp "2024-06-30"^^xsd:date .
    """
    used: set[str] = set()
    lines = [_term(subject, prefixes, used)] + _predicates(graph, subject, prefixes, used, mentions)
    head = [f"@base <{KGR_BASE}> ."] + [f"@prefix {p}: <{prefixes[p]}> ." for p in sorted(used)]
    return "\n".join(head + [""] + lines)


def _predicates(graph: Graph, subject: URIRef, prefixes: dict[str, str], used: set[str],
                mentions: Mentions | None = None) -> list[str]:
    """One line per object: predicates sorted (``a`` first), objects under their predicate,
    the first ``SHOWN`` of them (an actor of a large archive is mentioned thousands of times).

    >>> names, g = load_prefixes(), Graph()
    >>> for n in range(10):
    ...     _ = g.add((RDF.subject, RDFS.seeAlso, URIRef(f"https://example.org/{n}")))
    >>> print("\\n".join(_predicates(g, RDF.subject, names, set())[-2:]))
            <https://example.org/7> .
            # … and 2 more rdfs:seeAlso
    """
    # A built graph's union read from its columns (kg.formats.by_some_subjects): no index of
    # every subject made for the few the examples show (91 MB held at 3,000 articles).
    by_prop = {p: [t[2] for t in found] for p, found in by_some_subjects(graph, [subject]).get(subject, {}).items()}
    record = None if by_prop else _apart(graph, mentions, subject)
    for _, p, o in mention_triples(*record) if record else ():
        by_prop.setdefault(p, []).append(o)
    props = sorted(by_prop, key=lambda p: _predicate_key(p, prefixes))
    lines = []
    for i, prop in enumerate(props):
        objects = sorted(set(by_prop[prop]), key=_sort_key)
        shown = objects[:SHOWN]
        verb = "a" if prop == RDF.type else _term(prop, prefixes, used)
        for j, obj in enumerate(shown):
            end = "," if j < len(shown) - 1 else " ." if i == len(props) - 1 else " ;"
            note = _note(graph, obj, mentions)
            lead = f"    {verb} " if j == 0 else "        "
            lines.append(lead + _term(obj, prefixes, used) + end + (f" # {note}" if note else ""))
        if len(objects) > SHOWN:
            lines.append(f"        # … and {len(objects) - SHOWN:,} more {curie(prop, prefixes)}")
    return lines


def _predicate_key(prop: Node, prefixes: dict[str, str]) -> tuple[int, str]:
    """Type and labels first (:data:`FIRST`), then by name.

    >>> names = load_prefixes()
    >>> [curie(p, names) for p in sorted([OWL.sameAs, RDFS.label, RDF.type], key=lambda p: _predicate_key(p, names))]
    ['rdf:type', 'rdfs:label', 'owl:sameAs']
    """
    rank = FIRST.index(prop) if prop in FIRST else len(FIRST)
    return rank, curie(prop, prefixes)


def _sort_key(node: Node) -> tuple[bool, str, str, str]:
    """Literals after IRIs, numbers in numeric order, then by language and datatype.

    >>> sorted(["b10", "b9"], key=lambda s: _sort_key(Literal(s)))
    ['b9', 'b10']
    """
    padded = re.sub(r"\d+", lambda m: m.group().zfill(12), str(node))
    if isinstance(node, Literal):
        return True, padded, node.language or "", str(node.datatype or "")
    return False, padded, "", ""


def _note(graph: Graph, obj: Node, mentions: Mentions | None = None) -> str:
    """The text of a mention on one line, quoted, for a comment; ``""`` for anything else
    (read by predicate: :func:`kg.formats.value_of`; or from its record, kept apart)."""
    text = value_of(graph, obj, NIF_ANCHOR) if isinstance(obj, URIRef) else None
    if text is None and (record := _apart(graph, mentions, obj)) is not None:
        text = record[3]
    if text is None:
        return ""
    flat = " ".join(str(text).split())
    if len(flat) > ANCHOR_TEXT:
        flat = flat[:ANCHOR_TEXT - 1] + "…"
    return '"' + flat + '"'


def _term(node: Node, prefixes: dict[str, str], used: set[str]) -> str:
    """One term in Turtle: an IRI relative to the build's base, a CURIE, ``<iri>`` or a literal."""
    if isinstance(node, Literal):
        return _literal(node, prefixes, used)
    if isinstance(node, BNode):
        return "[]"
    if str(node).startswith(KGR_BASE):
        return "<" + str(node)[len(KGR_BASE):] + ">"
    name = curie(node, prefixes)
    if not name.startswith("<"):
        used.add(name.split(":", 1)[0])
    return name


def _literal(lit: Literal, prefixes: dict[str, str], used: set[str]) -> str:
    """A literal in Turtle; a long text is cut and ends with " […]".

    >>> print(_literal(Literal("2024-11-12", datatype=XSD.date), load_prefixes(), set()))
    "2024-11-12"^^xsd:date
    >>> print(_literal(Literal("x" * 300, lang="en"), {}, set())[-11:])
    xxx […]"@en
    """
    lex = str(lit)
    if lit.datatype in (XSD.integer, XSD.boolean) and re.fullmatch(r"-?\d+|true|false", lex):
        return lex
    if len(lex) > LONG_TEXT:
        lex = lex[:LONG_TEXT] + " […]"
    for char, escaped in (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t")):
        lex = lex.replace(char, escaped)
    if lit.language:
        return f'"{lex}"@{lit.language}'
    if lit.datatype and lit.datatype != XSD.string:
        return f'"{lex}"^^{_term(lit.datatype, prefixes, used)}'
    return f'"{lex}"'


def example_section(page: Page, graph: Graph | None, mentions: Mentions | None = None) -> tuple[str, dict[URIRef, str]]:
    """The examples as HTML, and the example name of each class that has one (``mentions``:
    those a build keeps apart from ``graph``, :mod:`kg.mentions`).

    >>> html, names = example_section(Page(load_ontology()), load_graph(_EXAMPLE))
    >>> html.count('<pre class="turtle">'), sorted(names.values())[:2]
    (9, ['actor', 'article'])
    """
    if graph is None:
        return "<p>No built graph was given, so there are no examples.</p>", {}
    graph = merged(graph) if isinstance(graph, Dataset) else graph
    parts, names = [], {}
    for name, cls, instance in pick_examples(graph, page.prefixes, mentions):
        names[cls] = name
        parts.append(f'<section class="example" id="example-{esc(name)}">'
                     f"<h3>{esc(name)}: {page.ref(cls)}</h3>"
                     f'<pre class="turtle">{esc(turtle_of(graph, instance, page.prefixes, mentions))}</pre>'
                     "</section>")
    return "".join(parts), names


def render_reference(examples_graph: Graph | None = None, ontology: Graph | None = None,
                     mentions: Mentions | None = None) -> str:
    """The whole HTML page.

    >>> "<script" in render_reference()
    False
    """
    page = Page(ontology if ontology is not None else load_ontology())
    examples, names = example_section(page, examples_graph, mentions)
    ontologies = sorted(page.g.subjects(RDF.type, OWL.Ontology), key=str)
    classes, reused_classes = page.split(page.classes)
    properties, reused_properties = page.split(page.properties)
    parts = {
        "TITLE": esc(text_in(page.g, ontologies[0], RDFS.label, "en") if ontologies else "Ontology"),
        "CSS": _asset("reference.css"),
        "ABOUT": "".join(ontology_header(page, o) for o in ontologies),
        "NAMESPACES": namespaces(page),
        "CLASSES": "".join(class_entry(page, c, names) for c in classes),
        "REUSED_CLASSES": "".join(class_entry(page, c, names) for c in reused_classes),
        "PROPERTIES": "".join(property_entry(page, p) for p in properties),
        "REUSED_PROPERTIES": "".join(property_entry(page, p) for p in reused_properties),
        "SCHEMES": "".join(scheme_entry(page, s) for s in page.schemes),
        "EXAMPLES": examples,
    }
    # One pass, so that inserted text is never scanned for further placeholders.
    return re.sub(r"@@(\w+)@@", lambda m: parts[m.group(1)], _asset("reference.html"))


def _asset(name: str) -> str:
    """A page asset shipped in ``kg/views``."""
    return resources.files("kg.views").joinpath(name).read_text(encoding="utf-8")


def write_reference(path: str | Path, examples_graph: Graph | str | Path | None = None,
                    mentions: Mentions | None = None) -> Path:
    """Write the reference page to ``path``; examples come from ``examples_graph`` (a graph,
    a dataset or a graph file) when given, and the ``mentions`` a build keeps apart from it.

    >>> import tempfile
    >>> out = write_reference(Path(tempfile.mkdtemp()) / "ontology.html", _EXAMPLE)
    >>> out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    True
    """
    graph = load_graph(examples_graph) if examples_graph is not None else None
    return atomic_write(path, render_reference(graph, mentions=mentions))
