"""Regular expressions built from lexicon word lists.

>>> p = phrases(["kata", "kata dia"])
>>> p.search("lalu kata dia pergi").group()
'kata dia'
>>> p.search("katakan") is None
True
"""
from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=None)
def _compiled(words: tuple[str, ...], flags: int) -> re.Pattern:
    alternatives = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives or '(?!)'})(?![\w-])", flags)


def phrases(words, *, ignore_case: bool = False) -> re.Pattern:
    """A pattern matching any of ``words`` as whole words, longest first."""
    return _compiled(tuple(words), re.IGNORECASE if ignore_case else 0)


def one_edit_apart(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by one inserted, deleted or changed letter.

    Used to survive typos in trigger words ("dikirm" for "dikirim").

    >>> one_edit_apart("dikirm", "dikirim"), one_edit_apart("dikirim", "dikirim")
    (True, False)
    """
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), len(a))
    return a[i + (len(a) == len(b)):] == b[i + 1:]
