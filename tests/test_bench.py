"""scripts/bench.py's query timing: every query answered in a child process, a slow one stopped."""
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "tests" / "fixtures" / "queries" / "graph.trig"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench", ROOT / "scripts" / "bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_each_query_gets_its_median_and_the_load_its_time(bench):
    times, load = bench.engine_times("rdflib", EXAMPLE, ["actors", "events"], repeat=2, limit=120)
    assert sorted(times) == ["actors", "events"]
    assert all(isinstance(ms, float) and ms > 0 for ms in times.values()) and load > 0


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
