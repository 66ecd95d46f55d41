"""Broken and hostile input: each case is skipped with its reason, refused, or read gracefully.

The behaviour of each case is the table "Broken and hostile input" in README.md.
"""
import json
import time
from datetime import date
from pathlib import Path

import pytest
from rdflib import Dataset, Literal

from kg.build import OUTPUTS, collect
from kg.cli import main
from kg.errors import InputError
from kg.extract.document import extract
from kg.ingest import MAX_SIZE, parse_article, read_article, read_file, read_files

GOOD = ("SEOUL, Nov 13 (Reuters) - North Korean troops were sent to the front line on Monday "
        "(11/11/2024), officials said on Wednesday.\n"
        "The ministry said that more soldiers would follow in the coming days.\n")
APOSTROPHE = "Zelenskyy’s office said on Tuesday (12/11/2024) that the troops had arrived at the front."


def _write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def _refused(tmp_path, content, problem, name="bad.txt"):
    """``content`` in a file is skipped with a reason naming the file and ``problem``."""
    path = _write(tmp_path, name, content)
    reading = read_file(path)
    assert reading.articles == []
    assert len(reading.skipped) == 1
    reason = reading.skipped[0]["reason"]
    assert reason.startswith(str(path)) and problem in reason, reason
    return reason


@pytest.mark.parametrize("content,problem", [
    (b"", "the article has no text"),
    (b"  \n\t\n\r\n  ", "the article has no text"),
    (b"GIF89a\x01\x00\x00\x00 binary", "binary, not text (NUL byte at 7)"),
    (b"%PDF-1.4\n\x1b\x02\x03\x04", "binary, not text (4 control characters in 13)"),
    (b"\xff\xfe\x00\xd8a\x00", "starts with a UTF-16 byte order mark but is not UTF-16"),
    (b"troops \x81\x8d\x90 were sent", "not UTF-8 (byte 7: b'\\x81'), and not clearly Windows-1252"),
    (b"Ce \xc3\xa9t\xe9 \xa4\xa4\xa4 \xb5\xb5", "not clearly Windows-1252"),
    (b"Xyzzy plugh qwerty frobozz.", "cannot tell the language (known: en, id)"),
])
def test_unreadable_content_is_skipped_with_its_reason(tmp_path, content, problem):
    _refused(tmp_path, content, problem)


def test_utf16_with_bom_is_decoded(tmp_path):
    for codec in ("utf-16", "utf-16-be", "utf-16-le"):
        raw = GOOD.encode(codec)
        if codec != "utf-16":  # the plain codec writes its own BOM
            raw = "\ufeff".encode(codec) + raw
        article = read_article(_write(tmp_path, f"{codec}.txt", raw))
        assert article.text == GOOD and article.language == "en" and article.publisher == "Reuters"


def test_a_stray_control_character_is_a_space(tmp_path):
    article = read_article(_write(tmp_path, "word.txt", GOOD.replace("Monday", "Monday\x0b")))
    assert article.text == GOOD.replace("Monday", "Monday ")


def test_windows_1252_is_decoded_never_mojibake(tmp_path):
    path = _write(tmp_path, "cp1252.txt", APOSTROPHE.encode("cp1252"))
    reading = read_file(path)
    assert reading.articles[0].text == APOSTROPHE
    assert "Zelenskyy\u2019s" in reading.articles[0].text
    assert reading.warnings == [f"{path}: not UTF-8; read as Windows-1252"]


@pytest.mark.parametrize("head,charset", [
    ('<meta charset="iso-8859-1">', "iso-8859-1"),
    ("<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-15'>", "ISO-8859-15"),
    ('<?xml version="1.0" encoding="latin-1"?>', "latin-1"),
])
def test_a_page_in_the_charset_it_declares_is_read_in_it(tmp_path, head, charset):
    body = "Le ministre a déclaré mardi (12/11/2024) que les soldats étaient arrivés. " * 3
    page = f"<html><head>{head}<title>Front</title></head><body><p>{body}</p></body></html>"
    path = _write(tmp_path, "page.html", page.encode("latin-1"))
    reading = read_file(path)
    assert reading.warnings == [f"{path}: not UTF-8; read as {charset}, the charset it declares"]


def test_a_declared_charset_reads_text_windows_1252_cannot(tmp_path):
    text = "Moskow: Москва подтвердила, что войска прибыли. " + GOOD
    page = f'<html><head><meta charset="windows-1251"></head><body><p>{text}</p></body></html>'
    article = read_article(_write(tmp_path, "page.html", page.encode("cp1251")))
    assert "Москва подтвердила" in article.text


@pytest.mark.parametrize("charset,problem", [
    ("x-no-such-thing", "declares the charset 'x-no-such-thing', which is not known; save it as UTF-8"),
    ("ascii", "declares the charset 'ascii' but is not in it (byte 28: b'\\xe9')"),
])
def test_a_wrong_declared_charset_is_refused(tmp_path, charset, problem):
    _refused(tmp_path, f'<meta charset="{charset}"><p>Caf\xe9 '.encode("latin-1") + GOOD.encode(), problem,
             name="page.html")


def test_windows_1252_arrives_in_the_graph_as_written(tmp_path):
    _write(tmp_path / "in", "cp1252.txt", APOSTROPHE.encode("cp1252"))
    assert main(["build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--no-validate"]) == 0
    trig = (tmp_path / "out" / "graph.trig").read_text(encoding="utf-8")
    assert "Zelenskyy’s" in trig and "Zelenskyy\u00e2\u20ac\u2122s" not in trig
    ds = Dataset()
    ds.parse(tmp_path / "out" / "graph.trig", format="trig")
    assert Literal(APOSTROPHE) in {o for _, _, o, _ in ds.quads()}


def test_html_page_named_txt_is_read_as_a_page(tmp_path):
    page = ("<!DOCTYPE html><html><head><title>Troops sent</title></head><body><nav>Home | World</nav>"
            f"<article><p>{GOOD.splitlines()[0]}</p><p>{GOOD.splitlines()[1]}</p></article></body></html>")
    article = read_article(_write(tmp_path, "page.txt", page))
    assert article.title == "Troops sent"
    assert article.text.startswith("SEOUL, Nov 13 (Reuters)") and "<" not in article.text
    assert "Home | World" not in article.text


def test_a_huge_file_is_refused_without_being_read(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:  # 20 MB of text
        for _ in range(20 * 1024):
            f.write((GOOD * 6).encode("utf-8")[:1023] + b"\n")
    start = time.perf_counter()
    reading = read_file(path)
    assert time.perf_counter() - start < 2
    assert reading.articles == []
    assert reading.skipped[0]["reason"] == (f"{path}: larger than 4 MB, the most a file may hold "
                                            "(16 times --max-size); not read")


def test_text_over_the_size_limit_is_refused(tmp_path):
    text = GOOD * (MAX_SIZE // len(GOOD) + 1)
    reason = _refused(tmp_path, text, "more than the 256 KB an article may have (--max-size)")
    assert "the text is 256 KB" in reason or "the text is 257 KB" in reason
    size = len((GOOD * 10).encode("utf-8"))
    assert read_file(_write(tmp_path, "small.txt", GOOD * 10), max_size=1000).skipped[0]["reason"].endswith(
        f"the text is {size} bytes, more than the 1000 bytes an article may have (--max-size)")


def test_no_dates_leaves_the_publication_date_unknown():
    a = parse_article("The troops were sent to the front line, officials said.", "x.txt")
    x = extract(a)
    assert a.published is None and "published" not in a.inferred
    assert all(t.value == "" for t in x.times) and x.events


@pytest.mark.parametrize("text,written", [
    ("Pasukan itu dikirim pada Sabtu (31/02/2024), kata dia kepada wartawan.", "31/02/2024"),
    ("Pasukan itu dikirim pada 13/13/2024, kata dia kepada wartawan.", "13/13/2024"),
    ("The troops were sent on February 31, 2024, officials said on Monday.", "February 31, 2024"),
])
def test_impossible_dates_never_crash_and_never_date_anything(text, written):
    x = extract(parse_article(text, "x.txt"))
    assert x.article.published is None
    assert not any(t.value.startswith("2024-02-31") or t.value.startswith("2024-13") for t in x.times)
    assert all(t.begin is None or isinstance(t.begin, date) for t in x.times)
    assert any("impossible date" in w and written in w for w in x.warnings)


def test_a_weekday_that_contradicts_its_date_warns_and_keeps_the_date():
    x = extract(parse_article("Pasukan itu dikirim pada Senin (12/11/2024), kata dia kepada wartawan.", "x.txt"))
    assert [t.value for t in x.times] == ["2024-11-12"]
    assert x.warnings == ["x.txt: weekday Senin does not match 2024-11-12 (Tuesday) ('Senin (12/11/2024)')"]


def test_an_unclosed_quote_is_read():
    text = 'The minister said: "The troops were sent to the front and they will stay there.\nOfficials agreed.'
    x = extract(parse_article(text, "x.txt"))
    assert x.article.text == text and x.events


@pytest.mark.parametrize("front,problem", [
    ("language: xx", "front matter: unknown language 'xx'; available: en, id"),
    ("published: not-a-date", "front matter: 'published: not-a-date' is not a date (YYYY-MM-DD)"),
    ("published: 2024-02-31", "front matter has an impossible date"),
    ("- title\n- url", "front matter must be 'key: value' lines, not a list"),
    ("just words", "front matter must be 'key: value' lines, not a str"),
    ("published: 2024-11-12\npublished: 2024-11-13", "field 'published' is given twice"),
    ("title: [a, b]", "front matter: 'title' must be text, not a list"),
    ("url: javascript:alert(1)", "front matter: 'url: javascript:alert(1)' is not a web address"),
    ("author: someone", "front matter: unknown field(s) author; known: title, url"),
    ("title: 'unclosed", "front matter is not valid YAML"),
    ("x: !!python/object/apply:os.system ['echo hacked']",
     "front matter is not valid YAML (it is data, never code): could not determine a constructor "
     "for the tag 'tag:yaml.org,2002:python/object/apply:os.system'"),
])
def test_malformed_front_matter_is_refused(tmp_path, front, problem):
    _refused(tmp_path, f"---\n{front}\n---\n{GOOD}", problem)


def test_front_matter_is_never_evaluated(tmp_path):
    marker = tmp_path / "hacked"
    _refused(tmp_path, f"---\ntitle: !!python/object/apply:os.system ['touch {marker}']\n---\n{GOOD}",
             "python/object/apply:os.system")
    assert not marker.exists()


def test_a_timestamp_is_read_as_its_day(tmp_path):
    article = read_article(_write(tmp_path, "a.txt", f"---\npublished: 2024-11-13T08:30:00+07:00\n---\n{GOOD}"))
    assert article.published == date(2024, 11, 13)


def test_the_same_article_twice_is_read_once(tmp_path):
    first = _write(tmp_path, "a.txt", GOOD)
    second = _write(tmp_path, "b/copy.md", GOOD)
    reading = read_files(collect([tmp_path]))
    assert [a.path for a in reading.articles] == [str(first)]
    assert reading.skipped == [{"file": str(second), "reason": f"{second}: the same text as {first}, read once"}]


def test_two_articles_with_one_id_are_both_named(tmp_path):
    first = _write(tmp_path, "a/story.txt", GOOD)
    second = _write(tmp_path, "b/story.txt", GOOD.replace("Monday", "Tuesday"))
    reading = read_files(collect([tmp_path]))
    assert [a.path for a in reading.articles] == [str(first)]
    assert reading.skipped[0]["reason"] == f"{second}: article id 'story' is already {first}'s; rename one of them"


def test_a_file_the_system_cannot_read_is_skipped(tmp_path):
    # A real read error that root gets too (root reads a chmod 000 file): a folder named .txt.
    path = tmp_path / "folder.txt"
    path.mkdir()
    assert read_file(path).skipped == [{"file": str(path), "reason": f"{path}: cannot read: Is a directory"}]


def test_a_folder_that_cannot_be_listed_is_skipped_and_named(tmp_path, monkeypatch, capsys):
    import os

    _write(tmp_path / "in", "good.txt", GOOD)
    locked = _write(tmp_path / "in" / "locked", "hidden.txt", GOOD.replace("Monday", "Tuesday")).parent
    listing = os.scandir

    def scandir(path="."):  # root lists a chmod 000 folder, so the refusal is mocked
        if isinstance(path, (str, os.PathLike)) and Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return listing(path)
    monkeypatch.setattr(os, "scandir", scandir)
    reason = f"{locked}: cannot list the folder: Permission denied"
    assert main(["build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--no-validate"]) == 3
    assert f"skipped {locked}: {reason}" in capsys.readouterr().err
    summary = json.loads((tmp_path / "out" / "build.json").read_text(encoding="utf-8"))
    assert summary["skipped"] == [{"file": str(locked), "reason": reason}] and len(summary["read"]) == 1
    assert main(["build", str(tmp_path / "in"), "-o", str(tmp_path / "out2"), "--strict"]) == 1
    with pytest.raises(InputError, match="cannot list the folder"):
        collect([tmp_path / "in"])


def test_an_unreadable_file_is_skipped_mocked(tmp_path, monkeypatch):
    path = _write(tmp_path, "locked.txt", GOOD)
    real_open = Path.open

    def locked(self, *args, **kwargs):
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", locked)
    assert read_file(path).skipped == [{"file": str(path), "reason": f"{path}: cannot read: Permission denied"}]


def test_a_symlink_loop_ends_and_each_file_is_read_once(tmp_path):
    corpus = tmp_path / "corpus"
    article = _write(corpus, "sub/a.txt", GOOD)
    (corpus / "sub" / "loop").symlink_to(corpus, target_is_directory=True)  # a folder linked to its parent
    (corpus / "sub" / "self").symlink_to(corpus / "sub", target_is_directory=True)
    (corpus / "alias.txt").symlink_to(article)
    elsewhere = _write(tmp_path, "elsewhere/b.txt", GOOD.replace("Monday", "Tuesday"))
    (corpus / "linked").symlink_to(elsewhere.parent, target_is_directory=True)  # followed: it is not a loop
    files = collect([corpus])
    assert files == [corpus / "alias.txt", corpus / "linked" / "b.txt"]
    assert len(read_files(files).articles) == 2


def test_ten_thousand_files(tmp_path):
    """collect and read (not a whole build: extracting 10,000 articles takes minutes)."""
    for n in range(10_000):
        folder = tmp_path / f"{n // 500:02d}"
        folder.mkdir(exist_ok=True)
        (folder / f"a{n:05d}.txt").write_text(
            f"---\nlanguage: en\npublished: 2024-11-13\n---\nArticle {n}: the troops were sent.\n", encoding="utf-8")
    start = time.perf_counter()
    files = collect([tmp_path])
    reading = read_files(files)
    elapsed = time.perf_counter() - start
    assert len(files) == len(reading.articles) == 10_000 and reading.skipped == []
    assert elapsed < 60, f"collect and read took {elapsed:.1f} s"


def test_one_bad_article_never_sinks_a_build(tmp_path, capsys):
    _write(tmp_path / "in", "good.txt", GOOD)
    _write(tmp_path / "in", "empty.txt", "")
    _write(tmp_path / "in", "binary.txt", b"\x00\x01\x02")
    _write(tmp_path / "in", "lines.jsonl", json.dumps({"text": APOSTROPHE}) + "\n{broken\n")
    assert main(["build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--no-validate"]) == 3
    report = json.loads((tmp_path / "out" / "build.json").read_text())
    assert [Path(s["file"]).name for s in report["skipped"]] == ["binary.txt", "empty.txt", "lines.jsonl"]
    assert "lines.jsonl:2: not JSON" in report["skipped"][2]["reason"]
    assert [Path(r).name for r in report["read"]] == ["good.txt", "lines.jsonl:1"]
    err = capsys.readouterr().err
    assert "empty.txt: the article has no text" in err and "binary.txt: binary, not text" in err


def test_strict_writes_nothing_and_keeps_the_previous_output(tmp_path, capsys):
    _write(tmp_path / "in", "good.txt", GOOD)
    assert main(["build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--no-validate"]) == 0
    before = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir() if p.is_file()}
    assert sorted(before) == sorted(OUTPUTS)
    cached = sorted((tmp_path / "out" / ".cache").iterdir())
    _write(tmp_path / "in", "other.txt", GOOD.replace("Monday", "Tuesday"))
    _write(tmp_path / "in", "empty.txt", "")
    capsys.readouterr()
    assert main(["build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--no-validate", "--strict"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kg: error: --strict: 1 input(s) skipped, nothing written:\n")
    assert "empty.txt: the article has no text" in err
    assert {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir() if p.is_file()} == before
    assert sorted((tmp_path / "out" / ".cache").iterdir()) == cached  # other.txt not kept either


def test_strict_is_quiet_when_nothing_is_skipped(tmp_path):
    _write(tmp_path / "in", "good.txt", GOOD)
    assert main(["build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--no-validate", "--strict"]) == 0


def test_max_size_option(tmp_path, capsys):
    _write(tmp_path / "in", "good.txt", GOOD)
    assert main(["build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--max-size", "100"]) == 1
    assert f"the text is {len(GOOD.encode())} bytes, more than the 100 bytes" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        main(["build", str(tmp_path / "in"), "--max-size", "lots"])
    assert exit_.value.code == 2
    assert "'lots' is not a size" in capsys.readouterr().err


def test_an_html_page_with_no_story_is_a_clear_error(tmp_path):
    _refused(tmp_path, "<!doctype html><html><body><nav><a href='/'>Home</a> <a href='/w'>World news</a></nav>"
             "<footer>Copyright 2024 Example News. All rights reserved. Contact us.</footer></body></html>",
             "no main text found in the HTML page", name="empty.html")


def test_a_lone_surrogate_is_refused_with_the_line(tmp_path):
    from kg.ingest import read_files

    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "Seoul said on Monday that troops were sent \\ud800 to Russia."}\n'
                    '{"text": "Seoul said on Monday that North Korean troops were sent to Russia."}\n',
                    encoding="utf-8")
    reading = read_files([path])
    assert len(reading.articles) == 1
    assert [s["reason"] for s in reading.skipped] == [f"{path}:1: not valid Unicode text (a lone surrogate at character 43)"]
