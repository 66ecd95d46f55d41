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
from .ingest import read_article
from .model import Extraction
from .network import project, union
from .rdf import to_dataset
from .views.network import write_network
from .views.timeline import write_timeline

SUFFIXES = (".txt", ".md")
OUTPUTS = ("graph.trig", "graph.ttl", "graph.jsonld", "graph.graphml",
           "timeline.html", "network.html", "build.json")


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
          progress: Callable[[int, int, str], None] | None = None) -> BuildReport:
    """Read, extract, and write every output into ``out_dir``."""
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
    _write_all(extractions, report)
    return report


def _write_all(extractions: list[Extraction], report: BuildReport) -> None:
    out_dir = report.out_dir
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".kg-build-", dir=out_dir))
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot write: {exc.strerror or exc}") from exc
    try:
        ds = to_dataset(extractions)
        ds.serialize(staging / "graph.trig", format="trig")
        merged = union(ds)
        for prefix, ns in ds.namespaces():
            merged.bind(prefix, ns)
        merged.serialize(staging / "graph.ttl", format="turtle")
        merged.serialize(staging / "graph.jsonld", format="json-ld", indent=1)
        G = project(ds)
        nx.write_graphml(G, staging / "graph.graphml")
        write_timeline(G, staging / "timeline.html")
        write_network(G, staging / "network.html")
        report.counts = _counts(extractions, G, len(ds))
        (staging / "build.json").write_text(json.dumps(_summary(report), indent=2, ensure_ascii=False) + "\n",
                                            encoding="utf-8")
        for name in OUTPUTS:
            (staging / name).replace(out_dir / name)
            report.written.append(out_dir / name)
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot write: {exc.strerror or exc}") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)


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
