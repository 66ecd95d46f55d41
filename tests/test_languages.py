"""A third language is data, not code: a new lexicon folder is enough for the pipeline to read
articles in it. The test makes a toy language 'xx' (English with its own reporting verb and
month names) in a copy of the lexicon folder and reads an article written in it."""
import shutil
from datetime import date

import pytest
import yaml

from kg import lexicon
from kg.extract.document import extract
from kg.ingest import parse_article


@pytest.fixture
def toy_language(tmp_path, monkeypatch):
    root = tmp_path / "lexicons"
    shutil.copytree(lexicon._ROOT, root)
    folder = root / "xx"
    shutil.copytree(root / "en", folder)
    speech = yaml.safe_load((folder / "speech.yaml").read_text(encoding="utf-8"))
    for record in speech["verbs"]:
        if record["kind"] == "claim":
            record["words"].append("sagte")
    (folder / "speech.yaml").write_text(yaml.safe_dump(speech, allow_unicode=True), encoding="utf-8")
    time = (folder / "time.yaml").read_text(encoding="utf-8").replace("[october, oct]", "[oktober, okt]")
    (folder / "time.yaml").write_text(time, encoding="utf-8")
    monkeypatch.setattr(lexicon, "_ROOT", root)
    lexicon.load.cache_clear()
    yield "xx"
    lexicon.load.cache_clear()


def test_an_article_in_a_new_language_is_read_with_data_only(toy_language):
    text = ("---\nlanguage: xx\npublished: 2024-10-29\n---\n"
            "NATO Secretary General Mark Rutte sagte on Oktober 28, 2024 that North Korean troops "
            "had been sent to Kursk.\n")
    x = extract(parse_article(text, "a.txt"))
    assert x.article.language == "xx" and "xx" in lexicon.available()
    [s] = x.statements
    assert s.speakers == ["mark-rutte"] and s.time.day == date(2024, 10, 28)
    assert [(e.type, e.factuality) for e in x.events] == [("deployment", "reported")]
