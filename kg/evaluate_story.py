"""Scoring the merged story against ``story.gold.yaml``: merge precision and recall.

A folder of articles may hold one ``story.gold.yaml`` besides the articles' own gold files:
what a careful reader of all of them knows, one entry per real-world thing (the format is in
``tests/articles/story/README.md``). ``kg eval`` scores it when it finds it:

- **actors merged**: pairs of names of one real-world actor that the build gives one key
  (recall), and pairs given one key that are one actor (precision); names written the
  same for two actors ("Kim") are left out, but two actors the gold says are not the same
  must never share a key;
- **events merged**, **statements merged**: pairs of reports in different articles of one
  real-world event (statement) that the build merges (recall), and pairs it merges that
  are one (precision); a report is found when an extracted event's trigger (a statement's
  cue) overlaps the gold's words in that article;
- **claims**: figures (article, measure, value) as the build gives them;
- **first reports**: the merged statement's first report is the gold's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

import yaml

from .errors import InputError
from .evaluate import Score, score_lines
from .extract.document import extract
from .ingest import read_article
from .lexicon import load
from .measures import measure
from .merge import merge_events, merge_statements, reconcile_actors
from .model import Extraction, Span

STORY_GOLD = "story.gold.yaml"
CATEGORIES = ("actors merged", "events merged", "statements merged", "claims", "first reports")


@dataclass
class StoryResult:
    """The merge scores of one story folder, and what went wrong."""

    name: str
    scores: dict[str, Score] = field(default_factory=lambda: {c: Score() for c in CATEGORIES})
    errors: list[str] = field(default_factory=list)


def evaluate_story(gold_path: str | Path) -> StoryResult:
    """Build the articles beside ``gold_path`` into one story and score the merge."""
    gold_path = Path(gold_path)
    try:
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise InputError(f"{gold_path}: cannot read the story gold: {e}") from None
    if not isinstance(gold, dict):
        raise InputError(f"{gold_path}: a story gold file is a YAML mapping")
    xs = [extract(read_article(p)) for p in sorted(gold_path.parent.glob("*.txt"))]
    reconcile_actors(xs)
    result = StoryResult(str(gold_path.parent))
    by_id = {x.article.id: x for x in xs}
    _actors(gold.get("actors") or [], xs, result)
    events = merge_events(xs)
    clusters = {}
    for n, story in enumerate(events):
        clusters.update({item.id: f"e{n}" for _, item in story.members})
    _pairs("events merged", gold.get("events") or [], "mentions", "trigger", by_id, clusters,
           lambda x: x.events, lambda e: [e.trigger, *e.mentions], result)
    statements = merge_statements(xs, events=events)
    clusters = {}
    for n, story in enumerate(statements):
        clusters.update({item.id: f"s{n}" for _, item in story.members})
    _pairs("statements merged", gold.get("statements") or [], "reports", "cue", by_id, clusters,
           lambda x: x.statements, lambda s: [s.cue], result)
    _first_reports(gold.get("statements") or [], by_id, statements, result)
    _claims(gold.get("claims") or [], xs, result)
    return result


def _score(found: set, gold: set) -> Score:
    return Score(right=len(found & gold), found=len(found), gold=len(gold))


def _actors(gold: list[dict], xs: list[Extraction], result: StoryResult) -> None:
    keys: dict[str, set[str]] = {}
    for x in xs:
        for key, actor in x.actors.items():
            for surface in {actor.label, *(m.text for m in actor.mentions)}:
                keys.setdefault(surface.casefold(), set()).add(key)
    owners: dict[str, set[str]] = {}
    for entry in gold:
        for name in entry.get("names") or []:
            owners.setdefault(name.casefold(), set()).add(entry["name"])
    found = {n: next(iter(keys[n])) for n, o in owners.items() if len(o) == 1 and len(keys.get(n, ())) == 1}
    gold_pairs = {frozenset(p) for entry in gold
                  for p in combinations(sorted({n.casefold() for n in entry.get("names") or []} & set(found)), 2)}
    system_pairs = {frozenset(p) for p in combinations(sorted(found), 2) if found[p[0]] == found[p[1]]}
    result.scores["actors merged"] = _score(system_pairs, gold_pairs)
    for pair in sorted(system_pairs - gold_pairs, key=sorted):
        result.errors.append(f"actors: {' / '.join(sorted(pair))} merged, but they are two")
    for pair in sorted(gold_pairs - system_pairs, key=sorted):
        result.errors.append(f"actors: {' / '.join(sorted(pair))} not merged")
    for entry in gold:
        for other in entry.get("not_same_as") or []:
            mine = {k for n in [entry["name"]] for k in keys.get(n.casefold(), ())}
            theirs = {k for k in keys.get(other.casefold(), ())}
            if mine & theirs:
                result.scores["actors merged"].found += 1
                result.errors.append(f"actors: {entry['name']} and {other} share a key")


def _at(text: str, words: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(words), text)]


def _find(x: Extraction, items, spans_of, words: str) -> str | None:
    """The extracted item whose spans overlap an occurrence of ``words`` in the article."""
    places = _at(x.article.text, words)
    for item in items(x):
        for span in spans_of(item):
            if any(span.start < end and start < span.end for start, end in places):
                return item.id
    return None


def _pairs(category: str, gold: list[dict], list_key: str, words_key: str, by_id: dict,
           clusters: dict[str, str], items, spans_of, result: StoryResult) -> None:
    """Pairwise merge precision and recall over reports found in different articles."""
    found: dict[tuple[str, str], tuple[str, str]] = {}   # (article, item id) -> (gold id, cluster)
    for n, entry in enumerate(gold):
        gid = entry.get("id") or f"{entry.get('speaker', '')}/{entry.get('kind', '')}/{n}"
        for report in entry.get(list_key) or []:
            x = by_id.get(report["article"])
            if x is None:
                result.errors.append(f"{category}: no article {report['article']}")
                continue
            item = _find(x, items, spans_of, report[words_key])
            if item is None:
                result.errors.append(f"{category}: {gid}: {report['article']} \u201c{report[words_key]}\u201d not extracted")
                continue
            found.setdefault((x.article.id, item), (gid, clusters.get(item, item)))
    reports = sorted(found)
    cross = [(a, b) for a, b in combinations(reports, 2) if a[0] != b[0]]
    gold_pairs = {p for p in cross if found[p[0]][0] == found[p[1]][0]}
    system_pairs = {p for p in cross if found[p[0]][1] == found[p[1]][1]}
    result.scores[category] = _score(system_pairs, gold_pairs)
    missed = {}
    for a, b in sorted(gold_pairs - system_pairs):
        missed.setdefault(found[a][0], []).append(f"{a[0]}~{b[0]}")
    for gid, pairs in missed.items():
        result.errors.append(f"{category}: {gid}: not merged: {', '.join(pairs[:4])}"
                             + (f" (+{len(pairs) - 4})" if len(pairs) > 4 else ""))
    for a, b in sorted(system_pairs - gold_pairs):
        result.errors.append(f"{category}: merged but different: {a[1]} ({found[a][0]}) ~ {b[1]} ({found[b][0]})")


def _first_reports(gold: list[dict], by_id: dict, statements, result: StoryResult) -> None:
    score = result.scores["first reports"]
    cluster_of = {item.id: story for story in statements for _, item in story.members}
    for entry in gold:
        want = entry.get("first_report")
        if not want:
            continue
        score.gold += 1
        stories = [cluster_of[item] for r in entry.get("reports") or [] if r["article"] in by_id
                   for item in [_find(by_id[r["article"]], lambda x: x.statements, lambda s: [s.cue], r["cue"])]
                   if item in cluster_of]
        if not stories:
            continue
        story = max(stories, key=stories.count)
        if len(story.members) < 2:
            continue
        score.found += 1
        first = story.first()[0].article.id
        if first == want:
            score.right += 1
        else:
            result.errors.append(f"first reports: {entry.get('speaker')} ({entry.get('kind')}): {first}, not {want}")


def _claims(gold: list[dict], xs: list[Extraction], result: StoryResult) -> None:
    system: list[tuple[str, str, int]] = []
    for x in xs:
        seen: set[Span] = set()
        lex = load(x.article.language)
        for e in x.events:
            counts = measure(e, lex, x.article.text)
            if counts and e.quantity.span not in seen:
                seen.add(e.quantity.span)
                system.append((x.article.id, counts, e.quantity.value))
    wanted = [(c["article"], c["quantity"], c["value"]) for c in gold if c.get("value") is not None]
    left = list(wanted)
    right = 0
    for claim in system:
        if claim in left:
            left.remove(claim)
            right += 1
        else:
            result.errors.append(f"claims: {claim[0]}: {claim[1]} {claim[2]} is not in the gold")
    for claim in left:
        result.errors.append(f"claims: {claim[0]}: {claim[1]} {claim[2]} missed")
    result.scores["claims"] = Score(right=right, found=len(system), gold=len(wanted))


def story_table(result: StoryResult) -> str:
    """A plain-text table of the merge scores."""
    return f"{result.name}: the merged story ({STORY_GOLD})\n" + score_lines(result.scores, 18)
