"""Statements: who said what, when, to whom, quoted or reported.

Three shapes are read, all from lexicon data:

- quote first: ``"…," kata Rutte kepada wartawan`` / ``"…," ucapnya`` (an enclitic cue: the
  speaker is the last one) / ``"…," said Kirby`` / ``"…," Kirby said``;
- according to: ``Menurut dia, …`` / ``…, according to the NIS``;
- speaker first: ``X (pada Selasa) mengatakan (kepada Y), (bahwa) …``, with coordinated
  speakers (``AS dan Korea Selatan mendesak``) and negated reporting (``belum
  mengonfirmasi``).

The date of a statement is a time written between its speaker and its content; without
one it is the date of the previous statement (news reports run on from the last dated
utterance), except for negated statements ("has not confirmed"), which hold at publication.

This module finds the cues and what was said; who speaks is read in :mod:`kg.extract.speakers`,
when in :mod:`kg.extract.statement_dates`, both with the words of :mod:`kg.extract.speech_grammar`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from ..lexicon import Lexicon
from ..model import Actor, Span, Statement, TimeExpr
from .actor_index import ActorIndex, slug
from .spans import ByStart
from .speakers import (WORD, addressees_at, last_person, listed_actors, relative_clauses, role_anaphor, role_person,
                       speaker_at, speaker_in, subject, titled_person)
from .speech_grammar import SpeechGrammar, cue_kinds, speech_grammar
from .statement_dates import date_back, dated_by_restating, first_day, holds_when_written, restates, when_said
from .words import WordList, words_in


@dataclass
class ReadingState:
    """What a reader remembers while reading on: the last speakers and the last speech date."""

    speakers: list[str] = field(default_factory=list)
    time: TimeExpr | None = None
    occasion: TimeExpr | None = None  # the day of the last meeting, briefing or session told with one
    entry: TimeExpr | None = None  # a live page's entry, opened by its time stamp: the day it was posted
    scene: tuple[TimeExpr, Span] | None = None  # a sentence that set a scene at an occasion on a day, and it


def find_statements(article_id: str, text: str, sentences: list[Span], quotes: list[Span],
                    lex: Lexicon, index: ActorIndex, times: list[TimeExpr],
                    published: date | None = None, outlet: str | None = None,
                    writer: Span | None = None) -> list[Statement]:
    """Every statement in the article, in text order (a sentence may hold several).

    A sentence's first speaker is its main one: the one a later enclitic cue or "he said" goes
    back to, even when someone else speaks in a subordinate clause. A statement in the perfect
    or the present, or a silence, with no date of its own ("Moscow has dismissed the reports",
    "has not commented", "Seoul says", "remained silent") was made by the day of publication.
    What the outlet (the publisher) says it could not verify, it says on the day of
    publication; what the article's ``writer`` (the name its byline gives) says in the first
    person outside quotations ("I expect …", "Saya khawatir …"), likewise, the writer then an
    actor."""
    state, found = ReadingState(), []
    own_voice = _outlet_voice(text, sentences, quotes, lex, index, outlet) if outlet else ""
    writer_key = ""
    times = ByStart(times, _span)  # looked up by where they start
    quotes = ByStart(quotes, _itself)
    for sentence in sentences:
        if _CLOCK_LINE.fullmatch(sentence.text.strip()):  # "14:05 GMT": a live page's new entry, read afresh
            state = ReadingState(entry=published and _on_publication(published))
            continue
        if state.scene and first_day(sentence, times):
            state.scene = None  # another day told: the scene set before is over
        if speech_grammar(lex).occasions.any_in(text, sentence.start, sentence.end):
            state.occasion = first_day(sentence, times) or state.occasion or first_day(sentences[0], times)
            # ("… at the meeting on Tuesday"; a meeting with no day told: the lead's day)
        here = _candidates(text, sentence, quotes, lex, index, state)
        mine = [m for m in _in_first_person(text, sentence, quotes, lex)
                if not any(_overlaps(m.cue, h.cue) for h in here)] if writer else []
        if mine:  # "I expect …" in a column: its writer's, who is then an actor
            writer_key = writer_key or _writer(index, writer)
            for m in mine:
                m.speakers = [writer_key]
            here = sorted(here + mine, key=lambda s: s.cue.start)
        doubt = _unverified(text, sentence, quotes, lex, index, outlet)
        if doubt and (doubt.speaker_mention or all(not _overlaps(doubt.cue, h.cue) or h.speakers == doubt.speakers
                                                    for h in here)):  # named ("The Kyiv Post could not"): it
            here = sorted([*(h for h in here if not _overlaps(doubt.cue, h.cue)), doubt], key=lambda s: s.cue.start)
        if not here:
            scene = speech_grammar(lex).occasions.any_in(text, sentence.start, sentence.end) and first_day(sentence, times)
            if scene:  # "After the meeting on Thursday, two committee members took questions."
                state.scene = scene, sentence
            dated_by_restating(text, sentence, found, times, state, lex)
            opener = _person_opening(text, sentence, lex, index)
            if opener:  # "The director briefed the committee on Wednesday. He said …": the director, then
                state.speakers, state.time = [opener], first_day(sentence, times) or state.time
        main: list[str] = []
        for statement in here:
            if restates(text, statement, lex) and found and found[-1].speakers == statement.speakers:
                when = (when_said(statement, times, ReadingState(), index, speech_grammar(lex))
                        or first_day(sentence, times))
                if when:  # "She made the remarks on Thursday": a date for what she said
                    date_back(found, statement, when, index)
                    state.time = when
                main = main or statement.speakers
                continue
            _complete(article_id, statement, sentence, found, times, state, index, lex)
            if statement.rule == "unverified":  # the outlet could not verify it when it wrote
                statement.time = published and _on_publication(published)
            writing = {own_voice, writer_key} - {""}
            statement.time = statement.time or _day_of_reading(statement, state, published, writing, index, lex,
                                                               outlet)
            if statement.time and statement.speakers and set(statement.speakers) <= writing:
                state.time = statement.time  # those who write go on on the day they write, not on a day they told
            main = main or ([] if statement.via else statement.speakers)
            found.append(statement)
        if main:
            state.speakers = main
    return found


def _day_of_reading(statement: Statement, state: ReadingState, published: date | None, writing: set[str],
                    index: ActorIndex, lex: Lexicon, outlet: str | None = None) -> TimeExpr | None:
    """The day of a statement with none of its own, from where it is read: what those who
    write the article say (the outlet's own voice, "We urge …"; its writer's "I expect …"), and
    what a guest says in a transcript that tells no day ("GUEST: …"), is of the day of
    publication; what is said in a live page's entry, of the page's day; what one
    of those a scene shows says, of the scene's day; and what holds when the article is written
    (the perfect, the present, a silence), or was told to the outlet itself ("told us"), by the
    day of publication."""
    if published and len(statement.speakers) == 1 and statement.speakers[0] in writing and not statement.via:
        return _on_publication(published)
    if published and statement.rule.startswith("answered") and any(
            k in index.actors and index.actors[k].label.casefold() in speech_grammar(lex).guest_tags
            for k in statement.speakers):
        return _on_publication(published)  # a guest whose interview tells no day: on the day it went out
    if state.entry and not statement.negated and not holds_when_written(statement, lex):
        return state.entry
    if state.scene and _in_scene(statement, state.scene[1], index):
        return state.scene[0]
    if published and (holds_when_written(statement, lex) or _told_the_outlet(statement, index, lex, outlet)):
        return TimeExpr(Span(0, 0, ""), "", None, published, "unknown", anchor="publication", anchor_date=published)
    return None


def _told_the_outlet(statement: Statement, index: ActorIndex, lex: Lexicon, outlet: str | None) -> bool:
    """Whether the statement was made to the outlet itself ("told us", "kepada kami", "told
    Example News" in its own article): by the day it published."""
    if speech_grammar(lex).outlet_object.match(index.text, statement.cue.end):
        return True
    after = index.text[statement.cue.end:statement.cue.end + 80].split()
    named = " ".join(after[1:] if after[:1] and after[0] in speech_grammar(lex).addressee_stops else after)
    return bool(outlet) and (named.casefold().startswith(outlet.casefold() + " ") or any(
        index.actors[k].label.casefold() == outlet.casefold() for k in statement.addressees if k in index.actors))


def _writer(index: ActorIndex, name: Span) -> str:
    """The key of the person the byline names, recorded with a mention there."""
    key = index.person_by_name(name.text) or slug(name.text)
    index.add_actor(key, name.text, "person", name, "author")
    return key


def _on_tagged_line(text: str, pos: int, grammar: SpeechGrammar) -> bool:
    """Whether the line ``pos`` is on opens with a speaker's tag, an answer's mark or a question's
    ("GUEST: …", "J: …"): what is said there is the tagged speaker's, not the article's own."""
    line = text.rfind("\n", 0, pos) + 1
    return any(t.match(text, line) for t in (grammar.speaker_tag, grammar.answer_mark, grammar.question_mark))


def _in_first_person(text: str, sentence: Span, quotes: ByStart[Span], lex: Lexicon) -> list[Statement]:
    """'I expect …', 'Saya khawatir …' outside quotations, and not on a line a speaker's tag
    or an answer's mark opens: the article's writer speaks (the speaker is left to be named)."""
    grammar = speech_grammar(lex)
    if _on_tagged_line(text, sentence.start, grammar):
        return []
    inside = quotes.within(sentence.start, sentence.end)
    return [Statement("", grammar.first_person_kinds[m.group().casefold()], Span.of(text, m.start(), m.end()),
                      sentence, [], False, content=_trim(text, Span.of(text, m.end(), sentence.end)),
                      rule="first-person")
            for m in grammar.first_person.finditer(text, sentence.start, sentence.end)
            if not any(q.start <= m.start() < q.end for q in inside)]


def _in_scene(statement: Statement, scene: Span, index: ActorIndex) -> bool:
    """Whether a speaker of ``statement`` is one of those the scene sentence shows: named in it,
    or known by a role two of whose words it holds ("a committee member from the ruling party"
    after "two committee members took questions"; words compared by their first five letters)."""
    if any(m.span.start >= scene.start and m.span.end <= scene.end
           for k in statement.speakers for m in index.within(scene.start, scene.end) if m.key == k):
        return True
    shown = {w[:5] for w in WORD.findall(scene.text.casefold()) if len(w) >= 5}
    return any(len({w[:5] for w in WORD.findall(index.actors[k].label.casefold()) if len(w) >= 5} & shown) >= 2
               for k in statement.speakers if k in index.actors)


def _on_publication(published: date) -> TimeExpr:
    """The day of publication, as the time of what the outlet says when it writes."""
    return TimeExpr(Span(0, 0, ""), published.isoformat(), published, published, "day", anchor="publication",
                    anchor_date=published)


def _outlet_voice(text: str, sentences: list[Span], quotes: list[Span], lex: Lexicon, index: ActorIndex,
                  outlet: str) -> str:
    """The publisher's key if a sentence of the article's own voice opens with the outlet's
    pronoun or name for itself ("We urge …", "This newspaper argued …", "Kami mendesak …"),
    each such opening then a mention of the publisher; ``""`` if none does. Not inside a
    quotation, nor on a line that opens with a speaker's tag ("GUEST: …"), where "we" is the
    one speaking."""
    grammar, key = speech_grammar(lex), ""
    for sentence in sentences:
        start = sentence.start + len(text[sentence.start:sentence.end]) - len(text[sentence.start:sentence.end].lstrip())
        m = grammar.outlet_opener.match(text, start, sentence.end)
        if not m or any(q.start <= start < q.end for q in quotes) or _on_tagged_line(text, start, grammar):
            continue
        key = key or outlet_key(index, outlet)
        index.add_actor(key, index.actors[key].label, index.actors[key].type, Span.of(text, m.start(), m.end()), "outlet")
    return key


def _person_opening(text: str, sentence: Span, lex: Lexicon, index: ActorIndex) -> str | None:
    """The person a sentence opens with, after a determiner and a short phrase set off by a
    comma ("Later on Wednesday, the director …"), if any: the one a pronoun opening the next
    sentence stands for."""
    determiners = speech_grammar(lex).determiners
    comma = text.find(",", sentence.start, min(sentence.end, sentence.start + 40))
    starts = [sentence.start] + ([comma + 1] if comma > 0 and len(text[sentence.start:comma].split()) <= 5 else [])
    for start in starts:
        start += len(text[start:sentence.end]) - len(text[start:sentence.end].lstrip())
        word = WORD.match(text, start)
        hit = index.at(word.end() if word and word.group().casefold() in determiners else start)
        if hit and index.actors[hit.key].type == "person":
            return hit.key
    return None


def _candidates(text, sentence, quotes, lex, index, state) -> list[Statement]:
    """The statements every finder reads in one sentence, one per cue, in text order."""
    inside = quotes.within(sentence.start, sentence.end)
    here: list[Statement] = []
    pronouns = speech_grammar(lex).pronouns
    for finder in _FINDERS:
        for statement in finder(text, sentence, inside, lex, index, state):
            if not any(_overlaps(statement.cue, h.cue) for h in here):
                mention = statement.speaker_mention
                from_context = mention is None or bool(pronouns.pattern.fullmatch(mention.text))
                statement.rule = finder.__name__.strip("_").replace("_", "-") + ("/context" if from_context else "")
                here.append(statement)
    kept = sorted((s for s in here if not _restated(s, here) and not _asked(text, s, inside, speech_grammar(lex))),
                  key=lambda s: s.cue.start)
    for statement in kept:
        _cut_before_later_cues(text, statement, kept, speech_grammar(lex).next_clause)
    return kept


def _asked(text: str, statement: Statement, inside: list[Span], grammar: SpeechGrammar) -> bool:
    """Whether the cue is in a question outside quotations ("What did Seoul say?", "Has Moscow
    confirmed it?"): something asked, not said; not in an answer, where a question is the one
    answering's way of saying something ("A: Why would Moscow deny what it has never denied?")."""
    if not statement.sentence.text.rstrip().endswith("?") or statement.rule.startswith("answered") \
            or any(q.start <= statement.cue.start < q.end for q in inside):
        return False
    line = text.rfind("\n", 0, statement.sentence.start) + 1
    tag = grammar.speaker_tag.match(text, line)
    return not (grammar.answer_mark.match(text, line) or tag and tag.group("name").casefold() in grammar.guest_tags)


def _unverified(text, sentence, quotes, lex, index, outlet) -> Statement | None:
    """'The claims could not be independently verified.', 'we have not been able to verify it',
    'Yonhap could not verify', 'Klaim itu belum bisa diverifikasi': the outlet's own word,
    outside quotation marks, that it could not confirm what it reports (a negated confirmation,
    the publisher its speaker)."""
    if not outlet:
        return None
    grammar = speech_grammar(lex)
    mention = None
    m = grammar.unverified.search(text, sentence.start, sentence.end)  # "could not be verified"
    if m:
        before = text[sentence.start:m.start()].split()
        opening = before[:1]  # "Neither the claim nor the figures could be verified"
        if not any(grammar.negators.pattern.fullmatch(w.lower()) for w in before[-3:] + opening):
            return None  # "it was verified"
        start = m.start()
        while before and (before[-1].casefold() in grammar.auxiliaries or grammar.negators.pattern.fullmatch(
                before[-1].lower())):  # the modal and the negator are part of the cue
            start = text.rindex(before.pop(), sentence.start, start)
        cue = Span.of(text, start, m.end())
    else:  # "we have not been able to verify", "Yonhap could not verify"
        m = grammar.unverified_by.search(text, sentence.start, sentence.end)
        if not m:
            return None
        lead = text[sentence.start:m.start()].rstrip()
        word = lead.split()[-1:]
        if word and word[0].casefold() in grammar.outlet_pronouns:
            mention = Span.of(text, len(lead) + sentence.start - len(word[0]), sentence.start + len(lead))
        elif lead.casefold().endswith(outlet.casefold()) and not lead[:-len(outlet)][-1:].isalnum():
            mention = Span.of(text, sentence.start + len(lead) - len(outlet), sentence.start + len(lead))
        elif word and word[0][:1].isupper() and len(word[0]) > 3 and outlet.split()[0].casefold() == word[0].casefold():
            mention = Span.of(text, len(lead) + sentence.start - len(word[0]), sentence.start + len(lead))  # "Yonhap"
        else:
            return None
        cue = Span.of(text, m.start(), m.end())
    if any(q.start <= cue.start < q.end for q in quotes.within(sentence.start, sentence.end)):
        return None
    key = outlet_key(index, outlet)
    if mention and mention.text.casefold() == outlet.casefold():  # named, not "we": a mention of it
        index.add_actor(key, index.actors[key].label, index.actors[key].type, mention)
    return Statement("", "confirmation", cue, sentence, [key], False, content=_trim(text, sentence), negated=True,
                     implicit=mention is None, speaker_mention=mention, rule="unverified")


def outlet_key(index: ActorIndex, name: str) -> str:
    """The actor key of the article's publisher: the actor of that name the text names, else one
    from the page's metadata (with no mention in the text)."""
    folded = name.casefold()
    for key, actor in index.actors.items():
        if actor.label.casefold() in (folded, folded.split()[0]) or folded in (m.text.casefold() for m in actor.mentions):
            return key  # "Yonhap" for Yonhap News Agency
    key = slug(name)
    index.actors.setdefault(key, Actor(key, name, "organization", labels={index.language: name}))
    return key


def _cut_before_later_cues(text: str, statement: Statement, others: list[Statement], next_clause: re.Pattern) -> None:
    """End what ``statement`` says before a later cue inside it: one set off after it that
    attributes the words before it ("Y has not confirmed the reports, X said": not "…, X said"
    as well), one where the speaker goes on ("X said …, adding that …": a statement of its own),
    or one whose speaker opens a clause joined after a comma ("X said on Sunday that …, and
    President Y said on Monday that …": Y's words, and Y's Monday, are not X's)."""
    words = statement.content
    for other in others:
        lead, mention = other.content, other.speaker_mention
        if other is statement or words is None or not words.start < other.cue.start < words.end:
            continue
        joined = mention and words.start < mention.start and next_clause.search(text, words.start, mention.start)
        if lead is not None and lead.end <= other.cue.start and words.start < lead.end < words.end:
            statement.content = words = _trim(text, Span.of(text, words.start, lead.end))
        elif other.rule.startswith("continued"):
            statement.content = words = _trim(text, Span.of(text, words.start, other.cue.start))
        elif joined:
            statement.content = words = _trim(text, Span.of(text, words.start, joined.start()))


def _at_occasion(text: str, statement: Statement, lex: Lexicon) -> bool:
    """Whether the sentence names a meeting, a briefing or a session outside what was said
    ("After the meeting, X said …", "X told the briefing that …")."""
    occasions, sentence = speech_grammar(lex).occasions, statement.sentence
    said = [w for w in (statement.content, statement.quote) if w]
    start, end = min((w.start for w in said), default=sentence.end), max((w.end for w in said), default=sentence.end)
    return occasions.any_in(text, sentence.start, start) or occasions.any_in(text, end, sentence.end)


def _restated(statement: Statement, others: list[Statement]) -> bool:
    """Whether a cue set off at the end ("…, katanya.") only repeats the speaker of a cue
    its words hold ("X menyebut, …, katanya"): one statement, not two."""
    words = statement.content
    return statement.rule.startswith("trailing") and words is not None and any(
        o is not statement and o.speakers == statement.speakers and words.start <= o.cue.start < words.end
        for o in others)


def _complete(article_id, statement, sentence, found, times, state, index, lex) -> None:
    """Give a found statement its id, kind, date and principal, and remember its date."""
    statement.id = f"{article_id}/statement/{statement.cue.start}-{statement.cue.end}"
    if statement.content is not None:  # "…, seperti dilansir AFP, Selasa (19/11)": where the article got it
        cited = speech_grammar(lex).citations.search(index.text, statement.content.start, statement.content.end)
        if cited and index.text[statement.content.start:cited.start()].rstrip().endswith(","):
            statement.content = _trim(index.text, Span.of(index.text, statement.content.start, cited.start()))
    if statement.content is not None and statement.content.start >= statement.content.end:
        statement.content = None  # "…, the lawmakers said." says nothing after its cue
    statement.kind = _refine(index.text, statement, lex)
    statement.time = when_said(statement, times, state, index, speech_grammar(lex))
    if statement.time is not None and statement.time is state.time and any(
            s.speakers == statement.speakers and s.time is None for s in _of_sentence(found, sentence)):
        statement.time = None  # "X wrote … and warned …": as undated as the first half, not an earlier speaker's day
    if statement.time is None and not statement.negated:  # "X told lawmakers …, according to Y"
        statement.time = next((s.time for s in _of_sentence(found, sentence) if s.time), None)
    if statement.time is None and state.occasion and not statement.negated and _at_occasion(index.text, statement, lex):
        statement.time = state.occasion  # "After the meeting, X said …": on its day
    if statement.time is not None and statement.time is not state.time:
        date_back(found, statement, statement.time, index)
    statement.principal = next((index.actors[s].principal for s in statement.speakers
                                if s in index.actors and index.actors[s].principal), "")
    if statement.time and not statement.negated:
        state.time = statement.time
    if not statement.via:
        state.speakers = statement.speakers


def _span(item) -> Span:
    return item.span


def _itself(span: Span) -> Span:
    return span


def _of_sentence(found: list[Statement], sentence: Span) -> list[Statement]:
    """The statements found so far in ``sentence``, the one being read: the last ones found."""
    tail = len(found)
    while tail and found[tail - 1].sentence == sentence:
        tail -= 1
    return found[tail:]


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _quote_first(text, sentence, inside, lex, index, state) -> list[Statement]:
    """'"…," said X' / '"…," X said' / '"…," he added' (an enclitic cue: the last speaker) /
    '"…," the statement read'."""
    cues = cue_kinds(lex, "quote_cues")
    cue_after = speech_grammar(lex).quote_cue
    found = []
    for quote in inside:
        after = quote.end + len(text[quote.end:sentence.end]) - len(text[quote.end:sentence.end].lstrip(" ,")) + 1
        tail = text[after:sentence.end]
        speaker_before = index.at(after + len(tail) - len(tail.lstrip(" ,")))
        m = cue_after.match(tail)
        if not m:
            continue
        cue = Span.of(text, after + m.start("cue"), after + m.end())
        titled = titled_person(text, after + m.start("who"), after + m.end("who"), index) if m.group("who") else None
        if m.group("enc"):
            speakers, mention = list(state.speakers) or last_person(index, cue.start), None
        elif titled:
            speakers, mention = [titled.key], Span.of(text, after + m.start("who"), titled.span.end)
        elif m.group("who") and speaker_before:
            speakers, mention = [speaker_before.key], speaker_before.span
        elif m.group("who") and _is_role_anaphor(m.group("who"), lex) and state.speakers:
            speakers = list(state.speakers)  # "the spokesperson told reporters": the one just heard
            mention = Span.of(text, after + m.start("who"), after + m.end("who"))
        elif m.group("who") and _is_document(m.group("who"), lex) and state.speakers:
            speakers, mention = list(state.speakers), None  # '"…," the statement read'
        elif m.group("who"):
            continue
        else:
            speakers, mention = speaker_at(text, cue.end, sentence.end, lex, index, state)
        if not speakers:
            continue
        to = addressees_at(text, mention.end if mention else cue.end, sentence.end, lex, index)
        found.append(Statement("", cues[m.group("cue")], cue, sentence, speakers, True, quote=quote,
                               addressees=to.actors, audience=to.audience, speaker_mention=mention))
    return found


def _trailing(text, sentence, inside, lex, index, state) -> list[Statement]:
    """'…, kata Zelensky.' / '…, ujarnya.' / '…, said the minister.': reported speech with no
    quotation marks, its cue set off by a comma at the end of the sentence (perhaps with an
    addressee or a day after it); what comes before the comma is what was said."""
    cues = cue_kinds(lex, "quote_cues")
    commas, comma = [], sentence.end
    while len(commas) < 3:
        comma = text.rfind(",", sentence.start + 1, comma)
        if comma < 0:
            break
        commas.append(comma)
    for comma in commas:
        m = speech_grammar(lex).quote_cue.match(text, comma, sentence.end)
        if not m or m.group("who") or m.group("cue") in speech_grammar(lex).addressee_verbs:
            continue  # "…, X said": the speaker-first reading's; "…, told X": X was told, not the speaker
        cue = Span.of(text, m.start("cue"), m.end())
        if m.group("enc"):
            speakers, mention = list(state.speakers) or last_person(index, cue.start), None
        else:
            speakers, mention = speaker_at(text, cue.end, sentence.end, lex, index, state)
        rest = text[mention.end if mention else cue.end:sentence.end]
        aside = _ASIDE.match(rest)  # "The capture, Zelensky wrote on social media, “was not easy”": set off
        if not speakers or len(rest.split()) > 6 and not aside or inside and not aside:
            return []  # the cue must close the sentence, or be set off by commas; in a sentence with a
            # quotation, the quotation's cues are read with it
        to = addressees_at(text, mention.end if mention else cue.end, sentence.end, lex, index)
        return [Statement("", cues[m.group("cue")], cue, sentence, speakers, False,
                          content=_trim(text, Span.of(text, sentence.start, comma)),
                          addressees=to.actors, audience=to.audience, speaker_mention=mention)]
    return []


def _is_role_anaphor(words: str, lex: Lexicon) -> bool:
    return words in speech_grammar(lex).speaker_roles


def _is_document(words: str, lex: Lexicon) -> bool:
    return words.casefold() in speech_grammar(lex).documents


def _according_to(text, sentence, inside, lex, index, state) -> list[Statement]:
    """'According to X, …' / '…, according to X' (also inside a sentence with another statement)."""
    found = []
    for m in speech_grammar(lex).according.finditer(text, sentence.start, sentence.end):
        if any(q.start <= m.start() < q.end for q in inside):
            continue
        comma = text.find(",", m.end(), sentence.end)
        head = text[sentence.start:m.start()].rstrip()
        said_that = head.endswith(",") and _ends_with_that(head[:-1], lex)
        if (not head or said_that) and comma > 0:  # "according to X, content"; "… told reporters that,
            holder, content = (m.end(), comma), Span.of(text, comma + 1, sentence.end)  # according to X, content"
        elif head.endswith(","):  # "content, according to X."
            stop = text.find(",", m.end(), sentence.end)
            holder = (m.end(), stop if stop > 0 else sentence.end)
            content = Span.of(text, sentence.start, m.start())
        else:
            continue
        if m.group("enc"):  # "Menurutnya, …": the last speaker
            speakers, mention = list(state.speakers) or last_person(index, m.start()), None
        else:
            speakers, mention = speaker_in(text, *holder, lex, index, state)
            listed = listed_actors(text, holder[0], sentence.end if head else holder[1], lex, index)
            if listed and listed[0].span.start < holder[1] and (len(listed) > 1 or not speakers):
                # "…, according to Kyiv, Seoul and Washington": each of them; a capital for its state
                speakers = list(dict.fromkeys(x.key for x in listed))
                mention = Span.of(text, listed[0].span.start, listed[-1].span.end)
        if not speakers:
            continue
        cue = Span.of(text, m.start(), m.end())
        found.append(Statement("", "claim", cue, sentence, speakers, False, content=_trim(text, content),
                               speaker_mention=mention))
    return found


def _ends_with_that(words: str, lex: Lexicon) -> bool:
    """Whether ``words`` end with a complementizer ("… told reporters that", "… bahwa").

    >>> from kg.lexicon import load
    >>> _ends_with_that("He told reporters that", load("en")), _ends_with_that("He told reporters", load("en"))
    (True, False)
    """
    last = words.split()[-1:]
    return bool(last) and bool(speech_grammar(lex).complementizer_ahead.fullmatch(last[0]))


def _passive_by(text, sentence, inside, lex, index, state) -> list[Statement]:
    """'Hal ini disampaikan oleh X' / 'This was stated at a briefing by X': speaker after the cue."""
    found, grammar = [], speech_grammar(lex)
    for m in grammar.passive_by.finditer(text, sentence.start, sentence.end):
        by = grammar.agent_marker.search(text[m.end():sentence.end])
        start = m.end() + by.end() if by else m.end()
        to = grammar.addressee_markers.search(text, start, sentence.end)  # "disampaikan NIS kepada …"
        end = to.start() if to else sentence.end
        comma, before = text.find(",", start, end), text[sentence.start:m.start()].split()
        if comma >= 0 and not index.within(start, comma) and before and grammar.relativizer.fullmatch(before[-1]):
            end = comma  # "…, yang disampaikan bulan lalu, adalah …": a relative clause with no one named in it
        content = Span.of(text, sentence.start, m.start())
        if m.group() in grammar.broadcast and grammar.restatements.pattern.fullmatch(content.text.strip()):
            continue  # "The interview was aired by KBS on Monday": the day of what was said, no new statement
        speakers, mention = speaker_in(text, start, end, lex, index, state)
        if speakers:
            found.append(Statement("", "claim", Span.of(text, m.start(), m.end()), sentence, speakers, False,
                                   content=_trim(text, content), speaker_mention=mention))
    return found


def _reported(text, sentence, inside, lex, index, state) -> list[Statement]:
    """'laporan Korea Selatan dan AS bahwa …', 'reports by Seoul that …', "Kyiv's claim that …":
    a report or a claim whose makers are named next to it, with what it says after "that"."""
    grammar, found = speech_grammar(lex), []
    for m in grammar.report_nouns.finditer(text, sentence.start, sentence.end):
        if any(q.start <= m.start() < q.end for q in inside):
            continue
        that = grammar.complementizer_ahead.search(text, m.end(), min(sentence.end, m.end() + 80))
        if not that or _far_after_a_verb(text, sentence.start, m.start(), lex):
            continue  # "told Putin in a video report released by the Kremlin that …": the verb's "that"
        named = [x for x in index.within(m.end(), that.start()) if index.actors[x.key].type != "armed_force"] \
            or index.speaking_states(m.end(), that.start())
        owner = _POSSESSED.search(text, max(sentence.start, m.start() - 40), m.start())
        if not named and owner:  # "Kyiv's claim that …"
            end = owner.start() + len(owner.group(1))
            named = [x for x in index.within(owner.start(), end) if x.span.end <= end] \
                or index.speaking_states(owner.start(), end)
        if not named or _CLAUSE_MARK.search(text, m.end(), that.start()):
            continue
        speakers = list(dict.fromkeys(x.key for x in named))
        found.append(Statement("", "claim", Span.of(text, m.start(), m.end()), sentence, speakers, False,
                               content=_trim(text, Span.of(text, that.end(), sentence.end)),
                               speaker_mention=Span.of(text, named[0].span.start, named[-1].span.end)))
    return found


def _far_after_a_verb(text: str, start: int, pos: int, lex: Lexicon) -> bool:
    """Whether a reporting verb stands before ``pos`` in ``text[start:pos]``, more than two
    words before it (not "dismissed Kyiv's claim", whose claim is the verb's object)."""
    verbs = words_in(speech_grammar(lex).verb_list, text, start, pos, typo_length=8, known=lex.words())
    return any(len(WORD.findall(text, end, pos)) > 2 for _, end, _ in verbs)


_POSSESSED = re.compile(r"(\S+)['’]s?\s+$")  # "Kyiv's " right before a noun


def _verbless(text, sentence, inside, lex, index, state) -> list[Statement]:
    """'Dalam pernyataan X, …' / 'In a statement, X …': a document that speaks, with no verb;
    or with an agentless cue after it ("Dalam pernyataan X disebutkan bahwa …"), X's words."""
    grammar = speech_grammar(lex)
    m = grammar.document_leads.match(text, sentence.start, sentence.end)
    if not m:
        return []
    comma = text.find(",", m.end(), sentence.end)
    told = grammar.agentless.search(text, m.end(), comma if comma >= 0 else sentence.end)
    if told:
        holder_end, cue, words_start = told.start(), Span.of(text, told.start(), told.end()), told.end()
    elif comma >= 0:
        holder_end, cue, words_start = comma, Span.of(text, m.start(), m.end()), comma + 1
    else:
        return []
    enclitic = lex.get("speech.enclitic", "")
    if enclitic and text[m.end():m.end() + len(enclitic)] == enclitic:
        speakers, mention = list(state.speakers), None
    else:
        speakers, mention = speaker_in(text, m.end(), holder_end, lex, index, state)
    if not speakers:
        return []
    return [Statement("", "claim", cue, sentence, speakers, False,
                      content=_trim(text, Span.of(text, words_start, sentence.end)), speaker_mention=mention)]


def _speaker_first(text, sentence, inside, lex, index, state) -> list[Statement]:
    """'X (pada Selasa) mengatakan (kepada Y), (bahwa) …', several per sentence; a relay
    ('KCNA quoted Kim as saying …') gives a statement for each level."""
    grammar = speech_grammar(lex)
    said = words_in(grammar.verb_list, text, sentence.start, sentence.end, typo_length=8, known=lex.words())
    if not said:  # no verb of speech: what follows is looked for around one
        return []
    verbs = grammar.verbs
    found, floor = [], sentence.start
    hidden = relative_clauses(text, sentence.start, sentence.end, lex)  # "X, which has denied it, said …"
    cited = [(c.start(), c.end()) for c in grammar.citations.finditer(text, sentence.start, sentence.end)]
    going_on = [(c.start(), c.end()) for c in grammar.continuations.finditer(text, sentence.start, sentence.end)]
    unnamed = [(c.start(), c.end()) for c in grammar.anonymity.finditer(text, sentence.start, sentence.end)]
    for m_start, m_end, verb in said:
        if m_start < floor or any(q.start <= m_start < q.end for q in inside) \
                or any(a <= m_start < b for a, b in cited + going_on + unnamed):
            continue  # (not "as quoted by AFP": where the article got it; not "seraya menambahkan": the speaker
            # goes on; not "who asked not to be named": a speaker unnamed, not a statement)
        if grammar.negators.pattern.fullmatch(verb) and grammar.verb_start.match(text, m_end):
            continue  # "menolak berkomentar": a refusal to speak, read with the verb after it
        if _passive(text[max(floor, m_start - 60):m_start], grammar):
            continue  # "troops are expected to join": a hedge with no speaker, not the troops speaking
        source = [text.find(",", b, m_start) + 1 for a, b in cited
                  if floor <= a and b <= m_start and not index.within(floor, a)]
        clause = text.rfind(";", floor, m_start) + 1  # "Putin thanked Kim; Seoul condemned it": Seoul
        speakers, mention = subject(text, max([floor, clause, *source]), m_start, lex, index, state, inside)
        # (not the outlet a citation opening the sentence names: "Mengutip Yonhap, …, NIS menyebut …")
        coordinated = grammar.pronoun_subject.search(text, floor, m_start)
        if coordinated and (found or state.speakers):  # "…, and it quoted Kim": the one speaking, not Kim
            speakers = list(found[-1].speakers if found else state.speakers)
            mention = Span.of(text, coordinated.start("pronoun"), coordinated.end("pronoun"))
        comma = text.rfind(",", floor, m_start)  # "Kim ordered the deployment, KCNA said": KCNA, not Kim
        # (nor the ministry in "The ministry condemned it, a day after Pyongyang acknowledged …")
        if mention and comma >= 0 and mention.end <= comma and len(text[comma:m_start].split()) <= 6 \
                and (index.within(comma, m_start) or index.within(comma, m_start, "place")):
            after = subject(text, comma + 1, m_start, lex, index, state, inside)
            if after[0] and set(after[0]) != set(speakers):
                speakers, mention = after
        elif mention and comma >= 0 and mention.end <= comma and state.speakers \
                and grammar.subject_pronouns.pattern.fullmatch(text[comma + 1:m_start].strip()):
            pronoun = text[comma + 1:m_start].strip()  # "…, it said", "…, he added": the one speaking,
            at = text.index(pronoun, comma + 1)  # not an actor named before the comma
            speakers, mention = list(state.speakers), Span.of(text, at, at + len(pronoun))
        elif mention and comma >= 0 and mention.end <= comma \
                and (text[comma + 1:m_start].split() or [""])[0].casefold() in grammar.determiners:
            role = role_anaphor(text, comma + 1, m_start, lex, index, state) \
                or role_person(text, comma + 1, m_start, lex, index)  # "…, the spokesperson said", "…, a doctor says"
            if role is None:
                continue  # someone unnamed, not the actor before the comma
            speakers, mention = role
        co = grammar.coordinated.search(text[found[-1].cue.end:m_start]) if found else None
        if co and (not speakers or mention and mention.start < found[-1].cue.end + co.start()):
            speakers, mention = list(found[-1].speakers), None  # "denied it and said …", "said …, but warned"
        if not speakers:
            continue
        subject_end = mention.end if mention else floor
        joined = [j.end() for j in grammar.coordinator.finditer(text, subject_end, m_start)]
        subject_end = max([subject_end] + joined)  # "declined to give a number but said …": said
        subject_end = max([subject_end] + [b for a, b in unnamed + hidden if subject_end <= a and b <= m_start])
        # (not "who asked not to be named", nor "X, who has never confirmed it, said": the main verb's own words)
        negated = grammar.negators.occurs_in(text, subject_end, m_end) or verb.casefold() in grammar.silence
        # (a negator before the cue, or in it: "gave no figure")
        ahead = text[max(floor, mention.start - 12):mention.start].split()[-1:] if mention else []
        neither = bool(ahead) and bool(grammar.negators.pattern.fullmatch(ahead[0].lower()))  # "Neither X nor Y has"
        if any(w.casefold() in grammar.suppositions for w in ahead + text[subject_end:m_start].split()):
            continue  # "asked whether Moscow denied it", "if Pyongyang confirms it": nothing said yet
        end = m_end
        kind = verbs[verb]
        more = grammar.more_verb.match(text[end:sentence.end])  # "membantah atau mengonfirmasi"
        if more:
            end += more.end()
            kind = verbs[more.group(1)]  # "neither denied nor confirmed": what was not confirmed
        cue = Span.of(text, m_start, end)
        to = addressees_at(text, end, sentence.end, lex, index, cue.text)
        start = _content_start(text, end, sentence.end, lex, told=cue.text in grammar.addressee_verbs)
        content = Span.of(text, start, sentence.end)
        lead = _cataphoric_content(text, sentence, mention, m_start, end, index, lex)
        if lead:  # "content, X said on Monday."
            content = lead
        if negated:  # the content of a statement not made names what was not said
            neg = grammar.negators.pattern.search(text[subject_end:m_start])
            content = Span.of(text, subject_end + neg.start() if neg else m_start, sentence.end)  # (or a silence)
        negated = negated or neither
        quote = next((q for q in inside if q.start >= start), None)
        outer = Statement("", kind, cue, sentence, speakers, quote is not None, quote=quote,
                          content=_trim(text, content), addressees=to.actors, audience=to.audience,
                          negated=negated, speaker_mention=mention)
        found.append(outer)
        inner = _relayed(text, outer, lex, index)
        if inner:
            found.append(inner)
        clause_end = next((b for a, b in hidden if a <= m_start < b), None)
        if clause_end is None:
            floor = (inner or outer).cue.end
        elif outer.content and outer.content.end > clause_end:  # said in a relative clause: its words end
            end = max(outer.content.start, clause_end - 1)  # with it; the main verb's subject is before it
            outer.content = _trim(text, Span.of(text, outer.content.start, end))
    return found


def _passive(before: str, grammar: SpeechGrammar) -> bool:
    """Whether the words ``before`` a verb end with a passive auxiliary, perhaps followed by
    words that stand between it and its verb ("could not be independently").

    >>> from kg.lexicon import load
    >>> en = speech_grammar(load("en"))
    >>> _passive("the figures could not be independently", en), _passive("officials were there", en)
    (True, False)
    """
    words = [w.casefold() for w in before.split()]
    while words and words[-1] in grammar.passive_gap:
        words.pop()
    return bool(words) and words[-1] in grammar.passive


def _cataphoric_content(text, sentence, mention, cue_start, cue_end, index, lex) -> Span | None:
    """'Troops were sent, NATO chief Jane Roe said': the content before the subject's comma.

    The subject is what follows the last comma before the speaker (a title, a name); an
    apposition ("Jane Roe, a spokesperson, said") is not content. The cue ends the sentence,
    or its clause with a phrase after a preposition ("said on Friday, in what it called …").
    """
    if mention is None or "," in text[mention.end:cue_start]:
        return None
    grammar = speech_grammar(lex)
    told = text[cue_start:cue_end] in grammar.addressee_verbs
    if len(text[cue_start:sentence.end].split()) > 7 and not _ends_clause(text, cue_end, sentence.end, lex, told) \
            and not _goes_on_after(text, cue_end, sentence.end, grammar):
        return None  # a citation lead, then "X said …": what follows is said
    if text[cue_start:cue_end] not in grammar.addressee_verbs \
            and (text[cue_end:sentence.end].split() or [""])[0].casefold() in grammar.object_starts:
        return None  # "…, a day after X announced their capture": the cue has an object of its own
    clause_end = text.find(",", cue_end, sentence.end)
    if grammar.complementizer_ahead.search(text, cue_end, clause_end if clause_end >= 0 else sentence.end):
        return None  # "At a meeting in New York, X asked Y whether …": what was said follows
    comma = text.rfind(",", sentence.start, mention.start)
    if comma - sentence.start < 20 or mention.start - comma > 60:
        return None
    if grammar.citations.search(text, sentence.start, comma):
        return None  # "Mengutip Yonhap, Jumat (20/12), NIS menyebut …": where the article got it, not content
    if grammar.framing.fullmatch(text[comma + 1:mention.start].strip()):
        return None  # "A, a day after X confirmed B": the subject is in the writer's clause, not after A
    head = text[sentence.start:comma].split()
    if len(head) <= 6 and speech_grammar(lex).adverbial_leads.match(text, sentence.start):
        return None  # "On Saturday, X said …": a time or place before the subject, not content
    if index.within(max(sentence.start, comma - 14), comma):  # "Roe, the spokesperson,"
        previous = text.rfind(",", sentence.start, comma)
        if previous > 0 and index.within(previous, comma):
            return None
    opening = max(text.rfind(":", sentence.start, comma), text.rfind(";", sentence.start, comma)) + 1
    return Span.of(text, max(sentence.start, opening), comma)  # ("Both came last month: X did A, KCNA said")


def _goes_on_after(text: str, pos: int, end: int, grammar: SpeechGrammar) -> bool:
    """Whether the speaker goes on after the next comma ("…, X told the council, adding …",
    "…, without confirming …"): the cue's clause ends there."""
    comma = text.find(",", pos, end)
    if comma < 0:
        return False
    after = comma + 1 + len(text[comma + 1:end]) - len(text[comma + 1:end].lstrip())
    return bool(grammar.continuations.pattern.match(text, after) or grammar.unsaid.pattern.match(text, after))


def _ends_clause(text: str, pos: int, end: int, lex: Lexicon, told: bool = False) -> bool:
    """Whether only a few words after a preposition ("on Friday", "in a statement") stand
    between ``pos`` and a comma; after a verb that names whom it tells, after its audience
    ("told lawmakers on Monday, giving …").

    >>> from kg.lexicon import load
    >>> text = "told lawmakers on Monday, giving its account"
    >>> _ends_clause(text, 4, len(text), load("en"), told=True), _ends_clause(text, 4, len(text), load("en"))
    (True, False)
    """
    comma = text.find(",", pos, end)
    if comma < 0:
        return False
    heard = speech_grammar(lex).audiences.search(text, pos, comma) if told else None
    if heard and not text[pos:heard.start()].strip():
        pos = heard.end()
    words = text[pos:comma].split()
    return not words or len(words) <= 5 and words[0].casefold() in speech_grammar(lex).prepositions


def _relayed(text: str, outer: Statement, lex: Lexicon, index: ActorIndex) -> Statement | None:
    """'KCNA quoted Kim as saying …': the words of Kim, relayed by KCNA."""
    if outer.cue.text.split()[-1] not in speech_grammar(lex).relay_verbs:
        return None
    end = outer.sentence.end
    inner_cue = speech_grammar(lex).relayed_cues.search(text, outer.cue.end, end)
    if not inner_cue:
        return None
    mentions = [m for m in index.within(outer.cue.end, inner_cue.start())
                if index.actors[m.key].type != "armed_force"]
    if not mentions:
        return None
    who = mentions[-1]
    outer.content = _trim(text, Span.of(text, inner_cue.end(), end))
    return Statement("", "claim", Span.of(text, inner_cue.start(), inner_cue.end()), outer.sentence,
                     [who.key], outer.direct, quote=outer.quote, content=outer.content,
                     speaker_mention=who.span, via=outer.speakers[0])


def _agentless(text, sentence, inside, lex, index, state) -> list[Statement]:
    """'Disebutkan pula bahwa …' / 'It was also said that …': the speaker is the one last heard."""
    if not state.speakers:
        return []
    found = []
    for m in speech_grammar(lex).agentless.finditer(text, sentence.start, sentence.end):
        if any(q.start <= m.start() < q.end for q in inside):
            continue
        found.append(Statement("", "claim", Span.of(text, m.start(), m.end()), sentence, list(state.speakers),
                               False, content=_trim(text, Span.of(text, m.end(), sentence.end)), implicit=True))
    return found


def _answered(text, sentence, inside, lex, index, state) -> list[Statement]:
    """'J: …' / 'A: …' opening a line of an interview: the person named last before its first
    question ('T:' / 'Q:') answers. 'MR. MILLER: …' opening a line of a transcript: the person
    of that surname named before speaks."""
    line = text.rfind("\n", 0, sentence.start) + 1
    grammar = speech_grammar(lex)
    mark = grammar.answer_mark.match(text, line)
    tag = None if mark else grammar.speaker_tag.match(text, line)
    if mark:
        asked = grammar.question_mark.search(text)
        speaker = index.last(asked.start(), ("person",)) if asked and asked.start() < line else ""
    elif tag and tag.group("name").casefold() in grammar.guest_tags:  # "GUEST: …": the one interviewed, by role
        speaker = slug(tag.group("name"))
        index.add_actor(speaker, tag.group("name"), "person", Span.of(text, tag.start("name"), tag.end("name")), "role")
    elif tag:
        named = index.at(tag.start("name"))  # "SOT — LLOYD AUSTIN, …:": named there in full
        speaker = _tagged(tag.group("name"), index, line) or (
            named.key if named and index.actors[named.key].type == "person" else "")
    else:
        return []
    if not speaker:
        return []
    found, said = [], mark or tag
    if line == sentence.start:  # the line's first sentence: the whole answer
        cue = Span.of(text, said.start(), len(text[:said.end()].rstrip()))
        line_end = text.find("\n", sentence.start)
        answer = _trim(text, Span.of(text, said.end(), line_end if line_end >= 0 else len(text)))
        mention = Span.of(text, tag.start(), tag.end("name")) if tag else None
        found.append(Statement("", "claim", cue, sentence, [speaker], True, quote=answer, content=answer,
                               speaker_mention=mention))
    for m in grammar.first_person.finditer(text, max(sentence.start, said.end()), sentence.end):
        # "I think …", "Saya khawatir …" in the answer: one more statement of the one answering
        found.append(Statement("", grammar.first_person_kinds[m.group().casefold()], Span.of(text, m.start(), m.end()),
                               sentence, [speaker], False, content=_trim(text, Span.of(text, m.end(), sentence.end))))
    return found


def _tagged(name: str, index: ActorIndex, before: int) -> str:
    """The person named before ``before`` whose surname is the last word of a transcript's tag
    ("MR. MILLER" for Matthew Miller), or one letter off it (a typo: "MR. MILER")."""
    surname = name.split()[-1].casefold()
    people = [m.key for m in index.mentions if m.span.start < before and index.actors.get(m.key)
              and index.actors[m.key].type == "person"]
    for near in (False, True):
        for key in reversed(people):
            last = index.actors[key].label.split()[-1].casefold()
            if last == surname or near and _one_off(last, surname):
                return key
    return ""


def _one_off(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with one letter left out, added or changed (and longer than 3)."""
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1:
        return False
    i = next((n for n, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return a[i + 1:] == b[i + 1:] or a[i + 1:] == b[i:] or a[i:] == b[i + 1:]


def _continued(text, sentence, inside, lex, index, state) -> list[Statement]:
    """'…, adding that …' / '…, seraya menambahkan …': the sentence's speaker goes on; '…,
    without confirming that …' / '…, tanpa membantah …': goes on without saying it."""
    grammar = speech_grammar(lex)
    found = []
    going_on = [(m, next((k for cue, k in grammar.kind_cues if cue.fullmatch(m.group())), "claim"), False)
                for m in grammar.continuations.finditer(text, sentence.start, sentence.end)]  # ", warning …": a warning
    going_on += [(m, grammar.unsaid_kinds[m.group().casefold()], True)
                 for m in grammar.unsaid.finditer(text, sentence.start, sentence.end)]
    for m, kind, unsaid in going_on:
        if any(q.start <= m.start() < q.end for q in inside):
            continue
        by = _absolute(text, sentence, m.start(), index, grammar)
        if by:  # "…, with Tokyo warning that …": Tokyo says it
            said = Span.of(text, _content_start(text, m.end(), sentence.end, lex), sentence.end)
            found.append(Statement("", kind, Span.of(text, m.start(), m.end()), sentence, [by.key], False,
                                   content=_trim(text, said), negated=unsaid, speaker_mention=by.span))
            continue
        if not _after_comma(text, m.start()):
            continue
        earlier = [s for s in _speaker_first(text, Span.of(text, sentence.start, m.start()), inside, lex, index, state)]
        earlier += _quote_first(text, Span.of(text, sentence.start, m.start()), inside, lex, index, state)
        if not earlier:
            continue
        said = Span.of(text, _content_start(text, m.end(), sentence.end, lex), sentence.end)  # after "that" too
        found.append(Statement("", kind, Span.of(text, m.start(), m.end()), sentence, list(earlier[-1].speakers),
                               False, content=_trim(text, said), negated=unsaid))
    return found


def _absolute(text: str, sentence: Span, pos: int, index: ActorIndex, grammar: SpeechGrammar):
    """The actor of ", with Tokyo warning …": a mention right between an absolute marker
    ("with") and ``pos``, the marker set off by a comma; else ``None``."""
    before = sorted(index.within(sentence.start, pos) + index.speaking_states(sentence.start, pos),
                    key=lambda m: m.span.start)  # "Tokyo": the capital speaks for its state
    actor = before[-1] if before else None
    if actor is None or index.actors.get(actor.key) is None or text[actor.span.end:pos].strip():
        return None
    lead = text[sentence.start:actor.span.start].split()
    while lead and lead[-1][:1].isupper() and len(lead) > 1:  # "with President Yoon …": a title between
        lead.pop()
    return actor if len(lead) > 1 and lead[-1].casefold() in grammar.absolute_markers and lead[-2].endswith(",") \
        else None


def _after_comma(text: str, pos: int) -> bool:
    """Whether the last character before ``pos`` that is not blank is a comma (read back
    from ``pos``, not by copying all the text before it)."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos > 0 and text[pos - 1] == ","


_FINDERS = (_quote_first, _trailing, _according_to, _passive_by, _verbless, _speaker_first, _continued, _agentless,
            _reported, _answered)


_ASIDE = re.compile(r"[^,.;:\"“”]{0,40},")  # the rest of a cue set off between commas ("… di media sosial,")
_CLOCK_LINE = re.compile(r"\d{1,2}[:.]\d{2}(?:\s*[A-Z]{2,5})?")  # a time stamp alone: "14:05 GMT", "16.15 WIB"
_CLAUSE_MARK = re.compile(r"[;:\"“”]|\.(?!\w)(?<!\b[A-Z]\.)(?!\s+[a-z0-9])")  # not the stop of "U.N.", "Feb. 12"


def _content_start(text, pos, end, lex, told: bool = False) -> int:
    """Skip an addressee, a comma and a complementizer ("bahwa", "that") after the cue; after
    a verb that names whom it tells, an audience before the words ("told reporters the …")."""
    rest = text[pos:end]
    grammar = speech_grammar(lex)
    ahead = grammar.complementizer_ahead.search(rest[:90])
    if ahead and not _CLAUSE_MARK.search(rest[:ahead.start()]) \
            and not grammar.coordinated.search(rest[:ahead.start()]) \
            and not grammar.any_verb.search(rest, 0, ahead.start()) \
            and not grammar.subject_pronouns.pattern.search(rest, 0, ahead.start()) \
            and not grammar.continuations.pattern.search(rest, 0, ahead.start()) \
            and not any(w.casefold() in grammar.auxiliaries for w in rest[:ahead.start()].split()) \
            and (rest[:ahead.start()].split() or [""])[-1].casefold() not in grammar.nouns_described:
        return pos + ahead.end()  # "said on Monday, in Rome, that …"; not "says 10,000 were sent, and that
        # …", "said a captive admitted that …", "said it had seen no sign that …" or "said 300 had been
        # killed, adding that …" or "said North Korean units that had trained …": those begin at once
    m = grammar.content_lead.match(rest)
    start = pos + (m.end() if m else 0)
    heard = grammar.audiences.search(text, start, min(end, start + 40)) if told else None
    if heard and heard.start() == start:
        start = heard.end() + len(text[heard.end():end]) - len(text[heard.end():end].lstrip(" ,"))
    return start


def _trim(text: str, span: Span) -> Span:
    """A content span without surrounding blanks and final punctuation."""
    s, e = span.start, span.end
    while s < e and text[s] in " ,":
        s += 1
    while e > s and text[e - 1] in " .,":
        e -= 1
    return Span.of(text, s, e)


def _refine(text: str, statement: Statement, lex: Lexicon) -> str:
    """A plain 'said' becomes a concern, warning, demand or prediction when its words say so."""
    if statement.kind != "claim":
        return statement.kind
    said = (statement.quote or statement.content)
    if said is None or not _any_kind_cue(lex).occurs_in(text, said.start, said.end):  # most say nothing more
        return statement.kind
    for cue, kind in speech_grammar(lex).kind_cues:
        if cue.search(said.text):
            return kind
    return statement.kind


@lru_cache(maxsize=None)
def _any_kind_cue(lex: Lexicon) -> WordList:
    """The words of all the ``speech.kind_cues`` records (cached)."""
    return WordList([w for record in lex.get("speech.kind_cues", []) for w in record["words"]], ignore_case=True)
