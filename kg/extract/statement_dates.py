"""When a statement was made.

A time written between the speaker and the content dates a statement ("X said on Tuesday
that …"), as does a day set off by a comma at the end of its sentence ("…, X said,
Thursday."). Without one, a statement takes the date of the previous statement when the
same speaker (or someone speaking for it) goes on, also for what was not said on that
occasion ("declined to say"), but not for what has not been said ("has not commented",
"belum"), which has no date. A date given later ("The remarks came on Monday") dates the
speaker's undated statements just before it.

>>> from kg.ingest import parse_article
>>> from kg.extract.document import extract
>>> text = ("Jane Roe said on Nov. 11, 2024 that the troops had moved. She added that more would follow. "
...         "John Doe said the talks would go on.")
>>> [(s.speakers, str(s.time.day) if s.time else None) for s in extract(parse_article(text, "a.txt")).statements]
[(['jane-roe'], '2024-11-11'), (['jane-roe'], '2024-11-11'), (['john-doe'], None)]
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..lexicon import Lexicon
from ..model import Span, Statement, TimeExpr
from .actor_index import ActorIndex
from .spans import ByStart
from .speakers import WORD
from .speech_grammar import SpeechGrammar, speech_grammar

if TYPE_CHECKING:  # only named in annotations: speech.py imports this module
    from .speech import ReadingState


def when_said(statement: Statement, times: ByStart[TimeExpr], state: ReadingState, index: ActorIndex,
              grammar: SpeechGrammar) -> TimeExpr | None:
    """A time between the speaker and the content, or a day set off by a comma at the end of
    the sentence; else the last speech date, when the same speaker (or someone speaking for
    it, or a pronoun) goes on, unless nothing has been said ("has not commented")."""
    if statement.rule.startswith("answered"):  # an interview's answer, a transcript's line
        return _interview_day(index.text, times, grammar)
    said_from = statement.sentence.start
    words = statement.content or statement.quote
    said_to = max((words or statement.cue).start, statement.cue.end + 12)
    if words and (words.start > statement.cue.end + 1  # after "that" / "bahwa",
                  or statement.quote and statement.cue.end <= statement.quote.start <= words.start):  # or a quotation:
        said_to = words.start  # what was said, whose times date what it tells, not the saying
    if statement.quote and statement.quote.start < statement.cue.start:
        said_from, said_to = statement.quote.end, statement.sentence.end
    elif statement.content and statement.content.end <= statement.cue.start:  # "…, X said on Tuesday"
        said_from = min(statement.cue.start, statement.speaker_mention.start if statement.speaker_mention else statement.cue.start)
        said_from, said_to = max(said_from, statement.content.end), statement.sentence.end
    own = [t for t in times.within(said_from, said_to) if t.begin]
    if own:
        return own[-1]
    sentence = statement.sentence
    tail = [t for t in times.within(sentence.start, sentence.end) if t.begin and t.granularity == "day"
            and _ends_the_clause(sentence.text[t.span.end - sentence.start:], grammar)
            and (_set_off(sentence.text[:t.span.start - sentence.start], grammar)
                 or _after_a_short_object(statement, t, grammar))]
    if tail:  # "…, X said, Thursday (31/10/2024)." or "…, pada Sabtu (11/1)." dates the speech
        return tail[-1]
    if not state.time or statement.negated and _standing(statement, grammar):
        return None  # "has not commented": no occasion to date; "declined to say" goes on from the last one
    adds = statement.cue.text.casefold() in grammar.additions  # "Austin added": one more voice on that occasion
    return state.time if adds or _goes_on(statement, state, index) else None


def _interview_day(text: str, times: ByStart[TimeExpr], grammar: SpeechGrammar) -> TimeExpr | None:
    """The day an interview's answers or a transcript's lines were given: the last day its
    introduction names before the first question or speaker's tag ("We spoke to her by phone on
    Friday, Nov. 29."; "… in Brussels on Monday, October 28, 2024. MODERATOR: …"), if any."""
    asked = grammar.question_mark.search(text)
    first = asked.start() if asked else len(text)
    line = 0
    while line < first:
        if grammar.speaker_tag.match(text, line):
            first = line
            break
        line = text.find("\n", line) + 1 or len(text)
    days = [t for t in times.within(0, first) if t.granularity == "day" and t.begin] if first < len(text) else []
    return days[-1] if days else None


def _ends_the_clause(after: str, grammar: SpeechGrammar) -> bool:
    """Whether what follows a date ends its sentence, or is only a phrase after a preposition
    ("… on Saturday in a post on Telegram.")."""
    words = after.strip(" .").split()
    return not words or words[0].casefold() in grammar.prepositions and not grammar.any_verb.search(after)


def _after_a_short_object(statement: Statement, time: TimeExpr, grammar: SpeechGrammar) -> bool:
    """Whether a day after a preposition (or "late", "early") follows only a few words of what
    was said, with no "that" ("X confirmed the capture on Jan. 12", "X announced the capture late
    Saturday"), or up to twelve that name an event and hold no verb ("X revealed the dispatch of
    1,500 troops to the Far East on Oct. 18"): it dates the confirming, not the capture. A
    subject and a passive's auxiliary make a clause of its own, whose day it is ("X said the
    men were seized on Thursday")."""
    said = statement.content
    if said is None or statement.quote or not said.start <= time.span.start <= said.end:
        return False
    before = said.text[:time.span.start - said.start]
    words = before.split()
    named = [w.casefold() for w in words[:2]]  # "the dispatch of 1,500 troops to the Far East on Oct. 18"
    most = 12 if grammar.event_nouns & set(named) and not grammar.any_verb.search(before) else 5
    return 2 <= len(words) <= most and words[-1].casefold() in grammar.prepositions | grammar.time_modifiers \
        and not grammar.complementizer_ahead.search(before) \
        and not any(w.casefold() in grammar.passive for w in words[1:])  # "… the men were seized on Thursday":
    # a subject, then a verb: a clause of its own


def _set_off(before: str, grammar: SpeechGrammar) -> bool:
    """Whether ``before`` (the sentence up to a date) ends in a comma, a preposition perhaps
    after it ("…, Thursday", "…, pada Sabtu", "…, on Saturday")."""
    before = before.rstrip()
    last = before.rsplit(None, 1)[-1] if before else ""
    if last in grammar.addressee_stops:
        before = before[:-len(last)].rstrip()
    return before.endswith(",")


def _goes_on(statement: Statement, state: ReadingState, index: ActorIndex) -> bool:
    """Whether this statement continues the last speaker's: a shared speaker, someone who
    belongs to or speaks for it (or the other way round), or an implicit speaker."""
    if statement.implicit:
        return True
    now = set().union(*(_circle(k, index) for k in statement.speakers)) if statement.speakers else set()
    before = set().union(*(_circle(k, index) for k in state.speakers)) if state.speakers else set()
    return bool(set(statement.speakers) & before or set(state.speakers) & now)


def _circle(key: str, index: ActorIndex) -> set[str]:
    """An actor and those it belongs to or speaks for, up the chain of affiliations."""
    circle, todo = set(), [key]
    while todo:
        k = todo.pop()
        if not k or k in circle:
            continue
        circle.add(k)
        actor, entry = index.actors.get(k), index.gaz.entries.get(k)
        todo += [actor.affiliation, actor.principal] if actor else []
        todo += [entry.affiliation] if entry else []
    return circle


def date_back(found: list[Statement], dated: Statement, when: TimeExpr, index: ActorIndex) -> None:
    """A date given when a speaker goes on ("Austin said on Wednesday …", "He made the remarks
    on Friday") dates that speaker's undated statements just before (not the ones that say
    something was not said)."""
    circle = set().union(*(_circle(k, index) for k in dated.speakers)) if dated.speakers else set()
    for statement in reversed(found):
        if not _open(statement.time) or not (set(statement.speakers) & circle or statement.implicit):
            break
        if not statement.negated:
            statement.time = when


def _open(time: TimeExpr | None) -> bool:
    """Whether a statement's time leaves its day open: none, or only "by the day of
    publication" (what was said in the present or the perfect, "says", "has said")."""
    return time is None or time.begin is None and time.anchor == "publication"


def first_day(sentence: Span, times: ByStart[TimeExpr]) -> TimeExpr | None:
    return next((t for t in times.within(sentence.start, sentence.end) if t.granularity == "day"), None)


def dated_by_restating(text, sentence, found, times, state, lex) -> None:
    """'Pengakuan itu dimuat KCNA pada Senin (28/4).': a sentence that only dates what was just said."""
    opening = Statement("", "", Span.of(text, sentence.start, sentence.start), sentence, [], False)
    when = first_day(sentence, times)
    if not found or not when or not restates(text, opening, lex):
        return
    for statement in reversed(found):
        if not _open(statement.time) or statement.time is not None and statement.negated:
            break  # (not "has not commented": it was said on no day)
        statement.time = when
    state.time = when


_LEAD = re.compile(r"\W*(?:\S+\s+){0,2}")  # a sentence's first two words
_FOLLOWING = re.compile(r"\s*(?:\S+\s+){0,3}")  # the three words after a cue


def restates(text: str, statement: Statement, lex: Lexicon) -> bool:
    """'He made the remarks on Thursday', 'The announcement came on Monday': the last words, said again."""
    if statement.kind not in ("", "claim"):  # "membantah klaim tersebut" denies someone else's claim
        return False
    anaphors = speech_grammar(lex).restatements
    lead = _LEAD.match(text[statement.sentence.start:statement.sentence.end])
    subject = anaphors.search(text, statement.sentence.start, statement.sentence.start + lead.end() + 1)
    after = _FOLLOWING.match(text[statement.cue.end:statement.sentence.end])
    obj = anaphors.search(text, statement.cue.end, statement.cue.end + after.end())
    said = statement.content
    news = said is not None and said.start >= statement.cue.end and len(said.text.split()) >= 4
    return bool(obj or subject and not news)  # "Pernyataan itu menyebut …" says something new


def _standing(statement: Statement, grammar: SpeechGrammar) -> bool:
    """Whether what was not said stands at no one time: in the perfect or not yet ("has not
    commented", "belum mengonfirmasi"), not on an occasion ("declined to say")."""
    return _cue_with(statement, grammar.perfect | grammar.not_yet)


def holds_when_written(statement: Statement, lex: Lexicon) -> bool:
    """Whether what the cue says holds when the article is written: in the perfect ("has",
    "telah" in it or among the three words before it: "has not commented", "tidak pernah
    mengakui"), in the present ("says", "believes"), or a silence ("remained silent")."""
    grammar = speech_grammar(lex)
    return _cue_with(statement, grammar.perfect) or statement.cue.text.casefold() in grammar.silence \
        or bool(set(WORD.findall(statement.cue.text.casefold())) & grammar.present)


def _cue_with(statement: Statement, words: frozenset[str]) -> bool:
    """Whether one of ``words`` (casefolded) is in the cue or among the three words before it,
    after what was said."""
    sentence, cue = statement.sentence, statement.cue
    said = [w.end for w in (statement.quote, statement.content) if w and w.end <= cue.start]
    start = max([cue.start - 40, *said])  # not the words said before it ("'… sudah …,' kata X")
    before = WORD.findall(sentence.text, max(0, start - sentence.start), cue.start - sentence.start)[-3:]
    return any(w.casefold() in words for w in before + WORD.findall(statement.cue.text))
