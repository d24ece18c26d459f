from __future__ import annotations

from storyline.corpus.lineage import ancestors, count_independent, origin_map, outlet, parent_map
from storyline.records import Derivation, Mention


def _mention(document: str) -> Mention:
    return Mention(document, 0, "Crews reopened the bridge on Monday.", "reported", None, None, False)


def test_origin_map_follows_chains_to_the_root():
    chain = [Derivation("c", "b", "rewrite", 0.8, (), ()), Derivation("b", "a", "duplicate", 1.0, (), ())]
    assert origin_map(chain) == {"c": "a", "b": "a"}


def test_parent_is_the_strongest_derivation():
    links = [Derivation("c", "a", "rewrite", 0.9, (), ()), Derivation("c", "b", "rewrite", 0.7, (), ())]
    assert parent_map(links) == {"c": "a"}


def test_ancestors_stop_at_a_cycle():
    assert ancestors("a", {"a": "b", "b": "c", "c": "a"}) == ["b", "c"]


def test_a_document_without_a_source_stands_for_itself(make_doc):
    doc = make_doc("Crews reopened the bridge on Monday.", source="")
    assert outlet(doc.id, {doc.id: doc}) == doc.id
    assert outlet("missing", {}) == "missing"


def test_copies_of_one_origin_count_as_one_independent_source(make_doc):
    first, second, third = (make_doc(f"Crews reopened bridge {n} on Monday.", source=s) for n, s in enumerate("AAB"))
    documents = {d.id: d for d in (first, second, third)}
    copy = make_doc("Crews reopened the bridge on Monday, officials said.", source="C")
    documents[copy.id] = copy
    roots = {copy.id: first.id}
    mentions = [_mention(d) for d in documents]
    assert count_independent(mentions, roots, documents) == 2  # A (first, second and C's copy of first), B
