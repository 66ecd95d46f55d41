"""Quantities: a number with its qualifier and unit ("lebih dari 10.000 tentara").

>>> from kg.lexicon import load
>>> [(q.value, q.qualifier, q.unit) for q in find_quantities("lebih dari 10.000 tentara dikirim", load("id"))]
[(10000, 'more_than', 'troops')]
>>> [(q.value, q.upper, q.unit) for q in find_quantities("30-40 ribu tentara", load("id"))]
[(30000, 40000, 'troops')]
>>> [(q.value, q.qualifier, q.unit) for q in find_quantities("some 8,000 North Korean troops", load("en"))]
[(8000, 'about', 'troops')]
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import Lexicon
from ..model import Quantity, Span
from .patterns import by_first_letter
from .spans import Cover


def find_quantities(text: str, lex: Lexicon, start: int = 0, end: int | None = None,
                    skip: list[Span] | Cover = ()) -> list[Quantity]:
    """Quantities with a unit in ``text[start:end]``, leaving out numbers inside ``skip`` (spans,
    or a :class:`~kg.extract.spans.Cover` of them when asked for sentence after sentence)."""
    pattern, qualifier_of, unit_of, scales, numbers, sep = _grammar(lex)
    skipped = skip if isinstance(skip, Cover) else Cover((s.start, s.end, s) for s in skip)
    found = []
    for m in pattern.finditer(text, start, len(text) if end is None else end):
        if m.start("num") in skipped:
            continue
        value = _number(m.group("num"), numbers, sep)
        upper = _number(m.group("upper"), numbers, sep) if m.group("upper") else None
        scale = scales.get(m.group("scale").casefold(), 1) if m.group("scale") else 1
        if value is None:
            continue
        value, upper = int(value * scale), int(upper * scale) if upper is not None else None
        qualifier = qualifier_of[m.group("qual").casefold()] if m.group("qual") else "exact"
        if upper is not None:
            qualifier = "range"
        begin = m.start("qual") if m.group("qual") else m.start("num")
        found.append(Quantity(Span.of(text, begin, m.end()), value,
                              unit_of[m.group("unit").casefold()], qualifier, upper))
    return found


@lru_cache(maxsize=None)
def _grammar(lex: Lexicon):
    qualifiers = lex.get("numbers.qualifiers", {})
    units = lex.get("numbers.units", {})
    scales = {k.casefold(): v for k, v in lex.get("numbers.scales", {}).items()}
    numbers = {k.casefold(): v for k, v in lex.get("numbers.words", {}).items()}
    sep = lex.get("numbers.thousands_separator", ",")
    qualifier_of = {w.casefold(): q for q, ws in qualifiers.items() for w in ws}
    unit_of = {w.casefold(): u for u, ws in units.items() for w in ws}

    def alt(words):
        return by_first_letter(sorted(words, key=len, reverse=True), re.IGNORECASE) or "(?!)"

    digits = rf"\d{{1,3}}(?:{re.escape(sep)}\d{{3}})+|\d+(?:[.,]\d+)?"
    number = rf"(?:{digits}|{alt(numbers)})"
    pattern = re.compile(
        rf"(?<![\w.,])(?:(?P<qual>{alt(qualifier_of)})\s+)?"
        rf"(?P<num>{number})(?:\s*[-–]\s*(?P<upper>{number}))?"
        rf"(?:[\s-]+(?P<scale>{alt(scales)}))?"
        rf"\s+(?:[\w-]+\s+){{0,2}}?(?P<unit>{alt(unit_of)})(?![\w-])",
        re.IGNORECASE,
    )
    return pattern, qualifier_of, unit_of, scales, numbers, sep


def _number(written: str, numbers: dict, sep: str) -> float | None:
    word = written.casefold()
    if word in numbers:
        return numbers[word]
    plain = written.replace(sep, "") if re.fullmatch(rf"\d{{1,3}}(?:{re.escape(sep)}\d{{3}})+", written) else written
    try:
        return float(plain.replace(",", "."))
    except ValueError:
        return None
