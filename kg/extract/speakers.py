"""Who speaks: the speaker of a statement cue, and to whom it is said.

Before a cue ("X said", "X dan Y mendesak") the speaker is the subject, the actors joined
by "and" or "dan", not those inside a relative clause, a prepositional phrase or an
apposition; after one ('"…," said X') a pronoun, a known actor, a person named after a
title, a group ("lawmakers"), or a new name. A role with no name ("the spokesperson") is
the person last named with that title. Speakers found from context are added to the actor
index as one more mention.

>>> from kg.lexicon import load
>>> from kg.gazetteer import load as gazetteer
>>> from kg.extract.actors import find_actors
>>> from kg.extract.speech import ReadingState
>>> text = "Defense Secretary John Doe and State Department spokesperson Jane Roe said the talks would go on."
>>> lex = load("en")
>>> index = find_actors(text, [Span.of(text, 0, len(text))], lex, gazetteer(), "en")
>>> speakers, mention = subject(text, 0, text.index(" said"), lex, index, ReadingState())
>>> speakers, mention.text
(['john-doe', 'jane-roe'], 'John Doe and State Department spokesperson Jane Roe')
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..lexicon import Lexicon
from ..model import Span
from .actor_index import ActorIndex, Mention, slug
from .patterns import by_first_letter
from .people import name_at
from .speech_grammar import speech_grammar

WORD = re.compile(r"[\w.'’-]+")
_WORD_OR_MARK = re.compile(r"[\w.'’-]+|\S")
_CLAUSE_END = re.compile(r",|(?<!\b[A-Z])\.")  # a comma, or a full stop not of an initialism ("U.S.")


def subject(text, start, end, lex, index, state, inside=()) -> tuple[list[str], Span | None]:
    """The speaker(s) before a speaker-first cue: the nearest actor that is not inside a
    quotation, a relative clause ("X, yang …, mendesak") or a prepositional phrase ("di markas
    NATO"); a person named in the subject wins over an actor further from the verb."""
    antecedent = _antecedent(text, start, end, lex, index)
    if antecedent:  # "… kepada Kim Jong Un, yang tidak pernah mengakui …": Kim, who acknowledged nothing
        return [antecedent.key], antecedent.span
    opened = _clause_subject(text, start, end, lex, index)
    if opened:  # "… pictures that South Korea says show …": South Korea, the subject of its own clause
        return [opened.key], opened.span
    head = _before_restrictive(text, start, end, lex)
    if head is not None:  # "Lawmakers who were briefed by the agency said …": the lawmakers
        found = subject(text, start, head, lex, index, state, inside)
        if found[0]:
            return found
    hidden = relative_clauses(text, start, end, lex)
    mentions = [m for m in index.within(start, end)
                if (index.actors[m.key].type != "armed_force" or _subject_gap(text, m.span.end, end))
                and not any(q.start <= m.span.start < q.end for q in inside)
                and not any(a <= m.span.start < b for a, b in hidden)
                and not _after_preposition(text, m.span.start, start, lex, index)]
    mentions = [m for m in mentions if not any(o is not m and o.span.start <= m.span.start and m.span.end <= o.span.end
                                               and o.span != m.span for o in mentions)]  # the role, not the name in it
    if not mentions:  # "Seoul urged …": a capital speaking for its state
        mentions = [m for m in index.speaking_states(start, end) if _subject_gap(text, m.span.end, end)
                    and not _after_preposition(text, m.span.start, start, lex, index)]
    if not mentions:  # "The spokesperson added", "Juru bicara itu menambahkan": the one named before
        role = role_anaphor(text, start, end, lex, index, state)
        if role:
            return role
        document = speech_grammar(lex).statement_nouns.search(text, max(start, end - 30), end)
        between = [w for w in text[document.end():end].split() if w not in speech_grammar(lex).definite_after] \
            if document else ["-"]
        if document and state.speakers and not between:  # "the statement said", "pernyataan itu menyebut": its author
            return list(state.speakers), None
    unnamed = _role_phrase(text, start, end, lex) \
        if not any(index.actors[m.key].type == "person" for m in mentions) else None
    if unnamed and all(m.span.start >= unnamed.start for m in mentions):
        return _by_role(unnamed, index)  # "Seorang pengamat militer di Seoul memperkirakan …": the observer
    group, kind = (None, "") if pronoun_before(text, start, end, lex) else \
        _group_speaker(text, start, end, lex, index) or (None, "")
    if group and not any(m.span.start >= group.end or m.span.start <= group.start < m.span.end
                         for m in mentions):  # "…, the lawmakers said" (not "Ukrainian officials", known)
        return _by_role(group, index, kind)
    people = _apposition_head(text, [m for m in mentions if index.actors[m.key].type == "person"], end)
    if people:  # the last named, and those joined to it ("Jane Roe and Defense Secretary John Doe")
        joined = [people[-1]]
        for person in reversed(people[:-1]):
            if not _joined_by(text, person.span.end, joined[0].span.start, lex, index):
                break
            joined.insert(0, person)
        keys = list(dict.fromkeys(m.key for m in joined))
        return keys, Span.of(text, joined[0].span.start, joined[-1].span.end)
    if mentions and _subject_gap(text, mentions[-1].span.end, end):
        mentions = _group_before(text, mentions, lex)
    pronoun = speech_grammar(lex).pronouns.search(text, start, end)
    if pronoun and not mentions:
        return list(state.speakers) or last_person(index, start), Span.of(text, pronoun.start(), pronoun.end())
    if not mentions:
        return [], None
    joined = speech_grammar(lex).conjunctions
    keys, last = [mentions[0].key], mentions[0]
    for m in mentions[1:]:
        gap = text[last.span.end:m.span.start]
        if joined.fullmatch(gap.strip()) and m.key not in keys:
            keys.append(m.key)
            last = m
        elif gap.strip(" ()") == "" or m.key in keys:  # "Amerika Serikat (AS)"
            if gap == " " and index.actors[m.key].affiliation == keys[-1]:
                keys[-1] = m.key  # "the Russian Foreign Ministry": the ministry, Russia's
            last = m
    return keys, Span.of(text, mentions[0].span.start, last.span.end)


def _antecedent(text: str, start: int, end: int, lex: Lexicon, index: ActorIndex):
    """The actor a relative clause that holds the cue at ``end`` is about: the one named right
    before its comma ("… to Kim Jong Un, who has never acknowledged …"); ``None`` without one."""
    clause = speech_grammar(lex).open_relative.search(text, start, end)
    if clause is None:
        return None
    comma = len(text[:clause.start()].rstrip())
    before = [m for m in index.within(start, comma) if m.span.end == comma]
    if before:  # "Valery Gerasimov, chief of Russia's general staff, who told …": the apposition's head
        first = text.rfind(",", start, before[0].span.start)
        head = [m for m in index.within(start, first) if m.span.end == first and index.actors[m.key].type == "person"]
        if head and comma - first < 80:
            return head[0]
    return before[0] if before else None


def _apposition_head(text: str, people: list, end: int) -> list:
    """The people before a cue, those named inside an apposition set off right before it left
    out: in "Jane Roe, John Doe's chief of staff, said" Roe speaks, not Doe."""
    second = text.rfind(",", 0, end)
    if len(people) < 2 or text[second + 1:end].strip() or people[-1].span.start < second - 120:
        return people
    first = text.rfind(",", people[0].span.end, second)
    heads = [p for p in people if p.span.end <= first and not text[p.span.end:first].strip()]
    if heads and all(first < p.span.start < second for p in people if p.span.start > heads[-1].span.start):
        return [p for p in people if p.span.start <= heads[-1].span.start]
    return people


def _joined_by(text: str, start: int, end: int, lex: Lexicon, index: ActorIndex) -> bool:
    """Whether ``text[start:end]``, between two people, is "and" / "dan", with perhaps a title
    and its organisation after it ("and Defense Secretary", "dan Menteri Pertahanan")."""
    word = WORD.search(text, start, end)
    if not word or word.group().casefold() not in speech_grammar(lex).joins or text[start:word.start()].strip():
        return False
    return _a_title(text, word.end(), end, index, empty=True)


def _clause_subject(text: str, start: int, end: int, lex: Lexicon, index: ActorIndex):
    """The actor right before the cue at ``end`` that a relative pronoun or "that" opens a clause
    with ("pictures that South Korea says show …", "figures which Seoul says are too low"), if
    one does: that clause's subject."""
    before = [m for m in index.within(start, end) if not text[m.span.end:end].strip()]
    if not before:
        return None
    lead = text[max(start, before[-1].span.start - 12):before[-1].span.start].split()[-1:]
    return before[-1] if lead and lead[0].casefold() in speech_grammar(lex).clause_openers else None


def relative_clauses(text: str, start: int, end: int, lex: Lexicon) -> list[tuple[int, int]]:
    """Stretches ', yang … ,' / ', which … ,' before a cue: their actors are not its subject."""
    if text.count(",", start, end) < 2:  # each stretch is between two commas: mostly there are none
        return []
    return [(start + m.start(), start + m.end())
            for m in speech_grammar(lex).relative_clause.finditer(text[start:end])]


def _before_restrictive(text: str, start: int, end: int, lex: Lexicon) -> int | None:
    """Where a relative clause set off by no comma, running up to the cue, begins ("Officials
    who met the president said", "Lawmakers who attended the session said"), when a subject
    stands before it in the same clause and the cue is not the clause's own verb."""
    grammar = speech_grammar(lex)
    clause = max(start, text.rfind(",", start, end) + 1)
    hit = grammar.relativizer.search(text, clause, end)
    if not hit or not text[clause:hit.start()].strip():
        return None
    inside = [w for w in WORD.findall(text, hit.end(), end) if w.casefold() not in grammar.auxiliaries]
    return hit.start() if inside else None  # not "Lawmakers who were briefed by …": the cue is the clause's


def _after_preposition(text: str, pos: int, floor: int, lex: Lexicon, index: ActorIndex) -> bool:
    """An actor one or two words after a preposition ("di markas NATO", "to the Pentagon"), or a
    country set off by commas after a place so named ("in Fiuggi, Italy,"); not a name after a
    title that holds one ("chief of staff Andriy Yermak")."""
    floor = max(floor, pos - 40)
    before = text[floor:pos]
    segment = before[before.rfind(",") + 1:]
    country = index.at(pos) if not segment.strip() and "," in before else None
    if country and index.actors[country.key].type == "country" \
            and text[country.span.end:country.span.end + 1] == ",":  # "in Fiuggi, Italy, said": where Fiuggi is
        head = before[:before.rfind(",")]
        hit = _preposition_before(lex).search(head[head.rfind(",") + 1:] + " ")
        return bool(hit) and all(w[:1].isupper() for w in hit.group().split()[1:])
    if not _preposition_before(lex).search(segment):
        return False
    title = next((m for m in reversed(index.grammar.title_words.finditer(text, floor, pos))
                  if not text[m.end():pos].strip()), None)
    if title is None:
        return True
    before = text[floor:title.start()]
    return bool(_preposition_before(lex).search(before[before.rfind(",") + 1:]))


@lru_cache(maxsize=None)
def _preposition_before(lex: Lexicon) -> re.Pattern:
    """A preposition and at most two more words, at the end of a text ("of the ruling") (cached)."""
    words = by_first_letter(lex.get("speech.prepositions", []))
    return re.compile(rf"(?<![\w-])(?:{words or '(?!)'})\s+(?:[\w'’-]+\s+){{0,2}}$")


def _group_before(text: str, mentions: list, lex: Lexicon) -> list:
    """The last mention and those joined to it by 'and' or an acronym in brackets."""
    joined = speech_grammar(lex).conjunctions
    group = [mentions[-1]]
    for m in reversed(mentions[:-1]):
        gap = text[m.span.end:group[0].span.start].strip()
        if joined.fullmatch(gap) or gap.strip(" ()") == "" or m.key == group[0].key:
            group.insert(0, m)
        else:
            break
    return group


def pronoun_before(text: str, start: int, end: int, lex: Lexicon) -> bool:
    return bool(speech_grammar(lex).pronouns.search(text, start, end))


def _group_speaker(text, start, end, lex, index) -> tuple[Span, str] | None:
    """Where a plural speaker with no name stands right before the cue, and the type of actor
    to record it as: a group, or a person for one of them ("one of the lawmakers", "salah satu
    tawanan")."""
    grammar = speech_grammar(lex)
    hit = None
    for hit in grammar.group_speakers.finditer(text, start, end):
        pass
    if hit is None or not _subject_gap(text, hit.end(), end):
        return None
    one = grammar.one_of.search(text, max(start, hit.start() - 20), hit.start())
    return Span.of(text, one.start() if one else hit.start(), hit.end()), "person" if one else "group"


def role_person(text, start, end, lex, index) -> tuple[list[str], Span] | None:
    """Someone known only by a role, introduced as one ("a researcher at an institute in
    Ruritania", "seorang pengamat militer di ibu kota"), right before ``end`` (a cue): a
    person actor labelled with the role and what describes it (:func:`_role_phrase`),
    recorded as a mention.

    >>> from kg.lexicon import load
    >>> from kg.gazetteer import load as gazetteer
    >>> from kg.extract.actors import find_actors
    >>> text = "A researcher at a security institute in Seoul believes more troops will come."
    >>> lex = load("en")
    >>> index = find_actors(text, [Span.of(text, 0, len(text))], lex, gazetteer(), "en")
    >>> role_person(text, 0, text.index(" believes"), lex, index)
    (['researcher-at-a-security-institute-in-seoul'], Span(start=2, end=45, text='researcher at a security institute in Seoul'))
    """
    span = _role_phrase(text, start, end, lex)
    return _by_role(span, index) if span else None


def _role_phrase(text, start, end, lex, first: bool = False, bare: bool = False) -> Span | None:
    """The last role introduced as one before ``end`` (or the ``first`` after ``start``; or,
    ``bare``, one at ``start`` perhaps with no "a"), with what describes it, up to a comma, a
    relative clause, an addressee or ``end``."""
    grammar = speech_grammar(lex)
    hit = None
    if bare:
        hit = grammar.bare_roles.match(text, start, end)
    else:
        for hit in grammar.introduced_roles.finditer(text, start, end):
            if first:
                break
    if hit is None:
        return None
    stop = grammar.role_phrase_end.search(text, hit.end("role"), end)
    words = text[hit.start("role"):stop.start() if stop else end].rstrip(" .").split()
    while len(words) > 1 and words[-1].casefold() in grammar.auxiliaries:
        words.pop()  # "seorang pengamat … juga memperkirakan"
    span = Span.of(text, hit.start("role"), hit.start("role") + len(" ".join(words)))
    return span if span.text and " ".join(words) == span.text else None


def _by_role(span: Span, index: ActorIndex, type_: str = "person") -> tuple[list[str], Span]:
    """Record the person (or group) known by the role written at ``span`` ("researcher at …",
    "lawmakers"), labelled with it; its key and the span, as a speaker is returned."""
    label = span.text[0].lower() + span.text[1:]
    key = slug(label)
    index.add_actor(key, label, type_, span, "role")
    return [key], span


def role_anaphor(text, start, end, lex, index, state) -> tuple[list[str], Span] | None:
    """A definite role right before the cue is the person last named with that title (or the
    last speaker), and is recorded as one more mention of them."""
    hit = None
    for hit in speech_grammar(lex).role_speakers.finditer(text, start, end):
        pass
    if hit is None or not _subject_gap(text, hit.end(), end):
        return None
    concept = next((index.title_concept(w) for w in index.grammar.title_words.pattern.findall(hit.group())), "")
    people = [m for m in reversed(index.mentions) if m.span.end <= hit.start() and m.kind == "actor"
              and index.actors[m.key].type == "person"]
    titled = [m for m in people if concept and index.title_concept(index.actors[m.key].title or "") == concept]
    key = (titled or people)[0].key if (titled or people) else (state.speakers[0] if state.speakers else "")
    if not key:
        return None
    span = Span.of(text, hit.start(), hit.end())
    index.add_actor(key, index.actors[key].label, index.actors[key].type, span, "role")
    return [key], span


def _subject_gap(text: str, pos: int, cue: int) -> bool:
    """Only a few words (an adverb, a time) between a subject and its cue."""
    return len(text[pos:cue].split()) <= 4


def speaker_at(text, pos, end, lex, index, state) -> tuple[list[str], Span | None]:
    """The speaker right after a quote-first cue: a pronoun, a known actor, or a new name."""
    pronoun = speech_grammar(lex).pronouns.pattern.match(text, pos + len(text[pos:end]) - len(text[pos:end].lstrip()))
    if pronoun:
        return list(state.speakers) or last_person(index, pos), Span.of(text, pronoun.start(), pronoun.end())
    start = pos + len(text[pos:end]) - len(text[pos:end].lstrip())
    titled = titled_person(text, start, end, index)
    if titled:  # "kata juru bicara Kremlin Dmitry Peskov", "said Kremlin spokesman Dmitry Peskov"
        return [titled.key], Span.of(text, start, titled.span.end)
    word = WORD.match(text, start)
    if word and word.group().casefold() in speech_grammar(lex).determiners:  # "said the Kremlin"
        pos = word.end()
    hit = index.at(pos)
    if hit:
        return [hit.key], hit.span
    group = speech_grammar(lex).group_speakers.pattern.match(text, start)
    if group:  # '…," kata anggota parlemen' / '…, said lawmakers'
        return _by_role(Span.of(text, group.start(), group.end()), index, "group")
    unnamed = _role_phrase(text, start, end, lex, bare=True)
    if unnamed:  # '…," kata (seorang) peneliti …' / '…," said a researcher at …'
        return _by_role(unnamed, index)
    name = name_at(index, pos, end) or _new_one_name(index, pos, end)
    if name:
        key = index.person_by_name(name.text) or slug(name.text)
        index.add_actor(key, name.text, "person", name)
        return [key], name
    return [], None


def _new_one_name(index: ActorIndex, pos: int, end: int) -> Span | None:
    """One capitalised name no one named before has ('…," tulis Bagas, warganet …'): a person
    known by it alone; a name two people share ("Laras" of two Larases) is nobody's."""
    name = name_at(index, pos, end, least=1)
    if name is None or any(name.text in a.label.split() for a in index.actors.values() if a.type == "person"):
        return None
    return name


def titled_person(text: str, start: int, end: int, index: ActorIndex):
    """The person named at ``start`` after a title, perhaps with the organisation before or
    after it ("juru bicara Kremlin Dmitry Peskov", "Kremlin spokesman Dmitry Peskov"), before a
    comma or the end of the sentence; ``None`` if none is."""
    stop = _CLAUSE_END.search(text, start, end)
    stop = stop.start() if stop else end
    person = next((m for m in index.within(start, stop) if index.actors[m.key].type == "person"), None)
    return person if person and _a_title(text, start, person.span.start, index, empty=False) else None


def _a_title(text: str, start: int, end: int, index: ActorIndex, empty: bool) -> bool:
    """Whether ``text[start:end]``, the organisations named in it left out, is a title
    ("Kremlin spokesman", "juru bicara Kremlin"), or nothing at all when ``empty`` allows it."""
    words = text[start:end]
    for org in index.within(start, end):
        words = words.replace(org.span.text, " ")
    words = " ".join(words.split())
    return bool(index.grammar.title_words.pattern.fullmatch(words)) if words else empty


def speaker_in(text, start, end, lex, index, state) -> tuple[list[str], Span | None]:
    """The speaker inside 'according to X' (and its lexicon equivalents): a pronoun, a person,
    an actor, a definite role ("according to the official": the one last named with it), or a
    group ("according to lawmakers")."""
    pronoun = speech_grammar(lex).pronouns.search(text, start, end)
    mentions = [m for m in index.within(start, end) if index.actors[m.key].type != "armed_force"]
    if pronoun and not mentions:
        return list(state.speakers) or last_person(index, start), Span.of(text, pronoun.start(), pronoun.end())
    if not mentions:
        role = role_anaphor(text, start, len(text[:end].rstrip()), lex, index, state)
        if role:
            return role
        first = start + len(text[start:end]) - len(text[start:end].lstrip())
        group = speech_grammar(lex).group_speakers.pattern.match(text, first)
        if group:  # "according to lawmakers who attended …": a group
            return _by_role(Span.of(text, group.start(), group.end()), index, "group")
        unnamed = _role_phrase(text, first, end, lex, bare=True)
        if unnamed:  # "according to a senior official": someone of that role
            return _by_role(unnamed, index)
        return [], None
    people = [m for m in mentions if index.actors[m.key].type == "person"]
    chosen = people[0] if people else mentions[0]
    named = next((m for m in mentions if m.span.start > chosen.span.end), None)
    if not people and named and index.actors[chosen.key].type == "country" \
            and text[chosen.span.end:named.span.start] == ", ":  # "the official agency of North Korea, KCNA": KCNA
        chosen = named
    return [chosen.key], Span.of(text, start + len(text[start:end]) - len(text[start:end].lstrip()), mentions[-1].span.end)


def listed_actors(text: str, start: int, end: int, lex: Lexicon, index: ActorIndex) -> list[Mention]:
    """The actors of the first list after ``start`` ("Kyiv, Seoul and the U.S."), a capital
    standing for its state, joined by nothing but commas, "and" and "the"."""
    grammar = speech_grammar(lex)
    mentions = sorted([m for m in index.within(start, end) if index.actors[m.key].type != "armed_force"]
                      + index.speaking_states(start, end), key=lambda m: m.span.start)
    chain = mentions[:1]
    for m in mentions[1:]:
        gap = text[chain[-1].span.end:m.span.start]
        between = gap.replace(",", " ").split()
        if m.span.start < chain[-1].span.end or not gap.strip() or any(
                w.casefold() not in grammar.joins and w.casefold() not in grammar.determiners for w in between):
            break
        chain.append(m)
    return chain


class Addressed(NamedTuple):
    """To whom a statement was said: actor keys, and an audience that is no actor (its span)."""

    actors: list[str]
    audience: Span | None = None


def addressees_at(text, pos, end, lex, index, cue: str = "") -> Addressed:
    """'kepada para wartawan' / 'told reporters': to whom it was said (a known actor, or the
    head noun of a few words, up to a complementizer or a comma). The press is an audience,
    not an actor ("told reporters")."""
    grammar = speech_grammar(lex)
    markers = grammar.addressee_markers
    start = pos + len(text[pos:end]) - len(text[pos:end].lstrip())
    if cue not in grammar.addressee_verbs:
        m = markers.match(text, start)
        if not m:
            return Addressed([])
        start = m.end()
    start += len(text[start:end]) - len(text[start:end].lstrip())
    stop = grammar.addressee_stops
    words = []
    for word in _WORD_OR_MARK.finditer(text[start:end]):
        if not WORD.fullmatch(word.group()) or word.group() in stop or len(words) == 4:
            break
        words.append(word)
    if not words:
        return Addressed([])
    reach = start + words[-1].end()
    known = [m for m in index.within(start, reach) if index.actors[m.key].type != "armed_force"]
    if known:  # "told President Jane Roe", "kepada Menlu AS"
        return Addressed([known[-1].key])
    heard = grammar.audiences.search(text, start, reach)
    if not heard:  # "told a meeting": a setting, not someone
        return Addressed([])
    span = Span.of(text, heard.start(), heard.end())
    label = span.text.casefold()
    if label in grammar.press:
        return Addressed([], span)
    index.add_actor(slug(label), label, "group", span, "role")
    return Addressed([slug(label)])


def last_person(index: ActorIndex, before: int) -> list[str]:
    key = index.last(before, ("person",))
    return [key] if key else []
