from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

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


def _document(text: str, name: str = "d") -> Document:
    return Document(id=name, path=name, raw_text=text, text=text, text_map=TextMap.identity(len(text)))


# Made-up words and numbers, so that the parse meets strings the model's vocabulary lacks.
NEW_WORDS = [
    "Mayor Quelbrant Ostravik said on Tuesday that 41,273 households in Vendrisk had lost power.",
    "Relief convoys from Harnovel reached Zaplitsa late on Friday, officials told reporters.\n\n"
    "About 3,917 people sheltered in the Drovenko sports hall overnight.",
]


@pytest.mark.model
def test_freeing_spacy_strings_after_each_batch_changes_no_annotation() -> None:
    docs = [_document(t, f"d{i}") for i, t in enumerate(NEW_WORDS)]
    freed = nlp.build(Config.from_dict({"nlp": {"free_strings": True, "lemma_cache_size": 0}})).batch
    kept = nlp.build(Config.from_dict({"nlp": {"free_strings": False}})).batch
    assert freed is not None and kept is not None
    first = freed(docs)
    assert kept(docs) == first
    assert freed(docs) == first  # and again, after the strings were freed


@pytest.mark.model
def test_spacy_string_store_does_not_grow_with_new_words_across_batches() -> None:
    config = Config()
    stage = nlp.build(config)
    model = nlp.load_model(config.nlp.model, config.nlp.gazetteer_min_population)
    stage(_document("Warm-up sentence about the weather."))
    before = len(model.vocab.strings)
    for n in range(3):
        stage(_document(f"Inspector Vorlakiß{n} counted {n}8,{n}31 crates at Pelmarka{n} on Monday."))
    assert len(model.vocab.strings) == before


def test_lemma_cache_is_emptied_only_past_its_bound() -> None:
    import spacy

    model = spacy.blank("en")
    lemmatizer = model.add_pipe("lemmatizer", config={"mode": "rule"})
    lemmatizer.cache.update({(i, 0, 0): ["form"] for i in range(10)})
    nlp.bound_lemma_cache(model, 10)
    assert len(lemmatizer.cache) == 10
    lemmatizer.cache[(10, 0, 0)] = ["form"]
    nlp.bound_lemma_cache(model, 10)
    assert lemmatizer.cache == {}


def test_lemma_cache_bound_ignores_a_pipeline_without_lemmatizer() -> None:
    import spacy

    nlp.bound_lemma_cache(spacy.blank("en"), 0)  # nothing to empty, and no error


def test_a_short_paragraph_is_parsed_whole() -> None:
    text = "First line of a paragraph.\nSecond line.\n\nAnother paragraph."
    spans = nlp.paragraphs(text)
    assert nlp.parse_pieces(text, spans, max_words=10) == [(a, b, i) for i, (a, b) in enumerate(spans)]


def test_a_long_paragraph_is_cut_at_the_last_line_break_that_fits() -> None:
    text = "One two three.\nFour five six.\nSeven eight nine. Ten eleven."
    pieces = nlp.parse_pieces(text, nlp.paragraphs(text), max_words=7)
    assert [text[a:b] for a, b, _ in pieces] == ["One two three.\nFour five six.", "Seven eight nine. Ten eleven."]
    assert {p for _, _, p in pieces} == {0}


def test_a_long_line_is_cut_at_a_sentence_end_before_any_space() -> None:
    text = "Alpha beta. Gamma delta epsilon zeta."
    pieces = nlp.parse_pieces(text, nlp.paragraphs(text), max_words=4)
    assert [text[a:b] for a, b, _ in pieces] == ["Alpha beta.", "Gamma delta epsilon zeta."]


WORDS = st.sampled_from(["word", "Word.", "end!", "x", "\u00e9t\u00e9,"])
SEPARATORS = st.sampled_from([" ", "  ", "\n", " \n", "\n\n"])


@given(st.lists(st.tuples(WORDS, SEPARATORS), max_size=60), st.integers(1, 12))
def test_pieces_keep_every_word_in_order_within_the_word_limit(parts: list[tuple[str, str]], limit: int) -> None:
    text = "".join(w + s for w, s in parts)
    spans = nlp.paragraphs(text)
    pieces = nlp.parse_pieces(text, spans, limit)
    for index, (start, end) in enumerate(spans):
        mine = [(a, b) for a, b, p in pieces if p == index]
        assert " ".join(text[a:b] for a, b in mine).split() == text[start:end].split()
        assert all(start <= a < b <= end for a, b in mine)
        assert all(b1 <= a2 for (_, b1), (a2, _) in pairwise(mine))
        assert all(len(text[a:b].split()) <= limit for a, b in mine)


@pytest.mark.model
def test_a_paragraph_parsed_in_pieces_keeps_its_sentences_and_its_index() -> None:
    lines = [f"Officials in Harnovel counted {n} damaged houses on Monday." for n in range(12)]
    text = "Flood report\n\n" + "\n".join(lines)
    doc = _document(text)
    whole = nlp.build(Config())(doc)
    cut = nlp.build(Config.from_dict({"nlp": {"max_parse_words": 20}}))(doc)
    assert [s.text for s in cut.sentences] == [s.text for s in whole.sentences] == ["Flood report", *lines]
    assert [s.paragraph for s in cut.sentences] == [0] + [1] * 12
    assert cut.paragraphs == whole.paragraphs
