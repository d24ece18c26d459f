"""Time the events stage's clustering (pair search and merge loop) on the event candidates of a
stored story, by search mode, and measure how much of the exact clustering the LSH search keeps.

``prepare`` loads the first N reports of a store that ``stream_memory.py --db`` filled (as
``store_scale.py`` does), picks the event candidates and encodes them with the hashing encoder,
and caches both in ``--cache`` (``cands-N.pkl``, ``vectors-N.npy``; nothing goes in the repo).
``run`` clusters the cached candidates with one search mode and prints CPU seconds, the peak RSS
over the clustering (above the RSS once the candidates are loaded), and, when the exact run's
labels are cached, agreement with it: exact clusters reproduced, pairwise and B³ precision,
recall and F1 with the exact clustering as gold. ``--replicate K`` makes a synthetic story of K
copies of the candidates, each copy with its own document ids, its years shifted by 50*K and its
vectors sent through its own random Gaussian projection to 384 dimensions (MiniLM's size), so
that copies are as unrelated as two stories. ``--old FILE`` runs the ``cluster`` of another
version of ``events.py`` (e.g. ``git show <commit>:src/storyline/corpus/events.py``).
``--day-window D`` sets ``events.lsh_day_window`` (0: the LSH search without its day window),
``--bands B`` and ``--window W`` set ``events.lsh_bands`` and ``events.lsh_window``, ``--day-cap K``
sets ``events.lsh_day_window_mentions``; a run with any of them saves its labels under a name that
says them (``labels-10000-lsh-d3-b64-w32.npy``, ``labels-10000-lsh-d3-b64-w32-k1024.npy``), so
that the runs of a sweep are all kept. ``--gold NAME`` compares with ``labels-NAME.npy`` instead of
the exact run's labels (e.g. the default settings' labels of a story too large for the exact search).

Run one mode per process, so that each peak is its own.

Example:

    nice .venv/bin/python benchmarks/events_search.py prepare /tmp/t17-10k.jsonl \\
        sqlite:////tmp/scale/records.db --size 10000 --cache /tmp/events-cache
    nice .venv/bin/python benchmarks/events_search.py run --size 10000 --cache /tmp/events-cache --mode exact
    nice .venv/bin/python benchmarks/events_search.py run --size 10000 --cache /tmp/events-cache --mode lsh
    nice .venv/bin/python benchmarks/events_search.py run --size 10000 --cache /tmp/events-cache --mode lsh \\
        --replicate 10
    nice .venv/bin/python benchmarks/events_search.py run --size 10000 --cache /tmp/events-cache --mode lsh \\
        --day-window 7 --bands 32 --window 64
    nice .venv/bin/python benchmarks/events_search.py run --size 10000 --cache /tmp/events-cache --mode lsh \\
        --day-cap 512
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import pickle
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import psutil
from measure import CpuClock, PeakRss, mb, rss_bytes

from storyline.config import Config
from storyline.corpus import events as ev
from storyline.corpus.embeddings import HashingEncoder, normalize_rows
from storyline.corpus.timeline import strip_dateline


def prepare(args: argparse.Namespace) -> None:
    from store_scale import load_story

    story = load_story(args.inputs, args.records_db, args.size)
    config = Config().events
    cands = ev.candidates(story, config.min_mention_words, config.split_dated_clauses)
    # What find_events encodes: a dated clause's own words, else the sentence.
    vectors = HashingEncoder().encode([strip_dateline(c.compared or c.mention.text) for c in cands])
    args.cache.mkdir(parents=True, exist_ok=True)
    with open(args.cache / f"cands-{args.size}.pkl", "wb") as f:
        pickle.dump(cands, f)
    np.save(args.cache / f"vectors-{args.size}.npy", vectors)
    print(json.dumps({"size": args.size, "documents": len(story.documents), "candidates": len(cands)}))


def _shift(date: str | None, years: int) -> str | None:
    return None if date is None else f"{int(date[:4]) + years:04d}{date[4:]}"


def replicate(cands: list[ev.Candidate], vectors: np.ndarray, copies: int) -> tuple[list[ev.Candidate], np.ndarray]:
    """``copies`` unrelated copies of a story's candidates (see the module docstring), sorted by
    document id as ``events.candidates`` sorts them."""
    rng = np.random.default_rng(0)
    all_cands: list[ev.Candidate] = []
    parts = []
    for k in range(copies):
        for c in cands:
            m = replace(c.mention, document=f"{c.mention.document}#{k:02d}", date=_shift(c.mention.date, 50 * k))
            all_cands.append(replace(c, mention=m))
        projection = rng.normal(size=(vectors.shape[1], 384)).astype(np.float32)
        parts.append(normalize_rows(vectors @ projection))
    order = sorted(range(len(all_cands)), key=lambda i: (all_cands[i].mention.document, all_cands[i].mention.sentence))
    return [all_cands[i] for i in order], np.vstack(parts)[order]


def labels_of(groups: list[list[int]], n: int) -> np.ndarray:
    labels = np.empty(n, dtype=np.int64)
    for label, group in enumerate(groups):
        labels[group] = label
    return labels


def agreement(system: np.ndarray, gold: np.ndarray) -> dict[str, Any]:
    """Exact clusters reproduced, and pairwise and B³ scores of ``system`` against ``gold``."""
    _, cells, cell_sizes = np.unique(gold * (system.max() + 1) + system, return_inverse=True, return_counts=True)
    gold_sizes, sys_sizes = np.bincount(gold), np.bincount(system)
    first = np.unique(cells, return_index=True)[1]  # an item of each cell (gold cluster x system cluster)
    gold_size = gold_sizes[gold[first]]
    same = (cell_sizes == gold_size) & (cell_sizes == sys_sizes[system[first]])
    pairs = (cell_sizes * (cell_sizes - 1) // 2).sum()
    gold_pairs, sys_pairs = (gold_sizes * (gold_sizes - 1) // 2).sum(), (sys_sizes * (sys_sizes - 1) // 2).sum()
    share = cell_sizes[cells].astype(np.float64)
    b3_p, b3_r = float(np.mean(share / sys_sizes[system])), float(np.mean(share / gold_sizes[gold]))

    def f1(p: float, r: float) -> float:
        return round(2 * p * r / (p + r), 4) if p + r else 0.0

    pw_p, pw_r = float(pairs / max(sys_pairs, 1)), float(pairs / max(gold_pairs, 1))
    return {
        "exact_clusters": len(gold_sizes),
        "clusters": len(sys_sizes),
        "exact_clusters_reproduced": round(float(same.sum() / len(gold_sizes)), 4),
        "multi_clusters_reproduced": round(float((same & (gold_size > 1)).sum() / max((gold_sizes > 1).sum(), 1)), 4),
        "pairwise": {"p": round(pw_p, 4), "r": round(pw_r, 4), "f1": f1(pw_p, pw_r)},
        "b_cubed": {"p": round(b3_p, 4), "r": round(b3_r, 4), "f1": f1(b3_p, b3_r)},
    }


def run(args: argparse.Namespace) -> None:
    with open(args.cache / f"cands-{args.size}.pkl", "rb") as f:
        cands = pickle.load(f)
    vectors = np.load(args.cache / f"vectors-{args.size}.npy")
    tag = f"{args.size}x{args.replicate}" if args.replicate > 1 else str(args.size)
    if args.replicate > 1:
        cands, vectors = replicate(cands, vectors, args.replicate)
    settings: dict[str, Any] = {"search": args.mode if args.mode != "old" else "exact"}
    swept = {"lsh_day_window": args.day_window, "lsh_bands": args.bands, "lsh_window": args.window}
    swept["lsh_day_window_mentions"] = args.day_cap
    settings |= {key: value for key, value in swept.items() if value is not None}
    events = Config.from_dict({"events": settings}).events
    cluster = ev.cluster
    if args.old:
        spec = importlib.util.spec_from_file_location("old_events", args.old)
        assert spec is not None and spec.loader is not None
        old = importlib.util.module_from_spec(spec)
        sys.modules["old_events"] = old  # its dataclasses look their module up
        spec.loader.exec_module(old)
        cluster = old.cluster
    row: dict[str, Any] = {"size": tag, "mode": "old" if args.old else args.mode, "candidates": len(cands)}
    row |= {"lsh_day_window": events.lsh_day_window, "lsh_bands": events.lsh_bands, "lsh_window": events.lsh_window}
    row["lsh_day_window_mentions"] = events.lsh_day_window_mentions
    base = rss_bytes()
    row["rss_loaded_mb"] = mb(base)
    clock, t = CpuClock(), time.perf_counter()
    with PeakRss() as peak:
        groups = cluster(cands, vectors, events)
    row |= {"cpu_s": round(clock.seconds(), 1), "wall_s": round(time.perf_counter() - t, 1)}
    row |= {"peak_rss_mb": mb(peak.peak), "peak_above_loaded_mb": mb(peak.peak - base), "events": len(groups)}
    labels = labels_of(groups, len(cands))
    name = f"{tag}-{row['mode']}"
    if any(value is not None for value in swept.values()):
        name += f"-d{events.lsh_day_window}-b{events.lsh_bands}-w{events.lsh_window}"
        name += f"-k{events.lsh_day_window_mentions}" if args.day_cap is not None else ""
    np.save(args.cache / f"labels-{name}.npy", labels)
    gold = args.cache / f"labels-{args.gold or tag + '-exact'}.npy"
    if name != gold.stem.removeprefix("labels-") and gold.exists():
        row["against_" + (args.gold or "exact")] = agreement(labels, np.load(gold))
    row["load_1m"] = round(psutil.getloadavg()[0], 2)
    print(json.dumps(row), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    prep = sub.add_parser("prepare", help="cache the candidates and vectors of the first N stored reports")
    prep.add_argument("inputs", type=Path, help="the .jsonl file the records were made from")
    prep.add_argument("records_db", help="the store that holds the processed documents (a SQLAlchemy URL)")
    for p in (prep, sub.add_parser("run", help="cluster the cached candidates with one search mode")):
        p.add_argument("--size", type=int, required=True, help="reports in the story")
        p.add_argument("--cache", type=Path, required=True, help="folder of the cached candidates and labels")
    runner = sub.choices["run"]
    runner.add_argument("--mode", choices=("exact", "lsh", "auto"), default="auto")
    runner.add_argument("--day-window", type=int, help="events.lsh_day_window (default: the config's)")
    runner.add_argument("--bands", type=int, help="events.lsh_bands (default: the config's)")
    runner.add_argument("--window", type=int, help="events.lsh_window (default: the config's)")
    runner.add_argument("--day-cap", type=int, help="events.lsh_day_window_mentions (default: the config's)")
    runner.add_argument("--gold", help="compare with labels-GOLD.npy in the cache (default: the exact run's)")
    runner.add_argument("--replicate", type=int, default=1, help="unrelated copies of the candidates (synthetic)")
    runner.add_argument("--old", type=Path, help="an older events.py whose cluster() to run (exact search)")
    args = parser.parse_args()
    prepare(args) if args.command == "prepare" else run(args)


if __name__ == "__main__":
    main()
