"""Stores for the web tests: the bundled example built once per process, and a hostile story.

Not a conftest.py: the suite keeps one conftest (tests/conftest.py), which other tests import.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from storyline import SCHEMA_VERSION
from storyline.store.store import open_store

EXAMPLE_MANIFEST = Path(__file__).resolve().parents[2] / "examples" / "kharkiv-2022" / "manifest.csv"
EXAMPLE_ID = "kharkiv-2022"
HOSTILE_ID = "hostile"
SCRIPT = "<script>alert(1)</script>"
ONERROR = '"><img src=x onerror=alert(1)>'


@cache
def example_db_url() -> str:
    """A SQLite store holding the example story, built with the models once per test process."""
    from storyline.build import build_story, write_outputs

    out = Path(tempfile.mkdtemp(prefix="storyline-web-"))
    atexit.register(shutil.rmtree, out, ignore_errors=True)
    story = build_story([], manifest=EXAMPLE_MANIFEST)
    return write_outputs(story, out).db_url


def hostile_story() -> dict[str, Any]:
    """A one-report story whose every field carries a script, event-handler or javascript: payload."""
    text = f"Officials said {SCRIPT} on Saturday. The governor denied it {ONERROR}."
    first = text.index(".") + 1
    sentences = [
        _sentence(0, 0, text[:first], "claimed", "Officials <b>bold</b>"),
        _sentence(1, first + 1, text[first + 1 :], "denied", None),
    ]
    saturday = text.index("Saturday")
    sentences[0]["times"] = [
        {"start": saturday, "end": saturday + 8, "text": "Saturday", "type": "DATE", "value": "2022-09-10"}
    ]
    sentences[0]["entities"] = [{"start": 15, "end": 15 + len(SCRIPT), "text": SCRIPT, "label": "<i>ORG</i>"}]
    doc = {
        "id": "d0c0000000000001",
        "path": "hostile/<script>.txt",
        "url": "javascript:alert(1)",
        "source": ONERROR,
        "title": SCRIPT,
        "byline": "<svg onload=alert(1)>",
        "dateline": None,
        "published": "2022-09-11",
        "published_from": "manifest",
        "published_confidence": 1.0,
        "boilerplate_removed": ["<iframe src='https://evil.example/'></iframe>"],
        "derived_from": [],
        "adds": [],
        "drops": [],
        "text": text,
        "sentences": sentences,
    }
    mention = {
        "document": doc["id"],
        "sentence": 0,
        "text": sentences[0]["text"],
        "attributed_to": "Officials <b>bold</b>",
        "status": "claimed",
        "status_detail": "<u>x</u>",
        "date": "2022-09-10",
        "date_fallback": False,
    }
    event = {
        "id": "e0000000000000001",
        "date": "2022-09-10",
        "summary": f"{SCRIPT} happened",
        "independent_sources": 1,
        "sources": [ONERROR],
        "contested": True,
        "mentions": [mention],
    }
    return {
        "schema_version": SCHEMA_VERSION,
        "story": {"id": HOSTILE_ID, "title": SCRIPT},
        "summary": [
            {
                "text": sentences[0]["text"],
                "document": doc["id"],
                "sentence": 0,
                "event": event["id"],
                "date": "2022-09-10",
                "status": "claimed",
                "attributed_to": "Officials <b>bold</b>",
                "sources": [ONERROR],
                "independent_sources": 1,
                "contested": True,
                "measure": SCRIPT,
            }
        ],
        "documents": [doc],
        "events": [event],
        "figures": [],
        "contradictions": [
            {
                "kind": "status",
                "note": f"{SCRIPT} vs denial",
                "mentions": [{k: mention[k] for k in ("document", "sentence", "text")}],
            }
        ],
        "timeline": [{"date": "2022-09-10", "event": event["id"], "summary": event["summary"]}],
        "skipped": [{"path": "<img src=x onerror=alert(1)>.txt", "reason": SCRIPT}],
    }


def _sentence(index: int, start: int, text: str, status: str, by: str | None) -> dict[str, Any]:
    return {
        "index": index,
        "start": start,
        "end": start + len(text),
        "text": text,
        "paragraph": 0,
        "status": status,
        "attributed_to": by,
        "status_detail": None,
        "event_date": "2022-09-10",
        "event_date_fallback": False,
        "event_date_anchor": None,
        "entities": [],
        "times": [],
        "quantities": [],
        "attributions": [],
    }


def save(db_url: str, *stories: dict[str, Any]) -> str:
    with open_store(db_url) as store:
        for story in stories:
            store.save(story)
    return db_url
