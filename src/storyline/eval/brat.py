"""Read brat standoff annotation files (.ann): text-bound spans (T lines) and events (E lines).

A T line is ``T1<TAB>Type start end[;start end...]<TAB>text``; a span that brat split (at a line
break, or around words left out) has several ``start end`` fragments. An E line is
``E1<TAB>Type:T4 Role:T1 Role2:T3``. Other annotation lines (notes, attributes, relations) are kept
out, and so are the continuation lines of a T line whose text ran over a line break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from storyline.errors import Errors, InputError

Fragment = tuple[int, int]
Fragments = tuple[Fragment, ...]


_ANNOTATION = re.compile(r"^(?:[TERAMN]\d+|#\d+|\*)\t")
_TEXT_BOUND = re.compile(r"^(?P<id>T\d+)\t(?P<type>\S+) (?P<offsets>\d+ \d+(?:;\d+ \d+)*)(?:\t(?P<text>.*))?$")
_EVENT = re.compile(r"^(?P<id>E\d+)\t(?P<type>[^:\s]+):(?P<trigger>T\d+)(?P<args>(?: [^:\s]+:[TE]\d+)*)\s*$")


@dataclass(frozen=True)
class TextBound:
    id: str
    type: str
    fragments: Fragments
    text: str


@dataclass(frozen=True)
class Event:
    id: str
    type: str
    trigger: str
    args: tuple[tuple[str, str], ...]  # (role, annotation id), e.g. ("Source", "T1")


@dataclass(frozen=True)
class BratDocument:
    path: str
    spans: dict[str, TextBound]
    events: tuple[Event, ...]


def _text_bound(m: re.Match[str], path: str, number: int) -> TextBound:
    fragments = tuple((int(a), int(b)) for a, b in (f.split() for f in m.group("offsets").split(";")))
    if any(a > b for a, b in fragments):
        raise InputError(Errors.E071.format(path=path, line=number, detail="a fragment ends before it starts"))
    return TextBound(m.group("id"), m.group("type"), fragments, m.group("text") or "")


def _event(m: re.Match[str]) -> Event:
    args = tuple((role, ref) for role, ref in (a.split(":") for a in m.group("args").split()))
    return Event(m.group("id"), m.group("type"), m.group("trigger"), args)


def parse_ann(content: str, path: str = "<string>") -> BratDocument:
    """The T and E annotations of one .ann file's content; ``path`` names it in errors."""
    spans: dict[str, TextBound] = {}
    events: list[tuple[int, Event]] = []
    for number, line in enumerate(content.splitlines(), start=1):
        if not _ANNOTATION.match(line) or line[0] not in "TE":
            continue  # another kind of annotation, or the text of a T line running on
        if line[0] == "T":
            t = _TEXT_BOUND.match(line)
            if t is None:
                raise InputError(Errors.E071.format(path=path, line=number, detail="expected 'Type start end'"))
            spans[t.group("id")] = _text_bound(t, path, number)
        else:
            e = _EVENT.match(line)
            if e is None:
                raise InputError(Errors.E071.format(path=path, line=number, detail="expected 'Type:T1 Role:T2 ...'"))
            events.append((number, _event(e)))
    for number, event in events:
        refs = [event.trigger, *(ref for _, ref in event.args)]
        missing = [ref for ref in refs if ref.startswith("T") and ref not in spans]
        if missing:
            detail = f"{missing[0]} is not defined by any T line"
            raise InputError(Errors.E071.format(path=path, line=number, detail=detail))
    return BratDocument(path, spans, tuple(event for _, event in events))


def read_ann(path: Path) -> BratDocument:
    """Parse one .ann file (UTF-8)."""
    return parse_ann(path.read_text(encoding="utf-8"), str(path))
