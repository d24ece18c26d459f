"""The document page: cleaned text with entities, times and attributions marked, junk shown apart."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, JSONResponse

from storyline.output.markdown import documents_by_id
from storyline.web.annotate import render_text
from storyline.web.templating import render
from storyline.web.views.common import StoreDep, find_document, load_story

router = APIRouter()


@router.get("/stories/{story_id}/documents/{document_id}", response_class=HTMLResponse, include_in_schema=False)
def document_page(story_id: str, document_id: str, store: StoreDep) -> HTMLResponse:
    story = load_story(store, story_id)
    doc = find_document(story, document_id)
    docs = documents_by_id(story)
    copied_by = [d for d in story.get("documents", []) for x in d.get("derived_from", []) if x["document"] == doc["id"]]
    return render(
        "document.html",
        story=story,
        story_id=story_id,
        title=story.get("story", {}).get("title") or story_id,
        doc=doc,
        docs=docs,
        copied_by=copied_by,
        body=render_text(doc),
    )


@router.get("/api/stories/{story_id}/documents/{document_id}", tags=["documents"])
def document_api(story_id: str, document_id: str, store: StoreDep) -> JSONResponse:
    """One document of the story, as in story.json: text, sentences and their annotations."""
    return JSONResponse(find_document(load_story(store, story_id), document_id))
