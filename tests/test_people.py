"""People the gazetteer does not know, named with no title where they speak: before a
reporting verb, set off by commas, after "Mr.", or after a quote cue. Each sentence is my own;
the names are of real people of the story, whom the extractor must find unaided."""
import pytest

from kg.extract.document import extract
from kg.ingest import parse_article


def _read(language: str, text: str):
    return extract(parse_article(f"---\npublished: 2025-04-28\nlanguage: {language}\n---\n{text}\n", "a.txt"))


def _speakers(x) -> list:
    """The actors who speak in the one statement ``x`` holds."""
    [said] = x.statements
    return [x.actors[k] for k in said.speakers]


@pytest.mark.parametrize(("language", "text", "person"), [
    ("en", "Apti Alaudinov claimed that the Kursk region had been retaken.", "Apti Alaudinov"),
    ("en", "A Russian commander, Apti Alaudinov, claimed that the region was retaken.", "Apti Alaudinov"),
    ("en", "Mr. Alaudinov said the North Korean soldiers had fought bravely.", "Alaudinov"),
    ("en", '"The region is ours," said Apti Alaudinov.', "Apti Alaudinov"),
    ("id", "Apti Alaudinov mengatakan wilayah itu telah direbut kembali.", "Apti Alaudinov"),
    ("id", '"Wilayah itu milik kami," kata Apti Alaudinov.', "Apti Alaudinov"),
    ("en", "In Kyiv, Andriy Yermak told reporters the claim was false.", "Andriy Yermak"),
    ("en", "Zelensky's chief of staff Andriy Yermak said the claim was false.", "Andriy Yermak"),
    ("en", "Chief of Staff Andriy Yermak said the claim was false.", "Andriy Yermak"),
])
def test_a_person_named_where_they_speak_is_the_speaker(language, text, person):
    x = _read(language, text)
    people = {a.key: a.label for a in x.actors.values() if a.type == "person"}
    assert person in people.values(), people
    assert [[people.get(k) for k in s.speakers] for s in x.statements] == [[person]]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "The Central Military Commission said the troops had fought in Kursk."),
    ("en", "Amnesty International said civilians had died in the shelling."),
    ("en", "Later on Friday, Moscow said the claim was false."),
    ("id", "Gedung Putih mengatakan pasukan itu sudah tiba di Kursk."),
    ("en", "The statement was carried by the official Korean Central News Agency on Monday."),
])
def test_no_person_is_made_of_an_organisation_or_a_place(language, text):
    assert not [a.label for a in _read(language, text).actors.values() if a.type == "person"]


def test_a_relative_clause_is_not_part_of_a_role():
    """'delegasi Korea Selatan yang dipimpin penasihat …': the adviser is not "Korea Selatan yang
    dipimpin penasihat …"."""
    x = _read("id", "NATO menerima delegasi Korea Selatan yang dipimpin penasihat keamanan nasional di Brussel.")
    assert not [a.label for a in x.actors.values() if " yang " in a.label]


@pytest.mark.parametrize(("language", "text", "speaker"), [
    ("id", '"Kerja sama kami tidak ditujukan kepada negara ketiga," kata juru bicara Kremlin Dmitry Peskov.',
     "dmitry-peskov"),
    ("id", '"Kerja sama kami tidak ditujukan kepada negara ketiga," ujar juru bicara Kremlin Dmitry Peskov '
           'kepada wartawan, Jumat (8/11/2024).', "dmitry-peskov"),
    ("en", '"Our cooperation is aimed at no third country," said Kremlin spokesman Dmitry Peskov.',
     "dmitry-peskov"),
    ("en", '"Our cooperation is aimed at no third country," Kremlin spokesman Dmitry Peskov said.',
     "dmitry-peskov"),
    ("en", '"We will respond to any provocation," said the Kremlin.', "kremlin"),
])
def test_a_quotation_is_the_titled_persons_it_names(language, text, speaker):
    """A quote cue followed by a title and a name: the person, not the organisation of the title."""
    assert [s.speakers for s in _read(language, text).statements] == [[speaker]]


def test_a_preposition_parts_an_organisation_from_a_title_after_it():
    """'disampaikan NIS kepada anggota parlemen': the lawmakers are not the NIS's."""
    x = _read("id", "Perkiraan itu disampaikan NIS kepada anggota parlemen dalam rapat tertutup di Seoul.")
    assert not [a.label for a in x.actors.values() if " kepada " in a.label]
    assert [s.speakers for s in x.statements] == [["nis"]]


@pytest.mark.parametrize(("language", "text", "speakers"), [
    ("en", "US Secretary of State Antony Blinken and Defense Secretary Lloyd Austin said on Thursday that "
           "8,000 North Korean troops were in Kursk.", ["antony-blinken", "lloyd-austin"]),
    ("id", "Menteri Luar Negeri Korea Selatan Cho Tae-yul dan Menteri Pertahanan Kim Yong-hyun mendesak "
           "Pyongyang menarik pasukannya.", ["cho-tae-yul", "kim-yong-hyun"]),
])
def test_people_joined_by_and_speak_together(language, text, speakers):
    assert [s.speakers for s in _read(language, text).statements] == [speakers]


@pytest.mark.parametrize(("language", "text", "speaker", "principal"), [
    ("en", "Andriy Yermak, Zelensky's chief of staff, said the claim was false.", "andriy-yermak",
     "volodymyr-zelenskyy"),
    ("id", "Andriy Yermak, kepala staf Presiden Zelensky, mengatakan klaim itu keliru.", "andriy-yermak",
     "volodymyr-zelenskyy"),
])
def test_the_head_of_an_apposition_speaks_not_the_person_named_inside_it(language, text, speaker, principal):
    """'Jane Roe, John Doe's chief of staff, said': Roe speaks; Doe is whom she serves."""
    x = _read(language, text)
    assert [s.speakers for s in x.statements] == [[speaker]]
    assert x.actors[speaker].principal == principal
    assert x.actors[principal].title != "kepala staf"  # the title is not moved to the principal


@pytest.mark.parametrize(("text", "content", "audience"), [
    ("Dmitry Peskov told reporters the report was a lie.", "the report was a lie", "reporters"),
    ("Dmitry Peskov told reporters that the report was a lie.", "the report was a lie", "reporters"),
    ("Kremlin spokesman Dmitry Peskov told journalists, the report was a lie.", "the report was a lie", "journalists"),
])
def test_what_was_said_begins_after_those_told(text, content, audience):
    x = _read("en", text)
    assert [s.content.text.rstrip(".") for s in x.statements] == [content]
    assert [s.audience.text for s in x.statements] == [audience]


@pytest.mark.parametrize(("language", "text", "speaker", "label"), [
    ("en", "Ukraine's General Staff denied that the fighting in the region was over.", "ukraine-general-staff",
     "Ukraine's General Staff"),
    ("en", "Seoul's Foreign Ministry said the treaty broke UN resolutions.", "south-korea-foreign-ministry",
     "Seoul's Foreign Ministry"),
    ("en", "The General Staff said the village had been retaken.", "general-staff", "General Staff"),
    ("en", "Ukraine's special operations forces said the units had been pulled back.", "ukraine-armed-forces",
     "Ukraine's special operations forces"),
    ("en", "Ukrainian officials said the soldiers were again taking part in assaults.", "ukraine-officials",
     "Ukrainian officials"),
])
def test_an_organisation_a_force_or_a_group_before_the_verb_speaks(language, text, speaker, label):
    """A title word that begins an organisation's name ("General Staff") makes no person, and
    the organisation is named with its owner as written; a country's force, with what sort of
    force it is between; a group the actors know, not its head noun alone."""
    x = _read(language, text)
    assert [s.speakers for s in x.statements] == [[speaker]]
    assert x.actors[speaker].label == label
    assert not [a.label for a in x.actors.values() if a.type == "person"]


def test_a_title_word_inside_an_organisations_name_makes_no_person():
    x = _read("en", "The UN General Assembly voted on the resolution on Monday.")
    assert not [a.label for a in x.actors.values() if a.type == "person"]
    assert "UN General Assembly" in [a.label for a in x.actors.values() if a.type == "organization"]


@pytest.mark.parametrize(("text", "speaker", "day"), [
    ('"We have seen evidence of North Korean troops in Russia," U.S. Defense Secretary Lloyd Austin '
     "told reporters in Rome on Wednesday.", "lloyd-austin", "2025-04-23"),
    ('"Our cooperation is aimed at no third country," South Korean Defense Minister Kim Yong-hyun said.',
     "kim-yong-hyun", None),
])
def test_a_long_title_between_a_quotation_and_its_cue(text, speaker, day):
    """Five or six words of title and name after the quotation, initialisms in them."""
    x = _read("en", text)
    assert [(s.speakers, s.quote is not None) for s in x.statements] == [([speaker], True)]
    assert (x.statements[0].time.value if x.statements[0].time else None) == day


def test_the_words_before_the_speaker_are_said_when_the_cue_ends_its_clause():
    """'…, the spy agency said on Friday, in what it called …': what was said is the lead."""
    x = _read("en", "North Korea has sent about 1,500 special forces to Russia's Far East, South Korea's spy "
                    "agency said on Friday, in what it called the first step of a larger deployment.")
    assert [s.content.text for s in x.statements] == [
        "North Korea has sent about 1,500 special forces to Russia's Far East"]


@pytest.mark.parametrize(("text", "label"), [
    ("North Korean troops are being treated at a military hospital in Kursk, a doctor at the hospital says.",
     "doctor at the hospital"),
    ("North Korean troops are being treated at a military hospital in Kursk, an official says.", "official"),
])
def test_someone_unnamed_after_the_comma_is_not_the_actor_before_it(text, label):
    """'…, a doctor says': the doctor, a person known by that role, and not North Korea."""
    x = _read("en", text)
    assert [[(x.actors[k].label, x.actors[k].type) for k in s.speakers] for s in x.statements] == [[(label, "person")]]


def test_a_definite_role_after_the_comma_is_the_person_last_named_with_it():
    x = _read("en", "Pentagon spokesperson Sabrina Singh spoke to reporters. North Korean troops are now in Kursk, "
                    "the spokesperson said.")
    assert [s.speakers for s in x.statements] == [["sabrina-singh"]]


def test_the_organisation_of_another_speaks_not_the_other():
    """'The Central Military Commission of the ruling Workers' Party said': the commission."""
    x = _read("en", "The Central Military Commission of the ruling Workers' Party said in a statement that the "
                    "troops had fought in Kursk.")
    assert [[x.actors[k].label for k in s.speakers] for s in x.statements] == [["Central Military Commission"]]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Russia's top general claimed Saturday that the Kursk region had been fully retaken."),
    ("id", "Jenderal tertinggi Rusia mengklaim wilayah Kursk telah sepenuhnya direbut kembali."),
])
def test_a_countrys_top_general_is_a_person_not_the_country(language, text):
    x = _read(language, text)
    [statement] = x.statements
    [speaker] = [x.actors[k] for k in statement.speakers]
    assert (speaker.type, speaker.affiliation) == ("person", "russia")


@pytest.mark.parametrize(("language", "text", "group"), [
    ("en", "Kim Jong Un inspected a drone factory in Pyongyang, state media said.", "state media"),
    ("id", "Kim Jong Un meninjau pabrik drone di Pyongyang, kata media pemerintah.", "media pemerintah"),
])
def test_state_media_speak_not_the_leader_they_report_on(language, text, group):
    x = _read(language, text)
    assert [[x.actors[k].label for k in s.speakers] for s in x.statements] == [[group]]


@pytest.mark.parametrize(("text", "key", "label"), [
    ("Russia's foreign ministry said the treaty was purely defensive.", "russia-foreign-ministry",
     "Russia's foreign ministry"),
    ("South Korea's defense ministry said 1,500 troops had arrived in Vladivostok.", "south-korea-defence-ministry",
     "South Korea's defense ministry"),
    ("Russia's lower house said the pact was lawful.", "russia-lower-house", "Russia's lower house"),
])
def test_a_countrys_organisation_in_lowercase_speaks(text, key, label):
    x = _read("en", text)
    assert [s.speakers for s in x.statements] == [[key]]
    assert (x.actors[key].label, x.actors[key].type) == (label, "organization")


@pytest.mark.parametrize(("language", "text", "key"), [
    ("en", "The Russian Foreign Ministry said the treaty was purely defensive.", "russia-foreign-ministry"),
    ("en", "The treaty is purely defensive, the Russian foreign ministry said on Friday.", "russia-foreign-ministry"),
    ("en", "The Russian Ministry of Foreign Affairs said the treaty was purely defensive.", "russia-foreign-ministry"),
    ("id", "Kementerian Luar Negeri Rusia menyebut perjanjian itu murni defensif.", "russia-foreign-ministry"),
    ("en", "Russia's defence ministry said the village had been retaken.", "russian-defense-ministry"),
    ("en", "The village had been retaken, the Russian defence ministry said.", "russian-defense-ministry"),
    ("en", "The U.S. defense department said the troops had moved.", "us-defense-department"),
    ("en", "Ukraine's military intelligence agency said the troops had moved.", "hur"),
    ("id", "Kemlu Rusia menyebut perjanjian itu murni defensif.", "russia-foreign-ministry"),
    ("id", "Kemenhan Rusia menyatakan desa itu sudah direbut kembali.", "russian-defense-ministry"),
    ("en", "Ukraine's security service said the two men were being questioned.", "sbu"),  # its "Security Service of Ukraine"
])
def test_a_countrys_organisation_has_one_key_however_written(language, text, key):
    """One key for a ministry in both languages and every form (the gazetteer's, when it lists
    it), so the merge can join what it says; its country written as an adjective before it
    does not speak in its place."""
    x = _read(language, text)
    assert [s.speakers for s in x.statements] == [[key]]
    assert x.actors[key].type == "organization"


@pytest.mark.parametrize("text", [
    "Russia's military cooperation with North Korea complied with international law, he said.",
    "The report said Russia broke international law.",
])
def test_a_country_without_a_possessive_owns_only_an_organisation_the_lexicon_knows(text):
    x = _read("en", text)
    assert [a.label for a in x.actors.values() if a.type == "organization"] == []


@pytest.mark.parametrize(("text", "key", "owner"), [
    ("Seoul's foreign ministry said the talks would go on.", "south-korea-foreign-ministry", "south-korea"),
    ("The ministry protested, a day after Pyongyang's state media admitted the losses.", "north-korea-state-media",
     "north-korea"),
    ("Moscow's defence ministry said the village had been retaken.", "russian-defense-ministry", "russia"),
])
def test_a_capitals_possessive_is_its_states(text, key, owner):
    x = _read("en", text)
    assert key in [k for s in x.statements for k in s.speakers]
    assert x.actors[key].affiliation == owner


@pytest.mark.parametrize("text", [
    "Putin was asked about satellite pictures that South Korea says show North Korean soldiers.",
    "Zelensky cited figures which South Korea says are too low.",
])
def test_the_subject_of_a_clause_of_its_own_speaks_not_the_sentences(text):
    [said] = [s for s in _read("en", text).statements if s.cue.text == "says"]
    assert said.speakers == ["south-korea"]


@pytest.mark.parametrize(("language", "text", "title"), [
    ("id", "Kim Jong Un menjamu Sekretaris Dewan Keamanan Rusia Sergei Shoigu di Pyongyang pada Rabu.", "Sekretaris"),
    ("en", "Kim Jong Un hosted Russian Security Council Secretary Sergei Shoigu in Pyongyang on Wednesday.",
     "Secretary"),
])
def test_a_secretary_of_an_organisation_is_a_person_with_that_title(language, text, title):
    x = _read(language, text)
    assert x.actors["sergei-shoigu"].title == title
    assert not [a.label for a in x.actors.values() if a.type == "organization" and "ekretar" in a.label]
    assert [e.type for e in x.events] == ["meeting"]


@pytest.mark.parametrize(("language", "text", "label"), [
    ("en", "One of the captives told interrogators he had been sent to Russia for training.", "one of the captives"),
    ("id", "Menurut NIS, salah satu tawanan mengaku dikirim ke Rusia untuk latihan.", "salah satu tawanan"),
])
def test_one_of_a_group_that_speaks_is_a_person(language, text, label):
    x = _read(language, text)
    [said] = [s for s in x.statements if s.cue.text in ("told", "mengaku")]
    [actor] = [x.actors[k] for k in said.speakers]
    assert (actor.label, actor.type) == (label, "person")
    assert said.content.text.startswith(("he had been", "dikirim"))  # the captors' questions are not what was said


@pytest.mark.parametrize(("language", "text", "label"), [
    ("id", "Dari Seoul, seorang pejabat militer Korea Selatan mengatakan aktivitas pasukan itu menurun.",
     "pejabat militer Korea Selatan"),
])
def test_a_preposition_opening_a_sentence_is_no_name(language, text, label):
    """'Dari Seoul, seorang pejabat …': no person "Dari Seoul"; the official speaks."""
    x = _read(language, text)
    assert [x.actors[k].label for s in x.statements for k in s.speakers] == [label]
    assert not any(a.label.startswith("Dari") for a in x.actors.values())


@pytest.mark.parametrize(("language", "text", "label"), [
    ("id", "Seorang pengamat militer di Seoul juga memperkirakan Pyongyang akan mengirim pasukan lagi.",
     "pengamat militer di Seoul"),
    ("en", "A researcher at a security institute in Seoul, who asked not to be named, believes more troops will come.",
     "researcher at a security institute in Seoul"),
    ("en", "The troops were exhausted, a doctor at the hospital said.", "doctor at the hospital"),
    ("en", "A ministry spokesperson told reporters the military was watching.", "ministry spokesperson"),
    ("id", '"Pasal itu kuncinya," kata seorang peneliti keamanan di Jakarta kepada wartawan, Kamis (5/12/2024).',
     "peneliti keamanan di Jakarta"),
    ("id", '"Unit-unit itu ditarik ke belakang," ujar anggota komite dari Partai Kekuatan Rakyat.',
     "anggota komite dari Partai Kekuatan Rakyat"),  # after a quote's cue, with no "seorang"
    ("en", '"The units were pulled back," said a committee member from the ruling party.',
     "committee member from the ruling party"),
])
def test_someone_known_only_by_a_role_speaks_as_a_person_of_that_role(language, text, label):
    """Not the capital in the description ("di Seoul"), and not no one."""
    x = _read(language, text)
    [actor] = _speakers(x)
    assert (actor.label, actor.type) == (label, "person")


def test_an_organisation_named_with_of_inside_speaks():
    """'South Korea's Ministry of National Defense condemned …': the ministry, not the country."""
    x = _read("en", "South Korea's Ministry of National Defense condemned North Korea on Tuesday for sending troops.")
    assert [(a.label, a.affiliation) for a in _speakers(x)] == [
        ("South Korea's Ministry of National Defense", "south-korea")]


@pytest.mark.parametrize(("text", "label"), [
    ("The Institute for Frontline Studies assessed that the troops were attacking on foot.",
     "Institute for Frontline Studies"),
    ("The Committee on National Security said the troops had arrived.", "Committee on National Security"),
    ("The Committee on National Security met. The committee said the troops had arrived.",
     "Committee on National Security"),
])
def test_an_organisation_named_with_for_or_on_inside_speaks(text, label):
    """'for' and 'on' join the words of a name as 'of' does; 'the committee' after it is it."""
    x = _read("en", text)
    assert [[x.actors[k].label for k in s.speakers] for s in x.statements] == [[label]]


def test_an_anaphor_inside_a_name_is_the_name():
    """'The Ministry for Foreign Affairs' is a name of its own, not 'the ministry' named before."""
    x = _read("en", "The Committee on Defence met. The Ministry for Foreign Affairs said the troops had arrived.")
    assert [a.label for a in _speakers(x)] == ["Ministry for Foreign Affairs"]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "A Washington-based think tank said the troops had suffered heavy losses."),
    ("en", "A Seoul-based analyst said the troops had suffered heavy losses."),
])
def test_a_place_a_speaker_is_based_in_is_not_the_speaker(language, text):
    x = _read(language, text)
    assert not [k for s in x.statements for k in s.speakers if x.actors[k].type == "country"]
    assert not [a for a in x.actors.values() if a.type == "country"]


@pytest.mark.parametrize(("text", "label"), [
    ("Kabar itu disampaikan juru bicara Pasukan Operasi Khusus Ukraina, Jumat (7/2/2025).",
     "juru bicara Pasukan Operasi Khusus Ukraina"),
])
def test_a_force_named_with_a_qualifier_after_its_noun_has_a_spokesperson(text, label):
    """'Pasukan Operasi Khusus Ukraina': Ukraine's force (the qualifier follows the noun), whose spokesperson speaks."""
    x = _read("id", text)
    assert [x.actors[k].label for s in x.statements for k in s.speakers] == [label]
    assert x.actors["ukraine-armed-forces"].label == "Pasukan Operasi Khusus Ukraina"


def test_a_title_with_an_enclitic_before_a_name_makes_a_person():
    """'juru bicaranya, Stéphane Dujarric': his spokesperson, a person who speaks."""
    x = _read("id", "Guterres sangat prihatin. Sikap itu disampaikan juru bicaranya, Stéphane Dujarric, dalam jumpa pers.")
    assert ["stephane-dujarric"] in [s.speakers for s in x.statements]


@pytest.mark.parametrize(("language", "text", "label"), [
    ("en", "China's envoy urged all sides to show restraint.", "China's envoy"),
    ("id", "Utusan khusus China mendesak semua pihak menahan diri.", "Utusan khusus China"),
    ("en", "At an open meeting in New York, the U.S. deputy ambassador asked Russia's envoy whether it was true.",
     "U.S. deputy ambassador"),  # no person "New York", and what was asked follows
])
def test_an_envoy_speaks_as_a_person(language, text, label):
    x = _read(language, text)
    [said] = x.statements
    [actor] = [x.actors[k] for k in said.speakers]
    assert (actor.label, actor.type) == (label, "person")
    assert not any(a.type == "person" and a.label == "New York" for a in x.actors.values())
    assert "New York" not in said.content.text


@pytest.mark.parametrize(("language", "text", "label"), [
    ("id", "Duta besar Rusia tidak menjawab pertanyaan itu.", "Duta besar Rusia"),
    ("en", "Chief of staff Jane Roe said the talks would go on.", "Jane Roe"),
])
def test_a_title_opening_a_sentence_is_still_a_title(language, text, label):
    """A title written in lower case takes a capital when it opens the sentence."""
    x = _read(language, text)
    [actor] = _speakers(x)
    assert (actor.label, actor.type) == (label, "person")


@pytest.mark.parametrize(("text", "label"), [
    ("President Yoon Suk Yeol chaired a meeting. Yoon's office said Seoul would not stand idly by.",
     "Yoon Suk Yeol's office"),
    ("President Yoon Suk Yeol chaired a meeting. His office said Seoul would not stand idly by.",
     "Yoon Suk Yeol's office"),
])
def test_a_persons_office_speaks_for_itself(text, label):
    """Not the person: "Yoon's office said" is the office's word."""
    x = _read("en", text)
    [actor] = _speakers(x)
    assert (actor.label, actor.type, actor.affiliation) == (label, "organization", "yoon-suk-yeol")


def test_an_organisation_owned_by_a_force_after_it_and_its_short_form_are_one():
    """"Staf Umum Angkatan Bersenjata Ukraina", later "Staf Umum": one organisation, Ukraine's."""
    x = _read("id", "Staf Umum Angkatan Bersenjata Ukraina membantah klaim itu. Pernyataan Staf Umum menyebut "
                    "unit-unitnya bergerak.")
    speakers = {k for s in x.statements for k in s.speakers}
    [actor] = [x.actors[k] for k in speakers]
    assert (actor.label, actor.type, actor.affiliation) == ("Staf Umum Angkatan Bersenjata Ukraina", "organization",
                                                          "ukraine")


def test_a_country_before_the_verb_is_not_part_of_a_role_after_it():
    """"… Korea Selatan memanggil duta besar Rusia": Russia's ambassador, labelled without Seoul's verb."""
    x = _read("id", "Kementerian Luar Negeri Korea Selatan memanggil duta besar Rusia pada Senin.")
    [person] = [a for a in x.actors.values() if a.type == "person"]
    assert (person.label, person.affiliation) == ("duta besar Rusia", "russia")


@pytest.mark.parametrize(("language", "text", "key"), [
    ("en", '"No, we have nothing to add," Peskov said.', "dmitry-peskov"),
    ("id", "Lavrov mengatakan kerja sama itu sesuai hukum internasional.", "sergey-lavrov"),
    ("en", "Budanov said 11,000 North Korean troops were in Kursk.", "kyrylo-budanov"),
])
def test_a_surname_of_an_official_the_gazetteer_knows_speaks_for_them(language, text, key):
    [said] = _read(language, text).statements
    assert said.speakers == [key]


@pytest.mark.parametrize(("language", "text", "key", "title"), [
    ("id", "Kepala Staf Umum Angkatan Bersenjata Rusia, Valery Gerasimov, mengklaim wilayah itu direbut.",
     "valery-gerasimov", "Chief of the General Staff"),
    ("en", "John Kirby, the White House national security adviser, said they suffered losses.", "john-kirby",
     "spokesman"),
])
def test_a_title_set_off_by_commas_belongs_to_the_known_person(language, text, key, title):
    """No second, unnamed person for the title: the known one speaks (and keeps a title)."""
    x = _read(language, text)
    [said] = x.statements
    assert said.speakers == [key] and [a.key for a in x.actors.values() if a.type == "person"] == [key]
    assert x.actors[key].title


@pytest.mark.parametrize(("language", "text", "force"), [
    ("id", "Presiden Ukraina Volodymyr Zelensky menyebut dua tentara Korea Utara ditawan pasukannya.", "ukraine-armed-forces"),
    ("id", "Kyiv membantah klaim itu dan menyatakan pasukannya masih bertahan di Kursk.", "ukraine-armed-forces"),
    ("en", "Seoul urged Pyongyang to withdraw its troops from Russia.", "north-korea-armed-forces"),
])
def test_a_force_owned_by_a_pronoun_is_that_of_the_country_named_before(language, text, force):
    """"pasukannya" after Zelensky, "its troops" after Pyongyang: a mention of that country's forces."""
    x = _read(language, text)
    owners = [a.key for a in x.actors.values() for m in a.mentions if m.text in ("pasukannya", "its troops")]
    assert owners == [force]


@pytest.mark.parametrize(("language", "text", "label", "title"), [
    ("id", "Kami berbincang dengan Dr. Laras Widyaningrum, dosen hubungan internasional di Bandung.",
     "Laras Widyaningrum", "dosen"),
    ("en", "We spoke to Dr. Jane Roe, a lecturer in international relations.", "Jane Roe", "lecturer"),
])
def test_a_lecturer_after_an_honorific_is_a_person(language, text, label, title):
    [person] = [a for a in _read(language, text).actors.values() if a.type == "person"]
    assert (person.label, person.title) == (label, title)


def test_a_countrys_title_then_a_verb_is_no_organisation():
    """"North Korea's ambassador told the council": the ambassador, not an organisation
    "ambassador told the council" for the head word at its end."""
    x = _read("en", "Any deployment would be lawful, North Korea's ambassador told the council on Wednesday.")
    assert [(a.label, a.type) for a in x.actors.values() if a.type != "country"] == [
        ("North Korea's ambassador", "person")]


def test_a_reporting_verb_parts_an_organisation_from_a_title_after_it():
    """"… the Democratic Party asked the minister": no person "Democratic Party asked the minister"."""
    x = _read("en", "A lawmaker from the opposition Democratic Party asked the minister whether arms would be sent.")
    assert not any("asked" in a.label for a in x.actors.values())


@pytest.mark.parametrize(("text", "speaker", "kind"), [
    ("Penandatanganan itu diumumkan Kremlin melalui situs resminya.", "kremlin", "claim"),
    ("Angka itu dilaporkan oleh NIS kepada parlemen.", "nis", "claim"),
])
def test_a_passive_announcement_names_its_speaker_after_it(text, speaker, kind):
    """'diumumkan Kremlin': announced by the Kremlin; 'dilaporkan' alone stays a hedge."""
    x = _read("id", text)
    assert [(s.speakers, s.kind) for s in x.statements] == [([speaker], kind)]


def test_reportedly_is_no_statement():
    x = _read("id", "Sebanyak 100 tentara Korut dilaporkan tewas di Kursk, Rusia.")
    assert x.statements == []


def test_whom_a_speaker_told_after_a_comma_is_not_the_speaker():
    """'X, chief of …, told President Y that …': X speaks and Y is told; '…, told Y' is never
    Y's own statement."""
    x = _read("en", "Valery Gerasimov, chief of the General Staff of Russia's armed forces, told President "
                    "Vladimir Putin that the region was retaken.")
    assert [(s.speakers, s.addressees, s.content.text.rstrip(".")) for s in x.statements] == [
        (["valery-gerasimov"], ["vladimir-putin"], "the region was retaken")]


@pytest.mark.parametrize(("language", "text", "country", "absent"), [
    ("en", "South Korea's spy agency said the troops had arrived.", "south-korea", ""),
    ("en", "Ukraine's military intelligence agency said the troops had arrived.", "ukraine", "ukraine-armed-forces"),
    ("id", "Kementerian Luar Negeri RI menyerukan perdamaian.", "indonesia", ""),
])
def test_the_country_inside_a_known_name_is_named_too(language, text, country, absent):
    """'South Korea's spy agency' (a name the gazetteer knows whole) names South Korea too; the
    'military' of 'Ukraine's military intelligence agency' is no armed force."""
    x = _read(language, text)
    assert country in x.actors and absent not in x.actors


def test_a_relative_clause_after_an_apposition_is_the_heads():
    """'… by Valery Gerasimov, chief of Russia's general staff, who told …': Gerasimov told it,
    not the general staff his title names."""
    x = _read("en", "The news followed a report by Valery Gerasimov, chief of Russia's general staff, who told "
                    "President Vladimir Putin that Kursk had been retaken.")
    assert [s.speakers for s in x.statements] == [["valery-gerasimov"]]


@pytest.mark.parametrize(("text", "organisation"), [
    ("The Russian Foreign Ministry's official spokeswoman said Moscow was right.", "Russian Foreign Ministry"),
    ("South Korea's Defense Ministry's spokesman said the troops were there.", "South Korea's Defense Ministry"),
])
def test_an_organisation_before_a_possessive_is_the_spokespersons(text, organisation):
    """'the Russian Foreign Ministry's official spokeswoman': a person of that ministry speaks,
    not Russia."""
    x = _read("en", text)
    [speaker] = _speakers(x)
    assert speaker.type == "person" and x.actors[speaker.affiliation].label == organisation


@pytest.mark.parametrize(("text", "label"), [
    ("A ruling People Power Party member asked whether the troops were fighting.", "ruling People Power Party member"),
    ("A Democratic Party lawmaker said the troops were fighting.", "Democratic Party lawmaker"),
])
def test_a_role_after_an_organisations_name_is_a_person(text, label):
    """'a ruling People Power Party member': the member speaks, not the party."""
    x = _read("en", text)
    assert [(a.label, a.type) for a in _speakers(x)] == [(label, "person")]


@pytest.mark.parametrize(("language", "text", "name"), [
    ("en", 'A drone pilot who goes by the call sign "Kit" replays the video. "They keep coming," Kit said.', "Kit"),
    ("en", "Bohdan, a 41-year-old infantryman who asked that only his first name be used, spoke on Sunday. "
           "Bohdan said his unit had found a body.", "Bohdan"),
    ("id", 'Seorang pilot drone dengan nama sandi "Varan" menunjukkan rekamannya. "Mereka terus datang," kata Varan.',
     "Varan"),
    ("en", "Chul, 38, served as a captain before he defected. Chul said the units had been pulled back.", "Chul"),
    ("id", "Bagas (29) mengikuti kabar itu dari Surabaya. Bagas mengatakan videonya sudah ditonton jutaan kali.",
     "Bagas"),
])
def test_someone_known_by_a_call_sign_or_a_first_name_speaks_by_it(language, text, name):
    """A call sign, or a first name set off before a role or an age ("Chul, 38,", "Bagas (29)"),
    makes a person; the name alone later is the same person, and asking to be named so is no
    statement."""
    x = _read(language, text)
    assert [x.actors[k].label for s in x.statements for k in s.speakers] == [name]


def test_an_adverb_before_a_role_is_no_name():
    x = _read("en", "Afterwards, a member of the committee told reporters the troops had arrived.")
    assert "afterwards" not in x.actors


@pytest.mark.parametrize(("language", "text", "key"), [
    ("en", "Moscow wants Kursk retaken before Donald Trump takes office in January.", "donald-trump"),
    ("id", "Yoon bertemu Presiden China Xi Jinping di sela-sela KTT.", "xi-jinping"),
    ("en", "Prime Minister Shigeru Ishiba said Japan was concerned.", "shigeru-ishiba"),
])
def test_the_leaders_of_the_time_are_known_by_name(language, text, key):
    assert key in _read(language, text).actors


@pytest.mark.parametrize(("language", "text", "label"), [
    ("en", "Ukrainian media reported that several officers had been killed.", "Ukrainian media"),
    ("en", "North Korean state media has made no mention of the deployment.", "North Korean state media"),
    ("id", "Media pemerintah Korea Utara tidak menyinggung pengiriman itu.", "Media pemerintah Korea Utara"),
])
def test_a_countrys_media_speak_as_a_group_of_that_country(language, text, label):
    """'Ukrainian media reported': the media, not Ukraine."""
    x = _read(language, text)
    [speaker] = _speakers(x)
    assert (speaker.label, speaker.type, x.actors[speaker.affiliation].type) == (label, "group", "country")


@pytest.mark.parametrize(("text", "label"), [
    ("G7 foreign ministers condemned the deployment.", "G7 foreign ministers"),
    ("The G7 ministers, meeting in Italy, said in a joint statement that they condemned it.", "G7 ministers"),
])
def test_ministers_of_a_body_speak_as_a_group(text, label):
    x = _read("en", text)
    assert [[(x.actors[k].label, x.actors[k].type) for k in s.speakers] for s in x.statements] == [[(label, "group")]]


@pytest.mark.parametrize(("language", "text", "label"), [
    ("en", "The director of the National Intelligence Service briefed the committee. The director replied that the agency "
           "had no evidence.", "director of the National Intelligence Service"),
    ("id", "Duta besar Rusia untuk Korea Selatan dipanggil pada Senin. Duta besar itu mengatakan Moskow tidak melanggar "
           "hukum.", "Duta besar Rusia"),
])
def test_the_role_again_is_the_one_named_with_it(language, text, label):
    """'The director replied': the director named before, not the agency."""
    x = _read(language, text)
    said = x.statements[-1]
    assert [x.actors[k].label for k in said.speakers] == [label]


@pytest.mark.parametrize(("language", "text", "label"), [
    ("en", "Officials who met Zelensky in Kyiv on Monday said the troops had reached Kursk.", "officials"),
    ("en", "Lawmakers who attended the closed-door session with the spy agency said 100 soldiers had died.", "lawmakers"),
    ("id", "Anggota parlemen yang menghadiri rapat tertutup dengan Badan Intelijen Nasional mengatakan 100 tentara "
           "tewas.", "anggota parlemen"),
])
def test_those_a_relative_clause_with_no_comma_describes_speak(language, text, label):
    """'Officials who met Zelensky said': the officials, not Zelensky or the agency."""
    assert [a.label.casefold() for a in _speakers(_read(language, text))] == [label]


def test_a_cue_inside_the_relative_clause_is_not_said_by_its_head():
    """'Lawmakers who were briefed by the agency said': the lawmakers speak; the briefing is the agency's."""
    x = _read("en", "Lawmakers who were briefed by the National Intelligence Service said 100 soldiers had died.")
    assert [[x.actors[k].label for k in s.speakers] for s in x.statements if s.cue.text == "said"] == [["lawmakers"]]
    assert not [s for s in x.statements if s.cue.text == "briefed" and "lawmakers" in s.speakers]


@pytest.mark.parametrize(("language", "text"), [
    ("id", "Perkiraan terakhir lembaga itu, yang disampaikan bulan lalu, adalah sekitar 300 tentara Korut tewas."),
    ("en", "The agency's last estimate, which was given in January, put the North Korean dead at about 300."),
])
def test_a_passive_cue_in_a_relative_clause_with_no_one_named_is_not_the_next_actors(language, text):
    """'…, yang disampaikan bulan lalu, adalah … tentara Korut': North Korea said nothing."""
    x = _read(language, text)
    assert not [s for s in x.statements if "north-korea" in s.speakers], [(s.cue.text, s.speakers) for s in x.statements]


@pytest.mark.parametrize(("language", "text", "key"), [
    ("en", "Peskov said the talks were private. Choe Son Hui met Sergei Lavrov in Moscow on Friday. She said the "
           "alliance would last.", "choe-son-hui"),
    ("id", "Peskov mengatakan pembicaraan itu tertutup. Choe Son Hui bertemu Sergei Lavrov di Moskwa pada Jumat. Ia "
           "mengatakan aliansi itu akan bertahan.", "choe-son-hui"),
])
def test_a_pronoun_after_a_sentence_opening_with_a_person_is_that_person(language, text, key):
    """'X met Y. She said …': X, not the last speaker before and not Y."""
    x = _read(language, text)
    assert x.statements[-1].speakers == [key], [(s.cue.text, s.speakers) for s in x.statements]


@pytest.mark.parametrize(("language", "text", "key"), [
    ("id", 'Laras Wicaksani, pengajar di Universitas Contoh, menilai sikap itu tepat. "Jakarta bisa bicara kepada semua '
           'pihak," kata Laras.', "laras-wicaksani"),
    ("en", 'Bagus Hendrawan, a lecturer in Surabaya, called the move a gamble. "Seoul will not stay idle," Bagus said.',
     "bagus-hendrawan"),
])
def test_a_given_name_alone_is_the_person_named_in_full_before(language, text, key):
    """'kata Laras' after 'Laras Wicaksani': Indonesian reporting names people by their given name."""
    x = _read(language, text)
    assert [s.speakers for s in x.statements if s.quote] == [[key]], [(s.cue.text, s.speakers) for s in x.statements]


@pytest.mark.parametrize(("language", "text", "label"), [
    ("id", '"Rahasia umum yang baru diakui sekarang," tulis Bagas, warganet asal Yogyakarta, di akun X miliknya.', "Bagas"),
    ("en", '"Everyone knew it for months," wrote Nadia, a student in Seoul, on X.', "Nadia"),
])
def test_one_capitalised_name_after_a_quotation_cue_is_a_person(language, text, label):
    assert [(a.label, a.type) for a in _speakers(_read(language, text))] == [(label, "person")]


@pytest.mark.parametrize(("language", "text", "keys"), [
    ("en", "Jane Roe and John Doe said the troops had moved.", ["jane-roe", "john-doe"]),
    ("id", "Laras Wicaksani dan Bagas Hendrawan menilai sikap itu tepat.", ["laras-wicaksani", "bagas-hendrawan"]),
    ("en", "National Security and Defense Council said so.", ["defense-council"]),  # no person in an organisation
])
def test_two_people_named_and_joined_before_the_verb_speak_together(language, text, keys):
    assert [a.key for a in _speakers(_read(language, text))] == keys


def test_a_given_name_two_people_share_stays_unlinked():
    x = _read("id", 'Laras Wicaksani menilai sikap itu tepat. Laras Pratiwi menilai sebaliknya. "Jakarta bisa bicara," '
                    'kata Laras.')
    assert not [s for s in x.statements if s.cue.text == "kata" and s.speakers], [(s.cue.text, s.speakers) for s in x.statements]


def test_a_pronoun_after_a_person_opening_a_sentence_after_a_time_is_that_person_on_that_day():
    """'Later on Wednesday, the director … briefed …. He told lawmakers …': the director, on Wednesday."""
    x = _read("en", "Zelensky said on Monday that the troops had arrived. Later on Wednesday, the director of the National "
                    "Intelligence Service briefed the intelligence committee. He told lawmakers that 11,000 troops were "
                    "in Russia.")
    told = x.statements[-1]
    assert (told.speakers, str(told.time.day)) == (["nis-director"], "2025-04-23"), (told.speakers, told.time)


@pytest.mark.parametrize(("language", "text", "speakers"), [
    ("en", "Australia and New Zealand condemned the deployment on Tuesday.", ["australia", "new-zealand"]),
    ("id", "Kanada dan Belanda mengecam pengiriman pasukan itu.", ["canada", "netherlands"]),
    ("en", "Canberra said the deployment broke U.N. resolutions.", ["australia"]),
])
def test_more_countries_and_their_capitals_speak(language, text, speakers):
    assert [a.key for a in _speakers(_read(language, text))] == speakers


def test_a_country_set_off_after_a_place_is_where_not_who():
    """'The G7 ministers, meeting in Fiuggi, Italy, said': the ministers, not Italy."""
    x = _read("en", "The G7 ministers, meeting in Fiuggi, Italy, said in a joint statement that they condemned it.")
    assert [a.label for a in _speakers(x)] == ["G7 ministers"]


@pytest.mark.parametrize(("language", "text", "key"), [
    ("en", "The Multilateral Sanctions Monitoring Team said on Thursday that 14,000 soldiers had been sent. The team "
           "added that Moscow supplied air defence systems.", "multilateral-sanctions-monitoring-team"),
    ("id", "Tim Pemantau Sanksi Multilateral menyatakan pada Kamis bahwa 14.000 tentara telah dikirim. Tim itu "
           "menyebut Moskwa memasok sistem pertahanan udara.", "tim-pemantau-sanksi-multilateral"),
])
def test_a_team_or_a_panel_is_an_organisation_and_said_again_the_same(language, text, key):
    x = _read(language, text)
    assert [s.speakers for s in x.statements] == [[key], [key]], [(s.cue.text, s.speakers) for s in x.statements]


@pytest.mark.parametrize(("language", "text", "label"), [
    ("en", "South Korea's foreign ministry condemned the move. Its spokesperson said the admission changed nothing.",
     "South Korea's foreign ministry spokesperson"),
    ("en", "South Korea's foreign ministry condemned the move. At a briefing, the ministry's spokesperson said the "
           "admission changed nothing.", "South Korea's foreign ministry spokesperson"),
    ("id", "Kementerian Luar Negeri Ukraina mengecam langkah itu. Juru bicara kementerian itu mengingatkan bahwa "
           "tentara Korea Utara bisa menyusul.", "Juru bicara Kementerian Luar Negeri Ukraina"),
])
def test_the_spokesperson_of_an_organisation_named_before_speaks_for_it(language, text, label):
    """'its spokesperson', "the ministry's spokesperson", 'juru bicara kementerian itu': the
    organisation named last is the one the spokesperson speaks for."""
    x = _read(language, text)
    said = x.statements[-1]
    [speaker] = [x.actors[k] for k in said.speakers]
    assert (speaker.type, speaker.label.casefold()) == ("person", label.casefold())
    assert speaker.principal == x.statements[0].speakers[0]


@pytest.mark.parametrize(("language", "text"), [
    ("id", "Direktorat Intelijen Utama Kementerian Pertahanan Ukraina (GUR) melaporkan serangan itu. Menurut GUR, "
           "30 tentara tewas."),
    ("en", "Ukraine's Main Intelligence Directorate reported the assault. According to HUR, 30 soldiers were killed."),
])
def test_an_agency_by_its_full_name_and_its_acronym_is_one_actor(language, text):
    x = _read(language, text)
    assert [s.speakers for s in x.statements] == [["hur"], ["hur"]]


@pytest.mark.parametrize(("language", "text", "speaker"), [
    ("en", "South Korea's National Intelligence Service confirmed the capture, saying it had shared information with "
           "the SBU. In late December, the agency had said that another soldier had died.", "nis"),
    ("en", "The SBU said on Saturday that two soldiers had been captured. One carried a card issued in the name of "
           "another man, the service said.", "sbu"),
    ("en", "South Korea's spy agency said on Friday that troops had left. Yonhap news agency quoted the NIS as saying "
           "more would follow. The soldiers were given uniforms, the spy agency added.", "nis"),
    ("id", "Badan Intelijen Nasional Korea Selatan membenarkan penangkapan itu dan berbagi informasi dengan SBU. "
           "Pada akhir Desember, badan itu menyebut seorang tentara lain tewas.", "nis"),
])
def test_an_organisation_said_again_is_the_one_the_text_is_about(language, text, speaker):
    """'the agency', 'the service', 'badan itu' with no organisation before it in its sentence:
    the one that opens a recent sentence, not one named in passing at the end of the last; a
    described one ('the spy agency') the one written so."""
    assert _read(language, text).statements[-1].speakers == [speaker]


def test_a_description_before_an_organisations_name_is_that_organisation():
    """"North Korea's state news agency KCNA": one actor, KCNA, which speaks (not a second
    organisation made of the description)."""
    x = _read("en", "North Korea's state news agency KCNA reported that Kim Jong Un had ordered the deployment.")
    assert [s.speakers for s in x.statements] == [["kcna"]]
    assert not [a for a in x.actors.values() if a.type == "organization" and a.key != "kcna"]


@pytest.mark.parametrize(("language", "text", "speaker"), [
    ("en", "KCNA reported the order on Monday. The agency called it a duty under the treaty Kim signed with Putin "
           "last June, and it quoted Kim as saying a monument would be built.", "kcna"),
    ("id", "KCNA melaporkan perintah itu pada Senin. Kantor berita itu menyebutnya kewajiban di bawah traktat yang "
           "diteken Kim dan Putin Juni lalu, dan ia mengatakan sebuah monumen akan dibangun.",
     "kcna"),
])
def test_a_pronoun_joined_to_the_clause_before_is_its_speaker_not_a_person_named_in_it(language, text, speaker):
    """', and it quoted Kim': the one speaking in the sentence, not Kim or Putin named before the pronoun."""
    x = _read(language, text)
    assert [s for s in x.statements if s.cue.text in ("quoted", "mengatakan")][0].speakers == [speaker]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "A member of parliament's intelligence committee said the agency had briefed them."),
    ("id", "Seorang anggota Komite Intelijen parlemen mengatakan badan itu sudah memberi pengarahan."),
])
def test_the_assemblys_intelligence_committee_is_known(language, text):
    x = _read(language, text)
    assert x.actors["assembly-intelligence-committee"].type == "organization"


@pytest.mark.parametrize(("text", "cue", "key"), [
    ("South Korea's foreign ministry condemned the admission. The two countries were violating U.N. Security "
     "Council resolutions, the ministry said.", "said", "south-korea-foreign-ministry"),
    ("The Security Service of Ukraine is questioning both men. Neither speaks Russian, the service said.",
     "said", "sbu"),
])
def test_an_organisations_anaphor_is_the_last_one_written_with_its_noun(text, cue, key):
    """'the ministry' after a council named in between: the ministry, written with its noun."""
    [said] = [s for s in _read("en", text).statements if s.cue.text == cue]
    assert said.speakers == [key]


@pytest.mark.parametrize(("text", "cue", "key"), [
    ("Putin hails the troops; South Korea condemns the admission.", "condemns", "south-korea"),
    ("Zelensky proposed a swap for soldiers held by Russia; Pyongyang never replied.", "replied", "north-korea"),
])
def test_a_clause_after_a_semicolon_has_its_own_speaker(text, cue, key):
    [said] = [s for s in _read("en", text).statements if s.cue.text == cue]
    assert said.speakers == [key]
