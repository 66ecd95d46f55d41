"""Extractions kept between builds, so that a build re-extracts only what changed.

An entry is keyed by the article (its text, metadata and file name: its content hash) and by
the extractor's version: a hash of the code and data that extraction depends on
(``kg/extract``, ``kg/lexicons``, ``kg/gazetteer``, the model and the reader). Changing any
of them, or the article, makes a new key; entries no build used are removed at the end of
a build. Entries are JSON (:mod:`kg.codec`): reading the cache never runs anything, and an
entry that does not read back is ignored and extracted again.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from .codec import decode, encode
from .model import Article, Extraction

ROOT = Path(__file__).resolve().parent
# What extraction depends on: change any of it and every entry is extracted again.
DEPENDS_ON = ("extract", "lexicons", "gazetteer", "model.py", "ingest", "lexicon.py", "gazetteer.py")


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """A hash of the extractor's code and data."""
    digest = hashlib.sha256()
    for name in DEPENDS_ON:
        path = ROOT / name
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in (".py", ".yaml", ".ttl")) \
            if path.is_dir() else [path]
        for file in files:
            digest.update(str(file.relative_to(ROOT)).encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def article_key(article: Article) -> str:
    """The cache key of one article: its content, metadata and id, and the extractor's version."""
    meta = encode(article)
    meta.pop("path", None)  # the same file read from another folder is the same article
    meta.pop("furniture", None)
    text = json.dumps(meta, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256((extractor_version() + text).encode("utf-8")).hexdigest()[:32]


class ExtractionCache:
    """A folder of cached extractions (``<build>/.cache/``)."""

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        self.used: set[str] = set()
        self.hits = self.misses = 0

    def get(self, article: Article) -> Extraction | None:
        """The cached extraction of ``article``, or None."""
        key = article_key(article)
        self.used.add(key)
        try:
            x = decode(Extraction, json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError):
            self.misses += 1
            return None
        x.article.path = article.path
        self.hits += 1
        return x

    def put(self, x: Extraction) -> None:
        """Keep ``x`` (written whole or not at all)."""
        key = article_key(x.article)
        self.used.add(key)
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".entry-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(json.dumps(encode(x), ensure_ascii=False))  # json.dump encodes in Python, 6x slower
            os.replace(tmp, self.folder / f"{key}.json")
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def prune(self) -> int:
        """Remove the entries this build did not use; return how many."""
        removed = 0
        for entry in self.folder.glob("*.json") if self.folder.is_dir() else []:
            if entry.stem not in self.used:
                entry.unlink(missing_ok=True)
                removed += 1
        return removed
