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
  precision on the story corpus, see ``kg eval tests/articles/story``). Events join the
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
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Callable

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
    groups: dict[tuple[str, str], dict[str, int]] = {}
    for x in extractions:
        for key, actor in x.actors.items():
            if actor.in_gazetteer or actor.type not in ("person", "organization"):
                continue
            folded = fold_name(actor.label)
            if " " not in folded:
                continue
            counts = groups.setdefault((actor.type, folded), {})
            counts[key] = counts.get(key, 0) + 1
    renamed = {}
    for counts in groups.values():
        keep = min(counts, key=lambda k: (-counts[k], len(k), k))
        renamed.update({k: keep for k in counts if k != keep})
    if renamed:
        for x in extractions:
            _rekey(x, renamed)
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
        self.reasons.append(why)
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


def _participants(e: Event) -> set[str]:
    return {key for _, key in e.roles}


def _places_agree(a: set[str], b: set[str], part_of: dict[str, str]) -> bool:
    """Places agree when either is unknown, they share one, or one is inside the other."""
    if not a or not b or a & b:
        return True
    up = lambda p: {p, part_of.get(p, "")} - {""}  # noqa: E731
    return any(up(p) & b for p in a) or any(up(p) & a for p in b)


class _Stories:
    """The stories made so far, found by type, participant and time.

    A report's candidates are the stories of its type sharing a participant with it whose
    days meet its own, in the order the stories were made. Stories are indexed by
    ``(type, participant)`` and, when their days span at most ``WIDE`` periods of
    ``PERIOD_DAYS``, by those periods too: a report dated to a day looks at the stories of
    its period and the few wide ones, not at every story of its speaker (which grew with
    the square of the reports: 13 s of a 1,000-article build).

    >>> from types import SimpleNamespace as Item
    >>> def report(day): return Item(id=str(day), time=Item(begin=day, end=day))
    >>> stories, early, late = _Stories(), Merged("event", "combat"), Merged("event", "combat")
    >>> stories.join(early, None, report(date(2024, 11, 4)), "first report", {"ru"})
    >>> stories.join(late, None, report(date(2025, 3, 1)), "first report", {"ru"})
    >>> [s is late for s, *_ in stories.candidates("combat", date(2025, 3, 1), date(2025, 3, 1), {"ru"})]
    [True]
    """

    def __init__(self) -> None:
        self.all: list[Merged] = []
        self._by_key: dict[tuple[str, str], dict[int, None]] = {}
        self._by_period: dict[tuple[str, str, int], dict[int, None]] = {}
        self._wide: dict[tuple[str, str], dict[int, None]] = {}
        self._position: dict[int, int] = {}

    def candidates(self, type_: str, begin: date, end: date, who: set[str], among: list[set[int]] | None = None):
        """The stories a report may join: same type, times that meet, a shared participant
        (and in one of the sets of story numbers ``among``, when given); with the days both allow and
        the participants shared."""
        periods = _periods(begin, end)
        if periods is None:
            found = {n for p in who for n in self._by_key.get((type_, p), ())}
        else:
            found = {n for p in who for n in self._wide.get((type_, p), ())}
            found.update(n for p in who for period in periods
                         for n in self._by_period.get((type_, p, period), ()))
        if among is not None:
            found = _within(found, among)
        for n in sorted(found):
            story = self.all[n]
            lo, hi = max(begin, story.begin), min(end, story.end)
            if lo <= hi:
                yield story, lo, hi, who & story.participants

    def join(self, story: Merged, x: Extraction, item: Event | Statement, why: str, who: set[str],
             where: set[str] = frozenset()) -> None:
        """``story.add(...)``, a new story kept first."""
        if id(story) not in self._position:
            self._position[id(story)] = len(self.all)
            self.all.append(story)
        story.add(x, item, why, who, where)
        n = self.number(story)
        periods = _periods(story.begin, story.end)  # a story's days only narrow: earlier entries stay true
        for p in who:
            self._by_key.setdefault((story.type, p), {})[n] = None
            if periods is None:
                self._wide.setdefault((story.type, p), {})[n] = None
            for period in periods or ():
                self._by_period.setdefault((story.type, p, period), {})[n] = None

    def number(self, story: Merged) -> int:
        """A story's place in ``all``."""
        return self._position[id(story)]


def _within(found: set[int], among: list[set[int]]) -> set[int]:
    """The numbers of ``found`` in one of the sets ``among``: each number looked up in the
    sets, or the sets joined, whichever is less work (a common word's set of stories grows
    with the archive; a report's candidates mostly do not).

    >>> sorted(_within({1, 2, 3, 4}, [{1, 9}, {4}, set()]))
    [1, 4]
    """
    if len(found) * len(among) < sum(map(len, among)):
        return {n for n in found if any(n in numbers for numbers in among)}
    return found.intersection(set().union(*among))


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
    for x, e in mentions:
        begin, end = interval(e)
        who, where = _participants(e), set(e.places)
        best, best_score, why = None, 0, ""
        for story, lo, hi, shared in stories.candidates(e.type, begin, end, who):
            if not _places_agree(where, story.places, part_of):
                continue
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
    return stories.all


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[^\W\d_]{4,}", text.casefold())}


def _compared(story: Merged) -> list:
    """The reports of a story a new report's words are compared with: the first and the
    latest ``COMPARED - 1`` (all of them in a story of up to ``COMPARED`` reports; a story
    repeated by hundreds of articles would otherwise make the merge quadratic).

    >>> story = Merged("statement", "claim", members=list(range(100)))
    >>> _compared(story)[:2], len(_compared(story))
    ([0, 69], 32)
    """
    members = story.members
    return members if len(members) <= COMPARED else [members[0], *members[1 - COMPARED:]]


def _most_alike(words: set[str], others) -> float:
    """The largest share of words ``words`` has with one of ``others`` (Jaccard: the words
    two texts share, over the words of both), 0 when either has none; one loop, as it runs
    millions of times in a large archive.

    >>> _most_alike({"troops", "sent"}, [{"troops", "arrived"}, set(), {"sent", "troops", "kursk"}])
    0.6666666666666666
    """
    best = 0.0
    if words:
        size = len(words)
        for other in others:
            if other:
                shared = len(words & other)
                alike = shared / (size + len(other) - shared)  # the union's size, without making it
                if alike > best:
                    best = alike
    return best


def merge_statements(extractions: list[Extraction], labels: dict[str, str] | None = None,
                     events: list[Merged] | None = None) -> list[Merged]:
    """Article statements grouped into real-world statements (singletons included).

    Two reports are the same statement when they share a speaker, have the same kind and
    compatible dates, and were made on the same known day, use similar words, or report
    the same merged event (``events``, from :func:`merge_events`: this is what joins
    reports in two languages that give no day).
    """
    labels = labels or {}
    event_story = {e.id: n for n, story in enumerate(events or []) for _, e in story.members}
    about = lambda s: {event_story[e] for e in s.events if e in event_story}  # noqa: E731
    reports = sorted(((x, s) for x in extractions for s in x.statements if s.speakers),
                     key=lambda m: (m[0].article.published or MAX, m[0].article.id, m[1].id))
    words_of = {s.id: _words((s.quote or s.content or s.sentence).text) for _, s in reports}
    prefix = _Prefixes(words_of.values(), SIMILAR_WORDS)
    by_day: dict[tuple[str, date], set[int]] = {}    # the stories of a kind, by number: with a
    by_event: dict[tuple[str, int], set[int]] = {}   # report of that day, of that merged event,
    by_word: dict[tuple[str, str], set[int]] = {}    # or with that word among a report's rarest
    stories = _Stories()
    for x, s in reports:
        begin, end = interval(s)
        who = set(s.speakers)
        day = s.time.day if s.time else None
        same_days = by_day.get((s.kind, day), set())
        same_events = set().union(*(by_event.get((s.kind, e), ()) for e in about(s)))
        # Only a story with the same day, a shared merged event, or a report sharing one of
        # the rarest words can pass the test below: the others are not looked at.
        sure = same_days | same_events
        among = [sure, *(by_word[s.kind, w] for w in prefix(words_of[s.id]) if (s.kind, w) in by_word)]
        words = words_of[s.id]
        found = _best_statement(
            _latest_by_words(list(stories.candidates(s.kind, begin, end, who, among)), sure, stories),
            lambda story: (stories.number(story) in same_days, stories.number(story) in same_events),
            lambda story: _most_alike(words, [words_of[other.id] for _, other in _compared(story)]))
        best, why = None, ""
        if found is not None:
            (best, _, _, shared), same_day, same_event, similar = found
            names = ", ".join(sorted(labels.get(k, k) for k in shared))
            why = (f"same kind {s.kind}; same speaker {names}; "
                   + (f"same day {day.isoformat()}" if same_day
                      else f"similar words ({similar:.2f})" if similar >= SIMILAR_WORDS
                      else "reports the same merged event"))
        if best is None:
            best, why = Merged("statement", s.kind), "first report"
        stories.join(best, x, s, why, who)
        n = stories.number(best)
        if day is not None:
            by_day.setdefault((s.kind, day), set()).add(n)
        for e in about(s):
            by_event.setdefault((s.kind, e), set()).add(n)
        for w in prefix(words_of[s.id]):
            by_word.setdefault((s.kind, w), set()).add(n)
    return stories.all


def _best_statement(candidates: list, same: Callable, similarity: Callable) -> tuple | None:
    """The candidate ``(story, lo, hi, shared)`` a statement joins, as ``(candidate, same
    day, same event, words)``, or None.

    ``same(story)`` tells whether the story has a report of the same day and of the same
    merged event, ``similarity(story)`` how alike the words are (0 to 1). A candidate
    qualifies with a same day, a same event or words of at least ``SIMILAR_WORDS``, and
    scores ``len(shared) + words + same day + same event``; the best score wins, the
    earliest candidate among equals. Words are what cost (up to ``COMPARED`` reports of
    each story compared), so candidates are looked at by the most they could score, and
    one that cannot beat the best so far is not compared: the same choice as comparing all.

    >>> flags = {"a": (False, False), "b": (True, False), "c": (False, False)}
    >>> words = {"a": 0.5, "b": 0.1, "c": 0.2}
    >>> looked = []
    >>> def similarity(k): looked.append(k); return words[k]
    >>> found = _best_statement([(k, None, None, {"x"}) for k in "abc"], flags.get, similarity)
    >>> found[0][0], found[1:], looked
    ('b', (True, False, 0.1), ['b'])
    """
    flags = [same(c[0]) for c in candidates]
    most = [len(c[3]) + 1.0 + day + event for c, (day, event) in zip(candidates, flags)]
    found, best_score, best_n = None, 0.0, len(candidates)
    for n in sorted(range(len(candidates)), key=most.__getitem__, reverse=True):  # stable
        if most[n] < best_score:
            break
        if most[n] == best_score and n > best_n:
            continue
        (day, event), words = flags[n], similarity(candidates[n][0])
        if not (day or words >= SIMILAR_WORDS or event):
            continue
        score = len(candidates[n][3]) + words + day + event
        if score > best_score or (found is not None and score == best_score and n < best_n):
            found, best_score, best_n = (candidates[n], day, event, words), score, n
    return found


def _latest_by_words(candidates: list, sure: set[int], stories: _Stories) -> list:
    """The candidates whose story shares the report's day or merged event (numbers in
    ``sure``), and the latest ``WORD_STORIES`` of the others, which only similar words can
    join: a speaker's undated words would otherwise be compared with every story of that
    speaker sharing a word (at 3,000 generated articles, 19 per report and growing with the
    archive: 96 of the build's 208 s of making the graph).

    >>> from types import SimpleNamespace as Item
    >>> stories = _Stories()
    >>> for n in range(40):
    ...     stories.join(Merged("statement", "claim"), None, Item(id=str(n), time=None), "", {"zelensky"})
    >>> found = list(stories.candidates("claim", MIN, MAX, {"zelensky"}))
    >>> kept = _latest_by_words(found, {0}, stories)
    >>> len(kept), [stories.number(c[0]) for c in kept[:2]]
    (33, [0, 8])
    """
    others = [n for n in (stories.number(c[0]) for c in candidates) if n not in sure]
    if len(others) <= WORD_STORIES:
        return candidates
    dropped = set(others[:-WORD_STORIES])
    return [c for c in candidates if stories.number(c[0]) not in dropped]


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
