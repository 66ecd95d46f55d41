"""Events: what happened or may happen, with its participants, place, quantity, time and
factuality.

A trigger word (from the lexicon, surviving one-letter typos such as "dikirm") opens an
event, as does a word that names one only with its object near it ("questioned the captives",
not "questioned the figures"). Its participants, place and quantity are looked for in its clause (the stretch of the
sentence between commas). Its factuality comes from cues in that clause and from the
statement it is reported in: a trigger inside what someone said is *reported*; with a modal
it is *possible*; under a negation *negated*; under a hedge, or in a statement that was not
made ("belum mengonfirmasi"), *unconfirmed*; told by the article itself, *asserted*.

This module finds the events, their type, factuality and time; who takes part and where is
read in :mod:`kg.extract.roles`, both with the words of :mod:`kg.extract.event_cues`.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from ..lexicon import Lexicon
from ..model import Event, Quantity, Span, Statement, TimeExpr
from .actor_index import ActorIndex
from .event_cues import Bound, event_cues
from .patterns import TypoIndex, typo_index
from .roles import WORD, participants
from .spans import ByStart, Cover
from .words import WordList, Words


def find_events(article_id: str, text: str, sentences: list[Span], lex: Lexicon, index: ActorIndex,
                statements: list[Statement], quantities: list[Quantity], times: list[TimeExpr],
                published: date | None = None) -> list[Event]:
    """Every event mention in the article, in text order; statements are linked to them.

    An event told as past with no time of its own happened on or before the day its
    statement was made, else on or before the day the article was published."""
    words = _trigger_words(lex)
    said_at = [(s.cue.start, s.cue.end, s) for s in statements]
    written = [(t.span.start, t.span.end, t) for t in times]
    taken = Cover(said_at + written)
    cues, written = Cover(said_at), Cover(written)
    reports = _reports(statements)
    dating = ByStart(times, _span)
    amounts = ByStart(quantities, _span)
    events, salient = [], []  # the events, and the forces seen acting: (key, role)
    by_sentence: dict[Span, list[Statement]] = {}
    for s in statements:
        by_sentence.setdefault(s.sentence, []).append(s)
    for sentence in sentences:
        present = _presence(text, sentence, lex, index)
        bound = _bound(text, sentence, lex)
        kinds = {(start, end): _kind(text[start:end], (start, end) in present, bound.get((start, end)), words)
                 for start, end in _longest(set(_triggers(text, sentence, words)) | set(present), bound)
                 if start not in taken  # a speech cue or a time, not an event
                 and not _describes_force(text, start, end, lex)  # "combat troops", "attack drones"
                 and not _takes_an_object(text, start, end, sentence, lex)}  # "to follow Russian commands"
        for (start, end), (rule, type_) in kinds.items():
            trigger = Span.of(text, start, end)
            against = event_cues(lex).opposition.pattern.match(text, end + 1) if type_ == "deployment" else None
            if against and not words.found.search(text, against.start(), against.end()):
                type_, rule = "combat", "opposition"  # "deployed against Ukrainian forces" (not "sent to fight": a fight of its own)
            elif type_ in ("deployment", "movement") and _sends_weapons(text, end, sentence, lex):
                type_, rule = "arms_transfer", "weapons"  # "sending weapons to Kyiv"
            said = min(reports.at(trigger.start), key=_rank, default=(0, None))[1]  # the first that reports it
            clause = _before_speech(text, _clause(text, sentence, trigger), trigger, by_sentence.get(sentence, []), lex)
            event = Event(f"{article_id}/event/{start}-{end}", type_, trigger, sentence, "",
                          _factuality(text, clause, trigger, said, lex), rule=rule)
            speaking = [Span.of(text, sentence.start, (s.content or s.quote).start)
                        for s in by_sentence.get(sentence, []) if _said_in(s, trigger)]
            participants(event, text, clause, lex, index, salient, cues, written, speaking)
            event.quantity = _amount(text, amounts.within(clause.start, clause.end), trigger, lex)
            others = [span for span, (_, other) in kinds.items() if other != type_
                      and not _circumstance(text, span[0], sentence, lex)]  # "killed in a strike in October"
            event.time = _time(text, trigger, clause, sentence, said, dating, event.factuality, others)
            if type_ in _LASTING:
                event.time = _since(text, event.time, said, published, lex)
            event.time = event.time or _by_publication(event.factuality, published)
            event.label = _label(text, event, clause, index)
            same = _compound(text, event, events, lex) or _mentioned_before(event, events, lex, times)
            if same:  # "the treaty" again: one more mention of the event already told
                same.mentions.append(trigger)
                if said and same.id not in said.events:
                    said.events.append(same.id)
                continue
            if said:
                said.events.append(event.id)
            events.append(event)
    return events


def _circumstance(text: str, start: int, sentence: Span, lex: Lexicon) -> bool:
    """Whether a trigger at ``start`` tells the circumstance of the words before it, after one
    of the two words before it ("killed in a missile strike", "signed when Putin visited",
    "moved towards the fighting"): its time is theirs too."""
    before = WORD.findall(text, max(sentence.start, start - 40), start)[-2:]
    return any(w.casefold() in event_cues(lex).circumstance for w in before)


def _kind(written: str, present: bool, bound: Bound | None, words: _Triggers) -> tuple[str, str]:
    """The rule that found a trigger and its event type: a force being somewhere, a word with
    its object near it, a trigger word, or a slip of one."""
    if present:
        return "presence", "deployment"
    if bound:
        return "object", bound.type
    folded = written.casefold()
    return ("trigger", words.types[folded]) if folded in words.types else ("typo", words.typo_type(written))


def _compound(text: str, event: Event, events: list[Event], lex: Lexicon) -> Event | None:
    """The event just told, when this trigger of the same type follows its trigger within two
    words, with no mark or joining word between: "signed a decree ratifying", "meneken dekret
    ratifikasi" name one event. Casualties are not joined: "captured two wounded soldiers"
    tells of a capture and of wounds."""
    last = events[-1] if events else None
    if last is None or last.type != event.type or last.sentence != event.sentence or event.type == "casualties":
        return None
    between = text[last.trigger.end:event.trigger.start].split()
    return last if 0 < len(between) <= _APART.get(event.type, 2) and all(
        w.isalpha() and w.casefold() not in event_cues(lex).coordinators for w in between) else None


# How many words may stand between two triggers of one event of a type, besides two: "hand them
# back to the capital in exchange for" names one exchange.
_APART = {"exchange": 6}


@dataclass(eq=False)
class _Triggers:
    """A language's trigger words by their casefolded form, with their event types; the
    list that finds them; and the index of their typos."""

    types: dict[str, str]
    found: WordList
    typos: TypoIndex
    known: frozenset[str]  # the lexicon's words: never a typo
    slips: dict[str, str] = field(default_factory=dict)  # typo_type, remembered per written word

    def typo_type(self, word: str) -> str:
        """The event type of the one trigger ``word`` is a slip of, or ``""``."""
        hit = self.slips.get(word)
        if hit is None:
            if len(self.slips) > 100_000:
                self.slips.clear()
            hit = self.slips[word] = _typo_type(word, self.types, self.typos, self.known)
        return hit

    def typos_in(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """The spans of the long words of ``text[start:end]`` that are slips of a trigger:
        looked for once in the whole text, which mostly holds none."""
        words = Words.of(text)
        if words.cuts(start) or words.cuts(end):
            return [m.span() for m in _LONG_WORD.finditer(text, start, end) if self.typo_type(m.group())]
        found = words.memo.get(self)
        if found is None:
            found = words.memo[self] = [m.span() for m in _LONG_WORD.finditer(text) if self.typo_type(m.group())]
        return [span for span in found if start <= span[0] < end]


@lru_cache(maxsize=None)
def _trigger_words(lex: Lexicon) -> _Triggers:
    """The trigger words of a lexicon (cached: do not change them)."""
    types = {w.casefold(): r["type"] for r in lex.get("events.triggers", []) for w in r["words"]}
    enclitic = lex.get("speech.enclitic", "")
    if enclitic:  # "korbannya", "meratifikasinya": a trigger with the language's enclitic
        types |= {w + enclitic: t for w, t in list(types.items()) if " " not in w and w + enclitic not in types}
    typos = typo_index(tuple(w for w in types if " " not in w and len(w) >= 6))
    return _Triggers(types, WordList(list(types), ignore_case=True), typos, lex.words())


_LONG_WORD = re.compile(r"\w{6,}")  # a word long enough to be a typo of a trigger
_WORDS_AHEAD = re.compile(r"(?:\W*\w+){1,4}")
_COMMA = re.compile(r",(?!\d{3}\b)")  # a comma, not a thousands separator


def _triggers(text: str, sentence: Span, words: _Triggers) -> list[tuple[int, int]]:
    """Trigger spans: exact matches, then single words one typo away from a trigger."""
    found = [(m.start(), m.end()) for m in words.found.finditer(text, sentence.start, sentence.end)]
    for start, end in words.typos_in(text, sentence.start, sentence.end):  # typos are rare
        if not any(a <= start < b for a, b in found):
            found.append((start, end))
    return sorted(found)


def _presence(text: str, sentence: Span, lex: Lexicon, index: ActorIndex) -> list[tuple[int, int]]:
    """'pasukan Korea Utara berada di Kursk' / 'the troops are in Russia': a force being
    somewhere is its deployment there (the force right before the words, a place right after)."""
    found = []
    for m in event_cues(lex).presence.finditer(text, sentence.start, sentence.end):
        force = [a for a in index.within(max(sentence.start, m.start() - 40), m.start())
                 if index.actors[a.key].type == "armed_force"]
        place = index.within(m.end(), min(sentence.end, m.end() + 30), "place") + [
            a for a in index.within(m.end(), min(sentence.end, m.end() + 30)) if index.actors[a.key].type == "country"]
        if force and place and len(text[force[-1].span.end:m.start()].split()) <= 3:
            found.append((m.start(), m.end()))
    return found


def _describes_force(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether the trigger at ``start:end`` is a word that only describes the force or the
    weapon right after it ("combat troops", "assault units", "attack drones")."""
    cues = event_cues(lex)
    return text[start:end].casefold() in cues.modifiers and bool(
        cues.described.pattern.match(text, end + 1)) and text[end:end + 1] == " "


def _takes_an_object(text: str, start: int, end: int, sentence: Span, lex: Lexicon) -> bool:
    """Whether a trigger that is an event only alone ("more are to follow") has a word after it
    that is none of those such a trigger may take ("to follow orders": another verb)."""
    cues = event_cues(lex)
    if text[start:end].casefold() not in cues.intransitive:
        return False
    after = WORD.match(text, end + 1, sentence.end) if text[end:end + 1] == " " else None
    return bool(after) and not after.group()[0].isdigit() and after.group().casefold() not in cues.intransitive_next


def _bound(text: str, sentence: Span, lex: Lexicon) -> dict[tuple[int, int], Bound]:
    """The spans of the words that name an event only with one of their objects near them
    (``events.bound``), with their entry: "supplied Russia with artillery shells" is an arms
    transfer, "provided support" none; "the two captives are being questioned" an
    interrogation, "questioned the figures" none. A span takes the first entry that fits."""
    found: dict[tuple[int, int], Bound] = {}
    cues = event_cues(lex)
    if not cues.bound_words.any_in(text, sentence.start, sentence.end):  # most sentences
        return found
    words = Words.of(text)
    for entry in cues.bound:
        for m in entry.words.finditer(text, sentence.start, sentence.end):
            if m.span() in found:
                continue
            first, last = bisect_left(words.starts, m.start()), bisect_left(words.starts, m.end())
            before = max(sentence.start, words.starts[max(0, first - entry.before)]) if entry.before else m.start()
            after = words.starts[last + entry.after] if last + entry.after < len(words.starts) else sentence.end
            if entry.objects.search(text, before, m.start()) or \
                    entry.after and entry.objects.search(text, m.end(), min(after, sentence.end)):
                found[m.span()] = entry
    return found


def _longest(plain: set[tuple[int, int]], bound: dict[tuple[int, int], Bound]) -> list[tuple[int, int]]:
    """The trigger spans in text order, of two that overlap the longer, a bound word's if they
    are as long: "returned to the front" is a movement, "sent back the captives" an exchange."""
    spans = set(plain)
    for start, end in sorted(bound, key=lambda span: span[0] - span[1]):  # the longest first
        overlapping = {(s, e) for s, e in spans if s < end and start < e}
        if any(e - s > end - start or (s, e) in bound for s, e in overlapping):
            continue
        spans = (spans - overlapping) | {(start, end)}
    return sorted(spans)


def _sends_weapons(text: str, end: int, sentence: Span, lex: Lexicon) -> bool:
    """Weapons within the few words after a sending verb: what is sent is arms, not troops."""
    ahead = _WORDS_AHEAD.match(text[end:sentence.end])
    stop = end + (ahead.end() if ahead else 0)
    return bool(event_cues(lex).weapons.search(text, end, stop))


def _typo_type(word: str, types: dict, typos: TypoIndex, known: frozenset[str] = frozenset()) -> str:
    """The event type of the one trigger ``word`` is a slip of (``typos`` indexes the
    single-word triggers of six letters or more), or ``""``."""
    if word.casefold() in known:
        return ""
    hits = {types[w] for w in typos.near(word.casefold())}
    return hits.pop() if len(hits) == 1 else ""


def _span(item) -> Span:
    return item.span


def _rank(ranked: tuple[int, Statement]) -> int:
    return ranked[0]


def _reports(statements: list[Statement]) -> Cover[tuple[int, Statement]]:
    """Where each statement reports events: its quotation and its content, and the whole
    sentence of a statement not made ("has not confirmed that …"); valued by its rank, a
    transcript's whole line or an answer after every statement told inside it ("GUEST: … the
    agency said on Sunday that …": the agency reports what it said)."""
    last = len(statements)
    return Cover([(said.start, said.end, (rank + (last if s.rule.startswith("answered") else 0), s))
                  for rank, s in enumerate(statements)
                  for said in (s.quote, s.content, s.sentence if s.negated else None) if said])


def _clause(text: str, sentence: Span, trigger: Span) -> Span:
    """The stretch of the sentence between the commas around the trigger."""
    commas = [m.start() for m in _COMMA.finditer(text[sentence.start:sentence.end])]
    commas = [sentence.start + c for c in commas]
    start = max([sentence.start] + [c + 1 for c in commas if c < trigger.start])
    end = min([sentence.end] + [c for c in commas if c >= trigger.end])
    return Span.of(text, start, end)


def _before_speech(text: str, clause: Span, trigger: Span, said: list[Statement], lex: Lexicon) -> Span:
    """The clause up to the speaker of a statement made after the trigger in it ("The signing
    comes as the US and its allies say …": no one of what they say takes part in the signing),
    unless the trigger's own "by" names that speaker ("a briefing by the agency … quoted")."""
    by, ends = event_cues(lex).agent_markers, []
    for statement in said:
        start = (statement.speaker_mention or statement.cue).start
        if statement.cue.start > trigger.end and trigger.end <= start < clause.end \
                and not by.search(text, trigger.end, start):
            ends.append(start)
    return Span(clause.start, min(ends), clause.text[:min(ends) - clause.start]) if ends else clause


def _factuality(text: str, clause: Span, trigger: Span, said: Statement | None, lex: Lexicon) -> str:
    cues = event_cues(lex)
    hedges = [(m.start(), m.end()) for m in cues.possible.finditer(text, clause.start, trigger.start)]
    if any(m.end() >= trigger.start - 12 and not any(a <= m.start() < b for a, b in hedges)
           for m in cues.negated.finditer(text, clause.start, trigger.start)) and not (said and said.negated) \
            and not (said and said.kind == "demand"):  # "urged all sides not to widen the war": possible, below
        return "negated"  # (a negation inside a hedge, "not ruling out", makes it possible below)
    # a modal in a clause of its own after the trigger is that clause's ("who died there were
    # heroes and that a monument would be built", "… and warned that Pyongyang may send more"),
    # as is one after "and" ("troops were sent and more could follow")
    # a modal before what was said is the speaker's ("belum bisa memverifikasi …"), not the event's
    said_from = max(clause.start, said.cue.end) if said and said.cue.end <= trigger.start else clause.start
    if cues.possible.occurs_in(text, said_from, clause.end):
        own = cues.new_clause.search(text, trigger.end, clause.end)
        joined = cues.conjunctions.search(text, trigger.end, clause.end)  # "are there and could move"
        cut = min([m.start() for m in (own, joined) if m], default=None)
        if cut is None or cues.possible.occurs_in(text, said_from, cut):
            return "possible"
    if said and said.negated:
        return "unconfirmed"
    # read in the words before the trigger and the clause put together: none of its words
    # begins in the clause, and the trigger does not join two words into one, means none there
    if (cues.unconfirmed.any_in(text, clause.start, clause.end) or Words.of(text).cuts(trigger.start)) \
            and cues.unconfirmed.pattern.search(text[clause.start:trigger.start] + clause.text):
        return "unconfirmed"
    if said and said.kind == "demand":
        return "possible"
    if said or cues.reported.occurs_in(text, clause.start, trigger.start):
        return "reported"
    return "asserted"


def _said_in(statement: Statement, trigger: Span) -> bool:
    """Whether ``trigger`` is among the words of ``statement``, told after its cue."""
    words = statement.content or statement.quote
    return words is not None and statement.cue.end <= trigger.start and words.start <= trigger.start < words.end


def _amount(text: str, amounts: list[Quantity], trigger: Span, lex: Lexicon) -> Quantity | None:
    """The quantity nearest the trigger, of those not parted from it by "and" ("300 soldiers
    have died and 2,700 have been wounded": 300 died), else of all."""
    joined = event_cues(lex).conjunctions
    near = [q for q in amounts if not joined.occurs_in(text, min(q.span.end, trigger.end), max(q.span.start, trigger.start))]
    return _nearest(near or amounts, trigger)


def _nearest(items, trigger: Span):
    if not items:
        return None
    return min(items, key=lambda x: abs((x.span.start + x.span.end) / 2 - trigger.start))


def _time(text: str, trigger: Span, clause: Span, sentence: Span, said: Statement | None,
          times: ByStart[TimeExpr], factuality: str, triggers: list[tuple[int, int]] = ()) -> TimeExpr | None:
    """A time in the event's clause, not one a trigger of another type stands nearer to, between them
    ("the deployment, under the treaty signed last June": June dates the signing); or set off
    before it at the start of the sentence; else bounded by the statement that reports it."""
    own = [t for t in times.within(clause.start, clause.end) if not (said and said.time is t)
           and not _nearer(trigger, t.span, triggers)]
    if own:
        return _nearest(own, trigger)
    fronted = _fronted(text, clause, sentence, times)
    if fronted and not (said and said.time is fronted):
        return fronted
    if said and said.time and said.time.end and factuality != "possible":  # on or before it was said
        return TimeExpr(said.time.span, "", None, said.time.end, "unknown", anchor="statement",
                        anchor_date=said.time.end)
    return None


def _nearer(trigger: Span, time: Span, triggers: list[tuple[int, int]]) -> bool:
    """Whether another trigger stands between ``trigger`` and ``time``.

    >>> _nearer(Span(0, 10, ""), Span(40, 50, ""), [(0, 10), (20, 26)]), _nearer(Span(0, 10, ""), Span(40, 50, ""), [(0, 10)])
    (True, False)
    """
    if time.start >= trigger.end:
        return any(trigger.end <= s and e <= time.start for s, e in triggers)
    return any(time.end <= s and e <= trigger.start for s, e in triggers)


def _fronted(text: str, clause: Span, sentence: Span, times: ByStart[TimeExpr]) -> TimeExpr | None:
    """'At the end of October, the troops were moved': a time alone before the first comma of
    the sentence (a preposition or two beside it) dates the clause right after that comma."""
    comma = clause.start - 1
    if comma <= sentence.start or text[comma] != "," or _COMMA.search(text, sentence.start, comma):
        return None
    found = times.within(sentence.start, comma)
    if len(found) != 1:
        return None
    rest = text[sentence.start:found[0].span.start].split() + text[found[0].span.end:comma].split()
    return found[0] if len(rest) <= 2 else None


@lru_cache(maxsize=None)
def _nominal(lex: Lexicon) -> frozenset[str]:
    """The trigger nouns that may name an event told before ("the deployment"), casefolded (cached)."""
    return frozenset(w.casefold() for w in lex.get("events.nominal", []))


def _mentioned_before(event: Event, events: list[Event], lex: Lexicon, times: list[TimeExpr]) -> Event | None:
    """The earlier event a definite noun names again ("the deployment", "pengiriman pasukan
    itu"): same type, and nothing of its own (no time written in its clause, no quantity, no
    other place, no other factuality). A bare noun ("losses") may be another event."""
    if event.trigger.text.casefold() not in _nominal(lex) or event.quantity or not _definite(event, lex):
        return None
    if event.time and event.time.span.end > event.time.span.start and event.time.anchor != "statement":
        return None
    for earlier in reversed(events):
        if earlier.type == event.type and earlier.factuality == event.factuality \
                and (not event.places or event.places == earlier.places):
            return earlier
    return None


def _definite(event: Event, lex: Lexicon) -> bool:
    """Whether a definite word stands right before the trigger ("the deployment") or one of
    the three words after it, in its clause ("pengiriman pasukan itu")."""
    cues, sentence, trigger = event_cues(lex), event.sentence.text, event.trigger
    before = WORD.findall(sentence, 0, trigger.start - event.sentence.start)[-1:]
    after = WORD.findall(sentence[trigger.end - event.sentence.start:].split(",", 1)[0])[:3]
    return any(w.casefold() in cues.definite_before for w in before) or any(
        w.casefold() in cues.definite_after for w in after)



# Events that last or add up: "since" before their time starts a period ("fighting since
# December", "11,000 sent since October"); others happen once, and "since" dates their start
# ("pulled back since mid-January": pulled back in mid-January).
_LASTING = frozenset({"combat", "training", "deployment", "casualties", "interrogation", "cooperation"})


def _since(text: str, time: TimeExpr | None, said: Statement | None, published: date | None,
           lex: Lexicon) -> TimeExpr | None:
    """A time written after "since" / "sejak" begins a period that runs to the day it was told
    (the statement's, else the publication's): "fighting since early December", told on 19
    December, is 1 to 19 December; any other time is itself."""
    if time is None or time.begin is None or time.span.start == time.span.end:
        return time
    marker = event_cues(lex).since.finditer(text, max(0, time.span.start - 15), time.span.start)[-1:]
    told = said.time.end if said and said.time and said.time.end else published
    if not marker or text[marker[0].end():time.span.start].strip() or told is None or told < time.begin:
        return time
    return TimeExpr(time.span, "", time.begin, told, "range", anchor="since", anchor_date=told)


def _by_publication(factuality: str, published: date | None) -> TimeExpr | None:
    """'At the latest on the day of publication', for what is told as having happened, or as
    not having happened by then ("have not been seen fighting")."""
    if published is None or factuality not in ("asserted", "reported", "negated"):
        return None
    return TimeExpr(Span(0, 0, ""), "", None, published, "unknown", anchor="publication", anchor_date=published)


def _label(text: str, event: Event, clause: Span, index: ActorIndex) -> str:
    """A short label: from the first participant near the trigger to the place."""
    start, end = event.trigger.start, event.trigger.end
    keys = {k for _, k in event.roles} | set(event.places)
    for m in index.within(clause.start, clause.end) + index.within(clause.start, clause.end, "place"):
        if m.key in keys:
            if m.span.start < start and start - m.span.end < 40:
                start = m.span.start
            if m.span.end > end and m.key in event.places:
                end = m.span.end
    if event.quantity and event.quantity.span.start < start and start - event.quantity.span.end < 40:
        start = event.quantity.span.start
    words = text[start:end].split()
    return " ".join(words[:14]) + (" …" if len(words) > 14 else "")
