"""A projection keeps every field the corpus stages and the outputs read, loads from the store without
decoding what it drops, and is never stored in place of a full record."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, replace
from pathlib import Path

import pytest

from storyline.build import build_story, write_outputs
from storyline.corpus.role_holders import resolve_roles
from storyline.output.export import story_to_dict
from storyline.records import Attribution, Document, Entity, Hint, Quantity, TimeExpression, Token
from storyline.store.codec import decode_projection, encode_document
from storyline.store.projection import PROJECTED, is_projection, project
from storyline.store.store import StoreError, open_store
from storyline.textmap import Piece, TextMap

MANIFEST = Path(__file__).resolve().parents[2] / "examples" / "kharkiv-2022" / "manifest.csv"
DROPPED = {"raw_text", "text_map", "hints", "html", "done", "sentences"}


def _processed(make_doc: Callable[..., Document]) -> Document:
    doc = make_doc("Rescuers said 40 people were evacuated on Monday.", "2023-03-06", "Wire")
    sentence = replace(
        doc.sentences[0],
        tokens=(Token(0, 8, "Rescuers", "rescuer", "NOUN", "NNS", "nsubj", 1),),
        entities=(Entity(42, 48, "Monday", "DATE"),),
        times=(TimeExpression(42, 48, "Monday", "DATE", "2023-03-06", "2023-03-06"),),
        quantities=(Quantity(14, 23, "40 people", 40.0, 40.0, 40.0, "count", None, None, "people"),),
        attributions=(Attribution(cue=(9, 13), content=(14, 48), source=(0, 8), speaker="Rescuers"),),
        event_date="2023-03-06",
    )
    return replace(
        doc,
        sentences=(sentence,),
        hints=(Hint("source", "Wire", "manifest"),),
        text_map=TextMap((Piece(0, 3, 20), Piece(20, 24, 29))),
        html="<p>Rescuers said ...</p>",
        boilerplate_removed=("Sign up for our newsletter",),
    )


def test_projection_empties_the_text_map_raw_text_hints_html_and_tokens_and_keeps_the_rest(
    make_doc: Callable[..., Document],
) -> None:
    doc = _processed(make_doc)
    projected = project(doc)
    assert (projected.raw_text, projected.text_map, projected.hints, projected.html) == (
        "",
        TextMap.unmapped(),
        (),
        None,
    )
    assert projected.done == doc.done | {PROJECTED}
    assert is_projection(projected) and not is_projection(doc)
    for f in fields(Document):
        if f.name not in DROPPED:
            assert getattr(projected, f.name) == getattr(doc, f.name), f.name
    assert projected.sentences == tuple(replace(s, tokens=()) for s in doc.sentences)


def test_projection_decoded_from_a_record_equals_the_projection_of_the_document(
    make_doc: Callable[..., Document],
) -> None:
    doc = _processed(make_doc)
    assert decode_projection(encode_document(doc)) == project(doc)


def test_store_loads_projections_of_its_records(store_url: str, make_doc: Callable[..., Document]) -> None:
    doc = _processed(make_doc)
    with open_store(store_url) as store:
        store.add_documents([doc])
        assert store.load_projections([doc.id, "missing"]) == {doc.id: project(doc)}
        assert store.load_documents([doc.id]) == {doc.id: doc}


def test_store_refuses_a_projection_as_a_record_and_keeps_the_full_one(
    store_url: str, make_doc: Callable[..., Document]
) -> None:
    doc = _processed(make_doc)
    with open_store(store_url) as store:
        store.add_documents([doc])
        with pytest.raises(StoreError, match=r"E193: document '\w+' \(test.txt\) is a projection"):
            store.add_documents([project(doc)])
        assert store.load_documents([doc.id]) == {doc.id: doc}


def test_story_document_ids_come_in_story_order_and_load_can_leave_documents_out(tmp_path: Path) -> None:
    story = {
        "schema_version": "1",
        "story": {"id": "s", "title": "S"},
        "documents": [{"id": "b", "path": "b.txt"}, {"id": "a", "path": "a.txt"}],
        "events": [],
    }
    with open_store(f"sqlite:///{tmp_path / 'db.sqlite'}") as store:
        store.save(story)
        assert store.document_ids("s") == ["b", "a"]
        assert store.document_ids("other") == []
        assert "documents" not in store.load("s", documents=False)
        assert store.load("s", documents=False)["events"] == []


@pytest.mark.model
def test_build_over_projections_gives_the_same_story_files_and_full_records(tmp_path: Path) -> None:
    """The corpus stages and the outputs read nothing a projection drops: building with the records
    stored as they come (projections in memory) gives the same story.json, reports and records."""
    full = build_story([], manifest=MANIFEST, name="kharkiv-2022")
    with open_store(f"sqlite:///{tmp_path / 'slim' / 'storyline.db'}") as store:
        slim = build_story([], manifest=MANIFEST, name="kharkiv-2022", records=store)
        assert all(is_projection(d) for d in slim.documents)
        assert story_to_dict(slim) == story_to_dict(full)
        stored = store.load_documents(d.id for d in full.documents)
    # the stored records are the per-document results: the story's cross-report stages (role speakers
    # resolved across reports) are run again on every build, so the records plus those give the story
    assert set(stored) == {d.id for d in full.documents}
    from_records = replace(full, documents=tuple(stored[d.id] for d in full.documents))
    assert resolve_roles(from_records).documents == full.documents
    write_outputs(full, tmp_path / "full")
    write_outputs(slim, tmp_path / "slim")  # saves no projection as a record (E193 otherwise)
    for name in ("story.json", "report.md", "report.html"):
        assert (tmp_path / "slim" / name).read_bytes() == (tmp_path / "full" / name).read_bytes(), name
