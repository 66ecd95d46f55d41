#!/usr/bin/env python3
"""Time the merge of a story across articles, and tell its stories by a digest.

    scripts/profile-merge.py CORPUS [--jobs N] [--profile]

Extracts the articles of ``CORPUS`` (a folder, e.g. from ``scripts/gen-corpus.py``) with N
worker processes, reconciles their actor keys, then merges the events and the statements
as a build does (:func:`kg.merge.merge_story`), and prints the CPU time of each merge, the
number of stories and a digest of them all: each story's kind, type, key, reports in order
and reasons. A change to the merge that claims the same stories must print the same digest;
``--profile`` adds the statement merge's top functions by own time. Then the CPU time of the
counts, reports and contradictions the story graph keeps (:func:`kg.kept.add_kept`) and how
many triples they are.
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import hashlib
import os
import pstats
import sys
import time
from pathlib import Path


def digest(stories) -> str:
    """A digest of ``stories`` (:class:`kg.merge.Merged`), in their order."""
    h = hashlib.sha256()
    for m in stories:
        h.update(repr((m.kind, m.type, m.key, [item.id for _, item in m.members], m.reasons)).encode())
    return h.hexdigest()[:16]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--jobs", "-j", type=int, default=2)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)
    checkout = str(Path(__file__).resolve().parents[1])
    sys.path.insert(0, checkout)  # this checkout's kg, not the installed one; and for the workers too, whose
    # server starts with this environment and would import the kg the working directory or the install gives
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, (checkout, os.environ.get("PYTHONPATH"))))
    from kg.build import collect
    from kg.ingest import read_files
    from kg.merge import actor_labels, merge_events, merge_statements, reconcile_actors
    from kg.parallel import extract_all

    articles = read_files(collect([Path(args.corpus)])).articles
    extractions = [x for _, x in extract_all(articles, args.jobs) if not isinstance(x, str)]
    gc.disable()  # as in a build
    reconcile_actors(extractions)
    labels = actor_labels(extractions)
    started = time.process_time()
    events = merge_events(extractions, labels)
    middle = time.process_time()
    profile = cProfile.Profile() if args.profile else None
    if profile:
        profile.enable()
    statements = merge_statements(extractions, labels, events)
    if profile:
        profile.disable()
    ended = time.process_time()
    print(f"articles          {len(extractions)}")
    print(f"events merged     {middle - started:8.2f} s CPU  {len(events)} stories  digest {digest(events)}")
    print(f"statements merged {ended - middle:8.2f} s CPU  {len(statements)} stories  digest {digest(statements)}")
    if profile:
        pstats.Stats(profile).sort_stats("tottime").print_stats(15)
    from kg.quads import Quads
    from kg.kept import add_kept
    from kg.rdf import STORY
    kept = Quads().graph(STORY)
    started = time.process_time()
    add_kept(kept, extractions)
    print(f"kept counts       {time.process_time() - started:8.2f} s CPU  {len(kept)} triples")


if __name__ == "__main__":  # worker processes start from a server that imports this module anew
    main()
