"""Event filters from GET parameters, on hand-built events (no model)."""

from __future__ import annotations

import pytest

from storyline.web.errors import WebError
from storyline.web.filters import EventFilter, date_range, filter_events, parse_filter

STORY = {
    "documents": [{"id": "a", "source": "Wire"}, {"id": "b", "source": "Herald"}],
    "events": [
        {
            "id": "1",
            "date": "2022-09",
            "summary": "Troops advance",
            "contested": False,
            "mentions": [{"document": "a", "sentence": 0, "text": "Troops advance", "status": "reported"}],
        },
        {
            "id": "2",
            "date": "2022-09-10",
            "summary": "Izium retaken",
            "contested": True,
            "mentions": [
                {"document": "b", "sentence": 1, "text": "Izium retaken", "status": "claimed", "attributed_to": "Kyiv"}
            ],
        },
        {"id": "3", "date": None, "summary": "Undated", "contested": False, "mentions": []},
    ],
    "timeline": [{"event": "2"}, {"event": "1"}],
}


def _ids(f: EventFilter) -> list[str]:
    return [e["id"] for e in filter_events(STORY, f)]


def test_no_filter_keeps_every_event_in_timeline_order() -> None:
    assert _ids(parse_filter()) == ["2", "1", "3"]
    assert not parse_filter(source="", q="  ").active


def test_source_status_contested_and_text() -> None:
    assert _ids(parse_filter(source="Wire")) == ["1"]
    assert _ids(parse_filter(status="claimed")) == ["2"]
    assert _ids(parse_filter(contested="yes")) == ["2"]
    assert _ids(parse_filter(contested="no")) == ["1", "3"]
    assert _ids(parse_filter(q="IZIUM")) == ["2"]
    assert _ids(parse_filter(q="kyiv")) == ["2"]  # the speaker counts


def test_a_month_overlaps_a_day_range_and_undated_events_drop_out() -> None:
    assert _ids(parse_filter(start="2022-09-11")) == ["1"]
    assert _ids(parse_filter(start="2022-09-10", end="2022-09-10")) == ["2", "1"]
    assert _ids(parse_filter(end="2022-08-31")) == []


def test_date_range_covers_partial_dates() -> None:
    assert date_range("2022") == ("2022-01-01", "2022-12-31")
    assert date_range("2022-09") == ("2022-09-01", "2022-09-31")
    assert date_range(None) is None


@pytest.mark.parametrize(
    "params", [{"status": "rumoured"}, {"contested": "maybe"}, {"start": "10/09/2022"}, {"end": "2022-13-01"}]
)
def test_a_bad_value_is_a_422_naming_the_field(params: dict[str, str]) -> None:
    with pytest.raises(WebError) as caught:
        parse_filter(**params)
    assert caught.value.status == 422
    assert caught.value.code == "E131"
    assert f"filter {next(iter(params))}=" in caught.value.message


def test_params_give_the_filter_back() -> None:
    f = parse_filter(source="Wire", contested="no", start="2022-09-01")
    assert f.params() == {"source": "Wire", "contested": "no", "start": "2022-09-01"}
    assert parse_filter(**f.params()) == f
