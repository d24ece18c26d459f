"""Instructions per sentence of each attribution layer after the parse, load-independent, under callgrind.

Parses the first N texts of a PolNeAR split once (or loads them from ``--docs``, a pickle this script
wrote), runs one warm pass with every layer, turns the garbage collector off, then runs one pass per
level (rules; + learned layer; + source tagger; + orphans; + span model) with ``os.getppid()`` between
them, so that ``--dump-before=getppid`` cuts one callgrind dump per level. Usage::

    python benchmarks/attribution_levels.py ../shared/data/polnear/train --limit 10 --save /tmp/docs10.pkl
    PYTHONHASHSEED=0 valgrind --tool=callgrind --dump-before=getppid --callgrind-out-file=/tmp/cg/cg.out \\
        python benchmarks/attribution_levels.py --docs /tmp/docs10.pkl
    grep -h '^summary:' /tmp/cg/cg.out.*   # dumps 2-6: the five levels; divide by the sentences printed
"""

from __future__ import annotations

import argparse
import gc
import os
import pickle
from pathlib import Path

from storyline.config import Config
from storyline.doc.attribution import attribute_document
from storyline.doc.attribution_learned import cue_model, source_model
from storyline.doc.attribution_spans import added_sources, load_span_model
from storyline.doc.attribution_tagger import checked_sources, load_tagger
from storyline.eval.polnear import attribute_files, find_polnear
from storyline.records import Document, Skipped


def _parsed(folder: Path, limit: int | None) -> list[Document]:
    texts = list(dict.fromkeys(f.text for f in find_polnear(folder)))[:limit]
    skipped: list[Skipped] = []
    return list(attribute_files(texts, Config.from_dict({"attribution": {"learned": False}}), skipped))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, nargs="?", help="a PolNeAR split, e.g. ../shared/data/polnear/train")
    parser.add_argument("--limit", type=int, default=10, help="the first N texts")
    parser.add_argument("--save", type=Path, help="write the parsed documents here and stop")
    parser.add_argument("--docs", type=Path, help="parsed documents written by --save")
    args = parser.parse_args()
    if args.docs is not None:
        with args.docs.open("rb") as f:
            docs = pickle.load(f)[: args.limit]
    elif args.folder is not None:
        docs = _parsed(args.folder, args.limit)
    else:
        parser.error("give a PolNeAR split or --docs FILE (written by --save)")
    if args.save is not None:
        with args.save.open("wb") as f:
            pickle.dump(docs, f)
        return
    learned, tagger, spans = (cue_model(), source_model()), load_tagger(), load_span_model()

    def run(level: int) -> None:
        for doc in docs:
            done = attribute_document(doc, *(learned if level >= 1 else ()))
            if level >= 2:
                done = checked_sources(done, tagger, cues=learned[0] if level >= 3 else None)
            if level >= 4:
                added_sources(done, spans)

    run(4)  # warm: models loaded, caches filled
    gc.collect()
    gc.disable()  # one collection would land in one level or another
    for level in range(5):
        os.getppid()
        run(level)
    os.getppid()
    print(f"{len(docs)} documents, {sum(len(d.sentences) for d in docs)} sentences")


if __name__ == "__main__":
    main()
