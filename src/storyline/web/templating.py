"""The Jinja2 environment of the app's pages: autoescaped, strict about undefined names."""

from __future__ import annotations

from functools import cache
from typing import Any
from urllib.parse import quote, urlencode

from fastapi.responses import HTMLResponse
from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from storyline import __version__
from storyline.output.html import link
from storyline.output.markdown import Record, doc_label, format_value, outlet
from storyline.output.sections import SHARED_GLOBALS


def story_url(story_id: str) -> str:
    return f"/stories/{quote(story_id, safe='')}"


def document_url(story_id: str, document_id: str, sentence: int | None = None) -> str:
    anchor = f"#s{int(sentence)}" if sentence is not None else ""
    return f"{story_url(story_id)}/documents/{quote(document_id, safe='')}{anchor}"


def query(**params: Any) -> str:
    """A query string of the non-empty parameters, e.g. ``?source=Meridian+Wire``."""
    kept = {k: v for k, v in params.items() if v not in (None, "")}
    return f"?{urlencode(kept)}" if kept else ""


def external_link(text: str, url: object) -> Markup:
    """A link to an http(s) address (escaped); any other scheme, ``javascript:`` included, is plain text."""
    return Markup(link(text, url))


class AppLinks:
    """Where the story page's shared sections (``output/templates/sections.html``) point: a report's
    title to its page, a quote to its sentence there, an outlet to the event list filtered by it."""

    external = False

    def __init__(self, story_id: str) -> None:
        self.story_id = story_id

    def report(self, doc: Record | None) -> str | None:
        return document_url(self.story_id, doc["id"]) if doc and doc.get("id") else None

    def sentence(self, mention: Record) -> str | None:
        return document_url(self.story_id, mention["document"], mention.get("sentence"))

    def outlet(self, name: str) -> str | None:
        return f"{story_url(self.story_id)}{query(source=name)}#events"

    def event(self, event_id: str) -> str:
        return f"{story_url(self.story_id)}#e-{event_id}"  # the unfiltered page, where every event is


@cache
def environment() -> Environment:
    """The pages' environment; it also finds the report's templates, for the sections both render."""
    env = Environment(
        loader=ChoiceLoader(
            [PackageLoader("storyline.web", "templates"), PackageLoader("storyline.output", "templates")]
        ),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(SHARED_GLOBALS)
    env.globals.update(
        AppLinks=AppLinks,
        version=__version__,
        story_url=story_url,
        document_url=document_url,
        query=query,
        outlet=outlet,
        doc_label=doc_label,
        format_value=format_value,
        external_link=external_link,
    )
    return env


def render(name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(environment().get_template(name).render(**context), status_code=status_code)
