"""Per-language knowledge, loaded from data files and validated on load.

A language is a folder ``kg/lexicons/<code>/`` of YAML files, one per concern (``time``,
``speech``, ``events``, ``page``...). ``kg/lexicons/schema.yaml`` names, for each file, the
keys it may hold and the shape of each value. An unknown key or a malformed value is a
:class:`~kg.errors.LexiconError` naming the file and the key. Adding a language means adding
a folder, not changing code.

Shapes:

- ``words``: a list of strings;
- ``table``: a mapping from a name to a list of strings (``august: [agustus, agu, agt]``);
- ``map``: a mapping from a string to a scalar (string, number or boolean);
- ``text``: one string;
- ``records``: a list of mappings whose values are scalars or lists of strings.

>>> lex = load("id")
>>> lex.language
'id'
>>> sorted(available())[:2]
['en', 'id']
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from .errors import LexiconError

_ROOT = resources.files("kg") / "lexicons"


class _WordLoader(yaml.SafeLoader):
    """YAML without YAML 1.1's word booleans: in a lexicon "on", "no", "yes" are words."""


_WordLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def available() -> list[str]:
    """The language codes that have a lexicon folder."""
    return sorted(p.name for p in _ROOT.iterdir() if p.is_dir() and not p.name.startswith("_"))


@dataclass(frozen=True, eq=False)
class Lexicon:
    """The validated data of one language: ``lex.section("time")["months"]``.

    Compared and hashed by identity (one cached instance per language), so functions can
    cache what they build from it.
    """

    language: str
    sections: dict[str, dict[str, Any]]

    def section(self, name: str) -> dict[str, Any]:
        """The keys of one file (an empty mapping when the language has no such file)."""
        return self.sections.get(name, {})

    def get(self, dotted: str, default: Any = None) -> Any:
        """A value by ``file.key``; ``default`` when absent.

        >>> load("id").get("time.weekday_week_starts")
        'sunday'
        """
        flat = self.__dict__.get("_flat")
        if flat is None:  # every value by its dotted name, built on first use
            flat = {f"{file}.{key}": value for file, keys in self.sections.items() for key, value in keys.items()}
            object.__setattr__(self, "_flat", flat)
        return flat.get(dotted, default)

    def words(self) -> frozenset[str]:
        """Every single word the lexicon lists, casefolded: a word it knows is never a typo
        of another ("seruan", a call, is not a slip for "serbuan", an assault).

        >>> "bahwa" in load("id").words()
        True
        """
        if "_words" not in self.__dict__:
            found: set[str] = set()
            _collect(self.sections, found)
            object.__setattr__(self, "_words", frozenset(found))
        return self.__dict__["_words"]


def _collect(value: Any, found: set[str]) -> None:
    if isinstance(value, str):
        found.update(w.casefold() for w in value.split() if w.isalpha())
    elif isinstance(value, dict):
        for item in value.values():
            _collect(item, found)
    elif isinstance(value, list):
        for item in value:
            _collect(item, found)


@lru_cache(maxsize=1)
def schema() -> dict[str, dict[str, str]]:
    """The allowed files, keys and shapes, from ``lexicons/schema.yaml``."""
    return yaml.safe_load((_ROOT / "schema.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def load(language: str) -> Lexicon:
    """Load and validate one language's lexicon (cached)."""
    folder = _ROOT / language
    if not language or not folder.is_dir():
        raise LexiconError(
            f"no lexicon for language {language!r}; available: {', '.join(available())}"
        )
    shapes = schema()
    sections: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if not path.name.endswith(".yaml"):
            continue
        name = path.name[: -len(".yaml")]
        where = f"kg/lexicons/{language}/{path.name}"
        if name not in shapes:
            raise LexiconError(f"{where}: unknown lexicon file; known: {', '.join(sorted(shapes))}")
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_WordLoader) or {}
        except yaml.YAMLError as exc:
            raise LexiconError(f"{where}: not valid YAML: {exc}") from exc
        if not isinstance(data, dict):
            raise LexiconError(f"{where}: the file must be a mapping of keys")
        for key, value in data.items():
            if key not in shapes[name]:
                raise LexiconError(
                    f"{where}: unknown key {key!r}; known: {', '.join(sorted(shapes[name]))}"
                )
            problem = _shape_problem(shapes[name][key], value)
            if problem:
                raise LexiconError(f"{where}: key {key!r}: {problem}")
        sections[name] = data
    return Lexicon(language, sections)


def _is_words(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v for v in value)


def _is_scalar(value: Any) -> bool:
    return isinstance(value, (str, int, float, bool))


def _shape_problem(shape: str, value: Any) -> str:
    """What is wrong with ``value`` for ``shape``, or an empty string."""
    if shape == "words":
        return "" if _is_words(value) else "expected a list of non-empty strings"
    if shape == "text":
        return "" if isinstance(value, str) else "expected a string"
    if shape == "table":
        if not isinstance(value, dict):
            return "expected a mapping of name -> list of strings"
        bad = [k for k, v in value.items() if not _is_words(v)]
        return f"entry {bad[0]!r} is not a list of strings" if bad else ""
    if shape == "map":
        if not isinstance(value, dict):
            return "expected a mapping of name -> value"
        bad = [k for k, v in value.items() if not _is_scalar(v)]
        return f"entry {bad[0]!r} is not a single value" if bad else ""
    if shape == "records":
        if not isinstance(value, list) or not all(isinstance(r, dict) for r in value):
            return "expected a list of mappings"
        for i, record in enumerate(value):
            for k, v in record.items():
                if not (_is_scalar(v) or _is_words(v)):
                    return f"record {i} field {k!r} must be a value or a list of strings"
        return ""
    return f"schema names an unknown shape {shape!r}"
