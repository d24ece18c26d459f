"""What adding reports changed, in the shape the API answers (documented in the OpenAPI schema) and
the result page shows: ``live.Changes`` with each item's title or summary, date and page address.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from storyline.live import Changes
from storyline.output.markdown import Record, StoryDict, doc_label, documents_by_id, latest_point, outlet
from storyline.web.templating import document_url, story_url


class ReportRef(BaseModel):
    id: str
    title: str = Field(description="The report's title, else its file name.")
    outlet: str | None
    published: str | None
    url: str = Field(description="The report's page in this app.")


class EventRef(BaseModel):
    id: str
    date: str | None
    summary: str
    contested: bool
    previous: list[str] = Field(default=[], description="For an updated event: the ids it had before.")


class ContradictionRef(BaseModel):
    kind: str
    note: str
    reports: list[ReportRef]


class FigurePointRef(BaseModel):
    measure: str
    unit: str
    date: str | None
    value: float
    qualifier: str | None = None
    low: float | None = None
    high: float | None = None
    text: str = Field(description="The sentence that gives the figure.")
    document: str
    report: str = Field(description="The title of the report that gives it.")
    url: str = Field(description="The sentence, highlighted in its report's page.")


class FigureValue(BaseModel):
    value: float
    qualifier: str | None = None
    low: float | None = None
    high: float | None = None
    date: str | None
    source: str = Field(description="The outlet that gives it.")
    url: str = Field(description="The sentence, highlighted in its report's page.")


class FigureChange(BaseModel):
    """A figure series whose latest value is now another one (or a series the story did not have)."""

    measure: str
    unit: str
    before: FigureValue | None = Field(description="The latest value before the add; none for a new series.")
    after: FigureValue


class Skip(BaseModel):
    path: str
    reason: str


class ChangesOut(BaseModel):
    summary: list[str] = Field(description="One line per kind of change, as `storyline add` prints them.")
    reports_added: list[ReportRef]
    reports_known: int = Field(description="Inputs the story had already (same content id), not added again.")
    reports_processed: int = Field(description="New reports that went through the per-document stages.")
    events_new: list[EventRef]
    events_updated: list[EventRef]
    events_removed: list[str] = Field(description="Ids of events merged into others or gone.")
    contradictions_new: list[ContradictionRef]
    figure_points_new: list[FigurePointRef]
    figures_changed: list[FigureChange] = Field(description="Series whose latest value changed.")
    skipped: list[Skip] = Field(description="Inputs that could not be read, with the reason.")
    url: str = Field(description="The story's page.")


class AddAnswer(BaseModel):
    ok: bool = True
    story: str
    title: str
    changes: ChangesOut


def changes_out(changes: Changes, story: StoryDict, before: StoryDict) -> ChangesOut:
    """What changed, looked up in the story as saved after the add (and, for figures, as it was before)."""
    docs = documents_by_id(story)
    events = {e["id"]: e for e in story.get("events", [])}
    sid = story["story"]["id"]
    points = {  # the stored points: their qualifier, range and sentence
        (f["measure"], f["unit"], p["document"], p["text"], p["value"]): p
        for f in story.get("figures", [])
        for p in f.get("points", [])
    }
    return ChangesOut(
        summary=changes.lines(),
        reports_added=[_report(sid, docs, d) for d in changes.documents_added],
        reports_known=changes.documents_known,
        reports_processed=changes.documents_processed,
        events_new=[_event(events[e]) for e in changes.events_new if e in events],
        events_updated=[_event(events[u.id], list(u.previous)) for u in changes.events_updated if u.id in events],
        events_removed=list(changes.events_removed),
        contradictions_new=[
            ContradictionRef(kind=c.kind, note=c.note, reports=[_report(sid, docs, d) for d in c.documents])
            for c in changes.contradictions_new
        ],
        figure_points_new=[
            _point(
                sid,
                docs,
                p.measure,
                p.unit,
                points.get((p.measure, p.unit, p.document, p.text, p.value), {}),
                {"date": p.date, "value": p.value, "document": p.document, "text": p.text},
            )
            for p in changes.figure_points_new
        ],
        figures_changed=figures_changed(before, story),
        skipped=[Skip(path=s.path, reason=s.reason) for s in changes.skipped],
        url=story_url(sid),
    )


def figures_changed(before: StoryDict, after: StoryDict) -> list[FigureChange]:
    """The series whose latest point (``markdown.latest_point``, as 'what we know' shows it) changed."""
    old = {(s["measure"], s["unit"]): s for s in before.get("figures", [])}
    found: list[FigureChange] = []
    for series in after.get("figures", []):
        key = (series["measure"], series["unit"])
        now = latest_point(series)
        was = latest_point(old[key]) if key in old else None
        if now is not None and (was is None or _point_key(was) != _point_key(now)):
            found.append(
                FigureChange(
                    measure=key[0],
                    unit=key[1],
                    before=_value(before, was) if was is not None else None,
                    after=_value(after, now),
                )
            )
    return found


def _point_key(point: Record) -> tuple[object, ...]:
    return (point.get("document"), point.get("sentence"), point.get("value"), point.get("date"))


def _value(story: StoryDict, point: Record) -> FigureValue:
    docs = documents_by_id(story)
    sentence = point.get("sentence")
    return FigureValue(
        value=point["value"],
        qualifier=point.get("qualifier"),
        low=point.get("low"),
        high=point.get("high"),
        date=point.get("date"),
        source=point.get("source") or outlet(docs.get(point["document"])),
        url=document_url(story["story"]["id"], point["document"], sentence if isinstance(sentence, int) else None),
    )


def _report(story_id: str, docs: dict[str, Record], document_id: str) -> ReportRef:
    doc = docs.get(document_id) or {"id": document_id}
    return ReportRef(
        id=document_id,
        title=doc_label(doc),
        outlet=doc.get("source"),
        published=doc.get("published"),
        url=document_url(story_id, document_id),
    )


def _event(event: Record, previous: list[str] | None = None) -> EventRef:
    return EventRef(
        id=event["id"],
        date=event.get("date"),
        summary=event.get("summary") or "",
        contested=bool(event.get("contested")),
        previous=previous or [],
    )


def _point(
    story_id: str, docs: dict[str, Record], measure: str, unit: str, stored: Record, change: dict[str, Any]
) -> FigurePointRef:
    sentence = stored.get("sentence")
    return FigurePointRef(
        measure=measure,
        unit=unit,
        qualifier=stored.get("qualifier"),
        low=stored.get("low"),
        high=stored.get("high"),
        report=doc_label(docs.get(change["document"])),
        url=document_url(story_id, change["document"], sentence if isinstance(sentence, int) else None),
        **change,
    )
