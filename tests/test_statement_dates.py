"""A statement in the perfect or the present with no date of its own was made by the day of
publication ("Moscow has dismissed the reports", "Seoul says"); one in the past with no date has
none. Each sentence
is my own."""
from datetime import date

import pytest

from kg.extract.document import extract
from kg.ingest import parse_article

PUBLISHED = date(2024, 10, 25)


@pytest.mark.parametrize(("language", "text", "cue", "days"), [
    ("en", "Moscow has dismissed the reports as Western propaganda.", "dismissed", (None, PUBLISHED)),
    ("en", "The Kremlin has not commented on the claims from Seoul.", "commented", (None, PUBLISHED)),
    ("en", "North Korea has officially acknowledged that its troops are in Russia.", "acknowledged", (None, PUBLISHED)),
    ("en", "Moscow dismissed the reports as Western propaganda.", "dismissed", (None, None)),
    ("id", "Moskwa tidak pernah mengakui kehadiran pasukan asing di wilayahnya.", "mengakui", (None, PUBLISHED)),
    ("id", "Kremlin telah menepis laporan itu sebagai propaganda Barat.", "menepis", (None, PUBLISHED)),
    ("id", "Kremlin menepis laporan itu sebagai propaganda Barat.", "menepis", (None, None)),
    ("id", "Moskow dan Pyongyang tetap bungkam soal pasukan itu.", "tetap bungkam", (None, PUBLISHED)),
    ("en", "The Kremlin kept silent about the troops.", "kept silent", (None, PUBLISHED)),
    ("en", "The NIS believes more troops will follow.", "believes", (None, PUBLISHED)),
    ("en", "Seoul says about 300 have died.", "says", (None, PUBLISHED)),
    ("en", "Seoul's spy agency said on Wednesday that 3,000 troops had left.", "said",
     (date(2024, 10, 23), date(2024, 10, 23))),
])
def test_a_statement_in_the_perfect_was_made_by_the_day_of_publication(language, text, cue, days):
    article = parse_article(f"---\npublished: {PUBLISHED}\nlanguage: {language}\n---\n{text}\n", "a.txt")
    statements = [s for s in extract(article).statements if cue in s.cue.text]
    assert len(statements) == 1, [s.cue.text for s in extract(article).statements]
    time = statements[0].time
    assert ((time.begin, time.end) if time else (None, None)) == days


@pytest.mark.parametrize(("language", "text"), [
    ("id", "Moskow dan Pyongyang tetap bungkam soal pasukan itu."),
    ("en", "Moscow and Pyongyang have remained silent about the troops."),
])
def test_a_silence_is_a_statement_not_made_by_both(language, text):
    article = parse_article(f"---\npublished: {PUBLISHED}\nlanguage: {language}\n---\n{text}\n", "a.txt")
    [silence] = extract(article).statements
    assert (silence.negated, silence.speakers) == (True, ["russia", "north-korea"])


@pytest.mark.parametrize(("language", "text", "cue", "day"), [
    ("id", "Presiden Volodymyr Zelensky mengumumkan pasukannya menangkap dua tentara Korea Utara di "
           "wilayah Kursk, Rusia, pada Sabtu (11/1/2025).", "mengumumkan", date(2025, 1, 11)),
    ("id", "Zelensky mengatakan dua tentara Korea Utara telah ditangkap di Kursk, Sabtu (11/1/2025).",
     "mengatakan", date(2025, 1, 11)),
    ("en", "Zelensky said Ukrainian forces captured two North Korean soldiers in Kursk on Saturday.",
     "said", None),
])
def test_a_day_set_off_by_a_comma_at_the_end_dates_the_statement(language, text, cue, day):
    article = parse_article(f"---\npublished: 2025-01-12\nlanguage: {language}\n---\n{text}\n", "a.txt")
    statements = [s for s in extract(article).statements if s.cue.text == cue]
    assert len(statements) == 1
    time = statements[0].time
    assert (time.begin if time else None) == day


def test_a_second_cue_of_an_undated_speaker_takes_no_earlier_speakers_day():
    text = ("Ukraine's military intelligence said on Monday that 30 North Korean soldiers were killed. "
            "Zelensky wrote on Telegram that the losses were growing and warned that Pyongyang may send more troops.")
    article = parse_article(f"---\npublished: 2024-12-17\nlanguage: en\n---\n{text}\n", "a.txt")
    times = {s.cue.text: s.time for s in extract(article).statements}
    assert times["said"] is not None and times["said"].begin == date(2024, 12, 16)
    assert times["wrote"] is None and times["warned"] is None


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Seoul's spy agency confirmed the capture on Jan. 12."),
    ("id", "Badan intelijen Korea Selatan mengonfirmasi penangkapan itu pada 12 Januari."),
    ("en", "Seoul's spy agency confirmed the capture late Sunday."),
    ("en", "Seoul's spy agency confirmed the capture on Sunday in a post on its website."),
])
def test_a_day_after_a_short_object_dates_the_statement(language, text):
    """'X confirmed the capture on Jan. 12': the confirming was on 12 January."""
    article = parse_article(f"---\npublished: 2025-01-13\nlanguage: {language}\n---\n{text}\n", "a.txt")
    [statement] = extract(article).statements
    assert statement.time and statement.time.value == "2025-01-12"


@pytest.mark.parametrize(("language", "text", "dated"), [
    ("en", "Putin told reporters on Thursday that it was Russia's business. He declined to say how many troops had come.",
     True),
    ("en", "Putin told reporters on Thursday that it was Russia's business. The Kremlin has not commented since.", False),
    ("id", "Seorang pejabat militer mengatakan pada Jumat (7/2/2025) bahwa aktivitas menurun. Ia belum bisa memastikan jumlahnya.",
     False),
])
def test_what_was_not_said_on_an_occasion_has_its_day(language, text, dated):
    """'He declined to say' at the same briefing: that day; 'has not commented', 'belum': no one day."""
    article = parse_article(f"---\npublished: 2025-02-08\nlanguage: {language}\n---\n{text}\n", "a.txt")
    first, second = extract(article).statements[:2]
    assert second.negated and first.time is not None
    assert (second.time is first.time or (second.time is not None and second.time.value == first.time.value)) == dated


def test_her_remarks_came_on_a_day_dates_what_she_said():
    text = ('A researcher at an institute in Seoul believes the losses are a price worth paying. '
            '"The two prisoners are an embarrassment," she said. Her remarks came on Wednesday, at a seminar in Seoul.')
    article = parse_article(f"---\npublished: 2025-01-17\nlanguage: en\n---\n{text}\n", "a.txt")
    assert [s.time.value for s in extract(article).statements] == ["2025-01-15", "2025-01-15"]


@pytest.mark.parametrize(("language", "text"), [
    ("id", "Dilansir dari KBS, Rustem Umerov mengatakan bentrokan pertama sudah terjadi. "
           "Wawancara itu disiarkan KBS pada Senin (4/11/2024)."),
    ("en", "Rustem Umerov said the first clash had taken place. The interview was broadcast on Monday, Nov. 4."),
])
def test_the_interview_aired_on_a_day_dates_what_was_said_in_it(language, text):
    article = parse_article(f"---\npublished: 2024-11-06\nlanguage: {language}\n---\n{text}\n", "a.txt")
    assert [s.time.value for s in extract(article).statements] == ["2024-11-04"]


@pytest.mark.parametrize(("language", "text"), [
    ("id", "Jumat (18/10/2024): Badan Intelijen Nasional Korea Selatan mengungkapkan bahwa dalam beberapa hari "
           "sebelumnya Korut telah mengirim sekitar 1.500 pasukan khusus ke Rusia."),
    ("en", "Oct. 18: South Korea's spy agency revealed that in the days before, North Korea had shipped "
           "1,500 special forces to Russia."),
])
def test_a_time_after_that_dates_what_was_said_not_the_saying(language, text):
    article = parse_article(f"---\npublished: {PUBLISHED}\nlanguage: {language}\n---\n{text}\n", "a.txt")
    [said] = extract(article).statements
    assert said.time.day == date(2024, 10, 18)


@pytest.mark.parametrize(("language", "text", "cue", "day"), [
    ("id", "Komisi I DPR menggelar rapat tertutup dengan Kemlu pada Selasa (5/11/2024). Usai rapat, anggota "
           "parlemen mengatakan pemerintah sudah menjelaskan posisinya.", "mengatakan", date(2024, 11, 5)),
    ("en", "The spy agency briefed the intelligence committee in a closed session on Wednesday, Nov. 20. After the "
           "session, lawmakers told reporters that 100 soldiers had died.", "told", date(2024, 11, 20)),
    ("en", "The spy agency briefed the intelligence committee in a closed session on Wednesday, Nov. 20. Zelensky "
           "said another session would follow.", "said", None),  # the session is what he said, not where
    ("id", "Para pemimpin bertemu dalam pertemuan trilateral pada Jumat (15/11/2024). Dalam pidatonya, Yoon Suk Yeol "
           "menyebut pengiriman tentara itu ancaman langsung.", "menyebut", date(2024, 11, 15)),
    ("en", "South Korean lawmakers pressed the defence minister on Wednesday, Nov. 20, over arms for Ukraine. At a "
           "session of the defence committee, lawmakers asked whether a decision had been made.", "asked",
     date(2024, 11, 20)),  # a session told with no day: the lead's
])
def test_a_statement_at_a_meeting_told_before_with_its_day_is_of_that_day(language, text, cue, day):
    article = parse_article(f"---\npublished: 2024-11-22\nlanguage: {language}\n---\n{text}\n", "a.txt")
    [said] = [s for s in extract(article).statements if s.cue.text == cue]
    assert (said.time.begin if said.time else None) == day


@pytest.mark.parametrize(("language", "text", "said"), [
    ("en", "Ukraine's military intelligence said on Sunday that about 30 North Koreans were killed, and President "
           "Zelensky said on Monday that their losses were heavy.", "about 30 North Koreans were killed"),
    ("id", "NIS mengatakan pada Minggu bahwa 30 tentara Korea Utara tewas, dan Presiden Zelensky mengatakan pada Senin "
           "bahwa kerugian mereka besar.", "30 tentara Korea Utara tewas"),
])
def test_a_speaker_joined_after_a_comma_speaks_for_himself_on_his_own_day(language, text, said):
    """'X said on Sunday that …, and Y said on Monday that …': Y's words and Y's Monday are
    not in what X said, so Monday counts from publication (Friday 20 December), not from Sunday."""
    first, second = _statements(language, text, "2024-12-20")
    assert first.content.text == said
    assert (first.time.begin, second.time.begin) == (date(2024, 12, 15), date(2024, 12, 16))


@pytest.mark.parametrize(("language", "text", "said"), [
    ("en", "Japan's foreign ministry on Friday condemned the transfer of troops, a day after Pyongyang's state media "
           "confirmed the move.", "the transfer of troops"),
    ("id", "Kementerian Luar Negeri Jepang pada Jumat mengecam pengiriman pasukan itu, sehari setelah media "
           "pemerintah Korea Utara mengonfirmasi kabar tersebut.", "pengiriman pasukan itu"),
])
def test_a_time_clause_the_writer_adds_after_a_comma_is_not_what_was_said(language, text, said):
    """'X condemned A on Friday, a day after Y confirmed B': the clause after the comma is the
    writer's, with Y's statement in it, of Thursday; neither is part of what X said, nor is A
    what Y confirmed."""
    first, second = _statements(language, text, "2024-12-20")
    assert first.content.text == said
    assert second.content.text in ("the move", "kabar tersebut")
    assert (first.time.begin, second.time.begin) == (date(2024, 12, 20), date(2024, 12, 19))


@pytest.mark.parametrize(("language", "text"), [
    ("id", "NIS mengatakan pada Kamis pekan lalu bahwa 100 tentara Korea Utara tewas."),
    ("id", "Mengutip Yonhap, Jumat (20/12/2024), NIS dalam rapat pada Kamis pekan lalu menyebut 100 tentara tewas."),
    ("en", "As quoted by Reuters on Friday, Dec. 20, the NIS said last Thursday that 100 soldiers had been killed."),
])
def test_a_statements_own_day_counts_from_publication_not_from_itself_nor_a_citation(language, text):
    """Published on Wednesday 25 December: "Thursday last week" is the 19th. Read again as a
    time inside what was said, it counted back a week from itself (the 12th); counted from
    the day a citation names (Friday the 20th), likewise. Nor does the outlet cited speak."""
    [said] = _statements(language, text, "2024-12-25")
    assert said.speakers == ["nis"]
    assert said.time.begin == date(2024, 12, 19)
    assert "Yonhap" not in said.content.text and "Reuters" not in said.content.text


def test_what_is_said_before_the_speaker_begins_after_a_colon():
    """'Both came last month: X did A, KCNA reported on Nov. 12.': the writer's words before the
    colon are not what KCNA said, and their "last month" counts from publication (December)."""
    text = "Both ratifications came last month: Kim approved the treaty by decree, KCNA reported on Nov. 12."
    x = extract(parse_article(f"---\npublished: 2024-12-05\nlanguage: en\n---\n{text}\n", "a.txt"))
    [said] = x.statements
    assert said.content.text == "Kim approved the treaty by decree"
    assert [t.value for t in x.times if t.span.text == "last month"] == ["2024-11"]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "A Seoul analyst told us the pact changes little."),
    ("en", "A Seoul analyst told Example Daily the pact changes little."),
    ("id", "Seorang pengamat di Seoul mengatakan kepada kami bahwa traktat itu tidak banyak mengubah."),
])
def test_what_was_told_to_the_outlet_itself_was_said_by_the_day_it_published(language, text):
    article = parse_article(f"---\npublished: 2024-12-05\nlanguage: {language}\npublisher: Example Daily\n---\n{text}\n",
                            "a.txt")
    [said] = extract(article).statements
    assert (said.time.begin, said.time.end) == (None, date(2024, 12, 5))


@pytest.mark.parametrize(("language", "text", "cue"), [
    ("en", "The NIS revealed the deployment of 1,500 special forces to Russia's Far East on Oct. 18.", "revealed"),
    ("id", "NIS mengungkap pengiriman sekitar 1.500 pasukan khusus ke Timur Jauh Rusia pada 18 Oktober.", "mengungkap"),
])
def test_a_day_after_an_event_named_as_a_noun_dates_the_telling(language, text, cue):
    """The deployment was revealed on 18 October, and happened by then."""
    [said] = _statements(language, text, "2024-12-25")
    assert (said.cue.text, said.time.begin) == (cue, date(2024, 10, 18))


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Seoul said on Monday the troops had moved. The Kremlin repeatedly declined to comment."),
    ("id", "Seoul pada Senin mengatakan pasukan itu telah pindah. Kremlin berulang kali menolak berkomentar soal itu."),
])
def test_what_is_said_again_and_again_was_said_by_the_day_of_publication(language, text):
    """Not on the Monday just told: on no one occasion, and by the day the article appeared."""
    said = _statements(language, text, "2024-12-25")[-1]
    assert (said.time.begin, said.time.end) == (None, date(2024, 12, 25))


def test_a_podcast_guest_speaks_by_role_on_the_day_it_went_out():
    """'GUEST: …' lines of a transcript whose introduction tells no day: the guest speaks (an
    actor known by the role), on the day of publication; what the guest tells that someone
    else said on a day of its own is that speaker's report, and its events are bounded by it."""
    text = ("HOST: Welcome back. My guest is an analyst in Seoul.\nGUEST: Thanks for having me.\n"
            "HOST: And the toll?\nGUEST: South Korea's spy agency said on Sunday that 30 soldiers were killed. "
            "I think the real number is higher.\n")
    x = extract(parse_article(f"---\npublished: 2024-12-20\nlanguage: en\n---\n{text}\n", "a.txt"))
    said = [(s.speakers, s.cue.text, str(s.time.day)) for s in x.statements]
    assert said == [(["guest"], "GUEST:", "2024-12-20"), (["guest"], "GUEST:", "2024-12-20"),
                    (["nis"], "said", "2024-12-15"), (["guest"], "I think", "2024-12-20")]
    [killed] = [e for e in x.events if e.trigger.text == "killed"]
    assert (killed.time.begin, killed.time.end) == (None, date(2024, 12, 15))


def test_a_live_pages_time_stamp_opens_an_entry_read_afresh():
    """'14:05 GMT' alone on a line: a new entry of a live page, where the day heard in the
    entry before ("In January, it told lawmakers") dates nothing, and what is said with no day
    of its own is of the day the entry was posted (the page's)."""
    text = ("16:15 GMT\nSouth Korea's spy agency said in January that 300 soldiers had been killed.\n"
            "14:05 GMT\nValery Gerasimov praised the North Korean soldiers. He said they fought bravely.")
    said = _statements("en", text, "2025-04-26")
    assert [(s.speakers, s.time.value if s.time else None) for s in said] == [
        (["nis"], "2025-01"), (["valery-gerasimov"], "2025-04-26"), (["valery-gerasimov"], "2025-04-26")]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "KCNA reported on Monday that troops had been sent. Two days earlier, Valery Gerasimov had claimed that "
           "Kursk was retaken."),
    ("id", "KCNA melaporkan pada Senin bahwa pasukan dikirim. Dua hari sebelumnya, Valery Gerasimov mengklaim "
           "Kursk direbut kembali."),
])
def test_days_earlier_count_back_from_the_day_just_told(language, text):
    """'Two days earlier', 'Dua hari sebelumnya': two days before Monday 28 April."""
    assert [str(s.time.day) for s in _statements(language, text, "2025-04-29")] == ["2025-04-28", "2025-04-26"]


@pytest.mark.parametrize(("language", "text"), [
    ("id", "Antony Blinken mengatakan dalam konferensi pers di Washington, Kamis (31/10/2024), bahwa 8.000 tentara "
           "sudah berada di Kursk. Lloyd Austin menambahkan, tentara itu dapat menjadi sasaran."),
    ("en", "Antony Blinken said on Thursday, Oct. 31, that 8,000 troops were in Kursk. Lloyd Austin added that they "
           "would be legitimate targets."),
])
def test_a_new_speaker_who_adds_speaks_on_the_occasion_just_told(language, text):
    """'Austin added': one more voice at the press conference Blinken spoke at, that day."""
    assert [str(s.time.day) for s in _statements(language, text, "2024-11-01")] == ["2024-10-31", "2024-10-31"]


@pytest.mark.parametrize(("language", "text"), [
    ("id", "Usai rapat tertutup, Kamis (27/2/2025), dua anggota komite bergantian menjawab pertanyaan wartawan. "
           "\"Unit-unit itu kembali ke garis depan,\" ujar anggota komite dari Partai Kekuatan Rakyat."),
    ("en", "After the closed-door meeting on Thursday, Feb. 27, two committee members took questions from reporters. "
           "\"The units are back at the front,\" said a committee member from the ruling party."),
])
def test_a_scene_at_an_occasion_dates_who_speaks_there_next(language, text):
    """A sentence that sets a scene at an occasion with its day and says nothing ("After the
    meeting on Thursday, two members took questions"): who speaks next speaks there, that day."""
    assert [str(s.time.day) if s.time else None for s in _statements(language, text, "2025-02-28")] == ["2025-02-27"]


def _statements(language: str, text: str, published: str) -> list:
    """The statements of ``text`` as an article of ``language`` published on ``published``."""
    return extract(parse_article(f"---\npublished: {published}\nlanguage: {language}\n---\n{text}\n", "a.txt")).statements


@pytest.mark.parametrize("text", [
    "About 300 soldiers have died, South Korea's spy agency told lawmakers on Wednesday, giving its first count.",
    "About 300 soldiers have died, South Korea's spy agency told reporters, in its first count of the losses so far.",
])
def test_what_is_told_before_an_audience_and_a_time_is_the_content_not_what_follows(text):
    """"…, X told lawmakers on Wednesday, giving …": the cue's clause ends at the comma after its
    audience and its time; what was told is the clause before the speaker."""
    article = parse_article(f"---\npublished: {PUBLISHED}\nlanguage: en\n---\n{text}\n", "a.txt")
    [told] = [s for s in extract(article).statements if s.cue.text == "told"]
    assert told.content.text == "About 300 soldiers have died"
    assert told.time is None or told.time.day == date(2024, 10, 23)


@pytest.mark.parametrize(("text", "day"), [
    ("The SBU said in a statement that the soldiers were seized on Thursday.", None),
    ("The SBU said the soldiers were seized on Thursday.", None),
    ("The SBU confirmed the capture on Thursday.", date(2024, 10, 24)),  # a short object: the confirming's day
])
def test_a_day_in_a_passive_clause_of_what_was_said_dates_that_clause_not_the_saying(text, day):
    article = parse_article(f"---\npublished: {PUBLISHED}\nlanguage: en\n---\n{text}\n", "a.txt")
    [said] = extract(article).statements
    assert (said.time.day if said.time else None) == day


@pytest.mark.parametrize("text", [
    "South Korea's spy agency told lawmakers on Oct. 23 that about 3,000 troops had left.",
    "South Korea's spy agency said on Oct. 23 that about 3,000 troops had left.",
])
def test_a_months_abbreviation_does_not_end_the_clause_before_that(text):
    """'on Oct. 23 that …': the stop of "Oct." is no clause's end, so the day dates the telling and
    what was told begins after "that"."""
    article = parse_article(f"---\npublished: {PUBLISHED}\nlanguage: en\n---\n{text}\n", "a.txt")
    [said] = extract(article).statements
    assert said.time.day == date(2024, 10, 23)
    assert said.content.text == "about 3,000 troops had left"


@pytest.mark.parametrize(("language", "text", "cue"), [
    ("id", "Seorang anggota komite mengatakan kepada wartawan bahwa, menurut NIS, pasukan itu ditarik sejak "
           "pertengahan Oktober.", "menurut"),
    ("en", "A committee member told reporters that, according to the NIS, the units were pulled back in "
           "mid-October.", "according to"),
])
def test_according_to_after_that_introduces_what_follows_not_what_came_before(language, text, cue):
    """'… told reporters that, according to X, …': X's words are what follows, and their day is no
    day of the telling."""
    article = parse_article(f"---\npublished: {PUBLISHED}\nlanguage: {language}\n---\n{text}\n", "a.txt")
    [said] = [s for s in extract(article).statements if s.cue.text.casefold() == cue]
    assert said.speakers == ["nis"]
    assert said.content.start > said.cue.end and said.time is None
