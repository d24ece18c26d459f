"""Dump the time tagger's output on unlabelled news, to prove a speed-up changes nothing outside TimeBank.

The companion of ``tagger_identity.py`` for plain news text: PolNeAR ``text/*.txt`` files (the report's
day read from the file name, ``outlet_2015-11-11_slug.txt``) and Timeline17 ``articles.jsonl`` files (each
article's ``time``). Sentences are split as the TempEval scorer splits them and tagged as in
``tagger_identity.py``: with the report's day and the focus carried from the sentence before, with no
day, and with a "present" tense hint. Usage::

    python benchmarks/tagger_identity_news.py ../shared/data/polnear/train ../shared/data/timeline17 > before.jsonl
    # ... change the tagger ...
    python benchmarks/tagger_identity_news.py ../shared/data/polnear/train ../shared/data/timeline17 > after.jsonl
    cmp before.jsonl after.jsonl
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from storyline.eval.tempeval import split_sentences

sys.path.insert(0, str(Path(__file__).parent))
from tagger_identity import write_document

_FILE_DAY = re.compile(r"_(\d{4}-\d\d-\d\d)_")


def _texts(folder: Path, limit: int | None) -> Iterator[tuple[str, date | None, str]]:
    """(name, report day, text) of each PolNeAR text and Timeline17 article under ``folder``, in name order."""
    for path in sorted(folder.rglob("*.txt"))[:limit]:
        day = _FILE_DAY.search(path.name)
        yield path.name, date.fromisoformat(day.group(1)) if day else None, path.read_text(encoding="utf-8")
    for path in sorted(folder.rglob("articles.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for n, line in enumerate(lines):
                if limit is not None and n >= limit:
                    break
                article = json.loads(line)
                yield f"{path.parent.name}/{article['id']}", date.fromisoformat(article["time"]), article["text"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", type=Path, nargs="+", help="e.g. ../shared/data/polnear/train")
    parser.add_argument("--limit", type=int, default=None, help="the first N texts (or articles a file) of each folder")
    args = parser.parse_args()
    out = sys.stdout
    for folder in args.folders:
        if not folder.is_dir():
            raise SystemExit(f"{folder} is not a folder. Give PolNeAR's train folder or Timeline17's folder.")
        for name, dct, text in _texts(folder, args.limit):
            write_document(out, name, dct, (text[a:b] for a, b in split_sentences(text)))


if __name__ == "__main__":
    main()
