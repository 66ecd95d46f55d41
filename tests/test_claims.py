"""What a statement claims of an event (``kgo:Claim``): a denial negates it, while the
article still tells the event as reported; a denial not made leaves it as told. And what a
figure counts (``kgo:measure``)."""
import pytest
from rdflib import RDF

from kg.extract.document import extract
from kg.formats import merged as union
from kg.ingest import parse_article
from kg.lexicon import load
from kg.measures import measure
from kg.rdf import to_dataset
from kg.vocab import KGO, KGV

# (language, text, the speaker's key, the claim's factuality); each sentence in my own words
CASES = [
    ("en", "The Kremlin denied on Saturday that North Korea had sent troops to the Kursk region.",
     "kremlin", "negated"),
    ("en", "North Korea's foreign ministry rejected claims that its soldiers were fighting in Russia.",
     "north-korea-foreign-ministry", "negated"),
    ("id", "Kremlin membantah bahwa Korea Utara telah mengirim pasukan ke wilayah Kursk.",
     "kremlin", "negated"),
    ("en", "Russian President Vladimir Putin did not deny that North Korean troops were in Russia.",
     "vladimir-putin", "unconfirmed"),
    ("en", "South Korea's spy agency said on Friday that North Korea had sent 1,500 troops to Russia.",
     "", "reported"),
    ("id", "Mark Rutte pada Senin memastikan bahwa unit militer Korea Utara telah dikerahkan ke Kursk.",
     "mark-rutte", "reported"),
]



def _read(language: str, text: str, published: str):
    """What the extractor reads in ``text``, an article in ``language`` published on ``published``."""
    return extract(parse_article(f"---\npublished: {published}\nlanguage: {language}\n---\n{text}\n", "a.txt"))

def _claims(language: str, text: str):
    article = parse_article(f"---\npublished: 2024-10-19\nlanguage: {language}\n---\n{text}\n", "a.txt")
    graph = union(to_dataset([extract(article)]))
    for statement in graph.subjects(RDF.type, KGO.Statement):
        speakers = {str(s).rsplit("/", 1)[-1] for s in graph.objects(statement, KGO.speaker)}
        for claim in graph.objects(statement, KGO.claim):
            event = graph.value(claim, KGO.about)
            yield speakers, graph.value(claim, KGO.factuality), graph.value(event, KGO.factuality)


@pytest.mark.parametrize(("language", "text", "speaker", "claimed"), CASES, ids=[c[1][:40] for c in CASES])
def test_a_denial_claims_the_event_negated_and_the_article_tells_it_reported(language, text, speaker, claimed):
    claims = list(_claims(language, text))
    assert claims, "no claim read"
    for speakers, claim, event in claims:
        assert not speaker or speaker in speakers
        assert claim == KGV[f"factuality-{claimed}"], (speakers, claim)
        assert event in (KGV["factuality-reported"], KGV["factuality-unconfirmed"]), event


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Washington says about 10,000 North Korean soldiers have been sent to eastern Russia, "
           "and that 8,000 of them have moved to the Kursk region."),
    ("id", "Pentagon mengatakan sekitar 10.000 tentara Korea Utara telah dikirim ke Rusia timur, "
           "dan bahwa 8.000 di antaranya sudah bergerak ke wilayah Kursk."),
])
def test_what_is_said_begins_at_the_cue_even_with_a_second_that_later(language, text):
    """A bare content, then ", and that ...": both halves are what was said."""
    article = parse_article(f"---\npublished: 2024-11-05\nlanguage: {language}\n---\n{text}\n", "a.txt")
    x = extract(article)
    assert len(x.statements) == 1 and len(x.events) == 2, ([s.cue.text for s in x.statements], x.events)
    assert set(x.statements[0].events) == {e.id for e in x.events}
    assert {e.factuality for e in x.events} == {"reported"}


@pytest.mark.parametrize(("text", "trigger", "factuality"), [
    ("Zelensky wrote that North Korean casualties were growing and warned that Pyongyang may send more soldiers.",
     "casualties", "reported"),
    ("Zelensky wrote that North Korean casualties were growing and warned that Pyongyang may send more soldiers.",
     "send", "possible"),
    ("KCNA quoted Kim as saying that the soldiers who died in Kursk were heroes and that a monument would be built.",
     "died", "reported"),
    ("Seoul said 1,500 soldiers were shipped to Vladivostok and more could follow.", "shipped", "reported"),
    ("Seoul said 1,500 soldiers could be shipped to Vladivostok and trained there.", "shipped", "possible"),
])
def test_a_modal_in_a_clause_of_its_own_is_that_clauses(text, trigger, factuality):
    x = _read("en", text, "2024-12-17")
    assert [e.factuality for e in x.events if e.trigger.text == trigger] == [factuality]


@pytest.mark.parametrize(("language", "text", "speakers"), [
    ("id", "Ratifikasi itu berlangsung di tengah laporan Korea Selatan dan Amerika Serikat bahwa lebih dari "
           "10.000 tentara Korea Utara telah dikirim ke Rusia.", {"south-korea", "united-states"}),
    ("en", "The vote came amid reports by South Korea that 10,000 North Korean troops had been sent to Russia.",
     {"south-korea"}),
])
def test_a_report_whose_makers_are_named_is_their_statement(language, text, speakers):
    x = _read(language, text, "2024-11-10")
    [statement] = x.statements
    assert set(statement.speakers) == speakers
    assert [e.factuality for e in x.events if e.type == "deployment"] == ["reported"]


def test_a_verbs_that_is_not_a_reports():
    text = ("Valery Gerasimov told Vladimir Putin in a video report released by the Kremlin that the Kursk "
            "region had been retaken.")
    x = _read("en", text, "2025-04-26")
    assert [(s.cue.text, s.speakers) for s in x.statements] == [("told", ["valery-gerasimov"])]


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("id", "Sebagian tentara Korea Utara disebut sudah terlibat pertempuran melawan pasukan Ukraina.",
     "terlibat pertempuran"),
    ("en", "Some of the North Korean troops are said to have taken part in combat near Sudzha.", "in combat"),
])
def test_an_event_said_to_have_happened_is_reported(language, text, trigger):
    x = _read(language, text, "2024-11-10")
    assert [(e.trigger.text, e.factuality) for e in x.events] == [(trigger, "reported")]


def test_neither_confirmed_nor_denied_leaves_the_event_unconfirmed():
    text = "President Vladimir Putin neither confirmed nor denied that North Korean troops were in Russia."
    x = _read("en", text, "2024-10-25")
    assert [s.negated for s in x.statements] == [True]
    assert [e.factuality for e in x.events] == ["unconfirmed"]


def test_a_refusal_before_but_does_not_negate_what_is_said_after_it():
    text = ("State Department spokesman Matthew Miller declined to give a number but said North Korean troops "
            "had moved to Kursk.")
    x = _read("en", text, "2024-11-05")
    assert [(s.cue.text, s.negated) for s in x.statements] == [("said", False)]
    assert [e.factuality for e in x.events] == ["reported"]


@pytest.mark.parametrize(("language", "text", "cue", "speaker"), [
    ("id", "Dua tentara Korea Utara ditangkap di Kursk, kata Zelensky.", "kata", "volodymyr-zelenskyy"),
    ("id", "Zelensky berbicara kepada wartawan. Dua tentara Korea Utara ditangkap di Kursk, ujarnya.",
     "ujarnya", "volodymyr-zelenskyy"),
    ("en", "Two North Korean soldiers were captured in Kursk, said Zelensky.", "said", "volodymyr-zelenskyy"),
    ("en", "Kim Jong Un ordered the deployment of troops to Kursk, KCNA said on Monday.", "said", "kcna"),
])
def test_a_cue_set_off_at_the_end_makes_what_comes_before_it_said(language, text, cue, speaker):
    """'…, kata X.' with no quotation marks; '…, KCNA said': the speaker after the comma."""
    x = _read(language, text, "2025-01-12")
    assert [(s.cue.text, s.speakers) for s in x.statements] == [(cue, [speaker])]
    assert {e.factuality for e in x.events} == {"reported"}


def test_a_refusal_to_comment_is_a_statement_not_made():
    text = ("Juru bicara Departemen Luar Negeri AS Matthew Miller menolak berkomentar soal jumlah tentara "
            "Korea Utara yang tewas.")
    x = _read("id", text, "2025-01-13")
    assert [(s.speakers, s.negated) for s in x.statements] == [(["matthew-miller"], True)]
    assert [e.factuality for e in x.events] == ["unconfirmed"]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Washington and Seoul condemned the deployment of North Korean troops to Russia."),
    ("id", "Washington dan Seoul mengecam pengiriman tentara Korea Utara ke Rusia."),
])
def test_a_condemnation_is_a_statement(language, text):
    x = _read(language, text, "2024-11-05")
    assert [(s.kind, set(s.speakers)) for s in x.statements] == [("concern", {"united-states", "south-korea"})]


def test_troops_expected_to_fight_do_not_speak():
    text = ("US Secretary of State Antony Blinken spoke in Washington. North Korean troops are expected to join "
            "the fighting within days, Blinken said.")
    x = _read("en", text, "2024-11-01")
    assert [(s.cue.text, s.speakers) for s in x.statements] == [("said", ["antony-blinken"])]


def test_no_answer_yet_is_a_statement_not_made():
    text = "Hingga berita ini diturunkan, Kremlin belum memberikan tanggapan atas laporan bahwa tentara Korea Utara tewas."
    x = _read("id", text, "2024-12-17")
    assert [(s.speakers, s.negated) for s in x.statements] == [(["kremlin"], True)]
    assert [e.factuality for e in x.events] == ["unconfirmed"]


@pytest.mark.parametrize(("language", "text"), [
    ("id", "Dilansir dari Reuters, Zelensky mengatakan sekitar 3.000 tentara Korea Utara tewas atau terluka di Kursk."),
    ("en", "Speaking in Kyiv on Friday, Zelensky said about 3,000 North Korean soldiers had been killed or wounded."),
])
def test_what_follows_the_verb_is_said_not_what_precedes_the_comma(language, text):
    x = _read(language, text, "2025-01-13")
    [statement] = x.statements
    assert statement.events and {e.factuality for e in x.events} == {"reported"}
    assert statement.content.start > statement.cue.start


@pytest.mark.parametrize(("language", "text"), [
    ("id", "Zelensky belum bisa memverifikasi jumlah korban tewas tentara Korea Utara di Kursk."),
    ("en", "Yonhap could not independently verify the claim that 300 North Korean soldiers had been killed."),
])
def test_what_could_not_be_verified_is_unconfirmed(language, text):
    """The modal before the reporting verb is the speaker's, not the event's."""
    x = _read(language, text, "2025-01-13")
    assert [s.negated for s in x.statements if s.kind == "confirmation"] == [True]
    assert x.events and {e.factuality for e in x.events} == {"unconfirmed"}


@pytest.mark.parametrize(("language", "text"), [
    ("id", "Pyongyang maupun Moskwa belum mengonfirmasi laporan bahwa tentara Korea Utara tewas di Kursk."),
    ("en", "Neither Pyongyang nor Moscow has confirmed reports that North Korean soldiers died in Kursk."),
])
def test_neither_of_two_confirmed_is_a_confirmation_not_made_by_both(language, text):
    """'X maupun Y belum …', 'Neither X nor Y has …': both speak, and neither confirms."""
    x = _read(language, text, "2024-12-17")
    assert [(set(s.speakers), s.negated) for s in x.statements] == [({"north-korea", "russia"}, True)]
    assert x.events and {e.factuality for e in x.events} == {"unconfirmed"}


def test_a_cue_at_the_end_that_repeats_the_speaker_makes_no_second_statement():
    text = "Zelensky menyebut, jumlah korban dari pihak Korea Utara terus bertambah, katanya."
    x = _read("id", text, "2025-01-13")
    assert [(s.cue.text, s.speakers) for s in x.statements] == [("menyebut", ["volodymyr-zelenskyy"])]


@pytest.mark.parametrize(("language", "text"), [
    ("id", "Melalui akun Telegram-nya, Zelensky menulis bahwa lebih dari 3.000 tentara Korea Utara tewas."),
    ("id", '"Korea Utara kehilangan banyak prajurit," tulis Zelensky di akun X miliknya.'),
    ("en", "At least 3,000 North Korean soldiers have been killed or wounded, Zelensky posted on X."),
    ("en", "Zelensky tweeted on Sunday that 3,000 North Korean soldiers had been killed."),
])
def test_what_is_written_or_posted_is_a_statement(language, text):
    x = _read(language, text, "2025-01-13")
    assert [s.speakers for s in x.statements] == [["volodymyr-zelenskyy"]]


@pytest.mark.parametrize(("language", "text", "said"), [
    ("id", "Dinas Keamanan Ukraina menyebut salah satu tawanan mengaku tidak tahu bahwa ia dikirim untuk berperang.",
     "salah satu tawanan mengaku"),
    ("en", "The SBU said one of the prisoners claimed that he had not known he would fight Ukraine.",
     "one of the prisoners claimed"),
])
def test_what_is_said_keeps_a_second_speakers_words_before_their_that(language, text, said):
    """'X said a captive admitted that …': X said what the captive admitted, not only its end."""
    x = _read(language, text, "2025-01-13")
    assert x.statements[0].content.text.startswith(said)


def test_a_second_verb_after_but_is_the_first_speakers_whoever_is_named_between():
    text = ("Lloyd Austin said it was not yet clear what the North Korean soldiers would do in Russia, but warned "
            "that sending them into combat would be a very serious issue.")
    x = _read("en", text, "2024-10-24")
    assert [(s.cue.text, s.speakers) for s in x.statements] == [("said", ["lloyd-austin"]), ("warned", ["lloyd-austin"])]


def test_a_verb_in_a_relative_clause_leaves_the_main_verb_its_subject():
    """'X, which has dismissed …, said …': two statements of X, the first ending with its clause."""
    text = ("Pyongyang, which has dismissed earlier reports as groundless, said in a statement on Friday that any "
            "such deployment would be lawful.")
    x = _read("en", text, "2024-10-26")
    assert [(s.cue.text, s.speakers) for s in x.statements] == [("dismissed", ["north-korea"]), ("said", ["north-korea"])]
    assert x.statements[0].content.text == "earlier reports as groundless"


def test_a_refusal_after_but_is_the_first_speakers():
    text = "Vladimir Putin told a press conference that such pictures were serious, but declined to say what they showed."
    x = _read("en", text, "2024-10-26")
    assert [(s.speakers, s.negated) for s in x.statements] == [(["vladimir-putin"], False), (["vladimir-putin"], True)]


@pytest.mark.parametrize(("language", "text", "said"), [
    ("id", "Zelensky mengatakan pasukan Korea Utara sudah bertempur, seperti dilansir AFP, Selasa (19/11/2024).",
     "pasukan Korea Utara sudah bertempur"),
    ("en", "Zelensky said the North Korean troops had begun fighting, as quoted by AFP on Tuesday.",
     "the North Korean troops had begun fighting"),
])
def test_where_the_article_got_it_is_not_what_was_said(language, text, said):
    x = _read(language, text, "2024-11-20")
    assert [s.content.text for s in x.statements] == [said]


def test_no_comment_yet_from_either_is_a_statement_not_made_by_both():
    text = "Pemerintah Rusia maupun Korea Utara belum mengomentari laporan bahwa tentara Korea Utara tewas."
    x = _read("id", text, "2024-12-17")
    assert [(set(s.speakers), s.negated) for s in x.statements] == [({"russia", "north-korea"}, True)]


def test_what_is_said_begins_at_once_when_a_clause_of_its_own_comes_before_that():
    """'X said Monday it had seen no sign that …': X said it had seen no sign, not that the troops left."""
    text = "The White House said Monday it had seen no sign that the troops had withdrawn."
    x = _read("en", text, "2024-11-12")
    assert "had seen no sign" in x.statements[0].content.text


@pytest.mark.parametrize("text", [
    "Russian troops reportedly advanced near Kursk last week, though the claims could not be independently verified.",
    "The figures sent by Seoul were not officially confirmed.",
])
def test_a_passive_with_adverbs_between_has_no_speaker(text):
    """'could not be independently verified': the reporter's hedge, not the troops denying."""
    assert _read("en", text, "2024-11-12").statements == []


@pytest.mark.parametrize(("language", "text", "not_said"), [
    ("id", "Rusia belum mengonfirmasi laporan itu, kata juru bicara Kremlin Dmitry Peskov.",
     "belum mengonfirmasi laporan itu"),
    ("en", "Moscow has not confirmed the reports, Kremlin spokesman Dmitry Peskov said on Monday.",
     "not confirmed the reports"),
])
def test_what_was_not_said_ends_before_the_cue_that_tells_who_said_so(language, text, not_said):
    x = _read(language, text, "2024-11-12")
    assert [(s.negated, s.content.text) for s in x.statements][0] == (True, not_said)
    assert [s.negated for s in x.statements] == [True, False]


def test_a_cue_with_an_object_of_its_own_does_not_take_the_words_before_it():
    """'…, a day after X announced their capture': X announced the capture, not the clause before."""
    text = ("The agency confirmed on Sunday that two soldiers had been captured in Kursk, "
            "a day after Ukrainian President Volodymyr Zelensky announced their capture on social media.")
    x = _read("en", text, "2025-01-12")
    zelensky = next(s for s in x.statements if s.speakers == ["volodymyr-zelenskyy"])
    assert zelensky.content.text == "their capture on social media"


@pytest.mark.parametrize(("language", "text", "speakers"), [
    ("en", "Around 3,000 North Korean troops have been killed or wounded, according to Kyiv.", ["ukraine"]),
    ("en", "Pyongyang sent up to 12,000 troops to Russia, according to estimates from Kyiv, Seoul and the U.S. on Friday.",
     ["ukraine", "south-korea", "united-states"]),
    ("id", "Sekitar 12.000 tentara dikirim, menurut perkiraan Kyiv, Seoul, dan Washington.",
     ["ukraine", "south-korea", "united-states"]),
])
def test_according_to_a_capital_or_a_list_of_them_is_their_states(language, text, speakers):
    assert [s.speakers for s in _read(language, text, "2024-11-12").statements] == [speakers]


def test_according_to_someone_does_not_take_the_actors_of_what_is_said():
    text = ("Mark Rutte berbicara di Brussel. "
            "Menurut dia, kerja sama militer antara Moskow dan Pyongyang makin erat.")
    [said] = [s for s in _read("id", text, "2024-10-28").statements if s.cue.text == "Menurut"]
    assert said.speakers == ["mark-rutte"]


@pytest.mark.parametrize(("language", "text", "said", "added"), [
    ("en", "Zelensky said 3,000 North Korean soldiers had been killed, adding that more were arriving.",
     "3,000 North Korean soldiers had been killed", "more were arriving"),
    ("id", "Zelensky mengatakan 3.000 tentara Korut telah tewas, seraya menambahkan bahwa lebih banyak lagi akan tiba.",
     "3.000 tentara Korut telah tewas", "lebih banyak lagi akan tiba"),
    ("en", "The Kremlin on Friday dismissed the reports, calling them a smear campaign.",
     "the reports", "a smear campaign"),
])
def test_what_the_speaker_goes_on_to_add_is_a_statement_of_its_own(language, text, said, added):
    """'X said A, adding that B': X said A, and X added B; not A and B said twice, nor B alone."""
    x = _read(language, text, "2024-11-12")
    assert [s.content.text for s in x.statements] == [said, added]
    assert len({tuple(s.speakers) for s in x.statements}) == 1


def test_a_document_named_before_an_agentless_cue_speaks_for_its_author():
    """'Dalam pernyataan X disebutkan bahwa …': X's words, though no verb has X for subject."""
    x = _read("id", "Dalam pernyataan NIS disebutkan bahwa sekitar 1.500 tentara telah tiba di Vladivostok.", "2024-10-18")
    assert [(s.speakers, s.content.text) for s in x.statements] == [
        (["nis"], "sekitar 1.500 tentara telah tiba di Vladivostok")]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "A South Korean official, who asked not to be named, said the troops had been given Russian uniforms."),
    ("id", "Seorang pejabat Korea Selatan yang enggan disebutkan namanya mengatakan pasukan itu mengenakan seragam Rusia."),
])
def test_why_a_speaker_is_unnamed_is_neither_a_statement_nor_a_negation(language, text):
    x = _read(language, text, "2024-11-12")
    assert [(s.kind, s.negated) for s in x.statements] == [("claim", False)]


@pytest.mark.parametrize(("text", "cue", "speakers"), [
    ("South Korea's Ministry of National Defense condemned the deployment on Tuesday, "
     "a day after Pyongyang acknowledged it for the first time.", "acknowledged", ["north-korea"]),
    ("Ten days later, the Pentagon put the number in eastern Russia at around 10,000.", "put the number",
     ["us-defense-department"]),
    ("Putin thanked the North Korean soldiers in a statement on Monday, saying Russia would never forget them.",
     "saying", ["vladimir-putin"]),
    ("Putin did not deny the deployment, remarking only that it was up to Russia to decide.", "remarking",
     ["vladimir-putin"]),
])
def test_more_ways_of_saying_and_a_capital_after_the_comma(text, cue, speakers):
    x = _read("en", text, "2025-04-29")
    assert [s.speakers for s in x.statements if s.cue.text == cue] == [speakers]


@pytest.mark.parametrize(("language", "text", "cue"), [
    ("id", "Seorang pejabat militer Korea Selatan mengatakan aktivitas menurun. "
           "Menurut pejabat itu, Pyongyang kemungkinan sedang menyiapkan gelombang baru.", "Menurut"),
    ("en", "A South Korean official said activity had dropped. "
           "According to the official, Pyongyang was preparing a new wave.", "According to"),
])
def test_according_to_a_definite_role_is_the_one_last_named_with_it(language, text, cue):
    x = _read(language, text, "2025-02-08")
    first, according = x.statements
    assert according.cue.text == cue and according.speakers == first.speakers


@pytest.mark.parametrize(("language", "text", "label"), [
    ("en", "About 300 soldiers had been killed, according to lawmakers who attended the closed-door session.",
     "lawmakers"),
    ("id", "Sekitar 300 tentara tewas, menurut anggota parlemen yang hadir dalam rapat tertutup itu.", "anggota parlemen"),
])
def test_according_to_a_group(language, text, label):
    x = _read(language, text, "2024-12-19")
    assert [[x.actors[k].label for k in s.speakers] for s in x.statements] == [[label]]


def test_disputing_a_claim_is_a_denial():
    x = _read("en", "Ukraine disputes that claim and says its forces are still operating in parts of the region.", "2025-04-29")
    assert [(s.speakers, s.kind) for s in x.statements] == [(["ukraine"], "denial"), (["ukraine"], "claim")]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "The ambassador asked whether Moscow denied that its troops were there."),
    ("en", "If Pyongyang confirms the deployment, Seoul will respond in kind."),
    ("id", "Jika Rusia membantah laporan itu, Korea Selatan akan bertindak."),
    ("id", "Wartawan bertanya apakah Kremlin membantah kehadiran pasukan itu."),
])
def test_what_is_asked_or_supposed_is_not_said(language, text):
    """A speaker after "whether", "if", "apakah", "jika" has said nothing yet."""
    speakers = {k for s in _read(language, text, "2024-11-12").statements for k in s.speakers}
    assert not speakers & {"russia", "north-korea", "kremlin"}, speakers


def test_an_addressee_with_an_abbreviation_is_not_what_was_said():
    """The stops of "U.N." end no clause: what was said begins after "that", and the day before
    it dates the telling."""
    x = _read("en", "The United States told the U.N. Security Council on Wednesday that 8,000 soldiers "
                    "were in Kursk.", "2024-10-31")
    [said] = x.statements
    assert said.content.text.startswith("8,000 soldiers")
    assert str(said.time.day) == "2024-10-30"


def test_an_answer_not_given_is_a_statement_not_made_by_who_then_speaks():
    """"did not answer" is a statement not made; "He" who then accuses is the same ambassador."""
    x = _read("en", "The U.S. envoy asked him directly. Russia's ambassador did not answer the question. "
                    "He accused Washington of spreading lies.", "2024-10-31")
    answered, accused = x.statements[1:]
    assert answered.negated and not accused.negated
    assert answered.speakers == accused.speakers == ["russia-ambassador"]


@pytest.mark.parametrize(("text", "cue"), [
    ("The Kremlin declined to comment on the findings.", "comment"),
    ("The Kremlin declined on Friday to comment on the findings.", "comment"),
    ("The Kremlin did not respond to a request for comment.", "respond to a request for comment"),
    ("The Kremlin has declined to discuss the reports.", "discuss"),
])
def test_a_refusal_to_comment_in_english_is_a_statement_not_made(text, cue):
    [said] = _read("en", text, "2024-10-21").statements
    assert (said.speakers, said.cue.text, said.negated) == (["kremlin"], cue, True)


@pytest.mark.parametrize(("language", "text"), [
    ("id", "Zelensky mengirim surat kepada Kim Jong Un, yang hingga kini tidak pernah mengakui telah "
           "mengirim tentara ke Rusia."),
    ("en", "Zelensky made the offer to Kim Jong Un, who has never acknowledged sending troops to Russia."),
])
def test_a_cue_in_a_relative_clause_is_its_antecedents(language, text):
    [said] = _read(language, text, "2025-01-13").statements
    assert (said.speakers, said.negated) == (["kim-jong-un"], True)


def test_a_negation_inside_a_relative_clause_does_not_negate_the_main_verb():
    x = _read("en", "Kim Jong Un, who has never acknowledged sending troops, said on Monday that the treaty "
                    "was lawful.", "2024-11-12")
    assert [(s.cue.text, s.negated) for s in x.statements] == [("acknowledged", True), ("said", False)]
    assert x.statements[1].content.text == "the treaty was lawful"


@pytest.mark.parametrize(("language", "text", "cue"), [
    ("id", "Zelensky yakin pasukannya akan menangkap lebih banyak tentara Korea Utara.", "yakin"),
    ("en", "Zelensky is confident his forces will capture more North Korean soldiers.", "is confident"),
])
def test_being_sure_of_something_is_saying_it(language, text, cue):
    [said] = _read(language, text, "2025-01-13").statements
    assert (said.speakers, said.cue.text) == (["volodymyr-zelenskyy"], cue)


def test_a_verb_with_its_object_as_an_enclitic_is_a_cue():
    """"membantahnya": denied it."""
    x = _read("id", "Blogger militer Rusia mengklaim ribuan tentara Ukraina terkepung. Kementerian Pertahanan "
                    "Ukraina membantahnya.", "2025-03-14")
    assert [(s.cue.text, s.kind) for s in x.statements][-1] == ("membantahnya", "denial")


@pytest.mark.parametrize(("language", "text", "cue"), [
    ("en", "Dmitry Peskov stressed that the treaty was purely defensive.", "stressed"),
    ("en", "Zelensky alleged on Monday that 11,000 North Korean soldiers were in Kursk.", "alleged"),
    ("en", "Maria Zakharova described the reports as speculation.", "described"),
    ("id", "Dmitry Peskov menekankan bahwa traktat itu bersifat defensif.", "menekankan"),
    ("id", "Zelensky menuding Rusia memakai tentara Korea Utara.", "menuding"),
    ("id", "Zelensky bilang kedua tentara itu akan diperiksa.", "bilang"),
    ("en", "Lawmakers pressed the minister on whether Seoul would send weapons.", "pressed"),
    ("id", "Lavrov tidak menyinggung keberadaan tentara Korea Utara di Rusia.", "menyinggung"),
])
def test_more_reporting_verbs(language, text, cue):
    assert [s.cue.text for s in _read(language, text, "2024-11-11").statements] == [cue]


@pytest.mark.parametrize(("text", "cue", "kind"), [
    ("On Monday, KCNA carried a statement confirming that North Korean troops had been sent to Russia.",
     "a statement confirming", "confirmation"),
    ("Russia's defence ministry did not respond to our request for comment.", "respond to our request for comment",
     "claim"),
])
def test_a_statement_carried_and_a_request_unanswered(text, cue, kind):
    [said] = _read("en", text, "2025-04-30").statements
    assert (said.cue.text, said.kind) == (cue, kind)


@pytest.mark.parametrize(("language", "text", "role"), [
    ("id", "Menurut anggota komite, NIS menilai sebagian tentara Korut telah ikut bertempur.", "anggota komite"),
    ("en", "According to a senior official, the NIS believes some troops have moved.", "senior official"),
])
def test_according_to_someone_known_by_a_role_and_what_they_relay(language, text, role):
    """The one known by a role is the source; the lead "Menurut …," is not what the agency said."""
    x = _read(language, text, "2024-11-13")
    according, relayed = x.statements
    assert [x.actors[k].label for k in according.speakers] == [role]
    assert not relayed.content.text.startswith(("Menurut", "According"))


@pytest.mark.parametrize(("language", "text", "key"), [
    ("id", "Kami berbincang dengan Dr. Laras Widyaningrum, dosen hubungan internasional, pada Jumat (29/11/2024).\n"
           "T: Apakah tentara Korut sudah bertempur?\nJ: Buktinya cukup kuat. Dua bulan terakhir situasinya berubah.\n"
           "T: Bagaimana sikap Moskow?\nJ: Moskow sudah lama memperingatkan Seoul.", "laras-widyaningrum"),
    ("en", "We spoke to Jane Roe, a lecturer in international relations, on Friday, Nov. 29, 2024.\n"
           "Q: Are the North Korean troops fighting?\nA: The evidence is strong. The past two months changed a lot.",
     "jane-roe"),
])
def test_an_interviews_answers_are_the_interviewees_on_the_day_of_the_interview(language, text, key):
    """The person named before the first question answers; the day the introduction gives
    dates every answer, not a time inside it ("dua bulan terakhir")."""
    answers = [s for s in _read(language, text, "2024-12-02").statements if s.cue.text in ("J:", "A:")]
    assert answers and all(s.speakers == [key] and str(s.time.day) == "2024-11-29" for s in answers)


TRANSCRIPT = ("The Pentagon's briefing on Tuesday, Nov. 5, 2024, was led by deputy press secretary Sabrina Singh. "
              "Defense Secretary Lloyd Austin joined her.\n"
              "QUESTION: Are the North Korean troops in Kursk yet?\n"
              "MS. SINGH: We assess that about 10,000 of them are now in the Kursk region. Last week it was 8,000.\n"
              "QUESTION: Will they fight?\n"
              "SECRETARY AUSTEN: I expect them to enter the fight in the coming days.\n"
              "QUESTION: One more?\n"
              "MR. DOE: Thank you all.")


def test_a_transcripts_lines_are_said_by_the_person_its_tag_names():
    """'MS. SINGH:' opening a line: Sabrina Singh says the whole line, on the day the introduction
    gives; a surname one letter off is still hers ('AUSTEN' for Austin); a tag that names no one
    named before ('MR. DOE') and the questions make no statement."""
    x = _read("en", TRANSCRIPT, "2024-11-06")
    lines = [(s.speakers, s.cue.text, str(s.time.day), s.quote.text[:12]) for s in x.statements
             if s.rule.startswith("answered") and s.cue.text.endswith(":")]
    assert lines == [(["sabrina-singh"], "MS. SINGH:", "2024-11-05", "We assess th"),
                     (["lloyd-austin"], "SECRETARY AUSTEN:", "2024-11-05", "I expect the")]
    assert not [s for s in x.statements if s.cue.text.startswith(("QUESTION", "MR. DOE"))]


def test_i_think_in_an_answer_is_one_more_statement_of_the_one_answering():
    """'I expect …' in Lloyd Austin's line, 'Saya khawatir …' in an interviewee's answer: a
    statement of its own by the one answering, of its kind, on the interview's day."""
    x = _read("en", TRANSCRIPT, "2024-11-06")
    assert [(s.speakers, s.kind, str(s.time.day)) for s in x.statements if s.cue.text == "I expect"] == [
        (["lloyd-austin"], "prediction", "2024-11-05")]
    text = ("Kami berbincang dengan Dr. Laras Widyaningrum, dosen hubungan internasional, pada Jumat (29/11/2024).\n"
            "T: Apa yang terjadi?\nJ: Situasinya berubah. Saya khawatir perang itu akan meluas ke Asia.")
    y = _read("id", text, "2024-12-02")
    assert [(s.speakers, s.kind) for s in y.statements if s.cue.text == "Saya khawatir"] == [
        (["laras-widyaningrum"], "concern")]


def test_a_transcript_with_no_question_marks_is_dated_by_its_introduction():
    """'MODERATOR:' and 'REPORTER (…):' lines ask; the day before the first tagged line dates
    the lines of the person the tags name."""
    text = ("The press conference of Secretary General Mark Rutte in Brussels on Monday, Oct. 28, 2024.\n"
            "MODERATOR: Good afternoon.\n"
            "SECRETARY GENERAL RUTTE: Units were sent to the Kursk region. Last week we saw more.\n"
            "REPORTER (Example Radio): How many?\n"
            "SECRETARY GENERAL RUTTE: I will not give numbers.")
    x = _read("en", text, "2024-10-29")
    lines = [(s.speakers, str(s.time.day)) for s in x.statements if s.rule.startswith("answered")]
    assert lines == [(["mark-rutte"], "2024-10-28")] * 2


def test_a_broadcast_scripts_soundbite_is_said_by_the_person_its_tag_names_in_full():
    """'SOT — JOHN KIRBY, WHITE HOUSE SPOKESMAN:': the tag names him in full, with a title after
    the name and perhaps '(translated)'; the anchor's lines are nobody's."""
    text = ("ANCHOR: Washington says it has evidence of North Korean soldiers in Russia.\n"
            "SOT — JOHN KIRBY, WHITE HOUSE SPOKESMAN: If they go to the front line, that is very worrying.\n"
            "SOT — YOON SUK YEOL, SOUTH KOREAN PRESIDENT (translated): We will not rule out any option.")
    x = _read("en", text, "2024-10-24")
    assert [(s.speakers, s.quote.text[:8]) for s in x.statements if s.rule.startswith("answered")] == [
        (["john-kirby"], "If they "), (["yoon-suk-yeol"], "We will ")]


def test_an_answer_runs_to_the_end_of_its_line():
    """What follows in the same answer is said too: its events are reported, its relative
    times count from the day of the interview."""
    text = ("Kami berbincang dengan Dr. Laras Widyaningrum, dosen hubungan internasional, pada Jumat (29/11/2024).\n"
            "T: Apa yang terjadi?\nJ: Situasinya berubah. Pertengahan bulan ini Korea Utara mengirim 1.000 tentara "
            "tambahan ke Rusia.")
    x = _read("id", text, "2024-12-02")
    [sent] = [e for e in x.events if e.type == "deployment"]
    assert sent.factuality == "reported"
    assert str(sent.time.begin) == "2024-11-11"


@pytest.mark.parametrize(("language", "text", "cue", "kind"), [
    ("id", "Kremlin menyatakan traktat itu sah, tanpa membantah bahwa tentara Korut berada di Rusia.",
     "tanpa membantah", "denial"),
    ("en", "Pyongyang said in a statement that any deployment would be lawful, without confirming that troops had "
           "been sent.", "without confirming", "confirmation"),
])
def test_going_on_without_saying_it_is_a_statement_not_made_by_the_same_speaker(language, text, cue, kind):
    first, unsaid = _read(language, text, "2024-10-25").statements
    assert (unsaid.cue.text, unsaid.kind, unsaid.negated) == (cue, kind, True)
    assert unsaid.speakers == first.speakers


def test_a_cue_set_off_before_a_speaker_going_on_takes_the_lead_as_said():
    """"A, X told the council, without confirming that B": A is what X told; B what X did not confirm."""
    told, unsaid = _read("en", "Any deployment would be lawful under the treaty, North Korea's ambassador told the "
                               "council, without confirming that soldiers had been sent.", "2024-10-31").statements
    assert told.content.text == "Any deployment would be lawful under the treaty"
    assert unsaid.content.text == "soldiers had been sent"


@pytest.mark.parametrize(("language", "text", "begins"), [
    ("en", "Ukraine's ambassador said North Korean units that had trained in the Far East were moving to the front.",
     "North Korean units"),
    ("id", "Zelensky mengatakan tentara Korea Utara yang ditawan itu terluka.", "tentara Korea Utara"),
])
def test_a_relative_that_after_a_force_begins_no_content(language, text, begins):
    [said] = _read(language, text, "2024-10-31").statements
    assert said.content.text.startswith(begins)


def test_none_sent_is_negated():
    x = _read("en", "The minister told the committee that such a team would be natural, but that none had been sent.",
              "2024-11-07")
    assert [e.factuality for e in x.events if e.trigger.text == "sent"] == ["negated"]


@pytest.mark.parametrize(("language", "text", "cues"), [
    ("en", "What did Seoul say about the troops? Seoul said they had moved to Kursk.", ["said"]),
    ("id", "Apa kata Moskow soal pasukan itu? Moskow mengatakan tidak tahu apa-apa.", ["mengatakan"]),
])
def test_a_question_asks_and_says_nothing(language, text, cues):
    x = extract(parse_article(f"---\npublished: 2024-11-05\nlanguage: {language}\n---\n{text}\n", "a.txt"))
    assert [s.cue.text for s in x.statements] == cues



@pytest.mark.parametrize(("language", "text", "wanted"), [
    ("en", "In December the agency had put the losses at no fewer than 100 dead and about 1,000 wounded.",
     {("killed", 100), ("wounded", 1000)}),
    ("id", "Pada Desember, badan itu menyebut korban sedikitnya 100 tewas dan sekitar 1.000 terluka.",
     {("killed", 100), ("wounded", 1000)}),
    ("en", "Ukraine said 3,000 North Korean troops were killed or wounded.", {("killed_or_wounded", 3000)}),
])
def test_a_figure_counts_what_its_own_words_say_before_a_wider_word_near_it(language, text, wanted):
    """'losses at no fewer than 100 dead': 100 killed, not 100 killed or wounded."""
    x = extract(parse_article(f"---\npublished: 2025-01-14\nlanguage: {language}\n---\n{text}\n", "a.txt"))
    found = {(measure(e, load(language), x.article.text), e.quantity.value) for e in x.events if e.quantity}
    assert found - {(None, v) for _, v in found} == wanted
