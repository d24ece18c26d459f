"""Does giving two overlapping sources of a sentence the longer span help? Train, out of fold.

Experiment of session 19 (issue 4). The stage is run as ``attribution_source_adds.py`` runs it: on
the cached parse of PolNeAR train, its cue and source models fitted without each text's fold (5
folds by text, as ``polnear_fit``; thresholds as shipped), without the CRF checker and the source
adders (their out-of-fold models are not needed for a rule that only joins spans). Then
``attribution_merge.merge_sources`` is applied, and source overlap F1 compared per fold and with a
95% paired bootstrap band over files (1,000 resamples). The rule has nothing fitted: the in-sample
choice of its variants is in BENCHMARKS.md, session 19.

Session 19, 919 files: source 0.7878 -> 0.7893 (+0.0015 [+0.0011, +0.0019]); per fold +0.0018,
+0.0015, +0.0011, +0.0012, +0.0021.

Usage: ``python benchmarks/attribution_merge_folds.py ../shared/data/polnear/train --work WORK``
(WORK holds ``parsed.pkl`` as ``polnear_fit_tagger.parsed`` writes it, keyed by text path, so give the
folder as it was given then; the out-of-fold documents are kept there as ``oof_docs.pkl``, about 11
min the first time on a loaded machine).
"""

from __future__ import annotations

import sys
from pathlib import Path

from storyline.doc.attribution_merge import merge_sources
from storyline.eval.brat import read_ann
from storyline.eval.polnear import find_polnear, gold_spans, overlap_matches, system_spans
from storyline.output.attributions import raw_attributions
from storyline.records import Document

sys.path.insert(0, str(Path(__file__).parent))
from attribution_crf_folds import FOLDS, paired_band
from attribution_source_adds import oof_documents
from attribution_stats import f1
from attribution_work import parsed_docs, work_parser

Row = tuple[int, int, int]


def source_row(doc: Document, gold: list[tuple[tuple[int, int], ...]]) -> Row:
    system = sorted(system_spans(raw_attributions(doc))["source"])
    return overlap_matches(system, gold), len(system), len(gold)


def main() -> None:
    parser = work_parser(__doc__)
    args = parser.parse_args()
    docs = parsed_docs(args.work)
    oof = oof_documents(args.folder, docs, args.work)
    files = [f for f in find_polnear(args.folder) if str(f.text) in oof]
    texts = sorted({str(f.text) for f in files})
    fold = {t: k % FOLDS for k, t in enumerate(texts)}
    base: list[Row] = []
    merged: list[Row] = []
    for f in files:
        doc = oof[str(f.text)]
        gold = sorted(gold_spans(read_ann(f.ann), doc.raw_text, f)["source"])
        base.append(source_row(doc, gold))
        merged.append(source_row(merge_sources(doc), gold))
    lo, hi = paired_band(base, merged)
    delta = f1(merged) - f1(base)
    print(f"{len(files)} files; source {f1(base):.4f} -> {f1(merged):.4f} ({delta:+.4f} [{lo:+.4f}, {hi:+.4f}])")
    for k in range(FOLDS):
        at = [j for j, f in enumerate(files) if fold[str(f.text)] == k]
        print(f"  fold {k}: {f1([merged[j] for j in at]) - f1([base[j] for j in at]):+.4f}")


if __name__ == "__main__":
    main()
