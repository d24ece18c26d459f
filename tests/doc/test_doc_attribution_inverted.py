from __future__ import annotations

from dataclasses import replace

from builders import DELAY, DELAY_WORDS, parsed_sentence
from storyline.doc.attribution_inverted import inverted, inverted_source
from storyline.records import Attribution, Sentence

NOTICE = '"The quay is shut," read the notice.'
NOTICE_WORDS = [
    ('"', '"', "PUNCT", "``", "punct", 7),
    ("The", "the", "DET", "DT", "det", 2),
    ("quay", "quay", "NOUN", "NN", "nsubj", 3),
    ("is", "be", "AUX", "VBZ", "ccomp", 7),
    ("shut", "shut", "ADJ", "JJ", "acomp", 3),
    (",", ",", "PUNCT", ",", "punct", 7),
    ('"', '"', "PUNCT", "''", "punct", 7),
    ("read", "read", "VERB", "VBD", "ROOT", 7),
    ("the", "the", "DET", "DT", "det", 9),
    ("notice", "notice", "NOUN", "NN", "dobj", 7),
    (".", ".", "PUNCT", ".", "punct", 7),
]

AIDES = "Aides to Roe, who know her, said their plans, long in the making, would change."
AIDES_WORDS = [
    ("Aides", "aide", "NOUN", "NNS", "nsubj", 8),
    ("to", "to", "ADP", "IN", "prep", 0),
    ("Roe", "Roe", "PROPN", "NNP", "pobj", 1),
    (",", ",", "PUNCT", ",", "punct", 0),
    ("who", "who", "PRON", "WP", "nsubj", 5),
    ("know", "know", "VERB", "VBP", "relcl", 0),
    ("her", "she", "PRON", "PRP", "dobj", 5),
    (",", ",", "PUNCT", ",", "punct", 0),
    ("said", "say", "VERB", "VBD", "ROOT", 8),
    ("their", "their", "PRON", "PRP$", "poss", 10),
    ("plans", "plan", "NOUN", "NNS", "nsubj", 18),
    (",", ",", "PUNCT", ",", "punct", 10),
    ("long", "long", "ADJ", "JJ", "amod", 10),
    ("in", "in", "ADP", "IN", "prep", 12),
    ("the", "the", "DET", "DT", "det", 15),
    ("making", "making", "NOUN", "NN", "pobj", 13),
    (",", ",", "PUNCT", ",", "punct", 10),
    ("would", "would", "AUX", "MD", "aux", 18),
    ("change", "change", "VERB", "VB", "ccomp", 8),
    (".", ".", "PUNCT", ".", "punct", 8),
]


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _cue(text: str, cue: str, content: str, source: str | None = None) -> Attribution:
    return Attribution(
        cue=_span(text, cue),
        content=_span(text, content),
        source=None if source is None else _span(text, source),
        speaker=source,
    )


def _sentence(text: str, words: list[tuple[str, str, str, str, str, int]]) -> Sentence:
    return parsed_sentence(text, words)


def test_the_object_of_a_verb_right_after_a_quotation_is_its_source() -> None:
    read = _cue(NOTICE, "read", "The quay is shut")
    found = inverted_source(_sentence(NOTICE, NOTICE_WORDS), read)
    assert found.source == _span(NOTICE, "the notice")
    assert found.speaker == "the notice"
    assert (found.cue, found.content) == (read.cue, read.content)


def test_a_verb_with_a_subject_of_its_own_after_a_quotation_keeps_its_source() -> None:
    words = list(NOTICE_WORDS)
    words[9] = ("notice", "notice", "NOUN", "NN", "nsubj", 7)  # '"...," the notice read': no inversion
    read = _cue(NOTICE, "read", "The quay is shut")
    assert inverted_source(_sentence(NOTICE, words), read) is read


def test_scare_quotes_closed_by_a_single_mark_are_no_quotation() -> None:
    text = "Roe hails ‘victory,’ ignores the losses."
    words = [
        ("Roe", "Roe", "PROPN", "NNP", "nsubj", 1),
        ("hails", "hail", "VERB", "VBZ", "ccomp", 6),
        ("‘", "‘", "PUNCT", "``", "punct", 3),
        ("victory", "victory", "NOUN", "NN", "dobj", 1),
        (",", ",", "PUNCT", ",", "punct", 1),
        ("’", "’", "PUNCT", "''", "punct", 1),
        ("ignores", "ignore", "VERB", "VBZ", "ROOT", 6),
        ("the", "the", "DET", "DT", "det", 8),
        ("losses", "loss", "NOUN", "NNS", "dobj", 6),
        (".", ".", "PUNCT", ".", "punct", 6),
    ]
    ignores = _cue(text, "ignores", "the losses")
    assert inverted_source(_sentence(text, words), ignores) is ignores


def test_a_report_verb_inside_the_clause_it_reports_takes_the_name_after_it() -> None:
    said = _cue(DELAY, "said", "The delay", source="The delay")
    found = inverted_source(_sentence(DELAY, DELAY_WORDS), said)
    assert found.source == _span(DELAY, "Ann Roe")
    assert found.speaker == "Ann Roe"


def test_a_clause_subject_after_the_cue_that_holds_no_name_is_no_speaker() -> None:
    said = _cue(AIDES, "said", "their plans, long in the making, would change", source="Aides to Roe, who know her,")
    assert inverted_source(_sentence(AIDES, AIDES_WORDS), said) is said


def test_the_inverted_speaker_is_marked_for_the_tagger_to_keep() -> None:
    sentence = _sentence(DELAY, DELAY_WORDS)
    said = _cue(DELAY, "said", "The delay", source="Ann Roe")
    assert inverted(sentence, said)
    assert not inverted(sentence, replace(said, source=_span(DELAY, "The delay")))
    assert not inverted(sentence, replace(said, source=None, speaker=None))
