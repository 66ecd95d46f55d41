"""Incremental builds: only new or changed articles are extracted; removed ones leave no trace."""
import json
import shutil
from pathlib import Path

import pytest

from kg import cache as cache_module
from kg.build import CACHE, build
from kg.cli import main

DEV = Path(__file__).parent / "articles" / "dev"
NAMES = ["en_01_rutte_kursk.txt", "id_02_rutte_kursk.txt", "en_03_kcna_confirms.txt"]


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in NAMES:
        shutil.copy(DEV / name, folder / name)
    return folder


def _build(folder, out, **kw):
    return build([folder], out, check=False, **kw)


def test_an_unchanged_build_extracts_nothing_and_writes_the_same(corpus, tmp_path):
    out = tmp_path / "out"
    first = _build(corpus, out)
    assert (first.extracted, first.cached) == (3, 0)
    graph = (out / "graph.trig").read_bytes()
    second = _build(corpus, out)
    assert (second.extracted, second.cached) == (0, 3)
    assert (out / "graph.trig").read_bytes() == graph
    fresh = _build(corpus, tmp_path / "fresh", use_cache=False)
    assert fresh.extracted == 3 and (tmp_path / "fresh" / "graph.trig").read_bytes() == graph


def test_a_changed_article_is_extracted_again(corpus, tmp_path):
    out = tmp_path / "out"
    _build(corpus, out)
    with open(corpus / NAMES[0], "a", encoding="utf-8") as fh:
        fh.write("\nNATO said on Tuesday that it was watching the region closely.\n")
    report = _build(corpus, out)
    assert (report.extracted, report.cached) == (1, 2)
    assert "watching the region closely" in (out / "graph.ttl").read_text(encoding="utf-8")


def test_removed_article_leaves_no_trace(corpus, tmp_path):
    out = tmp_path / "out"
    _build(corpus, out)
    (corpus / NAMES[2]).unlink()
    report = _build(corpus, out)
    assert report.cached == 2
    assert "en_03_kcna_confirms" not in (out / "graph.trig").read_text(encoding="utf-8")
    assert len(list((out / CACHE).glob("*.json"))) == 2  # its cache entry is gone too


def test_a_new_extractor_extracts_everything_again(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    _build(corpus, out)
    monkeypatch.setattr(cache_module, "extractor_version", lambda: "another-version")
    assert _build(corpus, out).extracted == 3


def test_a_broken_cache_entry_is_extracted_again(corpus, tmp_path):
    out = tmp_path / "out"
    _build(corpus, out)
    for entry in (out / CACHE).glob("*.json"):
        entry.write_text('{"article": 1}', encoding="utf-8")
    report = _build(corpus, out)
    assert (report.extracted, report.cached) == (3, 0)


def test_kg_add_builds_the_earlier_inputs_and_the_new_file(corpus, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["build", str(corpus), "-o", str(out), "--no-validate"]) == 0
    new = tmp_path / "new.txt"
    shutil.copy(DEV / "en_05_putin_no_denial.txt", new)
    assert main(["add", str(new), "-o", str(out), "--no-validate"]) == 0
    said = capsys.readouterr().out
    assert "extracted 1 article(s); 3 unchanged, from the cache" in said
    summary = json.loads((out / "build.json").read_text(encoding="utf-8"))
    assert len(summary["read"]) == 4 and len(summary["inputs"]) == 2
    assert main(["add", str(new), "-o", str(tmp_path / "nothing-here")]) != 0


def test_kg_add_takes_the_options_of_kg_build(corpus, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["build", str(corpus), "-o", str(out), "--no-validate"]) == 0
    new = tmp_path / "new.txt"
    shutil.copy(DEV / "en_05_putin_no_denial.txt", new)
    assert main(["add", str(new), "-o", str(out), "--no-validate", "--jobs", "1", "--no-cache",
                 "--store", str(tmp_path / "store"), "--strict", "--max-size", "1M"]) == 0
    said = capsys.readouterr().out
    assert "extracted 4 article(s); 0 unchanged" in said and "into the Oxigraph store" in said
    with pytest.raises(SystemExit) as exit_:
        main(["add", str(new), "-o", str(out), "--jobs", "0"])
    assert exit_.value.code == 2 and "'0' is not a number of processes" in capsys.readouterr().err


def test_a_parallel_build_writes_the_same_bytes(corpus, tmp_path):
    one = _build(corpus, tmp_path / "one", use_cache=False, jobs=1)
    two = _build(corpus, tmp_path / "two", use_cache=False, jobs=2)
    assert one.read == two.read and two.extracted == 3
    from kg.views import VIEWS

    for name in ("graph.trig", "graph.nq", "graph.ttl", "graph.jsonld", "figures.html", "ontology.html",
                 "build.json", *VIEWS):  # the views drawn by a worker from the projection it pickled
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name
    assert sorted(p.name for p in (tmp_path / "one").iterdir()) == sorted(p.name for p in (tmp_path / "two").iterdir())


def test_a_cache_entry_reads_back_as_the_extraction_it_keeps():
    """Every field, of every record, read back by its type; a value of the wrong type is
    an error, never a record half read."""
    from kg.codec import decode, encode
    from kg.extract.document import extract
    from kg.ingest import read_article
    from kg.model import Extraction

    extractions = [extract(read_article(path)) for path in sorted(DEV.glob("*.txt"))[:12]]
    for x in extractions:
        assert decode(Extraction, json.loads(json.dumps(encode(x)))) == x, x.article.path
    x = next(x for x in extractions if x.statements)
    broken = json.loads(json.dumps(encode(x)))
    broken["statements"][0]["cue"]["start"] = str(broken["statements"][0]["cue"]["start"])
    with pytest.raises(ValueError, match="expected int"):
        decode(Extraction, broken)
    broken["statements"][0]["cue"] = ["not", "a", "span"]
    with pytest.raises(ValueError, match="Span: expected an object"):
        decode(Extraction, broken)
