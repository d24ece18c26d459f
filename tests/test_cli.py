"""The command line, run through its installed entry point."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import insert

from storyline.records import Document
from storyline.store import tables
from storyline.store.codec import RECORD_VERSION, encode_document

STORYLINE = shutil.which("storyline") or str(Path(sys.executable).parent / "storyline")


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([STORYLINE, *args], capture_output=True, text=True, cwd=cwd, timeout=600)


def test_every_command_has_help_with_an_example() -> None:
    commands = [("build",), ("add",), ("show",), ("times",), ("attributions",), ("timeline",), ("cluster",), ("serve",)]
    commands += [("follow",), ("upgrade-store",)]
    commands += [("eval",)]
    commands += [
        ("eval", name) for name in ("tempeval", "polnear", "newsquant", "timeline17", "ecbplus", "status", "derivation")
    ]
    for command in commands:
        result = run(*command, "--help")
        assert result.returncode == 0
        assert "Example:" in result.stdout


def test_build_help_explains_every_option() -> None:
    out = run("build", "--help").stdout
    for option in (
        "--manifest",
        "--out",
        "--db",
        "--story",
        "--split-stories",
        "--engine",
        "--scheduler",
        "--workers",
        "--config",
        "--quiet",
    ):
        assert option in out


def test_build_without_inputs_says_what_to_give() -> None:
    result = run("build")
    assert result.returncode == 2
    assert "give INPUT files or folders, or --manifest" in result.stderr


def test_build_with_both_story_and_split_stories_says_to_give_one(tmp_path: Path) -> None:
    result = run("build", str(tmp_path), "--story", "floods", "--split-stories")
    assert result.returncode == 2
    assert "--story puts every report in one story and --split-stories separates them" in result.stderr


@pytest.mark.model
def test_build_split_stories_prints_one_line_per_story_and_the_skipped_input_once(
    mixed_folder: Path, hashing_config: Path, tmp_path: Path
) -> None:
    (mixed_folder / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    result = run(
        "build", str(mixed_folder), "--split-stories", "--out", str(out), "--config", str(hashing_config), "-q"
    )
    assert result.returncode == 1, result.stderr
    ids = ["ferry-crews-strike-at-port-wren", "river-alder-bursts-its-banks-in-millbrook"]
    stories = [json.loads((out / sid / "story.json").read_text(encoding="utf-8")) for sid in ids]
    assert result.stdout.splitlines() == [
        "2 stories, 6 reports, 1 skipped",
        *(
            f"story '{sid}': 3 reports, {_words(len(story['events']), 'event')}, "
            f"{_words(len(story['contradictions']), 'contradiction')}  {out / sid}/"
            for sid, story in zip(ids, stories, strict=True)
        ),
        "  each folder holds story.json, report.md and report.html",
        f"  sqlite:///{out / 'storyline.db'}",
    ]
    assert [line for line in result.stderr.splitlines() if line.startswith("skipped")] == [
        f"skipped {mixed_folder / 'empty.txt'}: E002: {mixed_folder / 'empty.txt'} is empty. "
        "Remove it from the input or give it a text."
    ]
    assert all((out / sid / name).is_file() for sid in ids for name in ("report.md", "report.html"))
    shown = run("show", str(out / "storyline.db")).stdout.splitlines()
    assert sorted(line.split("\t")[:3] for line in shown) == [  # show lists the latest saved first
        ["ferry-crews-strike-at-port-wren", "Ferry crews strike at Port Wren", "3 reports"],
        ["river-alder-bursts-its-banks-in-millbrook", "River Alder bursts its banks in Millbrook", "3 reports"],
    ]


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
    assert re.fullmatch(r"story 'reports': 2 reports, \d+ events?, \d+ contradictions?, 3 skipped", first), first
    story = json.loads((out / "story.json").read_text(encoding="utf-8"))
    assert sorted(Path(s["path"].split("#")[0]).name for s in story["skipped"]) == [
        "empty.txt",
        "feed.jsonl",
        "photo.txt",
    ]
    shown = run("show", str(out / "storyline.db"))
    assert shown.returncode == 0
    assert shown.stdout.startswith("reports\treports\t2 reports\t1 outlets\t2024-03-05 to 2024-03-05")


FERRY = (
    "title: Ferry returns to the island\nsource: Meridian Wire\ndate 2024-03-07\n\n"
    "Listen to this story\nShare\n\n"
    "The island ferry sailed again on Monday after three weeks of repairs.\n"
    "Subscribe now\n"
    "The next crossing is on March 9, the harbour office said.\n"
)


def _times(start: int, end: int, text: str, kind: str, value: str) -> dict[str, object]:
    return {"start": start, "end": end, "text": text, "type": kind, "value": value}


@pytest.mark.model
def test_times_prints_each_expression_with_offsets_into_the_file_as_read(tmp_path: Path) -> None:
    (tmp_path / "ferry.txt").write_text(FERRY, encoding="utf-8")
    result = run("times", "ferry.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    expected = {
        "ferry.txt": [
            _times(135, 141, "Monday", "DATE", "2024-03-04"),
            _times(148, 159, "three weeks", "DURATION", "P3W"),
            _times(210, 217, "March 9", "DATE", "2024-03-09"),
        ]
    }
    assert result.stdout == json.dumps(expected, indent=2) + "\n"
    # the header and the junk lines before each date are in the file, not in the cleaned text
    assert all(FERRY[t["start"] : t["end"]] == t["text"] for t in expected["ferry.txt"])


@pytest.mark.model
def test_times_with_a_dct_resolves_against_it(tmp_path: Path) -> None:
    (tmp_path / "ferry.txt").write_text(FERRY, encoding="utf-8")
    result = run("times", "ferry.txt", "--dct", "2024-03-20", cwd=tmp_path)
    assert [t["value"] for t in json.loads(result.stdout)["ferry.txt"]] == ["2024-03-18", "P3W", "2024-03-09"]


def test_times_with_a_bad_dct_says_how_to_write_it(tmp_path: Path) -> None:
    (tmp_path / "ferry.txt").write_text(FERRY, encoding="utf-8")
    result = run("times", str(tmp_path / "ferry.txt"), "--dct", "March 2024")
    assert result.returncode == 2
    assert "'March 2024' is not a date. Write it as YYYY-MM-DD" in result.stderr


def test_timeline_of_the_example_picks_its_busiest_days_and_leaves_out_the_undated_report() -> None:
    manifest = Path(__file__).resolve().parents[1] / "examples" / "kharkiv-2022" / "manifest.csv"
    result = run("timeline", "--manifest", str(manifest), "--dates", "3", "--sentences-per-date", "1")
    assert result.returncode == 0, result.stderr
    days = json.loads(result.stdout)
    assert [d["date"] for d in days] == ["2022-09-08", "2022-09-10", "2022-09-11"]
    assert all(len(d["sentences"]) == 1 for d in days)
    assert "10_plainview_undated.txt" in result.stderr


def test_timeline_with_a_bad_date_says_how_to_write_it(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text("date 2022-09-10\n\nCrews reopened the bridge on Friday.\n", encoding="utf-8")
    result = run("timeline", str(report), "--dates", "1", "--sentences-per-date", "1", "--start", "10/09/2022")
    assert result.returncode == 2
    assert "E096: --start '10/09/2022' is not a date. Write it as YYYY-MM-DD" in result.stderr


def test_a_broken_config_file_is_named_with_the_fix(tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    config.write_text("[time\n", encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_text("date 2022-09-10\n\nCrews reopened the bridge on Friday.\n", encoding="utf-8")
    result = run("timeline", str(report), "--dates", "1", "--sentences-per-date", "1", "--config", str(config))
    assert result.returncode == 2
    assert result.stderr.startswith(f"E033: the config file {config} could not be read (")
    assert result.stderr.rstrip().endswith("Give a TOML (.toml) or JSON file of settings.")


def test_serve_on_an_open_address_without_a_token_refuses_to_start(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "STORYLINE_TOKEN"}
    args = [STORYLINE, "serve", "--db", f"sqlite:///{tmp_path / 'none.db'}", "--host", "0.0.0.0"]
    result = subprocess.run(args, capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 2
    assert result.stderr.startswith("E139: refusing to serve on 0.0.0.0 without a token")


def test_serve_reads_the_token_from_storyline_token(tmp_path: Path) -> None:
    # with the token from the environment the binding is accepted; the missing store stops it next
    env = {**os.environ, "STORYLINE_TOKEN": "s3cret"}
    args = [STORYLINE, "serve", "--db", f"sqlite:///{tmp_path / 'none.db'}", "--host", "0.0.0.0"]
    result = subprocess.run(args, capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 2
    assert result.stderr.startswith("E050: ")


@pytest.mark.model
def test_add_ends_with_each_skipped_input_and_its_reason(tmp_path: Path) -> None:
    (tmp_path / "ferry").mkdir()
    (tmp_path / "ferry" / "ferry.txt").write_text(FERRY, encoding="utf-8")
    out = tmp_path / "out"
    built = run("build", str(tmp_path / "ferry"), "--out", str(out), "--quiet")  # the folder names the story
    assert built.returncode == 0, built.stderr
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("add", "ferry", str(tmp_path / "empty.txt"), "--out", str(out), "--quiet")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == "story 'ferry': 0 new report(s), 0 already in the story, 1 skipped"
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith(f"skipped {tmp_path / 'empty.txt'}: E002:"), result.stderr


NEWER = RECORD_VERSION + 1  # a version a newer storyline wrote


def _store_with_records(db: Path, make_doc: Callable[..., Document], versions: list[int]) -> str:
    """A SQLite store at ``db`` with one short report's record per version, as that version stored it
    (a version-2 record lacks what ``doc.digest`` reads)."""
    from storyline.store.store import open_store

    url = f"sqlite:///{db}"
    rows = []
    for n, version in enumerate(versions):
        data = encode_document(make_doc(f"The pier reopened after {n + 2} weeks.", "2024-05-0{n + 1}", "Wire"))
        if version == 2:
            digested = ("action", "actions", "lemmas", "happenings")
            sentences = [{k: v for k, v in s.items() if k not in digested} for s in data["sentences"]]
            data = {**data, "sentences": sentences, "done": sorted(set(data["done"]) - {"digest"})}
        rows.append({"id": f"doc{n}", "version": version, "data": data})
    with open_store(url) as store, store.engine.begin() as conn:
        conn.execute(insert(tables.document_records), rows)
    return url


def test_upgrade_store_resaves_old_records_once_and_says_how_many(
    tmp_path: Path, make_doc: Callable[..., Document]
) -> None:
    url = _store_with_records(tmp_path / "s.db", make_doc, [2, 2, RECORD_VERSION])
    first = run("upgrade-store", "--db", url, "--batch", "1", "-q")
    assert (first.returncode, first.stderr) == (0, "")
    assert first.stdout == (
        f"document records in {url}: 2 upgraded to version {RECORD_VERSION}, 1 already current, "
        "0 of an unknown version left as they are\n"
    )
    again = run("upgrade-store", "--db", url)
    assert again.returncode == 0
    assert again.stdout == (
        f"document records in {url}: 0 upgraded to version {RECORD_VERSION}, 3 already current, "
        "0 of an unknown version left as they are\n"
    )


def test_upgrade_store_leaves_records_of_an_unknown_version_and_warns_once(
    tmp_path: Path, make_doc: Callable[..., Document]
) -> None:
    (tmp_path / "out").mkdir()
    url = _store_with_records(tmp_path / "out" / "storyline.db", make_doc, [2, NEWER, NEWER])
    result = run("upgrade-store", "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert result.stdout == (
        f"document records in {url}: 1 upgraded to version {RECORD_VERSION}, 0 already current, "
        "2 of an unknown version left as they are\n"
    )
    assert result.stderr == (
        f"WARNING E216: 2 document record(s) in {url} are of version {NEWER}, "
        f"which this storyline (record version {RECORD_VERSION}) "
        "cannot read; they were left as they are. Records of a newer version were written by a newer storyline: "
        "use that one with this store; older ones are made anew by adding their reports again (storyline add).\n"
    )


def test_upgrade_store_on_a_missing_store_names_it_and_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    result = run("upgrade-store", "--db", f"sqlite:///{missing}")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"E050: the store sqlite:///{missing} could not be opened (FileNotFoundError: {missing} does not exist). "
        "Check the URL, e.g. sqlite:///out/storyline.db.\n"
    )
    assert not missing.exists()


def test_upgrade_store_refuses_a_store_of_a_newer_schema(tmp_path: Path) -> None:
    from storyline.store.migrations import apply_migrations
    from storyline.store.store import open_store

    url = f"sqlite:///{tmp_path / 'newer.db'}"
    with open_store(url) as store:
        apply_migrations(store.engine, [("m999_from_the_future", lambda conn: None)])
    result = run("upgrade-store", "--db", url)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"E050: the store {url} could not be opened (it was written by a newer storyline, with migrations "
        "m999_from_the_future; open it with that one). Check the URL, e.g. sqlite:///out/storyline.db.\n"
    )


def _words(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def test_counts_of_one_are_printed_in_the_singular() -> None:
    from storyline.cli.story import _count

    assert [_count(1, "contradiction"), _count(0, "contradiction"), _count(4, "event")] == [
        "1 contradiction",
        "0 contradictions",
        "4 events",
    ]
    assert [_count(1, "story", "stories"), _count(2, "story", "stories")] == ["1 story", "2 stories"]
