"""Properties that hold for any text: the time normaliser and the extractor never raise, every
value they give is well formed, and every span points at the text it records.

The default profile is quick (a few hundred examples in all) and derandomised, so that a run on
a fresh clone tries the same examples every time; the long run draws new ones:

    HYPOTHESIS_PROFILE=fuzz FUZZ_EXAMPLES=20000 .venv/bin/python -m pytest -q tests/test_properties.py
"""
from __future__ import annotations

import os
import re
import sys
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.extract import timepatterns
from kg.extract.document import extract
from kg.extract.times import find_times
from kg.gazetteer import load as gazetteer
from kg.ingest import parse_article
from kg.lexicon import load
from kg.model import Span, TimeExpr

_COMMON = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
               database=None, print_blob=True)
settings.register_profile("quick", max_examples=150, derandomize=True, **_COMMON)
settings.register_profile("fuzz", derandomize=False, max_examples=int(os.environ.get("FUZZ_EXAMPLES", "20000")), **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))

LANGUAGES = ("id", "en")
GRANULARITIES = {"day", "week", "month", "season", "year", "range", "window", "unknown"}
_DAY = r"\d{4}-\d{2}-\d{2}"
_VALUE = re.compile(rf"(?:{_DAY}|\d{{4}}|\d{{4}}-\d{{2}}|\d{{4}}-W\d{{2}}|\d{{4}}-(?:SP|SU|FA|WI)|--\d{{2}}-\d{{2}}"
                    rf"|{_DAY}/{_DAY}|\d{{4}}-\d{{2}}/\d{{4}}-\d{{2}})?")


# --- strategies ------------------------------------------------------------------------


def _strings(value) -> list[str]:
    """Every string inside a lexicon value."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _strings(k) + _strings(v)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


@lru_cache(maxsize=None)
def _vocabulary(language: str, section: str | None = None) -> list[str]:
    lex = load(language)
    sections = [lex.section(section)] if section else list(lex.sections.values())
    words = {w for s in sections for text in _strings(s) for w in re.split(r"[\s{}\[\]<>]+", text) if w}
    if section is None:  # names of actors, places and titles too
        words |= {w for e in gazetteer().entries.values() for s in e.surfaces for w in s.split()}
    return sorted(words)


_DATES = st.dates(min_value=date(1890, 1, 1), max_value=date(2099, 12, 31))
_PUNCTUATION = st.sampled_from(list(" ,.;:!?()/-–—'\"“”‘’«»…\n") + [" - ", ", ", ". ", "\n\n"])


@lru_cache(maxsize=None)
def _written_date(language: str):
    """Dates written the ways articles write them, right or wrong ("31/2", "Senin (5/11)")."""
    lex = load(language)
    months = [n for names in lex.get("time.months", {}).values() for n in names]
    weekdays = [n for names in lex.get("time.weekdays", {}).values() for n in names]
    number = st.integers(0, 40).map(str)
    year = st.integers(1880, 2110).map(str)
    return st.one_of(
        st.builds("{} ({}/{}/{})".format, st.sampled_from(weekdays), number, number, year),
        st.builds("{} ({}/{})".format, st.sampled_from(weekdays), number, number),
        st.builds("{} {} {}".format, number, st.sampled_from(months), year),
        st.builds("{} {}, {}".format, st.sampled_from(months), number, year),
        st.builds("{}-{} {}".format, number, number, st.sampled_from(months)),
        st.builds("{}-{} {}".format, st.sampled_from(months), st.sampled_from(months), year),
    )


@lru_cache(maxsize=None)
def _wordy(language: str, section: str | None = None):
    """Text made of the language's own words, numbers, dates and punctuation: it reaches deep."""
    piece = st.one_of(
        st.sampled_from(_vocabulary(language, section)),
        st.sampled_from(_vocabulary(language, section)).map(str.upper),
        st.integers(0, 20000).map(str),
        st.integers(1000, 99999).map(lambda n: f"{n:,}".replace(",", ".")),
        _written_date(language),
        _PUNCTUATION,
        st.text(max_size=3),
    )
    return st.lists(st.tuples(piece, st.sampled_from([" ", " ", " ", "", "\n", ", "])), max_size=60).map(
        lambda parts: "".join(p + sep for p, sep in parts))


@lru_cache(maxsize=None)
def _lines(language: str) -> list[str]:
    """The story lines of the development articles in ``language``."""
    lines = []
    for path in sorted((Path(__file__).parent / "articles" / "dev").glob(f"{language}_*.txt")):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        lines += [line for line in body.splitlines() if line.strip()]
    return lines


def _edit(text: str, edits: list[tuple[float, int, str]]) -> str:
    """``text`` with characters inserted, deleted or replaced at relative positions."""
    for where, op, char in edits:
        at = int(where * len(text))
        text = (text[:at] + char + text[at:], text[:at] + text[at + 1:], text[:at] + char + text[at + 1:],
                text[:at] + text[at:].upper(), text[:at].rstrip() + text[at:].lstrip())[op]
    return text


@lru_cache(maxsize=None)
def _mutated(language: str):
    """Real article lines, shuffled, glued and slightly broken: statements, quotes and dates
    as articles write them, in shapes no article has."""
    lines = _lines(language)
    edit = st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 4),
                     st.one_of(st.sampled_from(list('"“”,.()-\n ')), st.characters()))
    return st.tuples(st.lists(st.sampled_from(lines), min_size=1, max_size=8), st.lists(edit, max_size=6),
                     st.sampled_from(["\n", " ", ""])).map(lambda p: _edit(p[2].join(p[0]), p[1]))


@lru_cache(maxsize=None)
def _any_text(language: str, section: str | None = None):
    if section is None:
        return st.one_of(st.text(max_size=300), _wordy(language), _mutated(language))
    return st.one_of(st.text(max_size=300), _wordy(language, section))


# --- checks ------------------------------------------------------------------------------


def _span_ok(text: str, span: Span, what: str) -> None:
    assert 0 <= span.start <= span.end <= len(text), (what, span)
    assert text[span.start:span.end] == span.text, (what, span)


def _time_ok(text: str, t: TimeExpr) -> None:
    """A well-formed time: a known granularity, a value of a known shape agreeing with its bounds."""
    _span_ok(text, t.span, "time")
    assert t.granularity in GRANULARITIES, t
    assert _VALUE.fullmatch(t.value), t
    if t.begin and t.end:
        assert t.begin <= t.end, t
    if not t.value or t.value.startswith("--"):
        assert t.begin is None and t.end is None, t
        return
    assert t.begin and t.end, t
    first = t.value.split("/")[0]
    if re.fullmatch(_DAY, t.value):
        assert t.begin == t.end == date.fromisoformat(t.value), t
    elif re.fullmatch(r"\d{4}-\d{2}", t.value):
        assert (t.begin.day, (t.end + timedelta(days=1)).day) == (1, 1), t
        assert t.begin.isoformat()[:7] == t.end.isoformat()[:7] == t.value, t
    elif re.fullmatch(r"\d{4}", t.value):
        assert (t.begin, t.end) == (date(int(t.value), 1, 1), date(int(t.value), 12, 31)), t
    elif re.fullmatch(r"\d{4}-W\d{2}", t.value):
        year, week, _ = (t.begin + timedelta(days=3)).isocalendar()
        assert t.value == f"{year}-W{week:02d}" and (t.end - t.begin).days == 6, t
    elif "/" in t.value:
        assert t.begin.isoformat().startswith(first) and t.end.isoformat().startswith(t.value.split("/")[1]), t
    else:  # a season
        assert t.begin.year == int(t.value[:4]) and (t.end - t.begin).days in range(89, 93), t


# --- the time normaliser -----------------------------------------------------------------


@given(st.sampled_from(LANGUAGES).flatmap(lambda lang: st.tuples(st.just(lang), _any_text(lang, "time"))),
       st.none() | _DATES)
@example(("id", "Selasa (31/2/2024) dan 30/2"), date(2024, 3, 1))
@example(("en", "on Feb. 29, 2023 and the next Monday"), None)
def test_times_are_well_formed(case, anchor):
    language, text = case
    for t in find_times(text, load(language), anchor=anchor):
        _time_ok(text, t)


@given(st.sampled_from(LANGUAGES).flatmap(lambda lang: st.tuples(st.just(lang), _any_text(lang, "time"))),
       st.none() | _DATES, st.integers(0, 40), st.integers(0, 40))
def test_times_of_a_stretch_lie_in_it(case, anchor, cut, keep):
    """Times searched for in part of a text lie inside that part."""
    language, text = case
    start = min(cut, len(text))
    end = min(len(text), start + keep)
    for t in find_times(text, load(language), start=start, end=end, anchor=anchor):
        _time_ok(text, t)
        assert start <= t.span.start <= t.span.end <= end, (t, start, end)


@given(_DATES, st.sampled_from(LANGUAGES), st.booleans())
def test_a_day_written_back_reads_as_the_same_day(day, language, numeric):
    """A normalised day, written again as a date of the language, normalises to itself."""
    lex = load(language)
    weekday = lex.get("time.weekdays")[("monday", "tuesday", "wednesday", "thursday", "friday",
                                        "saturday", "sunday")[day.weekday()]][0].capitalize()
    month = [names[0] for _, names in sorted(lex.get("time.months").items())][day.month - 1].capitalize()
    if numeric:  # English writes no numeric dates (is 1/2 January or February?)
        written = f"{weekday} ({day.day}/{day.month}/{day.year})" if language == "id" else f"{day.day} {month} {day.year}"
    else:
        written = f"{weekday}, {day.day} {month} {day.year}" if language == "id" else f"{weekday}, {month} {day.day}, {day.year}"
    text = f"x {written} y"
    found = [t for t in find_times(text, lex) if t.granularity == "day"]
    assert [(t.span.text, t.value, t.warning) for t in found] == [(written, day.isoformat(), "")]
    again = f"{day.day}/{day.month}/{day.year}" if language == "id" else f"{month} {day.day}, {day.year}"
    assert [t.value for t in find_times(again, lex)] == [day.isoformat()]


@given(_DATES, st.integers(0, 300))
def test_a_date_without_its_year_takes_the_nearest_one_before_publication(day, later):
    """'Jumat (18/10)' in an article published up to 300 days later is that day."""
    lex = load("id")
    weekday = lex.get("time.weekdays")[("monday", "tuesday", "wednesday", "thursday", "friday",
                                        "saturday", "sunday")[day.weekday()]][0]
    text = f"pada {weekday} ({day.day}/{day.month}) lalu"
    published = day + timedelta(days=later)
    if published.year > 2099:
        return
    found = find_times(text, lex, anchor=published)
    assert [(t.value, t.anchor, t.anchor_date) for t in found] == [(day.isoformat(), "publication", published)]


def test_the_rule_prefilter_knows_every_case_insensitive_stand_in():
    """Rules are skipped on text lacking their words, tested on lowercased text; that is exact
    only if every character a case-insensitive pattern takes for an ASCII letter or digit
    lowercases to it, or is one the prefilter translates first."""
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    stand_ins = {c for c in re.findall(r"[a-z0-9]", every, re.IGNORECASE) if not c.isascii()}
    stand_ins |= {c for c in every if not c.isascii() and re.search(r"[a-z0-9]", c.lower())}
    assert stand_ins == set(map(chr, timepatterns._TO_ASCII))
    for c in stand_ins:
        assert re.fullmatch(c.translate(timepatterns._TO_ASCII), c, re.IGNORECASE)


# --- the extractor -----------------------------------------------------------------------


def _article(language: str, body: str, published: date | None):
    """An article of ``body``, or ``None`` when it has no text. A lone surrogate (no UTF-8 file
    holds one) cannot be encoded, which reading needs; the extractor gets it all the same."""
    front = f"---\nlanguage: {language}\n" + (f"published: {published.isoformat()}\n" if published else "") + "---\n"
    encodable = re.sub(r"[\ud800-\udfff]", "?", body)
    try:
        article = parse_article(front + encodable, "fuzz.txt")
    except InputError:  # no text at all
        return None
    article.text = article.text[:len(article.text) - len(body)] + body
    return article


def _extraction_ok(text: str, x) -> None:
    for t in x.times:
        _time_ok(text, t)
    for q in x.quantities:
        _span_ok(text, q.span, "quantity")
    for actor in x.actors.values():
        for span in actor.mentions:
            _span_ok(text, span, f"actor {actor.key}")
    for place in x.places.values():
        for span in place.mentions:
            _span_ok(text, span, f"place {place.key}")
    for f in x.article.furniture:
        _span_ok(text, f.span, f"furniture {f.kind}")
    for s in x.statements:
        for name in ("cue", "sentence", "quote", "content", "speaker_mention"):
            if getattr(s, name) is not None:
                _span_ok(text, getattr(s, name), f"statement {name}")
        if s.time:
            _span_ok(text, s.time.span, "statement time")
        assert s.speakers and set(s.speakers) <= set(x.actors), s
        assert s.cue.start >= s.sentence.start and s.cue.end <= s.sentence.end, s
    events = {e.id for e in x.events}
    for s in x.statements:
        assert set(s.events) <= events, s
    for e in x.events:
        for span in [e.trigger, e.sentence, *e.mentions]:
            _span_ok(text, span, "event")
        if e.quantity:
            _span_ok(text, e.quantity.span, "event quantity")
        if e.time:
            _span_ok(text, e.time.span, "event time")
        assert {k for _, k in e.roles} <= set(x.actors), e
        assert set(e.places) <= set(x.places) | set(x.actors), e


@given(st.sampled_from(LANGUAGES).flatmap(lambda lang: st.tuples(st.just(lang), _any_text(lang))),
       st.none() | _DATES)
@example(("id", '"Kami siap," kata Juru Bicara Kementerian Luar Negeri AS, Vedant Patel, Selasa (12/11).'),
         date(2024, 11, 13))
@example(("id", "\ud800SEOUL, KOMPAS.com - Badan Intelijen Nasional Korea Selatan (NIS) pada Jumat (18/10/2024) "
                "menyatakan, Korea Utara telah memberangkatkan sekitar 1.500 pasukan khusus."), None)
@example(("id", "Dalam laporan yang sama, GUR memperkirakan serangan sepanjang musim dingin ini."),
         date(2024, 10, 18))  # a winter ("2024-WI") is a season, not a week
def test_the_extractor_reads_any_text(case, published):
    language, body = case
    article = _article(language, body, published)
    if article is not None:
        _extraction_ok(article.text, extract(article))


def test_a_time_at_the_end_of_a_statement_is_its_own_not_a_later_one_written_alike():
    """Found by comparing outputs on generated articles: the statement of the first sentence was
    dated by the same words in the second sentence (same value, wrong span)."""
    text = ("---\nlanguage: id\npublished: 2025-04-03\n---\n"
            "Badan Intelijen Nasional Korea Selatan (NIS) mengatakan pasukan Korut tiba di Rusia, Selasa (1/4).\n"
            "Hingga Selasa (1/4), Pyongyang belum mengonfirmasi laporan tersebut.")
    x = extract(parse_article(text, "x.txt"))
    said = next(s for s in x.statements if s.cue.text == "mengatakan")
    assert said.time.value == "2025-04-01"
    assert said.sentence.start <= said.time.span.start < said.sentence.end
