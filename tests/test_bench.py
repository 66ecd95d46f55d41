"""scripts/bench.py's query timing: every query answered in a child process, a slow one stopped."""
import os
from pathlib import Path

import pytest

from conftest import load_script

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "tests" / "fixtures" / "queries" / "graph.trig"


@pytest.fixture(scope="module")
def bench():
    return load_script("bench")


def test_each_query_gets_its_median_and_the_load_its_time(bench):
    times, load = bench.engine_times("rdflib", EXAMPLE, ["actors", "events"], repeat=2, limit=120)
    assert sorted(times) == ["actors", "events"]
    assert all(isinstance(ms, float) and ms > 0 for ms in times.values()) and load > 0


def test_a_page_of_a_listing_gets_its_median_too(bench):
    times, _ = bench.engine_times("rdflib", EXAMPLE, ["timeline --page 2", "articles --page 1", "between --page 1"],
                                  repeat=1, limit=120)
    assert sorted(times) == ["articles --page 1", "between --page 1", "timeline --page 2"]
    assert all(isinstance(ms, float) and ms > 0 for ms in times.values())


def test_a_page_past_the_last_is_an_error_not_a_time(bench):
    with pytest.raises(SystemExit, match="failed on timeline --page 9"):
        bench.engine_times("rdflib", EXAMPLE, ["timeline --page 9"], repeat=1, limit=120)


def test_a_query_over_the_limit_is_stopped_and_the_next_one_still_runs(bench):
    # A limit of 0 s: each query is stopped as soon as it starts; a new child runs the next.
    times, load = bench.engine_times("rdflib", EXAMPLE, ["events", "statements"], repeat=1, limit=0)
    assert times == {"events": "over", "statements": "over"} and load > 0


def test_a_load_over_the_budget_leaves_every_query_unmeasured(bench):
    assert bench.engine_times("rdflib", EXAMPLE, ["actors"], repeat=1, limit=120, budget=0) == ({}, None)


def test_a_failing_query_is_an_error_not_a_time(bench):
    with pytest.raises(SystemExit, match="rdflib failed on no-such-query"):
        bench.engine_times("rdflib", EXAMPLE, ["no-such-query"], repeat=1, limit=120)


def test_query_times_gives_each_named_query_its_rows_and_digest():
    import subprocess
    import sys

    from kg.query import named_queries
    from kg.store import RdflibStore

    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "query-times.py"), str(EXAMPLE)],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    assert out[0].startswith("(load)") and len(out) == 1 + len(named_queries())
    rows = {line.split()[0]: int(line.split()[1]) for line in out[1:]}
    expected = len(RdflibStore(EXAMPLE).run(named_queries()["events"], {})[1])
    assert rows["events"] == expected > 0


def test_query_times_on_a_store_on_disk_gives_the_same_rows(tmp_path):
    import subprocess
    import sys

    from kg.formats import nquads, read_quads
    from kg.store import build_oxigraph

    script = str(ROOT / "scripts" / "query-times.py")
    build_oxigraph(tmp_path / "store", nquads(read_quads(EXAMPLE)))
    runs = [subprocess.run([sys.executable, script, *args, "events", "actors"], capture_output=True,
                           text=True, check=True).stdout.splitlines()[1:]
            for args in ([str(EXAMPLE)], ["--repeat", "2", str(tmp_path / "store")])]
    in_memory, on_disk = ([(line.split()[0], line.split()[1], line.split()[-1]) for line in run] for run in runs)
    assert in_memory == on_disk and len(on_disk) == 2 and int(on_disk[0][1]) > 0


def test_query_times_floor_reads_back_as_many_rows():
    """``--floor``: beside each query, the seconds to read back its number of rows from a
    single triple pattern."""
    import subprocess
    import sys

    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "query-times.py"), "--floor", str(EXAMPLE),
                          "events", "actors"], capture_output=True, text=True, check=True).stdout.splitlines()[1:]
    assert [line.split()[0] for line in out] == ["events", "actors"]
    assert all(line.split()[-3] == "floor" and float(line.split()[-2]) >= 0 for line in out)


@pytest.mark.parametrize("validate", [False, True])
def test_build_stages_prints_each_stage_of_a_build_in_order(tmp_path, validate):
    """scripts/build-stages.py: one line per stage, in the build's order, with its wall time,
    CPU (and its part in the kernel) and peak memory, then the whole build; the build's
    files are written. The shapes check is a stage when asked for (``--validate``). Under a
    stage, each wait for a worker's result; before the whole build, each worker by its
    task's name, with its CPU (and its part in the kernel) and its largest memory (the
    article graphs' two at least: they run to the end); then the CPU of all the processes
    together, no less than the stages' and the workers' as last sampled."""
    import re
    import shutil
    import subprocess
    import sys

    from kg.build import CHECKING, STAGES

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for article in sorted((ROOT / "tests" / "articles" / "story").glob("*.txt"))[:3]:
        shutil.copy(article, corpus)
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "build-stages.py"), str(corpus),
                          str(tmp_path / "out"), "--jobs", "2", *(["--validate"] if validate else [])],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    line = re.compile(r"(.+?)\s+(\d+\.\d) s  cpu\s+(\d+\.\d) s  system\s+(\d+\.\d) s  peak\s+(\d+) MB  all\s+(\d+) MB")
    wait = re.compile(r"  waited for (\w+) (\d+\.\d) s, this process at ([1-9]\d*) MB")
    process = re.compile(r"  process \d+ (.+?)\s+cpu\s+(\d+\.\d) s  system\s+(\d+\.\d) s  peak\s+(\d+) MB")
    processes = [m for text in out if (m := process.fullmatch(text))]
    assert [m.group(4) != "0" for m in processes if m.group(1) == "kg ArticleTexts"] == [True, True], out
    assert all(float(m.group(3)) <= float(m.group(2)) for m in processes), out  # the kernel's part of the CPU
    out = [text for text in out if not process.fullmatch(text)]
    together = re.fullmatch(r"CPU of all processes\s+(\d+\.\d) s  system\s+(\d+\.\d) s", out.pop(-2))
    assert together and float(together.group(2)) <= float(together.group(1)), out
    waits, stage = [], None  # under each stage, the build's waits for its workers
    for text in out[:-1]:
        if (m := wait.fullmatch(text)):
            waits.append((stage, m.group(1)))
        else:
            stage = text.split("  ")[0].strip()
    assert waits == [("making the graph", "pickled_story"), ("writing figures.html", "write_figures_of"),
                     ("writing the views", "write_views_of")]
    found = [line.fullmatch(text) for text in out[:-1] if not wait.fullmatch(text)]
    assert all(found), out
    assert [m.group(1) for m in found] == ["reading and extracting", *(s for s in STAGES if validate or s != CHECKING)]
    assert all(int(m.group(5)) > 0 and int(m.group(6)) > 0 and float(m.group(4)) <= float(m.group(3)) for m in found)
    sampled = sum(float(m.group(3)) for m in found) + sum(float(m.group(2)) for m in processes)
    assert float(together.group(1)) >= sampled - 0.05 * (len(found) + len(processes)), (together.group(), sampled)
    whole = re.fullmatch(r"whole build\s+\d+\.\d s\s+peak\s+(\d+) MB  all\s+(\d+) MB", out[-1])
    assert whole and int(whole.group(1)) == max(int(m.group(5)) for m in found)
    assert (tmp_path / "out" / "graph.trig").stat().st_size > 0


@pytest.mark.parametrize(("script", "args"), [("build-stages.py", ["corpus", "out"]), ("profile-merge.py", ["corpus"])])
def test_a_measuring_script_copied_aside_measures_the_kg_beside_it(tmp_path, script, args):
    """A commit copied aside (``git archive``) is measured with its own ``kg``, not the one the
    project's environment installs from the working tree; and so are its worker processes,
    which start from a server of their own (PYTHONPATH names the copy first)."""
    import shutil
    import subprocess
    import sys

    (tmp_path / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / script, tmp_path / "scripts" / script)
    (tmp_path / "kg").mkdir()
    (tmp_path / "kg" / "__init__.py").write_text(
        "import os, pathlib\n"
        "first = os.environ['PYTHONPATH'].split(os.pathsep)[0] == str(pathlib.Path(__file__).resolve().parents[1])\n"
        "raise SystemExit(f'the kg beside the script, first for its workers: {first}')\n")
    done = subprocess.run([sys.executable, str(tmp_path / "scripts" / script), *args], cwd=tmp_path,
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert (done.returncode, done.stderr.strip()) == (1, "the kg beside the script, first for its workers: True")


def test_the_memory_of_all_the_build_processes_counts_their_children():
    """build-stages.py's ``processes_mb``: a child holding 200 MB adds about that much."""
    import subprocess
    import sys
    import time

    stages = load_script("build-stages")
    alone = stages.processes_mb(os.getpid())
    child = subprocess.Popen([sys.executable, "-c", "import sys, time; x = b'1' * 200_000_000; "
                              "print('ready', flush=True); time.sleep(60)"], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "ready"
        time.sleep(0.2)
        together = stages.processes_mb(os.getpid())
    finally:
        child.kill()
        child.wait()
    assert alone > 0 and 180 <= together - alone <= 260, (alone, together)


def test_profile_merge_tells_the_stories_by_the_digest_of_those_a_build_merges():
    """scripts/profile-merge.py: the CPU time and a digest of the merged events and
    statements, the digest that of the stories kg.merge.merge_story gives."""
    import re
    import subprocess
    import sys

    from kg.build import collect
    from kg.extract.document import extract
    from kg.ingest import read_files
    from kg.merge import merge_story, reconcile_actors

    story = ROOT / "tests" / "articles" / "story"
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "profile-merge.py"), str(story), "--jobs", "2"],
                         capture_output=True, text=True, check=True).stdout
    printed = re.findall(r"(events|statements) merged\s+\d+\.\d\d s CPU  (\d+) stories  digest ([0-9a-f]{16})", out)
    script = load_script("profile-merge")
    xs = [extract(a) for a in read_files(collect([story])).articles]
    reconcile_actors(xs)
    events, statements = merge_story(xs)
    assert printed == [("events", str(len(events)), script.digest(events)),
                       ("statements", str(len(statements)), script.digest(statements))]
    assert script.digest(events) != script.digest(events[:-1])


def test_native_floor_times_oxigraphs_four_writers_and_sums_them_for_the_whole_graph(tmp_path):
    """scripts/native-floor.py: a line per format with its rate and its time for the build's
    quads (from build.json), then their sum; a folder without a build is named in the error."""
    import json
    import re
    import subprocess
    import sys

    lines = [f"<urn:s{n}> <urn:p> \"v{n}\" <urn:g{n % 3}> .\n" for n in range(40)]
    (tmp_path / "graph.nq").write_text("".join(lines), encoding="utf-8")
    (tmp_path / "build.json").write_text(json.dumps({"counts": {"quads": 4_000_000}}), encoding="utf-8")
    script = str(ROOT / "scripts" / "native-floor.py")
    out = subprocess.run([sys.executable, script, str(tmp_path), "--quads", "30", "--repeat", "1"],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    assert out[0].startswith("30 quads of ") and out[0].endswith("the whole graph: 4,000,000")
    rows = [re.fullmatch(r"(\S+)\s+(\d+\.\d\d)M quads/s   the whole graph:\s+(\d+\.\d) s", line) for line in out[1:5]]
    assert [m.group(1) for m in rows] == ["N-Quads", "TriG", "Turtle", "JSON-LD"]
    total = re.fullmatch(r"all four\s+the whole graph:\s+(\d+\.\d) s of CPU", out[5])
    assert total and abs(float(total.group(1)) - sum(float(m.group(3)) for m in rows)) <= 0.25
    missing = subprocess.run([sys.executable, script, str(tmp_path / "nothing")], capture_output=True, text=True)
    assert missing.returncode == 1 and "nothing/graph.nq: not found" in missing.stderr
    for text, problem in (("<urn:s> <urn:p> .\n", "graph.nq: not N-Quads: "), ("", "graph.nq: no quads")):
        (tmp_path / "graph.nq").write_text(text, encoding="utf-8")
        bad = subprocess.run([sys.executable, script, str(tmp_path)], capture_output=True, text=True)
        assert bad.returncode == 1 and problem in bad.stderr and "Traceback" not in bad.stderr, bad.stderr
    (tmp_path / "build.json").write_text("{}", encoding="utf-8")
    bad = subprocess.run([sys.executable, script, str(tmp_path)], capture_output=True, text=True)
    assert bad.returncode == 1 and "build.json: no count of quads" in bad.stderr
