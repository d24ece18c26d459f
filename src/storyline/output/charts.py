"""Draw a figure series as an inline SVG line chart, one line per source, for report.html and the app.

The charts are hand-drawn SVG polylines because a charting library would bring JavaScript or a file
of its own. Each point is a circle whose ``<title>`` gives its value, date, source and sentence (the
hover text); where ``links`` gives the sentence a page, the circle links to it. ``figure_sources``
splits a series per source, with each source's independence, for the legend and the per-source table.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from markupsafe import Markup

from storyline.output.markdown import Record, bounds, format_number, format_unit, format_value, is_independent, outlet

Scale = Callable[[float], float]

PALETTE_SIZE = 8  # colour classes .s0 … .s7 in report.css

# Chart geometry in SVG user units.
WIDTH, HEIGHT = 720, 300
LEFT, RIGHT, TOP, BOTTOM = 70, 40, 20, 50
MAX_X_TICKS = 6
Y_TICKS = 5


def esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


@dataclass(frozen=True)
class FigureSource:
    """One source's part of a figure series: its points in date order and whether it is independent."""

    source: str
    colour: str  # the palette class, e.g. "s0"; the same in the chart, its legend and the table
    independent: bool  # at least one of its points comes from a report that is not a copy
    points: tuple[Record, ...]


def point_source(point: Record, docs: dict[str, Record]) -> str:
    return str(point.get("source") or outlet(docs.get(point["document"])))


def figure_sources(series: Record, docs: dict[str, Record]) -> list[FigureSource]:
    """The series split per source, sources in alphabetical order, each with its palette colour."""
    grouped: dict[str, list[Record]] = {}
    for p in series.get("points", []):
        grouped.setdefault(point_source(p, docs), []).append(p)
    names = sorted(grouped, key=str.casefold)
    return [
        FigureSource(
            source=name,
            colour=f"s{index % PALETTE_SIZE}",
            independent=any(is_independent(docs.get(p["document"]) or {}) for p in grouped[name]),
            points=tuple(sorted(grouped[name], key=lambda p: (p.get("date") is None, p.get("date") or ""))),
        )
        for index, name in enumerate(names)
    ]


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


def render_chart(series: Record, docs: dict[str, Record], links: Any = None) -> Markup:
    """An SVG line chart of a figure series: one polyline per source, a titled circle per point, and
    a legend naming each source and whether it is independent. ``links`` (``ReportLinks`` or the
    app's ``AppLinks``) says where a point's sentence is; without it, points link nowhere."""
    plotted = [
        _Plotted(day=d, point=p, source=point_source(p, docs))
        for p in series.get("points", [])
        if (d := day_number(p.get("date"))) is not None
    ]
    undated = len(series.get("points", [])) - len(plotted)
    note = f'<p class="note">{undated} undated figure(s) are in the table but not on the chart.</p>' if undated else ""
    if not plotted:
        return Markup(note)
    shown = {p.source for p in plotted}
    sources = [s for s in figure_sources(series, docs) if s.source in shown]
    x_of, y_of, axes = _axes(series, plotted)
    lines, marks = [], []
    for s in sources:
        mine = sorted((p for p in plotted if p.source == s.source), key=lambda p: p.day)
        coords = " ".join(f"{x_of(p.day):.1f},{y_of(p.point['value']):.1f}" for p in mine)
        lines.append(f'<polyline class="line {s.colour}" points="{coords}"/>')
        marks += [_mark(p, s.colour, x_of, y_of, series["unit"], links) for p in mine]
    legend = "".join(
        f'<li><span class="swatch {s.colour}"></span>{esc(s.source)} '
        f'<span class="muted">({"independent" if s.independent else "copies"})</span></li>'
        for s in sources
    )
    label = f"{series['measure']} over time, by source"
    return Markup(
        f'<figure><svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{esc(label)}"><title>{esc(label)}</title>'
        f"{axes}{''.join(lines)}{''.join(marks)}</svg>"
        f'<figcaption><ul class="legend">{legend}</ul>{note}</figcaption></figure>'
    )


def _mark(p: _Plotted, colour: str, x_of: Scale, y_of: Scale, unit: str, links: Any) -> str:
    x, y = x_of(p.day), y_of(p.point["value"])
    tip = f"{format_value(p.point, unit)} — {p.point.get('date')} — {p.source}\n“{p.point.get('text', '')}”"
    low, high = bounds(p.point)
    bar = (
        f'<line class="range {colour}" x1="{x:.1f}" x2="{x:.1f}" y1="{y_of(low):.1f}" y2="{y_of(high):.1f}"/>'
        if low != high
        else ""
    )
    circle = f'<circle class="{colour}" cx="{x:.1f}" cy="{y:.1f}" r="4.5"><title>{esc(tip)}</title></circle>'
    href = links.sentence(p.point) if links is not None else None
    return f'{bar}<a href="{esc(href)}">{circle}</a>' if href else f"{bar}{circle}"


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
