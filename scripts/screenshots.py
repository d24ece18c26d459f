"""Take the README's screenshots: docs/story-page.png, docs/document-page.png and docs/report-html.png.

Builds the example story (examples/kharkiv-2022) into a temporary store, or uses --db; serves it on
a free loopback port and opens the story page, then the document that the event list's first quote
comes from, then the story's offline report.html (from a file:// address), in Debian's chromium
driven by Playwright (never ``playwright install``).

Example:

    PYTHONPATH=src python scripts/screenshots.py
    PYTHONPATH=src python scripts/screenshots.py --db sqlite:///out/kharkiv-2022/storyline.db --out docs
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = Path("examples") / "kharkiv-2022" / "manifest.csv"  # relative: the pages show the files' paths
CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def build_example(out: Path) -> str:
    """The example story built with the models and saved in a store under ``out``; its URL."""
    from storyline.build import build_story, write_outputs

    os.chdir(ROOT)
    return write_outputs(build_story([], manifest=MANIFEST), out).db_url


def take(db_url: str, story: str, out: Path, width: int, height: int) -> list[Path]:
    """Screenshot the story page, a document page and report.html; the paths written."""
    from playwright.sync_api import sync_playwright

    from storyline.output.html import render_html
    from storyline.store.store import open_store
    from storyline.web import create_app
    from storyline.web.serve import running

    out.mkdir(parents=True, exist_ok=True)
    story_png, document_png, report_png = out / "story-page.png", out / "document-page.png", out / "report-html.png"
    with open_store(db_url, create=False) as store:
        report = Path(tempfile.mkdtemp(prefix="storyline-report-")) / "report.html"
        report.write_text(render_html(store.load(story)), encoding="utf-8")
    with running(create_app(db_url)) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS, headless=True)
        page = browser.new_context(viewport={"width": width, "height": height}).new_page()
        page.goto(f"{base}/stories/{story}")
        page.screenshot(path=str(story_png))
        document = page.locator("ol.all-events .mentions a.quote").first.get_attribute("href") or ""
        page.goto(f"{base}{document.split('#')[0]}")  # the page's top: metadata, then the marked-up text
        page.screenshot(path=str(document_png))
        page.goto(report.as_uri())
        page.screenshot(path=str(report_png))
        browser.close()
    return [story_png, document_png, report_png]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="A store holding the story; default: build the example story.")
    parser.add_argument("--story", default="kharkiv-2022", help="The story's id (default: %(default)s).")
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="Where the PNGs go (default: docs/).")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=1000)
    args = parser.parse_args(argv)
    if not CHROMIUM.is_file():
        print(f"{CHROMIUM} is missing: apt-get update && apt-get install -y chromium", file=sys.stderr)
        return 2
    out = args.out.resolve()  # before build_example moves to the repository root
    with tempfile.TemporaryDirectory(prefix="storyline-shots-") as tmp:
        db_url = args.db or build_example(Path(tmp))
        for path in take(db_url, args.story, out, args.width, args.height):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
