from __future__ import annotations

from storyline.doc.attribution_relatives import relative_sources, subject_sources
from storyline.records import Attribution, Document, Sentence, TextMap, Token

# Hand-built parses: (word, Penn tag, dependency label, head index) in order.
Word = tuple[str, str, str, int]

DRAWDOWN = "The drawdown, which they say left a vacuum, worried allies."
DRAWDOWN_WORDS: list[Word] = [
    ("The", "DT", "det", 1),
    ("drawdown", "NN", "nsubj", 10),
    (",", ",", "punct", 1),
    ("which", "WDT", "nsubj", 6),
    ("they", "PRP", "nsubj", 5),
    ("say", "VBP", "parataxis", 6),
    ("left", "VBD", "relcl", 1),
    ("a", "DT", "det", 8),
    ("vacuum", "NN", "dobj", 6),
    (",", ",", "punct", 1),
    ("worried", "VBD", "ROOT", 10),
    ("allies", "NNS", "dobj", 10),
    (".", ".", "punct", 10),
]

LEE = "Ann Roe, who endorsed Lee, said the race was close."
LEE_WORDS: list[Word] = [
    ("Ann", "NNP", "compound", 1),
    ("Roe", "NNP", "nsubj", 7),
    (",", ",", "punct", 1),
    ("who", "WP", "nsubj", 4),
    ("endorsed", "VBD", "relcl", 1),
    ("Lee", "NNP", "dobj", 4),
    (",", ",", "punct", 1),
    ("said", "VBD", "ROOT", 7),
    ("the", "DT", "det", 9),
    ("race", "NN", "nsubj", 10),
    ("was", "VBD", "ccomp", 7),
    ("close", "JJ", "acomp", 10),
    (".", ".", "punct", 7),
]


def _sentence(text: str, words: list[Word], attributions: tuple[Attribution, ...]) -> Sentence:
    tokens, at = [], 0
    for word, tag, dep, head in words:
        start = text.index(word, at)
        tokens.append(Token(start, start + len(word), word, word.lower(), "X", tag, dep, head))
        at = start + len(word)
    return Sentence(0, 0, len(text), text, 0, tokens=tuple(tokens), attributions=attributions)


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _said(text: str, cue: str, source: str, content: str) -> Attribution:
    return Attribution(cue=_span(text, cue), content=_span(text, content), source=_span(text, source), speaker=source)


def test_a_relative_pronoun_source_gives_way_to_the_cues_own_subject() -> None:
    say = _said(DRAWDOWN, "say", "which", "left a vacuum")
    (found,) = subject_sources(_sentence(DRAWDOWN, DRAWDOWN_WORDS, (say,)))
    assert found.source == _span(DRAWDOWN, "they")
    assert found.speaker == "they"
    assert (found.cue, found.content, found.kind) == (say.cue, say.content, say.kind)


def test_a_relative_pronoun_that_is_the_cues_subject_stays_the_source() -> None:
    endorsed = _said(LEE, "endorsed", "who", "Lee")
    said = _said(LEE, "said", "Ann Roe", "the race was close")
    sentence = _sentence(LEE, LEE_WORDS, (endorsed, said))
    assert subject_sources(sentence) is sentence.attributions


def test_a_named_source_is_left_alone_even_when_the_cue_has_another_subject() -> None:
    say = _said(DRAWDOWN, "say", "The drawdown", "left a vacuum")
    sentence = _sentence(DRAWDOWN, DRAWDOWN_WORDS, (say,))
    assert subject_sources(sentence) is sentence.attributions


def test_a_document_gets_the_subject_source_and_keeps_its_text() -> None:
    say = _said(DRAWDOWN, "say", "which", "left a vacuum")
    doc = Document(
        id="d",
        path="d.txt",
        raw_text=DRAWDOWN,
        text=DRAWDOWN,
        text_map=TextMap.identity(len(DRAWDOWN)),
        sentences=(_sentence(DRAWDOWN, DRAWDOWN_WORDS, (say,)),),
    )
    fixed = relative_sources(doc)
    assert [a.source for a in fixed.sentences[0].attributions] == [_span(DRAWDOWN, "they")]
    assert fixed.sentences[0].text == DRAWDOWN
