#!/usr/bin/env python3
"""Instructions an article costs the extractor, counted by callgrind: steady on a busy machine,
where times are not.

    scripts/instructions.py CORPUS [--articles N] [--warm W]

Runs this script's ``--extract`` mode twice under ``valgrind --tool=callgrind``: both extract
the same ``W`` articles of ``CORPUS`` first (loading the lexicons and the gazetteer, filling
the caches), then one extracts ``N`` more and the other none. The difference of the two totals,
divided by ``N``, is what one article costs; the second total, less ``W`` articles' worth, is
what loading costs once. Needs valgrind (``apt-get install valgrind``). The kg package is the
one Python imports (``PYTHONPATH`` chooses another copy, to compare two commits).
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path


def articles(corpus: Path) -> list[Path]:
    """The article files of ``corpus``, in name order."""
    return sorted(p for p in corpus.rglob("*") if p.suffix in (".txt", ".md"))


def extract(paths: list[Path]) -> None:
    from kg.extract.document import extract as read
    from kg.ingest import parse_article
    for path in paths:
        read(parse_article(path.read_text(encoding="utf-8"), str(path)))


def collected(corpus: Path, warm: int, count: int) -> int:
    """Instructions callgrind counts for warming up on ``warm`` articles, then extracting ``count``."""
    run = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
                          __file__, str(corpus), "--extract", str(count), "--warm", str(warm)],
                         capture_output=True, text=True, check=True)
    found = re.search(r"Collected\s*:\s*(\d+)", run.stderr)
    if not found:
        raise SystemExit(f"callgrind printed no total:\n{run.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--articles", type=int, default=40, help="articles measured (default 40)")
    parser.add_argument("--warm", type=int, default=20, help="articles extracted first, in both runs (default 20)")
    parser.add_argument("--extract", type=int, default=None, help=argparse.SUPPRESS)  # the run under valgrind
    args = parser.parse_args()
    paths = articles(args.corpus)
    if args.extract is not None:
        extract(paths[len(paths) - args.warm:])
        extract(paths[:args.extract])
        return
    if len(paths) < args.articles + args.warm:
        raise SystemExit(f"{args.corpus}: {len(paths)} articles, fewer than {args.articles} + {args.warm}")
    with_articles = collected(args.corpus, args.warm, args.articles)
    without = collected(args.corpus, args.warm, 0)
    per_article = (with_articles - without) / args.articles
    print(f"articles: {args.articles} (after {args.warm} to warm up)")
    print(f"per article: {per_article / 1e6:.1f}M instructions")
    print(f"loading and warming up: {without / 1e6:.0f}M instructions")


if __name__ == "__main__":
    main()
