"""Actors and places in one article: known names, armed forces, people found by their titles.

People nobody listed are found from context: a title before the name ("State Department
spokesperson Jane Roe", "NATO Secretary General Mark Rutte") or after it ("Jane Roe, a
spokesperson for the State Department"). Later, a surname alone ("Roe") is the same
person; a surname shared by two people, or a family name standing alone ("Kim"), is left
unlinked rather than merged wrongly.

>>> from kg.lexicon import load
>>> from kg.gazetteer import load as gazetteer
>>> text = "State Department spokesperson Jane Roe spoke on Monday. Roe left."
>>> index = find_actors(text, [Span.of(text, 0, 55), Span.of(text, 56, 65)], load("en"), gazetteer(), "en")
>>> p = index.actors["jane-roe"]
>>> p.type, p.title, p.affiliation, len(p.mentions)
('person', 'spokesperson', 'us-state-department', 2)
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ..gazetteer import Entry, Gazetteer
from ..lexicon import Lexicon
from ..model import Actor, Place, Span
from .patterns import either
from .spans import Cover
from .words import WordList

_NAME_TOKEN = re.compile(r"[A-Z][\w'’.-]*")
# One to six capitalised words; written to open with the capital, so the regex engine
# jumps from capital to capital instead of trying every position.
_POSSESSIVE = re.compile(r"['’]s$")
_WORD = re.compile(r"[\w'’.-]+")
_INITIAL = re.compile(r"[A-Z]\.")
_NEXT_WORD = re.compile(r" (?=\S)")
_ACRONYM = re.compile(r"\s*\([A-Z][\w.-]{0,9}\)")  # "Amerika Serikat (AS)"
_TITLE_OWNER_GAP = re.compile(r"(?:['’]s)?(?:\s+[a-z][\w-]*){0,2}\s*")
_HEAD_ENDS_NAME = re.compile(r" ([A-Z][\w-]*)(?! [A-Z])")  # "General Staff", not "juru bicara Dewan Keamanan"
_POSSESSOR_GAP = re.compile(r"['’]s\s+")  # "John Doe's chief of staff"
_LOWER_WORD = re.compile(r"\b[a-z][\w-]*")
_APPOSITION = re.compile(r"((?:[A-Z][\w'’.-]+ ){1,3}[A-Z][\w'’.-]+),\s*$")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+\b")


@dataclass(frozen=True)
class _Grammar:
    """The patterns and word sets a lexicon's actor data gives, built once per lexicon."""

    titles: dict[str, str]  # title word -> concept
    title_words: WordList
    org_anaphors: WordList
    direction_after: bool
    directions: tuple[tuple[str, re.Pattern], ...]  # (direction, its words next to a country)
    any_direction: re.Pattern  # a word of any direction (a direction without words: blanks alone)
    force_nouns: WordList
    force_gap: re.Pattern  # the blanks, qualifier and link word between a force noun and its country
    force_owner_gap: re.Pattern  # between a country and its force noun ("Ukraine's special operations")
    owned: re.Pattern  # a possessive right before a force noun ("its troops")
    org_heads: frozenset[str]
    org_run: re.Pattern  # capitalised words, perhaps joined by a link word ("Ministry of National Defense")
    name_links: frozenset[str]
    not_names: frozenset[str]
    particles: frozenset[str]
    title_link: re.Pattern
    determiner_before: re.Pattern
    determiner_after: re.Pattern  # ", a …" after a name: someone new
    definite_before: re.Pattern
    definite_after: re.Pattern
    name_only_titles: frozenset[str]
    plural_titles: frozenset[str]
    family_first: frozenset[str]
    speech_verbs: WordList  # reporting verbs written after their speaker ("said")
    quote_cues: WordList  # cues written before their speaker ("…," said X; "…," kata X)
    honorifics: frozenset[str]  # "Mr.", "Ms.": before a surname alone
    adjective_titles: frozenset[str]  # "official": before an organisation's name, it describes it
    not_in_roles: frozenset[str]  # "yang", "kepada": words between an owner and a title that part them


@lru_cache(maxsize=None)
def _grammar(lex: Lexicon) -> _Grammar:
    """The :class:`_Grammar` of ``lex`` (cached: do not change the lexicon)."""
    titles = {w: concept for concept, ws in lex.get("actors.titles", {}).items() for w in ws}
    after = lex.get("events.direction_after", "no") == "yes"
    directions = lex.get("events.directions", {})
    every = [w for words in directions.values() for w in words or [""]]
    determiners = either(lex.get("actors.determiners", [])) or "(?!)"
    return _Grammar(
        titles=titles,
        title_words=WordList(list(titles)),
        org_anaphors=WordList(lex.get("actors.org_anaphors", []), ignore_case=True),
        direction_after=after,
        directions=tuple((d, _direction_pattern(words, after)) for d, words in directions.items()),
        any_direction=_direction_pattern(every, after),
        force_nouns=WordList(lex.get("actors.force_nouns", []), ignore_case=True),
        force_owner_gap=re.compile(
            rf"(?:['’]s)?(?:\s+(?:{either(lex.get('actors.force_qualifiers', [])) or '(?!)'}))?\s*"),
        force_gap=re.compile(rf"\s+(?:(?:{either(lex.get('actors.force_qualifiers_after', [])) or '(?!)'})\s+)?"
                             rf"(?:(?:{either(lex.get('actors.force_links', [])) or '(?!)'})\s+)?", re.IGNORECASE),
        owned=re.compile(rf"\b(?:{either(lex.get('actors.possessives', [])) or '(?!)'})\s+$", re.IGNORECASE),
        org_heads=frozenset(lex.get("actors.org_heads", [])),
        org_run=re.compile(rf"[A-Z][\w'’-]*(?:(?:['’]s?)?\s+(?:(?:{either(lex.get('actors.name_links', [])) or '(?!)'})\s+)?"
                           rf"[A-Z][\w'’-]*){{0,5}}"),
        name_links=frozenset(lex.get("actors.name_links", [])),
        not_names=frozenset(lex.get("actors.not_names", [])),
        particles=frozenset(lex.get("actors.name_particles", [])),
        title_link=re.compile(rf" +(?:{either(lex.get('actors.title_links', [])) or '(?!)'}) +(?=\S)"),
        determiner_before=re.compile(rf"(?:^|\s)(?:{determiners})\s+$"),
        determiner_after=re.compile(rf",\s+(?:{determiners})\s"),
        definite_before=re.compile(
            rf"\b(?:{either(lex.get('actors.definite_before', [])) or '(?!)'})\s+(?:\S+\s+){{0,2}}$"),
        definite_after=re.compile(rf"\s+(?:{either(lex.get('actors.definite_after', [])) or '(?!)'})\b"),
        name_only_titles=frozenset(lex.get("actors.name_only_titles", [])),
        plural_titles=frozenset(lex.get("actors.plural_titles", [])),
        family_first=frozenset(lex.get("actors.family_name_first", [])),
        speech_verbs=WordList([w for r in lex.get("speech.verbs", []) for w in r["words"]]),
        quote_cues=WordList([w for r in lex.get("speech.quote_cues", []) for w in r["words"]]),
        honorifics=frozenset(lex.get("actors.honorifics", [])),
        adjective_titles=frozenset(lex.get("actors.adjective_titles", [])),
        not_in_roles=frozenset(lex.get("speech.relativizers", []) + lex.get("speech.prepositions", [])),
    )


def _direction_pattern(words: list[str], after: bool) -> re.Pattern:
    """One of ``words`` right after a country (``after``: matched on the text after it) or
    right before it (searched in the text before it)."""
    if after:
        return re.compile(rf"\s+(?:{either(words)})\b")
    return re.compile(rf"\b(?:{either(words)})\s+$")


@dataclass(frozen=True)
class Mention:
    """A mention of an actor or a place: where, which key, and how it was written."""

    span: Span
    key: str
    kind: str  # "actor" or "place"
    how: str = "name"  # name, surname, force, role, pronoun, alias


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
        self.grammar = _grammar(lex)
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


def find_actors(text: str, sentences: list[Span], lex: Lexicon, gaz: Gazetteer,
                language: str, skip: list[Span] = ()) -> ActorIndex:
    """Find every actor and place mention in the sentences of one article."""
    index = ActorIndex(text, lex, gaz, language)
    skipped = Cover((s.start, s.end, s) for s in skip)
    for sentence in sentences:
        for span, entry in gaz.find(text, sentence.start, sentence.end):
            if span.start not in skipped:
                index.add_entry(entry, span)
                if entry.type != "country":  # "South Korea's National Intelligence Service": South Korea too
                    for inner, country in gaz.inside(text, span):
                        if country.type == "country" and (inner.start, inner.end) != (span.start, span.end):
                            index.add_entry(country, inner)
        _directions(index, sentence)
        _forces(index, sentence)
        _organisations(index, sentence)
        _owned_organisations(index, sentence)
        _people(index, sentence)
        _named_speakers(index, sentence)
    surnames = _surname_table(index)  # the people are all known by now: read them once
    for sentence in sentences:
        _surnames(index, sentence, surnames)
        _org_anaphors(index, sentence)
    return index


def _org_anaphors(index: ActorIndex, sentence: Span) -> None:
    """'the agency', 'kementerian itu': the organisation named last before it."""
    for m in index.grammar.org_anaphors.finditer(index.text, sentence.start, sentence.end):
        if index.at(m.start()) or index.around(m.start()):
            continue
        key = index.last(m.start(), ("organization",))
        if key:
            index.add_actor(key, index.actors[key].label, "organization", Span.of(index.text, m.start(), m.end()), "alias")


def _directions(index: ActorIndex, sentence: Span) -> None:
    """'Rusia timur' / 'eastern Russia': a part of a country, as a place."""
    text, grammar = index.text, index.grammar
    after = grammar.direction_after
    countries = [m for m in index.within(sentence.start, sentence.end)
                 if m.key in index.gaz.entries and index.gaz.entries[m.key].type == "country"]
    # Only a country next to a word of any direction is looked at for each direction (a
    # direction without words, whose pattern matches blanks alone, counts as an empty word).
    countries = [m for m in countries if _direction_at(text, sentence, m, after, grammar.any_direction)]
    for direction, words in grammar.directions:
        for m in countries:
            hit = _direction_at(text, sentence, m, after, words)
            if hit:
                span = Span.of(text, m.span.start, m.span.end + hit.end()) if after else \
                    Span.of(text, sentence.start + hit.start(), m.span.end)
                index.add_place(f"{m.key}-{direction}", span.text, span, part_of=m.key)


def _direction_at(text: str, sentence: Span, country: Mention, after: bool, words: re.Pattern) -> re.Match | None:
    """One of ``words`` (see :func:`_direction_pattern`) right after the country (``after``)
    or right before it."""
    if after:
        return words.match(text[country.span.end:sentence.end])
    return words.search(text[sentence.start:country.span.start])


def _forces(index: ActorIndex, sentence: Span) -> None:
    """'pasukan Korea Utara', 'North Korean troops', 'troops from North Korea'; not 'its troops'."""
    text = index.text
    for m in index.grammar.force_nouns.finditer(text, sentence.start, sentence.end):
        if index.grammar.owned.search(text, max(sentence.start, m.start() - 8), m.start()):
            continue  # "its troops from Russia": whose they are is said before, not after
        country = _country_after(index, m.end()) or _country_before(index, m.start(), sentence.start)
        if not country:
            continue
        span = Span.of(text, min(m.start(), country.span.start), max(m.end(), country.span.end))
        index.add_actor(f"{country.key}-armed-forces", span.text, "armed_force", span, "force",
                        affiliation=country.key)


def _organisations(index: ActorIndex, sentence: Span) -> None:
    """Organisations nobody listed, by their head word: "the Central Military Commission",
    "Dewan Keamanan Nasional": two to six capitalised words, one of them a head word."""
    heads = index.grammar.org_heads
    if not heads:
        return
    text = index.text
    written = text[sentence.start:sentence.end]
    if not any(head in written for head in heads):  # a name needs one of them
        return
    not_names = index.grammar.not_names
    for m in index.grammar.org_run.finditer(written):
        start, words = sentence.start + m.start(), m.group().split()
        owner, owned_from = "", None  # whose it is, and where its owner is written
        while words:
            known = index.at(start)
            if known and len(words) > 2 and heads & set(words) and known.span.end < start + len(" ".join(words)) \
                    and index.actors[known.key].type in ("organization", "country"):
                owner, n = known.key, len(text[start:known.span.end].split())  # "UN General Assembly": the UN's
                owned_from = start if owned_from is None else owned_from
                start += len(" ".join(words[:n])) + 1
                words = words[n:]
                continue
            if not (_POSSESSIVE.search(words[0]) or (words[0] in not_names or index.title_concept(words[0]))
                    and (len(words) != 2 or words[1] not in heads or index.grammar.determiner_before.match(
                        f" {words[0].casefold()} "))):  # "Foreign Ministry", "General Staff" kept whole
                break  # (a head word that ends the name; not "Sekretaris Dewan Keamanan …", whose head begins it)
            if _POSSESSIVE.search(words[0]):  # "Ukraine's General Staff": owned by Ukraine
                hit = index.at(start) or index.at(start, "place")
                owner = hit.key if hit else owner
                owned_from = start if owned_from is None else owned_from
            start += len(words[0]) + 1
            words = words[1:]
        taken = index._starts[bisect_left(index._starts, start):bisect_left(index._starts, start + len(" ".join(words)))]
        if taken:  # "Dewan Keamanan Nasional Gedung Putih": stop where a known name begins
            words = text[start:min(taken)].split()
        while words and words[-1] in index.grammar.name_links:
            words.pop()  # "the Ministry of Defence of Ruritania": not "… of"
        if len(words) < 2 or not heads & set(words) or index.at(start) or index.at(start, "place"):
            continue
        name = " ".join(words).rstrip(",")
        span = Span.of(text, start, start + len(name))
        if index.overlapping(span.start, span.end) or any(
                t.start() <= span.start < t.end() and text[t.end():span.end].split()[:1] != words[1:2]
                for t in index.grammar.title_words.finditer(text, sentence.start, span.end)):
            continue  # a known name, or part of a title ("Kepala Staf Umum"; not the title word of "General Staff")
        country = index.at(span.end + 1)
        if country and index.actors[country.key].type == "country" and index.grammar.direction_after:
            owner = owner or country.key  # "Kantor Kepresidenan Korea Selatan"
            span = Span.of(text, start, country.span.end)
            name = span.text
        label = text[owned_from:span.end] if owner and owned_from is not None else name  # "Ukraine's General Staff"
        owner = index.gaz.entries[owner].capital_of or owner if owner in index.gaz.entries else owner
        index.add_actor(slug(f"{owner} {name}" if owner else name), label, "organization", span,
                        affiliation=owner)


def _owned_organisations(index: ActorIndex, sentence: Span) -> None:
    """"Russia's foreign ministry", "Ukraine's military intelligence agency": a country's
    organisation written in lowercase, its head word last after at most three words."""
    text, heads = index.text, {h.casefold() for h in index.grammar.org_heads}
    for m in index.within(sentence.start, sentence.end):
        gap = _POSSESSOR_GAP.match(text, m.span.end)
        if index.actors[m.key].type != "country" or not gap:
            continue
        start = gap.end()
        words = list(_LOWER_WORD.finditer(text, start, min(sentence.end, start + 60)))[:4]
        last = next((i for i, w in enumerate(words) if w.group().casefold() in heads), None)
        if last is None or words[0].start() != start \
                or any(text[a.end():b.start()] != " " for a, b in zip(words[:last], words[1:last + 1])):
            continue
        span = Span.of(text, start, words[last].end())
        if index.overlapping(span.start, span.end):
            continue  # a name the gazetteer or the titles know already
        index.add_actor(slug(f"{m.key} {span.text}"), text[m.span.start:span.end], "organization", span, affiliation=m.key)


def _country_after(index: ActorIndex, pos: int) -> Mention | None:
    """The country named right after a force noun ("pasukan Korea Utara", "troops from
    Ruritania", "pasukan lintas udara Ruritania"), or the state of a capital there ("pasukan Pyongyang")."""
    gap = index.grammar.force_gap.match(index.text[pos:pos + 40])
    at = pos + (gap.end() if gap else 0)
    hit = index.at(at)
    if hit and index.actors[hit.key].type == "country":
        return hit
    capital = index.at(at, "place")
    return next(iter(index.speaking_states(capital.span.start, capital.span.end)), None) if capital else None


def _country_before(index: ActorIndex, pos: int, floor: int) -> Mention | None:
    """The country named right before a force noun ("Ukraine's military", "Russia's own
    forces"), or the state of a capital there ("Pyongyang's troops")."""
    for m in index.within(floor, pos):
        gap = index.text[m.span.end:pos]
        if index.grammar.force_owner_gap.fullmatch(gap) and index.actors[m.key].type == "country":
            return m
    for m in index.within(floor, pos, "place"):
        if index.grammar.force_owner_gap.fullmatch(index.text[m.span.end:pos]):
            return next(iter(index.speaking_states(m.span.start, m.span.end)), None)
    return None


def _named_speakers(index: ActorIndex, sentence: Span) -> None:
    """People named with no title where they speak: right before a reporting verb ("Valery
    Gerasimov claimed", "…, Valery Gerasimov, said", "Mr. Gerasimov said") or right after a
    quote cue ("…," said Valery Gerasimov; "…," kata Valery Gerasimov)."""
    text, grammar = index.text, index.grammar
    for verb in grammar.speech_verbs.finditer(text, sentence.start, sentence.end):
        last = text[max(sentence.start, verb.start() - 40):verb.start()].rstrip(" ,").rsplit(" ", 1)[-1]
        if not last[:1].isupper():  # most verbs follow no capitalised word: nothing to read
            continue
        before = _NAME_BEFORE.search(text, max(sentence.start, verb.start() - 80), verb.start())
        if before:
            words = before.group("name").split()
            honorific = before.group("honorific")
            if len(words) >= 2 or honorific and honorific in grammar.honorifics:
                _add_person(index, Span.of(text, before.start("name"), before.end("name")), single=len(words) == 1)
    for cue in grammar.quote_cues.finditer(text, sentence.start, sentence.end):
        name = _name_at(index, cue.end(), sentence.end)
        if name and _AFTER_NAME.match(text, name.end):
            _add_person(index, name)


def _add_person(index: ActorIndex, name: Span, single: bool = False) -> None:
    """Record ``name`` as a person unless some actor or place already holds it, or a word of it
    cannot begin or belong to a name."""
    if index.overlapping(name.start, name.end):
        return
    if not single and _name_at(index, name.start, name.end) != name:  # "Central Military" (Commission)
        return
    if single and name.text in index.grammar.not_names:
        return
    index.add_actor(slug(name.text), name.text, "person", name, "name")


# a capitalised name of one to four words (after an optional honorific) ending where a
# reporting verb begins, perhaps set off by commas: "Valery Gerasimov claimed", ", Jane Roe, said"
_NAME_BEFORE = re.compile(r"(?:(?P<honorific>\b[A-Z][a-z]{1,3}\.)\s+)?"
                          r"(?P<name>\b[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’.-]*|[a-z]{2,3})){0,3}(?<![.,]))"
                          r",?\s+$")
_AFTER_NAME = re.compile(r"\s*(?:[.,;]|$)")  # '…," said Jane Roe.' ends the sentence or clause


def _name_at(index: ActorIndex, pos: int, end: int) -> Span | None:
    """A person name of 2-4 capitalised words starting at ``pos``."""
    text = index.text
    particles = index.grammar.particles
    not_names = index.grammar.not_names
    while pos < end and text[pos] in " ,":
        pos += 1
    words, cur = [], pos
    while cur < end and len(words) < 4:
        m = _WORD.match(text, cur)
        if not m:
            break
        word = m.group().rstrip(".") if not _INITIAL.fullmatch(m.group()) else m.group()
        if not (_NAME_TOKEN.fullmatch(word) or (words and word in particles)):
            break
        if not words and (word in not_names or index.at(cur) or index.at(cur, "place")):
            break
        if index.title_concept(word) or word in index.grammar.org_heads:
            break
        words.append((m.start(), m.start() + len(word)))
        cur = m.start() + len(word)
        if not _NEXT_WORD.match(text[cur:cur + 2]):
            break
        cur += 1
    while words and text[words[-1][0]:words[-1][1]] in particles:
        words.pop()
    if len(words) < 2:
        return None
    return Span.of(text, words[0][0], words[-1][1])


def _affiliation(index: ActorIndex, start: int, end: int) -> tuple[str, int, str]:
    """After a title: the organisation or country it belongs to, where it ends, and a
    principal ("juru bicara Sekjen PBB": the secretary-general of the UN)."""
    pos, affiliation, principal = start, "", ""
    titles = index.grammar.title_words.pattern
    while pos < end:
        link = index.grammar.title_link.match(index.text[pos:end])
        if link:  # "spokesperson for NATO"
            pos += link.end() - 1
        gap = len(index.text[pos:end]) - len(index.text[pos:end].lstrip(" "))
        hit = index.at(pos + gap)
        if hit and index.actors[hit.key].type in ("organization", "country", "armed_force"):
            affiliation, pos = hit.key, hit.span.end
            continue
        acronym = _ACRONYM.match(index.text[pos:end])
        if acronym and affiliation:
            pos += acronym.end()
            continue
        if hit and index.actors[hit.key].type == "person":
            if principal == hit.key:  # "spokesperson for NATO Secretary General Jane Roe": the principal, named
                return affiliation, hit.span.end, principal
            return affiliation, pos, principal
        title = titles.match(index.text, pos + gap)
        if title and not principal:
            org, after, _ = _affiliation(index, title.end(), end)
            principal = _holder(index, index.title_concept(title.group()), org or affiliation)
            named = index.at(after + len(index.text[after:end]) - len(index.text[after:end].lstrip(" ")))
            if not principal and named and index.actors[named.key].type == "person":
                principal = named.key  # "chief of staff to President Jane Roe": the president, named
            affiliation, pos = org or affiliation, after
            continue
        break
    return affiliation, pos, principal


def _holder(index: ActorIndex, concept: str, org: str) -> str:
    """The known person who holds title ``concept`` in ``org`` (for spokespeople's principals)."""
    for entry in index.gaz.entries.values():
        if entry.type == "person" and entry.affiliation == org and any(
            index.title_concept(t) == concept for t in entry.titles.values()
        ):
            return entry.key
    return ""


def _people(index: ActorIndex, sentence: Span) -> None:
    text, consumed = index.text, sentence.start
    for m in index.grammar.title_words.finditer(text, sentence.start, sentence.end):
        if m.start() < consumed:  # a title inside another's affiliation ("juru bicara Sekjen PBB")
            continue
        if any(index.actors.get(x.key) and index.actors[x.key].type == "organization"
               for x in index.around(m.start())):
            continue  # "the General Staff": part of an organisation's name, not a general
        title = m.group()
        if (head := _HEAD_ENDS_NAME.match(text, m.end())) and head.group(1) in index.grammar.org_heads:
            continue  # "the General Assembly", "General Staff": a word of an organisation's name
        ahead = index.at(m.end())
        if title in index.grammar.adjective_titles and ahead and index.actors[ahead.key].type in ("organization", "country"):
            continue  # "the official Korean Central News Agency": a word that describes it, not a person
        before_org = _org_before(index, m.start(), sentence.start)
        affiliation, after, principal = _affiliation(index, m.end(), sentence.end)
        consumed = after
        affiliation = affiliation or before_org
        known = index.at(after + len(text[after:sentence.end]) - len(text[after:sentence.end].lstrip(" ")))
        if known and index.actors[known.key].type == "person" and known.key != principal:
            actor = index.actors[known.key]
            actor.title = actor.title or title
            continue
        name = _name_at(index, after, sentence.end)
        if name is None:
            lead = index.within(sentence.start, m.start())
            owner = lead[-1] if lead and (before_org or _POSSESSOR_GAP.fullmatch(text[lead[-1].span.end:m.start()])) \
                else None  # "Jane Roe, John Doe's chief of staff": the name is before the owner
            lead_start = owner.span.start if owner else m.start()
            article = index.grammar.determiner_before.search(text[sentence.start:lead_start])
            name = _apposition_name(index, sentence.start + article.start() if article else lead_start, sentence.start)
            if name and owner and not principal and index.actors[owner.key].type == "person":
                principal = owner.key
        if name is None:
            role = Span.of(text, m.start(), after)
            org = _org_mention_before(index, m.start(), sentence.start)
            parted = text[sentence.start:m.start()].split()[-1:]  # "… NIS kepada anggota parlemen"
            if org and not before_org and not affiliation and not (parted and parted[0] in index.grammar.not_in_roles):
                affiliation = org.key  # "At the Pentagon, a spokesperson said"
            adjacent = next((x for x in reversed(index.within(sentence.start, m.start())) if x.key == before_org), None)
            if adjacent:  # "Pentagon spokesperson", "Ukrainian officials": the name before the title is in the role
                role = Span.of(text, adjacent.span.start, after)
                label = role.text.strip()
            elif org and org.key == affiliation and role.text.strip() == title:  # "At the Pentagon, a spokesperson"
                label = index.lex.get("actors.role_label", "{title} {org}").format(title=title, org=org.span.text)
            else:
                label = role.text.strip()
            holder = _holder(index, index.title_concept(title), affiliation) or _definite(index, m, after, affiliation)
            if holder in index.gaz.entries:  # "Sekjen PBB": the known person who holds the title
                index.add_entry(index.gaz.entries[holder], role, "role")
            elif holder:
                index.add_actor(holder, index.actors[holder].label, "person", role, "role")
            elif affiliation and title not in index.grammar.name_only_titles:  # "a Pentagon spokesperson"
                plural = title in index.grammar.plural_titles  # "Ukrainian officials"
                index.add_actor(f"{affiliation}-{slug(title if plural else index.title_concept(title))}", label,
                                "group" if plural else "person", role, "role", title=title, affiliation=affiliation,
                                principal=principal or affiliation)
            continue
        key = index.person_by_name(name.text) or slug(name.text)
        index.add_actor(key, name.text, "person", name, title=title,
                        affiliation=affiliation, principal=principal)


def _definite(index: ActorIndex, title: re.Match, after: int, affiliation: str) -> str:
    """'The Ukrainian leader', 'juru bicara itu': a definite role is the person of that
    affiliation last named."""
    text = index.text
    before = text[max(0, title.start() - 30):title.start()]
    definite = index.grammar.definite_before.search(before) \
        or index.grammar.definite_after.match(text[after:after + 12])
    if not definite or not affiliation:
        return ""
    for m in reversed([m for m in index.mentions if m.span.end <= title.start() and m.kind == "actor"]):
        actor = index.actors[m.key]
        entry = index.gaz.entries.get(m.key)
        if actor.type == "person" and affiliation in (actor.affiliation, entry.affiliation if entry else ""):
            return m.key
    return ""


def _org_mention_before(index: ActorIndex, pos: int, floor: int) -> Mention | None:
    """The organisation named last before ``pos`` in the sentence."""
    orgs = [m for m in index.within(floor, pos) if index.actors[m.key].type == "organization"]
    return orgs[-1] if orgs else None


def _org_before(index: ActorIndex, pos: int, floor: int) -> str:
    """'NATO Secretary General', 'Pentagon spokesperson': an organisation right before a title."""
    for m in reversed(index.within(floor, pos)):
        gap = index.text[m.span.end:pos]
        if _TITLE_OWNER_GAP.fullmatch(gap) and not index.grammar.not_in_roles & set(gap.split()) \
                and index.actors[m.key].type in ("organization", "country"):  # "US defense official"
            return m.key  # (not "Korea Selatan yang dipimpin penasihat …", "NIS kepada anggota parlemen")
    return ""


def _apposition_name(index: ActorIndex, title_start: int, floor: int) -> Span | None:
    """'Jane Roe, a spokesperson …': a name just before a comma and a title."""
    head = index.text[floor:title_start]
    m = _APPOSITION.search(head.rstrip())
    if not m:
        return None
    return _name_at(index, floor + m.start(1), floor + m.end(1))


def _surname_table(index: ActorIndex) -> dict[str, set[str]]:
    """The people named with more than one word, by their surname (and, for a family name
    written first, by that name too)."""
    people = [a for a in index.actors.values() if a.type == "person" and " " in a.label]
    first_family = index.grammar.family_first
    by_last: dict[str, set[str]] = {}
    for person in people:
        for label in {person.label, *person.labels.values()}:
            by_last.setdefault(label.split()[-1], set()).add(person.key)
            if label.split()[0] in first_family:  # "Kim" for "Kim Jong Un"
                by_last.setdefault(label.split()[0], set()).add(person.key)
    return by_last


def _surnames(index: ActorIndex, sentence: Span, by_last: dict[str, set[str]]) -> None:
    """'Roe' after 'Jane Roe': the same person. A surname two people share stays unlinked."""
    written = index.text[sentence.start:sentence.end]
    if not any(name in written for name in by_last):  # most sentences name nobody again
        return
    for m in _CAPITALISED.finditer(written):
        keys = by_last.get(m.group(), ())
        start = sentence.start + m.start()
        if len(keys) != 1 or index.around(start):
            continue
        introduced = index.grammar.determiner_after.match(index.text, start + len(m.group()))
        if introduced:  # "Kim, a defector living in Seoul": someone new, not the Kim named before
            continue
        index.add_actor(next(iter(keys)), m.group(), "person", Span.of(index.text, start, start + len(m.group())), "surname")
