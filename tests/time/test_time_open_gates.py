"""Which gates a sentence's words open: each word takes the marks every shape test would give it, and a
rule is planned out only when one of its gates is closed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.time import open_gates, tag, tagger
from storyline.time.gates import TOKEN_SHAPES
from storyline.time.open_gates import OpenGates

WORDS = """on in at by since last next this the a of and to 3 12 1998 2022-09-08 5 p.m. o'clock noon Monday today
tonight overnight morning week weeks month year day days ago earlier later Sept. May summer 1980s century every once
daily now will said was Christmas Day Q3 H1 FY2025 2023-24 season dawn , .""".split()  # noqa: SIM905


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*WORDS, "New Year", "the day", "from now", "\t"]), max_size=14))
def test_a_rule_is_left_out_of_the_plan_only_when_one_of_its_gates_is_closed(words: list[str]) -> None:
    text = " ".join(words)
    planned = OpenGates(text)
    left = {rank: gates for gates, (rank, _, _) in tagger._PLANS(planned)}
    for rank, (gates, _, _) in enumerate(tagger._COMPILED):
        passes = OpenGates(text).passes(gates)
        assert (rank in left and planned.passes(left[rank])) == passes, (rank, gates)


@pytest.mark.parametrize(
    ("text", "gate", "expected"),
    [
        # found by random draws of test_time_gates.py's shape pieces with their gaps ("the other\tday-long")
        ("The ferry ran aground the other\nday, the harbour master said.", "ref", "the other\nday"),
        ("The old pier was built a long  time ago.", "ref", "a long  time ago"),
        ("The mayor said at that\ntime the bridge was closed.", "then", "that\ntime"),
    ],
)
def test_a_word_gate_literal_with_a_space_opens_across_any_white_space(text: str, gate: str, expected: str) -> None:
    assert OpenGates(text).test(gate)
    assert [e.text for e in tag(text, None)] == [expected]


def test_words_are_remembered_up_to_a_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    marks = open_gates._TokenMarks()
    monkeypatch.setattr(marks, "limit", 3)
    for word in ["one", "two", "three", "four", "five"]:
        assert "digit" not in marks[word]
    assert len(marks) <= 3 and "digit" in marks["1998"]


def _marks_with_every_test(token: str) -> frozenset[str]:
    marks = set().union(*map(open_gates._OPENS.__getitem__, open_gates._WORD_FINDER.findall(token.lower())))
    for gate, (within, maybe) in TOKEN_SHAPES.items():
        if within.search(token):
            marks.add(gate)
        elif maybe is not None and maybe.search(token):
            marks.add(f"{gate}?")
    return frozenset(marks)


_WORD_PIECES = """a e m n o p r s t y ſ ı İ \u212a é day hour week quarter noon now recent daily once every today past
last year min ute pm am 1 - .""".split()  # noqa: SIM905


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_WORD_PIECES), min_size=1, max_size=6))
def test_lower_case_words_take_the_marks_every_test_gives(pieces: list[str]) -> None:
    token = "".join(pieces)
    assert open_gates._TokenMarks()[token] == _marks_with_every_test(token)


@pytest.mark.parametrize("token", ["mınute", "daıly", "ſoon", "everyday", "hours", "quarters", "pm", "nowadays"])
def test_words_with_letters_folded_by_case_take_every_test(token: str) -> None:
    assert open_gates._TokenMarks()[token] == _marks_with_every_test(token)


_OTHER_PIECES = """A D E H M N P Q S T Y F a e m n o p r s t y 0 1 2 9 ٣ ۱ ſ ı İ \u212a Day HOURS Week Quarters
Noon Now Recent Daily Mondays Once Every Today Past Last Year 1998 1990s 31 3rd 12/ 9:30 4pm GMT
- . , / : ' ’ ( )""".split()  # noqa: SIM905


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_OTHER_PIECES), min_size=1, max_size=6))
def test_words_with_capitals_digits_or_stops_take_the_marks_every_test_gives(pieces: list[str]) -> None:
    token = "".join(pieces)
    assert open_gates._TokenMarks()[token] == _marks_with_every_test(token)


@pytest.mark.parametrize(
    "token", ["Daily,", "(three", "HOURS.", "٣rd", "1998-", "Mondays;", "PER", "Tonight's", "9:30", "٣:٣٠", "٣pm"]
)
def test_words_with_capitals_digits_or_stops_skip_no_shape_they_have(token: str) -> None:
    assert open_gates._TokenMarks()[token] == _marks_with_every_test(token)


def test_no_word_shape_writes_a_letter_that_unicode_case_rules_match_to_an_ascii_one() -> None:
    # an ASCII word takes the shapes' ``re.ASCII`` twins, which match the same only without such letters
    for pattern in open_gates._ASCII_TWIN:
        assert not any(map(pattern.pattern.__contains__, ("ſ", "ı", "İ", "\u212a"))), pattern.pattern
