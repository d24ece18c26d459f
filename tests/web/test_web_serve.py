"""``serve``: it refuses an open binding without a token, and a store that does not exist."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import Request
from fastapi.testclient import TestClient
from web_story import hostile_story, save

from storyline.store.store import StoreError
from storyline.web import create_app
from storyline.web.security import check_token, is_loopback
from storyline.web.serve import ServeError, check_binding, serve


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::", "example.org"])
def test_binding_beyond_loopback_without_a_token_is_refused(host: str) -> None:
    with pytest.raises(ServeError, match=r"^E139: refusing to serve on .* without a token"):
        check_binding(host, None)
    with pytest.raises(ServeError):
        serve("sqlite:///unused.db", host=host, port=8000, token="")


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_loopback_needs_no_token(host: str) -> None:
    assert is_loopback(host)
    check_binding(host, None)


def test_any_host_is_allowed_with_a_token() -> None:
    check_binding("0.0.0.0", "s3cret")


def test_serving_a_store_that_does_not_exist_is_an_error(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    with pytest.raises(StoreError, match="E050"):
        serve(f"sqlite:///{missing}", host="127.0.0.1", port=8000, token=None)
    assert not missing.exists()


def test_a_write_needs_the_bearer_token_when_the_app_has_one(tmp_path: Path) -> None:
    app = create_app(save(f"sqlite:///{tmp_path / 'store.db'}", hostile_story()), token="s3cret")

    def write(request: Request) -> dict[str, bool]:
        check_token(request, app.state.token)
        return {"written": True}

    app.add_api_route("/api/write", write, methods=["POST"])
    client = TestClient(app)
    refused = client.post("/api/write")
    assert refused.status_code == 401
    assert refused.json()["error"]["code"] == "E135"
    assert client.post("/api/write", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.post("/api/write", headers={"Authorization": "Bearer s3cret"}).json() == {"written": True}
