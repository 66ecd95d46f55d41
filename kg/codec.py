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
from typing import Any, Callable

from . import model


def encode(value: Any) -> Any:
    """A model record (or any value made of them) as JSON-ready data.

    >>> encode({"when": [date(2024, 11, 12)], "who": frozenset({"b", "a"})})
    {'when': ['2024-11-12'], 'who': ['a', 'b']}
    """
    return _encoder(type(value))(value)


@lru_cache(maxsize=None)
def _encoder(cls: type) -> Callable[[Any], Any]:
    """The function that writes a value of ``cls`` as JSON data, made once per class (a
    record's field names found once, not for each of its values)."""
    if dataclasses.is_dataclass(cls):
        names = [f.name for f in dataclasses.fields(cls)]
        return lambda value: {name: encode(getattr(value, name)) for name in names}
    if issubclass(cls, date):
        return cls.isoformat
    if issubclass(cls, dict):
        return lambda value: {k: encode(v) for k, v in value.items()}
    if issubclass(cls, (list, tuple)):
        return lambda value: [encode(v) for v in value]
    if issubclass(cls, frozenset):
        return lambda value: sorted(encode(v) for v in value)
    return _itself


def _itself(value: Any) -> Any:
    return value


@lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(model))


def decode(hint: Any, data: Any) -> Any:
    """``data`` read back as ``hint`` (a model class or a type such as ``list[Span]``).

    >>> decode(list[int], [1, 2]), decode(int | None, None)
    ([1, 2], None)
    >>> decode(list[int], ["1"])
    Traceback (most recent call last):
    ...
    ValueError: expected int, got '1'
    """
    return _decoder(hint)(data)


@lru_cache(maxsize=None)
def _decoder(hint: Any) -> Callable[[Any], Any]:
    """The function that reads data as ``hint``, made once per type from its hints: a
    cached build reads millions of values (3,200 an article), and working out each one's
    type again took 5.7 ms an article, as long as extracting it."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        inner = _decoder(next(a for a in args if a is not type(None)))
        return lambda data: None if data is None else inner(data)
    if dataclasses.is_dataclass(hint):
        return _record(hint)
    if origin is list:
        item = _decoder(args[0])
        return lambda data: [item(v) for v in data]
    if origin is tuple:
        items = [_decoder(a) for a in args]
        return lambda data: tuple(d(v) for d, v in zip(items, data))
    if origin is frozenset:
        item = _decoder(args[0])
        return lambda data: frozenset(item(v) for v in data)
    if origin is dict:
        value = _decoder(args[1])
        return lambda data: {k: value(v) for k, v in data.items()}
    if hint is date:
        return date.fromisoformat
    if hint in (str, int, bool, float):
        def checked(data):
            if not isinstance(data, hint):
                raise ValueError(f"expected {hint.__name__}, got {data!r}")
            return data
        return checked
    return _itself


def _record(cls: type) -> Callable[[Any], Any]:
    """The decoder of a model class: an object's fields, those it has, each by its type."""
    hints = _hints(cls)
    fields = [(f.name, _decoder(hints[f.name])) for f in dataclasses.fields(cls)]

    def record(data):
        if not isinstance(data, dict):
            raise ValueError(f"{cls.__name__}: expected an object, got {type(data).__name__}")
        return cls(**{name: read(data[name]) for name, read in fields if name in data})
    return record
