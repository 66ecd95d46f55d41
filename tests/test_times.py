"""Time expressions: finding and normalising them, per language (kg.extract.times)."""
from __future__ import annotations

import ast
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from kg.errors import LexiconError
from kg.extract import timepatterns
from kg.extract.times import find_times, latest_day
from kg.lexicon import Lexicon, load
from kg.model import Span, TimeExpr

TUE = date(2024, 11, 12)  # a Tuesday
JAN = date(2025, 1, 6)  # a Monday


def only(lang: str, text: str, anchor: date | None = None, **kw) -> TimeExpr:
    """The one time expression found in ``text``."""
    times = find_times(text, load(lang), anchor=anchor, **kw)
    assert len(times) == 1, [t.span.text for t in times]
    return times[0]


# (language, text, anchor, span text, value, granularity)
ABSOLUTE = [
    ("id", "AS pada Selasa (12/11/2024) mengatakan", None, "Selasa (12/11/2024)", "2024-11-12", "day"),
    ("id", "Menlu pada Jumat (18/10) berkata", TUE, "Jumat (18/10)", "2024-10-18", "day"),
    ("id", "Rabu, 23 Oktober 2024, pasukan tiba", None, "Rabu, 23 Oktober 2024", "2024-10-23", "day"),
    ("id", "kapal berangkat 23 Okt 2024 ke timur", None, "23 Okt 2024", "2024-10-23", "day"),
    ("id", "SENIN, 06 JANUARI 2025 | 14:56 WIB", None, "SENIN, 06 JANUARI 2025", "2025-01-06", "day"),
    ("id", "mereka berlatih sejak Oktober 2024 di sana", None, "Oktober 2024", "2024-10", "month"),
    ("id", "pada tahun 2024 perang berlanjut", None, "tahun 2024", "2024", "year"),
    ("id", "serangan selama musim gugur 2024 di timur", None, "musim gugur 2024", "2024-FA", "season"),
    ("id", "tiba pada 6 Agt 2024 malam", None, "6 Agt 2024 malam", "2024-08-06", "day"),
    ("id", "rapat 5 Nop 2024 ditunda", None, "5 Nop 2024", "2024-11-05", "day"),
    ("id", "dikabarkan 9 Sept. 2024 pagi", None, "9 Sept. 2024 pagi", "2024-09-09", "day"),
    ("id", "foto diambil 1 Des 2023 silam", None, "1 Des 2023 silam", "2023-12-01", "day"),
    ("id", "kunjungan pada 6 Agustus itu", TUE, "6 Agustus", "2024-08-06", "day"),
    ("id", "latihan 27-28 Oktober 2024 digelar", None, "27-28 Oktober 2024", "2024-10-27/2024-10-28", "range"),
    ("id", "data periode Januari-Maret 2025 menunjukkan", None, "periode Januari-Maret 2025",
     "2025-01/2025-03", "range"),
    ("en", "troops were seen Oct. 8 near the border", TUE, "Oct. 8", "2024-10-08", "day"),
    ("en", "the ministry said October 25 that", JAN, "October 25", "2024-10-25", "day"),
    ("en", "talks on Jan. 11, 2025 in Seoul", None, "Jan. 11, 2025", "2025-01-11", "day"),
    ("en", "captured on 11 January 2025 in Kursk", None, "11 January 2025", "2025-01-11", "day"),
    ("en", "the first units arrived in October 2024 by ship", None, "October 2024", "2024-10", "month"),
    ("en", "fighting on October 27-28 left dozens dead", TUE, "October 27-28", "2024-10-27/2024-10-28",
     "range"),
    ("en", "losses in the January-March period rose", date(2025, 4, 10), "the January-March period",
     "2025-01/2025-03", "range"),
    ("en", "it said on Tuesday, Nov. 12, 2024 that", None, "Tuesday, Nov. 12, 2024", "2024-11-12", "day"),
    ("en", "the pact signed in 2024 binds both", None, "2024", "2024", "year"),
    ("en", "a push during the fall of 2024 failed", None, "the fall of 2024", "2024-FA", "season"),
    ("en", "the raid of December 30th hit", JAN, "December 30th", "2024-12-30", "day"),
]


@pytest.mark.parametrize("lang,text,anchor,span,value,granularity", ABSOLUTE)
def test_absolute(lang, text, anchor, span, value, granularity):
    """Rows with an anchor are written without a year: the year is the publication's."""
    t = only(lang, text, anchor)
    assert (t.span.text, t.value, t.granularity, t.anchor, t.warning) == (
        span, value, granularity, "publication" if anchor else "none", "")
    assert text[t.span.start:t.span.end] == span


# (language, text, anchor, span text, value, granularity, begin, end)
RELATIVE = [
    ("id", "serangan terjadi kemarin malam", TUE, "kemarin malam", "2024-11-11", "day", None, None),
    ("id", "Patel berkata hari ini bahwa", TUE, "hari ini", "2024-11-12", "day", None, None),
    # a week as a period is the ISO week (Monday to Sunday), like its value
    ("id", "rapat pekan lalu memutuskan", TUE, "pekan lalu", "2024-W45", "week",
     date(2024, 11, 4), date(2024, 11, 10)),
    ("id", "rapat minggu lalu memutuskan", TUE, "minggu lalu", "2024-W45", "week",
     date(2024, 11, 4), date(2024, 11, 10)),
    ("id", "latihan pekan ini dimulai", TUE, "pekan ini", "2024-W46", "week",
     date(2024, 11, 11), date(2024, 11, 17)),
    ("id", "pasukan tiba bulan lalu", TUE, "bulan lalu", "2024-10", "month",
     date(2024, 10, 1), date(2024, 10, 31)),
    ("id", "dikirim awal bulan ini ke sana", TUE, "awal bulan ini", "2024-11-01/2024-11-10", "range",
     date(2024, 11, 1), date(2024, 11, 10)),
    ("id", "perjanjian tahun lalu diteken", TUE, "tahun lalu", "2023", "year", None, None),
    ("id", "diteken pada Agustus lalu", TUE, "Agustus lalu", "2024-08", "month", None, None),
    ("id", "diteken pada Desember lalu", TUE, "Desember lalu", "2023-12", "month", None, None),
    ("id", "dalam 3 pekan terakhir ada serangan", TUE, "3 pekan terakhir", "2024-10-22/2024-11-12",
     "range", date(2024, 10, 22), TUE),
    ("id", "Patel pada hari Senin berkata", TUE, "hari Senin", "2024-11-11", "day", None, None),
    ("id", "Patel pada Senin lalu berkata", TUE, "Senin lalu", "2024-11-11", "day", None, None),
    ("id", "Patel pada Selasa berkata", TUE, "Selasa", "2024-11-12", "day", None, None),
    ("id", "Patel pada Selasa lalu berkata", TUE, "Selasa lalu", "2024-11-05", "day", None, None),  # not today
    ("en", "Patel spoke last Tuesday", TUE, "last Tuesday", "2024-11-05", "day", None, None),
    ("en", "Patel spoke on Tuesday", TUE, "Tuesday", "2024-11-12", "day", None, None),
    ("en", "before he takes office in January", date(2024, 12, 18), "January", "2025-01", "month",
     date(2025, 1, 1), date(2025, 1, 31)),  # the nearer January: next month
    ("id", "rapat digelar Senin depan", TUE, "Senin depan", "2024-11-18", "day", None, None),
    ("id", "Guterres pada Minggu pekan lalu bicara", TUE, "Minggu pekan lalu", "2024-11-03", "day",
     None, None),
    ("id", "Guterres pada Minggu bicara", TUE, "Minggu", "2024-11-10", "day", None, None),
    ("id", "Guterres pada Minggu lalu bicara", TUE, "Minggu lalu", "2024-11-10", "day", None, None),
    ("id", "Minggu lalu, Guterres bicara", TUE, "Minggu lalu", "2024-W45", "week", None, None),
    ("id", "diperkirakan terjadi dalam waktu dekat", TUE, "dalam waktu dekat",
     "2024-11-13/2024-12-12", "window", date(2024, 11, 13), date(2024, 12, 12)),
    ("id", "dikirim pekan depan ke sana", TUE, "pekan depan", "2024-11-13/2024-11-26", "window",
     date(2024, 11, 13), date(2024, 11, 26)),
    ("id", "tewas 2 hari lalu di sana", TUE, "2 hari lalu", "2024-11-10", "day", None, None),
    ("id", "tewas beberapa hari lalu di sana", TUE, "beberapa hari lalu", "2024-11-09/2024-11-11",
     "window", None, None),
    ("id", "gelombang kedua musim dingin ini", TUE, "musim dingin ini", "2024-WI", "season",
     date(2024, 12, 1), date(2025, 2, 28)),
    ("id", "pasukan tiba akhir Oktober tahun lalu", date(2025, 4, 29), "akhir Oktober tahun lalu",
     "2024-10-21/2024-10-31", "range", date(2024, 10, 21), date(2024, 10, 31)),
    ("id", "rapat darurat digelar Sabtu pagi", date(2024, 10, 19), "Sabtu pagi", "2024-10-19", "day",
     None, None),
    ("en", "moved in late October last year", date(2025, 4, 28), "late October last year",
     "2024-10-21/2024-10-31", "range", None, None),
    ("en", "the attack in mid-October", TUE, "mid-October", "2024-10-11/2024-10-20", "range", None, None),
    ("en", "the ministry said Thursday night that", TUE, "Thursday night", "2024-11-07", "day", None,
     None),
    ("en", "the ministry said Thursday that", TUE, "Thursday", "2024-11-07", "day", None, None),
    ("en", "the ministry said on Tuesday that", TUE, "Tuesday", "2024-11-12", "day", None, None),
    ("en", "troops moved last week to", TUE, "last week", "2024-W45", "week",
     date(2024, 11, 4), date(2024, 11, 10)),
    ("en", "troops move this week to", TUE, "this week", "2024-W46", "week", None, None),
    ("en", "troops arrived last month", TUE, "last month", "2024-10", "month", None, None),
    ("en", "a treaty signed last year", TUE, "last year", "2023", "year", None, None),
    ("en", "shelling yesterday killed", TUE, "yesterday", "2024-11-11", "day", None, None),
    ("en", "lawmakers briefed this morning said", TUE, "this morning", "2024-11-12", "day", None, None),
    ("en", "a drone attack last night hit", TUE, "last night", "2024-11-11", "day", None, None),
    ("id", "anggota DPR yang diberi pengarahan tadi pagi", TUE, "tadi pagi", "2024-11-12", "day", None, None),
    ("id", "serangan drone semalam menghantam", TUE, "semalam", "2024-11-11", "day", None, None),
    ("en", "deployed earlier this year", TUE, "earlier this year", "2024-01-01/2024-11-11", "range",
     date(2024, 1, 1), date(2024, 11, 11)),
    ("en", "could start in the coming days", TUE, "in the coming days", "2024-11-13/2024-11-19",
     "window", date(2024, 11, 13), date(2024, 11, 19)),
    ("en", "may fight within days", TUE, "within days", "2024-11-13/2024-11-19", "window", None, None),
    ("en", "over the next few weeks", TUE, "next few weeks", "2024-11-13/2024-12-10", "window",
     None, None),
    ("en", "will happen very soon", TUE, "very soon", "2024-11-13/2024-11-19", "window", None, None),
    ("en", "a pact signed last August", TUE, "last August", "2024-08", "month", None, None),
    ("en", "elections next March", TUE, "next March", "2025-03", "month", None, None),
    ("en", "a visit in May upset", TUE, "May", "2024-05", "month", None, None),
    ("en", "seen on Tuesday of last week", TUE, "Tuesday of last week", "2024-11-05", "day", None, None),
    ("en", "fought between Tuesday and Sunday of last week", TUE,
     "between Tuesday and Sunday of last week", "2024-11-05/2024-11-10", "range", None, None),
    ("en", "killed three days ago", TUE, "three days ago", "2024-11-09", "day", None, None),
    ("en", "over the past two weeks", TUE, "the past two weeks", "2024-10-29/2024-11-12", "range",
     None, None),
    ("en", "were killed over the weekend near", TUE, "over the weekend", "2024-11-09/2024-11-10", "range",
     date(2024, 11, 9), date(2024, 11, 10)),
    ("en", "more may arrive next weekend", TUE, "next weekend", "2024-11-16/2024-11-17", "range",
     date(2024, 11, 16), date(2024, 11, 17)),
    ("id", "tewas akhir pekan lalu di Kursk", TUE, "akhir pekan lalu", "2024-11-09/2024-11-10", "range",
     date(2024, 11, 9), date(2024, 11, 10)),
    ("id", "tewas pada akhir pekan di Kursk", TUE, "akhir pekan", "2024-11-09/2024-11-10", "range",
     date(2024, 11, 9), date(2024, 11, 10)),
    ("id", "serangan berlanjut sepanjang pekan", TUE, "sepanjang pekan", "2024-W46", "week", None, None),
    ("en", "were moved at the end of October to", TUE, "the end of October", "2024-10-21/2024-10-31", "range",
     date(2024, 10, 21), date(2024, 10, 31)),
    ("en", "arrived at the beginning of November", TUE, "the beginning of November", "2024-11-01/2024-11-10",
     "range", date(2024, 11, 1), date(2024, 11, 10)),
    ("id", "tiba sebulan lalu di Rusia", TUE, "sebulan lalu", "2024-10", "month",
     date(2024, 10, 1), date(2024, 10, 31)),
    ("id", "dikirim pertengahan Desember lalu", TUE, "pertengahan Desember lalu", "2023-12-11/2023-12-20", "range",
     date(2023, 12, 11), date(2023, 12, 20)),
    ("id", "tiba awal November lalu", TUE, "awal November lalu", "2024-11-01/2024-11-10", "range",
     date(2024, 11, 1), date(2024, 11, 10)),
    ("en", "in a statement an hour ago, it said", TUE, "an hour ago", "2024-11-12", "day",
     date(2024, 11, 12), date(2024, 11, 12)),
    ("id", "dalam unggahan beberapa jam lalu, ia menyebut", TUE, "beberapa jam lalu", "2024-11-12", "day",
     date(2024, 11, 12), date(2024, 11, 12)),
    ("id", "serangan itu terjadi dini hari tadi", TUE, "dini hari tadi", "2024-11-12", "day",
     date(2024, 11, 12), date(2024, 11, 12)),
    ("en", "could reach 10,000 by December", TUE, "December", "2024-12", "month",
     date(2024, 12, 1), date(2024, 12, 31)),
    ("en", "the agency reported in October that", date(2025, 4, 29), "October", "2024-10", "month",
     date(2024, 10, 1), date(2024, 10, 31)),  # half a year either way: the past a report tells of
    ("id", "badan itu melaporkan pada Oktober bahwa", date(2025, 4, 29), "Oktober", "2024-10", "month",
     date(2024, 10, 1), date(2024, 10, 31)),
]


@pytest.mark.parametrize("lang,text,anchor,span,value,granularity,begin,end", RELATIVE)
def test_relative(lang, text, anchor, span, value, granularity, begin, end):
    t = only(lang, text, anchor)
    assert (t.span.text, t.value, t.granularity, t.anchor, t.anchor_date) == (
        span, value, granularity, "publication", anchor)
    if begin:
        assert (t.begin, t.end) == (begin, end)


@pytest.mark.parametrize("lang,text", [
    ("id", "dalam waktu dekat"), ("id", "pekan depan"), ("en", "in the coming days"),
    ("id", "Senin depan"), ("en", "next March"),
])
def test_future_is_marked(lang, text):
    assert only(lang, text, TUE).future


def test_seed_sentences_resolve():
    text = ("AS pada Selasa (12/11/2024) mengatakan hal itu.\n"
            "Sekjen pada Minggu (3/11/2024) lalu menyatakan kekhawatiran.\n"
            "Menurut laporan intel kala itu, pasukan sudah dikerahkan.\n"
            "Menlu pada Kamis (31/10/2024) mengatakan, pengerahan dapat terjadi dalam beberapa hari"
            " mendatang.\n"
            "Sekjen pada Minggu pekan lalu menyatakan bahwa itu berbahaya.\n")
    lex, found, previous = load("id"), [], None
    for line in re.finditer(r"[^\n]+", text):
        times = find_times(text, lex, start=line.start(), end=line.end(), anchor=TUE,
                           previous=previous)
        found += times
        previous = next((t for t in reversed(times) if t.value), previous)
    assert [(t.span.text, t.value, t.anchor) for t in found] == [
        ("Selasa (12/11/2024)", "2024-11-12", "none"),
        ("Minggu (3/11/2024) lalu", "2024-11-03", "none"),
        ("kala itu", "2024-11-03", "previous"),
        ("Kamis (31/10/2024)", "2024-10-31", "none"),
        ("dalam beberapa hari mendatang", "2024-11-01/2024-11-07", "sentence"),
        ("Minggu pekan lalu", "2024-11-03", "publication"),
    ]
    window = found[4]
    assert (window.begin, window.anchor_date, window.granularity, window.future) == (
        date(2024, 11, 1), date(2024, 10, 31), "window", True)
    assert all(text[t.span.start:t.span.end] == t.span.text for t in found)


def test_sentence_day_anchors_relative_expressions():
    t = find_times("Pada Kamis (31/10/2024) ia berkata kemarin ada serangan", load("id"), anchor=TUE)
    assert (t[1].value, t[1].anchor, t[1].anchor_date) == ("2024-10-30", "sentence", date(2024, 10, 31))


def test_a_day_later_in_the_sentence_anchors_nothing_before_it():
    """"On Friday" before the dates of what was said counts from the publication."""
    text = "On Friday, the agency said troops were shipped between Oct. 8 and Oct. 13."
    friday = find_times(text, load("en"), anchor=date(2024, 10, 21))[0]
    assert (friday.value, friday.anchor) == ("2024-10-18", "publication")


@pytest.mark.parametrize("lang,text,value", [
    ("en", "They were shipped between Oct. 8 and Oct. 13.", "2024-10-08/2024-10-13"),
    ("en", "About 3,000 more were sent in January and February.", "2024-01/2024-02"),
    ("id", "Pasukan tambahan itu dikirim pada Januari dan Februari.", "2024-01/2024-02"),
    ("id", "Mereka dikirim antara 8 Oktober dan 13 Oktober 2024.", "2024-10-08/2024-10-13"),
    ("id", "Mereka dikirim antara 8 dan 13 Oktober.", "2024-10-08/2024-10-13"),
    ("en", "They were shipped between Oct. 8 and 13.", "2024-10-08/2024-10-13"),
])
def test_two_days_or_months_joined_by_and_are_a_range(lang, text, value):
    assert only(lang, text, anchor=date(2024, 10, 21)).value == value


@pytest.mark.parametrize("lang,text,value", [
    ("en", "In mid-October, Seoul said 1,500 had arrived. By the end of that month the figure was 10,000.",
     "2024-10-21/2024-10-31"),
    ("en", "In early October, they were pulled back. They returned later that month.", "2024-10-11/2024-10-31"),
    ("en", "In October, they arrived. That month, more came.", "2024-10"),
    ("id", "Pada Oktober, Seoul menyebut 1.500 tentara tiba. Pada akhir bulan itu, jumlahnya 10.000.",
     "2024-10-21/2024-10-31"),
])
def test_that_month_is_the_month_last_told(lang, text, value):
    assert find_times(text, load(lang), anchor=date(2024, 12, 23))[-1].value == value


@pytest.mark.parametrize("lang,text,value", [
    ("en", "The upper house is expected to vote on it as early as Wednesday.", "2024-11-13"),
    ("en", "The lower house ratified it on Oct. 24, and the upper house will vote on Wednesday.", "2024-11-13"),
    ("id", "Majelis tinggi dijadwalkan memberikan suara pada Rabu.", "2024-11-13"),
    ("en", "The ministry said on Wednesday that it would respond.", "2024-11-06"),  # told as past
    ("en", "Seoul will respond, the ministry said on Wednesday.", "2024-11-06"),  # another clause
    ("en", "The envoy will arrive on Tuesday.", "2024-11-12"),  # the coming one may be today
])
def test_a_weekday_in_a_clause_that_tells_what_is_to_come_is_the_coming_one(lang, text, value):
    """Published on Tuesday 12 November 2024; a bare weekday is the last one, unless the clause
    before it tells what is still to come ("will", "is expected to", "akan", "dijadwalkan")."""
    [t] = [t for t in find_times(text, load(lang), anchor=TUE) if t.granularity == "day" and "Oct" not in t.span.text]
    assert t.value == value


def test_weekday_mismatch_keeps_date_and_warns():
    t = only("id", "pada Senin (12/11/2024) ia berkata")
    assert t.value == "2024-11-12"
    assert t.warning == "weekday Senin does not match 2024-11-12 (Tuesday)"


def test_matching_weekday_gives_no_warning():
    assert only("id", "pada Minggu (3/11/2024) ia berkata").warning == ""


@pytest.mark.parametrize("lang,text,value", [
    ("id", "pada Jumat (18/10) ia berkata", "--10-18"),
    ("en", "the ministry said October 25 that", "--10-25"),
])
def test_yearless_without_anchor_is_partial(lang, text, value):
    t = only(lang, text)
    assert (t.value, t.begin, t.end, t.granularity) == (value, None, None, "day")


def test_yearless_weekday_can_pick_the_coming_date():
    assert only("id", "pada Jumat (15/11) mendatang", TUE).value == "2024-11-15"


@pytest.mark.parametrize("lang,text,granularity", [
    ("id", "rapat pekan lalu", "week"), ("id", "kemarin", "day"), ("en", "in the coming days", "window"),
    ("en", "said Thursday", "day"),
])
def test_relative_without_anchor_invents_nothing(lang, text, granularity):
    t = only(lang, text)
    assert (t.value, t.begin, t.end, t.granularity, t.anchor_date) == ("", None, None, granularity, None)


@pytest.mark.parametrize("lang,text", [("id", "Malam harinya, serangan drone berlanjut"),
                                       ("id", "Beberapa jam kemudian, Kremlin menanggapi"),
                                       ("en", "Lawmakers told reporters afterwards that")])
def test_later_the_same_day_is_the_day_told_just_before(lang, text):
    before = only("id", "pada Selasa (5/11/2024)")
    t = only(lang, text, previous=before)
    assert (t.value, t.granularity, t.anchor) == ("2024-11-05", "day", "previous")


def test_anaphor_copies_previous():
    before = only("id", "pada Minggu (3/11/2024)")
    t = only("id", "menurut laporan saat itu", previous=before)
    assert (t.value, t.begin, t.granularity, t.anchor) == ("2024-11-03", date(2024, 11, 3), "day",
                                                           "previous")


@pytest.mark.parametrize("lang,text", [("id", "Pada hari yang sama, rapat digelar"),
                                       ("en", "officials met earlier in the day")])
def test_same_day_anaphors(lang, text):
    before = TimeExpr(Span(0, 0, ""), "2024-10-18", date(2024, 10, 18), date(2024, 10, 18), "day")
    t = only(lang, text, TUE, previous=before)
    assert (t.value, t.anchor, t.anchor_date) == ("2024-10-18", "previous", date(2024, 10, 18))


def test_same_day_anaphor_does_not_copy_a_week():
    before = only("id", "rapat pekan lalu", TUE)
    t = only("id", "Pada hari yang sama, rapat digelar", TUE, previous=before)
    assert (t.value, t.begin, t.granularity) == ("", None, "day")


def test_written_year_needs_no_anchor():
    assert only("id", "pada Rabu, 23 Oktober 2024", JAN).anchor == "none"


def test_anaphor_without_previous_is_unresolved():
    t = only("en", "troops were at the time in Kursk", TUE)
    assert (t.value, t.begin, t.anchor) == ("", None, "previous")


def test_day_before_follows_previous():
    before = only("en", "on Oct. 8, 2024")
    t = only("en", "troops had moved the day before", TUE, previous=before)
    assert (t.value, t.anchor) == ("2024-10-07", "previous")


@pytest.mark.parametrize("text", ["pada Kamis (31/02/2024) ia", "pada (13/13/2024) ia"])
def test_impossible_dates_are_not_dates(text):
    t = only("id", text, TUE)
    assert (t.value, t.begin, t.granularity) == ("", None, "unknown")
    assert "impossible" in t.warning
    assert latest_day([t]) is None


@pytest.mark.parametrize("lang,text", [
    ("en", "We said the troops may leave soon"),
    ("en", "March of the troops to the front"),
    ("en", "the troops march 5 km a day"),
    ("en", "ten thousand troops arrived"),
    ("id", "pasukan itu datang dengan 3 kapal"),
])
def test_no_time_in_ordinary_words(lang, text):
    assert find_times(text, load(lang), anchor=TUE) == []


def test_spans_are_offsets_into_the_full_text():
    text = "Kalimat pertama kemarin. Patel pada Senin lalu berkata."
    times = find_times(text, load("id"), start=25, anchor=TUE)
    assert [(t.span.start, t.span.text) for t in times] == [(36, "Senin lalu")]


def test_latest_day_ignores_relative_and_vague():
    times = find_times("Rabu (6/11/2024) dan Oktober 2024 serta kemarin", load("id"), anchor=TUE)
    assert latest_day(times) == date(2024, 11, 6)
    assert latest_day([]) is None


def test_unknown_relative_kind_is_a_lexicon_error():
    lex = Lexicon("xx", {"time": {"relative": [{"kind": "someday", "patterns": ["x"]}]}})
    with pytest.raises(LexiconError, match="kind"):
        timepatterns.compiled(lex)


@pytest.mark.parametrize("time,problem", [
    ({"weekdays": {"mondey": ["x"]}}, "mondey"),
    ({"months": {13: ["x"]}}, "13"),
    ({"week_starts": "someday"}, "someday"),
])
def test_unknown_concept_is_a_lexicon_error(time, problem):
    with pytest.raises(LexiconError, match=problem):
        timepatterns.compiled(Lexicon("xx", {"time": time}))


def test_unknown_placeholder_is_a_lexicon_error():
    lex = Lexicon("xx", {"time": {"date_patterns": ["{fortnight} x"]}})
    with pytest.raises(LexiconError, match="fortnight"):
        timepatterns.compiled(lex)


# Names of lexicon files, fields and concepts: they may appear in code although English.
SCHEMA_WORDS = {"time", "days", "week", "month", "months", "year", "next", "last", "previous",
                "early", "middle", "late", "elapsed", "same", "weekend"}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_code_holds_no_words_of_the_language(lang):
    time = load(lang).section("time")
    words = {w.lower() for names in time["months"].values() for w in names if len(w) > 3}
    for record in time["relative"]:
        words |= {w for p in record["patterns"]
                  for w in re.findall(r"[a-z]{4,}", re.sub(r"\{\w+\}", " ", p))}
    words -= SCHEMA_WORDS
    folder = Path(timepatterns.__file__).parent
    for module in ("times.py", "timepatterns.py", "timecalc.py"):
        tree = ast.parse((folder / module).read_text(encoding="utf-8"))
        docs = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr)}
        strings = " ".join(n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)
                           and isinstance(n.value, str) and id(n) not in docs).lower()
        assert not words & set(re.findall(r"[a-z]+", strings)), module


def test_span_record_is_the_model_span():
    t = only("en", "on Oct. 8, 2024")
    assert t.span == Span(3, 15, "Oct. 8, 2024")


@pytest.mark.parametrize("lang,text,value", [
    ("en", "Troops arrived on Oct. 23. The previous week, they had trained.", "2024-W42"),
    ("id", "Pasukan tiba pada 23 Oktober. Sepekan sebelumnya, mereka berlatih.", "2024-W42"),
    ("en", "Troops arrived on Oct. 23. A week later, they were in Kursk.", "2024-W44"),
])
def test_a_week_before_or_after_the_last_day_told(lang, text, value):
    times = find_times(text, load(lang), anchor=TUE)
    assert [t.value for t in times][-1] == value


@pytest.mark.parametrize("lang,text", [("en", "more may come late this year"), ("id", "tiba pada akhir tahun ini")])
def test_the_end_of_this_year_is_its_late_part(lang, text):
    t = only(lang, text, TUE)
    assert (t.begin, t.end) == (date(2024, 9, 1), date(2024, 12, 31))


@pytest.mark.parametrize("lang,text", [("en", "over the past 24 hours"), ("en", "in the past day"),
                                       ("id", "dalam 24 jam terakhir")])
def test_the_past_day_is_the_day_before_and_today(lang, text):
    t = only(lang, text, TUE)
    assert (t.begin, t.end) == (TUE - timedelta(days=1), TUE)


def test_the_last_day_of_something_is_no_time():
    assert find_times("on the last day of the summit", load("en"), anchor=TUE) == []
