"""Small hand-built documents for the tests. No model is loaded here."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from storyline.records import Document, Sentence
from storyline.textmap import TextMap

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"
EXAMPLES = ROOT / "examples"

_SENT_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+(?=[\"“‘A-Z0-9])")


def split_sentences(text: str) -> list[Sentence]:
    """Split by blank-line paragraphs, then by sentence punctuation. Good enough for tests."""
    sentences: list[Sentence] = []
    for p_index, para in enumerate(re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text)):
        start = para.start()
        for piece in _SENT_END.split(para.group()):
            offset = text.index(piece, start)
            sentences.append(
                Sentence(index=len(sentences), start=offset, end=offset + len(piece), text=piece, paragraph=p_index)
            )
            start = offset + len(piece)
    return sentences


def build_document(
    text: str,
    published: str | None = None,
    source: str | None = None,
    path: str = "test.txt",
    title: str | None = None,
) -> Document:
    doc_id = hashlib.sha1(f"{source}\n{text}".encode()).hexdigest()[:16]
    return Document(
        id=doc_id,
        path=path,
        raw_text=text,
        text=text,
        text_map=TextMap.identity(len(text)),
        source=source,
        title=title,
        published=published,
        published_from="manifest" if published else None,
        sentences=tuple(split_sentences(text)),
        done=frozenset({"read", "clean", "metadata", "nlp"}),
    )


@pytest.fixture
def make_doc() -> Callable[..., Document]:
    """``make_doc(text, published="2022-09-10", source="Wire")`` gives a document with sentences."""
    return build_document


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"benchmark data not found at {SHARED_DATA}; put ../shared/data beside the repo to run this")
    return SHARED_DATA
