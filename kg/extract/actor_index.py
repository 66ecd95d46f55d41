"""The actors, places and mentions of one article, kept in text order to be looked up by position.

Finders record what they find (:meth:`ActorIndex.add_entry` for a gazetteer entry,
:meth:`ActorIndex.add_actor` and :meth:`ActorIndex.add_place` for one found from context);
later readers ask which mentions lie in a stretch of text, start at a position or hold it.

>>> from kg.lexicon import load
>>> from kg.gazetteer import load as gazetteer
>>> text = "Jane Roe met John Doe."
>>> index = ActorIndex(text, load("en"), gazetteer(), "en")
>>> _ = index.add_actor("john-doe", "John Doe", "person", Span.of(text, 13, 21))
>>> _ = index.add_actor("jane-roe", "Jane Roe", "person", Span.of(text, 0, 8))
>>> [m.key for m in index.within(0, len(text))], index.at(12).key
(['jane-roe', 'john-doe'], 'john-doe')
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ..gazetteer import Entry, Gazetteer
from ..lexicon import Lexicon
from ..model import Actor, Place, Span
from .actor_grammar import actor_grammar


@dataclass(frozen=True)
class Mention:
    """A mention of an actor or a place: where, which key, and how it was written."""

    span: Span
    key: str
    kind: str  # "actor" or "place"
    how: str = "name"  # name, surname, force, owned ("its troops"), role, pronoun, alias, outlet ("we", "this newspaper")


def slug(name: str) -> str:
    """A stable key from a name: ``slug("Zoë  Müller") == "zoe-muller"``.

    >>> slug("Zoë  Müller")
    'zoe-muller'
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


class ActorIndex:
    """The actors, places and mentions of one article, in text order."""

    def __init__(self, text: str, lex: Lexicon, gaz: Gazetteer, language: str):
        self.text, self.lex, self.gaz, self.language = text, lex, gaz, language
        self.actors: dict[str, Actor] = {}
        self.places: dict[str, Place] = {}
        self.mentions: list[Mention] = []
        self._ordered: list[Mention] = []  # the mentions by (start, -end), then as added
        self._starts: list[int] = []  # their starts, for bisection
        self._keys: list[tuple[int, int]] = []  # their (start, -end), for bisection
        self._of_kind: dict[str, tuple[list, list, list]] = {}  # the same three, kind by kind
        self._longest = 0  # the longest mention: none that holds a position starts further back
        self.grammar = actor_grammar(lex)
        self.titles: dict[str, str] = self.grammar.titles

    # --- adding -----------------------------------------------------------------------
    def add_entry(self, entry: Entry, span: Span, how: str = "name") -> Mention:
        """Record a mention of a gazetteer entry."""
        if entry.kind == "place":
            place = self.places.get(entry.key)
            if place is None:
                place = self.places[entry.key] = Place(
                    entry.key, entry.label(self.language), wikidata=entry.wikidata,
                    labels=dict(entry.labels), part_of=entry.part_of)
            place.mentions.append(span)
            return self._mention(Mention(span, entry.key, "place", how))
        actor = self.actors.get(entry.key)
        if actor is None:
            actor = self.actors[entry.key] = Actor(
                entry.key, entry.label(self.language), entry.type, wikidata=entry.wikidata,
                labels=dict(entry.labels), title=entry.titles.get(self.language, ""),
                affiliation=entry.affiliation, in_gazetteer=True)
        actor.mentions.append(span)
        return self._mention(Mention(span, entry.key, "actor", how))

    def add_actor(self, key: str, label: str, type_: str, span: Span, how: str = "name", **attrs) -> Actor:
        """Record a mention of an actor found from context, creating it on first sight."""
        actor = self.actors.get(key)
        if actor is None:
            actor = self.actors[key] = Actor(key, label, type_, labels={self.language: label}, **attrs)
        else:
            for name, value in attrs.items():
                if value and not getattr(actor, name):
                    setattr(actor, name, value)
        actor.mentions.append(span)
        self._mention(Mention(span, key, "actor", how))
        return actor

    def add_place(self, key: str, label: str, span: Span, part_of: str = "") -> None:
        """Record a place found from context (e.g. "Rusia timur")."""
        place = self.places.get(key)
        if place is None:
            place = self.places[key] = Place(key, label, labels={self.language: label}, part_of=part_of)
        place.mentions.append(span)
        self._mention(Mention(span, key, "place", "name"))

    def _mention(self, mention: Mention) -> Mention:
        self.mentions.append(mention)
        key = (mention.span.start, -mention.span.end)
        _insert(self._ordered, self._starts, self._keys, mention, key)
        _insert(*self._of_kind.setdefault(mention.kind, ([], [], [])), mention, key)
        self._longest = max(self._longest, mention.span.end - mention.span.start)
        return mention

    # --- looking up -------------------------------------------------------------------
    def within(self, start: int, end: int, kind: str = "actor") -> list[Mention]:
        """Mentions of ``kind`` starting inside ``[start, end)``, in text order (the longer
        first where two start together)."""
        ordered, starts, _ = self._of_kind.get(kind) or ([], [], [])
        return ordered[bisect_left(starts, start):bisect_left(starts, end)]  # a slice: a new list

    def starts_within(self, start: int, end: int) -> list[int]:
        """Where the mentions of any kind that start inside ``[start, end)`` start, in order."""
        starts = self._starts
        return starts[bisect_left(starts, start):bisect_left(starts, end)]

    def around(self, pos: int) -> list[Mention]:
        """Mentions of any kind whose span holds ``pos``."""
        return self.overlapping(pos, pos + 1)

    def overlapping(self, start: int, end: int) -> list[Mention]:
        """Mentions of any kind whose span shares a character with ``[start, end)``."""
        ordered, starts = self._ordered, self._starts
        return [m for m in ordered[bisect_left(starts, start - self._longest):bisect_left(starts, end)]
                if m.span.start < end and start < m.span.end]

    def at(self, pos: int, kind: str = "actor") -> Mention | None:
        """The mention of ``kind`` that starts at ``pos`` (after blanks), longest first."""
        while pos < len(self.text) and self.text[pos] == " ":
            pos += 1
        return next(iter(self.within(pos, pos + 1, kind)), None)

    def last(self, before: int, types: tuple[str, ...]) -> str:
        """The key of the last actor of one of ``types`` mentioned before ``before``."""
        for m in sorted(self.mentions, key=lambda m: m.span.start, reverse=True):
            if m.kind == "actor" and m.span.end <= before and self.actors[m.key].type in types:
                return m.key
        return ""

    def speaking_states(self, start: int, end: int) -> list[Mention]:
        """Capitals that stand for their state between ``start`` and ``end`` ("Seoul urged"),
        each recorded as a mention of the country once, however often it is asked."""
        found = []
        for m in self.within(start, end, "place"):
            entry = self.gaz.entries.get(m.key)
            country = self.gaz.entries.get(entry.capital_of) if entry and entry.capital_of else None
            if country:
                known = next((a for a in self.within(m.span.start, m.span.start + 1)
                              if a.key == country.key and a.span == m.span), None)
                found.append(known or self.add_entry(country, m.span, "alias"))
        return found

    def person_by_name(self, name: str) -> str:
        """The key of a person of this article (or the gazetteer) called ``name``."""
        for actor in self.actors.values():
            if actor.type == "person" and name in (actor.label, *actor.labels.values()):
                return actor.key
        return ""

    def title_concept(self, written: str) -> str:
        """The title concept ("spokesperson") of a written title, or ``""``."""
        return self.titles.get(written, "")


def _insert(ordered: list[Mention], starts: list[int], keys: list[tuple[int, int]], mention: Mention,
            key: tuple[int, int]) -> None:
    """Insert ``mention`` by ``key`` (its start, then its end backwards), after its equals."""
    at = bisect_right(keys, key)
    ordered.insert(at, mention)
    starts.insert(at, key[0])
    keys.insert(at, key)
