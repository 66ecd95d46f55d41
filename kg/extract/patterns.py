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
    alternatives = by_first_letter(sorted(set(words), key=len, reverse=True), flags)
    return re.compile(rf"(?<![\w-])(?:{alternatives or '(?!)'})(?![\w-])", flags)


def by_first_letter(words: list[str], flags: int = 0) -> str:
    """``words`` as a regex alternation that matches exactly as the escaped words joined by
    ``|`` would (compiled with ``flags``), but grouped by first letter: the engine then tries
    only the words that begin with the letter under scan, not every word at every position.

    >>> by_first_letter(["said", "told", "says"])
    's(?:aid|ays)|t(?:old)'
    """
    return _by_first_letter(tuple(words), flags)


@lru_cache(maxsize=None)
def _by_first_letter(words: tuple[str, ...], flags: int) -> str:
    if not all(words):  # an empty word matches anywhere: it must keep its place
        return "|".join(map(re.escape, words))
    return grouped([(w[0], re.escape(w[1:])) for w in words], flags)


def grouped(branches: list[tuple[str, str]], flags: int = 0) -> str:
    """Branches, each a first letter and the regex of what follows it, as one alternation
    that tries them in their order, grouped by first letter (see :func:`by_first_letter`).

    >>> grouped([("m", "ay"), ("j", "une"), ("m", "arch")])
    'm(?:ay|arch)|j(?:une)'
    """
    groups: dict[str, list[str]] = {}
    for first, rest in branches:
        if first not in groups:  # a letter that matches the same text as a known one joins it
            first = next((k for k in groups if re.fullmatch(re.escape(k), first, flags)), first)
        groups.setdefault(first, []).append(rest)
    return "|".join(re.escape(first) + "(?:" + "|".join(rests) + ")" for first, rests in groups.items())


def either(words, *, longest_first: bool = False) -> str:
    """``words`` escaped as the branches of a regex alternation, in their order (or longest
    first); ``""`` for none.

    >>> either(["he", "said", "saying"], longest_first=True)
    'saying|said|he'
    """
    return _either(tuple(words), longest_first)


@lru_cache(maxsize=None)
def _either(words: tuple[str, ...], longest_first: bool) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True) if longest_first else words))


_BY_IDENTITY: dict[tuple[int, bool], tuple[object, re.Pattern]] = {}


def phrases(words, *, ignore_case: bool = False) -> re.Pattern:
    """A pattern matching any of ``words`` as whole words, longest first.

    The same list object (a lexicon's) is looked up by identity, without hashing its words.
    """
    hit = _BY_IDENTITY.get((id(words), ignore_case))
    if hit is not None and hit[0] is words:
        return hit[1]
    pattern = _compiled(tuple(words), re.IGNORECASE if ignore_case else 0)
    if len(_BY_IDENTITY) > 4096:  # fresh lists, made per call: forget them now and then
        _BY_IDENTITY.clear()
    _BY_IDENTITY[(id(words), ignore_case)] = (words, pattern)  # holding ``words`` keeps its id unique
    return pattern


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


def one_edit_forms(word: str) -> set[str]:
    """Every string one slip away from ``word`` that is shorter or the same length: a letter
    left out, or two neighbouring letters swapped. A longer slip of ``word`` is a string
    among whose own shorter forms ``word`` is.

    >>> sorted(one_edit_forms("said"))
    ['aid', 'asid', 'sad', 'sadi', 'sai', 'siad', 'sid']
    """
    forms = {word[:i] + word[i + 1:] for i in range(len(word))}
    forms.update(word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)
                 if word[i] != word[i + 1])
    return forms


class TypoIndex:
    """The listed words one slip away from a written word, found without comparing it with
    every listed word: each listed word is filed under its shorter forms.

    >>> TypoIndex(["deployed", "said"]).near("deplyoed"), TypoIndex(["said"]).near("saiid")
    (['deployed'], ['said'])
    """

    def __init__(self, words):
        self.words = set(words)
        self._by_form: dict[str, list[str]] = {}
        self._seen: dict[str, list[str]] = {}
        for word in self.words:
            for form in one_edit_forms(word):
                if form != word:
                    self._by_form.setdefault(form, []).append(word)

    def near(self, written: str) -> list[str]:
        """The listed words ``w`` with ``one_edit_apart(written, w)``, sorted (remembered:
        the same words come back in every article)."""
        hit = self._seen.get(written)
        if hit is None:
            found = set(self._by_form.get(written, ()))  # ``written`` lacks a letter of ``w``
            for form in one_edit_forms(written):  # ``w`` lacks a letter of ``written``, or a swap
                if form in self.words and form != written:
                    found.add(form)
            hit = sorted(w for w in found if one_edit_apart(written, w))
            if len(self._seen) > 100_000:
                self._seen.clear()
            self._seen[written] = hit
        return hit


@lru_cache(maxsize=None)
def typo_index(words: tuple[str, ...]) -> TypoIndex:
    """The :class:`TypoIndex` of ``words`` (cached)."""
    return TypoIndex(words)
