"""Word classes learned from unlabelled news: each frequent word's class at a few granularities, so that a
rare cue word ("barked", "quipped", "griped") can share the weight a model learned for the common words
used like it ("said", "told").

Why our own classes: the only word vectors installed offline are en_core_web_sm's (none: its tok2vec is
contextual and small) and the MiniLM input word-piece table that ``attribution_meaning`` reads, which is
context-free and cut into sub-words ("qui", "##pped"). These classes come from how words are used in news
text: positive PMI over neighbours, a truncated SVD and k-means (``storyline.eval.word_classes_fit``,
which writes ``word_classes.tsv``: words and class numbers, no sentence). The table is read once per
process.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from storyline.errors import Errors, StageError

TABLE_FILE = Path(__file__).resolve().parent / "word_classes.tsv"
SIZES = (32, 128, 512)  # k-means classes at each granularity, coarse to fine
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})

WordClasses = dict[str, tuple[str, ...]]


@lru_cache(maxsize=1)
def table() -> WordClasses:
    """The table: a lower-cased word -> its class names, one per size ("32:7", "128:90", "512:301")."""
    try:
        lines = TABLE_FILE.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise StageError(Errors.E240.format(path=TABLE_FILE, detail=e)) from e
    out: WordClasses = {}
    for line in lines:
        word, *found = line.split("\t")
        out[word] = tuple(f"{size}:{c}" for size, c in zip(SIZES, found, strict=True))
    return out


def classes_of(word: str) -> tuple[str, ...]:
    """The classes of ``word`` (any case; curly quotes as straight ones), or none for a word not in the table."""
    return table().get(word.lower().translate(_QUOTES), ())
