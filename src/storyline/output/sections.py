"""The sections report.html and the web app's story page share, written once as Jinja macros in
``output/templates/sections.html``: what we know, the key-date timeline, all events, figures,
contradictions, copies and sources.

Only the links differ: ``ReportLinks`` for the offline report (a report's own http(s) address, no
page per sentence), the app's ``web.templating.AppLinks`` for its pages.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from storyline.output.charts import figure_sources, render_chart
from storyline.output.markdown import (
    Record,
    StoryDict,
    doc_label,
    format_value,
    outlet,
    slot_label,
    sourcing,
    status_note,
)


class ReportLinks:
    """Where the offline report points: a report's title to its own http(s) address, nothing else."""

    external = True

    def report(self, doc: Record | None) -> str | None:
        url = str((doc or {}).get("url") or "").strip()
        return url if url.lower().startswith(("http://", "https://")) else None

    def sentence(self, mention: Record) -> str | None:
        return None

    def outlet(self, name: str) -> str | None:
        return None

    def event(self, event_id: str) -> str:
        return f"#e-{event_id}"


def contradicted(story: StoryDict) -> set[tuple[str, int]]:
    """The (document, sentence) pairs that some contradiction quotes."""
    return {(m["document"], m["sentence"]) for c in story.get("contradictions", []) for m in c.get("mentions", [])}


SHARED_GLOBALS: dict[str, Any] = {
    "outlet": outlet,
    "doc_label": doc_label,
    "format_value": format_value,
    "status_note": status_note,
    "slot_label": slot_label,
    "sourcing": sourcing,
    "chart": render_chart,
    "figure_sources": figure_sources,
}


@cache
def environment() -> Environment:
    """The report's Jinja environment: autoescaped, strict about undefined names."""
    env = Environment(
        loader=PackageLoader("storyline.output", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(SHARED_GLOBALS)
    return env


def render_section(name: str, *args: Any) -> Markup:
    """One macro of sections.html, e.g. ``render_section("copies", copies(story), ReportLinks())``."""
    macro = getattr(environment().get_template("sections.html").module, name)
    return Markup(macro(*args))
