"""Build the word-class table of ``storyline.doc.word_classes`` from unlabelled news text and write it to
``src/storyline/doc/word_classes.tsv``.

``python -m storyline.eval.word_classes_fit ../shared/data/polnear/train ../shared/data/timeline17``
(PolNeAR's train texts only, never dev or test; Timeline17's ``*/articles.jsonl``).

1. Read every text and cut it into lower-cased words and punctuation (quotation marks made one).
2. Count each word's neighbours one and two places to its left and right (four context kinds), for the
   ``WORDS`` most frequent words seen ``MIN_COUNT`` times or more and the ``CONTEXTS`` most frequent
   neighbours.
3. Positive pointwise mutual information with the context counts smoothed (power 0.75), then a truncated
   SVD to ``DIMS`` dimensions, each weighted by the square root of its singular value, rows scaled to
   length one.
4. k-means at each size of ``SIZES``, a fixed seed: each word gets one class per size.

The table holds words and class numbers only, no sentence of any text.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import numpy as np
from scipy import sparse

from storyline.doc.word_classes import SIZES, TABLE_FILE

WORDS = 40_000  # words that get a class
# The neighbours counted: the most frequent words and marks, which tell how a word is used more than what
# it is about (a name or topic word next to a rare word makes its vector noise).
CONTEXTS = 300
# Occurrences a word needs to get a class: words seen fewer times land in classes of unrelated words
# (4.3 million words of text; "quipped", seen 3 times, sat among names).
MIN_COUNT = 8
OFFSETS = (-2, -1, 1, 2)
DIMS = 50
SMOOTHING = 0.75
SEED = 27

_TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z]+)*|[^\sa-z0-9]")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def words_of(text: str) -> list[str]:
    """The lower-cased words and punctuation marks of a text, every double quotation mark as ``"``."""
    text = text.replace("``", '"').replace("''", '"').lower().translate(_QUOTES)
    return _TOKEN.findall(text)


def texts_of(polnear: Path, timeline17: Path) -> Iterator[str]:
    """PolNeAR's ``text/*.txt`` of one split, then every Timeline17 article text."""
    for path in sorted((polnear / "text").glob("*.txt")):
        yield path.read_text(encoding="utf-8")
    for path in sorted(timeline17.glob("*/articles.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield json.loads(line)["text"]


def cooccurrences(texts: Iterable[list[str]]) -> tuple[list[str], sparse.csr_matrix]:
    """The words that get a class and their counts of each (offset, neighbour) context."""
    docs = list(texts)
    counts = Counter(w for d in docs for w in d)
    ranked = [w for w, n in counts.most_common() if n >= MIN_COUNT]
    vocab = ranked[:WORDS]
    row = {w: k for k, w in enumerate(vocab)}
    ctx = {w: k for k, w in enumerate(ranked[:CONTEXTS])}
    rows: list[int] = []
    cols: list[int] = []
    for d in docs:
        ids = [row.get(w, -1) for w in d]
        cids = [ctx.get(w, -1) for w in d]
        for k, offset in enumerate(OFFSETS):
            for i in range(max(0, -offset), min(len(d), len(d) - offset)):
                r, c = ids[i], cids[i + offset]
                if r >= 0 and c >= 0:
                    rows.append(r)
                    cols.append(k * CONTEXTS + c)
    data = np.ones(len(rows), dtype=np.float64)
    shape = (len(vocab), len(OFFSETS) * CONTEXTS)
    return vocab, sparse.csr_matrix((data, (rows, cols)), shape=shape)


def ppmi(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """Positive pointwise mutual information, the context probabilities smoothed by ``SMOOTHING``."""
    coo = matrix.tocoo()
    total = coo.data.sum()
    word = np.asarray(matrix.sum(axis=1)).ravel() / total
    context = np.asarray(matrix.sum(axis=0)).ravel() ** SMOOTHING
    context /= context.sum()
    pmi = np.log(coo.data / total / (word[coo.row] * context[coo.col]))
    keep = pmi > 0
    return sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=matrix.shape)


def vectors(matrix: sparse.csr_matrix, dims: int = DIMS) -> np.ndarray:
    """Each row reduced to ``dims`` dimensions by a truncated SVD (left vectors times the square root of
    the singular values) and scaled to length one."""
    from sklearn.decomposition import TruncatedSVD

    svd = TruncatedSVD(dims, random_state=SEED).fit(matrix)
    reduced = svd.transform(matrix) / np.sqrt(np.maximum(svd.singular_values_, 1e-12))
    norms = np.linalg.norm(reduced, axis=1, keepdims=True)
    return reduced / np.maximum(norms, 1e-12)


def classes(points: np.ndarray, sizes: Sequence[int] = SIZES) -> np.ndarray:
    """One k-means class per point and size (points x sizes)."""
    from sklearn.cluster import KMeans

    return np.stack([KMeans(k, n_init=1, random_state=SEED).fit_predict(points) for k in sizes], axis=1)


def table_lines(vocab: Sequence[str], found: np.ndarray) -> list[str]:
    """``word<TAB>class<TAB>class...`` lines, sorted by word."""
    return sorted("\t".join([w, *(str(int(c)) for c in found[k])]) for k, w in enumerate(vocab))


def main(argv: Sequence[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 2:
        raise SystemExit(
            "usage: python -m storyline.eval.word_classes_fit POLNEAR_TRAIN TIMELINE17 "
            "(e.g. ../shared/data/polnear/train ../shared/data/timeline17)"
        )
    polnear, timeline17 = Path(args[0]), Path(args[1])
    if polnear.name in ("dev", "test"):
        raise SystemExit(f"{polnear} is a held-out split: build the word classes from train only.")
    vocab, counts = cooccurrences(words_of(t) for t in texts_of(polnear, timeline17))
    found = classes(vectors(ppmi(counts)))
    TABLE_FILE.write_text("\n".join(table_lines(vocab, found)) + "\n", encoding="utf-8")
    print(f"{len(vocab)} words, {int(counts.sum())} context counts -> {TABLE_FILE}")


if __name__ == "__main__":
    main()
