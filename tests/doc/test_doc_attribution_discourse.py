from __future__ import annotations

from storyline.doc.attribution_discourse import DiscourseReader, discourse_features, speaker_words
from storyline.records import Attribution, Sentence, Token

FIRST = "Mayor Ann Rusk's office said the ferry will run."
SECOND = "Rusk also backs a second pier."
THIRD = "The pier opens in May."


def _sentence(text: str, start: int, paragraph: int, index: int) -> Sentence:
    return Sentence(index=index, start=start, end=start + len(text), text=text, paragraph=paragraph)


def _said(sentence: Sentence, source: str) -> Attribution:
    at = sentence.start + sentence.text.index(source)
    cue = sentence.start + sentence.text.index("said")
    return Attribution(
        cue=(cue, cue + 4), content=(cue + 5, sentence.end - 1), source=(at, at + len(source)), speaker=source
    )


def test_source_words_are_lowercased_without_possessive_or_punctuation() -> None:
    s = _sentence(FIRST, 0, 0, 0)
    assert speaker_words(s, [_said(s, "Mayor Ann Rusk's office")]) == {"mayor", "ann", "rusk", "office"}


def test_sentence_after_a_rule_attribution_in_its_paragraph_is_marked_and_knows_the_speaker() -> None:
    one = _sentence(FIRST, 0, 0, 0)
    two = _sentence(SECOND, len(FIRST) + 1, 0, 1)
    reader = DiscourseReader()
    first = reader.read(one, [_said(one, "Mayor Ann Rusk's office")])
    second = reader.read(two, [])
    assert first.first and first.opens_paragraph and not first.after_attribution and not first.speakers
    assert not second.first and not second.opens_paragraph and second.after_attribution
    assert "rusk" in second.speakers


def test_new_paragraph_is_not_after_an_attribution() -> None:
    one = _sentence(FIRST, 0, 0, 0)
    three = _sentence(THIRD, len(FIRST) + 2, 1, 1)
    reader = DiscourseReader()
    reader.read(one, [_said(one, "Mayor Ann Rusk's office")])
    where = reader.read(three, [])
    assert where.opens_paragraph and not where.after_attribution


def test_candidate_whose_subject_spoke_earlier_gets_the_speaker_feature() -> None:
    one = _sentence(FIRST, 0, 0, 0)
    two = _sentence(SECOND, len(FIRST) + 1, 0, 1)
    reader = DiscourseReader()
    reader.read(one, [_said(one, "Mayor Ann Rusk's office")])
    where = reader.read(two, [])
    rusk = Token(two.start, two.start + 4, "Rusk", "Rusk", "PROPN", "NNP", "nsubj", 2)
    pier = Token(two.start + 24, two.start + 28, "pier", "pier", "NOUN", "NN", "dobj", 2)
    names = discourse_features((rusk, pier), 0, "back", where)
    assert "subj_spoke" in names and "lemma=back|subj_spoke" in names and "after_attribution" in names
    assert "subj_spoke" not in discourse_features((rusk, pier), 1, "back", where)
