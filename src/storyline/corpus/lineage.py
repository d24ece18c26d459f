"""Which reports are copies of which: each derived report's parent and root origin (from the
derivation stage's links), whether two sentences of one lineage are copies (``Lineage``), and how many
independent outlets a set of mentions comes from. Shared by the events, figures, contradictions and
key-dates stages."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from storyline.records import Derivation, Document, DocumentId, Mention, SourceName


def parent_map(derivations: Sequence[Derivation]) -> dict[DocumentId, DocumentId]:
    """Each derived document mapped to the report it was derived from (the strongest match)."""
    parent: dict[DocumentId, DocumentId] = {}
    for d in sorted(derivations, key=lambda d: d.score):
        parent[d.document] = d.origin
    return parent


def ancestors(doc_id: DocumentId, parent: Mapping[DocumentId, DocumentId]) -> list[DocumentId]:
    """The chain of origins of a document, nearest first (cycles are cut)."""
    chain: list[DocumentId] = []
    node = doc_id
    while node in parent and parent[node] not in chain and parent[node] != doc_id:
        node = parent[node]
        chain.append(node)
    return chain


def origin_map(derivations: Sequence[Derivation]) -> dict[DocumentId, DocumentId]:
    """Each derived document mapped to its root origin (the first report of the chain)."""
    parent = parent_map(derivations)
    return {doc: (ancestors(doc, parent) or [doc])[-1] for doc in parent}


def outlet(doc_id: DocumentId, documents: Mapping[DocumentId, Document]) -> SourceName:
    """The outlet that published a document; a document without a source stands for itself."""
    doc = documents.get(doc_id)
    return doc.source if doc is not None and doc.source else doc_id


def count_independent(
    mentions: Sequence[Mention],
    roots: Mapping[DocumentId, DocumentId],
    documents: Mapping[DocumentId, Document],
) -> int:
    """Distinct outlets of the root origins of the mentions' documents."""
    return len({outlet(roots.get(m.document, m.document), documents) for m in mentions})


@dataclass(frozen=True)
class Lineage:
    """Which reports derive from which, to tell a copy from a rival."""

    roots: Mapping[DocumentId, DocumentId]
    documents: Mapping[DocumentId, Document]
    copy_similarity: float

    def root(self, doc_id: DocumentId) -> DocumentId:
        return self.roots.get(doc_id, doc_id)

    def is_copy(self, a: tuple[DocumentId, str], b: tuple[DocumentId, str]) -> bool:
        """Two sentences of different reports of one lineage that say the same thing."""
        if a[0] == b[0] or self.root(a[0]) != self.root(b[0]):
            return False
        return fuzz.ratio(a[1], b[1]) >= self.copy_similarity

    def who(self, doc_id: DocumentId, attributed_to: str | None) -> str:
        return attributed_to or outlet(doc_id, self.documents)
