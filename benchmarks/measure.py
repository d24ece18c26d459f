"""Memory and CPU of this process and its children (Dask workers, spaCy's processes), for the benchmarks.

CPU seconds (user + system) are summed over the process tree: unlike wall time they hardly change
with the load other jobs put on the machine, so sizing from them does not depend on that load.
"""

from __future__ import annotations

import contextlib
import threading
import time

import psutil


def tree() -> list[psutil.Process]:
    me = psutil.Process()
    return [me, *me.children(recursive=True)]


def rss_bytes() -> int:
    """Summed resident memory of this process and its descendants, now."""
    total = 0
    for p in tree():
        with contextlib.suppress(psutil.Error):
            total += p.memory_info().rss
    return total


class CpuClock:
    """User + system CPU seconds of this process tree since the clock was made.

    Children that exit are still counted (their times go to ``children_*`` of this process once
    reaped); living ones are read directly.
    """

    def __init__(self) -> None:
        self.start = self._now()

    def _now(self) -> float:
        me = psutil.Process()
        t = me.cpu_times()
        total = t.user + t.system + t.children_user + t.children_system
        for child in me.children(recursive=True):
            with contextlib.suppress(psutil.Error):
                c = child.cpu_times()
                total += c.user + c.system
        return total

    def seconds(self) -> float:
        return self._now() - self.start


class PeakRss:
    """Peak of the summed RSS of this process tree, sampled every 0.1 s while the block runs."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, rss_bytes())
            time.sleep(0.1)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def mb(n: int) -> int:
    return round(n / 2**20)
