from __future__ import annotations

from pathlib import Path

import spacy

from storyline.eval.polnear import PolnearFile
from storyline.eval.polnear_fit_spans import examples
from storyline.records import Attribution, Document, Sentence, TextMap, Token

TEXT = "Brandt said the pier is closed."
WORDS = [("Brandt", "NNP", "nsubj"), ("said", "VBD", "ROOT"), ("the", "DT", "det"), ("pier", "NN", "nsubj")]
WORDS += [("is", "VBZ", "ccomp"), ("closed", "JJ", "acomp"), (".", ".", "punct")]


def _doc(path: Path) -> Document:
    tokens, at = [], 0
    for text, tag, dep in WORDS:
        start = TEXT.index(text, at)
        tokens.append(Token(start, start + len(text), text, text.lower(), "X", tag, dep, 1))
        at = start + len(text)
    said = Attribution(cue=(7, 11), content=(12, 30), source=None, speaker=None)
    sentence = Sentence(0, 0, len(TEXT), TEXT, 0, tokens=tuple(tokens), attributions=(said,))
    return Document(
        id="d", path=str(path), raw_text=TEXT, text=TEXT, text_map=TextMap.identity(len(TEXT)), sentences=(sentence,)
    )


def test_each_parsed_sentence_is_an_example_tagged_from_the_gold_source_and_cue(tmp_path: Path) -> None:
    text, ann = tmp_path / "a.txt", tmp_path / "a.ann"
    text.write_text(TEXT)
    ann.write_text(
        "T1\tSource 0 6\tBrandt\nT2\tCue 7 11\tsaid\nT3\tContent 12 30\tthe pier is closed\n"
        "T4\tAttribution 7 11\tsaid\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"
    )
    (example,) = examples(spacy.blank("en").vocab, [PolnearFile(ann, text)], {str(text): _doc(text)})
    assert [t.text for t in example.predicted] == [w for w, _, _ in WORDS]
    assert [t.tag_ for t in example.predicted][:2] == ["NNP", "VBD"]
    assert [t.tag_ for t in example.reference] == ["B-S", "B-C", "O", "O", "O", "O", "O"]
