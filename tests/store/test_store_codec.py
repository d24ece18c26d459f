"""A processed document, tokens and all, is stored as a record and loads back equal; a record of the
previous version loads upgraded."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import insert, select

from storyline.doc.digest import digest
from storyline.records import Attribution, Document, Entity, Hint, Quantity, Sentence, TimeExpression, Token
from storyline.store import tables
from storyline.store.codec import RECORD_VERSION, decode_document, encode_document
from storyline.store.projection import project
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


def _as_version_2(data: dict[str, Any]) -> dict[str, Any]:
    """A current record's JSON as version 2 wrote it: without what ``doc.digest`` reads."""
    sentences = [
        {
            **{k: v for k, v in s.items() if k not in ("action", "actions", "lemmas", "happenings")},
            "quantities": [{k: v for k, v in q.items() if k not in ("subject", "counted")} for q in s["quantities"]],
        }
        for s in data["sentences"]
    ]
    return {**data, "sentences": sentences, "done": sorted(set(data["done"]) - {"digest"})}


def _parsed(make_doc: Callable[..., Document]) -> Document:
    """A document as the per-document stages leave it, with a parse and the ``digest`` stage's readings."""
    doc = make_doc("The storm has cut 300 homes off.", "2024-01-05", "Wire")
    words = [("The", "DET", "det", 1), ("storm", "NOUN", "nsubj", 3), ("has", "AUX", "aux", 3),
             ("cut", "VERB", "ROOT", 3), ("300", "NUM", "nummod", 5), ("homes", "NOUN", "dobj", 3),
             ("off", "ADP", "prt", 3), (".", "PUNCT", "punct", 3)]  # fmt: skip
    tokens, at = [], 0
    for text, pos, dep, head in words:
        lemma = "home" if text == "homes" else text.lower()
        tokens.append(Token(at, at + len(text), text, lemma, pos, "CD" if pos == "NUM" else "", dep, head))
        at += len(text) + (0 if text == "off" else 1)
    quantity = Quantity(18, 27, "300 homes", 300.0, 300.0, 300.0, "count", None, None, "homes")
    sentence = replace(doc.sentences[0], tokens=tuple(tokens), quantities=(quantity,))
    return replace(digest(replace(doc, sentences=(sentence,))), done=doc.done | {"nlp", "quantities", "digest"})


def test_a_version_2_record_loads_with_the_digest_read_from_its_tokens(
    store_url: str, make_doc: Callable[..., Document]
) -> None:
    doc = _parsed(make_doc)
    s = doc.sentences[0]
    assert (s.action, s.lemmas, s.quantities[0].subject, s.quantities[0].counted) == (
        True,
        ("storm", "cut", "home"),
        "storm",
        "home",
    )
    old = _as_version_2(encode_document(doc))
    assert decode_document(old, version=2) == doc
    with open_store(store_url) as store:
        with store.engine.begin() as conn:
            conn.execute(insert(tables.document_records), [{"id": doc.id, "version": 2, "data": old}])
        assert store.load_documents([doc.id]) == {doc.id: doc}
        assert store.load_projections([doc.id]) == {doc.id: project(doc)}
        store.add_documents(store.load_documents([doc.id]).values())  # stored again, as the current version
        with store.engine.connect() as conn:
            assert conn.execute(select(tables.document_records.c.version)).scalar_one() == RECORD_VERSION == 10


def test_a_version_3_record_loads_with_its_happenings_read_from_its_tokens(make_doc: Callable[..., Document]) -> None:
    doc = _parsed(make_doc)
    assert [(h.verb, h.actor) for h in doc.sentences[0].happenings] == [("cut", None)]
    data = encode_document(doc)
    old = {**data, "sentences": [{k: v for k, v in s.items() if k != "happenings"} for s in data["sentences"]]}
    assert decode_document(old, version=3) == doc


def test_a_version_4_record_loads_with_its_happenings_marked_generic_from_its_tokens(
    make_doc: Callable[..., Document],
) -> None:
    doc = make_doc("People should boil the water.", "2024-01-05", "Wire")
    words = [("People", "NOUN", "NNS", "nsubj", 2), ("should", "AUX", "MD", "aux", 2),
             ("boil", "VERB", "VB", "ROOT", 2), ("the", "DET", "DT", "det", 4),
             ("water", "NOUN", "NN", "dobj", 2), (".", "PUNCT", ".", "punct", 2)]  # fmt: skip
    tokens, at = [], 0
    for text, pos, tag, dep, head in words:
        tokens.append(Token(at, at + len(text), text, text.lower(), pos, tag, dep, head))
        at += len(text) + (0 if text == "water" else 1)
    doc = digest(replace(doc, sentences=(replace(doc.sentences[0], tokens=tuple(tokens)),), done=doc.done | {"digest"}))
    assert [(h.verb, h.generic) for h in doc.sentences[0].happenings] == [("boil", "advice")]
    data = encode_document(doc)
    sentences = [
        {**s, "happenings": [{k: v for k, v in h.items() if k != "generic"} for h in s["happenings"]]}
        for s in data["sentences"]
    ]
    assert decode_document({**data, "sentences": sentences}, version=4) == doc


def test_a_version_5_record_loads_with_where_its_verbs_of_action_start_read_from_its_tokens(
    make_doc: Callable[..., Document],
) -> None:
    doc = _parsed(make_doc)
    assert doc.sentences[0].actions == (len("The storm has "),)  # "cut"; not the auxiliary "has"
    data = encode_document(doc)
    old = {**data, "sentences": [{k: v for k, v in s.items() if k != "actions"} for s in data["sentences"]]}
    assert decode_document(old, version=5) == doc


def test_a_record_of_an_unknown_version_is_not_loaded(store_url: str, make_doc: Callable[..., Document]) -> None:
    doc = _parsed(make_doc)
    with open_store(store_url) as store:
        with store.engine.begin() as conn:
            conn.execute(insert(tables.document_records), [{"id": doc.id, "version": 1, "data": encode_document(doc)}])
        assert store.load_documents([doc.id]) == {}
