"""What a figure counts: troops sent, killed, wounded, killed or wounded, captured.

Sources disagree on figures ("8,000", "10,000", "11,000 troops"; "100" or "300 killed"), and a
reader wants them side by side, per source and date. For that each figure gets a measure:

- a figure of soldiers (unit ``troops`` or ``special_forces``) in a deployment, movement or
  presence is ``troops_sent``;
- a figure in a casualty event counts what its own words say ("no fewer than 100 dead", in
  "losses at no fewer than 100 dead"), else what the words between the figure and the event's
  trigger say, from the lexicon's ``numbers.measures`` (the longest phrase found wins, so
  "killed and wounded" beats "killed"), else what its own unit says.

>>> from kg.ingest import parse_article
>>> from kg.extract.document import extract
>>> from kg.lexicon import load
>>> x = extract(parse_article("Ukraine said on Monday that 3,000 North Korean troops were killed or wounded.", "a.txt"))
>>> [measure(e, load(x.article.language), x.article.text) for e in x.events if e.quantity]
['killed_or_wounded']
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import Lexicon
from .model import Event

SENT = frozenset({"deployment", "movement"})
SOLDIERS = frozenset({"troops", "special_forces"})
BY_UNIT = {"killed": "killed", "wounded": "wounded", "captured": "captured",
           "casualties": "killed_or_wounded"}


@lru_cache(maxsize=None)
def _phrases(lex: Lexicon) -> list[tuple[re.Pattern, str]]:
    """The lexicon's measure phrases as patterns, longest first."""
    table = lex.section("numbers").get("measures", {})
    pairs = sorted(((w, m) for m, words in table.items() for w in words), key=lambda p: (-len(p[0]), p[0]))
    return [(re.compile(rf"(?<!\w){re.escape(w)}(?!\w)", re.IGNORECASE), m) for w, m in pairs]


def measure(event: Event, lex: Lexicon, text: str) -> str | None:
    """The measure of ``event``'s figure (None when it has none, or counts something else)."""
    q = event.quantity
    if q is None:
        return None
    if event.type in SENT and q.unit in SOLDIERS:
        return "troops_sent"
    if event.type != "casualties":
        return None
    start = min(q.span.start, event.trigger.start)
    end = max(q.span.end, event.trigger.end)  # what the figure's own words say first ("losses at 100 dead")
    return _named(q.span.text, lex) or _named(text[start:end], lex) or BY_UNIT.get(q.unit)


def _named(words: str, lex: Lexicon) -> str | None:
    """The measure the longest of the lexicon's phrases in ``words`` names, if any."""
    return next((name for pattern, name in _phrases(lex) if pattern.search(words)), None)


def counted(event: Event, lex: Lexicon, text: str) -> str | None:
    """What a casualty event counts, with a figure or without one: its figure's measure, else
    what its trigger's own words say ("the capture" says nothing, "killed" says killed).

    >>> from kg.ingest import parse_article
    >>> from kg.extract.document import extract
    >>> from kg.lexicon import load
    >>> x = extract(parse_article("Two North Korean soldiers were captured. Many others were killed.", "a.txt"))
    >>> [counted(e, load("en"), x.article.text) for e in x.events]
    ['captured', 'killed']
    """
    if event.type != "casualties":
        return None
    return measure(event, lex, text) if event.quantity is not None else _named(event.trigger.text, lex)


# what two casualty counts can both be of: killed, or wounded, among the killed or wounded
_OVERLAP = {frozenset({"killed", "killed_or_wounded"}), frozenset({"wounded", "killed_or_wounded"})}


def may_be_one(a: str | None, b: str | None) -> bool:
    """Whether casualty events counting ``a`` and ``b`` may be one event (None: unknown).

    >>> may_be_one("killed", "killed_or_wounded"), may_be_one("killed", "captured"), may_be_one(None, "captured")
    (True, False, True)
    """
    return a is None or b is None or a == b or frozenset({a, b}) in _OVERLAP

