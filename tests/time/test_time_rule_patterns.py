"""A rule's fast search (its ``re.ASCII`` twin on ASCII text, its scanning twin for a ``starting_with``
pattern) finds exactly what the pattern's own ``finditer`` finds."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.time import tag, tagger
from storyline.time.context import starting_with
from storyline.time.rule_patterns import RulePattern, _scanning_twin, ascii_safe

WORDS = """on in since until last next this past coming the a an of and or to for about around nearly some several
few half quarter quarters three twenty-one 3 12 1998 2022 2022-09-08 9/10/2022 1/2 ½ 5 p.m. o'clock nine 10:30 noon
Monday Thursday Fridays today yesterday tonight morning night week weeks weekend month months year decade day days
hours ago earlier later early late mid Sept. September May march summer fall 1980s '80s nineties century nineteen
thousand every per twice daily weekly recently now currently future soon will said expected set due year-ago fiscal
third first before after from Christmas Day Q3 H1 FY2025 2023-24 season 5th dawn other running row millennium
Kharkiv ſince İn LAST x1998 Year-end""".split()  # noqa: SIM905

# Letters that Unicode's case rules match to ASCII ones: a rule written with one could match ASCII text in
# its Unicode pattern and not in its ``re.ASCII`` one.
_FOLDS_TO_ASCII = ("ſ", "ı", "İ", "\u212a")
_FIRST_LETTERS = re.compile(r"\(\?<!\[A-Za-z\]\)\(\?=\[[^\]]*\]\)")


def test_no_rule_writes_a_letter_that_unicode_case_rules_match_to_an_ascii_one() -> None:
    for _, rule, _ in tagger._COMPILED:
        source = rule.pattern.pattern
        inner = _FIRST_LETTERS.sub("", source, count=1)  # the first letters of ``starting_with`` take no case
        assert not any(map(inner.__contains__, _FOLDS_TO_ASCII)), source


def test_most_rules_scan_for_the_character_before_them() -> None:
    scanning = [rule for _, rule, _ in tagger._COMPILED if _scanning_twin(rule.pattern.pattern) is not None]
    assert len(scanning) >= 50


@pytest.mark.parametrize(
    ("source", "twin"),
    [
        (r"\b(?:(?i:the)\s+)?\d+", r"\W(?:(?i:the)\s+)?\d+"),
        (r"\b(?!no)(?:early\s+)?[A-Za-z_]", r"\W(?!no)(?:early\s+)?[A-Za-z_]"),
        (r"\b'll", None),  # "'" is no word character: the boundary wants one before it
        (r"\b(?:will|'ll)", None),
        (r"\b(?:early\s+)?", None),  # may match nothing
        (r"\b[^a]", None),
        (r"(?:\bwill)", None),  # not written with ``\b`` first
    ],
)
def test_a_pattern_opening_with_a_boundary_scans_only_before_a_word_character(source: str, twin: str | None) -> None:
    assert _scanning_twin(source) == twin


def test_no_rule_matches_empty_text() -> None:
    # the scan goes on from the last match's end, which after an empty match would be its start
    for _, rule, _ in tagger._COMPILED:
        assert re._parser.parse(rule.pattern.pattern).getwidth()[0] > 0, rule.pattern.pattern  # type: ignore[attr-defined]


_GAPS = [" ", "  ", "\t", "\n", "\r", "\x0b", "\x0c", "-", ", ", "", "1", "'"]


def _spans(matches: list[re.Match[str]]) -> list[tuple[int, ...]]:
    return [m.span() + tuple(x for i in range(1, m.re.groups + 1) for x in m.span(i)) for m in matches]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.booleans(), st.sampled_from(_GAPS)), max_size=14))
def test_fast_search_finds_the_matches_and_groups_of_finditer(pieces: list[tuple[str, bool, str]]) -> None:
    text = "".join((word.upper() if upper else word) + gap for word, upper, gap in pieces)
    for _, rule, _ in tagger._COMPILED:
        expected = _spans(list(rule.pattern.finditer(text)))
        assert _spans(rule.find(text, ascii_text=False)) == expected, rule.pattern.pattern
        if text.isascii():
            assert ascii_safe(text)
            assert _spans(rule.find(text, ascii_text=True)) == expected, rule.pattern.pattern


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("a1a2 a3", [(0, 2), (2, 4), (5, 7)]),  # one match right after another: the character before is the last's
        ("ba1 a2", [(4, 6)]),  # a letter before: no match
        ("", []),
        ("a1", [(0, 2)]),
        ("éa1", [(1, 3)]),  # "é" is no ASCII letter, as the look-behind reads it
    ],
)
def test_scan_finds_matches_at_the_start_and_right_after_another(text: str, spans: list[tuple[int, int]]) -> None:
    rule = RulePattern(starting_with("a", r"a\d"))
    assert [m.span() for m in rule.pattern.finditer(text)] == spans
    assert [m.span() for m in rule.find(text, ascii_safe(text))] == spans


@pytest.mark.parametrize(
    ("text", "spans"),
    [("a1a2 a3", [(0, 2), (5, 7)]), ("a1 a2-a3", [(0, 2), (3, 5), (6, 8)]), ("_a1 éa2 a3", [(8, 10)]), ("", [])],
)
def test_boundary_scan_finds_what_finditer_finds(text: str, spans: list[tuple[int, int]]) -> None:
    rule = RulePattern(r"\ba\d")
    assert [m.span() for m in rule.pattern.finditer(text)] == spans
    assert [m.span() for m in rule.find(text, ascii_safe(text))] == spans


@pytest.mark.parametrize("space", ["\x1c", "\x1d", "\x1e", "\x1f"])
def test_ascii_separators_that_unicode_counts_as_white_space_keep_the_unicode_patterns(space: str) -> None:
    # "last<separator>week" is "last week" to ``\s`` in a Unicode pattern, two words apart to an ASCII one
    assert not ascii_safe(f"We met last{space}week.")
    assert [e.text for e in tag(f"We met last{space}week.", date(2022, 9, 8))] == [f"last{space}week"]
