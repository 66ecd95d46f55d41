"""Find time expressions in a sentence and normalise them (TIMEX3 style).

All words come from the language's ``time`` lexicon (see :mod:`kg.extract.timepatterns` for
the template language). Absolute dates are resolved first; a relative expression is anchored
to an absolute day in the same sentence (``anchor="sentence"``), else to the publication date
(``"publication"``); anaphoric ones ("at the time") copy the time last mentioned
(``"previous"``). With nothing to anchor to, a relative expression keeps its granularity but
gets no value and no bounds: no date is ever invented.

Values: ``2024-11-12`` day, ``2024-11`` month, ``2024`` year, ``2024-W45`` week (the ISO week
holding most of its days, so a Sunday-to-Saturday week is named by its Monday), ``2024-FA``
season (TIMEX3 codes SP, SU, FA, WI), ``--10-18`` a day without a recoverable year,
``2024-10-27/2024-10-28`` a range or window (ISO interval ``begin/end``; ``2025-01/2025-03``
for a range of months), ``""`` unknown. A future window starts the day after its anchor.
A date written without a year takes it from the publication date (``anchor="publication"``).

>>> from kg.lexicon import load
>>> text = "Officials said on Tuesday, Nov. 12, 2024, that troops moved last week."
>>> [(t.span.text, t.value, t.anchor) for t in find_times(text, load("en"))]
[('Tuesday, Nov. 12, 2024', '2024-11-12', 'none'), ('last week', '2024-W45', 'sentence')]
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any, Callable

from ..lexicon import Lexicon
from ..model import Span, TimeExpr
from . import timecalc as cal
from .timepatterns import Candidate, Compiled, candidates, compiled, key, select

_SOME_DAY = date(2001, 1, 1)  # stands in for a missing anchor; its bounds are dropped


def find_times(text: str, lexicon: Lexicon, *, start: int = 0, end: int | None = None,
               anchor: date | None = None, previous: TimeExpr | list[TimeExpr] | None = None,
               cited: Callable[[TimeExpr], bool] | None = None) -> list[TimeExpr]:
    """The time expressions in ``text[start:end]``, in text order, spans into ``text``.

    ``anchor`` is the publication date (or ``None``); ``previous`` the time last mentioned
    before this sentence (or all of them, latest last), for anaphoric expressions: "the same
    day" copies the last day, even when a week was mentioned after it. A day for which
    ``cited`` is true dates a citation ("as quoted by Reuters on Friday"): no time of the
    sentence counts from it.
    """
    end = len(text) if end is None else end
    comp = compiled(lexicon)
    chosen = select(candidates(text, start, end, comp))
    absolute = {c.start: _absolute(text, c, comp, anchor) for c in chosen if c.rule.kind == "date"}
    days = [(at, t.begin) for at, t in absolute.items() if t.granularity == "day" and t.begin
            and not (cited and cited(t))]
    found: list[TimeExpr] = []
    history = list(previous) if isinstance(previous, list) else [previous] if previous else []
    for c in chosen:
        t = absolute.get(c.start) or _relative(text, c, comp, anchor, _nearest(days, c.start), history,
                                               "tense" in c.rule.fields and _told_ahead(text, start, c.start, comp))
        found.append(t)
        if t.value:
            history.append(t)
    return found


def latest_day(times: list[TimeExpr]) -> date | None:
    """The latest absolute day among ``times`` (a guess at a missing publication date).

    >>> from kg.lexicon import load
    >>> latest_day(find_times("on Nov. 4, 2024 and Nov. 6, 2024, or last week", load("en")))
    datetime.date(2024, 11, 6)
    """
    days = [t.begin for t in times if t.granularity == "day" and t.anchor == "none" and t.begin]
    return max(days, default=None)


def _nearest(days: list[tuple[int, date]], at: int) -> date | None:
    """The absolute day nearest before ``at`` in the sentence: not one after it ("On Friday,
    the agency said the troops left between Oct. 8 and Oct. 13": Friday is not counted
    from Oct. 8)."""
    before = [d for pos, d in days if pos < at]
    return before[-1] if before else None


# --- absolute dates -------------------------------------------------------------------


def _absolute(text: str, c: Candidate, comp: Compiled, anchor: date | None) -> TimeExpr:
    """Resolve a date shape: a day, a range of days or months, a month, a season, a year."""
    g, names = c.groups, comp.names
    span = Span.of(text, c.start, c.end)
    month = _month(g.get("month"), g.get("mm"), names)
    month2 = _month(g.get("month2"), None, names) or month
    year = int(g["year"]) if "year" in g else (2000 + int(g["yy"]) if "yy" in g else None)
    if month is not None and not 1 <= month <= 12:
        return _impossible(span)
    if "season" in g:
        code = names.seasons[key(g["season"])]
        begin, last = cal.season(code, year)
        return TimeExpr(span, cal.value_of("season", begin, last, code), begin, last, "season")
    if "day" not in g:
        return _months(span, year, month, month2 if "month2" in g else None, anchor)
    day = _number(g["day"])
    weekday = names.weekdays.get(key(g.get("weekday", "")))
    if "day2" in g:
        return _day_range(span, year, month, day, month2, _number(g["day2"]), anchor)
    if cal.valid_date(year or 2024, month, day) is None:
        return _impossible(span)
    how = "none" if year else "publication"
    if year is None and anchor is None:
        return TimeExpr(span, f"--{month:02d}-{day:02d}", None, None, "day", how)
    when = cal.valid_date(year, month, day) if year else cal.yearless(month, day, anchor, weekday)
    if when is None:
        return _impossible(span)
    warning = ""
    if weekday is not None and when.weekday() != weekday:
        warning = (f"weekday {g['weekday']} does not match {when.isoformat()} "
                   f"({cal.WEEKDAYS[when.weekday()].capitalize()})")
    return TimeExpr(span, when.isoformat(), when, when, "day", how, _anchor_date(how, anchor),
                    warning=warning)


def _anchor_date(how: str, anchor: date | None) -> date | None:
    """The anchor an absolute date used: the publication date when its year was missing."""
    return anchor if how == "publication" else None


def _month(name: str | None, number: str | None, names) -> int | None:
    if name:
        return names.months[key(name)]
    return int(number) if number else None


def _number(digits: str) -> int:
    return int("".join(ch for ch in digits if ch.isdigit()))


def _impossible(span: Span) -> TimeExpr:
    return TimeExpr(span, "", None, None, "unknown", warning=f"impossible date {span.text!r}")


def _months(span: Span, year: int | None, month: int | None, month2: int | None,
            anchor: date | None) -> TimeExpr:
    """A year, a month of a year, or a range of months (year from the anchor if unwritten)."""
    if month is None:
        begin, end = date(year, 1, 1), date(year, 12, 31)
        return TimeExpr(span, str(year), begin, end, "year")
    granularity = "month" if month2 is None else "range"
    how = "none" if year else "publication"
    if year is None:
        if anchor is None:
            return TimeExpr(span, "", None, None, granularity, how)
        year = cal.yearless(month, 1, anchor).year
    begin = date(year, month, 1)
    final = month2 or month
    end = cal.period("month", date(year + (final < month), final, 1), 0, "")[1]
    value = cal.value_of("month", begin, begin)
    if month2 is not None:
        value += "/" + cal.value_of("month", end, end)
    return TimeExpr(span, value, begin, end, granularity, how, _anchor_date(how, anchor))


def _day_range(span: Span, year: int | None, month: int, day: int, month2: int, day2: int,
               anchor: date | None) -> TimeExpr:
    """``27-28 October 2024``, ``October 27-28``, ``30 Oct - 2 Nov``."""
    how = "none" if year else "publication"
    if year is None and anchor is None:
        return TimeExpr(span, "", None, None, "range", how)
    begin = cal.valid_date(year, month, day) if year else cal.yearless(month, day, anchor)
    if begin is None:
        return _impossible(span)
    end = cal.valid_date(begin.year, month2, day2)
    if end is not None and end < begin:
        end = cal.valid_date(begin.year + 1, month2, day2)
    if end is None:
        return _impossible(span)
    return TimeExpr(span, cal.value_of("range", begin, end), begin, end, "range", how,
                    _anchor_date(how, anchor))


# --- relative and anaphoric expressions -------------------------------------------------


def _told_ahead(text: str, start: int, at: int, comp: Compiled) -> bool:
    """Whether the clause before ``at`` (from its last comma or semicolon, not before ``start``)
    tells what is still to come ("the upper house will vote on it on Wednesday").

    >>> from kg.lexicon import load
    >>> s = "The vote came on Oct. 24, and the upper house will vote on Wednesday."
    >>> _told_ahead(s, 0, s.index("Wed"), compiled(load("en"))), _told_ahead(s, 0, s.index("Oct"), compiled(load("en")))
    (True, False)
    """
    clause = max(start, text.rfind(",", start, at) + 1, text.rfind(";", start, at) + 1)
    return comp.ahead.search(text, clause, at) is not None


def _relative(text: str, c: Candidate, comp: Compiled, anchor: date | None,
              sentence_day: date | None, history: list[TimeExpr], ahead: bool = False) -> TimeExpr:
    """Resolve a relative record's match against the sentence, previous or publication date;
    a record with a ``tense`` direction takes it, from publication, in a clause that tells
    what is still to come (a bare weekday: the first on or after publication)."""
    span = Span.of(text, c.start, c.end)
    fields = c.rule.fields
    if ahead and "tense" in fields:
        fields, sentence_day = {**fields, "direction": fields["tense"]}, None
    last = history[-1] if history else None
    if c.rule.kind == "anaphor":
        wanted = fields.get("unit")  # "the same day" needs a day to copy
        if wanted == "month":  # "that month": the month of the last time told inside one
            return _that_month(span, fields, history)
        last = next((t for t in reversed(history) if not wanted or t.granularity == wanted), None)
        if last is None:
            return TimeExpr(span, "", None, None, wanted or "unknown", anchor="previous")
        return replace(last, span=span, anchor="previous", anchor_date=last.begin, warning="")
    if sentence_day:
        how, ref = "sentence", sentence_day
    elif fields.get("relative_to") == "previous":  # "two days after": counted from the last day told
        day = next((t for t in reversed(history) if t.granularity == "day"), None) if fields.get("unit") == "day" \
            or c.groups.get("unit") else last
        how, ref = "previous", day.begin if day else None
    else:
        how, ref = "publication", anchor
    granularity, begin, end, future, code = _KINDS[c.rule.kind](c, fields, ref or _SOME_DAY, comp)
    if ref is None:
        begin = end = None
    value = cal.value_of(granularity, begin, end, code)
    return TimeExpr(span, value, begin, end, granularity, how, ref, future)


def _that_month(span: Span, fields: dict[str, Any], history: list[TimeExpr]) -> TimeExpr:
    """'that month', 'the end of that month': the month (or a part of it) of the last time
    told that lies inside one ("in mid-October … by the end of that month")."""
    last = next((t for t in reversed(history) if t.begin and t.end
                 and (t.begin.year, t.begin.month) == (t.end.year, t.end.month)), None)
    if last is None:
        return TimeExpr(span, "", None, None, "month", anchor="previous")
    begin, end = cal.period("month", last.begin, 0, "monday")
    if "part" in fields:  # ("later that month": the days remaining after the last one told)
        begin, end = cal.part_of(begin, end, fields["part"], last.end)
        return TimeExpr(span, cal.value_of("range", begin, end), begin, end, "range", "previous", last.begin)
    return TimeExpr(span, cal.value_of("month", begin, end), begin, end, "month", "previous", last.begin)


Resolved = tuple[str, date, date, bool, str]


def _count(c: Candidate, comp: Compiled) -> tuple[int, bool]:
    """The written count (1 when none) and whether it is vague ("a few")."""
    word = key(c.groups.get("n", ""))
    if not word:
        return 1, False
    return (int(word) if word.isdigit() else comp.names.numbers[word]), word in comp.names.vague


def _unit(c: Candidate, fields: dict[str, Any], comp: Compiled) -> str:
    word = c.groups.get("unit")
    return comp.names.units[key(word)] if word else fields.get("unit", "day")


def _shift(c: Candidate, fields: dict[str, Any], ref: date, comp: Compiled) -> Resolved:
    """``yesterday``, ``last week``, ``3 days ago``; a vague count gives a window."""
    unit, (n, vague) = _unit(c, fields, comp), _count(c, comp)
    offset = fields.get("offset", 0) * n
    if vague:
        sign = 1 if offset > 0 else -1
        begin, end = sorted((cal.move(ref, unit, offset), cal.move(ref, unit, sign)))
        return "window", begin, end, offset > 0, ""
    begin, end = cal.period(unit, ref, offset, comp.week_starts)
    return unit, begin, end, offset > 0, ""


def _part(c: Candidate, fields: dict[str, Any], ref: date, comp: Compiled) -> Resolved:
    """``early this month``, ``earlier this year``: a part of a calendar unit."""
    whole = cal.period(_unit(c, fields, comp), ref, fields.get("offset", 0), comp.week_starts)
    begin, end = cal.part_of(*whole, fields.get("part", "early"), ref)
    return "range", begin, end, False, ""


def _last_n(c: Candidate, fields: dict[str, Any], ref: date, comp: Compiled) -> Resolved:
    """``the past two weeks``: a range ending at the anchor."""
    n, _ = _count(c, comp)
    return "range", cal.move(ref, _unit(c, fields, comp), -n), ref, False, ""


def _window(c: Candidate, fields: dict[str, Any], ref: date, comp: Compiled) -> Resolved:
    """``in the coming days``: the ``days`` after the anchor (negative: up to the anchor)."""
    if "days" in fields:
        other = cal.move(ref, "day", fields["days"])
    else:
        n, _ = _count(c, comp)
        other = cal.move(ref, _unit(c, fields, comp), n * fields.get("offset", 1))
    if other > ref:
        return "window", cal.move(ref, "day", 1), other, True, ""
    return "window", other, ref, False, ""


def _weekday(c: Candidate, fields: dict[str, Any], ref: date, comp: Compiled) -> Resolved:
    """A weekday: of a given week (``offset`` weeks away), or the nearest last/next one."""
    def resolve(word: str) -> date:
        day = comp.names.weekdays[key(word)]
        if "offset" in fields:
            week = cal.period("week", ref, fields["offset"], comp.weekday_week_starts)[0]
            return cal.move(week, "day", (day - week.weekday()) % 7)
        return cal.weekday_near(ref, day, fields.get("direction", "last"))

    begin = resolve(c.groups["weekday"])
    end = resolve(c.groups["weekday2"]) if "weekday2" in c.groups else begin
    future = begin > ref
    return ("day" if end == begin else "range"), begin, end, future, ""


def _weekend(c: Candidate, fields: dict[str, Any], ref: date, comp: Compiled) -> Resolved:
    """``over the weekend``, ``akhir pekan lalu``: the last Saturday and Sunday (the one under
    way on a Sunday), or the next ones."""
    sunday = cal.weekday_near(ref, 6, fields.get("direction", "last"))
    saturday = cal.move(sunday, "day", -1)
    return "range", saturday, sunday, saturday > ref, ""


def _month_rel(c: Candidate, fields: dict[str, Any], ref: date, comp: Compiled) -> Resolved:
    """``last August``, ``next March``, ``in May``, ``late October`` (a part of a month)."""
    month = comp.names.months[key(c.groups["month"])]
    direction = fields.get("direction", "same")
    if "part" in fields and direction == "last":  # "awal November lalu" in mid-November: this one's
        begin, end = cal.month_near(month, ref, "same", fields.get("offset", 0))
        if cal.part_of(begin, end, fields["part"], ref)[1] <= ref:
            direction = "same"
    begin, end = cal.month_near(month, ref, direction, fields.get("offset", 0))
    if "part" in fields:
        return "range", *cal.part_of(begin, end, fields["part"], ref), begin > ref, ""
    return "month", begin, end, direction == "next", ""


def _season_rel(c: Candidate, fields: dict[str, Any], ref: date, comp: Compiled) -> Resolved:
    """``this winter``, ``last winter``."""
    code = comp.names.seasons[key(c.groups["season"])]
    direction = fields.get("direction", "same")
    begin, end = cal.season_near(code, ref, direction)
    return "season", begin, end, begin > ref, code


_KINDS = {
    "shift": _shift, "part": _part, "last_n": _last_n, "window": _window,
    "weekday": _weekday, "weekend": _weekend, "month": _month_rel, "season": _season_rel,
}
