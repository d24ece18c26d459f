"""CPU speed of the time tagger on TimeML files: sentences per CPU second on one core, best of N.

CPU time (``time.process_time``) rather than wall time, so that a loaded machine changes the figure
little. Usage: ``python benchmarks/tagger_speed.py ../shared/data/tempeval3/TimeBank [--repeat 9] [--limit N]``.
``benchmarks/tagger_instructions.py`` runs this under callgrind for a figure independent of the machine's load.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from storyline.eval.tempeval import split_sentences
from storyline.eval.timeml import TimeMLDocument, find_timeml, read_timeml
from storyline.time import tag
from storyline.time.focus import Focus, follow


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path, help="a folder of .tml files, e.g. ../shared/data/tempeval3/TimeBank")
    parser.add_argument("--repeat", type=int, default=9, help="passes; the best one is reported")
    parser.add_argument("--limit", type=int, default=None, help="only the first N sentences (files in name order)")
    args = parser.parse_args()
    docs = [read_timeml(p) for p in find_timeml(args.folder)]
    items = [(d, [d.text[a:b] for a, b in split_sentences(d.text)]) for d in docs]
    if args.limit is not None:
        items = _first_sentences(items, args.limit)
    n = sum(len(s) for _, s in items)
    best = float("inf")
    for _ in range(args.repeat):
        start = time.process_time()
        for d, sentences in items:
            focus = Focus()
            for s in sentences:
                focus = follow(focus, tag(s, d.dct, focus=focus), d.dct)
        best = min(best, time.process_time() - start)
    print(f"{n:,} sentences, best CPU {best:.3f} s = {n / best:,.0f} sentences/s on one core")


def _first_sentences(
    items: list[tuple[TimeMLDocument, list[str]]], limit: int
) -> list[tuple[TimeMLDocument, list[str]]]:
    kept: list[tuple[TimeMLDocument, list[str]]] = []
    for doc, sentences in items:
        if limit <= 0:
            break
        kept.append((doc, sentences[:limit]))
        limit -= len(sentences)
    return kept


if __name__ == "__main__":
    main()
