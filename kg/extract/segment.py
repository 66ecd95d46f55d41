"""Split an article into page furniture, sentences and quotations.

Page furniture ("Baca juga: ..." links, promotion, credits, captions, the dateline) is
marked, not lost. Sentences are split on final punctuation, also where a report glued two
sentences together ("…depan.”Menteri"), but never inside a quotation. Straight and curly
quote marks may be mixed: an opening ``"`` may close with ``”``.

>>> from kg.lexicon import load
>>> text = '"Kami siap," kata dia.Lalu dia pergi. Baca juga: Judul lain'
>>> [s.text for s in sentences(text, load("id"))]
['"Kami siap," kata dia.', 'Lalu dia pergi.', 'Baca juga: Judul lain']
>>> [q.text for q in quotes(text)]
['Kami siap']
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import Lexicon
from ..model import Furniture, Span

_OPEN = "\"“„«"
_CLOSE = "\"”“»"
_END = re.compile(r"[.!?…]+[\"”’)»]*")
_OPENING = re.compile(f"[{re.escape(_OPEN)}]")
_CLOSING = re.compile(f"[{re.escape(_CLOSE)}\n]")


def furniture(text: str, lex: Lexicon, body_start: int = 0, title: str | None = None) -> list[Furniture]:
    """Lines (or the dateline opening) that are page furniture, in text order; the first line,
    when it is the title written again ("UPDATE 2-" before it), is the headline, as are the
    header lines before a dateline that does not open the text.

    >>> from kg.lexicon import load
    >>> [(f.kind, f.span.text) for f in furniture("UPDATE 1-Troops arrive\\nTroops arrived.", load("en"), 0, "Troops arrive")]
    [('headline', 'UPDATE 1-Troops arrive')]
    """
    opened = text.rfind("\n", 0, body_start) + 1 if body_start else 0  # the dateline's line: any before it are headers
    found = [Furniture("dateline", Span.of(text, opened, body_start))] if body_start else []
    first = next(iter(_lines(text)), None)
    retitled = title and first and first.start >= body_start and _folded(first.text).endswith(_folded(title))
    kinds = [("related", "related", _opens), ("credit", "credit", _opens),
             ("promo", "promo", _holds), ("caption", "caption", _holds)]
    codes = re.compile(lex.get("page.editor_code", "(?!)"))
    credit_end = re.compile(lex.get("page.caption_end", "(?!)"))
    for line in _lines(text):
        if retitled and line == first:
            found.append(Furniture("headline", line))
            continue
        written = text[body_start if line.start < body_start <= line.end else line.start:line.end].strip()
        if codes.fullmatch(written):  # "(rfs/jar)", "burs-ceb/dhc": the desk's initials
            found.append(Furniture("byline", line))
        elif credit_end.search(written) and line.start >= body_start:  # "… (AP Photo/Jane Roe)"
            found.append(Furniture("caption", line))
        else:
            kind = next((kind for kind, key, test in kinds if test(written, lex.get(f"page.{key}", []))), None) \
                or ("credit" if _byline(written, lex.get("page.byline", [])) else None)
            if kind or line.end <= opened:  # (a header line before the dateline: a headline, a time stamp)
                found.append(Furniture(kind or "headline", line))
    return sorted(found, key=lambda f: f.span.start)


def _folded(line: str) -> str:
    """``line`` casefolded, with its spaces made one and its quote marks left out."""
    return " ".join(re.sub(r"[\"“”'‘’]", "", line).casefold().split())


def _opens(written: str, cues: list[str]) -> bool:
    """Whether ``written`` begins with one of ``cues``, whatever its case, inside a bracket or
    with a space before the colon: "(baca juga: …)", "BACA JUGA : …".

    >>> [_opens(w, ["Baca juga:"]) for w in ("(baca juga: Putin Teken UU)", "Baca Juga : X", "Bacalah")]
    [True, True, False]
    """
    return _plain(written[:80]).startswith(_plain_cues(tuple(cues)))


def _plain(line: str) -> str:
    line = line.lstrip("([{« \t")
    return (_BEFORE_COLON.sub(":", line) if ":" in line else line).casefold()


@lru_cache(maxsize=None)
def _plain_cues(cues: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_plain(c) for c in cues)


_BEFORE_COLON = re.compile(r"\s+:")


def _byline(written: str, leads: list[str]) -> bool:
    """Whether ``written`` is a byline: a short line opening with one of ``leads`` that does
    not end as a sentence ends.

    >>> [_byline(w, ["By "]) for w in ("By Jane Roe, Reuters", "By February the troops had moved back.")]
    [True, False]
    """
    return written.startswith(tuple(leads)) and len(written.split()) <= 12 and not written.endswith((".", "!", "?", '"', "”"))


def _holds(written: str, cues: list[str]) -> bool:
    """Whether ``written`` holds one of ``cues``."""
    return any(cue in written for cue in cues)


def sentences(text: str, lex: Lexicon, skip: list[Furniture] = ()) -> list[Span]:
    """Sentence spans of ``text``, leaving out furniture lines and the dateline opening."""
    skipped = [(f.span.start, f.span.end) for f in skip]
    abbreviations = set(lex.get("detect.abbreviations", []))
    starters = frozenset(lex.get("detect.sentence_starters", []))
    found = []
    for line in _lines(text):
        start = line.start
        for s, e in skipped:  # a dateline opening shortens its line
            if s <= start < e:
                start = e
        if any(s <= start and line.end <= e for s, e in skipped) or start >= line.end:
            continue
        found.extend(_split(text, start, line.end, abbreviations, starters))
    return found


def quotes(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Quotations in ``text[start:end]``: the text between the quote marks.

    An unclosed quotation runs to the end of its paragraph.
    """
    end = len(text) if end is None else end
    found, i = [], start
    while i < end:
        opening = _OPENING.search(text, i, end)
        if opening is None:
            break
        i = opening.start()
        ch = text[i]
        if (i == start or not text[i - 1].isalnum()) and ch != "”":
            closing = _CLOSING.search(text, i + 1, end)
            j = closing.start() if closing else end
            last = j
            while last > i + 1 and text[last - 1] in ", ":  # '"…," kata X': the comma is not quoted
                last -= 1
            if last > i + 1:
                found.append(Span.of(text, i + 1, last))
            i = j + 1
        else:
            i += 1
    return found


def _lines(text: str) -> list[Span]:
    spans, pos = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            begin = pos + raw.index(stripped[0])
            spans.append(Span.of(text, begin, begin + len(stripped)))
        pos += len(raw) + 1
    return spans


#: Letters each followed by a full stop ("U.S.", "U.N."), or one alone ("N. Korea", "Lloyd J.
#: Austin"): a name, not a sentence's end, unless a word that begins sentences follows ("… the
#: U.S. The …").
_INITIALISM = re.compile(r"[\"“(]?(?:[A-Z]\.)+")


def _split(text: str, start: int, end: int, abbreviations: set[str], starters: frozenset[str]) -> list[Span]:
    """Split one paragraph into sentences, keeping quotations whole; after an initialism
    ("U.S.") only before a word that begins sentences (``starters``: "The", "It")."""
    inside = [(q.start, q.end) for q in quotes(text, start, end)]
    spans, begin = [], start
    for m in _END.finditer(text, start, end):
        cut = m.end()
        if any(s == cut for s, _ in inside) and text[cut - 1] == '"':  # glued: '…there."They …': it opens one
            cut -= 1
        if any(s <= m.start() and cut <= e for s, e in inside):  # a full stop inside a quotation
            continue
        word = text[max(begin, text.rfind(" ", begin, m.start()) + 1) : m.start() + 1]
        rest = text[cut:end]
        if word in abbreviations or _INITIALISM.fullmatch(word) and rest[:1].isspace() \
                and rest.split(None, 1)[0] not in starters:  # "Mr.", "U.S. Defense", not "the U.S. The"
            continue
        if rest and not rest[0].isspace():
            if not re.match(r"[\"“]?[A-Z][a-z]", rest):  # glued: "…depan.”Menteri"
                continue
        elif rest.strip() and not re.match(r"\s+[\"“(]?[A-Z0-9]", rest):
            continue
        spans.append(Span.of(text, begin, cut))
        begin = cut + (len(rest) - len(rest.lstrip()))
    if begin < end:
        spans.append(Span.of(text, begin, end))
    return [s for s in spans if s.text.strip()]
