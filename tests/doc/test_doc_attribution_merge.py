from __future__ import annotations

from dataclasses import replace

from storyline.doc.attribution_merge import merge_sources, merged_sources
from storyline.records import Attribution, Document, Sentence, TextMap, Token

# Hand-built sentences: (word, Penn tag) in order; only the tags matter to the merge.
Word = tuple[str, str]


def _sentence(text: str, words: list[Word], attributions: tuple[Attribution, ...]) -> Sentence:
    tokens, at = [], 0
    for word, tag in words:
        start = text.index(word, at)
        tokens.append(Token(start, start + len(word), word, word.lower(), "X", tag, "dep", 0))
        at = start + len(word)
    return Sentence(0, 0, len(text), text, 0, tokens=tuple(tokens), attributions=attributions)


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _said(text: str, cue: str, source: str) -> Attribution:
    span = _span(text, source)
    return Attribution(cue=_span(text, cue), content=(0, 1), source=span, speaker=source)


ROE = "Gov. Ann Roe (D-Ark.) called the levy unfair, saying it hurt farmers."
ROE_WORDS: list[Word] = [
    ("Gov.", "NNP"),
    ("Ann", "NNP"),
    ("Roe", "NNP"),
    ("(", "-LRB-"),
    ("D-Ark.", "NNP"),
    (")", "-RRB-"),
    ("called", "VBD"),
    ("the", "DT"),
    ("levy", "NN"),
    ("unfair", "JJ"),
    (",", ","),
    ("saying", "VBG"),
    ("it", "PRP"),
    ("hurt", "VBD"),
    ("farmers", "NNS"),
    (".", "."),
]

LEE = "Ann Roe, who endorsed Lee, said the race was close."
LEE_WORDS: list[Word] = [
    ("Ann", "NNP"),
    ("Roe", "NNP"),
    (",", ","),
    ("who", "WP"),
    ("endorsed", "VBD"),
    ("Lee", "NNP"),
    (",", ","),
    ("said", "VBD"),
    ("the", "DT"),
    ("race", "NN"),
    ("was", "VBD"),
    ("close", "JJ"),
    (".", "."),
]


def test_two_readings_of_one_speaker_with_other_edges_take_the_longer_span() -> None:
    called = _said(ROE, "called", "Gov. Ann Roe (D-Ark.)")
    saying = _said(ROE, "saying", "Gov. Ann Roe (D-Ark")
    merged = merged_sources(_sentence(ROE, ROE_WORDS, (called, saying)))
    assert [a.source for a in merged] == [called.source, called.source]
    assert merged[1].speaker == "Gov. Ann Roe (D-Ark.)"
    assert [a.cue for a in merged] == [called.cue, saying.cue]


def test_a_relative_pronoun_inside_another_source_stays_a_source_of_its_own() -> None:
    said = _said(LEE, "said", "Ann Roe, who endorsed Lee")
    endorsed = _said(LEE, "endorsed", "who")
    sentence = _sentence(LEE, LEE_WORDS, (endorsed, said))
    assert merged_sources(sentence) == (endorsed, said)


def test_sources_that_do_not_overlap_are_left_alone() -> None:
    called = _said(ROE, "called", "Gov. Ann Roe (D-Ark.)")
    saying = _said(ROE, "saying", "it")
    sentence = _sentence(ROE, ROE_WORDS, (called, saying))
    assert merged_sources(sentence) is sentence.attributions


def test_merging_a_document_keeps_its_untouched_sentences_as_they_were() -> None:
    called = _said(ROE, "called", "Gov. Ann Roe (D-Ark.)")
    saying = _said(ROE, "saying", "Ann Roe")
    sentence = _sentence(ROE, ROE_WORDS, (called, saying))
    doc = Document(
        id="d",
        path="d.txt",
        raw_text=ROE,
        text=ROE,
        text_map=TextMap.identity(len(ROE)),
        sentences=(sentence,),
    )
    merged = merge_sources(doc)
    assert [a.source for a in merged.sentences[0].attributions] == [called.source, called.source]
    assert merged.sentences[0].text == ROE


def test_a_speaker_read_from_a_span_that_grew_is_said_by_the_longer_span() -> None:
    called = _said(ROE, "called", "Gov. Ann Roe (D-Ark.)")
    saying = _said(ROE, "saying", "Gov. Ann Roe (D-Ark")
    sentence = replace(
        _sentence(ROE, ROE_WORDS, (saying, called)), attributed_to="Gov. Ann Roe (D-Ark", status="claimed"
    )
    doc = Document(
        id="d", path="d.txt", raw_text=ROE, text=ROE, text_map=TextMap.identity(len(ROE)), sentences=(sentence,)
    )
    (merged,) = merge_sources(doc).sentences
    assert merged.attributed_to == "Gov. Ann Roe (D-Ark.)"
    assert {a.speaker for a in merged.attributions} == {"Gov. Ann Roe (D-Ark.)"}
