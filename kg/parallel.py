"""Work done in worker processes: extraction for ``kg build --jobs N``, the article
graphs' files (:mod:`kg.article_graphs`) and the views (:class:`Background`).

Items go to the workers one at a time and their results come back in the items' order,
so a parallel build writes the same bytes as a sequential one. With one job (or one
article) nothing is started: extraction runs in this process.

>>> with Workers(len, processes=2) as workers:
...     list(workers.map(["a", "bb", "ccc", "dddd", "eeeee"]))
[1, 2, 3, 4, 5]
"""
from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
import traceback
from functools import partial
from multiprocessing import forkserver
from multiprocessing.reduction import ForkingPickler
from typing import Callable, Iterable, Iterator

from .errors import KgError
from .extract.document import extract
from .memory import give_back_large_blocks
from .model import Article, Extraction
from .signals import held

CHUNK = 4   # articles per item: small enough to keep both cores busy, large enough to amortise
AHEAD = 8   # items per worker that may be done before the results ahead of them are given


class WorkerError(KgError):
    """A worker process failed: its task raised, or the process ended (killed, out of memory)."""


def default_jobs() -> int:
    """The number of cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def extract_all(articles: list[Article], jobs: int = 1,
                then: Callable[[Extraction], object] | None = None) -> Iterator[tuple[Article, object]]:
    """Each article with its extraction, or the reason it could not be extracted, in order;
    ``then(extraction)`` instead of the extraction when ``then`` is given, made where the
    extraction is (in the worker): a build keeps its extractions pickled
    (:class:`kg.merge.Pickled`), which its workers make, so that it never makes their objects."""
    if jobs <= 1 or len(articles) <= 1:
        for article in articles:
            yield article, _extract(article, then)
        return
    chunks = [articles[i:i + CHUNK] for i in range(0, len(articles), CHUNK)]
    with Workers(partial(_extract_chunk, then=then), min(jobs, len(chunks))) as workers:
        for chunk, extractions in zip(chunks, workers.map(chunks)):
            yield from zip(chunk, extractions)


def _extract(article: Article, then: Callable[[Extraction], object] | None = None) -> object:
    try:
        x = extract(article)
    except KgError as exc:  # a bad article is reported by the caller, never fatal
        return str(exc)
    return x if then is None else then(x)


def _extract_chunk(articles: list[Article], then: Callable[[Extraction], object] | None = None) -> list:
    return [_extract(article, then) for article in articles]


class Workers:
    """``processes`` worker processes, each running ``task`` on one item at a time.

    Each worker has a pipe of its own and is sent its next item once it has sent back the
    last result: nothing is shared between the workers, so there is no lock that a worker
    killed halfway could keep, and no thread runs in this process for it. A task that
    raises, or a worker that ends (killed when memory runs out), is a :class:`WorkerError`,
    never a wait without end. :meth:`stop`, or leaving the ``with`` block, ends the
    workers at once.

    Workers start from a clean server process (forkserver), never by forking this one: a
    fork of a process with threads (a test runner, a browser driver) can hang on a lock.
    The server has imported every task's code already (:data:`PRELOADED`). Ctrl-C
    and SIGTERM wait until the workers are started (a second at most, the first time),
    so no worker is left half-started, and Ctrl-C is this process's to handle: the
    workers ignore it. Each worker is named after its task (``kg ArticleTexts`` in ``ps`` and
    ``top``: :func:`worker_name`). With ``paused``, a worker's cycle collector is paused for its whole
    life: for a task that makes millions of objects and keeps nearly all of them, whose
    passes the collector would otherwise walk again and again; and its large blocks are
    given back to the system as soon as they are freed (:mod:`kg.memory`), its memory being
    large. The other workers' memory stays small (an extraction, a chunk's text): they
    keep glibc's own rule, which makes a large block again from one freed in the heap,
    where a block given back is faulted in afresh, page by page, each time. The article
    graphs' workers took 50,000 page faults each instead of 255,000 at 1,000 articles, and
    1.3 s of system time instead of 2.0 s.
    """

    def __init__(self, task: Callable, processes: int, paused: bool = False):
        self._workers: list[tuple[multiprocessing.Process, multiprocessing.connection.Connection]] = []
        self._stopped = False
        context = _context()
        with held():
            try:
                for n in range(processes):
                    ours, theirs = context.Pipe()
                    process = context.Process(target=_serve, args=(task, theirs, paused), name=f"kg worker {n + 1}",
                                              daemon=True)
                    process.start()
                    theirs.close()
                    self._workers.append((process, ours))
            except BaseException:
                self.stop()
                raise

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def map(self, items: Iterable) -> Iterator:
        """``task(item)`` for each of ``items``, in their order; ends early once stopped.
        A map left before its end (an error, or the caller's choice) stops the workers:
        what they were doing would otherwise come back as the next map's results."""
        busy: dict = {}      # connection -> the number of the item it works on
        try:
            yield from self._map(items, busy)
        finally:
            if busy:
                self.stop()

    def _map(self, items: Iterable, busy: dict) -> Iterator:
        numbered = enumerate(items)
        idle = [connection for _, connection in reversed(self._workers)]
        done: dict = {}      # number -> result, until the results before it are given
        given = 0
        more = True
        while more or busy or done:
            while more and idle and len(done) + len(busy) < AHEAD * len(self._workers):
                item = next(numbered, None)
                if item is None:
                    more = False
                    break
                connection = idle.pop()
                busy[connection] = item[0]
                try:
                    connection.send(item[1])  # the worker is waiting for it, reading
                except OSError:  # it has ended: stopped, or _result tells how
                    if self._stopped:
                        return
                    break
                item = None  # sent: this process need not keep it
            while given in done:
                yield done.pop(given)
                given += 1
            if not busy:
                continue
            for connection in multiprocessing.connection.wait(list(busy)):
                if self._stopped:
                    return
                done[busy.pop(connection)] = self._result(connection)
                idle.append(connection)

    @property
    def processes(self) -> list[multiprocessing.Process]:
        """The worker processes."""
        return [process for process, _ in self._workers]

    def close(self) -> None:
        """Let each worker end by itself once it has sent its last result: its pipe is
        closed, so its next read ends it, and the system takes back its memory at once,
        not when :meth:`stop` is called. Nothing more can be mapped."""
        for _, connection in self._workers:
            connection.close()

    def stop(self) -> None:
        """End the workers now (what they were doing is lost); safe to call more than once."""
        self._stopped = True
        for process, _ in self._workers:
            if process.exitcode is None:
                process.kill()
        for process, _ in self._workers:
            process.join()

    def _result(self, connection) -> object:
        try:
            ok, value = connection.recv()
        except EOFError:  # the worker ended without a word
            process = next(p for p, c in self._workers if c is connection)
            process.join(timeout=5)
            raise WorkerError(f"a worker process ended unexpectedly ({_ending(process.exitcode)})") from None
        if not ok:
            raise WorkerError(f"a worker process failed: {value} (run with --jobs 1 to see where)")
        return value


class Background:
    """``task(item)`` run in a worker process while this one goes on: :meth:`result` waits
    for it (and raises a :class:`WorkerError` when it failed), :meth:`stop` ends it early.
    The worker ends as soon as its result is in, before :meth:`result` is asked: at
    10,000 articles the figures page's worker held 1.8 GB, and the story's text 0.6 GB,
    for a minute or more after their work, while the build was at its height.

    ``after`` another one, the worker starts only once that one's work is done (its
    result in, or it stopped): two large workers that would hold their memory at the same
    time then hold it one after the other, while this process goes on all the same.

    The worker's cycle collector is paused (see :class:`Workers`): a background task is a
    large one that keeps what it makes, and its process ends with it. At 1,000 articles
    the story's merge took 5.7 s of CPU with the collector, 3.2 s without (87.7 and 68.4 s
    at 10,000), and the views 7.0 s and 6.0 s, for 5 MB more memory.

    >>> first = Background(sorted, "kg")
    >>> then = Background(sorted, "ab", after=first)
    >>> then.result(), first.result()
    (['a', 'b'], ['g', 'k'])
    """

    def __init__(self, task: Callable, item: object, after: Background | None = None):
        self._given = [item]  # let go of once sent
        self._outcome: list = []
        self._lock = threading.Lock()  # between starting the worker and stopping it
        self._stopped = threading.Event()
        self._done = threading.Event()  # the outcome is in
        # Started here, Ctrl-C held meanwhile (Workers), unless it must wait for ``after``:
        # then by the thread, under the lock, so that stop() ends it once it has started.
        self._workers = Workers(task, 1, paused=True) if after is None else None
        self._thread = threading.Thread(target=self._run, args=(task, after), name="kg background", daemon=True)
        self._thread.start()

    def result(self) -> object:
        self._thread.join()
        self.stop()
        ok, value = self._outcome[0]
        if not ok:
            raise value
        return value

    def stop(self) -> None:
        with self._lock:
            self._stopped.set()
            workers = self._workers
        if workers is not None:
            workers.stop()
        self._thread.join()

    def _run(self, task: Callable, after: Background | None) -> None:
        try:
            if after is not None:
                while not after._done.wait(0.1) and not self._stopped.is_set():
                    pass
                with self._lock:
                    if self._stopped.is_set():
                        raise WorkerError("stopped before it began")
                    self._workers = Workers(task, 1, paused=True)
            self._outcome.append((True, next(self._workers.map(emptied(self._given)))))
        except BaseException as exc:  # raised by result(), in the caller's thread
            self._outcome.append((False, exc))
        finally:
            if self._workers is not None:
                self._workers.close()
            self._done.set()


def emptied(items: list) -> Iterator:
    """The items of ``items``, each let go of once given (the workers take them as they
    are sent).

    >>> items = [1, 2]; list(emptied(items)), items
    ([1, 2], [])
    """
    items.reverse()
    while items:
        yield items.pop()


#: What the worker server imports before it starts a worker: the modules of every task a
#: build gives a worker (extraction, the article graphs' texts, the story's merge, the views).
#: A worker is a fork of the server, so it runs the code the build began with, even when the
#: package on disk changes meanwhile (upgraded during a long build): a views worker that
#: imported its modules afresh once mixed a newer ``kg.network`` with an older ``kg.formats``.
PRELOADED = ("kg.extract.document", "kg.article_graphs", "kg.merge", "kg.views")


def _context():
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(list(PRELOADED))
        _start_server()
        return context
    return multiprocessing.get_context("spawn")


def _start_server() -> None:
    """Start the worker server, if it is not running, importing ``kg`` from where this
    process did. Python 3.11's server puts the folder it runs in first on its path and
    ignores the path it is given, so a ``kg`` in the folder a build ran from (another
    checkout) was the workers' ``kg``, not this one: it starts with that folder left off
    its path (``PYTHONSAFEPATH``, which Python 3.10 does not know: there the folder stays
    first) and this ``kg``'s folder first (``PYTHONPATH``)."""
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    saved = {name: os.environ.get(name) for name in ("PYTHONSAFEPATH", "PYTHONPATH")}
    os.environ["PYTHONSAFEPATH"] = "1"
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (here, saved["PYTHONPATH"]) if p)
    try:
        forkserver.ensure_running()
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _serve(task: Callable, connection, paused: bool = False) -> None:
    """A worker's life: an item in, ``(True, result)`` or ``(False, what went wrong)`` out;
    the cycle collector ``paused`` throughout and large blocks given back once freed
    (:mod:`kg.memory`), or neither (see :class:`Workers`)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _named(worker_name(task))
    if paused:
        give_back_large_blocks()
        gc.disable()
    while True:
        try:
            item = connection.recv()
        except EOFError:  # the build is over, or gone
            return
        try:
            answer = ForkingPickler.dumps((True, task(item)))
        except Exception as exc:  # told to the build, which raises it
            last = traceback.extract_tb(exc.__traceback__)[-1:]
            where = f" at {os.path.basename(last[0].filename)}:{last[0].lineno}" if last else ""
            answer = ForkingPickler.dumps((False, f"{type(exc).__name__}: {exc}{where}"))
        del item
        try:
            connection.send_bytes(answer)
        except OSError:  # the build is gone
            return
        del answer


def worker_name(task: Callable) -> str:
    """What a worker running ``task`` is called in ``ps`` and ``top`` (and by
    ``scripts/build-stages.py``): ``kg`` and the task's name, cut to the 15 characters a
    Linux process name holds.

    >>> worker_name(partial(_extract_chunk, then=None)), worker_name(sorted), worker_name(Workers)
    ('kg extract_chun', 'kg sorted', 'kg Workers')
    """
    task = task.func if isinstance(task, partial) else task
    name = getattr(task, "__name__", type(task).__name__)
    return f"kg {name.lstrip('_')}"[:15]


def _named(name: str) -> None:
    """This process called ``name`` where the system allows it (Linux: ``/proc/self/comm``)."""
    try:
        with open("/proc/self/comm", "w") as comm:
            comm.write(name)
    except OSError:
        pass


def _ending(exitcode: int | None) -> str:
    """How a process ended, in words.

    >>> _ending(-9), _ending(1)
    ('killed by signal SIGKILL; out of memory?', 'exit code 1')
    """
    if exitcode is not None and exitcode < 0:
        name = signal.Signals(-exitcode).name
        return f"killed by signal {name}" + ("; out of memory?" if name == "SIGKILL" else "")
    return f"exit code {exitcode}"
