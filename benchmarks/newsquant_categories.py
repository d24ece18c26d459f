"""Compare NewsQuant's dev and test halves by kind of quantity, and score each kind on one half.

Also prints the half's value and value+unit P, R and F1, as ``storyline eval newsquant`` does, from the same
one scoring. The gold side of both halves is read (how many quantities of each kind, how many unit names one half has
that the other never uses); the extractor is scored per kind on the half given (dev by default: this is for
error analysis, and test is scored once, at the end of a session). A kind is read from the gold unit name:
percentage, currency, measure (a unit of ``UNIT_NAMES`` or a converted length or area), duration, rate
("... per ..."), fraction ("% ..."), a bare count ("-" or "count") and a counted noun (any other name: what
CQE's normalizer calls a count by its counted phrase, "record goal"). Names carry the kind, so the gold of
two kinds never competes for one system quantity and the value+unit matches of each kind add up to the
total.

Example:

    PYTHONPATH=src .venv/bin/python benchmarks/newsquant_categories.py ../shared/data/newsquant/NewsQuant.json dev
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from storyline.eval.newsquant import (
    GoldSentence,
    match_counts,
    read_newsquant,
    score_sentences,
    scores_of,
    split_of,
    unit_name,
)
from storyline.eval.newsquant_units import CURRENCY_NAMES, UNIT_NAMES, WRITTEN_NAMES

KINDS = ("percentage", "currency", "measure", "duration", "rate", "fraction", "bare count", "counted noun")
_CURRENCIES = set(CURRENCY_NAMES.values()) | {"rupee", "cent", "penny"}
_MEASURES = set(UNIT_NAMES.values()) | set(WRITTEN_NAMES.values()) | {"year of age", "point"}
_DURATIONS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}


def kind_of(name: str) -> str:
    """The kind of quantity a (gold or system) unit name stands for."""
    if name in ("-", "count"):
        return "bare count"
    if name.startswith("%"):
        return "fraction"
    if name in ("percentage", "percentage point"):
        return "percentage"
    if name in _CURRENCIES:
        return "currency"
    if " per " in name:
        return "rate"
    if name in _DURATIONS:
        return "duration"
    return "measure" if name in _MEASURES else "counted noun"


def gold_table(sentences: list[GoldSentence]) -> dict[str, Counter[str]]:
    """Per half: sentences, gold quantities of each kind, and unit names the other half never uses; the
    kinds' counts of each half are returned."""
    names = {half: Counter[str]() for half in ("dev", "test")}
    kinds = {half: Counter[str]() for half in ("dev", "test")}
    counts = Counter(split_of(s.text) for s in sentences)
    for s in sentences:
        for g in s.quantities:
            names[split_of(s.text)][g.unit] += 1
            kinds[split_of(s.text)][kind_of(g.unit)] += 1
    print(f"{'gold kind':14}{'dev':>12}{'test':>12}")
    for kind in KINDS:
        cells = [f"{kinds[h][kind]:5d} {kinds[h][kind] / sum(kinds[h].values()):5.1%}" for h in ("dev", "test")]
        print(f"{kind:14}{cells[0]:>12}{cells[1]:>12}")
    print(f"{'sentences':14}{counts['dev']:>12}{counts['test']:>12}")
    print(f"{'gold':14}{sum(kinds['dev'].values()):>12}{sum(kinds['test'].values()):>12}")
    for half, other in (("dev", "test"), ("test", "dev")):
        unseen = sum(n for name, n in names[half].items() if name not in names[other])
        once = sum(1 for n in names[half].values() if n == 1)
        print(
            f"{half}: {unseen} gold ({unseen / sum(names[half].values()):.1%}) have a unit name {other} never uses; "
            f"{len(names[half])} names, {once} of them used once"
        )
    return kinds


def scored_table(path: Path, half: str, other: Counter[str]) -> None:
    """Recall of value+unit per gold kind on ``half``, what the unmatched system quantities are, and the
    recall the other half would have with ``other`` (its gold per kind) at this half's recall per kind."""
    results, _ = score_sentences(read_newsquant(path), half, parse=True)  # type: ignore[arg-type]
    scores = scores_of(results, half)  # type: ignore[arg-type]
    print(f"\n{half}: {scores.sentences} sentences, {scores.gold} gold, {scores.system} system")
    both = (("value", scores.value, scores.value_matches), ("value+unit", scores.value_unit, scores.unit_matches))
    for name, prf, n in both:
        print(f"{name:12} P {prf.precision:.3f}  R {prf.recall:.3f}  F1 {prf.f1:.3f}  matched {n}")
    gold, matched, value_only = Counter[str](), Counter[str](), Counter[str]()
    extra = Counter[str]()
    for r in results:
        phrases = r.phrases or [()] * len(r.system)
        for kind in KINDS:
            of_kind = [g for g in r.sentence.quantities if kind_of(g.unit) == kind]
            gold[kind] += len(of_kind)
            n_value, n_unit = match_counts(of_kind, r.system, phrases)
            matched[kind] += n_unit
            value_only[kind] += min(n_value, len(of_kind)) - n_unit
        taken = Counter(unit_name(q, p) for q, p in zip(r.system, phrases, strict=True))
        for g in r.sentence.quantities:
            if taken[g.unit] > 0:
                taken[g.unit] -= 1
        for name, n in taken.items():
            extra[kind_of(name)] += n
    print(f"\n{half}: value+unit recall per gold kind (value right, unit wrong) and system quantities left over")
    print(f"{'kind':14}{'gold':>6}{'matched':>9}{'recall':>8}{'unit wrong':>12}{'system extra':>14}")
    for kind in KINDS:
        recall = matched[kind] / gold[kind] if gold[kind] else 0.0
        print(f"{kind:14}{gold[kind]:6d}{matched[kind]:9d}{recall:8.3f}{value_only[kind]:12d}{extra[kind]:14d}")
    n_gold, n_matched = sum(gold.values()), sum(matched.values())
    print(f"{'all':14}{n_gold:6d}{n_matched:9d}{n_matched / n_gold:8.3f}")
    expected = sum(other[k] * matched[k] / gold[k] for k in KINDS if gold[k])
    print(f"the other half's gold mix at these recalls per kind: recall {expected / sum(other.values()):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("half", nargs="?", default="dev", choices=("dev", "test"))
    args = parser.parse_args()
    kinds = gold_table(read_newsquant(args.path))
    scored_table(args.path, args.half, kinds["test" if args.half == "dev" else "dev"])


if __name__ == "__main__":
    main()
