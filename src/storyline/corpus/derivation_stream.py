"""Find derived reports in a stream taken in publication order, holding only a window of reports.

The same decisions as ``derivation.find_derivations``, made span by span so that memory grows with
the reports of a few weeks, not with the corpus. Stages (``StreamedDerivation`` carries the numbers):

  1. Each report gets a day on the stream's clock: its publication day; an undated report takes
     the day of the last dated report before it in the input (of the first dated one, at the start),
     as a live feed places a report when it arrives. The clock only places the report in the
     stream: its origin is still chosen as for unknown dates (wire report, then completeness).
  2. Days fall into spans of ``rewrite_window_days``. A span is taken once the next span is complete
     (the first report two spans on arrives, or the input ends), with the spans just before and
     after it held as the window: every pair of reports within the window of one another lies in it.
  3. Copies and excerpts: an LSH Ensemble over the window, asked about the span's reports; exact
     shingle overlap and word order decide, on these pairs and on the nearest ones of 4, as in the
     in-memory stage.
  4. Rewrites: each of the span's reports with its nearest reports in the window by mean sentence
     embedding, plus the copy candidates; sentence alignment decides.
  5. Once a span's neighbours are done, all its reports' links are known: each derived report keeps
     its best origin, chains are followed, and its ``Derivation`` is given out. The span two back
     is then let go: its reports keep only their id, date and size (for orientation and chains),
     and their sentences' vectors leave the stream's cache (``HeldVectors``) unless a held report
     has the same sentence.

A chain is measured against its first origin while that one is held; when it has left the window,
the record still names it, with the score, adds and drops measured against the earliest origin held
and a note that says so. A copy published more than two spans after its origin is not found.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
from datasketch import LeanMinHash

from storyline.config import DerivationConfig
from storyline.corpus.derivation import Report, copy_candidates, make_reports, rewrite_pairs
from storyline.corpus.derivation_nearest import document_vectors, top_k
from storyline.corpus.derivation_relation import (
    _AGENCY_DATELINE,
    Link,
    Pair,
    best_links,
    break_cycles,
    chain,
    copy_link,
    derivation_record,
    rewrite_link,
)
from storyline.corpus.embeddings import Encoder, HeldVectors
from storyline.errors import Errors, StageError
from storyline.records import Derivation, Document
from storyline.textmap import TextMap
from storyline.time.iso_dates import day_number

DAY_UNKNOWN = -1
# Shared by every let-go report, so that each costs its few fields and not four arrays.
_NO_SHINGLES = np.zeros(0, np.uint32)
_NO_ROWS = np.zeros(0, np.int64)
_NO_MATRIX = np.zeros((0, 1), np.float32)
_NO_COUNTED = np.zeros(0, bool)


def clock_days(documents: Iterable[Document]) -> Iterator[tuple[int, Document]]:
    """Each document with its day on the stream's clock (stage 1); undated ones wait for a date."""
    waiting: list[Document] = []
    clock = DAY_UNKNOWN
    for doc in documents:
        day = publication_day(doc)
        if day == DAY_UNKNOWN and clock == DAY_UNKNOWN:
            waiting.append(doc)
            continue
        clock = max(clock, day) if day != DAY_UNKNOWN else clock
        for early in waiting:
            yield day, early
        waiting = []
        yield (day if day != DAY_UNKNOWN else clock), doc
    for doc in waiting:  # no document had a date: all on one day
        yield 0, doc


def publication_day(doc: Document) -> int:
    """The day number of a full ``YYYY-MM-DD`` publication date, else ``DAY_UNKNOWN``."""
    return day_number(doc.published, coarse=None, missing=DAY_UNKNOWN)


def stream_order(documents: Sequence[Document]) -> list[Document]:
    """The documents in clock order, ties by id: the order a streamed derivation wants."""
    placed = list(clock_days(documents))
    return [doc for _, doc in sorted(placed, key=lambda p: (p[0], p[1].id))]


def _shell(doc: Document, units: int = 0) -> Report:
    """A report that keeps only what orientation and chains read: id, date, source, dateline and size."""
    slim = Document(
        id=doc.id,
        path=doc.path,
        raw_text="",
        text="",
        text_map=TextMap.identity(0),
        published=doc.published,
        source=doc.source,
        dateline=doc.dateline,
    )
    return Report(
        doc=slim,
        shingles=_NO_SHINGLES,
        units=(),
        rows=_NO_ROWS,
        matrix=_NO_MATRIX,
        counted=_NO_COUNTED,
        completeness=(units, len(doc.text)),
    )


@dataclass
class StreamedDerivation:
    """The state of one streamed derivation: the reports seen, the spans held, the links found."""

    encoder: Encoder
    config: DerivationConfig
    reports: list[Report] = field(default_factory=list)
    days: list[int] = field(default_factory=list)
    pending: dict[int, list[tuple[int, Document]]] = field(default_factory=dict)  # span -> (day, document)
    spans: dict[int, list[int]] = field(default_factory=dict)  # span -> report numbers, while held
    holding: set[int] = field(default_factory=set)  # reports held with their shingles and vectors
    signatures: dict[int, LeanMinHash] = field(default_factory=dict)  # MinHash of held reports
    links: dict[tuple[int, int, str], Link] = field(default_factory=dict)
    best: dict[int, Link] = field(default_factory=dict)
    wire: set[int] = field(default_factory=set)
    done_through: int | None = None  # the last span whose links are all known
    held_peak: int = 0  # most reports held with their text and vectors at once
    vectors: HeldVectors = field(init=False)  # sentence vectors of the held spans, each encoded once

    def __post_init__(self) -> None:
        if self.config.rewrite_window_days is None or self.config.rewrite_window_days < 1:
            raise StageError(Errors.E230.format(value=self.config.rewrite_window_days))
        self.span_days = self.config.rewrite_window_days
        self.vectors = HeldVectors(self.encoder)

    def derive(self, documents: Iterable[Document]) -> Iterator[Derivation]:
        """Every derivation of the documents, each given out once the spans around it are done."""
        for day, doc in clock_days(documents):
            yield from self.add(day, doc)
        yield from self.finish()

    # -- 1, 2. reports into spans ------------------------------------------------------------------

    def add(self, day: int, doc: Document) -> Iterator[Derivation]:
        span = day // self.span_days
        if self.done_through is not None and span <= self.done_through + 1:
            raise StageError(Errors.E231.format(document=doc.path or doc.id, published=doc.published))
        self.pending.setdefault(span, []).append((day, doc))
        latest = max(self.pending)
        ready = sorted(s for s in self.pending if s <= latest - 2)
        if ready:
            yield from self._advance_to(ready[-1])

    def finish(self) -> Iterator[Derivation]:
        if self.pending:  # the span after the last is empty: taking it finalizes the last
            yield from self._advance_to(max(self.pending) + 1)

    def _advance_to(self, span: int) -> Iterator[Derivation]:
        """Take every span up to ``span`` whose next span is complete, oldest first."""
        start = min(self.pending) if self.done_through is None else self.done_through + 1
        for current in range(start, span + 1):
            self._take(current)
            previous, self.done_through = self.done_through, current
            if previous is not None:
                yield from self._finalize(previous)
                self._release(previous - 1)

    def _hold(self, span: int) -> list[int]:
        """Make the span's pending documents into reports (shingles and vectors) and hold them."""
        if span in self.spans:
            return self.spans[span]
        placed = self.pending.pop(span, [])
        day_of = {doc.id: day for day, doc in placed}
        numbers = []
        for report in make_reports([doc for _, doc in placed], self.vectors, self.config) if placed else []:
            numbers.append(len(self.reports))
            self.reports.append(report)
            self.days.append(day_of[report.doc.id])
            self.holding.add(numbers[-1])
            if report.doc.dateline and _AGENCY_DATELINE.search(report.doc.dateline):
                self.wire.add(numbers[-1])
        self.spans[span] = numbers
        return numbers

    def _release(self, span: int) -> None:
        """Let go of a span's text, shingles, vectors and links; keep what chains and orientation read."""
        released = set(self.spans.pop(span, []))
        self.vectors.release({text for i in released for _, text in self.reports[i].units})
        for i in released:
            self.reports[i] = _shell(self.reports[i].doc, self.reports[i].completeness[0])
        self.holding -= released
        for i in released:
            self.signatures.pop(i, None)
        for key in [key for key in self.links if key[0] in released]:
            del self.links[key]

    def held(self, i: int) -> bool:
        return i in self.holding

    # -- 3, 4. one span against its window -----------------------------------------------------------

    def _take(self, span: int) -> None:
        rows = self._hold(span)
        window = sorted({i for s in (span - 1, span, span + 1) for i in self._hold(s)})
        self.held_peak = max(self.held_peak, sum(len(v) for v in self.spans.values()))
        if not rows:
            return
        # 3. copies and excerpts
        candidates = copy_candidates(self.reports, self.config, window, rows, self.signatures)
        nearest = self._nearest(rows, window)
        for pair in sorted(candidates | nearest):  # exact overlap decides on every pair compared
            link = copy_link(self.reports, pair, self.config)
            if link is not None:
                self._keep(link)
        # 4. rewrites
        members = set(window)
        # copy links only, as the in-memory stage aligns before any rewrite is known
        local = [link for link in self.links.values() if link.derived in members and link.relation != "rewrite"]
        wire = frozenset(self.wire)
        for pair in rewrite_pairs(nearest | candidates, local, self.reports, wire, held=self.held):
            link = rewrite_link(self.reports, pair, self.config, wire)
            if link is not None:
                self._keep(link)

    def _keep(self, link: Link) -> None:
        self.links.setdefault((link.derived, link.origin, link.relation), link)
        if link.relation == "duplicate":
            self.wire.update((link.derived, link.origin))

    def _nearest(self, rows: Sequence[int], window: Sequence[int]) -> set[Pair]:
        """Each of ``rows`` with its nearest reports of the window by mean embedding, within the days."""
        vectors = document_vectors([self.reports[i] for i in window])
        days = np.array([self.days[i] for i in window], dtype=np.int64)
        position = {i: n for n, i in enumerate(window)}
        local_rows = np.array([position[i] for i in rows], dtype=np.int64)
        pairs = top_k(
            vectors,
            local_rows,
            np.arange(len(window)),
            self.config.rewrite_candidates,
            512,
            self.config.rewrite_window_days,
            days,
        )
        return {(min(window[a], window[b]), max(window[a], window[b])) for a, b in pairs}

    # -- 5. records ------------------------------------------------------------------------------------

    def _finalize(self, span: int) -> Iterator[Derivation]:
        """Give out the derivations of the span's reports: all their links are known now."""
        rows = set(self.spans.get(span, ()))
        new = best_links([link for link in self.links.values() if link.derived in rows], self.reports)
        self.best = break_cycles({**self.best, **new}, self.reports, starts=new)
        for derived in sorted((d for d in new if d in self.best), key=lambda d: self.reports[d].doc.id):
            yield self._record(derived)

    def _record(self, derived: int) -> Derivation:
        origins = chain(self.best, derived)
        wire = frozenset(self.wire)
        if self.held(origins[-1]):
            return derivation_record(self.reports, self.best, derived, self.config, wire)
        nearest = max((n for n, o in enumerate(origins) if self.held(o)), default=None)
        if nearest is None:  # not even the direct origin is held: only its name and the link
            link = self.best[derived]
            return Derivation(
                document=self.reports[derived].doc.id,
                origin=self.reports[origins[-1]].doc.id,
                relation=link.relation,
                score=float(link.score),
                adds=(),
                drops=(),
                note=f"origins left the stream's window; score from the link to {self.reports[link.origin].doc.id}",
            )
        cut = {d: link for d, link in self.best.items() if d != origins[nearest]}
        measured = derivation_record(self.reports, cut, derived, self.config, wire)
        note = (
            f"first origin left the stream's window; score, adds and drops measured against"
            f" {self.reports[origins[nearest]].doc.id}"
        )
        return replace(
            measured,
            origin=self.reports[origins[-1]].doc.id,
            note="; ".join(filter(None, [measured.note, note])),
        )


def stream_derivations(
    documents: Iterable[Document], encoder: Encoder, config: DerivationConfig
) -> Iterator[Derivation]:
    """Derivations of documents given in publication order (undated ones where they arrive).

    Each is given out once the spans around it are done. A dated document that arrives after its
    span was taken raises E231: sort the input with ``stream_order`` first.
    """
    return StreamedDerivation(encoder, config).derive(documents)


def find_derivations_streamed(
    documents: Sequence[Document], encoder: Encoder, config: DerivationConfig
) -> tuple[Derivation, ...]:
    """``find_derivations`` of a story's documents through the stream, ordered by document id."""
    found = stream_derivations(stream_order(documents), encoder, config)
    return tuple(sorted(found, key=lambda d: d.document))
