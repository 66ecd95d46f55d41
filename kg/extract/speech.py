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
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from ..lexicon import Lexicon
from ..model import Span, Statement, TimeExpr
from .actors import ActorIndex, Mention, _name_at, slug
from .patterns import by_first_letter, either, phrases
from .spans import ByStart
from .words import WordList, words_in


@dataclass(frozen=True)
class _Grammar:
    """The patterns and word sets a lexicon's speech data gives, built once per lexicon."""

    pronouns: WordList
    restatements: WordList
    quote_cue: re.Pattern
    speaker_roles: frozenset[str]
    documents: frozenset[str]  # the statement nouns, casefolded
    according: WordList
    passive_by: WordList
    agent_marker: re.Pattern
    document_leads: re.Pattern
    verbs: dict[str, str]
    verb_list: list[str]
    coordinated: re.Pattern  # "… and" right before a cue
    coordinator: re.Pattern  # "and", "but", "tetapi": anywhere
    verb_start: re.Pattern  # a speaker-first verb right at a position (after blanks)
    any_verb: re.Pattern  # a speaker-first verb anywhere
    subject_pronouns: WordList  # "he", "they", "it", "pihaknya": a clause of its own begins (its .pattern read)
    passive: frozenset[str]  # "are", "was": before a reporting verb, a passive with no speaker
    passive_gap: frozenset[str]  # "not", "independently": between a passive's auxiliary and its verb
    joins: frozenset[str]  # "and", "dan": between two speakers, casefolded
    more_verb: re.Pattern  # "denied or confirmed": a second cue after the first
    negators: WordList
    adverbial_leads: re.Pattern
    relay_verbs: frozenset[str]
    relayed_cues: WordList
    agentless: WordList
    continuations: WordList
    statement_nouns: WordList
    definite_after: frozenset[str]
    conjunctions: re.Pattern
    relative_clause: re.Pattern
    group_speakers: WordList
    role_speakers: WordList
    addressee_markers: re.Pattern
    addressee_verbs: frozenset[str]
    addressee_stops: frozenset[str]
    audiences: WordList
    complementizer_ahead: re.Pattern
    content_lead: re.Pattern
    kind_cues: tuple[tuple[re.Pattern, str], ...]
    perfect: frozenset[str]  # "has", "have", casefolded
    determiners: frozenset[str]  # "the", "a", casefolded
    object_starts: frozenset[str]  # "the", "their": a noun phrase begins, casefolded
    prepositions: frozenset[str]  # "on", "in", casefolded
    report_nouns: WordList  # "laporan", "reports": a report whose makers are named beside it
    citations: WordList  # "seperti dilansir", "as quoted by": where the article got it from


@lru_cache(maxsize=None)
def _grammar(lex: Lexicon) -> _Grammar:
    """The :class:`_Grammar` of ``lex`` (cached: do not change the lexicon)."""
    enclitic = lex.get("speech.enclitic", "")
    enc = re.escape(enclitic) if enclitic else "(?!)"
    cues = _cues(lex, "quote_cues")
    according = lex.get("speech.according_to", [])
    leads = by_first_letter(sorted(according, key=len, reverse=True))
    verbs = _cues(lex, "verbs")
    joins = either(lex.get("speech.coordinators", [])) or "(?!)"
    markers = lex.get("speech.addressee_markers", []) + lex.get("speech.addressee_verbs", [])
    skip = rf"(?:\s*(?:{either(markers) or '(?!)'})\s+(?:[\w-]+\s+){{0,2}}?[\w-]+(?=,))?"
    comp = either(lex.get("speech.complementizers", [])) or "(?!)"
    return _Grammar(
        pronouns=WordList(lex.get("actors.pronouns", [])),
        restatements=WordList(lex.get("speech.restatements", []), ignore_case=True),
        quote_cue=re.compile(rf"[\s,]*(?:(?P<who>[^\s,]+(?: [^\s,]+){{0,5}}) )??(?<![\w-])"
                             rf"(?P<cue>{either(cues, longest_first=True)})(?P<enc>{enc})?(?![\w-])"),
        speaker_roles=frozenset(lex.get("actors.speaker_roles", [])),
        documents=frozenset(w.casefold() for w in lex.get("speech.statement_nouns", [])),
        according=WordList(according + [w + enclitic for w in according if enclitic], pattern=re.compile(
            rf"(?<![\w-])(?:{leads or '(?!)'})(?P<enc>{enc})?(?![\w-])")),
        passive_by=WordList(lex.get("speech.passive_by", [])),
        agent_marker=re.compile(rf"\b(?:{either(lex.get('speech.agent_markers', [])) or '(?!)'})\b"),
        document_leads=phrases(lex.get("speech.document_leads", [])),
        verbs=verbs,
        verb_list=list(verbs),
        coordinated=re.compile(rf"(?:^|\s)(?:{joins})\s+(?:\w+\s+){{0,2}}$"),  # "and said", "but declined to say"
        coordinator=re.compile(rf"(?<![\w-])(?:{joins})(?![\w-])"),
        verb_start=re.compile(rf"\s+(?:{either(verbs, longest_first=True)})(?![\w-])"),
        any_verb=re.compile(rf"(?<![\w-])(?:{either(verbs, longest_first=True)})(?![\w-])"),
        subject_pronouns=WordList(lex.get("actors.pronouns", []) + lex.get("actors.plural_pronouns", [])
                                  + lex.get("actors.collective_pronouns", []), ignore_case=True),
        passive=frozenset(w.casefold() for w in lex.get("events.passive_auxiliaries", [])),
        passive_gap=frozenset(w.casefold() for w in lex.get("speech.passive_gap", [])),
        joins=frozenset(w.casefold() for w in lex.get("actors.conjunctions", [])),
        more_verb=re.compile(rf"\s+(?:{joins})\s+({phrases(verbs).pattern})"),
        negators=WordList(lex.get("speech.negators", [])),
        adverbial_leads=phrases(lex.get("speech.adverbial_leads", [])),
        relay_verbs=frozenset(lex.get("speech.relay_verbs", [])),
        relayed_cues=WordList(lex.get("speech.relayed_cues", [])),
        agentless=WordList(lex.get("speech.agentless", [])),
        continuations=WordList(lex.get("speech.continuations", [])),
        statement_nouns=WordList(lex.get("speech.statement_nouns", []), ignore_case=True),
        definite_after=frozenset(lex.get("actors.definite_after", [])),
        conjunctions=phrases(lex.get("actors.conjunctions", [])),
        relative_clause=re.compile(rf",\s*(?:{either(lex.get('speech.relativizers', [])) or '(?!)'})\b[^,]*,"),
        group_speakers=WordList(lex.get("actors.group_speakers", []), ignore_case=True),
        role_speakers=WordList(lex.get("actors.speaker_roles", []), ignore_case=True),
        addressee_markers=phrases(markers),
        addressee_verbs=frozenset(lex.get("speech.addressee_verbs", [])),
        addressee_stops=frozenset(lex.get("speech.complementizers", []) + lex.get("speech.prepositions", [])),
        audiences=WordList(lex.get("speech.audiences", []), ignore_case=True),
        complementizer_ahead=re.compile(rf"(?<![\w-])(?:{comp})(?![\w-])\s*"),
        content_lead=re.compile(rf"{skip}\s*,?\s*(?:(?:{comp})\b\s*)?"),
        kind_cues=tuple((phrases(r["words"], ignore_case=True), r["kind"]) for r in lex.get("speech.kind_cues", [])),
        perfect=frozenset(w.casefold() for w in lex.get("speech.perfect", [])),
        determiners=frozenset(w.casefold() for w in lex.get("actors.determiners", [])),
        object_starts=frozenset(w.casefold() for w in lex.get("actors.determiners", []) + lex.get("actors.possessives", [])),
        prepositions=frozenset(w.casefold() for w in lex.get("speech.prepositions", [])),
        report_nouns=WordList(lex.get("speech.report_nouns", []), ignore_case=True),
        citations=WordList(lex.get("speech.citation", []), ignore_case=True),
    )


@dataclass
class _State:
    """What a reader remembers while reading on: the last speakers and the last speech date."""

    speakers: list[str] = field(default_factory=list)
    time: TimeExpr | None = None


def find_statements(article_id: str, text: str, sentences: list[Span], quotes: list[Span],
                    lex: Lexicon, index: ActorIndex, times: list[TimeExpr],
                    published: date | None = None) -> list[Statement]:
    """Every statement in the article, in text order (a sentence may hold several).

    A sentence's first speaker is its main one: the one a later enclitic cue or "he said" goes
    back to, even when someone else speaks in a subordinate clause. A statement in the perfect
    with no date of its own ("Moscow has dismissed the reports", "has not commented") was made
    by the day of publication."""
    state, found = _State(), []
    times = ByStart(times, _span)  # looked up by where they start
    quotes = ByStart(quotes, _itself)
    for sentence in sentences:
        here = _candidates(text, sentence, quotes, lex, index, state)
        if not here:
            _dated_by_restating(text, sentence, found, times, state, lex)
        main: list[str] = []
        for statement in here:
            if _restates(text, statement, lex) and found and found[-1].speakers == statement.speakers:
                when = _when(statement, times, _State(), index, _grammar(lex)) or _first_day(sentence, times)
                if when:  # "She made the remarks on Thursday": a date for what she said
                    _date_back(found, statement, when, index)
                    state.time = when
                main = main or statement.speakers
                continue
            _complete(article_id, statement, sentence, found, times, state, index, lex)
            if statement.time is None and published and _in_perfect(text, statement, lex):
                statement.time = TimeExpr(Span(0, 0, ""), "", None, published, "unknown", anchor="publication",
                                          anchor_date=published)
            main = main or ([] if statement.via else statement.speakers)
            found.append(statement)
        if main:
            state.speakers = main
    return found


def _in_perfect(text: str, statement: Statement, lex: Lexicon) -> bool:
    """Whether the cue is in the perfect: "has" or "have" in it or among the three words
    before it ("has not commented", "has officially acknowledged")."""
    perfect = _grammar(lex).perfect
    before = _WORD.findall(text, max(statement.sentence.start, statement.cue.start - 40), statement.cue.start)[-3:]
    return any(w.casefold() in perfect for w in before + _WORD.findall(statement.cue.text))


def _candidates(text, sentence, quotes, lex, index, state) -> list[Statement]:
    """The statements every finder reads in one sentence, one per cue, in text order."""
    inside = quotes.within(sentence.start, sentence.end)
    here: list[Statement] = []
    pronouns = _grammar(lex).pronouns
    for finder in _FINDERS:
        for statement in finder(text, sentence, inside, lex, index, state):
            if not any(_overlaps(statement.cue, h.cue) for h in here):
                mention = statement.speaker_mention
                from_context = mention is None or bool(pronouns.pattern.fullmatch(mention.text))
                statement.rule = finder.__name__.strip("_").replace("_", "-") + ("/context" if from_context else "")
                here.append(statement)
    kept = sorted((s for s in here if not _restated(s, here)), key=lambda s: s.cue.start)
    for statement in kept:
        _cut_before_attribution(text, statement, kept)
    return kept


def _cut_before_attribution(text: str, statement: Statement, others: list[Statement]) -> None:
    """End what ``statement`` says before a cue set off after it that attributes the words
    before it ("Y has not confirmed the reports, X said"): not "…, X said" as well."""
    words = statement.content
    for other in others:
        lead = other.content
        if other is not statement and words is not None and lead is not None and lead.end <= other.cue.start \
                and words.start < lead.end < words.end and words.start <= other.cue.start < words.end:
            statement.content = words = _trim(text, Span.of(text, words.start, lead.end))


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
        cited = _grammar(lex).citations.search(index.text, statement.content.start, statement.content.end)
        if cited and index.text[statement.content.start:cited.start()].rstrip().endswith(","):
            statement.content = _trim(index.text, Span.of(index.text, statement.content.start, cited.start()))
    if statement.content is not None and statement.content.start >= statement.content.end:
        statement.content = None  # "…, the lawmakers said." says nothing after its cue
    statement.kind = _refine(index.text, statement, lex)
    statement.time = _when(statement, times, state, index, _grammar(lex))
    if statement.time is not None and statement.time is state.time and any(
            s.speakers == statement.speakers and s.time is None for s in _of_sentence(found, sentence)):
        statement.time = None  # "X wrote … and warned …": as undated as the first half, not an earlier speaker's day
    if statement.time is None and not statement.negated:  # "X told lawmakers …, according to Y"
        statement.time = next((s.time for s in _of_sentence(found, sentence) if s.time), None)
    if statement.time is not None and statement.time is not state.time:
        _date_back(found, statement, statement.time, index)
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


def _first_day(sentence: Span, times: ByStart[TimeExpr]) -> TimeExpr | None:
    return next((t for t in times.within(sentence.start, sentence.end) if t.granularity == "day"), None)


def _dated_by_restating(text, sentence, found, times, state, lex) -> None:
    """'Pengakuan itu dimuat KCNA pada Senin (28/4).': a sentence that only dates what was just said."""
    opening = Statement("", "", Span.of(text, sentence.start, sentence.start), sentence, [], False)
    when = _first_day(sentence, times)
    if not found or not when or not _restates(text, opening, lex):
        return
    for statement in reversed(found):
        if statement.time is not None:
            break
        statement.time = when
    state.time = when


_LEAD = re.compile(r"\W*(?:\S+\s+){0,2}")  # a sentence's first two words
_FOLLOWING = re.compile(r"\s*(?:\S+\s+){0,3}")  # the three words after a cue


def _restates(text: str, statement: Statement, lex: Lexicon) -> bool:
    """'He made the remarks on Thursday', 'The announcement came on Monday': the last words, said again."""
    if statement.kind not in ("", "claim"):  # "membantah klaim tersebut" denies someone else's claim
        return False
    anaphors = _grammar(lex).restatements
    lead = _LEAD.match(text[statement.sentence.start:statement.sentence.end])
    subject = anaphors.search(text, statement.sentence.start, statement.sentence.start + lead.end() + 1)
    after = _FOLLOWING.match(text[statement.cue.end:statement.sentence.end])
    obj = anaphors.search(text, statement.cue.end, statement.cue.end + after.end())
    said = statement.content
    news = said is not None and said.start >= statement.cue.end and len(said.text.split()) >= 4
    return bool(obj or subject and not news)  # "Pernyataan itu menyebut …" says something new


def _date_back(found: list[Statement], dated: Statement, when: TimeExpr, index: ActorIndex) -> None:
    """A date given when a speaker goes on ("Austin said on Wednesday …", "He made the remarks
    on Friday") dates that speaker's undated statements just before (not the ones that say
    something was not said)."""
    circle = set().union(*(_circle(k, index) for k in dated.speakers)) if dated.speakers else set()
    for statement in reversed(found):
        if statement.time is not None or not (set(statement.speakers) & circle or statement.implicit):
            break
        if not statement.negated:
            statement.time = when


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


@lru_cache(maxsize=None)
def _cues(lex: Lexicon, key: str) -> dict[str, str]:
    """Cue word -> statement kind, from the records ``speech.<key>`` (cached: do not change it)."""
    return {w: record["kind"] for record in lex.get(f"speech.{key}", []) for w in record["words"]}


def _quote_first(text, sentence, inside, lex, index, state) -> list[Statement]:
    """'"…," said X' / '"…," X said' / '"…," he added' (an enclitic cue: the last speaker) /
    '"…," the statement read'."""
    cues = _cues(lex, "quote_cues")
    cue_after = _grammar(lex).quote_cue
    found = []
    for quote in inside:
        after = quote.end + len(text[quote.end:sentence.end]) - len(text[quote.end:sentence.end].lstrip(" ,")) + 1
        tail = text[after:sentence.end]
        speaker_before = index.at(after + len(tail) - len(tail.lstrip(" ,")))
        m = cue_after.match(tail)
        if not m:
            continue
        cue = Span.of(text, after + m.start("cue"), after + m.end())
        titled = _titled_person(text, after + m.start("who"), after + m.end("who"), index) if m.group("who") else None
        if m.group("enc"):
            speakers, mention = list(state.speakers) or _last_person(index, cue.start), None
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
            speakers, mention = _speaker_at(text, cue.end, sentence.end, lex, index, state)
        if not speakers:
            continue
        found.append(Statement("", cues[m.group("cue")], cue, sentence, speakers, True, quote=quote,
                               addressees=_addressees(text, mention.end if mention else cue.end, sentence.end, lex, index),
                               speaker_mention=mention))
    return found


def _trailing(text, sentence, inside, lex, index, state) -> list[Statement]:
    """'…, kata Zelensky.' / '…, ujarnya.' / '…, said the minister.': reported speech with no
    quotation marks, its cue set off by a comma at the end of the sentence (perhaps with an
    addressee or a day after it); what comes before the comma is what was said."""
    if inside:  # a sentence with a quotation: the quotation's cues are read with it
        return []
    cues = _cues(lex, "quote_cues")
    commas, comma = [], sentence.end
    while len(commas) < 3:
        comma = text.rfind(",", sentence.start + 1, comma)
        if comma < 0:
            break
        commas.append(comma)
    for comma in commas:
        m = _grammar(lex).quote_cue.match(text, comma, sentence.end)
        if not m or m.group("who"):  # "…, X said": the speaker-first reading's
            continue
        cue = Span.of(text, m.start("cue"), m.end())
        if m.group("enc"):
            speakers, mention = list(state.speakers) or _last_person(index, cue.start), None
        else:
            speakers, mention = _speaker_at(text, cue.end, sentence.end, lex, index, state)
        rest = text[mention.end if mention else cue.end:sentence.end]
        if not speakers or len(rest.split()) > 6:  # the cue must close the sentence
            return []
        return [Statement("", cues[m.group("cue")], cue, sentence, speakers, False,
                          content=_trim(text, Span.of(text, sentence.start, comma)),
                          addressees=_addressees(text, mention.end if mention else cue.end, sentence.end, lex, index),
                          speaker_mention=mention)]
    return []


def _is_role_anaphor(words: str, lex: Lexicon) -> bool:
    return words in _grammar(lex).speaker_roles


def _is_document(words: str, lex: Lexicon) -> bool:
    return words.casefold() in _grammar(lex).documents


def _according_to(text, sentence, inside, lex, index, state) -> list[Statement]:
    """'According to X, …' / '…, according to X' (also inside a sentence with another statement)."""
    found = []
    for m in _grammar(lex).according.finditer(text, sentence.start, sentence.end):
        if any(q.start <= m.start() < q.end for q in inside):
            continue
        comma = text.find(",", m.end(), sentence.end)
        head = text[sentence.start:m.start()].rstrip()
        if not head and comma > 0:  # "according to X, content"
            holder, content = (m.end(), comma), Span.of(text, comma + 1, sentence.end)
        elif head.endswith(","):  # "content, according to X."
            stop = text.find(",", m.end(), sentence.end)
            holder = (m.end(), stop if stop > 0 else sentence.end)
            content = Span.of(text, sentence.start, m.start())
        else:
            continue
        if m.group("enc"):  # "Menurutnya, …": the last speaker
            speakers, mention = list(state.speakers) or _last_person(index, m.start()), None
        else:
            speakers, mention = _speaker_in(text, *holder, lex, index, state)
            listed = _listed(text, holder[0], sentence.end if head else holder[1], lex, index)
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


def _listed(text: str, start: int, end: int, lex: Lexicon, index: ActorIndex) -> list[Mention]:
    """The actors of the first list after ``start`` ("Kyiv, Seoul and the U.S."), a capital
    standing for its state, joined by nothing but commas, "and" and "the"."""
    grammar = _grammar(lex)
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


def _passive_by(text, sentence, inside, lex, index, state) -> list[Statement]:
    """'Hal ini disampaikan oleh X' / 'This was stated at a briefing by X': speaker after the cue."""
    found, grammar = [], _grammar(lex)
    for m in grammar.passive_by.finditer(text, sentence.start, sentence.end):
        by = grammar.agent_marker.search(text[m.end():sentence.end])
        start = m.end() + by.end() if by else m.end()
        to = grammar.addressee_markers.search(text, start, sentence.end)  # "disampaikan NIS kepada …"
        speakers, mention = _speaker_in(text, start, to.start() if to else sentence.end, lex, index, state)
        if speakers:
            content = Span.of(text, sentence.start, m.start())
            found.append(Statement("", "claim", Span.of(text, m.start(), m.end()), sentence, speakers, False,
                                   content=_trim(text, content), speaker_mention=mention))
    return found


def _reported(text, sentence, inside, lex, index, state) -> list[Statement]:
    """'laporan Korea Selatan dan AS bahwa …', 'reports by Seoul that …', "Kyiv's claim that …":
    a report or a claim whose makers are named next to it, with what it says after "that"."""
    grammar, found = _grammar(lex), []
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
    verbs = words_in(_grammar(lex).verb_list, text, start, pos, typo_length=8, known=lex.words())
    return any(len(_WORD.findall(text, end, pos)) > 2 for _, end, _ in verbs)


_POSSESSED = re.compile(r"(\S+)['’]s?\s+$")  # "Kyiv's " right before a noun


def _verbless(text, sentence, inside, lex, index, state) -> list[Statement]:
    """'Dalam pernyataan X, …' / 'In a statement, X …': a document that speaks, with no verb."""
    m = _grammar(lex).document_leads.match(text, sentence.start, sentence.end)
    comma = text.find(",", m.end(), sentence.end) if m else -1
    if comma < 0:
        return []
    enclitic = lex.get("speech.enclitic", "")
    if enclitic and text[m.end():m.end() + len(enclitic)] == enclitic:
        speakers, mention = list(state.speakers), None
    else:
        speakers, mention = _speaker_in(text, m.end(), comma, lex, index, state)
    if not speakers:
        return []
    return [Statement("", "claim", Span.of(text, m.start(), m.end()), sentence, speakers, False,
                      content=_trim(text, Span.of(text, comma + 1, sentence.end)), speaker_mention=mention)]


def _speaker_first(text, sentence, inside, lex, index, state) -> list[Statement]:
    """'X (pada Selasa) mengatakan (kepada Y), (bahwa) …', several per sentence; a relay
    ('KCNA quoted Kim as saying …') gives a statement for each level."""
    grammar = _grammar(lex)
    verbs = grammar.verbs
    found, floor = [], sentence.start
    hidden = _relative_clauses(text, sentence.start, sentence.end, lex)  # "X, which has denied it, said …"
    cited = [(c.start(), c.end()) for c in grammar.citations.finditer(text, sentence.start, sentence.end)]
    for m_start, m_end, verb in words_in(grammar.verb_list, text, sentence.start, sentence.end, typo_length=8,
                                             known=lex.words()):
        if m_start < floor or any(q.start <= m_start < q.end for q in inside) or any(a <= m_start < b for a, b in cited):
            continue  # (not "as quoted by AFP": where the article got it)
        if grammar.negators.pattern.fullmatch(verb) and grammar.verb_start.match(text, m_end):
            continue  # "menolak berkomentar": a refusal to speak, read with the verb after it
        if _passive(text[max(floor, m_start - 60):m_start], grammar):
            continue  # "troops are expected to join": a hedge with no speaker, not the troops speaking
        speakers, mention = _subject(text, floor, m_start, lex, index, state, inside)
        comma = text.rfind(",", floor, m_start)  # "Kim ordered the deployment, KCNA said": KCNA, not Kim
        if mention and comma >= 0 and mention.end <= comma and len(text[comma:m_start].split()) <= 6 \
                and index.within(comma, m_start):
            after = _subject(text, comma + 1, m_start, lex, index, state, inside)
            if after[0] and set(after[0]) != set(speakers):
                speakers, mention = after
        elif mention and comma >= 0 and mention.end <= comma \
                and (text[comma + 1:m_start].split() or [""])[0].casefold() in grammar.determiners:
            role = _role_anaphor(text, comma + 1, m_start, lex, index, state)  # "…, the spokesperson said"
            if role is None:
                continue  # "…, a doctor at the hospital says": someone unnamed, not the actor before the comma
            speakers, mention = role
        co = grammar.coordinated.search(text[found[-1].cue.end:m_start]) if found else None
        if co and (not speakers or mention and mention.start < found[-1].cue.end + co.start()):
            speakers, mention = list(found[-1].speakers), None  # "denied it and said …", "said …, but warned"
        if not speakers:
            continue
        subject_end = mention.end if mention else floor
        joined = [j.end() for j in grammar.coordinator.finditer(text, subject_end, m_start)]
        subject_end = max([subject_end] + joined)  # "declined to give a number but said …": said
        negated = grammar.negators.occurs_in(text, subject_end, m_start)
        ahead = text[max(floor, mention.start - 12):mention.start].split()[-1:] if mention else []
        neither = bool(ahead) and bool(grammar.negators.pattern.fullmatch(ahead[0].lower()))  # "Neither X nor Y has"
        end = m_end
        kind = verbs[verb]
        more = grammar.more_verb.match(text[end:sentence.end])  # "membantah atau mengonfirmasi"
        if more:
            end += more.end()
            kind = verbs[more.group(1)]  # "neither denied nor confirmed": what was not confirmed
        cue = Span.of(text, m_start, end)
        addressees = _addressees(text, end, sentence.end, lex, index, cue.text)
        start = _content_start(text, end, sentence.end, lex, told=cue.text in grammar.addressee_verbs)
        content = Span.of(text, start, sentence.end)
        lead = _cataphoric_content(text, sentence, mention, m_start, end, index, lex)
        if lead:  # "content, X said on Monday."
            content = lead
        if negated:  # the content of a statement not made names what was not said
            neg = grammar.negators.pattern.search(text[subject_end:m_start])
            content = Span.of(text, subject_end + neg.start(), sentence.end)
        negated = negated or neither
        quote = next((q for q in inside if q.start >= start), None)
        outer = Statement("", kind, cue, sentence, speakers, quote is not None, quote=quote,
                          content=_trim(text, content), addressees=addressees, negated=negated,
                          speaker_mention=mention)
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


def _passive(before: str, grammar: _Grammar) -> bool:
    """Whether the words ``before`` a verb end with a passive auxiliary, perhaps followed by
    words that stand between it and its verb ("could not be independently").

    >>> from kg.lexicon import load
    >>> en = _grammar(load("en"))
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
    if len(text[cue_start:sentence.end].split()) > 7 and not _ends_clause(text, cue_end, sentence.end, lex):
        return None  # a citation lead, then "X said …": what follows is said
    grammar = _grammar(lex)
    if text[cue_start:cue_end] not in grammar.addressee_verbs \
            and (text[cue_end:sentence.end].split() or [""])[0].casefold() in grammar.object_starts:
        return None  # "…, a day after X announced their capture": the cue has an object of its own
    comma = text.rfind(",", sentence.start, mention.start)
    if comma - sentence.start < 20 or mention.start - comma > 60:
        return None
    head = text[sentence.start:comma].split()
    if len(head) <= 6 and _grammar(lex).adverbial_leads.match(text, sentence.start):
        return None  # "On Saturday, X said …": a time or place before the subject, not content
    if index.within(max(sentence.start, comma - 14), comma):  # "Roe, the spokesperson,"
        previous = text.rfind(",", sentence.start, comma)
        if previous > 0 and index.within(previous, comma):
            return None
    return Span.of(text, sentence.start, comma)


def _ends_clause(text: str, pos: int, end: int, lex: Lexicon) -> bool:
    """Whether only a few words after a preposition ("on Friday", "in a statement") stand
    between ``pos`` and a comma."""
    comma = text.find(",", pos, end)
    if comma < 0:
        return False
    words = text[pos:comma].split()
    return not words or len(words) <= 5 and words[0].casefold() in _grammar(lex).prepositions


def _relayed(text: str, outer: Statement, lex: Lexicon, index: ActorIndex) -> Statement | None:
    """'KCNA quoted Kim as saying …': the words of Kim, relayed by KCNA."""
    if outer.cue.text.split()[-1] not in _grammar(lex).relay_verbs:
        return None
    end = outer.sentence.end
    inner_cue = _grammar(lex).relayed_cues.search(text, outer.cue.end, end)
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
    for m in _grammar(lex).agentless.finditer(text, sentence.start, sentence.end):
        if any(q.start <= m.start() < q.end for q in inside):
            continue
        found.append(Statement("", "claim", Span.of(text, m.start(), m.end()), sentence, list(state.speakers),
                               False, content=_trim(text, Span.of(text, m.end(), sentence.end)), implicit=True))
    return found


def _continued(text, sentence, inside, lex, index, state) -> list[Statement]:
    """'…, adding that …' / '…, seraya menambahkan …': the sentence's speaker goes on."""
    found = []
    for m in _grammar(lex).continuations.finditer(text, sentence.start, sentence.end):
        if any(q.start <= m.start() < q.end for q in inside) or not _after_comma(text, m.start()):
            continue
        earlier = [s for s in _speaker_first(text, Span.of(text, sentence.start, m.start()), inside, lex, index, state)]
        earlier += _quote_first(text, Span.of(text, sentence.start, m.start()), inside, lex, index, state)
        if not earlier:
            continue
        found.append(Statement("", "claim", Span.of(text, m.start(), m.end()), sentence, list(earlier[-1].speakers),
                               False, content=_trim(text, Span.of(text, m.end(), sentence.end))))
    return found


def _after_comma(text: str, pos: int) -> bool:
    """Whether the last character before ``pos`` that is not blank is a comma (read back
    from ``pos``, not by copying all the text before it)."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos > 0 and text[pos - 1] == ","


_FINDERS = (_quote_first, _trailing, _according_to, _passive_by, _verbless, _speaker_first, _continued, _agentless,
            _reported)


def _subject(text, start, end, lex, index, state, inside=()) -> tuple[list[str], Span | None]:
    """The speaker(s) before a speaker-first cue: the nearest actor that is not inside a
    quotation, a relative clause ("X, yang …, mendesak") or a prepositional phrase ("di markas
    NATO"); a person named in the subject wins over an actor further from the verb."""
    hidden = _relative_clauses(text, start, end, lex)
    mentions = [m for m in index.within(start, end)
                if (index.actors[m.key].type != "armed_force" or _subject_gap(text, m.span.end, end))
                and not any(q.start <= m.span.start < q.end for q in inside)
                and not any(a <= m.span.start < b for a, b in hidden)
                and not _after_preposition(text, m.span.start, start, lex, index)]
    mentions = [m for m in mentions if not any(o is not m and o.span.start <= m.span.start and m.span.end <= o.span.end
                                               and o.span != m.span for o in mentions)]  # the role, not the name in it
    if not mentions:  # "Seoul urged …": a capital speaking for its state
        mentions = [m for m in index.speaking_states(start, end) if _subject_gap(text, m.span.end, end)]
    if not mentions:  # "The spokesperson added", "Juru bicara itu menambahkan": the one named before
        role = _role_anaphor(text, start, end, lex, index, state)
        if role:
            return role
        document = _grammar(lex).statement_nouns.search(text, max(start, end - 30), end)
        between = [w for w in text[document.end():end].split() if w not in _grammar(lex).definite_after] \
            if document else ["-"]
        if document and state.speakers and not between:  # "the statement said", "pernyataan itu menyebut": its author
            return list(state.speakers), None
    group = None if pronoun_before(text, start, end, lex) else _group_speaker(text, start, end, lex, index)
    if group and not any(m.span.start >= group.span.end or m.span.start <= group.span.start < m.span.end
                         for m in mentions):  # "…, the lawmakers said" (not "Ukrainian officials", known)
        label = group.span.text[0].lower() + group.span.text[1:]
        index.add_actor(group.key, label, "group", group.span, "role")
        return [group.key], group.span
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
    pronoun = _grammar(lex).pronouns.search(text, start, end)
    if pronoun and not mentions:
        return list(state.speakers) or _last_person(index, start), Span.of(text, pronoun.start(), pronoun.end())
    if not mentions:
        return [], None
    joined = _grammar(lex).conjunctions
    keys, last = [mentions[0].key], mentions[0]
    for m in mentions[1:]:
        gap = text[last.span.end:m.span.start]
        if joined.fullmatch(gap.strip()) and m.key not in keys:
            keys.append(m.key)
            last = m
        elif gap.strip(" ()") == "" or m.key in keys:  # "Amerika Serikat (AS)"
            last = m
    return keys, Span.of(text, mentions[0].span.start, last.span.end)


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
    word = _WORD.search(text, start, end)
    if not word or word.group().casefold() not in _grammar(lex).joins or text[start:word.start()].strip():
        return False
    return _a_title(text, word.end(), end, index, empty=True)


def _relative_clauses(text: str, start: int, end: int, lex: Lexicon) -> list[tuple[int, int]]:
    """Stretches ', yang … ,' / ', which … ,' before a cue: their actors are not its subject."""
    if text.count(",", start, end) < 2:  # each stretch is between two commas: mostly there are none
        return []
    return [(start + m.start(), start + m.end()) for m in _grammar(lex).relative_clause.finditer(text[start:end])]


def _after_preposition(text: str, pos: int, floor: int, lex: Lexicon, index: ActorIndex) -> bool:
    """An actor one or two words after a preposition ("di markas NATO", "to the Pentagon"); not
    a name after a title that holds one ("chief of staff Andriy Yermak")."""
    floor = max(floor, pos - 40)
    before = text[floor:pos]
    if not _preposition_before(lex).search(before[before.rfind(",") + 1:]):
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
    joined = _grammar(lex).conjunctions
    group = [mentions[-1]]
    for m in reversed(mentions[:-1]):
        gap = text[m.span.end:group[0].span.start].strip()
        if joined.fullmatch(gap) or gap.strip(" ()") == "" or m.key == group[0].key:
            group.insert(0, m)
        else:
            break
    return group


def pronoun_before(text: str, start: int, end: int, lex: Lexicon) -> bool:
    return bool(_grammar(lex).pronouns.search(text, start, end))


def _group_speaker(text, start, end, lex, index) -> Mention | None:
    """A plural speaker with no name right before the cue, recorded as a group actor."""
    groups = _grammar(lex).group_speakers
    hit = None
    for hit in groups.finditer(text, start, end):
        pass
    if hit is None or not _subject_gap(text, hit.end(), end):
        return None
    span = Span.of(text, hit.start(), hit.end())
    return Mention(span, slug(span.text[0].lower() + span.text[1:]), "actor", "role")


def _role_anaphor(text, start, end, lex, index, state) -> tuple[list[str], Span] | None:
    """A definite role right before the cue is the person last named with that title (or the
    last speaker), and is recorded as one more mention of them."""
    hit = None
    for hit in _grammar(lex).role_speakers.finditer(text, start, end):
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


def _speaker_at(text, pos, end, lex, index, state) -> tuple[list[str], Span | None]:
    """The speaker right after a quote-first cue: a pronoun, a known actor, or a new name."""
    pronoun = _grammar(lex).pronouns.pattern.match(text, pos + len(text[pos:end]) - len(text[pos:end].lstrip()))
    if pronoun:
        return list(state.speakers) or _last_person(index, pos), Span.of(text, pronoun.start(), pronoun.end())
    start = pos + len(text[pos:end]) - len(text[pos:end].lstrip())
    titled = _titled_person(text, start, end, index)
    if titled:  # "kata juru bicara Kremlin Dmitry Peskov", "said Kremlin spokesman Dmitry Peskov"
        return [titled.key], Span.of(text, start, titled.span.end)
    word = _WORD.match(text, start)
    if word and word.group().casefold() in _grammar(lex).determiners:  # "said the Kremlin"
        pos = word.end()
    hit = index.at(pos)
    if hit:
        return [hit.key], hit.span
    group = _grammar(lex).group_speakers.pattern.match(text, start)
    if group:  # '…," kata anggota parlemen' / '…, said lawmakers'
        span = Span.of(text, group.start(), group.end())
        key = slug(span.text[0].lower() + span.text[1:])
        index.add_actor(key, span.text[0].lower() + span.text[1:], "group", span, "role")
        return [key], span
    name = _name_at(index, pos, end)
    if name:
        key = index.person_by_name(name.text) or slug(name.text)
        index.add_actor(key, name.text, "person", name)
        return [key], name
    return [], None


def _titled_person(text: str, start: int, end: int, index: ActorIndex):
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


def _speaker_in(text, start, end, lex, index, state) -> tuple[list[str], Span | None]:
    """The speaker inside 'according to X' (and its lexicon equivalents): a pronoun, a person, or an actor."""
    pronoun = _grammar(lex).pronouns.search(text, start, end)
    mentions = [m for m in index.within(start, end) if index.actors[m.key].type != "armed_force"]
    if pronoun and not mentions:
        return list(state.speakers) or _last_person(index, start), Span.of(text, pronoun.start(), pronoun.end())
    if not mentions:
        return [], None
    people = [m for m in mentions if index.actors[m.key].type == "person"]
    chosen = people[0] if people else mentions[0]
    return [chosen.key], Span.of(text, start + len(text[start:end]) - len(text[start:end].lstrip()), mentions[-1].span.end)


_WORD = re.compile(r"[\w.'’-]+")
_WORD_OR_MARK = re.compile(r"[\w.'’-]+|\S")


def _addressees(text, pos, end, lex, index, cue: str = "") -> list[str]:
    """'kepada para wartawan' / 'told reporters': to whom it was said (a known actor, or the
    head noun of a few words, up to a complementizer or a comma)."""
    grammar = _grammar(lex)
    markers = grammar.addressee_markers
    start = pos + len(text[pos:end]) - len(text[pos:end].lstrip())
    if cue not in grammar.addressee_verbs:
        m = markers.match(text, start)
        if not m:
            return []
        start = m.end()
    start += len(text[start:end]) - len(text[start:end].lstrip())
    stop = grammar.addressee_stops
    words = []
    for word in _WORD_OR_MARK.finditer(text[start:end]):
        if not _WORD.fullmatch(word.group()) or word.group() in stop or len(words) == 4:
            break
        words.append(word)
    if not words:
        return []
    reach = start + words[-1].end()
    known = [m for m in index.within(start, reach) if index.actors[m.key].type != "armed_force"]
    if known:  # "told President Jane Roe", "kepada Menlu AS"
        return [known[-1].key]
    audiences = grammar.audiences
    heard = audiences.search(text, start, reach)
    if not heard:  # "told a press conference": a setting, not someone
        return []
    span = Span.of(text, heard.start(), heard.end())
    label = span.text.casefold()
    index.add_actor(slug(label), label, "group", span, "role")
    return [slug(label)]


_CLAUSE_END = re.compile(r",|(?<!\b[A-Z])\.")  # a comma, or a full stop not of an initialism ("U.S.")
_CLAUSE_MARK = re.compile(r"[.;:\"“”]")


def _content_start(text, pos, end, lex, told: bool = False) -> int:
    """Skip an addressee, a comma and a complementizer ("bahwa", "that") after the cue; after
    a verb that names whom it tells, an audience before the words ("told reporters the …")."""
    rest = text[pos:end]
    grammar = _grammar(lex)
    ahead = grammar.complementizer_ahead.search(rest[:90])
    if ahead and not _CLAUSE_MARK.search(rest[:ahead.start()]) \
            and not grammar.coordinated.search(rest[:ahead.start()]) \
            and not grammar.any_verb.search(rest, 0, ahead.start()) \
            and not grammar.subject_pronouns.pattern.search(rest, 0, ahead.start()):
        return pos + ahead.end()  # "said on Monday, in Rome, that …"; not "says 10,000 were sent, and that
        # …", "said a captive admitted that …" or "said it had seen no sign that …": those begin at once
    m = grammar.content_lead.match(rest)
    start = pos + (m.end() if m else 0)
    heard = grammar.audiences.search(text, start, min(end, start + 40)) if told else None
    if heard and heard.start() == start:
        start = heard.end() + len(text[heard.end():end]) - len(text[heard.end():end].lstrip(" ,"))
    return start


def _last_person(index: ActorIndex, before: int) -> list[str]:
    key = index.last(before, ("person",))
    return [key] if key else []


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
    for cue, kind in _grammar(lex).kind_cues:
        if cue.search(said.text):
            return kind
    return statement.kind


@lru_cache(maxsize=None)
def _any_kind_cue(lex: Lexicon) -> WordList:
    """The words of all the ``speech.kind_cues`` records (cached)."""
    return WordList([w for record in lex.get("speech.kind_cues", []) for w in record["words"]], ignore_case=True)


def _when(statement: Statement, times: ByStart[TimeExpr], state: _State, index: ActorIndex,
          grammar: _Grammar) -> TimeExpr | None:
    """A time between the speaker and the content, or a day set off by a comma at the end of
    the sentence; else the last speech date, when the same speaker (or someone speaking for
    it, or a pronoun) goes on. Nothing said has no date."""
    said_from = statement.sentence.start
    said_to = max((statement.content or statement.quote or statement.cue).start, statement.cue.end + 12)
    if statement.quote and statement.quote.start < statement.cue.start:
        said_from, said_to = statement.quote.end, statement.sentence.end
    elif statement.content and statement.content.end <= statement.cue.start:  # "…, X said on Tuesday"
        said_from = min(statement.cue.start, statement.speaker_mention.start if statement.speaker_mention else statement.cue.start)
        said_from, said_to = max(said_from, statement.content.end), statement.sentence.end
    own = [t for t in times.within(said_from, said_to) if t.begin]
    if own:
        return own[-1]
    said = statement.sentence.text.rstrip(" .")
    tail = [t for t in times.within(statement.sentence.start, statement.sentence.end) if t.begin and t.granularity == "day"
            and said.endswith(t.span.text) and (_set_off(said[:-len(t.span.text)], grammar)
                                                or _after_a_short_object(statement, t, grammar))]
    if tail:  # "…, X said, Thursday (31/10/2024)." or "…, pada Sabtu (11/1)." dates the speech
        return tail[-1]
    if statement.negated or not state.time:
        return None
    return state.time if _goes_on(statement, state, index) else None


def _after_a_short_object(statement: Statement, time: TimeExpr, grammar: _Grammar) -> bool:
    """Whether a day after a preposition follows only a few words of what was said, with no
    "that" ("X confirmed the capture on Jan. 12"): it dates the confirming, not the capture."""
    said = statement.content
    if said is None or statement.quote or not said.start <= time.span.start <= said.end:
        return False
    before = said.text[:time.span.start - said.start]
    words = before.split()
    return 2 <= len(words) <= 5 and words[-1].casefold() in grammar.prepositions \
        and not grammar.complementizer_ahead.search(before)


def _set_off(before: str, grammar: _Grammar) -> bool:
    """Whether ``before`` (the sentence up to a date) ends in a comma, a preposition perhaps
    after it ("…, Thursday", "…, pada Sabtu", "…, on Saturday")."""
    before = before.rstrip()
    last = before.rsplit(None, 1)[-1] if before else ""
    if last in grammar.addressee_stops:
        before = before[:-len(last)].rstrip()
    return before.endswith(",")


def _goes_on(statement: Statement, state: _State, index: ActorIndex) -> bool:
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
