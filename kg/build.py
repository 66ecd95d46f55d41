"""``kg build``: articles in, graph files and views out.

Every output is first written into a staging folder next to the output folder and moved
into place only when all of them are complete, so a failed build leaves the previous
output as it was.
"""
from __future__ import annotations

import gc
import json
import os
import pickle
import shutil
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from . import __version__
from .cache import ExtractionCache
from .errors import InputError, OutputError
from .article_graphs import ArticleGraphFiles
from .formats import GRAPH_FILES, UNION_FILES, bind_generated_prefixes, merged, refuse_blank_nodes, write_graphs
from .ingest import MAX_SIZE, SUFFIXES, read_files
from .model import Extraction
from .quads import Quads
from .memory import available_mb, give_back_free_pages, give_back_large_blocks
from .mentions import TRIPLES_EACH, Mentions
from .merge import Pickled, reconcile_pickled
from .network import Draft, draft
from .parallel import Background, extract_all
from .rdf import STORY, article_quads, pickled_story
from .staging import remove_abandoned
from .reference import write_reference
from .signals import held
from .validate import validate
from .views import write_views, write_views_of
from .views.figures import figure_triples, write_figures_of

STAGING = ".kg-build-"  # then the process number: the folder a build writes into first
FIGURE_TRIPLES = "figures.nt"  # in the staging folder: the figures' triples until they are loaded
PROJECTION = "projection.pickle"  # in the staging folder: the projection until a worker draws it
CACHE = ".cache"    # inside the output folder: kept extractions (kg.cache)
OUTPUTS = ("graph.trig", "graph.ttl", "graph.nq", "graph.jsonld", "graph.graphml", "graph.gexf",
           "timeline.svg", "timelinejs.json", "figures.html",
           "timeline.html", "network.html", "ontology.html", "build.json")
FORMATS = {name.partition(".")[2]: name for name in GRAPH_FILES}  # what --formats names: trig, nq, ttl, jsonld


def graph_files(formats: Iterable[str] | None) -> tuple[str, ...]:
    """The graph files of ``formats`` (``trig``, ``nq``, ``ttl``, ``jsonld``; None: all of
    them), in the order they are written; an :class:`InputError` names one that is none of
    those, and an empty choice.

    >>> graph_files(["nq", "trig"]), graph_files(None) == GRAPH_FILES
    (('graph.trig', 'graph.nq'), True)
    >>> graph_files(["n3"])
    Traceback (most recent call last):
    ...
    kg.errors.InputError: unknown graph format 'n3': choose among trig, nq, ttl, jsonld
    """
    if formats is None:
        return GRAPH_FILES
    formats = list(formats)
    for name in formats:
        if name not in FORMATS:
            raise InputError(f"unknown graph format {name!r}: choose among {', '.join(FORMATS)}")
    if not formats:
        raise InputError(f"no graph format chosen: choose among {', '.join(FORMATS)}")
    return tuple(file for name, file in FORMATS.items() if name in formats)  # in GRAPH_FILES's order


def outputs(names: tuple[str, ...] = GRAPH_FILES) -> tuple[str, ...]:
    """The files a build writes when it writes the graph files ``names``.

    >>> outputs(("graph.nq",))[:3]
    ('graph.nq', 'graph.graphml', 'graph.gexf')
    """
    return tuple(name for name in OUTPUTS if name not in GRAPH_FILES or name in names)


# A build's height, all its processes together, grows by about this much an article, from
# this base: 670, 1,366, 3,644 and 6,835 MB at 1,000, 3,000, 10,000 and 20,000 generated
# articles of 300 to 800 words (scripts/build-stages.py --jobs 2 at 618fba4: docs/performance.md).
MB_AN_ARTICLE, MB_BASE = 0.32, 450


def memory_warning(articles: int, available: int | None) -> str | None:
    """A warning when a build of ``articles`` would need more memory at its height than the
    ``available`` MB (:func:`kg.memory.available_mb`; None: not known, no warning): told
    before the articles are extracted, rather than the system stopping the build an hour later.

    >>> print(memory_warning(20_000, 6_000))
    a build of 20,000 articles needs about 6.7 GB of memory at its height (0.32 MB an article), and 5.9 GB is available: the system may stop it before it ends
    >>> memory_warning(1_000, 6_000), memory_warning(20_000, None)
    (None, None)
    """
    needed = MB_BASE + MB_AN_ARTICLE * articles
    if available is None or needed <= available:
        return None
    return (f"a build of {articles:,} article{'s' * (articles != 1)} needs about {needed / 1024:.1f} GB "
            f"of memory at its height ({MB_AN_ARTICLE} MB an article), and {available / 1024:.1f} GB "
            "is available: the system may stop it before it ends")


@dataclass
class BuildReport:
    """What a build read, skipped and wrote."""

    out_dir: Path
    inputs: list[str] = field(default_factory=list)     # the files and folders asked for
    read: list[str] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    written: list[Path] = field(default_factory=list)
    outputs: tuple[str, ...] = OUTPUTS   # the files the build writes
    extracted: int = 0      # articles extracted in this build
    cached: int = 0         # articles whose extraction came from the cache


def collect(paths: list[str | Path], unreadable: list[dict] | None = None) -> list[Path]:
    """Article files named by ``paths`` (files, or folders read recursively), sorted.

    Symbolic links are followed, each folder is entered once (a link to a parent folder ends
    the walk there) and each file is listed once, under its first name in sorted order. A
    folder that cannot be listed is added to ``unreadable`` as ``{"file", "reason"}``, as a
    skipped article is; without that list it is an :class:`InputError`.
    """
    def cannot_list(err: OSError) -> None:
        problem = {"file": str(err.filename), "reason": f"{err.filename}: cannot list the folder: {err.strerror}"}
        if unreadable is None:
            raise InputError(problem["reason"])
        unreadable.append(problem)

    files = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(_walk(path, cannot_list))
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    unique = {}
    for file in sorted(files):
        unique.setdefault(file.resolve(), file)
    return sorted(unique.values())


def _walk(folder: Path, onerror: Callable[[OSError], None]) -> list[Path]:
    """The article files under ``folder``, every real folder visited once."""
    found, seen = [], set()
    for root, dirs, names in os.walk(folder, followlinks=True, onerror=onerror):
        stat = os.stat(root)
        if (stat.st_dev, stat.st_ino) in seen:
            dirs.clear()
            continue
        seen.add((stat.st_dev, stat.st_ino))
        for name in names:
            path = Path(root, name)
            if path.suffix.lower() in SUFFIXES and name != "README.md" and path.is_file():
                found.append(path)
    return found


def build(paths: list[str | Path], out_dir: str | Path,
          progress: Callable[[int, int, str], None] | None = None, check: bool = True,
          strict: bool = False, max_size: int = MAX_SIZE, use_cache: bool = True,
          jobs: int = 1, tell: Callable[[str], None] | None = None,
          formats: Iterable[str] | None = None) -> BuildReport:
    """Read, extract, and write every output into ``out_dir``.

    An article that cannot be read is skipped and reported (``strict=True`` makes that an
    :class:`InputError` before anything is written); ``max_size`` is the most text an article
    may have, in bytes. The graph is validated against ``ontology/shapes.ttl`` before anything
    is written (``check=False`` skips that); a graph that breaks a shape is an
    :class:`OutputError` and the previous output stays as it was. Extractions are kept in
    ``out_dir/.cache`` (:mod:`kg.cache`): an article whose text, metadata and extractor are
    unchanged is not extracted again (``use_cache=False`` extracts everything). ``jobs``
    worker processes extract the others (:mod:`kg.parallel`), in order; then ``jobs`` write
    the article graphs out while this process writes the rest (:mod:`kg.article_graphs`).
    ``tell`` is told, once the articles are read and before they are extracted, when the
    system has less memory available than the build will need (:func:`memory_warning`).
    ``formats`` are the graph files written (:func:`graph_files`: all four by default);
    those of another format a previous build left in ``out_dir`` are removed with the
    others replaced, so the folder never holds graph files of two builds.
    """
    names = graph_files(formats)  # a bad choice told before any work
    give_back_large_blocks()  # this process's memory, for good: see kg.memory
    out_dir = Path(out_dir)
    report = BuildReport(out_dir, inputs=[str(p) for p in paths], outputs=outputs(names))
    unreadable: list[dict] = []
    reading = read_files(collect(paths, unreadable), max_size)
    report.skipped, report.warnings = unreadable + reading.skipped, reading.warnings
    too_large = memory_warning(len(reading.articles), available_mb())
    if too_large and tell:
        tell(too_large)
    cache = ExtractionCache(out_dir / CACHE)
    extractions: list[Pickled] = []  # kept pickled: the objects of thousands would fill memory
    new: list[Pickled] = []  # kept in the cache once the build is sure to go on
    with _kept_out_of_collections() as keep:
        kept = {}  # the extractions found in the cache, by their article's id()
        for a in reading.articles if use_cache else ():
            x = cache.get(a)
            kept[id(a)] = None if x is None else Pickled(x)
            keep()
        fresh = extract_all([a for a in reading.articles if kept.get(id(a)) is None], jobs, then=Pickled)
        for n, article in enumerate(reading.articles, 1):
            if progress:
                progress(n, len(reading.articles), article.path)
            p = kept.pop(id(article), None)
            if p is None:
                _, p = next(fresh)
                if isinstance(p, str):
                    report.skipped.append({"file": article.path, "reason": p})
                    continue
                new.append(p)
            report.read.append(article.path)
            report.warnings.extend(p.warnings)
            extractions.append(p)
            keep()
    if strict and report.skipped:
        raise _skipped_error(f"--strict: {len(report.skipped)} input(s) skipped, nothing written",
                             report.skipped)
    if not extractions:
        raise _skipped_error(f"no article could be read from {', '.join(map(str, paths))}", report.skipped)
    fresh.close()  # ends the worker pool before the writing starts
    for p in new if use_cache else ():
        cache.put(p.load())
    del new, kept, reading  # the articles' text is in the extractions
    report.extracted, report.cached = len(extractions) - cache.hits, cache.hits
    with _cycles_left_alone():
        _write_all(extractions, report, check, _Stages(progress, skip=() if check else (CHECKING,)), jobs)
    if use_cache:
        cache.prune()
    return report


def _skipped_error(problem: str, skipped: list[dict]) -> InputError:
    """``problem``, then the first ten reasons for skipping."""
    reasons = [s["reason"] for s in skipped]
    more = [f"… and {len(reasons) - 10} more"] if len(reasons) > 10 else []
    return InputError("\n".join([problem + (":" if reasons else ""), *reasons[:10], *more]))


@contextmanager
def _kept_out_of_collections():
    """A function that takes every object made so far out of the cycle collector's passes
    (:func:`gc.freeze`), put back at the end: what is kept until the graph is made. Each
    full pass walked all of it again while more came in: when the build kept the
    extractions as objects, unpickling 1,000 of them took 2.0 s instead of 0.36 s (0.32 s
    with the collector paused). They now come pickled (:class:`kg.merge.Pickled`: a few
    small objects each), and the cache's entries are read into objects first. Garbage
    cycles made meanwhile are still collected."""
    try:
        yield gc.freeze
    finally:
        gc.unfreeze()


@contextmanager
def _cycles_left_alone():
    """Python's cycle collector paused: the graph is millions of small tuples and dicts,
    each full collection walks them all, and the build makes no cycles worth collecting
    meanwhile (a fifth of the time of a 1,000-article build)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _let_go() -> None:
    """Free what the build has just dropped. rdflib's graphs refer to their namespace manager
    and back, and the extractions have cycles of their own, so only the cycle collector frees
    them, and it is paused during the build: at 1,000 articles the union alone is 6 million
    objects, kept until the end without this, and the extractions hold 0.25 MB per article.
    The pages left free in the heap go back to the system (:mod:`kg.memory`)."""
    gc.collect()
    give_back_free_pages()


def _let_go_of_young() -> None:
    """Free the cycles made since the last :func:`_let_go`, which only the cycle collector
    frees: a JSON-LD compactor's caches hold its own methods, so the writers' caches of
    hundreds of thousands of names stayed until the next full collection. Only the objects
    made since then are looked at: 231,000 of them freed in 0.19 s at 1,000 articles (the
    build's peak 630 → 536 MB with the Turtle namer's own cycle gone too), 291,000 in 1.2 s
    at 10,000. The pages left free in the heap go back to the system (:mod:`kg.memory`)."""
    gc.collect(0)
    give_back_free_pages()


CHECKING = "checking the graph against the shapes"
STAGES = ("making the graph", CHECKING, "writing the graph files", "writing ontology.html",
          "writing figures.html", "writing the views")


class _Stages:
    """Each stage of the writing told to a ``progress`` callback as ``(k, N, name)``, as the
    articles are while they are read: on a terminal, minutes of writing are not silent.

    >>> _Stages(lambda *a: print(a), skip=(CHECKING,))("writing figures.html")
    (4, 5, 'writing figures.html')
    """

    def __init__(self, progress: Callable[[int, int, str], None] | None, skip: tuple[str, ...] = ()):
        self.progress, self.names = progress, [name for name in STAGES if name not in skip]

    def __call__(self, name: str) -> None:
        if self.progress:
            self.progress(self.names.index(name) + 1, len(self.names), name)


def _write_all(extractions: list[Pickled], report: BuildReport, check: bool = True,
               stage: Callable[[str], None] = lambda name: None, jobs: int = 1) -> None:
    """Write every output into a staging folder, then move them into place.

    Memory is let go as soon as a stage is done with it: ``extractions``, kept pickled and
    loaded one at a time to make their article graphs, once the graph is made; the named
    graphs once written, the union once projected, and the projection once drawn. At 1,000 articles that keeps the peak near what the largest stage
    needs instead of the sum of all of them. The figures page is answered by Oxigraph from
    the union's triples its query can reach (:func:`kg.views.figures.figure_triples`),
    written out as N-Triples and loaded once the union is let go
    (:func:`kg.views.figures.write_figures_of`). With ``jobs`` above one, a
    worker process merges the story's events and statements and makes the story graph
    while this one makes the article graphs (:func:`kg.rdf.pickled_story`), then
    ``jobs`` worker processes write the article graphs of ``graph.trig`` and ``graph.nq``, and the union's subjects that
    belong to one article graph in ``graph.ttl`` and ``graph.jsonld``, meanwhile
    (:mod:`kg.article_graphs`): as many as there are cores, because this process waits for
    them at the end (with ``jobs - 1``, 17 s of 55 at 1,000 articles); one more writes the
    story's text from the story's worker's pickle, and the views are drawn by another while
    this process writes its part of the union. The build lets its article graphs go once
    the union is made, and a worker answers the figures page while it writes the rest (the
    store in that process, not beside the union in this one). Since the workers write every
    mention from its record, this process keeps the records alone, not the mentions'
    triples (:mod:`kg.mentions`: half the triples), and the check, the projection and
    ``ontology.html`` read them there; unless the workers give up, when they are put back. The large workers each end
    once their work is done: the story's text first, then the views and the figures page
    side by side (:class:`kg.parallel.Background`).
    """
    out_dir = report.out_dir
    graphs = tuple(name for name in report.outputs if name in GRAPH_FILES)  # the graph files asked for
    # Named before it is made, so a signal arriving while it is made still finds it to remove.
    staging = out_dir / f"{STAGING}{os.getpid()}"
    articles = None  # the article graphs written out by workers, when there are any
    merging = None   # the story merged by a worker, when there are workers
    views = None     # the views drawn by a worker, when there are workers
    figures = None   # the figures page answered by a worker, when there are workers
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        remove_abandoned(out_dir, STAGING)
        staging.mkdir()
        stage("making the graph")
        reconcile_pickled(extractions)
        counts = _Counts()
        parallel = jobs > 1 and len(extractions) > 1
        # When workers write the graph files, the mentions are kept apart from the graph (kg.mentions).
        mentions = Mentions() if parallel else None
        if parallel:  # the workers start before the story is made
            merging = Background(pickled_story, [p.blob for p in extractions])  # the story made meanwhile
        quads = article_quads(counts.of(p.load() for p in sorted(extractions, key=lambda p: p.id)), mentions)
        if parallel:
            articles = ArticleGraphFiles(quads, {p.id: p.blob for p in extractions}, staging, jobs, later=(STORY,),
                                         names=graphs, mentions=mentions)
            extractions.clear()
            story_blob = merging.result()  # also given as it is to the worker that writes its text
            merging = None
        else:
            story_blob = pickled_story([p.blob for p in extractions])
            extractions.clear()
        quads.graph(STORY).update_from(pickle.loads(story_blob))
        if articles:
            refuse_blank_nodes(quads)
            bind_generated_prefixes(quads)  # the prefixes the workers' TriG is written with
            if not articles.add_later(quads, {STORY: story_blob}):
                articles = None
        del story_blob
        if mentions is not None and (articles is None or not articles.writes_union):
            mentions.put_back(quads)  # this process writes files with them: they are triples again
            mentions = None
        report.counts = counts.as_dict(len(quads) + (TRIPLES_EACH * len(mentions) if mentions else 0))
        quads.freeze()  # nothing added from now on: the terms' numbers let go of before the union is made
        _let_go()
        # The union in a fixed order: the same labels picked every run. When workers write
        # every graph's text, from here on the union and the prefixes do: the graphs are let
        # go of while it is made, each column of theirs once read (no cycles: freed then).
        whole = merged(quads, release=articles is not None, apart=mentions)
        if articles:
            give_back_free_pages()  # the graphs' arrays, and the pickled extractions before them
        if check:
            stage(CHECKING)
            _check(whole, mentions)
            _let_go_of_young()  # what it made, before the projection: 3,944 -> 3,875 MB at 10,000 articles
        stage("writing the graph files")
        if articles:  # a worker draws the views meanwhile, from the projection (small next to the union)
            projection = staging / PROJECTION
            with projection.open("wb") as file:  # written as it is pickled, never whole in memory
                pickle.dump(_projected(whole, report, mentions), file, protocol=pickle.HIGHEST_PROTOCOL)
            _let_go_of_young()  # whatever projecting left in cycles (its draft, plain dicts and tuples, holds none)
            # The story's text while the graph is checked, then the views and the figures
            # page side by side while this process writes its part of the union (the
            # figures' store holds only what its query can reach: 0.6 GB at 10,000 articles).
            views = Background(write_views_of, (projection, staging), after=articles.text_worker)
        # The figures page is answered by Oxigraph from the union's triples its query can
        # reach, written out as N-Triples now, past the check's and the projection's heights:
        # by a worker once the story's text is written when there are workers, else once the
        # union is let go (the union and the store made the build's peak together).
        figure_files = (staging / FIGURE_TRIPLES, staging / "figures.html")
        with figure_files[0].open("w", encoding="utf-8") as text:
            text.writelines(figure_triples(whole).ntriples())
        give_back_free_pages()  # what naming them left free in the heap: 3,310 -> 3,237 MB at 10,000 articles
        if articles:
            figures = Background(write_figures_of, figure_files, after=articles.text_worker)
        if not articles:
            write_graphs(quads, staging, whole, release=True, names=graphs)
        elif not articles.write_union(whole):  # the workers write most of it
            write_graphs(quads, staging, whole if mentions is None else _with_mentions(whole, mentions),
                         release=True, names=tuple(n for n in graphs if n in UNION_FILES))
        del quads
        _let_go_of_young()
        stage("writing ontology.html")
        write_reference(staging / "ontology.html", whole, mentions)
        stage("writing figures.html")
        G = _projected(whole, report, mentions).to_networkx() if views is None else None
        mentions = None
        whole.close()  # its indexes freed now, by their counts of references
        del whole
        _let_go()
        if figures is None:
            write_figures_of(figure_files)
        else:
            figures.result()
            figures = None
        stage("writing the views")
        if views is None:
            write_views((G, staging))
        else:
            views.result()
        del G
        _let_go()
        if articles:
            articles.finish()
        summary = _portable(_summary(report), Path.cwd())
        (staging / "build.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n",
                                            encoding="utf-8")
        _move_into_place(staging, out_dir, report.outputs, gone=tuple(n for n in GRAPH_FILES if n not in graphs))
        report.written += [out_dir / name for name in report.outputs]
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot write: {exc.strerror or exc}") from exc
    finally:
        if merging:
            merging.stop()
        if articles:
            articles.stop()
        if views:
            views.stop()
        if figures:
            figures.stop()
        shutil.rmtree(staging, ignore_errors=True)


def _with_mentions(whole, mentions: Mentions):
    """The union ``whole`` with the triples of the ``mentions`` kept apart from it, for a
    build whose workers gave up writing the union's files (:meth:`ArticleGraphFiles.write_union`),
    which this process then writes whole."""
    quads = Quads()
    for prefix, namespace in whole.namespaces():
        quads.bind(prefix, namespace)
    graph = quads.graph(DATASET_DEFAULT_GRAPH_ID)
    graph.update(whole)
    graph.update(mentions.triples())
    return merged(quads)


def _projected(whole, report: BuildReport, mentions: Mentions | None = None) -> Draft:
    """The projection of the union ``whole`` and the ``mentions`` kept apart from it, before
    it is a networkx graph (:class:`kg.network.Draft`), its size noted in ``report``."""
    G = draft(whole, mentions=mentions)
    report.counts.update(network_nodes=G.number_of_nodes(), network_edges=G.number_of_edges())
    return G


def _move_into_place(staging: Path, out_dir: Path, names: tuple[str, ...], gone: tuple[str, ...] = ()) -> None:
    """Replace the files ``names`` in ``out_dir`` by those in ``staging``, and remove the
    files ``gone`` from it: all of them or none.

    SIGINT and SIGTERM are held back until the switch is over (a few renames,
    kg.signals.held), and a rename that fails puts back the files already replaced,
    kept in ``staging/.previous`` meanwhile.
    """
    previous = staging / ".previous"
    previous.mkdir()
    moved = []
    with held():
        try:
            for name in gone:  # kept in .previous too, so that a failure puts them back
                if (out_dir / name).exists():
                    (out_dir / name).replace(previous / name)
                    moved.append(name)
            for name in names:
                if (out_dir / name).exists():
                    (out_dir / name).replace(previous / name)
                moved.append(name)
                (staging / name).replace(out_dir / name)
        except OSError:
            for name in reversed(moved):
                if (previous / name).exists():
                    (previous / name).replace(out_dir / name)
                else:
                    (out_dir / name).unlink(missing_ok=True)
            raise


def _check(ds, mentions: Mentions | None = None) -> None:
    """Fail, naming the first violations, when the graph (and the ``mentions`` kept apart
    from it) breaks a shape."""
    result = validate(ds, mentions)
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
    out = {**summary, "read": [rel(name) for name in summary["read"]], "skipped": skipped}
    if "inputs" in summary:
        out["inputs"] = [rel(str(Path(name).resolve())) for name in summary["inputs"]]
    return out


class _Counts:
    """What the build's summary counts, added up as each extraction goes by (:meth:`of`).

    >>> from kg.model import Article, Extraction
    >>> counts = _Counts(); _ = list(counts.of([Extraction(Article("a", "a.txt", "", "en"))]))
    >>> counts.as_dict(0)["articles"]
    1
    """

    def __init__(self) -> None:
        self.articles = self.statements = self.events = self.times = self.quantities = 0
        self.actors: set[str] = set()
        self.places: set[str] = set()

    def of(self, extractions: Iterable[Extraction]) -> Iterator[Extraction]:
        """``extractions`` as they are, each counted as it goes by."""
        for x in extractions:
            self.articles += 1
            self.actors.update(x.actors)
            self.places.update(x.places)
            self.statements += len(x.statements)
            self.events += len(x.events)
            self.times += len(x.times)
            self.quantities += len(x.quantities)
            yield x

    def as_dict(self, quads: int) -> dict[str, int]:
        return {"articles": self.articles, "actors": len(self.actors), "places": len(self.places),
                "statements": self.statements, "events": self.events, "times": self.times,
                "quantities": self.quantities, "quads": quads}


def _summary(report: BuildReport) -> dict:
    return {
        "tool": "kg",
        "version": __version__,
        "inputs": report.inputs,
        "read": report.read,
        "skipped": report.skipped,
        "counts": report.counts,
        "warnings": report.warnings,
        "outputs": list(report.outputs),
    }


def terminal_progress(n: int, total: int, name: str) -> None:
    """Progress on a terminal: one line, rewritten."""
    if sys.stderr.isatty():
        end = "\n" if n == total else ""
        print(f"\r[{n}/{total}] {name[-60:]:<60}", end=end, file=sys.stderr, flush=True)
