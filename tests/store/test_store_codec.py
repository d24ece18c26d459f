"""A processed document, tokens and all, is stored as a record and loads back equal."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from storyline.records import Attribution, Document, Entity, Hint, Quantity, Sentence, TimeExpression, Token
from storyline.store.codec import decode_document, encode_document
from storyline.store.store import open_store
from storyline.textmap import TextMap


def _processed(make_doc: Callable[..., Document]) -> Document:
    doc = make_doc("Officials said 3,000 sq km were retaken on Sunday.", "2022-09-11", "Wire")
    sentence = replace(
        doc.sentences[0],
        tokens=(Token(0, 9, "Officials", "official", "NOUN", "NNS", "nsubj", 1),),
        entities=(Entity(40, 46, "Sunday", "DATE"),),
        times=(TimeExpression(43, 49, "Sunday", "DATE", "2022-09-11", "2022-09-11"),),
        quantities=(Quantity(15, 26, "3,000 sq km", 3000.0, 3000.0, 3000.0, "km2", "sq km", None, "area"),),
        attributions=(Attribution(cue=(10, 14), content=(15, 49), source=(0, 9), speaker="Officials"),),
        event_date="2022-09-11",
    )
    hints = (Hint("source", "Wire", "manifest"),)
    return replace(doc, sentences=(sentence,), hints=hints, paragraphs=((0, 49),), published_confidence=0.5)


def test_encoded_document_decodes_equal(make_doc: Callable[..., Document]) -> None:
    doc = _processed(make_doc)
    assert decode_document(encode_document(doc)) == doc


def test_stored_document_loads_back_equal(store_url: str, make_doc: Callable[..., Document]) -> None:
    doc = _processed(make_doc)
    with open_store(store_url) as store:
        assert store.add_documents([doc, doc]) == 2
        assert store.add_documents([doc]) == 1
        assert store.load_documents([doc.id, "missing"]) == {doc.id: doc}


WORD = st.text(max_size=8)
TOKENS = st.lists(
    st.builds(Token, st.integers(0, 999), st.integers(0, 999), WORD, WORD, WORD, WORD, WORD, st.integers(-5, 5)),
    max_size=6,
)
ENTITIES = st.lists(st.builds(Entity, st.integers(0, 999), st.integers(0, 999), WORD, WORD), max_size=3)


@given(st.lists(st.tuples(TOKENS, ENTITIES), max_size=4))
def test_tokens_and_entities_of_any_text_decode_equal(sentences: list[tuple[list[Token], list[Entity]]]) -> None:
    parsed = tuple(
        Sentence(index=i, start=0, end=1, text="x", paragraph=0, tokens=tuple(tokens), entities=tuple(entities))
        for i, (tokens, entities) in enumerate(sentences)
    )
    doc = Document(id="d", path="d", raw_text="x", text="x", text_map=TextMap.identity(1), sentences=parsed)
    decoded = decode_document(encode_document(doc))
    assert decoded == doc
    # each distinct tag is one string object
    assert all(t.tag is sys.intern(t.tag) for s in decoded.sentences for t in s.tokens)
