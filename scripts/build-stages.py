#!/usr/bin/env python3
"""A build, stage by stage: each stage's wall time, this process's CPU and its peak memory.

    scripts/build-stages.py CORPUS OUT [--jobs N] [--validate] [--formats LIST]

Builds ``CORPUS`` (a folder of articles, e.g. from ``scripts/gen-corpus.py``) into ``OUT``
as ``kg build CORPUS -o OUT -j N --no-cache --no-validate`` does (``--validate``: with the
shapes check a default build runs, a stage of its own; ``--formats``: those graph files
alone, as ``kg build --formats``), and prints one line per
stage of the build (reading and extracting, making the graph, the graph files, the pages,
the views): its wall time, the CPU time of the build's own process, the largest resident
memory of that process during the stage, and the largest memory of all the build's
processes together (the build and its workers: their proportional set sizes, pages shared
between them counted once), sampled from ``/proc``: this process every 50 ms, all of them
every 0.5 s at most, and less often when reading them takes long (:data:`SHARE`); then the
whole build's wall time and peaks. Each CPU time is followed by the part of it spent in the
system's kernel (page faults, writing and copying files). Under a stage, each wait of the
build for a worker's result (the story's merge, the figures page, the views), how long it
took, and the build's resident memory as it began to wait. Before the whole build's line,
each other process of the build (the workers, and the server they start from) by its
name, with its CPU time and its largest proportional set size as last sampled; then the CPU time of all of them together, to their end
(:func:`cpu_of_all`). This is how the stage tables of docs/performance.md are measured.
"""
from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from pathlib import Path


def resident_mb() -> int:
    """This process's resident memory, in MB (0 where ``/proc`` is not there)."""
    return _field("/proc/self/status", "VmRSS:")


def processes_mb(pid: int, each: dict | None = None) -> int:
    """The memory of process ``pid`` and all its descendants, in MB: the sum of their
    proportional set sizes (a page shared by k of them counts 1/k in each). Into ``each``,
    when given: each process by its number, as ``[name, largest MB so far, CPU seconds so
    far, of which in the kernel]`` (a worker's name says its task: :func:`kg.parallel.worker_name`)."""
    total = 0
    for current in _descendants(pid):
        mb = _field(f"/proc/{current}/smaps_rollup", "Pss:")
        total += mb
        if each is not None and (used := _used(current)) is not None:
            seen = each.setdefault(current, [used[0], 0, 0.0, 0.0])
            seen[:] = used[0], max(seen[1], mb), *used[1:]  # named by its task once it starts it
    return total


def _used(pid: int, reaped: bool = False) -> tuple | None:
    """The name of process ``pid``, the CPU time it has used (user and system) and its
    system part, or None once it has ended; ``reaped``: then also the CPU time and system
    part of its children that ended and that it waited for (theirs in turn included)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            name, rest = stat.read().split(" (", 1)[1].rsplit(") ", 1)
    except (OSError, IndexError, ValueError):
        return None
    user, system, children_user, children_system = (int(n) / os.sysconf("SC_CLK_TCK") for n in rest.split()[11:15])
    return (name, user + system, system, *((children_user + children_system, children_system) if reaped else ()))


def cpu_of_all(pid: int) -> tuple[float, float]:
    """The CPU time (user and system) of process ``pid`` and every process it started, its
    workers' and theirs, and its system part: each process's own while it runs, then in
    the times of the process that waited for it once it ended (the workers' server for the
    workers), so each is counted once, to its end. Read at the end of a build: the
    workers' own lines are their last samples, and a worker that ends between two samples
    has its last seconds missing there (up to half a minute at 10,000 articles).

    >>> cpu, system = cpu_of_all(os.getpid()); cpu >= system >= 0
    True
    """
    cpu = system = 0.0
    for current in _descendants(pid):
        used = _used(current, reaped=True)
        if used is not None:
            cpu, system = cpu + used[1] + used[3], system + used[2] + used[4]
    return cpu, system


def _descendants(pid: int) -> list[int]:
    """Process ``pid`` and all its descendants, read from ``/proc``."""
    parents: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as stat:
                    parent = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue  # ended meanwhile
            parents.setdefault(parent, []).append(int(name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(parents.get(current, ()))
    return found


def _field(path: str, name: str) -> int:
    """The kB value of the line ``name`` of ``path``, in MB (0 when unreadable)."""
    try:
        with open(path) as lines:
            for line in lines:
                if line.startswith(name):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 0


# Reading every process's page tables costs (about 40 ms a reading at 10,000 articles, 4% of
# a build's CPU samples at two readings a second, charged to this process): they are read
# twice a second at most, and no more than 1/SHARE of the time.
SHARE = 20


class Stages:
    """The progress callback of :func:`kg.build.build` that prints a line as each stage ends."""

    def __init__(self, names: tuple[str, ...]) -> None:
        self.names = names  # the stages' names (kg.build.STAGES); the others are articles read
        self.peak, self.started = resident_mb(), time.perf_counter()
        self.all_peak = self.whole_peak = self.whole_all = 0
        self.waited: list[tuple[str, float, int]] = []  # the stage's waits for a worker: (its task, seconds, MB)
        self.each: dict[int, list] = {}  # every process of the build: see processes_mb
        self.stage = ("reading and extracting", self.started, os.times())
        self._done = threading.Event()
        threading.Thread(target=self._sample, daemon=True).start()

    def _sample(self) -> None:
        due = 0.0  # when every process's memory is read next
        while not self._done.wait(0.05):
            self.peak = max(self.peak, resident_mb())
            if time.perf_counter() >= due:
                started = time.perf_counter()
                self.all_peak = max(self.all_peak, processes_mb(os.getpid(), self.each))
                took = time.perf_counter() - started
                due = started + max(0.5, SHARE * took)

    def __call__(self, n: int, total: int, name: str) -> None:
        if name in self.names and name != self.stage[0]:
            self.end(name)

    def end(self, following: str = "") -> None:
        """Print the stage that ends now, and start ``following``."""
        name, wall, cpu = self.stage
        now, used, peak = time.perf_counter(), os.times(), max(self.peak, resident_mb())
        user, system = used.user - cpu.user, used.system - cpu.system
        together = max(self.all_peak, processes_mb(os.getpid(), self.each))
        print(f"{name:40s} {now - wall:8.1f} s  cpu {user + system:8.1f} s"
              f"  system {system:7.1f} s  peak {peak:7d} MB"
              f"  all {together:7d} MB", flush=True)
        for task, seconds, mb in self.waited:
            print(f"  waited for {task} {seconds:.1f} s, this process at {mb} MB", flush=True)
        self.waited.clear()
        self.whole_peak, self.whole_all = max(self.whole_peak, peak), max(self.whole_all, together)
        self.stage, self.peak, self.all_peak = (following, now, used), resident_mb(), 0

    def close(self) -> None:
        self.end()
        self._done.set()
        for pid, (name, mb, cpu, system) in sorted(self.each.items()):
            if pid != os.getpid():  # the workers, as last sampled: a worker's last seconds may be missed
                print(f"  process {pid} {name:16s} cpu {cpu:8.1f} s  system {system:7.1f} s  peak {mb:7d} MB",
                      flush=True)
        time.sleep(0.2)  # the workers' server waits for the last of them
        cpu, system = cpu_of_all(os.getpid())
        print(f"{'CPU of all processes':40s} {cpu:8.1f} s  system {system:7.1f} s", flush=True)
        print(f"{'whole build':40s} {time.perf_counter() - self.started:8.1f} s"
              f"{'':15s}  peak {self.whole_peak:7d} MB  all {self.whole_all:7d} MB", flush=True)


def waits_told(background: type, waited: list) -> type:
    """``background`` (:class:`kg.parallel.Background`) whose :meth:`result` adds to
    ``waited`` how long it waited for its worker, with the name of the worker's task and
    this process's resident memory as it began to wait (what it holds meanwhile, beside
    the worker: a stage's peak may come after the wait).

    >>> from kg.parallel import Background
    >>> waited = []
    >>> waits_told(Background, waited)(sorted, "kg").result(), [(task, mb > 0) for task, _, mb in waited]
    (['g', 'k'], [('sorted', True)])
    """
    class Told(background):
        def __init__(self, task, item, **options):
            super().__init__(task, item, **options)
            self.task = getattr(task, "__name__", repr(task))

        def result(self):
            started, mb = time.perf_counter(), resident_mb()
            try:
                return super().result()
            finally:
                waited.append((self.task, time.perf_counter() - started, mb))

    return Told


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("out")
    parser.add_argument("--jobs", "-j", type=int, default=2)
    parser.add_argument("--validate", action="store_true", help="check the graph against the shapes too")
    parser.add_argument("--formats", default=None, metavar="LIST",
                        help="the graph files to write, as kg build --formats takes them (default: all four)")
    args = parser.parse_args(argv)
    checkout = str(Path(__file__).resolve().parents[1])
    sys.path.insert(0, checkout)  # this checkout's kg, not the installed one; and for the workers too, whose
    # server starts with this environment and would import the kg the working directory or the install gives
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, (checkout, os.environ.get("PYTHONPATH"))))
    import kg.build
    from kg.build import STAGES, build

    stages = Stages(STAGES)
    kg.build.Background = waits_told(kg.build.Background, stages.waited)
    formats = None if args.formats is None else {"formats": args.formats.split(",")}  # not passed at all by default:
    # a commit copied aside from before --formats is measured by this script all the same
    build([args.corpus], args.out, progress=stages, jobs=args.jobs, use_cache=False, check=args.validate,
          **(formats or {}))
    stages.close()


if __name__ == "__main__":  # worker processes start from a server that imports this module anew
    main()
