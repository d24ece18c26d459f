from __future__ import annotations

import json
from pathlib import Path

from storyline.io.manifest import read_manifest
from storyline.io.read import document_id, read_inputs
from storyline.records import Hint


def write(path: Path, content: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


def corpus(tmp_path: Path) -> Path:
    write(tmp_path / "reports" / "a.txt", "source: Own Source\ntitle: Own title\n\nThe bridge reopened.")
    write(tmp_path / "reports" / "b.txt", "The ferry resumed service.")
    write(tmp_path / "reports" / "c.txt", "Not in the manifest.")
    return write(
        tmp_path / "manifest.csv",
        "path,source,published,title\n"
        "reports/a.txt,Meridian Wire,2022-09-12,Bridge reopens\n"
        "reports/b.txt,Harbor Daily,,\n",
    )


def test_manifest_alone_reads_exactly_the_files_it_names(tmp_path: Path) -> None:
    docs, skipped = read_inputs([], corpus(tmp_path))
    assert [Path(d.path or "").name for d in docs] == ["a.txt", "b.txt"]
    assert skipped == []


def test_manifest_hints_override_the_files_own(tmp_path: Path) -> None:
    docs, _ = read_inputs([], corpus(tmp_path))
    a = docs[0]
    assert a.hint("source") == Hint("source", "Meridian Wire", "manifest")
    assert a.hint("title") == Hint("title", "Bridge reopens", "manifest")
    assert a.hint("published") == Hint("published", "2022-09-12", "manifest")
    assert Hint("source", "Own Source", "header") in a.hints
    assert a.id == document_id("The bridge reopened.", "Meridian Wire")


def test_manifest_with_paths_gives_hints_to_the_files_it_lists(tmp_path: Path) -> None:
    manifest = corpus(tmp_path)
    docs, skipped = read_inputs([tmp_path / "reports"], manifest)
    assert [Path(d.path or "").name for d in docs] == ["a.txt", "b.txt", "c.txt"]
    assert docs[1].hint("source") == Hint("source", "Harbor Daily", "manifest")
    assert docs[2].hint("source") is None
    assert skipped == []


def test_manifest_row_naming_a_missing_file_is_skipped_with_e007(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "The bridge reopened.")
    manifest = write(tmp_path / "m.csv", "path,source\na.txt,Meridian Wire\ngone.txt,Harbor Daily\n")
    docs, skipped = read_inputs([], manifest)
    assert len(docs) == 1
    assert skipped[0].reason == (
        f"E007: manifest {manifest} row 3 names 'gone.txt', which does not exist. "
        "Check the path, which is relative to the manifest."
    )


def test_manifest_row_with_only_a_url_says_build_does_not_fetch(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "The bridge reopened.")
    manifest = write(tmp_path / "m.csv", "path,url\na.txt,\n,https://harbor.example/ferry\n")
    docs, skipped = read_inputs([], manifest)
    assert len(docs) == 1
    assert skipped[0].reason.startswith("E014:")
    assert "does not fetch" in skipped[0].reason and "'path' column" in skipped[0].reason


def test_jsonl_manifest_and_record_rows(tmp_path: Path) -> None:
    feed = write(
        tmp_path / "feed.jsonl",
        json.dumps({"text": "One report."}) + "\n" + json.dumps({"text": "Two report."}) + "\n",
    )
    rows = [
        {"path": "feed.jsonl", "source": "Meridian Wire"},
        {"path": "feed.jsonl#2", "published": "2022-09-13"},
    ]
    manifest = write(tmp_path / "m.jsonl", "\n".join(json.dumps(r) for r in rows))
    docs, _ = read_inputs([], manifest)
    assert [d.path for d in docs] == [f"{feed}#1", f"{feed}#2"]
    assert docs[0].hint("source") == Hint("source", "Meridian Wire", "manifest")
    assert docs[0].hint("published") is None
    assert docs[1].hint("published") == Hint("published", "2022-09-13", "manifest")


def test_manifest_paths_are_relative_to_the_manifest_folder(tmp_path: Path) -> None:
    manifest = corpus(tmp_path)
    rows = read_manifest(manifest).rows
    assert rows[0].file == tmp_path / "reports" / "a.txt"
    assert rows[0].row == 2
