from __future__ import annotations

from storyline.doc.attribution import judge_parsed
from storyline.doc.attribution_quote_frames import quote_frames
from storyline.doc.attribution_tree import quoted_spans
from storyline.records import Sentence, Token

# Hand-built parses: (word, part of speech, Penn tag, dependency label, head index) in order.
Word = tuple[str, str, str, str, int]

GRUMBLED = "“The ferry is late again,” the harbour master grumbled."
GRUMBLED_WORDS: list[Word] = [
    ("“", "PUNCT", "``", "punct", 4),
    ("The", "DET", "DT", "det", 2),
    ("ferry", "NOUN", "NN", "nsubj", 3),
    ("is", "AUX", "VBZ", "ccomp", 10),
    ("late", "ADJ", "JJ", "acomp", 3),
    ("again", "ADV", "RB", "advmod", 3),
    (",", "PUNCT", ",", "punct", 10),
    ("”", "PUNCT", "''", "punct", 10),
    ("the", "DET", "DT", "det", 9),
    ("harbour", "NOUN", "NN", "compound", 9),
    ("master", "NOUN", "NN", "nsubj", 10),
    ("grumbled", "VERB", "VBD", "ROOT", 10),
    (".", "PUNCT", ".", "punct", 10),
]

# The small model's misreading of such a frame: the speaker as a compound, the verb as an apposition.
SNAPPED = "“Close the gate,” Roe snapped and the guard left."
SNAPPED_WORDS: list[Word] = [
    ("“", "PUNCT", "``", "punct", 1),
    ("Close", "VERB", "VB", "ROOT", 1),
    ("the", "DET", "DT", "det", 3),
    ("gate", "NOUN", "NN", "dobj", 1),
    (",", "PUNCT", ",", "punct", 1),
    ("”", "PUNCT", "''", "punct", 1),
    ("Roe", "PROPN", "NNP", "compound", 7),
    ("snapped", "VERB", "VBD", "appos", 1),
    ("and", "CCONJ", "CC", "cc", 7),
    ("the", "DET", "DT", "det", 10),
    ("guard", "NOUN", "NN", "nsubj", 11),
    ("left", "VERB", "VBD", "conj", 7),
    (".", "PUNCT", ".", "punct", 11),
]

BEAMED = "“What a night!” beamed Ann Roe."
BEAMED_WORDS: list[Word] = [
    ("“", "PUNCT", "``", "punct", 6),
    ("What", "PRON", "WDT", "det", 3),
    ("a", "DET", "DT", "det", 3),
    ("night", "NOUN", "NN", "dobj", 6),
    ("!", "PUNCT", ".", "punct", 6),
    ("”", "PUNCT", "''", "punct", 6),
    ("beamed", "VERB", "VBD", "ROOT", 6),
    ("Ann", "PROPN", "NNP", "compound", 8),
    ("Roe", "PROPN", "NNP", "nsubj", 6),
    (".", "PUNCT", ".", "punct", 6),
]

# A quotation that is a verb's object names no speaker: "has “several ideas”".
IDEAS = "Roe has “several ideas” for the park."
IDEAS_WORDS: list[Word] = [
    ("Roe", "PROPN", "NNP", "nsubj", 1),
    ("has", "VERB", "VBZ", "ROOT", 1),
    ("“", "PUNCT", "``", "punct", 4),
    ("several", "ADJ", "JJ", "amod", 4),
    ("ideas", "NOUN", "NNS", "dobj", 1),
    ("”", "PUNCT", "''", "punct", 4),
    ("for", "ADP", "IN", "prep", 4),
    ("the", "DET", "DT", "det", 8),
    ("park", "NOUN", "NN", "pobj", 6),
    (".", "PUNCT", ".", "punct", 1),
]

# A quotation closed with a full stop ends what was said: the next clause is an action, not a frame.
DONE = "“We are done here.” Roe left the room."
DONE_WORDS: list[Word] = [
    ("“", "PUNCT", "``", "punct", 2),
    ("We", "PRON", "PRP", "nsubj", 2),
    ("are", "AUX", "VBP", "ccomp", 8),
    ("done", "ADJ", "JJ", "acomp", 2),
    ("here", "ADV", "RB", "advmod", 2),
    (".", "PUNCT", ".", "punct", 2),
    ("”", "PUNCT", "''", "punct", 2),
    ("Roe", "PROPN", "NNP", "nsubj", 8),
    ("left", "VERB", "VBD", "ROOT", 8),
    ("the", "DET", "DT", "det", 10),
    ("room", "NOUN", "NN", "dobj", 8),
    (".", "PUNCT", ".", "punct", 8),
]

# A title in quotation marks and the relative clause of the noun after it: no speaker.
FILM = "Roe praised “Night Train,” the film that won."
FILM_WORDS: list[Word] = [
    ("Roe", "PROPN", "NNP", "nsubj", 1),
    ("praised", "VERB", "VBD", "ROOT", 1),
    ("“", "PUNCT", "``", "punct", 4),
    ("Night", "PROPN", "NNP", "compound", 4),
    ("Train", "PROPN", "NNP", "dobj", 1),
    (",", "PUNCT", ",", "punct", 4),
    ("”", "PUNCT", "''", "punct", 4),
    ("the", "DET", "DT", "det", 8),
    ("film", "NOUN", "NN", "appos", 4),
    ("that", "PRON", "WDT", "nsubj", 10),
    ("won", "VERB", "VBD", "relcl", 8),
    (".", "PUNCT", ".", "punct", 1),
]


def _sentence(text: str, words: list[Word], start: int = 0) -> Sentence:
    tokens, at = [], 0
    for word, pos, tag, dep, head in words:
        begin = text.index(word, at)
        tokens.append(Token(start + begin, start + begin + len(word), word, word.lower(), pos, tag, dep, head))
        at = begin + len(word)
    return Sentence(0, start, start + len(text), text, 0, tokens=tuple(tokens))


def _span(text: str, words: str, start: int = 0) -> tuple[int, int]:
    begin = text.index(words)
    return start + begin, start + begin + len(words)


def _frames(text: str, words: list[Word], start: int = 0) -> list[tuple[str, str, str]]:
    sentence = _sentence(text, words, start)
    quoted, _ = quoted_spans(text)
    return [
        (text[a.cue[0] - start : a.cue[1] - start], a.speaker or "", text[a.content[0] - start : a.content[1] - start])
        for a in quote_frames(sentence, quoted)
    ]


def test_an_unlisted_verb_after_a_quotation_is_its_cue_and_its_subject_the_source() -> None:
    assert _frames(GRUMBLED, GRUMBLED_WORDS, start=40) == [
        ("grumbled", "the harbour master", "“The ferry is late again,”")
    ]


def test_a_frame_the_parse_misreads_is_read_from_the_words() -> None:
    assert _frames(SNAPPED, SNAPPED_WORDS) == [("snapped", "Roe", "“Close the gate,”")]


def test_a_verb_before_its_speaker_frames_the_quotation_too() -> None:
    assert _frames(BEAMED, BEAMED_WORDS) == [("beamed", "Ann Roe", "“What a night!”")]


def test_a_quoted_object_after_the_verb_is_no_frame() -> None:
    assert _frames(IDEAS, IDEAS_WORDS) == []


def test_a_quotation_closed_with_a_full_stop_is_no_frame_for_the_next_clause() -> None:
    assert _frames(DONE, DONE_WORDS) == []


def test_a_quoted_title_followed_by_a_relative_clause_is_no_frame() -> None:
    assert _frames(FILM, FILM_WORDS) == []


def test_a_sentence_framed_by_an_unlisted_verb_is_the_speakers_claim() -> None:
    sentence = _sentence(GRUMBLED, GRUMBLED_WORDS)
    verdict = judge_parsed(sentence, None, quoted=quoted_spans(GRUMBLED)[0])
    assert (verdict.status, verdict.speaker) == ("claimed", "the harbour master")
    assert [a.cue for a in verdict.attributions] == [_span(GRUMBLED, "grumbled")]
