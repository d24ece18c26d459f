"""Print the NewsQuant sentences where our quantities and the gold's disagree, on one split (dev by default).

For error analysis only: look at the dev split, never the test split, when deciding what to fix.

Example:

    PYTHONPATH=src .venv/bin/python benchmarks/newsquant_errors.py ../shared/data/newsquant/NewsQuant.json dev
"""

from __future__ import annotations

import argparse
from pathlib import Path

from storyline.eval.newsquant import read_newsquant, score_sentences, system_value, unit_name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("split", nargs="?", default="dev", choices=("dev", "test", "all"))
    args = parser.parse_args()
    results, _ = score_sentences(read_newsquant(args.path), args.split)
    for r in results:
        n_gold, n_sys = len(r.sentence.quantities), len(r.system)
        if r.unit_matches == n_gold == n_sys:
            continue
        print(f"== value {r.value_matches} unit {r.unit_matches} / gold {n_gold} / system {n_sys}")
        print("  ", r.sentence.text)
        for g in r.sentence.quantities:
            print(f"   gold {g.value!r:>24} {g.unit}")
        for q, phrase in zip(r.system, r.phrases or [()] * len(r.system), strict=True):
            names = unit_name(q, phrase)
            print(f"   sys  {system_value(q)!r:>24} {q.unit} [{names}] {q.qualifier or ''} «{q.text}»")


if __name__ == "__main__":
    main()
