"""Fit the token tagger of ``storyline.doc.attribution_tagger`` on PolNeAR's train split and write its
model file, ``src/storyline/doc/attribution_tagger.crfsuite``.

``python -m storyline.eval.polnear_fit_tagger ../shared/data/polnear/train WORK`` (train only: never
dev or test; WORK keeps the parse and the stage's run between runs, about 10 min the first time).

1. Parse the texts (clean, metadata, nlp) and run the attribution stage with its cue and source
   models fitted out of fold (5 folds by text, as ``polnear_fit``; thresholds as shipped), so that
   the tagger learns from the stage's output on texts the stage was not fitted on, as at run time.
2. Each parsed sentence is a sequence: the features of ``attribution_tokens`` per token, and the
   gold tags B-S/I-S (source), B-C/I-C (cue) or O of each annotation file of its text.
3. A linear-chain CRF (python-crfsuite, L-BFGS, c1 = 0.1, c2 = 0.01, 100 iterations) over the
   features seen in at least ``MIN_TEXTS`` texts. Only names made of spaCy lemmas, tags and labels
   are kept; no PolNeAR text.
"""

from __future__ import annotations

import pickle
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from storyline.config import Config
from storyline.doc import attribution_weights as fitted
from storyline.doc.attribution import attribute_document
from storyline.doc.attribution_tagger import TAGGER_MODEL
from storyline.doc.attribution_tokens import Span, span_tags, token_features
from storyline.doc.attribution_tree import quoted_spans
from storyline.eval import polnear_fit as pf
from storyline.eval.brat import Fragments, read_ann
from storyline.eval.polnear import FileResult, attribution_stages, find_polnear, gold_spans
from storyline.eval.polnear_fit_meaning import meaning_basis
from storyline.io.read import read_file
from storyline.pipeline import DocumentPipeline
from storyline.records import Document, Skipped, Token

MIN_TEXTS = 5  # a feature must be seen in this many training texts
PARAMS: dict[str, Any] = {"c1": 0.1, "c2": 0.01, "max_iterations": 100, "feature.possible_transitions": True}
LABEL = {"source": "S", "cue": "C"}
Sequences = list[tuple[list[Span], list[list[str]]]]  # per sentence: its tokens' raw offsets, their features


def parsed(folder: Path, work: Path) -> dict[str, Document]:
    """The split's texts after clean, metadata and nlp, kept in ``work``."""
    cache = work / "parsed.pkl"
    if cache.is_file():
        return pickle.loads(cache.read_bytes())  # type: ignore[no-any-return]
    config = Config.from_dict({"attribution": {"learned": False}})
    stages = [s for s in attribution_stages(config) if s.name != "attribution"]
    texts = list(dict.fromkeys(f.text for f in find_polnear(folder)))
    pipe = DocumentPipeline(stages, on_error="skip")
    items = (d for p in texts for d in read_file(p) if not isinstance(d, Skipped))
    docs = {str(d.path): d for d in pipe.pipe(items, batch_size=config.story.batch_size)}
    cache.write_bytes(pickle.dumps(docs))
    return docs


def stage_out_of_fold(folder: Path, docs: dict[str, Document], work: Path) -> list[FileResult]:
    """The stage's spans on each file of the split, its cue and source models fitted out of fold."""
    cache = work / "stage.pkl"
    if cache.is_file():
        return pickle.loads(cache.read_bytes())  # type: ignore[no-any-return]
    ruled: dict[str | None, Document] = {p: attribute_document(d) for p, d in docs.items()}
    run = pf.rule_run(find_polnear(folder), ruled)
    probs = pf.out_of_fold(run.samples, meaning=meaning_basis())
    options, learn = pf.option_samples(run)
    option_probs = pf.out_of_fold(options, learn)
    sourced = pf.with_sources(run, option_probs, fitted.SOURCE_THRESHOLD or 1.0)
    results = pf.with_learned(sourced, probs, fitted.THRESHOLD, fitted.VETO)
    cache.write_bytes(pickle.dumps(results))
    return results


def _raw_bounds(doc: Document, tokens: Sequence[Token]) -> list[Span]:
    out = []
    for tok in tokens:
        raw = doc.text_map.span_to_raw(tok.start, tok.end)
        out.append(raw if raw is not None else (-1, -1))
    return out


def flat(spans: frozenset[Fragments] | set[Fragments]) -> list[Span]:
    return [f for fragments in spans for f in fragments]


def text_sequences(doc: Document, found: FileResult) -> Sequences:
    """Each parsed sentence of a text: its tokens' raw offsets and features, given the stage's spans."""
    out = []
    open_quote, paragraph = False, None
    for sentence in doc.sentences:
        quoted, open_quote = quoted_spans(sentence.text, open_quote and sentence.paragraph == paragraph)
        paragraph = sentence.paragraph
        if not sentence.tokens:
            continue
        bounds = _raw_bounds(doc, sentence.tokens)
        inside = [(sentence.start + s, sentence.start + e) for s, e in quoted]
        tags = {role: span_tags(bounds, flat(found.system[role])) for role in ("source", "cue", "content")}
        out.append((bounds, token_features(sentence, inside, tags)))
    return out


def labels(bounds: Sequence[Span], gold: dict[Any, frozenset[Fragments]]) -> list[str]:
    """B-S/I-S for source, B-C/I-C for cue (cue first where both), O elsewhere."""
    out = ["O"] * len(bounds)
    for role in ("source", "cue"):
        for k, tag in enumerate(span_tags(bounds, flat(gold[role]))):
            if tag != "O" and out[k] == "O":
                out[k] = f"{tag}-{LABEL[role]}"
    return out


def restrict(seqs: Sequence[list[list[str]]], keep: set[str]) -> list[list[list[str]]]:
    """The sequences with only the features in ``keep``."""
    return [[[f for f in token if f in keep] for token in seq] for seq in seqs]


def texts_seen(by_text: dict[str, Sequences]) -> Counter[str]:
    """How many texts each feature is seen in."""
    seen: Counter[str] = Counter()
    for seqs in by_text.values():
        seen.update({f for _, x in seqs for token in x for f in token})
    return seen


def train(sequences: Sequence[tuple[list[list[str]], list[str]]], path: Path) -> None:
    """Fit the CRF on (features, tags) sequences and write its model to ``path``."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in sequences:
        trainer.append(x, y)
    trainer.set_params(PARAMS)
    trainer.train(str(path))


def fit_tagger(folder: Path, work: Path, path: Path = TAGGER_MODEL) -> int:
    """Steps 1 to 3 on one split folder; returns the number of sentences learned from."""
    work.mkdir(parents=True, exist_ok=True)
    docs = parsed(folder, work)
    stage = stage_out_of_fold(folder, docs, work)
    by_text: dict[str, Sequences] = {}
    for r in stage:
        by_text.setdefault(str(r.file.text), text_sequences(docs[str(r.file.text)], r))
    keep = {f for f, c in texts_seen(by_text).items() if c >= MIN_TEXTS}
    kept = {t: restrict([x for _, x in seqs], keep) for t, seqs in by_text.items()}
    sequences = []
    for r in stage:
        gold = gold_spans(read_ann(r.file.ann), r.text, r.file)
        t = str(r.file.text)
        sequences += [(x, labels(b, gold)) for (b, _), x in zip(by_text[t], kept[t], strict=True)]
    train(sequences, path)
    return len(sequences)


def main(argv: Sequence[str]) -> None:
    if len(argv) != 2:
        sys.exit("usage: python -m storyline.eval.polnear_fit_tagger POLNEAR_TRAIN_DIR WORK_DIR")
    n = fit_tagger(Path(argv[0]), Path(argv[1]))
    print(f"wrote {TAGGER_MODEL} from {n} sentences ({TAGGER_MODEL.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main(sys.argv[1:])
