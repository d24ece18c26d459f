"""Which of a sentence's tense cues speak for one time expression: those of the relative clause or the quotation
that holds it (``clause_cues``, ``quoted_cues``), and a "could" of possibility that leads it (``could_leads``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline.time.tense import TenseCue

# "could" of possibility before the time it governs ("the oil could reach the shore by Friday", "could be
# available by October"), for ``could_leads``. Not "could not" and "could have" (past: "could not be reached
# Monday"), nor "could see": and only when it leads, since a "could" after a time mostly belongs to another
# clause ("the well that exploded on April 20 could cost ...").
_COULD = re.compile(
    r"\bcould(?!\s+(?:not|n't|never|have|hardly|barely|only|see|hear|feel)\b)(?:\s+(?:also|still|soon|well|even))?\s+[a-z]+\b"
)
_COULD_REACH = 120  # characters between a leading "could" and its time


def could_leads(text: str, cues: Sequence[TenseCue], start: int, end: int) -> bool:
    """Whether a "could" of possibility before ``start`` is nearer to the span than every cue of
    ``cues`` (measured as ``tense_at`` does): the time is then a possible, coming one."""
    if "could" not in text:  # a fast test: most sentences have none
        return False
    last = None
    for m in _COULD.finditer(text, max(0, start - _COULD_REACH), start):
        last = m
    if last is None:
        return False
    reach = float(start - last.end())
    for cue in cues:
        if cue.end <= start and start - cue.end < reach:
            return False
        if cue.start >= end and 2.0 * (cue.start - end) < reach:
            return False
    return True


# A relative clause set off by commas ("the bridge, which closed on Monday, is to reopen"): its verb tells
# the tense of its own times only, not of a time outside it ("... to reopen on Friday"). Except a clause that
# follows the time's own noun ("the April 20 explosion, which killed 11", within ``_OWN_NOUN_REACH``), and one
# that the time may still belong to (only prepositions and capitalised words between: "who told reporters in
# Biloxi, Miss., on Friday that ...", where the comma after "Biloxi" is not the clause's end).
_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|whose|whom)\b[^,;:()]*,")
_OWN_NOUN_REACH = 25
_STILL_IN_CLAUSE = re.compile(r"(?:\s*(?:[A-Z][\w.]*|[,.]|on|in|at|by|late|early|the))*\s*")


def clause_cues(text: str, cues: Sequence[TenseCue], start: int, end: int) -> Sequence[TenseCue]:
    """The ``cues`` that may tell the tense at ``start``-``end``: those of the relative clause set off by
    commas that holds it, when that clause has any, else those outside each such clause the time is not in."""
    if ", wh" not in text:  # a fast test: most sentences have none
        return cues
    clauses = [(m.start(), m.end()) for m in _RELATIVE_CLAUSE.finditer(text)]
    for a, b in clauses:
        if a <= start < b:
            inside = [c for c in cues if a <= c.start < b]
            if inside:
                return inside
    apart = [
        (a, b)
        for a, b in clauses
        if not (a <= start < b or end <= a < end + _OWN_NOUN_REACH)
        and not (b <= start and _STILL_IN_CLAUSE.fullmatch(text, b, start))
    ]
    if not apart:
        return cues
    return [c for c in cues if not any(a <= c.start < b for a, b in apart)]


# A quotation within the sentence that is a sentence of its own (its first letter a capital): curly quotes,
# TeX-style ones (``...''), or straight ones when they pair up. A fragment quoted within the reporter's own sentence
# ("was ``spending a few hours with his family at the weekend''") takes that sentence's verb.
_CURLY_QUOTE = re.compile(r"“\s*[A-Z][^“”]*”|``\s*[A-Z].*?''")
_STRAIGHT_QUOTE = re.compile(r'"\s*[A-Z][^"]*"')


def quoted_cues(text: str, cues: Sequence[TenseCue], start: int, end: int) -> Sequence[TenseCue] | None:
    """The ``cues`` inside the quotation that holds ``start``-``end``, or None when the span is not quoted
    (``_CURLY_QUOTE``). The verb that reports a quotation tells when it was said, not when what it names is:
    "Let's beat her in November," he said."""
    if "“" not in text and "``" not in text and '"' not in text:  # a fast test: most sentences quote no one
        return None
    quotes = list(_CURLY_QUOTE.finditer(text))
    if text.count('"') % 2 == 0:
        quotes += _STRAIGHT_QUOTE.finditer(text)
    for q in quotes:
        if q.start() < start and end < q.end():
            return [c for c in cues if q.start() <= c.start and c.end <= q.end()]
    return None
