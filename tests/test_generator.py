"""The synthetic corpus generator (scripts/gen-corpus.py): deterministic, varied, readable."""
from __future__ import annotations

import hashlib

import pytest

from conftest import load_script
from kg.extract.document import extract
from kg.ingest import detect_language, parse_article, read_article


@pytest.fixture(scope="module")
def gen():
    return load_script("gen-corpus")


def _body(text: str) -> str:
    return text.split("\n---\n", 1)[1]


def test_same_seed_same_bytes(gen, tmp_path):
    for out in ("a", "b"):
        assert gen.main(["12", str(tmp_path / out), "--seed", "7"]) == 0
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert len(names) == 12
    assert names == sorted(p.name for p in (tmp_path / "b").iterdir())
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_another_seed_other_articles(gen):
    assert [t for _, t in gen.articles(4, 1)] != [t for _, t in gen.articles(4, 2)]


def test_word_counts_and_languages(gen):
    made = list(gen.articles(200, 11))
    languages = [name.rsplit("-", 1)[1][:2] for name, _ in made]
    assert languages.count("id") == languages.count("en") == 100
    for (name, text), language in zip(made, languages):
        words = len(_body(text).split())
        assert 300 <= words <= 800, (name, words)
        article = parse_article(text, name)
        assert article.language == language
        assert detect_language(article.text) == language  # the body reads as its language
        assert article.published and article.title and article.url and article.publisher


def test_thousands_of_articles_all_differ(gen):
    hashes = {hashlib.sha256(text.encode()).hexdigest() for _, text in gen.articles(2000, 5)}
    assert len(hashes) == 2000


def test_the_extractor_reads_them(gen, tmp_path):
    gen.main(["6", str(tmp_path), "--seed", "3"])
    for path in sorted(tmp_path.iterdir()):
        article = read_article(path)
        found = extract(article)
        assert found.statements, path.name
        assert found.events, path.name
        assert any(t.begin for t in found.times), path.name
        assert any(f.kind in ("related", "caption", "byline", "credit", "promo", "dateline")
                   for f in article.furniture), path.name
