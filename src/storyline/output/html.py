"""Render a story.json dict as one self-contained, offline report.html: inline CSS and SVG, no scripts.

Every value from the story goes through ``html.escape``, and only http(s) URLs become links; a
Content-Security-Policy forbids anything but the inline style and data images. The charts are
hand-drawn SVG polylines because a charting library would bring JavaScript or a file of its own.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from importlib.resources import files

from storyline import SCHEMA_VERSION, __version__
from storyline.output.markdown import (
    Record,
    StoryDict,
    bounds,
    by_date,
    copies,
    doc_label,
    documents_by_id,
    format_number,
    format_unit,
    format_value,
    outlet,
    overview,
    source_rows,
    sourcing,
    status_note,
    timeline_events,
)
from storyline.output.sections import ReportLinks, render_section

Scale = Callable[[float], float]

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
PALETTE_SIZE = 8  # colour classes .s0 … .s7 in report.css

# Chart geometry in SVG user units.
WIDTH, HEIGHT = 720, 300
LEFT, RIGHT, TOP, BOTTOM = 70, 40, 20, 50
MAX_X_TICKS = 6
Y_TICKS = 5

SECTIONS = (
    ("what-we-know", "What we know"),
    ("timeline", "Timeline"),
    ("events", "All events"),
    ("figures", "Figures"),
    ("contradictions", "Contradictions"),
    ("copies", "Copies"),
    ("sources", "Sources"),
    ("skipped", "Skipped inputs"),
)


def esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def safe_url(url: object) -> str | None:
    """The URL escaped for an attribute, or None unless it is an http(s) URL."""
    text = str(url or "").strip()
    return esc(text) if text.lower().startswith(("http://", "https://")) else None


def link(text: str, url: object) -> str:
    href = safe_url(url)
    return f'<a href="{href}" rel="noopener noreferrer">{esc(text)}</a>' if href else esc(text)


def stylesheet() -> str:
    return files("storyline.output").joinpath("templates", "report.css").read_text(encoding="utf-8")


def render_html(story: StoryDict) -> str:
    """The whole report.html for a story.json dict."""
    docs = documents_by_id(story)
    title = story.get("story", {}).get("title") or "Untitled story"
    body = "\n".join(
        [
            _what_we_know(story, docs),
            _timeline(story),
            _events(story, docs),
            _figures(story, docs),
            _contradictions(story, docs),
            _copies(story),
            _sources(story),
            _skipped(story),
        ]
    )
    nav = "".join(f'<li><a href="#{key}">{label}</a></li>' for key, label in SECTIONS)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="storyline {esc(__version__)}">
<title>{esc(title)}</title>
<style>
{stylesheet()}</style>
</head>
<body>
<header>
<p class="kicker">Developing story</p>
<h1>{esc(title)}</h1>
<p class="dek">A sourced, dated timeline cross-checked across {len(docs)} reports.</p>
<nav aria-label="Sections"><ul>{nav}</ul></nav>
</header>
<main>
{body}
</main>
<footer class="colophon">Made by storyline {esc(__version__)} · story.json schema {esc(SCHEMA_VERSION)} ·
story id <code>{esc(story.get("story", {}).get("id"))}</code></footer>
</body>
</html>
"""


def _section(key: str, content: str) -> str:
    label = dict(SECTIONS)[key]
    return f'<section id="{key}">\n<h2>{label}</h2>\n{content}\n</section>'


def _what_we_know(story: StoryDict, docs: dict[str, Record]) -> str:
    o = overview(story)
    facts = "".join(
        f'<div class="fact"><strong class="num">{n}</strong><span>{label}</span></div>'
        for n, label in (
            (o.reports, "reports"),
            (o.outlets, "outlets"),
            (o.independent_reports, "independent reports"),
            (len(o.contested), "contested events"),
        )
    )
    items = []
    if o.published:
        items.append(f"Reports published from {_time(o.published[0])} to {_time(o.published[1])}.")
    if o.happened:
        items.append(f"Events dated from {_time(o.happened[0])} to {_time(o.happened[1])}.")
    for series, p in o.latest:
        source = p.get("source") or outlet(docs.get(p["document"]))
        items.append(
            f"Latest {esc(series['measure'])}: <strong>{esc(format_value(p, series['unit']))}</strong> "
            f"({_time(p.get('date'))}, {esc(source)})."
        )
    for event in o.contested:
        items.append(f'<span class="flag">⚠ Contested</span> {esc(event["summary"])} ({_time(event.get("date"))}).')
    known = "".join(f"<li>{item}</li>" for item in items)
    gist = _gist(story, docs)
    return _section("what-we-know", f'{gist}<div class="facts">{facts}</div>\n<ul class="known">{known}</ul>')


def _gist(story: StoryDict, docs: dict[str, Record]) -> str:
    """The summary sentences, each quoted with its date, status, sources and report."""
    items = []
    for s in story.get("summary", []):
        notes = [esc(n) for n in (status_note(s), f"latest {s['measure']}" if s.get("measure") else "") if n]
        flag = '<span class="flag">⚠ Contested</span>' if s.get("contested") else ""
        meta = " · ".join([_time(s.get("date")), *notes, esc(sourcing(s)), _cite(docs.get(s["document"]))])
        items.append(f'<li>{esc(s["text"])}{flag}<span class="meta">{meta}</span></li>')
    return f'<ol class="gist">{"".join(items)}</ol>\n' if items else ""


def _time(value: object) -> str:
    return f'<time datetime="{esc(value)}">{esc(value)}</time>' if value else "<span>undated</span>"


def _badge(mention: Record, docs: dict[str, Record]) -> str:
    speaker = f" · {esc(mention['attributed_to'])}" if mention.get("attributed_to") else ""
    detail = f" ({esc(mention['status_detail'])})" if mention.get("status_detail") else ""
    status = str(mention.get("status", "reported"))
    return (
        f'<li class="badge status-{esc(status)}" title="{esc(mention.get("text"))}">'
        f"<b>{esc(outlet(docs.get(mention['document'])))}</b>{speaker}: {esc(status)}{detail}</li>"
    )


def _event(event: Record, docs: dict[str, Record]) -> str:
    contested = event.get("contested")
    flag = '<span class="flag">⚠ Contested</span>' if contested else ""
    sources = ", ".join(esc(s) for s in event.get("sources", [])) or "no named outlet"
    mentions = event.get("mentions", [])
    quotes = "".join(
        f"<blockquote>“{esc(m['text'])}”<footer>{_cite(docs.get(m['document']))}</footer></blockquote>"
        for m in mentions
    )
    return (
        f'<li class="event{" contested" if contested else ""}" id="e-{esc(event["id"])}">'
        f"{_time(event.get('date'))}<div>"
        f'<p class="summary">{esc(event["summary"])}{flag}</p>'
        f'<p class="meta">{sources} · {esc(event.get("independent_sources", 0))} independent</p>'
        f'<ul class="badges">{"".join(_badge(m, docs) for m in mentions)}</ul>'
        f"<details><summary>What each report says</summary>{quotes}</details></div></li>"
    )


def _key_date(entry: Record) -> str:
    sentences = entry.get("sentences") or [{"text": entry["summary"], "event": entry["event"]}]
    lines = "".join(
        f'<p class="summary">{esc(s["text"])}'
        + (f' <span class="note">({esc(status_note(s))})</span>' if status_note(s) else "")
        + f' <a href="#e-{esc(s.get("event", entry["event"]))}">event</a></p>'
        for s in sentences
    )
    meta = f'<p class="meta">{esc(sourcing(entry))}</p>'
    return f'<li class="event key-date">{_time(entry.get("date"))}<div>{lines}{meta}</div></li>'


def _timeline(story: StoryDict) -> str:
    entries = story.get("timeline", [])
    if not entries:
        return _section("timeline", '<p class="muted">No key dates were found.</p>')
    return _section("timeline", f'<ol class="timeline">{"".join(_key_date(t) for t in entries)}</ol>')


def _events(story: StoryDict, docs: dict[str, Record]) -> str:
    events = timeline_events(story)
    if not events:
        return _section("events", '<p class="muted">No events were found.</p>')
    return _section("events", f'<ol class="timeline">{"".join(_event(e, docs) for e in events)}</ol>')


def _cite(doc: Record | None) -> str:
    """``Outlet, <a>title</a>, 2025-04-08`` for a quoted sentence."""
    parts = [esc(outlet(doc)), link(doc_label(doc), (doc or {}).get("url"))]
    if doc and doc.get("published"):
        parts.append(_time(doc["published"]))
    return ", ".join(parts)


def _figures(story: StoryDict, docs: dict[str, Record]) -> str:
    series_list = story.get("figures", [])
    if not series_list:
        return _section("figures", '<p class="muted">No figures were found.</p>')
    return _section("figures", "\n".join(_series(s, docs) for s in series_list))


def _series(series: Record, docs: dict[str, Record]) -> str:
    unit = series["unit"]
    rows = "".join(
        f'<tr><td>{_time(p.get("date"))}</td><td class="num">{esc(format_value(p, unit))}</td>'
        f"<td>{esc(p.get('source') or outlet(docs.get(p['document'])))}</td>"
        f"<td>{esc(p.get('attributed_to') or '—')}</td></tr>"
        for p in by_date(series.get("points", []))
    )
    table = (
        '<table><thead><tr><th>Date</th><th class="num">Value</th><th>Source</th><th>Attributed to</th></tr>'
        f"</thead><tbody>{rows}</tbody></table>"
    )
    return (
        f'<h3>{esc(series["measure"])} <span class="muted">({esc(unit)})</span></h3>\n'
        f"{render_chart(series, docs)}\n{table}"
    )


@dataclass(frozen=True)
class _Plotted:
    day: int  # proleptic ordinal of the (first day of the) date
    point: Record
    source: str


def day_number(iso: object) -> int | None:
    """The ordinal of "YYYY-MM-DD", "YYYY-MM" (its first day) or "YYYY" (1 January); None otherwise."""
    text = str(iso or "")
    padded = {4: f"{text}-01-01", 7: f"{text}-01", 10: text}.get(len(text))
    if padded is None or not (padded[:4].isdigit() and padded[5:7].isdigit() and padded[8:].isdigit()):
        return None
    year, month, day = int(padded[:4]), int(padded[5:7]), int(padded[8:])
    if not (1 <= month <= 12 and 1 <= day <= 31 and year >= 1):
        return None
    return date(year, month, min(day, _month_days(year, month))).toordinal()


def _month_days(year: int, month: int) -> int:
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - date(year, month, 1)).days


def nice_ticks(low: float, high: float, count: int = Y_TICKS) -> list[float]:
    """Round tick values (1, 2, 2.5 or 5 times a power of ten) covering low..high."""
    flat = high - low <= 1e-9 * max(abs(low), abs(high), 1.0)  # one value, give or take float noise
    spread = max(abs(low), abs(high)) if flat else high - low
    spread = spread if spread > 1e-9 else 1.0  # all zero: a unit scale
    raw = spread / max(count - 1, 1)
    exponent = math.floor(math.log10(raw))
    step = next(m * 10.0**exponent for m in (1, 2, 2.5, 5, 10) if m * 10.0**exponent >= raw)
    first = math.floor(low / step)
    first -= first * step > low  # low / step can underflow to zero for a tiny negative low
    last = max(math.ceil(high / step), first + 1)
    digits = max(0, 2 - exponent)  # enough for a 2.5 step; drops float noise like 0.30000000000000004
    return [round(i * step, digits) for i in range(first, last + 1)]


def render_chart(series: Record, docs: dict[str, Record]) -> str:
    """An SVG line chart of a figure series: one polyline per source, a titled circle per point."""
    plotted = [
        _Plotted(day=d, point=p, source=p.get("source") or outlet(docs.get(p["document"])))
        for p in series.get("points", [])
        if (d := day_number(p.get("date"))) is not None
    ]
    undated = len(series.get("points", [])) - len(plotted)
    note = f'<p class="note">{undated} undated figure(s) are in the table but not on the chart.</p>' if undated else ""
    if not plotted:
        return note
    sources = sorted({p.source for p in plotted}, key=str.casefold)
    x_of, y_of, axes = _axes(series, plotted)
    lines, marks = [], []
    for index, source in enumerate(sources):
        colour = f"s{index % PALETTE_SIZE}"
        mine = sorted((p for p in plotted if p.source == source), key=lambda p: p.day)
        coords = " ".join(f"{x_of(p.day):.1f},{y_of(p.point['value']):.1f}" for p in mine)
        lines.append(f'<polyline class="line {colour}" points="{coords}"/>')
        marks += [_mark(p, colour, x_of, y_of, series["unit"]) for p in mine]
    legend = "".join(
        f'<li><span class="swatch s{i % PALETTE_SIZE}"></span>{esc(s)}</li>' for i, s in enumerate(sources)
    )
    label = f"{series['measure']} over time, by source"
    return (
        f'<figure><svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{esc(label)}"><title>{esc(label)}</title>'
        f"{axes}{''.join(lines)}{''.join(marks)}</svg>"
        f'<figcaption><ul class="legend">{legend}</ul>{note}</figcaption></figure>'
    )


def _mark(p: _Plotted, colour: str, x_of: Scale, y_of: Scale, unit: str) -> str:
    x, y = x_of(p.day), y_of(p.point["value"])
    tip = f"{format_value(p.point, unit)} — {p.point.get('date')} — {p.source}\n“{p.point.get('text', '')}”"
    low, high = bounds(p.point)
    bar = (
        f'<line class="range {colour}" x1="{x:.1f}" x2="{x:.1f}" y1="{y_of(low):.1f}" y2="{y_of(high):.1f}"/>'
        if low != high
        else ""
    )
    return f'{bar}<circle class="{colour}" cx="{x:.1f}" cy="{y:.1f}" r="4.5"><title>{esc(tip)}</title></circle>'


def _axes(series: Record, plotted: list[_Plotted]) -> tuple[Scale, Scale, str]:
    """The x (day) and y (value) scales and the SVG of the axes, grid lines and tick labels."""
    first, last = min(p.day for p in plotted), max(p.day for p in plotted)
    if first == last:
        first, last = first - 1, last + 1
    values = [v for p in plotted for v in bounds(p.point)]
    y_ticks = nice_ticks(min(0.0, *values), max(values))
    bottom, top = y_ticks[0], y_ticks[-1]
    inner_w, inner_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x_of(day: float) -> float:
        return LEFT + (day - first) / (last - first) * inner_w

    def y_of(value: float) -> float:
        return TOP + (top - value) / (top - bottom) * inner_h

    parts = [
        f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y_of(t):.1f}" y2="{y_of(t):.1f}"/>'
        f'<text x="{LEFT - 8}" y="{y_of(t) + 4:.1f}" text-anchor="end">{esc(format_number(t))}</text>'
        for t in y_ticks
    ]
    base = HEIGHT - BOTTOM
    parts.append(f'<line class="axis" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{base}" y2="{base}"/>')
    parts.append(f'<line class="axis" x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{base}"/>')
    for day, text in _x_ticks(plotted):
        x = x_of(day)
        parts.append(
            f'<line class="axis" x1="{x:.1f}" x2="{x:.1f}" y1="{base}" y2="{base + 5}"/>'
            f'<text x="{x:.1f}" y="{base + 19}" text-anchor="middle">{esc(text)}</text>'
        )
    unit = format_unit(series["unit"]).strip() or series["measure"]
    parts.append(
        f'<text class="unit" transform="translate(16 {TOP + inner_h / 2:.1f}) rotate(-90)" '
        f'text-anchor="middle">{esc(unit)}</text>'
    )
    return x_of, y_of, "".join(parts)


def _x_ticks(plotted: list[_Plotted]) -> list[tuple[int, str]]:
    """The dates that carry points, thinned evenly to at most MAX_X_TICKS labels."""
    dates = sorted({(p.day, str(p.point["date"])) for p in plotted})
    unique = list({day: text for day, text in dates}.items())
    if len(unique) <= MAX_X_TICKS:
        return unique
    step = (len(unique) - 1) / (MAX_X_TICKS - 1)
    return [unique[round(i * step)] for i in range(MAX_X_TICKS)]


def _contradictions(story: StoryDict, docs: dict[str, Record]) -> str:
    content = render_section("contradictions", story.get("contradictions", []), docs, ReportLinks())
    return _section("contradictions", content.strip())


def _copies(story: StoryDict) -> str:
    return _section("copies", render_section("copies", copies(story), ReportLinks()).strip())


def _sources(story: StoryDict) -> str:
    return _section("sources", render_section("sources", source_rows(story), ReportLinks()).strip())


def _skipped(story: StoryDict) -> str:
    skipped = story.get("skipped", [])
    if not skipped:
        return _section("skipped", '<p class="muted">None.</p>')
    items = "".join(f"<li><code>{esc(s['path'])}</code>: {esc(s['reason'])}</li>" for s in skipped)
    return _section("skipped", f"<ul>{items}</ul>")
