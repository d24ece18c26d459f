"""The app in a real browser: Playwright driving Debian's /usr/bin/chromium (never ``playwright install``).

Without chromium or the playwright package the test skips, unless STORYLINE_REQUIRE_BROWSER=1 (as in
CI), when it fails. Screenshots go to the test's tmp dir; with STORYLINE_SCREENSHOTS=1 the story and
document pages are also saved as docs/web-story.png and docs/web-document.png when asked.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import browser_page
from web_story import EXAMPLE_ID, HOSTILE_ID, SCRIPT, example_db_url, hostile_story, save

from storyline.web import create_app
from storyline.web.serve import running

pytestmark = pytest.mark.model

DOCS = Path(__file__).resolve().parents[2] / "docs"
HIGHLIGHT = "rgb(255, 229, 138)"  # .sentence:target in web/static/app.css


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    with running(create_app(save(example_db_url(), hostile_story()))) as url:
        yield url


def _for_docs(page: Any, name: str) -> None:
    """Save a screenshot for the README, only when asked (``STORYLINE_SCREENSHOTS=1``)."""
    if os.environ.get("STORYLINE_SCREENSHOTS") == "1":
        DOCS.mkdir(exist_ok=True)
        page.screenshot(path=str(DOCS / name))


@pytest.fixture(scope="module")
def page(base_url: str) -> Iterator[Any]:
    with browser_page(timeout_ms=15_000) as tab:
        yield tab


def test_open_filter_and_follow_a_claim_to_its_sentence(page: Any, base_url: str, tmp_path: Path) -> None:
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))

    page.goto(f"{base_url}/")
    page.click(f'a[href="/stories/{EXAMPLE_ID}"]')
    page.wait_for_url(f"**/stories/{EXAMPLE_ID}")
    assert page.locator("h1").inner_text() == EXAMPLE_ID
    total = page.locator("ol.all-events > li").count()
    assert total > 10
    assert page.locator("#timeline ol.key-dates > li").count() > 3  # the key dates, above the filterable list
    assert page.locator("#figures svg.chart circle").count() > 0
    page.screenshot(path=str(tmp_path / "story.png"))
    _for_docs(page, "web-story.png")

    page.select_option("select[name=source]", "Meridian Wire")
    page.fill("input[name=q]", "Izium")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**source=Meridian+Wire**")
    shown = page.locator("ol.all-events > li")
    assert 0 < shown.count() < total
    assert "Izium" in page.locator("ol.all-events").inner_text()
    page.screenshot(path=str(tmp_path / "filtered.png"), full_page=True)

    link = page.locator("ol.all-events .mentions a.quote").first
    quoted = link.inner_text().strip("“”")
    link.click()
    page.wait_for_url("**/documents/**#s*")
    anchor = page.url.rsplit("#", 1)[1]
    target = page.locator(f"#{anchor}")
    without_values = (
        "e => { const c = e.cloneNode(true); c.querySelectorAll('.tv').forEach(v => v.remove()); return c.textContent }"
    )
    assert target.evaluate(without_values).strip() == quoted  # the resolved-date badges are extra text
    assert page.evaluate("() => document.querySelector(':target').id") == anchor
    assert target.evaluate("e => getComputedStyle(e).backgroundColor") == HIGHLIGHT
    assert page.locator("span.tv").count() > 0
    page.screenshot(path=str(tmp_path / "document.png"))
    _for_docs(page, "web-document.png")
    assert problems == []


def test_a_hostile_report_renders_inert(page: Any, base_url: str, tmp_path: Path) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    doc = hostile_story()["documents"][0]["id"]
    for path in ("/", f"/stories/{HOSTILE_ID}", f"/stories/{HOSTILE_ID}/documents/{doc}"):
        page.goto(f"{base_url}{path}")
        assert page.locator("script").count() == 0
        assert page.locator("img, iframe, [onerror], [onload]").count() == 0
        assert page.locator('a[href^="javascript:"]').count() == 0
    assert page.locator("h1").inner_text() == SCRIPT
    page.goto(f"{base_url}/stories/{HOSTILE_ID}")
    assert page.locator("h1").inner_text() == SCRIPT
    page.screenshot(path=str(tmp_path / "hostile.png"))
    assert dialogs == []
