"""A progress display for long runs, on stderr: a bar, documents done, documents per second, and the
time left when the number of documents is known beforehand (``expected_documents``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from storyline.io.manifest import read_manifest
from storyline.io.read import list_files
from storyline.records import Document

RECORD_FILES = (".json", ".jsonl")  # one file, any number of documents


def expected_documents(paths: Sequence[Path], manifest: Path | None = None) -> int | None:
    """How many documents the inputs hold, when that is known without reading them: one per file.

    None when a JSON or JSONL file may hold many records; the display then shows no time left.
    """
    if paths:
        files = [f for f in list_files(paths) if isinstance(f, Path)]
    elif manifest is not None:
        files = read_manifest(manifest).files()
    else:
        return None
    if any(f.suffix.lower() in RECORD_FILES for f in files):
        return None
    return len(files)


class DocumentProgress:
    """Call it once per processed document. Silent with ``quiet`` or when stderr is not a terminal.

    With a ``total`` it draws a bar and the time left; without one, a spinner and the count.
    ``console`` and ``clock`` are for tests (``Console(record=True, force_terminal=True)``, a fake clock).
    """

    def __init__(
        self,
        quiet: bool = False,
        total: int | None = None,
        console: Console | None = None,
        clock: Callable[[], float] | None = None,
        label: str = "reading reports",
    ) -> None:
        console = console or Console(stderr=True)
        known = total is not None and total > 0
        columns: list[ProgressColumn] = [SpinnerColumn(), TextColumn(f"[bold]{label}")]
        if known:
            columns.append(BarColumn())
        columns += [MofNCompleteColumn(), TextColumn("{task.fields[rate]}"), TimeElapsedColumn()]
        if known:
            columns += [TextColumn("·"), TimeRemainingColumn(), TextColumn("left")]
        self._progress = Progress(
            *columns,
            console=console,
            get_time=clock,
            disable=quiet or not console.is_terminal,
            transient=True,
        )
        self._task = self._progress.add_task("docs", total=total if known else None, rate="")

    def __enter__(self) -> DocumentProgress:
        self._progress.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self._progress.stop()

    def __call__(self, doc: Document) -> None:
        self.advance(1)

    def advance(self, count: int) -> None:
        """Count ``count`` more documents done (a batch of them)."""
        self._progress.advance(self._task, count)
        task = self._progress.tasks[0]
        speed = task.speed
        self._progress.update(self._task, rate=f"{speed:.1f} docs/s" if speed else "")
