"""Encode a processed ``Document`` as JSON and decode it back equal, for the store's document records.

story.json leaves out what only the pipeline needs (tokens, raw text, the text map, hints); a record
keeps each document exactly as the per-document stages left it, so that ``storyline add`` can build
on it. Dataclasses become objects keyed by field name, except tokens, the bulk of a record, which
become lists in field order. ``RECORD_VERSION`` changes whenever this encoding or a record's fields
change. A record of an older version in ``UPGRADED`` is decoded and brought up to date (version 2
lacks what ``doc.digest`` reads from the tokens, version 3 its ``Sentence.happenings``, version 4 their
``Happening.generic``, version 5 ``Sentence.actions``, version 6 ``Quantity.projected``, version 7
``Quantity.suspected``, so it is read from its stored tokens; version 8 ``Document.updated``, read
from its text; version 9 ``Happening.obj`` and a copula's participle as its happening, read from its
stored tokens), on every load until ``store.upgrade``
re-saves it; a record of any other version is not decoded.
"""

from __future__ import annotations

import dataclasses
import sys
import types
import typing
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from operator import attrgetter
from typing import Any, Literal, Union, get_args, get_origin

from storyline.doc.digest import digest
from storyline.doc.time_written import read_written, updated_date
from storyline.records import Document, Entity, Sentence, Token
from storyline.store.projection import project, projected_record

RECORD_VERSION = 10


def _from_version_2(doc: Document) -> Document:
    """A version-2 document as the ``digest`` stage, which version 3 added, would have left it; also
    a version-3 document, whose sentences lack the ``happenings`` that version 4 added to the digest,
    a version-4 one, whose happenings lack the ``generic`` mark that version 5 added, and a version-5
    one, whose sentences lack the ``actions`` that version 6 added, a version-6 one, whose quantities
    lack the ``projected`` mark that version 7 added, and a version-7 one, whose quantities lack the
    ``suspected`` mark that version 8 added (a suspected figure was read as projected or measured)."""
    return _from_version_8(replace(digest(doc), done=doc.done | {"digest"}))


def _from_version_8(doc: Document) -> Document:
    """A version-8 document with the ``updated`` day that version 9 added, read from its text (its
    sentences keep the dates they were given against the publication date)."""
    return replace(doc, updated=updated_date(read_written(doc.text, doc.published), doc.published))


def _from_version_9(doc: Document) -> Document:
    """A version-9 document with the happenings that version 10 reads (``Happening.obj``, a copula's
    participle), from its stored tokens."""
    return digest(doc)


# Older versions still read, each with the function that brings its decoded document up to date.
UPGRADED: dict[int, Callable[[Document], Document]] = {
    2: _from_version_2,
    3: _from_version_2,
    4: _from_version_2,
    5: _from_version_2,
    6: _from_version_2,
    7: _from_version_2,
    8: _from_version_8,
    9: _from_version_9,
}
READABLE_VERSIONS = (RECORD_VERSION, *UPGRADED)

_POSITIONAL: tuple[type, ...] = (Token,)
# Token strings and entity labels repeat across a story: each distinct one is kept once (sys.intern),
# which takes a third off a loaded token's memory (972 -> 667 bytes).
_INTERNED: dict[type, tuple[str, ...]] = {Token: ("text", "lemma", "pos", "tag", "dep"), Entity: ("label",)}
_INTERNED_TUPLES: dict[type, tuple[str, ...]] = {Sentence: ("lemmas",)}  # tuples of such strings


def encode_document(doc: Document) -> dict[str, Any]:
    """The document as a JSON-ready dict."""
    encoded: dict[str, Any] = _encode(doc)
    return encoded


def decode_document(data: dict[str, Any], version: int = RECORD_VERSION) -> Document:
    """The document that ``encode_document`` was given; a record of an older ``version`` (one of
    ``READABLE_VERSIONS``) brought up to date."""
    decoded: Document = _decoder(Document)(data)
    return decoded if version == RECORD_VERSION else UPGRADED[version](decoded)


def decode_projection(data: dict[str, Any], version: int = RECORD_VERSION) -> Document:
    """The projection (``store.projection``) of the document that ``encode_document`` was given,
    without decoding the fields it drops (an older record's tokens are decoded to upgrade it)."""
    if version != RECORD_VERSION:
        return project(decode_document(data, version))
    return decode_document(projected_record(data))


_PLAIN = frozenset({str, int, float, bool, type(None)})


@cache
def _fields(kind: Any) -> tuple[Callable[[Any], tuple[Any, ...]], tuple[str, ...]] | None:
    """A getter of a dataclass's field values, and their names; None for other types."""
    if not dataclasses.is_dataclass(kind):
        return None
    names = tuple(f.name for f in dataclasses.fields(kind))
    if len(names) == 1:  # attrgetter of one name gives the value, not a tuple
        return (lambda v: (getattr(v, names[0]),)), names
    return attrgetter(*names), names


def _encode(value: Any) -> Any:
    kind: Any = type(value)
    if kind in _PLAIN:
        return value
    found = _fields(kind)
    if found is not None:
        getter, names = found
        values = [v if type(v) in _PLAIN else _encode(v) for v in getter(value)]
        return values if kind in _POSITIONAL else dict(zip(names, values, strict=True))
    if isinstance(value, tuple | list):
        return [v if type(v) in _PLAIN else _encode(v) for v in value]
    if isinstance(value, frozenset | set):
        return sorted(value)
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _same(value: Any) -> Any:
    return value


def _interned(value: Any) -> Any:
    return value if value is None else sys.intern(value)


def _interned_tuple(value: Any) -> Any:
    return value if value is None else tuple([sys.intern(v) for v in value])


def _float(value: Any) -> Any:
    return value if value is None else float(value)


@cache
def _decoder(kind: Any) -> Callable[[Any], Any]:
    """A function that decodes a JSON value of type ``kind``; made once per type, as a record has
    hundreds of tokens and looking types up for each was most of the cost of loading a story."""
    origin = get_origin(kind)
    if kind is Any or origin is Literal or kind in (str, int, bool, type(None)):
        return _same
    if kind is float:
        return _float
    if origin in (Union, types.UnionType):
        options = [k for k in get_args(kind) if k is not type(None)]
        return _decoder(options[0]) if len(options) == 1 else _same  # each decoder passes None on
    if origin is tuple:
        return _tuple_decoder(get_args(kind))
    if origin is frozenset:
        item = _decoder(get_args(kind)[0])
        return lambda v: None if v is None else frozenset(item(x) for x in v)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _dataclass_decoder(kind)
    return _same


def _tuple_decoder(args: tuple[Any, ...]) -> Callable[[Any], Any]:
    if len(args) == 2 and args[1] is Ellipsis:
        item = _decoder(args[0])
        if item is _same:
            return lambda v: None if v is None else tuple(v)
        return lambda v: None if v is None else tuple([item(x) for x in v])
    items = [_decoder(a) for a in args]
    return lambda v: None if v is None else tuple(f(x) for f, x in zip(items, v, strict=True))


def _field_decoder(kind: type, name: str, hint: Any) -> Callable[[Any], Any]:
    if name in _INTERNED.get(kind, ()):
        return _interned
    return _interned_tuple if name in _INTERNED_TUPLES.get(kind, ()) else _decoder(hint)


def _dataclass_decoder(kind: type) -> Callable[[Any], Any]:
    hints = _hints(kind)
    names = [f.name for f in dataclasses.fields(kind)]
    decoders = {name: _field_decoder(kind, name, hints[name]) for name in names}
    ordered = [decoders[name] for name in names]
    plain = all(d is _same for d in ordered)

    def decode(value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, list):  # positional (tokens)
            if plain:
                return kind(*value)
            return kind(*[f(v) for f, v in zip(ordered, value, strict=True)])
        return kind(**{name: decoders[name](v) for name, v in value.items()})

    return decode
