"""Encode a processed ``Document`` as JSON and decode it back equal, for the store's document records.

story.json leaves out what only the pipeline needs (tokens, raw text, the text map, hints), but the
corpus stages read tokens, so ``storyline add`` keeps each document exactly as the per-document
stages left it. Dataclasses become objects keyed by field name, except tokens, the bulk of a record,
which become lists in field order. ``RECORD_VERSION`` changes whenever this encoding or a record's
fields change; a record of another version is not decoded.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any, Literal, Union, get_args, get_origin

from storyline.records import Document, Token

RECORD_VERSION = 2

_POSITIONAL: tuple[type, ...] = (Token,)


def encode_document(doc: Document) -> dict[str, Any]:
    """The document as a JSON-ready dict."""
    encoded: dict[str, Any] = _encode(doc)
    return encoded


def decode_document(data: dict[str, Any]) -> Document:
    """The document that ``encode_document`` was given."""
    decoded: Document = _decode(Document, data)
    return decoded


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        values = [(f.name, _encode(getattr(value, f.name))) for f in dataclasses.fields(value)]
        return [v for _, v in values] if isinstance(value, _POSITIONAL) else dict(values)
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    if isinstance(value, frozenset | set):
        return sorted(value)
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _decode(kind: Any, value: Any) -> Any:
    origin = get_origin(kind)
    if value is None or kind is Any or origin is Literal:
        return value
    if origin in (Union, types.UnionType):
        options = [k for k in get_args(kind) if k is not type(None)]
        return _decode(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        args = get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v) for v in value)
        return tuple(_decode(k, v) for k, v in zip(args, value, strict=True))
    if origin is frozenset:
        return frozenset(_decode(get_args(kind)[0], v) for v in value)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        names = [f.name for f in dataclasses.fields(kind)]
        items = zip(names, value, strict=True) if isinstance(value, list) else value.items()
        return kind(**{name: _decode(hints[name], v) for name, v in items})
    if kind is float:
        return float(value)
    return value
