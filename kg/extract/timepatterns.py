"""Time patterns assembled from a language's lexicon, and the matching of them.

A pattern is a template over the language's words with placeholders: ``{weekday}``,
``{weekday2}``, ``{day}``, ``{day2}``, ``{month}``, ``{month2}``, ``{mm}`` (a month number),
``{year}``, ``{yy}`` (two-digit year), ``{n}`` (a count, digits or a number word), ``{unit}``,
``{season}``. ``[...]`` is optional; ``<...>`` at either end is required context that stays
out of the span; ``-`` is any dash with optional spaces; a space is one or more spaces.
Matching is case-insensitive. The longest match wins; ties go to the earlier rule (absolute
date patterns first, then the ``relative`` records in file order).

>>> rx = template_regex("<in> {year}", {"year": r"\\d{4}"})
>>> re.search(rx, "troops in 2024 came").group("core")
'2024'
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from ..errors import LexiconError
from ..lexicon import Lexicon
from .patterns import by_first_letter, grouped
from .timecalc import SEASONS, UNITS, WEEKDAYS
from .words import TO_ASCII as _TO_ASCII  # what lowercasing alone does not bring to ASCII
from .words import Words

KINDS = ("shift", "part", "last_n", "window", "weekday", "weekend", "month", "season", "anaphor")
_TOKEN = re.compile(r"\{(\w+)\}|(\s+)|(-)|([\[\]])|([^\s{}\[\]-]+)")
_CONTEXT = re.compile(r"^(?:<([^>]*)>\s*)?(.*?)(?:\s*<([^>]*)>)?$")
_IN_WORD = re.compile(r"[\w-]+")  # a need word that can only occur inside one word of a text


@dataclass(frozen=True)
class Need:
    """Something a match of a rule cannot do without: one of ``words`` (lowercase, found
    anywhere in the lowercased text), or a digit when ``digit`` is set."""

    words: frozenset[str]
    digit: bool = False


@dataclass(frozen=True)
class Rule:
    """One compiled template: ``kind`` is ``date`` or a relative kind; ``fields`` its record.

    ``needs`` are what any match must contain: a sentence lacking one is not searched.
    """

    regex: re.Pattern[str]
    kind: str
    fields: dict[str, Any]
    priority: int
    needs: tuple[Need, ...] = ()


@dataclass(frozen=True)
class Candidate:
    """A match of a rule: the span of its core and the text of its placeholders."""

    start: int
    end: int
    rule: Rule
    groups: dict[str, str]
    priority: int


@dataclass(frozen=True)
class Names:
    """Lookups from a lowercased surface word to its concept."""

    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    units: dict[str, str]
    numbers: dict[str, int]
    vague: frozenset[str]
    ambiguous: frozenset[str]


@dataclass(frozen=True)
class Compiled:
    """Everything needed to match one language."""

    rules: list[Rule]
    names: Names
    week_starts: str
    weekday_week_starts: str = "monday"
    gates: tuple[int, ...] = ()  # per rule, a bit for each of its needs
    digit_bits: int = 0  # the needs a digit meets
    word_bits: dict[str, int] = field(default_factory=dict)  # the needs met by a word's prefixes
    scan: re.Pattern[str] = re.compile("(?!)")  # every need word, at every position
    runnable: dict[int, list[Rule]] = field(default_factory=dict)  # the rules by the needs met
    across: tuple[tuple[str, int], ...] = ()  # need words with a separator in them, and their needs
    form_bits: dict[str, int] = field(default_factory=dict)  # the needs met inside a word, by its form
    ahead: re.Pattern[str] = re.compile("(?!)")  # "will", "akan": what is told is still to come

    def __post_init__(self):
        needs = {n: 1 << i for i, n in enumerate(dict.fromkeys(n for r in self.rules for n in r.needs))}
        words = sorted({w for n in needs for w in n.words}, key=lambda w: (-len(w), w))
        # At each position the scan reports the longest need word there; the shorter ones
        # there are its prefixes, so a word stands for every need one of its prefixes meets.
        word_bits = {w: sum(bit for n, bit in needs.items() if any(w.startswith(x) for x in n.words))
                     for w in words}
        scan = re.compile("(?=(" + by_first_letter(words) + "))") if words else re.compile("(?!)")
        object.__setattr__(self, "gates", tuple(sum(needs[n] for n in set(r.needs)) for r in self.rules))
        object.__setattr__(self, "digit_bits", sum(bit for n, bit in needs.items() if n.digit))
        object.__setattr__(self, "word_bits", word_bits)
        object.__setattr__(self, "scan", scan)
        across = [(w, sum(bit for n, bit in needs.items() if w in n.words)) for w in words]
        object.__setattr__(self, "across", tuple((w, b) for w, b in across if not _IN_WORD.fullmatch(w)))


def key(word: str) -> str:
    """The lookup form of a written word: lowercase, single spaces, no final dot.

    >>> key("Musim  Gugur"), key("Okt.")
    ('musim gugur', 'okt')
    """
    return " ".join(word.lower().rstrip(".").split())


def _alternation(words: list[str], dotted: frozenset[str] | set[str] = frozenset()) -> str:
    """A regex alternation of ``words``, longest first; ``dotted`` ones may end with a dot."""
    branches = []  # (first letter, regex of the rest)
    for word in sorted(set(words), key=len, reverse=True):
        first, *more = word.split() or [""]
        rest = r"\s+".join([re.escape(first[1:])] + [re.escape(w) for w in more])
        branches.append((first[:1], rest + (r"\.?" if word in dotted else "")))
    if not all(first for first, _ in branches):  # a blank word: no first letter to group by
        return "(?:" + "|".join(first + rest for first, rest in branches) + ")"
    return "(?:" + grouped(branches, re.IGNORECASE) + ")" if branches else "(?!)"


def _abbreviations(table: dict[Any, list[str]]) -> set[str]:
    """The names in a table shorter than the first (full) name of their entry."""
    return {n for names in table.values() for n in names if len(n) < len(names[0])}


def template_regex(template: str, parts: dict[str, str], tail: str = "") -> str:
    """Translate a template into a regex whose ``core`` group is the expression's span.

    ``tail`` is a regex appended inside the span (the words that may follow a date).
    """
    before, core, after = _CONTEXT.match(template.strip()).groups()

    def translate(piece: str) -> str:
        out = []
        for name, space, dash, bracket, word in _TOKEN.findall(piece):
            if name:
                if name.rstrip("2") not in parts:
                    raise LexiconError(f"time template {template!r}: unknown placeholder {name!r}")
                out.append(f"(?P<{name}>{parts[name.rstrip('2')]})")
            elif space:
                out.append(r"\s+")
            elif dash:
                out.append(r"\s*[-\u2013\u2014]\s*")
            elif bracket:
                out.append("(?:" if bracket == "[" else ")?")
            else:
                out.append(re.escape(word))
        return "".join(out)

    rx = f"(?P<core>{translate(core)}{tail})"
    if before:
        rx = translate(before) + r"\s+" + rx
    if after:
        rx += r"\s+" + translate(after)
    return r"(?<!\w)" + rx + r"(?!\w)"


def _placeholder_words(time: dict[str, Any], dated: bool) -> dict[str, list[str]]:
    """The words each word placeholder is written with (as :func:`_parts` uses them)."""
    abbrevs = [n for names in time.get("weekday_abbreviations", {}).values() for n in names]
    return {
        "weekday": [n for names in time.get("weekdays", {}).values() for n in names] + (abbrevs if dated else []),
        "month": [n for ns in time.get("months", {}).values() for n in ns],
        "unit": [n for ns in time.get("units", {}).values() for n in ns],
        "season": [n for ns in time.get("seasons", {}).values() for n in ns],
        "n": list(time.get("numbers", {})),
    }


def needs(template: str, words: dict[str, list[str]]) -> tuple[Need, ...]:
    """What every match of ``template`` contains: its words and placeholders outside
    ``[...]``. A placeholder written with a word that is not plain ASCII needs nothing (the
    check on lowercased text is exact only for ASCII words: see :func:`candidates`).

    >>> [sorted(n.words) + [n.digit] for n in needs("{day} {month} <ago>", {"month": ["May", "June"]})]
    [[True], ['june', 'may', False], ['ago', False]]
    """
    before, core, after = _CONTEXT.match(template.strip()).groups()
    found = []
    for piece in (before, core, after):
        depth = 0
        for name, _space, _dash, bracket, word in _TOKEN.findall(piece or ""):
            if bracket:
                depth += 1 if bracket == "[" else -1
            elif depth:
                continue
            elif name:
                base = name.rstrip("2")
                written = [w.split()[0] for w in words.get(base, [])]
                if base in ("day", "mm", "year", "yy"):
                    found.append(Need(frozenset(), digit=True))
                elif written and all(w.isascii() for w in written):
                    found.append(Need(frozenset(w.lower() for w in written), digit=base == "n"))
            elif word and word.isascii():
                found.append(Need(frozenset([word.lower()])))
    return tuple(dict.fromkeys(found))


def _index(time: dict[str, Any], table: str, keys: tuple) -> dict[str, Any]:
    """Surface word (lowercased) -> concept key, for one table; unknown keys are errors."""
    entries = time.get(table, {})
    bad = [k for k in entries if k not in keys]
    if bad:
        raise LexiconError(f"time.{table}: unknown key {bad[0]!r}; known: {keys}")
    return {key(n): k for k, names in entries.items() for n in names}


def _names(time: dict[str, Any]) -> Names:
    weekdays = {w: WEEKDAYS.index(k) for w, k in _index(time, "weekdays", WEEKDAYS).items()}
    abbrevs = _index(time, "weekday_abbreviations", WEEKDAYS)
    weekdays.update({w: WEEKDAYS.index(k) for w, k in abbrevs.items()})
    return Names(
        months=_index(time, "months", tuple(range(1, 13))),
        weekdays=weekdays,
        seasons=_index(time, "seasons", tuple(SEASONS)),
        units=_index(time, "units", UNITS),
        numbers={key(k): int(v) for k, v in time.get("numbers", {}).items()},
        vague=frozenset(key(w) for w in time.get("vague_numbers", [])),
        ambiguous=frozenset(
            key(w) for w in time.get("ambiguous_weekdays", []) + time.get("ambiguous_months", [])
        ),
    )


def _parts(time: dict[str, Any], dated: bool) -> dict[str, str]:
    """The regex of each placeholder; ``dated`` shapes also accept weekday abbreviations."""
    months = time.get("months", {})
    weekdays = [n for names in time.get("weekdays", {}).values() for n in names]
    abbrevs = [n for names in time.get("weekday_abbreviations", {}).values() for n in names]
    suffix = _alternation(time.get("day_suffixes", []))
    return {
        "weekday": _alternation(weekdays + (abbrevs if dated else []), set(abbrevs)),
        "month": _alternation([n for ns in months.values() for n in ns], _abbreviations(months)),
        "day": rf"\d{{1,2}}(?!\d)(?:{suffix})?",
        "mm": r"\d{1,2}(?!\d)",
        "year": r"(?:1[89]|20)\d\d(?!\d)",
        "yy": r"\d\d(?!\d)",
        "n": r"(?:\d{1,3}(?!\d)|" + _alternation(list(time.get("numbers", {}))) + ")",
        "unit": _alternation([n for ns in time.get("units", {}).values() for n in ns]),
        "season": _alternation([n for ns in time.get("seasons", {}).values() for n in ns]),
    }


_CACHE: dict[int, tuple[dict, Compiled]] = {}


def compiled(lexicon: Lexicon) -> Compiled:
    """The rules of a lexicon, compiled once."""
    time = lexicon.section("time")
    hit = _CACHE.get(id(time))
    if hit and hit[0] is time:
        return hit[1]
    rules: list[Rule] = []
    dated, plain = _parts(time, True), _parts(time, False)
    parts_of_day = time.get("day_parts", [])
    after_date = _alternation(time.get("date_suffixes", []) + parts_of_day)
    after_day = _alternation(parts_of_day)
    dated_words, plain_words = _placeholder_words(time, True), _placeholder_words(time, False)
    for template in time.get("date_patterns", []):
        rx = template_regex(template, dated, rf"(?:\s+{after_date}){{0,2}}")
        rules.append(Rule(_compile(template, rx), "date", {}, len(rules), needs(template, dated_words)))
    for record in time.get("relative", []):
        kind = record.get("kind", "shift")
        if kind not in KINDS:
            raise LexiconError(f"time relative record {record!r}: kind must be one of {KINDS}")
        a_day = kind == "weekday" or (kind == "shift" and record.get("unit") == "day")
        tail = rf"(?:\s+{after_day})?" if a_day else ""
        for template in record.get("patterns", []):
            rx = _compile(template, template_regex(template, plain, tail))
            rules.append(Rule(rx, kind, record, len(rules), needs(template, plain_words)))
    starts = time.get("week_starts", WEEKDAYS[0])
    if starts not in WEEKDAYS:
        raise LexiconError(f"time.week_starts: {starts!r} is not one of {WEEKDAYS}")
    weekday_starts = time.get("weekday_week_starts", starts)
    if weekday_starts not in WEEKDAYS:
        raise LexiconError(f"time.weekday_week_starts: {weekday_starts!r} is not one of {WEEKDAYS}")
    ahead = "|".join(re.escape(w).replace(r"\ ", r"\s+")
                     for w in sorted(time.get("tense_markers", []), key=len, reverse=True))
    result = Compiled(rules, _names(time), starts, weekday_starts,
                      ahead=re.compile(rf"(?<![\w-])(?:{ahead or '(?!)'})(?![\w-])", re.IGNORECASE))
    _CACHE[id(time)] = (time, result)
    return result


def _compile(template: str, rx: str) -> re.Pattern[str]:
    try:
        return re.compile(rx, re.IGNORECASE)
    except re.error as exc:
        raise LexiconError(f"time template {template!r} does not compile: {exc}") from exc


_DIGIT = re.compile(r"\d")


def candidates(text: str, start: int, end: int, comp: Compiled) -> list[Candidate]:
    """All acceptable matches of all rules in ``text[start:end]``.

    A rule is only run where the text holds everything it needs (:func:`needs`): most
    sentences lack the words of most rules, and a substring test is far cheaper than a search.
    """
    met = _met(text, start, end, comp)
    rules = comp.runnable.get(met)
    if rules is None:  # few combinations of needs occur: each one's rules are picked once
        if len(comp.runnable) > 10_000:
            comp.runnable.clear()
        rules = comp.runnable[met] = [r for r, gate in zip(comp.rules, comp.gates) if met & gate == gate]
    found = []
    for rule in rules:
        for m in rule.regex.finditer(text, start, end):
            groups = {k: v for k, v in m.groupdict().items() if v and k != "core"}
            priority = _priority(text, start, m.start("core"), rule, groups, comp.names)
            if priority is not None:
                found.append(Candidate(m.start("core"), m.end("core"), rule, groups, priority))
    return found


def _met(text: str, start: int, end: int, comp: Compiled) -> int:
    """The needs (bits of ``comp.gates``) that ``text[start:end]`` meets: a digit, and each
    need word found anywhere in the lowercased text.

    A digit, and a need word made of word characters, lies inside one word of the text: the
    words of the range are looked up by their form (what each meets is remembered), and only
    the few need words with a separator in them are looked for in the text itself. A range
    that cuts a word is scanned as a whole (:func:`_scanned`).
    """
    words = Words.of(text)
    if words.cuts(start) or words.cuts(end):
        return _scanned(text, start, end, comp)
    met, starts, bits = 0, words.starts, comp.form_bits
    if len(bits) > 100_000:
        bits.clear()
    for form in words.forms[bisect_left(starts, start):bisect_left(starts, end)]:
        found = bits.get(form)
        if found is None:
            found = bits[form] = _scanned(form, 0, len(form), comp)
        met |= found
    if comp.across:
        written = _lowered(text[start:end])
        for word, bit in comp.across:
            if word in written:
                met |= bit
    return met


def _scanned(text: str, start: int, end: int, comp: Compiled) -> int:
    """What :func:`_met` finds, by scanning ``text[start:end]`` for every need word at every
    position."""
    met = comp.digit_bits if _DIGIT.search(text, start, end) else 0
    return met | _meets(_lowered(text[start:end]), comp)


def _meets(written: str, comp: Compiled) -> int:
    """The needs met by the need words in ``written`` (lowercased)."""
    met = 0
    for word in set(comp.scan.findall(written)):
        met |= comp.word_bits[word]
    return met


def _lowered(written: str) -> str:
    """``written`` as need words are looked for in it: lowercase, with the letters a
    case-insensitive match takes for ASCII ones made ASCII."""
    if not written.isascii():  # a quick test, where the translation goes over every letter
        written = written.translate(_TO_ASCII)
    return written.lower()


def _priority(text: str, start: int, at: int, rule: Rule, groups: dict[str, str],
              names: Names) -> int | None:
    """The rule's priority, demoted or refused when an ambiguous word is in the match.

    A lowercase ambiguous word (``may`` as a month) is refused outside date shapes (months:
    everywhere); an ambiguous weekday that opens the sentence loses ties.
    """
    priority = rule.priority
    for slot in ("month", "month2", "weekday", "weekday2"):
        word = groups.get(slot, "")
        if key(word) not in names.ambiguous:
            continue
        if slot.startswith("weekday") and rule.kind == "date":
            continue
        if not word[0].isupper():
            return None
        if not any(ch.isalnum() for ch in text[start:at]):
            priority += 10_000
    return priority


def select(found: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, longest first, ties by priority; in text order."""
    chosen: list[Candidate] = []
    for c in sorted(found, key=lambda c: (c.start - c.end, c.priority, c.start)):
        if all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)
