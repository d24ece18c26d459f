from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest

from storyline.config import CleanConfig, Config, DerivationConfig
from storyline.corpus import derivation
from storyline.corpus.derivation import find_derivations
from storyline.corpus.derivation_stream import (
    StreamedDerivation,
    clock_days,
    find_derivations_streamed,
    stream_derivations,
    stream_order,
)
from storyline.corpus.embeddings import HashingEncoder
from storyline.doc import clean, metadata
from storyline.errors import StageError
from storyline.eval.derivation import EXAMPLES as EXAMPLE_FOLDER
from storyline.eval.derivation import make_document, sentences_of
from storyline.eval.derivation_set import generate, load_bases
from storyline.io.read import read_inputs
from storyline.records import Document, Story

MakeDoc = Callable[..., Document]
ENCODER = HashingEncoder()
# Made-up words: reports of random words from them share few words, so none is derived from another.
SYLLABLES = ("ka", "lo", "mer", "vin", "tas", "por", "eld", "quin", "ru", "sab", "te", "dov")
REPORT = (
    "Crews repaired the sea wall at Lowmere on Monday after a storm broke a ten metre section. "
    "The council said the work would cost about 80,000 pounds and take a week. "
    "Residents living near the promenade were asked to keep clear of the site. "
    "Sandbags were placed along the road by the lifeboat station as a precaution."
)


def _day(start: str, days: int) -> str:
    return (date.fromisoformat(start) + timedelta(days=days)).isoformat()


def _filler(seed: int) -> str:
    rng = random.Random(seed)
    words = ["".join(rng.choices(SYLLABLES, k=3)) for _ in range(36)]
    return " ".join(" ".join(words[i : i + 9]).capitalize() + "." for i in range(0, 36, 9))


def _story_docs(make_doc: MakeDoc, days: int, per_day: int = 1) -> list[Document]:
    """Unrelated reports, ``per_day`` a day from 2023-01-01."""
    return [
        make_doc(_filler(d * 100 + k), published=_day("2023-01-01", d), source=f"s{k}")
        for d in range(days)
        for k in range(per_day)
    ]


def test_streamed_links_are_the_in_memory_links_on_a_generated_set() -> None:
    bases = load_bases(EXAMPLE_FOLDER, None)
    docs = [make_document(r, CleanConfig()) for r in generate(bases, 200, seed=5)]
    config = DerivationConfig()
    expected = find_derivations(Story(id="s", title="t", documents=tuple(docs)), ENCODER, config)
    assert expected
    assert find_derivations_streamed(docs, ENCODER, config) == expected


def test_streamed_links_are_the_in_memory_links_on_the_example_corpus() -> None:
    read, _ = read_inputs([EXAMPLE_FOLDER], EXAMPLE_FOLDER / "manifest.csv")
    config = Config()
    steps = (clean.build(config), metadata.build(config))
    docs = []
    for doc in read:
        for step in steps:
            doc = step.func(doc)
        docs.append(replace(doc, sentences=sentences_of(doc.text)))
    expected = find_derivations(Story(id="s", title="t", documents=tuple(docs)), ENCODER, config.derivation)
    assert {d.document for d in expected}  # the example's copy and rewrite are found
    assert find_derivations_streamed(docs, ENCODER, config.derivation) == expected


def test_streamed_links_are_the_in_memory_links_on_the_1000_report_set(shared_data: Path) -> None:
    bases = load_bases(EXAMPLE_FOLDER, shared_data / "timeline17")
    docs = [make_document(r, CleanConfig()) for r in generate(bases, 1000, seed=20240917)]
    config = DerivationConfig()
    expected = find_derivations(Story(id="s", title="t", documents=tuple(docs)), ENCODER, config)
    assert find_derivations_streamed(docs, ENCODER, config) == expected


def test_copy_and_rewrite_of_a_report_are_found_in_the_stream(make_doc: MakeDoc) -> None:
    docs = _story_docs(make_doc, 40)
    original = make_doc(REPORT, published="2023-01-20", source="Coast Post")
    copy = make_doc(REPORT, published="2023-01-22", source="Bay Herald")
    found = find_derivations_streamed([*docs, copy, original], ENCODER, DerivationConfig())
    assert [(d.document, d.origin, d.relation) for d in found] == [(copy.id, original.id, "duplicate")]


def test_undated_reports_take_the_day_of_the_last_dated_one_before_them(make_doc: MakeDoc) -> None:
    first = make_doc("First.", path="a.txt")
    dated = make_doc("Dated.", published="2023-03-05", path="b.txt")
    later = make_doc("Later.", path="c.txt")
    days = [(day, doc.path) for day, doc in clock_days([first, dated, later])]
    march_5 = date(2023, 3, 5).toordinal()
    assert days == [(march_5, "a.txt"), (march_5, "b.txt"), (march_5, "c.txt")]


def test_stream_order_puts_undated_reports_at_their_clock(make_doc: MakeDoc) -> None:
    early = make_doc("Early.", published="2023-01-01", path="a.txt")
    late = make_doc("Late.", published="2023-02-01", path="b.txt")
    undated = make_doc("Undated.", path="c.txt")
    ordered = [d.path for d in stream_order([late, undated, early])]
    assert ordered[0] == "a.txt" and set(ordered[1:]) == {"b.txt", "c.txt"}  # c is on b's day


def test_report_arriving_after_its_dates_were_derived_names_the_fix(make_doc: MakeDoc) -> None:
    docs = [*_story_docs(make_doc, 60), make_doc("A late one.", published="2023-01-02", path="late.txt")]
    with pytest.raises(StageError, match=r"E231: late\.txt"):
        list(stream_derivations(docs, ENCODER, DerivationConfig()))


def test_stream_without_a_window_names_the_setting() -> None:
    with pytest.raises(StageError, match="E230"):
        StreamedDerivation(ENCODER, DerivationConfig(rewrite_window_days=None))


def test_reports_held_at_once_are_bounded_by_the_window_not_the_corpus(make_doc: MakeDoc) -> None:
    config = DerivationConfig(rewrite_window_days=7)
    state = StreamedDerivation(ENCODER, config)
    docs = _story_docs(make_doc, 120, per_day=2)
    for day, doc in clock_days(docs):
        list(state.add(day, doc))
    list(state.finish())
    assert state.held_peak <= 4 * 7 * 2  # four spans of seven days, two reports a day
    assert all(not r.shingles.size for i, r in enumerate(state.reports) if i not in state.holding)


class _StubEncoder:
    """Hashed vectors, counting the texts it is asked to encode."""

    def __init__(self) -> None:
        self.asked = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.asked += len(texts)
        return ENCODER.encode(texts)


def test_sentence_vectors_held_are_bounded_by_the_window_not_the_corpus(make_doc: MakeDoc) -> None:
    config = DerivationConfig(rewrite_window_days=7)
    stub = _StubEncoder()
    state = StreamedDerivation(stub, config)
    docs = _story_docs(make_doc, 120, per_day=2)  # four sentences each, none shared
    sizes = []
    for day, doc in clock_days(docs):
        list(state.add(day, doc))
        sizes.append(len(state.vectors))
    list(state.finish())
    assert stub.asked == 120 * 2 * 4  # each sentence encoded once
    assert max(sizes) <= 4 * 7 * 2 * 4  # four spans of seven days, two reports a day, four sentences
    assert len(state.vectors) <= 4 * 7 * 2 * 4


def test_copy_in_the_next_span_reuses_the_held_vectors_of_its_origin(make_doc: MakeDoc) -> None:
    stub = _StubEncoder()
    original = make_doc(REPORT, published="2023-01-20", source="Coast Post")
    copy = make_doc(REPORT, published="2023-01-30", source="Bay Herald")  # 14-day spans: the next one
    found = list(stream_derivations([original, copy], stub, DerivationConfig()))
    assert [(d.document, d.origin) for d in found] == [(copy.id, original.id)]
    assert stub.asked == len(original.sentences)


def test_chain_whose_first_origin_left_the_window_names_it_with_a_note(make_doc: MakeDoc) -> None:
    config = DerivationConfig(rewrite_window_days=7)
    extra = " The lifeboat crew was stood down at dusk."
    hops = [make_doc(REPORT + extra * k, published=_day("2023-01-01", 6 * k), source=f"hop{k}") for k in range(6)]
    found = {d.document: d for d in find_derivations_streamed([*_story_docs(make_doc, 40), *hops], ENCODER, config)}
    last = found[hops[-1].id]
    assert last.origin == hops[0].id
    assert last.note is not None and "left the stream's window" in last.note


def test_stage_streams_when_configured(make_doc: MakeDoc) -> None:
    original = make_doc(REPORT, published="2023-01-20", source="Coast Post")
    copy = make_doc(REPORT, published="2023-01-22", source="Bay Herald")
    config = Config.model_validate({"derivation": {"streamed": True, "embedding_model": "hashing"}})
    stage = derivation.build(config, ENCODER)
    story = stage.func(Story(id="s", title="t", documents=(copy, original)))
    assert [(d.document, d.origin) for d in story.derivations] == [(copy.id, original.id)]
