"""Plain builders shared by the tests: hand-built documents and parsed sentences, no model loaded.

They live here, not in ``conftest.py``, because ``tests/store`` and ``tests/follow`` have conftest
modules of their own: ``from conftest import ...`` reads whichever conftest pytest loaded first and
fails when one of those is collected before the importing file. Fixtures stay in ``conftest.py``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from storyline.records import Document, Entity, Sentence, Token
from storyline.textmap import TextMap

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


ParsedWord = tuple[str, str, str, str, str, int]  # word, lemma, pos, tag, dep, head


def parsed_sentence(text: str, words: Sequence[ParsedWord], entities: Sequence[Entity] = ()) -> Sentence:
    """A sentence of ``text`` (offset 0, paragraph 0) with hand-built tokens, each word found in order."""
    tokens, at = [], 0
    for word, lemma, pos, tag, dep, head in words:
        start = text.index(word, at)
        tokens.append(Token(start, start + len(word), word, lemma, pos, tag, dep, head))
        at = start + len(word)
    return Sentence(0, 0, len(text), text, 0, tokens=tuple(tokens), entities=tuple(entities))


DELAY = "The delay, said Ann Roe, was avoidable."
DELAY_WORDS: list[ParsedWord] = [  # a report verb inside the clause it reports (attribution_inverted)
    ("The", "the", "DET", "DT", "det", 1),
    ("delay", "delay", "NOUN", "NN", "nsubj", 3),
    (",", ",", "PUNCT", ",", "punct", 3),
    ("said", "say", "VERB", "VBD", "ROOT", 3),
    ("Ann", "Ann", "PROPN", "NNP", "compound", 5),
    ("Roe", "Roe", "PROPN", "NNP", "nsubj", 7),
    (",", ",", "PUNCT", ",", "punct", 5),
    ("was", "be", "AUX", "VBD", "ccomp", 3),
    ("avoidable", "avoidable", "ADJ", "JJ", "acomp", 7),
    (".", ".", "PUNCT", ".", "punct", 3),
]
