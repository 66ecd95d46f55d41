"""Names found by the gazetteer (kg.gazetteer): tried only where a word begins with the first
word of a name, they are exactly the names its pattern finds scanning every position."""
from __future__ import annotations

import re
import sys

from hypothesis import example, given, settings
from hypothesis import strategies as st

from kg.extract.words import fold
from kg.gazetteer import Gazetteer, load

GAZ = load()
SCANNING = Gazetteer(GAZ.entries)
SCANNING._firsts = None  # the pattern run over every range, as before
NAMES = sorted({s for e in GAZ.entries.values() for s in e.surfaces})
WRITTEN = NAMES + [n.upper() for n in NAMES] + [n.lower() for n in NAMES[::3]]
ODD = list(" -'.,\n_\u0130\u017f\u212a\u00d3\u00f3x") + ["pro-", "Korean", "ASs", "said"]
TEXTS = st.lists(st.sampled_from(WRITTEN + ODD), max_size=20).map("".join)


def ranges(text: str):
    """Ranges that begin or end inside words, and at their edges."""
    n = len(text)
    return [(a, b) for a in range(0, n + 1, 3) for b in range(a, n + 1, 4)] + [(1, n), (0, n - 1)]


def spans(found):
    return [(s.start, s.end, s.text, e.key) for s, e in found]


@settings(max_examples=300, deadline=None)
@given(TEXTS)
@example("pro-Russia troops, AS dan DPRK. Russian-Ukraine ANT\u00d3NIO Guterres said")
@example("Korea Utara-Rusia, N. Korea's")
def test_names_found_word_by_word_are_those_the_pattern_finds(text):
    for start, end in ranges(text):
        assert spans(GAZ.find(text, start, end)) == spans(SCANNING.find(text, start, end))


def test_a_letter_of_a_names_first_word_is_matched_only_by_letters_filed_alike():
    """A name is looked for where a word of the text folds to its first word: exact only if
    every character the pattern takes for a letter of that word folds as that letter does."""
    letters = {c for first in GAZ._firsts for c in first if not c.isascii()}
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    for letter in letters:
        for c in re.findall(re.escape(letter), every, re.IGNORECASE):
            assert fold(c) == fold(letter)
