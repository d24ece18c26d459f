"""Whether one report keeps another's word order: the share of its shingles found there in order.

A copy or an excerpt keeps its origin's text as it was: its word shingles appear in the origin in
the same order. A rewrite that keeps most words but moves sentences or blocks, or rewords a word in
every sentence, can share as many shingles, in another order. ``in_order_share`` is the longest
common subsequence of the two shingle sequences over the part's length, found as the longest
increasing run of positions (each shingle's positions in the whole, latest first).
"""

from __future__ import annotations

import bisect
import re
import zlib
from collections import defaultdict

_WORD = re.compile(r"\w+")


def ordered_shingles(text: str, size: int) -> list[int]:
    """The crc32 of each word ``size``-gram of the text, in text order (repeats kept)."""
    tokens = _WORD.findall(text.lower())  # the words of ``derivation.shingle_hashes``
    if len(tokens) <= size:
        return [zlib.crc32(" ".join(tokens).encode("utf-8"))] if tokens else []
    return [zlib.crc32(" ".join(tokens[i : i + size]).encode("utf-8")) for i in range(len(tokens) - size + 1)]


def in_order_share(part: list[int], whole: list[int]) -> float:
    """Share of ``part``'s shingles found in ``whole`` in the same order (1.0 for a contiguous piece)."""
    if not part:
        return 0.0
    where: dict[int, list[int]] = defaultdict(list)
    for position, shingle in enumerate(whole):
        where[shingle].append(position)
    tails: list[int] = []  # tails[k]: the smallest last position of an increasing run of length k + 1
    for shingle in part:
        for position in reversed(where.get(shingle, ())):
            k = bisect.bisect_left(tails, position)
            if k == len(tails):
                tails.append(position)
            else:
                tails[k] = position
    return len(tails) / len(part)


def keeps_order(short_text: str, long_text: str, size: int, share: float) -> bool:
    """True when at least ``share`` of the shorter text's shingles are in the longer one in order."""
    return in_order_share(ordered_shingles(short_text, size), ordered_shingles(long_text, size)) >= share
