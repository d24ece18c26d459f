"""The tables of CQE's unit names (``storyline.eval.newsquant_units``)."""

from __future__ import annotations

from storyline.eval.newsquant_units import CURRENCY_NAMES, PER_NAMES, SURFACE_UNITS, UNIT_NAMES, WRITTEN_NAMES


def test_every_name_is_lowercase_as_the_evaluation_compares_gold_names() -> None:
    names = [*CURRENCY_NAMES.values(), *UNIT_NAMES.values(), *WRITTEN_NAMES.values(), *PER_NAMES.values()]
    assert [name for name in names if name != name.lower()] == []


def test_a_surface_word_is_a_lowercase_lemma_and_a_period_names_itself() -> None:
    assert all(word == word.lower() and " " not in word for word in SURFACE_UNITS)
    assert {SURFACE_UNITS[p] for p in ("minute", "hour", "day", "week", "month", "year", "decade", "century")} == {
        "minute", "hour", "day", "week", "month", "year", "decade", "century"
    }  # fmt: skip
