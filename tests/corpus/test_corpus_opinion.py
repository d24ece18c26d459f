from __future__ import annotations

from storyline.corpus.opinion import is_opinion_piece


def test_a_column_that_owns_its_views_is_an_opinion_piece(make_doc):
    assert is_opinion_piece(make_doc("Ada Brill writes on trade. The views expressed are her own. Ports are slow."))
    assert is_opinion_piece(make_doc("Tom Reed is our markets editor. Any opinions are his own."))
    assert is_opinion_piece(make_doc("Fares rose. The opinions expressed in this commentary are solely those of Jo."))


def test_a_report_that_quotes_views_is_no_opinion_piece(make_doc):
    assert not is_opinion_piece(make_doc("The mayor said the views of residents were heard. Ten homes flooded."))
    assert not is_opinion_piece(make_doc("Opinions are split on the new bridge, the council said."))
