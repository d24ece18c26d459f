"""How far a built story's biggest events reach: a chain of different happenings joined one similar
pair at a time shows as an event of many mentions whose own dates (explicit, else publication)
span weeks. Reads one or two ``story.json`` files (``storyline build --out DIR``) and prints, per
story, the event count, how many events have at least ``--big`` mentions, and the ``--top``
events by mentions: mentions, independent sources, the first and last day of their mentions'
dates, the span in days, and the summary's start.

Example:

    .venv/bin/python benchmarks/event_chains.py /tmp/before/story.json /tmp/after/story.json
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import Any


def _day(iso: str | None) -> date | None:
    """The day of an ISO date of a day; None for a month, a year or no date."""
    if not iso or len(iso) != 10:
        return None
    try:
        return date.fromisoformat(iso)
    except ValueError:
        return None


def event_row(event: dict[str, Any]) -> dict[str, Any]:
    """The size, sources and date reach of one event of ``story.json``."""
    days = sorted(d for d in (_day(m.get("date")) for m in event["mentions"]) if d is not None)
    coarse = sum(1 for m in event["mentions"] if m.get("date") and len(m["date"]) < 10)
    return {
        "mentions": len(event["mentions"]),
        "sources": event.get("independent_sources"),
        "first": days[0].isoformat() if days else None,
        "last": days[-1].isoformat() if days else None,
        "span_days": (days[-1] - days[0]).days if days else None,
        "month_or_year_dated": coarse,
        "summary": (event.get("summary") or "")[:80],
    }


def describe(path: Path, top: int, big: int) -> dict[str, Any]:
    """The event count and the biggest events of a story."""
    story = json.loads(path.read_text(encoding="utf-8"))
    rows = sorted((event_row(e) for e in story["events"]), key=lambda r: -r["mentions"])
    spans = [r["span_days"] for r in rows if r["span_days"] is not None and r["mentions"] >= big]
    return {
        "story": str(path),
        "events": len(rows),
        f"events_with_{big}_or_more_mentions": len(spans),
        f"events_with_{big}_or_more_mentions_spanning_over_7_days": sum(1 for s in spans if s > 7),
        "top": rows[:top],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stories", type=Path, nargs="+", help="story.json files")
    parser.add_argument("--top", type=int, default=10, help="how many of the biggest events to list")
    parser.add_argument("--big", type=int, default=10, help="mentions from which an event counts as big")
    args = parser.parse_args()
    for path in args.stories:
        print(json.dumps(describe(path, args.top, args.big), indent=1))


if __name__ == "__main__":
    main()
