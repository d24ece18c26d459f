"""Precision, recall and F1, shared by the evaluation commands."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, correct: int, system: int, gold: int) -> PRF:
        """From the number of correct system items, all system items and all gold items."""
        p = correct / system if system else 0.0
        r = correct / gold if gold else 0.0
        return cls(p, r, 2 * p * r / (p + r) if p + r else 0.0)
