"""JSON Lines: one article per line, ``{"text": ..., "title": ..., "published": ...}``.

``text`` is required; ``title``, ``url``, ``publisher``, ``published``, ``language``,
``dateline`` and ``id`` may be given. A line's article is ``<file stem>-<line number>``
unless it has an ``id``. A bad line is skipped with its reason; the other lines are read.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from ..model import Article
from .article import FIELDS, MAX_SIZE, assemble, check_fields

KEYS = ("text", "id", *FIELDS)


def parse_lines(text: str, path: str, max_size: int = MAX_SIZE) -> Iterator[Article | InputError]:
    """Each non-blank line's article, or the error that skips it."""
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                yield parse_line(line, f"{path}:{number}", f"{Path(path).stem}-{number}", max_size)
            except InputError as exc:
                yield exc


def parse_line(line: str, where: str, default_id: str, max_size: int = MAX_SIZE) -> Article:
    """The article of one line; ``where`` is ``file:line``."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected an object {{\"text\": ...}}, not a {type(record).__name__}")
    unknown = sorted(set(record) - set(KEYS))
    if unknown:
        raise InputError(f"{where}: unknown field(s) {', '.join(unknown)}; known: {', '.join(KEYS)}")
    wrong = sorted(k for k, v in record.items() if v is not None and not isinstance(v, str))
    if wrong:
        raise InputError(f"{where}: field(s) {', '.join(wrong)} must be strings")
    if not (record.get("text") or "").strip():
        raise InputError(f"{where}: no 'text'")
    meta = check_fields({k: v for k, v in record.items() if k in FIELDS}, where)
    return assemble(meta, record["text"], where, sha256=hashlib.sha256(line.encode("utf-8")).hexdigest(),
                    article_id=record.get("id") or default_id, max_size=max_size)
