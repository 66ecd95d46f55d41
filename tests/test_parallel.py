"""Worker processes (kg.parallel): results in order, and a failure is an error, never a wait."""
import gc
import os
import platform
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kg.parallel import Background, Workers, WorkerError


def _late(n: int) -> int:
    """``n`` squared, the smaller ``n`` the later."""
    time.sleep(0.02 * (5 - n % 5))
    return n * n


def test_results_come_in_the_items_order_whichever_worker_ends_first():
    with Workers(_late, processes=2) as workers:
        assert list(workers.map(range(20))) == [n * n for n in range(20)]
        assert list(workers.map([])) == []
        assert list(workers.map([7])) == [49]  # the workers serve one map after another


def test_a_task_that_raises_is_a_worker_error_naming_the_exception():
    with Workers(int, processes=2) as workers:
        with pytest.raises(WorkerError, match=r"a worker process failed: ValueError: invalid literal .*'x'"):
            list(workers.map(["1", "2", "x", "4"]))


def test_a_result_that_cannot_be_sent_back_is_a_worker_error():
    with Workers(threading.Lock, processes=1) as workers:  # a lock cannot be pickled
        with pytest.raises(WorkerError, match="a worker process failed: TypeError"):
            list(workers.map([()]))


@pytest.mark.parametrize("task, item, ending", [
    (signal.raise_signal, signal.SIGKILL, r"killed by signal SIGKILL; out of memory\?"),
    (sys.exit, 3, "exit code 3"),
])
def test_a_worker_that_dies_is_a_worker_error_not_a_wait_without_end(task, item, ending):
    with Workers(task, processes=2) as workers:
        with pytest.raises(WorkerError, match=f"a worker process ended unexpectedly \\({ending}\\)"):
            list(workers.map([item]))


def test_a_map_left_before_its_end_stops_the_workers():
    workers = Workers(_late, processes=2)
    results = workers.map(range(20))
    assert next(results) == 0
    results.close()
    assert all(not process.is_alive() for process in workers.processes)


def test_stopping_from_another_thread_ends_the_map_and_the_workers():
    workers = Workers(time.sleep, processes=2)
    given: list = []
    reader = threading.Thread(target=lambda: given.extend(workers.map([60, 60, 60])))
    reader.start()
    time.sleep(0.5)
    started = time.monotonic()
    workers.stop()
    reader.join(timeout=10)
    assert not reader.is_alive() and given == []
    assert time.monotonic() - started < 10
    assert all(not process.is_alive() for process in workers.processes)
    workers.stop()  # a second time does nothing


_SAME_IN_WORKERS = """
from kg.ingest import parse_article
from kg.parallel import CHUNK, extract_all
if __name__ == "__main__":
    articles = [parse_article(f"Kim Jong Un met Putin in Moscow on {d} June 2024.", f"{d}.txt")
                for d in range(1, 2 * CHUNK + 2)]
    alone = list(extract_all(articles, jobs=1))
    assert len(alone) == len(articles) and all(x.events for _, x in alone)
    assert list(extract_all(articles, jobs=2)) == alone
    print("same")
"""


def test_extraction_in_workers_gives_what_one_process_gives_in_order(tmp_path):
    # In an interpreter of its own: this one's extractor has been through every other test.
    # Compared as values (dataclasses), not as text.
    script = tmp_path / "same.py"
    script.write_text(_SAME_IN_WORKERS, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300,
                          cwd=Path(__file__).parent.parent)
    assert done.returncode == 0 and done.stdout == "same\n", done.stderr


def _collector_running(_) -> bool:
    return gc.isenabled()


def test_a_background_worker_runs_with_the_cycle_collector_paused_and_others_not():
    """A background task is one large one that keeps what it makes (the story's merge),
    whose objects the collector's passes would walk again and again."""
    assert Background(_collector_running, None).result() is False
    with Workers(_collector_running, processes=1) as workers:
        assert list(workers.map([None, None])) == [True, True]


def _pages_faulted_to_make_a_block_again(_) -> int:
    """The pages faulted in to make a block of 4 MiB once more, after a block of 8 MiB and
    one of 4 MiB were made and freed."""
    import resource

    for size in (8, 4):
        block = b"x" * (size << 20)  # every page written
        del block
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    block = b"x" * (4 << 20)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    del block
    return after - before


@pytest.mark.skipif(not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc",
                    reason="glibc's malloc and its page faults")
def test_a_background_worker_gives_its_large_blocks_back_and_others_make_them_again_from_their_heap():
    """A background worker's memory is large and given back as soon as it is freed: a block
    of 4 MiB is faulted in afresh (1,024 pages). A pool's worker keeps glibc's rule, and
    makes it again from the block it freed, its pages already there."""
    assert Background(_pages_faulted_to_make_a_block_again, None).result() >= 900
    with Workers(_pages_faulted_to_make_a_block_again, processes=1) as workers:
        assert all(faults < 100 for faults in workers.map([None, None]))


def test_a_background_task_gives_its_result_or_raises_what_went_wrong():
    assert Background(sorted, [3, 1, 2]).result() == [1, 2, 3]
    with pytest.raises(WorkerError, match="ValueError"):
        Background(int, "x").result()
    job = Background(time.sleep, 60)
    started = time.monotonic()
    job.stop()
    assert time.monotonic() - started < 10


def test_a_background_worker_ends_by_itself_once_its_result_is_in():
    """Its memory goes back to the system when its work is done, not when the build asks
    for the result (the figures page's worker held 1.8 GB for a minute or more)."""
    job = Background(sorted, [3, 1, 2])
    worker = job._workers.processes[0]
    worker.join(timeout=20)
    assert worker.exitcode == 0  # ended by itself: result() has not been asked yet
    assert job.result() == [1, 2, 3]
    failed = Background(int, "x")
    failed._workers.processes[0].join(timeout=20)
    assert failed._workers.processes[0].exitcode is not None  # ended too (stopped, as the map failed)
    with pytest.raises(WorkerError, match="ValueError"):
        failed.result()


def _woke_at(seconds: float) -> float:
    time.sleep(seconds)
    return time.time()


def test_a_background_worker_after_another_starts_once_that_one_is_done():
    """Two large workers hold their memory one after the other; the caller goes on."""
    first = Background(_woke_at, 1.0)
    then = Background(_woke_at, 0.0, after=first)
    assert then._workers is None  # not started yet: the first one is still at work
    assert then.result() >= first.result()
    sleeping = Background(time.sleep, 60)
    waiting = Background(sorted, "ab", after=sleeping)
    started = time.monotonic()
    waiting.stop()  # stopped while it waits: no worker is left behind
    assert time.monotonic() - started < 10 and waiting._workers is None
    with pytest.raises(WorkerError, match="stopped before it began"):
        waiting.result()
    sleeping.stop()


def test_the_worker_server_has_imported_every_task_a_build_gives_a_worker():
    """Workers fork from a server that imported their code when the build began, so a build
    never mixes that code with a newer copy on disk (a package upgraded meanwhile)."""
    from kg.article_graphs import _ArticleTexts, _graph_texts, _put_together
    from kg.rdf import pickled_story
    from kg.parallel import PRELOADED, _extract_chunk
    from kg.views import write_views_of

    code = subprocess.run([sys.executable, "-c", "import sys\n"
                           f"for name in {list(PRELOADED)!r}: __import__(name)\n"
                           "print(' '.join(sorted(sys.modules)))"], capture_output=True, text=True, check=True)
    loaded = set(code.stdout.split())
    for task in (_extract_chunk, _ArticleTexts, _graph_texts, _put_together, pickled_story, write_views_of):
        assert task.__module__ in loaded, task


@pytest.mark.skipif(platform.system() != "Linux", reason="the worker server (forkserver) is Linux's")
@pytest.mark.skipif(sys.version_info < (3, 11), reason="Python 3.10 has no PYTHONSAFEPATH")
def test_workers_run_the_kg_the_build_runs_not_one_in_the_folder_it_runs_from(tmp_path):
    """A build run from a folder holding another ``kg`` (a checkout) gives its workers its
    own: Python 3.11's worker server put that folder first on its path, and the workers
    imported the other ``kg``."""
    (tmp_path / "here" / "kg").mkdir(parents=True)
    (tmp_path / "here" / "kg" / "__init__.py").write_text("OTHER = True\n")
    (tmp_path / "here" / "kg" / "parallel.py").write_text("raise ImportError('the other kg')\n")
    script, root = tmp_path / "go.py", Path(__file__).parent.parent
    script.write_text("import kg\nfrom kg.parallel import Workers\nif __name__ == '__main__':\n"
                      "    with Workers(len, processes=1) as workers:\n"
                      "        print(kg.__file__, list(workers.map(['ab', 'c'])))\n")
    run = subprocess.run([sys.executable, str(script)], cwd=tmp_path / "here", capture_output=True, text=True,
                         timeout=120, env={**os.environ, "PYTHONPATH": str(root)})
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout == f"{root / 'kg' / '__init__.py'} [2, 1]\n"
