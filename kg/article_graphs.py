"""The article graphs of ``graph.trig`` and ``graph.nq``, written by worker processes while
the build goes on with the union.

An article's named graph depends on its extraction alone, once the actor keys are
reconciled across articles, so a worker can make it again from the extraction and write
its TriG and N-Quads text. The build meanwhile writes ``graph.ttl``, ``graph.jsonld`` and
the views, one process on one core; at 1,000 articles the two files took a sixth of its
time. A thread of the build copies the workers' text into place in order, and writes the
build's other graphs (the story) at theirs, so the files are the same bytes as
:func:`kg.formats.write_graphs` writes.

>>> import tempfile
>>> from kg.ingest import parse_article
>>> from kg.extract.document import extract
>>> from kg.formats import bind_generated_prefixes, write_graphs
>>> from kg.rdf import to_quads
>>> xs = [extract(parse_article(f"Kim Jong Un met Putin in Moscow on {d} June 2024.", f"{d}.txt"))
...       for d in (18, 19, 20)]
>>> quads = to_quads(xs); bind_generated_prefixes(quads)
>>> with tempfile.TemporaryDirectory() as tmp:
...     files = ArticleGraphFiles(quads, xs, Path(tmp), processes=1)
...     files.finish()
...     Path(tmp, "all").mkdir(); _ = write_graphs(quads, Path(tmp, "all"))
...     [Path(tmp, n).read_bytes() == Path(tmp, "all", n).read_bytes() for n in ("graph.trig", "graph.nq")]
[True, True]
"""
from __future__ import annotations

import gc
import multiprocessing
import pickle
import shutil
import threading
from functools import lru_cache
from pathlib import Path

from .errors import OutputError
from .formats import graph_order, nquads_graph, nquads_namer, trig_graph, trig_namer, trig_prefixes
from .model import Extraction
from .parallel import CHUNK, pool
from .quads import Quads, Triples
from .rdf import article_graph_iri, write_article

WAIT = 0.2  # seconds between looks at whether the build has stopped, while a worker writes


class ArticleGraphFiles:
    """``graph.trig`` and ``graph.nq`` in ``folder``: the graphs of ``quads`` that have an
    extraction among ``extractions`` written by ``processes`` workers, the others by a
    thread of this process. Start it, let go of the article graphs if you like
    (:meth:`article_graphs`), and :meth:`finish` it before using the files; :meth:`stop`
    ends it early (what it wrote is then incomplete).

    The extractions are pickled as the object is made (about 1 ms each), so the build can
    let them go at once. Each worker writes a chunk of articles into files of its own in
    ``folder/.parts``, and the thread copies them into place in order: the text never
    passes through this process's Python objects.
    """

    def __init__(self, quads: Quads, extractions: list[Extraction], folder: Path, processes: int):
        prefixes, self._head = trig_prefixes(quads)
        by_iri = {article_graph_iri(x): x for x in extractions}
        self._plan = _plan(graph_order(quads), by_iri, CHUNK)
        self._own = {iri: quads.graphs[iri] for iri in self._plan if not isinstance(iri, list)}
        chunks = [[pickle.dumps(by_iri[iri], protocol=pickle.HIGHEST_PROTOCOL) for iri in step]
                  for step in self._plan if isinstance(step, list)]
        self._folder, self._parts, self._prefixes = folder, folder / ".parts", prefixes
        self._parts.mkdir()
        self._error: BaseException | None = None
        self._stopped = threading.Event()
        self._pool = pool(processes)
        # Chunks made here, not by imap: its own chunking gives an iterator without a timeout.
        self._written = self._pool.imap(_ArticleTexts(prefixes, self._parts), enumerate(_emptied(chunks)))
        self._thread = threading.Thread(target=self._write, name="kg article graphs", daemon=True)
        self._thread.start()

    def article_graphs(self) -> list:
        """The IRIs of the graphs the workers write (the build may drop them from its quads)."""
        return [iri for step in self._plan if isinstance(step, list) for iri in step]

    def finish(self) -> None:
        """Wait for both files to be complete; raise what went wrong while they were written."""
        self._thread.join()
        self.stop()
        if isinstance(self._error, OSError):
            raise self._error
        if self._error is not None:
            raise OutputError(f"{self._folder}: writing the article graphs in worker processes "
                              f"failed: {type(self._error).__name__}: {self._error}") from self._error

    def stop(self) -> None:
        """End the workers and the thread (the files are left as they are)."""
        self._stopped.set()
        self._pool.terminate()
        self._thread.join()
        shutil.rmtree(self._parts, ignore_errors=True)

    def _write(self) -> None:
        try:
            name, term = trig_namer(self._prefixes), nquads_namer()
            with open(self._folder / "graph.trig", "wb") as trig, open(self._folder / "graph.nq", "wb") as nq:
                trig.write(self._head.encode("utf-8"))
                for step in self._plan:
                    if isinstance(step, list):
                        k = self._next()
                        if k is None:
                            return
                        for suffix, file in ((".trig", trig), (".nq", nq)):
                            with open(self._parts / f"{k}{suffix}", "rb") as part:
                                shutil.copyfileobj(part, file, 1 << 20)
                            (self._parts / f"{k}{suffix}").unlink()
                    else:
                        own = self._own.pop(step)
                        trig.writelines(part.encode("utf-8") for part in trig_graph(step, own, name))
                        nq.write(nquads_graph(step, own, term).encode("utf-8"))
        except BaseException as exc:  # told by finish(), in the build's own thread
            self._error = exc

    def _next(self) -> int | None:
        """The number of the next chunk the workers wrote, or None when the build has stopped."""
        while not self._stopped.is_set():
            try:
                return self._written.next(timeout=WAIT)
            except multiprocessing.TimeoutError:
                continue
        return None


def _plan(order: list, articles: dict, size: int) -> list:
    """The graphs of ``order`` as they are written: an article graph (one of ``articles``)
    in a list of up to ``size`` that follow each other, any other graph alone.

    >>> _plan(["a1", "a2", "a3", "s", "a4"], {"a1", "a2", "a3", "a4"}, 2)
    [['a1', 'a2'], ['a3'], 's', ['a4']]
    """
    plan: list = []
    for iri in order:
        if iri not in articles:
            plan.append(iri)
        elif plan and isinstance(plan[-1], list) and len(plan[-1]) < size:
            plan[-1].append(iri)
        else:
            plan.append([iri])
    return plan


def _emptied(items: list):
    """The items of ``items``, each let go of once given (the pool takes them as it sends them).

    >>> items = [1, 2]; list(_emptied(items)), items
    ([1, 2], [])
    """
    items.reverse()
    while items:
        yield items.pop()


class _ArticleTexts:
    """In a worker: a numbered chunk of pickled extractions, their article graphs written as
    TriG and as N-Quads into ``{number}.trig`` and ``{number}.nq`` in ``parts``."""

    def __init__(self, prefixes: list[tuple[str, str]], parts: Path):
        self.prefixes, self.parts = prefixes, parts

    def __call__(self, numbered: tuple[int, list[bytes]]) -> int:
        k, chunk = numbered
        # The cycle collector runs once per chunk, on what the chunk made (the extractions
        # hold cycles): left to itself it ran through millions of terms, a third more time.
        gc.disable()
        name, term = _namers(tuple(self.prefixes))
        with open(self.parts / f"{k}.trig", "wb") as trig, open(self.parts / f"{k}.nq", "wb") as nq:
            for pickled in chunk:
                x = pickle.loads(pickled)
                iri, triples = article_graph_iri(x), Triples()
                write_article(triples, x)
                trig.writelines(part.encode("utf-8") for part in trig_graph(iri, triples, name))
                nq.write(nquads_graph(iri, triples, term).encode("utf-8"))
        gc.collect(0)
        return k


@lru_cache(maxsize=1)
def _namers(prefixes: tuple) -> tuple:
    """A worker's namers, kept from one article to the next (classes and actors recur)."""
    return trig_namer(list(prefixes)), nquads_namer()
