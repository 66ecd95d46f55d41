"""The figures each source gave, side by side: ``figures.html``.

One section per measure (troops sent, killed, wounded, killed or wounded, captured): a chart
of every figure by the day it was given, one colour per source, and a table of the same
figures with their source, qualifier and article. Nothing is picked or averaged. The rows
are those of the named query ``figures-by-source``.

>>> from kg.query import _EXAMPLE
>>> [(r["counts"], r["value"], r["source"], r["said"]) for r in figure_rows(_EXAMPLE)]
[('troops_sent', '10000', 'Matthew Miller', '2024-11-12')]
"""
from __future__ import annotations

import html
from datetime import date
from pathlib import Path

import numpy

from kg.footprint import Footprint
from kg.views.page import atomic_write

MEASURES = ("troops_sent", "killed", "wounded", "killed_or_wounded", "captured")
TITLES = {"troops_sent": "Troops sent", "killed": "Killed", "wounded": "Wounded",
          "killed_or_wounded": "Killed or wounded", "captured": "Captured"}
QUALIFIERS = {"exact": "", "about": "about ", "more_than": "more than ", "at_least": "at least ",
              "up_to": "up to ", "less_than": "fewer than "}
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf")
OTHER = "#9a9a9a"
W, H, PAD_L, PAD_B, PAD_T = 760, 260, 70, 40, 16


def figure_rows(store) -> list[dict[str, str]]:
    """The rows of the named query ``figures-by-source`` on a store of :mod:`kg.store` (or
    anything :func:`kg.store.open_store` opens: a graph file, a store folder, an endpoint)."""
    from kg.query import run_on

    header, rows = run_on(store, "figures-by-source")
    return [{**dict(zip(header, row)), "source": row[header.index("source")] or "(source not named)"}
            for row in rows]


def _figure(row: dict[str, str]) -> str:
    text = QUALIFIERS.get(row["qualifier"], "") + f"{int(row['value']):,}"
    return text + (f"–{int(row['upper']):,}" if row["upper"] else "")


def _chart(rows: list[dict[str, str]], colours: dict[str, str]) -> str:
    """An SVG of the figures by day (x) and value (y); undated figures are left to the table."""
    dated = [r for r in rows if r["said"]]
    if not dated:
        return "<p class=note>No figure in this measure has a date.</p>"
    days = [date.fromisoformat(r["said"]) for r in dated]
    d0, d1 = min(days), max(days)
    span = max((d1 - d0).days, 1)
    top = max(int(r["upper"] or r["value"]) for r in dated) * 1.1 or 1
    x = lambda d: PAD_L + (d - d0).days / span * (W - PAD_L - 30)  # noqa: E731
    y = lambda v: PAD_T + (1 - v / top) * (H - PAD_T - PAD_B)  # noqa: E731
    parts = [f'<svg role="img" viewBox="0 0 {W} {H}" width="{W}" height="{H}">',
             f'<line x1="{PAD_L}" y1="{H - PAD_B}" x2="{W - 20}" y2="{H - PAD_B}" stroke="#999"/>',
             f'<line x1="{PAD_L}" y1="{PAD_T}" x2="{PAD_L}" y2="{H - PAD_B}" stroke="#999"/>']
    for k in range(5):
        v = top / 1.1 * k / 4
        parts.append(f'<text x="{PAD_L - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{int(v):,}</text>')
        parts.append(f'<line x1="{PAD_L}" y1="{y(v):.1f}" x2="{W - 20}" y2="{y(v):.1f}" stroke="#eee"/>')
    for d in sorted({d0, d1}):
        parts.append(f'<text x="{x(d):.1f}" y="{H - PAD_B + 18}" text-anchor="middle">{d.isoformat()}</text>')
    for r, d in zip(dated, days):
        cx, cy = x(d), y(int(r["value"]))
        tip = html.escape(f"{r['source']}, {r['said']}: {_figure(r)} ({r['publisher'] or 'article'})")
        if r["upper"]:
            parts.append(f'<line x1="{cx:.1f}" y1="{cy:.1f}" x2="{cx:.1f}" y2="{y(int(r["upper"])):.1f}" '
                         f'stroke="{colours[r["source"]]}" stroke-width="3"/>')
        parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="5" fill="{colours[r["source"]]}" '
                     f'fill-opacity="0.8"><title>{tip}</title></circle>')
    parts.append("</svg>")
    return "".join(parts)


def figures_html(rows: list[dict[str, str]], *, title: str = "Figures by source") -> str:
    """The page: per measure, a chart and a table of every figure with its source."""
    sections = []
    for m in [m for m in MEASURES if any(r["counts"] == m for r in rows)]:
        mine = [r for r in rows if r["counts"] == m]
        sources = sorted({r["source"] for r in mine}, key=lambda s: (-sum(r["source"] == s for r in mine), s))
        colours = {s: PALETTE[k] if k < len(PALETTE) else OTHER for k, s in enumerate(sources)}
        key = "".join(f'<span class=key><i style="background:{colours[s]}"></i>{html.escape(s)}</span>'
                      for s in sources)
        table = "".join(
            f"<tr><td>{html.escape(r['said'] or 'undated')}</td><td>{html.escape(r['source'])}</td>"
            f"<td class=num>{html.escape(_figure(r))}</td><td>{html.escape(r['publisher'])}</td>"
            f"<td>{_link(r)}</td><td>{'merged' if r['story'] else ''}</td></tr>" for r in mine)
        sections.append(
            f"<section id={m}><h2>{TITLES[m]} <small>{len(mine)} figure(s), {len(sources)} source(s)</small></h2>"
            f"<div class=keys>{key}</div>{_chart(mine, colours)}"
            "<table><thead><tr><th>given on</th><th>source</th><th>figure</th><th>publisher</th>"
            f"<th>article</th><th>event</th></tr></thead><tbody>{table}</tbody></table></section>")
    body = "".join(sections) or "<p class=note>No figure with a measure was found.</p>"
    return (
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<title>{html.escape(title)}</title><style>{STYLE}</style></head><body>"
        f"<h1>{html.escape(title)}</h1><p class=note>Every figure as written, by the day it was given "
        "(the reporting statement's day, else the article's). Nothing is picked or averaged; the same "
        "figure repeated by several outlets appears once per article.</p>"
        f"{body}</body></html>\n")


def _link(row: dict[str, str]) -> str:
    return html.escape(row["article"].rsplit("/", 1)[-1])


STYLE = """
body { font-family: system-ui, sans-serif; margin: 24px; color: #1f2328; max-width: 1100px; }
h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 28px; } h2 small { color: #5b6470; font-weight: 400; }
.note { color: #5b6470; } .keys { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 13px; }
.key i { display: inline-block; width: 11px; height: 11px; border-radius: 50%; margin-right: 5px; }
svg text { font-size: 11px; fill: #5b6470; }
table { border-collapse: collapse; font-size: 13px; margin-top: 8px; width: 100%; }
th, td { text-align: left; padding: 3px 8px; border-bottom: 1px solid #e3e6ea; vertical-align: top; }
td.num { text-align: right; white-space: nowrap; }
"""


def write_figures(store, path: str | Path) -> Path:
    """Write ``figures.html`` for a store (see :func:`figure_rows`)."""
    return atomic_write(path, figures_html(figure_rows(store)))


def figure_triples(union) -> Footprint:
    """The triples of ``union`` (:func:`kg.formats.merged`) the page's query can reach,
    followed from the figures: a fifth of the triples of the predicates it reads at 1,000
    generated articles (88,096 of 444,687), where every item's ``prov:wasDerivedFrom`` and
    every label are read. What the query joins is followed here step by step; a change to
    the query that reads more must add its step (``tests/test_footprint.py`` asks both for
    the same rows).

    >>> from kg.formats import merged
    >>> from kg.query import _EXAMPLE, load_graph
    >>> union = merged(load_graph(_EXAMPLE))
    >>> len(figure_triples(union)), len(union)
    (23, 1468)
    """
    from kg.query import load_query, triples_read
    from kg.vocab import KGO, PROV, SCHEMA, SEM
    from rdflib import RDFS

    found = Footprint(union, triples_read(load_query("figures-by-source")))
    events, quantities = found.keep(KGO.quantity)
    found.from_(quantities, KGO.measure, KGO.value, KGO.upperValue, KGO.qualifier)
    found.to(events, KGO.reportedAs)  # the stories
    statements = found.to(events, KGO.reports)
    tellers = found.from_(statements, KGO.speaker)
    found.from_(tellers, RDFS.label)
    found.from_(found.from_(statements, SEM.hasTime), SEM.hasTimeStamp)
    denials = found.from_(statements, KGO.claim, to=found.subjects(KGO.factuality))  # read: the negated
    found.from_(denials, KGO.factuality)
    found.from_(denials, KGO.about, to=events)
    articles = found.from_(numpy.union1d(events, statements), PROV.wasDerivedFrom)
    found.from_(articles, SCHEMA.publisher, SCHEMA.datePublished)
    found.keep(SCHEMA.inLanguage)  # every article's: the languages a teller's label is looked for in
    return found


def write_figures_of(files: tuple[Path, Path]) -> Path:
    """Write ``figures.html`` at ``files[1]`` from the N-Triples file ``files[0]``, loaded
    into Oxigraph in memory and then removed: what a build does with the triples its query
    reads, in a worker process when it has workers (one argument, as
    :class:`kg.parallel.Background` runs it).

    >>> import tempfile
    >>> from kg.formats import merged, ntriples_of
    >>> from kg.query import _EXAMPLE, load_graph
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     triples = Path(tmp, "figures.nt")
    ...     _ = triples.write_text("".join(ntriples_of(merged(load_graph(_EXAMPLE)))), encoding="utf-8")
    ...     page = write_figures_of((triples, Path(tmp, "figures.html")))
    ...     "Matthew Miller" in page.read_text(), triples.exists()
    (True, False)
    """
    from kg.store import MemoryStore

    triples, path = files
    store = MemoryStore(triples)
    triples.unlink()
    return write_figures(store, path)
