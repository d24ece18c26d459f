"""The web app's errors: codes E130-E139 and E170-E179, and the one error shape of every response.

The JSON API answers every error with ``{"ok": false, "error": {"status", "code", "message"}}``;
the HTML pages answer with a plain page that says the same.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field

from storyline.errors import StorylineError
from storyline.output.html import esc


class WebErrors:
    E130 = "E130: {what} was not found. Check the address; the stories list is at /."
    E131 = (
        "E131: the filter {name}={value!r} is not valid ({detail}). "
        "Give dates as YYYY-MM-DD and contested as 'yes' or 'no', or leave the field empty."
    )
    E132 = "E132: the request is not valid: {detail}. Check the parameters against /api/openapi.json."
    E133 = "E133: {method} is not allowed on {path}. Check the method against /api/openapi.json."
    E134 = "E134: the server failed on {path} ({detail}). This is a bug in storyline; the log has the traceback."
    E135 = (
        "E135: this server needs a token for writes. "
        "Send it as 'Authorization: Bearer <token>', the one given to 'storyline serve --token'."
    )
    E136 = "E136: the upload '{name}' is {size} bytes, more than the limit of {limit}. Split it or trim it."
    E137 = "E137: the upload '{name}' has the type '{ext}'. Give .txt, .md, .html, .htm, .json or .jsonl."
    E138 = "E138: {status} {detail}. Check the address and the method."
    E139 = (
        "E139: refusing to serve on {host} without a token: anyone who can reach it could write to the store. "
        "Give --token, or bind to 127.0.0.1."
    )
    # Adding reports (views/add.py, uploads.py, the write guard in security.py)
    E170 = (
        "E170: this add request is {size} bytes, more than the limit of {limit} (web.max_request_bytes). "
        "Send fewer or smaller files per request, or raise the limit in the --config of 'storyline serve'."
    )
    E171 = (
        "E171: the upload '{name}' is named {ext} but {problem}. "
        "Give it the extension of what it holds (.txt, .md, .html, .json, .jsonl), or paste its text instead."
    )
    E172 = "E172: the add request has no Content-Length. Send the files as one multipart/form-data body, not chunked."
    E173 = (
        "E173: refusing a {method} from another site ({origin}, this server is {own}). "
        "Add reports from the story page of this server, or from a script (which sends no Origin)."
    )
    E174 = (
        "E174: this add request has {count} files, more than the limit of {limit} (web.max_files). "
        "Send them in several requests, or raise the limit in the --config of 'storyline serve'."
    )
    E175 = "E175: the add request has no file and no text. Choose files to upload, or paste a report's text."
    E176 = "E176: the reports could not be added to story '{story}', which was left as it was: {detail}"
    E177 = (
        "E177: this server needs a token for writes. Type the one given to 'storyline serve --token' "
        "in the form's Token field (or send it as 'Authorization: Bearer <token>')."
    )
    E178 = "E178: the {field} {value!r} is not valid: {detail}. {fix}"
    E179 = "E179: the app did not start on {host}:{port} within {timeout:g} s. The log above says why."


class WebError(StorylineError):
    """An error answered to the client with an HTTP status and a numbered message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message

    @property
    def code(self) -> str:
        return self.message.split(":", 1)[0]


class ErrorDetail(BaseModel):
    status: int
    code: str = Field(description="The catalogue code, e.g. E130.")
    message: str = Field(description="What was wrong, naming the input, and the fix.")


class ErrorAnswer(BaseModel):
    """The one error shape, for the OpenAPI schema."""

    ok: bool = False
    error: ErrorDetail


def error_responses(statuses: list[int]) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for these error statuses, all in the one error shape."""
    return {status: {"model": ErrorAnswer, "description": "An error, in the one error shape."} for status in statuses}


def error_body(status: int, message: str) -> dict[str, Any]:
    """The one JSON error shape, e.g. ``{"ok": false, "error": {"status": 404, "code": "E130", ...}}``."""
    return {"ok": False, "error": {"status": status, "code": message.split(":", 1)[0], "message": message}}


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def error_response(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """The error as JSON under /api/, else as a plain HTML page."""
    if wants_json(request):
        return JSONResponse(error_body(status, message), status_code=status, headers=headers)
    return HTMLResponse(error_page(status, message), status_code=status, headers=headers)


def error_page(status: int, message: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Error {status}</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/static/report.css"><link rel="stylesheet" href="/static/app.css"></head>
<body class="error-page">
<p class="kicker"><a href="/">storyline</a></p>
<h1>Error {status}</h1>
<p class="error-message"><code>{esc(message)}</code></p>
<p><a href="/">All stories</a></p>
</body>
</html>
"""
