"""The scorer itself: a known article and a known gold give known counts and errors."""
import pytest

from kg.errors import InputError
from kg.evaluate import Score, evaluate, gold_files, norm

ARTICLE = """---
published: 2024-10-28
language: en
---
BRUSSELS - NATO Secretary General Mark Rutte said on Monday that North Korean troops had been sent to Russia.
"""

GOLD = """
actors:
  - {name: Mark Rutte, type: person, aliases: [Rutte]}
  - {name: NATO, type: organization}
  - {name: North Korea, type: country}
  - {name: North Korean troops, type: armed_force}
  - {name: Russia, type: country}
  - {name: Japan, type: country}
statements:
  - {speaker: Mark Rutte, date: 2024-10-28, cue: said}
  - {speaker: NATO, date: 2024-10-27, cue: said}
events:
  - {type: deployment, trigger: "had been sent", date: null, end: 2024-10-28, factuality: possible}
times:
  - {text: on Monday, value: "2024-10-28"}
"""


@pytest.fixture
def result(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.gold.yaml").write_text(GOLD, encoding="utf-8")
    return evaluate(tmp_path / "a.gold.yaml")


def test_counts(result):
    s = result.scores
    assert (s["actors"].gold, s["actors"].right) == (6, 5)
    assert (s["statements"].right, s["statements"].found, s["statements"].gold) == (1, 1, 2)
    assert (s["events"].right, s["events"].gold) == (1, 1)
    assert (s["factuality"].right, s["factuality"].gold) == (0, 1)
    assert (s["dates"].right, s["dates"].gold) == (1, 1)


def test_errors_name_what_went_wrong(result):
    assert "actor missed: 'Japan' (country)" in result.errors
    assert any(e.startswith("statement missed at 'said': NATO") for e in result.errors)
    assert "factuality at 'had been sent': reported (gold possible)" in result.errors


def test_f1():
    assert Score(right=1, found=1, gold=2).f1 == pytest.approx(0.6667, abs=1e-4)
    assert Score(right=0, found=0, gold=0).f1 == 1.0
    assert norm("the Pentagon's") == "pentagon"


def test_bad_gold_is_named(tmp_path):
    (tmp_path / "b.gold.yaml").write_text("- a list\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("text", encoding="utf-8")
    with pytest.raises(InputError, match="b.gold.yaml: a gold file is a YAML mapping"):
        evaluate(tmp_path / "b.gold.yaml")
    with pytest.raises(InputError, match="no article beside it"):
        (tmp_path / "c.gold.yaml").write_text("{}", encoding="utf-8")
        evaluate(tmp_path / "c.gold.yaml")
    with pytest.raises(InputError, match="no such file"):
        gold_files([tmp_path / "missing"])


def test_a_type_the_gold_does_not_know_is_scored_as_other(tmp_path):
    """The gold's types predate arms transfers: the gold calls them ``other``."""
    (tmp_path / "a.txt").write_text("---\npublished: 2024-11-12\nlanguage: en\n---\n"
                                    "North Korea has supplied Russia with artillery shells.\n", encoding="utf-8")
    (tmp_path / "a.gold.yaml").write_text(
        "events:\n  - {type: other, trigger: supplied, date: null, end: 2024-11-12, factuality: asserted,"
        " agent: North Korea, partner: Russia}\n", encoding="utf-8")
    s = evaluate(tmp_path / "a.gold.yaml").scores
    assert (s["event types"].right, s["partners"].right) == (1, 1)
