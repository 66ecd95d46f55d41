"""The `kg` command end to end: build the seed into a folder, then query it."""
import csv
import io
import json
from pathlib import Path

import pytest

from kg.build import OUTPUTS
from kg.cli import main

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    assert main(["build", str(ROOT / "data" / "articles"), "-o", str(out)]) == 0
    return out


def _csv(capsys, *args):
    capsys.readouterr()
    assert main(["query", *args, "--format", "csv"]) == 0
    return list(csv.DictReader(io.StringIO(capsys.readouterr().out)))


def test_build_writes_every_output(built):
    assert sorted(p.name for p in built.iterdir()) == sorted(OUTPUTS)
    report = json.loads((built / "build.json").read_text())
    assert report["skipped"] == [] and report["counts"]["statements"] == 13


def test_statements_query_has_speakers_and_dates(built, capsys):
    rows = _csv(capsys, "statements", "--graph", str(built / "graph.trig"))
    assert list(rows[0]) == ["statement", "date", "speaker", "speaker_label", "kind", "direct", "quote",
                             "content", "article"]
    said = {(r["speaker_label"], r["date"], r["kind"]) for r in rows}
    assert ("Vedant Patel", "2024-11-12", "confirmation") in said
    assert ("Antony Blinken", "2024-10-31", "prediction") in said
    assert ("Stephane Dujarric", "2024-11-03", "concern") in said


def test_events_query(built, capsys):
    rows = _csv(capsys, "events", "--graph", str(built / "graph.trig"))
    assert list(rows[0]) == ["event", "date", "begin_day", "end", "precision", "type", "label", "factuality",
                             "place", "actors", "article"]
    window = [r for r in rows if r["precision"] == "window" and r["factuality"] == "possible"]
    assert [(r["date"], r["begin_day"], r["end"]) for r in window][:1] == [("", "2024-11-01", "2024-11-07")]
    assert {r["type"] for r in rows} >= {"deployment", "combat", "movement", "withdrawal"}


def test_every_format_parses_back(built):
    from rdflib import Dataset, Graph
    ds = Dataset()
    ds.parse(built / "graph.trig", format="trig")
    ttl = Graph().parse(built / "graph.ttl", format="turtle")
    js = Graph().parse(built / "graph.jsonld", format="json-ld")
    assert len(ttl) == len(js) > 500 and len(ds) >= 0


def test_same_input_same_graph(built, tmp_path):
    assert main(["build", str(ROOT / "data" / "articles"), "-o", str(tmp_path)]) == 0
    assert (tmp_path / "graph.trig").read_bytes() == (built / "graph.trig").read_bytes()


def test_missing_input_is_a_clear_error(tmp_path, capsys):
    assert main(["build", str(tmp_path / "nope"), "-o", str(tmp_path / "out")]) == 1
    assert "nope: no such file or folder" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_bad_article_is_skipped_and_reported(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text((ROOT / "data" / "articles" / "000_dcb0d9e068cde2f2.txt").read_text())
    (tmp_path / "in" / "empty.txt").write_text("")
    assert main(["build", str(tmp_path / "in"), "-o", str(tmp_path / "out")]) == 3
    report = json.loads((tmp_path / "out" / "build.json").read_text())
    assert [s["file"].endswith("empty.txt") for s in report["skipped"]] == [True]


def test_query_list_names_every_query(capsys):
    assert main(["query", "--list"]) == 0
    names = {line.split()[0] for line in capsys.readouterr().out.splitlines()}
    assert {"actors", "statements", "events", "timeline"} <= names


def test_reported_events_are_bounded_not_invented(built, capsys):
    rows = _csv(capsys, "events", "--graph", str(built / "graph.trig"))
    reported = [r for r in rows if r["factuality"] == "reported" and r["precision"] == "unknown"]
    assert reported and all(r["date"] == "" and r["end"] for r in reported)  # on or before the statement
    possible = [r for r in rows if r["factuality"] == "possible" and r["precision"] == "unknown"]
    assert all(r["date"] and r["end"] == "" for r in possible)  # after the statement
