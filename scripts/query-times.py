#!/usr/bin/env python3
"""Time every named query once on a graph file loaded into Oxigraph in memory (as a build
answers its figures page), and print its rows, seconds and a digest of the rows (to check
that a change to a query keeps its answers).

    .venv/bin/python scripts/query-times.py output/graph.ttl [NAME ...]

The parameters are those of ``scripts/bench.py``.
"""
import hashlib
import sys
import time
from pathlib import Path

from kg.query import named_queries
from kg.store import MemoryStore

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import PARAMS  # noqa: E402


def main(path: str, names: list[str]) -> None:
    start = time.perf_counter()
    store = MemoryStore(path)
    print(f"{'(load)':18} {'':>7}      {time.perf_counter() - start:8.2f} s", flush=True)
    queries = named_queries()
    for name in names or sorted(queries):
        start = time.perf_counter()
        rows = store.run(queries[name], PARAMS.get(name))[1]
        digest = hashlib.md5(repr(rows).encode()).hexdigest()[:10]
        print(f"{name:18} {len(rows):7} rows {time.perf_counter() - start:8.2f} s  {digest}", flush=True)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
