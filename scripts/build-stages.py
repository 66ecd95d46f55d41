#!/usr/bin/env python3
"""A build, stage by stage: each stage's wall time, this process's CPU and its peak memory.

    scripts/build-stages.py CORPUS OUT [--jobs N]

Builds ``CORPUS`` (a folder of articles, e.g. from ``scripts/gen-corpus.py``) into ``OUT``
as ``kg build CORPUS -o OUT -j N --no-cache --no-validate`` does, and prints one line per
stage of the build (reading and extracting, making the graph, the graph files, the pages,
the views): its wall time, the CPU time of the build's own process, and the largest
resident memory of that process during the stage (sampled every 50 ms from
``/proc/self/status``), then the whole build's wall time. Worker processes are not counted
in the CPU or memory: run it under ``/usr/bin/time -v`` for the largest process's peak.
This is how the stage tables of the README's Performance section are measured.
"""
from __future__ import annotations

import argparse
import threading
import time


def resident_mb() -> int:
    """This process's resident memory, in MB (0 where ``/proc`` is not there)."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmRSS"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 0


class Stages:
    """The progress callback of :func:`kg.build.build` that prints a line as each stage ends."""

    def __init__(self, names: tuple[str, ...]) -> None:
        self.names = names  # the stages' names (kg.build.STAGES); the others are articles read
        self.peak, self.started = resident_mb(), time.perf_counter()
        self.stage = ("reading and extracting", self.started, time.process_time())
        self._done = threading.Event()
        threading.Thread(target=self._sample, daemon=True).start()

    def _sample(self) -> None:
        while not self._done.wait(0.05):
            self.peak = max(self.peak, resident_mb())

    def __call__(self, n: int, total: int, name: str) -> None:
        if name in self.names and name != self.stage[0]:
            self.end(name)

    def end(self, following: str = "") -> None:
        """Print the stage that ends now, and start ``following``."""
        name, wall, cpu = self.stage
        now, used, peak = time.perf_counter(), time.process_time(), max(self.peak, resident_mb())
        print(f"{name:40s} {now - wall:8.1f} s  cpu {used - cpu:8.1f} s  peak {peak:7d} MB", flush=True)
        self.stage, self.peak = (following, now, used), resident_mb()

    def close(self) -> None:
        self.end()
        self._done.set()
        print(f"{'whole build':40s} {time.perf_counter() - self.started:8.1f} s", flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("out")
    parser.add_argument("--jobs", "-j", type=int, default=2)
    args = parser.parse_args(argv)
    from kg.build import STAGES, build

    stages = Stages(STAGES)
    build([args.corpus], args.out, progress=stages, jobs=args.jobs, use_cache=False, check=False)
    stages.close()


if __name__ == "__main__":  # worker processes start from a server that imports this module anew
    main()
