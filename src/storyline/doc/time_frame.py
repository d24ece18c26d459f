"""Event dates read from how a report tells its story: intervals counted from a dated event, and
sentences that come back from backstory to the report's main event.

1. "The figure came a day after troops entered the town on Saturday": the event is the day after
   Saturday, not Saturday (``counted_from``).
2. A time inside a past-perfect clause dates backstory, not the sentence's event, when the sentence's
   own verb is a simple past: in "The figure was twice the one she had given on Sunday", Sunday is
   when the earlier figure was given (``is_backstory``).
3. A report's lede sets its main frame (its first sentence's date). A simple-past sentence that
   comes back to it from backstory takes that date (``return_to_lede``): one whose only time was
   backstory (2.), or one that turns from a backstory sentence dated before the lede with a word
   of contrast ("Russia moved units south in August. The thrust came instead near Kharkiv.").
4. A time after the report's day inside a clause on a noun ("voiced hope that the bridge opens next
   month", "a plan that reopens the port next year") tells what that thing foretells, not when the
   sentence's event happened, when the verb the noun hangs on is in the past (``foretold_in_noun_clause``):
   a past event is not dated after the report. Read from the parse; without one, nothing changes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, timedelta

from storyline.records import IsoDate, Sentence, TimeExpression, Token
from storyline.time.tense import tense_cues

# "a day after", "two weeks before": a DURATION right before one of these counts from the event after it.
_COUNTED = re.compile(r"\s+(?P<dir>after|before)\b", re.IGNORECASE)
_DAYS = re.compile(r"P(?P<n>\d+)(?P<unit>[DW])")
# "had given on", "had not been seen since": the past perfect right before a time expression.
_PAST_PERFECT_BEFORE = re.compile(
    r"\bhad\s+(?:(?:not|never|already|just|first|been)\s+)*[a-z]+(?:\s+[a-z]+){0,3}"
    r"\s+(?:(?:on|in|at|by|since|until|late|early|earlier|last)\s+)*$",
    re.IGNORECASE,
)
_CONTRAST = re.compile(r"\b(?:instead|however|this\s+time|in\s+the\s+end|eventually)\b", re.IGNORECASE)


def counted_from(sentence: Sentence, governing: TimeExpression, times: Sequence[TimeExpression]) -> IsoDate | None:
    """The date ``N days/weeks after|before`` the governing day, when such an interval leads to it."""
    if governing.date is None or len(governing.date) != 10:
        return None
    for t in times:
        if t.type != "DURATION" or t.end > governing.start:
            continue
        after = _COUNTED.match(sentence.text, t.end - sentence.start)
        amount = _DAYS.fullmatch(t.value)
        if after is None or amount is None:
            continue
        days = int(amount.group("n")) * (7 if amount.group("unit") == "W" else 1)
        sign = 1 if after.group("dir").lower() == "after" else -1
        return (date.fromisoformat(governing.date) + timedelta(days=sign * days)).isoformat()
    return None


def is_backstory(sentence: Sentence, expr: TimeExpression) -> bool:
    """True when ``expr`` follows a past-perfect verb and a simple past comes before that verb."""
    before = sentence.text[: expr.start - sentence.start]
    perfect = _PAST_PERFECT_BEFORE.search(before)
    if perfect is None:
        return False
    lead = before[: perfect.start()]
    return any(c.tense == "past" for c in tense_cues(lead))


_NOUN_CLAUSE_DEPS = frozenset({"acl", "relcl"})
_NOUN_POS = frozenset({"NOUN", "PROPN", "PRON"})


def foretold_in_noun_clause(sentence: Sentence, expr: TimeExpression, published: IsoDate | None) -> bool:
    """True when ``expr`` is dated after ``published`` and sits in a clause on a noun whose governing
    verb is in the past (see 4.)."""
    if published is None or expr.date is None or not _after(expr.date, published):
        return False
    tokens = sentence.tokens
    at = next((i for i, t in enumerate(tokens) if expr.start <= t.start < expr.end), None)
    seen: set[int] = set()
    while at is not None and at not in seen:
        seen.add(at)
        tok = tokens[at]
        if tok.dep in _NOUN_CLAUSE_DEPS and tok.pos in ("VERB", "AUX") and tokens[tok.head].pos in _NOUN_POS:
            return _in_past(tokens, _governing_verb(tokens, tok.head))
        at = None if tok.dep == "ROOT" else tok.head
    return False


def _governing_verb(tokens: Sequence[Token], i: int) -> int | None:
    """The first verb above token ``i`` in the parse."""
    seen: set[int] = set()
    while i not in seen and tokens[i].dep != "ROOT":
        seen.add(i)
        i = tokens[i].head
        if tokens[i].pos in ("VERB", "AUX"):
            return i
    return None


def _in_past(tokens: Sequence[Token], verb: int | None) -> bool:
    """The verb is a simple past ("voiced") or has a past auxiliary ("was weighing")."""
    if verb is None:
        return False
    if tokens[verb].tag == "VBD":
        return True
    return any(t.head == verb and t.dep in ("aux", "auxpass") and t.tag == "VBD" for t in tokens)


def lede_date(sentences: Sequence[Sentence]) -> tuple[int, IsoDate] | None:
    """The index and date of the report's first sentence, when it has a date of its own."""
    first = sentences[0] if sentences else None
    if first is None or first.event_date_fallback or first.event_date is None:
        return None
    return first.index, first.event_date


def return_to_lede(sentences: list[Sentence], narrates_past: Callable[[Sentence], bool]) -> list[Sentence]:
    """Undated sentences that come back from backstory take the lede's date (see 3.)."""
    lede = lede_date(sentences)
    if lede is None:
        return sentences
    index, day = lede
    out: list[Sentence] = []
    for sentence in sentences:
        before = out[-1] if out else None
        if sentence.event_date_fallback and _comes_back(sentence, before, day, narrates_past):
            sentence = replace(sentence, event_date=day, event_date_fallback=False, event_date_anchor=index)
        out.append(sentence)
    return out


def _comes_back(
    sentence: Sentence, before: Sentence | None, lede: IsoDate, narrates_past: Callable[[Sentence], bool]
) -> bool:
    """Its only dated times are backstory before the lede, or it turns from a backstory sentence."""
    own = [t.date for t in sentence.times if t.date is not None]
    if own:
        backstory = [t.date for t in sentence.times if t.date is not None and is_backstory(sentence, t)]
        return len(backstory) == len(own) and all(_earlier(d, lede) for d in backstory)
    return (
        before is not None
        and before.paragraph == sentence.paragraph
        and not before.event_date_fallback
        and before.event_date is not None
        and _earlier(before.event_date, lede)
        and _CONTRAST.search(sentence.text) is not None
        and narrates_past(sentence)
    )


def _after(a: IsoDate, b: IsoDate) -> bool:
    """True when all of period ``a`` is after all of period ``b``."""
    n = min(len(a), len(b))
    return a[:n] > b[:n]


def _earlier(a: IsoDate, b: IsoDate) -> bool:
    """True when all of period ``a`` is before all of period ``b`` ("2022-08" before "2022-09")."""
    n = min(len(a), len(b))
    return a[:n] < b[:n]
