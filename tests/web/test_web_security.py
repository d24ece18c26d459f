"""Security: the policy headers on every response, and hostile story text rendered inert."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_story import HOSTILE_ID, ONERROR, SCRIPT, hostile_story, save

from storyline.web import create_app
from storyline.web.security import CSP

DOC = hostile_story()["documents"][0]["id"]
PAGES = ["/", f"/stories/{HOSTILE_ID}", f"/stories/{HOSTILE_ID}/documents/{DOC}"]


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    return TestClient(create_app(save(f"sqlite:///{tmp_path / 'store.db'}", hostile_story())))


@pytest.mark.parametrize(
    "path",
    [
        *PAGES,
        "/api/stories",
        f"/api/stories/{HOSTILE_ID}",
        f"/api/stories/{HOSTILE_ID}/events",
        f"/stories/{HOSTILE_ID}/story.json",
        f"/stories/{HOSTILE_ID}/report.md",
        "/static/app.css",
        "/static/report.css",
        "/api/openapi.json",
        "/no-such-page",
        "/api/stories/no-such-story",
    ],
)
def test_every_response_carries_the_policy_and_nosniff(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.headers["content-security-policy"] == CSP
    assert response.headers["x-content-type-options"] == "nosniff"


def test_the_policy_forbids_script_and_other_origins() -> None:
    directives = dict(d.strip().split(" ", 1) for d in CSP.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["style-src"] == "'self'"
    assert "script-src" not in directives  # so default-src 'none' applies
    assert "unsafe-inline" not in CSP and "http" not in CSP


def test_the_exported_report_keeps_its_own_policy_still_without_script(client: TestClient) -> None:
    response = client.get(f"/stories/{HOSTILE_ID}/report.html")
    policy = response.headers["content-security-policy"]
    assert policy.startswith("default-src 'none'")
    assert "script" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("path", [*PAGES, f"/stories/{HOSTILE_ID}/report.html"])
def test_hostile_titles_outlets_and_text_come_out_escaped(client: TestClient, path: str) -> None:
    page = client.get(path).text
    assert "<script" not in page.lower()
    assert "<img" not in page.lower() and "<svg onload" not in page.lower() and "<iframe" not in page.lower()
    assert 'href="javascript:' not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_the_title_of_a_hostile_report_shows_as_text_on_the_story_list(client: TestClient) -> None:
    page = client.get("/").text
    assert '<a href="/stories/hostile">&lt;script&gt;alert(1)&lt;/script&gt;</a>' in page


def test_pages_load_nothing_from_another_origin(client: TestClient) -> None:
    for path in PAGES:
        page = client.get(path).text
        assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", page), path
        assert "@import" not in page and "<script" not in page
    for name in ("app.css", "report.css"):
        css = client.get(f"/static/{name}").text
        assert "url(" not in css and "@import" not in css and "@font-face" not in css


def test_an_unknown_stylesheet_is_not_served(client: TestClient) -> None:
    assert client.get("/static/..%2Fapp.py").status_code == 404
    assert client.get("/static/secret.css").status_code == 404


def test_hostile_payloads_reach_the_api_unchanged(client: TestClient) -> None:
    story = client.get(f"/api/stories/{HOSTILE_ID}").json()
    assert story["story"]["title"] == SCRIPT
    assert story["documents"][0]["source"] == ONERROR
