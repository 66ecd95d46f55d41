"""Events: what happened or may happen, with its participants, place, quantity, time and
factuality.

A trigger word (from the lexicon, surviving one-letter typos such as "dikirm") opens an
event. Its participants, place and quantity are looked for in its clause (the stretch of the
sentence between commas). Its factuality comes from cues in that clause and from the
statement it is reported in: a trigger inside what someone said is *reported*; with a modal
it is *possible*; under a negation *negated*; under a hedge, or in a statement that was not
made ("belum mengonfirmasi"), *unconfirmed*; told by the article itself, *asserted*.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from ..lexicon import Lexicon
from ..model import Event, Quantity, Span, Statement, TimeExpr
from .actors import ActorIndex
from .patterns import TypoIndex, by_first_letter, either, typo_index
from .spans import ByStart, Cover
from .words import WordList, Words

# Which role the armed force near a trigger plays.
_FORCE_ROLE = {"deployment": "theme", "movement": "theme", "withdrawal": "theme",
               "training": "theme", "combat": "agent", "attack": "agent", "casualties": "theme"}
# A force deployed was sent by its state, which is then the agent though none is named. A force
# that moves, trains, withdraws or falls has an agent only when the text names one ("X has
# trained Y's soldiers", "X captured two soldiers").
_IMPLIED_AGENT = {"deployment"}
_SUBJECT_TYPES = ("country", "organization", "person", "armed_force")  # who may be written as acting
_WORD = re.compile(r"[\w'’-]+")
_GENITIVE = re.compile(r"['’]s?\s+")  # between a country and its place: "Ruritania's border region"


def find_events(article_id: str, text: str, sentences: list[Span], lex: Lexicon, index: ActorIndex,
                statements: list[Statement], quantities: list[Quantity], times: list[TimeExpr],
                published: date | None = None) -> list[Event]:
    """Every event mention in the article, in text order; statements are linked to them.

    An event told as past with no time of its own happened on or before the day its
    statement was made, else on or before the day the article was published."""
    words = _trigger_words(lex)
    types = words.types
    said_at = [(s.cue.start, s.cue.end, s) for s in statements]
    written = [(t.span.start, t.span.end, t) for t in times]
    taken = Cover(said_at + written)
    cues, written = Cover(said_at), Cover(written)
    reports = _reports(statements)
    dating = ByStart(times, _span)
    amounts = ByStart(quantities, _span)
    events, salient = [], []
    by_sentence: dict[Span, list[Statement]] = {}
    for s in statements:
        by_sentence.setdefault(s.sentence, []).append(s)
    for sentence in sentences:
        present = _presence(text, sentence, lex, index)
        supplied = _supplies(text, sentence, lex)
        triggers = sorted(set(_triggers(text, sentence, words)) | set(present) | set(supplied))
        for start, end in triggers:
            if start in taken:  # a speech cue or a time, not an event
                continue
            if _describes_force(text, start, end, lex):  # "combat troops", "attack drones"
                continue
            trigger = Span.of(text, start, end)
            rule = "presence" if (start, end) in present else "weapons" if (start, end) in supplied \
                else "trigger" if trigger.text.casefold() in types else "typo"
            type_ = "deployment" if rule == "presence" else "arms_transfer" if rule == "weapons" else \
                types.get(trigger.text.casefold()) or words.typo_type(trigger.text)
            against = _cues(lex).opposition.pattern.match(text, end + 1) if type_ == "deployment" else None
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
            _participants(event, text, clause, lex, index, salient, cues, written, speaking)
            event.quantity = _amount(text, amounts.within(clause.start, clause.end), trigger, lex)
            event.time = _time(text, trigger, clause, sentence, said, dating, event.factuality) or _by_publication(
                event.factuality, published)
            event.label = _label(text, event, clause, index)
            same = _mentioned_before(event, events, lex, times)
            if same:  # "the treaty" again: one more mention of the event already told
                same.mentions.append(trigger)
                if said and same.id not in said.events:
                    said.events.append(same.id)
                continue
            if said:
                said.events.append(event.id)
            events.append(event)
    return events


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
    typos = typo_index(tuple(w for w in types if " " not in w and len(w) >= 6))
    return _Triggers(types, WordList(list(types), ignore_case=True), typos, lex.words())


_LONG_WORD = re.compile(r"\w{6,}")  # a word long enough to be a typo of a trigger
_WORDS_AHEAD = re.compile(r"(?:\W*\w+){1,4}")
_SUPPLY_AHEAD = re.compile(r"(?:\W*\w+){1,6}")  # "supplied Russia with millions of artillery shells"
_COMMA = re.compile(r",(?!\d{3}\b)")  # a comma, not a thousands separator


@dataclass(frozen=True)
class _Cues:
    """The patterns of a lexicon's event cues, built once per lexicon."""

    opposition: WordList
    presence: WordList
    supplies: WordList
    weapons: WordList
    negated: WordList
    possible: WordList
    unconfirmed: WordList
    reported: WordList
    partners: WordList
    plural_pronouns: WordList
    place_prepositions: WordList
    anaphora: WordList  # a pronoun, a bare force noun or an anaphor
    agentive: frozenset[str]  # verbs whose subject is the agent, casefolded
    passive: frozenset[str]  # auxiliaries of the passive, casefolded
    agent_markers: WordList
    collective: frozenset[str]  # "it", "pihaknya", casefolded
    joins: frozenset[str]  # conjunctions between two actors, casefolded
    auxiliaries: frozenset[str]  # "has", "telah": between a subject and its verb, casefolded
    new_clause: re.Pattern  # "and that", "and warned that": a clause of its own
    modifiers: frozenset[str]  # "combat", "attack": before a force or a weapon, they describe it
    sides: WordList  # "di pihak", "on the side of": a country after it is a side, not a place
    conjunctions: WordList  # "and", "dan"
    described: WordList  # force nouns and weapons
    target_markers: WordList
    determiners: frozenset[str]  # "the", "sang", casefolded
    force_words: frozenset[str]  # "unit", "troops": a force noun's words, casefolded


@lru_cache(maxsize=None)
def _cues(lex: Lexicon) -> _Cues:
    """The :class:`_Cues` of ``lex`` (cached: do not change the lexicon)."""
    def words(key: str, ignore_case: bool = True) -> WordList:
        return WordList(lex.get(key, []), ignore_case=ignore_case)

    def folded(key: str) -> frozenset[str]:
        return frozenset(w.casefold() for w in lex.get(key, []))

    return _Cues(
        opposition=words("events.opposition_markers", False),
        presence=words("events.presence"),
        supplies=words("events.supplies"),
        weapons=words("events.weapons"),
        negated=words("events.negated"),
        possible=words("events.possible"),
        unconfirmed=words("events.unconfirmed"),
        reported=words("events.reported"),
        partners=words("events.partner_markers", False),
        plural_pronouns=words("actors.plural_pronouns", False),
        place_prepositions=words("events.place_prepositions", False),
        anaphora=WordList(lex.get("actors.plural_pronouns", []) + lex.get("actors.force_nouns", [])
                          + lex.get("events.anaphora", []), ignore_case=True),
        agentive=folded("events.agentive"),
        passive=folded("events.passive_auxiliaries"),
        agent_markers=words("events.agent_markers"),
        collective=folded("actors.collective_pronouns"),
        joins=folded("actors.conjunctions"),
        auxiliaries=folded("events.auxiliaries"),
        new_clause=re.compile(rf"\b(?:{either(lex.get('actors.conjunctions', [])) or '(?!)'})\s+(?:\w+\s+)?"
                              rf"(?:{either(lex.get('speech.complementizers', [])) or '(?!)'})\b", re.IGNORECASE),
        modifiers=folded("events.modifiers"),
        sides=words("events.side_markers"),
        conjunctions=words("actors.conjunctions", False),
        described=WordList(lex.get("actors.force_nouns", []) + lex.get("events.weapons", []), ignore_case=True),
        target_markers=words("events.target_markers"),
        determiners=folded("actors.determiners"),
        force_words=frozenset(w for n in lex.get("actors.force_nouns", []) for w in n.casefold().split()),
    )


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
    for m in _cues(lex).presence.finditer(text, sentence.start, sentence.end):
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
    cues = _cues(lex)
    return text[start:end].casefold() in cues.modifiers and bool(
        cues.described.pattern.match(text, end + 1)) and text[end:end + 1] == " "


def _supplies(text: str, sentence: Span, lex: Lexicon) -> list[tuple[int, int]]:
    """'supplied Russia with artillery shells', 'memasok peluru artileri': a verb of supplying
    with weapons within the six words after it is an arms transfer (without, it is none:
    "provided support")."""
    return [(m.start(), m.end()) for m in _cues(lex).supplies.finditer(text, sentence.start, sentence.end)
            if _sends_weapons(text, m.end(), sentence, lex, _SUPPLY_AHEAD)]


def _sends_weapons(text: str, end: int, sentence: Span, lex: Lexicon, window: re.Pattern | None = None) -> bool:
    """Weapons within the few words after a sending verb: what is sent is arms, not troops."""
    ahead = (window or _WORDS_AHEAD).match(text[end:sentence.end])
    stop = end + (ahead.end() if ahead else 0)
    return bool(_cues(lex).weapons.search(text, end, stop))


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
    sentence of a statement not made ("has not confirmed that …"); valued by its rank."""
    return Cover([(said.start, said.end, (rank, s)) for rank, s in enumerate(statements)
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
    by, ends = _cues(lex).agent_markers, []
    for statement in said:
        start = (statement.speaker_mention or statement.cue).start
        if statement.cue.start > trigger.end and trigger.end <= start < clause.end \
                and not by.search(text, trigger.end, start):
            ends.append(start)
    return Span(clause.start, min(ends), clause.text[:min(ends) - clause.start]) if ends else clause


def _factuality(text: str, clause: Span, trigger: Span, said: Statement | None, lex: Lexicon) -> str:
    cues = _cues(lex)
    hedges = [(m.start(), m.end()) for m in cues.possible.finditer(text, clause.start, trigger.start)]
    if any(m.end() >= trigger.start - 12 and not any(a <= m.start() < b for a, b in hedges)
           for m in cues.negated.finditer(text, clause.start, trigger.start)) and not (said and said.negated):
        return "negated"  # (a negation inside a hedge, "not ruling out", makes it possible below)
    # a modal in a clause of its own after the trigger is that clause's ("who died there were
    # heroes and that a monument would be built", "… and warned that Pyongyang may send more")
    # a modal before what was said is the speaker's ("belum bisa memverifikasi …"), not the event's
    said_from = max(clause.start, said.cue.end) if said and said.cue.end <= trigger.start else clause.start
    if cues.possible.occurs_in(text, said_from, clause.end):
        own = cues.new_clause.search(text, trigger.end, clause.end)
        if not own or cues.possible.occurs_in(text, said_from, own.start()):
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


def _participants(event: Event, text: str, clause: Span, lex: Lexicon, index: ActorIndex,
                  salient: list[str], cues: Cover, dates: Cover, speaking: list[Span] = ()) -> None:
    """Roles, and the place (:func:`_place`).

    The force that acts is the one before the trigger ("pasukan Korea Utara telah mulai
    terlibat"), else the one after it ("the deployment of the troops"); a pronoun ("mereka"), a bare
    force noun or an anaphor ("pasukan tersebut", "such a deployment") stands for the force
    last seen acting (``salient``); a force noun with an enclitic ("pasukannya") for the force
    of the last country named. Who sends, moves, trains or captures a force is the agent the
    clause names (:func:`_named_agents`); a deployed force's country when it names none.
    Those named before the words said that hold the trigger (``speaking``: the speaker, its
    title and country) take no part in a meeting or a treaty ("X said that Y and Z signed …").
    """
    actors = index.within(clause.start, clause.end)
    partners = _cues(lex).partners
    forces, partner_mentions = [], []
    for m in actors:
        if index.actors[m.key].type != "armed_force":
            continue
        marker = partners.finditer(text, max(clause.start, m.span.start - 25), m.span.start)[-1:]
        alongside = marker and not _cues(lex).target_markers.occurs_in(text, marker[0].end(), m.span.start)
        (partner_mentions if alongside else forces).append(m)  # not "joined combat against X"
    role = _FORCE_ROLE.get(event.type)
    targets = _targets(event, text, clause, lex, index, partner_mentions) if role == "agent" else []
    before = [m for m in forces if m.span.end <= event.trigger.start]
    prepositions = _cues(lex).place_prepositions
    after = [m for m in forces if m.span.start >= event.trigger.start and m.span.end > event.trigger.end
             and m.key not in targets
             and not prepositions.occurs_in(text, max(event.trigger.end, m.span.start - 9), m.span.start)]
    # ("menarik pasukan Korea Utara" starts inside its trigger; "sent to the Russian army" is no theme)
    force_key = before[-1].key if before else ""
    pronoun = _cues(lex).plural_pronouns.search(text, clause.start, event.trigger.start)
    if not force_key and pronoun and salient:  # "mereka telah pindah": the force last seen acting
        force_key = salient[-1]
    stands_for = _stand_in(text, clause, lex, index)
    if not force_key and stands_for:
        force_key = stands_for
    elif not force_key and after:
        force_key = after[0].key
    if not force_key and salient and _anaphoric(text, clause, lex):
        force_key = salient[-1]
    named = _named_agents(event, text, clause, lex, index, cues, dates) if role else []
    if role == "theme" and after and (force_key in named or not text[event.trigger.end:after[0].span.start].strip()):
        force_key = after[0].key  # "X's forces captured two of Y's soldiers", "two wounded Y soldiers"
    sender = next((k for k in named if index.actors[k].type == "country"), "")
    if role == "theme" and force_key and sender and not (before or after or pronoun) \
            and index.actors[force_key].affiliation not in ("", sender):
        own = f"{sender}-armed-forces"  # "North Korea has sent 14,000 troops": its own, not the force last seen
        force_key = own if own in index.actors else ""
    named = [key for key in named if key != force_key]
    if force_key and role:
        event.roles.append((role, force_key))
        country = index.actors[force_key].affiliation
        if role == "theme":
            event.roles.extend(("agent", key) for key in named)
            if not named and country and event.type in _IMPLIED_AGENT:
                event.roles.append(("agent", country))
        if force_key not in {m.key for m in partner_mentions}:  # a partner is not the force acting
            salient.append(force_key)
    elif named:  # "North Korea had sent 1,500 troops": no force named, the sender is
        event.roles.extend(("agent", key) for key in named)
    event.roles.extend(("target", key) for key in targets if key != force_key)
    # the force alongside ("alongside Russian paratroopers"), not the country its name begins with
    event.roles.extend(("partner", m.key) for m in partner_mentions if m.key != force_key)
    if not role:  # treaties, meetings: the actors of the clause take part, not a place it goes to or is in,
        capitals = [m for m in index.speaking_states(clause.start, event.trigger.start)  # and a capital before
                    if not any(a.span == m.span for a in actors)]  # the trigger stands for its state ("Seoul summoned")
        event.roles.extend(("agent", m.key) for m in sorted(actors + capitals, key=lambda m: m.span.start)
                           if index.actors[m.key].type in ("country", "person")
                           and not prepositions.occurs_in(text, max(clause.start, m.span.start - 9), m.span.start)
                           and not any(s.start <= m.span.start < s.end for s in speaking))
    place = _place(event, text, clause, lex, index, [(m.span.start, m.span.end) for m in forces + partner_mentions])
    if place:
        event.places.append(place)
    if event.type == "arms_transfer":
        _recipients(event, clause, index)
    event.roles = list(dict.fromkeys(event.roles))


def _recipients(event: Event, clause: Span, index: ActorIndex) -> None:
    """The state an arms transfer goes to is its partner, not an agent nor where it happened:
    the country, or the capital, after the trigger ("supplied Ruritania with shells", "sending
    weapons to the capital")."""
    after = [m.key for m in index.within(event.trigger.end, clause.end) if index.actors[m.key].type == "country"]
    after += [m.key for m in index.speaking_states(event.trigger.end, clause.end) if m.key not in after]
    if not after:
        return
    event.roles = [(r, k) for r, k in event.roles if not (r == "agent" and k in after)] + [("partner", k) for k in after]
    entries = index.gaz.entries
    event.places = [p for p in event.places if p not in after
                    and not (p in entries and entries[p].capital_of in after)]


def _place(event: Event, text: str, clause: Span, lex: Lexicon, index: ActorIndex,
           taken: list[tuple[int, int]]) -> str:
    """Where the event happened: the first place (or country) after a place preposition behind
    the trigger, not inside a force's name (``taken``), or a place visited, right after a
    meeting's trigger ("visited Pyongyang"); ``""`` if none."""
    cues = _cues(lex)
    places = sorted(index.within(event.trigger.end, clause.end, "place") + [
        a for a in index.within(event.trigger.end, clause.end) if index.actors[a.key].type == "country"],
        key=lambda m: (m.span.start, -m.span.end))
    for m, following in zip(places, places[1:] + [None]):
        if any(s <= m.span.start < e for s, e in taken):
            continue
        if following and index.actors.get(m.key) and _GENITIVE.fullmatch(text, m.span.end, following.span.start):
            continue  # "Ruritania's border region": the place is the region
        if cues.sides.occurs_in(text, max(event.trigger.start, m.span.start - 12), m.span.start):
            continue  # "losses on the side of X": whose side, not where
        # the preposition may end the trigger ("are in", "berada di", "dibawa ke")
        if cues.place_prepositions.occurs_in(text, max(event.trigger.start, m.span.start - 30), m.span.start) \
                or event.type == "meeting" and not text[event.trigger.end:m.span.start].strip() and m.key in index.places:
            return m.key
    return ""


def _named_agents(event: Event, text: str, clause: Span, lex: Lexicon, index: ActorIndex,
                  cues: Cover, dates: Cover) -> list[str]:
    """Who the clause names as acting: the actor right after "by" / "oleh" behind the trigger;
    else, for a verb whose subject acts ("sent", "mengirim") and not in the passive ("were
    sent"), its subject: the country, organisation, person or force written before it with only
    auxiliaries ("has", "telah", "could", "untuk") and times between ("X has already sent",
    "urged X to withdraw"), with those joined to it by "and"
    ("X and Y"); or the speaker of a reporting verb there ("X acknowledged having sent");
    or, for "it" / "pihaknya", the last country, organisation or force named before
    it in the sentence. A capital stands for its state.
    """
    found = _cues(lex)
    trigger = event.trigger
    by = found.agent_markers.search(text, trigger.end, min(clause.end, trigger.end + 30))  # within a word of it
    agent = _actor_at(index, by.end()) if by and len(_WORD.findall(text, trigger.end, by.start())) <= 1 else ""
    if agent:  # "dispatched by Pyongyang"
        return [agent]
    verb = _WORD.match(trigger.text)
    if not verb or verb.group().casefold() not in found.agentive:
        return []
    ahead = list(_WORD.finditer(text, max(clause.start, trigger.start - 120), trigger.start))
    if any(w.group().casefold() in found.passive for w in ahead[-2:]):
        return []
    while ahead and (ahead[-1].group().casefold() in found.auxiliaries or ahead[-1].start() in dates):
        ahead.pop()
    if not ahead:
        return []
    word = ahead[-1]
    if word.group().casefold() in found.collective:  # "North Korea confirmed that it had sent troops"
        for mention in reversed(_actors_before(index, event.sentence.start, word.start())):
            key = _as_actor(index, mention)
            if key and index.actors[key].type in ("country", "organization", "armed_force"):
                return [key]  # ("Ukraine's army said it had killed …")
        return []
    if word.start() in cues:  # "X acknowledged having sent troops": the speaker sent them
        speakers = [k for s in cues.at(word.start()) for k in s.speakers]
        return [k for k in dict.fromkeys(speakers) if index.actors[k].type in _SUBJECT_TYPES]
    mentions = _actors_before(index, clause.start, word.end())
    if not mentions or mentions[-1].span.end != word.end():
        return []
    subjects, first = [], mentions[-1]
    for mention in reversed(mentions):
        if subjects:
            between = text[mention.span.end:first.span.start]
            if between.strip().casefold() not in found.joins and between.strip() != ",":
                break
        key = _as_actor(index, mention)
        if not key or index.actors[key].type not in _SUBJECT_TYPES:
            break
        subjects.append(key)
        first = mention
    before = _WORD.findall(text, clause.start, first.span.start)[-1:]
    if not subjects or before and found.place_prepositions.pattern.fullmatch(before[0]):
        return []  # "sent to Russia to train": a place, not a subject
    return list(dict.fromkeys(reversed(subjects)))


def _targets(event: Event, text: str, clause: Span, lex: Lexicon, index: ActorIndex,
             partners: list) -> list[str]:
    """Against whom a combat or an attack goes: the force or country after "against" /
    "melawan" / "on" behind the trigger ("fighting for Russia against Ukrainian forces",
    "an attack on X's troops"), or right after a verb that takes an object ("fighting
    Ukrainian forces", "menyerang pasukan Ukraina"); not a partner ("alongside Russian forces").
    """
    found = _cues(lex)
    trigger = event.trigger
    verb = _WORD.match(trigger.text)
    transitive = bool(verb) and verb.group().casefold() in found.agentive
    if not transitive and not found.target_markers.any_in(text, trigger.start, clause.end):
        return []
    for m in _outermost(index.within(trigger.end, clause.end), clause.end):
        if any(m.span.start == p.span.start for p in partners) \
                or index.actors[m.key].type not in ("armed_force", "country"):
            continue
        marker = found.target_markers.search(text, max(trigger.start, m.span.start - 20), m.span.start)
        between = _WORD.findall(text, marker.end() if marker else trigger.end, m.span.start)
        if marker and len(between) <= 1 or transitive and all(w.casefold() in found.determiners
                                                              or w.casefold() in found.force_words for w in between):
            return [m.key]  # (a unit word may come first, the force named after it, as Indonesian writes it)
    return []


def _actors_before(index: ActorIndex, start: int, end: int) -> list:
    """The actor mentions, and places, ending in ``[start, end)``, the outermost where they
    overlap, in text order."""
    return _outermost(index.within(start, end) + index.within(start, end, "place"), end)


def _outermost(mentions: list, end: int) -> list:
    """Of ``mentions``, those ending by ``end``, the outermost where they overlap, in text order."""
    mentions = [m for m in mentions if m.span.end <= end]
    mentions.sort(key=lambda m: (m.span.start, -m.span.end))
    outer = []
    for m in mentions:
        if outer and m.span.start < outer[-1].span.end:
            continue
        outer.append(m)
    return outer


def _as_actor(index: ActorIndex, mention) -> str:
    """The actor a mention names: itself, or for a capital its state ("Pyongyang")."""
    if mention.kind == "actor":
        return mention.key
    states = index.speaking_states(mention.span.start, mention.span.end)
    return states[0].key if states else ""


def _actor_at(index: ActorIndex, pos: int) -> str:
    """The actor (or the state of a capital) named starting at ``pos``, or ``""``."""
    mention = index.at(pos) or index.at(pos, "place")
    return _as_actor(index, mention) if mention else ""


def _stand_in(text: str, clause: Span, lex: Lexicon, index: ActorIndex) -> str:
    """'pasukannya': a force noun with the enclitic stands for the last country's force."""
    pattern = _force_noun_with_enclitic(lex)
    m = pattern.search(clause.text) if pattern else None
    if not m:
        return ""
    country = index.last(clause.start + m.start(), ("country",))
    key = f"{country}-armed-forces"
    return key if key in index.actors else ""


@lru_cache(maxsize=None)
def _force_noun_with_enclitic(lex: Lexicon) -> re.Pattern | None:
    """'pasukannya': a force noun with the language's enclitic; ``None`` without one (cached)."""
    enclitic = lex.get("speech.enclitic", "")
    if not enclitic:
        return None
    nouns = by_first_letter(lex.get("actors.force_nouns", []), re.IGNORECASE)
    return re.compile(rf"\b(?:{nouns}){re.escape(enclitic)}\b", re.IGNORECASE)


def _anaphoric(text: str, clause: Span, lex: Lexicon) -> bool:
    """A pronoun, a bare force noun or an anaphor in the clause points back to a known force."""
    return _cues(lex).anaphora.occurs_in(text, clause.start, clause.end)


def _amount(text: str, amounts: list[Quantity], trigger: Span, lex: Lexicon) -> Quantity | None:
    """The quantity nearest the trigger, of those not parted from it by "and" ("300 soldiers
    have died and 2,700 have been wounded": 300 died), else of all."""
    joined = _cues(lex).conjunctions
    near = [q for q in amounts if not joined.occurs_in(text, min(q.span.end, trigger.end), max(q.span.start, trigger.start))]
    return _nearest(near or amounts, trigger)


def _nearest(items, trigger: Span):
    if not items:
        return None
    return min(items, key=lambda x: abs((x.span.start + x.span.end) / 2 - trigger.start))


def _time(text: str, trigger: Span, clause: Span, sentence: Span, said: Statement | None,
          times: ByStart[TimeExpr], factuality: str) -> TimeExpr | None:
    """A time in the event's clause, or set off before it at the start of the sentence; else
    bounded by the statement that reports it."""
    own = [t for t in times.within(clause.start, clause.end) if not (said and said.time is t)]
    if own:
        return _nearest(own, trigger)
    fronted = _fronted(text, clause, sentence, times)
    if fronted and not (said and said.time is fronted):
        return fronted
    if said and said.time and said.time.end and factuality != "possible":  # on or before it was said
        return TimeExpr(said.time.span, "", None, said.time.end, "unknown", anchor="statement",
                        anchor_date=said.time.end)
    return None


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
    """The earlier event a bare noun names again: same type, and nothing of its own (no
    time written in its clause, no quantity, no other place, no other factuality)."""
    if event.trigger.text.casefold() not in _nominal(lex) or event.quantity:
        return None
    if event.time and event.time.span.end > event.time.span.start and event.time.anchor != "statement":
        return None
    for earlier in reversed(events):
        if earlier.type == event.type and earlier.factuality == event.factuality \
                and (not event.places or event.places == earlier.places):
            return earlier
    return None


def _by_publication(factuality: str, published: date | None) -> TimeExpr | None:
    """'At the latest on the day of publication', for what is told as having happened."""
    if published is None or factuality not in ("asserted", "reported"):
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
