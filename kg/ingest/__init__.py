"""Read article files into :class:`~kg.model.Article` records.

One reader per format, chosen by the file name: ``.txt`` plain text and ``.md`` Markdown
(both with an optional YAML front matter block), ``.html``/``.htm`` a web page saved from a
browser, ``.jsonl`` one article per line. A file that is a web page whatever its name says
(it starts with ``<!DOCTYPE html`` or ``<html``) is read as a web page. Bytes become text in
:mod:`kg.ingest.decode`; every reader ends in :func:`kg.ingest.article.assemble`, which checks
the metadata and infers what is missing.

A problem with one article never stops the others: :func:`read_files` returns what it read
and, for each article skipped, the file and the reason.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import InputError
from ..model import Article
from .article import MAX_SIZE, detect_language, format_size, parse_article
from .decode import decode
from .html import looks_like_html, parse_html
from .jsonl import parse_lines
from .markdown import parse_markdown

__all__ = ["MAX_SIZE", "SUFFIXES", "Reading", "detect_language", "parse_article", "read_article",
           "read_file", "read_files"]

READERS = {".txt": parse_article, ".md": parse_markdown, ".html": parse_html, ".htm": parse_html}
SUFFIXES = (*READERS, ".jsonl")
FILE_FACTOR = 16
"""A file is not read at all when larger than this many times ``MAX_SIZE``: room for a web
page's markup around its text. A JSON Lines file has no such limit, only each article."""


@dataclass
class Reading:
    """The articles read, and the ones skipped (``{"file", "reason"}``) or warned about."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def skip(self, path: str | Path, error: InputError) -> None:
        """Record that (part of) ``path`` was skipped, and why."""
        self.skipped.append({"file": str(path), "reason": str(error)})


def read_article(path: str | Path, max_size: int = MAX_SIZE) -> Article:
    """The one article of a file; an :class:`InputError` naming the file and the problem."""
    reading = read_file(path, max_size)
    if reading.skipped:
        raise InputError(reading.skipped[0]["reason"])
    if len(reading.articles) != 1:
        raise InputError(f"{path}: holds {len(reading.articles)} articles, not one")
    return reading.articles[0]


def read_files(paths: Iterable[str | Path], max_size: int = MAX_SIZE) -> Reading:
    """Every article of ``paths``; the same text twice (byte for byte), or a second article
    with the same id, is read once and the other skipped naming the first."""
    reading = Reading()
    by_hash: dict[str, str] = {}
    by_id: dict[str, str] = {}
    for path in paths:
        one = read_file(path, max_size)
        reading.skipped += one.skipped
        reading.warnings += one.warnings
        for article in one.articles:
            if article.sha256 in by_hash:
                reading.skip(path, InputError(f"{article.path}: the same text as {by_hash[article.sha256]}, "
                                              "read once"))
            elif article.id in by_id:
                reading.skip(path, InputError(f"{article.path}: article id {article.id!r} is already "
                                              f"{by_id[article.id]}'s; rename one of them"))
            else:
                by_hash[article.sha256] = by_id[article.id] = article.path
                reading.articles.append(article)
    return reading


def read_file(path: str | Path, max_size: int = MAX_SIZE) -> Reading:
    """The articles of one file, and the reasons for what was skipped in it."""
    path = Path(path)
    reading = Reading()
    try:
        for item in _articles(path, max_size, reading.warnings):
            if isinstance(item, InputError):
                reading.skip(path, item)
            else:
                reading.articles.append(item)
    except InputError as exc:
        reading.skip(path, exc)
    return reading


def _articles(path: Path, max_size: int, warnings: list[str]) -> Iterator[Article | InputError]:
    jsonl = path.suffix.lower() == ".jsonl"
    raw = _read_bytes(path, None if jsonl else max_size * FILE_FACTOR)
    text, note = decode(raw, str(path))
    if note:
        warnings.append(note)
    if jsonl:
        yield from parse_lines(text, str(path), max_size)
    else:
        reader = parse_html if looks_like_html(text) else READERS.get(path.suffix.lower(), parse_article)
        yield reader(text, str(path), hashlib.sha256(raw).hexdigest(), max_size)


def _read_bytes(path: Path, limit: int | None) -> bytes:
    try:
        with path.open("rb") as f:
            raw = f.read() if limit is None else f.read(limit + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if limit is not None and len(raw) > limit:
        raise InputError(f"{path}: larger than {format_size(limit)}, the most a file may hold "
                         f"(16 times --max-size); not read")
    return raw
