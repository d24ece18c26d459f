"""Fit the cue model of ``storyline.doc.attribution_learned`` on PolNeAR's train split and write its
named weights to ``src/storyline/doc/attribution_weights.py``.

``python -m storyline.eval.polnear_fit ../shared/data/polnear/train`` (train only: never dev or test).

1. Run the stages up to attribution with the rules alone (``attribution.learned`` off).
2. Every candidate cue word the rules did not take is a sample; it is positive when it is the
   highest word of the parse (closest to the root) among the candidates inside one gold cue span.
   Every rule stance (an attribution that does not decide the status) is a sample too, positive when
   its cue overlaps a gold cue; the model may drop it.
3. L1 logistic regression (scikit-learn) over the named features, which keeps few weights; features seen in fewer than
   ``MIN_COUNT`` texts are left out, so no rare word of the corpus is kept.
4. Out-of-fold probabilities from a cross-validation grouped by text pick the acceptance threshold,
   then the veto threshold, that give the best mean of source and content overlap F1 on train; the
   final model is fitted on all of train.

PolNeAR (Newell, Margolin and Ruths, LREC 2018; github.com/networkdynamics/PolNeAR) states no
license: its texts belong to their publishers and it is used here for research only. The weights file
holds feature names made of spaCy lemmas and labels and their weights, no PolNeAR text.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from storyline.config import Config
from storyline.doc.attribution import judge_parsed
from storyline.doc.attribution_learned import CueModel, candidate_features, rule_features, spans, vetoable
from storyline.doc.attribution_tree import children_of, quoted_spans
from storyline.eval.brat import Fragments, read_ann
from storyline.eval.polnear import (
    ROLES,
    FileResult,
    PolnearFile,
    Role,
    attribute_files,
    find_polnear,
    gold_spans,
    score_results,
    system_spans,
)
from storyline.eval.polnear_fit_meaning import DIMS, MeaningBasis, fitted_meaning, meaning_basis, meaning_columns
from storyline.eval.polnear_fit_source import SourceOption, best_span, gold_sources, source_options
from storyline.output.attributions import raw_attributions
from storyline.records import Attribution, Document, Sentence, Skipped

WEIGHTS_MODULE = Path(__file__).resolve().parent.parent / "doc" / "attribution_weights.py"
MIN_COUNT = 5  # texts a feature must appear in
FOLDS = 5
C = 0.5
THRESHOLDS = tuple(round(0.2 + 0.025 * k, 3) for k in range(17))  # 0.2 to 0.6
VETOES = (0.0, 0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
MEANING = True  # the cue model reads its lemma and object vectors (``polnear_fit_meaning``)
SOURCE_THRESHOLDS = (0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5)


@dataclass(frozen=True)
class Sample:
    """One candidate cue word of one annotated file (``file``, an index into the results): its
    features, its label and the spans (in offsets of the file as read) it adds when accepted, or for
    a rule stance (``rule``), the spans it takes away when rejected."""

    file: int
    text: str
    features: tuple[str, ...]
    positive: bool
    adds: dict[Role, Fragments | None]
    rule: bool = False
    options: tuple[SourceOption, ...] = ()  # the words that can head its source (``polnear_fit_source``)


@dataclass(frozen=True)
class RuleRun:
    """The rule-only result of each file, how many rule attributions use each of its spans, and
    the samples."""

    results: list[FileResult]
    uses: list[dict[Role, Counter[Fragments]]]
    samples: list[Sample]


def _raw_gold_cues(file: PolnearFile, text: str) -> list[Fragments]:
    return sorted(gold_spans(read_ann(file.ann), text, file)["cue"])


def _depth(heads: Sequence[int], i: int) -> int:
    depth = 0
    while heads[i] != i and depth < len(heads):
        i, depth = heads[i], depth + 1
    return depth


def _raw_spans(doc: Document, a: Attribution) -> dict[Role, Fragments | None]:
    out: dict[Role, Fragments | None] = {}
    for role in ROLES:
        span = getattr(a, role)
        mapped = doc.text_map.span_to_raw(*span) if span is not None else None
        out[role] = (mapped,) if mapped is not None else None
    return out


def _hits(raw: tuple[int, int] | None, cue: Fragments) -> bool:
    return raw is not None and any(s < raw[1] and raw[0] < e for s, e in cue)


def _positives(sentence: Sentence, doc: Document, candidates: Sequence[int], cues: Sequence[Fragments]) -> set[int]:
    """The candidates that are the highest word of the parse inside a gold cue."""
    heads = [t.head for t in sentence.tokens]
    best: dict[int, int] = {}  # gold cue index -> highest candidate inside it
    for i in candidates:
        raw = doc.text_map.span_to_raw(sentence.tokens[i].start, sentence.tokens[i].end)
        for k, cue in enumerate(cues):
            if _hits(raw, cue) and (k not in best or _depth(heads, i) < _depth(heads, best[k])):
                best[k] = i
    return set(best.values())


def document_samples(doc: Document, file_index: int, file: PolnearFile) -> list[Sample]:
    """The samples of one file (``file_index`` into the results), from its document attributed by the
    rules alone: the candidate words the rules did not take, and the rules' stances."""
    cues = _raw_gold_cues(file, doc.raw_text)
    gold = gold_sources(read_ann(file.ann), doc.raw_text)
    out: list[Sample] = []
    open_quote, previous = False, None
    for sentence in doc.sentences:
        same = previous is not None and sentence.paragraph == previous.paragraph
        quoted, open_quote = quoted_spans(sentence.text, open_quote and same)
        verdict = judge_parsed(sentence, doc.source, previous, quoted)
        previous = sentence
        if not sentence.tokens:
            continue
        inside = [(sentence.start + s, sentence.start + e) for s, e in quoted]
        tokens, children, found = sentence.tokens, children_of(sentence.tokens), sentence.attributions
        scored = dict(candidate_features(sentence, found, inside))
        free = [
            i for i in scored if not any(s < tokens[i].end and tokens[i].start < e for s, e in (a.cue for a in found))
        ]
        positive = _positives(sentence, doc, free, cues)
        for i in free:
            added = spans(sentence, children, i)
            adds: dict[Role, Fragments | None] = {role: None for role in ROLES}
            options: tuple[SourceOption, ...] = ()
            if added is not None:
                adds = _raw_spans(doc, added)
                labels = gold if i in positive else None
                options = source_options(doc, sentence, children, i, added, inside, labels)
            out.append(Sample(file_index, str(file.text), tuple(scored[i]), i in positive, adds, options=options))
        for a in vetoable(found, verdict.stances):
            raw = _raw_spans(doc, a)
            cue = raw["cue"]
            hit = cue is not None and any(_hits(cue[0], g) for g in cues)
            names = tuple(rule_features(sentence, scored, a, verdict.stances))
            out.append(Sample(file_index, str(file.text), names, hit, raw, rule=True))
    return out


def rule_results(directory: Path) -> tuple[list[PolnearFile], RuleRun]:
    """The files, their rule-only results and every sample, from one run of the stages."""
    config = Config.from_dict({"attribution": {"learned": False}})
    files = find_polnear(directory)
    skipped: list[Skipped] = []
    docs = {doc.path: doc for doc in attribute_files(list(dict.fromkeys(f.text for f in files)), config, skipped)}
    return files, rule_run(files, docs)


def rule_run(files: Sequence[PolnearFile], docs: dict[str | None, Document]) -> RuleRun:
    """The rule-only result of each file and its samples, from documents attributed by the rules."""
    run = RuleRun([], [], [])
    for file in files:
        doc = docs.get(str(file.text))
        if doc is None:
            continue
        gold = gold_spans(read_ann(file.ann), doc.raw_text, file)
        found = raw_attributions(doc)
        run.results.append(FileResult(file, doc.raw_text, gold, system_spans(found)))
        run.uses.append({role: Counter((s,) for a in found if (s := getattr(a, role)) is not None) for role in ROLES})
        run.samples.extend(document_samples(doc, len(run.results) - 1, file))
    return run


def vocabulary(samples: Sequence[Sample]) -> list[str]:
    """The features seen in at least ``MIN_COUNT`` texts."""
    texts: dict[str, set[str]] = {}
    for s in samples:
        for f in s.features:
            texts.setdefault(f, set()).add(s.text)
    return sorted(f for f, seen in texts.items() if len(seen) >= MIN_COUNT)


def fit(samples: Sequence[Sample], names: Sequence[str], meaning: MeaningBasis | None = None) -> CueModel:
    """Logistic regression over ``names`` (and, given a ``meaning`` basis, the word-meaning columns of
    ``polnear_fit_meaning``); the threshold is left at 0.5 (set it with ``pick_threshold``)."""
    from scipy.sparse import csr_matrix, hstack
    from sklearn.linear_model import LogisticRegression

    column = {name: k for k, name in enumerate(names)}
    rows, cols = [], []
    for r, s in enumerate(samples):
        for f in set(s.features):
            if f in column:
                rows.append(r)
                cols.append(column[f])
    x = csr_matrix(([1.0] * len(rows), (rows, cols)), shape=(len(samples), len(names)))
    if meaning is not None:
        x = hstack([x, csr_matrix(meaning_columns((s.features for s in samples), meaning))]).tocsr()
    y = [s.positive for s in samples]
    lr = LogisticRegression(C=C, l1_ratio=1.0, solver="liblinear", max_iter=2000, random_state=0).fit(x, y)
    coef = lr.coef_[0]
    weights = {name: round(float(w), 4) for name, w in zip(names, coef[: len(names)], strict=True) if abs(w) >= 1e-3}
    words = fitted_meaning(coef[len(names) :], meaning) if meaning is not None else None
    return CueModel(weights, round(float(lr.intercept_[0]), 4), 0.5, meaning=words)


def out_of_fold(
    samples: Sequence[Sample], learn: Sequence[bool] | None = None, meaning: MeaningBasis | None = None
) -> list[float]:
    """Each sample's probability from a model fitted without its text's fold (folds by text), on
    the samples ``learn`` marks (all by default), with word-meaning columns given a ``meaning`` basis."""
    texts = sorted({s.text for s in samples})
    fold = {t: k % FOLDS for k, t in enumerate(texts)}
    probs = [0.0] * len(samples)
    for k in range(FOLDS):
        train = [s for j, s in enumerate(samples) if fold[s.text] != k and (learn is None or learn[j])]
        model = fit(train, vocabulary(train), meaning)
        for j, s in enumerate(samples):
            if fold[s.text] == k:
                probs[j] = model.probability(s.features)
    return probs


def with_learned(run: RuleRun, probs: Sequence[float], threshold: float, veto: float) -> list[FileResult]:
    """The rule-only results without the rule stances scored below ``veto`` (unless another
    attribution shares a span) and with the spans of the candidates accepted at ``threshold``."""
    extra: dict[int, dict[Role, set[Fragments]]] = {}
    gone: dict[int, dict[Role, Counter[Fragments]]] = {}
    for s, p in zip(run.samples, probs, strict=True):
        if s.rule and p < veto:
            for role in ROLES:
                span = s.adds[role]
                if span is not None:
                    gone.setdefault(s.file, {r: Counter() for r in ROLES})[role][span] += 1
        elif not s.rule and p >= threshold and s.adds["cue"] is not None:
            for role in ROLES:
                span = s.adds[role]
                if span is not None:
                    extra.setdefault(s.file, {r: set() for r in ROLES})[role].add(span)
    out = []
    for k, r in enumerate(run.results):
        more, less = extra.get(k), gone.get(k)
        system = dict(r.system)
        for role in ROLES:
            if less:
                system[role] = frozenset(x for x in system[role] if run.uses[k][role][x] > less[role][x])
            if more:
                system[role] = system[role] | frozenset(more[role])
        out.append(FileResult(r.file, r.text, r.gold, system))
    return out


def _objective(run: RuleRun, probs: Sequence[float], threshold: float, veto: float) -> tuple[float, float]:
    scores = score_results(with_learned(run, probs, threshold, veto))
    return scores["source"].overlap.f1, scores["content"].overlap.f1


def pick_thresholds(run: RuleRun, probs: Sequence[float]) -> tuple[float, float, list[str]]:
    """The acceptance threshold, then the veto, with the best mean of source and content overlap F1;
    and a line per setting tried."""
    tried: list[str] = []

    def best(settings: Sequence[tuple[float, float]]) -> tuple[float, float]:
        rows = [(t, v, *_objective(run, probs, t, v)) for t, v in settings]
        tried.extend(f"threshold {t:.3f}, veto {v:.3f}: source {s:.4f}, content {c:.4f}" for t, v, s, c in rows)
        top = max(rows, key=lambda row: row[2] + row[3])
        return top[0], top[1]

    threshold, _ = best([(t, 0.0) for t in THRESHOLDS])
    _, veto = best([(threshold, v) for v in VETOES])
    return threshold, veto, tried


def option_samples(run: RuleRun) -> tuple[list[Sample], list[bool]]:
    """Every source option as a sample of the source model, and whether to learn from it (its cue
    word is in a gold cue)."""
    flat, learn = [], []
    for s in run.samples:
        for o in s.options:
            flat.append(Sample(s.file, s.text, o.features, o.positive, {}))
            learn.append(s.positive)
    return flat, learn


def with_sources(run: RuleRun, option_probs: Sequence[float], threshold: float) -> RuleRun:
    """The samples with the source the source model chooses at ``threshold`` for each cue it can add."""
    out, at = [], 0
    for s in run.samples:
        n = len(s.options)
        if not s.rule and s.adds["cue"] is not None:
            s = replace(s, adds={**s.adds, "source": best_span(s.options, option_probs[at : at + n], threshold)})
        out.append(s)
        at += n
    return RuleRun(run.results, run.uses, out)


def pick_source_threshold(
    run: RuleRun, probs: Sequence[float], option_probs: Sequence[float], threshold: float, veto: float
) -> tuple[float | None, list[str]]:
    """The source model's threshold with the best source overlap F1 on train out of fold, or None
    when none beats the parse's subject; and a line per setting tried."""
    base = score_results(with_learned(run, probs, threshold, veto))["source"].overlap.f1
    tried = [f"source from the parse's subject: source {base:.4f}"]
    best: tuple[float | None, float] = (None, base)
    for t in SOURCE_THRESHOLDS:
        f1 = score_results(with_learned(with_sources(run, option_probs, t), probs, threshold, veto))[
            "source"
        ].overlap.f1
        tried.append(f"source threshold {t:.3f}: source {f1:.4f}")
        if f1 > best[1]:
            best = (t, f1)
    return best[0], tried


def weights_source(
    model: CueModel, sources: CueModel | None, tried: Iterable[str], samples: int, options: int, files: int
) -> str:
    """The text of ``attribution_weights.py``: the cue model, then the source model (None when the
    parse's subject gives the better sources)."""
    lines = [
        '"""The models of ``storyline.doc.attribution_learned``: named feature weights, bias, threshold.',
        "",
        f"Generated by ``python -m storyline.eval.polnear_fit`` on PolNeAR train ({files} annotation files,",
        f"{samples} candidate words the rules did not take and rule claims, {options} source options);",
        f"logistic regression (L1), C={C}, features seen in at least {MIN_COUNT} texts. Each threshold is",
        f"the best on train out of fold ({FOLDS} folds by text): the cue threshold and veto by the mean",
        "of source and content overlap F1, the source threshold by source overlap F1.",
        "PolNeAR states no license (research use); no text of it is here. Do not edit.",
    ]
    if model.meaning is not None:
        lines += [
            "The cue model also reads the meaning of its lemma and object (``doc/attribution_meaning``):",
            "MEANING_LEMMA and MEANING_OBJECT are fitted directions in the 384-number space of the input",
            f"word-piece table of all-MiniLM-L6-v2 (over its top {DIMS} principal directions; derived",
            "statistics: the table itself is read from the installed package at run time).",
        ]
    lines += ["", "Overlap F1 on train, out of fold:"]
    lines += [f"    {row}" for row in tried]
    lines += ['"""', "", f"BIAS = {model.bias!r}", f"THRESHOLD = {model.threshold!r}", f"VETO = {model.veto!r}"]
    lines += ["WEIGHTS: dict[str, float] = {"]
    lines += [f"    {_literal(name)}: {w!r}," for name, w in sorted(model.weights.items())]
    lines += ["}", ""]
    if model.meaning is not None:
        lines += _direction("MEANING_LEMMA", model.meaning.lemma) + _direction("MEANING_OBJECT", model.meaning.obj)
    lines += [f"SOURCE_BIAS = {sources.bias if sources else 0.0!r}"]
    lines += [f"SOURCE_THRESHOLD: float | None = {sources.threshold if sources else None!r}"]
    lines += ["SOURCE_WEIGHTS: dict[str, float] = {"]
    lines += [f"    {_literal(n)}: {w!r}," for n, w in sorted((sources.weights if sources else {}).items())]
    lines += ["}", ""]
    return "\n".join(lines)


def _literal(name: str) -> str:
    """A feature name as ruff formats a string: in double quotes, single ones when that needs no escape
    (``'next="'``), so the written module passes ``ruff format --check`` as generated."""
    return repr(name) if '"' in name and "'" not in name else json.dumps(name, ensure_ascii=False)


def _direction(name: str, values: Sequence[float]) -> list[str]:
    rows = [", ".join(repr(v) for v in values[k : k + 8]) for k in range(0, len(values), 8)]
    return ["# fmt: off", f"{name}: tuple[float, ...] = (", *(f"    {row}," for row in rows), ")", "# fmt: on", ""]


def fit_polnear(directory: Path) -> str:
    """Fit on one split folder and return the weights module's text."""
    files, run = rule_results(directory)
    return fit_run(run, len(files))


def fit_run(run: RuleRun, files: int) -> str:
    """Fit the cue model, then the source model, on the samples of one run (steps 3 and 4)."""
    meaning = meaning_basis() if MEANING else None
    probs = out_of_fold(run.samples, meaning=meaning)
    threshold, veto, tried = pick_thresholds(run, probs)
    model = fit(run.samples, vocabulary(run.samples), meaning)
    final = CueModel(model.weights, model.bias, threshold, veto, model.meaning)
    options, learn = option_samples(run)
    option_probs = out_of_fold(options, learn)
    source_threshold, source_tried = pick_source_threshold(run, probs, option_probs, threshold, veto)
    sources = None
    if source_threshold is not None:
        learned = [o for o, keep in zip(options, learn, strict=True) if keep]
        fitted = fit(learned, vocabulary(learned))
        sources = CueModel(fitted.weights, fitted.bias, source_threshold)
    return weights_source(final, sources, [*tried, *source_tried], len(run.samples), len(options), files)


def main(argv: Sequence[str]) -> None:
    if len(argv) != 1:
        sys.exit("usage: python -m storyline.eval.polnear_fit POLNEAR_TRAIN_DIR")
    WEIGHTS_MODULE.write_text(fit_polnear(Path(argv[0])), encoding="utf-8")
    print(f"wrote {WEIGHTS_MODULE}")


if __name__ == "__main__":
    main(sys.argv[1:])
