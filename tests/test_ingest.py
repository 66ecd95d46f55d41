"""Reading article files: front matter, inference, and clear errors naming the file."""
from datetime import date

import pytest

from kg.errors import InputError
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
    ("TEMPO.CO, Jakarta - Pasukan itu telah dikirim ke Rusia, kata dia.", "Tempo.co", "Jakarta"),
    ("Liputan6.com, Jakarta - Pasukan itu telah dikirim ke Rusia, kata dia.", "Liputan6.com", "Jakarta"),
    ("Jakarta, CNN Indonesia -- Pasukan itu telah dikirim ke Rusia, kata dia.", "CNN Indonesia", "Jakarta"),
    ("SEOUL/MOSCOW, April 28 (Reuters) - North Korea confirmed it had sent troops.", "Reuters", "Seoul/Moscow"),
])
def test_dateline_gives_publisher_and_place(opening, publisher, dateline):
    a = parse_article(opening, "x.txt")
    assert (a.publisher, a.dateline) == (publisher, dateline)


def test_a_dateline_after_header_lines_opens_the_story():
    """Wire copy often repeats its headline and an update note above the dateline: those lines
    are furniture, and the dateline's date is no longer in the first sentence, where it dated
    what the lead tells (troops sent by the Monday they were confirmed, not on it)."""
    from kg.extract.document import extract
    from kg.extract.segment import furniture
    from kg.lexicon import load
    text = ("---\npublished: 2025-04-28\nlanguage: en\n---\nUPDATE 1-North Korea confirms its troops in Kursk\n"
            "(Adds Kremlin comment)\nSEOUL, April 28 (Reuters) - North Korea confirmed on Monday that it had sent "
            "troops to Kursk.\n")
    a = parse_article(text, "x.txt")
    assert (a.publisher, a.dateline) == ("Reuters", "Seoul")
    assert [f.kind for f in furniture(a.text, load("en"), a.body_start, a.title)] == ["headline", "headline", "dateline"]
    [sent] = [e for e in extract(a).events if e.trigger.text == "sent"]
    assert (sent.time.begin, sent.time.end) == (None, date(2025, 4, 28))


def test_spaces_of_other_widths_read_as_spaces_and_keep_every_offset():
    """Web pages write "North\u00a0Korean" with a no-break space: the gazetteer finds it as it
    finds "North Korean", and each character keeps its place in the text."""
    from kg.extract.document import extract
    text = "South Korea\u2019s spy agency said North\u00a0Korean troops had been deployed to\u202fKursk."
    a = parse_article(f"---\npublished: 2024-11-05\nlanguage: en\n---\n{text}\n", "x.txt")
    assert len(a.text.rstrip("\n")) == len(text)
    [deployed] = extract(a).events
    assert ("theme", "north-korea-armed-forces") in deployed.roles and deployed.places == ["kursk-oblast"]


def test_no_date_means_unknown_not_invented():
    a = parse_article("Pasukan itu telah dikirim ke Rusia, kata dia kepada wartawan.", "x.txt")
    assert a.published is None and "published" not in a.inferred


@pytest.mark.parametrize("content,problem", [
    (b"", "has no text"),
    (b"   \n\n", "has no text"),
    (b"broken \x81\x8d text", "not UTF-8"),
    (b"---\npublished: tomorrow\n---\nDia mengatakan bahwa pasukan itu dikirim.", "is not a date"),
    (b"---\nauthor: X\n---\nDia mengatakan bahwa pasukan itu dikirim.", "front matter: unknown field"),
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
    with pytest.raises(InputError, match="x.txt: front matter: unknown language 'fr'; available: en, id"):
        parse_article("---\nlanguage: fr\n---\nLes troupes sont parties.", "x.txt")


STORY = ("SEOUL, Nov 13 (Reuters) - North Korean troops were sent to the front line, officials said "
         "on Wednesday (13/11/2024).")


def test_markdown_markup_is_taken_off(tmp_path):
    path = tmp_path / "story.md"
    path.write_text("---\nlanguage: en\n---\n# Troops sent north\n\n"
                    "SEOUL, Nov 13 (Reuters) - North **Korean** troops were _sent_ to the\n"
                    "[front line](https://example.org/front \"map\"), officials said.\n\n"
                    "![a map of the front](map.png)\n\n"
                    "## What they said\n\n"
                    "> \"We are watching,\" the `ministry` said.\n\n"
                    "- more soldiers would follow\n* in the coming days\n\n---\n\n[ref]: https://example.org\n",
                    encoding="utf-8")
    a = read_article(path)
    assert a.title == "Troops sent north"
    assert a.text == ("SEOUL, Nov 13 (Reuters) - North Korean troops were sent to the front line, officials said.\n"
                      "What they said\n"
                      "\"We are watching,\" the ministry said.\n"
                      "more soldiers would follow\n"
                      "in the coming days")
    assert (a.publisher, a.dateline, a.language) == ("Reuters", "Seoul", "en")


def test_markdown_keeps_words_with_underscores_and_stars():
    from kg.ingest.markdown import to_text
    assert to_text("the file_name_here and 5 * 3 * 2 stay")[1] == "the file_name_here and 5 * 3 * 2 stay"


def test_readme_files_in_folders_are_not_articles(tmp_path):
    from kg.build import collect
    (tmp_path / "README.md").write_text("# About these articles\n")
    (tmp_path / "a.md").write_text(STORY)
    assert collect([tmp_path]) == [tmp_path / "a.md"]


PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Troops moved north | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="og:url" content="https://example.org/world/troops-moved">
<link rel="canonical" href="https://example.org/world/troops-moved">
<meta property="article:published_time" content="2024-11-13T08:00:00+00:00">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li>Subscribe now</li></ul></nav>
<article><h1>Troops moved north</h1>
<p>SEOUL, Nov 13 (Example) - North Korean troops were moved to the front line last week, officials said.</p>
<p>The ministry said that the soldiers had arrived in the region, and that more would follow soon.</p>
<p>"We are watching closely," the spokesperson told reporters in a briefing that lasted an hour.</p>
</article>
<aside class="related"><h3>Related</h3><ul><li><a href="/a">Markets fell sharply on Friday</a></li></ul></aside>
<section id="comments"><h3>Comments</h3><p>Great article, thanks a lot for writing this!</p></section>
<footer>Copyright 2024 Example News. All rights reserved.</footer>
</body></html>
"""


def test_html_page_main_text_and_metadata(tmp_path, monkeypatch):
    import socket

    def no_network(*args, **kwargs):
        raise AssertionError("reading a page must not use the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    a = read_article(path)
    assert (a.title, a.url, a.publisher, a.published) == (
        "Troops moved north", "https://example.org/world/troops-moved", "Example News", date(2024, 11, 13))
    assert a.text.startswith("SEOUL, Nov 13 (Example) - North Korean troops")
    assert "briefing that lasted an hour" in a.text
    for furniture in ("Subscribe now", "Markets fell", "Great article", "Copyright", "<"):
        assert furniture not in a.text
    assert a.inferred == {"language", "dateline"}


def test_jsonl_one_article_per_line_bad_lines_skipped(tmp_path):
    from kg.ingest import read_file
    import json
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": STORY, "title": "Troops", "published": "2024-11-13", "url": "https://example.org/a"}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": STORY + " More.", "author": "someone"}),
        json.dumps({"text": STORY + " Again.", "published": 20241113}),
        "",
        json.dumps({"text": STORY + " And once more.", "id": "wire/42", "language": "en"}),
        json.dumps(["a", "list"]),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    reading = read_file(path)
    assert [(a.id, a.path, a.title) for a in reading.articles] == [
        ("feed-1", f"{path}:1", "Troops"), ("wire-42", f"{path}:7", None)]
    assert reading.articles[0].published == date(2024, 11, 13) and reading.articles[0].url == "https://example.org/a"
    assert [s["file"] for s in reading.skipped] == [str(path)] * 5
    reasons = [s["reason"] for s in reading.skipped]
    assert reasons[0].startswith(f"{path}:2: not JSON (")
    assert reasons[1:] == [
        f"{path}:3: no 'text'",
        f"{path}:4: unknown field(s) author; known: text, id, title, url, publisher, published, language, dateline",
        f"{path}:5: field(s) published must be strings",
        f"{path}:8: expected an object {{\"text\": ...}}, not a list",
    ]
