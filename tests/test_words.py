"""The words of a text, and word lists looked up among them (kg.extract.words): every
lookup gives exactly what the list's regex gives when it scans the same range."""
from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from kg.extract.patterns import phrases
from kg.extract.words import TO_ASCII, WordList, Words, fold, words_in
from kg.lexicon import load

ENTRIES = ["said", "told reporters", "U.S.", "anti-tank", "kata", "kata dia", "x_y", "Roe"]
# Letters, marks and the characters that make words meet or part: hyphens, dots, the four
# letters a case-insensitive pattern takes for ASCII ones.
ALPHABET = "saidtoldrepU.S-ntikx_yRe \u0130\u0131\u017f\u212a,'’\n"
PIECES = st.lists(st.sampled_from(ENTRIES + list(ALPHABET) + ["Said", "SAID", "Kata Dia", "said-"]),
                  max_size=30).map("".join)


def ranges(text: str):
    """Every range worth trying: all of it, and ranges that begin or end inside words."""
    n = len(text)
    return [(0, n)] + [(a, b) for a in range(0, n + 1, 3) for b in range(a, n + 1, 4)]


@settings(max_examples=300, deadline=None)
@given(PIECES, st.booleans())
@example("said Said-said SAIDX said", True)
@example("kata dia kata", False)
@example("U.S. said", True)
def test_a_word_list_finds_what_its_regex_finds(text, ignore_case):
    found = WordList(ENTRIES, ignore_case=ignore_case)
    pattern = phrases(ENTRIES, ignore_case=ignore_case)
    for start, end in ranges(text):
        expected = [m.span() for m in pattern.finditer(text, start, end)]
        assert [m.span() for m in found.finditer(text, start, end)] == expected
        first, got = pattern.search(text, start, end), found.search(text, start, end)
        assert (got and got.span()) == (first and first.span())
        alone = pattern.search(text[start:end]) is not None
        assert found.occurs_in(text, start, end) == alone
        if not found.any_in(text, start, end):
            assert not expected and not alone


def test_a_word_is_filed_under_the_form_a_case_insensitive_match_would_take():
    assert fold("SAID") == "said"
    for odd in map(chr, TO_ASCII):  # "İ", "ı", "ſ", "K" (Kelvin): each matches an ASCII letter
        assert re.fullmatch(fold(odd), odd, re.IGNORECASE)
    text = "D\u0130A kata"
    assert [m.group() for m in WordList(["dia"], ignore_case=True).finditer(text, 0, len(text))] == ["D\u0130A"]


def test_words_are_runs_of_word_characters_and_hyphens_with_their_offsets():
    words = Words("“Anti-tank” weapons, said  Roe.")
    assert words.forms == ["anti-tank", "weapons", "said", "roe"]
    assert words.starts == [1, 12, 21, 27]
    assert words.where("said") == [21] and words.where("nobody") == []
    assert [words.cuts(p) for p in (0, 2, 11, 22, 31)] == [False, True, False, True, False]
    assert Words("").forms == [] and Words("  ").starts == []


def test_a_list_that_cannot_be_filed_is_searched_by_its_regex():
    odd = WordList(["(AP)", "said"])
    assert odd.firsts is None
    text = "a photo (AP) said"
    assert [m.group() for m in odd.finditer(text, 0, len(text))] == ["(AP)", "said"]
    assert odd.any_in(text, 0, 1)  # it cannot tell: it says "maybe"


def test_a_custom_pattern_may_find_an_entry_with_an_enclitic():
    leads = WordList(["menurut", "menurutnya"], pattern=re.compile(r"(?<![\w-])menurut(?P<enc>nya)?(?![\w-])"))
    text = "Menurutnya, menurut dia"
    assert [m.group() for m in leads.finditer(text, 0, len(text))] == ["menurut"]
    assert leads.search(text, 0, 10) is None  # "Menurutnya" is not lowercase


def test_typos_are_found_once_per_text_and_by_range():
    text = "Pasukan dikirm ke sana. Lalu kata dia, pasukan dikirim."
    assert words_in(["dikirim", "kata"], text, 0, 23) == [(8, 14, "dikirim")]
    assert words_in(["dikirim", "kata"], text, 24, len(text)) == [(29, 33, "kata"), (47, 54, "dikirim")]
    assert words_in(["dikirim"], text, 0, 12) == []  # "dikir", cut short, is no typo of it


def test_the_lexicons_word_lists_can_all_be_filed():
    from kg.extract import events, speech
    from kg.extract.actor_grammar import actor_grammar
    from kg.extract.event_cues import event_cues

    for language in ("en", "id"):
        lex = load(language)
        grammars = [speech.speech_grammar(lex), event_cues(lex), actor_grammar(lex), events._trigger_words(lex)]
        lists = [v for g in grammars for v in vars(g).values() if isinstance(v, WordList)]
        assert lists and all(w.firsts is not None for w in lists)
