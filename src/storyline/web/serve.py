"""The body of ``storyline serve``: check the store and the binding, then run the app with uvicorn;
and ``running``, the app on a thread, for browser tests and screenshots.

Binding to anything but a loopback address without a token is refused (E139): anyone who can reach
the server could write to the store.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn
from fastapi import FastAPI

from storyline.config import Config
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


def serve(
    db: str, host: str = "127.0.0.1", port: int = 8000, token: str | None = None, config: Config | None = None
) -> None:
    """Serve the stories of the store at ``db`` on http://host:port/ until interrupted; ``config``
    gives the settings of adding reports (``config.web``: upload limits).

    Raises ``ServeError`` (E139) for an unsafe binding and ``StoreError`` (E050) for a store that
    cannot be opened (a missing SQLite file included: build a story first).
    """
    check_binding(host, token)
    open_store(db, create=False).close()
    app = create_app(db, token=token or None, config=config)
    uvicorn.run(app, host=host, port=port, server_header=False, log_level="info")


@contextmanager
def running(app: FastAPI, host: str = "127.0.0.1", timeout: float = 20.0) -> Iterator[str]:
    """Serve ``app`` on a free port of ``host`` from a thread; yield its base URL, stop on exit."""
    with socket.socket() as s:
        s.bind((host, 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            server.should_exit = True
            raise ServeError(WebErrors.E179.format(host=host, port=port, timeout=timeout))
        time.sleep(0.05)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
