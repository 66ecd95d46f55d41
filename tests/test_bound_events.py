"""Events named by a word that is one only with its object near it (``events.bound``): the
captives questioned, handed over or swapped, a war that widens, weapons or technology given
or received. Without that object the same word names nothing ("questioned the figures",
"expand its exports"), and a longer trigger over the same words keeps its own type ("returned
to the front", "exchanged fire"). Each sentence is my own."""
import pytest

from kg.extract.document import extract
from kg.ingest import parse_article


def _events(language: str, text: str):
    return extract(parse_article(f"---\npublished: 2025-01-14\nlanguage: {language}\n---\n{text}\n", "a.txt")).events


def _event(language: str, text: str, trigger: str):
    found = [e for e in _events(language, text) if e.trigger.text == trigger]
    assert len(found) == 1, [(e.trigger.text, e.type) for e in _events(language, text)]
    return found[0]


@pytest.mark.parametrize(("language", "text", "trigger", "type_"), [
    ("en", "Investigators have been questioning the two captured soldiers since Friday.", "questioning", "interrogation"),
    ("en", "The prisoners were interrogated with the help of Korean interpreters.", "interrogated", "interrogation"),
    ("id", "Kedua tawanan itu kini diperiksa penyidik di Kyiv.", "diperiksa", "interrogation"),
    ("id", "Video interogasi itu diunggah pada hari Minggu.", "interogasi", "interrogation"),
    ("en", "Kyiv said it could swap the prisoners for Ukrainians held by Moscow.", "swap", "exchange"),
    ("en", "Officials said a prisoner exchange was being discussed.", "prisoner exchange", "exchange"),
    ("id", "Ukraina siap menukar kedua tawanan dengan prajuritnya yang ditahan.", "menukar", "exchange"),
    ("id", "Pemerintah tidak akan memulangkan para tahanan itu secara paksa.", "memulangkan", "exchange"),
    ("en", "Beijing warned that the war could spill over into the Korean peninsula.", "spill over", "escalation"),
    ("id", "Indonesia berharap perang itu tidak makin meluas.", "meluas", "escalation"),
    ("en", "Analysts fear an escalation on the peninsula.", "escalation", "escalation"),
    ("en", "Moscow could reward Pyongyang with missile technology.", "reward", "arms_transfer"),
])
def test_a_word_with_its_object_near_names_an_event(language, text, trigger, type_):
    assert _event(language, text, trigger).type == type_


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Opposition lawmakers questioned the casualty figures."),
    ("id", "Polisi memeriksa dokumen perjalanan itu."),
    ("en", "The ministry plans to expand its exports to Asia."),
    ("id", "Kedua negara sepakat memperluas perdagangan."),
    ("en", "The spy agency will receive a new budget next year."),
])
def test_the_same_word_without_its_object_names_no_event(language, text):
    assert [(e.trigger.text, e.type) for e in _events(language, text)] == []


@pytest.mark.parametrize(("language", "text", "trigger", "type_"), [
    ("en", "The soldiers returned to the front in February.", "returned to the front", "movement"),
    ("en", "North Korean soldiers exchanged fire with a Ukrainian patrol.", "exchanged fire", "combat"),
    ("id", "Para menteri dan tentara kedua negara bertukar dokumen di Moskow.", "bertukar dokumen", "treaty"),
    ("en", "Diplomats of the two countries exchange the instruments in Moscow.", "exchange the instruments", "treaty"),
])
def test_a_longer_trigger_over_the_same_words_keeps_its_type(language, text, trigger, type_):
    assert [(e.trigger.text, e.type) for e in _events(language, text)] == [(trigger, type_)]


@pytest.mark.parametrize(("language", "text", "trigger", "agent", "partner"), [
    ("en", "North Korea may obtain satellite technology from Russia.", "obtain", "russia", "north-korea"),
    ("id", "Korea Utara diyakini memperoleh teknologi rudal dari Rusia.", "memperoleh", "russia", "north-korea"),
    ("en", "Moscow could reward Pyongyang with missile technology.", "reward", "russia", "north-korea"),
])
def test_who_gets_what_is_sent_is_the_partner(language, text, trigger, agent, partner):
    """After a verb of getting, the state after "from" sends and the subject gets."""
    roles = _event(language, text, trigger).roles
    assert ("agent", agent) in roles and ("partner", partner) in roles, roles
    assert ("agent", partner) not in roles, roles


@pytest.mark.parametrize(("language", "text", "trigger", "agent", "partner"), [
    ("en", "Ukraine is willing to hand them over to Pyongyang if the North frees Ukrainians held in Russia.",
     "hand them over", "ukraine", "north-korea"),
    ("id", "Ukraina bersedia menyerahkan kedua tawanan itu kepada Korea Utara.", "menyerahkan", "ukraine", "north-korea"),
])
def test_an_exchange_goes_to_the_first_state_after_it(language, text, trigger, agent, partner):
    """Whoever hands the captives over is the agent; the state they go to the partner, not a
    state named later in the clause ("held in Russia")."""
    event = _event(language, text, trigger)
    assert event.type == "exchange" and event.factuality == "possible"
    assert [k for r, k in event.roles if r == "agent"] == [agent], event.roles
    assert [k for r, k in event.roles if r == "partner"] == [partner], event.roles


@pytest.mark.parametrize("by", ["the SBU", "Ukraine's security service"])
def test_the_agent_after_by_may_follow_an_article_or_its_owner(by):
    """'questioned by the SBU', 'by Ukraine's security service': the security service
    questions, not the writer, the force, nor the country that owns the service."""
    event = _event("en", f"The two North Korean soldiers are being questioned by {by}.", "being questioned")
    assert ("agent", "sbu") in event.roles and ("theme", "north-korea-armed-forces") in event.roles, event.roles


def test_an_exchange_told_twice_in_a_clause_is_one_event():
    """'hand them back … in exchange for': one exchange, not two."""
    events = _events("en", "Zelensky offered to hand them back to Pyongyang in exchange for Ukrainians held in Russia.")
    assert [(e.trigger.text, e.type) for e in events] == [("hand them back", "exchange")]


@pytest.mark.parametrize(("language", "text", "trigger", "agent"), [
    ("id", "Kedua tawanan itu kini diperiksa Dinas Keamanan Ukraina di Kyiv.", "diperiksa", "sbu"),
    ("id", "Dua tentara Korea Utara ditawan pasukan Ukraina di Kursk.", "ditawan", "ukraine-armed-forces"),
])
def test_an_indonesian_passive_verb_takes_its_agent_right_after_it(language, text, trigger, agent):
    """'diperiksa Dinas Keamanan Ukraina': questioned by the SBU, with no 'oleh'."""
    assert ("agent", agent) in _event(language, text, trigger).roles


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("id", "Korea Utara memperoleh teknologi rudal dari Moskow.", "memperoleh"),
    ("en", "Kyiv offered to swap the prisoners for Ukrainians held in Russia.", "swap"),
])
def test_who_sends_and_where_captives_are_held_are_no_places(language, text, trigger):
    """'obtained technology from Moscow': Moscow sends, the transfer is not there; 'held in
    Russia': where the other side's prisoners are, not where the exchange happens."""
    assert _event(language, text, trigger).places == []
