"""A progress display for long runs: documents done and documents per second, on stderr."""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from storyline.records import Document


class DocumentProgress:
    """Call it once per processed document. Silent with ``quiet`` or when stderr is not a terminal."""

    def __init__(self, quiet: bool = False, total: int | None = None) -> None:
        console = Console(stderr=True)
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("[bold]reading reports"),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            console=console,
            disable=quiet or not console.is_terminal,
            transient=True,
        )
        self._task = self._progress.add_task("docs", total=total, rate="")

    def __enter__(self) -> DocumentProgress:
        self._progress.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self._progress.stop()

    def __call__(self, doc: Document) -> None:
        self._progress.advance(self._task)
        task = self._progress.tasks[0]
        speed = task.speed
        self._progress.update(self._task, rate=f"{speed:.1f} docs/s" if speed else "")
