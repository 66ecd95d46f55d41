"""The words a language's event lexicon gives, built once per lexicon.

The ``events`` file of a lexicon lists the words that tell an event's factuality
(``negated``, ``possible``, ``unconfirmed``, ``reported``), the markers of its participants
(``agent_markers``, ``partner_markers``, ``target_markers``) and of its place
(``place_prepositions``), and more. :func:`event_cues` turns them, with a few ``actors`` and
``speech`` lists, into the word lists and patterns that events and their roles are read with.

>>> from kg.lexicon import load
>>> cues = event_cues(load("en"))
>>> text = "Jane Roe said the troops had not moved."
>>> cues.negated.search(text, 0, len(text)).group()
'not'
>>> "sent" in cues.agentive, "sent" in cues.passive
(True, False)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import Lexicon
from .patterns import either
from .words import WordList


@dataclass(frozen=True)
class Bound:
    """Words that name an event of ``type`` only with one of ``objects`` within ``before``
    words before them or ``after`` words after them: "supplied Russia with shells", "the
    captives were questioned"; ``receives`` when their subject gets what is sent."""

    type: str
    words: WordList
    objects: WordList
    before: int
    after: int
    receives: bool


@dataclass(frozen=True)
class EventCues:
    """The patterns of a lexicon's event cues, built once per lexicon."""

    opposition: WordList
    presence: WordList
    since: WordList  # "since", "sejak": before a time, the start of a period that runs on
    circumstance: frozenset[str]  # "in", "when": before a trigger, it tells when the one before happened, casefolded
    presence_nouns: frozenset[str]  # "presence", "keberadaan tentara": a force being somewhere, casefolded
    weapons: WordList
    bound: tuple[Bound, ...]  # words that are an event only with an object near them
    bound_words: WordList  # the words of them all: a sentence without one holds none
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
    progressive: tuple[str, ...]  # "ing": a verb so ending is active after them ("has been sending")
    object_pronouns: WordList  # "them": right after a verb, the force last seen acting
    agent_markers: WordList
    passive_prefixes: tuple[str, ...]  # "di": a verb so beginning is passive, its agent may follow it
    source_markers: WordList  # "from": after a receiving verb, who sends
    collective: frozenset[str]  # "it", "pihaknya", casefolded
    joins: frozenset[str]  # conjunctions between two actors, casefolded
    coordinators: frozenset[str]  # "and", "or", "atau": words joining two clauses or verbs, casefolded
    auxiliaries: frozenset[str]  # "has", "telah": between a subject and its verb, casefolded
    new_clause: re.Pattern  # "and that", "and warned that": a clause of its own
    modifiers: frozenset[str]  # "combat", "attack": before a force or a weapon, they describe it
    sides: WordList  # "di pihak", "on the side of": a country after it is a side, not a place
    conjunctions: WordList  # "and", "dan"
    described: WordList  # force nouns and weapons
    target_markers: WordList
    mutual: frozenset[str]  # "clashes", "bentrok": a fight between two sides, casefolded
    host_markers: frozenset[str]  # "with", "dengan": after a meeting or a treaty, whom it is with, casefolded
    beneficiary: WordList  # "for", "membantu": after a deployment or a fight, the side it is on
    intransitive: frozenset[str]  # "to follow": an event only with no object after it, casefolded
    intransitive_next: frozenset[str]  # "in", "dalam": words that may follow one, casefolded
    opponent: re.Pattern  # " with ", " pertama dengan ": after a fight between two sides, the other side follows
    determiners: frozenset[str]  # "the", "sang", casefolded
    definite_before: frozenset[str]  # "the", "this": a nominal trigger after one names an event told, casefolded
    definite_after: frozenset[str]  # "itu", "tersebut": the same a word or three after it, casefolded
    force_words: frozenset[str]  # "unit", "troops": a force noun's words, casefolded


@lru_cache(maxsize=None)
def event_cues(lex: Lexicon) -> EventCues:
    """The :class:`EventCues` of ``lex`` (cached: do not change the lexicon)."""
    def words(key: str, ignore_case: bool = True) -> WordList:
        return WordList(lex.get(key, []), ignore_case=ignore_case)

    def folded(key: str) -> frozenset[str]:
        return frozenset(w.casefold() for w in lex.get(key, []))

    return EventCues(
        opposition=words("events.opposition_markers", False),
        presence=words("events.presence"),
        since=words("events.since_markers"),
        circumstance=folded("events.circumstance_markers"),
        presence_nouns=folded("events.presence_nouns"),
        weapons=words("events.weapons"),
        bound=tuple(Bound(r["type"], WordList(r["words"], ignore_case=True), WordList(r["objects"], ignore_case=True),
                          int(r.get("before", 0)), int(r.get("after", 0)), r.get("receives") == "yes")
                    for r in lex.get("events.bound", [])),
        bound_words=WordList([w for r in lex.get("events.bound", []) for w in r["words"]], ignore_case=True),
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
        progressive=tuple(lex.get("events.progressive_endings", [])),
        object_pronouns=words("events.object_pronouns"),
        agent_markers=words("events.agent_markers"),
        passive_prefixes=tuple(w.casefold() for w in lex.get("events.passive_prefixes", [])),
        source_markers=words("events.source_markers"),
        collective=folded("actors.collective_pronouns"),
        joins=folded("actors.conjunctions"),
        coordinators=folded("speech.coordinators"),
        auxiliaries=folded("events.auxiliaries"),
        new_clause=re.compile(rf"\b(?:{either(lex.get('actors.conjunctions', [])) or '(?!)'})\s+(?:\w+\s+)?"
                              rf"(?:{either(lex.get('speech.complementizers', [])) or '(?!)'})\b", re.IGNORECASE),
        modifiers=folded("events.modifiers"),
        sides=words("events.side_markers"),
        conjunctions=words("actors.conjunctions", False),
        described=WordList(lex.get("actors.force_nouns", []) + lex.get("events.weapons", []), ignore_case=True),
        target_markers=words("events.target_markers"),
        mutual=folded("events.mutual"),
        host_markers=folded("events.host_markers"),
        beneficiary=words("events.beneficiary_markers"),
        intransitive=folded("events.intransitive"),
        intransitive_next=folded("events.intransitive_next"),
        opponent=re.compile(rf"(?:\s+[\w-]+)?\s+(?:{either(lex.get('events.opponent_markers', [])) or '(?!)'})\s+",
                            re.IGNORECASE),
        determiners=folded("actors.determiners"),
        definite_before=folded("events.definite_before"),
        definite_after=folded("events.definite_after"),
        force_words=frozenset(w for n in lex.get("actors.force_nouns", []) for w in n.casefold().split()),
    )
