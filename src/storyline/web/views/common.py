"""What the views share: the store of the running app and loading a story or document from it."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from storyline.output.markdown import Record, StoryDict
from storyline.store.store import Store
from storyline.web.errors import WebError, WebErrors


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(get_store)]


def load_story(store: Store, story_id: str) -> StoryDict:
    """The story as saved, or 404 (E130)."""
    if not store.has_story(story_id):
        raise WebError(404, WebErrors.E130.format(what=f"The story '{story_id}'"))
    return store.load(story_id)


def find_document(story: StoryDict, document_id: str) -> Record:
    """The story's document with this id, or 404 (E130)."""
    for doc in story.get("documents", []):
        if doc.get("id") == document_id:
            return dict(doc)
    story_id = story.get("story", {}).get("id")
    raise WebError(404, WebErrors.E130.format(what=f"The document '{document_id}' of story '{story_id}'"))
