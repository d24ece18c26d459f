"""Train the attribution span model (``doc/attribution_spans.py``) on PolNeAR train and store it.

Each parsed sentence of each train annotation file is one example: our tokens with their tag and
dependency, labelled B-S/I-S (source) and B-C/I-C (cue) from the gold spans (``polnear_fit_tagger.labels``).
Five epochs, batches of 32 sentences, dropout 0.2, Adam at 0.001, shuffled with seed 0: the settings
compared on held-out train texts by ``benchmarks/attribution_span_model.py``. About 15 minutes on one
core. Usage: ``python -m storyline.eval.polnear_fit_spans ../shared/data/polnear/train WORK``
(``WORK`` keeps the parse, as for ``polnear_fit_tagger``).
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from storyline.doc.attribution_spans import SPAN_MODEL, blank_pipeline, sentence_doc
from storyline.eval.brat import read_ann
from storyline.eval.polnear import PolnearFile, find_polnear, gold_spans
from storyline.eval.polnear_fit_tagger import _raw_bounds, labels, parsed
from storyline.records import Document

EPOCHS = 5
BATCH = 32
DROPOUT = 0.2
LEARN_RATE = 0.001


def examples(vocab: Any, files: Sequence[PolnearFile], docs: dict[str, Document]) -> list[Any]:
    """One training example per parsed sentence of each annotation file."""
    from spacy.training import Example

    out = []
    for f in files:
        doc = docs.get(str(f.text))
        if doc is None:
            continue
        gold = gold_spans(read_ann(f.ann), doc.raw_text, f)
        for sentence in doc.sentences:
            if sentence.tokens:
                tags = labels(_raw_bounds(doc, sentence.tokens), gold)
                out.append(Example.from_dict(sentence_doc(vocab, sentence), {"tags": tags}))
    return out


def fit_spans(folder: Path, work: Path, path: Path = SPAN_MODEL) -> int:
    """Train the span model on every file of ``folder`` and store its tagger in ``path``; the number
    of training sentences."""
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(0)
    nlp = blank_pipeline()
    train = examples(nlp.vocab, find_polnear(folder), parsed(folder, work))
    optimizer = nlp.initialize(lambda: train[:2000])
    optimizer.learn_rate = LEARN_RATE
    rng = random.Random(0)
    for epoch in range(EPOCHS):
        began, losses = time.time(), {"tagger": 0.0}
        rng.shuffle(train)
        for batch in minibatch(train, size=BATCH):
            nlp.update(batch, sgd=optimizer, drop=DROPOUT, losses=losses)
        print(f"epoch {epoch}: loss {losses['tagger']:.1f}, {time.time() - began:.0f} s", flush=True)
    nlp.get_pipe("tagger").to_disk(path, exclude=["vocab"])
    return len(train)


def main(argv: Sequence[str]) -> None:
    if len(argv) != 2:
        print(__doc__)
        raise SystemExit(2)
    work = Path(argv[1])
    work.mkdir(parents=True, exist_ok=True)
    n = fit_spans(Path(argv[0]), work)
    print(f"{n} sentences; span model written to {SPAN_MODEL}")


if __name__ == "__main__":
    main(sys.argv[1:])
