"""The HTML views, checked as files (no browser): offline, escaped, complete, atomic."""
import json
import math
import re

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.views import page, write_network, write_timeline
from kg.views.network import sizes
from kg.views.timeline import GAP, _Item, _pack
from kg.vocab import CONCEPTS

HOSTILE_LABEL = "</script><script>alert(1)</script>"
HOSTILE_MENTION = "<img src=x onerror=alert(1)>"
WRITERS = {"timeline": write_timeline, "network": write_network}
DRAWN = {"timeline": {"event", "statement", "actor"},
         "network": {"event", "statement", "actor", "place"}}


def embedded(html: str) -> dict:
    """The JSON data block of a written view."""
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def by_id(data: dict) -> dict:
    """The details of the drawn nodes by id, links and article spelled out as page.js does."""
    ids, drawn = data["ids"], len(data["details"])
    about = lambda i: data["details"][i] if i < drawn else data["others"][i - drawn]  # noqa: E731
    out = {}
    for i, d in enumerate(data["details"]):
        d = dict(d, links=[{"id": ids[o], "role": role, "dir": "out" if out_ else "in",
                            "label": about(o).get("label", ids[o])} for o, role, out_ in d["links"]])
        if "article" in d:
            d.update(data["articles"][d["article"]])
        out[ids[i]] = d
    return out


def positions(data: dict, by: str = "type") -> dict:
    """Each drawn node's [x, y] in the layout ``by``, by id."""
    return {n: p for n, p in zip(data["ids"], data["layouts"][by]["pos"]) if p}


@pytest.fixture(params=sorted(WRITERS))
def written(request, views_graph, tmp_path):
    path = WRITERS[request.param](views_graph, tmp_path / f"{request.param}.html")
    return request.param, path.read_text(encoding="utf-8")


def test_no_remote_resources(written):
    _, html = written
    assert not re.search(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert "<link" not in html and "@import" not in html
    assert "default-src 'none'" in html  # the CSP blocks remote loads in the browser too


def test_hostile_text_is_escaped(written):
    _, html = written
    assert HOSTILE_LABEL not in html and HOSTILE_MENTION not in html
    assert html.count("</script>") == 3  # data, vis-network, page logic
    details = by_id(embedded(html))
    assert details["urn:actor/h"]["label"] == HOSTILE_LABEL
    assert details["urn:s1"]["mention"] == HOSTILE_MENTION


def test_every_item_is_embedded(written, views_graph):
    view, html = written
    want = {n for n, kind in views_graph.nodes(data="kind") if kind in DRAWN[view]}
    data = embedded(html)
    assert set(data["ids"][:len(data["nodes"])]) == want == set(by_id(data))
    edges = {(data["ids"][u], data["ids"][v], data["edgeStyles"][s]["title"]) for u, v, s in data["edges"]}
    assert edges == {(u, v, role) for u, v, role in views_graph.edges(data="label") if u in want and v in want}
    assert len(data["edges"]) == sum(1 for u, v in views_graph.edges() if u in want and v in want)


def test_timeline_layout(views_graph, tmp_path):
    data = embedded(write_timeline(views_graph, tmp_path / "t.html").read_text(encoding="utf-8"))
    x = {n: xy[0] for n, xy in positions(data).items()}
    label = {n: node["label"] for n, node in zip(data["ids"], data["nodes"])}
    assert x["urn:e2"] < x["urn:e1"] < x["urn:s2"] < x["urn:e4"] < x["urn:e3"]
    by_type = data["layouts"]["type"]
    assert x["urn:e3"] < by_type["axis"]["undatedX"] < x["urn:s1"]
    assert all(data["styles"][n["s"]]["fixed"]["x"] for n in data["nodes"])
    month, before = sorted((data["ids"][i], x0, x1, is_open) for i, x0, x1, is_open, _ in data["ranges"])
    assert month[0] == "urn:e2" and month[1] < x["urn:e1"] and month[2] - month[1] > 100
    assert before[0] == "urn:e4" and before[3] and before[2] < x["urn:e4"]
    assert "Oct 2024" in label["urn:e2"] and "by 6 Nov 2024" in label["urn:e4"]
    assert [lane["label"] for lane in by_type["lanes"]][:2] == ["Actors", "Event · deployment"]


def test_timeline_lanes_by_actor(views_graph, tmp_path):
    data = embedded(write_timeline(views_graph, tmp_path / "t.html").read_text(encoding="utf-8"))
    by_actor = data["layouts"]["actor"]
    lanes = [lane["label"] for lane in by_actor["lanes"]]
    assert lanes == ["Country A", HOSTILE_LABEL, "Speaker B"]
    lane_of = {n: next(lane["label"] for lane in by_actor["lanes"] if lane["y0"] < y < lane["y1"])
               for n, (_, y) in positions(data, "actor").items()}
    # speakers before agents, agents before themes; actors themselves are the lane names
    assert lane_of == {"urn:e1": "Country A", "urn:e3": "Country A", "urn:e4": "Country A",
                       "urn:s2": "Country A", "urn:s1": "Speaker B", "urn:e2": HOSTILE_LABEL}
    x_type = {n: xy[0] for n, xy in positions(data).items()}
    assert all(x_type[n] == xy[0] for n, xy in positions(data, "actor").items())  # the same dates
    views_graph.add_node("urn:e9", **{**views_graph.nodes["urn:e3"], "label": "alone"})
    data = embedded(write_timeline(views_graph, tmp_path / "t.html").read_text(encoding="utf-8"))
    assert data["layouts"]["actor"]["lanes"][-1]["label"] == "No actor"


def test_title_is_escaped(views_graph, tmp_path):
    path = write_network(views_graph, tmp_path / "n.html", title="<b>T&T</b>")
    html = path.read_text(encoding="utf-8")
    assert "<b>T&T</b>" not in html and "&lt;b&gt;T&amp;T&lt;/b&gt;" in html


def test_write_is_atomic(views_graph, tmp_path, monkeypatch):
    target = tmp_path / "t.html"
    target.write_text("old", encoding="utf-8")

    def crash(_fd):
        raise OSError("disk full")

    monkeypatch.setattr(page.os, "fsync", crash)
    with pytest.raises(OSError):
        write_timeline(views_graph, target)
    assert target.read_text(encoding="utf-8") == "old"
    assert list(tmp_path.iterdir()) == [target]
    monkeypatch.undo()
    assert write_timeline(views_graph, target) == target
    assert list(tmp_path.iterdir()) == [target] and target.stat().st_size > 100_000


@pytest.mark.parametrize("by", ["type", "actor"])
def test_crowded_timeline_never_piles_items(by):
    """At 500 items, boxes in a lane are stacked in rows: no two drawn boxes overlap."""
    from conftest import crowded_graph
    from kg.views.timeline import _height, _layout

    G = crowded_graph(500)
    items, lanes, _ = _layout(G, by)
    boxes = []
    for n, item in items.items():
        left, right = item.cx - item.width / 2, item.cx + item.width / 2
        half = (_height(item.label, G.nodes[n]["kind"]) - 12) / 2  # without the row gap
        boxes.append((left, right, item.y - half, item.y + half, n))
    boxes.sort()
    for i, (l1, r1, t1, b1, n1) in enumerate(boxes):
        for l2, r2, t2, b2, n2 in boxes[i + 1:]:
            if l2 >= r1:
                break
            assert b1 <= t2 or b2 <= t1, f"{n1} and {n2} overlap"
    assert len(lanes) >= 3 and all(lane["y1"] > lane["y0"] for lane in lanes)


def with_merged_item(G, n_sources: int = 120):
    """``G`` and a merged event reported ``n_sources`` times by three articles."""
    keys = ("article", "article_title", "publisher", "url", "published")
    arts = [{k: G.nodes["urn:e1"].get(k, "") for k in keys}]  # the one all items cite
    arts += [dict(article=f"urn:a{k}", article_title=f"Article {k}", publisher=f"Publisher {k}",
                  url=f"https://example.org/a{k}", published=f"2024-11-0{k}") for k in (2, 3)]
    listed = [dict(arts[k % 3], factuality=("asserted", "reported")[k % 2], date="2024-11-04",
                   end="2024-11-04", time_text="") for k in range(n_sources)]
    G.add_node("urn:m1", **{**G.nodes["urn:e1"], "label": "merged move", "sources": json.dumps(listed)})
    G.add_edge("urn:m1", "urn:actor/a", label="agent", date="")
    return G


@pytest.mark.parametrize("view", sorted(WRITERS))
def test_article_metadata_is_written_once(view, views_graph, tmp_path):
    """Seven items and 120 sources cite three articles: each article's title and url are in the
    page once, and the items and sources refer to them."""
    G = with_merged_item(views_graph)
    html = WRITERS[view](G, tmp_path / "v.html").read_text(encoding="utf-8")
    for title in ("Article One", "Article 2", "Article 3"):
        assert html.count(title) == 1
    for k in (1, 2, 3):
        assert html.count(f"https://example.org/a{k}") == 1
    data = embedded(html)
    assert [a["iri"] for a in data["articles"]] == ["urn:a1", "urn:a2", "urn:a3"]
    merged = by_id(data)["urn:m1"]
    assert merged["article_title"] == "Article One" and merged["url"] == "https://example.org/a1"
    assert len(merged["sources"]) == 120
    assert {data["articles"][a]["publisher"] for a, _, _ in merged["sources"]} == {
        "Pub", "Publisher 2", "Publisher 3"}
    assert "sources" not in by_id(data)["urn:e1"]  # one source: the article says it all


@pytest.mark.parametrize("view", sorted(WRITERS))
def test_nodes_and_edges_share_their_styles(view, views_graph, tmp_path):
    data = embedded(WRITERS[view](views_graph, tmp_path / "v.html").read_text(encoding="utf-8"))
    own = {"timeline": {"s", "label", "title"}, "network": {"s", "label", "title", "size"}}[view]
    assert all(set(node) == own for node in data["nodes"])
    looks = {(k, t, f) for k, t, f in ((d["kind"], d.get("type", ""), d.get("factuality", ""))
                                       for d in data["details"])}
    assert len(data["styles"]) <= len(looks)  # asserted and reported items look alike
    assert len({json.dumps(st, sort_keys=True) for st in data["styles"]}) == len(data["styles"])
    assert page.FONT not in json.dumps(data["nodes"]) + json.dumps(data["edges"])
    roles = [style["title"] for style in data["edgeStyles"]]  # one style per role drawn
    assert len(set(roles)) == len(roles) == len({s for _, _, s in data["edges"]})


@pytest.mark.parametrize("view", sorted(WRITERS))
def test_same_graph_same_bytes(view, views_graph, tmp_path):
    G = with_merged_item(views_graph)
    one = WRITERS[view](G, tmp_path / "1.html").read_bytes()
    assert WRITERS[view](G, tmp_path / "2.html").read_bytes() == one


def test_reports_links_are_dashed_on_small_views_only(views_graph, tmp_path):
    """A long dashed curve is slow to draw: a crowded timeline and a large network draw
    "reports" links solid (still darker and wider on the timeline)."""
    from conftest import crowded_graph

    def reports_style(G, writer):
        data = embedded(writer(G, tmp_path / "v.html").read_text(encoding="utf-8"))
        return next(style for style in data["edgeStyles"] if style["title"] == "reports")

    assert reports_style(views_graph, write_timeline)["dashes"] is True
    assert reports_style(views_graph, write_network)["dashes"] is True
    crowded = crowded_graph(1000)
    crowded.add_edge("urn:item/1", "urn:item/2", label="reports", date="")
    solid = reports_style(crowded, write_timeline)
    assert solid["dashes"] is False and solid["width"] > 1.2
    assert reports_style(crowded, write_network)["dashes"] is False


def test_every_event_type_of_the_vocabulary_has_a_place_and_a_colour_in_the_views():
    """The views list the event types by hand, in the legend's order; a type the vocabulary
    gains must be added there too, or its items are drawn in the default grey."""
    assert set(page.EVENT_TYPES) == set(CONCEPTS["event"])
    assert set(page.COLORS["event"]) == set(CONCEPTS["event"])


def _first_fit(boxes: list[tuple[float, float]]) -> list[int]:
    """The row of each (left, right) box: the first row whose last box ends GAP before it."""
    rows, placed = [], {}
    for k in sorted(range(len(boxes)), key=lambda k: (boxes[k][0], str(k))):
        left, right = boxes[k]
        row = next((r for r, edge in enumerate(rows) if edge + GAP <= left), len(rows))
        rows[row:row + 1] = [right]
        placed[k] = row
    return [placed[k] for k in range(len(boxes))]


@settings(derandomize=True, max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 400), st.integers(1, 120)), max_size=60))
def test_timeline_rows_are_first_fit_from_the_left(boxes):
    items = [_Item(str(k), ("event", ""), "x", cx=float(cx), width=float(width))
             for k, (cx, width) in enumerate(boxes)]
    rows = _pack(items)
    expected = _first_fit([(cx - width / 2, cx + width / 2) for cx, width in boxes])
    assert [i.row for i in items] == expected and rows == max(expected, default=0) + 1


@settings(derandomize=True, max_examples=200, deadline=None)
@given(st.integers(1, 8).flatmap(lambda n: st.tuples(st.just(n), st.lists(st.tuples(st.integers(0, n - 1),
                                                                                     st.integers(0, n - 1))))))
def test_network_sizes_follow_networkx_degree_centrality(graph):
    nodes, edges = graph
    G = nx.MultiDiGraph()
    G.add_nodes_from(range(nodes))
    G.add_edges_from(edges)  # parallel edges and loops count once and not at all
    simple = nx.Graph(G.to_undirected(as_view=True))
    simple.remove_edges_from(nx.selfloop_edges(simple))
    cent = nx.degree_centrality(simple) if nodes > 1 else {n: 0.0 for n in G}
    top = max(cent.values()) or 1.0
    assert sizes(G, 4.0, 20.0) == {n: 4.0 + 16.0 * math.sqrt(cent[n] / top) for n in G}
