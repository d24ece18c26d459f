"""Read article records from .json (one object or a list of objects) and .jsonl (one object a line).

Each record becomes a ``Record`` (its text and its metadata hints); a malformed line or a record
without text becomes a ``Skipped`` and the other records go on.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from storyline.errors import Errors
from storyline.records import Hint, Skipped

E016 = "E016: {path} record {line} is a JSON {kind}, not an object. Give each record as an object with a 'text' field."

# Record key -> hint field. "date" and "time" (Timeline17) are accepted as synonyms of "published".
HINT_KEYS: dict[str, Any] = {
    "title": "title",
    "url": "url",
    "source": "source",
    "byline": "byline",
    "author": "byline",
    "published": "published",
    "date": "published",
    "time": "published",
}


@dataclass(frozen=True)
class Record:
    """One article from a JSON file: ``path`` is ``"{file}#{n}"`` with n counted from 1."""

    path: str
    text: str
    hints: tuple[Hint, ...]


def iter_records(content: str, path: str, jsonl: bool) -> Iterator[Record | Skipped]:
    """Yield the records of a .json or .jsonl file's text, or a ``Skipped`` for each bad one."""
    if jsonl:
        yield from _iter_jsonl(content, path)
        return
    try:
        data = json.loads(content)
    except json.JSONDecodeError as e:
        yield Skipped(path, Errors.E005.format(path=path, line=e.lineno, detail=e.msg))
        return
    items = data if isinstance(data, list) else [data]
    for n, item in enumerate(items, start=1):
        yield record_from_object(item, path, n)


def _iter_jsonl(content: str, path: str) -> Iterator[Record | Skipped]:
    # Lines end at \n, \r or \r\n only, as when the file is read line by line (``io.read``):
    # str.splitlines would also split at U+2028 and U+0085, which JSON allows inside a string.
    yield from iter_jsonl_lines(io.StringIO(content, newline=None), path)


def iter_jsonl_lines(lines: Iterable[str], path: str) -> Iterator[Record | Skipped]:
    """Yield the records of a .jsonl file's lines (a list, or an open file read lazily)."""
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as e:
            yield Skipped(f"{path}#{n}", Errors.E005.format(path=path, line=n, detail=e.msg))
            continue
        yield record_from_object(item, path, n)


def record_from_object(item: object, path: str, n: int) -> Record | Skipped:
    """A record from one decoded JSON value; ``n`` is its line (.jsonl) or position (.json)."""
    where = f"{path}#{n}"
    if not isinstance(item, dict):
        return Skipped(where, E016.format(path=path, line=n, kind=type(item).__name__))
    text = item.get("text") or item.get("body")
    if not isinstance(text, str) or not text.strip():
        return Skipped(where, Errors.E006.format(path=path, line=n))
    return Record(path=where, text=text, hints=record_hints(item))


def record_hints(item: dict[str, Any]) -> tuple[Hint, ...]:
    """Hints (origin "record") from a record's metadata keys; empty and null values are left out."""
    hints = []
    for key, field in HINT_KEYS.items():
        value = item.get(key)
        if value is None or isinstance(value, dict | list):
            continue
        value = str(value).strip()
        if value:
            hints.append(Hint(field=field, value=value, origin="record"))
    return tuple(hints)
