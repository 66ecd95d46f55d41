"""Who takes part in an event, and where.

The armed force of the event's clause is the agent of a combat or an attack, and the theme of
a deployment, a movement, a training, a withdrawal or casualties: the force before the
trigger, else the one after it; a pronoun, a bare force noun or an anaphor stands for the
force last seen acting. Who sends, moves, trains or captures a force is the agent the clause
names: the subject of the verb, or the actor after "by". The force fought against is the
target, as is the other side of a clash ("clashes with X's units"); a force "alongside" is a
partner. In a treaty or a meeting the countries and people of the clause take part (a person
for their country, not beside it), and those it is "with" are its partners, as is the
country a force is sent or fights for. The place is the first place after a place preposition
behind the trigger; the state an arms transfer goes to is its partner.

>>> from kg.ingest import parse_article
>>> from kg.extract.document import extract
>>> text = "The Chinese army is fighting Japan's forces near the border. Japan has sent 200 soldiers to China."
>>> for event in extract(parse_article(text, "a.txt")).events:
...     print(event.type, event.roles, event.places)
combat [('agent', 'china-armed-forces'), ('target', 'japan-armed-forces')] []
deployment [('theme', 'japan-armed-forces'), ('agent', 'japan')] ['china']
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..lexicon import Lexicon
from ..model import Event, Span
from .actor_index import ActorIndex
from .event_cues import event_cues
from .spans import Cover

# Which role the armed force near a trigger plays.
_FORCE_ROLE = {"deployment": "theme", "movement": "theme", "withdrawal": "theme",
               "training": "theme", "combat": "agent", "attack": "agent", "casualties": "theme"}
# What goes from one party to another: the state it goes to is a partner ("supplied Ruritania
# with shells", "hand them back to Pyongyang").
_TRANSFERS = {"arms_transfer", "exchange"}
# Events whose only parties are those the clause names as acting ("questioned by the SBU",
# "Ukraine could hand them over"), and the state an exchange goes to; a war that widens has none.
_NAMED_ONLY = {"interrogation", "exchange", "escalation"}
_CAPTIVES = {"interrogation", "exchange"}  # whose theme is the force its captives are written as
# A force deployed was sent by its state, which is then the agent though none is named. A force
# that moves, trains, withdraws or falls has an agent only when the text names one ("X has
# trained Y's soldiers", "X captured two soldiers").
_IMPLIED_AGENT = {"deployment"}
_SUBJECT_TYPES = ("country", "organization", "person", "armed_force")  # who may be written as acting
WORD = re.compile(r"[\w'’-]+")  # a word, with its apostrophes and hyphens (also for kg.extract.events)
_BLANKS = re.compile(r"\s*")
_OWNS = re.compile(r"['’]s ")  # "Ukraine's security service": owned by the actor before it
_GENITIVE = re.compile(r"['’]s?\s+")  # between a country and its place: "Ruritania's border region"


def participants(event: Event, text: str, clause: Span, lex: Lexicon, index: ActorIndex,
                 salient: list[tuple[str, str]], cues: Cover, dates: Cover, speaking: list[Span] = ()) -> None:
    """Roles, and the place (:func:`_place`).

    The force that acts is the one before the trigger ("pasukan Korea Utara telah mulai
    terlibat"), else the one after it ("the deployment of the troops"); a pronoun ("mereka"), a bare
    force noun or an anaphor ("pasukan tersebut", "such a deployment") stands for the force
    last seen acting in the same role (``salient``, :func:`_last_seen`), as does a pronoun
    right after a verb ("sent them"), and a deployment, movement, training or withdrawal that
    names no one ("the dispatch", "more would follow"), whose agent then stays unnamed; a
    force noun owned by a pronoun ("pasukannya", "its troops") for the force of the country
    named before it. Who sends, moves, trains or captures a force is the agent the clause
    names (:func:`_named_agents`), never a force itself when it is sent; a deployed
    force's country when it names none, unless the force is only said to be somewhere
    ("the troops are there", "their presence"): no one is said to have sent it.
    Those named before the words said that hold the trigger (``speaking``: the speaker, its
    title and country) take no part in a meeting or a treaty ("X said that Y and Z signed …").
    """
    actors = index.within(clause.start, clause.end)
    partners = event_cues(lex).partners
    forces, partner_mentions = [], []
    for m in actors:
        if index.actors[m.key].type != "armed_force":
            continue
        marker = partners.finditer(text, max(clause.start, m.span.start - 25), m.span.start)[-1:]
        alongside = marker and not event_cues(lex).target_markers.occurs_in(text, marker[0].end(), m.span.start)
        (partner_mentions if alongside else forces).append(m)  # not "joined combat against X"
    role = _FORCE_ROLE.get(event.type)
    opponent = _opponent(event, text, clause, lex, index) if role == "agent" else None
    if opponent:  # "clashes with X's troops": X's troops fought, on the other side
        forces = [m for m in forces if m is not opponent]
        partner_mentions = [m for m in partner_mentions if m is not opponent]
    targets = [opponent.key] if opponent else \
        _targets(event, text, clause, lex, index, partner_mentions) if role == "agent" else []
    before = [m for m in forces if m.span.end <= event.trigger.start]
    prepositions = event_cues(lex).place_prepositions
    after = [m for m in forces if m.span.start >= event.trigger.start and m.span.end > event.trigger.end
             and m.key not in targets
             and not prepositions.occurs_in(text, max(event.trigger.end, m.span.start - 9), m.span.start)]
    # ("menarik pasukan Korea Utara" starts inside its trigger; "sent to the Russian army" is no theme)
    force_key = before[-1].key if before else ""
    pronoun = event_cues(lex).plural_pronouns.search(text, clause.start, event.trigger.start)
    if not force_key and pronoun and salient:  # "mereka telah pindah": the force last seen acting
        force_key = _last_seen(salient, role)
    stands_for = _stand_in(clause, index)
    if not force_key and stands_for:
        force_key = stands_for
    elif not force_key and after:
        force_key = after[0].key
    if not force_key and salient and _anaphoric(text, clause, lex):
        force_key = _last_seen(salient, role)
    if opponent and force_key == opponent.key:
        force_key = ""  # (a force last seen acting that the clash is with is not on both sides)
    named = _named_agents(event, text, clause, lex, index, cues, dates) if role else []
    if event.type in _IMPLIED_AGENT:  # troops are sent, they send no one ("troops sent to Russia have fought")
        named = [k for k in named if index.actors[k].type != "armed_force"]
    if role == "theme" and after and (force_key in named or not text[event.trigger.end:after[0].span.start].strip()) \
            and not (after[0].key in named and _passive_prefixed(event.trigger.text, event_cues(lex))):  # "ditawan pasukan X": X acts
        force_key = after[0].key  # "X's forces captured two of Y's soldiers", "two wounded Y soldiers"
    inherited = not force_key and not named and role == "theme" and event.type != "casualties" \
        and bool(salient) and not _presence(event, lex)
    if inherited:  # "The dispatch alarmed Tokyo": of the force last sent, by whom the clause does not say
        force_key = _last_seen(salient, role)
    them = role == "theme" and bool(salient) and _object_pronoun(event, text, clause, lex)
    if them:  # "Russia sent them into combat": the force last seen acting
        force_key = _last_seen(salient, role)
    sender = next((k for k in named if index.actors[k].type == "country"), "")
    if role == "theme" and force_key and sender and not (before or after or pronoun or them) \
            and index.actors[force_key].affiliation not in ("", sender):
        own = f"{sender}-armed-forces"  # "North Korea has sent 14,000 troops": its own, not the force last seen
        force_key = own if own in index.actors else ""
    named = [key for key in named if key != force_key]
    if force_key and role:
        event.roles.append((role, force_key))
        country = index.actors[force_key].affiliation
        if role == "theme":
            event.roles.extend(("agent", key) for key in named)
            if not named and country and event.type in _IMPLIED_AGENT and not _presence(event, lex) and not inherited:
                event.roles.append(("agent", country))
        if force_key not in {m.key for m in partner_mentions} \
                and not (force_key == stands_for and (not before or before[-1].how == "owned")):
            salient.append((force_key, role))  # (not a partner, nor a force owned by a pronoun: "its units")
    elif named:  # "North Korea had sent 1,500 troops": no force named, the sender is
        event.roles.extend(("agent", key) for key in named)
    event.roles.extend(("target", key) for key in targets if key != force_key)
    # the force alongside ("alongside Russian paratroopers"), not the country its name begins with
    event.roles.extend(("partner", m.key) for m in partner_mentions if m.key != force_key)
    helped = _helped(event, text, clause, lex, index) if role in ("agent", "theme") else ""
    if helped and helped != force_key and ("partner", helped) not in event.roles:
        event.roles.append(("partner", helped))  # "sent to fight for Russia": on Russia's side
    if event.type in _NAMED_ONLY:
        named = _named_agents(event, text, clause, lex, index, cues, dates)
        if event.type == "exchange":  # a state hands captives over: a leader's for their state
            named = list(dict.fromkeys(_state_of(k, index) for k in named))
        captives = _captives(event, text, forces) if event.type in _CAPTIVES else ""
        if captives and captives not in named:  # "questioning two Ruritanian soldiers"
            event.roles.append(("theme", captives))
        event.roles.extend(("agent", key) for key in named)
    elif not role:  # treaties, meetings: the actors of the clause take part, not a place it goes to or is in,
        capitals = [m for m in index.speaking_states(clause.start, event.trigger.start)  # and a capital before
                    if not any(a.span == m.span for a in actors)]  # the trigger stands for its state ("Seoul summoned")
        taking_part = [m.key for m in sorted(actors + capitals, key=lambda m: m.span.start)
                       if index.actors[m.key].type in ("country", "person")
                       and not prepositions.occurs_in(text, max(clause.start, m.span.start - 9), m.span.start)
                       and not any(s.start <= m.span.start < s.end for s in speaking)]
        theirs = {_affiliation(k, index) for k in taking_part  # "Russian President X": X, not Russia too
                  if index.actors[k].type == "person"}
        hosts = _hosts(event, text, clause, lex, index, theirs)
        event.roles.extend(("agent", k) for k in taking_part if k not in theirs and k not in hosts)
        event.roles.extend(("partner", k) for k in hosts)
    place = _place(event, text, clause, lex, index, [(m.span.start, m.span.end) for m in forces + partner_mentions])
    if place:
        event.places.append(place)
    if event.type in _TRANSFERS:
        _recipients(event, text, clause, lex, index)
    event.roles = list(dict.fromkeys(event.roles))


def _captives(event: Event, text: str, forces: list) -> str:
    """The force the captives questioned or exchanged are written as: the one within three
    words after the trigger ("questioning two Ruritanian soldiers"), else the one ending within
    three words before it ("the Ruritanian soldiers were questioned"); not one further off,
    who may hold them or be given for them ("captured by X", "for Y's prisoners")."""
    after = [m for m in forces if m.span.start >= event.trigger.end
             and len(WORD.findall(text, event.trigger.end, m.span.start)) <= 3]
    before = [m for m in forces if m.span.end <= event.trigger.start
              and len(WORD.findall(text, m.span.end, event.trigger.start)) <= 3]
    return after[0].key if after else before[-1].key if before else ""


def _state_of(key: str, index: ActorIndex) -> str:
    """A person's country when the text or the gazetteer gives one, else the actor itself."""
    if index.actors[key].type != "person":
        return key
    state = _affiliation(key, index)
    return state if state in index.actors and index.actors[state].type == "country" else key


def _last_seen(salient: list[tuple[str, str]], role: str) -> str:
    """The force last seen in ``role`` (what was sent or fell, what fought), else the last
    seen at all: "more troops were sent" points back to troops sent, not to an army that fought.

    >>> _last_seen([("a", "theme"), ("b", "agent")], "theme"), _last_seen([("b", "agent")], "theme")
    ('a', 'b')
    """
    return next((key for key, was in reversed(salient) if was == role), salient[-1][0])


def _recipients(event: Event, text: str, clause: Span, lex: Lexicon, index: ActorIndex) -> None:
    """The state an arms transfer or an exchange goes to is its partner, not an agent nor where
    it happened: the country, or the capital, after the trigger ("supplied Ruritania with
    shells", "sending weapons to the capital"). After a receiving verb it is the other way:
    the state after "from" sends, the subject gets ("Ruritania obtained drones from Freedonia")."""
    entries = index.gaz.entries
    after = [m for m in index.within(event.trigger.end, clause.end) if index.actors[m.key].type == "country"]
    after += [m for m in index.speaking_states(event.trigger.end, clause.end) if m.key not in {a.key for a in after}]
    capitals = [(m, entries[m.key].capital_of) for m in index.within(event.trigger.end, clause.end, "place")
                if m.key in entries and entries[m.key].capital_of]
    after = sorted(after + [replace(m, key=state) for m, state in capitals if state in index.actors
                            and not any(a.span == m.span for a in after)], key=lambda m: m.span.start)
    if _receives(event, lex):
        source = event_cues(lex).source_markers
        senders = [m.key for m in after
                   if source.occurs_in(text, max(event.trigger.end, m.span.start - 6), m.span.start)]
        if senders:
            getting = [k for r, k in event.roles if r == "agent" and k not in senders]
            event.roles = [(r, k) for r, k in event.roles if r != "agent"] + \
                [("agent", k) for k in senders] + [("partner", k) for k in getting]
            _not_places(event, senders, entries)  # "from Moscow": who sends, not where
        return
    if event.type == "exchange":  # to the first state or person after it ("to Kim"), not one later ("held in
        people = [m for m in index.within(event.trigger.end, clause.end) if index.actors[m.key].type == "person"]
        after = sorted(after + people, key=lambda m: m.span.start)[:1]
        event.places = []  # Russia"), which is where the captives are held, not where they are exchanged
    keys = list(dict.fromkeys(m.key for m in after))
    if not keys:
        return
    event.roles = [(r, k) for r, k in event.roles if not (r == "agent" and k in keys)] + [("partner", k) for k in keys]
    _not_places(event, keys, entries)


def _not_places(event: Event, states: list[str], entries) -> None:
    """Take ``states`` and their capitals out of the event's places."""
    event.places = [p for p in event.places if p not in states
                    and not (p in entries and entries[p].capital_of in states)]


def _receives(event: Event, lex: Lexicon) -> bool:
    """Whether the event's trigger is a verb of getting: its subject gets what is sent."""
    return event.rule == "object" and any(
        entry.receives and entry.words.pattern.fullmatch(event.trigger.text) for entry in event_cues(lex).bound)


def _place(event: Event, text: str, clause: Span, lex: Lexicon, index: ActorIndex,
           taken: list[tuple[int, int]]) -> str:
    """Where the event happened: the first place (or country) after a place preposition behind
    the trigger, not inside a force's name (``taken``), or a place visited, right after a
    meeting's trigger ("visited Pyongyang"); ``""`` if none."""
    cues = event_cues(lex)
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


def _presence(event: Event, lex: Lexicon) -> bool:
    """Whether the event is a force being somewhere ("are in", "berada di", "presence")."""
    return event.rule == "presence" or event.trigger.text.casefold() in event_cues(lex).presence_nouns


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
    found = event_cues(lex)
    trigger = event.trigger
    by = found.agent_markers.search(text, trigger.end, min(clause.end, trigger.end + 30))  # within a word of it
    agent = _actor_at(index, _after_determiner(text, by.end(), found.determiners)) \
        if by and len(WORD.findall(text, trigger.end, by.start())) <= 1 else ""
    if not agent and _passive_prefixed(trigger.text, found):  # "diperiksa Dinas Keamanan Ukraina": who, right after
        agent = _actor_at(index, trigger.end) if text[trigger.end:trigger.end + 1] == " " else ""
        agent = agent if agent and index.actors[agent].type in _SUBJECT_TYPES else ""
    if agent:  # "dispatched by Pyongyang", "questioned by the security service"
        return [agent]
    verb = WORD.match(trigger.text)
    if not verb or verb.group().casefold() not in found.agentive:
        return []
    ahead = list(WORD.finditer(text, max(clause.start, trigger.start - 120), trigger.start))
    if any(w.group().casefold() in found.passive for w in ahead[-2:]) \
            and not verb.group().casefold().endswith(found.progressive):  # "were sent", not "were sending"
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
    before = WORD.findall(text, clause.start, first.span.start)[-1:]
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
    found = event_cues(lex)
    trigger = event.trigger
    verb = WORD.match(trigger.text)
    transitive = bool(verb) and verb.group().casefold() in found.agentive
    if not transitive and not found.target_markers.any_in(text, trigger.start, clause.end):
        return []
    for m in _outermost(index.within(trigger.end, clause.end), clause.end):
        if any(m.span.start == p.span.start for p in partners) \
                or index.actors[m.key].type not in ("armed_force", "country"):
            continue
        marker = found.target_markers.search(text, max(trigger.start, m.span.start - 20), m.span.start)
        between = WORD.findall(text, marker.end() if marker else trigger.end, m.span.start)
        if marker and len(between) <= 1 or transitive and all(w.casefold() in found.determiners
                                                              or w.casefold() in found.force_words for w in between):
            return [m.key]  # (a unit word may come first, the force named after it, as Indonesian writes it)
    return []


def _helped(event: Event, text: str, clause: Span, lex: Lexicon, index: ActorIndex) -> str:
    """The country a force is sent, moved or fights for: right after "for" / "to help" /
    "membantu" behind the trigger ("sent to fight for Russia", "dikirim untuk membantu Rusia")."""
    cues = event_cues(lex)
    for m in cues.beneficiary.finditer(text, event.trigger.end, clause.end):
        side = index.at(m.end() + len(text[m.end():clause.end]) - len(text[m.end():clause.end].lstrip()))
        if side and index.actors[side.key].type == "country":
            return side.key
    return ""


def _hosts(event: Event, text: str, clause: Span, lex: Lexicon, index: ActorIndex, theirs: set[str]) -> list[str]:
    """Whom a meeting or a treaty is with: the actors right after "with" / "dengan" behind the
    trigger ("held talks with Kim", "signed the pact with Pyongyang": a capital for its
    state), and those joined to them by "and"; not the country of a person named (``theirs``:
    "Russian" in "talks with Russian President X")."""
    cues = event_cues(lex)
    after = index.within(event.trigger.end, clause.end) + index.within(event.trigger.end, clause.end, "place")
    hosts, reach, marked = [], event.trigger.end, False
    for m in _outermost(after, clause.end):
        gap = WORD.findall(text, reach, m.span.start)
        marked = marked or any(w.casefold() in cues.host_markers for w in gap)
        words = [w for w in gap if w.casefold() not in cues.host_markers]
        if "," in text[reach:m.span.start] or not marked or len(words) > (2 if not hosts else 1) \
                or hosts and not cues.joins & {w.casefold() for w in words}:
            break
        key = m.key if m.kind == "actor" else next((s.key for s in index.speaking_states(m.span.start, m.span.end)), "")
        reach = m.span.end
        if key and key not in theirs and (m.kind != "actor" or index.actors[key].type != "armed_force"):
            hosts.append(key)
    return hosts


def _affiliation(key: str, index: ActorIndex) -> str:
    """The country or organisation an actor belongs to, as the text or the gazetteer says."""
    entry = index.gaz.entries.get(key)
    return index.actors[key].affiliation or (entry.affiliation if entry else "")


def _opponent(event: Event, text: str, clause: Span, lex: Lexicon, index: ActorIndex):
    """The other side of a fight between two (a clash, "bentrokan"): the force or country
    right after "with" / "dengan" behind the trigger, a word between them at most ("first
    clashes with X's units", "bentrokan pertama dengan tentara X")."""
    cues = event_cues(lex)
    if event.trigger.text.casefold() not in cues.mutual:
        return None
    marker = cues.opponent.match(text, event.trigger.end, clause.end)
    side = marker and next(iter(_outermost(index.within(marker.end(), marker.end() + 1), clause.end)), None)
    return side if side and index.actors[side.key].type in ("armed_force", "country") else None


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


def _passive_prefixed(trigger: str, cues) -> bool:
    """Whether a one-word trigger is a verb in the passive by its prefix ("diperiksa", "ditawan"):
    in such a language the one who acts may follow it with no "by"."""
    return " " not in trigger and any(trigger.casefold().startswith(p) and len(trigger) > len(p) + 3
                                      for p in cues.passive_prefixes)


def _after_determiner(text: str, pos: int, determiners: frozenset[str]) -> int:
    """Where the words after ``pos`` begin, past a determiner ("by the SBU": at "SBU").

    >>> _after_determiner("by the SBU", 2, frozenset({"the"})), _after_determiner("by SBU", 2, frozenset({"the"}))
    (6, 2)
    """
    word = WORD.match(text, _BLANKS.match(text, pos).end())
    return word.end() if word and word.group().casefold() in determiners else pos


def _actor_at(index: ActorIndex, pos: int) -> str:
    """The actor (or the state of a capital) named starting at ``pos``, or ``""``; the
    organisation or force owned there when one follows it ("Ukraine's security service")."""
    mention = index.at(pos) or index.at(pos, "place")
    key = _as_actor(index, mention) if mention else ""
    owned = index.at(mention.span.end + 3) if key and _OWNS.match(index.text, mention.span.end) else None
    return owned.key if owned and index.actors[owned.key].affiliation == key else key


def _stand_in(clause: Span, index: ActorIndex) -> str:
    """'pasukannya', 'its troops': the force of the country named before it
    (:func:`~kg.extract.organisations.owned_forces`), written in the clause."""
    return next((m.key for m in index.within(clause.start, clause.end) if m.how == "owned"), "")


def _object_pronoun(event: Event, text: str, clause: Span, lex: Lexicon) -> bool:
    """Whether a verb that takes an object has a pronoun for it right after it ("sent them")."""
    cues = event_cues(lex)
    verb = WORD.match(event.trigger.text)
    if not verb or verb.group().casefold() not in cues.agentive:
        return False
    m = cues.object_pronouns.search(text, event.trigger.end, clause.end)
    return bool(m) and not text[event.trigger.end:m.start()].strip()


def _anaphoric(text: str, clause: Span, lex: Lexicon) -> bool:
    """A pronoun, a bare force noun or an anaphor in the clause points back to a known force."""
    return event_cues(lex).anaphora.occurs_in(text, clause.start, clause.end)
