"""report.md: every section, the overview numbers, and story text kept from breaking the Markdown."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.output.markdown import format_value, latest_point, md, overview, render_markdown, source_rows


def story_dict() -> dict[str, Any]:
    """Two outlets, three reports (one a duplicate), one contested event, one figure series."""

    def doc(doc_id: str, source: str, title: str, published: str, **extra: Any) -> dict[str, Any]:
        return {
            "id": doc_id,
            "path": f"{doc_id}.txt",
            "url": None,
            "source": source,
            "title": title,
            "published": published,
            "derived_from": [],
            "adds": [],
            "drops": [],
            "sentences": [],
            **extra,
        }

    def point(date: str | None, value: float, document: str, source: str, **extra: Any) -> dict[str, Any]:
        return {
            "date": date,
            "value": value,
            "low": value,
            "high": value,
            "qualifier": None,
            "document": document,
            "sentence": 2,
            "text": f"{value} hectares burned.",
            "source": source,
            "attributed_to": "the fire service",
            **extra,
        }

    return {
        "schema_version": "1.1.0",
        "story": {"id": "fire", "title": "Hill fire"},
        "summary": [
            {
                "text": "The fire service said 300 hectares had burned by Sunday.",
                "document": "b",
                "sentence": 2,
                "event": None,
                "date": "2025-08-03",
                "status": "claimed",
                "attributed_to": "the fire service",
                "sources": ["Town Bulletin"],
                "independent_sources": 1,
                "contested": False,
                "measure": "area burned",
            },
            {
                "text": "Police said the village was cleared.",
                "document": "a",
                "sentence": 1,
                "event": "e2",
                "date": "2025-08-02",
                "status": "claimed",
                "attributed_to": "police",
                "sources": ["Ridge News", "Town Bulletin"],
                "independent_sources": 2,
                "contested": True,
                "measure": None,
            },
        ],
        "documents": [
            doc("a", "Ridge News", "Fire on the hill", "2025-08-01"),
            doc("b", "Town Bulletin", "Hill blaze grows", "2025-08-03"),
            doc(
                "c",
                "Ridge News",
                "Fire on the hill (update)",
                "2025-08-02",
                derived_from=[{"document": "a", "relation": "duplicate", "score": 0.97, "note": None}],
                adds=["Roads north of the ridge are shut."],
            ),
        ],
        "events": [
            {
                "id": "e2",
                "date": "2025-08-02",
                "summary": "The village was evacuated.",
                "independent_sources": 2,
                "sources": ["Ridge News", "Town Bulletin"],
                "contested": True,
                "mentions": [
                    {
                        "document": "a",
                        "sentence": 1,
                        "text": "The village was cleared.",
                        "attributed_to": "police",
                        "status": "claimed",
                        "status_detail": None,
                        "date": "2025-08-02",
                        "date_fallback": False,
                    },
                    {
                        "document": "b",
                        "sentence": 1,
                        "text": "No one left.",
                        "attributed_to": "the mayor",
                        "status": "denied",
                        "status_detail": None,
                        "date": "2025-08-02",
                        "date_fallback": False,
                    },
                ],
            },
            {
                "id": "e1",
                "date": "2025-08-01",
                "summary": "A fire broke out on the hill.",
                "independent_sources": 1,
                "sources": ["Ridge News"],
                "contested": False,
                "mentions": [
                    {
                        "document": "a",
                        "sentence": 0,
                        "text": "A fire broke out.",
                        "attributed_to": None,
                        "status": "confirmed",
                        "status_detail": "place verified",
                        "date": "2025-08-01",
                        "date_fallback": False,
                    }
                ],
            },
        ],
        "figures": [
            {
                "measure": "area burned",
                "unit": "hectare",
                "points": [
                    point("2025-08-01", 120, "a", "Ridge News", qualifier="about"),
                    point("2025-08-03", 300, "b", "Town Bulletin", low=250, high=350),
                    point("2025-08-02", 200, "c", "Ridge News"),
                ],
            },
        ],
        "contradictions": [
            {
                "kind": "status",
                "note": "evacuation claimed and denied",
                "mentions": [
                    {"document": "a", "sentence": 1, "text": "The village was cleared."},
                    {"document": "b", "sentence": 1, "text": "No one left."},
                ],
            },
        ],
        "timeline": [
            {
                "date": "2025-08-02",
                "event": "e2",
                "summary": "Police said the village was cleared.",
                "sentences": [
                    {
                        "document": "a",
                        "sentence": 1,
                        "text": "Police said the village was cleared.",
                        "event": "e2",
                        "status": "claimed",
                        "attributed_to": "police",
                    },
                    {
                        "document": "b",
                        "sentence": 3,
                        "text": "Smoke closed the school.",
                        "event": "e3",
                        "status": "reported",
                        "attributed_to": None,
                    },
                ],
                "events": ["e2", "e3"],
                "sources": ["Ridge News", "Town Bulletin"],
                "independent_sources": 2,
                "score": 4.5,
            },
        ],
        "skipped": [{"path": "photo.jpg", "reason": "E003: looks binary"}],
    }


def section(report: str, title: str) -> str:
    start = report.index(f"## {title}\n")
    end = report.find("\n## ", start + 1)
    return report[start : end if end != -1 else None]


def test_report_has_the_title_and_every_section_in_order() -> None:
    report = render_markdown(story_dict())
    assert report.startswith("# Hill fire\n")
    titles = [
        "What we know",
        "Timeline",
        "All events",
        "Figures",
        "Contradictions",
        "Copies",
        "Sources",
        "Skipped inputs",
    ]
    positions = [report.index(f"\n## {t}\n") for t in titles]
    assert positions == sorted(positions)


def test_what_we_know_counts_reports_outlets_and_independent_reports() -> None:
    known = section(render_markdown(story_dict()), "What we know")
    assert "3 reports from 2 outlets; 2 independent reports." in known
    assert "Reports published from 2025-08-01 to 2025-08-03." in known
    assert "Events dated from 2025-08-01 to 2025-08-02." in known
    assert "Latest area burned: 250–350 hectare (2025-08-03, Town Bulletin)." in known
    assert "⚠ Contested: The village was evacuated. (2025-08-02)." in known


def test_what_we_know_opens_with_the_summary_each_sentence_dated_sourced_and_its_status_said() -> None:
    known = section(render_markdown(story_dict()), "What we know")
    lines = known.splitlines()
    assert lines[2] == (
        "- The fire service said 300 hectares had burned by Sunday. (2025-08-03; claimed by the fire service; "
        "latest area burned; Town Bulletin (1 independent))"
    )
    assert lines[3] == (
        "- Police said the village was cleared. (2025-08-02; claimed by police; ⚠ contested; "
        "Ridge News, Town Bulletin (2 independent))"
    )
    assert known.index("### At a glance") > known.index("Police said")


def test_a_summary_line_that_tells_how_the_story_began_says_so() -> None:
    story = story_dict()
    story["summary"][1]["slot"] = "origin"
    story["summary"][0]["slot"] = None
    lines = section(render_markdown(story), "What we know").splitlines()
    assert lines[3].startswith("- Police said the village was cleared. (how it began; 2025-08-02; claimed by police;")
    assert lines[2].startswith("- The fire service said 300 hectares had burned by Sunday. (2025-08-03;")


def test_timeline_gives_each_key_date_its_sentences_status_and_sources() -> None:
    timeline = section(render_markdown(story_dict()), "Timeline")
    assert (
        "- **2025-08-02** — Police said the village was cleared. — claimed by police; "
        "Ridge News, Town Bulletin (2 independent)"
    ) in timeline
    assert "  - Smoke closed the school." in timeline
    assert "A fire broke out" not in timeline  # not a key date


def test_all_events_in_date_order_with_statuses_per_source() -> None:
    events = section(render_markdown(story_dict()), "All events")
    assert events.index("A fire broke out") < events.index("The village was evacuated")
    line = "- **2025-08-02** — The village was evacuated. — Ridge News, Town Bulletin (2 independent)"
    assert f"{line} ⚠ contested" in events
    assert "Ridge News: claimed by police; Town Bulletin: denied by the mayor" in events
    assert "Ridge News: confirmed (place verified)" in events


def test_figures_are_a_table_per_series() -> None:
    figures = section(render_markdown(story_dict()), "Figures")
    assert "### area burned (hectare)" in figures
    assert "| 2025-08-01 | about 120 hectare | Ridge News | the fire service |" in figures
    assert "| 2025-08-03 | 250–350 hectare | Town Bulletin | the fire service |" in figures


def test_contradictions_quote_both_sentences() -> None:
    contradictions = section(render_markdown(story_dict()), "Contradictions")
    assert "- **status**: evacuation claimed and denied" in contradictions
    assert "> “The village was cleared.” — Ridge News, Fire on the hill" in contradictions
    assert "> “No one left.” — Town Bulletin, Hill blaze grows" in contradictions


def test_copies_say_what_derives_from_what_and_what_it_adds() -> None:
    copies = section(render_markdown(story_dict()), "Copies")
    assert "Fire on the hill (update) (Ridge News) is a duplicate of Fire on the hill (Ridge News), score 0.97." in (
        copies
    )
    assert "Adds: “Roads north of the ridge are shut.”" in copies


def test_sources_and_skipped_inputs() -> None:
    report = render_markdown(story_dict())
    assert "| Ridge News | 2: Fire on the hill; Fire on the hill (update) | yes |" in section(report, "Sources")
    assert "- `photo.jpg`: E003: looks binary" in section(report, "Skipped inputs")


def test_outlet_with_only_copies_is_not_independent() -> None:
    story = story_dict()
    story["documents"][1]["derived_from"] = [{"document": "a", "relation": "excerpt", "score": 0.9, "note": None}]
    rows = {row.outlet: row.independent for row in source_rows(story)}
    assert rows == {"Ridge News": True, "Town Bulletin": False}
    assert overview(story).independent_reports == 1


def test_empty_story_says_so_in_each_section() -> None:
    empty = {
        "story": {"id": "s", "title": "Quiet"},
        "documents": [],
        "events": [],
        "figures": [],
        "contradictions": [],
        "timeline": [],
        "skipped": [],
    }
    report = render_markdown(empty)
    assert "0 reports from 0 outlets" in report
    assert "No key dates were found." in report and "No events were found." in report
    assert "Every report is independent." in report


def test_story_text_cannot_inject_markdown_or_html() -> None:
    story = story_dict()
    story["story"]["title"] = "<script>alert(1)</script>"
    story["documents"][0]["source"] = "A | B\n## Fake"
    report = render_markdown(story)
    assert "<script>" not in report
    assert report.startswith("# \\<script\\>alert(1)\\</script\\>\n")
    assert "\n## Fake" not in report
    assert "| A \\| B \\#\\# Fake |" in report


@pytest.mark.parametrize(
    ("point", "unit", "expected"),
    [
        (
            {"value": 1200.0, "low": 1200.0, "high": 1200.0, "qualifier": "more than"},
            "count",
            "more than 1,200",
        ),
        ({"value": 12.5, "low": 12.5, "high": 12.5, "qualifier": None}, "percent", "12.5%"),
        ({"value": 3.0, "low": 3.0, "high": 5.0, "qualifier": None}, "km2", "3–5 km2"),
        ({"value": 2.0, "low": 2.0, "high": 2.0, "qualifier": None, "projected": True}, "m", "2 m (projected)"),
        ({"value": 48.0, "low": 48.0, "high": 48.0, "qualifier": None, "suspected": True}, "count", "48 (suspected)"),
    ],
)
def test_values_read_like_a_sentence(point: dict[str, Any], unit: str, expected: str) -> None:
    assert format_value(point, unit) == expected


def test_latest_point_prefers_the_latest_date_then_the_later_entry() -> None:
    series = {
        "points": [
            {"date": "2025-01-02", "value": 1},
            {"date": "2025-01-02", "value": 2},
            {"date": None, "value": 3},
        ]
    }
    assert latest_point(series) == {"date": "2025-01-02", "value": 2}


def test_latest_point_is_a_measured_one_unless_the_series_has_only_projections() -> None:
    measured = {"date": "2025-01-02", "value": 1.2}
    forecast = {"date": "2025-01-04", "value": 2.0, "projected": True}
    assert latest_point({"points": [measured, forecast]}) == measured
    assert latest_point({"points": [forecast]}) == forecast


def test_md_keeps_text_on_one_line() -> None:
    assert md("two\nlines  here") == "two lines here"


def test_latest_point_is_not_a_suspected_toll_unless_the_series_has_only_suspected_ones() -> None:
    confirmed = {"date": "2025-01-02", "value": 20.0}
    suspected = {"date": "2025-01-03", "value": 48.0, "suspected": True}
    assert latest_point({"points": [confirmed, suspected]}) == confirmed
    assert latest_point({"points": [suspected]}) == suspected
