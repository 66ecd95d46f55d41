#!/usr/bin/env python3
"""Profile extraction, and compare its speed with a plain read-and-tokenise pass.

    scripts/profile-extract.py [N] [--seed S] [--top K] [--articles DIR ...]

Generates N articles (default 200) with scripts/gen-corpus.py (or reads the ``.txt`` files
under ``--articles``), extracts each once to warm up, times a second pass, then runs a
third under cProfile and prints the top functions by cumulative and by own time. Last it
prints ms/article for extraction and for the floor, and their ratio.

The floor (:func:`floor`) is what any reader of the same files must do: read the bytes,
decode them, split the text into sentences and words with one simple regex each. The lead's
benchmark imports it from here. Times are CPU time of this process, steadier than the clock
on a shared machine.
"""
from __future__ import annotations

import argparse
import cProfile
import importlib.util
import io
import pstats
import re
import sys
import tempfile
import time
from pathlib import Path

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
_WORD = re.compile(r"\w+")
_HERE = Path(__file__).resolve().parent


def floor(paths, repeat: int = 3) -> float:
    """Milliseconds per article to read, decode and split ``paths`` into sentences and words
    (best of ``repeat`` passes)."""
    paths = list(paths)
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        words = 0
        for path in paths:
            text = Path(path).read_bytes().decode("utf-8-sig")
            for sentence in _SENTENCE.findall(text):
                words += len(_WORD.findall(sentence))
        best = min(best, time.process_time() - started)
    return best * 1000 / max(1, len(paths))


def extraction(articles, repeat: int = 1) -> float:
    """Milliseconds per article for ``kg.extract.document.extract`` over read ``articles``
    (best of ``repeat`` passes; warm the caches first)."""
    from kg.extract.document import extract

    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        for article in articles:
            extract(article)
        best = min(best, time.process_time() - started)
    return best * 1000 / max(1, len(articles))


def generate(n: int, seed: int, folder: Path) -> list[Path]:
    """Write ``n`` generated articles into ``folder``; their paths."""
    spec = importlib.util.spec_from_file_location("gen_corpus", _HERE / "gen-corpus.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    paths = []
    for name, text in gen.articles(n, seed):
        path = folder / name
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
    return paths


def profile(articles, top: int) -> str:
    """The cProfile report of one extraction pass: top functions by cumulative, then own time."""
    from kg.extract.document import extract

    profiler = cProfile.Profile()
    profiler.enable()
    for article in articles:
        extract(article)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    print(f"--- top {top} by cumulative time", file=out)
    stats.sort_stats("cumulative").print_stats(top)
    print(f"--- top {top} by own time", file=out)
    stats.sort_stats("tottime").print_stats(top)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, nargs="?", default=200, help="articles to generate (default 200)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--top", type=int, default=25, help="functions to list (default 25)")
    parser.add_argument("--articles", type=Path, nargs="+", help="read .txt articles here instead")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(_HERE.parent))
    from kg.ingest import read_article

    with tempfile.TemporaryDirectory() as tmp:
        if args.articles:
            paths = sorted(p for folder in args.articles for p in folder.rglob("*.txt"))
        else:
            paths = generate(args.n, args.seed, Path(tmp))
        articles = [read_article(p) for p in paths]
        extraction(articles)  # warm up: lexicons, gazetteer, compiled patterns
        per_article = extraction(articles)
        print(profile(articles, args.top))
        base = floor(paths)
    print(f"articles: {len(paths)}")
    print(f"extract: {per_article:.2f} ms/article")
    print(f"floor:   {base:.3f} ms/article (read, decode, split sentences and words)")
    print(f"ratio:   {per_article / base:.1f}x the floor")
    return 0


if __name__ == "__main__":
    sys.exit(main())
