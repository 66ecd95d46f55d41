"""Records of :mod:`kg.model` to plain JSON data and back, guided by their type hints.

Used by the extraction cache: JSON is data, so reading a cache never runs anything (unlike
pickle), and a file that does not match the model is an error, not a half-read record.

>>> import json
>>> from kg.model import Span, Quantity
>>> q = Quantity(Span(0, 6, "10,000"), 10000, "troops", "about")
>>> decode(Quantity, json.loads(json.dumps(encode(q)))) == q
True
"""
from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date
from functools import lru_cache
from typing import Any

from . import model


def encode(value: Any) -> Any:
    """A model record (or any value made of them) as JSON-ready data."""
    if dataclasses.is_dataclass(value):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: encode(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    if isinstance(value, frozenset):
        return sorted(encode(v) for v in value)
    return value


@lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(model))


def decode(hint: Any, data: Any) -> Any:
    """``data`` read back as ``hint`` (a model class or a type such as ``list[Span]``)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        if data is None:
            return None
        return decode(next(a for a in args if a is not type(None)), data)
    if dataclasses.is_dataclass(hint):
        if not isinstance(data, dict):
            raise ValueError(f"{hint.__name__}: expected an object, got {type(data).__name__}")
        hints = _hints(hint)
        return hint(**{f.name: decode(hints[f.name], data[f.name])
                       for f in dataclasses.fields(hint) if f.name in data})
    if origin is list:
        return [decode(args[0], v) for v in data]
    if origin is tuple:
        return tuple(decode(a, v) for a, v in zip(args, data))
    if origin is frozenset:
        return frozenset(decode(args[0], v) for v in data)
    if origin is dict:
        return {k: decode(args[1], v) for k, v in data.items()}
    if hint is date:
        return date.fromisoformat(data)
    if hint in (str, int, bool, float) and not isinstance(data, hint):
        raise ValueError(f"expected {hint.__name__}, got {data!r}")
    return data
