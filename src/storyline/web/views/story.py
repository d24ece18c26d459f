"""The story page (``/stories/{id}``) and its JSON (``/api/stories/{id}``, ``.../events``).

The page gives what we know (the story's summary sentences first), the key-date timeline, the
filterable list of all events, figures as charts, contradictions, copies and sources; all but the
filters are the macros report.html renders too (``output/templates/sections.html``). Filters are
plain GET parameters, applied on the server, so the page needs no script.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, JSONResponse

from storyline.output.markdown import Record, copies, documents_by_id, overview, source_rows
from storyline.output.sections import contradicted
from storyline.web.filters import STATUSES, EventFilter, filter_events, outlets, parse_filter
from storyline.web.templating import render
from storyline.web.views.common import StoreDep, load_story

router = APIRouter()


FilterDep = Annotated[EventFilter, Depends(parse_filter)]


@router.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
def story_page(story_id: str, f: FilterDep, store: StoreDep, request: Request) -> HTMLResponse:
    story = load_story(store, story_id)
    docs = documents_by_id(story)
    events = filter_events(story, f)
    return render(
        "story.html",
        story=story,
        story_id=story_id,
        title=story.get("story", {}).get("title") or story_id,
        docs=docs,
        o=overview(story),
        f=f,
        events=events,
        total_events=len(story.get("events", [])),
        statuses=STATUSES,
        outlets=outlets(story),
        contradicted=contradicted(story),
        copies=copies(story),
        sources=source_rows(story),
        writes_need_token=request.app.state.token is not None,  # the add form, _add_form.html
        limits=request.app.state.config.web,
    )


@router.get("/api/stories/{story_id}", tags=["stories"])
def story_api(story_id: str, store: StoreDep) -> JSONResponse:
    """The story as story.json (see schema/story.schema.json)."""
    return JSONResponse(load_story(store, story_id))


@router.get("/api/stories/{story_id}/events", tags=["stories"])
def events_api(story_id: str, f: FilterDep, store: StoreDep) -> dict[str, Any]:
    """The story's events in timeline order that pass the filter."""
    story = load_story(store, story_id)
    events: list[Record] = filter_events(story, f)
    return {"story": story_id, "filter": f.as_dict(), "count": len(events), "events": events}
