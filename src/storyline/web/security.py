"""Security headers on every response, the last-resort 500 answer, and the write token.

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
    message = WebErrors.E134.format(path=path, detail=type(error).__name__)
    if path.startswith("/api/"):
        body = json.dumps(error_body(500, message)).encode()
        content_type = b"application/json"
    else:
        body = error_page(500, message).encode()
        content_type = b"text/html; charset=utf-8"
    headers = [(b"content-type", content_type), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 500, "headers": headers})
    await send({"type": "http.response.body", "body": body})


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
