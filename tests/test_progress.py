"""The progress display: a bar with documents per second and the time left, silent when asked."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from storyline.progress import DocumentProgress, expected_documents


class _Clock:
    """A clock the test moves by hand, so the rate does not depend on how busy the machine is."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _run(total: int | None, done: int, quiet: bool = False) -> str:
    console = Console(record=True, force_terminal=True, width=160, color_system=None)
    clock = _Clock()
    with DocumentProgress(quiet=quiet, total=total, console=console, clock=clock) as progress:
        for _ in range(done):
            clock.now += 0.5
            progress(None)  # type: ignore[arg-type]  # the display does not look at the document
    return console.export_text()


def test_known_total_shows_a_bar_documents_per_second_and_the_time_left() -> None:
    text = _run(total=10, done=4)
    assert "4/10" in text
    assert "2.0 docs/s" in text  # one document every half second
    assert "━" in text  # the bar
    assert "0:00:03 left" in text  # 6 documents to go at 2 a second


def test_unknown_total_shows_the_count_and_rate_but_no_time_left() -> None:
    text = _run(total=None, done=3)
    assert "3/?" in text and "2.0 docs/s" in text
    assert "left" not in text


def test_quiet_prints_nothing() -> None:
    assert _run(total=10, done=4, quiet=True) == ""


def test_expected_documents_counts_files_and_gives_up_on_record_files(tmp_path: Path) -> None:
    for name in ("a.txt", "b.html", "notes.png"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert expected_documents([tmp_path]) == 2  # the image is not an input
    (tmp_path / "feed.jsonl").write_text("{}\n", encoding="utf-8")
    assert expected_documents([tmp_path]) is None  # a JSONL file holds any number of reports
    assert expected_documents([]) is None
