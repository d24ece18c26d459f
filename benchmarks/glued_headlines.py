"""Count the glued headlines, labels, captions and stamps the ``clean`` stage splits off on Timeline17.

Each story's records are read as ``storyline build`` reads them and cleaned twice, with
``clean.split_glued`` on and off. A split is a character that is a space with it off and a line
break with it on (the texts have the same length unless a split-off line was then removed as junk,
such as a photo credit; those documents are counted, their splits are not). Prints, per story, the
documents with a split and the splits, then ``--show N`` splits drawn with ``--seed`` for reading
by hand ("before ‖ after").

Example:

    PYTHONPATH=src .venv/bin/python benchmarks/glued_headlines.py ../shared/data/timeline17 --show 50 --seed 2025
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from storyline.config import CleanConfig
from storyline.doc.clean import clean_document
from storyline.io.read import read_file
from storyline.records import Document


def story_splits(path: Path) -> tuple[int, int, int, list[str]]:
    """(documents, documents changed, splits, each split shown as "before ‖ after")."""
    on, off = CleanConfig(), CleanConfig(split_glued=False)
    docs = changed = splits = 0
    shown: list[str] = []
    for doc in read_file(path):
        if not isinstance(doc, Document):
            continue
        docs += 1
        split, whole = clean_document(doc, on).text, clean_document(doc, off).text
        if split == whole:
            continue
        changed += 1
        if len(split) != len(whole):
            continue
        at = [i for i, (a, b) in enumerate(zip(split, whole, strict=True)) if a != b]
        splits += len(at)
        shown += [f"{split[max(0, i - 70) : i]} ‖ {split[i + 1 : i + 60]}".replace("\n", "⏎") for i in at]
    return docs, changed, splits, shown


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="Timeline17 folder (one folder per story with articles.jsonl)")
    parser.add_argument("--show", type=int, default=0, help="print this many splits, drawn at random")
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args()
    total = [0, 0, 0]
    samples: list[str] = []
    for path in sorted(args.folder.glob("*/articles.jsonl")):
        docs, changed, splits, shown = story_splits(path)
        print(f"{path.parent.name}: {changed} of {docs} documents, {splits} splits")
        total = [total[0] + docs, total[1] + changed, total[2] + splits]
        samples += [f"{path.parent.name} | {s}" for s in shown]
    print(f"all: {total[1]} of {total[0]} documents, {total[2]} splits")
    for n, sample in enumerate(random.Random(args.seed).sample(samples, min(args.show, len(samples))), 1):
        print(n, sample)


if __name__ == "__main__":
    main()
