"""The words and patterns a language's actors lexicon gives, built once per lexicon.

The ``actors`` file of a lexicon lists the titles of people by concept, the head words of
organisations, the nouns of armed forces and the words around them, the words that join or
cannot begin a name, and more; with the directions of the ``events`` file and the reporting
verbs of the ``speech`` file, :func:`actor_grammar` turns them into the word lists and
regexes that actors are found with.

>>> from kg.lexicon import load
>>> grammar = actor_grammar(load("en"))
>>> grammar.titles["spokesperson"]
'spokesperson'
>>> text = "North Korean troops crossed."
>>> grammar.force_nouns.search(text, 0, len(text)).group()
'troops'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import Lexicon
from .patterns import either
from .words import WordList

# an owner's possessive, in every language: "John Doe's chief of staff", "Russia's foreign ministry"
POSSESSOR_GAP = re.compile(r"['’]s\s+")


@dataclass(frozen=True)
class ActorGrammar:
    """The patterns and word sets a lexicon's actor data gives, built once per lexicon."""

    titles: dict[str, str]  # title word -> concept
    title_words: WordList
    org_anaphors: WordList
    anaphoric_owner: re.Pattern  # "the ministry's", "the ministry", "its" right before a title: the organisation named last
    anaphor_after: re.Pattern  # "kementerian itu" right after a title (matched at its end)
    direction_after: bool
    directions: tuple[tuple[str, re.Pattern], ...]  # (direction, its words next to a country)
    any_direction: re.Pattern  # a word of any direction (a direction without words: blanks alone)
    force_nouns: WordList
    force_gap: re.Pattern  # the blanks, qualifier and link word between a force noun and its country
    force_owner_gap: re.Pattern  # between a country and its force noun ("Ukraine's special operations")
    owned: re.Pattern  # a possessive right before a force noun ("its troops")
    person_possessives: WordList  # "his", "her": before an organisation's head word, the last person's
    owned_forces: re.Pattern | None  # "pasukannya", "its troops": a force noun with the enclitic or an owner pronoun
    org_heads: frozenset[str]
    org_concepts: dict[str, str]  # an organisation's written form, casefolded -> its concept ("foreign-ministry")
    org_run: re.Pattern  # capitalised words, perhaps joined by a link word ("Ministry of National Defense")
    name_links: frozenset[str]
    based_in: re.Pattern  # "-based" right after a name: where something is, no actor ("a Seoul-based analyst")
    not_names: frozenset[str]
    particles: frozenset[str]
    title_link: re.Pattern
    determiner_before: re.Pattern
    determiner_after: re.Pattern  # ", a …" after a name: someone new
    definite_before: re.Pattern
    definite_after: re.Pattern
    name_only_titles: frozenset[str]
    plural_titles: frozenset[str]
    family_first: frozenset[str]
    speech_verbs: WordList  # reporting verbs written after their speaker ("said")
    quote_cues: WordList  # cues written before their speaker ("…," said X; "…," kata X)
    honorifics: frozenset[str]  # "Mr.", "Ms.": before a surname alone
    known_as: re.Pattern  # 'the call sign "Kit"' (group "name"): a person known by one name
    joined_names: re.Pattern  # "Jane Roe and John Doe" right before a verb (groups "first", "second")
    first_named: re.Pattern  # "Bohdan, a 41-year-old infantryman", "Chul, 38,": a person by a first name and a role or age
    adjective_titles: frozenset[str]  # "official": before an organisation's name, it describes it
    determiners: frozenset[str]  # "the", "itu", casefolded
    not_in_roles: frozenset[str]  # "yang", "kepada": words between an owner and a title that part them


@lru_cache(maxsize=None)
def actor_grammar(lex: Lexicon) -> ActorGrammar:
    """The :class:`ActorGrammar` of ``lex`` (cached: do not change the lexicon)."""
    titles = {w: concept for concept, ws in lex.get("actors.titles", {}).items() for w in ws}
    titles |= {w[0].upper() + w[1:]: concept for w, concept in list(titles.items())  # opening a sentence:
               if w[0].islower() and w[0].upper() + w[1:] not in titles}  # a lower-case title, capitalised
    after = lex.get("events.direction_after", "no") == "yes"
    directions = lex.get("events.directions", {})
    every = [w for words in directions.values() for w in words or [""]]
    determiners = either(lex.get("actors.determiners", [])) or "(?!)"
    return ActorGrammar(
        titles=titles,
        title_words=WordList(list(titles)),
        org_anaphors=WordList(lex.get("actors.org_anaphors", []), ignore_case=True),
        anaphoric_owner=re.compile(
            rf"(?<![\w'’-])(?:(?:{either(lex.get('actors.org_anaphors', [])) or '(?!)'})(?:['’]s)?"
            rf"|(?:{either(lex.get('actors.org_owner_pronouns', [])) or '(?!)'}))\s+$", re.IGNORECASE),
        anaphor_after=re.compile(rf"\s+(?:{either(lex.get('actors.org_anaphors', [])) or '(?!)'})(?![\w-])", re.IGNORECASE),
        direction_after=after,
        directions=tuple((d, _direction_pattern(words, after)) for d, words in directions.items()),
        any_direction=_direction_pattern(every, after),
        force_nouns=WordList(lex.get("actors.force_nouns", []), ignore_case=True),
        force_owner_gap=re.compile(
            rf"(?:['’]s)?(?:\s+(?:{either(lex.get('actors.force_qualifiers', [])) or '(?!)'}))?\s*"),
        force_gap=re.compile(rf"\s+(?:(?:{either(lex.get('actors.force_qualifiers_after', [])) or '(?!)'})\s+)?"
                             rf"(?:(?:{either(lex.get('actors.force_links', [])) or '(?!)'})\s+)?", re.IGNORECASE),
        owned=re.compile(rf"\b(?:{either(lex.get('actors.possessives', [])) or '(?!)'})\s+$", re.IGNORECASE),
        person_possessives=WordList(lex.get("actors.person_possessives", []), ignore_case=True),
        owned_forces=_owned_forces(lex),
        org_heads=frozenset(lex.get("actors.org_heads", [])),
        org_concepts={w.casefold(): concept for concept, ws in lex.get("actors.org_concepts", {}).items() for w in ws},
        # One to six capitalised words; written to open with the capital, so the regex engine
        # jumps from capital to capital instead of trying every position.
        org_run=re.compile(rf"[A-Z][\w'’-]*(?:(?:['’]s?)?\s+(?:(?:{either(lex.get('actors.name_links', [])) or '(?!)'})\s+)?"
                           rf"[A-Z][\w'’-]*){{0,5}}"),
        name_links=frozenset(lex.get("actors.name_links", [])),
        based_in=re.compile(either(lex.get("actors.based_suffixes", [])) or "(?!)", re.IGNORECASE),
        not_names=frozenset(lex.get("actors.not_names", [])),
        particles=frozenset(lex.get("actors.name_particles", [])),
        title_link=re.compile(rf" +(?:{either(lex.get('actors.title_links', [])) or '(?!)'}) +(?=\S)"),
        determiner_before=re.compile(rf"(?:^|\s)(?:{determiners})\s+$"),
        determiner_after=re.compile(rf",\s+(?:{determiners})\s"),
        definite_before=re.compile(
            rf"\b(?:{either(lex.get('actors.definite_before', [])) or '(?!)'})\s+(?:\S+\s+){{0,2}}$"),
        definite_after=re.compile(rf"\s+(?:{either(lex.get('actors.definite_after', [])) or '(?!)'})\b"),
        name_only_titles=frozenset(lex.get("actors.name_only_titles", [])),
        plural_titles=frozenset(lex.get("actors.plural_titles", [])),
        family_first=frozenset(lex.get("actors.family_name_first", [])),
        speech_verbs=WordList([w for r in lex.get("speech.verbs", []) for w in r["words"]]),
        quote_cues=WordList([w for r in lex.get("speech.quote_cues", []) for w in r["words"]]),
        honorifics=frozenset(lex.get("actors.honorifics", [])),
        known_as=re.compile(rf"(?:{either(lex.get('actors.call_signs', [])) or '(?!)'})\s+[\"“'‘]?(?P<name>[A-Z][\w'’-]+)"),
        joined_names=re.compile(rf"(?<![\w'’-])(?P<first>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{1,2}})\s+"
                                rf"(?:{either(lex.get('actors.conjunctions', [])) or '(?!)'})\s+"
                                rf"(?P<second>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{1,2}}),?\s*$"),
        first_named=re.compile(rf"(?<![\w'’.-])(?P<name>[A-Z][a-z][\w'’-]*)(?:,\s+(?:{either(lex.get('actors.indefinites', [])) or '(?!)'})"
                               rf"\s+(?:[\w-]+\s+){{0,3}}?(?:{either(lex.get('actors.role_nouns', []), longest_first=True) or '(?!)'})"
                               rf"(?![\w-])|,\s+\d{{1,2}},|\s+\(\d{{1,2}}\))"),  # or an age: "Chul, 38,", "Bagas (29)"
        adjective_titles=frozenset(lex.get("actors.adjective_titles", [])),
        determiners=frozenset(w.casefold() for w in lex.get("actors.determiners", [])),
        not_in_roles=frozenset(lex.get("speech.relativizers", []) + lex.get("speech.prepositions", [])),
    )


def _owned_forces(lex: Lexicon) -> re.Pattern | None:
    """'pasukannya', 'its troops': a force noun with the language's enclitic, or after one of
    its owner pronouns; ``None`` without either."""
    enclitic = lex.get("speech.enclitic", "")
    owners = lex.get("actors.owner_pronouns", [])
    nouns = either(lex.get("actors.force_nouns", []), longest_first=True)
    forms = ([rf"(?:{nouns}){re.escape(enclitic)}"] if enclitic else []) \
        + ([rf"(?:{either(owners)})\s+(?:{nouns})"] if owners else [])
    return re.compile(rf"\b(?:{'|'.join(forms)})\b", re.IGNORECASE) if forms and nouns else None


def _direction_pattern(words: list[str], after: bool) -> re.Pattern:
    """One of ``words`` right after a country (``after``: matched on the text after it) or
    right before it (searched in the text before it)."""
    if after:
        return re.compile(rf"\s+(?:{either(words)})\b")
    return re.compile(rf"\b(?:{either(words)})\s+$")
