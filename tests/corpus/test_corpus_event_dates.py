"""``corpus/event_dates.py``: the date rules of one event, on hand-made candidates."""

from __future__ import annotations

from storyline.corpus.event_dates import dates_can_match, retold
from storyline.corpus.event_mentions import Candidate
from storyline.records import Mention


def candidate(date: str, fallback: bool) -> Candidate:
    mention = Mention("d", 0, "t", "reported", None, date, fallback)
    return Candidate(mention, frozenset(), frozenset(), borrowed=fallback)


def test_a_report_is_retold_news_only_weeks_after_the_end_of_the_others_own_date():
    news = candidate("2024-05-20", fallback=True)
    assert retold(news, candidate("2024-03", fallback=False), 7)
    assert not retold(news, candidate("2024-05", fallback=False), 7)  # May ends after the report
    assert not retold(news, candidate("2024-05-14", fallback=False), 7)
    assert retold(news, candidate("2023", fallback=False), 7)
    assert not retold(news, candidate("2024-03", fallback=False), 0)  # 0: off
    assert not retold(candidate("2024-05-20", fallback=False), candidate("2024-03", fallback=False), 7)


def test_a_report_does_not_tell_of_a_happening_dated_after_it():
    assert not dates_can_match(candidate("2024-05-20", fallback=True), candidate("2024-06-02", fallback=False))
    assert dates_can_match(candidate("2024-05-20", fallback=True), candidate("2024-03", fallback=False))


def test_a_report_may_tell_of_the_week_it_was_published_in_but_not_a_later_one():
    published = candidate("2023-06-08", fallback=True)
    assert dates_can_match(published, candidate("2023-W23", fallback=False))
    assert not dates_can_match(published, candidate("2023-W24", fallback=False))
    assert dates_can_match(candidate("2023-W23", fallback=False), candidate("2023-06-06", fallback=False))


def test_two_borrowed_dates_that_differ_are_apart_and_one_borrowed_day_is_not():
    from storyline.corpus.event_dates import borrowed_apart

    assert borrowed_apart(candidate("2024-05-13", fallback=True), candidate("2024-05-20", fallback=True))
    assert not borrowed_apart(candidate("2024-05-20", fallback=True), candidate("2024-05-20", fallback=True))
    assert not borrowed_apart(candidate("2024-05-13", fallback=True), candidate("2024-05-20", fallback=False))


def test_undated_groups_merge_only_within_the_window_unless_their_link_is_dated_to_a_day_by_its_own_words():
    from storyline.corpus.event_dates import PublishedSpans

    cands = [
        candidate("2024-05-01", fallback=True),
        candidate("2024-05-03", fallback=True),
        candidate("2024-05-06", fallback=True),
        candidate("2024-05-02", fallback=False),  # its own words' day
        candidate("2024-05", fallback=False),  # a month only: no anchor
    ]
    spans = PublishedSpans(cands, {i: [i] for i in range(len(cands))}, 3)
    assert spans.holds(0, 1, 0, 1) and not spans.holds(0, 2, 0, 2)
    spans.merge(0, 1)
    assert not spans.holds(0, 2, 1, 2)  # together they would reach from the 1st to the 6th
    assert not spans.holds(0, 2, 4, 2)  # a month is no anchor
    spans.merge(0, 3)
    assert spans.holds(0, 2, 3, 2)  # linked by the mention with a day of its own: a retelling of it
    assert not spans.holds(0, 2, 1, 2)  # linked by an undated one: still the state at two times
    assert PublishedSpans(cands, {i: [i] for i in range(len(cands))}, 0).holds(0, 2, 0, 2)  # 0: off
