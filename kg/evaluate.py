"""Score the extractor against gold annotations: precision, recall and F1 per category.

A gold file ``NAME.gold.yaml`` sits beside its article ``NAME.txt``; its format is described
in ``tests/articles/README.md``. Each gold item is anchored in the text where its cue,
trigger or time expression is written (searched in text order), and is paired with what the
extractor found in the same sentence. The categories:

- ``actors``: an extracted actor is right when one of its names or mentions is a name or
  alias of a gold actor of the same type;
- ``statements``: right when the speaker(s) and the date (first and last day) are right;
- ``events``: right when the type and the date are right;
- ``dates``: a time expression is right when its normalised value is the gold value;
- ``factuality``: accuracy over the events whose type was found;
- ``agents``, ``targets``, ``themes``, ``partners`` and ``places``: over the events whose type
  was found, who acts, against whom, on whom, with whom, and where: an event's agents (or
  targets, themes, partners) are right when they are the gold ones (all of them, by name);
  its place when one of its places is the gold place (by a name or alias);
- ``speakers`` and ``event types``: the statements with the right speaker(s) and the events
  with the right type, whatever their dates (to tell a wrong date from a wrong reading);
- ``explicit dates``: the gold times that need no anchor ("Selasa (12/11/2024)", "Oct. 8"),
  right / gold.

Precision is right / extracted, recall is right / gold. Every miss is listed as an error.

>>> Score(right=3, found=4, gold=6).f1
0.6
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from .errors import InputError
from .extract.document import extract
from .ingest import read_article
from .model import Actor, Event, Extraction, Span, TimeExpr

CATEGORIES = ("actors", "statements", "events", "dates", "factuality", "speakers", "event types",
              "explicit dates", "agents", "targets", "themes", "partners", "places")


@dataclass
class Score:
    """Counts for one category: ``right`` of ``found`` extracted items, against ``gold`` items."""

    right: int = 0
    found: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0 if not self.gold else 0.0

    @property
    def recall(self) -> float:
        return self.right / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return round(2 * p * r / (p + r), 4) if p + r else 0.0

    def __iadd__(self, other: "Score") -> "Score":
        self.right, self.found, self.gold = (self.right + other.right, self.found + other.found,
                                             self.gold + other.gold)
        return self


@dataclass
class Result:
    """The scores and errors of one article (or the sum of several)."""

    name: str
    scores: dict[str, Score] = field(default_factory=lambda: {c: Score() for c in CATEGORIES})
    errors: list[str] = field(default_factory=list)

    def add(self, other: "Result") -> None:
        for category, score in other.scores.items():
            self.scores[category] += score
        self.errors.extend(f"{other.name}: {e}" for e in other.errors)


def evaluate(gold_path: str | Path) -> Result:
    """Extract the article beside ``gold_path`` and score it against the gold."""
    gold_path = Path(gold_path)
    if not gold_path.name.endswith(".gold.yaml"):
        raise InputError(f"{gold_path}: a gold file's name ends in .gold.yaml")
    article = gold_path.with_name(gold_path.name[: -len(".gold.yaml")] + ".txt")
    if not article.exists():
        raise InputError(f"{gold_path}: no article beside it ({article.name} is missing)")
    try:
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        raise InputError(f"{gold_path}: not valid YAML: {e}") from None
    if not isinstance(gold, dict):
        raise InputError(f"{gold_path}: a gold file is a YAML mapping")
    x = extract(read_article(article))
    return _Scorer(gold_path.name[: -len(".gold.yaml")], x, gold).run()


def gold_files(paths: list[str | Path]) -> list[Path]:
    """The gold files named, or found (recursively) in the folders named, sorted."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():  # a folder's story.gold.yaml is scored by kg.evaluate_story
            found.extend(sorted(p for p in path.rglob("*.gold.yaml") if p.name != "story.gold.yaml"))
        elif path.exists():
            found.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return found


# --- normalising names and dates --------------------------------------------------------------

def norm(name: str) -> str:
    """A name for comparison: no accents, case, leading article, possessive or punctuation.

    >>> norm("the Pentagon's"), norm("Zoë Müller")
    ('pentagon', 'zoe muller')
    """
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    name = re.sub(r"['’]s\b", "", name)
    name = re.sub(r"[^\w\s]", " ", name)
    name = re.sub(r"^(the|a|an|sang|para)\s+", "", name.strip())
    return " ".join(name.split())


#: The event types the gold annotations use (tests/articles/README.md); any other type the
#: extractor gives (an arms transfer) is one of the gold's ``other`` events.
GOLD_EVENT_TYPES = frozenset({"deployment", "movement", "combat", "casualties", "attack", "treaty", "meeting",
                              "training", "withdrawal", "other"})


def _gold_type(found: str) -> str:
    """The gold's name for an event type found: itself, or ``other`` when the gold has none.

    >>> _gold_type("combat"), _gold_type("arms_transfer")
    ('combat', 'other')
    """
    return found if found in GOLD_EVENT_TYPES else "other"


def _days(t: TimeExpr | None) -> tuple[date | None, date | None]:
    if t is None:
        return None, None
    return t.begin, t.end


def _gold_days(item: dict) -> tuple[date | None, date | None]:
    first, last = item.get("date"), item.get("end")
    first = _as_date(first)
    last = _as_date(last) if last is not None else first
    return first, last


def _as_date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def _show(days: tuple[date | None, date | None]) -> str:
    first, last = days
    if first == last:
        return str(first) if first else "none"
    return f"{first or '..'}/{last or '..'}"


# --- scoring ----------------------------------------------------------------------------------

class _Scorer:
    def __init__(self, name: str, x: Extraction, gold: dict):
        self.x, self.gold, self.text = x, gold, x.article.text
        self.result = Result(name)
        self.gold_actors = [a for a in gold.get("actors") or [] if isinstance(a, dict)]
        self.pairs: dict[str, int] = {}  # extracted actor key -> index of its gold actor

    def run(self) -> Result:
        self._actors()
        self._statements()
        self._events()
        self._dates()
        return self.result

    def _error(self, message: str) -> None:
        self.result.errors.append(message)

    def _anchor(self, wanted: str | None, after: int) -> int | None:
        """Where ``wanted`` is written: first after ``after``, else anywhere."""
        if not wanted:
            return None
        start = self.text.find(wanted, max(after, self.x.article.body_start))
        return start if start >= 0 else (self.text.find(wanted) if wanted in self.text else None)

    def _pairs(self, gold: list[dict], found: list, key: str, mark, rank):
        """Each gold item, in text order, with the extracted item of its sentence that ranks
        best (``None`` when there is none); ``key`` names the gold words that anchor it."""
        after = 0
        for g in gold:
            at = self._anchor(g.get(key), after)
            after = at + 1 if at is not None else after
            near = [x for x in found if at is not None and _covers(x.sentence, mark(x), at)]
            yield g, _best(near, lambda x: rank(x, g))

    # actors
    def _gold_names(self, i: int) -> set[str]:
        g = self.gold_actors[i]
        return {norm(n) for n in [g.get("name", ""), *(g.get("aliases") or [])] if n}

    def _actor_names(self, actor: Actor) -> set[str]:
        names = {actor.label, *actor.labels.values(), *(m.text for m in actor.mentions)}
        return {norm(n) for n in names if n}

    def _gold_index(self, actor: Actor) -> int | None:
        """The gold actor this extracted actor is, by a shared name (type aside)."""
        names = self._actor_names(actor)
        for i in range(len(self.gold_actors)):
            if names & self._gold_names(i):
                return i
        for i, g in enumerate(self.gold_actors):  # "duta besar Rusia" for "duta besar Rusia di Seoul"
            if g.get("type") == actor.type and any(
                    len(a.split()) >= 2 and (b.startswith(a + " ") or a.startswith(b + " "))
                    for a in names for b in self._gold_names(i)):
                return i
        if actor.type == "person":  # "Jane Roe" written in full in gold, "Roe" found
            for i, g in enumerate(self.gold_actors):
                if g.get("type") == "person" and norm(actor.label).split()[-1:] == norm(g.get("name", "")).split()[-1:]:
                    return i
        return None

    def _actors(self) -> None:
        score = self.result.scores["actors"]
        score.gold, score.found = len(self.gold_actors), len(self.x.actors)
        taken: set[int] = set()
        for key, actor in self.x.actors.items():
            i = self._gold_index(actor)
            if i is None:
                self._error(f"actor not in gold: {actor.label!r} ({actor.type})")
                continue
            self.pairs[key] = i
            wanted = self.gold_actors[i].get("type")
            if i in taken:
                self._error(f"actor split in two: {actor.label!r} is also another actor "
                            f"for {self.gold_actors[i]['name']!r}")
            elif actor.type != wanted:
                self._error(f"actor type: {actor.label!r} is {actor.type}, gold {wanted}")
            else:
                score.right += 1
            taken.add(i)
        for i, g in enumerate(self.gold_actors):
            if i not in taken:
                self._error(f"actor missed: {g.get('name')!r} ({g.get('type')})")

    def _speaker_ok(self, keys: list[str], wanted) -> bool:
        wanted = wanted if isinstance(wanted, list) else [wanted]
        wanted_names = {norm(str(w)) for w in wanted if w}
        got = set()
        for key in keys:
            i = self.pairs.get(key)
            got.add(norm(self.gold_actors[i]["name"]) if i is not None else norm(self.x.actors[key].label)
                    if key in self.x.actors else key)
        return bool(wanted_names) and got == wanted_names

    def _speaker_names(self, keys: list[str]) -> str:
        return ", ".join(self.x.actors[k].label if k in self.x.actors else k for k in keys) or "nobody"

    # statements
    def _statements(self) -> None:
        score, who = self.result.scores["statements"], self.result.scores["speakers"]
        found = list(self.x.statements)
        gold = [g for g in self.gold.get("statements") or [] if isinstance(g, dict)]
        score.gold, score.found = who.gold, who.found = len(gold), len(found)
        rank = lambda s, g: (self._speaker_ok(s.speakers, g.get("speaker")), _days(s.time) == _gold_days(g))
        for g, best in self._pairs(gold, found, "cue", lambda s: s.cue, rank):
            days = _gold_days(g)
            where = f"at {g.get('cue')!r}"
            if best is None:
                self._error(f"statement missed {where}: {g.get('speaker')} on {_show(days)}")
                continue
            found.remove(best)
            speaker_ok, date_ok = (self._speaker_ok(best.speakers, g.get("speaker")), _days(best.time) == days)
            who.right += speaker_ok
            if speaker_ok and date_ok:
                score.right += 1
                continue
            wrong = []
            if not speaker_ok:
                wrong.append(f"speaker {self._speaker_names(best.speakers)} (gold {g.get('speaker')})")
            if not date_ok:
                wrong.append(f"date {_show(_days(best.time))} (gold {_show(days)})")
            self._error(f"statement {where}: " + "; ".join(wrong))
        for s in found:
            self._error(f"statement not in gold: {self._speaker_names(s.speakers)} {s.cue.text!r}")

    # events and factuality
    def _events(self) -> None:
        score, fact = self.result.scores["events"], self.result.scores["factuality"]
        typed = self.result.scores["event types"]
        found = list(self.x.events)
        gold = [g for g in self.gold.get("events") or [] if isinstance(g, dict)]
        score.gold, score.found = typed.gold, typed.found = len(gold), len(found)
        rank = lambda e, g: (_gold_type(e.type) == g.get("type"), _days(e.time) == _gold_days(g))
        for g, best in self._pairs(gold, found, "trigger", lambda e: e.trigger, rank):
            days = _gold_days(g)
            where = f"at {g.get('trigger')!r}"
            if best is None or _gold_type(best.type) != g.get("type"):
                got = f" (found {best.type} {best.trigger.text!r})" if best else ""
                self._error(f"event missed {where}: {g.get('type')}{got}")
                if best is not None:
                    found.remove(best)
                continue
            found.remove(best)
            typed.right += 1
            fact.gold += 1
            fact.found += 1
            if best.factuality == g.get("factuality"):
                fact.right += 1
            else:
                self._error(f"factuality {where}: {best.factuality} (gold {g.get('factuality')})")
            self._role(best, g, where, "agent", "agents")
            self._role(best, g, where, "target", "targets")
            self._role(best, g, where, "theme", "themes")
            self._role(best, g, where, "partner", "partners")
            self._place(best, g, where)
            if _days(best.time) == days:
                score.right += 1
            else:
                self._error(f"event date {where}: {_show(_days(best.time))} (gold {_show(days)})")
        for e in found:
            self._error(f"event not in gold: {e.type} {e.trigger.text!r}")

    def _role(self, event: Event, g: dict, where: str, role: str, category: str) -> None:
        """Score who plays ``role`` in ``event`` against the gold event ``g`` (type already right)."""
        score, wanted = self.result.scores[category], g.get(role)
        keys = [key for played, key in event.roles if played == role]
        score.found += bool(keys)
        score.gold += bool(wanted)
        if keys and wanted and self._speaker_ok(keys, wanted):
            score.right += 1
        elif keys or wanted:
            self._error(f"{role} {where}: {self._speaker_names(keys)} (gold {wanted or 'none'})")

    def _place(self, event: Event, g: dict, where: str) -> None:
        """Score where ``event`` happened against the gold event ``g`` (type already right)."""
        score, wanted = self.result.scores["places"], g.get("place")
        score.found += bool(event.places)
        score.gold += bool(wanted)
        found = set()
        for key in event.places:
            place = self.x.places.get(key) or self.x.actors.get(key)
            if place is not None:
                found |= {norm(n) for n in (place.label, *place.labels.values(), *(m.text for m in place.mentions)) if n}
        names = {norm(str(wanted))} if wanted else set()
        for known in [*(self.gold.get("places") or []), *self.gold_actors]:
            if isinstance(known, dict) and norm(str(known.get("name", ""))) in names:
                names |= {norm(str(n)) for n in known.get("aliases") or []}
        if found & names:
            score.right += 1
        elif found or wanted:
            shown = ", ".join(self.x.places[k].label if k in self.x.places else k for k in event.places)
            self._error(f"place {where}: {shown or 'none'} (gold {wanted or 'none'})")

    # dates
    def _dates(self) -> None:
        score, explicit = self.result.scores["dates"], self.result.scores["explicit dates"]
        found = list(self.x.times)
        gold = [g for g in self.gold.get("times") or [] if isinstance(g, dict)]
        score.gold, score.found = len(gold), len(found)
        explicit.gold = explicit.found = sum(1 for g in gold if not g.get("anchor"))
        after = 0
        for g in gold:
            at = self._anchor(g.get("text"), after)
            after = at + 1 if at is not None else after
            end = at + len(g.get("text") or "") if at is not None else None
            hit = next((t for t in found if at is not None and t.span.start < end and at < t.span.end), None)
            wanted = str(g["value"]) if g.get("value") else ""
            if hit is None:
                self._error(f"time missed: {g.get('text')!r} (gold {wanted or 'no value'})")
                continue
            found.remove(hit)
            if hit.value == wanted:
                score.right += 1
                explicit.right += not g.get("anchor")
            else:
                self._error(f"time {g.get('text')!r}: {hit.value or 'no value'} (gold {wanted or 'no value'})")
        for t in found:
            self._error(f"time not in gold: {t.span.text!r} ({t.value or 'no value'})")


def _covers(sentence: Span, mark: Span, at: int) -> bool:
    return sentence.start <= at < sentence.end or mark.start <= at < mark.end


def _best(candidates: list, key):
    """The candidate scoring best on ``key`` (a tuple of booleans), first in text order on ties."""
    return max(candidates, key=lambda c: key(c), default=None)


# --- reporting --------------------------------------------------------------------------------

def table(results: list[Result], title: str) -> str:
    """A plain-text table: precision, recall and F1 per category for the sum of ``results``."""
    total = Result(title)
    for r in results:
        total.add(r)
    return f"{title} ({len(results)} articles)\n" + score_lines(total.scores)


def score_lines(scores: dict[str, Score], width: int = 11) -> str:
    """One line per category: counts, precision, recall and F1."""
    lines = [f"  {'category':<{width}} {'right':>5} {'found':>5} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6}"]
    for category, s in scores.items():
        lines.append(f"  {category:<{width}} {s.right:>5} {s.found:>5} {s.gold:>5} "
                     f"{s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}")
    return "\n".join(lines)


def per_article(results: list[Result]) -> str:
    """One line per article: F1 of each category."""
    lines = [f"  {'article':<34} " + " ".join(f"{c[:10]:>10}" for c in CATEGORIES)]
    for r in results:
        lines.append(f"  {r.name[:34]:<34} " + " ".join(f"{r.scores[c].f1:10.3f}" for c in CATEGORIES))
    return "\n".join(lines)


def as_json(results: list[Result]) -> dict:
    """The results as plain data: per article and overall, with the errors."""
    total = Result("overall")
    for r in results:
        total.add(r)

    def scores(r: Result) -> dict:
        return {c: {"right": s.right, "found": s.found, "gold": s.gold, "precision": round(s.precision, 4),
                    "recall": round(s.recall, 4), "f1": s.f1} for c, s in r.scores.items()}
    return {"overall": scores(total),
            "articles": {r.name: {"scores": scores(r), "errors": r.errors} for r in results}}
