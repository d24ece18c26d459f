"""A body named as the owner of what a denial rejects (``corpus/denial_bodies.py``), on sentences of our own."""

from __future__ import annotations

from storyline.corpus.denial_bodies import body_owner, body_tells


def test_a_denial_names_a_body_as_the_owner_of_its_findings():
    assert body_owner("The harbour board disputed the inquiry's findings.") == "inquiry"
    assert body_owner("The dredgers rejected the panel's claims about the channel.") == "panel"
    assert body_owner("The dredgers rejected the claims about the channel.") is None


def test_a_line_tells_a_body_s_words_when_the_body_tells_it_by_any_of_its_names():
    assert body_tells("The inquiry found that the board hid the soundings.", "inquiry")
    assert body_tells("According to the panel, the board hid the soundings.", "commission")
    assert body_tells("The report repeated the panel's earlier criticism of the dredging.", "commission")
    assert body_tells("The commission's report said the soundings were hidden.", "commission")
    # the outlet's own line about the body's report
    assert not body_tells("The commission report does not say why the board hid the soundings.", "commission")
    # a court is not an inquiry
    assert not body_tells("The court found that the board hid the soundings.", "commission")
