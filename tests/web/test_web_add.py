"""Adding reports through the web: the form and ``POST /api/stories/{id}/reports``, their limits and
token, what-changed content, payloads inert after adding, and a failed add leaving the story as it was.

The refusals run on the hand-built hostile story; the adds that run the stages (marked ``model``)
run on a copy of the example story's store.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from web_story import EXAMPLE_ID, HOSTILE_ID, ONERROR, SCRIPT, example_db_url, hostile_story, save

from storyline.config import Config
from storyline.errors import StorylineError
from storyline.store.store import open_store
from storyline.web import create_app

TEXT = b"Officials said on Tuesday that the bridge near the river had reopened to traffic.\n"
API = f"/api/stories/{HOSTILE_ID}/reports"
FORM = f"/stories/{HOSTILE_ID}/reports"
NEW_REPORT = (
    "title: Ukrainian officials put the ground regained at 9,000 sq km\n"
    "source: Lakeside Courier\npublished: 2022-09-15\n\n"
    "Ukrainian officials said on Thursday that troops had retaken about 9,000 square kilometres of territory "
    "in the Kharkiv region since the start of September.\n\n"
    "A Russian-installed official denied that the eastern bank of the Oskil river had been lost and said "
    "Russian units still held positions there.\n\n"
    "Residents of Balakliia said on Wednesday that electricity had come back to parts of the town "
    "for the first time since March.\n"
)
PAYLOAD_TITLE = f"{SCRIPT} Ferry resumes"
PAYLOAD_OUTLET = f"Quay Gazette {ONERROR}"
PAYLOAD_TEXT = (
    f"The harbour authority said on Tuesday that the ferry to Izium had resumed {SCRIPT}.\n\n"
    f'A spokesman said the timetable was posted at <a href="javascript:alert(1)">the quay</a> {ONERROR}.'
)


def _client(db_url: str, token: str | None = None, **web: int) -> TestClient:
    return TestClient(create_app(db_url, token=token, config=Config.from_dict({"web": web})))


@pytest.fixture
def hostile_url(tmp_path: Path) -> str:
    return save(f"sqlite:///{tmp_path / 'store.db'}", hostile_story())


@pytest.fixture
def client(hostile_url: str) -> TestClient:
    return _client(hostile_url)


def _error(response: Any, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["ok"] is False and body["error"]["code"] == code and body["error"]["status"] == status
    return str(body["error"]["message"])


# -- the form and the schema ---------------------------------------------------------------------


def test_the_story_page_has_a_multipart_form_to_add_reports(client: TestClient) -> None:
    page = client.get(f"/stories/{HOSTILE_ID}").text
    assert f'<form class="add-form" method="post" action="/stories/{HOSTILE_ID}/reports"' in page
    assert 'enctype="multipart/form-data"' in page
    assert '<input type="file" name="files" multiple' in page
    for field in ("title", "outlet", "url", "published"):
        assert f'name="{field}"' in page
    assert '<textarea name="text"' in page
    assert 'name="token"' not in page


def test_the_form_asks_for_the_token_when_the_server_has_one(hostile_url: str) -> None:
    page = _client(hostile_url, token="s3cret").get(f"/stories/{HOSTILE_ID}").text
    assert '<input type="password" name="token"' in page
    assert "s3cret" not in page


def test_the_openapi_schema_documents_adding_reports(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    post = schema["paths"]["/api/stories/{story_id}/reports"]["post"]
    assert post["tags"] == ["reports"]
    [(media, body)] = post["requestBody"]["content"].items()
    assert media == "multipart/form-data"
    ref = body["schema"]["$ref"].rsplit("/", 1)[1]
    fields = schema["components"]["schemas"][ref]["properties"]
    assert set(fields) == {"files", "text", "title", "outlet", "url", "published", "token"}
    assert "/stories/{story_id}/reports" not in schema["paths"]  # the form's HTML route stays out
    answer = post["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    changes = schema["components"]["schemas"]["ChangesOut"]["properties"]
    assert answer == "AddAnswer"
    assert {"events_new", "events_updated", "contradictions_new", "figure_points_new", "skipped"} <= set(changes)
    for status in ("401", "413", "415"):
        error = post["responses"][status]["content"]["application/json"]["schema"]["$ref"]
        assert error.endswith("/ErrorAnswer")


# -- refusals, in the one error shape ------------------------------------------------------------


def test_a_file_over_the_per_file_limit_is_refused_naming_it(hostile_url: str) -> None:
    client = _client(hostile_url, max_file_bytes=50)
    files = [("files", ("ok.txt", TEXT[:40])), ("files", ("long.txt", TEXT))]
    message = _error(client.post(API, files=files), 413, "E136")
    assert "'long.txt'" in message and f"{len(TEXT)} bytes" in message and "limit of 50" in message


def test_a_request_over_the_limit_is_refused_before_its_body_is_read(hostile_url: str) -> None:
    client = _client(hostile_url, max_request_bytes=1000)
    message = _error(client.post(API, files=[("files", ("big.txt", TEXT * 20))]), 413, "E170")
    assert "web.max_request_bytes" in message
    page = client.post(FORM, files=[("files", ("big.txt", TEXT * 20))])
    assert page.status_code == 413 and "E170" in page.text and page.headers["content-type"].startswith("text/html")


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [("report.pdf", TEXT, "E137"), ("report.txt", b"%PDF-1.4 binary", "E171"), ("r.json", b"title: x", "E171")],
)
def test_a_file_of_the_wrong_type_is_refused(client: TestClient, name: str, data: bytes, code: str) -> None:
    message = _error(client.post(API, files=[("files", (name, data))]), 415, code)
    assert f"'{name}'" in message


def test_more_files_than_the_limit_are_refused(hostile_url: str) -> None:
    files = [("files", (f"r{i}.txt", TEXT)) for i in range(3)]
    _error(_client(hostile_url, max_files=2).post(API, files=files), 413, "E174")


def _as_a_browser_sends_it(text: str) -> tuple[bytes, dict[str, str]]:
    """A form with its file input left empty: a part with ``filename=""``, which httpx cannot send."""
    body = (
        '--b\r\nContent-Disposition: form-data; name="files"; filename=""\r\n'
        "Content-Type: application/octet-stream\r\n\r\n\r\n"
        f'--b\r\nContent-Disposition: form-data; name="text"\r\n\r\n{text}\r\n--b--\r\n'
    )
    return body.encode(), {"Content-Type": "multipart/form-data; boundary=b"}


def test_an_add_with_nothing_to_add_is_refused(client: TestClient) -> None:
    body, headers = _as_a_browser_sends_it("   ")
    _error(client.post(API, content=body, headers=headers), 400, "E175")


def test_a_pasted_report_with_a_javascript_address_is_refused(client: TestClient) -> None:
    _error(client.post(API, data={"text": "Words.", "url": "javascript:alert(1)"}), 422, "E178")


def test_pasted_text_over_the_parsers_field_limit_is_refused_with_the_fix(client: TestClient) -> None:
    for files in (None, [("files", ("a.txt", TEXT))]):  # urlencoded, then multipart
        message = _error(client.post(API, data={"text": "word " * 250_000}, files=files), 400, "E178")
        assert "Upload long text as a .txt file instead" in message


def test_adding_to_a_story_that_does_not_exist_is_not_found(client: TestClient) -> None:
    _error(client.post("/api/stories/nope/reports", data={"text": "Words."}), 404, "E130")


def test_a_write_without_the_token_is_refused_when_the_server_has_one(hostile_url: str) -> None:
    client = _client(hostile_url, token="s3cret")
    _error(client.post(API, data={"text": "Words."}), 401, "E135")
    _error(client.post(API, data={"text": "Words."}, headers={"Authorization": "Bearer nope"}), 401, "E135")
    page = client.post(FORM, data={"text": "Words.", "token": "nope"})
    assert page.status_code == 401 and "E177" in page.text and "Token field" in page.text
    before = client.get(f"/api/stories/{HOSTILE_ID}").json()
    assert before == hostile_story()  # nothing was written


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://elsewhere.example"},
        {"Origin": "null"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site", "Origin": "http://testserver"},
    ],
)
def test_a_form_posted_from_another_site_is_refused(client: TestClient, headers: dict[str, str]) -> None:
    page = client.post(FORM, data={"text": "Words."}, headers=headers)
    assert page.status_code == 403 and "E173" in page.text
    assert page.headers["content-security-policy"].startswith("default-src 'none'")


@pytest.mark.parametrize(
    "headers",
    [{}, {"Origin": "http://testserver"}, {"Sec-Fetch-Site": "same-origin", "Origin": "null"}],
)
def test_a_form_from_this_server_or_a_script_passes_the_origin_check(
    client: TestClient, headers: dict[str, str]
) -> None:
    # Chromium sends Origin "null" with Sec-Fetch-Site same-origin under the no-referrer policy
    page = client.post(FORM, data={"text": "Words."}, headers=headers)
    assert page.status_code == 409 and "E176" in page.text  # past the guard; the hand-built story cannot grow


def test_a_chunked_body_is_refused(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b"text=Words."

    response = client.post(API, content=chunks(), headers={"Content-Type": "application/x-www-form-urlencoded"})
    _error(response, 411, "E172")


def test_a_failed_add_leaves_the_story_as_it_was(client: TestClient, hostile_url: str) -> None:
    # the hand-built story has no processed documents to rebuild from: live refuses it (E142)
    message = _error(client.post(API, data={"text": "The ferry ran again on Monday."}), 409, "E176")
    assert "left as it was" in message and "E142" in message
    with open_store(hostile_url) as store:
        assert store.load(HOSTILE_ID) == hostile_story()


# -- adds that run the stages, on a copy of the example story ------------------------------------


class _Tags(HTMLParser):
    """Every start tag and its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def assert_inert(html: str) -> None:
    parser = _Tags()
    parser.feed(html)
    assert not [t for t, _ in parser.tags if t in ("script", "img", "iframe", "object", "embed")]  # charts are svg
    assert not [(t, a) for t, attrs in parser.tags for a in attrs if a.lower().startswith("on")]
    hrefs = [str(attrs.get("href") or "") for _, attrs in parser.tags]
    assert not [h for h in hrefs if h.strip().lower().startswith("javascript:")]


@pytest.fixture(scope="module")
def example_copy(tmp_path_factory: pytest.TempPathFactory) -> str:
    source = Path(example_db_url().removeprefix("sqlite:///"))
    copy = tmp_path_factory.mktemp("add") / "storyline.db"
    shutil.copyfile(source, copy)
    return f"sqlite:///{copy}"


@pytest.fixture(scope="module")
def added(example_copy: str) -> tuple[TestClient, dict[str, Any], dict[str, Any]]:
    """(client, the story before, the API's answer to adding one file and one pasted report)."""
    client = _client(example_copy)
    before = client.get(f"/api/stories/{EXAMPLE_ID}").json()
    response = client.post(
        f"/api/stories/{EXAMPLE_ID}/reports",
        files=[("files", ("lakeside.txt", NEW_REPORT.encode())), ("files", ("empty.txt", b"  \n"))],
        data={"text": PAYLOAD_TEXT, "title": PAYLOAD_TITLE, "outlet": PAYLOAD_OUTLET, "published": "2022-09-13"},
    )
    assert response.status_code == 200, response.text
    return client, before, response.json()


@pytest.mark.model
def test_adding_reports_says_what_changed(added: tuple[TestClient, dict[str, Any], dict[str, Any]]) -> None:
    client, before, answer = added
    changes = answer["changes"]
    assert answer["ok"] is True and answer["story"] == EXAMPLE_ID
    titles = [r["title"] for r in changes["reports_added"]]
    assert titles == ["Ukrainian officials put the ground regained at 9,000 sq km", PAYLOAD_TITLE]
    assert changes["reports_processed"] == 2
    assert changes["reports_known"] == 0
    assert changes["events_new"] or changes["events_updated"]
    [point] = [p for p in changes["figure_points_new"] if p["value"] == 9000]
    assert (point["measure"], point["unit"], point["report"]) == ("area retaken", "km2", titles[0])
    assert point["url"].startswith(f"/stories/{EXAMPLE_ID}/documents/")
    [moved] = [f for f in changes["figures_changed"] if f["measure"] == "area retaken"]
    assert (moved["before"]["value"], moved["after"]["value"]) == (8000, 9000)
    assert moved["after"]["source"] == "Lakeside Courier"
    [skip] = changes["skipped"]
    assert skip["path"] == "empty.txt" and skip["reason"].startswith("E002")
    assert changes["summary"][0] == f"story '{EXAMPLE_ID}': 2 new report(s), 0 already in the story, 1 skipped"
    after = client.get(f"/api/stories/{EXAMPLE_ID}").json()
    assert len(after["documents"]) == len(before["documents"]) + 2
    new_events = {e["id"] for e in changes["events_new"]}
    assert new_events <= {e["id"] for e in after["events"]}


@pytest.mark.model
def test_adding_the_same_report_again_adds_nothing(added: tuple[TestClient, dict[str, Any], dict[str, Any]]) -> None:
    client, _, _ = added
    again = client.post(f"/api/stories/{EXAMPLE_ID}/reports", files=[("files", ("copy.txt", NEW_REPORT.encode()))])
    changes = again.json()["changes"]
    assert (changes["reports_added"], changes["reports_known"], changes["reports_processed"]) == ([], 1, 0)
    assert changes["events_new"] == [] and changes["figure_points_new"] == []


@pytest.mark.model
def test_payloads_in_a_pasted_report_render_inert_after_adding(
    added: tuple[TestClient, dict[str, Any], dict[str, Any]],
) -> None:
    client, _, answer = added
    [hostile] = [r for r in answer["changes"]["reports_added"] if r["title"] == PAYLOAD_TITLE]
    for path in ("/", f"/stories/{EXAMPLE_ID}", hostile["url"]):
        page = client.get(path).text
        assert_inert(page)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Ferry resumes" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


@pytest.mark.model
def test_the_form_adds_a_report_and_the_page_says_what_changed(
    added: tuple[TestClient, dict[str, Any], dict[str, Any]],
) -> None:
    client, _, _ = added
    text = "The regional governor said on Friday that a field hospital had opened in Kupiansk."
    page = client.post(
        f"/stories/{EXAMPLE_ID}/reports",
        data={"text": text, "title": f"Field hospital opens {SCRIPT}", "outlet": "Quay Gazette"},
        headers={"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"},
    )
    assert page.status_code == 200, page.text
    assert_inert(page.text)
    assert "<h2>New reports</h2>" in page.text
    assert "Field hospital opens &lt;script&gt;" in page.text
    assert f'<a href="/stories/{EXAMPLE_ID}">Back to the story</a>' in page.text
    assert "1 new report(s), 0 already in the story, 0 skipped" in page.text


@pytest.mark.model
def test_a_failed_rebuild_leaves_the_stored_story_as_it_was_and_a_retry_reuses_the_processed_report(
    added: tuple[TestClient, dict[str, Any], dict[str, Any]], example_copy: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    client, _, _ = added
    with open_store(example_copy) as store:
        before = store.load(EXAMPLE_ID)

    def broken(*_args: Any) -> Any:
        raise StorylineError("E999: a corpus stage broke")

    monkeypatch.setattr("storyline.live.run_story", broken)
    text = "Engineers said on Friday that a pontoon bridge across the Oskil river had been finished."
    response = client.post(f"/api/stories/{EXAMPLE_ID}/reports", data={"text": text})
    message = _error(response, 500, "E176")
    assert "E999: a corpus stage broke" in message
    with open_store(example_copy) as store:
        assert store.load(EXAMPLE_ID) == before
    monkeypatch.undo()
    retry = client.post(f"/api/stories/{EXAMPLE_ID}/reports", data={"text": text})
    changes = retry.json()["changes"]
    # the processed document was kept by content id, so the retry skips the per-document stages
    assert (len(changes["reports_added"]), changes["reports_processed"]) == (1, 0)
