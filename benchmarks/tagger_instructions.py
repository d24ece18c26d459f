"""Instructions the time tagger runs per sentence, counted by callgrind: a figure load cannot change.

``tagger_speed.py`` is run under ``valgrind --tool=callgrind`` twice, with one pass and with
``1 + passes`` passes over the same sentences; the difference, divided by the sentences tagged in
the extra passes, is the tagger's cost per sentence without start-up, file reading or the first
pass's cache filling. It still depends on the Python build (3.11.7 here), not on the machine's load
or clock. Needs ``valgrind`` on the PATH. Usage::

    python benchmarks/tagger_instructions.py ../shared/data/tempeval3/TimeBank [--limit 600] [--passes 2]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

_COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")
_SENTENCES = re.compile(r"([\d,]+) sentences, best CPU")


def _count(folder: Path, limit: int | None, repeat: int) -> tuple[int, int]:
    """(instructions, sentences) of one run of the speed benchmark under callgrind."""
    speed = Path(__file__).with_name("tagger_speed.py")
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, str(speed)]
    command += [str(folder), "--repeat", str(repeat), *(["--limit", str(limit)] if limit is not None else [])]
    run = subprocess.run(command, capture_output=True, text=True, check=False)
    collected, sentences = _COLLECTED.search(run.stderr), _SENTENCES.search(run.stdout)
    if run.returncode != 0 or collected is None or sentences is None:
        raise SystemExit(
            f"callgrind on {speed.name} {folder} failed (exit {run.returncode}): {run.stderr[-800:]}\n"
            "Check that valgrind is installed and that the benchmark runs on its own."
        )
    return int(collected.group(1)), int(sentences.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="a folder of .tml files, e.g. ../shared/data/tempeval3/TimeBank")
    parser.add_argument("--limit", type=int, default=None, help="only the first N sentences")
    parser.add_argument("--passes", type=int, default=2, help="extra passes whose instructions are counted")
    parser.add_argument("--first", action="store_true", help="also count the first pass (against a run with none)")
    args = parser.parse_args()
    one, sentences = _count(args.folder, args.limit, 1)
    more, _ = _count(args.folder, args.limit, 1 + args.passes)
    per_sentence = (more - one) / (args.passes * sentences)
    print(f"{sentences:,} sentences x {args.passes} passes: {per_sentence:,.0f} instructions per sentence (callgrind)")
    if args.first:
        none, _ = _count(args.folder, args.limit, 0)
        first = (one - none) / sentences
        print(f"first pass: {first:,.0f} instructions per sentence, {first / per_sentence:.2f}x a later pass")


if __name__ == "__main__":
    main()
