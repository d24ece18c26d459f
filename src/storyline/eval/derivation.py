"""Score copy, excerpt and rewrite detection (``storyline.corpus.derivation``) on a generated set.

``storyline eval derivation [--sizes 1000,10000] [--t17 DIR] [--encoder minilm|hashing]
[--mode stream|memory] [--format table|json]`` prints ``derivation_report(sizes, t17_dir, encoder,
fmt, seed, mode)``.

For each size: 1. generate the labelled set (``derivation_set``); 2. make documents as the build
does before derivation, without spaCy: the ``clean`` stage removes junk lines, then a rule splitter
gives the sentences (one per line in Timeline17); 3. run the derivation, timed (wall) and with the
peak resident memory of the process during the run: streamed (``derivation_stream``, documents
made one at a time in publication order) or in memory (``find_derivations`` on all documents made
first); 4. score. A predicted link is right
when its document is derived in truth, from that origin (the first one, for a chain) and by that
relation. Precision and recall per relation and overall, recall per kind of derived report, and
the number of false links between two originals.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

from threadpoolctl import threadpool_limits

from storyline.config import CleanConfig, DerivationConfig
from storyline.corpus.derivation import find_derivations
from storyline.corpus.derivation_stream import StreamedDerivation
from storyline.corpus.embeddings import MINILM_DIM, Encoder, HashingEncoder, MiniLMEncoder
from storyline.doc.clean import clean_document
from storyline.errors import Errors, InputError
from storyline.eval.derivation_set import GeneratedReport, generate, load_bases, split_sentences
from storyline.eval.scores import PRF
from storyline.io.read import document_id
from storyline.records import Derivation, Document, DocumentId, Hint, Relation, Sentence, Story
from storyline.textmap import TextMap

EncoderName = Literal["minilm", "hashing"]
Mode = Literal["stream", "memory"]
ReportFormat = Literal["table", "json"]
RELATIONS: tuple[Relation, ...] = ("duplicate", "excerpt", "rewrite")
EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "kharkiv-2022"
DEFAULT_SEED = 20240917
Truth = dict[DocumentId, tuple[DocumentId, Relation]]


@dataclass(frozen=True)
class SizeResult:
    size: int
    encoder: str
    originals: int
    derived: int
    sentences: int
    prepare_seconds: float
    seconds: float
    cpu_seconds: float  # of this process during the derivation (user + system)
    peak_rss_mb: float
    rss_before_mb: float
    scores: dict[str, PRF]
    counts: dict[str, tuple[int, int, int]]  # relation -> (correct, system, gold)
    recall_by_kind: dict[str, float]
    false_between_originals: int
    held_reports: int  # most reports held with text, shingles and vectors at once (all of them in memory)


# -- 2. documents -------------------------------------------------------------------------------------


def sentences_of(text: str) -> tuple[Sentence, ...]:
    """Rule-split sentences with offsets into ``text``; each line is a paragraph."""
    out: list[Sentence] = []
    pos = 0
    for paragraph, line in enumerate(line for line in text.splitlines() if line.strip()):
        for piece in split_sentences(line):
            start = text.index(piece, pos)
            out.append(Sentence(index=len(out), start=start, end=start + len(piece), text=piece, paragraph=paragraph))
            pos = start + len(piece)
    return tuple(out)


def make_document(report: GeneratedReport, clean: CleanConfig) -> Document:
    text = report.text
    doc = Document(
        id=document_id(text, report.source),
        path=f"generated/{report.index}",
        raw_text=text,
        text=text,
        text_map=TextMap.identity(len(text)),
        hints=(Hint(field="title", value=report.title, origin="record"),),
        source=report.source,
        title=report.title,
        published=report.published,
        published_from="manifest",  # as a manifest gives it
        done=frozenset({"read"}),
    )
    doc = clean_document(doc, clean)
    return Document(**{**doc.__dict__, "sentences": sentences_of(doc.text), "done": frozenset({"read", "clean"})})


def truth_of(reports: Sequence[GeneratedReport], ids: Sequence[DocumentId]) -> Truth:
    return {
        ids[r.index]: (ids[r.origin], r.relation) for r in reports if r.origin is not None and r.relation is not None
    }


# -- 4. scoring ---------------------------------------------------------------------------------------


def score(found: Sequence[Derivation], truth: Truth) -> dict[str, tuple[int, int, int]]:
    """(correct, system, gold) per relation and "overall"."""
    counts: dict[str, tuple[int, int, int]] = {}
    for relation in (*RELATIONS, None):
        system = [d for d in found if relation is None or d.relation == relation]
        gold = [doc for doc, (_, rel) in truth.items() if relation is None or rel == relation]
        correct = sum(truth.get(d.document) == (d.origin, d.relation) for d in system)
        counts[relation or "overall"] = (correct, len(system), len(gold))
    return counts


def recall_by_kind(found: Sequence[Derivation], truth: Truth, kinds: dict[DocumentId, str]) -> dict[str, float]:
    right = Counter(kinds[d.document] for d in found if truth.get(d.document) == (d.origin, d.relation))
    total = Counter(kinds[doc] for doc in truth)
    return {kind: right[kind] / total[kind] for kind in sorted(total)}


# -- 3. one run ---------------------------------------------------------------------------------------


def _rss_mb(field: str) -> float:
    """VmHWM (peak) or VmRSS from /proc/self/status, in MB; ru_maxrss where /proc is missing."""
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _reset_peak() -> None:
    clear = Path("/proc/self/clear_refs")
    if sys.platform.startswith("linux") and clear.exists():
        clear.write_text("5")  # resets VmHWM to the current RSS


def run_size(
    reports: Sequence[GeneratedReport],
    encoder: Encoder,
    encoder_name: str,
    config: DerivationConfig,
    mode: Mode = "memory",
) -> SizeResult:
    """Derive and score one generated set: in memory (every document made first), or streamed.

    Streamed, the documents are made one at a time in publication order as the stage asks for them,
    so the run holds only the generated texts and the stage's window; the documents' making is
    then part of the stage's time (``prepare_seconds`` is 0).
    """
    ids = [document_id(r.text, r.source) for r in reports]
    truth = truth_of(reports, ids)
    clean = CleanConfig()
    sentences = [0]
    held = len(reports)
    start = time.perf_counter()
    docs = [make_document(r, clean) for r in reports] if mode == "memory" else []
    prepare = time.perf_counter() - start
    _reset_peak()
    before = _rss_mb("VmRSS")
    start, cpu = time.perf_counter(), time.process_time()
    # BLAS on one thread: the stage makes many small products, and on a shared machine the hand-off
    # between BLAS threads costs more than the products (3 ms instead of 0.05 ms each).
    with threadpool_limits(1):
        if mode == "memory":
            sentences[0] = sum(len(d.sentences) for d in docs)
            story = Story(id="derivation-eval", title="derivation eval", documents=tuple(docs))
            found: Sequence[Derivation] = find_derivations(story, encoder, config)
        else:
            stream = StreamedDerivation(encoder, config)
            found = list(stream.derive(_in_date_order(reports, clean, sentences)))
            held = stream.held_peak
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = _rss_mb("VmHWM")
    counts = score(found, truth)
    originals = {ids[r.index] for r in reports if r.origin is None}
    return SizeResult(
        size=len(reports),
        encoder=encoder_name,
        originals=len(originals),
        derived=len(truth),
        sentences=sentences[0],
        prepare_seconds=round(prepare, 2),
        seconds=round(seconds, 2),
        cpu_seconds=round(cpu, 2),
        peak_rss_mb=round(peak, 1),
        rss_before_mb=round(before, 1),
        scores={k: PRF.of(*v) for k, v in counts.items()},
        counts=counts,
        recall_by_kind=recall_by_kind(found, truth, {ids[r.index]: r.kind for r in reports}),
        false_between_originals=sum(d.document in originals and d.origin in originals for d in found),
        held_reports=held,
    )


def _in_date_order(reports: Sequence[GeneratedReport], clean: CleanConfig, sentences: list[int]) -> Iterator[Document]:
    """Documents made one at a time, in publication order, counting their sentences into ``sentences[0]``."""
    for report in sorted(reports, key=lambda r: (r.published, r.index)):
        doc = make_document(report, clean)
        sentences[0] += len(doc.sentences)
        yield doc


def make_encoder(name: str) -> Encoder:
    if name == "minilm":
        return MiniLMEncoder()
    if name == "hashing":
        return HashingEncoder(dim=MINILM_DIM)  # MiniLM's width, so that memory is what MiniLM would need
    raise InputError(Errors.E122.format(name=name))


def evaluate(
    sizes: Sequence[int], t17_dir: Path | None, encoder: str, seed: int = DEFAULT_SEED, mode: str = "stream"
) -> list[SizeResult]:
    if not EXAMPLES.is_dir():
        raise InputError(Errors.E124.format(path=EXAMPLES))
    if t17_dir is not None and not any(t17_dir.glob("*/articles.jsonl")):
        raise InputError(Errors.E120.format(path=t17_dir))
    if mode not in ("stream", "memory"):
        raise InputError(Errors.E232.format(mode=mode))
    for size in sizes:
        if size < 10:
            raise InputError(Errors.E121.format(size=size))
    model = make_encoder(encoder)
    bases = load_bases(EXAMPLES, t17_dir)
    config = DerivationConfig()
    run_mode: Mode = "stream" if mode == "stream" else "memory"
    return [run_size(generate(bases, size, seed), model, encoder, config, run_mode) for size in sizes]


# -- the report ---------------------------------------------------------------------------------------


def derivation_report(
    sizes: Sequence[int],
    t17_dir: Path | None,
    encoder: str = "minilm",
    fmt: str = "table",
    seed: int = DEFAULT_SEED,
    mode: str = "stream",
) -> str:
    if fmt not in ("table", "json"):
        raise InputError(Errors.E123.format(fmt=fmt))
    results = evaluate(sizes, t17_dir, encoder, seed, mode)
    if fmt == "json":
        return json.dumps({"seed": seed, "mode": mode, "results": [asdict(r) for r in results]}, indent=2)
    return "\n\n".join(format_table(r, seed, mode) for r in results)


def format_table(result: SizeResult, seed: int, mode: str = "stream") -> str:
    head = (
        f"{result.size} reports ({result.originals} originals, {result.derived} derived, {result.sentences} sentences),"
        f" encoder {result.encoder}, seed {seed}, {mode}"
    )
    rows = [head, f"{'relation':<10} {'P':>6} {'R':>6} {'F1':>6} {'correct':>8} {'system':>7} {'gold':>6}"]
    for name, prf in result.scores.items():
        correct, system, gold = result.counts[name]
        rows.append(
            f"{name:<10} {prf.precision:6.3f} {prf.recall:6.3f} {prf.f1:6.3f} {correct:8d} {system:7d} {gold:6d}"
        )
    kinds = ", ".join(f"{k} {v:.3f}" for k, v in result.recall_by_kind.items())
    rows.append(f"recall by kind: {kinds}")
    rows.append(f"false links between two originals: {result.false_between_originals}")
    rows.append(
        f"derivation {result.seconds:.1f} s wall, {result.cpu_seconds:.1f} s CPU (documents made in"
        f" {result.prepare_seconds:.1f} s), peak RSS"
        f" {result.peak_rss_mb:.0f} MB ({result.rss_before_mb:.0f} MB before the stage);"
        f" at most {result.held_reports} reports held at once"
    )
    return "\n".join(rows)
