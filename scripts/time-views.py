#!/usr/bin/env python3
"""Time each view a build draws, on the projection that build wrote.

    .venv/bin/python scripts/time-views.py OUT [--repeat R] [--profile VIEW]

Reads the projection back from ``OUT/graph.graphml`` (a build's output folder: the same
nodes, edges and attributes, a node's incoming links listed in another order), then draws
each of the six view files into a temporary folder, ``R`` times (default 1), and prints the
CPU seconds of the best run of each, as a build's views worker spends them. ``--profile
VIEW`` (``timeline``, ``network``, ``svg``, ``timelinejs``, ``gexf`` or ``graphml``) then
prints that view's top functions by own time under cProfile.
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.views import (write_gexf, write_graphml, write_network, write_svg,  # noqa: E402
                      write_timeline, write_timelinejs)

VIEWS = {"graphml": (write_graphml, "graph.graphml"), "timeline": (write_timeline, "timeline.html"),
         "network": (write_network, "network.html"), "svg": (write_svg, "timeline.svg"),
         "timelinejs": (write_timelinejs, "timelinejs.json"), "gexf": (write_gexf, "graph.gexf")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="a build's output folder, with its graph.graphml")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--profile", choices=sorted(VIEWS))
    args = parser.parse_args(argv)
    source = args.out / "graph.graphml"
    if not source.is_file():
        parser.error(f"{source}: no such file (give the output folder of a build)")
    started = time.process_time()
    G = nx.read_graphml(source, force_multigraph=True)
    print(f"read {G.number_of_nodes():,} nodes and {G.number_of_edges():,} edges "
          f"in {time.process_time() - started:.1f} s of CPU")
    gc.collect()
    gc.freeze()  # the projection is never collected: its objects are not walked again and again
    total = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for name, (write, file) in VIEWS.items():
            best = float("inf")
            for _ in range(args.repeat):
                started = time.process_time()
                write(G, Path(tmp, file))
                best = min(best, time.process_time() - started)
            total += best
            print(f"{name:<12}{best:8.2f} s  {Path(tmp, file).stat().st_size / 1e6:9.1f} MB")
        print(f"{'all':<12}{total:8.2f} s")
        if args.profile:
            write, file = VIEWS[args.profile]
            profile = cProfile.Profile()
            profile.runcall(write, G, Path(tmp, file))
            pstats.Stats(profile).sort_stats("tottime").print_stats(25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
