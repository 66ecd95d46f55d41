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

from ..lexicon import Lexicon
from ..model import Span, Statement, TimeExpr
from .actors import ActorIndex, Mention, _name_at, slug
from .patterns import phrases


@dataclass
class _State:
    """What a reader remembers while reading on: the last speakers and the last speech date."""

    speakers: list[str] = field(default_factory=list)
    time: TimeExpr | None = None


def find_statements(article_id: str, text: str, sentences: list[Span], quotes: list[Span],
                    lex: Lexicon, index: ActorIndex, times: list[TimeExpr]) -> list[Statement]:
    """Every statement in the article, in text order."""
    state, found = _State(), []
    for sentence in sentences:
        inside = [q for q in quotes if sentence.start <= q.start < sentence.end]
        statement = (_quote_first(text, sentence, inside, lex, index, state)
                     or _according_to(text, sentence, lex, index, state)
                     or _speaker_first(text, sentence, inside, lex, index, state))
        if statement is None:
            continue
        statement.id = f"{article_id}/statement/{statement.cue.start}-{statement.cue.end}"
        statement.kind = _refine(statement, lex)
        statement.time = _when(statement, times, state)
        statement.principal = next((index.actors[s].principal for s in statement.speakers
                                    if index.actors[s].principal), "")
        state.speakers = statement.speakers
        if statement.time and not statement.negated:
            state.time = statement.time
        found.append(statement)
    return found


def _cues(lex: Lexicon, key: str) -> dict[str, str]:
    return {w: record["kind"] for record in lex.get(f"speech.{key}", []) for w in record["words"]}


def _quote_first(text, sentence, inside, lex, index, state) -> Statement | None:
    cues = _cues(lex, "quote_cues")
    enclitic = lex.get("speech.enclitic", "")
    for quote in inside:
        after = quote.end + len(text[quote.end:sentence.end]) - len(text[quote.end:sentence.end].lstrip(" ,")) + 1
        tail = text[after:sentence.end]
        speaker_before = index.at(after + len(tail) - len(tail.lstrip(" ,")))
        m = re.match(rf"[\s,]*(?:(?P<who>[^\s,]+(?: [^\s,]+){{0,3}}) )??(?P<cue>{phrases(cues).pattern})"
                     rf"(?P<enc>{re.escape(enclitic) if enclitic else '(?!)'})?(?![\w-])", tail)
        if not m:
            continue
        cue = Span.of(text, after + m.start("cue"), after + m.end())
        if m.group("enc"):
            speakers, mention = list(state.speakers) or _last_person(index, cue.start), None
        elif m.group("who") and speaker_before:
            speakers, mention = [speaker_before.key], speaker_before.span
        elif m.group("who") and m.group("who") in lex.get("actors.speaker_roles", []) and state.speakers:
            speakers = list(state.speakers)  # "the spokesperson told reporters": the one just heard
            mention = Span.of(text, after + m.start("who"), after + m.end("who"))
        elif m.group("who"):
            continue
        else:
            speakers, mention = _speaker_at(text, cue.end, sentence.end, lex, index, state)
        if not speakers:
            continue
        return Statement("", cues[m.group("cue")], cue, sentence, speakers, True, quote=quote,
                         addressees=_addressees(text, mention.end if mention else cue.end, sentence.end, lex, index),
                         speaker_mention=mention)
    return None


def _according_to(text, sentence, lex, index, state) -> Statement | None:
    lead = phrases(lex.get("speech.according_to", []))
    m = lead.search(text, sentence.start, sentence.end)
    if not m:
        return None
    comma = text.find(",", m.end(), sentence.end)
    if m.start() == sentence.start and comma > 0:  # "according to X, content"
        holder, content = (m.end(), comma), Span.of(text, comma + 1, sentence.end)
    elif text[sentence.start:m.start()].rstrip().endswith(","):  # "content, according to X."
        holder, content = (m.end(), sentence.end), Span.of(text, sentence.start, m.start())
    else:
        return None
    speakers, mention = _speaker_in(text, *holder, lex, index, state)
    if not speakers:
        return None
    cue = Span.of(text, m.start(), m.end())
    return Statement("", "claim", cue, sentence, speakers, False, content=_trim(text, content),
                     speaker_mention=mention)


def _speaker_first(text, sentence, inside, lex, index, state) -> Statement | None:
    verbs = _cues(lex, "verbs")
    pattern = phrases(verbs)
    for m in pattern.finditer(text, sentence.start, sentence.end):
        if any(q.start <= m.start() < q.end for q in inside):
            continue
        speakers, mention = _subject(text, sentence.start, m.start(), lex, index, state, inside)
        if not speakers:
            continue
        between = text[(mention.end if mention else sentence.start):m.start()]
        negated = bool(phrases(lex.get("speech.negators", [])).search(between))
        end = m.end()
        kind = verbs[m.group()]
        joins = "|".join(map(re.escape, lex.get("speech.coordinators", []))) or "(?!)"
        more = re.match(rf"\s+(?:{joins})\s+({pattern.pattern})", text[end:sentence.end])  # "membantah atau mengonfirmasi"
        if more:
            end += more.end()
            kind = verbs[more.group(1)]  # "neither denied nor confirmed": what was not confirmed
        cue = Span.of(text, m.start(), end)
        addressees = _addressees(text, end, sentence.end, lex, index)
        start = _content_start(text, end, sentence.end, lex, index)
        content = Span.of(text, start, sentence.end)
        head = text[sentence.start:mention.start].rstrip() if mention else ""
        apposition = bool(index.within(sentence.start + len(head) - 12, sentence.start + len(head)))
        if len(head) > 20 and head.endswith(",") and not apposition \
                and "," not in text[mention.end:m.start()]:  # "content, X said on Monday."
            content = Span.of(text, sentence.start, sentence.start + len(head) - 1)
        if negated:  # the content of a statement not made names what was not said
            neg = phrases(lex.get("speech.negators", [])).search(between)
            content = Span.of(text, (mention.end if mention else sentence.start) + neg.start(), sentence.end)
        quote = next((q for q in inside if q.start >= start), None)
        return Statement("", kind, cue, sentence, speakers, quote is not None, quote=quote,
                         content=_trim(text, content), addressees=addressees, negated=negated,
                         speaker_mention=mention)
    return None


def _subject(text, start, end, lex, index, state, inside=()) -> tuple[list[str], Span | None]:
    """The speaker(s) before a speaker-first cue (never inside a quotation)."""
    mentions = [m for m in index.within(start, end) if index.actors[m.key].type != "armed_force"
                and not any(q.start <= m.span.start < q.end for q in inside)]
    people = [m for m in mentions if index.actors[m.key].type == "person"]
    if people:
        return [people[-1].key], people[-1].span
    pronoun = phrases(lex.get("actors.pronouns", [])).search(text, start, end)
    if pronoun and not mentions:
        return list(state.speakers) or _last_person(index, start), Span.of(text, pronoun.start(), pronoun.end())
    if not mentions:
        return [], None
    joined = phrases(lex.get("actors.conjunctions", []))
    keys, last = [mentions[0].key], mentions[0]
    for m in mentions[1:]:
        gap = text[last.span.end:m.span.start]
        if joined.fullmatch(gap.strip()) and m.key not in keys:
            keys.append(m.key)
            last = m
        elif gap.strip(" ()") == "" or m.key in keys:  # "Amerika Serikat (AS)"
            last = m
    return keys, Span.of(text, mentions[0].span.start, last.span.end)


def _speaker_at(text, pos, end, lex, index, state) -> tuple[list[str], Span | None]:
    """The speaker right after a quote-first cue: a pronoun, a known actor, or a new name."""
    pronoun = phrases(lex.get("actors.pronouns", [])).match(text, pos + len(text[pos:end]) - len(text[pos:end].lstrip()))
    if pronoun:
        return list(state.speakers) or _last_person(index, pos), Span.of(text, pronoun.start(), pronoun.end())
    hit = index.at(pos)
    if hit:
        return [hit.key], hit.span
    name = _name_at(index, pos, end)
    if name:
        key = index.person_by_name(name.text) or slug(name.text)
        index.add_actor(key, name.text, "person", name)
        return [key], name
    return [], None


def _speaker_in(text, start, end, lex, index, state) -> tuple[list[str], Span | None]:
    """The speaker inside 'according to X' (and its lexicon equivalents): a pronoun, a person, or an actor."""
    pronoun = phrases(lex.get("actors.pronouns", [])).search(text, start, end)
    mentions = [m for m in index.within(start, end) if index.actors[m.key].type != "armed_force"]
    if pronoun and not mentions:
        return list(state.speakers) or _last_person(index, start), Span.of(text, pronoun.start(), pronoun.end())
    if not mentions:
        return [], None
    people = [m for m in mentions if index.actors[m.key].type == "person"]
    chosen = people[0] if people else mentions[0]
    return [chosen.key], Span.of(text, start + len(text[start:end]) - len(text[start:end].lstrip()), mentions[-1].span.end)


def _addressees(text, pos, end, lex, index) -> list[str]:
    """'kepada para wartawan' / 'told reporters': to whom it was said."""
    markers = phrases(lex.get("speech.addressee_markers", []) + lex.get("speech.addressee_verbs", []))
    m = markers.match(text, pos + len(text[pos:end]) - len(text[pos:end].lstrip()))
    if not m:
        return []
    hit = index.at(m.end())
    if hit:
        return [hit.key]
    words = re.match(r"\s+((?:[\w-]+ ){0,2}[\w-]+)", text[m.end():end])
    if not words:
        return []
    span = Span.of(text, m.end() + words.start(1), m.end() + words.end(1))
    key = slug(span.text.split()[-1])
    index.add_actor(key, span.text.split()[-1], "group", span, "name")
    return [key]


def _content_start(text, pos, end, lex, index) -> int:
    """Skip an addressee, a comma and a complementizer ("bahwa", "that") after the cue."""
    rest = text[pos:end]
    markers = lex.get("speech.addressee_markers", []) + lex.get("speech.addressee_verbs", [])
    skip = rf"(?:\s*(?:{'|'.join(map(re.escape, markers)) or '(?!)'})\s+(?:[\w-]+\s+){{0,2}}?[\w-]+(?=,))?"
    comp = "|".join(map(re.escape, lex.get("speech.complementizers", []))) or "(?!)"
    m = re.match(rf"{skip}\s*,?\s*(?:(?:{comp})\b\s*)?", rest)
    return pos + (m.end() if m else 0)


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


def _refine(statement: Statement, lex: Lexicon) -> str:
    """A plain 'said' becomes a concern, warning, demand or prediction when its words say so."""
    if statement.kind != "claim":
        return statement.kind
    said = (statement.quote or statement.content)
    if said is None:
        return statement.kind
    for record in lex.get("speech.kind_cues", []):
        if phrases(record["words"], ignore_case=True).search(said.text):
            return record["kind"]
    return statement.kind


def _when(statement: Statement, times: list[TimeExpr], state: _State) -> TimeExpr | None:
    """A time between the speaker and the content; else the last speech date."""
    said_from = statement.sentence.start
    said_to = max((statement.content or statement.quote or statement.cue).start, statement.cue.end + 12)
    if statement.quote and statement.quote.start < statement.cue.start:
        said_from, said_to = statement.quote.end, statement.sentence.end
    own = [t for t in times if said_from <= t.span.start < said_to and t.begin]
    if own:
        return own[-1]
    if statement.negated:
        return None
    return state.time
