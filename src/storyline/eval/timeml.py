"""Read TimeML (.tml) files: the plain text of the TEXT element, its gold TIMEX3s with character
offsets into that text, and the document creation time (DCT)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from storyline.errors import Errors, InputError
from storyline.records import TimeType
from storyline.time import parse_dct

_TYPES: frozenset[str] = frozenset({"DATE", "TIME", "DURATION", "SET"})


@dataclass(frozen=True)
class GoldTimex:
    """A gold TIMEX3: ``text[start:end]`` of the document's plain text."""

    start: int
    end: int
    text: str
    type: TimeType
    value: str


@dataclass(frozen=True)
class TimeMLDocument:
    path: str
    text: str
    dct: date
    timexes: tuple[GoldTimex, ...]


def read_timeml(path: Path) -> TimeMLDocument:
    """The plain text (tags stripped, entities decoded), gold TIMEX3s and DCT of one .tml file."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as e:
        raise InputError(Errors.E061.format(path=path, detail=e)) from e
    text_el = root.find("TEXT")
    if text_el is None:
        raise InputError(Errors.E061.format(path=path, detail="no <TEXT> element"))
    dct = _creation_time(root)
    if dct is None:
        raise InputError(Errors.E062.format(path=path))
    text = _Text()
    timexes: list[GoldTimex] = []
    text.add(text_el.text)
    for child in text_el:
        _walk(child, text, timexes)
    plain = "".join(text.parts)
    timexes.sort(key=lambda t: (t.start, -t.end))
    return TimeMLDocument(path=str(path), text=plain, dct=dct, timexes=tuple(timexes))


def _creation_time(root: ET.Element) -> date | None:
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            return parse_dct((timex.get("value") or "")[:10])
    return None


class _Text:
    """The plain text being built, and its length so far."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, piece: str | None) -> None:
        if piece:
            self.parts.append(piece)
            self.length += len(piece)


def _walk(el: ET.Element, text: _Text, timexes: list[GoldTimex]) -> None:
    """Add the element's text in document order, recording the span of each TIMEX3."""
    start = text.length
    text.add(el.text)
    for child in el:
        _walk(child, text, timexes)
    kind = el.get("type", "")
    if el.tag == "TIMEX3" and text.length > start and kind in _TYPES:
        extent = "".join(el.itertext())
        timexes.append(GoldTimex(start, text.length, extent, kind, el.get("value", "")))  # type: ignore[arg-type]
    text.add(el.tail)


def find_timeml(folder: Path) -> list[Path]:
    """The .tml files under ``folder``, sorted; InputError (E060) when there are none."""
    files = sorted(folder.rglob("*.tml")) if folder.is_dir() else []
    if not files:
        raise InputError(Errors.E060.format(path=folder))
    return files
