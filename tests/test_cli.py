"""The command line, run through its installed entry point."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

STORYLINE = shutil.which("storyline") or str(Path(sys.executable).parent / "storyline")


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([STORYLINE, *args], capture_output=True, text=True, cwd=cwd, timeout=600)


def test_every_command_has_help_with_an_example() -> None:
    for command in ("build", "show"):
        result = run(command, "--help")
        assert result.returncode == 0
        assert "Example:" in result.stdout


def test_build_help_explains_every_option() -> None:
    out = run("build", "--help").stdout
    for option in ("--manifest", "--out", "--db", "--story", "--config", "--quiet"):
        assert option in out


def test_build_without_inputs_says_what_to_give() -> None:
    result = run("build")
    assert result.returncode == 2
    assert "give INPUT files or folders, or --manifest" in result.stderr


def test_show_on_a_missing_store_names_it(tmp_path: Path) -> None:
    result = run("show", str(tmp_path / "nothing.db"))
    assert result.returncode == 2
    assert result.stderr.startswith("E050: the store sqlite:///")


@pytest.mark.model
def test_bad_inputs_are_reported_and_skipped_and_the_rest_is_built(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text(
        "title: Bridge reopens\nsource: Meridian Wire\ndate 2024-03-05\n\n"
        "The river bridge reopened to traffic on Monday after two years of repairs, the city said.\n",
        encoding="utf-8",
    )
    (reports / "empty.txt").write_bytes(b"")
    (reports / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (reports / "feed.jsonl").write_text('{"text": "A second report about the bridge opening."}\n{not json\n')
    out = tmp_path / "out"
    result = run("build", str(reports), "--out", str(out), "--quiet")
    assert result.returncode == 1
    assert "E002:" in result.stderr and "empty.txt" in result.stderr
    assert "E003:" in result.stderr and "photo.txt" in result.stderr
    assert "E005:" in result.stderr and "feed.jsonl line 2" in result.stderr
    first = result.stdout.splitlines()[0]
    assert re.fullmatch(r"story 'reports': 2 reports, \d+ events, \d+ contradictions, 3 skipped", first), first
    story = json.loads((out / "story.json").read_text(encoding="utf-8"))
    assert sorted(Path(s["path"].split("#")[0]).name for s in story["skipped"]) == [
        "empty.txt",
        "feed.jsonl",
        "photo.txt",
    ]
    shown = run("show", str(out / "storyline.db"))
    assert shown.returncode == 0
    assert shown.stdout.startswith("reports\treports\t2 reports\t1 outlets\t2024-03-05 to 2024-03-05")
