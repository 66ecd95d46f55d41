"""How sure each reading rule is: its precision on the development articles.

The numbers live in ``confidence.yaml`` beside this module, made by
``scripts/rule-precision.py`` (see its docstring); a rule not measured there has none.

>>> 0 < confidence("statement", "speaker-first") < 1
True
>>> confidence("statement", "no-such-rule") is None
True
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml


@lru_cache(maxsize=1)
def _table() -> dict:
    path = resources.files("kg") / "extract" / "confidence.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def confidence(kind: str, rule: str) -> float | None:
    """The measured confidence of ``rule`` for a ``statement`` or an ``event``."""
    record = _table().get(kind, {}).get(rule)
    return float(record["confidence"]) if record else None
