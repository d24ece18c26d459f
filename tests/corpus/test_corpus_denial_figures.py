"""A denial naming a figure joins the event of a claim telling that figure (``corpus/denial_figures.py``)."""

from __future__ import annotations

from corpus.test_corpus_events import WordEncoder, annotate, story_of
from storyline.config import EventsConfig
from storyline.corpus.denial_figures import answer_by_figure, denied_figures, told_figures
from storyline.corpus.events import find_events
from storyline.records import Mention

CLAIM = Mention(
    "gazette",
    4,
    "Harbour officials said about 60% of the spilled fuel had been skimmed or burned off.",
    "claimed",
    "Harbour officials",
    "2025-03-02",
    False,
)
DENIAL = Mention(
    "courier",
    7,
    "“They keep saying that about 60% of the fuel is dealt with, and that is just not true,” said Ana Roe.",
    "denied",
    "Ana Roe",
    "2025-03-04",
    False,
)
OTHER = Mention("courier", 6, "Ana Roe runs the marine lab at Portmere.", "reported", "Ana Roe", "2025-03-04", False)
OUTLETS = {"gazette": "Harbour Gazette", "courier": "Valley Courier"}


def _join(mentions: list[Mention], groups: list[list[int]], fits: bool = True) -> list[list[int]]:
    return answer_by_figure(groups, mentions, {}, OUTLETS, set(), frozenset(), lambda i, g: fits)


def test_a_figure_is_read_with_the_noun_it_counts():
    assert told_figures("about 60% of the spilled fuel had gone") == {("60%", "spilled"), ("60%", "fuel")}
    assert told_figures("12,000 barrels a day and three-quarters of the oil") == {
        ("12,000", "barrels"),
        ("threequarters", "oil"),
    }
    assert told_figures("In 2019 some 11 workers were hurt") == frozenset()  # years and small counts are common


def test_the_figures_a_denial_rejects_are_those_of_what_it_denies_not_the_deniers_own():
    assert denied_figures(DENIAL.text) == {("60%", "fuel")}  # the words before "that is just not true"
    assert denied_figures("The port denied that 12,000 barrels had leaked.") == {("12,000", "barrels")}
    own = "Ana Roe disputed the council's claims that the worst is over, claiming that 80% of the fuel remains."
    assert denied_figures(own) == frozenset()  # her own figure is a rival figure, not what she denies


def test_a_denial_naming_a_figure_joins_the_event_of_the_claim_telling_it():
    assert _join([CLAIM, OTHER, DENIAL], [[0], [1], [2]]) == [[0, 2], [1]]
    assert _join([CLAIM, OTHER, DENIAL], [[0], [1], [2]], fits=False) == [[0], [1], [2]]  # the event's hard rules


def test_another_figure_or_another_noun_is_no_answer():
    other_noun = Mention(
        CLAIM.document, 4, CLAIM.text.replace("fuel", "crews"), "claimed", "Harbour officials", None, False
    )
    other_value = Mention(
        CLAIM.document, 4, CLAIM.text.replace("60%", "70%"), "claimed", "Harbour officials", None, False
    )
    for claim in (other_noun, other_value):
        assert _join([claim, OTHER, DENIAL], [[0], [1], [2]]) == [[0], [1], [2]]


def test_a_claim_told_after_the_denial_is_no_claim_it_answers():
    later = Mention(CLAIM.document, 4, CLAIM.text, "claimed", "Harbour officials", "2025-03-09", False)
    assert _join([later, OTHER, DENIAL], [[0], [1], [2]]) == [[0], [1], [2]]


def test_the_deniers_own_claim_is_no_claim_it_answers():
    own = Mention(CLAIM.document, 4, CLAIM.text, "claimed", "Ana Roe", "2025-03-02", False)
    assert _join([own, OTHER, DENIAL], [[0], [1], [2]]) == [[0], [1], [2]]


def test_a_denial_answering_a_claim_of_its_own_event_stays():
    near = Mention("courier", 5, "Officials said about 60% of the fuel was gone.", "claimed", "Officials", None, False)
    assert _join([CLAIM, near, DENIAL], [[0], [1, 2]]) == [[0], [1, 2]]


def test_the_events_stage_puts_a_denial_naming_a_figure_with_the_claim_telling_it(make_doc):
    gazette = make_doc(
        "Harbour officials said about 60% of the spilled fuel had been skimmed or burned off near Portmere.",
        published="2025-03-02",
        source="Harbour Gazette",
    )
    courier = make_doc(
        "The marine lab counted oiled birds along the northern beaches. "
        "“They keep saying that about 60% of the fuel is dealt with, and that is just not true,” "
        "said Ana Roe in Portmere.",
        published="2025-03-04",
        source="Valley Courier",
    )
    gazette = annotate(gazette, 0, places=["Portmere"], status="claimed", attributed_to="Harbour officials")
    courier = annotate(courier, 1, places=["Portmere"], status="denied", attributed_to="Ana Roe")
    events = find_events(story_of(gazette, courier), WordEncoder(), EventsConfig(same_event_cosine=0.99))
    joined = next(e for e in events if any(m.status == "denied" for m in e.mentions))
    assert sorted((m.document, m.status) for m in joined.mentions) == [
        (courier.id, "denied"),
        (gazette.id, "claimed"),
    ]
    assert joined.contested
