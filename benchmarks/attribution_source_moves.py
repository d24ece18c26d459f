"""Does moving a source to the word the parse says is the speaker help? Train, out of fold.

Experiment of session 21 (issue 4), branch h-pn3. The stage is run as ``attribution_merge_folds.py``
runs it: on the cached parse of PolNeAR train, its cue and source models fitted without each text's
fold (5 folds by text; thresholds as shipped), without the CRF checker and the source adders. Then
``attribution_source_moves.move_sources`` (a relative pronoun's cue with a subject of its own takes that
subject; a passive cue takes its "by" agent; a dateline is taken off a source) and ``merge_sources``
are applied, and source overlap F1 is compared with ``merge_sources`` alone, per fold and with a 95%
paired bootstrap band over files (1,000 resamples). The rules have nothing fitted.

Session 21, 919 files (the first two steps measured with throwaway scripts on the same documents):
relative pronoun only 0.7893 -> 0.7902 (+0.0009 [+0.0005, +0.0014], 22 attributions moved, matches
14,786 -> 14,803); then the agent rule 0.7902 -> 0.7907 (+0.0004 [+0.0001, +0.0008]). All three, as
this script prints them:

    919 files, 69 sources moved; source 0.7893 -> 0.7908 (+0.0015 [+0.0010, +0.0020])
      matches 14786 -> 14812, found 17911 -> 17904
      per fold +0.0007, +0.0007, +0.0011, +0.0040, +0.0007

A dateline matched anywhere in a source (not only opening the sentence), and a dateline source dropped
rather than trimmed, lost right sources ("WASHINGTON - Sen. Ann Roe" overlaps the gold "Sen. Ann Roe";
"NATO-led"): 0.7902 and 0.7904, not kept.

Usage: ``python benchmarks/attribution_source_moves.py ../shared/data/polnear/train --work WORK`` (WORK
as for ``attribution_merge_folds.py``: its ``parsed.pkl``, and ``oof_docs.pkl`` kept there).
"""

from __future__ import annotations

import sys
from pathlib import Path

from storyline.doc.attribution_merge import merge_sources
from storyline.doc.attribution_source_moves import move_sources
from storyline.eval.brat import read_ann
from storyline.eval.polnear import find_polnear, gold_spans

sys.path.insert(0, str(Path(__file__).parent))
from attribution_crf_folds import FOLDS, paired_band
from attribution_merge_folds import Row, source_row
from attribution_source_adds import oof_documents
from attribution_stats import f1
from attribution_work import parsed_docs, work_parser


def main() -> None:
    parser = work_parser(__doc__)
    args = parser.parse_args()
    docs = parsed_docs(args.work)
    oof = oof_documents(args.folder, docs, args.work)
    files = [f for f in find_polnear(args.folder) if str(f.text) in oof]
    texts = sorted({str(f.text) for f in files})
    fold = {t: k % FOLDS for k, t in enumerate(texts)}
    base: list[Row] = []
    moved: list[Row] = []
    changed = 0
    for f in files:
        doc = oof[str(f.text)]
        gold = sorted(gold_spans(read_ann(f.ann), doc.raw_text, f)["source"])
        after = move_sources(doc)
        changed += sum(
            a != b
            for s, t in zip(doc.sentences, after.sentences, strict=True)
            for a, b in zip(s.attributions, t.attributions, strict=True)
        )
        base.append(source_row(merge_sources(doc), gold))
        moved.append(source_row(merge_sources(after), gold))
    lo, hi = paired_band(base, moved)
    delta = f1(moved) - f1(base)
    print(f"{len(files)} files, {changed} sources moved; source {f1(base):.4f} -> {f1(moved):.4f}", end=" ")
    print(f"({delta:+.4f} [{lo:+.4f}, {hi:+.4f}])")
    print(f"  matches {sum(r[0] for r in base)} -> {sum(r[0] for r in moved)},", end=" ")
    print(f"found {sum(r[1] for r in base)} -> {sum(r[1] for r in moved)}")
    for k in range(FOLDS):
        at = [j for j, f in enumerate(files) if fold[str(f.text)] == k]
        print(f"  fold {k}: {f1([moved[j] for j in at]) - f1([base[j] for j in at]):+.4f}")


if __name__ == "__main__":
    main()
