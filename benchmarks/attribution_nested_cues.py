"""Should the cue model add a cue inside what a rule attribution reports at its usual threshold? Train,
out of fold.

Experiment of session 22 (issue 4), branch h-pn4. Where train's gold sources are lost with no cue found
but another attribution found in the sentence (1,278 of them, out of fold), half of the missed cues are
scored 0.1-0.4 by the cue model, which is calibrated there: the candidates below its threshold (0.4) in
sentences with an attribution are right 15-41% of the time, and adding them at 0.35 or 0.30 loses
(source -0.0005 and -0.0024, cue and content more). Those it accepts inside the content of a rule
attribution ("Roe said the mayor [wants] a bridge"), the ``in_content`` feature, are the other side:
few are PolNeAR's. This script runs the stage as ``attribution_source_adds.oof_documents`` runs it (cue
and source models fitted without each text's fold, 5 folds by text, no CRF checker or adders, then
``merge_sources``) twice: with ``attribution_learned.NESTED`` at 0 (a nested cue needs only the
threshold, as before) and at each value of ``CUTS``; it prints source, cue and content overlap F1 with a
95% paired bootstrap band over files (1,000 resamples), source per fold, and the cut each fold's other
four choose.

Session 22, 919 files (0.6 shipped: about 200 attributions fewer; the smaller change of the two best):

    NESTED 0.5: source 0.7893 -> 0.7897 (+0.0005 [-0.0000, +0.0009]); cue +0.0008; content +0.0013
      source per fold +0.0007, +0.0003, -0.0002, +0.0017, -0.0004
    NESTED 0.6: source 0.7893 -> 0.7901 (+0.0009 [+0.0003, +0.0015]); cue 0.7767 -> 0.7777 (+0.0010
      [+0.0004, +0.0017]); content 0.7836 -> 0.7856 (+0.0020 [+0.0014, +0.0026])
      source per fold +0.0014, +0.0008, +0.0001, +0.0023, -0.0006
    NESTED 0.7: source 0.7893 -> 0.7902 (+0.0009 [+0.0003, +0.0016]); cue +0.0009; content +0.0021
      source per fold +0.0017, +0.0007, -0.0003, +0.0021, -0.0002
    the other four folds choose 0.6, 0.7, 0.7, 0.7, 0.6: nested, source +0.0008 [+0.0001, +0.0014],
      cue +0.0008, content +0.0019

The same cut for the accepted cues of sentences with a rule attribution outside its content: source
-0.0001 [-0.0007, +0.0003] at 0.45, -0.0000 at 0.5, not kept. Dev, scored once with 0.6 and all layers
(the CRF checker and the adders, not run here): source 0.819 -> 0.818 (BENCHMARKS.md).

Session 28 (today's rules, the cut chosen per fold on a finer grid, ``--cuts 0.45 0.5 0.55 0.6 0.65 0.7
0.8``): against 0, source 0.7919 -> 0.7929 at 0.6 to 0.8 alike (+0.0010 [+0.0004, +0.0016]), 0.7926 at
0.55, 0.7924 at 0.5; the other four folds choose 0.6, 0.6, 0.8, 0.8, 0.6, and that nested choice
against the shipped 0.6 gives source -0.0001 [-0.0003, +0.0001], cue -0.0001, content +0.0000: 0.6 kept.

Usage: ``python benchmarks/attribution_nested_cues.py ../shared/data/polnear/train --work WORK [--cuts ...]``
(the shipped ``NESTED`` is always among the cuts, and the last rows set the cut each fold's other four
choose against it; WORK
holds ``parsed.pkl``; ``cue_models.pkl`` of ``attribution_orphans.fold_cue_models`` and the fold source
models, ``source_models.pkl``, are kept there).
"""

from __future__ import annotations

import sys
from pathlib import Path

from storyline.doc import attribution_learned
from storyline.doc import attribution_weights as fitted
from storyline.doc.attribution import attribute_document
from storyline.doc.attribution_learned import CueModel
from storyline.doc.attribution_merge import merge_sources
from storyline.eval import polnear_fit as pf
from storyline.eval.brat import read_ann
from storyline.eval.polnear import find_polnear, gold_spans, overlap_matches, system_spans
from storyline.output.attributions import raw_attributions
from storyline.records import Document

sys.path.insert(0, str(Path(__file__).parent))
from attribution_crf_folds import FOLDS, paired_band
from attribution_orphans import fold_cue_models
from attribution_source_adds import rule_run
from attribution_stats import f1
from attribution_work import kept, parsed_docs, work_parser

CUTS = (0.5, 0.6, 0.7)
ROLES = ("source", "cue", "content")
Row = tuple[int, int, int]


def fold_source_models(folder: Path, docs: dict[str, Document], fold: dict[str, int], work: Path) -> list[CueModel]:
    """Each fold's source model, fitted without it, as ``oof_documents`` fits them (cached in WORK)."""
    return kept(work / "source_models.pkl", lambda: _fold_source_models(folder, docs, fold))


def _fold_source_models(folder: Path, docs: dict[str, Document], fold: dict[str, int]) -> list[CueModel]:
    options, learn = pf.option_samples(rule_run(folder, docs))
    models = []
    for k in range(FOLDS):
        sel = [o for o, keep in zip(options, learn, strict=True) if keep and fold[o.text] != k]
        src = pf.fit(sel, pf.vocabulary(sel))
        models.append(CueModel(src.weights, src.bias, fitted.SOURCE_THRESHOLD or 1.0))
    return models


def attributed(
    docs: dict[str, Document], fold: dict[str, int], cues: list[CueModel], sources: list[CueModel]
) -> dict[str, Document]:
    return {
        t: merge_sources(attribute_document(d, cues[fold[t]], sources[fold[t]])) for t, d in docs.items() if t in fold
    }


def rows(files: list, docs: dict[str, Document], gold: list) -> dict[str, list[Row]]:
    out: dict[str, list[Row]] = {role: [] for role in ROLES}
    for f, g in zip(files, gold, strict=True):
        spans = system_spans(raw_attributions(docs[str(f.text)]))
        for role in ROLES:
            system, want = sorted(spans[role]), sorted(g[role])
            out[role].append((overlap_matches(system, want), len(system), len(want)))
    return out


def main() -> None:
    parser = work_parser(__doc__)
    parser.add_argument("--cuts", type=float, nargs="+", default=list(CUTS), help="the NESTED values to try")
    args = parser.parse_args()
    docs = parsed_docs(args.work)
    fold, cues = fold_cue_models(args.folder, docs, args.work)
    sources = fold_source_models(args.folder, docs, fold, args.work)
    files = [f for f in find_polnear(args.folder) if str(f.text) in fold]
    gold = [gold_spans(read_ann(f.ann), docs[str(f.text)].raw_text, f) for f in files]
    of = [fold[str(f.text)] for f in files]
    shipped = attribution_learned.NESTED
    cuts = tuple(sorted(set(args.cuts) | {shipped}))
    scores: dict[float, dict[str, list[Row]]] = {}
    try:
        for cut in (0.0, *cuts):
            attribution_learned.NESTED = cut
            scores[cut] = rows(files, attributed(docs, fold, cues, sources), gold)
    finally:
        attribution_learned.NESTED = shipped
    base = scores[0.0]
    for cut in cuts:
        print(f"NESTED {cut}:")
        _print_delta(base, scores[cut], of)
    chosen = [max(scores, key=lambda c: _f1_without(scores[c]["source"], of, j)) for j in range(FOLDS)]
    print("  the other four folds choose NESTED " + ", ".join(f"{c}" for c in chosen))
    nested = {role: [scores[chosen[k]][role][j] for j, k in enumerate(of)] for role in ROLES}
    print(f"nested choice against the shipped NESTED {shipped}:")
    _print_delta(scores[shipped], nested, of)


def _print_delta(base: dict[str, list[Row]], new: dict[str, list[Row]], of: list[int]) -> None:
    """Source, cue and content F1 of ``new`` against ``base`` with their paired bands, and source per fold."""
    for role in ROLES:
        lo, hi = paired_band(base[role], new[role])
        was, now = f1(base[role]), f1(new[role])
        print(f"  {role} {was:.4f} -> {now:.4f} ({now - was:+.4f} [{lo:+.4f}, {hi:+.4f}])")
    per = [_f1_of(new["source"], of, j) - _f1_of(base["source"], of, j) for j in range(FOLDS)]
    print("  source per fold " + ", ".join(f"{d:+.4f}" for d in per))


def _f1_without(found: list[Row], of: list[int], j: int) -> float:
    """F1 over the files of every fold but ``j``."""
    return f1([r for r, k in zip(found, of, strict=True) if k != j])


def _f1_of(found: list[Row], of: list[int], j: int) -> float:
    """F1 over the files of fold ``j``."""
    return f1([r for r, k in zip(found, of, strict=True) if k == j])


if __name__ == "__main__":
    main()
