"""The sections report.html and the web app's story page share (contradictions, copies, sources),
written once as Jinja macros in ``output/templates/sections.html``.

Only the links differ: ``ReportLinks`` for the offline report (a report's own http(s) address, no
page per sentence), the app's ``web.templating.AppLinks`` for its pages.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from storyline.output.markdown import Record, doc_label, outlet


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


SHARED_GLOBALS: dict[str, Any] = {"outlet": outlet, "doc_label": doc_label}


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
