"""report.html: self-contained and offline, everything from the story escaped, one chart line per source."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

from storyline.output.html import CSP, render_html, safe_url

EVIL = "<script>alert(1)</script>"
ATTR = '" onerror="x'


def doc(doc_id: str, source: str, title: str, published: str, url: str | None = None, **extra: Any) -> dict[str, Any]:
    return {
        "id": doc_id,
        "path": f"{doc_id}.txt",
        "url": url,
        "source": source,
        "title": title,
        "byline": None,
        "dateline": None,
        "published": published,
        "published_from": "manifest",
        "published_confidence": None,
        "boilerplate_removed": [],
        "derived_from": [],
        "adds": [],
        "drops": [],
        "text": "",
        "sentences": [],
        **extra,
    }


def point(date: str | None, value: float, document: str, source: str, text: str, **extra: Any) -> dict[str, Any]:
    return {
        "date": date,
        "value": value,
        "low": value,
        "high": value,
        "qualifier": None,
        "document": document,
        "sentence": 1,
        "text": text,
        "source": source,
        "attributed_to": None,
        **extra,
    }


def mention(document: str, text: str, status: str, attributed_to: str | None = None) -> dict[str, Any]:
    return {
        "document": document,
        "sentence": 0,
        "text": text,
        "attributed_to": attributed_to,
        "status": status,
        "status_detail": None,
        "date": "2025-05-02",
        "date_fallback": False,
    }


def key_date(day: str, event: str, text: str, status: str, attributed_to: str | None) -> dict[str, Any]:
    line = {"document": "a", "sentence": 0, "text": text, "event": event, "status": status}
    return {
        "date": day,
        "event": event,
        "summary": text,
        "sentences": [{**line, "attributed_to": attributed_to}],
        "events": [event],
        "sources": ["Coast Radio", "Valley Post"],
        "independent_sources": 2,
        "score": 3.0,
    }


def story_dict() -> dict[str, Any]:
    """Three reports from three outlets; one rewrites another; two figure sources; one contested event."""
    return {
        "schema_version": "1.1.0",
        "story": {"id": "quake", "title": "Earthquake in the valley"},
        "summary": [
            {
                "text": "The dam cracked, officials said.",
                "document": "a",
                "sentence": 0,
                "event": "e2",
                "date": "2025-05-03",
                "status": "claimed",
                "attributed_to": "officials",
                "sources": ["Coast Radio", "Valley Post"],
                "independent_sources": 2,
                "contested": True,
                "measure": None,
            }
        ],
        "documents": [
            doc("a", "Valley Post", "Quake strikes", "2025-05-02", url="https://valley.example/quake"),
            doc("b", "Coast Radio", "Tremor felt on coast", "2025-05-03", url="javascript:alert(1)"),
            doc(
                "c",
                "Metro Daily",
                "Valley quake",
                "2025-05-04",
                derived_from=[{"document": "a", "relation": "rewrite", "score": 0.87, "note": None}],
                adds=["A relief fund opened on Sunday."],
            ),
        ],
        "events": [
            {
                "id": "e1",
                "date": "2025-05-02",
                "summary": "A strong earthquake struck the valley.",
                "independent_sources": 2,
                "sources": ["Coast Radio", "Valley Post"],
                "contested": False,
                "mentions": [
                    mention("a", "The quake struck at dawn.", "confirmed", "the geological service"),
                    mention("b", "A tremor was felt.", "reported"),
                ],
            },
            {
                "id": "e2",
                "date": "2025-05-03",
                "summary": "The dam was damaged.",
                "independent_sources": 2,
                "sources": ["Coast Radio", "Valley Post"],
                "contested": True,
                "mentions": [
                    mention("a", "The dam cracked, officials said.", "claimed", "officials"),
                    mention("b", "The operator denied any damage.", "denied", "the operator"),
                ],
            },
        ],
        "figures": [
            {
                "measure": "people injured",
                "unit": "count",
                "points": [
                    point("2025-05-02", 40, "a", "Valley Post", "At least 40 people were hurt."),
                    point("2025-05-03", 75, "a", "Valley Post", "The count rose to 75."),
                    point("2025-05-03", 60, "b", "Coast Radio", "Some 60 people were hurt.", qualifier="about"),
                    point("2025-05-04", 90, "b", "Coast Radio", "Between 80 and 100.", low=80, high=100),
                    point(None, 12, "c", "Metro Daily", "Twelve remain in hospital."),
                ],
            }
        ],
        "contradictions": [
            {
                "kind": "status",
                "mentions": [
                    {"document": "a", "sentence": 0, "text": "The dam cracked, officials said."},
                    {"document": "b", "sentence": 0, "text": "The operator denied any damage."},
                ],
                "note": "the dam is reported damaged and its damage denied",
            }
        ],
        "timeline": [key_date("2025-05-02", "e1", "The quake struck at dawn.", "confirmed", "the geological service")],
        "skipped": [{"path": "scan.pdf", "reason": "E003: looks binary"}],
    }


def hostile_story() -> dict[str, Any]:
    story = story_dict()
    story["story"]["title"] = EVIL
    story["documents"][0].update(source=EVIL, title=ATTR, url='https://x.example/"><script>alert(2)</script>')
    story["events"][0]["summary"] = EVIL
    story["events"][0]["mentions"][0].update(text=ATTR, attributed_to=EVIL)
    story["figures"][0]["measure"] = ATTR
    story["figures"][0]["points"][0].update(text=EVIL, source=ATTR)
    story["contradictions"][0]["note"] = EVIL
    story["skipped"][0]["path"] = EVIL
    story["summary"][0].update(text=EVIL, attributed_to=ATTR, measure=EVIL)
    story["timeline"][0]["sentences"][0].update(text=EVIL, attributed_to=ATTR, event=ATTR)
    return story


class _Tags(HTMLParser):
    """Collects start tags and their attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


def test_page_is_one_html5_file_with_the_csp_and_no_script() -> None:
    page = render_html(story_dict())
    assert page.startswith("<!DOCTYPE html>")
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in page
    assert "default-src 'none'" in CSP
    assert "<script" not in page.lower()
    assert not [t for t, _ in tags(page) if t in ("link", "script", "iframe", "img", "object")]


def test_only_story_urls_are_external_links() -> None:
    page = render_html(story_dict())
    external = {
        value
        for _, attrs in tags(page)
        for name, value in attrs.items()
        if name in ("src", "href") and value and not value.startswith("#")
    }
    assert external == {"https://valley.example/quake"}
    assert set(re.findall(r"https?://[^\s\"<]*", page)) == {"https://valley.example/quake"}


def test_non_http_url_is_text_not_a_link() -> None:
    page = render_html(story_dict())
    assert "javascript:" not in page
    assert safe_url("javascript:alert(1)") is None
    assert safe_url(" HTTP://ok.example/a?b=1&c=2") == "HTTP://ok.example/a?b=1&amp;c=2"


def test_story_text_is_escaped_everywhere() -> None:
    page = render_html(hostile_story())
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'onerror="x' not in page
    assert "&quot; onerror=&quot;x" in page
    for _, attrs in tags(page):
        assert "onerror" not in attrs
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>" in page


def test_every_section_is_present() -> None:
    page = render_html(story_dict())
    for key in ("what-we-know", "timeline", "events", "figures", "contradictions", "copies", "sources", "skipped"):
        assert f'<section id="{key}">' in page


def test_timeline_shows_a_badge_per_mention_with_speaker_and_status() -> None:
    page = render_html(story_dict())
    assert '<span class="badge status-confirmed"' in page
    assert "<b>Valley Post</b> · the geological service: confirmed" in page
    assert "<b>Coast Radio</b> · the operator: denied" in page
    assert page.count('class="badge ') == 4


def test_what_we_know_opens_with_the_summary_each_claim_said_to_be_one_and_cited() -> None:
    page = render_html(story_dict())
    known = page[page.index('<section id="what-we-know">') : page.index('<section id="timeline">')]
    assert known.index('<ol class="gist">') < known.index('<div class="facts">')
    item = re.search(r'<ol class="gist">\s*<li>(.*?)</li>\s*</ol>', known, re.S)
    assert item is not None
    assert item.group(1).startswith('<span class="quote">The dam cracked, officials said.</span>')
    assert "claimed by officials" in item.group(1) and "⚠ Contested" in item.group(1)
    assert "Coast Radio, Valley Post (2 independent)" in item.group(1)
    assert 'href="https://valley.example/quake"' in item.group(1)


def test_a_summary_line_that_tells_how_the_story_began_is_labelled() -> None:
    story = story_dict()
    story["summary"][0]["slot"] = "origin"
    page = render_html(story)
    item = re.search(r'<ol class="gist">\s*<li>(.*?)</li>', page, re.S)
    assert item is not None
    assert item.group(1).startswith('<span class="slot slot-origin">How it began</span> <span class="quote">')
    assert 'class="slot' not in render_html(story_dict())


def test_timeline_holds_the_key_dates_each_linked_to_its_event() -> None:
    page = render_html(story_dict())
    timeline = page[page.index('<section id="timeline">') : page.index('<section id="events">')]
    assert timeline.count('<li class="event key-date">') == 1
    assert "The quake struck at dawn." in timeline and "(confirmed by the geological service; Valley Post)" in timeline
    assert 'href="#e-e1"' in timeline and 'id="e-e1"' in page
    assert "The dam was damaged." not in timeline


def test_contested_event_and_contradiction_are_highlighted() -> None:
    page = render_html(story_dict())
    assert page.count('<li class="event contested contradicted" id="e-') == 1
    assert page.count('<a class="flag clash" href="#contradictions">') == 2
    assert '<article class="contradiction">' in page
    assert "“The operator denied any damage.”" in page


def test_figure_series_has_one_polyline_per_source_and_a_titled_point_per_dated_figure() -> None:
    page = render_html(story_dict())
    svg = re.search(r"<svg.*?</svg>", page, re.S)
    assert svg is not None
    assert svg.group().count("<polyline") == 2  # Coast Radio and Valley Post; Metro Daily is undated
    assert svg.group().count("<circle") == 4
    assert "75 — 2025-05-03 — Valley Post" in svg.group()
    assert "“The count rose to 75.”" in svg.group()
    assert "1 undated figure(s)" in page


def test_figures_give_a_series_per_source_with_its_independence_and_each_point_quoted() -> None:
    page = render_html(story_dict())
    figures = page[page.index('<section id="figures">') : page.index('<section id="contradictions">')]
    assert '<span class="swatch s0"></span>Coast Radio <span class="muted">(independent)</span>' in figures
    by_source = figures[figures.index('<table class="by-source">') :]
    assert by_source.index("Coast Radio") < by_source.index("Metro Daily") < by_source.index("Valley Post")
    assert '<span class="no">no, copies</span>' in by_source.split("Metro Daily")[1].split("</tr>")[0]
    assert "about 60 (<time" in by_source  # each source's values in date order
    assert '<span class="quote">“Twelve remain in hospital.”</span>' in figures  # undated: table only
    assert "<a href=" not in figures.split("</svg>")[0]  # offline: points link nowhere


def test_polyline_points_run_left_to_right_and_higher_values_sit_higher() -> None:
    page = render_html(story_dict())
    lines = re.findall(r'<polyline class="line (s\d)" points="([^"]+)"', page)
    coast = [tuple(map(float, xy.split(","))) for xy in dict(lines)["s0"].split()]
    post = [tuple(map(float, xy.split(","))) for xy in dict(lines)["s2"].split()]  # s1: Metro Daily, undated
    assert coast[0][0] < coast[1][0] and post[0][0] < post[1][0]
    assert post[1][1] < post[0][1]  # 75 above 40: smaller y
    assert '<line class="range s0"' in page  # 80–100 range on Coast Radio


def test_copies_and_sources_name_the_derived_report() -> None:
    page = render_html(story_dict())
    copies = page[page.index('<section id="copies">') : page.index('<section id="sources">')]
    assert "Valley quake" in copies and "rewrite" in copies and "0.87" in copies
    assert "“A relief fund opened on Sunday.”" in copies
    sources = page[page.index('<section id="sources">') :]
    assert '<td>Metro Daily</td><td class="num">1</td>' in sources
    assert '<span class="no">no, copies</span>' in sources


def test_page_without_events_or_figures_still_renders() -> None:
    empty = {
        "schema_version": "1.0.0",
        "story": {"id": "s", "title": "Quiet"},
        "documents": [],
        "events": [],
        "figures": [],
        "contradictions": [],
        "timeline": [],
        "skipped": [],
    }
    page = render_html(empty)
    assert "No key dates were found." in page and "No events were found." in page
    assert "No figures were found." in page


def test_the_two_clauses_of_one_sentence_each_show_their_own_speaker_and_status() -> None:
    story = story_dict()
    said = "Only part of the valley was searched, and officials warned the toll would rise."
    first = mention("c", said, "reported")
    second = mention("c", said, "claimed", "officials")
    story["events"][0]["mentions"].append(first)
    story["events"][1]["mentions"].append(second)
    page = render_html(story)
    assert page.count('class="badge ') == 6
    assert "<b>Metro Daily</b>: reported" in page
    assert "<b>Metro Daily</b> · officials: claimed" in page
