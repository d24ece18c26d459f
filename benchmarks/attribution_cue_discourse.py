"""Does the cue model gain from what earlier sentences say of a sentence? Train, out of fold.

Experiment of session 23 (issue 4), branch h-pn5. Where train's gold sources are lost with no cue found
and no attribution in the sentence (2,884 out of fold, the biggest class), the gold cue is a long tail
of verbs (1,866; "be" 213, "have" 74, "support" 44, "make" 38) and nouns (426), scored 0.1-0.4 by the
cue model in 1,594 cases. In sentences without a rule attribution, a candidate is a PolNeAR cue 9.7% of
the time when the sentence before it in its paragraph has no rule attribution and 5.9% when it has one
(the sentence continues that report), 15.5% in the document's first sentence (a headline), 13.8% when
its subject is a word of a source the rules found earlier. ``attribution_discourse`` gives these to the
cue model as features; this script refits the cue model with and without them (the rules' samples of
``polnear_fit``, 5 folds by text, the cue and source models fitted without each text's fold), runs the
stage as ``attribution_source_adds.oof_documents`` does (no CRF checker or adders, then
``merge_sources``) with each, and prints source, cue and content overlap F1 with a 95% paired bootstrap
band over files (1,000 resamples), and source per fold.

Session 23, 919 files (not kept; the code stays on branch h-pn5 only):

    all: source 0.7901 -> 0.7894 (-0.0008 [-0.0017, +0.0001]); cue 0.7776 -> 0.7772 (-0.0005 [-0.0015,
      +0.0004]); content 0.7857 -> 0.7851 (-0.0006 [-0.0014, +0.0003])
      source per fold +0.0000, -0.0007, -0.0020, +0.0012, -0.0032

Usage: ``python benchmarks/attribution_cue_discourse.py ../shared/data/polnear/train --work WORK
[--arm NAME]`` (WORK holds ``parsed.pkl`` and the fold source models ``source_models.pkl`` of
``attribution_nested_cues.py``; the rules' samples, each arm's fold models and scores are kept there).
With ``--arm`` only that arm is fitted and scored (arms can run in parallel); without, every arm is,
then compared with ``base``.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from storyline.doc import attribution_weights as fitted
from storyline.doc.attribution_learned import CueModel
from storyline.eval import polnear_fit as pf
from storyline.eval.brat import read_ann
from storyline.eval.polnear import find_polnear, gold_spans
from storyline.eval.polnear_fit_meaning import meaning_basis
from storyline.records import Document

sys.path.insert(0, str(Path(__file__).parent))
from attribution_crf_folds import FOLDS, paired_band
from attribution_nested_cues import ROLES, attributed, fold_source_models, rows
from attribution_source_adds import rule_run
from attribution_stats import f1

_PLACE = ("after_attribution", "no_attribution_before", "first_sentence", "opens_paragraph")


def _speaker(name: str) -> bool:
    return name == "subj_spoke" or name.endswith("|subj_spoke")


def _discourse(name: str) -> bool:
    return name in _PLACE or _speaker(name)


# Each arm keeps the names its test passes: base none of the discourse names.
ARMS: dict[str, Callable[[str], bool]] = {
    "base": lambda n: not _discourse(n),
    "all": lambda n: True,
}


def samples(folder: Path, docs: dict[str, Document], work: Path) -> Any:
    cache = work / "discourse_run.pkl"
    if cache.is_file():
        return pickle.loads(cache.read_bytes())
    run = rule_run(folder, docs)
    cache.write_bytes(pickle.dumps(run))
    return run


def fold_models(run: Any, keep: Callable[[str], bool]) -> tuple[dict[str, int], list[CueModel]]:
    """Each text's fold and each fold's cue model fitted without it on the names ``keep`` passes."""
    kept = [replace(s, features=tuple(n for n in s.features if keep(n))) for s in run.samples]
    texts = sorted({s.text for s in kept})
    fold = {t: k % FOLDS for k, t in enumerate(texts)}
    basis = meaning_basis()
    models = []
    for k in range(FOLDS):
        train = [s for s in kept if fold[s.text] != k]
        cue = pf.fit(train, pf.vocabulary(train), basis)
        models.append(CueModel(cue.weights, cue.bias, fitted.THRESHOLD, fitted.VETO, cue.meaning))
        print(f"  fold {k} cue model fitted", flush=True)
    return fold, models


def arm_rows(name: str, folder: Path, docs: dict[str, Document], work: Path) -> dict[str, Any]:
    """The arm's (matched, found, gold) rows by role, per file, and each file's fold (``"folds"``)."""
    cache = work / f"discourse_{name}.pkl"
    if cache.is_file():
        return pickle.loads(cache.read_bytes())  # type: ignore[no-any-return]
    run = samples(folder, docs, work)
    fold, cues = fold_models(run, ARMS[name])
    sources = fold_source_models(folder, docs, fold, work)
    files = [f for f in find_polnear(folder) if str(f.text) in fold]
    gold = [gold_spans(read_ann(f.ann), docs[str(f.text)].raw_text, f) for f in files]
    out: dict[str, Any] = dict(rows(files, attributed(docs, fold, cues, sources), gold))
    out["folds"] = [fold[str(f.text)] for f in files]
    cache.write_bytes(pickle.dumps(out))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--arm", choices=sorted(ARMS))
    args = parser.parse_args()
    began = time.time()
    docs: dict[str, Document] = pickle.loads((args.work / "parsed.pkl").read_bytes())
    if args.arm:
        arm_rows(args.arm, args.folder, docs, args.work)
        print(f"{args.arm} done, {time.time() - began:.0f} s")
        return
    scores = {name: arm_rows(name, args.folder, docs, args.work) for name in ARMS}
    of = scores["base"]["folds"]
    base = scores["base"]
    for name in ARMS:
        if name == "base":
            continue
        new = scores[name]
        print(f"{name}:")
        for role in ROLES:
            lo, hi = paired_band(base[role], new[role])
            was, now = f1(base[role]), f1(new[role])
            print(f"  {role} {was:.4f} -> {now:.4f} ({now - was:+.4f} [{lo:+.4f}, {hi:+.4f}])")
        per = [
            f1([r for r, k in zip(new["source"], of, strict=True) if k == j])
            - f1([r for r, k in zip(base["source"], of, strict=True) if k == j])
            for j in range(FOLDS)
        ]
        print("  source per fold " + ", ".join(f"{d:+.4f}" for d in per))
    print(f"{time.time() - began:.0f} s")


if __name__ == "__main__":
    main()
