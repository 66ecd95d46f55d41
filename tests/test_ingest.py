"""Reading article files: front matter, inference, and clear errors naming the file."""
from datetime import date

import pytest

from kg.errors import InputError, LexiconError
from kg.ingest import parse_article, read_article


def test_front_matter_wins_over_inference(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("---\npublisher: Kompas.com\npublished: 2024-11-13\nlanguage: id\n---\n"
                    "KYIV, KOMPAS.com - Pasukan itu dikirim pada Selasa (12/11/2024).\n", encoding="utf-8")
    a = read_article(path)
    assert (a.published, a.publisher, a.dateline) == (date(2024, 11, 13), "Kompas.com", "Kyiv")
    assert a.inferred == {"dateline"}


@pytest.mark.parametrize("opening,publisher,dateline", [
    ("SEOUL, Oct 18 (Reuters) - North Korea has sent troops, officials said.", "Reuters", "Seoul"),
    ("Brussel (ANTARA) - Pasukan itu telah dikirim ke Rusia, kata dia.", "Antara", "Brussel"),
    ("JAKARTA, KOMPAS.com - Pasukan itu telah dikirim ke Rusia, kata dia.", "Kompas.com", "Jakarta"),
])
def test_dateline_gives_publisher_and_place(opening, publisher, dateline):
    a = parse_article(opening, "x.txt")
    assert (a.publisher, a.dateline) == (publisher, dateline)


def test_no_date_means_unknown_not_invented():
    a = parse_article("Pasukan itu telah dikirim ke Rusia, kata dia kepada wartawan.", "x.txt")
    assert a.published is None and "published" not in a.inferred


@pytest.mark.parametrize("content,problem", [
    (b"", "has no text"),
    (b"   \n\n", "has no text"),
    (b"\xff\xfe\x00\x01broken", "not UTF-8"),
    (b"---\npublished: tomorrow\n---\nDia mengatakan bahwa pasukan itu dikirim.", "is not a date"),
    (b"---\nauthor: X\n---\nDia mengatakan bahwa pasukan itu dikirim.", "unknown front matter field"),
    (b"---\n: : :\n---\nDia mengatakan bahwa pasukan itu dikirim.", "front matter"),
    (b"Xyzzy plugh qwerty.", "cannot tell the language"),
])
def test_bad_input_names_file_and_problem(tmp_path, content, problem):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        read_article(path)
    assert str(path) in str(err.value) and problem in str(err.value)


def test_unknown_language_lists_the_known_ones():
    with pytest.raises(LexiconError, match="available: en, id"):
        parse_article("---\nlanguage: fr\n---\nLes troupes sont parties.", "x.txt")
