"""Render a story.json dict as report.md: what we know, the key dates, all events, figures, contradictions,
copies, sources.

It also holds the small readers of a story dict (overview, sources, copies, value formatting) that
the HTML report shares, so both reports say the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from storyline.corpus.timeline import date_sort_key, latest_of

StoryDict = dict[str, Any]
Record = dict[str, Any]

UNKNOWN_OUTLET = "unknown outlet"
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


@dataclass(frozen=True)
class Overview:
    reports: int
    outlets: int
    independent_reports: int
    published: tuple[str, str] | None  # first and last publication date
    happened: tuple[str, str] | None  # first and last event date
    latest: tuple[tuple[Record, Record], ...]  # (series, its latest point)
    contested: tuple[Record, ...]


@dataclass(frozen=True)
class SourceRow:
    outlet: str
    reports: tuple[Record, ...]
    independent: bool  # at least one of its reports is not a copy of another report


@dataclass(frozen=True)
class Copy:
    document: Record
    origin: Record | None
    relation: str
    score: float
    note: str | None


def outlet(doc: Record | None) -> str:
    return (doc or {}).get("source") or UNKNOWN_OUTLET


def doc_label(doc: Record | None) -> str:
    """A report as a reader knows it: its title, else its path, else its id."""
    doc = doc or {}
    return str(doc.get("title") or doc.get("path") or doc.get("id") or "unknown report")


def documents_by_id(story: StoryDict) -> dict[str, Record]:
    return {d["id"]: d for d in story.get("documents", [])}


def is_independent(doc: Record) -> bool:
    return not doc.get("derived_from")


def span(dates: list[str | None]) -> tuple[str, str] | None:
    known = sorted(d for d in dates if d)
    return (known[0], known[-1]) if known else None


def latest_point(series: Record) -> Record | None:
    """The point with the latest date (the later one in the list on a tie); undated points only if all
    are, projections ("could rise 2 metres") and suspected figures ("may have killed 90") only if all are."""
    return latest_of(series.get("points", []), _firm, lambda p: p.get("date"))


def _firm(point: Record) -> bool:
    """A measured point: neither projected nor suspected (``FigurePoint.firm``)."""
    return not (point.get("projected") or point.get("suspected"))


def by_date(points: list[Record]) -> list[Record]:
    """Points in date order, undated ones last; equal dates keep their order."""
    return sorted(points, key=lambda p: (p.get("date") is None, p.get("date") or ""))


def overview(story: StoryDict) -> Overview:
    docs = story.get("documents", [])
    events = story.get("events", [])
    latest = tuple((s, p) for s in story.get("figures", []) if (p := latest_point(s)) is not None)
    return Overview(
        reports=len(docs),
        outlets=len({outlet(d) for d in docs}),
        independent_reports=sum(1 for d in docs if is_independent(d)),
        published=span([d.get("published") for d in docs]),
        happened=span([e.get("date") for e in events]),
        latest=latest,
        contested=tuple(e for e in events if e.get("contested")),
    )


def source_rows(story: StoryDict) -> list[SourceRow]:
    grouped: dict[str, list[Record]] = {}
    for doc in story.get("documents", []):
        grouped.setdefault(outlet(doc), []).append(doc)
    return [
        SourceRow(outlet=name, reports=tuple(docs), independent=any(is_independent(d) for d in docs))
        for name, docs in sorted(grouped.items(), key=lambda kv: (-len(kv[1]), kv[0].casefold()))
    ]


def copies(story: StoryDict) -> list[Copy]:
    docs = documents_by_id(story)
    return [
        Copy(
            document=doc,
            origin=docs.get(d["document"]),
            relation=d["relation"],
            score=d["score"],
            note=d.get("note"),
        )
        for doc in story.get("documents", [])
        for d in doc.get("derived_from", [])
    ]


def timeline_events(story: StoryDict) -> list[Record]:
    """Every event in date order: finer dates before the period that holds them, undated last.

    The story's ``timeline`` holds only its key dates, so the full list is ordered by the events' dates.
    """
    return sorted(story.get("events", []), key=lambda e: date_sort_key(e.get("date")))


def status_note(record: Record) -> str:
    """``claimed by the ministry``, ``denied``; empty for a plain report (it reads as a fact)."""
    status = record.get("status") or "reported"
    if status == "reported":
        return ""
    by = f" by {record['attributed_to']}" if record.get("attributed_to") else ""
    return f"{status}{by}"


SLOT_LABELS = {"origin": "how it began", "escalation": "turning point", "central": "central happening"}


def slot_label(record: Record) -> str:
    """``how it began`` for a summary line that tells the story's origin (its ``slot``); empty for a plain line."""
    return SLOT_LABELS.get(record.get("slot") or "", "")


def sourcing(record: Record) -> str:
    """``Wire, Ledger (2 independent)`` for a summary sentence or a timeline entry."""
    sources = ", ".join(record.get("sources", [])) or "no named outlet"
    return f"{sources} ({record.get('independent_sources', 0)} independent)"


def format_number(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def format_unit(unit: str) -> str:
    return {"count": "", "percent": "%"}.get(unit, f" {unit}")


def bounds(point: Record) -> tuple[float, float]:
    """A figure's low and high ends; both are its value unless it is a range."""
    low, high = point.get("low"), point.get("high")
    return (
        float(point["value"] if low is None else low),
        float(point["value"] if high is None else high),
    )


def format_value(point: Record, unit: str) -> str:
    """``about 1,200 km2``, ``3–5 people``, ``more than 40%``, ``2 m (projected)``, ``48 (suspected)``."""
    low, high = bounds(point)
    number = format_number(point["value"]) if low == high else f"{format_number(low)}–{format_number(high)}"
    qualifier = f"{point['qualifier']} " if point.get("qualifier") else ""
    mood = " (projected)" if point.get("projected") else " (suspected)" if point.get("suspected") else ""
    return f"{qualifier}{number}{format_unit(unit)}{mood}"


def mention_status(mention: Record, docs: dict[str, Record]) -> str:
    """``Wire: confirmed by the ministry (location verified)``."""
    by = f" by {mention['attributed_to']}" if mention.get("attributed_to") else ""
    detail = f" ({mention['status_detail']})" if mention.get("status_detail") else ""
    return f"{outlet(docs.get(mention['document']))}: {mention['status']}{by}{detail}"


def md(text: object) -> str:
    """Text from a story, safe inside Markdown: one line, and Markdown or HTML syntax shown as is."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def render_markdown(story: StoryDict) -> str:
    """The whole report.md for a story.json dict."""
    docs = documents_by_id(story)
    parts = [
        f"# {md(story.get('story', {}).get('title') or 'Untitled story')}",
        _what_we_know(story, docs),
        _timeline(story),
        _events(story, docs),
        _figures(story, docs),
        _contradictions(story, docs),
        _copies(story),
        _sources(story),
        _skipped(story),
    ]
    return "\n\n".join(parts) + "\n"


def _what_we_know(story: StoryDict, docs: dict[str, Record]) -> str:
    o = overview(story)
    lines = ["## What we know", ""]
    for s in story.get("summary", []):
        lines.append(f"- {md(s['text'])} ({_summary_note(s)})")
    if story.get("summary"):
        lines += ["", "### At a glance", ""]
    lines += [
        f"- {o.reports} reports from {o.outlets} outlets; {o.independent_reports} independent reports.",
    ]
    if o.published:
        lines.append(f"- Reports published from {o.published[0]} to {o.published[1]}.")
    if o.happened:
        lines.append(f"- Events dated from {o.happened[0]} to {o.happened[1]}.")
    for series, point in o.latest:
        when = md(point.get("date") or "undated")
        source = point.get("source") or outlet(docs.get(point["document"]))
        value = md(format_value(point, series["unit"]))
        lines.append(f"- Latest {md(series['measure'])}: {value} ({when}, {md(source)}).")
    for event in o.contested:
        lines.append(f"- ⚠ Contested: {md(event['summary'])} ({md(event.get('date') or 'undated')}).")
    return "\n".join(lines)


def _summary_note(s: Record) -> str:
    """``central happening; 2022-09-14; claimed by Zelensky; latest area retaken; Wire (1 independent)``."""
    parts = [slot_label(s), s.get("date") or "undated", status_note(s)]
    parts += ["⚠ contested" if s.get("contested") else "", f"latest {s['measure']}" if s.get("measure") else ""]
    return "; ".join(md(p) for p in [*parts, sourcing(s)] if p)


def _timeline(story: StoryDict) -> str:
    lines = ["## Timeline", ""]
    for entry in story.get("timeline", []):
        sentences = entry.get("sentences") or [{"text": entry["summary"]}]
        first, *more = sentences
        note = "; ".join(md(p) for p in (status_note(first), sourcing(entry)) if p)
        lines.append(f"- **{md(entry.get('date') or 'undated')}** — {md(first['text'])} — {note}")
        lines += [f"  - {md(s['text'])}" + (f" ({md(status_note(s))})" if status_note(s) else "") for s in more]
    return "\n".join(lines if len(lines) > 2 else [*lines, "No key dates were found."])


def _events(story: StoryDict, docs: dict[str, Record]) -> str:
    lines = ["## All events", ""]
    for event in timeline_events(story):
        sources = ", ".join(md(s) for s in event.get("sources", [])) or "no named outlet"
        statuses = "; ".join(md(mention_status(m, docs)) for m in event.get("mentions", []))
        flag = " ⚠ contested" if event.get("contested") else ""
        lines.append(
            f"- **{md(event.get('date') or 'undated')}** — {md(event['summary'])} — {sources} "
            f"({event.get('independent_sources', 0)} independent){flag}"
        )
        if statuses:
            lines.append(f"  - {statuses}")
    return "\n".join(lines if len(lines) > 2 else [*lines, "No events were found."])


def _figures(story: StoryDict, docs: dict[str, Record]) -> str:
    lines = ["## Figures"]
    for series in story.get("figures", []):
        lines += ["", f"### {md(series['measure'])} ({md(series['unit'])})", ""]
        lines += ["| Date | Value | Source | Attributed to |", "| --- | --- | --- | --- |"]
        for p in by_date(series.get("points", [])):
            source = p.get("source") or outlet(docs.get(p["document"]))
            lines.append(
                f"| {md(p.get('date') or 'undated')} | {md(format_value(p, series['unit']))} | {md(source)} "
                f"| {md(p.get('attributed_to') or '—')} |"
            )
    return "\n".join(lines if len(lines) > 1 else [*lines, "", "No figures were found."])


def _contradictions(story: StoryDict, docs: dict[str, Record]) -> str:
    lines = ["## Contradictions"]
    for c in story.get("contradictions", []):
        lines += ["", f"- **{md(c['kind'])}**: {md(c['note'])}"]
        quotes = [
            f"  > “{md(m['text'])}” — {md(outlet(doc))}, {md(doc_label(doc))}"
            for m in c.get("mentions", [])
            for doc in [docs.get(m["document"])]
        ]
        lines += "\n  >\n".join(quotes).split("\n")  # a bare '>' line keeps the quotes apart
    return "\n".join(lines if len(lines) > 1 else [*lines, "", "No contradictions were found."])


def _copies(story: StoryDict) -> str:
    lines = ["## Copies", ""]
    for c in copies(story):
        origin = f"{md(doc_label(c.origin))} ({md(outlet(c.origin))})" if c.origin else "a report not in this story"
        lines.append(
            f"- {md(doc_label(c.document))} ({md(outlet(c.document))}) is a {md(c.relation)} of {origin}, "
            f"score {c.score:.2f}" + (f"; {md(c.note)}" if c.note else "") + "."
        )
        added = c.document.get("adds", [])
        lines.append(f"  - Adds: {'; '.join(f'“{md(t)}”' for t in added)}" if added else "  - Adds nothing new.")
    return "\n".join(lines if len(lines) > 2 else [*lines, "Every report is independent."])


def _sources(story: StoryDict) -> str:
    lines = ["## Sources", "", "| Outlet | Reports | Independent |", "| --- | --- | --- |"]
    for row in source_rows(story):
        titles = "; ".join(md(doc_label(d)) for d in row.reports)
        lines.append(f"| {md(row.outlet)} | {len(row.reports)}: {titles} | {'yes' if row.independent else 'no'} |")
    return "\n".join(lines)


def _skipped(story: StoryDict) -> str:
    skipped = story.get("skipped", [])
    lines = ["## Skipped inputs", ""]
    lines += [f"- `{_code(s['path'])}`: {md(s['reason'])}" for s in skipped] or ["None."]
    return "\n".join(lines)


def _code(text: str) -> str:
    """Text inside a one-line code span: no backticks, no line breaks."""
    return " ".join(text.replace("`", "'").split())
