"""Whether two groups of event mentions are one happening on average (the merge loop's average
link): one similar pair at a time may chain different happenings that share a place (A~B~C~D)
into one event; the mean similarity of all the mentions of one group with all those of the other
does not drift so. Used by ``events.merge_pairs``."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from storyline.config import EventsConfig
from storyline.corpus.event_search import NO_DAY


class AverageLink:
    """The mean cosine of every member of one group with every member of another: the dot product of
    the sums of their unit vectors over the product of their sizes (average link). Two groups whose
    mean days (each member's own day: explicit, else publication) lie more than
    ``events.chain_far_days`` apart need ``events.chain_far_cosine``, and ``events.borrowed_date_cosine``
    (close paraphrases) when no member of either is dated by its own words: publication days far
    apart are no evidence of one happening. A group's sums are kept once
    it has ``events.chain_min_size`` members (the few large groups) and summed from its members
    otherwise, so the memory follows the large groups, not the story."""

    def __init__(
        self,
        vectors: np.ndarray,
        days: np.ndarray,
        own: np.ndarray,
        members: Mapping[int, list[int]],
        config: EventsConfig,
    ) -> None:
        self.vectors, self.days, self.own, self.members = vectors, days, own, members
        self.bar, self.size = config.chain_mean_cosine, config.chain_min_size
        self.far_days, self.far_bar = config.chain_far_days, config.chain_far_cosine
        self.borrowed_bar = config.borrowed_date_cosine
        self.sums: dict[int, tuple[np.ndarray, float, int, int]] = {}

    def total(self, a: int) -> tuple[np.ndarray, float, int, int]:
        """The sum of the unit vectors of group ``a``'s members, of their day numbers, how many
        are dated to a day, and how many by their own words."""
        if a in self.sums:
            return self.sums[a]
        rows = self.members[a]
        days = self.days[rows]
        days = days[days != NO_DAY]
        vector = np.asarray(self.vectors[rows], dtype=np.float64).sum(axis=0)
        total = (vector, float(days.sum()), len(days), int(self.own[rows].sum()))
        if len(rows) >= self.size:
            self.sums[a] = total
        return total

    def holds(self, a: int, b: int) -> bool:
        """Groups ``a`` and ``b`` may merge: together smaller than ``chain_min_size``, or similar
        enough on average (more so when their mean days are far apart)."""
        if self.bar <= -1 or len(self.members[a]) + len(self.members[b]) < self.size:
            return True
        (left, left_days, left_dated, left_own), (right, right_days, right_dated, right_own) = (
            self.total(a),
            self.total(b),
        )
        bar = self.bar
        if left_dated and right_dated and abs(left_days / left_dated - right_days / right_dated) > self.far_days:
            bar = max(bar, self.far_bar)
            if not (left_own or right_own):  # neither tells its own date: publication days far apart
                bar = max(bar, self.borrowed_bar)
        return float(left @ right) / (len(self.members[a]) * len(self.members[b])) >= bar

    def merge(self, kept: int, gone: int) -> None:
        """Group ``gone`` is about to join group ``kept`` (call before their members are joined)."""
        if len(self.members[kept]) + len(self.members[gone]) >= self.size:
            left, right = self.total(kept), self.total(gone)
            self.sums[kept] = (left[0] + right[0], left[1] + right[1], left[2] + right[2], left[3] + right[3])
        self.sums.pop(gone, None)
