#!/usr/bin/env python3
"""How long Oxigraph's own writers (Rust) take to write a build's graph in its four formats.

    scripts/native-floor.py OUT [--quads N] [--repeat R]

Reads the first ``N`` quads (default 1,000,000) of ``OUT/graph.nq``, a build's output, then
times Oxigraph's serialisers on them: N-Quads and TriG for the quads, Turtle and JSON-LD for
their triples (best of ``R`` runs, CPU time of this process). It prints each writer's quads
a second, and the seconds it would take for the whole graph (its quads counted in
``OUT/build.json``).

This is a floor for the build, not a rival writer: Oxigraph writes the quads in the order
given, without sorting or grouping them, without a JSON-LD context, and gets them already
made, where a build must first make them from the articles. A build of that graph on this
machine cannot write its four files in less, whatever language its own writers are in.
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

import pyoxigraph as ox


def first_quads(path: Path, n: int) -> list:
    """The first ``n`` quads of the N-Quads file ``path``."""
    with path.open("rb") as file:
        return list(itertools.islice(ox.parse(file, format=ox.RdfFormat.N_QUADS), n))


def seconds(write, repeat: int) -> float:
    """The least CPU time of ``repeat`` calls of ``write``."""
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        write()
        best = min(best, time.process_time() - started)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="a build's output folder (graph.nq, build.json)")
    parser.add_argument("--quads", type=int, default=1_000_000, help="how many quads to write (default 1,000,000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each writer; the best is kept (default 3)")
    args = parser.parse_args(argv)
    for name in ("graph.nq", "build.json"):
        if not (args.out / name).is_file():
            sys.exit(f"{args.out / name}: not found (give the output folder of a build)")
    try:
        total = json.loads((args.out / "build.json").read_text(encoding="utf-8"))["counts"]["quads"]
    except (ValueError, KeyError, TypeError) as exc:
        sys.exit(f"{args.out / 'build.json'}: no count of quads a build writes ({exc!r})")
    try:
        quads = first_quads(args.out / "graph.nq", args.quads)
    except (SyntaxError, ValueError) as exc:
        sys.exit(f"{args.out / 'graph.nq'}: not N-Quads: {exc}")
    if not quads:
        sys.exit(f"{args.out / 'graph.nq'}: no quads")
    triples = [q.triple for q in quads]
    writers = {"N-Quads": (quads, ox.RdfFormat.N_QUADS), "TriG": (quads, ox.RdfFormat.TRIG),
               "Turtle": (triples, ox.RdfFormat.TURTLE), "JSON-LD": (triples, ox.RdfFormat.JSON_LD)}
    print(f"{len(quads):,} quads of {args.out / 'graph.nq'}; the whole graph: {total:,}")
    whole = 0.0
    for name, (items, fmt) in writers.items():
        took = seconds(lambda: ox.serialize(items, format=fmt), args.repeat)
        rate = len(quads) / max(took, 1e-9)  # a few quads may take less than the clock tells
        whole += total / rate
        print(f"{name:8} {rate / 1e6:5.2f}M quads/s   the whole graph: {total / rate:6.1f} s")
    print(f"{'all four':8} {'':16}   the whole graph: {whole:6.1f} s of CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
