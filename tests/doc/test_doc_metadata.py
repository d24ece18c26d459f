from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.config import Config
from storyline.doc.metadata import (
    build,
    find_byline,
    find_dateline,
    find_full_date,
    find_title,
    normalize_date,
    read_metadata,
)
from storyline.records import Document, Hint

MakeDoc = Callable[..., Document]

WIRE = (
    "KYIV, Sept 12 (Meridian Wire) - Crews reopened the northern bridge on Monday, officials said.\n\n"
    "Traffic returned by the evening.\n\n"
    "(Reporting by Jane Roe and Sam Poe in Kyiv; Editing by Ann Lee)"
)

PAGE = """<html><head><meta property="article:published_time" content="2022-09-09T18:20:00+00:00">
</head><body><p>Crews reopened the bridge.</p></body></html>"""


def doc_with(make_doc: MakeDoc, text: str, *hints: Hint, html: str | None = None) -> Document:
    doc = make_doc(text)
    return replace(doc, hints=hints, html=html, published=None, published_from=None)


def test_agency_dateline_gives_dateline_and_outlet(make_doc: MakeDoc) -> None:
    out = read_metadata(doc_with(make_doc, WIRE))
    assert out.dateline == "KYIV, Sept 12 (Meridian Wire) -"
    assert out.source == "Meridian Wire"


def test_dateline_with_country_and_long_dash() -> None:
    found = find_dateline("KHARKIV, Ukraine (Meridian Wire) — Troops advanced.")
    assert found is not None
    assert (found.text, found.agency, found.month_day) == (
        "KHARKIV, Ukraine (Meridian Wire) —",
        "Meridian Wire",
        None,
    )


def test_ordinary_first_sentence_is_not_a_dateline() -> None:
    assert find_dateline("NATO - the alliance - met on Monday.") is None
    assert find_dateline("The bridge reopened (finally) - officials said.") is None


def test_source_hint_beats_the_dateline_agency(make_doc: MakeDoc) -> None:
    out = read_metadata(doc_with(make_doc, WIRE, Hint("source", "Plainview Herald", "header")))
    assert out.source == "Plainview Herald"
    assert out.dateline == "KYIV, Sept 12 (Meridian Wire) -"


def test_dateline_without_year_gives_no_date(make_doc: MakeDoc) -> None:
    out = read_metadata(doc_with(make_doc, WIRE))
    assert (out.published, out.published_from, out.published_confidence) == (None, None, None)


def test_dateline_without_year_uses_a_year_from_another_hint(make_doc: MakeDoc) -> None:
    url = Hint("url", "https://meridian.example/2022/bridge", "record")
    out = read_metadata(doc_with(make_doc, WIRE, url))
    assert (out.published, out.published_from, out.published_confidence) == ("2022-09-12", "text", 0.6)


def test_full_date_in_dateline_is_read(make_doc: MakeDoc) -> None:
    text = "KYIV, September 12, 2022 (Meridian Wire) - Crews reopened the bridge.\n\nMore text."
    out = read_metadata(doc_with(make_doc, text))
    assert (out.published, out.published_from) == ("2022-09-12", "text")


def test_date_line_at_the_top_is_read(make_doc: MakeDoc) -> None:
    text = "Published 12 Sept 2022, 10:31 GMT\n\nCrews reopened the bridge on Monday."
    assert read_metadata(doc_with(make_doc, text)).published == "2022-09-12"


def test_day_implied_by_dates_and_weekdays_is_recovered_with_low_confidence(make_doc: MakeDoc) -> None:
    text = "Floodwaters reached the town on September 8, 2022.\n\nSchools stay closed today, Tuesday, officials said."
    out = read_metadata(doc_with(make_doc, text))
    assert (out.published, out.published_from, out.published_confidence) == ("2022-09-13", "text", 0.4)


def test_window_without_one_day_is_logged_and_not_published(
    make_doc: MakeDoc, caplog: pytest.LogCaptureFixture
) -> None:
    text = "Floodwaters reached the town on September 8, 2022.\n\nOn Tuesday, crews began clearing the roads."
    with caplog.at_level(logging.INFO):
        out = read_metadata(doc_with(make_doc, text))
    assert (out.published, out.published_from, out.published_confidence) == (None, None, None)
    assert "test.txt: no publication day; the text places it from 2022-09-13 to 2022-09-14" in caplog.text


def test_date_inside_a_sentence_is_not_a_publication_date(make_doc: MakeDoc) -> None:
    text = "Crews said on September 3, 2022, that the bridge would reopen.\n\nMore text."
    assert read_metadata(doc_with(make_doc, text)).published is None


@pytest.mark.parametrize(
    ("origin", "published_from", "confidence"),
    [
        ("manifest", "manifest", 1.0),
        ("header", "header", 0.9),
        ("record", "header", 0.9),
        ("html", "html", 0.8),
    ],
)
def test_hint_confidence_by_origin(make_doc: MakeDoc, origin: str, published_from: str, confidence: float) -> None:
    out = read_metadata(doc_with(make_doc, "Text.", Hint("published", "2022-09-11", origin)))  # type: ignore[arg-type]
    assert (out.published, out.published_from, out.published_confidence) == (
        "2022-09-11",
        published_from,
        confidence,
    )


def test_manifest_beats_header_beats_html_beats_text(make_doc: MakeDoc) -> None:
    text = "KYIV, September 12, 2022 (Meridian Wire) - Crews reopened the bridge."
    hints = [
        Hint("published", "2022-09-10", "html"),
        Hint("published", "2022-09-11", "header"),
        Hint("published", "2022-09-09", "manifest"),
    ]
    assert read_metadata(doc_with(make_doc, text, *hints)).published == "2022-09-09"
    assert read_metadata(doc_with(make_doc, text, *hints[:2])).published == "2022-09-11"
    assert read_metadata(doc_with(make_doc, text, hints[0])).published == "2022-09-10"
    assert read_metadata(doc_with(make_doc, text)).published == "2022-09-12"


def test_html_date_comes_from_htmldate(make_doc: MakeDoc) -> None:
    out = read_metadata(doc_with(make_doc, "Crews reopened the bridge.", html=PAGE))
    assert (out.published, out.published_from, out.published_confidence) == ("2022-09-09", "html", 0.8)


def test_unparseable_hint_is_ignored_with_a_warning_and_the_next_is_tried(
    make_doc: MakeDoc, caplog: pytest.LogCaptureFixture
) -> None:
    hints = (Hint("published", "last Tuesday", "manifest"), Hint("published", "Sept 11, 2022", "header"))
    with caplog.at_level(logging.WARNING):
        out = read_metadata(doc_with(make_doc, "Text.", *hints))
    assert (out.published, out.published_from) == ("2022-09-11", "header")
    assert "E012: test.txt: published date 'last Tuesday' is not a date" in caplog.text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-09-12", "2022-09-12"),
        ("2022-09-12T10:31:00+00:00", "2022-09-12"),
        ("September 12, 2022", "2022-09-12"),
        ("12 Sept 2022", "2022-09-12"),
        ("Mon, 12 Sep 2022 10:31:00 GMT", "2022-09-12"),
        ("13.09.2022", "2022-09-13"),
        ("September 2022", None),
        ("yesterday", None),
        ("2022-02-30", None),
        ("soon", None),
    ],
)
def test_normalize_date(value: str, expected: str | None) -> None:
    assert normalize_date(value) == expected


@given(st.dates())
def test_written_dates_round_trip(day: object) -> None:
    import datetime as dt

    assert isinstance(day, dt.date)
    if day.year < 1900 or day.year > 2099:
        return
    iso = day.isoformat()
    assert find_full_date(f"on {day:%B} {day.day}, {day.year}") == iso
    assert find_full_date(f"{day.day} {day:%b} {day.year} at noon") == iso
    assert find_full_date(f"dated {iso}.") == iso


@given(st.text(alphabet=st.characters(blacklist_categories=("Nd",)), max_size=80))
def test_text_without_digits_has_no_full_date(text: str) -> None:
    assert find_full_date(text) is None


def test_byline_from_a_by_line() -> None:
    assert find_byline("Bridge reopens\nBy Jane Roe, Meridian Wire\n\nCrews reopened it.") == "Jane Roe"
    assert find_byline("By Monday, troops had entered the town.\n\nMore.") is None


def test_byline_from_a_reporting_credit() -> None:
    assert find_byline(WIRE) == "Jane Roe and Sam Poe"


def test_byline_hint_wins_over_the_text(make_doc: MakeDoc) -> None:
    out = read_metadata(doc_with(make_doc, WIRE, Hint("byline", "Ann Lee", "html")))
    assert out.byline == "Ann Lee"
    assert out.text == WIRE  # the credit line is read, not removed


def test_title_from_hint_else_from_a_short_first_line(make_doc: MakeDoc) -> None:
    text = "Bridge reopens after repairs\n\nCrews reopened the northern bridge on Monday."
    assert read_metadata(doc_with(make_doc, text)).title == "Bridge reopens after repairs"
    hinted = read_metadata(doc_with(make_doc, text, Hint("title", "Given title", "header")))
    assert hinted.title == "Given title"


def test_first_line_that_is_a_sentence_is_not_a_title() -> None:
    assert find_title("Crews reopened the bridge on Monday.\n\nMore text.") is None
    assert find_title(WIRE) is None
    assert find_title("Only one line") is None


def test_stage_is_built_with_its_contract(make_doc: MakeDoc) -> None:
    stage = build(Config())
    assert (stage.name, stage.requires, stage.provides) == ("metadata", ("clean",), ("metadata",))
    assert stage(doc_with(make_doc, WIRE)).source == "Meridian Wire"


def test_byline_is_read_from_a_credit_line_the_clean_stage_removed(make_doc: MakeDoc) -> None:
    body = "Crews reopened the northern bridge on Monday, officials said."
    doc = replace(doc_with(make_doc, body), boilerplate_removed=("(Reporting by Jane Roe; Editing by Ann Lee)",))
    assert read_metadata(doc).byline == "Jane Roe"
