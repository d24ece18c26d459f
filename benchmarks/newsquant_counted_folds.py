"""Check on dev, by k-fold, whether naming counts by the parse's counted phrase beats the word window.

Three ways to name a count are compared on the dev half (never test): ``window`` (the words after the
number, ``--no-parse``), ``fill`` (the parse only for a count the window leaves without a noun) and
``parse`` (the parse's phrase ahead of the window, except "one of the ...", which is what
``storyline eval newsquant`` does). Each fold picks the way with the most value+unit matches on the other
folds and is scored with it; the sum over folds is what a choice made on dev would carry to unseen text.

Example:

    PYTHONPATH=src .venv/bin/python benchmarks/newsquant_counted_folds.py ../shared/data/newsquant/NewsQuant.json
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Callable, Sequence
from pathlib import Path

from storyline.config import Config
from storyline.doc.quantity_counted import PhraseWords
from storyline.eval.newsquant import SentenceResult, match_counts, read_newsquant, score_sentences
from storyline.records import Quantity

Way = Callable[[Quantity, PhraseWords], PhraseWords]
WAYS: dict[str, Way] = {
    "window": lambda q, phrase: (),
    "fill": lambda q, phrase: phrase if q.noun is None else (),
    "parse": lambda q, phrase: phrase,
}


def matches(result: SentenceResult, way: Way) -> int:
    phrases = [way(q, p) for q, p in zip(result.system, result.phrases, strict=True)]
    return match_counts(result.sentence.quantities, result.system, phrases)[1]


def f1(matched: int, results: Sequence[SentenceResult]) -> float:
    gold = sum(len(r.sentence.quantities) for r in results)
    system = sum(len(r.system) for r in results)
    return 2 * matched / (gold + system)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seeds", type=int, default=3)
    args = parser.parse_args()
    results, _ = score_sentences(read_newsquant(args.path), "dev", parse=True, config=Config())
    names = list(WAYS)
    for name in names:
        n = sum(matches(r, WAYS[name]) for r in results)
        print(f"dev, whole: {name:7} value+unit matched {n}, F1 {f1(n, results):.3f}")
    for seed in range(args.seeds):
        order = list(range(len(results)))
        random.Random(seed).shuffle(order)
        folds = [[results[i] for i in order[k :: args.folds]] for k in range(args.folds)]
        held_out, chosen = 0, []
        for k, fold in enumerate(folds):
            rest = [r for j, f in enumerate(folds) if j != k for r in f]
            # ties go to the simpler way (earlier in WAYS)
            best = max(names, key=lambda w: (sum(matches(r, WAYS[w]) for r in rest), -names.index(w)))
            chosen.append(best)
            held_out += sum(matches(r, WAYS[best]) for r in fold)
        score = f1(held_out, results)
        print(f"seed {seed}, {args.folds} folds: chosen {chosen}, held-out matched {held_out}, F1 {score:.3f}")


if __name__ == "__main__":
    main()
