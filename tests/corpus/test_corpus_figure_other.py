"""A count of another disease is no point of the story's toll (``storyline.corpus.figure_other``), on our own
sentences of a story on an "H9N5" swine flu in 2031, whose headlines share "h9n5", "swine" and "flu"."""

from __future__ import annotations

import re

import pytest

from storyline.corpus import figure_other as fo
from storyline.corpus import figures as fg
from storyline.records import Quantity, Sentence, Story

NAMES = frozenset({"h9n5", "swine", "flu"})


def sentence(text: str, figure: str) -> tuple[Sentence, Quantity]:
    """A sentence with the count ``figure`` (its last occurrence) of the dead."""
    start = text.rindex(figure)
    value = float(re.sub(r"[^\d]", "", figure))
    q = Quantity(start, start + len(figure), figure, value, value, value, "count", None, None, "people")
    return Sentence(0, 0, len(text), text, 0, quantities=(q,)), q


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Seasonal flu kills 300,000 people in a typical year.", "300,000 people"),
        ("The H5N1 virus has killed 250 people since 2003.", "250 people"),
        ("Since 2003, H5N1 has sickened 400 people in 12 countries and killed 250.", "250"),  # before, across "and"
        ("Some 40 people died of measles in the valley last winter.", "40 people"),  # named after the count
        ("The AIDS virus has killed 25 million people.", "25 million people"),
        ("Mexico reported 30 deaths, and bird flu has killed 250 since 2003.", "250"),
    ],
)
def test_a_count_of_a_disease_the_story_does_not_name_is_another_disease(text: str, figure: str) -> None:
    s, q = sentence(text, figure)
    assert fo.is_other_disease(s, q, NAMES)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The H9N5 flu has killed 40 people.", "40 people"),
        ("The flu has killed 40 people in the port.", "40 people"),  # unnamed: the story's own
        ("Swine flu has killed 40 people.", "40 people"),
        ("The new H9N5 strain has killed 40 people, far fewer than seasonal flu kills.", "40 people"),  # nearest
        ("Mexico reported 30 deaths, and bird flu has killed 250 since 2003.", "30 deaths"),  # another clause
        ("Officials said 40 people had died in the port.", "40 people"),  # no disease named
    ],
)
def test_a_count_of_the_storys_own_disease_stays_a_point(text: str, figure: str) -> None:
    s, q = sentence(text, figure)
    assert not fo.is_other_disease(s, q, NAMES)


def test_a_story_without_names_tells_no_count_apart() -> None:
    s, q = sentence("Seasonal flu kills 300,000 people in a typical year.", "300,000 people")
    assert not fo.is_other_disease(s, q, frozenset())


def test_the_storys_series_leaves_out_another_diseases_toll(make_doc) -> None:
    from dataclasses import replace

    texts = (
        "H9N5 swine flu has killed 40 people.",
        "H9N5 swine flu spreads to the port. Seasonal flu kills 300,000 people.",
    )
    docs = []
    for i, text in enumerate(texts):
        doc = make_doc(text, f"2031-05-2{i}", "Harbor Daily")
        sentences = []
        for s in doc.sentences:
            figure = re.search(r"[\d,]+ people", s.text)
            if figure:
                _, q = sentence(s.text, figure.group())
                q = replace(q, start=q.start + s.start, end=q.end + s.start)
                s = replace(s, quantities=(q,))
            sentences.append(s)
        docs.append(replace(doc, id=f"d{i}", title=None, sentences=tuple(sentences)))
    (series,) = fg.find_figures(Story(id="s", title="t", documents=tuple(docs)))
    assert [p.value for p in series.points] == [40]


def test_a_sentence_naming_no_disease_tells_of_the_one_the_sentence_before_names_first() -> None:
    before, _ = sentence("The H5N1 bird flu virus might mutate into a pandemic, experts fear 100 times over.", "100")
    s, q = sentence("It has killed 250 people since 2003.", "250 people")
    assert fo.is_other_disease(s, q, NAMES, before)
    own, _ = sentence("The H9N5 strain spreads faster than seasonal flu in 12 towns.", "12")
    assert not fo.is_other_disease(s, q, NAMES, own)  # the first named is the story's
    plain, _ = sentence("Doctors in the port worked through the night for 12 nights.", "12")
    assert not fo.is_other_disease(s, q, NAMES, plain)  # the sentence before names none
    named, nq = sentence("The flu has killed 40 people.", "40 people")
    assert not fo.is_other_disease(named, nq, NAMES, before)  # its own sentence names one


def test_a_sentence_that_does_not_go_on_about_the_one_before_is_back_to_the_story() -> None:
    before, _ = sentence("Seasonal flu kills 300,000 people in a typical year.", "300,000 people")
    s, q = sentence("The agency said the port has had 66 deaths.", "66 deaths")
    assert not fo.is_other_disease(s, q, NAMES, before)
    there, tq = sentence("There were 8,000 cases and 800 deaths.", "800 deaths")
    assert fo.is_other_disease(there, tq, NAMES, before)
