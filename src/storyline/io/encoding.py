"""Turn the bytes of an input file into text: UTF-8 (with or without BOM), else cp1252 or latin-1.

Binary and empty files are refused with a catalogue error. The legacy encodings are told apart by
charset-normalizer, which judges which decoding reads as text.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import charset_normalizer

from storyline.errors import Errors, InputError

# Control characters that never appear in a text report (tab, newline, form feed, CR are allowed).
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D}
_MAX_CONTROL_RATIO = 0.05
_SNIFF_BYTES = 8192
_LEGACY = ["cp1252", "latin_1"]


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` looks binary (NUL bytes, many control characters), or None when it looks like text."""
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head:
        return "it contains NUL bytes"
    controls = sum(1 for b in head if b in _CONTROL)
    if head and controls / len(head) > _MAX_CONTROL_RATIO:
        return f"{controls} control characters in the first {len(head)} bytes"
    return None


def is_plain_utf8(path: Path, chunk: int = 1 << 20) -> bool:
    """Whether the file is non-empty UTF-8 text that ``decode`` would accept as it is, checked a
    chunk at a time so that a large file can then be read line by line instead of whole."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    seen_text = False
    with path.open("rb") as f:
        head = f.read(_SNIFF_BYTES)
        if binary_reason(head) is not None:
            return False
        data = head
        while data:
            try:
                text = decoder.decode(data)
            except UnicodeDecodeError:
                return False
            seen_text = seen_text or bool(text.strip())
            data = f.read(chunk)
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return seen_text


def decode(data: bytes, path: str) -> str:
    """Decode a file's bytes; raise ``InputError`` (E002, E003, E004) when it is not a text report."""
    if not data.strip():
        raise InputError(Errors.E002.format(path=path))
    reason = binary_reason(data)
    if reason is not None:
        raise InputError(Errors.E003.format(path=path, detail=reason))
    try:
        text = data.decode("utf-8-sig")  # strips a BOM when there is one
    except UnicodeDecodeError as e:
        text = _decode_legacy(data, path, e)
    if not text.strip():
        raise InputError(Errors.E002.format(path=path))
    return text


def _decode_legacy(data: bytes, path: str, utf8_error: UnicodeDecodeError) -> str:
    best = charset_normalizer.from_bytes(data, cp_isolation=_LEGACY).best()
    if best is None:
        detail = f"not UTF-8 at byte {utf8_error.start}, and no legacy encoding reads as text"
        raise InputError(Errors.E004.format(path=path, detail=detail))
    return str(best)
