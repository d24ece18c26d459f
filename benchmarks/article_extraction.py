"""Score the article text that ``read`` and ``clean`` keep of saved web pages against the
ScrapingHub (Zyte) article-extraction benchmark's gold bodies.

Each ``html/<id>.html.gz`` page is read as storyline reads an HTML file (trafilatura's main text,
``include_comments=False``), then cleaned by the ``clean`` stage with the default settings. The score
is F1 over 4-token shingles (lowercased word tokens, counted with their repeats), per page, then
the mean over the pages, as the benchmark's own evaluation does; a page with no text scores 0.
Pass ``--no-comments`` to score with ``clean.comment_threads`` off (the cleaner before threads were
cut), and ``--show N`` to print the N pages whose cleaned text lost the most words.

Example:

    PYTHONPATH=src .venv/bin/python benchmarks/article_extraction.py ../shared/data/article-extraction
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from pathlib import Path

from storyline.config import CleanConfig
from storyline.doc.clean import clean_document
from storyline.doc.clean_comments import thread_start
from storyline.io.read import html_document

_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _WORD.findall(text.lower())
    return Counter(tuple(tokens[i : i + size]) for i in range(max(0, len(tokens) - size + 1)))


def shingle_f1(predicted: str, gold: str) -> float:
    pred, true = shingles(predicted), shingles(gold)
    overlap = sum((pred & true).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(pred.values()), overlap / sum(true.values())
    return 2 * precision * recall / (precision + recall)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="the benchmark folder (ground-truth.json and html/)")
    parser.add_argument("--no-comments", action="store_true", help="clean without cutting comment threads")
    parser.add_argument("--show", type=int, default=0, help="print the pages where cleaning cut most words")
    args = parser.parse_args()
    gold = json.loads((args.folder / "ground-truth.json").read_text(encoding="utf-8"))
    config = CleanConfig(comment_threads=not args.no_comments)
    scores: list[float] = []
    read_scores: list[float] = []
    cut: list[tuple[int, str, int]] = []
    threads = 0
    for page_id, item in sorted(gold.items()):
        html = gzip.decompress((args.folder / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8")
        doc = html_document(html, f"{page_id}.html")
        cleaned = clean_document(doc, config)
        threads += config.comment_threads and thread_start(doc.text) is not None
        scores.append(shingle_f1(cleaned.text, item["articleBody"]))
        read_scores.append(shingle_f1(doc.text, item["articleBody"]))
        cut.append((len(doc.text.split()) - len(cleaned.text.split()), page_id, len(doc.text.split())))
    read_f1, cleaned_f1 = sum(read_scores) / len(read_scores), sum(scores) / len(scores)
    print(f"pages {len(scores)}  F1 read {read_f1:.4f}  F1 cleaned {cleaned_f1:.4f}")
    print(f"pages with a comment thread cut: {threads}")
    for words, page_id, total in sorted(cut, reverse=True)[: args.show]:
        print(f"  {page_id[:16]}  {words} of {total} words cut")


if __name__ == "__main__":
    main()
