"""The words of a text, found once, and a lexicon's word lists looked up among them.

A regex that finds any entry of a word list tries every position of the text it is given,
yet most sentences hold none of the entries. :class:`Words` splits a text once into its
words (runs of letters, digits, ``_`` and ``-``) with their offsets. A :class:`WordList`
files its entries by their first word, so where an entry may begin is found by dictionary
lookups, and the list's regex (:func:`~kg.extract.patterns.phrases`) is tried only there.
Its matches are exactly those of the regex run over the whole range.

>>> text = "Troops were deployed. They were not redeployed, officials said."
>>> deployed = WordList(["deployed", "were deployed"], ignore_case=True)
>>> [m.group() for m in deployed.finditer(text, 0, len(text))]
['were deployed']
>>> deployed.search(text, 22, len(text)) is None, deployed.any_in(text, 32, len(text))
(True, False)
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import accumulate

from .patterns import TypoIndex, phrases, typo_index

_RUN = re.compile(r"[\w-]+")  # a word: what a whole-word match cannot begin or end inside
_BETWEEN = re.compile(r"([^\w-]+)")  # what separates words (kept by a split)
_BETWEEN_ASCII = re.compile(r"([^\w-]+)", re.ASCII)  # the same in ASCII text, found faster
_LONG_WORD = re.compile(r"[\w-]{4,}")  # a word a typo is looked for in

# The only characters a case-insensitive pattern matches to an ASCII letter or digit that
# lowercase to something else (tests/test_properties.py checks this against every code point).
TO_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def fold(word: str) -> str:
    """The form a word is filed under: lowercase, and for a case-insensitive match equal to
    the form of every ASCII word it matches.

    >>> fold("Said"), fold("D\u0130A")
    ('said', 'dia')
    """
    return (word if word.isascii() else word.translate(TO_ASCII)).lower()


class Words:
    """The words of one text: where each begins, and its folded form.

    >>> w = Words.of("Anti-tank weapons, said Roe.")
    >>> w.forms, w.starts
    (['anti-tank', 'weapons', 'said', 'roe'], [0, 10, 19, 24])
    >>> w.where("said")
    [19]
    >>> w.cuts(2), w.cuts(9), w.cuts(0)
    (True, False, False)
    """

    def __init__(self, text: str):
        self.text = text
        if text.isascii():  # lowercasing keeps every offset and every word
            parts = _BETWEEN_ASCII.split(text.lower())
        else:
            parts = _BETWEEN.split(text)
        # words and separators alternate, a word first (maybe empty): each word begins where
        # the separator before it ends
        self.starts = [0, *accumulate(map(len, parts))][::2]
        self.forms = parts[::2] if text.isascii() else [fold(w) for w in parts[::2]]
        if not self.forms[-1]:  # the text ends with a separator
            del self.starts[-1], self.forms[-1]
        if self.forms and not self.forms[0]:  # the text begins with one
            del self.starts[0], self.forms[0]
        self.vocabulary = frozenset(self.forms)
        self._where: dict[str, list[int]] | None = None
        self._cuts: dict[int, bool] = {}
        self.memo: dict[object, object] = {}  # what lookups learned of this text, by lookup

    @staticmethod
    @lru_cache(maxsize=2)
    def of(text: str) -> Words:
        """The words of ``text`` (remembered for the article being read)."""
        return Words(text)

    def where(self, form: str) -> list[int]:
        """The starts of the words of folded form ``form``, in text order."""
        if self._where is None:
            where: dict[str, list[int]] = {}
            for start, word in zip(self.starts, self.forms):
                where.setdefault(word, []).append(start)
            self._where = where
        return self._where.get(form, [])

    def cuts(self, pos: int) -> bool:
        """Whether ``pos`` falls inside a word (a range starting or ending there cuts it)."""
        cut = self._cuts.get(pos)
        if cut is None:
            text = self.text
            cut = self._cuts[pos] = 0 < pos < len(text) and _RUN.fullmatch(text, pos - 1, pos + 1) is not None
        return cut


class WordList:
    """Entries of a lexicon list found as whole words (as :func:`~kg.extract.patterns.phrases`
    finds them), tried only where a word of the text is the first word of an entry.

    An entry is filed under the folded form of its first word. An entry that does not begin
    with a word character, or whose first word is not plain ASCII, cannot be filed: the
    list is then searched with its regex everywhere, as before.

    ``pattern`` replaces the list's own regex by one whose every match begins, as a whole
    word, with the first word of an entry (an entry followed by an enclitic is an entry too).
    """

    def __init__(self, entries, *, ignore_case: bool = False, pattern: re.Pattern | None = None):
        self.pattern = pattern or phrases(entries, ignore_case=ignore_case)
        firsts = [_RUN.match(e) for e in entries]
        filed = all(m and m.group().isascii() for m in firsts)
        self.firsts = frozenset(m.group().lower() for m in firsts) if filed else None
        # The text last looked in, its words, and where an entry may begin in it: an article's
        # text is looked in hundreds of times before the next one, and finding its words and
        # this list's starts among them again each time cost 1.6% of the extractor's
        # instructions (scripts/instructions.py: 86.9M an article, 85.5M kept here).
        self._text: str | None = None
        self._words: Words | None = None
        self._at: list[int] = []

    def _starts(self, text: str, start: int, end: int) -> tuple[list[int], int] | None:
        """Where in ``text`` an entry may begin (remembered for the text), and the index of
        the first at ``start`` or after; ``None`` when the regex must scan ``text[start:end]``
        itself: the list cannot be filed, or ``end`` cuts a word short, whose beginning
        may then be an entry."""
        if self.firsts is None:
            return None
        if text is not self._text:
            words = Words.of(text)
            starts = words.memo.get(self)
            if starts is None:
                hits = self.firsts & words.vocabulary
                starts = words.memo[self] = sorted(p for form in hits for p in words.where(form))
            self._text, self._words, self._at = text, words, starts
        if self._words.cuts(end):
            return None
        return self._at, bisect_left(self._at, start)

    def any_in(self, text: str, start: int, end: int) -> bool:
        """Whether an entry may begin in ``text[start:end]``, that range searched in ``text``
        or taken alone: ``False`` means no match there either way."""
        found = self._starts(text, start, end)
        if found is None or Words.of(text).cuts(start):
            return True
        starts, i = found
        return i < len(starts) and starts[i] < end

    def finditer(self, text: str, start: int, end: int) -> list[re.Match]:
        """The matches of ``self.pattern.finditer(text, start, end)``, as a list."""
        found = self._starts(text, start, end)
        if found is None:
            return list(self.pattern.finditer(text, start, end))
        starts, i = found
        if i == len(starts) or starts[i] >= end:
            return []
        return matches_at(self.pattern, text, starts[i:], start, end)

    def search(self, text: str, start: int, end: int) -> re.Match | None:
        """The match of ``self.pattern.search(text, start, end)``."""
        found = self._starts(text, start, end)
        if found is None:
            return self.pattern.search(text, start, end)
        starts, i = found
        if i == len(starts) or starts[i] >= end:
            return None
        match = self.pattern.match
        for pos in starts[i:]:
            if pos >= end:
                break
            m = match(text, pos, end)
            if m:
                return m
        return None

    def occurs_in(self, text: str, start: int, end: int) -> bool:
        """Whether an entry occurs in ``text[start:end]`` taken alone (as a search of that
        slice says: an entry may begin where the slice does, even inside a word)."""
        if self.firsts is None or Words.of(text).cuts(start):
            return self.pattern.search(text[start:end]) is not None
        return self.search(text, start, end) is not None


def matches_at(pattern: re.Pattern, text: str, positions: list[int], start: int, end: int) -> list[re.Match]:
    """The matches of ``pattern.finditer(text, start, end)`` when each of them can only begin
    at one of ``positions`` (sorted, none before ``start``): the pattern is tried there alone.

    >>> [m.group() for m in matches_at(re.compile("ab|b"), "abab b", [0, 1, 5], 0, 6)]
    ['ab', 'b']
    """
    matches: list[re.Match] = []
    match, reach = pattern.match, start
    for pos in positions:
        if pos >= end:
            break
        if pos >= reach:
            m = match(text, pos, end)
            if m:
                matches.append(m)
                reach = m.end()
    return matches


def words_in(words, text: str, start: int, end: int, *, ignore_case: bool = False,
             typo_length: int = 6, known: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """Whole-word matches of ``words`` in ``text[start:end]`` as ``(start, end, word)``, and
    single words one typo away from exactly one listed word of ``typo_length`` letters or
    more (``word`` is then the listed word), in text order. A ``known`` word is never a typo.

    >>> words_in(["dikirim", "kata"], "pasukan dikirm, kata dia", 0, 24)
    [(8, 14, 'dikirim'), (16, 20, 'kata')]
    """
    listing = _listing(tuple(words), ignore_case)
    fold, listed = listing.fold, listing.listed
    found = [(m.start(), m.end(), listed.get(fold(m.group()), m.group()))
             for m in listing.found.finditer(text, start, end)]
    exact = [(a, b) for a, b, _ in found]
    for s, e, word in listing.slips_in(text, start, end, typo_length, known):  # typos are rare
        if not any(a <= s < b for a, b in exact):
            found.append((s, e, word))
    return sorted(found)


class _Listing:
    """For :func:`words_in`: the listed words, found as a :class:`WordList`, each by its
    (folded) written form; the index of the single words of four letters or more, for
    typos; and the written words found to be typos (or not), by typo length and known words."""

    def __init__(self, words: tuple[str, ...], ignore_case: bool):
        self.found = WordList(list(words), ignore_case=ignore_case)
        self.fold = str.casefold if ignore_case else str
        self.listed = {self.fold(w): w for w in words}
        self.typos: TypoIndex = typo_index(tuple(w for w in self.listed if " " not in w and len(w) >= 4))
        self.slips: dict[tuple, dict[str, str]] = {}  # written word -> the listed word, or ""

    def slips_in(self, text: str, start: int, end: int, typo_length: int,
                 known: frozenset[str]) -> list[tuple[int, int, str]]:
        """The words of ``text[start:end]`` that are typos of a listed word, as ``(start,
        end, listed word)``: looked for once in the whole text, which mostly holds none."""
        slips = self.slips.setdefault((typo_length, known), {})  # written word -> the listed word, or ""
        if len(slips) > 100_000:
            slips.clear()
        words = Words.of(text)
        if words.cuts(start) or words.cuts(end):
            return self._slips(slips, text, start, end, typo_length, known)
        found = words.memo.get((self, typo_length, known))
        if found is None:
            found = words.memo[self, typo_length, known] = self._slips(slips, text, 0, len(text), typo_length, known)
        return [hit for hit in found if start <= hit[0] < end]

    def _slips(self, slips, text, start, end, typo_length, known) -> list[tuple[int, int, str]]:
        found = []
        for m in _LONG_WORD.finditer(text, start, end):
            word = m.group()
            slip = slips.get(word)
            if slip is None:
                slip = slips[word] = self._slip(word, typo_length, known)
            if slip:
                found.append((m.start(), m.end(), slip))
        return found

    def _slip(self, word: str, typo_length: int, known: frozenset[str]) -> str:
        """The listed word ``word`` is a typo of, if exactly one; else ``""``."""
        if word.casefold() in known:
            return ""
        written = self.fold(word)
        near = [w for w in self.typos.near(written)
                if len(w) >= typo_length or sorted(w) == sorted(written)]  # short: swaps only
        return self.listed[near[0]] if len(near) == 1 else ""


@lru_cache(maxsize=None)
def _listing(words: tuple[str, ...], ignore_case: bool) -> _Listing:
    return _Listing(words, ignore_case)
