"""The stories list: HTML at ``/``, JSON at ``/api/stories``."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from storyline.web.templating import render
from storyline.web.views.common import StoreDep

router = APIRouter()


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def stories_page(store: StoreDep) -> HTMLResponse:
    return render("stories.html", stories=store.stories())


@router.get("/api/stories", tags=["stories"])
def stories_api(store: StoreDep) -> dict[str, Any]:
    """Every stored story: id, title, reports, outlets, date span and last update, newest first."""
    return {"stories": [asdict(s) for s in store.stories()]}
