from __future__ import annotations

from storyline.doc.dateline import dateline_length, strip_dateline


def test_dateline_is_stripped_from_a_summary():
    assert strip_dateline("KYIV (Eastern Ledger) - Troops entered Izium.") == "Troops entered Izium."
    assert strip_dateline("KHARKIV, Sept 12 (Wire) — Troops entered Izium.") == "Troops entered Izium."
    assert strip_dateline("US-backed forces entered the town.") == "US-backed forces entered the town."


def test_a_wire_pages_place_and_time_stamp_is_stripped_with_its_dateline():
    stamped = "HARWICK | Tue Mar 4, 2031 9:10 am EST HARWICK (Coast Wire) - The ferry service resumed."
    assert strip_dateline(stamped) == "The ferry service resumed."
    two = "PORT ELLEN, Islay | Wed Mar 5, 2031 11:02 pm GMT PORT ELLEN, Islay (Coast Wire) - Gales closed the pier."
    assert strip_dateline(two) == "Gales closed the pier."
    assert strip_dateline("HARWICK | Tue Mar 4, 2031 9:10 am EST HARWICK (Coast Wire) -") == ""
    bylined = "By Ann Roe, Coast Editor HARWICK | Tue Mar 4, 2031 9:10 am EST HARWICK (Coast Wire) - Gales eased."
    assert strip_dateline(bylined) == "Gales eased."
    assert strip_dateline("| Tue Mar 4, 2031 9:10 am EST HARWICK/OBAN (Coast Wire) - Gales eased.") == "Gales eased."
    assert strip_dateline("OBAN Mar 4 (Coast Wire) - Gales eased.") == "Gales eased."
    by_day = "By June of that year the ferry service had resumed in Harwick."
    assert strip_dateline(by_day) == by_day
    kept = "Tue Mar 4 was the day the ferry service resumed in Harwick."
    assert strip_dateline(kept) == kept


def test_the_length_of_a_dateline_is_where_the_sentences_own_words_start():
    text = "WASHINGTON, May 3 (AP) — The port's chief engineer said the crane had failed."
    assert text[dateline_length(text) :].startswith("The port's chief engineer")
    assert dateline_length("The port's chief engineer said the crane had failed.") == 0


def test_a_place_or_date_in_any_case_is_a_dateline_only_with_an_agency() -> None:
    assert strip_dateline("Harwick (Coast Wire) – Gales eased.") == "Gales eased."
    assert strip_dateline("Mar 4 (Wire) - Gales eased.") == "Gales eased."
    kept = "Sen. Ann Roe (D-Ark.) — the committee's chair — said gales eased."
    assert strip_dateline(kept) == kept
    assert strip_dateline("Harwick - the town by the sea - saw gales.") == "Harwick - the town by the sea - saw gales."
