"""Per-document throughput of one engine, and of spaCy alone on the same texts, in one run.

Runs the per-document stages over the inputs twice through one open engine ("cold" includes model
loading, "warm" does not), then spaCy's ``nlp.pipe`` on the same cleaned texts in this process.
Peak memory is the summed RSS of this process and its children (Dask workers included).

Example:

    .venv/bin/python benchmarks/engines.py ../shared/data/timeline17/H1N1_reuters/articles.jsonl local
    .venv/bin/python benchmarks/engines.py ../shared/data/timeline17/H1N1_reuters/articles.jsonl dask --workers 2
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

import psutil
import spacy
from measure import PeakRss

from storyline.build import document_stages
from storyline.config import Config
from storyline.engines import open_engine
from storyline.io.read import iter_inputs
from storyline.records import Document


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", type=Path, help="a file or folder of reports")
    parser.add_argument("engine", choices=("local", "dask"))
    parser.add_argument("--workers", type=int, default=2, help="Dask workers (default 2)")
    parser.add_argument("--batch-size", type=int, help="documents per batch (default: the config's)")
    args = parser.parse_args()
    story: dict[str, Any] = {"engine": args.engine}
    if args.batch_size:
        story["batch_size"] = args.batch_size
    if args.engine == "dask":
        story["n_process"] = args.workers
    config = Config.from_dict({"story": story})
    inputs = [d for d in iter_inputs([args.inputs]) if isinstance(d, Document)]
    out: dict[str, Any] = {
        "engine": args.engine,
        "workers": args.workers if args.engine == "dask" else 1,
        "batch_size": config.story.batch_size,
        "documents": len(inputs),
    }
    with PeakRss() as rss:
        t0 = time.perf_counter()
        with open_engine(config, document_stages) as engine:
            out["start_s"] = round(time.perf_counter() - t0, 2)
            for label in ("cold", "warm"):
                t = time.perf_counter()
                # Keep only the cleaned text of each processed document, as a build streams documents
                # to the store: the peak then shows the engine's memory, not a list of annotated documents.
                texts = [d.text for d in engine.run(inputs) if isinstance(d, Document)]
                out[f"{label}_s"] = round(time.perf_counter() - t, 2)
            out["processed"] = len(texts)
            out["peak_rss_engine_mb"] = round(rss.peak / 2**20)
        out["wall_total_s"] = round(time.perf_counter() - t0, 2)
    words = sum(len(t.split()) for t in texts)
    nlp = spacy.load(config.nlp.model)
    list(nlp.pipe(texts[:5]))  # warm
    t = time.perf_counter()
    list(nlp.pipe(texts, batch_size=64))
    out["spacy_alone_s"] = round(time.perf_counter() - t, 2)
    out["words"] = words
    for key in ("cold", "warm", "spacy_alone"):
        out[f"{key}_docs_per_s"] = round(len(texts) / out[f"{key}_s"], 2)
        out[f"{key}_words_per_s"] = round(words / out[f"{key}_s"])
    out["warm_vs_spacy"] = round(out["warm_docs_per_s"] / out["spacy_alone_docs_per_s"], 3)
    out["load_avg_1m"] = round(psutil.getloadavg()[0], 2)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
