from __future__ import annotations

from storyline.corpus.opinion import is_opinion_piece, readers_from


def test_a_column_that_owns_its_views_is_an_opinion_piece(make_doc):
    assert is_opinion_piece(make_doc("Ada Brill writes on trade. The views expressed are her own. Ports are slow."))
    assert is_opinion_piece(make_doc("Tom Reed is our markets editor. Any opinions are his own."))
    assert is_opinion_piece(make_doc("Fares rose. The opinions expressed in this commentary are solely those of Jo."))


def test_a_report_that_quotes_views_is_no_opinion_piece(make_doc):
    assert not is_opinion_piece(make_doc("The mayor said the views of residents were heard. Ten homes flooded."))
    assert not is_opinion_piece(make_doc("Opinions are split on the new bridge, the council said."))


def test_readers_replies_start_after_the_line_that_says_they_follow(make_doc):
    page = make_doc(
        "Is the ferry strike fair? Ferries stopped on Monday. A selection of your comments appear below. "
        "I waited three hours at the pier. Only 12 boats ran, a friend told me."
    )
    assert readers_from(page) == 3
    asked = make_doc("Should the port close? We will aim to publish as many of your views as we can. It should.")
    assert readers_from(asked) == 2


def test_a_report_that_thanks_or_calls_its_readers_has_no_replies(make_doc):
    assert readers_from(make_doc("Ferries stopped on Monday. Thanks for your comments. Send us your views.")) is None
    live = "We will be bringing you news, some of your e-mails and the best of the blogs. Ferries stopped at 9am."
    assert readers_from(make_doc(live)) is None
    form = "Ferries stopped on Monday. Send us your views. A selection of your comments may be published."
    assert readers_from(make_doc(form)) is None
    assert readers_from(make_doc("The council read 40 comments from residents and some of the letters.")) is None
