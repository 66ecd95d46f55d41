#!/usr/bin/env python3
"""How often each reading rule is right on gold articles, and the confidence it earns.

    .venv/bin/python scripts/rule-precision.py tests/articles/dev            # print the table
    .venv/bin/python scripts/rule-precision.py tests/articles/dev --write    # and write it to
                                                                             # kg/extract/confidence.yaml

A statement counts as right when its speaker is the gold speaker, an event when its type is
the gold type, as `kg eval` names it (an arms transfer is the gold's `other`; dates aside:
they have their own rules). Confidence is smoothed,
(right + 1) / (found + 2), so a rule seen twice is not "certain".
"""
import collections
import sys
from datetime import date
from pathlib import Path

import yaml

from kg.evaluate import _Scorer, _gold_type, gold_files
from kg.extract.document import extract
from kg.ingest import read_article

TARGET = Path(__file__).resolve().parent.parent / "kg" / "extract" / "confidence.yaml"


def count(folder: str) -> tuple[collections.Counter, collections.Counter]:
    found, right = collections.Counter(), collections.Counter()
    for path in gold_files([folder]):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        x = extract(read_article(path.with_name(path.name[: -len(".gold.yaml")] + ".txt")))
        scorer = _Scorer(path.name, x, gold)
        scorer._actors()
        checks = {
            "statement": (x.statements, "cue", lambda s: s.cue,
                          lambda s, g: scorer._speaker_ok(s.speakers, g.get("speaker"))),
            "event": (x.events, "trigger", lambda e: e.trigger, lambda e, g: _gold_type(e.type) == g.get("type")),
        }
        for kind, (items, key, mark, good) in checks.items():
            left = list(items)
            wanted = [g for g in gold.get(kind + "s") or [] if isinstance(g, dict)]
            for g, best in scorer._pairs(wanted, left, key, mark, lambda item, g: (good(item, g),)):
                if best is not None:
                    left.remove(best)
                    found[kind, best.rule] += 1
                    right[kind, best.rule] += good(best, g)
            for item in left:
                found[kind, item.rule] += 1
    return found, right


def main(folder: str = "tests/articles/dev", *flags: str) -> None:
    found, right = count(folder)
    table: dict[str, dict] = {}
    for (kind, rule), n in sorted(found.items()):
        ok = right[kind, rule]
        table.setdefault(kind, {})[rule] = {"right": ok, "found": n, "confidence": round((ok + 1) / (n + 2), 2)}
        print(f"{kind:<10} {rule:<24} {ok:>4} / {n:<4} confidence {(ok + 1) / (n + 2):.2f}")
    if "--write" in flags:
        head = (f"# How often each reading rule was right on {folder} ({date.today()}): statements by\n"
                "# speaker, events by type. confidence = (right + 1) / (found + 2).\n"
                f"# Made by: .venv/bin/python scripts/rule-precision.py {folder} --write\n")
        TARGET.write_text(head + yaml.safe_dump(table, sort_keys=True), encoding="utf-8")
        print(f"wrote {TARGET}")


if __name__ == "__main__":
    main(*sys.argv[1:])
