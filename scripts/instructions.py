#!/usr/bin/env python3
"""Instructions an article costs the extractor, or the article graphs' workers (callgrind).

Counted by callgrind, they are steady on a busy machine, where times are not.

    scripts/instructions.py CORPUS [--articles N] [--warm W] [--article-graphs]

Runs this script twice under ``valgrind --tool=callgrind``: both extract the same ``W``
articles of ``CORPUS`` first (loading the lexicons and the gazetteer, filling the caches),
then one extracts ``N`` more and the other none. The difference of the two totals, divided
by ``N``, is what one article costs; the second total, less ``W`` articles' worth, is what
loading costs once. Needs valgrind (``apt-get install valgrind``). The kg package is the
one Python imports (``PYTHONPATH`` chooses another copy, to compare two commits).

``--article-graphs`` counts what a worker of :mod:`kg.article_graphs` spends on an
article instead: its graph made again from the pickled extraction, its TriG and N-Quads,
and its part of the union's Turtle and JSON-LD. The ``W + N`` articles are extracted
first, outside callgrind, as a build would give them to the workers (their actor keys
reconciled, the prefixes and the union's shared subjects found); both runs then load that,
and write ``W`` articles' parts, then ``N`` more or none.
"""
from __future__ import annotations

import argparse
import pickle
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Iterator


def articles(corpus: Path) -> list[Path]:
    """The article files of ``corpus``, in name order."""
    return sorted(p for p in corpus.rglob("*") if p.suffix in (".txt", ".md"))


def extracted(paths: list[Path]) -> Iterator:
    """The extraction of each of ``paths``, in turn."""
    from kg.extract.document import extract
    from kg.ingest import parse_article
    for path in paths:
        yield extract(parse_article(path.read_text(encoding="utf-8"), str(path)))


def prepare(paths: list[Path], file: Path) -> None:
    """Write into ``file`` what the article graphs' workers are given for ``paths``: the
    prefixes, the union's subjects they leave out, and the pickled extractions, in order."""
    from kg.article_graphs import _UnionSplit, _with_generated_prefixes
    from kg.formats import trig_prefixes
    from kg.merge import reconcile_actors
    from kg.rdf import article_graph_iri, article_iri, article_quads

    xs = list(extracted(paths))
    reconcile_actors(xs)
    quads = article_quads(xs)
    prefixes, _ = trig_prefixes(_with_generated_prefixes(quads))
    split = _UnionSplit.of(quads, {article_graph_iri(x.article.id): str(article_iri(x.article.id)) for x in xs})
    shared = None if split is None else split.shared
    with file.open("wb") as out:
        pickle.dump((prefixes, shared, [pickle.dumps(x) for x in xs]), out)


def write_article_graphs(file: Path, warm: int, count: int) -> None:
    """The article graphs' parts of the first ``warm`` extractions of ``file`` (:func:`prepare`),
    then of ``count`` more, a worker's chunk at a time."""
    from kg.article_graphs import EXTRACTIONS, _ArticleTexts, _spilled
    from kg.parallel import CHUNK

    with file.open("rb") as given:
        prefixes, shared, pickled = pickle.load(given)
    with tempfile.TemporaryDirectory() as parts:
        write = _ArticleTexts(prefixes, Path(parts), shared)
        places = _spilled([pickled], Path(parts, EXTRACTIONS))[0]
        for start, end in ((0, warm), (warm, warm + count)):
            for k in range(start, end, CHUNK):
                write((k, places[k:min(k + CHUNK, end)]))


def collected(mode: list[str], count: int, warm: int) -> int:
    """Instructions callgrind counts for this script's run in ``mode`` on ``warm`` articles, then ``count``."""
    run = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
                          __file__, *mode, str(count), "--warm", str(warm)],
                         capture_output=True, text=True, check=True)
    found = re.search(r"Collected\s*:\s*(\d+)", run.stderr)
    if not found:
        raise SystemExit(f"callgrind printed no total:\n{run.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--articles", type=int, default=40, help="articles measured (default 40)")
    parser.add_argument("--warm", type=int, default=20, help="articles done first, in both runs (default 20)")
    parser.add_argument("--article-graphs", action="store_true",
                        help="count the article graphs' workers instead of the extractor")
    parser.add_argument("--extract", type=int, default=None, help=argparse.SUPPRESS)  # the runs under valgrind
    parser.add_argument("--write-graphs", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.extract is not None:
        paths = articles(args.corpus)
        for _ in extracted(paths[len(paths) - args.warm:] + paths[:args.extract]):
            pass  # each let go of at once
        return
    if args.write_graphs is not None:
        write_article_graphs(args.corpus, args.warm, args.write_graphs)
        return
    paths = articles(args.corpus)
    if len(paths) < args.articles + args.warm:
        raise SystemExit(f"{args.corpus}: {len(paths)} articles, fewer than {args.articles} + {args.warm}")
    with tempfile.TemporaryDirectory() as tmp:
        if args.article_graphs:
            given = Path(tmp, "given.pickle")
            prepare(paths[:args.warm + args.articles], given)
            mode = [str(given), "--write-graphs"]
        else:
            mode = [str(args.corpus), "--extract"]
        with_articles = collected(mode, args.articles, args.warm)
        without = collected(mode, 0, args.warm)
    per_article = (with_articles - without) / args.articles
    print(f"articles: {args.articles} (after {args.warm} to warm up)")
    print(f"per article: {per_article / 1e6:.1f}M instructions")
    print(f"loading and warming up: {without / 1e6:.0f}M instructions")


if __name__ == "__main__":
    main()
