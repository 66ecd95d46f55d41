"""Extraction in worker processes: ``kg build --jobs N``.

Articles are sent to N workers in small chunks and their extractions come back in the
articles' order, so a parallel build writes the same bytes as a sequential one. With one
job (or one article) nothing is started: extraction runs in this process.
"""
from __future__ import annotations

import multiprocessing
import multiprocessing.pool
import os
import signal
from typing import Iterator

from .errors import KgError
from .extract.document import extract
from .model import Article, Extraction

CHUNK = 4   # articles per task: small enough to keep both cores busy, large enough to amortise


def default_jobs() -> int:
    """The number of cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _quiet() -> None:
    """In a worker: Ctrl-C is the parent's to handle (it stops the pool)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _extract(article: Article) -> Extraction | str:
    try:
        return extract(article)
    except KgError as exc:  # a bad article is reported by the caller, never fatal
        return str(exc)


def extract_all(articles: list[Article], jobs: int = 1) -> Iterator[tuple[Article, Extraction | str]]:
    """Each article with its extraction, or the reason it could not be extracted, in order."""
    if jobs <= 1 or len(articles) <= 1:
        for article in articles:
            yield article, _extract(article)
        return
    with pool(min(jobs, len(articles))) as workers:
        yield from zip(articles, workers.imap(_extract, articles, chunksize=CHUNK))


def pool(processes: int) -> multiprocessing.pool.Pool:
    """``processes`` worker processes that leave Ctrl-C to this one.

    Workers start from a clean server process (forkserver), never by forking this one: a
    fork of a process with threads (a test runner, a browser driver) can hang on a lock.
    The server has imported the extractor and the article graphs' writers already.
    """
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["kg.extract.document", "kg.article_graphs"])
    else:
        context = multiprocessing.get_context("spawn")
    return context.Pool(processes, initializer=_quiet)
