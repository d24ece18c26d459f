"""The gates only skip rules that could not match: tagging with every gate open (and the tense's
future cues always searched) gives the same result."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from storyline.time import gates as gates_module
from storyline.time import tag, tagger, tense
from storyline.time.gates import WORD_GATES
from storyline.time.open_gates import OpenGates
from storyline.time.words import DEICTIC_DAYS, REFS, SET_WORDS, WEEKDAYS

WORDS = """on in at by since until last next this past coming previous the a an of and or to for about
around nearly some several few couple half quarter quarters three twenty-one 3 12 1998 2022 2022-09-08 9/10/2022
1/2 ½ 5 p.m. o'clock nine thirty Eastern time 10:30 am noon midnight Monday Tuesday Thursday Fridays today
yesterday tomorrow tonight overnight
morning evening night week weeks weekend month months year years-long decade day days hour minutes fortnight ago
earlier later early late mid Sept. Sept September Jan May may March march summer fall spring winter 1980s '80s
nineties century 20th nineteen ninety-six thousand every each per once twice times daily weekly annually
recently now currently future soon will would said was is expected plans set due year-ago fiscal third first before
after from between Christmas Day Easter Good Q3 H1 FY2025 2023-24 season 5th dawn dusk early hours of ahead other
biweekly quarterly semiannually running row ET local 1,500 turn millennium
, . - ( )""".split()  # noqa: SIM905


def tag_ungated(text: str, dct: date | None) -> list[object]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(OpenGates, "test", lambda self, name: True)
        every_rule = tuple(((), (rank, p, h)) for rank, (_, p, h) in enumerate(tagger._COMPILED))
        patch.setattr(tagger, "_PLANS", lambda opened: every_rule)  # no rule left out by its words
        patch.setattr(tense, "_may_be_future", lambda *text_lowered_folded: True)
        return list(tag(text, dct))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", " ", "  ", "\n", "\t"])), max_size=14),
    st.sampled_from([date(2022, 9, 8), date(2024, 2, 29), None]),
)
@example(
    [("the", " "), ("other", "\n"), ("day", " "), ("last", "\t"), ("fiscal", " "), ("year", " ")], date(2022, 9, 8)
)
def test_gated_and_ungated_tagging_agree(words: list[tuple[str, str]], dct: date | None) -> None:
    # the rules read any white space between the words of a phrase ("the other\nday"), and so must the gates
    text = "".join(word + gap for word, gap in words).rstrip()
    assert tag(text, dct) == tag_ungated(text, dct)


@pytest.mark.parametrize(
    "text",
    [
        "The talks lasted three weeks and ended last Thursday at 5 p.m., officials said.",
        "In the third quarter of 2022 sales rose 12% from a year ago.",
        "He has lived there since the 1980s and visits every summer, twice a month.",
        "The mine will reopen in mid-September, about two and a half years after it closed.",
        "No time words here at all.",
        "Sales in the 1998 year rose.",  # a year number before "year" without "fiscal" or "full" is no frame
    ],
)
def test_gates_keep_sentences_with_time_words(text: str) -> None:
    assert tag(text, date(2022, 9, 8)) == tag_ungated(text, date(2022, 9, 8))


def test_sentence_without_time_words_opens_no_gate() -> None:
    gates = OpenGates("The committee approved the plan.")
    assert not gates.passes(("digit",)) and not gates.passes(("unit word",)) and not gates.passes(("year",))


_PREFIX = re.compile(r"\(\?<!\[A-Za-z\]\)\(\?=\[[^\]]*\]\)\(\?:(?P<inner>.*)\)\Z", re.DOTALL)
# Each rule written with ``starting_with``, and the plain pattern inside it.
FAST_RULES = [
    (rule.pattern, re.compile(m.group("inner")))
    for _, rule, _ in tagger._COMPILED
    if (m := _PREFIX.match(rule.pattern.pattern)) is not None
]


def test_several_rules_are_kept_to_their_first_letters() -> None:
    assert len(FAST_RULES) >= 10


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*WORDS, "ſince", "İn", "The", "LAST", "x1998", "Kharkiv", "Year-end"]), max_size=14))
def test_rules_kept_to_their_first_letters_find_what_the_plain_patterns_find(words: list[str]) -> None:
    text = " ".join(words)
    for fast, plain in FAST_RULES:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], plain.pattern


def _gates_by_substring(text: str) -> dict[str, bool]:
    lowered = text.lower()
    return {name: any(w in lowered for w in words) for name, words in WORD_GATES.items()}


def _gates_by_finder(text: str) -> dict[str, bool]:
    gates = OpenGates(text)
    return {name: gates.test(name) for name in WORD_GATES}


# Pieces of the gate words (so that words overlap, run into each other and break off) and other text.
_OTHER = {"da", "yea", "ye", "o", "e", " ", "-", "’s", "X"}
_PIECES = sorted({w for words in WORD_GATES.values() for w in words} | _OTHER)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.text(max_size=6))
def test_word_gates_open_exactly_when_one_of_their_words_is_in_the_sentence(pieces: list[str], noise: str) -> None:
    text = "".join(pieces) + noise
    assert _gates_by_finder(text) == _gates_by_substring(text)


def test_overlapping_gate_words_open_each_of_their_gates() -> None:
    # "one day" holds "e day" (frame) and "day" (unit, deictic); "year-end" holds "year-" and "year"
    opened = _gates_by_finder("One day the year-end books were then closed at 9.")
    assert opened["frame"] and opened["unit"] and opened["deictic"] and opened["then"] and opened["digit"]
    assert not opened["quarter"] and not opened["season"]


def _phrases(phrases: Iterable[str]) -> str:
    return "|".join(p.replace(" ", r"\s+") for p in phrases)


# The searches of the whole sentence that the gates decided word by word stand for.
_SENTENCE_SHAPES = {
    "year": re.compile(r"(?:1[89]|20)\d\d"),
    "month name": re.compile("Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"),
    "month in full": re.compile(
        "January|February|March|April|May|June|July|August|September|October|November|December"
    ),
    "weekday, holiday or clock": re.compile(
        "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Christmas|New Year|Easter|Good Friday|Thanksgiving"
        "|Halloween|Day"
        r"|'clock|’clock|\.m\.|\.M\."
    ),
    "code": re.compile(r"[QHF][1-4Y]"),
    "ordinal day": re.compile(r"\d(?i:st|nd|rd|th)\b"),
    "unit word": re.compile(r"(?:^|[\s-])(?i:minute|hour|day|week|fortnight|month|year|decade)"),
    "set word": re.compile(
        rf"\b(?:{'|'.join(SET_WORDS)})|(?:{'|'.join(WEEKDAYS)})s|\b(?i:every|each|per)\s|(?i:once|twice|times)"
    ),
    "clock shape": re.compile(r"\d\s*[aApP]\.?[mM]|\d:\d|(?i:noon|midday|midnight)"),
    "deictic word": re.compile(rf"\b(?i:{_phrases(DEICTIC_DAYS)})\b"),
    "ref word": re.compile(rf"\b(?i:{_phrases([*REFS, 'recent', 'current'])})\b"),
}
_SHAPE_PIECES = """New Year Year's Good Friday Fridays 5th 12TH Q3 FY2025 H1 1998 x2022y Sept. Junes o'clock p.m. P.M.
Easter the 3 st - ( , Days day-long two-day weekly Mondays every Each per-capita pm 9pm 10:30 Noon midnight's
once sometimes today Tonight this Morning last night's the previous day before yesterday yesterday's
now nowadays known soon the other day at present these days near future term""".split()  # noqa: SIM905


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_SHAPE_PIECES), st.sampled_from(["", " ", "  ", "\t", "\n"])), max_size=10))
def test_gates_decided_word_by_word_open_when_the_sentence_has_their_shape(pieces: list[tuple[str, str]]) -> None:
    text = "".join(piece + space for piece, space in pieces)
    gates = OpenGates(text)
    opened = {name: gates.test(name) for name in _SENTENCE_SHAPES}
    expected = {name: pattern.search(text) is not None for name, pattern in _SENTENCE_SHAPES.items()}
    assert all(opened[name] for name in expected if expected[name])
    # exactly, but for the gates whose search of the lower-cased sentence takes a word inside another ("weekly"
    # in "Newweekly"), as it did before they were decided word by word
    looser = ("set word", "deictic word", "ref word")
    assert {n: v for n, v in opened.items() if n not in looser} == {
        n: v for n, v in expected.items() if n not in looser
    }


def _period_unit_word_by_word(lowered: str) -> bool:
    """The test ``gates._period_unit`` stands for: a unit after white space, with a modifier before it, maybe
    with "fiscal" between after white space of any kind, as the period rule reads it."""
    modifiers = ("past", "coming", "last", "next", "this", "previous", "following", "current", "the")
    return any(
        re.sub(r"\s+fiscal\Z", "", lowered[: m.start()].rstrip()).rstrip().endswith(modifiers)
        for m in re.finditer(r"\s(?:week|month|year|weekend|decade)\b", lowered)
    )


_PERIOD_PIECES = ["the", "bathe", "last", "this", "past", "fiscal", " fiscal", "week", "weekend", "weeks", "year", "x"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_PERIOD_PIECES), st.sampled_from(["", " ", "  ", "\t", "-"])), max_size=8))
def test_period_gate_opens_where_a_modifier_comes_right_before_a_period(pieces: list[tuple[str, str]]) -> None:
    lowered = "".join(piece + gap for piece, gap in pieces)
    assert gates_module._period_unit(lowered) == _period_unit_word_by_word(lowered)


@pytest.mark.parametrize(
    "lowered",
    ["the  fiscal year", "this\t fiscal week", "bathe year", "the fiscalyear", "past\tfiscal decade", "x week"],
)
def test_period_gate_reads_fiscal_and_white_space_as_before(lowered: str) -> None:
    assert gates_module._period_unit(lowered) == _period_unit_word_by_word(lowered)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sales rose in the last\nfiscal year.", "last\nfiscal year"),
        ("Fares rise next\tfiscal year.", "next\tfiscal year"),
    ],
)
def test_period_gate_opens_where_fiscal_follows_its_modifier_after_any_white_space(text: str, expected: str) -> None:
    assert gates_module._period_unit(text.lower())
    assert [e.text for e in tag(text, date(2031, 3, 3))] == [expected]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="'’.mMclokx p", max_size=20))
def test_spoken_clock_gate_opens_where_a_clock_word_or_stop_m_stop_stands(text: str) -> None:
    spoken = gates_module.SHAPE_GATES["spoken clock"].exact
    assert bool(spoken(text)) == (re.search(r"['’]clock|\.[mM]\.", text) is not None)
