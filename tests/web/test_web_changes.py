"""``web.changes``: what an add changed, as the API answers it; here, the figures whose latest value moved."""

from __future__ import annotations

from typing import Any

from storyline.web.changes import figures_changed


def _point(document: str, value: float, date: str | None, qualifier: str | None = None) -> dict[str, Any]:
    return {"document": document, "sentence": 2, "value": value, "date": date, "qualifier": qualifier, "text": "t"}


def _story(*series: dict[str, Any]) -> dict[str, Any]:
    docs = [{"id": d, "source": f"Outlet {d}"} for d in ("a", "b", "c")]
    return {"story": {"id": "s"}, "documents": docs, "figures": list(series)}


def _series(measure: str, *points: dict[str, Any]) -> dict[str, Any]:
    return {"measure": measure, "unit": "km2", "points": list(points)}


def test_a_later_figure_changes_the_latest_value_from_the_old_to_the_new() -> None:
    old = _point("a", 3000, "2022-09-11", "about")
    new = _point("b", 6000, "2022-09-12", "more than")
    [change] = figures_changed(_story(_series("area", old)), _story(_series("area", old, new)))
    assert (change.measure, change.unit) == ("area", "km2")
    assert change.before is not None
    assert (change.before.value, change.before.source, change.before.date) == (3000, "Outlet a", "2022-09-11")
    assert (change.after.value, change.after.qualifier, change.after.source) == (6000, "more than", "Outlet b")
    assert change.after.url == "/stories/s/documents/b#s2"


def test_an_earlier_figure_leaves_the_latest_value_as_it_was() -> None:
    latest = _point("a", 3000, "2022-09-11")
    older = _point("c", 1000, "2022-09-01")
    assert figures_changed(_story(_series("area", latest)), _story(_series("area", older, latest))) == []


def test_a_new_series_is_a_change_from_nothing() -> None:
    [change] = figures_changed(_story(), _story(_series("people displaced", _point("c", 40, "2022-09-10"))))
    assert change.before is None and change.after.value == 40
