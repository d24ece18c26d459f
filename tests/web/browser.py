"""One way for the browser tests to open Debian's chromium through Playwright, or skip (fail in CI)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def missing_browser() -> str | None:
    if not CHROMIUM.is_file():
        return f"{CHROMIUM} is missing: apt-get update && apt-get install -y chromium"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is missing: pip install playwright (never run 'playwright install')"
    return None


@contextmanager
def browser_page(timeout_ms: int) -> Iterator[Any]:
    """A chromium tab with ``timeout_ms`` as its default timeout. Without a browser the test is
    skipped, or fails when ``STORYLINE_REQUIRE_BROWSER=1`` (as in CI)."""
    reason = missing_browser()
    if reason:
        if os.environ.get("STORYLINE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"STORYLINE_REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS, headless=True)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        tab = context.new_page()
        tab.set_default_timeout(timeout_ms)
        try:
            yield tab
        finally:
            context.close()
            browser.close()
