"""One story from many articles: actors, events and statements merged across articles.

Every article keeps its own events and statements, each with its own factuality and date.
On top of them this module finds what is the same real-world thing:

- **actors**: one key per actor across articles. The gazetteer already gives known actors
  one key in every language; people and organisations it does not know are reconciled by
  their written name with spelling variants folded (hyphens, accents, doubled letters,
  ``-yy``/``-iy`` endings: "Kim Jong-un" = "Kim Jong Un"). A bare surname is never merged
  with a full name, so two people who share a surname stay two.
- **events**: two article events are the same event when they have the same type, their
  times meet (each event's time, or its bound, is an interval; undated means "on or before
  publication"), they share at least one participant, and their places do not disagree:
  the rule of type, time and one shared participant used by NewsReader (measured against
  asking more of undated reports: a second participant or a shared place lost recall and
  precision on the story corpus, see ``kg eval tests/articles/story``); casualties that count
  different things (the captured, the killed) are never one event. Events join the
  best matching story event in the order of their earliest possible day, and a story event
  keeps the intersection of its members' intervals, so that "sent in October" and "sent
  in December" are never chained together through an undated mention.
- **statements**: the same statement reported by several articles has the same speaker
  and kind, compatible dates, and either the same day or similar words (compared with the
  story's first report and its latest ones, :data:`COMPARED` in all); its first report is
  the one in the earliest published article.

Nothing is picked or averaged: a merged item only links its reports (``kgo:reportedAs``)
and says why each joined (``kgo:mergeReason``, shown by ``kg explain``).
"""
from __future__ import annotations

import hashlib
import pickle
import re
import sys
import unicodedata
from bisect import insort
from collections.abc import Set
from dataclasses import dataclass, field
from datetime import date
from heapq import heapify, heappop, heappush
from itertools import repeat
from operator import add, sub, truediv
from typing import Callable

from .lexicon import load
from .measures import counted, may_be_one
from .model import Event, Extraction, Statement

MIN = date.min
MAX = date.max
SIMILAR_WORDS = 0.3   # word overlap (Jaccard) that makes two undated statements the same
EVIDENCE = 1          # shared participants + shared places + (both have an earliest day)
COMPARED = 32         # a report's words are compared with a story's first and latest reports, this many
WORD_STORIES = 32     # ...and with the latest stories this many that share neither its day nor its event


def fold_name(name: str) -> str:
    """A person's or organisation's name with spelling variants folded away.

    >>> fold_name("Kim Jong-un") == fold_name("Kim Jong Un")
    True
    >>> fold_name("Volodymyr Zelenskyy") == fold_name("Volodymyr Zelensky") == fold_name("Volodymyr Zelenskiy")
    True
    >>> fold_name("Oleksandr Syrskyi") == fold_name("Oleksandr Syrsky")
    True
    >>> fold_name("Kim")
    'kim'
    """
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    words = re.findall(r"[a-z0-9]+", text.replace("-", " "))
    words = [re.sub(r"[iy]+$", "y", re.sub(r"(.)\1+", r"\1", w)) if len(w) > 3 else w
             for w in words]
    return " ".join(words)


def reconcile_actors(extractions: list[Extraction]) -> dict[str, str]:
    """Rewrite actor keys so that one real-world actor has one key across articles.

    Returns the keys that changed (old -> new). Only actors of several words (a full
    name) are folded together; the key kept is the most frequent, then the shortest.
    """
    renamed = renames(foldable(x) for x in extractions)
    if renamed:
        for x in extractions:
            _rekey(x, renamed)
    return renamed


def foldable(x: Extraction) -> list[tuple[str, str, str]]:
    """The actors of ``x`` that reconciling may fold together with others, as ``(type, name
    folded, key)``: people and organisations the gazetteer does not know, named in full.

    >>> from kg.model import Actor, Article
    >>> x = Extraction(Article("a", "a.txt", "", "en"), actors={"kim-jong-un": Actor("kim-jong-un", "Kim Jong-un", "person"),
    ...                                                "kim": Actor("kim", "Kim", "person")})
    >>> foldable(x)
    [('person', 'kim jong un', 'kim-jong-un')]
    """
    found = []
    for key, actor in x.actors.items():
        if actor.in_gazetteer or actor.type not in ("person", "organization"):
            continue
        folded = fold_name(actor.label)
        if " " in folded:
            found.append((actor.type, folded, key))
    return found


def renames(foldables) -> dict[str, str]:
    """The keys to rewrite (old -> new) given each extraction's :func:`foldable` actors: of
    the keys of one type and folded name, the most frequent is kept, then the shortest.

    >>> renames([[("person", "kim jong un", "kim-jong-un")], [("person", "kim jong un", "kim-jong-un")],
    ...          [("person", "kim jong un", "kim-jongun")]])
    {'kim-jongun': 'kim-jong-un'}
    """
    groups: dict[tuple[str, str], dict[str, int]] = {}
    for found in foldables:
        for type_, folded, key in found:
            counts = groups.setdefault((type_, folded), {})
            counts[key] = counts.get(key, 0) + 1
    renamed = {}
    for counts in groups.values():
        keep = min(counts, key=lambda k: (-counts[k], len(k), k))
        renamed.update({k: keep for k in counts if k != keep})
    return renamed


def _rekey(x: Extraction, renamed: dict[str, str]) -> None:
    new = lambda key: renamed.get(key, key)  # noqa: E731
    actors = {}
    for key, actor in x.actors.items():
        kept = actors.setdefault(new(key), actor)
        if kept is not actor:
            kept.mentions.extend(actor.mentions)
        kept.key = new(key)
        for attr in ("affiliation", "principal"):
            setattr(kept, attr, new(getattr(kept, attr)))
    x.actors = actors
    for e in x.events:
        e.roles = [(role, new(key)) for role, key in e.roles]
    for s in x.statements:
        s.speakers = [new(k) for k in s.speakers]
        s.addressees = [new(k) for k in s.addressees]
        s.principal = new(s.principal)


def _keys_named(x: Extraction) -> frozenset[str]:
    """Every actor key of ``x`` that :func:`_rekey` may rewrite."""
    keys = set(x.actors)
    for actor in x.actors.values():
        keys.update((actor.affiliation, actor.principal))
    for e in x.events:
        keys.update(key for _, key in e.roles)
    for s in x.statements:
        keys.update((*s.speakers, *s.addressees, s.principal))
    keys.discard(None)
    keys.discard("")
    return frozenset(keys)


class Pickled:
    """An extraction kept pickled (a sixth of the memory of its objects, which a build of
    thousands of articles would otherwise hold all at once), with its warnings and what
    reconciling the actor keys reads of it: loaded again (:meth:`load`) one at a time where
    it is needed. A build's extraction workers make them (:func:`kg.parallel.extract_all`).

    >>> from kg.model import Actor, Article
    >>> p = Pickled(Extraction(Article("a", "a.txt", "", "en"), actors={"kim-jongun": Actor("kim-jongun", "Kim Jongun", "person")}))
    >>> p.id, p.foldable, p.load().actors["kim-jongun"].label
    ('a', [('person', 'kim jongun', 'kim-jongun')], 'Kim Jongun')
    """

    __slots__ = ("id", "blob", "foldable", "named", "warnings")

    def __init__(self, x: Extraction):
        self.id, self.warnings = x.article.id, x.warnings
        self.blob = pickle.dumps(x, protocol=pickle.HIGHEST_PROTOCOL)
        self.foldable, self.named = foldable(x), _keys_named(x)

    def load(self) -> Extraction:
        return pickle.loads(self.blob)


def reconcile_pickled(extractions: list[Pickled]) -> dict[str, str]:
    """:func:`reconcile_actors` for extractions kept pickled: only those that name a key
    rewritten are loaded, rewritten and pickled again.

    >>> from kg.model import Actor, Article
    >>> people = [Actor("kim-jong-un", "Kim Jong-un", "person")] * 2 + [Actor("kim-jongun", "Kim Jong Un", "person")]
    >>> xs = [Pickled(Extraction(Article(str(n), f"{n}.txt", "", "en"), actors={a.key: a})) for n, a in enumerate(people)]
    >>> reconcile_pickled(xs), list(xs[2].load().actors)
    ({'kim-jongun': 'kim-jong-un'}, ['kim-jong-un'])
    """
    renamed = renames(p.foldable for p in extractions)
    for p in extractions:
        if not p.named.isdisjoint(renamed):
            x = p.load()
            _rekey(x, renamed)
            p.blob = pickle.dumps(x, protocol=pickle.HIGHEST_PROTOCOL)
    return renamed


@dataclass
class Merged:
    """A real-world event or statement and its reports (an article may report it twice)."""

    kind: str                                  # "event" or "statement"
    type: str                                  # event type or statement kind
    members: list[tuple[Extraction, Event | Statement]] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)   # why each member joined
    begin: date = MIN
    end: date = MAX
    participants: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)

    @property
    def key(self) -> str:
        """A stable key from the member ids."""
        ids = sorted(item.id for _, item in self.members)
        return hashlib.sha256("\n".join(ids).encode("utf-8")).hexdigest()[:16]

    def add(self, x: Extraction, item: Event | Statement, why: str, who: set[str],
            where: set[str] = frozenset()) -> None:
        """Take one more report, narrowing the days it may have happened on."""
        begin, end = interval(item)
        self.members.append((x, item))
        self.reasons.append(sys.intern(why))  # most are the same words: 4,516 distinct of 103,055 at 3,000 articles
        self.begin, self.end = max(self.begin, begin), min(self.end, end)
        self.participants |= who
        self.places |= where

    def first(self) -> tuple[Extraction, Event | Statement]:
        """The report in the earliest published article (undated articles last)."""
        return min(self.members, key=lambda m: (m[0].article.published or MAX, m[0].article.id, m[1].id))


def interval(item: Event | Statement) -> tuple[date, date]:
    """The days an item may have happened on: its time, or its bound; open ends are MIN/MAX."""
    t = item.time
    if t is None:
        return MIN, MAX
    return t.begin or MIN, t.end or MAX


def _participants(e: Event, actors: dict | None = None) -> set[str]:
    """Who takes part in an event, and the country of each force that does (an event of
    North Korea's troops is North Korea's too, whether or not a sender is named)."""
    keys = {key for _, key in e.roles}
    actors = actors or {}
    return keys | {actors[k].affiliation for k in keys
                   if k in actors and actors[k].type == "armed_force" and actors[k].affiliation}


def _places_agree(a: set[str], b: set[str], part_of: dict[str, str]) -> bool:
    """Places agree when either is unknown, they share one, or one is inside the other."""
    if not a or not b or a & b:
        return True
    up = lambda p: {p, part_of.get(p, "")} - {""}  # noqa: E731
    return any(up(p) & b for p in a) or any(up(p) & a for p in b)


class _Numbered:
    """Stories by number, in the order they were made."""

    def __init__(self) -> None:
        self.all: list[Merged] = []
        self._position: dict[int, int] = {}

    def number(self, story: Merged) -> int:
        """A story's place in ``all``."""
        return self._position[id(story)]

    def _take(self, story: Merged) -> int:
        """The story's number, a new story numbered next."""
        if id(story) not in self._position:
            self._position[id(story)] = len(self.all)
            self.all.append(story)
        return self._position[id(story)]


class _Stories(_Numbered):
    """The event stories made so far, found by type, participant and time.

    A report's candidates are the stories of its type sharing a participant with it whose
    days meet its own, in the order the stories were made. Stories are indexed by
    ``(type, participant)`` and, when their days span at most ``WIDE`` periods of
    ``PERIOD_DAYS``, by those periods too: a report dated to a day looks at the stories of
    its period and the few wide ones, not at every story of its participants.

    >>> from types import SimpleNamespace as Item
    >>> def report(day): return Item(id=str(day), time=Item(begin=day, end=day))
    >>> stories, early, late = _Stories(), Merged("event", "combat"), Merged("event", "combat")
    >>> stories.join(early, None, report(date(2024, 11, 4)), "first report", {"ru"})
    >>> stories.join(late, None, report(date(2025, 3, 1)), "first report", {"ru"})
    >>> [s is late for s, *_ in stories.candidates("combat", date(2025, 3, 1), date(2025, 3, 1), {"ru"})]
    [True]
    """

    def __init__(self) -> None:
        super().__init__()
        self._by_key: dict[tuple[str, str], dict[int, None]] = {}
        self._by_period: dict[tuple[str, str, int], dict[int, None]] = {}
        self._wide: dict[tuple[str, str], dict[int, None]] = {}

    def candidates(self, type_: str, begin: date, end: date, who: set[str]):
        """The stories a report may join: same type, times that meet, a shared participant;
        with the days both allow and the participants shared."""
        periods = _periods(begin, end)
        if periods is None:
            found = {n for p in who for n in self._by_key.get((type_, p), ())}
        else:
            found = {n for p in who for n in self._wide.get((type_, p), ())}
            found.update(n for p in who for period in periods
                         for n in self._by_period.get((type_, p, period), ()))
        for n in sorted(found):
            story = self.all[n]
            lo, hi = max(begin, story.begin), min(end, story.end)
            if lo <= hi:
                yield story, lo, hi, who & story.participants

    def join(self, story: Merged, x: Extraction, item: Event | Statement, why: str, who: set[str],
             where: set[str] = frozenset()) -> None:
        """``story.add(...)``, a new story kept first."""
        n = self._take(story)
        story.add(x, item, why, who, where)
        periods = _periods(story.begin, story.end)  # a story's days only narrow: earlier entries stay true
        for p in who:
            self._by_key.setdefault((story.type, p), {})[n] = None
            if periods is None:
                self._wide.setdefault((story.type, p), {})[n] = None
            for period in periods or ():
                self._by_period.setdefault((story.type, p, period), {})[n] = None


class _Said(_Numbered):
    """The statement stories made so far, found by kind, speaker and what may join a report
    to them: a day a report was made on (a ``date``), a merged event it reports (its number,
    an ``int``), a figure it tells (a ``tuple``), or one of its rarest words (a ``str``); the
    four never equal each other.

    Each ``(kind, speaker, key)`` lists its stories by number, and so do its periods (as
    :class:`_Stories` files them, with ``None`` for the wide stories). A report's candidates
    are the stories under its own keys, for its speakers, whose days meet its own: all of
    those sharing its day or an event, and the latest ``WORD_STORIES`` of those sharing only
    a word, which only similar words can join. A dated report reads the lists of its periods:
    a common word's stories grow with the archive, most of them on other days.

    >>> from types import SimpleNamespace as Item
    >>> said, stories = _Said(), [Merged("statement", "claim") for _ in range(40)]
    >>> for n, story in enumerate(stories):
    ...     said.join(story, None, Item(id=str(n), time=None), "", {"zelensky"}, ["troops", n], frozenset())
    >>> near = said.under("claim", {"zelensky"}, [3])
    >>> found = said.candidates("claim", MIN, MAX, {"zelensky"}, near, ["troops"])
    >>> near, len(found), found[:2], found[-1]
    ({3}, 33, [3, 8], 39)
    """

    def __init__(self) -> None:
        super().__init__()
        self._stories: dict[tuple, list[int]] = {}  # (kind, speaker, key[, period]) -> story numbers, ascending
        self._keys: list[set] = []                  # a story's keys, by its number
        self._reports: list[list[frozenset]] = []   # the words of a story's reports, by its number
        self.compared: list[dict[frozenset, int]] = []  # the distinct words of the reports compared
        self.vocabulary: list[dict[str, int]] = []  # their words, each counted once for each set

    def join(self, story: Merged, x: Extraction, item: Statement, why: str, who: set[str], keys,
             words: frozenset[str]) -> None:
        """``story.add(...)``, the story filed under its speakers and ``keys`` (a new
        speaker under all the keys the story had, a new key under all its speakers), and
        under the periods of its days."""
        n = self._take(story)
        if n == len(self._keys):
            self._keys.append(set())
            self._reports.append([])
            self.compared.append({})
            self.vocabulary.append({})
        self._compare(n, words)
        before = set(story.participants)
        story.add(x, item, why, who)
        have, periods = self._keys[n], _periods(story.begin, story.end)
        fresh = [k for k in dict.fromkeys(keys) if k not in have]
        have.update(fresh)
        for p in story.participants:  # a story's days only narrow: earlier entries stay true
            for k in (fresh if p in before else have):
                key = (story.type, p, k)
                for listed in [key, *((*key, period) for period in periods or [None])]:
                    insort(self._stories.setdefault(listed, []), n)

    def _compare(self, n: int, words: frozenset[str]) -> None:
        """Count ``words`` among those a new report is compared with in story ``n``: its
        first report's and its latest ones', ``COMPARED`` in all (a story repeated by
        hundreds of articles would otherwise make the merge quadratic). They are counted
        by their distinct sets of words: a wire copy's words are compared once. Their
        words are counted in ``vocabulary``, once for each set that has them.

        >>> from types import SimpleNamespace as Item
        >>> said, story = _Said(), Merged("statement", "claim")
        >>> for n in range(100):
        ...     said.join(story, None, Item(id=str(n), time=None), "", set(), [], frozenset([n]))
        >>> sorted(min(words) for words in said.compared[0])[:2], len(said.compared[0])
        ([0, 69], 32)
        """
        reports, compared, vocabulary = self._reports[n], self.compared[n], self.vocabulary[n]
        reports.append(words)
        if words not in compared:
            compared[words] = 0
            for w in words:
                vocabulary[w] = vocabulary.get(w, 0) + 1
        compared[words] += 1
        if len(reports) > COMPARED:
            left = reports[-COMPARED]  # no longer among the latest
            compared[left] -= 1
            if not compared[left]:
                del compared[left]
                for w in left:
                    vocabulary[w] -= 1
                    if not vocabulary[w]:
                        del vocabulary[w]

    def under(self, kind: str, who: set[str], keys, begin: date = MIN, end: date = MAX) -> set[int]:
        """The numbers of the stories of ``kind`` filed under one of ``keys`` for one of the
        speakers ``who``, of those whose days may meet ``begin`` to ``end``: the stories
        of their periods and the wide ones, when they span a few (a superset of those that
        meet, which :meth:`meet` tells)."""
        return {n for stories in self._listed(kind, who, keys, begin, end) for n in stories}

    def _listed(self, kind: str, who: set[str], keys, begin: date, end: date) -> list[list[int]]:
        """The lists of stories of ``kind`` filed under one of ``keys`` for one of the
        speakers ``who``: those of the periods of ``begin`` to ``end`` and of the wide
        stories when they span a few, else the whole lists."""
        periods = _periods(begin, end)
        listed = [(kind, p, k) for p in who for k in keys]
        if periods is not None:
            listed = [(*key, period) for key in listed for period in [None, *periods]]
        return [stories for key in listed if (stories := self._stories.get(key))]

    def meet(self, n: int, begin: date, end: date, who: set[str]) -> tuple | None:
        """Story ``n`` as a candidate of a report of days ``begin`` to ``end`` and speakers
        ``who``: ``(story, lo, hi, shared, n)``, with the days both allow and the speakers
        they share; None when their days do not meet."""
        story = self.all[n]
        lo = begin if begin >= story.begin else story.begin  # max() and min() written out:
        hi = end if end <= story.end else story.end          # this runs millions of times
        return (story, lo, hi, who & story.participants, n) if lo <= hi else None

    def candidates(self, kind: str, begin: date, end: date, who: set[str], near: set[int], words) -> list[int]:
        """The numbers of the stories a report may join, ascending: those in ``near``,
        whose days are left to be checked when they are looked at (:meth:`meet`), and, of
        those under one of ``words`` only, the latest ``WORD_STORIES`` whose days meet
        ``begin`` to ``end``."""
        lists = self._listed(kind, who, words, begin, end)
        undated = begin == MIN and end == MAX  # its days meet every story's
        tail = WORD_STORIES
        while True:  # the latest ``tail`` of each list, longer until what is left out cannot count
            latest = []
            for n in sorted(set().union(*(stories[-tail:] for stories in lists)) - near, reverse=True):
                if undated or self.meet(n, begin, end, who):
                    latest.append(n)
                    if len(latest) == WORD_STORIES:
                        break
            cut = max((stories[-tail] for stories in lists if len(stories) > tail), default=None)
            if cut is None or (len(latest) == WORD_STORIES and latest[-1] >= cut):
                break
            tail *= 4
        return sorted(near.union(latest))


PERIOD_DAYS = 16    # stories are indexed by the periods of this many days their days span...
WIDE = 8            # ...when they span at most this many; wider ones are looked at every time


def _periods(begin: date, end: date) -> range | None:
    """The periods ``begin`` to ``end`` spans, or None when they are more than ``WIDE``.

    >>> _periods(date(2024, 11, 4), date(2024, 11, 4)) == range(739194 // 16, 739194 // 16 + 1)
    True
    >>> _periods(MIN, date(2024, 11, 4)) is None
    True
    """
    first, last = begin.toordinal() // PERIOD_DAYS, end.toordinal() // PERIOD_DAYS
    return range(first, last + 1) if last - first < WIDE else None


def merge_events(extractions: list[Extraction], labels: dict[str, str] | None = None) -> list[Merged]:
    """Article events grouped into real-world events (singletons included)."""
    labels = labels or {}
    part_of = {k: p.part_of for x in extractions for k, p in x.places.items() if p.part_of}
    mentions = sorted(((x, e) for x in extractions for e in x.events),
                      key=lambda m: (interval(m[1])[0], m[0].article.published or MAX, m[1].id))
    stories = _Stories()
    counts: dict[int, set[str]] = {}  # what a casualty story's reports count, by id(story)
    for x, e in mentions:
        begin, end = interval(e)
        who, where = _participants(e, x.actors), set(e.places)
        count = counted(e, load(x.article.language), x.article.text) if e.type == "casualties" else None
        best, best_score, why = None, 0, ""
        for story, lo, hi, shared in stories.candidates(e.type, begin, end, who):
            if not _places_agree(where, story.places, part_of) or count and not all(
                    may_be_one(count, other) for other in counts.get(id(story), ())):
                continue  # (the captured are not the killed)
            dated = begin > MIN and story.begin > MIN
            score = len(shared) + len(where & story.places) + dated
            if score >= EVIDENCE and score > best_score:
                names = ", ".join(sorted(labels.get(k, k) for k in shared))
                best, best_score = story, score
                why = (f"same type {e.type}; times meet ({_span(lo, hi)}); "
                       f"shares {names}" + (f"; same place {', '.join(sorted(where & story.places))}"
                                            if where & story.places else ""))
        if best is None:
            best, why = Merged("event", e.type), "first report"
        stories.join(best, x, e, why, who, where)
        if count:
            counts.setdefault(id(best), set()).add(count)
    return stories.all


def actor_labels(extractions: list[Extraction]) -> dict[str, str]:
    """Each actor key's label (the last article's, where several name it)."""
    return {k: a.label for x in extractions for k, a in x.actors.items()}


def merge_story(extractions: list[Extraction]) -> tuple[list[Merged], list[Merged]]:
    """The events (:func:`merge_events`) and the statements (:func:`merge_statements`) of
    ``extractions`` merged across articles, the reasons naming actors by their labels."""
    labels = actor_labels(extractions)
    events = merge_events(extractions, labels)
    return events, merge_statements(extractions, labels, events)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[^\W\d_]{4,}", text.casefold())}


def _most_alike(words: set[str], others) -> float:
    """The largest share of words ``words`` has with one of ``others`` (sets of words; Jaccard: the words
    two texts share, over the words of both), 0 when either has none. It runs millions of
    times in a large archive, so the loop is left to ``map`` (the union's size is counted,
    not made).

    >>> _most_alike({"troops", "sent"}, [{"troops", "arrived"}, set(), {"sent", "troops", "kursk"}])
    0.6666666666666666
    >>> _most_alike(set(), [{"troops"}]), _most_alike({"troops"}, [])
    (0.0, 0.0)
    """
    if not words or not others:
        return 0.0
    shared = list(map(len, map(words.intersection, others)))
    union = map(sub, map(add, map(len, others), repeat(len(words))), shared)
    return max(map(truediv, shared, union))


def _most_alike_at_most(words: set[str], vocabulary: Set[str]) -> float:
    """A bound of :func:`_most_alike` ``(words, others)`` when ``vocabulary`` holds every
    word of ``others``: no other shares more of ``words`` than it does, and no union of two
    is smaller than ``words``. One set operation instead of one per other.

    >>> others = [{"troops", "arrived"}, {"sent", "troops", "kursk"}]
    >>> _most_alike_at_most({"troops", "sent"}, set().union(*others)) >= _most_alike({"troops", "sent"}, others)
    True
    """
    return len(words & vocabulary) / len(words) if words else 0.0


def merge_statements(extractions: list[Extraction], labels: dict[str, str] | None = None,
                     events: list[Merged] | None = None) -> list[Merged]:
    """Article statements grouped into real-world statements (singletons included).

    Two reports are the same statement when they share a speaker, have the same kind and
    compatible dates, and were made on the same known day, use similar words, report the
    same merged event (``events``, from :func:`merge_events`: this is what joins reports in
    two languages that give no day) or tell the same figure ("300 killed", "300 tewas").
    """
    labels = labels or {}
    event_story = {e.id: n for n, story in enumerate(events or []) for _, e in story.members}
    about = lambda s: {event_story[e] for e in s.events if e in event_story}  # noqa: E731
    reports = sorted(((x, s) for x in extractions for s in x.statements if s.speakers),
                     key=lambda m: (m[0].article.published or MAX, m[0].article.id, m[1].id))
    distinct: dict[frozenset[str], frozenset[str]] = {}
    words_of = {s.id: distinct.setdefault(w, w) for _, s in reports  # each set of words made once
                for w in [frozenset(_words((s.quote or s.content or s.sentence).text))]}
    prefix = _Prefixes(words_of.values(), SIMILAR_WORDS)
    said = _Said()
    for x, s in reports:
        begin, end = interval(s)
        who, words = set(s.speakers), words_of[s.id]
        day = s.time.day if s.time else None
        days, events_of = [day] if day is not None else [], sorted(about(s))
        # Only a story with the same day, a shared merged event or figure, or a report sharing
        # one of the rarest words can pass the test below: the others are not looked at.
        figures = _figures(x, s)
        on_day, on_event = said.under(s.kind, who, days, begin, end), said.under(s.kind, who, events_of + figures, begin, end)
        rarest = prefix(words)
        found = _best_statement(
            said.candidates(s.kind, begin, end, who, on_day | on_event, rarest),
            lambda n: (n in on_day, n in on_event),
            lambda n: said.meet(n, begin, end, who),
            lambda n: _most_alike(words, said.compared[n]),
            lambda n: _most_alike_at_most(words, said.vocabulary[n].keys()), len(who))
        best, why = None, ""
        if found is not None:
            (best, _, _, shared, _), same_day, same_event, similar = found
            names = ", ".join(sorted(labels.get(k, k) for k in shared))
            why = (f"same kind {s.kind}; same speaker {names}; "
                   + (f"same day {day.isoformat()}" if same_day
                      else f"similar words ({similar:.2f})" if similar >= SIMILAR_WORDS
                      else "reports the same merged event or figure"))
        if best is None:
            best, why = Merged("statement", s.kind), "first report"
        said.join(best, x, s, why, who, days + events_of + figures + rarest, words)
    return said.all


def _figures(x: Extraction, s: Statement) -> list[tuple[str, int]]:
    """The figures of the events a statement tells ("300 killed", "2.700 terluka"), as keys
    that equal only each other: the same figure from the same speaker, in any language, is
    evidence of the same statement."""
    told = set(s.events)
    return sorted({("figure", e.quantity.value) for e in x.events if e.id in told and e.quantity})


def _best_statement(numbers: list[int], same: Callable, meet: Callable, similarity: Callable,
                    at_most: Callable | None = None, speakers: int = 1) -> tuple | None:
    """The candidate ``(story, lo, hi, shared, ...)`` a statement joins, as ``(candidate,
    same day, same event, words)``, or None.

    ``numbers`` are the stories that may be candidates, ascending, and ``meet(n)`` makes
    the candidate of story ``n``, or None when their days do not meet. ``same(n)`` tells
    whether the story has a report of the same day and of the same merged event,
    ``similarity(n)`` how alike the words are (0 to 1). A candidate qualifies with a same
    day, a same event or words of at least ``SIMILAR_WORDS``, and scores ``len(shared) +
    words + same day + same event``; the best score wins, the earliest candidate among
    equals.

    Most stories looked up cannot win, so each is looked at no further than needed to
    know it cannot: the candidates wait in a queue, the best first (then the earliest), each
    by the most it may score as far as it is known. First that is each of the
    ``speakers`` shared and every word alike; then, once ``meet`` made it, its speakers
    shared and ``at_most(n)``, a bound of its similarity cheaper to tell (1 when not
    given); then its score. The first candidate to come out of the queue with its score
    known is the best: no other can score more. The choice is the same as comparing all.

    >>> flags = {0: (False, False), 1: (True, False), 2: (False, False)}
    >>> words = {0: 0.5, 1: 0.1, 2: 0.2}
    >>> looked = []
    >>> def similarity(n): looked.append(n); return words[n]
    >>> found = _best_statement([0, 1, 2], flags.get, lambda n: ("story", None, None, {"x"}, n), similarity)
    >>> found[0][4], found[1:], looked
    (1, (True, False, 0.1), [1])
    """
    flags = list(map(same, numbers))
    # (-the most it may score, its place, what is known: 0 nothing, 1 its bound, 2 its score)
    queue = [(-(speakers + 1.0 + day + event), i, 0, None, None) for i, (day, event) in enumerate(flags)]
    heapify(queue)  # a place is in the queue once: ties never compare what follows it
    while queue:
        _, i, known, candidate, words = heappop(queue)
        (day, event), n = flags[i], numbers[i]
        if known == 2:
            return candidate, day, event, words
        if known == 0:
            candidate = meet(n)
            if candidate is None:
                continue
            bound = 1.0 if at_most is None else at_most(n)
            if not (day or event) and bound < SIMILAR_WORDS:
                continue
            # summed as the score is below: floats round the same way
            heappush(queue, (-(len(candidate[3]) + bound + day + event), i, 1, candidate, None))
        else:
            words = similarity(n)
            if day or words >= SIMILAR_WORDS or event:
                heappush(queue, (-(len(candidate[3]) + words + day + event), i, 2, candidate, words))
    return None


class _Prefixes:
    """The rarest words of a text, enough of them that two texts whose words overlap by at
    least ``threshold`` (Jaccard) share one of them (the prefix filter of set-similarity
    joins: with ``o`` words needed in common, two sets share one of their ``len - o + 1``
    rarest).

    >>> texts = [{"troops", "sent", "russia"}, {"troops", "sent", "kursk"}, {"troops", "arrived"}]
    >>> prefix = _Prefixes(texts, 0.3)
    >>> prefix({"troops", "sent", "kursk"})
    ['kursk', 'sent', 'troops']
    >>> prefix({"troops", "sent", "kursk", "region", "north", "korean", "soldiers", "border", "week", "late"})
    ['border', 'korean', 'late', 'north', 'region', 'soldiers', 'week', 'kursk']
    """

    def __init__(self, texts, threshold: float):
        counts: dict[str, int] = {}
        for words in texts:
            for w in words:
                counts[w] = counts.get(w, 0) + 1
        self.rank = {w: (n, w) for w, n in counts.items()}
        self.threshold = threshold

    def __call__(self, words: set[str]) -> list[str]:
        # At least int(threshold * len) words in common (rounded down: never too few kept).
        needed = max(1, int(self.threshold * len(words)))
        return sorted(words, key=lambda w: self.rank.get(w, (0, w)))[:len(words) - needed + 1]


def _span(lo: date, hi: date) -> str:
    show = lambda d: "…" if d in (MIN, MAX) else d.isoformat()  # noqa: E731
    return show(lo) if lo == hi else f"{show(lo)} to {show(hi)}"
