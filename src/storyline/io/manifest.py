"""Read a manifest (CSV or JSONL) that names the input files and gives their source, date and title.

Paths are relative to the manifest's folder. A row's values become hints with origin "manifest",
which outrank the file's own metadata. Rows that name no readable file become ``Skipped``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from storyline.errors import Errors, InputError
from storyline.io.encoding import decode
from storyline.records import Hint, Skipped

E014 = (
    "E014: manifest {manifest} row {row} gives only the URL {url}; storyline build does not fetch "
    "pages. Save the page next to the manifest and add its file name in the 'path' column."
)

# Manifest column -> hint field. "date" is accepted as a synonym of "published".
_COLUMNS = {
    "source": "source",
    "published": "published",
    "date": "published",
    "title": "title",
    "byline": "byline",
    "url": "url",
}

FileKey = tuple[str, int | None]  # (resolved file path, record number or None for the whole file)


@dataclass(frozen=True)
class ManifestRow:
    row: int  # the line of the manifest file (the CSV header is line 1)
    name: str | None  # the path as written in the manifest
    file: Path | None  # the file it names, resolved against the manifest's folder
    record: int | None  # "feed.jsonl#3" names record 3 of feed.jsonl
    url: str | None
    hints: tuple[Hint, ...]


@dataclass(frozen=True)
class Manifest:
    path: Path
    rows: tuple[ManifestRow, ...]
    problems: tuple[Skipped, ...]

    def files(self) -> list[Path]:
        """The existing files the manifest names, in order, each once."""
        seen: dict[str, Path] = {}
        for row in self.rows:
            if row.file is not None and row.file.is_file():
                seen.setdefault(file_key(row.file), row.file)
        return list(seen.values())

    def hints_for(self, file: Path, record: int | None, url: str | None) -> tuple[Hint, ...]:
        """Hints of the rows naming this file (or record of it) or its URL; the most specific first."""
        key = file_key(file)
        exact = [r for r in self.rows if r.file is not None and file_key(r.file) == key and r.record == record]
        whole = [r for r in self.rows if r.file is not None and file_key(r.file) == key and r.record is None]
        by_url = [r for r in self.rows if url is not None and r.url is not None and same_url(r.url, url)]
        rows = dict.fromkeys([*exact, *whole, *by_url])  # ordered, each once
        return tuple(h for r in rows for h in r.hints)


def file_key(path: Path) -> str:
    return str(path.resolve())


def same_url(a: str, b: str) -> bool:
    return a.strip().rstrip("/") == b.strip().rstrip("/")


def read_manifest(path: Path) -> Manifest:
    """Read a CSV or JSONL manifest; raise ``InputError`` (E011) when it cannot be read at all."""
    try:
        content = decode(path.read_bytes(), str(path))
    except (OSError, InputError) as e:
        raise InputError(Errors.E011.format(manifest=path, detail=e)) from e
    jsonl = path.suffix.lower() in {".jsonl", ".json"} or content.lstrip().startswith("{")
    rows: list[ManifestRow] = []
    problems: list[Skipped] = []
    for n, values in _jsonl_rows(content, path) if jsonl else _csv_rows(content, path):
        if isinstance(values, Skipped):
            problems.append(values)
            continue
        row = _row(path, n, values)
        if isinstance(row, Skipped):
            problems.append(row)
        else:
            rows.append(row)
    return Manifest(path=path, rows=tuple(rows), problems=tuple(problems))


def _csv_rows(content: str, path: Path) -> Iterator[tuple[int, dict[str, str] | Skipped]]:
    reader = csv.DictReader(io.StringIO(content))
    if not reader.fieldnames or not {"path", "url"} & {f.strip().lower() for f in reader.fieldnames}:
        detail = f"the header {reader.fieldnames} has no 'path' or 'url' column"
        raise InputError(Errors.E011.format(manifest=path, detail=detail))
    for values in reader:
        clean = {(k or "").strip().lower(): (v or "").strip() for k, v in values.items() if isinstance(v, str)}
        yield reader.line_num, clean


def _jsonl_rows(content: str, path: Path) -> Iterator[tuple[int, dict[str, str] | Skipped]]:
    for n, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as e:
            yield n, Skipped(f"{path}#{n}", Errors.E005.format(path=path, line=n, detail=e.msg))
            continue
        if not isinstance(item, dict):
            yield n, Skipped(f"{path}#{n}", Errors.E010.format(manifest=path, row=n))
            continue
        yield n, {str(k).strip().lower(): str(v).strip() for k, v in item.items() if v is not None}


def _row(manifest: Path, n: int, values: dict[str, str]) -> ManifestRow | Skipped:
    name = values.get("path") or None
    url = values.get("url") or None
    hints = tuple(
        Hint(field=field, value=values[column], origin="manifest")  # type: ignore[arg-type]
        for column, field in _COLUMNS.items()
        if values.get(column)
    )
    where = f"{manifest}#{n}"
    if name is None and url is None:
        return Skipped(where, Errors.E010.format(manifest=manifest, row=n))
    if name is None:
        return ManifestRow(row=n, name=None, file=None, record=None, url=url, hints=hints)
    file, record = _resolve(manifest.parent, name)
    if not file.is_file():
        return Skipped(where, Errors.E007.format(manifest=manifest, row=n, name=name))
    return ManifestRow(row=n, name=name, file=file, record=record, url=url, hints=hints)


def _resolve(folder: Path, name: str) -> tuple[Path, int | None]:
    """The file a manifest path names; "feed.jsonl#3" names record 3 of feed.jsonl."""
    file = folder / name
    base, sep, number = name.rpartition("#")
    if not file.exists() and sep and number.isdigit() and (folder / base).is_file():
        return folder / base, int(number)
    return file, None


def url_only_problems(manifest: Manifest, matched_urls: set[str]) -> list[Skipped]:
    """A ``Skipped`` (E014) for each row that gives only a URL that no document read had."""
    out = []
    for row in manifest.rows:
        if row.file is None and row.url is not None and not any(same_url(row.url, u) for u in matched_urls):
            where = f"{manifest.path}#{row.row}"
            out.append(Skipped(where, E014.format(manifest=manifest.path, row=row.row, url=row.url)))
    return out
