"""The article graphs written out by worker processes while the build goes on with the
rest: their TriG and N-Quads, and their part of the union's Turtle and JSON-LD.

An article's named graph depends on its extraction alone, once the actor keys are
reconciled across articles, so a worker can make it again from the extraction and write
its text; nearly every subject of the union (mentions, events, statements) is in one
article graph alone, so the worker writes those subjects' part of ``graph.ttl`` and
``graph.jsonld`` too. The story graph, made by a worker of its own and sent back
pickled, goes on as it is to one more worker, which writes its TriG and N-Quads and the
union's blocks of the story's own subjects (its events, statements and listings). The
build writes what is left (the subjects several graphs describe: actors, places), the
pages and the views, one process on one core. The parts are put together in IRI order,
by one more worker, so the files are the same bytes as :func:`kg.formats.write_graphs`
writes.

>>> import pickle, tempfile
>>> from kg.ingest import parse_article
>>> from kg.extract.document import extract
>>> from kg.formats import bind_generated_prefixes, write_graphs
>>> from kg.rdf import to_quads
>>> xs = [extract(parse_article(f"Kim Jong Un met Putin in Moscow on {d} June 2024.", f"{d}.txt"))
...       for d in (18, 19, 20)]
>>> quads = to_quads(xs); bind_generated_prefixes(quads)
>>> with tempfile.TemporaryDirectory() as tmp:
...     files = ArticleGraphFiles(quads, {x.article.id: pickle.dumps(x) for x in xs}, Path(tmp), processes=1)
...     files.finish()
...     Path(tmp, "all").mkdir(); _ = write_graphs(quads, Path(tmp, "all"))
...     [Path(tmp, n).read_bytes() == Path(tmp, "all", n).read_bytes() for n in ("graph.trig", "graph.nq")]
[True, True]
"""
from __future__ import annotations

import errno
import gc
import os
import pickle
import shutil
import threading
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from contextlib import ExitStack
from functools import lru_cache, partial
from pathlib import Path

import numpy
from rdflib import URIRef

from .errors import OutputError
from .formats import (GRAPH_FILES, IN_GRAPH, JSONLD_TAIL, UNION_FILES, Compactor, bind_generated_prefixes, block,
                      by_some_subjects, by_subject, context, graph_order, jsonld_head, jsonld_lines, jsonld_nodes,
                      nquads_graph, nquads_namer, subject_blocks, subject_parts, trig_graph, trig_namer, trig_prefixes)
from .memory import give_back_free_pages
from .mention_texts import MentionTexts
from .mentions import Mentions
from .parallel import CHUNK, Background, Workers, emptied
from .quads import Quads, Triples, term_numbers
from .rdf import article_graph, article_graph_iri, article_iri


# The graph files' suffixes: those of the named graphs, and those of the union.
GRAPHS_SUFFIXES = tuple(Path(name).suffix for name in GRAPH_FILES if name not in UNION_FILES)  # .trig, .nq
UNION_SUFFIXES = tuple(Path(name).suffix for name in UNION_FILES)  # .ttl, .jsonld


class ArticleGraphFiles:
    """``graph.trig`` and ``graph.nq`` in ``folder``: the graphs of ``quads`` whose article
    has an extraction in ``pickled`` (pickled extractions by article id, their actor keys
    reconciled) written by ``processes`` workers, and the graphs
    ``later`` (the story), added to ``quads`` afterwards (:meth:`add_later`), by one more
    worker when they are given pickled, else by a thread of this process; and the union's
    ``graph.ttl`` and ``graph.jsonld`` (:meth:`write_union`). Start it as soon as the article graphs are
    made, add the others, let go of the article graphs if you like
    (:meth:`article_graphs`), and :meth:`finish` it before using the files; :meth:`stop`
    ends it early (what it wrote is then incomplete).

    Each worker writes a chunk of articles into files of its own in
    ``folder/.parts``, and the thread copies them into place in order: the text never
    passes through this process's Python objects. The workers read the pickled
    extractions from a file there too, written when it starts, so this process lets go of
    them at once instead of as each chunk is sent to a worker (402 MB of them at 10,000
    articles).
    """

    def __init__(self, quads: Quads, pickled: dict[str, bytes], folder: Path, processes: int,
                 later: tuple = (), names: tuple[str, ...] = GRAPH_FILES, mentions: Mentions | None = None):
        prefixes, self._head = trig_prefixes(_with_generated_prefixes(quads))
        # The files' suffixes asked for: the graphs' (.trig, .nq) and the union's (.ttl, .jsonld).
        self._suffixes = tuple(Path(name).suffix for name in GRAPH_FILES if name in names)
        self._graphs_suffixes = tuple(x for x in self._suffixes if x in GRAPHS_SUFFIXES)
        self._union_suffixes = tuple(x for x in self._suffixes if x in UNION_SUFFIXES)
        by_iri = {article_graph_iri(id_): blob for id_, blob in pickled.items()}
        self._plan = _plan(sorted([*graph_order(quads), *later], key=str), by_iri, CHUNK)
        self._later = later
        # The graphs this process writes: those in quads already, and those later once added.
        self._own = {iri: quads.graphs[iri] for iri in self._plan if not isinstance(iri, list) and iri not in later}
        self._split = None if not self._union_suffixes else \
            _UnionSplit.of(quads, {article_graph_iri(id_): str(article_iri(id_)) for id_ in pickled},
                           mentions.bounds() if mentions is not None else {})
        shared = None if self._split is None else self._split.shared
        chunks = [[by_iri[iri] for iri in step] for step in self._plan if isinstance(step, list)]
        del by_iri
        self._folder, self._parts, self._prefixes = folder, folder / ".parts", prefixes
        self._parts.mkdir()
        chunks = _spilled(chunks, self._parts / EXTRACTIONS)
        self._segments: dict = {}  # article graph -> (chunk, its Turtle's and JSON-LD's place there)
        self._error: BaseException | None = None
        self._stopped = threading.Event()
        self._added = threading.Event()  # the graphs ``later`` are in self._own
        self._union_written = threading.Event()  # this process's part of the union is written
        self._joining: Background | None = None  # the worker putting the union's files together
        self._lock = threading.Lock()  # between stopping and starting that worker, or the next
        self._texts: dict = {}  # the graphs ``later`` a worker writes: IRI -> its number there
        self._texts_written: Background | None = None  # that worker
        self._text_offsets: dict = {}  # its graph's number -> suffix -> where its union blocks begin
        if not later:
            self._added.set()
        self._workers = Workers(_ArticleTexts(prefixes, self._parts, shared, self._suffixes), processes)
        self._written = self._workers.map(enumerate(emptied(chunks)))  # run by the thread alone
        self._thread = threading.Thread(target=self._write, name="kg article graphs", daemon=True)
        self._thread.start()

    def add_later(self, quads: Quads, pickled: dict | None = None) -> bool:
        """Take the graphs ``later`` from ``quads``, now made: True when the workers go on,
        False when they have stopped (the graphs ask for prefixes the workers did not
        write with) and the caller writes every file itself. Those also given
        ``pickled`` (their :class:`~kg.quads.Triples` pickled, by graph IRI) have their
        TriG and N-Quads written by a worker process meanwhile, not by this one's thread
        at the end (the story: 6 million triples at 10,000 articles); when one graph is
        given, the worker also writes the union's blocks of its subjects no other graph
        describes (:meth:`write_union` writes the rest)."""
        if trig_prefixes(quads)[0] != self._prefixes:
            self.stop()
            return False
        added = {iri: quads.graphs.get(iri, Triples()) for iri in self._later}
        given = sorted((str(iri), blob) for iri, blob in (pickled or {}).items() if iri in added)
        self._own.update((iri, triples) for iri, triples in added.items() if iri not in (pickled or {}))
        known = None  # the union's subjects described elsewhere too, when the worker writes the others
        if self._split is not None:
            subjects = {s for triples in added.values() for s in triples.terms_at(0)}  # read from the numbers
            if len(given) == 1:
                known = frozenset(map(str, self._split.own))
            self._split = self._split.with_subjects(subjects, theirs=known is not None)
            known = known if self._split is not None else None
        with self._lock:
            if given and not self._stopped.is_set():
                self._texts = {iri: n for n, (iri, _) in enumerate(given)}
                self._texts_written = Background(_graph_texts, (self._prefixes, self._parts, given, known,
                                                                self._suffixes))
        self._added.set()
        return True

    @property
    def writes_union(self) -> bool:
        """Whether the workers write the union's subjects of one article graph (the union's
        files are asked for, and split: :class:`_UnionSplit`), or no union's file is asked for:
        then this process never writes an article graph's subject itself."""
        return self._split is not None or not self._union_suffixes

    @property
    def text_worker(self) -> Background | None:
        """The worker writing the text of the graphs ``later``, when one does (:meth:`add_later`)."""
        return self._texts_written

    def article_graphs(self) -> list:
        """The IRIs of the graphs the workers write, in the order they are written."""
        return [iri for step in self._plan if isinstance(step, list) for iri in step]

    def write_union(self, whole) -> bool:
        """Write the union ``whole``'s subjects that the workers do not into part files, to
        be put together with theirs by :meth:`finish`; False (and nothing written) when
        the workers write none (see :class:`_UnionSplit`): the caller writes the files."""
        try:
            return self._write_union(whole)
        finally:
            self._union_written.set()

    def _write_union(self, whole) -> bool:
        if self._split is None or trig_prefixes(whole)[0] != self._prefixes:
            self._split = None
            return False
        own = by_some_subjects(whole, self._split.own[:self._split.later_from])
        name, compactor = trig_namer(self._prefixes), Compactor(context()["@context"])
        writers = {".ttl": lambda: subject_blocks(own, name, first=False),
                   ".jsonld": lambda: jsonld_nodes(own, compactor, first=False)}
        for suffix in self._union_suffixes:
            self._split.write_own(self._parts / f"own{suffix}", writers[suffix](), suffix)
        return True

    def finish(self) -> None:
        """Wait for the files to be complete; raise what went wrong while they were written."""
        self._union_written.set()  # no union to put together if none was written by now
        self._thread.join()
        self.stop()
        if isinstance(self._error, OSError):
            raise self._error
        if self._error is not None:
            raise OutputError(f"{self._folder}: writing the article graphs in worker processes "
                              f"failed: {type(self._error).__name__}: {self._error}") from self._error

    def stop(self) -> None:
        """End the workers and the thread (the files are left as they are)."""
        with self._lock:
            self._stopped.set()
            background = [b for b in (self._texts_written, self._joining) if b is not None]
        self._added.set()  # the thread may be waiting for the graphs ``later``
        self._union_written.set()  # or for the union's own part
        self._workers.stop()
        for worker in background:
            worker.stop()
        self._thread.join()
        shutil.rmtree(self._parts, ignore_errors=True)

    def _join_union(self) -> None:
        """``graph.ttl`` and ``graph.jsonld``: this process's subjects with the workers' runs
        put in at their places, each file's first separator left out; copied by a worker
        process, since the copying waits for the disk and, in a thread of this process,
        for the interpreter's lock between each read and write while the build goes on."""
        prefix_lines = self._head + "\n"
        files = []
        for suffix, head, tail, lead in ((".ttl", prefix_lines, "", 1),
                                         (".jsonld", jsonld_head(context()["@context"]), JSONLD_TAIL, 2)):
            if suffix not in self._union_suffixes:
                continue
            later = {}  # the union's blocks a worker wrote with a graph's text, if it did
            for n, offsets in self._text_offsets.items():
                later = {"later": self._parts / f"graph-{n}{suffix}", "later_offsets": offsets[suffix]}
            pieces = self._split.pieces(suffix, self._parts / f"own{suffix}",
                                        segment=partial(self._segment, suffix=suffix), **later)
            files.append((self._folder / f"graph{suffix}", head.encode("utf-8"), _joined(pieces),
                          tail.encode("utf-8"), lead))
        with self._lock:
            if self._stopped.is_set():
                return
            self._joining = Background(_put_together, files)
        self._joining.result()

    def _segment(self, graph, suffix: str) -> tuple:
        """``(part file, start, length)`` of the article graph ``graph``'s run in the union's file ``suffix``."""
        k, place = self._segments[graph]
        return (self._parts / f"{k}{suffix}", *place[suffix])

    def _write(self) -> None:
        """The thread: each chunk's parts copied into place as the workers write them, in
        the plan's order, and this process's graphs (the story) written at their places
        once added. A graph added later that sorts before article graphs holds the copying
        up, and the workers stop some chunks ahead: the story sorts after them all."""
        try:
            with ExitStack() as stack:
                files = {suffix: stack.enter_context(open(self._folder / f"graph{suffix}", "wb"))
                         for suffix in self._graphs_suffixes}
                if ".trig" in files:
                    files[".trig"].write(self._head.encode("utf-8"))
                for step in self._plan:
                    if isinstance(step, list):
                        done = None if self._stopped.is_set() else next(self._written, None)
                        if done is None:
                            return
                        k, places = done
                        self._segments.update((iri, (k, place)) for iri, place in zip(step, places))
                        for suffix, file in files.items():
                            _append(self._parts / f"{k}{suffix}", file)
                            (self._parts / f"{k}{suffix}").unlink()
                    else:
                        self._added.wait()
                        if self._stopped.is_set():
                            return
                        if str(step) in self._texts:  # written by a worker: copied in
                            self._text_offsets = self._texts_written.result()
                            for suffix, file in files.items():
                                part = self._parts / f"graph-{self._texts[str(step)]}{suffix}"
                                _append(part, file)
                                part.unlink()
                        else:
                            self._write_own(step, files)
            self._union_written.wait()  # put together as soon as its parts are all written
            if not self._stopped.is_set() and self._split is not None and self._split.offsets:
                self._join_union()
        except BaseException as exc:  # told by finish(), in the build's own thread
            self._error = exc

    def _write_own(self, iri, files: dict) -> None:
        """A graph of this process's, into the open ``files`` by suffix."""
        _write_graph(iri, self._own.pop(iri), self._prefixes, files.get(".trig"), files.get(".nq"))


def _write_graph(iri, triples: Triples, prefixes: list, trig, nq) -> None:
    """Graph ``iri``'s N-Quads and TriG, written with ``prefixes`` into the files ``nq``
    and ``trig`` (None: not asked for), unless it is empty (as :func:`kg.formats.graph_order`)."""
    if triples:
        if nq is not None:
            _write_nquads(iri, triples, nq)
        if trig is not None:
            _write_trig(iri, subject_blocks(by_subject(triples), trig_namer(prefixes), IN_GRAPH), trig)


def _write_nquads(iri, triples: Triples, nq) -> None:
    """Graph ``iri``'s N-Quads (:func:`kg.formats.nquads_graph`)."""
    nq.writelines(piece.encode("utf-8") for piece in nquads_graph(iri, triples, nquads_namer()))


def _write_trig(iri, blocks, trig) -> None:
    """Graph ``iri``'s TriG of its subjects' ``blocks``."""
    trig.writelines(part.encode("utf-8") for part in trig_graph(iri, blocks))


def _graph_texts(given: tuple) -> dict:
    """In a worker: ``given = (prefixes, parts, [(IRI, pickled Triples), ...], known,
    suffixes)``, the n-th graph's TriG and N-Quads written into ``graph-{n}.trig`` and
    ``graph-{n}.nq`` in ``parts`` (the N-Quads first); unless ``known`` is None, its
    subjects but those (IRIs) as the union's Turtle and JSON-LD blocks into
    ``graph-{n}.ttl`` and ``graph-{n}.jsonld``, where each block begins
    (:func:`_write_blocks`) given back by n; of these files, those whose suffix is in
    ``suffixes``. A subject's properties are read and written once for its TriG and its
    Turtle (:class:`_UnionBlocks`), as the article graphs' workers do."""
    prefixes, parts, graphs, known, suffixes = given
    offsets = {}
    for n in range(len(graphs)):
        # The pickle let go of once read (196 MB for the story of 10,000 articles), and
        # what reading it left free given back: enumerating the list emptied kept it.
        iri, blob = graphs[n]
        graphs[n] = None
        triples = pickle.loads(blob)
        del blob
        give_back_free_pages()
        iri = URIRef(iri)
        with ExitStack() as stack:
            trig, nq = (stack.enter_context(open(parts / f"graph-{n}{suffix}", "wb")) if suffix in suffixes else None
                        for suffix in GRAPHS_SUFFIXES)
            if triples and nq:  # the N-Quads first: the index by subject is made once their names are let go of
                _write_nquads(iri, triples, nq)
            index, name = _BySubject(triples), trig_namer(prefixes)
            if known is None:
                if triples and trig:
                    _write_trig(iri, subject_blocks(index, name, IN_GRAPH), trig)
                continue
            with _UnionBlocks(parts / f"graph-{n}", known, suffixes) as union:
                if triples and trig:
                    _write_trig(iri, union.tee(subject_parts(index, name), index), trig)
                elif triples:  # the union's blocks alone: no TriG made, no Turtle named without graph.ttl
                    subjects = subject_parts(index, name) if ".ttl" in suffixes else \
                        ((s, None, None) for s in sorted(index, key=str))
                    for _ in union.tee(subjects, index, trig=False):
                        pass
            offsets[n] = union.offsets
    return offsets


class _UnionBlocks:
    """The union's Turtle and JSON-LD blocks of a graph's subjects but ``known`` (IRIs),
    written into ``{stem}.ttl`` and ``{stem}.jsonld`` as the graph's TriG blocks are made
    (:meth:`tee`), and where each begins in bytes, and where the last ends (``offsets``,
    by suffix, as :func:`_write_blocks` gives them)."""

    def __init__(self, stem: Path, known: frozenset, suffixes: tuple = UNION_SUFFIXES):
        self.known, self.compactor = known, Compactor(context()["@context"])
        self.files = {suffix: open(stem.with_suffix(suffix), "wb") for suffix in UNION_SUFFIXES if suffix in suffixes}
        self.offsets = {suffix: array("q", [0]) for suffix in self.files}

    def tee(self, parts, index, trig: bool = True):
        """The TriG blocks of ``parts`` (:func:`kg.formats.subject_parts` of ``index``), the
        union's blocks of each subject written meanwhile; without ``trig``, None for each
        (and a subject's name and properties are read for the Turtle alone)."""
        for n, (s, head, properties) in enumerate(parts):
            if str(s) not in self.known:
                if ".ttl" in self.files:
                    self._add(".ttl", block(head, properties, lead="\n"))
                if ".jsonld" in self.files:
                    self._add(".jsonld", next(jsonld_nodes({s: index[s]}, self.compactor, first=False)))
            yield block(head, properties, IN_GRAPH, "\n" if n else "") if trig else None

    def _add(self, suffix: str, text: str) -> None:
        _write_block(self.files[suffix], text, self.offsets[suffix])

    def __enter__(self) -> _UnionBlocks:
        return self

    def __exit__(self, *exc) -> None:
        for file in self.files.values():
            file.close()


def _write_blocks(path: Path, blocks) -> array:
    """Write ``blocks`` (text) into ``path``: where each begins, in bytes, and where the last ends.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     list(_write_blocks(Path(tmp, "x"), ["ab", "é"]))
    [0, 2, 4]
    """
    offsets = array("q", [0])
    with open(path, "wb") as file:
        for text in blocks:
            _write_block(file, text, offsets)
    return offsets


def _write_block(file, text: str, offsets: array) -> None:
    """Write ``text`` at the end of ``file``, where it ends added to ``offsets``."""
    data = text.encode("utf-8")
    file.write(data)
    offsets.append(offsets[-1] + len(data))


def _with_generated_prefixes(quads: Quads) -> Quads:
    """``quads``'s graphs with its prefixes and the ``nsN`` ones they would be given
    (:func:`kg.formats.bind_generated_prefixes`), ``quads`` itself left as it is."""
    preview = Quads()
    preview.graphs = quads.graphs
    for prefix, namespace in quads.namespaces():
        preview.bind(prefix, namespace)
    bind_generated_prefixes(preview)
    return preview


def _joined(pieces: list) -> list:
    """``(file, start, length)`` pieces with those that follow each other in one file made
    one, and the empty ones left out (length None: to the file's end).

    >>> _joined([("a", 0, 5), ("b", 0, 0), ("a", 5, 3), ("c", 9, 1), ("a", 8, None)])
    [('a', 0, 8), ('c', 9, 1), ('a', 8, None)]
    """
    out: list = []
    for source, start, length in pieces:
        if length == 0:
            continue
        if out and out[-1][0] == source and out[-1][2] is not None and out[-1][1] + out[-1][2] == start:
            out[-1] = (source, out[-1][1], None if length is None else out[-1][2] + length)
        else:
            out.append((source, start, length))
    return out


def _put_together(files: list) -> None:
    """In a worker: each ``(path, head, pieces, tail, lead)`` of ``files`` written as its
    head, its pieces (:func:`_joined`'s) with their first ``lead`` bytes left out, and its tail.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     part, whole = Path(tmp, "part"), Path(tmp, "whole")
    ...     _ = part.write_bytes(b",\\nab")
    ...     _put_together([(whole, b"[", [(part, 0, 1), (part, 1, 2), (part, 3, None)], b"]", 2)])
    ...     whole.read_bytes()
    b'[ab]'
    """
    for path, head, pieces, tail, lead in files:
        with open(path, "wb") as out:
            out.write(head)
            skip = lead  # bytes of the first separator still to leave out
            for source, start, length in pieces:
                size = os.path.getsize(source) - start if length is None else length
                dropped = min(skip, size)
                skip -= dropped
                _append(source, out, start + dropped, size - dropped)
            out.write(tail)


# Why copying inside the kernel may not work, when it does not: then the bytes are read and written.
_NO_KERNEL_COPY = {errno.EXDEV, errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.ENOTSUP}


def _append(source: Path, target, start: int = 0, length: int | None = None) -> None:
    """Append ``length`` bytes of the file ``source`` from ``start`` (None: to its end) to
    the open file ``target``. Inside the kernel where the system can
    (:func:`os.copy_file_range`): the parts of a 10,000-article build's graph files are
    gigabytes, and read and written through Python they took three times the CPU.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = Path(tmp, "part").write_bytes(b"0123456789")
    ...     with open(Path(tmp, "whole"), "wb") as whole:
    ...         _ = whole.write(b"<"); _append(Path(tmp, "part"), whole, 2, 3); _append(Path(tmp, "part"), whole, 8)
    ...         _ = whole.write(b">")
    ...     Path(tmp, "whole").read_bytes()
    b'<23489>'
    """
    with open(source, "rb") as part:
        if length is None:
            length = os.fstat(part.fileno()).st_size - start
        target.flush()  # what the target holds in its buffer goes first
        try:
            while length > 0:
                done = os.copy_file_range(part.fileno(), target.fileno(), length, start)
                if done == 0:  # the part is shorter than said: as reading it would end
                    return
                start, length = start + done, length - done
            return
        except AttributeError:  # not on this system
            pass
        except OSError as err:
            if err.errno not in _NO_KERNEL_COPY:
                raise
        part.seek(start)
        while length > 0 and (data := part.read(min(length, 1 << 20))):
            target.write(data)
            length -= len(data)


class _BySubject(Mapping):
    """A graph's triples as :func:`kg.formats.by_subject` gives them, ``{subject: {predicate:
    [triples]}}``, each subject's made when asked for: the story's, all made at once, took
    about a gigabyte at 10,000 articles in the worker that writes its text. The last one
    is kept, since its union blocks ask for it again after its TriG block (6% of that
    worker's instructions at 1,000 articles). The triples' order by subject stays a numpy
    array, read a subject's run at a time: as a list it was 6 million Python ints at 10,000
    articles, 86 MB more at the index's height (1,062 → 976 MB resident). The order is
    kept in 32 bits, and each subject has the number of its run, where the runs begin kept
    in an array: a pair of offsets for each subject took 48.1 MB where this takes 27.2 at
    3,000 articles (259,533 subjects, traced).

    >>> s, t, a = URIRef("urn:s"), URIRef("urn:t"), URIRef("urn:a")
    >>> g = Triples(); g.update([(s, a, t), (t, a, s), (s, a, s)])
    >>> index = _BySubject(g); list(index) == [s, t], index[s] == by_subject(g)[s], index[s] is index[s]
    (True, True, True)
    """

    def __init__(self, triples: Triples):
        self._triples, terms = triples, triples.table.terms
        subjects = numpy.frombuffer(triples.subjects, dtype=numpy.int32)
        self._order = numpy.argsort(subjects, kind="stable").astype(numpy.int32)
        ordered = subjects[self._order]
        starts = numpy.flatnonzero(numpy.diff(ordered, prepend=-1))
        self._starts = array("q", [*starts.tolist(), len(ordered)])  # where each run begins, and the end
        self._runs = {terms[n]: k for k, n in enumerate(ordered[starts].tolist())}  # a subject: its run
        self._last: tuple = (None, None)  # the subject last asked for, and its properties

    def __getitem__(self, subject) -> dict:
        if subject is self._last[0]:  # asked again at once: for its union block, after its TriG block
            return self._last[1]
        run = self._runs[subject]
        a, b = self._starts[run], self._starts[run + 1]
        terms, predicates, objects = self._triples.table.terms, self._triples.predicates, self._triples.objects
        found: dict = {}
        for k in self._order[a:b].tolist():
            p = terms[predicates[k]]
            found.setdefault(p, []).append((subject, p, terms[objects[k]]))
        self._last = (subject, found)
        return found

    def __iter__(self):
        return iter(self._runs)

    def __len__(self) -> int:
        return len(self._runs)


class _UnionSplit:
    """Which subjects of the union the workers write into ``graph.ttl`` and ``graph.jsonld``:
    those of one article graph alone (mentions, events, statements: nearly all of them),
    while this process writes the others, ``own`` (actors, places and the story), but
    ``later``: the story's subjects that no other graph describes, which the worker that
    writes the story's text writes when it is given the story
    (:meth:`ArticleGraphFiles.add_later`).

    The files list subjects by IRI, so each article's subjects must follow each other there,
    with none of another graph between: when they do not (an article id that begins
    another's could interleave them), there is no split and this process writes it all.
    """

    def __init__(self, own: list, shared: frozenset, ranges: list):
        self.own, self.shared, self.ranges = own, shared, ranges
        keys = sorted(map(str, own))
        # Before each run, the number of own subjects that come first.
        self.runs = [(bisect_left(keys, lo), graph) for lo, _, graph in ranges]
        self.offsets: dict = {}  # suffix -> where each of this process's blocks begins in own's file
        # own[later_from:]: the own subjects a worker writes instead (``later``): a place in
        # the list, where a set of their IRIs took 140 MB at 10,000 articles.
        self.later_from = len(own)

    @property
    def later(self) -> list:
        """The own subjects a worker writes instead of this process."""
        return self.own[self.later_from:]

    @classmethod
    def of(cls, quads: Quads, spaces: dict, apart: dict | None = None) -> _UnionSplit | None:
        """The split of ``quads``, whose article graphs are the keys of ``spaces``: a worker
        writes a subject of one article graph alone whose IRI begins with the graph's
        space (the article's IRI), so that a graph added later (the story, which
        describes actors and places) is unlikely to describe it too
        (:meth:`with_subjects` checks). ``apart``: a graph's first and last subject kept
        apart from it (its mentions: :meth:`kg.mentions.Mentions.bounds`), each in its space."""
        spaces = {iri: spaces[iri] for iri in quads.graphs if iri in spaces}
        # Each graph's subjects as numbers, told apart by numpy: a dict of every subject,
        # with an int object for each number, left 108 MB of the heap behind at 10,000 articles.
        graphs = [(iri, numpy.unique(term_numbers(triples.subjects))) for iri, triples in quads.graphs.items()]
        every, counts = numpy.unique(numpy.concatenate([numbers for _, numbers in graphs] or [[]]), return_counts=True)
        several = every[counts > 1]  # the subjects of several graphs: this process writes them
        terms = quads.table.terms
        own = [terms[n] for n in several.tolist()]
        shared = set(map(str, own))
        ranges = []  # each article graph's first and last IRI of the subjects a worker writes
        for iri, numbers in graphs:
            space, alone = spaces.get(iri), []
            for n in numbers[~numpy.isin(numbers, several)].tolist():
                key = str(terms[n])
                if space is not None and key.startswith(space):
                    alone.append(key)
                else:
                    own.append(terms[n])
                    if space is not None:  # in an article graph: its worker leaves it out
                        shared.add(key)
            alone.extend((apart or {}).get(iri, ()))
            if alone:
                ranges.append((min(alone), max(alone), iri))
        ranges.sort()
        if _within(map(str, own), ranges) or any(ranges[n - 1][1] >= ranges[n][0] for n in range(1, len(ranges))):
            return None
        return cls(own, frozenset(shared), ranges)

    def with_subjects(self, subjects, theirs: bool = False) -> _UnionSplit | None:
        """The split once a graph with ``subjects`` is added, which this process writes
        (``theirs``: but those no other graph describes, ``later``, which the worker that
        writes the graph's text writes); None when one of them is in an article's run (it
        describes a subject the workers write, or sorts among them).

        >>> split = _UnionSplit(["urn:x"], frozenset(), [("urn:a/1", "urn:a/9", "urn:g/a")])
        >>> split.with_subjects(["urn:b", "urn:x"]).runs, split.with_subjects(["urn:a/5"])
        ([(0, 'urn:g/a')], None)
        >>> split.with_subjects(["urn:b", "urn:x"], theirs=True).later
        ['urn:b']
        """
        known = set(map(str, self.own))
        added = [s for s in subjects if str(s) not in known]
        if _within(map(str, added), self.ranges):
            return None
        split = _UnionSplit(self.own + added, self.shared, self.ranges)
        if theirs:
            split.later_from = len(self.own)
        return split

    def write_own(self, path: Path, blocks, suffix: str) -> None:
        """Write this process's blocks, one per own subject but ``later``, in IRI order."""
        self.offsets[suffix] = _write_blocks(path, blocks)

    def pieces(self, suffix: str, own: Path, later: Path | None = None, later_offsets=(), segment=None):
        """``(file, start, length)`` of each own subject's block, in IRI order, with
        ``segment(graph)`` for each article graph's run at its place: this process's blocks
        from ``own``, the ``later`` subjects' from ``later``, where ``later_offsets`` say.

        >>> split = _UnionSplit(["urn:b", "urn:y", "urn:x"], frozenset(), [("urn:a/1", "urn:a/9", "urn:g/a")])
        >>> split.later_from, split.offsets[".ttl"] = 2, [0, 5, 9]
        >>> list(split.pieces(".ttl", "own", "story", [0, 7], lambda graph: (graph, 0, 3)))
        [('urn:g/a', 0, 3), ('own', 0, 5), ('story', 0, 7), ('own', 5, 4)]
        """
        files = ((own, self.offsets[suffix]), (later, later_offsets))
        taken = [0, 0]  # blocks of each file so far
        runs = iter(self.runs)
        run = next(runs, None)
        own = self.own
        for position, n in enumerate(sorted(range(len(own)), key=lambda n: str(own[n]))):
            while run is not None and run[0] == position:
                yield segment(run[1])
                run = next(runs, None)
            k = n >= self.later_from
            file, offsets = files[k]
            yield file, offsets[taken[k]], offsets[taken[k] + 1] - offsets[taken[k]]
            taken[k] += 1
        for _, graph in [*([run] if run else []), *runs]:
            yield segment(graph)


def _within(keys, ranges: list) -> bool:
    """Whether one of ``keys`` is in one of the sorted ``(lo, hi, ...)`` ``ranges``."""
    keys = sorted(keys)
    return any(bisect_left(keys, lo) != bisect_right(keys, hi) for lo, hi, *_ in ranges)


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


EXTRACTIONS = "extractions"  # in the parts folder: the pickled extractions, read by the workers


def _spilled(chunks: list[list[bytes]], path: Path) -> list[list[tuple[int, int]]]:
    """``chunks`` of pickled extractions written one after another into ``path``, each
    chunk given back as the places of its own, ``(start, length)`` (:class:`_ArticleTexts`
    reads them there).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _spilled([[b"ab", b"c"], [b"de"]], Path(tmp, "x")), Path(tmp, "x").read_bytes()
    ([[(0, 2), (2, 1)], [(3, 2)]], b'abcde')
    """
    places, at = [], 0
    with open(path, "wb") as file:
        for chunk in emptied(chunks):
            places.append([])
            for blob in chunk:
                file.write(blob)
                places[-1].append((at, len(blob)))
                at += len(blob)
    return places


class _ArticleTexts:
    """In a worker: a numbered chunk of pickled extractions (their places in the file
    ``EXTRACTIONS`` in ``parts``: :func:`_spilled`), their article graphs written as TriG
    and as N-Quads into ``{number}.trig`` and ``{number}.nq`` in ``parts``, and unless
    ``shared`` is None, their subjects but those (IRIs) as the union's Turtle and JSON-LD
    into ``{number}.ttl`` and ``{number}.jsonld``: of these files, those whose suffix is in
    ``suffixes``, and only what they need made."""

    def __init__(self, prefixes: list[tuple[str, str]], parts: Path, shared: frozenset | None,
                 suffixes: tuple = (*GRAPHS_SUFFIXES, *UNION_SUFFIXES)):
        self.prefixes, self.parts, self.shared = prefixes, parts, shared
        union = () if shared is None else UNION_SUFFIXES
        self.suffixes = tuple(x for x in (*GRAPHS_SUFFIXES, *union) if x in suffixes)
        self.turtle = ".trig" in self.suffixes or ".ttl" in self.suffixes  # subjects' blocks are made

    def __call__(self, numbered: tuple[int, list[tuple[int, int]]]) -> tuple[int, list[dict]]:
        k, chunk = numbered
        # The cycle collector runs once per chunk, on what the chunk made (the extractions
        # hold cycles): left to itself it ran through millions of terms, a third more time.
        gc.disable()
        name, term, compactor, mention_texts = _writers(tuple(self.prefixes))
        files = {suffix: open(self.parts / f"{k}{suffix}", "wb") for suffix in self.suffixes}
        given = os.open(self.parts / EXTRACTIONS, os.O_RDONLY)
        places = []
        try:
            for at, size in chunk:
                x = pickle.loads(os.pread(given, size, at))
                iri = article_graph_iri(x.article.id)
                index, mentions = _article_index(x)
                if self.turtle:
                    subjects = _subjects(index, mentions, name, mention_texts)
                else:  # their IRIs alone, in the same order
                    subjects = sorted([(s, None, None, None) for s in index] + [(m[0], None, None, m) for m in mentions],
                                      key=_by_iri)
                if ".trig" in files:
                    blocks = (block(head, parts, IN_GRAPH, "\n" if n else "")
                              for n, (_, head, parts, _) in enumerate(subjects))
                    files[".trig"].writelines(part.encode("utf-8") for part in trig_graph(iri, blocks))
                if ".nq" in files:
                    graph = f" {term(iri)} .\n"
                    files[".nq"].write(_nquads_lines(iri, index, term, [line for m in mentions for line in
                                                                        mention_texts.nquads(m, graph)]).encode("utf-8"))
                if self.shared is not None:
                    place = {}
                    # the subjects no other graph has: their Turtle blocks differ from their TriG ones in indent alone
                    alone = [subject for subject in subjects if str(subject[0]) not in self.shared]
                    nodes = (compactor.node(s, index[s]) if m is None else mention_texts.node(m) for s, _, _, m in alone)
                    for suffix, blocks in ((".ttl", (block(head, parts, lead="\n") for _, head, parts, _ in alone)),
                                           (".jsonld", jsonld_lines(nodes, first=False))):
                        if suffix not in files:
                            continue
                        start = files[suffix].tell()
                        files[suffix].writelines(block.encode("utf-8") for block in blocks)
                        place[suffix] = (start, files[suffix].tell() - start)
                    places.append(place)
        finally:
            os.close(given)
            for file in files.values():
                file.close()
        gc.collect(0)
        return k, places


def _article_index(x) -> tuple[dict, list]:
    """The article graph of extraction ``x``: its triples by subject
    (:func:`_distinct_by_subject`), and apart from them its mentions' records
    (:func:`kg.rdf.article_graph`)."""
    triples, apart = article_graph(x)
    return _distinct_by_subject(triples), apart


def _subjects(index: dict, mentions: list, name, mention_texts):
    """Each subject of an article graph in IRI order, as ``(IRI, name, parts, record)``:
    those of ``index`` as :func:`kg.formats.subject_parts` writes them (``record`` None),
    and ``mentions`` (:func:`_article_index`) by ``mention_texts`` (:mod:`kg.mention_texts`),
    ``record`` the mention's."""
    subjects = [(s, head, parts, None) for s, head, parts in subject_parts(index, name)]
    subjects += [(m[0], *mention_texts.turtle(m), m) for m in mentions]
    subjects.sort(key=_by_iri)  # the first run sorted already: the sort goes through it once
    return subjects


def _by_iri(subject: tuple) -> str:
    return str(subject[0])


@lru_cache(maxsize=1)
def _writers(prefixes: tuple) -> tuple:
    """A worker's namers and JSON-LD compactor, kept from one article to the next (classes
    and actors recur)."""
    name, term, compactor = trig_namer(list(prefixes)), nquads_namer(), Compactor(context()["@context"])
    return name, term, compactor, MentionTexts(name, term, compactor)


def _distinct_by_subject(triples: list[tuple]) -> dict:
    """``{subject: {predicate: [triples]}}`` as :func:`kg.formats.by_subject` gives them, of
    ``triples`` each once, as a :class:`~kg.quads.Triples` would hold them: in one pass,
    where numbering an article's terms and reading them back took twice as long.

    >>> s, p, a, b = URIRef("urn:s"), URIRef("urn:p"), URIRef("urn:a"), URIRef("urn:b")
    >>> _distinct_by_subject([(s, p, a), (s, p, b), (s, p, URIRef("urn:a"))]) == {s: {p: [(s, p, a), (s, p, b)]}}
    True
    """
    index: dict = {}
    for t in triples:
        s, p, o = t
        by_p = index.get(s)
        if by_p is None:
            by_p = index[s] = {}
        found = by_p.get(p)
        if found is None:  # most properties of a subject have one value: kept without hashing it
            by_p[p] = t    # (an rdflib Literal's hash is a Python call)
            continue
        if type(found) is tuple:
            found = by_p[p] = {found[2]: found}
        if o not in found:
            found[o] = t
    return {s: {p: [found] if type(found) is tuple else list(found.values()) for p, found in by_p.items()}
            for s, by_p in index.items()}


def _nquads_lines(iri: URIRef, index: dict, term, more: list | None = None) -> str:
    """The N-Quads lines of graph ``iri``'s triples ``index`` (:func:`_distinct_by_subject`),
    sorted, named by ``term`` (:func:`kg.formats.nquads_namer`): as
    :func:`kg.formats.nquads_graph` writes a graph's lines, made and sorted as text, which
    for an article's few thousand is faster than ranking the terms' names first (a graph
    of millions, the story's, is written in pieces by that function instead). ``more``:
    lines of the graph made already, sorted in with the others.

    >>> s, p, g = URIRef("urn:s"), URIRef("urn:p"), URIRef("urn:g")
    >>> print(_nquads_lines(g, {s: {p: [(s, p, URIRef("urn:b")), (s, p, URIRef("urn:a"))]}}, nquads_namer()), end="")
    <urn:s> <urn:p> <urn:a> <urn:g> .
    <urn:s> <urn:p> <urn:b> <urn:g> .
    """
    graph = f" {term(iri)} .\n"
    lines: list = more or []  # the graph's lines made already (its mentions': kg.mention_texts)
    add, predicates = lines.append, {}  # a predicate's name, looked up without a call (a few dozen)
    for s, by_p in index.items():
        subject = term(s)
        for p, found in by_p.items():
            name = predicates.get(p)
            if name is None:
                name = predicates[p] = term(p)
            head = f"{subject} {name} "
            for t in found:
                add(f"{head}{term(t[2])}{graph}")
    lines.sort()
    return "".join(lines)
