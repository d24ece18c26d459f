"""Filter a story's events by source, status, contested, date range and text, from GET parameters.

The same ``EventFilter`` serves the story page (a plain form, so it works with no script) and
``/api/stories/{id}/events``.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from storyline.output.markdown import Record, documents_by_id, outlet, timeline_events
from storyline.web.errors import WebError, WebErrors

STATUSES = ("reported", "claimed", "unverified", "confirmed", "denied")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class EventFilter:
    source: str | None = None
    status: str | None = None
    contested: bool | None = None
    start: str | None = None  # YYYY-MM-DD, inclusive
    end: str | None = None  # YYYY-MM-DD, inclusive
    q: str | None = None

    @property
    def active(self) -> bool:
        return any(value is not None for value in asdict(self).values())

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def params(self) -> dict[str, str]:
        """The filter as the query parameters that give it back."""
        flag = {True: "yes", False: "no", None: None}[self.contested]
        values = {**self.as_dict(), "contested": flag}
        return {k: str(v) for k, v in values.items() if v is not None}


def parse_filter(
    source: str | None = None,
    status: str | None = None,
    contested: str | None = None,
    start: str | None = None,
    end: str | None = None,
    q: str | None = None,
) -> EventFilter:
    """The filter from query parameters (also the web views' dependency): ``source`` (an outlet),
    ``status`` (reported, claimed, unverified, confirmed, denied), ``contested`` (yes or no),
    ``start`` and ``end`` (YYYY-MM-DD, inclusive) and ``q`` (text in the summary, a mention or a
    speaker). Empty fields mean "any". Raises 422 (E131) on a bad value."""
    source, status, contested, start, end, q = (_blank(v) for v in (source, status, contested, start, end, q))
    if status is not None and status not in STATUSES:
        raise WebError(422, WebErrors.E131.format(name="status", value=status, detail=f"one of {', '.join(STATUSES)}"))
    flag: bool | None = None
    if contested is not None:
        if contested.lower() not in ("yes", "no", "true", "false", "1", "0"):
            raise WebError(422, WebErrors.E131.format(name="contested", value=contested, detail="yes or no"))
        flag = contested.lower() in ("yes", "true", "1")
    for name, value in (("start", start), ("end", end)):
        if value is not None and not _valid_day(value):
            raise WebError(422, WebErrors.E131.format(name=name, value=value, detail="not a YYYY-MM-DD date"))
    return EventFilter(source=source, status=status, contested=flag, start=start, end=end, q=q)


def _blank(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def _valid_day(value: str) -> bool:
    if not _DAY.match(value):
        return False
    month, day = int(value[5:7]), int(value[8:10])
    return 1 <= month <= 12 and 1 <= day <= 31


def date_range(value: str | None) -> tuple[str, str] | None:
    """The first and last day a "YYYY", "YYYY-MM" or "YYYY-MM-DD" date covers, as comparable strings."""
    if not value:
        return None
    text = str(value)[:10]
    if len(text) == 4:
        return f"{text}-01-01", f"{text}-12-31"
    if len(text) == 7:
        return f"{text}-01", f"{text}-31"
    return text, text


def matches(event: Record, f: EventFilter, docs: dict[str, Record]) -> bool:
    mentions = event.get("mentions", [])
    if f.source is not None:
        outlets = {outlet(docs.get(m["document"])) for m in mentions} | set(event.get("sources", []))
        if f.source not in outlets:
            return False
    if f.status is not None and not any(m.get("status") == f.status for m in mentions):
        return False
    if f.contested is not None and bool(event.get("contested")) != f.contested:
        return False
    if f.start is not None or f.end is not None:
        span = date_range(event.get("date"))
        if span is None or (f.start and span[1] < f.start) or (f.end and span[0] > f.end):
            return False
    if f.q is not None:
        needle = f.q.casefold()
        texts = [event.get("summary", ""), *(m.get("text", "") for m in mentions)]
        texts += [m.get("attributed_to") or "" for m in mentions]
        if not any(needle in str(t).casefold() for t in texts):
            return False
    return True


def filter_events(story: Record, f: EventFilter) -> list[Record]:
    """The story's events in timeline order that pass the filter."""
    docs = documents_by_id(story)
    return [e for e in timeline_events(story) if matches(e, f, docs)]


def outlets(story: Record) -> list[str]:
    return sorted({outlet(d) for d in story.get("documents", [])}, key=str.casefold)
