"""Where the events stage's clustering spends its CPU and memory, part by part, on the candidates
that ``events_search.py prepare`` cached: the copies' grouping, the LSH, the day window, the denials'
search, the rest of the pair search (merging, cosines), the bar filter and sort, the undoing of copy
groups and the merge loop.

Each part is timed by a wrapper put around its function for this run (CPU seconds of the process,
and the peak RSS above the loaded candidates while it ran, sampled every 0.1 s). A part may hold
another (``bounded_pairs`` holds the LSH, the day window and the denials; ``ranked_pairs`` holds the
search). The labels (``labels-NAME.npy``) and the pairs handed to the merge loop (``pairs-NAME.npz``)
are saved in the cache, so that two versions of the code can be compared (``--same OTHER``: labels
and pairs identical to the bit, else the agreement of the labels). Run one size per process, so that
each peak is its own; run an older version of the code with its own ``PYTHONPATH``.

Example:

    nice -n 10 .venv/bin/python benchmarks/events_breakdown.py --size 10000 --cache /tmp/events-cache \\
        --name new-10k
    nice -n 10 .venv/bin/python benchmarks/events_breakdown.py --size 10000 --cache /tmp/events-cache \\
        --name lsh-denials-10k --set denial_search=lsh --same new-10k
"""

from __future__ import annotations

import argparse
import json
import pickle
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import psutil
from events_search import agreement, labels_of
from measure import CpuClock, PeakRss, mb, rss_bytes

from storyline.config import Config
from storyline.corpus import event_search as es
from storyline.corpus import events as ev

PARTS = (
    (ev, "_duplicates", False),
    (es, "lsh_pairs", False),
    (es, "day_window_pairs", True),
    (es, "denial_pairs", True),
    (es, "bounded_pairs", False),
    (es, "exact_pairs", False),
    (ev, "ranked_pairs", False),
    (ev, "not_merged_first", False),
    (ev, "stand_alone", False),
)  # and the merge loop, wrapped after the wrapper that saves its pairs


class Parts:
    """CPU seconds, peak RSS above ``base`` and items returned, per wrapped function."""

    def __init__(self, base: int) -> None:
        self.base = base
        self.cpu: dict[str, float] = {}
        self.peak: dict[str, int] = {}
        self.items: dict[str, int] = {}

    def wrap(self, module: Any, name: str, consume: bool) -> None:
        if not hasattr(module, name):
            return
        func: Callable[..., Any] = getattr(module, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            clock = CpuClock()
            with PeakRss() as peak:
                out = func(*args, **kwargs)
                if consume:  # a generator: its work is done as it is read
                    out = list(out)
            self.cpu[name] = self.cpu.get(name, 0.0) + clock.seconds()
            self.peak[name] = max(self.peak.get(name, 0), mb(peak.peak - self.base))
            count = sum(len(x) for x in out) if consume else len(out) if hasattr(out, "__len__") else 0
            self.items[name] = self.items.get(name, 0) + count
            return out

        setattr(module, name, timed)


def save_pairs(path: Path) -> None:
    """Save the pairs and copy groups that ``cluster`` hands to the merge loop."""
    merge = ev.merge_pairs

    def saving(cands: Any, pairs: es.Pairs, first: np.ndarray, config: Any, *rest: Any) -> list[list[int]]:
        np.savez(path, cosines=pairs.cosines, left=pairs.left, right=pairs.right, first=first)
        return merge(cands, pairs, first, config, *rest)

    ev.merge_pairs = saving


def same(cache: Path, name: str, other: str) -> dict[str, Any]:
    """Labels and merge-loop pairs of two runs identical to the bit, else the labels' agreement."""
    mine, theirs = np.load(cache / f"labels-{name}.npy"), np.load(cache / f"labels-{other}.npy")
    out: dict[str, Any] = {"labels_identical": bool(np.array_equal(mine, theirs))}
    a, b = cache / f"pairs-{name}.npz", cache / f"pairs-{other}.npz"
    if a.exists() and b.exists():
        x, y = np.load(a), np.load(b)
        keys = ("cosines", "left", "right", "first")
        out["pairs_identical"] = all(np.array_equal(x[k].view(np.uint8), y[k].view(np.uint8)) for k in keys)
    if not out["labels_identical"]:
        out["against_" + other] = agreement(mine, theirs)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, required=True, help="reports in the cached story")
    parser.add_argument("--cache", type=Path, required=True, help="folder of the cached candidates and labels")
    parser.add_argument("--name", required=True, help="name of this run's labels and pairs in the cache")
    parser.add_argument("--set", action="append", default=[], help="an events setting, KEY=VALUE (repeatable)")
    parser.add_argument("--same", help="compare with the run of that name")
    args = parser.parse_args()
    settings: dict[str, Any] = {"search": "lsh"}
    for item in args.set:
        key, value = item.split("=", 1)
        settings[key] = int(value) if value.lstrip("-").isdigit() else value
    with open(args.cache / f"cands-{args.size}.pkl", "rb") as f:
        cands = pickle.load(f)
    vectors = np.load(args.cache / f"vectors-{args.size}.npy")
    config = Config.from_dict({"events": settings}).events
    base = rss_bytes()
    parts = Parts(base)
    for module, name, consume in PARTS:
        parts.wrap(module, name, consume)
    save_pairs(args.cache / f"pairs-{args.name}.npz")
    parts.wrap(ev, "merge_pairs", False)
    clock, start = CpuClock(), time.perf_counter()
    with PeakRss() as peak:
        groups = ev.cluster(cands, vectors, config)
    row: dict[str, Any] = {"size": args.size, "name": args.name, "mentions": len(cands), "settings": settings}
    row |= {"cluster_cpu_s": round(clock.seconds(), 1), "wall_s": round(time.perf_counter() - start, 1)}
    row["cpu_s"] = {name: round(seconds, 1) for name, seconds in parts.cpu.items()}
    row["peak_above_loaded_mb"] = parts.peak | {"cluster": mb(peak.peak - base)}
    row["items"] = parts.items
    row |= {"events": len(groups), "rss_loaded_mb": mb(base)}
    np.save(args.cache / f"labels-{args.name}.npy", labels_of(groups, len(cands)))
    if args.same:
        row["same_as_" + args.same] = same(args.cache, args.name, args.same)
    row["load_1m"] = round(psutil.getloadavg()[0], 2)
    print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
