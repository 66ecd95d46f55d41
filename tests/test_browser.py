"""The HTML views in a real headless Chromium, with the network cut off."""
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from kg.views import write_network, write_timeline

ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
WRITERS = {"timeline": write_timeline, "network": write_network}
DRAWN = {"timeline": 9, "network": 10}
HOSTILE_LABEL = "</script><script>alert(1)</script>"
HOSTILE_MENTION = "<img src=x onerror=alert(1)>"
POSITION = """id => {
  const p = kgNetwork.canvasToDOM(kgNetwork.getPositions([id])[id]);
  const r = document.getElementById('kg-canvas').getBoundingClientRect();
  return {x: p.x + r.left, y: p.y + r.top};
}"""


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"chromium not found at {CHROMIUM}: run ./scripts/install-browser "
                    "(./scripts/test does it) to install Debian's chromium", pytrace=False)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


class Opened:
    """A view opened in a page, with everything the page tried to do recorded."""

    def __init__(self, browser, path):
        self.page = browser.new_page(viewport={"width": 1400, "height": 850})
        self.blocked, self.requests, self.errors, self.dialogs = [], [], [], []
        self.page.route("**/*", self._route)
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("body[data-ready='1']", state="attached", timeout=20_000)

    def _route(self, route):
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def panel(self) -> str:
        return self.page.inner_text("#kg-panel")


@pytest.fixture(params=sorted(WRITERS))
def opened(request, browser, views_graph, tmp_path):
    path = WRITERS[request.param](views_graph, tmp_path / f"{request.param}.html")
    view = Opened(browser, path)
    view.name = request.param
    yield view
    view.page.close()


def test_loads_offline_and_draws_every_node(opened):
    drawn = DRAWN[opened.name]
    assert opened.page.evaluate("kgNetwork.body.data.nodes.length") == drawn
    assert opened.page.evaluate("Object.keys(kgNetwork.getPositions()).length") == drawn
    assert opened.blocked == [] and all(u.startswith(("file:", "data:")) for u in opened.requests)
    assert opened.errors == [] and opened.dialogs == []


def test_click_shows_details(opened):
    point = opened.page.evaluate(POSITION, "urn:e1")
    opened.page.mouse.click(point["x"], point["y"])
    text = opened.panel()
    for part in ("moved", "deployment", "2024-11-04", "on Monday", "asserted", "Country A",
                 "Place P", "Article One", "Pub", "https://example.org/a1"):
        assert part in text
    assert opened.page.inner_text("#kg-panel mark") == "moved"
    opened.page.mouse.move(5, 840)  # hide the hover tooltip for the screenshot
    opened.page.wait_for_timeout(150)
    ARTIFACTS.mkdir(exist_ok=True)
    opened.page.screenshot(path=str(ARTIFACTS / f"{opened.name}.png"))
    assert opened.errors == [] and opened.dialogs == []


def test_hostile_text_stays_text(opened):
    assert opened.page.evaluate("[kgShow(null), kgShow(undefined), kgShow('urn:none')]") == [False] * 3
    assert opened.page.evaluate("kgShow('urn:s1')")
    assert opened.page.text_content("#kg-panel mark") == HOSTILE_MENTION
    assert opened.page.evaluate("kgShow('urn:actor/h')")
    assert opened.page.text_content("#kg-panel h2") == HOSTILE_LABEL
    assert "<script>" in opened.page.text_content("#kg-panel")
    inside = "document.querySelectorAll('#kg-panel img, #kg-panel script').length"
    assert opened.page.evaluate(inside) == 0
    assert opened.page.evaluate("document.scripts.length") == 3
    opened.page.wait_for_timeout(200)
    assert opened.dialogs == [] and opened.errors == []


VISIBLE = "kgNetwork.body.data.nodes.get({filter: n => !n.hidden}).map(n => n.id).sort()"
ITEMS = {"urn:e1", "urn:e2", "urn:e3", "urn:e4", "urn:s1", "urn:s2"}


def shown_items(view) -> set[str]:
    return set(view.page.evaluate(VISIBLE)) & ITEMS


def test_filters_hide_what_they_should(opened):
    page = opened.page
    page.select_option("#kg-f-actor", "urn:actor/b")
    assert set(page.evaluate(VISIBLE)) == {"urn:s1", "urn:actor/b"}
    assert page.inner_text("#kg-counts") == "1 of 6 events and statements shown"
    page.click("#kg-f-reset")
    assert shown_items(opened) == ITEMS
    page.uncheck("#kg-f-facts input[value=negated]")
    assert shown_items(opened) == ITEMS - {"urn:e3"}
    page.click("#kg-f-reset")
    page.click("#kg-legend button[data-key='event:deployment']")
    assert shown_items(opened) == ITEMS - {"urn:e1", "urn:e4"}
    assert page.get_attribute("#kg-legend button[data-key='event:deployment']", "aria-pressed") == "false"
    page.click("#kg-f-reset")
    page.fill("#kg-f-from", "2024-11-05")
    # October's fighting and Monday's move end before the 5th; "by 6 Nov" may still be in range
    assert shown_items(opened) == {"urn:e3", "urn:e4", "urn:s1", "urn:s2"}
    page.uncheck("#kg-f-undated")
    assert shown_items(opened) == {"urn:e3", "urn:e4", "urn:s2"}
    page.fill("#kg-f-to", "2024-11-05")
    assert shown_items(opened) == {"urn:e4", "urn:s2"}
    page.click("#kg-f-reset")
    page.fill("#kg-f-q", "NORTH")
    page.wait_for_selector("body[data-shown='1']", state="attached")
    assert shown_items(opened) == {"urn:e1"}
    assert "urn:actor/a" in page.evaluate(VISIBLE)  # the actors of what is shown stay
    assert "urn:actor/b" not in page.evaluate(VISIBLE)
    assert opened.errors == []


def test_timeline_lanes_switch(browser, views_graph, tmp_path):
    view = Opened(browser, write_timeline(views_graph, tmp_path / "timeline.html"))
    before = view.page.evaluate(POSITION, "urn:s1")
    view.page.select_option("#kg-lanes", "actor")
    assert not set(view.page.evaluate(VISIBLE)) & {"urn:actor/a", "urn:actor/b", "urn:actor/h"}
    assert shown_items(view) == ITEMS
    assert view.page.evaluate(POSITION, "urn:s1") != before
    point = view.page.evaluate(POSITION, "urn:s2")
    view.page.mouse.click(point["x"], point["y"])
    assert "denial" in view.panel()
    ARTIFACTS.mkdir(exist_ok=True)
    view.page.screenshot(path=str(ARTIFACTS / "timeline-by-actor.png"))
    view.page.select_option("#kg-lanes", "type")
    assert "urn:actor/a" in view.page.evaluate(VISIBLE)
    assert view.errors == []
    view.page.close()


def test_network_lane_switch_is_hidden(browser, views_graph, tmp_path):
    view = Opened(browser, write_network(views_graph, tmp_path / "network.html"))
    assert not view.page.is_visible("#kg-lanes")
    view.page.close()


def test_500_items_open_and_draw(browser, tmp_path):
    from conftest import crowded_graph

    G = crowded_graph(500)
    view = Opened(browser, write_timeline(G, tmp_path / "timeline.html"))
    assert view.page.evaluate("Object.keys(kgNetwork.getPositions()).length") == len(G)
    assert view.errors == [] and view.blocked == []
    view.page.screenshot(path=str(ARTIFACTS / "timeline-500.png"))
    view.page.close()


def test_crowded_timeline_shows_links_of_the_selected_item_only(browser, tmp_path):
    from conftest import crowded_graph

    view = Opened(browser, write_timeline(crowded_graph(300), tmp_path / "timeline.html"))
    count = "kgNetwork.body.data.edges.get({filter: e => !e.hidden}).length"
    assert view.page.evaluate(count) == 0
    assert view.page.evaluate("kgShow('urn:item/4')")
    assert view.page.evaluate(count) == 1
    view.page.close()


def _until(page, condition: str, seconds: float = 10.0) -> None:
    """Wait for a JavaScript condition (the pages' CSP forbids wait_for_function's eval)."""
    for _ in range(int(seconds / 0.05)):
        if page.evaluate(condition):
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"still false after {seconds} s: {condition}")


def test_zoomed_out_timeline_counts_items_per_lane_and_period(browser, tmp_path):
    from conftest import crowded_graph

    view = Opened(browser, write_timeline(crowded_graph(2000), tmp_path / "timeline.html"))
    page = view.page
    shown_items = ("kgNetwork.body.data.nodes.get({filter: n => !n.hidden && "
                   "['event', 'statement'].includes(kgData.details[n.id].kind)}).length")
    assert page.evaluate("kgCounts()") is None and page.evaluate(shown_items) == 2000
    page.click("#kg-fit")  # the whole story: far below a readable zoom
    _until(page, "kgCounts() !== null && kgCounts().length > 0")
    counts = page.evaluate("kgCounts()")
    assert sum(c["n"] for c in counts) == 2000 and page.evaluate(shown_items) == 0
    assert len({c["lane"] for c in counts}) > 1 and max(c["n"] for c in counts) > 1
    page.screenshot(path=str(ARTIFACTS / "timeline-2000-zoomed-out.png"))
    page.select_option("#kg-f-actor", index=1)  # a filter counts only what it lets through
    _until(page, "kgCounts() && kgCounts().reduce((a, c) => a + c.n, 0) < 2000")
    assert sum(c["n"] for c in page.evaluate("kgCounts()")) == int(page.evaluate("document.body.dataset.shown"))
    page.evaluate("kgNetwork.moveTo({scale: 1})")
    _until(page, "kgCounts() === null")
    assert page.evaluate(shown_items) == int(page.evaluate("document.body.dataset.shown")) > 0
    assert view.errors == [] and view.blocked == []
    page.close()


def test_svg_and_notebook_views_render(browser, views_graph, tmp_path):
    from kg.views import notebook
    from kg.views.svg import write_svg

    write_svg(views_graph, tmp_path / "timeline.svg")
    host = tmp_path / "host.html"
    host.write_text('<!DOCTYPE html><html><body><img id="svg" src="timeline.svg">'
                    + notebook.timeline(views_graph, height=500)._repr_html_() + "</body></html>",
                    encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 1200})
    errors, dialogs = [], []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(host.as_uri())
    frame = page.frames[1]
    frame.wait_for_selector("body[data-ready='1']", state="attached", timeout=20_000)
    assert frame.evaluate("kgNetwork.body.data.nodes.length") == 9
    assert page.evaluate("document.getElementById('svg').naturalWidth") > 500
    assert errors == [] and dialogs == []
    page.close()


@pytest.mark.parametrize("view", sorted(WRITERS))
def test_article_table_and_long_lists_in_the_panel(browser, views_graph, tmp_path, view):
    """The article's title, publisher and url come from the page's one table of articles; a
    merged item's 120 sources show as a summary, the first 100 and a button for the rest."""
    from test_views import with_merged_item

    path = WRITERS[view](with_merged_item(views_graph), tmp_path / f"{view}.html")
    assert path.read_text(encoding="utf-8").count("https://example.org/a2") == 1
    opened = Opened(browser, path)
    page = opened.page
    assert page.evaluate("kgShow('urn:m1')")
    text = opened.panel()
    assert "120 sources in 3 articles: 60 asserted, 60 reported" in text
    assert "Article One" in text and "https://example.org/a1" in text  # its own article
    assert text.count("Publisher 2") == 33 and "2024-11-02 · reported · date 2024-11-04" in text
    assert page.evaluate("document.querySelectorAll('#kg-panel ul')[1].children.length") == 101
    page.click("#kg-panel .kg-more button")
    assert opened.panel().count("Publisher 2") == 40
    assert page.evaluate("document.querySelectorAll('#kg-panel ul')[1].children.length") == 120
    assert page.evaluate("kgShow('urn:e1')") and "Sources" not in opened.panel()
    assert opened.errors == []
    page.close()


def test_network_layout_stops_at_its_time_limit(browser, views_graph, tmp_path, monkeypatch):
    """A network too large to lay out in LAYOUT_SECONDS opens with the layout it has, and says so."""
    from kg.views import network

    monkeypatch.setattr(network, "LAYOUT_SECONDS", 0)
    view = Opened(browser, write_network(views_graph, tmp_path / "network.html"))
    assert "Layout stopped after 0 of 400 steps, at the 0 s limit." in view.page.inner_text("#kg-hint")
    assert view.page.evaluate("kgNetwork.physics.options.enabled") is False  # ready once laid out
    assert len(view.page.evaluate("kgNetwork.getPositions()")) == 10 and view.errors == []
    view.page.close()
