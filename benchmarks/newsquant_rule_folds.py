"""Check on dev, by k-fold, whether a change of the quantity extractor carries to sentences it was not chosen on.

``dump`` writes the per-sentence counts (gold, system, value and value+unit matches) of the code as it is
now on one half (dev; never test) to a JSON file. ``compare`` reads two dumps, before and after a change,
and for each of k folds (sentences shuffled with a seed) keeps the change only if it gains value+unit
(then: value) matches net of system quantities on the other folds (an F1-like margin: 2 x matches -
system), scoring the held-out fold with the choice. It also prints how many sentences the change moved up
and down: a rule written from one sentence that moves several others the same way is a general one.

Example:

    PYTHONPATH=src .venv/bin/python benchmarks/newsquant_rule_folds.py dump \
        ../shared/data/newsquant/NewsQuant.json /tmp/before.json
    (change the extractor)
    PYTHONPATH=src .venv/bin/python benchmarks/newsquant_rule_folds.py dump \
        ../shared/data/newsquant/NewsQuant.json /tmp/after.json
    PYTHONPATH=src .venv/bin/python benchmarks/newsquant_rule_folds.py compare /tmp/before.json /tmp/after.json
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

Row = dict[str, int]


def dump(path: Path, out: Path) -> None:
    from storyline.eval.newsquant import read_newsquant, score_sentences

    results, _ = score_sentences(read_newsquant(path), "dev", parse=True)
    rows = {
        r.sentence.text: {
            "gold": len(r.sentence.quantities),
            "system": len(r.system),
            "value": r.value_matches,
            "unit": r.unit_matches,
        }
        for r in results
    }
    out.write_text(json.dumps(rows), encoding="utf-8")
    print(f"{len(rows)} dev sentences: value+unit {sum(r['unit'] for r in rows.values())}, to {out}")


def _f1(rows: list[Row], key: str = "unit") -> float:
    return 2 * sum(r[key] for r in rows) / sum(r["gold"] + r["system"] for r in rows)


def _margin(rows: list[Row], key: str = "unit") -> int:
    return sum(2 * r[key] - r["system"] for r in rows)


def compare(before_path: Path, after_path: Path, folds: int, seeds: int) -> None:
    before: dict[str, Row] = json.loads(before_path.read_text(encoding="utf-8"))
    after: dict[str, Row] = json.loads(after_path.read_text(encoding="utf-8"))
    texts = sorted(before)
    for key, name in (("unit", "value+unit"), ("value", "value")):
        up = sum(_margin([after[t]], key) > _margin([before[t]], key) for t in texts)
        down = sum(_margin([after[t]], key) < _margin([before[t]], key) for t in texts)
        whole = f"{_f1([before[t] for t in texts], key):.3f} -> {_f1([after[t] for t in texts], key):.3f}"
        print(f"{name}: dev, whole: F1 {whole}; {up} sentences better, {down} worse")
        for seed in range(seeds):
            order = texts[:]
            random.Random(seed).shuffle(order)
            parts = [order[k::folds] for k in range(folds)]
            held: list[Row] = []
            kept = 0
            for k, part in enumerate(parts):
                rest = [t for j, p in enumerate(parts) if j != k for t in p]
                keep = _margin([after[t] for t in rest], key) > _margin([before[t] for t in rest], key)
                kept += keep
                held.extend((after if keep else before)[t] for t in part)
            print(f"  seed {seed}: change kept on {kept} of {folds} folds, held-out F1 {_f1(held, key):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("path", type=Path)
    d.add_argument("out", type=Path)
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    c.add_argument("--folds", type=int, default=5)
    c.add_argument("--seeds", type=int, default=3)
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.path, args.out)
    else:
        compare(args.before, args.after, args.folds, args.seeds)


if __name__ == "__main__":
    main()
