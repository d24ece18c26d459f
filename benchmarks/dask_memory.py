"""Does the client process of the Dask engine keep memory per task? Sample its RSS and what its scheduler holds.

The client process also runs the LocalCluster's scheduler. Every ``--every`` tasks this prints one
JSON line: the RSS of this process alone (not the workers), CPU seconds of this process, and the
sizes of what the in-process scheduler and the client keep per task (tasks known to the scheduler,
its transition log, and the messages logged by the batched streams: client -> scheduler and
scheduler -> workers). ``--stages toy`` runs a trivial stand-in for the document stages (the same
engine code path, almost no work a document), so tens of thousands of tasks take a minute;
``--stages real`` runs the real ones. The inputs are read once and cycled.

Example:

    .venv/bin/python benchmarks/dask_memory.py /tmp/t17-10k.jsonl --stages toy --tasks 50000 --batch-size 8
    nice .venv/bin/python benchmarks/dask_memory.py /tmp/t17-10k.jsonl --stages real --tasks 375 --every 25
"""

from __future__ import annotations

import argparse
import ctypes
import json
import time
import tracemalloc
from collections.abc import Iterator, Sequence
from dataclasses import replace
from itertools import cycle, islice
from pathlib import Path
from typing import Any

import psutil

from storyline.build import document_stages
from storyline.config import Config
from storyline.engines import DaskEngine, open_engine
from storyline.io.read import iter_inputs
from storyline.pipeline import Stage
from storyline.records import Document

PAD_LINES = 0  # --pad: lines the stand-in adds to each document, to make results as large as real ones


def _touch(doc: Document) -> Document:
    pad = tuple(f"{doc.id} padding line {i} of the stand-in stage, about sixty chars" for i in range(PAD_LINES))
    return replace(doc, done=doc.done | {"touch"}, boilerplate_removed=pad)


def toy_stages(config: Config) -> Sequence[Stage[Document]]:
    """A stand-in for the document stages: one stage that marks the document (and pads it, --pad)."""
    return [Stage(name="touch", func=_touch)]


def trim() -> None:
    """Hand freed heap memory back to the system (glibc), to tell fragmentation from retention."""
    ctypes.CDLL("libc.so.6").malloc_trim(0)


def held(engine: DaskEngine) -> dict[str, int]:
    """What the client and its in-process scheduler hold now, in entries."""
    out = {"client_stream_log": len(engine.client.scheduler_comm.recent_message_log)}
    scheduler = getattr(engine.cluster, "scheduler", None)
    if scheduler is not None:
        out["scheduler_tasks"] = len(scheduler.tasks)
        out["transition_log"] = len(scheduler.transition_log)
        out["worker_stream_logs"] = sum(len(b.recent_message_log) for b in scheduler.stream_comms.values())
        out["client_comm_logs"] = sum(len(b.recent_message_log) for b in scheduler.client_comms.values())
    return out


def config_of(args: argparse.Namespace) -> Config:
    story: dict[str, Any] = {"engine": "dask", "batch_size": args.batch_size, "n_process": args.workers}
    if args.log_length is not None:
        story["dask_log_length"] = args.log_length
    return Config.from_dict({"story": story})


def run(args: argparse.Namespace) -> None:
    config = config_of(args)
    docs = [d for d in islice(iter_inputs([args.inputs]), args.documents) if isinstance(d, Document)]
    stages = toy_stages if args.stages == "toy" else document_stages
    me, t0 = psutil.Process(), time.perf_counter()

    def cpu() -> float:
        t = me.cpu_times()
        return t.user + t.system

    c0 = cpu()
    if args.tracemalloc:
        tracemalloc.start(12)
    with open_engine(config, stages) as engine:
        assert isinstance(engine, DaskEngine)

        def sample(done: int) -> dict[str, Any]:
            if args.trim:
                trim()
            row = {"tasks": done, "reports": done * args.batch_size, "client_rss_mb": me.memory_info().rss >> 20}
            row |= {"client_cpu_s": round(cpu() - c0, 1), "wall_s": round(time.perf_counter() - t0, 1)}
            if args.tracemalloc:
                row["python_mb"] = tracemalloc.get_traced_memory()[0] >> 20
                stats = tracemalloc.take_snapshot().statistics("traceback")[:3]
                row["python_top"] = [[s.size >> 10, s.count, [str(f) for f in s.traceback]] for s in stats]
            return row | held(engine) | {"load_1m": round(psutil.getloadavg()[0], 2)}

        def inputs() -> Iterator[Document]:
            return islice(cycle(docs), args.tasks * args.batch_size)

        print(json.dumps(sample(0)), flush=True)
        for n, _ in enumerate(engine.run(inputs()), start=1):
            if n % (args.every * args.batch_size) == 0:
                print(json.dumps(sample(n // args.batch_size)), flush=True)
        time.sleep(1)  # let the releases of the last tasks reach the scheduler
        print(json.dumps(sample(args.tasks) | {"last": True}), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", type=Path, help="a .jsonl file (or folder) of reports")
    parser.add_argument("--stages", choices=("toy", "real"), default="toy")
    parser.add_argument("--tasks", type=int, default=5000, help="batches to run (default 5000)")
    parser.add_argument("--documents", type=int, default=2000, help="distinct reports to read and cycle")
    parser.add_argument("--every", type=int, default=500, help="tasks between samples (default 500)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--pad", type=int, default=0, help="lines the stand-in adds to a document (result size)")
    parser.add_argument("--trim", action="store_true", help="malloc_trim(0) before each sample")
    parser.add_argument("--tracemalloc", action="store_true", help="also sample the memory Python objects hold")
    parser.add_argument("--log-length", type=int, default=None, help="story.dask_log_length (default: config's)")
    args = parser.parse_args()
    global PAD_LINES
    PAD_LINES = args.pad
    run(args)


if __name__ == "__main__":
    main()
