"""Extraction of one article, stage by stage: furniture, sentences, times, quantities,
actors, statements, events.

>>> from kg.ingest import parse_article
>>> a = parse_article("Russian President Vladimir Putin said on June 19, 2024 that Russian troops were ready.", "a.txt")
>>> x = extract(a)
>>> [(s.speakers, s.kind, str(s.time.day)) for s in x.statements]
[(['vladimir-putin'], 'claim', '2024-06-19')]
"""
from __future__ import annotations

from dataclasses import replace

from ..gazetteer import load as load_gazetteer
from ..lexicon import load as load_lexicon
from ..model import Article, Extraction, TimeExpr
from .actors import find_actors
from .events import find_events
from .numbers import find_quantities
from .segment import furniture, quotes, sentences
from .spans import Cover
from .people import author
from .speech import find_statements
from .speech_grammar import speech_grammar
from .times import find_times


def extract(article: Article) -> Extraction:
    """Everything `kg` reads in one article."""
    lex = load_lexicon(article.language)
    text = article.text
    page = furniture(text, lex, article.body_start, article.title)
    spans = sentences(text, lex, page)
    times, told = [], []  # told: the times of the story so far, for "the same day", "at the time"
    dating = []  # the times that date what is told: not those of a citation
    for sentence in spans:
        found = find_times(text, lex, start=sentence.start, end=sentence.end,
                           anchor=article.published, previous=list(told), cited=lambda t: _cites(text, t, lex))
        times.extend(found)
        own = [t for t in found if not _cites(text, t, lex)]
        dating += own
        told += [t for t in own if t.begin or t.end]
    for item in page:  # dates on the page (a dateline, a time stamp, an old photo's caption) are kept, but date nothing
        if item.kind in ("dateline", "caption", "credit", "headline"):
            times += find_times(text, lex, start=item.span.start, end=item.span.end, anchor=article.published)
    times.sort(key=lambda t: t.span.start)
    time_spans = [t.span for t in times]
    in_times = Cover((t.start, t.end, t) for t in time_spans)
    quantities = [q for s in spans for q in find_quantities(text, lex, s.start, s.end, skip=in_times)]
    index = find_actors(text, spans, lex, load_gazetteer(), article.language, skip=time_spans)
    all_quotes = [q for s in spans for q in quotes(text, s.start, s.end)]
    statements = find_statements(article.id, text, spans, all_quotes, lex, index, dating, article.published,
                                 article.publisher, author(index))
    said = _said_when(text, lex, statements, times, article.published)
    times = [said.get((t.span.start, t.span.end), t) for t in times]
    dating = [said.get((t.span.start, t.span.end), t) for t in dating]
    for s in statements:
        s.time = said.get((s.time.span.start, s.time.span.end), s.time) if s.time else None
    events = find_events(article.id, text, spans, lex, index, statements, quantities, dating,
                         article.published)
    article.furniture = page
    warnings = [f"{article.path}: {t.warning} ({t.span.text!r})" for t in times if t.warning]
    return Extraction(article, index.actors, index.places, events, statements, times, quantities, warnings)


def _said_when(text: str, lex, statements, times: list[TimeExpr], published) -> dict[tuple, TimeExpr]:
    """Relative times in what someone said count from the day it was said: "in the coming
    days", in a statement made on 31 October, begins on 1 November whatever the publication
    date. In a quotation whose day is unknown they cannot be resolved.

    Returns the re-read times by the span of the time they replace.
    """
    relative = {(t.span.start, t.span.end): t for t in times if t.anchor == "publication"}
    replaced: dict[tuple, TimeExpr] = {}
    for s in statements:
        day = s.time.day if s.time else None
        own = (s.time.span.start, s.time.span.end) if s.time else None  # the statement's own time is
        for said in (s.quote, s.content):  # never counted from itself ("X said on Thursday last week that …")
            if said is None or day == published or (day is None and said is not s.quote):
                continue
            if not any(said.start <= a and b <= said.end for a, b in relative):
                continue  # no time counted from publication in it: nothing to re-read
            for t in find_times(text, lex, start=said.start, end=said.end, anchor=day):
                where = (t.span.start, t.span.end)
                if where in relative and where != own and relative[where].value != t.value:
                    replaced[where] = t if day else replace(
                        t, value="", begin=None, end=None, anchor="none",
                        warning="a relative time in a quotation of unknown date")
    return replaced


def _cites(text: str, time, lex) -> bool:
    """A time that dates a citation ("as quoted by Reuters, Sunday (12/1/2025)"): it dates
    neither a statement nor an event.

    >>> from kg.lexicon import load
    >>> from kg.model import Span, TimeExpr
    >>> s = "He said so, as quoted by Reuters, Sunday."
    >>> _cites(s, TimeExpr(Span.of(s, 34, 40), "", None, None, "day"), load("en"))
    True
    """
    found = speech_grammar(lex).citations.finditer(text, max(0, time.span.start - 60), time.span.start)
    if not found:
        return False
    between = text[found[-1].end():time.span.start]
    return len(between.split()) <= 6 and not any(mark in between for mark in ". ! ?".split())
