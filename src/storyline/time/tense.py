"""Read the tense of a sentence near a time expression, so weekdays and months go before or after the DCT."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from storyline.records import Token
from storyline.time.resolve import Tense


class TenseCue(NamedTuple):
    start: int
    end: int
    tense: Tense


# A modal's span runs over its verb group ("will be held"), so the participle in it is not past.
_FUTURE_CUES = re.compile(
    r"(?:\b(?i:will|shall|won't)|'ll)(?:\s+(?i:not|also|still|soon|likely|probably|be|have|been))*\s+[a-z]+\b|"
    r"\b(?i:going\s+to|(?:is|are|was|were|be)\s+(?:expected|scheduled|due|set|slated|poised)"
    r"\s+(?:to|for|on)|plans?\s+to|planning\s+to|intends?\s+to|scheduled\s+(?:to|for)|upcoming|next|"
    r"(?:expects?|expected|hopes?|aims?|agreed|promised|pledged|vowed)\s+to|would(?!\s+have))\b|'ll\b"
)
_PAST_CUES = re.compile(
    r"\b(?i:said|was|were|had|been|did|told|ago|went|came|took|made|met|began|fled|left|struck|fell|rose|found|"
    r"held|gave|saw|won|lost|got|spoke|wrote|sent|brought|became|broke|caught|fought|kept|led|paid|ran|shot|"
    r"stood|threw)\b|\b[a-z]{2,}(?<!e)ed\b"
)
_NOT_PAST = frozenset({"united", "hundred", "red", "bed", "shed", "wed", "armed", "based", "need"})


def tense_cues(text: str, tokens: Sequence[Token] = (), tokens_offset: int = 0) -> list[TenseCue]:
    """Where the text shows past or future tense.

    With tokens, past is a VBD/VBN tag and future a "will"/"shall" modal; without, word cues
    ("said", "was", "-ed" verbs; "will", "is expected to", "plans to", "next"). Future phrases
    win over the past participles inside them ("is expected to").
    """
    future = [TenseCue(m.start(), m.end(), "future") for m in _FUTURE_CUES.finditer(text)]
    if tokens:
        past = [
            TenseCue(t.start - tokens_offset, t.end - tokens_offset, "past") for t in tokens if t.tag in ("VBD", "VBN")
        ]
        future += [
            TenseCue(t.start - tokens_offset, t.end - tokens_offset, "future")
            for t in tokens
            if t.tag == "MD" and t.text.lower() in ("will", "shall", "'ll", "wo")
        ]
    else:
        past = [
            TenseCue(m.start(), m.end(), "past")
            for m in _PAST_CUES.finditer(text)
            if m.group().lower() not in _NOT_PAST
        ]
    past = [p for p in past if not any(f.start <= p.start < f.end for f in future)]
    return sorted(past + future)


def tense_at(cues: Sequence[TenseCue], start: int, end: int, default: Tense) -> Tense:
    """The tense of the cue nearest to a span; cues after it count double (the verb usually leads)."""
    best: Tense = default
    best_distance = float("inf")
    for cue in cues:
        if cue.end <= start:
            distance = float(start - cue.end)
        elif cue.start >= end:
            distance = 2.0 * (cue.start - end)
        else:
            continue
        if distance < best_distance:
            best, best_distance = cue.tense, distance
    return best
