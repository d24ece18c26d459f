"""Read a sentence whose words are set apart by runs of spaces or tabs as if one space stood between them.

Several rules weigh how near a cue is in characters (``tense.tense_at``, the reaches of ``tense_scope``), so
"due on  the 12th" (two spaces) once read the 12th as last month's where "due on the 12th" read it as coming.
``squeeze`` turns each run into one space and ``Squeezed.restore`` puts the expressions found back on the text as
written. A run that holds a line break is kept: it ends a line or a paragraph (" \\n" between a tokenised article's
sentences); made one character, it turned three right readings of Timeline17 sentences wrong and no wrong one right.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from storyline.records import TimeExpression, Token

_RUN = re.compile(r"[ \t\xa0]{2,}")  # two or more spaces, tabs or no-break spaces


@dataclass(frozen=True)
class Squeezed:
    """A text with each run of spaces and tabs (``_RUN``) made one space, and where each of its offsets was."""

    text: str
    original: str
    offsets: tuple[int, ...]  # offsets[i]: where text[i] was in ``original``; one more for the end

    def restore(self, found: Sequence[TimeExpression]) -> list[TimeExpression]:
        """``found`` (offsets into ``text``) with offsets and text of ``original``."""
        out = []
        for e in found:
            start, end = self.offsets[e.start], self.offsets[e.end - 1] + 1
            out.append(replace(e, start=start, end=end, text=self.original[start:end]))
        return out

    def tokens(self, tokens: Sequence[Token], tokens_offset: int) -> list[Token]:
        """``tokens`` (offsets minus ``tokens_offset`` into ``original``) with offsets into ``text``; a token of
        white space inside a run (spaCy's for the second space) is left out (the time modules read no token heads)."""
        at = {o: i for i, o in enumerate(self.offsets)}
        return [
            replace(t, start=at[t.start - tokens_offset], end=at[t.end - 1 - tokens_offset] + 1)
            for t in tokens
            if t.start - tokens_offset in at and t.end - 1 - tokens_offset in at
        ]


def needs_squeeze(text: str) -> bool:
    """Whether two spaces, tabs or no-break spaces stand together anywhere in ``text``."""
    # a fast test first: the tagger asks it of every sentence, and a run holds one of these
    return ("  " in text or "\t" in text or "\xa0" in text) and _RUN.search(text) is not None


def squeeze(text: str) -> Squeezed:
    """``text`` with each run of spaces and tabs one space."""
    parts: list[str] = []
    offsets: list[int] = []
    last = 0
    for m in _RUN.finditer(text):
        parts.append(text[last : m.start()])
        offsets.extend(range(last, m.start()))
        parts.append(" ")
        offsets.append(m.start())
        last = m.end()
    parts.append(text[last:])
    offsets.extend(range(last, len(text) + 1))
    return Squeezed("".join(parts), text, tuple(offsets))
