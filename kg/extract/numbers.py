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
from functools import lru_cache

from ..lexicon import Lexicon
from ..model import Quantity, Span
from .patterns import by_first_letter
from .spans import Cover
from .words import TO_ASCII, WordList


def find_quantities(text: str, lex: Lexicon, start: int = 0, end: int | None = None,
                    skip: list[Span] | Cover = ()) -> list[Quantity]:
    """Quantities with a unit in ``text[start:end]``, leaving out numbers inside ``skip`` (spans,
    or a :class:`~kg.extract.spans.Cover` of them when asked for sentence after sentence)."""
    end = len(text) if end is None else end
    if not _may_hold(text, lex, start, end):
        return []
    pattern, qualifier_of, unit_of, scales, numbers, sep, floors = _grammar(lex)
    skipped = skip if isinstance(skip, Cover) else Cover((s.start, s.end, s) for s in skip)
    found = []
    for m in pattern.finditer(text, start, end):
        if m.start("num") in skipped:
            continue
        value = _number(m.group("num"), numbers, sep)
        upper = _number(m.group("upper"), numbers, sep) if m.group("upper") else None
        scale = scales.get(m.group("scale").casefold(), 1) if m.group("scale") else 1
        if value is None:
            continue
        value, upper = int(value * scale), int(upper * scale) if upper is not None else None
        vague = m.group("num").casefold() in floors or (m.group("scale") or "").casefold() in floors
        qualifier = qualifier_of[m.group("qual").casefold()] if m.group("qual") else "more_than" if vague else "exact"
        if upper is not None:
            qualifier = "range"
        begin = m.start("qual") if m.group("qual") else m.start("between") if m.group("between") else m.start("num")
        found.append(Quantity(Span.of(text, begin, m.end()), value,
                              unit_of[m.group("unit").casefold()], qualifier, upper))
    return found


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


@lru_cache(maxsize=None)
def _grammar(lex: Lexicon):
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
    pattern = re.compile(
        rf"(?<![\w.,])(?:(?P<qual>{alt(qualifier_of)})\s+|(?P<between>{alt(lex.get('numbers.range_openers', []))})\s+)?"
        rf"(?P<num>{number})(?:{join}(?P<upper>{number}))?"
        rf"(?:[\s-]+(?P<scale>{alt(scales)}))?"
        rf"\s+(?:[\w-]+\s+){{0,2}}?(?P<unit>{alt(unit_of)})(?:{re.escape(enclitic) if enclitic else '(?!)'})?(?![\w-])",
        re.IGNORECASE,
    )
    return pattern, qualifier_of, unit_of, scales, numbers, sep, frozenset(w.casefold() for w in lex.get("numbers.vague", []))


def _number(written: str, numbers: dict, sep: str) -> float | None:
    word = written.casefold()
    if word in numbers:
        return numbers[word]
    plain = written.replace(sep, "") if re.fullmatch(rf"\d{{1,3}}(?:{re.escape(sep)}\d{{3}})+", written) else written
    try:
        return float(plain.replace(",", "."))
    except ValueError:
        return None
