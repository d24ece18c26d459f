"""The sections written once in output/templates/sections.html read the same on the story page and
in report.html; only where their links point differs."""

from __future__ import annotations

import copy
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from web_story import HOSTILE_ID, ONERROR, SCRIPT, hostile_story, save

from storyline.output.html import render_html
from storyline.web import create_app


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.links: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.links.append(dict(attrs).get("href") or "")


def _section(page: str, name: str) -> _Text:
    start = page.index(f'<section id="{name}">')
    end = page.index("</section>", start)
    html = page[start:end].split("<h3>Skipped inputs</h3>")[0]  # the app lists skipped inputs under sources
    parsed = _Text()
    parsed.feed(html)
    return parsed


def _words(parsed: _Text) -> str:
    return re.sub(r"\s+", " ", "".join(parsed.parts)).strip()


def story_with_a_copy() -> dict[str, Any]:
    story = hostile_story()
    first = story["documents"][0]
    second = copy.deepcopy(first)
    second.update(
        id="d0c0000000000002",
        source="Second Outlet",
        url="https://second.example/a",
        derived_from=[{"document": first["id"], "relation": "rewrite", "score": 0.87, "note": SCRIPT}],
        adds=[f"A new line {ONERROR}"],
    )
    story["documents"].append(second)
    return story


def test_contradictions_copies_and_sources_read_the_same_in_the_app_and_the_report(tmp_path: Path) -> None:
    story = story_with_a_copy()
    app_page = TestClient(create_app(save(f"sqlite:///{tmp_path / 'store.db'}", story))).get(f"/stories/{HOSTILE_ID}")
    report = render_html(story)
    for name in ("contradictions", "copies", "sources"):
        in_app, in_report = _section(app_page.text, name), _section(report, name)
        assert _words(in_app) == _words(in_report), name
        assert not [h for h in in_report.links if not h.startswith("https://")]  # only the reports' own addresses
        assert all(h.startswith(f"/stories/{HOSTILE_ID}") for h in in_app.links)  # only the app's pages
    assert "A new line" in _words(_section(report, "copies"))
