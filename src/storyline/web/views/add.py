"""Adding reports to a story: the story page's form (``POST /stories/{id}/reports``) and the JSON API
(``POST /api/stories/{id}/reports``), both multipart/form-data with files and/or pasted text.

Stages of ``add_to_story`` (the comments carry the same numbers):
  1. the story exists (E130) and the write carries the token when the server has one (E135, E177);
  2. the uploads and the pasted text pass their limits (E174, E136, E137, E171, E178, E175);
  3. ``live.add_inputs`` runs the new reports through the stages, then the story is saved in one
     transaction, under a lock so that two adds cannot overwrite each other. Nothing is saved when
     a stage or the save fails (E176): the story stays as it was.
  4. what changed, with the summaries, dates and links a reader needs.
The request's size and origin were checked before its body was read (``security.WriteGuard``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse

from storyline.errors import StorylineError
from storyline.live import Changes, LiveError, add_inputs
from storyline.output.export import story_to_dict
from storyline.output.markdown import Record, StoryDict, doc_label, documents_by_id
from storyline.store.store import Store
from storyline.web.errors import WebError, WebErrors
from storyline.web.security import check_write_token
from storyline.web.templating import document_url, render, story_url
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
    return render("added.html", story_id=story_id, title=_title(story, story_id), c=changes)


@router.post("/api/stories/{story_id}/reports", tags=["reports"], status_code=200)
def add_api(story_id: str, request: Request, form: AddDep, store: StoreDep) -> dict[str, Any]:
    """Add reports (files and/or pasted text with its metadata) to the story, and say what changed.

    Only the new reports go through the per-document stages; the story is then rebuilt on all its
    reports and saved. Inputs that cannot be read are listed under ``skipped`` with the reason.
    When the server has a token, send ``Authorization: Bearer <token>``.
    """
    story, changes = add_to_story(request, store, story_id, form, WebErrors.E135)
    return {"ok": True, "story": story_id, "title": _title(story, story_id), "changes": changes}


def add_to_story(
    request: Request, store: Store, story_id: str, form: AddRequest, token_error: str
) -> tuple[StoryDict, dict[str, Any]]:
    """Add the request's reports to the stored story; the saved story and what changed (``changes_view``)."""
    # 1. the story, the token
    load_story(store, story_id)
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
            result = add_inputs(store, story_id, read_request(form.uploads, form.pasted), config)
            after = story_to_dict(result.story)
            store.save(after, records=result.story.documents)
        except LiveError as e:
            raise WebError(409, WebErrors.E176.format(story=story_id, detail=e)) from e
        except StorylineError as e:
            raise WebError(500, WebErrors.E176.format(story=story_id, detail=e)) from e
    # 4. what changed
    return after, changes_view(result.changes, after)


def changes_view(changes: Changes, story: StoryDict) -> dict[str, Any]:
    """What changed, as JSON-ready lists with each item's title or summary, date and page address."""
    docs = documents_by_id(story)
    events = {e["id"]: e for e in story.get("events", [])}
    sid = story["story"]["id"]
    points = {  # the stored points, for their qualifier and range
        (f["measure"], f["unit"], p["document"], p["text"], p["value"]): p
        for f in story.get("figures", [])
        for p in f.get("points", [])
    }
    return {
        "summary": changes.lines(),
        "reports_added": [_report(sid, docs.get(d), d) for d in changes.documents_added],
        "reports_known": changes.documents_known,
        "reports_processed": changes.documents_processed,
        "events_new": [_event(events[e]) for e in changes.events_new if e in events],
        "events_updated": [
            {**_event(events[u.id]), "previous": list(u.previous)} for u in changes.events_updated if u.id in events
        ],
        "events_removed": list(changes.events_removed),
        "contradictions_new": [
            {"kind": c.kind, "note": c.note, "reports": [_report(sid, docs.get(d), d) for d in c.documents]}
            for c in changes.contradictions_new
        ],
        "figure_points_new": [
            {
                **points.get((p.measure, p.unit, p.document, p.text, p.value), {}),
                **asdict(p),
                "url": document_url(sid, p.document),
                "report": doc_label(docs.get(p.document)),
            }
            for p in changes.figure_points_new
        ],
        "skipped": [{"path": s.path, "reason": s.reason} for s in changes.skipped],
        "url": story_url(sid),
    }


def _report(story_id: str, doc: Record | None, document_id: str) -> dict[str, Any]:
    doc = doc or {"id": document_id}
    return {
        "id": document_id,
        "title": doc_label(doc),
        "outlet": doc.get("source"),
        "published": doc.get("published"),
        "url": document_url(story_id, document_id),
    }


def _event(event: Record) -> dict[str, Any]:
    return {key: event.get(key) for key in ("id", "date", "summary", "contested")}


def _title(story: StoryDict, story_id: str) -> str:
    return str(story.get("story", {}).get("title") or story_id)
