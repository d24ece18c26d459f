"""The local news site of the follow tests (``feedsite.py``), one per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from feedsite import Site, start


@pytest.fixture
def site() -> Iterator[Site]:
    """A running local site; add routes to ``site.routes`` before fetching."""
    found = Site()
    server = start(found)
    try:
        yield found
    finally:
        server.shutdown()
        server.server_close()
