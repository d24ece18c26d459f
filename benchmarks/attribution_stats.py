"""Shared arithmetic of the attribution experiments: F1 of summed (matched, system, gold) rows."""

from __future__ import annotations

from collections.abc import Sequence


def f1(rows: Sequence[tuple[int, int, int]]) -> float:
    """Overlap F1 of per-file (matched, system, gold) counts summed over files."""
    m, s, g = (sum(r[k] for r in rows) for k in range(3))
    return 2 * m / (s + g) if s + g else 0.0
