"""Which cues speak for a time: a leading "could", a quotation's own verbs (our own sentences)."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.time import tag

NOVEMBER = date(2022, 11, 3)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Forecasters said the flood crest could reach the town by Friday.", "2022-11-04"),
        ("Officials warned that the first doses could be ready by February.", "2023-02"),
        ("He said the ferry could resume sailing as early as Monday.", "2022-11-07"),
        # a "could" after its time, or of past ability, leaves the time to its own verb
        ("The dam that burst on Tuesday could cost the county millions.", "2022-11-01"),
        ("The clerk could not be reached on Tuesday.", "2022-11-01"),
        ("The rally held in February could have drawn more people.", "2022-02"),
    ],
)
def test_a_leading_could_of_possibility_makes_its_time_coming(text: str, value: str) -> None:
    assert [t.value for t in tag(text, NOVEMBER)] == [value]


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        # a quoted sentence with no tense of its own is read from when it was said, not by the verb that reports it
        ("“Let’s finish the new stand by April,” the chairman told fans.", NOVEMBER, "2023-04"),
        ('"Come back and see us on Tuesday," the baker told customers.', date(2022, 11, 6), "2022-11-08"),
        ("``Not before April .'' the builder said .", NOVEMBER, "2023-04"),
        # ... and one with a verb of its own by that verb only
        ('"Nobody is comfortable being short over the weekend," said a broker.', date(2024, 3, 8), "2024-W10-WE"),
        # a quoted fragment takes the reporter's verb, and a quotation with a verb of its own keeps it
        ('The mayor called the flooding "a disgrace in April" and resigned.', NOVEMBER, "2022-04"),
        ('"The ferry sank in April," she said.', NOVEMBER, "2022-04"),
    ],
)
def test_a_quoted_sentence_is_read_by_its_own_verbs_only(text: str, dct: date, value: str) -> None:
    assert [t.value for t in tag(text, dct)] == [value]
