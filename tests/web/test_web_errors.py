"""The one JSON error shape of the API (404, 405, 422, 500) and the plain HTML error page."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_story import hostile_story, save

from storyline.web import create_app
from storyline.web.errors import WebErrors, error_body


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    app = create_app(save(f"sqlite:///{tmp_path / 'store.db'}", hostile_story()))

    def crash() -> None:
        raise RuntimeError("boom")

    app.add_api_route("/api/crash", crash)
    app.add_api_route("/crash", crash)
    return TestClient(app, raise_server_exceptions=False)


def _shape(body: dict[str, object], status: int, code: str) -> None:
    assert set(body) == {"ok", "error"}
    assert body["ok"] is False
    error = body["error"]
    assert isinstance(error, dict)
    assert set(error) == {"status", "code", "message"}
    assert error["status"] == status
    assert error["code"] == code
    assert str(error["message"]).startswith(f"{code}: ")


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("/api/stories/no-such-story", 404, "E130"),
        ("/api/stories/hostile/documents/no-such-document", 404, "E130"),
        ("/api/no-such-endpoint", 404, "E130"),
        ("/api/stories/hostile/events?start=2022-13-45", 422, "E131"),
        ("/api/stories/hostile/events?contested=maybe", 422, "E131"),
        ("/api/stories/hostile/events?status=rumoured", 422, "E131"),
        ("/api/crash", 500, "E134"),
    ],
)
def test_api_errors_share_one_shape(client: TestClient, path: str, status: int, code: str) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    _shape(response.json(), status, code)


def test_wrong_method_is_405_in_the_same_shape(client: TestClient) -> None:
    response = client.delete("/api/stories")
    assert response.status_code == 405
    _shape(response.json(), 405, "E133")


def test_a_request_validation_error_is_422_in_the_same_shape(client: TestClient) -> None:
    app = client.app

    def typed(n: int) -> dict[str, int]:
        return {"n": n}

    app.add_api_route("/api/typed", typed)  # type: ignore[attr-defined]
    response = client.get("/api/typed?n=many")
    assert response.status_code == 422
    _shape(response.json(), 422, "E132")


def test_the_500_answer_does_not_leak_the_exception_message(client: TestClient) -> None:
    response = client.get("/api/crash")
    assert "boom" not in response.text
    assert "RuntimeError" in response.json()["error"]["message"]


@pytest.mark.parametrize(("path", "status"), [("/stories/nope", 404), ("/nope", 404), ("/crash", 500)])
def test_page_errors_are_a_plain_html_page(client: TestClient, path: str, status: int) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert f"<h1>Error {status}</h1>" in response.text
    assert "<script" not in response.text


def test_a_bad_filter_on_the_page_is_a_422_page_naming_the_field(client: TestClient) -> None:
    response = client.get("/stories/hostile?start=yesterday")
    assert response.status_code == 422
    assert "E131: the filter start=&#x27;yesterday&#x27;" in response.text


def test_error_body_takes_the_code_from_the_message() -> None:
    message = WebErrors.E130.format(what="The story 'x'")
    assert error_body(404, message) == {"ok": False, "error": {"status": 404, "code": "E130", "message": message}}
