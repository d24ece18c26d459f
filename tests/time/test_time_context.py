"""Tests for the handlers' context: the tense is read only when a handler's answer depends on it."""

from __future__ import annotations

import re
from datetime import date

import pytest

from storyline.records import TimeExpression
from storyline.time import tag
from storyline.time.context import Context

_WORD = re.compile(r"Monday")


def _context(text: str, dct: date = date(2024, 3, 6)) -> Context:  # a Wednesday
    return Context(text, dct, "past", 60, (), 0)


def _by_tense(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """An answer that differs by tense."""
    return ctx.make(m.start(), m.end(), "DATE", (ctx.tense(m.start(), m.end()), None))


def _tense_ignored(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """Asks for the tense, and gives the same answer whatever it is."""
    ctx.tense(m.start(), m.end())
    return ctx.make(m.start(), m.end(), "DATE", ("2024-03-04", None))


def _asks_twice(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """Asks at two spans, whose tenses may differ (the same answer whenever both are the same tense)."""
    first, second = ctx.tense(0, 1), ctx.tense(m.start(), m.end())
    value = "same" if first == second else "mixed"
    return ctx.make(m.start(), m.end(), "DATE", (value, None))


def _match(text: str) -> re.Match[str]:
    found = _WORD.search(text)
    assert found is not None
    return found


def test_answer_that_does_not_depend_on_the_tense_leaves_the_cues_unread() -> None:
    text = "The council will meet on Monday."
    ctx = _context(text)
    assert ctx.read(_tense_ignored, _match(text)) == _tense_ignored(_match(text), _context(text))
    assert ctx._cues is None


def test_answer_that_depends_on_the_tense_reads_the_sentence_tense() -> None:
    text = "The council will meet on Monday."
    ctx = _context(text)
    found = ctx.read(_by_tense, _match(text))
    assert found is not None and found.value == "future"
    assert ctx._cues is not None


def test_handler_asking_twice_gets_the_tense_at_each_span() -> None:
    text = "Officials said the council will meet on Monday."
    found = _context(text).read(_asks_twice, _match(text))
    assert found is not None and found.value == "mixed"


def test_tense_asked_after_a_read_is_the_sentence_tense_again() -> None:
    text = "The council will meet on Monday."
    ctx = _context(text)
    ctx.read(_tense_ignored, _match(text))
    assert ctx.tense(0, 3) == "future"


# Sentences whose times resolve by tense, and some whose answer is the same in every tense.
_SENTENCES = [
    "The council met on Monday and will vote on Friday.",
    "Sales rose in June, and the board expects a rebound in January.",
    "The payment is due March 3, officials said on Wednesday.",
    "Shares fell in the third quarter, and the firm plans to report fourth-quarter results next week.",
    "Last June the river flooded; this coming Sunday the dam opens.",
    "The talks resume on Wednesday after a pause last weekend.",
    "The vote was held in the spring, and the count ends this summer.",
    "Crews will work through March on the bridge, which closed on March 1.",
]


@pytest.mark.parametrize("text", _SENTENCES)
@pytest.mark.parametrize("dct", [date(2024, 3, 6), date(2024, 6, 30), date(2023, 12, 31)])
def test_tagger_answers_as_when_every_handler_reads_the_tense(
    text: str, dct: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    probed = tag(text, dct)
    monkeypatch.setattr(Context, "read", lambda ctx, handler, m: handler(m, ctx))
    assert probed == tag(text, dct)
