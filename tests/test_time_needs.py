"""The needs of the time rules a range of text meets (kg.extract.timepatterns): found word
by word, they are exactly what scanning the range at every position finds."""
from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from kg.extract.timepatterns import _met, _scanned, compiled
from kg.lexicon import load

COMPILED = {lang: compiled(load(lang)) for lang in ("id", "en")}
NEED_WORDS = sorted({w for comp in COMPILED.values() for w in comp.word_bits})
# Separators, digits, and letters that lowercase (or fold) to ASCII ones
ODD = list(" -'’/().,\n7\u0130\u0131\u017f\u212aAXs") + ["Jum'at", "WEEK'S", "Mei", "mayor", "12/11"]
TEXTS = st.lists(st.sampled_from(NEED_WORDS + ODD), max_size=25).map("".join)


def ranges(text: str):
    """All of the text, and ranges that begin or end inside words."""
    n = len(text)
    return [(0, n)] + [(a, b) for a in range(0, n + 1, 3) for b in range(a, n + 1, 5)]


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.sampled_from(sorted(COMPILED)))
@example("Selasa (12/11/2024)", "id")
@example("on Jum'at, the week's end", "en")
@example("the MAYOR's \u0130n", "en")
def test_the_needs_met_word_by_word_are_those_a_scan_finds(text, lang):
    comp = COMPILED[lang]
    for start, end in ranges(text):
        assert _met(text, start, end, comp) == _scanned(text, start, end, comp)
