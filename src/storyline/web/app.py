"""The app factory: ``create_app(db_url, token)`` builds the FastAPI app over a story store.

Pages and the JSON API come from the routers in ``storyline.web.views``; every error, whatever
raised it, is answered in the one shape of ``storyline.web.errors``, and every response carries the
security headers of ``storyline.web.security``.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyline import __version__
from storyline.config import Config
from storyline.store.store import open_store
from storyline.web.errors import WebError, WebErrors, error_response
from storyline.web.security import SecurityHeaders, WriteGuard
from storyline.web.views import add, documents, exports, stories, story

# The stylesheets the pages link to: report.css is the offline report's, app.css adds the app's parts.
STYLESHEETS = {
    "report.css": ("storyline.output", "templates/report.css"),
    "app.css": ("storyline.web", "static/app.css"),
}


def create_app(db_url: str, token: str | None = None, config: Config | None = None) -> FastAPI:
    """The app over the store at ``db_url``. With a token, writes need it (``Authorization: Bearer <token>``,
    or the add form's Token field). ``config`` gives the stage settings of adding reports and the
    upload limits (``config.web``)."""
    config = config or Config()
    store = open_store(db_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="storyline",
        version=__version__,
        description="Sourced, dated, cross-checked timelines of developing stories.",
        docs_url=None,  # the interactive docs load script from a CDN, which the policy forbids
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.token = token
    app.state.config = config
    app.state.add_lock = threading.Lock()  # one add at a time: each reads the story, then saves it
    for router in (stories.router, story.router, documents.router, exports.router, add.router):
        app.include_router(router)
    app.add_api_route("/static/{name}", stylesheet, methods=["GET"], include_in_schema=False)
    _add_error_handlers(app)
    app.add_middleware(WriteGuard, max_bytes=config.web.max_request_bytes)
    app.add_middleware(SecurityHeaders)  # added last, so outermost: the guard's answers carry the headers
    return app


def stylesheet(name: str) -> Response:
    if name not in STYLESHEETS:
        raise WebError(404, WebErrors.E130.format(what=f"The file '/static/{name}'"))
    package, path = STYLESHEETS[name]
    css = files(package).joinpath(path).read_text(encoding="utf-8")
    return Response(css, media_type="text/css; charset=utf-8", headers={"Cache-Control": "max-age=300"})


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(WebError)
    async def web_error(request: Request, exc: WebError) -> Response:
        return error_response(request, exc.status, exc.message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        detail = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        return error_response(request, 422, WebErrors.E132.format(detail=detail))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            message = WebErrors.E130.format(what=f"The page '{request.url.path}'")
        elif exc.status_code == 405:
            message = WebErrors.E133.format(method=request.method, path=request.url.path)
        elif exc.status_code == 400 and "exceeded maximum size" in str(exc.detail):
            # the form parser's own limit on one field (1 MB): in an add request, the pasted text
            message = WebErrors.E178.format(
                field="form field",
                value="text",
                detail="one field holds more than 1 MB",
                fix="Upload long text as a .txt file instead.",
            )
        else:
            message = WebErrors.E138.format(status=exc.status_code, detail=exc.detail)
        return error_response(request, exc.status_code, message, headers=getattr(exc, "headers", None))
