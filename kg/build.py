"""``kg build``: articles in, graph files and views out.

Every output is first written into a staging folder next to the output folder and moved
into place only when all of them are complete, so a failed build leaves the previous
output as it was.
"""
from __future__ import annotations

import json
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import networkx as nx

from . import __version__
from .errors import InputError, KgError, OutputError
from .extract.document import extract
from .formats import merged, write_graphs
from .ingest import read_article
from .model import Extraction
from .network import project
from .rdf import to_dataset
from .reference import write_reference
from .validate import validate
from .views.network import write_network
from .views.timeline import write_timeline

SUFFIXES = (".txt", ".md")
OUTPUTS = ("graph.trig", "graph.ttl", "graph.nq", "graph.jsonld", "graph.graphml",
           "timeline.html", "network.html", "ontology.html", "build.json")


@dataclass
class BuildReport:
    """What a build read, skipped and wrote."""

    out_dir: Path
    read: list[str] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    written: list[Path] = field(default_factory=list)


def collect(paths: list[str | Path]) -> list[Path]:
    """Article files named by ``paths`` (files, or folders read recursively), sorted."""
    files = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(p for p in path.rglob("*") if p.is_file() and p.suffix in SUFFIXES
                         and p.name != "README.md")
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return sorted(set(files))


def build(paths: list[str | Path], out_dir: str | Path,
          progress: Callable[[int, int, str], None] | None = None, check: bool = True) -> BuildReport:
    """Read, extract, and write every output into ``out_dir``.

    The graph is validated against ``ontology/shapes.ttl`` before anything is written
    (``check=False`` skips that); a graph that breaks a shape is an :class:`OutputError` and
    the previous output stays as it was.
    """
    out_dir = Path(out_dir)
    report = BuildReport(out_dir)
    files = collect(paths)
    extractions: list[Extraction] = []
    for n, path in enumerate(files, 1):
        if progress:
            progress(n, len(files), str(path))
        try:
            x = extract(read_article(path))
        except KgError as exc:
            report.skipped.append({"file": str(path), "reason": str(exc)})
            continue
        report.read.append(str(path))
        report.warnings.extend(x.warnings)
        extractions.append(x)
    if not extractions:
        raise InputError(f"no article could be read from {', '.join(map(str, paths))}"
                         + (f" ({len(report.skipped)} skipped)" if report.skipped else ""))
    ids = [x.article.id for x in extractions]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise InputError(f"two articles share the id {duplicates[0]!r} (file names must differ)")
    _write_all(extractions, report, check)
    return report


def _write_all(extractions: list[Extraction], report: BuildReport, check: bool = True) -> None:
    out_dir = report.out_dir
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".kg-build-", dir=out_dir))
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot write: {exc.strerror or exc}") from exc
    try:
        ds = to_dataset(extractions)
        whole = merged(ds)  # the union in a fixed order: the same labels picked every run
        if check:
            _check(whole)
        write_graphs(ds, staging, whole)
        write_reference(staging / "ontology.html", whole)
        G = project(whole)
        nx.write_graphml(G, staging / "graph.graphml")
        write_timeline(G, staging / "timeline.html")
        write_network(G, staging / "network.html")
        report.counts = _counts(extractions, G, sum(1 for _ in ds.quads((None, None, None, None))))
        summary = _portable(_summary(report), Path.cwd())
        (staging / "build.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n",
                                            encoding="utf-8")
        for name in OUTPUTS:
            (staging / name).replace(out_dir / name)
            report.written.append(out_dir / name)
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot write: {exc.strerror or exc}") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _check(ds) -> None:
    """Fail, naming the first violations, when the graph breaks a shape."""
    result = validate(ds)
    if not result.conforms:
        lines = result.text.splitlines()
        more = f"\n… and {len(lines) - 10} more" if len(lines) > 10 else ""
        raise OutputError(f"the graph does not conform to ontology/shapes.ttl ({result.summary}):\n"
                          + "\n".join(lines[:10]) + more)


def _portable(summary: dict, cwd: Path) -> dict:
    """``summary`` with the files read and skipped named relative to ``cwd`` when inside it.

    So a checkout built in another folder writes the same ``build.json``.

    >>> _portable({"read": ["/w/a/x.txt"], "skipped": [{"file": "/w/y.txt", "reason": "/w/y.txt: empty"}]},
    ...           Path("/w"))
    {'read': ['a/x.txt'], 'skipped': [{'file': 'y.txt', 'reason': 'y.txt: empty'}]}
    """
    def rel(name: str) -> str:
        path = Path(name)
        return path.relative_to(cwd).as_posix() if path.is_absolute() and path.is_relative_to(cwd) else name

    skipped = [{**s, "file": rel(s["file"]), "reason": s["reason"].replace(s["file"], rel(s["file"]))}
               for s in summary["skipped"]]
    return {**summary, "read": [rel(name) for name in summary["read"]], "skipped": skipped}


def _counts(extractions: list[Extraction], G: nx.MultiDiGraph, quads: int) -> dict[str, int]:
    return {
        "articles": len(extractions),
        "actors": len({k for x in extractions for k in x.actors}),
        "places": len({k for x in extractions for k in x.places}),
        "statements": sum(len(x.statements) for x in extractions),
        "events": sum(len(x.events) for x in extractions),
        "times": sum(len(x.times) for x in extractions),
        "quantities": sum(len(x.quantities) for x in extractions),
        "quads": quads,
        "network_nodes": G.number_of_nodes(),
        "network_edges": G.number_of_edges(),
    }


def _summary(report: BuildReport) -> dict:
    return {
        "tool": "kg",
        "version": __version__,
        "read": report.read,
        "skipped": report.skipped,
        "counts": report.counts,
        "warnings": report.warnings,
        "outputs": list(OUTPUTS),
    }


def terminal_progress(n: int, total: int, name: str) -> None:
    """Progress on a terminal: one line, rewritten."""
    if sys.stderr.isatty():
        end = "\n" if n == total else ""
        print(f"\r[{n}/{total}] {name[-60:]:<60}", end=end, file=sys.stderr, flush=True)
