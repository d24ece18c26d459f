"""Open the source tagger's CRF model (a crfsuite ``crf1d`` file, trained with python-crfsuite) for
tagging with our own C extension, ``storyline.doc._crf``.

Why our own: python-crfsuite converts each of the ~32 feature names of every token to a C++ string
and looks it up in crfsuite's tree of attributes on every sentence, which costs about half of the
tagger layer. Here the file is read once: each attribute's name (as UTF-8 bytes and as text) maps to
its id in a dict, and its state weights, one per label, go in a dense table; the extension looks the
names up in that dict and does crfsuite's sums, Viterbi path and scaled forward-backward pass in the
same order, so labels and marginals are bit for bit crfsuite's. When the extension was not built
(no compiler at install), python-crfsuite tags instead, after one warning.

The file: a header of counts and offsets, the features (type, source, destination, weight), the
labels and the attributes as CQDB string tables (read through their id -> record array), and each
label's and attribute's feature list (not needed: a feature names its source).
"""

from __future__ import annotations

import importlib
import struct
import sys
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

_HEADER = struct.Struct("<4sI4sIIIIIIIII")  # magic, size, type, version, features, labels, attributes, 5 offsets
_CHUNK = struct.Struct("<4sII")  # a chunk's own header: id, size, count
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])  # packed, 20 bytes
_STATE, _TRANSITION = 0, 1
_warned = False


class ModelError(ValueError):
    """A file that is not a crfsuite CRF1d model, or a damaged one."""


def _strings(data: bytes, at: int) -> dict[bytes, int]:
    """A CQDB table's strings and their ids, read through its backward array (id -> record)."""
    chunk, _, _, _, count, backward = struct.unpack_from("<4sIIIII", data, at)
    if chunk != b"CQDB":
        raise ModelError(f"no string table at offset {at}")
    out = {}
    for ident, record in enumerate(struct.unpack_from(f"<{count}I", data, at + backward)):
        if record:
            found, size = struct.unpack_from("<II", data, at + record)
            if found != ident:
                raise ModelError(f"string table at offset {at}: record {ident} holds id {found}")
            out[data[at + record + 8 : at + record + 7 + size]] = ident  # the size counts the closing NUL
    return out


def read_model(data: bytes) -> tuple[dict[str | bytes, int], tuple[str, ...], bytes, bytes]:
    """The model in ``data``: attribute ids by name (bytes and text), the labels by id, the state
    weights (attributes x labels doubles) and the transition weights (labels x labels doubles)."""
    if len(data) < _HEADER.size:
        raise ModelError("it is shorter than a crfsuite model's header")
    magic, size, kind, _, _, n_labels, n_attrs, features, labels, attrs, _, _ = _HEADER.unpack_from(data)
    if magic != b"lCRF" or kind != b"FOMC":
        raise ModelError("its first bytes are not a crfsuite CRF1d model's (lCRF ... FOMC)")
    if size != len(data):
        raise ModelError(f"it is {len(data)} bytes and its header says {size}: it was cut short or damaged")
    chunk, chunk_size, count = _CHUNK.unpack_from(data, features)  # the header's own count of features is 0
    if chunk != b"FEAT" or chunk_size != _CHUNK.size + count * _FEATURE.itemsize:
        raise ModelError(f"no feature table at offset {features}")
    table = np.frombuffer(data, dtype=_FEATURE, count=count, offset=features + _CHUNK.size)
    state, trans = table[table["type"] == _STATE], table[table["type"] == _TRANSITION]
    if len(state) + len(trans) != count:
        raise ModelError("a feature of a type other than state (0) or transition (1)")
    if state["src"].max(initial=0) >= max(n_attrs, 1) or table["dst"].max(initial=0) >= n_labels:
        raise ModelError("a feature refers to an attribute or label the model does not have")
    weights = np.zeros((n_attrs, n_labels), dtype=np.float64)
    weights[state["src"], state["dst"]] = state["weight"]
    if np.count_nonzero(weights) != np.count_nonzero(state["weight"]):
        raise ModelError("two state features of one attribute and label (crfsuite would add both)")
    transitions = np.zeros((n_labels, n_labels), dtype=np.float64)
    transitions[trans["src"], trans["dst"]] = trans["weight"]
    by_id = {i: name.decode() for name, i in _strings(data, labels).items()}
    if sorted(by_id) != list(range(n_labels)):
        raise ModelError("the label table does not hold every label id")
    ids: dict[str | bytes, int] = {}
    for name, a in _strings(data, attrs).items():
        ids[name] = ids[sys.intern(name.decode())] = a  # interned: a name written in code is that object
    return ids, tuple(by_id[i] for i in range(n_labels)), weights.tobytes(), transitions.tobytes()


def open_crf(path: Path) -> Any:
    """A tagger of the crfsuite model at ``path`` with python-crfsuite's calls (``set``, ``tag``,
    ``marginal``, ``labels``): our C extension's, or python-crfsuite's when the extension is missing.
    Raises OSError when the file cannot be read and ModelError when it is no crfsuite CRF1d model."""
    try:
        _crf = importlib.import_module("storyline.doc._crf")
    except ImportError as e:
        _warn_missing(e)
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        return tagger
    return _crf.Tagger(*_model(path))


@lru_cache(maxsize=4)
def _model(path: Path) -> tuple[dict[str | bytes, int], tuple[str, ...], bytes, bytes]:
    """The model at ``path``, read once per process: the taggers of all threads share its dict of names."""
    try:
        return read_model(path.read_bytes())
    except (struct.error, ValueError) as e:
        if isinstance(e, ModelError):
            raise
        raise ModelError(f"a damaged crfsuite model ({e})") from e


def _warn_missing(error: ImportError) -> None:
    global _warned
    if not _warned:
        _warned = True
        warnings.warn(
            f"storyline's CRF extension (storyline.doc._crf) is not built ({error}); the source tagger uses"
            " python-crfsuite, about twice as slow. Reinstall with a C compiler: pip install -e .",
            RuntimeWarning,
            stacklevel=3,
        )
