"""Decide how a pair of reports is related (duplicate, excerpt or rewrite) and which is the origin.

The decisions of ``storyline.corpus.derivation``: a pair's copy or excerpt link (its step 2),
sentence alignment and the rewrite link (step 4), each derived report's best origin and its chain to
the first origin (step 5).

The origin of a pair is the report published earlier. When the dates are equal or unknown, it is
the wire report, one that others copied verbatim or that carries an agency dateline ("KYIV
(Meridian Wire) -"): a rewrite that slips in a claim is longer than its origin, so length alone
would point the wrong way. Of two such reports (a verbatim copy keeps the agency's dateline), it is
the one whose dateline names its own outlet. Failing that, it is the more complete one (more
sentences, then more text). Cycles, possible when only some dates are known, are cut at their most
complete report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from storyline.config import DerivationConfig
from storyline.corpus.derivation_order import keeps_order
from storyline.records import Derivation, IsoDate, Relation

if TYPE_CHECKING:
    from storyline.corpus.derivation import Report


COMPLETENESS_NOTE = "origin chosen by completeness: publication dates unknown or equal"
WIRE_NOTE = (
    "origin chosen as the wire report (copied verbatim elsewhere, or with an agency dateline): dates unknown or equal"
)
OWN_DATELINE_NOTE = "origin chosen as the report whose agency dateline names its own outlet: dates unknown or equal"
_AGENCY_DATELINE = re.compile(r"\([^()]+\)")
_STRENGTH: dict[Relation, int] = {"duplicate": 0, "excerpt": 1, "rewrite": 2}

Pair = tuple[int, int]


@dataclass(frozen=True)
class Alignment:
    share: float  # share of the derived report's sentences matched in the origin
    matched: int
    adds: tuple[int, ...]
    drops: tuple[int, ...]
    reworded: float = 0.0  # share matched closely or loosely (at ``leftover_cosine``)


@dataclass(frozen=True)
class Link:
    derived: int
    origin: int
    relation: Relation
    score: float
    note: str | None
    expands: bool = False  # the derived report contains its origin and adds to it


def hashed_overlap(a: np.ndarray, b: np.ndarray) -> int:
    return len(np.intersect1d(a, b, assume_unique=True))


# 4. Sentence alignment


def match_sentences(sims: np.ndarray, threshold: float) -> tuple[np.ndarray, np.ndarray]:
    """One-to-one matching of rows to columns at ``threshold`` or above, closest pairs first.

    Greedy rather than scipy's optimal assignment: scipy is not a dependency of ours, and only the
    few pairs above the threshold compete. Returns which rows and which columns are matched.
    """
    rows, cols = np.nonzero(sims >= threshold)
    order = np.argsort(-sims[rows, cols], kind="stable")
    used_rows = np.zeros(sims.shape[0], dtype=bool)
    used_cols = np.zeros(sims.shape[1], dtype=bool)
    for r, c in zip(rows[order], cols[order], strict=True):
        if not used_rows[r] and not used_cols[c]:
            used_rows[r] = used_cols[c] = True
    return used_rows, used_cols


def align(derived: Report, origin: Report, config: DerivationConfig) -> Alignment:
    """Pair sentences one to one by cosine; the unpaired long sentences are the adds and drops.

    One to one, so that a new claim on the same topic as a paraphrased sentence cannot borrow that
    sentence's match in the origin. The sentences left over are then paired among themselves at
    ``leftover_cosine``: such loose pairs are rewordings, not new claims, but do not count as shared.
    """
    if not derived.units or not origin.units:
        return Alignment(0.0, 0, (), ())
    sims = derived.vectors @ origin.vectors.T
    matched_d, matched_o = match_sentences(sims, config.rewrite_sentence_cosine)
    counted = derived.counted if derived.counted.any() else np.ones_like(derived.counted)
    matched = int((matched_d & counted).sum())
    rest_d, rest_o = np.flatnonzero(~matched_d), np.flatnonzero(~matched_o)
    loose_d, loose_o = match_sentences(sims[np.ix_(rest_d, rest_o)], config.leftover_cosine)
    matched_d[rest_d[loose_d]] = True
    matched_o[rest_o[loose_o]] = True
    return Alignment(
        share=matched / int(counted.sum()),
        matched=matched,
        adds=_unmatched(derived, matched_d),
        drops=_unmatched(origin, matched_o),
        reworded=int((matched_d & counted).sum()) / int(counted.sum()),
    )


def _unmatched(report: Report, matched: np.ndarray) -> tuple[int, ...]:
    return tuple(idx for (idx, _), m, ok in zip(report.units, matched, report.counted, strict=True) if ok and not m)


# Orientation and classification


def compare_dates(a: IsoDate | None, b: IsoDate | None) -> int:
    """-1 when ``a`` is earlier, 1 when later, 0 when equal, unknown, or one is a prefix of the other."""
    if not a or not b:
        return 0
    n = min(len(a), len(b))
    return (a[:n] > b[:n]) - (a[:n] < b[:n])


def orient(
    reports: Sequence[Report], i: int, j: int, wire: frozenset[int] = frozenset()
) -> tuple[int, int, str | None]:
    """(derived, origin, note): the earlier report is the origin, else the wire one, else the more complete."""
    a, b = reports[i], reports[j]
    order = compare_dates(a.doc.published, b.doc.published)
    if order:
        return (j, i, None) if order < 0 else (i, j, None)
    if (i in wire) != (j in wire):
        return (j, i, WIRE_NOTE) if i in wire else (i, j, WIRE_NOTE)
    if names_own_outlet(a) != names_own_outlet(b):
        return (j, i, OWN_DATELINE_NOTE) if names_own_outlet(a) else (i, j, OWN_DATELINE_NOTE)
    if a.completeness == b.completeness:
        first, second = (i, j) if a.doc.id <= b.doc.id else (j, i)
        return second, first, f"{COMPLETENESS_NOTE}; equal length, so the first by id"
    return (j, i, COMPLETENESS_NOTE) if a.completeness > b.completeness else (i, j, COMPLETENESS_NOTE)


def names_own_outlet(report: Report) -> bool:
    """True when the report's agency dateline names the report's own outlet ("(Meridian Wire) -").

    Verbatim copies keep the agency's dateline under another outlet's name, so of two copies with
    the same date, the one published under the outlet its dateline names is the original.
    """
    doc = report.doc
    if not doc.dateline or not doc.source:
        return False
    outlet = doc.source.casefold()
    return any(outlet == m.group()[1:-1].strip().casefold() for m in _AGENCY_DATELINE.finditer(doc.dateline))


def copy_link(reports: Sequence[Report], pair: Pair, config: DerivationConfig) -> Link | None:
    """A duplicate or excerpt link for the pair, from exact shingle overlap and word order, or None."""
    derived, origin, note = orient(reports, *pair)
    a, b = reports[derived].shingles, reports[origin].shingles
    shared = hashed_overlap(a, b)
    score = shared / (len(a) + len(b) - shared) if len(a) or len(b) else 0.0
    relation: Relation = "duplicate"
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if score < config.duplicate_jaccard:
        relation, score = "excerpt", shared / len(short) if len(short) else 0.0
        if score < config.excerpt_containment or not is_part(len(short), len(long_), config):
            return None
    texts = (reports[derived].doc.text, reports[origin].doc.text)
    if not keeps_order(*(texts if short is a else texts[::-1]), config.shingle, config.copy_order_share):
        return None  # sentences moved or reworded: an edited copy, which step 4 aligns
    expands = relation == "excerpt" and short is b
    if expands:
        note = "; ".join(filter(None, [note, "the later report contains the origin and adds to it"]))
    return Link(derived, origin, relation, score, note, expands=expands)


def is_part(short: int, long_: int, config: DerivationConfig) -> bool:
    """True when the shorter report is shorter by more than copies may differ: it can be a part.

    Two reports of nearly one size that overlap above ``excerpt_containment`` but below
    ``duplicate_jaccard`` differ inside, not at an end: that is an edited copy, and sentence
    alignment decides whether it is a rewrite.
    """
    return short <= config.duplicate_jaccard * long_


def wire_reports(reports: Sequence[Report], copies: Iterable[Link]) -> frozenset[int]:
    """Reports that others copied verbatim, or with an agency dateline: the likely originals."""
    copied = {i for link in copies if link.relation == "duplicate" for i in (link.derived, link.origin)}
    dated = {i for i, r in enumerate(reports) if r.doc.dateline and _AGENCY_DATELINE.search(r.doc.dateline)}
    return frozenset(copied | dated)


def rewrite_link(
    reports: Sequence[Report], pair: Pair, config: DerivationConfig, wire: frozenset[int] = frozenset()
) -> Link | None:
    derived, origin, note = orient(reports, *pair, wire)
    alignment = align(reports[derived], reports[origin], config)
    if not is_rewrite(alignment, config):
        return None
    return Link(derived, origin, "rewrite", alignment.share, note)


def is_rewrite(alignment: Alignment, config: DerivationConfig) -> bool:
    """True when enough sentences are paraphrased: closely at ``rewrite_share``, or heavily reworded.

    A heavy rewrite merges two sentences into one and splits others, so one-to-one pairs at
    ``rewrite_sentence_cosine`` fall short of ``rewrite_share`` though nearly every sentence has a
    counterpart. It is still a rewrite when ``rewrite_core_share`` of its sentences are close
    paraphrases and ``rewrite_reworded_share`` have a counterpart at ``leftover_cosine``: two
    independent reports on one story share names and places, but not a counterpart for most
    sentences, nor that many close paraphrases. A short report needs ``rewrite_core_sentences``
    close pairs for this: among a few sentences, loose counterparts come by chance.
    """
    if alignment.matched < config.rewrite_min_sentences:
        return False
    if alignment.share >= config.rewrite_share:
        return True
    return (
        alignment.matched >= config.rewrite_core_sentences
        and alignment.share >= config.rewrite_core_share
        and alignment.reworded >= config.rewrite_reworded_share
    )


# 5. Best origins and chains


def best_links(links: Iterable[Link], reports: Sequence[Report]) -> dict[int, Link]:
    """For each derived report, its strongest link: copy over excerpt over rewrite, then score.

    A report that contains a shorter earlier one takes that link last: the origin explains only a
    part of it, and a rewrite of a whole report, say, explains more.
    """
    best: dict[int, Link] = {}
    for link in sorted(links, key=lambda x: (x.expands, _STRENGTH[x.relation], -x.score, reports[x.origin].doc.id)):
        best.setdefault(link.derived, link)
    return best


def break_cycles(
    best: dict[int, Link], reports: Sequence[Report], starts: Iterable[int] | None = None
) -> dict[int, Link]:
    """Drop the link of the most complete report on each cycle; it becomes that chain's origin.

    With ``starts``, only cycles through those reports are looked for, and only their links dropped:
    a streamed derivation adds the links of one span to ones already given out.
    """
    best = dict(best)
    fixed = None if starts is None else set(best) - set(starts)
    for start in sorted(best) if starts is None else sorted(starts):
        path: list[int] = []
        node: int | None = start
        while node is not None and node in best and node not in path:
            path.append(node)
            node = best[node].origin
        if node is not None and node in path:
            cycle = [n for n in path[path.index(node) :] if fixed is None or n not in fixed]
            top = min(cycle, key=lambda n: (*(-x for x in reports[n].completeness), reports[n].doc.id))
            del best[top]
    return best


def chain(best: dict[int, Link], derived: int) -> list[int]:
    """The origins from the direct one up to the first; ``best`` must have no cycles.

    A chain stops at a report that contains its origin and adds to it: what is derived from that
    report has its additions, which the earlier origin never had, so it is the first origin.
    """
    out = [best[derived].origin]
    while out[-1] in best and not best[out[-1]].expands:
        out.append(best[out[-1]].origin)
    return out


def derivation_record(
    reports: Sequence[Report],
    best: dict[int, Link],
    derived: int,
    config: DerivationConfig,
    wire: frozenset[int] = frozenset(),
) -> Derivation:
    """The Derivation of ``derived`` from its first origin, re-measured when reached through a chain."""
    link, origins = best[derived], chain(best, derived)
    root = origins[-1]
    relation, score, note = link.relation, link.score, link.note
    if root != link.origin:
        steps = [link.relation, *(best[o].relation for o in origins[:-1])]
        relation = max(steps, key=lambda r: _STRENGTH[r])
        score = chained_score(reports[derived], reports[root], relation, config)
        via = ", ".join(reports[o].doc.id for o in origins[:-1])
        note = "; ".join(filter(None, [orient(reports, derived, root, wire)[2], f"derived through {via}"]))
    alignment = align(reports[derived], reports[root], config)
    return Derivation(
        document=reports[derived].doc.id,
        origin=reports[root].doc.id,
        relation=relation,
        score=float(score),
        adds=alignment.adds,
        drops=alignment.drops,
        note=note,
    )


def chained_score(derived: Report, root: Report, relation: Relation, config: DerivationConfig) -> float:
    shared = hashed_overlap(derived.shingles, root.shingles)
    sizes = sorted((len(derived.shingles), len(root.shingles)))
    if relation == "duplicate":
        return shared / (sum(sizes) - shared) if sum(sizes) else 0.0
    if relation == "excerpt":
        return shared / sizes[0] if sizes[0] else 0.0
    return align(derived, root, config).share
