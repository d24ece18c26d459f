"""Stream reports through the per-document stages and sample memory as they go: is it flat?

Reads the inputs lazily, runs them through one open engine and keeps nothing but counts; with
``--db`` each processed document is stored as it comes (as ``build`` and ``add`` store records), so
the corpus-stage benchmark can reuse them. Every ``--every`` documents it prints one JSON line: the
summed RSS of the process tree, CPU seconds (user + system, robust to machine load) and wall
seconds so far, and, on the local engine, the size of spaCy's string store and lemmatizer cache.
The last line sums up: CPU and wall seconds per document and per 1,000 words.

Example:

    .venv/bin/python benchmarks/scale_corpus.py ../shared/data/timeline17 10000 /tmp/t17-10k.jsonl
    nice .venv/bin/python benchmarks/stream_memory.py /tmp/t17-10k.jsonl --db sqlite:////tmp/scale/records.db
    nice .venv/bin/python benchmarks/stream_memory.py /tmp/t17-10k.jsonl --limit 2000 --keep-strings
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

import psutil
from measure import CpuClock, PeakRss, mb, rss_bytes

from storyline.build import document_stages
from storyline.config import Config
from storyline.doc.nlp import load_model
from storyline.engines import open_engine
from storyline.io.read import iter_inputs
from storyline.records import Document
from storyline.store.store import open_store


def config_of(args: argparse.Namespace) -> Config:
    story: dict[str, Any] = {"engine": args.engine, "batch_size": args.batch_size}
    if args.batch_words:
        story["batch_words"] = args.batch_words
    if args.engine == "dask":
        story["n_process"] = args.workers
    nlp = {"free_strings": not args.keep_strings}
    if args.keep_strings:
        nlp["lemma_cache_size"] = 10**12
    return Config.from_dict({"story": story, "nlp": nlp})


def spacy_sizes(config: Config) -> dict[str, int]:
    """Entries in spaCy's string store and lemmatizer cache (this process: the local engine)."""
    nlp = load_model(config.nlp.model, config.nlp.gazetteer_min_population)
    cache = getattr(nlp.get_pipe("lemmatizer"), "cache", {}) if "lemmatizer" in nlp.pipe_names else {}
    return {"spacy_strings": len(nlp.vocab.strings), "lemma_cache": len(cache)}


def run(args: argparse.Namespace, config: Config) -> None:
    """Process the inputs, printing a sample every ``args.every`` documents and a summary at the end."""
    stop = None if args.limit is None else args.skip + args.limit
    inputs = islice(iter_inputs([args.inputs]), args.skip, stop)
    clock, t0 = CpuClock(), time.perf_counter()
    done = words = longest = 0

    def sample() -> dict[str, Any]:
        row = {"documents": done, "words": words, "longest_doc_words": longest, "rss_mb": mb(rss_bytes())}
        row |= {"cpu_s": round(clock.seconds(), 1), "wall_s": round(time.perf_counter() - t0, 1)}
        if args.engine == "local" and done:
            row |= spacy_sizes(config)
        return row | {"load_1m": round(psutil.getloadavg()[0], 2)}

    def processed() -> Iterator[Document]:
        nonlocal done, words, longest
        with open_engine(config, document_stages) as engine:
            for item in engine.run(inputs):
                if isinstance(item, Document):
                    done += 1
                    n = len(item.text.split())
                    words, longest = words + n, max(longest, n)
                    yield item
                    if done % args.every == 0:
                        print(json.dumps(sample()), flush=True)

    print(json.dumps(sample()), flush=True)
    with PeakRss() as peak:
        if args.db:
            with open_store(args.db) as store:
                store.add_documents(processed(), batch_size=config.story.batch_size)
        else:
            for _ in processed():
                pass
    last = sample()
    n, cpu, wall = max(done, 1), last["cpu_s"], last["wall_s"]
    last |= {
        "peak_rss_mb": mb(peak.peak),
        "cpu_s_per_doc": round(cpu / n, 4),
        "wall_s_per_doc": round(wall / n, 4),
        "cpu_s_per_1k_words": round(1000 * cpu / max(words, 1), 3),
        "free_strings": config.nlp.free_strings,
        "batch_words": config.story.batch_words,
        "engine": args.engine,
        "last": True,
    }
    print(json.dumps(last), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", type=Path, help="a .jsonl file (or folder) of reports")
    parser.add_argument("--every", type=int, default=500, help="documents between samples (default 500)")
    parser.add_argument("--limit", type=int, default=None, help="stop after this many inputs")
    parser.add_argument("--skip", type=int, default=0, help="start after this many inputs (to resume a run)")
    parser.add_argument("--engine", choices=("local", "dask"), default="local")
    parser.add_argument("--workers", type=int, default=2, help="Dask workers (default 2)")
    parser.add_argument("--batch-size", type=int, default=32, help="documents per batch (default 32)")
    parser.add_argument("--batch-words", type=int, help="close a batch at this many words (default: the config's)")
    parser.add_argument("--db", help="store each processed document here (a SQLAlchemy URL)")
    parser.add_argument("--keep-strings", action="store_true", help="as before: no memory zone, no cache bound")
    args = parser.parse_args()
    run(args, config_of(args))


if __name__ == "__main__":
    main()
