from __future__ import annotations

from dataclasses import replace

from storyline.doc.attribution_learned import CueModel
from storyline.doc.attribution_orphans import (
    cue_of_source,
    may_build,
    orphan_attribution,
    orphan_attributions,
    span_head,
)
from storyline.doc.attribution_tagger import checked_sources
from storyline.records import Attribution, Document, Sentence, TextMap, Token

Word = tuple[str, str, str, str, int]  # text, lemma, pos, dep, head


def _sentence(text: str, words: list[Word], attributions: tuple[Attribution, ...] = ()) -> Sentence:
    tokens, at = [], 0
    for word, lemma, pos, dep, head in words:
        start = text.index(word, at)
        tokens.append(Token(start, start + len(word), word, lemma, pos, pos, dep, head))
        at = start + len(word)
    return Sentence(0, 0, len(text), text, 0, tokens=tuple(tokens), attributions=attributions)


CONCEDED = "The harbour board conceded the quay would stay shut."
CONCEDED_WORDS: list[Word] = [
    ("The", "the", "DET", "det", 2),
    ("harbour", "harbour", "NOUN", "compound", 2),
    ("board", "board", "NOUN", "nsubj", 3),
    ("conceded", "concede", "VERB", "ROOT", 3),
    ("the", "the", "DET", "det", 5),
    ("quay", "quay", "NOUN", "nsubj", 7),
    ("would", "would", "AUX", "aux", 7),
    ("stay", "stay", "VERB", "ccomp", 3),
    ("shut", "shut", "ADJ", "acomp", 7),
    (".", ".", "PUNCT", "punct", 3),
]
BOARD = (0, 17)


class _Always(CueModel):
    def __init__(self, p: float) -> None:
        super().__init__({}, 0.0, 0.4)
        self.p = p

    def probability(self, features: object) -> float:
        return self.p


def test_the_head_of_a_source_span_is_the_word_whose_head_lies_outside_it() -> None:
    tokens = _sentence(CONCEDED, CONCEDED_WORDS).tokens
    assert span_head(tokens, 0, 2) == 2


def test_a_subject_source_hangs_on_its_verb() -> None:
    tokens = _sentence(CONCEDED, CONCEDED_WORDS).tokens
    assert cue_of_source(tokens, 2) == (3, "subject")


def test_the_object_of_according_to_hangs_on_according() -> None:
    text = "The ferry sank, according to the coast guard."
    words: list[Word] = [
        ("The", "the", "DET", "det", 1),
        ("ferry", "ferry", "NOUN", "nsubj", 2),
        ("sank", "sink", "VERB", "ROOT", 2),
        (",", ",", "PUNCT", "punct", 2),
        ("according", "accord", "VERB", "prep", 2),
        ("to", "to", "ADP", "prep", 4),
        ("the", "the", "DET", "det", 8),
        ("coast", "coast", "NOUN", "compound", 8),
        ("guard", "guard", "NOUN", "pobj", 5),
        (".", ".", "PUNCT", "punct", 2),
    ]
    assert cue_of_source(_sentence(text, words).tokens, 8) == (4, "according")


def test_an_owner_hangs_on_the_noun_it_owns() -> None:
    text = "The mayor's statement surprised few."
    words: list[Word] = [
        ("The", "the", "DET", "det", 1),
        ("mayor", "mayor", "NOUN", "poss", 3),
        ("'s", "'s", "PART", "case", 1),
        ("statement", "statement", "NOUN", "nsubj", 4),
        ("surprised", "surprise", "VERB", "ROOT", 4),
        ("few", "few", "ADJ", "dobj", 4),
        (".", ".", "PUNCT", "punct", 4),
    ]
    assert cue_of_source(_sentence(text, words).tokens, 1) == (3, "owner")


def test_a_span_that_is_no_subject_owner_agent_or_object_of_according_hangs_on_nothing() -> None:
    tokens = _sentence(CONCEDED, CONCEDED_WORDS).tokens
    assert cue_of_source(tokens, 8) is None


def test_an_orphan_source_gets_its_verb_as_cue_and_the_clause_as_content() -> None:
    built = orphan_attribution(_sentence(CONCEDED, CONCEDED_WORDS), BOARD, 0, 2)
    assert built is not None
    assert (built.source, built.cue, built.speaker) == (BOARD, (18, 26), "The harbour board")
    assert CONCEDED[built.content[0] : built.content[1]] == "the quay would stay shut"


def test_an_orphan_is_built_only_when_the_cue_model_rates_its_cue() -> None:
    sentence = _sentence(CONCEDED, CONCEDED_WORDS)
    assert orphan_attributions(sentence, (), [(BOARD, 0.9)], [], _Always(0.1)) == ()
    built = orphan_attributions(sentence, (), [(BOARD, 0.9)], [], _Always(0.3))
    assert [a.cue for a in built] == [(18, 26)]


def test_a_tagged_span_below_the_level_gets_no_attribution() -> None:
    sentence = _sentence(CONCEDED, CONCEDED_WORDS)
    assert orphan_attributions(sentence, (), [(BOARD, 0.3)], [], _Always(0.9)) == ()


def test_no_orphan_is_built_on_a_word_that_already_is_a_cue() -> None:
    held = Attribution(cue=(18, 26), content=(27, 51), source=None, speaker=None)
    sentence = _sentence(CONCEDED, CONCEDED_WORDS, (held,))
    assert orphan_attributions(sentence, (held,), [(BOARD, 0.9)], [], _Always(0.9)) == (held,)


def test_no_orphan_is_built_on_a_verb_of_appearance() -> None:
    text = "The harbour board seemed sure of the quay."
    words: list[Word] = [
        ("The", "the", "DET", "det", 2),
        ("harbour", "harbour", "NOUN", "compound", 2),
        ("board", "board", "NOUN", "nsubj", 3),
        ("seemed", "seem", "VERB", "ROOT", 3),
        ("sure", "sure", "ADJ", "acomp", 3),
        ("of", "of", "ADP", "prep", 4),
        ("the", "the", "DET", "det", 7),
        ("quay", "quay", "NOUN", "pobj", 5),
        (".", ".", "PUNCT", "punct", 3),
    ]
    sentence = _sentence(text, words)
    assert orphan_attribution(sentence, BOARD, 0, 2) is not None  # the shape of an orphan, but no one's words
    assert orphan_attributions(sentence, (), [(BOARD, 0.9)], [], _Always(0.9)) == ()


class _Board:
    """A stand-in tagger that tags the first three tokens a source with probability 0.9."""

    def set(self, xseq: list[list[str]]) -> None:
        self.n = len(xseq)

    def tag(self) -> list[str]:
        return ["B-S", "I-S", "I-S", *["O"] * (self.n - 3)]

    def marginal(self, label: str, k: int) -> float:
        return 0.9 if label == "B-S" and k < 3 else 0.0


def _conceded_document() -> tuple[Sentence, Document]:
    """The CONCEDED sentence alone in a document."""
    sentence = _sentence(CONCEDED, CONCEDED_WORDS)
    text_map = TextMap.identity(len(CONCEDED))
    return sentence, Document(
        id="d", path="p", raw_text=CONCEDED, text=CONCEDED, text_map=text_map, sentences=(sentence,)
    )


def test_the_stage_builds_an_attribution_in_a_sentence_that_had_none() -> None:
    sentence, doc = _conceded_document()
    assert checked_sources(doc, _Board()) == doc
    found = checked_sources(doc, _Board(), cues=_Always(0.3)).sentences[0]
    assert [(a.source, a.cue) for a in found.attributions] == [(BOARD, (18, 26))]
    assert (found.status, found.attributed_to) == (sentence.status, sentence.attributed_to)


def test_the_content_stops_where_a_coordinated_clause_of_the_report_begins() -> None:
    text = "The mayor put the number at 850, while the list named 388."
    words: list[Word] = [
        ("The", "the", "DET", "det", 1),
        ("mayor", "mayor", "NOUN", "nsubj", 2),
        ("put", "put", "VERB", "ROOT", 2),
        ("the", "the", "DET", "det", 4),
        ("number", "number", "NOUN", "dobj", 2),
        ("at", "at", "ADP", "prep", 2),
        ("850", "850", "NUM", "pobj", 5),
        (",", ",", "PUNCT", "punct", 2),
        ("while", "while", "SCONJ", "mark", 11),
        ("the", "the", "DET", "det", 10),
        ("list", "list", "NOUN", "nsubj", 11),
        ("named", "name", "VERB", "advcl", 2),
        ("388", "388", "NUM", "dobj", 11),
        (".", ".", "PUNCT", "punct", 2),
    ]
    built = orphan_attribution(_sentence(text, words), (0, 9), 0, 1)
    assert built is not None
    assert text[built.content[0] : built.content[1]] == "the number at 850"


def test_no_orphan_is_built_in_a_sentence_whose_speaker_the_rules_read() -> None:
    sentence = replace(_sentence(CONCEDED, CONCEDED_WORDS), status="claimed", attributed_to="the mayor")
    assert orphan_attributions(sentence, (), [(BOARD, 0.9)], [], _Always(0.9)) == ()


class _Counting(_Board):
    """``_Board`` that counts the sentences it is asked to tag."""

    def __init__(self) -> None:
        self.asked = 0

    def set(self, xseq: list[list[str]]) -> None:
        super().set(xseq)
        self.asked += 1


def test_may_build_only_when_a_cue_candidate_reaches_the_cue_level() -> None:
    sentence = _sentence(CONCEDED, CONCEDED_WORDS)
    assert may_build(sentence, [], _Always(0.3))
    assert not may_build(sentence, [], _Always(0.1))


def test_a_sentence_where_nothing_can_be_built_is_not_tagged_and_stays_the_same() -> None:
    _, doc = _conceded_document()
    low, high = _Counting(), _Counting()
    assert checked_sources(doc, low, cues=_Always(0.1)) == doc
    assert low.asked == 0  # every candidate scores below the cue level: the tagger is not asked
    checked_sources(doc, high, cues=_Always(0.3))
    assert high.asked == 1
