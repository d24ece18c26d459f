from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from storyline.config import Config
from storyline.corpus import embeddings
from storyline.corpus.embeddings import HashingEncoder, HeldVectors, MiniLMEncoder, get_encoder


def test_hashing_encoder_gives_unit_float32_rows() -> None:
    vectors = HashingEncoder().encode(["Rescue crews reached the village.", "Prices rose again in March."])
    assert vectors.dtype == np.float32
    assert vectors.shape == (2, 1024)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0)


def test_hashing_encoder_is_deterministic_across_instances() -> None:
    text = ["The bridge over the river was closed on Monday."]
    assert np.array_equal(HashingEncoder().encode(text), HashingEncoder().encode(text))


def test_hashing_encoder_puts_shared_words_closer_than_unrelated_text() -> None:
    a, b, c = HashingEncoder().encode(
        [
            "The bridge over the river was closed on Monday.",
            "On Monday the river bridge was closed.",
            "Wheat exports fell by a third this year.",
        ]
    )
    assert a @ b > a @ c + 0.3


def test_hashing_encoder_leaves_text_without_words_as_zero_row() -> None:
    vectors = HashingEncoder().encode(["...", "Words here."])
    assert not vectors[0].any()
    assert np.isclose(np.linalg.norm(vectors[1]), 1.0)


class _CountingModel:
    def __init__(self) -> None:
        self.seen: list[str] = []

    def encode(self, texts: Sequence[str], **_: object) -> np.ndarray:
        self.seen.extend(texts)
        return np.ones((len(texts), 384), dtype=np.float32) / np.sqrt(384)


def test_minilm_encoder_encodes_each_distinct_text_once(monkeypatch: pytest.MonkeyPatch) -> None:
    model = _CountingModel()
    monkeypatch.setattr(embeddings, "_minilm_model", lambda: model)
    encoder = MiniLMEncoder()
    first = encoder.encode(["a b c", "d e f", "a b c"])
    second = encoder.encode(["d e f", "g h i"])
    assert model.seen == ["a b c", "d e f", "g h i"]
    assert first.shape == (3, 384) and second.shape == (2, 384)
    assert encoder.encode([]).shape == (0, 384)


def test_get_encoder_returns_one_shared_encoder_per_setting() -> None:
    config = Config.from_dict({"derivation": {"embedding_model": "hashing"}})
    assert isinstance(get_encoder(config), HashingEncoder)
    assert get_encoder(config) is get_encoder(config)
    assert isinstance(get_encoder(Config()), MiniLMEncoder)


@pytest.mark.model
def test_minilm_ranks_a_paraphrase_above_an_unrelated_sentence() -> None:
    encoder = get_encoder(Config())
    source, paraphrase, unrelated = encoder.encode(
        [
            "Officials said about 400 homes were evacuated before midnight.",
            "Roughly four hundred households had been moved out by midnight, according to officials.",
            "The museum will reopen its sculpture garden in the spring.",
        ]
    )
    assert np.isclose(np.linalg.norm(source), 1.0, atol=1e-4)
    assert source @ paraphrase > 0.6
    assert source @ paraphrase > source @ unrelated + 0.3


def test_minilm_memo_keeps_only_the_most_recently_used_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    model = _CountingModel()
    monkeypatch.setattr(embeddings, "_minilm_model", lambda: model)
    encoder = MiniLMEncoder(memo_size=2)
    encoder.encode(["a", "b"])
    encoder.encode(["a"])  # "a" is now the most recent
    encoder.encode(["c"])  # "b" is dropped
    assert len(encoder._memo) == 2
    encoder.encode(["a", "c"])
    assert model.seen == ["a", "b", "c"]
    encoder.encode(["b"])
    assert model.seen == ["a", "b", "c", "b"]
    assert len(encoder._memo) == 2


def test_held_vectors_encode_a_held_text_once_and_drop_it_when_released() -> None:
    model = _CountingModel()
    held = HeldVectors(model)
    held.encode(["a", "b"])
    held.encode(["b", "c"])  # "b" is held twice now, and not encoded again
    assert model.seen == ["a", "b", "c"]
    held.release(["a", "b"])
    assert len(held) == 2  # "b" is still held by the second call
    held.release(["b", "c"])
    assert len(held) == 0
    held.encode(["a"])
    assert model.seen == ["a", "b", "c", "a"]


def test_held_vectors_bypass_the_minilm_memo(monkeypatch: pytest.MonkeyPatch) -> None:
    model = _CountingModel()
    monkeypatch.setattr(embeddings, "_minilm_model", lambda: model)
    encoder = MiniLMEncoder()
    rows = HeldVectors(encoder).encode(["a", "b", "a"])
    assert rows.shape == (3, 384) and model.seen == ["a", "b"]
    assert len(encoder._memo) == 0


def test_held_vectors_are_views_of_the_rows_given_out_not_copies() -> None:
    held = HeldVectors(HashingEncoder(dim=16))
    rows = held.encode(["a b", "c d", "a b"])
    again = held.encode(["c d"])
    assert np.shares_memory(held._vectors["a b"], rows) and np.shares_memory(held._vectors["c d"], rows)
    assert np.array_equal(again[0], rows[1])
    assert np.array_equal(rows, HashingEncoder(dim=16).encode(["a b", "c d", "a b"]))
