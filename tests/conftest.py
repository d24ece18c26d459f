"""Small hand-built documents for the tests. No model is loaded here."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from hypothesis import settings

from storyline.records import Document, Entity, Sentence, Token
from storyline.textmap import TextMap

# Property tests are judged by what they assert, not by their speed: on a loaded machine a trivial
# example once took 258 ms, past hypothesis's 200 ms deadline, and failed as "Unreliable test
# timings" (test_date_comparison_is_antisymmetric, 2 of 50 seeds). The example counts stay each test's.
settings.register_profile("storyline", deadline=None)
settings.load_profile("storyline")

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


@pytest.fixture
def make_doc() -> Callable[..., Document]:
    """``make_doc(text, published="2022-09-10", source="Wire")`` gives a document with sentences."""
    return build_document


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"benchmark data not found at {SHARED_DATA}; put ../shared/data beside the repo to run this")
    return SHARED_DATA


# Two stories of our own writing, for building mixed input: a flood and a ferry strike.
MIXED_REPORTS = {
    "flood1.txt": (
        "title: River Alder bursts its banks in Millbrook\nsource: Valley Courier\ndate 2025-02-10\n\n"
        "The River Alder burst its banks in Millbrook on Sunday night and flooded 200 homes, the town council said.\n"
        "Rescue crews moved families from the lower streets of Millbrook to the school hall.\n"
    ),
    "flood2.txt": (
        "title: Millbrook flood: 200 homes under water\nsource: Northern Gazette\ndate 2025-02-10\n\n"
        "Floodwater from the River Alder reached 200 homes in Millbrook after heavy rain, council officials said.\n"
        "Families from the lower streets of Millbrook spent the night in the school hall as rescue crews worked.\n"
    ),
    "flood3.txt": (
        "title: Millbrook begins clean-up as the River Alder falls\nsource: Valley Courier\ndate 2025-02-12\n\n"
        "The River Alder fell on Wednesday and Millbrook residents began clearing mud from flooded homes.\n"
        "The council said 200 homes were hit by the flood and the school hall stays open for families.\n"
    ),
    "ferry1.txt": (
        "title: Ferry crews strike at Port Wren\nsource: Harbour Post\ndate 2025-03-03\n\n"
        "Harbor Ferries cancelled every sailing from Port Wren on Monday as the Dockers Union began a strike "
        "over pay.\n"
        "Mara Quill, who leads the Dockers Union, said the strike would last a week.\n"
    ),
    "ferry2.txt": (
        "title: No ferries leave Port Wren as the dockers walk out\nsource: Coastal Wire\ndate 2025-03-03\n\n"
        "No Harbor Ferries sailing left Port Wren on Monday: the Dockers Union strike over pay stopped the service.\n"
        "Mara Quill of the Dockers Union said the walkout would go on for a week.\n"
    ),
    "ferry3.txt": (
        "title: Port Wren ferry strike enters third day\nsource: Harbour Post\ndate 2025-03-05\n\n"
        "The Dockers Union strike at Port Wren entered its third day on Wednesday; every Harbor Ferries sailing "
        "was cancelled.\nMara Quill said the union would meet Harbor Ferries managers about pay on Friday.\n"
    ),
}
HASHING_CONFIG = '[derivation]\nembedding_model = "hashing"\n'


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    """A folder of six reports: three on a flood in Millbrook, three on a ferry strike at Port Wren."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name, text in MIXED_REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def hashing_config(tmp_path: Path) -> Path:
    """A --config file that swaps MiniLM for the hashing encoder, for tests not about the model."""
    path = tmp_path / "hashing.toml"
    path.write_text(HASHING_CONFIG, encoding="utf-8")
    return path
