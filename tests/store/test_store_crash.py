"""A writer killed with SIGKILL mid-way and run again leaves exactly the documents, once each."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, text

SCRIPT = Path(__file__).with_name("ingest_generated.py")
N = 600
BATCH = 50  # as in ingest_generated.py


def _start(url: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, str(SCRIPT), url, str(N), *args], stdout=subprocess.PIPE, text=True, env=env
    )


def _counts(url: str) -> tuple[int, int, int, int]:
    """(records, distinct record ids, story documents, stories)."""
    engine = create_engine(url)
    with engine.connect() as conn:
        records, distinct = conn.execute(text("SELECT COUNT(*), COUNT(DISTINCT id) FROM document_records")).one()
        documents = conn.execute(text("SELECT COUNT(*) FROM story_documents")).scalar_one()
        stories = conn.execute(text("SELECT COUNT(*) FROM stories")).scalar_one()
    engine.dispose()
    return records, distinct, documents, stories


def _record_ids(url: str) -> list[str]:
    engine = create_engine(url)
    with engine.connect() as conn:
        ids = list(conn.execute(text("SELECT id FROM document_records ORDER BY id")).scalars())
    engine.dispose()
    return ids


def _rerun_completes(url: str) -> None:
    done = subprocess.run([sys.executable, str(SCRIPT), url, str(N)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert _counts(url) == (N, N, N, 1)
    assert _record_ids(url) == [f"{i:016x}" for i in range(N)]


def test_killed_inside_a_batch_keeps_only_committed_batches_then_rerun_completes(store_url: str) -> None:
    child = _start(store_url, "4")
    assert child.stdout is not None
    for line in child.stdout:
        if line.strip() == "committing 4":
            break
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    time.sleep(0.2)  # PostgreSQL rolls the dead client's transaction back when it sees the socket close
    records, distinct, documents, stories = _counts(store_url)
    assert (records, distinct, documents, stories) == (3 * BATCH, 3 * BATCH, 0, 0)
    _rerun_completes(store_url)


def test_killed_at_a_random_moment_then_rerun_stores_each_document_once(store_url: str) -> None:
    child = _start(store_url)
    assert child.stdout is not None
    child.stdout.readline()  # the first commit is under way: the process is writing
    time.sleep(random.uniform(0.0, 0.5))
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    records, distinct, _, _ = _counts(store_url)
    assert records == distinct and records % BATCH == 0
    _rerun_completes(store_url)
