"""The body of ``storyline serve``: check the store and the binding, then run the app with uvicorn.

Binding to anything but a loopback address without a token is refused (E139): anyone who can reach
the server could write to the store.
"""

from __future__ import annotations

import uvicorn

from storyline.errors import StorylineError
from storyline.store.store import open_store
from storyline.web.app import create_app
from storyline.web.errors import WebErrors
from storyline.web.security import is_loopback


class ServeError(StorylineError):
    """The server cannot start as asked."""


def check_binding(host: str, token: str | None) -> None:
    """Raise ``ServeError`` (E139) for a non-loopback host without a token."""
    if not token and not is_loopback(host):
        raise ServeError(WebErrors.E139.format(host=host))


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> None:
    """Serve the stories of the store at ``db`` on http://host:port/ until interrupted.

    Raises ``ServeError`` (E139) for an unsafe binding and ``StoreError`` (E050) for a store that
    cannot be opened (a missing SQLite file included: build a story first).
    """
    check_binding(host, token)
    open_store(db, create=False).close()
    app = create_app(db, token=token or None)
    uvicorn.run(app, host=host, port=port, server_header=False, log_level="info")
