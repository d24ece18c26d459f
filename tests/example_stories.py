"""What the example-story tests share: finding a report or a mention in a built story, and the
compact golden summary each story is pinned by (``STORYLINE_UPDATE_GOLDEN=1`` rewrites it)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

Story = dict[str, Any]


def document(story: Story, name: str) -> dict[str, Any]:
    """The one report whose file is ``name`` ("05_civic_post.txt", or "reports.jsonl#2" for a record)."""
    base, _, record = name.partition("#")
    matches = [
        d
        for d in story["documents"]
        if Path(d["path"].split("#")[0]).name == base and (not record or d["path"].endswith("#" + record))
    ]
    assert len(matches) == 1, f"{name}: {[d['path'] for d in story['documents']]}"
    return matches[0]


def mentions_with(story: Story, *words: str) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(event, mention) for every mention whose text has all ``words`` (any case)."""
    return [
        (event, m)
        for event in story["events"]
        for m in event["mentions"]
        if all(w.lower() in m["text"].lower() for w in words)
    ]


def golden_summary(story: Story) -> dict[str, Any]:
    """The parts of a story a reviewer reads: reports, summary, timeline, events, figures, contradictions."""
    names = {d["id"]: Path(d["path"]).name for d in story["documents"]}
    return {
        "documents": [
            {
                "path": names[d["id"]],
                "source": d["source"],
                "published": d["published"],
                "published_from": d["published_from"],
                "derived_from": [[names[x["document"]], x["relation"]] for x in d["derived_from"]],
                "adds": d["adds"],
                "boilerplate_removed": d["boilerplate_removed"],
            }
            for d in sorted(story["documents"], key=lambda d: Path(d["path"]).name)
        ],
        "summary": [
            {
                "text": s["text"],
                "report": [names[s["document"]], s["sentence"]],
                "date": s["date"],
                "status": [s["status"], s["attributed_to"]],
                "sources": [s["sources"], s["independent_sources"]],
                "contested": s["contested"],
                "measure": s["measure"],
            }
            for s in story["summary"]
        ],
        "timeline": [
            {
                "date": t["date"],
                "score": t["score"],
                "sources": [t["sources"], t["independent_sources"]],
                "sentences": [
                    [names[x["document"]], x["text"], x["status"], x["attributed_to"]] for x in t["sentences"]
                ],
            }
            for t in story["timeline"]
        ],
        "events": [
            {
                "date": e["date"],
                "summary": e["summary"],
                "independent_sources": e["independent_sources"],
                "contested": e["contested"],
                "mentions": sorted([names[m["document"]], m["status"], m["attributed_to"]] for m in e["mentions"]),
            }
            for e in story["events"]
        ],
        "figures": [
            {
                "measure": f["measure"],
                "unit": f["unit"],
                "points": [[p["date"], p["value"], p["qualifier"], p["source"]] for p in f["points"]],
            }
            for f in story["figures"]
        ],
        "contradictions": [
            {"kind": c["kind"], "note": c["note"], "documents": [names[m["document"]] for m in c["mentions"]]}
            for c in story["contradictions"]
        ],
    }


def assert_matches_golden(story: Story, golden: Path) -> None:
    """The story's summary equals the reviewed file ``golden``; with ``STORYLINE_UPDATE_GOLDEN=1``
    the file is rewritten first (review its diff by hand)."""
    summary = golden_summary(story)
    if os.environ.get("STORYLINE_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(json.dumps(summary, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert summary == expected, "the story changed: review it and regenerate the golden file (see module docstring)"
