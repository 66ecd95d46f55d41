"""Calendar arithmetic for time expressions: weeks, periods, parts, seasons, values.

Language-free: the concept keys (``monday``...) are the keys of the lexicon tables, not
words of a text.

>>> period("week", date(2024, 11, 12), -1, "sunday")
(datetime.date(2024, 11, 3), datetime.date(2024, 11, 9))
>>> value_of("week", date(2024, 11, 3), date(2024, 11, 9))
'2024-W45'
"""
from __future__ import annotations

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
UNITS = ("day", "week", "month", "year")
# TIMEX3 season codes -> (first month, number of months); northern hemisphere, meteorological.
SEASONS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def week_begin(day: date, week_starts: str) -> date:
    """The first day of the calendar week holding ``day``."""
    first = WEEKDAYS.index(week_starts)
    return day - timedelta(days=(day.weekday() - first) % 7)


def period(unit: str, anchor: date, offset: int, week_starts: str) -> tuple[date, date]:
    """The calendar ``unit`` that lies ``offset`` units from the one holding ``anchor``."""
    if unit == "day":
        day = anchor + timedelta(days=offset)
        return day, day
    if unit == "week":
        begin = week_begin(anchor, week_starts) + timedelta(weeks=offset)
        return begin, begin + timedelta(days=6)
    if unit == "month":
        begin = anchor.replace(day=1) + relativedelta(months=offset)
        return begin, begin + relativedelta(months=1, days=-1)
    begin = date(anchor.year + offset, 1, 1)
    return begin, date(begin.year, 12, 31)


def move(day: date, unit: str, count: int) -> date:
    """``day`` moved by ``count`` units (negative: back)."""
    if unit in _DAYS:  # the same as relativedelta's, for a fraction of its cost
        return day + timedelta(days=_DAYS[unit] * count)
    return day + relativedelta(**{unit + "s": count})


_DAYS = {"day": 1, "week": 7}  # the units of a fixed number of days


def part_of(begin: date, end: date, part: str, anchor: date) -> tuple[date, date]:
    """A third of a period (``early``, ``middle``, ``late``), or ``elapsed``: from its begin
    to the day before ``anchor``, or ``remaining``: from the day after ``anchor`` to its end."""
    if part == "elapsed":
        return begin, max(begin, min(end, anchor - timedelta(days=1)))
    if part == "remaining":
        return min(end, max(begin, anchor + timedelta(days=1))), end
    index = ("early", "middle", "late").index(part)
    if begin.day == 1 and end.month == begin.month:  # a month: 1-10, 11-20, 21-end
        return begin + timedelta(days=10 * index), end if index == 2 else begin + timedelta(days=10 * index + 9)
    third = ((end - begin).days + 1) // 3
    first = begin + timedelta(days=third * index)
    last = end if index == 2 else first + timedelta(days=third - 1)
    return first, last


def weekday_near(anchor: date, weekday: int, direction: str) -> date:
    """The most recent ``weekday`` on or before ``anchor`` (``last``), the most recent one
    strictly before it (``previous``: a week back when ``anchor`` is that weekday), the next
    one after (``next``), or the first on or after it (``onward``).

    >>> [str(weekday_near(date(2024, 11, 7), 3, d)) for d in ("last", "previous", "next", "onward")]
    ['2024-11-07', '2024-10-31', '2024-11-14', '2024-11-07']
    """
    if direction == "onward":
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)
    if direction == "next":
        return anchor + timedelta(days=(weekday - anchor.weekday() - 1) % 7 + 1)
    if direction == "previous":
        return anchor - timedelta(days=(anchor.weekday() - weekday - 1) % 7 + 1)
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def valid_date(year: int, month: int, day: int) -> date | None:
    """The date, or ``None`` when it does not exist (31 February, month 13)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def yearless(month: int, day: int, anchor: date, weekday: int | None = None) -> date | None:
    """The year for a date written without one: nearest on or before ``anchor``.

    A written weekday that only fits the next occurrence after ``anchor`` picks that one.

    >>> yearless(10, 25, date(2025, 1, 6))
    datetime.date(2024, 10, 25)
    >>> yearless(11, 15, date(2024, 11, 12), weekday=4)
    datetime.date(2024, 11, 15)
    """
    options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1)
               if (d := valid_date(y, month, day))]
    before = [d for d in options if d <= anchor]
    after = [d for d in options if d > anchor]
    best = before[-1] if before else (after[0] if after else None)
    if best and weekday is not None and best.weekday() != weekday:
        if after and after[0].weekday() == weekday:
            return after[0]
    return best


def month_near(month: int, anchor: date, direction: str, offset: int = 0) -> tuple[date, date]:
    """The month ``month`` before (``last``) or after (``next``) ``anchor``, or (``same``) the
    occurrence nearest to it (the earlier of two as near).

    >>> month_near(11, date(2025, 4, 26), "same")
    (datetime.date(2024, 11, 1), datetime.date(2024, 11, 30))
    >>> month_near(12, date(2024, 11, 12), "same")[0]
    datetime.date(2024, 12, 1)
    >>> month_near(1, date(2024, 12, 18), "same")[0]
    datetime.date(2025, 1, 1)
    >>> month_near(10, date(2025, 4, 29), "same")[0]  # as far either way: the one a report tells of
    datetime.date(2024, 10, 1)
    """
    year = anchor.year + offset
    if direction == "last" and month >= anchor.month:
        year -= 1
    elif direction == "next" and month <= anchor.month:
        year += 1
    elif direction == "same" and not offset and month - anchor.month >= 6:
        year -= 1  # "in November", written in April: the nearer one, last November (half a year: the past)
    elif direction == "same" and not offset and anchor.month - month > 6:
        year += 1  # "in January", written in December: the nearer one, next January
    begin = date(year, month, 1)
    return begin, begin + relativedelta(months=1, days=-1)


def season(code: str, year: int) -> tuple[date, date]:
    """The bounds of a season of ``year`` (winter runs into the next year)."""
    begin = date(year, SEASONS[code], 1)
    return begin, begin + relativedelta(months=3, days=-1)


def season_near(code: str, anchor: date, direction: str) -> tuple[date, date]:
    """The season before ``anchor`` (``last``), after it (``next``) or now or next (``same``)."""
    spans = [season(code, y) for y in range(anchor.year - 2, anchor.year + 2)]
    if direction == "last":
        return [s for s in spans if s[1] < anchor][-1]
    if direction == "next":
        return [s for s in spans if s[0] > anchor][0]
    return [s for s in spans if s[1] >= anchor][0]


def value_of(granularity: str, begin: date | None, end: date | None, code: str = "") -> str:
    """The TIMEX3-style value for resolved bounds ("" when unresolved)."""
    if begin is None or end is None:
        return ""
    if granularity == "day":
        return begin.isoformat()
    if granularity == "week":  # the ISO week holding most of its days (its Thursday's week)
        year, week, _ = (begin + timedelta(days=3)).isocalendar()
        return f"{year}-W{week:02d}"
    if granularity == "month":
        return begin.isoformat()[:7]
    if granularity == "year":
        return str(begin.year)
    if granularity == "season":
        return f"{begin.year}-{code}"
    return f"{begin.isoformat()}/{end.isoformat()}"
