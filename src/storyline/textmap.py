"""Map character offsets in a document's working text back to the text exactly as read.

The working text is built by keeping pieces of the raw text (dropping header lines, then junk
lines). A ``TextMap`` records those pieces, so that any annotation can be reported against the
file as read, which is what the evaluation commands need.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass


# slots: a detokenized report has a piece per token (and see records.Token: the Dask client's memory)
@dataclass(frozen=True, slots=True)
class Piece:
    """``length`` characters starting at ``text_start`` in the working text come from ``raw_start``."""

    text_start: int
    raw_start: int
    length: int


@dataclass(frozen=True)
class TextMap:
    pieces: tuple[Piece, ...]

    @classmethod
    def identity(cls, length: int) -> TextMap:
        return cls((Piece(0, 0, length),))

    @classmethod
    def unmapped(cls) -> TextMap:
        """For text that is not a substring of the raw input (HTML extracted by trafilatura)."""
        return cls(())

    @property
    def mapped(self) -> bool:
        return bool(self.pieces)

    def to_raw(self, offset: int) -> int | None:
        """The raw offset of a working-text offset, or None when the text is unmapped."""
        if not self.pieces:
            return None
        starts = [p.text_start for p in self.pieces]
        i = max(bisect_right(starts, offset) - 1, 0)
        piece = self.pieces[i]
        return piece.raw_start + min(offset - piece.text_start, piece.length)

    def span_to_raw(self, start: int, end: int) -> tuple[int, int] | None:
        """The raw (start, end) of a working-text span, or None when the text is unmapped.

        The end is mapped through the span's last character, so that a span ending a kept piece
        stays inside it.
        """
        first, last = self.to_raw(start), self.to_raw(max(end - 1, start))
        if first is None or last is None:
            return None
        return (first, last + 1) if end > start else (first, first)

    def keep(self, ranges: list[tuple[int, int]]) -> TextMap:
        """The map of a new text made by concatenating ``text[a:b]`` for each (a, b) in order."""
        out: list[Piece] = []
        pos = 0
        for a, b in ranges:
            for p in self.pieces:
                lo, hi = max(a, p.text_start), min(b, p.text_start + p.length)
                if lo < hi:
                    out.append(Piece(pos + lo - a, p.raw_start + lo - p.text_start, hi - lo))
            pos += b - a
        return TextMap(tuple(out)) if self.pieces else self


def cut(text: str, text_map: TextMap, ranges: list[tuple[int, int]]) -> tuple[str, TextMap]:
    """Keep only ``ranges`` of ``text``; return the new text and its map to the raw text."""
    return "".join(text[a:b] for a, b in ranges), text_map.keep(ranges)
