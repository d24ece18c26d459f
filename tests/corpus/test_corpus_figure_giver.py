"""Who gave a figure cited in a relative clause (``corpus/figure_giver.py``), on sentences of our own."""

from __future__ import annotations

from storyline.corpus.figure_giver import relative_giver
from storyline.records import Quantity, Sentence


def giver(text: str, figure: str) -> str | None:
    start = text.index(figure)
    q = Quantity(start, start + len(figure), figure, 480.0, 480.0, 480.0, "ha", "hectares", None, "area")
    return relative_giver(Sentence(0, 0, len(text), text, 0), q)


def test_a_figure_that_someone_gave_is_theirs():
    assert giver("That is more than the 480 hectares that the harbour board gave on Monday.", "480 hectares") == (
        "the harbour board"
    )
    assert giver(
        "It is twice the 480 hectares (1,190 acres) which Marsh County officials had put out.", "480 hectares"
    ) == ("Marsh County officials")


def test_a_figure_without_such_a_clause_or_given_by_a_pronoun_has_no_giver():
    assert giver("The water covered 480 hectares that were farmland.", "480 hectares") is None
    assert giver("It is below the 480 hectares that we reported on Monday.", "480 hectares") is None
