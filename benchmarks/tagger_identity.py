"""Dump the time tagger's output on TimeML sentences and our time set, to prove a speed-up changes nothing.

Every sentence is tagged three ways: with its document's creation time and the focus carried from
the sentence before (as ``tagger_speed.py`` runs it), with no creation time, and with a "present"
tense hint. Each line of the dump is one sentence's expressions as JSON. Usage::

    python benchmarks/tagger_identity.py ../shared/data/tempeval3/TimeBank evaluation/time/times.jsonl > before.jsonl
    # ... change the tagger ...
    python benchmarks/tagger_identity.py ../shared/data/tempeval3/TimeBank evaluation/time/times.jsonl > after.jsonl
    cmp before.jsonl after.jsonl
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TextIO

from storyline.eval.tempeval import split_sentences
from storyline.eval.timeml import find_timeml, read_timeml
from storyline.eval.times_set import read_set
from storyline.records import TimeExpression
from storyline.time import tag
from storyline.time.focus import Focus, follow


def _documents(folder: Path, time_set: Path | None) -> Iterator[tuple[str, date | None, list[str]]]:
    for path in find_timeml(folder):
        doc = read_timeml(path)
        yield path.name, doc.dct, [doc.text[a:b] for a, b in split_sentences(doc.text)]
    if time_set is not None:
        for item in read_set(time_set):
            yield item.id, item.dct, [item.text]


def _row(name: str, how: str, text: str, found: list[TimeExpression]) -> str:
    return json.dumps([name, how, text, [dataclasses.astuple(e) for e in found]], ensure_ascii=False)


def write_document(out: TextIO, name: str, dct: date | None, sentences: Iterable[str]) -> None:
    """One document's sentences, each tagged three ways, one JSON line each (the focus carried along)."""
    focus = Focus()
    for s in sentences:
        found = tag(s, dct, focus=focus)
        out.write(_row(name, "dct+focus", s, found) + "\n")
        focus = follow(focus, found, dct)
        out.write(_row(name, "no dct", s, tag(s, None)) + "\n")
        out.write(_row(name, "present", s, tag(s, dct, "present")) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="a folder of .tml files, e.g. ../shared/data/tempeval3/TimeBank")
    parser.add_argument("time_set", type=Path, nargs="?", help="evaluation/time/times.jsonl")
    args = parser.parse_args()
    for name, dct, sentences in _documents(args.folder, args.time_set):
        write_document(sys.stdout, name, dct, sentences)


if __name__ == "__main__":
    main()
