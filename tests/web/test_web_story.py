"""The pages and API over the example story: filters, links to source sentences, charts, exports."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from web_story import EXAMPLE_ID, example_db_url

from storyline.web import create_app
from storyline.web.filters import date_range

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(example_db_url()))


@pytest.fixture(scope="module")
def story(client: TestClient) -> dict:
    return client.get(f"/api/stories/{EXAMPLE_ID}").json()


def test_the_stories_list_gives_reports_outlets_and_date_span(client: TestClient) -> None:
    stories = client.get("/api/stories").json()["stories"]
    entry = next(s for s in stories if s["id"] == EXAMPLE_ID)
    assert (entry["documents"], entry["outlets"]) == (11, 7)
    assert (entry["first_published"], entry["last_published"]) == ("2022-09-09", "2022-09-20")
    page = client.get("/").text
    assert f'href="/stories/{EXAMPLE_ID}"' in page and "2022-09-09" in page


def test_the_story_page_has_every_section_and_a_chart(client: TestClient, story: dict) -> None:
    page = client.get(f"/stories/{EXAMPLE_ID}").text
    for section in ("what-we-know", "timeline", "figures", "contradictions", "copies", "sources", "exports"):
        assert f'<section id="{section}">' in page
    assert page.index('id="what-we-know"') < page.index('id="timeline"')
    assert '<svg class="chart"' in page
    assert f"Showing {len(story['events'])} of {len(story['events'])} events." in page
    assert page.count('class="event contested') == sum(1 for e in story["events"] if e["contested"])
    assert page.count('<article class="contradiction">') == len(story["contradictions"])


def test_the_story_page_opens_on_the_summary_with_a_link_to_each_source_sentence(
    client: TestClient, story: dict
) -> None:
    page = client.get(f"/stories/{EXAMPLE_ID}").text
    known = page[page.index('<section id="what-we-know">') : page.index('<section id="timeline">')]
    assert known.index('<ol class="gist">') < known.index('<div class="facts">')
    assert 0 < len(story["summary"]) <= 5
    for s in story["summary"]:
        assert f'/documents/{s["document"]}#s{s["sentence"]}"' in known


def _overlaps(value: str, start: str, end: str) -> bool:
    """A date ("2022-09" is all of September) that shares a day with start..end."""
    first, last = date_range(value)  # type: ignore[misc]
    return first <= end and last >= start


def _shown_events(page: str) -> int:
    return int(re.search(r"Showing (\d+) of", page).group(1))  # type: ignore[union-attr]


def test_filtering_by_source_keeps_only_events_that_outlet_reports(client: TestClient, story: dict) -> None:
    result = client.get(f"/api/stories/{EXAMPLE_ID}/events", params={"source": "Meridian Wire"}).json()
    docs = {d["id"]: d["source"] for d in story["documents"]}
    assert 0 < result["count"] < len(story["events"])
    for event in result["events"]:
        assert "Meridian Wire" in {docs[m["document"]] for m in event["mentions"]}
    page = client.get(f"/stories/{EXAMPLE_ID}", params={"source": "Meridian Wire"}).text
    assert _shown_events(page) == result["count"]
    assert '<option value="Meridian Wire" selected>' in page


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"contested": "yes"}, lambda e: e["contested"]),
        ({"contested": "no"}, lambda e: not e["contested"]),
        ({"status": "claimed"}, lambda e: any(m["status"] == "claimed" for m in e["mentions"])),
        ({"start": "2022-09-10", "end": "2022-09-11"}, lambda e: _overlaps(e["date"], "2022-09-10", "2022-09-11")),
        ({"q": "izium"}, lambda e: "izium" in (e["summary"] + " ".join(m["text"] for m in e["mentions"])).lower()),
    ],
)
def test_each_filter_keeps_only_matching_events(client: TestClient, params: dict, check: object) -> None:
    result = client.get(f"/api/stories/{EXAMPLE_ID}/events", params=params).json()
    assert result["count"] > 0
    assert all(check(e) for e in result["events"])  # type: ignore[operator]
    page = client.get(f"/stories/{EXAMPLE_ID}", params=params).text
    assert _shown_events(page) == result["count"]


def test_filters_combine_and_can_match_nothing(client: TestClient) -> None:
    params = {"source": "Meridian Wire", "q": "no such words anywhere"}
    assert client.get(f"/api/stories/{EXAMPLE_ID}/events", params=params).json()["count"] == 0
    assert "No event matches these filters." in client.get(f"/stories/{EXAMPLE_ID}", params=params).text


def test_every_mention_links_to_its_sentence_in_its_document(client: TestClient, story: dict) -> None:
    page = client.get(f"/stories/{EXAMPLE_ID}").text
    links = set(re.findall(rf'href="/stories/{EXAMPLE_ID}/documents/([0-9a-f]+)#s(\d+)"', page))
    expected = {(m["document"], str(m["sentence"])) for e in story["events"] for m in e["mentions"]}
    assert expected <= links
    doc_id, index = sorted(links)[0]
    doc_page = client.get(f"/stories/{EXAMPLE_ID}/documents/{doc_id}").text
    assert f'id="s{index}"' in doc_page


def test_the_document_page_marks_entities_times_with_values_and_attributions(client: TestClient, story: dict) -> None:
    doc = next(d for d in story["documents"] if d["boilerplate_removed"] and d["source"] == "Meridian Wire")
    page = client.get(f"/stories/{EXAMPLE_ID}/documents/{doc['id']}").text
    assert '<span class="ent ent-GPE" title="GPE">Kupiansk</span>' in page
    saturday = '<span class="ent ent-DATE time" title="DATE; DATE resolved to 2022-09-10">Saturday</span>'
    assert f'{saturday}<span class="tv">2022-09-10</span>' in page
    assert 'class="attr-source' in page and 'class="attr-cue' in page
    removed = page[page.index('id="removed"') :]
    assert "(Reporting by Dana Kovacs; Editing by Martin Hale)" in removed
    assert len(re.findall(r'class="sentence said-', page)) == len(doc["sentences"])


def test_the_copies_view_names_origin_and_what_each_copy_adds(client: TestClient, story: dict) -> None:
    page = client.get(f"/stories/{EXAMPLE_ID}").text
    copies = page[page.index('<section id="copies">') : page.index('<section id="sources">')]
    derived = [d for d in story["documents"] if d["derived_from"]]
    assert copies.count('<div class="copy">') == sum(len(d["derived_from"]) for d in derived)
    for doc in derived:
        assert f"/documents/{doc['id']}" in copies
        for added in doc["adds"]:
            assert added.replace("'", "&#39;").replace('"', "&#34;") in copies


def test_exports_are_the_story_json_markdown_and_html_report(client: TestClient, story: dict) -> None:
    assert client.get(f"/stories/{EXAMPLE_ID}/story.json").json() == story
    markdown = client.get(f"/stories/{EXAMPLE_ID}/report.md")
    assert markdown.headers["content-type"].startswith("text/markdown")
    assert markdown.text.startswith("# kharkiv-2022")
    report = client.get(f"/stories/{EXAMPLE_ID}/report.html")
    assert report.text.startswith("<!DOCTYPE html>") and "<svg" in report.text


def test_the_openapi_schema_lists_the_api(client: TestClient) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"/api/stories", "/api/stories/{story_id}", "/api/stories/{story_id}/events"} <= set(paths)
