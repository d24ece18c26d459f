"""Score a dated timeline against a reference: date F1 and alignment-based ROUGE-N (tilse's "align+ m:1").

Metric of Martschat and Markert (2017), as tilse's ``evaluate_align_date_content_costs_many_to_one``
defines it, written from its description:

1. Costs. Between a system date s and a reference date r, cost = date factor x content factor, with
   date factor = 1 - 1/(|s - r| + 1) (days) and content factor = 1 - an approximate ROUGE-1 F1 of
   the two days' summaries (whitespace tokens as they are, no stemming).
2. Many-to-one alignment, done twice. For precision each system date takes its cheapest reference
   date; for recall each reference date takes its cheapest system date (ties: the earliest date).
3. ROUGE counts per aligned pair, n-gram hits weighted by 1/(|s - r| + 1). Precision = weighted
   hits / system n-grams over all system dates; recall = weighted hits / reference n-grams over
   all reference dates.

ROUGE's n-grams are ROUGE-1.5.5's as tilse runs it (``-m -s``; ``storyline.eval.rouge_text``): each
day's sentences joined into one text (n-grams run across its sentences), lower-cased, split at
every character other than a letter or digit, ROUGE's stop list (SMART's and a few news words)
dropped, words longer than 3 characters stemmed by ROUGE's Porter variant. Date F1 counts exactly
equal dates.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from storyline.eval.rouge_text import rouge_tokens
from storyline.eval.scores import PRF

Timeline = Mapping[date, Sequence[str]]  # date -> that day's summary sentences


def ngrams(sentences: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    """The n-grams of a day's sentences read as one text, as ROUGE-1.5.5 counts them."""
    tokens = rouge_tokens(sentences)
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


@dataclass(frozen=True)
class Counts:
    """ROUGE-N counts of one system summary against one reference summary."""

    hits: int
    system: int
    reference: int


def rouge_counts(system: Sequence[str], reference: Sequence[str], n: int) -> Counts:
    sys_grams, ref_grams = ngrams(system, n), ngrams(reference, n)
    hits = sum(min(count, ref_grams[gram]) for gram, count in sys_grams.items())
    return Counts(hits, sum(sys_grams.values()), sum(ref_grams.values()))


def approximate_rouge1(system: Sequence[str], reference: Sequence[str]) -> float:
    """Unigram F1 on whitespace tokens as they are: the content part of the alignment cost."""
    return _approximate_f1(_whitespace_counts(system), _whitespace_counts(reference))


def _whitespace_counts(sentences: Sequence[str]) -> Counter[str]:
    return Counter(t for s in sentences for t in s.split())


def _approximate_f1(sys_counts: Counter[str], ref_counts: Counter[str]) -> float:
    match = sum(min(c, ref_counts[t]) for t, c in sys_counts.items() if t in ref_counts)
    p = match / sum(sys_counts.values()) if sys_counts else 0.0
    r = match / sum(ref_counts.values()) if ref_counts else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def align_many_to_one(system: Timeline, reference: Timeline) -> tuple[dict[date, date], dict[date, date]]:
    """(system date -> reference date, reference date -> system date), each side's cheapest partner."""
    sys_dates, ref_dates = sorted(system), sorted(reference)
    sys_counts = {s: _whitespace_counts(system[s]) for s in sys_dates}
    ref_counts = {r: _whitespace_counts(reference[r]) for r in ref_dates}
    costs = {
        (s, r): (1 - _weight(s, r)) * (1 - _approximate_f1(sys_counts[s], ref_counts[r]))
        for s in sys_dates
        for r in ref_dates
    }
    to_ref = {s: min(ref_dates, key=lambda r: costs[s, r]) for s in sys_dates} if ref_dates else {}
    to_sys = {r: min(sys_dates, key=lambda s: costs[s, r]) for r in ref_dates} if sys_dates else {}
    return to_ref, to_sys


def _weight(a: date, b: date) -> float:
    return 1 / (abs(a.toordinal() - b.toordinal()) + 1)


def alignment_rouge(system: Timeline, reference: Timeline, n: int) -> PRF:
    """Alignment-based ROUGE-N (date-content costs, many-to-one) of a system timeline."""
    to_ref, to_sys = align_many_to_one(system, reference)
    p_hits = p_total = 0.0
    for s in sorted(system):
        if s in to_ref:
            c = rouge_counts(system[s], reference[to_ref[s]], n)
            p_hits += _weight(s, to_ref[s]) * c.hits
            p_total += c.system
        else:
            p_total += sum(ngrams(system[s], n).values())
    r_hits = r_total = 0.0
    for r in sorted(reference):
        if r in to_sys:
            c = rouge_counts(system[to_sys[r]], reference[r], n)
            r_hits += _weight(to_sys[r], r) * c.hits
            r_total += c.reference
        else:
            r_total += sum(ngrams(reference[r], n).values())
    return prf(p_hits / p_total if p_total else 0.0, r_hits / r_total if r_total else 0.0)


def date_scores(system: Timeline, reference: Timeline) -> PRF:
    """Date P/R/F1: exactly equal dates."""
    return PRF.of(len(set(system) & set(reference)), len(system), len(reference))


def prf(precision: float, recall: float) -> PRF:
    total = precision + recall
    return PRF(precision, recall, 2 * precision * recall / total if total else 0.0)


def macro_average(scores: Sequence[PRF]) -> PRF:
    """news-tls's average: mean precision and mean recall over timelines, then F1 of those means."""
    if not scores:
        return PRF(0.0, 0.0, 0.0)
    return prf(sum(s.precision for s in scores) / len(scores), sum(s.recall for s in scores) / len(scores))
