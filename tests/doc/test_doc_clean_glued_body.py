from __future__ import annotations

from storyline.doc.clean_glued_body import dateline_split, link_title_splits
from storyline.doc.clean_glued_shapes import Words


def test_dateline_split_is_the_space_before_the_place() -> None:
    line = "Crews will stay out, the union says Harbor Mills, Ardenia (Wire) -- The strike went on."
    assert dateline_split(line) == line.index("Harbor Mills") - 1


def test_dateline_split_skips_a_day_before_the_place() -> None:
    line = "Talks resume on Monday Tuesday TARSA (Wire) -- The strike went on."
    assert dateline_split(line) == line.index("TARSA") - 1


def test_no_dateline_split_when_the_dateline_opens_the_line_or_follows_a_stamp() -> None:
    assert dateline_split("Harbor Mills, Ardenia (Wire) -- The strike went on.") is None
    assert dateline_split("TARSA | Tue Jun 30, 2031 1:58 pm EDT TARSA (Wire) - The strike went on.") is None
    assert dateline_split("Sat Jun 27, 2031 10:57 AM BST TARSA (Wire) - The strike went on.") is None


def test_link_title_split_needs_a_line_that_ends_a_sentence() -> None:
    line = "Fares rise again Dam talks stall over pay The union leader says the crews will not sail."
    words = Words(line)
    assert link_title_splits(line, 100, words) == [100 + line.index("The union") - 1]
    assert link_title_splits(line.rstrip("."), 100, words) == []
