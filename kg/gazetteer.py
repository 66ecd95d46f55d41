"""The gazetteer: known actors and places, loaded from ``kg/gazetteer/gazetteer.ttl``.

Names are matched in text with their capitals kept: a capital letter in a name must be a
capital in the text ("AS" matches "AS", never the English word "as"), while the text may be
all capitals where the name is not (a "KYIV" dateline).

>>> gaz = load()
>>> [(s.text, e.key) for s, e in gaz.find("DPRK dan AS as well")]
[('DPRK', 'north-korea'), ('AS', 'united-states')]
>>> gaz.entries["north-korea"].label("id")
'Korea Utara'
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from rdflib import OWL, RDF, RDFS, SKOS, Graph, URIRef

from .errors import GazetteerError
from .extract.patterns import by_first_letter
from .extract.words import Words, fold, matches_at
from .model import Span
from .vocab import KGO

_ACTOR_TYPES = {
    KGO.Country: "country",
    KGO.Organization: "organization",
    KGO.Person: "person",
    KGO.ArmedForce: "armed_force",
    KGO.Group: "group",
}
_PLACE_TYPES = {KGO.Region: "region", KGO.City: "city"}
_RUN = re.compile(r"\w+")  # a word as the names' pattern bounds it: hyphens part words


@dataclass
class Entry:
    """One gazetteer entry: an actor (``kind == "actor"``) or a place."""

    key: str
    kind: str
    type: str
    labels: dict[str, str]
    aliases: list[str] = field(default_factory=list)
    wikidata: str = ""
    titles: dict[str, str] = field(default_factory=dict)
    affiliation: str = ""
    part_of: str = ""
    capital_of: str = ""

    def label(self, language: str) -> str:
        """The label in ``language``, else in English, else any."""
        return self.labels.get(language) or self.labels.get("en") or next(iter(self.labels.values()))

    @property
    def surfaces(self) -> list[str]:
        """Every written form: labels and aliases."""
        return sorted(set(self.labels.values()) | set(self.aliases))


class Gazetteer:
    """Entries by key, and a matcher that finds their names in text."""

    def __init__(self, entries: dict[str, Entry]):
        self.entries = entries
        self._by_surface: dict[str, list[tuple[str, Entry]]] = {}
        for entry in entries.values():
            for surface in entry.surfaces:
                self._by_surface.setdefault(surface.casefold(), []).append((surface, entry))
        names = sorted(self._by_surface, key=len, reverse=True)
        self._sizes = sorted({len(n) for n in names})  # the lengths of the names, shortest first
        alternatives = by_first_letter(names, re.IGNORECASE)
        self._pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
        firsts = [_RUN.match(n) for n in names]  # a name begins with a word: looked for where one stands
        self._firsts = frozenset(fold(m.group()) for m in firsts) if all(firsts) else None
        self._inside: dict[str, list[tuple[int, int, Entry]]] = {}  # for ``inside``, by written name

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[Span, Entry]]:
        """Known names in ``text[start:end]``, longest first, not overlapping, in text order."""
        found = []
        end = len(text) if end is None else end
        for m in self._matches(text, start, end):
            hit = self._fitting(text, m.start(), m.end(), end)
            if hit:
                found.append(hit)
        return found

    def _matches(self, text: str, start: int, end: int) -> list[re.Match]:
        """The matches of the names' pattern in ``text[start:end]``, tried only where a word
        of ``text`` is the first word of a name. A whole text (a name, a short text) is
        scanned by the pattern, as is a range that ends inside a word, whose beginning may be
        a name."""
        if self._firsts is None or end - start == len(text) or Words.of(text).cuts(end):
            return list(self._pattern.finditer(text, start, end))
        starts = self._starts(text)
        return matches_at(self._pattern, text, starts[bisect_left(starts, start):], start, end)

    def _starts(self, text: str) -> list[int]:
        """Where in ``text`` a word begins that is the first word of a name (remembered for
        the text): the words of :class:`~kg.extract.words.Words`, split at their hyphens."""
        words = Words.of(text)
        starts = words.memo.get(self)
        if starts is None:
            firsts = self._firsts  # the text's distinct words looked up at once, a hyphenated one part by part
            starts = [at for form in firsts & words.vocabulary for at in words.where(form)]
            for form in [form for form in words.vocabulary if "-" in form]:
                offset = 0
                for part in form.split("-"):
                    if part in firsts:
                        starts += [at + offset for at in words.where(form)]
                    offset += len(part) + 1
            starts = words.memo[self] = sorted(starts)
        return starts

    def inside(self, text: str, name: Span) -> list[tuple[Span, Entry]]:
        """``find(text, name.start, name.end)`` for a ``name`` that ``find`` gave: what it
        finds depends on the written name alone, so it is remembered by it."""
        hits = self._inside.get(name.text)
        if hits is None:
            if len(self._inside) > 100_000:
                self._inside.clear()
            found = self.find(name.text)
            if [(s.start, s.end) for s, _ in found] == [(0, len(name.text))]:  # the name itself: what it holds
                found = self.find(name.text, 0, len(name.text) - 1)  # ("South Korea" in "South Korea's spy agency")
            hits = self._inside[name.text] = [(s.start, s.end, e) for s, e in found]
        return [(Span.of(text, name.start + a, name.start + b), e) for a, b, e in hits]

    def _fitting(self, text: str, at: int, stop: int, end: int) -> tuple[Span, Entry] | None:
        """The longest name at ``at`` whose capitals are kept ("Yonhap" in "Yonhap news agency",
        where the longer "Yonhap News Agency" is not written with its capitals)."""
        for size in reversed(self._sizes[:bisect_right(self._sizes, stop - at)]):  # no longer than the match
            name = text[at:at + size].casefold()
            if name not in self._by_surface or len(name) != size or \
                    (at + size < end and (text[at + size].isalnum() or text[at + size] == "_")):
                continue
            for surface, entry in self._by_surface[name]:
                if _capitals_kept(surface, text[at:at + size]):
                    return Span(at, at + size, text[at:at + size]), entry
        return None

    def by_surname(self, surname: str) -> Entry | None:
        """The one known person whose name ends with ``surname``, if exactly one."""
        hits = [e for e in self.entries.values() if e.type == "person"
                and any(s.split()[-1] == surname for s in e.surfaces)]
        return hits[0] if len(hits) == 1 else None


def _capitals_kept(surface: str, written: str) -> bool:
    if written == surface:  # the usual case, decided without a look at each letter
        return True
    return all(w.isupper() for s, w in zip(surface, written) if s.isupper())


def _local(iri: URIRef) -> str:
    return str(iri).rstrip("/").rsplit("/", 1)[-1]


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """Load the packaged gazetteer (cached)."""
    path = resources.files("kg") / "gazetteer" / "gazetteer.ttl"
    graph = Graph()
    try:
        graph.parse(data=path.read_text(encoding="utf-8"), format="turtle")
    except Exception as exc:  # rdflib raises many kinds of parse errors
        raise GazetteerError(f"kg/gazetteer/gazetteer.ttl: cannot parse: {exc}") from exc
    entries: dict[str, Entry] = {}
    for subject, rdf_type in graph.subject_objects(RDF.type):
        kind = "actor" if rdf_type in _ACTOR_TYPES else "place" if rdf_type in _PLACE_TYPES else ""
        if not kind:
            raise GazetteerError(f"kg/gazetteer/gazetteer.ttl: {subject} has unknown type {rdf_type}")
        key = _local(subject)
        if key in entries:
            raise GazetteerError(f"kg/gazetteer/gazetteer.ttl: key {key!r} is used twice")
        labels = {lit.language or "en": str(lit) for lit in graph.objects(subject, RDFS.label)}
        if not labels:
            raise GazetteerError(f"kg/gazetteer/gazetteer.ttl: {key} has no rdfs:label")
        same = [str(o) for o in graph.objects(subject, OWL.sameAs)]
        entries[key] = Entry(
            key=key,
            kind=kind,
            type=(_ACTOR_TYPES | _PLACE_TYPES)[rdf_type],
            labels=labels,
            aliases=sorted(str(o) for o in graph.objects(subject, SKOS.altLabel)),
            wikidata=_local(URIRef(same[0])) if same else "",
            titles={lit.language or "en": str(lit) for lit in graph.objects(subject, KGO.title)},
            affiliation=_local(graph.value(subject, KGO.affiliation) or URIRef("")),
            part_of=_local(graph.value(subject, KGO.partOf) or URIRef("")),
            capital_of=_local(graph.value(subject, KGO.capitalOf) or URIRef("")),
        )
    return Gazetteer(entries)
