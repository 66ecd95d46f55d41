#!/usr/bin/env python3
"""Write N synthetic news articles about the story, for scale tests (never for accuracy).

    scripts/gen-corpus.py N OUTDIR [--seed S]

Half the articles are Indonesian, half English (alternating), each 300 to 800 words, with
front matter (title, publisher, published, language, url), a dateline, quotations direct and
reported, absolute and relative dates, and page furniture ("Baca juga:" lines, captions,
editor codes). Every word comes from ``gen-corpus.yaml`` beside this script; the code only
composes. The same N and seed give the same bytes: all choices come from one
``random.Random(seed)`` and nothing reads the clock.

From Python: ``articles(n, seed)`` yields ``(file name, text)`` pairs.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path

import yaml

DATA = Path(__file__).with_name("gen-corpus.yaml")
_SLOT = re.compile(r"\{([a-z_]+)(?:\.([a-z_]+))?\}")
# Paragraph kinds and how often each is drawn; furniture stands alone on its line.
_KINDS = {"quote_first": 6, "quote_enclitic": 4, "quote_more": 3, "reported": 6, "reported_dated": 4,
          "according": 3, "citation": 2, "citation2": 2, "negated": 2, "denied": 2, "background": 4, "relative": 3,
          "future": 2, "related": 2, "caption": 1, "video": 1}
_FURNITURE = {"related", "caption", "video"}


def load_data(path: Path = DATA) -> dict:
    """The word lists and templates (dates in them read as ``date``)."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


class Writer:
    """Composes one article in one language from the data, drawing from ``rng``."""

    def __init__(self, data: dict, language: str, rng: random.Random, published: date):
        self.data, self.words, self.rng = data, data[language], rng
        self.language, self.published = language, published
        self.article: dict[str, dict] = {}  # records bound for the whole article ("main")
        self.paragraph: dict[str, dict] = {}  # records bound for the current paragraph

    # --- templates ------------------------------------------------------------------
    def fill(self, template: str) -> str:
        """Replace every slot of ``template``, recursively."""
        return _SLOT.sub(lambda m: self.slot(m.group(1), m.group(2)), template)

    def slot(self, name: str, field: str | None) -> str:
        """The text of one slot: a record's field, a computed value, or a list entry."""
        if name.endswith("_cap"):  # the same, with a capital first letter
            text = self.slot(name[:-4], field)
            return text[:1].upper() + text[1:]
        if field:
            scope = self.article if name.startswith("main") else self.paragraph
            if name not in scope:
                scope[name] = self.rng.choice(self.words[name])
            return self.fill(scope[name][field])
        computed = getattr(self, "_" + name, None)
        if computed is not None:
            return computed()
        return self.fill(self.rng.choice(self.words[name]))

    # --- computed slots -------------------------------------------------------------
    def _number(self, n: int) -> str:
        return f"{n:,}".replace(",", self.words["thousands"])

    def _troops(self) -> str:
        return self._number(self.rng.choice(self.data["figures"]))

    def _casualties(self) -> str:
        return self._number(self.rng.choice(self.data["casualty_figures"]))

    def _figure_a(self) -> str:
        return self._number(min(self.data["figures"]))

    def _figure_b(self) -> str:
        return self._number(self.rng.choice(self.data["figures"][2:]))

    def _past(self) -> date:
        """A day in the week before publication, when most reported things happened."""
        return self.published - timedelta(days=self.rng.randint(1, 7))

    def _weekday(self) -> str:
        return self.words["weekdays"][self._past().weekday()]

    def _long(self, day: date) -> str:
        months = self.words["months"]
        if self.language == "en":
            short = self.words["month_abbreviations"][day.month - 1]
            return f"{self.rng.choice([short, months[day.month - 1]])} {day.day}, {day.year}"
        return f"{day.day} {months[day.month - 1]} {day.year}"

    def _numeric(self, day: date, year: bool) -> str:
        """Indonesian style: "Selasa (12/11/2024)", "Selasa (12/11)"."""
        written = f"{day.day}/{day.month}" + (f"/{day.year}" if year else "")
        return f"{self.words['weekdays'][day.weekday()]} ({written})"

    def _day(self) -> str:
        day = self._past()
        weekday = self.words["weekdays"][day.weekday()]
        if self.language == "en":
            return self.rng.choice([f"on {weekday}", f"on {self._long(day)}", f"on {weekday}, {self._long(day)}"])
        return self.rng.choice([self._numeric(day, True), self._numeric(day, False), f"{weekday}, {self._long(day)}"])

    def _day_short(self) -> str:
        day = self._past()
        return self.words["weekdays"][day.weekday()] if self.language == "en" else self._numeric(day, False)

    def _day_long(self) -> str:
        return self._long(self.published - timedelta(days=self.rng.randint(1, 400)))

    def _pub_day(self) -> str:
        return self._long(self.published) if self.language == "en" else self._numeric(self.published, True)

    def _pub_short(self) -> str:
        return f"{self.words['month_abbreviations'][self.published.month - 1].rstrip('.')[:3]} {self.published.day}"

    def _month_year(self) -> str:
        return f"{self.words['months'][self.published.month - 1]} {self.published.year}"

    def _year(self) -> str:
        return str(self.published.year)

    def _code(self) -> str:
        return "".join(self.rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(3))

    # --- the article ----------------------------------------------------------------
    def paragraph_text(self, kind: str) -> str:
        self.paragraph = {}
        return self.fill(self.words["paragraph"][kind])

    def body(self) -> list[str]:
        """The paragraphs: a lead with its dateline, story paragraphs, a closing line."""
        low, high = self.words["words_per_article"]
        target = self.rng.randint(low + 20, high - 90)
        publisher = self.article_publisher
        lead = self.fill(publisher["dateline"]) + self.fill(self.rng.choice(self.words["lead"]))
        lines, count = [lead], len(lead.split())
        kinds, weights = list(_KINDS), list(_KINDS.values())
        while count < target:
            kind = self.rng.choices(kinds, weights)[0]
            text = self.paragraph_text(kind)
            if kind not in _FURNITURE and self.rng.random() < 0.4:  # two sentences in a paragraph
                second = self.rng.choice([k for k in kinds if k not in _FURNITURE])
                text += " " + self.paragraph_text(second)
            lines.append(text)
            count += len(text.split())
        lines.append(self.fill(self.rng.choice(self.words["endings"])))
        return lines

    def write(self, number: int) -> str:
        """The whole file: front matter and body."""
        self.article_publisher = self.rng.choice(self.words["publishers"])
        title = self.fill(self.rng.choice(self.words["title"]))
        body = self.body()
        slug = re.sub(r"[^a-z0-9]+", "-", title.casefold()).strip("-")[:60].strip("-")
        p = self.published
        url = (f"https://{self.article_publisher['host']}/{p.year}/{p.month:02d}/{p.day:02d}/"
               f"{slug}-{number}{self.rng.randint(1000, 9999)}")
        front = [("title", json.dumps(title, ensure_ascii=False)),
                 ("publisher", json.dumps(self.article_publisher["name"], ensure_ascii=False)),
                 ("published", p.isoformat()), ("language", self.language), ("url", url)]
        return "---\n" + "".join(f"{k}: {v}\n" for k, v in front) + "---\n" + "\n".join(body) + "\n"


def articles(n: int, seed: int = 0, data: dict | None = None):
    """``(file name, text)`` of ``n`` articles, Indonesian and English in turn."""
    data = data or load_data()
    rng = random.Random(seed)
    first, last = data["days"]["first"], data["days"]["last"]
    span = (last - first).days
    for i in range(n):
        language = ("id", "en")[i % 2]
        published = first + timedelta(days=rng.randint(0, span))
        text = Writer(data, language, rng, published).write(i)
        yield f"gen-{i:05d}-{language}.txt", text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="how many articles")
    parser.add_argument("outdir", type=Path, help="where to write them (created if missing)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("N must be 0 or more")
    args.outdir.mkdir(parents=True, exist_ok=True)
    for name, text in articles(args.n, args.seed):
        (args.outdir / name).write_bytes(text.encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
