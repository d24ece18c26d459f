"""Exports of a story: story.json, report.md and the self-contained report.html (storyline.output)."""

from __future__ import annotations

import json

from fastapi import APIRouter
from fastapi.responses import Response

from storyline.output import html
from storyline.output.markdown import render_markdown
from storyline.web.views.common import StoreDep, load_story

router = APIRouter()


@router.get("/stories/{story_id}/story.json", tags=["exports"])
def story_json(story_id: str, store: StoreDep) -> Response:
    """The story.json file, as ``storyline build`` writes it."""
    body = json.dumps(load_story(store, story_id), indent=2, ensure_ascii=False) + "\n"
    return Response(body, media_type="application/json", headers=_attachment(story_id, "story.json"))


@router.get("/stories/{story_id}/report.md", tags=["exports"])
def report_md(story_id: str, store: StoreDep) -> Response:
    """The report.md file, for a desk."""
    body = render_markdown(load_story(store, story_id))
    return Response(body, media_type="text/markdown; charset=utf-8", headers=_attachment(story_id, "report.md"))


@router.get("/stories/{story_id}/report.html", tags=["exports"])
def report_html(story_id: str, store: StoreDep) -> Response:
    """The self-contained report.html, with its own policy: its one inline stylesheet, still no script."""
    body = html.render_html(load_story(store, story_id))
    return Response(body, media_type="text/html; charset=utf-8", headers={"Content-Security-Policy": html.CSP})


def _attachment(story_id: str, name: str) -> dict[str, str]:
    safe = "".join(c for c in story_id if c.isalnum() or c in "-_") or "story"
    return {"Content-Disposition": f'inline; filename="{safe}-{name}"'}
