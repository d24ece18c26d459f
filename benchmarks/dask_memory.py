"""Does the client process of the Dask engine keep memory per task? Sample its RSS and what its scheduler holds.

The client process also runs the LocalCluster's scheduler. Every ``--every`` tasks this prints one
JSON line: the RSS of this process alone (not the workers), CPU seconds of this process, and the
sizes of what the in-process scheduler and the client keep per task (tasks known to the scheduler,
its transition log, and the messages logged by the batched streams: client -> scheduler and
scheduler -> workers; task groups, prefixes, computations and spans). ``--stages toy`` runs a
trivial stand-in for the document stages (the same engine code path, almost no work a document);
``--stages real`` runs the real ones. The inputs are read once and cycled. ``--cluster subprocess``
starts the scheduler and the workers as processes of their own (``dask scheduler``, ``dask worker``)
and samples the RSS of client, scheduler and workers apart; ``--objects`` adds the client's count of
Python objects and pymalloc's arenas and live blocks (arenas growing with flat blocks would be
fragmentation; blocks growing, objects kept).

Example:

    .venv/bin/python benchmarks/dask_memory.py /tmp/t17-10k.jsonl --stages toy --tasks 50000 --batch-size 8
    nice .venv/bin/python benchmarks/dask_memory.py /tmp/t17-10k.jsonl --stages real --tasks 375 --every 25
    nice .venv/bin/python benchmarks/dask_memory.py /tmp/t17-10k.jsonl --stages real --documents 3000 \
        --tasks 375 --every 25 --cluster subprocess --objects
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import gc
import json
import os
import re
import subprocess
import sys
import tempfile
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


def pymalloc() -> dict[str, int]:
    """Python's small-object allocator: MB in its arenas and MB its live blocks use. Arenas that grow
    while blocks stay flat are fragmentation (an arena goes back to the system only when empty)."""
    with tempfile.TemporaryFile() as f:
        saved = os.dup(2)
        os.dup2(f.fileno(), 2)
        try:
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        f.seek(0)
        text = f.read().decode(errors="replace")
    stats = dict(re.findall(r"^# ?([a-z ]+?)\s+=\s+([\d,]+)$", text, re.M))
    arenas = int(stats.get("arenas allocated current", "0").replace(",", ""))
    blocks = int(stats.get("bytes in allocated blocks", "0").replace(",", ""))
    return {"pymalloc_arenas": arenas, "pymalloc_blocks_mb": blocks >> 20}


def trim() -> None:
    """Hand freed heap memory back to the system (glibc), to tell fragmentation from retention."""
    ctypes.CDLL("libc.so.6").malloc_trim(0)


def scheduler_held(dask_scheduler: Any) -> dict[str, int]:
    """What a scheduler holds now, in entries (run in the scheduler's process by ``run_on_scheduler``)."""
    spans = dask_scheduler.extensions.get("spans")
    stealing = dask_scheduler.extensions.get("stealing")
    out = {
        "scheduler_tasks": len(dask_scheduler.tasks),
        "task_groups": len(dask_scheduler.task_groups),
        "task_prefixes": len(dask_scheduler.task_prefixes),
        "computations": len(dask_scheduler.computations),
        "transition_log": len(dask_scheduler.transition_log),
        "worker_stream_logs": sum(len(b.recent_message_log) for b in dask_scheduler.stream_comms.values()),
        "client_comm_logs": sum(len(b.recent_message_log) for b in dask_scheduler.client_comms.values()),
    }
    if spans is not None:
        out["spans"] = len(spans.spans)
        out["span_groups"] = sum(len(s.groups) for s in spans.spans.values())
    if stealing is not None:
        out["stealing_in_flight"] = len(stealing.in_flight)
    if tracemalloc.is_tracing():
        out["scheduler_python_mb"] = tracemalloc.get_traced_memory()[0] >> 20
    return out


def scheduler_top(dask_scheduler: Any) -> list[Any]:
    """The three tracebacks that hold the most Python memory in the scheduler's process."""
    stats = tracemalloc.take_snapshot().statistics("traceback")[:3]
    return [[s.size >> 10, s.count, [str(f) for f in s.traceback]] for s in stats]


def held(engine: DaskEngine) -> dict[str, int]:
    """What the client and its scheduler (in this process or another) hold now, in entries."""
    out = {"client_stream_log": len(engine.client.scheduler_comm.recent_message_log)}
    out["client_futures"] = len(engine.client.futures)
    scheduler = getattr(engine.cluster, "scheduler", None)
    if scheduler is not None:
        return out | scheduler_held(scheduler)
    return out | engine.client.run_on_scheduler(scheduler_held)


class Subprocesses:
    """A scheduler and workers in processes of their own (``dask scheduler``, ``dask worker``), so that
    the client, the scheduler and the workers can be measured apart."""

    def __init__(self, workers: int, log_length: int, tracemalloc_frames: int = 0) -> None:
        self.dir = tempfile.TemporaryDirectory()
        file = os.path.join(self.dir.name, "scheduler.json")
        here = os.path.dirname(os.path.abspath(__file__))
        env = os.environ | {"DASK_DISTRIBUTED__ADMIN__LOW_LEVEL_LOG_LENGTH": str(log_length)}
        env["PYTHONPATH"] = os.pathsep.join(p for p in (here, env.get("PYTHONPATH", "")) if p)
        if tracemalloc_frames:
            env["PYTHONTRACEMALLOC"] = str(tracemalloc_frames)
        scheduler = ["distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard"]
        self.scheduler = subprocess.Popen(
            [sys.executable, "-m", *scheduler, "--scheduler-file", file],
            env=env,
            stderr=subprocess.DEVNULL,
        )
        while not os.path.exists(file):
            time.sleep(0.2)
        time.sleep(0.5)
        with open(file) as f:
            self.address = json.load(f)["address"]
        worker_env = {k: v for k, v in env.items() if k != "PYTHONTRACEMALLOC"}
        worker = ["distributed.cli.dask_worker", self.address, "--nthreads", "1", "--nworkers", str(workers)]
        self.workers = subprocess.Popen(
            [sys.executable, "-m", *worker, "--no-dashboard", "--memory-limit", "0"],
            env=worker_env,
            stderr=subprocess.DEVNULL,
        )

    def rss(self) -> dict[str, int]:
        sched = psutil.Process(self.scheduler.pid)
        workers = psutil.Process(self.workers.pid)
        total = 0
        for p in [workers, *workers.children(recursive=True)]:
            with contextlib.suppress(psutil.Error):
                total += p.memory_info().rss
        t = sched.cpu_times()
        return {"scheduler_rss_mb": sched.memory_info().rss >> 20, "workers_rss_mb": total >> 20} | {
            "scheduler_cpu_s": round(t.user + t.system, 1)
        }

    def close(self) -> None:
        for p in (self.workers, self.scheduler):
            p.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                p.wait(timeout=20)
            if p.poll() is None:
                p.kill()
        self.dir.cleanup()


def config_of(args: argparse.Namespace, scheduler: str | None = None) -> Config:
    story: dict[str, Any] = {"engine": "dask", "batch_size": args.batch_size, "n_process": args.workers}
    if scheduler is not None:
        story["scheduler"] = scheduler
    if args.log_length is not None:
        story["dask_log_length"] = args.log_length
    return Config.from_dict({"story": story})


def run(args: argparse.Namespace) -> None:
    cluster = None
    if args.cluster == "subprocess":
        length = args.log_length if args.log_length is not None else Config().story.dask_log_length
        cluster = Subprocesses(args.workers, length, 12 if args.tracemalloc else 0)
    try:
        measure(args, config_of(args, cluster.address if cluster else None), cluster)
    finally:
        if cluster is not None:
            cluster.close()


def measure(args: argparse.Namespace, config: Config, cluster: Subprocesses | None) -> None:
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
        if cluster is not None:
            engine.client.wait_for_workers(args.workers)

        def sample(done: int) -> dict[str, Any]:
            if args.trim:
                trim()
            row = {"tasks": done, "reports": done * args.batch_size, "client_rss_mb": me.memory_info().rss >> 20}
            row |= {"client_cpu_s": round(cpu() - c0, 1), "wall_s": round(time.perf_counter() - t0, 1)}
            if args.tracemalloc:
                row["python_mb"] = tracemalloc.get_traced_memory()[0] >> 20
                stats = tracemalloc.take_snapshot().statistics("traceback")[:3]
                row["python_top"] = [[s.size >> 10, s.count, [str(f) for f in s.traceback]] for s in stats]
            if cluster is not None:
                row |= cluster.rss()
                if args.tracemalloc:
                    row["scheduler_top"] = engine.client.run_on_scheduler(scheduler_top)
            if args.objects:
                row["client_objects"] = len(gc.get_objects())
                row |= pymalloc()
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
    parser.add_argument(
        "--cluster",
        choices=("local", "subprocess"),
        default="local",
        help="local: the engine's LocalCluster (scheduler in this process); subprocess: scheduler and workers "
        "in processes of their own, each measured",
    )
    parser.add_argument(
        "--objects", action="store_true", help="also count the client's Python objects and pymalloc's arenas"
    )
    parser.add_argument("--log-length", type=int, default=None, help="story.dask_log_length (default: config's)")
    args = parser.parse_args()
    global PAD_LINES
    PAD_LINES = args.pad
    run(args)


if __name__ == "__main__":
    main()
