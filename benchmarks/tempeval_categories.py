"""Count the tagger's TimeBank results by construction: right, wrong value, missed and spurious per category.

For error analysis only: look at the dev split, never the test split, when deciding what to fix. A
gold or system expression goes in the first category whose pattern its text (or, for set and
duration, its type) matches; a relaxed match is counted under the gold expression.

Example:

    PYTHONPATH=src .venv/bin/python benchmarks/tempeval_categories.py ../shared/data/tempeval3/TimeBank dev -v
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from storyline.eval.tempeval import relaxed_matches, split_of, tag_document
from storyline.eval.timeml import GoldTimex, find_timeml, read_timeml
from storyline.records import TimeExpression

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# First match wins: the order puts the narrow financial idioms before the broad ones.
CATEGORIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("year-before comparison", re.compile(r"year[- ](?:ago|earlier)|prior[- ]year|^(?:the\s+)?last\s+year$", re.I)),
    ("latest/fiscal quarter or year", re.compile(r"quarter|period|fiscal|half|latest", re.I)),
    (
        "vague PAST/PRESENT/FUTURE_REF",
        re.compile(r"recent|current|\bnow\b|previously|earlier$|future|soon|the time$|former", re.I),
    ),
    ("anaphoric (previous/next/then)", re.compile(r"previous|following|^then$|overnight|weekend|the next|that ", re.I)),
    ("week", re.compile(r"\bweek\b", re.I)),
    ("year end/start, edges", re.compile(r"end|beginning|start|early|late|mid", re.I)),
    ("month or day without year", re.compile(rf"^(?:last\s+|next\s+|this\s+)?{_MONTH}(?:\s+\d+)?$", re.I)),
    ("ago / from now", re.compile(r"\bago\b|from now|hence", re.I)),
    ("decade/century", re.compile(r"decade|century|\d0s\b", re.I)),
)


def category(t: GoldTimex | TimeExpression) -> str:
    if t.type == "SET":
        return "set"
    for name, pattern in CATEGORIES:
        if pattern.search(t.text):
            return name
    return "duration" if t.type == "DURATION" else "other date/time"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("split", nargs="?", default="dev", choices=("dev", "test", "all"))
    parser.add_argument("-v", "--verbose", action="store_true", help="also print each error")
    args = parser.parse_args()
    tally: Counter[tuple[str, str]] = Counter()
    lines: list[str] = []
    for path in find_timeml(args.folder):
        if args.split != "all" and split_of(path) != args.split:
            continue
        result = tag_document(read_timeml(path))
        matches = relaxed_matches(result.gold, result.system)
        seen_gold = {id(m.gold) for m in matches}
        seen_sys = {id(m.system) for m in matches}
        for m in matches:
            right = m.gold.value == m.system.value
            tally[category(m.gold), "right" if right else "wrong value"] += 1
            if not right:
                pair = f"{m.gold.text} [{m.gold.value}] -> {m.system.text} [{m.system.value}]"
                lines.append(f"{category(m.gold)}\twrong\t{pair}")
        for g in result.gold:
            if id(g) not in seen_gold:
                tally[category(g), "missed"] += 1
                lines.append(f"{category(g)}\tmissed\t{g.text} [{g.type} {g.value}]")
        for s in result.system:
            if id(s) not in seen_sys:
                tally[category(s), "spurious"] += 1
                lines.append(f"{category(s)}\tspurious\t{s.text} [{s.type} {s.value}]")
    kinds = ("right", "wrong value", "missed", "spurious")
    names = sorted({c for c, _ in tally}, key=lambda c: -sum(tally[c, k] for k in kinds[1:]))
    print(f"{'category':34}" + "".join(f"{k:>13}" for k in kinds))
    for c in names:
        print(f"{c:34}" + "".join(f"{tally[c, k]:13d}" for k in kinds))
    print(f"{'total':34}" + "".join(f"{sum(tally[c, k] for c in names):13d}" for k in kinds))
    if args.verbose:
        print("\n".join(sorted(lines)))


if __name__ == "__main__":
    main()
