from __future__ import annotations

import os
import sys
import warnings
from pathlib import Path
from typing import Any

import pycrfsuite
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.doc import attribution_crf
from storyline.doc.attribution_crf import ModelError, open_crf, read_model
from storyline.doc.attribution_tagger import TAGGER_MODEL, load_tagger
from storyline.doc.attribution_tokens import flat_names, span_tags, token_features
from storyline.records import Sentence, Token

try:
    from storyline.doc import _crf  # type: ignore[attr-defined]
except ImportError:
    _crf = None

# The extension is compiled by ``pip install -e .`` (setup.py); CI (.ci/run) sets STORYLINE_REQUIRE_CEXT=1,
# so that a missing build fails there instead of skipping.
if _crf is None and os.environ.get("STORYLINE_REQUIRE_CEXT") == "1":
    pytest.fail("storyline.doc._crf is not built (STORYLINE_REQUIRE_CEXT=1): run pip install -e .", pytrace=False)
needs_extension = pytest.mark.skipif(
    _crf is None, reason="storyline.doc._crf is not built: run pip install -e . (with a C compiler) to test it"
)

# Our own sentences, parsed by hand: (text, lemma, pos, tag, dep, head).
SENTENCES = [
    [
        ("The", "the", "DET", "DT", "det", 2),
        ("harbor", "harbor", "NOUN", "NN", "compound", 2),
        ("master", "master", "NOUN", "NN", "nsubj", 3),
        ("said", "say", "VERB", "VBD", "ROOT", 3),
        ("the", "the", "DET", "DT", "det", 5),
        ("ferry", "ferry", "NOUN", "NN", "nsubj", 7),
        ("would", "would", "AUX", "MD", "aux", 7),
        ("sail", "sail", "VERB", "VB", "ccomp", 3),
        ("at", "at", "ADP", "IN", "prep", 7),
        ("noon", "noon", "NOUN", "NN", "pobj", 8),
        (".", ".", "PUNCT", ".", "punct", 3),
    ],
    [
        ("“", "“", "PUNCT", "``", "punct", 4),
        ("We", "we", "PRON", "PRP", "nsubj", 2),
        ("are", "be", "AUX", "VBP", "ccomp", 4),
        ("ready", "ready", "ADJ", "JJ", "acomp", 2),
        (",", ",", "PUNCT", ",", "punct", 4),
        ("”", "”", "PUNCT", "''", "punct", 5),
        ("Mayor", "Mayor", "PROPN", "NNP", "compound", 7),
        ("Ortiz", "Ortiz", "PROPN", "NNP", "nsubj", 8),
        ("told", "tell", "VERB", "VBD", "ROOT", 8),
        ("reporters", "reporter", "NOUN", "NNS", "dobj", 8),
        (".", ".", "PUNCT", ".", "punct", 8),
    ],
    [("Rain", "rain", "NOUN", "NN", "ROOT", 0)],
]


def _sentence(words: list[tuple[str, str, str, str, str, int]]) -> Sentence:
    text = " ".join(w[0] for w in words)
    tokens, at = [], 0
    for word, lemma, pos, tag, dep, head in words:
        start = text.index(word, at)
        tokens.append(Token(start, start + len(word), word, lemma, pos, tag, dep, head))
        at = start + len(word)
    return Sentence(0, 0, len(text), text, 0, tokens=tuple(tokens))


def _features(words: list[tuple[str, str, str, str, str, int]], encoded: bool) -> list[list[Any]]:
    sentence = _sentence(words)
    bounds = [(t.start, t.end) for t in sentence.tokens]
    said = [k for k, w in enumerate(words) if w[1] in ("say", "tell")]
    cue = [(bounds[k][0], bounds[k][1]) for k in said]
    source = [(bounds[k - 1][0], bounds[k - 1][1]) for k in said if k > 0]
    found = {"source": span_tags(bounds, source), "cue": span_tags(bounds, cue), "content": span_tags(bounds, [])}
    return token_features(sentence, [], found, encoded=encoded)  # type: ignore[call-overload,no-any-return]


def _reference() -> Any:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(TAGGER_MODEL))
    return tagger


def _same_as_crfsuite(ours: Any, ref: Any, items: list[list[Any]]) -> None:
    ours.set(items)
    ref.set(flat_names(items))  # python-crfsuite reads plain lists; ours reads the groups as they come
    assert ours.tag() == ref.tag()
    for k in range(len(items)):
        for label in ref.labels():
            assert ours.marginal(label, k) == ref.marginal(label, k)  # bit for bit, not approximately


@needs_extension
@pytest.mark.parametrize("encoded", [False, True])
@pytest.mark.parametrize("words", SENTENCES, ids=["reported", "quoted", "one-word"])
def test_the_extension_gives_crfsuites_labels_and_marginals_bit_for_bit(words: Any, encoded: bool) -> None:
    ours = open_crf(TAGGER_MODEL)
    assert isinstance(ours, _crf.Tagger)
    assert ours.labels() == _reference().labels()
    _same_as_crfsuite(ours, _reference(), _features(words, encoded))


_NAMES = sorted(k for k in read_model(TAGGER_MODEL.read_bytes())[0] if isinstance(k, str))


@needs_extension
@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.lists(st.one_of(st.sampled_from(_NAMES), st.sampled_from(_NAMES).map(str.encode), st.text(max_size=6))),
        max_size=30,
    )
)
def test_any_names_known_or_not_give_crfsuites_labels_and_marginals(items: list[list[Any]]) -> None:
    _same_as_crfsuite(open_crf(TAGGER_MODEL), _reference(), items)


@needs_extension
@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_NAMES), max_size=12), min_size=1, max_size=8), st.randoms())
def test_names_given_in_groups_score_as_the_same_names_given_one_by_one(items: list[list[str]], rng: Any) -> None:
    grouped: list[list[Any]] = []
    for token in items:
        cuts = sorted(rng.sample(range(len(token) + 1), min(3, len(token) + 1)))
        parts = [token[a:b] for a, b in zip([0, *cuts], [*cuts, len(token)], strict=True)]
        grouped.append([tuple(p) if len(p) != 1 else p[0] for p in parts])  # empty groups too
    assert flat_names(grouped) == items
    _same_as_crfsuite(open_crf(TAGGER_MODEL), _reference(), grouped)


@needs_extension
def test_a_marginal_asked_before_the_labels_is_the_same_after_them() -> None:
    ours = open_crf(TAGGER_MODEL)
    ours.set(_features(SENTENCES[1], True))
    before = [ours.marginal("B-S", k) for k in range(len(SENTENCES[1]))]
    ours.tag()
    assert [ours.marginal("B-S", k) for k in range(len(SENTENCES[1]))] == before


@needs_extension
def test_a_label_or_position_the_sentence_lacks_is_an_error() -> None:
    ours = open_crf(TAGGER_MODEL)
    ours.set([["l=rain"]])
    with pytest.raises(ValueError, match="no label 'X'"):
        ours.marginal("X", 0)
    with pytest.raises(IndexError, match="position 1"):
        ours.marginal("O", 1)


def test_a_file_that_is_no_crfsuite_model_says_so(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="header"):
        read_model(b"lCRF")
    damaged = bytearray(TAGGER_MODEL.read_bytes()[:4096])
    with pytest.raises(ModelError, match="cut short"):
        read_model(bytes(damaged))
    damaged[8:12] = b"XXXX"
    with pytest.raises(ModelError, match="not a crfsuite CRF1d model"):
        read_model(bytes(damaged))


def test_without_the_extension_crfsuite_tags_after_one_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "storyline.doc._crf", None)  # the import fails, as when it was not built
    monkeypatch.setattr(attribution_crf, "_warned", False)
    with pytest.warns(RuntimeWarning, match="pip install -e"):
        first = open_crf(TAGGER_MODEL)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        open_crf(TAGGER_MODEL)  # no second warning
    assert isinstance(first, pycrfsuite.Tagger)
    first.set(flat_names(_features(SENTENCES[0], True)))
    assert len(first.tag()) == len(SENTENCES[0])


@needs_extension
def test_once_the_tagger_is_loaded_encoded_names_are_the_models_own_objects() -> None:
    tagger = load_tagger()
    names = [n for token in flat_names(_features(SENTENCES[0], True)) for n in token if isinstance(n, bytes)]
    known = {k: k for k in tagger.attributes if isinstance(k, bytes)}
    shared = [n for n in names if n in known]
    assert len(shared) > len(names) // 2
    assert all(known[n] is n for n in shared)  # found by identity, no bytes compared
