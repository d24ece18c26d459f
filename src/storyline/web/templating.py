"""The Jinja2 environment of the app's pages: autoescaped, strict about undefined names."""

from __future__ import annotations

from functools import cache
from typing import Any
from urllib.parse import quote, urlencode

from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from storyline import __version__
from storyline.output.html import link
from storyline.output.markdown import doc_label, format_value, outlet


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


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("storyline.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
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
