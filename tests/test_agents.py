"""Who acts in an event: the subject of an active verb ("North Korea had sent ..."), the actor
after "by" / "oleh", a speaker who says they did it ("mengakui telah mengirim"), "it" for the
country named before; a deployed force's country when no one is named (not when the force is
only said to be there); and no agent for troops that only move, train or fall. Against whom a fight or an attack goes, and where it happened.
Each sentence is my own."""
import pytest

from kg.extract.document import extract
from kg.ingest import parse_article

# (language, text, the trigger, its event type, the agents' keys, the themes' keys)
CASES = [
    ("en", "South Korea's spy agency said on Friday that North Korea had sent 1,500 troops to Russia's Far East.",
     "sent", "deployment", {"north-korea"}, set()),
    ("id", "Menurut NIS, Korea Utara telah mengirim lebih dari 10.000 tentara ke Rusia.",
     "mengirim", "deployment", {"north-korea"}, set()),
    ("en", "Pyongyang could send more soldiers to the Russian army within weeks, the minister warned.",
     "send", "deployment", {"north-korea"}, set()),
    ("en", "Seoul urged Pyongyang to withdraw its troops from Russia without delay.",
     "withdraw", "withdrawal", {"north-korea"}, {"north-korea-armed-forces"}),  # its: the capital's state's
    ("id", "Seoul mendesak Moskow dan Pyongyang untuk segera menarik pasukan Korea Utara dari Rusia.",
     "menarik pasukan", "withdrawal", {"russia", "north-korea"}, {"north-korea-armed-forces"}),
    ("en", "North Korea acknowledged on Monday that it had deployed troops to the Kursk region.",
     "deployed", "deployment", {"north-korea"}, set()),
    ("id", "Korea Utara untuk pertama kalinya mengakui telah mengirim pasukan ke Kursk.",
     "mengirim", "deployment", {"north-korea"}, set()),
    ("id", "Blinken mengatakan Rusia telah melatih prajurit Korea Utara menggunakan drone.",
     "melatih", "training", {"russia"}, {"north-korea-armed-forces"}),
    ("en", "Ukrainian forces managed to capture two North Korean soldiers near Kursk.",
     "capture", "casualties", {"ukraine-armed-forces"}, {"north-korea-armed-forces"}),
    ("en", "North Korean troops were deployed to the Kursk region in early November.",
     "deployed", "deployment", {"north-korea"}, {"north-korea-armed-forces"}),
    ("en", "North Korean troops sent to Russia have fought Ukrainian forces, Kyiv said.",
     "sent", "deployment", {"north-korea"}, {"north-korea-armed-forces"}),  # troops are sent, they send no one
    ("en", "Thousands of North Korean troops are in the Kursk region, the Pentagon said.",
     "are in", "deployment", set(), {"north-korea-armed-forces"}),  # only being there: no sender
    ("id", "Kremlin tidak pernah mengakui keberadaan tentara Korea Utara di Kursk.",
     "keberadaan tentara", "deployment", set(), {"north-korea-armed-forces"}),
    ("en", "Thousands of North Korean troops moved closer to the front line last week.",
     "moved", "movement", set(), {"north-korea-armed-forces"}),
    ("id", "Ratusan tentara Korea Utara tewas dalam serangan drone di Kursk.",
     "tewas", "casualties", set(), {"north-korea-armed-forces"}),
    ("en", "About 3,000 soldiers were dispatched by Pyongyang to the Russian port of Vladivostok.",
     "dispatched", "deployment", {"north-korea"}, set()),
    ("en", "Pyongyang has shipped another 1,500 soldiers by sea to Vladivostok, officials said.",
     "shipped", "deployment", {"north-korea"}, set()),  # troops shipped to a country are sent there
    ("en", "Ukrainian forces captured two wounded North Korean soldiers near Sudzha on Saturday.",
     "wounded", "casualties", set(), {"north-korea-armed-forces"}),  # the soldiers after it were wounded
    ("en", "Russia has been sending North Korean troops to the front line in Kursk.",
     "sending", "deployment", {"russia"}, {"north-korea-armed-forces"}),  # "has been" before "-ing" is no passive
    ("en", "Russia is sending more troops to the border, the ministry said.",
     "sending", "deployment", {"russia"}, set()),
    ("en", "North Korean soldiers arrived in Kursk in November. Russia then sent them into assaults.",
     "sent", "deployment", {"russia"}, {"north-korea-armed-forces"}),  # "them": the force last seen
    ("id", "Tentara Korea Utara tiba di Kursk pekan lalu. Rusia kemudian mengirim mereka ke garis depan.",
     "mengirim", "deployment", {"russia"}, {"north-korea-armed-forces"}),
    ("en", "North Korean troops are fighting in Kursk. Seoul demanded that North Korea pull its troops out at once.",
     "pull its troops out", "withdrawal", {"north-korea"}, {"north-korea-armed-forces"}),  # its: North Korea's
    ("en", "North Korean troops arrived in Kursk. Ukraine's army said its units were fighting there. "
     "About 3,000 more troops were sent in January.",  # more troops: like those that arrived, not the army
     "sent", "deployment", {"north-korea"}, {"north-korea-armed-forces"}),  # that fought
]


def _event(language: str, text: str, trigger: str):
    article = parse_article(f"---\npublished: 2024-11-12\nlanguage: {language}\n---\n{text}\n", "a.txt")
    events = [e for e in extract(article).events if e.trigger.text == trigger]
    assert len(events) == 1, [(e.trigger.text, e.type) for e in extract(article).events]
    return events[0]


@pytest.mark.parametrize(("language", "text", "trigger", "type_", "agents", "themes"), CASES,
                         ids=[c[1][:40] for c in CASES])
def test_the_agent_is_who_the_sentence_says_acted(language, text, trigger, type_, agents, themes):
    event = _event(language, text, trigger)
    assert event.type == type_
    assert {k for role, k in event.roles if role == "agent"} == agents, event.roles
    assert {k for role, k in event.roles if role == "theme"} == themes, event.roles


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("en", "South Korea said 1,500 soldiers had been dispatched to Russia.", "dispatched"),
    ("en", "The minister put the number sent to eastern Russia at about 3,000.", "sent"),
    ("id", "NIS menyebut sekitar 3.000 prajurit dikirim ke Rusia timur.", "dikirim"),
])
def test_no_agent_is_read_from_a_speaker_or_a_passive(language, text, trigger):
    event = _event(language, text, trigger)
    assert not [k for role, k in event.roles if role == "agent"], event.roles


@pytest.mark.parametrize(("language", "text", "trigger", "place"), [
    ("en", "Thousands of North Korean soldiers were killed or wounded in Russia's Kursk region, Seoul said.",
     "killed or wounded", "kursk-oblast"),
    ("id", "Menurut Pentagon, tentara Korea Utara sudah berada di Rusia timur.", "sudah berada di", "russia-east"),
    ("en", "The White House said North Korean troops are in Russia.", "are in", "russia"),
    ("id", "Kedua tawanan itu dibawa ke Kyiv untuk diperiksa.", "dibawa ke", "kyiv"),
    ("en", "Seoul has called on Pyongyang to pull its troops out of Russia.", "pull its troops out", "russia"),
])
def test_the_place_is_the_one_the_preposition_leads_to(language, text, trigger, place):
    assert _event(language, text, trigger).places == [place]


@pytest.mark.parametrize(("language", "text", "trigger", "agent", "target"), [
    ("en", "North Korean troops have been fighting Ukrainian forces in Kursk since November.",
     "fighting", "north-korea-armed-forces", "ukraine-armed-forces"),
    ("en", "North Korean soldiers fought alongside Russian forces against Ukrainian troops near Sudzha.",
     "fought", "north-korea-armed-forces", "ukraine-armed-forces"),
    ("id", "Pasukan Korea Utara mulai bertempur melawan pasukan Ukraina di wilayah Kursk.",
     "bertempur", "north-korea-armed-forces", "ukraine-armed-forces"),
    ("id", "Drone Ukraina melancarkan serangan terhadap tentara Korea Utara di dekat Sudzha.",
     "serangan", "", "north-korea-armed-forces"),
    ("en", "North Korean troops have joined combat against Ukrainian forces, the Pentagon said.",
     "combat", "north-korea-armed-forces", "ukraine-armed-forces"),  # "against" after "joined": no partner
])
def test_the_target_is_who_a_fight_goes_against(language, text, trigger, agent, target):
    event = _event(language, text, trigger)
    assert [k for role, k in event.roles if role == "target"] == [target], event.roles
    assert [k for role, k in event.roles if role == "agent"] == ([agent] if agent else []), event.roles


@pytest.mark.parametrize(("language", "text", "trigger", "agent", "target"), [
    ("en", "Ukrainian forces reported their first clashes with North Korean units in Kursk.",
     "clashes", "ukraine-armed-forces", "north-korea-armed-forces"),
    ("en", "North Korean soldiers fought near Sudzha. Kyiv later described clashes with North Korean units there.",
     "clashes", "", "north-korea-armed-forces"),  # the force last seen fighting is the other side, not both
    ("id", "Pasukan Ukraina terlibat bentrokan pertama dengan tentara Korea Utara di Kursk.",
     "bentrokan", "ukraine-armed-forces", "north-korea-armed-forces"),
    ("id", "Tentara Korea Utara bentrok dengan pasukan Ukraina di dekat Sudzha.",
     "bentrok", "north-korea-armed-forces", "ukraine-armed-forces"),
])
def test_the_other_side_of_a_clash_is_its_target_not_a_partner(language, text, trigger, agent, target):
    event = _event(language, text, trigger)
    assert [k for role, k in event.roles if role == "target"] == [target], event.roles
    assert [k for role, k in event.roles if role == "agent"] == ([agent] if agent else []), event.roles
    assert not [k for role, k in event.roles if role == "partner"], event.roles


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("en", "North Korean troops were sent to Russia in October. The dispatch alarmed Tokyo.", "dispatch"),
    ("id", "Tentara Korea Utara dikirim ke Rusia pada Oktober. Menurut NIS, lebih banyak lagi akan menyusul.",
     "akan menyusul"),
])
def test_a_deployment_that_names_no_one_is_of_the_force_last_sent(language, text, trigger):
    """No sender is named either: the agent stays unknown rather than guessed."""
    event = _event(language, text, trigger)
    assert event.roles == [("theme", "north-korea-armed-forces")]


@pytest.mark.parametrize(("language", "text", "trigger", "agents"), [
    ("en", "Russian President Vladimir Putin and North Korean leader Kim Jong Un signed the treaty in June.",
     "signed the treaty", ["vladimir-putin", "kim-jong-un"]),
    ("id", "Presiden Rusia Vladimir Putin dan pemimpin Korea Utara Kim Jong Un meneken traktat itu pada Juni.",
     "meneken", ["vladimir-putin", "kim-jong-un"]),
    ("en", "Russia and North Korea signed the treaty in June.", "signed the treaty", ["russia", "north-korea"]),
])
def test_a_leader_signs_or_meets_for_his_country_not_beside_it(language, text, trigger, agents):
    event = _event(language, text, trigger)
    assert [k for role, k in event.roles if role == "agent"] == agents


@pytest.mark.parametrize(("language", "text", "trigger", "agents", "partners"), [
    ("en", "Choe Son Hui held talks with Russian Foreign Minister Sergey Lavrov in Moscow.", "talks",
     ["choe-son-hui"], ["sergey-lavrov"]),
    ("en", "Russia signed the treaty with Pyongyang in June.", "signed the treaty", ["russia"], ["north-korea"]),
    ("id", "Menteri Luar Negeri Korea Utara Choe Son Hui bertemu dengan Presiden Rusia Vladimir Putin di Moskow.",
     "bertemu", ["choe-son-hui"], ["vladimir-putin"]),
])
def test_whom_a_meeting_or_a_treaty_is_with_is_its_partner(language, text, trigger, agents, partners):
    event = _event(language, text, trigger)
    assert [k for role, k in event.roles if role == "agent"] == agents, event.roles
    assert [k for role, k in event.roles if role == "partner"] == partners, event.roles


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("en", "North Korea has sent thousands of soldiers to fight for Russia.", "sent"),
    ("en", "North Korean soldiers were fighting for Russia against Ukrainian forces.", "fighting"),
    ("id", "Tentara Korea Utara dikirim untuk membantu Rusia di Kursk.", "dikirim"),
])
def test_the_side_a_force_is_sent_or_fights_for_is_its_partner(language, text, trigger):
    event = _event(language, text, trigger)
    assert [k for role, k in event.roles if role == "partner"] == ["russia"], event.roles


@pytest.mark.parametrize(("text", "types"), [
    ("North Korea has deployed combat troops to Russia, officials said.", ["deployment"]),
    ("Moscow sent assault units and attack drones to the Kursk front.", ["deployment"]),
    ("North Korean troops have seen combat in Kursk.", ["combat"]),
])
def test_a_word_that_describes_a_force_or_a_weapon_is_no_event(text, types):
    article = parse_article(f"---\npublished: 2024-11-12\nlanguage: en\n---\n{text}\n", "a.txt")
    assert [e.type for e in extract(article).events] == types


def test_troops_a_country_sends_are_its_own_not_the_force_last_seen():
    text = ("Russian troops retook two villages near Sudzha. Officials estimate North Korea has sent "
            "some 14,000 troops to Russia since the autumn.")
    event = _event("en", text, "sent")
    assert ("agent", "north-korea") in event.roles
    assert not [k for role, k in event.roles if role == "theme" and k != "north-korea-armed-forces"], event.roles


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("en", "North Korean units took part in assaults alongside Russian paratroopers near Sudzha.", "assaults"),
    ("id", "Pasukan Korea Utara bertempur bersama pasukan terjun payung Rusia di Kursk.", "bertempur"),
])
def test_the_partner_is_the_force_alongside(language, text, trigger):
    event = _event(language, text, trigger)
    assert [k for role, k in event.roles if role == "partner"] == ["russia-armed-forces"], event.roles
    assert ("agent", "north-korea-armed-forces") in event.roles


def test_troops_sent_to_fight_were_sent_and_may_fight():
    article = parse_article("---\npublished: 2024-10-25\nlanguage: en\n---\nThousands of North Korean soldiers "
                            "had been sent to fight for Moscow in Ukraine.\n", "a.txt")
    assert [(e.trigger.text, e.type) for e in extract(article).events] == [("sent", "deployment"), ("fight", "combat")]


@pytest.mark.parametrize("text", ["Total korban di pihak Korea Utara mencapai sekitar 4.700 orang.",
                                  "Jumlah korban dari pihak Korea Utara terus bertambah sejak Desember."])
def test_whose_side_is_not_where(text):
    assert _event("id", text, "korban").places == []


def test_it_stands_for_the_force_that_said_it_killed():
    event = _event("en", "Ukraine's army said Friday it had killed about 50 North Korean soldiers near Sudzha.", "killed")
    assert ("agent", "ukraine-armed-forces") in event.roles and ("theme", "north-korea-armed-forces") in event.roles


@pytest.mark.parametrize(("language", "text", "amounts"), [
    ("en", "At least 300 North Korean soldiers have died and 2,700 have been wounded, lawmakers said.",
     {"died": 300, "wounded": 2700}),
    ("id", "Sekitar 300 tentara Korea Utara tewas dan 2.700 lainnya terluka, kata anggota parlemen.",
     {"tewas": 300, "terluka": 2700}),
])
def test_a_figure_counts_the_event_on_its_side_of_and(language, text, amounts):
    article = parse_article(f"---\npublished: 2025-01-13\nlanguage: {language}\n---\n{text}\n", "a.txt")
    x = extract(article)
    assert {e.trigger.text: e.quantity.value for e in x.events if e.quantity} == amounts
    assert [s.speakers for s in x.statements] in ([["lawmakers"]], [["anggota-parlemen"]])


@pytest.mark.parametrize(("language", "text", "trigger", "begin"), [
    ("en", "At the end of October, the troops were moved to the Kursk region.", "moved", "2024-10-21"),
    ("en", "Two weeks ago, the first North Korean units moved to the front line.", "moved to the front",
     "2024-10-28"),
    ("id", "Pada akhir Oktober lalu, pasukan itu dipindahkan ke Kursk.", "dipindahkan", "2024-10-21"),
    ("id", "Dua pekan lalu, pasukan Korea Utara mulai bergerak ke garis depan.", "bergerak", "2024-10-28"),
])
def test_a_time_set_off_at_the_start_dates_the_clause_after_it(language, text, trigger, begin):
    assert str(_event(language, text, trigger).time.begin) == begin


@pytest.mark.parametrize(("language", "text", "trigger", "other", "days"), [
    ("en", "Pyongyang described the deployment as a duty under the pact Kim signed with Putin in June.",
     "deployment", "signed", ("2024-06-01", "2024-06-30")),
    ("id", "KCNA menyebut pengiriman pasukan itu sesuai dengan perjanjian yang diteken kedua negara pada Juni lalu.",
     "pengiriman", "diteken", ("2024-06-01", "2024-06-30")),
])
def test_a_time_after_a_trigger_of_another_type_dates_that_one_only(language, text, trigger, other, days):
    """'the deployment … under the pact Kim signed in June': June dates the signing, not the
    deployment, which is only known to have happened by the day it is told."""
    event, signed = _event(language, text, trigger), _event(language, text, other)
    assert (str(signed.time.begin), str(signed.time.end)) == days
    assert event.time is None or event.time.begin is None, event.time


@pytest.mark.parametrize(("language", "text", "trigger", "begin"), [
    ("en", "Several North Korean officers were killed in a missile strike near Donetsk in early October.", "killed",
     "2024-10-01"),
    ("id", "Puluhan tentara Korea Utara tewas dalam serangan drone pada awal Desember.", "tewas", "2024-12-01"),
])
def test_a_trigger_that_tells_the_circumstance_shares_its_time(language, text, trigger, begin):
    """'killed in a missile strike in early October': the strike is how they were killed, on the same days."""
    assert str(_event(language, text, trigger).time.begin) == begin


@pytest.mark.parametrize(("language", "text", "trigger", "days"), [
    ("en", "North Korean troops have been fighting in Kursk since early November, Kyiv said on Friday.", "fighting",
     ("2024-11-01", "2024-11-08")),
    ("id", "Pasukan Korea Utara sudah bertempur di Kursk sejak Oktober.", "bertempur", ("2024-10-01", "2024-11-12")),
    ("en", "The units were pulled back from the front since late October.", "pulled back", ("2024-10-21", "2024-10-31")),
])
def test_since_begins_a_period_of_what_lasts_up_to_the_day_it_was_told(language, text, trigger, days):
    """'fighting since early November', said on Friday 8 November: 1 to 8 November; a
    withdrawal happens once, at the start ("pulled back since late October")."""
    event = _event(language, text, trigger)
    assert (str(event.time.begin), str(event.time.end)) == days


def test_a_time_set_off_at_the_start_that_dates_the_speech_does_not_date_what_was_said():
    event = _event("en", "On Monday, Zelensky said the troops had moved to Kursk.", "moved")
    assert event.time.begin is None and str(event.time.end) == "2024-11-11"


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("id", "Korea Utara diyakini telah mengirimkan lebih dari 11.000 tentaranya ke Rusia.", "mengirimkan"),
    ("en", "North Korea is believed to have sent more than 11,000 troops to Russia.", "sent"),
])
def test_a_deployment_believed_is_reported_with_its_sender_and_its_figure(language, text, trigger):
    event = _event(language, text, trigger)
    assert event.factuality == "reported"
    assert ("agent", "north-korea") in event.roles
    assert (event.quantity.value, event.quantity.unit, event.quantity.qualifier) == (11000, "troops", "more_than")


def test_who_speaks_after_the_trigger_takes_no_part_in_its_event():
    """'The signing comes as the U.S. and its allies say …': they say, they did not sign."""
    text = ("Putin has signed the defense treaty with North Korea into law. The signing comes as the U.S. and "
            "its allies say thousands of North Korean troops have been sent to Russia.")
    event = _event("en", text, "signing")
    assert "united-states" not in [k for _, k in event.roles]


def test_an_event_under_a_condition_may_happen():
    """'jika diserang': only if it happens, as 'akan' or 'bisa' would say."""
    event = _event("id", "Perjanjian itu mewajibkan kedua negara saling membantu jika salah satunya diserang.", "diserang")
    assert event.factuality == "possible"


@pytest.mark.parametrize(("language", "text", "trigger", "place"), [
    ("en", "Kim Jong Un met Vladimir Putin in Russia on Tuesday.", "met", "russia"),
    ("id", "Korea Utara sedang mempertimbangkan pengiriman pasukan ke Rusia.", "pengiriman", "russia"),
])
def test_where_an_event_goes_or_happens_takes_no_part_in_it(language, text, trigger, place):
    event = _event(language, text, trigger)
    assert place in event.places and place not in [k for _, k in event.roles]


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("en", "South Korea said it was considering sending weapons to Ukraine.", "sending"),
    ("id", "Korea Selatan sedang mempertimbangkan pengiriman senjata ke Ukraina.", "pengiriman"),
])
def test_what_is_being_considered_may_happen(language, text, trigger):
    assert _event(language, text, trigger).factuality == "possible"


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("en", "Russian Defence Minister Andrei Belousov visited Pyongyang on Friday.", "visited"),
    ("id", "Presiden Rusia Vladimir Putin mengunjungi Pyongyang pada Juni.", "mengunjungi"),
])
def test_the_place_visited_is_where_the_meeting_is(language, text, trigger):
    assert _event(language, text, trigger).places == ["pyongyang"]


@pytest.mark.parametrize(("language", "text", "trigger", "place"), [
    ("id", "Austin menyatakan ada bukti keberadaan tentara Korea Utara di Rusia.", "keberadaan tentara", "russia"),
    ("en", "Washington said 8,000 North Korean soldiers were now in the Kursk region.", "were now in", "kursk-oblast"),
    ("id", "Seoul menyebut tentara Korea Utara masih di Kursk.", "masih di", "kursk-oblast"),
])
def test_the_presence_of_soldiers_somewhere_is_their_deployment_there(language, text, trigger, place):
    event = _event(language, text, trigger)
    assert (event.type, event.places) == ("deployment", [place])


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("en", "Seoul has summoned the Russian ambassador over the deployment.", "summoned"),
    ("id", "Seoul memanggil duta besar Rusia terkait pengiriman pasukan itu.", "memanggil duta besar"),
])
def test_a_capital_before_a_meeting_takes_part_for_its_state(language, text, trigger):
    assert ("agent", "south-korea") in _event(language, text, trigger).roles


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("en", "South Korean President Yoon Suk Yeol and NATO chief Mark Rutte spoke by phone on Thursday.",
     "spoke by phone"),
    ("id", "Presiden Korea Selatan Yoon Suk Yeol dan Sekjen NATO Mark Rutte melakukan pembicaraan telepon pada Kamis.",
     "pembicaraan telepon"),
])
def test_a_phone_call_is_a_meeting_of_those_on_the_line(language, text, trigger):
    event = _event(language, text, trigger)
    assert event.type == "meeting" and {"yoon-suk-yeol", "mark-rutte"} <= {k for _, k in event.roles}


def test_a_force_named_after_its_unit_word_is_the_target():
    event = _event("id", "Drone Ukraina menyerang unit tentara Korea Utara di dekat Kursk.", "menyerang")
    assert [k for role, k in event.roles if role == "target"] == ["north-korea-armed-forces"]


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("en", "Ukrainian drones struck a North Korean unit near Kursk, killing dozens of soldiers.", "killing"),
    ("id", "Drone Ukraina menyerang unit tentara Korea Utara dan menewaskan puluhan prajurit.", "menewaskan"),
])
def test_killing_is_a_casualty_event(language, text, trigger):
    assert _event(language, text, trigger).type == "casualties"


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("en", "Pyongyang's troops were deployed to the front in early November.", "deployed"),
    ("id", "Pasukan Pyongyang dikerahkan ke garis depan pada awal November.", "dikerahkan"),
])
def test_a_capitals_troops_are_its_states(language, text, trigger):
    roles = _event(language, text, trigger).roles
    assert ("theme", "north-korea-armed-forces") in roles and ("agent", "north-korea") in roles


def test_a_treaty_verb_with_its_object_as_an_enclitic_is_a_treaty_event():
    """'… sementara Korea Utara meratifikasinya pada 11 November': the second ratification, of "it"."""
    text = "Rusia meratifikasi perjanjian itu pada 24 Oktober, sementara Korea Utara meratifikasinya pada 11 November."
    event = _event("id", text, "meratifikasinya")
    assert event.type == "treaty" and ("agent", "north-korea") in event.roles
    assert event.time.value == "2024-11-11"


@pytest.mark.parametrize(("text", "trigger", "type_"), [
    ("Unit-unit Korut ditarik ke belakang karena korbannya sangat banyak.", "korbannya", "casualties"),
    ("Pyongyang belum mengumumkan penarikannya dari Kursk.", "penarikannya", "withdrawal"),
])
def test_any_indonesian_trigger_with_the_enclitic_is_one(text, trigger, type_):
    assert _event("id", text, trigger).type == type_


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("en", "Seoul is not ruling out sending weapons to Ukraine.", "sending"),
    ("id", "Korea Selatan tidak menutup kemungkinan mengirim senjata ke Ukraina.", "mengirim"),
])
def test_not_ruling_out_is_possible_not_negated(language, text, trigger):
    assert _event(language, text, trigger).factuality == "possible"


@pytest.mark.parametrize(("language", "text", "trigger", "agent", "partner"), [
    ("en", "North Korea has supplied Russia with millions of artillery shells.", "supplied", "north-korea", "russia"),
    ("en", "Pyongyang has also provided ballistic missiles to Moscow.", "provided", "north-korea", "russia"),
    ("id", "Korea Utara juga memasok jutaan peluru artileri ke Rusia.", "memasok", "north-korea", "russia"),
    ("en", "Seoul could consider sending weapons to Kyiv.", "sending", "south-korea", "ukraine"),
])
def test_weapons_supplied_are_an_arms_transfer_to_a_partner(language, text, trigger, agent, partner):
    event = _event(language, text, trigger)
    assert event.type == "arms_transfer"
    assert ("agent", agent) in event.roles and ("partner", partner) in event.roles, event.roles
    assert ("agent", partner) not in event.roles and event.places == []


def test_support_provided_without_weapons_is_no_event():
    article = parse_article("---\npublished: 2024-11-12\nlanguage: en\n---\nWashington provided support to its allies.\n",
                            "a.txt")
    assert extract(article).events == []


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("en", "South Korean President Yoon Suk Yeol said on Thursday that Putin and Kim Jong Un had signed the treaty.",
     "signed the treaty"),
    ("id", "Presiden Korea Selatan Yoon Suk Yeol mengatakan Putin dan Kim Jong Un menandatangani perjanjian itu.",
     "menandatangani perjanjian"),
])
def test_who_tells_of_a_treaty_takes_no_part_in_it(language, text, trigger):
    agents = {k for role, k in _event(language, text, trigger).roles if role == "agent"}
    assert agents == {"vladimir-putin", "kim-jong-un"}


@pytest.mark.parametrize(("language", "text", "trigger", "type_"), [
    ("en", "North Korean soldiers have clashed with Ukrainian forces in Kursk.", "clashed", "combat"),
    ("id", "Pasukan Korut terlibat baku tembak dengan tentara Ukraina.", "baku tembak", "combat"),
    ("en", "Moscow denied that North Korean troops were taking part in hostilities in Kursk.", "hostilities", "combat"),
    ("en", "A North Korean unit mistakenly opened fire on Russian troops.", "opened fire", "attack"),
    ("id", "Beberapa tentara Korut terkena tembakan artileri Ukraina.", "terkena tembakan", "attack"),
    ("en", "Russia could transfer missile technology to Pyongyang.", "transfer", "arms_transfer"),
    ("en", "Seoul urged Pyongyang to end its military cooperation with Moscow.", "military cooperation", "cooperation"),
    ("id", "Kerja sama militer Korea Utara dan Rusia makin dalam.", "Kerja sama militer", "cooperation"),
    ("id", "Rusia bisa berbagi teknologi militer dengan Pyongyang.", "berbagi", "arms_transfer"),
    ("en", "Dozens of North Korean soldiers lost their lives near Kursk.", "lost their lives", "casualties"),
    ("id", "Puluhan tentara Korut kehilangan nyawa di Kursk.", "kehilangan nyawa", "casualties"),
    ("en", "Ukrainian troops crossed into Russia's Kursk region on Aug. 6.", "crossed into", "movement"),
    ("id", "Pasukan Ukraina menyeberang ke wilayah Kursk pada 6 Agustus.", "menyeberang ke", "movement"),
    ("id", "Kim Jong Un dan Vladimir Putin menggelar pembicaraan di Pyongyang.", "pembicaraan", "meeting"),
    ("id", "Perjanjian itu berlaku efektif sejak 4 Desember.", "berlaku efektif", "treaty"),
    ("en", "North Korea had shipped some 1,500 special forces to Russia's Far East.", "shipped", "deployment"),
    ("en", "Seoul urged the North to pull its troops out of Russia.", "pull its troops out", "withdrawal"),
    ("en", "The battered units were pulled to the rear in late January.", "pulled to the rear", "withdrawal"),
    ("id", "Unit-unit itu ditarik ke garis belakang pada akhir Januari.", "ditarik ke garis belakang", "withdrawal"),
    ("en", "By February the North Koreans had rejoined the fighting near Sudzha.", "rejoined the fighting", "movement"),
    ("en", "The survivors were retrained in drone warfare.", "retrained", "training"),
    ("id", "Pakta itu resmi berlaku pada 4 Desember.", "resmi berlaku", "treaty"),
    ("id", "Pasukan itu ditarik karena kehilangan banyak personel.", "kehilangan banyak personel", "casualties"),
])
def test_more_ways_of_telling_what_happened(language, text, trigger, type_):
    assert _event(language, text, trigger).type == type_


@pytest.mark.parametrize(("language", "text", "triggers"), [
    ("id", "Kim Jong Un meneken dekret ratifikasi traktat dengan Rusia pada Senin (11/11/2024).", ["meneken"]),
    ("en", "Ukraine captured two wounded North Korean soldiers in Kursk.", ["captured", "wounded"]),
    ("en", "Putin signed and ratified the treaty.", ["signed", "ratified"]),  # a joining word: two events
    ("en", "Putin signed the treaty; the Duma ratified it.", ["signed the treaty", "ratified"]),
])
def test_two_triggers_of_a_type_a_word_or_two_apart_are_one_event(language, text, triggers):
    """'meneken dekret ratifikasi': one event, named by its first trigger; not when 'and' or a
    mark parts them."""
    x = extract(parse_article(f"---\npublished: 2024-11-12\nlanguage: {language}\n---\n{text}\n", "a.txt"))
    assert [e.trigger.text for e in x.events] == triggers


@pytest.mark.parametrize(("language", "text", "triggers"), [
    ("en", "North Korea sent troops to Russia in October. The deployment drew condemnation across Asia.",
     ["sent"]),
    ("id", "Korea Utara mengirim pasukan ke Rusia pada Oktober. Pengiriman pasukan itu menuai kecaman di Asia.",
     ["mengirim"]),
    ("en", "Zelensky said the North Korean units suffered losses near Sudzha. The Pentagon said there were losses "
           "among the units.", ["losses", "losses"]),
])
def test_a_definite_noun_names_an_event_told_before_and_a_bare_one_another(language, text, triggers):
    """'the deployment', 'pengiriman pasukan itu': the event told before; 'losses' again: another report."""
    x = extract(parse_article(f"---\npublished: 2024-11-12\nlanguage: {language}\n---\n{text}\n", "a.txt"))
    assert [e.trigger.text for e in x.events] == triggers, [(e.trigger.text, [m.text for m in e.mentions]) for e in x.events]


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("en", "KCNA said units of the Korean People's Army had been sent to Russia.", "sent"),
    ("id", "KCNA menyebut unit-unit Tentara Rakyat Korea telah dikirim ke Rusia.", "dikirim"),
])
def test_an_army_known_by_its_own_name_is_its_countrys_force(language, text, trigger):
    """The Korean People's Army is North Korea's armed force, the same actor as "North Korean troops"."""
    event = _event(language, text, trigger)
    assert ("theme", "north-korea-armed-forces") in event.roles
