"""Golden test: the seed article, read end to end (ingest, extraction, RDF, projection)."""
from datetime import date
from pathlib import Path

import pytest

from kg.extract.document import extract
from kg.ingest import read_article

SEED = Path(__file__).parent.parent / "data" / "articles" / "000_dcb0d9e068cde2f2.txt"


@pytest.fixture(scope="module")
def seed():
    return extract(read_article(SEED))


def test_metadata_inferred(seed):
    a = seed.article
    assert (a.language, a.publisher, a.dateline, a.published) == ("id", "Kompas.com", "Kyiv", date(2024, 11, 12))
    assert a.inferred == {"language", "publisher", "dateline", "published"}


def test_furniture(seed):
    kinds = [(f.kind, f.span.text[:10]) for f in seed.article.furniture]
    assert kinds == [("dateline", "KYIV, KOMP"), ("related", "Baca juga:"), ("related", "Baca juga:"),
                     ("promo", "Di saat si")]


def test_no_event_from_related_headlines(seed):
    related = [f.span for f in seed.article.furniture if f.kind in ("related", "promo")]
    assert not [e for e in seed.events if any(s.start <= e.trigger.start < s.end for s in related)]


@pytest.mark.parametrize("key,type_,title,affiliation", [
    ("united-states", "country", "", ""),
    ("north-korea", "country", "", ""),
    ("united-nations", "organization", "", ""),
    ("us-state-department", "organization", "", "united-states"),
    ("vedant-patel", "person", "Juru Bicara", "us-state-department"),
    ("stephane-dujarric", "person", "juru bicara", "united-nations"),
    ("antony-blinken", "person", "Menteri Luar Negeri", "united-states"),
    ("antonio-guterres", "person", "Sekretaris Jenderal", "united-nations"),
    ("north-korea-armed-forces", "armed_force", "", "north-korea"),
])
def test_actors(seed, key, type_, title, affiliation):
    actor = seed.actors[key]
    assert (actor.type, actor.title, actor.affiliation) == (type_, title, affiliation)


def test_aliases_resolve_to_one_actor(seed):
    written = {m.text for m in seed.actors["north-korea"].mentions}
    assert {"Korea Utara", "Korut", "Republik Rakyat Demokratik Korea"} <= written


# speaker, kind, direct, date (None: not given), addressees and audience (the press is no actor)
STATEMENTS = [
    (["united-states"], "claim", False, date(2024, 11, 12), ([], None)),
    (["vedant-patel"], "confirmation", False, date(2024, 11, 12), ([], None)),
    (["vedant-patel"], "claim", False, date(2024, 11, 12), ([], None)),          # Menurut dia
    (["vedant-patel"], "claim", True, date(2024, 11, 12), ([], "para wartawan")),  # kata Patel kepada para wartawan
    (["antonio-guterres"], "concern", False, date(2024, 11, 3), ([], None)),
    (["stephane-dujarric"], "concern", True, date(2024, 11, 3), ([], None)),
    (["united-states"], "claim", False, date(2024, 11, 3), ([], None)),          # laporan intel AS kala itu
    (["united-states", "south-korea"], "demand", False, date(2024, 11, 3), ([], None)),
    (["antony-blinken"], "prediction", False, date(2024, 10, 31), ([], None)),
    (["north-korea", "russia"], "confirmation", False, None, ([], None)),        # belum membantah atau mengonfirmasi
    (["antonio-guterres"], "warning", False, date(2024, 11, 3), ([], None)),     # Minggu pekan lalu
    (["antonio-guterres"], "demand", True, date(2024, 11, 3), ([], None)),       # "Segala sesuatu harus…," ucapnya
    (["antonio-guterres"], "demand", False, date(2024, 11, 3), ([], None)),      # sambil menegaskan kembali seruan
]


def test_statements(seed):
    got = [(s.speakers, s.kind, s.direct, s.time.day if s.time else None,
            (s.addressees, s.audience.text if s.audience else None)) for s in seed.statements]
    assert got == STATEMENTS


def test_enclitic_speaker_is_the_last_one(seed):
    quoted = [s for s in seed.statements if s.cue.text == "ucapnya"]
    assert len(quoted) == 1 and quoted[0].speakers == ["antonio-guterres"] and quoted[0].speaker_mention is None


def test_spokesperson_speaks_for_principal(seed):
    dujarric = next(s for s in seed.statements if s.speakers == ["stephane-dujarric"])
    assert dujarric.principal == "antonio-guterres"


def test_negated_statement(seed):
    negated = [s for s in seed.statements if s.negated]
    assert [s.speakers for s in negated] == [["north-korea", "russia"]]
    assert [seed.events[[e.id for e in seed.events].index(i)].factuality for i in negated[0].events] == ["unconfirmed"]


def test_times(seed):
    got = {t.span.text: (t.value, t.anchor) for t in seed.times}
    assert got["Selasa (12/11/2024)"] == ("2024-11-12", "none")
    assert got["Minggu (3/11/2024) lalu"] == ("2024-11-03", "none")
    assert got["kala itu"] == ("2024-11-03", "previous")
    assert got["Minggu pekan lalu"] == ("2024-11-03", "publication")
    assert got["dalam beberapa hari mendatang"] == ("2024-11-01/2024-11-07", "sentence")


def test_deployment_with_quantity_and_place(seed):
    dep = next(e for e in seed.events if e.quantity)
    assert (dep.type, dep.factuality, dep.quantity.value, dep.quantity.qualifier, dep.quantity.unit) == \
        ("deployment", "reported", 10000, "more_than", "troops")
    assert dep.places == ["russia-east"] and ("theme", "north-korea-armed-forces") in dep.roles
    assert dep.trigger.text == "dikirm"  # the typo survives
    assert dep.time.end == date(2024, 11, 12) and dep.time.begin is None  # on or before Patel said it


def test_combat_roles(seed):
    combat = seed.events[0]
    assert combat.type == "combat" and combat.roles == [("agent", "north-korea-armed-forces"),
                                                        ("partner", "russia-armed-forces")]


def test_movement_of_them_to_kursk(seed):
    move = next(e for e in seed.events if e.type == "movement")
    assert move.places == ["kursk-oblast"] and ("theme", "north-korea-armed-forces") in move.roles


def test_possible_deployment_in_a_future_window(seed):
    blinken = next(s for s in seed.statements if s.speakers == ["antony-blinken"])
    event = next(e for e in seed.events if e.id in blinken.events)
    assert event.factuality == "possible"
    assert (event.time.begin, event.time.end, event.time.granularity) == (date(2024, 11, 1), date(2024, 11, 7), "window")


def test_every_span_matches_its_text(seed):
    text = seed.article.text
    spans = [t.span for t in seed.times] + [e.trigger for e in seed.events] + [s.cue for s in seed.statements]
    spans += [m for a in seed.actors.values() for m in a.mentions]
    assert all(text[s.start:s.end] == s.text for s in spans)
