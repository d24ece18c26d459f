"""A processed document, tokens and all, is stored as a record and loads back equal."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from storyline.records import Attribution, Document, Entity, Hint, Quantity, TimeExpression, Token
from storyline.store.codec import decode_document, encode_document
from storyline.store.store import open_store


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
