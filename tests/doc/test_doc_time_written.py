"""When each part of a report was written: update lines and live entries' stamps (``doc/time_written``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.doc.time import tag_document
from storyline.doc.time_written import read_written, updated_date, written_on
from storyline.records import Document

MakeDoc = Callable[..., Document]


def _days(text: str, published: str) -> list[tuple[str, str, str]]:
    return [(m.kind, text[m.start : m.end].strip(), m.date) for m in read_written(text, published)]


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Last updated at 09:12 GMT, Tuesday, 8 November 2031", "2031-11-08"),
        ("7 November 2031 Last updated at 21:40 GMT", "2031-11-07"),
        ("Updated: 14 March 2031 18:05", "2031-03-14"),
        ("(Updated: 1:38 a.m. Saturday, Tarsa; 6:38 p.m. Friday ET):", "2031-03-15"),  # the first weekday
        ("updated: Fri Mar 14 2031 07:15:00", "2031-03-14"),
        ("Last updated at 09:12 GMT", "2031-03-13"),  # a clock alone: the publication day
    ],
)
def test_update_line_names_the_day_it_was_written(line: str, day: str) -> None:
    text = f"{line} The river rose above the old mill.\nCrews worked through the night."
    marks = read_written(text, "2031-03-13")
    assert [(m.kind, m.date) for m in marks] == [("update", day)]
    assert text[marks[0].end :].lstrip().startswith("The river rose")


@pytest.mark.parametrize(
    "line",
    [
        "The figures were updated on Monday to show 40 more homes.",  # a happening, not a stamp
        "UPDATE 2-Harbour reopens after storm",  # a wire's headline marker: no time
        "The board updated its forecast twice.",
    ],
)
def test_words_about_updating_are_no_stamp(line: str) -> None:
    assert read_written(f"{line}\nThe quay was closed.", "2031-03-13") == ()


def test_an_update_before_the_publication_day_is_no_reference() -> None:
    assert read_written("Last updated at 09:12 GMT, 2 March 2031 The quay was closed.", "2031-03-13") == ()


def test_items_each_stamped_with_their_own_date_keep_their_days_before_publication() -> None:
    text = (
        "updated: Mon Mar 03 2031 10:00:00 Ferries stopped on Sunday.\n"
        "updated: Tue Mar 11 2031 09:30:00 Ferries ran again on Monday.\n"
    )
    assert [d for _, _, d in _days(text, "2031-03-13")] == ["2031-03-03", "2031-03-11"]


LIVE = (
    "Welcome to our live coverage of the storm.\n"
    "2330: The sea wall is holding, the mayor says.\n"
    "2350 GMT: Waves are breaking over the promenade.\n"
    "0010: Police closed the coast road today.\n"
    "0045: The harbour master says the worst is over.\n"
)


def test_live_entries_roll_over_to_the_next_day_after_midnight() -> None:
    assert [d for _, _, d in _days(LIVE, "2031-03-13")] == ["2031-03-13", "2031-03-13", "2031-03-14", "2031-03-14"]


def test_live_entries_newest_first_roll_over_the_same_way() -> None:
    lines = LIVE.splitlines()
    text = "\n".join([lines[0], *reversed(lines[1:])])
    assert [d for _, _, d in _days(text, "2031-03-13")] == ["2031-03-14", "2031-03-14", "2031-03-13", "2031-03-13"]


def test_bracketed_entry_stamps_with_weekdays_take_that_weekday_nearest_publication() -> None:
    text = (
        "(9:40 p.m. Friday ET, 3:40 a.m. Saturday in Tarsa) The ceasefire broke down, officials said.\n"
        "(8:10 a.m. Saturday ET, 2:10 p.m. in Tarsa) Shelling resumed on Saturday morning.\n"
        "(9:05 a.m. Saturday ET, 3:05 p.m. in Tarsa) The port was closed.\n"
    )
    assert [d for _, _, d in _days(text, "2031-03-13")] == ["2031-03-14", "2031-03-15", "2031-03-15"]


@pytest.mark.parametrize(
    "text",
    [
        "1918: The great pandemic.\n1957: Asian flu.\n1968: Hong Kong flu.\n",  # 1968 is no clock
        "2001: The first plan.\n2005: The second plan.\n2009: The third plan.\n",  # years, nothing says live
        "1805: Only two stamps.\n1810: Not a page of entries.\n",
    ],
)
def test_lists_of_years_and_lone_stamps_are_no_live_page(text: str) -> None:
    assert read_written(text, "2031-03-13") == ()


def test_updated_is_the_latest_update_after_publication() -> None:
    text = "Last updated at 09:12 GMT, 15 March 2031 The quay reopened."
    marks = read_written(text, "2031-03-13")
    assert updated_date(marks, "2031-03-13") == "2031-03-15"
    assert (
        updated_date(read_written("Last updated at 09:12 GMT The quay reopened.", "2031-03-13"), "2031-03-13") is None
    )


def test_a_sentence_takes_the_mark_it_starts_under() -> None:
    marks = read_written(LIVE, "2031-03-13")
    at = LIVE.index("Police closed")
    assert written_on(marks, 0, 40, "2031-03-13") == "2031-03-13"  # above every stamp: publication day
    assert written_on(marks, at - len("0010: "), at + 30, "2031-03-13") == "2031-03-14"


def test_an_items_headline_closed_by_its_stamp_takes_the_items_day() -> None:
    text = (
        "Ferries resume updated: Tue Mar 11 2031 09:30:00\nFerries ran again on Monday.\n"
        "Storm closes the port updated: Sat Mar 08 2031 18:00:00\nThe port closed on Saturday.\n"
    )
    marks = read_written(text, "2031-03-13")
    assert written_on(marks, 0, text.index("\n"), "2031-03-13") == "2031-03-11"


def test_relative_dates_in_an_updated_report_resolve_against_the_update(make_doc: MakeDoc) -> None:
    text = (
        "Last updated at 06:10 GMT, Wednesday, 19 March 2031\n\n"
        "The dam operator opened the spillway on Tuesday. Engineers inspected the gates yesterday."
    )
    doc = tag_document(make_doc(text, published="2031-03-17"))
    assert doc.published == "2031-03-17" and doc.updated == "2031-03-19"
    dates = {s.text: s.event_date for s in doc.sentences}
    assert dates["The dam operator opened the spillway on Tuesday."] == "2031-03-18"
    assert dates["Engineers inspected the gates yesterday."] == "2031-03-18"


def test_live_entry_relative_dates_and_fallback_take_the_entry_day(make_doc: MakeDoc) -> None:
    doc = tag_document(make_doc(LIVE, published="2031-03-13"))
    by_text = {s.text.strip(): s for s in doc.sentences}
    police = next(s for t, s in by_text.items() if "Police closed" in t)
    assert (police.event_date, police.event_date_fallback) == ("2031-03-14", False)
    worst = next(s for t, s in by_text.items() if "worst is over" in t)
    assert (worst.event_date, worst.event_date_fallback) == ("2031-03-14", True)
    assert doc.updated is None  # live entries are no update of the publication


def test_the_stamps_date_is_not_the_event_date(make_doc: MakeDoc) -> None:
    text = "19 March 2031 Last updated at 06:10 GMT Help The ferry sank in the estuary."
    doc = tag_document(make_doc(text, published="2031-03-17"))
    assert [(s.event_date, s.event_date_fallback) for s in doc.sentences] == [("2031-03-19", True)]


_CLOCKS = st.tuples(st.integers(0, 23), st.integers(0, 59))


@given(st.lists(_CLOCKS, min_size=3, max_size=8), st.sampled_from(["{h:02d}{m:02d}", "{h:02d}:{m:02d} GMT"]))
def test_every_live_stamp_is_read_at_its_line_in_order_within_a_week(clocks: list[tuple[int, int]], shape: str) -> None:
    lines = ["Live: the storm as it happens."] + [
        f"{shape.format(h=h, m=m)}: Entry {i} text." for i, (h, m) in enumerate(clocks)
    ]
    text = "\n".join(lines)
    marks = read_written(text, "2031-03-13")
    assert [text[m.start : m.end].split(":")[0].split()[0] for m in marks] == [
        shape.format(h=h, m=m).split(":")[0].split()[0] for h, m in clocks
    ]
    assert all(m.kind == "entry" and "2031-03-13" <= m.date <= "2031-03-20" for m in marks)
    assert all(text[m.end :].startswith("Entry") for m in marks)


@given(st.text(alphabet=st.sampled_from("0123456789:. apmGMTUpdated()\nMonday,;-"), max_size=120))
def test_any_text_gives_marks_inside_it_in_order(text: str) -> None:
    marks = read_written(text, "2031-03-13")
    assert all(0 <= m.start < m.end <= len(text) for m in marks)
    assert [m.start for m in marks] == sorted(m.start for m in marks)


def test_a_live_entry_does_not_go_on_with_the_narrative_of_the_entry_before(make_doc: MakeDoc) -> None:
    text = (
        "Live: the bridge closure as it happens.\n\n"
        "1905: Crews closed the bridge on Tuesday.\n\n"
        "1950: Engineers inspected the cables.\n\n"
        "2010: Traffic queued on the ring road.\n"
    )
    doc = tag_document(make_doc(text, published="2031-03-13"))
    cables = next(s for s in doc.sentences if "cables" in s.text)
    assert (cables.event_date, cables.event_date_fallback) == ("2031-03-13", True)
    plain = tag_document(make_doc(text.replace("1950: ", "").replace("2010: ", ""), published="2031-03-13"))
    assert next(s for s in plain.sentences if "cables" in s.text).event_date == "2031-03-11"  # a narrative goes on


def test_a_live_entry_without_a_weekday_takes_the_day_of_the_entry_before_it_in_time() -> None:
    text = (
        "(6:05 p.m. ET, 1:05 a.m. in Tarsa) Divers reached the hull.\n"
        "(2:40 p.m. Sunday ET, 9:40 p.m. Sunday in Tarsa) The ferry listed in the strait.\n"
        "(9:10 a.m. ET, 4:10 p.m. in Tarsa) Tugs stood by overnight.\n"
    )
    # newest first: the 6:05 entry comes after Sunday's 2:40 entry; the 9:10 entry before it, walked back
    assert [d for _, _, d in _days(text, "2031-03-14")] == ["2031-03-16", "2031-03-16", "2031-03-16"]


def test_a_clock_only_update_on_a_page_of_updates_takes_the_day_of_the_update_before_it() -> None:
    text = (
        "(Updated: 11:20 p.m. Saturday ET) The levee held.\n"
        "(Updated: 11:50 p.m. ET) Crews sandbagged the east bank.\n"
        "(Updated: 12:35 a.m. ET) Water topped the east bank.\n"
    )
    assert [d for _, _, d in _days(text, "2031-03-15")] == ["2031-03-15", "2031-03-15", "2031-03-16"]
    lone = "(Updated: 12:35 a.m. ET) Water topped the east bank.\nThe town slept."
    assert [d for _, _, d in _days(lone, "2031-03-15")] == ["2031-03-15"]  # a clock alone: the publication day


@pytest.mark.parametrize(
    ("stamp", "day"),
    [
        ("Monday 17 March, 0930", "2031-03-17"),
        ("0930 GMT, Monday 17 March", "2031-03-17"),
        ("17 March 2031 09:30", "2031-03-17"),
        ("Mon 9.30 am", "2031-03-17"),
    ],
)
def test_a_stamp_with_a_date_or_weekday_sets_the_day_of_the_entries_around_it(stamp: str, day: str) -> None:
    text = "Live: the flood as it happens.\n2230: The river peaked.\n2350: Rain eased.\n"
    text += f"{stamp}: Schools stayed shut.\n1015: Buses ran again.\n"
    days = [d for _, _, d in _days(text, "2031-03-14")]
    assert days == ["2031-03-16", "2031-03-16", day, day]  # the night before it, walked back from its day


def test_a_line_that_is_only_a_date_heads_the_entries_below_it() -> None:
    text = (
        "Live: the flood as it happens.\n"
        "Sunday 16 March\n"
        "2230: The river peaked.\n"
        "2350: Rain eased.\n"
        "Monday 17 March\n"
        "0930: Schools stayed shut.\n"
    )
    marks = read_written(text, "2031-03-14")
    assert [(text[m.start : m.end].strip(), m.date) for m in marks] == [
        ("Sunday 16 March", "2031-03-16"),
        ("2230:", "2031-03-16"),
        ("2350:", "2031-03-16"),
        ("Monday 17 March", "2031-03-17"),
        ("0930:", "2031-03-17"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "8th November 2031 - The singer's trial opened.\n9th November 2031 - The jury retired.\n"
        "10th November 2031 - The verdict came.\n",  # the four digits after a date are its year
        "Live: archive\n12 Jan 2010: The quake.\n4 Aug 1946: A storm.\n8 Feb 1843: Another quake.\n",
    ],
)
def test_a_year_after_a_date_is_no_clock(text: str) -> None:
    assert read_written(text, "2031-11-10") == ()


def test_a_clock_out_of_order_with_both_neighbours_is_a_slip_not_a_new_day() -> None:
    text = (
        "Live: the hearing as it happens.\n"
        "11.40 am ET: The chair opened the hearing.\n"
        "11.50 pm ET: The minister began her statement.\n"  # a slip for 11.50 am
        "11.45 am ET: Protesters were removed.\n"
        "12.10 pm ET: Questions began.\n"
    )
    assert {d for _, _, d in _days(text, "2031-03-13")} == {"2031-03-13"}


def test_a_live_blog_paused_overnight_resumes_on_the_next_day() -> None:
    text = "Live: the count as it happens.\n2040: Polls closed.\n2210: First results.\n0915: Counting resumed.\n"
    assert [d for _, _, d in _days(text, "2031-03-13")] == ["2031-03-13", "2031-03-13", "2031-03-14"]


def test_relative_dates_under_a_dated_stamp_resolve_against_its_day(make_doc: MakeDoc) -> None:
    text = (
        "Live: the flood as it happens.\n\n"
        "2230: The river peaked at the weir.\n\n"
        "2350: Rain eased over the hills.\n\n"
        "Tuesday 18 March, 0930: Police closed the ring road yesterday.\n"
    )
    doc = tag_document(make_doc(text, published="2031-03-14"))
    road = next(s for s in doc.sentences if "ring road" in s.text)
    assert (road.event_date, road.event_date_fallback) == ("2031-03-17", False)


@pytest.mark.parametrize(
    ("stamp", "other"),
    [
        ("(9:30 p.m. ET, 3:30 a.m. in Tarsa)", "2031-03-15"),  # the second clock is past midnight
        ("(9:30 p.m. Friday ET, 3:30 a.m. Saturday in Tarsa)", "2031-03-15"),
        ("(Updated: 1:38 a.m. Saturday, Tarsa; 6:38 p.m. Friday ET)", "2031-03-14"),  # the second zone is behind
        ("(2:10 p.m. ET, 8:10 p.m. in Tarsa)", None),  # one day in both zones
    ],
)
def test_a_stamp_of_two_time_zones_names_the_day_of_the_second(stamp: str, other: str | None) -> None:
    text = f"{stamp} The port reopened.\n{stamp} Ferries sailed.\n{stamp} Trade resumed.\n"
    assert {m.other for m in read_written(text, "2031-03-14")} == {other}


def test_a_weekday_of_the_second_zone_resolves_against_its_day(make_doc: MakeDoc) -> None:
    text = (
        "(10:05 p.m. ET, 4:05 a.m. in Tarsa) State radio in Tarsa said early Saturday that the dam had held.\n"
        "(9:40 p.m. ET, 3:40 a.m. in Tarsa) Rescuers said on Friday that the valley was cleared.\n"
        "(9:15 p.m. ET, 3:15 a.m. in Tarsa) Engineers inspected the spillway.\n"
    )
    doc = tag_document(make_doc(text, published="2031-03-14"))  # a Friday
    radio = next(s for s in doc.sentences if "early Saturday" in s.text)
    rescuers = next(s for s in doc.sentences if "on Friday" in s.text)
    assert (radio.event_date, rescuers.event_date) == ("2031-03-15", "2031-03-14")  # not 03-08 a week back
