"""The HTML views, checked as files (no browser): offline, escaped, complete, atomic."""
import json
import re

import pytest

from kg.views import page, write_network, write_timeline

HOSTILE_LABEL = "</script><script>alert(1)</script>"
HOSTILE_MENTION = "<img src=x onerror=alert(1)>"
WRITERS = {"timeline": write_timeline, "network": write_network}
DRAWN = {"timeline": {"event", "statement", "actor"},
         "network": {"event", "statement", "actor", "place"}}


def embedded(html: str) -> dict:
    """The JSON data block of a written view."""
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


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
    data = embedded(html)
    assert data["details"]["urn:actor/h"]["label"] == HOSTILE_LABEL
    assert data["details"]["urn:s1"]["mention"] == HOSTILE_MENTION


def test_every_item_is_embedded(written, views_graph):
    view, html = written
    want = {n for n, kind in views_graph.nodes(data="kind") if kind in DRAWN[view]}
    data = embedded(html)
    assert {n["id"] for n in data["nodes"]} == want == set(data["details"])
    assert len(data["edges"]) == sum(1 for u, v in views_graph.edges() if u in want and v in want)


def test_timeline_layout(views_graph, tmp_path):
    data = embedded(write_timeline(views_graph, tmp_path / "t.html").read_text(encoding="utf-8"))
    x = {n["id"]: n["x"] for n in data["nodes"]}
    label = {n["id"]: n["label"] for n in data["nodes"]}
    assert x["urn:e2"] < x["urn:e1"] < x["urn:s2"] < x["urn:e4"] < x["urn:e3"]
    by_type = data["layouts"]["type"]
    assert x["urn:e3"] < by_type["axis"]["undatedX"] < x["urn:s1"]
    assert all(n["fixed"]["x"] for n in data["nodes"])
    month, before = sorted(data["ranges"], key=lambda r: r["id"])
    assert month["id"] == "urn:e2" and month["x0"] < x["urn:e1"] and month["x1"] - month["x0"] > 100
    assert before["id"] == "urn:e4" and before["open"] and before["x1"] < x["urn:e4"]
    assert "Oct 2024" in label["urn:e2"] and "by 6 Nov 2024" in label["urn:e4"]
    assert [lane["label"] for lane in by_type["lanes"]][:2] == ["Actors", "Event · deployment"]


def test_timeline_lanes_by_actor(views_graph, tmp_path):
    data = embedded(write_timeline(views_graph, tmp_path / "t.html").read_text(encoding="utf-8"))
    by_actor = data["layouts"]["actor"]
    lanes = [lane["label"] for lane in by_actor["lanes"]]
    assert lanes == ["Country A", HOSTILE_LABEL, "Speaker B"]
    lane_of = {n: next(lane["label"] for lane in by_actor["lanes"] if lane["y0"] < y < lane["y1"])
               for n, (_, y) in by_actor["pos"].items()}
    # speakers before agents, agents before themes; actors themselves are the lane names
    assert lane_of == {"urn:e1": "Country A", "urn:e3": "Country A", "urn:e4": "Country A",
                       "urn:s2": "Country A", "urn:s1": "Speaker B", "urn:e2": HOSTILE_LABEL}
    x_type = {n: xy[0] for n, xy in data["layouts"]["type"]["pos"].items()}
    assert all(x_type[n] == xy[0] for n, xy in by_actor["pos"].items())  # the same dates
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
