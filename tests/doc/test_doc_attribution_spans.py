from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from storyline.config import Config
from storyline.doc import attribution, attribution_spans
from storyline.doc.attribution_learned import cue_model, source_model
from storyline.doc.attribution_spans import SPAN_MODEL, added_sources, load_span_model, source_spans
from storyline.doc.attribution_tagger import checked_sources, load_tagger
from storyline.errors import StageError
from storyline.records import Attribution, Document, Sentence, TextMap, Token

TEXT = "Brandt said the pier is closed."
WORDS = [
    ("Brandt", "Brandt", "PROPN", "NNP", "nsubj", 1),
    ("said", "say", "VERB", "VBD", "ROOT", 1),
    ("the", "the", "DET", "DT", "det", 3),
    ("pier", "pier", "NOUN", "NN", "nsubj", 4),
    ("is", "be", "AUX", "VBZ", "ccomp", 1),
    ("closed", "closed", "ADJ", "JJ", "acomp", 4),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def _doc(source: tuple[int, int] | None = None) -> Document:
    tokens, at = [], 0
    for text, lemma, pos, tag, dep, head in WORDS:
        start = TEXT.index(text, at)
        tokens.append(Token(start, start + len(text), text, lemma, pos, tag, dep, head))
        at = start + len(text)
    said = Attribution(cue=(7, 11), content=(12, 30), source=source, speaker="Brandt" if source else None)
    sentence = Sentence(0, 0, len(TEXT), TEXT, 0, tokens=tuple(tokens), attributions=(said,))
    return Document(
        id="d", path="p", raw_text=TEXT, text=TEXT, text_map=TextMap.identity(len(TEXT)), sentences=(sentence,)
    )


def _spans(found: list[tuple[tuple[int, int], float]]) -> Any:
    return lambda tagger, sentences: [found for _ in sentences]


def test_a_confident_span_is_given_to_the_attribution_without_a_source(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(attribution_spans, "source_spans", _spans([((0, 6), 0.9)]))
    a = added_sources(_doc(), None).sentences[0].attributions[0]
    assert (a.source, a.speaker, a.cue, a.content) == ((0, 6), "Brandt", (7, 11), (12, 30))


def test_an_unsure_span_is_not_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(attribution_spans, "source_spans", _spans([((0, 6), 0.5)]))
    bare = _doc()
    assert added_sources(bare, None) == bare


def test_a_sentence_whose_attributions_all_have_a_source_is_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    def never(tagger: Any, sentences: Any) -> Any:
        raise AssertionError("the model was run")

    monkeypatch.setattr(attribution_spans, "source_spans", never)
    sourced = _doc(source=(0, 6))
    assert added_sources(sourced, None) == sourced


def test_a_span_overlapping_a_kept_source_is_not_added(monkeypatch: pytest.MonkeyPatch) -> None:
    sentence = _doc(source=(0, 6)).sentences[0]
    second = Attribution(cue=(21, 23), content=(24, 30), source=None, speaker=None)
    doc = replace(_doc(), sentences=(replace(sentence, attributions=(*sentence.attributions, second)),))
    monkeypatch.setattr(attribution_spans, "source_spans", _spans([((0, 11), 0.95)]))
    assert added_sources(doc, None) == doc


def test_the_shipped_model_loads_and_reads_a_sentence() -> None:
    size = sum(f.stat().st_size for f in SPAN_MODEL.iterdir())
    assert size < 7_000_000
    tagger = load_span_model()
    assert {"B-S", "I-S", "B-C", "I-C", "O"} <= set(tagger.labels)
    (spans,) = source_spans(tagger, _doc().sentences)
    assert all(0 <= start < end <= len(TEXT) and 0.0 <= p <= 1.0 for (start, end), p in spans)


def test_a_model_folder_that_cannot_be_loaded_names_itself_and_the_fix(tmp_path: Path) -> None:
    with pytest.raises(StageError, match=r"E190: .*missing-model.*attribution\.spans = false"):
        load_span_model(tmp_path / "missing-model")


def test_the_setting_off_gives_the_stage_without_the_span_model() -> None:
    off = attribution.build(Config.from_dict({"attribution": {"spans": False}}))
    doc = _doc()
    before = checked_sources(attribution.attribute_document(doc, cue_model(), source_model()), load_tagger())
    assert off.func(doc) == before


def _tokens(text: str, words: list[str]) -> list[Token]:
    out, at = [], 0
    for word in words:
        start = text.index(word, at)
        out.append(Token(start, start + len(word), word, word, "X", "X", "dep", 0))
        at = start + len(word)
    return out


def test_span_is_widened_to_the_whole_hyphenated_word_and_loses_edge_commas() -> None:
    text = "the pro-government council, citing"
    toks = _tokens(text, ["the", "pro", "-", "government", "council", ",", "citing"])
    a, b = attribution_spans.whole_words(toks, 3, 5)  # "government council ,"
    assert text[toks[a].start : toks[b].end] == "pro-government council"


def test_span_of_punctuation_alone_is_empty() -> None:
    toks = _tokens("Aldo said , then", ["Aldo", "said", ",", "then"])
    a, b = attribution_spans.whole_words(toks, 2, 2)
    assert b < a
