"""Render a story.json dict as one self-contained, offline report.html: inline CSS and SVG, no scripts.

The sections come from the Jinja macros the app's story page renders too (``output/sections.py``);
this module adds the page around them. Every value from the story is escaped, and only http(s) URLs
become links; a Content-Security-Policy forbids anything but the inline style and data images.
"""

from __future__ import annotations

import html
from importlib.resources import files

from storyline import SCHEMA_VERSION, __version__
from storyline.output.markdown import (
    Record,
    StoryDict,
    copies,
    documents_by_id,
    overview,
    source_rows,
    timeline_events,
)
from storyline.output.sections import ReportLinks, contradicted, render_section

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

SECTIONS = (
    ("what-we-know", "What we know"),
    ("timeline", "Timeline"),
    ("events", "All events"),
    ("figures", "Figures"),
    ("contradictions", "Contradictions"),
    ("copies", "Copies"),
    ("sources", "Sources"),
    ("skipped", "Skipped inputs"),
)


def esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def safe_url(url: object) -> str | None:
    """The URL escaped for an attribute, or None unless it is an http(s) URL."""
    text = str(url or "").strip()
    return esc(text) if text.lower().startswith(("http://", "https://")) else None


def link(text: str, url: object) -> str:
    href = safe_url(url)
    return f'<a href="{href}" rel="noopener noreferrer">{esc(text)}</a>' if href else esc(text)


def stylesheet() -> str:
    return files("storyline.output").joinpath("templates", "report.css").read_text(encoding="utf-8")


def render_html(story: StoryDict) -> str:
    """The whole report.html for a story.json dict."""
    docs = documents_by_id(story)
    title = story.get("story", {}).get("title") or "Untitled story"
    body = "\n".join([*_shared_sections(story, docs), _skipped(story)])
    nav = "".join(f'<li><a href="#{key}">{label}</a></li>' for key, label in SECTIONS)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="storyline {esc(__version__)}">
<title>{esc(title)}</title>
<style>
{stylesheet()}</style>
</head>
<body>
<header>
<p class="kicker">Developing story</p>
<h1>{esc(title)}</h1>
<p class="dek">A sourced, dated timeline cross-checked across {len(docs)} reports.</p>
<nav aria-label="Sections"><ul>{nav}</ul></nav>
</header>
<main>
{body}
</main>
<footer class="colophon">Made by storyline {esc(__version__)} · story.json schema {esc(SCHEMA_VERSION)} ·
story id <code>{esc(story.get("story", {}).get("id"))}</code></footer>
</body>
</html>
"""


def _section(key: str, content: str) -> str:
    label = dict(SECTIONS)[key]
    return f'<section id="{key}">\n<h2>{label}</h2>\n{content.strip()}\n</section>'


def _shared_sections(story: StoryDict, docs: dict[str, Record]) -> list[str]:
    """The sections written once in templates/sections.html, which the app's story page renders too."""
    links = ReportLinks()
    return [
        _section("what-we-know", render_section("what_we_know", story, overview(story), docs, links)),
        _section("timeline", render_section("key_dates", story.get("timeline", []), docs, links)),
        _section("events", render_section("events", timeline_events(story), docs, links, contradicted(story))),
        _section("figures", render_section("figures", story.get("figures", []), docs, links)),
        _section("contradictions", render_section("contradictions", story.get("contradictions", []), docs, links)),
        _section("copies", render_section("copies", copies(story), links)),
        _section("sources", render_section("sources", source_rows(story), links)),
    ]


def _skipped(story: StoryDict) -> str:
    skipped = story.get("skipped", [])
    if not skipped:
        return _section("skipped", '<p class="muted">None.</p>')
    items = "".join(f"<li><code>{esc(s['path'])}</code>: {esc(s['reason'])}</li>" for s in skipped)
    return _section("skipped", f"<ul>{items}</ul>")
