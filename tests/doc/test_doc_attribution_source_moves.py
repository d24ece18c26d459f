from __future__ import annotations

from storyline.doc.attribution_source_moves import forget_moves, move_sources, moved_sources, remember_moved
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
    (found,) = moved_sources(_sentence(DRAWDOWN, DRAWDOWN_WORDS, (say,)))
    assert found.source == _span(DRAWDOWN, "they")
    assert found.speaker == "they"
    assert (found.cue, found.content, found.kind) == (say.cue, say.content, say.kind)


def test_a_source_moved_when_the_sentence_was_judged_is_not_moved_again_until_the_next_document() -> None:
    say = _said(DRAWDOWN, "say", "which", "left a vacuum")
    sentence = _sentence(DRAWDOWN, DRAWDOWN_WORDS, (say,))
    remember_moved([say])  # as if the stage had moved it (and left it) when it judged the sentence
    try:
        assert moved_sources(sentence) is sentence.attributions
        again = _said(DRAWDOWN, "say", "which", "left a vacuum")
        (copy,) = moved_sources(_sentence(DRAWDOWN, DRAWDOWN_WORDS, (again,)))
        assert copy.source == _span(DRAWDOWN, "they")  # another attribution with the same spans is moved
    finally:
        forget_moves()
    (found,) = moved_sources(sentence)
    assert found.source == _span(DRAWDOWN, "they")


def test_a_relative_pronoun_that_is_the_cues_subject_stays_the_source() -> None:
    endorsed = _said(LEE, "endorsed", "who", "Lee")
    said = _said(LEE, "said", "Ann Roe", "the race was close")
    sentence = _sentence(LEE, LEE_WORDS, (endorsed, said))
    assert moved_sources(sentence) is sentence.attributions


def test_a_named_source_is_left_alone_even_when_the_cue_has_another_subject() -> None:
    say = _said(DRAWDOWN, "say", "The drawdown", "left a vacuum")
    sentence = _sentence(DRAWDOWN, DRAWDOWN_WORDS, (say,))
    assert moved_sources(sentence) is sentence.attributions


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
    fixed = move_sources(doc)
    assert [a.source for a in fixed.sentences[0].attributions] == [_span(DRAWDOWN, "they")]
    assert fixed.sentences[0].text == DRAWDOWN


MAYOR = "The mayor was warned by the fire chief that the dam could fail."
MAYOR_WORDS: list[Word] = [
    ("The", "DT", "det", 1),
    ("mayor", "NN", "nsubjpass", 3),
    ("was", "VBD", "auxpass", 3),
    ("warned", "VBN", "ROOT", 3),
    ("by", "IN", "agent", 3),
    ("the", "DT", "det", 7),
    ("fire", "NN", "compound", 7),
    ("chief", "NN", "pobj", 4),
    ("that", "IN", "mark", 12),
    ("the", "DT", "det", 10),
    ("dam", "NN", "nsubj", 12),
    ("could", "MD", "aux", 12),
    ("fail", "VB", "ccomp", 3),
    (".", ".", "punct", 3),
]


def test_the_agent_of_a_passive_cue_is_its_source_not_the_passive_subject() -> None:
    warned = _said(MAYOR, "warned", "The mayor", "the dam could fail")
    (found,) = moved_sources(_sentence(MAYOR, MAYOR_WORDS, (warned,)))
    assert found.source == _span(MAYOR, "the fire chief")
    assert found.speaker == "the fire chief"


def test_a_source_already_on_the_agent_is_kept_as_it_is() -> None:
    warned = _said(MAYOR, "warned", "chief", "the dam could fail")
    sentence = _sentence(MAYOR, MAYOR_WORDS, (warned,))
    assert moved_sources(sentence) is sentence.attributions


def test_a_passive_cue_without_a_source_gets_none_from_its_agent() -> None:
    warned = Attribution(
        cue=_span(MAYOR, "warned"), content=_span(MAYOR, "the dam could fail"), source=None, speaker=None
    )
    sentence = _sentence(MAYOR, MAYOR_WORDS, (warned,))
    assert moved_sources(sentence) is sentence.attributions


DATELINE = "LISBON (Wire) - Mayor Ana Dias said the bridge would reopen."
DATELINE_WORDS: list[Word] = [
    ("LISBON", "NNP", "npadvmod", 8),
    ("(", "-LRB-", "punct", 0),
    ("Wire", "NNP", "appos", 0),
    (")", "-RRB-", "punct", 0),
    ("-", "HYPH", "punct", 8),
    ("Mayor", "NNP", "compound", 7),
    ("Ana", "NNP", "compound", 7),
    ("Dias", "NNP", "nsubj", 8),
    ("said", "VBD", "ROOT", 8),
    ("the", "DT", "det", 10),
    ("bridge", "NN", "nsubj", 12),
    ("would", "MD", "aux", 12),
    ("reopen", "VB", "ccomp", 8),
    (".", ".", "punct", 8),
]


def test_a_dateline_taken_for_the_source_gives_way_to_the_cues_subject() -> None:
    said = _said(DATELINE, "said", "LISBON (Wire) -", "the bridge would reopen")
    (found,) = moved_sources(_sentence(DATELINE, DATELINE_WORDS, (said,)))
    assert found.source == _span(DATELINE, "Mayor Ana Dias")


def test_a_source_that_opens_with_a_dateline_loses_it() -> None:
    said = _said(DATELINE, "said", "LISBON (Wire) - Mayor Ana Dias", "the bridge would reopen")
    (found,) = moved_sources(_sentence(DATELINE, DATELINE_WORDS, (said,)))
    assert found.source == _span(DATELINE, "Mayor Ana Dias")
    assert found.speaker == "Mayor Ana Dias"


def test_a_dateline_source_with_no_subject_to_take_its_place_is_dropped() -> None:
    words = [(w, t, "dep" if d == "nsubj" else d, h) for w, t, d, h in DATELINE_WORDS]
    said = _said(DATELINE, "said", "LISBON (Wire) -", "the bridge would reopen")
    (found,) = moved_sources(_sentence(DATELINE, words, (said,)))
    assert (found.source, found.speaker, found.cue) == (None, None, said.cue)


def test_a_hyphenated_name_in_capitals_is_no_dateline() -> None:
    text = "NATO-led talks, the envoy said, went well."
    words: list[Word] = [
        ("NATO-led", "JJ", "amod", 1),
        ("talks", "NNS", "nsubj", 7),
        (",", ",", "punct", 1),
        ("the", "DT", "det", 4),
        ("envoy", "NN", "nsubj", 5),
        ("said", "VBD", "parataxis", 7),
        (",", ",", "punct", 7),
        ("went", "VBD", "ROOT", 7),
        ("well", "RB", "advmod", 7),
        (".", ".", "punct", 7),
    ]
    said = _said(text, "said", "NATO-led talks", "went well")
    sentence = _sentence(text, words, (said,))
    assert moved_sources(sentence) is sentence.attributions


def test_a_dateline_the_parse_reads_as_a_second_subject_gives_way_to_the_subject_after_it() -> None:
    words = [(w, t, "nsubj" if w == "LISBON" else d, h) for w, t, d, h in DATELINE_WORDS]
    said = _said(DATELINE, "said", "LISBON (Wire) -", "the bridge would reopen")
    (found,) = moved_sources(_sentence(DATELINE, words, (said,)))
    assert (found.source, found.speaker) == (_span(DATELINE, "Mayor Ana Dias"), "Mayor Ana Dias")


AP = "PORTVILLE, May 3 (AP) — The port's chief engineer said the crane had failed."
AP_WORDS: list[Word] = [
    ("PORTVILLE", "NNP", "nsubj", 14),
    (",", ",", "punct", 0),
    ("May", "NNP", "npadvmod", 0),
    ("3", "CD", "nummod", 2),
    ("(", "-LRB-", "punct", 2),
    ("AP", "NNP", "appos", 2),
    (")", "-RRB-", "punct", 2),
    ("—", ":", "punct", 0),
    ("The", "DT", "det", 10),
    ("port", "NN", "poss", 13),
    ("'s", "POS", "case", 9),
    ("chief", "JJ", "amod", 13),
    ("engineer", "NN", "appos", 0),
    ("said", "VBD", "ROOT", 14),
    ("the", "DT", "det", 16),
    ("crane", "NN", "nsubj", 18),
    ("had", "VBD", "aux", 18),
    ("failed", "VBN", "ccomp", 14),
    (".", ".", "punct", 14),
]


def test_a_dateline_with_a_date_and_an_agency_is_cut_and_the_subject_kept() -> None:
    said = _said(AP, "said", "PORTVILLE, May 3 (AP) — The port's chief engineer", "the crane had failed")
    (found,) = moved_sources(_sentence(AP, AP_WORDS, (said,)))
    assert (found.source, found.speaker) == (_span(AP, "The port's chief engineer"), "The port's chief engineer")


CRANE = "The port's chief engineer said the crane had failed and warned that the docks could close."
CRANE_WORDS: list[Word] = [
    ("The", "DT", "det", 1),
    ("port", "NN", "poss", 4),
    ("'s", "POS", "case", 1),
    ("chief", "JJ", "amod", 4),
    ("engineer", "NN", "nsubj", 5),
    ("said", "VBD", "ROOT", 5),
    ("the", "DT", "det", 7),
    ("crane", "NN", "nsubj", 9),
    ("had", "VBD", "aux", 9),
    ("failed", "VBN", "ccomp", 5),
    ("and", "CC", "cc", 9),
    ("warned", "VBD", "conj", 9),
    ("that", "IN", "mark", 16),
    ("the", "DT", "det", 14),
    ("docks", "NNS", "nsubj", 16),
    ("could", "MD", "aux", 16),
    ("close", "VB", "ccomp", 11),
    (".", ".", "punct", 5),
]


def test_a_cue_coordinated_with_a_verb_of_another_cues_content_shares_that_cues_source() -> None:
    said = _said(
        CRANE, "said", "The port's chief engineer", "the crane had failed and warned that the docks could close"
    )
    warned = _said(CRANE, "warned", "the crane", "that the docks could close")
    found = moved_sources(_sentence(CRANE, CRANE_WORDS, (said, warned)))
    assert [(a.source, a.speaker) for a in found] == [(said.source, "The port's chief engineer")] * 2


def test_a_coordinated_cue_with_a_subject_of_its_own_keeps_its_source() -> None:
    text = "The port's chief engineer said the crane had failed and the union warned that the docks could close."
    words = [*CRANE_WORDS[:11], ("the", "DT", "det", 12), ("union", "NN", "nsubj", 13)]
    words += [(w, t, d, h + 2 if h > 10 else h) for w, t, d, h in CRANE_WORDS[11:]]
    said = _said(text, "said", "The port's chief engineer", "the crane had failed and the union warned")
    warned = _said(text, "warned", "the union", "that the docks could close")
    found = moved_sources(_sentence(text, words, (said, warned)))
    assert found[1].source == _span(text, "the union")


NOTICE = '"The quay is shut," read the notice.'
NOTICE_WORDS: list[Word] = [
    ('"', "``", "punct", 7),
    ("The", "DT", "det", 2),
    ("quay", "NN", "nsubj", 3),
    ("is", "VBZ", "ccomp", 7),
    ("shut", "JJ", "acomp", 3),
    (",", ",", "punct", 7),
    ('"', "''", "punct", 7),
    ("read", "VBD", "ROOT", 7),
    ("the", "DT", "det", 9),
    ("notice", "NN", "dobj", 7),
    (".", ".", "punct", 7),
]


def test_an_inverted_reports_speaker_after_a_quotation_becomes_the_source() -> None:
    read = Attribution(cue=_span(NOTICE, "read"), content=_span(NOTICE, "The quay is shut"), source=None, speaker=None)
    (found,) = moved_sources(_sentence(NOTICE, NOTICE_WORDS, (read,)))
    assert found.source == _span(NOTICE, "the notice")
    assert found.speaker == "the notice"
