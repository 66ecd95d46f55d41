#!/usr/bin/env python3
"""Time every named query on a graph file loaded into Oxigraph in memory (as a build answers
its figures page), or on an Oxigraph store on disk (a folder, as ``kg build --store`` makes),
and print its rows, median seconds and a digest of the rows (to check that a change to a
query keeps its answers).

    .venv/bin/python scripts/query-times.py output/graph.ttl [NAME ...]
    .venv/bin/python scripts/query-times.py --repeat 3 output/store [NAME ...]
    .venv/bin/python scripts/query-times.py output/store said-by --param actor="Mark Rutte"

A NAME may be a ``.rq`` file instead, e.g. an older text of a query to time beside the
current one (``git show REV:kg/queries/said-by.rq > /tmp/said-by-old.rq``). The parameters
are those of ``scripts/bench.py``, unless given with ``--param``.
"""
import argparse
import hashlib
import statistics
import sys
import time
from pathlib import Path

from kg.query import load_query, named_queries
from kg.store import MemoryStore, OxigraphStore

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import PARAMS  # noqa: E402


def main(path: str, names: list[str], repeat: int, params: dict[str, str] | None = None) -> None:
    start = time.perf_counter()
    store = OxigraphStore(path) if Path(path).is_dir() else MemoryStore(path)
    print(f"{'(load)':18} {'':>7}      {time.perf_counter() - start:8.2f} s", flush=True)
    for name in names or sorted(named_queries()):
        query = load_query(name)  # a named query, or a .rq file (an older text of one, say)
        laps = []
        for _ in range(repeat):
            start = time.perf_counter()
            rows = store.run(query, PARAMS.get(query.name) if params is None else params)[1]
            laps.append(time.perf_counter() - start)
        digest = hashlib.md5(repr(rows).encode()).hexdigest()[:10]
        print(f"{query.name:18} {len(rows):7} rows {statistics.median(laps):8.2f} s  {digest}", flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graph", help="a graph file (.ttl, .nt, .trig, .nq) or an Oxigraph store folder")
    parser.add_argument("names", nargs="*", help="the named queries to time (all when left out)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each query; the median is printed")
    parser.add_argument("--param", action="append", metavar="NAME=VALUE",
                        help="a parameter of the queries named, instead of the benchmark's (repeatable)")
    args = parser.parse_args()
    if args.param and not all("=" in p for p in args.param):
        parser.error("--param takes NAME=VALUE")
    main(args.graph, args.names, args.repeat, args.param and dict(p.split("=", 1) for p in args.param))
