"""The sections written once in output/templates/sections.html (what we know, the key-date timeline,
all events, figures, contradictions, copies, sources) read the same on the story page and in
report.html; only where their links point differs."""

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


SHARED = ("what-we-know", "timeline", "events", "figures", "contradictions", "copies", "sources")


def _section(page: str, name: str) -> _Text:
    start = page.index(f'<section id="{name}">')
    end = page.index("</section>", start)
    html = page[start:end].split("<h3>Skipped inputs</h3>")[0]  # the app lists skipped inputs under sources
    # the app's filters and count come before the shared list of events
    first = '<ol class="timeline all-events">' if name == "events" else "</h2>"
    html = html[html.index(first) :]
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
    story["figures"] = [
        {
            "measure": "people evacuated",
            "unit": "count",
            "points": [
                _point(first["id"], 0, "2022-09-10", 120, first["source"], "Officials <b>bold</b>"),
                _point(second["id"], 1, "2022-09-10", 300, "Second Outlet", None),
                _point(second["id"], 0, "2022-09-11", 350, "Second Outlet", SCRIPT),
            ],
        }
    ]
    sentence = {k: story["events"][0]["mentions"][0][k] for k in ("document", "sentence", "text", "attributed_to")}
    story["timeline"][0].update(
        sentences=[{**sentence, "event": story["events"][0]["id"], "status": "claimed"}],
        events=[story["events"][0]["id"]],
        sources=[ONERROR],
        independent_sources=1,
    )
    return story


def _point(doc: str, sentence: int, day: str, value: float, source: str, by: str | None) -> dict[str, Any]:
    return {
        "date": day,
        "value": value,
        "low": value,
        "high": value,
        "qualifier": None,
        "document": doc,
        "sentence": sentence,
        "text": f"{value} people left {ONERROR}",
        "source": source,
        "attributed_to": by,
    }


def _pages(tmp_path: Path) -> tuple[str, str]:
    story = story_with_a_copy()
    app_page = TestClient(create_app(save(f"sqlite:///{tmp_path / 'store.db'}", story))).get(f"/stories/{HOSTILE_ID}")
    return app_page.text, render_html(story)


def test_every_shared_section_reads_the_same_in_the_app_and_the_report(tmp_path: Path) -> None:
    app_page, report = _pages(tmp_path)
    for name in SHARED:
        in_app, in_report = _section(app_page, name), _section(report, name)
        assert _words(in_app) == _words(in_report), name
        assert _words(in_app), name
        # in the report, only the reports' own addresses and its own anchors; in the app, only its pages
        assert not [h for h in in_report.links if not h.startswith(("https://", "#"))], name
        assert all(h.startswith((f"/stories/{HOSTILE_ID}", "#contradictions")) for h in in_app.links), name
    assert "A new line" in _words(_section(report, "copies"))


def test_the_app_links_each_quote_and_figure_to_its_sentence_and_the_report_to_its_anchors(tmp_path: Path) -> None:
    app_page, report = _pages(tmp_path)
    sentence = f"/stories/{HOSTILE_ID}/documents/d0c0000000000002#s1"
    assert sentence in _section(app_page, "figures").links  # the 300 of Second Outlet, in the chart and tables
    chart = app_page[app_page.index("<svg") : app_page.index("</svg>")]
    assert f'<a href="{sentence}"><circle' in chart  # a point in the chart links to its sentence
    assert f"/stories/{HOSTILE_ID}/documents/d0c0000000000001#s0" in _section(app_page, "timeline").links
    assert f"/stories/{HOSTILE_ID}#e-e0000000000000001" in _section(app_page, "timeline").links
    assert "#e-e0000000000000001" in _section(report, "timeline").links
    assert 'id="e-e0000000000000001"' in app_page and 'id="e-e0000000000000001"' in report


def test_figures_show_a_series_per_source_with_its_independence_in_both_outputs(tmp_path: Path) -> None:
    for page in _pages(tmp_path):
        figures = page[page.index('<section id="figures">') : page.index('<section id="contradictions">')]
        assert figures.count("<polyline") == 2  # one line per source
        legend = _words(_section(page, "figures"))
        assert "Second Outlet (copies)" in legend and '"><img src=x onerror=alert(1)> (independent)' in legend
        assert '<table class="by-source">' in figures
        assert "300 — 2022-09-10 — Second Outlet" in legend  # a point's source on hover, in its <title>
        assert "<img" not in figures


def test_every_mention_shows_its_speaker_and_status_in_both_outputs(tmp_path: Path) -> None:
    for page in _pages(tmp_path):
        events = _words(_section(page, "events"))
        assert '"><img src=x onerror=alert(1)> · Officials <b>bold</b>: claimed (<u>x</u>)' in events
        timeline = _words(_section(page, "timeline"))
        assert "(claimed by Officials <b>bold</b>;" in timeline
        known = _words(_section(page, "what-we-know"))
        assert "claimed by Officials <b>bold</b>" in known
