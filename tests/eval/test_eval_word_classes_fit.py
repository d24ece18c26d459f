"""Building word classes from text, on a small corpus of our own words."""

from __future__ import annotations

import numpy as np

from storyline.eval import word_classes_fit as fit


def test_words_are_lower_cased_and_every_double_quote_is_one_mark() -> None:
    assert fit.words_of("“Go,” Roe said. ``Now'' she's") == [
        '"',
        "go",
        ",",
        '"',
        "roe",
        "said",
        ".",
        '"',
        "now",
        '"',
        "she's",
    ]


def test_words_used_alike_fall_in_one_class() -> None:
    texts = []
    for k in range(40):
        name = ["roe", "ann", "lee", "kim"][k % 4]
        texts.append(f'" we will win , " {name} said . " no , " {name} claimed .'.split())
        texts.append(f"the {['bridge', 'road', 'dam', 'tower'][k % 4]} fell into the river in the storm .".split())
    vocab, counts = fit.cooccurrences(texts)
    points = fit.vectors(fit.ppmi(counts), dims=4)
    found = dict(zip(vocab, fit.classes(points, sizes=(3,))[:, 0], strict=True))
    assert found["said"] == found["claimed"]
    assert found["bridge"] == found["road"] == found["dam"]
    assert found["said"] != found["bridge"]


def test_ppmi_keeps_only_positive_associations() -> None:
    from scipy import sparse

    counts = sparse.csr_matrix(np.array([[10.0, 0.0, 1.0], [0.0, 10.0, 1.0]]))
    assert (fit.ppmi(counts).data > 0).all()
