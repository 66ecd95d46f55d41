"""The views for other tools: dynamic GEXF, TimelineJS JSON, static SVG, and notebooks."""
import html
import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import HOSTILE_LABEL
from kg.views import notebook
from kg.views.gexf import KEEP, starts, write_gexf
from kg.views.graphml import write_graphml
from kg.views.svg import write_svg
from kg.views.timeline import timeline_html
from kg.views.timelinejs import write_timelinejs

GEXF = "{http://www.gexf.net/1.2draft}"
SVG = "{http://www.w3.org/2000/svg}"


def test_gexf_is_dynamic_with_first_days(views_graph, tmp_path):
    path = write_gexf(views_graph, tmp_path / "g.gexf")
    root = ET.parse(path).getroot()
    graph = root.find(f"{GEXF}graph")
    assert (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date")
    start = {n.get("id"): n.get("start") for n in graph.iter(f"{GEXF}node")}
    assert start["urn:e1"] == "2024-11-04"
    assert start["urn:e2"] == "2024-10-01"        # a vague month starts at its first day
    assert start["urn:e4"] == "2024-11-06"        # only a latest day is known
    assert start["urn:s1"] is None                # undated: always shown
    assert start["urn:actor/a"] == "2024-11-04"   # an actor enters with its first item
    assert start["urn:actor/h"] == "2024-10-01"
    assert "lastmodifieddate" not in path.read_text(encoding="utf-8")
    back = nx.read_gexf(path)
    assert set(back) == set(views_graph) and back.number_of_edges() == views_graph.number_of_edges()
    assert back.nodes["urn:actor/h"]["label"] == HOSTILE_LABEL
    assert back.nodes["urn:e2"]["factuality"] == "possible"


def test_timelinejs_keeps_precision_and_escapes_text(views_graph, tmp_path):
    text = write_timelinejs(views_graph, tmp_path / "t.json").read_text(encoding="utf-8")
    doc = json.loads(text)
    slides = {s["text"]["headline"]: s for s in doc["events"]}
    assert len(doc["events"]) == 5 and "1 undated item(s) are not shown" in doc["title"]["text"]["text"]
    month = slides["fighting (possible)"]
    assert month["start_date"] == {"year": 2024, "month": 10} and "end_date" not in month
    assert slides["sent"]["display_date"] == "by 6 Nov 2024"
    assert slides["moved"]["start_date"] == {"year": 2024, "month": 11, "day": 4}
    assert slides["moved"]["group"] == "Events: deployment"
    assert "Pub" in slides["moved"]["text"]["text"] and 'href="https://example.org/a1"' in slides["moved"]["text"]["text"]
    assert html.escape(HOSTILE_LABEL) in month["text"]["text"] and "<script>" not in text
    days = [tuple(s["start_date"].get(k, 0) for k in ("year", "month", "day")) for s in doc["events"]]
    assert days == sorted(days)


def test_svg_draws_every_item_as_text(views_graph, tmp_path):
    path = write_svg(views_graph, tmp_path / "t.svg")
    root = ET.parse(path).getroot()
    drawn = {g.get("data-id") for g in root.iter(f"{SVG}g")}
    assert drawn == {n for n, kind in views_graph.nodes(data="kind") if kind != "place"}
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert HOSTILE_LABEL[:20] in " ".join(texts)  # escaped in the file, the same text once parsed
    assert "undated" in texts and "Event · deployment" in texts
    source = path.read_text(encoding="utf-8")
    assert "<script" not in source and "href" not in source
    assert int(root.get("width")) > 500 and int(root.get("height")) > 300


def test_notebook_inline_view(views_graph, tmp_path):
    view = notebook.timeline(views_graph, height=480)
    frame = view._repr_html_()
    srcdoc = frame.split('srcdoc="', 1)[1].split('"', 1)[0]
    assert html.unescape(srcdoc) == timeline_html(views_graph) == view.html
    assert HOSTILE_LABEL not in frame and 'sandbox="allow-scripts"' in frame
    assert view.save(tmp_path / "t.html").read_text(encoding="utf-8") == view.html
    assert "Story network" in notebook.network(views_graph).html


def test_figures_page_lists_every_figure_by_source(tmp_path):
    from kg.query import _EXAMPLE
    from kg.views.figures import figures_html, write_figures

    rows = [{"counts": "troops_sent", "value": "10000", "upper": "", "qualifier": "more_than",
             "source": HOSTILE_LABEL, "said": "2024-11-12", "publisher": "Pub", "article": "urn:a/x",
             "event": "urn:e", "story": "urn:s"},
            {"counts": "troops_sent", "value": "8000", "upper": "12000", "qualifier": "exact",
             "source": "Other", "said": "", "publisher": "", "article": "urn:a/y", "event": "urn:f",
             "story": ""}]
    page = figures_html(rows)
    assert HOSTILE_LABEL not in page and html.escape(HOSTILE_LABEL) in page
    assert "more than 10,000" in page and "8,000–12,000" in page and "undated" in page
    assert page.count("<circle") == 1  # the undated figure is in the table only
    assert "<script" not in page
    path = write_figures(_EXAMPLE, tmp_path / "figures.html")
    assert "Troops sent" in path.read_text(encoding="utf-8")


# Any text XML 1.0 can hold: tabs, line breaks, markup, quotes, accents, emoji, U+2028.
_XML_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\ufffe\uffff",
                                  min_codepoint=0x20) | st.sampled_from("\t\n\r<>&\"'\u2028é"), max_size=12)
_VALUES = _XML_TEXT | st.integers(-2**40, 2**40) | st.floats(allow_nan=False) | st.booleans()


@st.composite
def _graphs(draw, values=_VALUES):
    """A multigraph with attributes of every type GraphML holds, names of any text."""
    G = nx.MultiDiGraph()
    names = draw(st.lists(_XML_TEXT, min_size=1, max_size=6, unique=True))
    attributes = st.dictionaries(st.sampled_from(["label", "kind", "date", "mention_start", "x"]), values)
    for n in names:
        G.add_node(n, **draw(attributes))
    for u, v, key in draw(st.lists(st.tuples(st.sampled_from(names), st.sampled_from(names), _XML_TEXT),
                                   max_size=8, unique=True)):
        G.add_edge(u, v, key=key, **draw(attributes))
    return G


@settings(derandomize=True, max_examples=200, deadline=None)
@given(G=_graphs())
def test_graphml_is_the_bytes_networkx_writes(G, tmp_path_factory):
    path = write_graphml(G, tmp_path_factory.mktemp("g") / "g.graphml")
    written = io.BytesIO()
    nx.write_graphml(G, written)  # with lxml, as networkx does when it is installed
    assert path.read_bytes() == written.getvalue()


_PROJECTION_TEXT = st.sampled_from(["", "2024-10-08", "2024-11-04"]) | _XML_TEXT


@settings(derandomize=True, max_examples=150, deadline=None)
@given(G=_graphs(values=_PROJECTION_TEXT), kinds=st.lists(st.sampled_from(["event", "statement", "actor", "place"]),
                                                   min_size=6, max_size=6))
def test_gexf_reads_back_as_the_projection_with_its_starts(G, kinds, tmp_path_factory):
    for n, kind in zip(G, kinds):
        G.nodes[n]["kind"] = kind
    nodes, edges = _gexf_items(write_gexf(G, tmp_path_factory.mktemp("g") / "g.gexf"))
    start = starts(G)
    assert nodes == {n: {"label": str(d.get("label", n)), "start": start[n],
                         **{k: str(d.get(k, "") or "") for k in KEEP}, "date_end": str(d.get("end", "") or "")}
                     for n, d in G.nodes(data=True)}
    assert sorted(edges) == sorted((u, v, key, str(d.get("label", key))) for u, v, key, d in G.edges(keys=True, data=True))


def _gexf_items(path):
    """The nodes (id: label, start and attributes) and edges (source, target, key, label) of a GEXF file."""
    graph = ET.parse(path).getroot().find(f"{GEXF}graph")
    titles = {a.get("id"): a.get("title") for a in graph.iter(f"{GEXF}attribute")}
    def values(element):
        return {titles[a.get("for")]: a.get("value") for a in element.iter(f"{GEXF}attvalue")}
    nodes = {n.get("id"): {"label": n.get("label"), "start": n.get("start"), **values(n)}
             for n in graph.iter(f"{GEXF}node")}
    edges = [(e.get("source"), e.get("target"), values(e)["networkx_key"], e.get("label"))
             for e in graph.iter(f"{GEXF}edge")]
    return nodes, edges


def test_xml_views_hold_text_xml_cannot_as_the_replacement_character(tmp_path):
    """GraphML, GEXF and the SVG: a control character in a label would make the file unreadable."""
    G = nx.MultiDiGraph()
    G.add_node("urn:a", kind="actor", label="page\x0cbreak\x00\ufffe", sentence="bell\x07")
    G.add_edge("urn:a", "urn:a", key="self\x1f", label="loop")
    back = nx.read_graphml(write_graphml(G, tmp_path / "g.graphml"), force_multigraph=True)
    assert back.nodes["urn:a"] == {"kind": "actor", "label": "page\ufffdbreak\ufffd\ufffd", "sentence": "bell\ufffd"}
    assert back.edges["urn:a", "urn:a", "self\ufffd"]["label"] == "loop"
    nodes, edges = _gexf_items(write_gexf(G, tmp_path / "g.gexf"))
    assert nodes["urn:a"]["label"] == "page\ufffdbreak\ufffd\ufffd" and edges == [("urn:a", "urn:a", "self\ufffd", "loop")]
    svg = ET.parse(write_svg(G, tmp_path / "t.svg")).getroot()
    assert "page break\ufffd\ufffd" in [t.text for t in svg.iter(f"{SVG}text")]  # whitespace made one space


def test_time_views_draws_each_view_of_a_builds_projection(views_graph, tmp_path):
    write_graphml(views_graph, tmp_path / "graph.graphml")
    script = Path(__file__).resolve().parent.parent / "scripts" / "time-views.py"
    out = subprocess.run([sys.executable, str(script), str(tmp_path)], capture_output=True, text=True, check=True).stdout
    assert f"read {len(views_graph)} nodes and {views_graph.number_of_edges()} edges" in out
    drawn = [line.split()[0] for line in out.splitlines()[1:]]
    assert drawn == ["graphml", "timeline", "network", "svg", "timelinejs", "gexf", "all"]
    failed = subprocess.run([sys.executable, str(script), str(tmp_path / "nowhere")], capture_output=True, text=True)
    assert failed.returncode == 2 and "nowhere/graph.graphml: no such file" in failed.stderr
