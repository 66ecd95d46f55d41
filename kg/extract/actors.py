"""Actors and places in one article: known names, armed forces, organisations, people.

:func:`find_actors` reads each sentence in turn: the gazetteer's names first (and a country
inside a name, "South Korea's National Intelligence Service"), then the parts of countries,
armed forces and organisations nobody listed (organisations.py), then people by their titles
or where they speak (people.py). Once every person is known, it reads the sentences again
for surnames alone and organisations named again ("the agency").

>>> from kg.lexicon import load
>>> from kg.gazetteer import load as gazetteer
>>> text = "Pentagon spokesperson Jane Roe said North Korean troops had left. Roe said so again."
>>> sentences = [Span.of(text, 0, 65), Span.of(text, 66, len(text))]
>>> index = find_actors(text, sentences, load("en"), gazetteer(), "en")
>>> for m in index.mentions:  # in the order found
...     print(m.span.text, "->", m.key, f"({m.how})")
Pentagon -> us-defense-department (name)
North Korean -> north-korea (name)
North Korean troops -> north-korea-armed-forces (force)
Jane Roe -> jane-roe (name)
Roe -> jane-roe (surname)
>>> index.actors["jane-roe"].affiliation
'us-defense-department'
"""
from __future__ import annotations

from ..gazetteer import Gazetteer
from ..lexicon import Lexicon
from ..model import Span
from .actor_index import ActorIndex
from .organisations import (abbreviated_organisations, directions, forces, org_anaphors, organisations_by_head,
                            owned_forces, owned_organisations, possessive_capitals)
from .people import known_as, named_speakers, people_by_title, surname_table, surnames
from .spans import Cover


def find_actors(text: str, sentences: list[Span], lex: Lexicon, gaz: Gazetteer,
                language: str, skip: list[Span] = ()) -> ActorIndex:
    """Find every actor and place mention in the sentences of one article."""
    index = ActorIndex(text, lex, gaz, language)
    skipped = Cover((s.start, s.end, s) for s in skip)
    based = index.grammar.based_in
    for sentence in sentences:
        for span, entry in gaz.find(text, sentence.start, sentence.end):
            if span.start not in skipped and not based.match(text, span.end):  # not "a Washington-based think tank"
                index.add_entry(entry, span)
                if entry.type != "country":  # "South Korea's National Intelligence Service": South Korea too
                    for inner, country in gaz.inside(text, span):
                        if country.type == "country" and (inner.start, inner.end) != (span.start, span.end):
                            index.add_entry(country, inner)
        possessive_capitals(index, sentence)
        directions(index, sentence)
        forces(index, sentence)
        organisations_by_head(index, sentence)
        abbreviated_organisations(index, sentence)
        owned_organisations(index, sentence)
        people_by_title(index, sentence)
        named_speakers(index, sentence)
        known_as(index, sentence)
    by_last = surname_table(index)  # the people are all known by now: read them once
    for n, sentence in enumerate(sentences):
        surnames(index, sentence, by_last)
        owned_organisations(index, sentence, owners=("person",))  # "Yoon's office": the people known
        owned_forces(index, sentence)  # "pasukannya": the force of the country (or person) named before
        org_anaphors(index, sentence, sentences[max(0, n - 3):n])
    return index
