"""Generate a large corpus of reports from Timeline17 articles, at run time, for the scale benchmarks.

Each report is a run of consecutive lines (sentences) of one article, with its numbers changed
(so the vocabulary keeps growing, as a live stream's does), published a few days from the
article's date under one of a few made-up outlets per topic. Reports are written as a .jsonl file
outside the repository; nothing from the data set is kept in it.

Example:

    .venv/bin/python benchmarks/scale_corpus.py ../shared/data/timeline17 10000 /tmp/t17-10k.jsonl
    .venv/bin/python benchmarks/scale_corpus.py ../shared/data/timeline17 10 /tmp/t17-new10.jsonl --seed 2
    .venv/bin/python benchmarks/scale_corpus.py ../shared/data/timeline17 10000 /tmp/t17-b.jsonl --seed 7 --by-topic

``--by-topic`` draws a topic first (each as likely) and then one of its articles, instead of one
article of the whole pool: a second mix, in which the small topics (fewer articles, so more
reports of the same article) weigh as much as the large ones.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

_NUMBER = re.compile(r"\d+")
OUTLETS = ("Harbor Daily", "Meridian Wire", "Northlight", "Valley Courier", "Coastal Post")


def articles(folder: Path) -> list[tuple[str, dict[str, Any]]]:
    """(topic, article) for every article with text, topics in sorted order."""
    found = []
    for path in sorted(folder.glob("*/articles.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            if isinstance(item.get("text"), str) and item["text"].strip():
                found.append((path.parent.name, item))
    return found


def vary_number(match: re.Match[str], rng: random.Random) -> str:
    """A number scaled by 0.5 to 1.5; years (1900-2030) are kept, so dates still resolve."""
    value = int(match.group())
    if 1900 <= value <= 2030 or len(match.group()) > 9:
        return match.group()
    return str(max(1, round(value * rng.uniform(0.5, 1.5))))


def report(topic: str, article: dict[str, Any], rng: random.Random, lines: tuple[int, int]) -> dict[str, Any]:
    """One generated report: a window of the article's lines, numbers varied, a shifted date."""
    sentences = [s for s in article["text"].split("\n") if s.strip()]
    size = rng.randint(*lines)
    start = rng.randrange(max(len(sentences) - size, 0) + 1)
    text = "\n".join(_NUMBER.sub(lambda m: vary_number(m, rng), s) for s in sentences[start : start + size])
    published = date.fromisoformat(str(article["time"])[:10]) + timedelta(days=rng.randint(0, 3))
    title = " ".join(text.split()[:10])
    return {"text": text, "time": published.isoformat(), "source": rng.choice(OUTLETS), "title": title, "topic": topic}


def generate(
    folder: Path, count: int, seed: int, lines: tuple[int, int] = (6, 14), by_topic: bool = False
) -> Iterator[dict[str, Any]]:
    """``count`` reports of articles drawn from the whole pool, or (``by_topic``) of a topic drawn
    first, each topic as likely, then one of its articles."""
    rng = random.Random(seed)
    pool = articles(folder)
    topics: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for item in pool:
        topics.setdefault(item[0], []).append(item)
    names = sorted(topics)
    for _ in range(count):
        topic, article = rng.choice(topics[rng.choice(names)]) if by_topic else rng.choice(pool)
        yield report(topic, article, rng, lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("timeline17", type=Path, help="the Timeline17 folder (one folder per topic)")
    parser.add_argument("count", type=int, help="reports to generate")
    parser.add_argument("out", type=Path, help="the .jsonl file to write (outside the repository)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--by-topic", action="store_true", help="draw a topic first, each as likely, then an article")
    args = parser.parse_args()
    with args.out.open("w", encoding="utf-8") as f:
        for item in generate(args.timeline17, args.count, args.seed, by_topic=args.by_topic):
            f.write(json.dumps(item, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
