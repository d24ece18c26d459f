"""Security headers on every response, the last-resort 500 answer, the guard on writes (same origin,
bounded size) and the write token.

Article text and metadata are untrusted: pages escape everything, and the Content-Security-Policy
forbids any script and any request to another origin, so a payload that slipped through stays inert.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import logging

from fastapi import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from storyline.web.errors import WebError, WebErrors, error_body, error_page

log = logging.getLogger(__name__)

CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}


class SecurityHeaders:
    """ASGI middleware: adds ``HEADERS`` (a route may set its own CSP) and turns a crash into a 500.

    It sits outside FastAPI's exception handling, so the 500 answer carries the headers and the one
    error shape too.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k.encode(), v.encode()) for k, v in HEADERS.items() if k.encode() not in present]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception as e:
            log.exception("unhandled error on %s", scope.get("path"))
            if started:
                raise
            await _send_500(scope, send_with_headers, e)


async def _send_500(scope: Scope, send: Send, error: Exception) -> None:
    path = str(scope.get("path", ""))
    await _send_error(scope, send, 500, WebErrors.E134.format(path=path, detail=type(error).__name__))


async def _send_error(scope: Scope, send: Send, status: int, message: str) -> None:
    """The one error shape, sent from ASGI middleware: JSON under /api/, else the HTML error page."""
    if str(scope.get("path", "")).startswith("/api/"):
        body = json.dumps(error_body(status, message)).encode()
        content_type = b"application/json"
    else:
        body = error_page(status, message).encode()
        content_type = b"text/html; charset=utf-8"
    headers = [(b"content-type", content_type), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class WriteGuard:
    """ASGI middleware for writes (any method but GET, HEAD, OPTIONS), checked before the body is read.

    A browser's cross-site request is refused (E173): its ``Sec-Fetch-Site`` must be same-origin, or,
    from a browser that does not send it, its ``Origin`` this server; a forged form on another site
    is harmless. Scripts (no Origin, no Sec-Fetch-Site) pass, and need the token when there is one. The body
    must declare its length (not chunked), at most ``max_bytes`` (E172, E170), so no upload is read past
    the limit.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        problem = write_problem(scope, self.max_bytes)
        if problem is not None:
            await _send_error(scope, send, *problem)
            return
        await self.app(scope, receive, send)


def write_problem(scope: Scope, max_bytes: int) -> tuple[int, str] | None:
    """The status and message that refuse this write, or None when it may go on."""
    headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
    own = f"{scope.get('scheme', 'http')}://{headers.get('host', '')}"
    origin, site = headers.get("origin"), headers.get("sec-fetch-site")
    # A browser that sends Sec-Fetch-Site says where the request comes from; under our no-referrer
    # policy its Origin is "null" even on this server's own pages. Older browsers send Origin only.
    cross = site not in ("same-origin", "none") if site is not None else origin is not None and origin != own
    if cross:
        return 403, WebErrors.E173.format(method=scope["method"], origin=origin or f"a {site} page", own=own)
    length = headers.get("content-length", "0" if "transfer-encoding" not in headers else "")
    if not length.isdigit():  # a chunked body, whose size is only known once read
        return 411, WebErrors.E172
    if int(length) > max_bytes:
        return 413, WebErrors.E170.format(size=int(length), limit=max_bytes)
    return None


def is_loopback(host: str) -> bool:
    """True for 127.0.0.1, ::1, localhost and the rest of 127.0.0.0/8."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_token(request: Request, token: str | None) -> None:
    """Raise 401 (E135) unless the app has no token or the request carries it as a bearer token."""
    if token is None:
        return
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), token.encode()):
        raise WebError(401, WebErrors.E135)


def check_write_token(request: Request, token: str | None, form_token: str, message: str) -> None:
    """Raise 401 unless the app has no token, or the request carries it: as a bearer token (E135 when
    wrong) or, from the story page's form, in its Token field (``message`` when missing or wrong)."""
    if token is None:
        return
    if request.headers.get("authorization"):
        check_token(request, token)
        return
    if not (form_token and hmac.compare_digest(form_token.encode(), token.encode())):
        raise WebError(401, message)
