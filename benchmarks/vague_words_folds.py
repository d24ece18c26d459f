"""A learned keep/drop filter for vague time words on TimeBank, tried out of fold on the dev half.

Experiment of session 19 (issue 3). TimeBank's annotators mark vague words ("now", "recently",
"current", "the past", "soon" ...) in some places and not others. For each expression the tagger finds
whose text is one of ``VAGUE``, a logistic regression (scikit-learn) on cheap context features (the
word, the words before and after, whether a noun-like word follows, the place in the sentence, a past
verb in the sentence) says whether TimeBank marks it (the label: it overlaps a gold TIMEX3). Fitted in
five folds grouped by file over the dev half only (test stays held out); each fold's candidates are
dropped when the model fitted on the other four folds gives them p(marked) < 0.5, and dev is scored
again with the tempeval scorer (``eval/tempeval.Counts``).

    PYTHONPATH=src python benchmarks/vague_words_folds.py ../shared/data/tempeval3/TimeBank
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from storyline.eval.tempeval import Counts, FileResult, relaxed_matches, split_of, split_sentences, tag_document
from storyline.eval.timeml import find_timeml, read_timeml
from storyline.records import TimeExpression

VAGUE = frozenset(
    [
        *"now recent recently current currently soon once former formerly today nowadays lately".split(),  # noqa: SIM905
        "the past",
        "the future",
        "these days",
    ]
)
# "balanced" (argv[2]) weighs the 14 unmarked candidates up to the 55 marked ones.
WEIGHT = "balanced" if sys.argv[2:] == ["balanced"] else None
_WORD = re.compile(r"[A-Za-z']+")
_FUNCTION = frozenset(
    """the a an of to in on at for and or but that this is was were be been has have had will would
    is are it he she they we said says by with as from""".split()  # noqa: SIM905
)
_ADJECTIVES = frozenset(["recent", "current", "former"])
_PAST = re.compile(r"\b(?:was|were|had|did|said|\w+ed)\b", re.IGNORECASE)


def features(expr: TimeExpression, text: str, sentence: tuple[int, int]) -> dict[str, float]:
    """Cheap context features of a vague expression (offsets into ``text``) in its sentence."""
    a, b = sentence
    before = _WORD.findall(text[a : expr.start])
    after = _WORD.findall(text[expr.end : b])
    prev = before[-1].lower() if before else "<s>"
    nxt = after[0].lower() if after else "</s>"
    return {
        f"w={expr.text.lower()}": 1.0,
        f"prev={prev}": 1.0,
        f"next={nxt}": 1.0,
        "next_noun_like": float(
            bool(after) and nxt not in _FUNCTION and expr.text.lower() in {"recent", "current", "former"}
        ),
        "first3": float(len(before) < 3),
        "last3": float(len(after) < 3),
        "past": float(bool(_PAST.search(text[a:b]))),
    }


def candidates(result: FileResult, text: str) -> list[tuple[TimeExpression, dict[str, float], bool]]:
    spans = split_sentences(text)
    marked = {id(m.system) for m in relaxed_matches(result.gold, result.system)}
    out = []
    for s in result.system:
        if s.text.lower() in VAGUE:
            sent = next((sp for sp in spans if sp[0] <= s.start and s.end <= sp[1]), (0, len(text)))
            out.append((s, features(s, text, sent), id(s) in marked))
    return out


def main(folder: Path) -> None:
    results, texts = [], []
    for path in find_timeml(folder):
        if split_of(path) == "dev":
            doc = read_timeml(path)
            results.append(tag_document(doc))
            texts.append(doc.text)
    rows = [(i, c) for i, (r, t) in enumerate(zip(results, texts, strict=True)) for c in candidates(r, t)]
    print(f"dev files {len(results)}; vague candidates {len(rows)}; marked {sum(c[2] for _, c in rows)}")
    words = Counter(c[0].text.lower() for _, c in rows)
    marked = Counter(c[0].text.lower() for _, c in rows if c[2])
    print("  " + ", ".join(f"{w} {marked[w]}/{n}" for w, n in words.most_common()))
    groups = [i for i, _ in rows]
    drop: set[int] = set()
    for train, held in GroupKFold(n_splits=5).split(rows, groups=groups):
        vec = DictVectorizer()
        x = vec.fit_transform([rows[j][1][1] for j in train])
        y = [rows[j][1][2] for j in train]
        model = LogisticRegression(C=1.0, max_iter=1000, class_weight=WEIGHT).fit(x, y)
        p = model.predict_proba(vec.transform([rows[j][1][1] for j in held]))[:, list(model.classes_).index(True)]
        for j, pj in zip(held, p, strict=True):
            if pj < 0.5:
                drop.add(id(rows[j][1][0]))
                c = rows[j][1]
                print(f"  drop p={pj:.2f} marked={c[2]} {c[0].text!r} {c[0].value}")
    before, after = Counts(split="dev"), Counts(split="dev")
    for r in results:
        before.add(r)
        after.add(replace(r, system=tuple(s for s in r.system if id(s) not in drop)))
    for name, counts in (("shipped", before), ("filtered out of fold", after)):
        s = counts.scores()
        print(
            f"{name}: system {s.system}; value P {s.value.precision:.4f} R {s.value.recall:.4f} F1 {s.value.f1:.4f}; "
            f"relaxed F1 {s.relaxed.f1:.4f}"
        )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
