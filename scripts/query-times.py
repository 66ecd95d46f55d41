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

``--page N`` times page N of the listings the build keeps cut into pages (``kg query NAME
--page N``: the page and the listing's counts) and the other queries whole; ``--page last``
the last page of each listing.

``--floor`` times beside each query the same number of rows, as many columns, read back from a
single triple pattern (``SELECT ?s ?p ?o ... WHERE { ?s ?p ?o } LIMIT N``): what the store
takes to hand over that many rows at all, whatever the query. A query cannot answer faster.
"""
import argparse
import hashlib
import statistics
import sys
import time
from pathlib import Path

from kg.query import NamedQuery, load_query, named_queries, run_page
from kg.store import MemoryStore, OxigraphStore

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import PARAMS  # noqa: E402


def main(path: str, names: list[str], repeat: int, params: dict[str, str] | None = None,
         floor: bool = False, page: str | None = None) -> None:
    start = time.perf_counter()
    store = OxigraphStore(path) if Path(path).is_dir() else MemoryStore(path)
    print(f"{'(load)':18} {'':>7}      {time.perf_counter() - start:8.2f} s", flush=True)
    for name in names or sorted(named_queries()):
        query = load_query(name)  # a named query, or a .rq file (an older text of one, say)
        given = PARAMS.get(query.name) if params is None else params
        number = None
        if page is not None and query.pages is not None:
            number = run_page(store, query, 1, given)[3] if page == "last" else int(page)
        laps = []
        for _ in range(repeat):
            start = time.perf_counter()
            if number is None:
                header, rows = store.run(query, given)
            else:
                header, rows, _, _ = run_page(store, query, number, given)
            laps.append(time.perf_counter() - start)
        digest = hashlib.md5(repr(rows).encode()).hexdigest()[:10]
        seconds = statistics.median(laps)
        below = f"  floor {read_back(store, len(rows), len(header)):8.2f} s" if floor else ""
        name = query.name if number is None else f"{query.name} p{number}"
        print(f"{name:18} {len(rows):7} rows {seconds:8.3f} s  {digest}{below}", flush=True)


def read_back(store, rows: int, columns: int) -> float:
    """Seconds to read ``rows`` rows of ``columns`` terms from one triple pattern (columns
    past three repeat one of the three)."""
    names = [("?s", "?p", "?o")[i % 3] for i in range(max(columns, 1))]
    text = f"SELECT {' '.join(f'({v} AS ?c{i})' for i, v in enumerate(names))} WHERE {{ ?s ?p ?o }} LIMIT {rows}"
    start = time.perf_counter()
    store.run(NamedQuery("floor", "", {}, text, Path("floor.rq")), {})
    return time.perf_counter() - start


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graph", help="a graph file (.ttl, .nt, .trig, .nq) or an Oxigraph store folder")
    parser.add_argument("names", nargs="*", help="the named queries to time (all when left out)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each query; the median is printed")
    parser.add_argument("--floor", action="store_true",
                        help="also time reading back as many rows from a single triple pattern")
    parser.add_argument("--page", metavar="N|last",
                        help="time this page of the listings kept in pages (the others whole)")
    parser.add_argument("--param", action="append", metavar="NAME=VALUE",
                        help="a parameter of the queries named, instead of the benchmark's (repeatable)")
    args = parser.parse_args()
    if args.param and not all("=" in p for p in args.param):
        parser.error("--param takes NAME=VALUE")
    if args.page is not None and args.page != "last" and not (args.page.isdigit() and int(args.page) > 0):
        parser.error("--page takes a page number (1, 2, ...) or last")
    main(args.graph, args.names, args.repeat, args.param and dict(p.split("=", 1) for p in args.param),
         args.floor, args.page)
