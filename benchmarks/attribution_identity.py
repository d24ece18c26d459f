"""Dump the attribution stage's output on PolNeAR texts, to prove a speed-up changes nothing.

Each line is one sentence of one text as JSON: its status, who it is attributed to, and every
attribution (cue, source, content, speaker), with all layers on (the default settings). Usage::

    python benchmarks/attribution_identity.py ../shared/data/polnear/{dev,train} --limit 200 > before.jsonl
    # ... change the attribution code ...
    python benchmarks/attribution_identity.py ../shared/data/polnear/{dev,train} --limit 200 > after.jsonl
    cmp before.jsonl after.jsonl

``--limit`` takes the first N texts of each folder (sorted by name). The spaCy parse dominates the time
(about 4 minutes for 284 texts on 2 loaded cores).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from storyline.build import annotate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", type=Path, nargs="+", help="PolNeAR splits, e.g. ../shared/data/polnear/dev")
    parser.add_argument("--limit", type=int, default=None, help="the first N texts of each folder")
    args = parser.parse_args()
    paths = [p for folder in args.folders for p in sorted((folder / "text").glob("*.txt"))[: args.limit]]
    docs, skipped = annotate(paths, "attribution")
    for doc in docs:
        for s in doc.sentences:
            found = [[a.cue, a.source, a.content, a.speaker] for a in s.attributions]
            row = [str(doc.path), s.start, s.status, s.attributed_to, found]
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    for skip in skipped:
        sys.stdout.write(json.dumps(["skipped", str(skip.path), skip.reason]) + "\n")


if __name__ == "__main__":
    main()
