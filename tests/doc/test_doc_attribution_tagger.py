from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from builders import DELAY, DELAY_WORDS, parsed_sentence
from storyline.config import Config
from storyline.doc import attribution
from storyline.doc.attribution_tagger import (
    TAGGER_MODEL,
    SpanIndex,
    _followed,
    best_score,
    checked_sources,
    hung_sources,
    load_tagger,
    source_probabilities,
    source_runs,
)
from storyline.errors import StageError
from storyline.records import Attribution, Document, Sentence, TextMap, Token

TEXT = "Brandt said the pier is closed."


class _Fixed:
    """A stand-in for a crfsuite tagger that gives every token the same source probability, and tags
    the first token a source when that probability is above one half."""

    def __init__(self, p: float) -> None:
        self.p, self.n = p, 0

    def set(self, xseq: list[list[str]]) -> None:
        self.n = len(xseq)

    def tag(self) -> list[str]:
        return ["B-S" if k == 0 and self.p > 0.5 else "O" for k in range(self.n)]

    def marginal(self, label: str, k: int) -> float:
        return self.p if label == "B-S" else 0.0


def _doc() -> Document:
    words = [
        ("Brandt", "Brandt", "PROPN", "NNP", "nsubj", 1),
        ("said", "say", "VERB", "VBD", "ROOT", 1),
        ("the", "the", "DET", "DT", "det", 3),
        ("pier", "pier", "NOUN", "NN", "nsubj", 4),
        ("is", "be", "AUX", "VBZ", "ccomp", 1),
        ("closed", "closed", "ADJ", "JJ", "acomp", 4),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    tokens, at = [], 0
    for text, lemma, pos, tag, dep, head in words:
        start = TEXT.index(text, at)
        tokens.append(Token(start, start + len(text), text, lemma, pos, tag, dep, head))
        at = start + len(text)
    said = Attribution(cue=(7, 11), content=(12, 30), source=(0, 6), speaker="Brandt")
    sentence = Sentence(0, 0, len(TEXT), TEXT, 0, tokens=tuple(tokens), attributions=(said,))
    return _with(sentence)


def _with(*sentences: Sentence) -> Document:
    return Document(
        id="d", path="p", raw_text=TEXT, text=TEXT, text_map=TextMap.identity(len(TEXT)), sentences=sentences
    )


def test_a_source_the_tagger_rejects_is_taken_off_its_attribution() -> None:
    a = checked_sources(_doc(), _Fixed(0.01)).sentences[0].attributions[0]
    assert a.source is None and a.speaker is None
    assert (a.cue, a.content) == ((7, 11), (12, 30))


def test_a_source_the_tagger_accepts_is_kept() -> None:
    doc = _doc()
    assert checked_sources(doc, _Fixed(0.6)) == doc


def _sourceless() -> Document:
    sentence = _doc().sentences[0]
    a = sentence.attributions[0]
    return _with(replace(sentence, attributions=(replace(a, source=None, speaker=None),)))


def test_a_sentence_without_a_source_gets_none_when_the_tagger_is_unsure() -> None:
    bare = _sourceless()
    assert checked_sources(bare, _Fixed(0.0)) == bare
    assert checked_sources(bare, _Fixed(0.7)) == bare  # tagged, but below ADD


def test_a_confident_tagged_source_is_hung_on_the_attribution_without_one() -> None:
    a = checked_sources(_sourceless(), _Fixed(0.95)).sentences[0].attributions[0]
    assert (a.source, a.speaker) == ((0, 6), "Brandt")
    assert (a.cue, a.content) == ((7, 11), (12, 30))


def test_a_tagged_source_goes_to_the_nearest_cue_without_a_source() -> None:
    sentence = _doc().sentences[0]
    far = Attribution(cue=(24, 30), content=(12, 23), source=None, speaker=None)
    near = Attribution(cue=(7, 11), content=(12, 30), source=None, speaker=None)
    taken = Attribution(cue=(0, 3), content=(4, 6), source=(4, 6), speaker="x")
    out = hung_sources(sentence, (taken, near, far), [((0, 6), 0.9), ((12, 15), 0.5)], add=0.85)
    assert out == (taken, replace(near, source=(0, 6), speaker="Brandt"), far)


def test_source_runs_read_beginning_and_inside_tags() -> None:
    assert source_runs(["B-S", "I-S", "O", "I-S", "B-C", "B-S", "B-S"]) == [(0, 1), (3, 3), (5, 5), (6, 6)]


def test_best_score_is_the_highest_token_inside_the_span() -> None:
    assert best_score((0, 10), [(0, 4, 0.2), (5, 9, 0.7), (11, 14, 0.9)]) == 0.7
    assert best_score((20, 30), [(0, 4, 0.2)]) is None


def test_a_source_in_a_sentence_without_a_parse_is_kept() -> None:
    sentence = _doc().sentences[0]
    unparsed = _with(replace(sentence, tokens=()))
    assert checked_sources(unparsed, _Fixed(0.0)) == unparsed


def test_source_probabilities_add_the_beginning_and_inside_marginals() -> None:
    assert source_probabilities(_Fixed(0.3), [["a"], ["b"], ["c"]], [0, 2]) == [0.3, 0.3]


def test_a_model_file_that_cannot_be_opened_names_itself_and_the_fix(tmp_path: Path) -> None:
    bad = tmp_path / "broken.crfsuite"
    bad.write_bytes(b"not a model")
    with pytest.raises(StageError, match=r"E210: .*broken\.crfsuite.*attribution\.tagger = false"):
        load_tagger(bad)


def test_the_shipped_model_is_small_and_gives_probabilities() -> None:
    assert TAGGER_MODEL.stat().st_size < 5_000_000
    tagger: Any = load_tagger()
    assert set(tagger.labels()) == {"O", "B-S", "I-S", "B-C", "I-C"}
    p = source_probabilities(tagger, [["l=brandt", "p=PROPN", "sS=B"], ["l=say", "p=VERB", "sC=B"]], [0, 1])
    assert all(0.0 <= x <= 1.0 for x in p) and p[0] > p[1]


def test_the_stage_checks_sources_only_with_the_learned_layers_and_the_tagger_on() -> None:
    on = attribution.build(Config())
    off = attribution.build(Config.from_dict({"attribution": {"tagger": False}}))
    doc = _doc()
    assert on.func(doc).sentences[0].attributions[0].cue == (7, 11)
    assert off.func(doc).sentences[0].attributions[0].cue == (7, 11)


def test_the_object_of_according_to_is_kept_whatever_the_tagger_says() -> None:
    text = "According to Brandt, the pier is closed."
    words = [
        ("According", "accord", "VERB", "VBG", "prep", 5),
        ("to", "to", "ADP", "IN", "prep", 0),
        ("Brandt", "Brandt", "PROPN", "NNP", "pobj", 1),
        (",", ",", "PUNCT", ",", "punct", 5),
        ("the", "the", "DET", "DT", "det", 5),
        ("pier", "pier", "NOUN", "NN", "nsubj", 6),
        ("is", "be", "AUX", "VBZ", "ROOT", 6),
        ("closed", "closed", "ADJ", "JJ", "acomp", 6),
        (".", ".", "PUNCT", ".", "punct", 6),
    ]
    doc = _one_sentence(text, words, Attribution(cue=(0, 12), content=(21, 40), source=(13, 19), speaker="Brandt"))
    assert checked_sources(doc, _Fixed(0.0)) == doc


def _one_sentence(text: str, words: list[tuple[str, str, str, str, str, int]], a: Attribution) -> Document:
    """A document of one parsed sentence, ``words`` as (text, lemma, pos, tag, label, head), holding ``a``."""
    tokens, at = [], 0
    for word, lemma, pos, tag, dep, head in words:
        start = text.index(word, at)
        tokens.append(Token(start, start + len(word), word, lemma, pos, tag, dep, head))
        at = start + len(word)
    sentence = Sentence(0, 0, len(text), text, 0, tokens=tuple(tokens), attributions=(a,))
    return Document(
        id="d", path="p", raw_text=text, text=text, text_map=TextMap.identity(len(text)), sentences=(sentence,)
    )


_SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda x: (x[0], x[0] + x[1])), max_size=12)


@given(_SPANS, st.integers(0, 70), st.integers(0, 20))
def test_span_index_finds_the_spans_that_overlap_a_sentence_as_a_full_scan_does(
    spans: list[tuple[int, int]], start: int, length: int
) -> None:
    end = start + length
    found = SpanIndex(spans).overlapping(start, end)
    assert sorted(found) == sorted(s for s in spans if s[0] < end and start < s[1])


def test_span_index_finds_a_long_span_that_starts_sentences_before() -> None:
    index = SpanIndex([(0, 100), (10, 20), (30, 40)])
    assert sorted(index.overlapping(50, 60)) == [(0, 100)]


def test_a_sentence_whose_speakers_source_is_taken_off_loses_its_speaker_but_stays_a_claim() -> None:
    text = "At noon police said the road was shut."
    said = Attribution(cue=(16, 20), content=(21, 38), source=(0, 7), speaker="At noon")
    sentence = Sentence(0, 0, len(text), text, 0, attributions=(said,), status="claimed", attributed_to="At noon")
    taken_off = _followed(sentence, (Attribution(cue=(16, 20), content=(21, 38), source=None, speaker=None),))
    assert (taken_off.status, taken_off.attributed_to, taken_off.attributions[0].source) == ("claimed", None, None)
    kept = _followed(sentence, (said,))
    assert (kept.status, kept.attributed_to) == ("claimed", "At noon")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Rebel-installed administrators in the eastern half of the province said 40 people had died.",
            "Rebel-installed administrators in the eastern half of the province",
        ),
        (
            "Court-appointed inspectors at the plant said the pumps had failed.",
            "Court-appointed inspectors at the plant",
        ),
        (
            "Senior officials in the occupied part of the province said 40 people had died.",
            "Senior officials in the occupied part of the province",
        ),
    ],
)
def test_a_subject_with_a_participle_before_its_noun_is_kept_as_the_source(make_doc, text: str, source: str) -> None:
    # the participle ("installed", "appointed") reads as an adjective: the subject is as sure a source as
    # the same subject with an adjective ("Senior officials ...")
    from storyline.doc import nlp

    doc = attribution.build(Config()).func(nlp.build(Config())(make_doc(text, source="Meridian Wire")))
    a = doc.sentences[0].attributions[0]
    assert a.source is not None
    assert doc.text[a.source[0] : a.source[1]] == source


def _estimate_doc(text: str, words: list[tuple[str, str, str, str, str, int]]) -> Document:
    """``text`` as the report of its first word ("Wardens") with the cue "put"."""
    put = text.index("put")
    a = Attribution(
        cue=(put, put + 3), content=(put + 4, len(text) - 1), source=(0, text.index(" ")), speaker="Wardens"
    )
    return _one_sentence(text, words, a)


def test_the_subject_of_a_figure_estimate_is_kept_whatever_the_tagger_says() -> None:
    text = "Wardens put the toll at 12."
    words = [
        ("Wardens", "warden", "NOUN", "NNS", "nsubj", 1),
        ("put", "put", "VERB", "VBD", "ROOT", 1),
        ("the", "the", "DET", "DT", "det", 3),
        ("toll", "toll", "NOUN", "NN", "dobj", 1),
        ("at", "at", "ADP", "IN", "prep", 1),
        ("12", "12", "NUM", "CD", "pobj", 4),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    out = checked_sources(_estimate_doc(text, words), _Fixed(0.01))
    assert out.sentences[0].attributions[0].source == (0, 7)
    # "put ... at" without a number is no estimate: the tagger's word stands
    plain = text.replace("12", "ease")
    words[5] = ("ease", "ease", "NOUN", "NN", "pobj", 4)
    assert checked_sources(_estimate_doc(plain, words), _Fixed(0.01)).sentences[0].attributions[0].source is None


def test_a_speakers_label_before_a_colon_is_kept_whatever_the_tagger_says() -> None:
    text = "Polls held - Ana Roe: “Voters broke late.”"
    words = [
        ("Polls", "poll", "NOUN", "NNS", "nsubj", 1),
        ("held", "hold", "VERB", "VBD", "ROOT", 1),
        ("-", "-", "PUNCT", ":", "punct", 1),
        ("Ana", "Ana", "PROPN", "NNP", "compound", 4),
        ("Roe", "Roe", "PROPN", "NNP", "appos", 1),
        (":", ":", "PUNCT", ":", "punct", 1),
        ("“", "“", "PUNCT", "``", "punct", 8),
        ("Voters", "voter", "NOUN", "NNS", "nsubj", 8),
        ("broke", "break", "VERB", "VBD", "parataxis", 1),
        ("late", "late", "ADV", "RB", "advmod", 8),
        (".", ".", "PUNCT", ".", "punct", 8),
        ("”", "”", "PUNCT", "''", "punct", 8),
    ]
    colon, roe = text.index(":"), text.index("Ana")
    a = Attribution(cue=(colon, colon + 1), content=(colon + 2, len(text)), source=(roe, colon), speaker="Ana Roe")
    assert checked_sources(_one_sentence(text, words, a), _Fixed(0.01)).sentences[0].attributions[0].source == (
        roe,
        colon,
    )
    # the same words read as another cue's source are the tagger's to take off
    other = Attribution(cue=(6, 10), content=(colon + 2, len(text)), source=(roe, colon), speaker="Ana Roe")
    assert checked_sources(_one_sentence(text, words, other), _Fixed(0.01)).sentences[0].attributions[0].source is None


def test_a_tagged_source_is_not_hung_on_a_verb_of_appearance() -> None:
    text = "Brandt seems sure the pier is closed."
    words = [("Brandt", "Brandt", "PROPN", "NNP", "nsubj", 1), ("seems", "seem", "VERB", "VBZ", "ROOT", 1)]
    seems = Attribution(cue=(7, 12), content=(13, 36), source=None, speaker=None)
    assert hung_sources(parsed_sentence(text, words), (seems,), [((0, 6), 0.99)], add=0.85) == (seems,)


def test_an_inverted_reports_speaker_is_kept_whatever_the_tagger_says() -> None:
    text, words = DELAY, DELAY_WORDS
    said, roe = text.index("said"), text.index("Ann Roe")
    a = Attribution(cue=(said, said + 4), content=(0, 9), source=(roe, roe + 7), speaker="Ann Roe")
    kept = checked_sources(_one_sentence(text, words, a), _Fixed(0.01)).sentences[0].attributions[0]
    assert kept.source == (roe, roe + 7)
    # the words before the cue, which the parse makes its subject, are the tagger's to take off
    other = Attribution(cue=(said, said + 4), content=(roe, len(text) - 1), source=(0, 9), speaker="The delay")
    assert checked_sources(_one_sentence(text, words, other), _Fixed(0.01)).sentences[0].attributions[0].source is None
