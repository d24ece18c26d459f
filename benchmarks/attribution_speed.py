"""CPU speed of the attribution stage after the parse: sentences per CPU second on one core, rules
alone, rules with the learned layer, with the source tagger too, with attributions built around
orphan sources (``attribution_orphans``), and with the span model too, best of N passes over
documents parsed once.

CPU time (``time.process_time``) rather than wall time, so that a loaded machine changes the figure
little; the spaCy parse is done once beforehand and not counted. Usage:
``python benchmarks/attribution_speed.py ../shared/data/polnear/train [--limit 200] [--repeat 3]``.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from storyline.config import Config
from storyline.doc.attribution import attribute_document
from storyline.doc.attribution_learned import cue_model, source_model
from storyline.doc.attribution_spans import added_sources, load_span_model
from storyline.doc.attribution_tagger import checked_sources, load_tagger
from storyline.eval.polnear import attribute_files, find_polnear
from storyline.records import Document, Skipped


def _best_cpu(
    docs: list[Document],
    repeat: int,
    *models: object,
    tagger: object = None,
    orphans: bool = False,
    spans: object = None,
) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for doc in docs:
            done = attribute_document(doc, *models)  # type: ignore[arg-type]
            if tagger is not None:
                done = checked_sources(done, tagger, cues=models[0] if orphans else None)  # type: ignore[arg-type]
            if spans is not None:
                added_sources(done, spans)  # type: ignore[arg-type]
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path, help="a PolNeAR split, e.g. ../shared/data/polnear/train")
    parser.add_argument("--limit", type=int, default=None, help="the first N texts only")
    parser.add_argument("--repeat", type=int, default=3, help="passes; the best one is reported")
    args = parser.parse_args()
    texts = list(dict.fromkeys(f.text for f in find_polnear(args.folder)))[: args.limit]
    skipped: list[Skipped] = []
    config = Config.from_dict({"attribution": {"learned": False}})
    docs = list(attribute_files(texts, config, skipped))
    n = sum(len(d.sentences) for d in docs)
    learned = (cue_model(), source_model())
    tagger = load_tagger()
    spans = load_span_model()  # loaded once per process at run time: not counted
    runs = (
        ("rules alone", (), None, False, None),
        ("rules and learned layer", learned, None, False, None),
        ("learned layer and source tagger", learned, tagger, False, None),
        ("and attributions around orphan sources", learned, tagger, True, None),
        ("and the span model", learned, tagger, True, spans),
    )
    for name, models, checker, orphans, adder in runs:
        best = _best_cpu(docs, args.repeat, *models, tagger=checker, orphans=orphans, spans=adder)
        print(f"{name}: {n:,} sentences, best CPU {best:.3f} s = {n / best:,.0f} sentences/s on one core")


if __name__ == "__main__":
    main()
