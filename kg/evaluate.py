"""Score the extractor against gold annotations (``tests/articles/*.gold.yaml``).

Matching is greedy in text order and deliberately simple, so the numbers are easy to read:

- a statement matches a gold statement when one of its speakers' names shares a word with
  the gold speaker('s first name, for lists); then its date and kind are compared;
- an event matches a gold event of the same type; then its factuality and date are compared;
- a time matches when it covers the gold text; then its value is compared.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml

from .extract.document import extract
from .ingest import read_article
from .model import Extraction, TimeExpr


def score(article: str | Path, gold: str | Path) -> dict[str, tuple[int, int]]:
    """Counts ``(right, total)`` per check for one article and its gold file."""
    x = extract(read_article(article))
    g = yaml.safe_load(Path(gold).read_text(encoding="utf-8"))
    result = {"published": (int(str(x.article.published) == str(g.get("published"))), 1)}
    result.update(_statements(x, g.get("statements") or []))
    result.update(_events(x, g.get("events") or []))
    result.update(_times(x, g.get("times") or []))
    return result


def _names(x: Extraction, keys: list[str]) -> set[str]:
    words = set()
    for key in keys:
        actor = x.actors[key]
        for label in {actor.label, *actor.labels.values()}:
            words.update(w.casefold() for w in label.split())
    return words


def _iso(t: TimeExpr | None) -> str | None:
    if t is None:
        return None
    return str(t.day or t.begin) if (t.day or t.begin) else None


def _statements(x: Extraction, gold: list[dict]) -> dict:
    found, speaker, when, kind = list(x.statements), 0, 0, 0
    for g in gold:
        who = g["speaker"][0] if isinstance(g["speaker"], list) else g["speaker"]
        wanted = {w.casefold() for w in str(who).split()}
        hit = next((s for s in found if wanted & _names(x, s.speakers)), None)
        if hit is None:
            continue
        found.remove(hit)
        speaker += 1
        when += _iso(hit.time) == (str(g["date"]) if g.get("date") else None)
        kind += hit.kind == g.get("kind")
    n = len(gold)
    return {"statement speaker": (speaker, n), "statement date": (when, n), "statement kind": (kind, n)}


def _events(x: Extraction, gold: list[dict]) -> dict:
    found, typed, fact, when = list(x.events), 0, 0, 0
    for g in gold:
        hit = next((e for e in found if e.type == g["type"]), None)
        if hit is None:
            continue
        found.remove(hit)
        typed += 1
        fact += hit.factuality == g.get("factuality")
        when += _iso(hit.time) == (str(g["date"]) if g.get("date") else None)
    n = len(gold)
    return {"event type": (typed, n), "event factuality": (fact, n), "event date": (when, n),
            "event extra": (len(found), len(x.events))}


def _times(x: Extraction, gold: list[dict]) -> dict:
    right, covered = 0, 0
    for g in gold:
        hit = next((t for t in x.times if g["text"] in t.span.text or t.span.text in g["text"]), None)
        if hit is None:
            continue
        covered += 1
        right += (hit.value or None) == (str(g["value"]) if g.get("value") else None)
    return {"time found": (covered, len(gold)), "time value": (right, len(gold))}


def total(scores: list[dict[str, tuple[int, int]]]) -> dict[str, tuple[int, int]]:
    """Sum the counts of several articles."""
    out: dict[str, tuple[int, int]] = {}
    for s in scores:
        for k, (a, b) in s.items():
            r, n = out.get(k, (0, 0))
            out[k] = (r + a, n + b)
    return out
