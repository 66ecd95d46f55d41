"""Quantities: a number with its qualifier and unit ("lebih dari 10.000 tentara").

>>> from kg.lexicon import load
>>> [(q.value, q.qualifier, q.unit) for q in find_quantities("lebih dari 10.000 tentara dikirim", load("id"))]
[(10000, 'more_than', 'troops')]
>>> [(q.value, q.upper, q.unit) for q in find_quantities("30-40 ribu tentara", load("id"))]
[(30000, 40000, 'troops')]
>>> [(q.value, q.qualifier, q.unit) for q in find_quantities("some 8,000 North Korean troops", load("en"))]
[(8000, 'about', 'troops')]
>>> [(q.value, q.qualifier) for q in find_quantities("ribuan tentara; puluhan ribu prajurit", load("id"))]
[(1000, 'more_than'), (10000, 'more_than')]
>>> [(q.value, q.upper) for q in find_quantities("between 11,000 and 12,000 troops", load("en"))]
[(11000, 12000)]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import Lexicon
from ..model import Quantity, Span
from .patterns import by_first_letter
from .spans import Cover
from .words import TO_ASCII, WordList


def find_quantities(text: str, lex: Lexicon, start: int = 0, end: int | None = None,
                    skip: list[Span] | Cover = ()) -> list[Quantity]:
    """Quantities with a unit in ``text[start:end]`` (after the number, or named before it by a
    figure word: "put the number of troops at about 10,000"), leaving out numbers inside
    ``skip`` (spans, or a :class:`~kg.extract.spans.Cover` of them when asked for sentence after
    sentence), in text order."""
    end = len(text) if end is None else end
    if not _may_hold(text, lex, start, end):
        return []
    g = _grammar(lex)
    skipped = skip if isinstance(skip, Cover) else Cover((s.start, s.end, s) for s in skip)
    found = [q for m in g.pattern.finditer(text, start, end) if m.start("num") not in skipped
             for q in [_quantity(text, m, g, g.unit_of[m.group("unit").casefold()])] if q]
    taken = Cover((q.span.start, q.span.end, q) for q in found)
    for m in g.bare.finditer(text, start, end):  # "put the number of troops at about 10,000"
        if m.start("num") in skipped or m.start("num") in taken:
            continue
        unit = _named_before(text, m.start(), start, g)
        q = _quantity(text, m, g, unit) if unit else None
        if q:
            found.append(q)
    return sorted(found, key=lambda q: q.span.start)


def _quantity(text: str, m: re.Match, g: _Grammar, unit: str) -> Quantity | None:
    """The quantity a match of one of the grammar's patterns writes, counting ``unit``."""
    value = _number(m.group("num"), g.numbers, g.sep)
    upper = _number(m.group("upper"), g.numbers, g.sep) if m.group("upper") else None
    scale = g.scales.get(m.group("scale").casefold(), 1) if m.group("scale") else 1
    if value is None:
        return None
    value, upper = int(value * scale), int(upper * scale) if upper is not None else None
    vague = m.group("num").casefold() in g.floors or (m.group("scale") or "").casefold() in g.floors
    qualifier = g.qualifier_of[m.group("qual").casefold()] if m.group("qual") else "more_than" if vague else "exact"
    if upper is not None:
        qualifier = "range"
    begin = m.start("qual") if m.group("qual") else m.start("between") if m.group("between") else m.start("num")
    return Quantity(Span.of(text, begin, m.end()), value, unit, qualifier, upper)


def _named_before(text: str, at: int, start: int, g: _Grammar) -> str:
    """The unit a figure word before ``at`` in its sentence names ("the number of North Korean
    troops sent … at", "total korban … mencapai"): the last unit word after the last figure
    word (or in the word before it: "the death toll at"), within twelve words and with no other
    number between; else ``""``."""
    window = max(start, at - 120)
    figure = g.figure_words.finditer(text, window, at)[-1:]
    if not figure or _DIGIT.search(text, figure[0].start(), at) or len(text[figure[0].start():at].split()) > 12:
        return ""
    units = g.units.finditer(text, max(window, figure[0].start() - 12), at)[-1:]  # ("death toll")
    return g.unit_of.get(units[0].group().casefold(), "") if units else ""


def _may_hold(text: str, lex: Lexicon, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` may hold a quantity: a unit word, and a digit or a number
    word (most sentences lack one or the other; ``False`` is sure, ``True`` a maybe).

    >>> from kg.lexicon import load
    >>> [_may_hold(s, load("en"), 0, len(s)) for s in ("Troops left.", "Two troops left.", "2 left.")]
    [False, True, False]
    """
    units, number_words = _cues(lex)
    if not units.any_in(text, start, end):
        return False
    if _DIGIT.search(text, start, end) or number_words is None:
        return True
    written = text[start:end]
    written = (written if written.isascii() else written.translate(TO_ASCII)).lower()
    return any(word in written for word in number_words)


@lru_cache(maxsize=None)
def _cues(lex: Lexicon) -> tuple[WordList, tuple[str, ...] | None]:
    """The unit words, and the number words lowercased (``None`` if one is not plain ASCII:
    then a lowercase text does not show every case-insensitive match of it) (cached)."""
    enclitic = lex.get("speech.enclitic", "")
    listed = [w for ws in lex.get("numbers.units", {}).values() for w in ws]
    units = WordList(listed + [w + enclitic for w in listed if enclitic], ignore_case=True)  # "tentaranya"
    words = tuple(w.lower() for w in lex.get("numbers.words", {}))
    return units, words if all(w.isascii() for w in words) else None


_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class _Grammar:
    """A language's patterns of quantities and the tables that read their parts."""

    pattern: re.Pattern  # a number with its unit after it ("more than 10,000 troops")
    bare: re.Pattern  # a number after a lead word, with no unit ("at about 10,000")
    qualifier_of: dict[str, str]
    unit_of: dict[str, str]
    units: WordList  # the unit words, found before a bare number
    figure_words: WordList  # "number", "jumlah": a figure of the unit written after them
    scales: dict[str, int]
    numbers: dict[str, int]
    sep: str
    floors: frozenset[str]


@lru_cache(maxsize=None)
def _grammar(lex: Lexicon) -> _Grammar:
    qualifiers = lex.get("numbers.qualifiers", {})
    units = lex.get("numbers.units", {})
    enclitic = lex.get("speech.enclitic", "")  # "11.000 tentaranya": its troops, counted
    scales = {k.casefold(): v for k, v in lex.get("numbers.scales", {}).items()}
    numbers = {k.casefold(): v for k, v in lex.get("numbers.words", {}).items()}
    sep = lex.get("numbers.thousands_separator", ",")
    qualifier_of = {w.casefold(): q for q, ws in qualifiers.items() for w in ws}
    unit_of = {w.casefold(): u for u, ws in units.items() for w in ws}

    def alt(words):
        return by_first_letter(sorted(words, key=len, reverse=True), re.IGNORECASE) or "(?!)"

    digits = rf"\d{{1,3}}(?:{re.escape(sep)}\d{{3}})+|\d+(?:[.,]\d+)?"
    number = rf"(?:{digits}|{alt(numbers)})"
    joiners = alt(lex.get("numbers.range_joiners", []))
    pairs = alt(lex.get("numbers.range_pairs", []))
    # "between 11,000 and 12,000": after an opener its pair word joins the ends; else a dash or "to"
    join = rf"(?(between)\s+(?:{pairs})\s+|(?:\s*[-–]\s*|\s+(?:{joiners})\s+))"
    amount = (rf"(?:(?P<qual>{alt(qualifier_of)})\s+|(?P<between>{alt(lex.get('numbers.range_openers', []))})\s+)?"
              rf"(?P<num>{number})(?:{join}(?P<upper>{number}))?"
              rf"(?:[\s-]+(?P<scale>{alt(scales)}))?")
    pattern = re.compile(
        rf"(?<![\w.,]){amount}"
        rf"\s+(?:[\w-]+\s+){{0,2}}?(?P<unit>{alt(unit_of)})(?:{re.escape(enclitic) if enclitic else '(?!)'})?(?![\w-])",
        re.IGNORECASE,
    )
    bare = re.compile(rf"(?<![\w.,])(?:{alt(lex.get('numbers.figure_leads', []))})\s+{amount}(?![\w-]|[.,]\d)",
                      re.IGNORECASE)
    return _Grammar(pattern, bare, qualifier_of, unit_of, WordList(list(unit_of), ignore_case=True),
                    WordList(lex.get("numbers.figure_words", []), ignore_case=True), scales, numbers, sep,
                    frozenset(w.casefold() for w in lex.get("numbers.vague", [])))


def _number(written: str, numbers: dict, sep: str) -> float | None:
    word = written.casefold()
    if word in numbers:
        return numbers[word]
    plain = written.replace(sep, "") if re.fullmatch(rf"\d{{1,3}}(?:{re.escape(sep)}\d{{3}})+", written) else written
    try:
        return float(plain.replace(",", "."))
    except ValueError:
        return None
