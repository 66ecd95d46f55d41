#!/usr/bin/env python3
"""Score the extractor on the development articles: ./.venv/bin/python scripts/evaluate.py [DIR]

Prints, per language and check, how many gold items the extractor got right.
"""
import sys
from pathlib import Path

from kg.evaluate import score, total


def main(folder: str = "tests/articles") -> None:
    by_language: dict[str, list] = {}
    for gold in sorted(Path(folder).glob("*.gold.yaml")):
        article = gold.with_name(gold.name.replace(".gold.yaml", ".txt"))
        by_language.setdefault(article.name[:2], []).append(score(article, gold))
    for language, scores in sorted(by_language.items()):
        print(f"{language} ({len(scores)} articles)")
        for check, (right, n) in total(scores).items():
            print(f"  {check:<18} {right:>4} / {n:<4} {100 * right / n if n else 0:5.1f}%")


if __name__ == "__main__":
    main(*sys.argv[1:])
