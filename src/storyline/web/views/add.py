"""Adding reports to a story: the story page's form (``POST /stories/{id}/reports``) and the JSON API
(``POST /api/stories/{id}/reports``), both multipart/form-data with files and/or pasted text.

Stages of ``add_to_story`` (the comments carry the same numbers):
  1. the story exists (E130) and the write carries the token when the server has one (E135, E177);
  2. the uploads and the pasted text pass their limits (E174, E136, E137, E171, E178, E175);
  3. ``live.add_documents`` runs the new reports through the stages, then the story is saved in one
     transaction, under a lock so that two adds cannot overwrite each other. Nothing is saved when
     a stage or the save fails (E176): the story stays as it was.
  4. what changed, with the summaries, dates and links a reader needs.
The request's size and origin were checked before its body was read (``security.WriteGuard``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse

from storyline.errors import StorylineError
from storyline.live import LiveError, add_documents
from storyline.output.export import story_to_dict
from storyline.output.markdown import StoryDict
from storyline.store.store import Store
from storyline.web.changes import AddAnswer, ChangesOut, changes_out
from storyline.web.errors import WebError, WebErrors, error_responses
from storyline.web.security import check_write_token
from storyline.web.templating import render
from storyline.web.uploads import Pasted, Upload, check_pasted, check_uploads, read_request, upload_name
from storyline.web.views.common import StoreDep, load_story

router = APIRouter()


@dataclass(frozen=True)
class AddRequest:
    uploads: tuple[Upload, ...]
    pasted: Pasted | None
    token: str


def add_request(
    files: Annotated[
        list[UploadFile] | None,
        File(description="Report files: .txt, .md, .html, .htm, .json or .jsonl (records), as `storyline add` reads."),
    ] = None,
    text: Annotated[str, Form(description="A report's text, pasted; the fields below are its metadata.")] = "",
    title: Annotated[str, Form(description="The pasted report's title.")] = "",
    outlet: Annotated[str, Form(description="The outlet that published the pasted report.")] = "",
    url: Annotated[str, Form(description="The pasted report's http(s) address.")] = "",
    published: Annotated[str, Form(description="The pasted report's publication date, YYYY-MM-DD.")] = "",
    token: Annotated[str, Form(description="The write token, from a form; a script sends it as a bearer token.")] = "",
) -> AddRequest:
    """The form's fields as one request; a file input left empty sends a nameless empty part, dropped here."""
    uploads = tuple(
        Upload(upload_name(f.filename), f.file.read()) for f in files or [] if f.filename or (f.size or 0) > 0
    )
    pasted = Pasted(text, title, outlet, url, published) if text.strip() else None
    return AddRequest(uploads, pasted, token)


AddDep = Annotated[AddRequest, Depends(add_request)]


@router.post("/stories/{story_id}/reports", response_class=HTMLResponse, include_in_schema=False)
def add_page(story_id: str, request: Request, form: AddDep, store: StoreDep) -> HTMLResponse:
    story, changes = add_to_story(request, store, story_id, form, WebErrors.E177)
    return render("added.html", story_id=story_id, title=_title(story, story_id), c=changes.model_dump())


@router.post(
    "/api/stories/{story_id}/reports",
    tags=["reports"],
    response_model=AddAnswer,
    responses=error_responses([400, 401, 403, 404, 409, 411, 413, 415, 422, 500]),
)
def add_api(story_id: str, request: Request, form: AddDep, store: StoreDep) -> AddAnswer:
    """Add reports (files and/or pasted text with its metadata) to the story, and say what changed.

    Only the new reports go through the per-document stages; the story is then rebuilt on all its
    reports and saved. Inputs that cannot be read are listed under ``skipped`` with the reason.
    When the server has a token, send ``Authorization: Bearer <token>``.
    """
    story, changes = add_to_story(request, store, story_id, form, WebErrors.E135)
    return AddAnswer(story=story_id, title=_title(story, story_id), changes=changes)


def add_to_story(
    request: Request, store: Store, story_id: str, form: AddRequest, token_error: str
) -> tuple[StoryDict, ChangesOut]:
    """Add the request's reports to the stored story; the saved story and what changed."""
    # 1. the story, the token
    before = load_story(store, story_id)
    check_write_token(request, request.app.state.token, form.token, token_error)
    # 2. the limits
    config = request.app.state.config
    check_uploads(form.uploads, config.web)
    if form.pasted is not None:
        check_pasted(form.pasted)
    if not form.uploads and form.pasted is None:
        raise WebError(400, WebErrors.E175)
    # 3. add and save, or leave the story as it was
    with request.app.state.add_lock:
        try:
            result = add_documents(store, story_id, read_request(form.uploads, form.pasted), config)
            after = story_to_dict(result.story)
            store.save(after, records=())  # add_documents stored the new reports' records already
        except LiveError as e:
            raise WebError(409, WebErrors.E176.format(story=story_id, detail=e)) from e
        except StorylineError as e:
            raise WebError(500, WebErrors.E176.format(story=story_id, detail=e)) from e
    # 4. what changed
    return after, changes_out(result.changes, after, before)


def _title(story: StoryDict, story_id: str) -> str:
    return str(story.get("story", {}).get("title") or story_id)
