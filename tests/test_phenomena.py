"""One small test per construction in shared/PHENOMENA.md.

Every sentence is made up (North Korean troops in Russia, 2024-25), in Indonesian and
English; each test reads a tiny article through ``parse_article`` and ``extract``.
"""
from datetime import date

import pytest
from rdflib import RDF, RDFS

from kg.extract.document import extract
from kg.formats import merged
from kg.ingest import parse_article
from kg.rdf import actor_iri, to_quads
from kg.validate import validate
from kg.vocab import KGO, SEM

PUBLISHED = "2024-11-12"  # a Tuesday


def read(lang: str, body: str, published: str | None = PUBLISHED):
    """Extract a tiny article; ``published=None`` leaves the date out of the front matter."""
    head = f"---\nlanguage: {lang}\n" + (f"published: {published}\n" if published else "") + "---\n"
    return extract(parse_article(head + body, "t.txt"))


def event(x, trigger: str):
    return next(e for e in x.events if e.trigger.text == trigger)


# --- who said it -----------------------------------------------------------------------------

# (language, text, quote of the last statement); the speaker is always Mark Rutte
QUOTE_FIRST = [
    ("id", '"Pasukan Korea Utara sudah berada di Kursk," kata Mark Rutte.',
     "Pasukan Korea Utara sudah berada di Kursk"),
    ("id", 'Mark Rutte mengatakan pasukan Korea Utara sudah tiba di Rusia. "Mereka sudah bertempur di Kursk," ujarnya.',
     "Mereka sudah bertempur di Kursk"),
    ("id", 'Mark Rutte mengatakan pasukan Korea Utara sudah tiba di Rusia. "Mereka sudah bertempur di Kursk," katanya.',
     "Mereka sudah bertempur di Kursk"),
    ("id", 'Mark Rutte mengatakan pasukan Korea Utara sudah tiba di Rusia. "Ini eskalasi yang berbahaya," tegasnya.',
     "Ini eskalasi yang berbahaya"),
    ("id", '"Kami melihat pasukan bergerak," kata Mark Rutte. "Jumlahnya terus bertambah," imbuh dia.',
     "Jumlahnya terus bertambah"),
    ("en", '"North Korean troops are in Kursk," Mark Rutte said.', "North Korean troops are in Kursk"),
    ("en", '"North Korean troops are in Kursk," said Mark Rutte.', "North Korean troops are in Kursk"),
]


@pytest.mark.parametrize("lang,text,quote", QUOTE_FIRST)
def test_quote_first(lang, text, quote):
    got = [(s.speakers, s.direct, s.quote.text if s.quote else None) for s in read(lang, text).statements]
    assert got[-1:] == [(["mark-rutte"], True, quote)], got


# (language, text, speaker, kind, content)
SPEAKER_FIRST = [
    ("en", "Vedant Patel put the total at more than 10,000.", "vedant-patel", "claim", "at more than 10,000"),
    ("en", "Dmitry Peskov referred questions about the troops to the Defence Ministry.", "dmitry-peskov", "claim",
     "about the troops to the Defence Ministry"),
    ("en", "Dmitry Peskov reiterated that the treaty was lawful.", "dmitry-peskov", "claim", "the treaty was lawful"),
    ("en", "Kim Jong Un promised that Pyongyang would stand with Moscow.", "kim-jong-un", "claim",
     "Pyongyang would stand with Moscow"),
    ("id", "Dmitry Peskov mengulangi bahwa traktat itu sah.", "dmitry-peskov", "claim", "traktat itu sah"),
    ("en", "The NIS blamed the losses on open terrain.", "nis", "claim", "the losses on open terrain"),
    ("id", "NIS menyalahkan medan terbuka atas tingginya korban.", "nis", "claim", "medan terbuka atas tingginya korban"),
    ("id", "Pentagon menaksir jumlah tentara Korea Utara di Rusia sekitar 10.000 orang.", "us-defense-department", "claim",
     "jumlah tentara Korea Utara di Rusia sekitar 10.000 orang"),
    ("id", "Andrii Sybiha mengingatkan bahwa tentara Korea Utara bisa segera dikirim ke Kursk.", "andrii-sybiha", "warning",
     "tentara Korea Utara bisa segera dikirim ke Kursk"),
    ("id", "Volodymyr Zelensky menawarkan untuk menukar dua tawanan Korea Utara.", "volodymyr-zelenskyy", "demand",
     "untuk menukar dua tawanan Korea Utara"),
    ("en", "Volodymyr Zelensky has offered to swap the two captured soldiers.", "volodymyr-zelenskyy", "demand",
     "to swap the two captured soldiers"),
    ("en", "Volodymyr Zelensky spoke on Sunday, offering to swap the two captured soldiers.", "volodymyr-zelenskyy",
     "demand", "swap the two captured soldiers"),
    ("en", "Volodymyr Zelensky spoke on Sunday, urging allies to send more air defence.", "volodymyr-zelenskyy",
     "demand", "allies to send more air defence"),
    ("id", "Valery Gerasimov melapor kepada Putin bahwa Kursk sudah direbut kembali.", "valery-gerasimov", "claim",
     "Kursk sudah direbut kembali"),
    ("id", "Mark Rutte mengatakan bahwa pasukan Korea Utara telah dikirim ke Kursk.",
     "mark-rutte", "claim", "pasukan Korea Utara telah dikirim ke Kursk"),
    ("id", "Kementerian Pertahanan Rusia mengonfirmasi bahwa pasukan Korea Utara berlatih di Timur Jauh.",
     "russian-defense-ministry", "confirmation", "pasukan Korea Utara berlatih di Timur Jauh"),
    ("id", "Badan Intelijen Nasional mengkonfirmasi bahwa pasukan Korea Utara berlatih di Timur Jauh.",
     "nis", "confirmation", "pasukan Korea Utara berlatih di Timur Jauh"),
    ("en", "Mark Rutte told reporters that North Korean troops had been deployed to Kursk.",
     "mark-rutte", "claim", "North Korean troops had been deployed to Kursk"),
    ("en", "The Pentagon confirmed that North Korean troops were in Kursk.",
     "us-defense-department", "confirmation", "North Korean troops were in Kursk"),
]


@pytest.mark.parametrize("lang,text,speaker,kind,content", SPEAKER_FIRST)
def test_speaker_first(lang, text, speaker, kind, content):
    [s] = read(lang, text).statements
    assert (s.speakers, s.kind, s.direct, s.content.text) == ([speaker], kind, False, content)


@pytest.mark.parametrize("lang,text,audience", [
    ("id", '"Pasukan itu sudah berada di Kursk," kata Mark Rutte kepada wartawan.', "wartawan"),
    ("id", "Vladimir Putin mengatakan kepada wartawan bahwa perjanjian dengan Korea Utara sah.", "wartawan"),
    ("id", "Sergei Shoigu mengatakan kepada awak media bahwa pasukan sudah tiba.", "awak media"),
    ("en", "Mark Rutte told reporters that North Korean troops had been deployed to Kursk.", "reporters"),
    ("en", '"We are watching," Jane Roe told a news conference in Seoul.', "a news conference"),
])
def test_the_press_is_an_audience_not_an_actor(lang, text, audience):
    """'told reporters': the statement's audience, a span; the press is no actor of the story."""
    x = read(lang, text)
    [s] = x.statements
    assert (s.addressees, s.audience.text) == ([], audience)
    assert audience.casefold() not in {a.label.casefold() for a in x.actors.values()}


@pytest.mark.parametrize("lang,text,addressee", [
    ("en", "Jane Roe told lawmakers that North Korean troops had been deployed to Kursk.", "lawmakers"),
    ("id", "Kepala NIS mengatakan kepada anggota parlemen bahwa pasukan sudah tiba di Kursk.", "anggota parlemen"),
])
def test_a_group_told_is_an_addressee(lang, text, addressee):
    [s] = read(lang, text).statements
    assert (s.addressees, s.audience) == ([addressee.replace(" ", "-")], None)


# (language, text, speaker, content of the last statement)
ACCORDING_TO = [
    ("id", "Menurut Mark Rutte, pasukan Korea Utara sudah dikirim ke Kursk.",
     "mark-rutte", "pasukan Korea Utara sudah dikirim ke Kursk"),
    ("id", "Mark Rutte berbicara di Brussel pada Senin. Menurutnya, pasukan Korea Utara sudah dikirim ke Kursk.",
     "mark-rutte", "pasukan Korea Utara sudah dikirim ke Kursk"),
    ("id", "Pasukan Korea Utara sudah tiba di Kursk, menurut laporan NIS.",
     "nis", "Pasukan Korea Utara sudah tiba di Kursk"),
    ("en", "According to the NIS, North Korean troops were sent to Russia.",
     "nis", "North Korean troops were sent to Russia"),
    ("en", "North Korean troops were sent to Russia, according to the NIS.",
     "nis", "North Korean troops were sent to Russia"),
]


@pytest.mark.parametrize("lang,text,speaker,content", ACCORDING_TO)
def test_according_to(lang, text, speaker, content):
    last = read(lang, text).statements[-1]
    assert (last.speakers, last.direct, last.content.text) == ([speaker], False, content)


@pytest.mark.parametrize("lang,text,speaker,direct,trigger", [
    ("id", "Dalam pernyataan NIS, pasukan Korea Utara disebut telah tiba di Vladivostok.", "nis", False, "tiba"),
    ("id", '"Sekitar 1.500 tentara telah dikirim," bunyi pernyataan SBU.', "sbu", True, "dikirim"),
    ("en", 'The SBU said on Friday that North Korean troops had arrived in Kursk. '
           '"Some 1,500 troops have been sent," the statement read.', "sbu", True, "sent"),
])
def test_verbless_document_speaks(lang, text, speaker, direct, trigger):
    """No speech verb: the document of X says it, and what it says is reported."""
    x = read(lang, text)
    last = x.statements[-1]
    assert (last.speakers, last.direct) == ([speaker], direct)
    assert event(x, trigger).id in last.events and event(x, trigger).factuality == "reported"


@pytest.mark.parametrize("lang,text,content", [
    ("id", "Mark Rutte mengatakan pasukan Korea Utara telah dikirim ke Kursk. "
           "Disebutkan pula bahwa mereka berlatih di Timur Jauh.", "mereka berlatih di Timur Jauh"),
    ("en", "Mark Rutte said North Korean troops had been sent to Kursk. "
           "It was also said that the troops had arrived in Vladivostok.", "the troops had arrived in Vladivostok"),
])
def test_agentless_passive_takes_the_previous_speaker(lang, text, content):
    first, second = read(lang, text).statements
    assert (first.implicit, second.implicit) == (False, True)
    assert (second.speakers, second.content.text) == (["mark-rutte"], content)


@pytest.mark.parametrize("lang,text,speaker", [
    ("id", "Kremlin belum mengonfirmasi pengerahan pasukan Korea Utara.", "kremlin"),
    ("id", "Kementerian Pertahanan Rusia tak berkomentar soal pasukan Korea Utara.", "russian-defense-ministry"),
    ("en", "The Kremlin has not commented on the deployment of North Korean troops.", "kremlin"),
])
def test_negated_reporting(lang, text, speaker):
    [s] = read(lang, text).statements
    assert (s.speakers, s.negated) == ([speaker], True)


def test_negated_confirmation_leaves_the_event_unconfirmed():
    x = read("id", "Kremlin belum mengonfirmasi pengerahan pasukan Korea Utara.")
    assert (x.statements[0].kind, event(x, "pengerahan").factuality) == ("confirmation", "unconfirmed")


def test_nested_speech_gives_both_levels():
    x = read("en", "KCNA quoted Kim Jong Un as saying that the troops fought bravely in Kursk.")
    assert [(s.speakers, s.via) for s in x.statements] == [(["kcna"], ""), (["kim-jong-un"], "kcna")]


@pytest.mark.parametrize("lang,text,title", [
    ("en", "A Pentagon spokesperson said North Korean troops were training in Russia.", "spokesperson"),
    ("id", "Seorang juru bicara Pentagon mengatakan pasukan Korea Utara berlatih di Rusia.", "juru bicara"),
])
def test_role_as_speaker(lang, text, title):
    x = read(lang, text)
    [s] = x.statements
    speaker = x.actors[s.speakers[0]]
    assert (speaker.type, speaker.title, speaker.affiliation) == ("person", title, "us-defense-department")


def test_cataphoric_content_is_reported():
    x = read("en", "Troops were sent to Kursk, NATO Secretary General Mark Rutte said on Monday.")
    [s] = x.statements
    assert (s.speakers, s.content.text, s.time.value) == (["mark-rutte"], "Troops were sent to Kursk", "2024-11-11")
    sent = event(x, "sent")
    assert (sent.factuality, sent.id in s.events) == ("reported", True)


@pytest.mark.parametrize("lang,text", [
    ("id", "Mark Rutte mengatakan bahwa pasukan Korea Utara sudah tiba di Rusia. "
           "Dia menambahkan bahwa mereka akan dikirim ke Kursk."),
    ("en", "Mark Rutte said North Korean troops had arrived in Russia. He added that they would be sent to Kursk."),
])
def test_pronoun_continues_the_last_speaker(lang, text):
    first, second = read(lang, text).statements
    assert second.speakers == first.speakers == ["mark-rutte"]
    assert second.speaker_mention.text in ("Dia", "He")


@pytest.mark.parametrize("lang,text,title", [
    ("id", "Juru bicara Pentagon Sabrina Singh mengatakan pasukan itu bergerak ke Kursk.", "Juru bicara"),
    ("en", "Pentagon spokesperson Sabrina Singh said the troops were moving to Kursk.", "spokesperson"),
    ("en", "Sabrina Singh, a Pentagon spokesperson, said the troops were moving to Kursk.", "spokesperson"),
])
def test_unknown_person_found_from_title(lang, text, title):
    x = read(lang, text)
    singh = x.actors.get("sabrina-singh")
    assert singh is not None, sorted(x.actors)
    assert (singh.type, singh.title, singh.affiliation) == ("person", title, "us-defense-department")
    assert x.statements[0].speakers == ["sabrina-singh"]


@pytest.mark.parametrize("lang,text", [
    ("id", "Juru bicara Sekjen NATO Farah Dahlan mengatakan bahwa pasukan Korea Utara sudah tiba di Kursk."),
    ("en", "A spokesperson for NATO Secretary General Mark Rutte said the troops had arrived in Kursk."),
])
def test_spokesperson_speaks_for_principal(lang, text):
    [s] = read(lang, text).statements
    assert s.principal == "mark-rutte"


@pytest.mark.parametrize("lang,text", [
    ("id", "Juru bicara Sekretaris Jenderal PBB, Stephane Dujarric, mengatakan ribuan tentara telah tiba."),
    ("id", "Seorang juru bicara Sekjen PBB mengatakan bahwa pasukan itu sudah berada di Kursk."),
    ("en", "A spokesperson for the UN Secretary-General, Stephane Dujarric, said thousands of troops had arrived."),
    ("en", "Stephane Dujarric, spokesperson for the UN Secretary-General, said the troops were in Kursk."),
])
def test_a_principal_never_named_is_still_an_actor_of_the_graph(lang, text):
    """The graph names the principal a statement is made for, and so has it as an actor,
    labelled, even when the article never names it (else the graph breaks its shapes)."""
    x = read(lang, text)
    [s] = x.statements
    graph = merged(to_quads([x]))
    principal = actor_iri(s.principal)
    assert s.principal == "antonio-guterres" and s.principal not in x.actors
    assert (None, KGO.onBehalfOf, principal) in graph
    assert (principal, RDF.type, SEM.Actor) in graph and graph.value(principal, RDFS.label) is not None
    assert validate(graph).conforms, validate(graph).text


@pytest.mark.parametrize("lang,text", [
    ("id", "Pemimpin Korea Utara Kim Jong Un mengunjungi pasukan itu. Kim, seorang pembelot yang tinggal "
           "di Seoul, mengatakan bahwa tentara muda itu tidak tahu tujuan mereka."),
    ("en", "North Korean leader Kim Jong Un visited the troops. Kim, a defector living in Seoul, "
           "said the young soldiers did not know where they were going."),
])
def test_another_kim_is_not_kim_jong_un(lang, text):
    x = read(lang, text)
    assert [m.text for m in x.actors["kim-jong-un"].mentions] == ["Kim Jong Un"]
    assert all("kim-jong-un" not in s.speakers for s in x.statements)


@pytest.mark.parametrize("text,said", [
    ('"Pasukan itu sudah bertempur," kata Mark Rutte, seperti dikutip dari Reuters, Minggu (12/1/2025).', None),
    ("Mark Rutte mengatakan pasukan itu sudah bertempur, seperti dikutip dari Reuters, Minggu (12/1/2025).", None),
    ("Mark Rutte pada Jumat (10/1/2025) mengatakan pasukan itu sudah bertempur, "
     "seperti dikutip dari Reuters, Minggu (12/1/2025).", date(2025, 1, 10)),
])
def test_citation_date_dates_neither_statement_nor_event(text, said):
    """'seperti dikutip dari Reuters, Minggu (12/1/2025)' dates the citation only."""
    x = read("id", text, "2025-01-13")
    [s] = x.statements
    assert (s.time.end if s.time else None) == said
    fought = event(x, "bertempur")
    assert fought.time is None or date(2025, 1, 12) not in (fought.time.begin, fought.time.end)


# --- when -----------------------------------------------------------------------------------

# (language, text, publication date, span, value, granularity)
TIMES = [
    ("id", "Mark Rutte pada Selasa (5/11/2024) mengatakan pasukan itu sudah tiba.", "2024-11-06",
     "Selasa (5/11/2024)", "2024-11-05", "day"),
    ("id", "Mark Rutte pada Jumat (18/10) mengatakan pasukan itu sudah tiba.", "2024-10-20",
     "Jumat (18/10)", "2024-10-18", "day"),
    ("id", "Pada Rabu, 23 Oktober 2024, pasukan itu tiba di Vladivostok.", PUBLISHED,
     "Rabu, 23 Oktober 2024", "2024-10-23", "day"),
    ("id", "Pasukan itu berlatih sejak Oktober 2024 di Timur Jauh.", PUBLISHED, "Oktober 2024", "2024-10", "month"),
    ("id", "Pasukan itu tiba di Kursk pekan lalu.", PUBLISHED, "pekan lalu", "2024-W45", "week"),
    ("id", "Pasukan itu tiba di Kursk kemarin.", PUBLISHED, "kemarin", "2024-11-11", "day"),
    ("id", "Serangan selama musim gugur 2024 melibatkan pasukan Korea Utara.", "2024-12-12",
     "musim gugur 2024", "2024-FA", "season"),
    ("id", "Pasukan itu diperkirakan akan bertempur dalam beberapa hari mendatang.", PUBLISHED,
     "dalam beberapa hari mendatang", "2024-11-13/2024-11-19", "window"),
    ("id", "Pasukan itu tiba di Vladivostok pada 23 Okt 2024.", PUBLISHED, "23 Okt 2024", "2024-10-23", "day"),
    ("id", "Rapat pada 5 Nop 2024 membahas pengiriman pasukan.", PUBLISHED, "5 Nop 2024", "2024-11-05", "day"),
    ("en", "The troops arrived in Kursk on Monday.", "2024-11-14", "Monday", "2024-11-11", "day"),
    ("en", "The troops were seen Oct. 8 near the border.", PUBLISHED, "Oct. 8", "2024-10-08", "day"),
    ("en", "Two soldiers were captured on Jan. 11, 2025 in Kursk.", "2025-01-13", "Jan. 11, 2025", "2025-01-11", "day"),
    ("en", "Fighting on October 27-28 left dozens dead.", PUBLISHED, "October 27-28", "2024-10-27/2024-10-28", "range"),
    ("en", "The troops moved to Kursk last week.", PUBLISHED, "last week", "2024-W45", "week"),
    ("en", "The troops could join the fighting in the coming days.", PUBLISHED,
     "in the coming days", "2024-11-13/2024-11-19", "window"),
    ("en", "The troops were seen near the border on Nov. 3.", None, "Nov. 3", "--11-03", "day"),
    ("id", "Pasukan itu terlihat di perbatasan pada Minggu (3/11).", None, "Minggu (3/11)", "--11-03", "day"),
]


@pytest.mark.parametrize("lang,text,published,span,value,granularity", TIMES)
def test_date_forms(lang, text, published, span, value, granularity):
    x = read(lang, text, published)
    got = {t.span.text: (t.value, t.granularity) for t in x.times}
    assert got.get(span) == (value, granularity), got


@pytest.mark.parametrize("lang,text", [
    ("id", "Pasukan itu diperkirakan akan bertempur dalam beberapa hari mendatang."),
    ("en", "The troops could join the fighting in the coming days."),
])
def test_future_window_lies_after_publication(lang, text):
    [t] = read(lang, text).times
    assert (t.future, t.begin, t.end) == (True, date(2024, 11, 13), date(2024, 11, 19))


def test_yearless_date_without_anchor_has_no_bounds():
    [t] = read("en", "The troops were seen near the border on Nov. 3.", None).times
    assert (t.begin, t.end) == (None, None)


def test_page_header_gives_the_publication_date():
    x = read("id", "SENIN, 06 JANUARI 2025 | 14:56 WIB\nPasukan Korea Utara ditarik dari garis depan.", None)
    assert (x.article.published, "published" in x.article.inferred) == (date(2025, 1, 6), True)


def test_bare_weekday_is_the_statement_date():
    [s] = read("en", "Mark Rutte said on Monday that North Korean troops were in Kursk.", "2024-11-14").statements
    assert (s.time.span.text, s.time.value, s.time.anchor) == ("Monday", "2024-11-11", "publication")


# --- numbers --------------------------------------------------------------------------------

# (language, text, value, qualifier, unit, upper)
NUMBERS = [
    ("id", "Sebanyak 1.500 tentara Korea Utara tiba di Vladivostok.", 1500, "exact", "troops", None),
    ("id", "Korea Utara telah mengirim 10.900 tentara ke Rusia.", 10900, "exact", "troops", None),
    ("id", "Lebih dari 10.000 tentara Korea Utara dikirim ke Rusia.", 10000, "more_than", "troops", None),
    ("id", "Sekitar 3.000 tentara Korea Utara tewas di Kursk.", 3000, "about", "troops", None),
    ("id", "Korea Utara bisa mengirim 30-40 ribu tentara lagi.", 30000, "range", "troops", 40000),
    ("id", "Korea Utara mengirim 1.500 pasukan khusus ke Vladivostok.", 1500, "exact", "special_forces", None),
    ("en", "Some 1,500 North Korean troops arrived in Vladivostok.", 1500, "about", "troops", None),
    ("en", "Some 15-hundred North Korean troops arrived in Vladivostok.", 1500, "about", "troops", None),
    ("en", "North Korea sent eight thousand soldiers to Kursk.", 8000, "exact", "troops", None),
    ("en", "At least 1,000 North Korean soldiers were killed.", 1000, "at_least", "troops", None),
    ("en", "Up to 12,000 North Korean troops could be deployed.", 12000, "up_to", "troops", None),
    ("en", "The U.S. estimates that 11,000 to 12,000 North Korean soldiers were sent.", 11000, "range", "troops", 12000),
    ("en", "Between 11,000 and 12,000 North Korean troops were sent to Russia.", 11000, "range", "troops", 12000),
    ("id", "Sebanyak 10.000 hingga 12.000 tentara Korut dikirim ke Rusia.", 10000, "range", "troops", 12000),
    ("id", "Antara 11.000 dan 12.000 tentara Korea Utara dikirim ke Rusia.", 11000, "range", "troops", 12000),
]


@pytest.mark.parametrize("lang,text,value,qualifier,unit,upper", NUMBERS)
def test_quantity(lang, text, value, qualifier, unit, upper):
    [q] = read(lang, text).quantities
    assert (q.value, q.qualifier, q.unit, q.upper) == (value, qualifier, unit, upper)


@pytest.mark.parametrize("lang,text,value", [(r[0], r[1], r[2]) for r in NUMBERS])
def test_event_carries_its_quantity(lang, text, value):
    x = read(lang, text)
    assert [e.quantity.value if e.quantity else None for e in x.events] == [value], \
        [(e.trigger.text, e.quantity) for e in x.events]


@pytest.mark.parametrize("lang,text,value,qualifier,unit", [
    ("en", "Seoul's defence ministry put the number of North Korean soldiers in Russia at roughly 11,000.", 11000,
     "about", "troops"),
    ("en", "Officials expect the total of troops sent abroad to reach 15,000.", 15000, "exact", "troops"),
    ("en", "Kyiv put the death toll at more than 1,000.", 1000, "more_than", "killed"),
    ("id", "Jumlah prajurit Korut yang dikirim ke Rusia diperkirakan sekitar 11.000.", 11000, "about", "troops"),
    ("id", "Menurut NIS, jumlah tentara yang tewas mencapai 600.", 600, "exact", "killed"),
])
def test_a_bare_figure_counts_what_its_figure_word_names(lang, text, value, qualifier, unit):
    """'put the number of soldiers … at roughly 11,000': the unit is written before the number."""
    [q] = read(lang, text).quantities
    assert (q.value, q.qualifier, q.unit) == (value, qualifier, unit)


@pytest.mark.parametrize("lang,text", [
    ("en", "The figure rose to 12 in May, the troops said."),  # no unit after the figure word
    ("en", "The number of troops rose from 3,000 to 10,000."),  # another number between: which counts what?
    ("id", "Pasukan Korut tiba pada pukul 10 dan jumlahnya mencapai 4."),  # the unit before the figure word
])
def test_a_bare_figure_without_its_unit_counts_nothing(lang, text):
    assert [(q.span.text, q.unit) for q in read(lang, text).quantities] == []


# --- how sure -------------------------------------------------------------------------------

@pytest.mark.parametrize("lang,text,trigger,factuality", [
    ("id", "Pasukan Korea Utara tiba di Vladivostok.", "tiba", "asserted"),
    ("id", "Pasukan Korea Utara diperkirakan akan dikirim ke Kursk.", "dikirim", "possible"),
    ("en", "North Korean troops could be deployed to Kursk.", "deployed", "possible"),
    ("id", "Pasukan Korea Utara diduga bertempur di Kursk.", "bertempur", "unconfirmed"),
    ("en", "North Korean troops reportedly fought in Kursk.", "fought", "unconfirmed"),
    ("id", "Pasukan Korea Utara belum terlihat bertempur di garis depan.", "bertempur", "negated"),
    ("en", "North Korean troops have not been seen fighting at the front.", "fighting", "negated"),
    ("en", "Tokyo urged Pyongyang not to send more soldiers to Russia.", "send", "possible"),  # demanded not to
    ("id", "Seoul mendesak Pyongyang agar tidak mengirim pasukan tambahan ke Rusia.", "mengirim", "possible"),
])
def test_factuality(lang, text, trigger, factuality):
    assert event(read(lang, text), trigger).factuality == factuality


# --- the page around the story ----------------------------------------------------------------

@pytest.mark.parametrize("lang,text,cue", [
    ("id", "Pasukan Korea Utara tiba di Kursk.\nBaca juga: Rusia Bantah Kirim Pasukan Korea Utara ke Ukraina\n"
           "Mark Rutte mengatakan pasukan itu sudah bertempur.", "Baca juga:"),
    ("en", "North Korean troops arrived in Kursk.\nRead more: Russia denies sending North Korean troops to fight\n"
           "Mark Rutte said the troops had already fought.", "Read more:"),
    ("id", "Pasukan Korea Utara tiba di Kursk.\n(baca juga: Putin Teken UU Ratifikasi Pakta dengan Korut)\n"
           "Mark Rutte mengatakan pasukan itu sudah bertempur.", "(baca juga:"),
    ("id", "Pasukan Korea Utara tiba di Kursk.\nBACA JUGA : Rusia Bantah Kirim Pasukan Korea Utara\n"
           "Mark Rutte mengatakan pasukan itu sudah bertempur.", "BACA JUGA :"),
])
def test_related_headline_is_furniture(lang, text, cue):
    x = read(lang, text)
    [related] = [f.span for f in x.article.furniture if f.kind == "related"]
    assert related.text.startswith(cue)
    assert not [e for e in x.events if related.start <= e.trigger.start < related.end]
    assert not [s for s in x.statements if related.start <= s.cue.start < related.end]
    assert [s.speakers for s in x.statements] == [["mark-rutte"]]


@pytest.mark.parametrize("lang,text,story", [
    ("id", "Tentara Korea Utara berlatih di sebuah lapangan tembak. (Foto: Kementerian Pertahanan Rusia)\n"
           "Pasukan itu tiba di Kursk.", "tiba"),
    ("en", "North Korean soldiers train at a range in this undated photo. (AP Photo/Lee Jin-man)\n"
           "The troops arrived in Kursk.", "arrived"),
])
def test_caption_is_furniture(lang, text, story):
    """The training in the caption is not an event of the story; the arrival is."""
    x = read(lang, text)
    assert [f.kind for f in x.article.furniture] == ["caption"]
    assert [e.trigger.text for e in x.events] == [story]


def test_photo_credit_line_is_furniture():
    x = read("en", "North Korean troops arrived in Kursk.\nPhoto : YONHAP News\nThe troops fought on Monday.")
    assert [(f.kind in ("credit", "caption"), f.span.text) for f in x.article.furniture] == [(True, "Photo : YONHAP News")]


def test_caption_date_is_not_the_publication_date():
    x = read("en", "North Korean troops arrived in Kursk on Nov. 4, 2024.\n"
                   "Soldiers march in Pyongyang on Dec. 10, 2024. (AP Photo/Lee Jin-man)", None)
    assert x.article.published == date(2024, 11, 4)
    caption_time = next(t for t in x.times if t.value == "2024-12-10")  # kept as a time on the page
    assert all(e.time is None or e.time.span != caption_time.span for e in x.events)
    assert [e.time.value for e in x.events if e.type == "movement"] == ["2024-11-04"]


@pytest.mark.parametrize(("lang", "line"), [("id", "SCROLL TO CONTINUE WITH CONTENT"), ("id", "ADVERTISEMENT"),
                                            ("id", "[Gambas:Video 20detik]"), ("en", "Story continues below advertisement")])
def test_a_scraped_pages_advertising_lines_are_promos(lang, line):
    x = read(lang, f"The troops moved on Monday.\n{line}\nThe troops arrived on Tuesday.")
    assert [(f.kind, f.span.text) for f in x.article.furniture] == [("promo", line)]


@pytest.mark.parametrize(("lang", "byline", "paragraph", "trigger"), [
    ("en", "By Jane Roe and Ana Poe, Example Wire", "By February the North Korean units had moved back to Kursk.", "moved"),
    ("id", "Oleh Siti Contoh", "Oleh karena itu, Korea Utara mengirim pasukan tambahan ke Kursk.", "mengirim"),
])
def test_a_byline_is_a_credit_but_a_paragraph_opening_alike_is_read(lang, byline, paragraph, trigger):
    """'By Jane Roe' is a credit; 'By February the units had moved back.' is a sentence of
    the story, not dropped as one."""
    x = read(lang, f"{byline}\nThe troops arrived in Russia in October.\n{paragraph}")
    assert [(f.kind, f.span.text) for f in x.article.furniture] == [("credit", byline)]
    assert trigger in [e.trigger.text for e in x.events]


def test_editor_codes_are_a_byline():
    x = read("id", "Pasukan Korea Utara tiba di Kursk pada Senin.\n(rfs/jar)")
    assert [(f.kind, f.span.text) for f in x.article.furniture] == [("byline", "(rfs/jar)")]


def test_the_title_written_again_at_the_top_is_a_headline_not_a_statement():
    """'UPDATE 2-North Korea confirms …' repeats the title: no statement, no event."""
    x = extract(parse_article("---\ntitle: North Korea confirms its troops fought in Kursk\nlanguage: en\n"
                              "published: 2025-04-28\n---\nUPDATE 2-North Korea confirms its troops fought in Kursk\n"
                              "SEOUL, April 28 (Example Wire) - North Korea said on Monday its troops had fought in Kursk.\n",
                              "t.txt"))
    assert [(f.kind, f.span.text[:8]) for f in x.article.furniture if f.kind == "headline"] == [("headline", "UPDATE 2")]
    assert [s.cue.text for s in x.statements] == ["said"]
    assert all(e.sentence.start > x.article.furniture[0].span.end for e in x.events)


@pytest.mark.parametrize(("lang", "line"), [("en", "Read also: North Korean troops join assaults, Zelensky says"),
                                            ("id", "Baca pula: Zelensky sebut tentara Korut ikut menyerbu")])
def test_a_related_link_says_nothing(lang, line):
    x = read(lang, f"{line}\nThe troops moved on Monday.")
    assert [f.kind for f in x.article.furniture] == ["related"] and not x.statements


@pytest.mark.parametrize("mark", ['"', "”"])
def test_glued_sentences_are_split(mark):
    """'…pekan depan."Menteri itu': the future of the first sentence does not leak into the next."""
    x = read("id", 'Menteri Pertahanan Rusia Andrei Belousov berkata, "Latihan bersama akan digelar pekan depan.'
                   + mark + "Menteri itu juga mengatakan bahwa pasukan Korea Utara sudah tiba di Kursk.")
    arrived = event(x, "tiba")
    assert arrived.sentence.text.startswith("Menteri itu"), arrived.sentence.text
    assert arrived.factuality != "possible"


def test_a_quotation_glued_to_the_sentence_before_opens_the_next():
    """'…ke Kursk."Mereka …," kata Patel.': the quotation is Patel's, in a sentence of its own."""
    x = read("id", 'Juru bicara Departemen Luar Negeri AS Vedant Patel menyatakan tentara Korut sudah dipindahkan ke '
                   'Kursk."Mereka sudah mulai ikut dalam operasi tempur," kata Patel.')
    said = [s for s in x.statements if s.cue.text == "kata"]
    assert [(s.speakers, s.quote.text[:6], s.sentence.text[:1]) for s in said] == [(["vedant-patel"], "Mereka", '"')]


def test_mixed_straight_and_curly_quotes():
    x = read("id", '“Pasukan itu sudah bertempur," kata Mark Rutte. "Jumlahnya terus bertambah”, imbuh dia.')
    assert [(s.speakers, s.quote.text) for s in x.statements] == [
        (["mark-rutte"], "Pasukan itu sudah bertempur"), (["mark-rutte"], "Jumlahnya terus bertambah")]


def test_relative_time_in_a_quotation_counts_from_the_day_it_was_said():
    x = read("id", 'Menteri Luar Negeri AS Antony Blinken pada Kamis (31/10/2024) mengatakan pasukan itu sudah tiba di Kursk. '
                   '"Mereka bisa bertempur dalam beberapa hari mendatang," kata Blinken.', "2024-11-02")
    [window] = [t for t in x.times if t.span.text == "dalam beberapa hari mendatang"]
    assert (window.begin, window.end) == (date(2024, 11, 1), date(2024, 11, 7))


def test_relative_time_in_an_undated_quotation_is_left_unresolved():
    x = read("en", 'North Korean leader Kim Jong Un spoke to the soldiers. "You will go home in the coming days," '
                   'Kim Jong Un said.', "2025-04-28")
    [window] = [t for t in x.times if t.span.text == "in the coming days"]
    assert window.value == "" and window.begin is None and "unknown date" in window.warning


@pytest.mark.parametrize("lang,text", [
    ("en", "Pentagon spokesperson Sabrina Singh said the troops had moved to Kursk. Russian President "
           "Vladimir Putin visited Pyongyang. The spokesperson added that more troops could follow."),
    ("id", "Juru bicara Pentagon Sabrina Singh mengatakan pasukan itu sudah tiba di Kursk. Presiden Rusia "
           "Vladimir Putin berkunjung ke Pyongyang. Juru bicara itu menambahkan bahwa pasukan lain akan menyusul."),
])
def test_a_definite_role_is_the_person_named_with_that_title(lang, text):
    """'The spokesperson' / 'juru bicara itu' is the spokesperson named before, not the last person."""
    x = read(lang, text, "2024-11-05")
    assert [s.speakers for s in x.statements] == [["sabrina-singh"], ["sabrina-singh"]]
    assert len(x.actors["sabrina-singh"].mentions) == 2


@pytest.mark.parametrize("lang,text", [
    ("en", "The Kremlin said on Monday that the treaty was in force. The statement said the two countries "
           "would help each other."),
    ("id", "Kremlin pada Senin mengatakan perjanjian itu sudah berlaku. Pernyataan itu menyebut kedua negara "
           "akan saling membantu."),
])
def test_a_document_speaks_for_its_author(lang, text):
    x = read(lang, text, "2024-12-10")
    assert [s.speakers for s in x.statements] == [["kremlin"], ["kremlin"]]
    assert x.statements[1].time.day == x.statements[0].time.day


@pytest.mark.parametrize("lang,text,trigger", [
    ("en", "Seoul could consider sending weapons to Kyiv.", "sending"),
    ("id", "Korea Utara telah mengirim jutaan peluru artileri ke Rusia.", "mengirim"),
])
def test_weapons_sent_are_an_arms_transfer_not_a_deployment(lang, text, trigger):
    assert event(read(lang, text), trigger).type == "arms_transfer"


@pytest.mark.parametrize("lang,text,trigger,kind,factuality", [
    ("id", "Pasukan Korea Utara menderita kerugian besar di Kursk.", "menderita kerugian", "casualties", "asserted"),
    ("id", "Lebih banyak tentara Korea Utara dilempar ke medan tempur di Kursk.", "ke medan tempur", "combat",
     "asserted"),
    ("id", "Gelombang berikutnya diperkirakan menyusul dalam beberapa pekan.", "diperkirakan menyusul", "deployment",
     "possible"),
    ("en", "Officials said more troops would follow in the coming weeks.", "would follow", "deployment", "possible"),
    ("id", "Tentara Korea Utara ikut dalam serangan infanteri pasukan Rusia di Kursk.", "serangan", "combat", "asserted"),
    ("id", "Dua tentara Korea Utara tewas dalam serangan drone Ukraina di Kursk.", "serangan drone", "attack",
     "asserted"),
    ("en", "Russia has fought to push back the Ukrainian incursion into Kursk since August.", "incursion", "attack",
     "asserted"),
    ("en", "In June, Vladimir Putin flew to Pyongyang and signed a treaty with Kim Jong Un.", "flew to", "meeting",
     "asserted"),
    ("en", "Moscow and Pyongyang will exchange the documents next month, and the pact comes into force then.",
     "exchange the documents", "treaty", "possible"),
])
def test_event_words_name_their_type_and_how_sure(lang, text, trigger, kind, factuality):
    found = event(read(lang, text, "2024-11-12"), trigger)
    assert (found.type, found.factuality) == (kind, factuality)


@pytest.mark.parametrize(("lang", "text", "triggers"), [
    ("en", "Instructors taught the recruits to follow Russian commands.", []),
    ("en", "About 1,500 soldiers were shipped, with more expected to follow.", ["shipped", "to follow"]),
    ("id", "Sekitar 1.500 tentara dikirim dan akan menyusul lebih banyak lagi.", ["dikirim", "akan menyusul"]),
    ("id", "Para perwira itu akan menyusul rombongan menteri ke Moskow.", []),
])
def test_more_to_follow_is_a_deployment_only_with_no_object(lang, text, triggers):
    assert [e.trigger.text for e in read(lang, text, "2024-11-05").events if e.type == "deployment"] == triggers


@pytest.mark.parametrize(("text", "count"), [
    ("The U.S. State Department said the troops had moved to Kursk.", 1),
    ('"We have seen the evidence," U.S. Defense Secretary Lloyd Austin told reporters.', 1),
    ("Aid kept coming from the U.S. The troops arrived a week later.", 2),
    ("Aid kept coming from the U.S.Moscow said nothing.", 2),  # glued: a new sentence
    ("N. Korean troops fought in Kursk, S. Korea's spy agency said.", 1),  # one letter, as agency copy writes it
    ("Defense Secretary Lloyd J. Austin said the troops had moved.", 1),
    ("The troops were sent under Plan B. The ministry said so.", 2),
])
def test_an_initialism_ends_a_sentence_only_before_a_word_that_begins_one(text, count):
    from kg.extract.segment import sentences
    from kg.lexicon import load
    assert len(sentences(text, load("en"))) == count


def test_agency_copys_abbreviated_countries_are_the_countries():
    x = read("en", "N. Korean troops fought Ukrainian forces for the first time, S. Korea's defense ministry said.",
             "2024-11-05")
    assert {"north-korea-armed-forces", "south-korea-defence-ministry"} <= set(x.actors)
    assert x.statements[0].speakers == ["south-korea-defence-ministry"]


# (language, text, cue, how the outlet is named): what the outlet could not verify
UNVERIFIED = [
    ("en", "Kyiv said on Monday that 3,000 soldiers were killed. The claims could not be independently verified.",
     "could not be independently verified", None),
    ("en", "Kyiv said on Monday that 3,000 soldiers were killed. Neither that claim nor Seoul's figures could be "
           "verified independently.", "could be verified independently", None),
    ("en", "Neither Kyiv nor Moscow confirmed the report, and we have not been able to verify it.",
     "have not been able to verify", "we"),
    ("id", "Kyiv mengatakan pada Senin bahwa 3.000 tentara tewas. Klaim itu belum dapat diverifikasi secara independen.",
     "belum dapat diverifikasi", None),
    ("id", "Kyiv mengatakan pada Senin bahwa 3.000 tentara tewas. Kami tidak dapat memverifikasi klaim tersebut.",
     "tidak dapat memverifikasi", "Kami"),
    ("en", "Kyiv said on Monday that 3,000 soldiers were killed. Harian Contoh could not independently verify the "
           "figures.", "could not independently verify", "Harian Contoh"),
    ("en", "Kyiv said on Monday that 3,000 soldiers were killed. Harian could not independently verify the figures.",
     "could not independently verify", "Harian"),  # the outlet's short name
    ("en", "Estimates run as high as 12,000. None of the figures can be independently verified.",
     "can be independently verified", None),
    ("en", "Estimates run as high as 12,000. Some of the figures could not be checked independently.",
     "could not be checked independently", None),
    ("id", "Kyiv mengatakan 3.000 tentara tewas. Angka itu tak bisa dicek secara independen.",
     "tak bisa dicek secara independen", None),
]


@pytest.mark.parametrize("lang,text,cue,mention", UNVERIFIED)
def test_what_the_outlet_could_not_verify(lang, text, cue, mention):
    """The outlet's own word that it could not verify a claim: a negated confirmation by the
    publisher, made on the day of publication (not the day of the claim before it)."""
    head = f"---\nlanguage: {lang}\npublished: 2024-11-12\npublisher: Harian Contoh\n---\n"
    x = extract(parse_article(head + text, "t.txt"))
    [s] = [s for s in x.statements if s.cue.text == cue]
    assert (x.actors[s.speakers[0]].label, s.kind, s.negated, str(s.time.day)) == (
        "Harian Contoh", "confirmation", True, "2024-11-12")
    assert (s.speaker_mention.text if s.speaker_mention else None) == mention


@pytest.mark.parametrize("lang,text", [
    ("en", "The claims were verified by the agency on Monday."),
    ("en", '"It could not be independently verified," Jane Roe said.'),
    ("id", "Klaim itu sudah diverifikasi oleh badan intelijen."),
])
def test_a_verification_or_a_quoted_doubt_is_not_the_outlets(lang, text):
    head = f"---\nlanguage: {lang}\npublished: 2024-11-12\npublisher: Harian Contoh\n---\n"
    x = extract(parse_article(head + text, "t.txt"))
    assert "Harian Contoh" not in {a.label for a in x.actors.values()}


def test_with_no_publisher_nobody_is_made_up_to_doubt():
    x = read("en", "Kyiv said on Monday that 3,000 soldiers were killed. The claims could not be independently verified.")
    assert [s.cue.text for s in x.statements] == ["said"]


@pytest.mark.parametrize("text,speaker,kind", [
    ("Japan and South Korea welcomed the statement on Wednesday, with Tokyo warning that Moscow could reward "
     "Pyongyang.", "japan", "warning"),
    ("Seoul summoned the Russian ambassador, with President Yoon Suk Yeol saying the deployment was unlawful.",
     "yoon-suk-yeol", "claim"),
])
def test_with_someone_saying_is_their_statement(text, speaker, kind):
    """', with Tokyo warning that …': an absolute construction whose actor speaks."""
    [s] = [s for s in read("en", text).statements if s.cue.text.endswith("ing")]
    assert (s.speakers, s.kind) == ([speaker], kind)


def test_with_someones_help_is_no_statement():
    assert read("en", "The troops arrived, with Russia's help, in Kursk.").statements == []


def test_an_outlet_named_after_a_capital_doubts_for_itself():
    """'The Kyiv Example Post could not verify …': the outlet speaks, not Ukraine (whose capital
    its name begins with)."""
    head = "---\nlanguage: en\npublished: 2024-12-17\npublisher: Kyiv Example Post\n---\n"
    x = extract(parse_article(head + "A soldier said his unit found a body. The Kyiv Example Post could not verify "
                                     "his account.", "t.txt"))
    [s] = [s for s in x.statements if s.cue.text == "could not verify"]
    assert ([x.actors[k].label for k in s.speakers], str(s.time.day)) == (["Kyiv Example Post"], "2024-12-17")


@pytest.mark.parametrize("lang,text,cue,day", [
    ("en", "Seoul condemned the announcement on Monday. We urge the government to press Moscow for an accounting.",
     "urge", "2025-04-29"),  # the outlet says it when it writes
    ("en", "This newspaper argued last autumn that the treaty would be used to justify the deployment.", "argued",
     "2024-09-01"),  # a time of its own
    ("id", "Kami mendesak semua pihak memperlakukan kedua tawanan sesuai Konvensi Jenewa.", "mendesak", "2025-04-29"),
])
def test_the_outlets_own_voice_is_the_publishers(lang, text, cue, day):
    """'We urge …', 'This newspaper argued …', 'Kami mendesak …' opening a sentence of the
    article's own voice: a statement of the publisher."""
    head = f"---\nlanguage: {lang}\npublished: 2025-04-29\npublisher: Harian Contoh\n---\n"
    x = extract(parse_article(head + text, "t.txt"))
    [s] = [s for s in x.statements if s.cue.text == cue]
    assert ([x.actors[k].label for k in s.speakers], str(s.time.begin)) == (["Harian Contoh"], day)


@pytest.mark.parametrize("lang,text", [
    ("en", "GUEST: I think he sends more. We urge caution in reading the numbers."),  # the guest's "we"
    ("en", '"We urge restraint," the spokesperson said.'),
])
def test_a_we_that_someone_else_says_is_not_the_outlets(lang, text):
    head = f"---\nlanguage: {lang}\npublished: 2025-04-29\npublisher: Harian Contoh\n---\n"
    x = extract(parse_article(head + text, "t.txt"))
    assert "Harian Contoh" not in {a.label for a in x.actors.values()}


@pytest.mark.parametrize("lang,text,speaker", [
    ("en", "The SBU said on Saturday that one soldier was captured. Neither speaks Russian, it said.", "sbu"),
    ("en", "Zelensky spoke on Saturday. Neither soldier speaks Russian, he said.", "volodymyr-zelenskyy"),
    ("id", "SBU mengatakan pada Sabtu bahwa satu tentara ditangkap. Keduanya tidak bisa berbahasa Rusia, ujarnya.", "sbu"),
])
def test_a_pronoun_after_the_comma_is_the_one_speaking_not_a_country_before_it(lang, text, speaker):
    """'…, it said', '…, he said': the speaker the pronoun stands for, not Russia named before the comma."""
    assert read(lang, text, "2025-01-13").statements[-1].speakers == [speaker]


@pytest.mark.parametrize("lang,text,cue", [
    ("en", "Lloyd Austin said on Wednesday there was evidence of troops in Russia but gave no figure.", "gave no figure"),
    ("en", "Volodymyr Zelensky reported the losses on Monday, and his post gave no breakdown.", "gave no breakdown"),
])
def test_giving_no_figure_is_a_statement_not_made(lang, text, cue):
    """'… but gave no figure': what the speaker did not say, negated, by the one speaking."""
    [s] = [s for s in read(lang, text, "2024-12-24").statements if s.cue.text == cue]
    assert s.negated and s.speakers == read(lang, text, "2024-12-24").statements[0].speakers


@pytest.mark.parametrize("lang,text", [
    ("en", "Speaking at a press conference in Washington, Lloyd Austin said troops were in Russia."),
    ("id", "Dalam jumpa pers di Jakarta, juru bicara itu mengatakan bahwa Indonesia prihatin."),
    ("id", "Hal itu disampaikan dalam konferensi pers di Seoul, Selasa (12/11/2024)."),
])
def test_a_press_conference_is_where_it_was_said_not_an_event_of_the_story(lang, text):
    """A press conference or a 'jumpa pers' is the occasion of a statement (its day may date
    it), not an event of the story (a closed-door briefing of lawmakers, a summit, still are)."""
    assert not [e for e in read(lang, text, "2024-11-12").events if e.type == "meeting"]


@pytest.mark.parametrize("lang,text,speaker", [
    ("id", "Perintah Kim untuk mengirim pasukan disiarkan kantor berita resmi Korea Utara, KCNA, pada Senin pagi.", "kcna"),
    ("id", "Temuan itu dipaparkan Badan Intelijen Nasional dalam rapat tertutup pada Rabu.", "nis"),
])
def test_a_passive_cue_with_its_agent_after_it_names_the_speaker(lang, text, speaker):
    """'disiarkan KCNA', 'dipaparkan NIS': the agent after a passive cue, with no 'oleh', speaks;
    a country described before an organisation's name set off by commas is not it."""
    [s] = read(lang, text, "2025-04-29").statements
    assert s.speakers == [speaker]


def test_what_had_not_happened_is_bounded_by_publication_like_what_had():
    """'have not been seen fighting', with no day and no dated statement: not by the day of
    publication, as an event told as having happened is at the latest by then."""
    x = read("en", "North Korean troops have not been seen fighting at the front.", "2024-11-12")
    found = event(x, "fighting")
    assert (found.factuality, found.time.begin, found.time.end) == ("negated", None, date(2024, 11, 12))


@pytest.mark.parametrize("lang,text,cue", [
    ("id", "Penangkapan itu, tulis Zelensky di media sosial, “tidak mudah” karena pertempuran masih sengit.", "tulis"),
    ("en", "The capture, Zelensky wrote on social media, was “not easy” because the fighting was still fierce.",
     "wrote"),
])
def test_a_cue_set_off_between_commas_before_a_quotation_is_a_statement(lang, text, cue):
    """'X, tulis Zelensky di media sosial, “…”': a cue set off on both sides, with a quotation
    after it, is Zelensky's statement (a cue that closes its sentence was read before)."""
    [s] = read(lang, text, "2025-01-15").statements
    assert (s.cue.text, s.speakers) == (cue, ["volodymyr-zelenskyy"])


@pytest.mark.parametrize("lang,text,cue,kind", [
    ("en", "OPINION\nBy Jane Roe\nKim has bet on Moscow. I expect him to send more troops by spring.", "I expect",
     "prediction"),
    ("id", "KOLOM\nOleh: Laras Wicaksani\nKim bertaruh pada Moskow. Saya khawatir perang itu akan meluas ke Asia.",
     "Saya khawatir", "concern"),
    ("en", "OPINION\nBy Jane Roe\nOn Monday, Seoul said the troops had moved. In my view, Seoul is right.",
     "In my view", "claim"),
    ("en", "OPINION\nBy Jane Roe\nOn Monday, Seoul said the troops had moved. I propose that Seoul act now.",
     "I propose", "demand"),
    ("id", "KOLOM\nOleh: Laras Wicaksani\nPada Senin, Seoul menyatakan pasukan itu pindah. Saya berpendapat Seoul "
           "benar. Saya mengusulkan agar Seoul bertindak.", "Saya mengusulkan", "demand"),
])
def test_a_columnists_first_person_is_the_byline_writers(lang, text, cue, kind):
    """'I expect …' outside quotations in a signed column: the writer its byline names speaks,
    on the day of publication (also when going on after someone else's day, "On Monday, Seoul
    said …"); the writer is then an actor."""
    x = read(lang, text, "2024-11-29")
    [s] = [s for s in x.statements if s.cue.text == cue]
    assert ([x.actors[k].label for k in s.speakers], s.kind, str(s.time.day)) == (
        [text.split("\n")[1].split(None, 1)[1]], kind, "2024-11-29")


def test_a_byline_with_no_first_person_makes_no_actor():
    x = read("en", "By Jane Roe\nNorth Korean troops arrived in Kursk, officials said.", "2024-11-29")
    assert "jane-roe" not in x.actors
