"""Shared helpers for the HTML views: safe JSON, offline assets, styles, page rendering.

Every view is one self-contained HTML file: vis-network's JS and CSS are inlined from the
copy shipped inside the pyvis package, and all data is embedded as escaped JSON.

The data is compact, and ``page.js`` expands it at load: nodes are numbered (``ids``) and
everything else refers to them by number; each article's metadata is written once
(``articles``); nodes and edges carry their own label and tooltip and the number of a
shared style (``styles``, ``edgeStyles``); empty details are left out. At 1,000 articles
this made ``timeline.html`` 54 MB -> 11 MB.
"""
from __future__ import annotations

import html
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from kg.network import SOURCE_KEYS  # what one source says of an item

VIS_DIR = ("lib", "vis-9.1.2")
FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'

# Node attributes copied into the click panel (see docs/graph-model.md).
DETAIL_KEYS = (
    "kind", "label", "type", "date", "end", "precision", "time_text", "factuality",
    "direct", "quote", "sentence", "mention",
)
# An article's metadata, written once in the page's ``articles`` table.
ARTICLE_KEYS = ("article_title", "publisher", "url", "published")

EVENT_TYPES = ("deployment", "movement", "combat", "casualties", "attack", "treaty",
               "meeting", "training", "withdrawal", "arms_transfer", "cooperation", "interrogation", "exchange",
               "escalation", "other")
STATEMENT_KINDS = ("claim", "confirmation", "denial", "concern", "demand", "warning",
                   "prediction")
ACTOR_TYPES = ("country", "organization", "person", "armed_force", "group", "other")

COLORS = {
    "event": {
        "deployment": "#e15759", "movement": "#f28e2b", "combat": "#b6403a",
        "casualties": "#7a1f2b", "attack": "#d4661f", "treaty": "#4e79a7",
        "meeting": "#76b7b2", "training": "#59a14f", "withdrawal": "#c9a227", "arms_transfer": "#8c6d31",
        "cooperation": "#af7aa1", "interrogation": "#6b6ecf", "exchange": "#2a9d8f", "escalation": "#c2185b",
        "other": "#9a9a9a",
    },
    "statement": {
        "claim": "#9ecae1", "confirmation": "#a1d99b", "denial": "#fc9272",
        "concern": "#fdd0a2", "demand": "#c6b3e6", "warning": "#ffe066",
        "prediction": "#d9d9d9",
    },
    "actor": {
        "country": "#1f4e79", "organization": "#3f7fbf", "person": "#2e8b57",
        "armed_force": "#6b4e2e", "group": "#7b5ea7", "other": "#6f6f6f",
    },
    "place": {"": "#5f9e6e"},
}
DEFAULT_COLOR = "#8c8c8c"
WEAK = frozenset({"possible", "unconfirmed"})
NEGATED = "negated"


def safe_json_pieces(obj: Any, size: int = 1 << 20) -> Iterator[str]:
    """JSON that is safe inside an HTML ``<script>`` block (no ``<``, ``>``, ``&``, U+2028/9),
    made safe ``size`` characters at a time: what it escapes is one character each, so no
    piece cuts one in two, and the text is never copied whole (a page of 10,000 articles
    embeds over 100 MB of it).

    >>> "".join(safe_json_pieces({"a": "</script><b>&"}))
    '{"a": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    >>> list(safe_json_pieces({"a": "<b>"}, size=8))
    ['{"a": "\\\\u003c', 'b\\\\u003e"}']
    """
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True)
    for start in range(0, len(text), size):
        piece = text[start:start + size]
        for char, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
            piece = piece.replace(char, esc)
        yield piece


def vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS from pyvis's own copy, made safe to inline."""
    base = resources.files("pyvis").joinpath(*VIS_DIR)
    js = base.joinpath("vis-network.min.js").read_text(encoding="utf-8")
    css = base.joinpath("vis-network.css").read_text(encoding="utf-8")
    js = re.sub(r"//# sourceMappingURL=\S*", "", js)
    js = re.sub(r"</(script)", r"<\\/\1", js, flags=re.I).replace("<!--", "<\\!--")
    css = re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", css)
    css = re.sub(r"</(style)", r"<\\/\1", css, flags=re.I)
    return js, css


def _own(name: str) -> str:
    return resources.files("kg.views").joinpath(name).read_text(encoding="utf-8")


def render_page(title: str, data: dict[str, Any]) -> Iterator[str]:
    """The whole HTML page for one view, in pieces (written one after the other, or joined);
    ``data`` is embedded as escaped JSON (:func:`safe_json_pieces`).

    >>> page = "".join(render_page("a <b>", {"x": "</script>"}))
    >>> "<title>a &lt;b&gt;" in page, '{"x": "\\\\u003c/script\\\\u003e"}' in page, "@@DATA@@" in page
    (True, True, False)
    """
    js, css = vis_assets()
    parts = {
        "TITLE": [html.escape(title)],
        "VIS_CSS": [css],
        "PAGE_CSS": [_own("page.css")],
        "VIS_JS": [js],
        "DATA": safe_json_pieces(data),  # made as it is written: the template names it once
        "PAGE_JS": [_own("page.js")],
    }
    # The template cut at its placeholders, so that inlined text is never scanned for more.
    for n, text in enumerate(re.split(r"@@(\w+)@@", _own("page.html"))):
        yield from parts[text] if n % 2 else [text]


def atomic_write(path: str | Path, text: str | Iterable[str]) -> Path:
    """Write ``text`` (a string, or its pieces in turn) to ``path`` via a temp file in the same
    folder and ``os.replace``: a reader never sees half a file, nor one cut short by an error."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text) if isinstance(text, str) else fh.writelines(text)
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def attr(G: nx.MultiDiGraph, node: str, key: str) -> str:
    """A node attribute as a string ("" when missing)."""
    return value_of(G.nodes[node], key)


def value_of(data: dict, key: str) -> str:
    """``data[key]`` as a string ("" when missing or None): :func:`attr` of a node's attributes."""
    value = data.get(key)
    return "" if value is None else str(value)


def _offset(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1


class Numbering(dict):
    """Numbers for keys in the order they are first asked for; ``list(numbering)`` is the table.

    >>> ids = Numbering(); ids("b"), ids("a"), ids("b"), list(ids)
    (0, 1, 0, ['b', 'a'])
    """

    def __call__(self, key) -> int:
        number = self.get(key)
        if number is None:
            number = self[key] = len(self)
        return number


def details(G: nx.MultiDiGraph, node: str, ids: Numbering, articles: Numbering) -> dict[str, Any]:
    """What the click panel shows for one node, in the page's compact form.

    Empty values are left out; the article is a number in the ``articles`` table; each link
    is ``[other node's number in ids, role, 1 if outgoing else 0]``; each source (listed only
    when there are several) is ``[article's number, factuality, date]``.
    """
    data = G.nodes[node]
    out: dict[str, Any] = {k: v for k in DETAIL_KEYS if (v := value_of(data, k))}
    for key in ("mention_start", "mention_end"):
        if (offset := _offset(data.get(key))) >= 0:
            out[key] = offset
    if any(article := _article(data)):
        out["article"] = articles(article)
    links = [[ids(other), str(edge.get("label", "")), 1]
             for other, keyed in G.succ[node].items() for edge in keyed.values()]
    links += [[ids(other), str(edge.get("label", "")), 0]
              for other, keyed in G.pred[node].items() for edge in keyed.values()]
    out["links"] = links
    listed = json.loads(data["sources"]) if data.get("sources") else ()  # a merged item's (see sources)
    if len(listed) > 1:
        out["sources"] = [[articles(_article(src)), str(src.get("factuality") or ""), str(src.get("date") or "")]
                          for src in listed]
    return out


def _article(attrs: dict) -> tuple[str, ...]:
    return tuple(str(attrs.get(k, "") or "") for k in ("article",) + ARTICLE_KEYS)


def graph_data(G: nx.MultiDiGraph, drawn: list[str]) -> dict[str, Any]:
    """The page data both views share, for the ``drawn`` nodes.

    ``ids`` numbers every node the page refers to: the drawn ones first, in order, then the
    others their links reach; ``details`` is one entry per drawn node (:func:`details`),
    ``others`` the kind and label of the rest; ``articles`` holds each article's title,
    publisher, url and date once, however many items and sources cite it.
    """
    ids, articles = Numbering(), Numbering()
    for n in drawn:
        ids(n)
    entries = [details(G, n, ids, articles) for n in drawn]
    others = [{k: v for k in ("kind", "label") if (v := attr(G, n, k))} for n in list(ids)[len(drawn):]]
    return {"ids": list(ids), "details": entries, "others": others,
            "articles": [dict(zip(("iri",) + ARTICLE_KEYS, key)) for key in articles]}


class Styles(Numbering):
    """vis-network options shared by many nodes or edges, each written once in the page.

    >>> styles = Styles(); styles({"a": 1}), styles({"b": 2}), styles({"a": 1}), styles.table()
    (0, 1, 0, [{'a': 1}, {'b': 2}])
    """

    def __init__(self) -> None:
        super().__init__()
        self._made: dict[tuple, int] = {}

    def __call__(self, options: dict) -> int:
        return super().__call__(json.dumps(options, sort_keys=True))

    def of(self, make: Callable[..., dict], *args) -> int:
        """The number of ``make(*args)``, made once for each ``args``.

        >>> def box(color): return {"color": color}
        >>> styles = Styles(); styles.of(box, "red"), styles.of(box, "blue"), styles.of(box, "red"), styles.table()
        (0, 1, 0, [{'color': 'red'}, {'color': 'blue'}])
        """
        number = self._made.get((make, args))
        if number is None:
            number = self._made[make, args] = self(make(*args))
        return number

    def table(self) -> list[dict]:
        return [json.loads(key) for key in self]


def sources(G: nx.MultiDiGraph, node: str) -> list[dict[str, str]]:
    """Each source of an item with its own factuality and date.

    A merged item carries them as a JSON list in its ``sources`` attribute (GraphML holds
    strings only); any other item has one source, its own article.

    >>> G = nx.MultiDiGraph(); G.add_node("e", article="urn:a", publisher="P", factuality="possible")
    >>> [(s["publisher"], s["factuality"]) for s in sources(G, "e")]
    [('P', 'possible')]
    """
    listed = G.nodes[node].get("sources")
    if listed:
        return [{k: str(src.get(k, "") or "") for k in SOURCE_KEYS} for src in json.loads(listed)]
    if not attr(G, node, "article"):
        return []
    return [{k: attr(G, node, k) for k in SOURCE_KEYS}]


def lighten(hex_color: str, amount: float) -> str:
    """Mix a ``#rrggbb`` colour with white (``amount`` 0..1).

    >>> lighten("#000000", 0.5)
    '#808080'
    """
    rgb = [int(hex_color[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c + (255 - c) * amount):02x}" for c in rgb)


def darken(hex_color: str, amount: float) -> str:
    """Mix a ``#rrggbb`` colour with black."""
    rgb = [int(hex_color[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c * (1 - amount)):02x}" for c in rgb)


def text_color(hex_color: str) -> str:
    """Dark or light text, whichever reads better on ``hex_color``."""
    r, g, b = (int(hex_color[i:i + 2], 16) for i in (1, 3, 5))
    return "#1b1b1b" if 0.299 * r + 0.587 * g + 0.114 * b > 150 else "#ffffff"


def base_color(kind: str, typ: str) -> str:
    """The fill colour for a kind and type."""
    return COLORS.get(kind, {}).get(typ, COLORS.get(kind, {}).get("", DEFAULT_COLOR))


def style(kind: str, typ: str, factuality: str) -> dict[str, Any]:
    """vis-network node options for colour, border and font by kind, type and factuality."""
    fill = base_color(kind, typ)
    border, dashes, width = darken(fill, 0.35), False, 1.5
    if factuality in WEAK:
        fill, dashes, width = lighten(fill, 0.6), [6, 4], 2.5
    elif factuality == NEGATED:
        fill, border, dashes, width = lighten(fill, 0.7), "#b00020", [3, 3], 2.5
    return {
        "color": {"background": fill, "border": border,
                  "highlight": {"background": fill, "border": "#111111"},
                  "hover": {"background": fill, "border": "#111111"}},
        "borderWidth": width,
        "borderWidthSelected": width + 1.5,
        "shapeProperties": {"borderDashes": dashes},
        "font": {"color": text_color(fill), "face": FONT},
    }


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis.

    >>> shorten("abcdef", 4)
    'abc…'
    """
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def tooltip(G: nx.MultiDiGraph, node: str) -> str:
    """Plain-text hover text (vis-network shows it as text, never as HTML)."""
    data = G.nodes[node]
    get = lambda k: value_of(data, k)  # noqa: E731
    lines = [shorten(get("label") or node, 80),
             " · ".join(x for x in (get("kind"), get("type")) if x)]
    when = get("date") + (f" – {get('end')}" if get("end") and get("end") != get("date") else "")
    when = f"on or before {get('end')}" if not get("date") and get("end") else when
    if when or get("time_text"):
        written = f" ({get('time_text')})" if get("time_text") else ""
        lines.append(f"Date: {when or 'undated'}{written}")
    if get("factuality"):
        lines.append(f"Factuality: {get('factuality')}")
    lines.append("Click for details")
    return "\n".join(line for line in lines if line)


def legend(G: nx.MultiDiGraph, shapes: dict[str, str], kinds: tuple[str, ...]) -> list[dict]:
    """Legend sections for the kinds and types present in ``G``."""
    present: dict[str, set[str]] = {}
    facts = set()
    for _, data in G.nodes(data=True):
        kind = str(data.get("kind", ""))
        if kind in kinds:
            present.setdefault(kind, set()).add(str(data.get("type", "")))
            facts.add(str(data.get("factuality", "")))
    order = {"event": EVENT_TYPES, "statement": STATEMENT_KINDS, "actor": ACTOR_TYPES}
    sections = []
    for kind in kinds:
        if kind not in present:
            continue
        known = order.get(kind, ())
        types = sorted(present[kind],
                       key=lambda t: (t not in known, known.index(t) if t in known else 0, t))
        items = [{"label": (t or kind).replace("_", " "), "shape": shapes[kind],
                  "color": base_color(kind, t), "key": f"{kind}:{t}"} for t in types]
        sections.append({"title": kind.capitalize() + "s", "items": items})
    fact_items = [{"label": "asserted / reported", "shape": "box", "color": "#cfcfcf",
                   "line": "solid"}]
    if facts & WEAK:
        fact_items.append({"label": "possible / unconfirmed", "shape": "box",
                           "color": lighten("#cfcfcf", 0.6), "line": "dashed"})
    if NEGATED in facts:
        fact_items.append({"label": "negated", "shape": "box", "color": "#ffffff",
                           "line": "negated"})
    sections.append({"title": "Factuality", "items": fact_items})
    return sections
