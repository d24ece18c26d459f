"""A count of one incident against a running toll (``storyline.corpus.figure_incidents``), on our own sentences."""

from __future__ import annotations

import pytest

from storyline.corpus.figure_incidents import one_incident


@pytest.mark.parametrize(
    "text",
    [
        "A doctor at the port hospital said 9 people had been killed in the shelling of the market.",
        "Four people were killed in an air strike on a fuel depot south of the capital.",
        "Rebel gunners shelled the harbour road overnight, killing six civilians.",
        "Medics said three fighters died in an ambush near the bridge yesterday.",
        "Seven guards were killed and 20 wounded in the past 24 hours, hospital staff said.",
        "A doctor said 30 people were killed and 100 wounded in rebel shelling on Friday.",
        "Air strikes killed four firemen and wounded ten others, the agency said.",
        "At least five people died when the gunners shelled a market late on Monday, a medic said.",
        "Six rebel fighters were killed in fighting on Friday.",
    ],
)
def test_a_count_told_of_one_strike_or_the_last_day_is_one_incident(text: str) -> None:
    assert one_incident(text)


@pytest.mark.parametrize(
    "text",
    [
        "A rights group said at least 230 people had been killed in five days of unrest.",
        "Some 12,000 people have been killed on both sides since the uprising began in March.",
        "The death toll from Sunday's bombing rose to 40, the ministry said.",
        "The war has killed more than 900 civilians so far, the agency said on Tuesday.",
        "The ministry said 61 people had died of the fever.",
        "The interior minister said on Monday that at least ten people had died in the flooding.",
        "At least 36 people died on Tuesday as the fire swept through the town.",
        "Thousands of people have been killed in the fighting, aid agencies said.",
    ],
)
def test_a_running_toll_or_a_count_tied_only_to_a_day_is_no_incident(text: str) -> None:
    assert not one_incident(text)
