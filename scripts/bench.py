#!/usr/bin/env python3
"""Measure kg's speed and memory, each figure beside its baseline.

    .venv/bin/python scripts/bench.py [--sizes 100,1000] [--jobs N] [--json output/bench.json]
                                      [--items 100,500,2000] [--repeat 5] [--no-browser]
                                      [--rdflib-budget SECONDS] [--baseline-limit SECONDS]
                                      [--query-limit SECONDS]

For each size N, a corpus of N articles is generated (scripts/gen-corpus.py, seed 1) and
measured:

- floor: read, decode and split into sentences and words (scripts/profile-extract.py);
- extraction alone, in this process (ms/article, and its ratio to the floor);
- the whole build (``kg build --no-validate --no-cache``) with ``--jobs 1`` and with
  ``--jobs N``, in a child process: wall time and peak memory (its ru_maxrss), and the
  output sizes; beside it the rdflib-only path (:func:`rdflib_path`: the same extraction,
  every quad added to an rdflib Dataset, TriG and N-Quads written by rdflib), and the ratio
  of the two;
- every named query on the largest graph, and the first page of each listing kept in pages
  (``timeline --page 1``): median latency on an Oxigraph store on disk (as
  ``kg build --store`` makes it) and on rdflib's engine, and their ratio; each engine in a
  child process, a query stopped after ``--query-limit`` seconds (reported as "over");
- ``timeline.html`` with 100, 500 and 2,000 items (a made-up projection): the time from
  opening the file to its first complete drawing in headless Chromium.

Prints a table and writes the figures as JSON. Times are wall clock on this machine; run it
when nothing else is running.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KG = Path(sys.executable).with_name("kg")
# Parameters for the queries that need one, and a week for between: values the generated
# corpus contains.
PARAMS = {"said-by": {"actor": "Russia"}, "events-at": {"place": "Russia"},
          "reported-by": {"type": "deployment"}, "between": {"from": "2024-11-04", "to": "2024-11-10"}}


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name.replace("-", "_"), ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def generate(n: int, folder: Path) -> list[Path]:
    gen = _script("gen-corpus")
    gen.main([str(n), str(folder), "--seed", "1"])
    return sorted(folder.glob("*.txt"))


def extraction_ms(paths: list[Path]) -> float:
    from kg.extract.document import extract
    from kg.ingest import read_article

    articles = [read_article(p) for p in paths]
    started = time.perf_counter()
    for article in articles:
        extract(article)
    return (time.perf_counter() - started) * 1000 / len(paths)


def build(corpus: Path, out: Path, jobs: int) -> dict:
    """One build in a child process: wall seconds, peak memory (MB), output sizes (MB)."""
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    child = subprocess.Popen([str(KG), "build", str(corpus), "-o", str(out), "--no-validate",
                              "--no-cache", "--jobs", str(jobs)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"kg build failed: {child.stderr.read().decode()[-2000:]}")
    sizes = {p.name: round(p.stat().st_size / 1e6, 2) for p in sorted(out.iterdir()) if p.is_file()}
    # ru_maxrss is the largest child; the workers of --jobs are children of the build
    return {"seconds": round(seconds, 2), "peak_mb": round(usage.ru_maxrss / 1024, 1), "sizes_mb": sizes}


def rdflib_path(corpus: Path, out: Path) -> None:
    """The obvious way, in this process: extract every article, add each quad to an rdflib
    Dataset, and write TriG and N-Quads with rdflib's own writers (no views, no other
    formats: less work than a build does)."""
    from kg.build import collect
    from kg.extract.document import extract
    from kg.ingest import MAX_SIZE, read_files
    from kg.rdf import to_dataset

    extractions = [extract(a) for a in read_files(collect([corpus]), MAX_SIZE).articles]
    ds = to_dataset(extractions)  # every quad added to the Dataset's Memory store
    out.mkdir(parents=True, exist_ok=True)
    ds.serialize(out / "graph.trig", format="trig")
    ds.serialize(out / "graph.nq", format="nquads")


def baseline(corpus: Path, out: Path, limit: float) -> dict:
    """:func:`rdflib_path` in a child process: wall seconds and peak memory (MB). A run still
    going after ``limit`` seconds is stopped: its seconds are then a lower bound (``"over"``)."""
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, __file__, "--rdflib-path", str(corpus), str(out)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while (time.perf_counter() - started) < limit:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            if status != 0:
                raise SystemExit("the rdflib path failed")
            return {"seconds": round(time.perf_counter() - started, 2), "over": False,
                    "peak_mb": round(usage.ru_maxrss / 1024, 1)}
        time.sleep(0.5)
    child.kill()
    _, _, usage = os.wait4(child.pid, 0)
    return {"seconds": round(limit, 2), "over": True, "peak_mb": round(usage.ru_maxrss / 1024, 1)}


def queries(nquads: Path, repeat: int, limit: float, rdflib_budget: float) -> dict:
    """Every named query's median latency (ms) on an Oxigraph store on disk (loaded from
    ``nquads`` as ``kg build --store`` loads it) and on rdflib's engine (the file read into
    memory), and their ratio. Each engine runs in a child process: a query still going after
    ``limit`` seconds is stopped and reported as ``"over"`` (an rdflib query cannot be
    interrupted in-process), and rdflib gets no more queries once it has spent
    ``rdflib_budget`` seconds, its load included (its figures are then None)."""
    from kg.query import named_queries
    from kg.store import build_oxigraph

    names = sorted(named_queries())
    names += [f"{name}{PAGE}1" for name in names if named_queries()[name].pages]  # kg query NAME --page 1
    started = time.perf_counter()
    store = nquads.parent / "bench-store"
    build_oxigraph(store, nquads, union=nquads.with_name("graph.ttl"))
    loads = {"oxigraph_load_s": round(time.perf_counter() - started, 2)}
    ox, ox_load = engine_times("oxigraph", store, names, repeat, limit)
    rd, rd_load = engine_times("rdflib", nquads, names, repeat, limit, budget=rdflib_budget)
    loads["rdflib_load_s"] = rd_load
    out = {"_load": loads}
    for name in names:
        o, r = ox.get(name), rd.get(name)
        ratio = round(r / max(o, 0.1), 1) if isinstance(o, float) and isinstance(r, float) else None
        out[name] = {"oxigraph": o, "rdflib": r, "ratio": ratio}
    return out


def engine_times(engine: str, source: Path, names: list[str], repeat: int, limit: float,
                 budget: float = float("inf")) -> tuple[dict, float | str | None]:
    """``{query: median ms or "over"}`` for ``names`` on one engine, and its load time (s, or
    "over" when the load alone outlasted ``budget`` or ``limit``). A child process
    (:func:`run_queries`) loads ``source`` and answers the queries in turn, one JSON line
    each; when one outlasts ``limit`` the child is killed and a new one takes the rest."""
    times: dict = {}
    load: float | str | None = None
    started = time.perf_counter()
    left = list(names)
    while left and time.perf_counter() - started < budget:
        errors = tempfile.TemporaryFile()
        child = subprocess.Popen([sys.executable, __file__, "--run-queries", engine, str(source), str(repeat), *left],
                                 stdout=subprocess.PIPE, stderr=errors, text=True)
        loading = True
        while left:
            wait = budget - (time.perf_counter() - started)
            wait = max(wait if loading else min(limit, wait), 0)
            ready, _, _ = select.select([child.stdout], [], [], None if wait == float("inf") else wait)
            line = child.stdout.readline() if ready else ""
            if ready and not line and child.wait() != 0:
                errors.seek(0)
                raise SystemExit(f"{engine} failed on {left[0]}: {errors.read().decode()[-2000:]}")
            if not line:  # still at it: the load or the query under way is "over"
                child.kill()
                child.wait()
                if loading:
                    return times, "over"
                times[left.pop(0)] = "over"
                break
            answer = json.loads(line)
            if loading:
                load, loading = answer["load_s"], False
            else:
                times[left.pop(0)] = answer["ms"]
        else:
            child.wait()
    return times, load


def run_queries(engine: str, source: str, repeat: int, names: list[str]) -> None:
    """The child of :func:`engine_times`: load ``source``, then each query's median ms, as
    JSON lines on stdout."""
    from kg.query import load_query, run_page
    from kg.store import OxigraphStore, RdflibStore

    started = time.perf_counter()
    store = OxigraphStore(source) if engine == "oxigraph" else RdflibStore(source)
    print(json.dumps({"load_s": round(time.perf_counter() - started, 2)}), flush=True)
    for name in names:
        name, _, page = name.partition(PAGE)
        query, params = load_query(name), PARAMS.get(name, {})
        if page:
            def answer(): return run_page(store, query, int(page), params)
        else:
            def answer(): return store.run(query, params)
        print(json.dumps({"ms": _median_ms(answer, repeat, slow=5.0)}), flush=True)


#: A page of a listing, as a name: "timeline --page 1".
PAGE = " --page "


def _median_ms(go, repeat: int, slow: float = float("inf")) -> float:
    laps = []
    for _ in range(repeat):
        started = time.perf_counter()
        go()
        laps.append(time.perf_counter() - started)
        if laps[-1] > slow:
            break
    return round(statistics.median(laps) * 1000, 1)


def first_render(sizes: list[int]) -> dict:
    from playwright.sync_api import sync_playwright

    from kg.views.sample import sample_projection
    from kg.views.timeline import write_timeline

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    out = {}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        for n in sizes:
            path = write_timeline(sample_projection(n), Path(tmp) / f"t{n}.html")
            page = browser.new_page(viewport={"width": 1400, "height": 850})
            started = time.perf_counter()
            page.goto(path.as_uri())
            page.wait_for_selector("body[data-ready='1']", state="attached", timeout=120_000)
            out[n] = round(time.perf_counter() - started, 2)
            page.close()
        browser.close()
    return out


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--rdflib-path"]:  # the child of baseline()
        rdflib_path(Path(argv[1]), Path(argv[2]))
        return 0
    if argv[:1] == ["--run-queries"]:  # a child of engine_times()
        run_queries(argv[1], argv[2], int(argv[3]), argv[4:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000", help="corpus sizes (default 100,1000)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="workers for the parallel build")
    parser.add_argument("--items", default="100,500,2000", help="timeline sizes for the browser")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query (median)")
    parser.add_argument("--json", default=str(ROOT / "output" / "bench.json"), help="where to write the figures")
    parser.add_argument("--no-browser", action="store_true", help="skip the browser timings")
    parser.add_argument("--baseline-limit", type=float, default=1800.0,
                        help="seconds after which the rdflib path is stopped (default 1800)")
    parser.add_argument("--rdflib-budget", type=float, default=900.0,
                        help="seconds rdflib's engine may spend on the queries, its load included (default 900)")
    parser.add_argument("--query-limit", type=float, default=300.0,
                        help="seconds after which one query is stopped and reported as over (default 300)")
    args = parser.parse_args(argv)
    floor = _script("profile-extract").floor
    report = {"machine": {"cores": os.cpu_count(), "python": sys.version.split()[0]}, "sizes": {}}
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        largest = None
        for n in (int(s) for s in args.sizes.split(",")):
            corpus = Path(tmp) / f"corpus-{n}"
            paths = generate(n, corpus)
            row = {"floor_ms": round(floor(paths), 2), "extract_ms": round(extraction_ms(paths), 1)}
            row["extract_vs_floor"] = round(row["extract_ms"] / max(row["floor_ms"], 1e-3), 1)
            row["build_1_job"] = build(corpus, Path(tmp) / f"out-{n}-1", 1)
            row["build_n_jobs"] = build(corpus, Path(tmp) / f"out-{n}-{args.jobs}", args.jobs)
            row["jobs"] = args.jobs
            row["rdflib_path"] = baseline(corpus, Path(tmp) / f"rdflib-{n}", args.baseline_limit)
            row["build_vs_rdflib_path"] = round(row["rdflib_path"]["seconds"] / row["build_n_jobs"]["seconds"], 1)
            over = row["rdflib_path"]["over"]
            report["sizes"][n] = row
            largest = Path(tmp) / f"out-{n}-{args.jobs}"
            print(f"{n:>6} articles: floor {row['floor_ms']} ms, extraction {row['extract_ms']} ms/article "
                  f"({row['extract_vs_floor']}x the floor); build {row['build_1_job']['seconds']} s with 1 job, "
                  f"{row['build_n_jobs']['seconds']} s with {args.jobs} (peak {row['build_n_jobs']['peak_mb']} MB, "
                  f"graph.nq {row['build_n_jobs']['sizes_mb'].get('graph.nq')} MB); the rdflib path "
                  f"{'over ' if over else ''}{row['rdflib_path']['seconds']} s (peak {row['rdflib_path']['peak_mb']} MB): "
                  f"the build is {'over ' if over else ''}{row['build_vs_rdflib_path']}x faster", flush=True)
        report["queries"] = queries(largest / "graph.nq", args.repeat, args.query_limit, args.rdflib_budget)
        print(f"\nloading the graph: {report['queries']['_load']}")
        print(f"{'query':<20} {'rdflib ms':>10} {'oxigraph ms':>12} {'ratio':>7}")
        for name, t in report["queries"].items():
            if name != "_load":
                print(f"{name:<20} {t['rdflib'] or '-':>10} {t['oxigraph']:>12} {t['ratio'] or '-':>7}")
    if not args.no_browser:
        report["timeline_first_render_s"] = first_render([int(s) for s in args.items.split(",")])
        print("\ntimeline.html first render:",
              ", ".join(f"{n} items {s} s" for n, s in report["timeline_first_render_s"].items()))
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
