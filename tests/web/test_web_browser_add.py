"""Adding a report through the story page's form, in a real browser (Debian's /usr/bin/chromium).

The app serves a copy of the example story's store, so the other tests see the story unchanged.
Without chromium or the playwright package the tests skip, unless STORYLINE_REQUIRE_BROWSER=1 (as in
CI), when they fail. Screenshots go to the test's tmp dir.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import browser_page
from web_story import EXAMPLE_ID, ONERROR, SCRIPT, example_db_url

from storyline.web import create_app
from storyline.web.serve import running

pytestmark = [pytest.mark.model, pytest.mark.browser]

REPORT = {
    "title": "Field hospital opens in Kupiansk as fighting moves east",
    "outlet": "Quay Gazette",
    "url": "https://quaygazette.example/kupiansk-field-hospital",
    "published": "2022-09-16",
    "text": (
        "The regional governor said on Friday that a field hospital had opened in Kupiansk.\n\n"
        "Ukrainian officials said troops had retaken about 9,500 square kilometres of territory since early September."
    ),
}


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    copy = tmp_path_factory.mktemp("browser-add") / "storyline.db"
    shutil.copyfile(example_db_url().removeprefix("sqlite:///"), copy)
    with running(create_app(f"sqlite:///{copy}")) as url:
        yield url


@pytest.fixture(scope="module")
def page(base_url: str) -> Iterator[Any]:
    # an add runs the stages on the new report and rebuilds the story
    with browser_page(timeout_ms=120_000) as tab:
        yield tab


def _saved_page() -> dict[str, Any]:
    """An uploaded HTML page whose title, site name and body carry payloads."""
    html = f"""<!DOCTYPE html><html><head><title>Bridge at Balakliia reopens {SCRIPT}</title>
<meta property="og:site_name" content="Valley Post {ONERROR}"></head>
<body><article><h1>Bridge at Balakliia reopens</h1>
<p>Road engineers said on Wednesday that the bridge at Balakliia had reopened to light traffic {SCRIPT}.</p>
<p>The regional administration said repairs to the railway line would take several more weeks {ONERROR}.</p>
<script>alert(2)</script></article></body></html>"""
    return {"name": "bridge.html", "mimeType": "text/html", "buffer": html.encode()}


def _fill(page: Any, fields: dict[str, str]) -> None:
    form = page.locator("form.add-form")
    for name, value in fields.items():
        form.locator(f"[name={name}]").fill(value)


def test_a_report_added_through_the_form_is_listed_with_what_changed(page: Any, base_url: str, tmp_path: Path) -> None:
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    page.goto(f"{base_url}/stories/{EXAMPLE_ID}")
    reports_before = page.locator("#sources td ul li").count()
    _fill(page, REPORT)
    page.locator("form.add-form").scroll_into_view_if_needed()
    page.screenshot(path=str(tmp_path / "add-form.png"))
    page.click("form.add-form button[type=submit]")
    page.wait_for_url(f"**/stories/{EXAMPLE_ID}/reports")

    assert page.locator("h1").inner_text() == EXAMPLE_ID
    added = page.locator("#reports-added li")
    assert added.count() == 1
    assert REPORT["title"] in added.inner_text() and REPORT["outlet"] in added.inner_text()
    summary = page.locator("ul.summary-lines").inner_text()
    assert f"story '{EXAMPLE_ID}': 1 new report(s), 0 already in the story, 0 skipped" in summary
    changed = page.locator("#events-new li").count() + page.locator("#events-updated li").count()
    assert changed > 0
    assert "9,500" in page.locator("#figures-new").inner_text()
    assert "about 8,000 km2" in page.locator("#figures-changed").inner_text()  # the latest value before
    assert "about 9,500 km2" in page.locator("#figures-changed").inner_text()
    page.screenshot(path=str(tmp_path / "added.png"), full_page=True)

    page.click("text=Back to the story")
    page.wait_for_url(f"**/stories/{EXAMPLE_ID}")
    assert page.locator("#sources td ul li").count() == reports_before + 1
    page.click(f"#sources a:has-text('{REPORT['title']}')")
    page.wait_for_url("**/documents/**")
    assert "field hospital had opened in Kupiansk" in page.locator(".doctext").inner_text()
    page.screenshot(path=str(tmp_path / "added-document.png"))
    assert problems == []


def test_a_report_with_payloads_added_through_the_form_renders_inert(page: Any, base_url: str, tmp_path: Path) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{base_url}/stories/{EXAMPLE_ID}")
    title = f"Ferry to Izium resumes {SCRIPT}"
    _fill(
        page,
        {
            "title": title,
            "outlet": f"Harbour Notes {ONERROR}",
            "text": (
                f"The harbour authority said on Tuesday that the ferry to Izium had resumed {SCRIPT}.\n\n"
                f'The timetable is at <a href="javascript:alert(1)">the quay</a> {ONERROR}.'
            ),
        },
    )
    page.set_input_files("form.add-form input[name=files]", files=[_saved_page()])
    page.click("form.add-form button[type=submit]")
    page.wait_for_url(f"**/stories/{EXAMPLE_ID}/reports")
    added = page.locator("#reports-added").inner_text()
    assert title in added and "Bridge at Balakliia reopens" in added  # trafilatura's title drops the markup
    document = page.locator(f"#reports-added a:has-text('{title}')").get_attribute("href")
    page.screenshot(path=str(tmp_path / "payload-added.png"), full_page=True)
    for path in (None, f"/stories/{EXAMPLE_ID}", document):
        if path is not None:
            page.goto(f"{base_url}{path}")
        assert page.locator("script").count() == 0
        assert page.locator("img, iframe, [onerror], [onload]").count() == 0
        assert page.locator('a[href^="javascript:"]').count() == 0
    assert "javascript:alert(1)" in page.locator(".doctext").inner_text()  # shown as text
    page.screenshot(path=str(tmp_path / "payload-document.png"))
    assert dialogs == []
