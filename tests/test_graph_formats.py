"""`kg build --formats`: the graph files asked for, the same bytes as when all four are written."""
import json
from pathlib import Path

import pytest

from kg.build import OUTPUTS, _move_into_place, build, outputs
from kg.cli import main
from kg.errors import InputError

ROOT = Path(__file__).parent.parent
ARTICLES = sorted(ROOT.glob("tests/articles/dev/*.txt"))[:5]
GRAPH_FILES = ("graph.trig", "graph.nq", "graph.ttl", "graph.jsonld")


@pytest.fixture(scope="module")
def every(tmp_path_factory) -> Path:
    """A build of all four graph files, by one process."""
    out = tmp_path_factory.mktemp("every")
    build(ARTICLES, out, check=False, use_cache=False, jobs=1)
    return out


@pytest.mark.parametrize("formats,jobs", [(["nq"], 2), (["ttl", "trig"], 2), (["jsonld"], 2), (["nq", "ttl"], 1)])
def test_a_build_writes_the_graph_files_asked_for_alone(every, tmp_path, formats, jobs):
    report = build(ARTICLES, tmp_path, check=False, use_cache=False, jobs=jobs, formats=formats)
    asked = [f"graph.{name}" for name in formats]
    written = sorted(p.name for p in tmp_path.iterdir() if p.is_file())
    assert written == sorted(name for name in OUTPUTS if name not in GRAPH_FILES or name in asked)
    for name in written:
        if name != "build.json":
            assert (tmp_path / name).read_bytes() == (every / name).read_bytes(), name
    summary = json.loads((tmp_path / "build.json").read_text(encoding="utf-8"))
    assert summary["outputs"] == list(outputs(tuple(asked))) == [p.name for p in report.written]


@pytest.mark.parametrize("fallback", ["add_later", "write_union"])
def test_a_build_whose_workers_give_up_writes_the_files_asked_for_itself(every, tmp_path, monkeypatch, fallback):
    from kg.article_graphs import ArticleGraphFiles

    def gives_up(self, *args):
        if fallback == "add_later":
            self.stop()
        return False
    monkeypatch.setattr(ArticleGraphFiles, fallback, gives_up)
    build(ARTICLES, tmp_path, check=False, use_cache=False, jobs=2, formats=["nq", "jsonld"])
    assert [name for name in GRAPH_FILES if (tmp_path / name).exists()] == ["graph.nq", "graph.jsonld"]
    for name in ("graph.nq", "graph.jsonld"):
        assert (tmp_path / name).read_bytes() == (every / name).read_bytes(), name


def test_a_build_of_fewer_formats_removes_the_graph_files_of_the_others(every, tmp_path):
    """An output folder never holds graph files of two builds: those a build does not write
    go with the others it replaces."""
    build(ARTICLES, tmp_path, check=False, use_cache=False, jobs=1)
    assert all((tmp_path / name).exists() for name in GRAPH_FILES)
    build(ARTICLES[:3], tmp_path, check=False, jobs=2, formats=["nq"])
    assert [name for name in GRAPH_FILES if (tmp_path / name).exists()] == ["graph.nq"]
    assert (tmp_path / "graph.nq").read_bytes() != (every / "graph.nq").read_bytes()  # three articles, not five


def test_a_failed_switch_puts_back_the_files_it_was_to_remove(tmp_path, monkeypatch):
    out, staging = tmp_path / "out", tmp_path / "out" / ".kg-build-x"
    staging.mkdir(parents=True)
    for name in ("graph.nq", "graph.ttl", "build.json"):
        (out / name).write_text(f"old {name}")
    for name in ("graph.nq", "build.json"):
        (staging / name).write_text(f"new {name}")
    real_replace = Path.replace

    def failing(self, target):
        if self == staging / "build.json":
            raise OSError(28, "No space left on device")
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", failing)
    with pytest.raises(OSError, match="No space left"):
        _move_into_place(staging, out, ("graph.nq", "build.json"), gone=("graph.ttl", "graph.trig"))
    assert sorted((p.name, p.read_text()) for p in out.iterdir() if p.is_file()) == [
        ("build.json", "old build.json"), ("graph.nq", "old graph.nq"), ("graph.ttl", "old graph.ttl")]


def test_an_unknown_format_is_refused_before_anything_is_done(tmp_path, capsys):
    with pytest.raises(InputError, match="unknown graph format 'n3': choose among trig, nq, ttl, jsonld"):
        build(ARTICLES, tmp_path / "out", formats=["nq", "n3"])
    assert not (tmp_path / "out").exists()
    with pytest.raises(SystemExit) as stopped:
        main(["build", str(ARTICLES[0]), "-o", str(tmp_path / "out"), "--formats", "nq,n3"])
    assert stopped.value.code == 2
    assert "--formats: unknown graph format 'n3'" in capsys.readouterr().err
    with pytest.raises(InputError, match="no graph format chosen"):
        build(ARTICLES, tmp_path / "out", formats=[])


def test_a_store_asks_for_the_files_it_is_loaded_from(tmp_path, capsys):
    code = main(["build", str(ARTICLES[0]), "-o", str(tmp_path / "out"), "--formats", "trig",
                 "--store", str(tmp_path / "store")])
    assert code == 1 and not (tmp_path / "out").exists()
    assert "--store loads graph.nq and graph.ttl: add nq and ttl to --formats" in capsys.readouterr().err


def test_kg_add_writes_the_formats_of_the_last_build(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["build", *map(str, ARTICLES[:2]), "-o", str(out), "--formats", "ttl,nq", "-j", "1"]) == 0
    assert main(["add", str(ARTICLES[2]), "-o", str(out), "-j", "1"]) == 0
    assert [name for name in GRAPH_FILES if (out / name).exists()] == ["graph.nq", "graph.ttl"]
    assert main(["add", str(ARTICLES[3]), "-o", str(out), "-j", "1", "--formats", "trig"]) == 0
    assert [name for name in GRAPH_FILES if (out / name).exists()] == ["graph.trig"]
    assert len(json.loads((out / "build.json").read_text(encoding="utf-8"))["read"]) == 4


def test_a_graph_file_the_build_did_not_write_is_named_with_those_it_did(tmp_path, capsys):
    build(ARTICLES[:1], tmp_path, check=False, use_cache=False, jobs=1, formats=["nq", "jsonld"])
    assert main(["query", "statements", "--graph", str(tmp_path / "graph.ttl")]) == 1
    assert capsys.readouterr().err == (f"kg: error: {tmp_path / 'graph.ttl'}: no such graph file; the build there "
                                       "wrote only graph.nq, graph.jsonld (kg build --formats)\n")
    assert main(["validate", str(tmp_path / "missing.trig")]) == 1  # not a file a build writes: no more said
    assert capsys.readouterr().err.endswith("missing.trig: no such graph file\n")
