"""The `kg` command end to end: build the seed into a folder, then query it."""
import csv
import io
import json
from pathlib import Path

import pytest

from kg.build import CACHE, OUTPUTS
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
    assert sorted(p.name for p in built.iterdir()) == sorted([*OUTPUTS, CACHE])
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


@pytest.mark.parametrize("name", ["statements", "events", "figures"])
def test_a_graph_file_gives_the_same_rows_from_each_engine_and_format(built, capsys, name):
    """Oxigraph (the default) on the merged Turtle and on the TriG, and rdflib on the TriG."""
    answers = {(graph, engine): _csv(capsys, name, "--graph", str(built / graph), "--engine", engine)
               for graph in ("graph.ttl", "graph.trig") for engine in ("oxigraph", "rdflib")}
    first = answers["graph.ttl", "oxigraph"]
    assert first and all(rows == first for rows in answers.values())


def test_a_query_reads_the_merged_turtle_in_oxigraph_by_default(built, monkeypatch, capsys):
    from kg import store
    from kg.cli import _parser

    args = _parser().parse_args(["query", "events"])
    assert (args.graph, args.engine) == ("output/graph.ttl", "oxigraph")
    used, run = [], store.MemoryStore.run
    monkeypatch.setattr(store.MemoryStore, "run", lambda self, *a: used.append(self.path.name) or run(self, *a))
    assert _csv(capsys, "events", "--graph", str(built / "graph.ttl"))
    assert used == ["graph.ttl"]


def test_a_slow_graph_file_suggests_a_store(built, monkeypatch, capsys):
    from kg import cli

    graph = str(built / "graph.ttl")
    capsys.readouterr()
    assert main(["query", "actors", "--graph", graph, "--format", "csv"]) == 0
    assert capsys.readouterr().err == ""  # read quickly: no hint
    monkeypatch.setattr(cli, "SLOW_LOAD", -1.0)
    assert main(["query", "actors", "--graph", graph, "--format", "csv"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("actor,") and f"kg: reading {graph} took" in captured.err
    assert "--store DIR" in captured.err


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


def _free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("args,message", [
    (["build", "{tmp}/nope"], "kg: error: {tmp}/nope: no such file or folder"),
    (["query", "no-such-query", "--graph", "{graph}"], "kg: error: unknown query 'no-such-query'; available: "),
    (["query", "said-by", "--param", "actor", "--graph", "{graph}"], "kg: error: --param 'actor': expected NAME=VALUE"),
    (["query", "said-by", "--param", "who=x", "--graph", "{graph}"],
     "kg: error: query 'said-by' has no parameter 'who'; its parameters: actor"),
    (["query", "events", "--endpoint", "http://127.0.0.1:{port}/query"],
     "kg: error: cannot reach the SPARQL endpoint http://127.0.0.1:{port}/query"),
    (["query", "events", "--graph", "{tmp}/bad.trig"], "kg: error: {tmp}/bad.trig: cannot parse as trig"),
    (["query", "events", "--graph", "{tmp}/missing.trig"], "kg: error: {tmp}/missing.trig: no such graph file"),
    (["validate", "{tmp}/bad.trig"], "kg: error: {tmp}/bad.trig: cannot parse as trig"),
    (["validate", "{tmp}/graph.txt"], "kg: error: {tmp}/graph.txt: unknown graph format"),
    (["eval", "--json", "{tmp}/no/such/folder/x.json", str(ROOT / "tests" / "articles" / "dev" / "en_01_rutte_kursk.gold.yaml")],
     "kg: error: {tmp}/no/such/folder/x.json: No such file or directory"),
])
def test_user_errors_are_one_line_without_traceback(built, tmp_path, capsys, args, message):
    (tmp_path / "bad.trig").write_text("<a> <b> .")
    (tmp_path / "graph.txt").write_text("")
    names = {"tmp": tmp_path, "graph": built / "graph.trig", "port": _free_port()}
    capsys.readouterr()
    assert main([a.format(**names) for a in args]) == 1
    err = capsys.readouterr().err
    assert err.startswith(message.format(**names)), err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_debug_shows_the_traceback(tmp_path, capsys):
    assert main(["--debug", "build", str(tmp_path / "nope")]) == 1
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err and "kg.errors.InputError" in err
    assert err.rstrip().endswith(f"kg: error: {tmp_path / 'nope'}: no such file or folder")


def test_a_user_error_in_a_real_process(tmp_path):
    import subprocess
    import sys
    done = subprocess.run([sys.executable, "-m", "kg.cli", "query", "events", "--graph", str(tmp_path / "x.trig")],
                          capture_output=True, text=True, cwd=ROOT)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == f"kg: error: {tmp_path / 'x.trig'}: no such graph file\n"


def test_a_bad_option_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["query", "events", "--format", "xml"])
    assert exit_.value.code == 2 and "invalid choice: 'xml'" in capsys.readouterr().err


def test_build_shows_the_first_warnings_and_counts_the_rest(tmp_path, capsys):
    from kg.cli import SHOWN_WARNINGS

    (tmp_path / "in").mkdir()
    for n in range(SHOWN_WARNINGS + 5):  # a weekday that contradicts its date warns, once each
        (tmp_path / "in" / f"a{n:02}.txt").write_text(
            f"Pasukan ke-{n} itu dikirim pada Senin (12/11/2024), kata dia kepada wartawan.\n", encoding="utf-8")
    assert main(["build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--no-validate", "-j", "1"]) == 0
    err = capsys.readouterr().err
    assert err.count("warning: ") == SHOWN_WARNINGS
    assert f"… and 5 more warnings, all of them in {tmp_path / 'out' / 'build.json'}" in err
    summary = json.loads((tmp_path / "out" / "build.json").read_text(encoding="utf-8"))
    assert len(summary["warnings"]) == SHOWN_WARNINGS + 5


def test_a_build_too_large_for_the_memory_left_is_told_before_it_begins(tmp_path, capsys, monkeypatch):
    """Told once the articles are read, before any is extracted: a JSON Lines file counts
    each of its lines."""
    import kg.build

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl").write_text("".join(
        json.dumps({"text": f"Kim Jong Un met Putin in Moscow on {day} June 2024."}) + "\n" for day in (18, 19)),
        encoding="utf-8")
    too_large = ("a build of 2 articles needs about 0.4 GB of memory at its height (0.32 MB an article), "
                 "and 0.1 GB is available: the system may stop it before it ends")
    first = f"{tmp_path / 'in' / 'a.jsonl'}:1"  # the first article's progress
    for available, warned in ((100, [too_large]), (100_000, []), (None, [])):  # MB, or not known
        monkeypatch.setattr(kg.build, "available_mb", lambda: available)
        told = []
        report = kg.build.build([tmp_path / "in"], tmp_path / "out", check=False, use_cache=False,
                                progress=lambda n, total, name: told.append(name), tell=told.append)
        assert told[:len(warned) + 1] == [*warned, first]
        assert len(report.read) == 2 and (tmp_path / "out" / "graph.trig").stat().st_size > 0  # not a refusal
        capsys.readouterr()
        assert main(["build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--no-validate", "-j", "1"]) == 0
        assert [line for line in capsys.readouterr().err.splitlines() if "memory" in line] == \
            [f"warning: {text}" for text in warned]


def test_a_build_tells_its_progress_through_reading_and_writing(tmp_path):
    from kg.build import STAGES, build

    articles = sorted((ROOT / "tests" / "articles" / "dev").glob("*.txt"))[:2]
    told = []
    build(articles, tmp_path / "out", progress=lambda n, total, name: told.append((n, total, name)))
    assert told[:2] == [(1, 2, str(articles[0])), (2, 2, str(articles[1]))]
    assert told[2:] == [(k, len(STAGES), name) for k, name in enumerate(STAGES, 1)]
    told.clear()
    build(articles, tmp_path / "out", check=False, progress=lambda *a: told.append(a))
    assert [name for _, _, name in told[2:]] == [name for name in STAGES if "shapes" not in name]
    assert {total for _, total, _ in told[2:]} == {len(STAGES) - 1}


def test_a_build_frees_the_union_before_drawing_the_views(tmp_path, monkeypatch):
    """The union graph is in reference cycles (rdflib's Graph and its namespace manager), and
    the build pauses the cycle collector: it must still be gone once projected, before the
    views are drawn from the projection."""
    import gc

    import kg.build
    import kg.views
    from kg.quads import TripleIndex

    def unions() -> set[int]:
        return {id(o) for o in gc.get_objects() if isinstance(o, TripleIndex)}

    gc.collect()
    before, alive, draw = unions(), {}, kg.views.write_timeline  # other tests' graphs may be alive

    def drawn(*args):
        alive["unions"] = len(unions() - before)
        return draw(*args)
    monkeypatch.setattr(kg.views, "write_timeline", drawn)
    kg.build.build(sorted((ROOT / "tests" / "articles" / "dev").glob("*.txt"))[:2], tmp_path / "out",
                   check=False)
    assert alive == {"unions": 0}
