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
    """True when ``a`` is ``b`` typed with one slip: a letter left out or doubled in, or two
    neighbouring letters swapped. A changed letter does not count: it makes other real words
    ("terbuka" is not a typo of "terluka").

    >>> one_edit_apart("dikirm", "dikirim"), one_edit_apart("siad", "said"), one_edit_apart("terbuka", "terluka")
    (True, True, False)
    >>> one_edit_apart("dikirim", "dikirim")
    False
    """
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [k for k, (x, y) in enumerate(zip(a, b)) if x != y]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k, (x, y) in enumerate(zip(short, long_)) if x != y), len(short))
    return short[i:] == long_[i + 1:]


def words_in(words, text: str, start: int, end: int, *, ignore_case: bool = False,
             typo_length: int = 6, known: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """Whole-word matches of ``words`` in ``text[start:end]`` as ``(start, end, word)``, and
    single words one typo away from exactly one listed word of ``typo_length`` letters or
    more (``word`` is then the listed word), in text order. A ``known`` word is never a typo.

    >>> words_in(["dikirim", "kata"], "pasukan dikirm, kata dia", 0, 24)
    [(8, 14, 'dikirim'), (16, 20, 'kata')]
    """
    fold = str.casefold if ignore_case else str
    listed = {fold(w): w for w in words}
    found = [(m.start(), m.end(), listed.get(fold(m.group()), m.group()))
             for m in phrases(words, ignore_case=ignore_case).finditer(text, start, end)]
    single = [w for w in listed if " " not in w and len(w) >= 4]
    for m in re.finditer(r"[\w-]+", text[start:end]):
        s, e = start + m.start(), start + m.end()
        if len(m.group()) < 4 or any(a <= s < b for a, b, _ in found) or m.group().casefold() in known:
            continue
        near = [w for w in single if one_edit_apart(fold(m.group()), w)
                and (len(w) >= typo_length or sorted(w) == sorted(fold(m.group())))]  # short: swaps only
        if len(near) == 1:
            found.append((s, e, listed[near[0]]))
    return sorted(found)
