"""Keep sentence vectors in the store, so that adding reports to a story embeds only their sentences.

``StoredEncoder`` wraps an encoder: a text whose vector the store has (same encoder name, same
text) is read back, exactly the float32 row that was encoded; the rest go to the wrapped encoder
and are written to the store, one transaction per call. So a story built once costs MiniLM only
for the sentences of the reports added later, and the story is the same as a full rebuild.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import numpy as np
from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from storyline.config import Config
from storyline.corpus.embeddings import Encoder, get_encoder
from storyline.errors import Errors, StorylineError
from storyline.store import tables
from storyline.store.store import Store, error_detail, open_store

# Texts per IN (...) clause, within SQLite's limit on bound parameters.
_CHUNK = 500


class VectorStoreError(StorylineError):
    """Sentence vectors could not be written to the store, or a stored one has the wrong size."""


def text_key(text: str) -> str:
    """The row key of a sentence: a SHA-1 of its text (40 hex digits)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class StoredEncoder:
    """An ``Encoder`` that reads vectors from the store first and stores those it had to encode.

    Holds the vectors of the texts it has seen for as long as it lives: make one per build or add.
    """

    def __init__(self, inner: Encoder, store: Store, model: str) -> None:
        self.inner = inner
        self.store = store
        self.model = model
        self.encoded = 0  # texts the wrapped encoder had to encode
        self.loaded = 0  # texts read back from the store
        self._known: dict[str, np.ndarray] = {}
        self._dim: int | None = None  # the wrapped encoder's row length, read on first need

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        wanted = [t for t in dict.fromkeys(texts) if t not in self._known]
        found = self._load(wanted)
        self._known.update(found)
        missing = [t for t in wanted if t not in found]
        if missing:
            vectors = np.asarray(self.inner.encode(missing), dtype=np.float32)
            fresh = dict(zip(missing, vectors, strict=True))
            self._save(fresh)
            self._known.update(fresh)
        self.loaded += len(found)
        self.encoded += len(missing)
        if not texts:
            return np.asarray(self.inner.encode([]), dtype=np.float32)
        return np.stack([self._known[t] for t in texts]).astype(np.float32, copy=False)

    def _load(self, texts: list[str]) -> dict[str, np.ndarray]:
        t = tables.sentence_vectors
        by_key = {text_key(text): text for text in texts}
        found: dict[str, np.ndarray] = {}
        keys = list(by_key)
        with self.store.engine.connect() as conn:
            for start in range(0, len(keys), _CHUNK):
                chunk = keys[start : start + _CHUNK]
                query = select(t.c.key, t.c.vector).where(t.c.model == self.model, t.c.key.in_(chunk))
                for row in conn.execute(query):
                    found[by_key[row.key]] = np.frombuffer(row.vector, dtype=np.float32)
        self._check_size(found)
        return found

    def _check_size(self, found: dict[str, np.ndarray]) -> None:
        """Raise E221 when a stored vector is not as long as the wrapped encoder's rows."""
        if not found:
            return
        if self._dim is None:
            self._dim = int(np.asarray(self.inner.encode([])).shape[1])
        wrong = next((len(v) for v in found.values() if len(v) != self._dim), None)
        if wrong is not None:
            raise VectorStoreError(
                Errors.E221.format(url=self.store.url, model=self.model, got=wrong, expected=self._dim)
            )

    def _save(self, vectors: dict[str, np.ndarray]) -> None:
        rows = [{"model": self.model, "key": text_key(t), "vector": v.tobytes()} for t, v in vectors.items()]
        try:
            with self.store.engine.begin() as conn:
                dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
                insert = dialect.insert(tables.sentence_vectors).on_conflict_do_nothing()
                for start in range(0, len(rows), _CHUNK):
                    conn.execute(insert, rows[start : start + _CHUNK])
        except SQLAlchemyError as e:
            raise VectorStoreError(Errors.E220.format(url=self.store.url, detail=error_detail(e))) from e


def stored_encoder(config: Config, store: Store, encoder: Encoder | None = None) -> Encoder:
    """The configured encoder (or ``encoder``) behind the store's vectors, when it has a ``name`` to
    key them by (MiniLM); others, like the hashing stand-in that costs less to run than to look up,
    are returned as they are."""
    inner = encoder or get_encoder(config)
    name = getattr(inner, "name", None)
    return StoredEncoder(inner, store, name) if isinstance(name, str) else inner


@contextmanager
def encoder_over(config: Config, db_url: str) -> Iterator[Encoder]:
    """``stored_encoder`` over the store at ``db_url`` (created when missing), open while the block runs."""
    with open_store(db_url) as store:
        yield stored_encoder(config, store)
