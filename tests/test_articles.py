"""The development articles (tests/articles/, written for this project in our own words):
every one builds, and the extractor's scores against the gold stay at or above what was
measured when these floors were set (scripts/evaluate.py prints the numbers). A floor that
fails means a rule got worse on text it was not written for."""
from pathlib import Path

import pytest

from kg.evaluate import score, total

ARTICLES = Path(__file__).parent / "articles"
GOLD = sorted(ARTICLES.glob("*.gold.yaml"))

# language -> check -> lowest acceptable share right (measured share minus a small margin)
FLOORS = {
    "id": {"published": 1.0, "statement speaker": 0.40, "event type": 0.58, "event date": 0.50,
           "time found": 0.78, "time value": 0.45},
    "en": {"published": 1.0, "statement speaker": 0.38, "event type": 0.68, "event date": 0.48,
           "time found": 0.85, "time value": 0.65},
}


@pytest.fixture(scope="module")
def scores():
    return {g.name: score(g.with_name(g.name.replace(".gold.yaml", ".txt")), g) for g in GOLD}


def test_there_are_articles_in_both_languages():
    assert {g.name[:2] for g in GOLD} == {"id", "en"} and len(GOLD) >= 6


@pytest.mark.parametrize("language", sorted(FLOORS))
def test_scores_hold(scores, language):
    summed = total([s for name, s in scores.items() if name.startswith(language)])
    low = {check: f"{right}/{n}" for check, (right, n) in summed.items()
           if check in FLOORS[language] and right / n < FLOORS[language][check]}
    assert not low, f"{language}: below the floor: {low}"
