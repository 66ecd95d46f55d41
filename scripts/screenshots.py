#!/usr/bin/env python3
"""Screenshots of the views of a build, for the README.

Usage: .venv/bin/python scripts/screenshots.py [BUILD_DIR] [OUT_DIR]
(defaults: output/ and docs/img/). Opens timeline.html, network.html and timeline.svg of a
build in headless Chromium (Debian's package: ./scripts/install-browser), with every request
to another host blocked, clicks the busiest item so the details panel is shown, and writes
PNGs.
"""
import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run"]
# The item with the most links, among events and statements.
BUSIEST = """() => {
  const d = kgData.details;
  return Object.keys(d).filter(id => d[id].kind === 'event' || d[id].kind === 'statement')
    .sort((a, b) => d[b].links.length - d[a].links.length || (a < b ? -1 : 1))[0];
}"""


def shoot(browser, page_path: Path, png: Path, *, lanes: str = "", view: bool = True) -> None:
    page = browser.new_page(viewport={"width": 1500, "height": 900})
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    page.goto(page_path.as_uri())
    if view:
        page.wait_for_selector("body[data-ready='1']", state="attached", timeout=30_000)
        if lanes:
            page.select_option("#kg-lanes", lanes)
        page.evaluate("id => kgShow(id)", page.evaluate(BUSIEST))
        page.mouse.move(5, 895)
        page.wait_for_timeout(300)
    page.screenshot(path=str(png))
    page.close()
    print(png)


def main() -> None:
    build = Path(sys.argv[1] if len(sys.argv) > 1 else "output").resolve()
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "docs/img")
    out.mkdir(parents=True, exist_ok=True)
    host = out / ".svg-host.html"
    host.write_text(f'<body style="margin:0"><img src="{(build / "timeline.svg").as_uri()}" '
                    'style="width:1500px"></body>', encoding="utf-8")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        shoot(browser, build / "timeline.html", out / "timeline.png")
        shoot(browser, build / "timeline.html", out / "timeline-by-actor.png", lanes="actor")
        shoot(browser, build / "network.html", out / "network.png")
        shoot(browser, host.resolve(), out / "timeline-svg.png", view=False)
        browser.close()
    host.unlink()


if __name__ == "__main__":
    main()
