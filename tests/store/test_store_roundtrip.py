"""Saving a story and loading it back gives the same story; saving again adds nothing."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.store.store import _CHUNK, Store, StoreError, open_store

# Text as a decoded report can hold: no lone surrogates, and no NUL (PostgreSQL text cannot hold it).
TEXT = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=12)
MAYBE_TEXT = st.none() | TEXT
NUMBER = st.floats(allow_nan=False, allow_infinity=False, width=64)
OFFSET = st.integers(0, 10_000)
DAY = st.dates().map(lambda d: d.isoformat())
DOC_ID = st.text("0123456789abcdef", min_size=16, max_size=16)
SPAN = st.lists(OFFSET, min_size=2, max_size=2)


def _entity() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({"start": OFFSET, "end": OFFSET, "text": TEXT, "label": TEXT})


def _time() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {"start": OFFSET, "end": OFFSET, "text": TEXT, "type": TEXT, "value": TEXT, "date": st.none() | DAY}
    )


def _quantity() -> st.SearchStrategy[dict[str, Any]]:
    keys = ("start", "end", "text", "value", "low", "high", "unit", "raw_unit", "qualifier", "noun")
    values = (OFFSET, OFFSET, TEXT, NUMBER, st.none() | NUMBER, st.none() | NUMBER) + (MAYBE_TEXT,) * 4
    return st.fixed_dictionaries(dict(zip(keys, values, strict=True)))


def _attribution() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {
            "cue": SPAN,
            "content": SPAN,
            "source": st.none() | SPAN,
            "speaker": MAYBE_TEXT,
            "kind": TEXT,
            "via": MAYBE_TEXT,
        }
    )


def _sentence() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {
            "index": OFFSET,
            "start": OFFSET,
            "end": OFFSET,
            "text": TEXT,
            "paragraph": OFFSET,
            "status": TEXT,
            "attributed_to": MAYBE_TEXT,
            "status_detail": MAYBE_TEXT,
            "event_date": st.none() | DAY,
            "event_date_fallback": st.booleans(),
            "entities": st.lists(_entity(), max_size=2),
            "times": st.lists(_time(), max_size=2),
            "quantities": st.lists(_quantity(), max_size=2),
            "attributions": st.lists(_attribution(), max_size=2),
        }
    )


def _document() -> st.SearchStrategy[dict[str, Any]]:
    derived = st.fixed_dictionaries(
        {
            "document": DOC_ID,
            "relation": st.sampled_from(["duplicate", "rewrite", "excerpt"]),
            "score": NUMBER,
            "note": MAYBE_TEXT,
        }
    )
    return st.fixed_dictionaries(
        {
            "id": DOC_ID,
            "path": TEXT,
            "url": MAYBE_TEXT,
            "source": MAYBE_TEXT,
            "title": MAYBE_TEXT,
            "byline": MAYBE_TEXT,
            "dateline": MAYBE_TEXT,
            "published": st.none() | DAY,
            "published_from": st.sampled_from([None, "manifest", "header", "html", "text"]),
            "published_confidence": st.none() | NUMBER,
            "boilerplate_removed": st.lists(TEXT, max_size=2),
            "derived_from": st.lists(derived, max_size=2),
            "adds": st.lists(TEXT, max_size=2),
            "drops": st.lists(TEXT, max_size=2),
            "text": TEXT,
            "sentences": st.lists(_sentence(), max_size=3),
        }
    )


def _mention() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {
            "document": DOC_ID,
            "sentence": OFFSET,
            "text": TEXT,
            "attributed_to": MAYBE_TEXT,
            "status": TEXT,
            "status_detail": MAYBE_TEXT,
            "date": st.none() | DAY,
            "date_fallback": st.booleans(),
        }
    )


def _event() -> st.SearchStrategy[dict[str, Any]]:
    date = st.none() | DAY | DAY.map(lambda d: d[:7]) | DAY.map(lambda d: d[:4])
    return st.fixed_dictionaries(
        {
            "id": TEXT,
            "date": date,
            "summary": TEXT,
            "independent_sources": st.integers(0, 50),
            "sources": st.lists(TEXT, max_size=3),
            "contested": st.booleans(),
            "mentions": st.lists(_mention(), max_size=3),
        }
    )


def _figure() -> st.SearchStrategy[dict[str, Any]]:
    point = st.fixed_dictionaries(
        {
            "date": st.none() | DAY,
            "value": NUMBER,
            "low": st.none() | NUMBER,
            "high": st.none() | NUMBER,
            "qualifier": st.sampled_from([None, "about", "more than", "less than", "up to"]),
            "document": DOC_ID,
            "sentence": OFFSET,
            "text": TEXT,
            "source": MAYBE_TEXT,
            "attributed_to": MAYBE_TEXT,
        }
    )
    return st.fixed_dictionaries({"measure": TEXT, "unit": MAYBE_TEXT, "points": st.lists(point, max_size=3)})


def _contradiction() -> st.SearchStrategy[dict[str, Any]]:
    ref = st.fixed_dictionaries({"document": DOC_ID, "sentence": OFFSET, "text": TEXT})
    return st.fixed_dictionaries(
        {
            "kind": st.sampled_from(["figure", "status", "fact"]),
            "mentions": st.lists(ref, max_size=3),
            "note": TEXT,
        }
    )


def stories() -> st.SearchStrategy[dict[str, Any]]:
    """Small story.json dicts of schema 1.0.0, with unique document ids."""
    timeline = st.fixed_dictionaries({"date": st.none() | DAY, "event": TEXT, "summary": TEXT})
    return st.fixed_dictionaries(
        {
            "schema_version": st.just("1.0.0"),
            "story": st.fixed_dictionaries({"id": TEXT.filter(bool), "title": TEXT}),
            "documents": st.lists(_document(), max_size=3, unique_by=lambda d: d["id"]),
            "events": st.lists(_event(), max_size=3),
            "figures": st.lists(_figure(), max_size=2),
            "contradictions": st.lists(_contradiction(), max_size=2),
            "timeline": st.lists(timeline, max_size=3),
            "skipped": st.lists(st.fixed_dictionaries({"path": TEXT, "reason": TEXT}), max_size=2),
        }
    )


def _document_dict(doc_id: str, source: str, published: str | None) -> dict[str, Any]:
    return {
        "id": doc_id,
        "path": f"{doc_id}.txt",
        "url": None,
        "source": source,
        "title": f"Report {doc_id}",
        "published": published,
        "published_from": "manifest" if published else None,
        "text": "The bridge over the river closed on Monday.",
        "sentences": [],
    }


def _story(story_id: str, documents: list[dict[str, Any]], events: int = 1) -> dict[str, Any]:
    return {
        "schema_version": "1.0.0",
        "story": {"id": story_id, "title": f"Story {story_id}"},
        "documents": documents,
        "events": [
            {
                "id": f"e{i}",
                "date": "2023-03-0" + str(i + 1),
                "summary": "The bridge closed.",
                "independent_sources": 2,
                "sources": [d["id"] for d in documents],
                "contested": False,
                "mentions": [],
            }
            for i in range(events)
        ],
        "figures": [],
        "contradictions": [],
        "timeline": [{"date": "2023-03-01", "event": "e0", "summary": "The bridge closed."}],
        "skipped": [{"path": "empty.txt", "reason": "E002: empty.txt is empty."}],
    }


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as opened:
        yield opened


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(story=stories())
def test_saved_story_loads_back_equal(story: dict[str, Any], new_store_url: Callable[[], str]) -> None:
    with open_store(new_store_url()) as opened:
        opened.save(copy.deepcopy(story))
        assert opened.load(story["story"]["id"]) == story


def test_saving_the_same_story_twice_adds_nothing(store: Store) -> None:
    story = _story("s1", [_document_dict("a" * 16, "Wire", "2023-03-01"), _document_dict("b" * 16, "Daily", None)])
    first = store.save(story)
    second = store.save(story)
    assert (first.documents_added, first.documents_existing) == (2, 0)
    assert (second.documents_added, second.documents_existing, second.documents_updated) == (0, 2, 0)
    assert second.events == first.events == 1
    assert store.load("s1") == story
    assert [s.documents for s in store.stories()] == [2]


def test_document_shared_by_two_stories_is_stored_once(store: Store) -> None:
    shared = _document_dict("c" * 16, "Wire", "2023-03-02")
    store.save(_story("s1", [shared, _document_dict("d" * 16, "Daily", "2023-03-01")]))
    result = store.save(_story("s2", [shared]))
    assert (result.documents_added, result.documents_existing) == (0, 1)
    with store.engine.connect() as conn:
        count = conn.exec_driver_sql("SELECT COUNT(*) FROM documents").scalar()
    assert count == 2
    assert store.load("s2")["documents"] == [shared]


def test_resaving_a_story_replaces_its_rows_and_keeps_document_order(store: Store) -> None:
    a, b = _document_dict("a" * 16, "Wire", None), _document_dict("b" * 16, "Daily", None)
    store.save(_story("s1", [a, b], events=3))
    smaller = _story("s1", [b, a], events=1)
    result = store.save(smaller)
    assert result.events == 1
    assert store.load("s1") == smaller


def test_changed_document_is_updated_not_added(store: Store) -> None:
    doc = _document_dict("a" * 16, "Wire", None)
    store.save(_story("s1", [doc]))
    changed = {**doc, "title": "A better title"}
    result = store.save(_story("s1", [changed]))
    assert (result.documents_added, result.documents_updated) == (0, 1)
    assert store.load("s1")["documents"] == [changed]


def test_documents_past_one_chunk_are_added_and_updated_each_once(store: Store) -> None:
    """Stored documents are compared a chunk at a time: the counts and rows do not depend on it."""
    docs = [_document_dict(f"{i:016x}", "Wire", None) for i in range(_CHUNK + 3)]
    first = store.save(_story("s1", docs))
    docs[-1] = {**docs[-1], "title": "A better title"}
    docs[0] = {**docs[0], "title": "Another title"}
    second = store.save(_story("s1", [*docs, _document_dict("f" * 16, "Daily", None)]))
    assert (first.documents_added, first.documents_existing, first.documents_updated) == (_CHUNK + 3, 0, 0)
    assert (second.documents_added, second.documents_existing, second.documents_updated) == (1, _CHUNK + 3, 2)
    assert store.load("s1")["documents"] == [*docs, _document_dict("f" * 16, "Daily", None)]


def test_stories_summarises_documents_outlets_and_dates(store: Store) -> None:
    docs = [
        _document_dict("a" * 16, "Wire", "2023-03-04"),
        _document_dict("b" * 16, "Wire", "2023-03-01"),
        _document_dict("c" * 16, "Daily", None),
    ]
    store.save(_story("s1", docs))
    [summary] = store.stories()
    assert (summary.id, summary.title, summary.documents, summary.outlets) == ("s1", "Story s1", 3, 2)
    assert (summary.first_published, summary.last_published) == ("2023-03-01", "2023-03-04")
    assert summary.updated_at


def test_has_story_is_true_only_for_saved_stories(store: Store) -> None:
    store.save(_story("s1", []))
    assert store.has_story("s1")
    assert not store.has_story("s2")


def test_loading_an_unknown_story_names_it(store: Store) -> None:
    with pytest.raises(StoreError, match=r"E051: .* has no story 'nope'"):
        store.load("nope")


def test_story_without_an_id_is_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="E052"):
        store.save({"schema_version": "1.0.0", "story": {"title": "No id"}})


def test_duplicate_document_in_a_story_is_refused(store: Store) -> None:
    doc = _document_dict("a" * 16, "Wire", None)
    with pytest.raises(StoreError, match=f"E053: story 's1' lists document '{'a' * 16}' more than once"):
        store.save(_story("s1", [doc, doc]))


def test_failed_save_writes_nothing(store: Store) -> None:
    story = _story("s1", [_document_dict("a" * 16, "Wire", None)])
    store.save(story)
    broken = _story("s1", [_document_dict("b" * 16, "Daily", None)], events=2)
    broken["events"][1]["independent_sources"] = {"not": "a number"}
    with pytest.raises(StoreError, match="E054: story 's1' could not be saved"):
        store.save(broken)
    assert store.load("s1") == story
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT id FROM documents").scalars().all() == ["a" * 16]
