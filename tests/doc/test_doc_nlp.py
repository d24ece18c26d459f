import pytest

from storyline.config import Config
from storyline.doc import nlp
from storyline.doc.gazetteer import place_names
from storyline.records import Document
from storyline.textmap import TextMap


def test_blank_lines_and_headlines_split_paragraphs() -> None:
    text = "Forces retake town\n\nFirst sentence. Second sentence.\nStill the same paragraph.\n\nLast."
    spans = nlp.paragraphs(text)
    assert [text[a:b] for a, b in spans] == [
        "Forces retake town",
        "First sentence. Second sentence.\nStill the same paragraph.",
        "Last.",
    ]


def test_gazetteer_knows_small_places() -> None:
    names = place_names(500)
    assert "balakliia" in names or "balakleya" in names
    assert "kharkiv" in names


@pytest.mark.model
def test_sentences_never_cross_paragraphs_and_offsets_slice_the_text() -> None:
    text = "Troops retake town\n\nUkrainian forces entered Balakliia on Thursday. Officials said so.\n\nNext part"
    doc = Document(id="d", path="p", raw_text=text, text=text, text_map=TextMap.identity(len(text)))
    out = nlp.build(Config())(doc)
    assert [s.text for s in out.sentences] == [
        "Troops retake town",
        "Ukrainian forces entered Balakliia on Thursday.",
        "Officials said so.",
        "Next part",
    ]
    for sentence in out.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        for token in sentence.tokens:
            assert text[token.start : token.end] == token.text


@pytest.mark.model
def test_small_town_labelled_as_person_is_corrected_to_a_place() -> None:
    text = "Ukrainian forces entered Balakliia on Thursday, said Oleh Synehubov."
    doc = Document(id="d", path="p", raw_text=text, text=text, text_map=TextMap.identity(len(text)))
    ents = {e.text: e.label for s in nlp.build(Config())(doc).sentences for e in s.entities}
    assert ents["Balakliia"] == "GPE"
    assert ents["Oleh Synehubov"] == "PERSON"


def test_heads_are_indices_into_the_kept_tokens_of_the_sentence() -> None:
    # parse indices 10..14, with a white-space token at 12 left out: "said" (13) is the root
    assert nlp.local_heads([10, 11, 13, 14], [11, 13, 13, 13]) == [1, 2, 2, 2]


def test_head_outside_the_sentence_or_on_left_out_space_becomes_its_own_root() -> None:
    # token 11 hangs on token 30 of another sentence, token 13 on the white space at 12
    assert nlp.local_heads([10, 11, 13], [11, 30, 12]) == [1, 1, 2]


@pytest.mark.model
def test_every_head_stays_inside_its_sentence() -> None:
    text = "The mayor said   the bridge  would reopen.\n  \nShe added:\n“It is safe.” Engineers agreed."
    doc = Document(id="d", path="p", raw_text=text, text=text, text_map=TextMap.identity(len(text)))
    for sentence in nlp.build(Config())(doc).sentences:
        assert all(0 <= t.head < len(sentence.tokens) for t in sentence.tokens)
