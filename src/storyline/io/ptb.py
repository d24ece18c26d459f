"""Undo Penn Treebank tokenization, so that text from research corpora reads like a report again.

Timeline17 and other corpora ship their articles tokenized: spaces around every comma and full
stop, "-LRB-" for "(", "``" and "''" for quotes, "n't" and "'s" split off. Our stages (spaCy,
the quantity rules, the time tagger) expect ordinary text, so such text is detected and joined
back. Hand-written because the rules are few and must keep a map from every character back to
the text as read (``TextMap``), which no detokenizer library gives. Lines are kept as they are
(one sentence a line stays one sentence a line), so a line can be matched back to its original.
"""

from __future__ import annotations

import re

from storyline.textmap import Piece, TextMap

BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
QUOTES = {"``": "“", "''": "”", "`": "‘"}
ESCAPES = {"\\*": "*", "\\/": "/"}
_NO_SPACE_BEFORE = re.compile(r"^(?:[.,;:?!%)\]}”']+|'[sSdDmM]|'(?:ll|re|ve|LL|RE|VE)|n't|N'T|\.\.\.)$")
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "“", "‘", "$", "US$", "€", "£", "#"})
_TOKEN = re.compile(r"\S+")
# Markers that only tokenized text has: an escaped bracket, a PTB quote, a split-off "n't".
_MARKERS = re.compile(r"(?:^|\s)(?:-[LR][RSC]B-|``|''|n't)(?=\s|$)")
_SPACED_PUNCT = re.compile(r"\w \.(?:\s|$)|\w , ")


def looks_tokenized(text: str) -> bool:
    """True for PTB-tokenized text: an escape marker, or most commas and stops set apart by spaces."""
    if _MARKERS.search(text):
        return True
    spaced = len(_SPACED_PUNCT.findall(text))
    joined = len(re.findall(r"\w[.,](?:\s|$)", text))
    return spaced >= 3 and spaced > 4 * joined


def _surface(token: str) -> str:
    return BRACKETS.get(token) or QUOTES.get(token) or ESCAPES.get(token) or token


def detokenize(text: str, base: TextMap | None = None) -> tuple[str, TextMap]:
    """The joined text and its map to the raw input (``base`` maps ``text`` to it; identity if None).

    Each output token maps to the start of the token it came from; a replaced token ("-LRB-" to
    "(") maps its single character to the replaced token's first character.
    """
    base = base or TextMap.identity(len(text))
    out: list[str] = []
    pieces: list[Piece] = []
    pos = 0
    for line_match in re.finditer(r"[^\n]*(?:\n|$)", text):
        line = line_match.group()
        if not line:
            continue
        previous: str | None = None
        for m in _TOKEN.finditer(line):
            token, start = m.group(), line_match.start() + m.start()
            surface = _surface(token)
            if previous is not None and not (_NO_SPACE_BEFORE.match(surface) or previous in _NO_SPACE_AFTER):
                gap = start - 1  # the space before the token, in the input
                pos = _emit(out, pieces, " ", gap, base, pos)
            pos = _emit(out, pieces, surface, start, base, pos)
            previous = surface
        if line.endswith("\n"):
            pos = _emit(out, pieces, "\n", line_match.end() - 1, base, pos)
    return "".join(out), TextMap(tuple(pieces)) if base.mapped else base


def _emit(out: list[str], pieces: list[Piece], surface: str, start: int, base: TextMap, pos: int) -> int:
    raw = base.to_raw(start)
    if raw is not None:
        pieces.append(Piece(pos, raw, len(surface)))
    out.append(surface)
    return pos + len(surface)
