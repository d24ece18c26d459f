"""The store keeps sentence vectors, so a second run reads back what the first encoded, exactly."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from storyline.config import Config
from storyline.corpus.embeddings import HashingEncoder
from storyline.store.store import open_store
from storyline.store.vectors import StoredEncoder, VectorStoreError, stored_encoder, text_key


class CountingEncoder(HashingEncoder):
    """A named hashing encoder that records the texts it was asked to encode."""

    def __init__(self, name: str = "counting", dim: int = 64) -> None:
        super().__init__(dim=dim)
        self.name = name
        self.seen: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.seen.extend(texts)
        return super().encode(texts)


TEXTS = [
    "The ferry left the harbour at dawn.",
    "Two bridges were closed for repairs.",
    "The ferry left the harbour at dawn.",
]


def test_a_second_run_reads_the_vectors_back_and_encodes_nothing(store_url: str) -> None:
    first, second = CountingEncoder(), CountingEncoder()
    with open_store(store_url) as store:
        written = StoredEncoder(first, store, first.name).encode(TEXTS)
    with open_store(store_url) as store:
        again = StoredEncoder(second, store, second.name)
        read = again.encode(TEXTS)
    assert first.seen == TEXTS[:2]  # each distinct text once
    assert second.seen == []
    assert again.loaded == 2 and again.encoded == 0
    assert read.dtype == np.float32
    assert np.array_equal(read, written)
    assert np.array_equal(read, HashingEncoder(dim=64).encode(TEXTS))


def test_only_texts_the_store_lacks_are_encoded(store_url: str) -> None:
    with open_store(store_url) as store:
        StoredEncoder(CountingEncoder(), store, "counting").encode(TEXTS[:1])
        inner = CountingEncoder()
        StoredEncoder(inner, store, "counting").encode(TEXTS)
    assert inner.seen == [TEXTS[1]]


def test_vectors_of_another_encoder_name_are_not_used(store_url: str) -> None:
    with open_store(store_url) as store:
        StoredEncoder(CountingEncoder(), store, "counting").encode(TEXTS)
        other = CountingEncoder(name="other")
        StoredEncoder(other, store, other.name).encode(TEXTS)
    assert other.seen == TEXTS[:2]


def test_a_stored_vector_of_the_wrong_size_names_the_encoder_and_the_fix(store_url: str) -> None:
    with open_store(store_url) as store:
        StoredEncoder(CountingEncoder(dim=64), store, "counting").encode(TEXTS[:1])
        changed = StoredEncoder(CountingEncoder(dim=32), store, "counting")
        changed.encode(TEXTS[1:2])
        with pytest.raises(VectorStoreError, match=r"E221: .*'counting' vector of 64 numbers where 32 were expected"):
            changed.encode(TEXTS[:1])


def test_empty_input_gives_an_empty_matrix(store_url: str) -> None:
    with open_store(store_url) as store:
        assert StoredEncoder(CountingEncoder(), store, "counting").encode([]).shape == (0, 64)


def test_an_encoder_without_a_name_is_used_as_it_is() -> None:
    with open_store("sqlite://") as store:
        plain = HashingEncoder()
        assert stored_encoder(Config(), store, plain) is plain
        named = CountingEncoder()
        wrapped = stored_encoder(Config(), store, named)
        assert isinstance(wrapped, StoredEncoder) and wrapped.model == "counting"


def test_text_key_is_a_stable_hash_of_the_text() -> None:
    assert text_key("Two bridges were closed.") == text_key("Two bridges were closed.")
    assert text_key("Two bridges were closed.") != text_key("Two bridges were closed!")
    assert len(text_key("")) == 40
